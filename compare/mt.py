"""Machine-translation signals added to a finished report: one more opinion beside the checks.

For every aligned pair the report gains ``pair.mt``: what a machine makes of the source in
English (``en``), what a machine makes of the human English in the source language (``back``),
the sentence chrF of the machine English against the human English, a word-level diff of the
two for display, and ``evidence``: the number, name and negation checks re-run with the machine
English in place of the human one. When the human English is flagged and the machine English is
not, the machine agrees with the source (the English says 283, the source and the machine say
238): the flag is supported. When both are flagged, the source itself probably trips the check.
Document-level chrF, BLEU and TER (sacrebleu) go to ``report.mt``.

Back-translation alone is a weak judge (literal translations score well, the backward model can
silently repair errors), so these signals never raise flags of their own.
"""

from __future__ import annotations

import difflib
import importlib.util
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from compare.alignment_types import AlignedPair
from compare.checks.base import REGISTRY, CheckContext
from compare.document import Document, Sentence
from compare.progress import time_left, work
from compare.report import PairResult, Report
from compare.translate import (
    MODELS,
    NLLB_ID,
    BackTranslator,
    ModelUnavailable,
    TransformersTranslator,
    require_local,
    resolve_model,
)

EVIDENCE_CHECKS = ("number-mismatch", "name-mismatch", "negation-mismatch")
MT_PACKAGES = ("torch", "transformers", "sentencepiece", "sacrebleu")
Progress = Callable[[str, str], None]

_SUPPORTED = "The machine translation agrees with the source here, which supports this flag."
_DOUBTFUL = ("The machine translation trips the same check, so the source wording may be what "
             "triggers this flag.")  # fmt: skip


@dataclass
class MTSetup:
    """Translators ready to use (either may be None) and notices on what could not be loaded."""

    to_en: BackTranslator | None = None
    from_en: BackTranslator | None = None
    notices: list[str] = field(default_factory=list)

    def for_language(self, lang: str) -> MTSetup:
        """Already built: the same translators whatever the source language."""
        return self


@dataclass
class MTOptions:
    """What the user chose; :meth:`for_language` loads the models once the source is known.

    ``to_en``/``from_en`` are hub ids, local folders, the alias ``nllb``, or None for the
    default of the direction. ``cache_path`` None uses the default cache file; "" disables it.
    ``threads``: CPU threads of the models (None: :func:`compare.threads.threads_for`).
    """

    to_en: str | None = None
    from_en: str | None = None
    device: str = "auto"
    int8: bool | None = None
    cache_path: str | None = None
    threads: int | None = None

    def for_language(self, lang: str) -> MTSetup:
        return build_translators(lang, self)


def missing_packages() -> list[str]:
    """The MT packages that are not installed (checked without importing them)."""
    return [p for p in MT_PACKAGES if importlib.util.find_spec(p) is None]


def build_translators(src_lang: str, options: MTOptions | None = None) -> MTSetup:
    """Load the to-English and from-English models for ``src_lang`` from local files.

    Never downloads and never raises for a missing model: each direction that cannot be loaded
    becomes a notice naming the model and the command that fetches it.
    """
    options = options or MTOptions()
    setup = MTSetup()
    missing = missing_packages()
    if missing:
        setup.notices.append(
            "Machine translation was skipped: the packages " + ", ".join(missing)
            + " are not installed (pip install -r requirements.txt)."
        )  # fmt: skip
        return setup
    wanted = []
    for attr, src, tgt, spec in (("to_en", src_lang, "en", options.to_en),
                                 ("from_en", "en", src_lang, options.from_en)):  # fmt: skip
        try:
            ref = resolve_model(spec, src, tgt)
        except ValueError as exc:
            setup.notices.append(f"Machine translation {src}->{tgt} was skipped: {exc}")
            continue
        try:
            require_local(ref)  # fast: no torch import when the model is not here
        except ModelUnavailable as exc:
            setup.notices.append(f"Machine translation {src}->{tgt} was skipped: {exc}")
            setup.notices.extend(_weak_model_hint(ref, src, tgt))
            continue
        wanted.append((attr, ref, src, tgt))
    cache = _open_cache(options.cache_path, setup.notices) if wanted else None
    for attr, ref, src, tgt in wanted:
        try:
            translator = TransformersTranslator.load(
                ref, src, tgt, device=options.device, int8=options.int8, cache=cache,
                threads=options.threads,
            )
        except (ModelUnavailable, ValueError) as exc:
            setup.notices.append(f"Machine translation {src}->{tgt} was skipped: {exc}")
            continue
        setattr(setup, attr, translator)
        setup.notices.extend(_licence_notices(ref, src, tgt))
    return setup


