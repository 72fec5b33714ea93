"""Typed settings per check (issue 23): every check declares what it reads from
``ctx.thresholds`` and what it needs; a user's unknown or ill-typed setting is one line, every
setting in force reaches the report's signature, and a check whose need is missing says so."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from types import SimpleNamespace

import pytest

from compare import pipeline
from compare.alignment_types import AlignedPair
from compare.check_settings import (
    MODEL_SETTINGS,
    SettingError,
    declared_settings,
    describe,
    need_notices,
    setting_defaults,
    settings_from_text,
    validate_settings,
)
from compare.checks import REGISTRY, all_checks
from compare.checks.base import NEEDS, SETTING_TYPES, Check, CheckContext, Setting, register
from compare.checks.coverage import sim_bound
from compare.demos import DEMOS, demo_texts
from compare.errors import InputError
from compare.pipeline import Settings, check_texts
from compare.reading import read_pasted
from tests.fake_embedders import NumberEmbedder

RU = next(name for name in DEMOS if name.startswith("Russian"))

TODAY = {  # the defaults before the settings were declared (compare 0.2.0, 2026-12)
    "ratio_low": {"ru": 0.45, "kk": 0.48},
    "ratio_high": {"ru": 1.65, "kk": 1.65},
    "sim_unrelated": {"e5": 0.80},
    "sim_suspect": {"e5": 0.84},
    "antonym_vector_margin": 0.05,
    "antonym_vector_weight": 3.0,
    "antonym_vector_score": 0.0,  # added 2026-12-05 (session 25) at 0.4; none asked: session 26
    "qe_major": None,
    "qe_critical": None,
    "qe_major_word_bad": 0.95,
    "qe_passage_bad": 0.9,
    "qe_passage_words": 4,
    "names_nearby_pairs": 2,
    "framing_quote_min_words": 4,
    "omitted_passage_gain": 0.03,  # added 2026-12-05 with the omitted-passage check
    "omitted_passage_ratio": 0.7,
    "omitted_passage_unmatched": 5,  # added 2026-12-05 with its word-alignment route
    "omitted_passage_alignment_ratio": 0.9,
    "omitted_passage_unmatched_score": 0.4,
    "qe_omission_bad": 0.95,  # added 2026-12-05 with the meaning-omission check
    "qe_omission_score": 0.25,
}
DID_NOT_RUN = "did not run: "


def _demo(name: str = RU):
    return tuple(read_pasted(t) for t in demo_texts(name))


def _flags(report) -> list:
    return [[asdict(f) for f in p.flags] for p in report.pairs]


@pytest.fixture(scope="module")
def demo_report(embedder):
    """The Russian demo checked with e5 and no meaning model, settings left alone."""
    src, eng = _demo()
    return check_texts(eng, src, Settings(), embedder)


# --- the declarations ----------------------------------------------------------------------


@pytest.mark.parametrize("check_id", sorted(REGISTRY))
def test_every_check_declares_typed_settings_with_help_and_known_needs(check_id):
    cls = REGISTRY[check_id]
    assert isinstance(cls.settings, tuple)
    assert set(cls.needs) <= NEEDS
    assert cls.defaults == {s.name: s.default for s in cls.settings}
    for setting in cls.settings:
        assert isinstance(setting, Setting) and setting.type in SETTING_TYPES
        assert len(setting.help) > 20, setting.name
        assert describe(setting).startswith(setting.name)
        if setting.default is None:
            assert setting.model_default or setting.off, setting.name
        else:  # the default is a value of the setting's own type
            assert validate_settings({setting.name: setting.default})[setting.name] \
                == setting.default


def test_setting_names_are_unique_across_checks():
    declared: dict[str, set[int]] = {}
    for cls in REGISTRY.values():
        for setting in cls.settings:
            declared.setdefault(setting.name, set()).add(id(setting))
    for setting in MODEL_SETTINGS:
        declared.setdefault(setting.name, set()).add(id(setting))
    twice = {name for name, ids in declared.items() if len(ids) > 1}
    assert not twice, f"declared more than once: {sorted(twice)}"


def test_a_second_declaration_of_a_name_is_refused_at_registration():
    class Clash(Check):
        id = "clash-test"
        category = "meaning"
        settings = (Setting("names_nearby_pairs", int, 5, "the same name, another meaning"),)

    with pytest.raises(ValueError, match="names_nearby_pairs"):
        register(Clash)
    assert "clash-test" not in REGISTRY
    with pytest.raises(ValueError, match="needs"):
        type("Needy", (Check,), {"needs": frozenset({"gpu"})})


def test_the_defaults_are_todays():
    assert setting_defaults(all_checks()) == TODAY
    assert {s.name for s in MODEL_SETTINGS} == {"qe_name_confident"}


class _Recording(dict):
    """A thresholds dict that remembers every key a check asks for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.asked: set[str] = set()

    def get(self, key, default=None):
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.asked.add(key)
        return super().__contains__(key)


