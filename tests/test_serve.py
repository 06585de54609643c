"""`rhinocc-dash serve` on loopback ports: nginx in front of two Streamlit processes. Two sessions land
on different workers and each keeps its own; a killed worker's session carries on through the other
one with its URL state (and the worker is restarted); the others see no error; Ctrl-C stops all."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest
from embed_support import start_serve
from support import benchmark_module

from rhinocc_dash import texts
from rhinocc_dash.serving.launcher import free_port
from rhinocc_dash.serving.supervisor import NGINX, render

Session = benchmark_module("wire").Session

HAS_NGINX = bool(shutil.which(NGINX) or os.path.exists(NGINX))
# No browser here: the tests that start real servers are `slow` (left out of `make check`, like the browser ones).
slow = pytest.mark.slow


def get(url: str, cookie: str | None = None) -> tuple[str, str]:
    """(worker that answered, cookie to keep) for a page request."""
    request = urllib.request.Request(url + "/", headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return reply.headers["X-Rhinocc-Worker"], reply.headers["Set-Cookie"].split(";")[0]


@pytest.fixture(scope="module")
def served(warehouse, tmp_path_factory):
    if not HAS_NGINX:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("nginx is missing (make serve installs the Debian package)")
        pytest.skip("nginx is missing")
    runtime = tmp_path_factory.mktemp("serve")
    url, process = start_serve(runtime, {"RHINOCC_DB": str(warehouse)}, workers=2, timeout_s=120)
    yield url, runtime, process
    if process.poll() is None:
        process.kill()


def state(runtime) -> dict:
    return json.loads((runtime / "workers.json").read_text())


def test_config_is_valid_for_nginx(tmp_path):
    if not HAS_NGINX:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("nginx is missing (make serve installs the Debian package)")
        pytest.skip("nginx is missing")
    config = tmp_path / "nginx.conf"
    config.write_text(render(tmp_path, "127.0.0.1", 8080, [8081, 8082], tmp_path), "utf-8")
    check = subprocess.run(
        [NGINX, "-t", "-c", str(config), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    text = config.read_text()
    assert "hash $sticky consistent" in text and "client_max_body_size 25m" in text


@slow
def test_sticky_sessions_failover_and_stop(served):
    url, runtime, process = served
    sessions = {}
    for _ in range(30):  # random cookies: until both workers are seen
        worker, cookie = get(url)
        sessions.setdefault(worker, cookie)
        if len(sessions) == 2:
            break
    assert len(sessions) == 2
    with urllib.request.urlopen(url + "/", timeout=30) as reply:
        assert '<html lang="fr">' in reply.read().decode()  # nginx's sub_filter (issue 22)
    for worker, cookie in sessions.items():
        assert {get(url, cookie)[0] for _ in range(5)} == {worker}
    (first_worker, doomed), (_, survivor) = sessions.items()

    async def scenario():
        async with Session(url, doomed) as a, Session(url, survivor) as b:
            first = await a.rerun("carte", "dep=46")
            other = await b.rerun("", "")
            assert not first.errors and not other.errors
            lieux_46 = first.metrics[texts.carte.MAP_COUNT]
            victim = next(
                w for w in state(runtime)["workers"] if first_worker.endswith(f":{w['port']}")
            )
            os.kill(victim["pid"], signal.SIGKILL)
            again = await b.rerun("couverture", "")  # the other session: no error
            assert not again.errors
        # the lost session reconnects through nginx, with its URL, to the live worker
        async with Session(url, doomed) as a:
            back = await a.rerun("carte", "dep=46")
        assert not back.errors and back.metrics[texts.carte.MAP_COUNT] == lieux_46
        return victim

    victim = asyncio.run(scenario())
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:  # the supervisor restarts the killed worker
        restarted = next(w for w in state(runtime)["workers"] if w["port"] == victim["port"])
        if restarted["restarts"] == 1 and restarted["pid"] != victim["pid"]:
            break
        time.sleep(1)
    assert restarted["restarts"] == 1
    pids = [w["pid"] for w in state(runtime)["workers"]] + [state(runtime)["nginx_pid"]]
    process.send_signal(signal.SIGINT)
    process.wait(timeout=40)
    time.sleep(1)
    assert not [
        p
        for p in pids
        if os.path.exists(f"/proc/{p}") and "zombie" not in open(f"/proc/{p}/status").read().lower()
    ]


def test_memory_trim_thread_starts_once_per_process():
    from rhinocc_dash.serving.memory import start_memory_trim, trim_once

    first, second = start_memory_trim(), start_memory_trim()
    assert first is second and first.is_alive() and first.daemon
    trim_once()  # gc + malloc_trim: returns, whatever the allocator


@slow
def test_sessions_left_behind_are_closed_and_freed(warehouse, tmp_path):
    """Streamlit's session store drops an expired disconnected session only when another session
    disconnects, and without shutting it down: after the last person of a room has left, the memory
    thread must close them (this fails if a Streamlit upgrade changes the store)."""
    from rhinocc_dash.serving.launcher import start_streamlit, wait_healthy

    port, log = free_port(), tmp_path / "worker.log"
    with open(log, "wb") as handle:
        process = start_streamlit(
            port,
            {"RHINOCC_DB": str(warehouse), "RHINOCC_MEMORY_INTERVAL_S": "1"},
            log=handle,
            options=("--server.disconnectedSessionTTL", "5", "--server.fileWatcherType", "none"),
        )
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_healthy(url, 120, process)

        async def visit() -> None:
            async with Session(url) as session:
                assert not (await session.rerun("", "")).errors

        async def room() -> None:  # three people leave together
            await asyncio.gather(visit(), visit(), visit())

        asyncio.run(room())
        deadline = time.monotonic() + 30
        closed = 0
        while time.monotonic() < deadline and closed < 3:
            time.sleep(1)
            closed = sum(
                int(line.split(":")[1].split()[0])
                for line in log.read_text(errors="replace").splitlines()
                if "session(s) fermée(s)" in line
            )
        assert closed == 3, log.read_text(errors="replace")[-2000:]
        assert "non fermées" not in log.read_text(errors="replace")
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_sessions_the_store_drops_by_itself_are_shut_down_too():
    """Streamlit's store reaps expired sessions whenever another session is written to it (a room
    leaving one by one), without shutting them down: once the memory thread has been round, those are
    shut down too, each on its own."""
    from streamlit.runtime.caching.ttl_cache import TTLCache

    from rhinocc_dash.serving.memory import _closing_expire

    class FakeSession:
        def __init__(self, fails: bool = False):
            self.fails, self.closed = fails, False

        def shutdown(self):
            if self.fails:
                raise RuntimeError("déjà partie")
            self.closed = True

    class Info:
        def __init__(self, session):
            self.session = session

    now = [0.0]
    store = TTLCache(maxsize=128, ttl=60, timer=lambda: now[0])
    first, broken, second, late = (
        FakeSession(),
        FakeSession(fails=True),
        FakeSession(),
        FakeSession(),
    )
    store["a"], store["b"], store["c"] = Info(first), Info(broken), Info(second)
    _closing_expire(store)
    _closing_expire(store)  # installed once, whatever the number of rounds
    now[0] = 61.0
    store["d"] = Info(late)  # another person leaves: the store reaps a, b, c by itself
    assert first.closed and second.closed and not late.closed
    assert set(store) == {"d"}
