"""Flags a translator can trust: the issue's targets on held-out data only.

    python benchmarks/trust.py [--qe-model DIR] [--risk-model FILE] [--sets SETS] [--json OUT]

SETS, comma-separated (default all): ``professional``, ``ted``, ``wmt22``, ``synthetic``.

- professional: major or critical meaning flags (number, name, negation, omission, addition,
  meaning) per sentence of professional translations, before (the checks' own severities, as
  every release so far) and after the severity decision of :mod:`compare.risk`: WMT22 ru-en
  references of odd-position documents, NTREX lines 701-1000 ru-en and kk-en, and the human
  translation (``ref.A``) of the held-out MQM TED talks with the roles swapped.
- ted: the held-out MQM TED talks (:data:`compare.qe.data.MQM_TED_HELDOUT_TALKS`), 15
  translators: Spearman between ``risk`` and the MQM penalty (and the model score alone,
  plain e5 cosine, the pair's length alone); recall and precision of severe-error segments (a
  major or critical error other than punctuation) by the pairs that keep a major+ meaning flag;
  translator level: Spearman over the 15 translators between flagged share and mean penalty.
- wmt22: WMT22 ru-en odd-position documents, 10 MT systems: Kendall tau between ``-risk`` (and
  the model score) and the human DA z.
- synthetic: synthetic errors made from NTREX 701-1000 (seed 777, the held-out antonym quarter):
  share with a major+ meaning flag before and after the decision, per kind.

Every pair is one line pair through the meaning model and every check (as ``compare.risk_fit``
scores its dev sets). Intervals: Wilson for shares, 1,000 bootstrap resamples of segments for
correlations. Nothing here is tuned on: the weights and thresholds come from dev only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.flags import SEVERITY_RANK  # noqa: E402
from compare.intervals import bootstrap, wilson  # noqa: E402
from compare.qe.data import (  # noqa: E402
    MQM_TED_DEV_TALKS,
    MQM_TED_HELDOUT_TALKS,
    NTREX_DEV_LINES,
    NTREX_HELDOUT_LINES,
    ntrex_lines,
    read_mqm_ted,
    shared_dir,
    split_words,
    wmt22_documents,
    wmt22_scored,
)
from compare.qe.metrics import within_groups  # noqa: E402
from compare.report import READ_FIRST_FLOOR  # noqa: E402
from compare.risk import MEANING_CATEGORIES, RiskModel, assess_pair  # noqa: E402
from compare.risk_fit import (  # noqa: E402
    ScoredPair,
    assessed,
    copy_flag,
    decided,
    detokenise,
    score_lines,
    unseen_ntrex_lines,
)
from compare.risk_ranking import HUMAN_SYSTEM  # noqa: E402
from compare.splits import tatoeba_kk_pairs  # noqa: E402

LABELS = ROOT / "benchmarks" / "labels" / "professional_flags.csv"


def after_decision(pair: ScoredPair, model: RiskModel) -> tuple[float, bool]:
    """(risk, keeps a major+ meaning flag once severity is decided), as the pipeline does."""
    return assessed(pair, model)


def major_meaning(pair: ScoredPair) -> bool:
    """Today's severities: a major+ meaning flag as the checks gave it."""
    return decided(pair, 1.0, {})


def kept_checks(scored: Sequence[ScoredPair], model: RiskModel) -> Counter:
    """How many pairs keep a major+ meaning flag of each check after the decision (a count per
    check, not per flag; the figures only, never the rows)."""
    counts: Counter = Counter()
    for pair in scored:
        flags = [copy_flag(f) for f in pair.flags]
        assess_pair(flags, pair.features(), pair.qe, model)
        counts.update({f.check for f in flags if not f.dismissed and f.category in
                       MEANING_CATEGORIES and SEVERITY_RANK[f.severity] >= 2})  # fmt: skip
    return counts


