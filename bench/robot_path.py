"""The robot path against Opentrons' real robot-server (in simulation): for RUNS mixes run one
after another through `ot2ctl worker start --robot`, the time from the flow run's creation to
the robot run's first command (server and robot timestamps), and the upload + analysis time the
worker logs. Run with the worker's default polling and with --poll-seconds 1, since the poll
dominates the first figure. Called by bench/run.sh."""

import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time
import urllib.request
from datetime import datetime


def call(url, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        f"{url}{path}", data=data,
        headers={"content-type": "application/json", **(headers or {})},
        method="POST" if data else "GET",
    )
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ot2ctl", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--robot", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    api, robot = args.api_url, args.robot
    robot_headers = {"Opentrons-Version": "*"}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    home = tempfile.mkdtemp(prefix="ot2ctl-robot-bench-")
    env = {**os.environ, "OT2CTL_HOME": home, "PREFECT_API_URL": api}
    pool = "robot-bench-pool"
    subprocess.run([args.ot2ctl, "work-pool", "create", pool], env=env, check=True,
                   capture_output=True)
    project = os.path.join(home, "prefect.yaml")
    with open(project, "w") as f:
        f.write(f"deployments:\n  - name: bench\n    entrypoint: ot2:protocols/mix_color.py\n"
                f"    parameters: {{R: 120, Y: 50, B: 80, mix_well: B2}}\n"
                f"    work_pool: {{name: {pool}}}\n")
    subprocess.run([args.ot2ctl, "deploy", "--all", "--prefect-file", project], env=env,
                   cwd=root, check=True, capture_output=True)

    print(f"robot path: {args.runs} mixes one after another, robot-server 8.1.0 simulated")
    for poll in (None, "1"):
        worker_args = [args.ot2ctl, "worker", "start", "--pool", pool, "--robot", robot,
                       "--protocols-dir", os.path.join(root, "protocols")]
        if poll:
            worker_args += ["--poll-seconds", poll]
        worker = subprocess.Popen(worker_args, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        time.sleep(2)
        to_first_command, uploads = [], []
        try:
            for index in range(args.runs):
                created = json.loads(subprocess.run(
                    [args.ot2ctl, "run", "mix-color/bench", "--param", f"R={100 + index}",
                     "-o", "json"], env=env, check=True, capture_output=True, text=True).stdout)
                run_id = created["id"]
                deadline = time.time() + 120
                while True:
                    run = call(api, f"/flow_runs/{run_id}")
                    if run["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
                        break
                    if time.time() > deadline:
                        raise SystemExit(f"run {run_id} did not finish")
                    time.sleep(0.2)
                if run["state_type"] != "COMPLETED":
                    raise SystemExit(f"run {run_id} ended {run['state_type']}")
                robot_run = run["infrastructure_pid"].split("/runs/")[1].split(" ")[0]
                commands = call(robot, f"/runs/{robot_run}/commands?cursor=0&pageLength=1",
                                headers=robot_headers)["data"]
                to_first_command.append(
                    (when(commands[0]["startedAt"]) - when(run["created"])).total_seconds())
                logs = call(api, "/logs/filter", {"logs": {"flow_run_id": {"any_": [run_id]}},
                                                  "limit": 200})
                for entry in logs:
                    found = re.search(r"Uploaded and analysed on the robot in ([0-9.]+) s",
                                      entry["message"])
                    if found:
                        uploads.append(float(found.group(1)))
        finally:
            worker.terminate()
            worker.wait(timeout=60)
        label = f"--poll-seconds {poll}" if poll else "default polling (10 s)"
        print(f"  {label}: created -> first robot command median {median(to_first_command):.2f} s"
              f" (min {min(to_first_command):.2f}, max {max(to_first_command):.2f});"
              f" upload + analysis median {median(uploads):.2f} s"
              f" (min {min(uploads):.2f}, max {max(uploads):.2f})")


if __name__ == "__main__":
    main()
