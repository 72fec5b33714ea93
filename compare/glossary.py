"""The glossary: source terms and the English renderings a client or style guide prescribes.

Translators work to term lists (Xbench and Verifika check them): РФ is "Russian Federation" or
"Russia", США is "the United States" or "US". A glossary here does two jobs:

- it tells the name check that a pair like РФ / Russian Federation is a rendering, not a name
  that appeared from nowhere (:meth:`Glossary.renders`);
- it drives the terminology check (:mod:`compare.checks.terminology`): a source term present in
  a pair and none of its English renderings in the English is flagged.

Russian and Kazakh inflect, so source terms are matched by stem, not as exact strings: the
case endings of both languages are stripped as the name check does
(:func:`compare.morphology.stem_keys`), so санкция matches санкциями and Ресей matches
Ресейдің. Acronyms (РФ, АҚШ) are matched as written, in capitals, whatever ending follows
after a hyphen (АҚШ-тың). English renderings match whole words, case-insensitively except
acronyms (US is not "us"), with plural and possessive endings; a trailing ``*`` accepts any
ending (Russia* covers Russian).

A built-in list (:data:`BUILTIN`) of the abbreviations every Russian or Kazakh news text uses is
always in force; a user's glossary adds to it. Files are CSV (source, English, note; several
source forms or English renderings separated by ``|`` or ``;``) or TBX (TBX-Basic 2008 and
TBX v3 layouts).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from compare.atomic_files import locked, write_atomically
from compare.errors import InputError
from compare.morphology import stem_keys
from compare.words import TERM_WORD

MAX_GLOSSARY_BYTES = 5_000_000
GLOSSARY_NAME = "glossary.csv"
_WORD = TERM_WORD
_SEPARATORS = regex.compile(r"\s*[|;]\s*")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SOURCE_LANGS = ("ru", "kk")


@dataclass(frozen=True)
class Term:
    """One glossary entry: the source forms of a term and its accepted English renderings."""

    source: tuple[str, ...]
    english: tuple[str, ...]
    note: str = ""
    builtin: bool = False

    @property
    def label(self) -> str:
        return self.source[0]


_BUILTIN_ROWS = (
    ("РФ|Ресей", "Russian Federation|Russia*", "Russian Federation (Ресей in Kazakh)"),
    ("США|АҚШ", "United States|US|U.S.|USA|America*", "United States of America"),
    ("ЕС|ЕО", "EU|European Union|E.U.", "European Union"),
    ("ООН|БҰҰ", "UN|U.N.|United Nations", "United Nations"),
    ("СНГ|ТМД", "CIS|Commonwealth of Independent States", ""),
    ("ОДКБ|ҰҚШҰ", "CSTO|Collective Security Treaty Organization|Collective Security Treaty "
                  "Organisation", ""),
    ("ЕАЭС|ЕАЭО", "EAEU|EEU|Eurasian Economic Union", ""),
)
BUILTIN: tuple[Term, ...] = tuple(
    Term(tuple(_SEPARATORS.split(src)), tuple(_SEPARATORS.split(en)), note, builtin=True)
    for src, en, note in _BUILTIN_ROWS
)
"""Abbreviations of Russian and Kazakh news and their English forms; always in force."""


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _is_acronym(word: str) -> bool:
    """РФ, АҚШ, US, U.S.: two or more capitals and no small letters."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _source_keys(word: str) -> frozenset[str]:
    return frozenset(stem_keys(word))


def _source_word_matches(term_word: str, text_word: str) -> bool:
    """Whether a text word is a form of a glossary source word (acronyms as written)."""
    if _is_acronym(term_word):
        return text_word == term_word
    if text_word.lower() == term_word.lower():
        return True
    from compare.translit import latin_key

    whole = latin_key(term_word)
    common = _source_keys(term_word) & _source_keys(text_word)
    return any(len(k) >= 4 or k == whole for k in common)


