"""One home for splits (issue 23): compare.splits names every dev and held-out slice of every
shared corpus, its guard refuses held-out reads in every test session, and no test or
benchmark keeps a split of its own.

The guard is on here as everywhere in the tests (``tests/conftest.py`` sets
``COMPARE_FORBID_HELDOUT=1``): the tests below ask for held-out slices inside
``pytest.raises`` only, so nothing held out is ever returned to a test.
"""

from __future__ import annotations

import ast
import io
import pathlib
import tokenize

import pytest

from compare import splits
from compare.qe import data
from compare.splits import HeldOutRead

REPO = pathlib.Path(__file__).resolve().parent.parent


def test_the_guard_is_on_in_every_test_session() -> None:
    assert splits.guard_on()
    with splits.forbid_heldout(False):
        assert not splits.guard_on()
        with splits.forbid_heldout():
            assert splits.guard_on()
    assert splits.guard_on()


def test_slices_cover_each_corpus_once() -> None:
    assert set(splits.NTREX_DEV_LINES) | set(splits.NTREX_HELDOUT_LINES) == set(range(1000))
    assert not set(splits.NTREX_DEV_LINES) & set(splits.NTREX_HELDOUT_LINES)
    assert list(splits.NTREX_TRAIN_LINES) + list(splits.NTREX_CALIBRATION_LINES) == list(
        splits.NTREX_DEV_LINES)
    assert list(splits.DEMETR_DEV_IDS) + list(splits.DEMETR_HELDOUT_IDS) == list(range(551, 601))
    talks = (splits.MQM_TED_TRAIN_TALKS, splits.MQM_TED_DEV_TALKS, splits.MQM_TED_HELDOUT_TALKS)
    assert sorted(t for part in talks for t in part) == [f"tedtalk-{k}" for k in range(1, 7)]
    assert [splits.is_heldout("ntrex", k) for k in (0, 699, 700, 999)] == [False] * 2 + [True] * 2
    assert [splits.is_heldout("demetr", k) for k in (551, 575, 576, 600)] == [0, 0, 1, 1]
    assert [splits.is_heldout("mlqe", s) for s in ("train", "dev", "test", "test21")] == [
        False, False, True, True]
    assert [splits.is_heldout("wmt22", p) for p in range(4)] == [False, True, False, True]
    assert not any(splits.is_heldout(name, "anything") for name in splits.NO_HELDOUT)
    with pytest.raises(KeyError):
        splits.is_heldout("flores", 1)
    with pytest.raises(ValueError):
        splits.is_heldout("ntrex", 1000)


def test_old_names_stay_importable_from_the_qe_data_module() -> None:
    assert data.NTREX_DEV_LINES is splits.NTREX_DEV_LINES
    assert data.NTREX_HELDOUT_LINES is splits.NTREX_HELDOUT_LINES
    assert data.MQM_TED_HELDOUT_TALKS is splits.MQM_TED_HELDOUT_TALKS
    from compare.qe.train import NTREX_TRAIN_END

    assert NTREX_TRAIN_END == 630


def test_every_reader_refuses_a_held_out_slice(shared_dir: pathlib.Path) -> None:
    corpora = shared_dir / "corpora"
    reads = [
        lambda: splits.ntrex_lines("en", range(695, 705), corpora),  # straddles the boundary
        lambda: data.ntrex_lines("kk", splits.NTREX_HELDOUT_LINES, corpora),
        lambda: splits.wmt22_rows("heldout", corpora),
        lambda: splits.wmt22_rows("all", corpora, table="hyps"),
        lambda: splits.demetr_rows("heldout", corpora),
        lambda: splits.demetr_rows("all", corpora),
        lambda: data.wmt22_documents(1, corpora),
        lambda: data.wmt22_hypotheses(1, corpora),
        lambda: data.wmt22_scored(1, corpora),
        lambda: data.wmt22_da_scores(corpora),  # every document: the odd ones too
        lambda: data.wmt22_da_table(corpora, 1),
        lambda: data.read_mlqe("test", corpora),
        lambda: data.read_mlqe("test21", corpora),
        lambda: data.read_mqm_ted(splits.MQM_TED_HELDOUT_TALKS, corpora),
        lambda: data.read_mqm_ted(("tedtalk-3", "tedtalk-5"), corpora),
    ]
    for read in reads:
        with pytest.raises(HeldOutRead, match="held-out"):
            read()


