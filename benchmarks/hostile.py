"""Hostile inputs and faults against the command line, as a table: each row is a case, the
command, and what must happen (exit status, the one line on stderr, a bound on peak memory
and on time). `tests/test_hostile.py` runs every row.

    python benchmarks/hostile.py [--only NAME ...] [--light]

Why a table run in child processes: the faults it guards against (a .docx that unpacks to
gigabytes, a link to /dev/zero, a FIFO nobody writes to) take a machine down or hang when they
regress. Each case therefore runs as ``prlimit --as=BYTES -- python -m compare ...`` (the
address-space cap makes a runaway allocation fail inside the child), under a wall-clock limit,
and its peak resident memory is read from the kernel (``wait4``, by a small launcher: see
``_LAUNCHER``). Output: one line per case
with its exit status, peak MB, seconds and ok/FAIL, then the stderr line it printed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000

ENGLISH = (
    "The government allocated 238 million tenge for school repairs. The work will begin in "
    "March. The minister did not rule out that the deadlines may shift. "
)
RUSSIAN_UTF8 = "Правительство выделило 238 миллионов тенге на ремонт школ.\n"
RUSSIAN_CP1251 = "Работы начнутся в марте. Министр не исключил, что сроки сдвинутся.\n"
UKRAINIAN = (
    "Уряд виділив кошти на ремонт шкіл. Роботи почнуться в березні, повідомив міністр. "
    "Він не виключив, що терміни зсунуться."
)
CHECK = ["check", "--quiet", "--no-qe", "--no-mt"]


@dataclass
class Case:
    """One hostile case. ``build`` makes its files in a fresh folder and returns the arguments
    after ``python -m compare``; ``after`` checks the folder and output afterwards and returns
    a problem, or None."""

    name: str
    what: str
    build: Callable[[Path], list[str]]
    exit: int
    message: str  # a pattern the last stderr line must match ("" when stderr must be empty)
    peak_mb: int  # bound on peak resident memory
    seconds: float = 60.0
    address_space_mb: int = 1500  # prlimit --as: the child fails, the machine does not
    heavy: bool = False  # loads the sentence embedder (some 15-25 s on 2 cores)
    env: dict[str, str] = field(default_factory=dict)
    fsize: int | None = None  # prlimit --fsize: a disk that fills at this many bytes
    after: Callable[[Path, str, str], str | None] | None = None
    skip: Callable[[], str | None] | None = None


# --------------------------------------------------------------------------- file makers
def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _docx(folder: Path, name: str, body_chunk: bytes, repeat: int, head: bytes = b"",
          tail: bytes = b"") -> Path:  # fmt: skip
    """A .docx whose body is ``head + body_chunk * repeat + tail``, written as a stream (the
    bomb is never whole in this process's memory)."""
    import io

    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != "word/document.xml":
                out.writestr(info.filename, data)
                continue
            start, rest = data.split(b"<w:body>")
            with out.open(info.filename, "w", force_zip64=True) as member:
                member.write(start + b"<w:body>" + head)
                block = body_chunk * max(1, 1_000_000 // len(body_chunk))
                left = repeat
                while left > 0:
                    n = min(left, 1_000_000 // len(body_chunk))
                    member.write(block if n == len(block) // len(body_chunk) else body_chunk * n)
                    left -= n
                member.write(tail + b"<w:sectPr/></w:body></w:document>")
    return path


def _english(folder: Path) -> Path:
    return _write(folder, "en.txt", ENGLISH * 3)


def _not_root() -> str | None:
    return "root reads every folder" if hasattr(os, "geteuid") and os.geteuid() == 0 else None


def _unreadable_folder(folder: Path) -> list[str]:
    locked = folder / "locked"
    locked.mkdir()
    _write(locked, "en.txt", ENGLISH)
    locked.chmod(0)
    return [*CHECK, "--target", str(locked / "en.txt")]


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "en.txt")
    return [*CHECK, "--target", str(folder / "en.txt")]


def _dev_zero(folder: Path) -> list[str]:
    (folder / "en.txt").symlink_to("/dev/zero")
    return [*CHECK, "--target", str(folder / "en.txt")]


def _previous_report(folder: Path) -> list[str]:
    _write(folder, "r.json", '{"previous": "good report"}')
    return ["check", "--quiet", "--target", str(_english(folder)), "--json",
            str(folder / "r.json")]


def _report_unchanged(folder: Path, out: str, err: str) -> str | None:
    text = (folder / "r.json").read_text("utf-8")
    if json.loads(text) != {"previous": "good report"}:
        return f"the previous report was changed: {text[:60]!r}"
    left = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    return f"temporary files left: {left}" if left else None


def _escapes(folder: Path) -> list[str]:
    text = ENGLISH * 3 + "It was over. . \x1b]0;owned\x07\x1b[2J Then he left the room."
    return ["check", "--target", str(_write(folder, "en.txt", text))]


def _no_escape_out(folder: Path, out: str, err: str) -> str | None:
    if "\x1b" in out + err or "\x07" in out + err:
        return "an escape sequence reached the terminal"
    return None if "\\x1b[2J" in out else "the excerpt was not shown escaped"


def _deep_html(folder: Path) -> list[str]:
    deep = "<div>" * 5000 + "<p>" + ENGLISH + "The deepest sentence is here.</p>" + "</div>" * 5000
    page = f"<html><body><p>{ENGLISH}</p>{deep}<p>{ENGLISH}</p></body></html>"
    return [*CHECK, "--target", str(_write(folder, "en.html", page)), "--json",
            str(folder / "r.json")]


def _deep_text_kept(folder: Path, out: str, err: str) -> str | None:
    report = json.loads((folder / "r.json").read_text("utf-8"))
    return None if "deepest sentence" in report["target"]["text"] else "the deep text was lost"


def _many_elements(folder: Path) -> list[str]:
    page = "<html><body>" + "<span>The minister left.</span> " * 60_000 + "</body></html>"
    return [*CHECK, "--target", str(_write(folder, "en.html", page))]


BULGARIAN = ("Министърът на външните работи заяви, че България ще подкрепи решението на "
             "съюзниците. Днес времето ще бъде слънчево, а утре се очаква дъжд. ") * 3


KAZAKH_LATIN = ("Ár oqýshynyń óz kompıýteri bar. Eshkimge meniń munda bolǵanymdy aıtpa. "
                "Qazaqstannyń ortalyǵynda jańa mektep ashyldy. ") * 3


def _docx_of(folder: Path, name: str, document_xml: str) -> Path:
    """A minimal .docx whose main part is ``document_xml``."""
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return path


def _docx_with_dtd(folder: Path) -> list[str]:
    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "hidden words">]>'
           f'<w:document xmlns:w="{main}"><w:body><w:p><w:r><w:t>Visible &e; text.</w:t>'
           "</w:r></w:p></w:body></w:document>")  # fmt: skip
    return [*CHECK, "--source", str(_docx_of(folder, "ru.docx", xml)), "--target",
            str(_english(folder))]


def _foreign_results(folder: Path) -> list[str]:
    """``corpus run --out`` naming another program's SQLite database."""
    import sqlite3

    db = sqlite3.connect(folder / "app.sqlite")
    db.execute("CREATE TABLE users (name TEXT)")
    db.execute("INSERT INTO users VALUES ('ada')")
    db.commit()
    db.close()
    (folder / "app.sqlite.before").write_bytes((folder / "app.sqlite").read_bytes())
    manifest = _write(folder, "manifest.csv",
                      MANIFEST_HEADER + "\na,o,,,ru,gone.ru.txt,gone.en.txt,\n")
    return ["corpus", "run", str(manifest), "--out", str(folder / "app.sqlite"), "--no-qe",
            "--quiet", "--embedding-cache", ""]


def _foreign_untouched(folder: Path, out: str, err: str) -> str | None:
    if (folder / "app.sqlite").read_bytes() != (folder / "app.sqlite.before").read_bytes():
        return "the other program's database was changed"
    if (folder / "app.sqlite-wal").exists():
        return "a WAL file was left beside the other program's database"
    return None


def _mixed_source(folder: Path) -> list[str]:
    data = (RUSSIAN_UTF8 * 2).encode("utf-8") + (RUSSIAN_CP1251 * 2).encode("cp1251")
    return [*CHECK, "--source", str(_write(folder, "ru.txt", data)), "--target",
            str(_english(folder)), "--json", str(folder / "r.json")]


def _read_as_russian(folder: Path, out: str, err: str) -> str | None:
    report = json.loads((folder / "r.json").read_text("utf-8"))
    lang = report["source"]["lang"]
    return None if lang == "ru" else f"the source was read as {lang!r}"


def _unchanged(name: str, before: str) -> Callable[[Path, str, str], str | None]:
    """A check that ``name`` in the case's folder still holds what ``before`` names there."""

    def check(folder: Path, out: str, err: str) -> str | None:
        if (folder / name).read_bytes() != (folder / before).read_bytes():
            return f"{name} was changed"
        return None

    return check


def _output_over_input(folder: Path) -> list[str]:
    english = _english(folder)
    (folder / "en.before").write_bytes(english.read_bytes())
    return [*CHECK, "--target", str(english), "--json", str(english)]


def _two_outputs_one_path(folder: Path) -> list[str]:
    return [*CHECK, "--target", str(_english(folder)), "--json", str(folder / "r.out"), "--csv",
            str(folder / "r.out")]


def _nothing_written(folder: Path, out: str, err: str) -> str | None:
    return "r.out was written" if (folder / "r.out").exists() else None


MANIFEST_HEADER = "id,outlet,date,url,source_lang,source_path,target_path,tags"


def _corpus_run(folder: Path, *rows: str, extra: tuple[str, ...] = ()) -> list[str]:
    """``corpus run`` of a manifest of ``rows`` into ``folder/r.sqlite`` (no model is loaded
    when no row is valid)."""
    manifest = _write(folder, "manifest.csv", "\n".join([MANIFEST_HEADER, *rows]) + "\n")
    return ["corpus", "run", str(manifest), "--out", str(folder / "r.sqlite"), "--no-qe",
            "--quiet", "--embedding-cache", "", *extra]


def _row_errors(*expected: tuple[int, str]) -> Callable[[Path, str, str], str | None]:
    """A check that the results file lists exactly these (line, message pattern) row errors."""

    def check(folder: Path, out: str, err: str) -> str | None:
        import sqlite3

        db = sqlite3.connect(folder / "r.sqlite")
        try:
            found = db.execute("SELECT line, message FROM manifest_errors ORDER BY line").fetchall()
        finally:
            db.close()
        if [line for line, _ in found] != [line for line, _ in expected]:
            return f"row errors on lines {[line for line, _ in found]}"
        for (line, message), (_, pattern) in zip(found, expected, strict=True):
            if not re.search(pattern, message):
                return f"row {line}: {message[:80]!r} does not match {pattern!r}"
        return None

    return check


def _damaged_results(folder: Path) -> list[str]:
    """A results file of ours whose schema page is sound but one page of pairs is not."""
    import sqlite3

    path = folder / "r.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema', 'compare.corpus/2')")
    db.execute("CREATE TABLE pairs (doc_id TEXT, idx INTEGER, source TEXT)")
    db.executemany("INSERT INTO pairs VALUES (?,?,?)", [(f"d{i}", i, "x" * 200)
                                                        for i in range(2000)])
    db.commit()
    db.close()
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    data[4096 * (pages - 3):4096 * (pages - 2)] = b"\xee" * 4096
    path.write_bytes(bytes(data))
    (folder / "r.before").write_bytes(bytes(data))
    return _corpus_run(folder, "a,o,,,ru,gone.ru.txt,gone.en.txt,")


