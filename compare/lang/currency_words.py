"""Currencies in Russian, Kazakh and English, for the currency check
(:mod:`compare.checks.currencies`).

Each member is a currency or a family the English does not tell apart by its word (any dollar;
"$" for the US, Canadian or Australian dollar alike). Words are matched whole with their endings
(долларов, еуроға, roubles); the signs and codes ($, €, £, ₸, USD) anywhere, "US$100" and "C$5"
included. Left out on purpose, because the word is more often something else: English "pound"
alone (a weight; "£", "sterling" and "pounds sterling" count), Russian and Kazakh "фунт"
without "стерлингов" or a scale word before it (млн фунтов), "вон" and "won" (an adverb, a
verb), "крона" (a tree's crown), "сом" (a fish, сомнение), "лари" and "лев" (names), "реал"
(реальный). The yen and the yuan share "¥": a "¥" on either side counts as both.

General knowledge of the three languages, written for the check, not taken from any evaluation
set.
"""

from __future__ import annotations

CURRENCIES = ("usd", "eur", "rub", "gbp", "kzt", "cny", "jpy", "uah", "chf", "try", "inr", "pln",
              "btc", "peso", "manat", "dirham", "riyal", "shekel", "forint")  # fmt: skip

# "Фунт" after a sum's scale word (11 млн фунтов, 125 млн. фунтқа) is sterling; after a bare
# number it may be a weight.
_AFTER_SUM_RU = r"(?<=(?:млн|млрд|тыс|миллион\w*|миллиард\w*|тысяч\w*)\.?\s)"
_AFTER_SUM_KK = r"(?<=(?:млн|млрд|миллион|миллиард|мың)\.?\s)"

# Words, matched whole (case ignored on the source side).
RU = {
    "usd": r"доллар\w*|долл\.|у\.\s?е\.",
    "eur": r"евро|у\.\s?е\.",
    "rub": r"рубл\w*|руб\.",
    "gbp": r"фунт\w*\s+стерлинг\w*|стерлинг\w*|" + _AFTER_SUM_RU + r"фунт\w*",
    "kzt": r"тенге",
    "cny": r"юан\w*|жэньминьби",
    "jpy": r"[иій]ен(?:а|ы|у|е|ой|ам|ами|ах)?|японск\w+\s+[иій]ен\w*",
    "uah": r"гривн\w*|гривен|грн\.?",
    "chf": r"франк(?:а|ов|ам|ами|ах|и|е|у|ом)?",
    "try": r"лир(?:а|ы|у|ой|е|ах|ам|ами)?",
    "inr": r"рупи\w*",
    "pln": r"злот\w*",
    "btc": r"биткоин\w*|биткойн\w*",
    "peso": r"песо",
    "manat": r"манат\w*",
    "dirham": r"дирхам\w*",
    "riyal": r"риал\w*|риял\w*",
    "shekel": r"шекел\w*",
    "forint": r"форинт\w*",
}
KK = {
    "usd": r"доллар\w*",
    "eur": r"еуро\w*|евро\w*",
    "rub": r"рубл\w*|рубль\w*",
    "gbp": r"фунт\s+стерлинг\w*|стерлинг\w*|" + _AFTER_SUM_KK + r"фунт\w*",
    "kzt": r"теңге\w*|тенге\w*",
    "cny": r"юан\w*|юань\w*",
    "jpy": r"иен\w*|йен\w*",
    "uah": r"гривна\w*|гривн\w*",
    "chf": r"франк\w*",
    "try": r"лира\w*",
    "inr": r"рупия\w*|рупи\w*",
    "pln": r"злот\w*",
    "btc": r"биткоин\w*|биткойн\w*",
    "peso": r"песо\w*",
    "manat": r"манат\w*",
    "dirham": r"дирхам\w*",
    "riyal": r"риял\w*|риал\w*",
    "shekel": r"шекел\w*",
    "forint": r"форинт\w*",
}
EN = {
    "usd": r"(?i:dollars?)",
    "eur": r"(?i:euros?)",
    "rub": r"(?i:roubles?|rubles?)",
    "gbp": r"(?i:pounds?\s+sterling|sterling)",
    "kzt": r"(?i:tenge)",
    "cny": r"(?i:yuan|renminbi)",
    "jpy": r"(?i:yen)",
    "uah": r"(?i:hryvnias?|hryvnyas?|hryvni)",
    "chf": r"(?i:francs?)",
    "try": r"(?i:liras?|lire)",
    "inr": r"(?i:rupees?)",
    "pln": r"(?i:zloty|zlotys|zlotych)",
    "btc": r"(?i:bitcoins?)",
    "peso": r"(?i:pesos?)",
    "manat": r"(?i:manats?)",
    "dirham": r"(?i:dirhams?)",
    "riyal": r"(?i:riyals?|rials?)",
    "shekel": r"(?i:shekels?|shekalim)",
    "forint": r"(?i:forints?)",
}
# Signs and ISO codes, on either side, found anywhere (US$100, C$5, 100₽).
SIGNS = {
    "usd": r"\$|\bUSD\b",
    "eur": r"€|\bEUR\b",
    "rub": r"₽|\bRUB\b",
    "gbp": r"£|\bGBP\b",
    "kzt": r"₸|\bKZT\b",
    "cny": r"¥|\bCNY\b|\bRMB\b",
    "jpy": r"¥|\bJPY\b",
    "uah": r"₴|\bUAH\b",
    "chf": r"\bCHF\b",
    "inr": r"₹|\bINR\b",
    "pln": r"\bPLN\b",
    "btc": r"₿|\bBTC\b",
}
