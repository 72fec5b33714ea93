"""The name check: proper names must survive translation, in both directions.

Source side: a run of capitalised words inside a sentence (Токаева, Магистратский суд
Вестминстера) must have a counterpart in the English, either by spelling (through
:func:`compare.translit.latin_key` and, for the English word, :func:`compare.translit.english_keys`,
which reads English spellings by sound: Hume ~ Хьюм, Utah ~ Юта; after stripping Russian/Kazakh
endings) or through the exonym and translation tables below (Германия -> Germany, Белый дом ->
White House, РФ -> Russia). A Latin word is also read by the spelling of the language a name
reached Russian and Kazakh through (compare.lang.name_spellings: Mechichi as French is Машиши,
Zhejiang as pinyin Чжэцзян), and the one unmatched name of each side, when they sound alike, is
one name spelled two ways (Саид / Saied). Words before the last matched word of a run may go
unmatched, because names are often half translated (Кубок Райдера -> Ryder Cup) or shortened
(Питер Джонс -> Jones); words after it may not (Ангела Меркель -> Angela Davis is a changed
name).

English side: the same for a run of capitalised English words against all source words (any
case: "Latin" <- латинском); generic name parts (District, River, Court) translate rather than
transliterate and so need no counterpart.

Capitals that prove nothing (general conventions, not entries for sentences):

* English title case: a stretch of three or more capitalised words joined only by the function
  words of names (of, for, the, and, with) in which at least half the capitalised words are
  generic or rendered (the last among them when no function word joins them) is a
  title-cased institution, post, day or product name (Fund for the Support of Russian
  Writers, International Day of Universal Health Coverage, International Universal Health
  Coverage Day, Chandelier with Nores PDU); Russian capitalises only the first word of such
  names, so the remaining English capitals are translations. A name after a post (British PM
  Kavanaugh) ends in an unrendered word.
* A title segment: from the start of the sentence, or after a number, bracket, slash or colon,
  up to the next comma, colon, bracket or number, three or more words all capitalised but
  for the function words of names: an English product or document title (Clan De File Beef
  Treats for Dogs, 30 items; Studio Tabletop Easel 20*24 cm; Egoist Unity Gilded Table Set
  (4 pieces)), which Russian writes in lower case after its first word.
* Ministries by stump compound (Минцифры, Минфин) are rendered by "Ministry".
* A title-cased quotation in the English when the source quotes a phrase too: the title of a
  work, translated ("No Time to Die" <- «Не время умирать»).
* Job titles and posts (Advisor, Associate, Researcher, Editor...) are generic English words.
* Russian document titles capitalise their head noun (приказ "Об утверждении Порядка ...",
  Правила, Положение, Кодекс): those nouns are generic source words, as Procedure, Rules,
  Code are in English; so are stump compounds whose tail is a generic word (Литфонд,
  Горсовет, Облсуд: лит-/гор-/обл- + фонд/совет/суд).
* A run never mixes Latin and Cyrillic words (SONEX 2085/EL Люстра), and the first Cyrillic
  word of a sentence that opens with a Latin brand or model code opens the Russian text.
* Latin words in the English with Cyrillic look-alike letters (WНO with a Cyrillic Н) are
  read with the Latin letters.

Conventions of professional news translation (NTREX dev lines 1-700; each rule documented
beside its code): a government named by its capital (Правительство Греции -> Athens); compass
compounds (Юго-Запад -> Southwest); -ический adjectives opening translated institution names
(Юридический комитет -> Judiciary Committee); English institution names joined by "on"
(Commission on Artificial Intelligence); possessive names read by sound without 's (Flake's);
US state postal codes (AZ); Russian letter names (Джей-Зи = JAY-Z, Би-би-си = BBC); named
scales as units (по шкале Рихтера) and unit symbols after numbers (7,1 Mw); an institution
named by its initials (Университет штата Луизиана -> LSU); a title the source quotes, unquoted
in English (Dragons Den <- «Логово дракона»); a country's acronym after an institution word
(Конгрессе США -> Congress). A Russian person's name that the English gives as a spare
third-person pronoun ("По словам Трампа" -> "He said") is minor, not major.

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
from compare.glossary import builtin_glossary
from compare.lang.name_spellings import CONVENTIONS
from compare.translit import (
    consonant_skeleton,
    edit_distance,
    english_keys,
    key_similarity,
    keys_match,
    latin_key,
)

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
англи ағылшын|england english* britain british uk u.k
британ британи ұлыбритан|britain british briton* brit brits uk u.k
великобритан|britain british uk u.k great
франц француз|france french* paris
итал|italy italian*
испан|spain spanish spaniard*
португал|portugal portuguese
япон жапон|japan japanese
коре корея|korea* korean*
инди үнді|india* indian*
турц турец түрік түрки|turkey turkish turk* ankara
греци греческ грек|greece greek*
голланд нидерланд|netherlands dutch* holland
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
европ еуроп|europe* european* eu
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
ирланд|ireland irish*
уэльс валлий|wales welsh*
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
юар|south africa* rsa
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
бел дом ақ үй|white house
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
север солтүстік|north* arctic nord*
юг южн оңтүстік|south* antarctic
восто шығыс|east* southeast* northeast*
запад батыс|west* southwest* northwest*
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
госсекретар|secretary state
генассамбле|general assembly
бас|general head chief main
еуроодақ евросоюз|eu european*
бож|god divine
ливи|libya* libyan*
корольдік|kingdom uk britain* british
тынық тұнық тихоокеан|pacific
айова|iowa
методист|methodist*
мехико|mexico
лейборист|labour* labor*
консерватор|conservative* tory tories
демократ|democrat*
республиканц|republican* gop
кндр|north korea* dprk pyongyang
ес|eu european
св сент сэнт|st saint
неапол|naples napoli
дуна|danube
еділ|volga
жайық|ural
таяу|middle near
ватсап|whatsapp
сияни|aurora* borealis northern lights
"""

# A country stands for its government, and English news names a government by its capital
# (Правительство Греции -> Athens, признан испанским правительством -> deemed illegal by
# Madrid): the capitals of the countries above, as the table gives Beijing for China.
_CAPITALS = """
греци грек|athens
испан|madrid
герман германи неміс|berlin
сша америк ақш|washington
британ великобритан ұлыбритан англи|london westminster
япон жапон|tokyo
итал|rome
польш|warsaw
украин|kyiv kiev
росси ресей|moscow kremlin
израил|jerusalem
иран|tehran
сири|damascus
египет египт мысыр|cairo
индонези|jakarta
"""

