"""The whole check, stage by stage: languages -> sentences -> alignment -> checks -> report.

Every stage is a plain function of the library; this module only wires them together.
The embedder is built by the caller and passed in (the app caches it per server, the CLI
builds it once per run), so nothing here loads a model behind the caller's back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from compare import __version__
from compare.alignment_types import AlignedPair
from compare.check_settings import need_notices, setting_defaults, validate_settings
from compare.checks import CheckContext, all_checks, run_checks
from compare.document import Document
from compare.langid import TextLanguages, script_notice, text_languages
from compare.progress import ReportingEmbedder, counting
from compare.provenance import behaviour_fingerprint
from compare.reading import InputText
from compare.report import Report, Signature, attach_flags, group_edge_runs
from compare.risk import attach_risk, default_model
from compare.script_mix import fold_lookalikes, folded_notice
from compare.segment import segment

Progress = Callable[[str, str], None]
"""Called as ``progress(stage, message)``; stages: languages, segmenting, aligning, estimating,
checking, translating."""

SEGMENTER_NAME = "razdel+rules"
LONG_PAIRS = 500
"""Checks of a document with more pairs than this say which one runs and how far a check's
embedding got (a shorter one's take a second or two: one message)."""
_SIDE_NAMES = {"source": "source", "target": "English"}
"""How messages name the two sides: the user gave a source and an English text."""


@dataclass
class Settings:
    """What the user can choose. Defaults serve most users."""

    source_lang: str = "auto"
    target_lang: str = "auto"
    checks: list[str] | None = None
    thresholds: dict[str, Any] = field(default_factory=dict)
    glossary: Any = None
    """A :class:`compare.glossary.Glossary` (None: the built-in list of abbreviations)."""


def check_texts(
    target: InputText,
    source: InputText | None = None,
    settings: Settings | None = None,
    embedder: Any = None,
    progress: Progress | None = None,
    mt: Any = None,
    qe: Any = None,
    detected: TextLanguages | None = None,
) -> Report:
    """Check an English text against its Russian or Kazakh source (or alone).

    Raises :class:`compare.errors.InputError` when a side is in no supported language.
    ``embedder`` is required when a source is given (see :mod:`compare.embed`).
    ``mt`` (optional; :class:`compare.mt.MTOptions` or :class:`compare.mt.MTSetup`) adds
    machine-translation signals; when a model is missing the report is complete without them
    and carries a notice saying how to get it. ``qe`` (optional; a loaded
    :class:`compare.qe.predict.QEModel`) scores every translated pair with the meaning model:
    ``pairs[].qe``, the ``meaning-shift`` check and the model's view on rule flags.
    Every pair gets a ``risk`` (see :mod:`compare.risk`), the meaning model or not.
    ``detected`` (optional): what :func:`compare.langid.text_languages` finds for these texts
    and ``settings``' languages, found elsewhere beforehand (the CLI has a child process find
    it while the models load: :mod:`compare.languages_ahead`); found here when None.
    """
    settings = settings or Settings()
    user = validate_settings(settings.thresholds)  # a bad setting: one line, before any work
    say = progress or (lambda stage, message: None)
    notices: list[str] = []

    say("languages", "Detecting languages")
    if detected is None:
        detected = text_languages(
            target.text, target.paragraphs, source.text if source is not None else None,
            source.paragraphs if source is not None else None, settings.target_lang,
            settings.source_lang,
        )
    tgt_lang, src_lang = detected.target, detected.source
    if source is not None and (notice := script_notice(source.text, src_lang, "source")):
        notices.append(notice)

    say("segmenting", "Splitting sentences")
    target_doc = Document(target.text, tgt_lang, list(target.paragraphs))
    target_doc.sentences = segment(target.text, tgt_lang, target_doc.paragraphs)
    source_doc = None
    if source is not None:
        # Latin look-alike letters in Cyrillic words (Бiлемiн) read as Cyrillic: one character
        # for one, so offsets hold; the report gets the text as given back at the end.
        folded = fold_lookalikes(source.text, src_lang)
        source_doc = Document(folded.text, src_lang, list(source.paragraphs),
                              as_given=source.text if folded.words else None)
        source_doc.sentences = segment(folded.text, src_lang, source_doc.paragraphs)
        if notice := folded_notice(folded, "source"):
            notices.append(notice)

    if source_doc is None:
        pairs = [AlignedPair((), (i,), 1.0) for i in range(len(target_doc.sentences))]
        notices.append(
            "No source text was given: only the checks that need no source ran "
            "(punctuation, untranslated text)."
        )
        aligner_name = None
    else:
        if embedder is None:
            raise ValueError("an embedder is needed to align a source with its translation")
        from compare.embed import CachingEmbedder

        if not isinstance(embedder, CachingEmbedder):
            # In memory, for this document: the antonym-vector check embeds the aligned
            # sentences again, and this way they are embedded once.
            embedder = CachingEmbedder(embedder)
        from compare.align import AlignSettings, align_sentences

        say("aligning", f"Aligning {len(source_doc.sentences)} source and "
                        f"{len(target_doc.sentences)} English sentences")
        align_settings = AlignSettings()
        pairs = align_sentences(source_doc, target_doc, embedder, align_settings,
                                progress=lambda message: say("aligning", message))
        aligner_name = (
            f"dp-beads(skip={align_settings.skip_cost},multi={align_settings.multi_penalty},"
            f"band={align_settings.band_width})"
        )

    qe_results = None
    qe_thresholds: dict[str, Any] = {}
    if qe is not None and source_doc is not None:
        from compare.qe.predict import estimate_pairs

        # The count the model's progress gives: omissions and additions are not scored.
        scored = sum(1 for p in pairs if p.source and p.target)
        say("estimating", f"Scoring {scored:,} pairs with the meaning model")
        qe_results = estimate_pairs(qe, source_doc, target_doc, pairs,
                                    progress=_counting(say, "estimating", "Scoring meaning"))
        qe_thresholds = {
            "qe_major": qe.config.thresholds.get("major"),
            "qe_critical": qe.config.thresholds.get("critical"),
            "qe_name_confident": qe.config.thresholds.get("name_confident"),
        }

    say("checking", "Running checks")
    checks = all_checks()
    if settings.checks is not None:
        wanted = set(settings.checks)
        checks = [c for c in checks if c.id in wanted]
    ctx = CheckContext(
        target=target_doc,
        source=source_doc,
        pairs=pairs,
        thresholds={**qe_thresholds, **user},
        qe=qe_results,
        embedder=getattr(embedder, "name", None),
        embed_model=_watched(embedder, say) if len(pairs) > LONG_PAIRS else embedder,
        glossary=settings.glossary,
    )
    flags = _run_checks(ctx, checks, say) if len(pairs) > LONG_PAIRS else run_checks(ctx, checks)
    ran_checks = [c for c in checks if source_doc is not None or not c.needs_source]
    ran = [c.id for c in ran_checks]
    have = [n for n, v in (("embedder", embedder), ("meaning-model", qe_results), ("mt", mt))
            if v is not None]
    notices += need_notices(ran_checks, have, ctx)  # a check that could not run says so
    thresholds = {**setting_defaults(ran_checks), **qe_thresholds, **user}

    signature = Signature(
        compare=__version__,
        embedder=getattr(embedder, "name", None) if source_doc is not None else None,
        segmenter=SEGMENTER_NAME,
        aligner=aligner_name,
        checks=ran,
        thresholds=thresholds,
        extra={"code": behaviour_fingerprint(),
               **({"qe": qe.name} if qe_results is not None else {}),
               "risk": default_model().name,
               **_glossary_signature(settings.glossary)},
    )
    mixed = {"target": detected.target_mixed}
    if source_doc is not None:
        mixed["source"] = detected.source_mixed
    for side, found in mixed.items():
        if found:
            shown = ", ".join(str(n + 1) for n in found[:10]) + ("…" if len(found) > 10 else "")
            notices.append(
                f"{len(found)} paragraph(s) of the {_SIDE_NAMES[side]} text look like another "
                "language "
                f"(paragraph {shown}); checks there may be unreliable."
            )
    languages = {"target": tgt_lang, "source": src_lang, "mixed_paragraphs": mixed}
    report = Report(
        signature=signature,
        target=target_doc,
        source=source_doc,
        pairs=attach_flags(pairs, flags, source_doc, target_doc),
        notices=notices,
        languages=languages,
    )
    group_edge_runs(report)
    if qe_results is not None:
        from compare.qe.evidence import attach_qe

        report.qe = attach_qe(report.pairs, qe_results, qe.name, thresholds)
        from compare.qe.negation_view import attach_negation_views

        # The model's view of each negation flag (is the English the sentence without it?),
        # read by the severity decision below. Counted: on a long document it is the model
        # again for seconds to minutes, after the checks' last message.
        attach_negation_views(qe, report, _counting(
            say, "estimating", "Scoring meaning again for the negation flags"))
        from compare.qe.name_view import attach_name_views

        # The same for names the English has and the source lacks (does the English read
        # better without them?).
        attach_name_views(qe, report, _counting(
            say, "estimating", "Scoring meaning again for the name flags"))
    if mt is not None and source_doc is not None:
        from compare.mt import add_mt

        say("translating", "Loading the machine-translation models")
        add_mt(report, mt.for_language(src_lang), say)
    # Last: the risk reads the final flags (edge runs grouped) and the meaning model's scores,
    # and is set with or without the model (from the rule flags alone).
    attach_risk(report)
    if source_doc is not None:
        source_doc.text, source_doc.as_given = source.text, None  # folding moved no offset
    return report


def _counting(say: Progress, stage: str, what: str) -> Callable[[int, int], None]:
    """A progress hook that says "what: done of total pairs, about N s left" (from the rate
    so far), for the stages that take minutes on a long document."""
    return counting(say, stage, what)


def _watched(embedder: Any, say: Progress) -> Any:
    """The embedder as the checks of a long document see it: a long call says how far it got
    (see :class:`compare.progress.ReportingEmbedder`)."""
    if embedder is None:
        return None
    return ReportingEmbedder(embedder, lambda message: say("checking", message))


def _run_checks(ctx: CheckContext, checks: list, say: Progress) -> list:
    """:func:`compare.checks.run_checks`, one check at a time, saying which runs and how many
    are done: a long document's checks take minutes (the antonym-vector check's embedding
    most of them)."""
    running = [c for c in checks if ctx.source is not None or not c.needs_source]
    flags = []
    for done, check in enumerate(running):
        say("checking", f"Running checks: {done:,} of {len(running):,} done, now {check.id}")
        if isinstance(ctx.embed_model, ReportingEmbedder):
            ctx.embed_model.label = check.id
        flags.extend(run_checks(ctx, [check]))
    return flags


def _glossary_signature(glossary: Any) -> dict[str, Any]:
    """The user's glossary in a report's signature: its size and hash (nothing when only the
    built-in list is in force)."""
    mark = glossary.fingerprint() if glossary is not None else ""
    return {"glossary": f"{len(glossary.user_terms)} terms, {mark}"} if mark else {}