def _one_sentence_mb(folder: Path) -> list[str]:
    """A source and an English of about 1 MB each, one sentence a side (commas, no stops):
    every check that compares all words or numbers of a pair with each other must keep to its
    budget (issue 24: 100 KB took 25 s, 1 MB did not finish in 400 s)."""
    ru, en = [], []
    for i in range(10_000):
        ru.append(f"министр Иванов{i % 97} сказал, что {i} компаний из города Алматы не "
                  f"получили {i * 3} тысяч тенге")
        en.append(f"minister Ivanov{i % 97} said that {i} companies from the city of Almaty "
                  f"did not receive {i * 3} thousand tenge")
    return [*CHECK, "--source", str(_write(folder, "one.ru.txt", ", ".join(ru) + ".")),
            "--target", str(_write(folder, "one.en.txt", ", ".join(en) + "."))]


# --------------------------------------------------------------------------- the table
CASES: list[Case] = [
    Case("docx-bomb", "a 0.3 MB .docx unpacking to 150 MB of XML",
         lambda d: [*CHECK, "--target", str(_docx(d, "en.docx", b"<w:p><w:r><w:t>a</w:t>"
                                                  b"</w:r></w:p>", 4_300_000))],
         2, r"unpacks to 1\d\d MB of Word XML, over the 100 MB allowed", peak_mb=150),
    Case("docx-one-paragraph", "one paragraph of 2.7 million runs (60 MB of XML)",
         lambda d: [*CHECK, "--target", str(_docx(d, "en.docx", b"<w:r><w:t>a</w:t></w:r>",
                                                  2_700_000, b"<w:p>", b"</w:p>"))],
         2, r"one paragraph or table of over 20 MB of Word XML", peak_mb=600),
    Case("docx-empty-paragraphs", "8 million empty paragraphs (50 MB of XML)",
         lambda d: [*CHECK, "--target", str(_docx(d, "en.docx", b"<w:p/>", 8_000_000))],
         2, r"over 250,000 paragraphs", peak_mb=200),
    Case("dev-zero-link", "a .txt that is a link to /dev/zero", _dev_zero,
         2, r"is a device, not a regular file", peak_mb=150, seconds=30),
    Case("fifo", "a .txt that is a FIFO nobody writes to", _fifo,
         2, r"is a FIFO \(named pipe\), not a regular file", peak_mb=150, seconds=30),
    Case("folder", "a folder given as the English file",
         lambda d: [*CHECK, "--target", str(d)], 2, r"is a folder, not a file", peak_mb=150),
    Case("unreadable-folder", "a file in a folder without read permission", _unreadable_folder,
         2, r"permission denied", peak_mb=150, skip=_not_root),
    Case("over-limit", "a 7 MB .txt against the 5 MB limit",
         lambda d: [*CHECK, "--target", str(_write(d, "en.txt", ENGLISH * 40_000))],
         2, r"over the 5 MB limit", peak_mb=150),
    *[Case(f"max-mb-{v}", f"--max-mb {v}",
           lambda d, v=v: [*CHECK, "--target", str(_english(d)), f"--max-mb={v}"],
           2, r"--max-mb must be a number of megabytes above 0", peak_mb=150)
      for v in ("inf", "nan", "1e308", "-5")],
    Case("json-to-dev-full", "--json /dev/full (a disk that is always full)",
         lambda d: ["check", "--quiet", "--target", str(_english(d)), "--json", "/dev/full"],
         2, r"Cannot write /dev/full: No space left on device", peak_mb=400),
    Case("disk-full-keeps-report", "the disk fills while the report is rewritten",
         _previous_report, 2, r"previous file there is unchanged", peak_mb=400, fsize=2048,
         after=_report_unchanged),
    Case("read-only-homes", "COMPARE_HOME and the caches in a place nobody can write",
         lambda d: ["check", "--quiet", "--target", str(_english(d))],
         0, "", peak_mb=400,
         env={"COMPARE_HOME": "/proc/compare-home", "COMPARE_CACHE_DIR": "/proc/compare-cache"}),
    Case("escape-sequences", "ESC]0;…BEL and ESC[2J in an excerpt", _escapes,
         0, "", peak_mb=400, after=_no_escape_out),
    Case("deep-html", "a page nested 5,000 elements deep", _deep_html,
         0, r"note: English: Part of the page could not be parsed", peak_mb=400,
         after=_deep_text_kept),
    Case("html-many-elements", "a 1.9 MB page of 60,000 inline elements", _many_elements,
         0, r"note: English: The page has 60,00\d elements", peak_mb=700, seconds=120),
    Case("corpus-help", "python -m compare corpus --help (a bare % in a help string)",
         lambda d: ["corpus", "--help"], 0, "", peak_mb=150),
    Case("json-over-input", "check --json naming the English input", _output_over_input,
         2, r"--json .* is the --target file: writing there would overwrite it", peak_mb=150,
         after=_unchanged("en.txt", "en.before")),
    Case("json-and-csv-one-path", "check --json X --csv X", _two_outputs_one_path,
         2, r"--json and --csv both name", peak_mb=150, after=_nothing_written),
    Case("manifest-unclosed-quote", "a manifest row with a quote never closed",
         lambda d: _corpus_run(d, 'a,"Reuters,,,ru,gone.ru.txt,gone.en.txt,',
                               "b,o,,,ru,gone.ru.txt,gone.en.txt,",
                               "c,o,,,ru,gone.ru.txt,gone.en.txt,"),
         0, "", peak_mb=150,
         after=_row_errors((2, "a quote opened on this line is never closed"),
                           (3, r"Row 3 \(b\).*does not exist"),
                           (4, r"Row 4 \(c\).*does not exist"))),
    Case("manifest-nul-path", "a manifest path with a NUL byte",
         lambda d: _corpus_run(d, "a,o,,,ru,gone\x00.ru.txt,gone.en.txt,",
                               "b,o,,,ru,gone.ru.txt,gone.en.txt,"),
         0, "", peak_mb=150,
         after=_row_errors((2, r"cannot name a file \(it holds a NUL byte\)"),
                           (3, "does not exist"))),
    Case("manifest-long-path", "a manifest path over the file name limit",
         lambda d: _corpus_run(d, f"a,o,,,ru,{'x' * 300}.txt,gone.en.txt,",
                               "b,o,,,ru,gone.ru.txt,gone.en.txt,"),
         0, "", peak_mb=150,
         after=_row_errors((2, r"cannot name a file \(File name too long\)"),
                           (3, "does not exist"))),
    Case("manifest-impossible-date", "a manifest date 2024-13-01",
         lambda d: _corpus_run(d, "a,o,2024-13-01,,ru,gone.ru.txt,gone.en.txt,"),
         0, "", peak_mb=150, after=_row_errors((2, "is not a date of the calendar"))),
    Case("results-damaged", "corpus run --out a results file with one damaged page",
         _damaged_results, 2, r"is damaged .*nothing was written to it", peak_mb=150,
         after=_unchanged("r.sqlite", "r.before")),
    Case("results-disk-full", "the results file reaches a file size limit during a run",
         lambda d: _corpus_run(d, *[f"d{i},outlet{i},2024-01-01,https://x.test/{i},ru,"
                                    f"gone{i}.ru.txt,gone{i}.en.txt," for i in range(3000)]),
         2, r"could not be written \(disk I/O error: a full disk, a file size limit",
         peak_mb=150, fsize=65536),
    Case("jobs-over-cores", "corpus run --jobs 512",
         lambda d: _corpus_run(d, "a,o,,,ru,gone.ru.txt,gone.en.txt,", extra=("--jobs", "512")),
         0, r"--jobs 512 is more than the \d+ CPU cores here: using \d+", peak_mb=150),
    Case("docx-password", "a password-protected .docx (an OLE compound file) as the source",
         lambda d: [*CHECK, "--source", str(_write(d, "secret.docx", bytes.fromhex(
             "D0CF11E0A1B11AE1") + b"\x00" * 2048)), "--target", str(_english(d))],
         2, r"password-protected", peak_mb=150),
    Case("docx-dtd-entity", "a .docx whose text declares a DTD entity", _docx_with_dtd,
         2, r"declares a DTD", peak_mb=150),
    Case("results-foreign-db", "corpus run --out naming another program's SQLite database",
         _foreign_results, 2, r"another program", peak_mb=150, after=_foreign_untouched),
    Case("bulgarian-source", "Bulgarian given as the source",
         lambda d: [*CHECK, "--source", str(_write(d, "bg.txt", BULGARIAN)), "--target",
                    str(_english(d))],
         2, r"looks like Bulgarian, not Russian or Kazakh", peak_mb=1500, seconds=180,
         address_space_mb=4000, heavy=True),
    Case("kazakh-latin-source", "Kazakh in the Latin alphabet given as the source (session 13)",
         lambda d: [*CHECK, "--source", str(_write(d, "kk-latn.txt", KAZAKH_LATIN)), "--target",
                    str(_english(d))],
         2, r"looks like Kazakh in the Latin alphabet", peak_mb=1500, seconds=180,
         address_space_mb=4000, heavy=True),
    Case("ukrainian-source", "Ukrainian without ї, є, ґ given as the source",
         lambda d: [*CHECK, "--source", str(_write(d, "uk.txt", UKRAINIAN)), "--target",
                    str(_english(d))],
         2, r"source text looks like Ukrainian, not Russian or Kazakh", peak_mb=1500,
         seconds=180, address_space_mb=4000, heavy=True),
    Case("one-sentence-1mb", "a 1 MB source and English, one sentence a side", _one_sentence_mb,
         0, "", peak_mb=1500, seconds=120, address_space_mb=4000, heavy=True),
    Case("number-400-digits", "a number of 400 digits on each side (a float's infinity)",
         lambda d: [*CHECK, "--source", str(_write(d, "n.ru.txt", f"Число {'9' * 400} велико.")),
                    "--target", str(_write(d, "n.en.txt", f"The number {'9' * 400} is big."))],
         0, "", peak_mb=1500, seconds=120, address_space_mb=4000, heavy=True),
    Case("half-utf8-half-cp1251", "a Russian source half UTF-8, half Windows-1251",
         _mixed_source, 0, r"note: Source: The file mixes UTF-8 with Windows-1251",
         peak_mb=1500, seconds=180, address_space_mb=4000, heavy=True, after=_read_as_russian),
]