def _open_cache(path: str | None, notices: list[str]) -> Any:
    if path == "":
        return None
    from compare.mt_cache import MTCache, default_cache_path

    target = path or default_cache_path()
    try:
        return MTCache(target, notice=notices.append)  # a damaged file: set aside, said
    except (OSError, sqlite3.Error) as exc:  # unwritable folder, corrupt file: run uncached
        notices.append(f"The translation cache {target} could not be opened ({exc}); "
                       "translations will not be kept between runs.")  # fmt: skip
        return None


def _licence_notices(ref: str, src: str, tgt: str) -> list[str]:
    """What the user must know about a model that is in use: a restrictive licence, weakness."""
    info = MODELS.get(ref)
    out = []
    if info is not None and "NC" in info.licence:
        out.append(f"Machine translation {src}->{tgt} uses {ref}, licensed {info.licence} "
                   "(non-commercial use only).")  # fmt: skip
    return out + _weak_model_hint(ref, src, tgt)


def _weak_model_hint(ref: str, src: str, tgt: str) -> list[str]:
    info = MODELS.get(ref)
    if info is None or "weak" not in info.note:
        return []
    flag = "--mt-model-to-en" if tgt == "en" else "--mt-model-from-en"
    return [
        f"{ref} is {info.note}; {NLLB_ID} is much stronger for {src}->{tgt} ({flag} nllb; "
        f"download with: python -m compare models download --model {NLLB_ID}; licence "
        f"{MODELS[NLLB_ID].licence}, non-commercial use only)."
    ]  # fmt: skip


# ----------------------------------------------------------------------------- signals


def add_mt(report: Report, setup: MTSetup, progress: Progress | None = None) -> None:
    """Fill ``pair.mt`` for every pair and ``report.mt`` for the document, in place.

    A report without a source, or a setup without translators, only gains the notices.
    """
    say = progress or (lambda stage, message: None)
    report.notices.extend(n for n in setup.notices if n not in report.notices)
    if report.source is None or (setup.to_en is None and setup.from_en is None):
        return
    src_sents = report.source.sentence_texts()
    en_sents = report.target.sentence_texts()
    wanted = {"en": ("Translating into English", setup.to_en, src_sents),
              "back": ("Translating back from English", setup.from_en, en_sents)}
    wanted = {key: job for key, job in wanted.items() if job[1] is not None}
    done = dict(zip(wanted, translate_counted(list(wanted.values()), say), strict=True))
    mt_en, back = done.get("en"), done.get("back")

    pair_mt = [_join(mt_en, p.source) for p in report.pairs]
    evidence = _check_evidence(report, pair_mt)
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    for n, pair in enumerate(report.pairs):
        human = report.pair_text(pair, "target")
        machine = pair_mt[n]
        scored = bool(machine and human)
        pair.mt = {
            "en": machine,
            "back": _join(back, pair.target),
            "chrf": round(chrf.sentence_score(machine, [human]).score, 2) if scored else None,
            "diff": word_diff(machine, human) if scored else None,
            "evidence": evidence.get(n, []),
        }
    report.mt = _document_scores(report, pair_mt, setup)
    report.notices.extend(_summary_notices(report))
    report.signature.extra["mt"] = {
        "to_en": getattr(setup.to_en, "name", None),
        "from_en": getattr(setup.from_en, "name", None),
    }


