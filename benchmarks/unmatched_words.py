"""The omitted-passage check's word-alignment route: which depth, softness and run to flag.

    python benchmarks/unmatched_words.py                   # dev: grid, confirmation (~15 min)
    python benchmarks/unmatched_words.py --split heldout   # held out: the shipped settings only

Each pair's two sides get contextual word vectors from the first ``depth`` blocks of
multilingual-e5-small (:mod:`compare.e5_words`); a source word that no English word aligns with
(:func:`compare.word_alignment.unmatched`, softmax temperature ``t``) is unmatched, and a pair is
flagged when its longest run of unmatched source words has ``run`` words or more and its
English/source length ratio is under ``ratio`` of the language's usual one
(:data:`compare.checks.omitted_passage.TYPICAL_RATIO`). The check itself reads the document's
own median ratio where it has eight pairs or more.

Dev, the grid: synthetic omissions (``compare.qe.synthetic``, kind ``omission``) of NTREX lines
631-700 (seeds 77-79, ru and kk), and the faithful dev pairs of ``omitted_passage.py`` (the
professional dev sets of ``trust.py --split dev`` and the MLQE-PE ru-en dev post-edits).
Dev, the confirmation of the chosen setting on omissions the grid never saw: NTREX lines 1-630
(seed 77, ru and kk; professional lines the meaning model trained on, which this route does not
use) and the WMT22 references of even documents (seed 77). Held out: omissions of NTREX lines
701-1000 (seed 777, as ``trust.py``) and the professional held-out sets of ``trust.py``.

The figures are the route alone: what the rest of the pipeline already keeps is in
``meaning_gate.py`` (dev) and ``trust.py`` (held out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.omitted_passage import omissions, post_edits  # noqa: E402
from benchmarks.trust import professional_sets  # noqa: E402
from compare.checks import omitted_passage as op  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.qe.data import shared_dir, split_words  # noqa: E402
from compare.qe.synthetic import synthetic_set  # noqa: E402
from compare.risk_fit import detokenise  # noqa: E402
from compare.splits import NTREX_CALIBRATION_LINES, NTREX_HELDOUT_LINES  # noqa: E402
from compare.word_alignment import longest_run, unmatched  # noqa: E402

GRID_SEEDS = (77, 78, 79)
CONFIRM_LINES = range(0, NTREX_CALIBRATION_LINES.start)
DEPTHS = (4, 6, 8, 10)
TEMPERATURES = (0.02, 0.03)
RUNS = (4, 5, 6)
RATIOS = (0.9, 1.0, None)
_LETTER = regex.compile(r"\p{L}")


def wmt22_omissions(shared: Path) -> list[tuple[str, str]]:
    """Omissions made from the WMT22 references of even documents (seed 77)."""
    name, lang, pairs, _, _ = professional_sets(shared, "dev")[0]
    assert name.startswith("WMT22") and lang == "ru"
    split = [(split_words(s), split_words(e)) for s, e in pairs]
    made = [x for x in synthetic_set(split, "ru", 77, kinds=["omission"]) if x.kind == "omission"]
    return [(detokenise(x.source_words), detokenise(x.target_words)) for x in made]


def runs(pairs: list[tuple[str, str]], encoder, depth: int, temperatures) -> list[dict]:
    """For each pair: its length ratio (before the language's usual one is applied) and, per
    temperature, the longest run of unmatched source words."""
    from compare.e5_words import word_vectors

    out = []
    for start in range(0, len(pairs), 256):
        chunk = pairs[start : start + 256]
        vectors = word_vectors(encoder, [text for pair in chunk for text in pair], depth)
        for k, (source, english) in enumerate(chunk):
            src, eng = vectors[2 * k], vectors[2 * k + 1]
            rows = [i for i, s in enumerate(src.spans) if _LETTER.search(source, *s)]
            cols = [j for j, s in enumerate(eng.spans) if _LETTER.search(english, *s)]
            row = {"ratio": len(english) / max(len(source), 1)}
            for t in temperatures:
                first, end = longest_run(unmatched(src.vectors[rows], eng.vectors[cols], t))
                row[t] = end - first
            out.append(row)
    return out


def flagged(rows: list[dict], lang: str, t: float, run: int, ratio: float | None) -> int:
    usual = op.TYPICAL_RATIO[lang]
    return sum(r[t] >= run and (ratio is None or r["ratio"] / usual < ratio) for r in rows)


def report(title: str, errors: dict, faithful: dict, t: float, run: int, ratio) -> None:
    tp = sum(flagged(rows, lang, t, run, ratio) for lang, rows in errors.values())
    n = sum(len(rows) for _, rows in errors.values())
    fp = sum(flagged(rows, lang, t, run, ratio) for lang, rows in faithful.values())
    n_ok = sum(len(rows) for _, rows in faithful.values())
    low, high = wilson(tp, n)
    parts = [f"{k}: {flagged(rows, lang, t, run, ratio)}/{len(rows)}"
             for k, (lang, rows) in {**errors, **faithful}.items()]  # fmt: skip
    print(f"  {title}: omissions caught {tp} of {n} ({tp / max(n, 1):.3f} [{low:.3f}, "
          f"{high:.3f}]); faithful pairs flagged {fp} of {n_ok}")
    print("    " + "; ".join(parts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None)
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    args = parser.parse_args(argv)
    from compare.e5_words import WORD_DEPTH, word_encoder
    from compare.embed import default_embedder
    from compare.word_alignment import TEMPERATURE

    shared = shared_dir(args.shared)
    encoder = word_encoder(default_embedder())
    if encoder is None:
        print("the word-alignment route needs PyTorch (the e5 encoder); not measured")
        return 1
    held = args.split == "heldout"
    shipped = (WORD_DEPTH, TEMPERATURE, op.DEFAULTS["omitted_passage_unmatched"],
               op.DEFAULTS["omitted_passage_alignment_ratio"])
    sets = {}
    for lang in ("ru", "kk"):
        lines, seeds = (NTREX_HELDOUT_LINES, (777,)) if held else (NTREX_CALIBRATION_LINES,
                                                                   GRID_SEEDS)  # fmt: skip
        sets[f"omissions {lang}"] = ("error", lang, omissions(shared, lang, lines, seeds))
    for name, lang, pairs, _, _ in professional_sets(shared, args.split):
        sets[name] = ("faithful", lang, pairs)
    if not held:
        sets["MLQE-PE ru-en dev post-edits"] = ("faithful", "ru", post_edits(shared))
        for lang in ("ru", "kk"):
            sets[f"confirm: omissions {lang} NTREX 1-630"] = (
                "confirm", lang, omissions(shared, lang, CONFIRM_LINES, (77,)))
        sets["confirm: omissions WMT22 even references"] = ("confirm", "ru",
                                                             wmt22_omissions(shared))
    print(f"{args.split}: " + ", ".join(f"{k} n={len(p)}" for k, (_, _, p) in sets.items()))
    depths = (WORD_DEPTH,) if held else DEPTHS
    temperatures = (TEMPERATURE,) if held else TEMPERATURES
    for depth in depths:
        scored = {k: (role, lang, runs(pairs, encoder, depth, temperatures))
                  for k, (role, lang, pairs) in sets.items()
                  if role != "confirm" or depth == WORD_DEPTH}  # fmt: skip
        errors = {k: (lang, rows) for k, (role, lang, rows) in scored.items() if role == "error"}
        faithful = {k: (lang, rows) for k, (role, lang, rows) in scored.items()
                    if role == "faithful"}  # fmt: skip
        print(f"\ndepth {depth}")
        grid = [(shipped[1], shipped[2], shipped[3])] if held else [
            (t, run, ratio) for t in temperatures for run in RUNS for ratio in RATIOS]
        for t, run, ratio in grid:
            mark = " (shipped)" if (depth, t, run, ratio) == shipped else ""
            report(f"t {t}, run >= {run}, ratio < {ratio}{mark}", errors, faithful, t, run,
                   ratio)
        if depth == WORD_DEPTH and not held:
            confirm = {k: (lang, rows) for k, (role, lang, rows) in scored.items()
                       if role == "confirm"}  # fmt: skip
            report("confirmation, shipped setting", confirm, faithful, *shipped[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
