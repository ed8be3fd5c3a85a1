"""Responsible agencies: who issues, leads, funds, supports and interprets.

Every mention of a government department, party organ, mass organisation,
people's government or development-zone body is found through the gazetteer
``gazetteers/agencies.yaml``, normalised to a canonical name without level
prefix (市人社局 -> 人力资源和社会保障局), given a level read from the prefix
(省/市/区/县/镇/街道/国家 or a region name) and a role read from the words
around it (牵头, 协助, 负责解释, 经…同意, 责任单位：…).

Matching uses one Aho-Corasick automaton (pyahocorasick) built from all
aliases at first use: a single linear scan whatever the number of aliases
(several hundred stem x suffix forms), with leftmost-longest, non-overlapping
matches (``iter_long``), so 人民政府办公室 beats 人民政府 and 人力社保部门 beats
人力社保部. A regex alternation of the same size would backtrack per position.

>>> [(a.quote, a.canonical, a.level, a.role) for a in extract_agencies("由市人社局牵头，区财政局配合。")]
[('市人社局', '人力资源和社会保障局', 'city', 'lead'), ('区财政局', '财政局', 'district', 'support')]
"""

from __future__ import annotations

import bisect
import functools
from typing import Literal

import ahocorasick
import regex
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..data import load, unique
from ..models import Agency, AgencyRole, Document, Level

Category = Literal[
    "government_department", "party_organ", "mass_organisation", "government",
    "development_zone", "other",
]

# --------------------------------------------------------------------------- gazetteer model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Suffix(_Strict):
    canonical: str
    tag: str
    level: Level | None = None
    generic: bool = False
    with_form: str | None = Field(None, description="applies to every family having this form")


class Family(_Strict):
    """A department stem combined with administrative suffixes (人社 + 局)."""

    id: str
    stem: str
    variants: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)
    forms: list[str]
    ban: list[str] = Field(default_factory=list)
    category: Category = "government_department"
    bare: bool = Field(False, description="the stem alone names the body after a prefix: 县财政")
    bare_role: AgencyRole | None = Field(None, description="role of a bare mention with no trigger")


class Body(_Strict):
    """A named body with explicit aliases."""

    id: str
    canonical: str
    category: Category
    level: Level | None = None
    generic: bool = False
    aliases: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)
    prefixed: list[str] = Field(default_factory=list, description="valid only after a prefix")
    alias_levels: dict[str, Level] = Field(default_factory=dict)
    ban: list[str] = Field(default_factory=list)
    list_only: list[str] = Field(
        default_factory=list, description="valid only listed with another body: 工会、共青团")
    subordinate: bool = Field(
        False, description="absorbs a body named right before it: 市总工会经费审查委员会, 市委组织部")
    seat_level: Level | None = Field(
        None, description="a prefixed alias also valid after an unlisted place name, its seat, "
                          "at this level: 汀澜海关")


class PostingFrame(_Strict):
    before: list[str]
    after: list[str]


class DutyFunding(_Strict):
    """X要/应…确保…拨款: a duty whose object is money makes the body a funder."""

    modals: list[str]
    verbs: list[str]
    objects: list[str]
    reach: int = 20


class DataDuty(_Strict):
    """X负责…数据核实 / 提供…统计数据: a duty whose object is data serves another's decision."""

    openers: list[str]
    objects: list[str]
    verbs: list[str]
    role: AgencyRole = "support"
    reach: int = 30


class ContinuedClause(_Strict):
    """X根据…，将…拨付: a basis adverbial closed by a comma keeps X the next clause's subject."""

    openers: list[str]
    next: list[str]
    reach: int = 30


class OrganisedStep(_Strict):
    """X负责组织申报和审核: 负责组织 before a step (not 实施) carries the measure out."""

    opener: str
    role: AgencyRole
    lead_after: list[str]


class Entry(_Strict):
    """One surface form in the expanded alias table."""

    alias: str
    agency_id: str
    canonical: str
    category: Category
    level: Level | None = None
    generic: bool = False
    abbreviation: bool = False
    needs_prefix: bool = False
    ban: tuple[str, ...] = ()
    bare: bool = False
    default_role: AgencyRole | None = None
    list_only: bool = False
    subordinate: bool = False
    seat_level: Level | None = None


class AgencyGazetteer(_Strict):
    suffixes: dict[str, Suffix]
    families: list[Family]
    bodies: list[Body]
    levels: dict[str, Level]
    unnamed_levels: list[str]
    regions: dict[str, Level]
    function_chars: str
    function_words: list[str] = Field(default_factory=list)
    not_agency_after: list[str]
    max_gap: int = 12
    roles: dict[AgencyRole, list[str]]
    qualifiers: list[str]
    posting_frame: PostingFrame
    ellipsis_separators: list[str]
    ellipsis_tails: list[str]
    pairs: dict[str, tuple[AgencyRole, AgencyRole]]
    pair_modals: list[str]
    list_labels: dict[str, AgencyRole]
    lead_markers: list[str]
    distributive: list[str] = Field(default_factory=list)
    role_before: dict[AgencyRole, list[str]] = Field(default_factory=dict)
    role_fallback: dict[AgencyRole, list[str]] = Field(default_factory=dict)
    temporal_open: list[str] = Field(default_factory=list)
    temporal_close: list[str] = Field(default_factory=list)
    pair_shared_openers: list[str] = Field(default_factory=list)
    bare_forms: dict[Literal["national", "province", "local", "generic"], str] = Field(
        default_factory=dict)
    bare_generic_qualifiers: list[str] = Field(default_factory=list)
    bare_before: list[str] = Field(default_factory=list)
    bare_followers: list[str] = Field(default_factory=list)
    multi_level_qualifiers: list[str] = Field(default_factory=list)
    list_entry_suffixes: list[str] = Field(default_factory=list)
    fallback_blockers: list[str] = Field(default_factory=list)
    pair_shared_roles: list[AgencyRole] = Field(default_factory=list)
    pair_joint_openers: list[str] = Field(default_factory=list)
    pair_approval_frames: list[str] = Field(default_factory=list)
    remit_openers: list[str] = Field(default_factory=list)
    preliminary_triggers: list[str] = Field(default_factory=list)
    forwarding_words: list[str] = Field(default_factory=list)
    issuer_verbs: list[str] = Field(default_factory=list)
    printing_offices: list[str] = Field(default_factory=list)
    title_endings: list[str] = Field(default_factory=list)
    same_level: list[str] = Field(default_factory=list)
    group_suffixes: list[str] = Field(default_factory=list)
    group_not_before: list[str] = Field(default_factory=list)
    committee_body: str | None = None
    committee_parents: list[str] = Field(default_factory=list)
    guarded_triggers: list[str] = Field(default_factory=list)
    recipient_frames: list[str] = Field(default_factory=list)
    actor_frames: list[str] = Field(default_factory=list)
    short_reach: list[str] = Field(default_factory=list)
    short_reach_gap: int = 4
    delegated_frames: list[str] = Field(default_factory=list)
    delegated_reach: int = 12
    delegated_roles: dict[AgencyRole, AgencyRole] = Field(default_factory=dict)
    delegated_fallback: dict[AgencyRole, list[str]] = Field(default_factory=dict)
    data_duty: DataDuty | None = None
    continued_clause: ContinuedClause | None = None
    standard_open: list[str] = Field(default_factory=list)
    standard_close: list[str] = Field(default_factory=list)
    standard_reach: int = 16
    branches: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="parent id -> {branch suffix: canonical}")
    branch_levels: dict[str, Level] = Field(
        default_factory=dict, description="branch suffix -> level when no level token is named")
    nominal_after: list[str] = Field(default_factory=list)
    penalty_open: list[str] = Field(default_factory=list)
    penalty_close: list[str] = Field(default_factory=list)
    organised_step: OrganisedStep | None = None
    tight_triggers: list[str] = Field(default_factory=list)
    tight_gaps: list[str] = Field(default_factory=list)
    definition_markers: list[str] = Field(default_factory=list)
    duty_funding: DutyFunding | None = None
    bare_budget_followers: list[str] = Field(default_factory=list)
    seat_frames: list[str] = Field(default_factory=list)
    supervision_objects: list[str] = Field(default_factory=list)
    pair_own_duties: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> "AgencyGazetteer":
        ids = [f.id for f in self.families] + [b.id for b in self.bodies]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate ids: {dupes}")
        for name, words in self._word_lists():
            unique(words, f"{name} word")
        self.entries()  # raises on an alias claimed by two bodies or an unknown suffix
        return self

    def _word_lists(self) -> list[tuple[str, list[str]]]:
        """Every word list of the file (role triggers per role included), by field name."""
        out = [(f"roles.{r}", list(w)) for r, w in self.roles.items()]
        out += [(f"role_before.{r}", list(w)) for r, w in self.role_before.items()]
        out += [(f"role_fallback.{r}", list(w)) for r, w in self.role_fallback.items()]
        out += [(f"delegated_fallback.{r}", list(w)) for r, w in self.delegated_fallback.items()]
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                out.append((name, value))
        return out

    def entries(self) -> dict[str, Entry]:
        """alias -> Entry; an alias claimed by two different ids is an error."""
        table: dict[str, Entry] = {}
        for entry in [*self._family_entries(), *self._body_entries()]:
            old = table.get(entry.alias)
            if old is not None and old.agency_id != entry.agency_id:
                raise ValueError(
                    f"alias {entry.alias!r} claimed by {old.agency_id} and {entry.agency_id}"
                )
            table.setdefault(entry.alias, entry)
        return table

    def stem_entries(self) -> dict[str, Entry]:
        """stem -> the generic 部门 entry of its family (for 经信、教育、财政等部门)."""
        table = self.entries()
        out = {}
        for fam in self.families:
            generic = [f for f in fam.forms if self.suffixes[f].generic]
            for stem in (fam.stem, *fam.variants, *fam.abbreviations):
                if generic:
                    out[stem] = table[stem + generic[0]]
        return out

    def _family_entries(self) -> list[Entry]:
        out = []
        for fam in self.families:
            stems = [(s, False) for s in (fam.stem, *fam.variants)]
            stems += [(s, True) for s in fam.abbreviations]
            out += self._bare_entries(fam)
            for form in self._forms(fam):
                suf = self.suffixes[form]
                for stem, abbr in stems:
                    out.append(Entry(
                        alias=stem + form, agency_id=f"{fam.id}.{suf.tag}",
                        canonical=fam.stem + suf.canonical, category=fam.category,
                        level=suf.level, generic=suf.generic, abbreviation=abbr,
                        ban=tuple(fam.ban),
                    ))
        return out

    def _bare_entries(self, fam: Family) -> list[Entry]:
        """县财政: the stem alone, resolved to a form by level at match time."""
        if not fam.bare:
            return []
        missing = [f for f in self.bare_forms.values() if f not in self._forms(fam)]
        if missing:
            raise ValueError(f"{fam.id}: bare stem needs forms {missing}")
        return [
            Entry(alias=stem, agency_id=f"{fam.id}.bare", canonical=fam.stem,
                  category=fam.category, needs_prefix=True, bare=True,
                  default_role=fam.bare_role, ban=tuple(fam.ban))
            for stem in (fam.stem, *fam.variants)
        ]

    def _forms(self, fam: Family) -> list[str]:
        for form in fam.forms:
            if form not in self.suffixes:
                raise ValueError(f"{fam.id}: unknown suffix {form!r}")
        extra = [k for k, v in self.suffixes.items() if v.with_form in fam.forms]
        return [*fam.forms, *extra]

    def _body_entries(self) -> list[Entry]:
        out = []
        for body in self.bodies:
            forms = [(a, False, False) for a in body.aliases]
            forms += [(a, True, False) for a in body.abbreviations]
            forms += [(a, False, True) for a in body.prefixed]
            forms += [(a, True, False) for a in body.list_only]
            for alias, abbr, needs_prefix in forms:
                out.append(Entry(
                    alias=alias, agency_id=body.id, canonical=body.canonical,
                    category=body.category, level=body.alias_levels.get(alias, body.level),
                    generic=body.generic, abbreviation=abbr, needs_prefix=needs_prefix,
                    ban=tuple(body.ban), list_only=alias in body.list_only,
                    subordinate=body.subordinate, seat_level=body.seat_level if needs_prefix else None,
                ))
        return out


