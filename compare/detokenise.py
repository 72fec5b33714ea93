"""Words cut by :func:`compare.qe.data.split_words` (or a corpus's own tokeniser) back into text.

Benchmarks and the risk fit read tokenised corpora (the meaning model's synthetic pairs, MLQE-PE
post-edits); the checks read text. Left spaced, a faithful pair would read "4 , 500" as two
numbers against one, or "three - dimensional" as a number, and get a false number flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

NO_SPACE_BEFORE = set(".,;:!?)]}»”%")
NO_SPACE_AFTER = set("([{«“")


def _joins(before: str, mark: str, after: str) -> bool:
    """Whether ``mark`` between the words ``before`` and ``after`` was written without spaces:
    a thousands comma (4,500), a decimal point (3.5), a time (12:30), a hyphen (three-year)."""
    if mark == "," and before.isdigit() and len(before) <= 3:
        return after.isdigit() and len(after) == 3
    if mark == "." and before.isdigit():
        return after.isdigit()
    if mark == ":" and before.isdigit() and len(before) <= 2:
        return after.isdigit() and len(after) == 2
    return mark == "-" and before[-1:].isalnum() and after[:1].isalnum()


def detokenise(words: Sequence[str]) -> str:
    """Words (as :func:`compare.qe.data.split_words` cuts them) back into text. Left spaced, a
    faithful pair would read "4 , 500" as two numbers against one, or "three - dimensional" as
    a number, and get a false number flag (see :func:`_joins`)."""
    out = ""
    glue = False
    for index, word in enumerate(words):
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        if out and _joins(before, word, after):
            out += word
            glue = True
            continue
        if out and not glue and word not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out += " "
        out += word
        glue = False
    return out


_CONTRACTION = re.compile(r"(\w) ?(['’]) ?(t|s|re|ve|ll|d|m)\b")


def join_contractions(text: str) -> str:
    """English contractions a tokeniser split ("don 't", "it 's") written as one word again:
    left split, a faithful pair keeps a negation flag from "n 't" alone (MLQE-PE's ``pe``
    column is tokenised so; benchmarks/README.md, session 17)."""
    return _CONTRACTION.sub(r"\1\2\3", text)
