"""Money amounts and rates: every form notices use, normalised to yuan.

:func:`extract_money` finds sums of money (``10 万元``, ``最高不超过50万元``,
``5-10万元``, ``5000元/人``, ``五万元``) and returns :class:`~pipeline.models.Amount`
items; :func:`extract_rates` finds proportional amounts (``按该基数的50%``,
``1:1配套``, ``补贴标准上浮30%``) and returns :class:`~pipeline.models.Rate` items.
All word lists live in ``gazetteers/money.yaml`` (model :class:`MoneyData`).

Span policy: an amount's span covers a bound word written right before the sum
(``最高``, ``不超过``, ``约``; with fillers such as ``最高给予``), the currency
prefix, the number, its multiplier and unit, a per-unit suffix (``/人``, ``每家``)
and a bound suffix (``（含）以上``, ``左右``). Per-unit and frequency words that
stand further left (``每人每月``, ``一次性``) are read into ``per`` / ``frequency``
but are not part of the span. In a list sharing one unit (``5万、3万、1万元``) each
item has its own span. A rate's span is the percentage or ratio itself.

Bounds follow 民法典 第一千二百五十九条: 以上/以下/以内/不超过 include the number,
超过/不满/低于 do not; ``（含）`` / ``（不含）`` after the sum override. A sum under a cap
word whose 的-clause is refused (``增量不足20万元的，不予补助``) is the least sum that
qualifies: a floor.

Per words: a 每… topic opening the sum's clause holds for the whole clause
(``每人每年享受…不超过3次、累计金额最高6000元``), and for a next clause with no subject of
its own (``每户每年享受的奖补资金，累计最高不超过5万元``); 年度 after a per-person word makes
it per year, 每期 / 每次 after it per attendance (person_time). A recipient written
without 每 right before 每年 counts like 每家企业每年 (``农业生产经营组织每年不超过300万元``:
unit; ``个人每年``: person_year). A 单… word (``单户企业``, ``单台``) is a unit, except before a
threshold closed by 的 (``对单台补贴额5万元以上的机具``). A next comma clause that repeats
the bound word and only changes the subject keeps the per-unit
(``…单台补贴额不超过15万元，200马力以上拖拉机不超过30万元``).

>>> [(a.quote, a.kind, a.max) for a in extract_money("给予最高不超过50万元的补助")]
[('最高不超过50万元', 'cap', Decimal('500000'))]
>>> [(a.quote, a.value, a.group_index) for a in extract_money("分别给予5万、3万、1万元")]
[('5万', Decimal('50000'), 0), ('3万', Decimal('30000'), 1), ('1万元', Decimal('10000'), 2)]
>>> [(r.quote, r.value, r.base) for r in extract_rates("按该基数的50%给予企业补贴")]
[('50%', Decimal('0.5'), '该基数')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..data import load
from ..models import Amount, Document, Frequency, Per, Rate
from ..numerals import parse_number

# --------------------------------------------------------------------------- data model


def _unique(words: list[str]) -> list[str]:
    dups = sorted({w for w in words if words.count(w) > 1})
    if dups:
        raise ValueError(f"duplicate entries: {dups}")
    if any(not w for w in words):
        raise ValueError("empty word")
    return words


Words = Annotated[list[str], AfterValidator(_unique)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Currency(_Strict):
    units: Words
    prefixes: Words
    suffixes: Words
    not_after_unit: Words


class Bound(_Strict):
    kind: Literal["cap", "floor", "approx"]
    inclusive: bool | None


class Bounds(_Strict):
    before: dict[str, Bound]
    after: dict[str, Bound]
    more_than_marks: Words
    fillers: Words
    inclusive_mark: str
    exclusive_mark: str
    refusals: Words
    refusal_window: int = Field(gt=0, le=40)


class Combination(_Strict):
    parts: list[Per] = Field(min_length=2, max_length=2)
    per: Per


class PerData(_Strict):
    classifiers: dict[str, Per]
    verbs: Words
    per_capita: dict[str, Per]
    single_markers: Words
    total_words: Words
    combinations: list[Combination]
    window: int = Field(gt=0, le=60)
    topic_window: int = Field(gt=0, le=80)
    period_nouns: dict[str, Per]
    period_noun_blockers: Words
    sessions: dict[str, Per]
    budget_verbs: Words
    change_links: Words
    budget_window: int = Field(gt=0, le=80)
    recipient_heads: dict[str, Per]
    threshold_close: Words
    parallel_window: int = Field(gt=0, le=40)
    parallel_breaks: Words


class FrequencyData(_Strict):
    words: dict[str, Frequency]
    from_per: dict[Per, Frequency]
    window: int = Field(gt=0, le=60)


class RateData(_Strict):
    triggers: Words
    full_words: Words
    full_verbs: Words
    half_words: Words
    point_marks: Words
    full_agent_markers: Words
    full_agent_max_chars: int = Field(gt=0, le=30)
    stat_before: Words
    stat_clause: Words
    neutral_before: Words
    stat_after: Words
    stat_after_window: int = Field(gt=0, le=30)
    ratio_marks: Words
    uplift_words: dict[str, Literal[1, -1]]
    uplift_bases: Words
    uplift_trims: Words
    matching_words: Words
    base_markers: Words
    base_stop_verbs: Words
    base_lead_bounds: Words
    base_max_chars: int = Field(gt=0, le=80)
    raised_share_heads: Words
    share_nouns: Words
    split_verbs: Words
    paid_floor_verbs: Words
    paid_floor_words: Words
    raised_recipient_openers: Words


class MoneyData(_Strict):
    multipliers: dict[str, int]
    currency: Currency
    range_separators: Words
    list_separators: Words
    bounds: Bounds
    per: PerData
    frequency: FrequencyData
    rates: RateData


def money_data() -> MoneyData:
    """The validated contents of ``gazetteers/money.yaml`` (cached by :func:`load`)."""
    return load("money.yaml", MoneyData)


# --------------------------------------------------------------------------- patterns

_H = r"[ \t\u3000\u00a0]*"  # horizontal space only: notices write "10 万元"
_NUM_AR = r"\d+(?:[,，]\d{3})*(?:[.．]\d+)?"  # 10, 1.5, 10,000, full-width digits
_CN_HEAD = "一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"  # a Chinese numeral starts with a digit
_CN_BODY = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点"
_NUM_CN = f"[{_CN_HEAD}][{_CN_BODY}]+"  # 五万, 一千二百, 壹拾伍万 (two chars at least)
_PUNCT = r"[，,。；;：:\n！？!?]"  # clause-internal boundaries
_SENT = r"[。；;\n！？!?]"  # sentence boundaries


def _alt(words) -> str:
    """A regex alternation of literal words, longest first (不超过 before 超过)."""
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Rx:
    core: regex.Pattern
    mult: regex.Pattern
    item: regex.Pattern
    cls: regex.Pattern
    prefix_r: regex.Pattern
    per_prefix: regex.Pattern
    per_clause: regex.Pattern
    total: regex.Pattern
    budget: regex.Pattern
    freq: regex.Pattern
    freq_after: regex.Pattern
    link: regex.Pattern
    link_comma: regex.Pattern
    punct_r: regex.Pattern
    punct: regex.Pattern
    sent_r: regex.Pattern
    sent: regex.Pattern
    fenbie_r: regex.Pattern
    rate: regex.Pattern
    raised_r: regex.Pattern
    raised_after_r: regex.Pattern
    split_r: regex.Pattern
    paid_floor_r: regex.Pattern
    neutral_r: regex.Pattern
    stat_before_r: regex.Pattern
    stat_clause: regex.Pattern
    stat_after: regex.Pattern
    full_agent_r: regex.Pattern
    ratio_mark: regex.Pattern
    uplift_r: regex.Pattern
    uplift_base: regex.Pattern
    uplift_trim: regex.Pattern
    bound_lead: regex.Pattern
    change_link: regex.Pattern
    trigger: regex.Pattern
    matching: regex.Pattern
    marker: regex.Pattern
    stop_verb: regex.Pattern
    base_lead: regex.Pattern
    rate_gap: regex.Pattern
    rate_list_gap: regex.Pattern
    refusal: regex.Pattern
    topic: regex.Pattern
    period_noun: regex.Pattern
    session: regex.Pattern
    subjectless: regex.Pattern
    recipient: regex.Pattern
    single: regex.Pattern
    threshold_close: regex.Pattern
    parallel_gap: regex.Pattern
    bound_word: regex.Pattern
    new_frame: regex.Pattern
    recipient_head: regex.Pattern


def _core_pattern(d: MoneyData) -> str:
    num = f"(?:{_NUM_AR}|{_NUM_CN})"
    mult = f"(?:{_alt(d.multipliers)})"
    unit = f"(?:(?:{_alt(d.currency.units)})(?:{_alt(d.currency.suffixes)})?|{_alt(d.currency.suffixes)})"
    cls = f"(?:{_alt(d.per.classifiers)})"
    incl = rf"[（(]{_H}(?:{regex.escape(d.bounds.exclusive_mark)}|{regex.escape(d.bounds.inclusive_mark)})[^（）()\n]{{0,12}}[）)]"
    return rf"""
    (?<![\d.．])                                                  # not inside a longer number
    (?:(?P<cur>{_alt(d.currency.prefixes)}){_H})?                 # 人民币 / ￥ before the sum
    (?P<list>(?:{num}{_H}{mult}*{_H}(?:{_alt(d.list_separators)}){_H})+)?   # bare items sharing the unit: 5万、3万、
    (?P<n1>{num}|[{_CN_HEAD}](?={_H}(?:{_alt(d.range_separators)})))  # the number (三 of 三至五万元)
    {_H}(?P<m1>{mult}*){_H}                                       # and its multiplier
    (?:(?P<u1>{unit}){_H})?                                       # unit after a range's first number
    (?:(?P<rsep>{_alt(d.range_separators)}){_H}                   # range separator: 5-10, 5至10
       (?:{_alt(d.currency.prefixes)})?{_H}                       # 人民币 again after the separator
       (?P<n2>{num}){_H}(?P<m2>{mult}*){_H})?                     # the range's upper number
    (?P<more>{_alt(d.bounds.more_than_marks)})?                   # 5万余元: more than the number
    (?P<unit>{unit})                                              # 元 / 元人民币 / 人民币
    (?!{_alt(d.currency.not_after_unit)})                         # 元旦, 一元化: not money
    (?P<per>{_H}(?:[/／]{_H}[（(]?每?{cls}(?:{_H}[·•・/／]{_H}{cls})?[）)]?   # 元/人, 元/人·月
       |每{_H}{cls}(?:{_H}每{_H}{cls})?))?                        # 600元每人, 元每人每月
    (?P<incl1>{_H}{incl})?                                        # 50万元（含）以上
    (?P<post>{_H}(?:{_alt(d.bounds.after)}))?                     # 以上, 以内, 左右, 封顶
    (?P<incl2>{_H}{incl})?                                        # 以上（含50万元）
    """


def _rate_patterns(d: RateData, raise_links: list[str]) -> dict[str, regex.Pattern]:
    v = regex.VERBOSE
    return {
        "rate": regex.compile(rf"""
            (?P<pct>(?P<num>\d+(?:[.．]\d+)?){_H}[%％])                       # 50%, 50％
            |(?P<cnpct>百分之(?P<cn>[零〇一二两三四五六七八九十百点]+))          # 百分之五十
            |(?P<frac>(?<![\d零〇一二两三四五六七八九十百])                  # the whole denominator
               (?P<den>[二三四五六七八九十百]+|\d+)分之(?P<numr>[一二三四五六七八九十]+|\d+)  # 三分之一
               |(?P<half>{_alt(d.half_words)}))                                  # 一半: a half
            |(?P<pts>(?<![\d.．])(?P<pnum>\d+(?:[.．]\d+)?|[一二三四五六七八九十]+){_H}(?:{_alt(d.point_marks)}))  # 10个百分点
            |(?<![\d.:：∶])(?P<a>\d+(?:\.\d+)?){_H}[:：∶]{_H}(?P<b>\d+(?:\.\d+)?)(?![\d:：∶])  # 1:1
            |(?P<full>{_alt(d.full_words)})(?=(?:{_alt(d.full_verbs)}))        # 全额补贴: the whole cost (1.0)
            """, v),
        "raised_r": regex.compile(rf"""(?r)
            (?:{_alt(d.raised_share_heads)}){_H}(?:{_alt(d.share_nouns)}){_H}  # 补助比例 / 测算比例 ...
            (?:{_alt(raise_links)}){_H}\Z                                      # ... 提高至 right before 35%
            """, v),
        "raised_after_r": regex.compile(rf"""
            (?:(?:{_alt(d.raised_recipient_openers)})[^，,。；;：:\n！？!?]{{1,12}}?)?   # 对脱贫县 ...
            (?:{_alt(raise_links)}){_H}\Z                                      # ... 提高至 right before 40%
            """, v),
        "split_r": regex.compile(rf"{_H}(?:的)?(?:{_alt(d.ratio_marks)})?{_H}(?:{_alt(d.split_verbs)})  # 5:5比例分担", v),
        "paid_floor_r": regex.compile(rf"""(?r)
            (?:{_alt(d.paid_floor_verbs)}){_H}(?:{_alt(d.paid_floor_words)}){_H}\Z  # 合计补贴不低于10%
            """, v),
        "neutral_r": regex.compile(rf"(?r)(?:{_alt(d.neutral_before)}){_H}\Z  # 不超过30%: still a rate", v),
        "stat_before_r": regex.compile(rf"(?r)(?:{_alt(d.stat_before)}){_H}\Z  # 占比达到35%", v),
        "stat_clause": regex.compile(rf"(?:{_alt(d.stat_clause)})  # 抽查比例…的10%", v),
        "stat_after": regex.compile(rf"(?:{_alt(d.stat_after)})  # 60%以上用于, 8%提取", v),
        "full_agent_r": regex.compile(rf"""(?r)
            (?:{_alt(d.full_agent_markers)})                 # 由 ...
            [^，,。；;：:\n！？!?]{{1,{d.full_agent_max_chars}}}\Z  # ... a short payer right before 全额
            """, v),
        "ratio_mark": regex.compile(rf"{_H}(?:{_alt(d.ratio_marks)})  # 5%的比例 …", v),
        "uplift_r": regex.compile(rf"(?r)(?P<w>{_alt(d.uplift_words)}){_H}\Z  # 上浮30%", v),
        "uplift_trim": regex.compile(rf"(?:{_alt(d.uplift_trims)})\Z  # 在上述基础上再 before 提高", v),
        "uplift_base": regex.compile(rf"(?:{_alt(d.uplift_bases)})  # 补贴标准 上浮", v),
        "trigger": regex.compile(rf"(?:{_alt(d.triggers)})  # 给予 / 补贴 / 按…的标准", v),
        "matching": regex.compile(rf"(?:{_alt(d.matching_words)})  # 1:1 配套", v),
        "marker": regex.compile(rf"(?:{_alt(d.base_markers)})  # 按 / 按照 / 给予", v),
        "stop_verb": regex.compile(rf"(?:{_alt(d.base_stop_verbs)})  # base ends at 给予", v),
        "base_lead": regex.compile(rf"^(?:{_alt(d.neutral_before)}){_H}  # 给予不超过<base>30%", v),
    }


@functools.cache
def _rx() -> _Rx:
    """Compile every pattern once, on first use (nothing is read at import time)."""
    d = money_data()
    v = regex.VERBOSE
    cls = _alt(d.per.classifiers)
    periods = _alt(w for w, p in d.per.classifiers.items() if p in ("year", "month"))  # 年 / 月
    num = f"(?:{_NUM_AR}|{_NUM_CN})"
    label = r"[^\d，,。；;：:\n！？!?、]{0,10}"
    return _Rx(
        core=regex.compile(_core_pattern(d), v),
        mult=regex.compile(rf"(?:{_alt(d.multipliers)})  # one multiplier character", v),
        item=regex.compile(rf"(?P<n>{num}){_H}(?P<m>(?:{_alt(d.multipliers)})*)  # one bare list item", v),
        cls=regex.compile(rf"(?:{cls})  # a per-unit classifier", v),
        prefix_r=regex.compile(rf"""(?r)
            (?P<bound>{_alt(d.bounds.before)}){_H}            # 最高 / 不超过 / 约 right before the sum
            (?:(?:{_alt(d.bounds.fillers)}                    # 最高给予, 最高可达, 最高为
               |每{_H}(?:{cls})(?:{_H}(?:{cls}))?             # 不低于每生每年7000元, 不超过每家企业50万元
            ){_H}){{0,3}}\Z                                   # at most three such words
            """, v),
        per_prefix=regex.compile(rf"""
            每{_H}(?:(?:{_alt(d.per.verbs)}){_H})?            # 每 / 每引进
            (?:[一1]{_H})?(?P<c>{cls})                         # (一)名, 人, 个项目, 月
            |(?P<pc>{_alt(d.per.per_capita)})                  # 人均
            |(?P<single>{_alt(d.per.single_markers)})(?:{_H}(?P<s>{cls}))?  # 单个基地, 单个合作社
            """, v),
        per_clause=regex.compile(rf"""
            每{_H}(?:{_alt(d.per.verbs)})                      # 每新增 / 每认定 ...
            [^，,。；;：:\n！？!?]{{0,24}}?                    # ... what is counted (取得…证书)
            [一1]{_H}(?P<c>{cls})                              # one unit: 1人, 一名, 1人次
            [^，,。；;：:\n！？!?\d]{{0,12}}                   # what it counts: 1名【博士】
            (?=[，,])                                          # ending its clause: a per-unit condition
            """, v),
        total=regex.compile(rf"(?:{_alt(d.per.total_words)})  # 补贴总额: a total, not per unit", v),
        budget=regex.compile(rf"""
            每{_H}(?P<c>{periods})                             # 每年 / 每月 ...
            [^，,。；;：:\n！？!?]*?                           # ... further on in the same clause ...
            (?:{_alt(d.per.budget_verbs)})                     # ... a budget verb: 安排 / 投入
            [^，,。；;：:\n！？!?]*\Z                          # ... and nothing but the clause up to the sum
            """, v),
        freq=regex.compile(rf"(?:{_alt(d.frequency.words)})  # 一次性 / 按月", v),
        freq_after=regex.compile(rf"{_H}的?{_H}(?P<w>{_alt(d.frequency.words)})  # 10万元一次性建设补助", v),
        link=regex.compile(rf"{_H}(?:{_alt(d.list_separators)}){_H}{label}{_H}  # 、技师 between list items", v),
        link_comma=regex.compile(rf"{_H}[，,]{_H}{label}{_H}  # ，二等奖 (after 分别)", v),
        punct_r=regex.compile(rf"(?r){_PUNCT}  # nearest clause boundary to the left", v),
        punct=regex.compile(rf"{_PUNCT}  # next clause boundary", v),
        sent_r=regex.compile(rf"(?r){_SENT}  # nearest sentence boundary to the left", v),
        sent=regex.compile(rf"{_SENT}  # next sentence boundary", v),
        fenbie_r=regex.compile(r"(?r)分别  # a 分别 list", v),
        rate_list_gap=regex.compile(rf"{_H}(?:{_alt(d.list_separators)}){_H}  # 30%、20%", v),
        rate_gap=regex.compile(rf"{_H}(?:{_alt(d.range_separators)}){_H}  # 30%-50%", v),
        refusal=regex.compile(rf"""
            [^，,。；;\n！？!?]{{0,{d.bounds.refusal_window}}}?的  # …的 closing the sum's own clause
            [^。；;\n！？!?]{{0,8}}?                          # ，/ 企业，/ 项目
            (?:{_alt(d.bounds.refusals)})                      # 不予 / 不再 …
            """, v),
        topic=regex.compile(rf"""
            [ \t\u3000\u00a0]*
            (?:第[一二三四五六七八九十百零〇\d]{{1,4}}条            # 第六条
              |[（(][一二三四五六七八九十\d]{{1,3}}[）)]          # （一） / (1)
              |\d{{1,2}}[.．、](?!\d)                          # 1. / 1、
              |[一二三四五六七八九十]{{1,3}}、                    # 一、
            )?{_H}
            (?=每|{_alt(d.per.single_markers)})                 # the clause opens with 每… / 单个…
            """, v),
        change_link=regex.compile(rf"{_H}(?:{_alt(d.per.change_links)}){_H}  # 300元提高到500元", v),
        bound_lead=regex.compile(rf"(?:{_alt(d.rates.base_lead_bounds)})  # 不低于 opening a rate's base", v),
        subjectless=regex.compile(rf"{_H}(?:{_alt(list(d.per.total_words) + list(d.bounds.before))})  # ，累计最高…", v),
        session=regex.compile(rf"每{_H}(?P<w>{_alt(d.per.sessions)})  # 每期 / 每次 after 每人", v),
        period_noun=regex.compile(rf"""
            (?<!{"|".join(regex.escape(w) for w in d.per.period_noun_blockers)})  # not 上年度
            (?P<w>{_alt(d.per.period_nouns)})                   # 年度 课酬总额
            """, v),
        recipient=regex.compile(rf"""
            (?P<h>{_alt(d.per.recipient_heads)}){_H}           # 农业生产经营组织 / 个人 ...
            每{_H}(?:{periods})                               # ... 每年
            """, v),
        single=regex.compile(rf"(?:{_alt(d.per.single_markers)})  # 单台 / 单户", v),
        parallel_gap=regex.compile(rf"{_H}[，,][^，,。；;：:\n！？!?、每]{{1,{d.per.parallel_window}}}  # ，200马力以上拖拉机", v),
        new_frame=regex.compile(rf"{_H}[，,]{_H}(?:{_alt(d.per.parallel_breaks)})  # ，对企业…", v),
        recipient_head=regex.compile(rf"(?:{_alt(d.per.recipient_heads)})  # 企业 / 个人 in a gap", v),
        bound_word=regex.compile(rf"(?:{_alt(d.bounds.before)})  # 不超过 opening a sum's quote", v),
        threshold_close=regex.compile(rf"{_H}(?:{_alt(d.per.threshold_close)})  # 5万元以上【的】机具", v),
        **_rate_patterns(d.rates, d.per.change_links),
    )


# --------------------------------------------------------------------------- numbers


def _norm(d: Decimal) -> Decimal:
    """Exact, tidy Decimal: integral values without exponent or trailing zeros."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def _mult(m: str | None) -> Decimal:
    table = money_data().multipliers
    out = Decimal(1)
    for ch in _rx().mult.findall(m or ""):
        out *= table[ch]
    return out


