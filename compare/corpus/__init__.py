"""Corpus mode: check many article pairs from a manifest, store results, compare groups.

``manifest`` reads and validates the CSV list of pairs, ``runner`` checks every pair (in
parallel, resumable, into SQLite) and ``stats`` turns a results file into per-group figures
with bootstrap confidence intervals. The per-document work is the pure function
:func:`compare.corpus.worker.process_document`, so another engine can distribute it (the
local process pool of ``executors``, Ray actors in ``ray_engine``); ``store`` is the SQLite
results file.
"""
