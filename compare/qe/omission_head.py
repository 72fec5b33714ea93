"""The omission head: which source words the meaning model reads as left out of the English.

Why: the meaning model tags English words, and an English that leaves a clause out has no word
to tag. Its synthetic training pairs carry no source-side tags for an omission, since nothing
said which source words lost their counterpart, so such a pair scores low while the model is
sure of no word, and the meaning check demotes it to a hint (``benchmarks/README.md``, sessions
17 and 23). This head is one logistic layer on the top layer's state of each source word (the
mean over its pieces), fitted after the model, which stays as trained:

- positives: synthetic omissions (:func:`compare.qe.synthetic.perturb`, kind ``omission``: a
  clause, or a third to a half of the words, dropped from the English) of the lines the model
  trains on: NTREX 1-630 ru and kk and the WMT22 training references. Which source words lost
  their counterpart is read from the clean pair: in the model's middle layer (:data:`ALIGN_LAYER`)
  each source word's nearest English word by cosine is its alignment (the argmax alignment of
  SimAlign, Jalili Sabet et al. 2020, on this cross-encoder), and a source word whose English
  word was dropped is BAD. On NTREX 631-700 (dev), where the dropped clause could be matched to
  the source clause at the same position, these labels agree with that match at precision 0.79
  and recall 0.79. Punctuation is left out of the fit.
- negatives: every source word of the same clean pairs, and of human post-edits of MLQE-PE
  ru-en ``train`` (2,500 rows: translations a person approved, in another register).

The fit is L-BFGS on the standardised features with an L2 penalty (torch, deterministic); the
standardisation is folded into the stored weights. A pair's reading is its best window of
:data:`WINDOW` consecutive source words (punctuation skipped), the mean of their probabilities;
the passage shown is that window widened over the neighbouring words at 0.5 or more.
The head is stored in the model's ``config.json`` (``omission_head``: 384 weights, a bias, what
it was fitted on); ``python -m compare.qe omission-head --model DIR`` fits it for a model.

Written by hand because it is one linear layer on the model's own states; no library fits a
probe on a network's hidden states to a task of this project's own making.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

# The model's layer (0-based) whose states align source and English words (dev, NTREX 631-700:
# layer 6 agreed with the clause match at 0.79, layers 3, 9 and 11 at 0.66-0.73).
ALIGN_LAYER = 6
WINDOW = 3
L2 = 1e-3
# A source name the head reads under this as left out is read as rendered in the English
# (add_rendered_view). Dev, the name flags of benchmarks/README.md session 23: 11 of the 15
# source-side name flags on MLQE-PE dev post-edits and 1 of 8 on NTREX ru 1-700 fall under it,
# 1 of 71 synthetic name swaps of NTREX 631-700.
RENDERED_BELOW = 0.15
POST_EDITS = 2500
SEED = 1001


def top_layer_hook(network: Any, store: dict[str, Any], layer: int = -1) -> Any:
    """Keep the output of ``network``'s encoder layer ``layer`` in ``store[layer]`` on every
    forward pass (the scoring network returns only its heads' outputs). Works for the training
    network (``transformers``' layers, which may return a tuple) and the scoring one."""

    def keep(_module: Any, _inputs: Any, output: Any) -> None:
        store[layer] = output[0] if isinstance(output, tuple) else output

    return network.encoder.encoder.layer[layer].register_forward_hook(keep)


def piece_logits(head: dict[str, Any], states: Any) -> np.ndarray:
    """The head's logit for every piece of a batch's top-layer ``states`` [batch, length,
    hidden]."""
    weight = np.asarray(head["weight"], dtype=np.float32)
    return states.float().numpy() @ weight + float(head["bias"])


def word_probabilities(logits: np.ndarray, side: Sequence[int], word_index: Sequence[int],
                       which: int, n_words: int) -> np.ndarray:  # fmt: skip
    """A word's probability: the sigmoid of the mean logit over its pieces (the head is linear,
    so that is the head applied to the word's mean state, as it was fitted)."""
    sums, counts = np.zeros(n_words), np.zeros(n_words)
    for position, (s, w) in enumerate(zip(side, word_index, strict=False)):
        if s == which and 0 <= w < n_words:
            sums[w] += logits[position]
            counts[w] += 1
    mean = np.divide(sums, counts, out=np.full(n_words, -np.inf), where=counts > 0)
    return 1.0 / (1.0 + np.exp(-mean))


def best_window(probabilities: Sequence[float], words: Sequence[str],
                size: int = WINDOW) -> tuple[int, int, float] | None:  # fmt: skip
    """(first word, last word, mean probability) of the best run of ``size`` consecutive words
    that are not punctuation; a pair with fewer such words reads as their mean."""
    kept = [i for i, w in enumerate(words) if any(ch.isalnum() for ch in w)]
    if not kept:
        return None
    p = np.asarray([probabilities[i] for i in kept], dtype=np.float64)
    if len(kept) <= size:
        return kept[0], kept[-1], float(p.mean())
    means = np.convolve(p, np.ones(size) / size, mode="valid")
    at = int(means.argmax())
    return kept[at], kept[at + size - 1], float(means[at])


def widened(probabilities: Sequence[float], words: Sequence[str], first: int, last: int,
            floor: float = 0.5) -> tuple[int, int]:
    """``first``..``last`` grown over the neighbouring words the head reads as more likely left
    out than not (``floor``, its own decision boundary), punctuation between them included, so
    that the flag shows the whole passage and not only its surest three words."""

    def next_word(index: int, step: int) -> int | None:
        index += step
        while 0 <= index < len(words) and not any(ch.isalnum() for ch in words[index]):
            index += step
        return index if 0 <= index < len(words) else None

    while (before := next_word(first, -1)) is not None and probabilities[before] >= floor:
        first = before
    while (after := next_word(last, 1)) is not None and probabilities[after] >= floor:
        last = after
    return first, last


def add_rendered_view(flags: Sequence[Any], result: Any) -> None:
    """Record on each source-side name flag of one pair how the omission head reads the flagged
    words (``evidence["omission_head"]``): ``rendered`` when none of them reaches
    :data:`RENDERED_BELOW` (the English renders the name, spelled another way), else the highest
    probability ``p``. The severity decision takes it into account
    (:func:`compare.risk.decision_key`). Nothing is recorded without the head (``result.omitted``
    None) or for a flag on the English."""
    if result is None or getattr(result, "omitted", None) is None:
        return
    for flag in flags:
        if flag.check != "name-mismatch" or flag.side != "source":
            continue
        end = max(flag.end, flag.start + 1)
        read = [p for a, b, p in result.source_omitted if a < end and flag.start < b]
        flag.evidence["omission_head"] = {"p": round(max(read), 4) if read else None,
                                          "rendered": not read}  # fmt: skip


def _pooled(states: np.ndarray, side: Sequence[int], word_index: Sequence[int], which: int,
            n_words: int) -> np.ndarray:  # fmt: skip
    out = np.zeros((n_words, states.shape[-1]), dtype=np.float32)
    counts = np.zeros(n_words)
    for position, (s, w) in enumerate(zip(side, word_index, strict=False)):
        if s == which and 0 <= w < n_words:
            out[w] += states[position]
            counts[w] += 1
    return out / np.maximum(counts, 1)[:, None]


def word_features(model: Any, pairs: Sequence[tuple[list[str], list[str]]],
                  align: bool = False) -> list[tuple[np.ndarray, np.ndarray | None]]:  # fmt: skip
    """For each pair: its source words' top-layer states [words, hidden] and, with ``align``,
    each source word's nearest English word in the middle layer (or None)."""
    import torch

    from compare.qe.encoding import SIDE_SOURCE, SIDE_TARGET
    from compare.qe.model import collate

    store: dict[int, Any] = {}
    middle = min(ALIGN_LAYER, len(model.network.encoder.encoder.layer) - 1)  # a small model's
    hooks = [top_layer_hook(model.network, store, -1),
             top_layer_hook(model.network, store, middle)]  # fmt: skip
    encoded = [model.encoder.encode(s, t) for s, t in pairs]
    out: list[tuple[np.ndarray, np.ndarray | None]] = []
    try:
        with torch.inference_mode():
            for start in range(0, len(encoded), 16):
                chunk = encoded[start : start + 16]
                model.network(*collate(chunk))
                top, mid = store[-1].float().numpy(), store[middle].float().numpy()
                for row, item in enumerate(chunk):
                    source, english = pairs[start + row]
                    features = _pooled(top[row], item.side, item.word_index, SIDE_SOURCE,
                                       len(source))  # fmt: skip
                    nearest = None
                    if align and english:
                        a = _pooled(mid[row], item.side, item.word_index, SIDE_SOURCE, len(source))
                        b = _pooled(mid[row], item.side, item.word_index, SIDE_TARGET, len(english))
                        a /= np.linalg.norm(a, axis=1, keepdims=True) + 1e-9
                        b /= np.linalg.norm(b, axis=1, keepdims=True) + 1e-9
                        nearest = (a @ b.T).argmax(axis=1)
                    out.append((features, nearest))
    finally:
        for hook in hooks:
            hook.remove()
    return out


def omission_labels(source: Sequence[str], nearest: np.ndarray, dropped: tuple[int, int]
                    ) -> np.ndarray:  # fmt: skip
    """1 for a source word whose nearest English word lies in ``dropped`` (English word range),
    0 otherwise, -1 for punctuation (left out of the fit)."""
    a, b = dropped
    return np.array([-1 if not any(ch.isalnum() for ch in w) else int(a <= nearest[i] < b)
                     for i, w in enumerate(source)])  # fmt: skip


def training_examples(model: Any, shared: Any = None, seed: int = SEED,
                      post_edits: int = POST_EDITS) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """(word features, labels) for the fit, from the lines the model trains on (module doc)."""
    from compare.qe.data import split_words, wmt22_documents
    from compare.qe.synthetic import perturb
    from compare.qe.training_data import NTREX_TRAIN_END, synthetic_pairs
    from compare.splits import WMT22_CALIBRATION_EVERY

    groups = list(synthetic_pairs(range(0, NTREX_TRAIN_END), shared).values())
    groups.append([(split_words(s), split_words(r))
                   for position, document in enumerate(wmt22_documents(0, shared))
                   if position % WMT22_CALIBRATION_EVERY != 0 for s, r in document])  # fmt: skip
    features: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for offset, group in enumerate(groups):
        group = [(s, t) for s, t in group if s and t]
        rng = random.Random(seed + offset)
        pool = [t for _, t in group]
        clean = word_features(model, group, align=True)
        dropped, omitted = [], []
        for (source, english), (states, nearest) in zip(group, clean, strict=True):
            features.append(states)
            labels.append(np.zeros(len(source), dtype=int))
            example = perturb(source, english, "omission", rng, pool)
            if example is None or nearest is None:
                continue
            start = next((i for i, (x, y) in enumerate(zip(example.target_words, english,
                                                           strict=False)) if x != y),
                         len(example.target_words))  # fmt: skip
            end = start + len(english) - len(example.target_words)
            dropped.append(omission_labels(source, nearest, (start, end)))
            omitted.append((source, example.target_words))
        for (states, _), label in zip(word_features(model, omitted), dropped, strict=True):
            features.append(states[label >= 0])
            labels.append(label[label >= 0])
    approved = [p for p in _post_edits(shared, post_edits) if p[0] and p[1]]
    for (states, _), (source, _english) in zip(word_features(model, approved), approved,
                                               strict=True):  # fmt: skip
        features.append(states)
        labels.append(np.zeros(len(source), dtype=int))
    return np.concatenate(features), np.concatenate(labels)


def _post_edits(shared: Any, limit: int) -> list[tuple[list[str], list[str]]]:
    """MLQE-PE ru-en ``train``: (source words, human post-edit words), contractions joined."""
    from compare.detokenise import join_contractions
    from compare.qe.data import shared_dir, split_words
    from compare.risk_fit import detokenise

    path = shared_dir(shared) / "mlqe-pe-ru-en" / "train.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[:limit]
    return [(split_words(r["src"]), split_words(join_contractions(detokenise(r["pe"].split()))))
            for r in rows]  # fmt: skip


def fit(features: np.ndarray, labels: np.ndarray, l2: float = L2) -> dict[str, Any]:
    """The logistic layer (BAD-weighted to balance the classes), standardisation folded in."""
    import torch

    x = torch.tensor(features, dtype=torch.float32)
    y = torch.tensor(labels, dtype=torch.float32)
    mean, spread = x.mean(0), x.std(0) + 1e-6
    x = (x - mean) / spread
    weight = torch.zeros(x.shape[1], requires_grad=True)
    bias = torch.zeros(1, requires_grad=True)
    balance = (len(y) - y.sum()) / y.sum().clamp(min=1.0)
    optimiser = torch.optim.LBFGS([weight, bias], max_iter=400)

    def loss() -> Any:
        optimiser.zero_grad()
        value = torch.nn.functional.binary_cross_entropy_with_logits(
            x @ weight + bias, y, pos_weight=balance) + l2 * (weight**2).sum()
        value.backward()
        return value

    optimiser.step(loss)
    folded = (weight / spread).detach()
    return {"weight": [round(float(v), 6) for v in folded],
            "bias": round(float(bias.detach()[0] - (mean * folded).sum()), 6)}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compare.qe omission-head",
                                     description=__doc__.split("\n\n")[0])  # fmt: skip
    parser.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    parser.add_argument("--out", default=None, help="write config.json here (default: --model)")
    parser.add_argument("--shared", default=None)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--post-edits", type=int, default=POST_EDITS)
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args(argv)
    import torch

    from compare.qe.model import CONFIG_FILE, SHIPPED_MODEL_DIR
    from compare.qe.predict import QEModel

    torch.manual_seed(args.seed)
    folder = Path(args.model) if args.model else SHIPPED_MODEL_DIR
    model = QEModel.load(folder, precision="fp32")
    features, labels = training_examples(model, args.shared, args.seed, args.post_edits)
    head = fit(features, labels, args.l2)
    head.update(window=WINDOW, align_layer=ALIGN_LAYER, fitted_on={
        "command": "python -m compare.qe omission-head " + " ".join(argv or sys.argv[2:]),
        "words": int(len(labels)), "bad_words": int(labels.sum()), "seed": args.seed,
        "l2": args.l2, "post_edits": args.post_edits})  # fmt: skip
    out = Path(args.out) if args.out else folder
    out.mkdir(parents=True, exist_ok=True)
    config = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
    config["omission_head"] = head
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    print(f"omission head: {len(labels)} words, {int(labels.sum())} BAD -> {out / CONFIG_FILE}")
    return 0
