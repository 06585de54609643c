"""Many people at once: simulated users speaking Streamlit's own protocol, behind nginx.

Starts `rhinocc-dash serve` (nginx + W workers) for each worker count asked, then U users arrive within
the first 20 s (a workshop room opening a link) and loop until the end of the run: home page, the map
with filters, the coverage page, the gap page, then a weight change on the gap page. Each user gets its
sticky cookie from nginx first, like a browser. Prints, per worker count: sessions held without error,
reruns, median and p95 time from request to finished rerun, the workers' memory (RSS) idle, at the peak,
per session, and after the sessions closed and Streamlit freed them (server.disconnectedSessionTTL).

With `--kill-one`, one worker is killed half-way: its users reconnect (through nginx, to a live worker)
with their URL state and carry on; the others must see no error.

    .venv/bin/python benchmarks/bench_load.py [--users 60] [--seconds 120] [--workers 1,2] [--kill-one]

Targets on this 2-core machine: 60 concurrent sessions for 120 s with zero errors, p95 rerun < 2 s,
memory back within 10 % of idle.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # the client imports Streamlit's protobufs
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rhinocc_dash.serving import free_port  # noqa: E402
from rhinocc_dash.ui.wire import Session, choice  # noqa: E402

VISIT = (
    ("", ""),
    ("carte", "dep=46%7C12&label=France+Services&niv=commune&ind=taux_pauvrete"),
    ("couverture", ""),
    ("ecarts", ""),
)
SETTLE_AFTER_S = int(
    os.environ.get("RHINOCC_SETTLE_S", 75)
)  # disconnectedSessionTTL (60 s) and a margin


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def workers_state(runtime: Path) -> dict:
    return json.loads((runtime / "workers.json").read_text())


def cookie_from(url: str) -> str:
    with urllib.request.urlopen(url + "/", timeout=30) as reply:
        header = reply.headers.get("Set-Cookie", "")
    return header.split(";")[0]


async def user(url: str, deadline: float, log: dict, number: int) -> None:
    await asyncio.sleep(random.uniform(0, 20))
    cookie = await asyncio.to_thread(cookie_from, url)
    errors = log["errors"]
    while time.monotonic() < deadline:
        try:
            async with Session(url, cookie) as session:
                for page, query in VISIT:
                    result = await session.rerun(page, query)
                    log["times"].append(result.seconds)
                    errors.extend(f"u{number} {page}: {e}" for e in result.errors)
                weight = result.widgets.get("gap_w_revenu_median")
                if weight is not None:
                    changed = await session.rerun("ecarts", "", [choice(weight, 6)])
                    log["times"].append(changed.seconds)
                    errors.extend(f"u{number} poids: {e}" for e in changed.errors)
                log["loops"][number] = log["loops"].get(number, 0) + 1
        except Exception as exc:  # a dropped socket: reconnect, as the browser does
            log["reconnects"].append(f"u{number}: {type(exc).__name__}")
            await asyncio.sleep(1)


async def run_users(url: str, users: int, seconds: float, on_half=None) -> dict:
    log = {"times": [], "errors": [], "loops": {}, "reconnects": []}
    deadline = time.monotonic() + seconds
    tasks = [asyncio.create_task(user(url, deadline, log, i)) for i in range(users)]
    if on_half is not None:
        await asyncio.sleep(seconds / 2)
        await asyncio.to_thread(on_half)
    await asyncio.gather(*tasks)
    return log


def measure(workers: int, users: int, seconds: float, kill_one: bool, db: str | None) -> None:
    port = free_port()
    runtime = Path(tempfile.mkdtemp(prefix="rhinocc-serve-"))
    env = {**os.environ}
    if db:
        env["RHINOCC_DB"] = db
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "rhinocc_dash.cli",
            "serve",
            "--workers",
            str(workers),
            "--port",
            str(port),
            "--runtime",
            str(runtime),
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while not (runtime / "workers.json").exists() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)
        pids = [w["pid"] for w in workers_state(runtime)["workers"]]
        asyncio.run(run_users(url, 2, 15))  # warm the caches
        time.sleep(SETTLE_AFTER_S)
        idle = sum(rss_mb(p) for p in pids)
        peak = [idle]

        def kill() -> None:
            victim = workers_state(runtime)["workers"][0]["pid"]
            os.kill(victim, signal.SIGKILL)

        sampler_stop = time.monotonic() + seconds + 25

        async def sample():
            while time.monotonic() < sampler_stop:
                current = [w["pid"] for w in workers_state(runtime)["workers"]]
                peak.append(sum(rss_mb(p) for p in current))
                await asyncio.sleep(2)

        async def both():
            sampler = asyncio.create_task(sample())
            result = await run_users(url, users, seconds, kill if kill_one else None)
            sampler.cancel()
            return result

        started = time.monotonic()
        log = asyncio.run(both())
        elapsed = time.monotonic() - started
        time.sleep(SETTLE_AFTER_S)
        after = sum(rss_mb(w["pid"]) for w in workers_state(runtime)["workers"])
        times = sorted(log["times"])
        held = sum(1 for u in range(users) if log["loops"].get(u))
        p95 = times[int(0.95 * (len(times) - 1))] if times else float("nan")
        print(
            f"{workers} processus{' (un tué à mi-course)' if kill_one else ''} : "
            f"{held}/{users} sessions tenues, {len(log['errors'])} erreurs, "
            f"{len(log['reconnects'])} reconnexions, {len(times)} relances en {elapsed:.0f} s ; "
            f"médiane {statistics.median(times):.2f} s, p95 {p95:.2f} s ; mémoire au repos "
            f"{idle:.0f} Mo, au plus haut {max(peak):.0f} Mo "
            f"({(max(peak) - idle) / max(users, 1):.1f} Mo par session), après fermeture "
            f"{after:.0f} Mo ({(after - idle) / idle * 100:+.0f} %)".replace(".", ","),
            flush=True,
        )
        for error in log["errors"][:10]:
            print("  erreur :", error)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 2}")
    parser.add_argument("--kill-one", action="store_true")
    parser.add_argument("--db", default=os.environ.get("RHINOCC_DB"))
    args = parser.parse_args()
    print(f"charge de la machine avant : {os.getloadavg()[0]:.2f}".replace(".", ","))
    for workers in [int(w) for w in args.workers.split(",")]:
        measure(workers, args.users, args.seconds, args.kill_one and workers > 1, args.db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