def share(name: str, hits: int, n: int) -> str:
    low, high = wilson(hits, n)
    return f"  {name:<56} {hits / max(n, 1):6.3f} [{low:.3f}, {high:.3f}]  ({hits} of {n})"


def correlation(name: str, statistic, n: int) -> tuple[str, float, tuple[float, float]]:
    value = statistic(np.arange(n))
    ci = bootstrap(statistic, n)
    return f"  {name:<56} {value:6.3f} [{ci[0]:.3f}, {ci[1]:.3f}]  n={n}", value, ci


def professional_sets(shared, split: str = "heldout") -> list[tuple]:
    """(name, language, pairs, text keys, row ids) of each professional set of ``split``: WMT22
    references (odd documents held out, even ones dev), NTREX lines 701-1000 (dev: 1-700) ru
    and kk, and the human translation of the MQM TED talks (held out 2 and 5, dev 3); dev adds
    Tatoeba kk-en (every row dev)."""
    held = split == "heldout"
    lines = NTREX_HELDOUT_LINES if held else NTREX_DEV_LINES
    english = ntrex_lines("en", lines, shared)
    # Each set as the texts it comes from, so that a check may read a line's neighbours
    # (a name given in the sentence before); NTREX has no document boundaries: one text.
    wmt22 = [(k, j, seg) for k, doc in enumerate(wmt22_documents(1 if held else 0, shared))
             for j, seg in enumerate(doc)]  # fmt: skip
    parity = "odd" if held else "even"
    sets = [(f"WMT22 references, {parity} documents", "ru", [seg for *_, seg in wmt22],
             [k for k, *_ in wmt22], [f"wmt22-{parity}:{k}:{j}" for k, j, _ in wmt22])]
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, lines, shared)
        sets.append((f"NTREX {lang}-en {lines.start + 1}-{lines.stop}", lang,
                     list(zip(source, english, strict=True)), [0] * len(source),
                     [f"ntrex-{lang}:{line + 1}" for line in lines]))
    if not held:
        # Tatoeba kk-en: short human translations, all dev. NTREX's Kazakh dev lines have been
        # read for rule work for many sessions; this is Kazakh that no rule was written from.
        tatoeba = tatoeba_kk_pairs(shared)
        sets.append(("Tatoeba kk-en (short human pairs)", "kk", tatoeba,
                     list(range(len(tatoeba))),
                     [f"tatoeba-kk:{i + 2}" for i in range(len(tatoeba))]))
    talks = MQM_TED_HELDOUT_TALKS if held else MQM_TED_DEV_TALKS
    human = [s for s in read_mqm_ted(talks, shared) if s.system == HUMAN_SYSTEM]
    sets.append((f"MQM TED human translation, {'held-out' if held else 'dev'} talks "
                 "(roles swapped)", "ru", [(s.russian, s.english) for s in human],
                 [s.talk for s in human], [f"ted:{s.talk}:{s.segment}" for s in human]))
    return sets  # fmt: skip


def read_labels(path: Path) -> dict[str, str]:
    """Row id -> ``genuine`` or ``false-alarm``, from the hand labels (benchmarks/labels)."""
    import csv

    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["label"] for row in csv.DictReader(handle)}


