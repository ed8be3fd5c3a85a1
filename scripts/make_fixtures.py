"""Generate the format fixtures in tests/fixtures/formats/ from the seed notices.

Run from anywhere:  python scripts/make_fixtures.py
Re-runnable and deterministic where the tools allow (reportlab invariant=1,
fixed docx core properties, seeded random junk). The outputs are committed.

For each seed corpus/NNN_*.txt it writes
  NNN.pdf        reportlab, CID font STSong-Light, A4, wrapped & justified lines,
                 running header (the notice title) and footer page number "— N —"
  NNN.docx       python-docx, one paragraph per seed line
  NNN.html       the text inside realistic government-site chrome (menu,
                 breadcrumb, share bar, info line, footer, <script>, <style>)
  NNN.gbk.txt / NNN.utf8bom.txt / NNN.utf16.txt   re-encoded text
plus table.docx, 004 html in GB2312 (meta) and 002 as nometa_gbk.html (no
declared charset), and the bad inputs empty.txt, junk.txt, truncated.pdf,
scanned.pdf, notice.xyz.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import random
import re
import zipfile
from pathlib import Path

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OUT = ROOT / "tests" / "fixtures" / "formats"
FONT = "STSong-Light"
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)

# a breadcrumb line such as "十四五 > 文件发布" carried by a seed txt
NAV_LINE = re.compile(r"^\s*\S{1,15}(\s*[>＞]\s*\S{1,15})+\s*$")
DOC_TYPE = re.compile(r"(通知|意见|方案|计划|办法|措施|规定|细则)")


def seed_lines(path: Path) -> list[str]:
    """The seed's non-empty lines (its paragraphs), stripped, NBSP-only lines removed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip()]


def body_lines(lines: list[str]) -> list[str]:
    """Seed paragraphs without the txt's own breadcrumb line."""
    return [ln for ln in lines if not NAV_LINE.match(ln)]


def notice_title(lines: list[str]) -> str:
    """The notice title for the running header: the first 关于…/doc-type line, continued."""
    for i, ln in enumerate(lines[:8]):
        if ln.startswith("关于") or (DOC_TYPE.search(ln) and len(ln) <= 40):
            if not DOC_TYPE.search(ln) and i + 1 < len(lines):
                return ln + lines[i + 1]
            return ln
    return lines[0]


def title_count(lines: list[str]) -> int:
    """How many leading short lines form the (centred) title block."""
    n = 0
    for ln in lines[:3]:
        if len(ln) > 30 or ln.endswith(("。", "：", ":")):
            break
        n += 1
    return max(n, 1)


# --------------------------------------------------------------------------- PDF


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _page_decor(title: str):
    def draw(canv: canvas.Canvas, doc) -> None:
        width, height = A4
        canv.saveState()
        canv.setFont(FONT, 9)
        canv.drawCentredString(width / 2, height - 42, title)
        canv.line(72, height - 48, width - 72, height - 48)
        canv.setFont(FONT, 10.5)
        canv.drawCentredString(width / 2, 36, f"— {doc.page} —")
        canv.restoreState()

    return draw


def pdf_bytes(lines: list[str], title: str) -> bytes:
    """A text PDF: title centred, body paragraphs justified with a 2-char first-line indent."""
    _register_font()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=12, leading=20, alignment=TA_JUSTIFY,
        firstLineIndent=24, wordWrap="CJK",
    )
    head = ParagraphStyle(
        "head", fontName=FONT, fontSize=16, leading=26, alignment=TA_CENTER, wordWrap="CJK"
    )
    n_title = title_count(lines)
    flow = [Paragraph(html.escape(ln), head) for ln in lines[:n_title]] + [Spacer(1, 12)]
    flow += [Paragraph(html.escape(ln), body) for ln in lines[n_title:]]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=72,
        title=title, author="zhengce fixtures", invariant=1,
    )
    decor = _page_decor(title)
    doc.build(flow, onFirstPage=decor, onLaterPages=decor)
    return buf.getvalue()


def scanned_pdf_bytes() -> bytes:
    """A 'scanned' page: an embedded raster image and drawn rectangles, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(img)
    rng = random.Random(7)
    for y in range(40, 520, 18):  # grey bars that look like lines of print
        draw.rectangle([30, y, 30 + rng.randint(200, 340), y + 8], fill=60)
    buf = io.BytesIO()
    canv = canvas.Canvas(buf, pagesize=A4, invariant=1)
    canv.drawImage(ImageReader(img), 60, 120, width=475, height=665)
    canv.rect(50, 110, 495, 685)
    canv.showPage()
    canv.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- DOCX


def _fixed_props(doc) -> None:
    props = doc.core_properties
    props.author = "zhengce fixtures"
    props.last_modified_by = "zhengce fixtures"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1


def _stable_zip(data: bytes) -> bytes:
    """Re-pack a .docx with fixed entry times so that re-runs give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _docx_para(doc, text: str, centred: bool = False, size: float = 12) -> None:
    para = doc.add_paragraph()
    run = para.add_run(text)
    run.font.size = Pt(size)
    if centred:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER


def docx_bytes(lines: list[str]) -> bytes:
    doc = DocxDocument()
    _fixed_props(doc)
    n_title = title_count(lines)
    for i, ln in enumerate(lines):
        _docx_para(doc, ln, centred=i < n_title, size=16 if i < n_title else 12)
    buf = io.BytesIO()
    doc.save(buf)
    return _stable_zip(buf.getvalue())


