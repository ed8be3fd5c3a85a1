"""The reference calculator: a rules file + a profile -> what applies and how much.

``evaluate(rules, profile)`` judges every rule with three-valued logic over its
predicate tree (a fact the profile lacks makes a test *unknown*; ``all`` is
false if any member is false, ``any`` true if any member is true), checks the
recipient kind and the effective dates, computes the amount (rates x the
profile's base, caps, per-units x ``count``, per-month x ``months``, per-year x
``years``, durations, total caps) and applies the stacking rules
(``highest_only`` / ``no_double``: within the scope, the largest applying
amount is kept). A profile is a JSON object of vocabulary fields::

    {"recipient": "person", "skill_level": "技师", "tenure_years": 4,
     "social_insurance": true, "ownership": "private", "base": {"salary": 400000}}

>>> _cmp_ordinal(["a", "b", "c"], "c", ">=", "b")
True
>>> _and([True, None]), _and([False, None]), _or([False, None]), _or([True, None])
(None, False, None, True)
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import click
from pydantic import BaseModel, ConfigDict, Field

from .models import Num
from .rules import (
    AllOf,
    Citation,
    Leaf,
    Node,
    Rule,
    RulesFile,
    StackingRule,
    VocabField,
)

Status = Literal["applies", "not_applies", "undecidable"]
Tri = bool | None


class RuleResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule_id: str
    status: Status
    beneficiary: str | None = None
    instrument: str = "other"
    tier: str | None = None
    amount: Num | None = Field(None, description="yuan after rates, caps, units and durations")
    min: Num | None = None
    max: Num | None = None
    upper_bound: bool = Field(False, description="amount is a cap (最高/不超过), not a sure sum")
    reasons: list[str] = Field(default_factory=list, description="why it does not apply")
    missing: list[str] = Field(default_factory=list, description="facts the profile lacks")
    notes: list[str] = Field(default_factory=list)
    citation: Citation


class CalcResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    applies: list[RuleResult] = Field(default_factory=list)
    not_applies: list[RuleResult] = Field(default_factory=list)
    undecidable: list[RuleResult] = Field(default_factory=list)
    total: Num = Field(Decimal(0), description="sum of the applying amounts that are known")
    total_is_upper_bound: bool = Field(
        False, description="some amount in the total is a cap (最高…), so the total is 'up to'")
    warnings: list[str] = Field(default_factory=list)

    def result(self, rule_id: str) -> RuleResult | None:
        return next((r for r in self.applies + self.not_applies + self.undecidable
                     if r.rule_id == rule_id), None)


# =========================================================================== profile facts

_MISSING = object()


_RECENT_ABOUT = "in the last "  # the `about` of a count over recent years (pipeline.rules)


def _fact(profile: dict, name: str) -> Any:
    """profile[name], or profile["base"]["salary"] for "base.salary"; _MISSING when absent."""
    if name in profile:
        return profile[name]
    head, _, tail = name.partition(".")
    if tail and isinstance(profile.get(head), dict) and tail in profile[head]:
        return profile[head][tail]
    return _MISSING


def _num(v: Any) -> Decimal | None:
    """A finite number, else None (NaN, infinities and text are facts the profile lacks)."""
    if isinstance(v, bool) or v is None:
        return None
    try:
        d = Decimal(str(v))
    except ArithmeticError:
        return None
    return d if d.is_finite() else None


_TRUE = {"true", "yes", "y", "1", "是", "有"}
_FALSE = {"false", "no", "n", "0", "否", "无", ""}


def _bool(v: Any) -> bool | None:
    """A profile's yes/no fact; the strings "false", "否" are no, not a truthy string.

    >>> _bool("false"), _bool(True), _bool("是"), _bool("maybe")
    (False, True, True, None)
    """
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return bool(v)
    text = str(v).strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def _tags(v: Any, vf: VocabField | None) -> set[str]:
    vals = [v] if isinstance(v, str) else [str(x) for x in (v or [])]
    out = set(vals)
    for x in vals:
        out.update((vf.implies or {}).get(x, []) if vf else [])
    return out


# =========================================================================== leaves


def _cmp(a: Any, op: str, b: Any) -> Tri:
    if a is None or b is None:
        return None
    return {">=": a >= b, ">": a > b, "<=": a <= b, "<": a < b,
            "==": a == b, "!=": a != b}.get(op)


def _cmp_ordinal(ladder: list[str], have: str, op: str, want: str) -> Tri:
    if have not in ladder or want not in ladder:
        return None
    return _cmp(ladder.index(have), op, ladder.index(want))


def _contains(have: set[str], want: list[str], vf: VocabField | None) -> bool:
    if vf is not None and vf.match == "contains":
        return any(h in w or w in h for h in have for w in want)
    return bool(have & set(want))


def _tags_test(have: set[str], op: str, value: Any, vf: VocabField | None) -> Tri:
    want = value if isinstance(value, list) else [str(value)]
    hit = _contains(have, want, vf)
    if op in ("in", "=="):
        return hit
    if op in ("not_in", "!="):
        return not hit
    return None


def _date_of(v: Any) -> date | None:
    try:
        return v if isinstance(v, date) else date.fromisoformat(str(v))
    except ValueError:
        return None


def _leaf_value(leaf: Leaf, fact: Any, vf: VocabField | None) -> Tri:
    kind = vf.type if vf else "string"
    if kind == "ordinal":
        return _cmp_ordinal(vf.ladder or [], str(fact), leaf.op, str(leaf.value))
    if kind == "tags":
        return _tags_test(_tags(fact, vf), leaf.op, leaf.value, vf)
    if kind == "number":
        return _cmp(_num(fact), leaf.op, _num(leaf.value))
    if kind == "bool":
        return _cmp(_bool(fact), "==" if leaf.op in ("==", "in") else "!=", _bool(leaf.value))
    if kind == "date":
        return _cmp(_date_of(fact), leaf.op, _date_of(leaf.value))
    if leaf.op in ("in", "not_in"):
        return _tags_test({str(fact)}, leaf.op, leaf.value, vf)
    return _cmp(str(fact), leaf.op, str(leaf.value))


def _describe(leaf: Leaf) -> str:
    val = "、".join(leaf.value) if isinstance(leaf.value, list) else leaf.value
    return f"{leaf.field} {leaf.op} {val}"


class _Eval:
    """Evaluates predicate trees against one profile: (value, reasons, missing facts).

    Only the members that decide a node contribute their reasons / missing facts.
    """

    def __init__(self, profile: dict, vocab: dict[str, VocabField]):
        self.profile, self.vocab = profile, vocab

    def leaf(self, leaf: Leaf) -> tuple[Tri, list[str], list[str]]:
        if leaf.op == "manual":
            return None, [], [f"manual check: {leaf.value}"]
        fact = _fact(self.profile, leaf.field)
        named = f"{leaf.field}[{leaf.about}]" if leaf.about else leaf.field
        if isinstance(fact, dict) and leaf.field in self.vocab:
            # {"years_since_event": {"引进": 2}}: a figure per thing the rule is about
            fact = fact.get(leaf.about, _MISSING) if leaf.about else _MISSING
        elif fact is not _MISSING and (leaf.about or "").startswith(_RECENT_ABOUT):
            return None, [], [named]  # a plain (lifetime) figure cannot answer "in the last 3 years"
        if fact is _MISSING or fact is None:
            return None, [], [named]
        result = _leaf_value(leaf, fact, self.vocab.get(leaf.field))
        if result is None:
            return None, [], [f"{leaf.field} (cannot compare {fact!r})"]
        return result, [] if result else [f"{_describe(leaf)} (profile: {_show(fact)})"], []

    def node(self, node: Node | None) -> tuple[Tri, list[str], list[str]]:
        if node is None:
            return True, [], []
        if isinstance(node, Leaf):
            return self.leaf(node)
        kids = [self.node(n) for n in (node.all if isinstance(node, AllOf) else node.any)]
        value = (_and if isinstance(node, AllOf) else _or)([k[0] for k in kids])
        deciding = [k for k in kids if k[0] is value]
        return value, _flat(k[1] for k in deciding), _flat(k[2] for k in deciding)


def _show(fact: Any) -> str:
    return "、".join(map(str, fact)) if isinstance(fact, list) else str(fact)


def _flat(lists) -> list[str]:
    out: list[str] = []
    for xs in lists:
        out.extend(x for x in xs if x not in out)
    return out


def _and(values: list[Tri]) -> Tri:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def _or(values: list[Tri]) -> Tri:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


# =========================================================================== amounts

_UNIT_PER = ("person", "person_time", "unit", "project", "person_month", "person_year")
_MONTHLY_PER = ("month", "person_month")
_YEARLY_PER = ("year", "person_year")


class _Figure(BaseModel):
    lo: Decimal | None = None
    hi: Decimal | None = None
    upper_bound: bool = False
    notes: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)

    def scale(self, k: Decimal) -> None:
        self.lo = None if self.lo is None else self.lo * k
        self.hi = None if self.hi is None else self.hi * k

    def cap(self, c: Decimal) -> None:
        self.lo = None if self.lo is None else min(self.lo, c)
        self.hi = c if self.hi is None else min(self.hi, c)


def _formula(rule: Rule, profile: dict, target: Decimal | None) -> _Figure:
    a = rule.amount
    if rule.modifies:
        base, name = target, f"the amount of {rule.modifies}"
    else:
        name = a.base_field or "base"
        base = _num(_fact(profile, name))
    if base is None:
        return _Figure(missing=[name])
    v = (a.rate or Decimal(0)) * base
    if a.max is not None and v > a.max:
        v = a.max
    if a.min is not None and v < a.min:
        v = a.min
    return _Figure(lo=v, hi=v, notes=[f"{a.rate} x {name} ({base})"])


def _base_figure(rule: Rule, profile: dict, target: Decimal | None) -> _Figure:
    a = rule.amount
    if a.kind == "fixed":
        return _Figure(lo=a.value, hi=a.value)
    if a.kind == "cap":
        return _Figure(hi=a.max, upper_bound=True, notes=[f"up to {a.max}"])
    if a.kind == "floor":
        return _Figure(lo=a.min, notes=[f"at least {a.min}"])
    if a.kind == "range":
        return _Figure(lo=a.min, hi=a.max, notes=[f"between {a.min} and {a.max}"])
    if a.kind == "formula":
        return _formula(rule, profile, target)
    return _Figure(notes=["unquantified benefit: no amount stated"])


def _periods(rule: Rule, profile: dict, field: str, per_year: int) -> tuple[Decimal, str]:
    """How many months / years are paid: the profile's, within the rule's duration."""
    limit = None if rule.amount.duration_years is None else rule.amount.duration_years * per_year
    given = _num(_fact(profile, field))
    if given is not None and given < 0:
        given = None  # a negative number of months is no fact
    if given is not None:
        n = given if limit is None else min(given, limit)
        return n, f"x {n} {field}"
    if limit is not None:
        return limit, f"x {limit} {field} (the rule's duration)"
    return Decimal(1), f"x 1 {field[:-1]} ({field} not given)"


def _multipliers(rule: Rule, profile: dict, fig: _Figure) -> None:
    a = rule.amount
    if a.per in _UNIT_PER:
        count = _num(_fact(profile, "count"))
        count = count if count is not None and count >= 0 else None
        fig.scale(count if count is not None else Decimal(1))
        fig.notes.append(f"per {a.per}: x {count}" if count is not None
                         else f"per {a.per}: x 1 (count not given)")
    if a.per in _MONTHLY_PER or (a.per not in _YEARLY_PER and a.frequency == "monthly"):
        n, note = _periods(rule, profile, "months", 12)
    elif a.per in _YEARLY_PER or a.frequency == "yearly":
        n, note = _periods(rule, profile, "years", 1)
    else:
        return
    fig.scale(n)
    fig.notes.append(note)


def compute_amount(rule: Rule, profile: dict, target: Decimal | None = None) -> _Figure:
    """The rule's yield for this profile; ``target`` is the modified rule's amount."""
    fig = _base_figure(rule, profile, target)
    if fig.lo is None and fig.hi is None:
        return fig
    _multipliers(rule, profile, fig)
    if rule.amount.total_cap is not None:
        fig.cap(rule.amount.total_cap)
        fig.notes.append(f"total capped at {rule.amount.total_cap}")
    return fig


def _amount_of(fig: _Figure) -> Decimal | None:
    if fig.upper_bound:
        return fig.hi
    if fig.lo is not None and fig.hi is not None and fig.lo != fig.hi:
        return None
    return fig.lo if fig.lo is not None else fig.hi


# =========================================================================== rules


def _recipient(rule: Rule, profile: dict) -> tuple[Tri, list[str], list[str]]:
    if not rule.recipient_kinds:
        return True, [], []
    who = _fact(profile, "recipient")
    if who is _MISSING or who is None:
        return None, [], ["recipient"]
    if who in rule.recipient_kinds:
        return True, [], []
    return False, [f"recipient is {who}, the rule is for {'/'.join(rule.recipient_kinds)}"], []


def _in_force(rule: Rule, profile: dict) -> tuple[Tri, list[str], list[str]]:
    when = _date_of(_fact(profile, "date")) if _fact(profile, "date") is not _MISSING else None
    if when is None:
        return True, [], []
    if rule.effective_from and when < rule.effective_from:
        return False, [f"date {when} is before the rule takes effect ({rule.effective_from})"], []
    if rule.effective_until and when > rule.effective_until:
        return False, [f"date {when} is after the rule expires ({rule.effective_until})"], []
    return True, [], []


_REGION_SUFFIX = re.compile(r"(?:省|市|区|县|自治州|自治区|特别行政区)")


def in_region(doc_region: str | None, profile: dict) -> tuple[Tri, list[str], list[str]]:
    """A notice governs its own region only: 武汉市 rules apply to a profile in 武汉市江岸区.

    >>> in_region("武汉市", {"region": "武汉市江岸区"})[0], in_region("武汉市", {"region": "金华"})[0]
    (True, False)
    >>> in_region("江门市江海区", {"region": "江门市"})
    (None, [], ['region'])
    >>> in_region("吉林市", {"region": "吉林省长春市"})[0], in_region("海南省", {"region": "青海省海南藏族自治州"})[0]
    (False, False)
    """
    if not doc_region:
        return True, [], []
    have = _fact(profile, "region")
    if have is _MISSING or not have:
        return None, [], ["region"]
    want, got = _divisions(doc_region), _divisions(str(have))
    if want and got:  # both written with suffixes: compare division by division
        if _contains_seq(got, want):
            return True, [], []
        if _contains_seq(want, got):
            return None, [], ["region"]  # the profile names a larger area than the notice
        return False, [f"region is {have}, the notice governs {doc_region}"], []
    want_s, got_s = _REGION_SUFFIX.sub("", doc_region), _REGION_SUFFIX.sub("", str(have))
    if got_s.startswith(want_s):
        return True, [], []
    if want_s.startswith(got_s):
        return None, [], ["region"]
    return False, [f"region is {have}, the notice governs {doc_region}"], []


_DIVISION = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|区|县|旗)")


def _divisions(region: str) -> list[str]:
    """湖北省武汉市江岸区 -> [湖北省, 武汉市, 江岸区]; [] when not written with suffixes."""
    parts = _DIVISION.findall(region)
    return parts if "".join(parts) == region else []


def _contains_seq(have: list[str], want: list[str]) -> bool:
    """Whether ``want`` (e.g. [武汉市]) names ``have``'s area or one containing it: each of its
    divisions is among ``have``'s, in order, and its last one is at the same place."""
    positions = [have.index(w) for w in want if w in have]
    return len(positions) == len(want) and positions == sorted(positions)


