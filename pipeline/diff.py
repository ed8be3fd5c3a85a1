"""What changed between two runs, or between two versions of one notice.

Items are matched by content, never by id or offset (offsets move when text is
edited).  For each item list the pairing runs in three passes over the items
still unpaired, each pairing equal keys in document order:

1. ``key``   -- same clause path and same normalised quote (NFKC, no whitespace),
   first within the same sentence, then anywhere in the clause;
2. ``quote`` -- same normalised quote in another clause (the text moved or the
   clauses were renumbered); the clause path is then reported as a change;
3. ``shape`` -- same clause path and the same quote once numerals are masked
   (``最高5万元`` / ``最高8万元``): an edited number is a change, not a removal
   plus an addition.

A pair is *changed* when its normalised fields differ; provenance (ids,
offsets, quotes, offset-based group ids) is ignored, and references to other
items (``amount_ids``, condition-group members ...) are compared through the
quotes of the items they point to.  Whatever stays unpaired is added or
removed.  Every reported item carries its clause path and the sentence it was
found in, taken from the version it comes from.

>>> _norm_quote(" 最高 ５万元 ")
'最高5万元'
>>> _shape("不超过10名"), _shape("不超过二十名")
('不超过#名', '不超过#名')
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Literal

import click
import regex
from pydantic import BaseModel, Field, PrivateAttr, ValidationError

from .errors import ZhengceError
from .models import ITEM_LISTS, Document
from .tables import SentenceIndex

_SPACE = regex.compile(
    r"""
    \s+                     # any run of white space (NFKC has already folded U+3000)
    """,
    regex.VERBOSE,
)
_NUMERAL = regex.compile(
    r"""
    [0-9.]+                 # Arabic digits and decimal point (after NFKC)
    (?:[零〇一二三四五六七八九十百千万亿两]+)?  # an optional Chinese multiplier tail: 1.5万
    | [零〇一二三四五六七八九十百千两]+      # a Chinese numeral: 二十, 一百五十
      (?:[万亿])?           # with its myriad unit
    | [壹贰叁肆伍陆柒捌玖拾佰仟]+           # 大写 numerals
    """,
    regex.VERBOSE,
)

# Fields that locate an item rather than describe it.
_PROVENANCE = frozenset({
    "id", "doc_id", "clause_id", "start", "end", "quote", "sentence_start", "sentence_end",
    "scope_start", "scope_end", "group", "anchor", "clause_path", "item_id",
})
# Fields holding ids of other items: compared through the quotes of those items.
_REFERENCES = frozenset({"amount_ids", "rate_ids", "quota_ids", "members", "modifies"})
# Fields shown on a "+"/"-" line of the human output (all fields are in --json).
_HEADLINE: dict[str, tuple[str, ...]] = {
    "amounts": ("value", "min", "max", "kind", "per", "frequency"),
    "rates": ("value", "kind", "base"),
    "quotas": ("count", "unit", "op", "kind", "period", "deadline_year", "subject", "tier"),
    "conditions": ("type", "canonical", "predicate", "negated", "honor_level"),
    "agencies": ("canonical", "role", "level", "generic"),
    "benefits": ("beneficiary", "instrument", "amount", "min", "max", "rate", "per",
                 "frequency", "total_cap"),
}


class DiffInputError(ZhengceError):
    """An argument of ``zhengce diff`` that is not a run directory or a document file."""


# --------------------------------------------------------------------------- result models


class FieldChange(BaseModel):
    field: str
    old: Any = None
    new: Any = None


class ItemRef(BaseModel):
    """One side of a reported item: where it is and what it says."""

    id: str
    start: int
    end: int
    quote: str
    clause_path: list[str] = Field(default_factory=list)
    sentence: str | None = None
    fields: dict[str, Any] = Field(default_factory=dict, description="normalised, flattened")
    _context: str = PrivateAttr("")  # the sentence without its clause label, normalised


class ItemChange(BaseModel):
    match: Literal["key", "quote", "shape"]
    old: ItemRef
    new: ItemRef
    changes: list[FieldChange]


class ListDiff(BaseModel):
    added: list[ItemRef] = Field(default_factory=list)
    removed: list[ItemRef] = Field(default_factory=list)
    changed: list[ItemChange] = Field(default_factory=list)

    def count(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


class DocDiff(BaseModel):
    old_doc_id: str
    new_doc_id: str
    metadata: list[FieldChange] = Field(default_factory=list)
    lists: dict[str, ListDiff] = Field(default_factory=dict)

    @property
    def has_changes(self) -> bool:
        return bool(self.metadata) or any(d.count() for d in self.lists.values())

    def totals(self) -> dict[str, int]:
        return {k: sum(len(getattr(d, k)) for d in self.lists.values())
                for k in ("added", "removed", "changed")}


class RunDiff(BaseModel):
    old: str
    new: str
    warnings: list[str] = Field(default_factory=list, description="e.g. fields ignored on load")
    added_documents: list[str] = Field(default_factory=list, description="only in the new run")
    removed_documents: list[str] = Field(default_factory=list, description="only in the old run")
    unchanged_documents: list[str] = Field(default_factory=list)
    documents: list[DocDiff] = Field(default_factory=list, description="those with differences")

    @property
    def has_changes(self) -> bool:
        return bool(self.added_documents or self.removed_documents or self.documents)


# --------------------------------------------------------------------------- normalising


def _norm_quote(quote: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", quote))


def _shape(quote: str) -> str:
    return _NUMERAL.sub("#", _norm_quote(quote))


def _flatten(record: dict, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in record.items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


class _View:
    """One document seen by the diff: quotes by id, clause paths, sentences."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.paths = {c.id: list(c.path) for c in doc.clauses}
        self.labels = {c.id: _norm_quote(c.label or "") for c in doc.clauses}
        self.quotes = {it.id: _norm_quote(it.quote)
                       for name in ITEM_LISTS for it in getattr(doc, name) if it.id}
        self.quotes.update({g.id: "group" for g in doc.condition_groups if g.id})
        self.index = SentenceIndex(doc)

    def ref(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.ref(v) for v in value]
        if isinstance(value, str):  # a dangling id still loses its doc-id prefix
            return self.quotes.get(value, value.removeprefix(f"{self.doc.doc_id}:"))
        return value

    def fields(self, record: dict) -> dict[str, Any]:
        """The normalised content of a dumped item (or nested model), provenance removed."""
        out: dict[str, Any] = {}
        for k, v in record.items():
            if k in _PROVENANCE:
                continue
            if k in _REFERENCES:
                out[k] = self.ref(v) if k != "members" else [
                    self.fields(m) if isinstance(m, dict) else self.ref(m) for m in v]
            elif isinstance(v, dict):
                out[k] = self.fields(v)
            elif isinstance(v, list):
                out[k] = [self.fields(x) if isinstance(x, dict) else x for x in v]
            else:
                out[k] = v
        return out

    def clause_path(self, item: Any) -> list[str]:
        path = getattr(item, "clause_path", None)
        if path:
            return list(path)
        return self.paths.get(item.clause_id or "", [])

    def sentence(self, start: int) -> str | None:
        found = self.index.sentence(start)
        if found is None:  # a heading or a line outside any sentence: take its line
            text = self.doc.text
            lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", start)
            found = text[lo:hi if hi >= 0 else len(text)]
        return found.strip() or None

    def item_ref(self, item: Any) -> ItemRef:
        ref = ItemRef(id=item.id, start=item.start, end=item.end, quote=item.quote,
                      clause_path=self.clause_path(item), sentence=self.sentence(item.start),
                      fields=_flatten(self.fields(item.model_dump(mode="json"))))
        context, label = _norm_quote(ref.sentence or ""), self.labels.get(item.clause_id or "")
        ref._context = context[len(label):] if label and context.startswith(label) else context
        return ref


