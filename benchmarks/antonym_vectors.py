"""The antonym-vector check (compare/checks/antonym_vectors.py): recall on swapped words and false
alarms on faithful pairs, on dev (to choose its margin) or held out (to report).

    python benchmarks/antonym_vectors.py --split dev       # NTREX 1-700 ru/kk, MLQE-PE dev
    python benchmarks/antonym_vectors.py --split held-out  # NTREX 701-1000, WMT22 odd refs

dev: every faithful pair, and one synthetic antonym of each pair that has a word of the training
part of the opposite list (compare.qe.synthetic, seed 13); also one swap from the pairs added for
the check alone in session 7 (``compare.opposites.MORE_PAIRS``). For each margin of a sweep: the
share of faithful pairs flagged and of swapped pairs flagged, at the chosen sentence weight.

held-out: the held-out synthetic antonyms of ``benchmarks/qe_accuracy.py`` (NTREX 701-1000, seed
777, the held-out quarter of the opposite pairs; 13 a language) and the larger set of
``benchmarks/antonym_flags.py`` (one swap from the held-out quarter in every line that has a
word of it; 61 a language), and swaps of the added pairs (``MORE_PAIRS``) made as on dev, at
the shipped margin:
recall of the check, of the lexicon check (``antonym``) and of either, with two opposite
tables: the whole list (as shipped: the English words of the held-out quarter are listed, so
this measures the source-side decision) and the training part only (those words unlisted: what
the check does for an opposite pair nobody wrote down, through the other senses of the listed
words). False alarms on faithful professional pairs: NTREX 701-1000 ru/kk and WMT22 references
of odd documents, DEMETR's references. DEMETR's antonym rows (its authors' antonyms of any
word, not our list) give the least friendly recall. Rates come with n and a 95 % Wilson interval.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.antonym_flags import demetr, synthetic_antonyms  # noqa: E402
from benchmarks.name_flags import load_sets  # noqa: E402
from benchmarks.qe_accuracy import detokenise  # noqa: E402
from compare.checks.antonym_vectors import DEFAULTS, find_vector_reversals  # noqa: E402
from compare.embed import default_embedder  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.opposites import MORE_PAIRS  # noqa: E402
from compare.qe.data import (  # noqa: E402
    NTREX_DEV_LINES,
    NTREX_HELDOUT_LINES,
    ntrex_lines,
    read_mlqe,
    shared_dir,
    split_words,
    wmt22_documents,
)
from compare.qe.synthetic import ANTONYMS, _antonym, perturb, synthetic_set  # noqa: E402
from compare.reversals import find_reversals  # noqa: E402

TRAINING_PART = {word: (opposite,) for word, opposite in ANTONYMS.items()}
MORE_TABLE = {w: o for a, b in MORE_PAIRS for w, o in ((a, b), (b, a))}


def rate(hits: int, n: int) -> str:
    low, high = wilson(hits, n)
    return f"{hits / max(n, 1):.3f} [{low:.3f}, {high:.3f}] (n={n})"


def best_margins(pairs: list[tuple[str, str]], embedder, weight: float, table=None,
                 lang: str | None = None) -> np.ndarray:  # fmt: skip
    """Each pair's highest word + weight x sentence score (-inf where no candidate)."""
    found = find_vector_reversals(pairs, embedder, margin=-np.inf, weight=weight, table=table,
                                  lang=lang)  # fmt: skip
    return np.array([f.margin if f is not None else -np.inf for f in found])


def dev_sets() -> list[tuple[str, str, list[tuple[str, str]]]]:
    english = ntrex_lines("en", NTREX_DEV_LINES)
    sets = [(f"NTREX {lang} 1-700", lang, list(zip(ntrex_lines(lang, NTREX_DEV_LINES), english,
                                                    strict=True)))
            for lang in ("ru", "kk")]  # fmt: skip
    mlqe = [(detokenise(e.source_words), detokenise(e.target_words)) for e in read_mlqe("dev")]
    sets.append(("MLQE-PE dev", "ru", mlqe))
    return sets


def dev(embedder, weight: float) -> None:
    print(f"dev: sentence weight {weight}; share of pairs flagged at each margin")
    for name, lang, pairs in dev_sets():
        rng = random.Random(13)
        pool = [split_words(e) for _, e in pairs]
        swapped = []
        for (src, _), words in zip(pairs, pool, strict=True):
            example = perturb(split_words(src), words, "antonym", rng, pool, lang)
            if example is not None:
                swapped.append((src, detokenise(example.target_words)))
        rng = random.Random(13)
        more = []  # one swap from the session-7 list (MORE_PAIRS) where a line has its word
        for (src, _), words in zip(pairs, pool, strict=True):
            result = _antonym(words, rng, pool, MORE_TABLE)
            if result is not None:
                more.append((src, detokenise(result[0])))
        faithful = best_margins(pairs, embedder, weight, lang=lang)
        changed = best_margins(swapped, embedder, weight, lang=lang)
        changed_more = best_margins(more, embedder, weight, lang=lang)
        print(f"\n{name}: {len(pairs)} faithful pairs, {len(swapped)} with a swapped antonym, "
              f"{len(more)} with one of the added pairs")  # fmt: skip
        for margin in (0.03, 0.04, 0.05, 0.06, 0.07, 0.08):
            caught = int(np.sum(changed > margin))
            alarms = int(np.sum(faithful > margin))
            added = int(np.sum(changed_more > margin))
            print(f"  margin {margin:.2f}: recall {rate(caught, len(changed))}"
                  f"  false alarms {rate(alarms, len(faithful))}"
                  f"  added pairs' recall {rate(added, len(more))}")