def gazetteer() -> AgencyGazetteer:
    return load("agencies.yaml", AgencyGazetteer)


# --------------------------------------------------------------------------- fixed patterns

_TITLE = regex.compile(
    r"""
    《 [^《》\n]{1,200} 》          # a cited document title (its issuers are not agencies here)
    """,
    regex.VERBOSE,
)
_DOC_NUMBER = regex.compile(
    r"""
    [〔\[［(（【] \s* \d{4} \s* [〕\]］)）】]  # the year in brackets of a 文号
    \s* 第? \s* \d{1,4} \s* 号      # the serial number
    """,
    regex.VERBOSE,
)
_DOC_NUMBER_HEAD = regex.compile(
    r"""
    \p{Han}{1,10} \Z                 # issuer abbreviation + kind before the year: 人社部发
    """,
    regex.VERBOSE,
)
_LIST_END_PLAIN = regex.compile(
    r"""
    [。；;\n]                           # an unbracketed list runs to the end of its sentence
    """,
    regex.VERBOSE,
)
_LIST_SEPARATOR = regex.compile(
    r"""
    ^ [\s、和及与或]* $                # only list punctuation between two entries (A或B复核)
    """,
    regex.VERBOSE,
)
_ISSUER_LINE_REST = regex.compile(
    r"""
    ^ [\s、]*                           # separators between issuers on a header/signature line
    (?: \d{4} \s* 年 \s* \d{1,2} \s* 月 \s* \d{1,2} \s* 日 \s* (?:印发|发布)? )?  # a date
    [\s、]* $                           # nothing else on the line
    """,
    regex.VERBOSE,
)
_TITLE_START = regex.compile(
    r"""
    关于                               # 「X市人民政府关于…的通知」: the title names its issuer
    """,
    regex.VERBOSE,
)
_HAN = regex.compile(
    r"""
    \p{Han}                            # one Chinese character
    """,
    regex.VERBOSE,
)
_NAME_BOUNDARY = regex.compile(
    r"""
    [\s、：:（(　]                       # line / list start before a place name
    """,
    regex.VERBOSE,
)
_CHAIN_SEPARATOR = regex.compile(
    r"""
    ^ [\s、，,和及与]* $                # only separators between two entries of a list
    """,
    regex.VERBOSE,
)
_CHAIN_FILLER = regex.compile(
    r"""
    [\s、，,和及与]                     # separators left between covered entries
    """,
    regex.VERBOSE,
)
_LIST_SEGMENT = regex.compile(
    r"""
    [^、，,；;\s]+                       # one entry of a responsibility list
    """,
    regex.VERBOSE,
)
_UNLISTED_NAME = regex.compile(
    r"""
    [\p{Han}（）()]{3,24}               # Chinese only (brackets allowed: 县（市）…)
    """,
    regex.VERBOSE,
)
_BARE_END = regex.compile(
    r"""
    [，。；;,：:！？!?\n）)]|\Z            # clause punctuation right after a bare stem (县财政。)
    """,
    regex.VERBOSE,
)
_SESSION = regex.compile(
    r"""
    第 [一二三四五六七八九十百零〇\d]{1,4} 届   # a session between a body and its organ: 第十五届
    """,
    regex.VERBOSE,
)
_SENTENCE_STOP = regex.compile(
    r"""
    [，,。；;！？!?\n]                   # the end of a clause: an approval chain stops there
    """,
    regex.VERBOSE,
)
_TITLE_LINE_BREAK = regex.compile(
    r"""
    [，。；;：:,、！？!?《》]            # sentence or list punctuation: the line is no bare title
    """,
    regex.VERBOSE,
)
_LIST_JOIN = regex.compile(
    r"""
    ^ [\s；;，,。]*                     # the separator closing the list before …
    [^\s；;，,。:：（()）]{2,6}          # … then the next label (责任单位)
    \s* [:：] $                        # … and its colon
    """,
    regex.VERBOSE,
)
_OPEN, _CLOSE = ("（", "("), ("）", ")")
"""Brackets around a body's second name: 市委组织部（市人才办）."""
_CLAUSE_STOP = r"，。；;,：:！？!?\n"
"""Punctuation that ends the span a role trigger may reach over (structure, not vocabulary)."""
_CLAUSE_END = regex.compile(rf"[{_CLAUSE_STOP}]")
_SENTENCE_END = regex.compile(r"[。；;！？!?\n]")
_RATIO_COLON = regex.compile(
    r"""
    (?<=\d) [:：] (?=\d)              # the colon of a ratio (按7:3比例承担) ends no clause
    """,
    regex.VERBOSE,
)


# --------------------------------------------------------------------------- compiled from data


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for alias, entry in sorted(_entries().items()):
        auto.add_word(alias, entry)
    auto.make_automaton()
    return auto


@functools.cache
def _entries() -> dict[str, Entry]:
    return gazetteer().entries()


@functools.cache
def _stems() -> dict[str, Entry]:
    return gazetteer().stem_entries()


def _trigger_pattern(trigger: str) -> str:
    return "…".join(regex.escape(p) for p in trigger.split("…")).replace(
        "…", rf"[^{_CLAUSE_STOP}]{{0,12}}?"
    )


@functools.cache
def _role_regex(max_gap: int | None = None) -> regex.Pattern:
    gaz = gazetteer()
    max_gap = gaz.max_gap if max_gap is None else max_gap
    gap = rf"[^{_CLAUSE_STOP}]{{0,{max_gap}}}?"
    adverbial = rf"""
        | [^{_CLAUSE_STOP}]{{0,4}}?              # 应当 …
        (?:{_alternation(gaz.temporal_open)})   # … 在 …
        [^{_CLAUSE_STOP}]{{1,24}}?               # … 收到初审意见后10个工作日 …
        (?:{_alternation(gaz.temporal_close)})  # … 内: a time adverbial does not count
        {gap}                                   # then the usual short gap
    """ if max_gap and gaz.temporal_open else ""
    return regex.compile(
        rf"""
        (?: {gap}                               # a short gap inside the clause (lazy: earliest)
        {adverbial} )
        (?:{_role_groups(gaz.roles)})           # one named group per role
        """,
        regex.VERBOSE,
    )


