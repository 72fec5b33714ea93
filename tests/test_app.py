"""The browser app's main flows, driven headless by Streamlit's AppTest.

The sentence model is cached per process (``st.cache_resource``) and the demo's embeddings
per model, so only the first test pays for loading it.
"""

from __future__ import annotations

import io
import pathlib
import re
import zipfile

import pytest
from lxml import html as lxml_html

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

APP = str(pathlib.Path(__file__).resolve().parent.parent / "streamlit_app.py")
RU = "Russian → English"
KK = "Kazakh → English"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Dismissals go to a fresh folder per test, never to the user's own; the meaning model is
    one that is not there (so the figures below do not depend on the shipped model), unless a
    test names the tiny one."""
    monkeypatch.setenv("COMPARE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COMPARE_QE_MODEL", str(tmp_path / "no-meaning-model"))
    return tmp_path / "home"


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def _run_demo(name: str = RU) -> AppTest:
    at = _app()
    at.button(key=f"demo_{name}").click().run()
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    return at


def _table(at: AppTest):
    body = next(h.proto.body for h in at.get("html") if "table" in h.proto.body)
    return lxml_html.fromstring(body)


def _marked_checks(at: AppTest) -> set[str]:
    return {c for m in _table(at).xpath("//table//mark") for c in m.get("data-check").split()}


def _metric(at: AppTest, label: str) -> int:
    return int(next(m.value for m in at.metric if m.label == label))


# --------------------------------------------------------------------------- flows
@pytest.mark.parametrize("name", [RU, KK])
def test_demo_loads_with_one_click_and_shows_every_kind_of_flag(name):
    at = _run_demo(name)
    checks = _marked_checks(at)
    assert {"number-mismatch", "name-mismatch", "negation-mismatch", "omission", "addition",
            "untranslated-cyrillic", "quote-balance", "end-punctuation"} <= checks
    if name == RU:
        assert "doubled-punctuation" in checks
    # The test runs without the meaning model: the changed number is critical; the lost
    # negation is critical or, where its rules-only risk falls under the fitted threshold (the
    # Russian demo: 0.352 against 0.357 since session 11), a minor hint. With the model (the
    # app's default) both are critical: tests/test_qe_shipped.py.
    assert _metric(at, "Critical") >= 1
    assert any("Machine translation did not run" in i.value for i in at.info)


def test_paste_and_run():
    at = _app()
    at.text_area(key="source_text").input("В 2020 году в городе жили 15 тысяч человек.")
    at.text_area(key="target_text").input("In 2021 the town had 15,000 inhabitants.")
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    assert "number-mismatch" in _marked_checks(at)
    assert _metric(at, "Pairs") == 1


def test_english_alone_runs_the_checks_that_need_no_source():
    at = _app()
    at.text_area(key="target_text").input('He said "hello.. Then he left.')
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    assert {"doubled-punctuation", "quote-balance"} <= _marked_checks(at)


def test_filters_do_not_rerun_the_check():
    at = _run_demo()
    report = at.session_state["report"]
    at.multiselect(key="f_cat").set_value(["number"]).run()
    at.checkbox(key="f_only").check().run()
    assert at.session_state["report"] is report
    table = _table(at)
    assert len(table.xpath("//tbody/tr")) == 1
    assert _marked_checks(at) == {"number-mismatch"}


def test_dismissed_flag_stays_dismissed_in_a_new_session(home):
    at = _run_demo()
    before = _metric(at, "Critical")
    key = _key_of(at, "number-mismatch")
    at.button(key=f"dismiss_{key}").click().run()
    assert _metric(at, "Dismissed") == 1 and _metric(at, "Critical") == before - 1
    assert "number-mismatch" not in _marked_checks(at)
    assert (home / "dismissed.json").is_file()
    fresh = _run_demo()
    assert _metric(fresh, "Dismissed") == 1
    assert "number-mismatch" not in _marked_checks(fresh)
    fresh.button(key=f"restore_{key}").click().run()
    assert _metric(fresh, "Dismissed") == 0 and "number-mismatch" in _marked_checks(fresh)


def _key_of(at: AppTest, check: str) -> str:
    """The signature of the first active flag of ``check`` on the page."""
    from compare.review import build_rows

    rows = build_rows(at.session_state["report"], at.session_state["dismissed"])
    return next(f.key for r in rows for f in r.active if f.flag.check == check)


def test_ignore_a_term_everywhere_from_its_row(home):
    at = _app()
    at.text_area(key="target_text").input('He said "hello.\n\nShe said "hello.\n')
    at.button(key="run").click().run()
    key = _key_of(at, "quote-balance")
    at.button(key=f"ignore_{key}").click().run()
    # Never one click: the rule waits for a confirmation that says what stops, and where.
    assert not at.exception and "quote-balance" in _marked_checks(at)
    assert not (home / "ignored.json").exists()
    warning = " ".join(w.value for w in at.warning).replace("\\", "")  # markdown escapes
    assert "No quote-balance flag on" in warning and "in this document" in warning
    # A quote mark is the check itself: no "every document" choice is offered.
    assert not [r for r in at.radio if r.key == "rule_scope"]
    at.button(key="rule_confirm_yes").click().run()
    assert not at.exception
    assert "quote-balance" not in _marked_checks(at)
    assert _metric(at, "Dismissed") == 0  # ignored flags are counted apart from dismissed ones
    assert any("Ignored by a rule: 2" in c.value for c in at.caption)
    stored = (home / "ignored.json").read_text("utf-8")
    assert "quote-balance" in stored and '"document"' in stored
    # The rule is listed with its scope, and lifting it brings the flags back.
    assert any("quote-balance on" in m.value.replace("\\", "") and "this document" in m.value
               for m in at.markdown)
    at.button(key="lift_rule_0").click().run()
    assert "quote-balance" in _marked_checks(at)
    assert "quote-balance" not in (home / "ignored.json").read_text("utf-8")


def test_a_rule_for_every_document_needs_that_choice_and_a_document_rule_stays_home(home):
    at = _run_demo()
    key = _key_of(at, "name-mismatch")
    at.button(key=f"ignore_{key}").click().run()
    at.button(key="rule_confirm_no").click().run()  # cancel: nothing is kept
    assert not (home / "ignored.json").exists() and "name-mismatch" in _marked_checks(at)
    at.button(key=f"ignore_{key}").click().run()
    at.radio(key="rule_scope").set_value("Every document").run()
    assert "in every document you check from now on" in " ".join(w.value for w in at.warning)
    at.button(key="rule_confirm_yes").click().run()
    stored = (home / "ignored.json").read_text("utf-8")
    assert "name-mismatch" in stored and '"document"' not in stored
    assert any("every document" in m.value for m in at.markdown
               if "name-mismatch on" in m.value.replace("\\", ""))
    # A rule scoped to one document does not cover another document.
    from compare.dismissals import IgnoreRules, rules_for

    rules = IgnoreRules(home / "ignored.json")
    rules.add("number-mismatch", "5400", "another-document")
    assert ("number-mismatch", "5400") not in rules_for(rules.load(), "this-document")
    assert ("number-mismatch", "5400") in rules_for(rules.load(), "another-document")


def test_a_broken_store_is_one_warning_and_set_aside_on_the_next_dismissal(home):
    home.mkdir(parents=True)
    (home / "dismissed.json").write_text("{broken", encoding="utf-8")
    at = _app()
    assert any("not valid JSON" in w.value for w in at.warning)
    at.button(key=f"demo_{RU}").click().run()
    at.button(key="run").click().run()
    at.button(key=f"dismiss_{_key_of(at, 'number-mismatch')}").click().run()
    assert len(list(home.glob("dismissed.json.unreadable-*"))) == 1
    assert _metric(at, "Dismissed") == 1


def test_glossary_edit_removes_a_name_flag_and_persists(home):
    src = "Заявление сделал Роспотребнадзор в Омске."
    eng = "The statement came from the consumer watchdog in Omsk."

    def check(at: AppTest) -> AppTest:
        at.text_area(key="source_text").input(src)
        at.text_area(key="target_text").input(eng)
        at.button(key="run").click().run()
        assert not at.exception and not at.error
        return at

    at = check(_app())
    assert "name-mismatch" in _marked_checks(at)
    at.text_area(key="glossary_text").input("Роспотребнадзор,consumer watchdog\n").run()
    at.button(key="glossary_save").click().run()
    assert (home / "glossary.csv").is_file()
    at.button(key="run").click().run()
    assert "name-mismatch" not in _marked_checks(at)
    # the glossary survives a restart, and a term translated differently is flagged
    fresh = _app()
    assert fresh.text_area(key="glossary_text").value.startswith(
        "Роспотребнадзор,consumer watchdog")
    fresh.text_area(key="glossary_text").input("Роспотребнадзор,Rospotrebnadzor\n").run()
    fresh.button(key="glossary_save").click().run()
    check(fresh)
    assert "terminology" in _marked_checks(fresh)


def test_a_wrong_glossary_line_is_one_warning_and_nothing_is_saved(home):
    at = _app()
    at.text_area(key="glossary_text").input("only a source term\n").run()
    at.button(key="glossary_save").click().run()
    assert not at.exception and any("line 1" in w.value for w in at.warning)
    assert not (home / "glossary.csv").exists()


def test_english_alone_shows_one_text_column_and_no_added_rows():
    at = _app()
    at.text_area(key="target_text").input("He said hello.. Then he left. It rained.")
    at.button(key="run").click().run()
    table = _table(at)
    assert [th.text_content() for th in table.xpath("//th")] == ["#", "English", "Flags"]
    assert "added" not in table.text_content()
    assert not [e for e in at.get("expander") if "Fix the alignment" in e.label]


def test_search_paging_and_next_flag_on_a_long_text():
    lines = [f"Line {i} says nothing special." for i in range(300)]
    lines[180] = 'Line 180 says "something.'
    lines[260] = "Line 260 has a doubled stop.."
    at = _app()
    at.text_area(key="target_text").input("\n".join(lines))
    at.button(key="run").click().run()
    assert len(_table(at).xpath("//tbody/tr")) == 50
    at.button(key="next_flag").click().run()
    rows = _table(at).xpath("//tbody/tr")
    assert rows[0].get("id") == "pair-181" and "focus" in rows[0].get("class")
    at.button(key="next_flag").click().run()
    assert _table(at).xpath("//tbody/tr")[0].get("id") == "pair-261"
    at.button(key="next_flag").click().run()  # wraps round
    assert _table(at).xpath("//tbody/tr")[0].get("id") == "pair-181"
    at.text_input(key="f_search").input("doubled STOP").run()
    assert [r.get("id") for r in _table(at).xpath("//tbody/tr")] == ["pair-261"]
    at.text_input(key="f_search").input("").run()
    at.checkbox(key="f_only").check().run()
    assert [r.get("id") for r in _table(at).xpath("//tbody/tr")] == ["pair-181", "pair-261"]


def _read_first_keys(at: AppTest) -> list[str]:
    return [b.key for b in at.button if (b.key or "").startswith("read_first_")]


def test_read_these_first_lists_the_riskiest_pairs_and_jumps_to_one():
    from compare.risk import riskiest

    at = _run_demo()
    report = at.session_state["report"]
    from compare.report import READ_FIRST_FLOOR

    picked = [n for n in riskiest(report, 10) if report.pairs[n].main_flag is not None
              or (report.pairs[n].risk or 0.0) >= READ_FIRST_FLOOR]  # fmt: skip
    assert picked  # the demo has planted errors
    assert any(h.value == "Read these first" for h in at.subheader)
    assert _read_first_keys(at) == [f"read_first_{n}" for n in picked]
    lines = [m.value for m in at.markdown if m.value.startswith("**") and "%**" in m.value]
    assert [line.split("**")[1] for line in lines] == [f"{report.pairs[n].risk:.0%}"
                                                       for n in picked]
    # A search that hides the pair is cleared by the jump; the view opens on the pair.
    n = picked[-1]
    at.text_input(key="f_search").input("no such words anywhere").run()
    assert not _table(at).xpath("//tbody/tr")
    at.button(key=f"read_first_{n}").click().run()
    assert not at.exception
    assert at.text_input(key="f_search").value == ""
    first = _table(at).xpath("//tbody/tr")[0]
    assert first.get("id") == f"pair-{n + 1}" and "focus" in first.get("class")
    assert at.session_state["report"] is report  # a jump never re-runs the check


def test_read_these_first_escapes_the_text_it_quotes():
    at = _app()
    at.text_area(key="source_text").input("В 2020 году в городе жили 15 тысяч человек.")
    at.text_area(key="target_text").input("In 2021 the <b>town</b> had *15,000* people.")
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    assert _read_first_keys(at) == ["read_first_0"]
    line = next(m.value for m in at.markdown if "town" in m.value and "%**" in m.value)
    assert r"\<b\>town\</b\>" in line and r"\*15,000\*" in line


def test_the_correction_section_stays_open_after_a_change():
    at = _run_demo()
    fix = next(e for e in at.get("expander") if "Fix the alignment" in e.label)
    assert not fix.proto.expanded
    report = at.session_state["report"]
    added = next(n for n, p in enumerate(report.pairs) if not p.source)
    at.number_input(key="merge_n").set_value(added).run()
    at.button(key="merge_btn").click().run()
    fix = next(e for e in at.get("expander") if "Fix the alignment" in e.label)
    assert fix.proto.expanded


def test_machine_translation_switch_says_why_it_is_off():
    at = _app()
    if not at.toggle(key="mt").disabled:
        pytest.skip("machine translation is ready here")
    reasons = [c.value for c in at.sidebar.caption]
    assert any("pip install" in r or "models download" in r for r in reasons)


def test_merge_two_pairs_reruns_the_checks():
    at = _run_demo()
    report = at.session_state["report"]
    added = next(n for n, p in enumerate(report.pairs) if not p.source)
    at.number_input(key="merge_n").set_value(added).run()
    at.button(key="merge_btn").click().run()
    assert not at.exception
    assert _metric(at, "Pairs") == len(report.pairs) - 1
    assert at.session_state["report"].pairs[added - 1].similarity is not None
    assert "addition" not in _marked_checks(at)
    assert "number-mismatch" in _marked_checks(at)


def test_split_a_pair_back_into_two():
    at = _run_demo()
    report = at.session_state["report"]
    added = next(n for n, p in enumerate(report.pairs) if not p.source)
    at.number_input(key="merge_n").set_value(added).run()
    at.button(key="merge_btn").click().run()
    at.number_input(key="split_n").set_value(added).run()
    at.number_input(key="split_s").set_value(1).run()
    at.number_input(key="split_t").set_value(1).run()
    at.button(key="split_btn").click().run()
    assert not at.exception and not at.warning
    assert _metric(at, "Pairs") == len(report.pairs)
    assert "addition" in _marked_checks(at)


def test_machine_translation_switch_never_breaks_the_page():
    at = _app()
    if at.toggle(key="mt").disabled:
        pytest.skip("machine translation is not installed")
    at.toggle(key="mt").set_value(True).run()
    at.button(key=f"demo_{RU}").click().run()
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    assert "number-mismatch" in _marked_checks(at)
    assert at.info  # either MT figures came with notices, or a notice says why MT did not run


def test_impossible_correction_shows_a_warning():
    at = _run_demo()
    at.number_input(key="move_n").set_value(1).run()
    at.radio(key="move_dir").set_value("first sentence to the previous pair").run()
    at.button(key="move_btn").click().run()
    assert not at.exception
    assert any("no pair there" in w.value for w in at.warning)
    assert at.session_state["report"].pairs == _run_demo().session_state["report"].pairs


def test_every_export_has_a_download_button():
    at = _run_demo()
    labels = {b.label for b in at.get("download_button")}
    assert labels == {"JSON", "CSV", "HTML", "TMX", "XLIFF"}


# --------------------------------------------------------------------------- bad input
def _error_after(at: AppTest) -> str:
    """The page's error message as the user reads it (Markdown escapes removed)."""
    assert not at.exception
    assert at.error, "expected a message on the page"
    return re.sub(r"\\(.)", r"\1", at.error[0].value)