def held_out(embedder, weight: float, margin: float) -> None:
    english = ntrex_lines("en", NTREX_HELDOUT_LINES)
    print(f"held out: margin {margin}, sentence weight {weight}")
    larger = {s.lang: s for s in load_sets(shared_dir().parent)
              if s.name.startswith("ntrex") and s.split == "held-out"}  # fmt: skip
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, NTREX_HELDOUT_LINES)
        words = [(split_words(s), split_words(e)) for s, e in zip(source, english, strict=True)]
        examples = synthetic_set(words, lang, 777, errors_per_pair=2, heldout=True)
        sets = {
            "qe_accuracy.py's set": [(detokenise(e.source_words), detokenise(e.target_words))
                                     for e in examples if e.kind == "antonym"],
            "antonym_flags.py's set": synthetic_antonyms(larger[lang], True, 0),
        }  # fmt: skip
        for name, swaps in sets.items():
            lexicon = [bool(find_reversals(s, e, lang)) for s, e in swaps]
            print(f"\nNTREX {lang}-en 701-1000, held-out synthetic antonyms, {name}:")
            print(f"  lexicon check (antonym):                 {rate(sum(lexicon), len(swaps))}")
            for label, table in (("whole list (shipped)", None),
                                 ("training part only", TRAINING_PART)):  # fmt: skip
                found = best_margins(swaps, embedder, weight, table, lang) > margin
                either = [a or b for a, b in zip(found, lexicon, strict=True)]
                print(f"  antonym-vector, {label:<24} {rate(int(found.sum()), len(swaps))}"
                      f"   either check {rate(sum(either), len(swaps))}")
        rng = random.Random(13)
        pool = [split_words(e) for e in english]
        added = []  # one swap from the session-7 list (MORE_PAIRS), as on dev
        for src, words in zip(source, pool, strict=True):
            result = _antonym(words, rng, pool, MORE_TABLE)
            if result is not None:
                added.append((src, detokenise(result[0])))
        lexicon = [bool(find_reversals(s, e, lang)) for s, e in added]
        found = best_margins(added, embedder, weight, lang=lang) > margin
        either = [a or b for a, b in zip(found, lexicon, strict=True)]
        print(f"\nNTREX {lang}-en 701-1000, swaps of the pairs added in session 7 (MORE_PAIRS):")
        print(f"  lexicon check (antonym):                 {rate(sum(lexicon), len(added))}")
        print(f"  antonym-vector                           {rate(int(found.sum()), len(added))}"
              f"   either check {rate(sum(either), len(added))}")
    rows = demetr(shared_dir().parent)
    lexicon = [bool(find_reversals(s, e, "ru")) for s, e in rows["antonym"]]
    found = best_margins(rows["antonym"], embedder, weight, lang="ru") > margin
    either = [a or b for a, b in zip(found, lexicon, strict=True)]
    print("\nDEMETR ru-en critical_id7_antonym (antonyms chosen by DEMETR's authors, any word):")
    print(f"  lexicon check (antonym):                 {rate(sum(lexicon), len(lexicon))}")
    print(f"  antonym-vector, whole list (shipped)     {rate(int(found.sum()), len(lexicon))}"
          f"   either check {rate(sum(either), len(lexicon))}")
    faithful = [(f"NTREX {lang}-en 701-1000", lang, list(zip(
                    ntrex_lines(lang, NTREX_HELDOUT_LINES), english, strict=True)))
                for lang in ("ru", "kk")]  # fmt: skip
    faithful.append(("WMT22 references, odd documents", "ru",
                     [seg for doc in wmt22_documents(1) for seg in doc]))
    faithful.append(("DEMETR references", "ru", rows["reference"]))
    print("\nFalse alarms on faithful professional pairs (share of pairs flagged):")
    for name, lang, pairs in faithful:
        flagged = best_margins(pairs, embedder, weight, lang=lang) > margin
        print(f"  {name:<34} {rate(int(flagged.sum()), len(pairs))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "held-out"), default="held-out")
    parser.add_argument("--weight", type=float, default=DEFAULTS["antonym_vector_weight"])
    parser.add_argument("--margin", type=float, default=DEFAULTS["antonym_vector_margin"])
    args = parser.parse_args(argv)
    embedder = default_embedder()
    print(f"embedder: {embedder.name}")
    if args.split == "dev":
        dev(embedder, args.weight)
    else:
        held_out(embedder, args.weight, args.margin)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