def _role_groups(roles: dict[str, list[str]]) -> str:
    return "|".join(
        f"(?P<{role}>{'|'.join(_trigger_pattern(t) for t in triggers)})"
        for role, triggers in roles.items() if triggers
    )


@functools.cache
def _fallback_regex() -> regex.Pattern | None:
    roles = gazetteer().role_fallback
    return regex.compile(
        rf"""
        [^{_CLAUSE_STOP}、]{{0,2}}?             # right after the mention (具体负责, 应当)
        (?:{_role_groups(roles)})               # 负责 / 应当: a duty without a known verb
        """,
        regex.VERBOSE,
    ) if roles else None


@functools.cache
def _delegated_fallback_regex() -> regex.Pattern | None:
    roles = gazetteer().delegated_fallback
    return regex.compile(
        rf"""
        (?:{_role_groups(roles)})               # 由X 统一…: an adverb of manner opening X's act
        """,
        regex.VERBOSE,
    ) if roles else None


@functools.cache
def _data_duty_regex() -> regex.Pattern | None:
    duty = gazetteer().data_duty
    if duty is None:
        return None
    objects, verbs = _alternation(duty.objects), _alternation(duty.verbs)
    return regex.compile(
        rf"""
        [^{_CLAUSE_STOP}、]{{0,2}}?              # right after the mention
        (?:{_alternation(duty.openers)})        # a duty opener: 负责
        [^{_CLAUSE_STOP}]{{0,{duty.reach}}}?     # within its clause …
        (?: (?:{objects}) [^{_CLAUSE_STOP}]{{0,{duty.reach}}}? (?:{verbs})  # … 数据 … 核实
          | (?:{verbs}) [^{_CLAUSE_STOP}]{{0,{duty.reach}}}? (?:{objects})  # … 提供 … 数据
        )
        """,
        regex.VERBOSE,
    )


@functools.cache
def _standard_regex(close: tuple[str, ...] | None = None) -> regex.Pattern | None:
    gaz = gazetteer()
    close = tuple(gaz.standard_close) if close is None else close
    if not close:
        return None
    return regex.compile(
        rf"""
        [^{_CLAUSE_STOP}]{{0,{gaz.standard_reach}}}?   # 加计扣除口径 / 重大行政 …
        (?:{_alternation(close)})                      # … 为准 / 处罚
        """,
        regex.VERBOSE,
    )


@functools.cache
def _before_regex() -> regex.Pattern | None:
    roles = gazetteer().role_before
    return regex.compile(
        rf"""
        (?:{_role_groups(roles)})               # 具体…由 / 资金由 …
        \s* \Z                                  # … right before the mention
        """,
        regex.VERBOSE,
    ) if roles else None


@functools.cache
def _remit_regex() -> regex.Pattern | None:
    words = gazetteer().remit_openers
    return regex.compile(
        rf"""
        (?:{_alternation(words)})               # 负责 …
        [^{_CLAUSE_STOP}]*                      # … the object of the remit: 租房补贴 …
        的                                      # … closed by 的 …
        [^{_CLAUSE_STOP}的]{{0,4}}              # … and a short modifier (招聘) …
        \Z                                     # … right before the trigger
        """,
        regex.VERBOSE,
    ) if words else None


@functools.cache
def _duty_funding_regex() -> regex.Pattern | None:
    duty = gazetteer().duty_funding
    return regex.compile(
        rf"""
        [^{_CLAUSE_STOP}、]{{0,2}}?              # right after the mention (各设区市人民政府 应)
        (?:{_alternation(duty.modals)})         # a duty modal: 要 / 应
        [^。；;！？!?\n]{{0,{duty.reach}}}?      # the duty, within the sentence (…实际，)
        (?:{_alternation(duty.verbs)})          # a guarantee verb: 确保 / 统筹 / 保障
        [^。；;！？!?\n]{{0,{duty.reach}}}?      # its object's modifiers (所属…年生均财政)
        (?:{_alternation(duty.objects)})        # … money: 拨款 / 经费 / 资金
        """,
        regex.VERBOSE,
    ) if duty else None


@functools.cache
def _not_agency_regex() -> regex.Pattern:
    words = sorted(gazetteer().not_agency_after, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in words))


@functools.cache
def _list_label_regex() -> regex.Pattern:
    return regex.compile(
        rf"""
        (?P<open>[(（]\s*)?                              # bracket style: (责任单位：…)
        (?P<label>{_alternation(gazetteer().list_labels)})  # 责任单位 / 牵头单位 / 配合单位
        \s* [:：]                                        # the colon opening the list
        """,
        regex.VERBOSE,
    )


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@functools.cache
def _ellipsis_regex() -> regex.Pattern:
    gaz = gazetteer()
    stem = f"(?:{_alternation(_stems())})"
    sep = f"(?:{_alternation(gaz.ellipsis_separators)})"
    tail = f"(?:{_alternation(gaz.ellipsis_tails)})"
    return regex.compile(
        rf"""
        (?P<chain>{stem}(?:{sep}{stem})*)   # department stems joined by 、/和: 经信、教育、财政
        {tail}                              # closed by 等部门 (or the last stem's own 部门)
        """,
        regex.VERBOSE,
    )


@functools.cache
def _posting_regexes() -> tuple[regex.Pattern, regex.Pattern]:
    frame = gazetteer().posting_frame
    before = regex.compile(
        rf"""
        (?:{_alternation(frame.before)})   # 到 …
        [^{_CLAUSE_STOP}、]{{0,6}}          # … a short modifier: 市县两级
        \Z                                 # … right before the listed bodies
        """,
        regex.VERBOSE,
    )
    after = regex.compile(
        rf"""
        [^{_CLAUSE_STOP}]{{0,15}}?          # 等群团组织 …
        (?:{_alternation(frame.after)})     # … 挂职 / 兼职
        """,
        regex.VERBOSE,
    )
    return before, after


@functools.cache
def _pair_regex() -> regex.Pattern:
    gaz = gazetteer()
    return regex.compile(
        rf"""
        (?:{_alternation(gaz.pair_modals)})?   # X 要 …
        (?P<word>{_alternation(gaz.pairs)})    # … 会同 Y
        (?:{_alternation(gaz.same_level)})?    # … 会同同级财政、人社部门: 同级 before the partners
        """,
        regex.VERBOSE,
    )


@functools.cache
def _group_regex() -> regex.Pattern:
    return regex.compile(
        rf"""
        (?:{_alternation(gazetteer().group_suffixes)})   # 领导小组 / 联席会议 closing a topic
        """,
        regex.VERBOSE,
    )


@functools.cache
def _stem_regex() -> regex.Pattern:
    return regex.compile(_alternation(_stems()))


@functools.cache
def _level_tokens() -> dict[str, tuple[str, ...]]:
    return _by_last_char(gazetteer().levels)


@functools.cache
def _region_names() -> dict[str, tuple[str, ...]]:
    return _by_last_char(gazetteer().regions)


# --------------------------------------------------------------------------- mentions


def extract_agencies(text: str, default_level: str | None = None) -> list[Agency]:
    """All agency mentions in ``text`` with canonical name, level and role."""
    definitions = _definitions(text)
    excluded = _excluded_spans(text, [(lo, hi) for lo, hi, _ in definitions])
    found = _with_branches(text, _named_mentions(text, excluded, default_level))
    found += _defined_mentions(text, found, definitions, excluded)
    found.sort(key=lambda f: (f[0], f[1]))
    found += _elliptic_mentions(text, excluded, found, default_level)
    found.sort(key=lambda f: (f[0], f[1]))
    found += _list_entry_mentions(text, found, excluded, default_level)
    found.sort(key=lambda f: (f[0], f[1]))
    found += _group_mentions(text, excluded, found)
    found.sort(key=lambda f: (f[0], f[1]))
    found = _drop_unlisted(text, _drop_posted(text, found))
    found = _with_second_names(text, _drop_standards(text, found))
    found = _with_sentence_levels(text, found, default_level)
    role_text, shift = _without_spans(_RATIO_COLON.sub("∶", text),  # 按7:3比例: no clause stop
                                      [(lo, hi) for lo, hi, _ in definitions])
    roles = _assign_roles(role_text, [(shift(s), shift(e)) for s, e, _, _ in found])
    return [
        Agency(
            start=s, end=e, quote=text[s:e], canonical=entry.canonical,
            agency_id=entry.agency_id or None, category=entry.category, level=level,
            role=entry.default_role if role == "mention" and entry.default_role else role,
            generic=entry.generic,
        )
        for (s, e, entry, level), role in zip(found, roles)
    ]


_Found = tuple[int, int, Entry, Level | None]
"""(start, end, gazetteer entry, level) of one mention before its role is known."""


@functools.cache
def _definition_regex() -> regex.Pattern | None:
    markers = gazetteer().definition_markers
    return regex.compile(
        rf"""
        [（(] \s*                              # a bracket right after a name …
        (?:{_alternation(markers)}) \s*        # … 以下简称 …
        [“"「『]? (?P<short>\p{{Han}}{{2,16}}) [”"」』]?  # … the short name, maybe quoted …
        \s* [）)]                              # … and the closing bracket
        """,
        regex.VERBOSE,
    ) if markers else None


