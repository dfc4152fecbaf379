"""Pickup across API replicas (bench/scale.sh): one ot2ctl worker whose every request, its event
stream included, goes to replica A, and runs created through replica B, one at a time at
random moments. The worker polls only every 60 s here, so a pickup within 1 s can only come
from the event of B's run reaching A's stream (through Redis). Reports created -> PENDING for
each run (the server's own timestamps) and fails (exit 1) if any took more than 1 s."""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from fleet_bench import history, native_deployment, wait_all_final  # noqa: E402
from worker_bench import call, stop, timestamp  # noqa: E402

LIMIT_SECONDS = 1.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ot2ctl", required=True)
    parser.add_argument("--worker-api", required=True, help="replica A: the worker's API")
    parser.add_argument("--create-api", required=True, help="replica B: where runs are created")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    pool = f"cross-{os.getpid()}"
    call(args.create_api, "/work_pools/", {"name": pool, "type": "process"})
    deployment = native_deployment(args.create_api, pool)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "OT2CTL_HOME": home, "PREFECT_API_URL": args.worker_api}
        subprocess.run([args.ot2ctl, "inventory", "init", "--local"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        worker = subprocess.Popen(
            [args.ot2ctl, "worker", "start", "--pool", pool, "--name", "on-replica-a",
             "--poll-seconds", "60"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            # Past the worker's first poll, so that every pickup below is an event's.
            time.sleep(5)
            ids, created = [], {}
            for _ in range(args.runs):
                run = call(args.create_api, f"/deployments/{deployment}/create_flow_run", {})
                ids.append(run["id"])
                created[run["id"]] = timestamp(run["created"])
                time.sleep(random.uniform(1.0, 2.0))
            unfinished = wait_all_final(args.create_api, ids, timeout=120)
        finally:
            stop(worker)
    pickups = []
    for run_id in ids:
        pending = next((s for s in history(args.create_api, run_id) if s["type"] == "PENDING"), None)
        pickups.append(timestamp(pending["timestamp"]) - created[run_id] if pending else float("inf"))
    late = [p for p in pickups if p > LIMIT_SECONDS]
    print(f"\nacross replicas: worker on A (polls every 60 s), {args.runs} runs created through B")
    print(f"  created -> PENDING: median {statistics.median(pickups):.2f} s, max {max(pickups):.2f} s; "
          f"over {LIMIT_SECONDS:.0f} s: {len(late)}; unfinished {len(unfinished)}")
    if late or unfinished:
        print("  FAILED: a run created on replica B was not picked up through A's event stream "
              f"within {LIMIT_SECONDS:.0f} s", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
