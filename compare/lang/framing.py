"""Words that frame a statement rather than state it: who says it, how sure it is, how loaded
its words are. Used by the framing check (:mod:`compare.checks.framing`), one regular
expression per kind and language, matched case-insensitively on whole words.

Kinds:

- ``attribution``: a source of the statement (по данным, по словам, заявил / according to,
  said). The English sets are broad on purpose: a shift is a kind present on one side and
  absent on the other, so every ordinary way of attributing must count as present.
- ``distancing``: the writer keeps a claim at arm's length (якобы, так называемый / allegedly,
  so-called).
- ``hedge``: the claim is made less certain (возможно, вероятно / possibly, probably).
- ``loaded``: evaluative or loaded terms that take a side (режим Асада, боевики, хунта /
  regime, militants, junta, invasion).

Each kind has *strong* markers (they frame the statement wherever they stand) and *weak* ones
(they may frame it: "sources", "may", "added"). A kind is dropped when the source has a strong
marker and the English has neither a strong nor a weak one, and added the other way round, so
an ordinary word on the far side never turns an ordinary sentence into a framing note.

Written from general knowledge of Russian, Kazakh and English news style and checked on dev
text only (NTREX lines 1-700, WMT22 references of even documents; see benchmarks/README.md,
"Framing shifts"). A user adds words of their own in ``framing.csv`` in the compare folder
(:func:`compare.framing_lexicon.load_framing_lexicon`).
"""

from __future__ import annotations

KINDS = ("attribution", "distancing", "hedge", "loaded")

