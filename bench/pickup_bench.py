"""Pickup and cancellation, ot2ctl's worker against `prefect worker start`, both with their
DEFAULT settings (poll every 10 s, prefetch 10 s), one server, same run:

- created -> PENDING for runs submitted one after another (each once the previous ended), and
  for runs arriving at random moments (0-10 s apart) to an idle worker;
- cancelling a running flow: CANCELLING -> final state, and the state history (a CRASHED
  between Cancelling and Cancelled counts as a double ending).

Times come from the server's own state timestamps. Called by bench/run.sh."""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from worker_bench import call, timestamp, stop  # noqa: E402

FLOWS = '''import time

from prefect import flow


@flow
def trivial():
    """Does nothing, quickly."""
    return 1


@flow
def slow(seconds: float = 120):
    """Sleeps, to be cancelled."""
    time.sleep(seconds)
'''

FINAL = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def wait_final(api, run_id, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        current = call(api, f"/flow_runs/{run_id}")
        if current["state_type"] in FINAL:
            return current
        time.sleep(0.1)
    raise SystemExit(f"run {run_id} did not end within {timeout} s")


def history(api, run_id):
    states = call(api, f"/flow_run_states/?flow_run_id={run_id}")
    return sorted(states, key=lambda s: s["timestamp"])


def to_pending(api, run):
    pending = next(s for s in history(api, run["id"]) if s["type"] == "PENDING")
    return timestamp(pending["timestamp"]) - timestamp(run["created"])


def measure(argv, env, api, deployments, runs, cancels):
    worker = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        time.sleep(12)
        in_sequence = []
        for _ in range(runs):
            run = call(api, f"/deployments/{deployments['trivial']}/create_flow_run", {})
            wait_final(api, run["id"])
            in_sequence.append(to_pending(api, run))
        at_random = []
        for _ in range(runs):
            time.sleep(random.uniform(0, 10))
            run = call(api, f"/deployments/{deployments['trivial']}/create_flow_run", {})
            wait_final(api, run["id"])
            at_random.append(to_pending(api, run))
        cancel_seconds, crashed_between = [], 0
        for _ in range(cancels):
            run = call(api, f"/deployments/{deployments['slow']}/create_flow_run", {})
            while call(api, f"/flow_runs/{run['id']}")["state_type"] != "RUNNING":
                time.sleep(0.1)
            time.sleep(2)
            call(api, f"/flow_runs/{run['id']}/set_state",
                 {"state": {"type": "CANCELLING", "name": "Cancelling"}, "force": True})
            final = wait_final(api, run["id"])
            states = history(api, run["id"])
            cancelling = next(s for s in states if s["type"] == "CANCELLING")
            cancel_seconds.append(timestamp(final["state"]["timestamp"]) - timestamp(cancelling["timestamp"]))
            after = [s["type"] for s in states if s["timestamp"] >= cancelling["timestamp"]]
            if "CRASHED" in after or final["state_type"] != "CANCELLED":
                crashed_between += 1
        return in_sequence, at_random, cancel_seconds, crashed_between
    finally:
        stop(worker)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ot2ctl", required=True)
    parser.add_argument("--prefect", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cancels", type=int, default=5)
    args = parser.parse_args()
    args.prefect = os.path.abspath(args.prefect)
    api = args.api_url
    python = os.path.join(os.path.dirname(args.prefect), "python")
    pool = f"bench-pickup-{os.getpid()}"
    call(api, "/work_pools/", {"name": pool, "type": "process"})
    with tempfile.TemporaryDirectory() as directory:
        with open(os.path.join(directory, "flows.py"), "w") as f:
            f.write(FLOWS)
        with open(os.path.join(directory, "prefect.yaml"), "w") as f:
            f.write("deployments:\n"
                    f"  - {{name: trivial, entrypoint: 'flows.py:trivial', work_pool: {{name: {pool}}}}}\n"
                    f"  - {{name: slow, entrypoint: 'flows.py:slow', work_pool: {{name: {pool}}}}}\n")
        env = dict(os.environ)
        subprocess.run([args.prefect, "--no-prompt", "deploy", "--all"], cwd=directory, env=env,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deployments = {name: call(api, f"/deployments/name/{name}/{name}")["id"]
                       for name in ("trivial", "slow")}
        results = {
            "ot2ctl": measure([os.path.abspath(args.ot2ctl), "worker", "start", "--pool", pool,
                               "--python", python], env, api, deployments, args.runs, args.cancels),
            "prefect": measure([args.prefect, "worker", "start", "--pool", pool, "--type", "process"],
                               env, api, deployments, args.runs, args.cancels),
        }
        for deployment in deployments.values():
            call(api, f"/deployments/{deployment}", method="DELETE")
    call(api, f"/work_pools/{pool}", method="DELETE")

    print(f"\npickup and cancellation with default settings ({args.runs} runs each way, "
          f"{args.cancels} cancellations; seconds, from the server's state timestamps)\n")
    print(f"{'worker':<10}{'seq median':>12}{'seq max':>10}{'rand median':>13}{'rand max':>10}"
          f"{'cancel median':>15}{'CRASHED':>9}")
    for tool, (sequence, randomly, cancel, crashed) in results.items():
        print(f"{tool:<10}{statistics.median(sequence):>12.2f}{max(sequence):>10.2f}"
              f"{statistics.median(randomly):>13.2f}{max(randomly):>10.2f}"
              f"{statistics.median(cancel):>15.2f}{crashed:>6}/{len(cancel)}")


if __name__ == "__main__":
    main()
