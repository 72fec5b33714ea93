"""A flag: one passage where the translation is suspect, as character spans with a severity."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("critical", "major", "minor")
SEVERITY_RANK = {"minor": 1, "major": 2, "critical": 3}

CATEGORIES = (
    "punctuation",
    "number",
    "name",
    "terminology",
    "negation",
    "omission",
    "addition",
    "untranslated",
    "meaning",
    "framing",
)
NOT_ERRORS = frozenset({"framing"})
"""Categories of notes that are not translation errors (who says it, how sure, how loaded):
shown and exported, never counted in an error rate."""

SIDES = ("source", "target")


@dataclass
class Flag:
    """One finding.

    ``start``/``end`` are character offsets into the full text of ``side`` (not into a
    sentence). ``message`` is one line a translator understands; ``evidence`` holds what
    the check saw (e.g. ``{"source_numbers": ["238"], "target_numbers": ["283"]}``) and
    must be JSON-serialisable.
    """

    check: str
    category: str
    severity: str
    side: str
    start: int
    end: int
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    dismissed: bool = False
    """Set on exported copies of a report when a reviewer dismissed the flag (by itself or by
    an ignore rule): exports keep it, marked, and counts leave it out."""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if self.side not in SIDES:
            raise ValueError(f"unknown side {self.side!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")
