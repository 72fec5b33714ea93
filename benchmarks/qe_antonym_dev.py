"""Does the meaning model catch antonyms it never trained on? Measured on the dev split only.

    python benchmarks/qe_antonym_dev.py [--model DIR]

Each English word of the held-out quarter of the antonym pairs (``compare.qe.synthetic``'s
``HELDOUT_ANTONYMS``, never trained on) is swapped for its opposite, one swapped pair per such
word, in text no model trains on: the calibration lines of ``compare.qe.train`` (NTREX lines
631-700 ru-en and kk-en, and every fifth even-position WMT22 document) and the human post-edits
of MLQE-PE ``dev`` (Reddit and WikiQuote; the split that selects and calibrates the model; a
post-edit is a corrected, faithful translation). For each set this prints the share of swaps
that the model scores below their unswapped pair (0.5 is chance: its sensitivity, free of any
threshold), the share that ``meaning-shift`` flags (the model alone), that any check flags
major or critical (rules + model, as ``qe_accuracy.py`` counts them) and that the rules flag
alone, and the same rates on the unswapped pairs (false alarms). It is how a training change
aimed at antonyms is judged before any held-out figure is run; the held-out figure is
``qe_accuracy.py``'s (the same quarter of pairs, NTREX lines 701-1000).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.qe_accuracy import detokenise, pair_flags, rate_line  # noqa: E402
from compare.qe.data import ntrex_lines, shared_dir, split_words, wmt22_documents  # noqa: E402
from compare.qe.predict import QEModel  # noqa: E402
from compare.qe.synthetic import HELDOUT_ANTONYMS  # noqa: E402
from compare.splits import NTREX_CALIBRATION_LINES, WMT22_CALIBRATION_EVERY  # noqa: E402


def dev_sets() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(name, source language, (source, English) pairs) of the calibration split."""
    lines = NTREX_CALIBRATION_LINES  # 631-700
    english = ntrex_lines("en", lines)
    sets = [(f"NTREX {lang}-en lines {lines.start + 1}-{lines.stop}", lang,
             list(zip(ntrex_lines(lang, lines), english, strict=True))) for lang in ("ru", "kk")]
    wmt = [seg for position, doc in enumerate(wmt22_documents(0))
           if position % WMT22_CALIBRATION_EVERY == 0
           for seg in doc]  # fmt: skip
    return [*sets, ("WMT22 every fifth even document", "ru", wmt),
            ("MLQE-PE dev post-edits", "ru", mlqe_postedits("dev"))]


def mlqe_postedits(split: str) -> list[tuple[str, str]]:
    """(source, human post-edit) rows of an MLQE-PE split."""
    path = shared_dir(None) / "mlqe-pe-ru-en" / f"{split}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row["src"], row["pe"]) for row in rows]


def swaps(pairs: list[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """(index of the pair, source, English) for each held-out antonym word in a pair's English,
    that word replaced by its opposite."""
    out = []
    for index, (source, english) in enumerate(pairs):
        words = split_words(english)
        for i, word in enumerate(words):
            opposite = HELDOUT_ANTONYMS.get(word.lower())
            if opposite is None:
                continue
            swapped = list(words)
            swapped[i] = opposite[:1].upper() + opposite[1:] if word[:1].isupper() else opposite
            out.append((index, source, detokenise(swapped)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    args = parser.parse_args(argv)
    model = QEModel.load(args.model)
    print(f"model {model.name}; dev split only")
    totals = [0, 0, 0, 0]
    for name, lang, pairs in dev_sets():
        made = swaps(pairs)
        scores, rules, with_model, shifted = pair_flags([(s, e) for _, s, e in made], lang, model)
        clean_scores, _, clean_with_model, clean_shifted = pair_flags(pairs, lang, model)
        n = len(made)
        lower = sum(score < clean_scores[i] for score, (i, _, _) in zip(scores, made, strict=True))
        print(f"\n{name}")
        print(rate_line("  antonym swaps scored below their original", lower, n))
        print(rate_line("  antonym swaps: meaning-shift (model)", sum(shifted), n))
        print(rate_line("  antonym swaps: major+ flag, rules + model",
                        sum(r >= 2 for r in with_model), n))  # fmt: skip
        print(rate_line("  antonym swaps: major+ flag, rules alone", sum(r >= 2 for r in rules), n))
        print(rate_line("  unswapped: meaning-shift", sum(clean_shifted), len(pairs)))
        print(rate_line("  unswapped: major+ flag, rules + model",
                        sum(r >= 2 for r in clean_with_model), len(pairs)))  # fmt: skip
        totals[0] += sum(shifted)
        totals[1] += sum(r >= 2 for r in with_model)
        totals[2] += n
        totals[3] += lower
    print("\nAll four sets")
    print(rate_line("  antonym swaps scored below their original", totals[3], totals[2]))
    print(rate_line("  antonym swaps: meaning-shift (model)", totals[0], totals[2]))
    print(rate_line("  antonym swaps: major+ flag, rules + model", totals[1], totals[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
