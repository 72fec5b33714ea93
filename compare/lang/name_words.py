"""Word lists of the name check (:mod:`compare.checks.names`): capitalised words that are no
names (generic English name parts, generic Russian and Kazakh institution words, capitalised
pronouns), third-person pronouns that may stand for a name, and the tables that read a word as
another (US state codes, the Russian names of English letters, Cyrillic look-alike letters).

General knowledge of English, Russian and Kazakh written for the check, not taken from any
evaluation set; the logic that reads them is :mod:`compare.name_candidates` and
:mod:`compare.name_matching`.
"""

from __future__ import annotations

# Capitalised English words that name a kind of thing rather than a particular one: they are
# translated, so on their own they neither prove nor disprove a name.
GENERIC_EN = frozenset(
    """
    a an the of and or in on at for to by from with de la le van von der da di al el bin
    des du del della dos
    i i'm i've i'd i'll me my we our you your he his she her it its they their this that these
    him them us myself yourself himself herself itself ourselves themselves
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
    duchess earl countess baron baroness marquess viscount dame
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
    fahrenheit celsius centigrade kelvin richter
    weekly short long book books literature literary poetry contest competition forum summit
    conference session meeting fc olympic paralympic virology virologist epidemiology
    epidemiologist laboratory lab medical medicine mathematics chemistry biology history
    geography economics vice senior junior acting former ex major lieutenant colonel private
    admiral marshal commander patriarch metropolitan bishop archbishop holy blessed virgin
    heaven hell paradise marble antiques spread regulation procedure decree resolution rules
    covid-19 sars internet online
    det sen gov rep sgt lt col capt supt insp cllr phd phds
    hotel pharmacy restaurant cafe shop store stadium arena cinema zoo
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
# names stay out (жаңа: Жаңаөзен, ұлы: Ұлыбритания, майдан: Maidan). Official Kazakh capitalises
# the acts of state (Жарлық a decree, Қаулы a resolution, Заң a law, Жолдау the address).
GENERIC_SRC = tuple(
    """
    национальн ассамбле член комитет правительств республик обществ управлени министерств служб
    парти союз совет собрани федераци организаци центр институт университет академи агентств
    департамент суд палат дом церк собор площад улиц проспект район област край округ штат
    город кубок чемпионат игр преми фонд банк компани групп корпораци ассоциаци клуб лиг
    команд движени фронт арми сил войск полици бюро офис администраци комисси председател
    генеральн верховн высш государствен военн народн демократическ республиканск социалистическ
    коммунистическ либеральн консервативн лейборист северн южн западн восточн центральн
    нов новост велик больш мал верхн нижн детск международн всемирн европейск королевск объединенн
    соединенн министр премьер президент глав директор мэр губернатор сенат конгресс парламент
    ұлттық үкімет министрлі комитет қауымдастығы орталығы университеті партиясы одағы кеңесі
    шіркеу федералды құрама қауым біріктір
    мемлекет халықаралық дүниежүзілік жоғар біріккен арнайы қоғам басқарма қызмет жиналыс ұйым
    орталық агенттік алаң көше даңғыл аудан облыс өлке сыйлық қозғалыс әскер кеңсе әкімшілік
    әкімдіг төраға басшы үлкен кіші төменгі балалар солтүстік оңтүстік батыс шығыс социалист
    коммунист либерал
    порядк порядок правил положени закон кодекс устав указ постановлени приказ регламент
    день дня дню днём днем революци отдел
    инструкци методик концепци стратеги программ соглашени конвенци деклараци хартия хартии
    конституци школ мектеп мәжіліс мәслихат елбасы ерлер әйелдер футбол баскетбол бейсбол хоккей
    жарлы қаулы заң жолдау бұйры ереже бағдарлам тұжырымдам келісім жарғы
    """.split()
)
# Particles that open a hyphened place name (Де-Мойн, Лос-Анджелес, Сент-Луис, Эль-Пасо, Аль-Кут):
# English may write them otherwise (Des Moines, St. Louis), so they need no rendering of their own.
NAME_PARTICLES_SRC = frozenset(
    "де ле ла дю ди да дель делла ван фон дер эль аль ад ас ан ат ар аш ал әл сан сен сент санта "
    "лос лас санкт нью".split()
)
# A Kazakh institution's name capitalises its first word, a common word the English translates
# (Қаржы министрлігі: the Finance Ministry; Өкілдер палатасы: the House of Representatives), and
# ends on a lowercase head noun: these heads (stems, with their endings), and the English words
# that name such an institution.
KK_INSTITUTION_HEADS = tuple(
    """
    министр палата комитет агенттіг агенттік қызмет департамент сот банк кеңес партия одақ одағ
    ұйым қор академия университет институт орталы басқарма инспекция прокуратура полиция
    әкімдіг мәслихат сенат мәжіліс фракция кеңсе бюро мекеме қауымдастығ федерация лига
    комиссия күзет гвардия әскер күш
    """.split()
)
EN_INSTITUTION_HEADS = tuple(
    """
    ministr minister house committee agenc service department court bank council party union
    organi fund academ universit institut center centre office inspector prosecut police
    administration akimat maslikhat assembl senate parliament mazhilis faction bureau
    federation league commission guard army forces
    """.split()
)
# The countries of the world (the distinctive word of each name; Georgia is a state too).
COUNTRIES_EN = frozenset(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
    salvador eritrea estonia eswatini ethiopia fiji finland france gabon gambia germany ghana
    greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran
    iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait
    kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius micronesia moldova monaco
    mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands zealand
    nicaragua niger nigeria macedonia norway oman pakistan palau palestine panama paraguay peru
    philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia africa spain lanka sudan suriname sweden switzerland
    syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan
    tuvalu uganda ukraine emirates kingdom england scotland wales britain uk usa us uruguay
    uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
    georgia
    """.split()
)
# Places English news writes after a town for readers who do not know it ("Portland, Oregon",
# "Lagos, Nigeria", "Toronto, Ontario"), which a translation may leave out: US states and
# Canadian provinces (the distinctive word of each) and the countries of the world.
CLARIFYING_PLACES_EN = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york
    carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont
    virginia washington wisconsin wyoming ontario quebec alberta manitoba saskatchewan columbia
    scotia brunswick newfoundland
    """.split()
) | COUNTRIES_EN
# Cyrillic letters that look like Latin ones, for English words typed with a few of them.
HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХУаеорсухіІ", "ABEKMHOPCTXYaeopcyxiI")

# Polite "Вы" and other pronouns a writer may capitalise; function words that informal posts
# capitalise mid-sentence ("Виктор, Не знаю"); acronyms of common nouns that translations spell
# out (СМИ: the media, НГО: non-governmental organisations); units (Вт, Гц).
PRONOUNS_SRC = frozenset(
    "вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим вашу вашими ваших "
    "он она оно они сіз сізге сізді сіздің "
    "не ни что как это и а но в на с к по за из от до для или да нет вот все всё так там тут "
    "мы я ты их его её ее меня мне мной тебя тебе тобой нас нам нами "
    "сми бақ нго нпо нко вт квт мвт гвт гц кгц мгц ггц дж кдж па кпа мпа".split()
)


# US state postal codes, which English news uses for the state (the AZ border <- граница
# Аризоны): the code is read as the state's distinctive word.
US_STATES = dict(
    pair.split("=")
    for pair in """AL=Alabama AK=Alaska AZ=Arizona AR=Arkansas CA=California CO=Colorado
    CT=Connecticut DE=Delaware FL=Florida GA=Georgia HI=Hawaii ID=Idaho IL=Illinois IN=Indiana
    IA=Iowa KS=Kansas KY=Kentucky LA=Louisiana ME=Maine MD=Maryland MA=Massachusetts
    MI=Michigan MN=Minnesota MS=Mississippi MO=Missouri MT=Montana NE=Nebraska NV=Nevada
    NH=Hampshire NJ=Jersey NM=Mexico NY=York NC=Carolina ND=Dakota OH=Ohio OK=Oklahoma
    OR=Oregon PA=Pennsylvania RI=Rhode SC=Carolina SD=Dakota TN=Tennessee TX=Texas UT=Utah
    VT=Vermont VA=Virginia WA=Washington WV=Virginia WI=Wisconsin WY=Wyoming""".split()
)
# and the AP style abbreviations of a lawmaker's state (Sen. Lindsey Graham, R-S.C.; Rep. Adam
# Schiff, D-Calif.), read without their dots and party letter.
US_STATES.update(
    pair.split("=")
    for pair in """Ala=Alabama Ariz=Arizona Ark=Arkansas Calif=California Colo=Colorado
    Conn=Connecticut Del=Delaware Fla=Florida Ga=Georgia Ill=Illinois Ind=Indiana Kan=Kansas
    Kans=Kansas Ky=Kentucky La=Louisiana Md=Maryland Mass=Massachusetts Mich=Michigan
    Minn=Minnesota Miss=Mississippi Mo=Missouri Mont=Montana Neb=Nebraska Nev=Nevada
    Okla=Oklahoma Ore=Oregon Pa=Pennsylvania Tenn=Tennessee Tex=Texas Vt=Vermont Va=Virginia
    Wash=Washington WVa=Virginia Wis=Wisconsin Wyo=Wyoming""".split()
)

# English letters by their Russian names, as Russian spells acronyms and letter names out
# (Би-би-си = BBC, Си-эн-эн = CNN, Джей-Зи = JAY-Z): a source word that is the name of an English
# capital letter renders a word of capitals beginning with that letter.
LETTER_NAMES = {
    "a": ("эй",), "b": ("би",), "c": ("си",), "d": ("ди",), "e": ("и",), "f": ("эф",),
    "g": ("джи",), "h": ("эйч",), "i": ("ай",), "j": ("джей",), "k": ("кей",), "l": ("эл",),
    "m": ("эм",), "n": ("эн",), "o": ("оу",), "p": ("пи",), "q": ("кью",), "r": ("ар",),
    "s": ("эс",), "t": ("ти",), "u": ("ю",), "v": ("ви",), "w": ("дабл",), "x": ("экс",),
    "y": ("уай",), "z": ("зи", "зед"),
}  # fmt: skip

# English words that render a Russian ministry named by stump compound (Минцифры, Минфин).
MINISTRY_EN = frozenset({"ministry", "ministries", "minister", "ministers"})


# Third-person pronouns (personal, possessive, reflexive). Translators replace a name by a
# pronoun and back ("По словам Трампа, ..." -> "He said ..."): where the English has more of
# them than the Russian, a person's name missing from the English is likely such a pronoun, and
# is flagged as minor, not major. Names the exonym table knows (places, countries,
# institutions) are not persons and keep their severity.
THIRD_PERSON_PRONOUNS = {
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

# Function words that join the capitalised words of a title-cased English name (Fund for the
# Support of Russian Writers), and the date words before which "on" joins nothing (Four Corners
# on Tuesday).
# Street types that end a street's name (Ballynagard Crescent) and translate (жарты ай): no
# counterpart needed there; elsewhere they may be names (Crescent Ivanov).
STREET_TYPES = frozenset(
    "lane drive crescent close terrace place boulevard way grove row mews parade walk quay "
    "highway".split()
)
TITLE_JOINERS = frozenset("of for the and with on de la".split())
# Words that open an English sentence with a capital of position alone (Both Walton and Trump
# ...): no part of a title-cased name that the sentence opens.
OPENING_WORDS_EN = frozenset(
    """and but or nor so yet both either neither when while after before as if since
    because although though however meanwhile also even only then now yesterday today tonight
    tomorrow last next this that these those there here what where why how who which whose all
    any some many most each every in on at by from to with without during under over""".split()
)
DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)
