"""Acting on flags from their rows: dismiss, restore, ignore a check for one term (never one
click: a confirmation says what stops being flagged, and where) and the ignore rules in force,
each with a button that lifts it."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_components.state import current_document, keep, rules_store, store
from compare.dismissals import EVERYWHERE, may_ignore_everywhere
from compare.review import plain

SCOPE_DOCUMENT = "This document only"
SCOPE_EVERYWHERE = "Every document"
# Checks whose flag is a sentence or a passage judged on its own, never a term to ignore.
WHOLE_SENTENCE_CHECKS = frozenset({"omission", "addition", "low-similarity", "meaning-shift",
                                   "omitted-passage"})


# --------------------------------------------------------------------------- callbacks
def dismiss(key: str) -> None:
    s = store()
    keep(lambda: s.dismiss(key), "dismissed", s)


def restore(key: str) -> None:
    s = store()
    keep(lambda: s.restore(key), "dismissed", s)


def ask_ignore(check: str, term: str, category: str) -> None:
    """An ignore rule is never one click: this opens its confirmation (scope, what stops)."""
    st.session_state["pending_rule"] = {"check": check, "term": term, "category": category}


def confirm_ignore() -> None:
    pending = st.session_state.pop("pending_rule", None)
    if not pending:
        return
    everywhere = (st.session_state.get("rule_scope") == SCOPE_EVERYWHERE
                  and may_ignore_everywhere(pending["category"]))
    scope = EVERYWHERE if everywhere else current_document()
    r = rules_store()
    keep(lambda: r.add(pending["check"], pending["term"], scope), "ignore_rules", r)


def cancel_ignore() -> None:
    st.session_state.pop("pending_rule", None)


def lift_rule(check: str, term: str, scope: str = EVERYWHERE) -> None:
    r = rules_store()
    keep(lambda: r.remove(check, term, scope), "ignore_rules", r)


def lift_rule_of(check: str, term: str) -> None:
    """Lift every rule that covers this (check, term) in the document on the page."""
    here = current_document()
    for c, t, scope in list(st.session_state["ignore_rules"]):
        if (c, t) == (check, term) and scope in (EVERYWHERE, here):
            lift_rule(c, t, scope)


# --------------------------------------------------------------------------- page parts
def flag_actions_section(page: list) -> None:
    """Dismiss, restore or ignore-everywhere, for each flag of the rows on the page."""
    flagged = [r for r in page if r.flags]
    with st.expander(f"Act on the flags of the rows shown ({sum(len(r.flags) for r in flagged)})",
                     expanded=st.session_state.get("actions_open", True)):
        if not flagged:
            st.caption("No flag in the rows shown.")
        for row in flagged:
            for rf in row.flags:
                c1, c2, c3 = st.columns([6, 1.2, 2.2])
                state = (" (ignored by a rule)" if rf.by_rule else
                         " (dismissed)" if rf.dismissed else "")
                c1.markdown(plain(f"#{row.index + 1} {rf.flag.severity}{state}: "
                                  f"{rf.flag.message}"))
                if rf.by_rule:
                    c3.button("Lift the ignore rule", key=f"lift_{rf.key}",
                              on_click=lift_rule_of, args=rf.rule,
                              help="Flags of this check on this text come back.")
                elif rf.dismissed:
                    c2.button("Restore", key=f"restore_{rf.key}", on_click=restore,
                              args=(rf.key,))
                else:
                    c2.button("Dismiss", key=f"dismiss_{rf.key}", on_click=dismiss,
                              args=(rf.key,),
                              help="It stays dismissed for this same text, also after a "
                                   "restart.")
                    if _ignorable(rf):
                        c3.button(f"Ignore “{_short(rf.excerpt)}”…",
                                  key=f"ignore_{rf.key}", on_click=ask_ignore,
                                  args=(*rf.rule, rf.flag.category),
                                  help=f"Stop flagging {rf.flag.check} on this text: asks "
                                       "where first.")
        rules_section()


def confirm_section() -> None:
    """The confirmation of an ignore rule: what stops being flagged, and where."""
    pending = st.session_state.get("pending_rule")
    if not pending:
        return
    with st.container(border=True, key="rule_confirm"):
        st.markdown(plain(f"Stop flagging **{pending['check']}** on “{pending['term']}”?"))
        if may_ignore_everywhere(pending["category"]):
            scope = st.radio("Where", [SCOPE_DOCUMENT, SCOPE_EVERYWHERE], key="rule_scope",
                             horizontal=True)
        else:
            st.session_state["rule_scope"] = SCOPE_DOCUMENT
            scope = SCOPE_DOCUMENT
            st.caption(plain(f"A {pending['category']} flag's text is the check itself (a "
                             "negation, a number, a mark): such a rule covers this document "
                             "only, never every document."))
        where = ("in this document" if scope == SCOPE_DOCUMENT else
                 "in every document you check from now on")
        st.warning(plain(f"No {pending['check']} flag on “{pending['term']}” will be shown "
                         f"{where}, until you lift the rule (Ignore rules in force)."))
        c1, c2 = st.columns(2)
        c1.button("Ignore", type="primary", key="rule_confirm_yes", on_click=confirm_ignore)
        c2.button("Cancel", key="rule_confirm_no", on_click=cancel_ignore)


def rules_section() -> None:
    """Every ignore rule in force, with its scope and a button that lifts it."""
    rules = sorted(st.session_state["ignore_rules"])
    if not rules:
        return
    here = current_document()
    st.markdown(f"**Ignore rules in force ({len(rules)})**")
    for n, (check, term, scope) in enumerate(rules):
        c1, c2 = st.columns([6, 2])
        where = ("every document" if scope == EVERYWHERE else
                 "this document" if scope == here else "another document")
        c1.markdown(plain(f"{check} on “{term}” — {where}"))
        c2.button("Lift", key=f"lift_rule_{n}", on_click=lift_rule, args=(check, term, scope))


def _ignorable(rf: Any) -> bool:
    """Whether "ignore this check for this term everywhere" makes sense: a term, not a whole
    sentence (an unpaired or dissimilar sentence, or a passage left out, is judged on its own,
    never as a term)."""
    term = " ".join(rf.excerpt.split())
    return bool(term) and len(term) <= 60 and rf.flag.check not in WHOLE_SENTENCE_CHECKS


def _short(text: str, most: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"