def _value(num: str, mult: str | None) -> Decimal | None:
    n = parse_number(num)
    return None if n is None else _norm(n * _mult(mult))


# --------------------------------------------------------------------------- context


def _clause_start(text: str, pos: int, floor: int, window: int) -> int:
    """Start of the clause holding ``pos``, at most ``window`` chars back, never before ``floor``."""
    lo = max(floor, pos - window, 0)
    p = _rx().punct_r.search(text, lo, pos)
    return p.end() if p else lo


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    rx = _rx()
    p = rx.sent_r.search(text, max(0, start - 200), start)
    q = rx.sent.search(text, end, end + 200)
    return (p.end() if p else max(0, start - 200)), (q.start() if q else min(len(text), end + 200))


def _compose(parts: list[Per]) -> Per | None:
    """每人 + 每月 -> person_month; a single part stands for itself."""
    uniq = list(dict.fromkeys(parts))
    if len(uniq) < 2:
        return uniq[0] if uniq else None
    for combo in money_data().per.combinations:
        if set(combo.parts) <= set(uniq):
            return combo.per
    return uniq[0]


def _left_per(text: str, start: int, floor: int, end: int | None = None) -> list[Per]:
    """Per-unit words (每人, 每个项目, 人均) left of a sum in the same clause; the clause is
    found from ``start`` (the bound word) and read up to ``end`` (the number, past 每生每年)."""
    hi = start if end is None else end
    lo = _clause_start(text, start, floor, money_data().per.window)
    parts = _per_parts(text, lo, hi) or _topic_per(text, start, hi)
    d = money_data().per
    if parts and set(parts) <= {"year", "month"}:
        rh = _rx().recipient.search(text, lo, hi)
        if rh:
            parts = [d.recipient_heads[rh["h"]]] + parts  # 农业生产经营组织每年: unit
    if "person" in parts and not {"year", "month"} & set(parts):
        pn = _rx().period_noun.search(text, lo, hi)
        if pn:
            parts = parts + [d.period_nouns[pn["w"]]]  # 每名教师年度课酬
    if "person" in parts:
        ss = _rx().session.search(text, lo, hi)
        if ss:
            parts = parts + [d.sessions[ss["w"]]]  # 每名学员每期: person_time
    return parts or _budget_per(text, start, floor)