def _definitions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, short name) of every 「（以下简称X）」 bracket, in text order."""
    rx = _definition_regex()
    return [(m.start(), m.end(), m.group("short")) for m in rx.finditer(text)] if rx else []


def _defined_mentions(text: str, found: list[_Found], definitions, excluded) -> list[_Found]:
    """由县文化广电旅游体育局（以下简称县文体局）…，县文体局负责…: a short name defined in brackets
    right after a body names that body (its canonical name and level) wherever it is used later."""
    spans = sorted((s, e) for s, e, _, _ in found)
    ends = {f[1]: f for f in found}
    out: list[_Found] = []
    for lo, hi, short in definitions:
        body = ends.get(lo)
        if body is None:
            continue  # 企业（以下简称“企业”）: not a body's short name
        entry = body[2].model_copy(update={"alias": short, "level": body[2].level or body[3]})
        pos = text.find(short, hi)
        while pos >= 0:
            end = pos + len(short)
            if not _overlaps(pos, end, spans) and not _in_spans(pos, excluded):
                out.append((pos, end, entry, body[3]))
            pos = text.find(short, end)
    return out


def _without_spans(text: str, spans: list[tuple[int, int]]):
    """``text`` with the sorted, disjoint ``spans`` cut out (the definition brackets, which
    stand between a body and its verb: X（以下简称Y）会同Z…), and the map of an offset
    outside them into the cut text."""
    if not spans:
        return text, lambda pos: pos
    starts = [lo for lo, _ in spans]
    cut = [0]
    for lo, hi in spans:
        cut.append(cut[-1] + hi - lo)
    kept = "".join(text[a:b] for a, b in zip([0, *[hi for _, hi in spans]], [*starts, len(text)]))

    def shift(pos: int) -> int:  # a mention never starts or ends inside a cut span
        return pos - cut[bisect.bisect_left(starts, pos)]  # minus the spans starting before it

    return kept, shift


def _named_mentions(text: str, excluded, default_level) -> list[_Found]:
    found: list[_Found] = []
    floor = 0  # end of the previous mention: 国家税务总局湛江市税务局
    listed: tuple[int, Level | None] | None = None  # (end, level) of a prefixed mention
    for last, entry in _automaton().iter_long(text):
        start, end = last + 1 - len(entry.alias), last + 1
        if _in_spans(start, excluded) or _banned(text, start, end, entry):
            continue
        hit = (_bare_mention(text, start, end, entry, floor, default_level,
                             found[-1][3] if found else default_level) if entry.bare
               else _mention(text, start, end, entry, floor, default_level, listed))
        if hit is None:
            continue
        item = _same_level(text, hit[0], found, floor)
        if entry.subordinate and found and _is_parent(text, found[-1], item[0]):
            parent = found.pop()  # 市总工会经费审查委员会, 市委组织部: one body, the organ
            floor = found[-1][1] if found else 0
            own = _mention(text, start, end, entry, floor, default_level, None)
            lead = min(parent[0], own[0][0]) if own else parent[0]  # 中共云溪市委组织部
            item = (lead, item[1], item[2], parent[3])
        elif _is_committee_of(text, found, entry):
            parent = found.pop()  # 共青团岭东省委: the league's committee, not the party's
            item = (parent[0], item[1], parent[2], item[3])
        found.append(item)
        listed = (end, item[3]) if hit[1] else None
        floor = end
    return found


@functools.cache
def _branch_regex() -> regex.Pattern:
    gaz = gazetteer()
    suffixes = {k for table in gaz.branches.values() for k in table}
    return regex.compile(
        rf"""
        (?P<place>\p{{Han}}{{0,6}}?)                   # the branch's place name: 青崖 …
        (?P<level>{_alternation(gaz.levels)})?        # … its level: 市 / 省 (琮南监管局: none) …
        (?P<suffix>{_alternation(suffixes)})          # … and the branch: 税务局 / 中心支行
        """,
        regex.VERBOSE,
    )


def _with_branches(text: str, found: list[_Found]) -> list[_Found]:
    """国家税务总局青崖市税务局, 人民银行东川省分行: a vertically managed body and its local
    branch are one mention, with the branch's canonical name and level."""
    branches = gazetteer().branches
    out: list[_Found] = []
    for item in found:
        table = branches.get(item[2].agency_id)
        match = _branch_regex().match(text, item[1]) if table else None
        if match is None or match.group("suffix") not in table:
            out.append(item)
            continue
        suffix, token = match.group("suffix"), match.group("level")
        if token is None and (suffix not in gazetteer().branch_levels or len(match.group("place")) < 2
                              or any(c in gazetteer().function_chars for c in match.group("place"))):
            out.append(item)  # no level named: only a suffix that names one, after a place name
            continue
        canonical = table[suffix]
        entry = _entries().get(canonical) or item[2].model_copy(
            update={"alias": canonical, "canonical": canonical,
                    "agency_id": f"{item[2].agency_id}.branch"})
        level = gazetteer().levels[token] if token else gazetteer().branch_levels[suffix]
        out.append((item[0], match.end(), entry, level))
    return _drop_covered(out)


def _drop_covered(found: list[_Found]) -> list[_Found]:
    """Drop mentions starting inside the mention before them (sorted by start)."""
    out: list[_Found] = []
    for item in found:
        if out and item[0] < out[-1][1]:
            continue
        out.append(item)
    return out


def _is_committee_of(text: str, found: list[_Found], entry: Entry) -> bool:
    """Is a 省委/市委 short form the committee of the body named just before it, a place
    name apart (共青团岭东省委)?"""
    gaz = gazetteer()
    if not found or entry.agency_id != gaz.committee_body or not entry.abbreviation:
        return False
    parent = found[-1]
    gap = text[parent[1] : parent[1] + 5]
    start = text.find(entry.alias, parent[1], parent[1] + 5 + len(entry.alias))
    gap = text[parent[1] : start] if start >= 0 else gap
    return (start >= 0 and parent[2].agency_id in gaz.committee_parents
            and all(_HAN.fullmatch(c) and c not in gaz.function_chars for c in gap))


def _is_parent(text: str, parent: _Found, start: int) -> bool:
    """Does ``parent`` end right before an organ starting at ``start`` (市总工会第十五届…)?"""
    gap = text[parent[1] : start]
    return not gap or _SESSION.fullmatch(gap) is not None


def _same_level(text: str, item: _Found, found: list[_Found], floor: int) -> _Found:
    """X会同同级财政部门: the body has the level of the body named before it."""
    words = gazetteer().same_level
    if not found or not words:
        return item
    start = item[0]
    word = next((w for w in words if text.startswith(w, start)), None)
    if word is None:
        word = _word_before(text, start, words, floor)
        start = start - len(word) if word else start
    return (start, item[1], item[2], found[-1][3]) if word else item


def _mention(text, start, end, entry, floor, default_level, listed):
    """(found, has its own level prefix) for a gazetteer alias at ``[start, end)``."""
    pstart, level = _prefix(text, start, entry, floor)
    pstart = max(pstart, floor)  # mentions never overlap
    if entry.needs_prefix and pstart == start:
        seat = _seat_start(text, start, floor) if entry.seat_level else None
        if seat is not None:
            pstart, level = seat, entry.seat_level
        else:
            pstart = _bare_start(text, start, end, floor)
            if pstart is None:
                return None
    multi = _word_before(text, start, gazetteer().multi_level_qualifiers, floor)
    if multi and level is None and not entry.level:  # 各级人社部门: every level at once
        return (min(pstart, start - len(multi)), end, entry, None), False
    if pstart < start:
        pstart = _with_distributive(text, pstart, floor)
    elif listed and not entry.level and _LIST_SEPARATOR.match(text[listed[0] : start]):
        level = listed[1]  # 各县（市、区）人社局、财政局: the list shares the prefix
    own = level is not None
    return (pstart, end, entry, entry.level or level or default_level), own


def _bare_mention(text, start, end, entry, floor, default_level, previous_level=None):
    """县财政 / 省级财政 / 各级财政 / 由财政: a bare stem after a prefix, resolved by level;
    同级财政 has the level of the body named before it (``previous_level``)."""
    gaz = gazetteer()
    budget = any(text.startswith(w, end) for w in gaz.bare_budget_followers)
    if not (_BARE_END.match(text, end) or budget
            or any(text.startswith(w, end) for w in gaz.bare_followers)):
        return None  # 财政资金, 区财政人才专项资金: a compound noun, not the body
    pstart, level = _prefix(text, start, entry, floor)
    pstart, form = max(pstart, floor), None
    same = None if budget or pstart < start else _word_before(text, start, gaz.same_level, floor)
    if not same and _ellipsis_regex().match(text, start):
        return None  # 财政、人社等部门: an elliptic list, read by _elliptic_mentions
    if budget and pstart == start:
        return None  # 同级财政预算 / 本级财政预算: a budget, no level of its own named
    if same:
        pstart, level = start - len(same), previous_level
    elif pstart == start:
        word = _word_before(text, start, [*gaz.bare_generic_qualifiers, *gaz.bare_before], floor)
        if word is None:
            return None
        if word in gaz.bare_generic_qualifiers:
            pstart, form = start - len(word), "generic"
        level = default_level
    if form is None:
        form = level if level in ("national", "province") else "local"
    resolved = _entries()[entry.alias + gaz.bare_forms[form]]
    resolved = resolved.model_copy(update={"default_role": entry.default_role})
    own = pstart < start and form != "generic"  # 同级财政、人社部门: the list shares the level
    return (pstart, end, resolved, None if form == "generic" else level), own


