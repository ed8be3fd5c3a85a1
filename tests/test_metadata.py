"""Metadata of the seed notices and of synthetic headers (tests/cases/metadata.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pipeline.metadata import extract_metadata, parse_date
from pipeline.structure import build_clauses, to_text

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests/cases/metadata.yaml").read_text(encoding="utf-8"))


def _meta(text: str):
    text = to_text(text)
    return extract_metadata(text, build_clauses("t", text))


def _compare(meta, expected: dict) -> None:
    for key, want in expected.items():
        if key == "cited_numbers":
            got = [c.doc_number for c in meta.cited_documents if c.doc_number]
        else:
            got = getattr(meta, key)
        if isinstance(got, dt.date):
            got = got.isoformat()
        if isinstance(want, dt.date):
            want = want.isoformat()
        assert got == want, key


@pytest.mark.parametrize("doc_id", sorted(CASES["seeds"]))
def test_seed_metadata(doc_id):
    meta = _meta((ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8"))
    _compare(meta, CASES["seeds"][doc_id])


@pytest.mark.parametrize("case", CASES["synthetic"], ids=lambda c: c["name"])
def test_synthetic_metadata(case):
    _compare(_meta(case["text"]), case["expect"])


def test_cited_titles_keep_nested_titles():
    meta = _meta((ROOT / "corpus/000_5297c262f14bb955.txt").read_text(encoding="utf-8"))
    titles = [c.title for c in meta.cited_documents]
    assert "江门市人民政府关于完善体制机制加快建设人才强市的若干意见" in titles
    assert any("〈江门市推行企业首席技师制度的实施方案〉" in t for t in titles)


@pytest.mark.parametrize("text, expected", [
    ("2018年12月29日", dt.date(2018, 12, 29)),
    ("二〇二〇年一月三十一日", dt.date(2020, 1, 31)),
    ("2021年2月30日", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected
