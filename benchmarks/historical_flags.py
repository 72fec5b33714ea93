"""False flags of new text, estimated on dev from the rules' own history (session 41):

    python benchmarks/historical_flags.py [--shared DIR] [--cache FILE]      # ~3 min
    python benchmarks/historical_flags.py --cache FILE --grid                 # and the settings

Why. The name, negation and number rules were written against the flags they raised on the
dev text (NTREX lines 1-700, the WMT22 references of even documents, the MQM TED dev talk), so
today's rules raise few there, and the severity decision's thresholds, fitted where those flags
were already rare, cannot be judged on them: on held-out text the same checks raise three to
five times as many flags, and about half pass the decision (session 40). Session 40's stand-in
(every faithful pair *as if* it carried one more flag) sees neither the pairs that draw false
flags nor the meaning model's views of a flag, through which most of them pass.

What a false flag of text nobody has tuned to looks like is in this repository's history: the
rules as they stood at earlier commits (:data:`SNAPSHOTS`, from before the first rule was
written against dev flags to session 35) flagged dev pairs that later rules learnt to pass
(a name spelled another way, an idiom said without "not", a converted measure). Each snapshot
runs, from a ``git worktree`` of its commit, the three checks on the dev line pairs; every flag
of a check on a pair that today's rules no longer raise on that pair (the first snapshot's,
once a pair, check and side) is put back among today's flags of that pair, and today's pipeline
then gives it what it gives any flag (the meaning model's views, the evidence, the decision;
:func:`compare.risk_fit.score_lines`). Printed: per check, how many of those flags stay major
after the decision, and by which decision key. A few of them point at a real difference that a
later rule stopped flagging; they are counted as false alarms here.

``--grid`` prints the same for settings of the decision (the name, negation and number floors
on pairs of 80 characters or more, the name view's gain from which a name reads as alien),
beside the dev professional pairs that keep a major flag and that the hand labels call a real
difference or a false alarm (``benchmarks/labels``, dev rows only: a setting's cost in real
differences), and the dev errors' recall by kind of ``decision_keys.py``'s dev cache
(``--errors-cache``: the file ``decision_floor.py --cache`` writes; built here when missing).

Dev rows only: the snapshots run on dev pairs, and no held-out row is read.
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.decision_floor import fitted_thresholds, floored  # noqa: E402
from benchmarks.trust import professional_sets, read_labels  # noqa: E402
from compare.flags import SEVERITY_RANK, Flag  # noqa: E402
from compare.qe.data import shared_dir  # noqa: E402
from compare.risk import (  # noqa: E402
    RiskModel,
    decide_flags,
    decision_key,
    keeps_major_meaning,
    needed_for,
)
from compare.risk_fit import ScoredPair, copy_flag  # noqa: E402
from compare.script_mix import fold_lookalikes  # noqa: E402

SNAPSHOTS = ("e13582b", "eb299f1", "3f3a600", "08acb2b", "09c3bb5", "6639d3b")
"""Commits whose rules are replayed, oldest first: before the rules were tuned on the WMT22
even documents (issue 8), before they were tuned on NTREX 1-700, and at the ends of sessions
12, 20, 24 and 35."""
CHECKS = {"name-mismatch": "name", "negation-mismatch": "negation", "number-mismatch": "number"}
LABELS = ROOT / "benchmarks" / "labels" / "professional_flags.csv"
INJECTED = "replayed_from"
"""Evidence key of a flag put back from a snapshot (its commit)."""

# Run inside a snapshot's worktree (its own ``compare`` first on the path): the three checks on
# line pairs read from stdin as JSON; their flags, with offsets inside their line, on stdout.
# The documents are built as compare.risk_fit.line_documents builds them today (older commits
# lack that function), from the same plain types, which have not changed since.
REPLAY = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from compare.alignment_types import AlignedPair
from compare.checks import CheckContext, all_checks, run_checks
from compare.document import Document, Sentence, Span
job = json.load(sys.stdin)
pairs, keys = job["pairs"], job["texts"]
def doc(lines, language):
    text, sentences, paragraphs = "", [], []
    for index, line in enumerate(lines):
        if index and keys[index] != keys[index - 1]:
            paragraphs.append(Span(len(text), len(text)))
        sentences.append(Sentence(index, len(text), len(text) + len(line), len(paragraphs)))
        paragraphs.append(Span(len(text), len(text) + len(line)))
        text += line + "\n"
    return Document(text, language, paragraphs, sentences)
source, target = doc([s for s, _ in pairs], job["lang"]), doc([t for _, t in pairs], "en")
ctx = CheckContext(target, source, [AlignedPair((i,), (i,), 1.0) for i in range(len(pairs))], {})
out = []
for f in run_checks(ctx, [c for c in all_checks() if c.id in job["checks"]]):
    sentences = (target if f.side == "target" else source).sentences
    i = max(k for k, s in enumerate(sentences) if s.start <= f.start)
    base = sentences[i].start
    evidence = {k: v for k, v in f.evidence.items()
                if isinstance(v, (str, int, float, bool, list, dict, type(None)))}
    out.append({"i": i, "check": f.check, "side": f.side, "start": f.start - base,
                "end": f.end - base, "message": f.message, "severity": f.severity,
                "evidence": evidence})
json.dump(out, sys.stdout, ensure_ascii=False)
"""


