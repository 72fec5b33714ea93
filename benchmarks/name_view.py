"""Does the meaning model tell a lost or changed name from a name rendered another way? Dev only.

    python benchmarks/name_view.py [--qe-model DIR] [--shared DIR] [--post-edits] [--json FILE]
    python benchmarks/name_view.py --grid [--cache FILE]   # the decision's cuts, dev

The view (like the negation view, ``compare/qe/negation_view.py``): each name flag's pair is
scored as it is and with the flagged name edited out (``compare.without_name.without_spans``);
the *gain* is the edited pair's z minus the pair's own. Variants: ``flagged`` (the flagged span
only), ``both`` (also every name flag of the other side of the same pair: the swapped-in
candidate), each with and without dropping a preposition before the name (``+prep``),
``both+unclaimed`` (where the other side has no name flag, its capitalised words that nothing
renders: the candidate the check itself pairs a name with), and ``english`` (the English
without its own flagged names, asked only where the English has one: the view that
``compare/qe/name_view.py`` builds). For comparison, the pair's own z (negated) as the score.
``--post-edits`` adds the MLQE-PE ru-en dev post-edits' name flags to the negatives.

Positives (name errors): the meaning model's synthetic dev name errors as ``compare.risk_fit``
builds them (NTREX lines 631-700 ru and kk, WMT22 calibration references), and DEMETR's
named-entity perturbations (removed, replaced) of its dev ids; a flag counts when the clean
pair has no flag of that side and text. Negatives: every name flag, any severity, on the
professional dev translations (``benchmarks/trust.py`` ``professional_sets(shared, "dev")``:
NTREX ru and kk 1-700, WMT22 even documents, MQM TED dev talk, Tatoeba kk-en), less the pairs
hand-labelled ``genuine`` (``benchmarks/labels/professional_flags.csv``).
Printed: ROC AUC of the gain (95 % bootstrap over pairs), the shares above a few cuts, the
same on the flags the check made major, and whether the gain adds anything to the pair's own z
(5-fold cross-validated AUC of a logistic on z alone and on z with the gain).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.meaning_gate import post_edits as pe_pairs  # noqa: E402
from benchmarks.trust import professional_sets, read_labels  # noqa: E402
from compare.checks import CheckContext, run_checks  # noqa: E402
from compare.checks.names import NameMismatch  # noqa: E402
from compare.glossary import builtin_glossary  # noqa: E402
from compare.name_candidates import word_spans  # noqa: E402
from compare.qe.data import shared_dir  # noqa: E402
from compare.qe.encoding import words_with_spans  # noqa: E402
from compare.risk_fit import dev_sets, line_documents  # noqa: E402
from compare.splits import demetr_rows  # noqa: E402
from compare.without_name import without_spans  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels" / "professional_flags.csv"
VARIANTS = ("flagged", "flagged+prep", "both", "both+prep", "both+unclaimed", "english")
CUTS = (-0.2, 0.0, 0.1, 0.2, 0.3, 0.5)


@dataclass
class NameFlag:
    """One name flag, in its pair's own offsets."""

    source: str
    english: str
    lang: str
    side: str
    span: tuple[int, int]
    other: list[tuple[int, int]]  # the other side's name flags of the same pair
    unclaimed: list[tuple[int, int]]  # else the other side's names that nothing renders
    severity: str
    group: str  # the pair, for the bootstrap
    origin: str


def name_flags(pairs: Sequence[tuple[str, str]], lang: str,
               texts: Sequence[Hashable] | None = None) -> list[list[tuple[str, int, int, str]]]:
    """Per pair: (side, start, end, severity) of each name flag, in the pair's own offsets."""
    source, target, links = line_documents(pairs, lang, texts)
    ctx = CheckContext(target, source, links)
    out: list[list[tuple[str, int, int, str]]] = [[] for _ in pairs]
    starts = {"source": [s.start for s in source.sentences],
              "target": [s.start for s in target.sentences]}  # fmt: skip
    for flag in run_checks(ctx, [NameMismatch()]):
        if flag.dismissed or flag.end <= flag.start:
            continue
        i = int(np.searchsorted(starts[flag.side], flag.start, side="right")) - 1
        base = starts[flag.side][i]
        out[i].append((flag.side, flag.start - base, flag.end - base, flag.severity))
    return out


