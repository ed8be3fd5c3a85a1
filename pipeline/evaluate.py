"""`zhengce eval`: score an extraction run against hand-made gold files.

Gold files follow ``docs/gold-format.md`` (v1): one ``<doc_id>.yaml`` per
document. A run directory holds ``docs/<doc_id>.json``, each a dumped
:class:`~pipeline.models.Document`.

Positions are compared in a *normalised space*: every character of the text
is NFKC-normalised on its own and whitespace (plus zero-width format
characters) is dropped, so ``"10 万元"`` and ``"10万元"`` are the same string.
:class:`NormText` keeps an index map from normalised positions back to the
original offsets.

>>> normalize("给予 10 万元（最高）")
'给予10万元(最高)'
>>> nt = NormText("a b\\u3000c")
>>> nt.norm, nt.span(2, 5)
('abc', (1, 3))

A gold item matches a predicted item of the same list when their spans overlap;
pairs are taken greedily, largest overlap first (ties: fields agree, tighter
union, gold order, predicted order), one-to-one. Span-only counts every matched
pair; field-exact counts the pairs whose scored fields agree (see
:data:`SCORED`). A matched pair whose fields disagree is a *wrong* item: one
false negative and one false positive in the field-exact figures.

Precision is ``tp / pred`` and recall ``tp / gold``; an empty denominator gives
1.0 when the other side is empty too, else 0.0.
"""

from __future__ import annotations

import functools
import unicodedata
from bisect import bisect_left
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Literal, Union

import click
import regex
from pydantic import BaseModel, ConfigDict, ValidationError

from .data import _parse_yaml
from .errors import DataError, ZhengceError
from .models import (
    AgencyRole,
    AmountKind,
    ConditionType,
    Document,
    Frequency,
    Level,
    Per,
    QuotaOp,
)
from .text import find_all

ITEM_LISTS = ("amounts", "rates", "quotas", "conditions", "agencies", "benefits")
ALL_LISTS = ("metadata",) + ITEM_LISTS
ErrorKind = Literal["missed", "spurious", "wrong"]

_DROP = regex.compile(
    r"""
    \s          # any whitespace (NFKC already maps U+3000 to a space)
    | \p{Cf}    # or a zero-width format character: U+200B, U+FEFF (BOM), ...
    """,
    regex.VERBOSE,
)

_WS_RUN = regex.compile(
    r"""
    \s+         # a run of whitespace, newlines included (flattened in snippets)
    """,
    regex.VERBOSE,
)


class EvalError(ZhengceError):
    """Invalid gold file, unreadable run document or an unlocatable gold item."""


# --------------------------------------------------------------------------- normalisation


