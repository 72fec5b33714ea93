"""How likely a pair holds a major meaning error (``pairs[].risk``, 0-1), and severity from that
evidence.

A single rule hit used to make a major or critical flag, and on professional translations most
such hits are free, correct renderings (a name that reached Russian through French, an idiom
that negates nothing). Here every signal about a pair is combined into one calibrated
probability: the meaning model's score and the words it doubts, the rule flags by check and by
their own severity, the alignment similarity and the length ratio. The combiner is a logistic
regression fitted on dev data only (real MQM errors of the dev TED talk, synthetic errors of the
dev lines, professional translations of the dev lines; ``python -m compare.risk_fit``), stored as
plain numbers in ``risk_model.json`` beside this file, with the data and the figures it was
fitted on. A logistic model is a dot product and a sigmoid, so prediction is written here rather
than pulling in a learning library at run time; fitting uses ``scipy.optimize``.

Two probabilities come out of it. The *evidence* (the combiner above) decides severity. The
*risk* shown and ranked (``pairs[].risk``, "Read these first") comes from a second, two-input
logistic fitted on real human judgments only (MQM TED; :mod:`compare.risk_ranking`): the meaning
model's score and the pair's length (``log_chars``), its level set on professional dev text so
that an ordinary long sentence of a good translation stays under the list's floor (session 30).
On dev, the rule flags, doubted words and similarity that help on synthetic errors ranked real
errors worse once carried across domains, so they stay out of it. A pair that keeps a
corroborated major flag is ranked at least at its evidence, so it is never below a pair that
the model merely doubts.

Severity from evidence: a major or critical flag of a check listed in ``needed_risk`` keeps its
severity only when its pair's risk reaches that check's threshold (each chosen on dev so that
professional translations keep few major flags while real and synthetic errors keep theirs);
otherwise it is shown as a minor "check" hint that keeps its evidence and says why (nothing is
dropped). The name and negation thresholds have floors under them (session 40,
``benchmarks/decision_floor.py``, recorded in ``fitted_on.decision_floor``): fitted where dev's
rule flags were already rare, they let half the false flags of new text through; pairs under
80 characters keep the fitted thresholds (:attr:`RiskModel.short_pairs`). Each flag is decided
on its own evidence (:func:`flag_evidence`, session 41): another check's flag on the pair
counts only where it holds on its own, so two rules tripped by one free rendering do not
corroborate each other. Terminology
(the user's own glossary), untranslated text and punctuation are not meaning guesses and are left
as the checks set them.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from compare.flags import SEVERITY_RANK, Flag
from compare.qe.negation_view import OVERTURN_GAIN

RISK_MODEL_FILE = Path(__file__).with_name("risk_model.json")

# Rule checks whose hits are counted as evidence, grouped as the combiner sees them.
FLAG_GROUPS: dict[str, tuple[str, ...]] = {
    "number": ("number-mismatch",),
    "name": ("name-mismatch", "country-mismatch"),
    "negation": ("negation-mismatch",),
    "antonym": ("antonym", "antonym-vector"),
    "coverage": ("omission", "addition", "low-similarity"),
    "meaning": ("meaning-shift",),
}
MEANING_CATEGORIES = ("number", "name", "negation", "omission", "addition", "meaning")
# Set by hand, not fitted: the combiner is fitted on 1-1 line pairs and has never seen a
# sentence that the aligner left without a counterpart, which is an omission or addition of a
# whole sentence (the coverage checks' precision on held-out perturbations is in
# benchmarks/README.md, "Alignment accuracy"). Without it such a pair read as 15 % on the demo.
UNPAIRED_RISK = 0.9
# The e5 cosine of a pair (its alignment similarity) under which a negation flag is read as a
# free rendering (``negation-mismatch+loose``), and from which as an otherwise literal
# translation whose negation alone differs (``+close``): e5 barely sees a negation, so a lost one
# leaves the pair as close as the faithful translation, while an idiom rendered freely ("Берись
# дружно - не будет грузно" / "Many hands make light work") reads far apart (session 31).
LOOSE_SIMILARITY = 0.8
CLOSE_SIMILARITY = 0.9
# A passage of a paired source sentence that the English leaves out (compare.checks.
# omitted_passage by the sentence vectors, compare.checks.meaning_omission by the meaning
# model's omission head) is the same finding inside a pair; the combiner has not seen those
# checks either, so their major flag ranks the pair as an unpaired sentence is ranked.
PASSAGE_CHECKS = ("omitted-passage", "meaning-omission")


def feature_names() -> list[str]:
    """The combiner's inputs, in the order of the stored weights."""
    names = ["qe_low", "qe_missing", "doubted_source", "doubted_target", "low_similarity",
             "similarity_missing", "length_gap"]  # fmt: skip
    for group in FLAG_GROUPS:
        names += [f"{group}_major", f"{group}_minor"]
    return names


