"""Exonyms and translated name words: the English a Russian or Kazakh name word is rendered by.

Each line of a table is ``Cyrillic stem prefixes (ru, kk) | English words or word prefixes``
(lower case; a trailing * means "any ending"). General knowledge written for the name check
(:mod:`compare.checks.names`, through :mod:`compare.name_matching`), not taken from any
evaluation set: countries with their adjectives, capitals and big cities, organisations, months
and weekdays, sky and religion, titles that Russian capitalises in names, a government named
by its capital, acronyms, and the translated words of multi-word names.
"""

from __future__ import annotations

# Exonyms: Cyrillic stem prefixes (ru, kk) | English words or word prefixes (lower case; a
# trailing * means "any ending"). Countries with their adjectives, capitals and big cities,
# organisations, months and weekdays, sky and religion, and titles that Russian capitalises
# in names (Король, Президент).
_EXONYMS = """
герман германи немец немецк немц неміс|german* deutsch*
москв мәскеу|moscow* muscovite*
сша америк құрама штат|us u.s usa united america* american*
кита қытай|china chinese beijing mandarin
синьцзян шыңжаң|xinjiang
крым қырым|crimea*
тәңіртау|tian tien shan
росси ресей русск орыс|russia* russian*
англи англо ағылшын|england english* britain british uk u.k anglo* fa
британ британи ұлыбритан|britain british briton* brit brits uk u.k
великобритан|britain british uk u.k great
франц француз|france french* paris
итал|italy italian*
испан|spain spanish spaniard*
португал|portugal portuguese
япон жапон|japan japanese
коре корея|korea* korean*
инди үнді|india* indian* delhi
турц турец түрік түрки|turkey turkish turk* ankara
греци греческ грек|greece greek*
голланд нидерланд|netherlands dutch* holland
бельги|belgium belgian*
швейцар|switzerland swiss
швец швед|sweden swedish swede*
норвег|norway norwegian*
финлянд финск фин|finland finnish finn*
дани датск датчан|denmark danish dane*
польш польск поляк|poland polish pole*
украин|ukraine ukrainian*
белорус беларус|belarus* belarusian minsk
венгр мажар|hungary hungarian* magyar*
чехи чешск чеха|czech* chechnya
австри|austria* austrian*
австрали аустрали|australia* aussie* canberra
канад|canada canadian* ottawa
мексик|mexico mexican*
бразил|brazil* brazilian*
аргентин|argentina argentine*
израил израиль|israel* jerusalem
палестин|palestin*
египет египт мысыр|egypt*
ирак|iraq*
иран|iran*
персид парсы|persia* farsi gulf
сири|syria*
саудовск саудовц|saudi* riyadh
аравия арабия|arabia* saudi* riyadh
афган ауған|afghan*
пакистан пәкістан|pakistan* islamabad
грузи|georgia*
армени армян|armenia*
азербайдж|azerbaijan*
узбек өзбек|uzbek*
киргиз кыргыз қырғыз|kyrgyz*
таджик тәжік|tajik*
туркмен түрікмен|turkmen*
казах қазақ|kazakh*
астан|astana
алмат алма-ат|almaty alma-ata
өскемен усть-каменогорск каменогорск|ust kamenogorsk* oskemen
семей семипалатинск|semey semipalatinsk
орал уральск|uralsk oral
ақтөбе актобе актюбинск|aktobe aktyubinsk
нур-султан нурсултан|nursultan nur-sultan
европ еуроп|europe* european* eu
ази азия азиат|asia* asian*
африк|africa* african*
евросоюз|eu european
нато|nato
оон бұұ|un u.n united
біріккен ұлттар|un u.n
юнеско|unesco
воз ддұ|who world health
мвф хвқ|imf monetary
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
нью-йорк нью йорк|new york* nyc nypd
лос-анджелес|los angeles lapd
мьянм бирм|myanmar* burm*
мадрас ченна|chennai madras
бомбе мумба|mumbai bombay
калькутт|kolkata calcutta
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
иерусалим құдыс|jerusalem
мекк|mecca
индонези|indonesia*
филиппин|philippine* filipino*
вьетнам|vietnam*
таиланд тайланд|thailand thai
малайзи|malaysia*
сингапур|singapore*
приднестров|transnistria* transdniestria* pridnestrov*
кубин|cuba*
марокк|morocc*
кишин|chisinau kishinev
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
евангел|gospel* evangel*
коран құран|koran quran qur'an
ислам мусульман мұсылман|islam* muslim*
аллах алла|allah god
будд|buddh*
евре иуде|jew* juda*
католи|catholic*
православ|orthodox* christian*
рождеств|christmas nativity
пасх|easter
новый год жаңа жыл|new year
рамадан рамазан|ramadan
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
конгресс|congress* capitol hill
полиц|police yard met
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
запад батыс|west* southwest* northwest* midwest*
тих|pacific
атлант|atlantic
индийск|indian
средиземн жерорта|mediterranean
черн қара|black
красн қызыл|red reds
балтий балтық|baltic
каспий|caspian
океан мұхит|ocean
мор теңіз|sea
рек өзен|river
озер көл|lake
остров арал айленд|island* isle*
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
демократ|democrat* dem dems
либерал|liberal* lib
метео синоптик|met office weather*
республиканц|republican* gop
кндр кхдр|north korea* dprk pyongyang
шешен|chechnya chechen*
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
# Madrid): the capitals of the countries above, as the table gives Beijing for China; and by
# the place that houses it (Министерство обороны США -> the Pentagon, фондовый рынок США ->
# Wall Street, технологические компании Калифорнии -> Silicon Valley).
_CAPITALS = """
сша америк ақш|pentagon wall street
калифорни|silicon valley california caltech
греци грек|athens
испан|madrid
герман германи неміс|berlin
сша америк ақш|washington
британ великобритан ұлыбритан англи|london westminster whitehall downing
еуроодақ евросоюз еуропалық|brussels eu europ*
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
британ ұлыбритан великобритан евросоюз еуроодақ ес ео|brexit
евро еуро|euro* europ*
оборон қорғаныс|defense defence
воздушн әуе|air*
морск теңіз|navy naval marine*
сухопутн құрлық|ground army
кнр қхр|china chinese prc
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
обсе ехқы еқыұ|osce
кнб ұқк|knb national security
ебрр еқдб|ebrd
абр адб|adb asian development
ссср ксро|ussr soviet*
совет кеңес|council* soviet*
фсб|fsb
мвд іім|interior internal home office
внутренн ішкі|home interior
еңбек|labor labour
ардагер|veteran*
еске|remembrance memorial
аналар|mother*
кибердүйсенбі киберпонедельник|cyber
сянган|hong kong
халеб|aleppo
ескендер|alexandria
жэньминь|people*
мчс тжм|emergenc*
днр|dpr donetsk
лнр|lpr luhansk lugansk
тасс|tass
ақш|us u.s usa united america* american*
ео|eu european*
қр|kazakhstan* kazakh*
ецб|ecb
фрс фрж федеральн федералд резервн|fed federal reserve
твиттер twitter|tweet* twitter
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
хорвати хорват|croatia* croat*
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
средн орта|middle central mid*
верхн|upper
нижн төмен|lower
поток ағын|stream* flow
сектор|strip sector
берег жағалау|bank coast shore
пролив бұғаз|strait*
полуостров түбек|peninsula*
пустын шөл|desert*
долин алқап аңғар|valley
каньон ущель шатқал|canyon* gorge*
хребет жота|range ridge
перевал асу|pass
заповедн қорық|reserve* sanctuary
водопад сарқырама|falls waterfall*
вулкан жанартау|volcano*
ледник мұздық|glacier*
пещер үңгір|cave* cavern*
скалист жартас|rock*
равнин жазық|plain*
ұлы|great
сопақ овальн|oval
общин қауымдар|commons
екінші|ii second two
игр ойын|game* olympi*
спас құтқар|save rescue* salvation
церк шіркеу|church*
собор|cathedral
крест|cross
полумесяц жарты|crescent
алғыс|thanksgiving
шекарасыз|borders without
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

