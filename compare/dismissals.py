"""What a reviewer told the tool to stop flagging, kept across sessions in ``$COMPARE_HOME``.

- :class:`DismissalStore` remembers single flags dismissed as false positives, keyed by a
  signature of the check and the texts it looked at (as CheckMate does), so that the same flag
  on the same text stays dismissed while any edit of the text brings it back.
- :class:`IgnoreRules` remembers "ignore this check for this term everywhere" (Xbench's ignore
  list): a check id and the flagged text, matched whatever the sentence around it.

Both are small JSON files rewritten atomically (temporary file, then rename:
:func:`compare.atomic_files.write_atomically`), and every change (read, modify, write) holds
the file's lock (:func:`compare.atomic_files.locked`), so two browser tabs changing the same
file at once both keep their change. A file that cannot be parsed (damaged, or saved by an
editor in another shape) is never overwritten: it is set aside under a timestamped name before
the first change, and the reviewer is told once.
A UTF-8 byte-order mark (Notepad writes one) is read as the encoding mark it is. Anything
but a regular file under these names (a FIFO, a folder, a device) is refused without being
opened for a blocking read, and set aside in the same way before the first change.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare.aside import aside_path
from compare.atomic_files import locked, write_atomically

STORE_NAME = "dismissed.json"
MAX_FILE_BYTES = 50_000_000
"""Largest dismissals or ignore-rules file read (hundreds of thousands of entries)."""
RULES_NAME = "ignored.json"


def compare_home() -> Path:
    """The folder of the reviewer's own files: $COMPARE_HOME, else ~/.compare."""
    home = os.environ.get("COMPARE_HOME") or os.path.join(os.path.expanduser("~"), ".compare")
    return Path(home)


def default_store_path() -> Path:
    """Where dismissals live: $COMPARE_HOME, else ~/.compare, as dismissed.json."""
    return compare_home() / STORE_NAME


def default_rules_path() -> Path:
    """Where ignore rules live: $COMPARE_HOME, else ~/.compare, as ignored.json."""
    return compare_home() / RULES_NAME


def normalise_term(text: str) -> str:
    """The form an ignore rule compares flagged text in: case-folded, spaces collapsed."""
    return " ".join(text.split()).casefold()


@dataclass
class _JsonFile:
    """A small JSON document that is read tolerantly and written atomically.

    ``problem`` says, after a read, why the file could not be used (empty when it could);
    ``set_aside`` names where an unreadable file was moved before it would be overwritten.
    """

    path: Path
    problem: str = field(default="", init=False)
    set_aside: Path | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    def read(self) -> dict[str, Any] | None:
        """The parsed object; None when the file is missing or unusable (see ``problem``)."""
        self.problem = ""
        try:
            raw = self._read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self.problem = f"{self.path} could not be read ({error.strerror or error})."
            return None
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            self.problem = f"{self.path} is not valid JSON ({error})."
            return None
        except RecursionError:  # [[[[... nested past the parser's depth
            self.problem = f"{self.path} is not valid JSON (nested too deeply to be read)."
            return None
        if not isinstance(data, dict):
            self.problem = f"{self.path} does not hold a JSON object."
            return None
        return data

    def _read_bytes(self) -> bytes | None:
        """The file's bytes; None (with ``problem`` set) for anything but a regular file of at
        most :data:`MAX_FILE_BYTES`. Opened without blocking, so a FIFO under this name is
        refused at once instead of waiting for a writer forever."""
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(self.path, flags)
        try:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                kind = ("a folder" if stat.S_ISDIR(mode) else "a FIFO (named pipe)"
                        if stat.S_ISFIFO(mode) else "a device or socket")
                self.problem = f"{self.path} is {kind}, not a regular file, so it is not read."
                return None
            with os.fdopen(fd, "rb") as handle:
                fd = -1  # the handle closes it
                raw = handle.read(MAX_FILE_BYTES + 1)
        finally:
            if fd != -1:
                os.close(fd)
        if len(raw) > MAX_FILE_BYTES:
            self.problem = (f"{self.path} is over {MAX_FILE_BYTES // 1_000_000} MB, too large "
                            "to be a file of this kind.")
            return None
        return raw

    def write(self, payload: dict[str, Any]) -> None:
        """Replace the file with ``payload``; an unusable old file is first set aside."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.problem and self.path.exists() and self.set_aside is None:
            aside = aside_path(self.path, "unreadable")
            os.replace(self.path, aside)
            self.set_aside = aside
        write_atomically(self.path, json.dumps(payload, ensure_ascii=False))

    def notice(self) -> str:
        """One line for the reviewer about an unusable file (empty when all is well)."""
        if self.set_aside is not None:
            return f"{self.problem} It was kept as {self.set_aside} and a new one started."
        if self.problem:
            return f"{self.problem} It is left as it is until the next change."
        return ""


class DismissalStore:
    """Flag signatures a reviewer dismissed, kept in a small JSON file (see the module doc)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.file = _JsonFile(Path(path) if path is not None else default_store_path())

    @property
    def path(self) -> Path:
        return self.file.path

    def load(self) -> set[str]:
        data = self.file.read()
        if data is None:
            return set()
        items = data.get("dismissed", [])
        if not isinstance(items, list):
            self.file.problem = f"{self.path}: \"dismissed\" is not a list."
            return set()
        return {str(k) for k in items}

    def dismiss(self, key: str) -> set[str]:
        with locked(self.path):  # no other writer between this read and write
            keys = self.load() | {key}
            self._save(keys)
        return keys

    def restore(self, key: str) -> set[str]:
        with locked(self.path):
            keys = self.load() - {key}
            self._save(keys)
        return keys

    def notice(self) -> str:
        return self.file.notice()

    def _save(self, keys: set[str]) -> None:
        self.file.write({"schema": "compare.dismissed/1", "dismissed": sorted(keys)})