MT_CHUNK = 64
"""Distinct sentences handed to a translator at once, shortest first, with a progress report
before each (four of its batches of 16: a chunk takes seconds on a CPU, so the count moves and
a cancelled pass of the app stops soon). Batches of similar lengths as in one call: the
translator sorts its batches by length within a chunk."""


def translate_counted(jobs: list[tuple[str, BackTranslator, list[str]]],
                      say: Progress) -> list[list[str]]:
    """The translations of each ``(label, translator, texts)`` of ``jobs``, in order, saying
    "label: k of N sentences, about T left" (stage ``translating``) before each chunk of
    :data:`MT_CHUNK` distinct sentences, and "N of N" at the end. One count runs over every
    job, so the time left is that of the whole translation; it follows the characters
    (:func:`compare.progress.work`), since the sentences go shortest first."""
    plans = [sorted(dict.fromkeys(texts), key=len) for _, _, texts in jobs]
    total = sum(len(plan) for plan in plans)
    cost = work([text for plan in plans for text in plan])
    started = time.monotonic()
    before = 0
    out = []
    for (label, translator, texts), plan in zip(jobs, plans, strict=True):
        got: dict[str, str] = {}
        for first in range(0, len(plan), MT_CHUNK):
            at = before + first
            say("translating", f"{label}: {at:,} of {total:,} sentences"
                               f"{time_left(started, cost[at], cost[-1])}")
            part = plan[first : first + MT_CHUNK]
            got.update(zip(part, translator.translate(part), strict=True))
        before += len(plan)
        out.append([got[text] for text in texts])
    if jobs and total:  # the count reaches the total: the translation is done
        say("translating", f"{jobs[-1][0]}: {total:,} of {total:,} sentences")
    return out


def _summary_notices(report: Report) -> list[str]:
    """One line on how close the machine English is, one on how it bears on the flags."""
    lines = []
    scores = report.mt or {}
    if scores.get("chrf") is not None:
        model = (scores.get("to_en") or {}).get("model", "the model")
        lines.append(f"Machine English by {model} against the human English: chrF "
                     f"{scores['chrf']}, BLEU {scores['bleu']}, TER {scores['ter']}.")  # fmt: skip
    verdicts = [e["verdict"] for p in report.pairs if p.mt for e in p.mt["evidence"]]
    if verdicts:
        lines.append(
            f"Machine-translation evidence on number, name and negation flags: "
            f"{verdicts.count('supported')} supported (the machine agrees with the source), "
            f"{verdicts.count('doubtful')} doubtful (the machine English trips the same check)."
        )  # fmt: skip
    return lines


def _join(translations: list[str] | None, idx: list[int]) -> str | None:
    if translations is None or not idx:
        return None
    return " ".join(translations[i] for i in idx)


_TOKEN = regex.compile(r"\S+")


def word_diff(machine: str, human: str) -> list[dict[str, str]]:
    """Word-level diff for display: runs of ``equal``/``replace``/``delete``/``insert``.

    ``mt`` holds the machine's words of a run, ``human`` the human translator's; ``delete``
    means only the machine has them, ``insert`` only the human English.
    """
    a, b = _TOKEN.findall(machine), _TOKEN.findall(human)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return [{"op": tag, "mt": " ".join(a[i1:i2]), "human": " ".join(b[j1:j2])}
            for tag, i1, i2, j1, j2 in ops]  # fmt: skip


