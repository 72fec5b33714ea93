"""The meaning model's view of a name flag (compare.qe.name_view): the English said without its
unmatched name (compare.without_name), the gain a fake and the shipped model give it, which
pairs are asked, and how the severity decision reads it (compare.risk). Hand-written
sentences only."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from compare.document import Document, Sentence, Span
from compare.flags import Flag
from compare.qe.name_view import (
    ALIEN_GAIN,
    english_spans,
    name_gains,
    record_gain,
    view_pairs,
)
from compare.risk import FITS_NOTE, UNCONFIRMED_NOTE, decide_severity, decision_key
from compare.without_name import without_spans


def _cut(text: str, name: str, lang: str = "en", prepositions: bool = False) -> str | None:
    start = text.index(name)
    return without_spans(text, [(start, start + len(name))], lang, prepositions)


@pytest.mark.parametrize(("text", "name", "lang", "expected"), [
    ("The talks in Geneva ended on Monday.", "Geneva", "en", "The talks in ended on Monday."),
    ("Merkel's party lost.", "Merkel", "en", "Party lost."),
    ("He visited the Kremlin, then left.", "Kremlin", "en", "He visited, then left."),
    ("Google-дың кеңсесі жабылды.", "Google", "kk", "Кеңсесі жабылды."),
    ("Встреча прошла в Москве.", "Москве", "ru", "Встреча прошла в."),
    ("It happened (in Paris) yesterday.", "Paris", "en", "It happened (in) yesterday."),
])  # fmt: skip
def test_a_sentence_is_said_without_a_name(text, name, lang, expected):
    assert _cut(text, name, lang) == expected


def test_a_preposition_before_the_name_may_go_with_it():
    assert _cut("Встреча прошла в Москве.", "Москве", "ru", True) == "Встреча прошла."
    assert _cut("It happened in Paris yesterday.", "Paris", "en", True) == "It happened yesterday."


def test_nothing_is_said_without_a_name_when_nothing_would_be_left():
    assert without_spans("Paris.", [(0, 5)], "en") is None
    assert without_spans("Paris is big.", [], "en") is None


@dataclass
class _Scores:
    z: float


class _NameReader:
    """A fake meaning model: the pair reads badly while its English names a town the source
    does not (Turkey), and a little worse without a town it does render (Berlin)."""

    def predict(self, pairs):
        def z(english):
            if "Turkey" in english:
                return -1.0
            return 0.5 if "Berlin" in english else 0.3

        return [_Scores(z(t)) for _, t in pairs]


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_the_gain_is_how_much_better_the_pair_reads_without_the_englishs_name():
    swapped = "Angela Turkey spoke in Berlin."
    added = "She spoke in Berlin, Germany."
    gains = name_gains(_NameReader(), [
        ("Ангела Меркель выступила в Берлине.", swapped, _spans(swapped, "Turkey")),
        ("Она выступила в Берлине.", added, _spans(added, "Berlin")),
        ("Она выступила в Берлине.", added, []),
    ])  # fmt: skip
    assert gains[0] == pytest.approx(1.5)  # the pair reads better without the stray name
    assert gains[1] == pytest.approx(-0.2)  # and worse without the town it does render
    assert gains[2] is None  # nothing to edit out: not asked


def _name_flag(side: str = "target", start: int = 0, end: int = 6,
               severity: str = "major") -> Flag:  # fmt: skip
    return Flag("name-mismatch", "name", severity, side, start, end, "A name differs.",
                {"source": [], "target": ["X"]})  # fmt: skip


def test_the_gain_goes_on_every_major_name_flag_of_the_pair():
    flags = [_name_flag("source"), _name_flag("target"), _name_flag(severity="minor"),
             Flag("number-mismatch", "number", "major", "target", 0, 1, "A number.", {})]
    record_gain(flags, ALIEN_GAIN + 0.3)
    assert [("without_name" in f.evidence) for f in flags] == [True, True, False, False]
    assert flags[0].evidence["without_name"] == {"gain": pytest.approx(ALIEN_GAIN + 0.3),
                                                 "alien": True, "paired": True}  # fmt: skip
    record_gain([flags[1]], ALIEN_GAIN - 0.3)
    assert flags[1].evidence["without_name"]["alien"] is False
    assert flags[1].evidence["without_name"]["paired"] is False


def test_a_gain_within_the_models_noise_does_not_make_a_name_alien():
    """Taking out a name the English does render reads a little better now and then (over 0.02
    for 7 % of faithful dev pairs); such a gain is no sign that the name does not belong."""
    flag = _name_flag()
    record_gain([flag], 0.01)
    assert 0 < 0.01 < ALIEN_GAIN
    assert flag.evidence["without_name"]["alien"] is False
    record_gain([flag], ALIEN_GAIN)
    assert flag.evidence["without_name"]["alien"] is True


def test_a_fitting_name_beside_a_lost_source_name_is_decided_as_without_the_view():
    """Ким / Moon: two different unmatched names are the rule's evidence of a swap, which the
    view cannot see when the swap is plausible (one city for another)."""
    needed = {"name-mismatch": 0.3, "name-mismatch+alien": 0.2, "name-mismatch+fits": 0.7}
    source, english = _name_flag("source"), _name_flag("target")
    record_gain([source, english], ALIEN_GAIN - 0.4)
    assert {decision_key(f, None, needed) for f in (source, english)} == {"name-mismatch"}
    decide_severity([source, english], 0.5, needed)
    assert [f.severity for f in (source, english)] == ["major", "major"]
    record_gain([source, english], ALIEN_GAIN + 0.4)
    assert {decision_key(f, None, needed) for f in (source, english)} == {"name-mismatch+alien"}


def _document(sentences: list[str], lang: str) -> Document:
    text, spans = "", []
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, len(text), len(text) + len(sentence), 0))
        text += sentence + " "
    return Document(text, lang, [Span(0, len(text))], spans)


def test_the_englishs_name_flags_are_found_in_the_pairs_own_text():
    target = _document(["The talks ended.", "Putin said so in Turkey."], "en")
    start = target.text.index("Turkey")
    flags = [_name_flag("target", start, start + 6), _name_flag("source", 0, 4),
             _name_flag("target", start, start + 6, severity="minor")]
    spans = english_spans(target, [0, 1], flags)
    joined = " ".join(target.sentence_text(i) for i in (0, 1))
    assert [joined[a:b] for a, b in spans] == ["Turkey"]
    # A pair whose English has no major name flag is not asked.
    assert english_spans(target, [0], flags) == []
    asked = [(flags, ("Переговоры закончились. Так сказал Путин.", joined, spans)),
             (flags[1:2], ("Так сказал Путин.", "Putin said so.", []))]
    assert view_pairs(_NameReader(), asked) == 1
    assert flags[0].evidence["without_name"]["alien"] is True
    assert "without_name" not in flags[2].evidence


def test_the_decision_holds_an_alien_and_a_fitting_name_to_their_own_thresholds():
    needed = {"name-mismatch": 0.3, "name-mismatch+alien": 0.2, "name-mismatch+fits": 0.7}
    alien, fits, unasked = _name_flag(), _name_flag(), _name_flag("source")
    record_gain([alien], ALIEN_GAIN + 0.5)
    record_gain([fits], ALIEN_GAIN - 0.5)
    assert decision_key(alien, None, needed) == "name-mismatch+alien"
    assert decision_key(fits, None, needed) == "name-mismatch+fits"
    assert decision_key(unasked, None, needed) == "name-mismatch"
    flags = [alien, fits, unasked]
    decide_severity(flags, 0.5, needed)
    assert [f.severity for f in flags] == ["major", "minor", "major"]
    assert fits.message.endswith(FITS_NOTE)
    decide_severity(flags, 0.25, needed)
    assert [f.severity for f in flags] == ["major", "minor", "minor"]
    assert unasked.message.endswith(UNCONFIRMED_NOTE)
    assert fits.message.count("(Check") == 1  # idempotent: one note
    decide_severity(flags, 0.8, needed)
    assert [f.severity for f in flags] == ["major"] * 3
    assert all("(Check" not in f.message for f in flags)


def test_without_the_views_thresholds_a_viewed_name_is_decided_as_before():
    needed = {"name-mismatch": 0.5}
    flag = _name_flag()
    record_gain([flag], ALIEN_GAIN - 1.0)
    assert decision_key(flag, None, needed) == "name-mismatch"
    decide_severity([flag], 0.6, needed)
    assert flag.severity == "major"


def test_the_shipped_model_reads_a_stray_name_as_alien_and_a_rendered_one_as_fitting(
        e5_weights):  # fmt: skip
    """Names that cannot belong (a person born on Christmas, a company as prime minister) read
    better gone; a name the source has in another form (a romanisation, a translated title)
    reads worse gone. A plausible swap (one city for another) the model does not see: the
    view is evidence beside the rule, not a check of its own (compare.qe.name_view)."""
    pytest.importorskip("torch")
    from compare.qe.predict import QEModel

    model = QEModel.load(weights=e5_weights)
    christmas = "Рождество — один из важнейших праздников христианства, день рождения Иисуса."
    tunisia = "Премьер-министр Туниса Машиши ушёл в отставку."
    waiting = "Мы ждём Освободителя."
    stray = [
        (christmas, "Christmas is one of the most important Christian holidays, the birthday of "
                    "Pierre Brodeur.", "Pierre Brodeur"),
        (tunisia, "Tunisian Prime Minister Gazprom resigned.", "Gazprom"),
        (waiting, "We are waiting for the Volkswagen.", "Volkswagen"),
    ]  # fmt: skip
    rendered = [
        (christmas, "Christmas is one of the most important Christian holidays, the birthday of "
                    "Jesus.", "Jesus"),
        (tunisia, "Tunisian Prime Minister Mechichi resigned.", "Mechichi"),
        (waiting, "We are waiting for the Liberator.", "Liberator"),
    ]  # fmt: skip
    gains = name_gains(model, [(s, e, _spans(e, n)) for s, e, n in stray + rendered])
    assert all(g >= ALIEN_GAIN for g in gains[:3]), gains
    assert all(g < ALIEN_GAIN for g in gains[3:]), gains
