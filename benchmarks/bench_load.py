"""Many people at once: simulated users speaking Streamlit's own protocol, behind nginx.

Starts `rhinocc-dash serve` (nginx + W workers) for each worker count asked, then U users arrive within
the first 20 s (a workshop room opening a link) and loop until the end of the run: home page, the map
with filters, the coverage page, the gap page, then a weight change on the gap page, reading each
screen 5 to 15 s before the next click (RHINOCC_THINK_S="0,0" for users that never stop). Each user gets its
sticky cookie from nginx first, like a browser. Prints, per worker count: sessions held without error,
reruns, median and p95 time from request to finished rerun, the workers' memory (RSS) idle, at the peak,
per session, and after the sessions closed and Streamlit freed them (server.disconnectedSessionTTL).

Faults, half-way through the run (`--fault`):
- `tuer-processus`: one worker is killed (SIGKILL): its users reconnect (through nginx, to a live
  worker) with their URL state and carry on; the others must see no error;
- `redemarrer-nginx`: nginx is stopped (SIGTERM) and `serve` starts it again: every user reconnects;
- `changer-version`: the published snapshot is switched (CURRENT points at the other version, as a
  publication or a rollback does); the next reruns read the new version, nobody sees an error.
  Needs `--snapshots DIR` with at least two versions (the run switches and leaves it switched).

    .venv/bin/python benchmarks/bench_load.py [--users 60] [--seconds 120] [--workers 1,2]
                                              [--fault tuer-processus|redemarrer-nginx|changer-version]

Targets on this 2-core machine: 60 concurrent sessions for 120 s with zero errors, p95 rerun < 2 s,
memory back within 10 % of idle.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import logging
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

from wire import Session, choice

from rhinocc_dash.serving.launcher import free_port

# The client imports Streamlit's protobufs: keep Streamlit's own log quiet.
logging.getLogger("streamlit").setLevel(logging.ERROR)
ROOT = Path(__file__).resolve().parent.parent

VISIT = (
    ("", ""),
    ("carte", "dep=46%7C12&label=France+Services&niv=commune&ind=taux_pauvrete"),
    ("couverture", ""),
    ("ecarts", ""),
)
# Sessions are closed 60 s after their socket (server.disconnectedSessionTTL), at the memory thread's
# next round (every 30 s, rhinocc_dash/serving/memory.py), then trimmed.
SETTLE_AFTER_S = int(os.environ.get("RHINOCC_SETTLE_S", 100))


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


# A person reads each screen before the next click (a phone in a workshop room): 5 to 15 s.
THINK_S = tuple(float(v) for v in os.environ.get("RHINOCC_THINK_S", "5,15").split(","))


async def user(url: str, deadline: float, log: dict, number: int, pause=THINK_S, arrive=20) -> None:
    async def think() -> None:
        await asyncio.sleep(random.uniform(*pause))

    await asyncio.sleep(random.uniform(0, arrive))
    cookie = await asyncio.to_thread(cookie_from, url)
    errors = log["errors"]
    while time.monotonic() < deadline:
        try:
            async with Session(url, cookie) as session:
                for page, query in VISIT:
                    result = await session.rerun(page, query)
                    log["times"].append(result.seconds)
                    log["pages"][page or "accueil"].append(result.seconds)
                    errors.extend(f"u{number} {page}: {e}" for e in result.errors)
                    await think()
                weight = result.widgets.get("gap_w_revenu_median")
                if weight is not None:
                    changed = await session.rerun("ecarts", "", [choice(weight, 6)])
                    await think()
                    log["times"].append(changed.seconds)
                    log["pages"]["ecarts (poids)"].append(changed.seconds)
                    errors.extend(f"u{number} poids: {e}" for e in changed.errors)
                log["loops"][number] = log["loops"].get(number, 0) + 1
        except Exception as exc:  # a dropped socket: reconnect, as the browser does
            log["reconnects"].append(f"u{number}: {type(exc).__name__}")
            await asyncio.sleep(1)


async def run_users(url: str, users: int, seconds: float, on_half=None, warm: bool = False) -> dict:
    """`warm`: users that never pause, arriving at once (to fill the caches before measuring)."""
    log = {
        "times": [],
        "errors": [],
        "loops": {},
        "reconnects": [],
        "pages": collections.defaultdict(list),
    }
    deadline = time.monotonic() + seconds
    timing = {"pause": (0.0, 0.0), "arrive": 0} if warm else {}
    tasks = [asyncio.create_task(user(url, deadline, log, i, **timing)) for i in range(users)]
    if on_half is not None:
        await asyncio.sleep(seconds / 2)
        await asyncio.to_thread(on_half)
    await asyncio.gather(*tasks)
    return log


async def warm_up(urls: list[str]) -> None:
    await asyncio.gather(*(run_users(u, 2, 20, warm=True) for u in urls))


FAULTS = {
    "tuer-processus": "un processus tué à mi-course",
    "redemarrer-nginx": "nginx arrêté et relancé à mi-course",
    "changer-version": "version publiée changée à mi-course",
}


SWITCHED: list[tuple[Path, str]] = []  # (snapshots folder, version to restore after the run)


def inject(fault: str, runtime: Path, snapshots_dir: str | None) -> None:
    state = workers_state(runtime)
    if fault == "tuer-processus":
        os.kill(state["workers"][0]["pid"], signal.SIGKILL)
    elif fault == "redemarrer-nginx":
        os.kill(state["nginx_pid"], signal.SIGTERM)
    elif fault == "changer-version":
        from rhinocc_dash.ingest import snapshots

        folder = Path(snapshots_dir)
        current = snapshots.current_version(folder)
        other = next(
            s["version"] for s in snapshots.list_snapshots(folder) if s["version"] != current
        )
        SWITCHED.append((folder, current))
        snapshots.rollback(folder, other, "bench_load")
        print(f"  version publiée : {current} → {other}", flush=True)


def measure(
    workers: int, users: int, seconds: float, fault: str | None, db: str | None, snaps: str | None
) -> None:
    port = free_port()
    runtime = Path(tempfile.mkdtemp(prefix="rhinocc-serve-"))
    env = {**os.environ, "STREAMLIT_LOGGER_LEVEL": os.environ.get("STREAMLIT_LOGGER_LEVEL", "error")}
    if db:
        env["RHINOCC_DB"] = db
    if snaps:
        env["RHINOCC_SNAPSHOTS"], env["RHINOCC_DB"] = snaps, ""
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
        pool = workers_state(runtime)["workers"]
        pids = [w["pid"] for w in pool]
        # Warm every worker's caches (each page of the loop, directly on its port, two users each):
        # « idle » is the warm server, so that « after » compares like with like.
        asyncio.run(warm_up([f"http://127.0.0.1:{w['port']}" for w in pool]))
        time.sleep(SETTLE_AFTER_S)
        idle = sum(rss_mb(p) for p in pids)
        peak = [idle]

        def half_way() -> None:
            inject(fault, runtime, snaps)

        sampler_stop = time.monotonic() + seconds + 25

        async def sample():
            while time.monotonic() < sampler_stop:
                current = [w["pid"] for w in workers_state(runtime)["workers"]]
                peak.append(sum(rss_mb(p) for p in current))
                await asyncio.sleep(2)

        async def both():
            sampler = asyncio.create_task(sample())
            result = await run_users(url, users, seconds, half_way if fault else None)
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
            f"{workers} processus{f' ({FAULTS[fault]})' if fault else ''} : "
            f"{held}/{users} sessions tenues, {len(log['errors'])} erreurs, "
            f"{len(log['reconnects'])} reconnexions, {len(times)} relances en {elapsed:.0f} s ; "
            f"médiane {statistics.median(times):.2f} s, p95 {p95:.2f} s ; mémoire au repos "
            f"{idle:.0f} Mo, au plus haut {max(peak):.0f} Mo "
            f"({(max(peak) - idle) / max(users, 1):.1f} Mo par session), après fermeture "
            f"{after:.0f} Mo ({(after - idle) / idle * 100:+.0f} %)".replace(".", ","),
            flush=True,
        )
        restarts = sum(w.get("restarts", 0) for w in workers_state(runtime)["workers"])
        reasons = collections.Counter(r.split(": ", 1)[1] for r in log["reconnects"])
        print(f"  processus relancés par serve : {restarts} ; reconnexions : {dict(reasons)}")
        for page, values in log["pages"].items():
            ordered = sorted(values)
            print(
                f"  {page} : {len(values)} relances, médiane {statistics.median(values):.2f} s, "
                f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.2f} s".replace(".", ",")
            )
        for error in log["errors"][:10]:
            print("  erreur :", error)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        while SWITCHED:  # the published version is put back as it was
            from rhinocc_dash.ingest import snapshots

            folder, version = SWITCHED.pop()
            snapshots.rollback(folder, version, "bench_load")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", default=f"1,{os.cpu_count() or 2}")
    parser.add_argument("--fault", choices=sorted(FAULTS))
    parser.add_argument("--db", default=os.environ.get("RHINOCC_DB"))
    parser.add_argument("--snapshots", help="dossier de versions publiées (pour changer-version)")
    args = parser.parse_args()
    if args.fault == "changer-version" and not args.snapshots:
        parser.error("changer-version demande --snapshots")
    print(f"charge de la machine avant : {os.getloadavg()[0]:.2f}".replace(".", ","))
    for workers in [int(w) for w in args.workers.split(",")]:
        fault = None if args.fault == "tuer-processus" and workers < 2 else args.fault
        measure(workers, args.users, args.seconds, fault, args.db, args.snapshots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