def _english_word_matches(pattern: str, word: str) -> bool:
    """Whether an English word is a form of a rendering's word (plural, possessive, ``*``)."""
    if _is_acronym(pattern.rstrip("*")):
        bare_p, bare_w = pattern.replace(".", ""), word.replace(".", "")
        for suffix in ("", "s", "'s", "’s"):
            if bare_w == bare_p + suffix:
                return True
        return False
    p, w = pattern.lower().replace(".", ""), word.lower().replace("’", "'").replace(".", "")
    if p.endswith("*"):
        return w.startswith(p[:-1])
    forms = {w, w[:-2] if w.endswith("'s") else w}
    if w.endswith("ies"):
        forms.add(w[:-3] + "y")
    if w.endswith("es"):
        forms.add(w[:-2])
    if w.endswith("s"):
        forms.add(w[:-1])
    return p in forms


@dataclass
class Glossary:
    """Terms to check and to give to the name check; the built-in list comes first."""

    terms: list[Term] = field(default_factory=lambda: list(BUILTIN))
    origin: str = "built-in"
    _renders_memo: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False,
                                                      compare=False)
    _index_memo: dict = field(default_factory=dict, repr=False, compare=False)
    _word_index_memo: dict = field(default_factory=dict, repr=False, compare=False)

    # ----------------------------------------------------------------- building
    @classmethod
    def with_user_terms(cls, user: Iterable[Term], origin: str = "") -> Glossary:
        """The built-in list plus ``user`` terms (a user entry for a built-in source form
        replaces that built-in entry)."""
        user = list(user)
        mine = {s for t in user for s in t.source}
        kept = [t for t in BUILTIN if not (set(t.source) & mine)]
        return cls(kept + user, origin or "built-in")

    @property
    def user_terms(self) -> list[Term]:
        return [t for t in self.terms if not t.builtin]

    def fingerprint(self) -> str:
        """A short hash of the user's terms ("" when only the built-in list is in force)."""
        user = self.user_terms
        if not user:
            return ""
        payload = "\n".join("|".join(t.source) + "\t" + "|".join(t.english) for t in user)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]

    # ----------------------------------------------------------------- matching
    def find_in_source(self, text: str, start: int = 0, end: int | None = None
                       ) -> list[tuple[Term, int, int]]:
        """Occurrences of glossary terms in ``text[start:end]``: (term, start, end), offsets
        into ``text``."""
        end = len(text) if end is None else end
        words = [(a + start, b + start, w) for a, b, w in _words(text[start:end])]
        index = self._index()
        found = []
        for i, (_, _, word) in enumerate(words):
            candidates = list(index["exact"].get(word, ()))
            low = word.lower()
            if not _is_acronym(word) and low[:2] in index["prefixes"]:
                candidates += index["lower"].get(low, ())
                for key in _source_keys(word):
                    candidates += index["stem"].get(key, ())
            seen = set()
            for term, form_words in candidates:
                n = len(form_words)
                if (id(term), form_words) in seen or i + n > len(words):
                    continue
                seen.add((id(term), form_words))
                if all(_source_word_matches(fw, words[i + j][2])
                       for j, fw in enumerate(form_words)):
                    found.append((term, words[i][0], words[i + n - 1][1]))
        found.sort(key=lambda hit: (hit[1], -hit[2]))
        return found

    def _index(self) -> dict:
        """First words of every source form: acronyms as written, other words by lower case
        and by stem key (see :func:`_source_word_matches`), with the 2-letter prefixes worth
        stemming a text word for."""
        if self._index_memo:
            return self._index_memo
        from compare.translit import latin_key

        exact: dict[str, list] = {}
        lower: dict[str, list] = {}
        stem: dict[str, list] = {}
        prefixes: set[str] = set()
        for term in self.terms:
            for form in term.source:
                form_words = tuple(w for _, _, w in _words(form))
                if not form_words:
                    continue
                first, entry = form_words[0], (term, form_words)
                if _is_acronym(first):
                    exact.setdefault(first, []).append(entry)
                    continue
                lower.setdefault(first.lower(), []).append(entry)
                prefixes.add(first.lower()[:2])
                whole = latin_key(first)
                for key in _source_keys(first):
                    if len(key) >= 4 or key == whole:
                        stem.setdefault(key, []).append(entry)
        self._index_memo.update(exact=exact, lower=lower, stem=stem, prefixes=prefixes)
        return self._index_memo

    @staticmethod
    def english_has(term: Term, english: str) -> bool:
        """Whether any rendering of ``term`` occurs in the English text."""
        words = [w for _, _, w in _words(english)]
        for rendering in term.english:
            rwords = [w for _, _, w in _words(rendering.rstrip("*"))]
            if not rwords:
                continue
            if rendering.endswith("*"):
                rwords[-1] += "*"
            n = len(rwords)
            for i in range(len(words) - n + 1):
                if all(_english_word_matches(rw, words[i + j]) for j, rw in enumerate(rwords)):
                    return True
        return False

    def renders(self, source_word: str, english_word: str) -> bool:
        """Whether the glossary makes ``english_word`` a rendering of ``source_word`` (word by
        word: Russian and Federation both render РФ). Used by the name check."""
        patterns = self._renders_memo.get(source_word)
        if patterns is None:
            patterns = self._renderings_of(source_word)
            self._renders_memo[source_word] = patterns
        return any(_english_word_matches(p, english_word) for p in patterns)

    def _renderings_of(self, source_word: str) -> tuple[str, ...]:
        """The English words of every term one of whose source words ``source_word`` is a
        form of; looked up through an index of the terms' words, not term by term."""
        index = self._word_index()
        candidates = set(index["exact"].get(source_word, ()))
        low = source_word.lower()
        if not _is_acronym(source_word) and low[:2] in index["prefixes"]:
            candidates |= index["lower"].get(low, set())
            for key in _source_keys(source_word):
                candidates |= index["stem"].get(key, set())
        out: list[str] = []
        for n in sorted(candidates):
            term = self.terms[n]
            if not any(_source_word_matches(fw, source_word)
                       for form in term.source for _, _, fw in _words(form)):
                continue
            for rendering in term.english:
                rwords = [w for _, _, w in _words(rendering.rstrip("*"))]
                if rwords and rendering.endswith("*"):
                    rwords[-1] += "*"
                out.extend(rwords)
        return tuple(out)

    def _word_index(self) -> dict:
        """Every word of every source form, by term number (see :meth:`_index`)."""
        if self._word_index_memo:
            return self._word_index_memo
        from compare.translit import latin_key

        exact: dict[str, set[int]] = {}
        lower: dict[str, set[int]] = {}
        stem: dict[str, set[int]] = {}
        prefixes: set[str] = set()
        for n, term in enumerate(self.terms):
            for form in term.source:
                for _, _, word in _words(form):
                    if _is_acronym(word):
                        exact.setdefault(word, set()).add(n)
                        continue
                    lower.setdefault(word.lower(), set()).add(n)
                    prefixes.add(word.lower()[:2])
                    whole = latin_key(word)
                    for key in _source_keys(word):
                        if len(key) >= 4 or key == whole:
                            stem.setdefault(key, set()).add(n)
        self._word_index_memo.update(exact=exact, lower=lower, stem=stem, prefixes=prefixes)
        return self._word_index_memo


