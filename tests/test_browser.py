"""Real-browser tests: the app served headless, driven by Debian's chromium via Playwright.

The first loads the demo, runs the check, waits for highlighted flags, then for the meaning
scores that fill in after them, and saves a screenshot under pytest's tmp dir. The second
walks a translator's session on a 2,000-sentence pair (a fast fake sentence model, so it takes
seconds, not minutes): glossary edit, search, next flag, ignore and dismiss from the row,
dismissed flags in the HTML and CSV downloads, a correction whose section stays open, and the
Corpus page running an uploaded .zip. A third uploads 1,000 NTREX dev pairs with the shipped
meaning model and reads the counts of its progress line grow under the first results.

Playwright's own browser downloads are never used (``executable_path``
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
    yield from _serve(tmp_path, {})


@pytest.fixture
def fast_server(tmp_path):
    """A server with the fake sentence model and no meaning model: long documents in seconds."""
    yield from _serve(tmp_path, {
        "COMPARE_EMBEDDER": "py:tests.fake_embedders:NumberEmbedder",
        "COMPARE_QE_MODEL": str(tmp_path / "no-meaning-model"),
        "COMPARE_DATA_DIR": str(tmp_path / "data"),
    })


@pytest.fixture
def meaning_server(tmp_path):
    """The fake sentence model with the shipped meaning model: a long document is aligned and
    rule-checked in seconds, and its meaning scores take a minute or more (issue 24)."""
    pytest.importorskip("torch")  # the meaning model needs it; without it no later pass
    yield from _serve(tmp_path, {
        "COMPARE_EMBEDDER": "py:tests.fake_embedders:NumberEmbedder",
        "COMPARE_QE_MODEL": "",  # the shipped model, whatever the environment names
        "COMPARE_DATA_DIR": str(tmp_path / "data"),
    })


def _serve(tmp_path, extra_env):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "server.log", "wb")
    env = {**os.environ, "COMPARE_HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1",
           **extra_env}
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
    # "Done in" while the meaning scores are still coming, "Checked in" once they are in.
    print(page.get_by_text(re.compile(r"(Done|Checked) in [0-9.]+ s")).first.inner_text())
    return elapsed


CUT_LABELS = """() => [...document.querySelectorAll('button, label')]
  .filter(b => b.offsetParent !== null)
  .filter(b => [b, ...b.querySelectorAll('*')].some(
      e => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1))
  .map(b => b.innerText)"""
"""The visible buttons and labels whose text is cut with an ellipsis."""


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
            from playwright.sync_api import expect

            first = _check_and_wait(page, "Russian → English", "читателей")
            marks = page.locator("table.pairs mark")
            assert marks.count() >= 9
            critical = page.locator("table.pairs mark.sev-critical", has_text="5400")
            assert critical.is_visible()
            colour = critical.evaluate("e => getComputedStyle(e).backgroundColor")
            assert colour == "rgb(248, 180, 180)"
            # The rule checks' flags come first; the meaning scores fill in by themselves after
            # (the page polls the background pass every second; issue 24).
            page.locator("table.pairs td.qe").first.wait_for(state="visible", timeout=180_000)
            expect(page.get_by_text("Still to come")).to_have_count(0)
            assert page.locator("[data-testid='stException']").count() == 0
            # At 1,024 px with the sidebar open no button or checkbox label ends in "…".
            page.set_viewport_size({"width": 1024, "height": 3000})
            page.wait_for_timeout(800)
            assert page.evaluate(CUT_LABELS) == []
            page.set_viewport_size({"width": 1400, "height": 1000})
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


def _rerun_done(page, timeout: float = 180_000) -> None:
    """Wait for Streamlit to finish the run a click started: no running indicator and no stale
    (greyed, about to be replaced) element, twice in a row."""
    deadline = time.monotonic() + timeout / 1000
    calm = 0
    page.wait_for_timeout(300)
    while calm < 2:
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not finish its run")
        busy = (page.locator("[data-testid='stStatusWidget']").count()
                + page.locator("[data-stale='true']").count())
        calm = calm + 1 if not busy else 0
        page.wait_for_timeout(250)


def _first_row_id(page) -> str:
    return page.locator("table.pairs tbody tr").first.get_attribute("id")


def test_a_translators_session_on_a_long_pair(fast_server, tmp_path, record_property):
    sync_api = pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import expect

    from tests.fake_embedders import long_pair

    src, eng = long_pair(2000)
    started = time.perf_counter()
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800},
                                    accept_downloads=True)
            page.goto(fast_server, wait_until="domcontentloaded")
            page.get_by_role("button", name="Check", exact=True).wait_for(timeout=60_000)
            _rerun_done(page)
            # the two pages are named in the sidebar
            expect(page.get_by_role("link", name="Check a translation")).to_be_visible()
            expect(page.get_by_role("link", name="Corpus")).to_be_visible()

            # glossary edit: saved in COMPARE_HOME, used by the next Check
            page.get_by_text(re.compile(r"^Glossary \(")).click()
            terms = page.get_by_label("Your terms")
            terms.fill("санкция,restrictive measures,client style\n")
            terms.press("Control+Enter")
            _rerun_done(page)
            page.get_by_role("button", name="Save glossary").click()
            expect(page.get_by_text("Saved 1 term(s)")).to_be_visible(timeout=30_000)
            assert "санкция" in (tmp_path / "home" / "glossary.csv").read_text("utf-8")

            # a 2,000-sentence pair
            for label, text in (("Source (Russian or Kazakh)", src), ("English translation", eng)):
                box = page.get_by_label(label)
                box.fill(text)
                box.press("Control+Enter")
                _rerun_done(page)
            check_started = time.perf_counter()
            page.get_by_role("button", name="Check", exact=True).click()
            page.locator("table.pairs tbody tr").first.wait_for(timeout=300_000)
            first_s = time.perf_counter() - check_started
            # A long document shows its opening first, says so, and the whole check follows.
            expect(page.get_by_text(re.compile("This is the opening of a long document"))
                   ).to_be_visible()  # fmt: skip
            still = page.locator("[data-testid='stAlert']").filter(has_text="Still to come")
            expect(still).to_have_count(0, timeout=300_000)
            _rerun_done(page, 300_000)
            expect(page.get_by_text(re.compile("This is the opening of a long document"))
                   ).to_have_count(0)  # fmt: skip
            check_s = time.perf_counter() - check_started
            expect(page.locator("table.pairs tbody tr")).to_have_count(50)
            assert page.locator("[data-testid='stException']").count() == 0
            chip = page.locator("[data-testid='stMultiSelect'] [data-tag]").first
            assert chip.evaluate("e => getComputedStyle(e).backgroundColor") == \
                "rgb(232, 234, 240)"  # filter chips are grey, not alarm red

            # search over both sides
            search = page.get_by_label("Search both sides")
            search.fill("насчитывало 4500")
            search.press("Enter")
            _rerun_done(page)
            expect(page.locator("table.pairs tbody tr")).to_have_count(1)
            assert _first_row_id(page) == "pair-1500"
            search.fill("")
            search.press("Enter")
            _rerun_done(page)

            # next flag: the США row (name, built-in terminology and the glossary's term)
            page.get_by_role("button", name="Next flag").click()
            _rerun_done(page)
            assert _first_row_id(page) == "pair-1200"
            focus = page.locator("table.pairs tr.focus")
            expect(focus).to_have_count(1)
            expect(focus).to_contain_text("The glossary renders “санкций”")
            page.get_by_role("button", name="Next flag").click()
            _rerun_done(page)
            assert _first_row_id(page) == "pair-1500"

            # ignore from the row: the number flag of row 1500; a number is never ignored
            # everywhere, so the confirmation offers this document only
            page.get_by_role("button", name=re.compile(r"^Ignore “.*”…$")).first.click()
            _rerun_done(page)
            expect(page.get_by_text("never every document")).to_have_count(1)
            page.get_by_role("button", name="Ignore", exact=True).click()
            _rerun_done(page)
            expect(page.get_by_role("button", name="Lift the ignore rule")).to_have_count(1)
            assert (tmp_path / "home" / "ignored.json").is_file()
            # dismiss from the row: back to row 1200 (row 1500 has no active flag now)
            page.get_by_role("button", name="Next flag").click()
            _rerun_done(page)
            assert _first_row_id(page) == "pair-1200"
            page.get_by_role("button", name="Dismiss", exact=True).first.click()
            _rerun_done(page)
            expect(page.get_by_role("button", name="Restore", exact=True)).to_have_count(1)

            # dismissed flags are in the HTML and CSV downloads, marked, and counted
            with page.expect_download() as got:
                page.get_by_role("button", name="HTML", exact=True).click()
            assert got.value.suggested_filename == "report.html"  # pasted text: the bare name
            html_page = pathlib.Path(got.value.path()).read_text("utf-8")
            assert html_page.count('class="dismissed"') == 2
            assert re.search(r'class="dismissed-count">2<', html_page)
            with page.expect_download() as got:
                page.get_by_role("button", name="CSV", exact=True).click()
            assert got.value.suggested_filename == "report.csv"
            sheet = pathlib.Path(got.value.path()).read_text("utf-8")
            assert sheet.count("[dismissed]") == 2 and "\n1," in sheet

            # a correction: its section stays open afterwards
            page.get_by_text("Fix the alignment (merge, split, move a sentence)").click()
            merge = page.get_by_role("button", name="Merge with the next pair")
            merge.click()
            _rerun_done(page, 300_000)
            expect(merge).to_be_visible()
            expect(page.get_by_text("The alignment was corrected by hand")).to_be_visible()
            assert page.locator("[data-testid='stException']").count() == 0

            # the Corpus page runs an uploaded .zip of articles with its manifest
            page.get_by_role("link", name="Corpus").click()
            db = page.get_by_label("Results database (.sqlite), in the data folder")
            db.fill("results.sqlite")
            db.press("Enter")
            _rerun_done(page)
            expect(page.get_by_text("No results at")).to_be_visible()
            page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(
                str(_articles_zip(tmp_path)))
            _rerun_done(page)
            page.get_by_role("button", name="Check the corpus").click()
            expect(page.get_by_text(re.compile("2 checked now"))).to_be_visible(timeout=300_000)
            _rerun_done(page)
            assert (tmp_path / "data" / "results.sqlite").is_file()
            assert page.locator("[data-testid='stException']").count() == 0
            # a researcher's journey: compare the two outlets, open the categories, drill down
            # to a document, download
            expect(page.get_by_text("Differences between outlets")).to_be_visible()
            expect(page.get_by_text(re.compile(r"two-sided permutation test"))).to_be_visible()
            page.get_by_text("Critical and major flags only").click()
            _rerun_done(page)
            page.get_by_text("Per-category table", exact=True).click()
            expect(page.get_by_text("What each outlet leaves out")).to_be_visible()
            drill = page.locator("table.pairs mark", has_text="5400")
            if drill.count() == 0:  # the first outlet in the list is kazinform: open lenta.ru
                chooser = page.locator("[data-testid='stSelectbox']").filter(
                    has_text="Choose an outlet").last
                chooser.locator("input").first.click()
                page.keyboard.type("lenta.ru")
                page.keyboard.press("Enter")
                _rerun_done(page)
            expect(page.locator("table.pairs mark", has_text="5400").first).to_be_visible()
            with page.expect_download() as download:
                page.get_by_role("button", name="Download the per-category table (CSV)").click()
            assert download.value.suggested_filename == "corpus-categories-outlet.csv"
            assert page.locator("[data-testid='stException']").count() == 0
            page.screenshot(path=str(tmp_path / "session.png"))
        finally:
            browser.close()
    timings = {"first_rows_2000_s": round(first_s, 1), "check_2000_s": round(check_s, 1),
               "session_s": round(time.perf_counter() - started, 1)}
    record_property("timings", timings)
    print(f"\ntimings: {timings}")


def _articles_zip(tmp_path: pathlib.Path) -> pathlib.Path:
    import zipfile

    texts = {
        "lib.ru.txt": "В понедельник в Алматы открылась библиотека. Её площадь 4500 метров.",
        "lib.en.txt": "A library opened in Almaty on Monday. Its area is 5400 metres.",
        "park.kk.txt": "Астанада жаңа саябақ ашылды. Саябақтың ауданы 35 гектар.",
        "park.en.txt": "A new park opened in Astana. The park covers 35 hectares.",
    }
    manifest = ("id,outlet,source_lang,source_path,target_path\n"
                "lib,lenta.ru,ru,lib.ru.txt,lib.en.txt\n"
                "park,kazinform,kk,park.kk.txt,park.en.txt\n")
    out = tmp_path / "articles.zip"
    with zipfile.ZipFile(out, "w") as zf:
        for name, text in texts.items():
            zf.writestr(f"corpus/{name}", text + "\n")
        zf.writestr("corpus/manifest.csv", manifest)
    return out


def test_the_seeds_merged_heading_is_flagged_in_a_real_browser(fast_server, shared_dir):
    """The seed article's box label «Справка EADaily», translated word for word and run into
    the next paragraph ("Reference EADaily. …"), is a flag on the page (English alone)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import expect

    seed = (shared_dir / "corpora" / "seed" / "pravda-mendkovich.en.txt").read_text("utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800})
            page.goto(fast_server, wait_until="domcontentloaded")
            page.get_by_role("button", name="Check", exact=True).wait_for(timeout=60_000)
            _rerun_done(page)
            box = page.get_by_label("English translation")
            box.fill(seed)
            box.press("Control+Enter")
            _rerun_done(page)
            page.get_by_role("button", name="Check", exact=True).click()
            page.locator("table.pairs tbody tr").first.wait_for(timeout=120_000)
            _rerun_done(page)
            assert page.locator("[data-testid='stException']").count() == 0
            expect(page.get_by_text(re.compile("opens the paragraph like a box label")).first
                   ).to_be_visible(timeout=30_000)  # fmt: skip
        finally:
            browser.close()


LONG_LINES = 1000
"""Lines of the long document: NTREX dev lines 1-700, then 1-300 again (numbered anew)."""

SCORING = re.compile(r"Scoring meaning: ([\d,]+) of ([\d,]+) pairs")
TIME_LEFT = re.compile(r"about \d+ (?:s|min) left")


def _ntrex_document(shared_dir: pathlib.Path) -> tuple[str, str]:
    """A Russian source and its English of :data:`LONG_LINES` NTREX dev lines, a line a
    paragraph, each numbered on both sides so that no two lines are the same text and the fake
    sentence model aligns them (it matches sentences by their numbers)."""
    from compare.splits import NTREX_DEV_LINES, ntrex_lines

    order = [NTREX_DEV_LINES[k % len(NTREX_DEV_LINES)] for k in range(LONG_LINES)]
    sides = []
    for lang in ("ru", "en"):
        lines = ntrex_lines(lang, order, shared_dir)
        sides.append("\n\n".join(f"({n}) {line}" for n, line in enumerate(lines, 1)))
    return sides[0], sides[1]


def test_progress_of_the_meaning_scores_on_a_1000_pair_document(meaning_server, shared_dir,
                                                               tmp_path, record_property):
    """The pair table comes first, and the line above it counts the meaning model's pairs as
    they are scored ("Scoring meaning: k of N pairs, about T s left", refreshed every second):
    N about the document's length, k growing. The test leaves once it has seen k grow (the
    scores take a minute or more); stopping the server cancels the pass."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import expect

    src, eng = _ntrex_document(shared_dir)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800})
            page.goto(meaning_server, wait_until="domcontentloaded")
            page.get_by_role("button", name="Check", exact=True).wait_for(timeout=60_000)
            _rerun_done(page)
            # Uploaded: typing 150 kB into a text box takes the browser about 15 s a side.
            page.get_by_text("Upload files", exact=True).click()
            _rerun_done(page)
            for label, text, lang in (("Source file", src, "ru"), ("English file", eng, "en")):
                path = tmp_path / f"ntrex-dev.{lang}.txt"
                path.write_text(text, "utf-8")
                uploader = page.locator("[data-testid='stFileUploader']").filter(has_text=label)
                uploader.locator("input[type=file]").set_input_files(str(path))
                _rerun_done(page)
            started = time.monotonic()
            page.get_by_role("button", name="Check", exact=True).click()

            # First the alignment and the rule checks, while the meaning scores are to come.
            page.locator("table.pairs tbody tr").first.wait_for(timeout=180_000)
            first_rows_s = time.monotonic() - started
            still = page.locator("[data-testid='stAlert']").filter(has_text="Still to come")
            expect(still).to_have_count(1)
            expect(page.locator("table.pairs tbody tr")).to_have_count(50)  # the first page
            assert page.locator("table.pairs td.qe").count() == 0
            expect(page.get_by_text(re.compile(r"Done in [0-9.]+ s\. The rest of the document "
                                               "and the meaning scores follow"))
                   ).to_be_visible()  # fmt: skip
            expect(page.get_by_text(re.compile("This is the opening of a long document"))
                   ).to_be_visible()  # fmt: skip

            # Then the counts, read as the page refreshes the line, until k has grown and a
            # time left was given.
            seen: list[tuple[int, int]] = []
            time_left = last = ""
            deadline = time.monotonic() + 180
            present = time.monotonic()
            while time.monotonic() < deadline:
                texts = still.all_inner_texts()
                if not texts:  # between two refreshes, or gone with the pass done
                    assert time.monotonic() - present < 5, \
                        f"the progress line went away before the counts had grown: {last}"
                    page.wait_for_timeout(250)
                    continue
                present, last = time.monotonic(), texts[0]
                if found := SCORING.search(last):
                    count = tuple(int(g.replace(",", "")) for g in found.groups())
                    if not seen or seen[-1] != count:
                        seen.append(count)
                    if not time_left and (left := TIME_LEFT.search(last)):
                        time_left = left.group(0)
                if len(seen) >= 2 and seen[-1][0] > seen[0][0] and time_left:
                    break
                page.wait_for_timeout(250)
            grown_s = time.monotonic() - started
            assert seen, f"the progress line never showed 'Scoring meaning: k of N': {last}"
            totals = {n for _, n in seen}
            assert len(totals) == 1, f"N changed while the scores came in: {seen}"
            (total,) = totals
            # One pair a line, give or take the lines the segmenter splits or the aligner merges.
            assert abs(total - LONG_LINES) <= LONG_LINES // 10, seen
            done = [k for k, _ in seen]
            assert done == sorted(done) and done[-1] > done[0], f"k did not grow: {seen}"
            assert done[-1] < total, f"the scores were done before the test saw k grow: {seen}"
            assert time_left, f"no time left was given: {seen}"
            # The first results stay readable meanwhile.
            assert page.locator("table.pairs td.qe").count() == 0
            expect(page.locator("table.pairs tbody tr")).to_have_count(50)
            assert page.locator("[data-testid='stException']").count() == 0
            # The first results download under the uploaded document's name, not "report".
            with page.expect_download() as got:
                page.get_by_role("button", name="HTML", exact=True).click()
            assert got.value.suggested_filename.startswith("ntrex-dev"), \
                got.value.suggested_filename
        finally:
            browser.close()
    timings = {"first_rows_s": round(first_rows_s, 1), "counts_grown_s": round(grown_s, 1)}
    record_property("timings", timings)
    print(f"\ncounts seen: {seen}, {time_left}\ntimings: {timings}")