def _topic_per(text: str, start: int, hi: int) -> list[Per]:
    """The 每… words opening the clause of a sum further left than the per window: the
    clause's topic (每人每年享受职业培训补贴不超过3次、累计金额最高6000元)."""
    rx, d = _rx(), money_data().per
    lo = _clause_start(text, start, 0, d.topic_window)
    if lo > 0 and not rx.punct.match(text, lo - 1):
        return []  # the clause starts further left than the topic window reaches
    t = rx.topic.match(text, lo, hi)
    if not t and lo > 0 and text[lo - 1] in "，," and rx.subjectless.match(text, lo, hi):
        # 每户每年享受的奖补资金，累计最高不超过5万元: a clause with no subject of its own
        # (opening with 累计 / 最高 / 不超过) continues the topic of the clause before it
        prev = _clause_start(text, lo - 1, 0, d.topic_window)
        if prev == 0 or rx.punct.match(text, prev - 1):
            t = rx.topic.match(text, prev, lo - 1)
    if not t:
        return []
    out, pos = [], t.end()
    while (pm := rx.per_prefix.match(text, pos, hi)) and not pm["pc"]:
        if pm["single"]:
            return [d.classifiers[pm["s"]] if pm["s"] else "unit"]  # 单个项目…，最高500万元
        if text[pm.start() + 1: pm.start("c")].strip(" \t\u3000\u00a0"):
            break  # 每吸纳1人再给予2000元，最高不超过2万元: a denominator, not a topic
        out.append(d.classifiers[pm["c"]])
        nxt = text.find("每", pm.end(), min(hi, pm.end() + 7))  # 每名学员每年: a noun between
        if nxt < 0 or rx.punct.search(text, pm.end(), nxt):
            break
        pos = nxt
    # a bare period (每年组织技能大赛并对获奖选手给予最高1万元奖励) is when, not whom: only a
    # topic naming a recipient (每人 / 每户 / 每个项目 / 单个企业) holds for the clause
    return out if set(out) - {"year", "month"} else []


