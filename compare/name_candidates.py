"""The capitalised words of a sentence that may carry a name, for the name check
(:mod:`compare.checks.names`, whose docstring lists the conventions): words and runs of
capitalised words with their offsets, which capitals open a sentence or a quotation, and which
prove nothing (generic and title words, title-cased stretches and product titles, units and
scales, patronymics, the given syllables of East Asian names, acronyms).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from compare.country_words import POSSESSIVE as _POSSESSIVE
from compare.country_words import is_country_en, is_country_src
from compare.lang.exonyms import EXONYMS
from compare.lang.name_spellings import PALLADIUS_SYLLABLE, PINYIN_SYLLABLE
from compare.lang.name_words import (
    CLARIFYING_PLACES_EN,
    DATE_WORDS,
    EN_INSTITUTION_HEADS,
    GENERIC_EN,
    GENERIC_SRC,
    HOMOGLYPHS,
    KK_INSTITUTION_HEADS,
    NAME_PARTICLES_SRC,
    OPENING_WORDS_EN,
    PRONOUNS_SRC,
    TITLE_JOINERS,
)
from compare.morphology import has_stem, source_stems
from compare.name_matching import en_forms, exonym_targets
from compare.translit import latin_key

# Stumps that open Russian stump compounds (Литфонд, Горсовет, Облсуд, Профсоюз, Мосгорсуд):
# with a generic tail the compound is an institution's generic name, translated in English.
_STUMP = regex.compile(r"(?:лит|гос|мос|гор|обл|рай|проф|мин|сов|соц|худ|мед|пед|спорт|пром)+")


_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


def fold_homoglyphs(word: str) -> str:
    """A word mixing Latin and Cyrillic letters read with Latin letters (WНO -> WHO)."""
    if word.isascii():  # nearly every English word: nothing to fold, and this is a hot path
        return word
    if _LATIN.search(word) and _CYRILLIC.search(word):
        return word.translate(HOMOGLYPHS)
    return word


# Capitalised adjectives not derived from a place or person (no -ск-): Высшая, Литературного.
# Adjectives in -ический / -ческий come from common nouns of Greek and Latin roots
# (Юридический комитет "Judiciary Committee", Экономический форум, Исторический музей) and open
# institution names that English translates; those the exonym table knows (Атлантический,
# Католическая, Демократическая) still need their English word.
_PLAIN_ADJECTIVE = regex.compile(
    r"\w{3,}(?<!ск)(?<!цк)(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими)"
)
_COMMON_ADJECTIVE = regex.compile(
    r"\w{2,}и?ческ(?:ий|ая|ое|ие|ого|ой|ому|им|ом|ую|их|ими|ых)"
)
WORD = regex.compile(r"(?:\p{Lu}\.){2,}|\p{L}+(?:['’]\p{L}+)*")
_SRC_OPENERS = regex.compile(r"(?:^|[.!?:;\"“”«»„…]|\.\.\.|(?:^|\s)[—–-])\s*$")
_OPENERS = regex.compile(r"(?:^|[.!?:;\"“”«»„'‘’()\[\]—–\-•*]|\.\.\.)\s*$")
# A stage direction or note in brackets that opens a sentence: (Смех), [Аплодисменты].
_LEADING_NOTE = regex.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\s*")


def word_spans(text: str, start: int, end: int, fold: bool = False) -> list[tuple[int, int, str]]:
    """Words with their offsets; ``fold`` reads English words through fold_homoglyphs."""
    return [
        (m.start(), m.end(), fold_homoglyphs(m.group()) if fold else m.group())
        for m in WORD.finditer(text, start, end)
    ]


def _script(word: str) -> str:
    return "latin" if regex.match(r"\p{Latin}", word) else "other"


def joined_runs(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Adjacent capitalised English words written as one (Hong Kong ~ Гонконг)."""
    out = []
    for a, b in zip(words, words[1:], strict=False):
        if is_capitalised(a[2]) and is_capitalised(b[2]):
            out.append((a[0], b[1], a[2] + b[2].lower()))
    return out


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def capitalised_runs(
    text: str, words: list[tuple[int, int, str]]
) -> list[list[tuple[int, int, str]]]:
    """Runs of consecutive capitalised words (only spaces or hyphens between them)."""
    runs: list[list[tuple[int, int, str]]] = []
    for w in words:
        if not is_capitalised(w[2]):
            continue
        if (
            runs
            and regex.fullmatch(r"[ \u00a0\-]+", text[runs[-1][-1][1] : w[0]] or "x")
            and _script(runs[-1][-1][2]) == _script(w[2])
        ):
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def opens_sentence(text: str, sent_start: int, pos: int, source: bool = False) -> bool:
    """Whether ``pos`` opens the sentence or a quoted (English: also bracketed) part of it, or
    follows a bracketed note that opens the sentence ("(Смех) Теперь …", "[Видео] Здесь …")."""
    before = text[sent_start:pos]
    if source and _TITLE_ABBREVIATION.search(before):
        return False  # Вл.Сурков, Св. Мартин: the period ends a cut first name or a title
    return bool((_SRC_OPENERS if source else _OPENERS).search(before)
                or _LEADING_NOTE.fullmatch(before))  # fmt: skip


