"""The meaning model's predictions kept in memory, so that checking a document again scores only
the pairs that changed.

A translator who fixes a few flagged sentences and presses Check again used to wait for the
meaning model over every pair once more (a 1,000-pair document: most of a minute on two AVX2
cores; the sentence vectors were already cached by :class:`compare.embed.CachingEmbedder`).
:class:`CachingQE` wraps a loaded :class:`compare.qe.predict.QEModel` and answers a pair it has
scored before from memory: the pair's words on both sides are the key, so an edited sentence, a
re-aligned pair or a pair whose neighbours changed under a 1-2 bead is scored afresh. The
second reading of a flag (the negation and name views) is a pair like any other and is kept
too.

A kept prediction is the one the model gave the pair before, in another batch: batches pad their
pairs to one length and the padding is masked, so a pair's scores do not depend on its batch
beyond float rounding (``tests/test_qe_score_cache.py`` measures it).

Written by hand: a bounded map from a pair to its scores is a few lines over
:class:`collections.OrderedDict`; ``functools.lru_cache`` would key on the whole call (a
document's list of pairs), not on each pair. Only in memory: the app keeps one model per server
(``app_components/models.py``), and that is where the same document is checked again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from compare.qe.predict import WordScores

# About 1.7 KB a pair (the words of both sides and three short arrays of probabilities; measured
# with tracemalloc on 2,000 WMT22 pairs): 20,000 pairs is 20 documents of 1,000 pairs for some
# 35 MB; the oldest are dropped first.
MAX_PAIRS = 20_000

Pair = tuple[tuple[str, ...], tuple[str, ...]]


class CachingQE:
    """A :class:`compare.qe.predict.QEModel` that scores each distinct pair once.

    Everything but :meth:`predict` is the wrapped model's (``config``, ``name``, ``judge``,
    ``omission_head``...). ``hits`` and ``misses`` count the pairs answered from memory and
    scored, for the page's progress line and the benchmarks.
    """

    def __init__(self, inner: Any, max_pairs: int = MAX_PAIRS) -> None:
        if max_pairs < 1:
            raise ValueError(f"max_pairs must be 1 or more, not {max_pairs}.")
        self.inner = inner
        self.max_pairs = max_pairs
        self.hits = 0
        self.misses = 0
        self._kept: OrderedDict[Pair, WordScores] = OrderedDict()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        # Only reached for what this class does not define itself.
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def __len__(self) -> int:
        return len(self._kept)

    def predict(
        self,
        pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
        progress: Callable[[int, int], None] | None = None,
        **options: Any,
    ) -> list[WordScores]:
        """As :meth:`compare.qe.predict.QEModel.predict`; pairs seen before are not scored
        again. ``progress(done, total)`` counts every pair, the kept ones first."""
        keys = [(tuple(source), tuple(english)) for source, english in pairs]
        with self._lock:  # the app's pages share one model across threads
            have = {key: self._kept[key] for key in keys if key in self._kept}
            for key in have:
                self._kept.move_to_end(key)
        todo = [key for key in dict.fromkeys(keys) if key not in have]
        known = sum(1 for key in keys if key in have)
        self.hits += known
        self.misses += len(keys) - known
        if progress is not None and known:
            progress(known, len(keys))

        def counted(done: int, total: int) -> None:
            if progress is not None:
                progress(known + done * (len(keys) - known) // max(total, 1), len(keys))

        fresh = self.inner.predict(todo, progress=counted, **options) if todo else []
        have.update(zip(todo, fresh, strict=True))
        with self._lock:
            for key in todo:
                self._kept[key] = have[key]
            while len(self._kept) > self.max_pairs:
                self._kept.popitem(last=False)
        return [have[key] for key in keys]
