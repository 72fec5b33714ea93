"""A translation cache on disk, so that checking the same article again costs nothing.

One SQLite file maps a key (model id + revision + direction + generation settings + text) to the
translation. SQLite in WAL mode lets readers and one writer work at once; every write is a short
transaction with a generous busy timeout, so several processes (a CLI run beside the app, a
corpus re-run in parallel) can share the file safely. Each thread gets its own connection, since
a sqlite3 connection must not be shared across threads.

A cache must never cost the user a run: a file that is not a SQLite database, has damaged pages,
another schema or values that are not text is set aside (renamed with a timestamp, never
deleted) and a new cache is started, once, with a notice saying so. Damage found later, while
reading or writing, is handled the same way; should even the new file fail, the cache turns
itself off for the rest of the run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from compare.aside import aside_path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    translation TEXT NOT NULL
)
"""
_CHUNK = 500  # keys per SELECT: well under SQLite's bound-parameter limit
_DAMAGE = sqlite3.DatabaseError


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error means the file is damaged, not merely busy or unwritable for now."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        return "no such table" in text or "no such column" in text
    return True


def default_cache_path() -> Path:
    """``$COMPARE_CACHE_DIR/mt-cache.sqlite``, else under ``$XDG_CACHE_HOME`` or ``~/.cache``."""
    base = os.environ.get("COMPARE_CACHE_DIR")
    if base:
        return Path(base) / "mt-cache.sqlite"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "compare" / "mt-cache.sqlite"


class MTCache:
    """Translations keyed by :meth:`key`; safe to share between threads and processes."""

    def __init__(self, path: str | Path, timeout: float = 30.0,
                 notice: Callable[[str], None] | None = None) -> None:  # fmt: skip
        """Open (or create) the cache at ``path``; a damaged file is set aside and replaced.

        ``notice`` receives each message about a file set aside (also kept in ``notices``).
        Raises :class:`OSError` or :class:`sqlite3.Error` only when no cache can be made at
        ``path`` at all (a read-only folder).
        """
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout
        self.notices: list[str] = []
        self._notice = notice
        self._disabled = False
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        problem = self._problem()
        if problem:
            self._set_aside(problem)
        with self._connect() as conn:  # create the table once, up front
            conn.execute(_SCHEMA)

    # ------------------------------------------------------------------ validation
    def _problem(self) -> str | None:
        """What is wrong with the file at ``path``, or None (also for a new or busy file)."""
        try:
            if self.path.stat().st_size == 0:
                return None
        except FileNotFoundError:
            return None
        try:
            conn = sqlite3.connect(self.path, timeout=self.timeout)
        except sqlite3.OperationalError:
            return None  # unopenable for now (locked, permissions): the caller's error
        try:
            tables = {name for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}  # fmt: skip
            if not tables:
                return None
            if "translations" not in tables:
                return "it is not a translation cache (tables: " + ", ".join(sorted(tables)) + ")"
            columns = {row[1] for row in conn.execute("PRAGMA table_info(translations)")}
            if not {"key", "translation"} <= columns:
                return "its table has the wrong columns (" + ", ".join(sorted(columns)) + ")"
            check = conn.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                return f"damaged pages ({check[0] if check else 'no answer'})"
            bad = conn.execute(
                "SELECT COUNT(*) FROM translations "
                "WHERE typeof(key) != 'text' OR typeof(translation) != 'text'"
            ).fetchone()[0]
            if bad:
                return f"{bad} of its entries are not text"
            return None
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return None
            return f"it cannot be read ({exc})"
        except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
            return f"it is not a readable SQLite database ({exc})"
        finally:
            conn.close()

    def _set_aside(self, problem: str) -> None:
        """Rename the damaged file (and its journal) with a timestamp; say so once."""
        self.close()
        aside = aside_path(self.path, "damaged")
        try:
            os.replace(self.path, aside)
        except FileNotFoundError:
            pass  # another process set it aside first
        for suffix in ("-wal", "-shm", "-journal"):
            extra = Path(f"{self.path}{suffix}")
            try:
                if suffix == "-wal":
                    os.replace(extra, Path(f"{aside}{suffix}"))
                else:
                    extra.unlink()
            except FileNotFoundError:
                pass
        self._say(f"The translation cache {self.path} could not be used ({problem}); it was "
                  f"set aside as {aside.name} and a new cache was started.")

    def _say(self, message: str) -> None:
        if message in self.notices:
            return
        self.notices.append(message)
        if self._notice is not None:
            self._notice(message)

    def _recover(self, exc: sqlite3.DatabaseError) -> bool:
        """After damage met while reading or writing: set the file aside and start again
        (True), or, when that was done already, turn the cache off for this run (False)."""
        if self._disabled:
            return False
        if getattr(self, "_recovered", False):
            self._disabled = True
            self.close()
            self._say(f"The translation cache {self.path} failed again ({exc}); translations "
                      "are not cached for the rest of this run.")
            return False
        self._recovered = True
        try:
            self._set_aside(f"damage found while in use: {exc}")
            with self._connect() as conn:
                conn.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as again:
            self._disabled = True
            self.close()
            self._say(f"The translation cache {self.path} could not be rebuilt ({again}); "
                      "translations are not cached for the rest of this run.")
            return False
        return True

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
        """The cached translations among ``keys`` (absent keys are simply missing).

        Only text values count: anything else another program stored is treated as missing.
        """
        keys = list(dict.fromkeys(keys))
        if self._disabled:
            return {}
        try:
            return self._get_many(keys)
        except _DAMAGE as exc:
            if not _is_damage(exc) or not self._recover(exc):
                return {}
            try:
                return self._get_many(keys)
            except _DAMAGE:
                return {}

    def _get_many(self, keys: list[str]) -> dict[str, str]:
        conn = self._connect()
        found: dict[str, str] = {}
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT key, translation FROM translations WHERE key IN ({marks})", chunk
            )
            found.update((k, v) for k, v in rows.fetchall()
                         if isinstance(k, str) and isinstance(v, str))  # fmt: skip
        return found

    def get(self, key: str) -> str | None:
        return self.get_many([key]).get(key)

    def put_many(self, items: Mapping[str, str]) -> None:
        """Store translations in one short transaction (others wait, never fail, meanwhile)."""
        if not items or self._disabled:
            return
        try:
            self._put_many(items)
        except _DAMAGE as exc:
            if not _is_damage(exc):
                raise
            if self._recover(exc):
                try:
                    self._put_many(items)
                except _DAMAGE:
                    self._disabled = True

    def _put_many(self, items: Mapping[str, str]) -> None:
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
        if self._disabled:
            return 0
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