def _word_before(text: str, pos: int, words, floor: int = 0) -> str | None:
    """The longest of ``words`` ending right at ``pos`` (not reaching before ``floor``)."""
    for word in sorted(words, key=len, reverse=True):
        if pos - len(word) >= floor and text.startswith(word, pos - len(word)):
            return word
    return None


def _with_distributive(text: str, pos: int, floor: int) -> int:
    """各 before a level prefix belongs to the mention: 各县（市、区）人社部门."""
    word = _word_before(text, pos, gazetteer().distributive, floor)
    return pos - len(word) if word else pos


def _seat_start(text: str, start: int, floor: int) -> int | None:
    """Start of the seat's place name (2-4 Han characters) before a body named after it
    (汀澜海关): the name must open a line, a list entry or a bracket, or follow a frame word
    (由黄埔海关负责, 向拱北海关申报), so that 近两年内无海关 reads no name."""
    stops = gazetteer().function_chars
    frames = gazetteer().seat_frames
    for size in (2, 3, 4):
        before = start - size
        name = text[max(0, before) : start]
        if before < floor or not all(_HAN.fullmatch(c) and c not in stops for c in name):
            return None
        if before == 0 or _NAME_BOUNDARY.match(text, before - 1) or _word_before(text, before, frames, floor):
            return before
    return None


def _bare_start(text: str, start: int, end: int, floor: int) -> int | None:
    """A prefix-only alias (政府) without level: after 各级/所在地, or acting (政府牵头)."""
    for word in gazetteer().qualifiers:
        if start - len(word) >= floor and text.startswith(word, start - len(word)):
            return start - len(word)
    if floor and _LIST_SEPARATOR.match(text[floor:start]) and start - floor <= 1:
        return start  # 各级党委和政府: the qualifier spreads over the list
    return start if _acts_right_after(text, end) else None


def _acts_right_after(text: str, end: int) -> bool:
    """A trigger right after the alias (政府牵头); a short-reach verb also builds nouns
    (政府评选奖励制度), so it does not count."""
    match = _role_regex(0).match(text, end)
    return match is not None and not any(
        match.group(match.lastgroup).startswith(w) for w in gazetteer().short_reach)


def _with_sentence_levels(text: str, found: list[_Found], default_level) -> list[_Found]:
    """各县（市、区）人社部门牵头…，财政部门做好资金保障，税务部门…: a body named without any
    prefix or qualifier takes the level of the body named before it in the same sentence
    (the division of labour is at that level), not the notice's own."""
    out: list[_Found] = []
    for item in found:
        start, end, entry, level = item
        if (out and not entry.level and level == default_level
                and start == end - len(entry.alias)
                and not _word_before(text, start, gazetteer().qualifiers)  # 各产业工会: its own
                and out[-1][3] not in (None, default_level)
                and not _SENTENCE_END.search(text, out[-1][1], start)):
            item = (start, end, entry, out[-1][3])
        out.append(item)
    return out


def _drop_standards(text: str, found: list[_Found]) -> list[_Found]:
    """以税务部门加计扣除口径为准: a body named as the yardstick of a figure does not act;
    近三年未受到金融监管部门重大行政处罚: nor does the body of a penalty in an applicant's record."""
    gaz = gazetteer()
    for words, close in ((gaz.standard_open, None), (gaz.penalty_open, tuple(gaz.penalty_close))):
        rx = _standard_regex(close)
        if rx is not None and words:
            found = [f for f in found
                     if not (_word_before(text, f[0], words) and rx.match(text, f[1]))]
    return found


def _with_second_names(text: str, found: list[_Found]) -> list[_Found]:
    """市场监督管理局（知识产权局）, 市委组织部（市人才办）: a body's second name alone in brackets
    right after it names the same body (one office, two plates): one mention, the first name's
    canonical and level, its quote running to the closing bracket."""
    out: list[_Found] = []
    for item in found:
        if out and _bracketed_alias(text, out[-1][1], (item[0], item[1])):
            first = out.pop()
            out.append((first[0], item[1] + 1, first[2], first[3]))
            continue
        out.append(item)
    return out


def _drop_unlisted(text: str, found: list[_Found]) -> list[_Found]:
    """工会 alone names the union only after a level prefix (县工会) or listed with another
    body (工会、共青团、妇联); 加入工会组织, 上级工会有关规定 are no mention."""
    keep = []
    for i, (start, end, entry, _) in enumerate(found):
        alias_start = end - len(entry.alias)
        if entry.list_only and not (
            _ends_with(text, alias_start, _level_tokens())
            or (i and _LIST_SEPARATOR.match(text[found[i - 1][1] : start]))
            or (i + 1 < len(found) and _LIST_SEPARATOR.match(text[end : found[i + 1][0]]))
        ):
            continue
        keep.append(found[i])
    return keep


def _group_mentions(text: str, excluded, found: list[_Found]) -> list[_Found]:
    """Ad-hoc bodies: a level prefix, a topic and a suffix (县乡村工匠培育工作领导小组)."""
    spans = [(s, e) for s, e, _, _ in found]
    out: list[_Found] = []
    for m in _group_regex().finditer(text):
        if _in_spans(m.start(), excluded) or _overlaps(m.start(), m.end(), spans):
            continue
        if any(text.startswith(w, m.end()) for w in gazetteer().group_not_before):
            continue  # 联席会议制度: a mechanism, not a body
        hit = _group_prefix(text, m.start(), spans)
        if hit is None:
            continue
        start, token = hit
        level = gazetteer().levels[token]
        canonical = text[start + len(token) : m.end()]
        if len(canonical) - len(m.group()) < 2:
            continue  # no topic: 领导小组办公室设在…
        entry = Entry(alias=canonical, agency_id="", canonical=canonical, category="other")
        out.append((start, m.end(), entry, level))
    return out


def _group_prefix(text: str, pos: int, spans: list[tuple[int, int]]) -> tuple[int, str] | None:
    """The leftmost level token in the Chinese run before a group suffix (成立【县】乡村…):
    the run stops at punctuation, a function word, a known mention or 16 characters."""
    stops = gazetteer().function_chars
    k = bisect.bisect_left(spans, (pos, -1)) - 1
    floor = max(pos - 16, spans[k][1] if k >= 0 else 0, 0)
    lo = pos
    while lo > floor and _HAN.fullmatch(text[lo - 1]) and text[lo - 1] not in stops:
        lo -= 1
    for start in range(lo, pos - 2):
        token = _longest_at(text, start, gazetteer().levels)
        if token:
            return start, token
    return None


def _longest_at(text: str, pos: int, words) -> str | None:
    return next((w for w in sorted(words, key=len, reverse=True) if text.startswith(w, pos)), None)


def _drop_posted(text: str, found: list[_Found]) -> list[_Found]:
    """到工会、共青团、妇联等群团组织挂职: bodies named as places to post people."""
    before, after = _posting_regexes()
    keep = [True] * len(found)
    first = 0
    for i in range(len(found)):
        last_of_chain = i + 1 == len(found) or not _LIST_SEPARATOR.match(
            text[found[i][1] : found[i + 1][0]]
        )
        if not last_of_chain:
            continue
        chain_start = found[first][0]
        if before.search(text, max(0, chain_start - 8), chain_start) and after.match(
            text, found[i][1]
        ):
            keep[first : i + 1] = [False] * (i + 1 - first)
        first = i + 1
    return [f for f, k in zip(found, keep) if k]


def _elliptic_mentions(text: str, excluded, named: list[_Found], default_level) -> list[_Found]:
    """经信、教育、财政等部门: each stem is a generic mention of its department."""
    stems = _stems()
    taken = [(s, e) for s, e, _, _ in named]  # sorted and disjoint
    out: list[_Found] = []
    for chain in _ellipsis_regex().finditer(text):
        level = None
        for k, m in enumerate(_stem_regex().finditer(text, chain.start(), chain.end("chain"))):
            entry = stems[m.group()]
            start = m.start()
            if k == 0:
                start, level = _prefix(text, start, entry)
            if _in_spans(start, excluded) or _overlaps(start, m.end(), taken):
                continue
            out.append((start, m.end(), entry, level or default_level))
    return out


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_left(spans, (end, -1)) - 1  # the last span starting before ``end``
    return k >= 0 and spans[k][1] > start


def annotate(doc: Document) -> None:
    """Pipeline stage: fill ``doc.agencies``.

    The notice's own level (``metadata.region_level``) is the default level. The
    issuers named in the metadata mark header mentions before the first clause;
    责任单位 lists sit inside the clause they close, so the clause is found by offsets.
    """
    items = extract_agencies(doc.text, doc.metadata.region_level)
    body_start = min((c.start for c in doc.clauses if c.kind != "preamble"), default=0)
    issuers = [name for name in doc.metadata.issuers if name]
    items = [a for a in items if a.start >= body_start or not _on_title_line(doc.text, a)]
    floor = 0
    for item in items:
        if item.role == "mention" and item.start < body_start:
            _mark_issuer(doc.text, item, issuers, floor)
        floor = item.end
    _mark_drafters(doc.text, items, body_start)
    doc.agencies = items


