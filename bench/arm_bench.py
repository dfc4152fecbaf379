"""The robot's ARM binary under qemu-arm-static, beside the x86-64 build, same server, same run:
the worker's idle RSS and its peak RSS while it runs mixes on Opentrons' real robot-server
(simulated), and qemu's own RSS running a trivial static ARM program, so the ARM figures can
be read with qemu's share taken off. Called by bench/arm.sh."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from worker_bench import Sampler, call, rss_kib, stop  # noqa: E402

FINAL = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def settled_rss(argv, seconds=3):
    """RSS of a program that only waits, after it has started."""
    process = subprocess.Popen(argv, start_new_session=True)
    try:
        time.sleep(seconds)
        return rss_kib(process.pid)
    finally:
        stop(process)


def measure(worker_argv, ot2ctl, env, api, deployment, runs):
    """(idle RSS, peak RSS while `runs` mixes run one after another), KiB."""
    worker = subprocess.Popen(worker_argv, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(8)
        idle = rss_kib(worker.pid)
        sampler = Sampler(worker.pid)
        sampler.start()
        for index in range(runs):
            created = json.loads(subprocess.run(
                [ot2ctl, "run", deployment, "--param", f"R={100 + index}", "-o", "json"],
                env=env, check=True, capture_output=True, text=True).stdout)
            deadline = time.time() + 180
            while (run := call(api, f"/flow_runs/{created['id']}"))["state_type"] not in FINAL:
                if time.time() > deadline:
                    raise SystemExit(f"run {created['id']} did not finish")
                time.sleep(0.2)
            if run["state_type"] != "COMPLETED":
                raise SystemExit(f"{worker_argv[0]}: a mix ended {run['state_type']}")
        sampler.running = False
        return idle, sampler.worker_peak
    finally:
        stop(worker)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--qemu", required=True)
    parser.add_argument("--arm-binary", required=True)
    parser.add_argument("--host-binary", required=True)
    parser.add_argument("--trivial-arm", required=True, help="a static ARM program that waits")
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--robot", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    api = args.api_url
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    home = tempfile.mkdtemp(prefix="ot2ctl-arm-bench-")
    env = {**os.environ, "OT2CTL_HOME": home, "PREFECT_API_URL": api}
    pool = f"arm-bench-{os.getpid()}"
    host = os.path.abspath(args.host_binary)
    subprocess.run([host, "work-pool", "create", pool], env=env, check=True, capture_output=True)
    project = os.path.join(home, "prefect.yaml")
    with open(project, "w") as f:
        f.write(f"deployments:\n  - name: arm-bench\n    entrypoint: ot2:protocols/mix_color.py\n"
                f"    parameters: {{R: 120, Y: 50, B: 80, mix_well: B2}}\n"
                f"    work_pool: {{name: {pool}}}\n")
    subprocess.run([host, "deploy", "--all", "--prefect-file", project], env=env, cwd=root,
                   check=True, capture_output=True)

    worker = ["worker", "start", "--pool", pool, "--robot", args.robot,
              "--protocols-dir", os.path.join(root, "protocols")]
    qemu_floor = settled_rss([args.qemu, args.trivial_arm])
    arm = measure([args.qemu, args.arm_binary, *worker], host, env, api, "mix-color/arm-bench",
                  args.runs)
    native = measure([host, *worker], host, env, api, "mix-color/arm-bench", args.runs)
    size = os.path.getsize(args.arm_binary)

    mib = lambda kib: kib / 1024  # noqa: E731
    print(f"robot binary: {size} bytes ({size / 2**20:.2f} MiB), "
          f"armv7-unknown-linux-musleabihf; {args.runs} mixes on robot-server 8.1.0 simulated")
    print(f"qemu-arm-static running a trivial static ARM program: {mib(qemu_floor):.1f} MiB RSS\n")
    print(f"{'worker':<28}{'idle RSS MiB':>14}{'busy peak MiB':>15}")
    print(f"{'ARM under qemu':<28}{mib(arm[0]):>14.1f}{mib(arm[1]):>15.1f}")
    print(f"{'ARM, qemu floor taken off':<28}{mib(arm[0] - qemu_floor):>14.1f}"
          f"{mib(arm[1] - qemu_floor):>15.1f}")
    print(f"{'x86-64 native':<28}{mib(native[0]):>14.1f}{mib(native[1]):>15.1f}")
    call(api, f"/work_pools/{pool}", method="DELETE")


if __name__ == "__main__":
    main()
