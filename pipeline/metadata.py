"""Document metadata: title, own 文号, issuers, recipients, dates, draft, region.

Everything is read from the layout: the preamble (header lines before the
first numbered clause) and the closing part (signature, date, 抄送).  A field
the text does not state stays null; nothing is guessed.  Region names are
resolved with ``cpca`` (a maintained gazetteer of China's administrative
divisions), not a hand-made list.
"""

from __future__ import annotations

import datetime as dt
import functools

import regex

from .models import CitedDocument, Clause, Metadata
from .numerals import parse_number
from .structure import (
    DATE_LINE,
    DOC_NUMBER,
    _doc_type_end,
    _issuer_end,
    alternation,
    words,
)
from .text import find_all

DATE = regex.compile(
    r"""(?P<y> \d{4} | [〇零一二三四五六七八九○]{4} ) \s* 年 \s*   # 2018年 / 二〇一八年
        (?P<m> \d{1,2} | [一二三四五六七八九十]{1,3} ) \s* 月 \s*     # 12月
        (?P<d> \d{1,2} | [一二三四五六七八九十]{1,3} ) \s* 日         # 29日
    """,
    regex.VERBOSE,
)
EFFECTIVE_FROM_ISSUE = regex.compile(
    r"自\s*(?P<verb>印发|发布|公布|下发)\s*之\s*日\s*起\s*(?:施行|实施|执行|生效)"  # 自印发之日起实施
)
PRINTED_LINE = regex.compile(  # …办公室　2024年2月7日印发: the date the notice was printed
    r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发\s*$")
EFFECTIVE_FROM_DATE = regex.compile(
    r"自?\s*(?P<date>\d{4}\s*年[^。；，]{1,8}?日)\s*起\s*(?:施行|实施|执行|生效)"  # 自2019年1月1日起施行
)
EFFECTIVE_UNTIL_DATE = regex.compile(
    r"""(?:有效期|执行期|实施期|试行期)\s*(?:限)?\s*(?:至|到|截至)\s*        # 有效期至
        (?P<date>\d{4}\s*年[^。；，]{1,8}?日)                                 # 2020年12月31日
      | (?:实施|施行|执行|试行)[，,]?\s*(?:有效期)?\s*(?:至|到)\s*          # 自印发之日起实施，至
        (?P<date2>\d{4}\s*年[^。；，]{1,8}?日)\s*止                          # 2023年12月31日止
    """,
    regex.VERBOSE,
)
VALIDITY_YEARS = regex.compile(
    r"(?:有效期|试行期|实施期|执行期)\s*(?:限)?\s*(?:为|是)?\s*"     # 有效期为 / 试行期
    r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*年"            # 5年
)
INTERPRETER = regex.compile(
    r"""由\s*(?P<who>[^，。；、\s由]{2,40}?)\s*          # 由区人力资源和社会保障局
        (?:负责|会同[^，。；]{2,30}?负责)\s*(?:具体)?\s*解释  # 负责解释
    """,
    regex.VERBOSE,
)
CITED = regex.compile(
    r"""《(?P<title>[^《》]{2,120}(?:〈[^〈〉]*〉[^《》]*)*)》       # 《title》, nested 〈〉 allowed
        (?:\s*[（(]\s*(?P<num>[^（）()]{2,30}?〔\s*\d{4}\s*〕\s*\d+\s*号)\s*[)）])?  # （江府〔2016〕6号）
    """,
    regex.VERBOSE,
)
_RECIPIENT_SPLIT = regex.compile(r"[、，,；;]")


def parse_date(text: str) -> dt.date | None:
    """Parse 2018年12月29日 or 二〇一八年十二月二十九日.

    >>> parse_date("2018年12月29日"), parse_date("二〇一八年十二月二十九日")
    (datetime.date(2018, 12, 29), datetime.date(2018, 12, 29))
    >>> parse_date("2018年13月1日") is None
    True
    """
    m = DATE.search(text)
    if not m:
        return None
    y = m.group("y")
    if not y.isdigit():
        y = "".join(str("〇一二三四五六七八九".find(c)) if c not in "零○" else "0" for c in y)
    month, day = parse_number(m.group("m")), parse_number(m.group("d"))
    try:
        return dt.date(int(y), int(month or 0), int(day or 0))
    except ValueError:
        return None


def add_years(start: dt.date, years: int) -> dt.date | None:
    """The last day of a validity period of ``years`` years starting on ``start``.

    >>> add_years(dt.date(2018, 12, 29), 5)
    datetime.date(2023, 12, 28)
    >>> add_years(dt.date(2020, 2, 29), 1)
    datetime.date(2021, 2, 27)
    >>> add_years(dt.date(9999, 1, 1), 5) is None
    True
    """
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February (or a year past 9999, refused below)
        if start.year + years > dt.MAXYEAR:
            return None
        end = start.replace(year=start.year + years, day=28)
    return end - dt.timedelta(days=1)


def _paras(text: str, clause: Clause | None) -> list[str]:
    if clause is None:
        return []
    return [p for p in text[clause.start:clause.end].split("\n") if p.strip()]


def _title(paras: list[str]) -> tuple[int, str | None]:
    for i, p in enumerate(paras):
        if len(p) <= 100 and "。" not in p and _doc_type_end().search(p):
            if i >= 2 and p.startswith("关于") and _issuer_names(paras[i - 1]) and \
                    DOC_NUMBER.fullmatch(paras[i - 2].replace(" ", "").replace("\u3000", "")):
                return i, paras[i - 1] + p  # 文号 / 临霁市人民政府 / 关于…的通知: one title
            return i, p
    return -1, None


_SECOND_NAME = regex.compile(r"[（(][^（）()]{2,12}[）)]$")  # 市场监督管理局（知识产权局）


def _issuer_names(line: str) -> list[str]:
    names = [n for n in regex.split(r"[\s、,，]+", line) if n]
    if names and all(_issuer_end().search(_SECOND_NAME.sub("", n)) and len(n) <= 30
                     for n in names):
        return names
    return []


def _issuers(pre: list[str], title_i: int, closing: list[str]) -> list[str]:
    out: list[str] = []
    header = pre[:title_i] if title_i >= 0 else pre[:3]
    for p in header:
        if not DOC_NUMBER.fullmatch(p.replace(" ", "")):
            out += _issuer_names(p)
    if title_i >= 0 and "关于" in pre[title_i]:
        prefix = pre[title_i].split("关于", 1)[0]
        out += _issuer_names(prefix) if prefix else []
    tail = pre[title_i + 1:] + closing if title_i >= 0 else closing
    for i, p in enumerate(tail):
        if i + 1 < len(tail) and DATE_LINE.match(tail[i + 1]) or DATE_LINE.match(p) is None and (
            i > 0 and _issuer_names(tail[i - 1]) and _issuer_names(p)
        ):
            out += _issuer_names(p)
    seen: dict[str, None] = {}
    for name in out:
        seen.setdefault(name, None)
    return list(seen)


def _recipients(pre: list[str], title_i: int) -> list[str]:
    for p in pre[title_i + 1: title_i + 4] if title_i >= 0 else pre[:4]:
        if p.endswith(("：", ":")) and "。" not in p and len(p) <= 150:
            return [r.strip() for r in _RECIPIENT_SPLIT.split(p[:-1]) if r.strip()]
    return []


def _own_numbers(pre: list[str], title_i: int) -> list[str]:
    out = []
    for p in pre[: max(title_i, 0) + 2]:
        compact = p.replace(" ", "").replace("\u3000", "")
        if DOC_NUMBER.fullmatch(compact):
            out.append(compact)
    return out


def _issue_date(paras: list[str]) -> dt.date | None:
    for p in paras:
        if DATE_LINE.match(p):
            return parse_date(p)
    return None


def _printed_date(paras: list[str]) -> dt.date | None:
    """The date of the 印发 line (…办公室　2024年2月7日印发), when the closing has one."""
    for p in paras:
        if m := PRINTED_LINE.search(p):
            return parse_date(m.group("date"))
    return None


@functools.cache
def _validity_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(effect sentence, self-reference, qualifier bound) from gazetteers/structure.yaml."""
    w = words()
    effect = regex.compile(rf"(?:{alternation(w.effect_words)})(?!期)|{alternation(w.effect_dates)}")
    return (effect, regex.compile(alternation(w.self_references)),
            regex.compile(rf"\s*(?:{alternation(w.validity_bounds)})"))


def _own_validity(text: str) -> regex.Match | None:
    """The notice's own 有效期N年: one that is no bound on something else (资格剩余有效期1年以上
    is a qualifier), preferring one in the sentence on the notice's own effect (自…起施行，
    有效期3年) over one on a certificate or a qualification elsewhere."""
    effect_words, self_reference, bound_after = _validity_patterns()
    own = [m for m in VALIDITY_YEARS.finditer(text)
           if not bound_after.match(text, m.end())
           and not text.endswith("剩余", 0, m.start())]
    fallback = None
    for m in own:
        start = max(text.rfind(p, 0, m.start()) for p in "。\n") + 1
        end = min((i for i in (text.find(p, m.end()) for p in "。\n") if i >= 0), default=len(text))
        sentence = text[start:m.start()] + text[m.end():end]  # not 实施 in 实施期 itself
        if effect_words.search(sentence):
            return m
        if fallback is None and self_reference.search(sentence):
            fallback = m  # 本办法有效期5年: the notice's own, with no effect sentence
    return fallback


def _validity(text: str, issued: dt.date | None, meta: Metadata,
              printed: dt.date | None = None) -> None:
    if m := EFFECTIVE_FROM_ISSUE.search(text):
        # 自印发之日起: the day the 印发 line prints, else the signature date
        meta.effective_from = printed if printed and m.group("verb") == "印发" else issued
    elif m := EFFECTIVE_FROM_DATE.search(text):
        meta.effective_from = parse_date(m.group("date"))
    if m := EFFECTIVE_UNTIL_DATE.search(text):
        meta.effective_until = parse_date(m.group("date") or m.group("date2"))
    elif m := _own_validity(text):
        n = parse_number(m.group("n"))
        meta.validity_years = int(n) if n is not None else None
        if meta.effective_from and meta.validity_years:
            meta.effective_until = add_years(meta.effective_from, meta.validity_years)


def _divisions(text: str, bare_ok: bool = True) -> tuple[str | None, str | None, str | None]:
    """(province, city, district/county) named in ``text``, by cpca's gazetteer.

    cpca's public ``transform`` builds a pandas DataFrame per call (about 3 ms);
    its per-string matcher ``_get_one_addr`` gives the same record in microseconds,
    so it is used where present and ``transform`` otherwise.
    """
    import cpca  # imported lazily: it loads its gazetteer of divisions on import

    one = getattr(cpca, "_get_one_addr", None)
    try:
        row = one(text, False, {}) if one is not None else None
    except TypeError:  # a cpca release whose private helper changed its signature
        row = None
    if row is None:
        row = cpca.transform([text]).iloc[0].to_dict()
    names = (row.get("省"), row.get("市"), row.get("区"))
    return tuple(n if isinstance(n, str) and _named_in(n, text, bare_ok) else None for n in names)


_DIVISION_SUFFIX = regex.compile(r"(?:特别行政区|自治区|自治州|自治县|省|市|区|县|旗|盟)$")


def _named_in(name: str, text: str, bare_ok: bool = True) -> bool:
    """cpca completes names (湛江 -> 湛江市, even 县 -> a municipality's counties): keep
    only a division whose own name, without its suffix, is written in the text (in running
    text, ``bare_ok`` false, only with its suffix: 校企合作 names no 合作市)."""
    stem = _DIVISION_SUFFIX.sub("", name)
    if len(stem) < 2 or stem not in text:
        return False
    if (not bare_ok or stem in words().ambiguous_region_stems) and name not in text:
        return False  # 合作 in 校企合作 is no 合作市: a common word counts only with its suffix
    # 临江省 is not 临江市: the stem written with another division's suffix is another place
    after = {text[i + len(stem):i + len(stem) + 1] for i in find_all(text, stem)}
    other = {"省", "市", "区", "县", "州", "旗", "盟"} - {name[-1]}
    return not after or not after <= other




REGION_PREFIX = regex.compile(
    r"""^(?P<r>(?:[\p{Han}]{2,5}?(?:省|自治区))?                 # 岭东省
             (?:[\p{Han}]{2,5}?(?:市|自治州|盟))?                 # 青湖市
             (?:[\p{Han}]{2,5}?(?:区|县|旗))?)                    # 临港区
        (?=[\p{Han}（(])
    """,
    regex.VERBOSE,
)


def _written_region(text: str) -> tuple[str | None, str | None]:
    """A region written at the start of an issuer's name or title that the gazetteer does
    not know (new or renamed divisions): 南溪市人力资源和社会保障局 -> 南溪市."""
    w = words()
    for prefix in w.party_prefixes:  # 中共云溪市委组织部 -> 云溪市委组织部
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    m = REGION_PREFIX.match(text)
    region = m.group("r") if m else ""
    if len(region) < 3 or any(word in region for word in w.not_region_words):
        return None, None
    last = region[-1]
    level = {"省": "province", "区": "district", "县": "county", "旗": "county"}.get(last, "city")
    if region.endswith("自治区"):
        level = "province"
    return region, level


def _region(candidates: list[str]) -> tuple[str | None, str | None]:
    """The most specific region named in ``candidates`` (issuers first, then title, text)."""
    best: tuple[int, str | None, str | None] = (0, None, None)
    for i, text in enumerate(candidates):
        if not text:
            continue
        prov, city, area = _divisions(text, bare_ok=i < len(candidates) - 1)
        if area:
            parts = [v for v in (city, area) if v]
            level, score = ("county" if area.endswith(("县", "旗")) else "district"), 3
        elif city:
            parts, level, score = [city], "city", 2
        elif prov:
            parts, level, score = [prov], "province", 1
        else:
            continue
        if score > best[0]:
            best = (score, "".join(parts), level)
    if best[1] is None:
        for text in candidates[:-1]:  # issuers and title, not running text
            region, level = _written_region(text or "")
            if region:
                return region, level
    return best[1], best[2]


def cited_documents(text: str) -> list[CitedDocument]:
    """Documents cited as 《title》 with their 文号 when it follows in brackets."""
    return [
        CitedDocument(title=m.group("title"), doc_number=(m.group("num") or None) and
                      m.group("num").replace(" ", ""), start=m.start(), end=m.end())
        for m in CITED.finditer(text)
    ]


def extract_metadata(text: str, clauses: list[Clause]) -> Metadata:
    pre_clause = next((c for c in clauses if c.kind == "preamble"), None)
    closing_clause = next((c for c in clauses if c.kind == "closing"), None)
    pre, closing = _paras(text, pre_clause), _paras(text, closing_clause)
    title_i, title = _title(pre)
    head = "\n".join(pre[: max(title_i, 0) + 3])
    meta = Metadata(
        title=title,
        doc_numbers=_own_numbers(pre, title_i),
        issuers=_issuers(pre, title_i, closing),
        recipients=_recipients(pre, title_i),
        draft=any(w in head for w in words().draft_markers),
        cited_documents=cited_documents(text),
    )
    meta.issue_date = _issue_date(pre[title_i + 1:] + closing if title_i >= 0 else pre + closing)
    _validity(text, meta.issue_date, meta, _printed_date(closing))
    if m := INTERPRETER.search(text):
        meta.interpreting_agency = m.group("who")
    meta.region, meta.region_level = _region(meta.issuers + [title or "", text[:300]])
    if meta.region_level in ("county", "district"):
        meta.region = _with_parent_city(meta.region, closing)
    return meta


CITY_AND_COUNTY = regex.compile(  # 岭东省江门市江海区: a city (or prefecture) before the county
    r"^(?:\p{Han}{2,5}?(?:省|自治区))?\p{Han}{2,5}?(?:市|自治州|地区|盟)\p{Han}{2,5}?(?:区|县|旗)$")
CC_ENTRY = regex.compile(r"[^，,、；;：:\s]+")


def _with_parent_city(region: str, closing: list[str]) -> str:
    """A county or district notice copied to the bodies of its city (抄送：宿川市农业农村局，
    宿川市财政局) is of that city's county: 澄岭县 -> 宿川市澄岭县."""
    if CITY_AND_COUNTY.match(region):
        return region  # 江门市江海区: the city is already named (市中区 / 通州区 name none)
    cities: dict[str, int] = {}
    for para in closing:
        if not para.lstrip().startswith(tuple(words().cc_markers)):
            continue
        for entry in CC_ENTRY.findall(para.split("：", 1)[-1].split(":", 1)[-1]):
            city, level = _written_region(entry)
            if city and level == "city" and city.endswith("市") and len(city) <= 6:
                cities[city] = cities.get(city, 0) + 1
    if len(cities) != 1:
        return region  # none, or bodies of several cities: no single parent
    return next(iter(cities)) + region
