"""The browser app: ``streamlit run streamlit_app.py``.

Two pages in the sidebar, "Check a translation" (this file) and "Corpus" (pages/2_Corpus.py),
routed by ``st.navigation``. A thin shell over :mod:`compare`: the page's parts live in
:mod:`app_components`, one job a module, and this file only puts them in order. Widgets produce
a plain settings dict and the input texts, :func:`compare.app_run.run_review` does the work, and
the report is kept in ``st.session_state`` so that changing a filter, dismissing a flag or fixing
a pair never re-runs the models. The sentence model and the meaning model are loaded once per
server (``st.cache_resource``, :mod:`app_components.models`); without the meaning model's files
the app says so in one line and checks without it. ``COMPARE_QE_MODEL`` names another model
folder (tests use it). All user text reaches the page either through Streamlit's own text
widgets or escaped by :mod:`compare.exports`; none is rendered as HTML as it is.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app_components.checking import run_check
from app_components.corrections import corrections_section
from app_components.details import detail_section
from app_components.downloads import export_section
from app_components.flag_actions import confirm_section, flag_actions_section
from app_components.glossary_box import glossary_section
from app_components.inputs import demo_buttons, input_section
from app_components.later import later_section, take_finished
from app_components.models import get_embedder, warm_demos
from app_components.settings import settings_sidebar
from app_components.state import load_kept
from app_components.style import WRAP_LABELS_CSS
from app_components.summary import read_first_section, summary_section
from app_components.table import review_rows, view_section
from compare.errors import InputError
from compare.review import plain


def check_page() -> None:
    """The "Check a translation" page."""
    st.session_state.setdefault("input_mode", "Paste text")
    load_kept()
    st.markdown(WRAP_LABELS_CSS, unsafe_allow_html=True)  # our own style sheet, no user text
    st.title("Does the English say what the original says?")
    st.caption("Paste or upload a Russian or Kazakh article and its English translation, then "
               "press Check. Everything runs on this machine; nothing is sent anywhere (a web "
               "address is fetched only when you give one).")
    settings = settings_sidebar()
    demo_buttons()
    given = input_section(settings)
    glossary_section()
    if st.button("Check", type="primary", key="run"):
        st.session_state["fix_open"] = False
        run_check(settings, given)
    if st.session_state.get("error"):
        st.error(plain(st.session_state["error"]))
    if st.session_state.get("store_error"):
        st.warning(plain(st.session_state.pop("store_error")))
    take_finished()  # the rest of the last check (the meaning scores), once it is in
    report = st.session_state.get("report")
    if report is None:
        try:
            warm_demos(get_embedder())  # load the model while the user reads or pastes
        except InputError as error:  # a bad setting (COMPARE_THREADS=abc): one line, no trace
            st.error(plain(str(error)))
        return
    if st.session_state.get("correction_error"):
        st.warning(plain(st.session_state["correction_error"]))
    later_section()  # or how far it got
    rows = review_rows(report)
    read_first_section(report, rows)  # first: what a translator should read before the rest
    summary_section(report, rows)
    page = view_section(report, rows)
    confirm_section()
    flag_actions_section(page)
    if report.source is not None:
        corrections_section(report)
    detail_section(rows)
    export_section(report)


def main() -> None:
    st.set_page_config(page_title="compare: translation check", layout="wide")
    here = Path(__file__).resolve().parent
    pages = [
        st.Page(check_page, title="Check a translation", url_path="check", default=True),
        st.Page(str(here / "pages" / "2_Corpus.py"), title="Corpus", url_path="corpus"),
    ]
    st.navigation(pages).run()


main()
