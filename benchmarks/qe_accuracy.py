"""The meaning model (compare.qe) on held-out data only, beside today's rules and simple baselines.

    python benchmarks/qe_accuracy.py [--model DIR] [--sets mlqe,wmt22,alarms,synthetic,demetr]
                                     [--json OUT]

Sets (none of them trained or tuned on; ../shared/README.md has the splits):
- mlqe: MLQE-PE ru-en ``test`` and ``test21``: sentence Pearson r with DA z, word-level MCC of the
  English (and source) OK/BAD tags at the threshold calibrated on dev; beside them the e5 cosine
  of the two sentences, the length ratio and today's rule penalty (sum of severity ranks of
  meaning flags, negated).
- wmt22: WMT22 ru-en, odd-position documents, 10 systems with human DA: segment-level Kendall tau
  of the model score with the human z (pooled over systems and segments), and system level
  (mean score per system vs mean human z; the reference's mean score printed beside them).
- alarms: professional translations (WMT22 references of odd documents, NTREX lines 701-1000 ru-en
  and kk-en) as line-parallel 1-1 pairs: meaning-shift rate, and the share of pairs with a major
  or critical meaning flag (number, name, negation, omission, addition, meaning) with the rules
  alone (every check but meaning-shift, the e5-vector antonym check among them) and with the
  model.
- synthetic: synthetic errors (compare.qe.synthetic, seed 777, the held-out quarter of the
  antonym pairs, never trained on) made from NTREX 701-1000 (ru, kk):
  recall of meaning-shift per kind, and of any major/critical meaning flag with and without it.
- demetr: DEMETR ru-en (never used for tuning here): meaning-shift recall per perturbation, and
  the false-alarm rate on the unperturbed reference.

Every figure has n and a 95 % interval (bootstrap over segments for correlations, Wilson for
rates).
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.checks import CheckContext, all_checks, run_checks  # noqa: E402
from compare.document import Document  # noqa: E402
from compare.flags import SEVERITY_RANK  # noqa: E402
from compare.intervals import bootstrap, wilson  # noqa: E402
from compare.qe.data import (  # noqa: E402
    NTREX_HELDOUT_LINES,
    ntrex_lines,
    read_mlqe,
    shared_dir,
    split_words,
    wmt22_da_scores,
    wmt22_documents,
)
from compare.qe.metrics import kendall, mcc, pearson  # noqa: E402
from compare.qe.predict import QEModel, estimate_pairs  # noqa: E402
from compare.qe.synthetic import PERTURBATIONS, synthetic_set  # noqa: E402
from compare.risk_fit import line_documents  # noqa: E402
from compare.splits import WMT22_HELDOUT_PARITY  # noqa: E402

MEANING = {"number", "name", "negation", "omission", "addition", "meaning"}
NO_SPACE_BEFORE = set(".,;:!?)]}»”%")
NO_SPACE_AFTER = set("([{«“")


def detokenise(words: list[str]) -> str:
    out = ""
    for word in words:
        if out and word not in NO_SPACE_BEFORE and out[-1] not in NO_SPACE_AFTER:
            out += " "
        out += word
    return out


def line_docs(pairs: list[tuple[str, str]], lang: str) -> tuple[Document, Document, list]:
    """Two documents whose sentences are the given lines, linked 1-1."""
    return line_documents(pairs, lang)


_EMBEDDER: list = []


def _embedder():
    """The default embedder, loaded once: the antonym-vector check reads its vectors."""
    if not _EMBEDDER:
        from compare.embed import default_embedder

        _EMBEDDER.append(default_embedder())
    return _EMBEDDER[0]


def pair_flags(pairs: list[tuple[str, str]], lang: str, model: QEModel | None):
    """Per pair: (QE score or None, highest meaning-flag rank from rules, with the model,
    whether the meaning-shift check flagged it: a low score or a doubted passage)."""
    source, target, links = line_docs(pairs, lang)
    results = estimate_pairs(model, source, target, links) if model else [None] * len(links)
    thresholds = dict(model.config.thresholds) if model else {}
    embedder = _embedder()
    ctx = CheckContext(target, source, links, {"qe_major": thresholds.get("major"),
                       "qe_critical": thresholds.get("critical")}, qe=results,
                       embedder=embedder.name, embed_model=embedder)  # fmt: skip
    flags = run_checks(ctx, all_checks())
    starts = [s.start for s in target.sentences]
    src_starts = [s.start for s in source.sentences]
    rules, with_model = [0] * len(links), [0] * len(links)
    shifted = [False] * len(links)
    for flag in flags:
        if flag.category not in MEANING:
            continue
        index = int(np.searchsorted(starts if flag.side == "target" else src_starts,
                                    flag.start, side="right")) - 1  # fmt: skip
        rank = SEVERITY_RANK[flag.severity]
        with_model[index] = max(with_model[index], rank)
        if flag.check != "meaning-shift":
            rules[index] = max(rules[index], rank)
        else:
            shifted[index] = True
    scores = [r.score if r is not None else None for r in results]
    return scores, rules, with_model, shifted


def rate_line(name: str, hits: int, n: int) -> str:
    low, high = wilson(hits, n)
    return f"{name:<58} {hits / max(n, 1):6.3f}  [{low:.3f}, {high:.3f}]  n={n}"


def corr_line(name: str, value: float, ci: tuple[float, float], n: int) -> str:
    return f"{name:<58} {value:6.3f}  [{ci[0]:.3f}, {ci[1]:.3f}]  n={n}"


def mlqe(model: QEModel, shared: Path, out: dict) -> None:
    embedder = _embedder()
    threshold = model.config.thresholds.get("word_bad", 0.5)
    for split in ("test", "test21"):
        examples = read_mlqe(split, shared)
        rows = _raw_rows(shared, split)
        predicted = model.predict([(e.source_words, e.target_words) for e in examples])
        z = np.array([p.z for p in predicted])
        gold = np.array([e.z for e in examples])
        n = len(examples)
        r = pearson(z, gold)
        ci = bootstrap(lambda idx, z=z, g=gold: pearson(z[idx], g[idx]), n)
        print(f"\nMLQE-PE ru-en {split} (held out)")
        print(corr_line("QE model: Pearson r with DA z", r, ci, n))
        figures = {"n": n, "pearson": r, "pearson_ci": ci}
        for side in ("target", "source"):
            tags = [e.target_tags if side == "target" else e.source_tags for e in examples]
            probs = [p.target if side == "target" else p.source for p in predicted]
            per = [
                (np.asarray(t), np.asarray(p) >= threshold)
                for t, p in zip(tags, probs, strict=True)
            ]
            known = [(t[t >= 0], p[t >= 0]) for t, p in per]
            flat_gold = np.concatenate([t for t, _ in known])
            flat_pred = np.concatenate([p for _, p in known])
            value = mcc(flat_gold, flat_pred)
            word_ci = bootstrap(
                lambda idx, k=known: mcc(
                    np.concatenate([k[i][0] for i in idx]), np.concatenate([k[i][1] for i in idx])
                ),
                n,
                resamples=300,
            )
            print(corr_line(f"QE model: word MCC, {side} tags", value, word_ci, len(flat_gold)))
            figures[f"mcc_{side}"], figures[f"mcc_{side}_ci"] = value, word_ci
        src_vec = embedder.embed([row[0] for row in rows])
        mt_vec = embedder.embed([row[1] for row in rows])
        cosine = np.sum(src_vec * mt_vec, axis=1)
        ratio = -np.abs(np.log([max(len(m), 1) / max(len(s), 1) for s, m in rows]))
        _, rules, _, _ = pair_flags(rows, "ru", None)
        penalty = -np.asarray(rules, dtype=float)
        for label, values in (
            ("baseline: e5 cosine", cosine),
            ("baseline: length ratio", ratio),
            ("today's rules: negated meaning-flag severity", penalty),
        ):
            value = pearson(values, gold)
            ci = bootstrap(lambda idx, v=values, g=gold: pearson(v[idx], g[idx]), n)
            print(corr_line(label + ": Pearson r", value, ci, n))
            figures["pearson " + label] = value
        out[f"mlqe_{split}"] = figures


def _raw_rows(shared: Path, split: str) -> list[tuple[str, str]]:
    path = shared / "mlqe-pe-ru-en" / f"{split}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row["src"], row["mt"]) for row in rows]


def wmt22(model: QEModel, shared: Path, out: dict) -> None:
    folder = shared / "wmt22-ru-en"
    with (folder / "wmt22_ru-en.src_ref.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    position: dict[str, int] = {}
    for row in rows:
        position.setdefault(row["doc_id"], len(position))
    odd = {row["line_no"]: row for row in rows
           if position[row["doc_id"]] % 2 == WMT22_HELDOUT_PARITY}  # fmt: skip
    human = {(system, str(line)): z for (system, line), z in wmt22_da_scores(shared).items()
             if str(line) in odd}  # fmt: skip
    items: list[tuple[str, str, str, str]] = []  # system, line, src, hyp
    with (folder / "wmt22_ru-en.hyps.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["line_no"] in odd:
                items.append(
                    (row["system"], row["line_no"], odd[row["line_no"]]["src"], row["hyp"])
                )
    items += [("reference", k, r["src"], r["ref_A"]) for k, r in odd.items()]
    started = time.time()
    predicted = model.predict([(split_words(s), split_words(h)) for _, _, s, h in items])
    print(f"\nWMT22 ru-en, odd documents (held out): {len(items)} translations scored in "
          f"{time.time() - started:.0f} s")  # fmt: skip
    scores = [model.judge(p)[0] for p in predicted]
    pairs = [(scores[i], human[(sysname, line)]) for i, (sysname, line, _, _) in enumerate(items)
             if (sysname, line) in human]  # fmt: skip
    x, y = np.array([a for a, _ in pairs]), np.array([b for _, b in pairs])
    tau = kendall(x, y)
    ci = bootstrap(lambda idx: kendall(x[idx], y[idx]), len(x), resamples=200)
    print(corr_line("segment level: Kendall tau, QE score vs human z", tau, ci, len(x)))
    _wmt22_context(items, human, odd)
    by_system: dict[str, list[float]] = defaultdict(list)
    by_human: dict[str, list[float]] = defaultdict(list)
    for score, (sysname, line, _, _) in zip(scores, items, strict=True):
        by_system[sysname].append(score)
        if (sysname, line) in human:
            by_human[sysname].append(human[(sysname, line)])
    systems = sorted(by_human)
    model_mean = [float(np.mean(by_system[s])) for s in systems]
    human_mean = [float(np.mean(by_human[s])) for s in systems]
    system_tau = kendall(model_mean, human_mean)
    print(f"system level over {len(systems)} systems: Kendall tau {system_tau:.3f}, "
          f"Pearson r {pearson(model_mean, human_mean):.3f}")  # fmt: skip
    for s, m, h in sorted(zip(systems, model_mean, human_mean, strict=True), key=lambda t: -t[2]):
        print(f"    {s:<20} mean QE score {m:.3f}   human z {h:+.3f}")
    print(
        f"    {'reference':<20} mean QE score {np.mean(by_system['reference']):.3f}   (no human DA)"
    )
    out["wmt22"] = {"segment_tau": tau, "segment_tau_ci": ci, "n": len(x),
                    "system_tau": kendall(model_mean, human_mean),
                    "system_pearson": pearson(model_mean, human_mean)}  # fmt: skip


def _wmt22_context(items: list[tuple[str, str, str, str]], human: dict[tuple[str, str], float],
                   odd: dict[str, dict[str, str]]) -> None:
    """Beside the model: the rule checks' penalty (highest meaning-flag severity, negated) and
    chrF against the reference. The WMT22 into-English DA raters compared each translation with
    the reference, so a reference-based metric shows how much signal the scores carry."""
    from sacrebleu.metrics import CHRF

    scored = [(s, line, src, hyp) for s, line, src, hyp in items if (s, line) in human]
    gold = np.array([human[(s, line)] for s, line, _, _ in scored])
    _, rules, _, _ = pair_flags([(src, hyp) for _, _, src, hyp in scored], "ru", None)
    penalty = -np.array(rules, dtype=float)
    ci = bootstrap(lambda idx: kendall(penalty[idx], gold[idx]), len(gold), resamples=200)
    print(corr_line("  beside it: rule checks (meaning severity, negated)",
                    kendall(penalty, gold), ci, len(gold)))  # fmt: skip
    chrf = CHRF()
    ref = np.array([chrf.sentence_score(hyp, [odd[line]["ref_A"]]).score
                    for _, line, _, hyp in scored])  # fmt: skip
    ci = bootstrap(lambda idx: kendall(ref[idx], gold[idx]), len(gold), resamples=200)
    print(corr_line("  beside it: chrF against the reference (not QE)",
                    kendall(ref, gold), ci, len(gold)))  # fmt: skip


def professional_sets(shared: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    wmt = [seg for doc in wmt22_documents(1, shared) for seg in doc]
    english = ntrex_lines("en", NTREX_HELDOUT_LINES, shared)
    sets = [("WMT22 references, odd documents", "ru", wmt)]
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, NTREX_HELDOUT_LINES, shared)
        sets.append(
            (f"NTREX {lang}-en lines 701-1000", lang, list(zip(source, english, strict=True)))
        )
    return sets


def alarms(model: QEModel, shared: Path, out: dict) -> None:
    print("\nFalse alarms on professional translations (held out), share of pairs")
    for name, lang, pairs in professional_sets(shared):
        _, rules, with_model, shifted = pair_flags(pairs, lang, model)
        n = len(pairs)
        shift = sum(shifted)
        print(rate_line(f"{name}: meaning-shift", shift, n))
        print(rate_line(f"{name}: major+ meaning flag, rules only", sum(r >= 2 for r in rules), n))
        print(rate_line(f"{name}: major+ meaning flag, rules + model",
                        sum(r >= 2 for r in with_model), n))  # fmt: skip
        out[f"alarms {name}"] = {"n": n, "meaning_shift": shift / n,
                                 "rules": sum(r >= 2 for r in rules) / n,
                                 "rules_and_model":
                                 sum(r >= 2 for r in with_model) / n}  # fmt: skip


def synthetic(model: QEModel, shared: Path, out: dict) -> None:
    english = ntrex_lines("en", NTREX_HELDOUT_LINES, shared)
    print("\nSynthetic errors from NTREX 701-1000 (held out, seed 777): recall per kind")
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, NTREX_HELDOUT_LINES, shared)
        pairs = [(split_words(s), split_words(e)) for s, e in zip(source, english, strict=True)]
        examples = synthetic_set(pairs, lang, 777, errors_per_pair=2, heldout=True)
        texts = [(detokenise(e.source_words), detokenise(e.target_words)) for e in examples]
        _, rules, with_model, shifted = pair_flags(texts, lang, model)
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for example, shift, rule, both in zip(examples, shifted, rules, with_model, strict=True):
            row = table[example.kind]
            row[0] += 1
            row[1] += shift
            row[2] += rule >= 2
            row[3] += both >= 2
        print(f"  {lang}-en{'':<10} n   meaning-shift [95% CI]   rules only   rules+model")
        for kind in ("clean", *PERTURBATIONS):
            n, shift, rule, both = table[kind]
            low, high = wilson(shift, n)
            print(f"  {kind:<12} {n:5d}   {shift / max(n, 1):.3f} [{low:.3f}, {high:.3f}]"
                  f"      {rule / max(n, 1):.3f}        {both / max(n, 1):.3f}")  # fmt: skip
            out[f"synthetic {lang} {kind}"] = {"n": n, "meaning_shift": shift / max(n, 1),
                                               "ci": (low, high), "rules": rule / max(n, 1),
                                               "rules_and_model": both / max(n, 1)}  # fmt: skip


def demetr(model: QEModel, shared: Path, out: dict) -> None:
    rows = [
        json.loads(line)
        for line in (shared / "demetr-ru-en" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    usable = [
        r for r in rows if r.get("pert_check", True) or r["pert_name"] == "base_id35_reference"
    ]
    predicted = model.predict([(split_words(r["src_sent"]), split_words(r["pert_sent"]))
                               for r in usable])  # fmt: skip
    major = model.config.thresholds["major"]
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, p in zip(usable, predicted, strict=True):
        table[row["pert_name"]][0] += 1
        table[row["pert_name"]][1] += model.judge(p)[0] < major
    print("\nDEMETR ru-en (never tuned on): share flagged by meaning-shift")
    for name in sorted(table):
        n, hits = table[name]
        print(rate_line(f"  {name}", hits, n))
        out[f"demetr {name}"] = {"n": n, "flagged": hits / n}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    parser.add_argument("--shared", default=None)
    parser.add_argument("--sets", default="mlqe,wmt22,alarms,synthetic,demetr")
    parser.add_argument("--precision", default="auto")
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    model = QEModel.load(args.model, precision=args.precision)
    print(
        f"model {model.name}, thresholds {model.config.thresholds}; "
        f"{platform.processor() or platform.machine()}"
    )
    out: dict = {"model": model.name, "thresholds": model.config.thresholds}
    sections = {"mlqe": mlqe, "wmt22": wmt22, "alarms": alarms, "synthetic": synthetic,
                "demetr": demetr}  # fmt: skip
    for name in args.sets.split(","):
        sections[name](model, shared, out)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2, default=list) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
