"""The parts of the app's "Check a translation" page, one job a module.

``streamlit_app.py`` wires them; each module draws one part of the page (or holds what several
parts share) and reaches the library only through plain data: the settings widgets produce
:data:`compare.app_run.DEFAULT_SETTINGS`-shaped dicts, and the report lives in
``st.session_state``. This package imports Streamlit, which is why it sits beside the app and not
inside :mod:`compare` (the library, the CLI and corpus runs never need Streamlit).

* :mod:`.models`: the sentence model and the meaning model, loaded once per server.
* :mod:`.state`: what the page keeps between reruns (dismissals, ignore rules, glossary).
* :mod:`.settings`: the settings sidebar.
* :mod:`.inputs`: the demo buttons and the input section.
* :mod:`.checking`: one press of Check, with its progress.
* :mod:`.later`: the meaning scores filling in after the first look, and how far they got.
* :mod:`.summary`: the counts and "Read these first".
* :mod:`.table`: the side-by-side table with its filters, search and paging.
* :mod:`.flag_actions`: dismiss, restore, ignore (with its confirmation) and the rules in force.
* :mod:`.glossary_box`: the user's glossary.
* :mod:`.corrections`: merge, split and move sentences.
* :mod:`.details`: the details of one pair.
* :mod:`.downloads`: the exports.
* :mod:`.style`: the page's own style sheets.
"""
