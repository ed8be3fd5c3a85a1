"""Flat rows of a document for the run's tables (JSONL and Parquet).

Scalars stay columns; nested values (paths, predicates, condition trees,
agency references) are JSON-encoded strings so that every table has a fixed
set of plain columns.  Each item row carries the sentence it was found in, so
an analyst reading a table or a diff sees the source beside the item.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator

from .models import ITEM_LISTS, Document


def _flat(record: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False, sort_keys=True)
            if isinstance(v, (dict, list)) else v for k, v in record.items()}


class SentenceIndex:
    """Finds the sentence around an offset in a document."""

    def __init__(self, doc: Document):
        spans = sorted((s.start, s.end) for c in doc.clauses for s in c.sentences)
        self._starts = [s for s, _ in spans]
        self._spans = spans
        self._text = doc.text

    def sentence(self, offset: int) -> str | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._spans[i][0] <= offset < self._spans[i][1]:
            s, e = self._spans[i]
            return self._text[s:e]
        return None


def rows(doc: Document) -> Iterator[tuple[str, dict]]:
    meta = doc.metadata.model_dump(mode="json", exclude={"cited_documents"})
    yield "documents", _flat({
        "doc_id": doc.doc_id, "source": doc.source, "sha256": doc.sha256, "format": doc.format,
        "encoding": doc.encoding, "chars": len(doc.text), **meta,
        "cited_documents": [c.title for c in doc.metadata.cited_documents],
        **{f"n_{name}": len(getattr(doc, name)) for name in ("clauses", *ITEM_LISTS)},
    })
    for c in doc.clauses:
        row = c.model_dump(mode="json", exclude={"sentences"})
        yield "clauses", _flat({"doc_id": doc.doc_id, **row, "sentences": len(c.sentences)})
    index = SentenceIndex(doc)
    for name in ITEM_LISTS:
        for item in getattr(doc, name):
            row = item.model_dump(mode="json")
            row["sentence"] = index.sentence(item.start)
            yield name, _flat(row)
