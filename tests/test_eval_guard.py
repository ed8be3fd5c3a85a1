"""Regression guard: the pipeline on the corpus must keep each list's field-exact F1
at or above the floor recorded in tests/eval_floors.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.evaluate import evaluate, format_table
from pipeline.run import run

ROOT = Path(__file__).resolve().parents[1]
FLOORS = yaml.safe_load((ROOT / "tests/eval_floors.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("guard")
    result = run([str(p) for p in sorted((ROOT / "corpus").glob("*.txt"))], out, progress=False,
                 parquet=False)
    assert result.errors == []
    return evaluate(ROOT / "corpus/gold", out)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_field_exact_f1_at_or_above_floor(report, name):
    f1 = report.overall[name].field.f1
    assert f1 >= FLOORS[name], f"{name}: F1 {f1:.3f} < floor {FLOORS[name]}\n{format_table(report)}"
