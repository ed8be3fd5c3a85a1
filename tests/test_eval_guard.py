"""Regression guard: the pipeline on each evaluation set must keep each list's field-exact
F1 at or above the floor recorded in tests/eval_floors.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.evaluate import evaluate, format_table
from pipeline.run import run

ROOT = Path(__file__).resolve().parents[1]
SETS = yaml.safe_load((ROOT / "tests/eval_floors.yaml").read_text(encoding="utf-8"))
CASES = [(name, lst) for name, spec in SETS.items() for lst in sorted(spec["floors"])]
_reports: dict[str, object] = {}


def _report(name: str, tmp_path_factory):
    if name not in _reports:
        spec = SETS[name]
        out = tmp_path_factory.mktemp(f"guard-{name}")
        docs = sorted((ROOT / spec["docs"]).glob("*.txt"))
        result = run([str(p) for p in docs], out, progress=False, parquet=False)
        assert result.errors == []
        _reports[name] = evaluate(ROOT / spec["gold"], out)
    return _reports[name]


@pytest.mark.parametrize("name, lst", CASES, ids=[f"{n}-{lst}" for n, lst in CASES])
def test_field_exact_f1_at_or_above_floor(name, lst, tmp_path_factory):
    report = _report(name, tmp_path_factory)
    f1 = report.overall[lst].field.f1
    floor = SETS[name]["floors"][lst]
    assert f1 >= floor, f"{name} {lst}: F1 {f1:.3f} < floor {floor}\n{format_table(report)}"
