"""What one press of Check does in the app: read each side, run the pipeline with the app's
plain settings dict, and add the notices a reviewer needs (no MT, no meaning model, encodings).

The app's widgets produce :data:`DEFAULT_SETTINGS`-shaped dicts; the library reads nothing
else from the app.

On a long document the page shows the results in two steps (issue 24): :func:`first_look` is
the alignment and the rule checks alone, shown at once; :class:`LaterPass` then runs the whole
check, meaning model and machine translation included, in a background thread, and its report
replaces the first. That second report *is* the one-pass result (:func:`run_review` with the
same arguments), so its flags, severities and risks are exactly those of a single pass: the
severity decision (:func:`compare.risk.attach_risk`) runs again with the meaning scores, and
every step the pipeline takes with the model is taken. What it costs besides the model is
small: the sentence vectors are cached by the embedder (the app's is a
:class:`compare.embed.CachingEmbedder`), so the second alignment and the checks run without
embedding again (4.7 s of 263 s for 2,000 WMT22 segments on a loaded 2-core machine, against
120 s for the meaning model), and the pairs come out the same, row for row.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable
from typing import Any

from compare.check_settings import NEED_NAMES
from compare.errors import InputError
from compare.mt_setup import CachedMT, mt_available
from compare.opening import is_long, opening_notice, opening_of, trim_opening
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


Progress = Callable[[str, str], None]


def needs_later_pass(settings: dict[str, Any], source: InputText | None, qe: Any) -> bool:
    """Whether :func:`first_look` leaves work for later: the rest of a long document, the
    meaning model (switched on and loaded) or machine translation (switched on and installed),
    all of which need a source (:func:`later_parts`)."""
    return bool(later_parts(settings, source, qe))


def later_parts(settings: dict[str, Any], source: InputText | None, qe: Any) -> list[str]:
    """What the later pass adds to the first look, in words for the page: the rest of a long
    document (:mod:`compare.opening`), the meaning scores, machine translation; empty when
    there is no later pass."""
    chosen = {**DEFAULT_SETTINGS, **settings}
    if source is None:
        return []
    return (["the rest of the document"] if is_long(source) else []) + (
        ["the meaning scores"] if chosen["qe"] and qe is not None else []) + (
        ["machine translation"] if chosen["mt"] and mt_available() else [])


def first_look(
    target: InputText,
    source: InputText | None,
    settings: dict[str, Any],
    embedder: Any,
    progress: Progress | None = None,
    glossary: Any = None,
) -> Report:
    """The alignment and the rule checks alone (:func:`run_review` with the meaning model and
    machine translation off), to show while :class:`LaterPass` adds them; of a long document,
    its opening alone (:mod:`compare.opening`), said in a notice. The notice that machine
    translation did not run is left out when it is still to come, and so are the notices of
    checks that wait for the meaning model (it comes with the later pass)."""
    rules_only = {**settings, "qe": False, "mt": False}
    report = None
    if source is not None and (parts := opening_of(target, source)) is not None:
        opening = trim_opening(run_review(parts[0], parts[1], rules_only, embedder, progress,
                                          glossary=glossary))
        if opening.pairs:  # else (two sides that hardly pair up) the whole document, as before
            report = opening
            report.notices.insert(0, opening_notice(report, len(source.text)))
    if report is None:
        report = run_review(target, source, rules_only, embedder, progress, glossary=glossary)
    chosen = {**DEFAULT_SETTINGS, **settings}
    if chosen["mt"] and mt_available():
        report.notices = [n for n in report.notices if n != NO_MT_NOTICE]
    if chosen["qe"]:
        waiting = tuple(f"{who} {NEED_NAMES['meaning-model']}." for who in ("it needs",
                                                                             "they need"))
        report.notices = [n for n in report.notices if not n.endswith(waiting)]
    return report


class Cancelled(Exception):
    """Raised inside a :class:`LaterPass` whose result is no longer wanted (a new Check)."""


EXIT_WAIT = 60.0
"""Seconds the interpreter's exit waits for a cancelled :class:`LaterPass` to reach its next
progress report (a batch of the meaning model, a chunk of embedding or translation: seconds)."""

_RUNNING: set[LaterPass] = set()
_RUNNING_LOCK = threading.Lock()


def stop_running_passes(timeout: float = EXIT_WAIT) -> None:
    """Cancel every :class:`LaterPass` still running and wait (at most ``timeout`` seconds in
    all) until each has stopped. Registered with :mod:`atexit`: a pass is a daemon thread (the
    page never waits for it), and a daemon thread still inside torch when the interpreter
    exits has its thread pool torn down under it: "terminate called without an active
    exception" and SIGABRT (exit status 134), every time, with a torch loop in a daemon
    thread (tests/test_two_phase.py). atexit runs while such threads still run, before that."""
    with _RUNNING_LOCK:
        passes = list(_RUNNING)
    for job in passes:
        job.cancel()
    deadline = time.monotonic() + timeout
    for job in passes:
        job.wait(max(0.0, deadline - time.monotonic()))


atexit.register(stop_running_passes)


class LaterPass:
    """``work(progress)`` (the one-pass check) in a background thread, for the page to poll.

    ``what`` names what it adds, for the page ("the meaning scores"). ``latest`` is the last
    (stage, message) the work reported; once ``done``, ``report`` is its result, or ``error``
    says why there is none (None when it was cancelled). ``seconds`` is how long it ran.
    :meth:`cancel` stops it at its next progress report; at the interpreter's exit every pass
    still running is cancelled and waited for (:func:`stop_running_passes`).
    """

    def __init__(self, work: Callable[[Progress], Report], what: str = "the rest") -> None:
        self.what = what
        self.latest: tuple[str, str] = ("starting", "Starting")
        self.report: Report | None = None
        self.error: str | None = None
        self.seconds = 0.0
        self._started = time.monotonic()
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True,
                                        name="compare-later-pass")
        with _RUNNING_LOCK:
            _RUNNING.add(self)
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the work ends (or ``timeout`` seconds); True when it has."""
        return self._done.wait(timeout)

    def cancel(self) -> None:
        self._cancelled.set()

    def _say(self, stage: str, message: str) -> None:
        if self._cancelled.is_set():
            raise Cancelled
        self.latest = (stage, message)

    def _run(self, work: Callable[[Progress], Report]) -> None:
        try:
            report = work(self._say)
            if not self._cancelled.is_set():
                self.report = report
        except Cancelled:
            pass
        except Exception as error:  # the page shows it in one line; the first look stays
            self.error = f"{type(error).__name__}: {error}"
        finally:
            self.seconds = time.monotonic() - self._started
            with _RUNNING_LOCK:
                _RUNNING.discard(self)
            self._done.set()
