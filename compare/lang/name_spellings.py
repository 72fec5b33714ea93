"""How names that reached Russian and Kazakh through another language are spelled in Cyrillic.

Russian (and Kazakh, which borrows foreign names through Russian) writes a foreign name as it
sounds in the name's own language, while English keeps that language's Latin spelling: the
Tunisian Mechichi is Машиши because French reads "ch" as ш, the German Schäuble is Шойбле, the
Spanish Rajoy is Рахой, the Chinese Xi Jinping is Си Цзиньпин (Palladius), the Korean Daegu is
Тэгу (Kontsevich), the Turkish Çavuşoğlu is Чавушоглу. The English reading of such a name
(compare.translit.english_keys) misses these.

Each convention below is an ordered list of rewrites, a regular expression over the lower-case
Latin word and the Cyrillic letters that language's spelling stands for; rewrites apply one
after the other, so a later one sees what an earlier one wrote (Cyrillic letters are never
rewritten again, since no pattern matches them). The result, mixed Latin and Cyrillic, is only
ever compared through compare.translit.latin_key, which reads both scripts alike, so a rule
need only be right up to what latin_key collapses (й/и, х/г, е/э/ё, ь, doubled letters).

This is language data, not logic: the name check (compare.name_matching) reads a Latin word by
every convention and accepts a Cyrillic name that matches any reading. The origin of a name is
not known, so each reading is a guess; the rules are the regular correspondences of each
language, not entries for particular names.
"""

from __future__ import annotations

# French, also the usual Latin spelling of names from the Maghreb, Lebanon and West Africa
# (Mechichi/Машиши, Ghannouchi/Ганнуши, Ouattara/Уаттара, Bouteflika/Бутефлика).
FRENCH: tuple[tuple[str, str], ...] = (
    (r"eaux?$|aux$", "о"),  # Bordeaux: Бордо; silent final x
    (r"eau", "о"),
    (r"ieu", "ьё"),  # Depardieu: Депардьё
    (r"oeu|eu", "ё"),
    (r"oi", "уа"),  # Poitiers: Пуатье
    (r"ou", "у"),  # Toulouse, Ouattara: Тулуза, Уаттара
    (r"ai|ei", "э"),  # Le Maire: Ле Мэр
    (r"au", "о"),
    (r"ch", "ш"),  # Chirac, Mechichi: Ширак, Машиши
    (r"gn", "нь"),
    (r"qu", "к"),
    (r"^h", ""),  # silent h: Hollande, Herzog: Олланд, Эрцог
    (r"th", "т"),  # Thierry: Тьерри
    (r"ph", "ф"),
    (r"ç|c(?=[eiy])", "с"),
    (r"gu(?=[eiy])", "г"),  # Guillaume, Guy: Гийом, Ги
    (r"(?<=[^v]i)ll", "й"),  # Guillaume, Mireille: Гийом, Мирей (not -ville: Deauville, Довиль)
    (r"j|g(?=[eiy])", "ж"),  # Jacques, Gérard: Жак, Жерар
    (r"(?<=[aeiouy])s(?=[aeiouy])", "з"),
    (r"iers?$|iez$", "ье"),  # Poitiers, Barnier, Montpellier: Пуатье, Барнье, Монпелье
    (r"(?<=[^aeiouy])ie$|y$", "и"),  # Marie, Sarkozy: Мари, Саркози
    (r"(?<=[^aeiouy])[sxtdz]$", ""),  # silent final consonants: Chamonix, Jacques
    (r"(?<=[^aeiouy])es?$", ""),  # silent final e: Hollande, Christine, Tebboune
)

