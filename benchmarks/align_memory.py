"""Time and peak memory of sentence alignment at 1k, 5k, 20k and 50k sentences a side.

    python benchmarks/align_memory.py                 # search only, fake embedder, all sizes
    python benchmarks/align_memory.py --sizes 1000 5000 --real   # also real end-to-end

Why: a long pair must not exhaust memory or run for hours (issue 10, item 2). The search is
measured with a *fake* embedder (``TopicEmbedder``: a random unit vector per source line,
the English side the same vector plus noise; merged sentences get the sum of their lines),
so the figures isolate the aligner (banding, costs, DP, re-scoring) from the model. Each
document has one number in about half of its sentences, from a vocabulary as large as the
document (the case that made the old dense sentences x numbers table explode), and 1 % each
of English lines deleted, foreign lines inserted, neighbours merged and lines split.

Each size runs in a fresh process under an address-space cap (``--cap-gb``, default 6), so a
regression fails instead of taking the machine down; "peak" is that process's maximum resident
set size, "base" its size just before aligning (Python, numpy, the documents, no model).
"links right" is the share of source lines whose English counterpart is found.

``--real`` also runs ``compare.pipeline.check_texts`` end to end (default embedder, no MT,
no meaning model) on the first N segments of WMT22 ru-en (Russian source, professional
English), for each size up to the 2,016 segments that exist.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WMT22 = REPO.parent / "shared" / "corpora" / "wmt22-ru-en" / "wmt22_ru-en.src_ref.tsv"
_TOPIC = re.compile(r"#(\d+)")


class TopicEmbedder:
    """Random-but-correlated unit vectors: ``#k`` in a text means "translates source line k".

    Source lines get the topic vector plus a little noise, English ones the same topic vector
    plus other noise; a text naming several topics (a merge) gets their sum. 384 dimensions,
    like multilingual-e5-small, so vector memory is realistic.
    """

    name = "fake/topics-384"
    unrelated_cosine = 0.0

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        self._topics: dict[int, np.ndarray] = {}

    def _topic(self, k: int) -> np.ndarray:
        if k not in self._topics:
            self._topics[k] = np.random.default_rng(k).standard_normal(self.dim).astype(np.float32)
        return self._topics[k]

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            seed = sum(map(ord, text[:64])) * 7919 + len(text)
            noise = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            topics = [int(k) for k in _TOPIC.findall(text)]
            out[row] = sum((self._topic(k) for k in topics), np.zeros(self.dim, np.float32))
            out[row] += (0.7 if topics else 2.0) * noise
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def synthetic_pair(n: int, seed: int = 0):
    """Source and English documents of ``n`` lines a side with 1 % of each edit; gold links."""
    from compare.document import Document, Sentence, Span

    rng = random.Random(seed)
    numbers = [str(rng.randrange(10 * n)) if rng.random() < 0.5 else "" for _ in range(n)]
    source = [f"Предложение #{k} номер {numbers[k]}." for k in range(n)]
    english: list[tuple[str, int | None]] = []
    k = 0
    while k < n:
        roll = rng.random()
        if roll < 0.01:  # deleted
            k += 1
            continue
        if roll < 0.02:  # foreign line inserted
            english.append((f"Unrelated line {rng.random():.6f}.", None))
        if roll < 0.03 and k + 1 < n:  # merged with the next line
            english.append((f"Sentence #{k} number {numbers[k]}; and #{k + 1}.", k))
            k += 2
            continue
        if roll < 0.04:  # split in two
            english.append((f"Sentence #{k} first half.", k))
            english.append((f"Second half of #{k} number {numbers[k]}.", k))
        else:
            english.append((f"Sentence #{k} number {numbers[k]}.", k))
        k += 1

    def document(parts: list[str], lang: str) -> Document:
        text = " ".join(parts)
        sentences, pos = [], 0
        for index, part in enumerate(parts):
            sentences.append(Sentence(index, pos, pos + len(part), 0))
            pos += len(part) + 1
        return Document(text=text, lang=lang, paragraphs=[Span(0, len(text))], sentences=sentences)

    gold = [line for _, line in english]
    return document(source, "ru"), document([t for t, _ in english], "en"), gold


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def one_search(n: int) -> dict:
    """Align one synthetic pair in this process; time, memory and link accuracy."""
    from compare.align import align_sentences

    source, target, gold = synthetic_pair(n)
    embedder = TopicEmbedder()
    base = _rss_mb()
    start = time.perf_counter()
    pairs = align_sentences(source, target, embedder)
    seconds = time.perf_counter() - start
    found = {}
    for pair in pairs:
        for j in pair.target:
            for i in pair.source:
                found.setdefault(i, set()).add(j)
    right = sum(
        1 for j, line in enumerate(gold) if line is not None and j in found.get(line, set())
    )
    wanted = sum(1 for line in set(gold) if line is not None)
    return {
        "n": n, "m": len(target.sentences), "seconds": seconds, "base_mb": base,
        "peak_mb": _peak_mb(), "links_right": right / max(len([g for g in gold if g is not None]),
                                                           1), "lines": wanted,
    }


def one_real(n: int) -> dict:
    """``check_texts`` end to end on the first ``n`` WMT22 segments, default embedder."""
    import csv

    from compare.embed import default_embedder
    from compare.pipeline import check_texts
    from compare.reading import read_pasted

    with WMT22.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = [r for r in rows if r["src"].strip() and r["ref_A"].strip()][:n]
    embedder = default_embedder()
    embedder.embed(["Разогрев.", "Warm-up."])
    base = _rss_mb()
    start = time.perf_counter()
    report = check_texts(
        read_pasted("\n".join(r["ref_A"] for r in rows)),
        read_pasted("\n".join(r["src"] for r in rows)),
        embedder=embedder,
    )
    seconds = time.perf_counter() - start
    return {
        "n": len(report.source.sentences), "m": len(report.target.sentences),
        "segments": len(rows), "seconds": seconds, "base_mb": base, "peak_mb": _peak_mb(),
    }


def run_child(kind: str, n: int, cap_gb: float) -> dict | str:
    """One measurement in a fresh process under an address-space cap."""
    cap = int(cap_gb * 2**30)
    command = [sys.executable, __file__, "--child", kind, str(n)]

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    done = subprocess.run(command, capture_output=True, text=True, preexec_fn=limit)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return f"failed under a {cap_gb:g} GB cap: {last}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000, 50000])
    parser.add_argument("--real", action="store_true", help="also check_texts end to end")
    parser.add_argument("--cap-gb", type=float, default=6.0)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, n = args.child[0], int(args.child[1])
        print(json.dumps(one_search(n) if kind == "search" else one_real(n)))
        return
    print("search only (fake 384-d embedder; no model):")
    for n in args.sizes:
        got = run_child("search", n, args.cap_gb)
        if isinstance(got, str):
            print(f"  {n:>6,} a side: {got}")
            continue
        print(f"  {got['n']:>6,} x {got['m']:>6,} sentences: {got['seconds']:7.1f} s, "
              f"peak {got['peak_mb']:6.0f} MB (base {got['base_mb']:4.0f} MB), "
              f"links right {got['links_right']:.4f}")
    if args.real:
        print("check_texts end to end (default embedder, WMT22 ru-en, no MT, no meaning model):")
        for n in sorted({min(n, 2016) for n in args.sizes}):
            got = run_child("real", n, args.cap_gb)
            if isinstance(got, str):
                print(f"  {n:>6,} segments: {got}")
                continue
            print(f"  {got['segments']:>5,} segments ({got['n']:,} ru x {got['m']:,} en "
                  f"sentences): {got['seconds']:7.1f} s, peak {got['peak_mb']:6.0f} MB "
                  f"(base {got['base_mb']:4.0f} MB with the model)")


if __name__ == "__main__":
    main()
