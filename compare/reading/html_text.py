"""The text of a web page: its main text (trafilatura), checked against a markup-free copy.

libxml2 may silently drop a part of a page (nesting too deep, broken markup), which would be
reported as omissions: the words of the parse are compared with those of the page with its
markup simply stripped (in linear time), and the stripped text is used, with a note, when the
parse lost a part. A page with too many elements for main-text extraction in reasonable time
gives all its visible text, with a note.
"""

from __future__ import annotations

import re

from compare.errors import InputError


def page_text(html: str, name: str) -> tuple[str, list[str]]:
    """The main text of a web page (trafilatura), or all visible text when that finds none.

    The page is parsed once with libxml2's deep-tree option (its default parser silently drops
    everything nested deeper than 255 elements, and so would report false omissions). The
    words of the parse are compared with the words left when the markup is simply stripped:
    when the parse lost a part (nesting beyond even the deep-tree limit, broken markup), the
    stripped text is used instead, and a note says so.
    """
    import lxml.etree
    import lxml.html

    notes: list[str] = []
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:  # "Document is empty" and the like
        raise InputError(f"{name} could not be read as a web page: {exc}.") from exc
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    visible = "\n".join(t.strip() for t in tree.itertext() if t.strip())
    stripped = markup_free_text(html)
    parsed_words, all_words = len(_WORDS.findall(visible)), len(_WORDS.findall(stripped))
    lost = all_words - parsed_words
    if lost > max(HTML_LOST_WORDS, HTML_LOST_SHARE * all_words):
        notes.append(
            f"Part of the page could not be parsed ({lost} of its {all_words} words; it is "
            f"nested {_nesting_hint(tree)} or its markup is broken): all its text was read "
            "by removing the markup, menus and footers included; check the text."
        )
        return stripped, notes
    elements = sum(1 for _ in tree.iter())
    if elements > HTML_MAX_EXTRACT_ELEMENTS:
        notes.append(
            f"The page has {elements:,} elements, too many to separate its main text from menus "
            "and footers in reasonable time: all its visible text was read; check the text."
        )
        return visible, notes
    text = ""
    try:
        import trafilatura

        text = trafilatura.extract(
            tree, output_format="txt", include_comments=False, include_tables=True,
            favor_recall=True,
        ) or ""
    except ImportError:  # pragma: no cover - a dependency of the project
        text = ""
    except RecursionError:
        text = ""
    return (text if text.strip() else visible), notes


# Words a parse may miss (odd entities, broken markup around a word) before the page's text is
# taken from the markup-free copy instead: more than this many and this share of them.
HTML_LOST_WORDS, HTML_LOST_SHARE = 5, 0.05
# Main-text extraction (trafilatura) takes about 0.1 ms and 1 KB per element: a page of 600,000
# tiny elements (inside the 5 MB limit) took 61 s and 750 MB. Real article pages have a few
# thousand; beyond this many, all visible text is read instead.
HTML_MAX_EXTRACT_ELEMENTS = 50_000
_WORDS = re.compile(r"\w+")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*)[^<>]*>|<!--")
_HTML_HIDDEN = ("script", "style", "noscript", "template")
_HTML_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul title".split()
)


def markup_free_text(html: str) -> str:
    """The page's text with tags, comments, scripts and styles removed, in linear time
    (no backtracking pattern runs across the whole page)."""
    import html as html_module

    lower = html.lower()
    out: list[str] = []
    pos, end = 0, len(html)
    while pos < end:
        m = _HTML_TAG.search(html, pos)
        if m is None:
            out.append(html[pos:])
            break
        out.append(html[pos : m.start()])
        if m.group(0) == "<!--":
            close = html.find("-->", m.end())
            pos = end if close < 0 else close + 3
            continue
        tag = m.group(2).lower()
        pos = m.end()
        if not m.group(1) and tag in _HTML_HIDDEN:
            close = lower.find(f"</{tag}", pos)
            pos = end if close < 0 else close
            continue
        out.append("\n" if tag in _HTML_BLOCKS else " ")
    lines = (" ".join(line.split()) for line in html_module.unescape("".join(out)).split("\n"))
    return "\n".join(line for line in lines if line)


def _nesting_hint(tree) -> str:
    import lxml.etree

    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return f"at least {deepest} elements deep" if deepest > 200 else "deeply"