TABLE_BEFORE = [
    "关于高技能人才培养项目分级资助标准的通知",
    "重点高技能人才培养项目实施分级资助管理，资助标准如下：",
]
TABLE_ROWS = [
    ["等级", "名额", "资助金额"],
    ["一级", "不超过1个", "10万元"],
    ["二级", "不超过2个", "各7万元"],
    ["三级", "不超过3个", "各5万元"],
]
TABLE_AFTER = ["同一项目同时符合多项资助条件的，不得重复享受。", "本通知自印发之日起施行。"]


def table_docx_bytes() -> bytes:
    """Paragraphs, a table, then paragraphs: tests reading order and cell joining."""
    doc = DocxDocument()
    _fixed_props(doc)
    for ln in TABLE_BEFORE:
        _docx_para(doc, ln)
    table = doc.add_table(rows=len(TABLE_ROWS), cols=3)
    for r, row in enumerate(TABLE_ROWS):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    for ln in TABLE_AFTER:
        _docx_para(doc, ln)
    buf = io.BytesIO()
    doc.save(buf)
    return _stable_zip(buf.getvalue())


# --------------------------------------------------------------------------- HTML

HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
{charset}
<title>{title_esc}_政策文件_某某市人民政府门户网站</title>
<link rel="stylesheet" href="/css/style.css">
<style>body{{font-family:"微软雅黑";}} .nav li{{float:left;}}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="top-bar"><a href="/">网站首页</a> | <a href="/en/">English</a> | <a href="#">无障碍浏览</a> | <a href="#">长者模式</a></div>
<div id="header" class="header">
  <div class="logo"><img src="/images/logo.png" alt="某某市人民政府门户网站"></div>
  <form class="search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form>
  <ul class="nav">
    <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
    <li><a href="/zcwj/">政策文件</a></li><li><a href="/bsfw/">办事服务</a></li>
    <li><a href="/hdjl/">互动交流</a></li><li><a href="/zjmc/">走进某市</a></li>
  </ul>
</div>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zcwj/">政策文件</a> &gt; <a href="/zcwj/tzgg/">通知公告</a></div>
  <div class="article">
    <h1 class="article-title">{title_esc}</h1>
    <div class="info">发布时间：2024-01-01 09:00 来源：市人力资源和社会保障局 浏览次数：1234 字体：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
    <div class="TRS_Editor" id="zoom">
{paragraphs}
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
    <div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
    <div class="prev-next"><p>上一篇：<a href="#">关于做好2023年度职称评审工作的通知</a></p><p>下一篇：<a href="#">关于公布2023年度技能大师工作室名单的公告</a></p></div>
  </div>
  <aside class="sidebar"><h3>相关链接</h3><ul><li><a href="#">国务院</a></li><li><a href="#">省人民政府</a></li></ul></aside>
</div>
<div class="footer" id="footer">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/mzsm/">免责声明</a></p>
  <p>主办单位：某某市人民政府办公室　承办单位：某某市政务服务数据管理局</p>
  <p>网站标识码：4407000001　<a href="https://beian.miit.gov.cn/">粤ICP备12345678号</a>　粤公网安备 44070302000101号</p>
</div>
<script src="/js/jquery.min.js"></script>
<script>$(function(){{ $(".nav li").hover(function(){{ $(this).addClass("on"); }}); }});</script>
</body>
</html>
"""


def html_text(lines: list[str], title: str, charset: str | None) -> str:
    """The page: site chrome around an <h1> title and the article body (one <p> a line)."""
    meta = ""
    if charset == "utf-8":
        meta = '<meta charset="utf-8">'
    elif charset:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    paras = []
    for ln in lines:
        style = ' style="text-align:center"' if len(ln) < 30 else ""
        paras.append(f"<p{style}>{html.escape(ln)}</p>")
    return HTML_PAGE.format(
        charset=meta, title_esc=html.escape(title), paragraphs="\n".join(paras)
    )


# --------------------------------------------------------------------------- main


def write(name: str, data: bytes) -> None:
    (OUT / name).write_bytes(data)


def make_seed(path: Path) -> None:
    num = path.name[:3]
    lines = seed_lines(path)
    body = body_lines(lines)
    title = notice_title(body)
    write(f"{num}.pdf", pdf_bytes(body, title))
    write(f"{num}.docx", docx_bytes(body))
    # the page repeats the title in its <h1>; the article body is the whole seed text,
    # including the seed's own breadcrumb line, as the site had it
    page_lines = lines
    charset = "gb2312" if num == "004" else "utf-8"
    page = html_text(page_lines, title, charset)
    write(f"{num}.html", page.encode("gbk" if charset == "gb2312" else "utf-8"))
    if num == "002":
        write("nometa_gbk.html", html_text(page_lines, title, None).encode("gbk"))
    text = path.read_text(encoding="utf-8").replace("\xa0", " ")  # NBSP has no GBK code
    write(f"{num}.gbk.txt", text.encode("gbk"))
    write(f"{num}.utf8bom.txt", text.encode("utf-8-sig"))
    write(f"{num}.utf16.txt", text.encode("utf-16"))  # with BOM, little-endian


def make_bad(good_pdf: bytes) -> None:
    write("empty.txt", b"")
    write("junk.txt", random.Random(20240101).randbytes(4096))
    write("truncated.pdf", good_pdf[: len(good_pdf) // 2])
    write("scanned.pdf", scanned_pdf_bytes())
    write("notice.xyz", "关于印发某某办法的通知\n".encode("utf-8"))
    write("junk.pdf", random.Random(5).randbytes(2048))
    write("junk.docx", random.Random(6).randbytes(2048))
    write("empty.html", b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    seeds = sorted(CORPUS.glob("[0-9][0-9][0-9]_*.txt"))
    for path in seeds:
        make_seed(path)
    write("table.docx", table_docx_bytes())
    make_bad((OUT / f"{seeds[0].name[:3]}.pdf").read_bytes())
    print(f"wrote {len(list(OUT.iterdir()))} files to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