# In the source, a capital and one or two small letters and a period right before a name (Вл.,
# Дм., Св.): no sentence ends there. Not a single letter (США. Как...), which may end one; not
# in English, where a name after "Mr." or "Dr." is still read as opening (the rules were
# written so: on dev it traded a false alarm for a real difference).
_TITLE_ABBREVIATION = regex.compile(r"(?:^|[\s(«“\"])\p{Lu}\p{Ll}{1,2}\.[ \u00a0]?$")


# Named scales are units: "7,5 по шкале Рихтера" is "a 7.5 magnitude" in English, "по Цельсию"
# is "C" (Kazakh: Рихтер шкаласы бойынша).
_SCALE_BEFORE = regex.compile(r"(?:шкал\w*|по)\s+$", regex.IGNORECASE)
_SCALE_AFTER = regex.compile(r"\s+шкал", regex.IGNORECASE)
_SCALE_NAMES = regex.compile(r"(?:рихтер|цельси|фаренгейт|кельвин|бофорт|меркалли)\w*",
                             regex.IGNORECASE)  # fmt: skip


def scale_name(text: str, run: list[tuple[int, int, str]]) -> bool:
    """Whether the run is the name of a scale used as a unit (see _SCALE_BEFORE)."""
    if len(run) != 1 or not _SCALE_NAMES.fullmatch(run[0][2]):
        return False
    before = text[max(0, run[0][0] - 20) : run[0][0]]
    return bool(_SCALE_BEFORE.search(before) or _SCALE_AFTER.match(text, run[0][1]))


_DOLLAR = regex.compile(r"долл\w*", regex.IGNORECASE)  # доллар, долларов, долл.
# What may stand between a Kazakh АҚШ-тың and its dollars: the amount (АҚШ-тың 5 млн долларын).
_AMOUNT = regex.compile(r"[-‑]\p{L}{1,4}|[\d.,\u00a0]+|млн|млрд|трлн|мың|тыс|миллион\w*|"
                        r"миллиард\w*", regex.IGNORECASE)


def currency_country(text: str, run: list[tuple[int, int, str]]) -> bool:
    """США in "долларов США", "долл. США", "долларов (США)", АҚШ in "АҚШ доллары", "АҚШ-тың
    5 млн долларын": the currency ("$700 million"), which English names without the country."""
    if len(run) != 1 or run[0][2] not in ("США", "АҚШ"):
        return False
    before = [w for w in (t.strip(",.;:()") for t in
                          text[max(0, run[0][0] - 14) : run[0][0]].split()) if w]  # fmt: skip
    if before and _DOLLAR.fullmatch(before[-1]):
        return True
    for token in text[run[0][1] : run[0][1] + 30].replace("-", " -").split()[:5]:
        token = token.strip(",.;:()")
        if _DOLLAR.fullmatch(token):
            return True
        if token and not _AMOUNT.fullmatch(token):
            return False
    return False