# --------------------------------------------------------------------------- running
@dataclass
class Outcome:
    case: Case
    exit: int | None
    peak_mb: float
    seconds: float
    stderr_line: str
    problems: list[str]
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return self.skipped is not None or not self.problems


# The peak memory of a process forked from a big one is wrong: Linux starts a child's
# high-water mark at its parent's size when it forks, and keeps it across exec, so every case
# run from a test session that holds models read 5 GB. A small launcher forks the real command
# instead and writes that grandchild's own peak (from wait4) to a file; it exits as the
# grandchild did (the same status, or the same signal).
_LAUNCHER = """
import os, signal, sys
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as fh:
    fh.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
if code < 0:
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


def command(case: Case, args: list[str], peak_file: str = os.devnull) -> list[str]:
    """The command line a case runs: its limits, the launcher that measures the peak memory
    into ``peak_file``, then ``python -m compare`` and ``args``."""
    limits = [f"--as={case.address_space_mb * 1024 * 1024}"]
    if case.fsize is not None:
        limits.append(f"--fsize={case.fsize}")
    return ["prlimit", *limits, "--", sys.executable, "-c", _LAUNCHER, peak_file,
            sys.executable, "-m", "compare", *args]


def run_case(case: Case) -> Outcome:
    reason = case.skip() if case.skip else None
    if reason:
        return Outcome(case, None, 0.0, 0.0, "", [], skipped=reason)
    folder = Path(tempfile.mkdtemp(prefix=f"hostile-{case.name}-"))
    try:
        return _run_in(case, folder)
    finally:
        for path in folder.rglob("*"):  # give back folders locked by the case
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o700)
        shutil.rmtree(folder, ignore_errors=True)


def _run_in(case: Case, folder: Path) -> Outcome:
    args = case.build(folder)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "PYTHONPATH": str(REPO), **case.env}  # fmt: skip
    env.pop("COMPARE_DEBUG", None)
    out_path, err_path = folder / ".stdout", folder / ".stderr"
    peak_path = folder / ".peak-kb"
    started = time.perf_counter()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        child = subprocess.Popen(command(case, args, str(peak_path)), cwd=REPO, env=env,
                                 stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                 start_new_session=True)
    status, usage, timed_out = _wait(child.pid, case.seconds)
    seconds = time.perf_counter() - started
    out_text = out_path.read_text("utf-8", "replace")
    err_text = err_path.read_text("utf-8", "replace")
    exit_code = os.waitstatus_to_exitcode(status) if status is not None else None
    try:  # the launcher's measurement; wait4's own figure only if it wrote none
        peak_mb = int(peak_path.read_text()) * 1024 / MB
    except (OSError, ValueError):
        peak_mb = usage.ru_maxrss * 1024 / MB if usage is not None else 0.0
    lines = [line for line in err_text.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    problems = []
    if timed_out:
        problems.append(f"still running after {case.seconds:g} s (killed)")
    elif exit_code != case.exit:
        problems.append(f"exit {exit_code}, expected {case.exit}")
    if "Traceback" in err_text:
        problems.append("a traceback was printed")
    if case.message and not re.search(case.message, last):
        problems.append(f"stderr's last line does not match {case.message!r}")
    if not case.message and err_text.strip():
        problems.append("stderr was not empty")
    if case.exit == 2 and len(lines) != 1:
        problems.append(f"{len(lines)} lines on stderr, expected one")
    if peak_mb > case.peak_mb:
        problems.append(f"peak memory {peak_mb:.0f} MB over the {case.peak_mb} MB bound")
    if case.after and not timed_out:
        try:
            problem = case.after(folder, out_text, err_text)
        except Exception as exc:  # a check that cannot even run is a failed case
            problem = f"the check afterwards failed: {exc!r}"
        if problem:
            problems.append(problem)
    return Outcome(case, exit_code, peak_mb, seconds, last, problems)


def _wait(pid: int, limit: float):
    """Wait for ``pid`` (its status and resource usage), killing its group past ``limit``."""
    deadline = time.monotonic() + limit
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, False
        if time.monotonic() > deadline:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _, status, usage = os.wait4(pid, 0)
            return status, usage, True
        time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", metavar="NAME", help="run only these cases")
    parser.add_argument("--light", action="store_true",
                        help="skip the cases that load the sentence embedder")
    args = parser.parse_args(argv)
    if shutil.which("prlimit") is None:
        print("prlimit (util-linux) is needed to cap each case's memory.", file=sys.stderr)
        return 2
    cases = [c for c in CASES if (not args.only or c.name in args.only)
             and not (args.light and c.heavy)]  # fmt: skip
    print(f"{'case':<26}{'exit':>5}{'peak MB':>9}{'bound':>7}{'s':>7}  result")
    failed = 0
    for case in cases:
        result = run_case(case)
        if result.skipped:
            print(f"{case.name:<26}{'':>5}{'':>9}{case.peak_mb:>7}{'':>7}  skipped "
                  f"({result.skipped})")
            continue
        failed += not result.ok
        verdict = "ok" if result.ok else "FAIL: " + "; ".join(result.problems)
        print(f"{case.name:<26}{result.exit!s:>5}{result.peak_mb:>9.0f}{case.peak_mb:>7}"
              f"{result.seconds:>7.1f}  {verdict}")
        if result.stderr_line:
            print(f"{'':<26}stderr: {result.stderr_line[:150]}")
    print(f"{len(cases) - failed} of {len(cases)} cases as expected.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
