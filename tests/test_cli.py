"""The CLI's exit codes, messages and JSON contract, run as a user runs it."""

import json
import os
import subprocess
import sys

import pytest

from compare.cli import main
from compare.errors import InputError

REPO = __import__("pathlib").Path(__file__).resolve().parent.parent

RU = (
    "Правительство выделило 238 миллионов тенге на ремонт школ. "
    "Работы начнутся в марте. "
    "Министр не исключил, что сроки сдвинутся."
)
EN_GOOD = (
    "The government allocated 238 million tenge for school repairs. "
    "The work will begin in March. "
    "The minister did not rule out that the deadlines may shift."
)
EN_BAD = (
    "The government allocated 283 million tenge for school repairs. "
    "The work will begin in March. "
    "The minister ruled out that the deadlines may shift."
)


@pytest.fixture()
def files(tmp_path):
    paths = {}
    for name, text in {"ru": RU, "good": EN_GOOD, "bad": EN_BAD}.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_report_written_and_exit_zero(files, tmp_path, capsys):
    out = tmp_path / "r.json"
    csv_out = tmp_path / "r.csv"
    code = main(["check", "--source", str(files["ru"]), "--target", str(files["bad"]),
                 "--json", str(out), "--csv", str(csv_out)])
    assert code == 0
    report = json.loads(out.read_text("utf-8"))
    assert report["schema"] == "compare.report/1"
    assert report["source"]["lang"] == "ru" and report["target"]["lang"] == "en"
    assert report["source"]["text"] == RU and report["target"]["text"] == EN_BAD
    assert {"compare", "embedder", "thresholds"} <= set(report["signature"])
    assert "e5-small" in report["signature"]["embedder"]
    for side in ("source", "target"):
        covered = sorted(i for p in report["pairs"] for i in p[side])
        assert covered == list(range(len(report[side]["sentences"])))
    flags = [f for p in report["pairs"] for f in p["flags"]]
    by_check = {f["check"]: f for f in flags}
    number = by_check["number-mismatch"]
    assert report["target"]["text"][number["start"]:number["end"]].startswith("283")
    assert "negation-mismatch" in by_check
    assert csv_out.read_text("utf-8").count("\n") == len(report["pairs"]) + 1
    assert "Flags:" in capsys.readouterr().out


def test_fail_on_sets_exit_one_only_when_flags_are_that_severe(files):
    bad = ["check", "--source", str(files["ru"]), "--target", str(files["bad"]), "--quiet"]
    good = ["check", "--source", str(files["ru"]), "--target", str(files["good"]), "--quiet"]
    assert main(bad + ["--fail-on", "critical"]) == 1
    assert main(good + ["--fail-on", "major"]) == 0
    assert main(good) == 0


def test_target_alone_runs_the_checks_that_need_no_source(tmp_path, capsys):
    path = tmp_path / "en.txt"
    path.write_text("He said “yes” ” and left. It was over. .", encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", "--target", str(path), "--json", str(out)]) == 0
    report = json.loads(out.read_text("utf-8"))
    assert report["source"] is None
    checks = {f["check"] for p in report["pairs"] for f in p["flags"]}
    assert {"quote-balance", "doubled-punctuation"} <= checks
    assert all(p["source"] == [] for p in report["pairs"])
    assert "No source text was given" in capsys.readouterr().out


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda d: d / "missing.txt", "not found"),
        (lambda d: _write(d / "empty.txt", b"   "), "empty"),
        (lambda d: _write(d / "x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "PNG"),
        (lambda d: _write(d / "x.pdf", b"%PDF-1.4"), "not supported"),
    ],
)
def test_bad_input_exits_two_with_one_line(tmp_path, capsys, make, words):
    path = make(tmp_path)
    assert main(["check", "--target", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("compare: ") and "\n" not in err and words in err


def test_wrong_language_sides_exit_two(files, capsys):
    assert main(["check", "--source", str(files["good"]), "--target", str(files["bad"])]) == 2
    assert "source text looks like English" in capsys.readouterr().err
    assert main(["check", "--target", str(files["ru"])]) == 2
    assert "English text looks like Russian" in capsys.readouterr().err


def test_help_documents_every_option():
    result = subprocess.run(
        [sys.executable, "-m", "compare", "check", "--help"],
        capture_output=True, text=True, cwd=REPO, check=True,
    )
    for option in ("--source", "--target", "--source-lang", "--json", "--csv", "--fail-on",
                   "--embedder"):
        assert option in result.stdout


def test_module_entry_point_exit_code(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "compare", "check", "--target", str(tmp_path / "none.txt")],
        capture_output=True, text=True, cwd=REPO,
    )
    assert result.returncode == 2
    assert "not found" in result.stderr and "Traceback" not in result.stderr


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ hostile input (issue 10)
def test_report_is_replaced_whole_or_not_at_all_when_the_disk_fills(tmp_path):
    import resource

    from compare.cli import _write as write_report

    out = tmp_path / "r.json"
    out.write_text('{"good": "previous report"}', encoding="utf-8")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))  # files may not grow past 4 KB
    try:
        with pytest.raises(InputError, match="previous file there is unchanged"):
            write_report(str(out), json.dumps({"pairs": ["x" * 100] * 200}))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert json.loads(out.read_text("utf-8")) == {"good": "previous report"}
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary file left
    write_report(str(out), '{"new": 1}')
    assert json.loads(out.read_text("utf-8")) == {"new": 1}