def unit_symbol(text: str, run: list[tuple[int, int, str]]) -> bool:
    """A short Latin word with a lower-case letter right after a number is a unit symbol
    (7,1 Mw, 5 kWh, 40 dB, 50 Hz), not a name."""
    word = run[0][2]
    return (
        len(run) == 1
        and len(word) <= 3
        and word.isascii()
        and not word.isupper()
        and bool(regex.search(r"\d[\s\u00a0]*$", text[max(0, run[0][0] - 3) : run[0][0]]))
    )


def country_of_institution(run: list, needed: list, hits: list[bool]) -> bool:
    """"Конгрессе США" -> "Congress", "Госдума РФ" -> "the Duma": a country's acronym the
    exonym table knows, right after a rendered generic institution word of the same run, is
    often left implicit in English. Not a spelled-out name: Лиги Европы is the Europa League."""
    first = run.index(needed[0])
    return (
        first > 0
        and hits[first - 1]
        and (generic_src(run[first - 1][2]) or run[first - 1][2].isupper())  # ФРС США: the Fed
        and all(w[2].isupper() and exonym_targets(w[2]) for w in needed)
    )


_KK_INSTITUTION_AFTER = regex.compile(
    r"(?:[ \t]+\p{Ll}+){0,3}?[ \t]+(?:" + "|".join(KK_INSTITUTION_HEADS)
    # the head in the possessive of a name (министрлігі, палатасы, кеңесінің, күштері), not an
    # object (министрлерді, сотты: Тоқаев сотты сынады is a person acting)
    + r")(?:лі[гк]|лы[ғқ]|[гғ])?(?:[лдт][ае]р)?с?[ыі](?:н|ның|нің|на|не|нда|нде|нан|нен|мен)?"
    r"(?!\p{L})")


_SURNAME = regex.compile(
    r"\p{L}{2,}(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|цкий|ская|енко|ян|швили|дзе)")


def kazakh_institution(text: str, run: list[tuple[int, int, str]], en_words: list) -> bool:
    """"Қаржы министрлігі" -> "the Finance Ministry": a Kazakh institution's name capitalises its
    first word, a common word (finance, health, emergencies) that the English translates; when
    lowercase words up to an institution's head noun follow the run and the English names an
    institution, the run carries no name. Not a surname (Назарбаев университеті): an
    institution named after a person keeps the name."""
    if not _KK_INSTITUTION_AFTER.match(text, run[-1][1]):
        return False
    if any(_SURNAME.fullmatch(w[2].lower()) for w in run):
        return False  # Назарбаев университеті: named after a person, whose name must be there
    return any(e[2].lower().startswith(EN_INSTITUTION_HEADS) for e in en_words)


_PLACE_BEFORE_COMMA = regex.compile(r"(\p{Lu}[\p{L}'’.\-]*)\s*,\s*$")
_CLAUSE_AFTER = regex.compile(r"\s*(?:[,.;:!?)\]\"”»—–]|and\b|or\b|$)")


def clarifying_place_en(text: str, run: list[tuple[int, int, str]], rendered) -> bool:
    """"Portland, Oregon" <- "в Портленде": a state, province or country that English news puts
    after a town, between commas or before the sentence's end, for readers who do not know the
    town; a translation may leave it out. The town before the comma must be rendered by the
    source (``rendered``: a callable on an English word), so that a place put in place of
    another (Portland, Maine <- Бангор) is still a mismatch."""
    last = run[-1][2].lower()
    if last not in CLARIFYING_PLACES_EN and not (len(run) > 1 and last in {"states", "arabia"}):
        return False
    before = _PLACE_BEFORE_COMMA.search(text, max(0, run[0][0] - 40), run[0][0])
    if before is None or not rendered(before.group(1)):
        return False
    return bool(_CLAUSE_AFTER.match(text, run[-1][1]))


# The source's side of the same convention: a translator adds the country for its readers
# after a region or town ("на юго-западе США", "в Портленде (США)", "АҚШ-тың оңтүстік-батысында",
# "АҚШ-тағы Портленд") where the English writes "the Southwest", "Portland".
_REGION_WORDS = (
    r"(?:(?:юго|северо)-)?(?:север|юг|запад|восток|побережь|район|част|регион|окраин|пригород|"
    r"штат|провинци|округ|глубинк|оңтүстік|солтүстік|батыс|шығыс")
