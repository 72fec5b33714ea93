"""Does corpus mode rank translators the way people do? Validation on WMT22 ru-en (issue 22).

    python benchmarks/corpus_validation.py [--shared DIR] [--work DIR] [--docs N] [--no-qe]

The held-out half of WMT22 ru-en (the odd-position documents, 113 news documents, 1,066
segments) was translated by ten MT systems, and people scored their segments (direct
assessment, z-normalised; about 1,000 scored segments a system). This benchmark runs the
product exactly as a researcher would: one manifest row per (system, document), the system's
name as the "outlet", the document's Russian source as the source file shared by all eleven
translations (the ten systems and the human reference), then ``corpus run`` (meaning model on,
as shipped) and the statistics of ``corpus stats``.

It prints, per system, the critical+major flag rate per 100 source sentences with its 95 %
interval, the meaning model's mean score, and the human mean DA z over the same documents;
then the system-level agreement with people over the ten systems:

- Spearman and Kendall correlation of each corpus figure with the human mean DA (the flag rate
  and the meaning shifts enter negated: fewer flags should mean a better system);
- pairwise accuracy (WMT's system-level measure): of the 45 pairs of systems, the share that
  the figure orders as people do (a tie of the figure counts as a wrong order);
- 95 % intervals by resampling documents (the same documents for every system and for the
  human scores, so the interval carries the sampling of articles);
- how many of the 45 paired comparisons (``compare_groups``, Holm-corrected) find a
  difference at p < 0.05, and how often such a difference points the way people's does.

Nothing is tuned here: the rules, the thresholds, the meaning model and the risk model were
fitted on dev data only (even documents and other corpora), so the figures are held out. The
work folder keeps the manifest, the texts and the results database, so a second run resumes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np
from scipy import stats as scipy_stats

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.corpus.comparisons import compare_groups  # noqa: E402
from compare.corpus.manifest import write_manifest  # noqa: E402
from compare.corpus.runner import RunSettings, run_corpus  # noqa: E402
from compare.corpus.stats import group_stats, load_documents  # noqa: E402
from compare.qe.data import shared_dir, wmt22_da_scores, wmt22_hypotheses  # noqa: E402

REFERENCE = "reference"
FIGURES = {
    "critical+major": -1.0,
    "meaning_shift": -1.0,
    "total": -1.0,
    "qe_score": 1.0,
}
"""The corpus figures validated, with the sign that makes "higher = better translation"."""


def write_corpus(work: Path, shared: Path, docs: int | None) -> tuple[Path, dict]:
    """The texts and the manifest in ``work``; returns the manifest and, per (system,
    document), the human DA z-scores of its segments."""
    scores = wmt22_da_scores(shared)
    line_of = _line_numbers(shared)
    rows, human = [], defaultdict(list)
    documents = wmt22_hypotheses(1, shared)[:docs]
    for d, hyps in enumerate(documents):
        doc = f"doc{d:03d}"
        # The outputs come line by line, every system once a line: a system seen again
        # starts the next line.
        lines: list[dict[str, str]] = []
        for system, source, mt, reference in hyps:
            if not lines or system in lines[-1]:
                lines.append({"": source, REFERENCE: reference})
            lines[-1][system] = mt
            z = scores.get((system, line_of.get((source, reference), -1)))
            if z is not None:
                human[(system, doc)].append(z)
        sources = [line[""] for line in lines]
        texts = {system: [line.get(system, "") for line in lines]
                 for system in {k for line in lines for k in line if k}}
        src = work / "source" / f"{doc}.ru.txt"
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_text("\n\n".join(sources) + "\n", encoding="utf-8")
        for system, outputs in sorted(texts.items()):
            if not all(outputs):
                continue  # a system with a missing segment would misalign the document
            target = work / system / f"{doc}.en.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n\n".join(outputs) + "\n", encoding="utf-8")
            rows.append({"id": f"{system}/{doc}", "outlet": system, "source_lang": "ru",
                         "source_path": str(src.relative_to(work)),
                         "target_path": str(target.relative_to(work)), "tags": [doc]})
    manifest = work / "manifest.csv"
    write_manifest(manifest, rows)
    return manifest, human


def _line_numbers(shared: Path) -> dict[tuple[str, str], int]:
    """(source, reference) -> WMT22 line number, to find each output's DA score."""
    import csv

    path = shared / "wmt22-ru-en" / "wmt22_ru-en.src_ref.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["src"].strip(), r["ref_A"].strip()): int(r["line_no"])
                for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


