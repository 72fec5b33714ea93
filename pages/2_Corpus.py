"""The Corpus page of the app (named "Corpus" in the sidebar beside "Check a translation").

A thin shell over :mod:`compare.corpus`: open a results database made by ``corpus run`` (or
check an uploaded .zip of articles with its manifest into one), see per-group figures with
bootstrap 95 % intervals as a table and a bar chart, the spread of per-document rates, and
drill down from a group to its documents to the side-by-side view of one document, the same
view as the article page. Paths typed here are opened only inside the data folder
(:mod:`compare.app_files`), because the server opens them with its own rights. All reshaping
lives in :mod:`compare.corpus.view`; no check runs here except through
:func:`compare.corpus.runner.run_corpus`.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import streamlit as st

from compare.app_files import data_folder, inside_data_folder, unpack_articles_zip
from compare.corpus import view
from compare.corpus.comparisons import compare_groups, differences_csv
from compare.corpus.manifest import read_manifest
from compare.corpus.omissions import names_csv, omissions, sentences_csv
from compare.corpus.omissions import records as names_records
from compare.corpus.runner import load_report, run_corpus
from compare.corpus.stats import GROUP_BY, group_stats, small_sample_note, to_csv
from compare.errors import InputError
from compare.exports import SEVERITY_COLOURS, rows_table_html
from compare.glossary import default_glossary_path, load_user_glossary
from compare.review import build_rows, filter_rows, plain

DEFAULT_RESULTS = "results.sqlite"
"""The results file the page opens first (and checks a corpus into when it does not exist)."""
GROUP_NAMES = {"outlet": "an outlet", "source_lang": "a source language", "tag": "a tag",
               "month": "a month"}


def _stamp(path: str) -> tuple[float, int]:
    """Changes whenever the database does (its WAL file included), to key the caches."""
    stamp = (0.0, 0)
    for p in (path, path + "-wal"):
        if os.path.exists(p):
            st_ = os.stat(p)
            stamp = (max(stamp[0], st_.st_mtime), stamp[1] + st_.st_size)
    return stamp


@st.cache_data(max_entries=8, show_spinner="Reading the results…")
def documents(path: str, stamp: Any) -> list:
    """The checked documents; ``stamp`` only keys the cache to the file's state."""
    return view.open_results(path)


@st.cache_data(max_entries=32, show_spinner="Computing the confidence intervals…")
def statistics(path: str, by: str, stamp: Any) -> list:
    """Group figures with their bootstrap intervals, computed once per file state and grouping."""
    return group_stats(documents(path, stamp), by)


@st.cache_data(max_entries=4, show_spinner="Writing the Parquet tables…")
def parquet_tables(path: str, stamp: Any) -> bytes:
    """The database's tables and group figures as a .zip of Parquet files, once per state."""
    return view.parquet_zip(path)


@st.cache_data(max_entries=32, show_spinner="Testing the differences…")
def differences(path: str, by: str, metric: str, stamp: Any) -> list:
    """Every pair of groups compared on one metric, computed once per file state."""
    return compare_groups(documents(path, stamp), by, (metric,))


@st.cache_data(max_entries=8, show_spinner="Reading what the translations leave out…")
def left_out(path: str, by: str, stamp: Any) -> tuple:
    """Omitted sentences and per-name omission figures, once per file state and grouping."""
    return omissions(path, by)


def omissions_section(path: str, by: str, stats: list) -> None:
    """What each group leaves out: its most omitted names and its omitted sentences."""
    st.subheader(f"What each {by} leaves out")
    sentences, table = left_out(path, by, _stamp(path))
    if not sentences:
        st.info("No source sentence was left without a translation.")
        return
    group = st.selectbox(f"Choose {GROUP_NAMES[by]}", [s.group for s in stats],
                         key="corpus_left_group")
    rows = names_records(table, group)
    st.caption("Names in the source whose sentences this group's translations leave out: how "
               "many of the sentences naming each one were omitted.")
    if rows:
        st.dataframe(rows, hide_index=True, key="corpus_left_names")
    else:
        st.caption(plain(f"No omitted sentence of {group} names anything."))
    mine = [{"document": s.document, "sentence": s.sentence, "names": ", ".join(s.names),
             "text": s.text} for s in sentences if s.group == group]
    with st.expander(f"The {len(mine)} omitted sentences"):
        st.dataframe(mine, hide_index=True, key="corpus_left_sentences")
    c1, c2 = st.columns(2)
    c1.download_button("Download the names (CSV)", names_csv(table, by),
                       file_name=f"corpus-omitted-names-{by}.csv", mime="text/csv",
                       key="corpus_left_names_csv", on_click="ignore")
    c2.download_button("Download the omitted sentences (CSV)", sentences_csv(sentences, by),
                       file_name=f"corpus-omitted-sentences-{by}.csv", mime="text/csv",
                       key="corpus_left_sentences_csv", on_click="ignore")


