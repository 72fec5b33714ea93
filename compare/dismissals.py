"""What a reviewer told the tool to stop flagging, kept across sessions in ``$COMPARE_HOME``.

- :class:`DismissalStore` remembers single flags dismissed as false positives, keyed by a
  signature of the check and the texts it looked at (as CheckMate does), so that the same flag
  on the same text stays dismissed while any edit of the text brings it back.
- :class:`IgnoreRules` remembers "ignore this check for this term everywhere" (Xbench's ignore
  list): a check id and the flagged text, matched whatever the sentence around it.

Both are small JSON files rewritten atomically (temporary file, then rename). A file that
cannot be parsed (damaged, or saved by an editor in another shape) is never overwritten: it is
set aside under a timestamped name before the first change, and the reviewer is told once.
A UTF-8 byte-order mark (Notepad writes one) is read as the encoding mark it is.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare.aside import aside_path

STORE_NAME = "dismissed.json"
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
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self.problem = f"{self.path} could not be read ({error.strerror or error})."
            return None
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            self.problem = f"{self.path} is not valid JSON ({error})."
            return None
        if not isinstance(data, dict):
            self.problem = f"{self.path} does not hold a JSON object."
            return None
        return data

    def write(self, payload: dict[str, Any]) -> None:
        """Replace the file with ``payload``; an unusable old file is first set aside."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.problem and self.path.exists() and self.set_aside is None:
            aside = aside_path(self.path, "unreadable")
            os.replace(self.path, aside)
            self.set_aside = aside
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.stem}-",
                                   suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(payload, ensure_ascii=False))
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

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
        keys = self.load() | {key}
        self._save(keys)
        return keys

    def restore(self, key: str) -> set[str]:
        keys = self.load() - {key}
        self._save(keys)
        return keys

    def notice(self) -> str:
        return self.file.notice()

    def _save(self, keys: set[str]) -> None:
        self.file.write({"schema": "compare.dismissed/1", "dismissed": sorted(keys)})


Rule = tuple[str, str]
"""An ignore rule: (check id, normalised flagged text)."""


class IgnoreRules:
    """"Ignore this check for this term everywhere", kept in a small JSON file."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.file = _JsonFile(Path(path) if path is not None else default_rules_path())

    @property
    def path(self) -> Path:
        return self.file.path

    def load(self) -> set[Rule]:
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
                rules.add((str(item["check"]), normalise_term(str(item["term"]))))
        return rules

    def add(self, check: str, term: str) -> set[Rule]:
        rules = self.load() | {(check, normalise_term(term))}
        self._save(rules)
        return rules

    def remove(self, check: str, term: str) -> set[Rule]:
        rules = self.load() - {(check, normalise_term(term))}
        self._save(rules)
        return rules

    def notice(self) -> str:
        return self.file.notice()

    def _save(self, rules: set[Rule]) -> None:
        self.file.write({
            "schema": "compare.ignored/1",
            "rules": [{"check": c, "term": t} for c, t in sorted(rules)],
        })
