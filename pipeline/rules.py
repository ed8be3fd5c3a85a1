"""The rules export: a run's linked benefits as one self-contained rules file.

``build_rules(run_dir)`` reads ``RUN_DIR/docs/*.json`` (each a
:class:`pipeline.models.Document`) and turns every :class:`~pipeline.models.Benefit`
into a :class:`Rule`: the amount as an expression, the conditions as a
predicate tree over the documented profile vocabulary
(``gazetteers/profile_vocabulary.yaml``, copied into the file), quotas,
agencies, dates and a citation. Exclusion phrases (不得重复享受, 从优、从高、
不重复, 按上限资助) become :class:`StackingRule` items. Using the file needs no
Chinese NLP: :mod:`pipeline.calc` evaluates it against a profile.

>>> _base_field("申报年上一年人才薪酬")
'base.salary'
>>> _base_field("某种基数")
'某种基数'
>>> _invert(">=")
'<'
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal, Union

import click
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .data import load
from .models import Benefit, Condition, ConditionGroup, Document, Frequency, Num, Per

RULES_VERSION = "1"

# =========================================================================== vocabulary


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


FieldType = Literal["ordinal", "number", "bool", "tags", "enum", "string", "date"]


class VocabField(_Strict):
    """One profile field a predicate may name."""

    name: str
    type: FieldType
    description: str
    ladder: list[str] | None = Field(None, description="ordinal values, lowest first")
    values: list[str] | None = Field(None, description="allowed values of an enum")
    unit: str | None = None
    match: Literal["exact", "contains"] = "exact"
    implies: dict[str, list[str]] | None = Field(None, description="tags: a value also counts as these")

    @model_validator(mode="after")
    def _shape(self) -> VocabField:
        if self.type == "ordinal" and not self.ladder:
            raise ValueError(f"{self.name}: an ordinal field needs a ladder")
        if self.type == "enum" and not self.values:
            raise ValueError(f"{self.name}: an enum field needs values")
        for seq in (self.ladder or [], self.values or []):
            if len(set(seq)) != len(seq):
                raise ValueError(f"{self.name}: duplicate value in ladder/values")
        return self


class StackingWords(_Strict):
    highest_only_words: list[str]
    no_double_words: list[str]
    document_scope_words: list[str]
    same_kind_words: list[str]


class ProfileVocabulary(_Strict):
    """``gazetteers/profile_vocabulary.yaml``."""

    fields: list[VocabField]
    bases: dict[str, str]
    recipient_categories: dict[str, list[str]]
    ownership_types: dict[str, str]
    stacking: StackingWords

    @model_validator(mode="after")
    def _consistent(self) -> ProfileVocabulary:
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError("duplicate field name")
        by_name = {f.name: f for f in self.fields}
        for written, target in self.bases.items():
            if target not in by_name:
                raise ValueError(f"base {written!r} -> unknown field {target!r}")
        kinds = set(by_name["recipient"].values or [])
        for cat, ks in self.recipient_categories.items():
            if not set(ks) <= kinds:
                raise ValueError(f"recipient category {cat!r}: unknown kinds {ks}")
        owners = set(by_name["ownership"].values or [])
        if not set(self.ownership_types.values()) <= owners:
            raise ValueError("ownership_types name an unknown ownership")
        return self

    def field(self, name: str) -> VocabField | None:
        return next((f for f in self.fields if f.name == name), None)


def vocabulary() -> ProfileVocabulary:
    return load("profile_vocabulary.yaml", ProfileVocabulary)


# =========================================================================== rules file models

Op = Literal[">=", ">", "<=", "<", "==", "!=", "in", "not_in", "exists", "manual"]


class Leaf(_Strict):
    """One test on a profile field; ``op: manual`` is a condition only a person can judge."""

    field: str
    op: Op
    value: Num | bool | str | list[str] | None = None
    unit: str | None = None
    inclusive: bool | None = None
    about: str | None = Field(None, description="what the field refers to, as written")


class AllOf(_Strict):
    all: list[Node]


class AnyOf(_Strict):
    any: list[Node]


Node = Union[AllOf, AnyOf, Leaf]
AllOf.model_rebuild()
AnyOf.model_rebuild()


class AmountExpr(_Strict):
    """fixed: value; cap: up to max; floor: at least min; range: min..max;
    formula: rate x profile[base_field] (capped by max); unquantified: no figure."""

    kind: Literal["fixed", "cap", "floor", "range", "formula", "unquantified"]
    value: Num | None = None
    min: Num | None = None
    max: Num | None = None
    rate: Num | None = None
    base_field: str | None = Field(None, description="a profile base (base.salary) or as written")
    base_as_written: str | None = None
    total_cap: Num | None = None
    per: Per | None = None
    frequency: Frequency | None = None
    duration_years: Num | None = None


class RuleQuota(_Strict):
    count: Num
    op: Literal["<=", ">=", "==", "~"]
    unit: str | None = None
    period: str | None = None
    subject: str | None = None
    tier: str | None = None


class RuleAgency(_Strict):
    canonical: str
    role: str


class Citation(_Strict):
    doc_id: str
    clause_path: list[str] = Field(default_factory=list)
    quote: str


class Rule(_Strict):
    id: str
    doc_id: str
    clause_id: str | None = None
    clause_path: list[str] = Field(default_factory=list)
    quote: str
    start: int
    end: int
    beneficiary: str | None = None
    beneficiary_category: str | None = None
    recipient_kinds: list[str] = Field(default_factory=list,
                                       description="profile.recipient values it is for; empty: any")
    instrument: str = "other"
    amount: AmountExpr
    tier: str | None = None
    conditions: Node | None = None
    quotas: list[RuleQuota] = Field(default_factory=list)
    agencies: list[RuleAgency] = Field(default_factory=list)
    funding_source: str | None = None
    effective_from: date | None = None
    effective_until: date | None = None
    modifies: str | None = Field(None, description="id of the rule this one changes")
    needs_review: bool = False
    review_reason: str | None = None
    citation: Citation


class StackingRule(_Strict):
    id: str
    doc_id: str
    kind: Literal["no_double", "highest_only"]
    scope: Literal["document", "clause"]
    clause_path: list[str] = Field(default_factory=list, description="clause scope: rules under it")
    among: Literal["all", "same_instrument"] = Field(
        "all", description="which rules of the scope compete: all, or only those of the same "
                           "instrument (涉及同类项目奖励资助的，从高、从优、不重复)")
    quote: str
    start: int
    end: int
    citation: Citation


class DocumentInfo(_Strict):
    doc_id: str
    title: str | None = None
    region: str | None = None
    issue_date: date | None = None
    effective_from: date | None = None
    effective_until: date | None = None
    draft: bool = False
    source: str
    sha256: str


class RulesFile(_Strict):
    version: str = RULES_VERSION
    documents: list[DocumentInfo] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)
    stacking: list[StackingRule] = Field(default_factory=list)
    profile_vocabulary: list[VocabField] = Field(default_factory=list)


# =========================================================================== conditions -> predicates

_INVERSE = {">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!=", "!=": "==",
            "in": "not_in", "not_in": "in"}

# extractor field -> (profile field, scale). One table: every mismatch between
# pipeline.extract.conditions and the vocabulary is mapped here.
FIELD_MAP: dict[str, tuple[str, Decimal]] = {
    "skill_level": ("skill_level", Decimal(1)),
    "honors": ("honors", Decimal(1)),
    "honor_level": ("honor_level", Decimal(1)),
    "catalog_level": ("catalog_level", Decimal(1)),
    "catalog": ("catalog", Decimal(1)),
    "industry": ("industry", Decimal(1)),
    "origin": ("origin", Decimal(1)),
    "date": ("date", Decimal(1)),
    "social_insurance": ("social_insurance", Decimal(1)),
    "labor_contract": ("labor_contract", Decimal(1)),
    "tenure_years": ("tenure_years", Decimal(1)),
    "tenure_months": ("tenure_years", Decimal(1) / 12),
    "experience_years": ("experience_years", Decimal(1)),
    "experience_months": ("experience_years", Decimal(1) / 12),
    "social_insurance_years": ("social_insurance_years", Decimal(1)),
    "social_insurance_months": ("social_insurance_years", Decimal(1) / 12),
    "contract_years": ("contract_years", Decimal(1)),
    "contract_months": ("contract_years", Decimal(1) / 12),
    "count": ("volume", Decimal(1)),
    "count_step": ("volume", Decimal(1)),
    "share": ("share", Decimal(1)),
    "amount": ("threshold_amount", Decimal(1)),
    "age": ("age", Decimal(1)),
    "has": ("qualifications", Decimal(1)),
    "group": ("groups", Decimal(1)),
    "unemployment_years": ("unemployment_years", Decimal(1)),
    "unemployment_months": ("unemployment_years", Decimal(1) / 12),
    "social_insurance_gap_years": ("social_insurance_gap_years", Decimal(1)),
    "social_insurance_gap_months": ("social_insurance_gap_years", Decimal(1) / 12),
}
_IN_LAST = re.compile(r"^(?P<base>\w+?)_in_last_(?P<n>[0-9.]+)_(?P<unit>year|month)s$")
_TO_EVENT = re.compile(r"^(?P<unit>year|month)s_to_(?P<event>.+)$")
_RANGE_FIELDS = {"date_range": "date", "age_range": "age"}


def _invert(op: str) -> str:
    return _INVERSE.get(op, op)


def _manual(quote: str) -> Leaf:
    return Leaf(field="text", op="manual", value=quote)


def _scaled(value, scale: Decimal):
    if scale == 1 or not isinstance(value, Decimal):
        return value
    return (value * scale).normalize()


def _time_leaf(cond: Condition, doc: Document) -> Leaf:
    """自…之日起 -> date >= the notice's start; 引进后三年内 -> years_since_event <= 3."""
    p = cond.predicate
    assert p is not None
    if p.field == "time_window":
        start = doc.metadata.effective_from or doc.metadata.issue_date
        if start is None:
            return _manual(cond.quote)
        return Leaf(field="date", op=">=", value=start.isoformat(), inclusive=True,
                    about=str(p.value))
    event = p.field.split("_since_", 1)[1]
    value = p.value if p.field.startswith("years") else _scaled(p.value, Decimal(1) / 12)
    return Leaf(field="years_since_event", op=p.op, value=value, unit="year",
                inclusive=p.inclusive, about=event)