# --------------------------------------------------------------------------- matching


def _pair(old: list[ItemRef], new: list[ItemRef], key, pairs: list, how: str) -> None:
    """Pair still-unpaired items (``None`` marks a paired slot) by ``key``, in order."""
    waiting: dict[Any, list[int]] = defaultdict(list)
    for j, item in enumerate(new):
        if item is not None:
            waiting[key(item)].append(j)
    for i, item in enumerate(old):
        if item is None or not waiting.get(k := key(item)):
            continue
        j = waiting[k].pop(0)
        pairs.append((how, item, new[j]))
        old[i] = new[j] = None


def _changes(old: ItemRef, new: ItemRef) -> list[FieldChange]:
    out = []
    if old.clause_path != new.clause_path:
        out.append(FieldChange(field="clause_path", old=old.clause_path, new=new.clause_path))
    for name in sorted(set(old.fields) | set(new.fields)):
        a, b = old.fields.get(name), new.fields.get(name)
        if a != b:
            out.append(FieldChange(field=name, old=a, new=b))
    return out


_KEYS = (  # the first pass prefers, among equal keys, the item in the same sentence
    ("key", lambda r: (tuple(r.clause_path), _norm_quote(r.quote), r._context)),
    ("key", lambda r: (tuple(r.clause_path), _norm_quote(r.quote))),
    ("quote", lambda r: _norm_quote(r.quote)),
    ("shape", lambda r: (tuple(r.clause_path), _shape(r.quote))),
)


