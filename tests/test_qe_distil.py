"""Distillation from a released meaning model (TrainOptions.teacher, compare.qe.distil)."""

from __future__ import annotations

import dataclasses
import math

import pytest

torch = pytest.importorskip("torch")

from compare.qe.distil import TeacherTargets, distil_terms, teacher_targets  # noqa: E402
from compare.qe.encoding import SIDE_SOURCE, SIDE_SPECIAL, SIDE_TARGET  # noqa: E402
from compare.qe.train import TrainOptions, train  # noqa: E402
from tests.qe_fixtures import tiny_examples, train_all_layers_model  # noqa: E402


def _logits(bad: list[float]) -> torch.Tensor:
    """Two-class logits whose softmax gives ``bad`` as the BAD probability."""
    return torch.tensor([[0.0, math.log(p / (1 - p))] for p in bad])


def test_the_terms_are_smallest_where_the_student_says_what_the_teacher_says():
    bad = [0.2, 0.9, 0.5]
    targets = TeacherTargets(torch.tensor([0.0, 1.5]),
                             [torch.tensor([0.7, *bad]), torch.tensor([0.1, 0.3])])  # fmt: skip
    side = torch.tensor([[SIDE_SPECIAL, SIDE_SOURCE, SIDE_TARGET, SIDE_TARGET]])
    same_logits = _logits([0.01, *bad]).unsqueeze(0)  # the special token's logit is ignored
    sentence, words = distil_terms(torch, torch.tensor([0.0]), same_logits, side, targets, [0])
    entropy = -sum(p * math.log(p) + (1 - p) * math.log(1 - p) for p in bad) / len(bad)
    assert float(sentence) == pytest.approx(0.0) and float(words) == pytest.approx(entropy)
    other = _logits([0.01, 0.8, 0.1, 0.5]).unsqueeze(0)
    sentence, worse = distil_terms(torch, torch.tensor([1.0]), other, side, targets, [0])
    assert float(sentence) == pytest.approx(1.0) and float(worse) > float(words)
    # Batches of rows in any order read each row's own targets (row 1: z 1.5, two pieces).
    sentence, _ = distil_terms(torch, torch.tensor([1.5]), _logits([0.1, 0.3]).unsqueeze(0),
                               torch.tensor([[SIDE_SOURCE, SIDE_TARGET]]), targets, [1])
    assert float(sentence) == pytest.approx(0.0)


@pytest.fixture(scope="module")
def teacher_dir(tmp_path_factory, e5_weights):
    return train_all_layers_model(tmp_path_factory.mktemp("teacher-qe"), e5_weights)


def _student(teacher: str, examples, e5_weights, share: float = 1.0):
    options = TrainOptions(epochs=1, layers=1, trainable_layers=1, batch_tokens=512,
                           teacher=teacher, teacher_weight=share, threads=1)  # fmt: skip
    torch.use_deterministic_algorithms(True)
    try:
        network, config = train(examples, tiny_examples(30)[:10], tiny_examples(30)[10:20],
                                options, e5_weights, log=lambda message: None)  # fmt: skip
    finally:
        torch.use_deterministic_algorithms(False)
    return network, config


def test_with_the_teacher_alone_the_gold_scores_do_not_move_the_student(teacher_dir, e5_weights):
    examples = tiny_examples(30)
    scrambled = [dataclasses.replace(e, z=(None if e.z is None else -3.0 * e.z + 1.0))
                 for e in examples]  # fmt: skip
    first, config = _student(str(teacher_dir), examples, e5_weights)
    second, _ = _student(str(teacher_dir), scrambled, e5_weights)
    name = "sentence_head.0.weight"
    assert torch.allclose(first.state_dict()[name], second.state_dict()[name], atol=1e-6)
    assert config.metrics["options"]["teacher"] == str(teacher_dir)
    half, _ = _student(str(teacher_dir), scrambled, e5_weights, share=0.5)
    assert not torch.allclose(first.state_dict()[name], half.state_dict()[name], atol=1e-6)


def test_a_teacher_with_a_frozen_bottom_is_refused(tiny_qe_dir, e5_weights):
    with pytest.raises(ValueError, match="train all their layers"):
        _student(str(tiny_qe_dir), tiny_examples(30), e5_weights)  # trains 1 of its 2 layers


def test_the_targets_are_the_teachers_own_predictions(teacher_dir, e5_weights):
    from compare.fast_e5 import E5Tokenizer
    from compare.qe.backbone import load_backbone
    from compare.qe.encoding import PairEncoder
    from compare.qe.model import QEConfig, build_network, load_state_into, read_model_files
    from compare.qe.train import Cached, predict_cached

    student = build_network(load_backbone(e5_weights, layers=1),
                            QEConfig(layers=1, trainable_layers=1))  # fmt: skip
    data = Cached(tiny_examples(12), PairEncoder(E5Tokenizer(e5_weights)), student, torch, 512,
                  False)  # fmt: skip
    targets = teacher_targets(str(teacher_dir), data, student, e5_weights, torch, False, 512)
    config, state = read_model_files(teacher_dir)
    teacher = build_network(load_backbone(e5_weights, layers=2), config)
    load_state_into(teacher, state)
    z, bad = predict_cached(teacher, data, torch, False, 512)
    assert targets.z.numpy() == pytest.approx(z, abs=1e-5)
    assert len(targets.bad) == 12 and targets.bad[3].numpy() == pytest.approx(bad[3], abs=1e-5)
    assert len(targets.bad[3]) == data.lengths[3]