@dataclass
class Replayed:
    """One dev set: its pairs as today's pipeline scored them, replayed flags among theirs."""

    name: str
    pairs: list[tuple[str, str]]
    scored: list[ScoredPair]


def replay(worktree: Path, lang: str, pairs: list[tuple[str, str]], texts: list[str]) -> list:
    job = json.dumps({"lang": lang, "pairs": pairs, "texts": texts, "checks": list(CHECKS)},
                     ensure_ascii=False)  # fmt: skip
    run = subprocess.run([sys.executable, "-c", REPLAY, str(worktree)], input=job, text=True,
                         capture_output=True, cwd=worktree)  # fmt: skip
    if run.returncode:
        last = (run.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"the rules of {worktree.name} did not run: {last}")
    return json.loads(run.stdout)


def old_flags(worktrees: dict[str, Path], lang: str, pairs: list[tuple[str, str]],
              texts: list[str]) -> dict[int, list[dict]]:  # fmt: skip
    """Every snapshot's flags by pair index, each (pair, check, side, span) once, oldest first."""
    seen: set[tuple] = set()
    by_pair: dict[int, list[dict]] = collections.defaultdict(list)
    for commit, worktree in worktrees.items():
        for flag in replay(worktree, lang, pairs, texts):
            key = (flag["i"], flag["check"], flag["side"], flag["start"], flag["end"])
            if key not in seen:
                seen.add(key)
                by_pair[flag["i"]].append({**flag, "commit": commit})
    return by_pair


def with_replayed(run_checks, old: dict[int, list[dict]]):
    """``compare.checks.run_checks`` that adds, to each pair, the old flags of a check that
    today's rules do not raise on that pair (one a check and side)."""

    def run(ctx, checks=None):
        flags = run_checks(ctx, checks)
        starts = {side: [s.start for s in doc.sentences]
                  for side, doc in (("target", ctx.target), ("source", ctx.source))}  # fmt: skip
        raised = collections.defaultdict(set)
        for flag in flags:
            index = int(np.searchsorted(starts[flag.side], flag.start, side="right")) - 1
            raised[index].add(flag.check)
        for index, items in old.items():
            done: set[tuple[str, str]] = set()
            for item in items:
                if item["check"] in raised[index] or (item["check"], item["side"]) in done:
                    continue
                done.add((item["check"], item["side"]))
                base = starts[item["side"]][index]
                flags.append(Flag(item["check"], CHECKS[item["check"]], item["severity"],
                                  item["side"], base + item["start"], base + item["end"],
                                  item["message"], {**item["evidence"],
                                                    INJECTED: item["commit"]}))  # fmt: skip
        return flags

    return run


