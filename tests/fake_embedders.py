"""A fast stand-in for the sentence model, for app and browser tests of long documents.

Sentences built as "... N ..." on both sides share the vector of their numbers, so a
2,000-sentence pair aligns one to one in seconds without loading e5. The app loads it through
``COMPARE_EMBEDDER=py:tests.fake_embedders:NumberEmbedder``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

DIM = 256


class NumberEmbedder:
    """Texts with the same numbers get the same unit vector (a text without one: a fixed
    vector of its own words)."""

    name = "fake/numbers"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            tokens = re.findall(r"\d+", text) or text.lower().split()[:3]
            for token in tokens:
                rng = np.random.default_rng(zlib.crc32(token.encode()))
                out[row] += rng.normal(size=DIM).astype(np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)


def long_pair(n: int = 2000) -> tuple[str, str]:
    """A Russian source and its English of ``n`` sentences (numbered), a paragraph per 10,
    with a few findings planted: a changed number in sentence 1,500 and США rendered as
    "the country" in sentence 1,200."""
    src, eng = [], []
    for i in range(1, n + 1):
        src.append(f"Сообщение {i} поступило из Алматы вечером.")
        eng.append(f"Report {i} came from Almaty in the evening.")
    src[1199] = "Сообщение 1200 касалось санкций США."
    eng[1199] = "Report 1200 was about the country's sanctions."
    src[1499] = "Сообщение 1500 насчитывало 4500 слов."
    eng[1499] = "Report 1500 had 5400 words."

    def paragraphs(lines: list[str]) -> str:
        return "\n\n".join(" ".join(lines[k : k + 10]) for k in range(0, len(lines), 10))

    return paragraphs(src), paragraphs(eng)