def professional(qe, embedder, model, shared, out: dict, split: str = "heldout",
                 labels: dict[str, str] | None = None, listing: Path | None = None) -> None:
    """Major+ meaning flags on professional translations, before and after the decision; with
    hand ``labels``, also the share left once the flags that point at a real difference between
    the two texts are set apart (unlabelled flagged pairs count as false alarms)."""
    print(f"\nProfessional translations ({split}): pairs with a major+ meaning flag")
    labels = labels or {}
    lines = []
    for name, lang, pairs, texts, ids in professional_sets(shared, split):
        scored = score_lines(pairs, lang, qe, embedder, texts)
        before = sum(major_meaning(p) for p in scored)
        decisions = [after_decision(p, model) for p in scored]
        decided_pairs = [kept for _, kept in decisions]
        after = sum(decided_pairs)
        # "Read these first" lists a pair without a flag when its risk reaches the floor: on a
        # professional translation each such pair is a false alarm of the list.
        listed = sum(risk >= READ_FIRST_FLOOR and not kept for risk, kept in decisions)
        print(share(f"{name}: before", before, len(scored)))
        print(share(f"{name}: after", after, len(scored)))
        print(share(f"{name}: risk >= {READ_FIRST_FLOOR} without a major+ flag", listed,
                    len(scored)))
        by_check = kept_checks(scored, model)
        print(f"  {'':56} pairs by check kept major+: "
              + (", ".join(f"{check} {n}" for check, n in by_check.most_common()) or "none"))
        if split == "dev" and name.startswith("NTREX") and qe is not None:
            # The meaning model learnt its training lines as faithful: on them the figure is
            # in-sample for the model too (benchmarks/README.md, session 13).
            first = unseen_ntrex_lines(qe).start if unseen_ntrex_lines(qe) else 630
            unseen = [kept for row, kept in zip(ids, decided_pairs, strict=True)
                      if int(row.rsplit(":", 1)[1]) > first]  # fmt: skip
            print(share(f"{name}: after, lines {first + 1}-700 (not trained on)", sum(unseen),
                        len(unseen)))
        flagged = [row for row, kept in zip(ids, decided_pairs, strict=True) if kept]
        genuine = sum(labels.get(row) == "genuine" for row in flagged)
        unlabelled = sum(row not in labels for row in flagged)
        record = {"n": len(scored), "before": before / len(scored), "after": after / len(scored),
                  "after_ci": wilson(after, len(scored)), "after_by_check": dict(by_check),
                  "flagged": flagged, "unflagged_at_floor": listed / len(scored)}
        if labels:
            print(share(f"{name}: after, real differences set apart", after - genuine,
                        len(scored)) + f"  [{genuine} labelled real, {unlabelled} unlabelled]")
            record.update({"genuine": genuine, "unlabelled": unlabelled,
                           "after_false_alarms": (after - genuine) / len(scored),
                           "after_false_alarms_ci": wilson(after - genuine, len(scored))})
        out[f"professional {name}"] = record
        if listing is not None:
            for row, pair, (source, english) in zip(ids, scored, pairs, strict=True):
                if row in flagged:
                    kept = [copy_flag(f) for f in pair.flags]
                    assess_pair(kept, pair.features(), pair.qe, model)
                    checks = "; ".join(f"{f.check}: {f.message}" for f in kept
                                       if SEVERITY_RANK[f.severity] >= 2
                                       and f.category in MEANING_CATEGORIES)
                    lines += [f"{row}\t{labels.get(row, '')}\t{checks}",
                              f"  SRC: {source}", f"  EN : {english}"]
    if listing is not None:
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"flagged pairs written to {listing}")


