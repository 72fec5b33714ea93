"""What the app's Corpus page shows, computed here so the page stays a thin shell.

Tables are lists of plain dicts (Streamlit renders them as they are), charts are Altair
specifications built from those dicts, and an uploaded manifest is made runnable by pointing
its relative paths at a folder the user names. Nothing here runs a check: the runner and the
statistics module do that; this module only reshapes their results for display.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from pathlib import Path
from typing import Any

from compare.corpus.comparisons import Difference
from compare.corpus.manifest import read_manifest
from compare.corpus.runner import RunSettings
from compare.corpus.stats import (
    DocFigures,
    Estimate,
    GroupStats,
    category_rows,
    has_qe,
    load_documents,
)
from compare.errors import InputError
from compare.flags import CATEGORIES
from compare.report import csv_safe

HEADLINE = "critical+major"
"""The metric of the bar chart and the per-document distribution."""
CHART_METRICS = {
    HEADLINE: "critical+major flags per 100 sentences",
    "meaning_shift": "meaning shifts per 100 sentences",
    "qe_score": "mean meaning score (0-1)",
}
"""Metrics the bar chart can show, with their axis titles (the last two need the meaning
model's figures)."""
MAX_APP_DOCUMENTS = 50
"""Manifests run from the page are capped: larger ones belong to the command line."""


def open_results(path: str) -> list[DocFigures]:
    """The checked documents of a results database named in the page's path box.

    Every way the path can be wrong (empty, missing, a folder, not SQLite, SQLite without the
    results tables) becomes an :class:`InputError` with a one-line message, never a traceback.
    """
    path = path.strip()
    if not path:
        raise InputError("Give the path of a results database (.sqlite) made by corpus run.")
    if os.path.isdir(path):
        raise InputError(f"{path} is a folder; give the path of a results .sqlite file.")
    return load_documents(path)


def _value(e: Estimate, scale: float = 1.0, digits: int = 2) -> float | None:
    return None if e.value is None else round(e.value * scale, digits)


def _interval(e: Estimate, scale: float = 1.0, digits: int = 2) -> str:
    if e.low is None or e.high is None:
        return ""
    return f"{e.low * scale:.{digits}f} – {e.high * scale:.{digits}f}"


def stats_records(stats: list[GroupStats], by: str) -> list[dict[str, Any]]:
    """One row per group with the headline figures and their 95 % intervals, for a table."""
    rows = []
    for s in stats:
        m = s.metrics
        rows.append({
            by: s.group,
            "documents": s.documents,
            "sentences": s.sentences,
            "critical+major /100": _value(m[HEADLINE]),
            "critical+major 95% CI": _interval(m[HEADLINE]),
            "flags /100": _value(m["total"]),
            "flags 95% CI": _interval(m["total"]),
            "omitted %": _value(m["omission_rate"], 100.0, 1),
            "added %": _value(m["addition_rate"], 100.0, 1),
            "similarity": _value(m["similarity"], 1.0, 3),
        })
        if has_qe(stats):
            rows[-1].update({
                "meaning score": _value(m["qe_score"], 1.0, 3),
                "meaning 95% CI": _interval(m["qe_score"], 1.0, 3),
                "meaning shifts /100": _value(m["meaning_shift"]),
                "shifts 95% CI": _interval(m["meaning_shift"]),
            })
    return rows


def chart_metrics(stats: list[GroupStats]) -> dict[str, str]:
    """The metrics the bar chart can show for these groups, with their titles."""
    if has_qe(stats):
        return dict(CHART_METRICS)
    return {HEADLINE: CHART_METRICS[HEADLINE]}


def chart_records(stats: list[GroupStats], metric: str = HEADLINE) -> list[dict[str, Any]]:
    """Point estimate and interval of one metric per group; groups without one are left out."""
    return [
        {"group": s.group, "value": e.value, "low": e.low, "high": e.high,
         "documents": s.documents}
        for s in stats
        if (e := s.metrics[metric]).value is not None
    ]


def document_records(
    docs: list[DocFigures], by: str, group: str | None = None
) -> list[dict[str, Any]]:
    """Per-document figures, optionally only the documents of one group (the drill-down).

    The rate is per 100 source sentences, like the group figures, so a document can be read
    against its group's bar; documents with no source sentence have no rate (None).
    """
    out = []
    with_qe = any(d.qe_n for d in docs)
    for d in docs:
        if group is not None and group not in d.groups.get(by, []):
            continue
        n = d.source_sentences
        crit = d.flags.get(HEADLINE, 0)
        out.append({
            "id": d.id,
            by: ", ".join(d.groups.get(by, [])),
            "sentences": n,
            "flags": d.flags.get("total", 0),
            "critical+major": crit,
            "critical+major /100": round(100.0 * crit / n, 2) if n else None,
            "omitted": d.omitted,
            "added": d.added,
        })
        if with_qe:
            out[-1].update({
                "meaning score": round(d.qe_sum / d.qe_n, 3) if d.qe_n else None,
                "meaning shifts": d.meaning_shifts if d.qe_n else None,
            })
    return out


def bar_chart(records: list[dict[str, Any]], by: str, title: str = CHART_METRICS[HEADLINE]) -> Any:
    """Bars of one metric per group (default: critical+major flags per 100 sentences), with
    95 % CI error bars."""
    import altair as alt

    base = alt.Chart(alt.Data(values=records)).encode(
        x=alt.X("group:N", title=by, sort=None, axis=alt.Axis(labelAngle=-30, labelLimit=160))
    )
    bars = base.mark_bar().encode(
        y=alt.Y("value:Q", title=title),
        tooltip=[alt.Tooltip("group:N", title=by), alt.Tooltip("value:Q", format=".2f"),
                 alt.Tooltip("low:Q", format=".2f"), alt.Tooltip("high:Q", format=".2f"),
                 "documents:Q"],
    )
    errors = base.mark_errorbar(ticks=True, color="black").encode(
        y=alt.Y("low:Q", title=""), y2="high:Q"
    )
    return (bars + errors).properties(height=320)


def histogram(records: list[dict[str, Any]], by: str = "outlet") -> Any:
    """Distribution of per-document critical+major flag rates (documents with a rate), one
    row of bars per group so the groups' spreads are not mixed."""
    import altair as alt

    values = [{"rate": r["critical+major /100"], "group": r.get(by, "")}
              for r in records if r["critical+major /100"] is not None]  # fmt: skip
    return alt.Chart(alt.Data(values=values)).mark_bar().encode(
        x=alt.X("rate:Q", bin=alt.Bin(maxbins=20),
                title="critical+major flags per 100 sentences, per document"),
        y=alt.Y("count():Q", title="documents"),
        color=alt.Color("group:N", legend=None),
        row=alt.Row("group:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
    ).properties(height=60)


def category_records(stats: list[GroupStats], by: str) -> list[dict[str, Any]]:
    """The per-category table: each category's rate per group (all flags and critical+major,
    per 100 source sentences) with 95 % intervals, long format."""
    return [{
        "category": r["category"],
        by: r["group"],
        "documents": r["documents"],
        "flags /100": _value(r["all"]),
        "flags 95% CI": _interval(r["all"]),
        "critical+major /100": _value(r["serious"]),
        "critical+major 95% CI": _interval(r["serious"]),
    } for r in category_rows(stats)]


def category_csv(stats: list[GroupStats], by: str) -> str:
    """The per-category table as CSV (intervals as two columns), for the page's download."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["category", by, "documents", "flags_per_100", "flags_low", "flags_high",
                     "critical_major_per_100", "critical_major_low", "critical_major_high"])
    for r in category_rows(stats):
        writer.writerow([r["category"], csv_safe(r["group"]), r["documents"],
                         *("" if v is None else f"{v:.6g}" for e in (r["all"], r["serious"])
                           for v in (e.value, e.low, e.high))])
    return buf.getvalue()


def category_chart(stats: list[GroupStats], by: str, serious: bool = False) -> Any:
    """One small bar chart per category (groups side by side, 95 % intervals as error bars),
    so the "how" of each group's flags reads at a glance."""
    import altair as alt

    values = [{"category": r["category"], "group": r["group"], "value": e.value,
               "low": e.low, "high": e.high, "documents": r["documents"]}
              for r in category_rows(stats)
              if (e := r["serious" if serious else "all"]).value is not None]  # fmt: skip
    title = "critical+major flags per 100 sentences" if serious else "flags per 100 sentences"
    base = alt.Chart().encode(x=alt.X("group:N", title=by, sort=None,
                                      axis=alt.Axis(labelAngle=-30, labelLimit=140)))
    bars = base.mark_bar().encode(
        y=alt.Y("value:Q", title=title),
        color=alt.Color("group:N", legend=None),
        tooltip=[alt.Tooltip("category:N"), alt.Tooltip("group:N", title=by),
                 alt.Tooltip("value:Q", format=".2f"), alt.Tooltip("low:Q", format=".2f"),
                 alt.Tooltip("high:Q", format=".2f"), "documents:Q"],
    )
    errors = base.mark_errorbar(ticks=True, color="black").encode(
        y=alt.Y("low:Q", title=title), y2="high:Q")
    return alt.layer(bars, errors, data=alt.Data(values=values)).properties(
        width=180, height=150
    ).facet(facet=alt.Facet("category:N", title=None, sort=list(CATEGORIES)), columns=3
            ).resolve_scale(y="independent")


def comparison_metrics(stats: list[GroupStats]) -> dict[str, str]:
    """The metrics the page offers to compare groups on, with their labels: the headline, the
    meaning model's figures when it ran, and each category that has a flag."""
    options = {HEADLINE: "critical+major flags per 100 sentences"}
    if has_qe(stats):
        options["meaning_shift"] = CHART_METRICS["meaning_shift"]
        options["qe_score"] = CHART_METRICS["qe_score"]
    for category in dict.fromkeys(r["category"] for r in category_rows(stats)):
        options[f"category:{category}"] = f"{category} flags per 100 sentences"
        options[f"serious:{category}"] = f"critical+major {category} flags per 100 sentences"
    return options


def difference_records(differences: list[Difference]) -> list[dict[str, Any]]:
    """One row per pair of groups: both rates, the difference with its interval, the ratio,
    the permutation p-value before and after Holm's correction, and how they were compared."""
    return [{
        "A": d.group_a,
        "B": d.group_b,
        "A rate": None if d.value_a is None else round(d.value_a, 3),
        "B rate": None if d.value_b is None else round(d.value_b, 3),
        "A - B": _value(d.difference, 1.0, 3),
        "A - B 95% CI": _interval(d.difference, 1.0, 3),
        "A / B": None if d.ratio is None else round(d.ratio, 2),
        "p": None if d.p_value is None else round(d.p_value, 4),
        "p (Holm)": None if d.p_holm is None else round(d.p_holm, 4),
        "test": "paired" if d.paired else "independent",
        "note": d.note,
    } for d in differences]


def localise_manifest(data: bytes, base: str, dest: str | os.PathLike[str]) -> Path:
    """Write an uploaded manifest to ``dest`` with its relative paths resolved against ``base``.

    An upload has no folder of its own, so the user names the folder its paths are relative
    to; absolute paths are kept. The rewritten manifest is validated as usual, and one larger
    than :data:`MAX_APP_DOCUMENTS` rows is refused (the command line handles big corpora).
    """
    folder = Path(base.strip()).expanduser()
    if not base.strip() or not folder.is_dir():
        raise InputError("Give the folder that the manifest's file paths are relative to.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("The manifest is not UTF-8 text; save it as UTF-8 CSV.") from exc
    reader = csv.DictReader(io.StringIO(text))
    fields = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = fields
    if "source_path" not in fields or "target_path" not in fields:
        raise InputError("The manifest needs source_path and target_path columns.")
    rows = list(reader)
    if len(rows) > MAX_APP_DOCUMENTS:
        raise InputError(f"The manifest has {len(rows)} rows; the page runs at most "
                         f"{MAX_APP_DOCUMENTS}. Use: python -m compare corpus run.")
    for row in rows:
        for key in ("source_path", "target_path"):
            value = (row.get(key) or "").strip()
            if value and not Path(value).is_absolute():
                row[key] = str((folder / value).resolve())
    out = Path(dest)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return out


def parquet_zip(path: str | os.PathLike[str]) -> bytes:
    """Every table of a results database and its group figures as Parquet files in one .zip
    (what ``corpus export --parquet`` writes), for the page's download."""
    import tempfile
    import zipfile

    from compare.corpus.parquet_export import export_parquet

    with tempfile.TemporaryDirectory() as tmp:
        export_parquet(path, tmp)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as archive:
            for file in sorted(Path(tmp).glob("*.parquet")):
                archive.write(file, file.name)
        return buf.getvalue()


def run_settings() -> RunSettings:
    """How the page checks an uploaded manifest: the command line's defaults, one process
    (small manifests only), and the shared embedding cache so a re-run costs little."""
    return RunSettings()


def manifest_size(path: str | os.PathLike[str]) -> int:
    """How many rows of a manifest will be checked (valid rows; for the progress bar)."""
    rows, _ = read_manifest(path)
    return len(rows)


def failed_documents(path: str | os.PathLike[str]) -> list[dict[str, str]]:
    """Documents the run could not check, with the reason, so none silently drops out of the
    figures. Call only on a file :func:`open_results` accepted."""
    db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT id, error FROM documents WHERE status != 'ok' ORDER BY id"
        ).fetchall()
    finally:
        db.close()
    return [{"id": doc_id, "error": error or ""} for doc_id, error in rows]
