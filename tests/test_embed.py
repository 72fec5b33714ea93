"""Embedders: shape and normalisation of the default model, the caches, the factory."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from compare.embed import (
    CachingEmbedder,
    Embedder,
    EmbedderUnavailable,
    _cache_key,
    make_embedder,
)
from compare.errors import InputError


class CountingEmbedder:
    """A fake model: deterministic vectors from the text, and a record of every call."""

    name = "fake/counting"
    dim = 8

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts):
        texts = list(texts)
        self.calls.append(texts)
        rng_rows = [np.random.default_rng(sum(map(ord, t)) + len(t)).normal(size=8) for t in texts]
        vectors = np.array(rng_rows, dtype=np.float32).reshape(len(texts), 8)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_default_embedder_shape_and_norm(embedder):
    vectors = embedder.embed(["Сегодня в Астане идёт снег.", "It is snowing in Astana today."])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert isinstance(embedder, Embedder) and embedder.name


def test_default_embedder_puts_translations_closer(embedder):
    ru, en, other = embedder.embed(
        ["Сегодня в Астане идёт снег.", "It is snowing in Astana today.", "Prices rose by 5%."]
    )
    assert float(ru @ en) > float(ru @ other)


def test_default_embedder_empty_input(embedder):
    assert embedder.embed([]).shape == (0, 384)


def test_cache_does_not_call_inner_twice():
    inner = CountingEmbedder()
    cached = CachingEmbedder(inner)
    first = cached.embed(["a", "b", "a"])
    assert inner.calls == [["a", "b"]]  # duplicates inside one call are embedded once too
    second = cached.embed(["b", "a"])
    assert inner.calls == [["a", "b"]]
    assert np.array_equal(first[1], second[0]) and np.array_equal(first[0], first[2])
    cached.embed(["a", "c"])
    assert inner.calls[-1] == ["c"]
    assert cached.name == inner.name


def test_cache_keys_include_the_model_name():
    inner, other = CountingEmbedder(), CountingEmbedder()
    other.name = "fake/other"
    cached = CachingEmbedder(inner)
    cached.embed(["x"])
    assert CachingEmbedder(other).embed(["x"]).shape == (1, 8)
    assert other.calls == [["x"]]


def test_sqlite_cache_persists_across_instances(tmp_path):
    path = tmp_path / "sub" / "vectors.sqlite"
    first_inner = CountingEmbedder()
    first = CachingEmbedder(first_inner, path)
    stored = first.embed(["один", "two"])
    first.close()

    second_inner = CountingEmbedder()
    second = CachingEmbedder(second_inner, path)
    again = second.embed(["two", "один", "three"])
    assert second_inner.calls == [["three"]]
    assert np.array_equal(again[0], stored[1]) and np.array_equal(again[1], stored[0])
    assert again.dtype == np.float32
    second.close()


def test_two_open_instances_share_one_file(tmp_path):
    path = tmp_path / "shared.sqlite"
    a, b = CachingEmbedder(CountingEmbedder(), path), CachingEmbedder(CountingEmbedder(), path)
    a.embed(["written by a"])
    b.embed(["written by a"])
    assert b.inner.calls == []
    a.close()
    b.close()


def test_cache_of_empty_input():
    assert CachingEmbedder(CountingEmbedder()).embed([]).shape == (0, 8)


def test_make_embedder_specs():
    with pytest.raises(InputError):
        make_embedder("word2vec")
    with pytest.raises(InputError):
        make_embedder("st:")


def test_missing_hub_model_gives_a_clear_error():
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        with pytest.raises(EmbedderUnavailable, match="sentence-transformers"):
            make_embedder("st:sentence-transformers/LaBSE")
        return
    with pytest.raises(EmbedderUnavailable, match="could not be loaded"):
        make_embedder("st:/nonexistent/model/path")


# ---------------------------------------------------------------- a damaged cache file heals


def _filled_cache(path) -> np.ndarray:
    """A cache file holding the vectors of two texts; returns those vectors."""
    cache = CachingEmbedder(CountingEmbedder(), path)
    vectors = cache.embed(["один", "two"])
    cache.close()
    return vectors


def _tamper(path, statement: str, *params) -> None:
    db = sqlite3.connect(path)
    db.execute(statement, params)
    db.commit()
    db.close()


def _reopen(path):
    """A new cache on ``path`` with notices collected; its inner model counts calls."""
    notices: list[str] = []
    cache = CachingEmbedder(CountingEmbedder(), path, notice=notices.append)
    return cache, notices


def _one_notice_and_set_aside(notices, path) -> None:
    assert len(notices) == 1, notices
    assert "set aside" in notices[0] and str(path) in notices[0]
    assert list(path.parent.glob(path.name + ".corrupt-*")), "the damaged file is kept"


@pytest.mark.parametrize(
    "damage",
    [
        "garbage",
        "truncated",
        "wrong schema",
        "wrong dimension",
        "wrong dtype",
        "NaN vector",
        "not unit length",
        "text instead of bytes",
    ],
)
def test_damaged_cache_is_set_aside_rebuilt_and_said_once(tmp_path, damage):
    path = tmp_path / "vectors.sqlite"
    good = _filled_cache(path)
    key = _cache_key(CountingEmbedder.name, "two")
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all \x00\xff" * 300)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2 + 100])
        for extra in tmp_path.glob("vectors.sqlite-*"):
            extra.unlink()
    elif damage == "wrong schema":
        _tamper(path, "DROP TABLE vectors")
        _tamper(path, "CREATE TABLE vectors (k TEXT, v BLOB)")
    elif damage == "wrong dimension":
        vec = np.ones(7, dtype=np.float32) / np.sqrt(7)
        _tamper(path, "UPDATE vectors SET dim = 7, vec = ? WHERE key = ?", vec.tobytes(), key)
    elif damage == "wrong dtype":
        _tamper(path, "UPDATE vectors SET vec = ? WHERE key = ?", b"\x00" * 30, key)
    elif damage == "NaN vector":
        vec = np.full(8, np.nan, dtype=np.float32)
        _tamper(path, "UPDATE vectors SET vec = ? WHERE key = ?", vec.tobytes(), key)
    elif damage == "not unit length":
        vec = np.full(8, 3.0, dtype=np.float32)
        _tamper(path, "UPDATE vectors SET vec = ? WHERE key = ?", vec.tobytes(), key)
    else:
        _tamper(path, "UPDATE vectors SET vec = 'abc' WHERE key = ?", key)
    cache, notices = _reopen(path)
    again = cache.embed(["один", "two"])
    assert np.allclose(again, good)  # right vectors: re-embedded, never read from damage
    assert again.shape == (2, 8) and np.all(np.isfinite(again))
    _one_notice_and_set_aside(notices, path)
    cache.embed(["three"])  # the new file works ...
    cache.close()
    healthy, later = _reopen(path)
    assert np.allclose(healthy.embed(["two", "three"])[0], good[1])
    assert later == [] and healthy.inner.calls == []  # ... and is read back without a word


def test_unwritable_cache_goes_on_without_it(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "vectors.sqlite"
    _filled_cache(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        cache, notices = _reopen(path)
        vectors = cache.embed(["один", "new text"])
        assert vectors.shape == (2, 8)
        cache.embed(["another new text"])
        assert len(notices) <= 1
        if notices:  # root may write anyway; otherwise one line, no traceback
            assert "continuing without it" in notices[0] or "set aside" in notices[0]
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_dimension_probed_from_the_model_when_it_has_no_dim(tmp_path):
    class NoDim(CountingEmbedder):
        dim = None

    path = tmp_path / "vectors.sqlite"
    good = _filled_cache(path)
    notices: list[str] = []
    cache = CachingEmbedder(NoDim(), path, notice=notices.append)
    assert np.allclose(cache.embed(["один", "two"]), good) and notices == []


def test_another_programs_database_is_left_exactly_as_it_was(tmp_path):
    path = tmp_path / "app.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    db.execute("INSERT INTO customers VALUES (1, 'Aigerim')")
    db.commit()
    db.close()
    before = path.read_bytes()
    cache, notices = _reopen(path)
    assert cache.embed(["один"]).shape == (1, 8)  # the run goes on, in memory
    cache.close()
    assert path.read_bytes() == before and not list(tmp_path.glob("app.sqlite*-wal"))
    assert not list(tmp_path.glob("app.sqlite.corrupt-*"))
    assert len(notices) == 1 and "another program's database (tables: customers)" in notices[0]


def test_a_healthy_cache_that_cannot_be_written_is_not_called_corrupt(tmp_path, monkeypatch):
    path = tmp_path / "vectors.sqlite"
    _filled_cache(path)
    real = sqlite3.connect

    def read_only_disk(*args, **kwargs):
        connection = real(*args, **kwargs)

        class ReadOnly:
            def execute(self, sql, *params):
                if sql.startswith("PRAGMA journal_mode"):
                    raise sqlite3.OperationalError("attempt to write a readonly database")
                return connection.execute(sql, *params)

            def __getattr__(self, name):
                return getattr(connection, name)

        return ReadOnly()

    monkeypatch.setattr(sqlite3, "connect", read_only_disk)
    cache, notices = _reopen(path)
    assert cache.embed(["один"]).shape == (1, 8)
    assert path.exists() and not list(tmp_path.glob("vectors.sqlite.corrupt-*"))
    assert len(notices) == 1 and "continuing without it" in notices[0]
    assert "readonly" in notices[0]
