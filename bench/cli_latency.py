"""Median wall time and peak RSS of ot2ctl, the Python prefect CLI and curl, measured in turn
against the same server in the same run. Called by bench/run.sh.

Wall time is taken around a plain spawn. Peak RSS comes from GNU time (`/usr/bin/time -f %M`)
in separate runs: a child forked from this Python process would inherit Python's own ~12 MiB
as its high-water mark, while GNU time's floor is about 1 MiB (printed below)."""

import argparse
import statistics
import subprocess
import tempfile
import time

GNU_TIME = "/usr/bin/time"


def run(argv):
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"{argv} failed: {result.stderr.decode()}")


def peak_rss_mib(argv):
    with tempfile.NamedTemporaryFile("r") as out:
        run([GNU_TIME, "-f", "%M", "-o", out.name] + argv)
        return int(out.read().split()[-1]) / 1024


def measure(argv, runs, warmup=2):
    """Runs argv warmup+runs times; returns (median seconds, median peak RSS in MiB)."""
    for _ in range(warmup):
        run(argv)
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        run(argv)
        walls.append(time.perf_counter() - start)
    peaks = [peak_rss_mib(argv) for _ in range(max(3, runs // 3))]
    return statistics.median(walls), statistics.median(peaks)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ot2ctl", required=True)
    parser.add_argument("--prefect", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--pool", required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    curl = ["curl", "-sf", "--noproxy", "*", "-X", "POST", "-H", "content-type: application/json"]
    cases = [
        (
            "work-pool ls",
            [args.ot2ctl, "work-pool", "ls"],
            [args.prefect, "work-pool", "ls"],
            curl + ["-d", "{}", f"{args.api_url}/work_pools/filter"],
        ),
        (
            "work-queue ls",
            [args.ot2ctl, "work-queue", "ls", "--pool", args.pool],
            [args.prefect, "work-queue", "ls", "--pool", args.pool],
            curl + ["-d", "{}", f"{args.api_url}/work_pools/{args.pool}/queues/filter"],
        ),
    ]
    print(f"median of {args.runs} runs each (after 2 warm-up runs), one server, same run")
    print(f"peak RSS floor of the measuring tool: {peak_rss_mib(['true']):.1f} MiB\n")
    header = f"{'command':<15}{'tool':<10}{'wall ms':>10}{'peak RSS MiB':>15}"
    print(header)
    print("-" * len(header))
    for name, ours, python, bare in cases:
        results = {
            "ot2ctl": measure(ours, args.runs),
            "prefect": measure(python, args.runs),
            "curl": measure(bare, args.runs),
        }
        for tool, (wall, rss) in results.items():
            print(f"{name:<15}{tool:<10}{wall * 1000:>10.1f}{rss:>15.1f}")
        ot2, py, cu = results["ot2ctl"], results["prefect"], results["curl"]
        print(
            f"{name:<15}{'ratios':<10} prefect/ot2ctl time {py[0] / ot2[0]:.1f}x, "
            f"memory {py[1] / ot2[1]:.1f}x; ot2ctl/curl time {ot2[0] / cu[0]:.2f}x\n"
        )


if __name__ == "__main__":
    main()
