"""name-mismatch on names that reached Russian and Kazakh through another language.

Probes written from general knowledge (no corpus rows): faithful sentence pairs with French,
German, Spanish, Arabic, Chinese, Korean and Turkish names, which must not be flagged, and the
same sentences with a name swapped for another, which must be. The spellings are read through
compare.lang.name_spellings; a lone unmatched name on each side that sounds alike is paired as
one name spelled two ways.
"""

from __future__ import annotations

import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.countries import CountryMismatch
from compare.checks.names import NameMismatch
from compare.document import Document, Sentence, Span
from compare.lang.name_spellings import CONVENTIONS
from compare.name_matching import foreign_keys, src_matches_en
from compare.translit import latin_key


def flags(src: str, eng: str, lang: str = "ru") -> list:
    """name-mismatch flags of a one-sentence-per-side document with a single 1-1 pair, and the
    country check's, to which the name check leaves a state put in another's place."""
    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])
    return NameMismatch().run(ctx) + CountryMismatch().run(ctx)


def shown(src: str, eng: str, found: list) -> list[tuple[str, str]]:
    return [(f.side, (src if f.side == "source" else eng)[f.start : f.end]) for f in found]


FAITHFUL = [
    # Names that reached Russian and Kazakh through French, the Latin spelling of the Maghreb,
    # Lebanon and West Africa too
    (
        "ru",
        "Премьер-министр Туниса Хишам Машиши отправлен в отставку.",
        "Tunisian Prime Minister Hichem Mechichi was dismissed.",
    ),
    ("ru", "Об этом сообщил Машиши журналистам.", "Mechichi told reporters about it."),
    # French gu before e/i/y is г, and ll after i is й (session 35): Guillaume / Гийом,
    # Mireille / Мирей; not in -ville (Deauville / Довиль)
    ("ru", "Об этом журналистам сообщил Гийом.", "Guillaume told reporters about it."),
    ("ru", "Вчера выступила Мирей.", "Yesterday Mireille performed."),
    ("ru", "Вчера певица выступила в Довиле.", "Yesterday the singer performed in Deauville."),
    (
        "ru",
        "В понедельник Каису Саиду вручили доклад.",
        "On Monday Kais Saied was handed the report.",
    ),
    (
        "ru",
        "В понедельник президент Каис Саид отправил правительство в отставку.",
        "On Monday President Kais Saied dismissed the government.",
    ),
    (
        "ru",
        "Встреча с Каисом Саидом прошла в Карфагене.",
        "The meeting with Kais Saied took place in Carthage.",
    ),
    (
        "ru",
        "Лидер партии Ракед Ганнуши осудил решение.",
        "Party leader Rached Ghannouchi condemned the decision.",
    ),
    (
        "ru",
        "Президент Алжира Абдельмаджид Теббун посетил Рим.",
        "Algerian President Abdelmadjid Tebboune visited Rome.",
    ),
    (
        "ru",
        "Бывший президент Абдельазиз Бутефлика скончался.",
        "Former president Abdelaziz Bouteflika has died.",
    ),
    (
        "ru",
        "Президент Ливана Мишель Аун принял отставку.",
        "Lebanese President Michel Aoun accepted the resignation.",
    ),
    (
        "ru",
        "Глава Кот-д'Ивуара Алассан Уаттара выступил с речью.",
        "Ivorian leader Alassane Ouattara gave a speech.",
    ),
    (
        "ru",
        "Президент Сенегала Маки Салл прибыл в Сочи.",
        "Senegalese President Macky Sall arrived in Sochi.",
    ),
    (
        "ru",
        "Глава Евросовета Шарль Мишель приехал в Киев.",
        "European Council President Charles Michel came to Kyiv.",
    ),
    (
        "ru",
        "Бывший президент Жак Ширак похоронен в Париже.",
        "Former president Jacques Chirac was buried in Paris.",
    ),
    (
        "ru",
        "Переговоры вел министр Жан-Ив Ле Дриан.",
        "The talks were led by minister Jean-Yves Le Drian.",
    ),
    ("ru", "Соглашение подписал Мишель Барнье.", "The agreement was signed by Michel Barnier."),
    (
        "ru",
        "Глава ЕЦБ Кристин Лагард предупредила об инфляции.",
        "ECB head Christine Lagarde warned about inflation.",
    ),
    ("ru", "Матч прошел в Бордо и Тулузе.", "The match was played in Bordeaux and Toulouse."),
    (
        "ru",
        "Актер Жерар Депардье получил гражданство.",
        "Actor Gerard Depardieu received citizenship.",
    ),
    (
        "ru",
        "Его адвокат Тьерри Эрцог отказался от комментариев.",
        "His lawyer Thierry Herzog declined to comment.",
    ),
    (
        "ru",
        "Премьер Эдуар Филипп объявил о реформе.",
        "Prime Minister Edouard Philippe announced the reform.",
    ),
    (
        "ru",
        "В Пуатье и Монпелье прошли забастовки.",
        "Strikes took place in Poitiers and Montpellier.",
    ),
    (
        "ru",
        "Президент Гаити Жовенель Моиз был убит.",
        "Haitian President Jovenel Moise was killed.",
    ),
    ("ru", "Министр Бруно Ле Мэр выступил в Шамони.", "Minister Bruno Le Maire spoke in Chamonix."),
    (
        "kk",
        "Тунис премьер-министрі Хишам Машишиді отставкаға жіберді.",
        "He dismissed Tunisian Prime Minister Hichem Mechichi.",
    ),
    (
        "kk",
        "Сейсенбіде Каис Саид үкіметті таратты.",
        "On Tuesday Kais Saied dissolved the government.",
    ),
    (
        "kk",
        "Президент Эммануэль Макронның сөзінше, келісім маңызды.",
        "According to President Emmanuel Macron, the agreement is important.",
    ),
    # German and Austrian names
    ("ru", "Канцлер Олаф Шольц прибыл в Пекин.", "Chancellor Olaf Scholz arrived in Beijing."),
    (
        "ru",
        "Президент Франк-Вальтер Штайнмайер подписал закон.",
        "President Frank-Walter Steinmeier signed the law.",
    ),
    ("ru", "Министр Вольфганг Шойбле возразил.", "Minister Wolfgang Schaeuble objected."),
    (
        "ru",
        "Глава Еврокомиссии Урсула фон дер Ляйен выступила.",
        "European Commission head Ursula von der Leyen spoke.",
    ),
    ("ru", "Министр Хайко Маас встретился с коллегой.", "Minister Heiko Maas met his counterpart."),
    (
        "ru",
        "Лидер оппозиции Фридрих Мерц раскритиковал план.",
        "Opposition leader Friedrich Merz criticised the plan.",
    ),
    ("ru", "Министр Хорст Зеехофер ушел в отставку.", "Minister Horst Seehofer resigned."),
    ("ru", "Тренер Юрген Клопп похвалил команду.", "Coach Juergen Klopp praised the team."),
    ("ru", "Тренер Юрген Клопп похвалил команду.", "Coach Jurgen Klopp praised the team."),
    ("ru", "Министр Йенс Шпан объявил о карантине.", "Minister Jens Spahn announced a lockdown."),
    (
        "ru",
        "Министр Карл Лаутербах предупредил о волне.",
        "Minister Karl Lauterbach warned of a wave.",
    ),
    ("ru", "Канцлер Себастьян Курц посетил Вену.", "Chancellor Sebastian Kurz visited Vienna."),
    (
        "ru",
        "Матч прошел в Штутгарте и Вюрцбурге.",
        "The match was held in Stuttgart and Wuerzburg.",
    ),
    ("ru", "Фестиваль прошел во Фрайбурге.", "The festival was held in Freiburg."),
    (
        "ru",
        "Министр Кристиан Линднер отверг идею.",
        "Minister Christian Lindner rejected the idea.",
    ),
    ("ru", "Лидер партии Алиса Вайдель выступила.", "Party leader Alice Weidel spoke."),
    ("ru", "Тренер Йоахим Лев объявил состав.", "Coach Joachim Loew announced the squad."),
    (
        "ru",
        "Президент Александр Ван дер Беллен приехал.",
        "President Alexander Van der Bellen arrived.",
    ),
    ("ru", "Депутат Сара Вагенкнехт создала партию.", "MP Sahra Wagenknecht founded a party."),
    (
        "kk",
        "Канцлер Олаф Шольцтың айтуынша, санкциялар жалғасады.",
        "According to Chancellor Olaf Scholz, the sanctions will continue.",
    ),
    ("kk", "Министр Анналена Бербок Алматыға келді.", "Minister Annalena Baerbock came to Almaty."),
    # Spanish and Latin American names
    (
        "ru",
        "Премьер Педро Санчес объявил выборы.",
        "Prime Minister Pedro Sanchez called an election.",
    ),
    (
        "ru",
        "Бывший премьер Мариано Рахой дал показания.",
        "Former prime minister Mariano Rajoy testified.",
    ),
    (
        "ru",
        "Лидер оппозиции Хуан Гуайдо покинул страну.",
        "Opposition leader Juan Guaido left the country.",
    ),
    (
        "ru",
        "Президент Гильермо Лассо распустил парламент.",
        "President Guillermo Lasso dissolved parliament.",
    ),
    ("ru", "Президент Хавьер Милей выступил в Давосе.", "President Javier Milei spoke in Davos."),
    (
        "ru",
        "Президент Себастьян Пиньера объявил режим.",
        "President Sebastian Pinera declared a state of emergency.",
    ),
    (
        "ru",
        "Президент Андрес Мануэль Лопес Обрадор выступил.",
        "President Andres Manuel Lopez Obrador spoke.",
    ),
    (
        "ru",
        "Премьер Хосе Луис Родригес Сапатеро приехал.",
        "Prime Minister Jose Luis Rodriguez Zapatero came.",
    ),
    ("ru", "Матч прошел в Гвадалахаре.", "The match took place in Guadalajara."),
    ("ru", "Отдых на Мальорке подорожал.", "Holidays in Mallorca became more expensive."),
    (
        "ru",
        "Министр Хосе Мануэль Альбарес прибыл в Вальядолид.",
        "Minister Jose Manuel Albares arrived in Valladolid.",
    ),
    ("ru", "Завод в Хересе и Хихоне закрыт.", "The plant in Jerez and Gijon is closed."),
    ("ru", "Портрет Че Гевары висел в зале.", "A portrait of Che Guevara hung in the hall."),
    ("ru", "Защитник Серхио Рамос забил гол.", "Defender Sergio Ramos scored a goal."),
    ("ru", "Президент Густаво Петро подписал указ.", "President Gustavo Petro signed a decree."),
    (
        "ru",
        "Президент Луис Инасиу Лула да Силва приехал.",
        "President Luiz Inacio Lula da Silva arrived.",
    ),
    (
        "ru",
        "Футболист Хави Эрнандес завершил карьеру.",
        "Footballer Xavi Hernandez ended his career.",
    ),
    ("ru", "Президент Нджибу Букеле выступил.", "President Nayib Bukele spoke."),
    (
        "kk",
        "Президент Николас Мадуро Каракаста сөйледі.",
        "President Nicolas Maduro spoke in Caracas.",
    ),
    # Arabic names in their English romanisations
    (
        "ru",
        "Наследный принц Мухаммед бин Салман принял делегацию.",
        "Crown Prince Mohammed bin Salman received the delegation.",
    ),
    (
        "ru",
        "Наследный принц Мохаммед бен Сальман принял делегацию.",
        "Crown Prince Mohammed bin Salman received the delegation.",
    ),
    ("ru", "Глава ПНА Махмуд Аббас выступил.", "PA head Mahmoud Abbas spoke."),
    (
        "ru",
        "Президент Башар Асад принял министра.",
        "President Bashar al-Assad received the minister.",
    ),
    (
        "ru",
        "Президент Башар аль-Асад принял министра.",
        "President Bashar al-Assad received the minister.",
    ),
    ("ru", "Маршал Халифа Хафтар начал наступление.", "Marshal Khalifa Haftar began an offensive."),
    (
        "ru",
        "Президент Абдель Фаттах ас-Сиси открыл канал.",
        "President Abdel Fattah el-Sisi opened the canal.",
    ),
    (
        "ru",
        "Президент Абдель Фаттах ас-Сиси открыл канал.",
        "President Abdel-Fattah al-Sisi opened the canal.",
    ),
    ("ru", "Лидер Хасан Насралла выступил с речью.", "Leader Hassan Nasrallah gave a speech."),
    ("ru", "Лидер Исмаил Хания находился в Дохе.", "Leader Ismail Haniyeh was in Doha."),
    (
        "ru",
        "Премьер Мустафа аль-Казыми посетил Мосул.",
        "Prime Minister Mustafa al-Kadhimi visited Mosul.",
    ),
    ("ru", "Переговоры прошли в Абу-Даби.", "The talks were held in Abu Dhabi."),
    (
        "ru",
        "Эмир Катара Тамим бин Хамад Аль Тани прибыл.",
        "Qatari Emir Tamim bin Hamad Al Thani arrived.",
    ),
    ("ru", "Журналист Джамаль Хашогги был убит.", "Journalist Jamal Khashoggi was killed."),
    (
        "ru",
        "Священнослужитель Муктада ас-Садр призвал к протестам.",
        "Cleric Muqtada al-Sadr called for protests.",
    ),
    ("ru", "Об этом сказал Мухаммад Джавад Зариф.", "This was said by Mohammad Javad Zarif."),
    ("ru", "Об этом заявил Мохамед Салах.", "This was stated by Mohamed Salah."),
    ("ru", "Об этом заявил Абдулла Абдулла.", "This was stated by Abdullah Abdullah."),
    (
        "ru",
        "Генсек Ахмед Абуль-Гейт приехал в Рияд.",
        "Secretary General Ahmed Aboul Gheit arrived in Riyadh.",
    ),
    (
        "ru",
        "Министр Файсал бин Фархан аль-Сауд выступил.",
        "Minister Faisal bin Farhan Al Saud spoke.",
    ),
    ("ru", "В Рамалле и Хевроне прошли акции.", "Rallies were held in Ramallah and Hebron."),
    ("ru", "Король Мухаммед VI помиловал журналиста.", "King Mohammed VI pardoned the journalist."),
    (
        "ru",
        "Премьер Наджиб Микати провел заседание.",
        "Prime Minister Najib Mikati held a meeting.",
    ),
    ("ru", "Силы Хафтара вошли в Сирт.", "Haftar's forces entered Sirte."),
    ("ru", "Главой стал Ибрахим Раиси.", "Ebrahim Raisi became the head."),
    ("ru", "Об этом сказал Абдель Кадер.", "This was said by Abdelkader."),
    (
        "ru",
        "Брат Усамы бен Ладена дал интервью.",
        "The brother of Osama bin Laden gave an interview.",
    ),
    (
        "kk",
        "Мұхаммед бин Салман Эр-Риядта қонақтарды қабылдады.",
        "Mohammed bin Salman received the guests in Riyadh.",
    ),
    # Chinese names in pinyin, Russian in the Palladius system
    ("ru", "Председатель Си Цзиньпин прибыл в Москву.", "Chairman Xi Jinping arrived in Moscow."),
    ("ru", "Премьер Ли Кэцян провел встречу.", "Premier Li Keqiang held a meeting."),
    ("ru", "Министр Ван И заявил о поддержке.", "Minister Wang Yi voiced support."),
    ("ru", "Представитель Чжао Лицзянь ответил.", "Spokesman Zhao Lijian replied."),
    ("ru", "Бывший лидер Ху Цзиньтао покинул зал.", "Former leader Hu Jintao left the hall."),
    ("ru", "Реформы начал Дэн Сяопин.", "The reforms were started by Deng Xiaoping."),
    (
        "ru",
        "Портрет Мао Цзэдуна висит на площади.",
        "A portrait of Mao Zedong hangs on the square.",
    ),
    ("ru", "Ситуация в Синьцзяне обсуждалась.", "The situation in Xinjiang was discussed."),
    ("ru", "Завод в Шэньчжэне закрыли.", "The factory in Shenzhen was closed."),
    ("ru", "Вирус впервые выявили в Ухане.", "The virus was first detected in Wuhan."),
    (
        "ru",
        "Выставка прошла в Гуанчжоу и Чунцине.",
        "The exhibition was held in Guangzhou and Chongqing.",
    ),
    ("ru", "Компания Хуавэй представила смартфон.", "The company Huawei presented a smartphone."),
    ("ru", "Министр Цинь Ган исчез.", "Minister Qin Gang disappeared."),
    ("ru", "Вице-премьер Лю Хэ прибыл в Вашингтон.", "Vice Premier Liu He arrived in Washington."),
    ("ru", "Землетрясение произошло в Сычуани.", "The earthquake struck Sichuan."),
    ("ru", "Наводнение затронуло Чжэцзян и Цзянсу.", "The flood hit Zhejiang and Jiangsu."),
    ("ru", "Премьер Ли Цян выступил в Давосе.", "Premier Li Qiang spoke in Davos."),
    ("ru", "Бывший лидер Цзян Цзэминь скончался.", "Former leader Jiang Zemin died."),
    ("ru", "Завод в Цзилине и Харбине открылся.", "The plant in Jilin and Harbin opened."),
    (
        "ru",
        "Теннисистка Пэн Шуай появилась на публике.",
        "Tennis player Peng Shuai appeared in public.",
    ),
    ("ru", "Художник Ай Вэйвэй открыл выставку.", "Artist Ai Weiwei opened an exhibition."),
    ("kk", "Төраға Си Цзиньпин Астанаға келді.", "Chairman Xi Jinping came to Astana."),
    (
        "kk",
        "Сыртқы істер министрі Ван И мәлімдеме жасады.",
        "Foreign Minister Wang Yi made a statement.",
    ),
    # Korean names, Russian in the Kontsevich system
    ("ru", "Президент Мун Чжэ Ин посетил Пхеньян.", "President Moon Jae-in visited Pyongyang."),
    (
        "ru",
        "Президент Юн Сок Ёль объявил военное положение.",
        "President Yoon Suk Yeol declared martial law.",
    ),
    (
        "ru",
        "Бывший президент Пак Кын Хе освобождена.",
        "Former president Park Geun-hye was released.",
    ),
    ("ru", "Лидер оппозиции Ли Чжэ Мен выступил.", "Opposition leader Lee Jae-myung spoke."),
    ("ru", "Завод в Пусане и Инчхоне закрыт.", "The plant in Busan and Incheon is closed."),
    ("ru", "Компания Хендэ отозвала машины.", "The company Hyundai recalled cars."),
    ("ru", "Концерт прошел в Тэгу и Кванджу.", "The concert was held in Daegu and Gwangju."),
    ("ru", "Премьер Хан Дак Су выступил.", "Prime Minister Han Duck-soo spoke."),
    ("ru", "Министр Пак Чин выступил в Сеуле.", "Minister Park Jin spoke in Seoul."),
    ("ru", "Певец Пак Чжэ Сан выступил в Сеуле.", "Singer Park Jae-sang performed in Seoul."),
    ("ru", "Футболист Сон Хын Мин забил гол.", "Footballer Son Heung-min scored a goal."),
    ("ru", "Футболист Пак Чжи Сон завершил карьеру.", "Footballer Park Ji-sung ended his career."),
    ("ru", "Провинция Кёнгидо пострадала.", "Gyeonggi Province was affected."),
    ("kk", "Президент Юн Сок Ёль Сеулда сөз сөйледі.", "President Yoon Suk Yeol spoke in Seoul."),
    # Turkish names, with and without their letters
    (
        "ru",
        "Президент Реджеп Тайип Эрдоган прибыл в Сочи.",
        "President Recep Tayyip Erdogan arrived in Sochi.",
    ),
    ("ru", "Министр Мевлют Чавушоглу провел переговоры.", "Minister Mevlut Cavusoglu held talks."),
    ("ru", "Министр Мевлют Чавушоглу провел переговоры.", "Minister Mevlüt Çavuşoğlu held talks."),
    ("ru", "Министр Хулуси Акар посетил Анкару.", "Minister Hulusi Akar visited Ankara."),
    (
        "ru",
        "Лидер оппозиции Кемаль Кылычдароглу проиграл.",
        "Opposition leader Kemal Kilicdaroglu lost.",
    ),
    (
        "ru",
        "Лидер оппозиции Кемаль Кылычдароглу проиграл.",
        "Opposition leader Kemal Kılıçdaroğlu lost.",
    ),
    ("ru", "Мэр Экрем Имамоглу задержан.", "Mayor Ekrem Imamoglu was detained."),
    (
        "ru",
        "Землетрясение разрушило Газиантеп и Шанлыурфу.",
        "The earthquake destroyed Gaziantep and Sanliurfa.",
    ),
    ("ru", "Матч прошел в Эскишехире.", "The match was held in Eskisehir."),
    ("ru", "Клуб Бешикташ обыграл Фенербахче.", "Besiktas beat Fenerbahce."),
    ("ru", "Клуб Бешикташ обыграл Фенербахче.", "Beşiktaş beat Fenerbahçe."),
    ("ru", "Глава разведки Хакан Фидан прибыл.", "Intelligence chief Hakan Fidan arrived."),
    ("ru", "Премьер Бинали Йылдырым выступил.", "Prime Minister Binali Yildirim spoke."),
    ("ru", "Лидер партии Мераль Акшенер выступила.", "Party leader Meral Aksener spoke."),
    ("ru", "Писатель Орхан Памук получил премию.", "Writer Orhan Pamuk received the prize."),
    ("ru", "Музей в Чанаккале открылся.", "The museum in Canakkale opened."),
    ("ru", "Министр Мехмет Шимшек выступил.", "Minister Mehmet Simsek spoke."),
    (
        "kk",
        "Президент Режеп Тайып Ердоған Анкарада сөйледі.",
        "President Recep Tayyip Erdogan spoke in Ankara.",
    ),
    (
        "kk",
        "Президент Реджеп Тайып Эрдоғанның мәлімдемесі жарияланды.",
        "President Recep Tayyip Erdogan's statement was published.",
    ),
    # Two-word names with both words inflected (dative, instrumental, Kazakh cases)
    ("ru", "Письмо направили Ангеле Меркель.", "The letter was sent to Angela Merkel."),
    (
        "ru",
        "Встреча с Ангелой Меркель прошла в Берлине.",
        "The meeting with Angela Merkel took place in Berlin.",
    ),
    (
        "ru",
        "Встреча с Олафом Шольцем прошла в Берлине.",
        "The meeting with Olaf Scholz took place in Berlin.",
    ),
    (
        "ru",
        "Звонок Педро Санчесу поступил утром.",
        "The call to Pedro Sanchez came in the morning.",
    ),
    (
        "ru",
        "Переговоры с Кайсом Саидом прошли в Тунисе.",
        "Talks with Kais Saied were held in Tunis.",
    ),
    ("ru", "Доклад представили Хишаму Машиши.", "The report was presented to Hichem Mechichi."),
    ("ru", "Мы говорили с Жаком Шираком.", "We spoke with Jacques Chirac."),
    ("ru", "Письмо Эммануэлю Макрону отправили.", "The letter to Emmanuel Macron was sent."),
    ("ru", "Звонок Реджепу Эрдогану состоялся.", "The call to Recep Erdogan took place."),
    ("ru", "Встреча с Хуаном Гуайдо отменена.", "The meeting with Juan Guaido was cancelled."),
    ("ru", "Интервью с Мохаммедом Салахом вышло.", "The interview with Mohamed Salah came out."),
    ("ru", "Сообщение Каису Саиду передали.", "The message was passed to Kais Saied."),
    ("kk", "Хабар Каис Саидқа жеткізілді.", "The message was delivered to Kais Saied."),
    ("kk", "Олар Ангела Меркельмен кездесті.", "They met Angela Merkel."),
    ("kk", "Олар Педро Санчеспен кездесті.", "They met Pedro Sanchez."),
    # Romanisations no spelling rule reads, paired as the one unmatched name of each side
    ("ru", "Лидер Ливии Муаммар Каддафи был убит.", "Libyan leader Muammar Qaddafi was killed."),
    ("ru", "Лидер Ливии Муаммар Каддафи был убит.", "Libyan leader Moammar Gadhafi was killed."),
    ("ru", "Президент Садыр Жапаров подписал закон.", "President Sadyr Japarov signed the law."),
    ("ru", "Президент Шавкат Мирзиёев прибыл.", "President Shavkat Mirziyoyev arrived."),
    (
        "ru",
        "Президент Гурбангулы Бердымухамедов выступил.",
        "President Gurbanguly Berdimuhamedow spoke.",
    ),
    ("ru", "Президент Эмомали Рахмон выступил.", "President Emomali Rahmon spoke."),
    ("ru", "Премьер Нгуен Суан Фук прибыл.", "Prime Minister Nguyen Xuan Phuc arrived."),
    ("ru", "Лидер Аун Сан Су Чжи арестована.", "Leader Aung San Suu Kyi was arrested."),
    ("ru", "Тренер Уле Гуннар Сульшер уволен.", "Coach Ole Gunnar Solskjaer was sacked."),
    ("ru", "Нападающий Эрлинг Холанд забил.", "Striker Erling Haaland scored."),
    ("ru", "Теннисист Новак Джокович выиграл.", "Tennis player Novak Djokovic won."),
    ("ru", "Аятолла Али Хаменеи выступил.", "Ayatollah Ali Khamenei spoke."),
    ("ru", "Президент Хасан Рухани выступил.", "President Hassan Rouhani spoke."),
    ("ru", "Президент Сирил Рамафоса выступил.", "President Cyril Ramaphosa spoke."),
    ("ru", "Премьер Абий Ахмед получил премию.", "Prime Minister Abiy Ahmed received the prize."),
    ("ru", "Премьер Джасинда Ардерн ушла в отставку.", "Prime Minister Jacinda Ardern resigned."),
    ("ru", "Генсек Антониу Гутерриш выступил.", "Secretary General Antonio Guterres spoke."),
    ("ru", "Премьер Джорджа Мелони выступила.", "Prime Minister Giorgia Meloni spoke."),
    ("ru", "Премьер Марк Рютте выступил.", "Prime Minister Mark Rutte spoke."),
    ("ru", "Премьер Виктор Орбан выступил.", "Prime Minister Viktor Orban spoke."),
    ("ru", "Президент Владимир Зеленский выступил.", "President Volodymyr Zelenskyy spoke."),
    (
        "ru",
        "Композитор Петр Чайковский родился в Воткинске.",
        "Composer Pyotr Tchaikovsky was born in Votkinsk.",
    ),
    ("ru", "Лидер Никита Хрущев выступил.", "Leader Nikita Khrushchev spoke."),
    ("ru", "Проповедник Фетхуллах Гюлен умер.", "Preacher Fethullah Gulen died."),
    ("ru", "Лидер Уго Чавес выступил.", "Leader Hugo Chavez spoke."),
    ("ru", "Премьер Нарендра Моди приехал.", "Prime Minister Narendra Modi came."),
    ("ru", "Премьер Шейх Хасина ушла.", "Prime Minister Sheikh Hasina left."),
    ("ru", "Премьер Имран Хан арестован.", "Prime Minister Imran Khan was arrested."),
    ("ru", "Президент Нгози Оконджо-Ивеала выступила.", "President Ngozi Okonjo-Iweala spoke."),
    ("ru", "Король Пхумипон Адульядет скончался.", "King Bhumibol Adulyadej died."),
    ("ru", "Монах Тхить Нят Хань скончался.", "Monk Thich Nhat Hanh died."),
    ("ru", "Премьер Прают Чан-оча выступил.", "Prime Minister Prayut Chan-o-cha spoke."),
    (
        "ru",
        "Об этом сообщил Мохаммад Бакер Калибаф.",
        "This was reported by Mohammad Bagher Ghalibaf.",
    ),
    (
        "ru",
        "Об этом сообщил Мохаммад Бакер Галибаф.",
        "This was reported by Mohammad Bagher Qalibaf.",
    ),
    ("ru", "Об этом сообщил Абдель Кадер.", "This was reported by Abdelkader."),
    ("ru", "Это сказал Абдулазиз бен Сальман.", "This was said by Abdulaziz bin Salman."),
    (
        "ru",
        "Встреча с Муаммаром Каддафи прошла в Триполи.",
        "The meeting with Muammar Gaddafi took place in Tripoli.",
    ),
    (
        "kk",
        "Президент Шавкат Мирзиёевпен кездесу өтті.",
        "A meeting with President Shavkat Mirziyoyev took place.",
    ),
    ("kk", "Муаммар Каддафидің ұлы сөйледі.", "Muammar Gaddafi's son spoke."),
]


