"""The checks' settings, checked: a user's thresholds against what the checks declare.

Every check declares the values it reads from ``ctx.thresholds`` (:class:`compare.checks.base.
Setting`: name, type, default, what it does) and what it cannot work without (``needs``). Here
a user's settings are checked against those declarations before any work, so that a misspelt
name or a value of the wrong type is one clear line (:class:`SettingError`, an
:class:`~compare.errors.InputError`: exit status 2 on the command line, a message on the page)
rather than a setting silently ignored; and the report is told which checks could not run for
want of a model.
"""

from __future__ import annotations

import copy
import difflib
import math
from collections.abc import Iterable
from typing import Any

from compare.checks import REGISTRY, Check, CheckContext
from compare.checks.base import Setting
from compare.errors import InputError

MODEL_SETTINGS = (
    Setting("qe_name_confident", float, None,
            "meaning score from which the meaning model's view makes a name flag on a pair whose "
            "flagged words it does not doubt minor (default: the meaning model's calibrated "
            "value)", model_default=True),
)
"""Settings of no check but of the meaning model's view on rule flags
(:func:`compare.qe.evidence.attach_qe`); the pipeline puts the model's calibrated values in
the signature when it runs."""

NEED_NAMES = {
    "embedder": "the sentence embedder",
    "meaning-model": "the meaning model",
    "mt": "machine translation",
}


class SettingError(InputError):
    """A user's setting that no check declares, or a value a check cannot use (one line)."""


def declared_settings(checks: Iterable[Check | type[Check]] | None = None) -> dict[str, Setting]:
    """``{name: Setting}`` of ``checks`` (default: every registered check, and the meaning
    model's :data:`MODEL_SETTINGS`), in declaration order."""
    if checks is None:
        checks = [REGISTRY[k] for k in sorted(REGISTRY)]
        out = {s.name: s for s in MODEL_SETTINGS}
    else:
        out = {}
    for check in checks:
        for setting in check.settings:
            out.setdefault(setting.name, setting)
    return out


def setting_defaults(checks: Iterable[Check | type[Check]]) -> dict[str, Any]:
    """The default of every setting of ``checks`` (copies: a caller may change them)."""
    return {name: copy.deepcopy(s.default) for name, s in declared_settings(checks).items()}


def validate_settings(user: dict[str, Any] | None,
                      checks: Iterable[Check | type[Check]] = ()) -> dict[str, Any]:
    """The settings in force: the defaults of ``checks`` with the user's values over them, each
    checked against its declaration and typed (an int where an int is meant, a float for a
    float). Any registered check's setting is accepted, run or not; a user's None for a setting
    whose default is the meaning model's own is left out (it means that default).

    Raises :class:`SettingError` (one line) for a name no check declares (naming the nearest
    one), a value of the wrong type and a value out of its range.
    """
    known = declared_settings()
    resolved = setting_defaults(checks)
    for name, value in (user or {}).items():
        setting = known.get(name)
        if setting is None:
            raise SettingError(_unknown(name, known))
        if value is None and setting.model_default:
            continue
        resolved[name] = _typed(setting, value)
    return resolved


def settings_from_text(assignments: Iterable[str]) -> dict[str, Any]:
    """A user's settings from ``NAME=VALUE`` texts (the command line's ``--set``), each value
    read as its setting's declared type: a number for int and float (the range and a whole
    number are :func:`validate_settings`'s to check), true/false (yes/no, on/off, 1/0) for
    bool; ``none`` or nothing for None. ``NAME.KEY=VALUE`` sets one key of a setting given per
    key (``ratio_low.ru=0.5``; ``ratio_low=0.5`` is every key). The last value of a name wins.

    Raises :class:`SettingError` (one line) for a text without ``=``, an unknown name (naming
    the nearest) or a value its type cannot read. The range is :func:`validate_settings`'s
    to check (the pipeline calls it with the result, as with the app's settings)."""
    known = declared_settings()
    out: dict[str, Any] = {}
    for text in assignments:
        name, equals, raw = text.partition("=")
        name = name.strip()
        if not equals or not name:
            raise SettingError(f"A setting is NAME=VALUE (e.g. names_nearby_pairs=3), not "
                               f"{_shown(text)}.")
        name, dot, key = name.partition(".")
        setting = known.get(name)
        if setting is None:
            raise SettingError(_unknown(name + dot + key, known))
        value = _from_text(setting, raw.strip())
        if not dot:
            out[name] = value
        elif not setting.keys:
            raise SettingError(f"Setting {name} is one value, not one per key: give "
                               f"{name}=VALUE.")
        else:
            given = out.get(name, {})
            if not isinstance(given, dict):  # NAME=VALUE before: it holds for the other keys
                given = dict.fromkeys(setting.keys, given)
            out[name] = {**given, key.strip(): value}
    return out


