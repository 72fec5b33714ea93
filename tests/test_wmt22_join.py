"""The WMT22 human scores are joined to the segment they judge, not to a shuffled neighbour.

The scores file numbers segments by documents sorted by id; the TSV files keep the test set's
shuffled document order. A wrong join makes every segment-level figure noise, so the test
checks what a right join must show: chrF against the reference agrees with the human scores
far better under ``wmt22_da_scores`` than under the naive ``SID == line_no`` join.
"""

import csv
import random

from sacrebleu.metrics import CHRF

from compare.qe.data import wmt22_da_scores
from compare.qe.metrics import kendall


def _tsv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_da_scores_join_their_own_segments(shared_dir):
    folder = shared_dir / "corpora" / "wmt22-ru-en"
    reference = {int(r["line_no"]): r["ref_A"] for r in _tsv(folder / "wmt22_ru-en.src_ref.tsv")}
    hypothesis = {(r["system"], int(r["line_no"])): r["hyp"]
                  for r in _tsv(folder / "wmt22_ru-en.hyps.tsv")}  # fmt: skip
    joined = wmt22_da_scores(shared_dir / "corpora")
    assert len(joined) == 18_776
    assert set(joined) <= set(hypothesis)

    naive = {}
    for line in (folder / "wmt22_ru-en.da_seg_scores.txt").read_text().splitlines()[1:]:
        system, sid, _raw, z = line.split()[:4]
        naive[(system.rsplit(".", 1)[0], int(sid))] = float(z)

    chrf = CHRF()
    sample = random.Random(7).sample(sorted(joined), 1500)

    def tau(scores):
        keys = [k for k in sample if k in scores]
        metric = [chrf.sentence_score(hypothesis[k], [reference[k[1]]]).score for k in keys]
        return kendall(metric, [scores[k] for k in keys])

    right, wrong = tau(joined), tau({k: naive[k] for k in sample if k in naive})
    assert right > 0.15, right
    assert wrong < 0.08, wrong
