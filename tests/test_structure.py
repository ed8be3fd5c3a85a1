"""Clause trees: the five seeds and synthetic layouts (cases in tests/cases/structure.yaml)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from pipeline.structure import build_clauses, paragraphs, split_sentences, to_text

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "tests/cases/structure.yaml").read_text(encoding="utf-8"))


def _tree(doc_id: str, text: str):
    clauses = build_clauses(doc_id, to_text(text))
    return clauses, {tuple(c.path): c for c in clauses}


def _check(clauses, by_path, expected: dict) -> None:
    assert len(clauses) == expected["count"]
    if "kinds" in expected:
        assert dict(Counter(c.kind for c in clauses)) == expected["kinds"]
    ids = {c.id: c for c in clauses}
    for want in expected["clauses"]:
        c = by_path[tuple(want["path"])]
        if "heading" in want:
            assert c.heading == want["heading"]
        if "body" in want:
            assert c.body == want["body"]
        if "body_starts" in want:
            assert c.body.startswith(want["body_starts"]), c.body[:40]
        if "parent" in want:
            assert ids[c.parent_id].path == want["parent"]


@pytest.mark.parametrize("doc_id", sorted(CASES["seeds"]))
def test_seed_clause_tree(doc_id):
    text = (ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8")
    clauses, by_path = _tree(doc_id, text)
    _check(clauses, by_path, CASES["seeds"][doc_id])


@pytest.mark.parametrize("case", CASES["synthetic"], ids=lambda c: c["name"])
def test_synthetic_clause_tree(case):
    clauses, by_path = _tree("t", case["text"])
    _check(clauses, by_path, case)


@pytest.mark.parametrize("doc_id", sorted(CASES["seeds"]))
def test_offsets_and_ids_are_consistent(doc_id):
    text = to_text((ROOT / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8"))
    clauses = build_clauses(doc_id, text)
    assert len({c.id for c in clauses}) == len(clauses)
    assert [c.id for c in build_clauses(doc_id, text)] == [c.id for c in clauses]  # stable
    prev_end = -1
    for c in clauses:
        assert prev_end < c.start <= c.end <= c.subtree_end <= len(text)
        prev_end = c.end
        if c.heading:
            assert text[c.heading_start:c.heading_end] == c.heading
        for s in c.sentences:
            assert c.start <= s.start < s.end <= c.end and text[s.start:s.end] == s.text
    # every non-blank character belongs to exactly one clause
    covered = sum(c.end - c.start for c in clauses)
    assert covered == len(text) - (len(clauses) - 1)


def test_sentences_split_on_terminal_punctuation():
    text = "对获奖选手给予奖励；对教练给予补贴。具体办法另行制定！"
    assert [s.text for s in split_sentences(text, 0, len(text))] == [
        "对获奖选手给予奖励；", "对教练给予补贴。", "具体办法另行制定！"]


@pytest.mark.parametrize("raw, expected", [
    ("开展职业技能培训，提升\n技能水平。", ["开展职业技能培训，提升技能水平。"]),
    ("二、主要任务\n（一）打造队伍。", ["二、主要任务", "（一）打造队伍。"]),
    ("某某市人民政府\n关于印发某某办法的通知", ["某某市人民政府", "关于印发某某办法的通知"]),
    ("各区人民政府，市各部门：\n现将办法印发给你们。", ["各区人民政府，市各部门：", "现将办法印发给你们。"]),
    ("按规定给予补贴，补贴资金从\n2024年1月1日\n起发放。",
     ["按规定给予补贴，补贴资金从", "2024年1月1日", "起发放。"]),
    ("首页 > 政策文件 > 通知公告\n关于做好技能培训工作的通知", ["关于做好技能培训工作的通知"]),
])
def test_line_rejoining(raw, expected):
    assert paragraphs(raw) == expected
