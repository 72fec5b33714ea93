"""The WMT22 human scores are joined to the segment they judge, not to a shuffled neighbour.

The scores file numbers segments by documents sorted by id; the TSV files keep the test set's
shuffled document order. A wrong join makes every segment-level figure noise, so the test
checks what a right join must show: chrF against the reference agrees with the human scores
far better under ``wmt22_da_scores`` than under the naive ``SID == line_no`` join.
"""

import random

from sacrebleu.metrics import CHRF

from compare.qe.data import wmt22_da_scores, wmt22_da_table
from compare.qe.metrics import kendall
from compare.splits import wmt22_rows


def test_da_scores_join_their_own_segments(shared_dir):
    """On the dev documents (even positions, compare.splits): 8,856 scores of 950 segments."""
    corpora = shared_dir / "corpora"
    reference = {int(r["line_no"]): r["ref_A"] for r in wmt22_rows("dev", corpora)}
    hypothesis = {(r["system"], int(r["line_no"])): r["hyp"]
                  for r in wmt22_rows("dev", corpora, table="hyps")}  # fmt: skip
    joined = wmt22_da_scores(corpora, parity=0)
    assert len(joined) == 8_856
    assert set(joined) <= set(hypothesis)

    # The naive join reads SID as line_no; only the scores of dev segments are read, so it is
    # measured on the dev lines whose number is also the SID of a dev segment's score.
    naive = {(system.rsplit(".", 1)[0], sid): z for system, sid, z, _ in wmt22_da_table(corpora, 0)}

    chrf = CHRF()
    sample = random.Random(7).sample(sorted(joined), 1500)

    def tau(scores):
        keys = [k for k in sample if k in scores]
        metric = [chrf.sentence_score(hypothesis[k], [reference[k[1]]]).score for k in keys]
        return kendall(metric, [scores[k] for k in keys])

    right, wrong = tau(joined), tau({k: naive[k] for k in sample if k in naive})
    assert right > 0.15, right  # dev: 0.212 (1,500 scores); bound 0.15 (slack 0.06)
    assert wrong < 0.08, wrong  # dev: -0.008 (598 scores); bound 0.08 (slack 0.09)
