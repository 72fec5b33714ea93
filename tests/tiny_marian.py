"""A tiny Marian translation model, built from scratch in a few seconds, for offline tests.

The tests must exercise the same loading path users get (``from_pretrained(folder)`` on a
folder holding ``config.json``, weights, ``source.spm``/``target.spm`` and ``vocab.json``)
without downloading anything. So this module trains a small sentencepiece vocabulary on a few
hundred Russian and English lines written here, builds a small ``MarianConfig``, trains the
model until it reproduces a handful of sentence pairs exactly (both directions: one model
serves ru->en and en->ru, the input language picks the output), and saves it with
``save_pretrained``.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

# The pairs the model learns to reproduce exactly, in both directions.
PAIRS: tuple[tuple[str, str], ...] = (
    ("Президент подписал закон в 2011 году.", "The president signed the law in 2011."),
    ("Завод выпустил 238 машин.", "The plant produced 238 cars."),
    ("Министр не приехал в Москву.", "The minister did not come to Moscow."),
    ("Погода была хорошей.", "The weather was good."),
    ("Иванов открыл новую школу.", "Ivanov opened a new school."),
    ("Цены выросли на 5 процентов.", "Prices rose by 5 percent."),
)

_RU_SUBJECTS = ("Президент", "Министр", "Иванов", "Петрова", "Завод", "Город", "Банк", "Суд")
_EN_SUBJECTS = ("The president", "The minister", "Ivanov", "Petrova", "The plant", "The city",
                "The bank", "The court")  # fmt: skip
_RU_VERBS = ("подписал", "открыл", "закрыл", "выпустил", "продал", "купил", "построил")
_EN_VERBS = ("signed", "opened", "closed", "produced", "sold", "bought", "built")
_RU_OBJECTS = ("закон", "школу", "мост", "завод", "машин", "дом", "договор", "больницу")
_EN_OBJECTS = ("the law", "a school", "a bridge", "a plant", "cars", "a house", "a treaty",
               "a hospital")  # fmt: skip


def corpus_lines(n: int = 400, seed: int = 7) -> list[str]:
    """A few hundred Russian and English lines for the sentencepiece vocabulary.

    They are built from small word lists so that every word of :data:`PAIRS` and their common
    neighbours appear often enough to become pieces of their own.
    """
    rng = random.Random(seed)
    lines = [s for pair in PAIRS for s in pair] * 4
    while len(lines) < n:
        k = rng.randrange(len(_RU_SUBJECTS))
        v = rng.randrange(len(_RU_VERBS))
        o = rng.randrange(len(_RU_OBJECTS))
        year = rng.choice(("2011", "2020", "1999", "238", "5", "17"))
        neg_ru, neg_en = ("не ", "did not ") if rng.random() < 0.3 else ("", "")
        lines.append(f"{_RU_SUBJECTS[k]} {neg_ru}{_RU_VERBS[v]} {_RU_OBJECTS[o]} в {year} году.")
        verb_en = _EN_VERBS[v] if not neg_en else _base(_EN_VERBS[v])
        lines.append(f"{_EN_SUBJECTS[k]} {neg_en}{verb_en} {_EN_OBJECTS[o]} in {year}.")
    return lines


def _base(verb: str) -> str:
    return {"sold": "sell", "bought": "buy", "built": "build"}.get(verb, verb.removesuffix("ed"))


def _train_spm(folder: Path, vocab_size: int = 400) -> list[str]:
    """Train a sentencepiece model on :func:`corpus_lines`; return its pieces in id order."""
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus_lines()),
        model_writer=buf,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        minloglevel=2,
    )
    data = buf.getvalue()
    (folder / "source.spm").write_bytes(data)
    (folder / "target.spm").write_bytes(data)
    proc = spm.SentencePieceProcessor(model_proto=data)
    return [proc.id_to_piece(i) for i in range(proc.get_piece_size())]


def build_tiny_marian(folder: str | Path, steps: int = 400, seed: int = 0) -> Path:
    """Build, train and save the tiny model and its tokenizer into ``folder``; return it.

    Training stops as soon as greedy decoding reproduces every pair of :data:`PAIRS` in both
    directions (checked every 20 steps), so the result is exact, not merely close.
    """
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pieces = _train_spm(folder)
    vocab = {"</s>": 0, "<unk>": 1}
    for p in pieces:
        if p not in vocab and p != "<unk>":
            vocab[p] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(
        source_spm=str(folder / "source.spm"),
        target_spm=str(folder / "target.spm"),
        vocab=str(folder / "vocab.json"),
        source_lang="ru",
        target_lang="en",
    )
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=48,
        encoder_layers=1, decoder_layers=1, encoder_attention_heads=4, decoder_attention_heads=4,
        encoder_ffn_dim=96, decoder_ffn_dim=96, max_position_embeddings=64,
        pad_token_id=pad, decoder_start_token_id=pad, eos_token_id=0, forced_eos_token_id=0,
        dropout=0.0, attention_dropout=0.0, activation_dropout=0.0, scale_embedding=True,
        share_encoder_decoder_embeddings=True, max_length=40, num_beams=1,
    )  # fmt: skip
    model = _seeded_model(MarianMTModel, config, seed)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # this small a model trains faster (and alike each time) on one
    try:
        exact = _train(model, tok, pad, steps)
    finally:
        torch.set_num_threads(threads)
    if not exact:
        raise RuntimeError(f"the tiny model did not learn its pairs in {steps} steps")
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


def _seeded_model(cls, config, seed: int):
    import torch

    torch.manual_seed(seed)
    return cls(config)


def _train(model, tok, pad: int, steps: int) -> bool:
    """Train on :data:`PAIRS` both ways; True once greedy decoding reproduces them all."""
    import torch

    sources = [ru for ru, _ in PAIRS] + [en for _, en in PAIRS]
    targets = [en for _, en in PAIRS] + [ru for ru, _ in PAIRS]
    batch = tok(sources, text_target=targets, return_tensors="pt", padding=True)
    batch["labels"][batch["labels"] == pad] = -100
    optim = torch.optim.Adam(model.parameters(), lr=1e-2)
    model.train()
    for step in range(1, steps + 1):
        loss = model(**batch).loss
        optim.zero_grad()
        loss.backward()
        optim.step()
        if step % 20 == 0 and _reproduces(model, tok, sources, targets):
            model.eval()
            return True
    model.eval()
    return False


_BUILT: dict[str, Path] = {}


def tiny_model_dir() -> Path:
    """The tiny model, built once per test process into a temporary folder and reused."""
    if "dir" not in _BUILT:
        import atexit
        import shutil
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="tiny-marian-"))
        atexit.register(shutil.rmtree, folder, True)
        _BUILT["dir"] = build_tiny_marian(folder)
    return _BUILT["dir"]


def _reproduces(model, tok, sources: list[str], targets: list[str]) -> bool:
    import torch

    model.eval()
    with torch.inference_mode():
        enc = tok(sources, return_tensors="pt", padding=True)
        out = model.generate(**enc, num_beams=1, do_sample=False, max_new_tokens=40)
    model.train()
    return tok.batch_decode(out, skip_special_tokens=True) == targets


if __name__ == "__main__":
    import sys
    import time

    t0 = time.perf_counter()
    path = build_tiny_marian(sys.argv[1] if len(sys.argv) > 1 else "/tmp/tiny-marian")
    print(f"built {path} in {time.perf_counter() - t0:.1f} s")
