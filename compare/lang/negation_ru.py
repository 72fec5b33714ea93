"""Russian phrases whose negation is formal or weak, for :mod:`compare.negations`.

Language data apart from the counting logic (as spaCy keeps ``lang/`` files, and as
:mod:`compare.lang.negation_kk` holds the Kazakh ones): general rules of Russian usage, not
fitted to any sentence of an evaluation set. A formal phrase is removed before the negations are
counted; a weak one becomes a lexical word, which needs no "not" on the other side and may stand
for one.
"""

from __future__ import annotations

import regex

# The expletive "не" of "until": a clause after a comma or dash that opens with "пока" and has
# "не" within its next three words, before a verb ("ждали, пока она не вернётся", "до тех
# пор, пока не получим", "пока Пхеньян не сделает") says "until", with no negation. Without
# the comma, or before a short adjective or participle (-н, -на, -то, -ыт, -ов: "решение пока не
# принято", "данные ..., пока не доступны"), "пока не" is "not yet", a real negation, and stays.
UNTIL_RU = regex.compile(
    r"(?:[,;:—–]\s*)пока(?:\s+\w+){0,2}\s+не\b"
    r"(?=\s+(?!\w*(?:н[аоы]?|т[аоы]|ыт|ов[аоы]?)\b)\w)|"
    # ... and one that opens the sentence when the main clause after it is negated too: "Пока не
    # попробуешь, не узнаешь" is "You won't know until you try"
    r"(?:(?<=^\W*)|(?<=[.!?…]\s+))пока\s+не(?=(?:\s+\w+){1,5}\s*[,—–]\s*не\b)",
    regex.IGNORECASE,
)

# Formal: removed before counting (не только, тем не менее, не секрет, не что иное, как ...).
FORMAL_RU = regex.compile(
    r"\b(?:не только|тем не менее|не менее|не раньше|не позднее|не позже|не напрасно|"
    r"не раз|не зря|не случайно|кроме того|чуть ли не|едва ли не|чуть не|едва не|не то чтобы|"
    # "лучше поздно, чем никогда" (better late than never; "than never" is formal in English
    # too), "не то слово!" (that's an understatement)
    r"чем никогда|не то слово(?=\s*[.!?,…])|"
    r"(?:как\w*|кто|кого|кому|кем|ком|что|чего|чему|чем|чём|где|куда|откуда|когда|сколько|"
    r"чей|чья|чьё|чье|чьи|чь\w+)\s+бы(?:\s+\w+){0,3}\s+ни|"
    # ... and without "бы" before a verb: "куда он ни пойдёт" (wherever he goes), "где бабка ни
    # бери", "во что свинья ни оденется"; not a bare "что" (a conjunction: "что ни души"), nor
    # "ни" before a word of a negation idiom (ни разу, ни при чём) or before a second "ни"
    r"(?:(?:во|в|на|за|о|об|про|со?)\s+что|кто|кого|кому|кем|где|куда|откуда|когда|сколько|"
    r"как(?:ой|ая|ое|ие|ого|ому|им|ом|ую|их|ими))(?:\s+\w+){0,3}\s+ни\s+(?!(?:при|души|"
    r"разу|одн\w*|один|слова|гроша|капли|шагу|звука|на|в|за|к|с|о|у|из|от|до|по)\b)\w+"
    r"(?!(?:\s+\w+){0,3},?\s+ни\b)|"
    r"не исключ(?:ено|ается|ают|аю)|не возража\w*|не смотря на|"
    r"как ни|что ни|не без|ни один из|не иначе(?:,?\s+как)?|не так давно|нет-нет|"
    # idioms with no negation in their meaning: "не секрет" (well known, "no secret"), "не
    # удивительно" (no wonder), "не за горами" (near), "не прошло и года, как" (within a
    # year), "никто, кроме него, не" (only he)
    r"(?:ни для кого\s+)?не секрет|не удивительно|не за горами|не прошл[оаи]\s+и(?:\s+\w+){1,2}|"
    # "не на шутку" (in earnest, seriously), "не покладая рук" (tirelessly), "ни с того ни с
    # сего" (out of the blue), "не в последнюю очередь" (largely; "not least", formal in
    # English too), "не говоря (уже) о" (let alone; "not to mention", formal in English too),
    # "чуть было не" / "едва было не" (almost, as "чуть не"), "не у дел" (sidelined), and "не
    # столько X, сколько Y" (more Y than X, Y rather than X)
    r"не на шутку|не покладая рук|ни с того,? ни с сего|не в последнюю очередь|"
    r"не говоря(?:\s+уже)?\s+(?:о|об|обо|про)|(?:чуть|едва)\s+было\s+не|не у дел|"
    r"не столько(?=(?:\s+\S+){1,8}?\s+сколько\b)|"
    # "как никогда (раньше)" (than ever, like never before: "как никогда близки" / "closer than
    # ever"), not "как никогда не" (as never ... not)
    r"как\s+никогда(?!\s+не\b)(?:\s+(?:раньше|прежде|ранее))?|"
    # "не что иное, как" (nothing but), "не за что" (you're welcome), "нет ничего важнее" (the
    # most important: a comparative after "нет ничего")
    r"не (?:что иное|кто ин(?:ой|ая|ые)),?\s+как|не за что|"
    # ... and as it is often written, joined: "никто иной, как", "ничто иное, как"
    r"(?:никто\s+ин(?:ой|ая|ые)|ничто\s+иное),?\s+как|"
    # "не успел он уйти, как" = "no sooner had he left than"
    r"не успел\w*(?:\s+\w+){0,3},?\s+как|"
    r"никто,?\s+кроме(?:\s+\w+){1,3},?\s+не|"
    r"(?:не\s+\w+\s+)?ничего,?\s+кроме(?:(?:\s+\w+){1,3},?\s+не\b)?)\b",
    regex.IGNORECASE,
)

