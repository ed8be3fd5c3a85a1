"""The rules export: vocabulary data file, benefit -> rule mapping, schema, CLI end to end."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.data import load_raw
from pipeline.models import Benefit, Document
from pipeline.rules import (FIELD_MAP, AllOf, AnyOf, Leaf, ProfileVocabulary, RulesFile,
                            amount_expr, build_rules, document_rules, node_fields,
                            rules_from_documents, vocabulary)
from pipeline.stages import document_from_text

ROOT = Path(__file__).resolve().parents[1]
YEJI = "004_85f2414aeacedee7"


# --------------------------------------------------------------------------- the data file


def test_vocabulary_loads_and_validates():
    v = vocabulary()
    names = [f.name for f in v.fields]
    for required in ("skill_level", "honors", "honor_level", "tenure_years", "social_insurance",
                     "social_insurance_years", "contract_years", "experience_years",
                     "entity_type", "ownership", "industry", "region", "origin", "catalog",
                     "date", "recipient", "base.salary", "base.training_fee", "base.matching"):
        assert required in names
    assert v.field("recipient").values == ["person", "enterprise", "school", "platform"]


def test_vocabulary_rejects_bad_data():
    raw = load_raw("profile_vocabulary.yaml")
    raw["fields"].append(dict(raw["fields"][0]))
    with pytest.raises(ValueError, match="duplicate field"):
        ProfileVocabulary.model_validate(raw)
    raw = load_raw("profile_vocabulary.yaml")
    raw["bases"]["工资"] = "base.nothing"
    with pytest.raises(ValueError, match="unknown field"):
        ProfileVocabulary.model_validate(raw)


def test_vocabulary_agrees_with_the_extractor_gazetteers():
    from pipeline.extract.conditions import honors, ladder

    levels = sorted(ladder().levels, key=lambda lv: lv.rank)
    assert vocabulary().field("skill_level").ladder == [lv.canonical for lv in levels]
    assert set(honors().levels) == set(vocabulary().field("honor_level").ladder)
    names = {f.name for f in vocabulary().fields}
    assert {target for target, _ in FIELD_MAP.values()} <= names


# --------------------------------------------------------------------------- mapping


def _yeji_doc() -> Document:
    from pipeline.extract import conditions
    from pipeline.stages import build_document, finalize

    doc = build_document(ROOT / "corpus" / f"{YEJI}.txt", YEJI)
    conditions.annotate(doc)
    finalize(doc)
    return doc


@pytest.fixture(scope="module")
def yeji() -> Document:
    doc = _yeji_doc()
    quote = "分别给予3000元、2000元、1000元一次性奖励"
    start = doc.text.index(quote)
    group = next(g for g in doc.condition_groups if g.start <= start <= g.end + 10)
    doc.benefits = [Benefit(
        id=f"{YEJI}:b0", doc_id=YEJI, clause_id=f"{YEJI}#三", clause_path=["三"], start=start,
        end=start + len(quote), quote=quote, beneficiary="民营企业职工",
        beneficiary_category="person", instrument="奖励", amount=Decimal(2000),
        frequency="once", tier="技师", conditions=group)]
    rate_quote = "按企业支付给职业院校培训费用的60%给予企业补助"
    rs = doc.text.index(rate_quote)
    doc.benefits.append(Benefit(
        id=f"{YEJI}:b1", doc_id=YEJI, clause_id=f"{YEJI}#三", clause_path=["三"], start=rs,
        end=rs + len(rate_quote), quote=rate_quote, beneficiary="企业",
        beneficiary_category="enterprise", instrument="补助", rate=Decimal("0.6"),
        rate_base="企业支付给职业院校培训费用", max=Decimal(6000), per="person_year",
        duration_years=Decimal(2)))
    return doc


def test_conditions_of_the_seed_sentence_become_vocabulary_predicates(yeji):
    rf = rules_from_documents([yeji])
    rule = rf.rules[0]
    assert rule.id == f"{YEJI}:b0" and rule.recipient_kinds == ["person"]
    assert isinstance(rule.conditions, AllOf)
    leaves = rule.conditions.all
    assert leaves[0] == Leaf(field="ownership", op="in", value=["private"], about="民营企业")
    assert leaves[1] == Leaf(field="tenure_years", op=">=", value=Decimal(3), unit="year",
                             inclusive=True)
    assert leaves[2] == Leaf(field="social_insurance", op="==", value=True)
    assert leaves[3].op == "manual"  # 自本《实施意见》发布之日起: the notice has no date
    assert isinstance(leaves[4], AnyOf)
    assert [x.value for x in leaves[4].any] == ["高级技师", "技师", "高级工"]
    assert rule.needs_review and "manual" in rule.review_reason
    assert rule.citation.quote == yeji.text[rule.start:rule.end]
    assert set(node_fields(rule.conditions)) <= {f.name for f in rf.profile_vocabulary}


def test_rate_benefit_becomes_a_formula_on_a_profile_base(yeji):
    rule = rules_from_documents([yeji]).rules[1]
    a = rule.amount
    assert (a.kind, a.rate, a.base_field, a.max, a.per, a.duration_years) == (
        "formula", Decimal("0.6"), "base.training_fee", Decimal(6000), "person_year", Decimal(2))
    assert rule.recipient_kinds == ["enterprise"] and not rule.needs_review


def test_exclusion_becomes_a_document_stacking_rule(yeji):
    rf = rules_from_documents([yeji])
    assert [(s.kind, s.scope, s.quote) for s in rf.stacking] == [
        ("highest_only", "document", "按上限资助，不重复享受")]
    assert rf.stacking[0].citation.clause_path == ["十"]


def _benefit(**kw) -> Benefit:
    return Benefit(start=0, end=1, quote="x", **kw)


@pytest.mark.parametrize("kw,kind,fields", [
    (dict(amount=Decimal(5)), "fixed", {"value": Decimal(5)}),
    (dict(max=Decimal(3000)), "cap", {"max": Decimal(3000)}),
    (dict(min=Decimal(5), max=Decimal(10)), "range", {"min": Decimal(5), "max": Decimal(10)}),
    (dict(min=Decimal(5)), "floor", {"min": Decimal(5)}),
    (dict(quantified=False), "unquantified", {}),
    (dict(rate=Decimal("0.5"), rate_base="申报年上一年人才薪酬", total_cap=Decimal(500000),
          frequency="yearly", duration_years=Decimal(3)), "formula",
     {"base_field": "base.salary", "total_cap": Decimal(500000), "duration_years": Decimal(3)}),
    (dict(rate=Decimal(1), rate_base="上级拨付资金"), "formula", {"base_field": "base.matching"}),
    (dict(rate=Decimal("0.1"), rate_base="研发投入"), "formula", {"base_field": "研发投入"}),
], ids=["fixed", "cap", "range", "floor", "unquantified", "salary-formula", "matching-1-1",
        "unknown-base"])
def test_amount_expression(kw, kind, fields):
    expr = amount_expr(_benefit(**kw))
    assert expr.kind == kind
    for k, v in fields.items():
        assert getattr(expr, k) == v


# --------------------------------------------------------------------------- files and CLI


def _validate(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, RulesFile.model_json_schema())
    RulesFile.model_validate(data)
    return data


def test_rules_cmd_on_a_hand_linked_run_validates_against_the_schema(yeji, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / f"{YEJI}.json").write_text(yeji.model_dump_json(), encoding="utf-8")
    res = CliRunner().invoke(main, ["rules", str(tmp_path), "-o", str(tmp_path / "r.json")])
    assert res.exit_code == 0, res.output
    data = _validate(tmp_path / "r.json")
    assert [r["id"] for r in data["rules"]] == [f"{YEJI}:b0", f"{YEJI}:b1"]
    assert data["rules"][0]["amount"]["value"] == 2000
    first = (tmp_path / "r.json").read_bytes()
    CliRunner().invoke(main, ["rules", str(tmp_path), "-o", str(tmp_path / "r.json")])
    assert (tmp_path / "r.json").read_bytes() == first  # deterministic
    assert not list(tmp_path.glob(".r.json.*"))  # atomic: no temporary left


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    res = CliRunner().invoke(main, ["run", str(ROOT / "corpus"), "-o", str(out), "--no-parquet"])
    assert res.exit_code == 0, res.output
    rules = out / "rules.json"
    res = CliRunner().invoke(main, ["rules", str(out), "-o", str(rules)])
    assert res.exit_code == 0, res.output
    return out


def test_same_kind_stacking_is_marked(corpus_run):
    data = json.loads((corpus_run / "rules.json").read_text(encoding="utf-8"))
    among = {s["doc_id"][:3]: s["among"] for s in data["stacking"]}
    assert among["001"] == "same_instrument"  # 涉及同类项目奖励资助的，…从高、从优、不重复
    assert among["004"] == "all"  # 符合多重条件的，按上限资助，不重复享受


def test_corpus_rules_file_validates_against_its_published_schema(corpus_run):
    data = _validate(corpus_run / "rules.json")
    docs = {d["doc_id"]: d for d in data["documents"]}
    assert len(docs) == 5
    assert docs["000_5297c262f14bb955"]["effective_until"] == "2020-12-31"
    assert docs["001_e0178c7f38f802c1"]["draft"] is True
    names = {f["name"] for f in data["profile_vocabulary"]}
    for rule in data["rules"]:
        rf_rule = RulesFile.model_validate({"rules": [rule]}).rules[0]
        assert set(node_fields(rf_rule.conditions)) <= names, rule["id"]
    schema = CliRunner().invoke(main, ["schema", "--model", "rules"])
    assert json.loads(schema.output) == RulesFile.model_json_schema()
    assert build_rules(corpus_run) == RulesFile.model_validate(data)


def test_end_to_end_run_rules_calc_for_a_wuhan_craftsman(corpus_run, tmp_path):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"recipient": "person", "honors": ["武汉工匠"], "region": "武汉市",
                                   "skill_level": "高级技师"}, ensure_ascii=False),
                       encoding="utf-8")
    res = CliRunner().invoke(main, ["calc", "--rules", str(corpus_run / "rules.json"),
                                    "--profile", str(profile), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert set(out) == {"applies", "not_applies", "undecidable", "total", "total_is_upper_bound",
                        "warnings"}
    assert out["warnings"] == []
    known = [r["amount"] for r in out["applies"] if r["amount"] is not None]
    assert out["total"] == sum(known)
    rules = json.loads((corpus_run / "rules.json").read_text(encoding="utf-8"))["rules"]
    award = [r for r in rules if r["doc_id"].startswith("003")
             and r["amount"]["value"] == 300000]
    if award:  # once the linker links 给予“武汉工匠”人员一次性奖励30万元, it must apply
        assert award[0]["id"] in {r["rule_id"] for r in out["applies"]}
        assert 300000 in known
    human = CliRunner().invoke(main, ["calc", "--rules", str(corpus_run / "rules.json"),
                                      "--profile", str(profile)])
    assert human.exit_code == 0 and "Applies (" in human.output


# --------------------------------------------------------------------------- field mapping cases

RULE_FIELD_CASES = yaml.safe_load(
    (ROOT / "tests/cases/rule_fields.yaml").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", RULE_FIELD_CASES, ids=lambda c: c["id"])
def test_condition_fields_map_to_vocabulary_tests(case):
    doc = document_from_text("关于印发测试办法的通知\n一、" + case["text"] + "\n", "t")
    rules, _ = document_rules(doc)
    assert len(rules) == 1
    got = rules[0].model_dump(exclude_none=True, mode="json")["conditions"]
    assert got == case["conditions"]
    assert set(node_fields(rules[0].conditions)) - {"text"} <= {f.name for f in vocabulary().fields}
