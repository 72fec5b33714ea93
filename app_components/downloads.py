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
    """An export, made once per report and dismissal state (a rerun that changes neither, e.g.
    turning a page, must not rebuild five files of a long document)."""
    cache = st.session_state.setdefault("export_cache", {})
    key = (id(report), fmt, dismissed, rules)
    if key not in cache:
        if len(cache) > 20:
            cache.clear()
        cache[key] = export(report, fmt, dismissed, rules,
                            document=st.session_state.get("document_name") or "")
    return cache[key]
