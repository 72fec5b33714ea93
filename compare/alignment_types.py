"""An alignment link (a bead): which source sentences correspond to which target sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AlignedPair:
    """Indices of source and target sentences that translate each other, in document order.

    An empty ``source`` is an addition (0-1 bead), an empty ``target`` an omission (1-0).
    ``score`` is the aligner's confidence in [0, 1]; ``similarity`` the raw cross-lingual
    cosine of the two sides (None for 1-0 / 0-1 beads or when no embedder ran).
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float
    similarity: float | None = None
