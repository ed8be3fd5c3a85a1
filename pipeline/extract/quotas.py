"""Quotas and targets: how many people, bodies, awards or projects a notice allows or aims for.

A quota is a count written with a count unit (``10 名``, ``130万人``, ``6 个``) or a
share target (``占比达到35%左右``), licensed by a verb that awards (遴选/资助 ...:
kind ``cap``) or aims (培育/达到/累计 ...: kind ``target``), by a bound word
(不超过/以上/左右) or by a period word (每年/每两年/每次/到2025年).

Numbers that are not quotas are dropped structurally: thresholds (``每达 30 人``,
``年实训超1000人次的`` - a 的-relative clause), ordinals (``第一名``), enumerations
(``等28项公共服务`` - a count of listed items, not a limit or goal), counts inside
citations (《…》, 〔…〕), durations (``1个月``), per-unit denominators (``每引进一名``,
``每新增取得…证书1人``), application schedules (``每年集中申报一次``) and status
reports (``截至2023年底…4.2万人``, ``“十三五”期间…286万人次`` in a later notice).

Word lists live in ``gazetteers/quotas.yaml``.  Structural regexes are compiled at
module level; the alternations built from the data file are compiled once, on
first use (:func:`_lex`), so that importing reads nothing.

>>> [(str(q.count), q.unit, q.op, q.period, q.kind, q.subject)
...  for q in extract_quotas("每年遴选不超过 10 名“高新工匠”，颁发荣誉证书。")]
[('10', '名', '<=', 'year', 'cap', '高新工匠')]
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from ..data import load, unique
from ..models import Document, Quota, QuotaOp
from ..numerals import parse_number

Period = Literal["year", "two_years", "per_round", "once", "plan"]

# --------------------------------------------------------------------------- data file


def _no_duplicates(values: list[str], what: str = "entry") -> list[str]:
    return unique(values, what)


class QuotaGazetteer(BaseModel):
    """Schema of ``gazetteers/quotas.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    units: dict[str, list[str]]
    event_units: list[str]
    multipliers: dict[str, int]
    bounds_before: dict[str, QuotaOp]
    bounds_after: dict[str, QuotaOp]
    bounds_infix: dict[str, QuotaOp]
    periods: dict[str, Period]
    plan_words: list[str]
    plan_names: dict[str, int]
    plan_name_posts: list[str]
    status_preps: list[str]
    retrospective_posts: list[str]
    deadline_preps: list[str]
    deadline_posts: list[str]
    deadline_verbs: list[str]
    cap_triggers: list[str]
    target_triggers: list[str]
    licensing_nouns: list[str]
    plan_verbs: list[str]
    per_verbs: list[str]
    procedure_verbs: list[str]
    schedule_verbs: list[str]
    once_only_words: list[str]
    once_only_suffixes: list[str]
    duty_verbs: list[str]
    occasion_words: list[str]
    share_money_heads: list[str]
    child_markers: list[str]
    threshold_before: list[str]
    threshold_after: list[str]
    status_markers: list[str]
    benefit_openers: list[str]
    condition_openers: list[str]
    condition_list_openers: list[str]
    enumeration_before: list[str]
    subject_scope_prefixes: list[str]
    subject_measure_suffixes: list[str]
    subject_stops: list[str]
    share_nouns: list[str]
    share_verbs: list[str]
    plan_share_verbs: list[str]
    requirement_modals: list[str]
    requirement_joiners: list[str]
    application_frame_verbs: list[str]
    applicant_subjects: list[str]
    bound_fillers: list[str]
    verb_joiners: list[str]
    tier_suffixes: list[str]
    pilot_scope_preps: list[str]
    pilot_scope_places: list[str]
    pilot_scope_verbs: list[str]

    @field_validator("*", mode="after")
    @classmethod
    def _unique(cls, v):
        if isinstance(v, list) and all(isinstance(x, str) for x in v):
            return _no_duplicates(v)
        return v

    @model_validator(mode="after")
    def _disjoint_triggers(self) -> QuotaGazetteer:
        both = sorted(set(self.cap_triggers) & set(self.target_triggers))
        if both:
            raise ValueError(f"words both cap and target triggers: {both}")
        return self


def gazetteer() -> QuotaGazetteer:
    """The validated quota word lists (cached by :func:`pipeline.data.load`)."""
    return load("quotas.yaml", QuotaGazetteer)


# --------------------------------------------------------------------------- structural regexes

_NUMBER = regex.compile(
    r"""
    (?<![\d.．,])                               # not inside a longer Arabic number
    (?:
        (?P<arabic>\d+(?:,\d{3})*(?:[.．]\d+)?)  # Arabic digits, thousands commas, decimals
        [ \t\u3000]*                              # optional spaces before a multiplier
        (?P<mult>[千万亿])?                      # optional 千/万/亿 multiplier (130万人)
      |
        (?P<chinese>                             # a Chinese numeral ...
            [一二两三四五六七八九十]              # ... starting with a digit word (not 百/千/万)
            [〇零一二两三四五六七八九十百千万亿]*  # ... and its further digits and powers
        )
    )
    """,
    regex.VERBOSE,
)

_SENTENCE_BREAK = regex.compile(
    r"""
    [。！？!?\n]      # sentence-final punctuation or a line break
    """,
    regex.VERBOSE,
)

