"""Writing a file whole or not at all, and one writer at a time: reports and the user's stores.

* :func:`write_atomically` writes into a temporary file beside the target, flushes it to disk
  and renames it over the target, so a full disk, a crash or a kill midway leaves the previous
  file as it was, never a truncated one; readers see the old file or the new one, whole.
* :func:`locked` serialises a read-modify-write of one of the user's files (``dismissed.json``,
  ``ignored.json``, ``glossary.csv``) between processes and threads: two browser tabs each
  adding a dismissal both keep theirs, where without it the second write would drop the
  first one's change. It is an OS lock (``flock``, through the ``filelock`` package) on a
  ``<name>.lock`` file beside the store, which the system releases when its holder dies: a
  lock file left by a killed process blocks nobody.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

LOCK_TIMEOUT_S = 30.0
"""How long a writer waits for another one (a write takes milliseconds): past it,
:class:`filelock.Timeout` (an ``OSError``) says the file is busy, and the caller reports it as
a file that could not be written."""


def write_atomically(path: Path, text: str, mode: int | None = None) -> None:
    """Replace ``path`` with ``text`` (UTF-8, line endings as given) whole or not at all.

    ``mode``: the permission bits of the new file; None keeps those of the temporary file,
    readable by its owner only. Any error (``OSError`` from a full disk, a folder that cannot
    be written...) is raised with the temporary file removed and ``path`` untouched.
    """
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass  # already renamed, or the folder went away: nothing is left to clean
        raise


def lock_path(path: Path) -> Path:
    """The lock file of ``path``: ``<name>.lock`` beside it."""
    return path.with_name(f"{path.name}.lock")


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the lock of ``path`` (see the module doc) for a read-modify-write of it.

    The folder is made first (the lock file lives there). Raises :class:`filelock.Timeout`,
    an ``OSError``, when another writer holds the lock for ``timeout`` seconds.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(lock_path(path)), timeout=timeout):
        yield
