"""The value types of number reading (:mod:`compare.number_mentions`,
:mod:`compare.number_shares`, :mod:`compare.measures`): a *mention* of a number and the spans
already read, kept apart so that the readers of each convention can share them without
importing each other."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass
class Mention:
    """One number as written: where it is, what it may mean, and whether it must be matched.

    ``measure`` is (dimension, values in SI units) when a unit follows the number.
    """

    start: int
    end: int
    text: str
    values: frozenset[float]
    soft: bool = False
    word: bool = False
    measure: tuple[str, frozenset[float]] | None = None
    scaled: frozenset[float] | None = None  # values after a scale word (2,5 млрд -> 2.5e9)
    unit: float | None = None  # the SI factor of the unit written after it (km: 1000)
    unit_text: str = ""  # the unit as written right after the number ("мм"), for messages


class Taken(list):
    """Character spans already read as a number, with :meth:`covers` in logarithmic time: a
    text without full stops can hold thousands of numbers and words, and a linear scan per word
    made the check quadratic (issue 24)."""

    def __init__(self) -> None:
        super().__init__()
        self._starts: list[int] = []
        self._spans: list[tuple[int, int]] = []
        self._longest = 0

    def append(self, span: tuple[int, int]) -> None:  # type: ignore[override]

        super().append(span)
        index = bisect.bisect_right(self._starts, span[0])
        self._starts.insert(index, span[0])
        self._spans.insert(index, span)
        self._longest = max(self._longest, span[1] - span[0])

    def covers(self, pos: int) -> bool:
        """Whether a span holds ``pos`` (start <= pos < end)."""

        index = bisect.bisect_right(self._starts, pos) - 1
        while index >= 0 and self._starts[index] >= pos - self._longest:
            start, end = self._spans[index]
            if start <= pos < end:
                return True
            index -= 1
        return False


def rounded(x: float) -> float:
    """A value rounded so that two readings of one number compare equal (1/3 + 1/3)."""
    return round(x, 6)