def build(shared: Path) -> list[Replayed]:
    import compare.checks
    from compare.embed import default_embedder
    from compare.qe.predict import QEModel
    from compare.risk_fit import score_lines

    qe, embedder = QEModel.load(None), default_embedder()
    out = []
    with tempfile.TemporaryDirectory() as folder:
        worktrees = {}
        for commit in SNAPSHOTS:
            path = Path(folder) / commit
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach",
                            str(path), commit], check=True)  # fmt: skip
            worktrees[commit] = path
        try:
            for name, lang, pairs, texts, _ in professional_sets(shared, "dev"):
                if lang == "kk" and "Tatoeba" in name:
                    continue  # short conversational pairs: the rules barely changed on them
                folded = [(fold_lookalikes(s, lang).text, e) for s, e in pairs]
                keys = [str(t) for t in texts] if texts is not None else [str(i) for i in
                                                                          range(len(pairs))]
                old = old_flags(worktrees, lang, folded, keys)
                real = compare.checks.run_checks
                compare.checks.run_checks = with_replayed(real, old)
                try:
                    scored = score_lines(pairs, lang, qe, embedder, texts)
                finally:
                    compare.checks.run_checks = real
                out.append(Replayed(name, list(pairs), scored))
        finally:
            for path in worktrees.values():
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                str(path)], check=False)  # fmt: skip
    return out


@dataclass(frozen=True)
class Setting:
    """The decision's settings tried by ``--grid``: floors on pairs of 80 characters or more
    (name, name+alien, negation, negation+overturned, number) over the fitted thresholds (as
    ``decision_floor.py`` lays them) and the name view's alien gain (None: as each flag's
    view was recorded, :data:`compare.qe.name_view.ALIEN_GAIN`)."""

    name: float = 0.5
    alien: float = 0.1
    negation: float = 0.45
    overturned: float = 0.0
    number: float = 0.8
    alien_gain: float | None = None

    def label(self) -> str:
        gain = "" if self.alien_gain is None else f", alien gain {self.alien_gain:g}"
        return (f"name {self.name:g}, alien {self.alien:g}, negation {self.negation:g}, "
                f"overturned {self.overturned:g}, number {self.number:g}{gain}")  # fmt: skip


SHIPPED = Setting()
GRID = (SHIPPED, Setting(number=0.0), Setting(number=0.7), Setting(number=0.9),
        Setting(negation=0.4), Setting(negation=0.5), Setting(negation=0.55),
        Setting(name=0.55), Setting(name=0.6), Setting(alien=0.3), Setting(alien=0.5),
        Setting(overturned=0.3), Setting(alien_gain=0.0), Setting(alien_gain=0.02),
        Setting(alien_gain=0.04), Setting(alien_gain=0.1),
        Setting(negation=0.4, number=0.0, alien_gain=0.0))  # fmt: skip


def decided(pair: ScoredPair, model: RiskModel, setting: Setting | None) -> list[Flag]:
    """Copies of the pair's flags after the decision (under ``setting``, else as shipped)."""
    flags = [copy_flag(f) for f in pair.flags]
    values = pair.features()
    chars = pair.source_chars + pair.target_chars
    needed = dict(needed_for(model, pair.qe is None, chars))
    if setting is not None:
        for flag in flags:
            view = flag.evidence.get("without_name")
            if view and setting.alien_gain is not None:
                flag.evidence["without_name"] = {**view,
                                                 "alien": view["gain"] >= setting.alien_gain}
        if chars >= float(model.short_pairs.get("chars", 0)):
            # the setting's floors replace the shipped ones, over the fitted thresholds
            needed = floored(fitted_thresholds(model), (setting.name, setting.alien,
                             setting.negation, setting.overturned, setting.number))  # fmt: skip
    decide_flags(flags, values, model, needed, pair.qe, pair.similarity)
    return flags


