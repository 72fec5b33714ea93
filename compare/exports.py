"""Exports of a report for people and for translation tools.

- :func:`to_html`: a self-contained HTML page (inline CSS, no scripts, no external files) with
  the side-by-side view and every flag highlighted, readable offline and printable. Every
  piece of user text goes through :func:`html.escape`: an article may well contain ``<script>``.
  When the meaning model ran, each row shows its score and the words it doubts are marked.
  Each row shows its risk (how likely it holds a major meaning error, see compare.risk) under
  its number, and a "Read these first" list links to the riskiest rows.
- :func:`to_tmx`: TMX 1.4 of the aligned pairs, for memoQ, Trados or OmegaT translation memories
  (the meaning model's score as a ``prop``).
- :func:`to_xliff`: XLIFF 1.2 with one trans-unit per pair and the flags as notes, so a CAT tool
  shows the reviewer's findings next to each segment (the meaning model's score as a note).

Flags a reviewer dismissed (one by one or by an ignore rule) stay in every export, marked as
dismissed, and are counted apart in the summary: a report records what was set aside.

TMX and XLIFF are built with :mod:`xml.etree.ElementTree`, never by string concatenation, so
that escaping is the XML library's job; characters XML 1.0 forbids (stray control characters
in a pasted text) are replaced by U+FFFD rather than making the file unreadable.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import PurePosixPath

from compare import __version__
from compare.flags import CATEGORIES, SEVERITIES, Flag
from compare.report import Report
from compare.review import (
    MEANING_CHECK,
    Highlight,
    ReadFirst,
    Row,
    build_rows,
    mark_dismissed,
    read_first,
    segments,
)

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# XLIFF 1.2 note priority: 1 is the most important.
_PRIORITY = {"critical": "1", "major": "3", "minor": "5"}
_DISMISSED_PRIORITY = "10"
LANGUAGE_NAMES = {"ru": "Russian", "kk": "Kazakh", "en": "English"}
QE_PROP = "x-compare-qe-score"
"""TMX ``prop`` type of the meaning model's 0-1 score of a pair."""
QE_NOTE_FROM = "compare:qe"
"""XLIFF ``note/@from`` of the note carrying the meaning model's score."""
SEVERITY_COLOURS = {"critical": "#f8b4b4", "major": "#fcd9a8", "minor": "#fff3a3"}
"""Background colour of a highlighted span, by severity (shared with the app's view)."""


def _xml_text(text: str) -> str:
    return _XML_BAD.sub("\ufffd", text)


def _lang(code: str | None) -> str:
    return code or "und"


# --------------------------------------------------------------------------- HTML
def search_pattern(query: str) -> re.Pattern[str] | None:
    """The reviewer's search as a pattern: case-insensitive, any run of spaces for a space (as
    :func:`compare.review.search_rows` matches); None for an empty search."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def _escaped(piece: str, search: re.Pattern[str] | None) -> str:
    """Escaped text with the search's matches in ``<span class="hit">``."""
    if search is None:
        return html.escape(piece)
    out, last = [], 0
    for m in search.finditer(piece):
        out.append(html.escape(piece[last:m.start()]))
        out.append(f'<span class="hit">{html.escape(m.group())}</span>')
        last = m.end()
    out.append(html.escape(piece[last:]))
    return "".join(out)


def highlight_html(text: str, highlights: list[Highlight],
                   search: re.Pattern[str] | None = None) -> str:
    """A row's text as HTML with each flag's span in a coloured ``<mark>``; all text escaped.

    An empty span (a mark that is missing at a place) is drawn as a small caret; matches of the
    reviewer's ``search`` are outlined (a match across a flag's edge is outlined in two parts).
    """
    out = []
    for piece, lights in segments(text, highlights):
        if not lights:
            out.append(_escaped(piece, search))
            continue
        worst = lights[0].severity
        title = html.escape("\n".join(f"{h.severity}: {h.message}" for h in lights), quote=True)
        checks = html.escape(" ".join(h.check for h in lights), quote=True)
        body = _escaped(piece, search) if piece else "&#8248;"
        out.append(f'<mark class="sev-{worst}" title="{title}" data-check="{checks}">{body}</mark>')
    return "".join(out)


