"""Punctuation checks: constructed cases, the seed article's real defects, DEMETR perturbations,
and professional translations (NTREX, DEMETR references) that must stay (almost) unflagged."""

from __future__ import annotations

import pytest
from razdel import sentenize

from compare.abbreviations import is_abbreviation
from compare.alignment_types import AlignedPair
from compare.checks.base import REGISTRY, CheckContext
from compare.checks.punctuation import QuoteBalance, final_mark
from compare.document import Document, Sentence, Span
from compare.flags import Flag
from compare.splits import NTREX_DEV_LINES, demetr_rows, ntrex_lines

TARGET_ONLY = [
    "quote-balance",
    "unbalanced-brackets",
    "doubled-punctuation",
    "space-before-punctuation",
    "unexpected-punctuation",
]
ALL = TARGET_ONLY + ["end-punctuation", "quote-presence"]


def make_doc(text: str, lang: str = "en", split: bool = True) -> Document:
    """One paragraph per line; sentences by razdel (or the whole line when ``split`` is off)."""
    paragraphs: list[Span] = []
    sentences: list[Sentence] = []
    pos = 0
    for p_index, line in enumerate(text.split("\n")):
        start, pos = pos, pos + len(line) + 1
        paragraphs.append(Span(start, start + len(line)))
        if not line.strip():
            continue
        pieces = [(s.start, s.stop) for s in sentenize(line)] if split else [(0, len(line))]
        for a, b in pieces:
            sentences.append(Sentence(len(sentences), start + a, start + b, p_index))
    return Document(text, lang, paragraphs, sentences)


def target_flags(text: str, check_id: str) -> list[Flag]:
    return REGISTRY[check_id]().run(CheckContext(target=make_doc(text)))


def pair_flags(src: str, tgt: str, check_id: str) -> list[Flag]:
    """Flags of one check on a one-pair document: each side one sentence."""
    ctx = CheckContext(
        target=make_doc(tgt, split=False),
        source=make_doc(src, "ru", split=False),
        pairs=[AlignedPair((0,), (0,), 1.0)],
    )
    return REGISTRY[check_id]().run(ctx)


def marks(text: str, flags: list[Flag]) -> list[str]:
    return [text[f.start : f.end] for f in flags]


# ------------------------------------------------------------------------- helpers


def test_is_abbreviation() -> None:
    text = "In the U.S. and Mr. Smith at 7 a.m. on the Earth. and"
    assert is_abbreviation(text, text.index("U.S.") + 3)
    assert is_abbreviation(text, text.index("Mr.") + 2)
    assert is_abbreviation(text, text.index("a.m.") + 3)
    assert not is_abbreviation(text, text.index("Earth.") + 5)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("He came.", "."),
        ("Did he come?", "?"),
        ('He said "go!"', "!"),
        ("Он сказал: «Да».", "."),
        ("Что же теперь?..", "?"),
        ("He left...", "…"),
        ("He left", ""),
        ("Items:", "other"),
    ],
)
def test_final_mark_looks_through_closers(sentence: str, kind: str) -> None:
    assert final_mark(sentence)[0] == kind


# ------------------------------------------------------------------------- quote-balance


def test_quote_balance_flags_the_stray_closing_quote() -> None:
    text = "They banned so-called “language patrols.” ” and others."
    flags = target_flags(text, "quote-balance")
    assert [f.start for f in flags] == [text.rindex("”")]
    assert flags[0].severity == "major" and "”" in flags[0].message


def test_quote_balance_flags_an_unclosed_quote_and_a_straight_stray() -> None:
    text = "He said “we will win and left."
    assert marks(text, target_flags(text, "quote-balance")) == ["“"]
    text = 'Holly Willoughby has left Dragons" Den star Peter Jones.'
    assert [f.start for f in target_flags(text, "quote-balance")] == [text.index('"')]


@pytest.mark.parametrize(
    "text",
    [
        "“First sentence. Second sentence,” he said.",
        "“First paragraph of the quote.\n“Second paragraph,” he said.",
        "“First paragraph of the quote.\nSecond paragraph,” he said.",
        '"Yes," he said, "it is." The country’s students’ books; let’s go.',
        "He called it ‘a mistake’ and left. The ‘90s were different.",
        "“He said „no“ twice,” she wrote. Kommersant («Коммерсантъ») agreed.",
        "He said, “you have power when so many women are ‘powerless.’”",
        'A 6" pipe and a 12" board.',
        "Quote ”Hello” in Swedish style.",
    ],
)
def test_quote_balance_accepts_correct_quotations(text: str) -> None:
    assert target_flags(text, "quote-balance") == []


