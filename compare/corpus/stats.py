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
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from compare.errors import InputError
from compare.flags import CATEGORIES, SEVERITIES

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
    """The flag-rate metrics, in table order."""
    return (["total", "critical+major"] + [f"severity:{s}" for s in SEVERITIES]
            + [f"category:{c}" for c in CATEGORIES])  # fmt: skip


def load_documents(db_path: str | os.PathLike[str]) -> list[DocFigures]:
    """Read the successfully checked documents of a results database."""
    if not os.path.isfile(db_path):
        raise InputError(f"Results database not found: {db_path}.")
    db = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        # Databases written before the meaning model have no qe columns: read them as empty.
        columns = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
        qe_cols = "qe_mean, qe_pairs" if {"qe_mean", "qe_pairs"} <= columns else "NULL, NULL"
        docs = db.execute(
            "SELECT id, outlet, date, tags, source_lang, source_sentences, target_sentences, "
            f"omitted_sentences, added_sentences, similarity_sum, similarity_n, {qe_cols} "
            "FROM documents WHERE status = 'ok' ORDER BY id"
        ).fetchall()
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for doc_id, category, severity, n in db.execute(
            "SELECT doc_id, category, severity, COUNT(*) FROM flags GROUP BY 1, 2, 3"
        ):
            c = counts[doc_id]
            c["total"] += n
            c[f"severity:{severity}"] += n
            c[f"category:{category}"] += n
            if severity in ("critical", "major"):
                c["critical+major"] += n
        shifts = dict(db.execute(
            "SELECT doc_id, COUNT(DISTINCT pair_idx) FROM flags WHERE check_id = ? GROUP BY 1",
            (MEANING_CHECK,),
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
                              meaning_shifts=int(shifts.get(doc_id, 0))))
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
    members: dict[str, list[DocFigures]] = defaultdict(list)
    for d in docs:
        for g in d.groups[by]:
            members[g].append(d)
    return [_one_group(name, members[name], resamples, seed) for name in sorted(members)]


def _one_group(name: str, docs: list[DocFigures], resamples: int, seed: int) -> GroupStats:
    keys = flag_keys()
    # Each metric is a ratio sum(numerator) / sum(denominator) over documents.
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
    n_arr = np.array([num[k] for k in names], dtype=float)  # (metrics, docs)
    d_arr = np.array([den[k] for k in names], dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(docs), size=(resamples, len(docs)))
    boot_num = n_arr[:, idx].sum(axis=2)  # (metrics, resamples)
    boot_den = d_arr[:, idx].sum(axis=2)
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
        row: list[object] = [s.group, s.documents, s.sentences, s.target_sentences]
        for k in names:
            e = s.metrics[k]
            row += ["" if v is None else f"{v:.6g}" for v in (e.value, e.low, e.high)]
        writer.writerow(row)
    return buf.getvalue()
