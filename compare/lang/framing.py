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
            r"\w*мәліметінше|мәліметі бойынша|деректері бойынша|хабарлауынша|айтуынша"
            r"|айтуы бойынша|сөзінше|пікірінше"
            # сәйкес alone is "in accordance with" (актісіне сәйкес, жағдайларға сәйкес): a
            # source only after a word for what someone said, wrote or counted
            r"|\w*(?:мәлімет|дерек|хабар|сөз|пікір|мәлімдеме|баяндам|есеб|есеп|болжам"
            r"|сауалнам|құжат|зерттеу|ақпарат|көздер)\w*\s+сәйкес"
        ),
        "distancing": r"өзін-өзі жариялаған",
        "hedge": r"мүмкін|шамасы|ықтимал|сірә|бәлкім",
        "loaded": (
            r"террорист\w*|басқыншы\w*|хунта\w*|содыр\w*|фашист\w*|нацист\w*|агрессор\w*"
            r"|режим\w* (?=\p{Lu})"
        ),
    },
    "en": {
        "attribution": (
            r"according to(?! (?:the |this |these |its |their |a )?(?:recipes?|standards?|plans?"
            r"|rules?|regulations?|laws?|schedule|tradition|instructions?|requirements?"
            r"|specifications?|contracts?|agreements?|procedures?))|reportedly|citing"
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
            r"|де(?:ді|йді|п|ген)|жаз\w+|атап\w*|түсіндір\w+|дерек\w*|дереккөз\w*|сұхбат\w*"
            r"|баспасөз\w*|бойынша|мәлім\w*|сәйкес"
        ),
        "distancing": r"делінген|имиш|деген|деп аталатын|айыпта\w+",
        "hedge": r"сияқты|секілді|шамамен|шамасында|жуық\w*|болар|шығар|күтіл\w+|мүмкін\w*",
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
        ),
        "distancing": (
            r"claims?|claiming|unrecogni[sz]ed|would-be|as if|reportedly|apparently|pseudo-\w+"
        ),
        "hedge": (
            r"(?-i:may)|might|could|can|seems?|seemed|appears?|appeared|reportedly|allegedly"
            r"|expect\w*|estimat\w+|about|around|approximately|roughly|some|nearly|almost"
            r"|up to|unlikely|hardly|suggest\w*|forecast\w*|predict\w*|potential\w*"
            r"|possible|possibility|likely|likelihood|chances?|probability|risks?|would"
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