def report(sets: list[Replayed], model: RiskModel) -> None:
    kept: collections.Counter = collections.Counter()
    total: collections.Counter = collections.Counter()
    keys: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for one in sets:
        per = collections.Counter()
        for pair in one.scored:
            needed = needed_for(model, pair.qe is None, pair.source_chars + pair.target_chars)
            before = {id(f): decision_key(f, pair.qe, needed, pair.similarity)
                      for f in pair.flags}  # fmt: skip
            for original, flag in zip(pair.flags, decided(pair, model, None), strict=True):
                if INJECTED not in flag.evidence:
                    continue
                major = SEVERITY_RANK[flag.severity] >= 2
                total[flag.check] += 1
                kept[flag.check] += major
                per[major] += 1
                keys[flag.check][(before[id(original)], major)] += 1
        print(f"  {one.name:<58} replayed {per[True] + per[False]:4d}, kept major {per[True]}")
    for check in CHECKS:
        if total[check]:
            by_key = ", ".join(f"{key.partition('+')[2] or 'plain'} {keys[check][(key, True)]}/"
                               f"{keys[check][(key, False)]}"
                               for key in sorted({k for k, _ in keys[check]}))  # fmt: skip
            print(f"  {check:<18} kept major {kept[check]:3d} of {total[check]:3d} "
                  f"({kept[check] / total[check]:.2f}); by key (kept / demoted): {by_key}")


def labelled_dev_pairs(shared: Path) -> dict[str, list[str | None]]:
    """Per professional dev set (``trust.py``'s names), each pair's hand label (``genuine``,
    ``false-alarm``) or None; dev rows only."""
    labels = read_labels(LABELS)
    return {name: [labels.get(i) for i in ids] if ids else []
            for name, _, _, _, ids in professional_sets(shared, "dev")}  # fmt: skip


def grid(sets: list[Replayed], errors: dict, model: RiskModel,
         labelled: dict[str, list[str | None]]) -> None:  # fmt: skip
    print("\nSettings (floors on pairs of 80 characters or more; the shipped ones first): replayed "
          "flags kept major, names / negations / numbers; dev professional pairs kept major+ "
          "that the hand labels call a real difference / a false alarm; dev errors kept by kind")
    for setting in GRID:
        kept: collections.Counter = collections.Counter()
        total: collections.Counter = collections.Counter()
        for one in sets:
            for pair in one.scored:
                if not any(INJECTED in f.evidence for f in pair.flags):
                    continue
                for flag in decided(pair, model, setting):
                    if INJECTED in flag.evidence:
                        total[flag.check] += 1
                        kept[flag.check] += SEVERITY_RANK[flag.severity] >= 2
        caught: collections.Counter = collections.Counter()
        made: collections.Counter = collections.Counter()
        for name, (kinds, pairs) in errors.items():
            labels = labelled.get(name) or [None] * len(pairs)
            for kind, pair, label in zip(kinds, pairs, labels, strict=True):
                if kind not in ("faithful", "severe"):
                    made[kind] += 1
                    caught[kind] += keeps_major_meaning(decided(pair, model, setting))
                elif label is not None:
                    caught[label] += keeps_major_meaning(decided(pair, model, setting))
        print(f"  {setting.label():<62} " + " / ".join(f"{kept[c]}" for c in CHECKS)
              + f"   {caught['genuine']} / {caught['false-alarm']}   "
              + ", ".join(f"{k} {caught[k] / made[k]:.3f}" for k in
                          ("number", "name", "negation", "omission", "short negation",
                           "short name") if made[k]))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None)
    parser.add_argument("--cache", default=None, help="keep the replayed sets here (pickle)")
    parser.add_argument("--grid", action="store_true", help="also the decision's settings")
    parser.add_argument("--errors-cache", default=None, help="decision_floor.py's dev cache")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        sets = [Replayed(*fields) for fields in pickle.loads(cache.read_bytes())]
    else:
        sets = build(shared)
        if cache is not None:  # plain tuples: readable whichever module name this runs under
            cache.write_bytes(pickle.dumps([(s.name, s.pairs, s.scored) for s in sets]))
    model = RiskModel.load()
    print("Flags of earlier rules on dev pairs that today's rules pass, through today's decision:")
    report(sets, model)
    if args.grid:
        errors_file = Path(args.errors_cache) if args.errors_cache else None
        if errors_file is not None and errors_file.exists():
            errors = pickle.loads(errors_file.read_bytes())
        else:
            from benchmarks.decision_keys import score_dev
            from compare.embed import default_embedder
            from compare.qe.predict import QEModel

            errors = score_dev(shared, QEModel.load(None), default_embedder())
            if errors_file is not None:
                errors_file.write_bytes(pickle.dumps(errors))
        grid(sets, errors, model, labelled_dev_pairs(shared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
