"""negation-mismatch on spoken English as TED subtitlers render it (session 36, made-up
English-first probes, no evaluation data; the product reads TED pairs as Russian source and
English translation): question tags, questions that open with a negated auxiliary, spoken idioms
that carry or cancel a "not". Each convention has faithful pairs that must not be flagged and a
lost or added negation beside it that still must be."""

from __future__ import annotations

import pytest
from test_checks_negation import one_pair

from compare.checks.negation import NegationMismatch


def flags(src: str, eng: str) -> list:
    return NegationMismatch().run(one_pair(src, eng, "ru"))


@pytest.mark.parametrize(("src", "eng"), [
    # a question tag keeps the grammar's polarity, not the speaker's
    ("Это странно, правда?", "That's strange, isn't it?"),
    ("Вы ведь это знаете?", "You know that, don't you?"),
    ("Мы все через это проходили, правда?", "We've all been there, haven't we?"),
    # a question opening with a negated auxiliary asks for a "yes"
    ("Удивительно, правда?", "Isn't that amazing?"),
    ("Было бы здорово, правда?", "Wouldn't that be great?"),
    ("Разве это не прекрасно?", "Isn't that beautiful?"),
    ("Вам не кажется, что это странно?", "Do you think that's weird?"),
    ("Вам не кажется, что это странно?", "Don't you think that's weird?"),
    # spoken idioms whose English says a "not" the subtitle need not, or the other way round
    ("Там был лишь песок.", "There was nothing but sand."),
    ("Ну да ладно.", "Never mind."),
    ("Не торопитесь.", "Take your time."),
    ("Поймите меня правильно.", "Don't get me wrong."),
    ("Это проще простого.", "It's not rocket science."),
    ("Меньше всего мне хотелось в это ввязываться.",
     "The last thing I wanted was to get involved."),
    ("Я совсем не хотел в это ввязываться.", "The last thing I wanted was to get involved."),
    ("Это займёт годы, а то и десятилетия.", "It will take years, if not decades."),
    ("Если не сейчас, то когда?", "If not now, when?"),
    ("Не то чтобы я был против.", "Not that I minded."),
    ("Не то чтобы мне не нравилось.", "It's not that I didn't like it."),
    ("Да ладно!", "No way!"),
    ("Не зря же говорят.", "They don't say it for nothing."),
    ("Сомневаюсь, что это сработает.", "I don't think it'll work."),
    ("Об этом знают немногие.", "Not a lot of people know this."),
    ("Ничуть.", "Not at all."),
    ("Ну нет.", "Nope."),
    ("Всё пошло не так.", "Everything went wrong."),
    ("Ничего страшного.", "That's OK."),
    ("Пока не поздно.", "Before it's too late."),
    ("Пока не попробуешь, не узнаешь.", "You won't know until you try."),
    ("Лучше поздно, чем никогда.", "Better late than never."),
    ("Не то слово!", "That's an understatement!"),
])
def test_spoken_renderings_not_flagged(src: str, eng: str) -> None:
    assert flags(src, eng) == []


@pytest.mark.parametrize(("src", "eng"), [
    # the statement under a tag still counts
    ("Это странно, правда?", "That's not strange, is it?"),
    ("Ты ведь не пойдёшь?", "You're going, aren't you?"),
    ("Красиво, правда?", "It isn't beautiful, is it?"),
    # a negated question that does not open the sentence is a plain negation
    ("Почему мы этого делаем?", "Why don't we do that?"),
    ("Если не сейчас, то когда?", "If now, when?"),
    # "if not" before a participle is a condition, not "а то и"
    ("Если её лечить, болезнь отступает.", "If not treated, the disease goes away."),
    # "not that" / "not like" only open a clause: "He's not like you" is a negation
    ("Он похож на тебя.", "He's not like you."),
    ("Это так просто.", "It's not that simple."),
    ("Не торопитесь.", "Hurry up."),
    ("Это не ракетостроение.", "It's rocket science."),
    ("Я не сомневаюсь, что это сработает.", "I think it'll work."),
    ("Многие это понимают.", "Not many people get this."),
    ("Она ничуть не изменилась.", "She has changed a lot."),
    ("Да.", "Nope."),
    # the "until" clause drops its "не", the main clause keeps its own
    ("Пока не попробуешь, не узнаешь.", "You will know before you try."),
    ("Не бойтесь ошибаться.", "Be afraid to make mistakes."),
    ("Никто из нас не идеален.", "Each of us is perfect."),
])
def test_lost_or_added_negation_flagged(src: str, eng: str) -> None:
    assert flags(src, eng) != []
