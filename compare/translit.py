"""Matching keys that let a Cyrillic (Russian/Kazakh) name be compared with its Latin spelling.

A key is not a transliteration a person would read: it is a deliberately lossy lowercase ASCII
string in which the usual spelling variants collapse (Tokayev / Tokaev / Токаев -> ``tokaev``,
Zhanaozen / Жанаозен -> ``janaosen``, Kazakhstan / Қазақстан differ by one letter). Checks and the
aligner compare keys, with :func:`key_similarity` for the remaining small differences.
Everything here is total (any string in, a string out) and cheap.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Russian and Kazakh letters -> a plain Latin spelling, before the variant collapsing below.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kazakh
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "і": "i",
    # Ukrainian/Belarusian letters seen in names
    "є": "ye", "ї": "yi", "ў": "u",
}  # fmt: skip

# Ordered rewrites on the Latin spelling. Placeholders (upper case) protect digraphs until the end.
_REWRITES: tuple[tuple[str, str], ...] = (
    (r"shch|sch", "S"),
    (r"tsch|tch|ch", "C"),
    (r"sh", "S"),
    (r"dzh|dj|zh|j", "J"),
    (r"kh", "h"),
    (r"ou", "u"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"ts|tz|c(?=[eiy])", "s"),
    (r"ck|c|q", "k"),
    (r"x", "ks"),
    (r"w|b", "v"),
    (r"z", "s"),
    (r"h", "g"),
    (r"y", "i"),
    (r"(?<=[aeiou])i(?=[eou])", ""),
    (r"[ae]i", "ei"),
)
_REWRITES_C = tuple((regex.compile(p), r) for p, r in _REWRITES)
_FINAL = str.maketrans({"S": "s", "C": "c", "J": "j"})
_DOUBLE = regex.compile(r"(.)\1+")
_NOT_KEY = regex.compile(r"[^a-zA-Z0-9]")
_VOWELS = regex.compile(r"[aeiou]")


_CYR_W = regex.compile(r"(?:(?<=^)|(?<=[\s-]))у(?=[эиоа])")  # Уэйд, Уильям, Уотсон: W


def to_latin(text: str) -> str:
    """Plain lowercase Latin spelling of ``text`` (Cyrillic transliterated, accents removed)."""
    out = []
    for ch in _CYR_W.sub("w", text.lower()):
        rep = _CYR.get(ch)
        if rep is not None:
            out.append(rep)
        elif ch.isascii():
            out.append(ch)
        else:
            base = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in base if c.isascii()))
    return "".join(out)


@lru_cache(maxsize=65536)
def latin_key(word: str) -> str:
    """Lowercase ASCII matching key of a word in Cyrillic (ru/kk) or Latin script.

    Collapses y/i, kh/h/g, zh/dzh/j, ts/c/s/z, ya/ia, yu/iu, ai/ei, w/v/b, doubled letters and
    soft/hard signs, and drops everything that is not a letter or digit. Never raises; returns
    "" for a word without letters or digits.
    """
    s = _NOT_KEY.sub("", to_latin(word))
    for pattern, rep in _REWRITES_C:
        s = pattern.sub(rep, s)
    s = s.translate(_FINAL)
    return _DOUBLE.sub(r"\1", s)


def consonant_skeleton(key: str) -> str:
    """The key without vowels (doubles collapsed): Pryce/Прайс and Huhne/Хьюн agree here."""
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", key))


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; stops early (returning ``limit + 1``) once it must exceed ``limit``."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    if limit is not None and len(a) - len(b) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if limit is not None and min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def key_similarity(a: str, b: str) -> float:
    """1 - normalised edit distance of two keys (1.0 identical, 0.0 nothing in common)."""
    if not a or not b:
        return 0.0
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


def keys_match(src_key: str, tgt_key: str) -> bool:
    """Whether two keys plausibly spell the same name, allowing an inflected or clipped ending.

    ``src_key`` may be a stem (Токаев- from Токаева); a match is a shared prefix covering the
    shorter key, a small edit distance against the same-length prefix, or equal consonant
    skeletons for keys of at least four letters.
    """
    if len(src_key) < 3 or len(tgt_key) < 3:
        return src_key == tgt_key and bool(src_key)
    short, long_ = sorted((src_key, tgt_key), key=len)
    if long_.startswith(short) and len(long_) - len(short) <= max(3, len(short) // 2):
        return True
    n = len(src_key)
    allowed = 1 if n <= 4 else 2
    head = tgt_key[: n + 1]
    if edit_distance(src_key, head, allowed) <= allowed and abs(len(tgt_key) - n) <= 4:
        return True
    if edit_distance(src_key, tgt_key[:n], allowed) <= allowed and len(tgt_key) >= n:
        return True
    sk_s, sk_t = consonant_skeleton(src_key), consonant_skeleton(tgt_key)
    return len(sk_s) >= 3 and (sk_s == sk_t or (len(sk_s) >= 4 and sk_t.startswith(sk_s)))