# --------------------------------------------------------------------------- reading
def read_glossary(data: bytes, name: str = "glossary.csv") -> list[Term]:
    """The terms of a CSV or TBX file's bytes; :class:`InputError` with one line when they
    cannot be read."""
    if len(data) > MAX_GLOSSARY_BYTES:
        raise InputError(f"{name}: a glossary over {MAX_GLOSSARY_BYTES // 1_000_000} MB is "
                         "not read.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: the glossary is not UTF-8 text ({error.reason}).") from error
    stripped = text.lstrip()
    if name.lower().endswith((".tbx", ".xml")) or stripped.startswith("<"):
        return _read_tbx(text, name)
    return parse_csv(text, name)


def parse_csv(text: str, name: str = "glossary.csv") -> list[Term]:
    """Terms from CSV text: source, English, note (comma, semicolon or tab separated; a header
    row naming ``source`` is skipped; blank rows and rows starting with # are ignored)."""
    sample = text[:4096]
    delimiter = "\t" if "\t" in sample else ","
    if delimiter == "," and sample.count(";") > sample.count(",") and "|" not in sample:
        delimiter = ";"
    terms = []
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise InputError(f"{name}: not a readable CSV glossary ({error}).") from error
    for n, row in enumerate(rows, 1):
        cells = [c.strip() for c in row]
        if not cells or not any(cells) or cells[0].startswith("#"):
            continue
        if n == 1 and cells[0].lower() in ("source", "source term", "term", "src"):
            continue
        if len(cells) < 2 or not cells[1]:
            raise InputError(f"{name}, line {n}: give a source term and its English term(s).")
        source = tuple(s for s in _SEPARATORS.split(cells[0]) if s)
        english = tuple(e for e in _SEPARATORS.split(cells[1]) if e)
        if not source or not english:
            raise InputError(f"{name}, line {n}: give a source term and its English term(s).")
        terms.append(Term(source, english, cells[2] if len(cells) > 2 else ""))
    return terms