# and the country of an institution or office: "Верховный суд США", "министр обороны США"
# "из состава Испании", "в составе России", "отделение от Испании": the country a region is
# part of. Russian only: its genitive follows the office, while a Kazakh country comes first
# (Германия канцлері, _TITLE_AFTER_KK), so "Президент бүгін Францияға барады" names a place.
_OFFICE_WORDS = (
    r"|состав|отделени|"
    r"суд|конгресс|сенат|министерств|министр|парламент|правительств|посольств|посол|президент|"
    r"губернатор|канцлер|премьер|лидер|глав[аеуыо]|мэр|корол|принц|спикер|генсек|госсекретар|"
    r"арми|полици|прокуратур|ведомств|департамент|госдеп|спецслужб|разведк")
_REGION_TAIL = r")(?:-\w+)?(?:\w*\s+\p{Ll}+)?\w*\s+$"  # Оңтүстік-батыс АҚШ
_REGION_BEFORE = regex.compile(_REGION_WORDS + _OFFICE_WORDS + _REGION_TAIL, regex.IGNORECASE)
_REGION_BEFORE_KK = regex.compile(_REGION_WORDS + _REGION_TAIL, regex.IGNORECASE)
# and the country at the end of an agency's descriptive name, a few lowercase words after its
# head ("Национальная служба погоды США": the National Weather Service; "Комиссия по ценным
# бумагам и биржам США": the SEC). Russian only, as above.
_AGENCY_BEFORE = regex.compile(
    r"(?:служб|центр|комисси|управлени|агентств|бюро|институт|администраци|комитет|инспекци)"
    # noun phrases only: по and и, or words of three letters or more without a verb's ending
    # ("агентство сообщило о санкциях против России" names a country of its own)
    r"\w*(?:\s+(?:по|и|(?!\p{Ll}*(?:[аеиоя]л|л[аои]|ся|сь|[еиую]т|[ая]т)\b)\p{Ll}{3,})){1,6}\s+$",
    regex.IGNORECASE)
_TOWN_BEFORE = regex.compile(r"(\p{Lu}[\p{L}\-]*)\s*[(,]\s*$")
# (АҚШ-тың Калифорния штатында: the state's own name may stand between)
_REGION_AFTER_KK = regex.compile(
    r"[-\p{L}]*\s+(?:\p{Lu}[-\p{L}]*\s+)?"
    r"(?i:оңтүсті[кг]|солтүсті[кг]|батыс|шығыс|жағалау|аймақ|аудан|штат|өңір)\p{L}*")
_TOWN_AFTER_KK = regex.compile(r"-?(?:т|д)(?:ағы|егі)\s+(\p{Lu}[\p{L}\-]*)")
# A Kazakh title after its country, with the possessive ending (Германия канцлері, АҚШ
# президенті, Ұлыбритания премьер-министрі): "Chancellor Merkel", "Merkel" in English.
# Up to two words may stand between (Қытай төрағасы, АҚШ-тың Республикалық партиясы, АҚШ-тың
# Федералдық тергеу бюросы).
_TITLE_AFTER_KK = regex.compile(
    r"(?:-\p{L}+)?\s+(?:[-\p{L}]+\s+){0,2}?(?:төраға|партия|бюро|департамент|президент|"
    r"вице-президент|канцлер|премьер|министр|басшы|көшбасшы|корол|патшайым|ханзада|губернатор|"
    r"мэр|елші|спикер|сенатор|прокурор|әкім|армия|әскер|үкімет|"
    r"парламент|сот|полиция|сыртқы|қызмет|реттеуш|агенттіг|комитет|комиссия|банк|орталығ)\p{L}*",
    regex.IGNORECASE)
_DIRECTIONS = frozenset("солтүстік оңтүстік батыс шығыс северная южная".split())


@lru_cache(maxsize=1)
def _known_en() -> frozenset[str]:
    return frozenset(w.rstrip("*") for _, english in EXONYMS for w in english
                     if w[:1].isalpha() and not generic_en(w.rstrip("*").capitalize()))  # fmt: skip


