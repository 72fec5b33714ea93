"""The name check: proper names must survive translation, in both directions.

Source side: a run of capitalised words inside a sentence (Токаева, Магистратский суд
Вестминстера) must have a counterpart in the English, either by spelling (through
:func:`compare.translit.latin_key`, after stripping Russian/Kazakh endings) or through the exonym
table below (Германия -> Germany, Луна -> Moon). One matched word is enough for a run, because
names are often half translated (Кубок Райдера -> Ryder Cup).

English side: a run of capitalised words inside a sentence must contain at least one word that
matches some source word (any case: "Latin" <- латинском), or consist only of generic name
parts (District, River, Court), which translate rather than transliterate and so prove nothing.

Deliberately not caught: names at the very start of a sentence that the English drops (a
capital there proves nothing in Russian), misspellings within the fuzzy tolerance, and names
replaced by a common word (Hyun -> "North").
"""

from __future__ import annotations

from functools import lru_cache

import regex

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.flags import Flag
from compare.translit import keys_match, latin_key

# Exonyms: Cyrillic stem prefixes (ru, kk) | English words or word prefixes (lower case; a
# trailing * means "any ending"). Countries with their adjectives, capitals and big cities,
# organisations, months and weekdays, sky and religion, and titles that Russian capitalises
# in names (Король, Президент).
_EXONYMS = """
герман германи герман немец немецк неміс|german* deutsch*
москв мәскеу|moscow* muscovite*
сша америк құрама штат|us u.s usa united america* american*
кита қытай|china chinese beijing
росси ресей русск орыс|russia* russian*
англи ағылшын|england english britain british uk u.k
британ британи ұлыбритан|britain british uk u.k
великобритан|britain british uk u.k great
франц француз|france french paris
итал|italy italian*
испан|spain spanish
португал|portugal portuguese
япон жапон|japan japanese
коре корея|korea* korean*
инди үнді|india* indian*
турц турец түрік түрки|turkey turkish turk* ankara
греци греческ грек|greece greek*
голланд нидерланд|netherlands dutch holland
бельги|belgium belgian*
швейцар|switzerland swiss
швец швед|sweden swedish swede*
норвег|norway norwegian*
финлянд финск фин|finland finnish finn*
дани датск|denmark danish dane*
польш польск поляк|poland polish pole*
украин|ukraine ukrainian*
белорус беларус|belarus* belarusian
венгр|hungary hungarian*
чехи чешск|czech* chechnya
австри|austria* austrian*
австрали|australia* aussie*
канад|canada canadian*
мексик|mexico mexican*
бразил|brazil* brazilian*
аргентин|argentina argentine*
израил израиль|israel*
палестин|palestin*
египет египт мысыр|egypt*
ирак|iraq*
иран|iran*
сири|syria*
саудовск|saudi*
афган|afghan*
пакистан|pakistan*
грузи|georgia*
армени армян|armenia*
азербайдж|azerbaijan*
узбек өзбек|uzbek*
киргиз кыргыз қырғыз|kyrgyz*
таджик тәжік|tajik*
туркмен түрікмен|turkmen*
казах қазақ|kazakh*
астан|astana
алмат|almaty alma-ata
нур-султан нурсултан|nursultan nur-sultan
европ еуроп|europe* european*
ази азия азиат|asia* asian*
африк|africa* african*
евросоюз|eu european
нато|nato
оон бұұ|un u.n united
юнеско|unesco
воз|who
мвф|imf
мид сім|foreign ministry
фбр|fbi
цру|cia
нас наса|nasa
фифа|fifa
олимп|olympic*
лондон|london*
париж|paris*
берлин|berlin*
вашингтон|washington*
нью-йорк нью йорк|new york*
пекин бейжің|beijing peking
токи|tokyo
рим|rome roman*
вен|vienna viennese
праг|prague
варшав|warsaw
киев киів|kyiv kiev
минск|minsk
ватикан|vatican
шотланд|scotland scottish scot*
ирланд|ireland irish
уэльс валлий|wales welsh
каталон|catalonia* catalan*
барселон|barcelona
мадрид|madrid
лиссабон|lisbon
афин|athens
стамбул|istanbul
иерусалим|jerusalem
мекк|mecca
индонези|indonesia*
филиппин|philippine* filipino*
вьетнам|vietnam*
таиланд тайланд|thailand thai
малайзи|malaysia*
сингапур|singapore*
нигери|nigeria*
кени|kenya*
юар|south africa*
земл жер|earth
лун ай|moon
солнц күн|sun solar
марс|mars martian
юпитер|jupiter
сатурн|saturn
венер|venus
млечн|milky
пут жол|way
стрел|sagittarius
галактик|galaxy galactic
бог құдай|god
иисус иса|jesus christ
христ|christ* christian*
библи інжіл|bible biblical
коран құран|koran quran qur'an
ислам мусульман мұсылман|islam* muslim*
аллах алла|allah god
будд|buddh*
евре иуде|jew* juda*
католи|catholic*
православ|orthodox
рождеств|christmas
пасх|easter
новый год жаңа жыл|new year
рамадан|ramadan
король корол|king*
королев|queen*
принц ханзада|prince*
принцесс|princess*
царь цар|tsar* czar*
императ|emperor* imperial
президент|president*
премьер|prime premier
министр|minister* ministry
канцлер|chancellor*
губернатор|governor*
сенатор|senator*
мэр|mayor*
папа|pope papal
патриарх|patriarch*
генерал|general*
доктор|doctor dr
профессор|professor prof
господин|mr mister
госпожа|mrs ms
святой святого святая святых әулие|st saint
суд сот|court*
верховн жоғарғы|supreme
конгресс|congress*
сенат|senate
парламент мажилис мәжіліс|parliament*
дум|duma
кремл|kremlin
белый дом ақ үй|white house
пентагон|pentagon
правительств үкімет|government*
министерств|ministry
партия партии парти|party parties
университет университеті|university
академи|academy academic*
январ қаңтар|january jan
феврал ақпан|february feb
март наурыз|march mar
апрел сәуір|april apr
мая май мае мамыр|may
июн маусым|june jun
июл шілде|july jul
август тамыз|august aug
сентябр қыркүйек|september sept sep
октябр қазан|october oct
ноябр қараша|november nov
декабр желтоқсан|december dec
понедельник дүйсенбі|monday
вторник сейсенбі|tuesday
сред сәрсенбі|wednesday
четверг бейсенбі|thursday
пятниц жұма|friday
суббот сенбі|saturday
воскресень жексенбі|sunday
север солтүстік|north* arctic
юг южн оңтүстік|south* antarctic
восто шығыс|east*
запад батыс|west*
тих|pacific
атлант|atlantic
индийск|indian
средиземн жерорта|mediterranean
черн қара|black
красн қызыл|red
балтий балтық|baltic
каспий|caspian
океан мұхит|ocean
мор теңіз|sea
рек өзен|river
озер көл|lake
остров арал|island* isle*
гор тау|mountain* mount mt
залив шығанақ|gulf bay
интернет|internet web online
твиттер|twitter tweet*
фейсбук|facebook
гугл|google
госдум|duma state
гонконг|hong
фрг|germany german*
королевств|kingdom uk britain* british
общероссийск всероссийск|russia* all-russian national
минздрав|health ministry
минобороны|defense defence ministry
мид|foreign ministry
бож|god divine
ливи|libya* libyan*
корольдік|kingdom uk britain* british
тынық|pacific
айова|iowa
методист|methodist*
мехико|mexico
четыр|four
юридическ|judiciary judicial legal
лейборист|labour* labor*
консерватор|conservative* tory tories
демократ|democrat*
республиканц|republican* gop
кндр|north korea* dprk pyongyang
ес|eu european
смИ сми бақ|media
нго|ngo
св|st saint
неапол|naples napoli
ватсап|whatsapp
сияни|aurora* borealis northern lights
"""


