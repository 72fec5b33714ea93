"""The details of one pair: its texts, the aligner's confidence, and the two opinions on it
(the meaning model's score and doubted words, the machine translation's diff), with every
flag's evidence."""

from __future__ import annotations

from typing import Any

import streamlit as st

from compare.review import format_diff


def _keep_details_open() -> None:
    st.session_state["detail_open"] = True


def detail_section(rows: list) -> None:
    # Open once the reviewer picks a pair, and kept open on every rerun after (choosing another
    # pair number used to fold it away).
    with st.expander("Details of one pair", expanded=st.session_state.get("detail_open", False)):
        n = st.number_input("Pair #", 1, len(rows), 1, key="detail_n",
                            on_change=_keep_details_open)
        row = rows[min(int(n), len(rows)) - 1]
        if st.session_state["report"].source is None:
            st.text(f"English: {row.target_text}")
        else:
            st.text(f"Source:  {row.source_text or '(none)'}\n"
                    f"English: {row.target_text or '(none)'}")
        sim = "n/a" if row.similarity is None else f"{row.similarity:.3f}"
        st.caption(f"Kind: {row.kind}. Aligner confidence {row.score:.2f}, similarity {sim}.")
        with_mt = bool(row.mt and row.mt.get("diff"))
        if row.qe and with_mt:
            st.caption("Two opinions on this pair: the meaning model reads source and English "
                       "together; the back-translation shows what a machine makes of it.")
            left, right = st.columns(2)
            with left:
                qe_opinion(row)
            with right:
                mt_opinion(row)
        elif row.qe:
            qe_opinion(row)
            st.caption("No machine translation for this pair.")
        elif with_mt:
            mt_opinion(row)
        else:
            st.caption("No machine translation and no meaning score for this pair.")
        for rf in row.flags:
            state = " (dismissed)" if rf.dismissed else ""
            st.text(f"[{rf.flag.severity}] {rf.flag.check}{state}: {rf.flag.message}")
            st.json(rf.flag.evidence, expanded=False)


def qe_opinion(row: Any) -> None:
    """The meaning model's view of one pair: its score and the words it doubts."""
    st.markdown("**Meaning model**")
    doubted = row.doubted or {}
    english = ", ".join(doubted.get("target", [])) or "none"
    source = ", ".join(doubted.get("source", [])) or "none"
    st.text(f"Score {row.qe_score:.2f} (0-1; higher reads as more faithful)\n"
            f"English words it doubts: {english}\nSource words it doubts: {source}")


def mt_opinion(row: Any) -> None:
    """What machine translation makes of the pair: the word diff and the back-translation."""
    st.markdown("**Machine translation**")
    st.text("Machine English vs human English ([-machine only] [+human only]):\n"
            + format_diff(row.mt["diff"]))
    if row.back_translation:
        st.text(f"Back-translation: {row.back_translation}")
    if row.mt.get("chrf") is not None:
        st.caption(f"Sentence chrF of the machine English: {row.mt['chrf']}.")
