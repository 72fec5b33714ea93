"""The two texts' languages, detected in a child process while the CLI loads its models
(issue 25: the cold start of ``python -m compare check``).

Detecting the languages is pure Python (langdetect reads its 55 language profiles, about 0.3 s;
lingua loads its models for a short Cyrillic text, about 1 s), and so is most of importing
torch and building the models: in one process they run one after the other, the GIL allowing
no overlap, while the second core waits. A child process finds them on that core
meanwhile, with :func:`compare.langid.text_languages`, the function the pipeline calls, on the
same texts: each side's language and the paragraphs that look like another language (which
asks langdetect again where a paragraph's letters hint at one, so the parent would load the
profiles after all). The CLI hands the answer to the pipeline (``check_texts(...,
detected=...)``), so the report is the one the pipeline gives finding them itself. Whatever
goes wrong in the child (a text in no supported language included) gives no answer, and the
pipeline finds them in process as before, raising the same error.

Hand-written: a few lines of :mod:`subprocess`, :mod:`pickle` (the texts, parent to child)
and :mod:`json` (the answer, child to parent) between two copies of this package (the child is
started with this package's folder on its path, so it runs the same code), where
:mod:`multiprocessing` would re-run the CLI's ``__main__`` in the child.
"""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import weakref
from pathlib import Path
from typing import Any

# The longest the CLI waits for the child's answer before detecting in process itself: far
# more than detection takes on the largest input the CLI reads (a few seconds).
WAIT_SECONDS = 120.0


class LanguagesAhead:
    """A child process detecting the languages of ``target`` and ``source`` (InputText), with
    the user's ``source_lang`` ("auto", "ru" or "kk"), from the moment it is created."""

    def __init__(self, target: Any, source: Any, source_lang: str = "auto") -> None:
        package_parent = str(Path(__file__).resolve().parent.parent)
        code = (f"import sys; sys.path.insert(0, {package_parent!r}); "
                "from compare.languages_ahead import _child_main; _child_main()")  # fmt: skip
        self._process: subprocess.Popen | None = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        # Stopped and reaped once its answer is read, or when this object or the interpreter
        # goes (the CLI failed before it needed the answer).
        self.close = weakref.finalize(self, _stop, self._process)
        request = (target.text, target.paragraphs, source.text, source.paragraphs, source_lang)
        try:
            # The child reads all of it before anything else: the write waits only for its
            # interpreter to start, where a text is longer than the pipe's buffer.
            self._process.stdin.write(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
            self._process.stdin.close()
        except OSError:
            self.close()

    def result(self) -> Any:
        """The child's :class:`compare.langid.TextLanguages` for the pipeline's ``detected``;
        None (the pipeline finds them itself) when it gave no answer."""
        from compare.langid import TextLanguages

        process, self._process = self._process, None
        if process is None or not self.close.alive:
            return None
        try:
            # The answer is a few bytes, far below the pipe's buffer: the child never waits on
            # its write, so waiting for its exit first cannot deadlock.
            returncode = process.wait(timeout=WAIT_SECONDS)
            answer = json.loads(process.stdout.read()) if returncode == 0 else None
        except (subprocess.TimeoutExpired, OSError, ValueError):  # ValueError: not JSON
            answer = None
        finally:
            self.close()
        if not (isinstance(answer, list) and len(answer) == 4
                and all(isinstance(lang, str) and lang for lang in answer[:2])
                and all(isinstance(mixed, list) and all(type(n) is int for n in mixed)
                        for mixed in answer[2:])):  # fmt: skip
            return None
        return TextLanguages(*answer)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


def detect_languages_ahead(target: Any, source: Any, source_lang: str,
                           threads: int | None) -> LanguagesAhead | None:  # fmt: skip
    """A :class:`LanguagesAhead` where it can help: a source to check (the models load only
    then) and more than one thread allowed (on one core the child would only compete with the
    model loading). None otherwise, or where no child process can be started."""
    if source is None or not threads or threads < 2 or not sys.executable:
        return None
    try:
        return LanguagesAhead(target, source, source_lang)
    except OSError:
        return None


def _child_main() -> None:
    """The child: read the request, answer with what it found (JSON), or exit 1 on any
    error."""
    request = sys.stdin.buffer.read()
    from compare.langid import text_languages

    try:
        target_text, target_paragraphs, source_text, source_paragraphs, source_lang = (
            pickle.loads(request)
        )
        found = text_languages(target_text, target_paragraphs, source_text, source_paragraphs,
                               source_lang=source_lang)  # fmt: skip
        answer = [found.target, found.source, found.target_mixed, found.source_mixed]
    except Exception:  # noqa: BLE001 - the parent detects in process and reports any error
        sys.exit(1)
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
