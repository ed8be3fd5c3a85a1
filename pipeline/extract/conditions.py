"""Eligibility qualifiers (conditions) as predicates a calculator can evaluate.

Notices state who qualifies in a compact legal register: 对…的，给予…;
凡…的; 符合…条件的; 在同一企业连续工作3年以上（含3年），并依法参加社会保险的.
This module finds those *qualifier scopes* (the part of a sentence before the
benefit it governs) and, inside them, typed qualifiers: skill levels on their
ladder, honours with their level, tenure / experience / insurance / contract
durations, entity types, industries, origin, catalogues, count thresholds and
time windows. Exclusions (不得重复享受, 从优、从高、不重复) are found anywhere.

Only scopes that end in a consequence (给予 / 可 / 享受 …) or in a ``…的，``
frame are read, so prose such as 鼓励企业… yields nothing.

All word lists live in ``gazetteers/conditions.yaml``, ``skill_levels.yaml``,
``honors.yaml``, ``entity_types.yaml`` and ``industries.yaml``; patterns built
from them are compiled once, on first use (nothing is read at import time).

>>> [(c.type, c.predicate.op, str(c.predicate.value)) for c in extract_conditions(
...     "在同一企业连续工作3年以上（含3年），并依法参加社会保险的，给予奖励。")]
[('tenure', '>=', '3'), ('social_insurance', '==', 'True')]
>>> [(c.quote, c.predicate.op) for c in extract_conditions("对年实训超1000人次的，给予20万元。")]
[('超1000人次', '>')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from ..data import load, unique
from ..models import Condition, ConditionGroup, Document, Predicate
from ..numerals import parse_number

# =========================================================================== gazetteer models


def _no_duplicates(values: list[str], what: str = "entry") -> list[str]:
    return unique(values, what)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Op = Literal[">=", ">", "<=", "<"]


class ConditionWords(_Strict):
    """``gazetteers/conditions.yaml``: trigger, bound and structure words."""

    scope_openers: list[str]
    manner_openers: list[str]
    prose_openers: list[str]
    consequence_markers: list[str]
    modal_markers: list[str]
    modal_false_words: list[str]
    conjunctions: list[str]
    disjunctions: list[str]
    list_joiners: list[str]
    respective_words: list[str]  # 分别: each listed level pairs with its own amount
    inclusive_markers: list[str]
    exclusive_markers: list[str]
    negations: list[str]
    negation_verbs: list[str]
    comparators_before: dict[str, Op]
    comparators_after: dict[str, Op]
    per_markers: list[str]
    tenure_words: list[str]
    experience_words: list[str]
    tenure_manners: list[str] = []
    social_insurance_terms: list[str]
    social_insurance_verbs: list[str]
    contract_terms: list[str]
    contract_verbs: list[str]
    duration_units: dict[str, Literal["year", "month", "day"]]
    origins: dict[str, Literal["outside_city", "outside_district", "outside_province", "abroad"]]
    origin_verbs: list[str]
    origin_ladder: list[str] = []
    origins_standalone: dict[str, Literal["outside_district", "outside_city", "abroad"]]
    origin_person_heads: list[str]
    catalog_verbs: list[str]
    catalog_verbs_need_de: list[str]
    catalog_heads: list[str]
    shortage_words: list[str]
    shortage_heads: list[str]
    threshold_units: dict[str, Literal["count", "share", "amount", "age", "area", "currency",
                                       "energy", "power", "length", "weight"]]
    period_words: list[str]
    time_window_events: list[str]
    time_window_verbs: list[str]
    exclusion_phrases: list[str]
    criteria_verbs: list[str]
    criteria_heads: list[str]
    criteria_skip: list[str]
    criteria_skip_before: list[str]
    compliance_vague: list[str] = []
    frame_service_verbs: list[str] = []
    contrast_joiners: list[str] = []
    negated_piece_openers: list[str] = []
    negated_piece_false: list[str] = []
    date_after: list[str]
    approval_verbs: list[str]
    condition_openers: list[str]
    vague_clauses: list[str]
    encouragement_openers: list[str]
    amount_basis_words: list[str]
    approval_false_after: list[str]
    date_before: list[str]
    list_intro_words: list[str]
    list_intro_heads: list[str]
    requirement_modals: list[str]
    requirement_subjects: list[str]
    requirement_things: list[str] = []
    exclusion_partner_openers: list[str] = []
    requirement_non_modals: list[str]
    requirement_np_leads: list[str]
    requirement_duty_openers: list[str] = []
    requirement_duty_services: list[str] = []
    list_tail_openers: list[str] = []
    list_tail_false: list[str] = []
    naming_note_words: list[str] = []
    reckoning_ends: list[str] = []
    object_heading_heads: list[str] = []
    applicability_words: list[str]
    inapplicable_words: list[str]
    document_words: list[str]
    penalty_words: list[str]
    semicolon_list_heads: list[str]
    time_window_phrases: list[str]
    exclusion_once: list[str]
    exclusion_frame_openers: list[str]
    exclusion_frame_words: list[str] = []
    duplicate_negations: list[str] = []
    duplicate_verbs: list[str] = []
    insurance_gap_words: list[str] = []
    body_heads: list[str] = []
    body_head_stops: list[str] = []
    leading_body_stops: list[str] = []
    leading_body_openers: list[str] = []
    leading_body_verbs: list[str] = []
    age_range_min: int = 14
    deadline_acts: list[str] = []
    marker_negations: list[str] = []
    standard_comparators: list[str] = []
    range_leads: list[str] = []
    range_links: list[str] = []
    range_tails: list[str] = []
    open_to_not_before: list[str] = []
    member_joiners: list[str] = []
    unemployment_words: list[str] = []
    money_consequence_verbs: list[str] = []
    rate_consequence_verbs: list[str] = []
    relief_consequence_verbs: list[str] = []
    raise_consequence_verbs: list[str] = []
    staff_verbs: list[str] = []
    respective_member_leads: list[str] = []
    relief_objects: list[str] = []
    distance_words: list[str] = []
    sector_verbs: list[str] = []
    sector_heads: list[str] = []
    catalog_negations: list[str]
    experience_left_words: list[str]
    record_negations: list[str]
    record_verbs: list[str]
    record_heads: list[str]
    procedure_words: list[str]
    procedure_false: list[str] = []
    payer_ends: list[str] = []
    workplace_preps: list[str] = []
    definition_joiners: list[str] = []
    workplace_verbs: list[str] = []
    entity_place_before: list[str]
    entity_place_fillers: list[str]
    window_caps: list[str]
    since_openers: list[str] = ["自"]
    recent_words: list[str]
    recent_record_negations: list[str] = []
    clause_split_openers: list[str] = []
    training_verbs: list[str] = []
    training_heads: list[str] = []
    certificate_heads: list[str] = []
    tier_per_words: list[str] = []
    entity_stop_after: list[str] = []
    entity_member_nouns: list[str] = []
    entity_partner_verbs: list[str] = []
    thing_heads: list[str] = []
    split_conjunctions: list[str] = []
    failure_words: list[str] = []
    refusal_markers: list[str] = []
    duration_measure_heads: list[str] = []
    age_lead_words: list[str] = []
    catalog_list_heads: list[str] = []
    catalog_member_words: list[str] = []
    catalog_states: list[str] = []
    share_base_heads: list[str] = []
    currency_scales: dict[str, int] = {}
    contract_partner_markers: list[str] = []
    contract_partner_false_before: list[str] = []
    contract_partner_stops: list[str] = []
    contract_manners: list[str] = []
    refusal_list_heads: list[str] = []
    occasion_tails: list[str] = []
    bar_disjunctions: list[str] = []
    inapplicable_heads: list[str] = []
    prize_verbs: list[str] = []
    subject_mod_stops: list[str] = []
    subject_topic_verbs: list[str] = []
    recognition_verbs: list[str] = []
    recognition_heads: list[str] = []
    recognition_leads: list[str] = []
    highest_words: list[str] = []
    highest_rule_verbs: list[str] = []
    relocation_verbs: list[str] = []
    entity_conjoiners: list[str] = []
    conjoined_adverbs: list[str] = []
    relocation_places: dict[str, Literal["outside_district", "outside_city",
                                         "outside_province"]] = {}
    selection_verbs: list[str] = []
    batch_verbs: list[str] = []
    definition_heads: list[str] = []
    definition_verbs: list[str] = []
    definition_objects: list[str] = []
    tier_words: list[str] = []
    tier_tails: list[str] = []
    tier_levels: list[str] = []
    tier_skill_cues: list[str] = []
    list_heading_heads: list[str] = []
    # --- round 12: place-modified applicants, per-period service time
    entity_place_modifiers: list[str] = []
    per_periods: dict[str, Literal["year", "quarter", "month", "week"]] = {}
    # --- round 14: capacity, misconduct, contest awards, conferred awards, bases, ...
    capacity_heads: list[str] = []
    capacity_verbs: list[str] = []
    misconduct_words: list[str] = []
    contest_award_words: list[str] = []
    contest_award_leads: list[str] = []
    award_entry_verbs: list[str] = []
    award_grant_verbs: list[str] = []
    award_heads: list[str] = []
    base_recognition_verbs: list[str] = []
    base_heads: list[str] = []
    experience_durative_words: list[str] = []
    experience_durative_verbs: list[str] = []
    experience_places: list[str] = []
    experience_length_words: list[str] = []
    experience_length_verbs: list[str] = []
    experience_past_verbs: list[str] = []
    employment_status_words: list[str] = []
    first_time_markers: list[str] = []
    first_time_verbs: list[str] = []
    household_words: list[str] = []
    household_verbs: list[str] = []
    audience_markers: list[str] = []
    audience_verbs: list[str] = []
    audience_grant_verbs: list[str] = []
    audience_heads: list[str] = []
    # 向具备资质的社会培训机构开放: the kinds of applicant a programme is opened to
    open_to_markers: list[str] = []
    open_to_verbs: list[str] = []
    open_to_manners: list[str] = []
    # 高技能人才培训基地、技能大师工作室可…申报…: the bodies that may apply
    applicant_modals: list[str] = []
    applicant_verbs: list[str] = []
    applicant_heads: list[str] = []
    # --- round 15: nominations, pool sources, evaluative clauses, deadlines
    nomination_body_heads: list[str] = []
    nomination_verbs: list[str] = []
    pool_source_heads: list[str] = []
    evaluative_tails: list[str] = []
    deadline_before: list[str] = []
    agreement_heads: list[str] = []
    agreement_grant_words: list[str] = []
    activity_joiners: list[str] = []
    clause_split_false: list[str] = []

    @model_validator(mode="after")
    def _lists_unique(self) -> "ConditionWords":
        for name, value in self:
            if isinstance(value, list):
                _no_duplicates(value, f"word in {name}")
        return self


class SkillLevel(_Strict):
    id: str
    canonical: str
    rank: int
    grade: str | None = None
    aliases: list[str]
    needs_suffix: list[str] = []


class SkillLadder(_Strict):
    """``gazetteers/skill_levels.yaml``: the ladder 初级工 < … < 首席技师."""

    levels: list[SkillLevel]
    qualifier_suffixes: list[str]
    stop_suffixes: list[str]
    class_suffixes: list[str] = []
    needs_suffix_stop_before: list[str]
    certificate_verbs: list[str]
    certificate_words: list[str]

    @model_validator(mode="after")
    def _unique(self) -> "SkillLadder":
        _no_duplicates([lv.id for lv in self.levels], "level id")
        _no_duplicates([str(lv.rank) for lv in self.levels], "rank")
        _no_duplicates([a for lv in self.levels for a in lv.aliases + lv.needs_suffix], "alias")
        return self


class ProfessionalTitle(_Strict):
    id: str
    canonical: str
    rank: int
    floor: bool = False
    level_words: list[str]
    named: list[str] = []


class ProfessionalTitles(_Strict):
    """``gazetteers/professional_titles.yaml``: the ladder 初级 < 中级 < 副高级 < 正高级."""

    levels: list[ProfessionalTitle]
    heads: list[str]
    named_stop_before: list[str]
    verbs: list[str]

    @model_validator(mode="after")
    def _unique(self) -> "ProfessionalTitles":
        _no_duplicates([lv.id for lv in self.levels], "level id")
        _no_duplicates([str(lv.rank) for lv in self.levels], "rank")
        _no_duplicates([a for lv in self.levels for a in lv.level_words + lv.named], "alias")
        _no_duplicates(self.heads, "head")
        return self


HonorLevel = Literal["national", "province", "city", "district"]


class Honor(_Strict):
    id: str
    canonical: str
    level: HonorLevel
    aliases: list[str]


class Honors(_Strict):
    """``gazetteers/honors.yaml``: honours and titles with their level."""

    levels: list[HonorLevel]
    level_prefixes: dict[str, HonorLevel]
    region_suffixes: dict[str, HonorLevel]
    region_stop_chars: list[str]
    generic_titles: list[str]
    competition_heads: list[str]
    competition_prizes: list[str]
    honor_level_heads: list[str]
    holder_suffixes: list[str]
    shared_suffixes: list[str] = []
    conferral_verbs: list[str]
    title_stop_suffixes: list[str]
    goal_before: list[str]
    name_tails: list[str]
    event_verbs: list[str]
    honors: list[Honor]

    @model_validator(mode="after")
    def _unique(self) -> "Honors":
        _no_duplicates([h.id for h in self.honors], "honour id")
        _no_duplicates([a for h in self.honors for a in h.aliases], "alias")
        _no_duplicates(self.generic_titles, "generic title")
        return self


class EntityType(_Strict):
    id: str
    canonical: str
    category: str
    generic: bool = False
    # a bare head noun (院校): an applicant only as the first word of a frame (院校承办…的 /
    # 对院校…的); elsewhere it is the tail of a longer name (重点院校) or a place (到院校进修)
    bare: bool = False
    aliases: list[str]

    @model_validator(mode="after")
    def _not_both(self) -> "EntityType":
        if self.generic and self.bare:
            raise ValueError(f"entity type {self.id}: generic and bare exclude each other")
        return self


class EntityTypes(_Strict):
    """``gazetteers/entity_types.yaml``: kinds of applicant."""

    types: list[EntityType]

    @model_validator(mode="after")
    def _unique(self) -> "EntityTypes":
        _no_duplicates([t.id for t in self.types], "entity type id")
        _no_duplicates([a for t in self.types for a in t.aliases], "alias")
        return self


class Industry(_Strict):
    id: str
    canonical: str
    aliases: list[str]

    @field_validator("aliases")
    @classmethod
    def _nonempty(cls, v: list[str]) -> list[str]:
        if not v:
            raise ValueError("an industry needs at least one alias")
        return v


class Industries(_Strict):
    """``gazetteers/industries.yaml``: sectors that restrict eligibility."""

    industries: list[Industry]

    @model_validator(mode="after")
    def _unique(self) -> "Industries":
        _no_duplicates([i.id for i in self.industries], "industry id")
        _no_duplicates([a for i in self.industries for a in i.aliases], "alias")
        return self


class QualifyingGroup(_Strict):
    id: str
    canonical: str
    type: Literal["other", "entity_type", "honor"]
    aliases: list[str]


class QualifyingGroups(_Strict):
    """``gazetteers/groups.yaml``: groups of people named by a noun that qualifies them."""

    groups: list[QualifyingGroup]
    registrations: list[str]
    object_before: list[str]
    group_openers: list[str]
    recipient_leads: list[str] = []
    dependants: list[str] = []
    dependant_leads: list[str] = []
    dependant_service: list[str] = []

    @model_validator(mode="after")
    def _unique(self) -> "QualifyingGroups":
        _no_duplicates([g.id for g in self.groups], "group id")
        _no_duplicates([a for g in self.groups for a in g.aliases], "alias")
        _no_duplicates(self.registrations, "registration")
        return self


def groups() -> QualifyingGroups:
    return load("groups.yaml", QualifyingGroups)


def words() -> ConditionWords:
    return load("conditions.yaml", ConditionWords)


def ladder() -> SkillLadder:
    return load("skill_levels.yaml", SkillLadder)


def professional_titles() -> ProfessionalTitles:
    return load("professional_titles.yaml", ProfessionalTitles)


def honors() -> Honors:
    return load("honors.yaml", Honors)


def entity_types() -> EntityTypes:
    return load("entity_types.yaml", EntityTypes)


def industries() -> Industries:
    return load("industries.yaml", Industries)


# =========================================================================== patterns

# Templates: <<NAME>> is replaced by an alternation of gazetteer words (longest
# first) when the patterns are compiled, once, on first use (see _rx()).

_NUM = r"(?<![0-9０-９.])(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+)"

_SENTENCE = regex.compile(
    r"""
    [^。；;！!？?\n]+     # a run of text up to a sentence end or a line break
    """,
    regex.VERBOSE,
)

_CLAUSE_PUNCT = regex.compile(
    r"""
    [，,：:]              # a clause boundary inside a sentence
    """,
    regex.VERBOSE,
)

_DE_FRAME_END_T = r"""
    的                           # the nominaliser closing a qualifier: …的
    (?:[（(][^）)]{0,40}[）)])?  # an optional note: （含引进后三年内入选）
    (?=\s*[，,：:]|(?:<<VERBS>>)(?![^，,。；;]*的))  # a clause boundary, or a service (no
                                 # comma before it (对…未就业的提供职业指导)
"""

_FRAME_TAIL = regex.compile(
    r"""
    的?                           # the frame's closing 的 …
    (?:[（(][^）)]{0,40}[）)])?   # … and its note: （含引进后三年内入选）
    [\s，,：:]*$                  # at the end of the scope
    """,
    regex.VERBOSE,
)

_NOTE = regex.compile(
    r"""
    [（(][^）)]{0,40}[）)]        # a bracketed note: （以下简称“企业”）
    """,
    regex.VERBOSE,
)

_AGENT_GAP_T = r"""
    [\s“”"]*                      # a closing quote after the entity
    (?:<<JOINERS>>)?              # 与 / 和: 企业与院校合作…
    [\s“”"]*                      # an opening quote
"""

_PIECE_TRIM_T = r"""
    [\s“”"]*                      # spaces before the clause
    (?:<<OPENERS>>)?              # a conjunction (并 / 且) or 若 opening it
    \s*                           # spaces after it
"""

# small patterns used in hot loops, compiled once (speed)
_RE_CLAUSE_CLOSE = regex.compile(r"\s*(?:[；;。]|$)")
_RE_HAN_RUN = regex.compile(r"\p{Han}*")
_RE_PHRASE_GAP = regex.compile(r"[，,、\s“”\"]*")

_RE_OPEN_BRACKET = regex.compile(r"[（(]")
_RE_PIECE_END = regex.compile(r"\p{Han}|[A-Za-z0-9”）)%》]")
_RE_INNER_PUNCT = regex.compile(r"[，,：:、]")

_HAN = regex.compile(
    r"""
    \p{Han}                       # one Chinese character (to measure a clause)
    """,
    regex.VERBOSE,
)

_LABEL = regex.compile(
    r"""
    [\s\u3000]*                                     # indentation
    (?:第[一二三四五六七八九十百零〇0-9]+[条章节]   # 第五条 / 第二章
      |[（(][一二三四五六七八九十0-9]{1,3}[）)]      # （一） / (1)
      |[0-9]{1,2}[.．、](?![0-9])                    # 1. / 2、 (not 1.5)
      |[一二三四五六七八九十]{1,3}、                 # 一、
    )[\s\u3000]*                                     # spacing after the label
    """,
    regex.VERBOSE,
)

_PLACE_STOP = regex.compile(
    r"""
    [，,。；;：:\d]       # a clause end or a number: 在… does not reach over it
    """,
    regex.VERBOSE,
)

_DURATION_T = r"""
    (?P<pre><<BEFORE>>)?                        # comparator before: 满 / 超过 / 不足
    \s*(?P<num><<NUM>>|半(?=年))\s*             # the number, Arabic or Chinese, or 半年
    (?P<unit><<DUR_UNITS>>)                     # 年 / 个月
    (?P<post><<AFTER>>)?                        # comparator after: 以上 / 以内
    (?P<incl>[（(]\s*                           # an inclusivity note …
        (?:(?P<excl><<EXCL>>)|<<INCL>>)         # … 不含 / 含
        [^）)]{0,8}[）)])?                      # … 3年）
"""

_QUANTITY_T = r"""
    (?P<per><<PER>>)?                           # 每达 / 每满: a per-step threshold
    (?P<pre><<BEFORE>>)?                        # comparator before: 达 / 超 / 不少于
    \s*(?P<num><<NUM>>)\s*                      # the number
    (?P<unit><<QUNITS>>)                        # 人次 / 人 / 名 / % / 万元
    (?P<of>(?<=%)(?:<<COUNT_UNITS>>))?          # 20%人次: what the share counts
    (?:(?P<incl>[（(]\s*                        # a note before the comparator: （含）以上
            (?:(?P<excl><<EXCL>>)|<<INCL>>)[^）)]{0,8}[）)])
        (?P<post><<AFTER>>)?
    |   (?P<post><<AFTER>>)?                    # comparator after: 以上
        (?P<incl>[（(]\s*                       # an inclusivity note …
            (?:(?P<excl><<EXCL>>)|<<INCL>>)     # … 不含 / 含
            [^）)]{0,8}[）)])?                  # … 100人）
    )
"""

_SHARE_OF_T = r"""
    (?P<pre><<BEFORE>>)                         # 超过 / 达到 …
    (?P<base>[^，。；;：:\d%]{0,12}?             # 本单位在职职工 …
        (?:<<HEADS>>))                          # … 总数: the whole the share is of
    (?P<num><<NUM>>)\s*%                        # 1.5%
    (?P<post><<AFTER>>)?                        # 以上
"""

_SKILL_T = r"""
    (?P<alias><<ALIASES>>)                      # a ladder name: 高级工 / 技师 / 中级
    (?P<grade>[（(][一二三四五]级[）)])?        # an optional grade: （一级）
"""

_PRO_TITLE_T = r"""
    (?:
      (?P<levels>(?:<<LEVELS>>)                 # a title level: 正高级 / 副高 / 中级
        (?:(?:、|和|或|及|或者)(?:<<LEVELS>>))*)  # more levels: 正高、副高 / 助理级、中级
      (?P<post1><<AFTER>>)?                     # 以上 after the level: 中级以上
      (?:<<HEADS>>)                             # the head it needs: 职称 / 专业技术职称
      (?P<post2><<AFTER>>)?                     # 以上 after the head: 中级职称以上
    |
      (?P<named><<NAMED>>)                      # a named title: 副主任医师 / 高级工程师
      (?P<post3><<AFTER>>)?                     # 以上: 主治医师以上
      (?:<<HEADS>>)?                            # 职称: 副主任医师以上职称
    )
"""

_RESPECTIVE_AMOUNT_T = r"""
    (?:<<R>>)                                   # 分别 / 依次
    [^。；;\n\d]{0,16}?                          # 给予安家费 / 按
    (?:\d|[一二三四五六七八九十百千]+万?元)      # an amount follows: 20万元
"""

_SKILL_CLASS_T = r"""
    (?:[（(][^）)]{1,6}[）)])?                  # a note: 预备技师（技师）班
    (?:<<CLASS>>)                               # 班: the level names a class of a school
"""

_SKILL_TAIL_T = r"""
    (?P<post1><<AFTER>>)?                       # 以上 directly after the level
    (?P<suffix><<QSUFFIX>>)?                    # 职业资格 / 技能等级
    (?P<post2><<AFTER>>)?                       # 以上 after the suffix: 高级技能以上
"""

_CERTIFICATE_T = r"""
    (?P<verb><<VERBS>>)                         # 取得 / 具有
    [^，。；、的]{0,10}?                         # 相应 / 与所从事岗位相关
    (?:的[^，。；、的]{0,4}?)?                   # …的
    (?P<cert><<CERTS>>)                         # 职业技能等级证书 / 职业资格
    (?:(?:或|或者|和|及)(?:<<CERTS>>))?          # 或职业技能等级证书
"""

_TRAINING_CERT_T = r"""
    (?P<verb><<TVERBS>>)                        # 参加 / 接受: a course the applicant takes
    [^，。；、的]{0,16}?                         # 职业技能 / 职业院校学历
    (?:<<THEADS>>)                              # 培训 / 教育
    (?:合格)?\s*(?:并|且|后|，并)\s*           # 并: and then
    (?:<<CVERBS>>)                              # 取得 / 获得
    [^，。；的]{0,20}                           # 职业资格证书或职业技能等级
    (?:<<CHEADS>>)                              # 证书: what the course yields
"""

_PRIZE_LIST_T = r"""
    (?P<verb><<VERBS>>)                         # 获得 / 荣获: won …
    (?P<what>\p{Han}{0,4}?)                     # 个人赛 / 团体
    (?P<prize><<PRIZES>>)                       # 金牌 / 一等奖 / 第一名: the first tier
"""

_GROUP_T = r"""
    (?:(?P<reg><<REGS>>)                        # 本市户籍: a registration …
       (?P<alias><<ALIASES>>)?                  # … and the group it qualifies, if any
    |(?P<bare><<ALIASES>>))                     # or a group alone: 就业困难人员