def judge(rule: Rule, profile: dict, ev: _Eval, target: RuleResult | None = None,
          region: str | None = None) -> RuleResult:
    """One rule against one profile (``target``: the result of the rule it modifies;
    ``region``: the region the rule's notice governs)."""
    parts = [_recipient(rule, profile), in_region(region, profile), _in_force(rule, profile),
             ev.node(rule.conditions)]
    if rule.modifies:
        parts.append(_target_part(rule, target))
    value = _and([p[0] for p in parts])
    deciding = [p for p in parts if p[0] is value]
    res = RuleResult(rule_id=rule.id, status="undecidable", beneficiary=rule.beneficiary,
                     instrument=rule.instrument, tier=rule.tier, citation=rule.citation)
    if value is False:
        res.status, res.reasons = "not_applies", _flat(p[1] for p in deciding)
        return res
    res.missing = _flat(p[2] for p in deciding)
    if value is True:
        res.status = "applies"
        _fill_amount(res, rule, profile, target)
    return res


def _target_part(rule: Rule, target: RuleResult | None) -> tuple[Tri, list[str], list[str]]:
    if target is None:
        return None, [], [f"rule {rule.modifies} (not in the rules file)"]
    if target.status == "applies":
        return True, [], []
    if target.status == "not_applies":
        return False, [f"the rule it modifies ({rule.modifies}) does not apply"], []
    return None, [], [f"facts of the rule it modifies ({rule.modifies})"]


