"""The corpus manifest: one CSV row per article pair, validated row by row.

Columns: ``id,outlet,date,url,source_lang,source_path,target_path,tags``. Paths are relative
to the manifest's folder and must stay inside it (``../`` or an absolute path elsewhere is
refused unless the caller allows outside paths), so a manifest someone sends cannot make a run
store the text of any file on the machine. A researcher's manifest of hundreds of rows
usually has a few bad ones (a file moved, a typo in a language code); those rows get a clear
one-line error each and every other row still runs, so one mistake never costs a whole run.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from compare import SUPPORTED_SOURCE_LANGS
from compare.errors import InputError

COLUMNS = ("id", "outlet", "date", "url", "source_lang", "source_path", "target_path", "tags")
REQUIRED = ("id", "source_path", "target_path")
SOURCE_LANGS = ("auto", *SUPPORTED_SOURCE_LANGS)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TAG_SPLIT = re.compile(r"[;|]")
MAX_FIELD_CHARS = 131_072
"""Longest field a row may have (the csv module's default limit): longer is a row error."""


@dataclass(frozen=True)
class ManifestRow:
    """One valid pair. Paths are absolute; ``line`` is the CSV line number (header = 1)."""

    id: str
    outlet: str
    date: str
    url: str
    source_lang: str
    source_path: str
    target_path: str
    tags: tuple[str, ...] = ()
    line: int = 0

    @property
    def month(self) -> str:
        """``YYYY-MM`` of the date, or "" when the row has no month."""
        return self.date[:7] if len(self.date) >= 7 else ""


@dataclass(frozen=True)
class RowError:
    """A row that cannot run, with a message a researcher can act on."""

    line: int
    id: str
    message: str
    fields: dict[str, str] = field(default_factory=dict)


def read_manifest(
    path: str | os.PathLike[str], allow_outside_paths: bool = False
) -> tuple[list[ManifestRow], list[RowError]]:
    """Read and validate a manifest; return the good rows and one error per bad row.

    Raises :class:`InputError` only when the file as a whole is unusable (missing, not UTF-8,
    no header or a required column absent): then no row can be trusted. A row with a path
    outside the manifest's folder is an error unless ``allow_outside_paths``.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Manifest not found: {p}.")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"The manifest {p.name} is not UTF-8 text; save it as UTF-8 CSV.") from exc
    # The csv module's own limit would stop the whole file with _csv.Error at one long field:
    # read any length here and make an over-long field that row's error.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    limit = csv.field_size_limit(max(MAX_FIELD_CHARS, len(text) + 1))
    try:
        return _read_rows(p, reader, allow_outside_paths)
    except csv.Error as exc:
        raise InputError(f"The manifest {p.name} is not valid CSV ({exc}).") from exc
    finally:
        csv.field_size_limit(limit)


def _read_rows(
    p: Path, reader: csv.DictReader, allow_outside_paths: bool
) -> tuple[list[ManifestRow], list[RowError]]:
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"The manifest {p.name} lacks the column(s) {', '.join(missing)}; its header must "
            f"be {','.join(COLUMNS)}."
        )
    reader.fieldnames = header
    rows: list[ManifestRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    base = p.resolve().parent
    for number, raw in enumerate(reader, start=2):
        values = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(values.values()):
            continue
        long = [k for k, v in values.items() if len(v) > MAX_FIELD_CHARS]
        if long:
            doc_id = values.get("id", "") if "id" not in long else ""
            where = f"Row {number}" + (f" ({doc_id})" if doc_id else "")
            errors.append(RowError(number, doc_id, f"{where}: the field {long[0]} is "
                                   f"{len(values[long[0]]):,} characters long (at most "
                                   f"{MAX_FIELD_CHARS:,}).", {}))
            continue
        row, message = _validate(values, base, number, seen, allow_outside_paths)
        if row is None:
            errors.append(RowError(number, values.get("id", ""), message, values))
        else:
            seen[row.id] = number
            rows.append(row)
    return rows, errors


def _validate(
    values: dict[str, str], base: Path, line: int, seen: dict[str, int],
    allow_outside_paths: bool = False,
) -> tuple[ManifestRow | None, str]:
    """Check one row; return it, or None and the first problem found."""
    doc_id = values.get("id", "")
    where = f"Row {line}" + (f" ({doc_id})" if doc_id else "")
    if not doc_id:
        return None, f"{where}: the id is empty."
    if doc_id in seen:
        return None, f"{where}: the id {doc_id!r} is already used on row {seen[doc_id]}."
    lang = (values.get("source_lang") or "auto").lower()
    if lang not in SOURCE_LANGS:
        return None, (f"{where}: unknown source language {values['source_lang']!r}; "
                      f"use {', '.join(SOURCE_LANGS)}.")  # fmt: skip
    date = values.get("date", "")
    if date and not _DATE.match(date):
        return None, f"{where}: the date {date!r} is not YYYY-MM-DD, YYYY-MM or YYYY."
    paths = {}
    for column in ("source_path", "target_path"):
        given = values.get(column, "")
        if not given:
            return None, f"{where}: {column} is empty."
        resolved = (base / given).resolve()
        if not allow_outside_paths and not resolved.is_relative_to(base):
            return None, (f"{where}: {column} {given} is outside the manifest's folder {base}; "
                          "move it there or allow outside paths (--allow-outside-paths).")
        if not resolved.is_file():
            return None, f"{where}: {column} {given} does not exist (looked in {resolved.parent})."
        paths[column] = str(resolved)
    tags = tuple(t.strip() for t in _TAG_SPLIT.split(values.get("tags", "")) if t.strip())
    return ManifestRow(
        id=doc_id,
        outlet=values.get("outlet", ""),
        date=date,
        url=values.get("url", ""),
        source_lang=lang,
        source_path=paths["source_path"],
        target_path=paths["target_path"],
        tags=tags,
        line=line,
    ), ""


def write_manifest(path: str | os.PathLike[str], rows: list[dict[str, str]]) -> None:
    """Write rows (dicts keyed by :data:`COLUMNS`; tags may be a list) as a manifest CSV."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        for row in rows:
            out = {c: row.get(c, "") for c in COLUMNS}
            if not isinstance(out["tags"], str):
                out["tags"] = ";".join(out["tags"])
            writer.writerow(out)
