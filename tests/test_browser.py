"""One real-browser test: the app served headless, driven by Debian's chromium via Playwright.

It loads the demo, runs the check, waits for highlighted flags and saves a screenshot under
pytest's tmp dir. Playwright's own browser downloads are never used (``executable_path``
points at the system chromium, which ``.ci/run`` installs with apt). The test starts its own
server on a free port and stops only that server.
"""

from __future__ import annotations

import os
import pathlib
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

CHROMIUM = "/usr/bin/chromium"
REPO = pathlib.Path(__file__).resolve().parent.parent
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"the app server did not answer at {url} within {timeout:.0f} s")


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "server.log", "wb")
    env = {**os.environ, "COMPARE_HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "streamlit_app.py"),
         "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # its own session: only this server
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        log.close()


def _check_and_wait(page, demo: str, mark_text: str) -> float:
    """Load a demo, press Check, and return the seconds until its flag shows."""
    page.get_by_role("button", name=f"Load demo: {demo}").click()
    from playwright.sync_api import expect

    expect(page.get_by_label("English translation")).to_have_value(
        re.compile(mark_text), timeout=30_000
    )
    started = time.perf_counter()
    page.get_by_role("button", name="Check", exact=True).click()
    page.locator("table.pairs mark", has_text=mark_text).first.wait_for(
        state="visible", timeout=120_000
    )
    elapsed = time.perf_counter() - started
    print(page.get_by_text(re.compile(r"Done in [0-9.]+ s")).first.inner_text())
    return elapsed


def test_demo_in_a_real_browser(server, tmp_path, record_property):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(server, wait_until="domcontentloaded")
            page.get_by_role("button", name="Check", exact=True).wait_for(timeout=60_000)
            # The server loads the model and pre-checks the demos after drawing the page;
            # Streamlit's running indicator goes away when that is done.
            page.wait_for_timeout(1_000)
            page.locator("[data-testid='stStatusWidget']").wait_for(
                state="detached", timeout=180_000
            )
            first = _check_and_wait(page, "Russian → English", "читателей")
            marks = page.locator("table.pairs mark")
            assert marks.count() >= 9
            critical = page.locator("table.pairs mark.sev-critical", has_text="5400")
            assert critical.is_visible()
            colour = critical.evaluate("e => getComputedStyle(e).backgroundColor")
            assert colour == "rgb(248, 180, 180)"
            assert page.locator("[data-testid='stException']").count() == 0
            second = _check_and_wait(page, "Kazakh → English", "парк")
            # Streamlit scrolls inside its own container: a tall window shows the whole page.
            page.set_viewport_size({"width": 1400, "height": 3400})
            page.wait_for_timeout(800)
            shot = tmp_path / "app.png"
            page.screenshot(path=str(shot))
            assert shot.stat().st_size > 10_000
            assert page.locator("[data-testid='stException']").count() == 0
        finally:
            browser.close()
    timings = {"demo_ru_s": round(first, 2), "demo_kk_s": round(second, 2)}
    record_property("timings", timings)
    print(f"\nscreenshot: {shot}\ntimings: {timings}")