def _fill_amount(res: RuleResult, rule: Rule, profile: dict, target: RuleResult | None) -> None:
    fig = compute_amount(rule, profile, target.amount if target else None)
    res.min, res.max, res.upper_bound = fig.lo, fig.hi, fig.upper_bound
    res.amount = _amount_of(fig)
    if target is not None and target.upper_bound and res.amount is not None:
        res.upper_bound = True
    res.notes.extend(fig.notes)
    res.missing.extend(m for m in fig.missing if m not in res.missing)
    for q in rule.quotas:
        res.notes.append(f"subject to a quota: {q.op} {q.count} {q.unit or ''}"
                         f"{' per ' + q.period if q.period else ''}".rstrip())



# =========================================================================== stacking


def _in_scope(s: StackingRule, rule: Rule) -> bool:
    if rule.doc_id != s.doc_id or rule.modifies:
        return False
    return s.scope == "document" or rule.clause_path[:len(s.clause_path)] == s.clause_path


def _stack(s: StackingRule, rules: dict[str, Rule], applies: list[RuleResult]) -> list[RuleResult]:
    """Results dropped by one stacking rule.

    Rules of one clause are granted together (生活补贴 and 住房补贴, 8万 and 再给予20万),
    so the scope's applying rules compete clause by clause: the clause whose rules
    yield the most is kept, the others are dropped.
    """
    # unquantified rules (享受购房补贴) have no amount to compare: they are listed, not stacked
    group = [r for r in applies if _in_scope(s, rules[r.rule_id])
             and rules[r.rule_id].amount.kind != "unquantified"]
    if s.among == "all":
        return _compete(s, rules, group)
    kinds: dict[str, list[RuleResult]] = {}  # 同类项目: each instrument competes on its own
    for r in group:
        kinds.setdefault(rules[r.rule_id].instrument, []).append(r)
    return [d for rs in kinds.values() for d in _compete(s, rules, rs)]


