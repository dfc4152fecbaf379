"""What workers cost the shared server (bench/idle.sh): every worker's requests go through a
pass-through nginx on 127.0.0.1 whose access log is counted; the bench's own requests go
straight to the server, so the log holds the workers' requests only. With default settings:

1. WORKERS idle workers on a *paused* pool, ot2ctl's, Prefect's, or none: the time to create
   RUNS runs one after another (median of REPEATS rounds, the three cases interleaved), the
   workers' requests while the runs are created (per run created and worker: per event) and,
   in the first round, over the next idle minute (per worker);
2. one worker on a running pool and RUNS_CLAIMED runs of a trivial Python flow, created one at
   a time: every request the worker and the flows it started sent, per claimed run (ot2ctl's
   own requests apart: they carry its user agent; the flow's engine is Prefect's in both)."""

import argparse
import collections
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from fleet_bench import native_deployment, wait_all_final  # noqa: E402
from worker_bench import call, deploy_trivial, stop  # noqa: E402

KINDS = ("no worker", "ot2ctl", "prefect")


def progress(text):
    print(f"    … {text}", file=sys.stderr, flush=True)


def logged_between(log, start, end):
    """The access log's lines in [start, end), split: (time, upstream, method, path, status,
    user agent)."""
    with open(log) as f:
        for line in f:
            parts = line.split(" ", 5)
            if len(parts) == 6 and start <= float(parts[0]) < end:
                yield parts


def requests_between(log, start, end):
    """(all, ot2ctl's own) requests logged in [start, end), WebSockets left out (they are
    logged when they close: one connection, however long it lived)."""
    asked = [p for p in logged_between(log, start, end) if not p[3].startswith("/api/events/")]
    return len(asked), sum(p[5].startswith('"ot2ctl') for p in asked)


def endpoints_between(log, start, end):
    """What was asked in [start, end), ids and names folded: {"POST /api/flow_runs/filter": n}."""
    counts = collections.Counter()
    for parts in logged_between(log, start, end):
        path = re.sub(r"/work_pools/[^/]+", "/work_pools/<pool>", parts[3])
        path = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "<id>", path)
        counts[f"{parts[2]} {path}"] += 1
    return counts


def start_workers(kind, args, pool, home, count, extra_env=None):
    workers = []
    for index in range(count):
        env = {**os.environ, "PREFECT_API_URL": args.proxy, **(extra_env or {})}
        name = f"{pool}-{index}"
        if kind == "ot2ctl":
            env["OT2CTL_HOME"] = os.path.join(home, name)
            subprocess.run([args.ot2ctl, "inventory", "init", "--local"], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            argv = [args.ot2ctl, "worker", "start", "--pool", pool, "--name", name,
                    "--python", args.python] + args.ot2ctl_args.split()
        else:
            argv = [args.prefect, "worker", "start", "--pool", pool, "--type", "process",
                    "--name", name]
        workers.append(subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True))
    return workers


def paused_round(kind, args, home, round_index):
    pool = f"idle-{kind.replace(' ', '-')}-{round_index}-{os.getpid()}"
    call(args.api, "/work_pools/", {"name": pool, "type": "process"})
    deployment = native_deployment(args.api, pool)
    call(args.api, f"/work_pools/{pool}", {"is_paused": True}, method="PATCH")
    workers = [] if kind == "no worker" else start_workers(kind, args, pool, home, args.workers)
    try:
        # Prefect's workers take a while to start, ten at once on two cores.
        time.sleep(args.settle)
        started = time.time()
        for _ in range(args.runs):
            call(args.api, f"/deployments/{deployment}/create_flow_run", {})
        took = time.time() - started
        time.sleep(2)
        during, _ = requests_between(args.proxy_log, started, time.time())
        idle = None
        if round_index == 0:
            idle_from = time.time()
            time.sleep(args.idle_seconds)
            idle, _ = requests_between(args.proxy_log, idle_from, time.time())
        endpoints = endpoints_between(args.proxy_log, started, time.time())
    finally:
        for worker in workers:
            stop(worker)
    call(args.api, f"/deployments/{deployment}", method="DELETE")
    return took, during, idle, endpoints