@pytest.mark.parametrize(("lang", "src", "eng"), FAITHFUL)
def test_faithful_foreign_names_are_not_flagged(lang: str, src: str, eng: str) -> None:
    found = flags(src, eng, lang)
    assert found == [], shown(src, eng, found)


# The same kind of sentences with a name swapped for another (a different person, city or
# given name): flagged, major or, where the English has a spare pronoun, minor.
SWAPPED = [
    ("ru", "Президент Мун Чжэ Ин посетил Пхеньян.", "President Kim Jong Un visited Pyongyang."),
    ("ru", "Лидер Ким Чен Ын посетил завод.", "Leader Moon Jae-in visited the factory."),
    ("ru", "Мистер Смит ответил на вопросы.", "Mr Johnson answered the questions."),
    ("ru", "Об этом сказал Смит.", "This was said by Johnson."),
    ("ru", "Президент Эммануэль Макрон выступил.", "President Marine Le Pen spoke."),
    ("ru", "Канцлер Олаф Шольц прибыл в Пекин.", "Chancellor Angela Merkel arrived in Beijing."),
    ("ru", "Канцлер Олаф Шольц прибыл в Пекин.", "Chancellor Olaf Merz arrived in Beijing."),
    ("ru", "Президент Реджеп Тайип Эрдоган прибыл.", "President Kemal Kilicdaroglu arrived."),
    ("ru", "Премьер Ли Кэцян провел встречу.", "Premier Wang Yi held a meeting."),
    ("ru", "Председатель Си Цзиньпин прибыл в Москву.", "Chairman Hu Jintao arrived in Moscow."),
    ("ru", "Президент Николас Мадуро выступил.", "President Juan Guaido spoke."),
    (
        "ru",
        "Премьер Педро Санчес объявил выборы.",
        "Prime Minister Mariano Rajoy called an election.",
    ),
    ("ru", "Президент Каис Саид уволил министра.", "President Hichem Mechichi fired the minister."),
    ("ru", "Министр Хайко Маас встретился с коллегой.", "Minister Heiko Merz met his counterpart."),
    (
        "ru",
        "Встреча с Каисом Саидом прошла в Карфагене.",
        "The meeting with Rached Ghannouchi took place in Carthage.",
    ),
    ("ru", "Лидер Хасан Насралла выступил с речью.", "Leader Hassan Rouhani gave a speech."),
    ("ru", "Завод в Шэньчжэне закрыли.", "The factory in Shanghai was closed."),
    ("ru", "Вирус впервые выявили в Ухане.", "The virus was first detected in Wenzhou."),
    ("ru", "Матч прошел в Бордо.", "The match was played in Toulouse."),
    ("ru", "Матч прошел в Гвадалахаре.", "The match took place in Guayaquil."),
    (
        "ru",
        "Президент Юн Сок Ёль объявил военное положение.",
        "President Lee Jae-myung declared martial law.",
    ),
    ("ru", "Министр Мевлют Чавушоглу провел переговоры.", "Minister Hakan Fidan held talks."),
    ("ru", "Письмо направили Ангеле Меркель.", "The letter was sent to Angela Davis."),
    (
        "ru",
        "Звонок Педро Санчесу поступил утром.",
        "The call to Pedro Almodovar came in the morning.",
    ),
    ("ru", "Об этом сообщил Макрон.", "Macron's rival Melenchon said so."),
    ("ru", "Об этом сообщил Иванов журналистам.", "Petrov told reporters about it."),
    ("ru", "Он встретился с Ким.", "He met Moon."),
    ("ru", "В среду Ким провел совещание.", "On Wednesday Moon held a meeting."),
    (
        "kk",
        "Президент Эммануэль Макронның сөзінше, келісім маңызды.",
        "According to President Emmanuel Mechichi, the agreement is important.",
    ),
    ("kk", "Олар Педро Санчеспен кездесті.", "They met Pedro Rajoy."),
    (
        "ru",
        "Вице-премьер Лю Хэ прибыл в Вашингтон.",
        "Vice Premier Li Keqiang arrived in Washington.",
    ),
]


