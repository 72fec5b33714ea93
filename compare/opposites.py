"""English words and their opposites (rise/fall, win/lose, possible/impossible...).

General English, written for this project and not fitted to any corpus. Two users: the synthetic
antonym errors of :mod:`compare.qe.synthetic` (which split the pairs into a training part and a
held-out quarter) and the ``antonym-vector`` check (:mod:`compare.checks.antonym_vectors`),
which reads all of them. Kept apart from both because it is data that both share.
"""

from __future__ import annotations

_TEXT = """
increase decrease|increased decreased|increases decreases|increasing decreasing
rise fall|rose fell|rising falling|rises falls|risen fallen
up down|higher lower|high low|more less|most least|many few|largest smallest
large small|big small|bigger smaller|biggest smallest|long short|longer shorter
win lose|won lost|wins loses|winning losing|winner loser|victory defeat
accept reject|accepted rejected|approve reject|approved rejected|allow forbid|allowed banned
open close|opened closed|opening closing|start end|started ended|begin finish|began ended
before after|earlier later|early late|first last|past future|old new|older newer|young old
good bad|better worse|best worst|positive negative|success failure|successful unsuccessful
strong weak|stronger weaker|rich poor|cheap expensive|easy difficult|easier harder
safe dangerous|legal illegal|possible impossible|likely unlikely|able unable|known unknown
true false|right wrong|correct incorrect|agree disagree|agreed refused|support oppose
supported opposed|buy sell|bought sold|import export|imports exports|gain loss|profit loss
north south|east west|northern southern|eastern western|left right|inside outside
above below|over under|upper lower|top bottom|front back|near far|always never|everyone no-one
all none|everything nothing|some none|full empty|same different|similar different
increase cut|raised lowered|raise lower|hot cold|warm cold|wet dry|light dark|day night
love hate|friend enemy|peace war|arrive leave|arrived left|enter exit|entered left
include exclude|included excluded|add remove|added removed|join leave|joined left
attack defend|guilty innocent|public private|internal external|domestic foreign
maximum minimum|majority minority|often rarely|usually rarely|quickly slowly|fast slow
ancient modern|heavy light|thick thin|deep shallow|wide narrow|alive dead|live die
cheaper dearer|lowest highest|worst best|least most|fewer more|smaller larger|weaker stronger
lose find|lost found|lend borrow|give take|gave took|send receive|sent received|teach learn
push pull|rich poor|sick healthy|clean dirty|quiet loud|soft hard|sharp blunt|sweet bitter
true false|present absent|permanent temporary|simple complex|visible invisible|formal informal
ally enemy|employer employee|parent child|husband wife|king queen|men women|boys girls
asleep awake|tight loose|raw cooked|rural urban|minor major|optional compulsory|junior senior
import export|inhale exhale|ascend descend|expand shrink|expanded shrank|strengthen weaken
forget remember|forgot remembered|hide show|hid showed|ignore notice|ignored noticed
punish reward|punished rewarded|praise criticise|praised criticised|deny confirm|denied confirmed
"""

OPPOSITE_PAIRS: list[tuple[str, str]] = [
    (pair[0], pair[1])
    for line in _TEXT.split("\n")
    for pair in (chunk.split() for chunk in line.split("|"))
    if len(pair) == 2
]
"""Every (word, opposite) pair of the list, in its order (a word may be in several pairs)."""


def opposites() -> dict[str, tuple[str, ...]]:
    """Lower-cased word -> its opposites, over all pairs, in the order of the list."""
    table: dict[str, tuple[str, ...]] = {}
    for a, b in OPPOSITE_PAIRS:
        for word, other in ((a, b), (b, a)):
            if other not in table.get(word, ()):
                table[word] = (*table.get(word, ()), other)
    return table