def test_every_key_a_check_reads_is_one_it_declares(demo_report, embedder):
    """Each check runs on the demo's pairs with a thresholds dict that records what is asked:
    nothing outside the check's own declarations (a misspelt key would be read silently)."""
    report = demo_report
    pairs = [AlignedPair(tuple(p.source), tuple(p.target), p.score, p.similarity)
             for p in report.pairs]
    # the meaning model's view, made up: every pair scores well and no word is doubted
    qe = [SimpleNamespace(score=0.99, z=1.0, source_bad=[], target_bad=[])
          if p.source and p.target else None for p in pairs]
    read_by: dict[str, set[str]] = {}
    for check in all_checks():
        recording = _Recording({"qe_major": 0.5, "qe_critical": 0.1})
        ctx = CheckContext(target=report.target, source=report.source, pairs=pairs,
                           thresholds=recording, qe=qe, embedder=embedder.name,
                           embed_model=embedder)
        check.run(ctx)
        read_by[check.id] = recording.asked
        assert recording.asked <= set(check.defaults), (check.id, recording.asked)
    # and the ones that read settings were seen reading them
    assert read_by["low-similarity"] >= {"sim_unrelated"}
    assert read_by["omission"] >= {"ratio_low", "ratio_high"}
    assert read_by["meaning-shift"] >= {"qe_major", "qe_passage_bad", "qe_passage_words"}
    assert read_by["framing-shift"] == {"framing_quote_min_words"}


# --- validation ----------------------------------------------------------------------------


def test_an_unknown_setting_is_one_line_naming_the_nearest():
    with pytest.raises(SettingError) as caught:
        validate_settings({"sim_unrelatd": 0.7})
    message = str(caught.value)
    assert "sim_unrelatd" in message and "Did you mean sim_unrelated?" in message
    assert "\n" not in message and isinstance(caught.value, InputError)
    with pytest.raises(SettingError, match="Unknown setting 'colour'"):
        validate_settings({"colour": 1})


@pytest.mark.parametrize(("name", "value", "words"), [
    ("sim_unrelated", "0.8", "must be a number"),
    ("sim_unrelated", True, "must be a number"),
    ("sim_unrelated", 1.5, "from -1 to 1"),
    ("sim_unrelated", float("nan"), "must be a number"),
    ("sim_unrelated", None, "cannot be empty"),
    ("names_nearby_pairs", 2.5, "whole number"),
    ("names_nearby_pairs", -1, "at least 0"),
    ("ratio_low", {"de": 0.4}, "no source language"),
    ("ratio_low", {"ru": "low"}, "must be a number"),
    ("qe_passage_words", 0, "at least 1"),
    ("antonym_vector_weight", [3], "must be a number"),
])
def test_a_wrong_type_or_range_is_one_line(name, value, words):
    with pytest.raises(SettingError, match=words) as caught:
        validate_settings({name: value})
    assert name in str(caught.value) and "\n" not in str(caught.value)


