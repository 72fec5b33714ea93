"""Weekday and month words of Russian, Kazakh and English, for the date check
(:mod:`compare.checks.dates`).

Each pattern finds one day or month as a whole word with its case endings or adjective forms
(субботу, субботний; сенбіде; Saturdays). Words that mean something else as often as a date are
read only where the context makes them a date:

* Russian *среда* is also "environment" (окружающая среда, в среде экспертов): a Wednesday only
  after в/во/по/до/со/с/к/на (not *в среде*), or before a comma and a day's number;
* Kazakh *қазан* (also Kazan and a cauldron), *маусым* (also a season: маусым ашу матчы),
  *наурыз* (also the spring feast) and *қараша* (also "common people"): a month only after a
  day's number or before *ай* ("month"), and *қараша* in a case of time too (қарашада, in
  November);
* English *May* (the verb, Theresa May) and *March* (the verb, a protest march): a month only
  after a day's number, before a number, or after a word that introduces a date (in, of,
  since, until, by, early, late, last, next...).

Named things with a weekday in them that need not be that weekday in the source (Super Tuesday,
the Sunday Times, Saturday Night Live, Black Friday as "день распродаж") are left out of the
English side (:data:`EN_NAMED`).

General knowledge of the three languages, written for the check, not taken from any evaluation
set.
"""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Halves of the day (a.m. and p.m.); the night, which spans both, is neither.
DAY_HALVES = ("morning", "afternoon or evening")
# Days, weeks, months and years said relative to the text's own date.
RELATIVE_DAYS = ("yesterday", "today", "tomorrow")
RELATIVE_PERIODS = tuple(tuple(f"{when} {unit}" for when in ("last", "this", "next"))
                         for unit in ("week", "month", "year"))
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")  # fmt: skip

# Russian: the stem (and adjective stem) of each day and month; ``\w*`` follows each.
RU = {
    "monday": r"понедельник\w*",
    "tuesday": r"вторник\w*",
    "wednesday": r"(?:(?<=\b(?:в|во|по|до|со|с|к|на|ко)\s)сред(?:у|ы|ам|ами)|сред[аы](?=\s*,\s*\d)"
                 r"|средам)",
    "thursday": r"четверг\w*",
    "friday": r"пятниц\w*|пятничн\w*",
    "saturday": r"суббот\w*",
    "sunday": r"воскресень\w*|воскресн\w*",
    "january": r"январ\w*",
    "february": r"феврал\w*",
    "march": r"март(?:а|е|ом|овск\w*)?",
    "april": r"апрел\w*",
    "may": r"ма(?:й|я|е|ю|ем)|майск\w*",
    "june": r"июн(?:ь|я|е|ем|ьск\w*)",
    "july": r"июл(?:ь|я|е|ем|ьск\w*)",
    "august": r"август(?:а|е|ом|овск\w*)?",
    "september": r"сентябр\w*",
    "october": r"октябр\w*",
    "november": r"ноябр\w*",
    "december": r"декабр(?:ь|я|е|ём|ем|ьск\w*)",
}

# Kazakh: stems with their endings; the four ambiguous months need a number before them or
# "ай" (month) after them.
_KK_NUMBER = r"(?<=\d\s?|\d-|\d\s-)"
KK = {
    "monday": r"дүйсенбі\w*",
    "tuesday": r"с[еә]йсенбі\w*",
    "wednesday": r"сәрсенбі\w*",
    "thursday": r"бейсенбі\w*",
    "friday": r"жұма(?:да|ны|ға|сы|дан|дағы|лық)?",
    "saturday": r"сенбі(?:де|ні|ге|сі|ден|дегі)?",
    "sunday": r"жексенбі\w*",
    "january": r"қаңтар\w*",
    "february": r"ақпан\w*",
    "march": _KK_NUMBER + r"наурыз\w*|наурыз(?=\s+ай)",
    "april": r"сәуір\w*",
    "may": r"мамыр\w*",
    "june": _KK_NUMBER + r"маусым\w*|маусым(?=\s+ай)",
    "july": r"шілде\w*",
    "august": r"тамыз\w*",
    "september": r"қыркүйе[кг]\w*",
    "october": _KK_NUMBER + r"қазан\w*|қазан(?=\s+ай)",
    "november": _KK_NUMBER + r"қараша\w*|қараша(?=\s+ай)|қараша(?:да|ның|дағы|ға|дан)",
    "december": r"желтоқсан\w*",
}

# English: days (and their plurals) and months, with the dotted short forms news uses.
_EN_DATE_BEFORE = (r"(?<=\b(?:in|of|since|until|till|by|from|early|late|mid|last|next|this|"
                   r"during|through|throughout|before|after|on|to|and|or)[\s-])")  # fmt: skip
_EN_DAY_NUMBER = r"(?<=\d\s|\d(?:st|nd|rd|th)\s|\d(?:st|nd|rd|th)\sof\s)"
EN = {
    "monday": r"Mondays?|Mon\.",
    "tuesday": r"Tuesdays?|Tues?\.",
    "wednesday": r"Wednesdays?|Wed\.",
    "thursday": r"Thursdays?|Thu(?:rs?)?\.",
    "friday": r"Fridays?|Fri\.",
    "saturday": r"Saturdays?|Sat\.",
    "sunday": r"Sundays?",
    "january": r"January|Jan\.",
    "february": r"February|Feb\.",
    "march": rf"{_EN_DAY_NUMBER}March|{_EN_DATE_BEFORE}March|March(?=\s\d)",
    "april": r"April|Apr\.",
    "may": rf"{_EN_DAY_NUMBER}May|{_EN_DATE_BEFORE}May|May(?=\s\d)",
    "june": r"June",
    "july": r"July",
    "august": r"August|Aug\.",
    "september": r"September|Sept?\.",
    "october": r"October|Oct\.",
    "november": r"November|Nov\.",
    "december": r"December|Dec\.",
}