def test_five_megabyte_paste_gives_a_message():
    at = _app()
    at.text_area(key="target_text").input("Word. " * 900_000)
    at.button(key="run").click().run()
    assert "MB" in _error_after(at)


def test_binary_upload_gives_a_message():
    at = _app()
    at.radio(key="input_mode").set_value("Upload files").run()
    at.file_uploader(key="target_file").upload("article.txt", b"\x7fELF\x02\x01\x00binary")
    at.run()
    at.button(key="run").click().run()
    assert "program" in _error_after(at)


def test_broken_docx_upload_gives_a_message():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    at = _app()
    at.radio(key="input_mode").set_value("Upload files").run()
    at.file_uploader(key="target_file").upload("article.docx", buf.getvalue())
    at.run()
    at.button(key="run").click().run()
    assert ".docx" in _error_after(at)


def test_wrong_language_side_gives_a_message_and_the_app_stays_usable():
    at = _app()
    russian = "Это русский текст о погоде. Завтра будет дождь и сильный ветер."
    at.text_area(key="source_text").input(russian)
    at.text_area(key="target_text").input(russian)
    at.button(key="run").click().run()
    assert "English" in _error_after(at)
    at.button(key=f"demo_{RU}").click().run()
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    assert "number-mismatch" in _marked_checks(at)