# A negated verb of ceasing ("не прекращаются": continue), weak (see compare.negations).
CEASE_RU = regex.compile(
    r"\b(?:не|никогда не)\s+(?:прекра[тщ]\w*|переста\w*|останов\w*|остановл\w*|останавлива\w*|"
    r"утиха\w*|утих\w*|стиха\w*|смолка\w*|умолка\w*)",
    regex.IGNORECASE,
)

# Questions whose negation asks rather than denies, and litotes of degree, weak.
RHETORIC_RU = regex.compile(
    r"\b(?:не так ли|не правда ли|не\s+\w+\s+ли|или нет(?=\s*(?:[.,;:!?)»\"]|$))|"
    r"разве(?:\s+\w+){0,2}\s+не|не\s+ид(?:[её]т|ут)\s+ни\s+в\s+какое\s+сравнение|"  # pales
    r"нельзя\s+ли|"  # "нельзя ли перенести?" is "could it be moved?"
    # "Вам не кажется, что...?" is "Don't you think...?" or "Do you think...?"
    r"(?:вам|тебе)\s+не\s+кажется(?=[^.!]*\?))\b",
    regex.IGNORECASE,
)

# One word of lack, bound or staying: "не хватает" (lack, miss), "не выходит за рамки" (is
# within), "не превысит" (will stay below, up to, at most) and "не выходить из домов" (stay
# indoors, at home), lexical: the English may say it with or without a "not" ("what I was
# missing", "not enough", "will not exceed", "not to leave their homes").
LACK_RU = regex.compile(
    r"\b(?:не|никогда не)\s+(?:хват(?:а(?:ет|ют|ло|ли|л|ть)|и(?:т|ло|ли|л|ть)|ят)|"
    r"превы[шс]\w*|(?:выход\w*|выйт\w*|выш(?:ел|ла|ло|ли)|покида\w*|покину\w*)\s+(?:из\s+)?"
    r"(?:дом|квартир|помещени|"
    r"укрыти|убежищ)\w*|"
    r"выход\w*\s+за(?:\s+\w+){0,2}\s+(?:рамк\w*|предел\w*|границ\w*))\b|"
    # "не более / не больше" is "at most, no more than" before an amount or at a clause's end
    # ("и не более"), a bound like "не превысит": the English says "at most", "no more than"
    # (formal) or "will not exceed"; before a word of degree it is a plain negation ("не больше
    # обеспокоены": "not more concerned")
    r"\bне (?:более|больше)(?=\s*(?:$|[\d.,;:!?)»\"]|(?:чем|того|как|одн|дв|тр[еёиоа]|"
    r"четыр|пят|шест|сем|восем|девят|десят|двадцат|тридцат|сорок|девяност|сто|сот|тысяч|"
    r"миллион|миллиард|пол|трет|четверт|нескольк|пар|час|минут|секунд|сут|недел|месяц|год|"
    r"лет|раз|процент|"
    r"доллар|рубл|евро|тонн|километр|метр|человек)\w*))|"
    # ... and "не меньше" before a figure is "at least", "no fewer than" (as "не менее"); not
    # "волнуется не меньше" (no less), which "worries less" must still contradict
    r"\bне меньше(?=\s*(?:\d|(?:одн|дв|тр[еёиоа]|четыр|пят|шест|сем|восем|девят|десят|двадцат|"
    r"тридцат|сорок|девяност|сто|сот|тысяч|миллион|миллиард|пол|трет|четверт|нескольк)\w*))",
    regex.IGNORECASE,
)