def known_place_en(word: str) -> bool:
    """An English word the exonym table knows as a name (Ankara, Athens, Kremlin): a name even
    at the start of a sentence, where any word is capitalised."""
    return _POSSESSIVE.sub("", word.lower()) in _known_en() or is_country_en(word)


def clarifying_country(text: str, run: list[tuple[int, int, str]], rendered,
                       lang: str = "ru") -> bool:  # fmt: skip
    """"юго-запада США" -> "the Southwest", "Портленде (США)" -> "Portland", "Верховный суд
    США" -> "the Supreme Court": a country (the exonym table gives it a country of
    :data:`CLARIFYING_PLACES_EN`) right after a region word, an institution or office, or a
    town the English renders (``rendered``: a callable on a source word), or, in Kazakh,
    before a region word, a town (АҚШ-тағы Портленд) or a title (Германия канцлері); the
    English may leave it implicit."""
    if not is_country_src(run[-1][2]) or any(w[2].lower() not in _DIRECTIONS
                                             for w in run[:-1]):  # Солтүстік Корея
        return False
    start, end = run[0][0], run[-1][1]
    if _TITLE_AFTER_KK.match(text, end):
        return True
    before = _REGION_BEFORE_KK if lang == "kk" else _REGION_BEFORE
    if before.search(text, max(0, start - 30), start):
        return True
    if lang != "kk" and _AGENCY_BEFORE.search(text, max(0, start - 80), start):
        return True
    town = _TOWN_BEFORE.search(text, max(0, start - 40), start)
    if town and rendered(town.group(1)):
        return True
    if _REGION_AFTER_KK.match(text, end):
        return True
    town = _TOWN_AFTER_KK.match(text, end)
    return bool(town and rendered(town.group(1)))


_CLARIFYING_PLACE = regex.compile(
    r"[,(]\s*(?:штат[аеу]?|провинци[яиюей]|графств[оау])\s*$",
    regex.IGNORECASE,
)
# Kazakh: the state before the town it clarifies (Батыс Вирджиния штатындағы Уилинг қаласында).
_CLARIFYING_PLACE_KK = regex.compile(
    r"\s+(?:штат|провинция|графтығ)\p{L}*(?:дағы|дегі|тағы|тегі)\s+\p{Lu}", regex.IGNORECASE)


def clarifying_place(text: str, run: list[tuple[int, int, str]]) -> bool:
    """"Лос-Анджелес, штат Калифорния", "Уилинг (штат Западная Вирджиния)", "Батыс Вирджиния
    штатындағы Уилинг": a translator names the state, province or county of a place, for
    readers who do not know it; English often leaves it implicit. Not округ or область, which
    stand for names the English gives (Xining County)."""
    return bool(_CLARIFYING_PLACE.search(text[max(0, run[0][0] - 20) : run[0][0]])
                or _CLARIFYING_PLACE_KK.match(text, run[-1][1]))


def in_acronym(needed: list[tuple[int, int, str]], acronyms: list[str]) -> bool:
    """Whether every unmatched word's Latin initial is a letter of one English acronym that no
    source word explains: the English named the institution by its initials (Университет штата
    Луизиана -> LSU, Louisiana State University)."""
    for acronym in acronyms:
        if all((latin_key(w[2])[:1] or "?").upper() in acronym for w in needed):
            return True
    return False


