"""``python -m compare.qe train ...``: train the QE model (see :mod:`compare.qe.train`);
``python -m compare.qe calibrate-languages``: per-language thresholds
(see :mod:`compare.qe.calibration`)."""

import sys

if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["train"]:
        from compare.qe.train import main

        sys.exit(main(args[1:]))
    if args[:1] == ["calibrate-languages"]:
        from compare.qe.calibration import main

        sys.exit(main(args[1:]))
    print("usage: python -m compare.qe train [--out DIR] [--seed N] ... | "
          "calibrate-languages [--model DIR]", file=sys.stderr)  # fmt: skip
    sys.exit(2)
