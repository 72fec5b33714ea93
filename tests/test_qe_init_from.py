"""Training a smaller meaning model from a released one's layers (TrainOptions.init_from)."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from compare.qe.backbone import load_backbone  # noqa: E402
from compare.qe.model import QEConfig, build_network, read_model_files  # noqa: E402
from compare.qe.train import start_from  # noqa: E402
from tests.qe_fixtures import train_all_layers_model  # noqa: E402


@pytest.fixture(scope="module")
def two_layer_dir(tmp_path_factory, e5_weights):
    return train_all_layers_model(tmp_path_factory.mktemp("two-layer-qe"), e5_weights)


def test_a_one_layer_network_starts_from_the_top_layer_and_the_heads(two_layer_dir, e5_weights):
    _, saved = read_model_files(two_layer_dir)
    network = build_network(load_backbone(e5_weights, layers=1),
                            QEConfig(layers=1, trainable_layers=1))  # fmt: skip
    name = "encoder.encoder.layer.0.attention.self.query.weight"
    before = network.state_dict()[name].clone()
    start_from(network, str(two_layer_dir), 1, log=lambda message: None)
    after = network.state_dict()
    top = saved["encoder.encoder.layer.1.attention.self.query.weight"].float()
    assert torch.equal(after[name], top) and not torch.equal(before, top)
    assert torch.equal(after["sentence_head.0.weight"], saved["sentence_head.0.weight"].float())


def test_layers_that_do_not_divide_or_a_frozen_bottom_are_refused(two_layer_dir, tiny_qe_dir,
                                                                   e5_weights):  # fmt: skip
    three = build_network(load_backbone(e5_weights, layers=3), QEConfig(layers=3,
                                                                        trainable_layers=3))
    with pytest.raises(ValueError, match="do not divide"):
        start_from(three, str(two_layer_dir), 3)
    one = build_network(load_backbone(e5_weights, layers=1), QEConfig(layers=1,
                                                                      trainable_layers=1))
    with pytest.raises(ValueError, match="1 trained"):  # the conftest model trains 1 of 2
        start_from(one, str(tiny_qe_dir), 1)