def test_unexpected_errors_exit_three_with_one_line(monkeypatch, capsys, tmp_path):
    import compare.cli as cli

    def broken(args):
        raise RuntimeError("matmul: size 384 is different from 7\nsecond line")

    monkeypatch.setattr(cli, "run_check", broken)
    assert main(["check", "--target", str(tmp_path / "a.txt")]) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("compare: unexpected error: RuntimeError: matmul") and "\n" not in err


@pytest.mark.parametrize("value", ["inf", "nan", "1e308", "0", "-5"])
def test_absurd_max_mb_is_one_line_exit_two(files, capsys, value):
    assert main(["check", "--target", str(files["good"]), f"--max-mb={value}"]) == 2
    err = capsys.readouterr().err.strip()
    assert "--max-mb must be a number of megabytes" in err and "\n" not in err


def test_escape_sequences_in_excerpts_are_shown_not_obeyed(tmp_path, capsys):
    path = tmp_path / "en.txt"
    filler = "The report was long and detailed, and everyone read it with care. " * 8
    path.write_text(filler + "It was over. . \x1b]0;owned\x07\x1b[2J"
                    "And then the minister left the room without a word to anyone there.",
                    encoding="utf-8")
    assert main(["check", "--target", str(path)]) == 0
    out = capsys.readouterr().out
    assert "doubled-punctuation" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out


