"""Training and evaluation examples for the QE model, read from the shared corpora by path.

An :class:`Example` is one source/English pair as word lists, a sentence target on the DA
z-score scale (``None``: no sentence loss) and per-word tags (1 BAD, 0 OK, -1 unknown).

Splits (:mod:`compare.splits`, their one home): MLQE-PE ``train`` trains and ``dev`` selects
and calibrates; ``test``/``test21`` only report. NTREX lines 1-700 and WMT22 documents at an even
position in the file feed synthetic training and dev errors; NTREX 701-1000 and the odd WMT22
documents are held out and never trained or tuned on. Every reader here asks
:func:`compare.splits.check_read` first, so that a test (or any run with the guard on) that asks
for a held-out row fails with :class:`compare.splits.HeldOutRead`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from compare import splits
from compare.qe.encoding import words_with_spans

# The splits' old names, kept importable from here (their one home is compare.splits).
from compare.splits import (  # noqa: F401
    MQM_TED_DEV_TALKS,
    MQM_TED_HELDOUT_TALKS,
    MQM_TED_TRAIN_TALKS,
    NTREX_DEV_LINES,
    NTREX_FILES,
    NTREX_HELDOUT_LINES,
)

SHARED = splits.CORPORA

# Sentence targets for synthetic examples, on the DA z scale of MLQE-PE train (whose median is
# 0.41, mean of error-free MT 0.38, 75th percentile 0.69, 10th percentile -1.62).
CLEAN_Z = 0.6


@dataclass
class Example:
    source_words: list[str]
    target_words: list[str]
    z: float | None
    source_tags: list[int]
    target_tags: list[int]
    lang: str = "ru"
    kind: str = "mlqe"
    rank_z: float | None = None
    """What the ranking loss among translations of one sentence compares (None: ``z``); set
    where a pair is known better than another but has no sentence target of its own (a
    post-edit, :func:`read_mlqe_post_edits`)."""


def shared_dir(shared: str | Path | None = None) -> Path:
    """The shared corpora folder, given ``../shared`` or ``../shared/corpora`` (either works,
    as for every benchmark: :func:`compare.splits.corpora_dir`); :data:`SHARED` by default."""
    return splits.corpora_dir(shared) if shared else SHARED


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _tags(text: str) -> list[int]:
    return [1 if tag == "BAD" else 0 for tag in text.split()]


def mlqe_rows(split: str, shared: str | Path | None = None) -> list[dict[str, str]]:
    """The rows of an MLQE-PE ru-en split as the file gives them (the guard asked first)."""
    splits.check_read(splits.MLQE_RU_EN, [split])
    return _tsv(shared_dir(shared) / "mlqe-pe-ru-en" / f"{split}.tsv")


def read_mlqe(split: str, shared: str | Path | None = None) -> list[Example]:
    """MLQE-PE ru-en rows as examples: tokenised words, DA z, source and MT-token tags."""
    return _mlqe_examples(mlqe_rows(split, shared), "ru", "mlqe")


MLQE_INTO_ENGLISH = ("et-en", "ne-en", "ro-en", "si-en")
"""The MLQE-PE pairs of ``mlqe-pe-multi`` whose MT is English, as the product's is."""


def read_mlqe_multi(pair: str, split: str, shared: str | Path | None = None) -> list[Example]:
    """One more MLQE-PE pair (``mlqe-pe-multi``, train or dev), laid out as ru-en's; the
    examples' kind is ``mlqe-multi`` (the 0-1 score's quantiles stay those of ru-en)."""
    if pair not in MLQE_INTO_ENGLISH:
        raise ValueError(f"MLQE-PE pair {pair!r}: expected one of {', '.join(MLQE_INTO_ENGLISH)}")
    splits.check_read(splits.MLQE_MULTI, [split])
    rows = _tsv(shared_dir(shared) / "mlqe-pe-multi" / f"{pair}.{split}.tsv")
    return _mlqe_examples(rows, pair.split("-")[0], "mlqe-multi")


POST_EDIT_MIN_HTER = 0.1
"""A post-edit ranks above its MT when the editor changed at least this share of the MT (HTER):
below it the two are nearly one translation."""
POST_EDIT_LIFT = 1.0
"""A post-edit's ``rank_z`` above its MT's human z: more than the ranking loss's margin, so
that every such pair is ranked."""


