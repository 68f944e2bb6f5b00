"""The expected answers of each chapter's exercises, one module per chapter (``chNN.py``), as code.

``zkedu.booktools.check`` imports a chapter's module the first time one of its exercises is checked.
"""
