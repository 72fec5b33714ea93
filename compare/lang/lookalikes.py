"""Latin letters that stand for Cyrillic ones inside Cyrillic words (read by
:mod:`compare.script_mix`).

Only letters whose shapes match in common fonts, upper and lower case. ``i`` is Kazakh ``і``
(and Ukrainian, Belarusian), never a Russian letter, so it is folded in Kazakh only; likewise
``h`` (Kazakh ``һ``) and the schwa ``ə`` (a Latin letter, U+0259), which Kazakh writers use for
``ә``. A Latin letter not listed (``b``, ``n``, ``r``, …) does not fold: a word with one is two
scripts, not a look-alike.
"""

CYRILLIC_FOR_LATIN: dict[str, str] = {
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х",
}  # fmt: skip

CYRILLIC_FOR_LATIN_BY_LANG: dict[str, dict[str, str]] = {
    "kk": {"i": "і", "I": "І", "h": "һ", "\u0259": "ә", "\u018f": "Ә"},
}