Rule = tuple[str, str]
"""What an ignore rule matches: (check id, normalised flagged text)."""
ScopedRule = tuple[str, str, str]
"""An ignore rule as kept: (check id, normalised flagged text, scope). The scope is
:data:`EVERYWHERE` ("") or the key of one document (:func:`document_key`)."""
EVERYWHERE = ""
NEVER_EVERYWHERE = frozenset({"negation", "number", "punctuation"})
"""Categories whose flagged text is the category itself ("не", a number, a quote mark): a rule
for every document would switch the whole check off, so such a rule covers one document."""


def document_key(source_text: str, target_text: str) -> str:
    """The key of a document for rules scoped to it: both of its texts, hashed."""
    payload = f"{source_text}\x1f{target_text}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(payload).hexdigest()[:24]


def may_ignore_everywhere(category: str) -> bool:
    """Whether a rule of a flag of this category may cover every document."""
    return category not in NEVER_EVERYWHERE


def rules_for(rules: set[ScopedRule] | frozenset[ScopedRule], document: str) -> set[Rule]:
    """The rules in force for one document: those for every document and those for it."""
    return {(c, t) for c, t, scope in rules if scope in (EVERYWHERE, document)}


class IgnoreRules:
    """"Ignore this check for this term", everywhere or in one document, kept in a small JSON
    file (schema /2 adds the scope; a /1 file's rules cover every document)."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.file = _JsonFile(Path(path) if path is not None else default_rules_path())

    @property
    def path(self) -> Path:
        return self.file.path

    def load(self) -> set[ScopedRule]:
        data = self.file.read()
        if data is None:
            return set()
        items = data.get("rules", [])
        if not isinstance(items, list):
            self.file.problem = f"{self.path}: \"rules\" is not a list."
            return set()
        rules = set()
        for item in items:
            if isinstance(item, dict) and item.get("check") and item.get("term"):
                scope = item.get("document")
                rules.add((str(item["check"]), normalise_term(str(item["term"])),
                           str(scope) if isinstance(scope, str) else EVERYWHERE))
        return rules

    def add(self, check: str, term: str, scope: str = EVERYWHERE) -> set[ScopedRule]:
        with locked(self.path):
            rules = self.load() | {(check, normalise_term(term), scope)}
            self._save(rules)
        return rules

    def remove(self, check: str, term: str, scope: str = EVERYWHERE) -> set[ScopedRule]:
        with locked(self.path):
            rules = self.load() - {(check, normalise_term(term), scope)}
            self._save(rules)
        return rules

    def notice(self) -> str:
        return self.file.notice()

    def _save(self, rules: set[ScopedRule]) -> None:
        self.file.write({
            "schema": "compare.ignored/2",
            "rules": [{"check": c, "term": t, **({"document": d} if d else {})}
                      for c, t, d in sorted(rules)],
        })
