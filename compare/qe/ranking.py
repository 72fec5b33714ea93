"""The ranking loss among translations of one sentence (``--rank-weight``), split from
:mod:`compare.qe.train`, which keeps the loop.

The squared error on DA z mostly teaches which sentences are hard; a pairwise loss asks which
translation of one sentence is worse. Which rows form a group is ``TrainOptions.rank_groups``
(:func:`rank_group`); a group's rows share a batch (:func:`compare.batching.grouped_batches`)
and RankNet's logistic loss reads their pairs (:func:`rank_loss`). Written by hand: a few lines
of torch over the batch, which no ranking library fits into this loop.
"""

from __future__ import annotations

from typing import Any

from compare.qe.data import Example

RANK_MARGIN = 0.3
"""Two DA outputs of one sentence are ranked when their human z differ by this much or more
(a third of DA's spread: closer ones are mostly rater noise)."""


def rank_loss(torch: Any, predicted: Any, z: Any, group: Any, anchor: Any = None) -> Any:
    """RankNet's loss over the pairs of rows with the same group (>= 0) whose ``z`` differ by
    :data:`RANK_MARGIN` or more: softplus(-(p_better - p_worse)), averaged; 0 when none. With
    ``anchor`` (booleans, see :func:`rank_anchor`), only pairs with an anchor among the two."""
    same = (group[:, None] == group[None, :]) & (group[:, None] >= 0)
    apart = (z[:, None] - z[None, :]) >= RANK_MARGIN  # row i better than row j
    chosen = same & apart
    if anchor is not None:
        chosen = chosen & (anchor[:, None] | anchor[None, :])
    if not bool(chosen.any()):
        return predicted.sum() * 0.0
    gap = predicted[:, None] - predicted[None, :]
    return torch.nn.functional.softplus(-gap[chosen]).mean()


def rank_group(example: Example, options: Any) -> str | None:
    """The group whose members ``rank_loss`` compares (see ``TrainOptions.rank_groups``)."""
    kinds = options.rank_groups.split(",") if options.rank_weight > 0 else []
    if ("da" in kinds or "ref" in kinds) and example.kind == "wmt22-da":
        return "da " + " ".join(example.source_words)
    if ("news" in kinds and options.mqm_news and example.lang == "ru"
            and example.kind in ("mqm-news", "clean")):  # fmt: skip
        return "en " + " ".join(example.target_words)
    if "ref" in kinds and example.lang == "ru" and example.kind == "clean":
        return "da " + " ".join(example.source_words)
    if "pe" in kinds and example.kind in ("mlqe", "mlqe-pe"):
        return "pe " + " ".join(example.source_words)
    return None


def rank_anchor(example: Example, options: Any) -> bool:
    """Whether the ranking loss compares this row with every other of its group: a ``clean``
    one or a post-edit always, a DA output only with ``da`` in ``rank_groups`` (two
    non-anchors: no pair)."""
    return example.kind in ("clean", "mlqe-pe") or (
        example.kind == "wmt22-da" and "da" in options.rank_groups.split(","))


def rank_target(example: Example) -> float:
    """What the ranking loss compares for a row: its ``rank_z`` where it has one (a post-edit),
    else its sentence target (0 where it has none)."""
    return example.rank_z if example.rank_z is not None else (example.z or 0.0)
