"""Dismissals and ignore rules kept in $COMPARE_HOME: BOM-tolerant reading, nothing overwritten
that could not be parsed, rules that cover a term everywhere."""

from __future__ import annotations

import json

from compare.dismissals import DismissalStore, IgnoreRules, normalise_term
from compare.reading import read_pasted
from compare.review import build_rows, mark_dismissed


def test_a_store_saved_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "dismissed.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"dismissed": ["abc", "def"]}).encode())
    store = DismissalStore(path)
    assert store.load() == {"abc", "def"}
    assert store.dismiss("ghi") == {"abc", "def", "ghi"}
    assert store.notice() == ""


def test_an_unparsable_store_is_set_aside_never_overwritten(tmp_path):
    path = tmp_path / "dismissed.json"
    path.write_text("{not json, but the reviewer's work", encoding="utf-8")
    store = DismissalStore(path)
    assert store.load() == set()
    assert "not valid JSON" in store.notice() and path.read_text().startswith("{not json")
    store.dismiss("abc")
    kept = list(tmp_path.glob("dismissed.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_text().startswith("{not json")
    assert json.loads(path.read_text())["dismissed"] == ["abc"]
    assert str(kept[0]) in store.notice()


def test_a_store_of_the_wrong_shape_is_set_aside_too(tmp_path):
    path = tmp_path / "dismissed.json"
    path.write_text('{"dismissed": 5}', encoding="utf-8")
    store = DismissalStore(path)
    assert store.load() == set() and store.notice()
    store.dismiss("x")
    assert len(list(tmp_path.glob("dismissed.json.unreadable-*"))) == 1


def test_ignore_rules_persist_and_cover_the_term_in_every_pair(tmp_path):
    from compare.app_run import run_review

    text = 'He said "hello.\n\nShe said "hello.\n'
    report = run_review(read_pasted(text), None, {}, None)
    rows = build_rows(report)
    first = next(rf for r in rows for rf in r.flags)
    rules = IgnoreRules(tmp_path / "ignored.json")
    rules.add(first.flag.check, first.excerpt.upper())
    again = IgnoreRules(tmp_path / "ignored.json").load()
    assert again == {(first.flag.check, normalise_term(first.excerpt))}
    covered = [rf for r in build_rows(report, rules=again) for rf in r.flags
               if rf.flag.check == first.flag.check]
    assert len(covered) >= 2 and all(rf.dismissed and rf.by_rule for rf in covered)
    marked = mark_dismissed(report, rules=again)
    assert len(marked.dismissed_flags()) == len(covered)
    assert rules.remove(first.flag.check, first.excerpt) == set()