# General-knowledge additions: acronyms that translations spell out or swap for a country,
# English exonyms that no spelling rule reaches (Кёльн/Cologne, Пхеньян/Pyongyang), and the
# translated words of multi-word names (Белый дом/White House, Пять глаз/Five Eyes, Северный
# поток/Nord Stream, Золотой мяч/Ballon d'Or): a name is rendered when one of its words is.
# Animal characters of tales and fables and nicknames after them (Заяц/Hare, Белочка/Squirrel,
# Лиса/Fox) are translated too.
_EXONYMS_MORE = """
рф|russia* federation
вустер|worcester*
ли|lee ri yi rhee li
пак|park pak
чхве|choi
чон|jung jeong chung jong
федерац|federation*
брексит брекзит|brexit
британ ұлыбритан великобритан евросоюз еуроодақ|brexit
евро еуро|euro* europ*
оборон қорғаныс|defense defence
кнр|china chinese prc
оаэ баә|uae emirat*
эмират әмірлік|emirat*
снг тмд|cis commonwealth
еаэс еаэо|eaeu eurasian
шос шыұ|sco shanghai
одкб ұқшұ|csto
опек|opec
мок хок|ioc olympic*
магатэ|iaea
вто дсұ|wto
обсе ехқы|osce
ссср ксро|ussr soviet*
совет кеңес|council* soviet*
фсб|fsb
мвд іім|interior
мчс тжм|emergenc*
днр|dpr donetsk
лнр|lpr luhansk lugansk
тасс|tass
ақш|us u.s usa united america* american*
ео|eu european*
қр|kazakhstan* kazakh*
ецб|ecb
фрс|fed federal
пхеньян|pyongyang
кельн|cologne
кот|côte cote ivory ivorian* ivoirian*
мюнхен|munich
гаага|hague
венеци|venice venetian*
флоренци|florence
генуя генуе генуи|genoa
цюрих|zurich
каир|cairo
дели|delhi
рияд|riyadh
хорвати|croatia* croat*
литв литов|lithuania*
кипр|cyprus cypriot*
иордани|jordan*
ливан|lebanon lebanese
ямайк|jamaica*
нижегород|nizhny novgorod*
индей|indian* native*
земн|earth* terrestrial
родин отан|motherland homeland
один бір|one
два две екі|two
три үш|three
четыр төрт|four
пят бес|five
шест алты|six
сем жеті|seven
восем сегіз|eight
девят тоғыз|nine
десят|ten
двадцат жиырма|twenty
нов|new
стар|old
золот алтын|gold*
серебр күміс|silver
зелен жасыл|green*
голуб син көк|blue*
желт сары|yellow
звезд жұлдыз|star*
глаз көз|eye*
врат қақпа|gate*
мост көпір|bridge*
площад алаң|square
улиц көше|street
стен қабырға|wall*
сад бақ|garden*
лес орман|forest* wood*
холодн суық|cold
войн соғыс|war*
мир бейбіт әлем|world peace
побед жеңіс|victory
свобод бостандық|liberty freedom free*
независим тәуелсіз|independen*
объедин біріккен біріктірілген|united joint
соедин|united
наци ұлт ұлттар|nation*
ближн|middle near
дальн|far
средн|middle central
верхн|upper
нижн төмен|lower
поток ағын|stream* flow
сектор|strip sector
берег жағалау|bank coast shore
пролив бұғаз|strait*
полуостров түбек|peninsula*
пустын шөл|desert*
долин|valley
скалист|rock*
игр ойын|game* olympi*
спас құтқар|save rescue* salvation
церк шіркеу|church*
собор|cathedral
крест|cross
лиг|league
кубок|cup
союз одақ|union
республик|republic*
государств мемлекет|state*
содружеств|commonwealth
недел апта|week
дракон айдаһар|dragon*
мяч доп|ball* ballon
заяц зайц зайч қоян|hare* rabbit* bunny bunnies
белочк белк тиін|squirrel*
волк волч қасқыр|wolf wolves
лиса лисы лисе лису лисиц түлкі|fox*
медвед аю|bear*
ёжик ежик ёж еж кірпі|hedgehog*
кот кош мысық|cat* kitty kitten*
петух петуш қораз|rooster* cock*
мыш тышқан|mouse mice
лягушк бақа|frog*
ворон қарға|crow* raven*
"""


