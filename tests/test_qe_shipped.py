"""The meaning model that ships in compare/qe/weights: small, loads offline, tells a faithful
pair from a wrong one (hand-written sentences, not from any training or evaluation set)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("torch")

from compare.qe.model import CONFIG_FILE, SHIPPED_MODEL_DIR, WEIGHTS_FILE  # noqa: E402
from compare.qe.predict import QEModel  # noqa: E402


@pytest.fixture(scope="module")
def shipped(e5_weights) -> QEModel:
    return QEModel.load(weights=e5_weights)


def test_shipped_files_are_small_and_documented():
    weights = SHIPPED_MODEL_DIR / WEIGHTS_FILE
    assert weights.stat().st_size <= 25 * 1024 * 1024
    config = json.loads((SHIPPED_MODEL_DIR / CONFIG_FILE).read_text(encoding="utf-8"))
    assert {"major", "critical", "word_bad"} <= set(config["thresholds"])
    assert len(config["z_quantiles"]) == 101
    card = (SHIPPED_MODEL_DIR / "MODEL_CARD.md").read_text(encoding="utf-8")
    for needed in ("MLQE-PE", "CC0", "NTREX", "CC BY-SA", "WMT22", "python -m compare.qe train",
                   "seed", "Pearson"):  # fmt: skip
        assert needed in card


def test_shipped_model_prefers_the_faithful_translation(shipped):
    from compare.qe.data import split_words

    source = "Правительство выделило деньги на ремонт школ в северных районах."
    faithful = "The government allocated money to repair schools in the northern districts."
    wrong = "The football club signed a new goalkeeper from Brazil last summer."
    scores = shipped.predict([(split_words(source), split_words(t)) for t in (faithful, wrong)])
    good, bad = (shipped.judge(s)[0] for s in scores)
    assert good > bad
    assert bad < shipped.config.thresholds["major"] <= good


@pytest.mark.parametrize("name", ["Russian → English", "Kazakh → English"])
def test_the_demos_planted_meaning_errors_stay_major_with_the_shipped_model(shipped, embedder,
                                                                           name):
    """With the meaning model on (the app's default), the severity decision keeps the demo's
    planted number, name and negation errors at major or critical."""
    from compare.app_run import run_review
    from compare.demos import demo_texts
    from compare.flags import SEVERITY_RANK
    from compare.reading import read_pasted

    source, target = demo_texts(name)
    report = run_review(read_pasted(target), read_pasted(source), {"qe": True}, embedder,
                        qe=shipped)
    kept = {f.check: f.severity for p in report.pairs for f in p.flags
            if SEVERITY_RANK[f.severity] >= 2}
    assert {"number-mismatch", "name-mismatch", "negation-mismatch"} <= set(kept)
    assert kept["number-mismatch"] == kept["negation-mismatch"] == "critical"


def test_the_shipped_omission_head_finds_the_clause_the_english_leaves_out(shipped, embedder):
    """A made-up pair whose English drops a relative clause: the check flags that clause in the
    source; the same pair translated whole is not flagged."""
    from compare.pipeline import check_texts
    from compare.reading import read_pasted

    assert shipped.omission_head and len(shipped.omission_head["weight"]) == 384
    source = ("Президент подписал закон о бюджете, который парламент одобрил на прошлой неделе "
              "после долгих споров о расходах на оборону. Церемония прошла в Кремле.")
    short = "The president signed the budget law. The ceremony took place in the Kremlin."
    whole = ("The president signed the budget law, which parliament approved last week after a "
             "long debate over defence spending. The ceremony took place in the Kremlin.")
    report = check_texts(read_pasted(short), read_pasted(source), embedder=embedder, qe=shipped)
    (flag,) = [f for p in report.pairs for f in p.flags if f.check == "meaning-omission"]
    assert flag.severity == "major" and flag.side == "source"
    assert "после долгих споров" in report.source.text[flag.start : flag.end]
    assert report.pairs[0].qe["omitted"]["p"] >= 0.95
    full = check_texts(read_pasted(whole), read_pasted(source), embedder=embedder, qe=shipped)
    assert not [f for p in full.pairs for f in p.flags if f.check == "meaning-omission"]
