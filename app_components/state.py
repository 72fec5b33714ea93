"""What the page keeps between reruns besides the report: the dismissals and ignore rules (kept
in files of the user's compare folder) and the glossary in force."""

from __future__ import annotations

from typing import Any

import streamlit as st

from compare.dismissals import DismissalStore, IgnoreRules, document_key, rules_for
from compare.glossary import Glossary, load_user_glossary


def store() -> DismissalStore:
    return DismissalStore()


def rules_store() -> IgnoreRules:
    return IgnoreRules()


def load_kept() -> None:
    """Read the dismissals and ignore rules once per session; a file that cannot be read is
    one warning on the page."""
    if "dismissed" not in st.session_state:
        s = store()
        st.session_state["dismissed"] = s.load()
        if s.notice():
            st.session_state["store_error"] = s.notice()
    if "ignore_rules" not in st.session_state:
        r = rules_store()
        st.session_state["ignore_rules"] = r.load()
        if r.notice():
            st.session_state["store_error"] = r.notice()


def keep(change: Any, state_key: str, owner: Any) -> None:
    """Apply a change to a kept file; a file that cannot be written is one line on the page."""
    try:
        st.session_state[state_key] = change()
    except OSError as error:
        st.session_state["store_error"] = (
            f"{owner.path} could not be written ({error.strerror or error}); the change "
            "holds for this session only.")
    notice = owner.notice()
    if notice:
        st.session_state["store_error"] = notice


def glossary() -> Glossary:
    """The glossary in force: the built-in list plus the user's saved terms."""
    if "glossary" not in st.session_state:
        loaded, problem = load_user_glossary()
        st.session_state["glossary"] = loaded
        st.session_state["glossary_problem"] = problem
    return st.session_state["glossary"]


def current_document() -> str:
    """The key that rules scoped to the report on the page are kept under."""
    report = st.session_state.get("report")
    if report is None:
        return "none"
    return document_key(report.source.text if report.source is not None else "",
                        report.target.text)


def active_rules() -> frozenset:
    """The (check, term) rules in force for the report on the page."""
    return frozenset(rules_for(st.session_state["ignore_rules"], current_document()))