def read_mlqe_post_edits(split: str, shared: str | Path | None = None) -> list[Example]:
    """The human post-edit of each MLQE-PE ru-en row whose MT the editor changed (HTER at least
    :data:`POST_EDIT_MIN_HTER`), as another English of the row's source (kind ``mlqe-pe``): no
    sentence target and no word tags (people scored the MT, not the post-edit), only a
    ``rank_z`` above the MT's, so that a ranking loss can ask the model to score the corrected
    translation of a sentence above the one with errors."""
    examples = []
    for row in mlqe_rows(split, shared):
        if float(row["hter"]) < POST_EDIT_MIN_HTER:
            continue
        src, post_edit = row["src_tok"].split(), row["pe"].split()
        examples.append(Example(src, post_edit, None, [-1] * len(src), [-1] * len(post_edit),
                                "ru", "mlqe-pe", float(row["da_z"]) + POST_EDIT_LIFT))
    return examples


def _mlqe_examples(rows: list[dict[str, str]], lang: str, kind: str) -> list[Example]:
    examples = []
    for row in rows:
        src, mt = row["src_tok"].split(), row["mt_tok"].split()
        src_tags = _tags(row["src_tags"])
        mt_tags = _tags(row["mt_tags"])[1::2]  # odd positions are tokens, even ones gaps
        if len(src_tags) != len(src) or len(mt_tags) != len(mt):
            src_tags, mt_tags = [-1] * len(src), [-1] * len(mt)
        examples.append(Example(src, mt, float(row["da_z"]), src_tags, mt_tags, lang, kind))
    return examples


def split_words(text: str) -> list[str]:
    return [word for word, _, _ in words_with_spans(text)]


def ntrex_lines(lang: str, lines: range, shared: str | Path | None = None) -> list[str]:
    """NTREX lines (0-based) of one language, stripped; held-out lines refused under the guard."""
    return splits.ntrex_lines(lang, lines, shared_dir(shared))


def wmt22_documents(parity: int, shared: str | Path | None = None) -> list[list[tuple[str, str]]]:
    """WMT22 ru-en (source, reference) segments per document, for documents whose position in
    the file (order of first appearance, from 0) has the given parity: 0 dev, 1 held out."""
    splits.check_wmt22_parity(parity)
    rows = _tsv(shared_dir(shared) / "wmt22-ru-en" / "wmt22_ru-en.src_ref.tsv")
    order: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        order.setdefault(row["doc_id"], []).append((row["src"].strip(), row["ref_A"].strip()))
    return [segs for position, segs in enumerate(order.values()) if position % 2 == parity]


def wmt22_hypotheses(
    parity: int, shared: str | Path | None = None
) -> list[list[tuple[str, str, str, str]]]:
    """WMT22 ru-en machine translations per document, in the order of :func:`wmt22_documents`
    (same ``parity``): for each segment of a document, one (system, source, MT, reference) per
    system. Only the references and the MT outputs are read, never the human scores."""
    splits.check_wmt22_parity(parity)
    folder = shared_dir(shared) / "wmt22-ru-en"
    segments = {row["line_no"]: row for row in _tsv(folder / "wmt22_ru-en.src_ref.tsv")}
    order: dict[str, dict[str, list[tuple[str, str, str, str]]]] = {}
    for row in segments.values():
        order.setdefault(row["doc_id"], {})[row["line_no"]] = []
    for hyp in _tsv(folder / "wmt22_ru-en.hyps.tsv"):
        seg = segments.get(hyp["line_no"])
        if seg is None or not (hyp["hyp"] or "").strip():
            continue
        order[seg["doc_id"]][hyp["line_no"]].append(
            (hyp["system"], seg["src"].strip(), hyp["hyp"].strip(), seg["ref_A"].strip())
        )
    return [[h for line in lines.values() for h in line]
            for position, lines in enumerate(order.values()) if position % 2 == parity]


