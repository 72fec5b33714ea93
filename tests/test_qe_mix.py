"""Mixing meaning models weight by weight (``python -m compare.qe mix``)."""

from __future__ import annotations

import subprocess
import sys

import pytest

torch = pytest.importorskip("torch")

from compare.qe.mix import mix_models, mix_states  # noqa: E402
from compare.qe.model import pack_state, read_model_files, unpack_state  # noqa: E402
from compare.qe.predict import QEModel  # noqa: E402
from compare.qe.train import TrainOptions, train  # noqa: E402
from tests.qe_fixtures import tiny_examples  # noqa: E402


def test_the_mixture_is_the_weighted_mean_of_each_tensor():
    a = {"w": torch.tensor([0.0, 4.0]), "b": torch.tensor([1.0])}
    b = {"w": torch.tensor([2.0, 0.0]), "b": torch.tensor([3.0])}
    mixed = mix_states([a, b], [3, 1])  # shares are normalised: 0.75 and 0.25
    assert torch.allclose(mixed["w"], torch.tensor([0.5, 3.0]))
    assert torch.allclose(mixed["b"], torch.tensor([1.5]))
    with pytest.raises(ValueError, match="same trained tensors"):
        mix_states([a, {"w": b["w"]}], [1, 1])
    with pytest.raises(ValueError, match="non-negative"):
        mix_states([a, b], [1, -1])
    with pytest.raises(ValueError, match="one share a model"):
        mix_states([a, b], [1])


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory, e5_weights):
    """Two tiny runs from one start (the same init seed) on different made-up data."""
    from compare.qe.model import save_model

    folders = []
    for seed in (3, 4):
        examples = tiny_examples(40, seed=seed)
        options = TrainOptions(epochs=1, layers=2, trainable_layers=1, batch_tokens=512,
                               storage="int8", seed=seed, init_seed=13)  # fmt: skip
        network, config = train(examples, examples[:10], examples[10:30], options, e5_weights,
                                log=lambda message: None)  # fmt: skip
        folder = tmp_path_factory.mktemp(f"qe-run-{seed}")
        save_model(network, config, folder)
        folders.append(folder)
    return folders


def test_a_mixture_is_stored_as_its_first_model_stores_and_calibrated_afresh(
    two_runs, e5_weights, tmp_path
):
    dev_examples = tiny_examples(50, seed=5)
    dev = (dev_examples[:20], dev_examples[20:], {})
    out = tmp_path / "mixed"
    figures = mix_models([str(f) for f in two_runs], [0.5, 0.5], out, weights=e5_weights, dev=dev)
    config, stored = read_model_files(out)
    (_, first), (_, second) = (read_model_files(f) for f in two_runs)
    mean = mix_states([first, second], [1, 1])
    # rounded as a release rounds a trained network: fp16 (trained_state), then int8 rows
    expected = unpack_state(pack_state({k: v.half() for k, v in mean.items()}, "int8"))
    name = next(n for n in stored if n.startswith("encoder.") and n.endswith(".weight")
                and stored[n].dim() == 2)  # fmt: skip
    assert torch.allclose(stored[name].float(), expected[name].float(), atol=1e-6)
    assert not torch.allclose(first[name].float(), second[name].float())
    assert config.storage == "int8" and set(config.thresholds) == {"word_bad", "major",
                                                                   "critical"}
    assert [m["share"] for m in config.metrics["mixed_from"]] == [0.5, 0.5]
    assert "dev_synthetic_recall" in figures and config.omission_head == {}
    model = QEModel.load(out, weights=e5_weights)
    scores = model.predict([(["Цены", "выросли."], ["Prices", "rose."])])
    assert len(scores) == 1 and scores[0].target.shape == (2,)


def test_the_command_refuses_models_that_do_not_exist_in_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "compare.qe", "mix", "--models", f"{tmp_path}/a,{tmp_path}/b",
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "mix:" in result.stderr
    assert not (tmp_path / "out").exists()
