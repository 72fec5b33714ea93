"""Give the memory the models have freed back to the system between batches (glibc only).

Each batch of the embedder or the meaning model allocates 100-200 MB of activations and frees
them; the next batch, cut by length, asks for blocks of other sizes, and glibc, which serves
such blocks from its heap once a few have been freed (its mmap threshold rises to the size of
every block freed, up to 32 MB), reuses the holes badly and keeps them. The CLI's peak memory
on the 2,000-segment WMT22 document grew to 1.3 GB that way, most of it freed memory.
:func:`release_free_memory` (``malloc_trim(0)``: free pages of every arena go back to the
system) after every batch keeps the peak near what one batch needs; it costs the page faults of
touching that memory again, a few per cent of the batch's time (benchmarks/README.md, issue 25).
Holding the mmap threshold at 128 KB instead (``MALLOC_MMAP_THRESHOLD_=131072``) gave the lowest
peak but 19 % more CPU time: every activation then costs its page faults.

It does nothing where the C library is not glibc, or with ``COMPARE_MALLOC=system``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_trim: list[Any] = []


def release_free_memory() -> bool:
    """Return the C heap's free pages to the system; True when it could (glibc)."""
    if not _trim:
        _trim.append(_find_trim())
    trim = _trim[0]
    if trim is None:
        return False
    trim(0)
    return True


def _find_trim() -> Any:
    if not sys.platform.startswith("linux") or os.environ.get("COMPARE_MALLOC") == "system":
        return None
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim  # glibc's; musl and other C libraries lack it
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim
