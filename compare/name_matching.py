"""Whether an English word renders a source (Russian or Kazakh) word as a name: by the exonym
table (:mod:`compare.lang.exonyms`: Германия -> Germany), by spelling, read by sound
(:func:`compare.translit.english_keys`: Hume ~ Хьюм) or by the spelling of the language a name
came through (:mod:`compare.lang.name_spellings`: Mechichi ~ Машиши), after stripping the
source word's endings (:mod:`compare.morphology`); and whether two names sound alike enough to
be two spellings of one (Саид / Saied). The name check (:mod:`compare.checks.names`) decides
which words must be rendered.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from compare.lang.exonyms import COMPOUND_HEADS, EXONYMS, SEAT_PREFIXES
from compare.lang.name_spellings import CONVENTIONS
from compare.lang.name_words import LETTER_NAMES, MINISTRY_EN, US_STATES
from compare.morphology import source_stems, stem_keys
from compare.translit import (
    consonant_skeleton,
    edit_distance,
    english_keys,
    key_similarity,
    keys_match,
    latin_key,
)


def en_forms(word: str) -> tuple[str, ...]:
    """Lower-case forms of an English word to look up: itself, without 's and / or plural s."""
    w = word.lower().replace("’", "'")
    forms = [w, w.replace(".", "")] if "." in w else [w]
    if w.endswith("'s"):
        w = w[:-2]
        forms.append(w)
    # a plural-like s, also under the possessive of a name that ends in s (Gates's is read as
    # "gate", whose final e makes the a long: Гейтс)
    if w.endswith("s") and len(w) > 4:
        forms.append(w[:-1])
    return tuple(forms)


def _en_hit(pattern: str, en_word: str) -> bool:
    for f in en_forms(en_word):
        if pattern.endswith("*"):
            if f.startswith(pattern[:-1]):
                return True
        elif f == pattern or f.replace(".", "") == pattern.replace(".", ""):
            return True
    return False


def _index_exonyms() -> tuple[dict[str, list], dict[str, list]]:
    """The exonym table by a prefix's first three letters, and its shorter prefixes by
    themselves (those match whole words only), in table order: a lookup then reads a few
    entries instead of all of them."""
    by_head: dict[str, list] = {}
    short: dict[str, list] = {}
    for prefixes, english in EXONYMS:
        for p in prefixes:
            (by_head.setdefault(p[:3], []) if len(p) >= 3 else short.setdefault(p, [])).append(
                (p, english))
    return by_head, short


_EXONYMS_BY_HEAD, _EXONYMS_SHORT = _index_exonyms()


@lru_cache(maxsize=65536)
def exonym_targets(src_word: str) -> tuple[str, ...]:
    """English words (patterns) the exonym table offers for a source word, or else for its
    stems: a short entry (сот, үй) allows only three letters after it, fewer than a
    Kazakh possessive and case (Соттағы, Сотында, Үйде)."""
    stems = source_stems(src_word)
    found: tuple[str, ...] = next((out for out in map(_exonym_targets_of, stems) if out), ())
    # And the name's stem after the first element of a compound adjective (древне|египетские,
    # восточно|европейские: the first element may be in the table too, as восточн is).
    for stem in stems:
        head = next((h for h in COMPOUND_HEADS if stem.startswith(h)), "")
        if head and len(stem) - len(head) >= 4:
            rest = _exonym_targets_of(stem[len(head):])
            if rest:
                return tuple(dict.fromkeys(found + rest))
    return found


