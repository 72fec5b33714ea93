"""``python -m compare.qe train ...``: train the QE model (see :mod:`compare.qe.train`)."""

import sys

from compare.qe.train import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0] != "train":
        print("usage: python -m compare.qe train [--out DIR] [--seed N] ...", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(args[1:]))
