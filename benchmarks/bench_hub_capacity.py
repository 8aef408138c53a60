"""How many active trainees fit on one machine? Goal: ≤ 160 MB per active trainee.

Sets up a real cohort hub on 127.0.0.1 (the hub tests' fixture: real system
accounts, ``CohortSpawner``, the generated configuration), then for N trainees:

1. starts their server through the hub's REST API and times the spawn;
2. opens module 01 (``01-duties``) in a session and runs every code cell in the
   server's kernel over the kernel websocket, as "Run All" in Lab would;
3. measures the memory of everything the trainee's account runs (server +
   kernel): PSS (shared pages split fairly, the number that adds up) and RSS.

The floor is the hub itself (hub, proxy, course service, culler) measured in the
same run before any trainee starts. Prints medians and the cohort size that fits
in ``--ram-gb`` (default: this machine's RAM), in 24 GB and in 64 GB, keeping
``--reserve-gb`` free.

    python benchmarks/bench_hub_capacity.py [--trainees 10] [--ram-gb 16]

Needs root (it creates and removes ``tkt…-`` accounts), like the hub tests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pwd
import statistics
import sys
import time
import uuid
from pathlib import Path

import nbformat
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from hub_fixtures import LESSONS, Hub, api_token, run_async, running_hub, start_server

MODULE = "01-duties/duties.ipynb"
GOAL_MB = 160


def _pss_rss(pids: list[int]) -> tuple[float, float]:
    pss = rss = 0
    for pid in pids:
        entry = Path(f"/proc/{pid}")
        try:
            for line in (entry / "smaps_rollup").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("Pss", "Rss"):
                    kb = int(value.split()[0])
                    pss, rss = (pss + kb, rss) if key == "Pss" else (pss, rss + kb)
        except (OSError, ValueError):
            continue
    return pss / 1024, rss / 1024


def _pids_of(uid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and entry.stat().st_uid == uid:
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


def memory_of(uid: int) -> tuple[float, float]:
    """PSS and RSS in MB summed over the processes whose real uid is ``uid``."""
    return _pss_rss(_pids_of(uid))


#: What a kernel's command line holds: ipykernel's launcher or the kit's (trainingkit.hub.kernel).
KERNEL_COMMANDS = (b"ipykernel_launcher", b"trainingkit.hub.kernel")


def kernel_pss(uid: int) -> float:
    """PSS in MB of the kernels (:data:`KERNEL_COMMANDS`) among ``uid``'s processes."""
    kernels = []
    for pid in _pids_of(uid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if any(command in cmdline for command in KERNEL_COMMANDS):
                kernels.append(pid)
        except OSError:
            continue
    return _pss_rss(kernels)[0]


def memory_of_tree(root: int, *, skip_uids: set[int]) -> tuple[float, float]:
    """PSS and RSS in MB of process ``root`` and its descendants (minus ``skip_uids``)."""
    parent: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and entry.stat().st_uid not in skip_uids:
                stat = (entry / "stat").read_text()
                parent[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    tree, changed = {root}, True
    while changed:
        grown = tree | {pid for pid, ppid in parent.items() if ppid in tree}
        changed, tree = grown != tree, grown
    return _pss_rss(sorted(tree))


def run_module(hub: Hub, name: str, token: str) -> float:
    """Run every code cell of module 01 in ``name``'s server; return seconds taken."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    base = f"{hub.url}user/{name}/"
    headers = {"Authorization": f"token {token}"}
    path = f"{LESSONS}/{MODULE}"  # the lessons copy in the trainee's home
    body = {"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}}
    session = requests.post(f"{base}api/sessions", headers=headers, timeout=120, json=body).json()
    kernel = session["kernel"]["id"]
    notebook = nbformat.reads(
        json.dumps(requests.get(f"{base}api/contents/{path}", headers=headers, timeout=60)
                   .json()["content"]), as_version=4)  # fmt: skip
    cells = [c.source for c in notebook.cells if c.cell_type == "code" and c.source.strip()]
    url = f"{base.replace('http://', 'ws://')}api/kernels/{kernel}/channels"

    async def execute() -> None:
        connection = await websocket_connect(HTTPRequest(url, headers=headers))
        session_id = uuid.uuid4().hex
        for code in cells:
            msg_id = uuid.uuid4().hex
            connection.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": name,
                           "session": session_id, "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": True,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            }))  # fmt: skip
            while True:
                message = json.loads(await asyncio.wait_for(connection.read_message(), 300))
                if (message.get("parent_header", {}).get("msg_id") == msg_id
                        and message["msg_type"] == "execute_reply"):  # fmt: skip
                    if message["content"]["status"] != "ok":
                        raise RuntimeError(f"cell failed for {name}: {code[:80]!r}")
                    break
        connection.close()

    start = time.perf_counter()
    run_async(execute)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=10)
    total_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    parser.add_argument("--ram-gb", type=float, default=round(total_gb, 1))
    parser.add_argument("--reserve-gb", type=float, default=1.0, help="kept for the system")
    args = parser.parse_args()
    names = tuple(f"b{i:03d}" for i in range(1, args.trainees + 1))
    with running_hub(trainees=names) as hub:
        # hub, proxy, culler and the course service (as the grader), before any trainee
        floor = memory_of_tree(hub.process.pid, skip_uids=set())
        spawn, run, pss, rss, kernel = [], [], [], [], []
        for account in hub.plan.trainees:
            token = api_token(hub, account.hub_name)
            start = time.perf_counter()
            start_server(hub, account.hub_name, token)
            spawn.append(time.perf_counter() - start)
            run.append(run_module(hub, account.hub_name, token))
            uid = pwd.getpwnam(account.system_name).pw_uid
            used = memory_of(uid)
            pss.append(used[0])
            rss.append(used[1])
            kernel.append(kernel_pss(uid))
            print(f"{account.hub_name}: spawn {spawn[-1]:5.1f} s  module 01 {run[-1]:5.1f} s  "
                  f"PSS {used[0]:6.0f} MB (kernel {kernel[-1]:4.0f})  RSS {used[1]:6.0f} MB",
                  flush=True)  # fmt: skip
        # Everything of every trainee at once, after all are active (shared pages split).
        together = sum(memory_of(pwd.getpwnam(a.system_name).pw_uid)[0] for a in hub.plan.trainees)
    per = together / len(names)
    fits = int((args.ram_gb - args.reserve_gb) * 1024 - floor[0]) // max(1, int(per))
    print()
    print(f"hub floor (hub, proxy, culler, course service): PSS {floor[0]:.0f} MB")
    print(f"spawn time: median {statistics.median(spawn):.1f} s, max {max(spawn):.1f} s")
    print(f"module 01 run: median {statistics.median(run):.1f} s")
    print(f"per active trainee (server + kernel): PSS median {statistics.median(pss):.0f} MB, "
          f"RSS median {statistics.median(rss):.0f} MB; all {len(names)} together "
          f"{together:.0f} MB PSS = {per:.0f} MB each")  # fmt: skip
    server = [total - k for total, k in zip(pss, kernel, strict=True)]
    print(f"  of which server PSS median {statistics.median(server):.0f} MB, "
          f"kernel PSS median {statistics.median(kernel):.0f} MB")  # fmt: skip
    for ram_gb in (24, 64):
        room = int((ram_gb - args.reserve_gb) * 1024 - floor[0]) // max(1, int(per))
        print(f"fits in {ram_gb} GB (keeping {args.reserve_gb:g} GB): about {room} active trainees")
    verdict = "met" if per <= GOAL_MB else "NOT met"
    print(f"fits in {args.ram_gb:g} GB (keeping {args.reserve_gb:g} GB): about {fits} active "
          f"trainees; goal ≤ {GOAL_MB} MB each: {verdict}")  # fmt: skip
    return 0 if per <= GOAL_MB else 1


if __name__ == "__main__":
    sys.exit(main())
