"""What the check found at a glance: "Read these first" (the riskiest pairs, each with a
button that opens the table on it) and the counts, languages and document figures."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_components.inputs import LANG_NAMES
from app_components.table import jump_to_pair
from compare.exports import qe_summary
from compare.flags import CATEGORIES, SEVERITIES
from compare.review import plain, read_first


def summary_section(report: Any, rows: list) -> None:
    active = [f.flag for r in rows for f in r.active]
    cols = st.columns(5)
    cols[0].metric("Pairs", len(report.pairs))
    for col, sev in zip(cols[1:4], SEVERITIES, strict=True):
        col.metric(sev.capitalize(), sum(1 for f in active if f.severity == sev))
    dismissed = sum(1 for r in rows for f in r.flags if f.dismissed and not f.by_rule)
    ignored = sum(1 for r in rows for f in r.flags if f.by_rule)
    cols[4].metric("Dismissed", dismissed,
                   help=f"Flags you dismissed one by one. Ignored by a rule: {ignored}.")
    if ignored:
        cols[4].caption(f"Ignored by a rule: {ignored}")
    by_cat = {c: sum(1 for f in active if f.category == c) for c in CATEGORIES}
    cats = ", ".join(f"{c} {n}" for c, n in by_cat.items() if n) or "none"
    langs = report.languages
    sims = [p.similarity for p in report.pairs if p.similarity is not None]
    sim = f"{sum(sims) / len(sims):.2f}" if sims else "n/a"
    source_lang = (f"{LANG_NAMES.get(langs.get('source'), langs.get('source'))} → "
                   if report.source is not None else "no source; ")
    st.markdown(
        f"**Flags by category:** {cats}  \n"
        f"**Languages:** {source_lang}"
        f"{LANG_NAMES.get(langs.get('target'), langs.get('target'))}.  "
        f"**Mean similarity:** {sim}.  "
        f"**Model:** {report.signature.embedder or 'none'}.  "
        f"**Checked in** {st.session_state.get('seconds', 0):.1f} s."
    )
    if report.mt and report.mt.get("pairs_scored"):
        mt_cols = st.columns(3)
        for col, name in zip(mt_cols, ("chrf", "bleu", "ter"), strict=True):
            col.metric(f"{name.upper()} (machine vs human English)", report.mt.get(name, "n/a"))
    meaning = qe_summary(report)
    if meaning:
        st.markdown(f"**Meaning model (document):** {plain(meaning)}.")
    for notice in report.notices:
        st.info(plain(notice))


def read_first_section(report: Any, rows: list) -> None:
    """The riskiest pairs, riskiest first, each with a button that opens the view on it."""
    items = read_first(report, rows)
    if not items:
        if any(p.risk is not None for p in report.pairs):
            st.caption("Read these first: no pair looks risky.")
        return
    st.subheader("Read these first")
    st.caption("The pairs most likely to hold a major meaning error. A button opens the "
               "side-by-side view on the pair, outlined.")
    for item in items:
        c1, c2 = st.columns([1.6, 8.4])
        c1.button(f"Pair {item.index + 1}", key=f"read_first_{item.index}",
                  on_click=jump_to_pair, args=(item.index, rows), width="stretch")
        flag = item.flag
        why = f"{flag.severity}: {flag.message}" if flag is not None else "no active flag"
        # plain() escapes every Markdown and HTML sign of the user's text and of the message.
        c2.markdown(f"**{item.risk:.0%}** " + plain(f"“{item.opening}” — {why}"))
