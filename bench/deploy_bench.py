"""`deploy --all` of 50 generated deployments: ot2ctl against `prefect deploy --all`, same
file, same server, same run. Called by bench/run.sh.

Measured for each tool: the median of RUNS first deploys (50 creates, after deleting them) and
of RUNS re-deploys of the unchanged file (prefect updates every deployment each time; ot2ctl
compares and writes nothing).

Beside them, the server's own floor for the 50 creates: the same 50 bodies (read back from what
ot2ctl created) posted by a bare client, one after another on one kept-alive connection, and
50 bodies that name only a flow, the least a `POST /deployments/` can carry. No client can
create the 50 faster than the server answers these."""

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
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


def bench_deployments(api_url):
    request = urllib.request.Request(
        f"{api_url}/deployments/filter",
        data=json.dumps({"deployments": {"name": {"like_": "bench-"}}, "limit": 200}).encode(),
        headers={"content-type": "application/json"},
        method="POST",
    )
    return json.load(call(request))


def delete_all(api_url):
    for deployment in bench_deployments(api_url):
        call(urllib.request.Request(f"{api_url}/deployments/{deployment['id']}", method="DELETE"))


# What a deployment read back holds that its creation sent (the rest the server makes).
CREATE_FIELDS = [
    "flow_id", "work_pool_name", "work_queue_name", "version", "version_info", "paused",
    "schedules", "concurrency_limit", "parameters", "description", "tags", "labels", "path",
    "entrypoint", "parameter_openapi_schema", "enforce_parameter_schema", "job_variables",
    "pull_steps",
]


def server_floor(api_url, bodies):
    """Seconds for the server to answer `POST /deployments/` of each body, one after another
    on one kept-alive connection (no client work but the socket). A 503, SQLite's lock
    contention, is tried again 50 ms later on a new connection (the server drops the old)."""
    url = urllib.parse.urlsplit(api_url)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    start = time.perf_counter()
    for body in bodies:
        for _ in range(20):
            try:
                connection.request("POST", f"{url.path}/deployments/", json.dumps(body),
                                   {"content-type": "application/json"})
                response = connection.getresponse()
                status, answer = response.status, response.read()
            except (ConnectionError, http.client.HTTPException):
                status, answer = 503, b"connection dropped"
            if status != 503:
                break
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port)
            time.sleep(0.05)
        if status not in (200, 201):
            raise SystemExit(f"POST /deployments/ answered {status}: {answer[:500]}")
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def floors(api_url, runs):
    """The median over RUNS of server_floor for the bodies ot2ctl sent and for bare ones."""
    created = bench_deployments(api_url)
    same = [{field: d[field] for field in CREATE_FIELDS if field in d} | {"name": d["name"]}
            for d in created]
    for body in same:
        body["schedules"] = [{key: s[key] for key in ("schedule", "active", "parameters", "slug")
                              if key in s} for s in body["schedules"]]
    bare = [{"flow_id": d["flow_id"], "name": d["name"]} for d in created]
    result = {}
    for label, bodies in (("same bodies", same), ("flow and name only", bare)):
        times = []
        for _ in range(runs):
            delete_all(api_url)
            times.append(server_floor(api_url, bodies))
        result[label] = statistics.median(times)
    return len(created), result


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
            firsts = []
            for _ in range(args.runs):
                delete_all(args.api_url)
                firsts.append(timed(argv, directory))
            again = statistics.median(timed(argv, directory) for _ in range(args.runs))
            results[tool] = (statistics.median(firsts), again)
        # The floor needs what ot2ctl created: deploy once more, then post its bodies bare.
        delete_all(args.api_url)
        timed(tools["ot2ctl"], directory)
        created, floor = floors(args.api_url, args.runs)
        if created != COUNT:
            raise SystemExit(f"ot2ctl created {created} deployments, not {COUNT}")
        delete_all(args.api_url)

    print(f"\ndeploy --all of {COUNT} deployments (first: creates all; again: re-deploys "
          f"unchanged; medians of {args.runs})\n")
    width = 34
    print(f"{'tool':<{width}}{'first s':>10}{'again s':>10}")
    for tool, (first, again) in results.items():
        print(f"{tool:<{width}}{first:>10.2f}{again:>10.2f}")
    for label, seconds in floor.items():
        print(f"{'server floor, ' + label:<{width}}{seconds:>10.2f}{'':>10}  "
              f"({1000 * seconds / COUNT:.1f} ms per POST /deployments/)")
    (o_first, o_again), (p_first, p_again) = results["ot2ctl"], results["prefect"]
    print(f"{'ratios':<{width}}prefect/ot2ctl first {p_first / o_first:.1f}x, again {p_again / o_again:.1f}x")


if __name__ == "__main__":
    main()
