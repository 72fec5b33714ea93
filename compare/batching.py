"""Length-sorted batches with little padding, for the two encoders (sentence vectors, QE).

A padded batch costs its row count times its longest row. Sorting by length keeps the rows of a
batch alike, but a short document has too few rows for that to help: its 40 pairs went into one
batch of the meaning model padded to 2.1 times their real length (80 sentences of a 40-segment
article to 2.5 times in the embedder), and on a CPU without native bf16 that padding was most
of the time the model added. ``max_spread`` ends a batch where the next row would be more than
that many times longer than the batch's first (shortest) row, so padding stays under that
factor whatever the document's size; ``max_tokens`` and ``max_rows`` still cap a batch. The
encoders use 1.5: on emulated AVX2 (fp32) it gave the meaning model's 40 pairs 0.65-0.88 s
against 1.52-1.56 s in one batch (2 threads, median of 9), as 1.25 did, and with native bf16,
where many small batches cost more than padding, 0.46-0.54 s against 0.58-0.65 s.
No library does this for plain index lists, hence these few lines.
"""

from __future__ import annotations


def length_batches(
    lengths: list[int], max_tokens: int, max_rows: int = 64, max_spread: float | None = None
) -> list[list[int]]:
    """Indices sorted by length, cut into batches of at most ``max_tokens`` padded tokens and
    ``max_rows`` rows, and (with ``max_spread``) whose longest row is at most ``max_spread``
    times their shortest."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in sorted(range(len(lengths)), key=lengths.__getitem__):
        if current and (
            lengths[index] * (len(current) + 1) > max_tokens
            or len(current) >= max_rows
            or (max_spread is not None and lengths[index] > max_spread * lengths[current[0]])
        ):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


def grouped_batches(
    lengths: list[int], groups: list[object | None], max_tokens: int, max_rows: int = 64,
    mixed: bool = False,
) -> list[list[int]]:
    """As :func:`length_batches`, but the rows of one group (not None) share a batch: groups
    sorted by their longest row are packed whole into batches of at most ``max_tokens`` padded
    tokens and ``max_rows`` rows (a group larger than that is a batch of its own); rows without
    a group are batched by :func:`length_batches`, apart from the groups, or (``mixed``) as
    groups of one in the same length order, so a batch holds groups and loose rows alike. For a
    loss that compares the rows of a group (say, several translations of one sentence) with
    each other; batches of groups alone changed what the other losses learn (session 32)."""
    members: dict[object, list[int]] = {}
    loose = []
    for index, group in enumerate(groups):
        if group is None:
            loose.append(index)
        else:
            members.setdefault(group, []).append(index)
    units = list(members.values()) + ([[i] for i in loose] if mixed else [])
    units.sort(key=lambda rows: max(lengths[i] for i in rows))
    batches: list[list[int]] = []
    current: list[int] = []
    for rows in units:
        longest = max(lengths[i] for i in [*current, *rows])
        if current and (longest * (len(current) + len(rows)) > max_tokens
                        or len(current) + len(rows) > max_rows):  # fmt: skip
            batches.append(current)
            current = []
        current = [*current, *rows]
    if current:
        batches.append(current)
    if mixed:
        return batches
    rest = length_batches([lengths[i] for i in loose], max_tokens, max_rows)
    return batches + [[loose[i] for i in batch] for batch in rest]
