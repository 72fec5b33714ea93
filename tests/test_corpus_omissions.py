"""What each outlet leaves out: omitted sentences with their names, per-name omission rates,
the command and its CSV files, on a small corpus run through the real runner."""

from __future__ import annotations

import pathlib

import pytest

from compare.corpus.manifest import write_manifest
from compare.corpus.omissions import name_key, omissions, sentence_names
from compare.corpus.runner import RunSettings, run_corpus

SOURCE = ("В понедельник президент Токаев прибыл в Астану. "
          "На встрече с ним был министр Смаилов. "
          "Затем Токаев посетил новую больницу в Астане. "
          "Строительство больницы обошлось в 40 миллиардов тенге.")
FULL = ("On Monday President Tokayev arrived in Astana. "
        "Minister Smailov was at the meeting with him. "
        "Then Tokayev visited a new hospital in Astana. "
        "The hospital cost 40 billion tenge to build.")
SHORT = ("On Monday President Tokayev arrived in Astana. "
         "The hospital cost 40 billion tenge to build.")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("omit")
    (folder / "a.ru.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "full.en.txt").write_text(FULL, encoding="utf-8")
    (folder / "short.en.txt").write_text(SHORT, encoding="utf-8")
    write_manifest(folder / "m.csv", [
        {"id": "full", "outlet": "careful", "source_lang": "ru", "source_path": "a.ru.txt",
         "target_path": "full.en.txt"},
        {"id": "short", "outlet": "hasty", "source_lang": "ru", "source_path": "a.ru.txt",
         "target_path": "short.en.txt"},
    ])
    settings = RunSettings(embedding_cache=str(folder / "emb.sqlite"), qe=False)
    out = folder / "r.sqlite"
    summary = run_corpus(folder / "m.csv", out, settings, progress=False)
    assert summary.processed == 2 and summary.failed == 0
    return out


def test_case_forms_of_a_name_share_one_key_and_the_first_word_is_no_name() -> None:
    assert name_key(["Токаева"]) == name_key(["Токаев"]) == name_key(["Токаеву"])
    text = "Министерство сообщило, что Токаев посетил Астану."
    assert [form for _, form in sentence_names(text, 0, len(text))] == ["Токаев", "Астану"]


def test_the_hasty_outlet_drops_the_names_of_its_omitted_sentences(results: pathlib.Path) -> None:
    sentences, table = omissions(results)
    assert {s.group for s in sentences} == {"hasty"}
    assert sorted(s.sentence for s in sentences) == [2, 3]
    second = next(s for s in sentences if s.sentence == 2)
    assert "Смаилов" in second.names and "министр" not in " ".join(second.names).lower()
    by_name = {n.name: n for n in table if n.group == "hasty"}
    # Токаев is named in sentences 1 and 3 and only the third was dropped: half.
    tokayev = next(n for name, n in by_name.items() if name.startswith("Токаев"))
    assert (tokayev.omitted, tokayev.mentions, tokayev.documents) == (1, 2, 1)
    assert tokayev.rate == pytest.approx(0.5)
    assert next(n for name, n in by_name.items() if name.startswith("Смаилов")).rate == 1.0
    assert not [n for n in table if n.group == "careful"]


def test_the_command_prints_the_names_and_writes_both_csv_files(
    results: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.cli import main

    names, sentences = tmp_path / "names.csv", tmp_path / "sentences.csv"
    assert main(["corpus", "omissions", str(results), "--csv", str(names), "--sentences-csv",
                 str(sentences)]) == 0
    out = capsys.readouterr().out
    assert "2 omitted source sentences, 2 of them naming someone" in out
    assert "outlet hasty: most omitted names" in out and "Смаилов" in out
    assert names.read_text("utf-8").splitlines()[0] == (
        "outlet,name,mentions,omitted,omission_rate,documents")
    assert "Затем Токаев посетил новую больницу" in sentences.read_text("utf-8")
    assert main(["corpus", "omissions", str(results), "--top", "0"]) == 2
    assert "--top must be at least 1" in capsys.readouterr().err


def test_the_corpus_page_shows_what_the_hasty_outlet_left_out(
    results: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("streamlit")
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("COMPARE_DATA_DIR", str(results.parent))
    page = pathlib.Path(__file__).resolve().parent.parent / "pages" / "2_Corpus.py"
    at = AppTest.from_file(str(page), default_timeout=60)
    at.run()
    at.text_input(key="corpus_db").input(str(results)).run()
    assert not at.exception and not at.error
    at.selectbox(key="corpus_left_group").select("hasty").run()
    names = next(f.value for f in at.dataframe if "mentions" in f.value.columns)
    assert any(str(n).startswith("Смаилов") for n in names["name"])
    left = next(f.value for f in at.dataframe if "text" in f.value.columns)
    assert sorted(left["sentence"]) == [2, 3]
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the omitted sentences (CSV)" in labels
