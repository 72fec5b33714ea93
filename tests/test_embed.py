"""Embedders: shape and normalisation of the default model, the caches, the factory."""

from __future__ import annotations

import numpy as np
import pytest

from compare.embed import (
    CachingEmbedder,
    Embedder,
    EmbedderUnavailable,
    make_embedder,
)
from compare.errors import InputError


class CountingEmbedder:
    """A fake model: deterministic vectors from the text, and a record of every call."""

    name = "fake/counting"

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
