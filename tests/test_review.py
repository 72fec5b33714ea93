"""The review library behind the app: rows with highlights, corrections, dismissals."""

from __future__ import annotations

import json
import time

import pytest

from compare.app_run import NO_MT_NOTICE, read_side, run_review
from compare.corrections import CorrectionError, merge_pairs, relink, split_pair
from compare.demos import DEMOS, demo_texts
from compare.dismissals import DismissalStore
from compare.errors import InputError
from compare.fetch import fetch_url
from compare.reading import read_pasted
from compare.review import (
    Highlight,
    build_rows,
    filter_rows,
    format_diff,
    segments,
    without_dismissed,
)

RU = "Russian → English"
KK = "Kazakh → English"
PLANTED = {"number", "name", "negation", "omission", "addition", "untranslated", "punctuation"}


@pytest.fixture(scope="module")
def cached(embedder):
    """The session's embedder with a memory cache: each demo sentence is embedded once."""
    from compare.embed import CachingEmbedder

    return CachingEmbedder(embedder)


@pytest.fixture(scope="module")
def ru_report(cached):
    src, tgt = demo_texts(RU)
    return run_review(read_pasted(tgt), read_pasted(src), {}, cached)


@pytest.fixture(scope="module")
def kk_report(cached):
    src, tgt = demo_texts(KK)
    return run_review(read_pasted(tgt), read_pasted(src), {}, cached)


def _target_only(text: str):
    return run_review(read_pasted(text), None, {}, None)


def _checks(report) -> set[str]:
    return {f.check for f in report.all_flags()}


# --------------------------------------------------------------------------- demo and rows
@pytest.mark.parametrize("name", [RU, KK])
def test_demo_shows_every_planted_kind(name, ru_report, kk_report):
    report = ru_report if name == RU else kk_report
    categories = {f.category for f in report.all_flags()}
    assert PLANTED <= categories
    checks = _checks(report)
    assert {"number-mismatch", "negation-mismatch", "quote-balance", "end-punctuation",
            "untranslated-cyrillic", "omission", "addition", "name-mismatch"} <= checks
    assert report.languages["source"] == ("ru" if name == RU else "kk")


# English lines (1-based) with a planted error; every other line is a faithful translation.
PLANTED_LINES = {RU: {2, 3, 5, 8, 9, 10, 11, 12}, KK: {2, 3, 5, 8, 9, 11, 12}}


@pytest.mark.parametrize("name", [RU, KK])
def test_only_planted_lines_are_flagged(name, ru_report, kk_report):
    report = ru_report if name == RU else kk_report
    flagged = {t + 1 for p in report.pairs if p.flags for t in p.target}
    assert flagged == PLANTED_LINES[name]
    omitted = [p for p in report.pairs if not p.target]
    assert len(omitted) == 1 and omitted[0].flags


def test_ru_demo_has_the_doubled_period(ru_report):
    assert "doubled-punctuation" in _checks(ru_report)


def test_highlights_cover_exactly_the_flagged_text(ru_report):
    rows = build_rows(ru_report)
    seen = 0
    for row in rows:
        by_key = {rf.key: rf for rf in row.flags}
        for side, text in (("source", row.source_text), ("target", row.target_text)):
            for h in getattr(row, f"{side}_highlights"):
                assert text[h.start : h.end] == by_key[h.key].excerpt
                seen += 1
    assert seen == len(ru_report.all_flags())


def test_omission_and_addition_rows_have_an_empty_side(ru_report):
    rows = build_rows(ru_report)
    omitted = [r for r in rows if r.kind == "omission"]
    added = [r for r in rows if r.kind == "addition"]
    assert [r.source_text for r in omitted] == [
        "В следующем году при библиотеке планируют открыть кафе и лекторий."
    ]
    assert omitted[0].target_text == "" and added[0].source_text == ""
    assert added[0].target_text.startswith("The building was designed")


