"""Which program made a result: a fingerprint of the package's behaviour.

``__version__`` says which release a result came from, but a lexicon entry or a threshold can
change between releases, and a resumed corpus run would then mix two rule sets in one table.
The fingerprint is a hash of every code and data file of the package (the checks, their word
lists, the risk model, the meaning model's configuration); the meaning model's weights and the
embedder are named apart in the signature. It goes into every report's signature and into each
corpus document's input hash, so a changed program re-checks what it would judge differently.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = {".py", ".json", ".csv", ".tsv", ".txt", ".toml"}


@lru_cache(maxsize=1)
def behaviour_fingerprint() -> str:
    """The first 12 hex digits of a SHA-256 over the package's code and data files (relative
    path and bytes, in path order), computed once a process."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if (not path.is_file() or path.suffix not in _SUFFIXES
                or "__pycache__" in path.parts):  # fmt: skip
            continue
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\x00")
        digest.update(path.read_bytes() + b"\x00")
    return digest.hexdigest()[:12]
