"""The worker against `prefect worker start` on the same trivial Python flow deployment, one
server, same run: the worker's idle RSS, its RSS (and its run process's) while runs execute,
and the latency from create_flow_run to RUNNING and to COMPLETED (median of RUNS runs, from
the server's own state timestamps). Both poll every second. Called by bench/run.sh."""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime

FLOW = '''from prefect import flow


@flow
def trivial():
    """Does nothing, quickly."""
    return 1
'''


def deploy_trivial(prefect, directory, name, pool, env):
    """Writes the trivial flow and a prefect.yaml of one deployment `name` of it on `pool`
    into `directory` and deploys it with `prefect deploy`; returns the deployment's id."""
    with open(os.path.join(directory, "flows.py"), "w") as f:
        f.write(FLOW)
    with open(os.path.join(directory, "prefect.yaml"), "w") as f:
        f.write(f"deployments:\n  - name: {name}\n    entrypoint: flows.py:trivial\n"
                f"    work_pool: {{name: {pool}}}\n")
    subprocess.run([prefect, "--no-prompt", "deploy", "--all"], cwd=directory, env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return call(env["PREFECT_API_URL"], f"/deployments/name/trivial/{name}")["id"]


def call(api, path, body=None, method=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        f"{api}{path}", data=data, headers={"content-type": "application/json"},
        method=method or ("POST" if data else "GET"),
    )
    for attempt in range(8):
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            if error.code != 503 or attempt == 7:
                raise
            time.sleep(0.5 * 2**attempt)


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid):
    children = []
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            for child in f.read().split():
                children.append(int(child))
                children.extend(descendants(int(child)))
    except OSError:
        pass
    return children


class Sampler(threading.Thread):
    """Peak RSS of the worker process alone, and of it with its children."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.worker_peak, self.total_peak, self.running = pid, 0, 0, True

    def run(self):
        while self.running:
            own = rss_kib(self.pid)
            total = own + sum(rss_kib(c) for c in descendants(self.pid))
            self.worker_peak = max(self.worker_peak, own)
            self.total_peak = max(self.total_peak, total)
            time.sleep(0.05)


def timestamp(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def measure(argv, env, api, deployment_id, runs):
    worker = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        time.sleep(8)
        idle = rss_kib(worker.pid)
        sampler = Sampler(worker.pid)
        sampler.start()
        to_running, to_final = [], []
        for _ in range(runs):
            run = call(api, f"/deployments/{deployment_id}/create_flow_run", {})
            while True:
                current = call(api, f"/flow_runs/{run['id']}")
                if current["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
                    break
                time.sleep(0.1)
            if current["state_type"] != "COMPLETED":
                raise SystemExit(f"{argv[0]}: a run ended {current['state_type']}")
            states = call(api, f"/flow_run_states/?flow_run_id={run['id']}")
            created = timestamp(run["created"])
            running = next(s for s in states if s["type"] == "RUNNING")
            to_running.append(timestamp(running["timestamp"]) - created)
            to_final.append(timestamp(current["state"]["timestamp"]) - created)
        sampler.running = False
        return idle, sampler.worker_peak, sampler.total_peak, to_running, to_final
    finally:
        stop(worker)


def stop(worker):
    """SIGTERM to the worker's session, SIGKILL if it is still there after 20 s."""
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ot2ctl", required=True)
    parser.add_argument("--prefect", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    args.prefect = os.path.abspath(args.prefect)
    api = args.api_url
    python = os.path.join(os.path.dirname(args.prefect), "python")
    pool = f"bench-workers-{os.getpid()}"
    call(api, "/work_pools/", {"name": pool, "type": "process"})
    with tempfile.TemporaryDirectory() as directory:
        env = {**os.environ, "PREFECT_API_URL": api}
        deployment = {"id": deploy_trivial(args.prefect, directory, "trivial", pool, env)}
        results = {
            "ot2ctl": measure(
                [os.path.abspath(args.ot2ctl), "worker", "start", "--pool", pool, "--poll-seconds", "1",
                 "--prefetch-seconds", "0", "--python", python], env, api, deployment["id"], args.runs),
            "prefect": measure(
                [args.prefect, "worker", "start", "--pool", pool, "--type", "process"],
                {**env, "PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_WORKER_PREFETCH_SECONDS": "0"},
                api, deployment["id"], args.runs),
        }
        call(api, f"/deployments/{deployment['id']}", method="DELETE")
    call(api, f"/work_pools/{pool}", method="DELETE")

    print(f"\nworker on a trivial Python flow, {args.runs} runs one after another, both polling every 1 s")
    print(f"(latency from create_flow_run, by the server's state timestamps; RSS in MiB)\n")
    print(f"{'worker':<10}{'idle RSS':>10}{'peak RSS':>10}{'+ run':>10}{'to RUNNING s':>14}{'to COMPLETED s':>16}")
    for tool, (idle, peak, total, running, final) in results.items():
        print(f"{tool:<10}{idle / 1024:>10.1f}{peak / 1024:>10.1f}{total / 1024:>10.1f}"
              f"{statistics.median(running):>14.2f}{statistics.median(final):>16.2f}")
    o, p = results["ot2ctl"], results["prefect"]
    print(f"{'ratios':<10} prefect/ot2ctl idle RSS {p[0] / o[0]:.1f}x, peak worker RSS {p[1] / o[1]:.1f}x, "
          f"to RUNNING {statistics.median(p[3]) / statistics.median(o[3]):.2f}x")


if __name__ == "__main__":
    main()
