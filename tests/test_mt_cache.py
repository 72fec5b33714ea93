"""The SQLite translation cache: correct keys, WAL, and safe under threads and processes."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading

import pytest

from compare.mt_cache import MTCache, default_cache_path

SETTINGS = {"beams": 1, "int8": True}


def _key(text: str, **changes) -> str:
    parts = {"model": "m", "revision": "r1", "direction": "ru-en", "settings": SETTINGS}
    parts.update(changes)
    return MTCache.key(parts["model"], parts["revision"], parts["direction"], parts["settings"],
                       text)


def test_round_trip_and_missing_keys(tmp_path):
    with MTCache(tmp_path / "c.sqlite") as cache:
        cache.put_many({_key("Привет"): "Hello", _key("Пока"): "Bye"})
        assert cache.get_many([_key("Привет"), _key("нет такого")]) == {_key("Привет"): "Hello"}
        assert cache.get(_key("Пока")) == "Bye" and cache.get(_key("x")) is None
        cache.put_many({_key("Пока"): "Goodbye"})  # a newer translation replaces the old one
        assert cache.get(_key("Пока")) == "Goodbye" and len(cache) == 2


def test_key_depends_on_everything_that_changes_a_translation():
    base = _key("Текст")
    assert base == _key("Текст")
    variants = [_key("Текст."), _key("Текст", model="m2"), _key("Текст", revision="r2"),
                _key("Текст", direction="kk-en"), _key("Текст", settings={"beams": 4})]
    assert len({base, *variants}) == len(variants) + 1


def test_file_is_in_wal_mode_and_survives_reopening(tmp_path):
    path = tmp_path / "sub" / "c.sqlite"
    with MTCache(path) as cache:
        cache.put_many({"k": "v"})
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with MTCache(path) as cache:
        assert cache.get("k") == "v"


def test_many_keys_are_read_in_chunks(tmp_path):
    with MTCache(tmp_path / "c.sqlite") as cache:
        items = {f"k{i}": f"v{i}" for i in range(1300)}
        cache.put_many(items)
        assert cache.get_many(list(items) + ["absent"]) == items


def test_threads_share_one_cache(tmp_path):
    cache = MTCache(tmp_path / "c.sqlite")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(50):
                cache.put_many({f"t{n}-{i}": f"{n}:{i}"})
                assert cache.get(f"t{n}-{i}") == f"{n}:{i}"
        except BaseException as exc:  # surfaced below: a thread's assert would be lost
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(cache) == 200
    cache.close()


def _writer(path: str, n: int) -> None:
    cache = MTCache(path)
    for i in range(40):
        cache.put_many({f"p{n}-{i}": f"{n}:{i}", "shared": f"{n}"})
        cache.get_many([f"p{(n + 1) % 4}-{i}", "shared"])
    cache.close()


def test_processes_write_at_once_without_losing_anything(tmp_path):
    path = str(tmp_path / "c.sqlite")
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(path, n)) for n in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with MTCache(path) as cache:
        assert len(cache) == 4 * 40 + 1
        assert cache.get("p3-39") == "3:39" and cache.get("shared") in {"0", "1", "2", "3"}


def test_default_path_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path))
    assert default_cache_path() == tmp_path / "mt-cache.sqlite"
    monkeypatch.delenv("COMPARE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_path() == tmp_path / "xdg" / "compare" / "mt-cache.sqlite"


# ------------------------------------------------------------------ damaged caches (issue 10)
def _aside(tmp_path):
    return sorted(p.name for p in tmp_path.iterdir() if ".damaged-" in p.name)


def _make_foreign(path, sql):
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("kind, words", [
    ("garbage", "not a readable SQLite database"),
    ("truncated", "not a readable SQLite database"),
    ("wrong-schema", "wrong columns"),
    ("foreign", "not a translation cache"),
    ("non-text", "1 of its entries are not text"),
])
def test_damaged_cache_is_set_aside_rebuilt_and_said_once(tmp_path, kind, words):
    path = tmp_path / "c.sqlite"
    if kind == "garbage":
        path.write_bytes(b"this is not a database at all " * 200)
    elif kind == "truncated":
        with MTCache(path) as cache:
            cache.put_many({f"k{i}": "перевод " * 50 for i in range(2000)})
        data = path.read_bytes()
        path.write_bytes(data[:4096] + b"\x00" * 100 + data[8192 : len(data) // 2])
    elif kind == "wrong-schema":
        _make_foreign(path, "CREATE TABLE translations (k TEXT, v TEXT);")
    elif kind == "foreign":
        _make_foreign(path, "CREATE TABLE invoices (id INTEGER, total REAL);")
    else:
        _make_foreign(path, "CREATE TABLE translations (key TEXT PRIMARY KEY, translation TEXT);"
                            "INSERT INTO translations VALUES ('a', x'00ff'), ('b', 5), "
                            "('c', 'fine');")
    original = path.read_bytes()
    said = []
    with MTCache(path, notice=said.append) as cache:
        assert cache.get("a") is None
        cache.put_many({"a": "ok"})
        assert cache.get("a") == "ok"
    assert len(said) == 1 and words in said[0] and "set aside" in said[0]
    aside = _aside(tmp_path)
    assert len([a for a in aside if not a.endswith("-wal")]) == 1
    assert (tmp_path / aside[0]).read_bytes()[:100] == original[:100]  # kept, not deleted
    with MTCache(path, notice=said.append) as cache:  # the new file is healthy: no new notice
        assert cache.get("a") == "ok"
    assert len(said) == 1


def test_damage_met_while_in_use_is_healed_once(tmp_path):
    path = tmp_path / "c.sqlite"
    said = []
    cache = MTCache(path, notice=said.append)
    cache.put_many({f"k{i}": "перевод " * 50 for i in range(500)})
    cache.close()
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\xff" * 8192  # pages overwritten under a running cache
    path.write_bytes(bytes(data))
    assert cache.get_many([f"k{i}" for i in range(500)]) == {}
    cache.put_many({"new": "новый"})
    assert cache.get("new") == "новый"
    assert len(said) == 1 and "damage found while in use" in said[0]
    cache.close()


def test_values_another_program_wrote_later_are_not_returned(tmp_path):
    path = tmp_path / "c.sqlite"
    with MTCache(path) as cache:
        cache.put_many({"a": "текст"})
        conn = sqlite3.connect(path)
        conn.execute("INSERT INTO translations VALUES ('b', x'00ff')")
        conn.commit()
        conn.close()
        assert cache.get_many(["a", "b"]) == {"a": "текст"}


def test_mt_setup_carries_the_cache_notice(tmp_path):
    from compare.mt import _open_cache

    path = tmp_path / "c.sqlite"
    path.write_bytes(b"garbage " * 100)
    notices: list[str] = []
    cache = _open_cache(str(path), notices)
    assert cache is not None and len(notices) == 1 and "set aside" in notices[0]
    cache.close()
