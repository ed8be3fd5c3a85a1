"""Read a government web page: the notice's main text only, one paragraph a line.

Why not trafilatura: it is installed but cannot be imported in our environment
(its dependency jusText needs ``lxml.html.clean``, split out of lxml 5.2 into the
separate package lxml_html_clean), and on government pages it also tends to drop
short lines that matter here (the 文号, the signature, the date) or keep the
breadcrumb. So the extractor is ours, on lxml:

1. the encoding comes from a BOM, else the ``<meta charset>``, else UTF-8 if it
   decodes, else charset-normalizer;
2. scripts, styles, forms, ``nav/header/footer/aside`` and elements whose class
   or id names site chrome (``gazetteers/ingest.yaml: container_words``) are
   removed, unless such an element holds most of the page's Chinese text;
3. the main text is the deepest element holding >= 75 % of the remaining
   Chinese text (the ``TRS_Editor`` / ``zoom`` / ``article`` div in practice);
4. its text is cut into lines at block elements (table rows: cells joined by a
   tab), and breadcrumb, button-bar, page-info and footer lines are dropped;
5. if the page title (an ``<h1>``-``<h3>`` or ``*title*`` element that the
   ``<title>`` tag repeats) is not in the main text, it is put first.
"""

from __future__ import annotations

from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, field_validator

from ..data import load
from ..errors import IngestError
from .common import read_bytes

# a breadcrumb line: "首页 > 政策文件 > 通知公告", "当前位置：首页 » 十四五 > 文件发布"
_BREADCRUMB = regex.compile(
    r"""
    ^\s*
    (?:[^\s>＞»›：:]{1,10}[：:]\s*)?              # an optional label: 当前位置：
    [^>＞»›。，；！？\n]{1,20}?                    # the first crumb
    (?:\s*(?:>>?|＞|»|›)\s*                        # a separator > >> ＞ » ›
       [^>＞»›。，；！？\n]{1,20}?){1,8}           # the next crumb
    \s*[>＞»›]?\s*$                                # maybe a trailing separator
    """,
    regex.VERBOSE,
)

