"""Give memory back once people have left. A daemon thread (one per process) runs every 30 s:

1. **closes the sessions whose time to reconnect is over.** Streamlit keeps a disconnected session for
   `server.disconnectedSessionTTL` (60 s) so that a phone that slept finds its page again. Its session
   store only drops an expired session when another one is written to it (the next disconnection), and
   then without shutting it down: once the last people of a workshop room have left, nothing writes,
   and their sessions (widget states, rendered messages, frames, media and uploaded files) stay in
   memory for good (and those it does drop are never shut down). The thread closes them on
   Streamlit's event loop as Streamlit closes a session (`AppSession.shutdown`: media, uploads and the
   session's frames are freed too), and makes the store's own reaping shut down what it drops;
2. collects garbage and asks glibc to return free pages (`malloc_trim`).

Step 1 reads Streamlit's private session store; if a Streamlit version changes it, the thread says so
once on the worker's log and carries on with step 2 (`tests/test_serve.py` checks it on the installed
version).
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
import threading
import time

import streamlit as st
from streamlit import runtime

INTERVAL_S = float(os.environ.get("RHINOCC_MEMORY_INTERVAL_S", 30))


def _libc():
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:  # not glibc (macOS, musl): nothing to trim
        return None


def trim_once() -> None:
    gc.collect()
    if (libc := _libc()) is not None:
        libc.malloc_trim(0)


def _shut_down(expired) -> int:
    """Shut down sessions dropped from the store, each on its own (one failure stops no other)."""
    closed = 0
    for _session_id, info in expired:
        try:
            info.session.shutdown()
            closed += 1
        except Exception as exc:  # a session half gone must not keep the others in memory
            print(f"rhinocc-dash : session non fermée ({exc!r})", file=sys.stderr, flush=True)
    if closed:
        print(f"rhinocc-dash : {closed} session(s) fermée(s)", file=sys.stderr, flush=True)
    return closed


def _closing_expire(cache) -> None:
    """Make the store's own reaping shut sessions down too: it reaps lazily whenever a session is
    written (another person's disconnection), which the periodic round would never see."""
    if getattr(cache, "_rhinocc_closing", False):
        return
    reap = cache.expire

    def expire(at_time: float | None = None):
        removed = reap(at_time)
        _shut_down(removed)
        return removed

    cache.expire = expire
    cache._rhinocc_closing = True


def _close_expired(manager) -> None:
    """On the event loop: shut down every stored session whose reconnection time is over."""
    with manager._storage_lock:
        cache = manager._session_storage._cache
        _closing_expire(cache)
        cache.expire()


def close_expired_sessions(timeout: float = 60.0) -> None:
    """Close the disconnected sessions past their TTL (on Streamlit's event loop), and from then on
    every session the store drops by itself. RuntimeError when Streamlit's session store is not the
    one known here."""
    if not runtime.exists():
        return
    instance = runtime.get_instance()
    manager = getattr(instance, "_session_mgr", None)
    storage = getattr(manager, "_session_storage", None)
    cache = getattr(storage, "_cache", None)
    if not (hasattr(cache, "expire") and hasattr(manager, "_storage_lock")):
        raise RuntimeError("stockage des sessions de Streamlit inconnu")
    done = threading.Event()

    def close() -> None:
        try:
            _close_expired(manager)
        finally:
            done.set()

    instance._get_async_objs().eventloop.call_soon_threadsafe(close)
    if not done.wait(timeout):
        raise RuntimeError("la boucle de Streamlit n'a pas fermé les sessions expirées")


def _trim_forever() -> None:
    said = False
    while True:
        time.sleep(INTERVAL_S)
        try:
            close_expired_sessions()
        except Exception as exc:  # a change in Streamlit must not stop the trimming
            if not said:
                print(f"rhinocc-dash : sessions expirées non fermées ({exc})", file=sys.stderr)
                said = True
        trim_once()


@st.cache_resource(show_spinner=False)
def start_memory_trim() -> threading.Thread:
    """Start the thread once per process (cached resource)."""
    thread = threading.Thread(target=_trim_forever, name="rhinocc-memory", daemon=True)
    thread.start()
    return thread