def diff_items(old: list[ItemRef], new: list[ItemRef]) -> ListDiff:
    """Added, removed and changed items between two lists of one kind."""
    left, right, pairs = list(old), list(new), []
    for how, key in _KEYS:
        _pair(left, right, key, pairs, how)
    result = ListDiff(removed=[r for r in left if r is not None],
                      added=[r for r in right if r is not None])
    for how, a, b in pairs:
        changes = _changes(a, b)
        if changes:
            result.changed.append(ItemChange(match=how, old=a, new=b, changes=changes))
    result.changed.sort(key=lambda c: (c.new.start, c.new.end))
    return result


def _metadata(doc: Document) -> dict[str, Any]:
    meta = doc.metadata.model_dump(mode="json", exclude={"cited_documents"})
    meta["cited_documents"] = [" ".join(filter(None, (c.title, c.doc_number)))
                               for c in doc.metadata.cited_documents]
    return meta


def diff_documents(old: Document, new: Document) -> DocDiff:
    """Everything that changed from ``old`` to ``new``; see the module docstring."""
    a, b = _View(old), _View(new)
    meta_a, meta_b = _metadata(old), _metadata(new)
    result = DocDiff(old_doc_id=old.doc_id, new_doc_id=new.doc_id, metadata=[
        FieldChange(field=k, old=meta_a[k], new=meta_b.get(k))
        for k in meta_a if meta_a[k] != meta_b.get(k)])
    for name in ITEM_LISTS:
        result.lists[name] = diff_items([a.item_ref(i) for i in getattr(old, name)],
                                        [b.item_ref(i) for i in getattr(new, name)])
    return result


# --------------------------------------------------------------------------- runs and files


def _drop(raw: Any, loc: tuple) -> None:
    for step in loc[:-1]:
        raw = raw[step]
    del raw[loc[-1]]


