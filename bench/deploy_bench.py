"""`deploy --all` of 50 generated deployments: ot2ctl against `prefect deploy --all`, same
file, same server, same run. Called by bench/run.sh.

Measured for each tool: the first deploy (50 creates, after deleting them) and the median of
RUNS re-deploys of the unchanged file (prefect updates every deployment each time; ot2ctl
compares and writes nothing)."""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

COUNT = 50
QUEUES = ["high-priority", "standard", "low-priority", "maintenance", "monitoring"]


def project(directory, flows_source):
    shutil.copy(flows_source, os.path.join(directory, "flows.py"))
    lines = ["deployments:"]
    for i in range(COUNT):
        lines += [
            f"  - name: bench-{i:03d}",
            "    entrypoint: flows.py:mix_color",
            f"    version: '1.{i}'",
            f"    tags: [ot2, bench, group-{i % 5}]",
            f"    parameters: {{R: {i}, Y: 50, B: 80, mix_well: B{i % 9 + 1}}}",
            "    work_pool:",
            "      name: ot2-device-pool",
            f"      work_queue_name: {QUEUES[i % 5]}",
        ]
    with open(os.path.join(directory, "prefect.yaml"), "w") as out:
        out.write("\n".join(lines) + "\n")


def timed(argv, cwd):
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{argv} failed: {result.stderr.decode()[-2000:]}")
    return elapsed


def call(request):
    """One API call, retried on 503: the SQLite server answers it under lock contention."""
    for attempt in range(8):
        try:
            return urllib.request.urlopen(request)
        except urllib.error.HTTPError as error:
            if error.code != 503 or attempt == 7:
                raise
            time.sleep(0.5 * 2**attempt)


def delete_all(api_url):
    request = urllib.request.Request(
        f"{api_url}/deployments/filter",
        data=json.dumps({"deployments": {"name": {"like_": "bench-"}}, "limit": 200}).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    for deployment in json.load(call(request)):
        call(urllib.request.Request(f"{api_url}/deployments/{deployment['id']}", method="DELETE"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ot2ctl", required=True)
    parser.add_argument("--prefect", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--flows", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, nargs="*", default=[],
                        help="also ot2ctl with these --concurrency values")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        project(directory, args.flows)
        tools = {
            "ot2ctl": [os.path.abspath(args.ot2ctl), "deploy", "--all"],
            **{f"ot2ctl -c {n}": [os.path.abspath(args.ot2ctl), "deploy", "--all", "--concurrency", str(n)]
               for n in args.concurrency},
            "prefect": [args.prefect, "--no-prompt", "deploy", "--all"],
        }
        results = {}
        for tool, argv in tools.items():
            delete_all(args.api_url)
            first = timed(argv, directory)
            again = statistics.median(timed(argv, directory) for _ in range(args.runs))
            results[tool] = (first, again)
        delete_all(args.api_url)

    print(f"\ndeploy --all of {COUNT} deployments (first: creates all; again: median of {args.runs} re-deploys)\n")
    print(f"{'tool':<14}{'first s':>10}{'again s':>10}")
    for tool, (first, again) in results.items():
        print(f"{tool:<14}{first:>10.2f}{again:>10.2f}")
    (o_first, o_again), (p_first, p_again) = results["ot2ctl"], results["prefect"]
    print(f"{'ratios':<14} prefect/ot2ctl first {p_first / o_first:.1f}x, again {p_again / o_again:.1f}x")


if __name__ == "__main__":
    main()