def _per_parts(text: str, lo: int, hi: int) -> list[Per]:
    """The per-unit words (每人, 每月, 人均, 单个基地) in ``text[lo:hi]``, in order."""
    d = money_data().per
    return [d.per_capita[pm["pc"]] if pm["pc"]
            else "unit" if pm["single"] and not pm["s"]  # 单个合作社: one of whatever it counts
            else d.classifiers[pm["c"] or pm["s"]]
            for pm in _rx().per_prefix.finditer(text, lo, hi)]


def per_before(text: str, lo: int, hi: int) -> Per | None:
    """The per-unit written in ``text[lo:hi]`` (每人每月 -> person_month), for the linker."""
    return _compose(_per_parts(text, lo, hi))


def _budget_per(text: str, start: int, floor: int) -> list[Per]:
    """每年…安排补助资金500万元: a budget line is per year (or month) across its whole clause."""
    d = money_data().per
    lo = _clause_start(text, start, floor, d.budget_window)
    hit = _rx().budget.search(text, lo, start)
    return [d.classifiers[hit["c"]]] if hit else []


def _clause_per(text: str, start: int, floor: int) -> list[Per]:
    """The per-unit of a 每…1人 clause earlier in the sentence (每认定合格1人次，按200元给予…),
    unless the sum's own clause is a total (补贴总额不超过50万元)."""
    rx = _rx()
    lo = _clause_start(text, start, floor, money_data().per.window)
    sent_lo, _ = _sentence(text, start, start)
    if lo <= sent_lo or rx.total.search(text, lo, start):
        return []
    last = None
    for last in rx.per_clause.finditer(text, sent_lo, lo):
        pass
    return [money_data().per.classifiers[last["c"]]] if last else []


