"""Money amounts and rates (pipeline/extract/money.py) on tests/cases/money.yaml."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from pipeline.data import load
from pipeline.extract.money import MoneyData, annotate, extract_money, extract_rates
from pipeline.models import Document

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests/cases/money.yaml").read_text(encoding="utf-8"))

AMOUNT_DEFAULTS = dict(
    value=None, min=None, max=None, min_inclusive=None, max_inclusive=None,
    kind="fixed", per=None, frequency=None, group_index=None,
)
RATE_DEFAULTS = dict(base=None, kind="share")


def _params() -> list:
    out = []
    for origin, cases in CASES.items():
        for case in cases:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            out.append(pytest.param(case, id=f"{origin}/{case['id']}", marks=marks))
    return out


def _dec(v):
    return None if v is None else Decimal(str(v))


def _amount_row(a) -> dict:
    row = {k: getattr(a, k) for k in ("quote", *AMOUNT_DEFAULTS)}
    return {**row, "value": _dec(row["value"]), "min": _dec(row["min"]), "max": _dec(row["max"])}


def _expected_amount(exp: dict) -> dict:
    row = {**AMOUNT_DEFAULTS, **exp}
    return {**row, "value": _dec(row["value"]), "min": _dec(row["min"]), "max": _dec(row["max"])}


def _check_offsets(text, items):
    for it in items:
        assert text[it.start:it.end] == it.quote
        assert (it.id, it.doc_id, it.clause_id) == ("", "", None)


def _check_groups(amounts):
    groups: dict[str, list] = {}
    for a in amounts:
        assert (a.group is None) == (a.group_index is None)
        if a.group:
            groups.setdefault(a.group, []).append(a)
    for gid, members in groups.items():
        assert gid == f"g{members[0].start}"
        assert [a.group_index for a in members] == list(range(len(members)))


@pytest.mark.parametrize("case", _params())
def test_case(case):
    text = case["text"]
    amounts, rates = extract_money(text), extract_rates(text)
    _check_offsets(text, amounts)
    _check_offsets(text, rates)
    _check_groups(amounts)
    assert [_amount_row(a) for a in amounts] == [
        _expected_amount(e) for e in case.get("amounts", [])
    ]
    got_rates = [dict(quote=r.quote, value=r.value, base=r.base, kind=r.kind) for r in rates]
    want_rates = [
        {**RATE_DEFAULTS, **e, "value": Decimal(str(e["value"]))} for e in case.get("rates", [])
    ]
    assert got_rates == want_rates


def test_case_ids_unique_and_enough():
    ids = [c["id"] for cases in CASES.values() for c in cases]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 120


def test_data_file_loads_and_validates():
    data = load("money.yaml", MoneyData)
    assert data.multipliers["万"] == 10000
    assert data.bounds.before["不超过"].kind == "cap"
    assert data.bounds.before["超过"].kind == "floor"
    assert data.bounds.before["超过"].inclusive is False
    assert data.per.classifiers["人次"] == "person_time"


def test_data_model_rejects_duplicate_entries():
    raw = load("money.yaml", MoneyData).model_dump()
    raw["list_separators"] = ["、", "、"]
    with pytest.raises(ValueError):
        MoneyData.model_validate(raw)


def test_values_are_exact_decimals():
    (a,) = extract_money("给予1.5万元补助")
    assert isinstance(a.value, Decimal) and str(a.value) == "15000"
    assert a.model_dump(mode="json")["value"] == 15000


def test_deterministic():
    text = (ROOT / "corpus/001_e0178c7f38f802c1.txt").read_text(encoding="utf-8")
    assert extract_money(text) == extract_money(text)
    assert extract_rates(text) == extract_rates(text)


SEED_EXPECTED = {  # doc -> (amount count, rate count), counted by hand in the notice
    "000_5297c262f14bb955": (11, 1),
    "001_e0178c7f38f802c1": (29, 5),
    "002_e0386378e11e4a39": (0, 0),
    "003_1b3951dfc26b2b1d": (9, 1),
    "004_85f2414aeacedee7": (20, 3),
}


def _doc(doc_id: str) -> Document:
    text = (ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8")
    return Document(doc_id=doc_id, source=f"corpus/{doc_id}.txt", sha256="0" * 64,
                    format="txt", text=text)


@pytest.mark.parametrize("doc_id", sorted(SEED_EXPECTED))
def test_annotate_corpus_notice(doc_id):
    doc = _doc(doc_id)
    annotate(doc)
    assert (len(doc.amounts), len(doc.rates)) == SEED_EXPECTED[doc_id]
    _check_offsets(doc.text, doc.amounts)
    _check_offsets(doc.text, doc.rates)
    _check_groups(doc.amounts)
    for a in doc.amounts:
        assert any(getattr(a, k) is not None for k in ("value", "min", "max"))


def test_annotate_seed_key_items():
    doc = _doc("001_e0178c7f38f802c1")
    annotate(doc)
    by_quote = {a.quote: a for a in doc.amounts}
    assert by_quote["5万"].group == by_quote["1万元"].group
    assert by_quote["10万元/人"].per == "person"
    assert by_quote["最高6000元"].per == "person_year"
    assert by_quote["不超过100万元"].max == Decimal(1000000)
    kinds = [(r.quote, r.value, r.kind) for r in doc.rates]
    assert ("30%", Decimal("0.3"), "uplift") in kinds
    assert [k for k in kinds if k[2] == "matching"] == [("1:1", Decimal(1), "matching")] * 2
