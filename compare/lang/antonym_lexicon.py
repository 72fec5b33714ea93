"""The bilingual lexicon of the antonym check: opposite pairs with English words and Russian and
Kazakh stems for each pole, and the phrases that must be read before single words are.

Kept apart from the matching (``compare/reversals.py``) because it is data: general
knowledge of news and everyday English, Russian and Kazakh written for this check, not taken
from any evaluation set. Every pattern must match a whole lower-cased word (letters only: a
hyphen splits "well-known" into two words). Word forms that are ambiguous in the language are
listed with their endings instead of as bare stems: Russian "рост" is also "height" and
Ростов, "лет" is also "years", "дорогой" also "by road"; Kazakh "жас" is "young" and "age",
"жаз-" is "summer" and "write", "жеңіл-" is "lose" but "жеңіл" "light", "ұлы" is "his son"
and "great", "кеңес" is "council", not "wide". Kazakh and Russian two-word expressions whose
words alone mean something else (сатып ал- "buy" but сат- "sell"; бас тарт- "refuse";
мирные жители "civilians" but мирный "peaceful") are joined into one word before matching
(``JOINED``); phrases whose pole word does not carry its pole ("at least", "last year",
"друг друга", "выйти на пенсию") are blanked (``IDLE``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class Opposites:
    """Two poles of one meaning: English word patterns and source stem patterns for each.

    Every pattern must match a whole lower-cased word; "" means the language has no entry.
    ``ru_quiet`` holds Russian words that show a pole too loosely to raise a flag but do show
    that the source speaks of it ("начало" is "the beginning", but "в начале 2000-х" is "in
    the early 2000s"): they only silence the other pole. ``kk_quiet`` is the same for Kazakh.
    """

    name: str
    en: tuple[str, str]
    ru: tuple[str, str]
    kk: tuple[str, str]
    ru_quiet: tuple[str, str] = ("", "")
    kk_quiet: tuple[str, str] = ("", "")


_EN_VERB = r"(?:s|es|ed|d|ing)?"


LEXICON: tuple[Opposites, ...] = (
    # --- Kept from the first lexicon (extended) ---
    Opposites(
        "rise / fall",
        (r"ris(?:e|es|en|ing)|rose|increas\w*|gr[eo]w\w*|growth|climb\w*|soar\w*|surg\w*|"
         r"jump(?:s|ed)?|rais(?:e|es|ed|ing)|boost\w*|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|"
         r"spik(?:e|es|ed)|expan(?:d|ds|ded|ding|sion)|(?:go|goes|went|gone|going|edged|moved)up",
         r"fall(?:s|en|ing)?|fell|decreas\w*|declin\w*|drop(?:s|ped|ping)?|shr[iau]nk\w*|"
         r"plung\w*|slump\w*|tumbl\w*|reduc\w*|lower(?:s|ed|ing)?|cut|cuts|cutting|"
         r"halv(?:e|es|ed|ing)|slash(?:es|ed|ing)?|sank|sink(?:s|ing)?|dipp(?:ed|ing)|"
         r"contract(?:ed|ion)|(?:go|goes|went|gone|going|edged|moved)down"),
        (r"выр[ао]с\w*|раст[её]т|растут|рос|росла|росло|росли|рост(?!ов)\w*|увелич\w*|повы[сш]\w*|подорож\w*|"
         r"прирост\w*|возр[ао]с\w*|взл[её]т\w*|удво\w*|утро(?:ил|или|ение)\w*|"
         r"подня(?:л|ли|ла|лись|лся|лась)",
         r"сниз\w*|сниж\w*|упа[лд]\w*|падени\w*|уменьш\w*|сократ\w*|сокращ\w*|подешев\w*|"
         r"спад\w*|обвал\w*|пониз\w*|пониж\w*|рухну\w*|просел\w*|просед\w*"),
        (r"өсті|өсу\w*|өсім(?!дік)\w*|өсе\w*|өсіп|өскен\w*|ұлғай\w*|көбей\w*|"
         r"арт(?:ты|ады|қан|уы|ып|тыр\w*)|көтерілді|көтеріліп|көтерді|көтеру\w*|еселен\w*",
         r"төмендеді|төмендеу\w*|төмендеп|төмендейді|төмендеген\w*|төмендет\w*|азай\w*|"
         r"құлады|құлау\w*|қысқар\w*|кеміді|кему\w*|кеміп|кемиді"),
    ),
    Opposites(
        "win / lose",
        (r"win|wins|won|winning|winners?|victor(?:y|ies|ious)|triumph\w*",
         r"los(?:e|es|ing)|lost|losers?|defeats?"),
        (r"побед\w*|выигр\w*",
         r"проигр\w*|поражени\w*|потер(?:ял|яла|яли|ять|ян|яна|яно|яны|янн)\w*|утрат\w*"),
        (r"жеңді|жеңіс\w*|жеңіп|жеңген\w*|жеңеді|жеңімпаз\w*|жеңу\w*",
         r"жеңілді|жеңіліс\w*|жеңіліп|жеңілген\w*|ұтылд\w*|ұтылы\w*|жоғалт\w*"),
    ),
    Opposites(
        "open / close",
        (r"open(?:s|ed|ing)?|reopen\w*", r"closed|closes|closing|closure\w*|shut(?:s|ting)?"),
        (r"откр(?!овен)\w*", r"закры\w*|закро(?:ет|ют|ю)"),
        (r"ашты|ашыл\w*|ашы[қғ]\w*|ашып|ашады|ашқан\w*",
         r"жапты|жабыл\w*|жабы[қғ]\w*|жауып|жабады|жапқан\w*"),
    ),
    Opposites(
        "accept / reject",
        (r"accept" + _EN_VERB + r"|approv(?:e|es|ed|ing|al)|adopt(?:s|ed)?",
         r"reject\w*|veto(?:es|ed)?"),
        (r"одобр\w*|принял\w*|принят\w*|приним\w*", r"отклон\w*|отверг\w*|отказ\w*"),
        (r"қабылда(?!ма)\w*|мақұлда(?!ма)\w*", r"қабылдама\w*"),
    ),
    Opposites(
        "allow / ban",
        (r"allow" + _EN_VERB + r"|permit(?:s|ted|ting)?|legali[sz]\w*",
         r"ban|bans|banned|banning|prohibit\w*|forb[ia]d\w*|outlaw\w*"),
        (r"разреш\w*|позвол\w*|легализ\w*", r"запрет\w*|запрещ\w*"),
        (r"рұқсат\w*", r"тыйым\w*"),
    ),
    Opposites(
        "start / end",
        (r"start" + _EN_VERB + r"|begin(?:s|ning)?|began|begun|launch\w*|commenc\w*",
         r"end|ends|ended|ending|finish\w*|conclud\w*"),
        # Not конец as a pole ("подошло к концу" is "over") nor начале ("в начале 2000-х" is
        # "in the early 2000s"): they only show that the source speaks of the pole.
        (r"начал|начали|начался|началась|началось|начались|начнут?\w*|начин\w*|начат\w*|нача(?:ть|в)|"
         r"запуст\w*|запуск\w*|начал[оауы]|началом",
         r"законч\w*|оконч\w*|заверш\w*|кончи\w*"),
        (r"баста(?:ды|у|уы|ған|йды|лды|лу|лған|ды)\w*", r"аяқта(?!ма)\w*"),
        ru_quiet=(r"начале", r"конец|конц[аеу]|концом"),
    ),
    Opposites(
        "good / bad",
        (r"good|better|best", r"bad|badly|worse|worst"),
        (r"хорош\w*|лучш\w*|добр(?:ый|ая|ое|ые|ого|ых|ым|ую|ой|ом|о)|неплох\w*",
         r"плох\w*|худш\w*|хуже|зл(?:ой|ая|ое|ые|ого|ых|ым|о)"),
        (r"жақсы\w*|үзді[кг]\w*", r"жаман\w*|нашар\w*"),
    ),
    Opposites(
        "strong / weak",
        (r"strong(?:er|est|ly)?|strength\w*|powerful\w*|robust\w*", r"weak\w*|feeble\w*|fragile"),
        (r"сильн\w*|усил\w*|укреп\w*|мощн\w*", r"слаб\w*|ослаб\w*|хрупк\w*"),
        (r"күшті\w*|күшей\w*|қуатты\w*|нығай\w*", r"әлсіз\w*|әлсіре\w*|осал\w*"),
    ),
    Opposites(
        "rich / poor",
        (r"rich(?:er|est)?|wealth\w*", r"poor(?:er|est)?|poverty"),
        (r"богат\w*", r"бедн\w*|нищ\w*"),
        (r"бай|байлар\w*|байлы[қғ]\w*|бақуатты\w*", r"кедей\w*"),
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
        (r"солтүсті[кг]\w*", r"оңтүсті[кг]\w*"),
    ),
    Opposites(
        "east / west",
        (r"east(?:ern|ward)?", r"west(?:ern|ward)?"),
        (r"восто[кч]\w*", r"запад\w*"),
        (r"шығыс\w*", r"батыс\w*"),
    ),
    Opposites(
        "high / low",
        (r"high|higher|highest|above|tall|taller|tallest", r"low|lower|lowest|below"),
        (r"высок\w*|выше|высш\w*", r"низк\w*|ниже|низш\w*"),
        (r"жоғары\w*", r"төмен"),
    ),
    Opposites(
        "young / old",
        (r"young(?:er|est)?|youth\w*", r"old|older|oldest|elderly"),
        (r"молод\w*|юн(?:ый|ая|ое|ые|ого|ых|ым|ой)", r"стар(?:ый|ая|ое|ые|ого|ой|ых|ым|ик\w*|"
         r"ец|ость\w*|ее|ейш\w*|ух\w*)|пожил\w*"),
        # Not жас: it is also "age" ("20 жаста" = "aged 20").
        (r"жастар\w*|жасөспірім\w*", r"қарт\w*|егде\w*|кәрі\w*|қария\w*"),
    ),
    Opposites(
        "alive / dead",
        (r"alive|surviv\w*", r"dead|died|dies|death|deaths|killed"),
        (r"выжил\w*|выжив\w*|уцел\w*|жив(?:ы|ой|ая|ое|ых|ым|ого)?|пережил\w*",
         r"погиб\w*|умер\w*|умир\w*|скончал\w*|м[её]ртв\w*|гибел\w*|убит\w*|убил\w*|убива\w*"),
        (r"тірі\w*|аманқал\w*", r"қаза|өлді|өлген\w*|өлім\w*|мерт\w*|өлтір\w*"),
    ),
    # Not opposites, but the distinction news must keep: the wounded are not the dead. Not
    # "death" alone (death penalty, смертная казнь), nor "пострадавшие" (victims, dead or not).
    Opposites(
        "injured / killed",
        (r"injur\w*|wound(?:s|ed|ing)?|hurt",
         r"dead|died|dies|killed|kills|killing|deaths|fatalit\w*"),
        (r"ранен\w*|ранил\w*|ранени\w*|травм\w*",
         r"погиб\w*|убит\w*|убил\w*|скончал\w*|умер\w*|гибел\w*"),
        (r"жарақат\w*|жараланған\w*|жараланды\w*|жарақаттан\w*",
         r"қаза|өлді|өлген\w*|мерт\w*|өлтір\w*"),
    ),
    Opposites(
        "success / failure",
        (r"success\w*|succeed\w*", r"fail(?:s|ed|ure|ures)?|unsuccessful\w*"),
        (r"успе[хшш]\w*|удач\w*", r"провал\w*|неудач\w*"),
        (r"сәтті\w*", r"сәтсіз\w*"),
    ),
    # The adjectives only: "unfortunately" opens many a sentence whose source says "к
    # сожалению", and one that also holds "удачный" would read as a reversal.
    Opposites(
        "fortunate / unfortunate",
        (r"fortunate|lucky|luckier|luckiest", r"unfortunate|unlucky|unluckier|unluckiest"),
        (r"удачн\w*|удачлив\w*|везуч\w*", r"неудачн\w*|неудачлив\w*|невезуч\w*"),
        (r"сәтті\w*", r"сәтсіз\w*"),
    ),
    Opposites(
        "profit / loss",
        (r"profit\w*|gain(?:s|ed)?", r"loss|losses"),
        (r"прибыл\w*|доходн\w*", r"убыт\w*"),
        (r"пайдасы|кіріс\w*", r"шығын\w*|залал\w*"),
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
        # Not ерте- as a stem: ертегі is "fairy tale", ертең "tomorrow".
        (r"ерте|ертерек|ертеде|ертеден|ертедегі",
         r"кеш|кешірек|кешігіп|кешікті|кешіккен\w*|кешігу\w*|кешіктір\w*"),
    ),
    Opposites(
        "hot / cold",
        (r"hot|hotter|hottest|heat\w*|warm\w*", r"cold\w*|freez\w*|frost\w*|cool|cooler|coolest|"
         r"cooling|chill\w*|icy"),
        (r"горяч\w*|жарк\w*|жар[аеуы]?|тепл\w*|зно[йя]\w*|потепл\w*|согре\w*|обогре\w*|"
         r"подогре\w*|нагре\w*|гре(?:ть|ет|ют|ется|ются)", r"холод\w*|мороз\w*|прохлад\w*|"
         r"ледян\w*"),
        # Not жылы: it is also "in the year" ("2018 жылы").
        (r"ысты[қғ]\w*|жылырақ|жылыт\w*|жылын(?:ды|ған|у)\w*|апта[пб]\w*",
         r"суы[қғ]\w*|аяз\w*|салқын\w*|мұздай"),
    ),
    Opposites(
        "support / oppose",
        (r"support(?:s|ed|ing|ers?|ive)?|backed|endors\w*|favou?r(?:s|ed)?",
         r"oppos(?:e|es|ed|ing|ition)|opponents?|against"),
        (r"поддерж\w*|сторонник\w*", r"противник\w*|противостоя\w*|оппонент\w*|против|оппозиц\w*|"
         r"противит\w*"),
        # қарсы ал- is "meet, welcome" (joined into one word before matching).
        (r"қолдады|қолдау\w*|қолдайды|қолдаған\w*|қолдап|жақтас\w*",
         r"қарсы(?!ал)\w*"),
    ),
    Opposites(
        "guilty / innocent",
        (r"guilty|convict(?:s|ed|ion|ions)?", r"innocent\w*|innocence|acquit\w*|exonerat\w*"),
        (r"винов\w*|осужд[её]н\w*|осуди(?:л|ла|ли|ть)|приговорил\w*|приговор(?:ен|ён)\w*",
         r"невинов\w*|невин\w*|оправда(?:л|ла|ли|н|на|ны|ни\w*|тельн\w*)"),
        (r"кінәлі\w*|сотталды|сотталған\w*|соттал\w*", r"кінәсіз\w*|ақталды|ақталған\w*"),
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
        (r"возможн\w*|можно", r"невозможн\w*"),
        # мүмкін емес "impossible" is a negation next to the pole word: a paraphrase.
        (r"мүмкін", ""),
    ),
    Opposites(
        "likely / unlikely",
        (r"likely|probabl\w*", r"unlikely|improbabl\w*"),
        (r"вероятн\w*", r"маловероятн\w*|неправдоподобн\w*"),
        (r"ықтимал\w*", r"екіталай\w*"),
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
        (r"confirm\w*|admit\w*|acknowledg\w*", r"den(?:y|ies|ied|ial)|refut\w*|dismiss(?:ed)?"),
        (r"подтверд\w*|подтвержд\w*|признал\w*|призна(?:ет|ют|ть|ние|ния|нием)",
         r"опроверг\w*|опроверж\w*|отрица\w*"),
        (r"раста(?!ма)\w*", ""),
    ),
    Opposites(
        "public / private",
        (r"public|publicly", r"private\w*"),
        (r"публичн\w*|общественн\w*|государствен\w*", r"частн(?!ост)\w*"),
        (r"қоғамды[қғ]\w*|мемлекетті[кг]\w*", r"жекеменші[кг]\w*"),
    ),
    Opposites(
        "domestic / foreign",
        (r"domestic\w*|internal\w*", r"foreign\w*|external\w*|overseas"),
        (r"внутрен\w*|отечествен\w*|домашн\w*", r"внешн\w*|зарубеж\w*|иностран\w*"),
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
        (r"often|frequent\w*|always|constantly|regularly|usually|common|commonly|widespread",
         r"rare|rarely|seldom|sometimes|occasional\w*|infrequent\w*"),
        (r"часто|частые|частых|част(?:ый|ого|ым|ом)|всегда|регулярн\w*|постоянно",
         r"редко|редки\w*|ред(?:ок|ких|кого)|иногда|изредка"),
        (r"жиі|үнемі|әрдайым|ылғи|әрқашан", r"сире[кг]\w*|кейде"),
    ),
    Opposites(
        "fast / slow",
        (r"fast|faster|fastest|quick\w*|rapid\w*|swift\w*|accelerat\w*|speed(?:ed|ing)?|sharp|"
         r"sharply|abrupt\w*|sudden\w*",
         r"slow\w*|sluggish\w*|decelerat\w*|gradual\w*"),
        (r"быстр\w*|стремительн\w*|ускор\w*|скоростн\w*|резк\w*|внезапн\w*",
         r"медлен\w*|замедл\w*|постепенн\w*"),
        (r"жылдам\w*|тез|тездет\w*|жедел\w*|үдет\w*|күрт", r"баяу\w*|біртіндеп"),
    ),
    Opposites(
        "men / women",
        (r"men|man|male|males", r"women|woman|female|females"),
        (r"мужчин\w*|мужск\w*|мужик\w*", r"женщин\w*|женск\w*|баб(?:а|ы|у|ой|е|ам|ами|ах)"),
        (r"ер|ерлер\w*|ерке[кг]\w*", r"әйел\w*"),
    ),
    Opposites(
        "more / less",
        (r"more|most", r"less|least|fewer|fewest"),
        (r"больше|более|наибольш\w*|больш(?:ей|ее|ую)|побольше|"
         r"сам(?:ый|ая|ое|ые|ых|ым|ыми|ую)",
         r"меньше|менее|наименьш\w*|меньш(?:ей|ее|ую)|поменьше"),
        # ең makes the superlative (ең маңызды "most important"); асатын / асқан "exceeding".
        # (ең аз "least" and ең кемі "at least" are joined first: the first is the other pole.)
        (r"көбірек|астам|көп|ең|артық|асатын|асқан|асып", r"азырақ|кем|еңаз\w*"),
    ),
    Opposites(
        "after / before",
        (r"after|afterwards", r"before"),
        (r"после|спустя", r"перед|прежде|накануне|дотогокак|дотехпор"),
        (r"кейін|кейінгі|кейіннен|соң|соңын", r"дейін|бұрын|алдын"),
    ),
    Opposites(
        "first / last",
        (r"first|firstly", r"last|lastly|final|finally"),
        (r"перв\w*|впервые|сначала|сперва|поначалу", r"последн\w*"),
        (r"бірінші\w*|алғаш\w*|тұңғыш\w*", r"соңғы\w*"),
        # English "last" is also "previous" (прошлый, предыдущий; өткен): "на прошлых выборах
        # ... вышла на первое место" / "in the last elections ... came out on top" is no
        # reversal of "первое".
        ru_quiet=("", r"прошл\w*|предыдущ\w*"),
        kk_quiet=("", r"өткен\w*|алдыңғы\w*"),
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
         r"стар(?:ый|ая|ое|ые|ого|ой|ых|ым|ую|ом|ому|ыми)"),
        (r"жаңа\w*", r"ескі\w*"),
    ),
    Opposites(
        "long / short",
        (r"long|longer|longest|lengthy", r"short|shorter|shortest|brief\w*"),
        (r"длинн\w*|долг(?:ий|ая|ое|ие|ого|о)|продолжительн\w*|давно",
         r"коротк\w*|кратк\w*|краток"),
        (r"ұза[қғ]|ұзағы\w*|ұзаққа|ұзын\w*", r"қысқа|қысқаша|қысқарақ"),
    ),
    Opposites(
        "big / small",
        (r"big|bigger|biggest|large|larger|largest|huge|giant|enormous|massive|vast|immense",
         r"small|smaller|smallest|tiny|little|miniature"),
        (r"больш(?:ой|ая|ое|ие|ого|ую|их|им|ом|ими)|крупн\w*|огромн\w*|гигантск\w*|громадн\w*",
         r"мал(?:ый|ая|ое|ые|ого|ых|ом|ую|ыми|ен|енький)|небольш\w*|маленьк\w*|мелк\w*|"
         r"крошечн\w*|миниатюрн\w*"),
        (r"үлкен\w*|ірі\w*|орасан\w*|зор", r"кіші\w*|шағын\w*|кішкентай\w*|кішкене\w*"),
    ),
    Opposites(
        "future / past",
        (r"future", r"past"),
        (r"будущ\w*", r"прошл\w*"),
        (r"болаша[қғ]\w*", r"өткен\w*"),
    ),
    Opposites(
        "positive / negative",
        (r"positive\w*", r"negative\w*"),
        (r"позитивн\w*|положительн\w*", r"негативн\w*|отрицательн\w*"),
        (r"оң|жағымды\w*|позитив\w*", r"теріс|жағымсыз\w*|негатив\w*"),
    ),
    Opposites(
        "wide / narrow",
        (r"wide|wider|widest|broad\w*", r"narrow\w*"),
        (r"широк\w*|шире|расшир\w*", r"узк\w*|сужа\w*|сузи\w*"),  # not уже: "already"
        # Not кең- as a stem: кеңес is "council", кеңсе "office".
        (r"кең|кеңірек|кеңінен|кеңей\w*", r"тар|тарлы\w*|тарыл\w*"),
    ),
    Opposites(
        "modern / ancient",
        (r"modern|contemporary", r"ancient"),
        (r"современн\w*", r"древн\w*|античн\w*"),
        (r"заманауи\w*", r"ежелгі\w*|көне\w*"),
    ),
    Opposites(
        "safe / dangerous",
        (r"safe|safely|safety|safer|safest|secure|harmless", r"danger\w*|unsafe|hazard\w*|perilous|"
         r"insecure"),
        (r"безопасн\w*", r"опасн\w*"),
        (r"қауіпсіз\w*", r"қауіпті\w*"),
    ),
    # --- Adjectives ---
    Opposites(
        "true / false",
        (r"true|truth\w*|genuine\w*|authentic\w*|real",
         r"false\w*|untrue|fake\w*|bogus|fabricat\w*|counterfeit\w*"),
        (r"правд\w*|истин\w*|подлинн\w*|реальн\w*",
         r"ложн\w*|лож[ьи]|фейк\w*|фальши\w*|поддел\w*|сфабрик\w*"),
        (r"шын|шынды[қғ]\w*|ақиқат\w*|түпнұсқа\w*", r"жалған\w*|өтірі[кг]\w*"),
    ),
    Opposites(
        "correct / wrong",
        (r"correct|correctly|accurate\w*|right", r"wrong\w*|incorrect\w*|inaccura\w*|mistaken\w*|"
         r"erroneous\w*"),
        (r"правильн\w*|верн(?:ый|ая|ое|ые|ого|ых|ым|ую|о)|точн(?:ый|ая|ое|ые|ого|ых|ым|ую)",
         r"неправильн\w*|неверн\w*|ошибочн\w*|неточн\w*"),
        (r"дұрыс\w*", r"бұрыс\w*"),
    ),
    Opposites(
        "cheap / expensive",
        (r"cheap\w*|inexpensive|affordabl\w*",
         r"expensive|costl\w*|pric[ie]er|priciest|pricey"),
        # Not дорогой or дороги: also "by road" and "roads".
        (r"дешев\w*|дешёв\w*|удешев\w*|подешев\w*|недорог\w*",
         r"дорог(?:ая|ое|ие|ого|их|им|ими|ую|ом)|дороже|дорогостоящ\w*|подорож\w*|удорож\w*"),
        (r"арзан\w*", r"қымбат\w*"),
    ),
    Opposites(
        "easy / difficult",
        (r"eas(?:y|ier|iest|ily)|simple|simpler|simplest|effortless\w*",
         r"difficult\w*|hard|harder|hardest|tough\w*|complicated|complex"),
        (r"легк(?:ий|ая|ое|ие|ого|их|им|ую|о)|лёгк(?:ий|ая|ое|ие|ого|их|им|ую|о)|легче|"
         r"несложн\w*|упрощ\w*|упрост\w*",
         r"трудн\w*|сложн\w*|затрудн\w*|усложн\w*|тяж[её]л\w*"),
        (r"оңай\w*|қарапайым\w*|жеңілдет\w*", r"қиын\w*|күрделі\w*|қиынд\w*"),
    ),
    Opposites(
        "heavy / light",
        (r"heav(?:y|ier|iest|ily)|heavyweight",
         r"light|lighter|lightest|lightweight|lightly"),
        (r"тяжел\w*|тяжёл\w*|тяжест\w*", r"легк(?:ий|ая|ое|ие|ого|их|им|ую|о)|лёгк\w*"),
        # Not ауыр- as a stem: ауырады is "it hurts". Not жеңіл-: жеңілді is "lost". Not қатты
        # ("heavy rain"): it is also "strongly", "loud", "hard".
        (r"ауыр|ауырлы\w*|ауырлау|ауырырақ", r"жеңіл"),
    ),
    Opposites(
        "clean / dirty",
        (r"clean(?:er|est|ed|ing|liness)?|pure|purif\w*",
         r"dirt\w*|pollut\w*|contaminat\w*|filth\w*"),
        (r"чист(?:ый|ая|ое|ые|ого|ых|ым|ую|о|ота|оты|оту|ит\w*|к\w*)|очист\w*|очищ\w*",
         r"грязн\w*|загрязн\w*"),
        (r"таза\w*", r"лас|ласта\w*|ластан\w*"),
    ),
    Opposites(
        "full / empty",
        (r"full|fuller|filled|crowded|packed", r"empty|emptied|vacant|deserted"),
        (r"полн(?:ый|ая|ое|ые|ого|ых|ым|ую|ом|ыми|ост\w*)|заполн\w*|переполн\w*",
         r"пуст(?:ой|ая|ое|ые|ого|ых|ым|ую|ом|ыми|ует|уют|ует|ы|о|ел\w*|ошь\w*)|опустел\w*"),
        (r"толы|толы\w*|толтыр\w*", r"бос|бос(?:тық|ы|қа|қан)|босаған\w*"),
    ),
    Opposites(
        "full / partial",
        (r"full|fully|complete|completely|total|totally|entire|entirely",
         r"partial\w*|partly|incomplete\w*"),
        (r"полн(?:ый|ая|ое|ые|ого|ых|ым|ую|ом|ыми|ост\w*)|целиком|всецело",
         r"частичн\w*|отчасти|неполн\w*"),
        (r"толы[қғ]\w*|толығымен|түгел\w*", r"ішінара|жартылай"),
    ),
    Opposites(
        "wet / dry",
        (r"wet|wetter|wettest|humid\w*|moist\w*|damp\w*|rain(?:y|ier)",
         r"dry|drier|driest|dried|drought\w*|arid"),
        (r"влажн\w*|мокр\w*|сыро(?:й|го|му|м)|дождлив\w*", r"сух(?:ой|ая|ое|ие|ого|их|им|ую|о)|"
         r"засух\w*|засушлив\w*|высох\w*|высыха\w*|суше"),
        (r"ылғал\w*|дымқыл\w*", r"құрға[қғ]\w*|құрғап|құрғады|құрғау\w*|құрғат\w*"),
    ),
    Opposites(
        "deep / shallow",
        (r"deep|deeper|deepest|deeply|depth\w*", r"shallow\w*"),
        (r"глубок\w*|глубин\w*|глубж\w*|углуб\w*", r"мелк(?:ий|ая|ое|ие|ого|их|им|ую|о)|"
         r"мелководн\w*|мелеет|обмелел\w*"),
        (r"терең\w*", r"таяз\w*"),
    ),
    Opposites(
        "thick / thin",
        (r"thick|thicker|thickest|thickness|fat|fatter|dense|denser",
         r"thin|thinner|thinnest|thinly|slim\w*|sparse\w*"),
        (r"толст\w*|плотн\w*|густ\w*",
         r"тонк\w*|худ(?:ой|ая|ые|ого|ых)|редк(?:ий|ая|ое|ие|ого|их)"),
        (r"қалың|қалыңдығы\w*|жуан\w*", r"жұқа\w*|ары[қғ]\w*|сирек"),
    ),
    Opposites(
        "loud / quiet",
        (r"loud|louder|loudest|loudly|noisy|noisier|noise", r"quiet\w*|silent\w*|silence"),
        (r"громк\w*|громч\w*|шумн\w*|шум|шума|шумом", r"тих(?:ий|ая|ое|ие|ого|их|им|ую|о)|тише|"
         r"бесшумн\w*|тишин\w*|молча\w*|молчал\w*"),
        (r"шулы\w*|шу|шуы\w*|дауыстап", r"тыныш\w*|үнсіз\w*|ақырын"),
    ),
    Opposites(
        "bright / dark",
        (r"bright\w*|light|lit|illuminat\w*|sunny", r"dark\w*|dim|dimmer|gloom\w*"),
        (r"светл\w*|ярк\w*|освещ\w*|солнечн\w*", r"т[её]мн\w*|мрачн\w*|сумрак\w*"),
        (r"жарық|жарықта|жарығы\w*|ашы[қғ]\w*", r"қараңғы\w*|күңгірт\w*"),
    ),
    Opposites(
        "happy / sad",
        (r"happ(?:y|ier|iest|ily|iness)|glad|joy\w*|cheerful\w*|delight\w*",
         r"sad|sadder|saddest|sadly|sadness|unhapp\w*|sorrow\w*|grief|griev\w*|mourn\w*"),
        (r"счастл?[иь]\w*|радост\w*|рад|рада|рады|радова\w*|радуе\w*|весел\w*|весёл\w*",
         r"грустн\w*|грусть\w*|печал\w*|несчаст\w*|скорб\w*|траур\w*"),
        (r"бақытты\w*|бақыт|қуан\w*|шатты[қғ]\w*", r"қайғы\w*|мұң\w*|қасірет\w*|аза"),
    ),
    Opposites(
        "beautiful / ugly",
        (r"beautiful\w*|beauty|pretty|lovely|handsome", r"ugl(?:y|ier|iest|iness)|hideous"),
        (r"красив\w*|красот\w*|прекрасн\w*", r"уродлив\w*|некрасив\w*|безобразн\w*"),
        (r"әдемі\w*|сұлу\w*|көрікті\w*", r"ұсқынсыз\w*|көріксіз\w*"),
    ),
    Opposites(
        "clever / stupid",
        (r"clever\w*|smart|smarter|smartest|intelligent\w*|wise|wiser|wisest|wisdom",
         r"stupid\w*|foolish\w*|dumb|idiot\w*"),
        (r"умн(?:ый|ая|ое|ые|ого|ых|ым|ую|ее|ейш\w*|ица)|мудр\w*", r"глуп\w*"),
        (r"ақылды\w*|дана\w*", r"ақыма[қғ]\w*|ақылсыз\w*|топас\w*"),
    ),
    Opposites(
        "brave / cowardly",
        (r"brave\w*|braver\w*|courag\w*|bold|bolder|boldly|fearless\w*",
         r"coward\w*|fearful\w*|timid\w*"),
        (r"смел\w*|храбр\w*|отважн\w*|бесстраш\w*|мужествен\w*", r"трус\w*|робк\w*"),
        (r"батыл\w*|ержүре[кг]\w*|қаһарман\w*", r"қорқа[қғ]\w*"),
    ),
    Opposites(
        "polite / rude",
        (r"polite\w*|courteous\w*", r"rude\w*|impolite\w*|insult\w*"),
        (r"вежлив\w*|учтив\w*", r"груб\w*|хамск\w*|хамств\w*"),
        (r"сыпайы\w*|әдепті\w*", r"дөрекі\w*|әдепсіз\w*"),
    ),
    Opposites(
        "soft / hard",
        (r"soft|softer|softest|softly|soften\w*|mild|milder|mildest|mildly|lenien\w*|"
         r"relax(?:ed|es|ing|ation)?|eas(?:e|ed|ing)",
         r"hard|harder|hardest|harsh\w*|strict\w*|stiff\w*|rigid\w*|tough\w*|tighten\w*|"
         r"solid"),
        (r"мягк\w*|мягч\w*|смягч\w*|ослабл(?:ени|я)\w*|послабл\w*|расслаб\w*",
         r"ж[её]стк\w*|жестч\w*|ужесточ\w*|строг\w*|тв[её]рд\w*"),
        (r"жұмса[қғ]\w*|жұмсарт\w*|жұмсар\w*", r"қатаң\w*|қатайт\w*"),
    ),
    Opposites(
        "sweet / bitter",
        (r"sweet\w*", r"bitter\w*|sour\w*"),
        (r"сладк\w*|слаще", r"горьк\w*|горечь\w*|кисл\w*"),
        (r"тәтті\w*", r"ащы\w*|қышқыл\w*"),
    ),
    Opposites(
        "healthy / sick",
        (r"healthy|healthier|healthiest|recover(?:s|ed|ing|y)?|cured?",
         r"sick\w*|ill|illness\w*|disease\w*|ailing|unhealthy|infected"),
        (r"здоров\w*|выздоров\w*|оздоров\w*|вылеч\w*|излеч\w*",
         r"болен|больн(?!иц)\w*|болезн\w*|заболе\w*|заболева\w*|хвор\w*|нездоров\w*"),
        (r"сау|сауықт\w*|айықт\w*",
         r"ауру(?!хана)\w*|науқас\w*|сырқат\w*|ауырып|ауырған\w*|ауырады"),
    ),
    Opposites(
        "white / black",
        (r"white|whiter|whitest", r"black|blacker|blackest"),
        (r"бел(?:ый|ая|ое|ые|ого|ой|ых|ым|ую|ом|ыми)|белоснежн\w*",
         r"ч[её]рн(?:ый|ая|ое|ые|ого|ой|ых|ым|ую|ом|ыми)"),
        (r"ақ", r"қара"),
    ),
    Opposites(
        "same / different",
        (r"same|identical\w*|similar\w*|alike", r"different\w*|differ\w*|distinct\w*|dissimilar"),
        (r"одинаков\w*|идентичн\w*|аналогичн\w*|схож\w*|похож\w*|сходн\w*",
         r"различн\w*|разн(?:ый|ая|ое|ые|ых|ым|ыми|ого|ой|ую|ица\w*)|отлича\w*|отличи[яе]\w*|иначе|"
         r"непохож\w*|неодинаков\w*"),
        (r"бірдей\w*|ұқсас\w*", r"әртүрлі\w*|түрлі\w*|айырмашылы\w*|өзгеше\w*|ерекшеленет\w*"),
    ),
    Opposites(
        "known / unknown",
        (r"known|famous|identified", r"unknown|unidentified|anonymous\w*|obscure"),
        (r"известн\w*|знаменит\w*|опознан\w*", r"неизвестн\w*|аноним\w*|неопознан\w*|безымян\w*"),
        (r"белгілі\w*|танымал\w*|әйгілі\w*", r"белгісіз\w*|беймәлім\w*|аноним\w*"),
    ),
    Opposites(
        "official / unofficial",
        (r"official|officially|formal|formally", r"unofficial\w*|informal\w*"),
        (r"официальн\w*|формальн\w*", r"неофициальн\w*|неформальн\w*"),
        (r"ресми\w*", r"бейресми\w*"),
    ),
    Opposites(
        "direct / indirect",
        (r"direct|directly", r"indirect\w*"),
        (r"прям(?:ой|ая|ое|ые|ых|ым|ого|ую|ыми)|непосредственн\w*", r"косвенн\w*|опосредован\w*"),
        (r"тікелей", r"жанама\w*"),
    ),
    Opposites(
        "active / passive",
        (r"active|actively|activity|activities", r"passive\w*|inactive\w*|inactivity|dormant"),
        (r"активн\w*|деятельн\w*", r"пассивн\w*|бездейств\w*|неактивн\w*"),
        (r"белсенді\w*|белсенділі\w*", r"енжар\w*|пассив\w*|әрекетсіз\w*"),
    ),
    Opposites(
        "optimistic / pessimistic",
        (r"optimis\w*|hopeful\w*", r"pessimis\w*|gloomy"),
        (r"оптимис\w*", r"пессимис\w*"),
        (r"оптимис\w*", r"пессимис\w*"),
    ),
    Opposites(
        "stable / unstable",
        (r"stable|stability|stabl\w*|stabilis\w*|stabiliz\w*|steady|steadily",
         r"unstable|instability|volatil\w*|unsteady|turbulen\w*"),
        (r"стабил\w*|устойчив\w*", r"нестабил\w*|неустойчив\w*|волатил\w*"),
        (r"тұрақты\w*|тұрақтан\w*", r"тұрақсыз\w*"),
    ),
    Opposites(
        "dependent / independent",
        (r"dependent|dependence|dependency|depend(?:s|ed|ing)?|reliant",
         r"independen\w*"),
        (r"зависим\w*|зависит|зависят|зависел\w*", r"независим\w*|самостоятельн\w*"),
        (r"тәуелді\w*|тәуелділі\w*", r"тәуелсіз\w*|дербес\w*"),
    ),
    Opposites(
        "mandatory / voluntary",
        (r"mandator\w*|compulsor\w*|obligator\w*|required|forced",
         r"voluntar\w*|optional\w*|volunteer\w*"),
        (r"обязательн\w*|принудительн\w*|принуд\w*|вынужден\w*", r"добровольн\w*|доброволец\w*|"
         r"добровольц\w*|необязательн\w*"),
        (r"міндетті\w*|мәжбүрл\w*", r"ерікті\w*"),
    ),
    Opposites(
        "natural / artificial",
        (r"natural|naturally", r"artificial\w*|synthetic\w*"),
        (r"естествен\w*|природн\w*|натуральн\w*", r"искусствен\w*|синтетич\w*"),
        (r"табиғи\w*", r"жасанды\w*|синтетика\w*"),
    ),
    Opposites(
        "usual / unusual",
        (r"usual|usually|ordinary|normal|normally|typical\w*|routine",
         r"unusual\w*|extraordinar\w*|abnormal\w*|atypical\w*|unprecedented|exceptional\w*"),
        (r"обычн\w*|обыкновен\w*|нормальн\w*|типичн\w*|привычн\w*",
         r"необычн\w*|необыкновен\w*|беспрецедентн\w*|аномальн\w*|нетипичн\w*"),
        (r"әдеттегі\w*|қалыпты\w*|әдетте", r"ерекше\w*|әдеттен"),
    ),
    Opposites(
        "important / minor",
        (r"important|importance|significant\w*|crucial|major|substantial\w*|considerabl\w*",
         r"minor|insignificant\w*|trivial\w*|negligible|unimportant|marginal\w*|slight\w*|"
         r"modest\w*"),
        (r"важн\w*|значим\w*|значительн\w*|существенн\w*|ключев\w*",
         r"незначительн\w*|второстепенн\w*|несущественн\w*|ничтожн\w*|неважн\w*|"
         r"пустяков\w*"),
        (r"маңызды\w*|елеулі\w*|айтарлықтай", r"маңызсыз\w*|болмашы\w*|елеусіз\w*|сәл|аздап|"
         r"шамалы"),
    ),
    Opposites(
        "interesting / boring",
        (r"interesting|interested|fascinat\w*|exciting|excited",
         r"boring|bored|boredom|dull|tedious"),
        (r"интересн\w*|увлекательн\w*|занимательн\w*", r"скучн\w*|скук\w*|неинтересн\w*"),
        (r"қызықты\w*|қызығушылы\w*", r"жалықтыр\w*|зері[кг]\w*|қызықсыз\w*"),
    ),
    Opposites(
        "free / paid",
        (r"free|freely|gratis", r"paid|paying"),
        (r"бесплатн\w*|безвозмездн\w*", r"платн\w*|возмездн\w*"),
        (r"тегін\w*", r"ақылы\w*"),
    ),
    Opposites(
        "urban / rural",
        (r"urban\w*|metropolitan",
         r"rural\w*|countryside|village\w*|villager\w*"),
        (r"городск\w*|урбан\w*", r"сельск\w*|деревен\w*|деревн\w*|сел(?:о|а|е|ом|ах)"),
        (r"қалалы[қғ]\w*", r"ауыл|ауылды[қғ]\w*|ауылда\w*|ауылы\w*|ауылдар\w*"),
    ),
    Opposites(
        "military / civilian",
        (r"military|army|troops|soldiers?|combatants?",
         r"civilians?|noncombatants?"),
        (r"военн\w*|военнослужащ\w*|солдат\w*|армейск\w*",
         r"мирн\w*жител\w*|гражданск\w*(?:лиц|населени)\w*"),
        (r"әскери\w*|сарбаз\w*|әскер\w*", r"бейбіттұрғын\w*"),
    ),
    Opposites(
        "upper / lower",
        (r"upper|top|uppermost|upstairs", r"lower|bottom|lowermost|downstairs"),
        (r"верхн\w*|наверху|верх", r"нижн\w*|внизу|низ"),
        (r"жоғарғы\w*|үстіңгі\w*", r"төменгі\w*|астыңғы\w*"),
    ),
    Opposites(
        "front / rear",
        (r"front|fronts|frontal|forward|forwards",
         r"rear|back|backs|backward\w*|behind"),
        (r"передн\w*|впер[её]д|спереди", r"задн\w*|сзади|позади"),
        (r"алдыңғы|алға", r"артқы|артқа|артта"),
    ),
    Opposites(
        "near / far",
        (r"near|nearer|nearest|nearby|close|closer|closest|neighbouring|neighboring|adjacent",
         r"far|farther|farthest|faraway|distant|remote"),
        (r"близк\w*|близ(?:ок|ко)|ближ\w*|поблизости|неподал[её]к\w*|соседн\w*|рядом",
         r"дал[её]к(?:ий|ая|ое|ие|их|им|ого|ой|ую|о)|отдал[её]нн\w*|"
         r"дальн(?:ий|яя|ее|их|ие|его|ему|ем|им|ими|ей|юю)"),
        (r"жақын|жақынғы|жақындағы|жақын(?:нан|ға)|маңайдағы|маңында\w*|маңы|жанында\w*|"
         r"жанынан|көршілес\w*",
         r"алыс\w*|шалғай\w*|арғы"),
    ),
    Opposites(
        "left / right",
        (r"left|leftist\w*", r"right|rightist\w*"),
        (r"лев(?:ый|ая|ое|ые|ого|ой|ых|ом|ую|ым|ыми)|левее|слева|налево|левоцентрист\w*",
         r"прав(?:ый|ое|ые|ого|ой|ых|ом|ую|ым|ыми)|правее|справа|направо|правоцентрист\w*"),
        (r"солжа[қғ]\w*|солға|солдан", r"оңжа[қғ]\w*|оңға|оңнан"),
    ),
    Opposites(
        "senior / junior",
        (r"senior\w*|elder|eldest", r"junior\w*|younger|youngest"),
        (r"старш(?:ий|ая|ее|ие|его|ей|их|им|ую|ими|ем)", r"младш\w*"),
        (r"үлкені", r"кенже\w*|кішісі"),
    ),
    Opposites(
        "solid / liquid",
        (r"solids?|solidif\w*", r"liquids?|liquef\w*|fluids?"),
        (r"тв[её]рд(?:ый|ая|ое|ые|ого|ых|ым|ую|ом)|затверд\w*", r"жидк\w*|жидкост\w*"),
        (r"қатты", r"сұйы[қғ]\w*"),
    ),
    Opposites(
        "vertical / horizontal",
        (r"vertical\w*", r"horizontal\w*"),
        (r"вертикал\w*", r"горизонтал\w*"),
        (r"вертикал\w*|тігінен", r"горизонтал\w*|көлденең\w*"),
    ),
    Opposites(
        "online / offline",
        (r"online|virtual\w*|remote|remotely", r"offline"),
        (r"онлайн\w*|дистанционн\w*|виртуальн\w*|удал[её]нн\w*", r"офлайн\w*|оффлайн\w*|"
         r"очн(?:ый|ая|ое|ые|ого|ых|ым|ую|о)"),
        (r"онлайн\w*|қашықтан|виртуал\w*", r"офлайн\w*"),
    ),
    Opposites(
        "conservative / liberal",
        (r"conservativ\w*|traditionalist\w*", r"liberal\w*|progressiv\w*"),
        (r"консерват\w*", r"либерал\w*|прогрессивн\w*"),
        (r"консерват\w*", r"либерал\w*"),
    ),
    # --- Verbs ---
    Opposites(
        "agree / refuse",
        (r"agree(?:s|d|ing|ment|ments)?|consent\w*", r"refus\w*|disagree\w*"),
        (r"согласил\w*|согласи(?:тся|лся|лась|лись|ться|е|я)|соглаша\w*|соглашени\w*|"
         r"согласен|согласна|согласны",
         r"отказ\w*|несоглас\w*"),
        # бас тарт- "refuse" is joined into one word before matching.
        (r"келісті|келісім\w*|келіс(?:ті|іп|кен|еді|ады|у)\w*", r"бастарт\w*"),
    ),
    Opposites(
        "remember / forget",
        (r"remember\w*|recall(?:s|ed|ing)?|memor(?:y|ies|ise\w*|ize\w*|able)",
         r"forg[eo]t\w*"),
        (r"помн\w*|запомн\w*|вспомн\w*|вспомина\w*|воспомина\w*|памят(?:ь|и|ью)",
         r"забы\w*|забыв\w*|забвени\w*"),
        (r"есте\w*|еске\w*|естелі[кг]\w*", r"ұмыт\w*"),
    ),
    Opposites(
        "arrive / depart",
        (r"arriv\w*", r"depart(?:s|ed|ing|ure|ures)?"),
        (r"прибы(?:л|ла|ли|ло|ть|вает|вают|вающ\w*|ти\w*|вши\w*)|приезж\w*|приехал\w*|"
         r"прилет\w*|прилёт\w*|прилета\w*",
         r"уехал\w*|уезжа\w*|отбыл\w*|отбыти\w*|отбыва(?:ет|ют)|улетел\w*|улета\w*|"
         r"вылет\w*|отправлени\w*"),
        (r"келіпжетті|жетті|келді", r"аттанды|аттанып"),
    ),
    Opposites(
        "join / leave",
        (r"join(?:s|ed|ing)?|enter(?:s|ed|ing)?|entry|entrance|accession",
         r"withdr[ae]w\w*|exit\w*|quit|quits|quitting|leav(?:e|es|ing)|left|seced\w*|secession\w*"),
        (r"вступ(?:ил|ила|или|ит|ят|ать|ает|ают|ление\w*|лени\w*)|присоедин\w*|"
         r"войд\w*|вош(?:ел|ёл|ла|ли)|въезд\w*|въех\w*",
         r"вышл[аио]|вышел|выйд\w*|выйти|выход(?:а|ом|е|ит|ят|ить)?|"
         r"вывод(?:а|ом|е|ит|ят|ить)?|покинул\w*|покида\w*|покинут\w*"),
        (r"кірді|кіріп|кірген\w*|кіру\w*|қосылды|қосылып|қосылған\w*|қосылу\w*",
         r"кететін\w*"),
    ),
    Opposites(
        "push / pull",
        (r"push(?:es|ed|ing)?", r"pull(?:s|ed|ing)?"),
        (r"толкн\w*|толка\w*|выталк\w*", r"тян(?:ет|ут|уть|ул|ула|ули)|потян\w*|вытян\w*|вытяг\w*"),
        (r"итер\w*", r"тартты|тартып|тартқан\w*"),
    ),
    Opposites(
        "attack / defend",
        (r"attack\w*|assault\w*|offensive\w*|invad\w*|invasion\w*|raid\w*|strik(?:e|es|ing)",
         r"defen[cs]\w*|defend\w*|protect\w*|guard\w*"),
        (r"атак\w*|напад\w*|наступлени\w*|вторжени\w*|вторгл\w*|штурм\w*",
         r"защит\w*|защищ\w*|оборон\w*|охран\w*|правозащит\w*"),
        (r"шабуыл\w*|басыпкір\w*|соққы\w*", r"қорға\w*|қорған\w*"),
    ),
    Opposites(
        "appear / disappear",
        (r"appear(?:s|ed|ing|ance)?|emerg\w*", r"disappear\w*|vanish\w*|missing"),
        (r"появ\w*|возник\w*", r"исчез\w*|пропа(?:л|ла|ли|ло|вш\w*|дает|дают|сть)|пропавш\w*|"
         r"пропаж\w*"),
        (r"пайдабол\w*", r"жоғал\w*|ғайы[пб]\w*"),
    ),
    Opposites(
        "send / receive",
        (r"send|sends|sent|sending|ship(?:s|ped|ping)?|deliver\w*|dispatch\w*",
         r"receiv\w*|obtain\w*"),
        (r"отправ(?:ил|ила|или|ит|ят|ить|лен\w*|ля\w*)|присла\w*|присыла\w*|высла\w*|"
         r"доставил\w*|доставля\w*",
         r"получ\w*"),
        (r"жіберді|жіберіп|жіберген\w*|жіберу\w*|жіберіл\w*", ""),
    ),
    Opposites(
        "stop / continue",
        (r"stop(?:s|ped|ping)?|halt(?:s|ed|ing)?|suspen[ds]\w*|ceas(?:e|es|ed|ing)|paus\w*",
         r"continu\w*|resum\w*"),
        (r"прекрат\w*|прекращ\w*|останов\w*|приостанов\w*|перестал\w*|перестан\w*",
         r"продолж(?!ительн)\w*|возобнов\w*"),
        (r"тоқтат\w*|тоқтады|тоқтап|тоқтаған\w*|тоқтау\w*", r"жалғас\w*|жалғаст\w*"),
    ),
    Opposites(
        "arrest / release",
        (r"arrest\w*|detain\w*|detention|jail\w*|imprison\w*|captur\w*|custody",
         r"releas(?:ed|ing)|freed|freeing|acquit\w*"),
        (r"арест\w*|задержа(?:л|ла|ли|н|на|ны|ни\w*|нн\w*|ть|в)|задержив\w*|заключ[её]нн\w*|"
         r"пленен\w*|пленн\w*|схвач\w*",
         r"освобод\w*|освобожд\w*|отпусти\w*|отпуст(?:ил|или|ят)\w*|выпусти\w*|отпущен\w*"),
        (r"ұстал\w*|ұстады|қамау\w*|қамал\w*|қамауға|тұтқын\w*", r"босат\w*|бостанды[қғ]\w*"),
    ),
    Opposites(
        "appoint / dismiss",
        (r"appoint\w*|hir(?:e|es|ed|ing)|nominat\w*|elect(?:s|ed|ing)?",
         r"dismiss\w*|fired|sack(?:s|ed|ing)?|oust\w*|resign\w*"),
        (r"назнач\w*|избра\w*|избира\w*",
         r"уволи\w*|увольн\w*|отставк\w*|отстран\w*|смещ[её]н\w*"),
        (r"тағайында\w*|сайлан\w*|сайлады", r"босатыл\w*|қызметтен|отставка\w*|отставкаға"),
    ),
    Opposites(
        "improve / worsen",
        (r"improv\w*|better|enhanc\w*|recover\w*", r"worsen\w*|deteriorat\w*|aggravat\w*|worse"),
        (r"улучш\w*|лучше|оздоров\w*", r"ухудш\w*|хуже|обостр\w*|усугуб\w*"),
        (r"жақсар\w*|жақсырақ", r"нашарла\w*|нашар|нашарырақ|ушы[қғ]\w*|шиеленіс\w*"),
    ),
    Opposites(
        "born / died",
        (r"born|birth\w*|newborn\w*", r"die|died|dies|dying|death\w*|deceased|passedaway"),
        (r"род(?:ился|илась|ились|ится|ятся)|рожд(?:ени|ен|ён|а|ае)\w*|новорожд\w*",
         r"умер\w*|умир\w*|смерт\w*|скончал\w*|кончин\w*"),
        (r"туды|туылды|туылған\w*|туылу\w*|дүниегекел\w*",
         r"қайтыс\w*|өлді|өлген\w*|өлім\w*|дүниеденөт\w*"),
    ),
    Opposites(
        "introduce / abolish",
        (r"introduc\w*|impos\w*|establish\w*|instat\w*|enact\w*",
         r"abolish\w*|abolition|cancel\w*|lift(?:s|ed|ing)?|repeal\w*|scrap\w*|revok\w*|"
         r"rescind\w*|annul\w*"),
        (r"вв[её]л|ввел[аи]|ввест\w*|введ[её]н\w*|введени\w*|вводит|вводят|вводи(?:ть|л|ла|ли)|"
         r"введ[уеё]т|учреди\w*|учрежд\w*",
         r"отмен\w*|упраздн\w*|аннулир\w*|снял(?:а|и)?|сняти\w*"),
        (r"енгіз\w*", r"жойды|жойылды|жойылған\w*|жою\w*|күшінжой\w*|алыптаста\w*"),
    ),
    Opposites(
        "build / destroy",
        (r"build|builds|built|builders?|rebuil[dt]\w*|construct(?:s|ed|ing)?|creat(?:e|es|ed|ing)|"
         r"erect(?:s|ed|ing)?|restor\w*",
         r"destr[ou]\w*|demolish\w*|demolition\w*|ruin\w*|wreck\w*|razed"),
        (r"постро\w*|строи\w*|строительств\w*|созда\w*|сооруж\w*|восстанов\w*|возвед\w*",
         r"разруш\w*|уничтож\w*|снес(?:ли|ен\w*|ти|л|ут|ет)|снос|сноса|сносу|сносом|сносе"),
        (r"салды|салынды|салынған\w*|салу|құрылыс\w*|тұрғыз\w*|қалпына",
         r"қират\w*|қирады|қираған\w*|жойды|жойылды|жойылған\w*|бұзылды|бұзды"),
    ),
    Opposites(
        "advance / retreat",
        (r"advanc\w*|offensive", r"retreat\w*|withdr[ae]w\w*"),
        (r"наступ(?:ают|ает|али|ал|ила|ление\w*|лени\w*|ательн\w*)|продвига\w*|продвинул\w*|"
         r"продвижени\w*",
         r"отступ(?:ил|или|ает|ают|ать|ление|лени\w*|ают)|отход(?:ит|ят)|отош(?:ли|[её]л)"),
        (r"алғажылж\w*|ілгерле\w*", r"шегін\w*|шегіне\w*"),
    ),
    Opposites(
        "hide / reveal",
        (r"hid(?:e|es|den|ing)|hid|conceal\w*|secret|secrets|secretly|secretive|secrecy|covert\w*",
         r"reveal\w*|disclos\w*|expos(?:e|ed|es|ing|ure)|uncover\w*|unveil\w*|publish\w*"),
        (r"скры(?:л|ла|ли|т|ть|ва\w*|ты|та|то|тый|тая|тые|тых|тно)|утаи\w*|утаив\w*|"
         r"засекреч\w*|секретн\w*|тайн(?:ый|ая|ое|ые|о|ых|ым|ого|ую)",
         r"раскры\w*|обнаро\w*|разоблач\w*|опубликова\w*"),
        (r"жасыр\w*|құпия\w*", r"әшкере\w*|жария\w*"),
    ),
    Opposites(
        "marry / divorce",
        (r"marr(?:y|ies|ied|ying|iage\w*)|wedding\w*|wed", r"divorc\w*"),
        (r"жени(?:лся|ться|тся|лись|х|ха)\w*|женат\w*|замуж\w*|свадьб\w*|свадеб\w*",
         r"развод\w*|развел(?:ся|ась|ись)|развёл\w*|расторг\w*"),
        (r"үйлен\w*|тұрмысқа", r"ажырас\w*"),
    ),
    Opposites(
        "laugh / cry",
        (r"laugh\w*|smil(?:e|es|ed|ing)",
         r"cr(?:y|ies|ied|ying)|weep\w*|wept|tears|sob(?:s|bed|bing)"),
        (r"сме(?:х|ял|ёт|ются|ется|яться|яли|ялся|ялась|ялись)\w*|улыб\w*|хохот\w*",
         r"плак\w*|плач\w*|сл[её]з(?:ы|ами|ах|ам)|рыда\w*"),
        (r"күлді|күліп|күлкі\w*|күлген\w*|күледі|жымий\w*", r"жыла(?:ды|п|йды|ған|у)\w*"),
    ),
    Opposites(
        "earn / spend",
        (r"earn\w*|sav(?:e|es|ed|ing|ings)|income\w*|revenue\w*",
         r"spen[dt]\w*|spending|wast(?:e|es|ed|ing|eful)|expens(?:e|es)|expenditure\w*"),
        (r"зараб\w*|эконом(?:ить|ят|ит|ил|ила|или|ия|ии|ию)|сэконом\w*|сбереж\w*|сберег\w*|"
         r"доход(?:ы|ов|ам|ами|ах|а|у|ом|е)?",
         r"трат\w*|потрат\w*|растрат\w*|израсход\w*|расход(?:ы|ов|ам|ами|ах|а|у|ом|е|ова\w*)?|"
         r"затрат\w*"),
        (r"үнемде\w*|үнемді\w*|табыс(?!ты)\w*|кіріс\w*", r"жұмса\w*|шығыс(?:ы|тар\w*)|шығын\w*"),
    ),
    Opposites(
        "praise / criticize",
        (r"prais\w*|commend\w*|applaud\w*|laud\w*|hail(?:s|ed)?",
         r"critici[sz]\w*|criticism\w*|condemn\w*|denounc\w*|blam\w*|slam(?:s|med)?"),
        (r"хвал\w*|похвал\w*|восхвал\w*|одобрительн\w*|приветствова\w*",
         r"критик\w*|раскритик\w*|осуди(?:л|ла|ли|ть)|осужда\w*|порица\w*|обвин\w*"),
        (r"мақтады|мақтау\w*|мақтап|мақтан\w*", r"сынады|сынға|сынау\w*|сынап|айыпта\w*"),
    ),
    Opposites(
        "hope / fear",
        (r"hop(?:e|es|ed|ing|eful\w*)",
         r"fear\w*|afraid|dread\w*|scar(?:ed|y)|anxi\w*|worr(?:y|ies|ied)"),
        (r"надежд\w*|наде(?:юсь|ются|ется|ялся|ялась|ялись|яться|емся)|надея\w*",
         r"страх(?!ов)\w*|опаса\w*|опасени\w*|бо(?:ится|ятся|ялся|ялась|ялись|юсь|имся|яться)|"
         r"боязн\w*|тревог\w*|тревож\w*|испуг\w*"),
        (r"үміт(?!кер)\w*", r"қорқ\w*|үрей\w*|алаңда\w*|мазасызд\w*"),
    ),
    Opposites(
        "love / hate",
        (r"lov(?:e|es|ed|ing)|ador\w*", r"hat(?:e|es|ed|red|ing)|detest\w*|loath\w*"),
        (r"любов\w*|любв\w*|люб(?:ит|ят|лю|ил|ила|или|ить|и|имый|имая|имое|имые|имого|имых|имым)|"
         r"обожа\w*",
         r"ненави\w*"),
        (r"сүйді|сүйеді|сүйген\w*|сүйіп|махаббат\w*", r"жеккөр\w*|өшпенді\w*"),
    ),
    Opposites(
        "ask / answer",
        (r"ask(?:s|ed|ing)?|question(?:s|ed|ing)?|inquir\w*|enquir\w*",
         r"answer\w*|repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|responses?"),
        (r"спрос(?:ил|ила|или|ят|ит|ить)|спрашива\w*|вопрос\w*|запрос\w*",
         r"ответ(?!ствен)\w*|отвеча\w*|отвеч\w*"),
        (r"сұрады|сұрап|сұраған\w*|сұра[қғ]\w*|сауал|сауалы|сауалға|сауалдар\w*|жауапал\w*",
         r"жауа[пб](?!ал)\w*"),
    ),
    Opposites(
        "reward / punish",
        (r"reward\w*|award\w*|prize\w*|honou?r(?:s|ed)?",
         r"punish\w*|penal\w*|sanction\w*|fine(?:s|d)?"),
        (r"награ[дж]\w*|поощр\w*|преми(?:я|и|ю|ей|ровал\w*)",
         r"наказ\w*|штраф\w*|санкци\w*|взыскани\w*"),
        (r"марапат\w*|сыйлы[қғ]\w*", r"жаза|жазасы\w*|жазаға|жазалау\w*|жазалан\w*|айыппұл\w*"),
    ),
    Opposites(
        "wake / sleep",
        (r"awake\w*|wak(?:e|es|ing)|woke\w*", r"asleep|sleep\w*|slept"),
        (r"просну\w*|просып\w*|бодрств\w*|разбуди\w*", r"сп(?:ит|ят|ал|ала|али|ать|ящ\w*)|усну\w*|"
         r"засну\w*|засыпа\w*|сон|сна|сне|сном|сонн\w*"),
        (r"оянды|оянып|ояну\w*|ояу", r"ұйықта\w*|ұйқы\w*"),
    ),
    Opposites(
        "borrow / lend",
        (r"borrow\w*", r"lend\w*|lent|creditor\w*"),
        (r"заимств\w*|за[её]мщик\w*", r"кредитова\w*|кредитор\w*"),
        (r"қарызал\w*|қарызғаал\w*", r"қарызғабер\w*|несиебер\w*"),
    ),
    Opposites(
        "connect / disconnect",
        (r"connect(?:s|ed|ing|ion|ions)?|switch\w*on|turn\w*on",
         r"disconnect\w*|cut\w*off|switch\w*off|turn\w*off|outage\w*|blackout\w*"),
        (r"подключ\w*|включ(?:ил|или|ен|ено|ены|ать)\w*", r"отключ\w*|обесточ\w*"),
        (r"қосылды|қосылған\w*|қосу", r"ажыратыл\w*|ажыратты|өшірілді|өшірді"),
    ),
    Opposites(
        "comply / violate",
        (r"compl(?:y|ies|ied|iance|ying)|obey\w*|observ(?:e|es|ed|ing|ance)|respect(?:s|ed|ing)?",
         r"violat\w*|breach\w*|infring\w*|disobey\w*"),
        (r"соблюд\w*|выполн\w*|исполн\w*", r"наруш\w*"),
        (r"сақта\w*|орында\w*", r"бұз\w*"),
    ),
    Opposites(
        "believe / doubt",
        (r"believ\w*|trust(?:s|ed|ing)?|confiden\w*|convinced|certain|sure",
         r"doubt\w*|distrust\w*|mistrust\w*|skeptic\w*|sceptic\w*|uncertain\w*|unsure|suspici\w*"),
        (r"вер(?:ит|ят|ил|ила|или|ить|ю|им|ишь|ите|а)|уверова\w*|довер(?!енн)\w*|уверен\w*|убежд[её]н\w*",
         r"сомн\w*|сомнева\w*|усомн\w*|скептич\w*|скепсис\w*|недовер\w*|неуверен\w*"),
        (r"сенім(?!сіз)\w*|сенеді|сенді|сенген\w*|сенер\w*", r"күмән\w*|сенімсіз\w*"),
    ),
    # --- Nouns ---
    Opposites(
        "friend / enemy",
        (r"friend\w*|all(?:y|ies|ied)|partner\w*",
         r"enem(?:y|ies)|foes?|hostil\w*|advers(?:ary|aries)|rival\w*"),
        (r"друг|друга|другу|другом|друзья\w*|друзей|дружб\w*|дружеск\w*|дружествен\w*|дружн\w*|"
         r"союзни\w*|партн[её]р\w*",
         r"враг\w*|враж\w*|неприятел\w*|соперни\w*"),
        (r"дос|досы\w*|досым\w*|достар\w*|дост[ыі][қғ]\w*|одақтас\w*|серіктес\w*",
         r"жау|жаулар\w*|жауы|жауға|жаудың|жаумен|жауды|жаулы[қғ]\w*|дұшпан\w*|қарсылас\w*"),
    ),
    Opposites(
        "peace / war",
        (r"peace\w*", r"wars?|warfare|wartime|warring"),
        # Not мир: it is also "world".
        (r"мирн(?!\w*жител)\w*|перемири\w*|примирени\w*",
         r"войн(?:а|ы|у|ой|е|ам|ами|ах)?|воюющ\w*|воюют|воевал\w*"),
        (r"бейбіт(?!тұрғын)\w*|бітім\w*", r"соғыс\w*"),
    ),
    Opposites(
        "day / night",
        (r"day|days|daytime|daily|daylight", r"night\w*|overnight|nocturnal"),
        (r"день|дня|дн[её]м|дни|дней|днях|дневн\w*", r"ночь\w*|ночи|ночн\w*|ночью|ночам"),
        (r"күндіз\w*|күндізгі", r"түн|түнде|түнгі|түні\w*|түнімен|түннің|түнге"),
    ),
    Opposites(
        "summer / winter",
        (r"summer\w*", r"winter\w*"),
        # лет is also "years"; "20-летний" is blanked before matching.
        (r"лето|лета|летом|лете|летн(?:ий|яя|ее|их|ие|его|ем|ему|юю|им|ими|ей)",
         r"зим(?:а|ы|у|ой|е|ам|ами|ах|ний|няя|нее|них|ние|него|нем|нюю|ним|ними|ней)"),
        (r"жазда|жазғы|жаздың|жазы|жазын|жазға", r"қыс|қыста|қысқы|қыстың|қысы|қысын"),
    ),
    Opposites(
        "spring / autumn",
        (r"spring\w*|springtime", r"autumn\w*"),
        (r"весн\w*|весен\w*|вёсн\w*", r"осен\w*|осенн\w*"),
        (r"көктем\w*", r"күз|күзде|күзгі|күздің|күзі|күзін|күзге"),
    ),
    Opposites(
        "morning / evening",
        (r"morning\w*|dawn|sunrise", r"evening\w*|dusk|sunset"),
        (r"утр(?:о|а|ом|е|ам)|утренн\w*|рассвет\w*", r"вечер\w*|закат\w*|сумерк\w*"),
        (r"таңертең\w*|таңғы|таңда|таң", r"кешке|кешкі|кешқұрым\w*|іңір\w*"),
    ),
    Opposites(
        "yesterday / tomorrow",
        (r"yesterday", r"tomorrow"),
        (r"вчера|вчерашн\w*", r"завтра|завтрашн\w*"),
        (r"кеше|кешегі", r"ертең|ертеңгі"),
    ),
    Opposites(
        "previous / next",
        (r"previous\w*|prior|preceding|former\w*|ex", r"next|upcoming|subsequent\w*"),
        (r"предыдущ\w*|прежн\w*|бывш\w*|минувш\w*", r"следующ\w*|предстоящ\w*|грядущ\w*|"
         r"последующ\w*|ближайш\w*"),
        (r"бұрынғы\w*|алдыңғы\w*", r"келесі\w*|алдағы\w*"),
    ),
    Opposites(
        "supply / demand",
        (r"suppl(?:y|ies|ied|ier|iers)", r"demand|demands"),
        (r"поставк\w*|поставля\w*", r"спрос|спроса|спросу|спросом|спросе"),
        (r"жеткізіл\w*", r"сұраныс\w*"),
    ),
    Opposites(
        "surplus / deficit",
        (r"surplus\w*|excess\w*|glut\w*",
         r"deficit\w*|shortage\w*|shortfall\w*|scarcit\w*|lack\w*"),
        (r"профицит\w*|избыт\w*|излиш\w*",
         r"дефицит\w*|нехватк\w*|недостач\w*|недостат(?:ок|ка|ку|ком)"),
        (r"профицит\w*", r"тапшы\w*|дефицит\w*|жетіспеушілі\w*|жетіспе\w*"),
    ),
    Opposites(
        "inflation / deflation",
        (r"inflation\w*|inflationary", r"deflation\w*|deflationary"),
        (r"инфляц\w*", r"дефляц\w*"),
        (r"инфляц\w*", r"дефляц\w*"),
    ),
    Opposites(
        "advantage / disadvantage",
        (r"advantage\w*|merit\w*|pros|upside\w*|strengths",
         r"disadvantage\w*|drawback\w*|downside\w*|weakness\w*|flaw\w*|shortcoming\w*|cons"),
        (r"преимуществ\w*|достоинств\w*", r"недостат(?:ок|ка|ки|ков|ками|ах)|"
         r"изъян\w*|слаб(?:ость|ости|остей)"),
        (r"артықшылы\w*|ұтымды\w*", r"кемшілі\w*|кемісті[кг]\w*"),
    ),
    Opposites(
        "benefit / harm",
        (r"benefi\w*|useful\w*|helpful\w*", r"harm\w*|damag\w*|detriment\w*|useless"),
        (r"польз(?:а|ы|у|ой|е)|полезн\w*|выгод\w*", r"вред\w*|ущерб\w*|повред\w*|бесполезн\w*"),
        (r"пайдалы\w*|пайдасы\w*", r"зиян\w*|залал\w*|пайдасыз\w*"),
    ),
    Opposites(
        "presence / absence",
        (r"presence", r"absence|absent\w*"),
        (r"присутств\w*", r"отсутств\w*"),
        ("", r"болмауы\w*|жоқтығы\w*"),
    ),
    Opposites(
        "husband / wife",
        (r"husband\w*", r"wife|wives"),
        (r"муж|мужа|мужу|мужем|муже|мужья\w*|мужей|супруг",
         r"жена|жены|жену|женой|жене|ж[её]н|женам|супруга|супругой|супругу"),
        (r"күйеу\w*", r"әйелі\w*|зайыбы\w*"),
    ),
    Opposites(
        "father / mother",
        (r"father\w*|dad|dads|daddy|paternal\w*", r"mother\w*|mum|mums|mummy|mom|moms|mommy|"
         r"maternal\w*"),
        (r"отец|отц\w*|отчим\w*|отцовск\w*", r"мать|матер(?:и|ью|ей|ям|ями|ях|инск\w*)|"
         r"мам(?:а|ы|у|ой|е)|мачех\w*"),
        (r"әке|әкесі\w*|әкем\w*", r"ана|анасы\w*|анам\w*|аналар\w*"),
    ),
    Opposites(
        "son / daughter",
        (r"sons?", r"daughters?"),
        (r"сын|сына|сыну|сыном|сыне|сыновья\w*|сыновей", r"доч\w*|дочер\w*"),
        (r"ұлын|ұлым|ұлдар\w*", r"қызы|қызын|қызым|қыздар\w*"),
    ),
    Opposites(
        "brother / sister",
        (r"brother\w*", r"sister\w*"),
        (r"брат|брата|брату|братом|брате|братья\w*|братьев|братск\w*", r"сестр\w*"),
        (r"ағасы|інісі|інім|ағам|бауыры\w*", r"апасы|әпкесі|әпкем|сіңлісі|сіңлім|қарындас\w*"),
    ),
    Opposites(
        "boy / girl",
        (r"boys?|boyfriend\w*", r"girls?|girlfriend\w*"),
        (r"мальчик\w*|юнош\w*|парн(?:я|ю|ем|и|ей)|парень",
         r"девоч\w*|девуш\w*|девиц\w*|девк\w*|девчонк\w*|девчат\w*"),
        (r"ұл", r"қыз|қызға"),
    ),
    Opposites(
        "king / queen",
        (r"kings?|kingly", r"queens?"),
        (r"корол(?:ь|я|ю|ём|ем|е|и|ей|ям|ями)", r"королев(?:а|ы|у|ой|е|ам)"),
        (r"король\w*|патша(?!лық|йым)\w*", r"королева\w*|ханшайым\w*|патшайым\w*"),
    ),
    # Two-party politics: the other party is a name swapped, which the name check reads as an
    # adjective on both sides (Республиканская партия / the Democratic Party)
    Opposites(
        "Republican / Democrat",
        (r"republicans?|gop", r"democrats?|democratic"),
        (r"республиканц\w*|республиканск\w*", r"демократ(?:ы|ов|ам|ами|ах|ическ\w*)"),
        (r"республикашыл\w*|республикандық\w*", r"демократ(?:тар|шыл|иялық)\w*"),
    ),
    Opposites(
        "Labour / Conservative",
        (r"labour|labor", r"conservatives?|tory|tories"),
        (r"лейборист\w*", r"консерватор\w*|тори"),
        (r"лейборист\w*", r"консерватор\w*|тори"),
    ),
    Opposites(
        "employment / unemployment",
        (r"employ(?:ed|ment)|jobs", r"unemploy\w*|jobless\w*|layoff\w*"),
        (r"трудоустро\w*|занятост\w*", r"безработ\w*"),
        (r"жұмыспен", r"жұмыссыз\w*"),
    ),
    Opposites(
        "buyer / seller",
        (r"buyers?|customers?|purchasers?|consumers?", r"sellers?|vendors?|retailers?|suppliers?"),
        (r"покупател\w*|потребител\w*|клиент\w*",
         r"продав(?:ец|ца|цу|цом|це|цы|цов|цам|цами|щиц\w*)|поставщик\w*|ритейлер\w*"),
        (r"сатыпалушы\w*|тұтынушы\w*", r"сатушы\w*|жеткізуші\w*"),
    ),
    # --- Adverbs ---
    Opposites(
        "together / apart",
        (r"together|jointly|joint", r"apart|separately|separate|individually"),
        (r"вместе|совместн\w*|сообща", r"отдельн\w*|раздельн\w*|порознь"),
        (r"бірге|бірлесіп|бірлескен\w*|бірлесе", r"бөлек|бөлектеп"),
    ),
    Opposites(
        "inside / outside",
        (r"inside|indoors?|interior\w*", r"outside|outdoors?|exterior\w*"),
        (r"внутри", r"снаружи|наружн\w*|наулице"),
        (r"үйішінде", r"сыртта|сыртында|далада|ашықаспан\w*"),
    ),
)


# Phrases whose pole word does not carry its pole, blanked before matching.
IDLE: dict[str, regex.Pattern] = {
    # Ages ("a 20-year-old man", "years old", "how old"), "at least" / "at most", "last year"
    # (= прошлый), time zones ("Eastern time"), "before doing" (a plain sequence: сделав X, он
    # Y), "far" as an intensifier or a distance in time ("so far", "by far", "far more"), "at
    # the same time" (= одновременно, при этом), "in the wake of" (= после), "quite a few"
    # (= много).
    "en": regex.compile(
        r"\b\w+-year-olds?\b|\b(?:years?|months?|weeks?|days?)\s+old\b|\bhow\s+old\b|"
        r"\bat\s+(?:least|most|last)\b|"
        r"\blast\s+(?:year|week|month|night|time|season|weekend|decade|century|summer|winter|"
        r"spring|autumn|fall|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
        r"\b(?:eastern|western|central|pacific|mountain)\s+(?:time|standard|daylight)\b|"
        r"\bbefore\s+\w+ing\b|\b(?:so|thus|by|as)\s+far\b|\bfar\s+(?:from|more|less|too|"
        r"better|worse|greater|fewer|higher|lower|larger|smaller|beyond|outweigh\w*)\b|"
        r"\bfar-(?:right|left)\b|\bat\s+the\s+same\s+time\b|\bin\s+the\s+wake\s+of\b|"
        r"\b(?:quite|not)\s+a\s+few\b",  # "quite a few" is many
        regex.IGNORECASE,
    ),
    # "20-летний" (-year-old: not summer), "друг друга" (each other: not friend), "выйти на
    # пенсию / первое место" and "выход на рынок" (retire, take first place, enter the market:
    # not "leave"), "вместе с тем" (however), "сельское хозяйство" (agriculture: not rural),
    # "на самом деле" (actually: not "most"), "в конце концов" (eventually: not "end").
    "ru": regex.compile(
        r"\d+\s*-\s*\p{L}*летн\p{L}*|\bдруг\s+(?:\p{L}{1,6}\s+)?друг\p{L}*|"
        r"\b(?:вы(?:йти|йдет|йдут|шел|шла|шли|ход\p{L}*|ходит|ходят))\s+на\b|"
        r"\bвместе\s+с\s+тем\b|\bсельск\p{L}*\s+хозяйств\p{L}*|\b(?:на|в)\s+самом\s+деле\b|"
        r"\bв\s+конце\s+концов\b",
        regex.IGNORECASE,
    ),
    # "ауыл шаруашылығы" (agriculture: not rural), "оның ішінде" (including).
    "kk": regex.compile(
        r"\bауыл\s+шаруашылы\p{L}*|\bоның\s+ішінде\b",
        regex.IGNORECASE,
    ),
}

# Expressions read as one word (spaces and punctuation removed) before matching: their words alone
# mean something else.
JOINED: dict[str, regex.Pattern] = {
    "en": regex.compile(
        r"\bpassed\s+away\b|\b(?:go|goes|went|gone|going|edged|moved)\s+(?:up|down)\b|\b(?:switch|turn)(?:s|ed|ing)?\s+(?:on|off)\b|"
        r"\bcut(?:s|ting)?\s+off\b",
        regex.IGNORECASE,
    ),
    # мирные жители, гражданское население / гражданские лица (civilians), на улице (outside),
    # за рубежом (abroad), до того как, до тех пор (before, until).
    "ru": regex.compile(
        r"\bмирн\p{L}*\s+жител\p{L}*|\bгражданск\p{L}*\s+(?:лиц|населени)\p{L}*|"
        r"\bна\s+улице\b|\bза\s+рубеж\p{L}*|\bдо\s+того\s*,?\s+как\b|\bдо\s+тех\s+пор\b",
        regex.IGNORECASE,
    ),
    # сатып ал- "buy" (сат- "sell"), аман қал- "survive", бас тарт- "refuse", пайда бол-
    # "appear" (пайда "profit"), қарсы ал- "welcome" (қарсы "against"), басып кір- "invade",
    # алға жылж- "advance", жек көр- "hate", күшін жой- "repeal", алып таста- "remove", келіп
    # жет- "arrive", сол / оң жақ "left / right side", бейбіт тұрғын "civilian", дүниеге кел-
    # "be born", дүниеден өт- "die", қарыз(ға) ал- / бер- "borrow / lend", несие бер- "lend",
    # үй ішінде "indoors", ашық аспан "open air", жауап ал- "question, interrogate" (жауап
    # "answer"), бет алыс "trend" (алыс "far").
    "kk": regex.compile(
        r"\b(?:сатып\s+ал|аман\s+қал|бас\s+тарт|пайда\s+бол|қарсы\s+ал|басып\s+кір|"
        r"алға\s+жылж|жек\s+көр|күшін\s+жой|алып\s+таста|келіп\s+жет|(?:сол|оң)\s+жақ|"
        r"бейбіт\s+тұрғын|дүниеге\s+кел|дүниеден\s+өт|қарыз(?:ға)?\s+(?:ал|бер)|"
        r"несие\s+бер|үй\s+ішінде|ашық\s+аспан|жауап\s+ал|бет\s+алыс|шет\s+ел|ең\s+(?:аз|кем))",
        regex.IGNORECASE,
    ),
}
