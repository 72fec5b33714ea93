"""Abbreviations that end in a period: one list per language, read by the segmenter and by the
punctuation checks, so that what does not end a sentence there is not a doubled or stray period
here.

Two kinds, because the segmenter needs the difference:

* ``NEVER_END``: titles, "e.g.", months, "vs.": the next piece always continues the sentence
  ("Dr. Smith", "see Fig. 3");
* ``MAY_END``: "etc.", "U.S.", "a.m.", "Inc.", units: they close a sentence as often as not, so
  the next piece continues it only when it starts with a lowercase letter or a digit.

Entries are lower-cased and keep their periods ("u.s.", "т.е."); ``bare_words`` gives the
period-less words the punctuation checks compare with, and ``is_abbreviation`` tells them
whether a period in English text closes one.
"""

from __future__ import annotations

import regex

NEVER_END: dict[str, frozenset[str]] = {
    "en": frozenset(
        "mr. mrs. ms. dr. st. prof. gen. sen. sens. rep. reps. det. insp. supt. sgt. gov. lt. "
        "col. capt. cpt. maj. pres. adm. rev. hon. mt. vs. v. e.g. i.e. cf. fig. figs. approx. "
        "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. vol. vols. pp. para. "
        "esp. incl. ca. tel.".split()
    ),
    "ru": frozenset(
        "им. ул. см. напр. просп. пер. пл. проф. акад. рис. табл. ст. гл. кв. корп. тел. "
        "илл. т.е. т.к. т.н. д. с. пос. обл. р-н. ок. св.".split()
    ),
    "kk": frozenset("көш. мыс. проф. акад. обл. ауд. қр.".split()),
}

MAY_END: dict[str, frozenset[str]] = {
    "en": frozenset(
        "etc. u.s. u.k. u.n. a.m. p.m. inc. ltd. co. corp. bros. plc. llc. jr. sr. no. nos. "
        "ave. av. blvd. rd. ft. dept. univ. assn. est. al. sec. op. min. max. sq. km. kg. "
        "ch. art. ed. eds. ref. "
        "mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun.".split()
    ),
    "ru": frozenset(
        "г. гг. в. вв. т.д. т.п. др. пр. млн. млрд. трлн. тыс. руб. коп. долл. чел. ч. мин. "
        "сек. км. кг. шт. г.г.".split()
    ),
    "kk": frozenset("ж. жж. т.б. т.с.с. т.с. млн. млрд. трлн. мың. тг. ғ. ғғ. км. кг. қ.".split()),
}


def bare_words(lang: str) -> frozenset[str]:
    """Every abbreviation of ``lang`` without its periods ("u.s." -> "u.s", "mr." -> "mr")."""
    both = NEVER_END.get(lang, frozenset()) | MAY_END.get(lang, frozenset())
    return frozenset(a.rstrip(".") for a in both)


# Words that end with a period without ending the sentence (lower-cased, without the period):
# the segmenter's list, so that both agree on what an abbreviation is.
ABBREVIATIONS = bare_words("en")

_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``text[dot]`` of an English text closes an abbreviation (U.S.,
    a.m., Mr., J.) and so does not by itself end a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    token = m.group(1)
    if "." in token.strip("."):  # U.S, e.g, a.m, Ph.D
        return True
    word = token.strip(".")
    if len(word) == 1 and word.isalpha():  # initials: J. Smith, p. 109
        return True
    return word.lower() in ABBREVIATIONS
