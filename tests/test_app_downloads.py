"""The app's export cache (app_components/downloads.py): one file per report, document name and
dismissal state, never a stale file of another report."""

from __future__ import annotations

import types

import pytest

pytest.importorskip("streamlit")

from app_components import downloads  # noqa: E402


@pytest.fixture
def fake_state(monkeypatch):
    made = []

    def export(report, fmt, dismissed, rules, document=""):
        made.append((report, fmt, document))
        return f"{report.name}:{fmt}:{document}".encode()

    state: dict = {}
    monkeypatch.setattr(downloads, "st", types.SimpleNamespace(session_state=state))
    monkeypatch.setattr(downloads, "export", export)
    return state, made


def test_an_export_is_built_once_per_report_name_and_state(fake_state):
    state, made = fake_state
    first, second = types.SimpleNamespace(name="a"), types.SimpleNamespace(name="b")
    state["document_name"] = "one.txt"
    assert downloads._export(first, "json", frozenset(), frozenset()) == b"a:json:one.txt"
    assert downloads._export(first, "json", frozenset(), frozenset()) == b"a:json:one.txt"
    assert len(made) == 1  # a rerun that changes nothing builds nothing
    assert downloads._export(second, "json", frozenset(), frozenset()) == b"b:json:one.txt"
    state["document_name"] = "two.txt"  # a renamed document names its file anew
    assert downloads._export(second, "json", frozenset(), frozenset()) == b"b:json:two.txt"
    assert downloads._export(second, "json", frozenset({"k"}), frozenset()) == b"b:json:two.txt"
    assert len(made) == 4


def test_a_cached_export_keeps_its_report_alive_so_its_id_is_never_reused(fake_state):
    state, _ = fake_state
    report = types.SimpleNamespace(name="a")
    downloads._export(report, "csv", frozenset(), frozenset())
    (entry,) = state["export_cache"].values()
    assert entry[0] is report
