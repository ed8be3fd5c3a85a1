"""Quotas and targets: table-driven cases (tests/cases/quotas.yaml) and the seed corpus."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from pipeline.data import load_raw
from pipeline.extract.quotas import QuotaGazetteer, annotate, extract_quotas, gazetteer
from pipeline.models import Document, Quota

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "quotas.yaml").read_text(encoding="utf-8"))
GROUPS = ("seed", "beyond", "negatives")


def _params():
    for group in GROUPS:
        for case in CASES[group]:
            xfail = case.get("xfail")
            marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
            yield pytest.param(case, id=f"{group}/{case['id']}", marks=marks)


def _check_item(got: Quota, want: dict, text: str) -> None:
    assert got.quote == text[got.start : got.end]
    assert (got.id, got.doc_id, got.clause_id) == ("", "", None)
    for key, value in want.items():
        actual = getattr(got, key)
        if key == "count":
            assert actual == Decimal(str(value)), (key, actual, value)
        else:
            assert actual == value, (key, actual, value)


def _check_all(items: list[Quota], expected: list[dict], text: str) -> None:
    assert [q.quote for q in items] == [w["quote"] for w in expected]
    for got, want in zip(items, expected):
        _check_item(got, want, text)


@pytest.mark.parametrize("case", list(_params()))
def test_case(case):
    items = extract_quotas(case["text"], case.get("ref_year"))
    _check_all(items, case["expected"], case["text"])


def test_case_file_size_and_ids():
    ids = [c["id"] for g in GROUPS for c in CASES[g]]
    assert len(ids) >= 60
    assert len(ids) == len(set(ids))


def test_data_file_loads_and_validates():
    g = gazetteer()
    assert {"名", "人", "人次", "家", "所", "项", "支", "届", "批", "期", "个"} <= set(g.units)
    assert g.bounds_before["不超过"] == "<=" and g.bounds_after["左右"] == "~"
    assert g.periods["每两年"] == "two_years" and g.periods["每次"] == "per_round"
    assert "遴选" in g.cap_triggers and "培育" in g.target_triggers


def test_data_model_rejects_duplicates_and_overlaps():
    raw = load_raw("quotas.yaml")
    with pytest.raises(ValidationError):
        QuotaGazetteer.model_validate(raw | {"cap_triggers": ["遴选", "遴选"]})
    with pytest.raises(ValidationError):
        QuotaGazetteer.model_validate(raw | {"target_triggers": raw["target_triggers"] + ["遴选"]})


def _document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    return Document(
        doc_id=path.stem, source=str(path), format="txt", text=text,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )


@pytest.mark.parametrize("doc_id", sorted(CASES["corpus"]))
def test_annotate_corpus_notice(doc_id):
    doc = _document(ROOT / "corpus" / f"{doc_id}.txt")
    annotate(doc)
    _check_all(doc.quotas, CASES["corpus"][doc_id], doc.text)


def test_deterministic_and_json_serialisable():
    text = (ROOT / "corpus" / "001_e0178c7f38f802c1.txt").read_text(encoding="utf-8")
    first = [q.model_dump_json() for q in extract_quotas(text)]
    assert first == [q.model_dump_json() for q in extract_quotas(text)]
    assert '"count":1300000' in first[0]


def test_empty_and_numberless_text():
    assert extract_quotas("") == []
    assert extract_quotas("加强高技能人才队伍建设。") == []