def unclaimed(source: str, english: str, side: str) -> list[tuple[int, int]]:
    """The other side's capitalised words that nothing on the flagged side renders: the names
    the check itself would pair with the flagged one (``_unpair_variants``)."""
    check = NameMismatch()
    check._glossary = builtin_glossary()
    if side == "source":
        sents = [SimpleNamespace(start=0, end=len(english))]
        words = check._unclaimed_english(english, sents, word_spans(source, 0, len(source)))
    else:
        sents = [SimpleNamespace(start=0, end=len(source))]
        words = check._unclaimed_source(source, sents, word_spans(english, 0, len(english), True))
    return [(a, b) for a, b, _ in words]


def to_flags(pairs: Sequence[tuple[str, str]], found: Sequence[Sequence[tuple]], lang: str,
             origin: str, ids: Sequence[str], keep: Sequence[Sequence[bool]] | None = None
             ) -> list[NameFlag]:  # fmt: skip
    out = []
    for k, ((source, english), flags) in enumerate(zip(pairs, found, strict=True)):
        for j, (side, start, end, severity) in enumerate(flags):
            if keep is not None and not keep[k][j]:
                continue
            other = [(a, b) for s, a, b, _ in flags if s != side]
            out.append(NameFlag(source, english, lang, side, (start, end), other,
                                other or unclaimed(source, english, side), severity, ids[k],
                                origin))  # fmt: skip
    return out


def negatives(shared: str | None, post_edits: bool = False) -> list[NameFlag]:
    labels = read_labels(LABELS)
    out = []
    sets = professional_sets(shared, "dev")
    if post_edits:
        # MLQE-PE ru-en dev human post-edits, as benchmarks/meaning_gate.py reads them: no
        # hand labels, so every flag counts as a false alarm.
        edits = pe_pairs(shared_dir(shared))
        sets.append(("MLQE-PE dev post-edits", "ru", edits, list(range(len(edits))),
                     [f"mlqe-pe-dev:{k}" for k in range(len(edits))]))
    for name, lang, pairs, texts, ids in sets:
        found = name_flags(pairs, lang, texts)
        keep = [[labels.get(row) != "genuine"] * len(flags)
                for row, flags in zip(ids, found, strict=True)]  # fmt: skip
        out += to_flags(pairs, found, lang, name, ids, keep)
    return out


def new_flags(perturbed: Sequence[tuple[str, str]], clean: Sequence[tuple[str, str]],
              lang: str, origin: str, ids: Sequence[str]) -> list[NameFlag]:
    """Name flags of each perturbed pair that its clean pair lacks (same side and text)."""
    found = name_flags(perturbed, lang)
    before = name_flags(clean, lang)
    keep = []
    for (source, english), (c_source, c_english), flags, old in zip(perturbed, clean, found,
                                                                     before, strict=True):
        seen = {(s, (c_source if s == "source" else c_english)[a:b]) for s, a, b, _ in old}
        keep.append([(s, (source if s == "source" else english)[a:b]) not in seen
                     for s, a, b, _ in flags])  # fmt: skip
    return to_flags(perturbed, found, lang, origin, ids, keep)


def positives(shared: str | None) -> list[NameFlag]:
    out = []
    for origin, items in dev_sets(shared).items():
        if origin not in ("ntrex-ru", "ntrex-kk", "wmt22"):
            continue
        clean = {(s, lang): t for s, t, lang, _, kind in items if kind == "clean"}
        named = [(s, t, lang) for s, t, lang, _, kind in items
                 if kind == "name" and (s, lang) in clean]  # fmt: skip
        lang = named[0][2]
        out += new_flags([(s, t) for s, t, _ in named], [(s, clean[s, g]) for s, _, g in named],
                         lang, f"synthetic {origin}", [f"{origin}:{k}" for k in range(len(named))])
    rows = demetr_rows("dev", shared)
    base = {r["id"]: r["pert_sent"] for r in rows if r["pert_name"] == "base_id35_reference"}
    ne = [r for r in rows if r["pert_check"] and r["pert_name"] in
          ("critical_id9_ne_replaced", "critical_id25_ne_removed")]  # fmt: skip
    out += new_flags([(r["src_sent"], r["pert_sent"]) for r in ne],
                     [(r["src_sent"], base[r["id"]]) for r in ne], "ru", "DEMETR dev",
                     [f"demetr:{r['id']}:{r['pert_name']}" for r in ne])
    return out