def _entity_leaf(cond: Condition) -> Leaf:
    p = cond.predicate
    assert p is not None
    values = p.value if isinstance(p.value, list) else [str(p.value)]
    owners = vocabulary().ownership_types
    if len(values) == 1 and values[0] in owners:
        return Leaf(field="ownership", op="in" if p.op == "in" else p.op,
                    value=[owners[values[0]]], about=values[0])
    return Leaf(field="entity_type", op=p.op, value=values)


def _range_node(cond: Condition) -> Node:
    """date_range 2024-01-01/2025-12-31 / age_range 16/24 -> both ends, inclusive."""
    p = cond.predicate
    assert p is not None
    lo, _, hi = str(p.value).partition("/")
    name = _RANGE_FIELDS[p.field]
    if name == "age":
        if not cond.quote.startswith("年龄"):
            return _manual(cond.quote)  # 招用16—24岁青年的企业: the hired person's age
        try:
            lo_v, hi_v = Decimal(lo), Decimal(hi)
        except ArithmeticError:
            return _manual(cond.quote)
        return AllOf(all=[Leaf(field="age", op=">=", value=lo_v, unit="year", inclusive=True),
                          Leaf(field="age", op="<=", value=hi_v, unit="year", inclusive=True)])
    return AllOf(all=[Leaf(field="date", op=">=", value=lo, inclusive=True),
                      Leaf(field="date", op="<=", value=hi, inclusive=True)])


