"""Time per campaign step, split into robot, sensor and optimiser, from a finished campaign's
record (`ot2ctl campaign status -o json`) and its flow runs on the server:

- robot: the mix run's run time, plus the measurement run's less its reading;
- sensor: from the measurement's "Reading sensor" log line to its "Putting the sensor back";
- optimiser: the record's propose_seconds.

Called by bench/campaign.sh."""

import argparse
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(__file__))
from worker_bench import call, timestamp  # noqa: E402


def log_time(api, run_id, prefix):
    logs = call(api, "/logs/filter", {"logs": {"flow_run_id": {"any_": [run_id]}},
                                       "sort": "TIMESTAMP_ASC", "limit": 200})
    for line in logs:
        if line["message"].startswith(prefix):
            return timestamp(line["timestamp"])
    raise SystemExit(f"run {run_id} has no log line starting {prefix!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--campaign", required=True)
    args = parser.parse_args()
    with open(args.campaign) as file:
        campaign = json.load(file)
    robot, sensor, optimiser = [], [], []
    for step in campaign["steps"]:
        if "measure_run" not in step or "delta_e" not in step:
            continue
        mix = call(args.api_url, f"/flow_runs/{step['mix_run']}")
        measure = call(args.api_url, f"/flow_runs/{step['measure_run']}")
        reading = (log_time(args.api_url, measure["id"], "Putting the sensor back")
                   - log_time(args.api_url, measure["id"], "Reading sensor"))
        robot.append(mix["total_run_time"] + measure["total_run_time"] - reading)
        sensor.append(reading)
        optimiser.append(step.get("propose_seconds", 0.0))
    if not robot:
        raise SystemExit("no measured step in the campaign")
    print(f"campaign {campaign['id']}: {len(robot)} steps, {campaign['optimiser']} optimiser")
    print(f"{'part':<10} {'median s':>9} {'max s':>7}")
    for name, values in (("robot", robot), ("sensor", sensor), ("optimiser", optimiser)):
        print(f"{name:<10} {statistics.median(values):>9.2f} {max(values):>7.2f}")
    total = [r + s + o for r, s, o in zip(robot, sensor, optimiser)]
    print(f"{'step':<10} {statistics.median(total):>9.2f} {max(total):>7.2f}")


if __name__ == "__main__":
    main()
