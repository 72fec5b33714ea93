"""The opening of a long document, shown first (:mod:`compare.opening`, issue 25): a prefix of
each side, whose pairs and flags are those of the whole check."""

from __future__ import annotations

import dataclasses
from dataclasses import astuple

import pytest

from compare.app_run import first_look, later_parts, needs_later_pass, run_review
from compare.opening import LONG_DOCUMENT_CHARS, opening_of
from compare.reading import read_pasted
from tests.fake_embedders import NumberEmbedder, long_pair


def planted_pair(n: int = 2000) -> tuple[str, str]:
    """:func:`long_pair` with a changed number inside the opening too (sentence 20)."""
    src, eng = long_pair(n)
    src = src.replace("Сообщение 20 поступило", "Сообщение 20 (37 страниц) поступило")
    eng = eng.replace("Report 20 came", "Report 20 (73 pages) came")
    return src, eng


def flag_keys(pairs: list) -> list:
    return [(p.source, p.target, [(f.check, f.side, f.start, f.end, f.severity, f.message)
                                  for f in p.flags]) for p in pairs]  # fmt: skip


def test_a_short_document_has_no_opening() -> None:
    src, eng = (read_pasted("\n\n".join(t.split("\n\n")[:100])) for t in long_pair())
    assert len(src.text) < LONG_DOCUMENT_CHARS
    assert opening_of(eng, src) is None
    assert not needs_later_pass({"qe": False, "mt": False}, src, None)


def test_the_opening_is_a_prefix_cut_at_a_paragraph_end() -> None:
    src, eng = (read_pasted(t) for t in planted_pair())
    parts = opening_of(eng, src)
    assert parts is not None
    for part, whole in zip(parts, (eng, src), strict=True):
        assert 0 < len(part.text) < len(whole.text)
        assert whole.text.startswith(part.text)
        assert part.paragraphs == whole.paragraphs[: len(part.paragraphs)]
        assert part.paragraphs[-1].end == len(part.text)
    # The English reaches past the source's cut (its translation must be inside).
    assert len(parts[0].text) / len(eng.text) > len(parts[1].text) / len(src.text)


def test_one_long_paragraph_is_cut_after_a_sentence() -> None:
    src, eng = long_pair(2000)
    src, eng = (read_pasted(t.replace("\n\n", " ")) for t in (src, eng))
    assert len(src.paragraphs) == 1
    parts = opening_of(eng, src)
    assert parts is not None
    for part, whole in zip(parts, (eng, src), strict=True):
        assert whole.text.startswith(part.text) and part.text.endswith(".")


def test_the_first_look_of_a_long_document_is_the_whole_checks_opening() -> None:
    src, eng = (read_pasted(t) for t in planted_pair())
    settings = {"qe": False, "mt": False}
    assert needs_later_pass(settings, src, None)
    assert later_parts(settings, src, None) == ["the rest of the document"]
    embedder = NumberEmbedder()
    first = first_look(eng, src, settings, embedder)
    whole = run_review(eng, src, settings, embedder)
    assert 50 <= len(first.pairs) < len(whole.pairs) // 4
    # The same pairs, the same flags, at the same offsets (a prefix keeps every offset).
    assert flag_keys(first.pairs) == flag_keys(whole.pairs[: len(first.pairs)])
    numbers = [f for p in first.pairs for f in p.flags if f.check == "number-mismatch"]
    assert numbers and eng.text[numbers[0].start : numbers[0].end] == "73"
    # Nothing from past the cut; the reviewer is told what the page shows.
    assert not [f for p in first.pairs for f in p.flags if "5400" in f.message]
    assert first.notices[0].startswith("This is the opening of a long document: its first")
    assert not [n for n in whole.notices if n.startswith("This is the opening")]
    assert astuple(first.target.sentences[0]) == astuple(whole.target.sentences[0])


@pytest.mark.parametrize("ratio", [0.5, 2.0])
def test_sides_of_unequal_length_still_pair_up(ratio: float) -> None:
    """An English half or twice as long a sentence: the opening's margin follows the ratio."""
    src, eng = long_pair(2000)
    pad = " In the evening." if ratio > 1 else ""
    eng = eng.replace(" came from Almaty in the evening.", " came." if ratio < 1 else
                      " came from Almaty in the evening." + pad)  # fmt: skip
    src_t, eng_t = read_pasted(src), read_pasted(eng)
    first = first_look(eng_t, src_t, {"qe": False, "mt": False}, NumberEmbedder())
    whole = run_review(eng_t, src_t, {"qe": False, "mt": False}, NumberEmbedder())
    assert len(first.pairs) >= 50
    assert flag_keys(first.pairs) == flag_keys(whole.pairs[: len(first.pairs)])


def test_an_opening_with_no_pair_left_gives_way_to_the_whole_document(monkeypatch) -> None:
    """Two sides that hardly pair up can leave the opening no pair after the trim: the first
    look then checks the whole document, as before."""
    import compare.app_run as app_run

    monkeypatch.setattr(app_run, "trim_opening",
                        lambda report: dataclasses.replace(report, pairs=[]))  # fmt: skip
    src, eng = (read_pasted(t) for t in planted_pair())
    first = first_look(eng, src, {"qe": False, "mt": False}, NumberEmbedder())
    assert first.source is not None and first.source.text == src.text
    assert not [n for n in first.notices if n.startswith("This is the opening")]
