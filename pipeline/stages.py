"""The document pipeline: ingest -> structure -> metadata -> extractors -> finalize.

Each extractor stage is the ``annotate(doc)`` function of a module under
:mod:`pipeline.extract`; :func:`finalize` then gives every item its id, the
document id and the clause that contains it.
"""

from __future__ import annotations

import bisect
import hashlib
import importlib
from pathlib import Path

from .errors import IngestError
from .ingest import read
from .metadata import extract_metadata
from .models import Clause, Document
from .structure import build_clauses, to_text

# Extractor modules in the order they run (later stages may read earlier lists).
STAGES: tuple[str, ...] = ("money", "quotas", "conditions", "agencies", "benefits")

STAGE_FAILED = "stage failed:"

_PREFIX = {"amounts": "a", "rates": "r", "quotas": "q", "conditions": "c", "agencies": "g",
           "benefits": "b"}


def _stage_functions():
    for name in STAGES:
        yield name, importlib.import_module(f"pipeline.extract.{name}").annotate


def build_document(path: Path, doc_id: str) -> Document:
    """Read and process one file into a complete :class:`Document`."""
    raw = read(path)
    sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    doc = _new_document(raw.text, doc_id, str(path), sha, raw.format, raw.encoding)
    if not doc.text.strip():
        raise IngestError(path, "no text found")
    return annotate(doc)


def document_from_text(text: str, doc_id: str = "doc", source: str = "<text>") -> Document:
    """Process a notice given as a string (as if read from a UTF-8 .txt file)."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return annotate(_new_document(text, doc_id, source, sha, "txt", "utf-8"))


def _new_document(raw: str, doc_id: str, source: str, sha: str, fmt: str,
                  encoding: str | None) -> Document:
    """The emitted text, its clause tree and metadata (a metadata failure is a warning)."""
    text = to_text(raw)
    clauses = build_clauses(doc_id, text)
    doc = Document(doc_id=doc_id, source=source, sha256=sha, format=fmt, encoding=encoding,
                   text=text, clauses=clauses)
    try:
        doc.metadata = extract_metadata(text, clauses)
    except Exception as exc:  # noqa: BLE001 - isolate like an extractor stage
        doc.warnings.append(f"{STAGE_FAILED} metadata: {type(exc).__name__}: {exc}")
    return doc


def annotate(doc: Document) -> Document:
    """Run every extractor stage over ``doc`` and finalize its items.

    A stage that fails on a document leaves its lists as they were and records a
    warning ``stage failed: …``; the other stages still run, so one bug never costs
    the whole document (the batch reports the document as partial).
    """
    for name, stage in _stage_functions():
        try:
            stage(doc)
        except Exception as exc:  # noqa: BLE001 - isolate a failing stage
            doc.warnings.append(f"{STAGE_FAILED} {name}: {type(exc).__name__}: {exc}")
    finalize(doc)
    return doc


def clause_at(clauses: list[Clause], starts: list[int], offset: int) -> Clause | None:
    """The innermost clause whose own span contains ``offset``."""
    i = bisect.bisect_right(starts, offset) - 1
    while i >= 0:
        c = clauses[i]
        if c.start <= offset < max(c.end, c.start + 1):
            return c
        i -= 1
    return None


def finalize(doc: Document) -> None:
    """Sort items by position; assign ``id``, ``doc_id`` and ``clause_id`` where unset."""
    ordered = sorted(doc.clauses, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    for name, prefix in _PREFIX.items():
        items = getattr(doc, name)
        items.sort(key=lambda it: (it.start, it.end))
        for n, item in enumerate(items):
            item.doc_id = doc.doc_id
            if not item.id:
                item.id = f"{doc.doc_id}:{prefix}{n}"
            if item.clause_id is None:
                clause = clause_at(ordered, starts, item.start)
                item.clause_id = clause.id if clause else None
    for group in doc.condition_groups:
        group.doc_id = doc.doc_id
