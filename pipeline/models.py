"""The dataset schema: pydantic models for documents, clauses and extracted items.

Every extracted item derives from :class:`Item`: it carries its provenance
(``doc_id``, ``clause_id``), half-open ``[start, end)`` character offsets into
the emitted ``Document.text`` and the quoted text ``quote == text[start:end]``.
Extractors are pure functions over text that fill ``start``/``end``/``quote``
and the normalised fields; the pipeline stage assigns ``id``, ``doc_id`` and
``clause_id`` afterwards (see :mod:`pipeline.stages`).

Money is held as :class:`~decimal.Decimal` yuan and serialised to JSON as an
integer when integral (a number otherwise), never a float computed in Python.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema


def _num_json(v: Decimal | None) -> int | float | None:
    """Serialise a Decimal as an int when integral, else as a JSON number.

    >>> _num_json(Decimal("150000.0")), _num_json(Decimal("0.5")), _num_json(None)
    (150000, 0.5, None)
    """
    if v is None:
        return None
    if v == v.to_integral_value():
        return int(v)
    return float(v)


Num = Annotated[
    Decimal,
    PlainSerializer(_num_json, when_used="json"),
    WithJsonSchema({"type": "number"}),
]
"""A decimal number (yuan, fraction, count): exact in Python, a number in JSON."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- text structure


class Sentence(Model):
    start: int
    end: int
    text: str


class Clause(Model):
    """One numbered unit (or the preamble / closing part) of a notice.

    ``start``/``end`` cover the clause's own text (label, heading and body),
    not its children; ``subtree_end`` is where its last descendant ends.
    """

    id: str
    parent_id: str | None = None
    kind: Literal[
        "preamble", "chapter", "section", "article", "l1", "l2", "l3", "l4", "l5", "closing"
    ]
    level: int = Field(description="depth in the tree; 0 for preamble/closing and top units")
    label: str | None = Field(None, description="the number as written: 一、 （三） 2. 第五条")
    number: int | None = Field(None, description="the label's ordinal: （三） -> 3")
    path: list[str] = Field(default_factory=list, description='e.g. ["二", "（三）", "2"]')
    heading: str | None = None
    body: str = ""
    start: int
    end: int
    subtree_end: int
    heading_start: int | None = None
    heading_end: int | None = None
    sentences: list[Sentence] = Field(default_factory=list)


class CitedDocument(Model):
    title: str
    doc_number: str | None = None
    start: int
    end: int


class Metadata(Model):
    title: str | None = None
    doc_numbers: list[str] = Field(default_factory=list, description="the notice's own 文号")
    issuers: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list, description="主送 bodies")
    issue_date: date | None = None
    draft: bool = False
    effective_from: date | None = None
    effective_until: date | None = None
    validity_years: int | None = None
    interpreting_agency: str | None = None
    region: str | None = None
    region_level: Literal["national", "province", "city", "district", "county"] | None = None
    cited_documents: list[CitedDocument] = Field(default_factory=list)


# --------------------------------------------------------------------------- items


class Item(Model):
    """Base of every extracted item: identity and provenance."""

    id: str = ""
    doc_id: str = ""
    clause_id: str | None = None
    start: int
    end: int
    quote: str


AmountKind = Literal["fixed", "cap", "floor", "range", "approx"]
Per = Literal[
    "person", "person_time", "month", "year", "person_month", "person_year", "project", "unit"
]
Frequency = Literal["once", "monthly", "yearly"]


class Amount(Item):
    value: Num | None = Field(None, description="yuan; null when only min/max apply")
    min: Num | None = None
    max: Num | None = None
    min_inclusive: bool | None = None
    max_inclusive: bool | None = None
    kind: AmountKind = "fixed"
    per: Per | None = None
    frequency: Frequency | None = None
    group: str | None = Field(None, description="shared id of a 分别/parallel list")
    group_index: int | None = Field(None, description="0-based order within the group")


class Rate(Item):
    value: Num = Field(description="a fraction: 50% -> 0.5, 1:1 -> 1.0")
    base: str | None = Field(None, description="what the rate applies to, as written")
    kind: Literal["share", "uplift", "matching"] = "share"


QuotaOp = Literal["<=", ">=", "==", "~"]