def _on_title_line(text: str, item: Agency) -> bool:
    """Is the mention part of a bare document title line (北澄市总工会职工技能提升补助办法)?
    A 「X关于…」 line is the notice's own title and names its issuer."""
    lo = text.rfind("\n", 0, item.start) + 1
    hi = text.find("\n", item.end)
    line = text[lo : len(text) if hi < 0 else hi].strip()
    if not line or "关于" in line or _TITLE_LINE_BREAK.search(line):
        return False
    rest = text[item.end : len(text) if hi < 0 else hi].strip()
    return bool(rest) and any(line.endswith(w) for w in gazetteer().title_endings)


def _mark_drafters(text: str, items: list[Agency], body_start: int) -> None:
    """市总工会研究制定了《…》，现印发给你们: the preamble names an issuer as the drafter."""
    issuers = {(a.canonical, a.level) for a in items if a.role == "issuer"}
    verbs = gazetteer().issuer_verbs
    drafter: Agency | None = None  # the drafter named right after (X、Y制定了: X drafts too)
    for item in reversed(items):
        if item.role != "mention" or item.start >= body_start:
            drafter = None
            continue
        listed = drafter is not None and _LIST_SEPARATOR.match(text[item.end : drafter.start])
        if (item.canonical, item.level) in issuers and (
            listed or any(text.startswith(v, item.end) for v in verbs)
        ):
            item.role = "issuer"
            drafter = item
        else:
            drafter = None


def _mark_issuer(text: str, item: Agency, issuers: list[str], floor: int) -> None:
    """The mention, read with the text right before it, is an issuer as named in the
    metadata (岭东省人民政府办公厅, whose unlisted place name the prefix reader leaves out);
    a body inside a name (财政局 in a 主送 line, 请向市人社局反映) is not."""
    for name in issuers:
        start = item.end - len(name)
        if start >= floor and start <= item.start and text.startswith(name, start):
            item.start, item.quote, item.role = start, name, "issuer"
            return


# --------------------------------------------------------------------------- filters