def _parse_exonyms(data: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    out = []
    for line in data.strip().splitlines():
        left, right = line.split("|")
        out.append((tuple(left.split()), tuple(right.split())))
    return out


EXONYMS = _parse_exonyms(_EXONYMS)

# Capitalised English words that name a kind of thing rather than a particular one: they are
# translated, so on their own they neither prove nor disprove a name.
GENERIC_EN = frozenset(
    """
    a an the of and or in on at for to by from with de la le van von der da di al el bin
    i i'm i've i'd i'll me my we our you your he his she her it its they their this that these
    those there here what when where why how who which whose if but so as not no yes all any
    some many most more each every both either neither one two three first second last new old
    mr mrs ms dr sir lord lady st saint mount mt fort cape port lake river sea ocean bay gulf
    island islands isle mountain mountains hill hills valley desert coast beach park garden
    street st road avenue square bridge tower hall palace castle church cathedral mosque temple
    district region province state states county city town village republic kingdom empire
    federation union united nations national international federal royal imperial central
    general world global north south east west northern southern eastern western northeast
    northwest southeast southwest upper lower great greater little big high grand
    court supreme senate congress house parliament council committee commission assembly
    agency bureau office department ministry minister government administration authority
    service services police army navy force forces guard command center centre institute
    university college school academy museum library hospital clinic station airport
    company corporation group bank fund foundation association organization organisation
    society community club league team cup championship championships games olympics
    tournament series
    open award awards prize festival week day year party movement front alliance
    presiding rev reverend father mother sister brother uncle aunt
    president prime secretary chief senator governor mayor king queen prince princess duke
    emperor pope general captain colonel officer judge justice director chairman
    professor doctor chancellor ambassador commissioner inspector sergeant detective
    hurricane storm tropical category weather prison jail fashion news times post daily
    press media tv radio channel network online internet web
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    god lord christ christmas easter
    council deputy head affairs foreign defense defence health healthcare law chamber public
    executive story stories writers diseases disease infectious time brain prevention
    development research science sciences physics technology technologies economic economy
    security education culture sport sports energy environment finance financial trade
    industry agriculture transport emergency emergencies situations internal interior labor
    social protection investigation investigative prosecutor attorney criminal civil code
    constitution constitutional article act bill treaty agreement charter declaration
    programme program project plan strategy initiative reserve municipal regional board
    directors management spokesman representative member members deputies commissioner
    ombudsman children youth women veterans people peoples democratic liberal socialist
    communist republican green greens conservative workers commerce stock exchange market
    gallery theatre theater opera ballet orchestra medal order star hero war wars revolution
    victory independence unity memory remembrance eve covid coronavirus holding inc ltd llc
    corp co airlines airways railways railway motors oil gas petroleum mining steel metals
    capital investment partners television magazine journal newspaper herald tribune review
    weekly short long book books literature literary poetry contest competition forum summit
    conference session meeting fc olympic paralympic virology virologist epidemiology
    epidemiologist laboratory lab medical medicine mathematics chemistry biology history
    geography economics vice senior junior acting former ex major lieutenant colonel private
    admiral marshal commander patriarch metropolitan bishop archbishop holy blessed virgin
    heaven hell paradise marble antiques spread regulation procedure decree resolution rules
    covid-19 sars internet online
    """.split()
)

# Capitalised source words that open institution names (Национальная ассамблея, Правительство
# Греции) and are translated, not transliterated: a run made only of these proves nothing.
_GENERIC_SRC = tuple(
    """
    национальн ассамбле член комитет правительств республик обществ управлени министерств служб
    парти союз совет собрани федераци организаци центр институт университет академи агентств
    департамент суд палат дом церк собор площад улиц проспект район област край округ штат
    город кубок чемпионат игр преми фонд банк компани групп корпораци ассоциаци клуб лиг
    команд движени фронт арми сил войск полици бюро офис администраци комисси председател
    генеральн верховн государствен народн демократическ республиканск социалистическ
    коммунистическ либеральн консервативн лейборист северн южн западн восточн центральн
    нов велик больш мал верхн нижн детск международн всемирн европейск королевск объединенн
    соединенн министр премьер президент глав директор мэр губернатор сенат конгресс парламент
    ұлттық үкімет министрлі комитет қауымдастығы орталығы университеті партиясы одағы кеңесі
    шіркеу федералды құрама қауым
    """.split()
)
# Polite "Вы" and other pronouns a writer may capitalise.
_PRONOUNS_SRC = frozenset(
    "вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим вашу вашими ваших "
    "он она оно они сіз сізге сізді сіздің".split()
)
# Capitalised adjectives not derived from a place or person (no -ск-): Высшая, Литературного.
_PLAIN_ADJECTIVE = regex.compile(
    r"\w{3,}(?<!ск)(?<!цк)(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими)"
)
_WORD = regex.compile(r"(?:\p{Lu}\.){2,}|\p{L}+(?:['’]\p{L}+)*")
_SRC_OPENERS = regex.compile(r"(?:^|[.!?:;\"“”«»„…]|\.\.\.|(?:^|\s)[—–-])\s*$")
_OPENERS = regex.compile(r"(?:^|[.!?:;\"“”«»„'‘’()\[\]—–\-•*]|\.\.\.)\s*$")
_RU_ENDINGS = sorted(
    """
    ами ями ого его ому ему ыми ими ой ей ую юю ая яя ое ее ые ие ых их ым им ом ем ах ях ам ям
    ов ев ий ый ской ского скому ским ском ская скую ские ских ск а я у ю е ы и о ь
    дың дің тың тің ның нің да де та те ға ге қа ке на не нан нен дан ден тан тен мен бен пен
    дағы дегі тағы тегі ы і сы сі ын ін лар лер дар дер тар тер лық лік дық дік тық тік шы ші
    """.split(),
    key=len,
    reverse=True,
)


@lru_cache(maxsize=65536)
def stem_keys(word: str) -> tuple[str, ...]:
    """Latin keys of a source word and of its stems (one or two endings stripped)."""
    w = word.lower()
    stems = {w}
    frontier = {w}
    for _ in range(2):
        nxt = set()
        for s in frontier:
            for e in _RU_ENDINGS:
                if s.endswith(e) and len(s) - len(e) >= 3:
                    nxt.add(s[: -len(e)])
        stems |= nxt
        frontier = nxt
    return tuple(sorted({latin_key(s) for s in stems if latin_key(s)}, key=len, reverse=True))


def _en_forms(word: str) -> tuple[str, ...]:
    """Lower-case forms of an English word to look up: itself, without 's / plural s."""
    w = word.lower().replace("’", "'")
    forms = [w, w.replace(".", "")] if "." in w else [w]
    if w.endswith("'s"):
        forms.append(w[:-2])
    elif w.endswith("s") and len(w) > 4:
        forms.append(w[:-1])
    return tuple(forms)


def _en_hit(pattern: str, en_word: str) -> bool:
    for f in _en_forms(en_word):
        if pattern.endswith("*"):
            if f.startswith(pattern[:-1]):
                return True
        elif f == pattern or f.replace(".", "") == pattern.replace(".", ""):
            return True
    return False


@lru_cache(maxsize=65536)
def _exonym_targets(src_word: str) -> tuple[str, ...]:
    """English words (patterns) the exonym table offers for a source word."""
    w = src_word.lower()
    best, out = 0, []  # only the longest prefix counts: Королеву is a queen, not a king
    for prefixes, english in EXONYMS:
        for p in prefixes:
            hit = w == p or (
                len(p) >= 3 and w.startswith(p) and (len(p) > 3 or len(w) - len(p) <= 3)
            )
            if hit and len(p) > best:
                best, out = len(p), list(english)
            elif hit and len(p) == best:
                out.extend(english)
    return tuple(out)


def src_matches_en(src_word: str, en_word: str) -> bool:
    """Whether an English word renders a source word, by exonym or by spelling."""
    if src_word.isascii() and src_word.lower() == en_word.lower():
        return True
    if any(_en_hit(p, en_word) for p in _exonym_targets(src_word)):
        return True
    en_key = latin_key(en_word)
    if len(en_key) < 3:
        return False
    capital = en_word[:1].isupper()
    # "zh" in an English-spelled name is usually z + h (Alzheimer), not the ж of Zhanaozen.
    alt_key = latin_key(en_word.lower().replace("zh", "zg")) if "zh" in en_word.lower() else ""
    for k in stem_keys(src_word):
        if len(k) < 3:
            continue
        if capital:
            if keys_match(k, en_key) or (alt_key and keys_match(k, alt_key)):
                return True
        elif len(k) >= 4 and (en_key.startswith(k) or (len(en_key) >= 5 and k.startswith(en_key))):
            return True
    return False


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _joined_runs(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Adjacent capitalised English words written as one (Hong Kong ~ Гонконг)."""
    out = []
    for a, b in zip(words, words[1:], strict=False):
        if _is_capitalised(a[2]) and _is_capitalised(b[2]):
            out.append((a[0], b[1], a[2] + b[2].lower()))
    return out


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _runs(text: str, words: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Runs of consecutive capitalised words (only spaces or hyphens between them)."""
    runs: list[list[tuple[int, int, str]]] = []
    for w in words:
        if not _is_capitalised(w[2]):
            continue
        if runs and regex.fullmatch(r"[ \u00a0\-]+", text[runs[-1][-1][1] : w[0]] or "x"):
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def _initial(text: str, sent_start: int, pos: int, source: bool = False) -> bool:
    """Whether ``pos`` opens the sentence or a quoted (English: also bracketed) part of it."""
    return bool((_SRC_OPENERS if source else _OPENERS).search(text[sent_start:pos]))


@register
class NameMismatch(PairCheck):
    """Flags names missing from the English or present in the English with no source name."""

    id = "name-mismatch"
    category = "name"
    severity = "major"
    description = "A name in the source is missing from the English, or the English adds one."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        return self._pair(ctx, pair.source, pair.target)

    def _pair(self, ctx: CheckContext, s_idx: tuple[int, ...], t_idx: tuple[int, ...]) -> list:
        src_doc, tgt_doc = ctx.source, ctx.target
        assert src_doc is not None
        src_sents = [src_doc.sentences[i] for i in s_idx]
        tgt_sents = [tgt_doc.sentences[i] for i in t_idx]
        src_words = [w for s in src_sents for w in _words(src_doc.text, s.start, s.end)]
        en_words = [w for s in tgt_sents for w in _words(tgt_doc.text, s.start, s.end)]
        flags = [
            f for s in src_sents for f in self._source_side(src_doc.text, s, src_words, en_words)
        ]
        flags += [
            f for s in tgt_sents for f in self._target_side(tgt_doc.text, s, src_words, en_words)
        ]
        return flags

    def _source_side(self, text: str, sent, src_words: list, en_words: list) -> list[Flag]:
        out = []
        words = _words(text, sent.start, sent.end)
        en_joined = _joined_runs(en_words)
        for run in _runs(text, words):
            if _initial(text, sent.start, run[0][0], source=True):
                run = run[1:]
            if not run:
                continue
            if any(src_matches_en(w[2], e[2]) for w in run for e in en_words + en_joined):
                continue
            if all(_initial(text, sent.start, w[0], True) or _generic_src(w[2]) for w in run):
                continue
            name = text[run[0][0] : run[-1][1]]
            out.append(
                self.flag(
                    "source",
                    run[0][0],
                    run[-1][1],
                    f"The name “{name}” in the source does not appear in the English.",
                    {"source": [name], "target": []},
                )  # fmt: skip
            )
        return out

    def _target_side(self, text: str, sent, src_words: list, en_words: list) -> list[Flag]:
        out = []
        words = _words(text, sent.start, sent.end)
        if _title_case(words):
            return []
        for run in _runs(text, words):
            if _initial(text, sent.start, run[0][0]):
                run = run[1:]
            specific = [w for w in run if not _generic(w[2])]
            if not specific:
                continue
            joined = [(run[0][0], run[-1][1], "".join(w[2] for w in run))] if len(run) > 1 else []
            if any(src_matches_en(s[2], w[2]) for w in run + joined for s in src_words):
                continue
            name = text[run[0][0] : run[-1][1]]
            out.append(
                self.flag(
                    "target",
                    run[0][0],
                    run[-1][1],
                    f"The English has the name “{name}”, which is not in the source.",
                    {"source": [], "target": [name]},
                )  # fmt: skip
            )
        return out


def _generic_src(word: str) -> bool:
    """A source word that cannot carry a name on its own (see _GENERIC_SRC), or an acronym
    the exonym table does not know (СМИ-like acronyms are expanded in translation)."""
    w = word.lower()
    if len(word) < 2 or w.startswith(_GENERIC_SRC) or w in _PRONOUNS_SRC:
        return True
    if _PLAIN_ADJECTIVE.fullmatch(w):
        return True
    caps = sum(ch.isupper() for ch in word)
    return caps >= 2 and not _exonym_targets(word)


def _title_case(words: list[tuple[int, int, str]]) -> bool:
    """A headline in Title Case (every word over three letters capitalised), where capitals
    say nothing about names."""
    long_words = [w for w in words if len(w[2]) > 3]
    return len(long_words) >= 4 and all(_is_capitalised(w[2]) for w in long_words)


_COMMON_SUFFIX = regex.compile(
    r"\p{L}{3,}(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ence|ance|ous|ive|ives|ical|"
    r"ology|ologist|ologists|ist|ists|ism|ics|ship|hood|ing|ed|ers|ly|ure|ures)"
)


def _generic(word: str) -> bool:
    """Generic name parts (District, River), function words, and capitalised common words
    recognisable by their suffix (Prevention, Development, Physics): no evidence alone."""
    if regex.fullmatch(r"\p{Lu}{2,5}s?|(?:\p{Lu}\.){2,}", word):
        return True  # acronyms (AMs, TVs, U.N.) are often spelled out in the source
    if len(word) < 3 or _COMMON_SUFFIX.fullmatch(word.lower()):
        return True
    return any(f in GENERIC_EN for f in _en_forms(word))