@pytest.mark.parametrize(("lang", "src", "eng"), SWAPPED)
def test_swapped_foreign_names_are_flagged(lang: str, src: str, eng: str) -> None:
    assert flags(src, eng, lang), (src, eng)


@pytest.mark.parametrize(
    ("src", "eng"),
    [
        ("Ким", "Moon"),
        ("Смит", "Johnson"),
        ("Макрон", "Marine"),  # within keys_match's play once read as French ("marin")
        ("Шольц", "Merkel"),
        ("Мадуро", "Guaido"),
    ],
)
def test_different_names_do_not_match_by_any_reading(src: str, eng: str) -> None:
    assert not src_matches_en(src, eng)


@pytest.mark.parametrize(
    ("src", "eng"),
    [
        ("Машиши", "Mechichi"),  # French ch
        ("Ганнуши", "Ghannouchi"),  # French ou, ch; Arabic gh
        ("Пуатье", "Poitiers"),  # French oi, silent final letters
        ("Шойбле", "Schaeuble"),  # German sch, äu
        ("Йенс", "Jens"),  # German j
        ("Рахой", "Rajoy"),  # Spanish j
        ("Гевара", "Guevara"),  # Spanish gu
        ("Казыми", "Kadhimi"),  # Arabic dh
        ("Саиду", "Saied"),  # Arabic ie, dative
        ("Чжэцзян", "Zhejiang"),  # pinyin zh, j
        ("Чунцине", "Chongqing"),  # pinyin q, -ng, locative
        ("Тэгу", "Daegu"),  # Korean initial d, ae
        ("Чжэ", "Jae"),  # Korean j
        ("Реджеп", "Recep"),  # Turkish c
    ],
)
def test_names_are_read_by_the_spelling_of_their_language(src: str, eng: str) -> None:
    assert src_matches_en(src, eng)