# The part of the day: a clock hour's "утра" or "вечера", the 24-hour clock, a.m. and p.m., and
# the adverbs of a time of day ("утром", "tonight"). "Дня" counts only after an hour ("в 3 часа
# дня"); "ночью", "night" and midnight count as neither half.
_HOUR = r"(?<=\d\s?(?:час\w*\s)?)"
RU_HALVES = {
    "morning": _HOUR + r"утра|утром|(?<!\d)(?:0?[1-9]|1[01]):[0-5]\d",
    "afternoon or evening": _HOUR + r"(?:дня|вечера)|вечером|(?<!\d)(?:1[3-9]|2[0-3]):[0-5]\d",
}
KK_HALVES = {
    "morning": r"таңғы|таңертең\w*|(?<!\d)(?:0?[1-9]|1[01]):[0-5]\d",
    "afternoon or evening": r"кешкі|кешке|түстен\s+кейін\w*|(?<!\d)(?:1[3-9]|2[0-3]):[0-5]\d",
}
EN_HALVES = {
    "morning": r"(?<=\d\s?)(?:a\.m\.|am|AM)(?!\w)|mornings?",
    "afternoon or evening": r"(?<=\d\s?)(?:p\.m\.|pm|PM)(?!\w)|afternoons?|evenings?|tonight",
}

# English names with a weekday that is no date of the text (Super Tuesday, the Sunday Times),
# removed before the English is read.
EN_NAMED = (
    r"(?:Black|Good|Cyber|Super|Ash|Palm|Easter|Bloody|Holy|Maundy|Shrove|Fat|Giving|Man)\s+"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:Sunday|Saturday)\s+(?:Times|Telegraph|Mirror|Express|People|Post|Herald|Mail|Night"
    r"\s+Live|Independent|World|Star|Sport|Record)"
    r"|Mail\s+on\s+Sunday|Thursday\s+Island|Independence\s+Day"
)

# Russian "в ночь на субботу" and Kazakh "сенбіге қараған түні" name the night before that day,
# which English calls "Friday night": the day before counts as said too.
RU_NIGHT_BEFORE = r"ночь\s+(?:с\s+\w+\s+)?на\s+$"
KK_NIGHT_AFTER = r"^\s*(?:қараған|қарсы)\s+түн"

# A numeric date of the source (29.09.2018, 29.09.18): its month counts as named; a first number
# over 12 is the day (American order, 09.29.2018, puts the month first).
NUMERIC_DATE = r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?:\d{4}|\d{2})(?![\d.]\d)"

# Yesterday, today, tomorrow (and "tonight", "this morning": today), and last, this and next
# week, month and year. The pair yesterday / tomorrow is the antonym check's already.
RU_RELATIVE = {
    "yesterday": r"вчера|вчерашн\w*",
    "today": r"сегодня|сегодняшн\w*",
    "tomorrow": r"завтра|завтрашн\w*",
    "last week": r"(?:на\s+)?прошл\w+\s+недел\w+",
    "this week": r"(?:на\s+)?(?:эт\w+|текущ\w+)\s+недел\w+",
    "next week": r"(?:на\s+)?(?:следующ|будущ)\w+\s+недел\w+",
    "last month": r"прошл\w+\s+месяц\w*",
    "this month": r"(?:эт\w+|текущ\w+)\s+месяц\w*",
    "next month": r"(?:следующ|будущ)\w+\s+месяц\w*",
    "last year": r"прошл\w+\s+год\w*",
    "this year": r"(?:эт\w+|текущ\w+|нынешн\w+)\s+год\w*",
    "next year": r"(?:следующ|будущ)\w+\s+год\w*",
}
KK_RELATIVE = {
    "yesterday": r"кеше|кешегі",
    "today": r"бүгін\w*",
    "tomorrow": r"ертең\w*",
    "last week": r"өткен\s+апта\w*",
    "this week": r"(?:осы|бұл)\s+апта\w*",
    "next week": r"(?:келесі|алдағы)\s+апта\w*",
    "last month": r"өткен\s+ай\w*",
    "this month": r"(?:осы|бұл|ағымдағы)\s+ай\w*",
    "next month": r"(?:келесі|алдағы)\s+ай\w*",
    "last year": r"өткен\s+жыл\w*|былтыр\w*",
    "this year": r"(?:осы|бұл|ағымдағы)\s+жыл\w*|биыл\w*",
    "next year": r"(?:келесі|алдағы)\s+жыл\w*",
}
EN_RELATIVE = {
    "yesterday": r"(?i:yesterday)(?:['’]s)?",
    "today": r"(?i:today|tonight)(?:['’]s)?|(?i:this\s+(?:morning|afternoon|evening))",
    "tomorrow": r"(?i:tomorrow)(?:['’]s)?",
    # "Over the next week", "in the last year": the coming or past seven days or twelve
    # months, which the source may call this week or this year.
    **{period: r"(?<!\b(?i:the)\s)(?i:" + period.replace(" ", r"\s+") + ")"
       for group in RELATIVE_PERIODS for period in group},
}