def run_section(path: str) -> None:
    """Run an uploaded .zip of articles with its manifest (or a manifest CSV whose files are in
    the data folder) into the database named in the path box."""
    with st.expander("Or check a corpus into that file",
                     expanded=not os.path.exists(path) if path else False):
        st.caption("Upload a .zip of the articles with their manifest.csv (columns id, "
                   "source_path, target_path, optional outlet, date, source_lang, tags; paths "
                   "relative to the manifest), or a manifest whose files are in the data folder.")
        upload = st.file_uploader("A .zip of articles with the manifest, or a manifest (CSV)",
                                  type=["zip", "csv"], key="corpus_manifest")
        base = ""
        if upload is not None and not upload.name.lower().endswith(".zip"):
            base = st.text_input("Folder in the data folder that its paths are relative to",
                                 key="corpus_base")
        if not st.button("Check the corpus", key="corpus_run"):
            return
        try:
            if upload is None:
                raise InputError("Choose a .zip of articles or a manifest CSV to run.")
            if not path:
                raise InputError("Give the name of the results file to write in the box above.")
            with tempfile.TemporaryDirectory() as tmp:
                manifest, outside_ok = _manifest_of(upload, base, Path(tmp))
                rows, _ = read_manifest(manifest, allow_outside_paths=outside_ok)
                total = max(len(rows), 1)
                bar = st.progress(0.0, text="Checking documents…")
                done: list[str] = []

                def tick(doc_id: str) -> None:
                    done.append(doc_id)
                    bar.progress(min(len(done) / total, 1.0),
                                 text=f"Checked {len(done)} of {total}: {doc_id}")

                summary = run_corpus(manifest, path, _with_glossary(view.run_settings()), jobs=1,
                                     progress=False, after_commit=tick,
                                     notice=lambda message: st.info(plain(message)),
                                     allow_outside_paths=outside_ok)
        except InputError as error:
            st.error(plain(str(error)))
            return
        except Exception as error:  # the page must stay usable
            st.error(plain(f"The run failed unexpectedly ({type(error).__name__}: {error})."))
            return
        st.success(plain(summary.line()))


def _with_glossary(settings: Any) -> Any:
    """The run's settings with the glossary saved on the article page, when there is one."""
    path = default_glossary_path()
    if not path.is_file():
        return settings
    glossary, problem = load_user_glossary(path)
    if problem:
        st.warning(plain(problem))
        return settings
    return replace(settings, glossary=str(path), glossary_id=glossary.fingerprint())


def _manifest_of(upload: Any, base: str, tmp: Path) -> tuple[Path, bool]:
    """The manifest to run and whether its paths may lie outside its own folder (only a CSV's,
    once each of its files is known to be inside the data folder)."""
    if upload.name.lower().endswith(".zip"):
        manifest = unpack_articles_zip(upload.getvalue(), tmp / "articles")
        if view.manifest_size(manifest) > view.MAX_APP_DOCUMENTS:
            raise InputError(f"The manifest has more than {view.MAX_APP_DOCUMENTS} documents; "
                             "use: python -m compare corpus run.")
        return manifest, False
    folder = inside_data_folder(base or ".")
    manifest = view.localise_manifest(upload.getvalue(), str(folder), tmp / "m.csv")
    rows, _ = read_manifest(manifest, allow_outside_paths=True)
    for row in rows:
        for file in (row.source_path, row.target_path):
            if file:
                inside_data_folder(str(file))
    return manifest, True


def figures_section(path: str, docs: list, by: str) -> list:
    """Table, bar chart, distribution and CSV download; returns the group statistics."""
    stats = statistics(path, by, _stamp(path))
    st.subheader(f"Per {by}")
    st.dataframe(view.stats_records(stats, by), hide_index=True, key="corpus_table")
    st.caption("Rates per 100 source sentences; omitted % of source sentences, added % of "
               "English sentences; 95 % bootstrap intervals resample whole documents.")
    metrics = view.chart_metrics(stats)
    if len(metrics) > 1:
        st.caption("Meaning score: the meaning model's mean 0-1 score of the scored pairs; "
                   "meaning shifts: pairs it flagged per 100 source sentences (both over the "
                   "documents it scored).")
    st.download_button("Download the statistics (CSV)", to_csv(stats, by),
                       file_name=f"corpus-stats-{by}.csv", mime="text/csv",
                       key="corpus_csv", on_click="ignore")
    st.download_button("Download every table (Parquet, .zip)", parquet_tables(path, _stamp(path)),
                       file_name=f"{Path(path).stem}-parquet.zip", mime="application/zip",
                       key="corpus_parquet", on_click="ignore")
    metric = view.HEADLINE
    if len(metrics) > 1:
        metric = st.radio("Chart", list(metrics), format_func=metrics.get, horizontal=True,
                          key="corpus_metric")
    records = view.chart_records(stats, metric)
    left, right = st.columns(2)
    if records:
        left.altair_chart(view.bar_chart(records, by, metrics[metric]), width="stretch")
    per_doc = view.document_records(docs, by)
    right.altair_chart(view.histogram(per_doc, by), width="stretch")
    if note := small_sample_note(stats):
        st.warning(plain(note))
    return stats