def edited(flag: NameFlag, variant: str) -> tuple[str, str] | None:
    if variant == "english":
        # The English without its own flagged names, asked only of pairs that have one: the
        # view that compare/qe/name_view.py builds (session 18).
        spans = [flag.span] if flag.side == "target" else flag.other
        new = without_spans(flag.english, spans, "en") if spans else None
        return None if new is None else (flag.source, new)
    prep = variant.endswith("+prep")
    own = flag.source if flag.side == "source" else flag.english
    other = flag.english if flag.side == "source" else flag.source
    own_lang = flag.lang if flag.side == "source" else "en"
    other_lang = "en" if flag.side == "source" else flag.lang
    new_own = without_spans(own, [flag.span], own_lang, prep)
    if new_own is None:
        return None
    new_other = other
    spans = flag.unclaimed if variant.endswith("unclaimed") else flag.other
    if variant.startswith("both") and spans:
        new_other = without_spans(other, spans, other_lang, prep) or other
    return (new_own, new_other) if flag.side == "source" else (new_other, new_own)


def _words(text: str) -> list[str]:
    return [w for w, _, _ in words_with_spans(text)]


def gains(model, flags: Sequence[NameFlag]) -> dict[str, list[float | None]]:
    """Per variant, per flag: z of the edited pair minus z of the pair as it is."""
    texts: dict[tuple[str, str], int] = {}

    def slot(pair: tuple[str, str]) -> int:
        return texts.setdefault(pair, len(texts))

    base = [slot((f.source, f.english)) for f in flags]
    wanted = {v: [None if (e := edited(f, v)) is None else slot(e) for f in flags]
              for v in VARIANTS}  # fmt: skip
    order = list(texts)
    scores = model.predict([(_words(s), _words(t)) for s, t in order])
    z = [float(s.z) for s in scores]
    out = {v: [None if k is None else z[k] - z[b] for k, b in zip(ks, base, strict=True)]
           for v, ks in wanted.items()}  # fmt: skip
    # For comparison: the pair's own z, negated (a low z reads as an error), which the risk
    # combiner already has (qe_low).
    out["own z, negated"] = [-z[b] for b in base]
    return out


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """P(a positive's gain > a negative's), ties half."""
    if not len(pos) or not len(neg):
        return float("nan")
    both = np.concatenate([pos, neg])
    ranks = np.argsort(np.argsort(both, kind="mergesort"), kind="mergesort").astype(float) + 1
    # mid-ranks for ties
    for value in np.unique(both):
        tied = both == value
        if tied.sum() > 1:
            ranks[tied] = ranks[tied].mean()
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def bootstrap_auc(pos: np.ndarray, pos_groups: Sequence[str], neg: np.ndarray,
                  neg_groups: Sequence[str], reps: int = 2000, seed: int = 7
                  ) -> tuple[float, float]:  # fmt: skip
    """95 % interval, resampling pairs (a pair's flags together) within each class."""
    rng = np.random.default_rng(seed)

    def by_group(values: np.ndarray, groups: Sequence[str]) -> list[np.ndarray]:
        index: dict[str, list[int]] = defaultdict(list)
        for i, g in enumerate(groups):
            index[g].append(i)
        return [values[ix] for ix in index.values()]

    p, n = by_group(pos, pos_groups), by_group(neg, neg_groups)
    out = []
    for _ in range(reps):
        ps = np.concatenate([p[i] for i in rng.integers(0, len(p), len(p))])
        ns = np.concatenate([n[i] for i in rng.integers(0, len(n), len(n))])
        out.append(auc(ps, ns))
    low, high = np.percentile(out, [2.5, 97.5])
    return float(low), float(high)


def adds_to_z(g_pos: dict[str, list], g_neg: dict[str, list], variant: str, reps: int = 20,
              seed: int = 3) -> dict[str, float]:  # fmt: skip
    """Mean 5-fold cross-validated AUC (``reps`` shuffles) of a logistic on the pair's own z,
    and on z with ``variant``'s gain: does the view tell the combiner anything new?"""
    from compare.risk_fit import fit_logistic

    rows = [(-z, g, label) for values, label in ((g_pos, 1), (g_neg, 0))
            for z, g in zip(values["own z, negated"], values[variant], strict=True)
            if g is not None]  # fmt: skip
    y = np.array([label for *_, label in rows])
    inputs = {"z": np.array([[z] for z, _, _ in rows]),
              "z+gain": np.array([[z, g] for z, g, _ in rows])}  # fmt: skip
    rng = np.random.default_rng(seed)
    out = {}
    for name, x in inputs.items():
        values = []
        for _ in range(reps):
            order = rng.permutation(len(y))
            score = np.zeros(len(y))
            for fold in np.array_split(order, 5):
                train = np.setdiff1d(order, fold)
                # each class weighs the same: 133 positives against 46 negatives
                w = np.where(y[train] == 1, 0.5 / y[train].sum(), 0.5 / (1 - y[train]).sum())
                coef, bias = fit_logistic(x[train], y[train].astype(float), w * len(train), 0.01)
                score[fold] = x[fold] @ coef + bias
            values.append(auc(score[y == 1], score[y == 0]))
        out[name] = round(float(np.mean(values)), 4)
    print(f"\ncross-validated AUC, pair's own z: {out['z']:.3f}; with the {variant} gain: "
          f"{out['z+gain']:.3f}")
    return out


