"""Russian and Kazakh case, number and possessive endings, longest first.

Stripped from a source word (one or two of them: Kazakh stacks a possessive and a case, Сот-ы-нда)
by :mod:`compare.morphology`, so that a name or a glossary term is found in any of its forms
(Токаева, Ресейдің, санкциями). A list of common endings, not a full grammar: a stem too short
to mean anything is the caller's to discard.
"""

from __future__ import annotations

CASE_ENDINGS = sorted(
    """
    ами ями ого его ому ему ыми ими ой ей ую юю ая яя ое ее ые ие ых их ым им ом ем ах ях ам ям
    ов ев ий ый ской ского скому ским ском ская скую ские ских ск а я у ю е ы и о ь
    дың дің тың тің ның нің да де та те ға ге қа ке на не нан нен дан ден тан тен мен бен пен
    дағы дегі тағы тегі ы і сы сі ын ін лар лер дар дер тар тер лық лік дық дік тық тік шы ші
    ды ді ты ті ны ні нда нде ндағы ндегі лары лері дары дері
    """.split(),
    key=len,
    reverse=True,
)