def test_dev_reads_go_through(shared_dir: pathlib.Path) -> None:
    corpora = shared_dir / "corpora"
    assert len(splits.ntrex_lines("ru", splits.NTREX_DEV_LINES, corpora)) == 700
    assert data.ntrex_lines("en", range(0, 3), corpora) == splits.ntrex_lines("eng", range(3))
    dev = splits.wmt22_rows("dev", corpora)
    assert len(dev) == 950 and len({row["doc_id"] for row in dev}) == 114
    assert not any(splits.is_heldout("wmt22", row["doc_id"]) for row in dev)
    assert len(data.wmt22_documents(0, corpora)) == 114
    demetr = splits.demetr_rows("dev", corpora)
    assert {row["id"] for row in demetr} == set(splits.DEMETR_DEV_IDS) and len(demetr) == 875
    assert len(data.read_mqm_ted(splits.MQM_TED_DEV_TALKS, corpora)) == 52 * 15


def test_benchmarks_refuse_to_print_held_out_examples_when_tuning() -> None:
    splits.check_printable("ntrex", [5, 600], tuning=True)
    splits.check_printable("ntrex", [5, 800], tuning=False)  # a reporting run may show them
    with pytest.raises(HeldOutRead, match="tuning"):
        splits.check_printable("ntrex", [5, 800], tuning=True)
    with pytest.raises(HeldOutRead, match="tuning"):
        splits.check_printable("demetr", [590], tuning=True)


# Folders of the shared corpora that have held-out rows: a test that names one reads it by path,
# past the guard.
GUARDED_FOLDERS = ("ntrex128", "wmt22-ru-en", "wmt22_ru-en", "demetr-ru-en", "mlqe-pe-ru-en",
                   "mqm-en-ru", "ted2021")


def _strings(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]  # fmt: skip


def test_no_test_reads_a_guarded_corpus_by_path() -> None:
    """Tests read NTREX, WMT22, DEMETR, MLQE-PE ru-en and MQM only through the guarded readers,
    so the guard sees every row they ask for (the seed article, Tatoeba and the other corpora
    without a held-out part may be read by path)."""
    offenders = []
    for path in sorted((REPO / "tests").glob("*.py")):
        if path.name in ("test_splits.py", "conftest.py"):
            continue
        for text in _strings(path):
            offenders += [f"{path.name}: {text!r}" for f in GUARDED_FOLDERS if f in text]
    assert not offenders, offenders


# Numbers that mark a split's edge: NTREX line 700, DEMETR ids 575/576; and the lines where
# such a number is no split (a memory limit in MB).
SPLIT_EDGES = {"700", "575", "576"}
NOT_A_SPLIT = ("peak_mb=700",)


def test_no_benchmark_or_qe_module_keeps_a_split_of_its_own() -> None:
    """The benchmarks and compare/qe take their slices from compare.splits: none writes an
    edge of a split as a number in its code (strings and comments aside)."""
    paths = [*sorted((REPO / "benchmarks").glob("*.py")), *sorted((REPO / "compare" / "qe")
                                                                   .glob("*.py"))]
    offenders = []
    for path in paths:
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        offenders += [f"{path.name}:{tok.start[0]}" for tok in tokens
                      if tok.type == tokenize.NUMBER and tok.string in SPLIT_EDGES
                      and not any(ok in tok.line.replace(" ", "") for ok in NOT_A_SPLIT)]
    assert not offenders, offenders