def split_at_initials(runs: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """Runs cut after a dotted abbreviation (the U.S. As Rosa ...): its period may end the
    sentence, so the next capital proves nothing and does not extend the name."""
    out = []
    for run in runs:
        cur = [run[0]]
        for w in run[1:]:
            if cur[-1][2].endswith("."):
                out.append(cur)
                cur = []
            cur.append(w)
        out.append(cur)
    return out


def abbreviated(text: str, word: tuple[int, int, str]) -> bool:
    """A short abbreviation before a name (Вл.Сурков, Дм. Гордон, Св. Мартин): a first name or a
    title cut to two or three letters and a period, which English writes as an initial, a
    title or not at all; one letter is an initial already (see :func:`generic_src`)."""
    return len(word[2]) <= 3 and bool(_ABBREVIATION_AFTER.match(text, word[1]))


_ABBREVIATION_AFTER = regex.compile(r"\.[ \u00a0]?\p{Lu}")


def initialism(run: list[tuple[int, int, str]]) -> str:
    """Initials of a Latin-script name (The Wall Street Journal -> WSJ), which the other side
    may use instead; "" for Cyrillic or one-word runs."""
    parts = [w[2] for w in run if w[2].lower() not in ("the", "of", "and", "for")]
    if len(parts) < 2 or not all(p.isascii() for p in parts):
        return ""
    return "".join(p[0] for p in parts).upper()


def given_syllables(run: list[tuple[int, int, str]], unmatched: list, text: str = "",
                    family_alone: bool = False) -> bool:  # fmt: skip
    """East Asian names of three short words (Ким Чен Ын, Ri Yong Ho) whose family name the
    other side renders (the caller checks that): it often gives only the family name, or spells
    the given name by another system (Чен Ын / Jong Un), leaving short syllables unmatched.
    ``run`` is counted with a sentence's first word, which the checks otherwise set aside (a
    capital there proves nothing); with the ``text``, a lower-case syllable hyphened to a word
    counts as one more (Moon Jae-in). A title or other generic word is no syllable (Министр
    Хайко Маас is a German name of two words). A Chinese name of two words (Си Цзиньпин, Li
    Keqiang) counts too when the other side gives its family name alone (``family_alone``: Xi,
    Ли; not Wang Yi for Ли Кэцян) and the unmatched word is a given name of two syllables."""
    tails = sum(1 for w in run if _HYPHENED_SYLLABLE.match(text, w[1])) if text else 0
    words = [w for w in run if not (generic_en(w[2]) if w[2].isascii() else generic_src(w[2]))]
    family = [w for w in words if w not in unmatched]
    if (family_alone and len(words) == 2 and len(family) == 1 and chinese_family_name(
            family[0][2]) and all(chinese_given_name(w[2]) for w in unmatched)):  # fmt: skip
        return True  # Си Цзиньпин -> Xi, Li Keqiang -> Ли
    return len(words) + tails >= 3 and all(_short_syllable(w[2]) for w in unmatched)


# Kazakh case endings written onto a syllable of an East Asian name (Ким Чен Ын-ның, Ын-ға);
# not -на, -да, -ны, which end Russian words as well (Арена).
_KK_CASE_ON_SYLLABLE = regex.compile(
    r"\p{Cyrillic}{1,3}(?:[ндт][ыі]ң|ға|қа|[гк]е|[ндт](?:ан|ен)|[мбп]ен)", regex.IGNORECASE)


def _short_syllable(word: str) -> bool:
    """A word of at most four letters, or a Cyrillic syllable of at most three with a Kazakh
    case ending (Ынның, Ынға): a syllable of an East Asian given name."""
    return len(word) <= 4 or bool(_KK_CASE_ON_SYLLABLE.fullmatch(word))


_PALLADIUS = regex.compile(PALLADIUS_SYLLABLE)
_PINYIN = regex.compile(PINYIN_SYLLABLE)
_VOWEL_START = regex.compile(r"[аэиыяеюоуaeiouy]")


def _two_syllables(word: str) -> bool:
    """Whether a lower-case word reads as two Chinese syllables, each with its initial
    consonant (цзинь-пин, jin-ping; not и-ван, the stem of Иванов: a given name opening with
    a vowel, as Enlai, is left out with it)."""
    single = _PINYIN if word.isascii() else _PALLADIUS
    return not _VOWEL_START.match(word) and any(
        single.fullmatch(word, 0, cut) and single.fullmatch(word, cut)
        and not _VOWEL_START.match(word, cut) for cut in range(1, len(word)))  # fmt: skip


def chinese_given_name(word: str) -> bool:
    """A Chinese given name of two syllables (Цзиньпин or its case forms, Jinping, Jin-ping)."""
    if word.isascii():
        return _two_syllables(word.lower().replace("-", ""))
    return any(_two_syllables(stem) for stem in source_stems(word))


def chinese_family_name(word: str) -> bool:
    """A family name of one Chinese syllable with an initial (Си, Ли, Ван, Чжан; Xi, Li, Wang)."""
    w = word.lower()
    single = _PINYIN if word.isascii() else _PALLADIUS
    return len(w) >= 2 and bool(single.fullmatch(w)) and not _VOWEL_START.match(w)


_HYPHENED_SYLLABLE = regex.compile(r"-\p{Ll}{1,4}\b")


def family_name_like(word: str) -> bool:
    """Whether a sentence's first word, rendered on the other side, may be the family name
    that anchors an East Asian name (given_syllables): short (Ким, Мун, Чхве, Park, Hwang)
    and no title or generic word, which would anchor a swapped name (Президент Мун Чжэ Ин ->
    President Kim Jong Un)."""
    if len(word) > 5 or (regex.match(r"\p{Cyrillic}", word) and len(word) > 4):
        return False
    return not (generic_en(word) if word.isascii() else generic_src(word))


def shouting(run: list[tuple[int, int, str]]) -> bool:
    """Three or more words in capitals (DO NOT JUMP IN): emphasis, not names."""
    return len(run) >= 3 and all(w[2].isupper() and len(w[2]) > 1 for w in run[:3])


# Patronymics (Кемелевич, Владимировна, Кемелұлы): the English leaves them out.
PATRONYMIC = regex.compile(r"\w{3,}(?:ович|евич|ич|овн|евн|ичн|ұлы|қызы|улы|кызы)\w{0,3}")


def generic_src(word: str, adjective_shape: bool = True) -> bool:
    """A source word that cannot carry a name on its own (see GENERIC_SRC), or an acronym
    the exonym table does not know (СМИ-like acronyms are expanded in translation); with
    ``adjective_shape`` False, a word shaped like a plain adjective (Ангелой) is not generic
    for that alone when it ends as a first name may (Ангелой, Дмитрий; not Макаронного)."""
    w = word.lower()
    if len(word) < 2 or has_stem(w, GENERIC_SRC) or w in PRONOUNS_SRC:
        return True
    stump = _STUMP.match(w)
    if stump and stump.end() < len(w) and w[stump.end() :].startswith(GENERIC_SRC):
        return True  # Литфонд, Горсовет: see compare.checks.names
    if _PLAIN_ADJECTIVE.fullmatch(w) and (adjective_shape or not w.endswith(("ий", "ой", "ей"))):
        return True
    if _COMMON_ADJECTIVE.fullmatch(w) and not exonym_targets(word):
        return True
    # Acronyms are spelled out in translation; a brand in Latin letters with capitals inside
    # (YouGov, PayPal) is copied into the English like any other name.
    caps = sum(ch.isupper() for ch in word)
    brand = word.isascii() and not word.isupper()
    return caps >= 2 and not exonym_targets(word) and not brand


def titled_stretches(text: str, words: list[tuple[int, int, str]], rendered) -> list:
    """Spans of English title-cased names (see compare.checks.names): three or more capitalised
    words joined by spaces, hyphens or the function words of names (of, for, the, and, with),
    at least half of them generic or ``rendered`` (a callable: does some source word render
    this English word); without a function word the last one must be among those, as the head
    noun of such a name is (Fund, Day, Clinic): a name after a post (British PM Kavanaugh)
    stays."""
    out: list[tuple[int, int]] = []

    def close(stretch: list[tuple[int, int, str]]) -> None:
        while stretch and not is_capitalised(stretch[-1][2]):
            stretch.pop()
        # Both Walton and Trump: "Both" is capitalised by position, no part of a title
        opening = bool(stretch) and stretch[0] is words[0] and (
            stretch[0][2].lower() in OPENING_WORDS_EN)
        caps = [w[2] for w in stretch[opening:] if is_capitalised(w[2]) and w[2].lower() not in
                TITLE_JOINERS]  # fmt: skip
        known = [generic_en(c) or rendered(c) for c in caps]
        joined = any(w[2] in TITLE_JOINERS for w in stretch)
        if len(caps) >= 3 and 2 * sum(known) >= len(caps) and (known[-1] or joined):
            out.append((stretch[0][0], stretch[-1][1]))

    stretch: list[tuple[int, int, str]] = []
    for k, w in enumerate(words):
        cap = is_capitalised(w[2])
        adjacent = bool(stretch) and regex.fullmatch(r"[ \u00a0\-]*", text[stretch[-1][1] : w[0]])
        # "on" joins Commission on Human Rights, but not a date: Four Corners on Tuesday
        dated = w[2] == "on" and k + 1 < len(words) and words[k + 1][2].lower() in DATE_WORDS
        if adjacent and (cap or w[2] in TITLE_JOINERS) and not dated:
            stretch.append(w)
            continue
        close(stretch)
        stretch = [w] if cap else []
    close(stretch)
    return out


_SEGMENT_BREAK = regex.compile(r"[,;:()\[\]/]|\d+(?:[.,*xх×/-]\d+)*|\s[-–—]\s")


def title_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of English title segments (see compare.checks.names)."""
    out = []
    pos = start
    for m in [*_SEGMENT_BREAK.finditer(text, start, end), None]:
        stop = m.start() if m else end
        opener = pos == start or (text[pos - 1 : pos] != ",")
        words = [w for w in word_spans(text, pos, stop) if w[2].lower() not in TITLE_JOINERS]
        if opener and len(words) >= 3 and all(is_capitalised(w[2]) for w in words):
            out.append((words[0][0], words[-1][1]))
        pos = m.end() if m else end
    return out


_QUOTED_EN = regex.compile(r"[\"“«]([^\"“”«»]{3,120})[\"”»]|(?<!\w)'([^']{3,120})'(?!\w)")
QUOTED_SRC = regex.compile(r"[\"“«„]\s*\p{Cyrillic}+(?:[\s,-]+\p{L}+)+\s*[\"”»“]")


def quoted_titles(text: str, start: int, end: int, source: str) -> list[tuple[int, int]]:
    """Title-cased English quotations (every word over three letters capitalised, two
    capitals at least) when the source quotes a Cyrillic phrase: a translated title."""
    if not QUOTED_SRC.search(source):
        return []
    out = []
    for m in _QUOTED_EN.finditer(text, start, end):
        inner = word_spans(text, m.start(), m.end())
        caps = [w for w in inner if is_capitalised(w[2])]
        if len(caps) >= 2 and all(is_capitalised(w[2]) for w in inner if len(w[2]) > 3):
            out.append((m.start(), m.end()))
    return out


def title_case(words: list[tuple[int, int, str]]) -> bool:
    """A headline in Title Case (every word over three letters capitalised), where capitals
    say nothing about names."""
    long_words = [w for w in words if len(w[2]) > 3]
    return len(long_words) >= 4 and all(is_capitalised(w[2]) for w in long_words)


_COMMON_SUFFIX = regex.compile(
    r"\p{L}{3,}(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ence|ance|ous|ive|ives|ical|"
    r"ology|ologist|ologists|ist|ists|ism|ics|ship|hood|ing|ed|ers|ly|ure|ures)"
)


def generic_en(word: str) -> bool:
    """Generic name parts (District, River), function words, and capitalised common words
    recognisable by their suffix (Prevention, Development, Physics): no evidence alone."""
    if regex.fullmatch(r"\p{Lu}{2,5}(?:s|['’]s)?|(?:\p{Lu}\.){2,}", word):
        return True  # acronyms (AMs, TVs, U.N., SMB's) are often spelled out in the source
    if len(word) < 3 or _COMMON_SUFFIX.fullmatch(word.lower()):
        return True
    return any(f in GENERIC_EN for f in en_forms(word))


def hyphened_to_rendered(text: str, run: list, i: int, hits: list[bool]) -> bool:
    """Whether word ``i`` of a source run is hyphened to the next word, which is rendered: one
    name then (Стейтен-Айленд), whose first part must be rendered too, unlike a first name
    before a surname; a particle (Де-Мойн: Des Moines) needs no rendering of its own."""
    return (
        hits[i + 1]
        and text[run[i][1] : run[i + 1][0]] == "-"
        and run[i][2].lower() not in NAME_PARTICLES_SRC
    )