# Russian and Kazakh stems end where the inflection begins (\w* takes the ending).
STRONG: dict[str, dict[str, str]] = {
    "ru": {
        "attribution": (
            r"по (?:\w+\s+){0,2}?(?:данным|словам|сообщени\w+|информации|сведениям|оценкам"
            r"|мнению)|как (?:сообща\w+|стало известно|пиш\w+|переда\w+)|со ссылкой|ссылаясь"
            r"|согласно|по утверждени\w+"
        ),
        "distancing": r"якобы|так называем\w+|самопровозглаш[её]нн\w+|мним\w+|будто бы",
        "hedge": (
            r"возможно|вероятно|вероятнее|вероятней|видимо|по-видимому|предположительно"
            r"|наверное|скорее всего|не исключено|по всей видимости|судя по всему|вроде бы|пожалуй"
        ),
        "loaded": (
            r"(?:киевск|нацистск|преступн|марионеточн|кровав)\w* режим\w*|режим\w* (?=\p{Lu})"
            r"|хунт\w+|боевик\w*|террорист\w*|оккупант\w*|марионеточн\w+|пропаганд\w+"
            r"|вторжени\w+|агрессор\w*|нацист\w*|неонацист\w*|фашист\w*|бандит\w*"
            r"|бандеровц\w*|карател\w+|русофоб\w*|укронацист\w*|захватчик\w*"
        ),
    },
    "kk": {
        "attribution": (
            r"\w*мәліметінше|мәліметі бойынша|деректері бойынша|айтуы бойынша|сөзінше|пікірінше"
            # "according to X" is X's verbal noun in the equative case: айтуынша, хабарлауынша,
            # бағалауынша, мәлімдеуінше, жазуынша (-у, the possessive -ы/-і, then -нша)
            r"|\w+(?:уынша|уінше)|(?:есеб|болжам|дерег|бағам)(?:інше|ынша)"
            # сәйкес alone is "in accordance with" (актісіне сәйкес, жағдайларға сәйкес), and
            # қарағанда alone "than": a source only after a word for what someone said, wrote or
            # counted; сүйенсек, "if we rely on", likewise
            r"|\w*(?:мәлімет|дерек|хабар|сөз|пікір|мәлімдеме|баяндам|есеб|есеп|болжам"
            r"|сауалнам|құжат|зерттеу|ақпарат|көздер)\w*\s+"
            r"(?:сәйкес|қарағанда|сүйенсек|сүйене отырып)"
        ),
        "distancing": r"өзін-өзі жариялаған",
        "hedge": (
            # мүмкін is "may" after a verbal noun (болуы мүмкін) or "perhaps" on its own, but
            # "impossible" before емес, "enable" before ет-, "become possible" before бол-
            r"мүмкін(?!\s+(?:емес|ет|бол)\w*)"
            # шамасы is "apparently" only as an aside (Шамасы, …); otherwise "its size"
            r"|шамасы(?=\s*[,–—])|ықтимал|сірә|бәлкім"
        ),
        "loaded": (
            r"террорист\w*|басқыншы\w*|хунта\w*|содыр\w*|фашист\w*|нацист\w*|агрессор\w*"
            r"|режим\w* (?=\p{Lu})"
        ),
    },
    "en": {
        "attribution": (
            # "according to the rules" is no source, nor "according to the current rules" (up to
            # two words before the noun)
            r"according to(?! (?:the |this |these |its |their |a |his |her |our )?"
            r"(?:[\w-]+ ){0,2}?(?:recipes?|standards?|plans?|rules?|regulations?|laws?|schedules?"
            r"|traditions?|instructions?|requirements?|specifications?|contracts?|agreements?"
            r"|procedures?|legislation|constitution|treat(?:y|ies)|protocols?|polic(?:y|ies)"
            r"|guidelines?|terms|principles?|criteria|norms?|timetables?|calendars?|programmes?"
            r"|programs?|scripts?|formulas?|designs?|customs?|methods?|methodology)\b)"
            # "citing health reasons" gives a reason, not a source
            r"|reportedly|citing(?! (?:[\w-]+ ){0,2}?(?:reasons?|concerns?|grounds|fears?"
            r"|problems?|issues?|difficult(?:y|ies)|need|lack)\b)"
            r"|as reported by|in the words of|quoted as saying|as quoted by"
        ),
        "distancing": (
            r"alleged(?:ly)?|purported(?:ly)?|supposed(?:ly)?|so-called|so called"
            r"|self-proclaimed|self-styled|ostensibl[ey]"
        ),
        "hedge": (
            r"possibly|perhaps|probably|presumably|apparently|seemingly|maybe"
            r"|(?<!(?:more|less|most|least) )likely|conceivably"
        ),
        "loaded": (
            r"regimes?|junta|militants?|terrorists?|occupiers?|puppet|propaganda|invasion"
            r"|invaders?|aggressors?|nazis?|neo-nazis?|fascists?|bandits?|thugs?|punitive"
            r"|russophob\w*|banderites?|atrocit(?:y|ies)"
        ),
    },
}

_NOT_PROSPECTIVE = (r"(?:аймақ|аумақ|көмек|қалпақ|тамақ|қақпақ|тоқпақ|шапақ|қыспақ|еңбек"
                    r"|кебек|ірмек|өтемақ|жұмсақ)")
"""Kazakh nouns ending like the prospective -мақ/-мек (and their -шы derivatives: көмекші)."""

