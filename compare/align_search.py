"""The banded least-cost search of the sentence aligner (:mod:`compare.align`, whose docstring
gives the cost model and the scheme): the band of allowed DP cells, stored row after row
without padding so that memory is linear in the number of sentences; products of two sides'
vectors restricted to the band; the band around a coarse path; and the monotone dynamic
programme over beads with its back-trace. Costs come in from the aligner; nothing here knows
what a sentence is.
"""

from __future__ import annotations

import numpy as np

_INF = np.inf


class Band:
    """Allowed DP nodes: row i (0..n) may use target positions lo[i]..hi[i] inclusive.

    Cells are stored row after row without padding: cell (i, j) is at ``start[i] + j - lo[i]``
    of every per-cell array, so memory is the sum of the row widths, not rows x widest row.
    """

    def __init__(self, lo: np.ndarray, hi: np.ndarray) -> None:
        self.lo = lo.astype(np.int64)
        self.hi = np.maximum(hi, lo).astype(np.int64)
        widths = self.hi - self.lo + 1
        self.start = np.concatenate([[0], np.cumsum(widths)]).astype(np.int64)

    @property
    def cells(self) -> int:
        return int(self.start[-1])

    def index(self, i: int, j: int) -> int:
        """Position of cell (i, j) in the per-cell arrays."""
        return int(self.start[i] + j - self.lo[i])

    def rows_cols(self) -> tuple[np.ndarray, np.ndarray]:
        """Row and target position of every cell, in storage order."""
        widths = self.hi - self.lo + 1
        rows = np.repeat(np.arange(len(self.lo), dtype=np.int64), widths)
        cols = np.arange(self.cells, dtype=np.int64) - self.start[rows] + self.lo[rows]
        return rows, cols


class BandedProducts:
    """Entries (k, l) of A @ B.T for lo[k] <= l < hi[k] only: the pairs the DP can touch.

    Stored like the band (row after row, no padding); A and B may be dense or sparse.
    """

    def __init__(self, a, b, lo: np.ndarray, hi: np.ndarray) -> None:
        n = a.shape[0]
        self.lo = lo.astype(np.int64)
        self.hi = np.maximum(hi, lo).astype(np.int64)
        widths = self.hi - self.lo
        self.start = np.concatenate([[0], np.cumsum(widths)]).astype(np.int64)
        self.rows = np.repeat(np.arange(n, dtype=np.int64), widths)
        self.cols = np.arange(int(self.start[-1]), dtype=np.int64) - self.start[self.rows]
        self.cols += self.lo[self.rows]
        self.data = np.zeros(int(self.start[-1]), dtype=np.float32)
        for first in range(0, n, 256):
            last = min(n, first + 256)
            c0 = int(self.lo[first:last].min())
            c1 = max(int(self.hi[first:last].max()), c0 + 1)
            block = a[first:last] @ b[c0:c1].T
            if not isinstance(block, np.ndarray):  # a product of sparse matrices
                block = block.toarray()
            cells = slice(int(self.start[first]), int(self.start[last]))
            self.data[cells] = block[self.rows[cells] - first, self.cols[cells] - c0]

    def get(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Values at (rows, cols); 0 outside the stored window (callers mask those cells)."""
        n = len(self.lo)
        rows_c = np.clip(rows, 0, n - 1)
        ok = (rows >= 0) & (rows < n) & (cols >= self.lo[rows_c]) & (cols < self.hi[rows_c])
        idx = np.where(ok, self.start[rows_c] + cols - self.lo[rows_c], 0)
        if len(self.data) == 0:
            return np.zeros(np.shape(rows))
        return np.where(ok, self.data[idx], 0.0)


def band_around(coarse_path: list[tuple[int, int, int, int]], n: int, m: int, w: int) -> Band:
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
    return Band(lo, np.maximum(hi, lo))


def least_cost_path(
    band: Band, costs: dict[tuple[int, int], np.ndarray], skip: float
) -> list[tuple[int, int, int, int]]:
    """Least-cost monotone path; returns beads (a, b, i_end, j_end) in document order.

    Row i is filled from earlier rows for every bead with a >= 1 (array minimum over the
    slice of row i - a that lies under row i shifted by b), then the 0-1 beads within the row
    are resolved at once: D[j] = min(X[j], D[j-1] + skip) is ``skip*j + cummin(X - skip*j)``.
    """
    n = len(band.lo) - 1
    beads = [*costs, (1, 0)]
    total = np.full(band.cells, _INF)
    choice = np.full(band.cells, -1, dtype=np.int8)  # index in beads, len(beads) = 0-1
    widest = int((band.hi - band.lo).max()) + 1
    ramp = skip * np.arange(widest)
    lo, hi, start = band.lo, band.hi, band.start
    for i in range(n + 1):
        width = int(hi[i] - lo[i]) + 1
        row = slice(int(start[i]), int(start[i]) + width)
        best = np.full(width, _INF)
        pick = np.full(width, -1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        for index, (a, b) in enumerate(beads):
            if a > i:
                continue
            prev = i - a
            offset = int(lo[i] - b - lo[prev])  # row i's column t reads row prev's t + offset
            t0 = max(0, -offset)
            t1 = min(width, int(hi[prev] - lo[prev]) - offset + 1)
            if t1 <= t0:
                continue
            first = int(start[prev]) + offset
            here = total[first + t0 : first + t1]
            if (a, b) == (1, 0):
                here = here + skip
            else:
                here = here + costs[(a, b)][row][t0:t1]
            better = here < best[t0:t1]
            best[t0:t1] = np.where(better, here, best[t0:t1])
            pick[t0:t1] = np.where(better, index, pick[t0:t1])
        scanned = ramp[:width] + np.minimum.accumulate(best - ramp[:width])
        total[row] = scanned
        choice[row] = np.where(scanned < best - 1e-12, len(beads), pick)
    return _trace(band, choice, beads)


def _trace(
    band: Band, choice: np.ndarray, beads: list[tuple[int, int]]
) -> list[tuple[int, int, int, int]]:
    """Follow the back pointers from the last node to the first."""
    i, j = len(band.lo) - 1, int(band.hi[-1])
    path: list[tuple[int, int, int, int]] = []
    while i > 0 or j > 0:
        index = int(choice[band.index(i, j)])
        if index < 0:
            raise RuntimeError("alignment search lost its path; this is a bug")
        a, b = (0, 1) if index == len(beads) else beads[index]
        path.append((a, b, i, j))
        i, j = i - a, j - b
    path.reverse()
    return path
