"""Errors raised for bad input; each names the file and the reason."""

from __future__ import annotations


class ZhengceError(Exception):
    """Base class of the errors the command line reports without a traceback."""


class IngestError(ZhengceError):
    """An input file that cannot be turned into a document."""

    def __init__(self, path: object, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DataError(ZhengceError):
    """A gazetteer / word-list file that fails validation."""
