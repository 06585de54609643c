"""Give freed memory back to the system. Once a room of 60 sessions has left, glibc keeps their freed
heap for reuse, so a Streamlit process stays at its peak size. Every 30 s a daemon thread (one per
process) collects garbage and asks glibc to return free pages (`malloc_trim`)."""

from __future__ import annotations

import ctypes
import gc
import threading
import time

import streamlit as st

INTERVAL_S = 30.0


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


def _trim_forever() -> None:
    while True:
        time.sleep(INTERVAL_S)
        trim_once()


@st.cache_resource(show_spinner=False)
def start_memory_trim() -> threading.Thread | None:
    """Start the thread once per process (cached resource); None where glibc is absent."""
    if _libc() is None:
        return None
    thread = threading.Thread(target=_trim_forever, name="rhinocc-malloc-trim", daemon=True)
    thread.start()
    return thread
