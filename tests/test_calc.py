"""The reference calculator: profiles worked out by hand (tests/cases/profiles.yaml).

The rules each profile needs are built by hand in the Rule schema, so these
tests do not depend on the linker; one end-to-end test runs the real CLI.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.calc import CalcResult, evaluate, render
from pipeline.rules import Citation, Rule, RulesFile, StackingRule, vocabulary

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "profiles.yaml").read_text(encoding="utf-8"))
GROUPS = ("seed", "beyond", "negatives")


def _text(notice: str) -> tuple[str, str]:
    """(doc_id, text) of a seed notice or of a beyond-corpus text."""
    if notice in CASES["notices"]:
        doc_id = CASES["notices"][notice]
        return doc_id, _corpus_text(doc_id)
    return notice, CASES["texts"][notice]


_TEXTS: dict[str, str] = {}


def _corpus_text(doc_id: str) -> str:
    if doc_id not in _TEXTS:
        from pipeline.ingest import read
        from pipeline.structure import to_text

        _TEXTS[doc_id] = to_text(read(ROOT / "corpus" / f"{doc_id}.txt").text)
    return _TEXTS[doc_id]


def _locate(entry: dict) -> tuple[str, int, int]:
    doc_id, text = _text(entry["notice"])
    key = entry.get("sentence", entry["quote"])
    start = text.find(key)
    assert start >= 0, f"quote not in the notice: {key}"
    start += key.find(entry["quote"])
    return doc_id, start, start + len(entry["quote"])


def build_rule(rule_id: str) -> Rule:
    entry = dict(CASES["rules"][rule_id])
    doc_id, start, end = _locate(entry)
    entry.pop("notice")
    path = entry.get("clause_path", [])
    return Rule.model_validate({
        **entry, "id": rule_id, "doc_id": doc_id, "start": start, "end": end,
        "clause_id": f"{doc_id}:{'/'.join(path)}" if path else None,
        "citation": Citation(doc_id=doc_id, clause_path=path, quote=entry["quote"]),
    })


def build_stacking(stack_id: str) -> StackingRule:
    entry = dict(CASES["stacking"][stack_id])
    doc_id, start, end = _locate(entry)
    sentence = entry.pop("sentence")
    entry.pop("notice")
    return StackingRule.model_validate({
        **entry, "id": stack_id, "doc_id": doc_id, "start": start, "end": end,
        "citation": Citation(doc_id=doc_id, clause_path=entry.get("clause_path", []),
                             quote=sentence),
    })


def rules_file(ids: list[str]) -> RulesFile:
    return RulesFile(
        rules=[build_rule(i) for i in ids if i in CASES["rules"]],
        stacking=[build_stacking(i) for i in ids if i in CASES["stacking"]],
        profile_vocabulary=list(vocabulary().fields))


def _params():
    for group in GROUPS:
        for case in CASES["profiles"][group]:
            xfail = case.get("xfail")
            marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
            yield pytest.param(case, id=f"{group}/{case['id']}", marks=marks)


def _dec(v) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def check(out: CalcResult, want: dict, ids: list[str]) -> None:
    rule_ids = [i for i in ids if i in CASES["rules"]]
    applies = want.get("applies", {})
    not_applies = want.get("not_applies", {})
    undecidable = want.get("undecidable", {})
    assert sorted(applies) + sorted(not_applies) + sorted(undecidable) != []
    assert {r.rule_id: r.amount for r in out.applies} == {k: _dec(v) for k, v in applies.items()}
    assert sorted(r.rule_id for r in out.not_applies) == sorted(not_applies)
    assert sorted(r.rule_id for r in out.undecidable) == sorted(undecidable)
    assert len(out.applies) + len(out.not_applies) + len(out.undecidable) == len(rule_ids)
    for rid, reason in not_applies.items():
        assert any(reason in x for x in out.result(rid).reasons), (rid, out.result(rid).reasons)
    for rid, missing in {**undecidable, **want.get("missing", {})}.items():
        assert out.result(rid).missing == missing, (rid, out.result(rid).missing)
    for rid in want.get("upper_bound", []):
        assert out.result(rid).upper_bound is True
    assert out.total == _dec(want["total"])
    assert out.warnings == want.get("warnings", [])


@pytest.mark.parametrize("case", list(_params()))
def test_profile(case):
    rf = rules_file(case["rules"])
    out = evaluate(rf, case["profile"])
    check(out, case["expected"], case["rules"])
    for r in out.applies + out.not_applies + out.undecidable:
        assert r.citation.quote and r.citation.doc_id
    assert render(out)  # the human output renders


def test_case_file_counts_and_ids():
    ids = [c["id"] for g in GROUPS for c in CASES["profiles"][g]]
    assert len(ids) == len(set(ids))
    assert len(CASES["profiles"]["seed"]) >= 15
    used = {r for g in GROUPS for c in CASES["profiles"][g] for r in c["rules"]}
    assert set(CASES["rules"]) | set(CASES["stacking"]) == used  # no dead rule in the library


def test_every_hand_rule_uses_the_vocabulary():
    from pipeline.rules import node_fields

    names = {f.name for f in vocabulary().fields}
    for rid in CASES["rules"]:
        rule = build_rule(rid)
        assert set(node_fields(rule.conditions)) <= names, rid
        base = rule.amount.base_field
        assert base is None or base in names or rid == "b_rnd", (rid, base)


def test_evaluate_is_deterministic_and_json_round_trips():
    case = CASES["profiles"]["seed"][0]
    rf = rules_file(case["rules"])
    a = evaluate(rf, case["profile"]).model_dump_json()
    b = evaluate(RulesFile.model_validate_json(rf.model_dump_json()), case["profile"]).model_dump_json()
    assert a == b


def test_three_valued_any():
    from pipeline.rules import AnyOf, Leaf

    rule = build_rule("w_craftsman").model_copy(update={"conditions": AnyOf(any=[
        Leaf(field="honors", op="in", value=["武汉工匠"]),
        Leaf(field="skill_level", op=">=", value="高级技师")])})
    rf = RulesFile(rules=[rule], profile_vocabulary=list(vocabulary().fields))
    assert evaluate(rf, {"recipient": "person", "honors": ["武汉工匠"]}).applies
    out = evaluate(rf, {"recipient": "person", "honors": []})
    assert out.undecidable[0].missing == ["skill_level"]
    out = evaluate(rf, {"recipient": "person", "honors": [], "skill_level": "技师"})
    assert out.not_applies[0].reasons == ["honors in 武汉工匠 (profile: )",
                                          "skill_level >= 高级技师 (profile: 技师)"]


def test_calc_cli_human_and_json(tmp_path):
    from pipeline.cli import main

    case = next(c for c in CASES["profiles"]["seed"] if c["id"] == "wuhan-craftsman")
    (tmp_path / "rules.json").write_text(rules_file(case["rules"]).model_dump_json(),
                                         encoding="utf-8")
    (tmp_path / "p.json").write_text(json.dumps(case["profile"], ensure_ascii=False),
                                     encoding="utf-8")
    args = ["calc", "--rules", str(tmp_path / "rules.json"), "--profile", str(tmp_path / "p.json")]
    human = CliRunner().invoke(main, args)
    assert human.exit_code == 0, human.output
    assert "total 305,000 元" in human.output and "w_craftsman" in human.output
    assert "Does not apply (1)" in human.output and "武汉市技术能手" in human.output
    js = CliRunner().invoke(main, args + ["--json"])
    data = json.loads(js.output)
    assert data["total"] == 305000
    assert [r["rule_id"] for r in data["applies"]] == ["w_craftsman", "w_train_sr"]


def test_caps_make_the_total_an_upper_bound_and_bad_facts_are_missing():
    from pipeline.calc import _bool, _num

    assert _bool("false") is False and _bool("否") is False and _bool("是") is True
    assert _num(float("nan")) is None and _num("inf") is None and _num("3") == 3


def test_rules_and_calc_report_bad_files_without_a_traceback(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    profile = tmp_path / "p.json"
    profile.write_text("{}", encoding="utf-8")
    res = CliRunner().invoke(main, ["calc", "--rules", str(bad), "--profile", str(profile)])
    assert res.exit_code != 0 and "not a rules file" in str(res.exception or res.output)
    res = CliRunner().invoke(main, ["rules", str(tmp_path), "-o", str(tmp_path / "r.json")])
    assert res.exit_code != 0 and "not a run folder" in str(res.exception or res.output)
