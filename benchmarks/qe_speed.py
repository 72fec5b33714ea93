"""What the meaning model adds to a check: seconds for a 40-sentence article, warm, per precision.

    python benchmarks/qe_speed.py [--shared ../shared] [--threads 2] [--repeats 5] [--avx2]

The article is the first 40 segments of WMT22 ru-en (Russian source and professional English).
Both the embedder and the QE model are loaded and used once before the clock starts; each
figure is the median of ``--repeats`` runs of ``estimate_pairs`` on the aligned pairs (the
time the model adds to ``check_texts``), beside the whole ``check_texts`` without the model.

``--avx2`` re-runs the measurement in a child process with oneDNN and ATen limited to AVX2
(``ONEDNN_MAX_CPU_ISA=AVX2``, ``ATEN_CPU_CAPABILITY=avx2``, and FBGEMM, which picks its int8
kernels itself, ``FBGEMM_ENABLE_INSTRUCTIONS=AVX2``): an emulation of a laptop CPU
without native bf16 (AVX2 only) on this machine's cores; bf16 is then skipped. The CPU's flags
are printed beside the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.speed import load_segments  # noqa: E402


def cpu_flags() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "unknown"
    flags = set()
    for line in text.splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            break
    wanted = ["avx2", "avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16", "amx_int8"]
    model = next((line.split(":", 1)[1].strip() for line in text.splitlines()
                  if line.startswith("model name")), "?")  # fmt: skip
    return f"{model}; " + " ".join(f"{f}={'yes' if f in flags else 'no'}" for f in wanted)


def measure(args: argparse.Namespace, avx2: bool) -> None:
    import torch

    from compare.alignment_types import AlignedPair
    from compare.embed import default_embedder
    from compare.fast_e5 import native_bf16
    from compare.pipeline import check_texts
    from compare.qe.predict import QEModel, estimate_pairs
    from compare.reading import read_pasted

    torch.set_num_threads(args.threads)
    segments = load_segments(args.shared)[:40]
    src = "\n".join(s for s, _ in segments)
    tgt = "\n".join(t for _, t in segments)
    embedder = default_embedder()
    check_texts(read_pasted(tgt), read_pasted(src), embedder=embedder)
    runs = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        report = check_texts(read_pasted(tgt), read_pasted(src), embedder=embedder)
        runs.append(time.perf_counter() - started)
    label = "AVX2-only (emulated)" if avx2 else "this CPU"
    print(f"[{label}] check_texts without the model: {statistics.median(runs):.2f} s "
          f"({len(report.pairs)} pairs, {args.threads} torch threads)")  # fmt: skip
    precisions = ["fp32", "int8"] + ([] if avx2 or not native_bf16(torch) else ["bf16"])
    links = [AlignedPair(tuple(p.source), tuple(p.target), p.score) for p in report.pairs]
    for precision in precisions:
        model = QEModel.load(precision=precision)
        estimate_pairs(model, report.source, report.target, links)
        times = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            estimate_pairs(model, report.source, report.target, links)
            times.append(time.perf_counter() - started)
        print(f"[{label}] meaning model adds {statistics.median(times):.2f} s "
              f"(precision {precision}, median of {args.repeats})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--avx2", action="store_true", help="also emulate an AVX2-only CPU")
    parser.add_argument("--child-avx2", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_avx2:
        measure(args, avx2=True)
        return
    print(f"CPU: {cpu_flags()}")
    measure(args, avx2=False)
    if args.avx2:
        env = dict(os.environ, ONEDNN_MAX_CPU_ISA="AVX2", ATEN_CPU_CAPABILITY="avx2",
                   FBGEMM_ENABLE_INSTRUCTIONS="AVX2")  # fmt: skip
        command = [sys.executable, __file__, "--child-avx2", "--shared", str(args.shared),
                   "--threads", str(args.threads), "--repeats", str(args.repeats)]  # fmt: skip
        subprocess.run(command, env=env, check=True)


if __name__ == "__main__":
    main()