def test_values_are_typed_and_merged_over_the_defaults():
    got = validate_settings({"names_nearby_pairs": 3.0, "sim_unrelated": 1,
                             "ratio_low": {"ru": 0.5}, "sim_suspect": {"e5": 0.9}},
                            all_checks())
    assert got["names_nearby_pairs"] == 3 and type(got["names_nearby_pairs"]) is int
    assert got["sim_unrelated"] == 1.0 and type(got["sim_unrelated"]) is float
    assert got["ratio_low"] == {"ru": 0.5, "kk": 0.48}  # the other language keeps its bound
    assert got["sim_suspect"] == {"e5": 0.9}
    # None: off where a setting can be off, the model's own value where that is the default
    assert validate_settings({"qe_passage_bad": None}) == {"qe_passage_bad": None}
    assert validate_settings({"qe_major": None, "qe_name_confident": None}) == {}
    assert validate_settings({"qe_name_confident": 0.7}) == {"qe_name_confident": 0.7}
    # any registered check's setting is accepted; the defaults are those of the checks given
    assert validate_settings({"antonym_vector_margin": 0.1}, [REGISTRY["omission"]()]) == {
        **{k: TODAY[k] for k in ("ratio_low", "ratio_high", "sim_suspect")},
        "antonym_vector_margin": 0.1}


def test_a_similarity_bound_may_be_given_per_embedder_family():
    def bound(thresholds, embedder):
        return sim_bound(SimpleNamespace(thresholds=thresholds, embedder=embedder),
                         "sim_unrelated")

    assert bound({}, None) == 0.80 and bound({}, "e5-small") == 0.80 and bound({}, "labse") is None
    assert bound({"sim_unrelated": {"e5": 0.9}}, "e5-small") == 0.9
    assert bound({"sim_unrelated": {"e5": 0.9}}, "labse") is None
    assert bound({"sim_unrelated": 0.7}, "labse") == 0.7


# --- the pipeline --------------------------------------------------------------------------


def test_every_default_given_explicitly_changes_nothing(demo_report, embedder):
    src, eng = _demo()
    explicit = check_texts(eng, src, Settings(thresholds=setting_defaults(all_checks())),
                           embedder)
    assert _flags(explicit) == _flags(demo_report)
    assert explicit.signature.thresholds == demo_report.signature.thresholds
    assert explicit.notices == demo_report.notices


def test_every_setting_in_force_reaches_the_signature(demo_report, embedder):
    ran = [REGISTRY[c] for c in demo_report.signature.checks]
    thresholds = demo_report.signature.thresholds
    assert set(thresholds) == set(declared_settings(ran)) == set(TODAY)
    assert thresholds == setting_defaults(ran)
    # a user's value is there, typed, and so is a setting of a check left out
    src, eng = _demo()
    chosen = Settings(checks=["omission", "number-mismatch"],
                      thresholds={"names_nearby_pairs": 0.0, "ratio_low": 0.3})
    report = check_texts(eng, src, chosen, embedder)
    assert report.signature.thresholds == {"ratio_low": 0.3, "ratio_high": TODAY["ratio_high"],
                                           "sim_suspect": TODAY["sim_suspect"],
                                           "names_nearby_pairs": 0}


def test_a_bad_setting_fails_before_any_work():
    class Refusing:
        name = "refusing"

        def embed(self, texts):
            raise AssertionError("embedded before the settings were checked")

    src, eng = _demo()
    with pytest.raises(SettingError, match="Did you mean names_nearby_pairs"):
        check_texts(eng, src, Settings(thresholds={"name_nearby_pairs": 1}), Refusing())


def test_a_missing_need_is_one_notice(demo_report):
    said = [n for n in demo_report.notices if DID_NOT_RUN in n]
    assert said == ["The meaning-omission and meaning-shift checks did not run: they need the "
                    "meaning model."]
    assert "meaning-shift" in demo_report.signature.checks  # asked for, as before


def test_no_need_notice_without_a_source_or_for_a_check_left_out(embedder):
    _, eng = _demo()
    alone = check_texts(eng)
    assert not [n for n in alone.notices if DID_NOT_RUN in n]
    src, eng = _demo()
    kept = check_texts(eng, src, Settings(checks=["number-mismatch"]), embedder)
    assert not [n for n in kept.notices if DID_NOT_RUN in n]


