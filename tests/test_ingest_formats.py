"""Ingestion of PDF, DOCX and HTML (pipeline.ingest.pdf/docx/html) on the format fixtures.

The fixtures in tests/fixtures/formats/ are generated from the seed notices by
scripts/make_fixtures.py (reportlab, python-docx, HTML site chrome, re-encoded
txt) and committed. Each reader's output, NFKC-normalised with all whitespace
removed, must give the seed's paragraphs one for one (the seed's own breadcrumb
line excepted), with no header, footer, page number or site chrome left.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import regex
import yaml
from pydantic import ValidationError

from pipeline.errors import IngestError
from pipeline.ingest import html as html_mod
from pipeline.ingest import pdf as pdf_mod
from pipeline.ingest.docx import read_docx
from pipeline.ingest.html import IngestLexicon, html_to_text, lexicon, read_html
from pipeline.ingest.pdf import Line, join_paragraphs, read_pdf

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "formats"
SEEDS = sorted((ROOT / "corpus").glob("[0-9][0-9][0-9]_*.txt"))
NUMS = [p.name[:3] for p in SEEDS]

# the seed txt's own breadcrumb line ("十四五 > 文件发布"), absent from PDF/DOCX and dropped from HTML
NAV_LINE = regex.compile(r"^\s*\S{1,15}(?:\s*[>＞]\s*\S{1,15})+\s*$")
SPACE = regex.compile(r"\s+")

READERS = {"pdf": read_pdf, "docx": read_docx, "html": read_html}

# site-chrome strings of the fixtures that must not survive, per format (after normalisation);
# the notice's own text may contain some (承办单位), so they are counted against the seed
LEFTOVERS = {
    "pdf": [r"—\d+—", r"^-\d+-$", r"^第\d+页"],
    "docx": [],
    "html": [
        "首页>政策文件", "十四五>文件发布", "当前位置", "网站地图", "某某市人民政府办公室", "主办单位", "承办单位", "ICP备", "公网安备",
        "打印本页", "关闭窗口", "分享到", "QQ空间", "浏览次数", "发布时间", "字体:",
        "上一篇", "下一篇", "相关链接", "统计代码", "_hmt", "jquery", "font-family",
        "政务公开", "办事服务", "无障碍浏览", "请输入关键词",
    ],
}


def norm(text: str) -> str:
    return SPACE.sub("", unicodedata.normalize("NFKC", text))


def seed_paragraphs(num: str) -> list[str]:
    path = next(p for p in SEEDS if p.name.startswith(num))
    lines = path.read_text(encoding="utf-8").splitlines()
    return [norm(ln) for ln in lines if ln.strip() and not NAV_LINE.match(ln)]


def fixture_cases() -> list:
    cases = [pytest.param(n, fmt, f"{n}.{fmt}", id=f"{n}-{fmt}") for n in NUMS for fmt in READERS]
    cases.append(pytest.param("002", "html", "nometa_gbk.html", id="002-html-gbk-no-meta"))
    return cases


# --------------------------------------------------------------------------- seeds x formats


@pytest.mark.parametrize("num,fmt,name", fixture_cases())
def test_format_gives_seed_paragraphs(num: str, fmt: str, name: str) -> None:
    text = READERS[fmt](FIX / name)
    got = [norm(ln) for ln in text.split("\n")]
    assert all(got), "no empty lines"
    seed = seed_paragraphs(num)
    assert got == seed
    for leftover in LEFTOVERS[fmt]:  # chrome strings: only as often as the notice itself has them
        found = sum(len(regex.findall(leftover, ln)) for ln in got)
        assert found == sum(len(regex.findall(leftover, ln)) for ln in seed), leftover


@pytest.mark.parametrize("num", NUMS)
def test_pdf_header_dropped_but_body_title_kept(num: str) -> None:
    """The running header repeats the title on every page; only the body's copies remain."""
    import pdfplumber

    with pdfplumber.open(FIX / f"{num}.pdf") as pdf:
        header = pdf.pages[0].extract_text_lines()[0]["text"]
        raw_lines = sum(len(p.extract_text_lines()) for p in pdf.pages)
        pages = len(pdf.pages)
    text = norm(read_pdf(FIX / f"{num}.pdf"))
    seed = "".join(seed_paragraphs(num))
    assert pages >= 2
    assert text.count(norm(header)) == seed.count(norm(header))
    # wrapped lines were re-joined: far fewer paragraphs than printed lines
    assert len(read_pdf(FIX / f"{num}.pdf").split("\n")) < raw_lines - 2 * pages


def test_pdf_sentence_broken_across_lines_is_one_line() -> None:
    text = read_pdf(FIX / "002.pdf")
    line = next(ln for ln in text.split("\n") if ln.startswith("为深入贯彻党的二十大精神"))
    assert norm(line).endswith("现结合实际提出如下实施意见。")
    assert "（征求意见稿）" in text.split("\n")[2] or "(征求意见稿)" in text.split("\n")[2]


