"""The transformers backend, loaded from a tiny Marian model trained here (no network)."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("sentencepiece")

from compare.mt_cache import MTCache  # noqa: E402
from compare.translate import (  # noqa: E402
    NLLB_ID,
    ModelUnavailable,
    TransformersTranslator,
    choose_runtime,
    describe_model,
    download_command,
    download_model,
    require_local,
    resolve_model,
)
from tests.tiny_marian import PAIRS, tiny_model_dir  # noqa: E402

RU = [ru for ru, _ in PAIRS]
EN = [en for _, en in PAIRS]


@pytest.fixture(scope="module")
def model_dir():
    return tiny_model_dir()


@pytest.fixture()
def ru_en(model_dir):
    return TransformersTranslator.load(str(model_dir), "ru", "en", device="cpu", int8=False)


@pytest.fixture()
def empty_hub(tmp_path, monkeypatch):
    """A hub cache with nothing in it, as on a fresh computer."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    return tmp_path / "hub"


def test_loads_a_saved_folder_and_translates_both_directions(model_dir, ru_en):
    assert ru_en.translate(RU) == EN
    en_ru = TransformersTranslator.load(str(model_dir), "en", "ru", device="cpu", int8=False)
    assert en_ru.translate(EN) == RU
    assert ru_en.revision.startswith("folder-") and ru_en.name.startswith(str(model_dir))


def test_order_is_kept_through_length_sorted_batches(ru_en):
    seen: list[list[int]] = []
    generate = ru_en.model.generate

    def recording(**enc):
        seen.append(enc["attention_mask"].sum(dim=1).tolist())
        return generate(**enc)

    ru_en.model.generate = recording
    ru_en.batch_size = 2
    texts = [RU[3], "", RU[0], RU[5], RU[3], "   ", RU[1], RU[4], RU[2]]
    expected = [dict(PAIRS).get(t, "") for t in texts]
    assert ru_en.translate(texts) == expected
    assert len(seen) == 3  # six distinct sentences, two per batch; blanks never generated
    lengths = [n for batch in seen for n in batch]
    assert lengths == sorted(lengths)


def test_cache_hits_skip_generation_even_for_a_new_process(model_dir, tmp_path):
    cache_file = tmp_path / "mt.sqlite"
    first = TransformersTranslator.load(str(model_dir), "ru", "en", device="cpu", int8=False,
                                        cache=MTCache(cache_file))
    assert first.translate(RU) == EN
    assert (first.stats.generated, first.stats.cached) == (len(RU), 0)

    again = TransformersTranslator.load(str(model_dir), "ru", "en", device="cpu", int8=False,
                                        cache=MTCache(cache_file))

    def fail(**_):
        raise AssertionError("generate ran although every sentence was cached")

    again.model.generate = fail
    assert again.translate(RU[::-1]) == EN[::-1]
    assert (again.stats.generated, again.stats.cached) == (0, len(RU))


def test_other_settings_do_not_reuse_the_cache(model_dir, tmp_path):
    cache = MTCache(tmp_path / "mt.sqlite")
    greedy = TransformersTranslator.load(str(model_dir), "ru", "en", device="cpu", int8=False,
                                         cache=cache)
    greedy.translate(RU[:2])
    beams = TransformersTranslator.load(str(model_dir), "ru", "en", device="cpu", int8=False,
                                        cache=cache, num_beams=2)
    assert beams.translate(RU[:2]) == EN[:2]
    assert (beams.stats.generated, beams.stats.cached) == (2, 0)


def test_int8_on_cpu_quantises_the_linear_layers(model_dir):
    import torch

    tr = TransformersTranslator.load(str(model_dir), "ru", "en", device="cpu")
    assert tr.runtime.int8 and tr.runtime.device == "cpu"
    dynamic = torch.ao.nn.quantized.dynamic.Linear
    assert any(isinstance(m, dynamic) for m in tr.model.modules())
    out = tr.translate(RU)
    assert len(out) == len(RU) and all(isinstance(t, str) and t for t in out)


