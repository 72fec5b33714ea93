"""Framing-shift detectors (``framing-shift``, issue 22): precision and recall on controlled
edits, and notes per 100 sentences on professional translations.

    python benchmarks/framing.py [--split dev|heldout] [--examples N] [--shared DIR]
    python benchmarks/framing.py --split dev --show-notes kk   # the dev notes, to tune on
    python benchmarks/framing.py --split dev --show-notes tatoeba-kk

Controlled edits: every line pair is checked as it is (no framing changed by us) and once per
edit that applies to it:

- *dropped*: the source has a strong marker of a kind and the English a marker of it; every
  marker of that kind is deleted from the English (for quotations: the English's quotation
  marks);
- *added*: the source has no marker of a kind; an English marker is put in by a template drawn
  at random from word lists written apart from the detector's (``According to officials, …``,
  ``Sources say …``, ``It seems that …``, ``so-called`` or ``would-be`` before a noun, a neutral
  word replaced by a loaded one: government → regime or junta, protesters → rioters; the
  sentence quoted). Several of these words are weak markers or none in the detector's lists,
  so recall measures the lists' coverage rather than the templates.

Recall: edited pairs whose note names the edited kind and direction. Precision: those notes over
every framing note on the edited pairs that the unedited pair did not have, plus every note on
the unedited pairs (which carry no edit of ours, so a note there is counted against the detector
even when the professional translator did reframe the line).

Splits (compare/splits.py): dev = NTREX lines 1-700 (ru-en, kk-en) and the WMT22 references
of even documents, where the word lists were written, and Tatoeba kk-en (434 short human pairs,
all dev: Kazakh that no list was written from, added 2026-12-04); heldout = NTREX lines
701-1000 and the WMT22 references of odd documents. ``--examples N`` prints N notes on the
WMT22 MT outputs of the split's documents (real systems, real shifts): the odd documents with
``--split heldout`` (for the README), the even ones with ``--split dev``, a tuning run that
prints no held-out example. ``--show-notes ru|kk`` prints every note on the unedited NTREX
pairs of that language, with its line number, ``--show-notes tatoeba-kk`` those on Tatoeba with
the file's line number (dev only: a tuning aid). Every source is read as the pipeline reads it,
Latin look-alike letters in Cyrillic words as Cyrillic (compare.script_mix).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import regex as re

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.checks import CheckContext  # noqa: E402
from compare.checks.framing import FramingShift, quotations  # noqa: E402
from compare.framing_lexicon import FramingLexicon, load_framing_lexicon  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.lang.framing import KINDS  # noqa: E402
from compare.qe.data import ntrex_lines, wmt22_documents, wmt22_hypotheses  # noqa: E402
from compare.risk_fit import line_documents  # noqa: E402
from compare.script_mix import fold_lookalikes  # noqa: E402
from compare.splits import (  # noqa: E402
    NTREX,
    NTREX_DEV_LINES,
    NTREX_HELDOUT_LINES,
    WMT22,
    WMT22_DEV_PARITY,
    WMT22_HELDOUT_PARITY,
    check_printable,
    tatoeba_kk_pairs,
)

SPLITS = {
    "dev": (NTREX_DEV_LINES, WMT22_DEV_PARITY),
    "heldout": (NTREX_HELDOUT_LINES, WMT22_HELDOUT_PARITY),
}
# The edits' words were written apart from the detector's lists, as a journalist would reframe
# a line; several are not in those lists (weak markers only, or none), so recall measures the
# lists' coverage, not the templates.
ATTRIBUTION_EDITS = ["According to officials, {l}", "{b}, according to the ministry.",
                     "Reportedly, {l}", "As reported by local media, {l}", "Sources say {l}",
                     "Officials said {l}", "{b}, sources told reporters.", "Citing police, {l}",
                     "In the words of the minister, {l}", "Officials claim {l}"]
HEDGE_EDITS = ["Perhaps {l}", "Possibly, {l}", "{b}, probably.", "It seems that {l}",
               "Apparently, {l}", "In all likelihood, {l}", "Presumably, {l}",
               "It is possible that {l}", "Maybe {l}", "Seemingly, {l}"]
DISTANCING_WORDS = ["so-called", "alleged", "supposed", "purported", "self-proclaimed",
                    "would-be", "ostensible", "so called"]
LOADED_SWAPS = [(r"\bgovernment\b", ["regime", "junta"]),
                (r"\bfighters\b", ["militants", "terrorists", "thugs"]),
                (r"\boperation\b", ["invasion", "aggression", "occupation"]),
                (r"\bsoldiers\b", ["occupiers", "invaders", "punitive troops"]),
                (r"\bactivists\b", ["extremists", "agitators"]),
                (r"\bprotesters\b", ["rioters", "thugs"]),
                (r"\bleaders\b", ["warlords", "puppets"])]
_QUOTE_CHARS = re.compile(r"[\"“”«»„]")


def as_read(pairs: list[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    """The pairs with the source as the pipeline checks it: Latin look-alike letters in Cyrillic
    words read as Cyrillic (Tatoeba's мүмкiн with a Latin i; compare.script_mix)."""
    return [(fold_lookalikes(src, lang).text, en) for src, en in pairs]


def share(hits: int, n: int) -> str:
    if not n:
        return "-"
    low, high = wilson(hits, n)
    return f"{hits / n:.3f} [{low:.3f}, {high:.3f}] (n={n})"


def add_marker(kind: str, english: str, rng: random.Random) -> str | None:
    """The English with one marker of ``kind`` put in, or None when no template applies."""
    text = english.strip()
    if len(text.split()) < 4:
        return None
    lowered = text[0].lower() + text[1:] if not text[:2].isupper() else text
    fill = {"l": lowered, "b": text.rstrip(".")}
    if kind == "attribution":
        return rng.choice(ATTRIBUTION_EDITS).format(**fill)
    if kind == "distancing":
        word = rng.choice(DISTANCING_WORDS)
        if re.search(r"\bthe \p{Ll}", text):
            return re.sub(r"\bthe (?=\p{Ll})", f"the {word} ", text, count=1)
        return f"The {word} {lowered}" if word != "self-proclaimed" else None
    if kind == "hedge":
        return rng.choice(HEDGE_EDITS).format(**fill)
    if kind == "loaded":
        for pattern, words in LOADED_SWAPS:
            if re.search(pattern, text):
                return re.sub(pattern, rng.choice(words), text, count=1)
        return None
    if kind == "quote":
        body = text.rstrip(".")
        return f"“{body}.”" if not _QUOTE_CHARS.search(text) else None
    raise ValueError(kind)


def drop_marker(kind: str, english: str, lex: FramingLexicon) -> str | None:
    """The English with every marker of ``kind`` deleted, or None when it has none."""
    if kind == "quote":
        if not _QUOTE_CHARS.search(english):
            return None
        return _QUOTE_CHARS.sub("", english)
    pattern = lex.weak("en", kind)
    if not pattern.search(english):
        return None
    return " ".join(pattern.sub("", english).split())


def edits(pairs: list[tuple[str, str]], lang: str, lex: FramingLexicon, seed: int
          ) -> list[tuple[int, str, str, str]]:  # fmt: skip
    """(line index, kind, shift, edited English) for every edit that applies."""
    rng = random.Random(seed)
    out = []
    for i, (src, en) in enumerate(pairs):
        for kind in (*KINDS, "quote"):
            if kind == "quote":
                has_strong = bool(quotations(src, lang=lang))
                has_any = bool(_QUOTE_CHARS.search(src))
            else:
                has_strong = bool(lex.strong(lang, kind).search(src))
                has_any = bool(lex.weak(lang, kind).search(src))
            if has_strong:
                edited = drop_marker(kind, en, lex)
                if edited is not None and edited != en:
                    out.append((i, kind, "dropped", edited))
            elif not has_any:
                edited = add_marker(kind, en, rng)
                if edited is not None:
                    out.append((i, kind, "added", edited))
    return out


def notes(check: FramingShift, pairs: list[tuple[str, str]], lang: str) -> list[set]:
    """The framing notes of each pair, as a set of (kind, shift)."""
    if not pairs:
        return []
    src, tgt, links = line_documents(pairs, lang)
    flags = check.run(CheckContext(tgt, src, links))
    starts = [s.start for s in tgt.sentences]
    src_starts = [s.start for s in src.sentences]
    out: list[set] = [set() for _ in pairs]
    for f in flags:
        where = starts if f.side == "target" else src_starts
        i = int(np.searchsorted(where, f.start, side="right")) - 1
        out[i].add((f.evidence["kind"], f.evidence["shift"]))
    return out


def evaluate(name: str, pairs: list[tuple[str, str]], lang: str, lex: FramingLexicon,
             check: FramingShift, seed: int) -> tuple[int, int, int, int]:
    """Prints and returns (true positives, edits, false notes, unedited pairs)."""
    base = notes(check, pairs, lang)
    done = edits(pairs, lang, lex, seed)
    after = notes(check, [(pairs[i][0], edited) for i, _, _, edited in done], lang)
    tp = fp = 0
    per_kind: Counter = Counter()
    found_kind: Counter = Counter()
    for (i, kind, shift, _), got in zip(done, after, strict=True):
        new = got - base[i]
        hit = (kind, shift) in got
        tp += hit
        fp += len(new - {(kind, shift)})
        per_kind[(kind, shift)] += 1
        found_kind[(kind, shift)] += hit
    false_base = sum(len(b) for b in base)
    fp += false_base
    print(f"\n{name}: {len(pairs)} pairs, {len(done)} edits")
    print(f"  recall    {share(tp, len(done))}")
    print(f"  precision {share(tp, tp + fp)}")
    noted = sum(bool(b) for b in base)
    low, high = wilson(noted, len(pairs))
    print(f"  notes on the unedited professional pairs: {false_base} "
          f"({100 * false_base / len(pairs):.1f} per 100 sentences); pairs with a note {noted}, "
          f"{100 * noted / len(pairs):.1f} per 100 [{100 * low:.1f}, {100 * high:.1f}]")
    base_kinds = Counter(k for b in base for k in b)
    if base_kinds:
        print("    by kind: "
              + ", ".join(f"{k} {s} {n}" for (k, s), n in sorted(base_kinds.items())))
    for key in sorted(per_kind):
        print(f"    {key[0]:<12} {key[1]:<8} {found_kind[key]:>4} / {per_kind[key]:<4}")
    return tp, len(done), fp, len(pairs)


def show_notes(name: str, pairs: list[tuple[str, str]], lang: str, first_line: int,
               check: FramingShift) -> None:
    """Every note on the unedited pairs, with the file's line number of the first pair given
    (1-based) and both texts."""
    print(f"\nNotes on {name}, unedited:")
    for i, found in enumerate(notes(check, pairs, lang)):
        for kind, shift in sorted(found):
            print(f"  line {first_line + i}: {kind} {shift}\n    {lang}: {pairs[i][0]}\n"
                  f"    en: {pairs[i][1]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=list(SPLITS), default="heldout")
    parser.add_argument("--shared", default=None)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-notes", choices=["ru", "kk", "tatoeba-kk"], default=None,
                        help="print the notes on the unedited NTREX (or Tatoeba) pairs (dev "
                             "split only)")
    args = parser.parse_args(argv)
    if args.show_notes and args.split != "dev":
        parser.error("--show-notes prints rows: dev split only")
    lines, parity = SPLITS[args.split]
    lex = load_framing_lexicon(Path("/nonexistent/framing.csv"))  # built-in lists only
    check = FramingShift(lex)
    sets = {
        f"NTREX ru-en {lines.start + 1}-{lines.stop}":
            (list(zip(ntrex_lines("ru", lines, args.shared), ntrex_lines("en", lines, args.shared),
                      strict=True)), "ru"),
        f"NTREX kk-en {lines.start + 1}-{lines.stop}":
            (list(zip(ntrex_lines("kk", lines, args.shared), ntrex_lines("en", lines, args.shared),
                      strict=True)), "kk"),
        f"WMT22 references, {'odd' if parity else 'even'} documents":
            ([p for d in wmt22_documents(parity, args.shared) for p in d], "ru"),
    }
    if args.split == "dev":
        # Kazakh nobody tuned on: NTREX's Kazakh dev lines have been read for every list change
        sets["Tatoeba kk-en (all dev)"] = (tatoeba_kk_pairs(args.shared), "kk")
    sets = {name: (as_read(pairs, lang), lang) for name, (pairs, lang) in sets.items()}
    print(f"Framing-shift detectors, {args.split} split (95 % Wilson intervals)")
    totals = np.zeros(4, dtype=int)
    for name, (pairs, lang) in sets.items():
        totals += evaluate(name, pairs, lang, lex, check, args.seed)
    tp, n_edits, fp, n_pairs = (int(x) for x in totals)
    print(f"\nAll sets: recall {share(tp, n_edits)}; precision {share(tp, tp + fp)}")
    if args.show_notes == "tatoeba-kk":
        pairs, lang = sets["Tatoeba kk-en (all dev)"]
        show_notes("Tatoeba kk-en (kk-en.tsv; its header is line 1)", pairs, lang, 2, check)
    elif args.show_notes:
        check_printable(NTREX, lines, tuning=True)
        name, (pairs, lang) = next((k, v) for k, v in sets.items()
                                   if k.startswith(f"NTREX {args.show_notes}"))
        show_notes(name, pairs, lang, lines.start + 1, check)
    if args.examples:
        # a WMT22 document position of the split's parity stands for all its documents
        check_printable(WMT22, [parity], tuning=args.split == "dev")
        hyps = [h for d in wmt22_hypotheses(parity, args.shared) for h in d]
        pairs = [(src, mt) for _, src, mt, _ in hyps]
        found = notes(check, pairs, "ru")
        shown = [(hyps[i][0], pairs[i], sorted(n)) for i, n in enumerate(found) if n]
        print(f"\nWMT22 {'odd' if parity else 'even'} documents, MT outputs: {len(shown)} of "
              f"{len(pairs)} outputs carry a "
              f"framing note; the first {args.examples} of a few kinds:")
        seen: Counter = Counter()
        for system, (src, mt), kinds in shown:
            key = kinds[0]
            if seen[key] >= max(1, args.examples // 4):
                continue
            seen[key] += 1
            print(f"  [{system}] {key[0]} {key[1]}\n    ru: {src}\n    en: {mt}")
            if sum(seen.values()) >= args.examples:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
