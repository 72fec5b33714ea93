import csv
import io
import json

import pytest

from compare.alignment_types import AlignedPair
from compare.document import Document, Sentence, Span
from compare.flags import Flag
from compare.report import SCHEMA, Report, Signature, attach_flags

SRC = "Цены выросли на 5%. Об этом сообщил министр."
TGT = "Prices rose by 7%. The minister said so. He added more."


def _doc(text: str, lang: str, bounds: list[tuple[int, int]]) -> Document:
    return Document(
        text=text,
        lang=lang,
        paragraphs=[Span(0, len(text))],
        sentences=[Sentence(i, a, b, 0) for i, (a, b) in enumerate(bounds)],
    )


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            out.append((start, i + 1))
            start = i + 2
    return out


@pytest.fixture()
def report() -> Report:
    src = _doc(SRC, "ru", _sentence_bounds(SRC))
    tgt = _doc(TGT, "en", _sentence_bounds(TGT))
    pairs = [
        AlignedPair((0,), (0,), 0.95, 0.91),
        AlignedPair((1,), (1,), 0.9, 0.9),
        AlignedPair((), (2,), 0.4, None),
    ]
    seven = TGT.index("7")
    flags = [
        Flag("number-mismatch", "number", "critical", "target", seven, seven + 2,
             "The source says 5%, the English says 7%.", {"source": ["5%"], "target": ["7%"]}),
        Flag("addition", "addition", "major", "target", TGT.index("He"), len(TGT),
             "This English sentence has no counterpart in the source."),
        # starts in the whitespace after sentence 0 of the source: belongs to sentence 0
        Flag("quote-presence", "punctuation", "minor", "source", SRC.index(" Об"),
             SRC.index(" Об") + 1, "test"),
    ]
    sig = Signature(compare="0.1.0", embedder="fake", segmenter="s", aligner="dp",
                    checks=["number-mismatch", "addition"], thresholds={"x": 1})
    return Report(signature=sig, target=tgt, source=src,
                  pairs=attach_flags(pairs, flags, src, tgt))


def test_flags_attach_to_the_pair_that_holds_their_sentence(report: Report) -> None:
    assert [f.check for f in report.pairs[0].flags] == ["number-mismatch", "quote-presence"]
    assert report.pairs[1].flags == []
    assert [f.check for f in report.pairs[2].flags] == ["addition"]


def test_json_contract_fields_and_offsets(report: Report) -> None:
    d = json.loads(report.to_json())
    assert d["schema"] == SCHEMA
    assert d["signature"]["compare"] == "0.1.0"
    assert d["signature"]["embedder"] == "fake"
    assert d["signature"]["thresholds"] == {"x": 1}
    assert d["source"]["lang"] == "ru" and d["source"]["text"] == SRC
    first = d["target"]["sentences"][0]
    assert d["target"]["text"][first["start"]:first["end"]] == "Prices rose by 7%."
    assert set(first) >= {"start", "end", "paragraph"}
    pair = d["pairs"][0]
    assert pair["source"] == [0] and pair["target"] == [0]
    assert pair["score"] == pytest.approx(0.95)
    flag = pair["flags"][0]
    assert set(flag) >= {"check", "category", "severity", "side", "start", "end", "message",
                         "evidence"}
    assert d["target"]["text"][flag["start"]:flag["end"]] == "7%"
    assert d["pairs"][2]["source"] == []  # an addition
    # every sentence of each side in exactly one pair
    for side in ("source", "target"):
        covered = sorted(i for p in d["pairs"] for i in p[side])
        assert covered == list(range(len(d[side]["sentences"])))


def test_json_round_trip(report: Report) -> None:
    again = Report.from_dict(json.loads(report.to_json()))
    assert again.to_dict() == report.to_dict()


def test_risk_is_kept_in_json_and_csv_and_left_out_when_unknown(report: Report) -> None:
    report.pairs[0].risk = 0.8731
    report.pairs[2].risk = 0.0
    d = json.loads(report.to_json())
    assert d["pairs"][0]["risk"] == 0.8731 and d["pairs"][2]["risk"] == 0.0
    assert "risk" not in d["pairs"][1]  # unknown is absent, as for qe: never 0 by accident
    again = Report.from_dict(d)
    assert [p.risk for p in again.pairs] == [0.8731, None, 0.0]
    assert again.to_dict() == report.to_dict()
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert [r["risk"] for r in rows] == ["0.8731", "", "0.0000"]
    header = next(csv.reader(io.StringIO(report.to_csv())))
    assert header[-1] == "risk"  # appended: the columns before it keep their places


