"""The demo buttons and the input section (paste, upload or web addresses), and reading what
was given into the library's input texts."""

from __future__ import annotations

from typing import Any

import streamlit as st

from compare.app_run import read_side
from compare.demos import DEMOS, demo_texts
from compare.exports import LANGUAGE_NAMES
from compare.fetch import fetch_url

LANG_NAMES: dict[str | None, str] = {**LANGUAGE_NAMES, None: "none"}


def load_demo(name: str) -> None:
    st.session_state["source_text"], st.session_state["target_text"] = demo_texts(name)
    st.session_state["input_mode"] = "Paste text"


def demo_buttons() -> None:
    """One button a demo pair, for a first look."""
    demo_cols = st.columns([1, 1, 1])
    demo_cols[0].markdown("**New here?** Load a demo pair with planted errors:")
    for col, name in zip(demo_cols[1:], DEMOS, strict=True):
        col.button(f"Load demo: {name}", on_click=load_demo, args=(name,), key=f"demo_{name}",
                   width="stretch")


def input_section(settings: dict[str, Any]) -> dict[str, Any]:
    """The input widgets for the chosen mode; returns what was given, by side."""
    modes = ["Paste text", "Upload files"] + (["Web addresses"] if settings["urls"] else [])
    if st.session_state.get("input_mode") not in modes:
        st.session_state["input_mode"] = "Paste text"
    mode = st.radio("Input", modes, key="input_mode", horizontal=True,
                    label_visibility="collapsed")
    left, right = st.columns(2)
    if mode == "Paste text":
        src = left.text_area("Source (Russian or Kazakh)", key="source_text", height=220,
                             placeholder="Paste the original article here (optional).")
        tgt = right.text_area("English translation", key="target_text", height=220,
                              placeholder="Paste the English translation here.")
        for col, text in ((left, src), (right, tgt)):
            col.caption(detected(text))
        return {"source": src, "target": tgt}
    if mode == "Web addresses":
        return {
            "source_url": left.text_input("Source article address (optional)", key="source_url",
                                          placeholder="https://…"),
            "target_url": right.text_input("English article address", key="target_url",
                                           placeholder="https://…"),
        }
    types = ["txt", "docx", "html", "htm"]
    return {
        "source_file": left.file_uploader("Source file (optional)", type=types, key="source_file"),
        "target_file": right.file_uploader("English file", type=types, key="target_file"),
    }


@st.cache_data(max_entries=64, show_spinner=False)
def detected(text: str) -> str:
    """A caption naming the language of a pasted text (judged on its start, so it is quick)."""
    from compare.langid import detect_language

    if not text or not text.strip():
        return ""
    guess = detect_language(text[:3000])
    name = LANG_NAMES.get(guess.lang)
    return f"Detected: {name}." if name and guess.lang else "Language not recognised."


def read_inputs(given: dict[str, Any], settings: dict[str, Any]) -> tuple[Any, Any]:
    """(source, English) as InputTexts, from whichever input mode was used."""
    mb = settings["max_mb"]
    if "source_url" in given:
        src_url, tgt_url = given["source_url"].strip(), given["target_url"].strip()
        source = fetch_url(src_url, mb) if src_url else None
        target = fetch_url(tgt_url, mb) if tgt_url else None
        return source, target
    return (
        read_side("Source", given.get("source"), _upload(given.get("source_file")), mb),
        read_side("English", given.get("target"), _upload(given.get("target_file")), mb),
    )


def _upload(file: Any) -> tuple[str, bytes] | None:
    return None if file is None else (file.name, file.getvalue())
