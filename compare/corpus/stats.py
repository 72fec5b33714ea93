"""Per-group figures of a results database, with bootstrap 95 % confidence intervals.

Groups are outlets, source languages, tags or months. Rates are ratios pooled over a group's
documents (flags per 100 source sentences, share of source sentences omitted, share of English
sentences added, mean similarity of aligned pairs), and their intervals come from resampling
whole documents: sentences of one article are not independent (one careless translator, one
topic), so resampling sentences would give intervals that are too narrow. The bootstrap is
seeded, so the same database always gives the same table.

When the meaning model ran, two more figures come along: its mean score over the scored pairs
(``qe_score``) and meaning-shift flags per 100 source sentences (``meaning_shift``), both
pooled over only the documents the model scored, so a database mixing runs with and without
it is not diluted by the documents it never saw.

Only the documents of the manifest last run into the file count: a row removed from the
manifest stays in the database but drops out of the figures (:func:`stale_documents` says how
many). The bootstrap draws resamples in small blocks and sums through per-document counts, so
memory stays at a few megabytes however many documents and resamples there are.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from compare.errors import InputError
from compare.flags import CATEGORIES, NOT_ERRORS, SEVERITIES
from compare.report import csv_safe

GROUP_BY = ("outlet", "source_lang", "tag", "month")
NONE_GROUP = "(none)"
DEFAULT_RESAMPLES = 2000


@dataclass
class DocFigures:
    """The counts of one checked document that the statistics need."""

    id: str
    groups: dict[str, list[str]]
    source_sentences: int
    target_sentences: int
    omitted: int
    added: int
    similarity_sum: float
    similarity_n: int
    flags: dict[str, int] = field(default_factory=dict)
    """Flag counts keyed ``total``, ``critical+major``, ``severity:X`` and ``category:X``."""
    qe_sum: float = 0.0
    """Sum of the meaning model's pair scores (0 pairs: the model did not run)."""
    qe_n: int = 0
    meaning_shifts: int = 0
    """Pairs with a meaning-shift flag."""
    source_key: str = ""
    """Which source article the document translates (its source file), so that two groups'
    translations of one article are compared pair by pair; "" when unknown."""


@dataclass
class Estimate:
    """A point estimate with its bootstrap 95 % interval (None when it is undefined)."""

    value: float | None
    low: float | None
    high: float | None


@dataclass
class GroupStats:
    group: str
    documents: int
    sentences: int
    target_sentences: int
    metrics: dict[str, Estimate]


QE_KEYS = ("qe_score", "meaning_shift")
"""The meaning-model metrics (values None where the model never ran)."""
MEANING_CHECK = "meaning-shift"


def flag_keys() -> list[str]:
    """The flag-rate metrics, in table order: all flags and critical+major, by severity, and
    by category twice (``category:X`` every flag, ``serious:X`` critical and major only)."""
    return (["total", "critical+major"] + [f"severity:{s}" for s in SEVERITIES]
            + [f"category:{c}" for c in CATEGORIES]
            + [f"serious:{c}" for c in CATEGORIES])  # fmt: skip


MIN_DOCUMENTS = 10
"""Fewer documents than this in a group and its interval (resampling documents) is too rough
to read: the table says so. A percentile bootstrap over a handful of documents can only draw
a handful of distinct totals, so its interval is narrow where it should be wide."""


def small_groups(stats: list[GroupStats]) -> list[GroupStats]:
    """The groups with fewer than :data:`MIN_DOCUMENTS` documents."""
    return [s for s in stats if s.documents < MIN_DOCUMENTS]


def small_sample_note(stats: list[GroupStats]) -> str:
    """One line naming the groups too small for their intervals to mean much ("" if none)."""
    small = small_groups(stats)
    if not small:
        return ""
    named = ", ".join(f"{s.group} ({s.documents})" for s in small)
    return (f"Too few documents for the intervals to mean much (under {MIN_DOCUMENTS}): "
            f"{named}.")


