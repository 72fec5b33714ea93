"""Corpus runs on a Ray cluster: the same per-document work, spread over many machines.

Why Ray and not a home-made scheduler: a year of one outlet is 10,000-50,000 article pairs,
hours of CPU on one machine, and Ray already solves placing long-lived workers on a cluster,
restarting them when they die and retrying their work. This module only plugs Ray into the
runner's executor seam (:class:`compare.corpus.executors.Executor`):

* Each Ray actor (:class:`DocumentWorker`) builds the embedder, the meaning model and, with
  MT, the translation models once (:func:`compare.corpus.worker.init_worker`), then checks
  documents with :func:`compare.corpus.worker.process_document`. An actor asks Ray for
  ``cpus_per_worker`` CPUs and, when asked, a fraction of a GPU (Ray then shows it that GPU;
  the translation models use it through ``device=auto``).
* Results stream back to the driver as they finish (two documents queued per actor to hide
  latency); the driver alone writes the SQLite database, exactly as with the local pool, so
  resume rules, tables and the progress bar are the same.
* Faults: an actor that dies is restarted by Ray (``max_restarts``; it loads its models
  again). The documents it held are run once more, each alone on an idle actor, so that a
  second death is surely that document's: it is then stored as failed with
  :data:`compare.corpus.executors.WORKER_DIED`, and a neighbour of a crash never is (the same
  rule as the local pool). An actor Ray cannot bring back is dropped; when none is left the
  run stops with one line (run again to resume).
* Ray is imported only here, only for ``--engine ray``; without it the user gets one line
  naming the install command.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from compare.corpus.executors import WORKER_DIED, DocumentTask, EngineOptions
from compare.corpus.records import DocumentPair, DocumentResult
from compare.corpus.settings import RunSettings
from compare.corpus.worker import init_worker, process_document
from compare.errors import InputError

INSTALL_COMMAND = "python3 -m pip install -r requirements-cluster.txt"
IN_FLIGHT_PER_WORKER = 2
"""Documents handed to one actor at a time: one running, one waiting (hides the round trip)."""
MAX_RESTARTS = 4
"""Times Ray brings one dead actor back before it is dropped from the run."""
LOCAL_OBJECT_STORE_BYTES = 256 * 1024**2
"""Object store of a Ray instance this module starts itself: results are small (a report is
tens of kilobytes), so Ray's default of 30 % of memory would only take RAM from the models."""
PROJECT_ROOT = str(Path(__file__).resolve().parents[2])


def import_ray() -> Any:
    """The ``ray`` module, or one line saying how to install it."""
    try:
        import ray
    except ImportError as exc:
        raise InputError(f"--engine ray needs Ray, which is not installed here: {INSTALL_COMMAND} "
                         "(on the driver and on every worker).") from exc
    return ray


class DocumentWorker:
    """One Ray actor: models built once in the constructor, then one document per call."""

    def __init__(self, settings: RunSettings, task: DocumentTask | None = None) -> None:
        self.settings = settings
        self.task = task or process_document
        try:
            init_worker(settings)
        except Exception:  # noqa: BLE001, S110 - process_document reports it per document
            pass

    def check(self, pair: DocumentPair) -> DocumentResult:
        return self.task(pair, self.settings)

    def pid(self) -> int:
        return os.getpid()


