"""Profiles worked out by hand against the seed notices, evaluated on the rules the
pipeline itself extracts (run -> rules -> calc), not on hand-built rules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.calc import evaluate
from pipeline.rules import build_rules
from pipeline.run import run

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e")
    run([str(p) for p in sorted((ROOT / "corpus").glob("*.txt"))], out, progress=False,
        parquet=False)
    return build_rules(out)


def _statuses(rules, result, doc: str, value: int, tier: str | None = None) -> set[str]:
    """Statuses of the rules of ``doc`` whose fixed amount is ``value`` yuan (and tier)."""
    ids = {r.id for r in rules.rules if r.doc_id.startswith(doc)
           and r.amount.value is not None and r.amount.value == value
           and (tier is None or r.tier == tier)}
    return {res.status for status in ("applies", "not_applies", "undecidable")
            for res in getattr(result, status) if res.rule_id in ids}


def test_wuhan_craftsman_gets_the_one_off_award(rules):
    # 003 二（三）1: 给予“武汉工匠”人员一次性奖励30万元
    result = evaluate(rules, {"recipient": "person", "honors": ["武汉工匠"], "region": "武汉市"})
    assert Decimal(300000) in {r.amount for r in result.applies}
    assert all(r.citation.doc_id.startswith("003") for r in result.applies)


def test_rules_of_another_region_do_not_apply(rules):
    result = evaluate(rules, {"recipient": "person", "honors": ["武汉工匠"], "region": "金华市"})
    assert not [r for r in result.applies if r.citation.doc_id.startswith("003")]
    assert _statuses(rules, result, "003", 300000) == {"not_applies"}


def test_yeji_technician_gets_the_technician_tier_only(rules):
    # 004 三: 按高级技师5000元/人、技师3500元/人、高级工2000元/人 … 给予培养单位或职工个人补助;
    # 对…民营企业职工 … 取得高级技师、技师和高级工 … 分别给予3000元、2000元、1000元
    profile = {"recipient": "person", "region": "六安市叶集区", "skill_level": "技师",
               "tenure_years": 4, "social_insurance": True, "ownership": "private"}
    result = evaluate(rules, profile)
    assert _statuses(rules, result, "004", 3500) == {"applies"}
    assert _statuses(rules, result, "004", 5000) == {"not_applies"}
    assert _statuses(rules, result, "004", 3000) == {"not_applies"}
    # 自本《实施意见》发布之日起: the notice prints no date, so a person must check it
    assert _statuses(rules, result, "004", 2000, tier="技师") == {"undecidable"}
    assert _statuses(rules, result, "004", 2000, tier="高级工") == {"not_applies"}


def test_missing_skill_level_is_undecidable(rules):
    result = evaluate(rules, {"recipient": "person", "region": "六安市叶集区"})
    undecided = [r for r in result.undecidable if r.citation.doc_id.startswith("004")]
    assert any("skill_level" in r.missing for r in undecided)
    assert _statuses(rules, result, "004", 3500) == {"undecidable"}


def test_jiangmen_grade_two_project(rules):
    # 000 二（三）2: 一级不超过1个，资助10万元；二级不超过2个，各资助7万元；三级…各资助5万元
    profile = {"recipient": "platform", "region": "江门市江海区", "grade": "二级"}
    result = evaluate(rules, profile)
    assert _statuses(rules, result, "000", 70000) == {"applies"}
    assert _statuses(rules, result, "000", 100000) >= {"not_applies"}
    project = next(r for r in result.applies if r.amount == Decimal(70000))
    assert any("<= 2" in note for note in project.notes)  # its tier quota is reported


def test_jinhua_firm_recruiting_a_leader_from_outside_the_city(rules):
    # 001 二（一）3: 以申报年上一年人才薪酬为基数，连续三年按该基数的50%给予企业引才补贴，
    # 补贴总额不超过50万元: 0.5 x 400,000 x 3 years = 600,000, capped at 500,000
    profile = {"recipient": "enterprise", "region": "金华市", "industry": ["制造业"],
               "origin": "outside_city", "honor_level": "city", "years_since_event": 1,
               "base": {"salary": 400000}}
    result = evaluate(rules, profile)
    subsidy = [r for r in result.applies if r.citation.doc_id.startswith("001")
               and r.amount == Decimal(500000)]
    assert len(subsidy) == 1 and any("capped at 500000" in n for n in subsidy[0].notes)
