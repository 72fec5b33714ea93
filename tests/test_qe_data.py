"""The training data readers of the QE model: WMT22 MT outputs and their pseudo scores, the
WMT22 QE news annotations."""

from __future__ import annotations

import numpy as np
import pytest

from compare import splits
from compare.qe.data import (
    mqm_news_example,
    ntrex_lines,
    penalty_to_z,
    read_mqm_news,
    shared_dir,
    split_words,
    wmt22_documents,
    wmt22_hypotheses,
)
from compare.qe.train import _extra_antonyms, _yes_no, pseudo_examples


def test_pseudo_scores_follow_chrf_on_the_reference_scale():
    reference = "The price of oil rose by five percent on Monday."
    outputs = [
        ("a", "Цена нефти выросла на пять процентов в понедельник.", reference, reference),
        ("b", "Цена нефти выросла на пять процентов в понедельник.",
         "Oil prices rose five percent on Monday.", reference),
        ("c", "Цена нефти выросла на пять процентов в понедельник.",
         "Monday was a day of oil.", reference),
    ]  # fmt: skip
    z_reference = [-1.0, 0.0, 1.0, 2.0]
    wide = pseudo_examples(outputs, z_reference, spread=1.0)
    narrow = pseudo_examples(outputs, z_reference, spread=0.5)
    z = np.array([e.z for e in wide])
    assert z[0] > z[1] > z[2]  # closer to the reference, higher
    assert np.isclose(z.mean(), np.mean(z_reference))
    assert np.isclose(z.std(), np.std(z_reference))
    assert np.isclose(np.std([e.z for e in narrow]), 0.5 * np.std(z_reference))
    assert all(e.kind == "pseudo" and set(e.target_tags) == {-1} for e in wide)
    assert wide[1].target_words[:2] == ["Oil", "prices"]
    assert pseudo_examples([], z_reference, 0.5) == []


def test_wmt22_outputs_follow_the_documents_of_the_same_parity(shared_dir):
    folder = shared_dir / "corpora"
    documents = wmt22_documents(0, folder)  # the dev documents (compare.splits)
    outputs = wmt22_hypotheses(0, folder)
    assert len(outputs) == len(documents)
    for document, mt in zip(documents[:20], outputs[:20], strict=True):
        segments = {(src, ref) for src, ref in document}
        assert {(src, ref) for _, src, _, ref in mt} == segments
        assert len({system for system, *_ in mt}) == 10


def test_extra_antonyms_add_one_swap_per_pair_that_has_a_place():
    pairs = [
        (["Цены", "выросли"], ["Prices", "rose", "early"]),
        (["Полиция", "задержала"], ["Police", "arrested", "him"]),
        (["Привет"], ["Hello", "there"]),
    ]
    narrow = _extra_antonyms(pairs, "ru", 1, 1, wide=False)
    wide = _extra_antonyms(pairs, "ru", 1, 1, wide=True)
    assert [e.kind for e in narrow] == ["antonym"] and len(wide) == 2
    assert wide[1].target_words == ["Police", "released", "him"]
    assert _extra_antonyms(pairs, "ru", 1, 0, wide=True) == []


def test_yes_no_options_read_zero_as_false():
    assert _yes_no("0") is False and _yes_no("yes") is True
    with pytest.raises(Exception, match="expected"):
        _yes_no("maybe")


def test_news_annotation_rows_swap_roles_and_count_bad_runs():
    example = mqm_news_example(
        "He said \"no\" to the plan.",
        "Он сказал &quot; нет &quot; плану и всем . <EOS>",
        "OK BAD OK BAD OK OK BAD BAD BAD OK",
    )
    assert example.source_words == ["Он", "сказал", '"', "нет", '"', "плану", "и", "всем", "."]
    # the BAD final full stop is left untagged (the release's tail artefact); the <EOS> dropped
    assert example.source_tags == [0, 1, 0, 1, 0, 0, 1, 1, -1]
    assert example.target_words[:3] == ["He", "said", '"'] and set(example.target_tags) == {-1}
    # two runs of BAD words: "сказал ... нет" (a punctuation mark between two BAD words does not
    # split a run) and "и всем"
    assert example.z == pytest.approx(penalty_to_z(10.0))
    clean = mqm_news_example("Yes.", "Да . <EOS>", "OK OK OK")
    assert clean.z == pytest.approx(penalty_to_z(0.0)) and clean.z > example.z
    with pytest.raises(ValueError, match="tags"):
        mqm_news_example("Yes.", "Да . <EOS>", "OK OK")


def test_news_annotations_cover_the_calibration_lines_and_never_held_out_ones(shared_dir):
    folder = shared_dir / "corpora"
    rows = read_mqm_news(splits.NTREX_CALIBRATION_LINES, folder)
    english = {" ".join(e.split()) for e in ntrex_lines("en", splits.NTREX_CALIBRATION_LINES,
                                                         folder)}  # fmt: skip
    assert len(rows) >= 60 and {" ".join(e.target_words) for e in rows} <= {
        " ".join(split_words(text)) for text in english}
    assert all(e.kind == "mqm-news" and len(e.source_tags) == len(e.source_words) for e in rows)
    assert any(1 in e.source_tags for e in rows) and any(e.z == penalty_to_z(0) for e in rows)
    with splits.forbid_heldout(), pytest.raises(splits.HeldOutRead):
        read_mqm_news(splits.NTREX_HELDOUT_LINES, folder)


def test_news_annotations_train_only_when_asked_and_without_their_sentence_target_if_told(
        shared_dir):
    from compare.qe.train import TrainOptions, data_for

    folder = shared_dir / "corpora"

    def news(**options):
        train, _, _ = data_for(TrainOptions(**options), folder)
        return [e for e in train if e.kind == "mqm-news"]

    assert news() == []
    with_target = news(mqm_news=True)
    tags_only = news(mqm_news=True, mqm_news_sentence=False)
    assert len(with_target) == len(tags_only) > 600
    assert all(e.z is not None for e in with_target) and all(e.z is None for e in tags_only)
    assert [e.source_tags for e in tags_only] == [e.source_tags for e in with_target]


def test_reference_z_raises_only_the_wmt22_references_as_they_are(shared_dir):
    from compare.qe.data import CLEAN_Z
    from compare.qe.train import TrainOptions, data_for

    folder = shared_dir / "corpora"
    plain, _, _ = data_for(TrainOptions(), folder)
    raised, _, _ = data_for(TrainOptions(reference_z=0.85), folder)
    assert len(plain) == len(raised)
    changed = [(a, b) for a, b in zip(plain, raised, strict=True) if a.z != b.z]
    # the ~760 WMT22 training references, no NTREX clean pair and no error
    assert 500 < len(changed) < len([e for e in plain if e.kind == "clean"])
    assert all(a.kind == "clean" and a.z == CLEAN_Z and b.z == 0.85 for a, b in changed)
    assert all(a.source_words == b.source_words for a, b in changed)


def test_the_shared_folder_may_be_given_as_its_root_or_its_corpora(tmp_path) -> None:
    # Benchmarks took one or the other; a user passing the wrong one got a missing file.
    (tmp_path / "corpora" / "some-corpus").mkdir(parents=True)
    assert shared_dir(tmp_path) == tmp_path / "corpora"
    assert shared_dir(tmp_path / "corpora") == tmp_path / "corpora"
