"""What one press of Check does in the app: read each side, run the pipeline with the app's
plain settings dict, and add the notices a reviewer needs (no MT, no meaning model, encodings).

The app's widgets produce :data:`DEFAULT_SETTINGS`-shaped dicts; the library reads nothing
else from the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from compare.errors import InputError
from compare.mt_setup import CachedMT, mt_available
from compare.reading import InputText, read_bytes, read_pasted
from compare.report import Report

DEFAULT_SETTINGS: dict[str, Any] = {
    "source_lang": "auto",
    "mt": False,
    "mt_to_en": None,
    "mt_from_en": None,
    "device": "auto",
    "max_mb": 5.0,
    "thresholds": {},
    "qe": True,
}
"""What the app's settings widgets produce; the library reads nothing else from the app.

``mt`` switches machine translation on (when :func:`mt_available`); ``mt_to_en`` and
``mt_from_en`` name a model per direction (None: the default of the direction). ``qe``
switches the meaning model on (it runs when the caller passes a loaded one).
"""

NO_MT_NOTICE = (
    "Machine translation did not run, so there is no back-translation and no chrF/BLEU/TER "
    "score: the checks compare the two texts directly (numbers, names, negations, coverage, "
    "punctuation) and cannot catch a reworded meaning."
)
NO_QE_NOTICE = (
    "The meaning model did not run (its files are missing or damaged): only the rule checks "
    "judged meaning."
)


def read_side(
    label: str, pasted: str | None, upload: tuple[str, bytes] | None, max_mb: float = 5.0
) -> InputText | None:
    """One side of the input from an upload (preferred) or a paste; None when both are empty.

    Errors name the side (``label``), because the user gave two texts and must know which
    one is wrong.
    """
    max_bytes = int(max_mb * 1_000_000)
    try:
        if upload is not None:
            return read_bytes(upload[1], upload[0], max_bytes=max_bytes)
        if pasted is None or not pasted.strip():
            return None
        return read_pasted(pasted, max_bytes=max_bytes)
    except InputError as error:
        raise InputError(f"{label}: {error}") from error


def run_review(
    target: InputText,
    source: InputText | None,
    settings: dict[str, Any],
    embedder: Any,
    progress: Callable[[str, str], None] | None = None,
    qe: Any = None,
    glossary: Any = None,
) -> Report:
    """Run the pipeline with the app's settings dict and add what the reviewer should know.

    ``qe`` is the loaded meaning model (:class:`compare.qe.predict.QEModel`), or None when it
    could not be loaded; it runs when ``settings["qe"]`` is on and a source is given.
    ``glossary`` is the :class:`compare.glossary.Glossary` in force (None: the built-in list).
    """
    from compare.pipeline import Settings, check_texts

    chosen = {**DEFAULT_SETTINGS, **settings}
    pipeline_settings = Settings(
        source_lang=chosen["source_lang"], thresholds=dict(chosen["thresholds"]),
        glossary=glossary,
    )
    extra: dict[str, Any] = {}
    if chosen["mt"] and source is not None and mt_available():
        extra["mt"] = CachedMT(chosen["mt_to_en"] or None, chosen["mt_from_en"] or None,
                               chosen["device"])
    if chosen["qe"] and source is not None and qe is not None:
        extra["qe"] = qe
    try:
        report = check_texts(target, source, pipeline_settings, embedder, progress, **extra)
    except InputError as error:
        # The library's hint names the command-line option; the app calls it a setting.
        message = str(error).replace("set --source-lang", "choose it under Settings")
        raise InputError(message) from error
    if report.mt is None and source is not None:
        report.notices.append(NO_MT_NOTICE)
    if chosen["qe"] and source is not None and qe is None:
        report.notices.append(NO_QE_NOTICE)
    for side, text in (("English", target), ("Source", source)):
        for note in text.notes if text is not None else []:
            report.notices.append(f"{side}: {note}")
    return report