def test_unreachable_web_address_gives_a_message():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    at = _app()
    at.radio(key="input_mode").set_value("Web addresses").run()
    at.text_input(key="target_url").input(f"http://127.0.0.1:{closed}/article").run()
    at.button(key="run").click().run()
    message = _error_after(at)
    assert message.startswith("Could not fetch http://127.0.0.1:") and "\\" not in message


def test_web_addresses_can_be_switched_off():
    at = _app()
    assert "Web addresses" in at.radio(key="input_mode").options
    at.toggle(key="urls").set_value(False).run()
    assert "Web addresses" not in at.radio(key="input_mode").options


def test_a_changed_threshold_reaches_the_report():
    at = _app()
    at.slider(key="sim_unrelated").set_value(0.95).run()
    at.button(key=f"demo_{KK}").click().run()
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    report = at.session_state["report"]
    assert report.signature.thresholds["sim_unrelated"] == 0.95  # the user's value wins


# --------------------------------------------------------------------------- meaning model
def test_a_missing_meaning_model_is_one_line_and_the_check_runs():
    at = _run_demo()
    assert any("No QE model" in i.value for i in at.sidebar.info)
    assert "number-mismatch" in _marked_checks(at)
    assert at.session_state["report"].qe is None
    assert not _table(at).xpath("//td[@class='qe']")


