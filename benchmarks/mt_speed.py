"""Translation speed: a plain one-sentence-at-a-time loop vs the compare backend, and the cache.

    python benchmarks/mt_speed.py [--sentences 40] [--out-len 25] [--device cpu|cuda]

The model has the exact configuration of Helsinki-NLP/opus-mt-ru-en (about 77 M parameters)
with random weights, so the figures need no download; the tokenizer is a word-level one over
the same 62,518-entry vocabulary ("w123" is token 123). Every sentence is forced to the same
output length (``min_new_tokens == max_new_tokens``), because a random model would otherwise
stop at random and the runs would not compare. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OPUS_MT_RU_EN = dict(
    vocab_size=62518, decoder_vocab_size=62518, d_model=512, encoder_layers=6, decoder_layers=6,
    encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048,
    decoder_ffn_dim=2048, max_position_embeddings=512, activation_function="swish",
    pad_token_id=62517, decoder_start_token_id=62517, eos_token_id=0, forced_eos_token_id=0,
    bos_token_id=0, bad_words_ids=[[62517]], scale_embedding=True, static_position_embeddings=True,
    share_encoder_decoder_embeddings=True, dropout=0.1, attention_dropout=0.0,
    activation_dropout=0.0, normalize_embedding=False, add_bias_logits=False, num_beams=1,
    max_length=512,
)  # fmt: skip


def build_model(seed: int = 0):
    import torch
    from transformers import MarianConfig, MarianMTModel

    torch.manual_seed(seed)
    model = MarianMTModel(MarianConfig(**OPUS_MT_RU_EN))
    return model.eval()


def build_tokenizer():
    """A word-level tokenizer over the model's vocabulary: "w17 w9" -> [17, 9, </s>]."""
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    size = OPUS_MT_RU_EN["vocab_size"]
    vocab = {"</s>": 0, "<unk>": 1, **{f"w{i}": i for i in range(2, size - 1)}, "<pad>": size - 1}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.post_processor = processors.TemplateProcessing(single="$A </s>",
                                                       special_tokens=[("</s>", 0)])  # fmt: skip
    return PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="<unk>", pad_token="<pad>",
                                   eos_token="</s>")  # fmt: skip


def sentences(n: int, seed: int = 1) -> list[str]:
    """``n`` sentences of 15-35 tokens (mean ~25), like news sentences after sentencepiece."""
    rng = random.Random(seed)
    return [" ".join(f"w{rng.randrange(2, 62000)}" for _ in range(rng.randint(15, 35)))
            for _ in range(n)]  # fmt: skip


def plain_loop(model, tok, texts: list[str], out_len: int, device: str) -> float:
    """What a first script does: one ``generate`` per sentence, fp32, no batching."""
    t0 = time.perf_counter()
    for text in texts:
        enc = tok(text, return_tensors="pt").to(device)
        model.generate(**enc, num_beams=1, do_sample=False, min_new_tokens=out_len,
                       max_new_tokens=out_len)  # fmt: skip
    return time.perf_counter() - t0


def backend(model, tok, device: str, int8: bool, out_len: int, batch: int, cache=None):
    from compare.translate import TransformersTranslator, choose_runtime, quantize_int8

    runtime = choose_runtime(device, int8 if device == "cpu" else None)
    if runtime.int8:
        model = quantize_int8(model)
    elif device != "cpu":
        model = model.to(device).half()
    return TransformersTranslator(
        model, tok, "random/opus-mt-ru-en-config", "bench", "ru", "en", runtime, cache,
        batch_size=batch, max_new_tokens=out_len, generate_kwargs={"min_new_tokens": out_len},
    )  # fmt: skip


def timed(translator, texts: list[str]) -> float:
    t0 = time.perf_counter()
    out = translator.translate(texts)
    elapsed = time.perf_counter() - t0
    assert len(out) == len(texts)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=40)
    parser.add_argument("--out-len", type=int, default=25)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--device", default="auto")
    args = parser.parse_args()

    import torch

    from compare.mt_cache import MTCache
    from compare.translate import choose_runtime

    runtime = choose_runtime(args.device)
    device = runtime.device
    if device == "cpu" and runtime.threads:
        torch.set_num_threads(runtime.threads)
    tok = build_tokenizer()
    texts = sentences(args.sentences)
    n = len(texts)
    params = sum(p.numel() for p in build_model().parameters()) / 1e6
    print(f"model: opus-mt-ru-en configuration, random weights, {params:.1f} M parameters")
    print(f"device: {device}, threads: {torch.get_num_threads()}, {n} sentences of "
          f"{min(len(t.split()) for t in texts)}-{max(len(t.split()) for t in texts)} tokens, "
          f"output forced to {args.out_len} tokens, greedy")  # fmt: skip

    ref = build_model().to(device)
    plain_loop(ref, tok, texts[:1], args.out_len, device)  # warm-up
    base = plain_loop(ref, tok, texts, args.out_len, device)
    print(f"plain loop (one generate per sentence, fp32):     {n / base:7.1f} sentences/s")

    with tempfile.TemporaryDirectory() as tmp:
        cache = MTCache(Path(tmp) / "mt.sqlite")
        fast = backend(build_model(), tok, device, True, args.out_len, args.batch_size, cache)
        fast.generate(texts[:1])  # warm-up, not cached
        t_fast = timed(fast, texts)  # first run: everything generated, then stored
        warm = timed(fast, texts)  # re-run: everything from the cache
        cache.close()
    label = "batched+sorted, inference mode, " + ("int8" if fast.runtime.int8 else "fp16")
    print(f"compare backend ({label}): {n / t_fast:7.1f} sentences/s  "
          f"({base / t_fast:.1f}x the plain loop)")
    if device == "cpu":
        fp32 = backend(build_model(), tok, device, False, args.out_len, args.batch_size)
        fp32.generate(texts[:1])
        t32 = timed(fp32, texts)
        print(f"compare backend without int8 (batched, fp32):     {n / t32:7.1f} sentences/s  "
              f"({base / t32:.1f}x)")
    print(f"with cache: first run {t_fast:.2f} s, re-run {warm * 1000:.1f} ms "
          f"({t_fast / warm:.0f}x faster; {n / warm:.0f} sentences/s)")

if __name__ == "__main__":
    main()
