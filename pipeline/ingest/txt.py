"""Plain-text notices: detect the encoding, never assume it.

Order: a byte-order mark decides (UTF-8-SIG, UTF-16/32); otherwise strict
UTF-8; otherwise ``charset-normalizer`` (a maintained detector that knows GBK
/ GB18030 / Big5) chooses, and its answer is rejected when the bytes look like
binary data.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of C0 control characters (other than tab/newline/CR/form feed) above
# which decoded text is taken to be binary data named .txt.
_MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes, path: object = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise IngestError if it is not text.

    >>> text = "关于印发高新工匠培育实施方案的通知。各街道办事处、区直各部门：现印发给你们。"
    >>> decode_bytes(text.encode("gbk"))
    ('关于印发高新工匠培育实施方案的通知。各街道办事处、区直各部门：现印发给你们。', 'gb18030')
    >>> decode_bytes(codecs.BOM_UTF8 + "通知".encode())
    ('通知', 'utf-8-sig')
    """
    if not data.strip():
        raise IngestError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), encoding, path)
    if _looks_utf16(data):
        return _checked(data.decode("utf-16-le"), "utf-16-le", path)
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    return _detect(data, path)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16-LE without a BOM: every other byte of ASCII text is NUL."""
    sample = data[:2000]
    return len(sample) >= 4 and sample[1::2].count(0) > 0.4 * len(sample[1::2])


def _detect(data: bytes, path: object) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(path, "binary or undecodable content: no text encoding fits")
    encoding = best.encoding
    # GBK text is also valid GB18030 (its superset); decode with the superset.
    if encoding in ("gbk", "gb2312", "hz"):
        encoding = "gb18030"
    return _checked(str(best), encoding, path)


def _checked(text: str, encoding: str, path: object) -> tuple[str, str]:
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if text and control / len(text) > _MAX_CONTROL_SHARE:
        raise IngestError(path, f"binary content (decoded as {encoding} but full of control bytes)")
    if not text.strip():
        raise IngestError(path, "empty file")
    return text, encoding


def read_txt(path: Path) -> tuple[str, str]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from None
    return decode_bytes(data, path)
