"""The settings sidebar: every setting, with defaults that serve most users, as the plain
settings dict the library reads (:data:`compare.app_run.DEFAULT_SETTINGS`)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_components.models import get_qe
from compare.app_run import DEFAULT_SETTINGS
from compare.checks.coverage import SIM_UNRELATED
from compare.mt_setup import mt_unavailable_reason
from compare.review import plain


def settings_sidebar() -> dict[str, Any]:
    """Every setting, with defaults that serve most users; returns the plain settings dict."""
    sb = st.sidebar
    sb.header("Settings")
    settings = dict(DEFAULT_SETTINGS)
    lang = sb.selectbox(
        "Source language", ["Detect", "Russian", "Kazakh"], key="source_lang",
        help="Leave on Detect unless the language is guessed wrong.",
    )
    settings["source_lang"] = {"Detect": "auto", "Russian": "ru", "Kazakh": "kk"}[lang]
    why_no_mt = _mt_reason()
    have_mt = not why_no_mt
    settings["mt"] = sb.toggle(
        "Machine translation (slower; adds back-translation and chrF/BLEU/TER)",
        value=False, key="mt", disabled=not have_mt,
        help=why_no_mt or None,
    )
    if not have_mt:
        sb.caption(plain(why_no_mt))
    elif settings["mt"]:
        settings["mt_to_en"] = sb.text_input(
            "Model, source → English", key="mt_to_en", placeholder="default",
            help="A model id or local folder; leave empty for the default of the language.",
        ).strip() or None
        settings["mt_from_en"] = sb.text_input(
            "Model, English → source", key="mt_from_en", placeholder="default"
        ).strip() or None
        settings["device"] = sb.selectbox("Device", ["auto", "cpu", "cuda"], key="device")
    settings["qe"] = sb.toggle(
        "Meaning model (scores each pair, marks the words it doubts)", value=True, key="qe",
        help="A learned model that flags pairs whose meaning seems to shift. Switch it off to "
             "check with the rules alone (a little faster).",
    )
    if settings["qe"]:
        model, why = get_qe()
        if model is None:
            sb.info(plain(f"{why} The checks run without the meaning model."))
        else:
            sb.caption(plain(f"Meaning model: {model.name}."))
    settings["urls"] = sb.toggle(
        "Allow web addresses", value=True, key="urls",
        help="Fetch articles from the web. Switch off to keep the app from going online.",
    )
    settings["max_mb"] = sb.number_input(
        "Largest input (MB)", min_value=0.1, max_value=50.0, value=5.0, step=0.5, key="max_mb"
    )
    with sb.expander("Thresholds"):
        sim = st.slider(
            "Similarity below which a pair looks unrelated", 0.50, 0.95, SIM_UNRELATED, 0.01,
            key="sim_unrelated",
            help="Lower it if good translations are flagged as unrelated; raise it to catch more.",
        )
        model = get_qe()[0] if settings["qe"] else None
        calibrated = (model.config.thresholds.get("major") if model is not None else None)
        meaning = None
        sure_word = True
        if calibrated is not None:
            meaning = st.slider(
                "Meaning score below which a pair is flagged", 0.0, 1.0,
                round(float(calibrated), 2), 0.01, key="qe_major",
                help="The meaning model's own threshold is the default: about 3 in 100 "
                     "faithful translations fall under it. Raise it to see more pairs.",
            )
            sure_word = st.checkbox(
                "A low score is a major flag only if the model is sure of a word", value=True,
                key="qe_sure_word",
                help="On: a pair under the threshold is a major flag when the model is sure "
                     "one of its English words is wrong, otherwise a minor hint (far fewer "
                     "flags on good human translations). Off: every such pair is a major flag "
                     "(more errors caught, more false alarms).",
            )
    thresholds: dict[str, float] = {}
    if abs(sim - SIM_UNRELATED) > 1e-9:
        thresholds["sim_unrelated"] = float(sim)
    if meaning is not None and abs(meaning - round(float(calibrated), 2)) > 1e-9:
        thresholds["qe_major"] = float(meaning)
    if not sure_word:
        thresholds["qe_major_word_bad"] = None
    settings["thresholds"] = thresholds
    return settings


@st.cache_data(ttl=60, show_spinner=False)
def _mt_reason() -> str:
    """Why machine translation cannot run here ("" when it can); looked up once a minute."""
    return mt_unavailable_reason()
