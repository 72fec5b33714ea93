"""Fixing the alignment by hand: merge a pair with the next, split one, move a sentence to a
neighbouring pair; the checks run again on the fixed pairs (:mod:`compare.corrections`)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_components import later
from app_components.models import get_embedder, qe_now
from app_components.state import glossary
from compare.corrections import CorrectionError, merge_pairs, relink, split_pair


def corrections_section(report: Any) -> None:
    count = len(report.pairs)
    # Opened on purpose after a correction: the page above it changes, and an expander
    # without this would close itself under the reviewer's hands.
    with st.expander("Fix the alignment (merge, split, move a sentence)",
                     expanded=st.session_state.get("fix_open", False)):
        st.caption("Pair numbers are the # column. The checks run again on the fixed pairs.")
        if later.pending():  # a fix of the first look would be lost when the rest comes in
            st.caption("The alignment can be fixed once the rest of the check is in (see the "
                       "line above the results).")
            return
        c1, c2, c3 = st.columns(3)
        with c1:
            n = st.number_input("Pair #", 1, count, 1, key="merge_n") - 1
            if st.button("Merge with the next pair", key="merge_btn"):
                correct(lambda r: merge_pairs(r, int(n), get_embedder(), qe_now(), glossary()))
        with c2:
            n = st.number_input("Pair #", 1, count, 1, key="split_n") - 1
            pair = report.pairs[min(int(n), count - 1)]
            s_cut = st.number_input("Source sentences in the first part", 0,
                                    len(pair.source), min(1, len(pair.source)), key="split_s")
            t_cut = st.number_input("English sentences in the first part", 0,
                                    len(pair.target), min(1, len(pair.target)), key="split_t")
            if st.button("Split the pair", key="split_btn"):
                correct(lambda r: split_pair(r, int(n), int(s_cut), int(t_cut), get_embedder(),
                                             qe_now(), glossary()))
        with c3:
            n = st.number_input("Pair #", 1, count, 1, key="move_n") - 1
            side = st.radio("Side", ["English", "Source"], key="move_side", horizontal=True)
            where = st.radio("Move its", ["last sentence to the next pair",
                                          "first sentence to the previous pair"], key="move_dir")
            if st.button("Move", key="move_btn"):
                correct(lambda r: _move(r, int(n), side, where))


def _move(report: Any, n: int, side: str, where: str) -> Any:
    key = "target" if side == "English" else "source"
    own = getattr(report.pairs[n], key)
    if not own:
        raise CorrectionError(f"Pair {n + 1} has no {side.lower()} sentence to move.")
    forward = where.startswith("last")
    sentence = own[-1] if forward else own[0]
    return relink(report, key, sentence, n + 1 if forward else n - 1, get_embedder(), qe_now(),
                  glossary())


def correct(change: Any) -> None:
    st.session_state["fix_open"] = True
    try:
        st.session_state["report"] = change(st.session_state["report"])
        st.session_state["correction_error"] = None
    except CorrectionError as error:
        st.session_state["correction_error"] = str(error)
    except Exception as error:  # the page must stay usable
        st.session_state["correction_error"] = (
            f"The correction failed unexpectedly ({type(error).__name__}: {error})."
        )
    st.rerun()
