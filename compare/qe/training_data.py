"""The meaning model's training and dev examples, built from the shared corpora by path.

Split from :mod:`compare.qe.train` (which keeps the loop): what trains, what selects the epoch and
calibrates, and the real-error dev sets. Nothing held out is read here (the slices are named in
:mod:`compare.splits`).
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from typing import Any

import numpy as np

from compare.qe.data import (
    MQM_TED_DEV_TALKS,
    MQM_TED_TRAIN_TALKS,
    Example,
    da_example,
    mqm_example,
    ntrex_lines,
    read_mlqe,
    read_mlqe_multi,
    read_mlqe_post_edits,
    read_mqm_news,
    read_mqm_ted,
    split_words,
    wmt22_documents,
    wmt22_hypotheses,
    wmt22_scored,
)
from compare.qe.synthetic import source_negations as source_negation_errors
from compare.qe.synthetic import synthetic_set
from compare.splits import NTREX_CALIBRATION_LINES, NTREX_TRAIN_LINES, WMT22_CALIBRATION_EVERY

NTREX_TRAIN_END = NTREX_CALIBRATION_LINES.start  # NTREX dev lines 1-630 train, 631-700 calibrate


def synthetic_pairs(
    lines: range, shared: Any = None
) -> dict[str, list[tuple[list[str], list[str]]]]:
    english = ntrex_lines("en", lines, shared)
    return {
        lang: [(split_words(s), split_words(e)) for s, e in zip(ntrex_lines(lang, lines, shared),
                                                                 english, strict=True)]
        for lang in ("ru", "kk")
    }  # fmt: skip


def pseudo_examples(
    hypotheses: Sequence[tuple[str, str, str, str]], z_reference: Sequence[float], spread: float
) -> list[Example]:
    """MT outputs of news (``(system, source, MT, reference)``) with a pseudo DA z: chrF against
    the professional reference, standardised over these outputs and put on MLQE-PE's z scale
    (its mean, ``spread`` times its standard deviation). MLQE-PE's Reddit and Wikiquote MT is
    the only human-scored data here; this teaches the model what separates good from weaker
    MT of news, which its DA data lacks. No human score of WMT22 is read."""
    from sacrebleu.metrics import CHRF

    if not hypotheses:
        return []
    chrf = CHRF()
    scores = np.array([chrf.sentence_score(mt, [ref]).score for _, _, mt, ref in hypotheses])
    standard = (scores - scores.mean()) / max(float(scores.std()), 1e-6)
    z = float(np.mean(z_reference)) + spread * float(np.std(z_reference)) * standard
    return [Example(split_words(src), split_words(mt), float(value),
                    [-1] * len(split_words(src)), [-1] * len(split_words(mt)), "ru", "pseudo")
            for (_, src, mt, _), value in zip(hypotheses, z, strict=True)]  # fmt: skip


def _extra_antonyms(
    pairs: Sequence[tuple[list[str], list[str]]], lang: str, seed: int, count: int, wide: bool
) -> list[Example]:
    """``count`` antonym errors of each pair that has a word to swap (no clean copies)."""
    if count <= 0:
        return []
    made = synthetic_set(pairs, lang, seed, count, ("antonym",), wide=wide)
    return [example for example in made if example.kind == "antonym"]


def build_data(
    seed: int, shared: Any = None, errors_per_pair: int = 1, kinds: Sequence[str] | None = None,
    reference_pseudo: int = 0, pseudo_spread: float = 0.5, wide_antonyms: bool = False,
    antonym_extra: int = 0, wmt22_da: int = 0, mqm_ted: bool = False,
    source_negations: float = 0.0, ntrex_train_lines: int = NTREX_TRAIN_END,
    mlqe_multi: Sequence[str] = (), mqm_news: bool = False, mqm_news_sentence: bool = True,
    reference_z: float | None = None, post_edits: bool = False,
) -> tuple[list[Example], list[Example], list[Example]]:
    """(train, MLQE-PE dev, synthetic dev) as described in :mod:`compare.qe.train`; the
    real-error dev sets are :func:`real_dev_sets`. ``mlqe_multi`` names more MLQE-PE pairs into
    English (:data:`compare.qe.data.MLQE_INTO_ENGLISH`) whose train rows also train;
    ``reference_z`` (None: :data:`compare.qe.data.CLEAN_Z`) is the sentence target of the WMT22
    training references as they are; ``post_edits`` adds the human post-edits of the MLQE-PE
    train rows whose MT was changed, for the ranking loss alone
    (:func:`compare.qe.data.read_mlqe_post_edits`)."""
    train = read_mlqe("train", shared)
    if post_edits:
        train += read_mlqe_post_edits("train", shared)
    for pair in mlqe_multi:
        train += read_mlqe_multi(pair, "train", shared)
    dev_mlqe = read_mlqe("dev", shared)
    used = (tuple(kinds),) if kinds else ()
    if not 0 < ntrex_train_lines <= NTREX_TRAIN_END:
        raise ValueError(f"ntrex_train_lines must be 1-{NTREX_TRAIN_END}, not {ntrex_train_lines}")
    first = range(NTREX_TRAIN_LINES.start, ntrex_train_lines)
    rest = NTREX_CALIBRATION_LINES
    synthetic_train, synthetic_dev = [], []
    for offset, (lines, bucket) in enumerate(((first, synthetic_train), (rest, synthetic_dev))):
        for k, (lang, pairs) in enumerate(synthetic_pairs(lines, shared).items()):
            training = bucket is synthetic_train
            bucket.extend(synthetic_set(pairs, lang, seed + 10 * offset + k,
                                        errors_per_pair if training else 1, *used,
                                        wide=wide_antonyms and training))  # fmt: skip
            if training:
                synthetic_train += _extra_antonyms(pairs, lang, seed + 300 + k, antonym_extra,
                                                   wide_antonyms)  # fmt: skip
                synthetic_train += source_negation_errors(pairs, lang, seed + 500 + k,
                                                          source_negations)  # fmt: skip
    wmt_train, wmt_dev = [], []
    for position, document in enumerate(wmt22_documents(0, shared)):
        segments = [(split_words(s), split_words(r)) for s, r in document]
        (wmt_dev if position % WMT22_CALIBRATION_EVERY == 0 else wmt_train).extend(segments)
    made = synthetic_set(wmt_train, "ru", seed + 100, errors_per_pair, *used, wide=wide_antonyms)
    if reference_z is not None:  # the professional references above the MT people scored
        made = [dataclasses.replace(e, z=reference_z) if e.kind == "clean" else e for e in made]
    synthetic_train += made
    synthetic_train += _extra_antonyms(wmt_train, "ru", seed + 310, antonym_extra, wide_antonyms)
    synthetic_train += source_negation_errors(wmt_train, "ru", seed + 510, source_negations)
    synthetic_dev += synthetic_set(wmt_dev, "ru", seed + 101)
    pseudo: list[Example] = []
    if reference_pseudo > 0:
        rng = random.Random(seed + 200)
        chosen = []
        for position, document in enumerate(wmt22_hypotheses(0, shared)):
            if position % WMT22_CALIBRATION_EVERY == 0:  # dev documents
                continue
            by_segment: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
            for item in document:
                by_segment.setdefault((item[1], item[3]), []).append(item)
            for items in by_segment.values():
                chosen += rng.sample(items, min(reference_pseudo, len(items)))
        pseudo = pseudo_examples(chosen, [e.z for e in train if e.z is not None], pseudo_spread)
    real: list[Example] = []
    if wmt22_da > 0:
        rng = random.Random(seed + 400)
        for position, document in enumerate(wmt22_scored(0, shared)):
            if position % WMT22_CALIBRATION_EVERY == 0:  # dev documents
                continue
            by_source: dict[str, list[tuple[str, str, str, float]]] = {}
            for item in document:
                by_source.setdefault(item[1], []).append(item)
            for items in by_source.values():
                chosen = rng.sample(items, min(wmt22_da, len(items)))
                real += [da_example(src, mt, z) for _, src, mt, z in chosen]
    if mqm_ted:
        real += [mqm_example(segment) for segment in read_mqm_ted(MQM_TED_TRAIN_TALKS, shared)]
    if mqm_news:
        news = read_mqm_news(first, shared)
        if not mqm_news_sentence:
            news = [dataclasses.replace(example, z=None) for example in news]
        real += news
    return train + synthetic_train + pseudo + real, dev_mlqe, synthetic_dev


def real_dev_sets(shared: Any = None) -> dict[str, tuple[list[Example], list[float]]]:
    """Dev sets of real errors, each as (examples, human score; higher = better): the MQM TED dev
    talk (minus the penalty) and every WMT22 MT output of the dev documents (every fifth
    even-position document) with its DA z, and the WMT22 QE news annotations of NTREX's
    calibration lines (the z their BAD runs make, :func:`compare.qe.data.mqm_news_example`).
    Read for choosing the epoch and reporting dev figures; never trained on."""
    ted = read_mqm_ted(MQM_TED_DEV_TALKS, shared)
    news = read_mqm_news(NTREX_CALIBRATION_LINES, shared)
    wmt = [item for position, document in enumerate(wmt22_scored(0, shared))
           if position % WMT22_CALIBRATION_EVERY == 0 for item in document]  # fmt: skip
    return {
        "ted": ([mqm_example(s) for s in ted], [-s.penalty for s in ted]),
        "wmt22": ([da_example(src, mt, z) for _, src, mt, z in wmt], [z for *_, z in wmt]),
        "news": (news, [e.z for e in news]),
    }
