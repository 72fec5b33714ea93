"""The side-by-side table, one page at a time, with its filters, search, paging and "Next
flag"; the display rows it shows are built once per change of the report, dismissals or rules."""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from app_components.state import active_rules
from app_components.style import CHIP_CSS
from compare.exports import SEVERITY_COLOURS, rows_table_html
from compare.flags import CATEGORIES, SEVERITIES
from compare.review import build_rows, filter_rows, next_flagged, search_rows

PAGE_SIZES = (25, 50, 100, 200)


def review_rows(report: Any) -> list:
    """The report's display rows for the current dismissals and rules, built once per change
    (a 5 MB document has tens of thousands of rows)."""
    rules = active_rules()
    key = (id(report), frozenset(st.session_state["dismissed"]), rules)
    cached = st.session_state.get("rows_cache")
    if cached is None or cached[0] != key:
        cached = (key, build_rows(report, st.session_state["dismissed"], rules))
        st.session_state["rows_cache"] = cached
    return cached[1]


def keep_view(old: Any, new: Any) -> None:
    """Keep the table where the reviewer is (page, filters, outlined row) when ``new`` takes
    the place of ``old``, the same pairs with more said about them (the meaning scores)."""
    view = st.session_state.get("view_of")
    if view is not None and old is not None and view[-1] == id(old):
        st.session_state["view_of"] = (*view[:-1], id(new))


def go_to(position: int) -> None:
    st.session_state["view_start"] = max(0, position)


def jump_to_pair(index: int, rows: list) -> None:
    """Open the side-by-side view on pair ``index``, outlined, as "Next flag" does. When the
    filters or the search hide it they are cleared first: the reviewer asked for that pair."""
    cats = st.session_state.get("f_cat", list(CATEGORIES))
    sevs = st.session_state.get("f_sev", list(SEVERITIES))
    shown = search_rows(filter_rows(rows, set(cats), set(sevs),
                                    st.session_state.get("f_only", False)),
                        st.session_state.get("f_search", ""))
    if not any(r.index == index for r in shown):
        st.session_state.update(f_cat=list(CATEGORIES), f_sev=list(SEVERITIES), f_search="",
                                f_only=False)
    # Applied by view_section once it knows the rows it shows (a cleared filter starts the
    # view again at the top first).
    st.session_state["jump"] = index


def view_section(report: Any, rows: list) -> list:
    """The side-by-side table, one page at a time, with filters, search and "Next flag";
    returns the rows of the page shown (the flag actions act on them)."""
    st.subheader("Side by side")
    st.markdown(CHIP_CSS, unsafe_allow_html=True)  # our own style sheet, no user text
    # All categories are offered, not only those found, so that a category a correction
    # brings back is not hidden by a filter chosen before it existed.
    cats = st.multiselect("Categories", list(CATEGORIES), default=list(CATEGORIES),
                          key="f_cat")
    c1, c2, c3, c4 = st.columns([3, 3, 1.4, 1])
    sevs = c1.multiselect("Severities", list(SEVERITIES), default=list(SEVERITIES), key="f_sev")
    query = c2.text_input("Search both sides", key="f_search", placeholder="a word or phrase")
    only = c3.checkbox("Only flagged rows", key="f_only")
    size = c4.selectbox("Rows a page", PAGE_SIZES, index=1, key="page_size")
    shown = search_rows(filter_rows(rows, set(cats), set(sevs), only), query)
    view = (tuple(cats), tuple(sevs), query, only, size, id(report))
    if st.session_state.get("view_of") != view:  # other rows: start again at the top
        st.session_state.update(view_of=view, view_start=0, focus=None)
    jump = st.session_state.pop("jump", None)
    if jump is not None:
        at = next((n for n, r in enumerate(shown) if r.index == jump), None)
        if at is not None:
            st.session_state.update(view_start=at, focus=jump)
    total = len(shown)
    start = min(st.session_state.get("view_start", 0), max(total - 1, 0))
    page = shown[start : start + size]
    n1, n2, n3, n4 = st.columns([1, 1, 1, 3])
    n1.button("Previous page", key="page_prev", on_click=go_to, args=(start - size,),
              disabled=start == 0)
    n2.button("Next page", key="page_next", on_click=go_to, args=(start + size,),
              disabled=start + size >= total)
    n3.button("Next flag", key="next_flag", on_click=_next_flag, args=(shown,),
              disabled=not any(r.active for r in shown),
              help="Jump to the next row with a flag; it opens the page, outlined.")
    if total:
        n4.caption(f"Rows {start + 1}–{start + len(page)} of {total}"
                   + (f" (of {len(rows)} pairs)" if total != len(rows) else "") + ".")
    legend = " ".join(
        f'<mark class="sev-{s}" style="background:{c}">{s}</mark>'
        for s, c in SEVERITY_COLOURS.items()
    )
    table = rows_table_html(page, css=True, with_source=report.source is not None,
                            search=st.session_state.get("f_search", ""))
    focus = st.session_state.get("focus")
    if focus is not None:
        table = re.sub(rf'<tr class="(\w+)" id="pair-{focus + 1}"',
                       rf'<tr class="\1 focus" id="pair-{focus + 1}"', table, count=1)
    st.html(f"<div>Colours: {legend}</div>" + table)
    if not shown:
        st.caption("No row matches the filters and the search.")
    return page


def _next_flag(rows: list) -> None:
    start = st.session_state.get("view_start", 0)
    focus = st.session_state.get("focus")
    on_top = 0 <= start < len(rows) and rows[start].index == focus
    target = next_flagged(rows, start if on_top else start - 1)
    if target is not None:
        st.session_state["view_start"] = target
        st.session_state["focus"] = rows[target].index