def is_exonym_key(src_word: str) -> bool:
    """Whether a source word, less a case ending or two (and the и of -ия: Франц-и-я), is a
    key of the exonym table itself (Сирия, Сирияның, Германияда, Франции), not a word that
    merely starts with one (Делиться starts with New Delhi's дели, Корень with Korea's коре). A
    key of three letters is an acronym, written in capitals (АҚШ-тың, not Ақша, money)."""
    for stem in source_stems(src_word):
        for s in (stem, stem[:-1]) if stem.endswith(("и", "і")) else (stem,):
            if len(s) == 3 and not src_word[:3].isupper():
                continue
            if len(s) >= 3 and any(p == s for p, _ in _EXONYMS_SHORT.get(s, [])
                                   + _EXONYMS_BY_HEAD.get(s[:3], [])):  # fmt: skip
                return True
    return False


def _exonym_keys_of(w: str) -> list[tuple[str, tuple[str, ...]]]:
    """The table's (prefix, English) entries that key ``w`` by its longest prefix."""
    best, out = 0, []  # only the longest prefix counts: Королеву is a queen, not a king
    for p, english in _EXONYMS_SHORT.get(w, []) + _EXONYMS_BY_HEAD.get(w[:3], []):
        hit = w == p or (
            len(p) >= 3 and w.startswith(p) and (len(p) > 3 or len(w) - len(p) <= 3)
        )
        if hit and len(p) > best:
            best, out = len(p), [(p, english)]
        elif hit and len(p) == best:
            out.append((p, english))
    return out


def _exonym_targets_of(w: str) -> tuple[str, ...]:
    return tuple(e for _, english in _exonym_keys_of(w) for e in english)


@lru_cache(maxsize=8192)
def is_seat_key(src_word: str) -> bool:
    """Whether the exonym table keys a source word (its first stem it keys) by a capital or
    seat of government (Сеулге, Пекине, Кремль, Ақорда: :data:`SEAT_PREFIXES`), which may
    stand for its country in a translation but is not one."""
    keys = next((k for k in map(_exonym_keys_of, source_stems(src_word)) if k), [])
    return any(p in SEAT_PREFIXES for p, _ in keys)


# Russian ministries go by stump compounds, Мин- and the field (Минцифры, Минфин, Минтруд,
# Минэнерго, Минприроды); English names them "Ministry of ...". Not Минск, Минаев, Минин.
_MINISTRY = regex.compile(r"мин(?!ск|ь|[аеёиоуыэюя])\w{3,}")


_CONVENTIONS_C = tuple(
    tuple((regex.compile(p), rep) for p, rep in rules) for rules in CONVENTIONS.values()
)


@lru_cache(maxsize=65536)
def foreign_keys(en_word: str) -> tuple[str, ...]:
    """Matching keys of a capitalised Latin word read by the spelling of each language that
    names reach Russian and Kazakh through (compare.lang.name_spellings: Mechichi read as
    French is Машиши, Zhejiang read as pinyin is Чжэцзян), the plain and English readings
    (english_keys) left out."""
    w = en_word.lower().replace("’", "'")
    if not regex.fullmatch(r"\p{Latin}[\p{Latin}']*", w):
        return ()
    known = set(english_keys(en_word))
    out: list[str] = []
    for rules in _CONVENTIONS_C:
        form = w
        for pattern, rep in rules:
            form = pattern.sub(rep, form)
        k = latin_key(form)
        if k and k not in known and k not in out:
            out.append(k)
    return tuple(out)