# "Не обошлось без столкновений" (impersonal: "there were clashes") is a double negation,
# "мне / им всё равно" is "I / they don't care" and "не составило (никакого) труда" is "was
# easy": all weak lexical words, so that either an English affirmative or an English "not
# without" / "don't care" pairs with them.
_MANAGED = (r"обошлось|обошлись|обошлась|обош[её]лся|обходит(?:ся|ь?ся)|обходятся|обойд[её]тся|"
            r"обойдутся")  # "did without": не обошлось без, без жертв не обошлось
DOUBLE_RU = regex.compile(
    # ... with a particle between ("Не обошлось и без курьезов", "он не обошёлся без помощи"),
    # and in the other order ("Без жертв, к сожалению, не обошлось")
    rf"\bне\s+(?:{_MANAGED})\s+(?:(?:и|даже|тут|здесь)\s+)?без\w*|"
    rf"\bбез\s+(?:\S+\s+){{1,4}}?не\s+(?:{_MANAGED})\b|"
    r"\b(?:мне|тебе|ему|ей|нам|вам|им)\s+(?:было\s+|будет\s+)?вс[её]\s+равно\b|"
    r"\bне\s+состав\w+\s+(?:\w+\s+){0,2}(?:никакого\s+|особого\s+|большого\s+)?труда\b|"
    # "нельзя не отметить" (must be noted) and "ему ничего не оставалось, как" (had to, had no
    # choice but) are double negations too
    r"\bнельзя\s+не\b|\bничего\s+(?:\w+\s+)?не\s+оставал\w*|"
    # "не противоречит" (is consistent with), "не остался незамеченным / без внимания" (drew
    # attention): a negated word of negative sense
    r"\bне\s+противореч\w*|\bне\s+оста\w*\s+(?:незамечен\w*|без\s+внимания)|"
    # "не оставила равнодушным" (moved), "не оставим без ответа" (will respond), "не останется
    # безнаказанным" (will be punished)
    r"\b(?:никого\s+)?не\s+оста\w*\s+(?:\w+\s+)?"
    r"(?:равнодушн\w*|безнаказанн\w*|без\s+(?:ответа|наказания))|"
    # litotes of rank, "не первый / не единственный / не последний" (one of several, another,
    # a senior), and "не подвержен" (resistant to)
    r"\bне\s+(?:(?:перв|единствен)(?:ый|ая|ое|ые|ого|ой|ому|ым|ом|ую|ых|ыми)|"
    r"последн(?:ий|яя|ее|ие|его|ей|ему|им|ем|юю|их|ими))\b|"
    r"\bне\s+подвержен\w*|\bне\s+впервой\b|"  # "не впервой": has done it before
    # "не имеет (себе) равных", "нет равных" (second to none, unrivalled, has no equal)
    r"\b(?:не\s+име\w+|нет)\s+(?:себе\s+)?равных\b|"
    # "нет ничего важнее" (the most important) is said with a "not" as often as without ("nothing
    # is more important"), so weak rather than formal (session 36, English first)
    r"\bнет\s+ничего\s+\w+(?:ее|ей|ше|же|ще)\b|"
    # "не может не" is "is bound to", "не мог не согласиться" "had to agree"
    r"\bне\s+(?:мог|могла|могло|могли|может|могут|можем|могу|смог\w*|сможет|сможем|смогут)"
    r"\s+не\b|"
    # "что (-то) не так" is "what / something is wrong", "не так, как" "otherwise than"; "не
    # прочь" "willing" (or "wouldn't mind"); "не помешает", "лишним не будет" "would be useful"
    # (or "won't hurt")
    r"\bчто(?:-то|-нибудь)?(?:\s+\w+){0,2}\s+не\s+так\b|\bне\s+так,?\s+как\b|\bне\s+прочь\b|"
    # (not the past, "не помешала" "did not prevent", a negation of its own; session 31)
    r"\bне\s+помеша(?:ет|ют)\b|\bне\s+помешал[аои]?\s+бы\b|"
    r"\bлишн\w*\s+не\s+буд\w*|\bне\s+буд\w*\s+лишн\w*|"
    # indifference, which English says with a "not" ("didn't care"): наплевать, до фени, по
    # барабану, безразлично
    r"\bнаплевать\b|\bнасрать\b|\bначхать\b|\bпох[уy]й\b|\bдо\s+(?:фени|лампочки|фонаря)\b|"
    r"\bпо\s+барабану\b|\bбезразлич\w*|"
    # spoken Russian (session 36, TED talks): "всё пошло не так" (everything went wrong),
    # "ничего страшного" (it's OK, no big deal), "пока не поздно" (before it's too late, while
    # there's still time)
    r"\b(?:по)?(?:шло|шли|ш[её]л|шла|йд[её]т|ид[её]т|идут)\s+не\s+так\b|"
    r"\bничего\s+страшного\b|\bпока\s+(?:ещё\s+|еще\s+)?не\s+поздно\b",
    regex.IGNORECASE,
)

