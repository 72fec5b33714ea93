"""Matching keys that let a Cyrillic (Russian/Kazakh) name be compared with its Latin spelling.

A key is not a transliteration a person would read: it is a deliberately lossy lowercase ASCII
string in which the usual spelling variants collapse (Tokayev / Tokaev / Токаев -> ``tokaev``,
Zhanaozen / Жанаозен -> ``janaosen``, Kazakhstan / Қазақстан differ by one letter). Checks and the
aligner compare keys, with :func:`key_similarity` for the remaining small differences.
Everything here is total (any string in, a string out) and cheap.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

# Russian and Kazakh letters -> a plain Latin spelling, before the variant collapsing below.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kazakh
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "і": "i",
    # Ukrainian/Belarusian letters seen in names
    "є": "ye", "ї": "yi", "ў": "u",
    # Kazakh Latin (2021) letters that NFKD would not reduce to the usual English spelling
    "ş": "sh", "ç": "ch", "ı": "i", "ğ": "g", "ñ": "n",
}  # fmt: skip

# Ordered rewrites on the Latin spelling. Placeholders (upper case) protect digraphs until the end.
_REWRITES: tuple[tuple[str, str], ...] = (
    (r"shch|sch", "S"),
    (r"tsch|tch|ch", "C"),
    (r"sh", "S"),
    (r"dzh|dj|zh|j", "J"),
    (r"kh", "h"),
    (r"ou", "u"),
    (r"ph", "f"),
    (r"th", "t"),
    (r"ts|tz|c(?=[eiy])", "s"),
    (r"ck|c|q", "k"),
    (r"x", "ks"),
    (r"w|b", "v"),
    (r"z", "s"),
    (r"h", "g"),
    (r"y", "i"),
    (r"(?<=[aeiou])i(?=[eou])", ""),
    (r"[ae]i", "ei"),
)
_REWRITES_C = tuple((regex.compile(p), r) for p, r in _REWRITES)
_FINAL = str.maketrans({"S": "s", "C": "c", "J": "j"})
_DOUBLE = regex.compile(r"(.)\1+")
_NOT_KEY = regex.compile(r"[^a-zA-Z0-9]")
_VOWELS = regex.compile(r"[aeiou]")


# Russian writes an English W as у before a vowel, at the start of a word (Уэйд, Уильям, Уотсон)
# and between vowels (Хеллоуин, Мерриуэзер, Пауэлл); Kazakh also before е (Уейд).
_CYR_W = regex.compile(r"(?:(?<=^)|(?<=[\s-])|(?<=[аоеэияю]))у(?=[эиоае])")
# Kazakh Latin of 2018 wrote ш, ч with an apostrophe (S'ymkent): read it before it is dropped.
_KK_APOSTROPHE = regex.compile(r"(?<=[sc])['’](?=[a-z])")


def to_latin(text: str) -> str:
    """Plain lowercase Latin spelling of ``text`` (Cyrillic transliterated, accents removed)."""
    out = []
    low = _KK_APOSTROPHE.sub("h", text.lower())
    for ch in _CYR_W.sub("w", low):
        rep = _CYR.get(ch)
        if rep is not None:
            out.append(rep)
        elif ch.isascii():
            out.append(ch)
        else:
            base = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in base if c.isascii()))
    return "".join(out)


@lru_cache(maxsize=65536)
def latin_key(word: str) -> str:
    """Lowercase ASCII matching key of a word in Cyrillic (ru/kk) or Latin script.

    Collapses y/i, kh/h/g, zh/dzh/j, ts/c/s/z, ya/ia, yu/iu, ai/ei, w/v/b, doubled letters and
    soft/hard signs, and drops everything that is not a letter or digit. Never raises; returns
    "" for a word without letters or digits.
    """
    s = _NOT_KEY.sub("", to_latin(word))
    for pattern, rep in _REWRITES_C:
        s = pattern.sub(rep, s)
    s = s.translate(_FINAL)
    return _DOUBLE.sub(r"\1", s)


# English spelling -> roughly the letters Russian and Kazakh writers use for its sound, so that
# Hume/Хьюм, Savage/Сэвидж, McEnany/Макинани, Utah/Юта, Wright/Райт, Lee/Ли, Ayr/Эр compare
# as spellings of one name. Applied in order to a lower-case word; the result goes through
# latin_key like any other spelling. Silent letters go, digraphs become what they sound like.
_EN_RESPELL: tuple[tuple[str, str], ...] = (
    (r"^mc", "mak"),  # McEnany, McCarthy: Мак-
    (r"ichael", "aikl"),  # Michael, Michaels: Майкл, Майклс
    (r"^kn|^gn", "n"),  # Knight, Gnome
    (r"^wr", "r"),  # Wright
    (r"^wh", "w"),  # White: Уайт
    (r"augh|ough$", "o"),  # Kavanaugh: Кавано; Borough
    (r"eigh", "ei"),
    (r"igh", "ai"),  # Wright, Knight, Light: Райт, Найт, Лайт
    (r"gh(?![aeiou])|(?<=u)gh(?=es$)", ""),  # Hugh, Hughes, Edinburgh: silent
    (r"(?:ai|ay)r|are$", "er"),  # Ayr, Blair, Clare: Эр, Блэр, Клэр
    (r"(?<=[aeiou][^aeiou]+)age$", "idj"),  # Savage, Cabbage: -идж (unstressed)
    (r"dge$|(?<=[^aeiou])ge$", "j"),  # George, Bridge: -дж
    (r"^wa(?=l|t|rr)|(?<=[^aeiou])wa(?=l|t|rr)", "wo"),  # Walsh, Watson: Уолш, Уотсон
    (r"alk", "ok"),  # Walker: Уокер
    # Magic e: a vowel, one consonant and a silent final e (Hume: Хьюм, Flake: Флейк,
    # Fine: Файн, Kyle: Кайл, Steve: Стив); one pass through _MAGIC_E, so that a vowel it
    # writes is not rewritten again.
    (r"(?<![aeiou])[aeiuy](?=[bcdfgklmnpstvz]e$)", "MAGIC"),
    (r"ce$", "s"),
    (r"(?<=[^aeiou])le$", "l"),  # Newcastle, Seattle: -касл, -этл
    (r"(?<=[^aeiou])e$", ""),  # silent final e
    (r"^eu|ew$|ew(?=[^aeiou])", "yu"),  # Eugene: Юджин; Matthew: Мэттью; Newsom: Ньюсом
    (r"ee|ea|ie$", "i"),  # Lee: Ли; Seattle: Сиэтл; Dean: Дин; Leslie: Лесли
    (r"oo", "u"),  # Wood, Moore: Вуд, Мур
    (r"aw|ow$", "ou"),  # Shaw, Lawrence, Rowe, Snow: Шоу, Лоуренс, Роу, Сноу
    (r"oe$", "o"),  # Joe, Monroe: Джо, Монро
    (r"(?<=[aeiou])h(?![aeiou])", ""),  # Utah, Sarah: Юта, Сара
)
# Spellings a word may or may not have (soft g: George vs Gibson; ei: Keith, Eid vs Heinz;
# ow: Brown vs Bowie): tried as a second respelling on top of the first.
_EN_ALTERNATES: tuple[tuple[str, str], ...] = (
    (r"g(?=[eiy])", "j"),  # George, Geneva, Eugene: Дж-, Ж-
    (r"ei|ey(?=[^aeiou])", "i"),  # Keith, Eid, Neil: Кит, Ид, Нил
    (r"ow", "au"),  # Brown, Powell: Браун, Пауэлл
    (r"au", "o"),  # Paul, Maurice: Пол, Морис
    (r"oa", "ou"),  # Oak, Road: Оук, Роуд
    (r"eo", "o"),  # George: Джордж
    (r"^u(?=[^aeiou][aeiou])", "yu"),  # Utah, Uber: Юта, Юбер
    (r"(?<=^[bcdfhklmnpst])u(?=$|[^aeiou][aeiouy]|e)", "yu"),  # Hugh, Hugo: Хью, Хьюго
    # a long a before one consonant and a final -ey, and in -ague: Haley, Daley, Hague: Хейли,
    # Дейли, Хейг (Carey, Massey read plainly as well)
    (r"(?<![aeiou])a(?=[bdfgklmnpstvz]ey$)", "ei"),
    (r"ague$", "eig"),
    (r"(?<=r)aham$", "em"),  # Graham: Грэм (Abraham reads plainly as well)
)
_MAGIC_E = {"a": "ei", "i": "ai", "y": "ai", "u": "yu", "e": "i"}
_EN_RESPELL_C = tuple((regex.compile(p), r) for p, r in _EN_RESPELL)
_EN_ALTERNATES_C = tuple((regex.compile(p), r) for p, r in _EN_ALTERNATES)


@lru_cache(maxsize=65536)
def english_keys(word: str) -> tuple[str, ...]:
    """Matching keys of a Latin-script word: its plain :func:`latin_key`, then the keys of its
    English pronunciation spelled the Russian way (:data:`_EN_RESPELL`, then with the
    alternates). Distinct, plain key first; the word is read as English only when it is
    ASCII letters (Kazakh Latin Şymkent or Qasym are taken letter by letter)."""
    plain = latin_key(word)
    out = [plain] if plain else []
    w = word.lower().replace("’", "'")
    if not regex.fullmatch(r"[a-z][a-z'\-]*", w):
        return tuple(out)
    w = w.replace("'", "")
    for pattern, rep in _EN_RESPELL_C:
        if rep == "MAGIC":
            w = pattern.sub(lambda m: _MAGIC_E[m.group()], w)
        else:
            w = pattern.sub(rep, w)
    alt = w
    for pattern, rep in _EN_ALTERNATES_C:
        alt = pattern.sub(rep, alt)
    for form in (w, alt):
        k = latin_key(form)
        if k and k not in out:
            out.append(k)
    return tuple(out)


def consonant_skeleton(key: str) -> str:
    """The key without vowels (doubles collapsed): Pryce/Прайс and Huhne/Хьюн agree here."""
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", key))


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; ``limit + 1`` once it must exceed ``limit`` (rapidfuzz's C code:
    the name check asks for it ~60 times a sentence pair)."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


def key_similarity(a: str, b: str) -> float:
    """1 - normalised edit distance of two keys (1.0 identical, 0.0 nothing in common)."""
    if not a or not b:
        return 0.0
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


def keys_match(src_key: str, tgt_key: str) -> bool:
    """Whether two keys plausibly spell the same name, allowing an inflected or clipped ending.

    ``src_key`` may be a stem (Токаев- from Токаева); a match is a shared prefix covering the
    shorter key, a small edit distance against the same-length prefix, or equal consonant
    skeletons for keys of at least four letters.
    """
    if len(src_key) < 3 or len(tgt_key) < 3:
        return src_key == tgt_key and bool(src_key)
    short, long_ = sorted((src_key, tgt_key), key=len)
    if long_.startswith(short) and len(long_) - len(short) <= max(3, len(short) // 2):
        return True
    n = len(src_key)
    allowed = 1 if n <= 4 else 2
    head = tgt_key[: n + 1]
    if edit_distance(src_key, head, allowed) <= allowed and abs(len(tgt_key) - n) <= 4:
        return True
    # A clipped ending: the rest of a longer English word is free when the key is long enough
    # not to start a word by chance (vest- starts Yesterday: Уэст is no Yesterday).
    tail = len(tgt_key) - n
    if edit_distance(src_key, tgt_key[:n], allowed) <= allowed and 0 <= tail and (
            tail <= 4 or n >= 5):  # fmt: skip
        return True
    sk_s, sk_t = consonant_skeleton(src_key), consonant_skeleton(tgt_key)
    return len(sk_s) >= 3 and (sk_s == sk_t or (len(sk_s) >= 4 and sk_t.startswith(sk_s)))
