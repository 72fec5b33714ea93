"""Labels of headings and boxes that a translation may calque and run into the body text.

Russian and Kazakh news put background in a box headed «Справка» / «Анықтама» (often with the
outlet's name: «Справка EADaily»); word for word that becomes "Reference", "Help" or
"Certificate", which no English editor writes as a heading ("Background", "Fact box"). Found
run into a paragraph ("Reference EADaily. Mass protests began…"), the heading was both
calqued and merged into the text (the seed article's fourth defect).
"""

from __future__ import annotations

# English calques of the box labels; matched at the start of an English paragraph, followed by
# at most three capitalised words (the outlet: EADaily, TASS, ТАСС) and a full stop or colon.
# Not "Information" or "Background": English editors write those ("Background: …").
CALQUED_BOX_LABELS_EN = ("Reference", "For reference", "Help", "Certificate")

# The source labels they come from (shown in the message; matched when a source is given).
BOX_LABELS_SOURCE = {"ru": ("Справка", "Для справки"), "kk": ("Анықтама",)}

# Capitalised words that open an English sentence but never continue one: after a capitalised
# word and a space, followed by a lower-case word, they mark two paragraphs (a caption, a
# byline, a heading) run together without a stop: "President Kassym-Jomart Tokayev In an
# interview with…". "I" is left out (it is capitalised everywhere).
SENTENCE_OPENERS_EN = ("In", "On", "At", "As", "The", "According", "After", "Before", "During",
                       "For", "With", "He", "She", "They", "It", "This", "We", "His", "Her",
                       "Their")  # fmt: skip
