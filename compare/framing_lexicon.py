"""The framing word lists in force: the built-in ones (:mod:`compare.lang.framing`) plus the
user's own, compiled once into whole-word, case-insensitive regular expressions.

The user's file is ``framing.csv`` in the compare folder (beside the glossary), one marker a
row: ``language,kind,phrase[,strength]`` — language ``ru``, ``kk`` or ``en``; kind one of
:data:`compare.lang.framing.KINDS`; the phrase as written, with ``*`` at the end for "any
ending" (``боевик*``); strength ``strong`` (the default) or ``weak``. A row that cannot be
used is skipped and named in :attr:`FramingLexicon.problems`; the file is never rewritten here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import regex as re

from compare.lang.framing import KINDS, STRONG, WEAK

FRAMING_NAME = "framing.csv"
STRENGTHS = ("strong", "weak")


def default_framing_path() -> Path:
    """The user's framing words: $COMPARE_HOME (else ~/.compare)/framing.csv."""
    from compare.dismissals import compare_home

    return compare_home() / FRAMING_NAME


def _whole_words(pattern: str) -> re.Pattern:
    return re.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{pattern})(?![\p{{L}}\p{{N}}])", re.IGNORECASE)


def phrase_pattern(phrase: str) -> str:
    """A user's phrase as a pattern: literal text, spaces matching any spacing, a final ``*``
    standing for any ending."""
    phrase = " ".join(phrase.split())
    ending = phrase.endswith("*")
    words = [re.escape(w) for w in phrase.rstrip("*").split(" ")]
    return r"\s+".join(words) + (r"\w*" if ending else "")


@dataclass
class FramingLexicon:
    """Strong and weak markers per language and kind, compiled."""

    patterns: dict[tuple[str, str, str], re.Pattern]
    """(strength, language, kind) -> pattern."""
    languages: tuple[str, ...] = ("ru", "kk")
    kinds: tuple[str, ...] = KINDS
    problems: list[str] = field(default_factory=list)
    user_markers: int = 0

    def strong(self, lang: str, kind: str) -> re.Pattern:
        return self.patterns[("strong", lang, kind)]

    def weak(self, lang: str, kind: str) -> re.Pattern:
        """Any marker of the kind, strong or weak (what must be absent for a shift)."""
        return self.patterns[("weak", lang, kind)]


def build_lexicon(extra: list[tuple[str, str, str, str]] | None = None,
                  problems: list[str] | None = None) -> FramingLexicon:
    """The built-in lists plus ``extra`` rows (language, kind, phrase, strength)."""
    added: dict[tuple[str, str, str], list[str]] = {}
    for lang, kind, phrase, strength in extra or []:
        added.setdefault((strength, lang, kind), []).append(phrase_pattern(phrase))
    patterns = {}
    for lang in STRONG:
        for kind in KINDS:
            strong = [STRONG[lang][kind], *added.get(("strong", lang, kind), [])]
            weak = [*strong, WEAK[lang][kind], *added.get(("weak", lang, kind), [])]
            patterns[("strong", lang, kind)] = _whole_words("|".join(strong))
            patterns[("weak", lang, kind)] = _whole_words("|".join(weak))
    return FramingLexicon(patterns, problems=list(problems or []),
                          user_markers=len(extra or []))


def read_framing_rows(text: str) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """The usable rows of a user's framing.csv and one line for each row that is not."""
    rows, problems = [], []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#") or (number == 1 and cells[0] == "language"):
            continue
        if len(cells) < 3:
            problems.append(f"line {number}: needs language,kind,phrase")
            continue
        lang, kind, phrase = cells[0].lower(), cells[1].lower(), cells[2]
        strength = (cells[3].lower() if len(cells) > 3 and cells[3] else "strong")
        if lang not in STRONG:
            problems.append(f"line {number}: language {lang!r} is not one of ru, kk, en")
        elif kind not in KINDS:
            problems.append(f"line {number}: kind {kind!r} is not one of {', '.join(KINDS)}")
        elif strength not in STRENGTHS:
            problems.append(f"line {number}: strength {strength!r} is not strong or weak")
        elif not phrase.rstrip("*").strip():
            problems.append(f"line {number}: empty phrase")
        else:
            rows.append((lang, kind, phrase, strength))
    return rows, problems


def load_framing_lexicon(path: str | Path | None = None) -> FramingLexicon:
    """The built-in lists plus the user's file (default :func:`default_framing_path`; a
    missing file adds nothing; an unreadable one is named in ``problems``)."""
    file = Path(path) if path is not None else default_framing_path()
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return build_lexicon()
    except (OSError, UnicodeDecodeError) as exc:
        return build_lexicon(problems=[f"{file}: cannot be read ({exc})"])
    rows, problems = read_framing_rows(text)
    return build_lexicon(rows, [f"{file}: {p}" for p in problems])