_SEGMENT_BREAK = regex.compile(
    r"""
    [，,；;：:。！？!?\n]   # clause-level punctuation (comma, semicolon, colon) or a sentence break
    """,
    regex.VERBOSE,
)

_YEAR = regex.compile(
    r"""
    (?<!\d)                 # not the tail of a longer number
    (?P<year>(?:19|20)\d{2})  # a calendar year
    \s*年                   # followed by 年
    """,
    regex.VERBOSE,
)

_PLAN_SPAN = regex.compile(
    r"""
    (?:用|在|未来)?                         # optional 用/在/未来 before the span
    [\d一二两三四五六七八九十]{1,3}          # a small number of years
    \s*年                                   # 年
    (?:左右)?                               # optional 左右
    (?:时间|内)                             # 时间 (力争用五年时间) or 内 (三年内)
    """,
    regex.VERBOSE,
)

_QUOTED = regex.compile(
    r"""
    [“"「『]                # an opening quotation mark
    (?P<name>[^”"」』，。；\n]{1,20})  # a short quoted name (a title such as 高新工匠)
    [”"」』]                # the closing quotation mark
    """,
    regex.VERBOSE,
)

_DE_CLAUSE_END = regex.compile(
    r"""
    ^[^；;]*?             # within the current semicolon clause
    (?P<de>的)            # a 的 ...
    (?:[，,；;]|$)        # ... that ends a clause: a 的-relative condition
    """,
    regex.VERBOSE,
)

_LOCATIVE = regex.compile(
    r"""
    ^在                          # a locative frame 在…范围内 opening a subject ...
    [^，,；;。在]{1,8}?           # ... around a short place (全市, 全省各地)
    (?:范围内|区域内|内)          # ... closed by 范围内 / 区域内 / 内
    """,
    regex.VERBOSE,
)

_ITEM_LABEL = regex.compile(
    r"""
    [ \t\u3000\xa0]*                              # the line's indent
    (?:[（(][一二三四五六七八九十\d]{1,3}[）)]      # （一） / (1)
      |\d{1,2}[.．、](?!\d)                        # 1. / 1、 (not a decimal)
      |[①-⑳]                                     # ① … ⑳
      |[一二三四五六七八九十]是                     # 一是 / 二是
    )
    """,
    regex.VERBOSE,
)

_LIST_COLON_REACH = 40  # chars from a condition-list opener to the colon that opens the list
_LIST_WINDOW = 800  # how far back from a count its condition-list opener is looked for

_SPACES = " \t\u3000\xa0"
_QUOTE_CHARS = "“”\"‘’「」『』《》〈〉 \t\u3000"


# --------------------------------------------------------------------------- lexicon (lazy)


@dataclass(frozen=True)
class _Lex:
    """Gazetteer lists prepared for matching: longest first, plus compiled alternations."""

    g: QuotaGazetteer
    bounds_before: tuple[str, ...]
    bounds_after: tuple[str, ...]
    triggers: dict[str, str]
    trigger_rx: regex.Pattern
    period_rx: regex.Pattern
    tier_rx: regex.Pattern
    unit_rx: regex.Pattern
    strip_tail: tuple[str, ...]
    words: dict[str, tuple[str, ...]]
    plan_rx: regex.Pattern
    per_verb_rx: regex.Pattern
    cond_list_rx: regex.Pattern
    trigger_words: tuple[str, ...]


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in _longest_first(words))


@functools.cache
def _lex() -> _Lex:
    g = gazetteer()
    triggers = {w: "cap" for w in g.cap_triggers} | {w: "target" for w in g.target_triggers}
    trigger_rx = regex.compile(
        rf"""
        (?:{_alternation(triggers)})      # any cap or target trigger verb
        """,
        regex.VERBOSE,
    )
    period_rx = regex.compile(
        rf"""
        (?P<word>{_alternation(list(g.periods) + g.plan_words)})  # 每年 / 每两年 / 十四五期间 ...
        """,
        regex.VERBOSE,
    )
    tier_rx = regex.compile(
        rf"""
        \s*                                           # at the start of the clause (used with match)
        (?:{_alternation(g.child_markers)})?\s*[，,]?\s*  # optional 其中，
        (?P<tier>
            (?:[一二三四五六七八九十]|\d{{1,2}}|[A-Ea-e甲乙丙丁])  # the tier number or letter
            (?:{_alternation(g.tier_suffixes)})       # 级 / 档 / 等 / 类 ...
        )
        """,
        regex.VERBOSE,
    )
    unit_rx = regex.compile(
        rf"""
        (?:{_alternation(g.units)})       # a count unit, longest first (人次 before 人)
        """,
        regex.VERBOSE,
    )
    strip_tail = _longest_first(
        set(triggers) | set(g.periods) | set(g.bounds_before) | set(g.child_markers)
    )
    return _Lex(
        g, _longest_first(g.bounds_before),
        _longest_first(g.bounds_after), triggers, trigger_rx, period_rx, tier_rx, unit_rx,
        strip_tail,
        {name: _longest_first(getattr(g, name)) for name in QuotaGazetteer.model_fields},
        plan_rx=_plan_rx(g), per_verb_rx=_per_verb_rx(g), trigger_words=_longest_first(triggers),
        cond_list_rx=_cond_list_rx(g),
    )


