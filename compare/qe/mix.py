"""``python -m compare.qe mix``: one meaning model made of two or more, weight by weight.

    python -m compare.qe mix --models compare/qe/weights,/tmp/news --shares 0.5,0.5 --out DIR

Two runs of the training command that start from the same point (e5's weights and the heads'
initial weights, which ``--seed`` draws when ``--init-seed`` is not given) and differ in their
data can be averaged: the average of fine-tuned runs from one start usually keeps what each
learnt (Wortsman et al. 2022, "Model soups"; the same with different data: "model ratatouille",
Ramé et al. 2023). The mixture costs one model's size and time, which an ensemble would not. The
stored (int8 or fp16) weights are read back to floats, averaged with the given shares, rounded
as the first model's configuration stores them, and calibrated on dev as the training command
calibrates its own result (:func:`compare.qe.train.finalise`), so that the thresholds fit what
ships. The omission head is not mixed: fit one for the mixture (``python -m compare.qe
omission-head --model DIR``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from compare.qe.model import QEConfig


def mix_states(states: Sequence[dict[str, Any]], shares: Sequence[float]) -> dict[str, Any]:
    """The weighted mean of trained states with the same tensors (shares are normalised)."""
    if len(states) != len(shares) or not states:
        raise ValueError("one share a model is needed")
    names = set(states[0])
    if any(set(state) != names for state in states[1:]):
        raise ValueError("the models do not have the same trained tensors")
    total = float(sum(shares))
    if total <= 0 or any(share < 0 for share in shares):
        raise ValueError("shares must be non-negative and not all zero")
    return {name: sum(share / total * state[name].float()
                      for share, state in zip(shares, states, strict=True))
            for name in states[0]}  # fmt: skip


DevSets = tuple[list[Any], list[Any], dict[str, tuple[list[Any], list[float]]]]


def recalibrate(config: QEConfig, state: dict[str, Any], out: str | Path, shared: Any = None,
                weights: Any = None, dev: DevSets | None = None) -> dict[str, float]:
    """Load ``state`` into a network of ``config``, round it as ``config.storage`` stores it,
    calibrate its thresholds on the training command's dev sets and save the release files to
    ``out``; returns the dev figures (also kept in ``config.metrics``). ``weights`` (default:
    e5's) and ``dev`` (MLQE-PE dev, synthetic dev, real-error dev sets; default: those of the
    training command, read from ``shared``) are for tests on a tiny model."""
    import torch

    from compare.fast_e5 import load_weights, native_bf16
    from compare.qe.backbone import load_backbone
    from compare.qe.data import Example
    from compare.qe.encoding import PairEncoder
    from compare.qe.model import build_network, load_state_into, save_model
    from compare.qe.train import Cached, TrainOptions, data_for, finalise
    from compare.qe.training_data import real_dev_sets

    options = TrainOptions(**{k: v for k, v in config.metrics.get("options", {}).items()
                              if k in TrainOptions.__dataclass_fields__})  # fmt: skip
    options.device = "cpu"
    weights = weights or load_weights()
    network = build_network(load_backbone(weights, layers=config.layers), config)
    load_state_into(network, state)
    bf16 = native_bf16(torch)
    encoder = PairEncoder(weights.tokenizer())
    if dev is None:
        _, dev_mlqe, dev_synthetic = data_for(options, shared)
        dev = dev_mlqe, dev_synthetic, real_dev_sets(shared)
    dev_mlqe, dev_synthetic, real_sets = dev

    def cache(items: list[Example]) -> Cached:
        return Cached(items, encoder, network, torch, options.batch_tokens, bf16)

    real = {name: (cache(items), human) for name, (items, human) in real_sets.items()}
    figures = finalise(network, config, cache(dev_mlqe), cache(dev_synthetic), torch, options,
                       bf16, real)  # fmt: skip
    config.metrics = {**config.metrics, **figures, "calibrated_on": "cpu"}
    save_model(network, config, out)
    return figures


def mix_models(folders: Sequence[str], shares: Sequence[float], out: str | Path,
               shared: Any = None, weights: Any = None, dev: DevSets | None = None,
               ) -> dict[str, float]:  # fmt: skip
    """Mix the release folders' weights and save the calibrated mixture to ``out``
    (``weights`` and ``dev`` as for :func:`recalibrate`)."""
    from compare.qe.model import read_model_files

    read = [read_model_files(folder) for folder in folders]
    first = read[0][0]
    if any(c.layers != first.layers or c.z_quantiles != first.z_quantiles for c, _ in read):
        raise ValueError("the models differ in depth or in their DA scale (z_quantiles)")
    config = dataclasses.replace(
        first, thresholds={}, omission_head={},
        metrics={"options": first.metrics.get("options", {}),
                 "mixed_from": [{"model": str(f), "share": s}
                                for f, s in zip(folders, shares, strict=True)]},
    )  # fmt: skip
    return recalibrate(config, mix_states([s for _, s in read], shares), out, shared, weights,
                       dev)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compare.qe mix", description=__doc__)
    parser.add_argument("--models", required=True, help="comma-separated model folders")
    parser.add_argument("--shares", default=None, help="comma-separated weights (default equal)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--shared", default=None, help="the shared corpora folder")
    args = parser.parse_args(argv)
    folders = [m for m in args.models.split(",") if m]
    try:
        shares = ([float(s) for s in args.shares.split(",")] if args.shares
                  else [1.0] * len(folders))  # fmt: skip
        figures = mix_models(folders, shares, args.out, args.shared)
    except (ValueError, OSError) as error:
        print(f"python -m compare.qe mix: {error}", file=sys.stderr)
        return 2
    print(json.dumps(figures))
    print(f"saved to {args.out}")
    return 0
