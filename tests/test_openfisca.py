"""The OpenFisca export: real figures of the seed corpus as dated parameters, skips, CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.openfisca import (
    build_export,
    leaf_name,
    node_name,
    rule_dates,
    write_export,
)
from pipeline.rules import Rule, RulesFile, build_rules, dump_rules
from pipeline.run import run

ROOT = Path(__file__).resolve().parents[1]
JIANGHAI = "000_5297c262f14bb955"
JINHUA = "001_e0178c7f38f802c1"
NO_DATE = "no date: the notice states neither an effective date nor an issue date"
LEAF_NAME = re.compile(r"^r\d{2,}_[0-9a-f]{6}_(amount|rate|min|max|total_max)\.yaml$")


def _rules_of(src: Path, tmp: Path) -> RulesFile:
    res = run([str(src)], tmp / "run", parquet=False)
    assert not res.errors
    return build_rules(tmp / "run")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[RulesFile, Path]:
    tmp = tmp_path_factory.mktemp("openfisca")
    rules = _rules_of(ROOT / "corpus", tmp)
    (tmp / "rules.json").write_text(dump_rules(rules), encoding="utf-8")
    write_export(build_export(rules), tmp / "params")
    return rules, tmp


def _rule(rules: RulesFile, doc_id: str, **amount) -> tuple[Rule, int]:
    """A rule found by its content (not its number) and its ordinal within its notice."""
    mine = [r for r in rules.rules if r.doc_id == doc_id]
    hits = [(r, i) for i, r in enumerate(mine)
            if all(getattr(r.amount, k) == v for k, v in amount.items())]
    assert hits, (doc_id, amount)
    return hits[0]


def _leaf(root: Path, rule: Rule, ordinal: int, part: str) -> dict:
    path = root / node_name(rule.doc_id) / f"{leaf_name(ordinal, rule.id, part)}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _skipped(root: Path) -> dict[str, str]:
    meta = yaml.safe_load((root / "index.yaml").read_text(encoding="utf-8"))["metadata"]
    return {s["rule_id"]: s["reason"] for s in meta["zhengce"]["skipped"]}


# --------------------------------------------------------------------------- real values


def test_fixed_amount_is_dated_by_the_notice_and_expires_after_effective_until(corpus):
    rules, tmp = corpus
    rule, n = _rule(rules, JIANGHAI, kind="fixed", value=100000)
    assert rule.beneficiary == "区级高技能人才培训基地"
    leaf = _leaf(tmp / "params", rule, n, "amount")
    assert leaf["values"] == {date(2018, 12, 29): {"value": 100000},
                              date(2021, 1, 1): {"value": None}}  # until 2020-12-31, +1 day
    assert leaf["description"] == "区级高技能人才培训基地 资助"
    meta = leaf["metadata"]
    assert meta["unit"] == "currency-CNY"
    assert meta["reference"] == [
        {"title": "关于印发“高新工匠”培育实施方案 (2018-2020年)的通知 二/（一）"}]
    z = meta["zhengce"]
    assert (z["rule_id"], z["doc_id"], z["clause_path"], z["date_source"]) == (
        rule.id, JIANGHAI, ["二", "（一）"], "effective_from")
    text = (ROOT / "corpus" / f"{JIANGHAI}.txt").read_text(encoding="utf-8")
    assert z["quote"] == rule.quote and z["start"] < z["end"]
    assert z["instrument"] == "资助" and z["draft"] is False and z["quote"] in text


def test_rate_is_a_per_one_leaf_with_its_cap_as_a_sibling(corpus):
    rules, tmp = corpus
    rule, n = _rule(rules, JIANGHAI, kind="formula", max=50000)
    rate = _leaf(tmp / "params", rule, n, "rate")
    cap = _leaf(tmp / "params", rule, n, "max")
    assert rate["metadata"]["unit"] == "/1" and cap["metadata"]["unit"] == "currency-CNY"
    assert rate["values"][date(2018, 12, 29)] == {"value": 0.5}
    assert cap["values"][date(2018, 12, 29)] == {"value": 50000}
    assert rate["values"][date(2021, 1, 1)] == {"value": None}
    assert rate["metadata"]["zhengce"]["rate_base"] == "base.event_budget"
    assert rate["description"].endswith("(rate)") and cap["description"].endswith("(cap)")


def test_unquantified_and_undated_rules_are_skipped_with_their_reason(corpus):
    rules, tmp = corpus
    skipped = _skipped(tmp / "params")
    unq = [r for r in rules.rules if r.doc_id == JIANGHAI and r.amount.kind == "unquantified"]
    assert unq and all(skipped[r.id].startswith("unquantified") for r in unq)
    # the Jinhua draft prints no date: its figures are skipped, no date is invented
    rule, _ = _rule(rules, JINHUA, kind="fixed", value=50000)
    assert rule.beneficiary == "金华大工匠" and skipped[rule.id] == NO_DATE
    assert not (tmp / "params" / node_name(JINHUA)).exists()
    exported = {r.id for r in rules.rules} - set(skipped)
    meta = yaml.safe_load((tmp / "params" / "index.yaml").read_text(encoding="utf-8"))
    leaves = [p for p in (tmp / "params").rglob("r*.yaml")]
    assert meta["metadata"]["zhengce"]["parameters"] == len(leaves) >= len(exported) > 0


def test_jinhua_craftsman_with_an_issue_date_falls_back_to_it(corpus):
    rules, _ = corpus
    dated = rules.model_copy(deep=True)
    doc = next(d for d in dated.documents if d.doc_id == JINHUA)
    doc.issue_date = date(2021, 3, 1)  # as the final version of the draft would print it
    export = build_export(dated)
    rule, n = _rule(dated, JINHUA, kind="fixed", value=50000)
    path = f"{node_name(JINHUA)}/{leaf_name(n, rule.id, 'amount')}.yaml"
    leaf = yaml.safe_load(export.files[path])
    assert leaf["description"] == "金华大工匠 资助"
    assert leaf["values"] == {date(2021, 3, 1): {"value": 50000}}  # no effective_until: no null
    assert leaf["metadata"]["reference"] == [
        {"title": "关于实施新时代金华工匠培育工程的意见(征求意见稿) 二/（一）/1"}]
    z = leaf["metadata"]["zhengce"]
    assert (z["date_source"], z["draft"], z["beneficiary_category"]) == (
        "issue_date", True, "title_holder")


def test_effective_from_other_than_issue_date_and_periods(tmp_path):
    rules = _rules_of(ROOT / "tests" / "fixtures" / "dev2" / "docs", tmp_path)
    export = build_export(rules)
    rule, n = _rule(rules, "d2_zhuanjingtexin", kind="fixed", value=20000, per="person_year")
    name = leaf_name(n, rule.id, "amount")
    leaf = yaml.safe_load(export.files[f"doc_d2_zhuanjingtexin/{name}.yaml"])
    assert leaf["values"] == {date(2023, 5, 1): {"value": 20000},
                              date(2026, 5, 1): {"value": None}}  # effective_from, not issue_date
    assert leaf["metadata"]["period"] == "year"
    assert leaf["metadata"]["zhengce"]["per"] == "person_year"


def test_rule_dates_refuse_an_expiry_before_the_start(corpus):
    rules, _ = corpus
    rule, _ = _rule(rules, JIANGHAI, kind="fixed", value=100000)
    bad = rule.model_copy(update={"effective_until": date(2018, 1, 1)})
    assert "before the start date" in rule_dates(bad, None)
    assert rule_dates(rule.model_copy(update={"effective_from": None}), None) == NO_DATE


# --------------------------------------------------------------------------- the tree


def test_every_file_loads_back_as_an_openfisca_parameter(corpus):
    _, tmp = corpus
    root = tmp / "params"
    assert yaml.safe_load((root / "index.yaml").read_text(encoding="utf-8"))["description"]
    for node in [p for p in root.iterdir() if p.is_dir()]:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", node.name)
        assert yaml.safe_load((node / "index.yaml").read_text(encoding="utf-8"))["description"]
        for f in node.glob("r*.yaml"):
            assert LEAF_NAME.match(f.name), f.name
            leaf = yaml.safe_load(f.read_text(encoding="utf-8"))
            assert set(leaf) == {"description", "metadata", "values"} and leaf["description"]
            assert leaf["metadata"]["unit"] in ("currency-CNY", "/1")
            assert leaf["metadata"]["reference"][0]["title"]
            assert leaf["values"] and all(type(k) is date for k in leaf["values"])
            assert all(set(v) == {"value"} for v in leaf["values"].values())
            assert leaf["values"][min(leaf["values"])]["value"] is not None
    assert not list(tmp.glob(".params.*"))  # no temporary folder left


def _files(d: Path) -> dict[Path, bytes]:
    return {p.relative_to(d): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_export_is_deterministic_and_replaces_a_previous_one(corpus, tmp_path):
    rules, tmp = corpus
    write_export(build_export(RulesFile.model_validate_json(dump_rules(rules))), tmp_path / "a")
    assert _files(tmp_path / "a") == _files(tmp / "params")
    (tmp_path / "a" / node_name(JIANGHAI) / "r99_000000_amount.yaml").write_text("stale")
    write_export(build_export(rules), tmp_path / "a")
    assert _files(tmp_path / "a") == _files(tmp / "params")  # the stale leaf is gone


def test_node_names_are_ascii_and_distinct():
    assert node_name(JIANGHAI) == f"doc_{JIANGHAI}"
    names = {node_name(i) for i in ("关于通知", "关于意见", "notice.pdf", "notice_pdf", "Notice")}
    assert len(names) == 5 and all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)


# --------------------------------------------------------------------------- CLI


def test_cli_writes_the_tree_and_prints_a_summary(corpus, tmp_path):
    _, tmp = corpus
    res = CliRunner().invoke(main, ["openfisca", str(tmp / "rules.json"), "-o",
                                    str(tmp_path / "p")])
    assert res.exit_code == 0, res.output
    n_skipped = len(_skipped(tmp / "params"))
    assert re.search(rf"\d+ parameters written to .*, {n_skipped} rules skipped", res.output)
    assert _files(tmp_path / "p") == _files(tmp / "params")


def test_cli_errors_for_a_missing_or_invalid_rules_file_or_a_foreign_folder(corpus, tmp_path):
    _, tmp = corpus
    out = str(tmp_path / "p")
    res = CliRunner().invoke(main, ["openfisca", str(tmp_path / "nope.json"), "-o", out])
    assert res.exit_code != 0 and "no such rules file" in str(res.exception)
    bad = tmp_path / "bad.json"
    bad.write_text('{"rules": [{"id": 1}]}', encoding="utf-8")
    res = CliRunner().invoke(main, ["openfisca", str(bad), "-o", out])
    assert res.exit_code != 0 and "not a rules file" in str(res.exception)
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    res = CliRunner().invoke(main, ["openfisca", str(tmp / "rules.json"), "-o", str(foreign)])
    assert res.exit_code != 0 and "not an OpenFisca export" in str(res.exception)
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    assert not (tmp_path / "p").exists()


def test_cli_entry_reports_errors_without_a_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli import entry; entry()", "openfisca",
         str(tmp_path / "nope.json"), "-o", str(tmp_path / "p")],
        check=False, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and "no such rules file" in proc.stderr
    assert "Traceback" not in proc.stderr
