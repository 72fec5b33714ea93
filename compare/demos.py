"""The demo pairs a new user can load with one click (corpora/demo, written for this project,
with planted errors), kept apart so that the app and the tests name them in one place."""

from __future__ import annotations

from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent.parent / "corpora" / "demo"
DEMOS = {
    "Russian → English": ("library.ru.txt", "library.en.txt"),
    "Kazakh → English": ("park.kk.txt", "park.en.txt"),
}
"""The demo pairs in corpora/demo (written for this project, with planted errors)."""


def demo_texts(name: str) -> tuple[str, str]:
    """(source, English) texts of a demo named in :data:`DEMOS`."""
    src, tgt = DEMOS[name]
    return (DEMO_DIR / src).read_text(encoding="utf-8"), (DEMO_DIR / tgt).read_text("utf-8")
