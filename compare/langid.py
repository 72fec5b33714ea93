"""Language detection for the three languages compare works with: English, Russian, Kazakh.

langdetect has no Kazakh profile and calls Kazakh ``ru``, ``uk`` or ``bg`` (measured), so
Kazakh is recognised first by its own letters (ә ғ қ ң ө ұ ү һ і, a few per cent of the letters
of any Kazakh sentence and none of a Russian one), and by lingua's Kazakh model where a text
is too short to carry those letters ("Ол азат."). langdetect then tells English from other
Latin-script languages. Short texts get a low confidence rather than a confident wrong answer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from compare import SUPPORTED_LANGS, SUPPORTED_SOURCE_LANGS
from compare.document import Span
from compare.errors import InputError

_KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
_KAZAKH_ONLY = "әғқңөұүһӘҒҚҢӨҰҮҺ"  # without і, which Ukrainian and Belarusian share
_RE_CYR = re.compile(r"[\u0400-\u04FF]")
_RE_LAT = re.compile(r"[A-Za-z\u00C0-\u024F]")
_RE_KK = re.compile(f"[{_KAZAKH}]")
_RE_KK_ONLY = re.compile(f"[{_KAZAKH_ONLY}]")
_RE_RU_ONLY = re.compile(r"[ыэёЫЭЁ]")  # letters Russian (and Kazakh) have but uk/bg do not
_RE_UK = re.compile(r"[їєґЇЄҐ]")
# Bulgarian: ъ as a vowel (България, съюз, Министърът) and ѝ. Russian writes ъ only as a hard
# sign before е, ё, ю, я (объявил, съезд): none of 3,350 Russian and Kazakh dev lines (NTREX
# 1-700, even WMT22 documents, MLQE-PE dev) has the vowel ъ.
_RE_BG = re.compile(r"ъ(?![еёюяЕЁЮЯ])|ѝ|Ъ(?![ЕЁЮЯ])")
_RE_UK_I = re.compile(r"[іІ]")
_RE_SR = re.compile(r"[ђјљњћџЂЈЉЊЋЏ]")
# Letters of other Cyrillic languages that Kazakh does not use: Belarusian/Uzbek ў, Tajik
# ҳ ҷ ӣ ӯ, Tatar җ, Bashkir ҡ ҙ ҫ. A Kazakh or Russian text has none (NTREX: 0 of 2000 lines).
_RE_OTHER_CYR = re.compile(r"[ўҳҷӣӯҗҡҙҫЎҲҶӢӮҖҠҘҪ]")
# Kyrgyz and Mongolian share ң ө ү with Kazakh but never use ә ғ қ ұ і һ, which nearly every
# Kazakh sentence of some length has (NTREX: all lines but one short one).
_RE_KK_CORE = re.compile(r"[әғқұіһӘҒҚҰІҺ]")
_RE_KK_SHARED = re.compile(r"[ңөүҢӨҮ]")
# Kazakh in the Latin alphabet: the 2018 letters ǵ and ń (with dotless ı), or the 2021 ū and ñ
# (with ı); Turkish shares ı, ş, ğ, ö, ü but has none of these. Kazakh websites and Tatoeba
# write it; the checks read Kazakh in Cyrillic letters only.
_RE_KK_LATIN = re.compile(r"[ǴǵŪū]")
_RE_KK_LATIN_N = re.compile(r"[ŃńÑñ]")  # Kazakh only beside a dotless ı in the text
_RE_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Share of Kazakh-specific letters among Cyrillic letters. Every NTREX Kazakh line that has
# any has >= 2.5 %, most far more; a Russian paragraph quoting a Kazakh name can reach 2-3 %.
# At or above KAZAKH_SHARE letters decide; between 0 and it, lingua's models decide.
KAZAKH_SHARE = 0.05
_MIN_LETTERS = 3
# Fewer Cyrillic letters than this ("Дякую.") are too few to call a text Ukrainian rather
# than give a low-confidence Russian guess.
UKRAINIAN_MIN_LETTERS = 15
_NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh"}

LANGDETECT_SAMPLE = 5000  # characters given to langdetect; more adds time, not accuracy
LINGUA_CHUNK, LINGUA_CHUNKS = 1000, 6  # lingua reads evenly spread chunks of a long text
# A paragraph mixes two languages when it holds a run of this many words of the other script,
# three of them lower-case: a clause, not names ("Boots, Superdrug", "Member of the Welsh
# Parliament").
MIXED_RUN_WORDS, MIXED_RUN_LOWER = 4, 3


@dataclass
class LanguageGuess:
    lang: str | None
    confidence: float
    scores: dict[str, float] = field(default_factory=dict)
    other: str | None = None
    """When ``lang`` is None: the other language the text looks like, in words, if known."""


@dataclass
class DocumentLanguages:
    lang: str | None
    confidence: float
    paragraphs: list[LanguageGuess]
    mixed: list[int]


def detect_language(text: str) -> LanguageGuess:
    """Guess en / ru / kk, or None when the text is in none of them or too short to say."""
    cyr = len(_RE_CYR.findall(text))
    lat = len(_RE_LAT.findall(text))
    letters = cyr + lat
    if letters < _MIN_LETTERS:
        return LanguageGuess(None, 0.0, {lang: 0.0 for lang in SUPPORTED_LANGS})
    size_conf = min(1.0, 0.2 + letters / 40)  # a word or two: never above about 0.5
    if cyr >= lat:
        return _cyrillic_guess(text, cyr, size_conf, cyr / letters)
    return _latin_guess(text, lat, size_conf, lat / letters)


def _cyrillic_guess(text: str, cyr: int, size_conf: float, script_share: float) -> LanguageGuess:
    kk_share = len(_RE_KK.findall(text)) / cyr
    kk_only = _RE_KK_ONLY.search(text)
    if _RE_UK.search(text) and not kk_only and not _RE_RU_ONLY.search(text) and cyr >= 20:
        return LanguageGuess(None, 0.8, {"ru": 0.1, "kk": 0.05, "en": 0.0}, "Ukrainian")
    bulgarian = len(_RE_BG.findall(text))
    if (bulgarian >= 2 and bulgarian >= 0.004 * cyr and not kk_only
            and len(_RE_RU_ONLY.findall(text)) * 4 <= bulgarian):  # fmt: skip
        return LanguageGuess(None, 0.8, {"ru": 0.1, "kk": 0.0, "en": 0.0}, "Bulgarian")
    other = len(_RE_OTHER_CYR.findall(text))
    if other >= 2 and other >= 0.005 * cyr:  # not a quoted Uzbek or Belarusian name or two
        return LanguageGuess(None, 0.7, {"ru": 0.1, "kk": 0.1, "en": 0.0},
                             "another Cyrillic language (Uzbek, Tajik, Tatar, Belarusian?)")
    if cyr >= 40 and not _RE_KK_CORE.search(text) and len(_RE_KK_SHARED.findall(text)) >= 3:
        return LanguageGuess(None, 0.7, {"ru": 0.1, "kk": 0.2, "en": 0.0},
                             "Kyrgyz or Mongolian")
    if kk_share >= KAZAKH_SHARE and kk_only:
        conf = size_conf * script_share
        return LanguageGuess("kk", conf, {"kk": conf, "ru": 1 - conf, "en": 1 - script_share})
    if len(_RE_SR.findall(text)) > 2:
        return LanguageGuess(None, 0.8, {"ru": 0.1, "kk": 0.05, "en": 0.0},
                             "Serbian or Macedonian")
    if kk_share > 0 or cyr < 40:
        # Too few letters (or a Kazakh name or two, or Ukrainian і) to decide by letters: ask
        # lingua, which also knows Ukrainian. Ukrainian written without ї, є, ґ has і like
        # Kazakh and lacks ы, э, ё: only a language model tells it from Russian with a name.
        # Only a text with і (never Russian) may be called Ukrainian: a short Russian line
        # ("Я стою перед вами") can look Ukrainian to the model.
        kk, ru, uk = _lingua_kk_ru_uk(text)
        if (cyr >= UKRAINIAN_MIN_LETTERS and not kk_only and _RE_UK_I.search(text)
                and uk > max(kk, ru, 0.5)):
            return LanguageGuess(None, uk * size_conf,
                                 {"ru": ru, "kk": kk, "en": 1 - script_share}, "Ukrainian")
        if kk > ru:
            conf = size_conf * kk * script_share
            return LanguageGuess("kk", conf, {"kk": kk, "ru": ru, "en": 1 - script_share})
        conf = size_conf * max(ru, 0.5) * script_share
        return LanguageGuess("ru", conf, {"ru": ru, "kk": kk, "en": 1 - script_share})
    if not _RE_RU_ONLY.search(text) and cyr >= 200 and _langdetect_top(text)[0] in ("bg", "mk"):
        return LanguageGuess(None, 0.7, {"ru": 0.2, "kk": 0.0, "en": 0.0},
                             "Bulgarian or Macedonian")
    conf = size_conf * script_share
    return LanguageGuess("ru", conf, {"ru": conf, "kk": 0.0, "en": 1 - script_share})


KAZAKH_LATIN = "Kazakh in the Latin alphabet (the checks read Kazakh in Cyrillic letters)"


def _latin_guess(text: str, lat: int, size_conf: float, script_share: float) -> LanguageGuess:
    kazakh = len(_RE_KK_LATIN.findall(text))
    if "ı" in text:
        kazakh += len(_RE_KK_LATIN_N.findall(text))
    if kazakh >= 2 and kazakh >= 0.004 * lat:  # not an English text quoting a name or two
        return LanguageGuess(None, 0.8, {"en": 0.1, "ru": 0.0, "kk": 0.1}, KAZAKH_LATIN)
    top, prob = _langdetect_top(text)
    if top != "en" and prob >= 0.9 and lat >= 30:
        return LanguageGuess(None, prob, {"en": 1 - prob, "ru": 0.0, "kk": 0.0})
    en = prob if top == "en" else 0.5
    conf = size_conf * script_share * max(en, 0.5)
    return LanguageGuess("en", conf, {"en": en, "ru": 1 - script_share, "kk": 0.0})


def _langdetect_top(text: str) -> tuple[str, float]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # deterministic answers
    try:
        found = detect_langs(text[:LANGDETECT_SAMPLE])
    except LangDetectException:
        return "", 0.0
    return (found[0].lang, found[0].prob) if found else ("", 0.0)


@functools.lru_cache(maxsize=1)
def _lingua_detector():
    """Built once, on first need: lingua loads its models lazily (about 1 s)."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.KAZAKH, Language.RUSSIAN, Language.UKRAINIAN, Language.BULGARIAN
    ).build()


