"""Read a text PDF into paragraphs, one per line (pdfplumber, no layout mode).

The lines pdfplumber finds (``extract_text_lines``, with their positions) are
cleaned and re-joined:

* running headers/footers: a line near the top or bottom of a page whose text
  (digits masked) recurs at about the same height on at least half of the pages
  (and at least two) is dropped, as is a page number such as "— 3 —", "- 3 -",
  "第3页", "第3页 共10页", "3/10" at a page edge;
* a line that reaches the right margin and does not end with 。；：！？ runs on
  into the next one, unless the next is indented, is set in another font size,
  or starts with a clause number (一、 （一） 1. 第三条 ①…). When the PDF marks
  paragraphs with a first-line indent, a full line runs on into an unindented
  next line even after 。 (the sentence ended exactly at the margin).

A PDF without any text is "scanned PDF: no text layer"; a truncated or corrupt
one is "broken PDF: <reason>".
"""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass
from pathlib import Path

import regex

from ..errors import IngestError
from .common import read_bytes

# a page number standing alone on a line
_PAGE_NUMBER = regex.compile(
    r"""
    ^\s*(?:
        [—–\-－~～]{1,2} \s* \d{1,4} \s* [—–\-－~～]{1,2}          # — 3 —  /  - 3 -
      | 第 \s* \d{1,4} \s* 页 (?:\s* [,，/]? \s* 共 \s* \d{1,4} \s* 页)?  # 第3页 / 第3页 共10页
      | 共 \s* \d{1,4} \s* 页 \s* [,，]? \s* 第 \s* \d{1,4} \s* 页        # 共10页 第3页
      | \d{1,4} \s* [/／] \s* \d{1,4}                              # 3/10
      | (?i:page) \s* \d{1,4} (?:\s* (?i:of) \s* \d{1,4})?           # Page 3 of 10
      | \d{1,4}                                                     # a bare 3
    )\s*$
    """,
    regex.VERBOSE,
)

# a line that closes its paragraph: sentence-final punctuation, maybe a closing bracket/quote
_PARA_END = regex.compile(
    r"""
    [。；：！？;:!?]            # sentence or list end
    [”’」』）)〕】》]*           # closing quotes / brackets after it
    \s*$                        # at the end of the line
    """,
    regex.VERBOSE,
)

# a line that opens a numbered unit and so starts a paragraph
_HEADING = regex.compile(
    r"""
    ^\s*(?:
        第[一二三四五六七八九十百零〇\d]+[章节条]    # 第三章 第二节 第五条
      | [一二三四五六七八九十]+[、．.]             # 一、
      | [（(][一二三四五六七八九十]+[）)]          # （一） (一)
      | \d{1,2}[.．、](?!\d)                      # 1. 1、 1．  (not 1.5)
      | [（(]\d{1,2}[）)]                         # （1） (1)
      | [①-⑳]                                    # ①
    )
    """,
    regex.VERBOSE,
)

_ASCII_END = regex.compile(r"[A-Za-z0-9]$")  # line ends in a Latin letter/digit
_ASCII_START = regex.compile(r"^[A-Za-z0-9]")  # line starts with a Latin letter/digit
_DIGITS = regex.compile(r"\d+")  # masked when comparing running headers
_SPACE = regex.compile(r"\s+")  # ignored when comparing running headers

_EDGE = 2  # lines at the top and at the bottom of a page that may be header/footer
_SAME_HEIGHT = 4.0  # points: a running header sits at the same height on every page


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    page: int


def read_pdf(path: str | Path) -> str:
    """The PDF's text, one paragraph a line; raises IngestError for a bad PDF."""
    pages = _page_lines(path)
    if not any(pages):
        raise IngestError(path, "scanned PDF: no text layer")
    text = "\n".join(join_paragraphs(drop_running(pages)))
    if not text.strip():
        raise IngestError(path, "no text found")
    return text


def _pdf_bytes(path: str | Path) -> bytes:
    data = read_bytes(path)
    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, "not a PDF file")
    if b"%%EOF" not in data[-2048:]:
        raise IngestError(path, "broken PDF: truncated (no %%EOF at the end)")
    return data