WEAK: dict[str, dict[str, str]] = {
    "ru": {
        "attribution": (
            r"сообщ\w+|заяв\w+|рассказ\w+|сказа\w+|говор\w+|отмет\w+|подчеркн\w+|добави\w+"
            r"|уточни\w+|поясни\w+|цитиру\w+|пиш\w+|ответи\w+|прокомментирова\w+|убежд\w+"
            r"|сету\w+|высказа\w+|замети\w+|вырази\w+|назва\w+|называ\w+|признава\w+"
            r"|источник\w*|счита(?:ет|ют|л|ла|ли)|уверен\w*|полага\w+|призна\w+|объяви\w+"
            r"|предупреди\w+|напомни\w+|заявлени\w+|сообщени\w+|интервью|пресс-служб\w+"
            r"|утвержда\w+|отмеча\w+|подчеркива\w+|объясни\w+|пресс-релиз\w*|по утверждени\w+"
            r"|переда(?:ет|ют|л|ли)|по оценк\w+|по прогноз\w+|жалу\w+|обвини\w+|обвиня\w+"
            r"|в соответствии|по итогам"
        ),
        "distancing": r"утвержда\w+|будто|непризнанн\w+|по утверждени\w+|лже\w+",
        "hedge": (
            r"может|могут|мог|могла|могли|могло|кажется|якобы|примерно|около|порядка|ожида\w+"
            r"|по оценк\w+|по прогноз\w+|предполага\w+|вряд ли|едва ли|возможн\w+|вероятн\w+"
        ),
        "loaded": (
            r"агресси\w+|оккупаци\w+|оккупир\w+|сепаратист\w*|экстремист\w*|провокаци\w+"
            r"|провокатор\w*|геноцид\w*|зверств\w+|аннекси\w+|режим\w*|ополчен\w+|повстан\w+"
            r"|радикал\w*|война|войн\w+"
        ),
    },
    "kk": {
        "attribution": (
            r"\w*мәліметі\w*|\w*мәлімде\w+|деді|дейді|айтты|жазады|атап өтті|түсіндірді"
            r"|хабарла\w+|хабар\w*|айт\w+|сөз\w+|пікір\w*"
            r"|де(?:ді|йді|п|ген)|жаз\w+|атап\w*|түсіндір\w+|дере[кг]\w*|дереккөз\w*|сұхбат\w*"
            r"|баспасөз\w*|бойынша|мәлім\w*|сәйкес"
            # the Kazakh of the English list's verbs of saying, thinking and reporting
            # (announced, warned, confirmed, clarified, admitted, reported, conveyed, expressed,
            # estimated, forecast, believes, thinks, considers, asked, demanded, called for,
            # replied, promised, complained) and of its sources (media, agency, spokesperson)
            r"|жарияла\w+|ескерт\w+|еске сал\w+|раста\w+|нақтыла\w+|мойында\w+|баянда\w+"
            r"|жеткіз\w+|білдір\w+|бағала\w+|болжа\w+|сүйен\w+|сілтеме\w*|дәйексөз\w*"
            r"|сене(?:ді|мін|міз|тін\w*)|сенім\w*|ойла(?:йды|ймын|ймыз|йтын\w*|ған\w*|ды)"
            r"|ойынша|ойымша|меніңше|біздіңше|сана(?:йды|ймын|ймыз|йтын\w*|лады|лған\w*)"
            r"|есепте\w+|\w+(?:уынша|уінше)|белгілі бол\w+|ақпарат\w*|БАҚ\w*|өкіл\w*"
            r"|агенттіг\w*|твит\w*|твиттер\w*|сұра(?:ды|п|ған\w*|йды)|талап ет\w+|шақыр\w+"
            r"|жауап бер\w+|уәде\w*|шағымда\w+|түсініктеме\w*"
            # judgment, conclusion, witness; found, as shown; study, survey, statistics (the
            # English list's found, shows, study, survey, figures)
            r"|пайым\w*|тұжырым\w*|куә\w*|анықта\w+|көрсеткен(?:і)?ндей|зерттеу\w*"
            r"|сауалнама\w*|статистика\w*"
            # "reportedly": the evidential (келген екен, келген көрінеді, келіпті), not the
            # adjectives in -ыпты/-іпті (қауіпті "dangerous", қалыпты "normal", тіпті "even")
            r"|екен(?:мін|міз|сің|сіз|сіңдер)?|көрінеді"
            r"|(?!(?:қауіп|айып|қалып|тіп|сап|кәп|жап|тап)т[ыі](?!\w))\w+(?:ыпты|іпті)"
        ),
        "distancing": (
            r"делінген|имиш|деген|деп аталатын|айыпта\w+"
            # "said to be", "so-called", the suspect, the presumed, the fake; the evidential and
            # pseudo- suffixes (-мыш: аталмыш; -мыс after a hyphen; -сымақ/-сімек: "would-be");
            # a clause-final екен tells what was heard or inferred, not seen (екенін, екені are
            # "that it is", no evidential)
            r"|делін\w+|дейтін|күді[кг]\w*|болжан\w+|болжамды|жалған|\w+(?:мыш|міш)"
            r"|\w+-(?:мыс|міс)|\w+(?:сымақ|сімек)|екен(?:мін|міз|сің|сіз|сіңдер)?|сияқты|секілді"
            # an accusation, "they say", "became known as", "outwardly"; self-proclaimed in
            # words (өзін президент деп жариялаған, өзін … атаған)
            r"|айы[пб]\w*|десе(?:ді|тін)|атан(?:ған|ып|ды|атын)\w*|сырттай"
            r"|аталатын|аталып (?:кеткен|жүрген)"
            r"|өзін (?:\w+\s+){0,3}?(?:жариял|ата|сана)\w*"
        ),
        "hedge": (
            r"сияқты|секілді|шамамен|шамасында|жуы[қғ]\w*|болар|шығар|күтіл\w+|мүмкін\w*"
            # hedges a Kazakh translator puts in a verb form rather than a word: the
            # prospective -мақ/-мек ("is to", "is likely to": сөйлемек, басталмақ) at the end of
            # a clause, and -мақшы ("intends to"), not the nouns that end so (аймақ, көмек…);
            # "is about to" (-гелі/-қалы тұр, отыр); "can" (-а/-е/-й ал-, оқи алады; as
            # Russian может), not ал- "take" after a dative (қолға алу) or in қоса алғанда
            # ("including"); "must be" (-са керек); the evidential екен ("apparently")
            r"|(?!" + _NOT_PROSPECTIVE + r")\w{2,}(?:мақ|мек|пақ|пек)(?=\s*(?:[.,;:!?)–—]|$))"
            r"|(?!" + _NOT_PROSPECTIVE + r")\w{2,}(?:мақ|мек|пақ|пек|бақ|бек)(?:шы|ші)\w*"
            r"|\w+(?:гелі|ғалы|келі|қалы) (?:тұр|отыр)\w*"
            r"|(?!\w*(?:ға|ге|қа|ке|на|не) |қоса )\w+[аеийюя] ал(?:а|ар|ма|ға|са|у|ды)\w*"
            r"|\w+(?:са|се) керек|екен(?:мін|міз|сің|сіз|сіңдер)?"
            # "seems", "looks like", "likely", "risk", "fear", "doubt", "almost", "barely",
            # "unlikely", "expect", "forecast", "possible" (not қауіпсіздік "security",
            # күтім "care")
            r"|тәрізді|көрінеді|ұқсайды|сыңайлы|қаупі\w*|қауіп(?:і|ін|тен\w*)?|тәуекел\w*"
            r"|күмән\w*|дерлік|әрең|екіталай|күт(?!ім)\w*|болжа\w+|ықтимал\w*|шама\w*"
            # "it appears", "or maybe", "outwardly"; "as it turned out" for "apparently"
            r"|байқал(?:ады|ды|атын)|әлде\w*|сырттай|белгілі болғандай|анықталғандай"
        ),
        "loaded": (
            r"оккупаци\w+|агресси\w+|экстремист\w*|сепаратист\w*|насихат\w*|геноцид\w*"
            r"|аннекси\w+|режим\w*|соғыс\w*"
        ),
    },
    "en": {
        "attribution": (
            r"said|says|told|quoted|cited|claimed|stated|wrote|writes|say|saying|tell|tells"
            r"|telling|report(?:s|ed|ing)?|statements?|states?"
            r"|announc(?:ed|es|ing|ement)|explain(?:ed|s|ing)?|stress(?:ed|es|ing)"
            r"|emphasi[sz](?:ed|es|ing)|underlin(?:ed|es|ing)|pointed out|points out"
            r"|recall(?:ed|s)|warn(?:ed|s|ing)|insist(?:ed|s)|argu(?:ed|es)|assert(?:ed|s)"
            r"|believ(?:es|ed)|think(?:s)?|thought|consider(?:s|ed)|confirm(?:ed|s)"
            r"|clarifi(?:ed|es)|acknowledg(?:ed|es)|admitt?(?:ed|s)|sources?"
            r"|spokes(?:man|woman|person)|press (?:service|office|release|secretary)"
            r"|interview(?:ed)?|per|estimat\w+|informed|data|figures|sure|convinced|certain"
            r"|remind(?:ed|s)|not(?:ed|es)|add(?:ed|s)|claims?|accus(?:ed|es|ing)"
            r"|complain(?:ed|s)|view|opinion|forecast\w*|predict\w*|expect\w*|writing"
            # other verbs of saying and of showing: a Kazakh or Russian source that names the
            # speaker (айтуынша, по словам) is rendered with them as often as with "said", and a
            # Kazakh verb of saying with an English quotation needs them too (thanked X for its
            # "…")
            r"|thank(?:ed|s|ing)|prais(?:ed|es|ing)|criti(?:ci[sz]|qu)(?:ed|es|ing)"
            r"|condemn(?:ed|s|ing)|call(?:ed|s|ing)|describ(?:ed|es|ing)|urg(?:ed|es|ing)"
            r"|ask(?:ed|s|ing)|vow(?:ed|s|ing)|promis(?:ed|es|ing)|pledg(?:ed|es|ing)"
            r"|repl(?:y|ied|ies)|respond(?:ed|s|ing)|demand(?:ed|s|ing)|declar(?:ed|es|ing)"
            r"|den(?:y|ied|ies)|mention(?:ed|s|ing)|comment(?:ed|s|ing)?|remark(?:ed|s)"
            r"|recommend(?:ed|s|ing)|advis(?:ed|es|ing)|reveal(?:ed|s|ing)|disclos(?:ed|es|ing)"
            r"|publish(?:ed|es|ing)|tweet(?:ed|s|ing)?|posted|testif(?:y|ied|ies)"
            r"|show(?:s|ed|n|ing)|found|finds|stud(?:y|ies)|surveys?|polls?|research(?:ers?)?"
            r"|analys[ie]s|calculat(?:ed|es|ions?)|feels?|felt|blam(?:ed|es|ing)"
            r"|suggest(?:ed|s|ing)|assess(?:ed|es|ments?)"
            # "according to the rules" is no source (not a strong marker) but answers согласно
            r"|according to|citing"
        ),
        "distancing": (
            r"claims?|claiming|unrecogni[sz]ed|would-be|as if|reportedly|apparently|pseudo-\w+"
            # the suspect, the accused, the sham or fake thing, what it is dubbed
            r"|suspect(?:ed|s)?|accus(?:ed|es|ing)|sham|fake|bogus|dubbed|styl(?:ed|es) (?:itself"
            r"|himself|herself|themselves)"
        ),
        "hedge": (
            r"(?-i:may)|might|could|can|seems?|seemed|appears?|appeared|reportedly|allegedly"
            r"|expect\w*|estimat\w+|about|around|approximately|roughly|some|nearly|almost"
            r"|up to|unlikely|hardly|suggest\w*|forecast\w*|predict\w*|potential\w*"
            r"|possible|possibility|likely|likelihood|chances?|probability|risks?|would"
            # "May" in a title-case headline ("Drought Areas May Benefit"), not the month (a
            # digit or nothing capitalised follows) nor Theresa May
            r"|(?-i:(?<!Theresa )May(?= \p{Lu}\p{Ll}))"
            # more words that make a claim less certain: suspected, probable, doubt, unclear,
            # presumed, assumed, speculation, rumours, threatens to, is believed/thought to
            r"|suspect(?:ed|s)?|probable|improbable|doubt\w*|uncertain\w*|unclear|presum(?:ed|es)"
            r"|assum(?:ed|es|ing)|speculat\w+|rumou?r\w*|threats?|threaten\w*|believed to"
            r"|thought to|prospective|whether|must (?:have|be)|look(?:s|ed)? (?:like|set|likely)"
            r"|not (?:yet )?(?:clear|known)|unknown|poised to|as many as"
        ),
        "loaded": (
            r"terrorism|occupation|occupied|occupying|invad(?:e|ed|es|ing)|aggression"
            r"|aggressive|separatists?|extremis(?:ts?|m)|provocations?|provocateurs?|genocide"
            r"|annex(?:ed|ation|ing)?|insurgents?|rebels?|militias?|radicals?|war|wars|forces"
        ),
    },
}

