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
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from compare import SUPPORTED_SOURCE_LANGS
from compare.errors import InputError

COLUMNS = ("id", "outlet", "date", "url", "source_lang", "source_path", "target_path", "tags")
REQUIRED = ("id", "source_path", "target_path")
SOURCE_LANGS = ("auto", *SUPPORTED_SOURCE_LANGS)
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z", re.ASCII)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
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

    Every line is one row: no manifest field holds a line break, so a quote left open on one
    line is that row's error and the next line is read as the next row (the csv module would
    read every later row into the open field).
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
    limit = csv.field_size_limit(max(MAX_FIELD_CHARS, len(text) + 1))
    try:
        return _read_rows(p, _LINE_BREAK.split(text), allow_outside_paths)
    finally:
        csv.field_size_limit(limit)


def _split(line: str) -> tuple[list[str], str]:
    """The fields of one line, and what is wrong with it ("" when nothing)."""
    try:
        records = list(csv.reader([line + "\n"]))
    except csv.Error as exc:
        return [], f"the line is not valid CSV ({exc})"
    fields = records[0] if records else []
    if any("\n" in f for f in fields):  # the field was still open at the end of the line
        return [f.rstrip("\n") for f in fields], (
            "a quote opened on this line is never closed (a manifest field cannot span lines; "
            "the lines after it are read as rows of their own)")
    return fields, ""


def _read_rows(
    p: Path, lines: list[str], allow_outside_paths: bool
) -> tuple[list[ManifestRow], list[RowError]]:
    fields, problem = _split(lines[0]) if lines else ([], "")
    header = [h.strip() for h in fields]
    if problem:
        raise InputError(f"The header of the manifest {p.name}: {problem}.")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"The manifest {p.name} lacks the column(s) {', '.join(missing)}; its header must "
            f"be {','.join(COLUMNS)}."
        )
    rows: list[ManifestRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    base = p.resolve().parent
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields, problem = _split(line)
        values = {h: (fields[i] if i < len(fields) else "").strip() for i, h in enumerate(header)}
        if not any(values.values()) and not problem:
            continue
        doc_id = values.get("id", "") if not problem or "id" in header[: len(fields) - 1] else ""
        where = f"Row {number}" + (f" ({doc_id})" if doc_id else "")
        if not problem and len(fields) > len(header):
            problem = (f"the line has {len(fields)} fields where the header has {len(header)} "
                       "(a field holding a comma must be in double quotes)")
        long = [k for k, v in values.items() if len(v) > MAX_FIELD_CHARS]
        if not problem and long:
            doc_id = doc_id if "id" not in long else ""
            where = f"Row {number}" + (f" ({doc_id})" if doc_id else "")
            problem = (f"the field {long[0]} is {len(values[long[0]]):,} characters long (at "
                       f"most {MAX_FIELD_CHARS:,})")
        if problem:
            errors.append(RowError(number, doc_id, f"{where}: {problem}.", {}))
            continue
        row, message = _validate(values, base, number, seen, allow_outside_paths)
        if row is None:
            errors.append(RowError(number, values.get("id", ""), message, values))
        else:
            seen[row.id] = number
            rows.append(row)
    return rows, errors


def _date_problem(date: str) -> str:
    """Why ``date`` is no manifest date ("" when it is one)."""
    if not _DATE.match(date):
        return "is not YYYY-MM-DD, YYYY-MM or YYYY"
    try:
        if len(date) == 10:
            dt.date.fromisoformat(date)
        else:
            dt.date(int(date[:4]), int(date[5:7] or 1), 1)
    except ValueError:
        return "is not a date of the calendar (months 01-12, days up to the month's last)"
    return ""


def _shown(given: str) -> str:
    """A path as a message shows it: NUL bytes visible, at most 80 characters."""
    given = given.replace("\x00", "\\x00")
    return given if len(given) <= 80 else given[:77] + "..."


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
    problem = _date_problem(date) if date else ""
    if problem:
        return None, f"{where}: the date {date!r} {problem}."
    paths = {}
    for column in ("source_path", "target_path"):
        given = values.get(column, "")
        if not given:
            return None, f"{where}: {column} is empty."
        try:
            resolved = (base / given).resolve()
            outside = not allow_outside_paths and not resolved.is_relative_to(base)
            exists = outside or resolved.is_file()
        except (OSError, ValueError) as exc:  # a NUL byte; a name over the system's limit
            reason = ("it holds a NUL byte" if "\x00" in given
                      else getattr(exc, "strerror", None) or str(exc))
            return None, f"{where}: {column} {_shown(given)} cannot name a file ({reason})."
        if outside:
            return None, (f"{where}: {column} {given} is outside the manifest's folder {base}; "
                          "move it there or allow outside paths (--allow-outside-paths).")
        if not exists:
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
