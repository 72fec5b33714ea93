"""Machine translation for back-translation signals: the model registry and a transformers backend.

A translator reads the source next to what a machine makes of it, and the English next to what
a machine makes of that. This module only translates; :mod:`compare.mt` turns translations into
report signals.

Design points, each measured or required by the issue:

* transformers 5 has no ``translation`` pipeline, so the backend drives ``AutoTokenizer`` +
  ``AutoModelForSeq2SeqLM.generate`` itself, under ``torch.inference_mode``, in batches sorted
  by length (less padding) and returned in the caller's order.
* Models load from the local cache only (``local_files_only=True``): without that the hub
  retries for 23-46 s when there is no network. Whether a model is cached is decided with
  ``huggingface_hub`` alone, before torch is even imported, so a missing model is reported in
  well under a second. Downloading happens only when asked (``python -m compare models
  download``), after a two-second reachability probe.
* On CPU, dynamic int8 quantisation of the linear layers (about 2x faster greedy decoding on an
  opus-mt-sized model) is on by default; GPUs run in float16.
"""

from __future__ import annotations

import hashlib
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from compare.threads import threads_for

# ----------------------------------------------------------------------------- registry

NLLB_ID = "facebook/nllb-200-distilled-600M"
NLLB_CODES = {"en": "eng_Latn", "ru": "rus_Cyrl", "kk": "kaz_Cyrl"}
# Sentence-initial target tokens of multi-target Marian models (``>>id<<``), tried in order.
MARIAN_TARGET_TOKENS = {"kk": (">>kaz_Cyrl<<", ">>kaz<<", ">>kk<<"), "ru": (">>rus<<", ">>ru<<")}


@dataclass(frozen=True)
class ModelInfo:
    """What the user should know about a registered model before relying on it."""

    id: str
    licence: str
    directions: tuple[tuple[str, str], ...]
    size_mb: int
    note: str = ""


MODELS: dict[str, ModelInfo] = {
    m.id: m
    for m in (
        ModelInfo("Helsinki-NLP/opus-mt-ru-en", "CC-BY-4.0", (("ru", "en"),), 300),
        ModelInfo("Helsinki-NLP/opus-mt-en-ru", "Apache-2.0", (("en", "ru"),), 300),
        ModelInfo("Helsinki-NLP/opus-mt-trk-en", "Apache-2.0", (("kk", "en"),), 300,
                  "weak for Kazakh (Tatoeba kaz-eng BLEU 9.6)"),
        ModelInfo("Helsinki-NLP/opus-mt-en-trk", "Apache-2.0", (("en", "kk"),), 300,
                  "weak for Kazakh (Tatoeba eng-kaz BLEU 11.1)"),  # target token >>kaz_Cyrl<<
        ModelInfo(NLLB_ID, "CC-BY-NC-4.0",
                  tuple((a, b) for a in NLLB_CODES for b in NLLB_CODES if a != b), 2500,
                  "non-commercial use only; much stronger for Kazakh"),
    )
}  # fmt: skip
ALIASES = {"nllb": NLLB_ID}

DEFAULTS: dict[tuple[str, str], str] = {
    ("ru", "en"): "Helsinki-NLP/opus-mt-ru-en",
    ("en", "ru"): "Helsinki-NLP/opus-mt-en-ru",
    ("kk", "en"): "Helsinki-NLP/opus-mt-trk-en",
    ("en", "kk"): "Helsinki-NLP/opus-mt-en-trk",
}
PAIR_MODELS: dict[str, tuple[str, ...]] = {
    "ru-en": (DEFAULTS["ru", "en"], DEFAULTS["en", "ru"]),
    "kk-en": (DEFAULTS["kk", "en"], DEFAULTS["en", "kk"]),
}
PAIR_MODELS["all"] = PAIR_MODELS["ru-en"] + PAIR_MODELS["kk-en"]


def resolve_model(spec: str | None, src: str, tgt: str) -> str:
    """The model to use for ``src``->``tgt``: the user's id, folder or alias, else the default."""
    if spec:
        return ALIASES.get(spec, spec)
    try:
        return DEFAULTS[src, tgt]
    except KeyError:
        raise ValueError(f"No default translation model for {src}->{tgt}.") from None


def describe_model(ref: str) -> str:
    """One line naming a model and its licence, for wherever the user picks or sees it."""
    info = MODELS.get(ref)
    if info is None:
        return f"{ref} (licence: see its model card)"
    note = f"; {info.note}" if info.note else ""
    return f"{ref} (licence {info.licence}{note})"