def _open(db_path: str | os.PathLike[str]) -> sqlite3.Connection:
    """The results database, read-only (also in a read-only folder), or one line why not."""
    from compare.corpus.runner import SQLITE_MAGIC, open_read_only

    if not os.path.isfile(db_path):
        raise InputError(f"Results database not found: {db_path}.")
    try:
        with open(db_path, "rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise InputError(f"Cannot read {db_path}: {exc.strerror or exc}.") from exc
    if magic != SQLITE_MAGIC:
        raise InputError(f"{db_path} is not a corpus results database (not SQLite).")
    try:
        return open_read_only(db_path)
    except sqlite3.Error as exc:
        raise InputError(f"{db_path} cannot be read as a corpus results database ({exc}).") from exc


def _scope(db: sqlite3.Connection) -> str:
    """SQL condition keeping the documents of the manifest last run (all, for files written
    before the runner recorded it)."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "manifest_ids" in tables and db.execute("SELECT 1 FROM manifest_ids LIMIT 1").fetchone():
        return "id IN (SELECT id FROM manifest_ids)"
    return "1"


def stale_documents(db_path: str | os.PathLike[str]) -> int:
    """Stored documents whose id is no longer in the manifest last run (left out of figures)."""
    db = _open(db_path)
    try:
        scope = _scope(db)
        if scope == "1":
            return 0
        return int(db.execute(f"SELECT COUNT(*) FROM documents WHERE NOT ({scope})").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{db_path} is not a corpus results database ({exc}).") from exc
    finally:
        db.close()


def load_documents(db_path: str | os.PathLike[str]) -> list[DocFigures]:
    """Read the successfully checked documents of the manifest last run into a database."""
    db = _open(db_path)
    try:
        # Databases written before the meaning model have no qe columns: read them as empty.
        columns = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
        qe_cols = "qe_mean, qe_pairs" if {"qe_mean", "qe_pairs"} <= columns else "NULL, NULL"
        docs = db.execute(
            "SELECT id, outlet, date, tags, source_lang, source_sentences, target_sentences, "
            f"omitted_sentences, added_sentences, similarity_sum, similarity_n, {qe_cols} "
            f"FROM documents WHERE status = 'ok' AND {_scope(db)} ORDER BY id"
        ).fetchall()
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for doc_id, category, severity, n in db.execute(
            "SELECT doc_id, category, severity, COUNT(*) FROM flags GROUP BY 1, 2, 3"
        ):
            c = counts[doc_id]
            c[f"category:{category}"] += n
            if category in NOT_ERRORS:
                continue  # framing notes are shown per category, never counted as errors
            c["total"] += n
            c[f"severity:{severity}"] += n
            if severity in ("critical", "major"):
                c["critical+major"] += n
                c[f"serious:{category}"] += n
        shifts = dict(db.execute(
            "SELECT doc_id, COUNT(DISTINCT pair_idx) FROM flags WHERE check_id = ? GROUP BY 1",
            (MEANING_CHECK,),
        ).fetchall())
        keys = dict(db.execute(
            f"SELECT id, source_path FROM documents WHERE status = 'ok' AND {_scope(db)}"
        ).fetchall())
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{db_path} is not a corpus results database ({exc}).") from exc
    finally:
        db.close()
    out = []
    for (doc_id, outlet, date, tags, lang, src_n, tgt_n, omitted, added, sim_sum, sim_n,
         qe_mean, qe_pairs) in docs:  # fmt: skip
        tag_list = json.loads(tags or "[]")
        groups = {
            "outlet": [outlet or NONE_GROUP],
            "source_lang": [lang or NONE_GROUP],
            "tag": tag_list or [NONE_GROUP],
            "month": [date[:7] if date and len(date) >= 7 else NONE_GROUP],
        }
        qe_n = int(qe_pairs or 0) if qe_mean is not None else 0
        out.append(DocFigures(doc_id, groups, src_n or 0, tgt_n or 0, omitted or 0, added or 0,
                              sim_sum or 0.0, sim_n or 0, dict(counts.get(doc_id, {})),
                              qe_sum=float(qe_mean) * qe_n if qe_n else 0.0, qe_n=qe_n,
                              meaning_shifts=int(shifts.get(doc_id, 0)),
                              source_key=keys.get(doc_id) or ""))
    return out


def group_stats(
    docs: list[DocFigures],
    by: str = "outlet",
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
) -> list[GroupStats]:
    """Figures per group, sorted by group name; one seeded bootstrap per group."""
    if by not in GROUP_BY:
        raise InputError(f"Cannot group by {by!r}; use one of {', '.join(GROUP_BY)}.")
    if not 1 <= resamples <= 1_000_000:
        raise InputError(f"--resamples must be between 1 and 1,000,000 (got {resamples}).")
    members: dict[str, list[DocFigures]] = defaultdict(list)
    for d in docs:
        for g in d.groups[by]:
            members[g].append(d)
    return [_one_group(name, members[name], resamples, seed) for name in sorted(members)]


def ratio_parts(
    docs: list[DocFigures],
) -> tuple[list[str], np.ndarray, np.ndarray, dict[str, float]]:
    """Every metric as a ratio of sums over documents: its names, the numerators and the
    denominators (metrics x documents), and each metric's scale (100 for rates per 100
    sentences)."""
    keys = flag_keys()
    num = {k: [d.flags.get(k, 0) for d in docs] for k in keys}
    den = {k: [d.source_sentences for d in docs] for k in keys}
    scale = dict.fromkeys(keys, 100.0)
    num["omission_rate"] = [d.omitted for d in docs]
    den["omission_rate"] = [d.source_sentences for d in docs]
    num["addition_rate"] = [d.added for d in docs]
    den["addition_rate"] = [d.target_sentences for d in docs]
    num["similarity"] = [d.similarity_sum for d in docs]
    den["similarity"] = [d.similarity_n for d in docs]
    num["qe_score"] = [d.qe_sum for d in docs]
    den["qe_score"] = [d.qe_n for d in docs]
    num["meaning_shift"] = [d.meaning_shifts for d in docs]
    den["meaning_shift"] = [d.source_sentences if d.qe_n else 0 for d in docs]
    scale.update(omission_rate=1.0, addition_rate=1.0, similarity=1.0, qe_score=1.0,
                 meaning_shift=100.0)
    names = list(num)
    n_arr = np.array([num[k] for k in names], dtype=float).reshape(len(names), len(docs))
    d_arr = np.array([den[k] for k in names], dtype=float).reshape(len(names), len(docs))
    return names, n_arr, d_arr, scale


def _one_group(name: str, docs: list[DocFigures], resamples: int, seed: int) -> GroupStats:
    # Each metric is a ratio sum(numerator) / sum(denominator) over documents.
    names, n_arr, d_arr, scale = ratio_parts(docs)
    boot_num, boot_den = bootstrap_sums(n_arr, d_arr, resamples, seed)
    metrics = {}
    for m, key in enumerate(names):
        total = d_arr[m].sum()
        if total <= 0:
            metrics[key] = Estimate(None, None, None)
            continue
        value = scale[key] * n_arr[m].sum() / total
        ok = boot_den[m] > 0
        ratios = scale[key] * boot_num[m][ok] / boot_den[m][ok]
        low, high = np.percentile(ratios, [2.5, 97.5]) if ratios.size else (value, value)
        metrics[key] = Estimate(float(value), float(low), float(high))
    return GroupStats(name, len(docs), sum(d.source_sentences for d in docs),
                      sum(d.target_sentences for d in docs), metrics)


BOOTSTRAP_BLOCK_CELLS = 1_000_000
"""Resamples x documents drawn at once (8 MB of counts): the bootstrap's memory ceiling."""