def test_docx_table_in_reading_order() -> None:
    assert read_docx(FIX / "table.docx").split("\n") == [
        "关于高技能人才培养项目分级资助标准的通知",
        "重点高技能人才培养项目实施分级资助管理，资助标准如下：",
        "等级\t名额\t资助金额",
        "一级\t不超过1个\t10万元",
        "二级\t不超过2个\t各7万元",
        "三级\t不超过3个\t各5万元",
        "同一项目同时符合多项资助条件的，不得重复享受。",
        "本通知自印发之日起施行。",
    ]


@pytest.mark.parametrize("num", NUMS)
@pytest.mark.parametrize(
    "suffix,codec", [("gbk.txt", "gbk"), ("utf8bom.txt", "utf-8-sig"), ("utf16.txt", "utf-16")]
)
def test_txt_fixtures_encode_the_seed(num: str, suffix: str, codec: str) -> None:
    """The re-encoded txt fixtures (read by the txt reader) hold exactly the seed text."""
    data = (FIX / f"{num}.{suffix}").read_bytes()
    seed = next(p for p in SEEDS if p.name.startswith(num)).read_text(encoding="utf-8")
    assert data.decode(codec) == seed.replace("\xa0", " ")
    if codec == "gbk":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")


def test_html_encoding_detection() -> None:
    assert html_mod.detect_encoding((FIX / "004.html").read_bytes()) == "gb18030"
    assert html_mod.detect_encoding((FIX / "000.html").read_bytes()) == "utf-8"
    detected = html_mod.detect_encoding((FIX / "nometa_gbk.html").read_bytes())
    assert detected is not None and detected.lower() in {"gb18030", "gbk", "gb2312"}


# --------------------------------------------------------------------------- bad inputs

BAD = [
    ("truncated.pdf", read_pdf, "broken PDF: truncated (no %%EOF at the end)"),
    ("scanned.pdf", read_pdf, "scanned PDF: no text layer"),
    ("junk.pdf", read_pdf, "not a PDF file"),
    ("empty.txt", read_pdf, "empty file"),
    ("missing.pdf", read_pdf, "file not found"),
    ("junk.docx", read_docx, "not a DOCX file (not a zip package; an old .doc?)"),
    ("000.pdf", read_docx, "not a DOCX file (not a zip package; an old .doc?)"),
    ("empty.txt", read_docx, "empty file"),
    ("missing.docx", read_docx, "file not found"),
    ("empty.html", read_html, "no text found"),
    ("empty.txt", read_html, "empty file"),
    ("missing.html", read_html, "file not found"),
]


@pytest.mark.parametrize(
    "name,reader,reason", [pytest.param(*b, id=f"{b[1].__name__}-{b[0]}") for b in BAD]
)
def test_bad_input_raises(name: str, reader, reason: str) -> None:
    with pytest.raises(IngestError) as err:
        reader(FIX / name)
    assert err.value.reason == reason
    assert err.value.path == str(FIX / name)


def test_bad_fixtures_exist() -> None:
    for name in ["empty.txt", "junk.txt", "truncated.pdf", "scanned.pdf", "notice.xyz"]:
        assert (FIX / name).exists(), name
    assert (FIX / "empty.txt").stat().st_size == 0
    assert b"%PDF-" in (FIX / "truncated.pdf").read_bytes()[:8]


def test_docx_without_document_part(tmp_path: Path) -> None:
    import zipfile

    bad = tmp_path / "x.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(IngestError, match=r"not a DOCX file \(no word/document.xml\)"):
        read_docx(bad)


# --------------------------------------------------------------------------- data file


def test_ingest_yaml_loads_and_validates() -> None:
    lex = lexicon()
    assert "打印本页" in lex.phrases and "浏览次数" in lex.labels and "breadcrumb" in lex.container_words
    assert lex.max_chars > 50
    raw = lex.model_dump()
    raw["phrases"] = raw["phrases"] + ["打印本页"]
    with pytest.raises(ValidationError, match="duplicate"):
        IngestLexicon.model_validate(raw)


# --------------------------------------------------------------------------- table-driven cases


def _load_cases() -> list:
    data = yaml.safe_load((ROOT / "tests" / "cases" / "ingest.yaml").read_text(encoding="utf-8"))
    params = []
    for group, cases in data.items():
        for case in cases:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            params.append(pytest.param(case, id=f"{group}-{case['id']}", marks=marks))
    return params


def _run_case(case: dict):
    kind = case["kind"]
    if kind == "html":
        text = html_to_text(case["html"])
        return (text.split("\n") if text else []), case["lines"]
    if kind == "page":
        return bool(pdf_mod._PAGE_NUMBER.match(case["line"])), case["page_number"]
    if kind == "crumb":
        return html_mod._is_boilerplate(case["line"], lexicon()), case["boilerplate"]
    if kind == "join":
        lines = [Line(t, x0, x1, 100.0 + 20 * i, 12.0, 0) for i, (t, x0, x1) in enumerate(case["lines"])]
        return join_paragraphs(lines, margins=(72.0, 522.0)), case["paragraphs"]
    raise AssertionError(f"unknown kind {kind}")


@pytest.mark.parametrize("case", _load_cases())
def test_ingest_case(case: dict) -> None:
    got, expected = _run_case(case)
    assert got == expected
