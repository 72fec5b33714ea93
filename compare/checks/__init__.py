"""All checks, registered in one place: importing a module here registers its checks."""

from compare.checks import (  # noqa: F401  (imported for registration)
    antonym_vectors,
    antonyms,
    countries,
    coverage,
    currencies,
    dates,
    framing,
    meaning,
    meaning_omission,
    names,
    negation,
    numbers,
    omitted_passage,
    punctuation,
    repetition,
    structure,
    terminology,
    unexpected_punctuation,
    untranslated,
)
from compare.checks.base import REGISTRY, Check, CheckContext, PairCheck, register

__all__ = ["REGISTRY", "Check", "CheckContext", "PairCheck", "register", "all_checks", "run_checks"]


def all_checks() -> list[Check]:
    """One instance of every registered check, in a stable order."""
    return [REGISTRY[k]() for k in sorted(REGISTRY)]


def run_checks(ctx: CheckContext, checks: list[Check] | None = None) -> list:
    """Run the checks that can run on this context and return all their flags."""
    flags = []
    for check in checks if checks is not None else all_checks():
        if check.needs_source and ctx.source is None:
            continue
        flags.extend(check.run(ctx))
    return flags