def _frequency(
    text: str, start: int, end: int, floor: int, per: Per | None
) -> tuple[Frequency | None, int]:
    """一次性 / 按月 left of the sum in the same clause or right after it; else from ``per``.

    Also returns where the words read end (a word right after the sum belongs to it).
    """
    d = money_data().frequency
    lo = _clause_start(text, start, floor, d.window)
    found = [f.group() for f in _rx().freq.finditer(text, lo, start)]
    after = _rx().freq_after.match(text, end)
    if after:
        found.append(after["w"])
    used = after.end() if after else end
    if found:
        return d.words[found[-1]], used
    return (d.from_per.get(per) if per else None), used


# --------------------------------------------------------------------------- amounts


def _bound(m: regex.Match, pre: Bound | None) -> Bound | None:
    """The bound of a sum: the word before it, else after it; （含）/（不含） set inclusivity."""
    b = money_data().bounds
    post = b.after[m["post"].strip(" \t\u3000\u00a0")] if m["post"] else None
    bound = pre or post
    if pre and post and pre.kind == "approx" and post.kind != "approx":
        bound = post
    mark = m["incl2"] or m["incl1"]
    if bound and mark and bound.kind != "approx":
        bound = Bound(kind=bound.kind, inclusive=b.exclusive_mark not in mark)
    return bound


