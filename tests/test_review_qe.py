"""The meaning model in the review library and the exports (tiny model from conftest).

The tiny model's calibrated thresholds say little about made-up pairs, so the report under test
is made with ``qe_major`` above every score (every translated pair gets a meaning-shift flag)
and the word threshold at the median BAD probability (about half the words are doubted): what
is tested is that the model's view reaches the rows, the highlights and the files.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from lxml import html as lxml_html

pytest.importorskip("torch")

from compare.app_run import NO_QE_NOTICE, run_review  # noqa: E402
from compare.corrections import merge_pairs, split_pair  # noqa: E402
from compare.exports import (  # noqa: E402
    QE_NOTE_FROM,
    QE_PROP,
    XLIFF_NS,
    export,
    rows_table_html,
    to_html,
    to_tmx,
    to_xliff,
)
from compare.qe.negation_view import REVERSAL_GAIN  # noqa: E402
from compare.reading import read_pasted  # noqa: E402
from compare.review import MEANING_CHECK, build_rows, filter_rows, without_dismissed  # noqa: E402

X = f"{{{XLIFF_NS}}}"
RU = ("Цены на хлеб выросли на 5 процентов. Школа закрыта на ремонт. "
      "Министр не подписал указ.")
EN = ("Bread prices rose by 5 percent. The school is open after repairs. "
      "The minister signed the decree.")


@pytest.fixture(scope="module")
def model(tiny_qe_dir, e5_weights):
    from compare.qe.predict import QEModel

    loaded = QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights)
    words = [(s.split(), t.split()) for s, t in zip(RU.split(". "), EN.split(". "), strict=True)]
    probs = np.concatenate([np.concatenate([w.source, w.target])
                            for w in loaded.predict(words)])  # fmt: skip
    loaded.config.thresholds = {**loaded.config.thresholds, "word_bad": float(np.median(probs))}
    return loaded


@pytest.fixture(scope="module")
def report(model, embedder):
    settings = {"thresholds": {"qe_major": 1.01}}
    return run_review(read_pasted(EN), read_pasted(RU), settings, embedder, qe=model)


def _shift_flags(report):
    return [f for f in report.all_flags() if f.check == MEANING_CHECK]


# --------------------------------------------------------------------------- rows
def test_every_translated_pair_is_scored_and_flagged(report):
    assert report.qe["pairs_scored"] == 3 and report.qe["mean_score"] is not None
    assert len(_shift_flags(report)) == 3
    rows = build_rows(report)
    assert all(r.qe_score is not None and 0.0 <= r.qe_score <= 1.0 for r in rows)


def test_each_doubted_word_is_highlighted_in_place_on_both_sides(report):
    for row, pair in zip(build_rows(report), report.pairs, strict=True):
        for side, text in (("source", row.source_text), ("target", row.target_text)):
            lights = getattr(row, f"{side}_highlights")
            marked = [text[h.start : h.end] for h in lights if h.check == MEANING_CHECK]
            doc = report.source if side == "source" else report.target
            bad = [doc.text[s["start"] : s["end"]] for s in pair.qe[f"{side}_bad"]]
            assert marked == bad == row.doubted[side]
    assert any(row.doubted["target"] for row in build_rows(report))
    # Not the whole sentence: the flag's own span (first to last doubted word) is not drawn.
    row = next(r for r in build_rows(report) if len(r.doubted["target"]) >= 1)
    words = [r for r in row.target_highlights if r.check == MEANING_CHECK]
    assert sum(h.end - h.start for h in words) < len(row.target_text)


def test_filters_and_dismissal_keep_working_on_meaning_highlights(report):
    rows = build_rows(report)
    only_numbers = filter_rows(rows, {"number"}, None)
    assert not any(h.check == MEANING_CHECK for r in only_numbers
                   for h in r.source_highlights + r.target_highlights)  # fmt: skip
    row = next(r for r in rows if r.doubted["target"])
    key = next(rf.key for rf in row.flags if rf.flag.check == MEANING_CHECK)
    again = build_rows(report, {key})[row.index]
    assert not any(h.check == MEANING_CHECK
                   for h in again.source_highlights + again.target_highlights)
    assert MEANING_CHECK not in {f.check for f in without_dismissed(report, {key})
                                 .pairs[row.index].flags}  # fmt: skip


def test_a_missing_model_is_one_notice_and_the_checks_still_run(embedder):
    report = run_review(read_pasted(EN), read_pasted(RU), {}, embedder, qe=None)
    assert NO_QE_NOTICE in report.notices and report.qe is None
    assert "negation-mismatch" in {f.check for f in report.all_flags()}
    off = run_review(read_pasted(EN), read_pasted(RU), {"qe": False}, embedder, qe=object())
    assert NO_QE_NOTICE not in off.notices and off.qe is None


# --------------------------------------------------------------------------- corrections
def test_a_correction_rescores_the_changed_pairs_with_the_model(report, model, embedder):
    merged = merge_pairs(report, 0, embedder, qe=model)
    assert len(merged.pairs) == 2 and merged.pairs[0].qe is not None
    assert merged.qe["pairs_scored"] == 2
    assert merged.pairs[1].qe == report.pairs[2].qe  # unchanged pair keeps its score
    assert len(_shift_flags(merged)) == 2
    split = split_pair(merged, 0, 1, 1, embedder, qe=model)
    assert [p.qe["score"] for p in split.pairs] == pytest.approx(
        [p.qe["score"] for p in report.pairs], abs=1e-3)


def test_without_the_model_a_correction_drops_the_changed_pairs_scores(report, embedder):
    merged = merge_pairs(report, 0, embedder)
    assert merged.pairs[0].qe is None and merged.pairs[1].qe == report.pairs[2].qe
    assert merged.qe["pairs_scored"] == 1
    assert [len(p.flags) for p in merged.pairs if p.qe is None] == [
        sum(f.check != MEANING_CHECK for f in merged.pairs[0].flags)]
    assert any("did not score 1 corrected pair" in n for n in merged.notices)
    assert not any(f.check == MEANING_CHECK for f in merged.pairs[0].flags)


# --------------------------------------------------------------------------- exports
def test_html_shows_the_score_per_row_and_marks_doubted_words(report):
    tree = lxml_html.fromstring(to_html(report))
    badges = tree.xpath("//table[@class='pairs']//td[@class='qe']/span")
    assert [b.text_content() for b in badges] == [
        f"meaning {p.qe['score']:.2f}" for p in report.pairs]
    marks = tree.xpath("//mark[contains(@data-check, 'meaning-shift')]")
    marked = [m.text_content() for m in marks]
    doubted = [w for r in build_rows(report) for w in r.doubted["source"] + r.doubted["target"]]
    assert marked == doubted
    assert "mean score" in tree.xpath("//td[@class='qe-doc']")[0].text_content()


def test_html_has_no_meaning_column_without_the_model(embedder):
    report = run_review(read_pasted(EN), read_pasted(RU), {"qe": False}, embedder)
    table = lxml_html.fromstring(rows_table_html(build_rows(report)))
    assert not table.xpath("//td[@class='qe']") and "Meaning" not in table.text_content()


def test_tmx_and_xliff_carry_the_score(report):
    units = ET.fromstring(to_tmx(report)).findall("body/tu")
    scores = [float(u.find(f"prop[@type='{QE_PROP}']").text) for u in units]
    assert scores == pytest.approx([p.qe["score"] for p in report.pairs], abs=1e-4)
    root = ET.fromstring(to_xliff(report))
    for unit, pair in zip(root.iter(X + "trans-unit"), report.pairs, strict=True):
        note = next(n for n in unit.findall(X + "note") if n.get("from") == QE_NOTE_FROM)
        assert f"{pair.qe['score']:.4f}" in note.text
        assert f"qe={pair.qe['score']:.4f}" in unit.get("extradata")
    assert ET.fromstring(export(report, "XLIFF")) is not None


def test_scoring_meaning_reports_its_count_as_it_goes(model, embedder):
    said: list[tuple[str, str]] = []
    run_review(read_pasted(EN), read_pasted(RU), {}, embedder,
               lambda stage, message: said.append((stage, message)), qe=model)
    counts = [m for s, m in said if s == "estimating" and m.startswith("Scoring meaning: ")]
    assert counts, said
    pairs = len(RU.split(". "))
    assert counts[-1] == f"Scoring meaning: {pairs} of {pairs} pairs"


def test_the_pairs_announced_are_the_pairs_counted(model, embedder):
    """An omitted sentence is no pair for the model: "Scoring N pairs" and "k of N" agree (the
    page said 1,014 then 23 of 1,000 on 1,000 NTREX lines)."""
    said: list[str] = []
    report = run_review(read_pasted(EN), read_pasted(RU + " Вечером в городе шёл сильный снег."),
                        {}, embedder, lambda stage, message: said.append(message), qe=model)
    assert any(not p.target for p in report.pairs)  # the snow is left out
    scored = sum(1 for p in report.pairs if p.source and p.target)
    assert f"Scoring {scored:,} pairs with the meaning model" in said, said
    assert f"Scoring meaning: {scored} of {scored} pairs" in said, said


def test_reading_the_negation_flags_again_reports_its_count_after_the_checks(model, embedder):
    """The model's second look at the negation flags comes after the checks' last message; on a
    long document it takes seconds to minutes, and the page said "Running checks" meanwhile."""
    said: list[tuple[str, str]] = []
    report = run_review(read_pasted(EN), read_pasted(RU), {}, embedder,
                        lambda stage, message: said.append((stage, message)), qe=model)
    viewed = [f for f in report.all_flags() if "without_negation" in f.evidence]
    assert viewed  # the lost negation of the third sentence
    last_check = max(k for k, (stage, _) in enumerate(said) if stage == "checking")
    after = said[last_check + 1:]
    assert after, f"nothing was said after the checks: {said[-3:]}"
    pairs = 2 * len(viewed)  # each flag's pair as it is and without its negation
    what = "Scoring meaning again for the negation flags"
    assert after[0] == ("estimating", f"{what}: 0 of {pairs} pairs"), said
    assert after[-1] == ("estimating", f"{what}: {pairs} of {pairs} pairs"), said


def test_the_lost_negation_carries_the_models_view_of_it(report):
    """The pipeline asks the meaning model about every negation flag: how much better the pair
    reads without the negation (compare.qe.negation_view), a number the decision reads."""
    negations = [f for f in report.all_flags() if f.check == "negation-mismatch"]
    assert negations
    for flag in negations:
        view = flag.evidence["without_negation"]
        assert isinstance(view["gain"], float)
        assert view["reversed"] == (view["gain"] >= REVERSAL_GAIN)
