"""Differences between groups that a researcher can report: an interval, a p-value, and the
multiple-testing correction, on the same document-level figures as :mod:`compare.corpus.stats`.

For each pair of groups (outlets, languages, tags, months) and each metric asked for:

- the difference of the two pooled rates (group A minus group B) with a 95 % percentile
  bootstrap interval, resampling whole documents as the group table does, and the ratio of the
  two rates as an effect size;
- a two-sided permutation p-value (``scipy.stats.permutation_test``): how often relabelling the
  documents gives a difference at least as large;
- **paired by source document** when the two groups translate the same articles (the ten
  WMT22 systems, two outlets carrying one wire story): documents are matched by their source
  file (:attr:`DocFigures.source_key`), the bootstrap resamples articles (each
  with both translations), and the permutation swaps the two translations of an article. A
  paired test removes the article's own difficulty from the comparison, so it needs fewer
  documents to see the same difference;
- Holm's correction across every comparison made at once (all pairs x all metrics), so that
  comparing ten outlets does not find "significant" differences by chance;
- a note when a group has too few documents for any of this to mean much.

The bootstrap sums are :func:`compare.corpus.stats.bootstrap_sums` (seeded, memory-flat), so the
interval of a difference is made the same way as the interval of a group's rate. Holm's step-
down is written out here (five lines) because scipy has no family-wise correction.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy import stats as scipy_stats

from compare.corpus.stats import (
    DEFAULT_RESAMPLES,
    GROUP_BY,
    MIN_DOCUMENTS,
    DocFigures,
    Estimate,
    bootstrap_sums,
    ratio_parts,
)
from compare.errors import InputError
from compare.report import csv_safe

MIN_PAIRED = 5
"""Shared source documents needed to compare two groups pair by pair; with fewer, the groups
are compared as independent samples (and the shared articles are named in the note)."""
DEFAULT_PERMUTATIONS = 2000
PERMUTATIONS_PER_TEST = 400
"""With m comparisons Holm's first bar is 0.05 / m, and a two-sided permutation p-value cannot
fall under 2 / (permutations + 1): unless permutations are well above 40 m, no difference
could ever pass. By default each test gets at least 400 m (its floor a tenth of the bar)."""
PERMUTATION_BATCH = 100
"""Permutations scipy evaluates at once: memory stays at 100 x documents x 2 numbers."""


@dataclass
class Difference:
    """Group A against group B on one metric."""

    metric: str
    group_a: str
    group_b: str
    value_a: float | None
    value_b: float | None
    difference: Estimate
    """A minus B, with its 95 % bootstrap interval (in the metric's unit)."""
    ratio: float | None
    """A / B: the effect size (None when B is 0 or a value is undefined)."""
    p_value: float | None
    """Two-sided permutation p-value (None when the difference is undefined)."""
    p_holm: float | None = None
    """The p-value after Holm's correction across every comparison made together."""
    paired: bool = False
    documents_a: int = 0
    documents_b: int = 0
    """Documents of each group the comparison used (the shared ones when paired)."""
    note: str = ""


def compare_groups(
    docs: list[DocFigures],
    by: str = "outlet",
    metrics: tuple[str, ...] = ("critical+major",),
    resamples: int = DEFAULT_RESAMPLES,
    permutations: int | None = None,
    seed: int = 0,
) -> list[Difference]:
    """Every pair of groups (in name order) on every metric, Holm-corrected together.

    ``permutations`` None: :data:`DEFAULT_PERMUTATIONS`, or :data:`PERMUTATIONS_PER_TEST` times
    the number of comparisons when that is more, so that the smallest p-value a test can give
    still passes Holm's bar."""
    if by not in GROUP_BY:
        raise InputError(f"Cannot group by {by!r}; use one of {', '.join(GROUP_BY)}.")
    if not 1 <= resamples <= 1_000_000:
        raise InputError(f"--resamples must be between 1 and 1,000,000 (got {resamples}).")
    if permutations is not None and not 1 <= permutations <= 1_000_000:
        raise InputError(f"--permutations must be between 1 and 1,000,000 (got {permutations}).")
    members: dict[str, list[DocFigures]] = {}
    for d in docs:
        for g in d.groups[by]:
            members.setdefault(g, []).append(d)
    names, _, _, _ = ratio_parts([])
    unknown = [m for m in metrics if m not in names]
    if unknown:
        raise InputError(f"Unknown metric {unknown[0]!r}; use one of {', '.join(names)}.")
    pairs = list(combinations(sorted(members), 2))
    if permutations is None:
        permutations = min(1_000_000, max(DEFAULT_PERMUTATIONS,
                                          PERMUTATIONS_PER_TEST * len(pairs) * len(metrics)))
    out = [
        _compare(metric, a, b, members[a], members[b], resamples, permutations, seed)
        for metric in metrics
        for a, b in pairs
    ]
    adjusted = holm([d.p_value for d in out])
    for d, p in zip(out, adjusted, strict=True):
        d.p_holm = p
    return out


def holm(p_values: list[float | None]) -> list[float | None]:
    """Holm's step-down adjustment of a family of p-values (None stays None, not counted)."""
    known = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    adjusted: list[float | None] = [None] * len(p_values)
    running = 0.0
    for rank, (p, i) in enumerate(known):
        running = max(running, min(1.0, (len(known) - rank) * p))
        adjusted[i] = running
    return adjusted


def _compare(
    metric: str, name_a: str, name_b: str, docs_a: list[DocFigures], docs_b: list[DocFigures],
    resamples: int, permutations: int, seed: int,
) -> Difference:
    keys_a = {d.source_key for d in docs_a if d.source_key}
    shared = sorted(keys_a & {d.source_key for d in docs_b if d.source_key})
    notes = []
    if len(shared) >= MIN_PAIRED:
        figures = _paired(metric, docs_a, docs_b, shared, resamples, permutations, seed)
        used_a = sum(d.source_key in set(shared) for d in docs_a)
        used_b = sum(d.source_key in set(shared) for d in docs_b)
        left = (len(docs_a) - used_a) + (len(docs_b) - used_b)
        notes.append(f"paired on {len(shared)} shared source documents"
                     + (f"; {left} unshared left out" if left else ""))
        paired = True
    else:
        figures = _independent(metric, docs_a, docs_b, resamples, permutations, seed)
        used_a, used_b = len(docs_a), len(docs_b)
        if shared:
            notes.append(f"{len(shared)} shared source document(s), too few to pair "
                         f"(needs {MIN_PAIRED}); compared as independent groups")
        paired = False
    small = [f"{n} ({k})" for n, k in ((name_a, used_a), (name_b, used_b)) if k < MIN_DOCUMENTS]
    if small:
        notes.append(f"too few documents for the interval to mean much: {', '.join(small)}")
    if min(used_a, used_b) < 2:
        notes.append("no test with a single document in a group")
    value_a, value_b, difference, p_value = figures
    ratio = value_a / value_b if value_a is not None and value_b else None
    return Difference(metric, name_a, name_b, value_a, value_b, difference, ratio, p_value,
                      paired=paired, documents_a=used_a, documents_b=used_b,
                      note="; ".join(notes))


def _metric_row(metric: str, docs: list[DocFigures]) -> tuple[np.ndarray, np.ndarray, float]:
    names, num, den, scale = ratio_parts(docs)
    row = names.index(metric)
    return num[row], den[row], scale[metric]


def _rate(num: np.ndarray, den: np.ndarray, scale: float) -> float | None:
    total = den.sum()
    return float(scale * num.sum() / total) if total > 0 else None


def _interval(diffs: np.ndarray, value: float) -> Estimate:
    diffs = diffs[np.isfinite(diffs)]
    if not diffs.size:
        return Estimate(value, value, value)
    low, high = np.percentile(diffs, [2.5, 97.5])
    return Estimate(value, float(low), float(high))


def _ratio_difference(x_num, x_den, y_num, y_den, axis=-1):  # type: ignore[no-untyped-def]
    """Pooled rate of x minus pooled rate of y (vectorised for scipy's resampling)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return x_num.sum(axis=axis) / x_den.sum(axis=axis) - y_num.sum(axis=axis) / y_den.sum(
            axis=axis)


def _independent(
    metric: str, docs_a: list[DocFigures], docs_b: list[DocFigures], resamples: int,
    permutations: int, seed: int,
) -> tuple[float | None, float | None, Estimate, float | None]:
    num_a, den_a, scale = _metric_row(metric, docs_a)
    num_b, den_b, _ = _metric_row(metric, docs_b)
    value_a, value_b = _rate(num_a, den_a, scale), _rate(num_b, den_b, scale)
    if value_a is None or value_b is None:
        return value_a, value_b, Estimate(None, None, None), None
    value = value_a - value_b
    boot_a = bootstrap_sums(np.vstack([num_a]), np.vstack([den_a]), resamples, seed)
    boot_b = bootstrap_sums(np.vstack([num_b]), np.vstack([den_b]), resamples, seed + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        diffs = scale * (boot_a[0][0] / boot_a[1][0] - boot_b[0][0] / boot_b[1][0])
    if min(len(docs_a), len(docs_b)) < 2:
        # scipy needs two documents a group; one cannot be tested against anything anyway.
        return value_a, value_b, _interval(diffs, value), None
    # Each document is one observation (its numerator and denominator move together); the
    # permutation relabels documents between the groups.
    test = scipy_stats.permutation_test(
        (np.vstack([num_a, den_a]), np.vstack([num_b, den_b])),
        lambda x, y, axis: _ratio_difference(x[..., 0, :], x[..., 1, :], y[..., 0, :],
                                             y[..., 1, :]),
        permutation_type="independent", vectorized=True, n_resamples=permutations,
        alternative="two-sided", random_state=seed, axis=-1, batch=PERMUTATION_BATCH,
    )
    return value_a, value_b, _interval(diffs, value), _p_value(test.pvalue)


def _paired(
    metric: str, docs_a: list[DocFigures], docs_b: list[DocFigures], shared: list[str],
    resamples: int, permutations: int, seed: int,
) -> tuple[float | None, float | None, Estimate, float | None]:
    # Per shared article, the summed figures of each group's translations of it (a group may
    # hold two documents of one source; they count together).
    index = {key: i for i, key in enumerate(shared)}
    sums = np.zeros((4, len(shared)))
    scale = 1.0
    for row, docs in ((0, docs_a), (2, docs_b)):
        kept = [d for d in docs if d.source_key in index]
        num, den, scale = _metric_row(metric, kept)
        for d, n, m in zip(kept, num, den, strict=True):
            sums[row, index[d.source_key]] += n
            sums[row + 1, index[d.source_key]] += m
    value_a, value_b = _rate(sums[0], sums[1], scale), _rate(sums[2], sums[3], scale)
    if value_a is None or value_b is None:
        return value_a, value_b, Estimate(None, None, None), None
    value = value_a - value_b
    # One resample draws articles, each with both translations.
    boot_num, boot_den = bootstrap_sums(sums[[0, 2]], sums[[1, 3]], resamples, seed)
    with np.errstate(divide="ignore", invalid="ignore"):
        diffs = scale * (boot_num[0] / boot_den[0] - boot_num[1] / boot_den[1])
    # The paired permutation swaps the two translations of each article.
    test = scipy_stats.permutation_test(
        (sums[:2], sums[2:]),
        lambda x, y, axis: _ratio_difference(x[..., 0, :], x[..., 1, :], y[..., 0, :],
                                             y[..., 1, :]),
        permutation_type="samples", vectorized=True, n_resamples=permutations,
        alternative="two-sided", random_state=seed, axis=-1, batch=PERMUTATION_BATCH,
    )
    return value_a, value_b, _interval(diffs, value), _p_value(test.pvalue)


def _p_value(p: float) -> float | None:
    return None if not np.isfinite(p) else float(min(1.0, p))


def _fmt(x: float | None, digits: int = 2) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def _fmt_p(p: float | None) -> str:
    if p is None:
        return "-"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def format_differences(differences: list[Difference], by: str) -> str:
    """A plain-text table of the comparisons, with the method and the notes below it."""
    if not differences:
        return f"Only one {by}: nothing to compare."
    header = ["metric", "A", "B", "A", "B", "A - B [95 % CI]", "A / B", "p", "p (Holm)", "test"]
    rows = [[d.metric, d.group_a, d.group_b, _fmt(d.value_a), _fmt(d.value_b),
             f"{_fmt(d.difference.value)} [{_fmt(d.difference.low)}, "
             f"{_fmt(d.difference.high)}]",
             _fmt(d.ratio), _fmt_p(d.p_value), _fmt_p(d.p_holm),
             "paired" if d.paired else "independent"]
            for d in differences]  # fmt: skip
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *rows]]  # fmt: skip
    lines.append("A - B: difference of the pooled rates with a 95 % bootstrap interval "
                 "(resampling documents, or shared articles when paired); p: two-sided "
                 "permutation test; p (Holm): corrected for every comparison listed.")
    # A note every comparison shares ("paired on 113 shared source documents") is said once.
    parts = [d.note.split("; ") if d.note else [] for d in differences]
    common = set.intersection(*(set(p) for p in parts)) if len(parts) > 1 else set()
    for note in sorted(common):
        lines.append(f"Every comparison: {note}.")
    for d, part in zip(differences, parts, strict=True):
        own = [n for n in part if n not in common]
        if own:
            lines.append(f"{d.group_a} vs {d.group_b} ({d.metric}): {'; '.join(own)}.")
    return "\n".join(lines)


def differences_csv(differences: list[Difference], by: str) -> str:
    """Every comparison as CSV (group names made safe for spreadsheets)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["by", "metric", "group_a", "group_b", "value_a", "value_b", "difference",
                     "difference_low", "difference_high", "ratio", "p_value", "p_holm",
                     "paired", "documents_a", "documents_b", "note"])
    for d in differences:
        writer.writerow([by, d.metric, csv_safe(d.group_a), csv_safe(d.group_b),
                         *("" if v is None else f"{v:.6g}" for v in (
                             d.value_a, d.value_b, d.difference.value, d.difference.low,
                             d.difference.high, d.ratio, d.p_value, d.p_holm)),
                         d.paired, d.documents_a, d.documents_b, csv_safe(d.note)])
    return buf.getvalue()
