"""Kazakh phrases whose negation is formal or weak, for :mod:`compare.negations`.

Language data apart from the counting logic (as spaCy keeps ``lang/`` files): general rules of
Kazakh grammar and usage, not fitted to any sentence of an evaluation set.
"""

from __future__ import annotations

import regex

# Kazakh: "not only" (ғана емес), "no doubt" (күмән жоқ / күмәнсіз, like English "no doubt"),
# "before doing" (жібермес бұрын, өтпес бұрын: the -мас/-пес form before бұрын is temporal);
# double negations, which are positive: "жоқ емес" (there are some), "-май қоймайды /
# қалмайды" (will surely); әйтпесе "otherwise", ең / тым болмаса "at least", and бекер /
# босқа / кездейсоқ емес "not for nothing, no accident" (Russian не зря, не случайно); жоқ
# дегенде "at least".
FORMAL_KK = regex.compile(
    r"\b(?:ғана емес|қана емес|тек қана емес|күмән(?:і|ы)?\s+жоқ|күмәнсіз|"
    r"\w+[мбп][ае]с\s+бұрын|жоқ\s+емес\w*|"
    r"\w+[мбп][ае]й\s+(?:қоймайды|қоймас\w*|қалмайды|қалмас\w*)|"
    r"әйтпесе|(?:ең|тым)\s+болмаса|(?:ең|тым)\s+болмағанда|жоқ\s+дегенде|"
    r"(?:бекер|бекерге|босқа|кездейсоқ|кездейсоқтық)\s+емес\w*|"
    # сөзсіз "undoubtedly" (as күмәнсіз); болмаса opening its clause is "otherwise" or "or"
    # ("шай ма, болмаса кофе ме?"), as әйтпесе: not "(егер) келісім болмаса" "if there is no"
    r"сөзсіз|(?<=(?:^|[,;:—–]\s*))болмаса|"
    # "көп болған жоқ / көп уақыт өткен жоқ" "not long ago, recently" (Russian не так давно)
    r"көп\s+(?:уақыт\s+)?(?:болған\s+жоқ|болмады|өткен\s+жоқ|өтпеді)|"
    # кем емес "no less than, at least" (Russian не менее); "-п қоймады" "kept (asking)"
    r"кем\s+емес\w*|\w+[ыі]?п\s+қойма(?:ды|йды|ған|с)\w*|"
    # the idioms formal in Russian and English too: таңқаларлық емес "no wonder", құпия емес
    # "no secret", X-тан басқа ешкім / ештеңе ... жоқ / -мады "no one / nothing but X"
    r"таң\s?[қғ]аларлық(?:\s+\w+)?\s+емес|(?:ешкімге\s+)?құпия\s+емес|"
    r"басқа\s+(?:ешкім|ештеңе|ешнәрсе)(?:\s+\w+){0,2}?\s+(?:жоқ|\w+[мбп][аеыі]\w*))\b",
    regex.IGNORECASE,
)
# Kazakh says with "ADJ емес" what Russian writes as one не-word, a prefix negation there
# (нелегко, неплохо, немало, неясно, неизвестно, неудобно, неофициальный,
# неважно): оңай / жеңіл / қарапайым / жаман / аз / анық / түсінікті / белгілі /
# таныс / ыңғайлы / қолайлы / тұрақты / толық / ресми / маңызды емес are weak like them, as an
# English "difficult", "unclear", "unknown" renders them as often as "not easy". Not дұрыс
# емес: "wrong" against "right" is the reversal this check exists for.
KK_LITOTES = regex.compile(
    r"\b(?:оңай|жеңіл|қарапайым|жаман|аз|анық|түсінікті|белгілі|таныс|ыңғайлы|қолайлы|"
    r"тұрақты|толық|ресми|маңызды|алыс)\s+емес\w*|"  # алыс емес ~ недалеко, "near"
    # екіталай "unlikely, doubtful" (is not expected to), a prefix word as English "unlikely"
    r"\bекіталай\w*|"
    # litotes of rank, as Russian не первый, не единственный: бірінші / алғашқы / жалғыз (рет,
    # оқиға) емес "has happened before, one of several" (not қарсы емес: "not against" ->
    # "against" is a lost negation to flag)
    r"\b(?:бірінші|алғашқы|жалғыз)(?:\s+\w+){0,2}?\s+емес\w*|"
    # амал жоқ "no choice" (had to); a negated verbal noun under "мүмкін емес" or "болмайды",
    # a double negation ("білмеуі мүмкін емес" = must know, "ескермеуге болмайды" = must be
    # taken into account, or "cannot be ignored")
    r"\bамал\s+жоқ\w*|\b\w{2,}[мбп][ае]у\w*\s+(?:мүмкін\s+емес\w*|болмай\w*|болмас\w*)",
    regex.IGNORECASE,
)
# Kazakh weak forms rewritten before counting (marker words the buckets below know):
# rhetorical "емес пе", "жоқ па" ("isn't it?"); "жоққа шығару" (deny); жоқтығы (absence);
# purpose "-мас үшін" (so as not to, to prevent); -мастан (without).
KK_REWRITES = (
    (regex.compile(r"\b(?:емес|жоқ)\s+(?:па|ма|пе|ме)\b", regex.IGNORECASE), " kkrhetoric "),
    (regex.compile(r"\bжоққа\s+шығар\w*", regex.IGNORECASE), " kkdeny "),
    # "ойға / ақылға сыймайды, қонбайды" ("does not fit the mind"): absurd, unthinkable
    (regex.compile(r"\b(?:ойға|ақылға|санаға)\s+(?:сыймай|сыймас|симай|қонбай|қонбас)\w*",
                   regex.IGNORECASE), " kkabsurd "),
    # "жоқтың қасы" "next to nothing": almost none, scarce
    (regex.compile(r"\bжоқтығ\w*|\bжоқтық\w*|\bжоқ\s+бол\w*|\bжоқтың\s+қасы\w*",
                   regex.IGNORECASE), " kkabsence "),
    # "түсетін-түспейтіні", "келер-келмесі" "whether (or not)": a question, not a negation
    # (the second half a negative participle or future of the first's stem: not дәрі-дәрмек)
    (regex.compile(r"\b(\w{3})\w*-\1\w*?[мбп][ае](?:йтын|йтін|ған|ген|с)\w*",
                   regex.IGNORECASE), " kkrhetoric "),
    (KK_LITOTES, " kklitotes "),
    # "ешкімді бей-жай қалдырмады" "moved everyone": the pronoun belongs to the double negation
    (regex.compile(r"\bешкімді\s+(?=(?:бей-?жай|немқұрайды)\s+қалдырма)", regex.IGNORECASE),
     " "),
    # double negations of a -сыз word, lexical as Russian "не обошлось без" is: жазасыз
    # қалмайды "will not go unpunished" (will be punished), жауапсыз / елеусіз қалдырмаймыз "will
    # respond, will not ignore", бей-жай қалдырмады "left no one indifferent" (moved). Only the
    # verb is rewritten: the -сыз word stays to pair with an English un- word.
    (regex.compile(r"(?<=\b(?:\w{2,}(?:сыз|сіз)|бей-?жай|немқұрайды)\s+)(?:қалма|қалдырма)\w*",
                   regex.IGNORECASE), " kkdouble "),
    # "маған / оларға бәрібір" "(I) don't care, it doesn't matter", as Russian "мне всё равно"
    (regex.compile(r"\b(?:маған|саған|оған|бізге|сізге|оларға)\s+бәрібір\b", regex.IGNORECASE),
     " kkdouble "),
    # аз адам / аз кісі "few people" (not many; аз alone is mostly "small"), санаулы "a few"
    (regex.compile(r"\bаз\s+(?=(?:ғана\s+)?(?:адам|кісі)\w*)|\bсанаулы\b", regex.IGNORECASE),
     " kkfew "),
    # verbs that say their sense negated: үндемеді "kept silent", қайшы келмейді "is consistent
    # with" (does not contradict), назардан тыс қалмады "drew attention" (not left unnoticed)
    # and the idiom "көз ашпау" (be plagued by: құрғақшылықтан көз ашпайды, "drought-stricken")
    (regex.compile(r"\bүндеме\w*|\bқайшы\s+келме\w*|\bназар\w*\s+тыс\s+қалма\w*|"
                   r"\bкөз\s+ашпа\w*",
                   regex.IGNORECASE), " kklitotes "),
    # a negated verb of ceasing, as Russian "не прекращаются": тоқтамады, толастамады "(it) kept
    # on", басылмады "did not subside", үзілмеді "was not interrupted": continued
    (regex.compile(r"\b(?:тоқта|толаста|басыл|үзіл)[мб][ае]\w*", regex.IGNORECASE), " kkcease "),
    # a stop verb under a negated "could" or "possible": тоқтата алмады, тоқтату мүмкін болмады
    # "could not be stopped", which English counts as a negated verb of ceasing too
    (regex.compile(r"\bтоқтат\w*\s+(?:мүмкін\s+)?(?:бол|ал)ма\w*", regex.IGNORECASE), " kkcease "),
    # "күлкісін тыя алмады" "burst out laughing", "көз жасын тыя алмады" "burst into tears"
    (regex.compile(r"\bтыя\s+алма\w*", regex.IGNORECASE), " kklitotes "),
    # "жолы болмады" "his luck ran out", "was unlucky"
    (regex.compile(r"\bжолы\s+болма\w*", regex.IGNORECASE), " kklitotes "),
    (regex.compile(r"\b\w{2,}[мбп][ае]с\s+үшін\b", regex.IGNORECASE), " kkpurpose "),
    (regex.compile(r"\b\w{2,}[мбп][ае]ст[ае]н\b", regex.IGNORECASE), " kkwithout "),
)

# Kazakh words that render an English "not" (session 36, English-first probes), lexical as
# Russian ложь, аноним- are: құрғақ "dry" (no rain; not құрғақшылық "drought"), жалған "false"
# (not true), аноним "anonymous" (asked not to be named), бойкот "boycott" (did not take part),
# анықталуда "is being established" (not yet known).
SAID_NEGATIVELY_KK = regex.compile(
    r"\b(?:бойкот\w*|құрғақ\b|жалған\w*|аноним\w*|анықталуда)", regex.IGNORECASE
)
