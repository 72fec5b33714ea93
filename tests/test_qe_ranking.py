"""The ranking loss's post-edit groups (``--rank-groups pe``): an MLQE-PE row's human post-edit
is ranked above the MT a person corrected, with no sentence target of its own."""

from __future__ import annotations

import csv

import pytest

from compare import splits
from compare.qe.data import POST_EDIT_LIFT, Example, read_mlqe, read_mlqe_post_edits
from compare.qe.ranking import rank_anchor, rank_group, rank_loss, rank_target
from compare.qe.train import TrainOptions

COLUMNS = ("segid", "src", "mt", "da_mean", "da_z", "hter", "src_tok", "mt_tok", "pe",
           "src_tags", "mt_tags")  # fmt: skip


def _row(segid: int, src: str, mt: str, pe: str, z: float, hter: float) -> dict[str, str]:
    gaps = " ".join(["OK"] * (2 * len(mt.split()) + 1))
    return {"segid": str(segid), "src": src, "mt": mt, "da_mean": "50", "da_z": str(z),
            "hter": str(hter), "src_tok": src, "mt_tok": mt, "pe": pe,
            "src_tags": " ".join(["OK"] * len(src.split())), "mt_tags": gaps}  # fmt: skip


@pytest.fixture
def mlqe_folder(tmp_path):
    folder = tmp_path / splits.MLQE_RU_EN  # a made-up copy of the folder, three rows
    folder.mkdir()
    rows = [_row(1, "Министр ушёл в отставку .", "The minister went to resign .",
                 "The minister resigned .", -0.8, 0.5),
            _row(2, "Да .", "Yes .", "Yes .", 0.7, 0.0),
            _row(3, "Банк не снизил ставку .", "The bank lowered the rate .",
                 "The bank did not lower the rate .", -1.5, 0.08)]  # fmt: skip
    with (folder / "train.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE)
        writer.writeheader()
        writer.writerows(rows)
    return tmp_path


def test_post_edits_come_only_from_rows_a_person_changed_and_carry_no_sentence_target(
        mlqe_folder):  # fmt: skip
    edits = read_mlqe_post_edits("train", mlqe_folder)
    # row 2 was not changed (HTER 0), row 3 barely (under the 0.1 floor)
    assert [e.target_words for e in edits] == [["The", "minister", "resigned", "."]]
    edit = edits[0]
    assert edit.kind == "mlqe-pe" and edit.z is None
    assert set(edit.source_tags) == set(edit.target_tags) == {-1}
    assert edit.rank_z == pytest.approx(-0.8 + POST_EDIT_LIFT)


def test_a_post_edit_is_ranked_with_its_own_mt_only(mlqe_folder):
    torch = pytest.importorskip("torch")
    mt = read_mlqe("train", mlqe_folder)
    edit = read_mlqe_post_edits("train", mlqe_folder)[0]
    pe = TrainOptions(rank_weight=1.0, rank_groups="pe")
    assert rank_group(edit, pe) == rank_group(mt[0], pe) is not None
    assert rank_group(mt[1], pe) != rank_group(edit, pe)
    assert rank_group(edit, TrainOptions(rank_weight=1.0, rank_groups="ref")) is None
    assert rank_group(edit, TrainOptions(rank_weight=0.0, rank_groups="pe")) is None
    assert rank_anchor(edit, pe) and not rank_anchor(mt[0], pe)
    assert rank_target(edit) == edit.rank_z and rank_target(mt[0]) == mt[0].z
    targets = torch.tensor([rank_target(edit), rank_target(mt[0])])
    group, anchors = torch.tensor([0, 0]), torch.tensor([True, False])
    # the loss asks for the post-edit above the MT, and is near zero once it is
    assert float(rank_loss(torch, torch.tensor([3.0, -3.0]), targets, group, anchors)) < 0.01
    assert float(rank_loss(torch, torch.tensor([-3.0, 3.0]), targets, group, anchors)) > 5.0


def test_training_with_post_edits_runs_and_keeps_them_out_of_the_sentence_loss(e5_weights):
    """Post-edits share batches with their MT; without a sentence target they move the model
    through the ranking loss alone (a loop with NaN from a missing target would fail here)."""
    import math

    from compare.qe.train import train
    from tests.qe_fixtures import tiny_examples

    examples = tiny_examples(30)
    clean = next(e for e in examples if e.kind == "clean")
    mt = Example(list(clean.source_words), list(clean.target_words[:-2]) + ["."], -0.5,
                 [-1] * len(clean.source_words), [-1] * (len(clean.target_words) - 1))
    edit = Example(list(clean.source_words), list(clean.target_words), None,
                   [-1] * len(clean.source_words), [-1] * len(clean.target_words), "ru",
                   "mlqe-pe", -0.5 + POST_EDIT_LIFT)  # fmt: skip
    options = TrainOptions(epochs=1, layers=2, trainable_layers=1, batch_tokens=512,
                           rank_weight=1.0, rank_groups="pe", rank_mixed=True)  # fmt: skip
    messages: list[str] = []
    _, config = train(examples + [mt, edit], examples[:10], examples[10:20], options, e5_weights,
                      log=messages.append)  # fmt: skip
    assert config.metrics["options"]["rank_groups"] == "pe"
    losses = [float(m.split(" loss ")[1].split()[0]) for m in messages if " loss " in m]
    assert losses and all(math.isfinite(v) for v in losses)