def _derived_leaf(cond: Condition) -> Leaf | None:
    """count_in_last_3_years >= 10 -> volume >= 10 (about the last 3 years); years_to_退休 < 5
    -> years_to_event < 5 (about 退休); None for any other field."""
    p = cond.predicate
    assert p is not None
    if m := _IN_LAST.match(p.field):
        if m["base"] not in FIELD_MAP:
            return None
        name, scale = FIELD_MAP[m["base"]]
        return Leaf(field=name, op=p.op, value=_scaled(p.value, scale),
                    unit="year" if scale != 1 else p.unit,
                    inclusive=p.inclusive, about=f"in the last {m['n']} {m['unit']}s")
    if m := _TO_EVENT.match(p.field):
        value = p.value if m["unit"] == "year" else _scaled(p.value, Decimal(1) / 12)
        return Leaf(field="years_to_event", op=p.op, value=value, unit="year",
                    inclusive=p.inclusive, about=m["event"])
    return None


def map_condition(cond: Condition, doc: Document) -> Node | None:
    """One extracted condition -> a vocabulary predicate (a range -> both ends); None for
    exclusion (stacking)."""
    p = cond.predicate
    if p is None:
        return _manual(cond.quote)
    if p.field == "duplicate_benefit":
        return None
    if p.field in _RANGE_FIELDS:
        node = _range_node(cond)
        if cond.negated and isinstance(node, AllOf):
            return _manual(cond.quote)  # outside a range: no single test says it
        return node
    if (derived := _derived_leaf(cond)) is not None:
        leaf = derived
        if leaf.op in ("not", "exists"):
            return _manual(cond.quote)
        if cond.negated:
            leaf = leaf.model_copy(update={"op": _invert(leaf.op)})
        return leaf
    if p.field == "time_window" or "_since_" in p.field:
        leaf = _time_leaf(cond, doc)
    elif p.field == "entity_type":
        leaf = _entity_leaf(cond)
    elif p.field == "has":
        leaf = Leaf(field="qualifications", op="not_in", value=[str(p.value)])
    elif p.field in FIELD_MAP:
        name, scale = FIELD_MAP[p.field]
        op = ">=" if p.field == "origin" and p.op == "==" else p.op
        leaf = Leaf(field=name, op=op, value=_scaled(p.value, scale),
                    unit="year" if scale != 1 else p.unit, inclusive=p.inclusive)
    else:
        return _manual(cond.quote)
    if leaf.op in ("not", "exists"):
        return _manual(cond.quote)
    if cond.negated and p.field != "has":
        leaf = leaf.model_copy(update={"op": _invert(leaf.op)})
    return leaf


