"""Distillation: a released meaning model (the teacher) gives soft targets to a smaller one.

    python -m compare.qe train --layers 6 --trainable-layers 6 --teacher compare/qe/weights \
        --teacher-weight 0.8 --out DIR

Issue 25 asks for a meaning model with less arithmetic a pair and the shipped model's figures.
Trained on the gold targets alone, e5's first six layers lost 7-11 points of synthetic recall
and some TED Spearman (session 27). Here the student also learns the teacher's predicted z for
every training pair and its BAD probability for every word piece (Hinton et al. 2015's soft
targets; DistilBERT's recipe less its hidden-state terms). The teacher reads the pairs once,
before the first epoch, from the same cached bottom states as the student: both must train
every layer they have (their bottom is then e5's embeddings alone, the same for both).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from compare.qe.encoding import SIDE_SOURCE, SIDE_TARGET


@dataclass
class TeacherTargets:
    """The teacher's predicted z per training example and BAD probability per word piece."""

    z: Any
    bad: list[Any]


def teacher_targets(folder: str, data: Any, student: Any, weights: Any, torch: Any,
                    bf16: bool, batch_tokens: int) -> TeacherTargets:  # fmt: skip
    """Run the released model in ``folder`` over ``data`` (a :class:`compare.qe.train.Cached`
    whose bottom states ``student`` made)."""
    from compare.qe.backbone import load_backbone
    from compare.qe.model import build_network, load_state_into, read_model_files
    from compare.qe.train import predict_cached

    config, state = read_model_files(folder)
    if config.trainable_layers != config.layers or student.first_trained != 0:
        raise ValueError("distillation needs a teacher and a student that train all their "
                         "layers (their bottom is then the embeddings alone)")  # fmt: skip
    teacher = build_network(load_backbone(weights, layers=config.layers), config)
    load_state_into(teacher, state)
    device = data.device
    z, bad = predict_cached(teacher.to(device), data, torch, bf16, batch_tokens)
    return TeacherTargets(torch.tensor(z, dtype=torch.float32, device=device),
                          [torch.tensor(b, dtype=torch.float32, device=device) for b in bad])


def distil_terms(torch: Any, predicted: Any, logits: Any, side: Any, targets: TeacherTargets,
                 rows: Sequence[int]) -> tuple[Any, Any]:  # fmt: skip
    """(sentence, word) losses against the teacher for one batch: the squared difference of
    the predicted z, and the cross-entropy of the word-piece BAD probabilities with the
    teacher's (pieces of either side; special tokens and padding left out)."""
    index = torch.tensor(list(rows), device=predicted.device)
    sentence = ((predicted - targets.z[index]) ** 2).mean()
    soft = torch.nn.utils.rnn.pad_sequence([targets.bad[i] for i in rows], batch_first=True)
    length = min(soft.shape[1], logits.shape[1])
    soft, logits, side = soft[:, :length], logits[:, :length], side[:, :length]
    words = (side == SIDE_SOURCE) | (side == SIDE_TARGET)
    log_p = torch.log_softmax(logits, dim=-1)
    cross = -(soft * log_p[..., 1] + (1.0 - soft) * log_p[..., 0])
    return sentence, (cross * words).sum() / words.sum().clamp(min=1)