@dataclass
class RiskModel:
    """Logistic weights over :func:`feature_names`, a bias, and the severity decision."""

    weights: dict[str, float]
    bias: float
    needed_risk: dict[str, float] = field(default_factory=dict)
    """Per check id: a major or critical flag of that check needs its pair's risk at least this
    (chosen on dev); checks not named keep the severity they give."""
    rules_only: dict[str, Any] = field(default_factory=dict)
    """``weights``, ``bias`` and ``needed_risk`` used when the meaning model did not run."""
    short_pairs: dict[str, Any] = field(default_factory=dict)
    """``chars`` and ``needed_risk``: a pair of fewer characters (both sides together) is held
    to these thresholds instead where they name a check, with the meaning model (the floors of
    ``fitted_on.decision_floor`` are for news-length pairs; on short ones they cost the most
    recall for the least precision, session 40). Empty: every pair alike."""
    ranking: dict[str, Any] = field(default_factory=dict)
    """``weights`` and ``bias`` of the risk shown and ranked (``pairs[].risk``), fitted on real
    human judgments only (:mod:`compare.risk_ranking`). Empty: the evidence model above ranks
    too."""
    version: str = "1"
    fitted_on: dict[str, Any] = field(default_factory=dict)
    digest: str = ""
    """The first hex digits of the stored file's SHA-256 (in the report signature, so that two
    reports from different weights never carry the same one)."""

    @classmethod
    def load(cls, path: str | Path = RISK_MODEL_FILE) -> RiskModel:
        raw = Path(path).read_bytes()
        data = json.loads(raw.decode("utf-8"))
        return cls(
            weights={k: float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            needed_risk={k: float(v) for k, v in data.get("needed_risk", {}).items()},
            rules_only=data.get("rules_only", {}),
            short_pairs=data.get("short_pairs", {}),
            ranking=data.get("ranking", {}),
            version=str(data.get("version", "1")),
            fitted_on=data.get("fitted_on", {}),
            digest=hashlib.sha256(raw).hexdigest()[:10],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "weights": {k: round(v, 6) for k, v in self.weights.items()},
            "bias": round(self.bias, 6),
            "needed_risk": {k: round(v, 6) for k, v in self.needed_risk.items()},
            "rules_only": self.rules_only,
            "short_pairs": self.short_pairs,
            "ranking": self.ranking,
            "fitted_on": self.fitted_on,
        }

    @property
    def name(self) -> str:
        return f"risk-logistic-v{self.version}" + (f"+{self.digest}" if self.digest else "")


_DEFAULT: list[RiskModel] = []


def default_model() -> RiskModel:
    """The shipped combiner, read once."""
    if not _DEFAULT:
        _DEFAULT.append(RiskModel.load())
    return _DEFAULT[0]


def original_severity(flag: Flag) -> str:
    """The severity the check gave, before any evidence-based change (so that risk is the same
    however often it is computed)."""
    decided = flag.evidence.get("severity_decision") or {}
    if decided.get("from"):
        return str(decided["from"])
    qe_view = flag.evidence.get("qe") or {}
    return str(qe_view.get("demoted_from") or flag.severity)


def _max_p(spans: Sequence[dict[str, Any]]) -> float:
    return max((float(s.get("p", 0.0)) for s in spans), default=0.0)


def log_chars(source_chars: int, target_chars: int) -> float:
    """The length input of the ranking (:mod:`compare.risk_ranking`; not the evidence's):
    log(1 + characters of both sides)."""
    return math.log1p(max(source_chars, 0) + max(target_chars, 0))


def pair_features(
    flags: Sequence[Flag], qe: dict[str, Any] | None, similarity: float | None,
    source_chars: int, target_chars: int,
) -> dict[str, float]:  # fmt: skip
    """The combiner's inputs for one pair (plain numbers; see :func:`feature_names`)."""
    values = dict.fromkeys(feature_names(), 0.0)
    if qe is None:
        values["qe_missing"] = 1.0
    else:
        values["qe_low"] = 1.0 - float(qe.get("score", 1.0))
        values["doubted_source"] = _max_p(qe.get("source_bad", []))
        values["doubted_target"] = _max_p(qe.get("target_bad", []))
    if similarity is None:
        values["similarity_missing"] = 1.0
    else:
        values["low_similarity"] = max(0.0, 1.0 - float(similarity))
    if source_chars and target_chars:
        values["length_gap"] = abs(math.log((target_chars + 10) / (source_chars + 10)))
    values["log_chars"] = log_chars(source_chars, target_chars)
    for flag in flags:
        key = count_key(flag)
        if key is not None:
            values[key] = min(values[key] + 1.0, 2.0)
    return values


GROUP_OF = {check: group for group, checks in FLAG_GROUPS.items() for check in checks}


def count_key(flag: Flag) -> str | None:
    """The combiner's input that counts ``flag`` (``name_major``...), None for a flag it does
    not count (dismissed, or of a check outside :data:`FLAG_GROUPS`)."""
    if flag.dismissed or flag.check not in GROUP_OF:
        return None
    level = "major" if SEVERITY_RANK[original_severity(flag)] >= 2 else "minor"
    if flag.check == "meaning-shift" and flag.evidence.get("sure_word") is False:
        # Under the model's cut without a word it is sure of: a minor hint itself
        # (compare.checks.meaning), but still the low score the combiner was fitted on as a
        # major meaning-shift, and so evidence for the pair's other flags.
        level = "major"
    return f"{GROUP_OF[flag.check]}_{level}"


def probability(values: dict[str, float], weights: dict[str, float], bias: float) -> float:
    total = bias + sum(weights.get(k, 0.0) * v for k, v in values.items())
    if total >= 0:
        return 1.0 / (1.0 + math.exp(-total))
    e = math.exp(total)
    return e / (1.0 + e)


def pair_risk(values: dict[str, float], model: RiskModel) -> float:
    """P(major meaning error) for one pair's features, with the rules-only weights when the
    meaning model did not run."""
    if values.get("qe_missing") and model.rules_only:
        return probability(values, model.rules_only["weights"], model.rules_only["bias"])
    return probability(values, model.weights, model.bias)


def ranked_risk(values: dict[str, float], model: RiskModel, evidence: float,
                keeps_major: bool) -> float:  # fmt: skip
    """The risk shown and ranked: the ranking model's probability (see :class:`RiskModel`), or
    ``evidence`` where it is higher and the pair keeps a major+ meaning flag, so that a
    corroborated error is never ranked below a pair the model merely doubts. Without a ranking
    model, or without the meaning model's inputs, the evidence itself."""
    if not model.ranking or values.get("qe_missing"):
        return evidence
    risk = probability(values, model.ranking["weights"], float(model.ranking["bias"]))
    return max(risk, evidence) if keeps_major else risk


def keeps_major_meaning(flags: Sequence[Flag]) -> bool:
    """Whether any flag is a major or critical meaning flag as it stands now."""
    return any(SEVERITY_RANK[f.severity] >= 2 and f.category in MEANING_CATEGORIES
               for f in flags if not f.dismissed)  # fmt: skip


def assess_pair(flags: Sequence[Flag], values: dict[str, float], qe: dict[str, Any] | None,
                model: RiskModel) -> tuple[float, float]:  # fmt: skip
    """Decide the severity of ``flags`` (in place) from the evidence on their pair, and return
    (risk shown and ranked, evidence probability)."""
    evidence = pair_risk(values, model)
    similarity = None if values.get("similarity_missing") else 1.0 - values["low_similarity"]
    chars = math.expm1(values["log_chars"]) if "log_chars" in values else None
    decide_flags(flags, values, model, needed_for(model, qe is None, chars), qe, similarity)
    return ranked_risk(values, model, evidence, keeps_major_meaning(flags)), evidence


def flag_evidence(flags: Sequence[Flag], values: dict[str, float], model: RiskModel,
                  needed: dict[str, float], qe: dict[str, Any] | None = None,
                  similarity: float | None = None) -> list[float]:  # fmt: skip
    """The evidence that decides each flag: the pair's inputs (``values``, as
    :func:`pair_features` counts ``flags``) in which another check's flag counts only where it
    holds on its own, that is where the decision keeps it on the pair's evidence without the
    other checks' flags (a flag no threshold decides, and a check's own hint, always hold).

    Why (session 41): a freely rendered sentence trips several rules at once, and their flags
    corroborated one another (a name the English leaves out beside a number it writes another
    way, "6-foot-6" for "двухметровый"): earlier rules' false flags replayed on dev passed the
    decision that way (``benchmarks/historical_flags.py``). A flag with evidence of its own
    still corroborates the others."""
    groups = [GROUP_OF.get(flag.check) for flag in flags]
    own = [{k: (0.0 if k.endswith(("_major", "_minor")) and not k.startswith(f"{group}_")
                else v) for k, v in values.items()} for group in groups]  # fmt: skip
    holds = []
    for flag, mine in zip(flags, own, strict=True):
        alone = replace(flag, evidence=dict(flag.evidence))
        decide_severity([alone], pair_risk(mine, model), needed, qe, similarity)
        holds.append(SEVERITY_RANK[original_severity(flag)] < 2 or flag.check not in needed
                     or SEVERITY_RANK[alone.severity] >= 2)  # a hint counts as it always did
    out = []
    for k in range(len(flags)):
        mine = dict(own[k])
        for j, other in enumerate(flags):
            key = count_key(other)
            if j != k and key is not None and holds[j] and groups[j] != groups[k]:
                mine[key] = min(mine[key] + 1.0, 2.0)
        out.append(pair_risk(mine, model))
    return out


def decide_flags(flags: Sequence[Flag], values: dict[str, float], model: RiskModel,
                 needed: dict[str, float], qe: dict[str, Any] | None = None,
                 similarity: float | None = None) -> None:  # fmt: skip
    """:func:`decide_severity` for each flag on its own evidence (:func:`flag_evidence`)."""
    for flag, evidence in zip(flags, flag_evidence(flags, values, model, needed, qe, similarity),
                              strict=True):  # fmt: skip
        decide_severity([flag], evidence, needed, qe, similarity)


def needed_for(model: RiskModel, rules_only: bool, chars: float | None = None
               ) -> dict[str, float]:  # fmt: skip
    """The per-check thresholds in force with or without the meaning model, for a pair of
    ``chars`` characters (both sides; see :attr:`RiskModel.short_pairs`)."""
    if rules_only and model.rules_only:
        return {k: float(v) for k, v in model.rules_only.get("needed_risk", {}).items()}
    short = model.short_pairs
    if short and chars is not None and chars < float(short["chars"]):
        return {**model.needed_risk, **{k: float(v) for k, v in short["needed_risk"].items()}}
    return model.needed_risk


def flag_doubted(flag: Flag, qe: dict[str, Any] | None) -> bool:
    """Whether the meaning model doubts a word under the flag (its own corroboration)."""
    if qe is None:
        return False
    spans = qe.get("source_bad" if flag.side == "source" else "target_bad", [])
    end = max(flag.end, flag.start + 1)
    return any(int(s["start"]) < end and flag.start < int(s["end"]) for s in spans)


def self_evident(flag: Flag) -> bool:
    """A flag that carries its own corroboration and keeps the check's severity: a number that
    reads differently on the two sides ("the source says 5, the English says 7"), where both
    numbers were found and neither side lacks one. A number on one side only ("these two
    devices", "с нуля") is decided by the evidence like the other checks."""
    if flag.check != "number-mismatch":
        return False
    return bool(flag.evidence.get("source")) and bool(flag.evidence.get("target"))


def decision_key(flag: Flag, qe: dict[str, Any] | None, needed: dict[str, float],
                 similarity: float | None = None) -> str:  # fmt: skip
    """The threshold that decides this flag, the first that exists of: ``check+overturned`` for
    a negation without which the pair reads far better (the view's gain at least
    :data:`compare.qe.negation_view.OVERTURN_GAIN`); ``check+loose`` or ``check+close`` for a
    negation on a pair whose ``similarity`` is under :data:`LOOSE_SIMILARITY` or from
    :data:`CLOSE_SIMILARITY` (the shipped thresholds name ``+loose`` only); ``check+reversed`` for a
    negation that the meaning model reads as lost or added (the English is the sentence without
    it, :mod:`compare.qe.negation_view`) or an antonym whose English reads closer to the source
    with the word's opposite (``with_opposite``, :mod:`compare.checks.antonyms`);
    ``check+alien`` or ``check+fits`` for a name flag on a pair whose English reads better, or
    not, without its unmatched name
    (:mod:`compare.qe.name_view`; not ``+fits`` where the source lacks a name too, a swap by the
    rule's own evidence); ``check+rendered`` for a source name that the meaning model's omission
    head reads as rendered in the English (:func:`compare.qe.omission_head.add_rendered_view`);
    ``check+swapped`` for a name flag whose pair has one unmatched name on each side, not alike
    (:func:`compare.name_pairs.mark_swapped`: the rule's own evidence of a name put in another's
    place, before the omission head's reading that the English renders the source's; not in the
    shipped thresholds);
    ``check+dropped`` for a source name the English leaves out without putting another
    capitalised word in its place (:class:`compare.checks.names.NameMismatch`, ``dropped``: a
    pronoun, a description, a name given nearby, rather than a swap);
    ``check+fits`` for a negation without which the pair reads no better (gain at most 0), and
    ``check+carried`` for one that the model reads as rendered in other words (asked, not
    reversed), both before the model's doubt of the flagged word (session 31; the shipped
    thresholds name neither: on lost negations in short sentences the view errs too often,
    ``benchmarks/decision_keys.py``);
    ``check+doubted`` when the model doubts the flagged words;
    ``check+carried`` for any other negation (the model was not asked); the check's own."""
    negation = flag.evidence.get("without_negation")
    view = negation or flag.evidence.get("with_opposite") or {}
    named = flag.evidence.get("without_name")
    rendered = (flag.evidence.get("omission_head") or {}).get("rendered")
    by_similarity = flag.check == "negation-mismatch" and similarity is not None
    keys = (f"{flag.check}+overturned" if negation and negation["gain"] >= OVERTURN_GAIN
            else None,
            f"{flag.check}+loose" if by_similarity and similarity < LOOSE_SIMILARITY
            else None,
            f"{flag.check}+close" if by_similarity and similarity >= CLOSE_SIMILARITY
            else None,
            f"{flag.check}+reversed" if view.get("reversed") else None,
            f"{flag.check}+alien" if named and named["alien"] else None,
            f"{flag.check}+swapped" if flag.evidence.get("swapped") else None,
            f"{flag.check}+rendered" if rendered else None,
            f"{flag.check}+fits" if named and not named["alien"] and not named.get("paired")
            else None,
            f"{flag.check}+dropped" if flag.evidence.get("dropped") else None,
            f"{flag.check}+fits" if negation and negation["gain"] <= 0 else None,
            f"{flag.check}+carried" if negation and not negation.get("reversed") else None,
            f"{flag.check}+doubted" if flag_doubted(flag, qe) else None,
            f"{flag.check}+carried" if flag.check == "negation-mismatch" else None)  # fmt: skip
    return next((key for key in keys if key in needed), flag.check)


UNCONFIRMED_NOTE = " (Check: the other evidence on this pair does not confirm it.)"
CARRIED_NOTE = (" (Check: the meaning model reads the English as keeping the negation in other"
                " words, and the other evidence does not confirm a reversal.)")  # fmt: skip
RENDERED_NOTE = (" (Check: the meaning model reads this name as rendered in the English, perhaps"
                 " spelled another way, and the other evidence does not confirm an error.)")
DROPPED_NOTE = (" (Check: the English leaves this name out without putting another name in its"
                " place, as a translator does for a name given nearby or said as “he” or “the"
                " city”, and the other evidence does not confirm an error.)")
FITS_NOTE = (" (Check: the meaning model reads the English as well with this name as without it,"
             " as a name a translator adds or spells another way, and the other evidence does"
             " not confirm an error.)")  # fmt: skip


def _note(flag: Flag) -> str:
    """What a flag demoted to a hint says: why the evidence does not confirm it."""
    negation = flag.evidence.get("without_negation")
    if negation and not negation.get("reversed"):
        return CARRIED_NOTE
    named = flag.evidence.get("without_name")
    if (flag.evidence.get("omission_head") or {}).get("rendered") and not (named or {}).get(
            "alien"):  # fmt: skip
        return RENDERED_NOTE
    if named and not named.get("alien") and not named.get("paired"):
        return FITS_NOTE
    if flag.evidence.get("dropped"):
        return DROPPED_NOTE
    return UNCONFIRMED_NOTE


def decide_severity(flags: Sequence[Flag], risk: float, needed: dict[str, float],
                    qe: dict[str, Any] | None = None, similarity: float | None = None,
                    ) -> None:  # fmt: skip
    """Severity from evidence: a major or critical flag of a check in ``needed`` keeps (or gets
    back) its severity when ``risk`` reaches its threshold (a lower one when the meaning model
    doubts the flagged words, see :func:`decision_key`, which also reads the pair's alignment
    ``similarity``), else becomes a minor "check" hint that says why. Idempotent: the check's own
    severity is kept in the evidence."""
    for flag in flags:
        if flag.check not in needed or self_evident(flag):
            continue
        key = decision_key(flag, qe, needed, similarity)
        threshold = needed[key]
        own = original_severity(flag)
        if SEVERITY_RANK[own] < 2:
            continue
        note = _note(flag)
        if risk >= threshold:
            flag.severity = own
            for shown in (CARRIED_NOTE, DROPPED_NOTE, FITS_NOTE, RENDERED_NOTE, UNCONFIRMED_NOTE):
                flag.message = flag.message.replace(shown, "")
            flag.evidence.pop("severity_decision", None)
        else:
            if flag.severity != "minor":
                flag.message += note
            flag.severity = "minor"
            flag.evidence["severity_decision"] = {"from": own, "risk": round(risk, 4),
                                                  "needed": round(threshold, 4)}  # fmt: skip


def _chars(report: Any, indices: Sequence[int], side: str) -> int:
    doc = report.source if side == "source" else report.target
    if doc is None:
        return 0
    return sum(len(doc.sentence_text(i)) for i in indices)


def attach_risk(report: Any, model: RiskModel | None = None) -> None:
    """Set ``pair.risk`` on every pair of ``report`` and decide the severity of its corroborated
    flags from it (see the module docstring). A pair with no source (an added sentence) or no
    English (an omitted one) that carries a major coverage flag, or whose major
    omitted-passage or meaning-omission flag stands, gets at least :data:`UNPAIRED_RISK`."""
    model = model or default_model()
    for pair in report.pairs:
        values = pair_features(pair.flags, pair.qe, pair.similarity,
                               _chars(report, pair.source, "source"),
                               _chars(report, pair.target, "target"))  # fmt: skip
        risk, _ = assess_pair(pair.flags, values, pair.qe, model)
        if (not pair.source or not pair.target) and any(
            f.check in FLAG_GROUPS["coverage"] and not f.dismissed
            and SEVERITY_RANK[original_severity(f)] >= 2 for f in pair.flags
        ):
            risk = max(risk, UNPAIRED_RISK)
        if any(f.check in PASSAGE_CHECKS and not f.dismissed and SEVERITY_RANK[f.severity] >= 2
               for f in pair.flags):  # fmt: skip
            risk = max(risk, UNPAIRED_RISK)
        pair.risk = round(risk, 4)


def riskiest(report: Any, k: int = 10, floor: float = 0.0) -> list[int]:
    """Indices into ``report.pairs`` of the ``k`` riskiest pairs whose risk is at least
    ``floor``, riskiest first (ties in document order)."""
    scored = [(p.risk, i) for i, p in enumerate(report.pairs)
              if getattr(p, "risk", None) is not None and p.risk >= floor]  # fmt: skip
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [i for _, i in scored[:k]]