# Feasts, faith and regions that English names by other words (Курбан-байрам: Eid al-Adha,
# Господь: the Lord, Подмосковье: the Moscow region, Прибалтика: the Baltic states); the given
# names of kings, popes and saints that Russian writes in a form of its own (принц Вильгельм:
# Prince William, Людовик: Louis, Иоанн Креститель: John the Baptist) and their epithets; faiths
# and bodies English names by other words (иеговисты: Jehovah's Witnesses, Мосгордума: the
# Moscow City Duma, Счётная палата: the Accounts Chamber).
_MORE_NAMES = """
курбан құрбан|eid adha
новозеланд зеланди зеландия|zealand* kiwi*
возрожден қайта өрлеу|renaissance revival
просвещен ағартушылық|enlightenment
быти|genesis
ураза ораза|eid fitr ramadan fast*
содружеств достастығ достастық|commonwealth
интернешнл|international
күн|solar sun
жүйе|system*
уайтхолл вайтхолл|whitehall
қазатомөнеркәсіп|kazatomprom
қазақпарат|kazinform
господ|lord god
бог құдай|god* lord
аллах алла|allah god
прибалт|baltic*
подмосков|moscow
поволж|volga
забайкал|baikal transbaikal*
заполяр|arctic
успенск|dormition assumption
благовещен|annunciation
троиц|trinity
крещени|epiphany baptism
покровск|intercession
госдеп|state
совфед|federation
вдв|airborne
спб|petersburg
ленобл|leningrad
минфин қаржы финанс|treasury finance*
турок|turk* turkey
каид|qaeda al-qaeda
ржд|railways
смех күлкі|laughter
аплодисмент қол шапалақ|applause
иврит|hebrew
магомет|muhammad mohammed mohamed
цыган сыған|roma* gyps*
индуис|hindu*
пятидесятниц|pentecost*
вселенск|ecumenical
завет|testament covenant
снегуроч|snow maiden
воскрес|risen resurrect*
пост|lent
эхо эхе|echo
росгвард|guard rosgvardia
вильгельм|william*
людовик|louis
иоанн|john*
николай|nicholas
георгий|george*
яков иаков|james jacob
иегов|jehovah* witnesses
кришн|krishna* hare
укр|ukrain*
мосгор|moscow
ленсовет|leningrad soviet
счетн счётн|accounts audit*
крестител|baptist
завоевател|conqueror
грозн|terrible
"""