_PAGE_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5rem;color:#222}
h1{font-size:1.4rem}.summary td,.summary th{border:none;padding:.1rem .6rem;text-align:left}
"""
_TABLE_CSS = """
table.pairs{border-collapse:collapse;width:100%}
table.pairs th,table.pairs td{border-bottom:1px solid #ddd;padding:.4rem .5rem;
vertical-align:top;text-align:left}
table.pairs th{font-weight:600}table.pairs td.n{color:#888;width:2.5rem}
table.pairs td.flags{font-size:.9em;width:28%}
table.pairs tr.omission td,table.pairs tr.addition td{background:rgba(200,200,255,.12)}
mark.sev-critical,mark.sev-major,mark.sev-minor{border-radius:3px;padding:0 1px;color:#222}
.sev-critical{background:#f8b4b4}.sev-major{background:#fcd9a8}.sev-minor{background:#fff3a3}
table.pairs .empty{color:#999;font-style:italic}
table.pairs .hit{outline:2px solid #3b6fd4;border-radius:2px}
table.pairs .dismissed{color:#888;text-decoration:line-through}
table.pairs .dismissed .badge{background:#eee;text-decoration:none}
table.pairs td.mt{color:#555;font-size:.92em}table.pairs .back{color:#888}
table.pairs .badge{display:inline-block;border-radius:3px;padding:0 .3rem;margin-right:.3rem;
font-size:.8em;color:#222}
table.pairs td.qe{width:5.5rem;white-space:nowrap}
table.pairs .qe-score{display:inline-block;border-radius:3px;padding:0 .3rem;font-size:.85em;
background:#e3efe3;color:#222}table.pairs .qe-score.low{background:#fcd9a8}
table.pairs td.n .risk{display:block;font-size:.8em;color:#888}
"""
_READ_FIRST_CSS = """
.read-first ol{padding-left:1.6rem}.read-first li{margin:.15rem 0}
.read-first .risk{display:inline-block;min-width:2.6rem;font-weight:600}
.read-first .opening{color:#444}.read-first .badge{border-radius:3px;padding:0 .3rem;
margin:0 .3rem;font-size:.8em;color:#222}.read-first .none{color:#888}
"""


def to_html(
    report: Report, dismissed: set[str] | frozenset[str] = frozenset(), title: str = "",
    rules: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
    document: str = "",
) -> str:
    """The side-by-side review as one offline HTML page (dismissed flags listed, marked), headed
    by the document's name (``document``) and the time it was exported."""
    from datetime import UTC, datetime

    report = mark_dismissed(report, dismissed, rules)
    rows = build_rows(report)
    e = html.escape
    src_lang = LANGUAGE_NAMES.get(report.source.lang, report.source.lang) if report.source else (
        "none given"
    )
    heading = title or ("Translation check: " + document if document else "Translation check")
    exported = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>{e(heading)}</title>',
        f"<style>{_PAGE_CSS}{_TABLE_CSS}{_READ_FIRST_CSS}</style></head><body>",
        f"<h1>{e(heading)}</h1>",
        f"<p>Source language: {e(src_lang)}. English sentences: "
        f"{len(report.target.sentences)}. Pairs: {len(report.pairs)}. Exported {exported}.</p>",
        _summary_html(report),
    ]
    if any(p.risk is not None for p in report.pairs):  # none: a report made before risk
        parts.append(read_first_html(read_first(report, rows)))
    parts += [f"<p>{e(n)}</p>" for n in report.notices]
    parts.append(rows_table_html(rows, with_source=report.source is not None))
    parts.append(f'<p style="overflow-wrap:anywhere"><small>Made by compare {e(__version__)}; '
                 f"signature {e(str(report.signature))}.</small></p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _summary_html(report: Report) -> str:
    counts = report.counts()
    sev = ", ".join(f"{counts['severity'].get(s, 0)} {s}" for s in SEVERITIES)
    cat = ", ".join(
        f"{c} {counts['category'][c]}" for c in CATEGORIES if c in counts["category"]
    ) or "none"
    meaning = qe_summary(report)
    qe_row = (f'<tr><th>Meaning model</th><td class="qe-doc">{html.escape(meaning)}</td></tr>'
              if meaning else "")
    gone = len(report.dismissed_flags())
    return (
        f'<table class="summary"><tr><th>Flags by severity</th><td>{html.escape(sev)}</td></tr>'
        f"<tr><th>Flags by category</th><td>{html.escape(cat)}</td></tr>{qe_row}"
        f'<tr><th>Dismissed by the reviewer</th><td class="dismissed-count">{gone}</td></tr>'
        "</table>"
    )


def read_first_html(items: list[ReadFirst]) -> str:
    """The "Read these first" list: each riskiest pair with its risk, the opening words of
    its English and its main flag, linked to its row (``#pair-N``) of the table below."""
    e = html.escape
    if not items:
        body = '<p class="none">No pair looks risky.</p>'
    else:
        entries = []
        for item in items:
            flag = item.flag
            why = (f'<span class="badge sev-{flag.severity}">{e(flag.severity)}</span>'
                   f"{e(flag.message)}" if flag is not None
                   else '<span class="none">no active flag</span>')
            entries.append(
                f'<li><a href="#pair-{item.index + 1}">#{item.index + 1}</a> '
                f'<span class="risk">{item.risk:.0%}</span> '
                f'<span class="opening">{e(item.opening)}</span> {why}</li>'
            )
        body = f"<ol>{''.join(entries)}</ol>"
    return (f'<section class="read-first"><h2>Read these first</h2>'
            f"<p>The pairs most likely to hold a major meaning error, riskiest first.</p>"
            f"{body}</section>")


def qe_summary(report: Report) -> str:
    """One line on the meaning model's document score (empty when it did not run)."""
    qe = report.qe
    if not qe or qe.get("mean_score") is None:
        return ""
    below = qe.get("below_threshold")
    under = f", {below} under its threshold" if below is not None else ""
    return (f"mean score {qe['mean_score']:.2f} over {qe.get('pairs_scored', 0)} pairs{under} "
            f"({qe.get('model', 'model')})")


def rows_table_html(rows: list[Row], css: bool = False, with_source: bool = True,
                    search: str = "") -> str:
    """The side-by-side table (one ``<tr>`` per row); with ``css`` its style sheet comes along,
    for pages that do not already have it (the app). A machine-translation column appears
    when machine translation ran, a meaning column when the meaning model scored a pair;
    without ``with_source`` (the English checked alone) there is no source column. The
    words of ``search`` are outlined where they occur."""
    with_mt = any(r.machine_english or r.back_translation for r in rows)
    with_qe = any(r.qe_score is not None for r in rows)
    mt_head = "<th>Machine translation</th>" if with_mt else ""
    qe_head = '<th title="The meaning model\'s score, 0-1">Meaning</th>' if with_qe else ""
    src_head = "<th>Source</th>" if with_source else ""
    head = (
        f'<table class="pairs"><thead><tr><th>#</th>{src_head}<th>English</th>'
        f"{qe_head}{mt_head}<th>Flags</th></tr></thead><tbody>"
    )
    style = f"<style>{_TABLE_CSS}</style>" if css else ""
    pattern = search_pattern(search)
    body = "".join(_row_html(r, with_mt, with_qe, with_source, pattern) for r in rows)
    return style + head + body + "</tbody></table>"


def qe_cell(row: Row) -> str:
    """A row's meaning score as a small badge (orange when a meaning-shift flag is active)."""
    score = row.qe_score
    if score is None:
        return '<td class="qe"></td>'
    low = any(rf.flag.check == MEANING_CHECK for rf in row.active)
    words = row.doubted.get("target", [])
    title = "meaning model score" + (f"; doubts: {', '.join(words)}" if words else "")
    return (f'<td class="qe"><span class="qe-score{" low" if low else ""}" '
            f'title="{html.escape(title, quote=True)}">meaning {score:.2f}</span></td>')


def _row_html(row: Row, with_mt: bool = False, with_qe: bool = False,
              with_source: bool = True, search: re.Pattern[str] | None = None) -> str:
    def side(text: str, lights: list[Highlight], missing: str) -> str:
        if not text:
            return f'<span class="empty">{html.escape(missing)}</span>'
        return highlight_html(text, lights, search)

    flags = "<br>".join(
        f'<span class="badge sev-{rf.flag.severity}">{html.escape(rf.flag.severity)}</span>'
        f"{html.escape(rf.flag.message)}"
        for rf in row.active
    )
    gone = [rf for rf in row.flags if rf.dismissed]
    if gone:
        flags += ("<br>" if flags else "") + "<br>".join(
            f'<span class="dismissed"><span class="badge">dismissed</span>'
            f"{html.escape(rf.flag.message)}</span>"
            for rf in gone
        )
    mt_cell = ""
    if with_mt:
        parts = []
        if row.machine_english:
            parts.append(html.escape(row.machine_english))
        if row.back_translation:
            parts.append(f'<span class="back">Back: {html.escape(row.back_translation)}</span>')
        mt_cell = f'<td class="mt">{"<br>".join(parts)}</td>'
    src_cell = (f"<td>{side(row.source_text, row.source_highlights, '(no source: added)')}</td>"
                if with_source else "")
    risk = ("" if row.risk is None else
            f'<span class="risk" title="risk of a major meaning error">{row.risk:.0%}</span>')
    return (
        f'<tr class="{row.kind}" id="pair-{row.index + 1}"><td class="n">{row.index + 1}{risk}'
        "</td>"
        f"{src_cell}"
        f"<td>{side(row.target_text, row.target_highlights, '(not translated)')}</td>"
        f'{qe_cell(row) if with_qe else ""}{mt_cell}<td class="flags">{flags}</td></tr>'
    )


# --------------------------------------------------------------------------- TMX
def to_tmx(report: Report) -> bytes:
    """TMX 1.4 with one translation unit per pair that has both sides."""
    src_lang = _lang(report.source.lang if report.source else None)
    tgt_lang = _lang(report.target.lang)
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "compare",
            "creationtoolversion": __version__,
            "datatype": "plaintext",
            "segtype": "sentence",
            "adminlang": "en",
            "srclang": src_lang,
            "o-tmf": "compare.report",
            "creationdate": datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"),
        },
    )
    body = ET.SubElement(root, "body")
    for n, pair in enumerate(report.pairs):
        if not pair.source or not pair.target:
            continue
        tu = ET.SubElement(body, "tu", tuid=str(n + 1))
        prop = ET.SubElement(tu, "prop", type="x-compare-score")
        prop.text = f"{pair.score:.4f}"
        if pair.qe:
            qe_prop = ET.SubElement(tu, "prop", type=QE_PROP)
            qe_prop.text = f"{pair.qe['score']:.4f}"
        if pair.flags:
            note = ET.SubElement(tu, "note")
            note.text = _xml_text("; ".join(_flag_line(f) for f in pair.flags))
        for lang, side in ((src_lang, "source"), (tgt_lang, "target")):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
            seg = ET.SubElement(tuv, "seg")
            seg.text = _xml_text(report.pair_text(pair, side))
    return _serialise(root, doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


def _flag_line(flag: Flag) -> str:
    mark = "dismissed, " if flag.dismissed else ""
    return f"[{mark}{flag.severity}] {flag.message}"


# --------------------------------------------------------------------------- XLIFF
def to_xliff(report: Report, original: str = "article") -> bytes:
    """XLIFF 1.2: one trans-unit per pair, flags as ``<note>``s (priority 1 = critical).

    An omission is a unit whose target is empty with state ``needs-translation``; an
    addition has an empty source and a note saying so.
    """
    ET.register_namespace("", XLIFF_NS)
    q = f"{{{XLIFF_NS}}}"
    root = ET.Element(q + "xliff", version="1.2")
    file_el = ET.SubElement(
        root,
        q + "file",
        {
            "original": original,
            "source-language": _lang(report.source.lang if report.source else None),
            "target-language": _lang(report.target.lang),
            "datatype": "plaintext",
            "tool-id": "compare",
        },
    )
    header = ET.SubElement(file_el, q + "header")
    ET.SubElement(header, q + "tool", {"tool-id": "compare", "tool-name": "compare",
                                       "tool-version": __version__})
    body = ET.SubElement(file_el, q + "body")
    for n, pair in enumerate(report.pairs):
        unit = ET.SubElement(body, q + "trans-unit", id=str(n + 1))
        extradata = f"score={pair.score:.4f}"
        if pair.qe:
            extradata += f";qe={pair.qe['score']:.4f}"
        unit.set("extradata", extradata)
        source = ET.SubElement(unit, q + "source")
        source.text = _xml_text(report.pair_text(pair, "source"))
        target = ET.SubElement(unit, q + "target")
        target.text = _xml_text(report.pair_text(pair, "target"))
        if not pair.target:
            target.set("state", "needs-translation")
        elif any(not f.dismissed for f in pair.flags):
            target.set("state", "needs-review-translation")
        else:
            target.set("state", "translated")
        for flag in pair.flags:
            priority = _DISMISSED_PRIORITY if flag.dismissed else _PRIORITY[flag.severity]
            note = ET.SubElement(unit, q + "note", {"from": f"compare:{flag.check}",
                                                    "priority": priority})
            mark = "dismissed/" if flag.dismissed else ""
            note.text = _xml_text(f"[{mark}{flag.severity}/{flag.category}] {flag.message}")
        if pair.qe:
            note = ET.SubElement(unit, q + "note", {"from": QE_NOTE_FROM, "priority": "8"})
            note.text = f"Meaning model score {pair.qe['score']:.4f} (0-1)"
    return _serialise(root)


def _serialise(root: ET.Element, doctype: str | None = None) -> bytes:
    ET.indent(root)
    buf = io.BytesIO()
    buf.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    if doctype:
        buf.write(doctype.encode("ascii") + b"\n")
    ET.ElementTree(root).write(buf, encoding="utf-8", xml_declaration=False)
    buf.write(b"\n")
    return buf.getvalue()


# --------------------------------------------------------------------------- all formats
Exporter = Callable[[Report], bytes]

FORMATS: dict[str, tuple[str, str, Exporter]] = {
    "JSON": ("report.json", "application/json", lambda r: r.to_json().encode("utf-8")),
    "CSV": ("report.csv", "text/csv", lambda r: r.to_csv().encode("utf-8")),
    "HTML": ("report.html", "text/html", lambda r: to_html(r).encode("utf-8")),
    "TMX": ("pairs.tmx", "application/x-tmx+xml", to_tmx),
    "XLIFF": ("flags.xlf", "application/x-xliff+xml", to_xliff),
}
"""Export name -> (file name, MIME type, function of a report giving the file's bytes)."""


def download_name(document: str | None, fmt: str) -> str:
    """The file name a download of format ``fmt`` gets: the document's own name (a file's stem,
    a web page's last path segment or host) before the format's name, so that the downloads of
    two documents never share one (``library-report.json``); the bare name for pasted text."""
    import re
    from urllib.parse import urlparse

    default = FORMATS[fmt][0]
    if not document or document.startswith("<") or document in ("pasted", "pasted text"):
        return default
    if re.match(r"https?://", document):
        parsed = urlparse(document)
        stem = PurePosixPath(parsed.path).stem or parsed.hostname or ""
    else:
        stem = PurePosixPath(document.replace("\\", "/")).stem
    stem = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip(".-")[:60]
    return f"{stem}-{default}" if stem else default


def export(
    report: Report, fmt: str, dismissed: set[str] | frozenset[str] = frozenset(),
    rules: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(), document: str = "",
) -> bytes:
    """The report in format ``fmt`` (a key of :data:`FORMATS`), dismissed flags kept and
    marked (see :func:`compare.review.mark_dismissed`); the HTML page is headed by
    ``document``, the checked document's name."""
    if fmt == "HTML":
        return to_html(report, dismissed, rules=rules, document=document).encode("utf-8")
    return FORMATS[fmt][2](mark_dismissed(report, dismissed, rules))
