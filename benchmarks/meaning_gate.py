"""Dev: a low meaning score as a finding only when the model is sure of one English word.

    python benchmarks/meaning_gate.py [--shared DIR] [--cuts 0.9,0.95,0.97] [--qe-model DIR]

The ``meaning-shift`` check flags a pair that the meaning model scores under its calibrated
``major`` cut. Since session 17 such a pair keeps the major (or critical) severity only when the
model gives one of its English words a BAD probability of ``qe_major_word_bad`` (0.95) or more;
otherwise the flag is a minor hint (:mod:`compare.checks.meaning`). This prints, for the gate
off and at each cut, the share of pairs that keep a major+ meaning flag after the severity
decision of :mod:`compare.risk`:

- on faithful dev translations: the professional dev sets of ``trust.py --split dev`` (WMT22
  references of even documents, NTREX 1-700 ru and kk with the lines the model never trained
  on, 631-700, apart; Tatoeba kk-en; the MQM TED dev talk's human translation) and the human
  post-edits of MLQE-PE ru-en ``dev`` (Reddit and Wikiquote; no rule was written from them
  before session 17; detokenised, contractions joined: "don 't" -> "don't");
- on synthetic errors made from NTREX lines 631-700 (seed 77, two a line), per kind.

Every pair is scored once with the gate off (``score_lines``); each cut is then applied to the
scored flags as the check applies it (the probabilities are those of ``pairs[].qe``, rounded to
three decimals). Dev only: no held-out row is read.
"""

from __future__ import annotations

import argparse
import copy
import csv
import dataclasses
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.trust import after_decision, professional_sets  # noqa: E402
from compare.detokenise import join_contractions  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.qe.data import shared_dir, split_words  # noqa: E402
from compare.qe.synthetic import synthetic_set  # noqa: E402
from compare.risk import RISK_MODEL_FILE, RiskModel  # noqa: E402
from compare.risk_fit import ScoredPair, detokenise, score_lines  # noqa: E402
from compare.splits import NTREX_CALIBRATION_LINES, ntrex_lines  # noqa: E402


def post_edits(shared: Path) -> list[tuple[str, str]]:
    """MLQE-PE ru-en dev: (source, human post-edit), the post-edit detokenised."""
    path = shared / "mlqe-pe-ru-en" / "dev.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["src"], join_contractions(detokenise(r["pe"].split()))) for r in rows]


def gated(pair: ScoredPair, cut: float | None) -> ScoredPair:
    """The pair with its low-score meaning-shift flags minor unless a word reaches ``cut``."""
    if cut is None:
        return pair
    sure = any(s["p"] >= cut for s in (pair.qe or {}).get("target_bad", []))
    flags = []
    for flag in pair.flags:
        if (flag.check == "meaning-shift" and "passage_words" not in flag.evidence
                and flag.severity in ("major", "critical") and not sure):  # fmt: skip
            flag = copy.copy(flag)
            flag.severity = "minor"
            flag.evidence = {**flag.evidence, "sure_word": False}
        flags.append(flag)
    return dataclasses.replace(pair, flags=flags)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None)
    parser.add_argument("--cuts", default="0.9,0.95,0.97")
    parser.add_argument("--qe-model", default=None, help="a meaning model's folder (default: "
                        "the shipped one)")
    args = parser.parse_args(argv)
    from compare.embed import default_embedder
    from compare.qe.predict import QEModel

    shared = shared_dir(args.shared)
    qe, embedder = QEModel.load(args.qe_model), default_embedder()
    model = RiskModel.load(RISK_MODEL_FILE)
    off = {"qe_major_word_bad": None}
    faithful: dict[str, list[ScoredPair]] = {}
    for name, lang, pairs, texts, _ in professional_sets(shared, "dev"):
        faithful[name] = score_lines(pairs, lang, qe, embedder, texts, off)
    faithful["MLQE-PE ru-en dev, human post-edits"] = score_lines(
        post_edits(shared), "ru", qe, embedder, settings=off)
    english = ntrex_lines("en", NTREX_CALIBRATION_LINES, shared)
    errors = {}
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, NTREX_CALIBRATION_LINES, shared)
        pairs = [(split_words(s), split_words(e)) for s, e in zip(source, english, strict=True)]
        made = [x for x in synthetic_set(pairs, lang, 77, errors_per_pair=2) if x.kind != "clean"]
        lines = [(detokenise(x.source_words), detokenise(x.target_words)) for x in made]
        errors[lang] = (made, score_lines(lines, lang, qe, embedder, settings=off))
    unseen = NTREX_CALIBRATION_LINES.start
    for cut in (None, *(float(c) for c in args.cuts.split(","))):
        print(f"\nsure-word cut {cut if cut is not None else 'off'}: pairs with a major+ meaning "
              "flag after the decision")  # fmt: skip
        for name, scored in faithful.items():
            kept = [after_decision(gated(p, cut), model)[1] for p in scored]
            low, high = wilson(sum(kept), len(kept))
            line = f"  {name:<58} {sum(kept):4d} of {len(kept):4d} {sum(kept) / len(kept):6.3f} "
            line += f"[{low:.3f}, {high:.3f}]"
            if name.startswith("NTREX"):
                line += f"; lines {unseen + 1}-700: {sum(kept[unseen:])} of {len(kept[unseen:])}"
            print(line)
        for lang, (made, scored) in errors.items():
            n, hit = Counter(x.kind for x in made), Counter()
            for example, pair in zip(made, scored, strict=True):
                hit[example.kind] += after_decision(gated(pair, cut), model)[1]
            kinds = "  ".join(f"{k} {hit[k]}/{n[k]}" for k in sorted(n))
            total = sum(hit.values()) / sum(n.values())
            print(f"  synthetic errors {lang}, NTREX {unseen + 1}-700: {total:.3f} of "
                  f"{sum(n.values())}; {kinds}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
