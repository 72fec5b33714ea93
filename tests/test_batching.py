"""Length-sorted batches: every index once, caps kept, padding bounded by the spread."""

import random

from compare.batching import length_batches


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