"""

_HONOR_ALIAS_T = r"""
    (?P<alias><<ALIASES>>)                      # a named honour: 全国技术能手
    (?![”"’]?(?:<<TITLE_STOP>>))                # not 武汉工匠工作室 / “武汉工匠”工作室
    (?P<medals>(?:[、和及]?(?:[金银铜]|优胜)    # 金银铜牌 / 、银牌、铜牌 …
        [牌奖]?){0,3}                           # … (earlier medals of the list)
        [、和及]?(?:[金银铜]|优胜)[牌奖])?      # the list ends in 牌 / 奖 (not 金华…)
    (?P<holder><<HOLDERS>>)?                    # 获得者 / 称号
"""

_HONOR_GENERIC_T = r"""
    (?P<prefix><<LEVEL_PREFIXES>>                  # 全国 / 省级 / 省市
        |(?:(?!<<STOP>>)\p{Han}){2,4}?(?:<<REGION_SUFFIXES>>))  # 安徽省 / 六安市
    (?P<title><<TITLES>>)                       # 技术能手 / 技能大奖 / 工匠
    (?![”"’]?(?:<<TITLE_STOP>>))                # not 技能大师工作室 / 工匠精神
    (?P<holder><<HOLDERS>>)?                    # 获得者 / 称号
"""

_COMPETITION_T = r"""
    (?P<prefix><<LEVEL_PREFIXES>>)              # 全国 / 国家级 / 省级
    (?P<floor><<AFTER>>)?                       # 以上: 省级以上技能大赛
    [\p{Han}]{0,8}?                             # 职业院校 / 一类
    (?P<head><<HEADS>>)                         # 技能大赛 / 竞赛
    [\p{Han}]{0,4}?                             # 中 / 中获得
    (?P<prize><<PRIZES>>)                       # 一等奖 / 第一名 / 金牌
    (?P<holder><<HOLDERS>>)?                    # 选手 / 获得者
"""

_PRIZE_MORE_T = r"""
    [、和及与或]                                 # the next prize of a list: 、二等奖
    (?P<prize><<PRIZES>>)                       # 二等奖 / 银牌
"""

_LEVEL_FLOOR_T = r"""
    (?P<lvl><<LEVEL_WORDS>>)                    # 国家级 / 省级 / 市级
    (?P<post><<AFTER>>)                         # 以上 / 及以上
    (?=[^，。；]{0,12}?(?:<<HEADS>>))           # … 荣誉 / 人才 / 认定 follows
"""

_SOCIAL_INSURANCE_T = r"""
    (?P<verb><<VERBS>>)                         # 参加 / 缴纳
    [^，。；]{0,10}?                            # 基本养老、医疗等
    (?P<term><<TERMS>>)(?!金|待遇)费?           # 社会保险 / 社保 (not 失业保险金: a benefit)
    (?P<dur>\s*(?P<pre><<BEFORE>>)?\s*          # 满 …
        (?P<num><<NUM>>)\s*(?P<unit><<DUR_UNITS>>)  # … 3年
        (?P<post><<AFTER>>)?)?                  # … 以上
"""

_CONTRACT_T = r"""
    (?:(?<!<<NOT_PARTNER>>)(?:<<PARTNER>>)      # 与 / 同: the other party …
        [^，。；：:、<<PARTNER_STOP>>]{1,20}?   # … 其 / 用人单位 / 残疾人
        (?:<<MANNERS>>)?)?                      # 直接
    (?P<verb><<VERBS>>)了?                      # 签订 / 订立
    (?:[^，。；\d]{0,4}?                        # 与其 / 期限
        (?P<pre><<BEFORE>>)?\s*                 # 不少于
        (?P<num><<NUM>>)\s*(?P<unit><<DUR_UNITS>>)  # 1年
        (?P<post><<AFTER>>)?                    # 以上
        (?P<incl>[（(]\s*                       # an inclusivity note …
            (?:(?P<excl><<EXCL>>)|<<INCL>>)     # … 不含 / 含
            [^）)]{0,8}[）)])?)?                # … 1年）
    (?:期限)?的?                                # 期限 / 的
    (?P<term><<TERMS>>)                         # 劳动合同
    (?:(?:<<OR>>)(?:<<TERMS>>))?                # 或服务协议: either form of contract
"""

_ORIGIN_T = r"""
    (?P<origin><<ORIGINS>>)                     # 市外 / 区外 / 国外
"""

_ORIGIN_STANDALONE_T = r"""
    (?P<origin><<ORIGINS>>)                     # 外籍 / 外来
    [\p{Han}]{0,6}?                            # 高端 / 技术
    (?:<<HEADS>>)                               # 人才 / 劳动者: a person noun
"""

_CATALOG_T = r"""
    (?P<verb><<VERBS>>)                         # 列入 / 纳入 / 属于
    (?P<obj>[^，。；、的]{0,30}                 # the catalogue as written …
        (?:<<HEADS>>)[）)》”"]?                 # … 目录 / 紧缺职业 / 工种） / 目录》
        (?:[（(][^）)]{1,6}[）)])?)             # （工种）
    (?P<de>的)?                                 # …的: a qualifier, not a benefit
"""

_CATALOG_MEMBER_T = r"""
    《(?P<obj>[^《》，。；]{1,30}(?:<<HEADS>>))》 # 《重点境外展会目录》: a named list …
    (?:<<WHERE>>)                               # … 内 / 所列: a member of it
"""

_TIER_AMOUNT_T = r"""
    [\s“”"]*                                   # a closing quote / space
    (?:<<PER>>)?                                # 每人次 / 每人每月: the tier's unit first
    <<NUM>>\s*                                 # the amount of this tier …
    (?:<<MONEY>>)                               # … in 元 / 万元: 高级技师5000元/人
"""

_TIER_RESPECTIVE_T = r"""
    的?                                         # 初级工、…、高级技师的 …
    \p{Han}{0,6}?                               # 补贴标准 / 奖励
    (?:<<R>>)                                   # 分别: each level has its own amount
"""

_TIER_LABEL_T = r"""
    (?P<label>
      (?:[一二三四五六七八九]|[1-9１-９])星级?   # a star rating: 一星级 / 3星
    | (?:<<LEVELS>>)                            # an administrative level: 国家级 / 省级
    | [A-EＡ-Ｅ甲乙丙丁](?:类|档)                # a class letter: A类 / 甲类 / B档
    | (?:国家)?(?:[1-5１-５]A|A{3,5})级?          # a scenic-area rating: 5A级 / 4A / AAAA级
    | (?:<<WORDS>>)                             # a word label: 轻度 / 本科 / 初级
    )
    (?:及以上|以上)?                            # 本科及以上
    (?:[（(][^）)]{1,6}[）)])?                  # a note: 中专（技校）
    (?:<<TAILS>>)?                              # 学历 / 研究生
"""

_TIER_RUN_T = r"""
    (?:<<LABEL>>)                               # the first label …
    (?:[、和或及与](?:<<LABEL>>))+              # … joined by 、/和/或 to at least one more
    (?P<head>[^。；;！!？?\n分]{0,24}?)        # a head noun (and its 的，): 机构 / 失能
    (?:<<R>>)                                   # 分别: each label has its own amount
"""

_TIER_OWN_T = r"""
    \s*(?:<<LABEL>>)                            # a label at a clause start (matched there) …
    (?:每\p{Han}{1,3}?)?                       # … its unit: 每件 / 每人每月
    \p{Han}{0,3}?                              # … a grant verb: 奖励 / 给予
    <<NUM>>\s*(?:<<MONEY>>)                    # … and right away its own amount: 2万元
"""

_SHORTAGE_T = r"""
    (?P<word><<SHORTAGE>>)                      # 急需紧缺 / 紧缺
    (?P<head><<HEADS>>)?                        # 职业（工种）: a catalogue of occupations
"""

_LEVEL_GAP = regex.compile(
    r"""
    (?:国家|省|市|县|区)级                      # 和省级专精特新企业: the level of the next kind
    (?=[^、和或及与]*$)                          # … right before it (after the joiner)
    """,
    regex.VERBOSE,
)

_MEMBER_MODIFIERS = regex.compile(
    r"""
    .*、                                        # the list separator …
    (?P<mods>\p{Han}{1,12})$                    # … then the next member's own modifiers,
    """,                                        # right before its kind (产教评技能生态链|评价机构)
    regex.VERBOSE,
)

_QUOTED_TITLE_LEFT = regex.compile(
    r"""
    [“"‘]\p{Han}{1,6}$                          # “桐溪 before a level: a local title
    """,
    regex.VERBOSE,
)

_SINCE_T = r"""
    自\s*(?P<what>[^，。；自]{0,24}?)            # 本《实施意见》
    (?P<verb><<VERBS>>)之日起                   # 发布之日起
"""

_WITHIN_T = r"""
    (?P<event><<EVENTS>>)                       # 引进 / 毕业 / 离校 …
    (?:[^，。；]{0,6}?后|[^，。；\d]{0,2}?)\s*   # … 后 (取得证书后) or nothing (毕业2年内)
    (?P<num><<NUM>>)\s*(?P<unit><<DUR_UNITS>>)  # 三年
    (?:以内|内)                                 # 内
"""

_SINCE_WITHIN_T = r"""
    (?:<<OPEN>>)\s*(?P<what>[^，。；自]{1,12}?)之日起  # 自退役之日起 / 在出站之日起
    \s*(?P<num><<NUM>>)\s*(?P<unit><<DUR_UNITS>>)  # 3年 / 6个月
    (?:以内|内)                                 # 内: a window after the event
"""

_EVENT_CAP_T = r"""
    (?P<event><<EVENTS>>)                       # 取得 / 毕业 / 退役
    [^，。；\d]{0,10}?                          # 博士学位 / 相应证书
    (?P<cap><<CAPS>>)\s*                        # 不超过 / 未满: a cap on the time since
    (?P<num><<NUM>>)\s*(?P<unit><<DUR_UNITS>>)  # 3年
    (?!<<AFTER>>)                               # not 3年以上 (a tenure)
"""

_RECORD_T = r"""
    (?P<neg><<NEG>>)                            # 无 / 未 / 没有
    (?P<verb><<VERBS>>)?                        # 受过 / 发生 / 被
    (?P<obj>[^，。；、的]{0,14}?                 # 刑事 / 重大安全生产 / 学术不端行为
        |[^，。；的]{0,12}?等方面的[^，。；、的]{0,8}?  # 海关、税务等方面的重大: domains
        |(?:[^，。；、的]{2,12}、){1,3}[^，。；、的]{1,12}?)  # 重大安全生产、环境污染: kinds
                                                # sharing the head (事故)
    (?P<head><<HEADS>>)                         # 处罚 / 处分 / 事故 / 记录
"""

_RECENT_LEFT_T = r"""
    (?:<<RECENT>>)\s*<<NUM>>\s*               # 近3 / 最近三
    (?:个)?[年月](?:以内|内)?\s*$               # 年内: right before the record
"""

_RECENT_WINDOW_T = r"""
    (?<![接靠将附邻亲最])                       # not 接近 / 将近 (about), 最 is in RECENT
    (?:<<RECENT>>)\s*(?P<num><<NUM>>)\s*       # 近3 / 最近三
    (?P<unit>个月|年)                           # 年 / 个月
    (?:以内|内|来)?+                             # 内: a window up to now (possessive)
    (?=\s*\p{Han})                               # the qualifier it bounds follows
"""

_DOC_AFTER_T = r"""
    (?P<doc><<DOCS>>)                           # 本办法 / 本通知
    (?P<verb><<VERBS>>)                         # 施行 / 发布
    (?:之日)?(?:以后|之后|后|起)                # 后 / 之日起: from then on
"""

_ONCE_T = r"""
    (?:<<ONCE>>)                                # 只能 / 仅能
    \p{Han}{0,8}?                               # 享受 / 申请技能提升补助
    一次(?!性)                                   # 一次 (not 一次性, a payment)
"""

_CONFERRAL_T = r"""
    (?P<verb><<VERBS>>)[“"]?                    # 获评 / 被命名为 and a quote
    (?P<prefix><<LEVEL_PREFIXES>>)              # a level word: 县级 / 省级 / 国家级
    (?P<floor><<AFTER>>)?                       # 以上: 省级以上
    (?P<title>[^，。；、的“”"\s]{2,12}?)         # 乡村工匠 / 劳模创新工作室
    [”"]?(?=称号|荣誉|[，,。；;的]|$)             # ends (after a closing quote) at 的 / 称号
"""

_DATE_T = r"""
    (?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月     # 2024年7月
    (?:\s*(?P<d>\d{1,2})\s*日)?\s*              # 1日
    (?P<rel><<AFTER>>|<<BEFORE>>)               # 起 / 以后 / 前
"""

_DATE_RANGE_T = r"""
    (?:<<LEADS>>)?\s*                           # 于: "during"
    (?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月      # 2024年1月
    (?:\s*(?P<d>\d{1,2})\s*日)?\s*(?:起)?\s*    # 1日(起)
    (?:<<LINKS>>)\s*                            # 至 / —
    (?P<y2>\d{4})\s*年\s*(?P<m2>\d{1,2})\s*月   # 2025年12月
    (?:\s*(?P<d2>\d{1,2})\s*日)?                # 31日
    (?:\s*(?:<<TAILS>>))?                       # 期间
"""

_EXCLUSION_T = r"""
    (?P<phrase><<PHRASES>>                      # 不得重复享受 / 从优、从高、不重复
      | (?:<<NOT>>)(?:按本\p{Han}{1,3}?)?重复(?:<<DUP>>)  # 不再(按本措施)重复兑现 / 资助
    )
"""

_HIGHEST_T = r"""
    (?:(?:按照|按|依照)[“"]?                    # 按照: the rule is applied, or
      | (?<!\p{Han})[“"]?)                     # a word of its own (not 造就高…)
    (?:<<HIGH>>)                                # 就高 / 择高 / 从高
    (?:
        (?:不就低|不重复)?[”"]?的?原则         # 就高原则 / “就高不就低”原则
      | (?=<<VERBS>>)                           # 就高享受 / 择高执行
    )
    [^，。；,;：:0-9０-９]{0,8}                 # 执行 / 享受一项 / 补足差额部分
    (?=[，。；,;]|$)                            # up to the clause end
"""

_RELOCATION_T = r"""
    (?:<<VERBS>>)                               # 整体迁入 / 迁入
    (?P<place><<PLACES>>)                       # 本区 / 我县: into the issuing area
"""

_NEGATION_T = r"""
    (?P<neg><<NEG>>)(?P<verb><<VERBS>>)         # 未获得 / 不具备
    (?P<obj>[^，。；的、]{1,20}?)               # 高级职称
    (?=的)                                      # …的: a qualifier
"""

_CONTRAST_NEGATION_T = r"""
    (?<=\p{Han})(?:<<JOIN>>)                    # 有就业愿望而…: a contrast after a state
    (?P<q>(?:<<NEG>>)\p{Han}{1,6}?)             # 未就业 / 尚未创业: a status not (yet) held
    (?=的)                                      # …的: closing the frame
"""

_NEGATED_PIECE_T = r"""
    (?:在[^，,、；;的]{1,8}?)?                    # 在本区: a place first
    (?P<neg><<NEG>>)                            # 无 / 未 / 尚未 …: a state not held
    \p{Han}                                     # … and what is not held
"""

_NEGATED_BEFORE_T = r"""
    (?:<<NEG>>)(?:<<VERBS>>)?\p{Han}?$          # 未取得 / 未 right before an item
"""

_CRITERIA_T = r"""
    (?<!<<SKIP_BEFORE>>)                        # not 同时符合 (an overlap rule)
    (?P<verb><<VERBS>>)                         # 符合
    (?P<obj>[^，。；]{0,20}?)                   # 发明专利申请 / 政策文件
    (?P<head><<HEADS>>)的                       # 条件的 / 规定的
"""

_COMPLIANCE_T = r"""
    (?<!<<SKIP_BEFORE>>)                        # not 同时符合 (an overlap rule)
    (?P<verb><<VERBS>>)                         # 符合
    (?P<obj>[^，,。；;：:的]{2,20}?)            # 因公出国管理
    (?P<head><<HEADS>>)                         # 规定 / 要求 / 标准
    (?=[^，,。；;：:的<<HEADS_FIRST>>][^，,。；;：:的]{0,30}的)  # 赴国外进行培训交流的 (团组)
"""

_APPROVAL_T = r"""
    (?<![已曾神历])经过?                        # 经 / 经过: "once approved by"
    (?:(?=验收)|(?!<<FALSE>>))                  # not 经费 / 经济 / 经营 (经验收 is one)
    [^，。；,;、]{0,16}?                         # 社会事务局 / 专家评审
    (?:<<VERBS>>)                               # 认定 / 同意 / 备案
    (?:合格|通过)?                              # 考核合格
"""

_LIST_INTRO_T = r"""
    (?:<<WORDS>>)                               # 下列 / 以下
    [^，。；]{0,4}?(?:<<HEADS>>)                 # 条件 / 情形
    [^。；]*[：:]\s*$                           # … and the sentence ends in ：
"""

_REQUIREMENT_T = r"""
    (?<=(?:<<SUBJECTS>>)[，,]?)                 # an applicant subject: 参评人员 / …的个人，
    (?!<<NONMODALS>>)                           # not 应对 / 应届 (no modal)
    (?P<modal><<MODALS>>)                       # 应 / 应当 / 须
    (?=\p{Han})                                 # the requirement follows
"""

_TOPIC_MODAL_T = r"""
    [，,]?                                      # after 申报个人补贴的，
    (?!<<NONMODALS>>)                           # not 应对 / 应届 (no modal)
    (?P<modal><<MODALS>>)                       # 应 / 须
    (?=\p{Han})                                 # the requirement follows
"""

_INAPPLICABLE_T = r"""
    (?P<who>[^，。；：:]{2,30}?)                 # 机关事业单位在编人员
    (?:<<NOT>>)                                 # 不适用 / 不属于
    (?:<<DOCS>>|\p{Han}{0,6}?(?:<<HEADS>>))     # 本办法 / 津贴对象
"""

_CONSEQUENCE_T = r"""
    (?P<marker><<MARKERS>>                      # 给予 / 予以 / 享受 / 可
      | (?<=每\p{Han}{1,3}|[，,；;]|分别)(?:<<MONEY_VERBS>>)(?=\s*[0-9０-９])  # 每亩补贴100元 / 分别奖励3万元、…
      | (?<=[%％])(?:<<RATE_VERBS>>)             # 按上年度缴费的30%返还: a rate paid
      | (?:<<RAISE_VERBS>>)(?=\s*(?:[0-9０-９]|每))  # 提高至30% / 上浮5%: a raised standard
      | (?:<<RELIEF_VERBS>>)                      # 减免 / 免收: a charge waived …
        (?=\s*(?:[0-9０-９第一二两三四五六七八九十半]  # … for a span (3个月 / 第一年) …
            |\p{Han}{0,6}?(?:<<RELIEF_OBJECTS>>))))  # … or named (租金 / 培训费用)
"""

_HEAD_SUBJECT_T = r"""
    (?P<mods>[^，,。；;：:]{2,40}?)             # the relative clause: 具备高级工以上职业资格
    的                                          # the nominaliser closing it
    (?P<head>[^，,。；;：:的]{0,8}?             # 高级 / 小微 …
        (?:<<HEADS>>))                          # … the head noun: 技能人才 / 企业
    (?:[（(][^）)]{0,20}[）)])?                 # a note: （以下简称…）
    (?=[，,])                                   # a comma: the predicate follows
"""

_RECOGNITION_T = r"""
    (?P<verb><<VERBS>>)                         # 纳入 / 列入 / 认定为
    [^，,。；;：:]{0,24}?                       # 湛江市高层次人才C类认定
    (?:<<HEADS>>)                               # 清单 / 范围 / 目录: a list it enters
"""

_POOL_T = r"""
    从(?P<pool>[^。；;从]{4,80}?)               # 从…: the pool of candidates
    中(?:<<VERBS>>)                             # 中评选 / 中遴选: chosen from it
"""

_BATCH_T = r"""
    (?:<<VERBS>>)一批                           # 选择一批 / 遴选一批
    (?P<obj>[^，,。；;：:]{2,24})               # 大中型企业: the kind chosen
"""

_WORKPLACE_T = r"""
    \s*(?:<<PREPS>>)                            # 在 / 到: the place of work …
    [^，,。；;：:]{2,24}?                        # 本区养老服务机构
    (?:<<VERBS>>)                               # 从事 / 工作 / 就业: a clause of its own
"""

_DEFINITION_T = r"""
    (?:(?:<<OBJECTS>>)(?:<<VERBS>>)             # 支持对象为 / 补助对象是指
      |所称[^，,。；;：:]{0,16}?(?:<<HEADS>>)      # 本办法所称补助对象 / 创业人员 …
        [，,]?\s*                              # … ，
        (?:是指|系指))                          # … 是指
"""

_OBJECT_HEADING_T = r"""
    (?<=^|[\n。；;])\s*                          # a line of its own …
    (?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])?\s*  # … with a label: （一）
    \p{Han}{1,6}(?:<<HEADS>>)                    # 津贴对象 / 奖励对象
    。\s*$                                      # … ends just before the sentence
"""

_CAPACITY_T = r"""
    以(?P<who>[^，,。；;：:以]{2,16}?)          # 以本区企事业单位: in whose name …
    (?:<<HEADS>>)                               # … 名义
    (?:<<VERBS>>)                               # … 参加 / 申报: the applicant acts
"""

_CONTEST_AWARD_T = r"""
    (?:<<LEADS>>)                               # 在 / 参加 …
    (?P<contest>[^，,。；;：:的]{0,30}?         # 国家级、省级、市级、区级
        (?:<<HEADS>>))                          # 技能大赛 / 竞赛
    [中上并]?                                   # 中 / 并
    (?:<<AWARDS>>)                              # 获奖: won a prize in it (an honour)
"""

_GRANTED_AWARD_T = r"""
    (?:<<VERBS>>)                               # 列入 / 获得: entered into / won …
    [^，,。；;：:]{0,30}?                         # 省级以上政府或人才部门
    (?:<<GRANTS>>)的                            # 授予的: … an award a body confers
    [^，,。；;：:的]{1,16}?                       # 技能领军人才
    (?:<<HEADS>>)                               # 奖励 / 称号: the head decides (an honour)
"""

_RECOGNISED_BASE_T = r"""
    (?<=^|[\s，,：:、和及与对凡])               # a list member or the frame's object …
    (?![对凡])                                  # (the opener is not part of it)
    经?[^，,。；;：:、的和及与]{0,12}?            # 国家 / 省 / 经人力资源社会保障部
    (?:<<VERBS>>)的                             # 认定的 / 确定的: recognised by a body
    [^，,。；;：:的和及与]{1,24}?                 # 世界技能大赛主、副
    (?:<<HEADS>>)                               # 集训基地 / 竞赛基地: a designated base
"""

_EXPERIENCE_PHRASE_T = r"""
    (?:(?:<<DURATIVE>>)(?:<<DVERBS>>)在?        # 长期工作在 / 长期从事 …
        [^，,。；;：:的且并]{0,12}?               # 技能操作
        (?:<<PLACES>>)                          # 一线 / 基层: a long practice, no number
    | (?:累计)?(?:<<LENGTH>>)(?:<<LVERBS>>)       # 工作年限达到 / 从业年限满足 …
        [^，,。；;：:的\d一二三四五六七八九十两]{2,12}  # 申报条件 (no number: a tenure has one)
    | (?:<<PAST>>)                              # 承办过 / 主持过: done before (experience)
        [^，,。；;：:的]{2,20}
    )
"""

_AUDIENCE_T = r"""
    (?:<<MARKERS>>)                             # 面向: the people a measure serves …
    (?P<obj>[^，,。；;：:]{2,30}?                # 贫困劳动者、退役士兵…等重点群体
        (?:<<HEADS>>))                          # … ending in a person noun
    (?P<verb><<VERBS>>)                         # 开展 / 公开招聘 / 定向招考
"""

_OPEN_TO_T = r"""
    (?<![<<NOT_BEFORE>>])(?:<<MARKERS>>)        # 向 (not 面向 / 指向 / 导向 / 转向)
    (?P<obj>[^，,。；;：:向]{0,40}?              # 具备资质（包括本科院校、职业院校）的社会…
        (?P<alias><<ALIASES>>))                 # … ending in a kind of applicant: 培训机构
    (?:<<MANNERS>>)?(?:<<VERBS>>)               # (免费 / 平等) 开放
"""

_APPLICANT_T = r"""
    (?:(?<=[。；;：:\n])|(?<=^))                 # first in its sentence or clause
    (?P<subj>[^，,。；;：:的]{2,40}?              # 高技能人才培训基地、技能大师工作室
        (?:<<HEADS>>))                          # … ending in a body: 基地 / 工作室 / 机构
    (?:<<MODALS>>)                              # 可 / 均可
    [^，,。；;：:]{0,20}?                         # 根据已开展项目实施情况
    (?:<<VERBS>>)                               # 申报 / 申请
"""

_SECTOR_LIST_T = r"""
    (?P<verb><<VERBS>>)                         # 从事
    (?:(?P<list>\p{Han}{2,8}(?:、\p{Han}{2,8}){1,5})  # 餐饮、住宿、零售(等)
       (?:<<HEADS>>)                            # 行业 / 产业 / 领域
      |(?P<list>\p{Han}{1,6}业(?:、\p{Han}{1,6}业){1,5})  # 种植业、养殖业: each a sector …
       (?:生产|经营)?)                           # … with 生产 / 经营 after it
    (?=的|[，,。；;]|$)                          # … closing the qualifier
"""

_FIRST_TIME_T = r"""
    (?:在[^，,。；;：:的\d]{1,6}?)?             # 在我区 / 在县内: the place, when written first
    (?:<<MARKERS>>)                             # 首次
    (?:在[^，,。；;：:的\d]{1,8}?)?              # 在统计部门: the place, when written after
    (?:<<VERBS>>)                               # 购买 / 申领 / 进入 / 到 / 赴 / 填报
    [^，,。；;：:的且并]{1,24}                   # the object: 商品住房 / 境外参展
    (?=的|[，,。；;：:]|且|并|$)                 # … up to the head noun or clause end
"""

_HOUSEHOLD_T = r"""
    (?:(?:<<VERBS>>)[^，,。；;：:、的\d]{1,6}?(?:<<WORDS>>)   # 具有本区户籍 / 具有本省农村户籍
      |(?:<<WORDS>>)在[^，,。；;：:、的\d]{1,6}?)          # 户籍在本区
    (?=[、，,。；;：:的]|(?:并|且)\p{Han}|$)    # a clause of its own (not 户籍高校毕业生),
                                                # or one joined by 并 (…户籍并在本区实际居住)
"""

_NOMINATION_T = r"""
    (?<=^|[、，,对凡。；;：:\s])                 # a list member or the frame's object …
    (?!经|对|凡)                                # (经…推荐 is an approval; 对 opens the frame)
    (?P<body>(?:[^，,。；;：:、的\d]{1,14}?(?:<<HEADS>>)、)*  # 重点高等院校、科研院所、
        [^，,。；;：:、的\d]{1,14}?(?:<<HEADS>>))  # 知名企业 / 市人力资源社会保障部门
    (?P<verb><<VERBS>>)                         # 邀请 / 培养推荐: the body nominates …
    (?P<act>[^，,。；;：:的]{4,30}?(?=的))?       # … for what the person comes to do (…的)
"""

_POOL_SOURCE_T = r"""
    (?P<src>[^，,。；;：:、的\d]{2,16}?(?:<<HEADS>>))  # 全市社会经济组织: where the pool is
    (?=\p{Han}{2})                              # … its people's qualifiers follow
"""

_DEADLINE_T = r"""
    于?(?:每年\s*\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末)  # 于每年6月30日 / 每年3月底
          (?:<<POSTS>>)                         # 前 / 之前: a deadline …
      | 每(?:季度|半年|月)(?:首月|第一个月|末|底|初)(?:<<POSTS>>)?)  # 于每季度首月
    (?=(?:<<BEFORE>>))                          # … to apply to an agency (向…提交)
"""

_DEPENDANT_T = r"""
    (?:本人)?(?:<<LEADS>>)                      # 本人及其 / 及其: the recipient's …
    (?:<<DEP>>)(?:[、和及与](?:<<DEP>>))*       # … 配偶、未成年子女: dependants
"""

_AGREEMENT_T = r"""
    签订(?P<obj>[^，,。；;：:、\d]{2,16}?)       # 签订紧缺工种技能人才定向培养 …
    (?:<<HEADS>>)                               # … 协议: an agreement the recipient signs
"""

_OPENER_T = r"""
    (?P<opener><<OPENERS>>)                     # 对 / 凡
"""

_EXPERIENCE_LEFT_T = r"""
    (?:<<WORDS>>)[^，。；\d]{0,6}$              # 一线 / 实践 … before the number: practice
"""

_TENURE_LEFT_T = r"""
    (?:<<WORDS>>)[^，。；并]{0,10}$              # 工作 / 服务 / 同一企业 … before the number
                                                # (not over 并: 取得经营许可证并正常经营…)
"""

_EXPERIENCE_RIGHT_T = r"""
    ^[^，。；的]{0,12}?(?:<<WORDS>>)             # … 相关专业临床工作经历
"""

_PARTNER_LEFT_T = r"""
    (?:<<VERBS>>)                               # 委托 / 联合 / 依托: a partner follows …
    [^，,。；;：:的]{0,20}$                      # … up to the entity (a list member: 、)
"""

_CONTRACT_LEFT_T = r"""
    (?:<<WORDS>>)[^，。；]{0,8}$                 # 劳动合同期限 … before the number
"""

_LIST_GAP_T = r"""
    ^[\s“”"'‘’《》、]*                          # quotes and 、 between list members
    (?:<<JOINERS>>)?                            # 和 / 及 / 或
    [\s“”"'‘’《》、]*$                          # more quotes
"""

_LIST_START_T = r"""
    ^[\s“”"'‘’《》]*                            # closing quotes of the first member
    (?:、|<<JOINERS>>)                          # then 、 / 或 opens the next member
"""

_CONJUNCTION_T = r"""
    (?:<<WORDS>>)                               # 并 / 且 / 同时: both must hold
"""

_DISJUNCTION_T = r"""
    (?:<<WORDS>>)                               # 或 / 或者 between two qualifiers
"""


def _alt(items: Any) -> str:
    """An alternation of literal words, longest first (deterministic)."""
    ws = sorted(set(items), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in ws)


def _compile(template: str, **parts: str) -> regex.Pattern:
    pattern = template.replace("<<NUM>>", _NUM)
    for key, value in parts.items():
        pattern = pattern.replace(f"<<{key}>>", value)
    return regex.compile(pattern, regex.VERBOSE)


def _numeric_patterns(w: ConditionWords) -> dict[str, regex.Pattern]:
    """Durations, counts, insurance, contracts and dates (numbers with bounds)."""
    cmp = dict(BEFORE=_alt(w.comparators_before), AFTER=_alt(w.comparators_after))
    incl = dict(EXCL=_alt(w.exclusive_markers), INCL=_alt(w.inclusive_markers))
    dur = _alt(w.duration_units)
    count_units = [u for u, kind in w.threshold_units.items() if kind == "count"]
    return dict(
        duration=_compile(_DURATION_T, DUR_UNITS=dur, **incl, **cmp),
        share_of=_compile(_SHARE_OF_T, HEADS=_alt(w.share_base_heads), **cmp),
        quantity=_compile(_QUANTITY_T, PER=_alt(w.per_markers), QUNITS=_alt(w.threshold_units),
                          COUNT_UNITS=_alt(count_units), **incl, **cmp),
        social_insurance=_compile(_SOCIAL_INSURANCE_T, VERBS=_alt(w.social_insurance_verbs),
                                  TERMS=_alt(w.social_insurance_terms), DUR_UNITS=dur, **cmp),
        contract=_compile(_CONTRACT_T, VERBS=_alt(w.contract_verbs),
                          TERMS=_alt(w.contract_terms), DUR_UNITS=dur,
                          PARTNER=_alt(w.contract_partner_markers),
                          NOT_PARTNER=_alt(w.contract_partner_false_before),
                          PARTNER_STOP="".join(w.contract_partner_stops),
                          MANNERS=_alt(w.contract_manners), OR=_alt(w.disjunctions),
                          **incl, **cmp),
        within=_compile(_WITHIN_T, EVENTS=_alt(w.time_window_events), DUR_UNITS=dur),
        since_within=_compile(_SINCE_WITHIN_T, DUR_UNITS=dur, OPEN=_alt(w.since_openers)),
        event_cap=_compile(_EVENT_CAP_T, EVENTS=_alt(w.time_window_events), DUR_UNITS=dur,
                           CAPS=_alt(w.window_caps), AFTER=cmp["AFTER"]),
        doc_after=_compile(_DOC_AFTER_T, DOCS=_alt(w.document_words),
                           VERBS=_alt(w.time_window_verbs)),
        window_phrase=_compile(r"(?:<<W>>)  # 毕业学年内", W=_alt(w.time_window_phrases)),
        date=_compile(_DATE_T, AFTER=_alt(w.date_after), BEFORE=_alt(w.date_before)),
        skill_tail=_compile(_SKILL_TAIL_T, QSUFFIX=_alt(ladder().qualifier_suffixes), **cmp),
    )


def _title_patterns(w: ConditionWords) -> dict[str, regex.Pattern]:
    """Skill levels, honours, competitions, entity types and industries."""
    lad, hon, pt = ladder(), honors(), professional_titles()
    holders, after = _alt(hon.holder_suffixes), _alt(w.comparators_after)
    return dict(
        skill=_compile(_SKILL_T, ALIASES=_alt(
            a for lv in lad.levels for a in lv.aliases + lv.needs_suffix)),
        certificate=_compile(_CERTIFICATE_T, VERBS=_alt(lad.certificate_verbs),
                             CERTS=_alt(lad.certificate_words)),
        skill_stop=_compile(r"(?:<<STOP>>)  # 学院 right after a level: a name",
                            STOP=_alt(lad.stop_suffixes)),
        skill_class=_compile(_SKILL_CLASS_T, CLASS=_alt(lad.class_suffixes)),
        training_cert=_compile(_TRAINING_CERT_T, TVERBS=_alt(w.training_verbs),
                               THEADS=_alt(w.training_heads), CVERBS=_alt(lad.certificate_verbs),
                               CHEADS=_alt(w.certificate_heads)),
        prize_list=_compile(_PRIZE_LIST_T, VERBS=_alt(w.prize_verbs),
                            PRIZES=_alt(hon.competition_prizes)),
        honor_alias=_compile(_HONOR_ALIAS_T, ALIASES=_alt(_honor_by_alias()), HOLDERS=holders,
                             TITLE_STOP=_alt(hon.title_stop_suffixes)),
        honor_generic=_compile(
            _HONOR_GENERIC_T, LEVEL_PREFIXES=_alt(hon.level_prefixes),
            STOP="[" + "".join(regex.escape(c) for c in hon.region_stop_chars) + "]",
            REGION_SUFFIXES=_alt(hon.region_suffixes), TITLES=_alt(hon.generic_titles),
            TITLE_STOP=_alt(hon.title_stop_suffixes), HOLDERS=holders),
        conferral=_compile(_CONFERRAL_T, VERBS=_alt(hon.conferral_verbs), AFTER=after,
                           LEVEL_PREFIXES=_alt(k for k in hon.level_prefixes if k.endswith("级"))),
        prize_more=_compile(_PRIZE_MORE_T, PRIZES=_alt(hon.competition_prizes)),
        level_word=_compile(r"(?:<<L>>)  # 国家级 / 省级", L=_alt(hon.level_prefixes)),
        competition=_compile(_COMPETITION_T, LEVEL_PREFIXES=_alt(hon.level_prefixes),
                             HEADS=_alt(hon.competition_heads), AFTER=after,
                             PRIZES=_alt(hon.competition_prizes), HOLDERS=holders),
        level_floor=_compile(_LEVEL_FLOOR_T, AFTER=after, HEADS=_alt(hon.honor_level_heads),
                             LEVEL_WORDS=_alt(k for k in hon.level_prefixes if k.endswith("级"))),
        pro_title=_compile(
            _PRO_TITLE_T, LEVELS=_alt(_title_by_word()), HEADS=_alt(pt.heads), AFTER=after,
            NAMED=_alt(_title_by_named())),
        title_stop=_compile(r"(?:<<S>>)$  # 首席 before 研究员: an honour post",
                            S=_alt(pt.named_stop_before)),
        title_verb=_compile(r"(?:<<V>>)$  # 具有 / 取得 right before a title", V=_alt(pt.verbs)),
        respective_amount=_compile(_RESPECTIVE_AMOUNT_T, R=_alt(w.respective_words)),
        title_word=_compile(r"<<W>>  # a title level word", W=_alt(_title_by_word())),
        entity=_compile(r"(?P<alias><<A>>)  # an entity type alias", A=_alt(_entity_by_alias())),
        group=_compile(_GROUP_T, REGS=_alt(groups().registrations),
                       ALIASES=_alt(_group_by_alias())),
        industry=_compile(r"(?P<alias><<A>>)  # an industry alias", A=_alt(_industry_by_alias())),
    )


def _word_patterns(w: ConditionWords) -> dict[str, regex.Pattern]:
    """Scope, structure, origin, catalogue, time-window and exclusion words."""
    return dict(
        origin=_compile(_ORIGIN_T, ORIGINS=_alt(w.origins)),
        tier_amount=_compile(_TIER_AMOUNT_T, PER=_alt(w.tier_per_words), MONEY=_alt(
            u for u, kind in w.threshold_units.items() if kind == "amount")),
        tier_respective=_compile(_TIER_RESPECTIVE_T, R=_alt(w.respective_words)),
        tier_label=_compile(_TIER_LABEL_T, **_tier_parts(w)),
        tier_run=_compile(_TIER_RUN_T.replace("<<LABEL>>", _TIER_LABEL_T),
                          R=_alt(w.respective_words), **_tier_parts(w)),
        tier_own=_compile(_TIER_OWN_T.replace("<<LABEL>>", _TIER_LABEL_T), MONEY=_alt(
            u for u, kind in w.threshold_units.items() if kind == "amount"), **_tier_parts(w)),
        tier_skill_cue=_compile(r"(?:<<W>>)  # 技能 before a list of bare levels",
                                W=_alt(w.tier_skill_cues)),
        origin_alone=_compile(_ORIGIN_STANDALONE_T, ORIGINS=_alt(w.origins_standalone),
                              HEADS=_alt(w.origin_person_heads)),
        origin_verb=_compile(r"(?:<<V>>)  # 引进 near an origin", V=_alt(w.origin_verbs)),
        catalog=_compile(_CATALOG_T, VERBS=_alt(w.catalog_verbs), HEADS=_alt(w.catalog_heads)),
        catalog_member=_compile(_CATALOG_MEMBER_T, HEADS=_alt(w.catalog_list_heads),
                                WHERE=_alt(w.catalog_member_words)),
        catalog_state=_compile(r"(?:<<W>>)$  # 已 right before 列入", W=_alt(w.catalog_states)),
        shortage=_compile(_SHORTAGE_T, SHORTAGE=_alt(w.shortage_words),
                          HEADS=_alt(w.shortage_heads)),
        since=_compile(_SINCE_T, VERBS=_alt(w.time_window_verbs)),
        exclusion=_compile(_EXCLUSION_T, PHRASES=_alt(w.exclusion_phrases),
                           NOT=_alt(w.duplicate_negations), DUP=_alt(w.duplicate_verbs)),
        once=_compile(_ONCE_T, ONCE=_alt(w.exclusion_once)),
        highest=_compile(_HIGHEST_T, HIGH=_alt(w.highest_words),
                         VERBS=_alt(w.highest_rule_verbs)),
        relocation=_compile(_RELOCATION_T, VERBS=_alt(w.relocation_verbs),
                            PLACES=_alt(w.relocation_places)),
        catalog_neg=_compile(r"(?:<<N>>)$  # 未被 right before 列入", N=_alt(w.catalog_negations)),
        negation=_compile(_NEGATION_T, NEG=_alt(w.negations), VERBS=_alt(w.negation_verbs)),
        negated_before=_compile(_NEGATED_BEFORE_T, NEG=_alt(w.negations),
                                VERBS=_alt(w.negation_verbs)),
        compared_standard=_compile(r"(?:<<V>>)[^，,。；;]{0,16}?标准  # 低于…最低工资标准",
                                   V=_alt(w.standard_comparators)),
        member_split=_compile(r"、|<<J>>  # members of a list of kinds", J=_alt(w.member_joiners)),
        date_range=_compile(_DATE_RANGE_T, LEADS=_alt(w.range_leads), LINKS=_alt(w.range_links),
                            TAILS=_alt(w.range_tails)),
        age_range=_compile(r"""(?:<<LEAD>>)?(?<![0-9])(?P<a>\d{1,2})\s*(?:周岁|岁)?\s*(?:<<LINKS>>)\s*
                               (?P<b>\d{1,2})\s*(?P<unit>周岁|岁)(?:<<TAILS>>)?  # 16—24岁""",
                           LEAD=_alt([x for x in w.age_lead_words if len(x) > 1]),
                           LINKS=_alt(w.range_links), TAILS=_alt(w.range_tails)),
        leading_body=_compile(r"(?P<body>(?:(?!的)\p{Han}){2,10}?(?:<<H>>))(?=\p{Han})  # 担保机构为…",
                              H=_alt(w.body_heads)),
        sector_list=_compile(_SECTOR_LIST_T, VERBS=_alt(w.sector_verbs), HEADS=_alt(w.sector_heads)),
        negated_piece=_compile(_NEGATED_PIECE_T, NEG=_alt(w.negated_piece_openers)),
        negation_word=_compile(r"^(?:<<NEG>>)", NEG=_alt(w.negations)),
        contrast_negation=_compile(_CONTRAST_NEGATION_T, JOIN=_alt(w.contrast_joiners),
                                   NEG=_alt(w.negations)),
        de_frame_end=_compile(_DE_FRAME_END_T, VERBS=_alt(w.frame_service_verbs)),
        compliance=_compile(_COMPLIANCE_T, SKIP_BEFORE=_alt(w.criteria_skip_before),
                            VERBS=_alt(w.criteria_verbs), HEADS=_alt(w.criteria_heads),
                            HEADS_FIRST="".join(sorted({h[0] for h in w.criteria_heads}))),
        criteria=_compile(_CRITERIA_T, SKIP_BEFORE=_alt(w.criteria_skip_before),
                          VERBS=_alt(w.criteria_verbs), HEADS=_alt(w.criteria_heads)),
        agent_gap=_compile(_AGENT_GAP_T, JOINERS=_alt(w.list_joiners)),
        piece_trim=_compile(_PIECE_TRIM_T, OPENERS=_alt(
            [c for c in w.conjunctions if c not in w.list_joiners] + w.condition_openers)),
        approval=_compile(_APPROVAL_T, FALSE=_alt(w.approval_false_after),
                          VERBS=_alt(w.approval_verbs)),
        consequence=_compile(_CONSEQUENCE_T, MARKERS=_alt(
            w.consequence_markers + w.modal_markers), MONEY_VERBS=_alt(w.money_consequence_verbs),
            RATE_VERBS=_alt(w.rate_consequence_verbs),
            RELIEF_VERBS=_alt(w.relief_consequence_verbs), RELIEF_OBJECTS=_alt(w.relief_objects),
            RAISE_VERBS=_alt(w.raise_consequence_verbs)),
        opener=_compile(_OPENER_T, OPENERS=_alt(w.scope_openers)),
        contest_award=_compile(_CONTEST_AWARD_T, HEADS=_alt(honors().competition_heads),
                               AWARDS=_alt(w.contest_award_words), LEADS=_alt(w.contest_award_leads)),
        granted_award=_compile(_GRANTED_AWARD_T, VERBS=_alt(w.award_entry_verbs),
                               GRANTS=_alt(w.award_grant_verbs), HEADS=_alt(w.award_heads)),
        recognised_base=_compile(_RECOGNISED_BASE_T, VERBS=_alt(w.base_recognition_verbs),
                                 HEADS=_alt(w.base_heads)),
        experience_phrase=_compile(
            _EXPERIENCE_PHRASE_T, DURATIVE=_alt(w.experience_durative_words),
            DVERBS=_alt(w.experience_durative_verbs), PLACES=_alt(w.experience_places),
            LENGTH=_alt(w.experience_length_words), LVERBS=_alt(w.experience_length_verbs),
            PAST=_alt(w.experience_past_verbs)),
        employment_status=_compile(r"(?:<<W>>)(?=的)  # 在聘的 / 目前在岗的",
                                   W=_alt(w.employment_status_words)),
        training_right=_compile(r"[^，,。；;：:的\d]{0,8}(?:<<H>>)  # 脱产技能研修培训",
                                H=_alt(w.training_heads)),
        first_time=_compile(_FIRST_TIME_T, MARKERS=_alt(w.first_time_markers),
                            VERBS=_alt(w.first_time_verbs)),
        household=_compile(_HOUSEHOLD_T, VERBS=_alt(w.household_verbs),
                           WORDS=_alt(w.household_words)),
        audience=_compile(_AUDIENCE_T, MARKERS=_alt(w.audience_markers),
                          HEADS=_alt(w.audience_heads),
                          VERBS=_alt(w.audience_verbs + w.audience_grant_verbs)),
        open_to=_compile(_OPEN_TO_T, MARKERS=_alt(w.open_to_markers),
                         NOT_BEFORE="".join(regex.escape(c) for c in w.open_to_not_before),
                         ALIASES=_alt(_entity_by_alias()), VERBS=_alt(w.open_to_verbs),
                         MANNERS=_alt(w.open_to_manners)),
        applicant=_compile(_APPLICANT_T, HEADS=_alt(w.applicant_heads),
                           MODALS=_alt(w.applicant_modals), VERBS=_alt(w.applicant_verbs)),
        capacity=_compile(_CAPACITY_T, HEADS=_alt(w.capacity_heads),
                          VERBS=_alt(w.capacity_verbs)),
        head_subject=_compile(_HEAD_SUBJECT_T, HEADS=_alt(w.requirement_subjects)),
        recognition=_compile(_RECOGNITION_T, VERBS=_alt(w.recognition_verbs),
                             HEADS=_alt(w.recognition_heads)),
        pool=_compile(_POOL_T, VERBS=_alt(w.selection_verbs)),
        pool_source=_compile(_POOL_SOURCE_T, HEADS=_alt(w.pool_source_heads)),
        nomination=_compile(_NOMINATION_T, HEADS=_alt(w.nomination_body_heads),
                            VERBS=_alt(w.nomination_verbs)),
        deadline=_compile(_DEADLINE_T, BEFORE=_alt(w.deadline_before), POSTS=_alt(w.date_before)),
        dependant=_compile(_DEPENDANT_T, LEADS=_alt(groups().dependant_leads),
                           DEP=_alt(groups().dependants)),
        agreement=_compile(_AGREEMENT_T, HEADS=_alt(w.agreement_heads)),
        activity_joiner=_compile(r"(?:<<W>>)$  # 和 before a typed qualifier",
                                 W=_alt(w.activity_joiners)),
        evaluative=_compile(r"(?:<<W>>)$  # 质量好 closing a clause part", W=_alt(w.evaluative_tails)),
        batch=_compile(_BATCH_T, VERBS=_alt(w.batch_verbs)),
        object_heading=_compile(_OBJECT_HEADING_T, HEADS=_alt(w.object_heading_heads)),
        definition=_compile(_DEFINITION_T, HEADS=_alt(w.definition_heads + [
                                a for g in groups().groups for a in g.aliases]),
                            OBJECTS=_alt(w.definition_objects),
                            VERBS=_alt(w.definition_verbs)),
        list_intro=_compile(_LIST_INTRO_T, WORDS=_alt(w.list_intro_words),
                            HEADS=_alt(w.list_intro_heads)),
        requirement=_compile(_REQUIREMENT_T, SUBJECTS=_alt(w.requirement_subjects +
                                                           w.requirement_things),
                             MODALS=_alt(w.requirement_modals),
                             NONMODALS=_alt(w.requirement_non_modals)),
        topic_modal=_compile(_TOPIC_MODAL_T, MODALS=_alt(w.requirement_modals),
                             NONMODALS=_alt(w.requirement_non_modals)),
        applicability=_compile(r"(?:<<W>>)  # 适用于", W=_alt(w.applicability_words)),
        workplace_clause=_compile(_WORKPLACE_T, PREPS=_alt(w.workplace_preps),
                                  VERBS=_alt(w.workplace_verbs)),
        document_applicability=_compile(r"(?:<<D>>)(?:<<W>>)  # 本细则适用于",
                                        D=_alt(w.document_words),
                                        W=_alt(w.applicability_words)),
        inapplicable=_compile(_INAPPLICABLE_T, NOT=_alt(w.inapplicable_words),
                              DOCS=_alt(w.document_words), HEADS=_alt(w.inapplicable_heads)),
        penalty=_compile(r"(?:<<W>>)  # 追究 / 追回: a penalty", W=_alt(w.penalty_words)),
        tenure_left=_compile(_TENURE_LEFT_T, WORDS=_alt(w.tenure_words)),
        experience_right=_compile(_EXPERIENCE_RIGHT_T, WORDS=_alt(w.experience_words)),
        experience_left=_compile(_EXPERIENCE_LEFT_T, WORDS=_alt(w.experience_left_words)),
        recent_left=_compile(_RECENT_LEFT_T, RECENT=_alt(w.recent_words)),
        recent_window=_compile(_RECENT_WINDOW_T, RECENT=_alt(w.recent_words)),
        conjoined_tail=_compile(r"(?:<<W>>)(?:<<A>>)?$  # 并 (连续) right before the next qualifier",
                                W=_alt(w.entity_conjoiners), A=_alt(w.conjoined_adverbs)),
        place_joiner=_compile(r"(?:<<W>>)  # 在本市就业并缴纳: not one place",
                              W=_alt(sorted(set(w.conjunctions + w.list_joiners)))),
        refused_head=_compile(r"""\p{Han}{0,4}?(?:<<HEADS>>)    # 企业 / 申请人: the head noun
                                  [，,]?(?:<<REFUSALS>>)       # 不予 / 不得: refused""",
                              HEADS=_alt(w.requirement_subjects),
                              REFUSALS=_alt(w.refusal_markers)),
        split_conjunction=_compile(r"(?:<<W>>)  # 且: two qualifiers joined all-of",
                                   W=_alt(w.split_conjunctions)),
        clause_split=_compile(r"、(?=(?:<<W>>))(?!<<F>>)  # 、 before a new qualifier clause",
                              W=_alt(w.clause_split_openers), F=_alt(w.clause_split_false)),
        record=_compile(_RECORD_T, NEG=_alt(w.record_negations), VERBS=_alt(w.record_verbs),
                        HEADS=_alt(w.record_heads)),
        contract_left=_compile(_CONTRACT_LEFT_T, WORDS=_alt(w.contract_terms)),
        contract_right=_compile(r"(?:[（(][^）)]{0,8}[）)])?(?:期限)?的?(?:<<W>>)  # 聘用合同",
                                W=_alt(w.contract_terms)),
        thing_share=_compile(r"%的(?:<<T>>)  # 30%的场地: a share of a thing",
                             T=_alt(w.thing_heads)),
        partner_left=_compile(_PARTNER_LEFT_T, VERBS=_alt(w.entity_partner_verbs)),
        insurance_left=_compile(_CONTRACT_LEFT_T, WORDS=_alt(w.social_insurance_terms)),
        list_gap=_compile(_LIST_GAP_T, JOINERS=_alt(w.list_joiners)),
        list_start=_compile(_LIST_START_T, JOINERS=_alt(w.list_joiners)),
        disjunction=_compile(_DISJUNCTION_T, WORDS=_alt(w.disjunctions)),
        conjunction=_compile(_CONJUNCTION_T, WORDS=_alt(
            c for c in w.conjunctions if c not in w.list_joiners)),
    )


def _tier_parts(w: ConditionWords) -> dict[str, str]:
    """Gazetteer parts of the tier-label patterns."""
    return dict(LEVELS=_alt(w.tier_levels), WORDS=_alt(w.tier_words), TAILS=_alt(w.tier_tails))


@functools.cache
def _rx() -> SimpleNamespace:
    """Compile the gazetteer-driven patterns once (first call)."""
    w = words()
    return SimpleNamespace(**_numeric_patterns(w), **_title_patterns(w), **_word_patterns(w))


# =========================================================================== scopes


@dataclass(frozen=True)
class Scope:
    """A qualifier span of one sentence and the sentence it sits in."""

    start: int
    end: int
    frame: str
    sentence_start: int
    sentence_end: int
    skip: tuple[tuple[int, int], ...] = ()
    weak: bool = False  # a frame with no consequence word: a list item's scope prevails


def _is_modal_false(text: str, i: int, marker: str) -> bool:
    """True when the 可 at ``i`` belongs to a word such as 认可 / 可持续."""
    if not marker.startswith("可"):
        return False
    for word in words().modal_false_words:
        k = word.find("可")
        if k >= 0 and text[i - k:i - k + len(word)] == word:
            return True
    return False


def _markers(text: str, start: int, end: int) -> list[int]:
    """Consequence positions, ignoring those inside an honour (享受政府特殊津贴)."""
    inside = [(m.start(), m.end()) for m in _rx().honor_alias.finditer(text, start, end)]
    out = []
    for m in _rx().consequence.finditer(text, start, end):
        if _is_modal_false(text, m.start(), m["marker"]):
            continue
        if text.endswith(tuple(words().marker_negations), start, m.start()):
            continue  # 对尚未享受其他扶持政策的…: a negated qualifier, not the consequence
        if not any(a <= m.start() < b for a, b in inside):
            out.append(m.start())
    return out


def _clause_end(text: str, pos: int, end: int) -> int:
    m = _CLAUSE_PUNCT.search(text, pos, end)
    return m.end() if m else end


def _open(text: str, start: int, end: int) -> tuple[int, str]:
    """Move ``start`` to the last 对/凡 that opens a clause inside [start, end)."""
    best, frame = start, ""
    for m in _rx().opener.finditer(text, start, end):
        at_clause_start = m.start() == start or text[m.start() - 1] in "，,：:；; "
        if at_clause_start:
            best, frame = m.start(), m["opener"][0]
    return best, frame


def _prose_clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Clauses of a subject scope that are prose (鼓励… / 依托…) or manner (按照…)."""
    bounds = [start] + [m.end() for m in _CLAUSE_PUNCT.finditer(text, start, end)] + [end]
    openers = tuple(words().prose_openers + words().manner_openers)
    return tuple((a, b) for a, b in zip(bounds, bounds[1:])
                 if text[a:b].lstrip().startswith(openers) and not _modified_entity(text, a, b))


def _modified_entity(text: str, a: int, b: int) -> bool:
    """True for a clause naming applicants after a participle (经备案的大型企业、上市公司):
    经… opens a modifier of the subject there, not the manner of the grant."""
    de = text.find("的", a, b)
    return de >= 0 and text.startswith("经", a) and bool(_rx().entity.match(text, de + 1, b))


def _skip_label(text: str, start: int, end: int) -> int:
    """Move ``start`` past a clause label written at it (第五条 / （一） / 3.)."""
    m = _LABEL.match(text, start, end)
    return m.end() if m and m.end() > start else start


def _make_scope(text: str, start: int, end: int, sent: tuple[int, int]) -> Scope | None:
    start = _skip_label(text, start, end)
    ends = [m.end() for m in _rx().de_frame_end.finditer(text, start, min(len(text), end + 2))
            if m.end() <= end]  # the boundary after a closing 的 may lie past the scope
    if ends:
        end = ends[-1]
    start, opener = _open(text, start, end)
    skip = () if ends or opener else _prose_clauses(text, start, end)
    while start < end and text[start] in " \t\u3000，,":
        start += 1
    if end - start < 2:
        return None
    body = text[start:end].rstrip("，,： ")
    frame = f"{opener}…的" if opener and body.endswith(("的", "）", ")")) else (
        f"{opener}…" if opener else ("…的" if "的" in body[-12:] else "subject"))
    return Scope(start, end, frame, sent[0], sent[1], skip)


def find_scopes(text: str, s_start: int, s_end: int) -> list[Scope]:
    """Qualifier scopes of the sentence ``text[s_start:s_end]``.

    >>> t = "对各类民营企业职工，在同一企业连续工作3年以上的，给予奖励"
    >>> [(t[s.start:s.end], s.frame) for s in find_scopes(t, 0, len(t))]
    [('对各类民营企业职工，在同一企业连续工作3年以上的', '对…的')]
    """
    scopes: list[Scope] = []
    prev = s_start
    for pos in _markers(text, s_start, s_end):
        if pos > prev:
            scope = _make_scope(text, prev, pos, (s_start, s_end))
            if scope:
                scopes.append(scope)
        prev = max(prev, _clause_end(text, pos, s_end))
    tail = [m.end() for m in _rx().de_frame_end.finditer(text, prev, s_end)]
    if tail:
        scope = _make_scope(text, prev, tail[-1], (s_start, s_end))
        if scope:
            scopes.append(scope)
    scopes = [sc for sc in scopes if not _is_penalty(text, sc, s_end)
              and not _thing_topic(text, sc) and not _document_scope(text, sc)]
    scopes = _split_head_subjects(text, scopes) + _open_scopes(text, s_start, s_end, scopes)
    return scopes + _frame_scopes(text, s_start, s_end, scopes)


def _head_subject(text: str, start: int, end: int) -> regex.Match | None:
    """A subject noun phrase with a relative clause at ``start`` (具备…的技能人才，):
    not prose (鼓励…的企业，) nor a duty (各地要把…的人才，)."""
    start = _skip_label(text, start, end)
    m = _rx().head_subject.match(text, start, end)
    if m is None or m.end() >= end:
        return None
    w, mods = words(), m["mods"].lstrip(" \u3000")
    openers = tuple(w.prose_openers + w.encouragement_openers + w.scope_openers +
                    w.subject_topic_verbs +
                    [o for o in w.manner_openers if o not in ("经", "并")])
    stops = w.subject_mod_stops + w.document_words
    if mods.startswith(openers) or any(x in mods for x in stops):
        return None  # 鼓励…的企业 / 对…的 (read as such) / 享受本办法补贴的人员 (everyone)
    if mods.endswith(tuple(w.requirement_subjects)):
        return None  # 获奖选手的指导教师: a possessive 的 (the coach of…), not a clause
    if _rx().list_intro.search(text, m.end(), end):
        return None  # …的机构，须具备下列条件：the list states the qualifiers
    return m if len(_HAN.findall(mods)) >= 2 else None


def _split_head_subjects(text: str, scopes: list[Scope]) -> list[Scope]:
    """A subject scope opening with 具备…的技能人才， is a …的 frame up to its head noun;
    the clauses after it stay a subject scope."""
    out: list[Scope] = []
    for sc in scopes:
        body = text[sc.start:sc.end].rstrip("，,：: ")
        open_de = sc.frame == "…的" and not body.endswith("的")  # 的 not closing the scope
        m = _head_subject(text, sc.start, sc.end) if sc.frame == "subject" or open_de else None
        if m is None:
            out.append(sc)
            continue
        out.append(Scope(m.start(), m.end(), "…的", sc.sentence_start, sc.sentence_end))
        rest = _make_scope(text, m.end() + 1, sc.end, (sc.sentence_start, sc.sentence_end))
        out.extend([rest] if rest else [])
    return out


def _frame_scopes(text: str, s_start: int, s_end: int, scopes: list[Scope]) -> list[Scope]:
    """Scopes of frames with no consequence word (their consequence is not money): a subject
    with a relative clause (具备…的技能人才，不将…), the subject of a recognition (…纳入B类
    清单), a selection pool (从…中评选) and a batch (选择一批大中型企业)."""
    rx, found = _rx(), []
    if text.find("的", s_start, s_end) >= 0 and (m := _head_subject(text, s_start, s_end)):
        found.append((m.start(), m.end(), "…的"))  # cheap pre-checks (的 / 从 / 一批): speed
    for m in rx.recognition.finditer(text, s_start, s_end):
        if text.startswith("的", m.end()) or rx.catalog_neg.search(
                text, max(s_start, m.start() - 4), m.start()):
            continue  # 纳入…目录的机构 / 未被列入…名单: a catalogue qualifier, not a goal
        a = _recognition_subject(text, s_start, m.start())
        if a is not None:
            found.append((a, m.start(), "纳入…"))
    for m in rx.pool.finditer(text, s_start, s_end) if text.find("从", s_start, s_end) >= 0 \
            else ():
        found.append((m.start("pool"), m.end("pool"), "从…中"))
    for m in rx.batch.finditer(text, s_start, s_end) if text.find("一批", s_start, s_end) >= 0 \
            else ():
        found.append((m.start("obj"), m.end("obj"), "一批…"))
    out: list[Scope] = []
    for a, b, frame in found:
        sc = Scope(a, b, frame, s_start, s_end, weak=True)
        if all(b <= o.start or a >= o.end or _skipped(o, a, b) for o in scopes + out) and \
                not _is_penalty(text, sc, s_end) and not _thing_topic(text, sc):
            out.append(sc)
    return out


def _skipped(scope: Scope, a: int, b: int) -> bool:
    """True when [a, b) lies in a prose clause ``scope`` skips (选择一批大中型企业，… inside a
    scope that runs to a later 给予): a frame of its own may be read there."""
    return any(x <= a and b <= y for x, y in scope.skip)


def _recognition_subject(text: str, s_start: int, verb: int) -> int | None:
    """Start of the subject of 纳入 / 列入 (its clause, or the one before when the verb's
    clause holds only 直接 / 可): 将具有…资格人员纳入…清单."""
    bounds = [s_start] + [m.end() for m in _CLAUSE_PUNCT.finditer(text, s_start, verb)]
    for a in reversed(bounds[-2:]):
        a = _skip_label(text, a, verb)
        leads = tuple(words().recognition_leads)
        while text.startswith(leads, a):
            a += next(len(x) for x in sorted(leads, key=len, reverse=True)
                      if text.startswith(x, a))
        if len(_HAN.findall(text, a, verb)) >= 3:
            return a
    return None


def _document_scope(text: str, scope: Scope) -> bool:
    """True for a …的 scope that states what the document covers (本细则适用于…补贴的申领、
    审核…): the applicability frame reads it, not the …的 frame."""
    if scope.frame != "…的":
        return False
    a = _skip_label(text, scope.start, scope.end)
    return bool(_rx().document_applicability.match(text, a, scope.end))


def _thing_topic(text: str, scope: Scope) -> bool:
    """True when the head noun of a …的 scope is a thing (…取得的收入，可… / 线上培训的课时):
    the sentence rules on money or hours, not on who qualifies."""
    body = text[scope.start:scope.end].rstrip("，,：: ")
    de = body.rfind("的")
    head = body[de + 1:] if de >= 0 else ""
    return 0 < len(head) <= 4 and head.startswith(tuple(words().thing_heads))


def _is_penalty(text: str, scope: Scope, s_end: int) -> bool:
    """True when the consequence of a scope is a penalty or a procedure (构成犯罪的，依法追究…)."""
    stop = _clause_end(text, _clause_end(text, scope.end + 1, s_end), s_end)
    return bool(_rx().penalty.search(text, scope.end, stop))


def _open_scopes(text: str, s_start: int, s_end: int, scopes: list[Scope]) -> list[Scope]:
    """Scopes that run to the sentence end: 应…(a requirement) and 适用于… (applicability)."""
    rx, out = _rx(), []
    taken = scopes[-1].end if scopes else s_start
    topic = _topic_requirement(text, scopes[-1], s_end) if scopes else None
    for frame, m in (("应…", topic or rx.requirement.search(text, taken, s_end)),
                     ("适用…", rx.applicability.search(text, taken, s_end)),
                     ("是指…", rx.definition.search(text, taken, s_end)
                      or (None if scopes else _object_heading(text, s_start)))):
        if m is None or len(_HAN.findall(text, m.end(), s_end)) < 4 or \
                _markers(text, m.end(), s_end):
            continue
        if frame == "应…" and _np_requirement(text, s_start, m.start()):
            continue  # 不含个人应缴纳部分: a noun phrase, no requirement
        if frame == "应…" and _duty(text, m.end(), s_end):
            continue  # 设站单位应当加强…管理: a duty of the unit, no qualifier
        end = _next_frame(text, m.end(), s_end)  # …应于1月申报，对弄虚作假…的，…: a new frame
        if len(_HAN.findall(text, m.end(), end)) < 4:
            continue
        out.append(Scope(m.end(), end, frame, s_start, s_end))
        break
    return out


def _duty(text: str, a: int, s_end: int) -> bool:
    """True when the requirement after a modal is a duty the unit owes (加强…管理 / 于每年
    1月集中申报 / 为见习人员指定带教人员), not a qualifier of the recipient."""
    w = words()
    if text.startswith(tuple(w.requirement_duty_openers), a):
        return True
    if text.startswith(("在", "于"), a) and (m := _AFTER_EVENT_DAYS.match(text, a, s_end)):
        stop = _clause_end(text, m.end(), s_end)  # 应在定损后10日内支付赔款: a service duty
        return not any(text.find(v, m.end(), stop) >= 0 for v in w.deadline_acts)
    if not text.startswith("为", a):
        return False
    stop = _clause_end(text, a, s_end)
    return any(text.find(v, a + 2, min(stop, a + 14)) >= 0 for v in w.requirement_duty_services)


# 在定损后10日内 / 于承保后15个工作日内: a time limit counted from an event (a duty's deadline)
_AFTER_EVENT_DAYS = regex.compile(
    r"[在于][^，,。；;：:]{1,12}?(?:后|之日起|之日后)[0-9０-９一二三四五六七八九十]{1,3}个?(?:工作日|日|天)内")


def _object_heading(text: str, s_start: int) -> regex.Match | None:
    """After a heading line （一）津贴对象。 the sentence defines who qualifies: an empty
    match at its start opens a definition scope."""
    if _rx().object_heading.search(text, max(0, s_start - 16), s_start) is None:
        return None
    return _LEADING_SPACE.match(text, s_start)


_LEADING_SPACE = regex.compile(r"\s*")


def _np_requirement(text: str, s_start: int, modal: int) -> bool:
    """True when the clause before a modal opens with 不含 / 不包括 (不含个人应缴纳部分):
    the subject and modal head a noun phrase, not a requirement."""
    bounds = [s_start] + [m.end() for m in _CLAUSE_PUNCT.finditer(text, s_start, modal)]
    return text.startswith(tuple(words().requirement_np_leads), bounds[-1])


def _is_topic(text: str, scope: Scope) -> bool:
    """申报个人补贴的， (a …的 scope naming the benefit applied for, with no head noun): the
    topic of what follows, not a qualifier (申报…认定未获通过的 is one: a failure)."""
    body = text[scope.start:scope.end].rstrip("，,：: ")
    w = words()
    return scope.frame == "…的" and body.endswith("的") and \
        body.startswith(tuple(w.subject_topic_verbs)) and \
        not body[:-1].endswith(tuple(w.failure_words))


def _topic_requirement(text: str, scope: Scope, s_end: int) -> regex.Match | None:
    """申报个人补贴的，应与…签订…劳动合同: the modal after a topic opens a requirement."""
    if not _is_topic(text, scope):
        return None
    return _rx().topic_modal.match(text, scope.end, s_end)


def _next_frame(text: str, pos: int, end: int) -> int:
    """End of an open scope: the clause boundary before a clause opened by 对 / 凡 (a frame
    of its own), else ``end``."""
    for m in _CLAUSE_PUNCT.finditer(text, pos, end):
        if _rx().opener.match(text, m.end(), end):
            return m.start()
    return end


def list_scope(text: str, s_start: int, s_end: int, labelled: bool = True) -> Scope | None:
    """An item of a requirement list (（一）年龄在16周岁以上… / …条件：A；B；C。) as one scope."""
    start = _skip_label(text, s_start, s_end)
    if (labelled and start == s_start) or len(_HAN.findall(text, start, s_end)) < 3:
        return None
    return Scope(start, s_end, "下列…", s_start, s_end)


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]


# =========================================================================== candidates


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    predicate: Predicate | None
    canonical: str | None = None
    honor_level: str | None = None
    priority: int = 0          # 0 typed, 1 weak (criteria / negation / shortage)
    negated: bool = False

    def quote_end(self, text: str) -> str:
        return text[self.start:self.end].rstrip("”\"’")


def _num(s: str) -> Decimal | None:
    return parse_number(s)


def _bound(op: str | None, incl: str | None, excl: str | None) -> tuple[str, bool | None]:
    """Operator and inclusive flag from the comparator and a （含…）/（不含…） note."""
    op = op or "=="
    if excl and op in (">=", "<="):
        op = op[0]
    elif incl and not excl and op in (">", "<"):
        op += "="
    inclusive = {">=": True, "<=": True, ">": False, "<": False}.get(op)
    return op, inclusive


def _cmp(m: regex.Match, pre: str = "pre", post: str = "post") -> str | None:
    w = words()
    if m.group(post):
        return w.comparators_after[m.group(post)]
    if m.group(pre):
        return w.comparators_before[m.group(pre)]
    return None


def _duration_kind(text: str, m: regex.Match, lo: int) -> str | None:
    """tenure / experience / labor_contract / social_insurance from the context."""
    rx = _rx()
    left = text[max(lo, m.start() - 14):m.start()]
    right = text[m.end():m.end() + 16]
    if rx.experience_right.search(right):
        return "experience"
    if rx.insurance_left.search(left):
        return "social_insurance"
    if rx.contract_left.search(left) or rx.contract_right.match(text, m.end()):
        return "labor_contract"  # 签订3年以上聘用合同: not the tenure of 在岗 before it
    if rx.experience_left.search(left):  # 在企业实践满6个月 / 一线岗位工作满5年
        return "experience"
    if left.endswith(tuple(words().unemployment_words)):  # 登记失业半年以上: a measure
        return "unemployment"
    if rx.tenure_left.search(left):
        return "tenure"
    return None


def _widen(text: str, m: regex.Match, lo: int, hi: int, kind: str) -> tuple[int, int]:
    """Quote the whole qualifier: 同一企业连续工作3年以上 / 3年以上相应岗位工作经历."""
    rx = _rx()
    if kind == "experience":
        right = rx.experience_right.search(text[m.end():min(hi, m.end() + 16)])
        if right:
            return m.start(), m.end() + right.end()
    if kind in ("tenure", "experience"):
        left = rx.tenure_left.search(text, max(lo, m.start() - 14), m.start())
        start = left.start() if left and "、" not in text[left.start():m.start()] else m.start()
        manner = next((w for w in words().tenure_manners if text.endswith(w, lo, start)), "")
        return _place_start(text, start - len(manner), lo), m.end()  # 正常经营6个月以上
    return m.start(), m.end()


def _place_start(text: str, start: int, lo: int) -> int:
    """Reach back to the 在 of 在<place>工作满3年 so the place is part of the tenure.

    Only when a place stands between 在 and the tenure word (在同一企业… keeps its quote).
    """
    at = text.rfind("在", max(lo, start - 16), start + 1)
    if at < 0 or start - at < 2 or _PLACE_STOP.search(text, at, start):
        return start
    return at


_DURATION_FIELD = {
    "tenure": "tenure", "experience": "experience",
    "social_insurance": "social_insurance", "labor_contract": "contract",
    "unemployment": "unemployment",
}


def _durations(text: str, lo: int, hi: int) -> list[_Cand]:
    out = []
    for m in _rx().duration.finditer(text, lo, hi):
        value, unit = _num(m["num"]), words().duration_units[m["unit"]]
        if m["num"] == "半":  # 失业半年以上: six months
            value, unit = Decimal(6), "month"
        if value is None or (unit == "year" and value >= 1900):
            continue
        kind = _duration_kind(text, m, lo)
        if kind is None and (m["pre"] or m["post"]) and (
                course := _rx().training_right.match(text, m.end(), hi)):
            # 开展1个月以上脱产技能研修培训: a length required of an activity (threshold)
            op, inclusive = _bound(_cmp(m), m["incl"], m["excl"])
            pred = Predicate(field=f"training_{unit}s", op=op, value=value, unit=unit,
                             inclusive=inclusive)
            out.append(_Cand(m.start(), course.end(), "threshold", pred))
            continue
        head_end = m.start() - (text[m.start() - 1:m.start()] == "在")  # 期限在3年以上
        if kind is None and (m["pre"] or m["post"]) and text.endswith(
                tuple(words().duration_measure_heads), lo, head_end):
            # 流转合同剩余期限不少于5年 / 累计培训时间满15天: the length of a thing or an
            # activity (threshold), quoted from the start of its clause
            op, inclusive = _bound(_cmp(m), m["incl"], m["excl"])
            pred = Predicate(field=f"length_{unit}s", op=op, value=value, unit=unit,
                             inclusive=inclusive)
            start = _clause_start(text, lo, m.start())
            start = max(start, text.rfind("、", start, m.start()) + 1)  # 迁入我市、…有效期…
            out.append(_Cand(start, m.end(), "threshold", pred))
            continue
        if kind is None or text[max(lo, m.start() - 3):m.start()].endswith("之日起"):
            continue  # 自退役之日起3年内: a window since an event, not a tenure
        if not m["post"] and text.startswith("内", m.end()):
            continue  # 离校2年内 / 就业2年内: a window, not a tenure
        op = _cmp(m) or ("==" if not m["incl"] else ">=")
        op, inclusive = _bound(op, m["incl"], m["excl"])
        field = f"{_DURATION_FIELD[kind]}_{unit}s"
        left6 = text[max(lo, m.start() - 6):m.start()]
        gap = next((g for g in sorted(words().insurance_gap_words, key=len, reverse=True)
                    if kind == "social_insurance" and g in left6
                    and not left6[:left6.find(g)].endswith(tuple(words().negations + ["无"]))),
                   None)  # 未断缴满12个月 / 无中断满1年: contributions without a gap, no gap
        if gap:  # 社会保险断缴超过3个月: the length of a gap in contributions, not of them
            field = f"social_insurance_gap_{unit}s"
        pred = Predicate(field=field, op=op, value=value, unit=unit, inclusive=inclusive)
        start, end = _widen(text, m, lo, hi, kind)
        if gap:  # quoted from the gap word: 参加社会保险 before it stays an item of its own
            start = text.rfind(gap, max(lo, m.start() - 6), m.start())
        if kind in ("tenure", "experience") and (per := _per_period(text, start, lo)):
            # 每年在我区服务累计不少于2个月: an amount of service per period, not a tenure
            pred = pred.model_copy(update={
                "field": f"service_{unit}s_per_{words().per_periods[per]}"})
            start, kind = start - len(per), "threshold"
        if kind == "unemployment":  # 连续失业1年以上: how long out of work (threshold)
            start, kind = _place_start(text, m.start() - len(next(
                x for x in sorted(words().unemployment_words, key=len, reverse=True)
                if text.endswith(x, lo, m.start()))), lo), "threshold"
        out.append(_Cand(start, end, kind, pred))
    return out


def _per_period(text: str, start: int, lo: int) -> str | None:
    """The per-period word (每年 / 每月) written right before a service duration, if any."""
    left = text[max(lo, start - 3):start]
    return next((p for p in sorted(words().per_periods, key=len, reverse=True)
                 if left.endswith(p)), None)


def _quantities(text: str, lo: int, hi: int) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _rx().quantity.finditer(text, lo, hi):
        listed = not (m["per"] or m["pre"] or m["post"])
        if listed:  # 超过1000万元或5000万元的: a member shares the bound before it …
            prev = out[-1] if out else None
            if prev is None or prev.type != "threshold" or text[prev.end:m.start()] != "、" \
                    or words().threshold_units[m["unit"]] not in ("amount", "count", "currency"):
                continue
            if _respective(text, m.end(), hi):
                continue  # … but not in a 分别 ladder: each tier pays its own amount, and one
                # any-of over the rungs would pay every tier (the rest stays one qualifier)
        value = _num(m["num"])
        if value is None:
            continue
        kind = words().threshold_units[m["unit"]]
        if kind == "share" and _rx().thing_share.match(text, m.end() - 1):
            continue  # 安排不低于30%的场地: a share of a thing, not a qualifier
        fld, unit = kind, m["unit"]
        if kind == "count":
            fld = "count_step" if m["per"] else "count"
        elif kind == "share":
            value, unit = value / 100, m["of"] or None
        elif kind == "amount":
            value *= {"万元": 10000, "亿元": 100000000}.get(m["unit"], 1)
            unit = "元"
        elif kind in ("energy", "power", "length", "weight") and unit.startswith("万"):
            value, unit = value * 10000, unit[1:]  # 100万千瓦时: in 千瓦时
        elif kind == "currency":  # 1000万美元: the value in the currency named
            fld, scale = "amount", words().currency_scales.get(unit[0])
            if scale:
                value, unit = value * scale, unit[1:]
        op, inclusive = _bound(">=" if m["per"] else _cmp(m), m["incl"], m["excl"])
        if listed:
            op, inclusive = out[-1].predicate.op, out[-1].predicate.inclusive
        ctype = "other" if kind == "age" else "threshold"  # 面积不少于100平方米: area
        pred = Predicate(field=fld, op=op, value=value, unit=unit, inclusive=inclusive)
        start = m.start()
        if kind == "age":  # 年龄在18周岁以上 / 年满60周岁: the age word is part of it
            lead = next((w for w in words().age_lead_words
                         if text.endswith(w, lo, start)), "")
            if len(lead) == 1 and (not m["pre"] or not _HAN.match(text, start - 2)):
                lead = ""  # 年 only in 年满 (not 2023年60周岁以上)
            start -= len(lead)
        out.append(_Cand(start, m.end(), ctype, pred))
    return out


def _age_ranges(text: str, lo: int, hi: int) -> list[_Cand]:
    """16—24岁青年 / 年龄在18至35周岁之间: an age range (age_range == "16/24", both ends in;
    typed other, as single age bounds are)."""
    out = []
    w = words()
    for m in _rx().age_range.finditer(text, lo, hi):
        a, b = _num(m["a"]), _num(m["b"])
        if a is None or b is None or not a < b:
            continue
        own = m.group().startswith(tuple(w.age_lead_words))
        if not own and a < w.age_range_min:
            continue  # 有0-3岁婴幼儿的职工: someone else's age (a child's)
        if text[max(lo, m.start() - 1):m.start()] in ("男", "女"):
            continue  # 男18-60周岁、女18-55周岁: ranges by sex, no single test
        pred = Predicate(field="age_range", op="==", value=f"{a}/{b}", unit="周岁",
                         inclusive=True)
        out.append(_Cand(m.start(), m.end(), "other", pred))
    return out


def _shares_of(text: str, lo: int, hi: int) -> list[_Cand]:
    """安排残疾人就业比例超过本单位在职职工总数1.5%: a share of a named whole with the
    comparator before the whole (threshold), quoted from the start of its clause."""
    out = []
    if text.find("%", lo, hi) < 0:  # cheap pre-check: speed
        return out
    for m in _rx().share_of.finditer(text, lo, hi):
        value = _num(m["num"])
        if value is None:
            continue
        op, inclusive = _bound(_cmp(m), None, None)
        pred = Predicate(field="share", op=op, value=value / 100, unit=m["base"],
                         inclusive=inclusive)
        out.append(_Cand(_clause_start(text, lo, m.start()), m.end(), "threshold", pred))
    return out


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos``, past a label, an opener (对 / 凡) and a
    conjunction (且 / 并): where a measured quantity's own wording begins."""
    start = max([lo] + [p.end() for p in _CLAUSE_PUNCT.finditer(text, lo, pos)])
    start = _skip_label(text, start, pos)
    m = _rx().opener.match(text, start, pos)
    start = m.end() if m else start
    m = _rx().piece_trim.match(text, start, pos)
    return m.end() if m else start


@functools.cache
def _skill_canonical() -> dict[str, SkillLevel]:
    return {a: lv for lv in ladder().levels for a in lv.aliases + lv.needs_suffix}


def _bare_level_ok(text: str, m: regex.Match, tail: regex.Match) -> bool:
    """A bare 中级 / 三级 is a skill level only before 技能 / 职业资格 …, and not in 市一级."""
    before = text[max(0, m.start() - 2):m.start()]
    if before.endswith(tuple(ladder().needs_suffix_stop_before)):
        return False
    return bool(tail["suffix"])


def _training_certificates(text: str, lo: int, hi: int) -> list[_Cand]:
    """参加…培训并取得…证书: taking a course and its certificate is one qualitative item
    (no level named: with 取得高级工证书 the level is the qualifier)."""
    out = []
    for m in _rx().training_cert.finditer(text, lo, hi):
        if _rx().skill.search(text, m.start(), m.end()):
            continue
        pred = Predicate(field="training_certificate", op="exists", value=m.group())
        out.append(_Cand(m.start(), m.end(), "other", pred))
    return out


def _prize_lists(text: str, lo: int, hi: int) -> list[_Cand]:
    """获得金牌、银牌、铜牌的，分别… : one honour item per prize tier of the list."""
    out = []
    for m in _rx().prize_list.finditer(text, lo, hi):
        tiers = [(m.start(), m.end(), m["prize"])]
        pos = m.end()
        while more := _rx().prize_more.match(text, pos, hi):
            tiers.append((more.start("prize"), more.end(), more["prize"]))
            pos = more.end()
        if len(tiers) > 1 and not _respective(text, pos, hi):
            # 获得金牌、银牌、铜牌的选手…给予奖励: no tier has its own amount, one item
            names = [m["what"] + prize for _, _, prize in tiers]
            pred = Predicate(field="honors", op="in", value=names)
            out.append(_Cand(m.start(), pos, "honor", pred))
            continue
        for a, b, prize in tiers:
            pred = Predicate(field="honors", op="in", value=[m["what"] + prize])
            out.append(_Cand(a, b, "honor", pred, canonical=m["what"] + prize))
    return out


def _certificates(text: str, lo: int, hi: int) -> list[_Cand]:
    """A certificate without a named level: 取得职业技能等级证书 (weaker than a named level)."""
    out = []
    for m in _rx().certificate.finditer(text, lo, hi):
        if _rx().skill.search(text, m.start(), m.end()):
            continue  # 取得高级技师职业资格: the named level is the qualifier
        pred = Predicate(field="skill_level", op="exists")
        out.append(_Cand(m.start(), m.end(), "skill_level", pred, priority=1))
    return out


def _quoted_title(text: str, m: regex.Match, lo: int) -> bool:
    """True for a level inside a quoted local title: “桐溪首席技师” is an award, not a level."""
    return (text.startswith(("”", '"', "’"), m.end())
            and bool(_QUOTED_TITLE_LEFT.search(text, max(lo, m.start() - 7), m.start())))


def _skills(text: str, lo: int, hi: int) -> list[_Cand]:
    rx, table = _rx(), _skill_canonical()
    out = []
    for m in rx.skill.finditer(text, lo, hi):
        level = table[m["alias"]]
        tail = rx.skill_tail.match(text, m.end(), hi)
        if rx.skill_stop.match(text, m.end(), hi) or _quoted_title(text, m, lo):
            continue
        if cls := rx.skill_class.match(text, m.end(), hi):  # 高级工班: a class, not a level
            name = text[m.start():cls.end()]
            pred = Predicate(field="class", op="in", value=[name])
            out.append(_Cand(m.start(), cls.end(), "other", pred, canonical=name))
            continue
        if m["alias"] in level.needs_suffix and not _bare_level_ok(text, m, tail):
            continue
        post = tail["post1"] or tail["post2"]
        end = tail.end("post1") if tail["post1"] else (
            tail.end("post2") if tail["post2"] else m.end())
        op = words().comparators_after[post] if post else "=="
        pred = Predicate(field="skill_level", op=op, value=level.canonical,
                         inclusive=True if op == ">=" else None)
        out.append(_Cand(m.start(), end, "skill_level", pred, canonical=level.canonical))
    return out


@functools.cache
def _title_by_word() -> dict[str, ProfessionalTitle]:
    return {a: lv for lv in professional_titles().levels for a in lv.level_words}


@functools.cache
def _title_by_named() -> dict[str, ProfessionalTitle]:
    return {a: lv for lv in professional_titles().levels for a in lv.named}


def _title_rank(canonical: str) -> int:
    return min(lv.rank for lv in professional_titles().levels if lv.canonical == canonical)


def _title_levels(m: regex.Match) -> list[tuple[int, int, ProfessionalTitle]]:
    """The (start, end, level) of each level word of a title match."""
    if m["named"]:
        return [(m.start("named"), m.end("named"), _title_by_named()[m["named"]])]
    return [(t.start(), t.end(), _title_by_word()[t.group()])
            for t in _rx().title_word.finditer(m.string, m.start("levels"), m.end("levels"))]


def _titles(text: str, lo: int, hi: int) -> list[_Cand]:
    """专业技术职称: 中级以上专业技术职称 (>=), 正高、副高职称 (in; == each under 分别)."""
    out = []
    for m in _rx().pro_title.finditer(text, lo, hi):
        if _rx().negated_before.search(text, max(lo, m.start() - 4), m.start()):
            continue  # 未获得高级职称的: a negated qualifier (see _negations)
        if m["named"] and _rx().title_stop.search(text, max(lo, m.start() - 2), m.start()):
            continue  # 首席研究员 / 金牌讲师: an honour post, not a title
        levels = _title_levels(m)
        post = m["post1"] or m["post2"] or m["post3"]
        if len(levels) > 1 and _respective(text, m.end(), hi):
            for a, b, lv in levels:  # 引进正高、副高职称人才的，分别给予…
                pred = Predicate(field="professional_title", op="==", value=lv.canonical)
                out.append(_Cand(a, b, "other", pred, canonical=lv.canonical))
            continue
        values = sorted({lv.canonical for _, _, lv in levels}, key=_title_rank)
        floor = post or (len(levels) == 1 and levels[0][2].floor)
        op = ">=" if floor else ("==" if len(values) == 1 else "in")
        value: Any = values if op == "in" else values[0]
        pred = Predicate(field="professional_title", op=op, value=value,
                         inclusive=True if op == ">=" else None)
        verb = _rx().title_verb.search(text, max(lo, m.start() - 2), m.start())
        out.append(_Cand(verb.start() if verb else m.start(), m.end(), "other", pred,
                         canonical=values[0] if len(values) == 1 else None))
    return out


def _respective(text: str, pos: int, hi: int) -> bool:
    """分别 with an amount in the rest of the sentence pairs each listed level with its own
    amount (分别给予20万元、10万元); 分别申请参加…评审 keeps the list one item."""
    end = _SENTENCE.match(text, pos)
    return bool(_rx().respective_amount.search(text, pos, end.end() if end else pos))


@functools.cache
def _honor_by_alias() -> dict[str, Honor]:
    return {a: h for h in honors().honors for a in h.aliases}


_MEDALS = (("金", "金牌"), ("银", "银牌"), ("铜", "铜牌"), ("优胜", "优胜奖"))


def _is_goal(text: str, start: int, lo: int) -> bool:
    """True when a title is what the rule confers (纳入“武汉工匠”…), not a qualifier."""
    left = text[max(lo, start - 5):start].rstrip("“\"‘'")
    return left.endswith(tuple(honors().goal_before))


def _takes_medals(alias: str) -> bool:
    """Only a contest (世界技能大赛) or a medal name is followed by a medal list."""
    heads = honors().competition_heads
    return any(h in alias for h in heads) or alias.endswith(tuple(m for _, m in _MEDALS))


def _in_name_or_event(text: str, m: regex.Match, lo: int, hi: int) -> bool:
    """True for an honour inside a name (世界技能大赛集训基地) or an event (承办世界技能大赛)."""
    h = honors()
    if m["medals"]:
        return False
    if text[m.end():hi].startswith(tuple(h.name_tails)):
        return True
    return text[max(lo, m.start() - 4):m.start()].endswith(tuple(h.event_verbs))


def _named_honors(text: str, lo: int, hi: int) -> list[_Cand]:
    table = _honor_by_alias()
    out = []
    for m in _rx().honor_alias.finditer(text, lo, hi):
        if _is_goal(text, m.start(), lo) or _in_name_or_event(text, m, lo, hi):
            continue
        if not m["medals"] and _rx().prize_list.match(text, m.end() + _prize_gap(text, m.end()),
                                                      hi):
            continue  # 在世界技能大赛中获得金牌、银牌…: the prizes are the qualifiers
        h = table[m["alias"]]
        names, end = [h.canonical], m.end()
        if m["medals"] and not _takes_medals(m["alias"]):  # 全国技术能手、金牌讲师
            end = m.start("medals")
        elif m["medals"]:
            base = h.canonical
            for _, medal in _MEDALS:
                base = base.removesuffix(medal)
            said = m["alias"][len(base):] + m["medals"]
            names = [base + medal for key, medal in _MEDALS if key in said]
        pred = Predicate(field="honors", op="in", value=names)
        out.append(_Cand(m.start(), end, "honor", pred, canonical=names[0],
                         honor_level=h.level))
    return out


def _prize_gap(text: str, pos: int) -> int:
    """Length of 中 / 上 between a contest name and the verb of its prize (大赛中获得)."""
    return 1 if text.startswith(("中", "上"), pos) else 0


def _prefix_level(prefix: str) -> str | None:
    hon = honors()
    if prefix in hon.level_prefixes:
        return hon.level_prefixes[prefix]
    for suffix, level in sorted(hon.region_suffixes.items(), key=lambda kv: -len(kv[0])):
        if prefix.endswith(suffix):
            return level
    return None


def _generic_honors(text: str, lo: int, hi: int) -> list[_Cand]:
    rx, out = _rx(), []
    for m in rx.honor_generic.finditer(text, lo, hi):
        if _is_goal(text, m.start(), lo):
            continue
        name = m["prefix"] + m["title"]
        level = _prefix_level(m["prefix"])
        pred = Predicate(field="honors", op="in", value=[name])
        out.append(_Cand(m.start(), m.end(), "honor", pred, canonical=name, honor_level=level))
    for m in rx.competition.finditer(text, lo, hi):
        out.extend(_prizes(text, m, hi))
    return out + _conferred(text, lo, hi)


def _conferred(text: str, lo: int, hi: int) -> list[_Cand]:
    """A title conferred at a level: 获评县级乡村工匠 / 被命名为省级以上劳模创新工作室."""
    out = []
    for m in _rx().conferral.finditer(text, lo, hi):
        level = _prefix_level(m["prefix"])
        if m["floor"] and level:
            pred = Predicate(field="honor_level", op=">=", value=level, inclusive=True)
        else:
            pred = Predicate(field="honors", op="in", value=[m["prefix"] + m["title"]])
        out.append(_Cand(m.start(), m.end(), "honor", pred, canonical=m["prefix"] + m["title"],
                         honor_level=level))
    return out


def _prizes(text: str, m: regex.Match, hi: int) -> list[_Cand]:
    """A contest prize and the prizes listed after it (一等奖、二等奖、三等奖), one item each."""
    contest = text[m.start():m.end("head")]
    level = _prefix_level(m["prefix"])
    name = contest + m["prize"]
    out = [_Cand(m.start(), m.end(), "honor", Predicate(field="honors", op="in", value=[name]),
                 canonical=name, honor_level=level)]
    pos = m.end()
    while more := _rx().prize_more.match(text, pos, hi):
        name = contest + more["prize"]
        pred = Predicate(field="honors", op="in", value=[name])
        out.append(_Cand(more.start("prize"), more.end(), "honor", pred, canonical=name,
                         honor_level=level))
        pos = more.end()
    if len(out) > 1 and not _respective(text, pos, hi):  # no tier has its own amount
        names = [v for c in out for v in c.predicate.value]
        return [_Cand(m.start(), pos, "honor", Predicate(field="honors", op="in", value=names),
                      honor_level=level)]
    return out


def _level_floors(text: str, lo: int, hi: int) -> list[_Cand]:
    out = []
    catalog_verbs = tuple(words().catalog_verbs)
    for m in _rx().level_floor.finditer(text, lo, hi):
        level = honors().level_prefixes[m["lvl"]]
        before = text[max(lo, m.start() - 6):m.start()]
        is_catalog = any(v in before for v in catalog_verbs)
        fld, ctype = ("catalog_level", "catalog") if is_catalog else ("honor_level", "honor")
        pred = Predicate(field=fld, op=">=", value=level, inclusive=True)
        out.append(_Cand(m.start(), m.end(), ctype, pred, honor_level=level))
    return out


def _insured_place(text: str, start: int, lo: int) -> int:
    """在本县缴纳社会保险: the place insured in is part of the quote (not over a verb phrase
    joined before it: 在本市就业并缴纳…)."""
    at = _place_start(text, start, lo)
    if at < start and (start - at > 8 or _rx().place_joiner.search(text, at, start)):
        return start
    return at


def _insurance(text: str, lo: int, hi: int) -> list[_Cand]:
    out = []
    for m in _rx().social_insurance.finditer(text, lo, hi):
        if not m["dur"] and (a := _insured_place(text, m.start(), lo)) < m.start():
            pred = Predicate(field="social_insurance", op="==", value=True)
            out.append(_Cand(a, m.end("term"), "social_insurance", pred))
            continue
        if m["dur"] and _num(m["num"]) is not None:
            unit = words().duration_units[m["unit"]]
            op, inclusive = _bound(_cmp(m) or "==", None, None)
            pred = Predicate(field=f"social_insurance_{unit}s", op=op, value=_num(m["num"]),
                             unit=unit, inclusive=inclusive)
            out.append(_Cand(m.start(), m.end(), "social_insurance", pred))
        else:
            pred = Predicate(field="social_insurance", op="==", value=True)
            out.append(_Cand(m.start(), m.end("term"), "social_insurance", pred))
    return out


def _contracts(text: str, lo: int, hi: int) -> list[_Cand]:
    out = []
    for m in _rx().contract.finditer(text, lo, hi):
        if m["num"] and _num(m["num"]) is not None:
            unit = words().duration_units[m["unit"]]
            op, inclusive = _bound(_cmp(m) or "==", m["incl"], m["excl"])
            pred = Predicate(field=f"contract_{unit}s", op=op, value=_num(m["num"]),
                             unit=unit, inclusive=inclusive)
        else:
            pred = Predicate(field="labor_contract", op="==", value=True)
        out.append(_Cand(m.start(), m.end(), "labor_contract", pred))
    return out


@functools.cache
def _entity_by_alias() -> dict[str, EntityType]:
    return {a: t for t in entity_types().types for a in t.aliases}


@functools.cache
def _industry_by_alias() -> dict[str, Industry]:
    return {a: i for i in industries().industries for a in i.aliases}


def _entity_not_applicant(text: str, start: int, lo: int, scope: Scope) -> bool:
    """True for an entity noun that is a place or partner (到职业院校进修 / 与我省企业签订 /
    委托…院校开展)
    or the subject of a modal prose sentence with no qualifier frame (技工院校可按规定设置…)."""
    w = words()
    left = text[max(lo, start - 4):start]
    for filler in sorted(w.entity_place_fillers, key=len, reverse=True):
        if left.endswith(filler):
            left = left[:-len(filler)]
            break
    if left.endswith(tuple(w.entity_place_before)) or \
            _rx().partner_left.search(text, max(lo, start - 24), start):
        return True  # 企业委托技能大师工作室、技工院校开展…: the school is the partner
    at_clause_start = start == lo or text[start - 1] in "，,；;：: 、"
    clause = max([lo] + [text.rfind(p, lo, start) + 1 for p in "，,；;：:"])
    if "的" in text[clause:start]:  # 经备案的大型企业、上市公司，可…: a qualified subject
        return False
    modal = text.startswith(tuple(w.modal_markers), scope.end)  # 院校可按规定…: a power
    return scope.frame == "subject" and at_clause_start and modal


def _entities(text: str, lo: int, hi: int, scope: Scope) -> list[_Cand]:
    table = _entity_by_alias()
    openers = tuple(words().scope_openers)
    out = []
    for m in _rx().entity.finditer(text, lo, hi):
        t = table[m["alias"]]
        if _entity_not_applicant(text, m.start(), lo, scope) or \
                text.startswith(tuple(words().entity_stop_after), m.end()) or \
                _class_at(text, m.end(), hi):
            continue  # 高新技术企业认定 / 技工院校学生 / 技工院校高级工班: not the applicant
        a = _place_modifier_start(text, m.start(), lo)  # 对县内企业…: the place is part of it
        opens = (a == scope.start + 1 and text[scope.start] in "对凡"
                 or text[max(lo, a - 2):a].endswith(openers))
        if member := _member_noun(text, m.end()):  # 技工院校学生: a group of people
            if opens or a == lo:
                name = text[a:m.end() + len(member)]
                pred = Predicate(field="group", op="in", value=[name])
                out.append(_Cand(a, m.end() + len(member), "other", pred, canonical=name))
            continue
        if t.generic and not opens or t.bare and not (
                opens or a == scope.start and scope.frame != "subject"):
            continue  # 企业购买… / 重点院校: only right after 对 / 凡, or (bare) first in a …的
        pred = Predicate(field="entity_type", op="in", value=[t.canonical])
        out.append(_Cand(a, m.end(), "entity_type", pred, canonical=t.canonical))
    return out


def _bare_generic(text: str, c: _Cand) -> bool:
    """True for a generic entity noun with no place word (企业购买…: 企业 says nothing;
    县内企业购买… restricts the applicant to local ones)."""
    t = _entity_by_alias().get(text[c.start:c.end])
    return t is not None and t.generic


def _place_modifier_start(text: str, start: int, lo: int) -> int:
    """Start of a place word modifying the entity noun at ``start`` (县内企业 / 本区企业),
    or ``start`` when none is written right before it."""
    for p in sorted(words().entity_place_modifiers, key=len, reverse=True):
        if start - len(p) >= lo and text.startswith(p, start - len(p)):
            return start - len(p)
    return start


def _member_noun(text: str, pos: int) -> str | None:
    """The member noun (学生 / 教师) right after a school's name, if any."""
    return next((w for w in words().entity_member_nouns if text.startswith(w, pos)), None)


def _class_at(text: str, pos: int, hi: int) -> bool:
    """True when a class of a school (高级工班 / 技师班) is named at ``pos``."""
    m = _rx().skill.match(text, pos, hi)
    return bool(m and _rx().skill_class.match(text, m.end(), hi))


@functools.cache
def _group_by_alias() -> dict[str, QualifyingGroup]:
    return {a: g for g in groups().groups for a in g.aliases}


def _group_position_ok(text: str, start: int, lo: int) -> bool:
    """A group qualifies as a subject or listed object: at a clause start or after an
    opener (对 / 面向 / 和), never after the verb of an activity (吸纳 / 向)."""
    g = groups()
    left = text[max(lo, start - 2):start]
    if left.endswith(tuple(g.object_before)):
        return False
    return (start == lo or text[start - 1] in "，,、；;：:（(“\"的 \u3000"
            or left.endswith(tuple(g.group_openers)))


def _groups(text: str, lo: int, hi: int) -> list[_Cand]:
    """Group nouns that qualify (就业困难人员和脱贫家庭劳动力参加…的), not the head of a
    …的 frame (…工作的本科毕业生); a registration (本市户籍) alone qualifies too."""
    out = []
    for m in _rx().group.finditer(text, lo, hi):
        g, end = _group_by_alias().get(m["alias"] or m["bare"] or ""), m.end()
        if not _group_position_ok(text, m.start(), lo) or text.startswith("的", m.end()):
            continue  # 吸纳脱贫人口就业 / 未就业高校毕业生 / 获奖选手的指导教师
        if m.start() > lo and text[m.start() - 1] == "的":  # the head of a …的 frame:
            if not m["reg"]:
                continue
            g, end = None, m.end("reg")  # …的本市户籍高校毕业生: only 本市户籍 qualifies
        elif m["reg"] and g is not None and not _group_list_follows(text, end, hi):
            # 招用本市户籍脱贫劳动力: the registration and the group, two qualifiers (before a
            # list of groups, 本区户籍登记失业人员、就业困难人员, it stays with the first)
            pred = Predicate(field="group", op="in", value=[m["reg"]])
            out.append(_Cand(m.start(), m.end("reg"), "other", pred, canonical=m["reg"]))
            pred = Predicate(field="group", op="in", value=[g.canonical])
            out.append(_Cand(m.start("alias"), end, g.type, pred, canonical=g.canonical))
            continue
        value = g.canonical if g else m["reg"]
        pred = Predicate(field="group", op="in", value=[value])
        out.append(_Cand(m.start(), end, g.type if g else "other", pred, canonical=value))
    return out


def _group_list_follows(text: str, end: int, hi: int) -> bool:
    """True when another group noun follows ``end`` after a list joiner (、就业困难人员)."""
    j = next((x for x in words().list_joiners if text.startswith(x, end)), None)
    m = _rx().group.match(text, end + len(j), hi) if j else None
    return bool(m and m["bare"])


def _industries(text: str, lo: int, hi: int) -> list[_Cand]:
    table = _industry_by_alias()
    out = []
    for m in _rx().industry.finditer(text, lo, hi):
        ind = table[m["alias"]]
        pred = Predicate(field="industry", op="in", value=[ind.canonical])
        out.append(_Cand(m.start(), m.end(), "industry", pred, canonical=ind.canonical))
    return out


def _origins(text: str, lo: int, hi: int) -> list[_Cand]:
    rx, out = _rx(), []
    for m in rx.origin.finditer(text, lo, hi):
        near = text[max(lo, m.start() - 4):min(hi, m.end() + 8)]
        if not rx.origin_verb.search(near):
            continue
        pred = Predicate(field="origin", op="==", value=words().origins[m["origin"]])
        out.append(_Cand(m.start(), m.end(), "origin", pred))
    for m in rx.origin_alone.finditer(text, lo, hi):
        pred = Predicate(field="origin", op="==", value=words().origins_standalone[m["origin"]])
        out.append(_Cand(m.start(), m.end(), "origin", pred))
    return out + _relocations(text, lo, hi)


def _relocations(text: str, lo: int, hi: int) -> list[_Cand]:
    """整体迁入本区: an applicant that moved into the issuing area comes from outside it."""
    out = []
    for m in _rx().relocation.finditer(text, lo, hi) if text.find("迁", lo, hi) >= 0 else ():
        pred = Predicate(field="origin", op="==", value=words().relocation_places[m["place"]])
        out.append(_Cand(m.start(), m.end(), "origin", pred))
    return out


def _catalogs(text: str, lo: int, hi: int) -> list[_Cand]:
    rx, out = _rx(), []
    for m in rx.catalog.finditer(text, lo, hi):
        neg = rx.catalog_neg.search(text, max(lo, m.start() - 4), m.start())
        state = rx.catalog_state.search(text, max(lo, m.start() - 3), m.start())
        if state and not _RE_CLAUSE_CLOSE.match(text[m.end("obj"):hi + 1]):
            state = None  # 已列入…名录； closing its clause is a state, not a benefit
        required = text.endswith(tuple(words().requirement_modals), max(0, m.start() - 2),
                                 m.start())  # 补贴机具须列入…范围: a requirement's list
        if not m["de"] and not neg and not state and not required and \
                m["verb"] in words().catalog_verbs_need_de:
            continue
        pred = Predicate(field="catalog", op="not" if neg else "in", value=[m["obj"]])
        start = neg.start() if neg else state.start() if state else m.start()
        ctype = "exclusion" if neg else "catalog"  # 未被列入失信名单: excludes (op not)
        out.append(_Cand(start, m.end("obj"), ctype, pred, negated=bool(neg)))
    if text.find("《", lo, hi) >= 0:  # cheap pre-check: speed
        for m in rx.catalog_member.finditer(text, lo, hi):  # 参加《…展会目录》内展会
            pred = Predicate(field="catalog", op="in", value=[m["obj"]])
            out.append(_Cand(m.start(), m.end(), "catalog", pred))
    for m in rx.shortage.finditer(text, lo, hi):
        if not (m["head"] or text.startswith("的", m.end()) or rx.skill.match(text, m.end(), hi)):
            continue
        pred = Predicate(field="catalog", op="in", value=[m.group()])
        out.append(_Cand(m.start(), m.end(), "catalog", pred, priority=1))
    return out


def _date_value(m: regex.Match) -> date | None:
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"] or 1))
    except ValueError:
        return None


def _date_end(y: int, m: int, d: str | None) -> date | None:
    """The last day a range's end names (2025年12月 ends on the 31st)."""
    try:
        if d:
            return date(y, m, int(d))
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    except ValueError:
        return None


def _time_windows(text: str, lo: int, hi: int) -> list[_Cand]:
    rx, w, out = _rx(), words(), []
    for m in rx.since.finditer(text, lo, hi):
        pred = Predicate(field="time_window", op=">=", value=f"{m['what']}{m['verb']}之日",
                         inclusive=True)
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
    for m in rx.within.finditer(text, lo, hi):
        unit = w.duration_units[m["unit"]]
        pred = Predicate(field=f"years_since_{m['event']}" if unit == "year"
                         else f"months_since_{m['event']}", op="<=", value=_num(m["num"]),
                         unit=unit, inclusive=True)
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
    out.extend(_event_windows(text, lo, hi))
    for m in rx.doc_after.finditer(text, lo, hi):
        pred = Predicate(field="time_window", op=">=", value=f"{m['doc']}{m['verb']}",
                         inclusive=True)
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
    for m in rx.recent_window.finditer(text, lo, hi):  # 近三年内: a window up to now
        unit = w.duration_units[m["unit"]]
        pred = Predicate(field=f"recent_{unit}s", op="<=", value=_num(m["num"]), unit=unit,
                         inclusive=True)
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
    for m in rx.window_phrase.finditer(text, lo, hi):
        pred = Predicate(field="time_window", op="==", value=m.group())
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
    ranges = []
    for m in rx.date_range.finditer(text, lo, hi) if text.find("年", lo, hi) >= 0 else ():
        # 于2024年1月1日至2025年12月31日期间 / 2024年1月-2025年12月
        a = _date_value(m)
        b = _date_end(int(m["y2"]), int(m["m2"]), m["d2"])
        if a is None or b is None or b < a:
            continue
        pred = Predicate(field="date_range", op="==", value=f"{a.isoformat()}/{b.isoformat()}")
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
        ranges.append((m.start(), m.end()))
    for m in rx.date.finditer(text, lo, hi):
        if any(x <= m.start() < y for x, y in ranges):
            continue
        d = _date_value(m)
        if d is None:
            continue
        op = ">=" if m["rel"] in w.date_after else "<"
        pred = Predicate(field="date", op=op, value=d.isoformat(), inclusive=op == ">=")
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
    return [_until_event(text, lo, c) for c in out]


def _until_event(text: str, lo: int, c: _Cand) -> _Cand:
    """距法定退休年龄5年以内 / 离退休不足5年: a window after 距 / 离 counts the time left until
    the event (years_to_退休, a threshold), not the time since it."""
    p = c.predicate
    if p is None or "_since_" not in p.field:
        return c
    left = text[max(lo, c.start - 6):c.start]  # strictly before (离校2年内: 离 is the event)
    dist = max((left.rfind(d) for d in words().distance_words), default=-1)
    if dist < 0 or not _RE_HAN_RUN.fullmatch(left[dist:]):
        return c
    start = max(lo, c.start - 6) + dist
    field = p.field.replace("_since_", "_to_", 1)
    return _Cand(start, c.end, "threshold", p.model_copy(update={"field": field}))


def _event_windows(text: str, lo: int, hi: int) -> list[_Cand]:
    """自退役之日起3年内 / 取得博士学位不超过3年: a window since the applicant's own event."""
    rx, w, out = _rx(), words(), []
    for m in rx.since_within.finditer(text, lo, hi):
        unit = w.duration_units[m["unit"]]
        pred = Predicate(field=f"{unit}s_since_{m['what']}", op="<=", value=_num(m["num"]),
                         unit=unit, inclusive=True)
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
    for m in rx.event_cap.finditer(text, lo, hi):
        unit = w.duration_units[m["unit"]]
        op = w.comparators_before.get(m["cap"], "<=")  # 不超过 <= / 未满 <
        pred = Predicate(field=f"{unit}s_since_{m['event']}", op=op, value=_num(m["num"]),
                         unit=unit, inclusive=op == "<=")
        out.append(_Cand(m.start(), m.end(), "time_window", pred))
    return out


def _records(text: str, lo: int, hi: int) -> list[_Cand]:
    """无不良信用记录 / 未受过刑事处罚 / 未发生重大事故: a negated record excludes (op not)."""
    out = []
    for m in _rx().record.finditer(text, lo, hi):
        if not m["verb"] and len(_HAN.findall(m["obj"] + m["head"])) < 4:  # 无记录: vague
            continue
        pred = Predicate(field="record", op="not", value=f"{m['obj']}{m['head']}")
        recent = _rx().recent_left.search(text, max(lo, m.start() - 8), m.start())
        start = recent.start() if recent else m.start()  # 近三年内无…: the window bounds it
        out.append(_Cand(start, m.end(), "exclusion", pred, negated=True))
    return out


def _negations(text: str, lo: int, hi: int) -> list[_Cand]:
    out = []
    for m in _rx().negation.finditer(text, lo, hi):
        pred = Predicate(field="has", op="not", value=m["obj"])
        out.append(_Cand(m.start(), m.end(), "exclusion", pred, priority=1, negated=True))
    return out


def _contrast_negations(text: str, lo: int, hi: int) -> list[_Cand]:
    """对其子女有就业愿望而未就业的 / 有创业意愿而尚未创业的: a status not held, after 而,
    is a negated qualifier of its own (exclusion, as 未获得…的); the state before 而 is
    read by the activity rule."""
    out = []
    for m in _rx().contrast_negation.finditer(text, lo, hi):
        held = _rx().negation_word.sub("", m["q"], count=1)  # 尚未创业 -> 创业 (not held)
        pred = Predicate(field="has", op="not", value=held)
        out.append(_Cand(m.start("q"), m.end("q"), "exclusion", pred, priority=1, negated=True))
    return out


def _criteria(text: str, lo: int, hi: int) -> list[_Cand]:
    out = []
    skip = tuple(words().criteria_skip)
    for m in _rx().criteria.finditer(text, lo, hi):
        obj = m["obj"].strip()
        if obj.startswith(skip) or len(_HAN.findall(obj)) < 3:  # 符合(申报)条件的: vague
            continue
        value = f"{obj}{m['head']}" if obj else None
        pred = Predicate(field="criteria", op="exists", value=value)
        out.append(_Cand(m.start(), m.end(), "other", pred, priority=1))
    return out


def _compliance(text: str, lo: int, hi: int) -> list[_Cand]:
    """支持符合因公出国管理规定赴国外进行培训交流的高技能人才团组…: compliance with a named
    rule inside a relative clause is a qualifier of the head noun, in any sentence (type
    other, quoted up to the rule's head noun). Vague rules (符合相关规定) say nothing."""
    out = []
    skip = tuple(words().criteria_skip + words().compliance_vague)
    for m in _rx().compliance.finditer(text, lo, hi):
        obj = m["obj"].strip()
        if obj.startswith(skip) or len(_HAN.findall(obj)) < 3:
            continue
        tail = text[m.end():hi]
        if any(v in tail[:tail.find("的") + 1 or 30] for v in words().procedure_words):
            continue  # 资金使用应符合…规定并由财政部门直接拨付: a procedure, not a qualifier
        pred = Predicate(field="criteria", op="exists", value=f"{obj}{m['head']}")
        out.append(_Cand(m.start(), m.end(), "other", pred, priority=1))
    return out


def _exclusions(text: str, lo: int, hi: int) -> list[_Cand]:
    """Anti-duplication rules; adjacent phrases (按上限资助，不重复享受) form one item."""
    out: list[_Cand] = []
    rx = _rx()
    found = list(rx.exclusion.finditer(text, lo, hi))
    if text.find("高", lo, hi) >= 0:  # cheap pre-check: speed
        found += list(rx.highest.finditer(text, lo, hi))
    if text.find("一次", lo, hi) >= 0:  # cheap pre-check: speed
        found += list(rx.once.finditer(text, lo, hi))
    found.sort(key=lambda m: (m.start(), -m.end()))
    for m in found:
        if out and m.start() < out[-1].end:
            continue
        if out and _RE_PHRASE_GAP.fullmatch(text[out[-1].end:m.start()]):
            out[-1].end = m.end()
            continue
        pred = Predicate(field="duplicate_benefit", op="not")
        out.append(_Cand(m.start(), m.end(), "exclusion", pred))
    for c in out:
        c.start, c.priority = _exclusion_frame(text, lo, c.start)
    return out


def _exclusion_frame(text: str, lo: int, start: int) -> tuple[int, int]:
    """Reach back over the clause(s) a stacking rule opens with (同一…只能… / 已享受…的，不再…).

    Returns the new start and the priority: -1 (it replaces the qualifiers it covers) when
    it reached back, else 0.
    """
    bounds = [lo] + [m.end() for m in _CLAUSE_PUNCT.finditer(text, lo, start)]
    openers = tuple(words().exclusion_frame_openers)
    a = _skip_label(text, bounds[-1], start)
    if a < start and text.startswith(tuple(words().exclusion_partner_openers), a):
        return a, -1  # …只能享受一次，与吸纳就业补贴不得重复享受: a rule of its own from 与
    for a in reversed(bounds[-2:]):
        a = _skip_label(text, a, start)
        if text[a:start].lstrip(" \u3000").removeprefix("对").startswith(openers) or \
                any(x in text[a:start] for x in words().exclusion_frame_words):
            a += len(text[a:start]) - len(text[a:start].lstrip(" \u3000"))
            return a + text.startswith("对", a), -1  # 对已享受…的，不再…: from 已
    return start, 0


def _inapplicable(text: str, lo: int, hi: int) -> list[_Cand]:
    """…在编人员不适用本办法: the notice excludes a group (a clause-initial statement)."""
    out = []
    for a, b in _clauses(text, lo, hi):
        m = _rx().inapplicable.match(text, _skip_label(text, a, b), b)
        if m:
            pred = Predicate(field="applicable", op="not", value=m["who"])
            out.append(_Cand(m.start(), m.end(), "exclusion", pred, negated=True))
    return out


def _clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    bounds = [lo] + [m.end() for m in _CLAUSE_PUNCT.finditer(text, lo, hi)] + [hi]
    return list(zip(bounds, bounds[1:]))


def _membership(text: str, lo: int, hi: int) -> list[_Cand]:
    """属于…的 anywhere in a sentence: 属于紧缺职业（工种）的补贴标准上浮30%."""
    out = []
    for c in _catalogs(text, lo, hi):
        if c.priority == 0 and text.startswith(tuple(words().catalog_verbs_need_de), c.start):
            out.append(c)
    return out


def _capacities(text: str, lo: int, hi: int) -> list[_Cand]:
    """以本区企事业单位名义参加…: acting in the name of a kind of body is one qualitative
    item (the entity inside it is not the applicant)."""
    out = []
    for m in _rx().capacity.finditer(text, lo, hi) if text.find("以", lo, hi) >= 0 else ():
        pred = Predicate(field="capacity", op="==", value=m["who"])
        out.append(_Cand(m.start(), m.end(), "other", pred))
    return out


def _contest_awards(text: str, lo: int, hi: int) -> list[_Cand]:
    """在国家级、省级技能大赛中获奖 / 参加世界技能大赛并获奖: a prize won in a contest,
    no tier named, is one honour item (a named tier is read by _prize_lists)."""
    out = []
    for m in _rx().contest_award.finditer(text, lo, hi) if text.find("获", lo, hi) >= 0 \
            else ():
        named = _rx().honor_alias.search(text, m.start(), m.end())
        if named:  # 参加世界技能大赛并获奖: the named contest, at its level
            h = _honor_by_alias()[named["alias"]]
            name, level = h.canonical, h.level
        else:      # 在国家级、省级技能大赛中获奖: the contest as written, the lowest level
            name, level = m["contest"], None
            for lv in _rx().level_word.finditer(text, m.start(), m.end()):
                level = _lower_level(level, honors().level_prefixes[lv.group()])
        pred = Predicate(field="honors", op="in", value=[name])
        out.append(_Cand(m.start(), m.end(), "honor", pred, canonical=name, honor_level=level))
    return out


def _granted_awards(text: str, lo: int, hi: int) -> list[_Cand]:
    """列入省级以上政府授予的技能领军人才奖励: an award conferred by a body is an honour
    (the object's head decides, not the verb 列入)."""
    out = []
    for m in _rx().granted_award.finditer(text, lo, hi) if text.find("授", lo, hi) >= 0 \
            or text.find("颁", lo, hi) >= 0 else ():
        level = None
        for lv in _rx().level_word.finditer(text, m.start(), m.end()):
            level = _lower_level(level, honors().level_prefixes[lv.group()])
        pred = Predicate(field="honors", op="in", value=[text[m.start():m.end()]])
        out.append(_Cand(m.start(), m.end(), "honor", pred, honor_level=level))
    return out


def _recognised_bases(text: str, lo: int, hi: int) -> list[_Cand]:
    """国家认定的世界技能大赛集训基地 / 经…确定的…基地: a base designated by a body is one
    qualitative item (a contest name inside it is not an honour)."""
    out = []
    for m in _rx().recognised_base.finditer(text, lo, hi) if text.find("基地", lo, hi) >= 0 \
            else ():
        pred = Predicate(field="designation", op="exists", value=m.group())
        out.append(_Cand(m.start(), m.end(), "other", pred))
    return out


def _matched(pattern: regex.Pattern, text: str, lo: int, hi: int, type_: str, field: str, op: str,
             value: object = None, priority: int = 0) -> list[_Cand]:
    """One qualifier per match of ``pattern`` in ``text[lo:hi]``: its predicate compares
    ``field`` with ``value`` (the matched text when none is given)."""
    return [_Cand(m.start(), m.end(), type_,
                  Predicate(field=field, op=op, value=m.group() if value is None else value),
                  priority=priority)
            for m in pattern.finditer(text, lo, hi)]


def _experience_phrases(text: str, lo: int, hi: int) -> list[_Cand]:
    """Experience stated without a number: 长期工作在技能操作一线 / 累计工作年限达到申报条件 /
    近三年内承办过省级以上职业技能竞赛 (the window before it is read on its own)."""
    return _matched(_rx().experience_phrase, text, lo, hi, "experience", "experience", "exists")


def _employment_status(text: str, lo: int, hi: int) -> list[_Cand]:
    """用人单位在聘的高技能人才 / 目前在岗的护理员: a current employment status before the
    head noun is a labour-contract qualifier (在聘期内 / 在聘任期内 is a duration: no 的)."""
    return _matched(_rx().employment_status, text, lo, hi, "labor_contract", "labor_contract", "==",
                    value=True)


def _audiences(text: str, lo: int, hi: int) -> list[_Cand]:
    """面向贫困劳动者、退役士兵等重点群体开展免费技能培训，培训期间给予生活补助 / 面向本市
    户籍高校毕业生公开招聘: the people a granted measure is open to (type other). Read only
    when the sentence grants something after it (or the measure is a recruitment) and no
    对 / 凡 frame of its own follows (…，对脱贫家庭劳动力参加培训的，给予…)."""
    w, out = words(), []
    for m in _rx().audience.finditer(text, lo, hi):
        if not (m["verb"] in w.audience_grant_verbs or _markers(text, m.end(), hi)):
            continue
        if _next_frame(text, m.end(), hi) < hi:
            continue
        de = text.rfind("的", m.start("obj"), m.end("obj"))
        if de > m.start("obj"):  # 面向具有本省农村户籍、参加当年普通高考的考生: its modifiers
            out += [_qualitative(text, x, y) for x, y in
                    _open_parts(text, m.start("obj"), de, True)]
            continue
        pred = Predicate(field="group", op="in", value=[m["obj"]])
        out.append(_Cand(m.start("obj"), m.end("obj"), "other", pred, canonical=m["obj"]))
    return out


def _open_to(text: str, lo: int, hi: int) -> list[_Cand]:
    """补贴培训项目全部向具备资质的社会培训机构开放 / 向民营企业全面开放: the kinds of
    applicant a programme is opened to (entity_type, quoted with their modifiers). A generic
    or bare noun (向企业开放) says nothing and is not read."""
    out = []
    table = _entity_by_alias()
    for m in _rx().open_to.finditer(text, lo, hi):
        t = table[m["alias"]]
        if t.generic or t.bare and m.start("alias") > m.start("obj"):
            continue
        if _skip_label(text, lo, hi) < hi and text[_skip_label(text, lo, hi):m.start()].lstrip(
                " \u3000").startswith(tuple(words().encouragement_openers)):
            continue  # 鼓励各类金融机构向科技型中小企业开放…: prose, not who qualifies
        kinds = list(dict.fromkeys(
            table[x.group()].canonical for x in _rx().entity.finditer(text, m.start("obj"), m.end("obj"))
            if not table[x.group()].generic)) or [t.canonical]
        pred = Predicate(field="entity_type", op="in", value=kinds)
        out.append(_Cand(m.start("obj"), m.end("obj"), "entity_type", pred,
                         canonical=kinds[0] if len(kinds) == 1 else None))
    return out


def _entity_kind(member: str) -> str:
    """The canonical kind a list member names by the longest gazetteer alias it ends with
    (职业培训机构 -> 培训机构), else the member as written (产学研联合体)."""
    table = _entity_by_alias()
    return next((table[member[i:]].canonical for i in range(len(member))
                 if member[i:] in table), member)


def _applicants(text: str, lo: int, hi: int) -> list[_Cand]:
    """高技能人才培训基地、技能大师工作室可根据…申报培养项目 / 省级以上技能大师工作室均可
    申请…: the bodies named as the subject of a modal application are its applicants (one
    entity_type item for the list, as 、 lists of kinds are kept whole). A generic noun alone
    (企业可申请…) says nothing; a subject with a label or a place word first is prose."""
    out, heads = [], tuple(words().applicant_heads)
    table = _entity_by_alias()
    for m in _rx().applicant.finditer(text, lo, hi):
        subj = m["subj"].strip(" \u3000")
        members = subj.split("、")
        if not all(x.endswith(heads) and len(x) > 2 for x in members):
            continue
        if len(members) == 1 and ((t := table.get(subj)) is None or t.generic or t.bare):
            continue  # 企业可申请… / 各基地可申报…: one bare noun names no kind
        a = m.start("subj") + (len(m["subj"]) - len(m["subj"].lstrip(" \u3000")))
        kinds = [_entity_kind(x) for x in members]
        pred = Predicate(field="entity_type", op="in", value=kinds)
        out.append(_Cand(a, m.end("subj"), "entity_type", pred, canonical=subj))
    return out


def _sector_lists(text: str, lo: int, hi: int) -> list[_Cand]:
    """其中从事餐饮、住宿、零售行业的 / 从事农产品加工产业的: the sectors an applicant works
    in, named before 行业 / 产业 / 领域 (industry, any of the listed sectors)."""
    out = []
    for m in _rx().sector_list.finditer(text, lo, hi):
        table = _industry_by_alias()
        kinds = [x.removesuffix("等") for x in _rx().member_split.split(m["list"]) if x]
        kinds = [table[x].canonical if x in table else x for x in kinds if x]
        pred = Predicate(field="industry", op="in", value=kinds)
        out.append(_Cand(m.start("verb"), m.end(), "industry", pred))
    return out


def _first_times(text: str, lo: int, hi: int) -> list[_Cand]:
    """在我区首次购买商品住房 / 首次赴境外参展 / 首次申领创新券: doing a thing for the first
    time is a qualifier of its own (type other); 首次创办… keeps its entity reading."""
    return _matched(_rx().first_time, text, lo, hi, "other", "qualifier", "exists")


def _households(text: str, lo: int, hi: int) -> list[_Cand]:
    """具有本区户籍、年满80周岁的… / 户籍在本区: a registered residence stated as a clause
    of its own is a qualifier (type other); 本市户籍高校毕业生 stays a group."""
    return _matched(_rx().household, text, lo, hi, "other", "household", "exists")


def _nominations(text: str, lo: int, hi: int) -> list[_Cand]:
    """市人力资源社会保障部门培养推荐的…选手 / 重点高校、科研院所邀请来华从事…的专家: the
    bodies nominating the person (other) and what the invited person comes to do (other)."""
    if not any(text.find(v, lo, hi) >= 0 for v in words().nomination_verbs):  # speed
        return []
    out = []
    for m in _rx().nomination.finditer(text, lo, hi):
        pred = Predicate(field="nominated_by", op="in", value=[m["body"]])
        out.append(_Cand(m.start(), m.end("verb"), "other", pred))
        if m["act"]:
            pred = Predicate(field="qualifier", op="exists", value=m["act"])
            out.append(_Cand(m.start("act"), m.end("act"), "other", pred, priority=1))
    return out


def _pool_source(text: str, scope: Scope) -> list[_Cand]:
    """从全市社会经济组织具有…的人才中评选: the bodies the pool is drawn from (other)."""
    m = _rx().pool_source.match(text, scope.start, scope.end)
    if m is None:
        return []
    a = scope.start - 1 if text[scope.start - 1:scope.start] == "从" else scope.start
    pred = Predicate(field="source", op="in", value=[m["src"]])
    return [_Cand(a, m.end(), "other", pred)]


def _dependants(text: str, lo: int, hi: int) -> list[_Cand]:
    """引进人才本人及其配偶、未成年子女在县域内参加…的: the recipient's dependants (other)."""
    if not any(text.find(x, lo, hi) >= 0 for x in groups().dependant_leads):  # speed
        return []
    out = []
    for m in _rx().dependant.finditer(text, lo, hi):
        pred = Predicate(field="group", op="in", value=[m.group()])
        out.append(_Cand(m.start(), m.end(), "other", pred))
    return out


def _served_dependants(text: str, lo: int, hi: int) -> list[_Cand]:
    """为“武汉工匠”及其配偶和未成年子女落户提供便捷服务: dependants a service clause names."""
    out = []
    for c in _dependants(text, lo, hi):
        a = _clause_start(text, lo, c.start)
        b = _clause_end(text, c.end, hi)
        if text.find("为", a, c.start) >= 0 and any(text.find(x, c.end, b) >= 0
                                             for x in groups().dependant_service):
            out.append(c)
    return out


def _recipient_groups(text: str, lo: int, hi: int) -> list[_Cand]:
    """落实获奖选手升学…政策 / 将获奖人员作为…: a group noun right after a lead word names the
    recipients of a measure, outside any qualifier frame."""
    leads = tuple(groups().recipient_leads)
    if not any(text.find(x, lo, hi) >= 0 for x in leads):  # speed
        return []
    out = []
    for m in _rx().group.finditer(text, lo, hi):
        g = _group_by_alias().get(m["bare"] or "")
        if g is None or not text[max(lo, m.start() - 2):m.start()].endswith(leads):
            continue
        pred = Predicate(field="group", op="in", value=[g.canonical])
        out.append(_Cand(m.start(), m.end(), g.type, pred, canonical=g.canonical))
    return out


def _agreements(text: str, lo: int, hi: int) -> list[_Cand]:
    """支持企业、职业院校、学生签订…定向培养协议，并按月发给…补助: the agreement the recipient
    signs is a qualifier when a grant follows it in the sentence (not a labour contract)."""
    w, out = words(), []
    for m in _rx().agreement.finditer(text, lo, hi):
        if _rx().contract.match(text, m.start(), hi) or \
                not any(text.find(g, m.end(), hi) >= 0 for g in w.agreement_grant_words):
            continue
        pred = Predicate(field="agreement", op="exists", value=m.group())
        out.append(_Cand(m.start(), m.end(), "other", pred, priority=1))
    return out


def _deadlines(text: str, lo: int, hi: int) -> list[_Cand]:
    """申领单位于每年3月底前向…提交材料: the applicant's yearly deadline (time window); 于每季度
    首月向…申请 is a period to apply in (op ==), not a deadline."""
    out = _matched(_rx().deadline, text, lo, hi, "time_window", "application_date", "<")
    acts = tuple(words().deadline_acts)  # 申请 / 申报 / 提交: not a reporting duty (填报人数)
    out = [c for c in out if any(a in text[c.end:c.end + 40].split("。")[0] for a in acts)]
    for c in out:
        if not text[c.start:c.end].endswith(tuple(words().date_before)):
            c.predicate = c.predicate.model_copy(update={"op": "=="})
    return out


def _approvals(text: str, lo: int, hi: int) -> list[_Cand]:
    """经…认定 / 经…同意 / 经备案: the benefit needs an agency's approval (type other)."""
    return _matched(_rx().approval, text, lo, hi, "other", "approval", "exists", priority=1)


def _tiers(text: str, lo: int, hi: int) -> list[_Cand]:
    """Levels or honours written right before their amount (按高级技师5000元/人、技师3500元/人;
    初级工、中级工每人次150元) or listed before 的补贴标准分别为… : the tiers of a rule."""
    rx = _rx()
    cands = sorted(_skills(text, lo, hi) + _named_honors(text, lo, hi), key=lambda c: c.start)
    out = []
    for chain in _chains(text, cands):
        end = chain[-1].end
        if rx.tier_amount.match(text, end, hi) or rx.tier_respective.match(text, end, hi):
            out.extend(chain)
    return out + [c for c in _labelled_tier(text, lo, hi, cands) if c not in out]


def _tier_labels(text: str, lo: int, hi: int) -> list[_Cand]:
    """Tier labels paired with amounts: 一星级、二星级…机构分别按…; 按A类、B类分别给予;
    本科及以上2万元，大专1.5万元: one item per label (a bare ladder level is a skill level)."""
    rx = _rx()
    spans = []
    if any(text.find(w, lo, hi) >= 0 for w in words().respective_words):  # speed
        for m in rx.tier_run.finditer(text, lo, hi):
            spans.extend(t.span() for t in rx.tier_label.finditer(text, m.start(),
                                                                  m.start("head")))
    starts = [_skip_label(text, lo, hi)] + [m.end() for m in _CLAUSE_PUNCT.finditer(text, lo, hi)]
    for a in starts:  # 本科及以上2万元，大专1.5万元: a label with its own amount
        m = rx.tier_own.match(text, a, hi)
        if m:
            spans.append(rx.tier_label.search(text, a, m.end()).span())
    skill = rx.tier_skill_cue.search(text, lo, spans[0][0]) if spans else None
    return [_tier_label(text, a, b, skill is not None) for a, b in sorted(set(spans))]


def _tier_label(text: str, a: int, b: int, skill: bool) -> _Cand:
    level = next((lv for lv in ladder().levels if text[a:b] in lv.needs_suffix), None)
    if skill and level is not None:
        pred = Predicate(field="skill_level", op="==", value=level.canonical)
        return _Cand(a, b, "skill_level", pred, canonical=level.canonical, priority=1)
    pred = Predicate(field="tier", op="==", value=text[a:b])
    return _Cand(a, b, "other", pred, priority=1)


def _chains(text: str, cands: list[_Cand]) -> list[list[_Cand]]:
    """Runs of candidates joined only by 、 / 和 / 或 (初级工、中级工)."""
    chains: list[list[_Cand]] = []
    for c in cands:
        if chains and _rx().list_gap.match(text[chains[-1][-1].end:max(c.start,
                                                                        chains[-1][-1].end)]):
            chains[-1].append(c)
        else:
            chains.append([c])
    return chains


def _labelled_tier(text: str, lo: int, hi: int, cands: list[_Cand]) -> list[_Cand]:
    """Levels opening a labelled item that states an amount: （一）初级工（五级）每人补贴1000元."""
    start = _skip_label(text, lo, hi)
    if start == lo or not cands or cands[0].start != start:
        return []
    chain = [cands[0]]
    for c in cands[1:]:
        if not _rx().list_gap.match(text[chain[-1].end:c.start]):
            break
        chain.append(c)
    return chain if _rx().tier_amount.search(text, chain[-1].end, hi) else []


def _scope_candidates(text: str, scope: Scope) -> list[_Cand]:
    lo, hi = scope.start, scope.end
    cands: list[_Cand] = []
    for finder in (_durations, _quantities, _age_ranges, _shares_of, _skills, _titles, _named_honors, _generic_honors,
                   _level_floors, _insurance, _contracts, _industries, _origins, _catalogs,
                   _time_windows, _negations, _contrast_negations, _records, _criteria, _certificates,
                   _training_certificates, _prize_lists, _groups, _capacities,
                   _contest_awards, _granted_awards, _recognised_bases, _sector_lists,
                   _experience_phrases, _employment_status, _nominations, _dependants):
        cands.extend(finder(text, lo, hi))
    if any(text.find(x, lo, hi) >= 0 for x in words().household_words):  # speed
        cands.extend(_households(text, lo, hi))  # typed here, so 并… after it splits off
    cands.extend(_entities(text, lo, hi, scope))
    if scope.frame[:1] in "对凡" and text.find("的", lo, hi) >= 0:
        cands.extend(_head_bodies(text, scope, cands))
    if scope.frame != "subject":
        cands.extend(_leading_body(text, scope, cands))
    if scope.frame == "subject":  # 每年遴选不超过10名: a quota, not a qualifier
        cands = [c for c in cands if not (c.type == "threshold" and c.predicate
                                          and c.predicate.op in ("<=", "<"))]
    cands = [c for c in cands if not any(a <= c.start < b for a, b in scope.skip)]
    if scope.frame in _TYPED_FRAMES:  # 从…中评选: only what qualifies a person of the pool
        cands = [c for c in cands if c.type in _TYPED_FRAMES[scope.frame]]
    if scope.frame == "从…中":  # … and the bodies it is drawn from
        cands.extend(_pool_source(text, scope))
    ents = [c for c in cands if c.type == "entity_type"]
    for c in cands:  # 小微企业当年新招用…达到…15%以上: a measure quoted from its clause
        if c.type == "threshold":  # start does not take in the applicant before it
            for e in ents:
                if c.start <= e.start and e.end < c.end:
                    c.start = e.end
    for m in _rx().clause_split.finditer(text, lo, hi):  # 注册、正常经营满1年: not over 、
        for c in cands:
            if c.start < m.start() < c.end and len(_HAN.findall(text, m.end(), c.end)) >= 3:
                c.start = m.end()
    return _windowed_thresholds(text, cands)





def _leading_body(text: str, scope: Scope, cands: list[_Cand]) -> list[_Cand]:
    """银行业金融机构年度…投放量达到…的，给予… / 政府性融资担保机构为…提供担保的: a frame
    opening with a kind of body (a noun closed by a word of body_heads, no gazetteer alias)
    followed by what it does: that kind is the applicant (entity_type)."""
    a = _skip_label(text, scope.start, scope.end)
    a += text.startswith(("对", "凡"), a)
    m = _rx().leading_body.match(text, a, scope.end)
    if m is None or any(c.start < m.end() and c.end > a for c in cands):
        return []
    head = m["body"]
    w = words()
    if any(x in head for x in w.body_head_stops + w.leading_body_stops + w.leading_body_verbs) or \
            head in w.body_heads or head.startswith(tuple(w.leading_body_openers)):
        return []
    pred = Predicate(field="entity_type", op="in", value=[head])
    return [_Cand(a, m.end(), "entity_type", pred, canonical=head)]


def _head_bodies(text: str, scope: Scope, cands: list[_Cand]) -> list[_Cand]:
    """对…成交额达到1亿元以上的技术转移服务机构， / 对承担…项目的企业或产学研联合体，: the
    head noun after the frame's last 的 names a kind of body (a word of body_heads closes
    it) that no gazetteer alias covers: the kind of applicant, quoted as written. A bare
    generic noun alone (…的企业) names no kind."""
    body = text[scope.start:scope.end]
    cut = _CLAUSE_PUNCT.search(body)  # the frame's first clause: 对…的融资担保机构，按…
    body = body[:cut.start()] if cut else body.rstrip("，,：: ")
    de = body.rfind("的")
    if de < 0:
        return []
    a, b = scope.start + de + 1, scope.start + len(body)
    head = text[a:b]
    w, table = words(), _entity_by_alias()
    if any(x in head for x in w.body_head_stops):
        return []  # 新获批设立的省级博士后创新实践基地: a designation, not a kind
    members = [x for x in _rx().member_split.split(head) if x]
    if not members or len(_HAN.findall(head)) < 3 or any(a <= c.start < b for c in cands) or \
            not all(_HAN.fullmatch(x[0]) and (x.endswith(tuple(w.body_heads)) or x in table)
                    for x in members):
        return []
    if all(x in table or x in w.body_heads for x in members):
        return []  # …的企业 / …的机构 / …的培训机构: no kind, or one the gazetteer reads
    kinds = [_entity_kind(x) for x in members]
    pred = Predicate(field="entity_type", op="in", value=kinds)
    return [_Cand(a, b, "entity_type", pred, canonical=head if len(kinds) > 1 else kinds[0])]


_WINDOW_GAP = regex.compile(r"[\p{Han}、A-Za-z]{0,20}")


def _windowed_thresholds(text: str, cands: list[_Cand]) -> list[_Cand]:
    """近三年发明专利授权量不少于10件 / 近2年内取得…成果2项以上: a count over the recent years
    is measured over that window (count_in_last_3_years >= 10). The window stays an item of
    its own too, as annotators split on quoting the two as one item (dev7) or two (dev3)."""
    windows = [c for c in cands if c.type == "time_window" and c.predicate
               and c.predicate.field.startswith("recent_")]
    for w in windows:
        after = [c for c in cands if c.start >= w.end]
        nxt = min(after, key=lambda c: c.start, default=None)
        if nxt is None or nxt.type != "threshold" or not nxt.predicate or \
                _WINDOW_GAP.fullmatch(text, w.end, nxt.start) is None:
            continue
        unit = w.predicate.unit
        nxt.predicate = nxt.predicate.model_copy(update={
            "field": f"{nxt.predicate.field}_in_last_{w.predicate.value}_{unit}s"})
    return cands


_PERSON_TYPES = ("skill_level", "honor", "tenure", "experience", "social_insurance",
                 "labor_contract", "origin")
_TYPED_FRAMES = {
    "从…中": _PERSON_TYPES,
    "纳入…": _PERSON_TYPES + ("entity_type",),
    "一批…": ("entity_type", "industry"),
    "是指…": _PERSON_TYPES + ("entity_type", "industry", "time_window", "threshold", "catalog"),
}
"""Frames read for typed qualifiers only, and the types each admits."""


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Keep the strongest, longest non-overlapping candidates, in text order."""
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.priority, -(c.end - c.start), c.start, c.type)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _mark_negated(text: str, cands: list[_Cand], lo: int) -> None:
    for c in cands:
        left = text[max(lo, c.start - 4):c.start]
        if c.type != "exclusion" and _rx().negated_before.search(left):
            c.negated = True


def _to_condition(text: str, c: _Cand, scope: Scope, frame: str | None) -> Condition:
    return Condition(
        start=c.start, end=c.end, quote=text[c.start:c.end], type=c.type,
        predicate=c.predicate, negated=c.negated, canonical=c.canonical,
        honor_level=c.honor_level, sentence_start=scope.sentence_start,
        sentence_end=scope.sentence_end, frame=frame,
        scope_start=scope.start, scope_end=scope.end,
    )


_OPEN_FRAMES = ("应…", "适用…", "下列…")
"""Frames whose every clause states a qualifier (requirements, lists, applicability)."""


def _segments(text: str, scope: Scope) -> list[tuple[int, int]]:
    """Clauses of a framed scope that state a qualifier: all of 对/凡…, the last of …的."""
    lo, hi = scope.start, scope.end
    if _topic_requirement(text, scope, scope.sentence_end):
        return []  # 申报个人补贴的，应…: the topic of a requirement
    m = _rx().opener.match(text, lo, hi)
    lo = m.end() if m else lo
    tail = _FRAME_TAIL.search(text, lo, hi)
    hi = tail.start() if tail else hi
    tail = tail if tail and text.startswith("的", tail.start()) else None
    bounds = [lo] + [p.end() for p in _CLAUSE_PUNCT.finditer(text, lo, hi)] + [hi + 1]
    segs = [(a, b - 1) for a, b in zip(bounds, bounds[1:])]
    if m and not tail:  # 对A，B的C，[所在企业应]给予: the object ends at its head noun
        last = max((i for i, (a, b) in enumerate(segs) if "的" in text[a:b]), default=len(segs))
        return segs[:last + 1]
    if m or scope.frame in _OPEN_FRAMES:
        return segs
    if scope.frame == "是指…":
        return _definition_segments(text, segs)
    if scope.frame == "subject":  # 在本区…从事一线护理工作，签订…的护理员，按…给予
        return segs[:1] if len(segs) > 1 and _rx().workplace_clause.match(text, *segs[0]) \
            else []
    if not scope.frame.endswith("的"):
        return []
    conj = tuple(words().conjunctions)
    return [sg for i, sg in enumerate(segs)
            if i == len(segs) - 1 or text[sg[0]:sg[1]].lstrip().startswith(conj)
            or _rx().workplace_clause.match(text, sg[0], sg[1])]


def _definition_segments(text: str, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses of a definition (…是指A、B，并C的<head>) up to its first 的: the modifiers of
    the defined head; what follows the head (包括… / 以及…的…) extends it and is not read."""
    out = []
    for a, b in segs:
        de = text.find("的", a, b)
        if de >= 0:
            return out + [(a, de)] + _group_heads(text, de + 1, b)
        out.append((a, b))
    return []  # no head noun closes it (是指A、B): nothing read as a modifier


def _group_heads(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The members of a head that is a list opening with a group (…认定的大龄失业人员（…）、
    零就业家庭成员或者连续失业一年以上的人员): each one a qualifier, its note left out."""
    m = _rx().group.match(text, a, b)
    if m is None or not m["bare"]:
        return []
    out, depth, x = [], 0, a
    joiners = tuple(words().definition_joiners)
    i = a
    while i <= b:
        ch = text[i] if i < b else "、"
        depth += 1 if ch in "（(" else -1 if ch in "）)" else 0
        j = next((w for w in joiners if text.startswith(w, i)), None) if depth == 0 else None
        if depth == 0 and (ch == "、" or j):
            out.append((x, i))
            i += len(j) if j else 1
            x = i
            continue
        i += 1
    cut = []
    for x, y in out:
        note = _RE_OPEN_BRACKET.search(text[x:y])
        y = x + note.start() if note else y
        de = text.rfind("的", x, y)
        y = de if de > x else y
        if len(_HAN.findall(text, x, y)) >= 3:
            cut.append((x, y))
    return cut if len(cut) > 1 else []


def _piece(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The modifier part of a clause: strip 并/且 and a head noun after the last 的."""
    m = _rx().piece_trim.match(text, a, b)
    a = m.end() if m else a
    w = words()
    if text[a:b].startswith(tuple(w.manner_openers + w.encouragement_openers)) and \
            not text[a + 1:b].startswith(tuple(w.approval_false_after)):  # 经费保障… opens
        return None
    if any(v in text[a:b] for v in w.vague_clauses) or _rx().thing_share.search(text, a, b):
        return None  # 符合条件 / 安排不低于30%的场地: no qualifier of its own
    de = text.rfind("的", a, b)
    if de > a and len(_NOTE.sub("", text[de:b])) <= 13:  # …的企业（以下简称“企业”）
        if text[a:de].startswith(tuple(w.subject_topic_verbs)):
            return None  # 申报研发补助的企业，…: the benefit applied for is the topic
        if text[de + 1:b].rstrip().endswith(tuple(w.reckoning_ends)):
            return None  # 自老年人年满相应年龄的次月起(发放): when payment starts
        b = de
    while b > a and not _RE_PIECE_END.match(text[b - 1]):
        b -= 1
    if _named_agent(text, a, b):
        return None  # …卫生院（以下统称用人单位）引进: who acts, not who qualifies
    return (a, b) if len(_HAN.findall(text, a, b)) >= 3 else None


def _named_agent(text: str, a: int, b: int) -> bool:
    """True for a clause ending in a naming note and a short verb (…（以下统称用人单位）引进)."""
    close = max(text.rfind("）", a, b), text.rfind(")", a, b))
    if close < 0 or len(_HAN.findall(text, close, b)) > 3:
        return False
    note = max(text.rfind("（", a, close), text.rfind("(", a, close))
    return note >= 0 and text.startswith(tuple(words().naming_note_words), note + 1)


def _with_qualitative(text: str, scope: Scope, cands: list[_Cand]) -> list[_Cand]:
    """Add a type-other item for each framed clause with no typed qualifier in it.

    An entity type inside a longer verb phrase (企业与院校合作开设…) is the agent of
    the activity, not the qualifier: the clause becomes one other item instead.
    """
    out = list(cands)
    for seg in _split_segments(text, _segments(text, scope)):
        piece = _piece(text, *seg)
        if piece is None:
            continue
        a, b = piece
        inside = [c for c in out if a <= c.start < b]
        a, inside = _past_window(text, a, b, inside)
        if inside and all(_is_group(c) for c in inside) and inside[0].start <= a + 1:
            rest = _agent_rest(text, inside[-1].end, b)  # 就业困难人员参加…: the rest
            if rest is None:                              # of the clause qualifies too
                continue
            a, inside = rest, []
        if len(inside) > 1 and _bare_generic(text, inside[0]) and inside[0].start <= a + 1 \
                and all(c.type != "entity_type" for c in inside[1:]) \
                and inside[1].type == "threshold" and _agent_rest(text, inside[0].end, b):
            # 企业安排技能人才开展1个月以上研修培训: the bare agent of a measured activity
            out = [c for c in out if c is not inside[0]]
            inside = inside[1:]
        if inside and all(c.type == "entity_type" for c in inside):
            out += _conjoined_before(text, a, inside[0].start)
            agent = _agent_rest(text, inside[-1].end, b)
            if agent is None:
                continue
            out = [c for c in out if not (c in inside and _bare_generic(text, c))]
            a, inside = agent, []
        if inside and inside[0].type != "entity_type":  # 承接…竞赛和纳入…计划的: the
            out += _activity_before(text, a, inside[0].start)  # activity before 和 too
            out += _conjoined_before(text, a, inside[0].start)  # 取得营业执照并正常经营…
        if inside:  # 取得…证书并在本市就业: the clause after 并 is a qualifier of its own
            last = max(inside, key=lambda c: c.end)
            a = _conjoined_rest(text, last.end, b, _measured(last))
            inside = [] if a is not None else inside
        if not inside and not _procedural(text, a, b):
            for x, y in _conjoined_parts(text, _open_parts(text, a, b, scope.frame in
                                                           _OPEN_FRAMES + ("是指…",))):
                cand = _qualitative(text, x, y)
                if cand.type != "other" or not text[x:y].endswith(tuple(words().payer_ends)):
                    out.append(cand)  # not 省级财政给予… / 所需经费可…: the payer
    return out


def _procedural(text: str, a: int, b: int) -> bool:
    """True for a clause on the amount basis or the procedure (按…标准 / 审核…), not
    counting a procedure word inside a body's name (市场监督管理部门)."""
    w = words()
    body = text[a:b]
    if body.rstrip().endswith(tuple(w.reckoning_ends)):
        return True  # 服务期自报到之日起计算: how a period is reckoned
    for f in w.procedure_false:
        body = body.replace(f, "")
    body = _rx().compared_standard.sub("", body)  # 收入低于当地最低工资标准: a comparison
    return any(v in body for v in w.amount_basis_words + w.procedure_words)


def _qualitative(text: str, x: int, y: int) -> _Cand:
    """A clause as one item; one that ends in a failure (…认定未获通过) excludes."""
    if text[x:y].endswith(tuple(words().failure_words)) or \
            any(w in text[x:y] for w in words().misconduct_words):  # 弄虚作假骗取补贴的: barred
        pred = Predicate(field="qualifier", op="not", value=text[x:y])
        return _Cand(x, y, "exclusion", pred, priority=1, negated=True)
    if (m := _rx().negated_piece.match(text, x, y)) and \
            not text.startswith(tuple(words().negated_piece_false), m.start("neg")):
        pred = Predicate(field="qualifier", op="not", value=text[m.end("neg"):y])
        return _Cand(x, y, "exclusion", pred, priority=1, negated=True)  # 在本区无自有住房
    field = "household" if _rx().household.fullmatch(text, x, y) else "qualifier"  # 户籍在本县
    pred = Predicate(field=field, op="exists", value=text[x:y])
    return _Cand(x, y, "other", pred, priority=1)


def _conjoined_parts(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a clause at 且 between two long qualifiers (整体迁入本区且资格仍在有效期内)."""
    out = []
    for a, b in parts:
        for m in _rx().split_conjunction.finditer(text, a, b):
            if len(_HAN.findall(text, a, m.start())) >= 4 and \
                    len(_HAN.findall(text, m.end(), b)) >= 4:
                out.append((a, m.start()))
                a = m.end()
        out.append((a, b))
    return out


def _open_parts(text: str, a: int, b: int, open_frame: bool) -> list[tuple[int, int]]:
    """In a requirement / applicability frame, 、 between two long clauses splits them."""
    if not open_frame:
        return [(a, b)]
    cuts = [a] + [i + 1 for i in range(a, b) if text[i] == "、"  # not inside 县（市、区）
                  and text.count("（", a, i) + text.count("(", a, i)
                  <= text.count("）", a, i) + text.count(")", a, i)] + [b + 1]
    parts = [(x, y - 1) for x, y in zip(cuts, cuts[1:])]
    if len(parts) > 1 and all(len(_HAN.findall(text, x, y)) >= 5 for x, y in parts):
        return parts
    return [(a, b)]


def _split_segments(text: str, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split clauses at a 、 that opens a new qualifier (依法登记注册、正常经营满1年)."""
    out = []
    for a, b in segs:
        cuts = [m.start() for m in _rx().clause_split.finditer(text, a, b)]
        i = text.find("、", a, b)
        while i >= 0:  # a cheap scan for 、 first: speed
            if _rx().evaluative.search(text, a, i):
                cuts.append(i)
            i = text.find("、", i + 1, b)
        if not cuts and text.find("、", a, b) >= 0 and text.find("分别", b, b + 12) >= 0 \
                and _respective(text, b, b + 40):  # 获评国家…示范单位、省级…示范基地的，分别奖励
            parts = [0] + [m.end() for m in regex.finditer("、", text[a:b])]  # …30万元、10万元
            leads = tuple(words().respective_member_leads)  # each later member a level's own
            if text.find("的", a, b) < 0 and \
                    all(text.startswith(leads, a + x) for x in parts[1:]) and \
                    all(len(_HAN.findall(text, a + x, a + y - 1)) >= 4
                        for x, y in zip(parts, parts[1:] + [b - a + 1])):
                cuts = [a + x - 1 for x in parts[1:]]
        for c in sorted(set(cuts)):  # … or after an evaluative clause (培训质量好、学员…)
            if len(_HAN.findall(text, a, c)) >= 3:
                out.append((a, c))
                a = c + 1
        out.append((a, b))
    return out


def _past_window(text: str, a: int, b: int,
                 inside: list[_Cand]) -> tuple[int, list[_Cand]]:
    """Move past a leading recent window (近三年内承办过…): the rest is a qualifier too."""
    if len(inside) != 1 or inside[0].type != "time_window" or inside[0].start > a + 1:
        return a, inside
    if inside[0].predicate is None:
        return a, inside
    rest = inside[0].end
    return (rest, []) if len(_HAN.findall(text, rest, b)) >= 4 else (a, inside)


def _is_group(c: _Cand) -> bool:
    return c.predicate is not None and c.predicate.field == "group"


def _conjoined_rest(text: str, a: int, b: int, measured: bool = False) -> int | None:
    """Start of a 并/且 clause after the last typed qualifier of a piece, if one follows;
    after a measured one (a figure closes it) also a 、 clause of at least four characters
    (正常运营满1年、收住本区户籍老年人 / 年龄在16周岁以上、法定退休年龄以下)."""
    if measured and text.startswith("、", a, b) and len(_HAN.findall(text, a + 1, b)) >= 4:
        return a + 1
    m = _rx().piece_trim.match(text, a, b)
    if not m or m.end() == a or not _rx().conjunction.match(text, a, b):
        return None
    return m.end() if len(_HAN.findall(text, m.end(), b)) >= 3 else None


def _measured(c: _Cand) -> bool:
    """True for a qualifier with a numeric bound (满1年 / 16周岁以上 / 1000万美元以上)."""
    return c.predicate is not None and isinstance(c.predicate.value, (int, float, Decimal)) \
        and not isinstance(c.predicate.value, bool)


def _conjoined_before(text: str, a: int, b: int) -> list[_Cand]:
    """The clause joined by 并 / 且 before a typed qualifier (在本县注册登记并具有独立法人
    资格 / 取得营业执照并正常经营6个月以上 / 在本市企业就业并连续缴纳…): a qualifier of its own."""
    m = _rx().conjoined_tail.search(text, a, b)
    if m is None or len(_HAN.findall(text, a, m.start())) < 4:
        return []
    return [_qualitative(text, a, m.start())]


def _activity_before(text: str, a: int, b: int) -> list[_Cand]:
    """The activity joined by 和 / 及 / 或 before a typed qualifier (承接省、市级技能竞赛和纳入
    年度计划的… / 具有博士研究生学历或正高级职称的…): a qualifier of its own; a bracketed
    alternative (在岗在编（或签订…合同）) leaves its bracket out."""
    m = _rx().activity_joiner.search(text, a, b)
    if m is None or m.end() != b:
        return []
    end = m.start() - 1 if text[m.start() - 1:m.start()] in ("（", "(") else m.start()
    if len(_HAN.findall(text, a, end)) < 4:
        return []
    return [_qualitative(text, a, end)]


def _agent_rest(text: str, a: int, b: int) -> int | None:
    """Start of the activity after an entity that is its agent (企业开展…培训), if any."""
    m = _rx().agent_gap.match(text, a, b)
    a = m.end() if m else a
    w = words()
    if text.startswith(tuple(w.list_tail_openers), a) and \
            not text.startswith(tuple(w.list_tail_false), a):
        return None  # …民办非企业单位等用人单位及其职工: a list tail, no activity
    return a if len(_HAN.findall(text, a, b)) >= 4 else None


def _scope_of(c: _Cand, scopes: list[Scope], whole: Scope) -> Scope:
    return next((sc for sc in scopes if sc.start <= c.start < sc.end), whole)


def _sentence_conditions(text: str, s_start: int, s_end: int,
                         in_list: bool = False, labelled: bool = True) -> list[Condition]:
    out: list[tuple[_Cand, Scope]] = []
    scopes = find_scopes(text, s_start, s_end)
    strong = [sc for sc in scopes if not sc.weak]
    item = list_scope(text, s_start, s_end, labelled) if in_list and not strong else None
    scopes = [item] if item else scopes
    for scope in scopes:
        cands = _resolve(_scope_candidates(text, scope))
        cands = _resolve(_with_qualitative(text, scope, cands))
        _mark_negated(text, cands, scope.start)
        if _refused(text, scope):
            _as_exclusions(cands)
        out.extend((c, scope) for c in cands)
    whole = Scope(s_start, s_end, "sentence", s_start, s_end)
    extra = _exclusions(text, s_start, s_end) + _membership(text, s_start, s_end)
    if text.find("每", s_start, s_end) >= 0:  # cheap pre-check: speed
        extra += _deadlines(text, s_start, s_end)
    if text.find("协议", s_start, s_end) >= 0:
        extra += _agreements(text, s_start, s_end)
    extra += _served_dependants(text, s_start, s_end) + _recipient_groups(text, s_start, s_end)
    if text.find("适用", s_start, s_end) >= 0 or text.find("不属于", s_start, s_end) >= 0:
        extra += _inapplicable(text, s_start, s_end)
    if any(text.find(x, s_start, s_end) >= 0 for x in words().first_time_markers):  # speed
        extra += _first_times(text, s_start, s_end)
    if any(text.find(x, s_start, s_end) >= 0 for x in words().household_words):  # speed
        extra += _households(text, s_start, s_end)
    if any(text.find(x, s_start, s_end) >= 0 for x in words().audience_markers):  # speed
        extra += _audiences(text, s_start, s_end)
    if any(text.find(x, s_start, s_end) >= 0 for x in words().open_to_verbs):  # speed
        extra += _open_to(text, s_start, s_end)
    if any(text.find(x, s_start, s_end) >= 0 for x in words().applicant_verbs):  # speed
        extra += _applicants(text, s_start, s_end)
    if any(text.find(x, s_start, s_end) >= 0 for x in words().criteria_verbs):  # speed
        extra += _compliance(text, s_start, s_end)
    if scopes and text.find("经", s_start, s_end) >= 0:  # cheap pre-checks: speed
        extra += _approvals(text, s_start, s_end)
    if text.find("元", s_start, s_end) >= 0:
        tiers = _tier_labels(text, s_start, s_end)
        out = _yield_to_tiers(out, tiers)
        extra += _tiers(text, s_start, s_end) + tiers
    for c in extra:
        if c.type == "catalog" and text.startswith("的", c.end) and \
                _rx().refused_head.match(text, c.end + 1, s_end):
            c.type, c.negated = "exclusion", True  # 被列入…名单的企业不予认定: barred
        if c.priority < 0:  # a stacking rule over its own frame: it replaces what it covers
            out = [(o, s) for o, s in out if o.end <= c.start or o.start >= c.end]
        if all(c.end <= o.start or c.start >= o.end for o, _ in out):
            keep_whole = c.type in ("exclusion", "catalog")
            out.append((c, whole if keep_whole else _scope_of(c, scopes, whole)))
    out.sort(key=lambda t: (t[0].start, t[0].end))
    if any(text.find(v, s_start, s_end) >= 0 for v in words().staff_verbs):  # speed
        out = [(c, sc) for c, sc in out if not _staff_qualification(text, c, s_start, s_end)]
    out = _merge_entity_lists(text, _merge_level_lists(text, out, s_end))
    return [_to_condition(text, c, scope, scope.frame) for c, scope in out]


_STAFF_COUNT = regex.compile(r"[0-9０-９]+\s*[名人]以上")


def _staff_qualification(text: str, c: _Cand, s_start: int, s_end: int) -> bool:
    """True for a level or title held by the staff a body must have (须配备具有…证书的专职
    教练员3名以上 / 拥有中级以上职称的技术人员5名以上): the staff's, not the applicant's."""
    if c.predicate is None or c.predicate.field not in ("skill_level", "professional_title"):
        return False
    before = text[max(s_start, c.start - 12):c.start]
    before = regex.split(r"[，,。；;：:]", before)[-1]
    if not any(v in before for v in words().staff_verbs):
        return False
    stop = _clause_end(text, c.end, s_end)
    return _STAFF_COUNT.search(text, c.end, stop) is not None


def _yield_to_tiers(out: list[tuple[_Cand, Scope]],
                    tiers: list[_Cand]) -> list[tuple[_Cand, Scope]]:
    """A clause item holding a list of tier labels gives way to the labels
    (新认定为国家级、省级、市级重点实验室的，分别…: 国家级 / 省级 / 市级)."""
    if not tiers:
        return out
    return [(c, sc) for c, sc in out
            if not (c.predicate is not None and c.predicate.field == "qualifier"
                    and any(c.start <= t.start and t.end <= c.end for t in tiers))]


def _refused(text: str, scope: Scope) -> bool:
    """True when the consequence of a …的 scope is a refusal (…的，不予补贴 / 不得使用)."""
    if not scope.frame.endswith("的"):
        return False
    rest = text[scope.end:scope.end + 12].lstrip("的，, \u3000")
    if rest.startswith(tuple(words().refusal_markers)):
        return True
    m = _rx().refused_head.match(rest)  # 被列入…名单的企业不予认定: the head, then the refusal
    return m is not None


def _as_exclusions(cands: list[_Cand]) -> None:
    """Qualifiers of a refused scope exclude (租用亲属房产的，不予补贴); a figure stays a
    threshold (增量不足20万元的，不予补助: the calculator tests the bound)."""
    for c in cands:
        if c.type not in ("threshold", "exclusion", "time_window"):
            c.type, c.negated = "exclusion", True


def _is_single_level(c: _Cand) -> bool:
    return (c.type == "skill_level" and c.predicate is not None
            and c.predicate.op == "==" and isinstance(c.predicate.value, str))


def _level_runs(text: str, out: list[tuple[_Cand, Scope]]) -> list[list[int]]:
    """Indices of runs of single levels joined only by 、/和/或 (技师、高级技师)."""
    runs: list[list[int]] = []
    for i, (c, _) in enumerate(out):
        prev = out[i - 1][0] if i else None
        if (_is_single_level(c) and prev is not None and _is_single_level(prev)
                and runs and runs[-1][-1] == i - 1
                and _rx().list_gap.match(text[prev.end:c.start])):
            runs[-1].append(i)
        elif _is_single_level(c):
            runs.append([i])
    return [r for r in runs if len(r) > 1]


def _merge_level_lists(text: str, out: list[tuple[_Cand, Scope]],
                       s_end: int) -> list[tuple[_Cand, Scope]]:
    """A list of levels is one any-of item (取得技师、高级技师证书的: level in {…}),
    unless 分别 pairs each level with its own amount (…，分别给予3000元、2000元)."""
    rank = {lv.canonical: i for i, lv in enumerate(ladder().levels)}
    drop: set[int] = set()
    for run in _level_runs(text, out):
        first, last = out[run[0]][0], out[run[-1]][0]
        if any(text.find(w, last.end, s_end) >= 0 for w in words().respective_words):
            continue
        values = sorted({out[i][0].predicate.value for i in run}, key=lambda v: rank.get(v, 99))
        first.predicate = Predicate(field="skill_level", op="in", value=values)
        first.end, first.canonical = last.end, None
        drop.update(run[1:])
    return [t for i, t in enumerate(out) if i not in drop]


def _merge_entity_lists(text: str,
                        out: list[tuple[_Cand, Scope]]) -> list[tuple[_Cand, Scope]]:
    """A list of applicant kinds or origins is one any-of item (行业协会、企事业单位 /
    民营企业或国有企业: entity_type in […]; 从市外、国外引进: origin == the nearest, as origin
    is a ladder), and so is a list of honours sharing one 称号 / 获得者 (获得中华技能大奖、全国
    技术能手称号的); kinds and honours stay apart when 分别 pairs each with its own amount."""
    merged: list[tuple[_Cand, Scope]] = []
    for c, sc in out:
        prev = merged[-1][0] if merged else None
        if prev is not None and merged[-1][1] is sc and _list_member(text, prev, c):
            prev.predicate = _merged_predicate(prev.predicate, c.predicate)
            prev.end = c.end
            if prev.type == "honor":
                prev.honor_level = _lower_level(prev.honor_level, c.honor_level)
            if prev.type != "origin" and len(prev.predicate.value) > 1:
                prev.canonical = None
            continue
        merged.append((c, sc))
    return merged


def _list_member(text: str, prev: _Cand, c: _Cand) -> bool:
    """True when ``c`` continues the list ``prev`` opens (same type, only 、/和/或 between)."""
    if c.type != prev.type or not (prev.predicate and c.predicate):
        return False
    gap = _LEVEL_GAP.sub("", text[prev.end:c.start]) if c.type == "entity_type" else \
        text[prev.end:c.start]
    if c.type == "entity_type" and (m := _MEMBER_MODIFIERS.match(gap)):
        gap = gap[:m.start("mods")]  # 上市公司、产教评技能生态链评价机构: the member's own words
    if not _rx().list_gap.match(gap):
        return False
    if c.type == "origin":
        return True
    if c.type == "honor":  # 中华技能大奖、全国技术能手称号: the suffix ends the list
        shared, own = tuple(honors().shared_suffixes), tuple(honors().holder_suffixes)
        if not c.quote_end(text).endswith(shared) or prev.quote_end(text).endswith(own):
            return False
    elif c.type != "entity_type":
        return False
    return not _respective(text, c.end, _SENTENCE.match(text, c.end).end()
                           if _SENTENCE.match(text, c.end) else c.end)


def _lower_level(a: str | None, b: str | None) -> str | None:
    """The lower of two honour levels (any-of a provincial and a national honour: province)."""
    order = honors().levels
    if a is None or b is None:
        return a or b
    return max(a, b, key=order.index)


def _merged_predicate(a: Predicate, b: Predicate) -> Predicate:
    """entity_type / honors in [a…, b…]; origin == the lower rung of a and b (市外、国外)."""
    if a.field == "origin":
        ladder_ = words().origin_ladder
        low = min(a.value, b.value, key=lambda v: ladder_.index(v) if v in ladder_ else 99)
        return Predicate(field="origin", op="==", value=low)
    return Predicate(field=a.field, op="in",
                     value=list(a.value) + [v for v in b.value if v not in a.value])


_SEMI = "；"
"""List kind of unlabelled items joined by ；: 应当具备以下条件：A；B；C。"""


def extract_conditions(text: str) -> list[Condition]:
    """All eligibility qualifiers of ``text`` in text order."""
    out: list[Condition] = []
    kind: str | None = None  # label kind of an open requirement list ("" before its first item)
    bars = False  # the open list is one of bars (有下列情形之一的，不得申报：)
    for s_start, s_end in sentences(text):
        kind = _next_kind(kind, _label_kind(text, s_start, s_end))
        inline = _inline_intro(text, s_start, s_end) if kind is None else None
        if inline is not None:  # …以下条件：A；  the first item shares the intro's sentence
            out.extend(_sentence_conditions(text, s_start, inline))  # 对…的，符合下列…：
            bars = _is_bar_intro(text, s_start, inline)  # 有下列情形之一的，不予支持：（一）…；
            out.extend(_bar_item(text, inline, s_end) if bars else
                       _sentence_conditions(text, inline, s_end, True, False))
            label = _label_kind(text, inline, s_end)  # ：（一）A；（二）B: a labelled list
            kind = (label or _SEMI) if text.startswith(("；", ";"), s_end) else None
            continue
        bars = bars and kind is not None
        if bars and kind != "":
            out.extend(_bar_item(text, s_start, s_end))
        else:
            out.extend(_sentence_conditions(text, s_start, s_end, kind is not None,
                                            kind != _SEMI))
        if kind == _SEMI and not text.startswith(("；", ";"), s_end):
            kind = None  # an unlabelled list ends at its first item not closed by ；
        if text[s_start:s_end].rstrip()[-1:] in "：:" and (_rx().list_intro.search(
                text, s_start, s_end) or _rx().definition.search(text, s_start, s_end)):
            # 符合下列条件： / 本通知所称补贴对象包括：: the items after it qualify
            kind, bars = "", _is_bar_intro(text, s_start, s_end)
        elif _is_list_heading(text, s_start, s_end):
            kind, bars = "", False
    return out


def _is_bar_intro(text: str, s_start: int, s_end: int) -> bool:
    """A list intro that refuses (有下列情形之一的，不得申报：/ 申报主体不得有下列情形：):
    its items are bars, not requirements."""
    w = words()
    m = _rx().list_intro.search(text, s_start, s_end)
    return (m is not None and any(h in m.group() for h in w.refusal_list_heads)
            and any(text.find(r, s_start, s_end) >= 0 for r in w.refusal_markers))


def _bar_item(text: str, s_start: int, s_end: int) -> list[Condition]:
    """One item of a list of bars: one exclusion for the whole item (a time window such as
    近两年内 stays inside: it bounds the bar), less a leading clause that sets the occasion
    (申请…时，) and the closing 的; two distinct bars joined by ，或者 give two exclusions."""
    w = words()
    a = _skip_label(text, s_start, s_end)
    b = s_end
    while b > a and text[b - 1] in "的 \t\u3000，,。；;":
        b -= 1
    bounds = [a] + [m.end() for m in _CLAUSE_PUNCT.finditer(text, a, b)]
    if len(bounds) > 1 and text[a:bounds[1] - 1].endswith(tuple(w.occasion_tails)):
        a = bounds[1]
    parts, start = [], a
    for m in _CLAUSE_PUNCT.finditer(text, a, b):
        if text.startswith(tuple(w.bar_disjunctions), m.end()):
            parts.append((start, m.start()))
            start = m.end() + next(len(d) for d in w.bar_disjunctions
                                   if text.startswith(d, m.end()))
    parts.append((start, b))
    out = []
    scope = Scope(a, b, "下列…", s_start, s_end)
    for x, y in parts:
        if len(_HAN.findall(text, x, y)) < 3:
            continue
        pred = Predicate(field="qualifier", op="not", value=text[x:y])
        c = _Cand(x, y, "exclusion", pred, negated=True)
        out.append(_to_condition(text, c, scope, scope.frame))
    return out


def _is_list_heading(text: str, s_start: int, s_end: int) -> bool:
    """A heading line of its own naming requirements (附件 …项目申报条件 / 二、基本条件)."""
    line = text[_skip_label(text, s_start, s_end):s_end].strip(" \t\u3000")
    if not line.endswith(tuple(words().list_heading_heads)) or len(line) > 30:
        return False
    if any(w in line for w in words().subject_mod_stops):  # 各单位要把好申报条件: a duty
        return False
    return not _RE_INNER_PUNCT.search(line) and text.startswith("\n", s_end)


def _next_kind(kind: str | None, label: str | None) -> str | None:
    """The list kind for the next sentence: a list goes on while its items look alike."""
    if kind == _SEMI:
        return _SEMI if label is None else None
    if kind is not None and (label is None or kind not in ("", label)):
        return None  # the list ends at an unlabelled sentence or another kind of label
    return label if kind == "" else kind


def _inline_intro(text: str, s_start: int, s_end: int) -> int | None:
    """Start of the first item when a list intro (…以下条件：) and the item share a sentence."""
    colon = max(text.rfind("：", s_start, s_end), text.rfind(":", s_start, s_end))
    if colon < 0 or colon + 1 >= s_end or not text.startswith(("；", ";"), s_end):
        return None
    intro = _rx().list_intro.search(text, s_start, colon + 1)
    if intro is None or not any(h in intro.group() for h in words().semicolon_list_heads):
        return None
    return colon + 1


def _label_kind(text: str, s_start: int, s_end: int) -> str | None:
    """The kind of label opening a sentence: 第 / （ / 1 / 一; None when unlabelled."""
    m = _LABEL.match(text, s_start, s_end)
    if not m or m.end() == s_start:
        return None
    label = m.group().strip(" \t\u3000")
    first = label[:1]
    if first in "（(":
        return "（" + ("1" if label[1:2].isdigit() else "一")
    return "1" if first.isdigit() else first if first == "第" else "一"


# =========================================================================== groups


def _relation(text: str, a: Condition, b: Condition) -> str:
    """"any" when two neighbouring qualifiers are alternatives, else "all"."""
    rx = _rx()
    gap = text[a.end:b.start]
    if rx.conjunction.search(gap):
        return "all"
    if rx.disjunction.search(gap) and len(gap) <= 12:
        return "any"
    if rx.evaluative.search(text, a.start, a.end):  # 培训质量好、学员…多: both must hold
        return "all"
    if a.type == b.type and (rx.list_gap.match(gap) or rx.list_start.match(gap)):
        return "any"
    return "all"


def build_group(text: str, conds: list[Condition], ids: list[str]) -> ConditionGroup:
    """An all-of tree whose members are ids or any-of subgroups of alternatives."""
    runs: list[list[int]] = [[0]]
    for i in range(1, len(conds)):
        if _relation(text, conds[i - 1], conds[i]) == "any":
            runs[-1].append(i)
        else:
            runs.append([i])
    start, end = conds[0].scope_start, conds[0].scope_end
    if len(runs) == 1 and len(runs[0]) > 1:
        return ConditionGroup(op="any", members=[ids[i] for i in runs[0]], start=start, end=end)
    members: list[str | ConditionGroup] = []
    for run in runs:
        if len(run) == 1:
            members.append(ids[run[0]])
        else:
            members.append(ConditionGroup(op="any", members=[ids[i] for i in run],
                                          start=conds[run[0]].start, end=conds[run[-1]].end))
    return ConditionGroup(op="all", members=members, start=start, end=end)




def _title_groups(title: str) -> set[str]:
    """Groups the notice is about (退役军人就业创业扶持实施细则): its whole audience, so a
    mention of them decides nobody's eligibility within it."""
    return {_group_by_alias()[m["alias"] or m["bare"]].canonical
            for m in _rx().group.finditer(title) if m["alias"] or m["bare"]}


def annotate(doc: Document) -> None:
    """Pipeline stage: fill ``doc.conditions`` and ``doc.condition_groups``."""
    topics = _title_groups(doc.metadata.title or "")
    conds = [c for c in extract_conditions(doc.text)
             if not (c.predicate and c.predicate.field == "group" and c.canonical in topics)]
    ids = [f"{doc.doc_id}:c{i}" for i in range(len(conds))]
    for c, cid in zip(conds, ids):
        c.id = cid
    by_scope: dict[tuple[int | None, int | None], list[int]] = {}
    for i, c in enumerate(conds):
        by_scope.setdefault((c.scope_start, c.scope_end), []).append(i)
    from ..stages import clause_at  # the innermost clause at an offset (bisect)

    ordered = sorted(doc.clauses, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    groups = []
    for n, idx in enumerate(by_scope.values()):
        g = build_group(doc.text, [conds[i] for i in idx], [ids[i] for i in idx])
        g.id, g.doc_id = f"{doc.doc_id}:cg{n}", doc.doc_id
        clause = clause_at(ordered, starts, g.start or 0)
        g.clause_id = clause.id if clause else None
        groups.append(g)
    doc.conditions = conds
    doc.condition_groups = groups
