"""One naming rule for damaged files set aside by the caches and the dismissal store."""

from __future__ import annotations

from pathlib import Path

from compare.aside import aside_path


def test_aside_names_are_free_and_say_why(tmp_path: Path) -> None:
    store = tmp_path / "cache.sqlite"
    first = aside_path(store, "corrupt")
    assert first.parent == tmp_path and first.name.startswith("cache.sqlite.corrupt-")
    first.write_text("old")
    second = aside_path(store, "corrupt")
    assert second != first and not second.exists()
    Path(f"{second}-wal").write_text("journal of a copy set aside the same second")
    assert aside_path(store, "corrupt") not in (first, second)