def _excluded_spans(text: str, extra=()) -> list[tuple[int, int]]:
    """Cited titles 《…》 and 文号 (人社部发〔2018〕65号): their issuers are not actors here;
    ``extra`` spans too (a short name defined in brackets is not a mention of its own).

    Returned merged and sorted, so that :func:`_in_spans` can bisect.
    """
    spans = [m.span() for m in _TITLE.finditer(text)] + list(extra)
    for m in _DOC_NUMBER.finditer(text):  # anchored on the year: no scan from every Han char
        head = _DOC_NUMBER_HEAD.search(text, max(0, m.start() - 10), m.start())
        spans.append((head.start() if head else m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of the sorted, disjoint ``spans``?"""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _banned(text: str, start: int, end: int, entry: Entry) -> bool:
    """A ban-list context around the alias, or an enterprise / school / honour name after it."""
    for context in entry.ban:
        offset = context.find(entry.alias)
        if offset >= 0 and text.startswith(context, start - offset) and start >= offset:
            return True
    match = _not_agency_regex().match(text, end)
    if match and entry.bare and match.group() in gazetteer().bare_followers:
        return False  # 中央财政补贴资金: after its own prefix the stem grants (read by _bare_mention)
    return match is not None


# --------------------------------------------------------------------------- level prefix


def _ends_with(text: str, pos: int, words: dict[str, tuple[str, ...]]) -> str | None:
    """The longest of ``words`` (indexed by last character) ending at ``pos``."""
    if pos <= 0:
        return None
    for word in words.get(text[pos - 1], ()):
        if pos >= len(word) and text.startswith(word, pos - len(word)):
            return word
    return None


def _by_last_char(words) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: (-len(w), w)):
        index.setdefault(word[-1], []).append(word)
    return {k: tuple(v) for k, v in index.items()}


def _prefix(text: str, start: int, entry: Entry, floor: int = 0) -> tuple[int, Level | None]:
    """Start of the level prefix / region before a body and the level it names.

    ``floor`` is where the previous mention ends: the prefix never reaches over it.
    """
    gaz = gazetteer()
    pos = start
    if entry.category == "party_organ" and text[pos - 1 : pos] == "委":
        pos -= 1  # 市委组织部, 区委人才办
    token = _ends_with(text, pos, _level_tokens())
    if token is not None:
        level, pos = gaz.levels[token], pos - len(token)
        for _ in range(3):  # 各市、县（市、区）人民政府: levels named at once take the first one
            first = _ends_with(text, pos - 1, _level_tokens()) if text[pos - 1 : pos] == "、" else None
            if first is None or pos - 1 - len(first) < floor:
                break
            token, level, pos = first, gaz.levels[first], pos - 1 - len(first)
    else:
        region = _ends_with(text, pos, _region_names())
        if region is None:
            return start, None
        level, pos = gaz.regions[region], pos - len(region)
        return _party_prefix(text, pos), level
    if token in gaz.unnamed_levels:
        return _party_prefix(text, pos), level
    return _party_prefix(text, _region_start(text, pos, level, floor)), level


def _region_start(text: str, pos: int, level: Level, floor: int = 0) -> int:
    """Walk back over region names and their level suffixes: 江门市江海区.

    Before 省 only listed province names are read.
    """
    for _ in range(4):
        region = _ends_with(text, pos, _region_names())
        unlisted = 0 if region else _place_name_len(text, pos, floor, level == "province")
        size = len(region) if region else unlisted
        if not size:
            break
        pos -= size
        token = _ends_with(text, pos, _level_tokens())
        if token is None:
            break
        pos, level = pos - len(token), gazetteer().levels[token]
    return pos


def _place_name_len(text: str, pos: int, floor: int = 0, line_only: bool = False) -> int:
    """Length (2-4) of an unlisted place name ending at ``pos``, 0 when none is certain.

    The name must follow a clear boundary: text start, a line / list start, a function
    word (由/经/会同), a level suffix (江门市|江海区) or the previous mention. After ，/。
    a verb may stand there (推荐市人社局), so no name is read. With ``line_only`` (a
    province, whose short forms 全省/我省 abound) only a line start counts.
    """
    if line_only:
        return _line_start_name_len(text, pos)
    stops = gazetteer().function_chars
    for size in (2, 3, 4):
        name = text[max(0, pos - size) : pos]
        if len(name) < size or not all(_HAN.fullmatch(c) for c in name):
            return 0
        if any(c in stops for c in name) or any(w in name for w in gazetteer().function_words):
            return 0
        before = pos - size
        if before < floor:
            return 0
        if before in (0, floor) or _NAME_BOUNDARY.match(text, before - 1):
            return size
        if text[before - 1] in stops or _ends_with(text, before, _level_tokens()):
            return size
    return 0


def _line_start_name_len(text: str, pos: int) -> int:
    """Length (2-3) of a place name opening a line (a header or signature: 东川省人民政府办公厅)."""
    stops = gazetteer().function_chars
    for size in (2, 3):
        before = pos - size
        name = text[max(0, before) : pos]
        if before < 0 or not all(_HAN.fullmatch(c) and c not in stops for c in name):
            return 0
        if before == 0 or text[before - 1] in "\n\u3000 \t":
            return size
    return 0


def _party_prefix(text: str, pos: int) -> int:
    return pos - 2 if text[max(0, pos - 2) : pos] == "中共" else pos


# --------------------------------------------------------------------------- roles


def _assign_roles(text: str, spans: list[tuple[int, int]]) -> list[AgencyRole]:
    nexts = [s for s, _ in spans[1:]] + [len(text)]
    heads = _list_heads(text, spans)
    starts = [s for s, _ in spans]
    triggered = [_trigger_role(text, start, end, stop=stop, head=head)
                 or _delegated_role(text, start, end, stop)
                 or _continued_role(text, start, end, starts)
                 for (start, end), stop, head in zip(spans, nexts, heads)]
    roles: list[AgencyRole] = [r or "mention" for r in triggered]
    roles = [_preliminary(text, spans, i, roles) for i in range(len(spans))]
    _share_in_lists(text, spans, roles)
    _apply_pairs(text, spans, roles)
    for i, (start, end) in enumerate(spans):
        if roles[i] == "mention" and triggered[i] is None:
            roles[i] = _weak_role(text, start, end)
    _share_in_lists(text, spans, roles)
    for i in _issuer_indexes(text, spans):
        roles[i] = "issuer"
    for lo, hi, label_role, led in _lists(text, spans):
        inside = list(range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)))
        for i, role in zip(inside, _list_roles(text, spans, inside, label_role, led)):
            roles[i] = role
    return roles


def _list_heads(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Start of the list each mention belongs to (报省人社厅、省财政厅备案: the first entry),
    its own start when it follows no list separator."""
    heads: list[int] = []
    for i, (start, _) in enumerate(spans):
        gap = text[spans[i - 1][1] : start] if i else ""
        joined = i and gap.strip() and _LIST_SEPARATOR.match(gap) and "\n" not in gap
        heads.append(heads[-1] if joined else start)
    return heads


def _share_in_lists(text: str, spans: list[tuple[int, int]], roles: list[AgencyRole]) -> None:
    """A、B、C协助: the list shares C's trigger. (A body's bracketed second name is part of
    its mention already: see :func:`_with_second_names`.)"""
    for i in range(len(spans) - 2, -1, -1):
        gap = text[spans[i][1] : spans[i + 1][0]]
        if roles[i] == "mention" and _LIST_SEPARATOR.match(gap):
            roles[i] = roles[i + 1]


def _bracketed_alias(text: str, end: int, other: tuple[int, int]) -> bool:
    """Is ``other`` alone in brackets right after a mention ending at ``end`` (X（Y）)?"""
    return text[end : other[0]] in _OPEN and text[other[1] : other[1] + 1] in _CLOSE


def _preliminary(text: str, spans, i: int, roles: list[AgencyRole], pos: int | None = None):
    """``roles[i]``, or `implement` when its approval trigger (read from ``pos``, default the
    mention's end) is a preliminary step: forwarded (审核后报) or followed in the sentence by
    another approving body (基层工会审核、县总工会复核、市总工会审批)."""
    gaz = gazetteer()
    match = _role_regex().match(text, spans[i][1] if pos is None else pos)
    if match is None or match.lastgroup != "approve":
        return roles[i]
    if not any(match.group("approve").startswith(w) for w in gaz.preliminary_triggers):
        return roles[i]
    after = match.end()
    if any(text.startswith(w, after) for w in gaz.forwarding_words):
        return "implement"
    stop = _SENTENCE_STOP.search(text, after)
    limit = min(stop.start() if stop else len(text), after + 20)
    later = [j for j, (start, _) in enumerate(spans) if after <= start < limit]
    return "implement" if any(roles[j] == "approve" for j in later) else roles[i]


def _delegated_role(text: str, start: int, end: int, stop: int) -> AgencyRole | None:
    """由X按…以下部分给予贴息: after a delegation frame (由) the clause's verb is X's act,
    however long the manner adverbial before it (up to ``delegated_reach``), as long as no
    other body is named before the verb (``stop``: where the next mention starts)."""
    gaz = gazetteer()
    if not _word_before(text, start, gaz.delegated_frames):
        return None
    return _trigger_role(text, start, end, gaz.delegated_reach, stop)


def _continued_role(text: str, start: int, end: int, starts: list[int]) -> AgencyRole | None:
    """X根据Y提交的兑付通知，将补贴资金支付至…: a basis adverbial (根据/依据…) right after X and
    closed by a comma keeps X the subject of the next clause when that clause opens with a
    disposal or manner word (将/及时): the trigger there is X's act (up to the next body named)."""
    cont = gazetteer().continued_clause
    if cont is None or not any(text.startswith(w, end) for w in cont.openers):
        return None
    stop = _CLAUSE_END.search(text, end, min(len(text), end + cont.reach + 1))
    if stop is None or stop.group() not in "，,":
        return None
    pos = stop.end()
    if not any(text.startswith(w, pos) for w in cont.next):
        return None
    k = bisect.bisect_left(starts, pos)
    return _trigger_role(text, start, pos, stop=starts[k] if k < len(starts) else None)


def _trigger_role(text: str, start: int, end: int, reach: int | None = None,
                  stop: int | None = None, head: int | None = None) -> AgencyRole | None:
    """The role of the trigger after the mention, None when there is none.

    A guarded trigger (推荐, 认定, 备案) does not count after 向/报 (报省厅备案: the body
    receives) nor in a relative clause without 经/由 (政府授予的称号); a short-reach trigger
    (开展) only right after the mention (负责指导院校开展培训 is another's act). The trigger
    ends before ``stop``, where the next body is named (X汇总后报Y审定: Y's act). The
    recipient frame may stand before the list the mention closes (``head``: 报省人社厅、省财政厅备案)."""
    gaz = gazetteer()
    match = _role_regex(reach).match(text, end, len(text) if stop is None else stop)
    if match is None:
        return None
    role = match.lastgroup
    word = match.group(role)
    if any(text.startswith(w, match.end()) for w in gaz.nominal_after):
        # 根据审核结果将资金拨付 / 收到初审意见后: the trigger heads a noun, no act: read on
        return _trigger_role(text, start, match.end(), reach, stop, head)
    if any(word.startswith(w) for w in gaz.short_reach) and match.start(role) - end > gaz.short_reach_gap:
        return None
    if any(word.startswith(w) for w in gaz.tight_triggers) and text[end : match.start(role)] not in (
            "", *gaz.tight_gaps):
        return None  # 工信部门把企业参与…: another's act
    step = gaz.organised_step
    if (role == "lead" and step is not None and word.startswith(step.opener)
            and not any(text.startswith(w, match.start(role) + len(step.opener)) for w in step.lead_after)):
        return step.role  # X负责组织申报和审核: one step of the measure, carried out
    if any(word.startswith(w) for w in gaz.guarded_triggers):
        before = text[max(0, start - 2) : start]
        listed = text[max(0, head - 2) : head] if head is not None and head < start else ""
        if any(before.endswith(w) or listed.endswith(w) for w in gaz.recipient_frames):
            return None
        if text.startswith("的", match.end()) and not any(before.endswith(w) for w in gaz.actor_frames):
            return None
    if role == "approve" and _in_remit(text, end, match.start(role)):
        return None  # X负责租房补贴的审核发放: a field of duty, read by the remit word
    if role == "implement" and any(text.startswith(w, match.end()) for w in gaz.supervision_objects):
        return "mention"  # X依法对…开展审计监督: the act is supervision, nobody's benefit
    return role  # type: ignore[return-value]


def _in_remit(text: str, end: int, trigger: int) -> bool:
    """Does the trigger at ``trigger`` head the object of a remit opened after the mention
    (X负责引进人才的招聘备案)?"""
    remit = _remit_regex()
    return remit is not None and remit.search(text, end, trigger) is not None


def _weak_role(text: str, start: int, end: int) -> AgencyRole:
    """No trigger after the mention: a frame before it (具体标准由X, 资金由X), a duty to
    guarantee money (X应确保…拨款), an adverb of manner after a delegation (由X统一…), a duty
    to provide or check data (X负责…数据核实), else a bare duty right after it (X负责…, X应当…)."""
    before, fallback, duty = _before_regex(), _fallback_regex(), _duty_funding_regex()
    match = before.search(text, max(0, start - 20), start) if before else None
    if match is None and duty is not None and duty.match(text, end):
        return "funding"
    delegated = _word_before(text, start, gazetteer().delegated_frames)
    manner = _delegated_fallback_regex()
    if match is None and delegated and manner is not None:
        found = manner.match(text, end)
        if found:
            return found.lastgroup  # type: ignore[return-value]
    data = _data_duty_regex()
    if match is None and data is not None and data.match(text, end):
        return gazetteer().data_duty.role  # X负责…数据核实: serves another's decision
    if match is None and fallback is not None:
        match = fallback.match(text, end)
        blockers = gazetteer().fallback_blockers
        if match and any(text.startswith(b, match.start(match.lastgroup)) for b in blockers):
            return "mention"  # 县人社局主要负责同志为成员: a person, not a duty
        if match and _word_before(text, start, gazetteer().delegated_frames):
            return gazetteer().delegated_roles.get(match.lastgroup, match.lastgroup)
    return match.lastgroup if match else "mention"  # type: ignore[return-value]


def _apply_pairs(text: str, spans: list[tuple[int, int]], roles: list[AgencyRole]) -> None:
    """X会同Y: X leads, Y (and the entries listed with it) support; a duty opened right
    after Y (X会同Y负责解释) gives both its role instead; 经X会同Y审核 makes both approve.
    With no named partner (X会同有关部门进行约谈) X keeps its own trigger, else leads.
    A partner whose 会同 follows no mention (X负责…，会同Y制定…) supports."""
    pairs = gazetteer().pairs
    handled: set[int] = set()
    for i, (_, end) in enumerate(spans):
        match = _pair_regex().match(text, end)
        if match is None:
            continue
        first, second = pairs[match.group("word")]
        partners = _listed_after(text, spans, i + 1, match.end())
        if not partners:
            roles[i] = first if roles[i] == "mention" else roles[i]
            continue
        handled.update(partners)
        last = spans[partners[-1]][1]
        shared = _shared_role(text, last, roles[partners[-1]])
        if shared is not None:
            first = second = shared
        elif _approval_pair(text, spans[i][0], last):
            first = second = "approve"  # 经X会同Y审核后报省厅: the pair is the approval step
        elif _own_duty(text, last):
            first = "implement"  # X会同Y负责本地具体实施: X carries the plan out
        elif _preliminary(text, spans, i, ["approve" if k == i else r for k, r in enumerate(roles)],
                          last) == "implement":
            first = "implement"  # X会同Y审核后报省厅: a preliminary check
        roles[i] = first
        for j in partners:
            roles[j] = second
    _apply_elided_pairs(text, spans, roles, handled)


def _apply_elided_pairs(text, spans, roles: list[AgencyRole], handled: set[int]) -> None:
    """X负责…，会同Y制定… / X要…，会同Y开展…: 会同 keeps the clause's subject unsaid; its
    partner Y (and the entries listed with it) supports, unless a shared duty follows."""
    pairs = gazetteer().pairs
    for j, (start, _) in enumerate(spans):
        word = _word_before(text, start, pairs)
        if j in handled or word is None:
            continue
        partners = _listed_after(text, spans, j, start)
        handled.update(partners)
        if _shared_role(text, spans[partners[-1]][1], roles[partners[-1]]) is None:
            for k in partners:
                roles[k] = pairs[word][1]


def _shared_role(text: str, last: int, role: AgencyRole) -> AgencyRole | None:
    """The duty opened right after a partner list ending at ``last`` when the pair shares it
    (会同Y负责解释, 会同Y共同审定), else None."""
    gaz = gazetteer()
    if role == "mention" or not _opens_shared(text, last):
        return None
    joint = _opens_shared(text, last, gaz.pair_joint_openers)
    return role if joint or role in gaz.pair_shared_roles else None


def _own_duty(text: str, last: int) -> bool:
    """Is the duty after a partner list ending at ``last`` the carrying out itself
    (会同Y负责本地具体实施)?"""
    match = _role_regex().match(text, last)
    words = gazetteer().pair_own_duties
    return bool(match and any(match.group(match.lastgroup).startswith(w) for w in words)
                and _SENTENCE_STOP.match(text, match.end()) is not None)  # not 具体实施办法


def _approval_pair(text: str, start: int, last: int) -> bool:
    """Is the pair starting at ``start`` (its partners ending at ``last``) an approval step
    passed through (经X会同Y审核)?"""
    match = _role_regex().match(text, last)
    frames = gazetteer().pair_approval_frames
    return bool(match and match.lastgroup == "approve" and _word_before(text, start, frames))


def _opens_shared(text: str, pos: int, words=None) -> bool:
    """Does a joint duty (负责 / 共同, or one of ``words``) open right after the partner list?"""
    rest = text[pos : pos + 6]
    return any(rest.startswith(w) or rest[1:].startswith(w)
               for w in (gazetteer().pair_shared_openers if words is None else words))


def _listed_after(text: str, spans: list[tuple[int, int]], j: int, pos: int) -> list[int]:
    """Indexes of the mentions listed (、/和) from ``pos`` on, starting with mention ``j``."""
    out = []
    while j < len(spans) and _LIST_SEPARATOR.match(text[pos : spans[j][0]]):
        out.append(j)
        pos = spans[j][1]
        j += 1
    return out


def _issuer_indexes(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Mentions making up a header / signature line, or opening a 「X关于…」 title line."""
    out: list[int] = []
    by_line: dict[int, list[int]] = {}
    for i, (start, _) in enumerate(spans):
        by_line.setdefault(text.rfind("\n", 0, start) + 1, []).append(i)
    for line_start, members in by_line.items():
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        out += _issuers_on_line(text, line_start, line_end, [spans[i] for i in members], members)
    return sorted(out)


@functools.cache
def _printing_line_rx() -> regex.Pattern:
    """The 印发 line of a notice printed by an issuer's office (澄岭县农业农村局办公室
    2024年3月1日印发): the body before the office is the issuer."""
    offices = _alternation(gazetteer().printing_offices)
    return regex.compile(
        rf"^[\s、]*(?:{offices})[\s、]*\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*印发[\s、]*$")


def _issuers_on_line(text, line_start, line_end, spans, members) -> list[int]:
    line = list(text[line_start:line_end])
    for start, end in spans:
        line[start - line_start : end - line_start] = " " * (end - start)
    rest = "".join(line)
    if _ISSUER_LINE_REST.match(rest) or _printing_line_rx().match(rest):
        return members
    lead = len(rest) - len(rest.lstrip(" \t\u3000、"))
    title = _TITLE_START.match(rest, lead)
    if title and lead and not rest[:lead].strip(" \t\u3000、"):
        return [i for i, (s, _) in zip(members, spans) if s - line_start < lead]
    return []


def _lists(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, AgencyRole, bool]]:
    """(责任单位：A、B) / 牵头单位：A；配合单位：B — spans of list bodies, the label's role and
    whether a 牵头单位 list opens the same group (then no 责任单位 entry leads).

    An unbracketed list ends with its last entry: 责任单位：A、B本措施… (lines run together).
    """
    out = []
    previous: tuple[int, AgencyRole] | None = None  # (end, role) of the list before
    for lo, hi, role, bracketed in _raw_lists(text):
        led = previous is not None and previous[1] == "lead" and _same_group(text, previous[0], lo)
        previous = (hi, role)
        if not bracketed:
            hi = min(hi, _chain_end(text, lo, spans) or hi)
        out.append((lo, hi, role, led))
    return out


def _same_group(text: str, end: int, lo: int) -> bool:
    """Is the list starting at ``lo`` the next label of the group ending at ``end``
    (（牵头单位：A；责任单位：B）: only a separator and the label between them)?"""
    return _LIST_JOIN.match(text[end:lo]) is not None


def _raw_lists(text: str) -> list[tuple[int, int, AgencyRole, bool]]:
    labels = gazetteer().list_labels
    matches = list(_list_label_regex().finditer(text))
    out = []
    for k, match in enumerate(matches):
        lo = match.end()
        hi = _bracket_end(text, lo) if match.group("open") else None
        if hi is None:
            stop = _LIST_END_PLAIN.search(text, lo)
            hi = stop.start() if stop else len(text)
            hi = min(hi, _bracket_end(text, lo) or hi)  # …；配合单位：A、B）
        if k + 1 < len(matches):  # （牵头单位：A；配合单位：B）: a list ends at the next label
            hi = min(hi, matches[k + 1].start())
        out.append((lo, hi, labels[match.group("label")], bool(match.group("open"))))
    return out


def _chain_end(text: str, lo: int, spans: list[tuple[int, int]]) -> int | None:
    """End of the run of mentions joined by list separators from ``lo`` on."""
    pos, end = lo, None
    for start, stop in spans[bisect.bisect_left(spans, (lo, -1)) :]:
        if not _CHAIN_SEPARATOR.match(text[pos:start]):
            break
        pos = end = stop
    return end


def _list_entry_mentions(text: str, found: list[_Found], excluded, default_level) -> list[_Found]:
    """Entries of a 责任单位 list that the gazetteer does not know (县国有资产管理中心):
    a list names bodies by construction, so an institution-like entry is one."""
    spans = [(s, e) for s, e, _, _ in found]
    out: list[_Found] = []
    for lo, hi, _, _ in _raw_lists(text):
        for seg in _LIST_SEGMENT.finditer(text, lo, hi):
            rest = _uncovered(text, seg.start(), seg.end(), spans)
            if not rest.strip():
                continue  # a known body (or several joined by 和)
            known = _overlaps(seg.start(), seg.end(), spans)
            entry = None if known or _in_spans(seg.start(), excluded) else _unlisted(seg.group())
            if entry is None:
                break  # the list ends at the first entry that names no body
            out.append((seg.start(), seg.end(), entry[0], entry[1] or default_level))
    return out


def _uncovered(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> str:
    chars = list(text[lo:hi])
    first = max(0, bisect.bisect_left(spans, (lo, -1)) - 1)  # spans are sorted and disjoint
    for start, end in spans[first : bisect.bisect_left(spans, (hi, -1))]:
        if start < hi and lo < end:
            chars[max(start, lo) - lo : min(end, hi) - lo] = " " * (min(end, hi) - max(start, lo))
    return _CHAIN_FILLER.sub(" ", "".join(chars))


def _unlisted(name: str) -> tuple[Entry, Level | None] | None:
    """An unknown body named in a list: [place + level] name + institutional suffix."""
    gaz = gazetteer()
    if not _UNLISTED_NAME.fullmatch(name) or _not_agency_regex().search(name):
        return None
    if not any(name.endswith(suffix) for suffix in gaz.list_entry_suffixes):
        return None
    cut, level = _leading_level(name)
    canonical = name[cut:]
    if len(canonical) < 3:
        return None
    entry = Entry(alias=name, agency_id="", canonical=canonical, category="other")
    return entry, level


def _leading_level(name: str) -> tuple[int, Level | None]:
    """Length and level of the shortest place / level prefix: 县 | 岭东省 | 各设区市."""
    gaz = gazetteer()
    lead = len(_word_before(name, 1, gaz.distributive) or "") if name else 0
    for k in range(lead + 1, min(len(name) - 2, lead + 7)):
        token = _ends_with(name, k, _level_tokens())
        if token and (k - lead == len(token) or 2 <= k - lead - len(token) <= 4):
            return k, gaz.levels[token]
    return 0, None


def _bracket_end(text: str, pos: int) -> int | None:
    """Position of the bracket closing a list opened before ``pos`` (nested （牵头） allowed):
    the first unmatched closing bracket, or the line end."""
    depth = 1
    for i in range(pos, min(len(text), pos + 400)):
        ch = text[i]
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth == 0:
                return i
        elif ch == "\n":
            return i
    return None


def _list_roles(text, spans, inside, label_role, led=False) -> list[AgencyRole]:
    if label_role != "responsible":
        return [label_role] * len(inside)
    markers = gazetteer().lead_markers
    marked = [any(_marked(text, spans[i][1], m) for m in markers) for i in inside]
    if not any(marked) and not led:
        marked = [k == 0 for k in range(len(inside))]
    return ["lead" if is_lead else "responsible" for is_lead in marked]


def _marked(text: str, end: int, marker: str) -> bool:
    """A （牵头） / 牵头 marker right after a list entry."""
    tail = text[end : end + len(marker) + 2].lstrip("(（")
    return tail.startswith(marker)