def bootstrap_sums(
    numerators: np.ndarray, denominators: np.ndarray, resamples: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Sums of numerators and denominators (metrics x documents) over ``resamples`` seeded
    resamples of the documents, as two (metrics x resamples) arrays.

    Each resample is a vector of how many times each document was drawn, so a block of
    resamples is one matrix product; blocks keep memory flat (never metrics x resamples x
    documents). The draws are those of one ``integers(0, n, (resamples, n))`` call, so the
    figures do not depend on the block size.
    """
    metrics, n = numerators.shape
    rng = np.random.default_rng(seed)
    boot_num = np.empty((metrics, resamples))
    boot_den = np.empty((metrics, resamples))
    block = max(1, BOOTSTRAP_BLOCK_CELLS // max(1, n))
    for first in range(0, resamples, block):
        rows = min(block, resamples - first)
        drawn = rng.integers(0, n, size=(rows, n))
        offsets = (np.arange(rows) * n)[:, None]
        counts = np.bincount((drawn + offsets).ravel(), minlength=rows * n).reshape(rows, n)
        boot_num[:, first:first + rows] = numerators @ counts.T
        boot_den[:, first:first + rows] = denominators @ counts.T
    return boot_num, boot_den


def _fmt(e: Estimate, digits: int = 2, percent: bool = False) -> str:
    if e.value is None:
        return "-"
    f = 100.0 if percent else 1.0
    return f"{e.value * f:.{digits}f} [{e.low * f:.{digits}f}, {e.high * f:.{digits}f}]"


def format_table(stats: list[GroupStats], by: str) -> str:
    """A plain-text table for the terminal: the headline figures with their 95 % intervals."""
    with_qe = has_qe(stats)
    header = [by, "docs", "sentences", "flags/100", "crit+major/100", "omitted %", "added %",
              "similarity"] + (["meaning", "shifts/100"] if with_qe else [])
    rows = [[s.group, str(s.documents), str(s.sentences), _fmt(s.metrics["total"], 1),
             _fmt(s.metrics["critical+major"], 1), _fmt(s.metrics["omission_rate"], 1, True),
             _fmt(s.metrics["addition_rate"], 1, True), _fmt(s.metrics["similarity"], 3)]
            + ([_fmt(s.metrics["qe_score"], 3), _fmt(s.metrics["meaning_shift"], 1)]
               if with_qe else [])
            for s in stats]  # fmt: skip
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *rows]]  # fmt: skip
    lines.append("Rates per 100 source sentences; omitted % of source sentences, added % of "
                 "English sentences; [95 % bootstrap interval, resampling documents].")
    if with_qe:
        lines.append("meaning: mean meaning-model score of the scored pairs (0-1); shifts/100: "
                     "pairs it flagged per 100 source sentences (documents it scored only).")
    if note := small_sample_note(stats):
        lines.append(note)
    return "\n".join(lines)


def category_rows(stats: list[GroupStats]) -> list[dict[str, Any]]:
    """Every category's flag rate per group, long format (one row per category and group):
    all flags and critical+major, per 100 source sentences, each with its 95 % interval.
    Categories no group has a flag of are left out."""
    rows = []
    for category in CATEGORIES:
        if not any((s.metrics[f"category:{category}"].value or 0) > 0 for s in stats):
            continue
        for s in stats:
            rows.append({"category": category, "group": s.group, "documents": s.documents,
                         "all": s.metrics[f"category:{category}"],
                         "serious": s.metrics[f"serious:{category}"]})
    return rows


def format_categories(stats: list[GroupStats], by: str) -> str:
    """The per-category table for the terminal: how each group's flags divide into
    categories (omissions, numbers, names, negation, additions, punctuation ...)."""
    rows = category_rows(stats)
    if not rows:
        return "No flags in any category."
    header = ["category", by, "docs", "flags/100", "crit+major/100"]
    cells = [[r["category"], r["group"], str(r["documents"]), _fmt(r["all"], 2),
              _fmt(r["serious"], 2)] for r in rows]  # fmt: skip
    widths = [max(len(r[i]) for r in [header, *cells]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *cells]]  # fmt: skip
    lines.append("Per category: flags per 100 source sentences [95 % bootstrap interval, "
                 "resampling documents].")
    return "\n".join(lines)


def has_qe(stats: list[GroupStats]) -> bool:
    """Whether the meaning model scored any document of these groups."""
    return any(s.metrics.get("qe_score", Estimate(None, None, None)).value is not None
               for s in stats)


def to_csv(stats: list[GroupStats], by: str) -> str:
    """Every metric with its interval, one row per group (``_low``/``_high`` columns)."""
    names = list(stats[0].metrics) if stats else flag_keys()
    buf = io.StringIO()
    writer = csv.writer(buf)
    header = [by, "documents", "sentences", "target_sentences"]
    for k in names:
        col = k.replace(":", "_").replace("+", "_")
        if k in flag_keys():
            col = f"flags_per_100_{col}"
        elif k == "meaning_shift":
            col = "meaning_shift_per_100"
        header += [col, f"{col}_low", f"{col}_high"]
    writer.writerow(header)
    for s in stats:
        # The group is the manifest's text (an outlet, a tag): never a formula in a spreadsheet.
        row: list[object] = [csv_safe(s.group), s.documents, s.sentences, s.target_sentences]
        for k in names:
            e = s.metrics[k]
            row += ["" if v is None else f"{v:.6g}" for v in (e.value, e.low, e.high)]
        writer.writerow(row)
    return buf.getvalue()
