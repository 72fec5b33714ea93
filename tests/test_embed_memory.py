"""compare/malloc.py: the models give freed batch memory back to the system (issue 25)."""

from __future__ import annotations

import platform
import sys

import pytest

from compare import malloc


def test_release_free_memory_on_glibc_and_never_with_compare_malloc_system(monkeypatch):
    monkeypatch.setattr(malloc, "_trim", [])
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert malloc.release_free_memory() is glibc
    assert malloc.release_free_memory() is glibc  # found once, then reused
    monkeypatch.setattr(malloc, "_trim", [])
    monkeypatch.setenv("COMPARE_MALLOC", "system")
    assert malloc.release_free_memory() is False


def test_the_embedder_and_the_meaning_model_release_after_every_batch(monkeypatch, e5_weights):
    torch = pytest.importorskip("torch")
    del torch
    from compare.fast_e5 import FastE5Embedder
    from compare.qe.predict import QEModel

    calls = []
    monkeypatch.setattr("compare.fast_e5.release_free_memory", lambda: calls.append("embed"))
    monkeypatch.setattr("compare.qe.predict.release_free_memory", lambda: calls.append("qe"))
    embedder = FastE5Embedder(precision="fp32", layers=1, batch_tokens=16)
    embedder.embed(["Один.", "Два слова здесь и ещё немного слов.", "Three."])
    assert calls.count("embed") >= 2  # lengths 1.5x apart go into separate batches
    model = QEModel.load(precision="fp32", weights=e5_weights)
    model.predict([(["Цены", "выросли"], ["Prices", "rose"])] * 2, batch_tokens=16)
    assert calls.count("qe") == 2