def _absorbed_windows(group: ConditionGroup, conds: dict[str, Condition]) -> set[str]:
    """The recent windows a count of the group is measured over (count_in_last_3_years)."""
    out = set()
    for m in group.members:
        c = conds.get(m) if isinstance(m, str) else None
        if c is not None and c.predicate and (w := _IN_LAST.match(c.predicate.field)) and \
                w["base"] in FIELD_MAP:  # a count the calculator tests carries the window
            out.add(f"{w['n']}_{w['unit']}")
    return out


def _is_absorbed(cond: Condition, windows: set[str]) -> bool:
    p = cond.predicate
    return bool(p and p.field in ("recent_years", "recent_months") and
                f"{p.value}_{p.field.removeprefix('recent_').removesuffix('s')}" in windows)


def map_group(group: ConditionGroup, conds: dict[str, Condition], doc: Document) -> Node | None:
    """A ConditionGroup over condition ids -> an {all}/{any} tree of leaves."""
    members: list[Node] = []
    windows = _absorbed_windows(group, conds)
    for m in group.members:
        if isinstance(m, str) and m in conds and _is_absorbed(conds[m], windows):
            continue  # 近三年 bounding 发明专利授权量不少于10件: the count carries the window
        node = map_group(m, conds, doc) if isinstance(m, ConditionGroup) else (
            map_condition(conds[m], doc) if m in conds else None)
        if node is not None:
            members.append(node)
    if not members:
        return None
    if len(members) == 1:
        return members[0]
    return AllOf(all=members) if group.op == "all" else AnyOf(any=members)


def node_fields(node: Node | None) -> list[str]:
    """Every field a tree names, in order."""
    if node is None:
        return []
    if isinstance(node, Leaf):
        return [node.field]
    kids = node.all if isinstance(node, AllOf) else node.any
    return [f for k in kids for f in node_fields(k)]


# =========================================================================== benefits -> rules


def _base_field(written: str | None) -> str | None:
    if not written:
        return None
    bases = vocabulary().bases
    hits = sorted((w for w in bases if w in written), key=lambda w: (-len(w), w))
    return bases[hits[0]] if hits else written


def amount_expr(b: Benefit) -> AmountExpr:
    common = dict(per=b.per, frequency=b.frequency, duration_years=b.duration_years,
                  total_cap=b.total_cap)
    if b.rate is not None:
        return AmountExpr(kind="formula", rate=b.rate, base_field=_base_field(b.rate_base),
                          base_as_written=b.rate_base, max=b.max, min=b.min, **common)
    if b.amount is not None:
        return AmountExpr(kind="fixed", value=b.amount, **common)
    if b.min is not None and b.max is not None:
        return AmountExpr(kind="range", min=b.min, max=b.max, **common)
    if b.max is not None:
        return AmountExpr(kind="cap", max=b.max, **common)
    if b.min is not None:
        return AmountExpr(kind="floor", min=b.min, **common)
    return AmountExpr(kind="unquantified", **common)


