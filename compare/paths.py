"""Which options name the same file: an output written over an input (``--json`` given the
English file's name) or two outputs on one path (``--json X --csv X``) would lose a file, so
the command line refuses them with one line before it does any work.

Two names are the same file when they lead to the same inode (a link, a hard link, ``./a`` and
``a``), or, for a file not made yet, when they resolve to the same path. Devices and pipes
(``/dev/stdout``) are written into, never replaced, so they never clash; nor does ``-``
(standard output) or an empty value (an option switched off).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping

from compare.errors import InputError

Identity = tuple[object, ...]


def file_identity(path: str | os.PathLike[str]) -> Identity | None:
    """What names one file: (device, inode) when it exists, else its resolved path; None for
    a device, a pipe or a path that cannot name a file (a NUL byte)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        try:
            return ("path", os.path.realpath(path))
        except (OSError, ValueError):
            return None
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return None
    return ("inode", info.st_dev, info.st_ino)


def refuse_shared_paths(
    written: Mapping[str, str | os.PathLike[str] | None],
    read: Mapping[str, str | os.PathLike[str] | None],
) -> None:
    """Raise :class:`InputError` when an option in ``written`` names the same file as another
    option of ``written`` or ``read`` (keys are the option names shown to the user, values
    their paths; None, "" and "-" are left out). Two inputs may share a file."""
    seen: list[tuple[str, str, Identity, bool]] = []
    for is_output, options in ((True, written), (False, read)):
        for option, value in options.items():
            if value is None or str(value) in ("", "-"):
                continue
            identity = file_identity(value)
            if identity is None:
                continue
            for other, other_value, other_identity, other_is_output in seen:
                if identity != other_identity or not (is_output or other_is_output):
                    continue
                if is_output and other_is_output:
                    raise InputError(
                        f"{other} and {option} both name {other_value}: one would "
                        "overwrite the other; give each its own file name."
                    )
                out, out_value, src = (
                    (option, value, other) if is_output else (other, other_value, option)
                )
                raise InputError(
                    f"{out} {out_value} is the {src} file: writing there would "
                    f"overwrite it; give {out} another file name."
                )
            seen.append((option, str(value), identity, is_output))
