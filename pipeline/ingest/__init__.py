"""Reading input files of every supported format into raw text.

:func:`read` dispatches on the file extension and always either returns text
or raises :class:`~pipeline.errors.IngestError` naming the file and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import IngestError

SUPPORTED = {".txt": "txt", ".text": "txt", ".pdf": "pdf", ".html": "html", ".htm": "html",
             ".shtml": "html", ".docx": "docx"}


@dataclass(frozen=True)
class RawDocument:
    text: str
    format: str
    encoding: str | None


def format_of(path: Path) -> str | None:
    return SUPPORTED.get(path.suffix.lower())


def read(path: Path) -> RawDocument:
    """Read ``path`` into raw text; IngestError for anything that is not a readable notice."""
    path = Path(path)
    try:
        exists, regular = path.exists(), path.is_file()
    except OSError as exc:  # a name too long for the file system, a loop of links
        raise IngestError(path, f"cannot read path: {exc.strerror or exc}") from None
    if not exists:
        raise IngestError(path, "no such file or directory")
    if not regular:
        raise IngestError(path, "not a regular file")
    fmt = format_of(path)
    if fmt is None:
        raise IngestError(path, f"unsupported file type {path.suffix or '(no extension)'!r}; "
                                f"supported: {', '.join(sorted(set(SUPPORTED)))}")
    if path.stat().st_size == 0:
        raise IngestError(path, "empty file")
    if fmt == "txt":
        from .txt import read_txt

        text, encoding = read_txt(path)
        return RawDocument(text, fmt, encoding)
    if fmt == "pdf":
        from .pdf import read_pdf

        return RawDocument(read_pdf(path), fmt, None)
    if fmt == "html":
        from .html import detect_encoding, read_html

        return RawDocument(read_html(path), fmt, detect_encoding(path.read_bytes()))
    from .docx import read_docx

    return RawDocument(read_docx(path), fmt, None)