def download_command(ref: str) -> str:
    """The command that fetches ``ref`` for later offline use."""
    for pair, ids in PAIR_MODELS.items():
        if pair != "all" and ref in ids:
            return f"python -m compare models download --pair {pair}"
    return f"python -m compare models download --model {ref}"


# ------------------------------------------------------------------------ availability


class ModelUnavailable(RuntimeError):
    """A model is neither on this computer nor downloadable now; ``str()`` tells what to do."""


def _is_folder(ref: str) -> bool:
    return Path(ref).expanduser().is_dir()


def local_revision(ref: str) -> str | None:
    """The cached revision of ``ref`` (hub commit, or a content hash of a folder), else None.

    Needs only ``huggingface_hub``, so answering "is it here?" costs milliseconds, not the
    seconds that importing torch and transformers takes.
    """
    if _is_folder(ref):
        folder = Path(ref).expanduser()
        config = folder / "config.json"
        if not config.is_file():
            return None
        h = hashlib.sha256(config.read_bytes())
        for weights in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
            st = weights.stat()
            h.update(f"{weights.name}:{st.st_size}:{st.st_mtime_ns}".encode())
        return "folder-" + h.hexdigest()[:16]
    from huggingface_hub import try_to_load_from_cache

    try:
        found = try_to_load_from_cache(ref, "config.json")
    except ValueError:  # not a valid repo id
        return None
    if not isinstance(found, str):
        return None
    return Path(found).parent.name  # .../snapshots/<commit>/config.json


def require_local(ref: str) -> str:
    """The local revision of ``ref``; raises :class:`ModelUnavailable` with the fix if absent."""
    revision = local_revision(ref)
    if revision is not None:
        return revision
    if _looks_like_path(ref):
        raise ModelUnavailable(
            f"The translation model folder {ref} does not exist or has no config.json."
        )
    raise ModelUnavailable(
        f"The translation model {describe_model(ref)} is not on this computer; "
        f"fetch it once while online with: {download_command(ref)}"
    )


def _looks_like_path(ref: str) -> bool:
    """A hub id is ``name`` or ``owner/name``; anything else the user gave is a folder."""
    return ref.startswith((".", "/", "~")) or ref.count("/") > 1 or "\\" in ref


def hub_reachable(timeout: float = 2.0) -> bool:
    """Whether the model hub answers a TCP connection within ``timeout`` seconds."""
    from huggingface_hub import constants

    if constants.HF_HUB_OFFLINE:
        return False
    url = urlparse(constants.ENDPOINT)
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        with socket.create_connection((url.hostname or "", port), timeout=timeout):
            return True
    except OSError:
        return False


_DOWNLOAD_PATTERNS = ["*.json", "*.spm", "*.model", "*.safetensors", "pytorch_model.bin"]


def download_model(ref: str) -> str:
    """Fetch ``ref`` into the local hub cache (with progress bars); return its folder.

    Fails within about two seconds when the hub cannot be reached, instead of retrying.
    """
    from huggingface_hub import constants, snapshot_download

    if constants.HF_HUB_OFFLINE:
        raise ModelUnavailable(
            f"Cannot download {ref}: offline mode is on (HF_HUB_OFFLINE is set)."
        )
    if not hub_reachable():
        raise ModelUnavailable(
            f"Cannot download {ref}: {constants.ENDPOINT} cannot be reached from this computer."
        )
    return snapshot_download(ref, allow_patterns=_DOWNLOAD_PATTERNS)


def cached_models() -> list[dict[str, Any]]:
    """Translation models in the local hub cache: id, size, licence, and whether registered."""
    from huggingface_hub import scan_cache_dir
    from huggingface_hub.errors import CacheNotFound

    try:
        info = scan_cache_dir()
    except CacheNotFound:
        return []
    out = []
    for repo in sorted(info.repos, key=lambda r: r.repo_id):
        if repo.repo_type != "model":
            continue
        known = MODELS.get(repo.repo_id)
        if known is None and "opus-mt" not in repo.repo_id and "nllb" not in repo.repo_id:
            continue
        out.append({
            "id": repo.repo_id,
            "size_mb": round(repo.size_on_disk / 1e6, 1),
            "licence": known.licence if known else "see its model card",
            "directions": ["-".join(d) for d in known.directions] if known else [],
        })  # fmt: skip
    return out


# ----------------------------------------------------------------------- device, dtype


@dataclass(frozen=True)
class Runtime:
    """Where and how a model runs: device, float dtype name, int8 dynamic quantisation."""

    device: str
    dtype: str
    int8: bool
    threads: int | None