def _fields(val: Decimal | None, hi: Decimal | None, bound: Bound | None, more: bool) -> dict:
    """Normalised value/min/max/kind of one sum (``hi`` set for a range)."""
    if hi is not None:
        return dict(min=val, max=hi, min_inclusive=True, max_inclusive=True, kind="range")
    if more:
        return dict(min=val, min_inclusive=False, kind="floor")
    if bound is None:
        return dict(value=val, kind="fixed")
    if bound.kind == "cap":
        return dict(max=val, max_inclusive=bound.inclusive, kind="cap")
    if bound.kind == "floor":
        return dict(min=val, min_inclusive=bound.inclusive, kind="floor")
    return dict(value=val, kind="approx")


def _main_values(m: regex.Match) -> tuple[Decimal | None, Decimal | None]:
    """Value of the last number, or (low, high) of a range: 5-10万元 is 50000..100000."""
    if not m["n2"]:
        return _value(m["n1"], m["m1"]), None
    hi = _value(m["n2"], m["m2"])
    lo = _value(m["n1"], m["m1"] or ("" if m["u1"] else m["m2"]))
    if lo is not None and hi is not None and lo > hi and not m["m1"] and not m["u1"]:
        lo = _value(m["n1"], "")  # 5000-1万元: the first number carries no multiplier
    power = m["n2"][-1]
    if (not m["m1"] and not m["u1"] and not m["m2"] and power in money_data().multipliers
            and not m["n1"][0].isdigit() and power not in m["n1"]):
        scaled = _value(m["n1"] + power, "")  # 三至五万元: 五万 lends its 万 to 三
        lo = scaled if scaled is not None and hi is not None and scaled <= hi else lo
    return lo, hi


def _spans(m: regex.Match, first_start: int) -> list[tuple[int, int, Decimal | None]]:
    """(start, end, value) of each bare list item, then of the main sum."""
    out = []
    if m["list"]:
        shared = m["m1"] or m["m2"]
        base = m.start("list")
        for it in _rx().item.finditer(m["list"]):
            out.append((base + it.start(), base + it.end(), _value(it["n"], it["m"] or shared)))
    main_start = m.start("n1") if out else first_start
    out.append((main_start, m.end(), None))
    if len(out) > 1:
        out[0] = (first_start, out[0][1], out[0][2])
    return out


def _core_items(text: str, m: regex.Match, floor: int) -> tuple[list[Amount], int]:
    """The Amount(s) of one match of the core pattern, and where the words read end."""
    pre = _rx().prefix_r.search(text, max(floor, m.start() - 16), m.start())
    bound = _bound(m, money_data().bounds.before[pre["bound"]] if pre else None)
    first = pre.start() if pre else m.start()
    per_suffix = [money_data().per.classifiers[c] for c in _rx().cls.findall(m["per"] or "")]
    parts = _left_per(text, first, floor, m.start()) + per_suffix
    per = _compose(parts or _clause_per(text, first, floor))
    if per and m["post"] and _single_threshold(text, first, floor, m):
        per = None  # 对单台补贴额5万元以上的机具: what a threshold measures, not a per
    period = next((p for p in parts if p in ("year", "month")), per) if per == "unit" else per
    freq, used = _frequency(text, first, m.end(), floor, period)  # 每床每年: unit, yearly
    if bound and bound.kind == "cap" and _rx().refusal.match(text, m.end()):
        bound = Bound(kind="floor", inclusive=not bound.inclusive)  # 不足20万元的，不予补助
    lo, hi = _main_values(m)
    items = []
    for s, e, val in _spans(m, first):
        fields = _fields(lo if e == m.end() else val, hi if e == m.end() else None,
                         bound, bool(m["more"]))
        items.append(Amount(start=s, end=e, quote=text[s:e], per=per, frequency=freq, **fields))
    return items, used


def _single_threshold(text: str, first: int, floor: int, m: regex.Match) -> bool:
    """A sum bounded after it (以上 / 以下) and closed by 的, with a 单… word (单台, 单户) and
    no 每 before it in its clause: a threshold on one item (单户在保余额1000万元以下的企业)."""
    rx = _rx()
    lo = _clause_start(text, first, floor, money_data().per.window)
    return (bool(rx.threshold_close.match(text, m.end())) and "每" not in text[lo:first]
            and bool(rx.single.search(text, lo, first)))


def _linked(text: str, chain: list[list[Amount]], core: list[Amount]) -> bool:
    """Whether ``core`` continues the parallel list ``chain`` (5万元、3万元; 高级技师…、技师…).

    A comma continues a list after 分别, or between sums with the same written per-unit.
    """
    rx = _rx()
    gap_lo, gap_hi = chain[-1][-1].end, core[0].start
    if rx.link.fullmatch(text, gap_lo, gap_hi):
        return True
    if not rx.link_comma.fullmatch(text, gap_lo, gap_hi):
        return False
    if chain[-1][-1].per and chain[-1][-1].per == core[0].per and "/" in chain[-1][-1].quote + core[0].quote:
        return True  # 初级工1000元/人，中级工1500元/人: a parallel list of one per-unit
    first = chain[0][0].start
    sent_lo, _ = _sentence(text, first, first)
    return bool(rx.fenbie_r.search(text, sent_lo, first))


def _group(text: str, chain: list[list[Amount]]) -> list[Amount]:
    """Give the items of one list a shared group id, order, per and frequency.

    An item introduced by a total word (每人不超过20万元、贷款总额不超过110万元) takes no
    per-unit from the others: a total is not per unit."""
    items = [a for core in chain for a in core]
    if len(items) < 2:
        return items
    per = next((a.per for a in items if a.per), None)
    freq = next((a.frequency for a in items if a.frequency), None)
    gid = f"g{items[0].start}"
    shared = _shared_bound(text, items)
    for i, a in enumerate(items):
        a.group, a.group_index = gid, i
        total = i > 0 and _rx().total.search(text, items[i - 1].end, a.start)
        a.per = a.per or (None if total else per)
        a.frequency = a.frequency or freq
        if shared is not None and i > 0 and a.kind == "fixed" and not total:
            value, a.value = a.value, None  # 分别给予最高500万元、300万元: each a cap
            bound = Bound(kind=shared.kind, inclusive=shared.max_inclusive if shared.kind == "cap"
                          else shared.min_inclusive)
            for k, v in _fields(value, None, bound, False).items():
                setattr(a, k, v)
    return items


