"""Tests of the evaluation harness (`zhengce eval`, pipeline.evaluate).

Table-driven cases (one sentence, one list) live in tests/fixtures/eval/cases.yaml;
the whole-run tests use the synthetic gold files in tests/fixtures/eval/gold/ and
a run directory built here from Document objects.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.evaluate import (
    EvalError,
    GoldDoc,
    NormText,
    Report,
    eval_cmd,
    evaluate,
    format_errors,
    format_table,
    load_gold,
    locate,
    locate_gold,
    normalize,
    score_list,
)
from pipeline.models import (
    Agency,
    Amount,
    Benefit,
    Condition,
    Document,
    Metadata,
    Quota,
    Rate,
)

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "eval"
GOLD_DIR = FIXTURES / "gold"
CORPUS = HERE.parent / "corpus"

PRED_MODEL = {
    "amounts": Amount, "rates": Rate, "quotas": Quota,
    "conditions": Condition, "agencies": Agency, "benefits": Benefit,
}


# --------------------------------------------------------------------------- table cases


def _load_cases() -> list:
    raw = yaml.safe_load((FIXTURES / "cases.yaml").read_text(encoding="utf-8"))
    params = []
    for origin, cases in raw.items():
        for case in cases:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            params.append(pytest.param(case, id=f"{origin}/{case['id']}", marks=marks))
    return params


def _nth(text: str, quote: str, n: int) -> int:
    at = -1
    for _ in range(n + 1):
        at = text.index(quote, at + 1)
    return at


def _pred(list_name: str, text: str, spec: dict):
    spec = dict(spec)
    quote = spec.pop("quote")
    start = _nth(text, quote, spec.pop("at", 0))
    return PRED_MODEL[list_name](start=start, end=start + len(quote), quote=quote, **spec)


@pytest.mark.parametrize("case", _load_cases())
def test_case(case):
    text, name = case["text"], case["list"]
    gold = GoldDoc.model_validate({"doc_id": "case", name: case["gold"]})
    nt = NormText(text)
    if "error" in case:
        with pytest.raises(EvalError, match=case["error"]):
            locate_gold(gold, nt, "case.yaml")
        return
    spans = locate_gold(gold, nt, "case.yaml")[name]
    preds = [_pred(name, text, p) for p in case["pred"]]
    counts, errors = score_list("case", name, getattr(gold, name), spans, preds, nt)
    expect = dict(case["expect"])
    assert sorted(e.kind for e in errors) == expect.pop("errors")
    assert counts.model_dump() == expect


def test_cases_file_and_fixture_gold_validate():
    assert len(_load_cases()) >= 30
    for path in sorted(GOLD_DIR.glob("*.yaml")):
        gold = load_gold(path)
        assert gold.doc_id == path.stem


# --------------------------------------------------------------------------- normalisation


def test_normalize_and_index_map():
    assert normalize("给予 10 万元（最高）") == "给予10万元(最高)"
    assert normalize("\ufeff１０\u200b万元\u3000") == "10万元"
    nt = NormText("给予 10\n万元")
    assert nt.norm == "给予10万元"
    assert nt.span(3, 8) == (2, 6)  # "10\n万元" in the original
    assert nt.original(2, 6) == (3, 8)
    assert locate(nt, "10 万元") == (2, 6)


def test_locate_in_real_corpus_notice():
    text = (CORPUS / "000_5297c262f14bb955.txt").read_text(encoding="utf-8")
    nt = NormText(text)
    s, e = locate(nt, "10万元", "给予 10 万元资助")
    start, end = nt.original(s, e)
    assert text[start:end] == "10 万元"
    assert text[start - 3:start] == "给予 "
    with pytest.raises(LookupError, match=r"occurs \d+ times"):
        locate(nt, "5 万元")  # several 5 万元 in the notice: context needed
    s, e = locate(nt, "不超过 5 万元", "按总筹办经费 50% 的标准给予不超过 5 万元的资金资助")
    assert normalize(text[slice(*nt.original(s, e))]) == "不超过5万元"


# --------------------------------------------------------------------------- whole runs

DOC_A_TEXT = (
    "关于印发《某市技能人才激励办法》的通知\n"
    "某人社〔2024〕12号\n"
    "各区人力资源社会保障局：\n"
    "一、对新认定的市级技能大师工作室，给予 10 万元资助。\n"
    "二、对获得省级技术能手称号的，给予最高 5 万元奖励；对获得市级技术能手称号的，给予 2 万元奖励。\n"
    "三、按培训费用的 50% 给予补贴，每年评选不超过 10 名。\n"
    "四、由市人力资源社会保障局负责组织实施。\n"
    "某市人力资源和社会保障局　某市财政局\n"
    "2024年3月1日\n"
)
DOC_B_TEXT = "对认定为省级技能大师工作室的，给予企业１０万元奖励。"


def _at(text: str, quote: str) -> dict:
    start = text.index(quote)
    return {"start": start, "end": start + len(quote), "quote": quote}


def _doc(doc_id: str, text: str, **lists) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", sha256="0" * 64, format="txt",
                    text=text, **lists)


def _doc_a() -> Document:
    t = DOC_A_TEXT
    sentence = "对新认定的市级技能大师工作室，给予 10 万元资助。"
    return _doc(
        "doc_a", t,
        metadata=Metadata(
            title="关于印发《某市技能人才激励办法》 的通知", doc_numbers=["某人社〔2024〕12号"],
            issuers=["某市财政局", "某市人力资源和社会保障局"], issue_date=date(2024, 3, 1),
            region="某区",
        ),
        amounts=[
            Amount(**_at(t, "10 万元"), value=Decimal("100000"), kind="fixed"),
            Amount(**_at(t, "5 万元"), value=Decimal("50000"), kind="fixed"),  # wrong: a cap
            Amount(**_at(t, "10 名"), value=Decimal("10"), kind="fixed"),  # spurious
        ],  # "2 万元" missed
        rates=[Rate(**_at(t, "50%"), value=Decimal("0.50"), base="培训费用")],
        quotas=[Quota(**_at(t, "不超过 10 名"), count=Decimal("10.0"), op="<=", unit="名")],
        conditions=[Condition(**_at(t, "新认定的"), type="other")],  # not annotated in gold
        agencies=[Agency(**_at(t, "市人力资源社会保障局负责"), canonical="市人力资源社会保障局",
                         role="lead")],
        benefits=[Benefit(**_at(t, sentence), beneficiary="新认定的市级技能大师工作室",
                          instrument="资助", amount=Decimal("100000"))],
    )


def _doc_b() -> Document:
    return _doc("doc_b", DOC_B_TEXT, amounts=[
        Amount(**_at(DOC_B_TEXT, "１０万元"), value=Decimal("100000"), kind="fixed"),
    ])


def _write_run(root: Path, docs: list[Document]) -> Path:
    (root / "docs").mkdir(parents=True)
    for d in docs:
        (root / "docs" / f"{d.doc_id}.json").write_text(d.model_dump_json(), encoding="utf-8")
    return root


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    return _write_run(tmp_path / "run", [_doc_a(), _doc_b()])


def _lists(report: Report, doc_id: str):
    return next(d for d in report.docs if d.doc_id == doc_id).lists


def test_exact_scores_hit_miss_spurious_wrong(run_dir):
    report = evaluate(GOLD_DIR, run_dir)
    a = _lists(report, "doc_a")["amounts"]
    assert a.counts.model_dump() == {"gold": 3, "pred": 3, "tp_span": 2, "tp_field": 1}
    assert (a.field.precision, a.field.recall, a.field.f1) == (0.3333, 0.3333, 0.3333)
    assert (a.span.precision, a.span.recall, a.span.f1) == (0.6667, 0.6667, 0.6667)
    overall = report.overall["amounts"]
    assert overall.counts.model_dump() == {"gold": 4, "pred": 4, "tp_span": 3, "tp_field": 2}
    assert (overall.field.f1, overall.span.f1) == (0.5, 0.75)
    assert report.total.counts.model_dump() == {"gold": 8, "pred": 8, "tp_span": 7, "tp_field": 6}
    assert (report.total.field.f1, report.total.span.f1) == (0.75, 0.875)


def test_error_items(run_dir):
    errors = {(e.doc_id, e.list_name, e.kind, e.quote): e for e in evaluate(GOLD_DIR, run_dir).errors}
    assert sorted(errors) == [
        ("doc_a", "amounts", "missed", "2 万元"),
        ("doc_a", "amounts", "spurious", "10 名"),
        ("doc_a", "amounts", "wrong", "最高 5 万元"),
        ("doc_a", "metadata", "wrong", "region"),
    ]
    wrong = errors["doc_a", "amounts", "wrong", "最高 5 万元"]
    assert wrong.differs == ["value", "max", "kind"]
    assert wrong.gold == {"value": None, "min": None, "max": 50000, "kind": "cap", "per": None}
    assert wrong.pred["value"] == 50000 and wrong.pred_quote == "5 万元"
    assert DOC_A_TEXT[wrong.start:wrong.end] == "最高 5 万元"
    assert wrong.snippet == "省级技术能手称号的，给予【最高 5 万元】奖励；对获得市级技术能手"
    region = errors["doc_a", "metadata", "wrong", "region"]
    assert (region.gold, region.pred) == ({"region": "某市"}, {"region": "某区"})


def test_whitespace_and_full_width_normalisation(run_dir):
    b = _lists(evaluate(GOLD_DIR, run_dir), "doc_b")
    assert list(b) == ["amounts"]
    assert b["amounts"].counts.model_dump() == {"gold": 1, "pred": 1, "tp_span": 1, "tp_field": 1}


def test_metadata_scoring(run_dir):
    report = evaluate(GOLD_DIR, run_dir)
    meta = _lists(report, "doc_a")["metadata"]
    # title (spaces ignored), doc_numbers, issuers (a set), issue_date, draft agree;
    # region differs; effective_from is null on both sides and counts nothing.
    assert meta.counts.model_dump() == {"gold": 6, "pred": 6, "tp_span": 6, "tp_field": 5}
    assert meta.field.f1 == 0.8333 and meta.span.f1 == 1.0
    assert list(report.metadata_fields) == [
        "title", "doc_numbers", "issuers", "issue_date", "effective_from", "draft", "region",
    ]
    assert report.metadata_fields["region"].counts.tp_field == 0
    assert report.metadata_fields["effective_from"].counts.model_dump() == {
        "gold": 0, "pred": 0, "tp_span": 0, "tp_field": 0}


def test_metadata_missed_and_spurious(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "m.yaml").write_text(
        "doc_id: m\nmetadata:\n  effective_from: 2024-01-01\n  effective_until: null\n"
        "  doc_numbers: []\n", encoding="utf-8")
    meta = Metadata(effective_until=date(2026, 12, 31), doc_numbers=["x〔2024〕1号"])
    run = _write_run(tmp_path / "run", [_doc("m", "正文。", metadata=meta)])
    report = evaluate(gold, run)
    assert report.overall["metadata"].counts.model_dump() == {
        "gold": 1, "pred": 2, "tp_span": 0, "tp_field": 0}
    kinds = sorted((e.kind, e.quote) for e in report.errors)
    assert kinds == [("missed", "effective_from"), ("spurious", "doc_numbers"),
                     ("spurious", "effective_until")]


def test_missing_list_not_scored(run_dir):
    report = evaluate(GOLD_DIR, run_dir)
    assert "conditions" not in report.overall  # predicted in doc_a, never annotated
    assert "conditions" not in _lists(report, "doc_a")
    assert "rates" not in _lists(report, "doc_b")
    assert list(report.overall) == ["metadata", "amounts", "rates", "quotas", "agencies", "benefits"]


def test_deterministic_and_warnings(run_dir, tmp_path):
    extra = _doc("doc_c", "无关文件。")
    (run_dir / "docs" / "doc_c.json").write_text(extra.model_dump_json(), encoding="utf-8")
    first = evaluate(GOLD_DIR, run_dir).model_dump_json()
    assert first == evaluate(GOLD_DIR, run_dir).model_dump_json()
    assert json.loads(first)["warnings"] == ["1 run document(s) have no gold file: doc_c"]


def test_predicted_quote_mismatch_warns(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD_DIR / "doc_b.yaml", gold)
    bad = Amount(start=0, end=3, quote="10万元", value=Decimal("100000"))
    run = _write_run(tmp_path / "run", [_doc("doc_b", DOC_B_TEXT, amounts=[bad])])
    assert evaluate(gold, run).warnings == [
        "doc_b: predicted amounts[0] '10万元': quote != text[0:3]"]


def test_format_table(run_dir):
    table = format_table(evaluate(GOLD_DIR, run_dir))
    lines = table.splitlines()
    assert len({len(line) for line in lines}) == 1  # fixed width
    assert lines[1].split() == ["list", "P", "R", "F1", "P", "R", "F1",
                                "gold", "pred", "tp_fld", "tp_spn"]
    amounts = next(line for line in lines if line.startswith("amounts"))
    assert amounts.split() == ["amounts", "0.500", "0.500", "0.500",
                               "0.750", "0.750", "0.750", "4", "4", "2", "3"]
    assert lines[-1].split()[:2] == ["ALL", "items"]


# --------------------------------------------------------------------------- gold errors


def _gold_dir(tmp_path: Path, name: str, body: str) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir(exist_ok=True)
    (gold / f"{name}.yaml").write_text(body, encoding="utf-8")
    return gold


def test_gold_extra_field_rejected(tmp_path):
    gold = _gold_dir(tmp_path, "doc_b", "doc_id: doc_b\namounts:\n"
                     "  - {quote: 10万元, value: 100000, kind: fixed, currency: CNY}\n")
    with pytest.raises(EvalError, match=r"doc_b\.yaml: invalid gold file(.|\n)*currency"):
        load_gold(gold / "doc_b.yaml")


def test_gold_duplicate_key_and_doc_id_mismatch(tmp_path):
    gold = _gold_dir(tmp_path, "x", "doc_id: x\ndoc_id: x\n")
    with pytest.raises(EvalError, match="duplicate key 'doc_id'"):
        load_gold(gold / "x.yaml")
    gold = _gold_dir(tmp_path, "y", "doc_id: z\n")
    with pytest.raises(EvalError, match="doc_id 'z' differs from the file name"):
        load_gold(gold / "y.yaml")


def test_unquoted_tilde_op_is_an_error(tmp_path):
    gold = _gold_dir(tmp_path, "q", "doc_id: q\nquotas:\n  - {quote: 约 10 名, count: 10, op: ~}\n")
    with pytest.raises(EvalError, match="quotas.0.op"):
        load_gold(gold / "q.yaml")


def test_evaluate_reports_every_unlocatable_item(tmp_path):
    gold = _gold_dir(tmp_path, "doc_b", "doc_id: doc_b\namounts:\n"
                     "  - {quote: 20万元, value: 200000, kind: fixed}\n"
                     "  - {quote: 万元, context: 企业１０万元奖励, value: 100000, kind: fixed}\n"
                     "benefits:\n  - {amount: 100000, anchor: 给予企业}\n"
                     "  - {amount: 100000, anchor: 补贴}\n")
    _write_run(tmp_path / "run", [_doc_b()])
    with pytest.raises(EvalError) as info:
        evaluate(gold, tmp_path / "run")
    lines = str(info.value).splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("doc_b.yaml: amounts[0] '20万元': quote not found in the document text")
    assert lines[1].endswith("doc_b.yaml: benefits[1] '补贴': anchor not found in the document text")


# --------------------------------------------------------------------------- command line


def test_cli_table_and_errors(run_dir):
    result = CliRunner().invoke(eval_cmd, [str(GOLD_DIR), str(run_dir), "--errors"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "amounts" in out and "ALL items" in out
    assert "== amounts: 1 missed, 1 spurious, 1 wrong" in out
    assert "== metadata: 0 missed, 0 spurious, 1 wrong" in out
    assert "wrong    doc_a@" in out and "differs: value, max, kind" in out
    assert "gold: value=– min=– max=50000 kind=cap per=–" in out
    assert "pred: 「5 万元」 value=50000 min=– max=– kind=fixed per=–" in out
    assert out.index("== metadata") < out.index("== amounts")


def test_cli_json(run_dir):
    result = CliRunner().invoke(eval_cmd, [str(GOLD_DIR), str(run_dir), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["overall"]["amounts"]["field"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert {d["doc_id"] for d in data["docs"]} == {"doc_a", "doc_b"}
    assert Report.model_validate(data).total.counts.gold == 8


def test_cli_help_has_example():
    result = CliRunner().invoke(eval_cmd, ["--help"])
    assert result.exit_code == 0
    assert "zhengce eval corpus/gold outputs/run --errors" in result.output


def test_cli_invalid_gold_exits_2(tmp_path):
    gold = _gold_dir(tmp_path, "doc_b", "doc_id: doc_b\namounts:\n  - {quote: 5万元, kind: fixed}\n")
    _write_run(tmp_path / "run", [_doc_b()])
    result = CliRunner().invoke(eval_cmd, [str(gold), str(tmp_path / "run")])
    assert result.exit_code == 2
    assert "doc_b.yaml: amounts[0] '5万元': quote not found" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(
        result.exception, SystemExit)


def test_cli_missing_run_document_exits_2(tmp_path):
    _write_run(tmp_path / "run", [_doc_b()])
    result = CliRunner().invoke(eval_cmd, [str(GOLD_DIR), str(tmp_path / "run")])
    assert result.exit_code == 2
    assert "doc_a.json: run document missing for gold 'doc_a'" in result.output
    assert "Traceback" not in result.output


def test_cli_empty_gold_dir_exits_2(tmp_path):
    (tmp_path / "gold").mkdir()
    _write_run(tmp_path / "run", [])
    result = CliRunner().invoke(eval_cmd, [str(tmp_path / "gold"), str(tmp_path / "run")])
    assert result.exit_code == 2 and "no gold files" in result.output


def test_format_errors_no_errors(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(GOLD_DIR / "doc_b.yaml", gold)
    run = _write_run(tmp_path / "run", [_doc_b()])
    report = evaluate(gold, run)
    assert format_errors(report) == "no errors"
    assert report.total.field.f1 == 1.0
