"""compare: a translation-fidelity checker for English translations of Russian and Kazakh texts.

The package is a pipeline of small stages, each a function from plain data to plain data:

    reading -> langid -> segment -> align -> checks -> report

Models (the sentence embedder, later the translator) are built by the caller and passed in;
nothing heavy happens at import time.
"""

__version__ = "0.4.0"

SUPPORTED_SOURCE_LANGS = ("ru", "kk")
SUPPORTED_LANGS = ("en", "ru", "kk")