def _shared_bound(text: str, items: list[Amount]) -> Amount | None:
    """The first item of a 分别 list when its bound word (最高 / 不超过 / 不低于) stands before
    the whole list: 分别给予最高500万元、300万元、100万元 caps every member."""
    first = items[0]
    if first.kind not in ("cap", "floor") or not first.quote.startswith(
            tuple(money_data().bounds.before)):
        return None  # only a bound word written before the first item leads the whole list
    sent_lo, _ = _sentence(text, first.start, first.start)
    if _rx().fenbie_r.search(text, sent_lo, first.start):
        return first
    # 年纳税额突破1000万元、5000万元、1亿元的企业: a list of thresholds closed by 的 shares
    # the floor word of its first item (a cap list without 分别 is left alone)
    closed = text.startswith("的", items[-1].end) and "、" in text[first.end:items[-1].start]
    return first if closed and first.kind == "floor" else None


def extract_money(text: str) -> list[Amount]:
    """Every monetary amount in ``text``, in order, with normalised fields."""
    chains: list[list[list[Amount]]] = []
    floor = 0
    for m in _rx().core.finditer(text):
        core, floor = _core_items(text, m, floor)
        if chains and _linked(text, chains[-1], core):
            chains[-1].append(core)
        else:
            chains.append([core])
    out = [a for chain in chains for a in _group(text, chain)]
    for old, new in zip(out, out[1:]):
        if new.per is None and _rx().change_link.fullmatch(text, old.end, new.start):
            new.per, new.frequency = old.per, new.frequency or old.frequency  # 由每人每月300元提高到500元
        elif new.per is None and old.per and _parallel_clause(text, old, new):
            new.per, new.frequency = old.per, new.frequency or old.frequency
    return out


def _parallel_clause(text: str, old: Amount, new: Amount) -> bool:
    """The next comma clause repeats the bound word of a sum with a written per-unit and only
    changes its subject (100马力以上拖拉机单台补贴额不超过15万元，200马力以上拖拉机不超过30万元):
    the elided 单台 holds for it too. A total word or a 每 of its own breaks the parallel."""
    if new.kind != old.kind or new.kind not in ("cap", "floor"):
        return False
    rx, d = _rx(), money_data().per
    gap = rx.parallel_gap.fullmatch(text, old.end, new.start)
    if not gap or rx.total.search(gap.group()) or rx.new_frame.match(gap.group()):
        return False  # ，累计不超过… / ，对企业最高5万元: a total or a new recipient frame
    people = old.per in ("person", "person_month", "person_year", "person_time")
    for h in rx.recipient_head.findall(gap.group()):
        if (d.recipient_heads[h] == "person") != people:
            return False  # 每人最高2000元，培训机构最高10万元: a recipient of another kind
    bound = rx.bound_word.match(old.quote)
    return bool(bound) and new.quote.startswith(bound.group())


# --------------------------------------------------------------------------- rates


def _base(text: str, lo: int, pos: int) -> str | None:
    """What a rate applies to: 按<base>的50%, 给予<base>20%, 按<base>给予1:1配套."""
    rx = _rx()
    left = text[lo:pos]
    for mk in reversed(list(rx.marker.finditer(left))):
        rest = left[mk.end():]
        stop = rx.stop_verb.search(rest)
        cand = (rest[: stop.start()] if stop else rest).strip(" \t\u3000\u00a0")
        cand = cand.removesuffix("的").strip(" \t\u3000\u00a0")
        cand = rx.base_lead.sub("", cand)
        while (lead := rx.per_prefix.match(cand) or rx.bound_lead.match(cand)) and lead.end() < len(cand):
            cand = cand[lead.end():].lstrip(" \t\u3000\u00a0")  # 每人每月不低于<base>80%
        if cand:
            return cand if len(cand) <= money_data().rates.base_max_chars else None
    return None


def _is_stat(text: str, start: int, end: int, lo: int) -> bool:
    """A statistic or target (占比达到35%, 8%提取, 60%以上用于), not money paid."""
    rx = _rx()
    if rx.paid_floor_r.match(text, lo, start):
        return bool(rx.stat_clause.search(text, lo, start))  # 合计补贴不低于10%: the least share paid
    if not rx.neutral_r.match(text, lo, start) and rx.stat_before_r.match(text, lo, start):
        return True
    if rx.stat_clause.search(text, lo, start):
        return True
    nxt = rx.punct.search(text, end, end + money_data().rates.stat_after_window)
    hi = nxt.start() if nxt else min(len(text), end + money_data().rates.stat_after_window)
    return bool(rx.stat_after.search(text, end, hi)) or _unpaid_ratio(text, end)


def _unpaid_ratio(text: str, end: int) -> bool:
    """X%的比例 with no paying word in the rest of the sentence: a hiring or spending share
    (按不低于招录总数5%的比例招用退役军人), not money paid."""
    rx = _rx()
    mark = rx.ratio_mark.match(text, end)
    if not mark:
        return False
    _, sent_hi = _sentence(text, end, end)
    return not rx.trigger.search(text, mark.end(), sent_hi)


