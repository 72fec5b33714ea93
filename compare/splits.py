"""One home for the splits of every shared corpus (``../shared/corpora``, issue 23).

Held-out discipline (``../shared/README.md``): a word list, threshold, default or model may be
written, tuned or trained on *dev* rows only; *held-out* rows are read to report a figure and for
nothing else. Tests read dev rows only, and benchmarks print no held-out row in a tuning mode.
Every module that reads a shared corpus takes its slices from here.

======================  ======================================  ===============================
corpus (folder)         dev: tune, train, test, print           held out: report only
======================  ======================================  ===============================
``ntrex128``            lines 1-700 (0-based ``range(0, 700)``); lines 701-1000
                        the meaning model trains on 1-630 and
                        calibrates on 631-700
``wmt22-ru-en``         documents at an even position (order    documents at an odd position
                        of first appearance of ``doc_id`` in    (113 documents, 1,066
                        ``src_ref.tsv``, from 0; 114 documents, segments); their MT outputs
                        950 segments), with their MT outputs    and human scores too
                        and human scores; every fifth of them
                        (even positions 0, 10, 20, ...)
                        calibrates the meaning model
``demetr-ru-en``        source-sentence ids 551-575             ids 576-600
``mlqe-pe-ru-en``       ``train`` (trains), ``dev`` (selects,   ``test``, ``test21``
                        calibrates)
``mqm-en-ru``           TED talks 1, 4, 6 (train), 3 (dev);     TED talks 2 and 5
                        ``dev2022`` word tags (NTREX 1-700:
                        lines 1-630 may train the meaning
                        model, 631-700 are its dev)
``mlqe-pe-multi``       all (train and dev files)               none
``mlqe-pe-critical``    all (train and dev files)               none
``tatoeba-kk-en``       all (Kazakh dev: short human pairs)     none
``seed``                all (a test input, not a split corpus)  none
======================  ======================================  ===============================

Rows are named per corpus as :func:`is_heldout` takes them: an NTREX line index (from 0), a
WMT22 document position (int) or ``doc_id`` (str), a DEMETR id, an MLQE-PE split name, an MQM
TED talk (``tedtalk-2``). The guard: when it is on (``COMPARE_FORBID_HELDOUT=1`` in the
environment, as ``tests/conftest.py`` sets for every test session, or inside
:func:`forbid_heldout`), every reader of a shared corpus (:func:`ntrex_lines`,
:func:`wmt22_rows`, :func:`demetr_rows` and the readers of :mod:`compare.qe.data`) raises
:class:`HeldOutRead` before it returns a held-out row. Benchmarks call :func:`check_printable`
before they print example rows.

Word lists are split too, outside this module: :mod:`compare.qe.synthetic` keeps every fourth
antonym pair of :mod:`compare.opposites` for held-out sets only.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"

NTREX = "ntrex128"
WMT22 = "wmt22-ru-en"
DEMETR = "demetr-ru-en"
MLQE_RU_EN = "mlqe-pe-ru-en"
MQM = "mqm-en-ru"
MLQE_MULTI = "mlqe-pe-multi"
MLQE_CRITICAL = "mlqe-pe-critical"
TATOEBA_KK = "tatoeba-kk-en"
SEED = "seed"
CORPUS_NAMES = (NTREX, WMT22, DEMETR, MLQE_RU_EN, MQM, MLQE_MULTI, MLQE_CRITICAL, TATOEBA_KK, SEED)
ALIASES = {"ntrex": NTREX, "wmt22": WMT22, "demetr": DEMETR, "mlqe": MLQE_RU_EN,
           "mqm": MQM, "mqm-ted": MQM, "tatoeba": TATOEBA_KK}  # fmt: skip
NO_HELDOUT = (MLQE_MULTI, MLQE_CRITICAL, TATOEBA_KK, SEED)
"""Corpora read as dev data only: nothing in them is held out."""

# NTREX-128: 1,000 line-parallel sentences (dev.eng.txt, dev.rus.txt, dev.kaz.txt), 0-based.
NTREX_LINES = 1000
NTREX_DEV_LINES = range(0, 700)  # lines 1-700
NTREX_HELDOUT_LINES = range(700, 1000)  # lines 701-1000
NTREX_TRAIN_LINES = range(0, 630)  # the meaning model's synthetic training errors
NTREX_CALIBRATION_LINES = range(630, 700)  # its synthetic dev (epoch choice, thresholds)
NTREX_FILES = {"en": "dev.eng.txt", "ru": "dev.rus.txt", "kk": "dev.kaz.txt"}
_NTREX_SUFFIX = {"eng": "en", "rus": "ru", "kaz": "kk"}

# WMT22 ru-en: documents by their position in src_ref.tsv (order of first appearance), from 0.
WMT22_DEV_PARITY = 0  # even positions
WMT22_HELDOUT_PARITY = 1  # odd positions
WMT22_CALIBRATION_EVERY = 5
"""Of the dev (even) documents, those whose index among them is a multiple of this calibrate the
meaning model (never trained on); the others train it."""

# DEMETR ru-en (dev.jsonl): 50 FLORES sentences, ids 551-600, 35 perturbations each.
DEMETR_DEV_IDS = range(551, 576)  # 551-575
DEMETR_HELDOUT_IDS = range(576, 601)  # 576-600

# MLQE-PE ru-en, as released.
MLQE_TRAIN_SPLITS = ("train",)
MLQE_DEV_SPLITS = ("dev",)
MLQE_HELDOUT_SPLITS = ("test", "test21")

# MQM TED (mqm-en-ru/ted2021.*): split by talk (512 segments x 15 translators; talk sizes 83,
# 140, 52, 77, 31, 129 segments). Held out for reporting only: talks 2 and 5 (171 segments);
# dev (choosing, calibrating, fitting the risk combiner): talk 3 (52 segments); training: talks
# 1, 4 and 6 (289 segments). dev2022.word_tags.tsv covers NTREX lines 1-700 only: dev, split
# as NTREX is for the meaning model (lines 1-630 train it with ``--mqm-news 1``, 631-700 are dev).
MQM_TED_TRAIN_TALKS = ("tedtalk-1", "tedtalk-4", "tedtalk-6")
MQM_TED_DEV_TALKS = ("tedtalk-3",)
MQM_TED_HELDOUT_TALKS = ("tedtalk-2", "tedtalk-5")

ENV_VAR = "COMPARE_FORBID_HELDOUT"
_override: list[bool] = []


class HeldOutRead(RuntimeError):
    """A held-out row was asked for where only dev rows may be read (a test, a tuning run)."""


def corpus_name(corpus: str) -> str:
    """The shared folder name of ``corpus`` (``ntrex`` and the other short names accepted)."""
    name = ALIASES.get(corpus, corpus)
    if name not in CORPUS_NAMES:
        raise KeyError(f"unknown shared corpus {corpus!r} (known: {', '.join(CORPUS_NAMES)})")
    return name


def corpora_dir(shared: str | Path | None = None) -> Path:
    """The shared corpora folder: ``shared`` itself, or its ``corpora`` subfolder when it has one
    (callers pass either ``../shared`` or ``../shared/corpora``); :data:`CORPORA` by default."""
    if not shared:
        return CORPORA
    path = Path(shared)
    return path / "corpora" if (path / "corpora").is_dir() else path


def is_heldout(corpus: str, row: object, shared: str | Path | None = None) -> bool:
    """Whether ``row`` of ``corpus`` is held out (see the module's table for how rows are
    named). A WMT22 ``doc_id`` is looked up in ``src_ref.tsv`` under ``shared``."""
    name = corpus_name(corpus)
    if name == NTREX:
        line = int(row)  # type: ignore[call-overload]
        if not 0 <= line < NTREX_LINES:
            raise ValueError(f"NTREX has lines 0-{NTREX_LINES - 1} (0-based), not {line}")
        return line in NTREX_HELDOUT_LINES
    if name == WMT22:
        position = row if isinstance(row, int) else wmt22_document_positions(shared)[str(row)]
        return position % 2 == WMT22_HELDOUT_PARITY
    if name == DEMETR:
        return int(row) in DEMETR_HELDOUT_IDS  # type: ignore[call-overload]
    if name == MLQE_RU_EN:
        return str(row) in MLQE_HELDOUT_SPLITS
    if name == MQM:
        return str(row) in MQM_TED_HELDOUT_TALKS
    return False  # NO_HELDOUT


def guard_on() -> bool:
    """Whether held-out reads are forbidden now: inside :func:`forbid_heldout` (innermost wins),
    else when ``COMPARE_FORBID_HELDOUT`` is set to anything but empty or ``0``."""
    if _override:
        return _override[-1]
    return os.environ.get(ENV_VAR, "").strip() not in ("", "0")


@contextmanager
def forbid_heldout(on: bool = True) -> Iterator[None]:
    """Forbid held-out reads inside the block (``on=False``: allow them there, whatever the
    environment says)."""
    _override.append(on)
    try:
        yield
    finally:
        _override.pop()


def heldout_rows(corpus: str, rows: Iterable[object], shared: str | Path | None = None) -> list:
    """The held-out ones of ``rows``, in order."""
    return [row for row in rows if is_heldout(corpus, row, shared)]


def _refuse(corpus: str, held: list, why: str) -> None:
    shown = ", ".join(str(row) for row in held[:5]) + (", ..." if len(held) > 5 else "")
    raise HeldOutRead(f"{why}: {len(held)} held-out row(s) of {corpus_name(corpus)} ({shown}); "
                      "only dev rows may be read here (compare/splits.py names them)")


def check_read(corpus: str, rows: Iterable[object], shared: str | Path | None = None) -> None:
    """Raise :class:`HeldOutRead` when the guard is on and any of ``rows`` is held out."""
    if guard_on():
        held = heldout_rows(corpus, rows, shared)
        if held:
            _refuse(corpus, held, f"held-out read forbidden ({ENV_VAR}=1 or forbid_heldout())")


def check_wmt22_parity(parity: int) -> None:
    """:func:`check_read` for every WMT22 document of one parity (0 dev, 1 held out)."""
    if parity not in (0, 1):
        raise ValueError(f"a WMT22 document parity is 0 (dev) or 1 (held out), not {parity}")
    check_read(WMT22, [parity])  # every position of a parity is held out or none is


def check_printable(corpus: str, rows: Iterable[object], tuning: bool,
                    shared: str | Path | None = None) -> None:
    """For benchmarks, before printing example rows: in a tuning mode (``tuning``) a held-out
    row is refused with :class:`HeldOutRead`; a reporting run may print what it reports."""
    if tuning:
        held = heldout_rows(corpus, rows, shared)
        if held:
            _refuse(corpus, held, "a tuning run prints no held-out example")


# --------------------------------------------------------------------------- guarded readers
def ntrex_lines(lang: str, lines: range | Iterable[int], shared: str | Path | None = None,
                strip: bool = True) -> list[str]:
    """NTREX lines (0-based indices) of one language (``en``/``ru``/``kk`` or the file suffixes
    ``eng``/``rus``/``kaz``), stripped unless ``strip`` is false."""
    wanted = list(lines)
    check_read(NTREX, wanted)
    name = NTREX_FILES[_NTREX_SUFFIX.get(lang, lang)]
    text = (corpora_dir(shared) / NTREX / name).read_text(encoding="utf-8").split("\n")
    return [text[i].strip() if strip else text[i] for i in wanted]


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=4)
def _wmt22_positions(folder: Path) -> dict[str, int]:
    positions: dict[str, int] = {}
    for row in _tsv(folder / WMT22 / "wmt22_ru-en.src_ref.tsv"):
        positions.setdefault(row["doc_id"], len(positions))
    return positions


def wmt22_document_positions(shared: str | Path | None = None) -> dict[str, int]:
    """WMT22 ``doc_id`` -> position (order of first appearance in ``src_ref.tsv``, from 0)."""
    return dict(_wmt22_positions(corpora_dir(shared)))


def wmt22_rows(split: str = "dev", shared: str | Path | None = None,
               table: str = "src_ref") -> list[dict[str, str]]:
    """The rows (every column, as read) of ``wmt22_ru-en.{table}.tsv`` (``src_ref``: sources
    and references, ``hyps``: MT outputs) of the WMT22 documents of ``split`` (``dev``: even
    positions, ``heldout``: odd ones, ``all``), in file order."""
    parities = {"dev": (0,), "heldout": (1,), "held-out": (1,), "all": (0, 1)}[split]
    for parity in parities:
        check_wmt22_parity(parity)
    folder = corpora_dir(shared)
    if table not in ("src_ref", "hyps"):
        raise ValueError(f"WMT22 tables are src_ref and hyps, not {table!r}")
    positions = _wmt22_positions(folder)
    return [row for row in _tsv(folder / WMT22 / f"wmt22_ru-en.{table}.tsv")
            if positions[row["doc_id"]] % 2 in parities]  # fmt: skip


def demetr_rows(split: str = "dev", shared: str | Path | None = None) -> list[dict]:
    """DEMETR ru-en rows (``dev.jsonl``, as parsed) of ``split`` (``dev``: ids 551-575,
    ``heldout``: 576-600, ``all``), in file order."""
    ids = {"dev": DEMETR_DEV_IDS, "heldout": DEMETR_HELDOUT_IDS, "held-out": DEMETR_HELDOUT_IDS,
           "all": range(DEMETR_DEV_IDS.start, DEMETR_HELDOUT_IDS.stop)}[split]  # fmt: skip
    check_read(DEMETR, ids)
    path = corpora_dir(shared) / DEMETR / "dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [row for row in rows if int(row["id"]) in ids]


def tatoeba_kk_pairs(shared: str | Path | None = None) -> list[tuple[str, str]]:
    """(Kazakh, English) of every Tatoeba kk-en row (``kk-en.tsv``; all dev), in file order."""
    path = corpora_dir(shared) / TATOEBA_KK / "kk-en.tsv"
    return [(row["kk"], row["en"]) for row in _tsv(path)]