def test_a_report_written_before_risk_reads_back_without_it(report: Report) -> None:
    d = report.to_dict()
    assert all("risk" not in p for p in d["pairs"])
    again = Report.from_dict(d)
    assert all(p.risk is None for p in again.pairs)
    assert "Read these first" not in again.summary()


def test_main_flag_is_the_most_severe_active_one_first_of_equals(report: Report) -> None:
    pair = report.pairs[0]  # number-mismatch (critical), then quote-presence (minor)
    assert pair.main_flag.check == "number-mismatch"
    pair.flags[0].dismissed = True
    assert pair.main_flag.check == "quote-presence"
    pair.flags[1].dismissed = True
    assert pair.main_flag is None
    from compare.report import main_flag

    a = Flag("x", "number", "major", "target", 5, 6, "a")
    b = Flag("y", "name", "major", "target", 1, 2, "b")
    assert main_flag([a, b]) is a


def test_summary_reads_first_the_riskiest_pairs(report: Report) -> None:
    from compare.risk import riskiest

    for pair, risk in zip(report.pairs, (0.62, 0.0, 0.91), strict=True):
        pair.risk = risk
    picked = riskiest(report)
    assert picked[:2] == [2, 0]
    text = report.summary()
    section = text[text.index("Read these first"):text.index("Flags:")]
    assert section.index("#3 risk 91%  He added more.") < section.index(
        "#1 risk 62%  Prices rose by 7%.")
    # listed only if over compare.risk's floor, and with no flag only at READ_FIRST_FLOOR
    listed = 1 in picked and report.pairs[1].main_flag is not None
    assert ("#2 risk 0%" in section) == listed
    # each with its main flag: the critical number, not the minor quote of the same pair
    assert "[critical] number-mismatch: The source says 5%" in section
    assert "quote-presence" not in section


def test_summary_says_so_when_no_pair_is_risky(report: Report, monkeypatch) -> None:
    for pair in report.pairs:
        pair.risk = 0.0
    monkeypatch.setattr("compare.risk.riskiest", lambda report, k=10: [])  # all under a floor
    assert "Read these first: no pair looks risky." in report.summary()


def test_an_omission_is_quoted_by_its_source() -> None:
    src = _doc(SRC, "ru", _sentence_bounds(SRC))
    tgt = _doc("Prices rose by 5%.", "en", [(0, 18)])
    pairs = attach_flags([AlignedPair((0,), (0,), 0.9), AlignedPair((1,), (), 0.4)], [], src,
                         tgt)
    report = Report(Signature("0", None, "s", None, []), tgt, src, pairs)
    assert report.pair_opening(pairs[1]) == "(not translated) Об этом сообщил министр."
    assert report.pair_opening(pairs[0], 2) == "Prices rose…"


def test_opening_quotes_the_first_words_and_marks_a_cut() -> None:
    from compare.report import opening

    assert opening("  one two\nthree ") == "one two three"
    assert opening("a b c d e f g h i j", 8) == "a b c d e f g h…"
    assert opening("") == ""


def test_from_dict_rejects_other_schemas(report: Report) -> None:
    d = report.to_dict()
    d["schema"] = "something/2"
    with pytest.raises(ValueError, match="compare.report/1"):
        Report.from_dict(d)