def _citation(doc_id: str, path: list[str], quote: str) -> Citation:
    return Citation(doc_id=doc_id, clause_path=list(path), quote=quote)


def _review(b: Benefit, expr: AmountExpr, conditions: Node | None) -> tuple[bool, str | None]:
    reasons = [b.review_reason] if b.needs_review and b.review_reason else []
    if b.needs_review and not reasons:
        reasons.append("flagged by the linker")
    if expr.kind == "unquantified":
        reasons.append("unquantified benefit")
    if expr.kind == "formula" and expr.base_field and not expr.base_field.startswith("base."):
        reasons.append(f"rate base not in the profile vocabulary: {expr.base_field}")
    if "text" in node_fields(conditions):
        reasons.append("a condition could not be formalised (manual)")
    return bool(reasons), "; ".join(reasons) or None


_GRADE = re.compile(r"^(?:[一二三四五六七八九十\d]+(?:级|等|档|类)|[A-Z][类级档])$")


def with_tier(tree: Node | None, tier: str | None) -> Node | None:
    """A grade tier (一级, 二等, A类) is a condition on the profile's ``grade``; other tiers
    (skill levels, honours) are already conditions from the extractor.

    >>> with_tier(None, "一级")
    Leaf(field='grade', op='==', value='一级', unit=None, inclusive=None, about=None)
    >>> with_tier(None, "高级技师") is None
    True
    """
    if not tier or not _GRADE.match(tier):
        return tree
    leaf = Leaf(field="grade", op="==", value=tier)
    if tree is None:
        return leaf
    return AllOf(all=[*tree.all, leaf]) if isinstance(tree, AllOf) else AllOf(all=[tree, leaf])


def benefit_to_rule(b: Benefit, doc: Document, conds: dict[str, Condition], n: int) -> Rule:
    expr = amount_expr(b)
    tree = map_group(b.conditions, conds, doc) if b.conditions else None
    tree = with_tier(tree, b.tier)
    quotas = {q.id: q for q in doc.quotas}
    needs, reason = _review(b, expr, tree)
    cats = vocabulary().recipient_categories
    return Rule(
        id=b.id or f"{doc.doc_id}:b{n}", doc_id=doc.doc_id, clause_id=b.clause_id,
        clause_path=b.clause_path, quote=b.quote, start=b.start, end=b.end,
        beneficiary=b.beneficiary, beneficiary_category=b.beneficiary_category,
        recipient_kinds=list(cats.get(b.beneficiary_category or "", [])),
        instrument=b.instrument, amount=expr, tier=b.tier, conditions=tree,
        quotas=[RuleQuota(count=q.count, op=q.op, unit=q.unit, period=q.period,
                          subject=q.subject, tier=q.tier)
                for q in (quotas.get(i) for i in b.quota_ids) if q is not None],
        agencies=[RuleAgency(canonical=a.canonical, role=a.role) for a in b.agencies],
        funding_source=b.funding_source,
        effective_from=b.effective_from or doc.metadata.effective_from,
        effective_until=b.effective_until or doc.metadata.effective_until,
        modifies=b.modifies, needs_review=needs, review_reason=reason,
        citation=_citation(doc.doc_id, b.clause_path, b.quote),
    )


# =========================================================================== stacking


def _clause_path(doc: Document, clause_id: str | None) -> list[str]:
    return next((list(c.path) for c in doc.clauses if c.id == clause_id), [])


def _stacking_kind(quote: str) -> Literal["no_double", "highest_only"]:
    words = vocabulary().stacking
    return "highest_only" if any(w in quote for w in words.highest_only_words) else "no_double"


def _sentence(doc: Document, cond: Condition) -> str:
    if cond.sentence_start is not None and cond.sentence_end is not None:
        return doc.text[cond.sentence_start:cond.sentence_end]
    return cond.quote


