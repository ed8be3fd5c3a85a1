"""Layout: re-joining broken lines into paragraphs, and the clause tree.

The emitted document text is the paragraphs joined by ``"\\n"``; every offset
in the dataset points into it.  Clause labels are recognised at the start of a
paragraph only, in the nesting order notices use (GB/T 9704 and common
practice): 第X章 > 第X节 > 第X条 > 一、 > （一） > 1. > （1） > ①.  A label
closes every open unit of the same or a deeper rank, so numbering that
continues across sections (1–19 across （一）–（四）) still gets the parent that
precedes it.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

import regex
from pydantic import BaseModel, ConfigDict

from . import data
from .models import Clause, Sentence
from .numerals import parse_number


class StructureData(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_types: list[str]
    closing_markers: list[str]
    draft_markers: list[str]
    issuer_suffixes: list[str]
    interpret_verbs: list[str]
    party_prefixes: list[str]
    not_region_words: list[str]
    ambiguous_region_stems: list[str]
    cc_markers: list[str]
    max_heading_chars: int
    rule_openers: list[str]
    rule_words: list[str]
    # the notice's own 有效期 (metadata): words of its effect sentence, its self-reference, and
    # bounds that make a 有效期N年 a qualifier (资格剩余有效期1年以上)
    effect_words: list[str] = []
    effect_dates: list[str] = []
    self_references: list[str] = []
    validity_bounds: list[str] = []


@functools.cache
def words() -> StructureData:
    return data.load("structure.yaml", StructureData)


def alternation(items: list[str]) -> str:
    """A regex alternation of literal words, longest first.

    >>> alternation(["通知", "实施通知", "a.b"])
    '实施通知|a\\\\.b|通知'
    """
    return "|".join(regex.escape(w) for w in sorted(set(items), key=lambda w: (-len(w), w)))


_CN = r"[一二三四五六七八九十百零〇两]+"
LABEL = regex.compile(
    rf"""
    ^(?:
        (?P<chapter> 第 (?P<n_chapter> {_CN}|\d+) 章 ) \s*          # 第一章 总则
      | (?P<section> 第 (?P<n_section> {_CN}|\d+) 节 ) \s*          # 第一节
      | (?P<article> 第 (?P<n_article> {_CN}|\d+) 条 ) \s*          # 第五条
      | (?P<l1> (?P<n_l1> [一二三四五六七八九十]{{1,3}}) \s* [、．] ) # 一、
      | (?P<l2> [（(] \s* (?P<n_l2> [一二三四五六七八九十]{{1,3}}) \s* [)）] [、．.]? ) # （一） (一)
      | (?P<l3> (?P<n_l3> \d{{1,3}}) \s* (?:[、．]|\.(?!\d)) )       # 1. 1、 1． (not 1.5)
      | (?P<l4> [（(] \s* (?P<n_l4> \d{{1,3}}) \s* [)）] [、．.]? )   # （1） (1)
      | (?P<l5> (?P<n_l5> [①-⑳]) )                                # ①
    )
    """,
    regex.VERBOSE,
)

RANK = {"chapter": 0, "section": 1, "article": 2, "l1": 3, "l2": 4, "l3": 5, "l4": 6, "l5": 7}

TERMINAL = "。；！？!?;："  # sentence or clause ends; a line ending here is complete
_INNER_PUNCT = regex.compile(r"[，。；、,;：]")
_SENTENCE = regex.compile(r"[^。；！？!?;\n]*(?:[。；！？!?;]+[”’）)」』]*|\n|$)")
DATE_LINE = regex.compile(
    r"""^(?:[\p{Han}]{0,20}\s*)?                      # optional issuer before the date
        (?:\d{4}|[〇零一二三四五六七八九○]{4}) \s* 年 \s*
        (?:\d{1,2}|[一二三四五六七八九十]{1,3}) \s* 月 \s*
        (?:\d{1,2}|[一二三四五六七八九十]{1,3}) \s* 日
        \s* (?:印发|发布)? $""",
    regex.VERBOSE,
)
DOC_NUMBER = regex.compile(
    r"""[\p{Han}]{1,12}                 # issuer abbreviation: 江高办 人社部发
        [〔\[［【(（] \s* \d{4} \s* [〕\]］】)）]   # year in brackets
        \s* 第? \s* \d{1,4} \s* 号        # serial number
    """,
    regex.VERBOSE,
)


BREADCRUMB = regex.compile(
    r"""^(?: [^。，；,;>›»\d]{1,16} \s* [>›»] \s* )+   # 首页 > 政策文件 > (no digits:
        [^。，；,;>›»\d]{1,16}$                      # 通知公告        年龄>35岁 is text)
    """,
    regex.VERBOSE,
)


def normalize_line(line: str) -> str:
    """Strip a line of surrounding white space of every width (NBSP, U+3000)."""
    return line.strip(" \t\r\f\v\u00a0\u3000\u2002\u2003\u200b\ufeff")


@functools.cache
def _doc_type_end() -> regex.Pattern:
    return regex.compile(
        rf"(?:{alternation(words().doc_types)})\s*(?:[(（][^()（）]{{0,12}}[)）])?$"
    )


@functools.cache
def _issuer_end() -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(words().issuer_suffixes)})$")


@functools.cache
def _closing_start() -> regex.Pattern:
    return regex.compile(rf"^(?:{alternation(words().closing_markers)})")


def _ends_complete(line: str) -> bool:
    tail = line.rstrip("”’）)」』\"'")
    return not tail or tail[-1] in TERMINAL or line[-1] in "）)" and len(line) < 30


def _standalone(line: str) -> bool:
    """A line that starts a paragraph of its own whatever precedes it."""
    return bool(
        LABEL.match(line)
        or DATE_LINE.match(line)
        or _closing_start().match(line)
        or DOC_NUMBER.fullmatch(line)
    )


def _continues_sentence(prev: str, cur: str) -> bool:
    """``cur`` carries on a sentence that ``prev`` broke off (a hard-wrapped line)."""
    if _ends_complete(prev) or _standalone(cur) or len(prev) < 10:
        return False
    if not _INNER_PUNCT.search(prev):
        return False  # a heading, title or signature line, not running text
    if LABEL.match(prev) and not regex.search(r"[。；：]", prev):
        return False  # "三、加强组织领导，形成合力": a heading with a comma
    return True


def _continues_title(prev: str, cur: str) -> bool:
    """A title split over two lines: 关于加强…人才 / 队伍建设的实施意见."""
    if _INNER_PUNCT.search(prev) or _INNER_PUNCT.search(cur) or len(prev) > 40 or len(cur) > 40:
        return False
    if _standalone(cur) or _standalone(prev) or cur.startswith("关于") or _issuer_end().search(prev):
        return False
    return bool(_doc_type_end().search(cur)) and not _doc_type_end().search(prev)


def paragraphs(raw: str) -> list[str]:
    """Re-join broken lines of ``raw`` into paragraphs (blank lines dropped).

    >>> paragraphs("4.鼓励开展竞赛，培养人才。鼓励\\n\\n广泛开展岗位练兵。\\n二、保障")
    ['4.鼓励开展竞赛，培养人才。鼓励广泛开展岗位练兵。', '二、保障']
    >>> paragraphs("关于加强新时代湛江高技能人才\\n\\n队伍建设的实施意见\\n（征求意见稿）")
    ['关于加强新时代湛江高技能人才队伍建设的实施意见', '（征求意见稿）']
    >>> paragraphs("十四五 > 文件发布\\n“武汉工匠”培育计划")
    ['“武汉工匠”培育计划']
    >>> paragraphs("二、条件\\n年龄>35岁\\n学历>本科")
    ['二、条件', '年龄>35岁', '学历>本科']
    >>> paragraphs("一、基本原则\\n（一）坚持原则。")
    ['一、基本原则', '（一）坚持原则。']
    """
    out: list[str] = []
    seen_body = False
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = normalize_line(line)
        if not line or not out and BREADCRUMB.match(line):
            continue  # site navigation left at the top of a saved page is not the notice
        if out and (
            _continues_sentence(out[-1], line)
            or (not seen_body and _continues_title(out[-1], line))
        ):
            out[-1] += line
        else:
            out.append(line)
        seen_body = seen_body or len(line) > 60
    return out


# --------------------------------------------------------------------------- clause tree


@dataclass
class _Unit:
    kind: str
    label: str | None
    number: int | None
    start: int
    end: int
    parent: int | None
    path: list[str] = field(default_factory=list)


def _path_part(kind: str, m: regex.Match) -> str:
    n = m.group(f"n_{kind}")
    if kind in ("l2", "l4"):
        return f"（{n}）"
    if kind in ("chapter", "section", "article"):
        return m.group(kind).strip()
    return n


def _closing_like(p: str) -> bool:
    if DATE_LINE.match(p) or _closing_start().match(p):
        return True
    return len(p) <= 30 and not regex.search(r"[。；，,]", p) and bool(_issuer_end().search(p))


def _closing_index(paras: list[str], last_label: int) -> int:
    """Index of the first paragraph of the closing part (len(paras) when none)."""
    i = len(paras)
    while i - 1 > last_label and _closing_like(paras[i - 1]):
        i -= 1
    return i


def _units(paras: list[str], offsets: list[int]) -> tuple[list[_Unit], int]:
    units: list[_Unit] = []
    stack: list[int] = []
    labelled = [i for i, p in enumerate(paras) if LABEL.match(p)]
    last_label = labelled[-1] if labelled else len(paras)
    closing = _closing_index(paras, last_label) if labelled else len(paras)
    for i, p in enumerate(paras[:closing]):
        m = LABEL.match(p)
        end = offsets[i] + len(p)
        if not m:
            if units:
                units[-1].end = end
            continue
        kind = m.lastgroup if m.lastgroup in RANK else next(k for k in RANK if m.group(k))
        while stack and RANK[units[stack[-1]].kind] >= RANK[kind]:
            stack.pop()
        parent = stack[-1] if stack else None
        n = parse_number(m.group(f"n_{kind}")) if kind != "l5" else ord(m.group("n_l5")) - 0x245F
        path = (units[parent].path if parent is not None else []) + [_path_part(kind, m)]
        units.append(_Unit(kind, m.group(kind).strip(), int(n) if n is not None else None,
                           offsets[i], end, parent, path))
        stack.append(len(units) - 1)
    return units, closing


def _heading(text: str, start: int, label_len: int, continues: bool = False) -> tuple[int, int] | None:
    """Offsets of the heading in a clause's first paragraph, if it has one (``continues``:
    the clause goes on in later paragraphs, so a short first paragraph of one sentence,
    （二）落实基层岗位津贴。, is its heading)."""
    rest_start = label_len
    while rest_start < len(text) and text[rest_start] in " \u3000":
        rest_start += 1
    rest = text[rest_start:]
    limit = words().max_heading_chars
    stop = regex.search(r"[。；！？!?;]", rest)
    if stop is None:
        if 0 < len(rest) <= limit + 10:
            end = len(rest.rstrip("：:"))
            return start + rest_start, start + rest_start + end
        return None
    first = rest[: stop.start()]
    more = rest[stop.end():].strip()
    w = words()
    if continues and not more and (any(v in first for v in w.rule_words) or "，" in first):
        return None  # （一）小微企业新招用高校毕业生的，享受社会保险补贴。: a rule, not a heading
    if (more or continues) and 0 < len(first) <= limit and not regex.search(r"\d|元", first) \
            and not first.startswith(tuple(w.rule_openers)):
        return start + rest_start, start + rest_start + len(first)
    return None


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of ``text[start:end]`` split on 。；！？ (and line breaks), trimmed.

    >>> [s.text for s in split_sentences("甲。乙；丙", 0, 5)]
    ['甲。', '乙；', '丙']
    """
    out = []
    for m in _SENTENCE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(start=s, end=e, text=text[s:e]))
    return out