def choose_runtime(
    device: str = "auto",
    int8: bool | None = None,
    *,
    cuda: bool | None = None,
    mps: bool | None = None,
    threads: int | None = None,
) -> Runtime:
    """Pick the device (cuda > mps > cpu unless named), dtype and quantisation.

    ``int8=None`` means int8 on CPU (measured 2x faster) and never elsewhere (dynamic
    quantisation is a CPU kernel). ``cuda``/``mps`` override detection, for tests. On the CPU
    ``threads`` limits the threads (:func:`compare.threads.threads_for`: every core unless
    ``COMPARE_THREADS`` or this limits them).
    """
    if cuda is None or mps is None:
        import torch

        cuda = torch.cuda.is_available() if cuda is None else cuda
        mps_backend = getattr(torch.backends, "mps", None)
        mps = bool(mps_backend and mps_backend.is_available()) if mps is None else mps
    if device == "auto":
        device = "cuda" if cuda else "mps" if mps else "cpu"
    kind = device.split(":")[0]
    if kind not in ("cpu", "cuda", "mps"):
        raise ValueError(f"Unknown device {device!r}: use auto, cpu, cuda, cuda:N or mps.")
    if (kind == "cuda" and not cuda) or (kind == "mps" and not mps):
        raise ValueError(f"The device {device!r} is not available on this computer.")
    if kind == "cpu":
        cpu_threads = threads_for(requested=threads)
        return Runtime("cpu", "float32", True if int8 is None else int8, cpu_threads)
    if int8:
        raise ValueError("int8 dynamic quantisation runs on the CPU only.")
    return Runtime(device, "float16" if kind == "cuda" else "float32", False, None)


# -------------------------------------------------------------------------- translators


class BackTranslator(Protocol):
    """Anything that translates a list of sentences from ``src_lang`` to ``tgt_lang``.

    ``translate`` returns one string per input, in input order. ``name`` identifies the model
    (id and revision) for reports and cache keys.
    """

    name: str
    src_lang: str
    tgt_lang: str

    def translate(self, texts: Sequence[str]) -> list[str]: ...


@dataclass
class TranslationStats:
    generated: int = 0
    cached: int = 0
    seconds: float = 0.0


