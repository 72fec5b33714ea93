"""Machine-translation setups for the app, built once per process.

Translation models are large, so a server keeps the translators of each (language, models,
device) it has built; :func:`mt_available` says whether the backend's packages are installed at
all, so the app can disable its switch and say why.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from typing import Any


@functools.lru_cache(maxsize=1)
def mt_available() -> bool:
    """Whether the machine-translation backend and its packages are installed."""
    try:
        if importlib.util.find_spec("compare.mt") is None:
            return False
        from compare.mt import missing_packages

        return not missing_packages()
    except ImportError:
        return False


_MT_SETUPS: dict[tuple[str, str | None, str | None, str], Any] = {}


def _mt_setup(lang: str, to_en: str | None, from_en: str | None, device: str) -> Any:
    """Translators for one source language, built once per process (models are large).

    A setup that loaded no model is not kept, so a model fetched while the app runs is
    found on the next check.
    """
    key = (lang, to_en, from_en, device)
    if key in _MT_SETUPS:
        return _MT_SETUPS[key]
    from compare.mt import MTOptions, build_translators

    setup = build_translators(lang, MTOptions(to_en=to_en, from_en=from_en, device=device))
    if setup.to_en is not None or setup.from_en is not None:
        _MT_SETUPS[key] = setup
    return setup


@dataclass(frozen=True)
class CachedMT:
    """What the pipeline's ``mt`` argument needs: translators for the detected language."""

    to_en: str | None = None
    from_en: str | None = None
    device: str = "auto"

    def for_language(self, lang: str) -> Any:
        return _mt_setup(lang, self.to_en, self.from_en, self.device)


def mt_unavailable_reason() -> str:
    """One line saying why machine translation cannot run here ("" when a model is ready):
    its packages are missing, or no translation model has been fetched."""
    try:
        from compare.mt import missing_packages

        missing = missing_packages()
    except ImportError as error:
        return f"Machine translation cannot be loaded here ({error})."
    if missing:
        return ("Machine translation needs the packages " + ", ".join(missing)
                + " (pip install -r requirements.txt).")
    try:
        from compare.translate import DEFAULTS, download_command, local_revision
    except ImportError as error:
        return f"Machine translation cannot be loaded here ({error})."
    to_english = [DEFAULTS[lang, "en"] for lang in ("ru", "kk")]
    try:
        if any(local_revision(ref) is not None for ref in to_english):
            return ""
    except Exception:  # a damaged hub cache: say so rather than break the page
        return "Machine translation models could not be looked up in the local cache."
    return ("No translation model is installed; fetch one once while online with: "
            + download_command(to_english[0]) + ".")
