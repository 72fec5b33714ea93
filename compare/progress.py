"""Counts and time left for the stages that take minutes on a long document (issue 24).

The pipeline reports ``progress(stage, message)``; the long stages say how far they got and,
once they have run a second, about how long is left at the rate so far: "Scoring meaning: 400
of 1,007 pairs, about 50 s left", "Embedding sentences: 2,048 of 3,998, about 20 s left" (for
embedding, the rate of characters: texts go shortest first). :class:`ReportingEmbedder` does it
for the embedding a check asks for (the ``antonym-vector`` check embeds every distinct source
word of a long document: most of the checking stage). Its chunks change the vectors as little
as the aligner's own chunks do (bf16 batches of other shapes: about 1e-3), the same as a
vector cached from an earlier call of another batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

EMBED_CHUNK = 1024
"""Texts a call of :class:`ReportingEmbedder` hands on at once (the aligner's chunk too): a
call of at most this many distinct texts goes through as it is and reports nothing."""


TEXT_OVERHEAD = 10
"""What a text costs an encoder besides its characters (its start and end tokens, in chars)."""


def time_left(started: float, done: int, total: int) -> str:
    """", about N s left" from the rate since ``started`` (a :func:`time.monotonic` time), or
    "" when nothing is done yet, everything is, or less than a second has passed."""
    elapsed = time.monotonic() - started
    if done <= 0 or done >= total or elapsed < 1.0:
        return ""
    left = elapsed / done * (total - done)
    return f", about {left / 60:.0f} min left" if left >= 120 else f", about {left:.0f} s left"


def work(texts: Sequence[str]) -> list[int]:
    """How much of an embedding is done after each of ``texts``: ``work(texts)[k]`` for the
    first ``k`` (a text costs its characters plus a few for its start and end tokens). Texts go
    shortest first, so a count of texts alone would promise the end too soon."""
    done = [0]
    for text in texts:
        done.append(done[-1] + len(text) + TEXT_OVERHEAD)
    return done


def embed_in_chunks(embed: Callable[[list[str]], Any], texts: Sequence[str], chunk: int,
                    report: Callable[[int, int, str], None] | None = None) -> np.ndarray:
    """Float32 vectors of ``texts`` from ``embed``, each distinct text once, shortest first
    (similar lengths share a batch), ``chunk`` texts a call; ``report(first, total, left)``
    before each call, ``left`` the time-left phrase (:func:`time_left`, by characters)."""
    distinct = list(dict.fromkeys(texts))
    order = sorted(range(len(distinct)), key=lambda k: len(distinct[k]))
    done = work([distinct[k] for k in order])
    out: np.ndarray | None = None
    started = time.monotonic()
    for first in range(0, len(order), chunk):
        if report is not None:
            report(first, len(order), time_left(started, done[first], done[-1]))
        part = order[first : first + chunk]
        got = np.asarray(embed([distinct[k] for k in part]), dtype=np.float32)
        if out is None:
            out = np.zeros((len(distinct), got.shape[1]), dtype=np.float32)
        out[part] = got
    assert out is not None
    position = {text: k for k, text in enumerate(distinct)}
    return out[[position[t] for t in texts]]


def counting(say: Callable[[str, str], None], stage: str, what: str,
             unit: str = "pairs") -> Callable[[int, int], None]:  # fmt: skip
    """A ``hook(done, total)`` that says "what: done of total unit, about N s left"."""
    started = time.monotonic()

    def hook(done: int, total: int) -> None:
        say(stage, f"{what}: {done:,} of {total:,} {unit}{time_left(started, done, total)}")

    return hook


class ReportingEmbedder:
    """An embedder that says how far a long call got: a call of more than :data:`EMBED_CHUNK`
    distinct texts goes to ``inner`` in chunks, shortest first (so that similar lengths share
    a batch, as in the aligner), and ``say`` hears "embedding k of N words and sentences, about
    N s left" before each. Shorter calls go through untouched. Everything else (``name``,
    ``unrelated_cosine``...) is ``inner``'s. ``label`` names who asks (the check running)."""

    def __init__(self, inner: Any, say: Callable[[str], None], chunk: int | None = None) -> None:
        self.inner = inner
        self.say = say
        self.chunk = chunk or EMBED_CHUNK
        self.label = ""

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if len(dict.fromkeys(texts)) <= self.chunk:
            return self.inner.embed(texts)
        who = f" ({self.label})" if self.label else ""

        def report(first: int, total: int, left: str) -> None:
            self.say(f"Running checks{who}: embedding {first:,} of {total:,} words and "
                     f"sentences{left}")

        return embed_in_chunks(self.inner.embed, texts, self.chunk, report)
