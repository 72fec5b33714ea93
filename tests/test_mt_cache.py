"""The SQLite translation cache: correct keys, WAL, and safe under threads and processes."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading

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