def wmt22_da_table(
    shared: str | Path | None = None, parity: int | None = None
) -> list[tuple[str, int, float, int]]:
    """The lines of ``wmt22_ru-en.da_seg_scores.txt`` as ``(SYS, SID, Z.SCR, line_no)``, of
    every document or only of the documents of ``parity`` (0 dev, 1 held out; see
    :func:`wmt22_documents`); ``line_no`` is the ``src_ref.tsv`` line the score judges.

    The scores file numbers segments (its ``SID``) in the order of the documents sorted by
    ``doc_id`` (then ``seg_id``), not in the order of the TSV files, whose documents are shuffled:
    joining ``SID`` to ``line_no`` directly pairs each score with another segment's translation
    (chrF against the reference then correlates with the human scores at Kendall tau 0.02,
    against 0.24 with this join).
    """
    for half in (0, 1) if parity is None else (parity,):
        splits.check_wmt22_parity(half)
    folder = shared_dir(shared) / "wmt22-ru-en"
    rows = _tsv(folder / "wmt22_ru-en.src_ref.tsv")
    position: dict[str, int] = {}
    for row in rows:
        position.setdefault(row["doc_id"], len(position))
    by_sid = sorted(rows, key=lambda row: (row["doc_id"], int(row["seg_id"])))
    line_of_sid = {sid: int(row["line_no"]) for sid, row in enumerate(by_sid, start=1)}
    kept = {int(row["line_no"]) for row in rows
            if parity is None or position[row["doc_id"]] % 2 == parity}  # fmt: skip
    table = []
    lines = (folder / "wmt22_ru-en.da_seg_scores.txt").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        parts = line.split()
        if len(parts) >= 4 and line_of_sid.get(int(parts[1])) in kept:
            table.append((parts[0], int(parts[1]), float(parts[3]), line_of_sid[int(parts[1])]))
    return table


def wmt22_da_scores(
    shared: str | Path | None = None, parity: int | None = None
) -> dict[tuple[str, int], float]:
    """WMT22 ru-en human DA z-scores keyed by (system, line_no of ``src_ref.tsv``), of every
    document or only of the documents of ``parity``, joined as :func:`wmt22_da_table` says.
    System names lose their ``.N`` suffix (``Online-A.9``)."""
    return {(system.rsplit(".", 1)[0], line): z
            for system, _, z, line in wmt22_da_table(shared, parity)}  # fmt: skip



# --------------------------------------------------------------------------- real error data
# MQM TED (../shared/corpora/mqm-en-ru): English->Russian, errors marked on the Russian side.
# Split by talk: MQM_TED_TRAIN_TALKS, MQM_TED_DEV_TALKS, MQM_TED_HELDOUT_TALKS (compare.splits).
MQM_WEIGHTS = {"minor": 1.0, "major": 5.0, "critical": 10.0}


@dataclass
class MQMSegment:
    """One annotated translation, roles swapped for a ru->en checker: ``russian`` is the side
    whose marked spans do not match ``english`` (the English was the original)."""

    system: str
    talk: str
    segment: int
    english: str
    russian: str
    errors: list[dict]
    penalty: float

    @property
    def severe(self) -> bool:
        """At least one major or critical error (a punctuation or whitespace mark aside)."""
        light = ("Punctuation", "Whitespace")
        return any(e["severity"] in ("major", "critical") and e["category"] not in light
                   for e in self.errors)  # fmt: skip


def read_mqm_ted(talks: tuple[str, ...], shared: str | Path | None = None) -> list[MQMSegment]:
    """The TED MQM segments of the given talks (every translator, the human one included)."""
    import json

    splits.check_read(splits.MQM, talks)
    rows = _tsv(shared_dir(shared) / "mqm-en-ru" / "ted2021.segments.tsv")
    return [MQMSegment(row["system"], row["doc_id"], int(row["seg_id"]), row["src"], row["mt"],
                       json.loads(row["errors"]), float(row["mqm_penalty"]))
            for row in rows if row["doc_id"] in talks]  # fmt: skip


def penalty_to_z(penalty: float) -> float:
    """An MQM penalty on MLQE-PE's DA z scale: 0 is a faithful pair (``CLEAN_Z``), one major
    error (5) about -0.4, two (10) about -0.85, five or more (25) about DA's lowest decile.
    Logarithmic, as DA saturates: a tenth error changes a reader's judgment less than the first."""
    import math

    return CLEAN_Z - 0.9 * math.log1p(max(penalty, 0.0) / 2.5)