# Quotation marks in Kazakh (issue 22). A Kazakh translator renders English reported speech
# ("…, he said"; "Trump said that …") as a quotation closed by the quotative де- verb («…», —
# деді ол; «…» деп хабарлады), and English direct speech often as the same words before деді
# without quotation marks; names of organisations, papers, programmes, books and coined terms
# go in «» before the word for what they name («Қазақстан темір жолы» ұлттық компаниясы), where
# English has none. None of these is a framing shift.

QUOTATIVE: dict[str, str] = {
    "kk": (
        r"де(?:ді|йді|п|ген\w*|пті|ймін|йміз|седі|йтін|лінген|лінеді|гені\w*)|айт\w+"
        r"|мәлімде\w+|хабарла\w+|жаз(?:ды|ады|ған|ып)|түсіндір\w+|толықтыр\w+|қосты"
        r"|атап өт\w+|сендір\w+|әңгімеле\w+|уәде бер\w+"
        # described, urged, asked, answered, praised, criticised, demanded, warned, announced,
        # confirmed, admitted, accused, complained, tweeted
        r"|сипатта\w+|шақыр\w+|сұра(?:ды|п|ған\w*|йды)|жауап бер\w+|мақта(?:ды|п|йды|ған)"
        r"|сына(?:ды|п|йды|ған)|талап ет\w+|ескерт\w+|жарияла\w+|раста\w+|мойында\w+"
        r"|айыпта\w+|шағымдан\w+|твит\w*"
    ),
}
"""Verbs of saying that take a quotation as their object (a quotation closed by one of them,
or opened after one and a colon, is reported speech)."""

