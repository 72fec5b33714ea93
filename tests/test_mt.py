"""MT signals in the report: per-pair machine English, back-translation, chrF, diff, evidence."""

from __future__ import annotations

import io
import json
import sys
import time

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("sacrebleu")

import compare.mt as mt_module  # noqa: E402
from compare.cli import main  # noqa: E402
from compare.mt import (  # noqa: E402
    MTOptions,
    MTSetup,
    _licence_notices,
    add_mt,
    build_translators,
    word_diff,
)
from compare.pipeline import check_texts  # noqa: E402
from compare.reading import InputText, read_pasted  # noqa: E402
from compare.report import Report  # noqa: E402
from compare.translate import TransformersTranslator  # noqa: E402
from tests.tiny_marian import PAIRS, tiny_model_dir  # noqa: E402

RU = " ".join(ru for ru, _ in PAIRS)
EN_GOOD = " ".join(en for _, en in PAIRS)
# Two real mistakes: 238 became 283, and the minister's "не" was lost.
EN_BAD = (EN_GOOD.replace("238 cars", "283 cars")
          .replace("did not come to Moscow", "came to Moscow"))  # fmt: skip


def _input(text: str) -> InputText:
    return read_pasted(text)


@pytest.fixture(scope="module")
def setup() -> MTSetup:
    folder = str(tiny_model_dir())
    return MTSetup(
        to_en=TransformersTranslator.load(folder, "ru", "en", device="cpu", int8=False),
        from_en=TransformersTranslator.load(folder, "en", "ru", device="cpu", int8=False),
    )


@pytest.fixture()
def empty_hub(tmp_path, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))


class DictTranslator:
    """A stand-in translator with fixed answers, to set up exact disagreements."""

    def __init__(self, table: dict[str, str], src: str = "ru", tgt: str = "en") -> None:
        self.table, self.src_lang, self.tgt_lang, self.name = table, src, tgt, "dict@test"

    def translate(self, texts):
        return [self.table[t] for t in texts]


def test_every_pair_gets_machine_english_back_translation_and_scores(setup, embedder):
    report = check_texts(_input(EN_BAD), _input(RU), embedder=embedder, mt=setup)
    assert len(report.pairs) == len(PAIRS)
    for pair, (ru, en) in zip(report.pairs, PAIRS, strict=True):
        assert report.pair_text(pair, "source") == ru
        assert pair.mt["en"] == en  # the machine's English of the source sentence
        assert isinstance(pair.mt["back"], str) and pair.mt["back"]
    by_en = {report.pair_text(p, "target"): p for p in report.pairs}
    # The tiny model learned these English sentences, so their way back is the source exactly.
    assert by_en["The weather was good."].mt["back"] == "Погода была хорошей."
    assert by_en["The weather was good."].mt["chrf"] == 100.0
    wrong = by_en["The plant produced 283 cars."].mt
    assert wrong["chrf"] < 100.0
    assert {"op": "replace", "mt": "238", "human": "283"} in wrong["diff"]
    assert report.mt["pairs_scored"] == len(PAIRS)
    assert 0 < report.mt["chrf"] < 100 and 0 < report.mt["bleu"] < 100 and report.mt["ter"] > 0
    assert report.mt["signatures"]["chrf"].startswith("nrefs:1")
    assert report.mt["to_en"]["direction"] == "ru-en" and report.mt["from_en"]["generated"] >= 0
    assert report.signature.extra["mt"]["to_en"] == setup.to_en.name


def test_machine_english_supports_the_number_and_negation_flags(setup, embedder):
    report = check_texts(_input(EN_BAD), _input(RU), embedder=embedder, mt=setup)
    by_en = {report.pair_text(p, "target"): p for p in report.pairs}
    number = by_en["The plant produced 283 cars."].mt["evidence"]
    assert [e["check"] for e in number] == ["number-mismatch"]
    assert number[0]["verdict"] == "supported" and number[0]["mt_numbers"] == ["238"]
    negation = by_en["The minister came to Moscow."].mt["evidence"]
    assert [(e["check"], e["verdict"]) for e in negation] == [("negation-mismatch", "supported")]
    assert by_en["The weather was good."].mt["evidence"] == []


