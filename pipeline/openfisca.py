"""The OpenFisca export: the figures of a rules file as dated OpenFisca parameters.

``build_export(rules)`` turns a :class:`pipeline.rules.RulesFile` (what
``zhengce rules`` writes) into an OpenFisca parameter tree held in memory as
``{relative path: YAML text}``; ``write_export`` puts it on disk, replacing a
previous export as a whole.  The layout (see ``docs/openfisca.md``)::

    OUT/index.yaml                               the export: counts and the skipped rules
    OUT/<node>/index.yaml                        one notice: its title and dates
    OUT/<node>/r03_<hash>_amount.yaml            one figure of one rule

Each figure of a rule is its own leaf, named ``r<ordinal>_<hash of the rule id>_<part>``:
``amount`` (a fixed sum), ``min`` / ``max`` (a floor, cap or range; the cap of a
rate), ``rate`` (unit ``/1``) and ``total_max`` (the total cap), so a rate and its
cap are siblings.  Values are keyed by the rule's start date (its
``effective_from``, which is the notice's; else the notice's ``issue_date``) with a
``null`` on the day after ``effective_until``.  A rule without a figure or without a
date is not exported and is listed with the reason instead: no date is invented.

>>> node_name("000_5297c262f14bb955")
'doc_000_5297c262f14bb955'
>>> node_name("notice.pdf")
'doc_notice_pdf_90237bb0'
>>> _period("person_month", None), _period(None, "yearly"), _period("person", "once")
('month', 'year', None)
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import click
import yaml

from . import __version__
from .errors import ZhengceError
from .models import _num_json
from .rules import RULES_VERSION, AmountExpr, DocumentInfo, Rule, RulesFile, load_rules

MARKER = "zhengce-openfisca"
CURRENCY = "currency-CNY"
RATE_UNIT = "/1"
_NON_ASCII_NAME = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 60
_PART_LABEL = {"amount": "", "min": "minimum", "max": "cap", "rate": "rate",
               "total_max": "total cap"}


@dataclass(frozen=True)
class Skipped:
    rule_id: str
    doc_id: str
    reason: str


@dataclass
class Export:
    files: dict[str, str] = field(default_factory=dict)
    parameters: int = 0
    skipped: list[Skipped] = field(default_factory=list)


# =========================================================================== names


def _digest(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def node_name(doc_id: str) -> str:
    """A path-safe ASCII identifier for a notice; a digest keeps lossy ones distinct."""
    slug = _NON_ASCII_NAME.sub("_", doc_id.lower()).strip("_")[:_MAX_SLUG].strip("_")
    name = f"doc_{slug}" if slug else "doc"
    return name if slug == doc_id else f"{name}_{_digest(doc_id)}"


def leaf_name(ordinal: int, rule_id: str, part: str) -> str:
    return f"r{ordinal:02d}_{_digest(rule_id, 6)}_{part}"


# =========================================================================== figures and dates


def figures(a: AmountExpr) -> list[tuple[str, Decimal, str]]:
    """(part, value, unit) of every figure an amount states, in a fixed order."""
    parts = [("amount", a.value if a.kind == "fixed" else None, CURRENCY),
             ("rate", a.rate, RATE_UNIT), ("min", a.min, CURRENCY), ("max", a.max, CURRENCY),
             ("total_max", a.total_cap, CURRENCY)]
    return [(p, v, u) for p, v, u in parts if v is not None]


def _period(per: str | None, frequency: str | None) -> str | None:
    """month / year when the figure is paid per month / year (as pipeline.calc reads it)."""
    if per in ("month", "person_month") or (per not in ("year", "person_year")
                                            and frequency == "monthly"):
        return "month"
    if per in ("year", "person_year") or frequency == "yearly":
        return "year"
    return None


def rule_dates(rule: Rule, doc: DocumentInfo | None) -> tuple[date, date | None, str] | str:
    """(start, stop or None, where the start comes from), or why the rule has no dates."""
    if rule.effective_from is not None:
        start, source = rule.effective_from, "effective_from"
    elif doc is not None and doc.issue_date is not None:
        start, source = doc.issue_date, "issue_date"
    else:
        return "no date: the notice states neither an effective date nor an issue date"
    until = rule.effective_until or (doc.effective_until if doc else None)
    if until is not None and until < start:
        return f"effective_until {until} is before the start date {start}"
    return start, (until + timedelta(days=1) if until else None), source


# =========================================================================== YAML


def _yaml(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=True, default_flow_style=False,
                          width=1_000_000)


def _describe(rule: Rule, part: str) -> str:
    words = [rule.beneficiary or rule.quote,
             rule.instrument if rule.instrument != "other" else None,
             f"[{rule.tier}]" if rule.tier else None]
    label = _PART_LABEL[part]
    return " ".join(w for w in words if w) + (f" ({label})" if label else "")


def _reference(rule: Rule, doc: DocumentInfo | None) -> dict:
    title = (doc.title if doc and doc.title else rule.doc_id)
    path = "/".join(rule.clause_path)
    return {"title": f"{title} {path}".strip()}


def _provenance(rule: Rule, doc: DocumentInfo | None, date_source: str) -> dict:
    a = rule.amount
    info = {
        "rule_id": rule.id, "doc_id": rule.doc_id, "clause_id": rule.clause_id,
        "clause_path": list(rule.clause_path), "quote": rule.quote, "start": rule.start,
        "end": rule.end, "beneficiary": rule.beneficiary,
        "beneficiary_category": rule.beneficiary_category, "instrument": rule.instrument,
        "tier": rule.tier, "amount_kind": a.kind, "per": a.per, "frequency": a.frequency,
        "duration_years": _num_json(a.duration_years), "rate_base": a.base_field,
        "rate_base_as_written": a.base_as_written, "modifies": rule.modifies,
        "date_source": date_source, "draft": bool(doc and doc.draft),
        "needs_review": rule.needs_review, "review_reason": rule.review_reason,
    }
    return {k: v for k, v in info.items() if v is not None}


def leaf_yaml(rule: Rule, doc: DocumentInfo | None, part: str, value: Decimal, unit: str,
              dates: tuple[date, date | None, str]) -> str:
    start, stop, source = dates
    values = {start: {"value": _num_json(value)}}
    if stop is not None:
        values[stop] = {"value": None}
    meta = {"unit": unit, "reference": [_reference(rule, doc)],
            "zhengce": _provenance(rule, doc, source)}
    period = _period(rule.amount.per, rule.amount.frequency)
    if period and part in ("amount", "min", "max"):  # a rate or a total cap has no period
        meta["period"] = period
    return _yaml({"description": _describe(rule, part), "metadata": meta, "values": values})


def node_yaml(doc: DocumentInfo | None, doc_id: str) -> str:
    info = doc.model_dump(mode="json", exclude_none=True) if doc else {"doc_id": doc_id}
    title = doc.title if doc and doc.title else doc_id
    return _yaml({"description": title, "metadata": {"zhengce": info}})


def root_yaml(export: Export, rules: RulesFile) -> str:
    skipped = [{"rule_id": s.rule_id, "doc_id": s.doc_id, "reason": s.reason}
               for s in export.skipped]
    meta = {"export": MARKER, "tool_version": __version__,
            "rules_version": rules.version or RULES_VERSION, "parameters": export.parameters,
            "skipped": skipped}
    return _yaml({"description": "Benefit figures of Chinese policy notices (zhengce export)",
                  "metadata": {"zhengce": meta}})


# =========================================================================== the tree


def _node_names(doc_ids: list[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for doc_id in sorted(set(doc_ids)):
        name, n = node_name(doc_id), 1
        while name in names.values():
            n += 1
            name = f"{node_name(doc_id)}_{n}"
        names[doc_id] = name
    return names


def _add_rule(export: Export, rule: Rule, ordinal: int, doc: DocumentInfo | None,
              node: str) -> None:
    parts = figures(rule.amount)
    if not parts:
        export.skipped.append(Skipped(rule.id, rule.doc_id,
                                      "unquantified: no amount, cap, floor or rate is stated"))
        return
    dates = rule_dates(rule, doc)
    if isinstance(dates, str):
        export.skipped.append(Skipped(rule.id, rule.doc_id, dates))
        return
    for part, value, unit in parts:
        path = f"{node}/{leaf_name(ordinal, rule.id, part)}.yaml"
        export.files[path] = leaf_yaml(rule, doc, part, value, unit, dates)
        export.parameters += 1


def build_export(rules: RulesFile) -> Export:
    """The parameter tree of a rules file, in memory; rules keep their file order."""
    docs = {d.doc_id: d for d in rules.documents}
    names = _node_names([r.doc_id for r in rules.rules])
    export, ordinals = Export(), {}
    for rule in rules.rules:
        ordinal = ordinals[rule.doc_id] = ordinals.get(rule.doc_id, -1) + 1
        _add_rule(export, rule, ordinal, docs.get(rule.doc_id), names[rule.doc_id])
    for doc_id, node in names.items():
        if any(p.startswith(f"{node}/") for p in export.files):
            export.files[f"{node}/index.yaml"] = node_yaml(docs.get(doc_id), doc_id)
    export.files["index.yaml"] = root_yaml(export, rules)
    export.files = dict(sorted(export.files.items()))
    return export


# =========================================================================== writing


def _previous_export(out: Path) -> bool:
    try:
        data = yaml.safe_load((out / "index.yaml").read_text(encoding="utf-8"))
        return data["metadata"]["zhengce"]["export"] == MARKER
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return False


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ZhengceError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not _previous_export(out):
        raise ZhengceError(f"{out}: folder is not empty and not an OpenFisca export of zhengce; "
                           "choose a new or empty folder")


def _swap(tmp: Path, out: Path) -> None:
    """Rename the finished tree into place; a previous export is removed only afterwards."""
    if not out.exists():
        os.replace(tmp, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    os.replace(out, old)
    try:
        os.replace(tmp, out)
    except BaseException:
        os.replace(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def write_export(export: Export, out: Path) -> None:
    """Write the tree to a temporary folder beside OUT and rename it into place."""
    from .run import _umask, atomic_write

    out = Path(out)
    _check_target(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700; the export is an ordinary folder
        for rel, text in export.files.items():
            with atomic_write(tmp / rel) as fh:
                fh.write(text)
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def export_openfisca(rules_path: Path, out: Path) -> Export:
    if not Path(rules_path).is_file():
        raise ZhengceError(f"{rules_path}: no such rules file (write one with `zhengce rules`)")
    export = build_export(load_rules(rules_path))
    write_export(export, out)
    return export


@click.command("openfisca")
@click.argument("rules_json", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", "out", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The parameter folder to write (replaced if it holds a previous export).")
def openfisca_cmd(rules_json: Path, out: Path) -> None:
    """Export the figures of a rules file as dated OpenFisca parameters (YAML).

    One folder per notice, one leaf per figure of a rule (amount, min, max, rate,
    total_max), values keyed by the notice's dates. Rules without a figure or a
    date are skipped and listed in OUT/index.yaml. See docs/openfisca.md.

    \b
    Example:
      zhengce rules outputs -o rules.json
      zhengce openfisca rules.json -o parameters
    """
    export = export_openfisca(rules_json, out)
    click.echo(f"{export.parameters} parameters written to {out}, {len(export.skipped)} rules "
               f"skipped (listed in {out / 'index.yaml'})", err=True)