def test_csv_has_one_row_per_pair_with_flags_joined(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert len(rows) == 3
    assert rows[0]["target_text"] == "Prices rose by 7%."
    assert rows[0]["max_severity"] == "critical"
    assert "number-mismatch" in rows[0]["flags"] and "quote-presence" in rows[0]["flags"]
    assert rows[2]["source_text"] == "" and rows[2]["categories"] == "addition"
    # sentences are numbered from 1, as the pairs are (the JSON keeps 0-based offsets)
    assert rows[0]["pair"] == "1" and rows[0]["source_sentences"].split()[0] == str(
        report.pairs[0].source[0] + 1)


def test_counts_and_severity_floor(report: Report) -> None:
    counts = report.counts()
    assert counts["severity"] == {"critical": 1, "major": 1, "minor": 1}
    assert report.has_flags_at_least("critical")
    report.pairs[0].flags = []
    assert not report.has_flags_at_least("critical")
    assert report.has_flags_at_least("major")


def test_summary_names_the_flag_and_shows_the_span(report: Report) -> None:
    text = report.summary()
    assert "1 critical" in text
    assert "[7%]" in text
    assert "Signature: compare:0.1.0|embedder:fake" in text
    # Excerpts are labelled by side as the page says it: "source" or "English", never "target".
    assert "target:" not in text and ("English: " in text or "source: " in text)


# --------------------------------------------------------------------------- edge runs
def _tail_report(extra: int) -> Report:
    """One translated pair, then ``extra`` English sentences with no source."""
    from compare.report import group_edge_runs

    src_text = "Цены выросли."
    eng = ["Prices rose."] + [f"Extra line {i}." for i in range(extra)]
    tgt_text = " ".join(eng)
    bounds, pos = [], 0
    for s in eng:
        bounds.append((pos, pos + len(s)))
        pos += len(s) + 1
    src = _doc(src_text, "ru", [(0, len(src_text))])
    tgt = _doc(tgt_text, "en", bounds)
    pairs = [AlignedPair((0,), (0,), 0.9, 0.9)] + [
        AlignedPair((), (i,), 0.4, None) for i in range(1, extra + 1)]
    flags = [Flag("addition", "addition", "major", "target", a, b,
                  "This English sentence has no counterpart in the source.")
             for a, b in bounds[1:]]
    report = Report(signature=Signature("0", None, "s", None, []), target=tgt, source=src,
                    pairs=attach_flags(pairs, flags, src, tgt))
    return group_edge_runs(report)


def test_unpaired_sentences_at_the_end_become_one_grouped_flag() -> None:
    report = _tail_report(7)
    flags = report.all_flags()
    assert len(flags) == 1 and len(report.pairs) == 8
    assert flags[0].message.startswith("The English continues 7 sentences past the end of the "
                                       "source (pairs 2–8)")
    assert any("listed below" in n for n in report.notices)


def test_two_unpaired_sentences_keep_their_own_flags() -> None:
    assert len(_tail_report(2).all_flags()) == 2


def test_csv_neutralises_formula_cells() -> None:
    from compare.report import csv_safe

    assert [csv_safe(c) for c in ("=1+1", "+7", "-x", "@SUM", "\tA", "ok", -5, 3)] == [
        "'=1+1", "'+7", "'-x", "'@SUM", "'\tA", "ok", -5, 3]


def test_every_report_names_the_program_that_made_it(tmp_path) -> None:
    """The behaviour fingerprint changes with any code or data file of the package and goes
    into the signature (JSON and the summary line)."""
    import shutil

    from compare import provenance
    from compare.pipeline import check_texts
    from compare.reading import read_pasted

    report = check_texts(read_pasted("The minister signed the treaty."))
    code = report.signature.to_dict()["code"]
    assert code == provenance.behaviour_fingerprint() and len(code) == 12
    assert str(report.signature).endswith(f"|code:{code}")
    copy = tmp_path / "compare"
    shutil.copytree(provenance.PACKAGE, copy, ignore=shutil.ignore_patterns("weights"))
    (copy / "lang" / "headings.py").write_text("# one lexicon entry changed\n", encoding="utf-8")
    provenance.behaviour_fingerprint.cache_clear()
    try:
        provenance.PACKAGE, original = copy, provenance.PACKAGE
        assert provenance.behaviour_fingerprint() != code
    finally:
        provenance.PACKAGE = original
        provenance.behaviour_fingerprint.cache_clear()


def test_a_pair_without_a_flag_is_read_first_only_when_its_risk_is_high(report: Report) -> None:
    from compare.report import READ_FIRST_FLOOR

    for pair in report.pairs:
        for flag in pair.flags:
            flag.dismissed = True
    report.pairs[0].risk, report.pairs[1].risk, report.pairs[2].risk = 0.35, 0.0, 0.2
    assert "Read these first: no pair looks risky." in report.summary()
    report.pairs[0].risk = READ_FIRST_FLOOR + 0.1
    section = report.summary()
    assert "#1 risk 60%" in section and "#3 risk" not in section