def test_filter_rows_narrows_flags_and_highlights(ru_report):
    rows = filter_rows(build_rows(ru_report), {"number"}, None, only_flagged=True)
    assert len(rows) == 1 and rows[0].target_text[rows[0].target_highlights[0].start :
                                                  rows[0].target_highlights[0].end] == "5400"
    everything = filter_rows(build_rows(ru_report), {"number"}, None, only_flagged=False)
    assert len(everything) == len(ru_report.pairs)
    assert sum(len(r.flags) for r in everything) == 1


def test_segments_rebuild_the_text_and_prefer_the_worse_flag():
    lights = [
        Highlight(0, 5, "minor", "punctuation", "a", "m", "k1"),
        Highlight(3, 8, "critical", "number", "b", "m", "k2"),
        Highlight(10, 10, "major", "punctuation", "c", "m", "k3"),
    ]
    text = "abcdefghijkl"
    pieces = segments(text, lights)
    assert "".join(p for p, _ in pieces) == text
    assert [(p, [h.check for h in hs]) for p, hs in pieces] == [
        ("abc", ["a"]), ("de", ["b", "a"]), ("fgh", ["b"]), ("ij", []), ("", ["c"]), ("kl", [])
    ]


# --------------------------------------------------------------------------- corrections
def _addition_index(report) -> int:
    return next(n for n, p in enumerate(report.pairs) if not p.source)


def test_merge_reruns_checks_and_leaves_the_original_alone(ru_report):
    n = _addition_index(ru_report)
    before = len(ru_report.pairs)
    merged = merge_pairs(ru_report, n - 1)
    assert len(merged.pairs) == before - 1 and len(ru_report.pairs) == before
    assert "addition" not in _checks(merged) and "addition" in _checks(ru_report)
    assert "number-mismatch" in _checks(merged)  # the other checks ran again
    assert merged.pairs[n - 1].score == 1.0 and merged.signature.extra["corrected"] is True
    assert any("corrected by hand" in n for n in merged.notices)


def test_a_correction_gives_every_pair_a_risk_again(ru_report):
    n = _addition_index(ru_report)
    assert all(p.risk is not None for p in ru_report.pairs)
    merged = merge_pairs(ru_report, n - 1)
    # attach_flags makes new pairs without a risk; the correction must set it again.
    assert all(p.risk is not None and 0.0 <= p.risk <= 1.0 for p in merged.pairs)


def test_split_undoes_a_merge(ru_report):
    n = _addition_index(ru_report)
    merged = merge_pairs(ru_report, n - 1)
    split = split_pair(merged, n - 1, 1, 1)
    assert [(p.source, p.target) for p in split.pairs] == [
        (p.source, p.target) for p in ru_report.pairs
    ]
    assert "addition" in _checks(split)


def test_relink_moves_an_edge_sentence_and_drops_an_emptied_pair(ru_report):
    n = _addition_index(ru_report)
    sentence = ru_report.pairs[n].target[0]
    moved = relink(ru_report, "target", sentence, n - 1)
    assert len(moved.pairs) == len(ru_report.pairs) - 1
    assert moved.pairs[n - 1].target[-1] == sentence
    assert "addition" not in _checks(moved)


def test_impossible_corrections_say_why(ru_report):
    last = len(ru_report.pairs) - 1
    with pytest.raises(CorrectionError, match="no pair after"):
        merge_pairs(ru_report, last)
    with pytest.raises(CorrectionError, match="at least one sentence"):
        split_pair(ru_report, 0, 0, 0)
    with pytest.raises(CorrectionError, match="just before or after"):
        relink(ru_report, "target", 0, 5)
    with pytest.raises(CorrectionError, match="no pair there"):
        relink(ru_report, "target", 0, -1)
    with pytest.raises(CorrectionError, match="first or last"):
        merged = merge_pairs(ru_report, 0)
        relink(merged, "target", 0, 1)


def test_correction_recomputes_similarity_with_an_embedder(ru_report, cached):
    n = _addition_index(ru_report)
    merged = merge_pairs(ru_report, n - 1, embedder=cached)
    assert 0.5 < merged.pairs[n - 1].similarity <= 1.0