def test_an_uncalibrated_embedder_says_the_antonym_vector_check_did_not_run():
    src, eng = _demo()
    report = check_texts(eng, src, Settings(), NumberEmbedder())
    said = [n for n in report.notices if DID_NOT_RUN in n]
    assert said == ["The antonym-vector check did not run: its margins are calibrated on "
                    "multilingual-e5-small only.",
                    "The meaning-omission and meaning-shift checks did not run: they need the "
                    "meaning model.",
                    "The omitted-passage check did not run: its gain is calibrated on "
                    "multilingual-e5-small only."]
    assert not any(f.check == "antonym-vector" for p in report.pairs for f in p.flags)


def test_need_notices_name_what_is_missing_once_per_check():
    checks = [REGISTRY["meaning-shift"](), REGISTRY["antonym-vector"](),
              REGISTRY["number-mismatch"]()]
    assert need_notices(checks, {"embedder", "meaning-model"}) == []
    assert need_notices(checks, set()) == [
        "The meaning-shift check did not run: it needs the meaning model.",
        "The antonym-vector check did not run: it needs the sentence embedder.",
    ]
    both = [REGISTRY["meaning-shift"](), REGISTRY["antonym-vector"](),
            REGISTRY["meaning-omission"]()]
    assert need_notices(both, {"embedder"}) == [
        "The meaning-shift and meaning-omission checks did not run: they need the meaning model."]


def test_with_the_meaning_model_every_default_given_changes_nothing(tiny_qe_dir, e5_weights,
                                                                   embedder):
    pytest.importorskip("torch")
    from compare.qe.predict import QEModel

    model = QEModel.load(tiny_qe_dir, precision="fp32", weights=e5_weights)
    src, eng = _demo()
    plain = check_texts(eng, src, Settings(), embedder, qe=model)
    explicit = check_texts(eng, src, Settings(thresholds=setting_defaults(all_checks())),
                           embedder, qe=model)
    assert _flags(explicit) == _flags(plain)
    assert explicit.signature.thresholds == plain.signature.thresholds
    assert plain.signature.thresholds["qe_major"] == model.config.thresholds["major"]
    assert not [n for n in plain.notices if DID_NOT_RUN in n]
    # the user's threshold wins over the model's
    strict = check_texts(eng, src, Settings(thresholds={"qe_major": 1.01}), embedder, qe=model)
    assert strict.signature.thresholds["qe_major"] == 1.01
    assert all(any(f.check == "meaning-shift" for f in p.flags)
               for p in strict.pairs if p.qe is not None)


# --- the command line ----------------------------------------------------------------------


