"""Synthetic errors: each kind changes the English as described and tags what it changed."""

from __future__ import annotations

import random

import pytest

from compare.opposites import MORE_PAIRS
from compare.qe.data import CLEAN_Z, split_words
from compare.qe.synthetic import (
    ANTONYMS,
    HELDOUT_ANTONYMS,
    PERTURBATION_Z,
    PERTURBATIONS,
    WIDE_ANTONYMS,
    perturb,
    synthetic_set,
)

SRC = split_words("Цены выросли на 15 процентов, и министр Иванов не согласился с этим в Москве.")
EN = split_words(
    "Prices rose by 15 percent, and minister Ivanov did not agree with this in Moscow."
)
POOL = [
    EN,
    split_words("The old bridge in Berlin was closed, but traffic moved slowly through the city."),
    split_words("Farmers in Texas sold their wheat early because the weather was dry."),
]


@pytest.mark.parametrize("kind", PERTURBATIONS)
def test_every_kind_changes_the_english_and_tags_it(kind):
    example = perturb(SRC, EN, kind, random.Random(1), POOL)
    assert example is not None, kind
    assert example.target_words != EN
    assert len(example.target_tags) == len(example.target_words)
    assert example.source_tags == [-1] * len(SRC) and example.source_words == SRC
    assert example.z == PERTURBATION_Z[kind] < CLEAN_Z
    bad = [w for w, t in zip(example.target_words, example.target_tags, strict=True) if t]
    if kind == "omission":
        assert not bad and len(example.target_words) < len(EN)
    else:
        assert bad, kind


def test_single_word_kinds_tag_exactly_the_new_word():
    number = perturb(SRC, EN, "number", random.Random(2), POOL)
    changed = [w for w, t in zip(number.target_words, number.target_tags, strict=True) if t]
    assert len(changed) == 1 and changed[0] != "15" and changed[0].isdigit()
    antonym = perturb(SRC, EN, "antonym", random.Random(2), POOL)
    (word,) = [w for w, t in zip(antonym.target_words, antonym.target_tags, strict=True) if t]
    assert word.lower() in ANTONYMS and ANTONYMS[word.lower()] in [w.lower() for w in EN]
    negation = perturb(SRC, EN, "negation", random.Random(2), POOL)
    assert "not" not in negation.target_words  # the existing negation is removed


def test_held_out_antonyms_share_no_word_with_training_ones():
    assert HELDOUT_ANTONYMS and not set(HELDOUT_ANTONYMS) & set(ANTONYMS)
    assert all(HELDOUT_ANTONYMS[w] in HELDOUT_ANTONYMS for w in HELDOUT_ANTONYMS)
    held = split_words("The shop opened early and the queue was long.")
    example = perturb(SRC, held, "antonym", random.Random(0), POOL, heldout=True)
    (word,) = [w for w, t in zip(example.target_words, example.target_tags, strict=True) if t]
    assert word.lower() in HELDOUT_ANTONYMS


def test_a_sentence_without_a_place_for_an_error_gets_none():
    plain = split_words("Hello there.")
    assert perturb(SRC, plain, "number", random.Random(0), POOL) is None
    assert perturb(SRC, plain, "clause", random.Random(0), POOL) is None


def test_synthetic_set_keeps_each_pair_clean_once_and_is_seeded():
    pairs = [(SRC, EN), (SRC, POOL[1]), (SRC, POOL[2])]
    first = synthetic_set(pairs, "kk", seed=5, errors_per_pair=2)
    again = synthetic_set(pairs, "kk", seed=5, errors_per_pair=2)
    assert [e.target_words for e in first] == [e.target_words for e in again]
    clean = [e for e in first if e.kind == "clean"]
    assert len(clean) == 3 and all(e.z == CLEAN_Z and not any(e.target_tags) for e in clean)
    assert len(first) == 3 + 6 and {e.lang for e in first} == {"kk"}


def test_the_wide_table_adds_pairs_but_no_form_of_a_held_out_word():
    assert set(ANTONYMS) < set(WIDE_ANTONYMS)
    assert all(WIDE_ANTONYMS[w] == v for w, v in ANTONYMS.items())  # the first list keeps its say
    assert ("imposed", "lifted") not in MORE_PAIRS or "imposed" not in WIDE_ANTONYMS  # impossible
    assert WIDE_ANTONYMS["arrested"] == "released"  # a further pair of no held-out stem
    held = {w[:4] for w in HELDOUT_ANTONYMS}
    added = set(WIDE_ANTONYMS) - set(ANTONYMS)
    assert len(added) > 200 and not {w for w in added if w[:4] in held}
    for further in ("deeper", "strongest", "strength", "shallower"):  # deep, strong, shallow
        assert further in {w for pair in MORE_PAIRS for w in pair} - set(WIDE_ANTONYMS), further
    sentence = split_words("Police arrested the man on Monday.")
    assert perturb(SRC, sentence, "antonym", random.Random(0), POOL) is None
    example = perturb(SRC, sentence, "antonym", random.Random(0), POOL, wide=True)
    assert "released" in example.target_words


def test_a_lost_negation_is_made_on_the_source_side():
    """Russian gets "не" before a finite verb, Kazakh the negative suffix by its sound rules; the
    English is left as it was, so the source negates and the English does not."""
    import random

    from compare.qe.synthetic import _kk_negated, source_negation, source_negations

    words = "Министр подписал договор в понедельник .".split()
    out, tags = source_negation(words, random.Random(1), "ru")
    assert out == "Министр не подписал договор в понедельник .".split()
    assert tags == [0, 1, 1, 0, 0, 0, 0]
    assert source_negation("Канал закрыт .".split(), random.Random(1), "ru") is None
    assert [_kk_negated(w) for w in ("барды", "келді", "айтты", "жазды", "барады", "ойлайды")] == [
        "бармады", "келмеді", "айтпады", "жазбады", "бармайды", "ойламайды"]  # fmt: skip
    assert _kk_negated("бармады") is None  # already negative
    pairs = [("Ол кеше келді .".split(), "He came yesterday .".split())] * 20
    made = source_negations(pairs, "kk", 7, 0.5)
    assert 0 < len(made) < 20
    assert all(e.kind == "lost-negation" and e.target_words == pairs[0][1]
               and e.target_tags == [-1] * 4 and "келмеді" in e.source_words
               for e in made)  # fmt: skip
