"""The user's stores change one writer at a time and are written whole (issue 23).

Two tabs (threads of one server) or two processes each adding their own dismissals or ignore
rules keep every one of them; a lock file left behind by a killed process blocks nobody; a
write that fails leaves the previous file as it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import Timeout

from compare.atomic_files import lock_path, locked, write_atomically
from compare.dismissals import DismissalStore, IgnoreRules
from compare.glossary import Term, load_user_glossary, save_user_glossary

REPO = Path(__file__).resolve().parent.parent
CHANGES = 40


def _in_threads(*work) -> None:
    """Run each callable in its own thread, all started together, and wait for them."""
    start = threading.Barrier(len(work))
    errors: list[BaseException] = []

    def run(job) -> None:
        start.wait()
        try:
            job()
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert not any(thread.is_alive() for thread in threads)


def test_two_tabs_dismissing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "dismissed.json"

    def tab(name: str):
        def work() -> None:
            for n in range(CHANGES):
                DismissalStore(path).dismiss(f"{name}-{n}")  # the app makes a store a click
        return work

    _in_threads(tab("a"), tab("b"))
    expected = {f"{name}-{n}" for name in "ab" for n in range(CHANGES)}
    assert DismissalStore(path).load() == expected
    _in_threads(lambda: [DismissalStore(path).restore(f"a-{n}") for n in range(CHANGES)],
                lambda: [DismissalStore(path).dismiss(f"c-{n}") for n in range(CHANGES)])
    assert DismissalStore(path).load() == (expected - {f"a-{n}" for n in range(CHANGES)}) | {
        f"c-{n}" for n in range(CHANGES)}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dismissed.json", "dismissed.json.lock"]


def test_two_tabs_adding_ignore_rules_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ignored.json"
    _in_threads(*(lambda check=check: [IgnoreRules(path).add(check, f"term {n}")
                                       for n in range(CHANGES)]
                  for check in ("number-mismatch", "name-mismatch")))
    assert len(IgnoreRules(path).load()) == 2 * CHANGES


_DISMISS_IN_A_PROCESS = """
import sys, time
from pathlib import Path
from compare.dismissals import DismissalStore
path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
while not go.exists():
    time.sleep(0.005)
for n in range({changes}):
    DismissalStore(path).dismiss(f"{{name}}-{{n}}")
"""


def test_two_processes_dismissing_at_once_lose_nothing(tmp_path: Path) -> None:
    path, go = tmp_path / "home" / "dismissed.json", tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    script = _DISMISS_IN_A_PROCESS.format(changes=CHANGES)
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path), name, str(go)],
                              env=env, stderr=subprocess.PIPE, text=True)
             for name in ("a", "b")]
    go.touch()  # both start together, once both are running
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
    assert DismissalStore(path).load() == {f"{name}-{n}" for name in "ab" for n in range(CHANGES)}


_HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from compare.atomic_files import locked
with locked(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(600)
"""


def test_a_lock_left_by_a_killed_process_blocks_nobody(tmp_path: Path) -> None:
    path = tmp_path / "dismissed.json"
    proc = subprocess.Popen([sys.executable, "-c", _HOLD_THE_LOCK, str(path)],
                            env={**os.environ, "PYTHONPATH": str(REPO)},
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(Timeout), locked(path, timeout=0.2):  # it is really held
            pass
        assert issubclass(Timeout, OSError)  # the app reports a busy file as unwritable
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # killed while holding it: no release, no cleanup
        proc.wait(timeout=60)
        if proc.stdout is not None:
            proc.stdout.close()
    assert lock_path(path).exists()  # the lock file is left behind
    started = time.monotonic()
    with locked(path, timeout=10):  # the system released the lock with its holder
        pass
    assert DismissalStore(path).dismiss("after") == {"after"}
    assert time.monotonic() - started < 10


def test_the_glossary_is_saved_under_the_same_lock(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    terms = [Term(("Минфин",), ("Ministry of Finance",))]
    saver = threading.Thread(target=save_user_glossary, args=(terms, path))
    with locked(path):
        saver.start()
        saver.join(timeout=0.5)
        assert saver.is_alive() and not path.exists()  # waits for the holder
    saver.join(timeout=30)
    assert not saver.is_alive()
    _, problem = load_user_glossary(path)
    assert problem == "" and path.read_text("utf-8").startswith("source,english,note\n")


def test_a_failed_atomic_write_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dismissed.json"
    write_atomically(path, '{"dismissed": ["kept"]}')
    assert (path.stat().st_mode & 0o777) == 0o600  # the user's own file, as before

    def refused(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OSError, match="No space"):
        write_atomically(path, '{"dismissed": []}')
    monkeypatch.undo()
    assert path.read_text("utf-8") == '{"dismissed": ["kept"]}'
    assert [p.name for p in tmp_path.iterdir()] == ["dismissed.json"]  # no temporary file
    write_atomically(path, "line\r\n", mode=0o644)  # line endings kept as given
    assert path.read_bytes() == b"line\r\n" and (path.stat().st_mode & 0o777) == 0o644