# German, also Austrian and Swiss (Steinmeier/Штайнмайер, Schäuble/Шойбле, Löw/Лёв).
GERMAN: tuple[tuple[str, str], ...] = (
    (r"tsch", "ч"),
    (r"sch", "ш"),
    (r"^st", "шт"),  # Steinmeier, Stuttgart: Штайнмайер, Штутгарт
    (r"^sp", "шп"),  # Spahn: Шпан
    (r"chs", "кс"),
    (r"ch", "х"),
    (r"aeu|äu|eu", "ой"),  # Schäuble, Schaeuble: Шойбле
    (r"ei|ey|ai|ay", "ай"),
    (r"ie", "и"),  # Friedrich: Фридрих
    (r"jü|jue|ju", "ю"),  # Jürgen, Juergen: Юрген
    (r"ä|ae", "э"),
    (r"ö|oe", "ё"),  # Löw, Loew: Лёв
    (r"ü|ue", "ю"),
    (r"j", "й"),  # Joachim, Jens: Йоахим, Йенс
    (r"ß", "сс"),
    (r"tz|z", "ц"),
    (r"w", "в"),
    (r"v", "ф"),  # Volker: Фолькер
    (r"th", "т"),
    (r"qu", "кв"),
    (r"(?<=[aeiouäöü])h(?![aeiouäöü])", ""),  # Spahn, Lehmann: Шпан, Леман
    (r"^s(?=[aeiou])|(?<=[aeiou])s(?=[aeiou])", "з"),  # Seehofer: Зеехофер
)

# Spanish (Rajoy/Рахой, Guevara/Гевара, Piñera/Пиньера, Mallorca/Майорка).
SPANISH: tuple[tuple[str, str], ...] = (
    (r"gu(?=[eiéí])", "г"),  # Guevara, Guillermo: Гевара, Гильермо
    (r"gü", "гу"),
    (r"qu", "к"),  # Quevedo: Кеведо
    (r"j|g(?=[eiéí])|^x(?=[aeiouáéíóú])", "х"),  # Rajoy, Gijón, Xavi: Рахой, Хихон, Хави
    (r"ll", "й"),
    (r"ñ", "нь"),
    (r"ch", "ч"),
    (r"z|c(?=[eiéí])", "с"),  # Sánchez, Zapatero: Санчес, Сапатеро
    (r"^h|(?<=[aeiou])h", ""),  # silent h: Hernández: Эрнандес
    (r"y$", "й"),
)

# Arabic names in their English (and French-influenced) romanisations (Khalifa/Халифа,
# al-Kadhimi/аль-Казыми, Qatar/Катар, Ramallah/Рамалла, Saied/Саид, Mohammed/Мухаммед).
ARABIC: tuple[tuple[str, str], ...] = (
    (r"^m[ou]h?amm?[ae]d$", "мухаммед"),  # Mohammed, Muhammad, Mohamed, Mohammad
    (r"kh", "х"),
    (r"dh", "з"),  # Kadhimi: Казыми; the article form of Abu Dhabi is read plainly
    (r"gh", "г"),  # Ghannouchi: Ганнуши
    (r"th", "с"),  # Uthman: Усман
    (r"q", "к"),
    (r"sh|ch", "ш"),
    (r"ou", "у"),
    (r"(?<=[aeo])ie|ee", "и"),  # Saied, Raheem: Саид, Рахим
    (r"oo", "у"),
    (r"aa", "а"),
    (r"(?<=[ae])h$", ""),  # Ramallah, Haniyeh: Рамалла, Хания
    (r"j", "дж"),
)

# Chinese pinyin in the Russian (Palladius) system (Xi Jinping/Си Цзиньпин, Zhejiang/Чжэцзян,
# Chongqing/Чунцин, Qin/Цинь). Initials that are two letters go first, then finals, then the
# remaining initials, so that a final's letters are not taken for an initial.
PINYIN: tuple[tuple[str, str], ...] = (
    (r"zh", "чж"),
    (r"ch", "ч"),
    (r"sh", "ш"),
    (r"(?<=[jqx])u", "ю"),  # ü after j, q, x: Xu, Quan, Xue: Сюй, Цюань, Сюэ
    (r"iang", "ян"),
    (r"iong", "юн"),
    (r"iao", "яо"),
    (r"ian", "янь"),
    (r"uai", "уай"),
    (r"ing", "ин"),
    (r"ong", "ун"),
    (r"eng", "эн"),
    (r"ang", "ан"),
    (r"you", "ю"),
    (r"yu", "юй"),
    (r"ie", "е"),
    (r"iu", "ю"),
    (r"ia", "я"),
    (r"ui", "уй"),
    (r"uo", "о"),
    (r"ou", "оу"),
    (r"ei", "эй"),
    (r"ai", "ай"),
    (r"ya", "я"),
    (r"ye", "е"),
    (r"yi", "и"),
    (r"wu", "у"),
    (r"in", "инь"),  # Jinping: Цзиньпин
    (r"en", "энь"),
    (r"e", "э"),  # Keqiang, Zedong: Кэцян, Цзэдун
    (r"x", "с"),  # Xi, Xinjiang: Си, Синьцзян
    (r"q", "ц"),  # Qin, Qiang: Цинь, Цян
    (r"j|z", "цз"),  # Jiang, Zemin: Цзян, Цзэминь
    (r"c", "ц"),
    (r"r", "ж"),
    (r"w", "в"),
)

