"""Every gold file is valid: well-typed, and every quote/context/anchor found and unique
both in the source file and in the text the pipeline emits."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import gold_files, load_gold, locate_gold
from pipeline.models import ITEM_LISTS
from pipeline.structure import to_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted(gold_files(ROOT / "corpus/gold"))


def test_every_seed_has_a_gold_file():
    assert [p.stem for p in GOLD] == sorted(p.stem for p in (ROOT / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_file_is_valid(path):
    gold = load_gold(path)
    assert gold.doc_id == path.stem
    source = (ROOT / "corpus" / f"{path.stem}.txt").read_text(encoding="utf-8")
    spans = locate_gold(gold, source, str(path))
    emitted = locate_gold(gold, to_text(source), str(path))
    for name in ITEM_LISTS:
        if getattr(gold, name) is not None:
            assert len(spans[name]) == len(getattr(gold, name)) == len(emitted[name])