def ted(qe, embedder, model, shared, out: dict) -> None:
    from scipy.stats import spearmanr

    segments = read_mqm_ted(MQM_TED_HELDOUT_TALKS, shared)
    scored = score_lines([(s.russian, s.english) for s in segments], "ru", qe, embedder)
    decided = [after_decision(p, model) for p in scored]
    risk = np.array([r for r, _ in decided])
    flagged = np.array([f for _, f in decided])
    before = np.array([major_meaning(p) for p in scored])
    penalty = np.array([s.penalty for s in segments])
    severe = np.array([s.severe for s in segments])
    score = np.array([p.qe["score"] if p.qe else 0.5 for p in scored])
    cosine = np.array([p.similarity for p in scored])
    n = len(segments)
    print(f"\nMQM TED, held-out talks {', '.join(MQM_TED_HELDOUT_TALKS)} (15 translators, n={n})")
    # The pair's length alone (the ranking's second input, compare.risk_ranking): a baseline
    # that says how much of the risk's ranking the meaning model adds.
    length = np.array([p.features()["log_chars"] for p in scored])
    for name, values in (("risk", risk), ("1 - meaning score", 1 - score),
                         ("1 - e5 cosine", 1 - cosine), ("pair length alone", length)):  # fmt: skip
        line, value, ci = correlation(
            f"Spearman with the MQM penalty: {name}",
            lambda i, v=values: float(spearmanr(v[i], penalty[i]).statistic), n)  # fmt: skip
        print(line)
        out[f"ted spearman {name}"] = {"value": value, "ci": ci, "n": n}
    # Inside each source segment (its 15 translations; length and difficulty nearly constant):
    # does the figure tell the worse translation of one sentence from the better one?
    groups = [(s.talk, s.segment) for s in segments]
    for name, values in (("risk", risk), ("1 - meaning score", 1 - score)):
        value, k = within_groups(values, penalty, groups)
        print(f"  {'within a segment, mean Spearman with the penalty: ' + name:<56} {value:6.3f}"
              f"  ({k} segments)")  # fmt: skip
        out[f"ted within-segment spearman {name}"] = {"value": value, "segments": k}
    # Inside each translator's own translation (what "Read these first" orders in the app).
    for name, values in (("risk", risk), ("1 - meaning score", 1 - score),
                         ("pair length alone", length)):  # fmt: skip
        value, k = within_groups(values, penalty, [s.system for s in segments])
        print(f"  {'per translator, mean Spearman with the penalty: ' + name:<56} {value:6.3f}"
              f"  ({k} translators)")  # fmt: skip
        out[f"ted per-translator spearman {name}"] = {"value": value, "translators": k}
    for label, chosen in (("before", before), ("after", flagged)):
        hits = int((chosen & severe).sum())
        print(share(f"severe-error recall, major+ meaning flag {label}", hits, int(severe.sum())))
        print(share(f"precision, major+ meaning flag {label}", hits, int(chosen.sum())))
        out[f"ted {label}"] = {"recall": hits / max(int(severe.sum()), 1),
                               "precision": hits / max(int(chosen.sum()), 1),
                               "flagged": int(chosen.sum()),
                               "severe": int(severe.sum())}  # fmt: skip
    for cut in (0.5,):
        chosen = risk >= cut
        hits = int((chosen & severe).sum())
        print(share(f"severe-error recall, risk >= {cut}", hits, int(severe.sum())))
        print(share(f"precision, risk >= {cut}", hits, int(chosen.sum())))
    systems = sorted({s.system for s in segments})
    mean_penalty = [penalty[[s.system == name for s in segments]].mean() for name in systems]
    for label, values in (("flagged share before", before), ("flagged share after", flagged),
                          ("mean risk", risk)):  # fmt: skip
        per = [values[[s.system == name for s in segments]].mean() for name in systems]
        rho = float(spearmanr(per, mean_penalty).statistic)
        print(
            f"  translator level, Spearman of {label} with mean penalty: {rho:.3f} "
            f"(n={len(systems)})"
        )
        out[f"ted system {label}"] = rho


def wmt22(qe, embedder, model, shared, out: dict) -> None:
    from scipy.stats import kendalltau

    items = [item for doc in wmt22_scored(1, shared) for item in doc]
    scored = score_lines([(src, mt) for _, src, mt, _ in items], "ru", qe, embedder)
    risk = np.array([assessed(p, model)[0] for p in scored])
    score = np.array([p.qe["score"] if p.qe else 0.5 for p in scored])
    human = np.array([z for *_, z in items])
    n = len(items)
    print(f"\nWMT22 ru-en, odd documents, 10 systems (n={n}): Kendall tau with human DA z")
    for name, values in (("-risk", -risk), ("meaning score", score)):
        line, value, ci = correlation(
            name, lambda i, v=values: float(kendalltau(v[i], human[i]).statistic), n
        )
        print(line)
        out[f"wmt22 tau {name}"] = {"value": value, "ci": ci, "n": n}
        within, k = within_groups(values, human, [src for _, src, _, _ in items], "kendall")
        print(f"  {'within a source segment, mean tau: ' + name:<56} {within:6.3f}  ({k} segments)")
        out[f"wmt22 within-segment tau {name}"] = {"value": within, "segments": k}