def mqm_example(segment: MQMSegment) -> Example:
    """A training example with the roles swapped: the Russian is the "source", its words tagged
    BAD where they overlap a marked span (spans that cover only whitespace mark a missing word
    and tag none); the English words have no tags."""
    spans = [(e["start"], e["end"]) for e in segment.errors
             if segment.russian[e["start"]:e["end"]].strip()]  # fmt: skip
    words = words_with_spans(segment.russian)
    tags = [int(any(a < end and start < b for a, b in spans)) for _, start, end in words]
    english = split_words(segment.english)
    return Example([w for w, _, _ in words], english, penalty_to_z(segment.penalty), tags,
                   [-1] * len(english), "ru", "mqm")  # fmt: skip


def wmt22_scored(
    parity: int, shared: str | Path | None = None
) -> list[list[tuple[str, str, str, float]]]:
    """WMT22 MT outputs with their human DA z, per document of the given parity (in the order
    of :func:`wmt22_documents`): ``(system, source, MT, z)``. Even documents may train and
    calibrate (``../shared/README.md``); odd ones are held out."""
    splits.check_wmt22_parity(parity)
    folder = shared_dir(shared) / "wmt22-ru-en"
    scores = wmt22_da_scores(shared, parity)
    segments = {row["line_no"]: row for row in _tsv(folder / "wmt22_ru-en.src_ref.tsv")}
    order: dict[str, list[tuple[str, str, str, float]]] = {}
    for row in segments.values():
        order.setdefault(row["doc_id"], [])
    for hyp in _tsv(folder / "wmt22_ru-en.hyps.tsv"):
        seg = segments.get(hyp["line_no"])
        z = scores.get((hyp["system"], int(hyp["line_no"])))
        if seg is None or z is None or not (hyp["hyp"] or "").strip():
            continue
        order[seg["doc_id"]].append((hyp["system"], seg["src"].strip(), hyp["hyp"].strip(), z))
    return [items for position, items in enumerate(order.values()) if position % 2 == parity]


def da_example(source: str, mt: str, z: float) -> Example:
    src, out = split_words(source), split_words(mt)
    return Example(src, out, z, [-1] * len(src), [-1] * len(out), "ru", "wmt22-da")


def read_mqm_news(lines: range, shared: str | Path | None = None) -> list[Example]:
    """The WMT22 QE en-ru news annotations (``mqm-en-ru/dev2022.word_tags.tsv``: MQM-derived
    OK/BAD tags of one MT system's Russian for NTREX's English) whose English is one of the given
    NTREX lines (0-based), with the roles swapped as in :func:`mqm_example`. Rows are matched to
    those lines' English (read through the held-out guard), so no other row is read."""
    english = ntrex_lines("en", lines, shared)
    wanted = {" ".join(text.split()) for text in english}
    return [mqm_news_example(row["src"], row["mt_tok"], row["tags"])
            for row in _tsv(shared_dir(shared) / "mqm-en-ru" / "dev2022.word_tags.tsv")
            if " ".join(row["src"].split()) in wanted]  # fmt: skip


def mqm_news_example(english: str, mt_tokens: str, tags: str) -> Example:
    """One row of ``dev2022.word_tags.tsv`` as a training example, roles swapped: the Russian
    tokens (HTML escapes undone, the closing ``<EOS>`` and its tag dropped) are the source with
    their tags, the English is untagged. The release has no spans or penalties, so the sentence
    target counts each run of BAD words as one major error (5, as most MQM errors of this data's
    TED twin are): ``penalty_to_z(5 x runs)``. A BAD final punctuation mark is left untagged
    (-1): the release's spans-to-tags conversion also marked a sentence's tail after a missing
    word, and that signature cannot be told from a real punctuation error."""
    import html

    tokens = [html.unescape(token) for token in mt_tokens.split()[:-1]]
    bad = _tags(tags)[:-1]
    if len(bad) != len(tokens):
        raise ValueError(f"{len(tokens)} tokens but {len(bad)} tags: {mt_tokens[:60]!r}")
    if tokens and bad[-1] == 1 and not any(c.isalnum() for c in tokens[-1]):
        bad[-1] = -1
    runs, previous = 0, 0
    for token, tag in zip(tokens, bad, strict=True):
        if any(c.isalnum() for c in token):
            runs += tag == 1 and previous != 1
            previous = tag
    words = split_words(english)
    return Example(tokens, words, penalty_to_z(5.0 * runs), bad, [-1] * len(words), "ru",
                   "mqm-news")  # fmt: skip