def _uplift(text: str, lo: int, start: int) -> tuple[int, str] | None:
    """(sign, base) of 补贴标准上浮30%; None when not an uplift of a money standard."""
    rx = _rx()
    up = rx.uplift_r.match(text, lo, start)
    if not up:
        return None
    base = text[lo: up.start()].rsplit("的", 1)[-1].strip(" \t\u3000\u00a0")
    while (trim := rx.uplift_trim.search(base)) and trim.start() > 0:
        base = base[: trim.start()].rstrip(" \t\u3000\u00a0")  # 补助比例在上述基础上再
    frame = regex.fullmatch(r"在(?:原有?)?(?P<b>.+?)(?:的)?基础上", base)
    base = frame["b"] if frame else base  # 在原补贴标准基础上上浮20% -> 补贴标准
    if not rx.uplift_base.search(base):
        return None
    return money_data().rates.uplift_words[up["w"]], base


def _rate(text: str, m: regex.Match) -> Rate | None:
    rx = _rx()
    s, e = m.span()
    lo = _clause_start(text, s, 0, 60)
    sent_lo, sent_hi = _sentence(text, s, e)
    if m["full"]:
        if rx.full_agent_r.search(text, lo, s):
            return None  # 由县财政全额补助: who pays, not a share paid
        return Rate(start=s, end=e, quote=m.group(), value=Decimal(1),
                    base=_base(text, lo, s), kind="share")
    if m["a"]:
        a, b = parse_number(m["a"]), parse_number(m["b"])
        if not a or b is None or not rx.matching.search(text, sent_lo, sent_hi):
            return None
        if rx.split_r.match(text, e):
            return None  # 由市、县两级财政按5:5比例分担: a cost split between payers
        return Rate(start=s, end=e, quote=m.group(), value=_norm(b / a),
                    base=_base(text, lo, s), kind="matching")
    if m["pts"]:
        num, up = parse_number(m["pnum"]), _uplift(text, lo, s)
        if num is None or up is None:
            return None  # 就业率提高5个百分点: percentage points of a statistic
        return Rate(start=s, end=e, quote=m.group(), value=_norm(up[0] * num / 100),
                    base=up[1] or None, kind="uplift")
    num = _fraction_pct(m) if m["frac"] else parse_number(m["num"] or m["cn"])
    if num is not None and m["pct"] and rx.raised_r.match(text, lo, s):
        # 补助比例提高至80% / 测算比例提高到35%: the share of a payment raised, a rate
        return Rate(start=s, end=e, quote=m.group(), value=_norm(num / 100),
                    base=_base(text, lo, s), kind="share")
    if num is None or _is_stat(text, s, e, lo):
        return None
    up = _uplift(text, lo, s)
    if up:
        return Rate(start=s, end=e, quote=m.group(), value=_norm(up[0] * num / 100),
                    base=up[1] or None, kind="uplift")
    base = _base(text, lo, s)
    if base is None and not _paid_in_clause(text, lo, e, sent_hi):
        return None  # 占就业人员总量的23.5%，…补贴… : the paying word is in another clause
    return Rate(start=s, end=e, quote=m.group(), value=_norm(num / 100), base=base, kind="share")


def _fraction_pct(m: regex.Match) -> Decimal | None:
    """三分之一 / 一半 as a percentage (33.33…, 50), so that it reads like 50%."""
    if m["half"]:
        return Decimal(50)
    den, num = parse_number(m["den"]), parse_number(m["numr"])
    if not den or num is None or num >= den:
        return None
    return (num * 100 / den).quantize(Decimal("0.0001"))


def _paid_in_clause(text: str, lo: int, end: int, hi: int) -> bool:
    """A paying word (给予, 补贴, …) in the comma clause of the percentage: a rate is paid
    where it is named (按…的50%给予补贴), not somewhere else in the sentence."""
    rx = _rx()
    nxt = rx.punct.search(text, end, hi)
    return bool(rx.trigger.search(text, lo, nxt.start() if nxt else hi))


def extract_rates(text: str) -> list[Rate]:
    """Every proportional amount (share, uplift, matching ratio) in ``text``, in order.

    The upper end of a range of rates (30%-50%) shares the base and kind of the lower end.
    """
    rx = _rx()
    out: list[Rate] = []
    for m in rx.rate.finditer(text):
        prev = out[-1] if out else None
        if prev and m["pct"] and rx.rate_list_gap.fullmatch(text, prev.end, m.start()):
            out.append(prev.model_copy(update=dict(  # 分别按投资额的30%、20%: the same base
                start=m.start(), end=m.end(), quote=m.group(),
                value=_norm(parse_number(m["num"]) / 100 * (-1 if prev.value < 0 else 1)))))
            continue
        if prev and m["pct"] and rx.rate_gap.fullmatch(text, prev.end, m.start()):
            num = parse_number(m["num"])
            out.append(prev.model_copy(update=dict(
                start=m.start(), end=m.end(), quote=m.group(),
                value=_norm(num / 100 * (-1 if prev.value < 0 else 1)))))
            continue
        r = _rate(text, m)
        if r is None and prev and m["pct"]:
            r = _raised_after(text, prev, m)
        if r is not None:
            out.append(r)
    return out


def _raised_after(text: str, prev: Rate, m: regex.Match) -> Rate | None:
    """A share raised in the next clause with no payment word of its own (省级财政按保费的35%
    给予补贴，对脱贫县提高至40%): the same share, raised for a narrower recipient."""
    rx = _rx()
    s = m.start()
    lo = _clause_start(text, s, prev.end, 30)
    gap = text[prev.end: lo]
    if lo <= prev.end or rx.sent_r.search(gap) or len(regex.findall(r"[，,]", gap)) != 1:
        return None  # only the clause right after the rate's own, in the same sentence
    if not rx.raised_after_r.fullmatch(text, lo, s):
        return None  # 覆盖率提高至90%: a statistic of its own subject
    num = parse_number(m["num"])
    return prev.model_copy(update=dict(start=s, end=m.end(), quote=m.group(),
                                       value=_norm(num / 100), kind="share"))


# --------------------------------------------------------------------------- stage


def annotate(doc: Document) -> None:
    """Pipeline stage: fill ``doc.amounts`` and ``doc.rates`` from ``doc.text``."""
    amounts, rates = extract_money(doc.text), extract_rates(doc.text)
    doc.amounts, doc.rates = amounts, rates  # both or neither, if one of them fails