def claimed(kind, args, home):
    pool = f"claim-{kind}-{os.getpid()}"
    call(args.api, "/work_pools/", {"name": pool, "type": "process"})
    with tempfile.TemporaryDirectory() as directory:
        deployment = deploy_trivial(args.prefect, directory, pool, pool,
                                    {**os.environ, "PREFECT_API_URL": args.api})
        [worker] = start_workers(kind, args, pool, home, 1)
        try:
            time.sleep(args.settle)
            started = time.time()
            ids = []
            for _ in range(args.claimed):
                ids.append(call(args.api, f"/deployments/{deployment}/create_flow_run", {})["id"])
                time.sleep(1.5)
            unfinished = wait_all_final(args.api, ids, timeout=300)
            time.sleep(1)
            total, own = requests_between(args.proxy_log, started, time.time())
            seconds = time.time() - started
        finally:
            stop(worker)
    return total, own, seconds, len(unfinished)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ot2ctl", required=True)
    parser.add_argument("--prefect", required=True)
    parser.add_argument("--api", required=True, help="the server, for the bench's own requests")
    parser.add_argument("--proxy", required=True, help="the counting proxy, for the workers'")
    parser.add_argument("--proxy-log", required=True)
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--claimed", type=int, default=20)
    parser.add_argument("--settle", type=float, default=20)
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--ot2ctl-args", default="", help="more arguments for ot2ctl's workers")
    parser.add_argument("--kinds", nargs="*", default=list(KINDS), help="which cases to run")
    args = parser.parse_args()
    args.ot2ctl, args.prefect = os.path.abspath(args.ot2ctl), os.path.abspath(args.prefect)
    args.python = os.path.join(os.path.dirname(args.prefect), "python")

    paused = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory() as home:
        for round_index in range(args.repeats):
            for kind in args.kinds:
                progress(f"round {round_index + 1} of {args.repeats}: {kind}")
                paused[kind].append(paused_round(kind, args, home, round_index))
        claims = {}
        for kind in ("ot2ctl", "prefect"):
            if args.claimed and kind in args.kinds:
                progress(f"runs claimed by one worker: {kind}")
                claims[kind] = claimed(kind, args, home)

    base = statistics.median(took for took, *_ in paused[args.kinds[0]])
    print(f"\n{args.runs} runs created one after another on a paused pool, {args.workers} idle "
          f"workers watching (default settings; median of {args.repeats} rounds)")
    print(f"{'watching':<12}{'create s':>10}{'ratio':>8}{'requests/event':>16}{'idle req/min':>14}")
    for kind in args.kinds:
        rounds = paused[kind]
        took = statistics.median(t for t, *_ in rounds)
        during = statistics.median(r[1] for r in rounds)
        idle = rounds[0][2]
        workers = args.workers if kind != "no worker" else 1
        per_event = during / (args.runs * workers)
        per_minute = idle / workers * 60 / args.idle_seconds
        label = f"{kind} x{args.workers}" if kind != "no worker" else kind
        print(f"{label:<12}{took:>10.2f}{took / base:>7.2f}x{per_event:>16.2f}{per_minute:>14.1f}")
        print(f"{'':<12}rounds: " + ", ".join(f"{r[0]:.2f} s" for r in rounds))

    print("\nthe workers' requests in the first round, from the first run created to the end of "
          "the idle minute")
    for kind in args.kinds[1:]:
        asked = paused[kind][0][3]
        print(f"  {kind}: " + ", ".join(f"{path} {n}" for path, n in asked.most_common()))

    if not claims:
        return
    print(f"\none worker, {args.claimed} runs of a trivial Python flow created 1.5 s apart "
          "(requests by the worker and the flow runs it started)")
    print(f"{'worker':<12}{'requests':>10}{'per run':>10}{'worker own/run':>16}{'unfinished':>12}")
    for kind, (total, own, _, unfinished) in claims.items():
        own_text = f"{own / args.claimed:.1f}" if kind == "ot2ctl" else "-"
        print(f"{kind:<12}{total:>10}{total / args.claimed:>10.1f}{own_text:>16}{unfinished:>12}")


if __name__ == "__main__":
    main()
