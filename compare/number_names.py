"""Numbers that name something rather than count it, read apart from the digits of
:mod:`compare.number_mentions` so that a translation that names the thing without its number is
not a dropped figure.

English news writes many names with a number that Russian and Kazakh translators render by
what it names: "No 10" (Даунинг-стрит, резиденция премьер-министра), "a 911 call" (звонок в
службу спасения), "the 49ers" and "the 76ers" (Сан-Франциско, Филадельфия), "the EU27"
(оставшиеся страны ЕС), "7-Eleven", "24/7" (круглосуточно). Their numbers are *soft*: a
translation that keeps them still pairs with them ("дом 10 на Даунинг-стрит", "службу 911"),
one that drops them is not flagged. "9/11" is also the date of the attacks, and fashion season
codes (SS19, AW20) carry their year.
"""

from __future__ import annotations

import regex

from compare.number_types import Mention, Taken

# "24/7" (always: круглосуточно, тәулік бойы) says no number a translation must keep, and "9/11"
# is the day of 11 September (the month may be a word).
_SLASH_NAMES = regex.compile(r"(?<![\d/.,])(24/7|9/11)(?![\d/]|[.,]\d)")
# Fashion season codes: SS19 (spring/summer 2019), AW20 / FW20 (autumn or fall/winter), PF21
# (pre-fall), RS22 (resort): the two digits are the year, which Russian and Kazakh write out.
_SEASON = regex.compile(r"\b(?:SS|AW|FW|PF|RS)(\d{2})\b")
# English names whose number is soft (see the module comment). "No 10" is Downing Street
# unless it is a rank ("the No. 10 seed", "ranked No. 10"); an emergency number only where it
# is called ("a 911 call", "dialled 999"), not "Porsche 911"; the two teams of "-ers" (49ers, 76ers;
# no other team is named so, and a "59ers" is a changed name).
_SOFT_NAMES = regex.compile(
    r"(?<!ranked\s|world\s)\b(?:No\.?\s?|Number\s)(?P<n>10)\b(?!\s+(?:seed|pick|ranked|spot|"
    r"position|shirt|jersey))"
    r"|\b(?P<n>911|999|112)(?=\s+(?:call|calls|caller|callers|dispatch\w*|operators?|emergency|"
    r"services?|line|centers?|centres?)\b)"
    r"|(?<=\b(?:dial(?:l?ed|ing|s)?|call(?:ed|ing|s)?|rang|phoned)\s)(?P<n>911|999|112)\b"
    r"|\b(?P<n>49|76)ers\b"
    r"|\bEU[-\s]?(?P<n>2[78])\b"
    r"|\b(?P<n>7)-Eleven\b", regex.IGNORECASE)


def read_names(text: str, lang: str, taken: Taken) -> list[Mention]:
    """Mentions of the numbers of names (see the module comment), read before plain digits."""
    out: list[Mention] = []
    for m in _SEASON.finditer(text):
        year = float(m.group(1))
        out.append(Mention(m.start(1), m.end(1), m.group(), frozenset({year, 2000 + year})))
        taken.append((m.start(), m.end()))
    if lang != "en":
        return out
    for m in _SLASH_NAMES.finditer(text):
        first, second = m.group(1).split("/")
        cut = m.start() + len(first) + 1
        # 9/11 is also the year of the attacks (11 сентября 2001 года)
        year = {2001.0} if first == "9" else set()
        out.append(Mention(m.start(), m.start() + len(first), first,
                           frozenset({float(first)} | year), soft=True))  # fmt: skip
        out.append(Mention(cut, m.end(), second, frozenset({float(second)}),
                           soft=first == "24"))  # fmt: skip
        taken.append((m.start(), m.end()))
    for m in _SOFT_NAMES.finditer(text):
        if taken.covers(m.start("n")):
            continue
        out.append(Mention(m.start("n"), m.end("n"), m.group("n"),
                           frozenset({float(m.group("n"))}), soft=True))  # fmt: skip
        taken.append((m.start(), m.end()))  # 7-Eleven: its "Eleven" is no number either
    return out