def correlations(metric: np.ndarray, human: np.ndarray) -> dict[str, float]:
    """Spearman, Kendall and pairwise accuracy of one figure against people, over systems."""
    pairs = list(combinations(range(len(human)), 2))
    agree = sum(np.sign(metric[i] - metric[j]) == np.sign(human[i] - human[j]) for i, j in pairs)
    return {"spearman": float(scipy_stats.spearmanr(metric, human).statistic),
            "kendall": float(scipy_stats.kendalltau(metric, human).statistic),
            "pairwise": agree / len(pairs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None, help="the shared corpora folder")
    parser.add_argument("--work", default="/tmp/compare-wmt22-validation")
    parser.add_argument("--docs", type=int, default=None, help="first N documents (smoke run)")
    parser.add_argument("--no-qe", action="store_true", help="rules only (no meaning model)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--stats-only", action="store_true",
                        help="read the results already in --work, without running the corpus "
                             "(a changed program would otherwise re-check every document)")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    manifest, human_z = write_corpus(work, shared, args.docs)
    if not args.stats_only:
        settings = RunSettings(embedding_cache=str(work / "embeddings.sqlite"),
                               qe=not args.no_qe)
        started = time.time()
        summary = run_corpus(manifest, work / "results.sqlite", settings, jobs=args.jobs,
                             progress=sys.stderr.isatty())
        print(f"corpus run: {summary.processed} checked, {summary.skipped} kept, "
              f"{summary.failed} failed, {time.time() - started:.0f} s")

    docs = load_documents(work / "results.sqlite")
    stats = {s.group: s for s in group_stats(docs, "outlet", args.resamples)}
    systems = sorted(s for s in stats if s != REFERENCE)
    doc_ids = sorted({d.groups["tag"][0] for d in docs})
    # Per (system, document): the figures' numerators and denominators, and the human z sums.
    from compare.corpus.stats import ratio_parts

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
            zs = human_z.get((system, doc), [])
            z_sum[s, k], z_n[s, k] = sum(zs), len(zs)

    def system_values(weights: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
        with np.errstate(divide="ignore", invalid="ignore"):
            values = {f: FIGURES[f] * scale[f] * (parts[f][0] @ weights)
                      / (parts[f][1] @ weights) for f in figures}  # fmt: skip
            return values, (z_sum @ weights) / (z_n @ weights)

    ones = np.ones(len(doc_ids))
    point, human = system_values(ones)
    print(f"\nWMT22 ru-en, odd documents (n = {len(doc_ids)} documents, {len(systems)} systems "
          f"+ the reference): per-system figures")
    print(f"{'system':<18} {'crit+major/100 [95 % CI]':<26} {'meaning':>8} {'human DA z':>11}")
    for s, system in enumerate([*systems, REFERENCE]):
        st = stats.get(system)
        if st is None:
            continue
        e = st.metrics["critical+major"]
        q = st.metrics["qe_score"].value
        z = f"{human[s]:+.3f}" if system != REFERENCE else "-"
        print(f"{system:<18} {e.value:6.2f} [{e.low:5.2f}, {e.high:5.2f}]{'':6} "
              f"{'-' if q is None else f'{q:.3f}':>8} {z:>11}")

    rng = np.random.default_rng(0)
    boot: dict[str, list[dict[str, float]]] = defaultdict(list)
    for _ in range(args.resamples):
        weights = np.bincount(rng.integers(0, len(doc_ids), len(doc_ids)),
                              minlength=len(doc_ids)).astype(float)
        values, h = system_values(weights)
        for f in figures:
            if np.all(np.isfinite(values[f])) and np.all(np.isfinite(h)):
                boot[f].append(correlations(values[f], h))
    print(f"\nSystem-level agreement with human DA over {len(systems)} systems "
          f"(95 % interval: {args.resamples} resamples of documents)")
    for f in figures:
        c = correlations(point[f], human)
        cells = []
        for key in ("spearman", "kendall", "pairwise"):
            low, high = np.percentile([b[key] for b in boot[f]], [2.5, 97.5])
            cells.append(f"{key} {c[key]:+.3f} [{low:+.3f}, {high:+.3f}]")
        sign = "-" if FIGURES[f] < 0 else ""
        print(f"  {sign}{f:<16} " + "; ".join(cells))

    systems_only = [d for d in docs if d.groups["outlet"][0] != REFERENCE]
    diffs = compare_groups(systems_only, "outlet", ("critical+major",), args.resamples)
    index = {system: s for s, system in enumerate(systems)}
    found = [d for d in diffs if d.p_holm is not None and d.p_holm < 0.05]
    right = sum(np.sign(d.difference.value) == -np.sign(human[index[d.group_a]]
                                                        - human[index[d.group_b]])
                for d in found)  # fmt: skip
    paired = sum(d.paired for d in diffs)
    print(f"\nPaired comparisons of critical+major rates ({paired} of {len(diffs)} paired by "
          f"shared source documents): {len(found)} differ at Holm p < 0.05; {right} of them "
          "point the way people's DA does (fewer flags = higher DA).")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
