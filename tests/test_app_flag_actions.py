"""The app's flag rows (app_components/flag_actions.py): which flags offer "ignore this check for
this term" — a term, never a sentence or a passage judged on its own."""

from __future__ import annotations

import types

import pytest

pytest.importorskip("streamlit")

from app_components.flag_actions import _ignorable  # noqa: E402
from compare.flags import Flag  # noqa: E402


def _row(check: str, excerpt: str):
    flag = Flag(check, "meaning", "major", "source", 0, len(excerpt), "A message.")
    return types.SimpleNamespace(flag=flag, excerpt=excerpt)


@pytest.mark.parametrize("check", ["name-mismatch", "number-mismatch", "terminology"])
def test_a_short_term_of_a_term_check_may_be_ignored(check):
    assert _ignorable(_row(check, "Ерболат Сапаров"))


@pytest.mark.parametrize("check", ["omitted-passage", "omission", "meaning-shift"])
def test_a_passage_or_sentence_is_never_a_term(check):
    assert not _ignorable(_row(check, "а по субботам там проходят занятия"))


def test_an_empty_or_long_excerpt_is_no_term():
    assert not _ignorable(_row("name-mismatch", "  "))
    assert not _ignorable(_row("name-mismatch", "слово " * 20))
