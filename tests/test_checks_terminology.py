"""terminology: a glossary term in the source with none of its English renderings."""

from __future__ import annotations

from compare.alignment_types import AlignedPair
from compare.checks import all_checks
from compare.checks.base import CheckContext
from compare.checks.terminology import TerminologyMismatch
from compare.document import Document, Sentence, Span
from compare.glossary import Glossary, parse_csv


def _doc(sentences: list[str], lang: str) -> Document:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append(Sentence(len(spans), pos, pos + len(s), 0))
        text += s + " "
        pos = len(text)
    return Document(text, lang, [Span(0, len(text))], spans)


def run(src: list[str], eng: list[str], glossary: Glossary | None = None,
        pairs: list[AlignedPair] | None = None) -> list:
    source, target = _doc(src, "ru"), _doc(eng, "en")
    pairs = pairs or [AlignedPair((i,), (i,), 1.0) for i in range(len(src))]
    ctx = CheckContext(target=target, source=source, pairs=pairs, glossary=glossary)
    return TerminologyMismatch().run(ctx)


CLIENT = Glossary.with_user_terms(parse_csv("санкция,restrictive measure,client style guide"))


def test_term_rendered_otherwise_is_flagged_on_the_source_term() -> None:
    found = run(["Новые санкциями ударили по банкам."], ["New sanctions hit the banks."], CLIENT)
    assert len(found) == 1
    flag = found[0]
    assert (flag.category, flag.severity, flag.side) == ("terminology", "major", "source")
    assert "“санкциями”" in flag.message and "“restrictive measure”" in flag.message
    assert "client style guide" in flag.message and "English" in flag.message


def test_term_rendered_as_the_glossary_says_is_not_flagged() -> None:
    assert run(["Новые санкции ударили по банкам."],
               ["New restrictive measures hit the banks."], CLIENT) == []


def test_builtin_abbreviation_rendered_otherwise_is_a_minor_flag() -> None:
    found = run(["Санкции против РФ расширены."], ["Sanctions against the country widened."])
    assert [(f.severity, f.evidence["term"]) for f in found] == [("minor", "РФ")]
    assert run(["Санкции против РФ расширены."], ["Sanctions against Russia widened."]) == []


def test_rendering_in_the_neighbouring_pair_counts() -> None:
    src = ["Санкции против РФ расширены.", "Это решение Брюсселя."]
    eng = ["Sanctions were widened.", "Brussels decided it against Russia."]
    assert run(src, eng) == []


def test_one_flag_per_term_and_pair_and_none_for_untranslated_sentences() -> None:
    found = run(["РФ и снова РФ.", "РФ опять."], ["Again and again."],
                pairs=[AlignedPair((0,), (0,), 1.0), AlignedPair((1,), (), 1.0)])
    assert len(found) == 1


def test_the_check_is_registered_and_needs_a_source() -> None:
    check = next(c for c in all_checks() if c.id == "terminology")
    assert check.needs_source