def category_section(stats: list, by: str) -> None:
    """How each group's flags divide into categories: a table and one chart per category."""
    st.subheader("Per category")
    records = view.category_records(stats, by)
    if not records:
        st.info("No flags in any category.")
        return
    serious = st.toggle("Critical and major flags only", key="corpus_cat_serious")
    st.altair_chart(view.category_chart(stats, by, serious), key="corpus_cat_chart")
    with st.expander("Per-category table"):
        st.dataframe(records, hide_index=True, key="corpus_cat_table")
    st.download_button("Download the per-category table (CSV)", view.category_csv(stats, by),
                       file_name=f"corpus-categories-{by}.csv", mime="text/csv",
                       key="corpus_cat_csv", on_click="ignore")


def comparison_section(path: str, by: str, stats: list) -> None:
    """Every pair of groups compared on one metric: difference, interval, p-value, Holm."""
    st.subheader(f"Differences between {by}s")
    if len(stats) < 2:
        st.info(plain(f"Only one {by}: nothing to compare."))
        return
    options = view.comparison_metrics(stats)
    metric = st.selectbox("Compare on", list(options), format_func=options.get,
                          key="corpus_compare_metric")
    found = differences(path, by, metric, _stamp(path))
    st.dataframe(view.difference_records(found), hide_index=True, key="corpus_differences")
    st.caption("A - B: difference of the pooled rates with a 95 % bootstrap interval "
               "(resampling documents, or shared source articles when the groups translate the "
               "same ones: \"paired\"); p: two-sided permutation test; p (Holm): corrected "
               "for all the pairs shown.")
    st.download_button("Download the comparisons (CSV)", differences_csv(found, by),
                       file_name=f"corpus-differences-{by}.csv", mime="text/csv",
                       key="corpus_diff_csv", on_click="ignore")


def drill_section(path: str, docs: list, by: str, stats: list) -> None:
    """Group -> its documents -> the side-by-side view of one document."""
    st.subheader("Documents")
    group = st.selectbox(f"Choose {GROUP_NAMES[by]}", [s.group for s in stats], key="corpus_group")
    rows = view.document_records(docs, by, group)
    st.dataframe(rows, hide_index=True, key="corpus_docs")
    doc_id = st.selectbox("Open a document", [r["id"] for r in rows], key="corpus_doc")
    if doc_id is None:
        return
    report = load_report(path, doc_id)
    if report is None:
        st.warning(plain(f"No stored report for {doc_id}."))
        return
    only = st.checkbox("Only flagged rows", key="corpus_only")
    shown = filter_rows(build_rows(report), None, None, only)
    legend = " ".join(
        f'<mark class="sev-{s}" style="background:{c}">{s}</mark>'
        for s, c in SEVERITY_COLOURS.items()
    )
    st.html(f"<div>Colours: {legend}</div>" + rows_table_html(shown, css=True))
    if not shown:
        st.caption("No row matches the filter.")


def main() -> None:
    st.set_page_config(page_title="compare: corpus", layout="wide")
    st.title("Corpus: how faithful are many translations?")
    try:
        folder = data_folder()
    except InputError as error:
        st.error(plain(str(error)))
        return
    st.caption(plain(f"Open a results database made by python -m compare corpus run, or check "
                     f"a corpus here. Figures come with 95 % confidence intervals. Files are "
                     f"read and written in the data folder {folder}."))
    typed = st.text_input("Results database (.sqlite), in the data folder", key="corpus_db",
                          value=DEFAULT_RESULTS)
    if not typed.strip():
        run_section("")
        st.info("Give the name of a results database to see its figures, or a new name to "
                "check a corpus into.")
        return
    try:
        path = str(inside_data_folder(typed))
    except InputError as error:
        st.error(plain(str(error)))
        return
    run_section(path)
    if not os.path.exists(path):
        st.info(plain(f"No results at {path} yet: check a corpus into it above."))
        return
    try:
        docs = documents(path, _stamp(path))
    except InputError as error:
        st.error(plain(str(error)))
        return
    failed = view.failed_documents(path)
    if failed:
        with st.expander(f"{len(failed)} documents could not be checked"):
            st.dataframe(failed, hide_index=True, key="corpus_failed")
    if not docs:
        st.warning("The database holds no successfully checked document yet.")
        return
    by = st.radio("Group by", list(GROUP_BY), horizontal=True, key="corpus_by")
    stats = figures_section(path, docs, by)
    category_section(stats, by)
    comparison_section(path, by, stats)
    omissions_section(path, by, stats)
    drill_section(path, docs, by, stats)


main()
