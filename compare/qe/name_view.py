"""The meaning model's view of a name flag: does the English read better without the name it
has and the source lacks?

A name on the English side only is an error when it replaced the source's name or came from
nowhere (Angela Merkel -> Angela Turkey), and a free rendering when the translator added it
for the reader (the city's name for "the city", the country after a town) or spelled it in a
way no rule reads (Машиши / Mechichi). The rules cannot tell them apart; the meaning model
reads whole pairs. So the model scores the pair as it is and with the English's flagged names
edited out (:func:`compare.without_name.without_spans`), and every major name flag of the pair
gets the *gain*: how much higher the model's z is without those names. A name that does not
belong reads as noise, and the pair reads better without it; a name the translator added or
respelled is part of the sentence, and the pair reads as well or worse without it.

Asked only of pairs whose English has a major name flag: with a name missing from the English
alone, taking the source's name out reads better after a lost name and after a name left to a
pronoun alike (``benchmarks/name_view.py``, session 12: AUC 0.46 on such flags), so there is
nothing to ask. On dev (``python benchmarks/name_view.py --post-edits``, meaning model v3,
session 18) the gain tells the name errors (synthetic swaps and DEMETR's replaced names) from
the professional and post-edited renderings with AUC 0.81 [0.71, 0.90] (0.86 on major flags),
and it adds to the pair's own z (cross-validated AUC 0.75 -> 0.80).

A flag whose gain reaches :data:`ALIEN_GAIN` is marked ``alien``; the severity decision
(:mod:`compare.risk`) holds the others ("the English reads as well with the name") to a
threshold of their own, chosen on dev, except where the source lacks a name too: two different
unmatched names are the rule's own evidence of a swap, and the view is blind to a plausible one
(Берлин / Paris reads as well as Берлин / Berlin), so there it only ever corroborates. The cost
is one more model pass per pair with such a flag (a handful a document).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from compare.flags import SEVERITY_RANK, Flag
from compare.qe.encoding import words_with_spans
from compare.risk import original_severity
from compare.without_name import without_spans

# Chosen on dev: the English reads better without the name by more than the model's own noise.
# At 0 (benchmarks/name_view.py --post-edits, session 18) the dev name errors kept 84 % of their
# flags as alien, the professional and post-edited renderings 34 %. Taking out a name that the
# English does render gains over 0.02 for 7 % of faithful dev pairs; and on the false flags of
# earlier rules replayed on dev (benchmarks/historical_flags.py, session 41), 0.02 demotes 3 of the
# 24 name flags that passed the decision for 0.4 points of recall on short swapped names.
ALIEN_GAIN = 0.02
CHECK = "name-mismatch"

Progress = Callable[[int, int], None]


def _words(text: str) -> list[str]:
    return [word for word, _, _ in words_with_spans(text)]


def major(flag: Flag) -> bool:
    """A name flag the check made major or critical (its own severity, before any decision)."""
    return (flag.check == CHECK and not flag.dismissed
            and SEVERITY_RANK[original_severity(flag)] >= 2)  # fmt: skip


def name_gains(model: Any, queries: Sequence[tuple[str, str, Sequence[tuple[int, int]]]],
               progress: Progress | None = None) -> list[float | None]:  # fmt: skip
    """For each (source text, English text, spans of the English's flagged names): the model's z
    of the pair with those names edited out of the English, minus its z as it is; None where
    the edit does not apply (no span, or nothing would be left). Both readings are scored in
    one batch, so that they are comparable."""
    batch: list[tuple[list[str], list[str]]] = []
    where: list[int | None] = []
    for source, english, spans in queries:
        edited = without_spans(english, spans, "en")
        if edited is None:
            where.append(None)
            continue
        where.append(len(batch))
        batch += [(_words(source), _words(english)), (_words(source), _words(edited))]
    if not batch:
        return [None] * len(queries)
    if progress is not None:
        progress(0, len(batch))
        scores = model.predict(batch, progress=progress)
    else:
        scores = model.predict(batch)
    return [None if k is None else float(scores[k + 1].z - scores[k].z) for k in where]


def record_gain(flags: Sequence[Flag], gain: float | None) -> None:
    """Put the view in the evidence of each major name flag of a pair (``without_name``).

    ``paired``: the source has an unmatched name too (the rule's own evidence of a swap, Ким /
    Moon). The view cannot see a plausible swap (one city for another reads as well as the
    right city: Берлин / Paris), so there a name that "fits" is not read as a free rendering;
    the decision then holds the flag to the threshold it had without the view."""
    if gain is None:
        return
    named = [flag for flag in flags if major(flag)]
    paired = {flag.side for flag in named} == {"source", "target"}
    for flag in named:
        flag.evidence["without_name"] = {"gain": round(gain, 4), "alien": gain >= ALIEN_GAIN,
                                         "paired": paired}  # fmt: skip


def english_spans(target: Any, indices: Sequence[int], flags: Sequence[Flag]
                  ) -> list[tuple[int, int]]:  # fmt: skip
    """The major English name flags of a pair, in the offsets of its English sentences joined
    by one space (as the pair's text is given to the model)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for i in indices:
        sent = target.sentences[i]
        for flag in flags:
            if flag.side == "target" and major(flag) and sent.start <= flag.start < sent.end:
                spans.append((offset + flag.start - sent.start,
                              offset + min(flag.end, sent.end) - sent.start))  # fmt: skip
        offset += sent.end - sent.start + 1
    return spans


def view_pairs(model: Any, asked: Sequence[tuple[Sequence[Flag], tuple[str, str, list]]],
               progress: Progress | None = None) -> int:  # fmt: skip
    """Score each (a pair's flags, its query as :func:`name_gains` takes it) and record the gain
    on the pair's major name flags; return how many pairs were asked."""
    asked = [(flags, query) for flags, query in asked if query[2]]
    gains = name_gains(model, [query for _, query in asked], progress)
    for (flags, _), gain in zip(asked, gains, strict=True):
        record_gain(flags, gain)
    return len(asked)


def attach_name_views(model: Any, report: Any, progress: Progress | None = None) -> int:
    """Ask the model about every pair of ``report`` whose English has a major name flag (see
    the module docstring); return how many pairs were asked."""
    if report.source is None:
        return 0
    asked = []
    for pair in report.pairs:
        if not pair.source or not pair.target:
            continue
        spans = english_spans(report.target, pair.target, pair.flags)
        if spans:
            source = " ".join(report.source.sentence_text(i) for i in pair.source)
            english = " ".join(report.target.sentence_text(i) for i in pair.target)
            asked.append((pair.flags, (source, english, spans)))
    return view_pairs(model, asked, progress)