# Russian "нет (никаких) сомнений" is the certainty idiom ("there is no doubt", Kazakh
# "күмән жоқ", both formal): a weak lexical word, so "I have no doubt" still pairs with it.
NO_DOUBT_RU = regex.compile(r"\bнет\s+(?:никаких\s+)?сомнени\w*", regex.IGNORECASE)

# Russian words of avoiding, silence and unlikelihood that render an English "not" (session 36,
# English-first probes; as отказ-, отрица-, промолч- already are): "уклонился от ответа" (would
# not be drawn), "проигнорировал запрос" (did not respond), "бойкотировали" (did not take part),
# "пожелавший остаться анонимным" (asked not to be named), "маловероятно" (is not expected to),
# "хранил молчание" (said nothing), "ложное утверждение" (not true), "отклонил" (did not accept),
# "противопоказан" (not suitable), "причины выясняются" (not yet known), "вышла из-под контроля"
# (is not under control), "будет сухо" (no rain). Lexical: each needs no "not" in the English and
# may stand for one. Not лишиться, отвергнуть, остановить, засуха: beside a "not" the English
# adds elsewhere in the sentence they are too common (made-up errors of the dev set).
SAID_NEGATIVELY_RU = regex.compile(
    r"\b(?:бойкот\w*|уклон\w*|игнорир\w*|проигнорир\w*|аноним\w*|маловероятн\w*|молч\w*|молча\w*|"
    r"ложн\w*|ложь|лжив\w*|отклон\w*|противопоказ\w*|выясня\w*|из-под\s+контрол\w*|"
    r"сух(?:о|ая|ой|ое|ую|ие|их|ими)|"
    # spoken (TED talks): "Сомневаюсь, что это сработает" (I don't think it'll work), "об этом
    # знают немногие" (not many people know); not "впервые" (I had never seen ... before), which
    # hid a "not" added elsewhere in the English (made-up errors of the dev set)
    r"(?<!\bне\s)сомнева(?:юсь|емся)|немноги(?:е|х|ми)|"
    # "не смог сдержать смех / слёз": "burst out laughing / into tears"
    r"не\s+(?:(?:смог\w*|мог\w*|сумел\w*)\s+)?[су]держ\w*\s+(?:смех\w*|сл[её]з\w*|эмоци\w*|"
    r"улыбк\w*))\b",
    regex.IGNORECASE,
)

# "не" before an adverbial participle (не дождавшись, не попрощавшись, не задумываясь, не боясь)
# is "without": the English says "before the ambulance arrived", "without saying goodbye", as a
# Kazakh -май converb is (only the unambiguous endings: -вшись, -вши, -ясь; not -в, -я, -а,
# which are as often a short adjective or a pronoun: "не готов", "не я").
GERUND_RU = regex.compile(r"\bне\s+(?=\w{3,}(?:вшись|вши|ясь)\b)", regex.IGNORECASE)
