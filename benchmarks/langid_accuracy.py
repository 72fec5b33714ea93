"""Language detection accuracy on NTREX: the share of Kazakh lines detected as kk, Russian
lines as ru and English lines as en, and the time per line.

All 1,000 lines of the ``dev.*.txt`` files, both splits of compare.splits: the letter rules of
compare.langid were written with all of them in view, so the figure is in-sample
(benchmarks/README.md, "Held-out disclosure").

    python benchmarks/langid_accuracy.py [--shared ../shared]

Targets (core library issue): kk >= 99 %, ru >= 99.5 %.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.langid import detect_language  # noqa: E402
from compare.splits import corpora_dir  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent.parent / "shared"
    parser.add_argument("--shared", type=Path, default=default)
    parser.add_argument("--show-misses", type=int, default=5)
    args = parser.parse_args()
    folder = corpora_dir(args.shared) / "ntrex128"
    print(f"{'lang':<5}{'correct':>9}{'lines':>7}{'share':>9}{'ms/line':>9}")
    for lang, suffix in (("kk", "kaz"), ("ru", "rus"), ("en", "eng")):
        lines = [x for x in (folder / f"dev.{suffix}.txt").read_text("utf-8").splitlines()
                 if x.strip()]
        start = time.perf_counter()
        found = [detect_language(line).lang for line in lines]
        ms = (time.perf_counter() - start) / len(lines) * 1000
        correct = sum(f == lang for f in found)
        print(f"{lang:<5}{correct:>9}{len(lines):>7}{correct / len(lines):>9.2%}{ms:>9.2f}")
        misses = [(f, line) for f, line in zip(found, lines, strict=True) if f != lang]
        for f, line in misses[: args.show_misses]:
            print(f"      miss: detected {f}: {line[:80]}")


if __name__ == "__main__":
    main()