def test_mt_adds_no_flags_and_a_good_translation_stays_clean(setup, embedder):
    plain = check_texts(_input(EN_GOOD), _input(RU), embedder=embedder)
    with_mt = check_texts(_input(EN_GOOD), _input(RU), embedder=embedder, mt=setup)
    assert with_mt.all_flags() == plain.all_flags()
    assert all(p.mt["evidence"] == [] and p.mt["chrf"] == 100.0 for p in with_mt.pairs)
    assert with_mt.mt["chrf"] == 100.0


def test_a_flag_the_machine_shares_is_marked_doubtful(embedder):
    ru, en = "Завод выпустил 238 машин.", "The plant produced 283 cars."
    setup = MTSetup(to_en=DictTranslator({ru: "The plant produced 283 cars."}))
    report = check_texts(_input(en), _input(ru), embedder=embedder, mt=setup)
    (evidence,) = report.pairs[0].mt["evidence"]
    assert evidence["verdict"] == "doubtful" and evidence["mt_flags"] == 1
    assert report.pairs[0].mt["back"] is None  # no model for the way back


def test_mt_fields_survive_the_json_round_trip(setup, embedder):
    report = check_texts(_input(EN_BAD), _input(RU), embedder=embedder, mt=setup)
    again = Report.from_dict(json.loads(report.to_json()))
    assert [p.mt for p in again.pairs] == [p.mt for p in report.pairs]
    assert again.mt == report.mt


def test_without_models_the_report_is_complete_with_a_notice(empty_hub, embedder):
    start = time.perf_counter()
    setup = build_translators("ru", MTOptions())
    assert time.perf_counter() - start < 2.0
    assert setup.to_en is None and setup.from_en is None
    report = check_texts(_input(EN_BAD), _input(RU), embedder=embedder, mt=MTOptions())
    assert {f.check for f in report.all_flags()} >= {"number-mismatch", "negation-mismatch"}
    assert report.mt is None and all(p.mt is None for p in report.pairs)
    notice = next(n for n in report.notices if "ru->en" in n)
    assert "Helsinki-NLP/opus-mt-ru-en" in notice
    assert "python -m compare models download --pair ru-en" in notice
    assert any("Helsinki-NLP/opus-mt-en-ru" in n for n in report.notices)


def test_kazakh_defaults_warn_and_point_to_nllb_with_its_licence(empty_hub):
    notices = " ".join(build_translators("kk", MTOptions()).notices)
    assert "opus-mt-trk-en" in notices and "opus-mt-en-trk" in notices
    assert "--pair kk-en" in notices
    assert "nllb" in notices and "CC-BY-NC-4.0" in notices  # the stronger model, with its licence
    picked = " ".join(_licence_notices("facebook/nllb-200-distilled-600M", "kk", "en"))
    assert "CC-BY-NC-4.0" in picked and "non-commercial" in picked


def test_progress_reports_the_translating_stage(setup, embedder):
    stages = []
    check_texts(_input(EN_GOOD), _input(RU), embedder=embedder, mt=setup,
                progress=lambda stage, message: stages.append(stage))
    assert stages[-1] == "translating"


