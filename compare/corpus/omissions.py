"""What each group's translations leave out: the omitted source sentences with the names in
them, and for every name how often a group's translations drop the sentences that mention it
(issue 22).

A researcher comparing outlets asks not only how much an edition leaves out but what: which
people, places and institutions disappear. An omitted sentence is a source sentence the
alignment left without English (a 1-0 pair). Its names are the capitalised runs of the source
that could carry a name (the name check's candidates, :mod:`compare.name_candidates`: a
sentence's first word and generic words such as министерство or республика are not names),
each reduced to a key of its words' shortest stems, so that Путин, Путина and Путину count as
one. A name's omission rate in a group is the share of its mentions (source sentences that name
it, in the group's documents) that were omitted.

The figures come from the stored reports (the full texts are kept in the results database), so
this reads every document's report once; on a corpus of thousands of documents it takes
seconds to a minute.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from compare.corpus.stats import GROUP_BY, load_documents
from compare.corpus.store import load_report
from compare.errors import InputError
from compare.name_candidates import capitalised_runs, generic_src, opens_sentence, word_spans
from compare.report import csv_safe


@dataclass
class OmittedSentence:
    """One source sentence that a group's translation left out."""

    group: str
    document: str
    sentence: int
    """Its number in the source text, from 1."""
    text: str
    names: list[str] = field(default_factory=list)


@dataclass
class NameOmission:
    """How often one group's translations leave out the sentences that name something."""

    group: str
    name: str
    """The form it is most often written in."""
    mentions: int
    """Source sentences of the group's documents that name it."""
    omitted: int
    documents: int
    """Documents of the group whose source names it."""

    @property
    def rate(self) -> float:
        return self.omitted / self.mentions if self.mentions else 0.0


# Case endings of Russian and Kazakh names, longest first; one is stripped when four letters
# stay (Путину -> путин, Токаевтың -> токаев). The names check's stemmer strips up to two and
# matches any of the stems; a key needs the one stem all forms share.
_NAME_ENDINGS = tuple(sorted((
    "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им", "ою", "ую",
    "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и",
    "тың", "тің", "дың", "дің", "ның", "нің", "нда", "нде", "дан", "ден", "тан", "тен", "нан",
    "нен", "мен", "бен", "пен", "ға", "ге", "қа", "ке", "да", "де", "та", "те", "ды", "ді",
    "ты", "ті", "ны", "ні",
), key=len, reverse=True))


def name_key(words: list[str]) -> str:
    """One key for a name in any case form: each word lower-cased with one case ending
    stripped where four letters stay (Путину, Путина -> путин)."""
    keys = []
    for word in words:
        w = word.lower().replace("ё", "е")
        ending = next((e for e in _NAME_ENDINGS if w.endswith(e) and len(w) - len(e) >= 4), "")
        keys.append(w[: len(w) - len(ending)])
    return " ".join(keys)


def sentence_names(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """(key, surface form) of every name candidate in one source sentence."""
    out = []
    for run in capitalised_runs(text, word_spans(text, start, end)):
        kept = [w for w in run if not opens_sentence(text, start, w[0], True)
                and not generic_src(w[2])]  # fmt: skip
        if kept:
            out.append((name_key([w[2] for w in kept]), text[kept[0][0]:kept[-1][1]]))
    return out


def omissions(
    db_path: str | os.PathLike[str], by: str = "outlet"
) -> tuple[list[OmittedSentence], list[NameOmission]]:
    """The omitted sentences of every checked document, and every name's omission figures per
    group (names omitted at least once, most omitted first)."""
    if by not in GROUP_BY:
        raise InputError(f"Cannot group by {by!r}; use one of {', '.join(GROUP_BY)}.")
    sentences: list[OmittedSentence] = []
    mentions: dict[tuple[str, str], int] = Counter()
    dropped: dict[tuple[str, str], int] = Counter()
    in_documents: dict[tuple[str, str], set[str]] = defaultdict(set)
    forms: dict[str, Counter] = defaultdict(Counter)
    for doc in load_documents(db_path):
        report = load_report(db_path, doc.id)
        if report is None or report.source is None:
            continue
        omitted = {i for p in report.pairs if p.source and not p.target for i in p.source}
        source = report.source
        for i, sent in enumerate(source.sentences):
            names = sentence_names(source.text, sent.start, sent.end)
            for key, form in names:
                forms[key][form] += 1
            for group in doc.groups[by]:
                for key in {k for k, _ in names}:
                    mentions[(group, key)] += 1
                    dropped[(group, key)] += i in omitted
                    in_documents[(group, key)].add(doc.id)
                if i in omitted:
                    sentences.append(OmittedSentence(
                        group, doc.id, i + 1, source.text[sent.start:sent.end],
                        list(dict.fromkeys(form for _, form in names))))
    table = [NameOmission(group, forms[key].most_common(1)[0][0], mentions[(group, key)],
                          dropped[(group, key)], len(in_documents[(group, key)]))
             for (group, key) in mentions if dropped[(group, key)]]  # fmt: skip
    table.sort(key=lambda n: (n.group, -n.omitted, -n.rate, n.name))
    return sentences, table


def format_names(table: list[NameOmission], by: str, top: int = 10) -> str:
    """The most omitted names of each group, for the terminal."""
    if not table:
        return "No omitted sentence names anything."
    lines = []
    for group in dict.fromkeys(n.group for n in table):
        lines.append(f"{by} {group}: most omitted names (omitted / mentions, documents)")
        for n in [n for n in table if n.group == group][:top]:
            lines.append(f"  {n.name:<32} {n.omitted:>4} / {n.mentions:<4} "
                         f"({100 * n.rate:.0f} %, {n.documents} documents)")
    return "\n".join(lines)


def names_csv(table: list[NameOmission], by: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([by, "name", "mentions", "omitted", "omission_rate", "documents"])
    for n in table:
        writer.writerow([csv_safe(n.group), csv_safe(n.name), n.mentions, n.omitted,
                         f"{n.rate:.4f}", n.documents])
    return buf.getvalue()


def sentences_csv(sentences: list[OmittedSentence], by: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([by, "document", "sentence", "text", "names"])
    for s in sentences:
        writer.writerow([csv_safe(s.group), csv_safe(s.document), s.sentence, csv_safe(s.text),
                         csv_safe("; ".join(s.names))])
    return buf.getvalue()


def records(table: list[NameOmission], group: str) -> list[dict[str, Any]]:
    """One group's names as table rows for the page."""
    return [{"name": n.name, "omitted": n.omitted, "mentions": n.mentions,
             "omitted %": round(100 * n.rate, 1), "documents": n.documents}
            for n in table if n.group == group]  # fmt: skip
