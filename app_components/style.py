"""The page's own style sheets (no user text ever goes into them)."""

from __future__ import annotations

# Filter chips in a quiet grey (Streamlit paints them in its alarm red), small enough to fit
# the nine categories on one line; the focused row of "Next flag" outlined.
CHIP_CSS = """<style>
.stMultiSelect [data-tag],.stMultiSelect [data-baseweb="tag"]{background-color:#e8eaf0 !important;
color:#222 !important;margin:1px 2px !important}
.stMultiSelect [data-tag] span,.stMultiSelect [data-tag] button{color:#222 !important}
table.pairs tr.focus td{outline:2px solid #4a6ee0;outline-offset:-2px}
</style>"""


# Button and checkbox labels wrap instead of ending in "…": at 1,024 px with the sidebar open,
# "Previous page", "Load demo: Russian → English" and "Ignore “…”" were cut to a few letters.
WRAP_LABELS_CSS = """<style>
button .stMarkdownEllipsis,label .stMarkdownEllipsis,button .stMarkdownEllipsis p,
label .stMarkdownEllipsis p{white-space:normal !important;text-overflow:clip !important;
overflow:visible !important;overflow-wrap:break-word}
</style>"""