def _page_lines(path: str | Path) -> list[list[Line]]:
    import pdfplumber  # heavy; imported on first use
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    data = _pdf_bytes(path)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise IngestError(path, "broken PDF: no pages")
            return [_lines_of(page, i) for i, page in enumerate(pdf.pages)]
    except IngestError:
        raise
    except PDFPasswordIncorrect:
        raise IngestError(path, "encrypted PDF: password required") from None
    except Exception as exc:  # pdfminer raises many unrelated types for a corrupt file
        raise IngestError(path, f"broken PDF: {type(exc).__name__}: {str(exc)[:80]}") from None


def _lines_of(page, number: int) -> list[Line]:
    lines = []
    for raw in page.extract_text_lines(strip=True, return_chars=True):
        if not raw["text"].strip():
            continue
        sizes = [c["size"] for c in raw["chars"]] or [0.0]
        lines.append(
            Line(raw["text"], raw["x0"], raw["x1"], raw["top"], statistics.median(sizes), number)
        )
    return lines


# --------------------------------------------------------------------------- headers/footers


def _key(text: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", text))


def _edges(lines: list[Line]) -> list[Line]:
    if len(lines) <= 2 * _EDGE:
        return list(lines)
    return lines[:_EDGE] + lines[-_EDGE:]


def running_lines(pages: list[list[Line]]) -> set[int]:
    """ids of edge lines that repeat at the same height on >= half the pages."""
    by_key: dict[str, list[Line]] = {}
    for lines in pages:
        for line in _edges(lines):
            by_key.setdefault(_key(line.text), []).append(line)
    need = max(2, (len(pages) + 1) // 2)
    drop: set[int] = set()
    for found in by_key.values():
        height = statistics.median(line.top for line in found)
        same = [line for line in found if abs(line.top - height) <= _SAME_HEIGHT]
        if len({line.page for line in same}) >= need:
            drop.update(id(line) for line in same)
    return drop


def drop_running(pages: list[list[Line]]) -> list[Line]:
    """All lines in reading order without running headers/footers and page numbers."""
    running = running_lines(pages)
    keep: list[Line] = []
    for lines in pages:
        edges = {id(line) for line in _edges(lines)}
        for line in lines:
            if id(line) in edges and (id(line) in running or _PAGE_NUMBER.match(line.text)):
                continue
            keep.append(line)
    return keep


# --------------------------------------------------------------------------- paragraphs


def _margins(lines: list[Line]) -> tuple[float, float, float]:
    """(left, right, body font size) of the text block."""
    size = statistics.mode(round(line.size, 1) for line in lines)
    body = [line for line in lines if abs(line.size - size) < 0.5] or lines
    # lines may overhang the margin (hanging punctuation), so the right edge is the
    # median end of the long lines, not the maximum
    widest = max(line.x1 for line in body)
    right = statistics.median(line.x1 for line in body if line.x1 >= widest - 3 * size)
    return min(line.x0 for line in body), right, size


def _indent_style(lines: list[Line], left: float) -> bool:
    """Does the PDF mark paragraphs with a first-line indent (公文 style: two characters)?"""
    indented = sum(1 for ln in lines if 1.5 * ln.size <= ln.x0 - left <= 2.5 * ln.size)
    return indented >= max(3, 0.08 * len(lines))


def _runs_on(prev: Line, nxt: Line, left: float, right: float, indents: bool) -> bool:
    """Does ``prev`` continue into ``nxt`` (same paragraph)?

    In a PDF that indents its paragraphs, a full line followed by an unindented one
    continues even after 。 (the sentence happened to end at the margin).
    """
    full = prev.x1 >= right - 1.5 * prev.size
    return (
        full
        and (indents or not _PARA_END.search(prev.text))
        and abs(prev.size - nxt.size) < 0.5
        and nxt.x0 <= left + 0.9 * nxt.size
        and not _HEADING.match(nxt.text)
    )


def join_paragraphs(lines: list[Line], margins: tuple[float, float] | None = None) -> list[str]:
    """Re-join wrapped lines into paragraphs; ``margins`` (left, right) default to the lines'."""
    if not lines:
        return []
    left, right = margins or _margins(lines)[:2]
    indents = _indent_style(lines, left)
    paras = [lines[0].text.strip()]
    for prev, nxt in zip(lines, lines[1:]):
        text = nxt.text.strip()
        if _runs_on(prev, nxt, left, right, indents):
            glue = " " if _ASCII_END.search(paras[-1]) and _ASCII_START.match(text) else ""
            paras[-1] += glue + text
        else:
            paras.append(text)
    return paras
