"""Which words of one side of a translation no word of the other side aligns with.

Given contextual word vectors of both sides (:mod:`compare.e5_words`), a source word is
*matched* when some English word and it choose each other softly: with ``p(j | i)`` the softmax
over English words of the cosine (temperature ``temperature``) and ``p(i | j)`` the same over
source words, the word's alignment mass is ``sum_j min(p(j | i), p(i | j))``, SimAlign's
mutual-argmax relaxed so that a word split in two on one side still counts. A word is also
matched when it is the nearest source word of some English word (an English word rendered by a
phrase). What is left unmatched, run after run, is what the English does not say: a clause left
out shows as several unmatched words in a row, a free rendering as scattered ones.

The temperature (0.02 on the cosine scale) and the mass floor (0.1) were chosen on dev with the
omission check (``benchmarks/README.md``, session 25). Written by hand: the alignment libraries
(SimAlign, awesome-align) load their own models from the network; this is their scoring rule, a
few lines of numpy on vectors the project already has.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

TEMPERATURE = 0.02
MASS_FLOOR = 0.1


def unmatched(source: np.ndarray, target: np.ndarray, temperature: float = TEMPERATURE,
              floor: float = MASS_FLOOR) -> np.ndarray:  # fmt: skip
    """One boolean a ``source`` row (unit word vectors): whether no ``target`` word aligns
    with it. Every row is matched when either side has no words."""
    if len(source) == 0 or len(target) == 0:
        return np.zeros(len(source), dtype=bool)
    sims = np.asarray(source, np.float64) @ np.asarray(target, np.float64).T
    forward = np.exp((sims - sims.max(axis=1, keepdims=True)) / temperature)
    forward /= forward.sum(axis=1, keepdims=True)
    backward = np.exp((sims - sims.max(axis=0, keepdims=True)) / temperature)
    backward /= backward.sum(axis=0, keepdims=True)
    chosen = np.zeros(len(source), dtype=bool)
    chosen[sims.argmax(axis=0)] = True
    return (np.minimum(forward, backward).sum(axis=1) < floor) & ~chosen


def longest_run(flags: Sequence[bool]) -> tuple[int, int]:
    """(start, end) of the longest run of true values (the first of equals); (0, 0) if none."""
    best, start = (0, 0), None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            if index - start > best[1] - best[0]:
                best = (start, index)
            start = None
    return best
