"""What the command line writes to a terminal: text with its control characters shown as
escapes (a report's text is the user's, and may hold anything), and the pipeline's progress on
one line rewritten in place."""

from __future__ import annotations

import re

# C0 and C1 control characters (ESC starts ANSI and OSC sequences) and the bidirectional
# overrides that can make text read in another order than it is stored ("Trojan source").
_UNSAFE_FOR_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown escaped (``\\x1b``), newlines and tabs
    kept: excerpts of a file printed to a terminal must not drive the terminal."""
    return _UNSAFE_FOR_TERMINAL.sub(lambda m: ascii(m.group())[1:-1], text)


class StageLine:
    """The pipeline's progress on one terminal line of ``stream`` ("aligning: Embedding
    sentences: 3,072 of 48,210 ..."), rewritten in place and cleared at the end. Silent when
    ``stream`` is not a terminal, so logs and pipes get no control characters."""

    def __init__(self, stream) -> None:  # noqa: ANN001 - any text stream
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.width = 0

    def __call__(self, stage: str, message: str) -> None:
        if not self.live:
            return
        line = terminal_safe(f"{stage}: {message}")[:100]
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
