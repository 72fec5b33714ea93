"""Made-up pairs and a tiny QE model trained on them, for tests (no shared data needed)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from compare.qe.data import Example, split_words
from compare.qe.synthetic import synthetic_set

PAIRS = [
    ("Президент подписал закон о бюджете.", "The president signed the budget law."),
    ("В Москве открылся новый музей.", "A new museum opened in Moscow."),
    ("Цены выросли на 5 процентов.", "Prices rose by 5 percent."),
    ("Компания не будет продавать акции.", "The company will not sell shares."),
    ("Вчера шёл сильный дождь.", "It rained heavily yesterday."),
    ("Министр встретился с журналистами в Берлине.", "The minister met journalists in Berlin."),
    ("Поезд прибыл с опозданием на два часа.", "The train arrived two hours late."),
    ("Эта книга была написана в 1999 году.", "This book was written in 1999."),
    ("Мы обсудили планы на следующий год.", "We discussed plans for next year."),
    ("Школа закрыта из-за ремонта.", "The school is closed for repairs."),
    ("Бүгін Астанада жаңа көпір ашылды.", "A new bridge opened in Astana today."),
    ("Ол 2020 жылы университетті бітірді.", "He graduated from university in 2020."),
]


def tiny_examples(n: int = 50, seed: int = 3) -> list[Example]:
    pairs = [(split_words(s), split_words(t)) for s, t in PAIRS]
    examples = synthetic_set(pairs, "ru", seed, errors_per_pair=3)
    random.Random(seed).shuffle(examples)
    return examples[:n]


def train_tiny_model(folder: Path, weights: Any, storage: str = "fp16") -> None:
    from compare.qe.model import save_model
    from compare.qe.train import TrainOptions, train

    examples = tiny_examples()
    options = TrainOptions(epochs=1, layers=2, trainable_layers=1, batch_tokens=512,
                           storage=storage)  # fmt: skip
    network, config = train(examples, examples[:20], examples[20:40], options, weights,
                            log=lambda message: None)  # fmt: skip
    save_model(network, config, folder)


def train_all_layers_model(folder: Path, weights: Any) -> Path:
    """A 2-layer model with both layers trained (one short epoch on made-up pairs): the shape
    of a model that a smaller one starts from or learns from."""
    from compare.qe.model import save_model
    from compare.qe.train import TrainOptions, train

    examples = tiny_examples(30)
    options = TrainOptions(epochs=1, layers=2, trainable_layers=2, batch_tokens=512)
    network, config = train(examples, examples[:10], examples[10:20], options, weights,
                            log=lambda message: None)  # fmt: skip
    save_model(network, config, folder)
    return folder
