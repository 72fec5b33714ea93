"""Validate corpus-mode flags against human judgments on WMT22 Russian->English.

Builds a manifest from ../shared/corpora/wmt22-ru-en: each of the 10 MT systems and the
professional reference (ref_A) is a "translator" of the same documents (tag = system), each
document's outlet is its doc_id prefix. Runs the corpus and prints

* the system ranking by the tool's critical+major flags per 100 source sentences next to the
  ranking by mean human DA z-score over the same segments, with Kendall tau and Pearson r;
* the segment-level correlation between flags on a segment and its human z-score;
* per-outlet figures for the reference translation.

Good agreement is NEGATIVE correlation: more flags, lower human scores. The human scores are
only read here, never used to choose a threshold.

    python benchmarks/wmt22_validation.py --limit-docs 12            # a small run
    python benchmarks/wmt22_validation.py --jobs 2                   # all 227 documents (hours)

Documents are written under ~/.cache/compare/wmt22/ (never into the repository); sentence
vectors go to ~/.cache/compare/embeddings.sqlite, so a re-run resumes where it stopped.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path

from scipy import stats as sps

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.corpus.manifest import write_manifest  # noqa: E402
from compare.corpus.runner import DEFAULT_EMBEDDING_CACHE, RunSettings, run_corpus  # noqa: E402
from compare.corpus.stats import group_stats, load_documents  # noqa: E402
from compare.qe.data import wmt22_da_scores  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "wmt22-ru-en"
REFERENCE = "ref_A"
SERIOUS = ("critical", "major")
csv.field_size_limit(10_000_000)


def outlet_of(doc_id: str) -> str:
    """``lenta.ru.123`` -> ``lenta.ru``; ``social_ru_197`` -> ``social_ru``."""
    return re.sub(r"[._]\d+$", "", doc_id)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_data() -> tuple[dict[str, list[int]], dict[int, str], dict[str, dict[int, str]]]:
    """Documents (doc_id -> line numbers), sources by line, translations by system and line."""
    docs: dict[str, list[int]] = defaultdict(list)
    source: dict[int, str] = {}
    texts: dict[str, dict[int, str]] = defaultdict(dict)
    for row in read_tsv(DATA / "wmt22_ru-en.src_ref.tsv"):
        line = int(row["line_no"])
        docs[row["doc_id"]].append(line)
        source[line] = row["src"]
        texts[REFERENCE][line] = row["ref_A"]
    for row in read_tsv(DATA / "wmt22_ru-en.hyps.tsv"):
        texts[row["system"]][int(row["line_no"])] = row["hyp"]
    return dict(docs), source, dict(texts)


def load_human() -> dict[tuple[str, int], float]:
    """(system, line_no) -> DA z-score, joined by ``compare.qe.data.wmt22_da_scores``."""
    return wmt22_da_scores(DATA.parent)


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


def write_corpus(folder: Path, picked: list[str], docs: dict[str, list[int]],
                 source: dict[int, str], texts: dict[str, dict[int, str]]) -> Path:
    """One segment per line per file; files are rewritten only when their text changes."""
    rows = []
    for doc_id in picked:
        lines = docs[doc_id]
        src = folder / "source" / f"{doc_id}.ru.txt"
        _write_if_changed(src, "\n".join(source[n] for n in lines) + "\n")
        for system in sorted(texts):
            tgt = folder / system / f"{doc_id}.en.txt"
            _write_if_changed(tgt, "\n".join(texts[system][n] for n in lines) + "\n")
            rows.append({"id": f"{system}/{doc_id}", "outlet": outlet_of(doc_id),
                         "source_lang": "ru", "source_path": str(src.relative_to(folder)),
                         "target_path": str(tgt.relative_to(folder)), "tags": [system]})
    manifest = folder / "manifest.csv"
    write_manifest(manifest, rows)
    return manifest


def _write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def segment_flags(db_path: Path, docs: dict[str, list[int]], source: dict[int, str],
                  texts: dict[str, dict[int, str]]) -> dict[tuple[str, int], list[int]]:
    """(system, line_no) -> [serious flags, all flags] of every checked segment.

    A flag belongs to the line (segment) its span starts on, on its own side.
    """
    db = sqlite3.connect(db_path)
    ok = {r[0] for r in db.execute("SELECT id FROM documents WHERE status = 'ok'")}
    counts: dict[tuple[str, int], list[int]] = {}
    for doc in ok:
        system, doc_id = doc.split("/", 1)
        if doc_id not in docs:
            continue
        for n in docs[doc_id]:
            counts[(system, n)] = [0, 0]
    for doc, side, start, severity in db.execute(
        "SELECT doc_id, side, start, severity FROM flags"
    ):
        system, doc_id = doc.split("/", 1)
        if doc not in ok or doc_id not in docs:
            continue
        lines = docs[doc_id]
        side_text = source if side == "source" else texts[system]
        offset = 0
        owner = lines[-1]
        for n in lines:
            offset += len(side_text[n]) + 1
            if start < offset:
                owner = n
                break
        counts[(system, owner)][1] += 1
        if severity in SERIOUS:
            counts[(system, owner)][0] += 1
    db.close()
    return counts


def report(db_path: Path, picked: list[str], docs, source, texts, human) -> None:
    lines = {n for d in picked for n in docs[d]}
    per_system = {s.group: s for s in group_stats(load_documents(db_path), "tag", seed=0)}
    z_by_system: dict[str, list[float]] = defaultdict(list)
    for (system, n), z in human.items():
        if n in lines:
            z_by_system[system].append(z)
    print(f"\n{len(picked)} documents, {len(lines)} segments, "
          f"{len({outlet_of(d) for d in picked})} outlets.")
    print("\nSystem ranking (critical+major flags per 100 source sentences, 95 % CI, rank 1 = "
          "fewest; human = mean DA z-score, rank 1 = best):")
    print(f"{'system':18} {'docs':>4} {'flags/100':>22} {'rank':>4} {'human z':>8} {'rank':>4}"
          f" {'n':>5}")
    systems = sorted(per_system, key=lambda s: -_mean(z_by_system.get(s, [])))
    by_flags = sorted(per_system, key=lambda s: per_system[s].metrics["critical+major"].value)
    for s in systems:
        g = per_system[s]
        e = g.metrics["critical+major"]
        z = z_by_system.get(s, [])
        zs = f"{_mean(z):8.3f} {systems.index(s) + 1:4d}" if z else "       -    -"
        print(f"{s:18} {g.documents:4d} {e.value:8.2f} [{e.low:5.2f}, {e.high:5.2f}]"
              f" {by_flags.index(s) + 1:4d} {zs} {len(z):5d}")
    scored = [s for s in systems if z_by_system.get(s)]
    rate = [per_system[s].metrics["critical+major"].value for s in scored]
    mean_z = [_mean(z_by_system[s]) for s in scored]
    if len(scored) >= 3:
        tau = sps.kendalltau(rate, mean_z)
        r = sps.pearsonr(rate, mean_z)
        print(f"System level ({len(scored)} MT systems; agreement is negative): "
              f"Kendall tau = {tau.statistic:.3f} (p = {tau.pvalue:.3f}), "
              f"Pearson r = {r.statistic:.3f} (p = {r.pvalue:.3f})")
    counts = segment_flags(db_path, docs, source, texts)
    xs, alls, zs_ = [], [], []
    for key, (serious, total) in counts.items():
        if key in human:
            xs.append(serious)
            alls.append(total)
            zs_.append(human[key])
    if len(xs) >= 3:
        print(f"\nSegment level ({len(xs)} scored segments; agreement is negative):")
        for name, x in (("critical+major flags", xs), ("all flags", alls)):
            tau = sps.kendalltau(x, zs_)
            r = sps.pearsonr(x, zs_)
            flagged = [z for v, z in zip(x, zs_, strict=True) if v > 0]
            clean = [z for v, z in zip(x, zs_, strict=True) if v == 0]
            print(f"  {name:22}: Kendall tau-b = {tau.statistic:.3f} (p = {tau.pvalue:.2g}), "
                  f"Pearson r = {r.statistic:.3f}; mean z flagged {_mean(flagged):.3f} "
                  f"(n = {len(flagged)}) vs not flagged {_mean(clean):.3f} (n = {len(clean)})")
    by_outlet = group_stats(
        [d for d in load_documents(db_path) if d.groups["tag"] == [REFERENCE]], "outlet", seed=0)
    print(f"\nReference translation ({REFERENCE}) per outlet: critical+major flags per 100 "
          "source sentences [95 % CI]:")
    for g in by_outlet:
        e = g.metrics["critical+major"]
        print(f"  {g.group:22} {g.documents:3d} docs {g.sentences:4d} sentences  "
              f"{e.value:6.2f} [{e.low:6.2f}, {e.high:6.2f}]")


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit-docs", type=int, metavar="N",
                        help="only N documents, round-robin over outlets (default: all 227)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--folder", type=Path,
                        default=Path.home() / ".cache" / "compare" / "wmt22",
                        help="where the documents, manifest and results go")
    parser.add_argument("--embedding-cache", default=DEFAULT_EMBEDDING_CACHE)
    parser.add_argument("--no-run", action="store_true",
                        help="only print figures from the results already stored")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"{DATA} is not here.")
    docs, source, texts = load_data()
    human = load_human()
    picked = pick_documents(docs, args.limit_docs)
    manifest = write_corpus(args.folder, picked, docs, source, texts)
    out = args.folder / "results.sqlite"
    if not args.no_run:
        started = time.perf_counter()
        summary = run_corpus(manifest, out, RunSettings(embedding_cache=args.embedding_cache),
                             jobs=args.jobs)
        print(summary.line(), f"Wall time {time.perf_counter() - started:.0f} s.")
    # Only the documents of this manifest count (a larger earlier run may share the file).
    wanted = {f"{s}/{d}" for d in picked for s in texts}
    subset = args.folder / "results.subset.sqlite"
    _subset(out, subset, wanted)
    report(subset, picked, docs, source, texts, human)
    print(json.dumps({"documents": len(picked), "translators": len(texts)}))


def _subset(src: Path, dest: Path, wanted: set[str]) -> None:
    """Copy the results database keeping only the wanted documents."""
    dest.unlink(missing_ok=True)
    db = sqlite3.connect(src)
    db.execute("ATTACH ? AS sub", (str(dest),))
    db.execute("CREATE TEMP TABLE wanted (id TEXT PRIMARY KEY)")
    db.executemany("INSERT INTO wanted VALUES (?)", [(w,) for w in wanted])
    for table, column in (("documents", "id"), ("pairs", "doc_id"), ("flags", "doc_id")):
        db.execute(f"CREATE TABLE sub.{table} AS SELECT * FROM main.{table} "
                   f"WHERE {column} IN (SELECT id FROM wanted)")
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
