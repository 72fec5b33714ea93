"""Length-sorted batches: every index once, caps kept, padding bounded by the spread."""

import random

from compare.batching import grouped_batches, length_batches


def _check(lengths, batches, max_tokens, max_rows, spread):
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        longest = max(lengths[i] for i in batch)
        assert len(batch) <= max_rows
        assert len(batch) == 1 or longest * len(batch) <= max_tokens
        if spread is not None:
            assert longest <= spread * min(lengths[i] for i in batch)


def test_batches_keep_every_cap():
    rng = random.Random(3)
    lengths = [rng.randint(5, 120) for _ in range(300)]
    for spread in (None, 1.25, 2.0):
        batches = length_batches(lengths, 1024, max_rows=16, max_spread=spread)
        _check(lengths, batches, 1024, 16, spread)


def test_spread_cuts_the_padding_of_a_short_document():
    # 40 pairs from 20 to 100 pieces fit one 4,096-token batch, padded to 4,000 tokens.
    lengths = list(range(20, 100, 2))
    one = length_batches(lengths, 4096)
    assert len(one) == 1
    spread = length_batches(lengths, 4096, max_spread=1.25)
    padded = sum(max(lengths[i] for i in b) * len(b) for b in spread)
    assert len(spread) > 1 and padded < 1.25 * sum(lengths) < 100 * len(lengths)


def test_a_row_longer_than_the_cap_gets_its_own_batch():
    assert length_batches([3000, 10, 12], 1024, max_spread=1.25) == [[1, 2], [0]]


def _grouped(seed: int, mixed: bool) -> tuple[list[int], list[str | None], list[list[int]]]:
    """200 rows, a third loose and the rest in groups of up to nine, batched by
    ``grouped_batches`` (600 padded tokens, 16 rows); checks what holds either way: every row
    batched once, each group whole in one batch, the caps kept."""
    rng = random.Random(seed)
    lengths = [rng.randint(5, 60) for _ in range(200)]
    groups = [None if i % 3 == 0 else f"source {i // 9}" for i in range(200)]
    batches = grouped_batches(lengths, groups, max_tokens=600, max_rows=16, mixed=mixed)
    assert sorted(i for batch in batches for i in batch) == list(range(200))
    where = {i: k for k, batch in enumerate(batches) for i in batch}
    for group in {g for g in groups if g is not None}:
        assert len({where[i] for i, g in enumerate(groups) if g == group}) == 1
    for batch in batches:
        assert len(batch) <= 16 and max(lengths[i] for i in batch) * len(batch) <= 600
    return lengths, groups, batches


def test_grouped_rows_share_a_batch_and_every_row_is_batched_once():
    _, groups, batches = _grouped(7, mixed=False)
    assert all(groups[i] is None for batch in batches if groups[batch[0]] is None
               for i in batch)  # loose rows are batched apart from the groups


def test_mixed_groups_share_length_ordered_batches_with_loose_rows():
    lengths, groups, batches = _grouped(11, mixed=True)
    assert any({groups[i] is None for i in batch} == {True, False} for batch in batches)
    # without groups, the mixed order is plain length batching (the recipe without ranking)
    assert grouped_batches(lengths, [None] * 200, 600, 16, mixed=True) == length_batches(
        lengths, 600, 16)


def test_the_ranking_loss_reads_only_pairs_of_one_group_far_enough_apart():
    import pytest

    torch = pytest.importorskip("torch")
    from compare.qe.ranking import RANK_MARGIN, rank_loss

    z = torch.tensor([1.0, 0.0, 1.0, 1.0 - RANK_MARGIN / 2, 0.0])
    group = torch.tensor([0, 0, 1, 1, -1])
    right = torch.tensor([2.0, -2.0, 0.0, 5.0, 9.0])  # group 1's pair is too close to count
    wrong = torch.tensor([-2.0, 2.0, 0.0, -5.0, -9.0])
    assert float(rank_loss(torch, right, z, group)) < 0.05
    assert float(rank_loss(torch, wrong, z, group)) > 3.9
    assert float(rank_loss(torch, wrong, z, torch.tensor([-1, -1, 1, 2, -1]))) == 0.0


def test_rank_groups_pair_the_news_mt_with_the_professional_translation_of_its_line():
    from compare.qe.data import Example
    from compare.qe.ranking import rank_group
    from compare.qe.train import TrainOptions

    english = ["The", "minister", "resigned", "."]
    professional = Example(["Министр", "ушёл", "в", "отставку", "."], english, 0.6, [0] * 5,
                           [0] * 4, "ru", "clean")  # fmt: skip
    mt = Example(["Министр", "отставлен", "."], english, -0.4, [0, 1, 0], [-1] * 4, "ru",
                 "mqm-news")  # fmt: skip
    da = Example(["Министр", "ушёл", "."], ["The", "minister", "left", "."], 0.1, [-1] * 3,
                 [-1] * 4, "ru", "wmt22-da")  # fmt: skip
    news = TrainOptions(mqm_news=True, rank_weight=1.0, rank_groups="news")
    assert rank_group(professional, news) == rank_group(mt, news) is not None
    assert rank_group(da, news) is None
    both = TrainOptions(mqm_news=True, rank_weight=1.0, rank_groups="da,news")
    assert rank_group(da, both) is not None and rank_group(da, both) != rank_group(mt, both)
    off = TrainOptions(mqm_news=True, rank_weight=0.0, rank_groups="da,news")
    assert {rank_group(e, off) for e in (professional, mt, da)} == {None}


def test_rank_groups_pair_a_wmt22_reference_with_the_mt_of_its_sentence_but_not_mt_with_mt():
    import pytest

    torch = pytest.importorskip("torch")
    from compare.qe.data import Example
    from compare.qe.ranking import rank_anchor, rank_group, rank_loss
    from compare.qe.train import TrainOptions

    source = ["Министр", "ушёл", "в", "отставку", "."]
    reference = Example(source, ["The", "minister", "stepped", "down", "."], 0.6, [0] * 5,
                        [0] * 5, "ru", "clean")  # fmt: skip
    good = Example(source, ["The", "minister", "resigned", "."], 0.2, [-1] * 5, [-1] * 4, "ru",
                   "wmt22-da")  # fmt: skip
    bad = Example(source, ["The", "minister", "went", "."], -1.0, [-1] * 5, [-1] * 4, "ru",
                  "wmt22-da")  # fmt: skip
    ref = TrainOptions(rank_weight=1.0, rank_groups="ref")
    assert rank_group(reference, ref) == rank_group(good, ref) == rank_group(bad, ref) is not None
    assert rank_group(reference, TrainOptions(rank_weight=1.0, rank_groups="da")) is None
    rows = (reference, good, bad)
    z = torch.tensor([e.z for e in rows])
    group = torch.tensor([0, 0, 0])
    anchors = torch.tensor([rank_anchor(e, ref) for e in rows])
    assert anchors.tolist() == [True, False, False]
    # the reference above both MT outputs, but the two MT outputs in the wrong order
    predicted = torch.tensor([5.0, -5.0, 0.0])
    assert float(rank_loss(torch, predicted, z, group, anchors)) < 0.01
    assert float(rank_loss(torch, predicted, z, group)) > 1.0  # "da" would rank good over bad
    both = TrainOptions(rank_weight=1.0, rank_groups="da,ref")
    assert all(rank_anchor(e, both) for e in rows)
