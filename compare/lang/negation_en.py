"""English phrases whose negation is formal, weak or lexical, for :mod:`compare.negations`.

Language data apart from the counting logic, as :mod:`compare.lang.negation_ru` and
:mod:`compare.lang.negation_kk` hold the Russian and Kazakh ones: general rules of English usage
and of how professional translators render negation, not fitted to any sentence of an evaluation
set.
"""

from __future__ import annotations

import regex

# Formal negations, removed before counting (the Russian ones, with the Russian weak phrases, are
# in compare/lang/negation_ru.py).
FORMAL_EN = regex.compile(
    r"\b(?:not only|no more than|no less than|not less than|not more than|no later than|"
    r"not later than|not least|no sooner|no doubt|not until|nothing less|no matter|"
    r"none other than|not long ago|no fewer than|not so long ago|"
    r"not to mention|no wonder|none the less|nothing short of|no earlier than|"
    r"not earlier than|not before|no less|not less|no secret|not surprising\w*|"
    r"than never|more often than not|"
    r"no[- ]brainer|"  # "a no-brainer": obvious
    # a question tag: "That's strange, isn't it?" is "Странно, правда?" (the tag's polarity is
    # the grammar's, not the speaker's), and "not an accident" as "no accident" (не случайно)
    r"(?<=,\s{0,3})(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should|"
    r"wo|ca|ai)n['’]t\s+(?:it|you|they|we|he|she|i|there|that|this)(?=\s*[?!])|"
    r"not\s+an?\s+accident|"
    # "They don't say it for nothing" (не зря говорят), a double negation
    r"(?:\w+n['’]t|not)\s+(?:\w+\s+){1,3}for\s+nothing|"
    r"in no time|"  # quickly
    r"undoubted\w*|doubtless\w*|"  # certainty adverbs, as Kazakh сөзсіз, күмәнсіз
    # "not without" (Russian "не без", formal there too): has some; "and no more" (и не более)
    r"not\s+without|and\s+no\s+more|"
    # "no accident", "not for nothing", as Russian "не случайно", "не зря" (formal there too)
    r"no accident|not by accident|not accidental\w*|not for nothing|not in vain|"
    r"no coincidence|not a coincidence|not coincidental\w*|not by chance|"
    r"(?:like|as)\s+never\s+before|"  # Russian "как никогда", formal there too
    r"(?<!not\s)for\s+nothing|"  # "playing for nothing": просто так, бесплатно

    # "could not fail to notice" (не мог не заметить, "must have noticed"): positive too
    r"(?:cannot|(?:can|could|did|does|do|will|would)(?:n't|n’t| not)|never)\s+fail\s+to|"
    # double negation, a positive: "can't do without" (needs), "no family can do without us"
    r"(?:can(?:not|'t|’t)|could(?:n't|n’t|\s+not)|no\s+\w+\s+can)\s+do\s+without)\b",
    regex.IGNORECASE,
)
# "No doubt" is formal as a sentence adverb ("No doubt he knew") and in "there is no doubt",
# but "have no doubt", "be in no doubt", "leave no doubt" negate doubting as Russian "не
# сомневаться" does: those keep their "no".
DOUBT_EN = regex.compile(
    r"\b(?:ha(?:ve|s|d|ving)|in|leaves?|left|leaving)\s+no\s+doubt", regex.IGNORECASE
)
# Litotes of ceasing: "не прекращаются" / "do not stop" say "continue", so a negated verb of
# ceasing (прекращать, переставать, останавливаться, утихать, смолкать; stop, cease, halt,
# quit) is rewritten to a weak lexical word on both sides: it then neither demands a "not" on
# the other side ("protests continue") nor is lost against one ("did not stop"). A "stopped"
# against "не прекращаются" is the antonym check's business, as it was before.
CEASE_EN = regex.compile(
    r"\b(?:(?:do|does|did|will|would|could|can|has|have|had|should)\s*(?:not|n['’]t)|never|"
    r"won['’]t|cannot|not)\s+(?:(?:yet|even|ever|once)\s+)?(?:be\s+|been\s+|being\s+)?"
    r"(?:stop\w*|ceas\w*|halt\w*|quit\w*)",  # and the passive "will not be stopped"
    regex.IGNORECASE,
)
# Questions whose negation asks rather than denies, and litotes of degree: a translator may
# write them with or without a "not" ("не так ли?" -> "right?" or "isn't it?"; "было бы
# здорово" -> "wouldn't it be great"; "глубоко заблуждались" -> "couldn't have been more
# wrong"), so each is a lexical word: it needs no counterpart and may stand for one.
RHETORIC_EN = regex.compile(
    r"\b(?:(?:did|does|do|will|would)(?:n't|n’t| not) take (?:long|much time)|"  # вскоре
    r"would(?:n't|n’t| not) it be|would(?:n't|n’t) you know it|"
    r"(?:could|can)(?:n't|n’t|not| not) (?:have been |be |agree )?more|"
    # "couldn't be happier" (өте бақыттымын), "couldn't care less", "can't wait" (асыға күтеміз,
    # не терпится): degree and eagerness, with or without a "not" in the source
    r"(?:could|can)(?:n't|n’t|not| not) (?:have been |be |care )?(?:better|worse|happier|"
    r"prouder|clearer|easier|less)|(?:can(?:not|'t|’t| not)|could(?:n't|n’t| not)) wait|"
    # a question that opens with a negated auxiliary asks for a "yes" ("Isn't that amazing?",
    # "Don't you think...?", "Wouldn't that be great?": "Удивительно, правда?", "Вам не
    # кажется...?"), so a subtitle says it with or without a "не"
    r"(?:(?<=^[\"“«‘']?)|(?<=[.!?…]\s+[\"“«‘']?)|(?<=\b(?:and|but|so|or|well|now|oh|then)\s+))"
    r"(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should|wo|ca)n['’]t"
    r"(?=\s[^.!?]*\?))\b",
    regex.IGNORECASE,
)
# Its English side, "does not go beyond" (within), one lexical word too: a literal rendering
# of "не выходит за рамки" must not count its "not" and its "beyond" apart.
LACK_EN = regex.compile(
    r"\b(?:(?:do|does|did|is|are|was|were|will|would|has|have|had)\s*(?:not|n['’]t)|not|never)"
    r"\s+(?:(?:go|goes|going|went|gone|be|being|been|fall|falls|fell|falling|lie|lies)\s+)?"
    r"(?:beyond|outside)\b",
    regex.IGNORECASE,
)
# "say no to", "vote no": a verb of refusal, as Russian "выступить против", "отказаться".
SAY_NO_EN = regex.compile(r"\b(?:sa(?:y|ys|id|ying)|vot(?:e|es|ed|ing))\s+no\b", regex.I)
# English ill- adjectives (ill-informed, ill-advised, ill-equipped, ill-suited) negate as un-
# does: "не в теме" -> "ill-informed". Rewritten to one word the prefix bucket knows. Written
# apart ("ill advised", "ill prepared") only before a participle: "ill patients" is no negation.
ILL_EN = regex.compile(
    r"\bill-(?=\p{L}{4,})|\bill\s+(?=(?:advised|prepared|equipped|informed|suited|timed|"
    r"conceived|judged|considered|defined|fated|founded|served)\b)",
    regex.IGNORECASE,
)
# "non-governmental", "non-profit": one prefix-negated word, as "nonstop" is (the hyphen would
# split it into "non" and a word that negates nothing).
NON_HYPHEN_EN = regex.compile(r"\b(non)[-‑](?=\p{L}{3,})", regex.IGNORECASE)
# "have / has / is yet to (announce)" is "not yet" ("ещё не объявили") but also "is still to
# be", "предстоит" ("ещё предстоит выяснить"): a lexical negator, not a strong one.
YET_TO_EN = regex.compile(
    r"\b(?:ha(?:ve|s|d)|is|are|was|were|am|remains?|remained)\s+yet\s+to\b", regex.IGNORECASE
)
# Lexical negators written as phrases: "far from (furthering)" = "not at all", "(fall) short
# of" = "not reach / not enough" ("nothing short of" is formal, removed first).
PHRASE_LEXICAL_EN = regex.compile(
    r"\bfar\s+from\b|\bshort\s+of\b|\bdeclin(?:e|es|ed|ing)\s+to\b|"  # declined to comment
    # "too cold to swim", "too early to say": настолько холодно, что нельзя; рано говорить
    r"\btoo\s+(?:\w+\s+){1,2}to\s+(?=\p{L})|"
    # "advises against shaving" (советует не брить), "defies explanation" (не поддаётся)
    r"\b(?:advis|urg|warn|caution)\w*\s+against\b|\bdef(?:y|ies|ied|ying)\b|"
    # "in vain" (безрезультатно, нәтиже бермеді), "fell through" and "broke a promise" (не
    # состоялась, не выполнил обещание)
    r"\bin\s+vain\b|\bnot\s+far\s+from\b|"  # "not far from" is "near" (недалеко, алыс емес)
    # markets "held steady", "were flat" for "не изменились", "өзгерген жоқ"
    r"\bh(?:eld|old|olds|olding)\s+(?:steady|stable|firm)\b|\b(?:was|were|is|are)\s+flat\b|"
    r"\bf(?:all|alls|ell|allen|alling)\s+through\b|"
    r"\bbr(?:eak|eaks|oke|oken|eaking)\s+(?:\w+\s+){0,2}(?:promises?|pledges?|vows?|word)\b|"
    r"\bwhether\s+or\s+not\b|"  # "-маса да" (even if not), "или нет": lexical either way
    # a speaker's "I doubt (it, they will)" is "не думаю", "сенбеймін": first person only, as
    # "Russia should doubt it" against "не должна сомневаться" is a lost negation
    r"\b(?:I|we)\s+(?:(?:very\s+much|really|seriously|rather)\s+)?doubt\b|"
    # "pulled out of the race" for "не участвует", "қатыспайды" (not "withdraw", which is as
    # often troops a source says were not withdrawn)
    r"\bpull(?:s|ed|ing)?\s+out\b|"
    # "will not begin until March" is "не раньше марта", "только в марте" ("not until" itself
    # is formal), or "не начнутся, пока не": its "not" is the until-clause's, lexical (not
    # "will not remain closed until", a state negated for a time)
    r"\b(?:(?:do|does|did|will|would|could|can|should|must|may)\s*(?:not|n['’]t)|won['’]t|"
    r"cannot)\s+(?!(?:be|remain|stay|stand)\b)\w+\s+until\b|"  # one verb: "begin", "leave"
    r"\bout\s+of\s+(?:touch|the\s+loop)\b|\boff\s+(?:topic|the\s+mark)\b|"  # не в теме,
    # which stays a negation ("вы не в теме" -> "you are informed" is flagged); "do not rule
    # out" for "не исключают" (formal) or "не исключил" (a negation), "ruled out" for neither
    r"\b(?:(?:do|does|did|will|would|could|can)\s*(?:not|n['’]t)|cannot|not)"
    r"(?:\s+be(?:en)?)?\s+rul(?:e|ed|ing)\s+out\b",
    regex.IGNORECASE,
)
# English words and phrases of avoiding, refusing, lacking or staying that news translators
# render with a negated verb (session 36, English-first probes): "snubbed the meeting" -> "не
# пришёл", "келмеді"; "stayed away" -> "не пришли"; "kept quiet" -> "ничего не сказал"; "the rain
# held off" -> "дождь так и не пошёл"; "it will be dry" -> "осадков не ожидается"; "flights were
# grounded" -> "самолёты не вылетали"; "talks are at a stalemate" -> "не продвигаются"; "voted
# down / against" -> "не поддержали"; "was left out of / ruled out of the squad" -> "не попал в
# заявку", "не сможет играть"; "escaped injury", "was spared jail" -> "не пострадал", "не
# посадили"; "second to none" -> "не имеет равных"; "the claim is false" -> "не соответствует
# действительности"; "a no-deal Brexit" -> "жёсткий Brexit"; "is not expected until next year"
# -> "не раньше следующего года". Each is lexical: it explains a negation on the other side and
# demands none. Not "closed" or "cancelled": "не закрыты" / "were closed" must stay a flag.
SAID_NEGATIVELY_EN = regex.compile(
    r"\b(?:snub\w*|boycott\w*|shun(?:s|ned|ning)?|dodg\w*|evad(?:e|es|ed|ing)|evasi\w*|"
    r"sidestep\w*|overlook(?:s|ed|ing)?|halt(?:s|ed|ing)?|grounded|spared|deadlock\w*|"
    r"barred|barring|"  # "barred from the race" (не допустили, рұқсат берілмеді)
    r"stalemate\w*|impasse\w*|standstill|outages?|blackouts?|silen(?:t|tly|ce|ced)|"
    r"dry|drier|false(?:ly)?|oppos(?:e|es|ed|ing)|loss[-‑]making|no[-‑]deal|second\s+to\s+none|"
    r"anonymous(?:ly)?|anonymity|"
    r"st(?:ay|ays|ayed|aying)\s+(?:away|at\s+home|home|indoors|inside|put)|"
    r"k(?:eep|eeps|ept|eeping)\s+(?:away|quiet|silent|mum)|h(?:old|olds|eld|olding)\s+off|"
    r"(?:leave|leaves|left|leaving)\s+out|vot(?:e|es|ed|ing)\s+(?:down|against)|"
    r"turn(?:s|ed|ing)?\s+(?:it\s+|them\s+|him\s+|her\s+)?down|"
    r"declin(?:e|es|ed|ing)\s+(?:an?|the|his|her|their|its|this|that)\s+(?:\w+\s+)?"
    r"(?:offer|invitation|request|proposal|bid|nomination|appeal|award|honou?r)|"
    # sport: "ruled out of the match, for six weeks, with injury" (не сможет сыграть)
    r"rul(?:e|es|ed|ing)\s+out\s+(?:of|for|with|until|through)|"
    r"escap(?:e|es|ed|ing)\s+(?:\w+\s+)?(?:injur\w*|unhurt|unharmed|unscathed|punishment|"
    r"prosecution|jail|prison|conviction|harm|damage|charges?)|"
    r"out\s+of\s+(?:\w+\s+)?control|out\s+of\s+(?:contact|reach)|not\s+far\s+(?:off|away)|"
    r"not\s+(?:expected|due|scheduled|set|planned|likely)\s+(?:to\s+\w+\s+)?until|"
    # spoken English (session 36, TED talks): "nothing but sand" (лишь песок; "I did nothing but
    # work" = "ничего не делал, только работал"), "never mind" (неважно, ладно), "take your
    # time" (не торопитесь), "don't get me wrong" (поймите правильно), "it's not rocket
    # science" (проще простого), "the last thing I wanted" (меньше всего хотел, совсем не
    # хотел), "years, if not decades" (а то и; "If not now, when?" = "Если не сейчас"), "Not
    # that I minded" / "It's not like I didn't try" (не то чтобы), "No way!" (Да ладно!)
    r"nothing\s+but|no\s+one\s+but|nobody\s+but|none\s+but|never\s+mind|"
    r"t(?:ake|akes|ook|aking)\s+(?:your|my|our|his|her|their)\s+time|"
    r"do(?:n['’]t|\s+not)\s+get\s+me\s+wrong|not\s+rocket\s+science|"
    r"the\s+last\s+thing\s+(?:i|we|you|he|she|they)\s+(?:\w+\s+)?(?:want|need|expect)\w*|"
    r"(?:(?<=,\s*)|(?<=^\W*)|(?<=[.!?…]\s+))if\s+not(?=\s*,|\s+(?!\w+ed\b)\w+\s*[,.!?;])|"
    r"(?:(?<=^\W*)|(?<=[.!?…,;:—–]\s*)|(?<=\b(?:and|but|so)\s+))"
    r"(?:it['’]s\s+|it\s+(?:is|was)\s+)?not\s+(?:that|like)(?=\s+(?:i|we|you|he|she|they|it|"
    r"there|anyone|anybody|everyone|people|my|our)\b)|"
    r"(?:(?<=^\W*)|(?<=[.!?…]\s+))no\s+way(?=\s*[!.?]))\b",
    regex.IGNORECASE,
)