def test_a_bad_setting_on_the_command_line_exits_two_with_one_line(tmp_path, capsys,
                                                                   monkeypatch):
    """A bad setting reaching the pipeline from the CLI otherwise than by --set (here,
    planted) is still one line and status 2, never a traceback."""
    from compare.cli import main

    def planted(**kwargs):
        return replace(Settings(**kwargs), thresholds={"ratio_lo": 0.3})

    monkeypatch.setattr(pipeline, "Settings", planted)
    path = tmp_path / "a.txt"
    path.write_text("The city council met on Monday to discuss the budget.", encoding="utf-8")
    assert main(["check", "--target", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Did you mean ratio_low?" in err, err


def test_set_reads_each_value_as_its_declared_type():
    got = settings_from_text(["names_nearby_pairs=3", "sim_unrelated = 0.7",
                              "ratio_low=0.5", "ratio_low.ru=0.3", "sim_suspect.e5=0.9",
                              "qe_passage_bad=none", "qe_major=", "antonym_vector_margin=1e-2",
                              "framing_quote_min_words=5", "framing_quote_min_words=6"])
    assert got == {"names_nearby_pairs": 3, "sim_unrelated": 0.7,
                   "ratio_low": {"ru": 0.3, "kk": 0.5},  # NAME=VALUE held for every key
                   "sim_suspect": {"e5": 0.9}, "qe_passage_bad": None, "qe_major": None,
                   "antonym_vector_margin": 0.01, "framing_quote_min_words": 6}  # last wins
    assert type(got["names_nearby_pairs"]) is int and type(got["sim_unrelated"]) is float
    # No check has a true/false setting yet; one is read from the usual words.
    from compare.check_settings import _from_text

    switch = Setting("a_switch", bool, False, "a switch")
    assert [_from_text(switch, t) for t in ("true", "Yes", "on", "1", "false", "NO", "0")] == \
        [True, True, True, True, False, False, False]
    with pytest.raises(SettingError, match="must be true or false, not 'maybe'"):
        _from_text(switch, "maybe")


def test_settings_given_with_set_reach_the_signature_as_from_the_app(tmp_path, monkeypatch,
                                                                     embedder):
    from compare import cli
    from compare.app_run import run_review

    src, eng = demo_texts(RU)
    (tmp_path / "src.txt").write_text(src, encoding="utf-8")
    (tmp_path / "en.txt").write_text(eng, encoding="utf-8")
    monkeypatch.setattr(cli, "_build_embedder", lambda *args: embedder)  # loaded once
    out = tmp_path / "r.json"
    assert cli.main(["check", "--source", str(tmp_path / "src.txt"), "--target",
                     str(tmp_path / "en.txt"), "--json", str(out), "--quiet", "--no-qe",
                     "--no-mt", "--set", "names_nearby_pairs=3", "--set", "ratio_low.ru=0.3",
                     "--set", "sim_unrelated=0.7", "--set", "qe_passage_bad=none"]) == 0
    from_cli = json.loads(out.read_text("utf-8"))["signature"]["thresholds"]
    app = run_review(read_pasted(eng), read_pasted(src),
                     {"qe": False, "mt": False,
                      "thresholds": {"names_nearby_pairs": 3, "ratio_low": {"ru": 0.3},
                                     "sim_unrelated": 0.7, "qe_passage_bad": None}}, embedder)
    assert from_cli == json.loads(json.dumps(app.signature.thresholds))
    assert from_cli["names_nearby_pairs"] == 3 and from_cli["sim_unrelated"] == 0.7
    assert from_cli["ratio_low"] == {"ru": 0.3, "kk": TODAY["ratio_low"]["kk"]}
    assert from_cli["qe_passage_bad"] is None
    assert from_cli["ratio_high"] == TODAY["ratio_high"]  # the rest: the defaults


@pytest.mark.parametrize(("given", "words"), [
    ("name_nearby_pairs=3", "Unknown setting 'name_nearby_pairs': no check reads it. Did you "
                            "mean names_nearby_pairs?"),
    ("names_nearby_pairs=three", "must be a whole number of at least 0, not 'three'"),
    ("names_nearby_pairs=2.5", "must be a whole number of at least 0, not 2.5"),
    ("sim_unrelated=1.5", "from -1 to 1, not 1.5"),
    ("sim_unrelated=nan", "must be a number"),
    ("ratio_low.de=0.4", "'de' is no source language of it (one of ru, kk)"),
    ("names_nearby_pairs.ru=3", "is one value, not one per key"),
    ("names_nearby_pairs", "A setting is NAME=VALUE"),
    ("ratio_low=\x1b[2J", "not '\\x1b[2J'"),  # shown escaped, never obeyed by the terminal
])
def test_a_bad_set_exits_two_with_one_line_before_any_work(given, words, tmp_path, capsys):
    from compare.cli import main

    missing = str(tmp_path / "no-such-file.txt")  # never read: the setting is refused first
    assert main(["check", "--source", missing, "--target", missing, "--set", given]) == 2
    err = capsys.readouterr().err
    assert err.startswith("compare: --set: ") and err.count("\n") == 1, err
    assert words in err and "Traceback" not in err and "no-such-file" not in err


def test_a_bad_setting_in_the_app_is_one_message():
    """The app's check (what the page runs) turns it into the one-line error the page shows."""
    from compare.app_run import run_review

    _, eng = _demo()
    with pytest.raises(InputError) as caught:
        run_review(eng, None, {"thresholds": {"sim_unrelated": "high"}}, None)
    assert str(caught.value) == ("Setting sim_unrelated must be a number (or one per embedder "
                                 "family: e5) from -1 to 1, not 'high'.")