def _read_tbx(text: str, name: str) -> list[Term]:
    if "<!ENTITY" in text:
        raise InputError(f"{name}: a TBX file declaring entities is not read.")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise InputError(f"{name}: not a readable TBX file ({error}).") from error
    terms = []
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        by_lang: dict[str, list[str]] = {}
        notes = []
        for lang_set in entry:
            if _local(lang_set.tag) not in ("langSet", "langSec"):
                if _local(lang_set.tag) in ("descrip", "note") and lang_set.text:
                    notes.append(lang_set.text.strip())
                continue
            lang = (lang_set.get(XML_LANG) or lang_set.get("lang") or "").lower().split("-")[0]
            for el in lang_set.iter():
                if _local(el.tag) == "term" and el.text and el.text.strip():
                    by_lang.setdefault(lang, []).append(el.text.strip())
        source = [t for lang in SOURCE_LANGS for t in by_lang.get(lang, [])]
        english = by_lang.get("en", [])
        if source and english:
            terms.append(Term(tuple(source), tuple(english), "; ".join(notes)))
    if not terms:
        raise InputError(f"{name}: the TBX file has no entry with a Russian or Kazakh term "
                         "and an English one.")
    return terms


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def load_glossary(path: str | os.PathLike[str] | None) -> Glossary:
    """The built-in list plus the terms of the file at ``path`` (None: the built-in list)."""
    if path is None:
        return Glossary()
    p = Path(path)
    try:
        if not p.is_file():
            raise InputError(f"Glossary not found: {p}.")
        with open(p, "rb") as fh:
            data = fh.read(MAX_GLOSSARY_BYTES + 1)
    except OSError as error:
        raise InputError(f"Glossary {p} could not be read ({error.strerror or error}).") from error
    return Glossary.with_user_terms(read_glossary(data, p.name), origin=str(p))


@functools.lru_cache(maxsize=1)
def builtin_glossary() -> Glossary:
    """One shared glossary of the built-in list, so its lookups are memoised across pairs and
    documents."""
    return Glossary()


@functools.lru_cache(maxsize=4)
def cached_glossary(path: str | None) -> Glossary | None:
    """The glossary of a file, read once per process (corpus workers check many documents with
    one glossary); None for no file."""
    return load_glossary(path) if path else None


# --------------------------------------------------------------------------- the user's own
def default_glossary_path() -> Path:
    """The app's glossary: $COMPARE_HOME (else ~/.compare)/glossary.csv."""
    from compare.dismissals import compare_home

    return compare_home() / GLOSSARY_NAME


def to_csv(terms: Iterable[Term]) -> str:
    """Terms as the CSV this module reads (header row, ``|`` between alternatives)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["source", "english", "note"])
    for t in terms:
        writer.writerow(["|".join(t.source), "|".join(t.english), t.note])
    return buf.getvalue()


def save_user_glossary(terms: Iterable[Term], path: Path | None = None) -> Path:
    """Write the user's terms atomically (temporary file, then rename) and return the path.

    The write holds the file's lock (:func:`compare.atomic_files.locked`), as every change of
    the user's stores does, so writers from two tabs or processes never interleave.
    """
    path = path or default_glossary_path()
    with locked(path):
        write_atomically(path, to_csv(terms))
    return path


def load_user_glossary(path: Path | None = None) -> tuple[Glossary, str]:
    """The app's glossary and a one-line problem ("" when none). A damaged file is reported,
    not overwritten: the app checks with the built-in list until it is fixed or replaced."""
    path = path or default_glossary_path()
    if not path.exists():
        return Glossary(), ""
    try:
        return load_glossary(path), ""
    except InputError as error:
        return Glossary(), f"{error} The built-in list is used until it is fixed."