def threshold_grid(shared: str | None, qe_model: str | None, cache: str | None,
                   cuts: Sequence[tuple[float, float]] = ((0.317, 0.317), (0.1, 0.317),
                                                          (0.1, 0.5), (0.0, 0.5), (0.1, 0.8),
                                                          (0.2, 0.5), (0.317, 0.5)),
                   ) -> dict[str, dict]:  # fmt: skip
    """The severity decision's thresholds for viewed name flags (``name-mismatch+alien`` and
    ``+fits``) on the risk fit's dev sets (``compare.risk_fit``, the same scored pairs, name
    views included), with the shipped combiner's weights and other thresholds: per pair of cuts,
    the share of faithful pairs of each set keeping a major+ meaning flag and the synthetic
    recall of each kept kind. Dev only: the cuts in ``compare/risk_model.json`` come from here."""
    import pickle

    from compare.embed import default_embedder
    from compare.qe.predict import QEModel
    from compare.risk import RiskModel, pair_risk
    from compare.risk_fit import flag_table, score_set

    model = QEModel.load(qe_model)
    sets = dev_sets(shared)
    path = Path(cache) if cache else None
    if path is not None and path.exists():
        scored = pickle.loads(path.read_bytes())
    else:
        embedder = default_embedder()
        scored = {name: score_set(items, model, embedder) for name, items in sets.items()}
        if path is not None:
            path.write_bytes(pickle.dumps(scored))
    labels = {name: [item[3] for item in items] for name, items in sets.items()}
    kinds = {name: [item[4] for item in items] for name, items in sets.items()}
    risk = RiskModel.load()
    risks = {name: [pair_risk(p.features(), risk) for p in scored[name]] for name in sets}
    table = flag_table(scored, labels, risks, kinds)
    names = list(sets)
    origin = np.array([name for name in names for _ in scored[name]])
    faithful = np.array([y == 0 for name in names for y in labels[name]])
    stored = {k: v for k, v in risk.needed_risk.items() if not k.startswith("name-mismatch+")
              or k == "name-mismatch+doubted"}  # fmt: skip
    rows = {"no view": stored}
    rows.update({f"alien {a}, fits {f}": {**stored, "name-mismatch+alien": a,
                                          "name-mismatch+fits": f} for a, f in cuts})
    print("\nThresholds for viewed name flags, dev (compare.risk_fit's sets; in-sample for the "
          "choice): % of faithful pairs keeping a major+ meaning flag; synthetic recall by kind")
    print(f"  {'cuts':24}" + "".join(f"{n:>11}" for n in names)
          + "".join(f"{k:>10}" for k in table.by_kind))
    out = {}
    for label, needed in rows.items():
        kept = table.kept(needed)
        shares = {n: float(kept[(origin == n) & faithful].mean()) for n in names}
        recall = table.kind_recall(needed)
        print(f"  {label:24}" + "".join(f"{100 * shares[n]:10.2f}%" for n in names)
              + "".join(f"{recall[k]:10.4f}" for k in table.by_kind))
        out[label] = {"faithful": shares, "recall": recall}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--qe-model", default=None)
    parser.add_argument("--shared", default=None)
    parser.add_argument("--reps", type=int, default=2000)
    parser.add_argument("--json", default=None, help="write the figures here")
    parser.add_argument("--post-edits", action="store_true",
                        help="add the MLQE-PE ru-en dev post-edits' name flags to the negatives")
    parser.add_argument("--grid", action="store_true",
                        help="print the decision's thresholds for viewed name flags on the risk "
                             "fit's dev sets instead (see threshold_grid)")
    parser.add_argument("--cache", default=None, help="with --grid: keep the scored dev pairs "
                        "in this file (as compare.risk_fit --cache) and reuse them")
    args = parser.parse_args(argv)
    if args.grid:
        figures = threshold_grid(args.shared, args.qe_model, args.cache)
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        return 0

    from compare.qe.predict import QEModel

    pos, neg = positives(args.shared), negatives(args.shared, args.post_edits)
    for label, flags in (("positives", pos), ("negatives", neg)):
        origins = sorted({f.origin for f in flags})
        print(f"{label}: {len(flags)} name flags on {len({f.group for f in flags})} pairs ("
              + ", ".join(f"{o} {sum(f.origin == o for f in flags)}" for o in origins) + ")")
    model = QEModel.load(args.qe_model)
    g_pos, g_neg = gains(model, pos), gains(model, neg)
    figures: dict[str, dict] = {"model": {"name": model.name}}
    for variant in (*VARIANTS, "own z, negated"):
        p_ok = [(g, f) for g, f in zip(g_pos[variant], pos, strict=True) if g is not None]
        n_ok = [(g, f) for g, f in zip(g_neg[variant], neg, strict=True) if g is not None]
        pv, nv = np.array([g for g, _ in p_ok]), np.array([g for g, _ in n_ok])
        value = auc(pv, nv)
        low, high = bootstrap_auc(pv, [f.group for _, f in p_ok], nv,
                                  [f.group for _, f in n_ok], args.reps)  # fmt: skip
        print(f"\n{variant}: n = {len(pv)} positives, {len(nv)} negatives; "
              f"AUC {value:.3f} [{low:.3f}, {high:.3f}]; median gain {np.median(pv):+.3f} "
              f"vs {np.median(nv):+.3f}")
        print("  cut   " + "  ".join(f"{c:>+6.2f}" for c in CUTS))
        print("  pos ≥ " + "  ".join(f"{(pv >= c).mean():6.2f}" for c in CUTS))
        print("  neg ≥ " + "  ".join(f"{(nv >= c).mean():6.2f}" for c in CUTS))
        record = {"n_pos": len(pv), "n_neg": len(nv), "auc": round(value, 4),
                  "auc_ci": [round(low, 4), round(high, 4)],
                  "pos_at": {c: round(float((pv >= c).mean()), 4) for c in CUTS},
                  "neg_at": {c: round(float((nv >= c).mean()), 4) for c in CUTS}}
        # The same, by part: which side is flagged, where positives come from, and negatives
        # whose flag the check itself made major (the ones the decision is about).
        parts = {f"side={s}": (lambda f, s=s: f.side == s) for s in ("source", "target")}
        for label, keep in parts.items():
            a = np.array([g for g, f in p_ok if keep(f)])
            b = np.array([g for g, f in n_ok if keep(f)])
            record[label] = {"n_pos": len(a), "n_neg": len(b), "auc": round(auc(a, b), 4)}
            print(f"  {label}: {len(a)} vs {len(b)}, AUC {auc(a, b):.3f}")
        # The decision acts on major flags only: positives the check made major against
        # negatives it made major.
        major_p = [(g, f) for g, f in p_ok if f.severity != "minor"]
        major_n = [(g, f) for g, f in n_ok if f.severity != "minor"]
        a, b = np.array([g for g, _ in major_p]), np.array([g for g, _ in major_n])
        low_m, high_m = bootstrap_auc(a, [f.group for _, f in major_p], b,
                                      [f.group for _, f in major_n], args.reps)  # fmt: skip
        record["major only"] = {"n_pos": len(a), "n_neg": len(b), "auc": round(auc(a, b), 4),
                                "auc_ci": [round(low_m, 4), round(high_m, 4)]}  # fmt: skip
        print(f"  major flags only: {len(a)} vs {len(b)}, AUC {auc(a, b):.3f} "
              f"[{low_m:.3f}, {high_m:.3f}]")
        for origin in sorted({f.origin for f in pos}):
            a = np.array([g for g, f in p_ok if f.origin == origin])
            print(f"  positives {origin}: {len(a)}, AUC vs all negatives {auc(a, nv):.3f}")
        for origin in sorted({f.origin for f in neg}):
            b = np.array([g for g, f in n_ok if f.origin == origin])
            print(f"  negatives {origin}: {len(b)}, AUC vs all positives {auc(pv, b):.3f}")
        figures[variant] = record
    for variant in ("both+unclaimed", "english"):
        figures[f"adds to own z: {variant}"] = adds_to_z(g_pos, g_neg, variant)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, default=str) + "\n",
                                   encoding="utf-8")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
