"""Correction requests: server time of one submission, and of the Signalements page (the moderation
queue) with 10,000 requests in the store. Targets: submit <= 300 ms, queue page <= 1 s.

SQLite in a temporary data directory by default; the PostgreSQL store named by $RHINOCC_DATABASE_URL
when it is set (its tables are filled the same way: use a throwaway database).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from rhinocc_dash.store import corrections, default_store
from rhinocc_dash.store.corrections import Submission, now_utc, stamp
from rhinocc_dash.ui.auth import SESSION_KEY

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = 10_000


def ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def main() -> None:
    os.environ.setdefault("RHINOCC_HOME", tempfile.mkdtemp(prefix="bench-corrections-"))
    os.environ["RHINOCC_STATE"] = os.environ["RHINOCC_HOME"]
    store = default_store()
    print(f"store: {store.dialect} ({store.describe()})")
    timings = []
    for i in range(200):
        sub = Submission(f"lieu-bench-{i:05d}", f"Lieu {i}", "31", "telephone", "05 61 00 00 00",
                         f"05 61 00 {i // 100:02d} {i % 100:02d}", "essai", "a@example.org")
        started = time.perf_counter()
        corrections.submit(store, sub, f"198.51.100.{i % 250}-{i}")
        timings.append(ms(started))
    print(f"submit: median {statistics.median(timings):.1f} ms, "
          f"p95 {sorted(timings)[int(len(timings) * 0.95)]:.1f} ms, max {max(timings):.1f} ms "
          f"(200 submissions, target <= 300 ms)")
    started = time.perf_counter()
    at = stamp(now_utc())
    with store.transaction() as cur:
        for i in range(REQUESTS - 200):
            cur.execute(
                "INSERT INTO correction_requests (lieu_id, lieu_nom, departement, field, "
                "current_value, proposed, comment, email, sender, created_at, status) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f"lieu-fill-{i:05d}", f"Lieu {i}", "34", "horaires", "", "Lu-Ve 9h-12h",
                 "", None, f"s{i}", at, corrections.OPEN),
            )
    print(f"store filled to {corrections.count(store)} open requests in {ms(started) / 1000:.1f} s")
    page = AppTest.from_file(str(ROOT / "pages" / "signalements.py"), default_timeout=120)
    page.session_state[SESSION_KEY] = "bench"
    started = time.perf_counter()
    page.run()
    first = ms(started)
    assert not page.exception, page.exception
    reruns = []
    for _ in range(5):
        started = time.perf_counter()
        page.run()
        reruns.append(ms(started))
    print(f"queue page, {REQUESTS} requests: first run {first:.0f} ms, rerun median "
          f"{statistics.median(reruns):.0f} ms (target <= 1000 ms)")


if __name__ == "__main__":
    main()