@functools.lru_cache(maxsize=8192)
def _norm_char(ch: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", ch))


def normalize(text: str) -> str:
    """NFKC per character, whitespace and zero-width characters removed."""
    return "".join(_norm_char(ch) for ch in text)


class NormText:
    """A text in normalised space with a map back to the original offsets."""

    def __init__(self, text: str):
        chars: list[str] = []
        orig: list[int] = []
        for i, ch in enumerate(text):
            for c in _norm_char(ch):
                chars.append(c)
                orig.append(i)
        self.text = text
        self.norm = "".join(chars)
        self.orig = orig

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map an original half-open span ``[start, end)`` into normalised space."""
        return bisect_left(self.orig, start), bisect_left(self.orig, end)

    def original(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a non-empty normalised span back to original offsets."""
        return self.orig[nstart], self.orig[nend - 1] + 1


# --------------------------------------------------------------------------- gold format


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldMetadata(_Gold):
    """Metadata fields; a field left out of the file is not scored."""

    title: str | None = None
    doc_numbers: list[str] | None = None
    issuers: list[str] | None = None
    issue_date: date | None = None
    effective_from: date | None = None
    effective_until: date | None = None
    draft: bool | None = None
    region: str | None = None


class _Located(_Gold):
    quote: str
    context: str | None = None


class GoldAmount(_Located):
    value: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    kind: AmountKind
    per: Per | None = None


class GoldRate(_Located):
    value: Decimal
    base: str | None = None


class GoldQuota(_Located):
    count: Decimal
    op: QuotaOp
    unit: str | None = None
    period: Literal["year", "two_years", "per_round", "once", "plan"] | None = None
    kind: Literal["cap", "target"] | None = None
    subject: str | None = None


class GoldCondition(_Located):
    type: ConditionType
    op: Literal[">=", ">", "<=", "<", "==", "!=", "in", "not_in", "not", "exists"] | None = None
    value: Union[Decimal, bool, str, list[str], None] = None
    unit: str | None = None


class GoldAgency(_Located):
    canonical: str
    level: Level | None = None
    role: AgencyRole


class GoldBenefit(_Gold):
    beneficiary: str | None = None
    instrument: Literal["奖励", "补贴", "资助", "补助", "津贴", "配套", "other"] = "other"
    amount: Decimal | None = None
    min: Decimal | None = None
    max: Decimal | None = None
    rate: Decimal | None = None
    per: Per | None = None
    frequency: Frequency | None = None
    duration_years: Decimal | None = None
    anchor: str


class GoldDoc(_Gold):
    """One gold file. A list left out (``None``) is not annotated and not scored."""

    doc_id: str
    metadata: GoldMetadata | None = None
    amounts: list[GoldAmount] | None = None
    rates: list[GoldRate] | None = None
    quotas: list[GoldQuota] | None = None
    conditions: list[GoldCondition] | None = None
    agencies: list[GoldAgency] | None = None
    benefits: list[GoldBenefit] | None = None


def load_gold(path: str | Path) -> GoldDoc:
    """Parse and validate one gold file; its ``doc_id`` must be the file stem."""
    path = Path(path)
    try:
        raw = _parse_yaml(path.read_text(encoding="utf-8"), str(path))
        gold = GoldDoc.model_validate(raw)
    except (OSError, UnicodeDecodeError, DataError) as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc}") from None
    except ValidationError as exc:
        raise EvalError(f"{path}: invalid gold file:\n{exc}") from None
    if gold.doc_id != path.stem:
        raise EvalError(f"{path}: doc_id {gold.doc_id!r} differs from the file name")
    return gold


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The gold files of a folder (``*.yaml`` / ``*.yml``), sorted by name."""
    root = Path(gold_dir)
    return sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


# --------------------------------------------------------------------------- locating


def _describe(list_name: str, index: int, item: BaseModel) -> str:
    text = getattr(item, "quote", None) or getattr(item, "anchor", "")
    return f"{list_name}[{index}] {text!r}"


def _unique(norm: str, needle: str, what: str) -> int:
    hits = find_all(norm, needle)
    if not hits:
        raise LookupError(f"{what} not found in the document text")
    if len(hits) > 1:
        raise LookupError(f"{what} occurs {len(hits)} times in the document text")
    return hits[0]


def locate(
    nt: NormText, quote: str, context: str | None = None, what: str = "quote"
) -> tuple[int, int]:
    """Normalised span of ``quote`` (inside ``context`` when given); LookupError if
    it is not found or ambiguous. ``what`` names the quote in messages."""
    q = normalize(quote)
    if not q:
        raise LookupError(f"{what} is empty after normalisation")
    if context is None:
        at = _unique(nt.norm, q, what)
        return at, at + len(q)
    c = normalize(context)
    base = _unique(nt.norm, c, "context")
    inner = find_all(c, q)
    if len(inner) != 1:
        raise LookupError(
            "context does not contain the quote" if not inner
            else f"quote occurs {len(inner)} times inside its context"
        )
    return base + inner[0], base + inner[0] + len(q)


def locate_gold(
    gold: GoldDoc, text: str | NormText, source: str = ""
) -> dict[str, list[tuple[int, int]]]:
    """Normalised spans of every gold item per annotated list.

    Raises EvalError naming the gold file and every item that is not found or is
    ambiguous (all problems of the file at once, one per line).
    """
    nt = text if isinstance(text, NormText) else NormText(text)
    where = source or f"gold {gold.doc_id}"
    out: dict[str, list[tuple[int, int]]] = {}
    problems: list[str] = []
    for name in ITEM_LISTS:
        items = getattr(gold, name)
        if items is None:
            continue
        out[name] = []
        for i, item in enumerate(items):
            try:
                out[name].append(_locate_item(nt, name, item))
            except LookupError as exc:
                problems.append(f"{where}: {_describe(name, i, item)}: {exc}")
    if problems:
        raise EvalError("\n".join(problems))
    return out


def _locate_item(nt: NormText, list_name: str, item: Any) -> tuple[int, int]:
    if list_name == "benefits":
        return locate(nt, item.anchor, what="anchor")
    return locate(nt, item.quote, item.context)


# --------------------------------------------------------------------------- fields

SCORED: dict[str, tuple[str, ...]] = {
    "amounts": ("value", "min", "max", "kind", "per"),
    "rates": ("value",),
    "quotas": ("count", "op"),
    "conditions": ("type",),
    "agencies": ("canonical", "role"),
    "benefits": ("amount", "rate", "per", "beneficiary"),
}
"""The fields compared for field-exact scoring, per list."""

SHOWN: dict[str, tuple[str, ...]] = {
    "amounts": SCORED["amounts"],
    "rates": ("value", "base"),
    "quotas": ("count", "op", "unit", "period", "kind", "subject"),
    "conditions": ("type",),
    "agencies": ("canonical", "role", "level"),
    "benefits": ("beneficiary", "instrument", "amount", "min", "max", "rate", "per", "frequency"),
}
"""The fields printed in error listings (scored fields and helpful context)."""


def _field_equal(name: str, gold: Any, pred: Any) -> bool:
    if name == "beneficiary":
        if not gold or not pred:
            return not gold and not pred
        g, p = normalize(gold), normalize(pred)
        return g in p or p in g
    if isinstance(gold, Decimal) or isinstance(pred, Decimal):
        return gold is not None and pred is not None and Decimal(gold) == Decimal(pred)
    if name == "canonical" and gold is not None and pred is not None:
        return normalize(gold) == normalize(pred)
    return gold == pred


def differing(list_name: str, gold: BaseModel, pred: BaseModel) -> list[str]:
    """Names of the scored fields on which a gold and a predicted item disagree."""
    return [
        f for f in SCORED[list_name]
        if not _field_equal(f, getattr(gold, f, None), getattr(pred, f, None))
    ]


def _jsonable(v: Any) -> Any:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, date):
        return v.isoformat()
    return v


def fields_of(list_name: str, item: BaseModel | None) -> dict[str, Any] | None:
    """The shown fields of an item as JSON-ready values (None for no item)."""
    if item is None:
        return None
    return {f: _jsonable(getattr(item, f, None)) for f in SHOWN[list_name]}


# --------------------------------------------------------------------------- report model


class Counts(BaseModel):
    """Support counts: gold items, predicted items, matched pairs (span-only) and
    matched pairs whose fields agree (field-exact)."""

    gold: int = 0
    pred: int = 0
    tp_span: int = 0
    tp_field: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.tp_span += other.tp_span
        self.tp_field += other.tp_field


class PRF(BaseModel):
    precision: float
    recall: float
    f1: float


def prf(tp: int, gold: int, pred: int) -> PRF:
    """Precision, recall, F1 (rounded to 4 places).

    >>> prf(1, 2, 4)
    PRF(precision=0.25, recall=0.5, f1=0.3333)
    >>> prf(0, 0, 0)
    PRF(precision=1.0, recall=1.0, f1=1.0)
    """
    p = tp / pred if pred else (1.0 if gold == 0 else 0.0)
    r = tp / gold if gold else (1.0 if pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(precision=round(p, 4), recall=round(r, 4), f1=round(f, 4))


class ListScore(BaseModel):
    counts: Counts
    field: PRF
    span: PRF


def score(counts: Counts) -> ListScore:
    return ListScore(
        counts=counts,
        field=prf(counts.tp_field, counts.gold, counts.pred),
        span=prf(counts.tp_span, counts.gold, counts.pred),
    )


class ItemError(BaseModel):
    """One missed, spurious or wrong item, for a person to read."""

    doc_id: str
    list_name: str
    kind: ErrorKind
    quote: str = ""
    pred_quote: str | None = None
    start: int | None = None  # offsets into the run text (gold item's when located)
    end: int | None = None
    gold: dict[str, Any] | None = None
    pred: dict[str, Any] | None = None
    differs: list[str] = []
    snippet: str = ""


class DocReport(BaseModel):
    doc_id: str
    lists: dict[str, ListScore]
    errors: list[ItemError] = []


class Report(BaseModel):
    """Scores per document and overall (micro: counts summed over documents)."""

    docs: list[DocReport]
    overall: dict[str, ListScore]
    total: ListScore  # the six item lists together (metadata excluded)
    metadata_fields: dict[str, ListScore]
    warnings: list[str] = []

    @property
    def errors(self) -> list[ItemError]:
        return [e for d in self.docs for e in d.errors]


# --------------------------------------------------------------------------- matching

Span = tuple[int, int]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pred_spans(list_name: str, item: Any, nt: NormText) -> list[Span]:
    """Normalised spans of a predicted item: its own span and, for a benefit, its
    anchor (looked up inside the benefit's span first, else unique in the text)."""
    span = nt.span(item.start, item.end)
    spans = [span]
    anchor = normalize(getattr(item, "anchor", None) or "") if list_name == "benefits" else ""
    if anchor:
        inside = nt.norm.find(anchor, span[0], span[1])
        hits = [inside] if inside >= 0 else find_all(nt.norm, anchor)
        if len(hits) == 1:
            spans.append((hits[0], hits[0] + len(anchor)))
    return spans


def match(
    gold_spans: list[Span], pred_spans: list[list[Span]], agree: Any
) -> list[tuple[int, int]]:
    """One-to-one greedy matching of overlapping gold/predicted items.

    Pairs are taken by largest overlap, then fields agreeing (``agree(g, p)``),
    then smaller union, then gold and predicted order: deterministic.

    >>> match([(0, 4), (10, 12)], [[(2, 6)], [(0, 4)], [(20, 22)]], lambda g, p: True)
    [(0, 1)]
    """
    candidates = []
    for gi, g in enumerate(gold_spans):
        for pi, spans in enumerate(pred_spans):
            best = max(spans, key=lambda s: (_overlap(g, s), -(s[1] - s[0])))
            ov = _overlap(g, best)
            if ov > 0:
                union = max(g[1], best[1]) - min(g[0], best[0])
                candidates.append((-ov, not agree(gi, pi), union, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# --------------------------------------------------------------------------- scoring


def _snippet(text: str, start: int | None, end: int | None, width: int = 12) -> str:
    if start is None or end is None:
        return ""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return _WS_RUN.sub(" ", f"{left}【{text[start:end]}】{right}")


def _gold_quote(item: Any) -> str:
    return getattr(item, "quote", None) or getattr(item, "anchor", "")


def _error(doc_id: str, list_name: str, kind: ErrorKind, nt: NormText, *,
           gold: Any = None, gspan: Span | None = None, pred: Any = None,
           differs: Iterable[str] = ()) -> ItemError:
    if gold is not None and gspan is not None and gspan[1] > gspan[0]:
        start, end = nt.original(*gspan)
    else:
        start, end = (pred.start, pred.end) if pred is not None else (None, None)
    return ItemError(
        doc_id=doc_id, list_name=list_name, kind=kind,
        quote=_gold_quote(gold) if gold is not None else pred.quote,
        pred_quote=pred.quote if pred is not None else None,
        start=start, end=end,
        gold=fields_of(list_name, gold), pred=fields_of(list_name, pred),
        differs=list(differs), snippet=_snippet(nt.text, start, end),
    )


def score_list(
    doc_id: str, list_name: str, golds: list[Any], gold_spans: list[Span],
    preds: list[Any], nt: NormText,
) -> tuple[Counts, list[ItemError]]:
    """Counts and errors of one list of one document."""
    pred_spans = [_pred_spans(list_name, p, nt) for p in preds]
    diffs: dict[tuple[int, int], list[str]] = {}

    def agree(gi: int, pi: int) -> bool:
        diffs[gi, pi] = differing(list_name, golds[gi], preds[pi])
        return not diffs[gi, pi]

    pairs = match(gold_spans, pred_spans, agree)
    counts = Counts(gold=len(golds), pred=len(preds), tp_span=len(pairs))
    errors: list[ItemError] = []
    for gi, pi in pairs:
        if diffs[gi, pi]:
            errors.append(_error(doc_id, list_name, "wrong", nt, gold=golds[gi],
                                 gspan=gold_spans[gi], pred=preds[pi], differs=diffs[gi, pi]))
        else:
            counts.tp_field += 1
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    errors += [_error(doc_id, list_name, "missed", nt, gold=g, gspan=gold_spans[i])
               for i, g in enumerate(golds) if i not in matched_g]
    errors += [_error(doc_id, list_name, "spurious", nt, pred=p)
               for i, p in enumerate(preds) if i not in matched_p]
    return counts, sorted(errors, key=lambda e: (e.start if e.start is not None else -1, e.kind))


def _meta_value(v: Any) -> Any:
    """A metadata value in comparable form; None for null / empty."""
    if isinstance(v, list):
        return sorted({normalize(x) for x in v} - {""}) or None
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, str):
        return normalize(v) or None
    return v


def score_metadata(
    doc_id: str, gold: GoldMetadata, pred: Any
) -> tuple[dict[str, Counts], list[ItemError]]:
    """Each annotated metadata field is one item; both sides null counts nothing."""
    per_field: dict[str, Counts] = {}
    errors: list[ItemError] = []
    for name in GoldMetadata.model_fields:
        if name not in gold.model_fields_set:
            continue
        g, p = _meta_value(getattr(gold, name)), _meta_value(getattr(pred, name, None))
        c = per_field[name] = Counts(gold=g is not None, pred=p is not None)
        if g is not None and p is not None:
            c.tp_span = 1
            c.tp_field = int(g == p)
        if g != p:
            kind: ErrorKind = "wrong" if c.tp_span else ("missed" if g is not None else "spurious")
            errors.append(ItemError(
                doc_id=doc_id, list_name="metadata", kind=kind, quote=name,
                gold={name: _jsonable(getattr(gold, name))},
                pred={name: _jsonable(getattr(pred, name, None))},
                differs=[name] if kind == "wrong" else [],
            ))
    return per_field, errors


def _check_pred_quotes(doc: Document, warnings: list[str]) -> None:
    for name in ITEM_LISTS:
        for i, item in enumerate(getattr(doc, name)):
            ok = 0 <= item.start <= item.end <= len(doc.text)
            if not ok or doc.text[item.start:item.end] != item.quote:
                warnings.append(
                    f"{doc.doc_id}: predicted {name}[{i}] {item.quote!r}: "
                    f"quote != text[{item.start}:{item.end}]"
                )


def evaluate_doc(
    gold: GoldDoc, doc: Document, source: str = "", warnings: list[str] | None = None
) -> tuple[DocReport, dict[str, Counts]]:
    """Score one document; returns its report and its per-metadata-field counts."""
    nt = NormText(doc.text)
    spans = locate_gold(gold, nt, source)
    if warnings is not None:
        _check_pred_quotes(doc, warnings)
    lists: dict[str, ListScore] = {}
    errors: list[ItemError] = []
    meta_fields: dict[str, Counts] = {}
    if gold.metadata is not None:
        meta_fields, errors = score_metadata(gold.doc_id, gold.metadata, doc.metadata)
        total = Counts()
        for c in meta_fields.values():
            total.add(c)
        lists["metadata"] = score(total)
    for name in ITEM_LISTS:
        if name not in spans:
            continue
        counts, errs = score_list(
            gold.doc_id, name, getattr(gold, name), spans[name], getattr(doc, name), nt
        )
        lists[name] = score(counts)
        errors += errs
    return DocReport(doc_id=gold.doc_id, lists=lists, errors=errors), meta_fields


# --------------------------------------------------------------------------- whole runs


def load_run_doc(run_dir: str | Path, doc_id: str) -> Document:
    """Read ``RUN_DIR/docs/<doc_id>.json``; EvalError when missing or invalid."""
    path = Path(run_dir) / "docs" / f"{doc_id}.json"
    if not path.is_file():
        raise EvalError(f"{path}: run document missing for gold {doc_id!r}")
    try:
        return Document.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as exc:
        raise EvalError(f"{path}: invalid run document:\n{exc}") from None


def _sum(scores: Iterable[ListScore]) -> Counts:
    total = Counts()
    for s in scores:
        total.add(s.counts)
    return total


def aggregate(docs: list[DocReport], meta_fields: dict[str, Counts],
              warnings: list[str]) -> Report:
    """Micro-average the documents into the overall figures."""
    overall = {
        name: score(_sum(d.lists[name] for d in docs if name in d.lists))
        for name in ALL_LISTS
        if any(name in d.lists for d in docs)
    }
    items = _sum(s for name, s in overall.items() if name != "metadata")
    return Report(
        docs=docs, overall=overall, total=score(items),
        metadata_fields={k: score(v) for k, v in meta_fields.items()}, warnings=warnings,
    )


def evaluate(gold_dir: str | Path, run_dir: str | Path) -> Report:
    """Score the run in ``run_dir`` against every gold file in ``gold_dir``.

    Raises EvalError (listing every bad gold file / item and missing run
    document) before any score is returned.
    """
    files = gold_files(gold_dir)
    if not files:
        raise EvalError(f"{gold_dir}: no gold files (*.yaml)")
    docs: list[DocReport] = []
    meta: dict[str, Counts] = {}
    warnings: list[str] = []
    problems: list[str] = []
    for path in files:
        try:
            report, fields = evaluate_doc(
                load_gold(path), load_run_doc(run_dir, path.stem), str(path), warnings
            )
        except EvalError as exc:
            problems.append(str(exc))
            continue
        docs.append(report)
        for name, c in fields.items():
            meta.setdefault(name, Counts()).add(c)
    if problems:
        raise EvalError("\n".join(problems))
    _note_ungraded(files, run_dir, warnings)
    ordered = {k: meta[k] for k in GoldMetadata.model_fields if k in meta}
    return aggregate(docs, ordered, warnings)


def _note_ungraded(files: list[Path], run_dir: str | Path, warnings: list[str]) -> None:
    graded = {p.stem for p in files}
    docs_dir = Path(run_dir) / "docs"
    extra = sorted(p.stem for p in docs_dir.glob("*.json") if p.stem not in graded)
    if extra:
        warnings.append(f"{len(extra)} run document(s) have no gold file: {', '.join(extra)}")


# --------------------------------------------------------------------------- output

_ROW = "{:<12} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>5} {:>5} {:>6} {:>6}"


def format_table(report: Report, lists: dict[str, ListScore] | None = None) -> str:
    """A fixed-width table: per list P/R/F1 field-exact and span-only, support."""
    header = _ROW.format("list", "P", "R", "F1", "P", "R", "F1", "gold", "pred", "tp_fld", "tp_spn")
    groups = f"{'':<12} {'field-exact':^20}   {'span-only':^20}   {'support':^25}"
    rows = [groups.ljust(len(header)), header]
    body = report.overall if lists is None else lists
    entries = list(body.items())
    if lists is None:
        entries.append(("ALL items", report.total))
    for name, s in entries:
        c = s.counts
        rows.append(_ROW.format(
            name, *(f"{v:.3f}" for v in (s.field.precision, s.field.recall, s.field.f1,
                                          s.span.precision, s.span.recall, s.span.f1)),
            c.gold, c.pred, c.tp_field, c.tp_span,
        ))
    rows.insert(2, "-" * len(rows[1]))
    return "\n".join(rows)


def _fmt_value(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return format(Decimal(str(v)).normalize(), "f")
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]"
    return str(v)


def _fmt_fields(fields: dict[str, Any] | None) -> str:
    return " ".join(f"{k}={_fmt_value(v)}" for k, v in (fields or {}).items())


def _format_error(e: ItemError) -> list[str]:
    where = f"{e.doc_id}@{e.start}" if e.start is not None else e.doc_id
    head = f"  {e.kind:<8} {where}  「{e.quote}」"
    if e.differs:
        head += f"  differs: {', '.join(e.differs)}"
    lines = [head]
    if e.snippet:
        lines.append(f"           …{e.snippet}…")
    if e.gold is not None:
        lines.append(f"           gold: {_fmt_fields(e.gold)}")
    if e.pred is not None:
        quote = f"「{e.pred_quote}」 " if e.pred_quote and e.pred_quote != e.quote else ""
        lines.append(f"           pred: {quote}{_fmt_fields(e.pred)}")
    return lines


def format_errors(report: Report) -> str:
    """Every missed, spurious and wrong item, grouped by list, for a person to read."""
    out: list[str] = []
    for name in ALL_LISTS:
        errs = [e for e in report.errors if e.list_name == name]
        if not errs:
            continue
        tally = ", ".join(
            f"{sum(e.kind == k for e in errs)} {k}" for k in ("missed", "spurious", "wrong")
        )
        out.append(f"== {name}: {tally}")
        for e in errs:
            out.extend(_format_error(e))
        out.append("")
    return "\n".join(out) if out else "no errors"


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--errors", "show_errors", is_flag=True,
              help="List every missed, spurious and wrong item, grouped by list.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--per-doc", is_flag=True, help="Also print one table per document.")
def eval_cmd(gold_dir: Path, run_dir: Path, show_errors: bool, as_json: bool,
             per_doc: bool) -> None:
    """Score the run in RUN_DIR against the gold files in GOLD_DIR.

    GOLD_DIR holds <doc_id>.yaml files (docs/gold-format.md); RUN_DIR is the
    output of `zhengce run` (RUN_DIR/docs/<doc_id>.json). Prints precision,
    recall and F1 per list, field-exact beside span-only, micro over documents.
    Exit status 0 when scoring ran, 2 for an invalid gold file or a missing
    run document.

    \b
    Example:
      zhengce run corpus/ -o outputs/run
      zhengce eval corpus/gold outputs/run --errors
      zhengce eval corpus/gold outputs/run --json > eval.json
    """
    try:
        report = evaluate(gold_dir, run_dir)
    except ZhengceError as exc:
        click.echo(f"error: {exc}", err=True)
        raise click.exceptions.Exit(2) from None
    if as_json:
        click.echo(report.model_dump_json(indent=2))
        return
    click.echo(format_table(report))
    if per_doc:
        for d in report.docs:
            click.echo(f"\n{d.doc_id}\n{format_table(report, d.lists)}")
    if show_errors:
        click.echo("\n" + format_errors(report))
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
