"""Dismissals and ignore rules kept in $COMPARE_HOME: BOM-tolerant reading, nothing overwritten
that could not be parsed, rules that cover a term everywhere."""

from __future__ import annotations

import json

from compare.dismissals import EVERYWHERE, DismissalStore, IgnoreRules, normalise_term, rules_for
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
    stored = IgnoreRules(tmp_path / "ignored.json").load()
    assert stored == {(first.flag.check, normalise_term(first.excerpt), EVERYWHERE)}
    again = rules_for(stored, "any document")
    covered = [rf for r in build_rows(report, rules=again) for rf in r.flags
               if rf.flag.check == first.flag.check]
    assert len(covered) >= 2 and all(rf.dismissed and rf.by_rule for rf in covered)
    marked = mark_dismissed(report, rules=again)
    assert len(marked.dismissed_flags()) == len(covered)
    assert rules.remove(first.flag.check, first.excerpt) == set()


def test_a_rule_file_of_schema_1_still_covers_every_document(tmp_path):
    path = tmp_path / "ignored.json"
    path.write_text('{"schema": "compare.ignored/1", "rules": [{"check": "name-mismatch", '
                    '"term": "Лавров"}]}', encoding="utf-8")
    rules = IgnoreRules(path)
    assert rules.load() == {("name-mismatch", "лавров", EVERYWHERE)}
    rules.add("number-mismatch", "5400", "doc-a")
    assert rules_for(rules.load(), "doc-b") == {("name-mismatch", "лавров")}
    assert rules_for(rules.load(), "doc-a") == {("name-mismatch", "лавров"),
                                                 ("number-mismatch", "5400")}
    assert '"document": "doc-a"' in path.read_text("utf-8")


def test_json_nested_past_the_parser_is_set_aside_not_a_crash(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    for name, owner, change in (("dismissed.json", DismissalStore, lambda o: o.dismiss("k")),
                                ("ignored.json", IgnoreRules, lambda o: o.add("quotes", "x"))):
        path = tmp_path / name
        path.write_text('{"rules": ' + deep + "}", encoding="utf-8")
        store = owner(path)
        assert store.load() == set()  # RecursionError before
        assert "nested too deeply" in store.notice() and len(store.notice().splitlines()) == 1
        change(store)
        kept = list(tmp_path.glob(f"{name}.unreadable-*"))
        assert len(kept) == 1 and kept[0].read_text("utf-8").endswith(deep + "}")
        assert str(kept[0]) in store.notice() and owner(path).load()


def test_a_fifo_or_a_folder_under_the_name_is_refused_without_waiting(tmp_path):
    import os
    import threading

    fifo = tmp_path / "ignored.json"
    os.mkfifo(fifo)
    loaded: list[object] = []
    reader = threading.Thread(target=lambda: loaded.append(IgnoreRules(fifo).load()),
                              daemon=True)
    reader.start()
    reader.join(10)
    try:
        assert not reader.is_alive(), "reading a FIFO nobody writes to hung"
    finally:  # let a blocked reader of the old code go
        if reader.is_alive():
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(10)
    rules = IgnoreRules(fifo)
    assert loaded == [set()] and rules.load() == set()
    assert "FIFO (named pipe), not a regular file" in rules.notice()
    rules.add("quotes", "x")  # set aside, and a regular file started
    assert fifo.is_file() and rules.load() == {("quotes", "x", EVERYWHERE)}
    assert len(list(tmp_path.glob("ignored.json.unreadable-*"))) == 1

    folder = tmp_path / "dismissed.json"
    folder.mkdir()
    store = DismissalStore(folder)
    assert store.load() == set() and "is a folder" in store.notice()
    assert store.dismiss("k") == {"k"} and folder.is_file()
