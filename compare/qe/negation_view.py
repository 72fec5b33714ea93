"""The meaning model's view of a negation flag: does the English read as the sentence with its
negation, or without it?

A negation on one side only is a reversed meaning when the English lost (or added) it, and a
free rendering when the English carries it in another word ("не хотят" -> "worried about", "не
последний человек" -> "a senior"). The rules cannot tell the two apart; the meaning model reads
whole pairs. So the model scores the pair twice, as it is and with the flagged side's negation
words edited out (:func:`compare.without_negation.without_negation`), and the flag's evidence
gets the *gain*: how much higher the model's z is without the negation. When the English is the
sentence without its negation (Министр не подписал договор / The minister signed the treaty),
the edited pair reads better and the gain is large; when the English carries the negation, the
edit makes the pair worse or leaves it as it was.

A flag whose gain reaches :data:`REVERSAL_GAIN` is marked ``reversed``; the severity decision
(:mod:`compare.risk`) then holds it to its own threshold, and one that is not to another, both
fitted on dev (``python -m compare.risk_fit``). The cost is one more model pass per negation
flag (a handful a document).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from compare.flags import Flag
from compare.qe.encoding import words_with_spans
from compare.without_negation import without_negation

# Chosen on dev (the meaning model's synthetic negation errors and the professional NTREX and
# WMT22 dev translations; benchmarks/README.md, "Negation seen by the meaning model"): the z a
# pair must gain without its negation for the English to count as the sentence without it.
REVERSAL_GAIN = 0.2
# A pair that reads this much better without its negation: the English is the sentence without
# it beyond doubt, which the severity decision takes as corroboration on its own
# (compare.risk.decision_key, ``+overturned``; session 31). Lost negations in short sentences,
# whose other evidence is weak, were shown as hints otherwise; on dev no professional pair's
# flag reads so (its gains stop under 0.5 but for pairs the evidence already keeps).
OVERTURN_GAIN = 0.5
CHECK = "negation-mismatch"


def _words(text: str) -> list[str]:
    return [word for word, _, _ in words_with_spans(text)]


Progress = Callable[[int, int], None]


def negation_gains(model: Any, queries: Sequence[tuple[str, str, str, str]],
                   progress: Progress | None = None) -> list[float | None]:  # fmt: skip
    """For each (source text, English text, source language, flagged side): the model's z of the
    pair with the flagged side's negation words edited out, minus its z as it is; None where
    the edit does not apply. Both readings are scored in one batch, so that they are comparable.
    ``progress(done, total)`` counts the pairs scored (two a flag), 0 before the first batch:
    1,000 NTREX pairs have 37 negation flags, 6 to 17 s of the model on a loaded 2-core
    machine, and the page must not say "the checks" meanwhile."""
    batch: list[tuple[list[str], list[str]]] = []
    where: list[int | None] = []
    for source, english, lang, side in queries:
        if side == "source":
            edited = without_negation(source, lang)
            changed = None if edited is None else (edited, english)
        else:
            edited = without_negation(english, "en")
            changed = None if edited is None else (source, edited)
        if changed is None:
            where.append(None)
            continue
        where.append(len(batch))
        batch += [(_words(source), _words(english)), (_words(changed[0]), _words(changed[1]))]
    if not batch:
        scores = []
    elif progress is None:
        scores = model.predict(batch)
    else:
        progress(0, len(batch))
        scores = model.predict(batch, progress=progress)
    return [None if k is None else float(scores[k + 1].z - scores[k].z) for k in where]


def record_gain(flag: Flag, gain: float | None) -> None:
    """Put the view in the flag's evidence (``without_negation``: gain, reversed)."""
    if gain is None:
        return
    flag.evidence["without_negation"] = {"gain": round(gain, 4),
                                         "reversed": gain >= REVERSAL_GAIN}  # fmt: skip


def attach_negation_views(model: Any, report: Any, progress: Progress | None = None) -> int:
    """Ask the model about every negation flag of ``report`` (see the module docstring); return
    how many flags it was asked about. ``progress`` as :func:`negation_gains` calls it."""
    if report.source is None:
        return 0
    lang = report.source.lang
    asked: list[tuple[Flag, tuple[str, str, str, str]]] = []
    for pair in report.pairs:
        if not pair.source or not pair.target:
            continue
        for flag in pair.flags:
            if flag.check == CHECK and not flag.dismissed:
                source = " ".join(report.source.sentence_text(i) for i in pair.source)
                english = " ".join(report.target.sentence_text(i) for i in pair.target)
                asked.append((flag, (source, english, lang, flag.side)))
    return view_flags(model, asked, progress)


def view_flags(model: Any, asked: Sequence[tuple[Flag, tuple[str, str, str, str]]],
               progress: Progress | None = None) -> int:  # fmt: skip
    """Score each (negation flag, its query as :func:`negation_gains` takes it) and record the
    gain on the flag; return how many were asked. ``progress`` as :func:`negation_gains`."""
    gains = negation_gains(model, [query for _, query in asked], progress)
    for (flag, _), gain in zip(asked, gains, strict=True):
        record_gain(flag, gain)
    return len(asked)