def test_reading_notes_reach_stderr_once_and_the_json_report(tmp_path, capsys):
    path = tmp_path / "en.txt"
    path.write_bytes("He ordered a café au lait and a naïve “latte” in the morning.".encode(
        "cp1252"))
    out = tmp_path / "r.json"
    assert main(["check", "--target", str(path), "--json", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("Decoded as Windows-1252") == 1
    assert captured.err.startswith("compare: note: English: Decoded as Windows-1252")
    assert "Windows-1252" not in captured.out
    notices = json.loads(out.read_text("utf-8"))["notices"]
    assert any(n.startswith("English: Decoded as Windows-1252") for n in notices)


def test_help_documents_the_exit_statuses():
    result = subprocess.run(
        [sys.executable, "-m", "compare", "check", "--help"],
        capture_output=True, text=True, cwd=REPO, check=True,
    )
    text = " ".join(result.stdout.split())
    assert "3 an unexpected error" in text and "2 bad input" in text


def _requirement_lines(path):
    import re

    lines = []
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append(re.sub(r"\s+", "", line))
    return lines


def test_pyproject_declares_every_requirement_with_the_same_pin():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    required = _requirement_lines(REPO / "requirements.txt")
    if (REPO / "requirements-cluster.txt").exists():
        required += _requirement_lines(REPO / "requirements-cluster.txt")
    assert sorted(required) == sorted(d.replace(" ", "") for d in declared)
    assert project["scripts"]["compare"] == "compare.cli:entry"


def test_report_writes_through_links_and_into_devices_without_replacing_them(tmp_path):
    from compare.cli import _write as write_report

    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_report(str(link), '{"n": 1}')
    assert link.is_symlink() and json.loads(real.read_text("utf-8")) == {"n": 1}
    write_report("/dev/null", '{"n": 2}')  # a device is written into, never renamed over
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    with pytest.raises(InputError, match="Cannot write /dev/full"):
        write_report("/dev/full", '{"n": 3}')  # the disk-full device
    assert not os.path.isfile("/dev/full")


def test_corpus_stats_table_shows_escapes_from_manifest_fields(monkeypatch, capsys, tmp_path):
    import compare.corpus.stats as stats

    monkeypatch.setattr(stats, "load_documents", lambda path: ["doc"])
    monkeypatch.setattr(stats, "group_stats", lambda *a, **k: ["row"])
    monkeypatch.setattr(stats, "stale_documents", lambda path: 0)
    monkeypatch.setattr(stats, "format_table", lambda rows, by: "outlet \x1b[2J\x1b]0;x\x07 5")
    monkeypatch.setattr(stats, "format_categories", lambda rows, by: "category \x1b[2J")
    import compare.corpus.comparisons as comparisons

    monkeypatch.setattr(comparisons, "compare_groups", lambda *a, **k: [])
    monkeypatch.setattr(comparisons, "format_differences", lambda rows, by: "\x1b]0;y\x07 A-B")
    assert main(["corpus", "stats", str(tmp_path / "r.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "outlet \\x1b[2J\\x1b]0;x\\x07 5" in out


def test_output_closed_early_exits_quietly(tmp_path):
    """`compare check ... --json - | head` is not a bug: exit 141 and nothing on stderr."""
    english = " ".join(f"Sentence number {i} says something “quoted” here.." for i in range(600))
    target = tmp_path / "long.en.txt"
    target.write_text(english, encoding="utf-8")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare", "check", "--target", str(target), "--json", "-"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=repo,
        env={**os.environ, "PYTHONPATH": repo},
    )
    assert proc.stdout.read(10)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "unexpected" not in stderr and "Traceback" not in stderr, stderr


def test_progress_shows_on_a_terminal_only(tmp_path, capsys, monkeypatch):
    """On a terminal the stages are one line rewritten in place and cleared; elsewhere nothing."""
    import io

    from compare.cli import StageLine

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    line = StageLine(screen)
    line("aligning", "Embedding sentences: 1,024 of 48,210")
    line("checking", "Running checks")
    line.close()
    shown = screen.getvalue()
    assert "\raligning: Embedding sentences: 1,024 of 48,210" in shown
    assert "\rchecking: Running checks" in shown and shown.endswith("\r")
    piped = io.StringIO()
    StageLine(piped)("checking", "Running checks")
    assert piped.getvalue() == ""

    target = tmp_path / "a.en.txt"
    target.write_text("The minister spoke on Monday. He said nothing new.", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert main(["check", "--target", str(target)]) == 0
    assert "\rchecking: Running checks" in sys.stderr.getvalue()


def test_a_check_can_be_left_out_and_an_unknown_one_is_refused(files, tmp_path, capsys):
    out = tmp_path / "r.json"
    code = main(["check", "--source", str(files["ru"]), "--target", str(files["bad"]),
                 "--json", str(out), "--quiet", "--no-qe", "--no-mt",
                 "--skip-check", "antonym-vector", "--skip-check", "number-mismatch"])
    assert code == 0
    report = json.loads(out.read_text("utf-8"))
    ran = report["signature"]["checks"]
    assert "antonym-vector" not in ran and "number-mismatch" not in ran and "antonym" in ran
    assert not [f for p in report["pairs"] for f in p["flags"] if f["check"] == "number-mismatch"]
    with pytest.raises(SystemExit) as error:
        main(["check", "--source", str(files["ru"]), "--target", str(files["bad"]),
              "--skip-check", "no-such-check"])
    assert error.value.code == 2
    assert "no-such-check" in capsys.readouterr().err


# ------------------------------------------------------------- terminal and data integrity
def _every_command(parser):
    """argv prefixes of the parser and every subcommand under it (``[]``, ``["check"]``...)."""
    import argparse

    yield []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from ([name, *rest] for rest in _every_command(sub))


def test_every_command_prints_its_help_without_a_traceback(capsys):
    from compare.cli import build_parser

    commands = list(_every_command(build_parser()))
    assert ["corpus", "stats"] in commands and len(commands) >= 8
    for argv in commands:
        with pytest.raises(SystemExit) as done:
            main([*argv, "--help"])
        assert done.value.code == 0, argv
        out = capsys.readouterr().out
        assert out.startswith("usage: python -m compare"), argv


def _one_line_refusal(capsys, argv, *words):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert all(w in err for w in words), err
    return err


def test_an_output_named_like_an_input_or_another_output_is_refused_before_any_work(
    files, tmp_path, capsys
):
    english = files["good"]
    before = english.read_bytes()
    _one_line_refusal(capsys, ["check", "--target", str(english), "--json", str(english)],
                      "--json", "is the --target file", "another file name")
    # Another spelling of the same path, a link and a hard link are the same file too.
    sub = tmp_path / "sub"
    sub.mkdir()
    (tmp_path / "link.txt").symlink_to(english)
    os.link(english, tmp_path / "hard.txt")
    for alias in (str(sub / ".." / english.name), str(tmp_path / "link.txt"),
                  str(tmp_path / "hard.txt")):
        _one_line_refusal(capsys, ["check", "--source", str(files["ru"]), "--target",
                                   str(english), "--csv", alias], "--csv", "--target")
    _one_line_refusal(capsys, ["check", "--source", str(files["ru"]), "--target",
                               str(files["bad"]), "--json", str(files["ru"])], "--source")
    assert english.read_bytes() == before
    out = tmp_path / "r.out"
    _one_line_refusal(capsys, ["check", "--target", str(english), "--json", str(out), "--csv",
                               str(out)], "--json and --csv both name", "its own file")
    assert not out.exists()
    _one_line_refusal(capsys, ["check", "--target", str(english), "--json", str(out),
                               "--embedding-cache", str(out)], "--json and --embedding-cache")
    # Standard output twice, or a device, is written into, never replaced: no clash.
    assert main(["check", "--quiet", "--target", str(english), "--json", "-", "--csv", "-"]) == 0
    assert main(["check", "--quiet", "--target", str(english), "--json", "/dev/null", "--csv",
                 "/dev/null"]) == 0


def test_corpus_outputs_never_overwrite_the_manifest_its_articles_or_the_results(
    files, tmp_path, capsys
):
    from compare.corpus.manifest import write_manifest

    manifest = tmp_path / "manifest.csv"
    write_manifest(manifest, [{"id": "a", "source_lang": "ru", "source_path": files["ru"].name,
                               "target_path": files["good"].name}])
    before = manifest.read_bytes()
    base = ["corpus", "run", str(manifest), "--no-qe", "--quiet"]
    _one_line_refusal(capsys, [*base, "--out", str(manifest)], "--out", "MANIFEST")
    _one_line_refusal(capsys, [*base, "--out", str(tmp_path / "r.sqlite"), "--embedding-cache",
                               str(tmp_path / "r.sqlite")], "--out and --embedding-cache")
    _one_line_refusal(capsys, [*base, "--out", str(files["good"])],
                      "--out", "target_path of row 2 (a)")
    _one_line_refusal(capsys, [*base, "--out", str(tmp_path / "r.sqlite"), "--embedding-cache",
                               str(files["ru"])], "--embedding-cache", "source_path of row 2")
    assert manifest.read_bytes() == before and files["good"].read_text("utf-8") == EN_GOOD
    assert files["ru"].read_text("utf-8") == RU and not (tmp_path / "r.sqlite").exists()
    results = tmp_path / "r.sqlite"
    results.write_bytes(b"results")
    _one_line_refusal(capsys, ["corpus", "stats", str(results), "--csv", str(results)],
                      "--csv", "RESULTS")
    folder = tmp_path / "tables"
    folder.mkdir()
    inside = folder / "flags.parquet"
    inside.write_bytes(b"results")
    _one_line_refusal(capsys, ["corpus", "export", str(inside), "--parquet", str(folder)],
                      "flags.parquet", "another folder")
    _one_line_refusal(capsys, ["corpus", "export", str(results), "--parquet", str(results)],
                      "--parquet", "RESULTS")
    assert results.read_bytes() == inside.read_bytes() == b"results"


def test_entry_exits_normally_while_a_thread_it_would_wait_for_runs(monkeypatch):
    import threading

    import compare.cli as cli

    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()

    def fake_exit(code):
        raise AssertionError("os._exit while a non-daemon thread runs")

    monkeypatch.setattr(cli, "main", lambda: 0)
    monkeypatch.setattr(cli.os, "_exit", fake_exit)
    try:
        with pytest.raises(SystemExit) as exited:
            cli.entry()
        assert exited.value.code == 0
    finally:
        release.set()
        worker.join()
