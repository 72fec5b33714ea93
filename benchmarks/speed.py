"""End-to-end speed of `check_texts` (no MT): a 40-sentence and a 2,000-sentence document.

    python benchmarks/speed.py [--shared ../shared] [--long 2000]

Documents come from the WMT22 ru-en test set (Russian segments and their professional
English reference, one paragraph per segment). "Warm" means the embedder is loaded and has
embedded once before the clock starts; no embedding cache is kept between documents, so
every sentence is embedded inside the timed run. A second run of the same document through
a `CachingEmbedder` shows what a re-check costs. Stage times come from the progress callback.

Targets (core library issue): 40 sentences < 2 s, 2,000 sentences < 30 s.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.embed import CachingEmbedder, default_embedder  # noqa: E402
from compare.pipeline import check_texts  # noqa: E402
from compare.reading import read_pasted  # noqa: E402


def load_segments(shared: Path) -> list[tuple[str, str]]:
    path = shared / "corpora" / "wmt22-ru-en" / "wmt22_ru-en.src_ref.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["src"], r["ref_A"]) for r in rows if r["src"].strip() and r["ref_A"].strip()]


def timed_run(src: str, tgt: str, embedder) -> tuple[float, dict[str, float], object]:
    stages: dict[str, float] = {}
    last = [None, time.perf_counter()]

    def progress(stage: str, message: str) -> None:
        now = time.perf_counter()
        if last[0] is not None:
            stages[last[0]] = stages.get(last[0], 0.0) + now - last[1]
        last[0], last[1] = stage, now

    start = time.perf_counter()
    report = check_texts(read_pasted(tgt), read_pasted(src), embedder=embedder, progress=progress)
    end = time.perf_counter()
    stages[last[0]] = stages.get(last[0], 0.0) + end - last[1]
    return end - start, stages, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared"
    )
    parser.add_argument("--long", type=int, default=2000, help="segments in the long document")
    args = parser.parse_args()
    segments = load_segments(args.shared)
    embedder = default_embedder()
    embedder.embed(["Разогрев.", "Warm-up."])  # load and touch the model before timing

    for n in (40, args.long):
        chosen = segments[:n]
        src = "\n".join(s for s, _ in chosen)
        tgt = "\n".join(t for _, t in chosen)
        seconds, stages, report = timed_run(src, tgt, embedder)
        n_src, n_tgt = len(report.source.sentences), len(report.target.sentences)
        detail = ", ".join(f"{k} {v:.2f}s" for k, v in stages.items())
        print(f"{n} segments ({n_src} ru / {n_tgt} en sentences): {seconds:.2f} s  [{detail}]")
        cached = CachingEmbedder(embedder)
        timed_run(src, tgt, cached)
        again, stages, _ = timed_run(src, tgt, cached)
        detail = ", ".join(f"{k} {v:.2f}s" for k, v in stages.items())
        print(f"    re-check with cached embeddings: {again:.2f} s  [{detail}]")


if __name__ == "__main__":
    main()
