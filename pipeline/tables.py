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

from .models import ITEM_LISTS, Clause, Document, Metadata


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


# --------------------------------------------------------------------------- column types

def _column_type(prop: dict) -> str:
    """The Parquet column type of one JSON-schema property: ``string`` / ``int64`` /
    ``float64`` / ``bool``; arrays, objects and nested models are JSON strings (``_flat``)."""
    kinds = {o.get("type") for o in prop.get("anyOf", [prop])} - {"null"}
    if kinds == {"integer"}:
        return "int64"
    if kinds == {"number"} or kinds == {"integer", "number"}:
        return "float64"  # money and fractions: exact in the JSON outputs, float here
    if kinds == {"boolean"}:
        return "bool_"
    return "string"


def _model_columns(model, exclude: set[str] = frozenset()) -> dict[str, str]:
    props = model.model_json_schema()["properties"]
    return {name: _column_type(prop) for name, prop in props.items() if name not in exclude}


def columns(table: str) -> dict[str, str]:
    """Every column of a run table with its type, fixed by the models, so that a table has
    the same schema in every run, whatever its rows hold (an all-null column stays typed,
    an empty table keeps its columns)."""
    if table == "documents":
        meta = _model_columns(Metadata)
        return {"doc_id": "string", "source": "string", "sha256": "string", "format": "string",
                "encoding": "string", "chars": "int64", **meta, "cited_documents": "string",
                **{f"n_{name}": "int64" for name in ("clauses", *ITEM_LISTS)}}
    if table == "clauses":
        return {"doc_id": "string", **_model_columns(Clause, {"sentences"}), "sentences": "int64"}
    model = Document.model_fields[table].annotation.__args__[0]  # list[Amount] -> Amount
    return {**_model_columns(model), "sentence": "string"}