def _lingua_kk_ru_uk(text: str) -> tuple[float, float, float]:
    from lingua import Language

    detector = _lingua_detector()
    values = {
        c.language: c.value for c in detector.compute_language_confidence_values(_sample(text))
    }
    return (values.get(Language.KAZAKH, 0.0), values.get(Language.RUSSIAN, 0.0),
            values.get(Language.UKRAINIAN, 0.0))


def _sample(text: str) -> str:
    """Evenly spread chunks of a long text: lingua's time grows with length, not its answer."""
    if len(text) <= LINGUA_CHUNK * LINGUA_CHUNKS:
        return text
    step = (len(text) - LINGUA_CHUNK) // (LINGUA_CHUNKS - 1)
    return "\n".join(text[i * step : i * step + LINGUA_CHUNK] for i in range(LINGUA_CHUNKS))


def detect_document_languages(text: str, paragraphs: list[Span]) -> DocumentLanguages:
    """The language of the whole text and of each paragraph; flags mixed paragraphs.

    A paragraph is mixed when it is confidently in another language than the document, or
    when it holds a clause in the document's other script (a quoted English sentence in a
    Russian text); English brand names in a Kazakh sentence do not make it mixed.
    """
    whole = detect_language(text)
    guesses = []
    mixed = []
    for n, span in enumerate(paragraphs):
        para = text[span.start : span.end]
        guess = detect_language(para)
        guesses.append(guess)
        if guess.lang and whole.lang and guess.lang != whole.lang and guess.confidence >= 0.5:
            mixed.append(n)
        elif whole.lang and _has_foreign_clause(para, latin=whole.lang != "en"):
            mixed.append(n)
    return DocumentLanguages(whole.lang, whole.confidence, guesses, mixed)