def load_document(path: Path, warnings: list[str] | None = None) -> Document:
    """Read a document JSON; fields unknown to this version are dropped with a warning
    (a run made by another pipeline version), any other mismatch is bad input."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return Document.model_validate(raw)
    except OSError as exc:
        raise DiffInputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValidationError as exc:
        extra = [e["loc"] for e in exc.errors() if e["type"] == "extra_forbidden"]
        if not extra or len(extra) < exc.error_count():
            raise DiffInputError(f"{path}: not a zhengce document JSON "
                                 f"({exc.error_count()} schema errors, first: "
                                 f"{'.'.join(map(str, exc.errors()[0]['loc']))}: "
                                 f"{exc.errors()[0]['msg']})") from None
    except ValueError as exc:
        raise DiffInputError(f"{path}: not a zhengce document JSON ({exc})") from None
    for loc in sorted(extra, key=len, reverse=True):
        _drop(raw, loc)
    names = sorted({str(loc[-1]) for loc in extra})
    if warnings is not None:
        warnings.append(f"{path}: ignored fields unknown to this version: {', '.join(names)}")
    return _validate(raw, path)


def _validate(raw: Any, path: Path) -> Document:
    try:
        return Document.model_validate(raw)
    except ValidationError as exc:
        raise DiffInputError(f"{path}: not a zhengce document JSON ({exc.errors()[0]['msg']})"
                             ) from None


def run_documents(run_dir: Path) -> dict[str, Path]:
    """The document files of a run directory, by doc id."""
    docs = Path(run_dir) / "docs"
    if not Path(run_dir).is_dir():
        raise DiffInputError(f"{run_dir}: no such directory")
    if not docs.is_dir():
        raise DiffInputError(f"{run_dir}: not a run directory (no docs/ folder; "
                             "make one with `zhengce run INPUTS -o DIR`)")
    return {p.stem: p for p in sorted(docs.glob("*.json")) if not p.name.startswith(".")}


def diff_runs(old_dir: Path, new_dir: Path) -> RunDiff:
    """Compare two run directories document by document (matched by doc id)."""
    old, new = run_documents(old_dir), run_documents(new_dir)
    result = RunDiff(old=str(old_dir), new=str(new_dir),
                     added_documents=sorted(set(new) - set(old)),
                     removed_documents=sorted(set(old) - set(new)))
    for doc_id in sorted(set(old) & set(new)):
        d = diff_documents(load_document(old[doc_id], result.warnings),
                           load_document(new[doc_id], result.warnings))
        (result.documents.append(d) if d.has_changes
         else result.unchanged_documents.append(doc_id))
    return result


def diff_paths(old: Path, new: Path) -> RunDiff:
    """Two run directories, or two document JSON files (two versions of one notice)."""
    for p in (old, new):
        if not p.exists():
            raise DiffInputError(f"{p}: no such file or directory")
    if old.is_dir() and new.is_dir():
        return diff_runs(old, new)
    if old.is_file() and new.is_file():
        warnings: list[str] = []
        d = diff_documents(load_document(old, warnings), load_document(new, warnings))
        return RunDiff(old=str(old), new=str(new), warnings=warnings,
                       documents=[d] if d.has_changes else [],
                       unchanged_documents=[] if d.has_changes else [d.new_doc_id])
    raise DiffInputError(f"{old}, {new}: give two run directories or two document JSON files")


# --------------------------------------------------------------------------- human output


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _predicate(fields: dict[str, Any]) -> str | None:
    """``predicate.field/op/value`` as one group: ``(skill_level == 高级技师)``."""
    if "predicate.field" not in fields:
        return None
    value = fields.get("predicate.value")
    shown = "" if value is None else " " + _show(value)
    return f"({fields['predicate.field']} {fields.get('predicate.op')}{shown})"


def _headline(name: str, ref: ItemRef) -> str:
    shown = [(k, _predicate(ref.fields) if k == "predicate" else ref.fields.get(k))
             for k in _HEADLINE[name]]
    return " ".join(f"{k}={_show(v)}" for k, v in shown if v is not None and v is not False)


def _tail(ref: ItemRef) -> str:
    return f"  §{'/'.join(ref.clause_path) or '-'}   | 句: {ref.sentence or ''}"


def _item_lines(name: str, d: ListDiff) -> list[str]:
    lines = []
    for c in d.changed:
        quote = (f"「{c.old.quote}」" if c.old.quote == c.new.quote
                 else f"「{c.old.quote}」→「{c.new.quote}」")
        fields = "; ".join(f"{f.field}: {_show(f.old)} -> {_show(f.new)}" for f in c.changes)
        lines.append(f"~ {name:<10} {quote} {fields}{_tail(c.new)}")
        if c.old.sentence != c.new.sentence:
            lines.append(f"  {'':<10} 原句: {c.old.sentence or ''}")
    lines += [f"- {name:<10} 「{r.quote}」 {_headline(name, r)}{_tail(r)}" for r in d.removed]
    lines += [f"+ {name:<10} 「{r.quote}」 {_headline(name, r)}{_tail(r)}" for r in d.added]
    return lines


def render_doc(d: DocDiff) -> list[str]:
    same = d.old_doc_id == d.new_doc_id
    lines = [f"=== {d.new_doc_id if same else f'{d.old_doc_id} -> {d.new_doc_id}'}"]
    lines += [f"~ {'metadata':<10} {f.field}: {_show(f.old)} -> {_show(f.new)}"
              for f in d.metadata]
    for name in ITEM_LISTS:
        lines += _item_lines(name, d.lists[name])
    return lines


def summary(r: RunDiff) -> str:
    totals = {"added": 0, "removed": 0, "changed": 0}
    for d in r.documents:
        for k, v in d.totals().items():
            totals[k] += v
    meta = sum(len(d.metadata) for d in r.documents)
    compared = len(r.documents) + len(r.unchanged_documents)
    return (f"{compared} documents compared, {len(r.documents)} with differences, "
            f"{len(r.added_documents)} added, {len(r.removed_documents)} removed; "
            f"items: {totals['added']} added, {totals['removed']} removed, "
            f"{totals['changed']} changed; metadata: {meta} fields changed")


def render(r: RunDiff) -> str:
    lines = [f"+ document {doc_id}  (only in {r.new})" for doc_id in r.added_documents]
    lines += [f"- document {doc_id}  (only in {r.old})" for doc_id in r.removed_documents]
    for d in r.documents:
        lines += render_doc(d)
    lines.append(summary(r))
    return "\n".join(lines)


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
def diff_cmd(old: Path, new: Path, as_json: bool) -> None:
    """Show what changed between two runs or two versions of one notice.

    OLD and NEW are two run directories (documents matched by doc id) or two
    document JSON files (e.g. a 征求意见稿 and the final text; their doc ids may
    differ). Items are matched by content, not by id or offset; every item is
    shown with its clause path and source sentence. Exit status: 0 no
    differences, 1 differences, 2 bad input.

    \b
    Example:
      zhengce diff runs/v1 runs/v2
      zhengce diff draft/docs/notice.json final/docs/notice.json --json
    """
    try:
        result = diff_paths(old, new)
    except ZhengceError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(result.model_dump_json(indent=1) if as_json else render(result))
    sys.exit(1 if result.has_changes else 0)
