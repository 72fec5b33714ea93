r"""What a "word" is, in one place: the word patterns the checks and the meaning model share.

Each pattern is a different answer on purpose, and each module that needs words takes one of
these instead of writing its own:

- :data:`LETTERS`: a run of letters, nothing else. Numbers are read apart
  (:mod:`compare.number_mentions`), so their letters around them must not swallow digits; the
  antonym lexicon and the antonym-vector check look words up by their letters only.
- :data:`WITH_NEGATIVE_CONTRACTION`: letters, with an English "n't" kept on its verb ("didn't"
  is one word that negates), for counting negations (:mod:`compare.negations`).
- :data:`WITH_APOSTROPHES_AND_HYPHENS`: a word that starts with a letter and keeps its digits,
  apostrophes and hyphens ("Jay-Z", "O'Neill", "COVID-19"), for counting the words of a
  quotation (:mod:`compare.checks.framing`).
- :data:`TERM_WORD`: a glossary term's word: dotted initials ("U.S."), letters with inner
  apostrophes, or a number (:mod:`compare.glossary`).
- :data:`MODEL_WORD`: the meaning model's words: letters, marks and digits with inner
  apostrophes, and every other non-space character a word of its own (punctuation carries
  meaning for the model), as it was trained (:mod:`compare.qe.encoding`).

Two patterns stay where they are because they are not about words in general: the untranslated
check's words of one script (a Cyrillic or a Latin word, :mod:`compare.checks.untranslated`)
and the web-page reader's count of ``\w+`` to tell text from boilerplate
(:mod:`compare.reading.html_text`).

razdel (the segmenter's library) tokenises Russian well, but its tokens differ from these in
the very places the checks care about (it splits "didn't" and keeps "COVID-19" whole but also
"5-2"), so the checks keep their patterns; this module only makes them one set, named.
"""

from __future__ import annotations

import regex

LETTERS = regex.compile(r"\p{L}+")
WITH_NEGATIVE_CONTRACTION = regex.compile(r"\p{L}+(?=n['’]t)n['’]t|\p{L}+")
WITH_APOSTROPHES_AND_HYPHENS = regex.compile(r"\p{L}[\p{L}\p{N}'’-]*")
TERM_WORD = regex.compile(r"(?:\p{Lu}\.){2,}|\p{L}+(?:['’]\p{L}+)*|\d+")
MODEL_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}]")
