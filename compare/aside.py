"""Setting a damaged file aside: one naming rule for every store that heals itself (the
embedding cache, the machine-translation cache, the dismissal store), so that a user finds the
old file beside the new one, named ``<name>.<why>-<UTC time>``, and nothing is ever lost."""

from __future__ import annotations

import time
from pathlib import Path


def aside_path(path: Path, why: str) -> Path:
    """A free name beside ``path`` for its damaged copy: ``<name>.<why>-<UTC time>``, with
    ``-2``, ``-3``... when a copy of that second is already there (with its SQLite files)."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    aside = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while any(Path(f"{aside}{part}").exists() for part in ("", "-wal", "-shm", "-journal")):
        n += 1
        aside = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
    return aside