def _cond_list_rx(g: QuotaGazetteer) -> regex.Pattern:
    return regex.compile(
        rf"""
        (?:{_alternation(g.condition_list_openers)})      # 下列条件 / 以下条件 ...
        [^。！？!?\n：:]{{0,{_LIST_COLON_REACH}}}          # ... 之一的，可认定为…
        [：:]                                             # ... the colon opening the list
        """,
        regex.VERBOSE,
    )


def _plan_rx(g: QuotaGazetteer) -> regex.Pattern:
    return regex.compile(
        rf"""
        [“"「]?                                          # optional opening quotation mark
        (?P<name>{_alternation(g.plan_names)})            # a five-year plan: 十四五
        [”"」]?                                          # optional closing quotation mark
        (?P<post>{_alternation(g.plan_name_posts + g.retrospective_posts)})  # 期间 / 末 / 以来
        """,
        regex.VERBOSE,
    )


@functools.cache
def _plan_verb_rx(scopes: tuple[str, ...], verbs: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(
        rf"""
        (?:{_alternation(scopes)}|年)                    # a scope or a year as subject: 全省 / 今年 ...
        [ \t\u3000]*(?:{_alternation(verbs)})           # ... then 计划 as a verb (本计划 is a noun)
        """,
        regex.VERBOSE,
    )


def _per_verb_rx(g: QuotaGazetteer) -> regex.Pattern:
    return regex.compile(
        rf"""
        每[ \t\u3000]*                                  # 每 ...
        (?:{_alternation(g.per_verbs)})                   # ... a per-unit verb: 每新增 / 每引进
        """,
        regex.VERBOSE,
    )


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    """A count in the text with everything learnt about it so far."""

    start: int
    end: int
    num_start: int
    count: Decimal
    unit: str
    op: str
    seg_start: int
    sent_start: int
    count_text: str
    benefit_follows: bool = False
    period: str | None = None
    deadline_year: int | None = None
    kind: str = "target"
    subject: str | None = None
    tier: str | None = None
    parent: _Cand | None = None
    group: str | None = None
    group_index: int | None = None
    past: bool = False
    scope: bool = False


class _Breaks:
    """Positions of segment and sentence breaks in one text, for bisecting."""

    def __init__(self, text: str) -> None:
        self.seg = [m.start() for m in _SEGMENT_BREAK.finditer(text)]
        self.sent = [m.start() for m in _SENTENCE_BREAK.finditer(text)]

    @staticmethod
    def _before(marks: list[int], pos: int) -> int:
        i = bisect.bisect_left(marks, pos)
        return marks[i - 1] + 1 if i else 0

    @staticmethod
    def _after(marks: list[int], pos: int, n: int) -> int:
        i = bisect.bisect_left(marks, pos)
        return marks[i] if i < len(marks) else n

    def segment(self, pos: int) -> int:
        return self._before(self.seg, pos)

    def sentence(self, pos: int) -> int:
        return self._before(self.sent, pos)

    def segment_end(self, pos: int, n: int) -> int:
        return self._after(self.seg, pos, n)

    def sentence_end(self, pos: int, n: int) -> int:
        return self._after(self.sent, pos, n)


def _parse_count(m: regex.Match, lex: _Lex) -> Decimal | None:
    if m.group("chinese"):
        return parse_number(m.group("chinese"))
    value = parse_number(m.group("arabic"))
    if value is None:
        return None
    mult = m.group("mult")
    return value * lex.g.multipliers[mult] if mult else value


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACES:
        pos += 1
    return pos


def _match_unit(text: str, pos: int, chinese: bool, lex: _Lex) -> tuple[str, int] | None:
    """The count unit at ``pos`` (longest first) and its end, unless a blocker follows."""
    hit = lex.unit_rx.match(text, pos)
    if hit is None:
        return None
    unit = hit.group()
    end = pos + len(unit)
    if any(text.startswith(b, end) for b in lex.g.units[unit]):
        return None
    if chinese and _NUMBER.match(text, end):
        return None  # 三位一体, 一个一个: a set phrase, not a count
    alt = _alt_unit_rx(tuple(lex.g.units)).match(text, end)
    if alt:
        return unit + alt.group(), alt.end()  # 3.5万台（套）: a unit with its alternative
    return unit, end


@functools.cache
def _alt_unit_rx(units: tuple[str, ...]) -> regex.Pattern:
    """A second unit in brackets right after the first (台（套）, 家（个）, 名（人）)."""
    return regex.compile(rf"[（(](?:{_alternation(units)})[）)]")


def _suffix_word(s: str, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if s.endswith(w)), None)


def _prefix_word(s: str, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if s.startswith(w)), None)


def _is_share(text: str, seg_start: int, num_start: int, lex: _Lex) -> bool:
    prefix = text[seg_start:num_start]
    g = lex.g
    if any(f"{h}{n}" in prefix for h in g.share_money_heads for n in g.share_nouns):
        return False  # 奖励比例提高至6%: a rate of money paid, not a share target
    if not any(n in prefix for n in g.share_nouns):
        return False
    if any(v in prefix for v in g.share_verbs):
        return True
    # 比例不低于60% is a target only in a plan (到2025年…); else a composition rule
    # (其中农民工比例不低于60%) or an eligibility threshold
    return any(v in prefix for v in g.plan_share_verbs) and _has_deadline(text, seg_start, g)