# The other way round: the source names a country or its government by the capital or the seat
# (Пекин ответил, в Кремле заявили, Ақорда мәлімдеді) and the English by the country or the
# government (China responded, Moscow said, the presidential administration). A different
# country stays a mismatch (Пекин -> Japan). A seat is a place, not a country: the name check
# reads none of these as a country (:func:`compare.name_matching.is_seat_key`), so
# "Премьер-министр Сеулге келді" / "The prime minister arrived in Beijing" keeps its flag.
_SEATS = """
пекин бейжің|china chinese prc
токио|japan*
киев|ukrain*
лондон|brit* uk kingdom england english metropolitan met
уайтхолл|brit* uk government
даунинг|brit* uk government prime
вашингтон|america* us usa states
москв мәскеу|russia*
кремл|russia* moscow
пентагон|defense defence military
брюссел|eu europe* union
анкар|turk*
тегеран|iran*
минск|belarus*
дамаск|syria*
эр-рияд рияд|saudi*
нью-дели дели|india*
сеул|korea*
пхеньян|korea*
тель-авив авив иерусалим|israel*
ватикан|holy see pope papal
елисейск|franc* french presiden*
капитоли|congress
ақорда акорда|presiden* administration
кабул|afghan*
багдад|iraq*
каир|egypt*
варшав|poland polish
берлин|german*
париж|franc* french
мадрид|spain spanish
афин|greece greek
астан|kazakh*
ташкент|uzbek*
бишкек|kyrgyz*
баку|azerbaijan*
ереван|armenia*
тбилиси|georgia*
оттав|canad*
канберр|australia*
гаван|cuba*
каракас|venezuela*
"""

# Nicknames of countries (Поднебесная, Туманный Альбион): the country itself, by another name.
_NICKNAMES = """
поднебесн|china chinese
альбион|brit* uk kingdom england
филадельфи|philly
"""

# Trademarks and titles a translator renders by the common word for the thing (Roomba:
# робот-пылесос, Kleenex: салфетка, Uber: такси, Skype: видеосвязь, the Super Bowl: Суперкубок):
# talks and news written in English domesticate them.
_GENERIC_BRANDS = """
пылесос шаңсорғыш|roomba*
салфетк|kleenex
такси|uber lyft
конструктор|lego
пластыр|band-aid band aid
видеосвяз видеозвон видеочат|skype zoom facetime
поиск поищ погугл гугл интернет|google
соцсет|facebook twitter instagram
супермаркет гипермаркет|walmart tesco costco safeway
стикер|post-it
ксерокс|xerox
джакузи|jacuzzi
липучк|velcro
подгузник|pampers
суперкубок|super bowl
взрыв|bang big
мороз|claus santa christmas father
калтех|caltech
"""

# The seats' own prefixes (a seat is no country: see _SEATS).
SEAT_PREFIXES = frozenset(p for line in _SEATS.strip().splitlines()
                          for p in line.split("|")[0].split())  # fmt: skip

# First elements of Russian compound adjectives (древнегреческий, среднеазиатский,
# восточноевропейский, антироссийский): the name's stem follows them, so the exonym table is
# also asked for the rest of the word. Longest first; a head is stripped only when at least four
# letters remain.
COMPOUND_HEADS = tuple(sorted(
    """
    древне средне ранне поздне ново старо восточно западно северо южно юго центрально
    ближне дальне верхне нижне обще все пан анти про прото псевдо пост
    """.split(), key=len, reverse=True))


def _parse_exonyms(data: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    out = []
    for line in data.strip().splitlines():
        left, right = line.split("|")
        out.append((tuple(left.split()), tuple(right.split())))
    return out


EXONYMS = (_parse_exonyms(_EXONYMS) + _parse_exonyms(_EXONYMS_MORE) + _parse_exonyms(_CAPITALS)
           + _parse_exonyms(_SEATS) + _parse_exonyms(_NICKNAMES) + _parse_exonyms(_MORE_NAMES)
           + _parse_exonyms(_GENERIC_BRANDS))