def _check_evidence(report: Report, pair_mt: list[str | None]) -> dict[int, list[dict]]:
    """Re-run the number/name/negation checks with the machine English as the target."""
    assert report.source is not None
    rows = [n for n, p in enumerate(report.pairs) if p.source and p.target and pair_mt[n]]
    if not rows:
        return {}
    text, sentences, pairs = "", [], []
    for k, n in enumerate(rows):
        start = len(text)
        text += pair_mt[n] or ""
        sentences.append(Sentence(index=k, start=start, end=len(text), paragraph=k))
        pairs.append(AlignedPair(tuple(report.pairs[n].source), (k,), report.pairs[n].score))
        text += "\n"
    mt_doc = Document(text, "en", [], sentences)
    ctx = CheckContext(target=mt_doc, source=report.source, pairs=pairs,
                       thresholds=dict(report.signature.thresholds))  # fmt: skip
    src_owner = {i: n for n in rows for i in report.pairs[n].source}
    mt_flags: dict[tuple[int, str], int] = {}
    for cid in EVIDENCE_CHECKS:
        if cid not in REGISTRY:
            continue
        for f in REGISTRY[cid]().run(ctx):
            n = rows[_sentence_at(sentences, f.start)] if f.side == "target" else None
            if f.side == "source":
                n = src_owner.get(_sentence_at(report.source.sentences, f.start))
            if n is not None:
                mt_flags[n, cid] = mt_flags.get((n, cid), 0) + 1
    out: dict[int, list[dict]] = {}
    for n in rows:
        entries = _pair_evidence(report.pairs[n], pair_mt[n] or "", mt_flags, n)
        if entries:
            out[n] = entries
    return out


def _sentence_at(sentences: list[Sentence], offset: int) -> int:
    k = 0
    for i, s in enumerate(sentences):
        if s.start <= offset:
            k = i
    return k


def _pair_evidence(pair: PairResult, machine: str, mt_flags: dict, n: int) -> list[dict]:
    entries = []
    for cid in EVIDENCE_CHECKS:
        human = sum(1 for f in pair.flags if f.check == cid)
        if not human:
            continue
        machine_count = mt_flags.get((n, cid), 0)
        supported = machine_count == 0
        entry: dict[str, Any] = {
            "check": cid,
            "verdict": "supported" if supported else "doubtful",
            "message": _SUPPORTED if supported else _DOUBTFUL,
            "human_flags": human,
            "mt_flags": machine_count,
        }
        if cid == "number-mismatch":
            from compare.number_mentions import extract_numbers

            entry["mt_numbers"] = [m.text.strip() for m in extract_numbers(machine, "en")
                                   if not m.soft]  # fmt: skip
        entries.append(entry)
    return entries


def _document_scores(report: Report, pair_mt: list[str | None], setup: MTSetup) -> dict:
    """chrF/BLEU/TER of the machine English against the human English, with signatures."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps, refs = [], []
    for n, pair in enumerate(report.pairs):
        human = report.pair_text(pair, "target")
        if pair_mt[n] and human:
            hyps.append(pair_mt[n])
            refs.append(human)
    scores: dict[str, Any] = {"pairs_scored": len(hyps)}
    if hyps:
        signatures = {}
        for name, metric in (("chrf", CHRF()), ("bleu", BLEU()), ("ter", TER())):
            scores[name] = round(metric.corpus_score(hyps, [refs]).score, 2)
            signatures[name] = str(metric.get_signature())
        scores["signatures"] = signatures
    for attr in ("to_en", "from_en"):
        scores[attr] = _translator_info(getattr(setup, attr))
    return scores


def _translator_info(translator: BackTranslator | None) -> dict[str, Any] | None:
    if translator is None:
        return None
    runtime = getattr(translator, "runtime", None)
    stats = getattr(translator, "stats", None)
    model_id = getattr(translator, "model_id", translator.name)
    info = MODELS.get(model_id)
    return {
        "model": model_id,
        "name": translator.name,
        "licence": info.licence if info else "see its model card",
        "direction": f"{translator.src_lang}-{translator.tgt_lang}",
        "device": getattr(runtime, "device", None),
        "int8": getattr(runtime, "int8", None),
        "generated": getattr(stats, "generated", None),
        "from_cache": getattr(stats, "cached", None),
        "seconds": round(stats.seconds, 3) if stats else None,
    }
