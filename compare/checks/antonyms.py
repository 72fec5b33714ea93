"""The antonym check: the English says the opposite of the source (rose -> "fell", won -> "lost").

Neither the number, name and negation checks nor the sentence vectors see an antonym: the
sentence keeps its shape and its cosine. The meaning model sees few (benchmarks/README.md).
This check reads a hand-written bilingual lexicon of opposite pairs that news text uses:
rise/fall, win/lose, open/close, accept/reject, allow/ban, start/end, north/south... Each pair
names the English words of both poles and the Russian and Kazakh stems of both poles.

A pair is flagged when the English has a word of one pole and none of the other, while the
source has a stem of the other pole and none of the first: "цены выросли" -> "prices fell".
Both "none" conditions keep it quiet where a sentence speaks of both poles ("rose in March after
falling in February") or where the translator chose a word outside the lexicon. A sentence with
a negation on either side is left to the negation check: "не выросли" -> "fell" is a paraphrase,
"did not rise" of "упали" too.

The lexicon is general knowledge written for this check (not taken from any evaluation set);
word forms that are ambiguous in the language (Russian "рост" also "height" and Ростов, Kazakh
"ашу" also "anger", "жеңіл-" is "lose" but "жең-" is "win") are listed with their endings
instead of as bare stems. Its false alarms and recall are measured in
``benchmarks/antonym_flags.py``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.checks.negation import count_negations
from compare.flags import Flag


@dataclass(frozen=True)
class Opposites:
    """Two poles of one meaning: English word patterns and source stem patterns for each.

    Every pattern must match a whole lower-cased word; "" means the language has no entry.
    ``ru_quiet`` holds Russian words that show a pole too loosely to raise a flag but do show
    that the source speaks of it ("начало" is "the beginning", but "в начале 2000-х" is "in
    the early 2000s"): they only silence the other pole.
    """

    name: str
    en: tuple[str, str]
    ru: tuple[str, str]
    kk: tuple[str, str]
    ru_quiet: tuple[str, str] = ("", "")


_EN_VERB = r"(?:s|es|ed|d|ing)?"

LEXICON: tuple[Opposites, ...] = (
    Opposites(
        "rise / fall",
        (r"ris(?:e|es|en|ing)|rose|increas\w*|gr[eo]w\w*|growth|climb\w*|soar\w*|surg\w*|"
         r"jump(?:s|ed)?|rais(?:e|es|ed|ing)|boost\w*",
         r"fall(?:s|en|ing)?|fell|decreas\w*|declin\w*|drop(?:s|ped|ping)?|shr[iau]nk\w*|"
         r"plung\w*|slump\w*|tumbl\w*|reduc\w*|lower(?:s|ed|ing)?|cut|cuts|cutting"),
        (r"выр[ао]с\w*|раст[её]т|растут|рост(?!ов)\w*|увелич\w*|повы[сш]\w*|подорож\w*|"
         r"прирост\w*|возр[ао]с\w*|взл[её]т\w*",
         r"сниз\w*|сниж\w*|упа[лд]\w*|падени\w*|уменьш\w*|сократ\w*|сокращ\w*|подешев\w*|"
         r"спад\w*|обвал\w*"),
        (r"өсті|өсу\w*|өсім(?!дік)\w*|өсе\w*|өсіп|өскен\w*|ұлғай\w*|көбей\w*|"
         r"арт(?:ты|ады|қан|уы|ып|тыр\w*)",
         r"төмендеді|төмендеу\w*|төмендеп|төмендейді|төмендеген\w*|төмендет\w*|азай\w*|"
         r"құлады|құлау\w*|қысқар\w*|кеміді|кему\w*|кеміп|кемиді"),
    ),
    Opposites(
        "win / lose",
        (r"win|wins|won|winning|winners?|victor(?:y|ies|ious)",
         r"los(?:e|es|ing)|lost|losers?|defeats?"),
        (r"побед\w*|выигр\w*", r"проигр\w*|поражени\w*"),
        (r"жеңді|жеңіс\w*|жеңіп|жеңген\w*|жеңеді|жеңімпаз\w*|жеңу\w*",
         r"жеңілді|жеңіліс\w*|жеңіліп|жеңілген\w*|ұтылд\w*|ұтылы\w*"),
    ),
    Opposites(
        "open / close",
        (r"open(?:s|ed|ing)?|reopen\w*", r"closed|closes|closing|closure\w*|shut(?:s|ting)?"),
        (r"откр(?!овен)\w*", r"закры\w*|закро(?:ет|ют|ю)"),
        (r"ашты|ашыл\w*|ашық\w*|ашып|ашады|ашқан\w*",
         r"жапты|жабыл\w*|жабық\w*|жауып|жабады|жапқан\w*"),
    ),
    Opposites(
        "accept / reject",
        (r"accept" + _EN_VERB + r"|approv(?:e|es|ed|ing|al)|adopt(?:s|ed)?",
         r"reject\w*|veto(?:es|ed)?"),
        (r"одобр\w*", r"отклон\w*|отверг\w*"),
        (r"қабылда(?!ма)\w*|мақұлда(?!ма)\w*", r"қабылдама\w*"),
    ),
    Opposites(
        "allow / ban",
        (r"allow" + _EN_VERB + r"|permit(?:s|ted|ting)?|legali[sz]\w*",
         r"ban|bans|banned|banning|prohibit\w*|forb[ia]d\w*|outlaw\w*"),
        (r"разреш\w*|позвол\w*|легализ\w*", r"запрет\w*|запрещ\w*"),
        ("", ""),
    ),
    Opposites(
        "start / end",
        (r"start" + _EN_VERB + r"|begin(?:s|ning)?|began|begun",
         r"end|ends|ended|ending|finish\w*|conclud\w*"),
        # Verbs only: "в начале 2000-х" is "in the early 2000s", "подошло к концу" is "over".
        (r"начал|начали|начался|началась|начались|начнут?\w*|начин\w*|начат\w*|нача(?:ть|в)",
         r"законч\w*|оконч\w*|заверш\w*|кончи\w*"),
        (r"баста(?:ды|у|уы|ған|йды|лды|лу|лған|ды)\w*", r"аяқта(?!ма)\w*"),
        ru_quiet=(r"начал[оаеуы]|началом", r"конец|конц[аеу]|концом"),
    ),
    Opposites(
        "good / bad",
        (r"good|better|best", r"bad|badly|worse|worst"),
        (r"хорош\w*|лучш\w*", r"плох\w*|худш\w*|хуже"),
        (r"жақсы\w*|үздік\w*", r"жаман\w*|нашар\w*"),
    ),
    Opposites(
        "strong / weak",
        (r"strong(?:er|est|ly)?|strength\w*", r"weak\w*"),
        (r"сильн\w*|усил\w*|укреп\w*", r"слаб\w*|ослаб\w*"),
        (r"күшті\w*|күшей\w*", r"әлсіз\w*|әлсіре\w*"),
    ),
    Opposites(
        "rich / poor",
        (r"rich(?:er|est)?|wealth\w*", r"poor(?:er|est)?|poverty"),
        (r"богат\w*", r"бедн\w*|нищ\w*"),
        (r"бай|байлар\w*|бақуатты\w*", r"кедей\w*"),
    ),
    Opposites(
        "buy / sell",
        (r"buy(?:s|ing|ers?)?|bought|purchas\w*", r"sell(?:s|ing|ers?)?|sold"),
        (r"купил\w*|купит\w*|купи|куплен\w*|покуп\w*|приобр\w*|закуп\w*", r"прода\w*"),
        (r"сатыпал\w*", r"сат(?:ты|ады|у|уы|уға|қан|ылды|ылған|ылып|ушы)\w*"),
    ),
    Opposites(
        "import / export",
        (r"import\w*", r"export\w*"),
        (r"импорт\w*|ввоз\w*|ввез\w*", r"экспорт\w*|вывоз\w*|вывез\w*"),
        (r"импорт\w*", r"экспорт\w*"),
    ),
    Opposites(
        "north / south",
        (r"north(?:ern|ward)?", r"south(?:ern|ward)?"),
        (r"север\w*", r"юг(?!ослав)\w*|южн\w*"),
        (r"солтүстік\w*", r"оңтүстік\w*"),
    ),
    Opposites(
        "east / west",
        (r"east(?:ern|ward)?", r"west(?:ern|ward)?"),
        (r"восто[кч]\w*", r"запад\w*"),
        ("", r"батыс\w*"),
    ),
    Opposites(
        "high / low",
        (r"high|higher|highest|above", r"low|lower|lowest|below"),
        (r"высок\w*|выше|высш\w*", r"низк\w*|ниже|низш\w*"),
        (r"жоғары\w*", r"төмен"),
    ),
    Opposites(
        "young / old",
        (r"young(?:er|est)?|youth\w*", r"old|older|oldest|elderly"),
        (r"молод\w*|юн(?:ый|ая|ое|ые|ого|ых|ым|ой)", r"стар(?:ый|ая|ое|ые|ого|ой|ых|ым|ик\w*|"
         r"ец|ость\w*|ее|ейш\w*|ух\w*)|пожил\w*"),
        ("", ""),
    ),
    Opposites(
        "alive / dead",
        (r"alive|surviv\w*", r"dead|died|dies|death|deaths|killed"),
        (r"выжил\w*|выжив\w*|уцел\w*|жив(?:ы|ой|ая|ое|ых|ым|ого)?",
         r"погиб\w*|умер\w*|умир\w*|скончал\w*|мертв\w*|гибел\w*"),
        (r"тірі\w*|аманқал\w*", r"қаза|өлді|өлген\w*|өлім\w*|мерт\w*"),
    ),
    Opposites(
        "success / failure",
        (r"success\w*|succeed\w*", r"fail(?:s|ed|ure|ures)?|unsuccessful\w*"),
        (r"успе[хшш]\w*|удач\w*", r"провал\w*|неудач\w*"),
        (r"сәтті\w*", r"сәтсіз\w*"),
    ),
    Opposites(
        "profit / loss",
        (r"profit\w*", r"loss|losses|loss-making"),
        (r"прибыл\w*", r"убыт\w*"),
        ("", ""),
    ),
    Opposites(
        "majority / minority",
        (r"majority|majorities", r"minority|minorities"),
        (r"большинств\w*", r"меньшинств\w*"),
        (r"көпшілі\w*", r"азшылы\w*"),
    ),
    Opposites(
        "maximum / minimum",
        (r"maximum|maximal|maximise\w*|maximize\w*", r"minimum|minimal|minimise\w*|minimize\w*"),
        (r"максимал\w*|максимум\w*", r"минимал\w*|минимум\w*"),
        (r"максимал\w*|максимум\w*", r"минимал\w*|минимум\w*"),
    ),
    Opposites(
        "early / late",
        (r"early|earlier|earliest", r"late|later|latest"),
        (r"рано|ранн\w*|раньше", r"поздн\w*|поздно|позже"),
        ("", ""),
    ),
    Opposites(
        "hot / cold",
        (r"hot|hotter|hottest|heat\w*|warm\w*", r"cold\w*|freez\w*|frost\w*"),
        (r"горяч\w*|жарк\w*|жар[аеуы]?|тепл\w*", r"холод\w*|мороз\w*"),
        (r"ыстық\w*|жылы", r"суық\w*|аяз\w*"),
    ),
    Opposites(
        "support / oppose",
        (r"support(?:s|ed|ing|ers?)?", r"oppos(?:e|es|ed|ing|ition)"),
        (r"поддерж\w*", r"противник\w*|противостоя\w*"),
        (r"қолдады|қолдау\w*|қолдайды|қолдаған\w*|қолдап", ""),
    ),
    Opposites(
        "guilty / innocent",
        (r"guilty", r"innocent\w*|acquit\w*"),
        (r"винов\w*", r"невинов\w*|невин\w*|оправда\w*"),
        (r"кінәлі\w*", r"кінәсіз\w*"),
    ),
    Opposites(
        "legal / illegal",
        (r"legal|legally|lawful\w*", r"illegal\w*|unlawful\w*"),
        (r"законн\w*", r"незаконн\w*|нелегальн\w*"),
        (r"заңды\w*", r"заңсыз\w*"),
    ),
    Opposites(
        "possible / impossible",
        (r"possible|possibly", r"impossible"),
        (r"возможн\w*", r"невозможн\w*"),
        ("", ""),
    ),
    Opposites(
        "include / exclude",
        (r"includ\w*", r"exclud\w*"),
        (r"включ\w*", r"исключил\w*|исключ[её]н\w*|исключа(?:ет|ют|ть)"),
        ("", ""),
    ),
    Opposites(
        "add / remove",
        (r"add|adds|added|adding", r"remov\w*|delet\w*"),
        (r"добав\w*", r"удалил\w*|удал[её]н\w*|удаля\w*|удалит\w*"),
        ("", ""),
    ),
    Opposites(
        "confirm / deny",
        (r"confirm\w*", r"den(?:y|ies|ied|ial)|refut\w*"),
        (r"подтверд\w*|подтвержд\w*", r"опроверг\w*|опроверж\w*"),
        (r"раста(?!ма)\w*", ""),
    ),
    Opposites(
        "public / private",
        (r"public|publicly", r"private\w*"),
        (r"публичн\w*|общественн\w*", r"частн(?!ост)\w*"),
        ("", ""),
    ),
    Opposites(
        "domestic / foreign",
        (r"domestic\w*|internal\w*", r"foreign\w*|external\w*|overseas"),
        (r"внутрен\w*", r"внешн\w*|зарубеж\w*|иностран\w*"),
        (r"ішкі", r"сыртқы|шетел\w*"),
    ),
    Opposites(
        "temporary / permanent",
        (r"temporar\w*", r"permanent\w*"),
        (r"временн\w*|временно", r"постоянн\w*"),
        (r"уақытша", r"тұрақты\w*"),
    ),
    Opposites(
        "often / rarely",
        (r"often|frequent\w*", r"rare|rarely|seldom"),
        (r"часто|частые|частых", r"редко|редки\w*"),
        (r"жиі", r"сирек\w*"),
    ),
    Opposites(
        "fast / slow",
        (r"fast|faster|fastest|quick\w*|rapid\w*", r"slow\w*"),
        (r"быстр\w*", r"медлен\w*|замедл\w*"),
        (r"жылдам\w*|тез|тездет\w*", r"баяу\w*"),
    ),
    Opposites(
        "men / women",
        (r"men|man|male|males", r"women|woman|female|females"),
        (r"мужчин\w*", r"женщин\w*"),
        ("", r"әйел\w*"),
    ),
    Opposites(
        "more / less",
        (r"more|most", r"less|least|fewer|fewest"),
        (r"больше|более|наибольш\w*", r"меньше|менее|наименьш\w*"),
        (r"көбірек|астам", r"азырақ|кем"),
    ),
    Opposites(
        "after / before",
        (r"after|afterwards", r"before"),
        (r"после|спустя", r"перед|прежде|накануне"),
        (r"кейін|соң|соңын", r"дейін|бұрын|алдын"),
    ),
    Opposites(
        "first / last",
        (r"first|firstly", r"last|lastly|final|finally"),
        (r"перв\w*|впервые", r"последн\w*"),
        (r"бірінші\w*|алғаш\w*|тұңғыш\w*", r"соңғы\w*"),
    ),
    Opposites(
        "many / few",
        (r"many|numerous", r"few"),
        (r"много|многи\w*|многочисл\w*|множеств\w*", r"мало|малочисл\w*"),
        (r"көптеген", r"азғана"),  # not көп, аз: "аз да болса" is "albeit slightly"
    ),
    Opposites(
        "new / old",
        (r"new|newer|newest|newly", r"old|older|oldest"),
        (r"нов(?:ый|ая|ое|ые|ого|ой|ых|ым|ую|ом|ыми|ейш\w*)",
         r"стар(?:ый|ая|ое|ые|ого|ой|ых|ым|ую)"),
        (r"жаңа\w*", r"ескі\w*"),
    ),
    Opposites(
        "long / short",
        (r"long|longer|longest|lengthy", r"short|shorter|shortest|brief\w*"),
        (r"длинн\w*|долг(?:ий|ая|ое|ие|ого|о)|продолжительн\w*", r"коротк\w*|кратк\w*|краток"),
        (r"ұзақ|ұзын\w*", r"қысқа|қысқаша|қысқарақ"),
    ),
    Opposites(
        "big / small",
        (r"big|bigger|biggest|large|larger|largest|huge", r"small|smaller|smallest|tiny"),
        (r"больш(?:ой|ая|ое|ие|ого|ую|их|им|ом|ими)|крупн\w*|огромн\w*",
         r"мал(?:ый|ая|ое|ые|ого|ых|ом|ую|ыми|ен|енький)|небольш\w*|маленьк\w*|мелк\w*"),
        (r"үлкен\w*|ірі\w*", r"кіші\w*|шағын\w*|кішкентай\w*"),
    ),
    Opposites(
        "future / past",
        (r"future", r"past"),
        (r"будущ\w*", r"прошл\w*"),
        (r"болашақ\w*", r"өткен\w*"),
    ),
    Opposites(
        "positive / negative",
        (r"positive\w*", r"negative\w*"),
        (r"позитивн\w*|положительн\w*", r"негативн\w*|отрицательн\w*"),
        ("", ""),
    ),
    Opposites(
        "wide / narrow",
        (r"wide|wider|widest|broad\w*", r"narrow\w*"),
        (r"широк\w*|шире", r"узк\w*"),  # not уже: "already"
        ("", ""),
    ),
    Opposites(
        "modern / ancient",
        (r"modern|contemporary", r"ancient"),
        (r"современн\w*", r"древн\w*|античн\w*"),
        (r"заманауи\w*", r"ежелгі\w*|көне\w*"),
    ),
    Opposites(
        "safe / dangerous",
        (r"safe|safely|safety|safer|safest", r"danger\w*|unsafe"),
        (r"безопасн\w*", r"опасн\w*"),
        (r"қауіпсіз\w*", r"қауіпті\w*"),
    ),
)

_WORD = regex.compile(r"\p{L}+")
# English phrases whose pole word does not carry its pole: ages ("a 20-year-old man", "years
# old"), "at least" / "at most", "last year" (= прошлый), time zones ("Eastern time"), and
# "before doing", which renders a plain sequence (сделав X, он Y / X-ып, сонан соң Y).
_EN_IDLE = regex.compile(
    r"\b\w+-year-olds?\b|\byears?\s+old\b|\bat\s+(?:least|most|last)\b|"
    r"\blast\s+(?:year|week|month|night|time|season|weekend|decade|century|summer|winter|"
    r"spring|autumn|fall|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\b(?:eastern|western|central|pacific|mountain)\s+(?:time|standard|daylight)\b|"
    r"\bbefore\s+\w+ing\b",
    regex.IGNORECASE,
)
# Kazakh two-word verbs whose first word alone means something else (сатып ал- "buy" vs сат-
# "sell"; аман қал- "survive").
_KK_JOINED = regex.compile(r"\b(сатып|аман)\s+(ал|қал)", regex.IGNORECASE)


def _compile(pattern: str) -> regex.Pattern | None:
    return regex.compile(pattern) if pattern else None


_COMPILED = [
    (
        entry,
        {
            lang: tuple(_compile(p) for p in getattr(entry, lang))
            for lang in ("en", "ru", "kk", "ru_quiet")
        },
    )
    for entry in LEXICON
]


def _words(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Lower-cased words with their spans (after the language's phrase rewrites)."""
    if lang == "en":
        text = _EN_IDLE.sub(lambda m: " " * len(m.group()), text)
    if lang == "kk":
        text = _KK_JOINED.sub(r"\1\2", text)  # source offsets are never shown: no need to keep
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


# Every pattern of one key in one alternation: most words match none, and one regex call
# tells so.
_ANY = {
    key: regex.compile("|".join(f"(?:{p})" for e in LEXICON for p in getattr(e, key) if p))
    for key in ("en", "ru", "kk", "ru_quiet")
}


@functools.lru_cache(maxsize=200_000)
def _word_poles(word: str, key: str) -> tuple[tuple[int, int], ...]:
    """(lexicon entry, pole) of every pattern of ``key`` ("en", "ru", "kk" or "ru_quiet") that
    the lower-cased ``word`` matches; cached, since news vocabulary repeats."""
    if not _ANY[key].fullmatch(word):
        return ()
    return tuple(
        (i, pole)
        for i, (_, patterns) in enumerate(_COMPILED)
        for pole, pattern in enumerate(patterns[key])
        if pattern is not None and pattern.fullmatch(word)
    )


def _poles(
    words: list[tuple[str, int, int]], key: str
) -> dict[tuple[int, int], list[tuple[str, int, int]]]:
    """The words of ``words`` at each (lexicon entry, pole)."""
    out: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    for w in words:
        for hit in _word_poles(w[0], key):
            out.setdefault(hit, []).append(w)
    return out


@dataclass(frozen=True)
class Reversal:
    """One opposite pair seen reversed: the source's word and the English word."""

    name: str
    source_word: str
    english_word: str
    english_span: tuple[int, int]


def find_reversals(source: str, english: str, lang: str) -> list[Reversal]:
    """Opposite pairs whose pole in the English is the other pole of the source's."""
    lang = lang if lang in ("ru", "kk") else "ru"
    en = _poles(_words(english, "en"), "en")
    if not en:
        return []
    src_words = _words(source, lang)
    src = _poles(src_words, lang)
    quiet = _poles(src_words, "ru_quiet") if lang == "ru" else {}
    found = []
    for i in sorted({i for i, _ in en}):
        for pole in (0, 1):
            other = (i, 1 - pole)
            if (i, pole) in src and other not in src and other not in quiet and other in en \
                    and (i, pole) not in en:
                word = en[other][0]
                found.append(Reversal(LEXICON[i].name, src[(i, pole)][0][0], word[0],
                                      (word[1], word[2])))
    if found and (count_negations(source, lang).strong or count_negations(english, "en").strong):
        return []  # "не выросли" -> "fell", "did not rise" <- "упали": paraphrases
    return found


@register
class AntonymSwap(PairCheck):
    """Flags a pair whose English has the opposite of a word of its source (rose -> "fell")."""

    id = "antonym"
    category = "meaning"
    severity = "major"
    description = "The English says the opposite of the source (an antonym)."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None
        src_text, tgt_text = ctx.pair_texts(pair)
        found = find_reversals(src_text, tgt_text, ctx.source.lang)
        if not found:
            return []
        # Offsets in the joined English text map back to the document through its sentences.
        flags = []
        for rev in found[:1]:  # one flag a pair: the first reversal explains the pair
            start, end = _document_span(ctx, pair, rev.english_span)
            flags.append(
                self.flag(
                    "target", start, end,
                    f"The English says “{rev.english_word}” where the source says "
                    f"“{rev.source_word}”: the opposite ({rev.name}).",
                    {"source": rev.source_word, "target": rev.english_word, "pair": rev.name},
                )  # fmt: skip
            )
        return flags


def _document_span(
    ctx: CheckContext, pair: AlignedPair, span: tuple[int, int]
) -> tuple[int, int]:
    """Map a span of the joined English text of ``pair`` (sentences joined by one space) to
    offsets in the English document."""
    pos = 0
    for i in pair.target:
        sent = ctx.target.sentences[i]
        length = sent.end - sent.start
        if span[0] < pos + length:
            return sent.start + span[0] - pos, sent.start + min(span[1] - pos, length)
        pos += length + 1
    last = ctx.target.sentences[pair.target[-1]]
    return last.start, last.end
