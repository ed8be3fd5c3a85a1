"""Batch runs: outputs, bad inputs, determinism, ids, atomic writes, CLI."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import collect_inputs, doc_ids, run

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
FORMATS = ROOT / "tests/fixtures/formats"


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    result = run([str(ROOT / "corpus")], out, progress=False)
    return out, result


def test_corpus_run_writes_every_output(corpus_run):
    out, result = corpus_run
    assert result.documents == 5 and result.errors == []
    assert sorted(p.stem for p in (out / "docs").glob("*.json")) == [p.stem for p in SEEDS]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] == 5 and manifest["errors"] == 0
    assert {e["sha256"] for e in manifest["inputs"]} and all(
        len(e["sha256"]) == 64 for e in manifest["inputs"])
    assert manifest["totals"]["clauses"] == 21 + 28 + 28 + 29 + 11
    clauses = pd.read_parquet(out / "tables/clauses.parquet")
    assert len(clauses) == manifest["totals"]["clauses"]
    docs = pd.read_json(out / "tables/documents.jsonl", lines=True)
    assert list(docs["doc_id"]) == [p.stem for p in SEEDS]
    assert (out / "errors.jsonl").read_text() == ""
    assert not list(out.rglob("*.part"))


def test_document_json_round_trips(corpus_run):
    from pipeline.models import Document

    out, _ = corpus_run
    doc = Document.model_validate_json((out / "docs/000_5297c262f14bb955.json").read_text("utf-8"))
    assert doc.metadata.doc_numbers == ["江高办〔2018〕58号"]
    for c in doc.clauses:
        assert doc.text[c.start:c.end].startswith((c.label or "").strip() or doc.text[c.start])


def test_same_inputs_give_byte_identical_outputs(corpus_run, tmp_path):
    out, _ = corpus_run
    run([str(ROOT / "corpus")], tmp_path, progress=False)
    for f in sorted(p for p in out.rglob("*") if p.is_file() and p.suffix != ".parquet"):
        assert (tmp_path / f.relative_to(out)).read_bytes() == f.read_bytes(), f.name


def _bad_inputs(d: Path) -> dict[str, str]:
    """File name -> expected reason (substring)."""
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\r\n  ")
    rng = random.Random(7)
    (d / "junk.txt").write_bytes(bytes(rng.getrandbits(8) for _ in range(4000)))
    (d / "notes.xyz").write_text("关于印发通知", encoding="utf-8")
    return {"empty.txt": "empty file", "blank.txt": "empty file", "junk.txt": "binary",
            "notes.xyz": "unsupported file type '.xyz'", "missing.txt": "no such file"}


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    expected = _bad_inputs(src)
    shutil.copy(SEEDS[0], src / "good.txt")
    gbk_text = SEEDS[4].read_text(encoding="utf-8").replace("\xa0", " ")  # GBK has no NBSP
    (src / "gbk.txt").write_bytes(gbk_text.encode("gbk"))
    args = [str(src / n) for n in sorted(expected)] + [str(src / "good.txt"), str(src / "gbk.txt")]
    result = run(args, tmp_path / "out", progress=False)
    assert result.documents == 2
    errors = [json.loads(x) for x in (tmp_path / "out/errors.jsonl").read_text("utf-8").splitlines()]
    assert {Path(e["path"]).name: e["reason"] for e in errors}.keys() == expected.keys()
    for e in errors:
        assert expected[Path(e["path"]).name] in e["reason"]
        assert "Traceback" not in e["reason"]
    gbk = json.loads((tmp_path / "out/docs/gbk.json").read_text("utf-8"))
    assert gbk["encoding"] == "gb18030" and gbk["metadata"]["title"] == "关于推进技工强区建设的实施意见"


@pytest.mark.skipif(not FORMATS.exists(), reason="format fixtures not generated")
def test_bad_pdfs_are_reported(tmp_path):
    names = {"truncated.pdf": "broken PDF", "scanned.pdf": "scanned PDF: no text layer"}
    args = [str(FORMATS / n) for n in names] + [str(SEEDS[1])]
    result = run(args, tmp_path, progress=False)
    assert result.documents == 1
    reasons = {Path(e["path"]).name: e["reason"] for e in result.errors}
    for name, reason in names.items():
        assert reason in reasons[name]


def test_cli_run_exit_status_and_messages(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[2], src / "a.txt")
    runner = CliRunner()
    ok = runner.invoke(main, ["run", str(src), "-o", str(tmp_path / "o1")])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(main, ["run", str(src), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o2")])
    assert bad.exit_code == 1
    assert "nope.txt: no such file or directory" in bad.output
    assert (tmp_path / "o2/docs/a.json").exists()


def test_doc_ids_are_unique_and_path_safe():
    paths = [Path("x/notice.pdf"), Path("y/notice.docx"), Path("z/../通知 (1).txt"),
             Path("a/..hidden.txt"), Path("b/通知 (1).txt")]
    ids = doc_ids(paths)
    assert len(set(ids)) == len(ids)
    assert ids[:2] == ["notice.pdf", "notice.docx"]
    for i in ids:
        assert "/" not in i and "\\" not in i and not i.startswith(".")


def test_run_never_writes_outside_outdir(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[0], src / "..%2F..%2Fevil.txt")
    out = tmp_path / "deep/out"
    run([str(src)], out, progress=False)
    written = {p.resolve() for p in tmp_path.rglob("*") if p.is_file()}
    assert all(str(p).startswith(str(out.resolve())) or str(p).startswith(str(src.resolve()))
               for p in written)


def test_folders_skip_unsupported_files_and_globs_expand(tmp_path):
    (tmp_path / "d/sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], tmp_path / "d/sub/a.txt")
    (tmp_path / "d/README.md").write_text("x")
    (tmp_path / "d/.hidden.txt").write_text("x")
    found = collect_inputs([str(tmp_path / "d")])
    assert [p.name for p in found.files] == ["a.txt"]
    assert [Path(s).name for s in found.skipped] == ["README.md"]
    found = collect_inputs([str(tmp_path / "d/**/*.txt"), str(tmp_path / "none/*.pdf")])
    assert [p.name for p in found.files] == ["a.txt"]
    assert found.errors[0]["reason"] == "no file matches this pattern"


def test_rerun_removes_stale_documents(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[0], src / "a.txt")
    shutil.copy(SEEDS[1], src / "b.txt")
    run([str(src)], tmp_path / "out", progress=False)
    (src / "b.txt").unlink()
    run([str(src)], tmp_path / "out", progress=False)
    assert [p.name for p in (tmp_path / "out/docs").iterdir()] == ["a.json"]


def test_show_and_schema_commands():
    runner = CliRunner()
    shown = runner.invoke(main, ["show", str(SEEDS[0])])
    assert shown.exit_code == 0
    assert "江高办〔2018〕58号" in shown.output and "二/（三）/4" in shown.output
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    assert {"doc_id", "text", "clauses", "amounts", "benefits"} <= set(schema["properties"])


def test_every_command_is_documented_with_an_example():
    for name, command in main.commands.items():
        assert command.help and "Example" in command.help, name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"zhengce {name}" in readme, name


def test_a_failing_stage_keeps_the_document_and_reports_it(tmp_path, monkeypatch):
    import pipeline.extract.quotas as quotas

    def broken(doc):
        raise ValueError("boom")

    monkeypatch.setattr(quotas, "annotate", broken)
    result = run([str(SEEDS[0])], tmp_path, progress=False, parquet=False)
    assert result.documents == 1
    assert result.errors == [{"path": str(SEEDS[0]), "doc_id": SEEDS[0].stem,
                              "reason": "partial: stage failed: quotas: ValueError: boom"}]
    doc = json.loads((tmp_path / "docs" / f"{SEEDS[0].stem}.json").read_text("utf-8"))
    assert doc["quotas"] == [] and doc["amounts"]  # the other stages still ran
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert manifest["inputs"][0]["status"] == "partial"


def test_long_names_colliding_ids_and_unwritable_parquet(tmp_path):
    src = tmp_path / "in"
    (src / "x").mkdir(parents=True)
    (src / "y").mkdir()
    shutil.copy(SEEDS[0], src / "x/a.txt")
    shutil.copy(SEEDS[1], src / "y/a.txt")
    shutil.copy(SEEDS[2], src / "a.txt-2.txt")
    shutil.copy(SEEDS[3], src / ("关于印发" + "某" * 75 + "的通知.txt"))  # 246 bytes
    (src / "big.txt").write_text("一、奖励\n给予10000000000000000亿元奖励。\n", encoding="utf-8")
    too_long = str(tmp_path / ("a" * 300 + ".txt"))
    out = tmp_path / "out"
    result = run([str(src), too_long], out, progress=False)
    assert result.documents == 5  # every readable file, under five distinct names
    assert len(list((out / "docs").glob("*.json"))) == 5
    assert [e["reason"] for e in result.errors] == ["cannot read path: File name too long"]
    # a value beyond int64 is exact in the JSON and a float in Parquet (money columns are float64)
    assert result.warnings == []
    amounts = pd.read_parquet(out / "tables/amounts.parquet")
    assert amounts["value"].max() == 1e24
    assert '"value": 1000000000000000000000000' in (out / "tables/amounts.jsonl").read_text("utf-8")
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["warnings"] == [] and manifest["documents"] == 5
    assert not list(out.rglob("*.part"))
    assert oct((out / "manifest.json").stat().st_mode & 0o777) != oct(0o600)


def test_parquet_schemas_are_the_same_in_every_run(corpus_run, tmp_path):
    """Tables are typed by the models, not by what a run happens to hold: an all-null column
    keeps its type and an empty table its columns, so runs can be joined."""
    import pyarrow.parquet as pq

    corpus_out, _ = corpus_run
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bare.txt").write_text("关于做好有关工作的通知\n各单位：请认真贯彻落实。\n", encoding="utf-8")
    assert run([str(tmp_path / "in")], tmp_path / "out", progress=False).errors == []
    for table in ("documents", "clauses", "amounts", "rates", "quotas", "conditions", "agencies", "benefits"):
        full = pq.read_schema(corpus_out / "tables" / f"{table}.parquet")
        bare = pq.read_schema(tmp_path / "out" / "tables" / f"{table}.parquet")
        assert full.equals(bare), table
    amounts = pq.read_table(tmp_path / "out" / "tables" / "amounts.parquet")
    assert amounts.num_rows == 0 and str(amounts.schema.field("value").type) == "double"
    benefits = pd.read_parquet(corpus_out / "tables" / "benefits.parquet")
    assert str(benefits["needs_review"].dtype) == "bool" and str(benefits["amount"].dtype) == "float64"
    assert benefits["amount"].max() == 2000000  # 世界技能大赛金奖 200万元 (004)


def test_an_unwritable_parquet_table_leaves_the_jsonl_and_a_warning(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    def broken(table, where, *a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", broken)
    result = run([str(SEEDS[0])], tmp_path / "out", progress=False)
    assert result.documents == 1 and result.errors == []
    assert any("amounts.parquet not written: OSError: disk full" in w for w in result.warnings)
    assert (tmp_path / "out/tables/amounts.jsonl").stat().st_size > 0
    assert not (tmp_path / "out/tables/amounts.parquet").exists()