# --------------------------------------------------------------------------- dismissals
def test_dismissal_persists_across_store_instances(tmp_path, ru_report):
    path = tmp_path / "home" / "dismissed.json"
    rows = build_rows(ru_report)
    key = next(rf.key for r in rows for rf in r.flags if rf.flag.check == "number-mismatch")
    DismissalStore(path).dismiss(key)
    again = DismissalStore(path).load()
    assert again == {key}
    rows = build_rows(ru_report, again)
    number_row = next(r for r in rows if any(f.key == key for f in r.flags))
    assert not number_row.active and not number_row.target_highlights
    assert "number-mismatch" not in _checks(without_dismissed(ru_report, again))
    assert DismissalStore(path).restore(key) == set()
    assert json.loads(path.read_text())["dismissed"] == []


def test_broken_store_file_counts_as_empty(tmp_path):
    path = tmp_path / "dismissed.json"
    path.write_text("{not json")
    assert DismissalStore(path).load() == set()


def test_signature_depends_on_the_texts_not_on_offsets():
    one = _target_only('He said "hello.\n')
    two = _target_only('A first paragraph.\n\nHe said "hello.\n')
    three = _target_only('He said "goodbye.\n')

    def keys(report):
        return {rf.key for r in build_rows(report) for rf in r.flags if rf.flag.check ==
                "quote-balance"}

    assert keys(one) and keys(one) == keys(two)
    assert not keys(one) & keys(three)


# --------------------------------------------------------------------------- input
def test_read_side_names_the_side_on_bad_input():
    with pytest.raises(InputError, match=r"^Source: .*PDF"):
        read_side("Source", None, ("a.txt", b"%PDF-1.4\x00\x01binary"))
    with pytest.raises(InputError, match=r"^English: .*MB"):
        read_side("English", "x" * 5_100_000, None)
    assert read_side("English", "   \n", None) is None
    assert read_side("English", "Hello.", None).text == "Hello."


def test_wrong_language_side_is_an_input_error_without_cli_hints():
    ru = read_pasted("Это русский текст о погоде. Завтра будет дождь и сильный ветер.")
    with pytest.raises(InputError, match="English") as info:
        run_review(ru, ru, {}, object())
    assert "--" not in str(info.value)


def test_no_mt_notice_only_with_a_source(ru_report):
    assert NO_MT_NOTICE in ru_report.notices
    assert NO_MT_NOTICE not in _target_only("Plain English text.").notices


def test_demos_are_listed():
    assert set(DEMOS) == {RU, KK}
    for name in DEMOS:
        src, tgt = demo_texts(name)
        assert len(src.splitlines()) == 12 and len(tgt.splitlines()) == 12


def test_rows_carry_machine_translation_when_it_ran(ru_report):
    from dataclasses import replace

    diff = [{"op": "equal", "mt": "The library will", "human": "The library will"},
            {"op": "replace", "mt": "not charge.", "human": "charge a fee."}]
    mt = {"en": "The library will not charge.", "back": "Библиотека будет брать плату.",
          "chrf": 41.5, "diff": diff}
    pairs = [replace(p, mt=mt if n == 4 else None) for n, p in enumerate(ru_report.pairs)]
    rows = build_rows(replace(ru_report, pairs=pairs))
    assert rows[4].machine_english == mt["en"] and rows[4].back_translation == mt["back"]
    assert rows[3].machine_english is None
    assert format_diff(mt["diff"]) == "The library will [-not charge.] [+charge a fee.]"


def test_mt_switched_on_without_models_still_gives_a_full_report(ru_report, cached):
    pytest.importorskip("compare.mt")
    src, tgt = demo_texts(RU)
    report = run_review(read_pasted(tgt), read_pasted(src), {"mt": True}, cached)
    assert _checks(report) == _checks(ru_report)
    assert NO_MT_NOTICE in report.notices or report.mt is not None