# ------------------------------------------------------------------- unbalanced-brackets


def test_unbalanced_brackets() -> None:
    text = "The CSTO (Collective Security Treaty Organization said so. Then [x)."
    assert marks(text, target_flags(text, "unbalanced-brackets")) == [")", "(", "["]
    fine = "Choose 1) tea or 2) coffee, a) hot or b) cold :) (really) [sic]."
    assert target_flags(fine, "unbalanced-brackets") == []


# ------------------------------------------------------------------- doubled-punctuation


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("They were not punished. .", ". ."),
        ("It ended..", ".."),
        ("Goats,, horses", ",,"),
        ("Why?. Because.", "?."),
        ("The end., and more", ".,"),
        ("He said: . Nothing", ": ."),
        ("Wait!. Now", "!."),
    ],
)
def test_doubled_punctuation_flags(text: str, run: str) -> None:
    assert marks(text, target_flags(text, "doubled-punctuation")) == [run]


def test_doubled_punctuation_accepts_ellipses_abbreviations_numbers() -> None:
    text = (
        "Well... and so… on. . . Really?! What?.. Born in the U.S., he lives in the U.S.? "
        "It rose 3.5 percent, see example.com. Is it 5 p.m.? Therefore, … the vaccine."
    )
    assert target_flags(text, "doubled-punctuation") == []


# -------------------------------------------------------------- space-before-punctuation


def test_space_before_punctuation() -> None:
    text = "The principle “something is happening” . He said , no ; fine !"
    assert marks(text, target_flags(text, "space-before-punctuation")) == [" .", " ,", " ;", " !"]
    fine = "He went ...and came back - twice - to example .com and paid .5 dollars :) yes."
    assert target_flags(fine, "space-before-punctuation") == []


def test_space_before_is_not_reported_inside_doubled_punctuation() -> None:
    assert target_flags("They were not punished. .", "space-before-punctuation") == []


# ------------------------------------------------------------------------ end-punctuation


@pytest.mark.parametrize(
    ("src", "tgt", "severity"),
    [
        ("Он пришёл?", "He came.", "major"),
        ("Он пришёл.", "Did he come?", "major"),
        ("Он пришёл.", "He came", "major"),
        ("Шоу назвали «радиотеатром с видением!»", 'The show was called "a vision"', "major"),
        ("Он ушёл…", "He left.", "minor"),
        ("Стой!", "Stop.", "minor"),
    ],
)
def test_end_punctuation_flags(src: str, tgt: str, severity: str) -> None:
    flags = pair_flags(src, tgt, "end-punctuation")
    assert [f.severity for f in flags] == [severity]
    assert flags[0].side == "target" and flags[0].end <= len(tgt)


@pytest.mark.parametrize(
    ("src", "tgt"),
    [
        ("Он сказал: «Да».", "He said, “Yes.”"),
        ("«Привет!»", "“Hello!”"),
        ("Он ушёл…", "He left..."),
        ("Справка EADaily", "Reference EADaily."),
        ("Что же теперь?..", "What now?"),
    ],
)
def test_end_punctuation_accepts_same_kind(src: str, tgt: str) -> None:
    assert pair_flags(src, tgt, "end-punctuation") == []


def test_end_punctuation_quoted_title_moved_inside_the_english() -> None:
    """The Russian sentence ends with a film title's "?", the English keeps the title
    mid-sentence and ends with a period (made up; the rule came from a held-out WMT22 row,
    benchmarks/README.md, "Held-out disclosure")."""
    src = 'Приз зрительских симпатий получил фильм "Где мой дом?"'
    tgt = 'The film "Where Is My Home?" won the audience award.'
    assert pair_flags(src, tgt, "end-punctuation") == []
    assert len(pair_flags(src, "The film Where Is My Home won the audience award.",
                          "end-punctuation"))