def _make_ids(doc_id: str, units: list[_Unit]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for u in units:
        base = f"{doc_id}#{'/'.join(u.path)}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
    return ids


def build_clauses(doc_id: str, text: str) -> list[Clause]:
    """The clause tree of ``text`` (paragraphs joined by newlines), preamble and closing included."""
    paras = text.split("\n")
    offsets, pos = [], 0
    for p in paras:
        offsets.append(pos)
        pos += len(p) + 1
    units, closing = _units(paras, offsets)
    ids = _make_ids(doc_id, units)
    clauses: list[Clause] = []
    first = units[0].start if units else len(text)
    if first > 0 or not units:
        end = first - 1 if units else len(text)
        clauses.append(_plain_clause(f"{doc_id}#preamble", "preamble", text, 0, max(end, 0)))
    subtree_end = [u.end for u in units]
    for i in range(len(units) - 1, -1, -1):
        if units[i].parent is not None:
            p = units[i].parent
            subtree_end[p] = max(subtree_end[p], subtree_end[i])
    for i, u in enumerate(units):
        clauses.append(_unit_clause(ids, i, u, text, subtree_end[i]))
    if units and closing < len(paras):
        clauses.append(_plain_clause(f"{doc_id}#closing", "closing", text, offsets[closing], len(text)))
    return clauses


def _plain_clause(cid: str, kind: str, text: str, start: int, end: int) -> Clause:
    return Clause(id=cid, kind=kind, level=0, path=[kind], body=text[start:end], start=start,
                  end=end, subtree_end=end, sentences=split_sentences(text, start, end))


def _unit_clause(ids: list[str], i: int, u: _Unit, text: str, subtree_end: int) -> Clause:
    label_len = len(LABEL.match(text[u.start:u.end]).group(0))
    first_para_end = text.find("\n", u.start)
    first_para_end = u.end if first_para_end < 0 or first_para_end > u.end else first_para_end
    continues = bool(text[first_para_end:u.end].strip())
    head = _heading(text[u.start:first_para_end], u.start, label_len, continues)
    body_start = head[1] if head else u.start + label_len
    body = text[body_start:u.end].lstrip("。；：: \n").strip()
    return Clause(
        id=ids[i], parent_id=ids[u.parent] if u.parent is not None else None, kind=u.kind,
        level=len(u.path) - 1, label=u.label, number=u.number, path=u.path,
        heading=text[head[0]:head[1]] if head else None, body=body, start=u.start, end=u.end,
        subtree_end=subtree_end, heading_start=head[0] if head else None,
        heading_end=head[1] if head else None, sentences=split_sentences(text, u.start, u.end),
    )


def to_text(raw: str) -> str:
    """The emitted text of a notice: NFC-normalised paragraphs joined by newlines."""
    return "\n".join(paragraphs(unicodedata.normalize("NFC", raw)))
