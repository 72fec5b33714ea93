"""A translation cache on disk, so that checking the same article again costs nothing.

One SQLite file maps a key (model id + revision + direction + generation settings + text) to the
translation. SQLite in WAL mode lets readers and one writer work at once; every write is a short
transaction with a generous busy timeout, so several processes (a CLI run beside the app, a
corpus re-run in parallel) can share the file safely. Each thread gets its own connection, since
a sqlite3 connection must not be shared across threads.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    translation TEXT NOT NULL
)
"""
_CHUNK = 500  # keys per SELECT: well under SQLite's bound-parameter limit


def default_cache_path() -> Path:
    """``$COMPARE_CACHE_DIR/mt-cache.sqlite``, else under ``$XDG_CACHE_HOME`` or ``~/.cache``."""
    base = os.environ.get("COMPARE_CACHE_DIR")
    if base:
        return Path(base) / "mt-cache.sqlite"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "compare" / "mt-cache.sqlite"


class MTCache:
    """Translations keyed by :meth:`key`; safe to share between threads and processes."""

    def __init__(self, path: str | Path, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        with self._connect() as conn:  # create the table once, up front
            conn.execute(_SCHEMA)

    @staticmethod
    def key(model: str, revision: str, direction: str, settings: Mapping[str, Any],
            text: str) -> str:  # fmt: skip
        """A hash of everything that determines a translation."""
        blob = json.dumps([model, revision, direction, dict(settings), text], sort_keys=True,
                          ensure_ascii=False, default=str)  # fmt: skip
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        """The cached translations among ``keys`` (absent keys are simply missing)."""
        keys = list(dict.fromkeys(keys))
        conn = self._connect()
        found: dict[str, str] = {}
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT key, translation FROM translations WHERE key IN ({marks})", chunk
            )
            found.update(rows.fetchall())
        return found

    def get(self, key: str) -> str | None:
        return self.get_many([key]).get(key)

    def put_many(self, items: Mapping[str, str]) -> None:
        """Store translations in one short transaction (others wait, never fail, meanwhile)."""
        if not items:
            return
        conn = self._connect()
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(
                "INSERT OR REPLACE INTO translations (key, translation) VALUES (?, ?)",
                list(items.items()),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def __len__(self) -> int:
        return self._connect().execute("SELECT COUNT(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        """Close every connection this cache opened (in any thread)."""
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> MTCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