# the charset declared in a <meta> tag (http-equiv or HTML5 form), in the raw bytes
_META_CHARSET = regex.compile(
    rb"""
    <meta\b[^>]*?                 # inside a meta tag
    charset\s*=\s*["']?\s*        # charset=
    ([A-Za-z0-9_\-:.]+)           # the encoding name
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# an XML declaration, which lxml refuses in a str
_XML_DECL = regex.compile(
    r"""
    ^\s*<\?xml[^>]*\?>            # <?xml version="1.0" encoding="..."?>
    """,
    regex.VERBOSE,
)

# a whitespace run with a line break between two CJK characters (source wrapping)
_CJK_BREAK = regex.compile(
    r"""
    (?<=[\p{Han}\p{InCJK_Symbols_and_Punctuation}\uff00-\uffef])   # after CJK
    [ \t\r\f\v]*\n\s*                                              # a wrapped line
    (?=[\p{Han}\p{InCJK_Symbols_and_Punctuation}\uff00-\uffef])    # before CJK
    """,
    regex.VERBOSE,
)

_SPACES = regex.compile(r"[^\S\t]+")  # whitespace other than the cell tab
_HAN = regex.compile(r"\p{Han}")  # a Chinese character, to weigh elements
_TOKEN = regex.compile(r"[\s\-_]+")  # splits class / id values into words
_BUTTON_SPLIT = regex.compile(r"[\s【】\[\]()（）|｜·•：:]+")  # splits a button bar
_NO_SPACE = regex.compile(r"\s+")  # for comparing titles

_BOM = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_GB_ALIASES = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "gb18030", "cp936"}
_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "form", "button",
    "select", "input", "textarea", "nav", "header", "footer", "aside", "head",
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol dl dt dd table tbody thead tfoot tr h1 h2 h3 h4 h5 h6 section "
    "article main blockquote pre center hr address figure figcaption caption".split()
)
_MAIN_SHARE = 0.75  # the main element holds at least this share of the Chinese text
_CHROME_MAX_SHARE = 0.5  # a chrome-named element holding more than this share ...
_CHROME_MIN_KEEP = 100  # ... and at least this many Chinese characters is kept (misnamed)


class IngestLexicon(BaseModel):
    """gazetteers/ingest.yaml: what counts as web-page boilerplate."""

    model_config = ConfigDict(extra="forbid")
    container_words: list[str]
    phrases: list[str]
    labels: list[str]
    footer_marks: list[str]
    max_chars: int

    @field_validator("container_words", "phrases", "labels", "footer_marks")
    @classmethod
    def _unique(cls, words: list[str]) -> list[str]:
        seen = [w.casefold() for w in words]
        dups = sorted({w for w in seen if seen.count(w) > 1})
        if dups:
            raise ValueError(f"duplicate entries: {dups}")
        if any(not w.strip() for w in words):
            raise ValueError("empty entry")
        return words


def lexicon() -> IngestLexicon:
    return load("ingest.yaml", IngestLexicon)


# --------------------------------------------------------------------------- reading


def read_html(path: str | Path) -> str:
    """The page's main text, one paragraph a line; raises IngestError for a bad page."""
    data = read_bytes(path)
    encoding = detect_encoding(data)
    if encoding is None:
        raise IngestError(path, "cannot detect the text encoding")
    text = html_to_text(data.decode(encoding, errors="replace"))
    if not text:
        raise IngestError(path, "no text found")
    return text


def detect_encoding(data: bytes) -> str | None:
    """The page's encoding: BOM, then <meta charset>, then UTF-8, then charset-normalizer."""
    for bom, name in _BOM:
        if data.startswith(bom):
            return name
    declared = _declared(data)
    if declared and _decodes(data, declared):
        return declared
    if _decodes(data, "utf-8"):
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def _declared(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore").lower()
    return "gb18030" if name in _GB_ALIASES else name  # GB18030 is a superset of GBK


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


# --------------------------------------------------------------------------- main text


def html_to_text(html: str) -> str:
    """The main text of an HTML page, one paragraph a line ("" if there is none)."""
    import lxml.html

    html = _XML_DECL.sub("", html)
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml.etree.ParserError for a page without any element
        return ""
    title = _page_title(root)
    _strip_chrome(root, lexicon())
    main = _main_element(root)
    lines = [ln for ln in _element_lines(main) if not _is_boilerplate(ln, lexicon())]
    if title and lines and _squash(title) not in _squash("".join(lines)):
        lines.insert(0, title)
    return "\n".join(lines)


def _squash(text: str) -> str:
    return _NO_SPACE.sub("", text)


def _page_title(root) -> str | None:
    """The longest heading / *title* element whose text the <title> tag contains."""
    head_title = _squash(root.findtext(".//title") or "")
    if not head_title:
        return None
    best = None
    for el in root.iter("h1", "h2", "h3", "div", "p", "span", "td"):
        if el.tag in ("div", "p", "span", "td") and "title" not in _class_words(el):
            continue
        text = _SPACES.sub(" ", el.text_content()).strip()
        if 4 <= len(text) <= 120 and _squash(text) in head_title:
            if best is None or len(text) > len(best):
                best = text
    return best


def _class_words(el) -> set[str]:
    value = f"{el.get('class', '')} {el.get('id', '')}".casefold()
    return {w for w in _TOKEN.split(value) if w}


def _han_counts(root) -> dict:
    """Chinese characters under each element (own text and tails of children)."""
    counts: dict = {}

    def visit(el) -> int:
        n = len(_HAN.findall(el.text or "")) if isinstance(el.tag, str) else 0
        for child in el:
            n += visit(child) + len(_HAN.findall(child.tail or ""))
        counts[el] = n
        return n

    visit(root)
    return counts


def _strip_chrome(root, lex: IngestLexicon) -> None:
    """Remove non-content tags and elements named as site chrome (in place)."""
    for el in list(root.iter(*_DROP_TAGS, _comment_tag())):
        _drop(el)
    words = {w.casefold() for w in lex.container_words}
    counts = _han_counts(root)
    total = max(counts.get(root, 0), 1)
    for el in list(root.iter()):
        if el.getparent() is None or not isinstance(el.tag, str) or el.tag == "body":
            continue
        if _class_words(el) & words and not _misnamed(counts.get(el, 0), total):
            _drop(el)


def _misnamed(count: int, total: int) -> bool:
    """Is a chrome-named element in fact the text (e.g. <body class="header-fixed">)?"""
    return count > _CHROME_MAX_SHARE * total and count >= _CHROME_MIN_KEEP


def _comment_tag():
    from lxml import etree

    return etree.Comment


def _drop(el) -> None:
    """Remove an element but keep its tail text in place."""
    if el.getparent() is not None:
        el.drop_tree()


def _main_element(root):
    """The deepest element that holds at least _MAIN_SHARE of the Chinese text."""
    counts = _han_counts(root)
    body = root.find("body")
    best = body if body is not None else root
    total = counts.get(best, 0)
    if total == 0:
        return best
    while True:
        heavy = [c for c in best if isinstance(c.tag, str) and counts[c] >= _MAIN_SHARE * total]
        if not heavy:
            return best
        best = heavy[0]


# --------------------------------------------------------------------------- lines


def _element_lines(el) -> list[str]:
    pieces: list[str] = []
    _collect(el, pieces)
    lines = (_SPACES.sub(" ", ln).strip(" \t\u3000") for ln in "".join(pieces).split("\n"))
    return [ln for ln in lines if ln.strip()]


def _inline(text: str | None) -> str:
    """Source text of a node: a wrap between CJK characters vanishes, other breaks are spaces."""
    if not text:
        return ""
    return _CJK_BREAK.sub("", text).replace("\n", " ")


def _collect(el, pieces: list[str]) -> None:
    """Flatten ``el`` into text with "\\n" at block boundaries and rows as tabbed lines."""
    if not isinstance(el.tag, str):
        return
    if el.tag == "tr":
        cells = [_cell_text(td) for td in el if td.tag in ("td", "th")]
        pieces.append("\n" + "\t".join(cells) + "\n")
        return
    block = el.tag in _BLOCK_TAGS
    if block:
        pieces.append("\n")
    pieces.append(_inline(el.text))
    for child in el:
        _collect(child, pieces)
        pieces.append(_inline(child.tail))
    if block:
        pieces.append("\n")


def _cell_text(td) -> str:
    parts: list[str] = []
    _collect(td, parts)
    return _SPACES.sub(" ", "".join(parts).replace("\t", " ").replace("\n", " ")).strip()


def _is_boilerplate(line: str, lex: IngestLexicon) -> bool:
    """Breadcrumbs, button bars, page-info lines and footer lines."""
    if len(line) > lex.max_chars:
        return False
    if _BREADCRUMB.match(line):
        return True
    tokens = [t for t in _BUTTON_SPLIT.split(line) if t]
    if tokens and all(t in lex.phrases for t in tokens):
        return True
    if _labelled(line.lstrip("【[ \u3000"), lex.labels):
        return True
    return any(mark in line for mark in lex.footer_marks)


def _labelled(line: str, labels: list[str]) -> bool:
    """Does the line start with "label：" (来源：…, 浏览次数：…)?"""
    for label in labels:
        if line.startswith(label) and line[len(label) :].lstrip()[:1] in ("：", ":"):
            return True
    return False
