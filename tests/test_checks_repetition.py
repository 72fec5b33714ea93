
import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.repetition import RepeatedWord
from compare.document import Document, Sentence
from compare.splits import NTREX_DEV_LINES, demetr_rows, ntrex_lines, wmt22_rows


def _flags(text: str, source: str | None = None):
    doc = Document(text, "en", [], [Sentence(0, 0, len(text), 0)])
    if source is None:
        return RepeatedWord().run(CheckContext(target=doc))
    src = Document(source, "ru", [], [Sentence(0, 0, len(source), 0)])
    pairs = [AlignedPair((0,), (0,), 1.0)]
    return RepeatedWord().run(CheckContext(target=doc, source=src, pairs=pairs))


@pytest.mark.parametrize(
    "text, flagged, times",
    [
        ("The leak is at the site site.", " site", 2),
        ("It lies in Sagittarius Sagittarius Sagittarius Sagittarius.",
         " Sagittarius Sagittarius Sagittarius", 4),  # three repeats are no name
        ("The The Beatles played.", " The", 2),
        ("He spoke of of the plan.", " of", 2),
    ],
)
def test_repeats_are_flagged_after_the_first_word(text, flagged, times):
    (flag,) = _flags(text)
    assert text[flag.start : flag.end] == flagged
    assert flag.evidence["times"] == times
    assert flag.category == "addition" and flag.severity == "minor"


@pytest.mark.parametrize(
    "text",
    [
        "He had had enough of it.",
        "She said that that was all.",
        "No, no, no.",
        "They flew to Bora Bora and Walla Walla.",
        "Rows 10 10 and 12 12 are equal.",
        "It was very very cold.",
    ],
)
def test_intended_reduplications_are_not_flagged(text):
    assert _flags(text) == []


def test_every_demetr_repetition_is_caught(shared_dir):
    rows = demetr_rows("dev", shared_dir)  # ids 551-575 (compare.splits)
    repeats = [r for r in rows if r["pert_name"] in ("minor_id1_repeat2", "minor_id2_repeat4")]
    assert len(repeats) == 50
    caught = sum(bool(_flags(r["pert_sent"], r["src_sent"])) for r in repeats)
    assert caught >= 49  # dev: 50 of 50 caught; bound 49 (slack 1)
    base = [r for r in rows if r["pert_name"] == "base_id35_reference"]
    assert not any(_flags(r["pert_sent"], r["src_sent"]) for r in base)


def test_a_doubled_name_is_flagged_unless_the_source_doubles_it_too():
    english = "They were trapped in the Roa Roa hotel."
    assert _flags(english, "Они оказались в ловушке в отеле Роа Роа.") == []
    assert _flags(english) == []  # no source: the benefit of the doubt
    (flag,) = _flags("The galaxy in Sagittarius Sagittarius.", "Галактика в Стрельце.")
    assert flag.evidence == {"word": "Sagittarius", "times": 2}


def test_professional_translations_are_not_flagged(shared_dir):
    lines = ntrex_lines("en", NTREX_DEV_LINES, shared_dir, strip=False)
    assert [line for line in lines if _flags(line)] == []  # dev: 0 of 700 (no slack)
    refs = [r["ref_A"] for r in wmt22_rows("dev", shared_dir)]
    assert sum(bool(_flags(r)) for r in refs) == 0  # dev: 0 of 950 (no slack)


def test_a_repeated_number_is_flagged_only_against_a_source_that_has_it_once():
    english = "They appear in court on February 16 16."
    (flag,) = _flags(english, "Они предстанут перед судом 16 февраля.")
    assert english[flag.start : flag.end] == " 16"
    assert _flags(english) == []  # alone, "16 16" may be table data
    assert _flags("Scores 3 3 and 2.5 2.5 were equal.", "Счёт 3 3 и 2,5 2,5.") == []
