"""A fleet of ot2ctl workers on one pool, against the server bench/fleet.sh started (on SQLite
or on PostgreSQL), with default settings:

1. WORKERS workers (each its own name and inventory, as on separate robots) and RUNS runs of
   a native flow (ot2ctl:check-inventory-status, so that the worker machinery is measured,
   not Python start-up) arriving at random moments: created -> PENDING median/p95/max,
   throughput, double executions (a run that entered RUNNING more than once, or that two
   workers claimed), runs left unfinished (must be 0), peak worker RSS;
2. a burst of BURST runs of a trivial Python flow created at once for one worker with
   default settings, ot2ctl's worker and then Prefect's: how many completed, how many
   crashed, and how long the burst took.

Times come from the server's own state timestamps."""

import argparse
import concurrent.futures
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error

sys.path.insert(0, os.path.dirname(__file__))
from worker_bench import call, deploy_trivial, descendants, rss_kib, stop, timestamp  # noqa: E402

FINAL = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def history(api, run_id):
    return sorted(call(api, f"/flow_run_states/?flow_run_id={run_id}"), key=lambda s: s["timestamp"])


def wait_all_final(api, ids, timeout):
    """Waits until every run is final or `timeout` passes; returns the ones still unfinished."""
    deadline = time.time() + timeout
    pending = set(ids)
    while pending and time.time() < deadline:
        for chunk in [list(pending)[i:i + 200] for i in range(0, len(pending), 200)]:
            runs = call(api, "/flow_runs/filter", {"flow_runs": {"id": {"any_": chunk}}, "limit": 200})
            pending -= {r["id"] for r in runs if r["state_type"] in FINAL}
        if pending:
            time.sleep(1)
    return pending


class PeakRss(threading.Thread):
    def __init__(self, pids):
        super().__init__(daemon=True)
        self.pids, self.peak, self.running = pids, 0, True

    def run(self):
        while self.running:
            self.peak = max([self.peak] + [rss_kib(p) for p in self.pids])
            time.sleep(0.2)


