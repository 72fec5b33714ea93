"""A number said as a multiple on one side and as a percentage on the other: "в 2 раза" -> "by
2 percent", "на 30 %" -> "30 times".

The number check (:mod:`compare.checks.numbers`) pairs the two 2s and is content: the figure is
the same, the change it states is not. A multiple that the other side says as its percentage
("в 2 раза" -> "by 100 %") has two different figures and is read by the growth factors there;
this reads only numbers that the check paired.
"""

from __future__ import annotations

import regex

from compare.number_types import Mention

_TIMES = {
    "ru": regex.compile(r"\s*раз(?:а)?\b", regex.IGNORECASE),
    "kk": regex.compile(r"\s*есе\w*", regex.IGNORECASE),
    "en": regex.compile(r"\s*(?:times\b|-?fold\b)", regex.IGNORECASE),
}
_PERCENT = {
    "ru": regex.compile(r"\s*(?:%|процент\w*)", regex.IGNORECASE),
    "kk": regex.compile(r"\s*(?:%|пайыз\w*)", regex.IGNORECASE),
    "en": regex.compile(r"\s*(?:%|per\s?cent\b|percent\b)", regex.IGNORECASE),
}


# Russian "2 раза" alone counts occurrences (twice); "в 2 раза" is a multiple.
_MULTIPLE_BEFORE_RU = regex.compile(r"\bв\s+$", regex.IGNORECASE)


def _kind(text: str, m: Mention, lang: str) -> tuple[str, int] | None:
    """("times" or "percent", where the number with its word ends), or None."""
    if (times := _TIMES[lang].match(text, m.end)) and (
            lang != "ru" or _MULTIPLE_BEFORE_RU.search(text, max(0, m.start - 4), m.start)):
        return "times", times.end()
    if percent := _PERCENT[lang].match(text, m.end):
        return "percent", percent.end()
    return None


def rate_swaps(src: list[Mention], tgt: list[Mention], matched: dict[int, int], src_text: str,
               tgt_text: str, lang: str) -> list[tuple[Mention, int, Mention, int]]:  # fmt: skip
    """(source number, the end of its word, English number, the end of its word) of each paired
    number said as a multiple on one side and as a percentage on the other."""
    if lang not in _TIMES:
        return []
    kinds_src = [(m.values, k[0]) for m in src if (k := _kind(src_text, m, lang))]
    kinds_tgt = [(m.values, k[0]) for m in tgt if (k := _kind(tgt_text, m, "en"))]
    out = []
    for i, j in matched.items():
        a, b = _kind(src_text, src[i], lang), _kind(tgt_text, tgt[j], "en")
        if not a or not b or a[0] == b[0]:
            continue
        # The same figure said the same way elsewhere on the other side: the pairing is the
        # matcher's choice among equals (3 раза ... 3 % / 3 times ... 3 %), no swap.
        if any(values & src[i].values and kind == a[0] for values, kind in kinds_tgt) or any(
                values & tgt[j].values and kind == b[0] for values, kind in kinds_src):
            continue
        out.append((src[i], a[1], tgt[j], b[1]))
    return out
