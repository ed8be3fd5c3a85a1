"""The same notice in every format gives the same clause tree and metadata as its txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run import process

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "tests/fixtures/formats"
SEEDS = {p.name[:3]: p for p in sorted((ROOT / "corpus").glob("*.txt"))}
VARIANTS = ["pdf", "docx", "html", "gbk.txt", "utf8bom.txt", "utf16.txt"]


def _tree(doc):
    return [(c.path, c.kind, c.heading, c.number) for c in doc.clauses]


@pytest.fixture(scope="module")
def reference():
    return {k: process(p, k) for k, p in SEEDS.items()}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_same_clause_tree_in_every_format(reference, seed, variant):
    doc = process(FORMATS / f"{seed}.{variant}", seed)
    assert not isinstance(doc, dict), doc
    ref = reference[seed]
    assert _tree(doc) == _tree(ref)
    assert doc.metadata.title == ref.metadata.title
    assert doc.metadata.doc_numbers == ref.metadata.doc_numbers
    assert doc.format == variant.split(".")[-1] if variant != "html" else doc.format == "html"


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_clause_bodies_survive_pdf(reference, seed):
    """Body text of every clause of the PDF equals the txt's (whitespace aside)."""
    doc = process(FORMATS / f"{seed}.pdf", seed)
    squash = lambda s: "".join(s.split())  # noqa: E731
    assert [squash(c.body) for c in doc.clauses] == [squash(c.body) for c in reference[seed].clauses]