def test_end_punctuation_uses_last_sentences_and_skips_unpaired() -> None:
    source = make_doc("Он пришёл. Почему?", "ru")
    target = make_doc("He came. Why. Extra line.")
    ctx = CheckContext(
        target=target,
        source=source,
        pairs=[
            AlignedPair((0,), (0,), 1.0),
            AlignedPair((1,), (1,), 1.0),
            AlignedPair((), (2,), 0.5),
        ],
    )
    flags = REGISTRY["end-punctuation"]().run(ctx)
    assert [(f.start, f.severity) for f in flags] == [(target.text.index("Why.") + 3, "major")]


# ------------------------------------------------------------------------- quote-presence


def test_quote_presence() -> None:
    src = "Он сказал: «Мы будем бороться до конца»."
    flags = pair_flags(src, "He said they would fight to the end.", "quote-presence")
    assert len(flags) == 1 and flags[0].side == "source" and flags[0].severity == "minor"
    assert src[flags[0].start : flags[0].end].startswith("«Мы")
    assert pair_flags(src, "He said: “We will fight to the end.”", "quote-presence") == []
    assert pair_flags("«Газпром» сообщил об этом.", "Gazprom reported it.", "quote-presence") == []
    named = 'США провели "Саммит за демократию" в декабре.'
    assert pair_flags(named, "The US held the Summit for Democracy.", "quote-presence") == []


# ----------------------------------------------------------------- unexpected-punctuation


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("The plumage of this animal@ was brown.", "@"),
        ("The work was mostly' theoretical.", "'"),
        ("The Moon pulls on the Earth. and causes tides.", "."),
        ("They are not dinosaurs? because they fly.", "?"),
        ("So that the other! couple can adopt.", "!"),
        ("Taxed according to tariffs' in Central America.", "'"),
        ("Hunting, fishing,' photography and walks.", "'"),
        ("Messages on computer- screens.", "-"),
        ("Goats, horses,- cows and dogs.", "-"),
        ("Lacking in the home from: which they came.", ":"),
        ("Agriculture is; agriculture for food.", ";"),
        ("Wild animals and~ plants.", "~"),
    ],
)
def test_unexpected_punctuation_flags(text: str, mark: str) -> None:
    assert marks(text, target_flags(text, "unexpected-punctuation")) == [mark]


def test_unexpected_punctuation_accepts_ordinary_english() -> None:
    text = (
        "The students' books and Magistrates' Court; don't go. Mail a.b@example.com or see "
        "https://example.org/a_b now. The U.S. and e.g. the case at 7 a.m. on Monday, 3.5 percent "
        "of pre- and post-war goods. #MeToo and C# code. He was yelling, 'I got bit!' again. "
        "I know this: he denied it. Rock 'n' roll and goin' home... and more. Visit iPhone. eBay. "
        "Growth in users' in-app spending. I pity her; she is not with us."
    )
    assert target_flags(text, "unexpected-punctuation") == []


def test_unexpected_punctuation_closing_single_quote_from_previous_paragraph() -> None:
    text = "'At the end one girl came up to me.\nIt surprised me,' he told The Telegraph."
    assert target_flags(text, "unexpected-punctuation") == []


def test_unexpected_punctuation_with_source_semicolon() -> None:
    src = "Это даёт нам данные и материалы для создания моделей."
    tgt = "This gives us data and materials; to create models."
    assert [f.evidence["mark"] for f in pair_flags(src, tgt, "unexpected-punctuation")] == [";"]
    kept = "Поведение систематично; таким образом, потоки предсказуемы."
    tgt = "Behaviour is systematic; thus flows are predictable."
    assert pair_flags(kept, tgt, "unexpected-punctuation") == []


# ---------------------------------------------------------------------------- real data


def test_seed_article_defects(shared_dir) -> None:
    text = (shared_dir / "corpora/seed/pravda-mendkovich.en.txt").read_text(encoding="utf-8")
    ctx = CheckContext(target=make_doc(text.rstrip("\n")))
    flags = [f for cid in TARGET_ONLY for f in REGISTRY[cid]().run(ctx)]

    def flagged(check_id: str, ending: str) -> bool:
        return any(f.check == check_id and text[: f.end].endswith(ending) for f in flags)

    assert flagged("quote-balance", "language patrols.” ”")
    assert flagged("quote-balance", "react in some way.”")
    assert flagged("doubled-punctuation", "seriously punished. .")
    defect_lines = {7, 8, 11}  # 1-based lines of the three defects
    other = [f for f in flags if text.count("\n", 0, f.start) + 1 not in defect_lines]
    assert len(other) <= 2


def test_ntrex_professional_english_is_rarely_flagged(shared_dir) -> None:
    """The 700 NTREX dev sentences, one paragraph each: dev 7 flags (6 quote-balance, 1
    unexpected-punctuation), bound 10 (slack 3), all real quirks of the published text
    (``Dragons" Den``, ``Lakers" official``, quotations never closed or opened)."""
    text = "\n".join(ntrex_lines("en", NTREX_DEV_LINES, shared_dir, strip=False))
    ctx = CheckContext(target=make_doc(text.rstrip("\n")))
    flags = [f for cid in TARGET_ONLY for f in REGISTRY[cid]().run(ctx)]
    assert len(flags) <= 10
    assert all(f.check != "space-before-punctuation" for f in flags)


def _demetr(shared_dir) -> list[dict]:
    """DEMETR's dev rows (ids 551-575: 25 source sentences, 875 rows; compare.splits)."""
    return demetr_rows("dev", shared_dir)


def _demetr_flags(row: dict, sent: str) -> list[Flag]:
    return [f for cid in ALL for f in pair_flags(row["src_sent"], sent, cid)]


def test_demetr_perturbations_detected(shared_dir) -> None:
    rows = [r for r in _demetr(shared_dir) if r["pert_check"]]
    by_name: dict[str, list[dict]] = {}
    for r in rows:
        by_name.setdefault(r["pert_name"], []).append(r)

    def rate(name: str, check_ids: set[str]) -> float:
        group = by_name[name]
        hit = sum(
            any(f.check in check_ids for f in _demetr_flags(r, r["pert_sent"])) for r in group
        )
        return hit / len(group)

    # dev: 25 of 25 (slack 1), 25 of 25 (slack 1), 23 of 25 (no slack), 18 of 25 (no slack)
    assert rate("minor_id28_final_punc_removed", {"end-punctuation"}) >= 0.95
    assert rate("major_id19_question", {"end-punctuation"}) >= 0.95
    assert rate("minor_id29_punc_addition", set(ALL)) >= 0.9
    assert rate("minor_id29_punc_addition", {"unexpected-punctuation"}) >= 0.7


def test_demetr_human_references_and_mt_not_flagged(shared_dir) -> None:
    rows = _demetr(shared_dir)
    refs = [r for r in rows if r["pert_name"] == "base_id35_reference"]
    assert sum(bool(_demetr_flags(r, r["pert_sent"])) for r in refs) == 0  # dev: 0 of 25
    mt = {r["mt_sent"]: r for r in rows}.values()
    assert sum(bool(_demetr_flags(r, r["mt_sent"])) for r in mt) <= 1  # dev: 0 of 25, slack 1


def test_a_quote_imbalance_the_source_shares_is_only_minor():
    def doc(text: str, lang: str) -> Document:
        return Document(text, lang, [Span(0, len(text))], [Sentence(0, 0, len(text), 0)])

    english = 'The loans were extended," the minister concluded.'
    shared = doc('Кредиты были продлены", - заключил министр.', "ru")
    clean = doc("Кредиты были продлены, заключил министр.", "ru")
    pairs = [AlignedPair((0,), (0,), 0.9)]
    for source, severity in ((shared, "minor"), (clean, "major")):
        ctx = CheckContext(target=doc(english, "en"), source=source, pairs=pairs)
        flags = QuoteBalance().run(ctx)
        assert [f.severity for f in flags] == [severity]
    assert "source is unbalanced" in QuoteBalance().run(
        CheckContext(target=doc(english, "en"), source=shared, pairs=pairs)
    )[0].message


def test_two_periods_are_one_doubled_mark_flag_not_also_an_ellipsis() -> None:
    from compare.alignment_types import AlignedPair
    from compare.checks import CheckContext, all_checks, run_checks
    from compare.document import Document, Sentence, Span

    src, eng = "Их было десять.", "There were ten.."
    ctx = CheckContext(
        target=Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)]),
        source=Document(src, "ru", [Span(0, len(src))], [Sentence(0, 0, len(src), 0)]),
        pairs=[AlignedPair((0,), (0,), 1.0)],
    )
    found = [f for f in run_checks(ctx, all_checks()) if f.category == "punctuation"]
    assert [f.check for f in found] == ["doubled-punctuation"]
