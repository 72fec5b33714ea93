"""A heading, box label or caption run into the English body text (compare.checks.structure)."""

from __future__ import annotations

import pathlib

import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.structure import MergedHeading
from compare.document import Document, Sentence, Span


def english_only(text: str) -> CheckContext:
    paragraphs, offset = [], 0
    for line in text.split("\n"):
        paragraphs.append(Span(offset, offset + len(line)))
        offset += len(line) + 1
    sentences = [Sentence(i, p.start, p.end, i) for i, p in enumerate(paragraphs)]
    target = Document(text, "en", paragraphs, sentences)
    pairs = [AlignedPair((), (i,), 1.0) for i in range(len(sentences))]
    return CheckContext(target=target, source=None, pairs=pairs)


def found(text: str) -> list[str]:
    ctx = english_only(text)
    return [ctx.target.text[f.start:f.end] for f in MergedHeading().run(ctx)]


def test_the_seeds_box_label_and_run_on_caption_are_flagged(shared_dir: pathlib.Path) -> None:
    seed_path = shared_dir / "corpora" / "seed" / "pravda-mendkovich.en.txt"
    seed = seed_path.read_text(encoding="utf-8")
    ctx = english_only(seed)
    flags = MergedHeading().run(ctx)
    shown = {seed[f.start:f.end]: f.severity for f in flags}
    assert shown == {"Reference EADaily.": "major", "In": "minor"}
    run_on = next(f for f in flags if f.evidence.get("opener"))
    assert seed[run_on.start - 8:run_on.end] == "Tokayev In"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Reference TASS. The company was founded in 1991.", ["Reference TASS."]),
        ("Intro.\nHelp: Almaty is the largest city of Kazakhstan.", ["Help:"]),
        ("Senator Smith In a statement, the senator said no.", ["In"]),
        # must stay clean
        ("Senate Votes In Favour Of New Bill", []),
        ("Yesterday I went home, and I saw him.", []),
        ("The reference list is long. Reference books were sold out.", []),
        ("Background: the talks began in May.", []),
        ("He lives in New York. In May he moved.", []),
    ],
)  # fmt: skip
def test_true_positives_and_what_must_stay_clean(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_professional_dev_english_is_not_flagged(shared_dir: pathlib.Path) -> None:
    from compare.qe.data import NTREX_DEV_LINES, ntrex_lines, wmt22_documents

    corpora = shared_dir / "corpora"
    lines = ntrex_lines("en", NTREX_DEV_LINES, corpora)
    lines += [reference for document in wmt22_documents(0, corpora) for _, reference in document]
    flagged = [line for line in lines if found(line)]
    assert len(lines) > 1500 and flagged == []