def test_conventions_are_data_and_every_rule_compiles() -> None:
    """Every language of the brief has a table, and each rule writes Cyrillic (or drops
    letters): readings are compared through latin_key, which reads both scripts."""
    import regex

    assert {"fr", "de", "es", "ar", "zh", "ko", "tr"} <= set(CONVENTIONS)
    for rules in CONVENTIONS.values():
        for pattern, rep in rules:
            regex.compile(pattern)
            assert all(regex.match(r"\p{Cyrillic}", ch) for ch in rep), (pattern, rep)


def test_foreign_keys_leave_out_the_english_reading_and_non_latin_words() -> None:
    assert foreign_keys("Мехмет") == ()
    assert "mesisi" in foreign_keys("Mechichi")
    assert latin_key("Mechichi") not in foreign_keys("Mechichi")


def test_a_lone_variant_on_each_side_is_paired_but_two_names_are_not() -> None:
    """Сульшер / Solskjaer: no rule reads Norwegian, but the one unmatched name of each side
    sounds alike; Келли / Leslie do not (a different first letter), nor Ким / Moon."""
    assert (
        flags("Тренер Уле Гуннар Сульшер уволен.", "Coach Ole Gunnar Solskjaer was sacked.") == []
    )
    assert flags("Мяч отбил Келли.", "The ball was saved by Leslie.")
    assert flags("В среду Ким провел совещание.", "On Wednesday Moon held a meeting.")
    # Two unmatched names on one side: no pairing, both stay flagged.
    found = flags("Об этом сказали Смит и Сульшер.", "This was said by Johnson and Solskjaer.")
    assert ("source", "Смит") in shown(
        "Об этом сказали Смит и Сульшер.", "This was said by Johnson and Solskjaer.", found
    )


def test_a_title_anchors_no_east_asian_name() -> None:
    """Given syllables go unmatched only beside a family name the other side renders, not
    beside a title (Президент / President) or after one (Министр Хайко Маас is two words)."""
    src, eng = "Президент Мун Чжэ Ин посетил Пхеньян.", "President Kim Jong Un visited Pyongyang."
    assert ("source", "Мун Чжэ Ин") in shown(src, eng, flags(src, eng))
    assert flags("Министр Хайко Маас встретился с коллегой.",
                 "Minister Heiko Merz met his counterpart.")  # fmt: skip
    assert flags("Вчера Мун Чжэ Ин прибыл в Пхеньян.",
                 "Yesterday Moon Jae-in arrived in Pyongyang.") == []  # fmt: skip