def mixed_paragraphs(text: str, paragraphs: list[Span], lang: str) -> list[int]:
    """Indices of the paragraphs of a side in ``lang`` that are in another language or hold
    a clause in the other script.

    Unlike :func:`detect_document_languages` this is cheap on long texts: a paragraph is only
    run through detection when its letters hint at another language.
    """
    mixed = []
    for n, span in enumerate(paragraphs):
        para = text[span.start : span.end]
        if _has_foreign_clause(para, latin=lang != "en"):
            mixed.append(n)
            continue
        cyr, lat = len(_RE_CYR.findall(para)), len(_RE_LAT.findall(para))
        if lang == "en":
            hint = cyr > lat
        elif lang == "ru":
            hint = lat > cyr or bool(_RE_KK_ONLY.search(para))
        else:
            hint = lat > cyr or (cyr >= 40 and not _RE_KK.search(para))
        if hint:
            guess = detect_language(para)
            if guess.lang and guess.lang != lang and guess.confidence >= 0.5:
                mixed.append(n)
    return mixed


def _has_foreign_clause(para: str, latin: bool) -> bool:
    """Whether ``para`` has MIXED_RUN_WORDS consecutive words in the other script (Latin in
    a Cyrillic text when ``latin``), enough of them lower-case to be a clause, not names."""
    other = _RE_LAT if latin else _RE_CYR
    run = lower = 0
    for m in _RE_WORD.finditer(para):
        word = m.group()
        if other.match(word):
            run += 1
            lower += word[0].islower()
            if run >= MIXED_RUN_WORDS and lower >= MIXED_RUN_LOWER:
                return True
        else:
            run = lower = 0
    return False


