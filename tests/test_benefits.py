"""Benefit linking on sentences (tests/cases/benefits.yaml) and on the seed notices."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from pipeline.extract.benefits import category_of, head_noun
from pipeline.stages import document_from_text

ROOT = Path(__file__).resolve().parents[1]
DATA = yaml.safe_load((ROOT / "tests/cases/benefits.yaml").read_text(encoding="utf-8"))
CASES = [pytest.param(c, id=f"{group}/{c['id']}",
                      marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else [])
         for group, cases in DATA.items() for c in cases]
NUMERIC = {"amount", "min", "max", "rate", "total_cap", "duration_years"}


def _matches(benefit, want: dict) -> bool:
    for key, value in want.items():
        got = getattr(benefit, key)
        if key == "beneficiary" and value is None:
            if got is not None:
                return False
        elif key == "beneficiary":
            if not got or not (value in got or got in value):
                return False
        elif key == "modifies" and value == "previous":
            if not got:
                return False
        elif key in NUMERIC:
            if (got is None) != (value is None) or (value is not None and Decimal(str(value)) != got):
                return False
        elif got != value:
            return False
    return True


@pytest.mark.parametrize("case", CASES)
def test_case(case):
    doc = document_from_text(case["text"], "t")
    benefits = doc.benefits
    assert len(benefits) == len(case["expected"]), [
        (b.beneficiary, b.amount, b.max, b.rate) for b in benefits]
    for b, want in zip(benefits, case["expected"]):
        assert _matches(b, want), (b.model_dump(exclude={"conditions", "agencies"}), want)
        assert doc.text[b.start:b.end] == b.quote


def test_helpers():
    assert head_noun("新入围享受政府特殊津贴的高技能人才") == "高技能人才"
    assert category_of("区级高技能人才培训基地") == "platform"
    assert category_of("选送单位") == "enterprise"


def test_seed_notices_link_conditions_and_agencies():
    text = (ROOT / "corpus/004_85f2414aeacedee7.txt").read_text(encoding="utf-8")
    doc = document_from_text(text, "004")
    by_amount = {b.amount: b for b in doc.benefits if b.amount is not None}
    reward = by_amount[Decimal(3000)]
    assert reward.beneficiary == "各类民营企业职工" and reward.frequency == "once"
    cond_ids = set()

    def walk(group):
        for m in group.members:
            walk(m) if not isinstance(m, str) else cond_ids.add(m)

    walk(reward.conditions)
    types = {c.type for c in doc.conditions if c.id in cond_ids}
    assert {"tenure", "social_insurance"} <= types
    assert all(b.id and b.clause_id for b in doc.benefits)


def test_linking_resolves_the_amount_denominator_from_a_project_quota():
    # 各资助 (each) counts the projects of the quota before it: the amount is per project
    doc = document_from_text("每年资助不超过5个技能提升项目，各资助3万元。", "t")
    assert [(a.quote, a.per) for a in doc.amounts] == [("3万元", "project")]