def _stacking_scope(doc: Document, cond: Condition, rules: list[Rule]) -> tuple[str, list[str]]:
    """Document-wide when the sentence says so (本意见, 多重条件 …) or its clause has no
    rules around it; else the clause's parent subtree (the sibling items it compares)."""
    if any(w in _sentence(doc, cond) for w in vocabulary().stacking.document_scope_words):
        return "document", []
    path = _clause_path(doc, cond.clause_id)
    scope = path[:-1] if len(path) > 1 else path
    if not scope or not any(r.clause_path[:len(scope)] == scope for r in rules):
        return "document", []
    return "clause", scope


def stacking_rules(doc: Document, rules: list[Rule]) -> list[StackingRule]:
    out = []
    for cond in doc.conditions:
        if cond.predicate is None or cond.predicate.field != "duplicate_benefit":
            continue
        scope, path = _stacking_scope(doc, cond, rules)
        quote = _sentence(doc, cond).strip() or cond.quote
        same = any(w in _sentence(doc, cond) for w in vocabulary().stacking.same_kind_words)
        out.append(StackingRule(
            id=f"{doc.doc_id}:s{len(out)}", doc_id=doc.doc_id,
            kind=_stacking_kind(_sentence(doc, cond)), scope=scope, clause_path=path,
            among="same_instrument" if same else "all",
            quote=cond.quote, start=cond.start, end=cond.end,
            citation=_citation(doc.doc_id, _clause_path(doc, cond.clause_id), quote)))
    return out


# =========================================================================== the file


def document_info(doc: Document) -> DocumentInfo:
    m = doc.metadata
    return DocumentInfo(doc_id=doc.doc_id, title=m.title, region=m.region,
                        issue_date=m.issue_date, effective_from=m.effective_from,
                        effective_until=m.effective_until, draft=m.draft,
                        source=doc.source, sha256=doc.sha256)


def document_rules(doc: Document) -> tuple[list[Rule], list[StackingRule]]:
    conds = {c.id: c for c in doc.conditions}
    rules = [benefit_to_rule(b, doc, conds, n) for n, b in enumerate(doc.benefits)]
    return rules, stacking_rules(doc, rules)


def rules_from_documents(docs: list[Document]) -> RulesFile:
    out = RulesFile(profile_vocabulary=list(vocabulary().fields))
    for doc in sorted(docs, key=lambda d: d.doc_id):
        rules, stacking = document_rules(doc)
        out.documents.append(document_info(doc))
        out.rules.extend(rules)
        out.stacking.extend(stacking)
    return out


def build_rules(run_dir: Path) -> RulesFile:
    """Rules of every ``RUN_DIR/docs/*.json``, in sorted file order."""
    from .errors import ZhengceError

    if not (Path(run_dir) / "docs").is_dir():
        raise ZhengceError(f"{run_dir}: not a run folder (no docs/ written by `zhengce run`)")
    docs = []
    for f in sorted((Path(run_dir) / "docs").glob("*.json")):
        try:
            docs.append(Document.model_validate_json(f.read_text(encoding="utf-8")))
        except (ValueError, OSError) as exc:
            raise ZhengceError(f"{f}: not a document written by `zhengce run`: "
                               f"{str(exc).splitlines()[0]}") from None
    return rules_from_documents(docs)


def dump_rules(rules: RulesFile) -> str:
    data = rules.model_dump(mode="json", exclude_none=False)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load_rules(path: Path) -> RulesFile:
    from .errors import ZhengceError

    try:
        return RulesFile.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise ZhengceError(f"{path}: not a rules file written by `zhengce rules`: "
                           f"{str(exc).splitlines()[0]}") from None


@click.command("rules")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--out", "out", default="rules.json", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="The rules file to write.")
def rules_cmd(run_dir: Path, out: Path) -> None:
    """Export the benefit rules of a run (RUN_DIR/docs/*.json) as one self-contained file.

    Its JSON Schema is printed by `zhengce schema --model rules`; `zhengce calc`
    evaluates it against a profile.

    \b
    Example:
      zhengce run corpus -o outputs
      zhengce rules outputs -o rules.json
    """
    from .run import atomic_write

    rules = build_rules(run_dir)
    with atomic_write(out) as fh:
        fh.write(dump_rules(rules))
    click.echo(f"{len(rules.rules)} rules, {len(rules.stacking)} stacking rules from "
               f"{len(rules.documents)} documents written to {out}", err=True)
