"""One press of Check: read both sides, run the pipeline with the settings dict, and show its
progress, one line a stage rewritten in place; errors become one message on the page. With the
meaning model (or machine translation) the alignment and rule checks are shown first and the
rest fills in after (:mod:`app_components.later`)."""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from app_components import later
from app_components.inputs import read_inputs
from app_components.models import chosen_qe, get_embedder
from app_components.state import glossary
from compare.app_run import first_look, later_parts, needs_later_pass, run_review
from compare.errors import InputError
from compare.review import plain

STAGES = {
    "reading": "Reading",
    "languages": "Detecting languages",
    "segmenting": "Splitting sentences",
    "aligning": "Aligning sentences",
    "estimating": "Scoring meaning",
    "translating": "Translating",
    "checking": "Running checks",
}


def run_check(settings: dict[str, Any], given: dict[str, Any]) -> None:
    """Read both sides and run the pipeline; errors become one message on the page."""
    later.cancel()  # a pass still adding the meaning scores of the last check is not wanted
    started = time.perf_counter()
    rest = None
    with st.status("Checking…", expanded=True) as status:

        lines: dict[str, Any] = {}

        def progress(stage: str, message: str) -> None:
            # One line a stage, rewritten in place: the long stages report their counts as they
            # go ("Scoring meaning: 400 of 1,007 pairs, about 50 s left"), and so does the label.
            name = STAGES.get(stage, stage)
            counted = message if message.startswith(name) else f"{name}… {message}"
            status.update(label=counted if " of " in message else f"{name}…")
            if stage not in lines:
                lines[stage] = st.empty()
            lines[stage].markdown(plain(message))

        try:
            progress("reading", "Reading the texts")
            source, target = read_inputs(given, settings)
            if target is None:
                raise InputError(
                    "Give the English translation: paste it, upload a file or give its address."
                )
            embedder = get_embedder() if source is not None else None
            qe = chosen_qe(settings) if source is not None else None
            terms = glossary()
            if needs_later_pass(settings, source, qe):
                report = first_look(target, source, settings, embedder, progress, terms)
                rest = (target, source, embedder, qe, terms)
            else:
                report = run_review(target, source, settings, embedder, progress, qe=qe,
                                    glossary=terms)
        except InputError as error:
            status.update(label="The texts could not be checked.", state="error")
            st.session_state.update(error=str(error), report=None)
            return
        except Exception as error:  # the app must stay usable whatever happens
            status.update(label="The check failed.", state="error")
            st.session_state.update(
                error=f"The check failed unexpectedly ({type(error).__name__}: {error}). "
                "Please report this with the texts that caused it.",
                report=None,
            )
            return
        seconds = time.perf_counter() - started
        coming = f" {_follow(_coming(settings, rest))}" if rest else ""
        status.update(label=f"Done in {seconds:.1f} s.{coming}", state="complete",
                      expanded=False)
    st.session_state.update(report=report, error=None, seconds=seconds, view_start=0,
                            focus=None, document_name=target.name)
    if rest is not None:
        later.start(lambda say: run_review(rest[0], rest[1], settings, rest[2], say, qe=rest[3],
                                           glossary=rest[4]), _coming(settings, rest))


def _follow(coming: str) -> str:
    """"The meaning scores follow.", "The rest of the document follows." """
    plural = " and " in coming or coming.endswith("scores")
    return f"{coming.capitalize()} follow{'' if plural else 's'}."


def _coming(settings: dict[str, Any], rest: tuple) -> str:
    """What the later pass adds: the rest of a long document, the meaning scores, machine
    translation."""
    parts = later_parts(settings, rest[1], rest[3])
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