_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


def _from_text(setting: Setting, text: str) -> Any:
    """``text`` as a value of ``setting``; a text its type cannot read is refused in the
    words :func:`validate_settings` uses for any wrong value."""
    if setting.type is str:
        return text
    lowered = text.lower()
    if lowered in ("", "none"):
        return None
    if setting.type is bool and lowered in _TRUE + _FALSE:
        return lowered in _TRUE
    if setting.type is not bool:
        for number in (int, float):
            try:
                return number(text)
            except ValueError:
                pass
    return _scalar(setting, text)  # raises: a number, or true or false, was meant


def need_notices(checks: Iterable[Check], available: Iterable[str],
                 ctx: CheckContext | None = None) -> list[str]:
    """One notice for each need of ``checks`` that is not among ``available`` (naming every
    check that lacks it), and one for each check that says it cannot judge ``ctx``."""
    have = set(available)
    lacking: dict[str, list[str]] = {}  # what is missing -> the checks it kept from running
    notices: list[str] = []  # a need's notice stands where its first check would have
    for check in checks:
        missing = sorted(set(check.needs) - have)
        if missing:
            what = " and ".join(NEED_NAMES.get(m, m) for m in missing)
            if what not in lacking:
                notices.append(what)
            lacking.setdefault(what, []).append(check.id)
        elif ctx is not None and (why := check.unavailable(ctx)):
            notices.append(f"The {check.id} check did not run: {why}.")
    for index, text in enumerate(notices):
        ids = lacking.get(text)
        if ids and len(ids) == 1:
            notices[index] = f"The {ids[0]} check did not run: it needs {text}."
        elif ids:
            named = ", ".join(ids[:-1]) + f" and {ids[-1]}"
            notices[index] = f"The {named} checks did not run: they need {text}."
    return notices


def describe(setting: Setting) -> str:
    """One line: name, type, default and what it does (for help texts and error messages)."""
    kind = setting.type.__name__
    if setting.keys:
        kind += f" (or one per {setting.keyed_by or 'key'})"
    bounds = _bounds(setting)
    none = f"; None: {setting.off}" if setting.off else ""
    return (f"{setting.name} ({kind}{bounds}, default {_shown(setting.default)}{none}): "
            f"{setting.help}")


def _unknown(name: Any, known: dict[str, Setting]) -> str:
    close = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
    hint = f" Did you mean {close[0]}?" if close else ""
    return f"Unknown setting {str(name)!r}: no check reads it.{hint}"


def _typed(setting: Setting, value: Any) -> Any:
    if value is None:
        if setting.off:
            return None
        raise SettingError(f"Setting {setting.name} cannot be empty: it must be "
                           f"{_expected(setting)}.")
    if setting.keys and isinstance(value, dict):
        out = {}
        for key, one in value.items():
            if key not in setting.keys:
                raise SettingError(
                    f"Setting {setting.name}: {_shown(key)} is no {setting.keyed_by or 'key'} "
                    f"of it (one of {', '.join(setting.keys)}).")
            out[key] = _scalar(setting, one)
        return {**setting.default, **out}  # the keys not given keep their defaults
    return _scalar(setting, value)


def _scalar(setting: Setting, value: Any) -> Any:
    kind = setting.type
    wrong = SettingError(f"Setting {setting.name} must be {_expected(setting)}, "
                         f"not {_shown(value)}.")
    if kind is bool:
        if not isinstance(value, bool):
            raise wrong
        return value
    if kind is str:
        if not isinstance(value, str):
            raise wrong
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise wrong
    if not math.isfinite(value):
        raise wrong
    if kind is int:
        if isinstance(value, float) and not value.is_integer():
            raise wrong
        value = int(value)
    else:
        value = float(value)
    low, high = setting.minimum, setting.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        raise SettingError(f"Setting {setting.name} must be {_expected(setting)}, not "
                           f"{_shown(value)}.")
    return value


def _expected(setting: Setting) -> str:
    kind = {int: "a whole number", float: "a number", bool: "true or false",
            str: "a text"}[setting.type]
    if setting.keys:
        kind += f" (or one per {setting.keyed_by or 'key'}: {', '.join(setting.keys)})"
    return kind + _bounds(setting) + (" or None" if setting.off else "")


def _bounds(setting: Setting) -> str:
    low, high = setting.minimum, setting.maximum
    if low is not None and high is not None:
        return f" from {_shown(low)} to {_shown(high)}"
    if low is not None:
        return f" of at least {_shown(low)}"
    if high is not None:
        return f" of at most {_shown(high)}"
    return ""


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return repr(value[:40] + ("…" if len(value) > 40 else ""))
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"
