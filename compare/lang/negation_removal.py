"""How to say a sentence without its negation: the word edits behind the meaning model's view of
a negation flag (:mod:`compare.without_negation`). One table a language, from the grammar, not
fitted to sentences.

The edited sentence only needs to read as the same statement turned positive to the meaning
model, not as polished prose: "не подписал" -> "подписал", "никто" -> "кто-то", "did not
sign" -> "did sign", "nobody" -> "somebody", Kazakh "бармады" -> "барды" (the negative suffix
-ма/-ме/-ба/-бе/-па/-пе taken out), "емес" dropped, "жоқ" -> "бар".
"""

from __future__ import annotations

# Russian. Words dropped outright, words replaced, and the ни- pronouns, which become their
# indefinite counterpart (никого -> кого-то, никогда -> когда-то, нигде -> где-то).
RU_DROP = frozenset({"не", "ни"})
RU_REPLACE = {"нет": "есть", "нельзя": "можно", "невозможно": "возможно"}
RU_NI_PREFIX = "ни"
RU_INDEFINITE_SUFFIX = "-то"

# Kazakh. емес "is not" is dropped; жоқ "there is no" becomes бар "there is" (its person endings
# follow: жоқпын -> барпын reads oddly but keeps the person); the еш- pronouns become the
# indefinite бір- ones; a verb loses its negative suffix (the ending after it stays).
KK_DROP = frozenset({"емес"})
KK_REPLACE_PREFIX = {"жоқ": "бар", "ешкім": "біреу", "ештеңе": "бірдеңе", "ешнәрсе": "бірнәрсе",
                     "ешқашан": "әрқашан", "ешқандай": "қандай да бір", "ешбір": "бір",
                     "ешқайсы": "бірі", "ешқайда": "бір жерге", "ешжер": "бір жер",
                     "ешуақыт": "әрқашан", "ешқалай": "әйтеуір", "түк": "бірдеңе"}  # fmt: skip

# English. Contractions keep their verb (won't -> will, can't -> can, didn't -> did).
EN_DROP = frozenset({"not", "no", "never"})
EN_REPLACE = {"nobody": "somebody", "nothing": "something", "nowhere": "somewhere",
              "none": "some", "neither": "either", "nor": "or", "cannot": "can",
              "no-one": "someone", "noone": "someone"}  # fmt: skip
EN_CONTRACTIONS = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "is"}