# One syllable of a Chinese given name, in the Palladius system and in pinyin (Цзиньпин is
# цзинь-пин, Jinping jin-ping; Кэцян / Keqiang): English often gives a Chinese leader's family
# name alone (Xi, Li), and the check leaves such a given name unmatched (compare.name_candidates).
PALLADIUS_SYLLABLE = (
    r"(?:цз|чж|[бпмфдтнлгкхцсчшжв])?(?:юань|уань|уай|инь|энь|ань|янь|юнь|унь|ао|яо|ай|эй|оу|"
    r"уй|ан|эн|ян|ин|ун|юн|уа|уо|юэ|юй|эр|а|э|и|я|е|ю|о|у|ы)"
)
PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|uai|ian|iao|ing|ong|eng|ang|uan|"
    r"ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)"
)

# Korean, Revised Romanisation and McCune-Reischauer, in the Russian (Kontsevich) system
# (Daegu/Тэгу, Busan/Пусан, Incheon/Инчхон, Gyeonggi/Кёнги, Jae/Чжэ, Geun/Кын).
KOREAN: tuple[tuple[str, str], ...] = (
    (r"yeo|yu(?=ng)|yo", "ё"),  # Yeol, Myung, Gyeonggi: Ёль, Мён, Кёнги
    (r"eo", "о"),  # Incheon, Jeong: Инчхон, Чон
    (r"eu", "ы"),  # Geun, Heung: Кын, Хын
    (r"ae", "э"),  # Jae, Daegu: Чжэ, Тэгу
    (r"oe", "ве"),
    (r"ui", "ый"),
    (r"ya", "я"),
    (r"yu", "ю"),
    (r"ye", "е"),
    (r"wa", "ва"),
    (r"wo", "во"),
    (r"oo", "у"),  # Moon, Yoon: Мун, Юн
    (r"ng", "н"),
    (r"ch", "чх"),  # Incheon: Инчхон
    (r"^j", "чж"),
    (r"j", "дж"),  # Gwangju: Кванджу
    (r"^g", "к"),  # initial plain stops are unvoiced in Russian: Gwangju, Daegu, Busan
    (r"^d", "т"),
    (r"^b", "п"),
)

# Turkish (Çavuşoğlu/Чавушоглу, Recep/Реджеп, Kılıçdaroğlu/Кылычдароглу, Yıldırım/Йылдырым).
TURKISH: tuple[tuple[str, str], ...] = (
    (r"ç", "ч"),
    (r"ş", "ш"),
    (r"ğ", ""),  # silent, lengthening the vowel (Russian often keeps г: Эрдоган)
    (r"ı", "ы"),
    (r"ö", "ё"),
    (r"ü", "ю"),
    (r"c", "дж"),  # Recep, Cem: Реджеп, Джем
    (r"^y(?=[aeıiou])|(?<=[aeıiou])y(?=[aeıiou])", "й"),
)

# Albanian (Kosovo, Albania, North Macedonia): Xhaka/Джака, Xherdan/Джердан, Çarçani/Чарчани.
ALBANIAN: tuple[tuple[str, str], ...] = (
    (r"xh", "дж"),
    (r"zh", "ж"),
    (r"ç", "ч"),
    (r"ë", "э"),
)

CONVENTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": FRENCH,
    "de": GERMAN,
    "es": SPANISH,
    "ar": ARABIC,
    "zh": PINYIN,
    "ko": KOREAN,
    "tr": TURKISH,
    "sq": ALBANIAN,
}