def _parse_exonyms(data: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    out = []
    for line in data.strip().splitlines():
        left, right = line.split("|")
        out.append((tuple(left.split()), tuple(right.split())))
    return out


EXONYMS = _parse_exonyms(_EXONYMS) + _parse_exonyms(_EXONYMS_MORE) + _parse_exonyms(_CAPITALS)

# Capitalised English words that name a kind of thing rather than a particular one: they are
# translated, so on their own they neither prove nor disprove a name.
GENERIC_EN = frozenset(
    """
    a an the of and or in on at for to by from with de la le van von der da di al el bin
    des du del della dos
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
    det sen gov rep sgt lt col capt supt insp cllr phd phds
    advisor adviser advisors advisers associate associates assistant researcher researchers
    fellow scientist scientists scientific manager editor specialist consultant analyst
    lecturer engineer candidate academic academician coordinator counsel counsellor
    councillor rector dean founder co-founder chair chairwoman chairperson spokesperson
    spokeswoman envoy principal head deputy staff civic
    dad daddy mom mum mommy mummy grandma grandpa granny
    """.split()
)

# Capitalised source words that open institution names (Национальная ассамблея, Правительство
# Греции) and are translated, not transliterated: a run made only of these proves nothing.
# Kazakh has the same words (Мемлекеттік, Халықаралық, Біріккен, Арнайы, Солтүстік...); its
# loanwords (комитет, парламент, президент) share the Russian stems. Stems that begin common
# names stay out (жаңа: Жаңаөзен, ұлы: Ұлыбритания, майдан: Maidan).
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
    шіркеу федералды құрама қауым біріктір
    мемлекет халықаралық дүниежүзілік жоғар біріккен арнайы қоғам басқарма қызмет жиналыс ұйым
    орталық агенттік алаң көше даңғыл аудан облыс өлке сыйлық қозғалыс әскер кеңсе әкімшілік
    әкімдіг төраға басшы үлкен кіші төменгі балалар солтүстік оңтүстік батыс шығыс социалист
    коммунист либерал
    порядк порядок правил положени закон кодекс устав указ постановлени приказ регламент
    инструкци методик концепци стратеги программ соглашени конвенци деклараци хартия хартии
    """.split()
)
# Stumps that open Russian stump compounds (Литфонд, Горсовет, Облсуд, Профсоюз, Мосгорсуд):
# with a generic tail the compound is an institution's generic name, translated in English.
_STUMP = regex.compile(r"(?:лит|гос|мос|гор|обл|рай|проф|мин|сов|соц|худ|мед|пед|спорт|пром)+")
# Cyrillic letters that look like Latin ones, for English words typed with a few of them.
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХУаеорсухіІ", "ABEKMHOPCTXYaeopcyxiI")


_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


def _fold_homoglyphs(word: str) -> str:
    """A word mixing Latin and Cyrillic letters read with Latin letters (WНO -> WHO)."""
    if word.isascii():  # nearly every English word: nothing to fold, and this is a hot path
        return word
    if _LATIN.search(word) and _CYRILLIC.search(word):
        return word.translate(_HOMOGLYPHS)
    return word
# Polite "Вы" and other pronouns a writer may capitalise; function words that informal posts
# capitalise mid-sentence ("Виктор, Не знаю"); acronyms of common nouns that translations spell
# out (СМИ: the media, НГО: non-governmental organisations); units (Вт, Гц).
_PRONOUNS_SRC = frozenset(
    "вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим вашу вашими ваших "
    "он она оно они сіз сізге сізді сіздің "
    "не ни что как это и а но в на с к по за из от до для или да нет вот все всё так там тут "
    "мы я ты их его её ее "
    "сми бақ нго нпо нко вт квт мвт гвт гц кгц мгц ггц дж кдж па кпа мпа".split()
)
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
_WORD = regex.compile(r"(?:\p{Lu}\.){2,}|\p{L}+(?:['’]\p{L}+)*")
_SRC_OPENERS = regex.compile(r"(?:^|[.!?:;\"“”«»„…]|\.\.\.|(?:^|\s)[—–-])\s*$")
_OPENERS = regex.compile(r"(?:^|[.!?:;\"“”«»„'‘’()\[\]—–\-•*]|\.\.\.)\s*$")
# A stage direction or note in brackets that opens a sentence: (Смех), [Аплодисменты].
_LEADING_NOTE = regex.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\s*")
_RU_ENDINGS = sorted(
    """
    ами ями ого его ому ему ыми ими ой ей ую юю ая яя ое ее ые ие ых их ым им ом ем ах ях ам ям
    ов ев ий ый ской ского скому ским ском ская скую ские ских ск а я у ю е ы и о ь
    дың дің тың тің ның нің да де та те ға ге қа ке на не нан нен дан ден тан тен мен бен пен
    дағы дегі тағы тегі ы і сы сі ын ін лар лер дар дер тар тер лық лік дық дік тық тік шы ші
    ды ді ты ті ны ні нда нде ндағы ндегі лары лері дары дері
    """.split(),
    key=len,
    reverse=True,
)


@lru_cache(maxsize=65536)
def source_stems(word: str) -> tuple[str, ...]:
    """A source word in lower case and its stems with one or two endings stripped (Kazakh
    stacks a possessive and a case: Сот-ы-нда, Лондон-дағы), longest first."""
    w = word.lower()
    stems = {w}
    frontier = {w}
    for _ in range(2):
        nxt = set()
        for s in frontier:
            for e in _RU_ENDINGS:
                if s.endswith(e) and len(s) - len(e) >= 2:
                    nxt.add(s[: -len(e)])
        stems |= nxt
        frontier = nxt
    return tuple(sorted(stems, key=len, reverse=True))


@lru_cache(maxsize=65536)
def stem_keys(word: str) -> tuple[str, ...]:
    """Latin keys of a source word and of its stems (one or two endings stripped)."""
    stems = [s for s in source_stems(word) if len(s) >= 3 or s == word.lower()]
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


def _index_exonyms() -> tuple[dict[str, list], dict[str, list]]:
    """The exonym table by a prefix's first three letters, and its shorter prefixes by
    themselves (those match whole words only), in table order: a lookup then reads a few
    entries instead of all of them."""
    by_head: dict[str, list] = {}
    short: dict[str, list] = {}
    for prefixes, english in EXONYMS:
        for p in prefixes:
            (by_head.setdefault(p[:3], []) if len(p) >= 3 else short.setdefault(p, [])).append(
                (p, english))
    return by_head, short


_EXONYMS_BY_HEAD, _EXONYMS_SHORT = _index_exonyms()


@lru_cache(maxsize=65536)
def _exonym_targets(src_word: str) -> tuple[str, ...]:
    """English words (patterns) the exonym table offers for a source word, or else for its
    stems: a short entry (сот, үй) allows only three letters after it, fewer than a
    Kazakh possessive and case (Соттағы, Сотында, Үйде)."""
    for stem in source_stems(src_word):
        out = _exonym_targets_of(stem)
        if out:
            return out
    return ()


def _exonym_targets_of(w: str) -> tuple[str, ...]:
    best, out = 0, []  # only the longest prefix counts: Королеву is a queen, not a king
    for p, english in _EXONYMS_SHORT.get(w, []) + _EXONYMS_BY_HEAD.get(w[:3], []):
        hit = w == p or (
            len(p) >= 3 and w.startswith(p) and (len(p) > 3 or len(w) - len(p) <= 3)
        )
        if hit and len(p) > best:
            best, out = len(p), list(english)
        elif hit and len(p) == best:
            out.extend(english)
    return tuple(out)


# US state postal codes, which English news uses for the state (the AZ border <- граница
# Аризоны): the code is read as the state's distinctive word.
_US_STATES = dict(
    pair.split("=")
    for pair in """AL=Alabama AK=Alaska AZ=Arizona AR=Arkansas CA=California CO=Colorado
    CT=Connecticut DE=Delaware FL=Florida GA=Georgia HI=Hawaii ID=Idaho IL=Illinois IN=Indiana
    IA=Iowa KS=Kansas KY=Kentucky LA=Louisiana ME=Maine MD=Maryland MA=Massachusetts
    MI=Michigan MN=Minnesota MS=Mississippi MO=Missouri MT=Montana NE=Nebraska NV=Nevada
    NH=Hampshire NJ=Jersey NM=Mexico NY=York NC=Carolina ND=Dakota OH=Ohio OK=Oklahoma
    OR=Oregon PA=Pennsylvania RI=Rhode SC=Carolina SD=Dakota TN=Tennessee TX=Texas UT=Utah
    VT=Vermont VA=Virginia WA=Washington WV=Virginia WI=Wisconsin WY=Wyoming""".split()
)

# English letters by their Russian names, as Russian spells acronyms and letter names out
# (Би-би-си = BBC, Си-эн-эн = CNN, Джей-Зи = JAY-Z): a source word that is the name of an English
# capital letter renders a word of capitals beginning with that letter.
_LETTER_NAMES = {
    "a": ("эй",), "b": ("би",), "c": ("си",), "d": ("ди",), "e": ("и",), "f": ("эф",),
    "g": ("джи",), "h": ("эйч",), "i": ("ай",), "j": ("джей",), "k": ("кей",), "l": ("эл",),
    "m": ("эм",), "n": ("эн",), "o": ("оу",), "p": ("пи",), "q": ("кью",), "r": ("ар",),
    "s": ("эс",), "t": ("ти",), "u": ("ю",), "v": ("ви",), "w": ("дабл",), "x": ("экс",),
    "y": ("уай",), "z": ("зи", "зед"),
}  # fmt: skip

# Russian ministries go by stump compounds, Мин- and the field (Минцифры, Минфин, Минтруд,
# Минэнерго, Минприроды); English names them "Ministry of ...". Not Минск, Минаев, Минин.
_MINISTRY = regex.compile(r"мин(?!ск|ь|[аеёиоуыэюя])\w{3,}")
_MINISTRY_EN = frozenset({"ministry", "ministries", "minister", "ministers"})


_CONVENTIONS_C = tuple(
    tuple((regex.compile(p), rep) for p, rep in rules) for rules in CONVENTIONS.values()
)


@lru_cache(maxsize=65536)
def foreign_keys(en_word: str) -> tuple[str, ...]:
    """Matching keys of a capitalised Latin word read by the spelling of each language that
    names reach Russian and Kazakh through (compare.lang.name_spellings: Mechichi read as
    French is Машиши, Zhejiang read as pinyin is Чжэцзян), the plain and English readings
    (english_keys) left out."""
    w = en_word.lower().replace("’", "'")
    if not regex.fullmatch(r"\p{Latin}[\p{Latin}']*", w):
        return ()
    known = set(english_keys(en_word))
    out: list[str] = []
    for rules in _CONVENTIONS_C:
        form = w
        for pattern, rep in rules:
            form = pattern.sub(rep, form)
        k = latin_key(form)
        if k and k not in known and k not in out:
            out.append(k)
    return tuple(out)


@lru_cache(maxsize=262144)
def src_matches_en(src_word: str, en_word: str) -> bool:
    """Whether an English word renders a source word, by exonym or by spelling."""
    if src_word.isascii() and src_word.lower() == en_word.lower():
        return True
    if en_word in _US_STATES and not src_word.isupper():
        return src_matches_en(src_word, _US_STATES[en_word])
    if regex.fullmatch(r"[A-Z]{1,5}", en_word) and src_word.lower() in _LETTER_NAMES.get(
            en_word[0].lower(), ()):  # fmt: skip
        return True
    if _MINISTRY.fullmatch(src_word.lower()) and en_word.lower() in _MINISTRY_EN:
        return True
    if any(_en_hit(p, en_word) for p in _exonym_targets(src_word)):
        return True
    # the English word read by sound without its possessive or plural ending too (Flake's is
    # read as "flake", whose final e makes the a long: Флейк)
    forms = (en_word, *_en_forms(en_word)[1:])
    en_keys = tuple(dict.fromkeys(k for f in forms for k in english_keys(f)))
    if not en_keys:
        return False
    capital = en_word[:1].isupper()
    if capital and "zh" in en_word.lower():
        # "zh" in an English-spelled name is usually z + h (Alzheimer), not the ж of Zhanaozen.
        en_keys = (*en_keys, latin_key(en_word.lower().replace("zh", "zg")))
    for k in stem_keys(src_word):
        if capital:
            # Two-letter names (Ли/Lee, Эр/Ayr, Ид/Eid) must be spelled exactly alike; a
            # stem that short is an ending-stripping accident, not a name.
            if len(k) < 3:
                if len(k) == 2 and k == latin_key(src_word) and k in en_keys:
                    return True
                continue
            if any(len(e) >= 3 and keys_match(k, e) for e in en_keys):
                return True
            # A name may have reached the source through French, German, Chinese... (Машиши
            # for Mechichi): read by that language's spelling it should come out nearly
            # letter for letter, so no more than one letter may differ, and none in a short
            # key (each reading is one more chance of a chance likeness: Макрон ~ Marine read
            # as French, "marin", is within keys_match's tolerance).
            if any(edit_distance(k, f, 1) <= (1 if len(k) >= 5 else 0)
                   for f in (x for form in forms for x in foreign_keys(form))):  # fmt: skip
                return True
        elif len(k) >= 4:
            en_key = en_keys[0]
            if en_key.startswith(k) or (len(en_key) >= 5 and k.startswith(en_key)):
                return True
    return False


def _spells_joined(first: str, second: str, en_word: str) -> bool:
    """Whether an English word is two source words written as one (Абдель Кадер /
    Abdelkader): its key within one letter of theirs, inflection of the second aside."""
    if not en_word[:1].isupper() or len(en_word) < 6:
        return False
    en_keys = english_keys(en_word) + foreign_keys(en_word)
    head = latin_key(first)
    return any(
        edit_distance(head + k, e, 1) <= 1 for k in stem_keys(second) for e in en_keys
    )


def _words(text: str, start: int, end: int, fold: bool = False) -> list[tuple[int, int, str]]:
    """Words with their offsets; ``fold`` reads English words through _fold_homoglyphs."""
    return [
        (m.start(), m.end(), _fold_homoglyphs(m.group()) if fold else m.group())
        for m in _WORD.finditer(text, start, end)
    ]


def _script(word: str) -> str:
    return "latin" if regex.match(r"\p{Latin}", word) else "other"


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
        if (
            runs
            and regex.fullmatch(r"[ \u00a0\-]+", text[runs[-1][-1][1] : w[0]] or "x")
            and _script(runs[-1][-1][2]) == _script(w[2])
        ):
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


# The name check compares every source word with every English word of a pair; beyond this
# many words on a side (ten times the longest sentence of the corpora here) it says so instead.
MAX_WORDS_PER_PAIR = 1000


def _initial(text: str, sent_start: int, pos: int, source: bool = False) -> bool:
    """Whether ``pos`` opens the sentence or a quoted (English: also bracketed) part of it, or
    follows a bracketed note that opens the sentence ("(Смех) Теперь …", "[Видео] Здесь …")."""
    before = text[sent_start:pos]
    return bool((_SRC_OPENERS if source else _OPENERS).search(before)
                or _LEADING_NOTE.fullmatch(before))  # fmt: skip


# Third-person pronouns (personal, possessive, reflexive). Translators replace a name by a
# pronoun and back ("По словам Трампа, ..." -> "He said ..."): where the English has more of
# them than the Russian, a person's name missing from the English is likely such a pronoun, and
# is flagged as minor, not major. Names the exonym table knows (places, countries,
# institutions) are not persons and keep their severity.
_PRONOUNS = {
    "en": frozenset("he him his she her hers they them their theirs himself herself themselves"
                    .split()),  # fmt: skip
    "ru": frozenset(
        "он она они его её ее ему ей им ими их него неё нее нему ней ним них ними нём нем "
        "свой своя своё свое свои своего своей своему своим своих своими свою своём своем "
        "себя себе собой".split()
    ),
    "kk": frozenset(
        "ол оның оны оған онда одан онымен олар олардың оларды оларға оларда олардан олармен "
        "өз өзі өзінің өзін өзіне өзінде өзінен өздері өздерінің өздерін өздеріне".split()
    ),
}


def _pronoun_count(words: list[tuple[int, int, str]], lang: str) -> int:
    table = _PRONOUNS.get(lang, _PRONOUNS["ru"])
    return sum(1 for w in words if w[2].lower() in table)


def _person_like(words: list[tuple[int, int, str]]) -> bool:
    """Whether the unmatched words may name a person: Cyrillic (a Latin name in the source is
    copied, not replaced: Guiyang Evening News) and none an exonym-table word."""
    return all(regex.match(r"\p{Cyrillic}", w[2]) for w in words) and not any(
        _exonym_targets(w[2]) for w in words
    )


# An unmatched name before it becomes a flag: side, start, end, message, evidence and the words
# that no counterpart rendered.
_Candidate = tuple[str, int, int, str, dict, list]

# Least similarity (1 - normalised edit distance, by rapidfuzz) of the matching keys of two
# words, in any of their readings, for them to count as spellings of one name (see
# _unpair_variants). Set on dev: a name swapped for another rarely comes this close.
_VARIANT_SIMILARITY = 0.6


def _unpair_variants(found: list[_Candidate], src_free: list, en_free: list) -> list[_Candidate]:
    """Candidates left once the one unmatched name of each side, when they sound alike word
    for word, are taken for two spellings of one name (Саид / Saied, a romanisation no rule
    reads): a translator's variant, not a changed name. A side's unmatched name is the
    words of its one candidate or, where it has none (the English side excuses more), its
    ``free`` words: capitalised words that nothing on the other side renders. A clearly
    different name (Ким / Moon, Смит / Johnson) stays flagged."""
    src = [c for c in found if c[0] == "source"]
    tgt = [c for c in found if c[0] == "target"]
    if len(src) > 1 or len(tgt) > 1:
        return found
    a = src[0][5] if src else src_free
    b = tgt[0][5] if tgt else en_free
    if a and len(a) == len(b) and all(
        _sounds_alike(s[2], e[2]) for s, e in zip(a, b, strict=True)
    ):
        return []
    return found


@lru_cache(maxsize=65536)
def _sounds_alike(src_word: str, en_word: str) -> bool:
    """Whether a source word (any of its stems) and an English word (read as English or by
    another language's spelling) have matching keys that begin alike and are at least
    _VARIANT_SIMILARITY alike, or have the same consonant skeleton of two or more letters:
    romanisations differ most in their vowels (Саид / Saied: "seid" and "saed", both s-d),
    seldom in the first letter (Келли / Leslie are two names)."""
    src_keys = [k for k in stem_keys(src_word) if len(k) >= 3]
    en_keys = [
        k
        for f in _en_forms(en_word)
        for k in (*english_keys(f), *foreign_keys(f))
        if len(k) >= 3
    ]
    for s in src_keys:
        skeleton = consonant_skeleton(s)
        for e in en_keys:
            if s[0] != e[0]:
                continue
            if key_similarity(s, e) >= _VARIANT_SIMILARITY:
                return True
            if len(skeleton) >= 2 and skeleton == consonant_skeleton(e):
                return True
    return False


@register
class NameMismatch(PairCheck):
    """Flags names missing from the English or present in the English with no source name."""

    id = "name-mismatch"
    category = "name"
    severity = "major"
    description = "A name in the source is missing from the English, or the English adds one."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        self._glossary = ctx.glossary or builtin_glossary()
        return self._pair(ctx, pair.source, pair.target)

    def _renders(self, src_word: str, en_word: str) -> bool:
        """By spelling or exonym, or because the glossary pairs them (РФ / Federation)."""
        glossary = getattr(self, "_glossary", None) or builtin_glossary()
        return src_matches_en(src_word, en_word) or glossary.renders(src_word, en_word)

    def _pair(self, ctx: CheckContext, s_idx: tuple[int, ...], t_idx: tuple[int, ...]) -> list:
        src_doc, tgt_doc = ctx.source, ctx.target
        assert src_doc is not None
        src_sents = [src_doc.sentences[i] for i in s_idx]
        tgt_sents = [tgt_doc.sentences[i] for i in t_idx]
        src_words = [w for s in src_sents for w in _words(src_doc.text, s.start, s.end)]
        en_words = [w for s in tgt_sents for w in _words(tgt_doc.text, s.start, s.end, True)]
        if max(len(src_words), len(en_words)) > MAX_WORDS_PER_PAIR and src_sents:
            return [self._over_budget(src_sents[0], len(src_words), len(en_words))]
        src_text = " ".join(src_doc.text[s.start : s.end] for s in src_sents)
        surplus = _pronoun_count(en_words, "en") - _pronoun_count(src_words, src_doc.lang)
        # Source side only, and not for Kazakh, which drops its pronouns (the verb ending says
        # the person): there, and for names the English adds, the spare pronoun excused more
        # real errors than false alarms on dev.
        self._spare = {"source": max(surplus, 0) if src_doc.lang == "ru" else 0}
        found = [
            c for s in src_sents for c in self._source_side(src_doc.text, s, src_words, en_words)
        ]
        found += [
            c
            for s in tgt_sents
            for c in self._target_side(tgt_doc.text, s, src_words, en_words, src_text)
        ]
        if found:
            found = _unpair_variants(found, self._unclaimed_source(src_doc.text, src_sents,
                                                                   en_words),
                                     self._unclaimed_english(tgt_doc.text, tgt_sents,
                                                             src_words))  # fmt: skip
        return [self._name_flag(*c) for c in found]

    def _over_budget(self, first, src_count: int, en_count: int) -> Flag:
        """One minor flag instead of the comparison: every source word is compared with every
        English word, so a pair of thousands of words (a text with no full stops) would tie up
        the check for minutes."""
        return self.flag(
            "source", first.start, first.start, f"Names were not compared in this pair: it has "
            f"{src_count:,} source and {en_count:,} English words, more than the name check's "
            f"{MAX_WORDS_PER_PAIR:,} (a text without full stops?).",
            {"over_budget": MAX_WORDS_PER_PAIR}, severity="minor",
        )  # fmt: skip

    def _unclaimed_source(self, text: str, sents: list, en_words: list) -> list:
        """Capitalised source words inside sentences that no English word renders and that
        could carry a name (not generic): the source names a candidate may pair with."""
        return [
            w
            for s in sents
            for w in _words(text, s.start, s.end)
            if _is_capitalised(w[2])
            and not _initial(text, s.start, w[0], True)
            and not _generic_src(w[2])
            and not any(self._renders(w[2], e[2]) for e in en_words)
        ]

    def _unclaimed_english(self, text: str, sents: list, src_words: list) -> list:
        """Capitalised English words inside sentences that no source word renders and that
        are not generic (see _unclaimed_source)."""
        return [
            w
            for s in sents
            for w in _words(text, s.start, s.end, True)
            if _is_capitalised(w[2])
            and not _initial(text, s.start, w[0])
            and not _generic(w[2])
            and not any(self._renders(x[2], w[2]) for x in src_words)
        ]

    def _name_flag(self, side: str, start: int, end: int, message: str, evidence: dict,
                   unmatched: list) -> Flag:  # fmt: skip
        """A major flag, or a minor one when the other side has a spare third-person pronoun
        that may stand for this (person's) name; each pronoun excuses one name."""
        spare = getattr(self, "_spare", {}).get(side, 0)
        if spare and _person_like(unmatched):
            self._spare[side] = spare - 1
            where = "English" if side == "source" else "source"
            return self.flag(side, start, end, f"{message} The {where} may refer to it by a "
                             "pronoun.", evidence, severity="minor")  # fmt: skip
        return self.flag(side, start, end, message, evidence)

    def _source_side(self, text: str, sent, src_words: list, en_words: list) -> list[_Candidate]:
        out: list[_Candidate] = []
        words = _words(text, sent.start, sent.end)
        en_all = en_words + _joined_runs(en_words)
        en_caps = {e[2] for e in en_words if e[2].isupper()}
        first_cyrillic = next((w[0] for w in words if regex.match(r"\p{Cyrillic}", w[2])), -1)
        acronyms: list[str] | None = None
        for run in _split_at_initials(_runs(text, words)):
            whole = run  # before the sentence's first word goes: Ким Чен Ын opening a sentence
            if _initial(text, sent.start, run[0][0], source=True) or run[0][0] == first_cyrillic:
                run = run[1:]
            if run and _unit_symbol(text, run):
                continue
            if not run:
                continue
            # The words of the run after its last rendered word must be rendered too: a surname
            # replaced while the first name stays (Ангела Меркель -> Angela Turkey) is an error.
            # Words before it may go (Питер Джонс -> Jones: first names and titles are often
            # dropped), and so may generic words (Национальный центр) and patronymics.
            hits = [any(self._renders(w[2], e[2]) for e in en_all) for w in run]
            # Two source words that English writes as one (Абдель Кадер -> Abdelkader): both
            # are rendered, when the English word spells the two nearly letter for letter
            # (a looser likeness lets a first name and any surname pass as one word).
            for i in range(len(run) - 1):
                if not hits[i + 1] and any(_spells_joined(run[i][2], run[i + 1][2], e[2])
                                           for e in en_words):  # fmt: skip
                    hits[i] = hits[i + 1] = True
            if all(hits) or _initialism(run) in en_caps:
                continue
            last = max((i for i, hit in enumerate(hits) if hit), default=-1)
            needed = [
                w
                for i, (w, hit) in enumerate(zip(run, hits, strict=True))
                if not hit
                and not _initial(text, sent.start, w[0], True)
                and not _generic_src(w[2])
                and i > last
                and not (any(hits) and _PATRONYMIC.fullmatch(w[2].lower()))
            ]
            anchored = any(hits) or (
                whole is not run
                and _family_name_like(whole[0][2])
                and any(self._renders(whole[0][2], e[2]) for e in en_all)
            )
            if not needed or _scale_name(text, run) or (anchored and _given_syllables(
                    whole, needed)):  # fmt: skip
                continue
            if _country_of_institution(run, needed, hits):
                continue
            if acronyms is None:
                acronyms = [e[2] for e in en_words if regex.fullmatch(r"\p{Lu}{3,5}", e[2])
                            and not any(self._renders(s[2], e[2]) for s in src_words)]  # fmt: skip
            if _in_acronym(needed, acronyms):
                continue
            name = text[run[0][0] : run[-1][1]]
            out.append(
                (
                    "source",
                    run[0][0],
                    run[-1][1],
                    f"The name “{name}” in the source does not appear in the English.",
                    {"source": [name], "target": []},
                    needed,
                )  # fmt: skip
            )
        return out

    def _target_side(
        self, text: str, sent, src_words: list, en_words: list, src_text: str = ""
    ) -> list[_Candidate]:
        out: list[_Candidate] = []
        words = _words(text, sent.start, sent.end, True)
        if _title_case(words):
            return []
        titled = _titled_stretches(text, words, lambda w: any(self._renders(s[2], w) for s in
                                                              src_words))  # fmt: skip
        titled += _quoted_titles(text, sent.start, sent.end, src_text)
        titled += _title_segments(text, sent.start, sent.end)
        # Words of titles the source quotes («Логово дракона»): an English run that renders one
        # of them is that title, translated and written without quotes (Dragons' Den).
        quoted = [w for m in _QUOTED_SRC.finditer(src_text) for w in _WORD.findall(m.group())]
        for run in _split_at_initials(_runs(text, words)):
            if any(a <= run[0][0] and run[-1][1] <= b for a, b in titled):
                continue
            if any(self._renders(q, w[2]) for w in run for q in quoted) and len(run) > 1:
                continue
            whole = run
            if _initial(text, sent.start, run[0][0]):
                run = run[1:]
            specific = [w for w in run if not _generic(w[2])]
            if not specific or _shouting(run):
                continue
            joined = [(run[0][0], run[-1][1], "".join(w[2] for w in run))] if len(run) > 1 else []
            if any(self._renders(s[2], w[2]) for w in joined for s in src_words):
                continue
            # As on the source side, words after the last word the source renders must be
            # rendered (Angela Turkey); leading ones may be translated (Crown Prince <- наследный
            # принц). Adjacent words written as one in the source (Hong Kong ~ Гонконг) count.
            pairs = _joined_runs(run)
            covered = {
                i
                for i, w in enumerate(run)
                if any(self._renders(s[2], w[2]) for s in src_words)
            }
            covered |= {
                j
                for i, p in enumerate(pairs)
                if any(self._renders(s[2], p[2]) for s in src_words)
                for j in (i, i + 1)
            }
            last = max(covered, default=-1)
            missing = [
                w
                for i, w in enumerate(run)
                if i not in covered
                and not _generic(w[2])
                and i > last
                and not _initial(text, sent.start, w[0])
            ]
            anchored = bool(covered) or (
                whole is not run
                and _family_name_like(whole[0][2])
                and any(self._renders(w[2], whole[0][2]) for w in src_words)
            )
            if not missing or (anchored and _given_syllables(whole, missing, text)):
                continue
            name = text[run[0][0] : run[-1][1]]
            out.append(
                (
                    "target",
                    run[0][0],
                    run[-1][1],
                    f"The English has the name “{name}”, which is not in the source.",
                    {"source": [], "target": [name]},
                    missing,
                )  # fmt: skip
            )
        return out


# Named scales are units: "7,5 по шкале Рихтера" is "a 7.5 magnitude" in English, "по Цельсию"
# is "C" (Kazakh: Рихтер шкаласы бойынша).
_SCALE_BEFORE = regex.compile(r"(?:шкал\w*|по)\s+$", regex.IGNORECASE)
_SCALE_AFTER = regex.compile(r"\s+шкал", regex.IGNORECASE)
_SCALE_NAMES = regex.compile(r"(?:рихтер|цельси|фаренгейт|кельвин|бофорт|меркалли)\w*",
                             regex.IGNORECASE)  # fmt: skip


def _scale_name(text: str, run: list[tuple[int, int, str]]) -> bool:
    """Whether the run is the name of a scale used as a unit (see _SCALE_BEFORE)."""
    if len(run) != 1 or not _SCALE_NAMES.fullmatch(run[0][2]):
        return False
    before = text[max(0, run[0][0] - 20) : run[0][0]]
    return bool(_SCALE_BEFORE.search(before) or _SCALE_AFTER.match(text, run[0][1]))


def _unit_symbol(text: str, run: list[tuple[int, int, str]]) -> bool:
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


def _country_of_institution(run: list, needed: list, hits: list[bool]) -> bool:
    """"Конгрессе США" -> "Congress", "Госдума РФ" -> "the Duma": a country's acronym the
    exonym table knows, right after a rendered generic institution word of the same run, is
    often left implicit in English. Not a spelled-out name: Лиги Европы is the Europa League."""
    first = run.index(needed[0])
    return (
        first > 0
        and hits[first - 1]
        and _generic_src(run[first - 1][2])
        and all(w[2].isupper() and _exonym_targets(w[2]) for w in needed)
    )


def _in_acronym(needed: list[tuple[int, int, str]], acronyms: list[str]) -> bool:
    """Whether every unmatched word's Latin initial is a letter of one English acronym that no
    source word explains: the English named the institution by its initials (Университет штата
    Луизиана -> LSU, Louisiana State University)."""
    for acronym in acronyms:
        if all((latin_key(w[2])[:1] or "?").upper() in acronym for w in needed):
            return True
    return False


def _split_at_initials(runs: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
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


def _initialism(run: list[tuple[int, int, str]]) -> str:
    """Initials of a Latin-script name (The Wall Street Journal -> WSJ), which the other side
    may use instead; "" for Cyrillic or one-word runs."""
    parts = [w[2] for w in run if w[2].lower() not in ("the", "of", "and", "for")]
    if len(parts) < 2 or not all(p.isascii() for p in parts):
        return ""
    return "".join(p[0] for p in parts).upper()


def _given_syllables(run: list[tuple[int, int, str]], unmatched: list, text: str = "") -> bool:
    """East Asian names of three short words (Ким Чен Ын, Ri Yong Ho) whose family name the
    other side renders (the caller checks that): it often gives only the family name, or spells
    the given name by another system (Чен Ын / Jong Un), leaving short syllables unmatched.
    ``run`` is counted with a sentence's first word, which the checks otherwise set aside (a
    capital there proves nothing); with the ``text``, a lower-case syllable hyphened to a word
    counts as one more (Moon Jae-in). A title or other generic word is no syllable (Министр
    Хайко Маас is a German name of two words)."""
    tails = sum(1 for w in run if _HYPHENED_SYLLABLE.match(text, w[1])) if text else 0
    words = [w for w in run if not (_generic(w[2]) if w[2].isascii() else _generic_src(w[2]))]
    return len(words) + tails >= 3 and all(len(w[2]) <= 4 for w in unmatched)


_HYPHENED_SYLLABLE = regex.compile(r"-\p{Ll}{1,4}\b")


def _family_name_like(word: str) -> bool:
    """Whether a sentence's first word, rendered on the other side, may be the family name
    that anchors an East Asian name (_given_syllables): short (Ким, Мун, Чхве, Park, Hwang)
    and no title or generic word, which would anchor a swapped name (Президент Мун Чжэ Ин ->
    President Kim Jong Un)."""
    if len(word) > 5 or (regex.match(r"\p{Cyrillic}", word) and len(word) > 4):
        return False
    return not (_generic(word) if word.isascii() else _generic_src(word))


def _shouting(run: list[tuple[int, int, str]]) -> bool:
    """Three or more words in capitals (DO NOT JUMP IN): emphasis, not names."""
    return len(run) >= 3 and all(w[2].isupper() and len(w[2]) > 1 for w in run[:3])


# Patronymics (Кемелевич, Владимировна, Кемелұлы): the English leaves them out.
_PATRONYMIC = regex.compile(r"\w{3,}(?:ович|евич|ич|овн|евн|ичн|ұлы|қызы|улы|кызы)\w{0,3}")


def _generic_src(word: str) -> bool:
    """A source word that cannot carry a name on its own (see _GENERIC_SRC), or an acronym
    the exonym table does not know (СМИ-like acronyms are expanded in translation)."""
    w = word.lower()
    if len(word) < 2 or w.startswith(_GENERIC_SRC) or w in _PRONOUNS_SRC:
        return True
    stump = _STUMP.match(w)
    if stump and stump.end() < len(w) and w[stump.end() :].startswith(_GENERIC_SRC):
        return True  # Литфонд, Горсовет: see the module comment
    if _PLAIN_ADJECTIVE.fullmatch(w):
        return True
    if _COMMON_ADJECTIVE.fullmatch(w) and not _exonym_targets(word):
        return True
    caps = sum(ch.isupper() for ch in word)
    return caps >= 2 and not _exonym_targets(word)


_TITLE_JOINERS = frozenset("of for the and with on de la".split())
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)


def _titled_stretches(text: str, words: list[tuple[int, int, str]], rendered) -> list:
    """Spans of English title-cased names (see the module comment): three or more capitalised
    words joined by spaces, hyphens or the function words of names (of, for, the, and, with),
    at least half of them generic or ``rendered`` (a callable: does some source word render
    this English word); without a function word the last one must be among those, as the head
    noun of such a name is (Fund, Day, Clinic): a name after a post (British PM Kavanaugh)
    stays."""
    out: list[tuple[int, int]] = []

    def close(stretch: list[tuple[int, int, str]]) -> None:
        while stretch and not _is_capitalised(stretch[-1][2]):
            stretch.pop()
        caps = [w[2] for w in stretch if _is_capitalised(w[2]) and w[2].lower() not in
                _TITLE_JOINERS]  # fmt: skip
        known = [_generic(c) or rendered(c) for c in caps]
        joined = any(w[2] in _TITLE_JOINERS for w in stretch)
        if len(caps) >= 3 and 2 * sum(known) >= len(caps) and (known[-1] or joined):
            out.append((stretch[0][0], stretch[-1][1]))

    stretch: list[tuple[int, int, str]] = []
    for k, w in enumerate(words):
        cap = _is_capitalised(w[2])
        adjacent = bool(stretch) and regex.fullmatch(r"[ \u00a0\-]*", text[stretch[-1][1] : w[0]])
        # "on" joins Commission on Human Rights, but not a date: Four Corners on Tuesday
        dated = w[2] == "on" and k + 1 < len(words) and words[k + 1][2].lower() in _DATE_WORDS
        if adjacent and (cap or w[2] in _TITLE_JOINERS) and not dated:
            stretch.append(w)
            continue
        close(stretch)
        stretch = [w] if cap else []
    close(stretch)
    return out


_SEGMENT_BREAK = regex.compile(r"[,;:()\[\]/]|\d+(?:[.,*xх×/-]\d+)*|\s[-–—]\s")


def _title_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of English title segments (see the module comment)."""
    out = []
    pos = start
    for m in [*_SEGMENT_BREAK.finditer(text, start, end), None]:
        stop = m.start() if m else end
        opener = pos == start or (text[pos - 1 : pos] != ",")
        words = [w for w in _words(text, pos, stop) if w[2].lower() not in _TITLE_JOINERS]
        if opener and len(words) >= 3 and all(_is_capitalised(w[2]) for w in words):
            out.append((words[0][0], words[-1][1]))
        pos = m.end() if m else end
    return out


_QUOTED_EN = regex.compile(r"[\"“«]([^\"“”«»]{3,120})[\"”»]|(?<!\w)'([^']{3,120})'(?!\w)")
_QUOTED_SRC = regex.compile(r"[\"“«„]\s*\p{Cyrillic}+(?:[\s,-]+\p{L}+)+\s*[\"”»“]")


def _quoted_titles(text: str, start: int, end: int, source: str) -> list[tuple[int, int]]:
    """Title-cased English quotations (every word over three letters capitalised, two
    capitals at least) when the source quotes a Cyrillic phrase: a translated title."""
    if not _QUOTED_SRC.search(source):
        return []
    out = []
    for m in _QUOTED_EN.finditer(text, start, end):
        inner = _words(text, m.start(), m.end())
        caps = [w for w in inner if _is_capitalised(w[2])]
        if len(caps) >= 2 and all(_is_capitalised(w[2]) for w in inner if len(w[2]) > 3):
            out.append((m.start(), m.end()))
    return out


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
    if regex.fullmatch(r"\p{Lu}{2,5}(?:s|['’]s)?|(?:\p{Lu}\.){2,}", word):
        return True  # acronyms (AMs, TVs, U.N., SMB's) are often spelled out in the source
    if len(word) < 3 or _COMMON_SUFFIX.fullmatch(word.lower()):
        return True
    return any(f in GENERIC_EN for f in _en_forms(word))