class Clock:
    """A stand-in for time.monotonic that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class SlowDictTranslator(DictTranslator):
    """The fixed answers, two (fake) seconds a call; remembers how many sentences each got."""

    def __init__(self, table, clock: Clock, src: str = "ru", tgt: str = "en") -> None:
        super().__init__(table, src, tgt)
        self.clock, self.calls = clock, []

    def translate(self, texts):
        self.calls.append(len(texts))
        self.clock.now += 2.0
        return super().translate(texts)


def test_translation_says_how_many_sentences_and_how_long(embedder, monkeypatch):
    report = check_texts(_input(EN_GOOD), _input(RU), embedder=embedder)
    clock = Clock()
    monkeypatch.setattr(time, "monotonic", clock)
    monkeypatch.setattr(mt_module, "MT_CHUNK", 4)
    to_en = SlowDictTranslator(dict(PAIRS), clock)
    back = SlowDictTranslator({en: ru for ru, en in PAIRS}, clock, "en", "ru")
    said: list[tuple[str, str]] = []
    add_mt(report, MTSetup(to_en=to_en, from_en=back),
           lambda stage, message: said.append((stage, message)))
    assert to_en.calls == [4, 2] and back.calls == [4, 2]  # 6 sentences each way, 4 a call
    assert {stage for stage, _ in said} == {"translating"}
    messages = [m for _, m in said]
    # One count over both directions, from 0 up to the total; the time left once a chunk is in.
    assert [m.split(":")[0] for m in messages] == ["Translating into English"] * 2 + [
        "Translating back from English"] * 3
    assert [m.split(": ")[1].split(" sentences")[0] for m in messages] == \
        ["0 of 12", "4 of 12", "6 of 12", "10 of 12", "12 of 12"]
    assert messages[0] == "Translating into English: 0 of 12 sentences"
    assert all(m.endswith(" s left") and ", about " in m for m in messages[1:4])
    assert messages[-1] == "Translating back from English: 12 of 12 sentences"
    # In chunks, each pair still gets its own translations.
    for pair, (ru, en) in zip(report.pairs, PAIRS, strict=True):
        assert pair.mt["en"] == en and pair.mt["back"] == ru


def test_the_cli_and_the_app_show_the_translation_counts(tmp_path, monkeypatch, embedder):
    """The tiny model through the command line's progress line and the app's later pass."""
    folder = str(tiny_model_dir())
    monkeypatch.setattr(mt_module, "MT_CHUNK", 4)
    (tmp_path / "ru.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN_BAD, encoding="utf-8")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", "--source", str(tmp_path / "ru.txt"), "--target",
                 str(tmp_path / "en.txt"), "--json", str(tmp_path / "r.json"), "--no-qe",
                 "--mt-model-to-en", folder, "--mt-model-from-en", folder, "--device", "cpu",
                 "--mt-cache", ""]) == 0
    shown = terminal.getvalue()
    for count in ("0 of 12", "4 of 12", "10 of 12"):
        assert f"translating: Translating into English: {count} sentences" in shown or \
            f"translating: Translating back from English: {count} sentences" in shown
    assert "translating: Translating back from English: 12 of 12 sentences" in shown

    from compare.app_run import LaterPass, run_review

    monkeypatch.setenv("COMPARE_CACHE_DIR", str(tmp_path / "cache"))
    settings = {"mt": True, "mt_to_en": folder, "mt_from_en": folder, "device": "cpu",
                "qe": False}
    seen: list[tuple[str, str]] = []

    def work(say):
        def progress(stage, message):
            seen.append((stage, message))
            say(stage, message)
        return run_review(_input(EN_BAD), _input(RU), settings, embedder, progress)

    job = LaterPass(work, "machine translation")
    assert job.wait(300) and job.error is None
    assert job.report.mt["pairs_scored"] == len(PAIRS)
    counted = [m for stage, m in seen if stage == "translating" and " of " in m]
    assert counted[0] == "Translating into English: 0 of 12 sentences"
    assert counted[-1] == "Translating back from English: 12 of 12 sentences"


def test_add_mt_leaves_a_report_without_source_alone(setup, embedder):
    report = check_texts(_input(EN_GOOD), None, embedder=embedder)
    add_mt(report, setup)
    assert report.mt is None and all(p.mt is None for p in report.pairs)


def test_word_diff_marks_what_each_side_has():
    diff = word_diff("The plant made 238 cars.", "The plant produced 283 cars.")
    assert diff[0] == {"op": "equal", "mt": "The plant", "human": "The plant"}
    assert {"op": "replace", "mt": "made 238", "human": "produced 283"} in diff
    assert word_diff("", "Added.") == [{"op": "insert", "mt": "", "human": "Added."}]


def test_cli_fills_mt_with_local_models_and_no_mt_turns_it_off(tmp_path, capsys):
    folder = str(tiny_model_dir())
    (tmp_path / "ru.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN_BAD, encoding="utf-8")
    base = ["check", "--source", str(tmp_path / "ru.txt"), "--target", str(tmp_path / "en.txt"),
            "--quiet", "--json", str(tmp_path / "r.json")]
    mt = ["--mt-model-to-en", folder, "--mt-model-from-en", folder, "--device", "cpu",
          "--mt-cache", str(tmp_path / "mt.sqlite")]
    assert main(base + mt) == 0
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert all(p["mt"]["en"] for p in report["pairs"]) and report["mt"]["chrf"] > 0
    assert main(base + mt + ["--no-mt"]) == 0
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert report["mt"] is None and all("mt" not in p for p in report["pairs"])
    assert not any("Machine translation" in n for n in report["notices"])


def test_models_list_names_every_default_with_its_licence(capsys):
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    for line in ("Helsinki-NLP/opus-mt-ru-en", "Helsinki-NLP/opus-mt-en-trk",
                 "CC-BY-NC-4.0", "Apache-2.0"):
        assert line in out
