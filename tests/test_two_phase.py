"""The app's check in two steps (issue 24): the first look (alignment and rule checks) at once,
then the whole check with the meaning model in a background thread, whose report must be the
one-pass report exactly (:mod:`compare.app_run`)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from compare.app_run import LaterPass, first_look, needs_later_pass, run_review, stop_running_passes
from compare.demos import DEMOS, demo_texts
from compare.embed import CachingEmbedder
from compare.reading import read_pasted

pytest.importorskip("torch")


@pytest.fixture(scope="module")
def model(tiny_qe_dir):
    from compare.qe.predict import QEModel

    return QEModel.load(tiny_qe_dir)


@pytest.mark.parametrize("name", list(DEMOS))
def test_the_two_steps_end_in_the_one_pass_report(name, model, embedder):
    src, eng = (read_pasted(t) for t in demo_texts(name))
    settings = {"qe": True}
    one_pass = run_review(eng, src, settings, CachingEmbedder(embedder), qe=model)
    assert needs_later_pass(settings, src, model)

    cached = CachingEmbedder(embedder)  # the app's embedder keeps its vectors, as here
    first = first_look(eng, src, settings, cached)
    later = LaterPass(lambda say: run_review(eng, src, settings, cached, say, qe=model),
                      "the meaning scores")
    assert later.wait(300) and later.error is None
    final = later.report

    # The final report is the one-pass report, flags, severities and risks included.
    assert final.to_dict() == one_pass.to_dict()
    assert [p.flags for p in final.pairs] == [p.flags for p in one_pass.pairs]
    # The first look is the rule checks alone, on the same pairs: no row moves when the
    # meaning scores come in.
    rules_only = run_review(eng, src, {"qe": False}, CachingEmbedder(embedder))
    # ... but for the notice that a check waits for the meaning model: it is still to come.
    waiting = [n for n in rules_only.notices
               if n.endswith(("it needs the meaning model.", "they need the meaning model."))]
    assert waiting and not set(waiting) & set(first.notices)
    assert first.to_dict() == {**rules_only.to_dict(),
                               "notices": [n for n in rules_only.notices if n not in waiting]}
    assert first.qe is None and all(p.qe is None for p in first.pairs)
    assert [(p.source, p.target) for p in first.pairs] == \
        [(p.source, p.target) for p in final.pairs]
    # The meaning scores arrived and the severity decision ran again with them.
    assert final.qe is not None and all(p.qe is not None for p in final.pairs
                                        if p.source and p.target)
    assert [p.risk for p in first.pairs] != [p.risk for p in final.pairs]


def test_no_later_step_without_a_source_or_anything_slow_to_add(model):
    src = read_pasted("В городе жили 15 тысяч человек.")
    assert not needs_later_pass({"qe": True}, None, model)
    assert not needs_later_pass({"qe": True, "mt": False}, src, None)  # no model loaded
    assert not needs_later_pass({"qe": False, "mt": False}, src, model)


def test_a_later_pass_says_how_far_it_got_and_can_be_cancelled():
    step, go_on = threading.Event(), threading.Event()

    def work(say):
        say("estimating", "Scoring meaning: 1 of 3 pairs")
        step.set()
        go_on.wait(30)
        say("estimating", "Scoring meaning: 2 of 3 pairs")  # cancelled: stops here
        return "a report"

    job = LaterPass(work, "the meaning scores")
    assert step.wait(30)
    assert job.latest == ("estimating", "Scoring meaning: 1 of 3 pairs") and not job.done
    job.cancel()
    go_on.set()
    assert job.wait(30)
    assert job.report is None and job.error is None


def test_a_later_pass_that_fails_says_why_in_one_line():
    def work(say):
        raise RuntimeError("the model's files went away")

    job = LaterPass(work, "the meaning scores")
    assert job.wait(30)
    assert job.report is None
    assert job.error == "RuntimeError: the model's files went away"


def test_the_exit_stops_a_pass_in_flight_and_waits_for_it():
    batches = threading.Event()

    def work(say):
        for k in range(10**9):  # until cancelled
            say("estimating", f"Scoring meaning: {k} of many pairs")
            batches.set()

    job = LaterPass(work, "the meaning scores")
    assert batches.wait(30) and not job.done
    stop_running_passes(timeout=30)  # what the interpreter's exit calls (atexit)
    assert job.done and job.report is None and job.error is None


# torch busy in a pass's thread when the interpreter exits: without the exit's stop this
# printed "terminate called without an active exception" and aborted (status 134) every time.
_EXIT_WHILE_TORCH_WORKS = """
import threading, torch
from compare.app_run import LaterPass
busy = threading.Event()
def work(say):
    a = torch.randn(400, 400)
    try:
        for k in range(10**9):  # batches, a progress report before each, as the model's
            say("estimating", f"Scoring meaning: {k} of many pairs")
            busy.set()
            a = torch.tanh(a @ a)
    finally:
        print("the pass stopped", flush=True)
job = LaterPass(work, "the meaning scores")
assert busy.wait(60)
print("the interpreter exits", flush=True)
"""


def test_exiting_while_a_pass_runs_torch_ends_cleanly():
    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(repo)}
    done = subprocess.run([sys.executable, "-c", _EXIT_WHILE_TORCH_WORKS], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=240)
    assert "terminate called" not in done.stderr
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == "the interpreter exits the pass stopped".split()