def synthetic(qe, embedder, model, shared, out: dict) -> None:
    from compare.qe.synthetic import PERTURBATIONS, synthetic_set

    english = ntrex_lines("en", NTREX_HELDOUT_LINES, shared)
    print("\nSynthetic errors from NTREX 701-1000 (held out, seed 777): major+ meaning flag")
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, NTREX_HELDOUT_LINES, shared)
        pairs = [(split_words(s), split_words(e)) for s, e in zip(source, english, strict=True)]
        examples = synthetic_set(pairs, lang, 777, errors_per_pair=2, heldout=True)
        texts = [(detokenise(e.source_words), detokenise(e.target_words)) for e in examples]
        scored = score_lines(texts, lang, qe, embedder)
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for example, pair in zip(examples, scored, strict=True):
            row = table[example.kind]
            row[0] += 1
            row[1] += major_meaning(pair)
            row[2] += after_decision(pair, model)[1]
        print(f"  {lang}-en {'kind':<12} {'n':>5}  before  after [95% CI]")
        errors = [0, 0, 0]
        for kind in ("clean", *PERTURBATIONS):
            n, before, after = table[kind]
            if not n:
                continue
            low, high = wilson(after, n)
            print(f"  {'':6}{kind:<12} {n:5d}  {before / n:.3f}  {after / n:.3f} "
                  f"[{low:.3f}, {high:.3f}]")  # fmt: skip
            out[f"synthetic {lang} {kind}"] = {"n": n, "before": before / n, "after": after / n}
            if kind != "clean":
                errors = [a + b for a, b in zip(errors, table[kind], strict=True)]
        print(share(f"{lang}: all error kinds, before", errors[1], errors[0]))
        print(share(f"{lang}: all error kinds, after", errors[2], errors[0]))
        out[f"synthetic {lang} all"] = {"n": errors[0], "before": errors[1] / errors[0],
                                        "after": errors[2] / errors[0]}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--qe-model", default=None)
    parser.add_argument("--risk-model", default=None)
    parser.add_argument("--shared", default=None)
    parser.add_argument("--sets", default="professional,ted,wmt22,synthetic")
    parser.add_argument("--json", default=None)
    parser.add_argument("--split", choices=("heldout", "dev"), default="heldout",
                        help="dev: the professional set only, on dev rows (for labelling and "
                             "tuning; the other sets are held out by construction)")
    parser.add_argument("--labels", default=str(LABELS),
                        help="hand labels of flagged professional pairs (real difference or "
                             "false alarm); see benchmarks/labels/README.md")
    parser.add_argument("--list-flagged", default=None,
                        help="write the flagged professional pairs (ids, flags, texts) here, for "
                             "labelling")
    args = parser.parse_args(argv)
    from compare.embed import default_embedder
    from compare.qe.predict import QEModel
    from compare.risk import RISK_MODEL_FILE

    shared = shared_dir(args.shared)
    qe = QEModel.load(args.qe_model)
    model = RiskModel.load(args.risk_model or RISK_MODEL_FILE)
    embedder = default_embedder()
    print(f"meaning model {qe.name}; {model.name}, needed risk {model.needed_risk}")
    out: dict = {"qe": qe.name, "risk": model.to_dict()}
    sections = {"professional": professional, "ted": ted, "wmt22": wmt22, "synthetic": synthetic}
    names = args.sets.split(",")
    if args.split == "dev" and names != ["professional"]:
        parser.error("--split dev measures the professional set only: use --sets professional")
    for name in names:
        if name == "professional":
            professional(qe, embedder, model, shared, out, args.split,
                         read_labels(Path(args.labels)),
                         Path(args.list_flagged) if args.list_flagged else None)
        else:
            sections[name](qe, embedder, model, shared, out)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, default=list) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
