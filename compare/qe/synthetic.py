"""Synthetic critical errors made from professional translations, for training and for tests.

Each perturbation changes the English of a faithful (source, English) pair the way a careless
translation does: a different number, a different name, a lost or added negation, an antonym,
a dropped clause, an added clause, a clause replaced by another sentence's ("reworded" into
something else), or the whole sentence swapped for a neighbour's. The changed English words are
tagged BAD; source tags are unknown (-1) because nothing says which source words lost their
counterpart. The antonym list (:mod:`compare.opposites`) and the auxiliary list are general
English, not fitted to any corpus.

The antonym pairs are split: every fourth pair is kept for held-out sets only
(``heldout=True``), so that a benchmark measures antonyms the model never saw in training,
not the memorised list. A "word" error (a content word swapped for a word of another
sentence) teaches the model to check every word, not only the listed ones.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from compare.opposites import MORE_PAIRS, OPPOSITE_PAIRS
from compare.qe.data import CLEAN_Z, Example

# DA-z targets by kind: a wrong word that flips the meaning is as bad as DA's lowest decile.
PERTURBATION_Z = {
    "number": -1.3,
    "name": -1.2,
    "negation": -1.5,
    "antonym": -1.4,
    "omission": -1.1,
    "addition": -0.9,
    "clause": -1.5,
    "word": -1.2,
    "neighbour": -2.2,
}
PERTURBATIONS = tuple(PERTURBATION_Z)

_AUXILIARIES = {
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "does", "do", "did",
    "has", "have", "had", "must", "may", "might",
}  # fmt: skip
_CLAUSE_BREAK = {",", ";", ":", "—", "–", "-"}
_NOT_NAMES = {
    "I", "The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We",
    "This", "That", "Mr", "Mrs", "Ms", "Dr",
}  # fmt: skip


def _antonym_table(heldout: bool) -> dict[str, str]:
    """Word -> antonym, from the training three quarters of the pairs or the held-out quarter
    (a word that occurs in both parts stays in the first part it appears in, and only there)."""
    pairs = OPPOSITE_PAIRS
    seen: dict[str, bool] = {}
    table: dict[str, str] = {}
    for index, (a, b) in enumerate(pairs):
        part = index % 4 == 3
        if seen.setdefault(a, part) != part or seen.setdefault(b, part) != part:
            continue
        if part == heldout:
            table.setdefault(a, b)
            table.setdefault(b, a)
    return table


ANTONYMS = _antonym_table(heldout=False)
HELDOUT_ANTONYMS = _antonym_table(heldout=True)


# Irregular English forms, so that a further pair cannot teach a held-out word in another form
# (find/lose would teach found/lost).
_IRREGULAR = {
    "find": "found", "finds": "found", "finding": "found", "lose": "lost", "loses": "lost",
    "losing": "lost", "show": "showed", "shows": "showed", "shown": "showed", "showing": "showed",
    "hide": "hid", "hides": "hid", "hidden": "hid", "hiding": "hid", "win": "won", "wins": "won",
    "winning": "won", "sell": "sold", "sells": "sold", "selling": "sold", "buy": "bought",
    "buys": "bought", "buying": "bought", "left": "leave", "sent": "send", "began": "begin",
    "begun": "begin",
}  # fmt: skip


def _stem(word: str) -> str:
    return _IRREGULAR.get(word, word)[:4]


def _wide_table() -> dict[str, str]:
    """The training table with the antonym-vector check's further pairs (``MORE_PAIRS``) added:
    more kinds of opposite to learn the idea from. A further pair is left out when either word
    shares its first four letters with a held-out word (after :data:`_IRREGULAR`: deeper/
    shallower, strength/weakness, find/lose; also some unrelated ones, impose/lift by
    impossible), so that they teach no form of a held-out word. (The list's own training part
    does share stems with the held-out quarter, by its split of word forms: increase and
    increasing, close and closed.)"""
    table = dict(ANTONYMS)
    held = {_stem(word) for word in HELDOUT_ANTONYMS}
    for a, b in MORE_PAIRS:
        if _stem(a) in held or _stem(b) in held:
            continue
        table.setdefault(a, b)
        table.setdefault(b, a)
    return table


WIDE_ANTONYMS = _wide_table()

_STOP = {
    "that", "this", "with", "from", "have", "were", "been", "their", "there", "which", "would",
    "about", "after", "also", "into", "than", "they", "them", "what", "when", "will", "said",
    "more", "most", "some", "such", "only", "over", "very", "just", "could", "should", "these",
    "those", "where", "while", "other", "being", "because", "before", "does", "each", "both",
}  # fmt: skip


def _same_case(new: str, old: str) -> str:
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _clauses(words: Sequence[str]) -> list[tuple[int, int]]:
    """Word ranges between clause breaks (the break mark belongs to the clause before it)."""
    spans, start = [], 0
    for index, word in enumerate(words):
        if word in _CLAUSE_BREAK or word.lower() in {"and", "but", "while", "which", "because"}:
            if index > start:
                spans.append((start, index))
            start = index
    end = len(words) - (1 if words and not words[-1][0].isalnum() else 0)
    if end > start:
        spans.append((start, end))
    return [(a, b) for a, b in spans if b - a >= 3]


Perturb = Callable[[list[str], random.Random, list[list[str]]], tuple[list[str], list[int]] | None]


def _number(words: list[str], rng: random.Random, _pool: list[list[str]]):
    spots = [i for i, w in enumerate(words) if re.fullmatch(r"\d[\d.,]*", w)]
    if not spots:
        return None
    i = rng.choice(spots)
    digits = [k for k, ch in enumerate(words[i]) if ch.isdigit()]
    k = rng.choice(digits)
    old = words[i][k]
    new = rng.choice([d for d in "0123456789" if d != old and (k != digits[0] or d != "0")])
    words = list(words)
    words[i] = words[i][:k] + new + words[i][k + 1 :]
    return words, [1 if j == i else 0 for j in range(len(words))]


def _names(words: Sequence[str]) -> list[int]:
    return [
        i
        for i, w in enumerate(words)
        if i > 0
        and w[:1].isupper()
        and w.isalpha()
        and len(w) > 2
        and w not in _NOT_NAMES
        and words[i - 1] not in {".", "!", "?", "«", '"', "“"}
    ]


def _name(words: list[str], rng: random.Random, pool: list[list[str]]):
    spots = _names(words)
    others = [w for other in pool for i in _names(other) for w in [other[i]] if w not in words]
    if not spots or not others:
        return None
    i = rng.choice(spots)
    words = list(words)
    words[i] = rng.choice(others)
    return words, [1 if j == i else 0 for j in range(len(words))]


def _negation(words: list[str], rng: random.Random, _pool: list[list[str]]):
    lower = [w.lower() for w in words]
    for i, w in enumerate(lower):
        if w in {"not", "n't", "never"} and i > 0:
            out = words[:i] + words[i + 1 :]
            tags = [0] * len(out)
            tags[i - 1] = 1
            return out, tags
        if w == "no" and i + 1 < len(words):
            out = words[:i] + words[i + 1 :]
            tags = [0] * len(out)
            tags[i] = 1
            return out, tags
    spots = [i for i, w in enumerate(lower) if w in _AUXILIARIES]
    if not spots:
        return None
    i = rng.choice(spots)
    out = words[: i + 1] + ["not"] + words[i + 1 :]
    return out, [1 if j in (i, i + 1) else 0 for j in range(len(out))]


# A lost negation seen from the source: the source says "не сделал", the English "did". The
# English-side negation error above mostly *adds* a "not" (few English sentences have one to
# drop), so without these the model rarely sees a source negation the English lacks, which is
# the error a translator fears most. Finite verbs are found by their endings (Russian past and
# present tense; Kazakh past and present with the negative suffix put in by the sound rules of
# compare.negations), a general heuristic, not fitted to sentences; nouns with verb-like endings
# are skipped by a short list.
_RU_VERB = re.compile(
    r"[а-яё]{2,}(?:ал|ял|ел|ил|ул|ыл|ала|яла|ела|ила|ула|ыла|али|яли|ели|или|ули|ыли|"
    r"ался|ялся|елся|ился|алась|илась|ались|ились|ает|яет|еет|ует|ает|ит|ят|ют|ут|ется|ится|"
    r"ются|ятся)"
)
_RU_NOT_VERBS = {
    "канал", "сигнал", "материал", "капитал", "финал", "генерал", "персонал", "журнал",
    "скандал", "арсенал", "потенциал", "идеал", "кредит", "визит", "лимит", "депозит",
    "аппетит", "иммунитет", "приоритет", "авторитет", "суверенитет", "транзит", "бандит",
    "начала", "дела", "села", "тела", "стола", "числа", "крыла", "жили", "были",
}  # fmt: skip
_KK_VOWEL_BACK, _KK_VOWEL_FRONT = set("аоұыя"), set("әеөүіэ")


def _kk_harmony(stem: str) -> str:
    for letter in reversed(stem):
        if letter in _KK_VOWEL_BACK:
            return "а"
        if letter in _KK_VOWEL_FRONT:
            return "е"
    return "а"


def _kk_negated(word: str) -> str | None:
    """A Kazakh past (барды, келді, айтты) or present (барады, келеді) verb with the negative
    suffix put in (бармады, келмеді, айтпады, бармайды, келмейді), or None."""
    from compare.negations import kk_without_suffix

    lower = word.lower()
    if len(lower) < 5 or kk_without_suffix(lower) is not None:
        return None
    for endings, tail in ((("ады", "еді", "йды", "йді"), "й"), (("ды", "ді", "ты", "ті"), "")):
        for ending in endings:
            if lower.endswith(ending):
                stem = lower[: -len(ending)]  # бар+ады, ойла+йды, бар+ды
                if len(stem) < 2:
                    return None
                last = stem[-1]
                consonant = ("м" if last in "аәеоөұүыіэюяирлйу" else "б" if last in "зжмнң"
                             else "п")  # fmt: skip
                vowel = _kk_harmony(stem)
                person = "ды" if vowel == "а" else "ді"
                return stem + consonant + vowel + (tail + person if tail else person)
    return None


def source_negation(source_words: list[str], rng: random.Random,
                    lang: str) -> tuple[list[str], list[int]] | None:  # fmt: skip
    """The source with a negation put in before (Russian "не") or into (Kazakh suffix) one finite
    verb, and its tags (the negation and its verb BAD), or None without such a verb."""
    if lang == "kk":
        spots = [(i, _kk_negated(w)) for i, w in enumerate(source_words) if i > 0]
        spots = [(i, negated) for i, negated in spots if negated is not None]
        if not spots:
            return None
        i, negated = rng.choice(spots)
        out = list(source_words)
        out[i] = negated
        return out, [1 if j == i else 0 for j in range(len(out))]
    lower = [w.lower() for w in source_words]
    spots = [i for i, w in enumerate(lower)
             if i > 0 and w == source_words[i] and _RU_VERB.fullmatch(w)
             and w not in _RU_NOT_VERBS and lower[i - 1] not in ("не", "ни")]  # fmt: skip
    if not spots:
        return None
    i = rng.choice(spots)
    out = source_words[:i] + ["не"] + source_words[i:]
    return out, [1 if j in (i, i + 1) else 0 for j in range(len(out))]


def source_negations(pairs: Sequence[tuple[list[str], list[str]]], lang: str, seed: int,
                     share: float) -> list[Example]:  # fmt: skip
    """Lost-negation errors made on the source side (:func:`source_negation`) for about
    ``share`` of ``pairs``; the English is unchanged and its tags unknown (-1)."""
    rng = random.Random(seed)
    out: list[Example] = []
    for source, target in pairs:
        if not source or not target or rng.random() >= share:
            continue
        made = source_negation(list(source), rng, lang)
        if made is None:
            continue
        words, tags = made
        out.append(Example(words, list(target), PERTURBATION_Z["negation"], tags,
                           [-1] * len(target), lang, "lost-negation"))  # fmt: skip
    return out


def _antonym(words: list[str], rng: random.Random, _pool: list[list[str]], table: dict[str, str]):
    spots = [i for i, w in enumerate(words) if w.lower() in table]
    if not spots:
        return None
    i = rng.choice(spots)
    words = list(words)
    words[i] = _same_case(table[words[i].lower()], words[i])
    return words, [1 if j == i else 0 for j in range(len(words))]


def _content(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) >= 4 and word not in _STOP


def _word(words: list[str], rng: random.Random, pool: list[list[str]]):
    spots = [i for i, w in enumerate(words) if _content(w)]
    if not spots:
        return None
    own = {w.lower() for w in words}
    for _ in range(20):
        other = rng.choice(pool)
        choices = [w for w in other if _content(w) and w not in own]
        if choices:
            i = rng.choice(spots)
            out = list(words)
            out[i] = rng.choice(choices)
            return out, [1 if j == i else 0 for j in range(len(out))]
    return None


def _omission(words: list[str], rng: random.Random, _pool: list[list[str]]):
    clauses = _clauses(words)
    if len(clauses) >= 2:
        a, b = rng.choice(clauses)
    else:
        content = len(words) - 1
        if content < 8:
            return None
        size = max(3, int(content * rng.uniform(0.3, 0.5)))
        a = rng.randrange(1, content - size + 1)
        b = a + size
    out = words[:a] + words[b:]
    return out, [0] * len(out)


def _borrowed_clause(rng: random.Random, pool: list[list[str]], words: list[str]) -> list[str]:
    for _ in range(20):
        other = rng.choice(pool)
        if other == words:
            continue
        clauses = _clauses(other)
        if clauses:
            a, b = rng.choice(clauses)
            piece = [w for w in other[a:b] if w not in _CLAUSE_BREAK]
            if 3 <= len(piece) <= 14:
                return piece
    return []


def _addition(words: list[str], rng: random.Random, pool: list[list[str]]):
    piece = _borrowed_clause(rng, pool, words)
    if not piece or len(words) < 3:
        return None
    cut = len(words) - 1 if not words[-1][0].isalnum() else len(words)
    out = words[:cut] + [","] + piece + words[cut:]
    tags = [0] * cut + [1] * (len(piece) + 1) + [0] * (len(words) - cut)
    return out, tags


def _clause(words: list[str], rng: random.Random, pool: list[list[str]]):
    clauses = _clauses(words)
    piece = _borrowed_clause(rng, pool, words)
    if len(clauses) < 2 or not piece:
        return None
    a, b = rng.choice(clauses)
    keep = 1 if words[a] in _CLAUSE_BREAK else 0
    out = words[: a + keep] + piece + words[b:]
    tags = [0] * (a + keep) + [1] * len(piece) + [0] * (len(words) - b)
    return out, tags


def _neighbour(words: list[str], rng: random.Random, pool: list[list[str]]):
    for _ in range(10):
        other = rng.choice(pool)
        if other != words and len(other) >= 3:
            return list(other), [1] * len(other)
    return None


def perturbations(heldout: bool = False, wide: bool = False) -> dict[str, Perturb]:
    """Every kind's function; ``heldout`` picks the held-out quarter of the antonym pairs,
    ``wide`` the training table with the further pairs (:data:`WIDE_ANTONYMS`)."""
    table = HELDOUT_ANTONYMS if heldout else WIDE_ANTONYMS if wide else ANTONYMS
    return {
        "number": _number,
        "name": _name,
        "negation": _negation,
        "antonym": lambda words, rng, pool: _antonym(words, rng, pool, table),
        "omission": _omission,
        "addition": _addition,
        "clause": _clause,
        "word": _word,
        "neighbour": _neighbour,
    }


def perturb(
    source_words: list[str],
    target_words: list[str],
    kind: str,
    rng: random.Random,
    pool: list[list[str]],
    lang: str = "ru",
    heldout: bool = False,
    wide: bool = False,
) -> Example | None:
    """One synthetic error of ``kind`` (None when the sentence offers no place for it)."""
    result = perturbations(heldout, wide)[kind](list(target_words), rng, pool)
    if result is None:
        return None
    words, tags = result
    return Example(
        list(source_words), words, PERTURBATION_Z[kind], [-1] * len(source_words), tags, lang, kind
    )


def clean(source_words: list[str], target_words: list[str], lang: str) -> Example:
    """A faithful professional pair: a high sentence target, every word OK."""
    return Example(
        list(source_words), list(target_words), CLEAN_Z,
        [0] * len(source_words), [0] * len(target_words), lang, "clean",
    )  # fmt: skip


def synthetic_set(
    pairs: Sequence[tuple[list[str], list[str]]],
    lang: str,
    seed: int,
    errors_per_pair: int = 1,
    kinds: Sequence[str] = PERTURBATIONS,
    heldout: bool = False,
    wide: bool = False,
) -> list[Example]:
    """Every pair clean, plus ``errors_per_pair`` random perturbations of it (kinds cycled
    from a seeded random start so that every kind is represented)."""
    rng = random.Random(seed)
    pool = [target for _, target in pairs]
    out: list[Example] = []
    for source, target in pairs:
        if not source or not target:
            continue
        out.append(clean(source, target, lang))
        order = list(kinds)
        rng.shuffle(order)
        made = 0
        for kind in order:
            example = perturb(source, target, kind, rng, pool, lang, heldout, wide)
            if example is not None:
                out.append(example)
                made += 1
                if made >= errors_per_pair:
                    break
    return out