def _sure(r: RuleResult) -> Decimal:
    """What a result surely yields: a cap (最高…) only guarantees its lower bound."""
    if r.upper_bound:
        return r.min if r.min is not None else Decimal(0)
    return r.amount if r.amount is not None else Decimal(0)


def _compete(s: StackingRule, rules: dict[str, Rule], group: list[RuleResult]) -> list[RuleResult]:
    clauses: dict[str, list[RuleResult]] = {}
    for r in group:
        clauses.setdefault(rules[r.rule_id].clause_id or r.rule_id, []).append(r)
    if len(clauses) < 2:
        return []
    if any(r.amount is None for r in group):
        for r in group:
            r.notes.append(f"{s.kind} ({s.quote}) could not be applied: an amount is unknown")
        return []
    sums = {k: sum((_sure(r) for r in rs), Decimal(0)) for k, rs in clauses.items()}
    best = max(sums, key=lambda k: sums[k])  # max() keeps the first of equal sums
    keep = clauses[best][0].rule_id
    dropped = [r for k, rs in clauses.items() if k != best for r in rs]
    for r in dropped:
        r.status = "not_applies"
        r.reasons.append(f"{s.kind} ({s.quote}, {s.doc_id} {''.join(s.citation.clause_path)}):"
                         f" {keep} yields more")
    return dropped


