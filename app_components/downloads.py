"""The downloads: the report as JSON, CSV, offline HTML, TMX and XLIFF, with the dismissed
flags marked and counted apart; each file is built once per report and dismissal state."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_components.state import active_rules
from compare.exports import FORMATS, download_name, export


def export_section(report: Any) -> None:
    st.subheader("Download")
    dismissed = st.session_state["dismissed"]
    rules = active_rules()
    st.caption("Dismissed flags stay in every file, marked as dismissed, with their count.")
    for col, (fmt, (_, mime, _)) in zip(st.columns(len(FORMATS)), FORMATS.items(),
                                           strict=True):
        col.download_button(fmt, _export(report, fmt, frozenset(dismissed), frozenset(rules)),
                            file_name=download_name(st.session_state.get("document_name"), fmt),
                            mime=mime, key=f"dl_{fmt}", on_click="ignore")


def _export(report: Any, fmt: str, dismissed: frozenset, rules: frozenset) -> bytes:
    """An export, made once per report, document name and dismissal state (a rerun that changes
    none of them, e.g. turning a page, must not rebuild five files of a long document). Each
    entry keeps its report alive: a key holds ``id(report)``, which Python may give to a later
    report once the first is gone, and a live report's id cannot be reused."""
    cache = st.session_state.setdefault("export_cache", {})
    name = st.session_state.get("document_name") or ""
    key = (id(report), fmt, dismissed, rules, name)
    entry = cache.get(key)
    if entry is None or entry[0] is not report:
        if len(cache) > 20:
            cache.clear()
        entry = cache[key] = (report, export(report, fmt, dismissed, rules, document=name))
    return entry[1]
