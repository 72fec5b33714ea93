"""The meaning scores filling in after the first look (issue 24).

A Check with the meaning model (or machine translation) shows the alignment and the rule checks
as soon as they are done, then runs the whole check again in a background thread
(:class:`compare.app_run.LaterPass`; the sentence vectors are cached, so it costs the meaning
model and little else). Meanwhile a line above the results, refreshed every second, says how far
it got, and the reviewer can read, filter, page and dismiss; when it is done its report takes
the place of the first one, where the reviewer was reading. Fixing the alignment waits for it
(a correction of the first report would be lost).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_components.table import keep_view
from compare.app_run import LaterPass
from compare.review import plain

JOB = "later_pass"
ERROR = "later_error"
STILL_TO_COME = {
    "estimating": "Scoring meaning",
    "translating": "Translating",
}


def start(work: Any, what: str) -> None:
    """Run ``work(progress)`` (the one-pass check) in the background; ``what`` names what it
    adds ("the meaning scores")."""
    st.session_state[JOB] = LaterPass(work, what)


def cancel() -> None:
    """Stop the pass in flight, if any (a new Check is pressed); its result is dropped."""
    job = st.session_state.pop(JOB, None)
    if job is not None:
        job.cancel()
    st.session_state.pop(ERROR, None)


def pending() -> bool:
    return st.session_state.get(JOB) is not None


def take_finished() -> None:
    """Put a finished pass's report in the first one's place (keeping the view where it was),
    or say in one line why there is none. Called before the page draws the report."""
    job: LaterPass | None = st.session_state.get(JOB)
    if job is None or not job.done:
        return
    st.session_state.pop(JOB)
    if job.report is not None:
        keep_view(st.session_state.get("report"), job.report)
        st.session_state["report"] = job.report
        st.session_state["seconds"] = st.session_state.get("seconds", 0.0) + job.seconds
    elif job.error is not None:
        st.session_state[ERROR] = (
            f"{job.what.capitalize()} could not be added ({job.error}); the page shows the "
            "alignment and the rule checks alone.")


def later_section() -> None:
    """The line that says what is still to come and how far it got (or why it never came)."""
    if st.session_state.get(ERROR):
        st.warning(plain(st.session_state[ERROR]))
    if pending():
        _progress_line()


@st.fragment(run_every=1.0)
def _progress_line() -> None:
    job: LaterPass | None = st.session_state.get(JOB)
    if job is None:
        return
    if job.done:
        st.rerun()  # the whole page, with the finished report (take_finished)
    stage, message = job.latest
    name = STILL_TO_COME.get(stage)
    now = message if name is None or message.startswith(name) else f"{name}: {message}"
    st.info(plain(f"Still to come: {job.what} ({now}). The table below shows the alignment and "
                  "the rule checks; the rest fills in when this is done, and the severities "
                  "are decided again with it. You can read, filter and dismiss meanwhile."),
            icon="⏳")
