"""The numbered notebooks (``notebooks/NN_*.py``) run end to end as plain scripts and print
what they promise: checked against the seed corpus and against the run's own tables."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120
JINHUA = "corpus/001_e0178c7f38f802c1.txt"
JIANGMEN = "corpus/000_5297c262f14bb955.txt"

# notebook -> (arguments, extra environment); each stays on one or two seed notices
NOTEBOOKS = {
    "01_explore_a_run": ([JIANGMEN, JINHUA], {}),
    "02_review_a_diff": ([], {}),
    "03_calculator": ([], {"ZHENGCE_INPUT": JINHUA}),
}


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    out: Path

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Finished]:
    """Start every notebook at once (they are independent), then collect them."""
    started = {}
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ZHENGCE_")}
    for name, (args, extra) in NOTEBOOKS.items():
        out = tmp_path_factory.mktemp(name) / "out"
        env = {**clean, **extra, "ZHENGCE_OUT": str(out), "PYTHONIOENCODING": "utf-8",
               "PYTHONDONTWRITEBYTECODE": "1"}
        proc = subprocess.Popen([sys.executable, str(ROOT / "notebooks" / f"{name}.py"), *args],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8")
        started[name] = (proc, out)
    done = {}
    for name, (proc, out) in started.items():
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
        done[name] = Finished(proc.returncode, stdout, stderr, out)
    return done


def _ok(run: Finished) -> None:
    assert run.returncode == 0, run.stderr[-3000:]


def _line(run: Finished, pattern: str) -> str:
    """The one printed line matching ``pattern`` (a regex searched in each line)."""
    found = [line for line in run.lines if re.search(pattern, line)]
    assert found, f"no line matches {pattern!r} in:\n{run.stdout[-4000:]}"
    return found[0]


def _section(run: Finished, title: str) -> list[str]:
    lines = run.lines
    start = lines.index(f"== {title} ==")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("== ")),
               len(lines))
    return lines[start + 1:end]


# --------------------------------------------------------------------------- 01


def test_01_runs_the_given_notices_into_zhengce_out(runs):
    run = runs["01_explore_a_run"]
    _ok(run)
    assert "inputs: corpus/000_5297c262f14bb955.txt, corpus/001_e0178c7f38f802c1.txt" in run.lines
    assert "2 documents, 0 errors, 0 unsupported files skipped" in run.lines
    for table in ("documents", "benefits", "amounts", "agencies"):
        assert (run.out / "tables" / f"{table}.parquet").is_file()
    assert sorted(p.name for p in (run.out / "docs").iterdir()) == [
        "000_5297c262f14bb955.json", "001_e0178c7f38f802c1.json"]


def test_01_counts_per_document_match_the_documents_table(runs):
    run = runs["01_explore_a_run"]
    _ok(run)
    docs = pd.read_parquet(run.out / "tables" / "documents.parquet").set_index("doc_id")
    section = _section(run, "1. Documents and counts per list")
    at = next(i for i, line in enumerate(section) if line.split()[:2] == ["doc", "clauses"])
    header = section[at].split()
    assert header == ["doc", "clauses", "amounts", "rates", "quotas", "conditions",
                      "agencies", "benefits"]
    rows = {line.split()[0]: line.split()[1:] for line in section[at + 1:] if line.strip()}
    assert sorted(rows) == ["000", "001", "total"]
    for doc_id in docs.index:
        assert rows[doc_id[:3]] == [str(docs.loc[doc_id, f"n_{n}"]) for n in header[1:]]
    assert rows["total"] == [str(docs[f"n_{n}"].sum()) for n in header[1:]]
    assert "江高办〔2018〕58号" in "\n".join(section)


def test_01_benefit_rules_show_the_seed_grant_with_its_sentence(runs):
    run = runs["01_explore_a_run"]
    _ok(run)
    benefits = pd.read_parquet(run.out / "tables" / "benefits.parquet")
    n_review = int(benefits.needs_review.sum())
    assert f"{len(benefits)} benefit rules, {n_review} need review" in run.lines
    # README: 对金华大工匠…分别给予5万… -> beneficiary 金华大工匠, instrument 资助, amount 50000
    line = _line(run, r"^001\s+二/（一）/1\s+金华大工匠\s")
    assert re.search(r"\b资助\s+50000\b", line), line
    assert "对金华大工匠、金华杰出工匠、金华工" in line  # the source sentence, cut to fit
    # the provenance cell follows the same rule back to its offsets in the document text
    assert "recipient  金华大工匠   amount 50000 yuan" in run.lines
    assert "text there 「5万」" in run.lines
    assert "sentence   对金华大工匠、金华杰出工匠、金华工匠分别给予5万、3万、1万元的经费资助。" in run.lines


def test_01_review_reasons_amount_kinds_and_agency_roles_match_the_tables(runs):
    run = runs["01_explore_a_run"]
    _ok(run)
    tables = run.out / "tables"
    benefits = pd.read_parquet(tables / "benefits.parquet")
    review = _section(run, "3. Rules that need review, by reason")
    counts = benefits[benefits.needs_review].review_reason.value_counts()
    assert len(counts), "the Jiangmen notice has rules flagged for review"
    for reason, n in counts.items():
        assert any(re.fullmatch(rf"{re.escape(reason)}\s+{n}\s+\S.*", line) for line in review)
        assert f"-- {reason}" in review
    amounts = pd.read_parquet(tables / "amounts.parquet")
    kinds = _section(run, "4. Amounts by kind")
    for kind, n in amounts.kind.value_counts().items():
        assert any(re.match(rf"{kind}\s+{n}\s", line) for line in kinds), kind
    agencies = pd.read_parquet(tables / "agencies.parquet")
    roles = _section(run, "5. Agencies by role")
    for role, n in agencies.role.value_counts().items():
        assert any(re.match(rf"{role}\s+{n}\s", line) for line in roles), role


# --------------------------------------------------------------------------- 02


def test_02_diff_shows_the_edited_figure_old_and_new(runs):
    run = runs["02_review_a_diff"]
    _ok(run)
    assert "exit status 1: differences found" in run.lines
    changed = _section(run, "2. Changed items")
    assert any(re.fullmatch(r"amounts\s+二/（一）/1\s+5万 → 8万\s+value\s+50000\s+80000", line)
               for line in changed), changed
    assert any(re.fullmatch(r"benefits\s+二/（一）/1\s+5万 → 8万\s+amount\s+50000\s+80000", line)
               for line in changed), changed
    side = _line(run, r"^benefits\s+二/（一）/1\s+shape\s+金华大工匠\s")
    assert "分别给予5万、3万" in side and "分别给予8万、3万" in side
    assert side.index("给予5万") < side.index("给予8万")  # old on the left, new on the right


def test_02_diff_shows_the_deleted_sentence_as_removed_items(runs):
    run = runs["02_review_a_diff"]
    _ok(run)
    gone = "对入选世界技能大赛国家集训队的，按入选人数给予选送单位10万元/人的经费资助。"
    removed = _section(run, "3. Removed and added items")
    assert any(re.match(r"removed\s+amounts\s+二/（一）/2\s+10万元/人\s+value=100000", line)
               for line in removed), removed
    assert not any(line.startswith("added ") for line in removed)
    sheet = _section(run, "4. Review sheet")
    at = sheet.index("- benefits §二/（一）/2 「10万元/人的经费资助」")
    assert "beneficiary=选送单位" in sheet[at + 1]
    assert sheet[at + 2] == f"    sentence: {gone}"
    at = sheet.index("~ amounts §二/（一）/1 「5万」→「8万」")
    assert sheet[at + 1:at + 4] == [
        "    value: 50000 → 80000",
        "    old: 对金华大工匠、金华杰出工匠、金华工匠分别给予5万、3万、1万元的经费资助。",
        "    new: 对金华大工匠、金华杰出工匠、金华工匠分别给予8万、3万、1万元的经费资助。"]
    # the same diff as the terminal output of `zhengce diff`, printed last
    assert run.lines[-1].startswith("1 documents compared, 1 with differences")


# --------------------------------------------------------------------------- 03


def test_03_calculator_pays_the_great_craftsman_and_the_recruiting_firm(runs):
    run = runs["03_calculator"]
    _ok(run)
    assert (run.out / "rules.json").is_file()
    rules = _section(run, "Rules")
    assert any(re.match(r"b\d+\s+二/（一）/1\s+金华大工匠\s+person\s+资助\s+50000\s+"
                        r"honors in 金华大工匠", line) for line in rules), rules
    # docs/rules.md: 以申报年上一年人才薪酬为基数，连续三年按该基数的50%…补贴总额不超过50万元
    assert any(re.match(r"b\d+\s+二/（一）/3\s+企业\s+enterprise\s+补贴\s+0\.5 × base\.salary "
                        r"per year yearly 3 years", line) for line in rules), rules
    person = _section(run, "Profile: 金华大工匠 (a person)")
    assert person[0] == '{"recipient": "person", "region": "金华市", "honors": ["金华大工匠"]}'
    assert re.fullmatch(r"applies \d+, does not apply \d+, cannot decide \d+; total \d+ yuan",
                        person[1]), person[1]
    applies = person[person.index("applies:") + 1:person.index("does not apply:")]
    assert any(re.fullmatch(r"b\d+\s+金华大工匠\s+资助\s+50000\s+False\s+5万", line)
               for line in applies), applies
    not_applies = person[person.index("does not apply:") + 1:]
    assert any(re.match(r"b\d+\s+金华杰出工匠\s+honors in 金华杰出工匠 \(profile: 金华大工匠\)", line)
               for line in not_applies), not_applies
    firm = _section(run, "Profile: manufacturer recruiting a leading talent")
    # 0.5 x 400000 a year for 3 years = 600000, capped at 500000
    assert any(re.match(r"b\d+\s+企业\s+补贴\s+500000\s+False\s+0\.5 x base\.salary \(400000\); "
                        r"x 3 years; total capped at 500000", line) for line in firm), firm