NAMED_BY_QUOTES: dict[str, str] = {
    "kk": (
        r"деп аталатын|деген атпен|атты|атындағы"
        r"|(?:ұлттық |акционерлік |халықаралық |қоғамдық |республикалық )?"
        r"(?:компания|газет|журнал|бағдарлама|жоба|партия|қор|орталы|бірлест|кәсіпор|қоғам"
        r"|телеарна|арна|агентт|фильм|кітап|кітаб|ән|альбом|роман|сериал|операция|жоспар"
        r"|стратегия|клуб|команда|зауыт|банк|университет|ұйым|қозғалыс|мерекесі|фестивал"
        r"|байқау|сыйлы|премия|акция|басылым|сайт|портал|бағдарламасы|мекеме|холдинг"
        r"|корпорация|тобы|бренд|марка|заң|кодекс|доктрина|тұжырымдама|концепция)\w*"
    ),
}
"""Words after a «»-quoted phrase that make it a name or a term rather than a quotation."""

DASH_SPEECH: dict[str, tuple[str, str]] = {
    "kk": (r"^\s*[–—]\s", r"[,.!?…]\s*[–—]\s*(?:\p{L}+\s+){0,2}?"),
}
"""Direct speech set off by dashes, not quotation marks (– Біз дайынбыз, – деді ол.): a line
that opens with a dash, or a dash after the speech's last punctuation mark followed, within
two words, by a verb of :data:`QUOTATIVE`. The English quotes the same words; no quotation
added. (Russian writes speech so too; its figures were tuned without it and are left as
they are.)"""

TITLED_BY_QUOTES_EN = (
    r"(?:titled|entitled|called|named|dubbed|headlined|slogan|motto|hashtag|song|album|book"
    r"|novel|film|movie|show|series|play|poem|article|column|report|campaign|programme|program"
    r"|initiative|operation|phrase|term|catchphrase|chant)"
)
"""English words just before a quoted phrase that make it a title or a name, not speech
("the book "The Lord of the Rings"", "a campaign called "Keep Britain Tidy""): a Kazakh
translator often writes such titles without quotation marks."""
