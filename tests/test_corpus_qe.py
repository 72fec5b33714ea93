"""The meaning model in corpus mode: stored scores, statistics with intervals, old databases,
a missing model, the command line and the Corpus page (tiny model from conftest).

The tiny model's own thresholds say little about these made-up texts, so the model used here
is a copy whose ``major`` threshold lies above every score: every translated pair gets a
meaning-shift flag, which makes the rates exact.
"""

from __future__ import annotations

import json
import pathlib
import shutil
import sqlite3

import pytest

pytest.importorskip("torch")

from compare.corpus import view  # noqa: E402
from compare.corpus.manifest import write_manifest  # noqa: E402
from compare.corpus.runner import (  # noqa: E402
    RunSettings,
    init_worker,
    load_report,
    prepare_qe,
    run_corpus,
    worker_qe,
)
from compare.corpus.stats import format_table, group_stats, load_documents, to_csv  # noqa: E402

TEXTS = {
    "lib.ru.txt": "В понедельник в Алматы открылась новая библиотека. Её площадь составляет "
                  "4500 квадратных метров. Вход для читателей будет бесплатным.",
    "lib.en.txt": "A new library opened in Almaty on Monday. Its area is 5400 square metres. "
                  "Entry for readers will be free.",
    "decree.ru.txt": "Министр не подписал указ. Документ вернули на доработку.",
    "decree.en.txt": "The minister signed the decree. The document was sent back for revision.",
    "park.kk.txt": "Астанада жаңа саябақ ашылды. Саябақтың ауданы 35 гектар.",
    "park.en.txt": "A new park opened in Astana. The park covers 35 hectares.",
}
ROWS = [
    {"id": "lib", "outlet": "lenta.ru", "date": "2024-05-01", "source_lang": "ru",
     "source_path": "lib.ru.txt", "target_path": "lib.en.txt"},
    {"id": "decree", "outlet": "lenta.ru", "date": "2024-06-02", "source_lang": "ru",
     "source_path": "decree.ru.txt", "target_path": "decree.en.txt"},
    {"id": "park", "outlet": "kazinform", "source_lang": "kk",
     "source_path": "park.kk.txt", "target_path": "park.en.txt"},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in TEXTS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    write_manifest(folder / "manifest.csv", ROWS)
    return folder


@pytest.fixture(scope="module")
def strict_model(tiny_qe_dir, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The tiny model with its major threshold above every score."""
    folder = tmp_path_factory.mktemp("strict-qe")
    for item in tiny_qe_dir.iterdir():
        shutil.copy(item, folder / item.name)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config["thresholds"]["major"] = 1.01
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("emb") / "emb.sqlite")


@pytest.fixture(scope="module")
def settings(strict_model: str, cache: str) -> RunSettings:
    return RunSettings(embedding_cache=cache, qe_model=strict_model, qe_precision="fp32")


@pytest.fixture(scope="module")
def results(corpus: pathlib.Path, settings: RunSettings) -> pathlib.Path:
    out = corpus / "qe.sqlite"
    summary = run_corpus(corpus / "manifest.csv", out, settings, progress=False)
    assert (summary.processed, summary.failed) == (3, 0)
    return out


def _matched(db: sqlite3.Connection, doc_id: str) -> list[float | None]:
    return [r[0] for r in db.execute(
        "SELECT qe FROM pairs WHERE doc_id = ? AND kind = 'match' ORDER BY idx", (doc_id,))]


# --------------------------------------------------------------------------- the runner
def test_each_pair_score_and_the_document_mean_are_stored(results: pathlib.Path) -> None:
    db = sqlite3.connect(results)
    for doc_id in ("lib", "decree", "park"):
        scores = _matched(db, doc_id)
        assert scores and all(s is not None and 0.0 <= s <= 1.0 for s in scores)
        mean, n = db.execute("SELECT qe_mean, qe_pairs FROM documents WHERE id = ?",
                             (doc_id,)).fetchone()
        assert n == len(scores) and mean == pytest.approx(sum(scores) / len(scores))
    assert db.execute("SELECT COUNT(*) FROM pairs WHERE kind != 'match' AND qe IS NOT NULL"
                      ).fetchone()[0] == 0
    shifts = db.execute("SELECT COUNT(*) FROM flags WHERE check_id = 'meaning-shift'").fetchone()
    assert shifts[0] == db.execute("SELECT SUM(qe_pairs) FROM documents").fetchone()[0]
    db.close()
    report = load_report(results, "lib")
    assert report.qe is not None and all(p.qe for p in report.pairs if p.source and p.target)


def test_the_model_is_loaded_once_per_process(settings: RunSettings) -> None:
    prepared = prepare_qe(settings)
    assert prepared.qe and len(prepared.qe_id) == 16
    init_worker(prepared)
    first = worker_qe(prepared)
    init_worker(prepared)
    assert first is not None and worker_qe(prepared) is first


def test_a_missing_model_is_one_line_and_the_run_goes_on(
    corpus: pathlib.Path, cache: str, tmp_path: pathlib.Path
) -> None:
    said: list[str] = []
    settings = RunSettings(embedding_cache=cache, qe_model=str(tmp_path / "nowhere"))
    summary = run_corpus(corpus / "manifest.csv", tmp_path / "r.sqlite", settings,
                         progress=False, notice=said.append)
    assert (summary.processed, summary.failed) == (3, 0)
    assert len(said) == 1 and "meaning model" in said[0] and "\n" not in said[0]
    db = sqlite3.connect(tmp_path / "r.sqlite")
    assert db.execute("SELECT COUNT(*) FROM documents WHERE qe_mean IS NOT NULL"
                      ).fetchone()[0] == 0
    db.close()
    # The database made without the model keeps its hashes: a run without it resumes.
    again = run_corpus(corpus / "manifest.csv", tmp_path / "r.sqlite",
                       RunSettings(embedding_cache=cache, qe=False), progress=False)
    assert (again.processed, again.skipped) == (0, 3)


def test_an_older_database_opens_for_stats_and_for_a_resumed_run(
    corpus: pathlib.Path, cache: str, settings: RunSettings, tmp_path: pathlib.Path
) -> None:
    old = tmp_path / "old.sqlite"
    run_corpus(corpus / "manifest.csv", old, RunSettings(embedding_cache=cache, qe=False),
               progress=False)
    db = sqlite3.connect(old)  # make it look like a schema /1 database
    for table, column in (("documents", "qe_mean"), ("documents", "qe_pairs"), ("pairs", "qe")):
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("UPDATE meta SET value = 'compare.corpus/1' WHERE key = 'schema'")
    db.commit()
    db.close()
    docs = load_documents(old)
    assert len(docs) == 3 and all(d.qe_n == 0 for d in docs)
    stats = group_stats(docs, "outlet", resamples=100)
    assert all(s.metrics["qe_score"].value is None for s in stats)
    assert "meaning" not in format_table(stats, "outlet").splitlines()[0]
    assert "meaning score" not in view.stats_records(stats, "outlet")[0]
    assert list(view.chart_metrics(stats)) == [view.HEADLINE]
    skipped = run_corpus(corpus / "manifest.csv", old,
                         RunSettings(embedding_cache=cache, qe=False), progress=False)
    assert (skipped.processed, skipped.skipped) == (0, 3)
    rescored = run_corpus(corpus / "manifest.csv", old, settings, progress=False)
    assert rescored.processed == 3
    assert all(d.qe_n > 0 for d in load_documents(old))


# --------------------------------------------------------------------------- statistics
def test_stats_give_the_mean_score_and_the_shift_rate_with_intervals(
    results: pathlib.Path,
) -> None:
    docs = {d.id: d for d in load_documents(results)}
    assert all(d.qe_n > 0 and d.meaning_shifts == d.qe_n for d in docs.values())
    stats = {s.group: s for s in group_stats(list(docs.values()), "outlet", resamples=300)}
    lenta = stats["lenta.ru"].metrics
    lib, decree = docs["lib"], docs["decree"]
    assert lenta["qe_score"].value == pytest.approx(
        (lib.qe_sum + decree.qe_sum) / (lib.qe_n + decree.qe_n))
    assert lenta["meaning_shift"].value == pytest.approx(
        100 * (lib.meaning_shifts + decree.meaning_shifts)
        / (lib.source_sentences + decree.source_sentences))
    for s in stats.values():
        for key in ("qe_score", "meaning_shift"):
            e = s.metrics[key]
            assert e.low <= e.value + 1e-9 and e.value <= e.high + 1e-9
    table = format_table(list(stats.values()), "outlet")
    assert "meaning" in table.splitlines()[0] and "shifts/100" in table.splitlines()[0]
    header = to_csv(list(stats.values()), "outlet").splitlines()[0].split(",")
    assert {"qe_score", "qe_score_low", "qe_score_high", "meaning_shift_per_100",
            "meaning_shift_per_100_low", "meaning_shift_per_100_high"} <= set(header)


def test_documents_without_the_model_do_not_dilute_the_rates(results: pathlib.Path) -> None:
    docs = load_documents(results)
    unscored = [type(d)(**{**d.__dict__, "id": d.id + "-old", "qe_sum": 0.0, "qe_n": 0,
                           "meaning_shifts": 0}) for d in docs]  # fmt: skip
    both = group_stats(docs + unscored, "outlet", resamples=100)
    alone = group_stats(docs, "outlet", resamples=100)
    for a, b in zip(alone, both, strict=True):
        assert b.metrics["qe_score"].value == pytest.approx(a.metrics["qe_score"].value)
        assert b.metrics["meaning_shift"].value == pytest.approx(
            a.metrics["meaning_shift"].value)


def test_cli_runs_with_the_model_and_prints_its_figures(
    corpus: pathlib.Path, cache: str, strict_model: str, tmp_path: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from compare.cli import main

    out = tmp_path / "r.sqlite"
    assert main(["corpus", "run", str(corpus / "manifest.csv"), "--out", str(out),
                 "--embedding-cache", cache, "--qe-model", strict_model, "--quiet"]) == 0
    assert "3 checked now" in capsys.readouterr().out
    assert main(["corpus", "stats", str(out), "--by", "source_lang"]) == 0
    assert "shifts/100" in capsys.readouterr().out
    missing = str(tmp_path / "none")
    assert main(["corpus", "run", str(corpus / "manifest.csv"), "--out", str(out),
                 "--qe-model", missing, "--quiet"]) == 2
    assert "is not a folder" in capsys.readouterr().err


# --------------------------------------------------------------------------- the page
def test_page_shows_the_meaning_figures_and_charts_them(
    results: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("COMPARE_DATA_DIR", str(results.parent))  # the page opens only there
    page = pathlib.Path(__file__).resolve().parent.parent / "pages" / "2_Corpus.py"
    at = AppTest.from_file(str(page), default_timeout=60)
    at.run()
    at.text_input(key="corpus_db").input(str(results)).run()
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert {"meaning score", "meaning 95% CI", "meaning shifts /100", "shifts 95% CI"} <= set(
        table.columns)
    assert all(0.0 <= v <= 1.0 for v in table["meaning score"])
    at.radio(key="corpus_metric").set_value("meaning_shift").run()
    assert not at.exception
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert "meaning shifts per 100 sentences" in spec and "errorbar" in spec
    docs = next(f.value for f in at.dataframe if "id" in f.value.columns)
    assert "meaning score" in docs.columns