def test_runtime_prefers_cuda_then_mps_then_cpu():
    assert choose_runtime(cuda=True, mps=True) == choose_runtime("cuda", cuda=True, mps=False)
    gpu = choose_runtime(cuda=True, mps=True)
    assert (gpu.device, gpu.dtype, gpu.int8) == ("cuda", "float16", False)
    mac = choose_runtime(cuda=False, mps=True)
    assert (mac.device, mac.dtype, mac.int8) == ("mps", "float32", False)
    cpu = choose_runtime(cuda=False, mps=False)
    assert (cpu.device, cpu.dtype, cpu.int8) == ("cpu", "float32", True) and cpu.threads >= 1
    assert choose_runtime("cpu", int8=False, cuda=True, mps=False).int8 is False
    assert choose_runtime("cuda:1", cuda=True, mps=False).device == "cuda:1"


@pytest.mark.parametrize(
    "device, int8, words",
    [("cuda", None, "not available"), ("tpu", None, "Unknown device"), ("mps", None,
     "not available")],
)
def test_runtime_refuses_what_cannot_run(device, int8, words):
    with pytest.raises(ValueError, match=words):
        choose_runtime(device, int8, cuda=False, mps=False)


def test_int8_is_refused_on_a_gpu():
    with pytest.raises(ValueError, match="CPU only"):
        choose_runtime("cuda", True, cuda=True, mps=False)


def test_missing_model_fails_fast_with_the_fetch_command(empty_hub):
    start = time.perf_counter()
    with pytest.raises(ModelUnavailable) as err:
        TransformersTranslator.load("Helsinki-NLP/opus-mt-ru-en", "ru", "en")
    assert time.perf_counter() - start < 2.0
    message = str(err.value)
    assert "Helsinki-NLP/opus-mt-ru-en" in message and "\n" not in message
    assert "python -m compare models download --pair ru-en" in message
    with pytest.raises(ModelUnavailable, match="does not exist"):
        require_local("./no/such/folder")


def test_download_refuses_quickly_when_offline_or_unreachable(monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(ModelUnavailable, match="offline mode"):
        download_model("Helsinki-NLP/opus-mt-ru-en")
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    start = time.perf_counter()
    with pytest.raises(ModelUnavailable, match="cannot be reached"):
        download_model("Helsinki-NLP/opus-mt-ru-en")
    assert time.perf_counter() - start < 3.0


def test_registry_defaults_aliases_and_licences():
    assert resolve_model(None, "ru", "en") == "Helsinki-NLP/opus-mt-ru-en"
    assert resolve_model(None, "en", "kk") == "Helsinki-NLP/opus-mt-en-trk"
    assert resolve_model("nllb", "kk", "en") == NLLB_ID
    assert resolve_model("/models/mine", "ru", "en") == "/models/mine"
    with pytest.raises(ValueError):
        resolve_model(None, "de", "en")
    assert "CC-BY-NC-4.0" in describe_model(NLLB_ID)
    assert "Apache-2.0" in describe_model("Helsinki-NLP/opus-mt-en-trk")
    assert download_command("Helsinki-NLP/opus-mt-trk-en").endswith("--pair kk-en")
    assert download_command(NLLB_ID).endswith(f"--model {NLLB_ID}")


class _Tok:
    """Just enough of a tokenizer to see which language conventions the backend applies."""

    def __init__(self, vocab, special=()):
        self.vocab = dict(vocab)
        self.additional_special_tokens = list(special)
        self.src_lang = None

    def get_vocab(self):
        return self.vocab

    def convert_tokens_to_ids(self, token):
        return self.vocab[token]


def _translator(tok, model_type, src, tgt):
    model = SimpleNamespace(config=SimpleNamespace(model_type=model_type))
    runtime = choose_runtime("cpu", False, cuda=False, mps=False)
    return TransformersTranslator(model, tok, "m", "r", src, tgt, runtime)


def test_target_language_conventions_of_marian_and_nllb():
    en_trk = _translator(_Tok({">>kaz_Cyrl<<": 5, ">>tur<<": 6}), "marian", "en", "kk")
    assert en_trk.prefix == ">>kaz_Cyrl<< " and en_trk.forced_bos is None
    assert _translator(_Tok({"a": 1}), "marian", "ru", "en").prefix == ""
    codes = {"eng_Latn": 10, "rus_Cyrl": 11, "kaz_Cyrl": 12}
    tok = _Tok(codes, special=list(codes))
    nllb = _translator(tok, "m2m_100", "kk", "en")
    assert tok.src_lang == "kaz_Cyrl" and nllb.forced_bos == 10 and nllb.prefix == ""
    assert nllb.settings()["bos"] == 10  # the target language is part of the cache key
