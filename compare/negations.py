"""Counting the negations of a Russian, Kazakh or English sentence, for the negation check
(:mod:`compare.checks.negation`, which compares the counts of a pair) and the antonym check
(which asks whether a negation stands next to a pole word).

Each side's negations are counted clause by clause (Russian "никогда не" and "ни ... ни" count
once, like English "never" and "neither ... nor"), after removing fixed phrases whose negation
is only formal (не только / not only, тем не менее, не менее / no less, не раньше /
no earlier than, not before, and the concessive "бы ни" after any form of a wh-word: какими бы
ни были "whatever they were"). A side
with more negations is flagged unless the other side has enough *weak* negators that a
translator may legitimately render as "not": без / without and без-/бес- words (бессмысленно
-> "makes no sense"), не-prefixed words (нелегко -> "not easy"), un-/in-/ill- words (impossible
-> "не может", ill-informed <- "не в теме"), "fail", "lack", "lose" / потерять (-> "no longer"),
"hardly", "only"...

Idioms that negate on one side only: "have / be in no doubt" keeps its "no" (as "не
сомневаться" does), while "нет сомнений" is the certainty idiom, weak; a negated verb of ceasing
(не прекращаются, did not stop) is "continue" and weak on both sides; "say no to" is a verb of
refusal; "не только меня" pairs with "I'm not the only one". English "has yet to" ("not
yet" or "still to"), "far from", "short of" and "landlocked" (не имеющий выхода к морю) are lexical
negators; "не обошлось без" (double negation: "there were") and "им всё равно" ("they don't
care") are weak; Kazakh "ойға / ақылға сыймайды" ("does not fit the mind": absurd) is weak.
English words and phrases that carry a negation as professional translators use them (session
36): "in vain", "fell through", "broke a promise", "pending", "withheld", "refrain", "abstain",
"avert", "reluctant", "held steady", "not far from", "couldn't be happier", "can't wait",
"whether or not" and a "not" whose verb awaits an "until" ("will not begin until March" for "не
раньше марта") are lexical; "could not fail to" is a double negation (formal); "anything but" is
a strong "not". English words of avoiding, staying, silence and lack that a translation says
with a negated verb (snubbed, stayed away, kept quiet, held off, dry, grounded, voted down...),
and Russian and Kazakh words that say an English "not" without one (уклонился, маловероятно,
екіталай...), are lexical too (:mod:`compare.lang.negation_en` and the Russian and Kazakh data).

Kazakh (general rules of the grammar, not fitted to sentences):

* a finite verb with the negative suffix (-ма/-ме/-ба/-бе/-па/-пе, the consonant fitting its
  stem) is strong, and so are емес, жоқ with its person endings and the eш- pronouns (ешкім,
  ештеңе, ешқайсысы...; one negation with the verb they go with, as English "nobody");
* double negation is positive and dropped: "жоқ емес" (there are some), "-май қоймайды"
  (will surely); so are fixed phrases whose negation is formal: әйтпесе "otherwise", ең
  болмаса "at least", бекер/кездейсоқ емес "not for nothing" (like Russian не зря/не случайно);
* weak, as a participle or "without" is: the attributive -мас/-мес before another word
  (ұмытылмас сәт "an unforgettable moment"), purpose "-мас үшін" ("to prevent", "so as not
  to"), -мастан "without", rhetorical "емес пе?" / "жоқ па?" ("isn't it?", often a statement
  in English), жоқтығы "the absence of", "жоққа шығару" "deny", "жоқ болу" "vanish"; a negated
  verb of ceasing (тоқтамады, толастамады, басылмады, үзілмеді: "kept on", "continued"); "ADJ
  емес" where Russian has one не-word (оңай емес ~ нелегко); lexical words as in Russian
  (тыйым ~ запрет, тоқтату ~ прекратить, кем ~ менее, бекер ~ зря; not аз, which is the
  adjective "small" far more often than a "few" standing for "not many");
* a capitalised word inside a sentence is a name, never a negative verb (Томас, Гомес, Хамас
  end like -мас/-мес).

* against English, a Kazakh -сыз word and an English un-/il- word explain each other (one
  bucket for prefix and "without": заңсыз ~ illegal, белгісіз ~ unknown); қарсы "against"
  explains no "not".

English un-/dis-/ir-/il-/non- words count as prefix negations only when the prefix negates
(unable, dislike, irregular, illegal, non-governmental; not under, united, district, discuss,
Irish, none).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from compare.lang.negation_en import CEASE_EN as _CEASE_EN
from compare.lang.negation_en import DOUBT_EN as _DOUBT_EN
from compare.lang.negation_en import FORMAL_EN as _FORMAL_EN
from compare.lang.negation_en import ILL_EN as _ILL_EN
from compare.lang.negation_en import LACK_EN as _LACK_EN
from compare.lang.negation_en import NON_HYPHEN_EN as _NON_HYPHEN_EN
from compare.lang.negation_en import PHRASE_LEXICAL_EN as _PHRASE_LEXICAL_EN
from compare.lang.negation_en import RHETORIC_EN as _RHETORIC_EN
from compare.lang.negation_en import SAID_NEGATIVELY_EN as _SAID_NEGATIVELY_EN
from compare.lang.negation_en import SAY_NO_EN as _SAY_NO_EN
from compare.lang.negation_en import YET_TO_EN as _YET_TO_EN
from compare.lang.negation_kk import FORMAL_KK as _FORMAL_KK
from compare.lang.negation_kk import KK_REWRITES as _KK_REWRITES
from compare.lang.negation_kk import SAID_NEGATIVELY_KK as _SAID_NEGATIVELY_KK
from compare.lang.negation_ru import CEASE_RU as _CEASE_RU
from compare.lang.negation_ru import DOUBLE_RU as _DOUBLE_RU
from compare.lang.negation_ru import FORMAL_RU as _FORMAL_RU
from compare.lang.negation_ru import GERUND_RU as _GERUND_RU
from compare.lang.negation_ru import LACK_RU as _LACK_RU
from compare.lang.negation_ru import NO_DOUBT_RU as _NO_DOUBT_RU
from compare.lang.negation_ru import RHETORIC_RU as _RHETORIC_RU
from compare.lang.negation_ru import SAID_NEGATIVELY_RU as _SAID_NEGATIVELY_RU
from compare.lang.negation_ru import UNTIL_RU as _UNTIL_RU
from compare.words import WITH_NEGATIVE_CONTRACTION

_WORD = WITH_NEGATIVE_CONTRACTION
_CLAUSE = regex.compile(r"[,;:()\"“”«»—–]|\s-\s|\.\s")

_ONLY = {
    "ru": regex.compile(r"\bне только\b", regex.IGNORECASE),
    "en": regex.compile(r"\b(?:not|\w+n['’]t) (?:the only|just|merely)\b", regex.IGNORECASE),
}
# The -мас/-мес form is a finite "will not" at the end of its clause or before еді, екен, a
# question particle or a verb of saying; before any other word it is an attributive participle
# (ұмытылмас сәт, бітпес соғыс: "unforgettable", "endless"), a prefix negation in English.
_KK_ATTRIBUTIVE = regex.compile(
    r"\b(\w{2,}[мбп][ае]с)(?=[ \u00a0]+(?!(?:еді|екен|ед|ма|ме|па|пе|ба|бе|деп|деді|"
    r"дейді|дейміз|деймін|да|де|та|те|ғой|қой|шығар)\b)\w)",
    regex.IGNORECASE,
)
# A negative participle that ends its clause (alone or before еді / екен, a comma, a quote,
# a conjunction or a verb of saying) is the predicate: "Ол Астанаға бармаған." = "He has not
# been to Astana", "қашпаған және ..." = "did not run and ..."; before a noun it stays weak.
_KK_FINITE_PARTICIPLE = regex.compile(
    r"\b(\w{2,}[мбп][ае](?:ған|ген|йтын|йтін))(?=[ \u00a0]*(?:(?:еді|екен)\w*[ \u00a0]*)?"
    r"(?:[.!?;:…,\"“”«»]|$|[ \u00a0]+(?:және|әрі|бірақ|алайда|деп|деді|дейді|шығар|сияқты|"
    r"секілді)\b))",  # "-майтын шығар / сияқты": "probably will not", "seems not to"
    regex.IGNORECASE,
)
# A bare -ма/-ме at the end of a clause is the negative imperative (айтпа "don't tell", қорықпа
# "don't be afraid", English "don't"), but as often a noun (бағдарлама, мәлімдеме, проблема):
# weak, so that it explains an English "don't" and demands nothing of the English itself.
_KK_IMPERATIVE = regex.compile(
    r"\b(\w{2,}[мбп][ае])(?=[ \u00a0]*(?:[.!?;:…,\"“”«»)]|$))", regex.IGNORECASE)
# A capitalised word inside a sentence (after a lower-case word or a digit) is a name.
_KK_MID_CAPITAL = regex.compile(r"(?<=[\p{Ll}\d,][ \u00a0])\p{Lu}\p{L}*")
# So is a Russian one that starts with "Не" (Невада, Небраска, Нестеров): no не-word.
_RU_MID_CAPITAL_NE = regex.compile(r"(?<=[\p{Ll}\d,][ \u00a0])Не\p{Ll}+")

_NI_WORDS = regex.compile(
    r"никогда|никто|никого|никому|никем|ничто|ничего|ничему|ничем|нигде|никуда|ниоткуда|"
    r"нисколько|ничуть|никак\w*|ничей\w*|ничь\w*|ни|"
    # "there is no one to": некого ждать, некому помочь (the не- bucket leaves не-ко words out)
    r"некого|некому|некем"
)
_CONTRAST_RU = regex.compile(r"\bа не\b", regex.IGNORECASE)  # "а не X" = "rather than X"
# "не ясно", "не известно" are written apart as often as неясно, неизвестно (unclear, unknown):
# joined, they are the не-word the prefix bucket pairs with an un-word or a "not".
_NE_APART_RU = regex.compile(r"\bне\s+(ясн|понятн|известн|очевидн)", regex.IGNORECASE)
_STRONG_RU = regex.compile(r"не|нет|нету|нельзя|невозможно")  # нету: colloquial нет
_CONTRAST_KK = regex.compile(r"\bемес\s*,", regex.IGNORECASE)
# Kazakh: negative words, and finite verbs with the negative suffix -ма/-ме/-ба/-бе/-па/-пе
# before a tense or person ending (бармайды, келмеді, болмас). Negative participles and
# converbs (күтпеген "unexpected", ашпай "without opening") are weak: they often become an
# English adjective or "without".
#
# The suffix's first sound follows the sound before it: -ма/-ме after a vowel or р, л, й, у
# (бармады, ойламайды); -ба/-бе after з, ж, м, н, ң (жазбады, көнбеді); -па/-пе after a
# voiceless consonant (айтпады, кетпеді). A word whose "suffix" breaks that rule is not a
# negative verb but a stem that merely has those letters: жабады "covers" (жап-), табады
# "finds", Лопес. _kk_negative_suffix applies the rule to every suffix pattern below.
_KK_NOT_VERBS = {"немесе", "әлдеқашан", "жаппай"}  # жаппай "en masse"
# Stems that end in м + a vowel themselves, so that their forms look negative: кем "less" ->
# кемей- "decrease" (кемейді "decreased"), қама- "shut in" (қамау "custody", қамады).
_KK_NOT_VERB_STEMS = ("кемей", "қамау", "қамад", "қамай")
_KK_BEFORE = {"м": "аәеоөұүыіэюяирлйу", "б": "зжмнң", "п": "кқпстшфхчцщ"}
_KK_VERB = regex.compile(
    r"(\w{2,})([мбп])[ае](?:йды|йді|ды|ді|ймын|ймін|ймыз|йміз|йсың|йсің|йсыз|йсіз|ңыз|ңіз|"
    r"са|се|с|дым|дім|дық|дік|дың|дің|дыңыз|діңіз|дыңдар|діңдер|ңдар|ңдер|"
    r"пты|пті|ппын|ппін|ппыз|ппіз|спын|спін|спыз|спіз)"
)
# A negative participle or verbal noun with a possessive ending is a whole negated clause, as
# in reported speech: ауыстырмағанын айтты "said that (they) did not replace", сене
# алмайтынымыз "that we cannot rely"; English writes it with a finite "not". Bare, it is weak
# (күтпеген жағдай "an unexpected situation"), and so is the verbal noun (келмеуі, бас тартпауы:
# often "prevent", "refuse", "avoid" in English).
_KK_CLAUSE = regex.compile(
    r"(\w{2,})([мбп])[ае](?:ған|ген|йтын|йтін)"
    r"(?:ы|і|ым|ім|ың|ің|ымыз|іміз|ыңыз|іңіз|лары|лері|дары|дері)"
    r"(?:н|на|не|ны|ні|нда|нде|нан|нен|ның|нің|мен|ды|ді|ты|ті|да|де|та|те|дан|ден)?"
)
# жоқ with its person endings (жоқпын, жоқсыз); not жоқшылық "poverty", жоқтау "mourning".
_KK_NEG_PRONOUN = (
    r"еш|ешкім\w*|ештеңе\w*|ешнәрсе\w*|ешқашан\w*|ешқандай\w*|ешбір\w*|ешқайсы\w*|"
    r"ешқайда\w*|ешжер\w*|ешуақыт\w*|ешқалай|түк"
)
_STRONG_KK = regex.compile(
    r"емес\w*|жоқ|жоқ(?:пын|пін|пыз|піз|сың|сің|сыз|сіз|сыңдар|сыздар)|" + _KK_NEG_PRONOUN
)
_KK_NEG_WORD = regex.compile(_KK_NEG_PRONOUN)
_STRONG_EN = regex.compile(
    r"not|n't|n’t|no|never|nobody|nothing|nowhere|none|neither|nor|cannot|no-one|noone|nope|nah"
)
# "Item No. 713946", "Order no.: 5110704"
_NUMBER_SIGN_EN = regex.compile(r"\bNo\b\.?\s*:?\s*(?=\d)|\bno\.\s*:?\s*(?=\d)")

# Weak negators, in three buckets that pair up across languages: a не-word on one side and an
# un-word on the other explain each other and nothing else.
# 1. prefix negation: нелегко, неизвестно / unknown, impossible; Kazakh negative participles.
_PREFIX = {
    "ru": regex.compile(
        r"не(?!скольк|обходим|дел|фт|бо|рв|му|го|е|й|м|ж|ко|кий|зависим|смотря|давн|задолго|"
        r"мец|мецк|сти|сет|сл|сут|сущ|бес|сла)\w{3,}"
    ),
    "kk": regex.compile(
        # -мағалы / -мегелі "since ... (not)": көрмегелі бес жыл болды, "have not seen for five
        # years" or "five years since they last saw"
        r"(\w{2,})([мбп])[ае](?:ған\w*|ген\w*|йтын\w*|йтін\w*|йынша|йінше|сkkattr|ғалы|гелі|"
        r"сқа|ске|стай|стей)|"
        r"kklitotes"
    ),
    "en": regex.compile(
        r"un(?!der|ion|it|iv|iq|til|ifor|animous|cle)\w{4,}|in(?:capable|complete|correct|sufficient|adequate|valid|visible|definite|"
        r"dependent|direct|formal|accurate|active|ability|toleran|tolerab|accessib|appropriat|"
        r"effective|eligib|experienc|expensive|evitab|consisten|convenien|compatib|"
        r"comprehensib|conceivab|competen|curab|secur|significan|justice|action|"
        r"nocen)\w*|im(?:possible|proper|mature|"
        r"mobile|balance|penetrable|passable|perfect|patient|practical|probable|partial|"
        r"measurable|mortal)\w*|"
        r"a(?:symptomatic|typical)\w*|"  # asymptomatic (не было симптомов), atypical
        r"il(?:legal|legitimate|logical|literate|licit)\w*|irr(?!igat)\w{4,}|"
        r"dis(?!tric|cuss|play|tan|tribut|tinct|cipl|aster|cover|course|ease|patch|clos|h|c\b|k\b|"
        r"cs\b|ks\b)\w{4,}|non(?!e)\w{3,}|illneg\w+"
    ),
}
# 2. lexical: words a translator may render with or as "not" (вряд ли, отказ / fail, lack;
# colloquial пофиг "(I) don't care").
_LEXICAL = {
    "ru": regex.compile(
        r"вряд|едва|лишь|только|мало|кроме|отказ\w*|отсутств\w*|прекрат\w*|промолч\w*|умолча\w*|"
        r"переста(?:л|н|ть|ю|[её]т|ем|ете|ва)\w*|плевать|"
        r"запрещ\w*|воспрещ\w*|избега\w*|избеж\w*|отрица\w*|провал\w*|неудач\w*|редк\w*|мимо|"
        r"зря|пофиг|"
        r"закончил\w*|лишен\w*|лиш[её]н\w*|освобожд\w*|меньше|менее|rucease|rudoubt|rudouble|rurhetoric|rulack|бездейств\w*|"
        r"потер[яеь]\w*|передума\w*|"  # "передумали лететь": "no longer wish to travel"
        r"воздерж\w*"  # "воздержался от комментариев": "did not comment"
    ),
    # бас тарту "refuse"; kkcontrast stands for a contrasting "X емес, Y" (see count_negations);
    # not қарсы "against", a postposition like Russian против, which is not here either; the
    # negative verbal noun -мау/-меу (болдырмау "preventing") pairs with prevent, avoid, fail
    "kk": regex.compile(
        r"тек|ғана|қана|сирек|бастарт\w*|kkcontrast|kkrhetoric|kkdeny|kkabsence|kkabsurd|kkcease|"
        r"kkdouble|kkfew|"
        r"(\w{2,})([мбп])[ае]у\w*|kkpurpose|тыйым\w*|аулақ\w*|жалтар\w*|тоқтат\w*|тоқтады\w*|тоқтап|әрең|кем|"
        r"жоғалт\w*|жоғалды\w*|айырыл\w*|теріске|бекер|босқа|қалыс|(\w{2,})([мбп])[ае]kkimper"
    ),
    "en": regex.compile(
        r"lack\w*|fail\w*|refus\w*|den(?:y|ies|ied)|absen\w+|avoid\w*|prevent\w*|stop\w*|"
        r"ceas\w*|rarely|hardly|barely|scarcely|seldom|little|few|only|except|instead|rather|beyond|"
        r"unless|lest|rare|unable|reject\w*|lost|lose|loses|losing|less|devoid|exempt\w*|remain\w*|"
        r"missing|vanish\w*|miss|missed|misses|shortage\w*|ignor\w*|neglect\w*|skip\w*|"
        r"block|blocks|blocked|blocking|forbid\w*|prohibit\w*|ban|bans|banned|banning|"
        # refrain / abstain (не стал, воздержался), withheld (не разглашается), pending
        # ("not yet decided"), sceptical ("не верят", сенбейді)
        r"refrain\w*|abstain\w*|withh[eo]ld\w*|pending|s[ck]eptic\w*|avert\w*|reluctan\w*|"
        r"encease|enlack|ensayno|enfarfrom|enrhetoric|landlocked"
    ),
}
# 3. "without": без ~ without / no / -less / free of; "а не X" ~ "rather than X".
_WITHOUT = {
    "en": regex.compile(r"without|\w{3,}less|free"),
    # Russian без-/бес- adjectives and adverbs (бессмысленно "makes no sense", бесполезный,
    # бездомные) are "without" words as English -less ones are; not nouns (безработица
    # "unemployment", безопасность), nor беседа.
    "ru": regex.compile(
        r"без|безо|ане|бе[зс](?!ед)\w{3,}(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|"
        r"ых|их|ыми|ими|ен|на|но|ны)"
    ),
    "kk": regex.compile(r"(\w+)(?:сыз|сіз)\w*|(\w{2,})([мбп])[ае]й|kkwithout"),
}
# -сыз/-сіз is "without" on a noun (заңсыз, белгісіз) but the polite "you" ending on a verb
# (аласыз, көресіз, ойлайсыз); тәуелсіз "independent" and қауіпсіз "safe", қауіпсіздік
# "security" are lexical, as независимый and безопасность are in Russian.
_KK_SIZ_NOT = regex.compile(
    r"\w*(?:[ае]|й)(?:сыз|сіз)|тәуелсіз\w*|қауіпсіз\w*|\w*(?:сыз|сіз)(?:дар|дер)"
)


@dataclass
class NegationCounts:
    """Strong negations of a sentence, its weak negators by bucket, and the words shown."""

    strong: int
    prefix: int
    lexical: int
    without: int
    words: list[str]
    litotes: int = 0  # negated verbs of ceasing rewritten as weak ("не прекращаются")
    only: int = 0  # Russian "не только" (formal), English "not the only / just" (kept strong)
    # Of ``lexical``: the second "ни" of "ни X, ни Y" and an English "nor", which may stand for
    # a second negated clause on the other side but are no weak word of their own.
    concord: int = 0

    def spare_against(self, other: NegationCounts, merge_without: bool = False) -> int:
        """Weak negators here with no counterpart there: how many extra "not"s they explain.

        ``merge_without`` pairs the prefix and "without" buckets as one: a Kazakh -сыз word
        (заңсыз, белгісіз, жұмыссыздық) is as often an English un-/il- word (illegal,
        unknown, unemployment) as a "-less" or "without" one."""
        if merge_without:
            shape = max(0, self.prefix + self.without - other.prefix - other.without)
        else:
            shape = max(0, self.prefix - other.prefix) + max(0, self.without - other.without)
        # The other side's concord words pair with nothing here: "Ни Трамп, ни Ким не
        # прокомментировали" is "Both declined to comment", whose "declined" must still explain
        # the "не" ("Neither Trump nor Kim would comment" for "отказались" likewise).
        return shape + max(0, self.lexical - (other.lexical - other.concord))


def one_sided(src: NegationCounts, tgt: NegationCounts, lang: str) -> str | None:
    """The side ("source" or "target") with a negation the other cannot account for."""
    merge = lang == "kk"
    # "не только меня" -> "I'm not the only one", "а не только" -> "and not just": the formal
    # "не только" explains one English "not the only / not just / not merely", which otherwise
    # stays a negation ("единственный" -> "not the only", "не просто" -> "not just").
    tgt_strong = tgt.strong - min(tgt.only, src.only)
    if tgt_strong - src.strong > src.spare_against(tgt, merge):
        return "target"
    if (
        src.strong - tgt_strong > tgt.spare_against(src, merge)
        # A surplus of one in the source is flagged only when the English has no
        # negation at all: "не сминается, не растягивается" -> "does not crumble or
        # stretch" is one English negation over two clauses.
        and (tgt_strong == 0 or src.strong - tgt_strong >= 2)
    ):
        return "source"
    return None


def _kk_negative_suffix(m: regex.Match | None) -> bool:
    """Whether a match of the Kazakh verb patterns has the suffix form its stem calls for."""
    if m is None:
        return False
    groups = [g for g in m.groups() if g is not None]
    if len(groups) < 2:
        return True  # the -сыз/-сіз alternative: no suffix consonant to check
    stem, consonant = groups[-2], groups[-1]
    return stem[-1] in _KK_BEFORE[consonant]


def _kk_not_verb_stem(w: str) -> bool:
    """A form of a _KK_NOT_VERB_STEMS stem with no negative suffix of its own after it
    (кемейді, but not кемейтпеді "did not reduce")."""
    return any(
        w.startswith(stem) and not regex.search(r"[мбп][ае]", w[len(stem) :])
        for stem in _KK_NOT_VERB_STEMS
    )


def _kk_strong(w: str) -> bool:
    if w in _KK_NOT_VERBS or _kk_not_verb_stem(w):
        return False
    if w.endswith("kkfinite"):
        return _kk_negative_suffix(_PREFIX["kk"].fullmatch(w[: -len("kkfinite")]))
    return (
        bool(_STRONG_KK.fullmatch(w))
        or _kk_negative_suffix(_KK_VERB.fullmatch(w))
        or _kk_negative_suffix(_KK_CLAUSE.fullmatch(w))
    )


def _weak(bucket: dict[str, regex.Pattern], w: str, lang: str) -> bool:
    """Whether ``w`` is a weak negator of ``bucket`` (Kazakh suffixes checked as above)."""
    m = bucket[lang].fullmatch(w)
    if lang != "kk" or m is None:
        return m is not None
    if w in _KK_NOT_VERBS or _kk_not_verb_stem(w):
        return False
    if bucket is _WITHOUT and _KK_SIZ_NOT.fullmatch(w):
        return False
    return _kk_negative_suffix(m)


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c.strip()]


def _count_clause(words: list[str], lang: str) -> int:
    """Negations in one clause, with negative concord collapsed to one."""
    if lang == "en":
        n = sum(1 for w in words if _STRONG_EN.fullmatch(w) or w.endswith(("n't", "n’t")))
        # "neither ... nor", "did not specify X nor Y": one negation carried on by "nor"
        nor = words.count("nor")
        if nor and ("neither" in words or n > nor):
            n -= nor
        return max(n, 0)
    if lang == "kk":
        neg = [w for w in words if _kk_strong(w)]
        nwords = sum(1 for w in neg if _KK_NEG_WORD.fullmatch(w))
        verbs = len(neg) - nwords
        if nwords and verbs:
            return verbs  # ешкім ... алмады, түк ... жоқ: one
        first = min((k for k, w in enumerate(words) if _KK_NEG_WORD.fullmatch(w)), default=0)
        if nwords and any(_weak(_WITHOUT, w, lang) for w in words[first + 1 :]):
            # ештеңе айтпастан / айтпай "without saying anything": the pronoun agrees with the
            # negative converb after it, which counts as weak.
            return 0
        return len(neg)
    ni = sum(1 for w in words if _NI_WORDS.fullmatch(w) and w != "ни")
    ne = sum(1 for w in words if _STRONG_RU.fullmatch(w))
    if ni and ne:
        return ne  # negative concord: никто ничего не сказал = one negation
    return ni + ne


def _is_marker(w: str, lang: str) -> bool:
    if lang == "en":
        return bool(_STRONG_EN.fullmatch(w)) or w.endswith(("n't", "n’t"))
    if lang == "kk":
        return _kk_strong(w)
    return bool(_STRONG_RU.fullmatch(w) or _NI_WORDS.fullmatch(w))


def count_negations(text: str, lang: str) -> NegationCounts:
    """Negation counts of a sentence in ``lang`` ("en", "ru" or "kk")."""
    lang = lang if lang in ("en", "kk") else "ru"
    formal = {"en": _FORMAL_EN, "kk": _FORMAL_KK}.get(lang, _FORMAL_RU)
    cleaned = text.replace("\u0301", "")
    only = len(_ONLY[lang].findall(cleaned)) if lang in _ONLY else 0
    if lang == "en":
        cleaned = _DOUBT_EN.sub(" no ", cleaned)
        cleaned = _CEASE_EN.sub(" encease ", cleaned)
        cleaned = _LACK_EN.sub(" enlack ", cleaned)
        cleaned = _RHETORIC_EN.sub(" enrhetoric ", cleaned)
        cleaned = _SAY_NO_EN.sub(" ensayno ", cleaned)
        cleaned = _ILL_EN.sub("illneg", cleaned)
        cleaned = _NON_HYPHEN_EN.sub(r"\1", cleaned)
        cleaned = _YET_TO_EN.sub(" enfarfrom ", cleaned)
        # "anything but simple" is "not at all simple" (далеко не простая): a strong "not"
        cleaned = regex.sub(r"\banything\s+but\b", " not ", cleaned, flags=regex.IGNORECASE)
    if lang == "ru":
        cleaned = _RU_MID_CAPITAL_NE.sub(" runame ", cleaned)
        cleaned = _UNTIL_RU.sub(lambda m: m.group()[:-2], cleaned)  # drop the "не" of "until"
        cleaned = _CEASE_RU.sub(" rucease ", cleaned)
        cleaned = _LACK_RU.sub(" rulack ", cleaned)
        cleaned = _SAID_NEGATIVELY_RU.sub(" rulack ", cleaned)
        cleaned = _RHETORIC_RU.sub(" rurhetoric ", cleaned)
        cleaned = _NO_DOUBT_RU.sub(" rudoubt ", cleaned)
        cleaned = _DOUBLE_RU.sub(" rudouble ", cleaned)
        cleaned = _GERUND_RU.sub("без ", cleaned)  # не дождавшись: "without waiting"
        cleaned = _NE_APART_RU.sub(r"не\1", cleaned)
    cleaned = formal.sub(" ", cleaned)
    if lang == "en":
        cleaned = _PHRASE_LEXICAL_EN.sub(" enfarfrom ", cleaned)
        cleaned = _SAID_NEGATIVELY_EN.sub(" enfarfrom ", cleaned)
    if lang == "ru":
        cleaned = _CONTRAST_RU.sub(" ане ", cleaned)
    if lang == "en":
        cleaned = _NUMBER_SIGN_EN.sub(" ", cleaned)
    if lang == "kk":
        cleaned = _KK_MID_CAPITAL.sub(" kkname ", cleaned)
        for pattern, marker in _KK_REWRITES:
            cleaned = pattern.sub(marker, cleaned)
        cleaned = _SAID_NEGATIVELY_KK.sub(" kkdouble ", cleaned)
        cleaned = _KK_ATTRIBUTIVE.sub(r"\1kkattr", cleaned)
        cleaned = _KK_FINITE_PARTICIPLE.sub(r"\1kkfinite", cleaned)
        cleaned = _KK_IMPERATIVE.sub(r"\1kkimper", cleaned)
        cleaned = regex.sub(r"\bбас\s+тарт", "бастарт", cleaned, flags=regex.IGNORECASE)
        # "X емес, Y" contrasts like Russian "не X, а Y": "Y rather than X", "Y, not X".
        cleaned = _CONTRAST_KK.sub(" kkcontrast,", cleaned)
    strong = 0
    for clause in _clauses(cleaned):
        strong += _count_clause([w.lower() for w in _WORD.findall(clause)], lang)
    words = [w.lower() for w in _WORD.findall(cleaned)]
    if lang == "ru" and "ни" in words and strong == 0:
        strong = 1  # ни ... ни without a verb negation: one "neither ... nor"
    markers = [w for w in words if _is_marker(w, lang)]
    marker_set = set(markers)  # a set: a list made this quadratic on a text without full stops
    rest = [w for w in words if w not in marker_set]
    without = sum(1 for w in rest if _weak(_WITHOUT, w, lang))
    rest = [w for w in rest if not _weak(_WITHOUT, w, lang)]
    prefix = sum(1 for w in rest if _weak(_PREFIX, w, lang))
    lexical = sum(1 for w in rest if _weak(_LEXICAL, w, lang))
    concord = 0
    if lang == "en":
        concord = words.count("nor")  # (neither ...) nor may render two negated clauses
    if lang == "ru" and words.count("ни") > 1:
        concord = words.count("ни") - 1  # "ни козырей, ни масти": "no trumps, no suit"
    lexical += concord
    if lang == "kk":
        # тек ... ғана / қана is one "only" written twice around its word
        lexical -= min(words.count("тек"), words.count("ғана") + words.count("қана"))
    shown = [w.removesuffix("kkfinite") for w in markers]
    litotes = words.count("rucease") + words.count("encease") + words.count("kkcease")
    return NegationCounts(strong, prefix, lexical, without, shown, litotes, only, concord)


_KK_VOWELS = "аәеоөұүыіэюяиу"


def kk_without_suffix(word: str) -> str | None:
    """A Kazakh negative verb or clause form with its negative suffix taken out (бармады ->
    барды, айтпағанын -> айтғанын: the positive statement, not the spelling a grammar would
    pick), or None when ``word`` is not such a form."""
    lower = word.lower()
    for pattern in (_KK_VERB, _KK_CLAUSE):
        m = pattern.fullmatch(lower)
        if m is not None and _kk_negative_suffix(m):
            stem, vowel, rest = word[: m.start(2)], word[m.end(2)], word[m.end(2) + 1 :]
            if rest[:1] == "й" and stem[-1:].lower() not in _KK_VOWELS:
                return stem + vowel + rest[1:]  # білмейді -> біледі, бармайды -> барады
            return stem + rest
    return None


def marker_spans(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Character spans of the negation words between ``start`` and ``end``."""
    lang = lang if lang in ("en", "kk") else "ru"
    return [
        (m.start(), m.end())
        for m in _WORD.finditer(text, start, end)
        if _is_marker(m.group().lower(), lang)
        and not (lang == "kk" and _KK_MID_CAPITAL.match(text, m.start()))
    ]
