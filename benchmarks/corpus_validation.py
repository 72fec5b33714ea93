"""Does corpus mode rank translators the way people do? Validation on WMT22 ru-en (issue 22).

    python benchmarks/corpus_validation.py                       # held out: the odd documents
    python benchmarks/corpus_validation.py --limit-docs 2 --no-qe --work /tmp/cv   # smoke run
    python benchmarks/corpus_validation.py --split all --jobs 2  # all 227 documents, partly
                                                                 # in-sample
    options: [--split heldout|dev|all] [--limit-docs N] [--jobs N] [--work DIR]
             [--embedding-cache FILE] [--no-qe] [--resamples N] [--stats-only] [--shared DIR]

WMT22 ru-en news documents were translated by ten MT systems, and people scored their segments
(direct assessment, z-normalised). This benchmark runs the product as a researcher would: one
manifest row per (system, document), the system's name as the "outlet", the document's Russian
source as the source file shared by all eleven translations (the ten systems and the human
reference), one segment a paragraph, then ``corpus run`` (meaning model on, as shipped, unless
``--no-qe``) and the statistics of ``corpus stats``.

It prints, per system, the critical+major flag rate per 100 source sentences with its 95 %
interval, the meaning model's mean score and the human mean DA z over the same documents; then

- system-level agreement with people over the ten systems: Spearman, Kendall and Pearson
  correlation of each corpus figure with the human mean DA (flag rates enter negated: fewer
  flags should mean a better system), and pairwise accuracy (WMT's system-level measure: of the
  45 pairs of systems, the share the figure orders as people do; a tie counts as wrong), with
  95 % intervals from resampling documents (the same documents for every system and for the
  human scores, so the interval carries the sampling of articles);
- how many of the 45 paired comparisons (``compare_groups``, Holm-corrected) find a difference
  at p < 0.05, and how many of those point the way people's DA does;
- segment level: Kendall tau-b and Pearson r between the flags on a segment (critical+major;
  all flags but framing notes) and its human z, the mean z of flagged and unflagged segments,
  with 95 % intervals from resampling documents (a flag belongs to the segment its span starts
  in, on its own side);
- the human reference's critical+major rate per news outlet (the doc_id's prefix);
- speed: documents checked a minute, model loading included (with ``--embedding-cache ''``
  and a fresh ``--work`` folder, a cold run).

Splits (``compare/splits.py``): ``--split heldout`` (the default) takes the odd-position
documents: nothing was tuned on them (the rules, thresholds, meaning model and risk model were
fitted on dev data and other corpora), so its figures are held out. ``--split all`` takes every
document, even and odd, and is labelled PARTLY IN-SAMPLE in every heading: the even documents
were dev for the rule fixes and feed the meaning model's calibration and synthetic training
data. ``--split dev`` takes the even ones only (in-sample). ``--limit-docs N`` takes N source
documents of the split (times eleven translations), round-robin over the news outlets in file
order. Human scores are only read here, never used to choose anything.

The work folder keeps the manifest, the texts and the results database, so a second run resumes
(only the documents of the manifest last run are counted). This replaces
``benchmarks/wmt22_validation.py`` (all documents, one segment a line, no intervals; its
historical figures are in ``benchmarks/README.md``).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sqlite3
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
from scipy import stats as scipy_stats

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.corpus.comparisons import compare_groups  # noqa: E402
from compare.corpus.manifest import write_manifest  # noqa: E402
from compare.corpus.runner import RunSettings, run_corpus  # noqa: E402
from compare.corpus.stats import (  # noqa: E402
    DocFigures,
    group_stats,
    load_documents,
    ratio_parts,
)
from compare.flags import NOT_ERRORS  # noqa: E402
from compare.qe.data import shared_dir, wmt22_da_scores  # noqa: E402
from compare.splits import WMT22_DEV_PARITY, WMT22_HELDOUT_PARITY, wmt22_rows  # noqa: E402

REFERENCE = "reference"
SEPARATOR = "\n\n"
"""Between the segments of a file: one segment a paragraph."""
FIGURES = {
    "critical+major": -1.0,
    "meaning_shift": -1.0,
    "total": -1.0,
    "qe_score": 1.0,
}
"""The corpus figures validated, with the sign that makes "higher = better translation"."""
SPLITS = {
    "heldout": ((WMT22_HELDOUT_PARITY,), "odd documents, held out"),
    "dev": ((WMT22_DEV_PARITY,), "even documents, dev: IN-SAMPLE"),
    "all": ((WMT22_DEV_PARITY, WMT22_HELDOUT_PARITY),
            "all documents, PARTLY IN-SAMPLE: the even half is dev"),
}


@dataclasses.dataclass
class Corpus:
    """The documents of a split as read from the shared TSV files."""

    docs: dict[str, list[int]]
    """doc_id -> its line numbers, in file order."""
    source: dict[int, str]
    texts: dict[str, dict[int, str]]
    """translator (the systems and :data:`REFERENCE`) -> line number -> English."""


def outlet_of(doc_id: str) -> str:
    """``lenta.ru.123`` -> ``lenta.ru``; ``social_ru_197`` -> ``social_ru``."""
    return re.sub(r"[._]\d+$", "", doc_id)


def read_corpus(shared: Path, split: str) -> Corpus:
    docs: dict[str, list[int]] = defaultdict(list)
    source: dict[int, str] = {}
    texts: dict[str, dict[int, str]] = defaultdict(dict)
    for row in wmt22_rows(split, shared):
        line = int(row["line_no"])
        docs[row["doc_id"]].append(line)
        source[line] = row["src"].strip()
        texts[REFERENCE][line] = row["ref_A"].strip()
    for row in wmt22_rows(split, shared, table="hyps"):
        texts[row["system"]][int(row["line_no"])] = (row["hyp"] or "").strip()
    return Corpus(dict(docs), source, dict(texts))


def pick_documents(docs: dict[str, list[int]], limit: int | None) -> list[str]:
    """All documents, or ``limit`` of them taken round-robin over outlets (file order)."""
    if limit is None or limit >= len(docs):
        return list(docs)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for doc_id in docs:
        by_outlet[outlet_of(doc_id)].append(doc_id)
    picked: list[str] = []
    while len(picked) < limit:
        for queue in by_outlet.values():
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    return picked


def write_corpus(work: Path, corpus: Corpus, picked: list[str]) -> tuple[Path, int]:
    """The texts and the manifest in ``work`` (a file is rewritten only when its text changes);
    returns the manifest and how many translations were left out for a missing segment."""
    rows, left_out = [], 0
    for doc_id in picked:
        lines = corpus.docs[doc_id]
        src = work / "source" / f"{doc_id}.ru.txt"
        _write_if_changed(src, SEPARATOR.join(corpus.source[n] for n in lines) + "\n")
        for system in sorted(corpus.texts):
            outputs = [corpus.texts[system].get(n, "") for n in lines]
            if not all(outputs):
                left_out += 1  # a missing segment would misalign the document
                continue
            target = work / system / f"{doc_id}.en.txt"
            _write_if_changed(target, SEPARATOR.join(outputs) + "\n")
            rows.append({"id": f"{system}/{doc_id}", "outlet": system, "source_lang": "ru",
                         "source_path": str(src.relative_to(work)),
                         "target_path": str(target.relative_to(work)), "tags": [doc_id]})
    manifest = work / "manifest.csv"
    write_manifest(manifest, rows)
    return manifest, left_out


def _write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def correlations(metric: np.ndarray, human: np.ndarray) -> dict[str, float]:
    """Spearman, Kendall, Pearson and pairwise accuracy of one figure against people."""
    pairs = list(combinations(range(len(human)), 2))
    agree = sum(np.sign(metric[i] - metric[j]) == np.sign(human[i] - human[j]) for i, j in pairs)
    with np.errstate(divide="ignore", invalid="ignore"):
        return {"spearman": float(scipy_stats.spearmanr(metric, human).statistic),
                "kendall": float(scipy_stats.kendalltau(metric, human).statistic),
                "pearson": float(np.corrcoef(metric, human)[0, 1]),
                "pairwise": agree / len(pairs) if pairs else float("nan")}


def _interval(values: list[float]) -> str:
    values = [v for v in values if np.isfinite(v)]
    if not values:
        return "[-, -]"
    low, high = np.percentile(values, [2.5, 97.5])
    return f"[{low:+.3f}, {high:+.3f}]"


def segment_flags(db_path: Path, corpus: Corpus, counted: set[str]
                  ) -> dict[tuple[str, int], list[int]]:  # fmt: skip
    """(translator, line number) -> [critical+major flags, flags] of every segment of the
    ``counted`` documents; framing notes are not errors and are left out, as in the stats."""
    counts: dict[tuple[str, int], list[int]] = {}
    starts: dict[tuple[str, str], list[int]] = {}
    for doc in counted:
        system, doc_id = doc.split("/", 1)
        lines = corpus.docs[doc_id]
        for n in lines:
            counts[(system, n)] = [0, 0]
        for side, text in (("source", corpus.source), ("target", corpus.texts[system])):
            offsets, at = [], 0
            for n in lines:
                offsets.append(at)
                at += len(text[n]) + len(SEPARATOR)
            starts[(doc, side)] = offsets
    db = sqlite3.connect(db_path)
    try:
        rows = db.execute("SELECT doc_id, side, start, severity, category FROM flags").fetchall()
    finally:
        db.close()
    for doc, side, start, severity, category in rows:
        if doc not in counted or category in NOT_ERRORS or start is None:
            continue
        offsets = starts[(doc, side)]
        k = max(0, int(np.searchsorted(offsets, start, side="right")) - 1)
        system, doc_id = doc.split("/", 1)
        cell = counts[(system, corpus.docs[doc_id][k])]
        cell[1] += 1
        if severity in ("critical", "major"):
            cell[0] += 1
    return counts


def segment_level(counts: dict[tuple[str, int], list[int]], scores: dict[tuple[str, int], float],
                  line_doc: dict[int, int], n_docs: int, resamples: int, label: str) -> None:
    keys = [k for k in counts if k in scores]
    if len(keys) < 3:
        print("\nSegment level: fewer than 3 scored segments.")
        return
    z = np.array([scores[k] for k in keys])
    doc_of = np.array([line_doc[k[1]] for k in keys])
    members = [np.flatnonzero(doc_of == d) for d in range(n_docs)]
    rng = np.random.default_rng(0)
    print(f"\nSegment level ({label}; {len(keys):,} scored segments of {n_docs} source documents; "
          f"agreement is negative; 95 % intervals: {resamples} resamples of documents)")
    for name, column in (("critical+major flags", 0), ("all flags", 1)):
        x = np.array([counts[k][column] for k in keys], dtype=float)
        tau = scipy_stats.kendalltau(x, z)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = float(np.corrcoef(x, z)[0, 1])
        boot_tau, boot_gap = [], []
        for _ in range(resamples):
            idx = np.concatenate([members[d] for d in rng.integers(0, n_docs, n_docs)])
            if idx.size < 3:
                continue
            boot_tau.append(float(scipy_stats.kendalltau(x[idx], z[idx]).statistic))
            flagged = x[idx] > 0
            if flagged.any() and (~flagged).any():
                boot_gap.append(float(z[idx][flagged].mean() - z[idx][~flagged].mean()))
        flagged = x > 0
        mean_f = z[flagged].mean() if flagged.any() else float("nan")
        mean_c = z[~flagged].mean() if (~flagged).any() else float("nan")
        print(f"  {name:22} Kendall tau-b {tau.statistic:+.3f} {_interval(boot_tau)} "
              f"(p {tau.pvalue:.2g}), Pearson r {r:+.3f}; mean z flagged {mean_f:+.3f} "
              f"(n = {int(flagged.sum())}) vs not {mean_c:+.3f} (n = {int((~flagged).sum())}), "
              f"difference {mean_f - mean_c:+.3f} {_interval(boot_gap)}")


def reference_by_outlet(docs: list[DocFigures], resamples: int, label: str) -> None:
    ref = [dataclasses.replace(d, groups={**d.groups, "tag": [outlet_of(d.groups["tag"][0])]})
           for d in docs if d.groups["outlet"][0] == REFERENCE]  # fmt: skip
    if not ref:
        return
    print(f"\nThe human reference per news outlet ({label}): critical+major flags per 100 "
          "source sentences [95 % CI]")
    for g in group_stats(ref, "tag", resamples):
        e = g.metrics["critical+major"]
        print(f"  {g.group:22} {g.documents:3d} docs {g.sentences:5d} sentences  "
              f"{e.value:6.2f} [{e.low:6.2f}, {e.high:6.2f}]")


def split_halves(system_values: Any, figures: list[str], n_docs: int, resamples: int,
                 label: str) -> None:
    """How far people agree with themselves over these documents: split the documents in two
    halves at random, and compare the systems' human DA on one half with that on the other
    (the ceiling), and each corpus figure on one half with the human DA on the other (the same
    comparison for the product). With ten systems as close as WMT22's, the ceiling is what
    tells a researcher whether a low agreement is the figure's fault or the data's."""
    rng = np.random.default_rng(1)
    human: list[float] = []
    product: dict[str, list[float]] = defaultdict(list)
    for _ in range(resamples):
        half = np.zeros(n_docs)
        half[rng.permutation(n_docs)[: n_docs // 2]] = 1.0
        values_a, human_a = system_values(half)
        _, human_b = system_values(1.0 - half)
        if not (np.all(np.isfinite(human_a)) and np.all(np.isfinite(human_b))):
            continue
        human.append(correlations(human_a, human_b)["spearman"])
        for f in figures:
            if np.all(np.isfinite(values_a[f])):
                product[f].append(correlations(values_a[f], human_b)["spearman"])
    print(f"\nSplit halves ({label}; {resamples} random halves of the {n_docs} documents): "
          "Spearman over the systems, one half against the other half's human DA, median "
          "[2.5th, 97.5th percentile]")
    print(f"  {'human DA (the ceiling)':<24} {_median_interval(human)}")
    for f in figures:
        sign = "-" if FIGURES[f] < 0 else ""
        print(f"  {sign + f:<24} {_median_interval(product[f])}")


def _median_interval(values: list[float]) -> str:
    if not values:
        return "n/a"
    low, mid, high = np.percentile(values, [2.5, 50, 97.5])
    return f"{mid:+.3f} [{low:+.3f}, {high:+.3f}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None, help="the shared corpora folder")
    parser.add_argument("--split", choices=list(SPLITS), default="heldout",
                        help="heldout (odd documents, the default), dev (even), or all "
                             "(partly in-sample)")
    parser.add_argument("--work", "--folder", dest="work", default="/tmp/compare-wmt22-validation",
                        help="where the texts, the manifest and the results go")
    parser.add_argument("--limit-docs", "--docs", dest="limit_docs", type=int, default=None,
                        metavar="N", help="N source documents, round-robin over outlets")
    parser.add_argument("--no-qe", action="store_true", help="rules only (no meaning model)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--embedding-cache", default=None,
                        help="sentence-vector cache (default: WORK/embeddings.sqlite; '' none)")
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--stats-only", "--no-run", dest="stats_only", action="store_true",
                        help="read the results already in --work, without running the corpus "
                             "(a changed program would otherwise re-check every document)")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    parities, label = SPLITS[args.split]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus = read_corpus(shared, args.split)
    picked = pick_documents(corpus.docs, args.limit_docs)
    manifest, left_out = write_corpus(work, corpus, picked)
    if left_out:
        print(f"{left_out} translations left out: a segment missing")
    if not args.stats_only:
        cache = (str(work / "embeddings.sqlite") if args.embedding_cache is None
                 else args.embedding_cache)
        settings = RunSettings(embedding_cache=cache, qe=not args.no_qe)
        started = time.perf_counter()
        summary = run_corpus(manifest, work / "results.sqlite", settings, jobs=args.jobs,
                             progress=sys.stderr.isatty())
        wall = time.perf_counter() - started
        rate = 60 * summary.processed / wall if summary.processed and wall > 0 else 0.0
        segments = sum(len(corpus.docs[d]) for d in picked) / max(1, len(picked))
        speed = (f"{rate:.1f} documents a minute ({args.jobs} job(s), model loading included, "
                 f"documents of {segments:.1f} segments on average, embedding cache "
                 f"{cache or 'none'})" if summary.processed else "no speed figure")
        print(f"corpus run: {summary.processed} checked, {summary.skipped} kept, "
              f"{summary.failed} failed in {wall:.0f} s: {speed}")

    stored = load_documents(work / "results.sqlite")
    wanted = set(picked)
    docs = [d for d in stored if d.groups["tag"][0] in wanted]
    if len(docs) < len(stored):
        print(f"{len(stored) - len(docs)} stored documents of another selection left out")
    if not docs:
        print("No checked documents in", work / "results.sqlite")
        return 1
    scores = {}
    for parity in parities:
        scores.update(wmt22_da_scores(shared, parity))
    stats = {s.group: s for s in group_stats(docs, "outlet", args.resamples)}
    systems = sorted(s for s in stats if s != REFERENCE)
    doc_ids = sorted({d.groups["tag"][0] for d in docs})
    # Per (system, document): the figures' numerators and denominators, and the human z sums.
    names, num, den, scale = ratio_parts(docs)
    cell = {(d.groups["outlet"][0], d.groups["tag"][0]): i for i, d in enumerate(docs)}
    figures = [f for f in FIGURES if stats[systems[0]].metrics[f].value is not None]
    shape = (len(systems), len(doc_ids))
    parts = {f: (np.zeros(shape), np.zeros(shape)) for f in figures}
    z_sum, z_n = np.zeros(shape), np.zeros(shape)
    for s, system in enumerate(systems):
        for k, doc in enumerate(doc_ids):
            i = cell.get((system, doc))
            if i is None:
                continue
            for f in figures:
                row = names.index(f)
                parts[f][0][s, k] = num[row, i]
                parts[f][1][s, k] = den[row, i]
            zs = [scores[(system, n)] for n in corpus.docs[doc] if (system, n) in scores]
            z_sum[s, k], z_n[s, k] = sum(zs), len(zs)

    def system_values(weights: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
        with np.errstate(divide="ignore", invalid="ignore"):
            values = {f: FIGURES[f] * scale[f] * (parts[f][0] @ weights)
                      / (parts[f][1] @ weights) for f in figures}  # fmt: skip
            return values, (z_sum @ weights) / (z_n @ weights)

    ones = np.ones(len(doc_ids))
    point, human = system_values(ones)
    print(f"\nWMT22 ru-en, {label} (n = {len(doc_ids)} source documents, {len(systems)} "
          f"systems + the reference): per-system figures")
    print(f"{'system':<18} {'docs':>4} {'crit+major/100 [95 % CI]':<26} {'meaning':>8} "
          f"{'human DA z':>11}")
    for s, system in enumerate([*systems, REFERENCE]):
        st = stats.get(system)
        if st is None:
            continue
        e = st.metrics["critical+major"]
        q = st.metrics["qe_score"].value
        z = f"{human[s]:+.3f}" if system != REFERENCE else "-"
        print(f"{system:<18} {st.documents:4d} {e.value:6.2f} [{e.low:5.2f}, {e.high:5.2f}]"
              f"{'':6} {'-' if q is None else f'{q:.3f}':>8} {z:>11}")

    rng = np.random.default_rng(0)
    boot: dict[str, list[dict[str, float]]] = defaultdict(list)
    for _ in range(args.resamples):
        weights = np.bincount(rng.integers(0, len(doc_ids), len(doc_ids)),
                              minlength=len(doc_ids)).astype(float)
        values, h = system_values(weights)
        for f in figures:
            if np.all(np.isfinite(values[f])) and np.all(np.isfinite(h)):
                boot[f].append(correlations(values[f], h))
    print(f"\nSystem-level agreement with human DA over {len(systems)} systems ({label}; "
          f"95 % interval: {args.resamples} resamples of documents)")
    for f in figures:
        c = correlations(point[f], human)
        cells = [f"{key} {c[key]:+.3f} {_interval([b[key] for b in boot[f]])}"
                 for key in ("spearman", "kendall", "pearson", "pairwise")]
        sign = "-" if FIGURES[f] < 0 else ""
        print(f"  {sign}{f:<16} " + "; ".join(cells))

    split_halves(system_values, figures, len(doc_ids), args.resamples, label)

    systems_only = [d for d in docs if d.groups["outlet"][0] != REFERENCE]
    diffs = compare_groups(systems_only, "outlet", ("critical+major",), args.resamples)
    index = {system: s for s, system in enumerate(systems)}
    found = [d for d in diffs if d.p_holm is not None and d.p_holm < 0.05]
    right = sum(np.sign(d.difference.value) == -np.sign(human[index[d.group_a]]
                                                        - human[index[d.group_b]])
                for d in found)  # fmt: skip
    paired = sum(d.paired for d in diffs)
    print(f"\nPaired comparisons of critical+major rates ({label}; {paired} of {len(diffs)} "
          f"paired by shared source documents): {len(found)} differ at Holm p < 0.05; {right} "
          "of them point the way people's DA does (fewer flags = higher DA).")

    counted = {d.id for d in docs}
    line_doc = {n: k for k, doc in enumerate(doc_ids) for n in corpus.docs[doc]}
    segment_level(segment_flags(work / "results.sqlite", corpus, counted), scores, line_doc,
                  len(doc_ids), args.resamples, label)
    reference_by_outlet(docs, args.resamples, label)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