def script_notice(text: str, lang: str, side: str) -> str | None:
    """A line for the report when a side set to Russian or Kazakh is mostly in Latin letters
    (the user's choice overrode detection): the checks read those languages in Cyrillic."""
    if lang not in ("ru", "kk"):
        return None
    cyr, lat = len(_RE_CYR.findall(text)), len(_RE_LAT.findall(text))
    if lat < _MIN_LETTERS or lat <= 2 * cyr:
        return None
    return (f"The {side} text is set to {_NAMES[lang]} but is mostly in Latin letters; the "
            f"checks read {_NAMES[lang]} in Cyrillic letters, so their flags there may be wrong.")


def resolve_language(
    text: str,
    paragraphs: list[Span],
    override: str | None,
    allowed: tuple[str, ...],
    side: str,
) -> str:
    """The language to use for one side: the user's choice, else the detected one.

    Raises :class:`InputError` when the detected language is not one this side may be in.
    """
    wanted = " or ".join(_NAMES[a] for a in allowed)
    if override and override != "auto":
        if override not in allowed:
            raise InputError(
                f"The {side} language cannot be {override!r}; it must be {wanted}."
            )
        return override
    guess = detect_language(text)
    if guess.lang in allowed:
        return guess.lang
    found = _NAMES.get(guess.lang or "") or guess.other or "none of English, Russian or Kazakh"
    if side == "source":
        hint = "Give the Russian or Kazakh original as the source, or set --source-lang."
    else:
        hint = "Give the English translation on the English side."
    raise InputError(f"The {side} text looks like {found}, not {wanted}. {hint}")


def resolve_languages(
    target_text: str,
    target_paragraphs: list[Span],
    source_text: str | None = None,
    source_paragraphs: list[Span] | None = None,
    target_lang: str = "auto",
    source_lang: str = "auto",
) -> tuple[str, str | None]:
    """The English side's language and the source's (None without a source), as the pipeline
    takes them: the one given unless ``"auto"``, else the detected one
    (:func:`resolve_language`, which raises :class:`InputError` for a side in no language it
    may be in; the English side first)."""
    tgt_override = None if target_lang == "auto" else target_lang
    tgt = resolve_language(target_text, target_paragraphs, tgt_override, ("en",), "English")
    if source_text is None:
        return tgt, None
    src_override = None if source_lang == "auto" else source_lang
    src = resolve_language(source_text, source_paragraphs or [], src_override,
                           SUPPORTED_SOURCE_LANGS, "source")  # fmt: skip
    return tgt, src


@dataclass(frozen=True)
class TextLanguages:
    """What the pipeline finds out about the languages of its two texts before it reads them
    further: each side's language (:func:`resolve_languages`) and the paragraphs of each that
    look like another language (:func:`mixed_paragraphs`; the source's read with its Latin
    look-alike letters folded, as the pipeline reads it)."""

    target: str
    source: str | None
    target_mixed: list[int]
    source_mixed: list[int] | None


def text_languages(
    target_text: str,
    target_paragraphs: list[Span],
    source_text: str | None = None,
    source_paragraphs: list[Span] | None = None,
    target_lang: str = "auto",
    source_lang: str = "auto",
) -> TextLanguages:
    """:class:`TextLanguages` of two texts, the pipeline's languages given as in
    :func:`resolve_languages` (which raises :class:`InputError` for a side in no language it
    may be in)."""
    from compare.script_mix import fold_lookalikes

    tgt, src = resolve_languages(target_text, target_paragraphs, source_text, source_paragraphs,
                                 target_lang, source_lang)  # fmt: skip
    source_mixed = None
    if source_text is not None:
        folded = fold_lookalikes(source_text, src).text
        source_mixed = mixed_paragraphs(folded, source_paragraphs or [], src)
    return TextLanguages(tgt, src, mixed_paragraphs(target_text, target_paragraphs, tgt),
                         source_mixed)  # fmt: skip