def _apply_stacking(rf: RulesFile, rules: dict[str, Rule], out: CalcResult) -> None:
    for s in rf.stacking:
        dropped = {r.rule_id for r in _stack(s, rules, out.applies)}
        for r in out.applies:
            target = rules[r.rule_id].modifies
            if target in dropped and r.status == "applies":
                r.status = "not_applies"
                r.reasons.append(f"the rule it modifies ({target}) was dropped by stacking")
                dropped.add(r.rule_id)
        out.not_applies.extend(r for r in out.applies if r.rule_id in dropped)
        out.applies = [r for r in out.applies if r.rule_id not in dropped]


# =========================================================================== evaluate


def _profile_warnings(profile: dict, vocab: dict[str, VocabField], rules: RulesFile) -> list[str]:
    """Profile keys that are neither vocabulary fields nor a rule's base as written."""
    known = set(vocab) | {r.amount.base_field for r in rules.rules if r.amount.base_field}
    out = []
    for key in sorted(profile):
        if key.startswith("_") or key in ("name", "note"):
            continue
        if isinstance(profile[key], dict) and key in vocab:
            continue  # a figure per `about` ({"volume": {"in the last 3 years": 12}})
        if isinstance(profile[key], dict):
            out.extend(f"unknown profile field: {key}.{k}" for k in sorted(profile[key])
                       if f"{key}.{k}" not in known)
        elif key not in known:
            out.append(f"unknown profile field: {key}")
    return out