@dataclass
class TransformersTranslator:
    """A seq2seq model from transformers (Marian/opus-mt, NLLB), batched and cached.

    Build it with :meth:`load` (local files only) or give ``model``/``tokenizer`` directly
    (the benchmark does, for a random-weight model).
    """

    model: Any
    tokenizer: Any
    model_id: str
    revision: str
    src_lang: str
    tgt_lang: str
    runtime: Runtime
    cache: Any = None
    batch_size: int = 16
    num_beams: int = 1
    max_new_tokens: int = 256
    generate_kwargs: dict[str, Any] = field(default_factory=dict)
    stats: TranslationStats = field(default_factory=TranslationStats)
    prefix: str = ""
    forced_bos: int | None = None

    def __post_init__(self) -> None:
        self._setup_language_codes()

    @property
    def name(self) -> str:
        return f"{self.model_id}@{self.revision[:12]}"

    @property
    def licence(self) -> str:
        info = MODELS.get(self.model_id)
        return info.licence if info else "see its model card"

    # -- loading ------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        ref: str,
        src_lang: str,
        tgt_lang: str,
        *,
        device: str = "auto",
        int8: bool | None = None,
        cache: Any = None,
        threads: int | None = None,
        **options: Any,
    ) -> TransformersTranslator:
        """Load ``ref`` (hub id or folder) from local files; never touches the network.

        Raises :class:`ModelUnavailable` (with the command that fetches it) when it is not here.
        ``threads`` limits its CPU threads (None: :func:`compare.threads.threads_for`).
        """
        revision = require_local(ref)
        runtime = choose_runtime(device, int8, threads=threads)
        model, tokenizer = _load_local(ref, runtime)
        return cls(model, tokenizer, ref, revision, src_lang, tgt_lang, runtime, cache, **options)

    def _setup_language_codes(self) -> None:
        """NLLB wants ``src_lang`` and a forced first token; multi-target Marian a ``>>id<<``."""
        tok = self.tokenizer
        model_type = getattr(getattr(self.model, "config", None), "model_type", "")
        if model_type == "m2m_100" or NLLB_CODES["en"] in getattr(tok, "additional_special_tokens",
                                                                  []):  # fmt: skip
            if self.src_lang not in NLLB_CODES or self.tgt_lang not in NLLB_CODES:
                raise ValueError(f"NLLB codes for {self.src_lang}->{self.tgt_lang} are unknown.")
            tok.src_lang = NLLB_CODES[self.src_lang]
            self.forced_bos = tok.convert_tokens_to_ids(NLLB_CODES[self.tgt_lang])
            return
        vocab = tok.get_vocab() if hasattr(tok, "get_vocab") else {}
        for token in MARIAN_TARGET_TOKENS.get(self.tgt_lang, ()):
            if token in vocab:
                self.prefix = token + " "
                return

    # -- translating ----------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """Everything besides model and text that changes the output: part of the cache key."""
        return {
            "beams": self.num_beams,
            "max_new": self.max_new_tokens,
            "int8": self.runtime.int8,
            "dtype": self.runtime.dtype,
            "prefix": self.prefix,
            "bos": self.forced_bos,
            **{k: v for k, v in sorted(self.generate_kwargs.items())},
        }

    def translate(self, texts: Sequence[str]) -> list[str]:
        """Translate ``texts``; cached ones are not generated again; order is preserved."""
        t0 = time.perf_counter()
        out: list[str | None] = [None if t.strip() else "" for t in texts]
        todo = sorted({t for t, o in zip(texts, out, strict=True) if o is None})
        done: dict[str, str] = {}
        keys: dict[str, str] = {}
        if self.cache is not None and todo:
            direction = f"{self.src_lang}-{self.tgt_lang}"
            keys = {t: self.cache.key(self.model_id, self.revision, direction, self.settings(), t)
                    for t in todo}  # fmt: skip
            hits = self.cache.get_many(list(keys.values()))
            done = {t: hits[k] for t, k in keys.items() if k in hits}
            self.stats.cached += sum(1 for t in texts if t in done)
        missing = [t for t in todo if t not in done]
        if missing:
            fresh = dict(zip(missing, self.generate(missing), strict=True))
            self.stats.generated += len(missing)
            if self.cache is not None:
                self.cache.put_many({keys[t]: fresh[t] for t in missing})
            done.update(fresh)
        self.stats.seconds += time.perf_counter() - t0
        return [o if o is not None else done[t] for t, o in zip(texts, out, strict=True)]

    def generate(self, texts: Sequence[str]) -> list[str]:
        """Generate translations of ``texts`` in length-sorted batches, in input order."""
        import torch

        inputs = [self.prefix + t for t in texts]
        lengths = [len(ids) for ids in self.tokenizer(inputs)["input_ids"]]
        order = sorted(range(len(inputs)), key=lambda i: lengths[i])
        results: list[str] = [""] * len(inputs)
        kwargs = {"num_beams": self.num_beams, "max_new_tokens": self.max_new_tokens,
                  "do_sample": False, **self.generate_kwargs}  # fmt: skip
        if self.forced_bos is not None:
            kwargs["forced_bos_token_id"] = self.forced_bos
        device = self.runtime.device
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                idx = order[start : start + self.batch_size]
                enc = self.tokenizer([inputs[i] for i in idx], return_tensors="pt",
                                     padding=True, truncation=True)  # fmt: skip
                enc = {k: v.to(device) for k, v in enc.items()}
                ids = self.model.generate(**enc, **kwargs)
                decoded = self.tokenizer.batch_decode(ids, skip_special_tokens=True)
                for i, text in zip(idx, decoded, strict=True):
                    results[i] = text.strip()
        return results


def _load_local(ref: str, runtime: Runtime) -> tuple[Any, Any]:
    """Tokenizer and model of ``ref`` from local files, placed and quantised per ``runtime``."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    path = str(Path(ref).expanduser()) if _is_folder(ref) else ref
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModelForSeq2SeqLM.from_pretrained(
            path, local_files_only=True, dtype=getattr(torch, runtime.dtype)
        )
    except OSError as exc:
        raise ModelUnavailable(
            f"The translation model {ref} could not be loaded from local files ({exc}); "
            f"fetch it again with: {download_command(ref)}"
        ) from exc
    model.eval()
    if runtime.device == "cpu":
        if runtime.threads:
            torch.set_num_threads(runtime.threads)
        if runtime.int8:
            model = quantize_int8(model)
    else:
        model.to(runtime.device)
    return model, tokenizer


def quantize_int8(model: Any) -> Any:
    """Dynamic int8 quantisation of the linear layers (CPU): ~2x faster greedy decoding."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization announces its future move
        return torch.ao.quantization.quantize_dynamic(
            model, {torch.nn.Linear}, dtype=torch.qint8
        )


def model_card_summary() -> list[str]:
    """Lines for ``models list``: every registered model, its directions and licence."""
    lines = []
    for info in MODELS.values():
        dirs = ", ".join(f"{a}->{b}" for a, b in info.directions)
        default = [f"{a}->{b}" for (a, b), mid in DEFAULTS.items() if mid == info.id]
        tag = f" [default {', '.join(default)}]" if default else ""
        lines.append(f"{info.id}: {dirs}; licence {info.licence}; ~{info.size_mb} MB{tag}")
    return lines