# --------------------------------------------------------------------------- web addresses
@pytest.fixture
def local_site():
    """A tiny web server on a free local port serving one article page and one 404."""
    import http.server
    import threading

    page = ("<html><head><title>News</title><script>var x = 1;</script></head><body>"
            "<nav>Home | About</nav><article><h1>Library opens</h1>"
            "<p>On Monday a new city library opened in Almaty.</p>"
            "<p>The building took three years to build.</p></article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            if self.path == "/redirect":  # to a link-local address (a cloud metadata service)
                self.send_response(302)
                self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
                self.end_headers()
                return
            if self.path == "/drip":  # one byte at a time, never done
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                try:
                    for _ in range(600):
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(0.05)
                except OSError:
                    pass
                return
            if self.path != "/article":
                self.send_error(404, "Not Found")
                return
            body = page.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_url_reads_the_article_text(local_site):
    text = fetch_url(f"{local_site}/article", allow_private=True)
    assert "On Monday a new city library opened in Almaty." in text.text
    assert "var x" not in text.text and text.name.endswith("/article")


def test_fetch_url_failures_are_input_errors(local_site):
    import socket

    with pytest.raises(InputError, match="404"):
        fetch_url(f"{local_site}/missing", allow_private=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    with pytest.raises(InputError, match="Could not fetch"):
        fetch_url(f"http://127.0.0.1:{closed}/article", timeout=3, allow_private=True)
    with pytest.raises(InputError, match="http:// or https://"):
        fetch_url("file:///etc/passwd")


@pytest.mark.parametrize("url", ["http://127.0.0.1:8501/", "http://localhost/admin",
                                 "http://10.1.2.3/", "http://192.168.0.1/", "http://[::1]/",
                                 "http://169.254.169.254/latest/meta-data/"])  # fmt: skip
def test_fetch_url_refuses_local_and_private_addresses(url, monkeypatch):
    monkeypatch.delenv("COMPARE_FETCH_PRIVATE", raising=False)
    with pytest.raises(InputError, match="local or private address"):
        fetch_url(url, timeout=2)


def test_a_redirect_to_a_private_address_is_refused(local_site, monkeypatch):
    import compare.fetch as fetch

    real = fetch.private_address
    # The test server itself is on loopback: let only its first hop through.
    monkeypatch.setattr(fetch, "private_address",
                        lambda host, port=None: None if host == "127.0.0.1" else real(host, port))
    monkeypatch.delenv("COMPARE_FETCH_PRIVATE", raising=False)
    with pytest.raises(InputError, match=r"local or private address \(169\.254\.169\.254\)"):
        fetch_url(f"{local_site}/redirect", timeout=3)


def test_a_page_that_drips_in_is_cut_at_the_deadline(local_site):
    started = time.monotonic()
    with pytest.raises(InputError, match="too slowly"):
        fetch_url(f"{local_site}/drip", timeout=5, allow_private=True, deadline=1.0)
    assert time.monotonic() - started < 5


# --------------------------------------------------------------------------- long documents
def test_search_next_flag_and_unfiltered_rows_for_long_documents():
    from compare.flags import CATEGORIES, SEVERITIES
    from compare.review import next_flagged, search_rows

    lines = ['He said "hello.' if i in (3, 7) else f"Line {i} is fine." for i in range(10)]
    text = "\n".join(lines)
    rows = build_rows(_target_only(text))
    assert filter_rows(rows, set(CATEGORIES), set(SEVERITIES)) is rows  # nothing copied
    assert [r.index for r in filter_rows(rows, None, None, True)] == [3, 7]
    assert [r.index for r in search_rows(rows, "  LINE 5 ")] == [5]
    assert search_rows(rows, "") is rows
    assert next_flagged(rows, -1) == 3 and next_flagged(rows, 3) == 7
    assert next_flagged(rows, 7) == 3  # wraps round
    assert next_flagged(rows[:3], 0) is None