@lru_cache(maxsize=262144)
def src_matches_en(src_word: str, en_word: str) -> bool:
    """Whether an English word renders a source word, by exonym or by spelling."""
    if src_word.isascii() and src_word.lower() == en_word.lower():
        return True
    if regex.match(r"[RDI]-\p{Lu}", en_word):  # a lawmaker's party and state: R-Texas, D-Calif.
        return src_matches_en(src_word, en_word[2:])
    state = en_word.replace(".", "")  # S.C. -> SC
    if state in US_STATES and not src_word.isupper():
        return src_matches_en(src_word, US_STATES[state])
    if regex.fullmatch(r"[A-Z]{1,5}", en_word) and src_word.lower() in LETTER_NAMES.get(
            en_word[0].lower(), ()):  # fmt: skip
        return True
    if _MINISTRY.fullmatch(src_word.lower()) and en_word.lower() in MINISTRY_EN:
        return True
    if any(_en_hit(p, en_word) for p in exonym_targets(src_word)):
        return True
    # the English word read by sound without its possessive or plural ending too (Flake's is
    # read as "flake", whose final e makes the a long: Флейк)
    forms = (en_word, *en_forms(en_word)[1:])
    en_keys = tuple(dict.fromkeys(k for f in forms for k in english_keys(f)))
    if not en_keys:
        return False
    capital = en_word[:1].isupper()
    if capital and "zh" in en_word.lower():
        # "zh" in an English-spelled name is usually z + h (Alzheimer), not the ж of Zhanaozen.
        en_keys = (*en_keys, latin_key(en_word.lower().replace("zh", "zg")))
    for k in stem_keys(src_word):
        if capital:
            # Two-letter names (Ли/Lee, Эр/Ayr, Ид/Eid) must be spelled exactly alike; a
            # stem that short is an ending-stripping accident, not a name.
            if len(k) < 3:
                if len(k) == 2 and k == latin_key(src_word) and (
                        k in en_keys or k in (x for f in forms for x in foreign_keys(f))):
                    return True  # also by another spelling: Си / Xi (pinyin)
                continue
            if any(len(e) >= 3 and keys_match(k, e) for e in en_keys):
                return True
            # A name may have reached the source through French, German, Chinese... (Машиши
            # for Mechichi): read by that language's spelling it should come out nearly
            # letter for letter, so no more than one letter may differ, and none in a short
            # key (each reading is one more chance of a chance likeness: Макрон ~ Marine read
            # as French, "marin", is within keys_match's tolerance).
            if any(edit_distance(k, f, 1) <= (1 if len(k) >= 5 else 0)
                   for f in (x for form in forms for x in foreign_keys(form))):  # fmt: skip
                return True
        elif len(k) >= 4:
            en_key = en_keys[0]
            if en_key.startswith(k) or (len(en_key) >= 5 and k.startswith(en_key)):
                return True
    return False


def spells_joined(first: str, second: str, en_word: str) -> bool:
    """Whether an English word is two source words written as one (Абдель Кадер /
    Abdelkader): its key within one letter of theirs, inflection of the second aside."""
    if not en_word[:1].isupper() or len(en_word) < 6:
        return False
    en_keys = english_keys(en_word) + foreign_keys(en_word)
    head = latin_key(first)
    return any(
        edit_distance(head + k, e, 1) <= 1 for k in stem_keys(second) for e in en_keys
    )


# Least similarity (1 - normalised edit distance, by rapidfuzz) of the matching keys of two
# words, in any of their readings, for them to count as spellings of one name (see
# compare.checks.names). Set on dev: a name swapped for another rarely comes this close.
_VARIANT_SIMILARITY = 0.6


@lru_cache(maxsize=65536)
def sounds_alike(src_word: str, en_word: str) -> bool:
    """Whether a source word (any of its stems) and an English word (read as English or by
    another language's spelling) have matching keys that begin alike and are at least
    _VARIANT_SIMILARITY alike, or have the same consonant skeleton of two or more letters:
    romanisations differ most in their vowels (Саид / Saied: "seid" and "saed", both s-d),
    seldom in the first letter (Келли / Leslie are two names)."""
    src_keys = [k for k in stem_keys(src_word) if len(k) >= 3]
    en_keys = [
        k
        for f in en_forms(en_word)
        for k in (*english_keys(f), *foreign_keys(f))
        if len(k) >= 3
    ]
    for s in src_keys:
        skeleton = consonant_skeleton(s)
        for e in en_keys:
            if s[0] != e[0]:
                continue
            if key_similarity(s, e) >= _VARIANT_SIMILARITY:
                return True
            if len(skeleton) >= 2 and skeleton == consonant_skeleton(e):
                return True
    return False
