"""``python -m compare.qe train ...``: train the QE model (see :mod:`compare.qe.train`);
``python -m compare.qe omission-head ...``: fit its source-side omission head
(:mod:`compare.qe.omission_head`); ``python -m compare.qe mix ...``: average trained models
weight by weight (:mod:`compare.qe.mix`)."""

import sys

USAGE = ("usage: python -m compare.qe train [--out DIR] [--seed N] ...\n"
         "       python -m compare.qe omission-head [--model DIR] [--out DIR] ...\n"
         "       python -m compare.qe mix --models A,B [--shares 0.5,0.5] --out DIR")  # fmt: skip

if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0] not in ("train", "omission-head", "mix"):
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    if args[0] == "train":
        from compare.qe.train import main
    elif args[0] == "mix":
        from compare.qe.mix import main
    else:
        from compare.qe.omission_head import main
    sys.exit(main(args[1:]))
