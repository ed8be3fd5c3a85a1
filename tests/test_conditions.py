"""Tests for pipeline/extract/conditions.py (eligibility qualifiers).

One parametrized test runs every case of tests/cases/conditions.yaml; the
others check that each gazetteer loads and rejects a duplicate alias, and run
annotate() on the five seed notices of corpus/.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from pipeline.data import load_raw
from pipeline.extract import conditions as cond
from pipeline.extract.conditions import annotate, extract_conditions
from pipeline.models import ConditionGroup, Document

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "conditions.yaml").read_text(encoding="utf-8"))
CORPUS = ROOT / "corpus"

PREDICATE_KEYS = ("field", "op", "value", "unit", "inclusive")


def _params():
    for origin, cases in CASES.items():
        for case in cases:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            yield pytest.param(case, id=case["id"], marks=marks)


def _norm(v):
    """YAML numbers -> Decimal so that 0.2 compares exactly with Decimal('0.2')."""
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return Decimal(str(v))
    return v


def _actual(c) -> dict:
    d = {"quote": c.quote, "type": c.type, "negated": c.negated, "honor_level": c.honor_level,
         "canonical": c.canonical}
    p = c.predicate
    for k in PREDICATE_KEYS:
        d[k] = getattr(p, k) if p else None
    return d


def _doc(text: str, doc_id: str = "t") -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", sha256="0" * 64, format="txt",
                    text=text)


def _render(g: ConditionGroup, index: dict[str, int]) -> str:
    inner = ", ".join(_render(m, index) if isinstance(m, ConditionGroup) else str(index[m])
                      for m in g.members)
    return f"{g.op}({inner})"


@pytest.mark.parametrize("case", list(_params()))
def test_case(case):
    text = case["text"]
    got = extract_conditions(text)
    for c in got:
        assert c.quote == text[c.start:c.end]
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
    expect = case["expect"]
    summary = [(c.quote, c.type) for c in got]
    assert len(got) == len(expect), summary
    for item, c in zip(expect, got):
        actual = _actual(c)
        for key, want in item.items():
            if key == "negated":
                assert actual[key] is want, (key, summary)
                continue
            want_v = [_norm(x) for x in want] if isinstance(want, list) else _norm(want)
            assert actual[key] == want_v, (key, actual[key], want_v, c.quote)
        if "negated" not in item:
            assert c.negated is False, c.quote
    if "groups" in case:
        doc = _doc(text)
        annotate(doc)
        index = {c.id: i for i, c in enumerate(doc.conditions)}
        assert [_render(g, index) for g in doc.condition_groups] == case["groups"]


def test_case_file_covers_every_type_and_form():
    cases = [c for cs in CASES.values() for c in cs if "xfail" not in c]
    assert len([c for cs in CASES.values() for c in cs]) >= 100
    types = {i["type"] for c in cases for i in c["expect"]}
    assert types >= {"skill_level", "honor", "tenure", "experience", "social_insurance",
                     "labor_contract", "entity_type", "industry", "origin", "catalog",
                     "threshold", "time_window", "exclusion", "other"}
    items = [i for c in cases for i in c["expect"]]
    assert any("（含" in i.get("quote", "") for i in items)
    assert any("（不含" in i.get("quote", "") for i in items)
    assert any(i.get("negated") for i in items)
    trees = " ".join(g for c in cases for g in c.get("groups", []))
    assert "any(" in trees and "all(" in trees
    assert {"seed", "beyond", "negatives"} <= set(CASES)


# --------------------------------------------------------------------------- gazetteers

LOADERS = {
    "conditions.yaml": (cond.words, cond.ConditionWords, ("exclusion_phrases",)),
    "skill_levels.yaml": (cond.ladder, cond.SkillLadder, ("levels", 0, "aliases")),
    "honors.yaml": (cond.honors, cond.Honors, ("honors", 0, "aliases")),
    "entity_types.yaml": (cond.entity_types, cond.EntityTypes, ("types", 0, "aliases")),
    "industries.yaml": (cond.industries, cond.Industries, ("industries", 0, "aliases")),
    "professional_titles.yaml": (cond.professional_titles, cond.ProfessionalTitles,
                                 ("levels", 0, "level_words")),
    "groups.yaml": (cond.groups, cond.QualifyingGroups, ("groups", 0, "aliases")),
}


def test_title_groups_are_topics():
    """A group named in the notice title is its audience, not a qualifier (annotate)."""
    doc = _doc("退役军人就业创业扶持办法\n退役军人创办小微企业的，给予补贴。"
               "对就业困难人员参加培训的，给予补贴。")
    doc.metadata.title = "退役军人就业创业扶持办法"
    annotate(doc)
    groups = [c.canonical for c in doc.conditions if c.predicate.field == "group"]
    assert groups == ["就业困难人员"]


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_gazetteer_loads(name):
    loader, model, _ = LOADERS[name]
    data = loader()
    assert isinstance(data, model)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_gazetteer_rejects_duplicate_alias(name):
    _, model, path = LOADERS[name]
    raw = load_raw(name)
    target = raw
    for key in path:
        target = target[key]
    target.append(target[0])
    with pytest.raises(ValidationError, match="duplicate"):
        model.model_validate(raw)


def test_alias_duplicated_across_entries_is_rejected():
    raw = load_raw("honors.yaml")
    raw["honors"][1]["aliases"].append(raw["honors"][0]["aliases"][0])
    with pytest.raises(ValidationError, match="duplicate alias"):
        cond.Honors.model_validate(raw)


def test_entity_type_cannot_be_generic_and_bare():
    raw = load_raw("entity_types.yaml")
    bare = next(t for t in raw["types"] if t.get("bare"))
    assert bare["aliases"][0] == "院校"
    bare["generic"] = True
    with pytest.raises(ValidationError, match="generic and bare"):
        cond.EntityTypes.model_validate(raw)


def test_skill_ladder_order():
    names = [lv.canonical for lv in sorted(cond.ladder().levels, key=lambda lv: lv.rank)]
    assert names == ["初级工", "中级工", "高级工", "技师", "高级技师", "特级技师", "首席技师"]
    grades = {lv.canonical: lv.grade for lv in cond.ladder().levels}
    assert grades["高级工"] == "三级" and grades["高级技师"] == "一级"


def test_honor_levels():
    by_name = {h.canonical: h.level for h in cond.honors().honors}
    assert by_name["中华技能大奖"] == "national"
    assert by_name["享受国务院政府特殊津贴"] == "national"
    assert by_name["江淮杰出工匠"] == "province"
    assert by_name["武汉工匠"] == "city"
    assert cond.honors().levels == ["national", "province", "city", "district"]


# --------------------------------------------------------------------------- corpus

# (notice, quote, type, field, op, value) that annotate() must find in the notice
CORPUS_EXPECT = [
    ("000", "每达 30 人", "threshold", "count_step", ">=", 30),
    ("000", "服务满一年", "tenure", "tenure_years", ">=", 1),
    ("000", "市外、国外", "origin", "origin", "==", "outside_city"),
    ("000", "同一项目同时符合企业自主人才评价资助和高技能人才培养项目资助的，不得重复享受", "exclusion", "duplicate_benefit", "not", None),
    ("000", "从优、从高、不重复", "exclusion", "duplicate_benefit", "not", None),
    ("001", "中华技能大奖获得者", "honor", "honors", "in", ["中华技能大奖"]),
    ("001", "超1000人次", "threshold", "count", ">", 1000),
    ("001", "达500人以上", "threshold", "count", ">=", 500),
    ("001", "20%人次以上", "threshold", "share", ">=", Decimal("0.2")),
    ("001", "高级工以上", "skill_level", "skill_level", ">=", "高级工"),
    ("001", "引进后三年内", "time_window", "years_since_引进", "<=", 3),
    ("001", "20名以上", "threshold", "count", ">=", 20),
    ("001", "属于紧缺职业（工种）", "catalog", "catalog", "in", ["紧缺职业（工种）"]),
    ("001", "1个月以上脱产技能研修培训", "threshold", "training_months", ">=", 1),
    ("002", "特级技师", "skill_level", "skill_level", "==", "特级技师"),
    ("003", "未获得高级职称", "exclusion", "has", "not", "高级职称"),
    ("003", "世界技能大赛金银铜牌选手", "honor", "honors", "in",
     ["世界技能大赛金牌", "世界技能大赛银牌", "世界技能大赛铜牌"]),
    ("004", "同一企业连续工作3年以上（含3年）", "tenure", "tenure_years", ">=", 3),
    ("004", "参加社会保险", "social_insurance", "social_insurance", "==", True),
    ("004", "3年以上相应岗位工作经历", "experience", "experience_years", ">=", 3),
    ("004", "缴纳社会保险满3年", "social_insurance", "social_insurance_years", ">=", 3),
    ("004", "与其签订1年以上劳动合同", "labor_contract", "contract_years", ">=", 1),
    ("004", "技师及以上", "skill_level", "skill_level", ">=", "技师"),
    ("004", "中级以上", "skill_level", "skill_level", ">=", "中级工"),
    ("004", "自本《实施意见》发布之日起", "time_window", "time_window", ">=", "本《实施意见》发布之日"),
    ("004", "按上限资助，不重复享受", "exclusion", "duplicate_benefit", "not", None),
]




@functools.cache
def _annotated(prefix: str) -> Document:
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    doc = _doc(path.read_text(encoding="utf-8"), path.stem)
    annotate(doc)
    return doc


@pytest.mark.parametrize("prefix,quote,ctype,fld,op,value", CORPUS_EXPECT,
                         ids=[f"{e[0]}-{e[1]}" for e in CORPUS_EXPECT])
def test_corpus_qualifier(prefix, quote, ctype, fld, op, value):
    doc = _annotated(prefix)
    found = [c for c in doc.conditions if c.quote == quote]
    assert found, [c.quote for c in doc.conditions]
    c = found[0]
    assert (c.type, c.predicate.field, c.predicate.op) == (ctype, fld, op)
    assert c.predicate.value == value


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_corpus_annotate_structure(prefix):
    doc = _annotated(prefix)
    assert doc.conditions, "every seed notice has qualifiers"
    ids = [c.id for c in doc.conditions]
    assert ids == [f"{doc.doc_id}:c{i}" for i in range(len(ids))]
    assert [c.start for c in doc.conditions] == sorted(c.start for c in doc.conditions)
    for c in doc.conditions:
        assert c.quote == doc.text[c.start:c.end]
        assert c.doc_id == "" and c.clause_id is None
    members: list[str] = []

    def walk(g: ConditionGroup) -> None:
        assert g.op in ("all", "any") and g.members
        for m in g.members:
            walk(m) if isinstance(m, ConditionGroup) else members.append(m)

    for n, g in enumerate(doc.condition_groups):
        assert g.id == f"{doc.doc_id}:cg{n}"
        walk(g)
    assert sorted(members) == sorted(ids), "each condition sits in exactly one group"
    again = _doc(doc.text, doc.doc_id)
    annotate(again)
    assert again.model_dump() == doc.model_dump(), "deterministic"


def test_no_conditions_in_prose_without_consequence():
    text = "鼓励企业建立技能人才薪酬分配制度。支持技师学院扩大技师培养规模。本方案自印发之日起实施。"
    assert extract_conditions(text) == []


def test_corpus_numeric_predicates_are_all_asserted():
    """Every numeric qualifier found in the seed notices is one asserted above."""
    asserted = {(e[0], e[1]) for e in CORPUS_EXPECT
                if isinstance(e[5], (int, Decimal)) and not isinstance(e[5], bool)}
    found = set()
    for prefix in ["000", "001", "002", "003", "004"]:
        for c in _annotated(prefix).conditions:
            v = c.predicate.value if c.predicate else None
            if isinstance(v, Decimal):
                found.add((prefix, c.quote))
    assert found == asserted


def test_round5_precision_words_load():
    from pipeline.extract.conditions import honors, words
    w, h = words(), honors()
    assert "公示" in w.procedure_words and "到" in w.entity_place_before
    assert "我市" in w.entity_place_fillers
    assert "集训基地" in h.name_tails and "承办" in h.event_verbs


def test_professional_title_ladder_order():
    names = [lv.canonical for lv in sorted(cond.professional_titles().levels,
                                          key=lambda lv: lv.rank) if not lv.floor]
    assert names == ["初级职称", "中级职称", "副高级职称", "正高级职称"]


def test_professional_title_field_in_vocabulary():
    vocab = load_raw("profile_vocabulary.yaml")
    field = next(f for f in vocab["fields"] if f["name"] == "professional_title")
    assert field["type"] == "ordinal"
    assert field["ladder"] == ["初级职称", "中级职称", "副高级职称", "正高级职称"]


def test_corpus_professional_title_list():
    doc = _annotated("001")
    c = next(c for c in doc.conditions if c.quote.endswith("助理级、中级、副高级职称"))
    assert (c.type, c.predicate.field, c.predicate.op) == ("other", "professional_title", "in")
    assert c.predicate.value == ["初级职称", "中级职称", "副高级职称"]