class RayExecutor:
    """Runs documents on Ray actors; joins a running Ray (``address``, or one this process
    already started) or starts a private instance on this machine for the run."""

    def __init__(self, options: EngineOptions | None = None,
                 task: DocumentTask | None = None) -> None:
        self.options = options or EngineOptions(name="ray")
        self.task = task
        """The per-document function (default :func:`process_document`); tests swap it."""
        self.actors: list[Any] = []
        """The live actors of the current run (tests kill one)."""
        self.retried = 0
        """Documents run again because their worker died."""
        self.pids: list[int] = []
        """Process ids of the actors when they started (on their nodes; tests kill one)."""

    def run(
        self, pairs: Sequence[DocumentPair], settings: RunSettings
    ) -> Iterator[DocumentResult]:
        if not pairs:
            return
        ray = import_ray()
        started_here = self._connect(ray)
        try:
            count = self._worker_count(ray, len(pairs))
            actor_class = ray.remote(DocumentWorker).options(
                num_cpus=self.options.cpus_per_worker,
                num_gpus=self.options.gpus_per_worker or 0,
                max_restarts=MAX_RESTARTS,
                max_task_retries=0,  # retries are this module's (suspects run alone)
            )
            self.actors = [actor_class.remote(settings, self.task) for _ in range(count)]
            # Wait for every actor to have its models (a start that fails for good drops it).
            self.pids = [self._pid(ray, i) for i in range(len(self.actors))]
            if not any(self.pids):
                raise InputError("No Ray worker could start (see the Ray logs of the cluster); "
                                 "nothing was checked.")
            yield from self._stream(ray, pairs)
        finally:
            for actor in self.actors:
                try:
                    ray.kill(actor, no_restart=True)
                except Exception:  # noqa: BLE001, S110 - already gone
                    pass
            self.actors = []
            if started_here:
                ray.shutdown()

    def _connect(self, ray: Any) -> bool:
        """Join or start Ray; True when this call started it (then the run shuts it down)."""
        if ray.is_initialized():
            return False
        address = self.options.address
        path = os.pathsep.join(p for p in (PROJECT_ROOT, os.environ.get("PYTHONPATH", "")) if p)
        try:
            if address:
                # Workers of an existing cluster get this project's code shipped with the job;
                # what it needs installed (requirements.txt) must be there already.
                ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR,
                         runtime_env={"py_modules": [str(Path(PROJECT_ROOT) / "compare")]})
            else:
                # "local": always a new private instance, never a cluster found on this machine.
                ray.init(address="local", include_dashboard=False, log_to_driver=False,
                         logging_level=logging.ERROR,
                         object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                         runtime_env={"env_vars": {"PYTHONPATH": path}})
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = f"at {address}" if address else "on this machine"
            line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise InputError(f"Cannot start or reach Ray {where}: {line}") from exc
        return True

    def _worker_count(self, ray: Any, documents: int) -> int:
        """Actors to start: asked for, or as many as the cluster's CPUs (and GPUs) hold."""
        cpus = float(self.options.cpus_per_worker)
        gpus = float(self.options.gpus_per_worker or 0)
        resources = ray.cluster_resources()
        have_cpu, have_gpu = float(resources.get("CPU", 0)), float(resources.get("GPU", 0))
        fits = int(have_cpu // cpus) if cpus > 0 else documents
        if gpus > 0:
            if have_gpu <= 0:
                raise InputError(f"--gpus-per-worker {gpus:g}: the Ray cluster has no GPU.")
            fits = min(fits, int(have_gpu // gpus))
        wanted = self.options.workers or max(1, fits)
        if wanted > max(fits, 0):
            raise InputError(
                f"{wanted} Ray workers of {cpus:g} CPU(s)"
                + (f" and {gpus:g} GPU" if gpus else "")
                + f" do not fit the cluster ({have_cpu:g} CPUs, {have_gpu:g} GPUs); "
                "ask for fewer --workers.")
        return max(1, min(wanted, documents))

    def _stream(self, ray: Any, pairs: Sequence[DocumentPair]) -> Iterator[DocumentResult]:
        from ray.exceptions import RayActorError, RayError

        pending: deque[DocumentPair] = deque(pairs)
        suspects: deque[DocumentPair] = deque()
        in_flight: dict[Any, tuple[DocumentPair, int]] = {}
        load = [0] * len(self.actors)
        alone = [False] * len(self.actors)
        alive = {i for i, pid in enumerate(self.pids) if pid}

        def submit(pair: DocumentPair, worker: int) -> None:
            in_flight[self.actors[worker].check.remote(pair)] = (pair, worker)
            load[worker] += 1

        def hand_out() -> None:
            # Suspects (in flight when their worker died) each run alone on an idle actor, so
            # a death while one runs is its own; new documents wait until they are through.
            while suspects:
                idle = sorted(i for i in alive if load[i] == 0)
                if not idle:
                    return
                alone[idle[0]] = True
                submit(suspects.popleft(), idle[0])
            while pending:
                free = [i for i in alive if not alone[i] and load[i] < IN_FLIGHT_PER_WORKER]
                if not free:
                    return
                submit(pending.popleft(), min(free, key=lambda i: load[i]))

        hand_out()
        while in_flight:
            done, _ = ray.wait(list(in_flight), num_returns=1)
            for ref in done:
                pair, worker = in_flight.pop(ref)
                load[worker] -= 1
                was_alone, alone[worker] = alone[worker], False
                try:
                    result = ray.get(ref)
                except RayActorError as exc:
                    if not self._answers(ray, worker):
                        alive.discard(worker)
                    if not was_alone:
                        suspects.append(pair)
                        self.retried += 1
                        continue
                    result = DocumentResult(pair.id, pair.input_hash, "failed",
                                            error=f"{WORKER_DIED} [{_first_line(exc)}]")
                except RayError as exc:
                    result = DocumentResult(pair.id, pair.input_hash, "failed",
                                            error=f"Ray: {_first_line(exc)}")
                yield result
            hand_out()
        if pending or suspects:
            raise InputError(f"Every Ray worker died; {len(pending) + len(suspects)} documents "
                             "were not checked. Run the same command again to resume.")

    def _answers(self, ray: Any, worker: int) -> bool:
        """Whether an actor that died mid-document is back (Ray restarts it and it loads its
        models again); False once Ray has given it up."""
        if self._pid(ray, worker):
            return True
        print("A Ray worker died for good; going on with the others.", file=sys.stderr)
        return False

    def _pid(self, ray: Any, worker: int, wait_s: float = 600.0) -> int | None:
        """The actor's process id once it is up (models loaded), or None when Ray has given
        it up or it does not answer within ``wait_s``."""
        from ray.exceptions import ActorDiedError, GetTimeoutError, RayActorError

        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            try:
                return int(ray.get(self.actors[worker].pid.remote(),
                                   timeout=max(1.0, deadline - time.monotonic())))
            except (ActorDiedError, GetTimeoutError):
                return None
            except RayActorError:  # unavailable for a moment (restarting)
                time.sleep(0.5)
        return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]