def _has_deadline(text: str, seg_start: int, g: QuotaGazetteer) -> bool:
    """到2025年 / 至2026年 in the sentence before ``seg_start``."""
    lo = max(0, seg_start - 120)
    stop = max(text.rfind(c, lo, seg_start) for c in "。；;\n")
    return bool(_deadline_rx(tuple(g.deadline_preps)).search(text, max(lo, stop + 1), seg_start))


@functools.cache
def _deadline_rx(preps: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(rf"(?:{_alternation(list(preps))})\s*20\d\d\s*年")  # 到2025年

def _inside_citation(text: str, sent_start: int, pos: int) -> bool:
    """True inside 《…》 or 〔…〕 (a title or document number), judged within the sentence."""
    before = text[sent_start:pos]
    return before.rfind("《") > before.rfind("》") or before.rfind("〔") > before.rfind("〕")


def _excluded_before(text: str, prefix: str, sent_start: int, pos: int, lex: _Lex) -> bool:
    """Ordinals, enumerations, thresholds, per-unit 每 and citations are not quotas."""
    g = lex.g
    if prefix.endswith("第") or _suffix_word(prefix, lex.words["enumeration_before"]):
        return True
    if not _suffix_word(prefix, lex.bounds_before) and _suffix_word(
        prefix, lex.words["threshold_before"]
    ):
        return True
    each = prefix.rfind("每")
    if each >= 0 and len(prefix) - each <= 5:
        if not any(prefix.startswith(p, each) for p in g.periods):
            return True  # 每引进一名: a per-unit rate, not a count
    if lex.per_verb_rx.search(prefix):
        return True  # 每新增取得…证书1人: the denominator of a benefit
    return _inside_citation(text, sent_start, pos)


def _bound_before(prefix: str, lex: _Lex) -> tuple[str | None, int]:
    """The bound word before the count and the length it covers up to the number:
    不超过10名 (the word itself) or 至少建成1个 / 不少于培训 (a bound, then a trigger verb)."""
    before = _suffix_word(prefix, lex.bounds_before)
    if before:
        return before, len(before)
    verb = _suffix_word(prefix, lex.trigger_words)
    if verb is None:
        return _bound_over_fillers(prefix, lex)
    rest = prefix[: -len(verb)].rstrip(_SPACES)
    before = _suffix_word(rest, lex.bounds_before)
    if before is None and (m := _coordinated_verbs_rx(tuple(lex.bounds_before),
                                                     tuple(lex.g.verb_joiners)).search(rest)):
        before = m.group("b")  # 至少牵头或参与组建1个: verbs joined by 或 between bound and trigger
    if before is None or before in lex.triggers:
        return None, 0  # 达到 is a trigger itself: 达到培育 is no bound
    return before, len(prefix) - prefix.rindex(before, 0, len(prefix) - len(verb))


def _bound_over_fillers(prefix: str, lex: _Lex) -> tuple[str | None, int]:
    """A bound word before one or two modal / claim words: 最多可享受3次 (<= 3)."""
    rest = prefix
    for _ in range(2):
        filler = _suffix_word(rest, lex.words["bound_fillers"])
        if filler is None:
            break
        rest = rest[: -len(filler)].rstrip(_SPACES)
        before = _suffix_word(rest, lex.bounds_before)
        if before and before not in lex.triggers:
            return before, len(prefix) - len(rest) + len(before)
    return None, 0


@functools.cache
def _coordinated_verbs_rx(bounds: tuple[str, ...], joiners: tuple[str, ...]) -> regex.Pattern:
    """A bound word, then two short verbs joined by 或/和/及 (至少牵头或参与), at the end."""
    return regex.compile(
        rf"(?P<b>{_alternation(list(bounds))})\p{{Han}}{{1,3}}(?:{_alternation(list(joiners))})\p{{Han}}{{1,3}}$")


def _after_bound(text: str, pos: int, lex: _Lex) -> tuple[str | None, int]:
    at = _skip_spaces(text, pos)
    after = next((w for w in lex.bounds_after if text.startswith(w, at)), None)
    return after, (at + len(after) if after else pos)


def _combine_ops(ops: list[str | None]) -> str:
    present = [o for o in ops if o]
    if "~" in present:
        return "~"
    return present[0] if present else "=="


def _is_threshold(
    text: str, prefix: str, unit_end: int, end: int, br: _Breaks, lex: _Lex
) -> bool:
    """A count inside a 的-relative condition (对年实训超1000人次的, …20名以上…的，给予)."""
    n = len(text)
    openers = lex.g.condition_openers
    if _prefix_word(text[unit_end : unit_end + 6], lex.words["threshold_after"]):
        return True
    seg_end = br.segment_end(end, n)
    opener = _prefix_word(prefix.lstrip(_SPACES), lex.words["condition_openers"])
    if opener and "的" in text[end:seg_end]:
        return True
    window = text[end : min(br.sentence_end(end, n), end + 80)]
    hit = _DE_CLAUSE_END.search(window)
    if not hit:
        return False
    between = window[: hit.start("de")]
    return not any(f"{c}{o}" in between for o in openers for c in "，,")


def _in_condition_list(text: str, pos: int, lex: _Lex) -> bool:
    """A count inside the items of a list of eligibility conditions (具备下列条件之一：
    （1）…；（2）吸纳…10人以上；): inline up to the sentence end, or on lines that each open
    with an item label."""
    last = None
    for last in lex.cond_list_rx.finditer(text, max(0, pos - _LIST_WINDOW), pos):
        pass
    if last is None:
        return False
    lines = text[last.end() : pos].split("\n")
    if len(lines) == 1:
        return not _SENTENCE_BREAK.search(lines[0])
    if lines[0].strip(_SPACES):
        return False  # the list began inline and a later line is something else
    return all(_ITEM_LABEL.match(ln) for ln in lines[1:] if ln.strip(_SPACES))


def _licensed(seg_prefix: str, before: str | None, lex: _Lex) -> bool:
    """A count needs a trigger verb, a bound word before it, a period word or 其中/a tier."""
    g = lex.g
    return bool(
        before
        or lex.trigger_rx.search(seg_prefix)
        or lex.period_rx.search(seg_prefix)
        or lex.plan_rx.search(seg_prefix)
        or any(w in seg_prefix for w in g.licensing_nouns)
        or _plan_verb_rx(tuple(g.subject_scope_prefixes), tuple(g.plan_verbs)).search(seg_prefix)
        or any(m in seg_prefix for m in g.child_markers)
        or lex.tier_rx.match(seg_prefix)
    )


def _candidate(text: str, m: regex.Match, br: _Breaks, lex: _Lex) -> _Cand | None:
    """Build a candidate quota from one number match, or None when it is not a quota."""
    pos = _skip_spaces(text, m.end())
    infix = _prefix_word(text[pos : pos + 2], lex.words["bounds_infix"])
    pos += len(infix) if infix else 0
    unit_end = _unit(text, pos, bool(m.group("chinese")), lex)  # cheap test first
    count = _parse_count(m, lex) if unit_end else None
    if count is None or count <= 0:
        return None
    unit, uend = unit_end
    num_start = m.start()
    seg_start, sent_start = br.segment(num_start), br.sentence(num_start)
    prefix = text[seg_start:num_start].rstrip(_SPACES)
    if _excluded_before(text, prefix, sent_start, num_start, lex):
        return None
    before, before_len = _bound_before(prefix, lex)
    after, end = _after_bound(text, uend, lex)
    if unit == "%" and not _is_share(text, seg_start, num_start, lex):
        return None
    if _is_threshold(text, prefix, _skip_spaces(text, uend), end, br, lex):
        return None
    scope = _pilot_scope(text, prefix, uend, lex)
    if scope:
        prefix = prefix[: -len(scope[0])]  # 在10个试点县开展…: the 在 opens the quote
    elif not _licensed(prefix, before, lex) or any(w in prefix for w in lex.g.status_markers):
        return None
    if _in_condition_list(text, num_start, lex):
        return None  # 具备下列条件之一：…吸纳就业10人以上: an eligibility condition
    g = lex.g
    op = _combine_ops([g.bounds_before.get(before or ""), g.bounds_infix.get(infix or ""),
                       g.bounds_after.get(after or "")])
    if op == "==" and any(v in prefix for v in g.procedure_verbs):
        return None  # 每年集中申报一次: an application schedule, not a quota
    if _not_a_quota(prefix, unit, count, op, lex, text[end:end + 3]):
        return None
    if op in (">=", ">") and (_under_modal(text, prefix, sent_start, num_start, g)
                              or _in_application_frame(text, sent_start, num_start, lex)) \
            and not _has_deadline(text, num_start, g):  # 到2026年须新增…不少于500人: a plan
        return None  # 申请单位须配备2名以上专职人员: what an applicant must have (a condition)
    start = seg_start + len(prefix) - before_len if before else num_start
    if scope:  # the quote runs from 在 to the place word, which is the subject
        return _Cand(start=seg_start + len(prefix), end=scope[1], num_start=num_start, count=count,
                     unit=unit, op=op, seg_start=seg_start, sent_start=sent_start,
                     count_text=m.group(0), scope=True, subject=text[uend:scope[1]].strip(_SPACES))
    nxt = _skip_spaces(text, br.segment_end(end, len(text)) + 1)
    follows = bool(_prefix_word(text[nxt : nxt + 6], lex.words["benefit_openers"]))
    return _Cand(start=start, end=end, num_start=num_start, count=count, unit=unit, op=op,
                 seg_start=seg_start, sent_start=sent_start, count_text=m.group(0),
                 benefit_follows=follows)


@functools.cache
def _pilot_scope_rx(places: tuple[str, ...], verbs: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(
        rf"""
        [^，,。；;：:\n！？!?、]{{0,6}}?(?:{_alternation(places)})  # 试点县 / 县（市、区）
        (?=[ \t\u3000\xa0]*(?:{_alternation(verbs)}))          # … 开展 (not in the quote)
        """,
        regex.VERBOSE,
    )


def _pilot_scope(text: str, prefix: str, uend: int, lex: _Lex) -> tuple[str, int] | None:
    """(preposition, end of the place word) of a count of places a pilot runs in (在10个试点县
    开展…): an exact cap on the pilot places. None unless the clause opens with the preposition,
    the count, a place word and a pilot verb."""
    g = lex.g
    prep = _suffix_word(prefix, tuple(g.pilot_scope_preps))
    if not prep or prefix[: -len(prep)].strip(_SPACES):
        return None
    place = _pilot_scope_rx(tuple(g.pilot_scope_places), tuple(g.pilot_scope_verbs)).match(text, uend)
    return (prep, place.end()) if place else None


def _under_modal(text: str, prefix: str, sent_start: int, pos: int, g: QuotaGazetteer) -> bool:
    """A requirement modal in the count's clause, or in the clauses before it when the clause
    opens with a joining word (助餐点须取得…许可证，且日均供餐不少于50人次: the 须 holds)."""
    if any(w in prefix for w in g.requirement_modals):
        return True
    if not prefix.lstrip(_SPACES).startswith(tuple(g.requirement_joiners)):
        return False
    return any(w in text[sent_start:pos] for w in g.requirement_modals)


def _in_application_frame(text: str, sent_start: int, pos: int, lex: _Lex) -> bool:
    """The sentence (or its semicolon clause) before the count at ``pos`` opens with an
    applicant as subject or with a frame 申报…的，: 申报创新团队的，团队负责人须…，团队成员
    不少于5人 / 申报企业近三年…，研发人员不少于10人 (requirements on the applicant)."""
    lo = max(sent_start, text.rfind("；", sent_start, pos) + 1, text.rfind(";", sent_start, pos) + 1)
    label = _ITEM_LABEL.match(text, lo, pos)
    at = _skip_spaces(text, label.end() if label else lo)
    if _prefix_word(text[at:pos], lex.words["applicant_subjects"]):
        return True  # 申报企业近三年…，研发人员不少于10人: what the applicant must have
    return bool(_application_frame_rx(lex.words["application_frame_verbs"]).match(text, at, pos))


@functools.cache
def _application_frame_rx(verbs: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(
        rf"""
        [ \t\u3000\xa0]*(?:凡是|凡)?           # optional 凡
        (?:{_alternation(verbs)})             # 申报 / 申请 …
        [^，,；;。！？!?\n]{{0,24}}?的[，,]   # … what is applied for, closed by 的，
        """,
        regex.VERBOSE,
    )


def _not_a_quota(prefix: str, unit: str, count: Decimal, op: str, lex: _Lex, after: str = "") -> bool:
    """Counts that are rules or duties rather than quotas:

    - 每两年评选一次 / 每3年复核一次: how often an award or a review is held (an exact
      count of events after an award verb or a review verb), not how many are awarded;
    - 同一证书只能补助一次 / 以1次为限: a once-only rule (an exclusion condition);
    - 每年带徒不少于5人: a duty of a recognised person or body (a condition).
    """
    g = lex.g
    if any(v in prefix for v in g.duty_verbs):
        return True
    if unit not in g.event_units:
        return False
    if count == 1 and (any(w in prefix for w in g.once_only_words)
                       or after.startswith(tuple(g.once_only_suffixes))):
        return True
    if op != "==":
        return False
    last = None
    for last in lex.trigger_rx.finditer(prefix):
        pass
    award = last is not None and lex.triggers[last.group()] == "cap"
    return award or any(v in prefix for v in g.schedule_verbs)


def _unit(text: str, pos: int, chinese: bool, lex: _Lex) -> tuple[str, int] | None:
    if text.startswith(("%", "％"), pos):
        return "%", pos + 1
    return _match_unit(text, pos, chinese, lex)


# --------------------------------------------------------------------------- period, kind, tier


def _year_role(text: str, m: regex.Match, sent_start: int, lex: _Lex) -> str | None:
    """How a calendar year is used: "deadline" (到2025年, 2025年底前, 2024年完成),
    "status" (截至2023年底) or "since" (2019年以来); None for another year."""
    g = lex.g
    pre = text[max(sent_start, m.start() - 4) : m.start()]
    post = text[m.end() : m.end() + 3]
    if any(post.startswith(p) for p in g.retrospective_posts):
        return "since"
    if any(pre.endswith(p) for p in g.status_preps):
        return "status"
    if (
        any(pre.endswith(p) for p in g.deadline_preps)
        or any(post.startswith(p) for p in g.deadline_posts)
        or any(post.startswith(v) for v in g.deadline_verbs)
    ):
        return "deadline"
    return None


def _is_past(role: str, year: int, ref_year: int | None) -> bool:
    """A year that makes its sentence a report of the past, judged against the notice year."""
    if role == "since":
        return True
    if ref_year is not None:
        return year < ref_year or (role == "status" and year == ref_year)
    return role == "status"


def _period(
    text: str, c: _Cand, lex: _Lex, ref_year: int | None
) -> tuple[str | None, int | None, int, bool]:
    """The period word nearest before the count in its sentence:
    (period, deadline, end, past) where ``past`` marks a status report or a past plan."""
    best: tuple[str | None, int | None, int, bool] = (None, None, -1, False)
    s, e = c.sent_start, c.start
    for m in lex.period_rx.finditer(text, s, e, overlapped=False):
        period = lex.g.periods.get(m.group("word"), "plan")
        if m.group("word") in lex.g.occasion_words and best[0] in ("year", "two_years"):
            period = best[0]  # 每两年评选一次，每次不超过30名: each occasion of a two-yearly award
        if m.end() > best[2]:
            best = (period, None, m.end(), False)
    for m in lex.plan_rx.finditer(text, s, e):
        year = lex.g.plan_names[m.group("name")]
        role = "since" if m.group("post") in lex.g.retrospective_posts else "deadline"
        if m.end() > best[2]:
            best = ("plan", year, m.end(), _is_past(role, year, ref_year))
    for m in _YEAR.finditer(text, s, e):
        role = _year_role(text, m, s, lex)
        if m.end() > best[2] and role:
            year = int(m.group("year"))
            best = ("plan", year, m.end(), _is_past(role, year, ref_year))
    for m in _PLAN_SPAN.finditer(text, s, e):
        if m.end() > best[2]:
            best = ("plan", None, m.end(), False)
    return best


def _kind(text: str, c: _Cand, lex: _Lex) -> str:
    """cap: a limit on awards/funded items; target: a goal (and every plan or share)."""
    if c.scope:
        return "cap"  # 在10个试点县开展…: the number of pilot places
    if c.unit == "%" or c.period == "plan":
        return "target"
    if c.op == "<=":
        return "cap"
    if c.unit in lex.g.event_units:
        return "target"  # 每两年评选一次: a count of events
    last = None
    for last in lex.trigger_rx.finditer(text, c.seg_start, c.start):
        pass
    return "cap" if c.op == "==" and last and lex.triggers[last.group()] == "cap" else "target"


# --------------------------------------------------------------------------- subjects


_ARTICLE_LABEL = regex.compile(
    r"""
    ^第[一二三四五六七八九十百零〇\d]{1,4}条[ \t\u3000\xa0]*   # 第六条　opening an article
    """,
    regex.VERBOSE,
)


def _clean_subject(s: str, share: bool, lex: _Lex) -> str | None:
    s = _ARTICLE_LABEL.sub("", s.strip(_QUOTE_CHARS + "、，,的"))
    s = _LOCATIVE.sub("", s)
    changed = True
    while changed and s:
        changed = False
        head = (_prefix_word(s, lex.words["subject_scope_prefixes"])
                or _prefix_word(s, lex.words["periods"])
                or _prefix_word(s, lex.words["plan_verbs"]))  # 计划补贴… -> 补贴…
        if head:
            s, changed = s[len(head) :], True
        tail = _suffix_word(s, lex.words["subject_measure_suffixes"])
        if tail and len(s) > len(tail):
            s, changed = s[: -len(tail)], True
    if share and "占" in s:
        s = s[: s.index("占")]
    s = s.strip(_QUOTE_CHARS + "、，,")
    return s or None


def _has_count(s: str, pos: int, lex: _Lex) -> bool:
    """True when a number followed by a count unit occurs in ``s`` from ``pos``."""
    for m in _NUMBER.finditer(s, pos):
        unit_pos = _skip_spaces(s, m.end())
        if _match_unit(s, unit_pos, bool(m.group("chinese")), lex):
            return True
    return False


def _subject_after(text: str, end: int, br: _Breaks, lex: _Lex) -> str | None:
    """The noun phrase written after the count (培育100名金华大工匠、…)."""
    tail = text[end : br.segment_end(end, len(text))].lstrip(_SPACES + "的")
    if tail.startswith("、"):
        return None  # 不超过3次、累计金额最高6000元: the next item, the subject stands before
    comma = tail.find("、")
    if comma >= 0 and _has_count(tail, comma, lex):
        tail = tail[:comma]
    cuts = [i for w in lex.g.subject_stops if (i := tail.find(w, 1)) > 0]
    if cuts:
        tail = tail[: min(cuts)]
    if "的" in tail:
        tail = tail[tail.rindex("的") + 1 :]
    return _clean_subject(tail, False, lex)


def _subject_before(local: str, c: _Cand, lex: _Lex) -> str | None:
    """The noun phrase written before the count (技能人才总量达到130万人)."""
    s = local.strip(_SPACES + "、，,")
    marker = _prefix_word(s, lex.words["child_markers"])
    if marker:
        s = s[len(marker) :].lstrip(_SPACES + "，,")
    if c.tier and s.startswith(c.tier):
        s = s[len(c.tier) :]
    stripped = s
    while (w := _suffix_word(stripped.rstrip(_SPACES), lex.strip_tail)) is not None:
        stripped = stripped.rstrip(_SPACES)[: -len(w)]
    if stripped == s:
        stripped = _after_trigger(s, lex)
    return _clean_subject(stripped, c.unit == "%", lex)


def _topic(text: str, c: _Cand, lex: _Lex) -> str | None:
    """The topic opening the sentence before its first period word, when short
    (县级乡村工匠每年评选一次，每年评选不超过20名 -> 县级乡村工匠)."""
    m = lex.period_rx.search(text, c.sent_start, c.start)
    if m is None or _SEGMENT_BREAK.search(text, c.sent_start, m.start()):
        return None
    topic = text[c.sent_start : m.start()].strip(_SPACES)
    return _clean_subject(topic, False, lex) if 1 < len(topic) <= 15 else None


def _after_trigger(s: str, lex: _Lex) -> str:
    """The words after the last trigger verb that leaves a noun phrase of 3+ characters:
    建设省级校企联合培养基地 -> 省级校企联合培养基地 (培养 inside a compound noun)."""
    hits = list(lex.trigger_rx.finditer(s))
    for hit in reversed(hits):
        if len(s) - hit.end() >= 3:
            return s[hit.end() :]
    return s[hits[-1].end() :] if hits else s


def _quoted_fallback(text: str, c: _Cand) -> str | None:
    names = [m.group("name") for m in _QUOTED.finditer(text, c.sent_start, c.start)]
    return names[-1] if names else None


# --------------------------------------------------------------------------- linking


def _link_parent(text: str, prev: _Cand | None, c: _Cand, lex: _Lex) -> None:
    """其中 makes a count a part of the one before; later tiers share that parent."""
    if prev is None:
        return
    between = text[prev.end : c.num_start]
    if _child_of(text, prev, c, lex):
        c.parent = prev.parent or prev
    elif c.tier and prev.parent and prev.tier and not _SENTENCE_BREAK.search(between):
        c.parent = prev.parent


def _child_of(text: str, prev: _Cand, c: _Cand, lex: _Lex) -> bool:
    """其中 in the count's own sentence, right after the sentence (or clause) of ``prev``:
    a 其中 further on (其中，具有硕士学历的… three sentences later) belongs to something else."""
    marks = [text.rfind(m, c.sent_start, c.num_start) for m in lex.g.child_markers]
    if max(marks, default=-1) < max(prev.end, c.sent_start):
        return False
    return len(_SENTENCE_BREAK.findall(text, prev.end, c.sent_start)) <= 1


def _link_list(text: str, prev: _Cand | None, c: _Cand) -> None:
    """Counts joined by 、 within one clause form a list (one group)."""
    if prev is None or prev.seg_start != c.seg_start or "、" not in text[prev.end : c.start]:
        return
    if prev.group is None:
        prev.group, prev.group_index = f"list@{prev.start}", 0
    c.group, c.group_index = prev.group, (prev.group_index or 0) + 1


def _inherit(c: _Cand) -> None:
    p = c.parent
    if p is None:
        return
    if c.period is None:
        c.period, c.deadline_year = p.period, p.deadline_year
    if c.subject is None:
        c.subject = p.subject


def _group_tiers(cands: list[_Cand]) -> None:
    index: dict[int, int] = {}
    for c in cands:
        if c.tier and c.parent is not None and c.group is None:
            key = c.parent.start
            c.group, c.group_index = f"tiers@{key}", index.get(key, 0)
            index[key] = c.group_index + 1


def _describe(
    text: str, cands: list[_Cand], br: _Breaks, lex: _Lex, ref_year: int | None
) -> None:
    """Fill tier, period, subject, kind, parents and groups, in text order."""
    prev: _Cand | None = None
    for c in cands:
        tier = lex.tier_rx.match(text, c.seg_start, c.num_start)
        c.tier = tier.group("tier") if tier else None
        c.period, c.deadline_year, _, c.past = _period(text, c, lex, ref_year)
        same_seg = prev is not None and prev.seg_start == c.seg_start
        local = text[prev.end if same_seg else c.seg_start : c.start]
        c.subject = c.subject or _subject_after(text, c.end, br, lex) or _subject_before(local, c, lex)
        _link_parent(text, prev, c, lex)
        _link_list(text, prev, c)
        _inherit(c)
        c.kind = _kind(text, c, lex)
        prev = c
    _group_tiers(cands)
    for c in cands:
        c.subject = c.subject or _quoted_fallback(text, c) or _topic(text, c, lex)


def _to_quota(text: str, c: _Cand) -> Quota:
    return Quota(
        start=c.start, end=c.end, quote=text[c.start : c.end], count=c.count, unit=c.unit,
        op=c.op, period=c.period, deadline_year=c.deadline_year, kind=c.kind,
        subject=c.subject, tier=c.tier, group=c.group, group_index=c.group_index,
    )


# --------------------------------------------------------------------------- public API


def extract_quotas(text: str, ref_year: int | None = None) -> list[Quota]:
    """All quotas and targets in ``text``, in text order.

    ``ref_year`` is the notice's own year (issue date): counts under a plan or a year
    before it (“十三五”期间 in a 2021 notice) report the past and are dropped.
    """
    lex = _lex()
    br: _Breaks | None = None
    cands: list[_Cand] = []
    for m in _NUMBER.finditer(text):
        br = br or _Breaks(text)
        c = _candidate(text, m, br, lex)
        if c is not None:
            cands.append(c)
    if not cands:
        return []
    _describe(text, cands, br, lex, ref_year)
    return [_to_quota(text, c) for c in cands if _keep(c)]


def _keep(c: _Cand) -> bool:
    """Drop bare counts (no bound, period or tier) that are articles or benefit conditions.

    一个/一批/一支 … is an article; 引进1名博士，给予… makes the count a condition.
    """
    if c.past:
        return False  # 截至2023年底…4.2万人 / “十三五”期间…286万人次: a status report
    if c.op != "==" or c.period is not None or c.tier is not None:
        return True
    return not (c.count_text == "一" or c.benefit_follows)


def annotate(doc: Document) -> None:
    """Pipeline stage: fill ``doc.quotas`` from ``doc.text``."""
    meta = doc.metadata
    day = meta.issue_date or meta.effective_from
    doc.quotas = extract_quotas(doc.text, day.year if day else None)