def cpu_seconds(roots):
    """CPU time of the given processes and all their descendants, those still running and those
    already reaped (their parents' cutime/cstime): the server side's cost of the fleet."""
    ticks = 0
    for pid in {p for root in roots for p in [root] + descendants(root)}:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime, stime, cutime, cstime: fields 14-17 of proc(5), 12-15 after the name.
        ticks += sum(int(x) for x in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def native_deployment(api, pool):
    flow = call(api, "/flows/", {"name": "check-inventory-status"})
    return call(api, "/deployments/", {
        "name": f"fleet-{os.getpid()}", "flow_id": flow["id"], "work_pool_name": pool,
        "entrypoint": "ot2ctl:check-inventory-status", "enforce_parameter_schema": False,
    })["id"]


def fleet(args, api, home):
    pool = f"fleet-{os.getpid()}"
    call(api, "/work_pools/", {"name": pool, "type": "process"})
    deployment = native_deployment(api, pool)
    workers = []
    for index in range(args.workers):
        env = {**os.environ, "OT2CTL_HOME": os.path.join(home, f"robot-{index}")}
        # Each robot keeps its own inventory, which the flow reads.
        subprocess.run([args.ot2ctl, "inventory", "init", "--local"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers.append(subprocess.Popen(
            [args.ot2ctl, "worker", "start", "--pool", pool, "--name", f"fleet-{index}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
    rss = PeakRss([w.pid for w in workers])
    rss.start()
    try:
        time.sleep(10)
        cpu_before = cpu_seconds(args.server_pids)
        ids, created_at = [], {}
        mean_gap = args.seconds / args.runs

        def create():
            try:
                run = call(api, f"/deployments/{deployment}/create_flow_run", {})
            except urllib.error.HTTPError as error:
                # The server gave up (SQLite locked under the load): what the user would see.
                return None, error.code
            return run["id"], timestamp(run["created"])

        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool_threads:
            futures = []
            for _ in range(args.runs):
                futures.append(pool_threads.submit(create))
                time.sleep(random.expovariate(1 / mean_gap))
            refused = 0
            for future in futures:
                run_id, created = future.result()
                if run_id is None:
                    refused += 1
                    continue
                ids.append(run_id)
                created_at[run_id] = created
        unfinished = wait_all_final(api, ids, timeout=300)
        server_cpu = cpu_seconds(args.server_pids) - cpu_before
        rss.running = False
        latencies, doubles, finals, ends = [], 0, {}, []
        for run_id in ids:
            states = history(api, run_id)
            kinds = [s["type"] for s in states]
            if kinds.count("RUNNING") > 1 or kinds.count("PENDING") > 1:
                doubles += 1
            pending = next((s for s in states if s["type"] == "PENDING"), None)
            if pending:
                latencies.append(timestamp(pending["timestamp"]) - created_at[run_id])
            final = next((s for s in reversed(states) if s["type"] in FINAL), None)
            if final:
                finals[final["type"]] = finals.get(final["type"], 0) + 1
                ends.append(timestamp(final["timestamp"]))
        span = max(ends) - min(created_at.values()) if ends else float("nan")
        return {
            "latencies": latencies, "doubles": doubles, "unfinished": len(unfinished),
            "finals": finals, "throughput": len(ends) / span, "rss": rss.peak / 1024,
            "refused": refused, "server_cpu": server_cpu,
        }
    finally:
        rss.running = False
        for worker in workers:
            stop(worker)


def burst(args, api, python, label, argv, env):
    pool = f"burst-{label}-{os.getpid()}"
    call(api, "/work_pools/", {"name": pool, "type": "process"})
    with tempfile.TemporaryDirectory() as directory:
        deployment = deploy_trivial(args.prefect, directory, f"burst-{label}", pool,
                                    {**env, "PREFECT_API_URL": api})
        ids = [call(api, f"/deployments/{deployment}/create_flow_run", {})["id"] for _ in range(args.burst)]
        started = time.time()
        worker = subprocess.Popen(argv + ["--pool", pool], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            unfinished = wait_all_final(api, ids, timeout=900)
        finally:
            took = time.time() - started
            stop(worker)
        finals = {}
        for run_id in ids:
            state = call(api, f"/flow_runs/{run_id}")["state_type"]
            finals[state] = finals.get(state, 0) + 1
        call(api, f"/deployments/{deployment}", method="DELETE")
    return {"finals": finals, "unfinished": len(unfinished), "seconds": took}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ot2ctl", required=True)
    parser.add_argument("--prefect", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=120, help="over how long runs arrive")
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--server-pids", type=int, nargs="*", default=[],
                        help="the server side's processes, for its CPU seconds per run")
    args = parser.parse_args()
    args.ot2ctl, args.prefect = os.path.abspath(args.ot2ctl), os.path.abspath(args.prefect)
    api = args.api_url
    python = os.path.join(os.path.dirname(args.prefect), "python")
    with tempfile.TemporaryDirectory() as home:
        result = fleet(args, api, home)
    lat = result["latencies"]
    print(f"\nfleet on {args.label}: {args.workers} ot2ctl workers (default settings), {args.runs} "
          f"native runs arriving over {args.seconds:.0f} s")
    print(f"  created -> PENDING: median {statistics.median(lat):.2f} s, p95 {percentile(lat, 0.95):.2f} s, "
          f"max {max(lat):.2f} s")
    if result["refused"]:
        print(f"  the server refused to create {result['refused']} runs (503 after retries)")
    print(f"  throughput {result['throughput']:.1f} runs/s; final states {result['finals']}; "
          f"double executions {result['doubles']}; unfinished {result['unfinished']}; "
          f"peak worker RSS {result['rss']:.1f} MiB")
    if args.server_pids:
        print(f"  server side CPU {result['server_cpu']:.1f} s in all, "
              f"{1000 * result['server_cpu'] / max(1, len(lat)):.0f} ms per run")
    if args.burst:
        env = dict(os.environ)
        outcomes = {
            "ot2ctl": burst(args, api, python, "ot2ctl",
                            [args.ot2ctl, "worker", "start", "--python", python], env),
            "prefect": burst(args, api, python, "prefect",
                             [args.prefect, "worker", "start", "--type", "process"], env),
        }
        print(f"\nburst on {args.label}: {args.burst} Python runs created at once, one worker, default settings")
        for tool, outcome in outcomes.items():
            print(f"  {tool:<8} {outcome['finals']}, unfinished {outcome['unfinished']}, "
                  f"{outcome['seconds']:.0f} s")


if __name__ == "__main__":
    main()