@pytest.fixture
def tiny_model(tiny_qe_dir, monkeypatch):
    monkeypatch.setenv("COMPARE_QE_MODEL", str(tiny_qe_dir))
    return tiny_qe_dir


def _rest_in(at: AppTest) -> None:
    """Wait for the rest of the check (the meaning scores, in a background thread after the
    first look) and rerun the page, which takes it in (the browser polls every second)."""
    if "later_pass" in at.session_state:
        assert at.session_state["later_pass"].wait(120)
    at.run()
    assert not at.exception and "later_pass" not in at.session_state


def test_the_sure_word_rule_can_be_switched_off_in_the_sidebar(tiny_model):
    at = _app()
    at.slider(key="qe_major").set_value(1.0).run()  # every scored pair is under the cut
    at.checkbox(key="qe_sure_word").uncheck().run()
    at.button(key=f"demo_{RU}").click().run()
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    _rest_in(at)
    report = at.session_state["report"]
    assert report.signature.thresholds.get("qe_major_word_bad", "absent") is None
    shifts = [f for f in report.all_flags() if f.check == "meaning-shift" and "score" in f.evidence
              and "passage_words" not in f.evidence]  # fmt: skip
    assert shifts and all(f.evidence["sure_word"] is True for f in shifts)
    assert not any("hint to check" in f.message for f in shifts)


