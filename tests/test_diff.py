"""`zhengce diff`: item matching by content, run and file modes, output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.diff import DocDiff, diff_documents, diff_paths, diff_runs, render
from pipeline.models import ITEM_LISTS, Document
from pipeline.run import run
from pipeline.stages import document_from_text

ROOT = Path(__file__).resolve().parents[1]
CASES_FILE = ROOT / "tests/fixtures/diff/cases.yaml"
_DATA = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
CASES = _DATA["cases"]


def _base_text(base: str) -> str:
    if base.startswith("corpus:"):
        return (ROOT / "corpus" / base.split(":", 1)[1]).read_text(encoding="utf-8")
    return _DATA["texts"][base]


def _edited(text: str, edits: list[list[str]]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, f"edit target not unique in base text: {old!r}"
        text = text.replace(old, new)
    return text


def _versions(case: dict) -> tuple[Document, Document]:
    text = _base_text(case["base"])
    return (document_from_text(text, "old"),
            document_from_text(_edited(text, case["edits"]), "new"))


def _label(change) -> str:
    a, b = change.old.quote, change.new.quote
    return a if a == b else f"{a} -> {b}"


def _check_refs(got, expected: list[dict], what: str) -> None:
    assert [r.quote for r in got] == [next(iter(e)) for e in expected], what
    for ref, exp in zip(got, expected):
        (quote, fields), = exp.items()
        fields = dict(fields)
        if "_sentence" in fields:
            assert ref.sentence == fields.pop("_sentence"), f"{what} {quote}: sentence"
        assert {k: ref.fields.get(k) for k in fields} == fields, f"{what} {quote}"
        assert ref.sentence and ref.quote in ref.sentence, f"{what} {quote}: sentence"
        assert ref.clause_path, f"{what} {quote}: clause path"


def _check_changed(got, expected: list[dict], what: str) -> None:
    assert [_label(c) for c in got] == [next(iter(e)) for e in expected], what
    for change, exp in zip(got, expected):
        (label, fields), = exp.items()
        actual = {f.field: [f.old, f.new] for f in change.changes}
        assert sorted(actual) == sorted(fields), f"{what} {label}: changed fields"
        for name, values in fields.items():
            if values != "*":
                assert actual[name] == values, f"{what} {label}: {name}"
        assert change.new.sentence and change.new.quote in change.new.sentence


def _check(diff: DocDiff, expect: dict) -> None:
    meta = {f.field: [f.old, f.new] for f in diff.metadata}
    want = expect.get("metadata", {})
    assert sorted(meta) == sorted(want)
    for name, values in want.items():
        for got, exp in zip(meta[name], values):
            assert exp == "*" or got == exp, f"metadata {name}"
    for name in ITEM_LISTS:
        exp = expect.get(name, {})
        got = diff.lists[name]
        _check_refs(got.added, exp.get("added", []), f"{name} added")
        _check_refs(got.removed, exp.get("removed", []), f"{name} removed")
        _check_changed(got.changed, exp.get("changed", []), f"{name} changed")
    assert diff.has_changes == bool(expect)


def _param(case: dict):
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=f"{case['group']}:{case['id']}", marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case):
    old, new = _versions(case)
    _check(diff_documents(old, new), case["expect"])


def test_case_file_is_well_formed():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert {c["group"] for c in CASES} == {"seed", "beyond", "negative"}
    for c in CASES:
        assert set(c) <= {"id", "group", "base", "edits", "expect", "xfail"}, c["id"]
        assert set(c["expect"]) <= {"metadata", *ITEM_LISTS}, c["id"]


def test_diff_is_symmetric_in_counts():
    case = next(c for c in CASES if c["id"] == "sentence-added")
    old, new = _versions(case)
    forward, backward = diff_documents(old, new), diff_documents(new, old)
    assert forward.totals() == {"added": 3, "removed": 0, "changed": 0}
    assert backward.totals() == {"added": 0, "removed": 3, "changed": 0}
    assert [r.quote for r in backward.lists["amounts"].removed] == ["3000元"]
    assert backward.lists["amounts"].removed[0].sentence == "对取得高级技师职业资格的，给予3000元一次性奖励。"


def test_every_corpus_notice_against_itself_has_no_diff():
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        a, b = document_from_text(text, "a"), document_from_text(text, "b")
        assert not diff_documents(a, b).has_changes, path.name


# --------------------------------------------------------------------------- runs and the CLI

NOTICE = _DATA["texts"]["notice"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Two runs over the same doc ids: one notice edited, one dropped, one added."""
    root = tmp_path_factory.mktemp("diffruns")
    v1, v2 = root / "in1", root / "in2"
    v1.mkdir(), v2.mkdir()
    (v1 / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (v2 / "notice.txt").write_text(NOTICE.replace("最高5万元", "最高8万元"), encoding="utf-8")
    (v1 / "gone.txt").write_text(_DATA["texts"]["twice"], encoding="utf-8")
    (v2 / "fresh.txt").write_text(_DATA["texts"]["twice"], encoding="utf-8")
    for name in ("same.txt",):
        (v1 / name).write_text(NOTICE, encoding="utf-8")
        (v2 / name).write_text(NOTICE, encoding="utf-8")
    run([str(v1)], root / "r1", progress=False, parquet=False)
    run([str(v2)], root / "r2", progress=False, parquet=False)
    return root


def test_diff_runs(runs):
    result = diff_runs(runs / "r1", runs / "r2")
    assert result.added_documents == ["fresh"]
    assert result.removed_documents == ["gone"]
    assert result.unchanged_documents == ["same"]
    (doc,) = result.documents
    assert (doc.old_doc_id, doc.new_doc_id) == ("notice", "notice")
    assert doc.totals() == {"added": 0, "removed": 0, "changed": 2}
    (change,) = doc.lists["amounts"].changed
    assert change.match == "shape"
    assert [(f.field, f.old, f.new) for f in change.changes] == [("max", 50000, 80000)]
    assert change.new.sentence == "（一）对新认定的技能大师工作室，给予最高8万元的经费支持。"
    assert change.old.sentence == "（一）对新认定的技能大师工作室，给予最高5万元的经费支持。"
    assert change.new.clause_path == ["一", "（一）"]


def test_cli_human_output_and_exit_codes(runs):
    cli = CliRunner()
    res = cli.invoke(main, ["diff", str(runs / "r1"), str(runs / "r2")])
    assert res.exit_code == 1, res.output
    lines = res.output.splitlines()
    assert lines[0] == f"+ document fresh  (only in {runs / 'r2'})"
    assert lines[1] == f"- document gone  (only in {runs / 'r1'})"
    assert lines[2] == "=== notice"
    assert lines[3].startswith("~ amounts    「最高5万元」→「最高8万元」 max: 50000 -> 80000  §一/（一）")
    assert lines[3].endswith("| 句: （一）对新认定的技能大师工作室，给予最高8万元的经费支持。")
    assert lines[4].strip() == "原句: （一）对新认定的技能大师工作室，给予最高5万元的经费支持。"
    assert lines[-1] == ("2 documents compared, 1 with differences, 1 added, 1 removed; "
                         "items: 0 added, 0 removed, 2 changed; metadata: 0 fields changed")
    same = cli.invoke(main, ["diff", str(runs / "r1"), str(runs / "r1")])
    assert same.exit_code == 0, same.output
    assert same.output.splitlines() == [(
        "3 documents compared, 0 with differences, 0 added, 0 removed; "
        "items: 0 added, 0 removed, 0 changed; metadata: 0 fields changed")]


def test_cli_output_is_deterministic(runs):
    cli = CliRunner()
    outs = {cli.invoke(main, ["diff", str(runs / "r1"), str(runs / "r2")]).output
            for _ in range(2)}
    assert len(outs) == 1
    js = {cli.invoke(main, ["diff", str(runs / "r1"), str(runs / "r2"), "--json"]).output
          for _ in range(2)}
    assert len(js) == 1


def test_cli_json(runs):
    res = CliRunner().invoke(main, ["diff", str(runs / "r1"), str(runs / "r2"), "--json"])
    assert res.exit_code == 1
    data = json.loads(res.output)
    assert data["added_documents"] == ["fresh"] and data["removed_documents"] == ["gone"]
    (doc,) = data["documents"]
    (change,) = doc["lists"]["amounts"]["changed"]
    assert change["changes"] == [{"field": "max", "old": 50000, "new": 80000}]
    assert change["old"]["quote"] == "最高5万元" and change["new"]["quote"] == "最高8万元"
    assert change["new"]["fields"]["kind"] == "cap"
    assert "id" not in change["new"]["fields"] and "start" not in change["new"]["fields"]


def test_cli_two_files_with_different_doc_ids(tmp_path):
    draft = document_from_text(NOTICE.replace("实施办法的通知", "实施办法（征求意见稿）的通知"),
                               "draft")
    final = document_from_text(NOTICE.replace("不超过10名", "不超过20名"), "final")
    (tmp_path / "draft.json").write_text(draft.model_dump_json(), encoding="utf-8")
    (tmp_path / "final.json").write_text(final.model_dump_json(), encoding="utf-8")
    res = CliRunner().invoke(main, ["diff", str(tmp_path / "draft.json"),
                                    str(tmp_path / "final.json")])
    assert res.exit_code == 1, res.output
    lines = res.output.splitlines()
    assert lines[0] == "=== draft -> final"
    assert "~ metadata   draft: true -> false" in lines
    quota = next(line for line in lines if line.startswith("~ quotas"))
    assert quota.startswith("~ quotas     「不超过10名」→「不超过20名」 count: 10 -> 20  §一/（二）")
    assert quota.endswith("| 句: （二）每年遴选不超过20名首席技师，每人每月给予600元津贴。")
    same = CliRunner().invoke(main, ["diff", str(tmp_path / "final.json"),
                                     str(tmp_path / "final.json")])
    assert same.exit_code == 0 and "0 with differences" in same.output


@pytest.mark.parametrize("args, message", [
    (["missing_a", "missing_b"], "missing_a: no such file or directory"),
    (["DIR", "FILE"], "give two run directories or two document JSON files"),
    (["DIR", "DIR"], "not a run directory (no docs/ folder"),
    (["BAD", "BAD"], "not a zhengce document JSON"),
    (["NOTJSON", "NOTJSON"], "not a zhengce document JSON"),
], ids=["missing", "dir-and-file", "not-a-run", "bad-json-schema", "not-json"])
def test_cli_bad_input_exits_2_without_traceback(tmp_path, args, message):
    (tmp_path / "plain").mkdir()
    (tmp_path / "bad.json").write_text('{"doc_id": "x"}', encoding="utf-8")
    (tmp_path / "notjson.json").write_text("not json at all", encoding="utf-8")
    where = {"DIR": tmp_path / "plain", "FILE": tmp_path / "bad.json",
             "BAD": tmp_path / "bad.json", "NOTJSON": tmp_path / "notjson.json"}
    argv = [str(where.get(a, tmp_path / a)) for a in args]
    res = CliRunner().invoke(main, ["diff", *argv])
    assert res.exit_code == 2
    assert "Traceback" not in res.output and res.exception is None or isinstance(
        res.exception, SystemExit)
    assert message in res.output and res.output.startswith("error: ")


def test_cli_help_has_example():
    res = CliRunner().invoke(main, ["diff", "--help"])
    assert res.exit_code == 0
    assert "Example:" in res.output and "zhengce diff runs/v1 runs/v2" in res.output


def test_render_matches_diff_paths(runs):
    assert render(diff_paths(runs / "r1", runs / "r2")).splitlines()[-1].startswith(
        "2 documents compared, 1 with differences")


def test_fields_from_another_pipeline_version_are_ignored_with_a_warning(tmp_path):
    doc = document_from_text(NOTICE, "notice")
    raw = json.loads(doc.model_dump_json())
    raw["amounts"][0]["confidence"] = 0.9
    raw["future_list"] = []
    (tmp_path / "old.json").write_text(doc.model_dump_json(), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    res = CliRunner().invoke(main, ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")])
    assert res.exit_code == 0, res.output
    assert (f"warning: {tmp_path / 'new.json'}: ignored fields unknown to this version: "
            "confidence, future_list") in res.output
    raw["amounts"][0]["max"] = "not a number"
    (tmp_path / "new.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    bad = CliRunner().invoke(main, ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json")])
    assert bad.exit_code == 2 and "not a zhengce document JSON" in bad.output