def _order(rules: list[Rule]) -> list[Rule]:
    """Rules that modify another come after the rules they modify."""
    return [r for r in rules if not r.modifies] + [r for r in rules if r.modifies]


def evaluate(rules: RulesFile, profile: dict) -> CalcResult:
    """Judge every rule of ``rules`` against ``profile``; see the module docstring."""
    vocab = {f.name: f for f in rules.profile_vocabulary}
    ev = _Eval(profile, vocab)
    by_id = {r.id: r for r in rules.rules}
    regions = {d.doc_id: d.region for d in rules.documents}
    results: dict[str, RuleResult] = {}
    for rule in _order(rules.rules):
        results[rule.id] = judge(rule, profile, ev, results.get(rule.modifies or ""),
                                 regions.get(rule.doc_id))
    out = CalcResult(warnings=_profile_warnings(profile, vocab, rules))
    for rule in rules.rules:
        res = results[rule.id]
        getattr(out, res.status).append(res)
    _apply_stacking(rules, by_id, out)
    out.total = sum((r.amount for r in out.applies if r.amount is not None), Decimal(0))
    out.total_is_upper_bound = any(r.upper_bound for r in out.applies if r.amount is not None)
    return out


# =========================================================================== command line


def _money(v: Decimal | None) -> str:
    if v is None:
        return "?"
    v = v.normalize()
    return f"{int(v):,}" if v == v.to_integral_value() else f"{v:f}"


def _cite(c: Citation) -> str:
    return f"[{c.doc_id} {''.join(c.clause_path)}] {c.quote}"


def _amount_text(r: RuleResult) -> str:
    if r.amount is not None:
        return ("up to " if r.upper_bound else "") + _money(r.amount) + " 元"
    if r.min is not None or r.max is not None:
        return f"{_money(r.min)}–{_money(r.max)} 元"
    return "amount not stated" if not r.missing else "amount needs " + ", ".join(r.missing)


def render(out: CalcResult) -> str:
    up_to = "up to " if out.total_is_upper_bound else ""
    lines = [f"Applies ({len(out.applies)}), total {up_to}{_money(out.total)} 元:"]
    for r in out.applies:
        lines.append(f"  + {r.rule_id} {r.beneficiary or ''} {r.instrument}"
                     f"{' ' + r.tier if r.tier else ''}: {_amount_text(r)}")
        lines += [f"      {n}" for n in r.notes] + [f"      {_cite(r.citation)}"]
    lines.append(f"Does not apply ({len(out.not_applies)}):")
    for r in out.not_applies:
        lines.append(f"  - {r.rule_id}: " + "; ".join(r.reasons))
        lines.append(f"      {_cite(r.citation)}")
    lines.append(f"Cannot decide ({len(out.undecidable)}):")
    for r in out.undecidable:
        lines.append(f"  ? {r.rule_id}: missing " + ", ".join(r.missing))
        lines.append(f"      {_cite(r.citation)}")
    lines += [f"warning: {w}" for w in out.warnings]
    return "\n".join(lines)


@click.command("calc")
@click.option("--rules", "rules_path", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A rules file written by `zhengce rules`.")
@click.option("--profile", "profile_path", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A person's or an enterprise's profile (JSON object of vocabulary fields).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def calc_cmd(rules_path: Path, profile_path: Path, as_json: bool) -> None:
    """Evaluate a profile against a rules file: what applies, how much, and why not.

    \b
    Example:
      zhengce rules outputs -o rules.json
      echo '{"recipient": "person", "honors": ["武汉工匠"]}' > p.json
      zhengce calc --rules rules.json --profile p.json
    """
    from .errors import ZhengceError
    from .rules import load_rules

    try:
        profile = json.loads(profile_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ZhengceError(f"{profile_path}: not valid JSON: {exc}") from None
    if not isinstance(profile, dict):
        raise ZhengceError(f"{profile_path}: a profile is a JSON object")
    out = evaluate(load_rules(rules_path), profile)
    if as_json:
        click.echo(json.dumps(out.model_dump(mode="json"), ensure_ascii=False, indent=1))
    else:
        click.echo(render(out))