def test_meaning_model_scores_each_pair_and_marks_the_doubted_words(tiny_model):
    at = _app()
    assert not at.sidebar.info  # the model loaded
    at.slider(key="qe_major").set_value(1.0).run()  # every scored pair is flagged
    at.button(key=f"demo_{RU}").click().run()
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    _rest_in(at)
    report = at.session_state["report"]
    scored = [p for p in report.pairs if p.qe is not None]
    assert scored and report.qe["pairs_scored"] == len(scored)
    table = _table(at)
    badges = [b.text_content() for b in table.xpath("//td[@class='qe']/span")]
    assert badges == [f"meaning {p.qe['score']:.2f}" for p in scored]
    assert any("Meaning model (document)" in m.value for m in at.markdown)
    marks = table.xpath("//mark[contains(@data-check, 'meaning-shift')]")
    doubted = {s["start"] for p in scored for s in p.qe["target_bad"] + p.qe["source_bad"]}
    assert len(marks) >= 1 if doubted else not marks
    # The detail of a scored pair gives the model's opinion.
    first = next(n for n, p in enumerate(report.pairs) if p.qe is not None)
    at.number_input(key="detail_n").set_value(first + 1).run()
    assert any(t.value.startswith("Score ") for t in at.text)
    # A correction keeps the meaning scores (the changed pair is scored again).
    added = next(n for n, p in enumerate(report.pairs) if not p.source)
    at.number_input(key="merge_n").set_value(added).run()
    at.button(key="merge_btn").click().run()
    assert not at.exception and not at.warning
    fixed = at.session_state["report"]
    assert fixed.pairs[added - 1].qe is not None and fixed.qe is not None