class Quota(Item):
    count: Num
    unit: str
    op: QuotaOp = "=="
    period: Literal["year", "two_years", "per_round", "once", "plan"] | None = None
    deadline_year: int | None = None
    kind: Literal["cap", "target"] = "target"
    subject: str | None = None
    tier: str | None = Field(None, description="一级 / 二级 ... when the quota belongs to a tier")
    group: str | None = None
    group_index: int | None = None


ConditionType = Literal[
    "skill_level", "honor", "tenure", "experience", "social_insurance", "labor_contract",
    "entity_type", "industry", "origin", "catalog", "threshold", "time_window", "exclusion",
    "other",
]


class Predicate(Model):
    field: str
    op: Literal[">=", ">", "<=", "<", "==", "!=", "in", "not_in", "not", "exists"]
    value: Union[Num, str, bool, list[str], None] = None
    unit: str | None = None
    inclusive: bool | None = None


class Condition(Item):
    type: ConditionType
    predicate: Predicate | None = None
    negated: bool = False
    sentence_start: int | None = None
    sentence_end: int | None = None
    canonical: str | None = Field(None, description="gazetteer name: 高级工, 全国技术能手, 民营企业")
    honor_level: str | None = Field(None, description="national / province / city / district")
    frame: str | None = Field(None, description="对…的 / 凡…的 / …的 / subject / sentence")
    scope_start: int | None = Field(None, description="the qualifier scope it sits in")
    scope_end: int | None = None


class ConditionGroup(Model):
    """An all-of / any-of tree over condition ids (and nested groups) for a clause."""

    id: str = ""
    doc_id: str = ""
    clause_id: str | None = None
    op: Literal["all", "any"]
    members: list[Union[str, "ConditionGroup"]] = Field(default_factory=list)
    start: int | None = None
    end: int | None = None


AgencyRole = Literal[
    "issuer", "lead", "support", "funding", "interpret", "approve", "implement",
    "responsible", "mention",
]
Level = Literal["national", "province", "city", "district", "county", "township"]


class Agency(Item):
    canonical: str
    agency_id: str | None = None
    category: str | None = None
    level: Level | None = None
    role: AgencyRole = "mention"
    generic: bool = Field(False, description="a generic 部门 mention, not a named body")


class AgencyRef(Model):
    agency_id: str | None = None
    canonical: str
    role: AgencyRole
    item_id: str | None = None


class Benefit(Model):
    """A linked rule: who receives how much, per what, how often, under which conditions."""

    id: str = ""
    doc_id: str = ""
    clause_id: str | None = None
    clause_path: list[str] = Field(default_factory=list)
    start: int
    end: int
    quote: str
    anchor: str | None = Field(None, description="substring near the amount, for the gold format")
    beneficiary: str | None = None
    beneficiary_category: str | None = None
    instrument: str = "other"
    amount: Num | None = None
    min: Num | None = None
    max: Num | None = None
    rate: Num | None = None
    rate_base: str | None = None
    per: Per | None = None
    frequency: Frequency | None = None
    duration_years: Num | None = None
    total_cap: Num | None = None
    tier: str | None = None
    quantified: bool = True
    modifies: str | None = None
    amount_ids: list[str] = Field(default_factory=list)
    rate_ids: list[str] = Field(default_factory=list)
    quota_ids: list[str] = Field(default_factory=list)
    conditions: ConditionGroup | None = None
    agencies: list[AgencyRef] = Field(default_factory=list)
    funding_source: str | None = None
    effective_from: date | None = None
    effective_until: date | None = None
    needs_review: bool = False
    review_reason: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


# --------------------------------------------------------------------------- document


class Document(Model):
    doc_id: str
    source: str
    sha256: str
    format: Literal["txt", "pdf", "html", "docx"]
    encoding: str | None = None
    text: str
    metadata: Metadata = Field(default_factory=Metadata)
    clauses: list[Clause] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    rates: list[Rate] = Field(default_factory=list)
    quotas: list[Quota] = Field(default_factory=list)
    conditions: list[Condition] = Field(default_factory=list)
    condition_groups: list[ConditionGroup] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    benefits: list[Benefit] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


ITEM_LISTS = ("amounts", "rates", "quotas", "conditions", "agencies", "benefits")
