"""Data files (word lists, gazetteers, numeral tables), installed as package data.

This folder is mapped to the import package ``pipeline.gazetteers`` in
``pyproject.toml`` so that the files are found from a wheel in any directory.
Load them through :func:`pipeline.data.load`, never by path.
"""