def test_the_table_shows_before_the_meaning_scores_come_in(tiny_model, monkeypatch):
    """A slow meaning model: the flags of the rules are on the page first, with a line saying
    what is still to come; the scores fill in after, where the reviewer was reading."""
    import threading

    from compare.qe.predict import QEModel

    gate = threading.Event()
    predict = QEModel.predict

    def slow_predict(self, *args, **kwargs):
        assert gate.wait(120)
        return predict(self, *args, **kwargs)

    monkeypatch.setattr(QEModel, "predict", slow_predict)
    at = _app()
    at.button(key=f"demo_{RU}").click().run()
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    first = at.session_state["report"]
    assert first.qe is None and "number-mismatch" in _marked_checks(at)
    assert not _table(at).xpath("//td[@class='qe']")
    still = [i.value.replace("\\", "") for i in at.info if "Still to come" in i.value]
    assert still and still[0].startswith("Still to come: the meaning scores (")
    assert any(s.label.startswith("Done in") and s.label.endswith("The meaning scores follow.")
               for s in at.status)
    # The reviewer reads on meanwhile: the next flag is outlined; fixing the alignment waits.
    at.button(key="next_flag").click().run()
    focus = _table(at).xpath("//tr[contains(@class, 'focus')]")[0].get("id")
    assert not [b for b in at.button if b.key == "merge_btn"]
    assert at.session_state["report"] is first
    gate.set()
    _rest_in(at)
    final = at.session_state["report"]
    assert final is not first and final.qe is not None
    assert [(p.source, p.target) for p in final.pairs] == [(p.source, p.target)
                                                           for p in first.pairs]
    assert _table(at).xpath("//td[@class='qe']")  # the scores are on the page
    assert _table(at).xpath("//tr[contains(@class, 'focus')]")[0].get("id") == focus
    assert not any("Still to come" in i.value for i in at.info)
    assert [b for b in at.button if b.key == "merge_btn"]


def test_a_new_check_drops_the_meaning_scores_of_the_last(tiny_model, monkeypatch):
    import threading

    from compare.qe.predict import QEModel

    gate = threading.Event()
    predict = QEModel.predict

    def slow_predict(self, *args, **kwargs):
        gate.wait(120)
        return predict(self, *args, **kwargs)

    monkeypatch.setattr(QEModel, "predict", slow_predict)
    at = _app()
    at.button(key=f"demo_{RU}").click().run()
    at.button(key="run").click().run()
    stale = at.session_state["later_pass"]
    at.toggle(key="qe").set_value(False).run()  # the next check without the meaning model
    at.button(key="run").click().run()
    gate.set()
    assert stale.wait(120) and stale.report is None  # cancelled
    at.run()
    assert not at.exception and at.session_state["report"].qe is None


def test_the_meaning_model_can_be_switched_off(tiny_model):
    at = _app()
    at.toggle(key="qe").set_value(False).run()
    at.button(key=f"demo_{RU}").click().run()
    at.button(key="run").click().run()
    assert not at.exception and not at.error
    assert at.session_state["report"].qe is None
    assert not _table(at).xpath("//td[@class='qe']")
    assert not any("meaning model did not run" in i.value for i in at.info)


def test_the_details_of_a_pair_stay_open_when_another_pair_is_chosen(home):
    at = _run_demo()
    details = next(e for e in at.expander if e.label == "Details of one pair")
    assert not details.proto.expanded
    at.number_input(key="detail_n").set_value(3).run()
    assert next(e for e in at.expander if e.label == "Details of one pair").proto.expanded
    at.number_input(key="detail_n").set_value(5).run()
    assert next(e for e in at.expander if e.label == "Details of one pair").proto.expanded
    assert not at.exception


def test_a_bad_thread_setting_is_one_line_on_the_page_not_a_traceback(home, monkeypatch):
    monkeypatch.setenv("COMPARE_THREADS", "many")
    at = _app()
    assert not at.exception
    # One line in the sidebar; the checks still run, without the meaning model.
    assert any("COMPARE_THREADS must be a whole number" in i.value.replace("\\", "")
               for i in at.sidebar.info)
