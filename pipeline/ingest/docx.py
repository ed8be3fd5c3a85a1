"""Read a .docx into paragraphs, one per line, with tables in reading order.

The body element's children are walked in order: a ``w:p`` is a paragraph
(soft line breaks inside it become separate lines), a ``w:tbl`` gives one line
per row with the cells joined by a tab (a merged cell is read once), and a
content control (``w:sdt``) is walked like the body.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import IngestError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_PART = "word/document.xml"


def read_docx(path: str | Path) -> str:
    """The document's text, one paragraph (or table row) a line."""
    doc = _open(path)
    lines = [ln.strip() for ln in _block_lines(doc.element.body, doc)]
    text = "\n".join(ln for ln in lines if ln)
    if not text:
        raise IngestError(path, "no text found")
    return text


def _open(path: str | Path):
    import docx  # python-docx; imported on first use

    file = Path(path)
    if not file.exists():
        raise IngestError(path, "file not found")
    if file.stat().st_size == 0:
        raise IngestError(path, "empty file")
    if not zipfile.is_zipfile(file):
        raise IngestError(path, "not a DOCX file (not a zip package; an old .doc?)")
    with zipfile.ZipFile(file) as pkg:
        if _DOCX_PART not in pkg.namelist():
            raise IngestError(path, f"not a DOCX file (no {_DOCX_PART})")
    try:
        return docx.Document(str(file))
    except Exception as exc:  # python-docx / lxml raise various types for a damaged package
        raise IngestError(path, f"broken DOCX: {type(exc).__name__}: {str(exc)[:80]}") from None


def _block_lines(parent, doc) -> list[str]:
    """Lines of the block-level children of ``parent`` (body, cell or content control)."""
    lines: list[str] = []
    for child in parent.iterchildren():
        if child.tag == _W + "p":
            lines.extend(_paragraph_text(child, doc).split("\n"))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(child, doc))
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                lines.extend(_block_lines(content, doc))
    return lines


def _paragraph_text(p, doc) -> str:
    from docx.text.paragraph import Paragraph

    return Paragraph(p, doc).text


def _table_lines(tbl, doc) -> list[str]:
    """One line per row, cells joined by a tab; a cell's own paragraphs joined by a space."""
    lines = []
    for tr in tbl.iterchildren(_W + "tr"):
        cells = []
        for tc in tr.iterchildren(_W + "tc"):
            parts = [ln.strip() for ln in _block_lines(tc, doc)]
            cells.append(" ".join(p for p in parts if p))
        if any(cells):
            lines.append("\t".join(cells))
    return lines
