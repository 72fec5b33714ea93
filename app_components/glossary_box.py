"""The user's glossary as CSV lines in a box, with an import of a CSV or TBX file and Save
(kept as ``glossary.csv`` in the user's compare folder, used from the next Check)."""

from __future__ import annotations

import streamlit as st

from app_components.state import glossary
from compare.errors import InputError
from compare.glossary import (
    BUILTIN,
    Glossary,
    parse_csv,
    read_glossary,
    save_user_glossary,
    to_csv,
)
from compare.review import plain


def save_glossary_text() -> None:
    """Save the glossary box (CSV lines) as the user's glossary; one line when it is wrong."""
    st.session_state["glossary_open"] = True
    try:
        terms = parse_csv(st.session_state.get("glossary_text", ""), "the glossary box")
        path = save_user_glossary(terms)
    except InputError as error:
        st.session_state["glossary_problem"] = str(error)
        return
    except OSError as error:
        st.session_state["glossary_problem"] = f"The glossary could not be saved ({error})."
        return
    st.session_state["glossary"] = Glossary.with_user_terms(terms, origin=str(path))
    st.session_state["glossary_problem"] = ""
    st.session_state["glossary_saved"] = f"Saved {len(terms)} term(s) to {path}."


def import_glossary_file() -> None:
    """Put an uploaded CSV or TBX file's terms into the glossary box (saved with Save)."""
    st.session_state["glossary_open"] = True
    upload = st.session_state.get("glossary_file")
    if upload is None:
        return
    try:
        terms = read_glossary(upload.getvalue(), upload.name)
    except InputError as error:
        st.session_state["glossary_problem"] = str(error)
        return
    current = parse_csv(st.session_state.get("glossary_text", ""), "the glossary box")
    st.session_state["glossary_text"] = _glossary_box_text(current + terms)
    st.session_state["glossary_problem"] = ""


def _glossary_box_text(terms: list) -> str:
    return to_csv(terms).split("\n", 1)[1] if terms else ""


def glossary_section() -> None:
    """The user's glossary as CSV lines, with an import of a CSV or TBX file and Save."""
    g = glossary()
    st.session_state.setdefault("glossary_text", _glossary_box_text(g.user_terms))
    with st.expander(f"Glossary ({len(g.user_terms)} of your terms, {len(BUILTIN)} built in)",
                     expanded=st.session_state.get("glossary_open", False)):
        st.caption("One term a line: source term, English term(s) separated by |, an optional "
                   "note. Russian and Kazakh endings are handled (санкция also finds санкциями). "
                   "A glossary pair is never a name flag; a source term with none of its "
                   "English terms in the English is a terminology flag. Saved in your compare "
                   "folder; used from the next Check.")
        st.text_area("Your terms", key="glossary_text", height=140,
                     placeholder="Минздрав,Health Ministry|Ministry of Health,client term")
        c1, c2 = st.columns([1, 3])
        c1.button("Save glossary", key="glossary_save", on_click=save_glossary_text)
        c2.file_uploader("Import a CSV or TBX file", type=["csv", "tsv", "txt", "tbx", "xml"],
                         key="glossary_file", on_change=import_glossary_file)
        if st.session_state.get("glossary_saved"):
            st.success(plain(st.session_state.pop("glossary_saved")))
        st.caption("Built in: " + "; ".join(
            f"{' / '.join(t.source)} = {', '.join(e.rstrip('*') for e in t.english[:3])}"
            for t in BUILTIN))
    if st.session_state.get("glossary_problem"):
        st.warning(plain(st.session_state["glossary_problem"]))
