"""Benefit rules: link amounts, rates, recipients, conditions, quotas and agencies.

The linker works sentence by sentence (sentences split on 。；, from the
clause tree).  For each sentence it finds

* the recipient: the 对…(的)，给予 / 凡…的 frame, the slot after 给予
  (给予企业3万元补贴), or the subject before 享受/可获得; the head noun after the
  last 的 is the beneficiary, the whole phrase is kept in ``extra``;
* the quantities: each amount (or each member of a 分别 / parallel list, paired
  in order with a list of recipients of the same length, or with the tier
  label written before it: 高级技师5000元/人、技师3500元/人), and each rate with
  its cap (按…50%…不超过5万元 is one rule: rate 0.5, max 50,000);
* the instrument word near the quantity, frequency and duration words;
* the conditions, quotas and agencies of the sentence and the clause
  (责任单位 lists of the clause and its ancestors are inherited).

A sentence that grants an instrument without a figure (给予一定的资金激励,
享受购房补贴) is an unquantified rule.  Wherever a link is a guess (recipient
taken from an earlier sentence, list lengths that differ), ``needs_review``
is set with the reason.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from dataclasses import dataclass, field
from decimal import Decimal

import regex
from pydantic import BaseModel, ConfigDict

from .. import data
from ..models import (
    Agency,
    AgencyRef,
    Amount,
    Benefit,
    Clause,
    ConditionGroup,
    Document,
    Rate,
)
from ..numerals import parse_number
from ..structure import alternation
from ..text import find_all
from . import money  # the per-unit words of gazetteers/money.yaml (rates' per)


class BenefitWords(BaseModel):
    model_config = ConfigDict(extra="forbid")
    instruments: dict[str, str]
    grant_verbs: list[str]
    not_beneficiary: list[str]
    categories: dict[str, str]
    total_markers: list[str]
    item_prefixes: list[str]
    item_suffixes: list[str]
    unquantified_verbs: list[str]
    negating: list[str]
    not_benefits: list[str]
    title_verbs: list[str]
    action_verbs: list[str]
    support_verbs: list[str]
    summary_markers: list[str]
    announcement_markers: list[str]
    budget_verbs: list[str]
    anaphora: list[str]
    subject_stops: list[str]
    instrument_noun_followers: list[str]
    encouraged_openers: list[str]
    recipient_prefixes: list[str]
    negated_subject: list[str]
    object_verbs: list[str]
    base_anaphora: list[str]
    manner_openers: list[str]
    frame_openers: list[str]
    coordination_openers: list[str]
    voucher_instruments: list[str]
    in_kind_instruments: list[str]
    fund_words: list[str]
    built_verbs: list[str]
    fiscal_payers: list[str]
    payer_modals: list[str]
    modals: list[str]
    personal_instruments: list[str]
    status_words: list[str]
    standard_markers: list[str]
    object_headings: list[str]
    purpose_words: list[str]
    frame_payers: list[str]
    tier_per_words: list[str]
    top_up_phrases: list[str]
    locative_prepositions: list[str]
    scheme_heads: list[str]
    scheme_openers: list[str]
    continuation_words: list[str]
    scope_notes: list[str]
    outlay_verbs: list[str]
    give_verbs: list[str]
    slot_give_verbs: list[str]
    title_holding_verbs: list[str]
    title_not_held: list[str]
    receive_verbs: list[str]
    award_verbs: list[str]
    duration_verbs: list[str]
    funding_verbs: list[str]
    funding_inclusion_verbs: list[str]
    funding_pots: list[str]
    review_verbs: list[str]
    recipient_per_words: list[str]
    quantifiers: list[str]
    once_words: list[str]
    yearly_words: list[str]
    monthly_words: list[str]
    list_joiners: list[str]
    definition_verbs: list[str]
    not_titles: list[str]
    applicant_measures: list[str]
    transfer_words: list[str]
    condition_intros: list[str]
    role_verbs: list[str]
    cap_scope_openers: list[str]
    manner_adverbs: list[str]
    generic_labels: list[str]
    count_classifiers: list[str]
    same_standard_phrases: list[str]
    subject_adverbs: list[str]
    predicate_conjunctions: list[str]
    paid_on_heads: list[str]
    identity_verbs: list[str]
    raise_verbs: list[str]
    higher_tier_phrases: list[str]
    assurance_verbs: list[str]
    purpose_openers: list[str]
    service_verbs: list[str]
    borne_costs: list[str]
    target_words: list[str]
    paid_after_de: list[str] = []
    person_per_words: list[str] = []
    instrument_noun_tails: list[str] = []
    base_leads: list[str] = []
    fund_size_words: list[str]
    count_limits: list[str]
    demonstratives: list[str]
    unit_scopes: list[str]
    lending_verbs: list[str]
    recipient_prepositions: list[str]
    insured_sums: list[str]
    measure_bounds: list[str]
    insurance_heads: list[str]
    policyholder: str
    grant_negators: list[str]


@functools.cache
def words() -> BenefitWords:
    return data.load("benefits.yaml", BenefitWords)


def _instrument_of(word: str) -> str:
    """The instrument an instrument word names (vouchers such as 科技创新券 are ``other``)."""
    return words().instruments.get(word, "other")


@functools.cache
def _rx():
    w = words()
    inst = alternation([*w.instruments, *w.voucher_instruments, *w.in_kind_instruments])
    grant = alternation(w.grant_verbs)
    give = alternation(w.give_verbs)
    return {
        "instrument": regex.compile(inst),
        "grant": regex.compile(grant),
        # an unquantified grant: 给予一定的资金激励 / 享受购房补贴 / 给予…财政资金补助
        # (instruments of kind "other" — 拨款, 抵免, 贷款 — count only with a figure)
        "unquantified": regex.compile(
            rf"(?:{alternation(w.unquantified_verbs)})[^，。；,;]{{0,24}}?"
            rf"(?:{alternation([k for k, v in w.instruments.items() if v != 'other'])}"
            rf"|{alternation([*w.voucher_instruments, *w.in_kind_instruments])})"
        ),
        # 由财政予以支持 / 财政给予一定资金支持: the treasury as payer makes 支持 money
        "fiscal": regex.compile(
            rf"""(?:{alternation(w.fiscal_payers)})(?:部门)?\s*(?:{give})
                 (?:一定|适当|相应)?的?(?:资金|经费)?(?:支持|扶持)""",
            regex.VERBOSE,
        ),
        # 所在单位可根据…给予绩效奖励: a subject with a modal before a give verb pays
        "payer": regex.compile(
            rf"^\s*(?P<who>[^，。；,;]{{2,16}}?)(?:{alternation(w.payer_modals)})"
        ),
        # 设站单位应按…给予配套资助: the subject before a modal and a give verb pays
        "payer_any": regex.compile(
            rf"\s*[^，。；,;]{{2,16}}?(?:{alternation(w.modals)})[^，。；,;]*?(?:{give})"
        ),
        # 引进的技师给予1万元…: a give verb ending the topic phrase
        "give_tail": regex.compile(rf"(?:可|均|再|另)?(?:一次性)?(?:{give})$"),
        "label": regex.compile(  # （三） / 3. / 第五条 opening a phrase
            r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十百\d]{1,4}条)\s*"),
        "per_prefix": regex.compile(r"^每(?:个|家|所|名|位|户|人)(?=[\p{Han}]{2})"),  # 每个基地 -> 基地
        "personal": regex.compile(alternation(w.personal_instruments)),
        "standards": regex.compile(alternation(w.standard_markers)),
        "object_heading": regex.compile(rf"(?:{alternation(w.object_headings)})$"),
        # 安排专项资金，支持X建设: the fund's purpose names a recipient
        "funded": regex.compile(
            rf"(?:{alternation(w.fund_words)})\s*[，,]?\s*(?:用于)?支持(?P<obj>[^，。；,;]{{2,40}})"
        ),
        "top_up": regex.compile(alternation(w.top_up_phrases)),
        # 研修费用由县财政全额承担: a cost of the recipient borne by the treasury (not 所需资金由…承担)
        "borne": regex.compile(
            rf"""(?<!所需)(?:{alternation(w.borne_costs)})
                 由[\p{{Han}}]{{0,8}}?(?:{alternation(w.fiscal_payers)})(?:部门)?(?:全额|足额)?(?:承担|负担|支付)""",
            regex.VERBOSE,
        ),
        "raise_tail": regex.compile(
            rf"(?:{alternation(w.modals)})?(?:{alternation(w.manner_adverbs)}|适当|逐步)?(?:{alternation(w.raise_verbs)})$"),
        # 可适当提高补贴标准 / 岗位津贴按高一等级标准发放: a raised standard without a figure
        "raised": regex.compile(
            rf"""(?:{alternation(w.raise_verbs)})(?P<inst>{alternation([k for k, v in w.instruments.items() if v != 'other'])})标准
              | (?P<inst2>{alternation([k for k, v in w.instruments.items() if v != 'other'])})
                (?:标准)?(?:{alternation(w.higher_tier_phrases)})(?:{alternation(w.give_verbs)}|执行)?""",
            regex.VERBOSE,
        ),
        # 高级工每人次 / 初级工（五级）每人补贴: what follows a tier label before its amount
        "tier_tail": regex.compile(
            rf"(?:{alternation(w.tier_per_words)})?(?:每年|每月)?(?:{alternation(w.scheme_heads)})?(?:按|为)?$"),
        # 省级财政按派出院校实际支出的50%给予补助: the treasury pays a share of what the
        # owner of the base spent, so that owner is the recipient
        "outlay_owner": regex.compile(
            rf"""(?:{alternation(w.fiscal_payers)})(?:部门)?\s*按照?      # 县财政按
                (?P<owner>[^，。；,;的]{{2,12}}?)                          # 借款人 / 派出院校
                (?:实际)?(?:{alternation(w.outlay_verbs)})[^，。；,;]{{0,12}}?的\s*$  # 实际支付利息的
            """,
            regex.VERBOSE,
        ),
        # 技能提升补贴: a scheme name, its modifier cut after a verb, 的 or a punctuation mark
        "scheme": regex.compile(
            rf"(?:^|(?<=[^\p{{Han}}])|(?<={alternation(w.scheme_openers)}))"
            rf"(?P<name>[\p{{Han}}]{{2,4}}?(?P<inst>{alternation(w.scheme_heads)}))"
        ),
        "conjunction": regex.compile(alternation(w.predicate_conjunctions)),
        "identity": regex.compile(alternation(w.identity_verbs)),
        "award_verb": regex.compile(alternation(w.award_verbs)),
        "manner_inside": regex.compile(rf"(?:{alternation(w.modals)})?(?:{alternation(w.manner_openers)})"),
        "assurance": regex.compile(rf"(?:{alternation(w.modals)})(?:{alternation(w.assurance_verbs)})"),
        "continuation": regex.compile(alternation(w.continuation_words)),  # 另给予: one more grant
        # 、人才公寓等方式: a further instrument granted by the same verb
        "more_instrument": regex.compile(rf"\s*[、和及]\s*(?P<inst>{inst})"),
        "coordination": regex.compile(rf"^(?:{alternation(w.coordination_openers)})"),
        # 联合院校…建设高技能人才创新工作室: the platform built is what is funded
        "built": regex.compile(
            rf"(?:{alternation(w.built_verbs)})(?:一批|一个|一家)?"
            rf"(?P<obj>[^，。；,;]{{2,24}})$"
        ),
        "scope_note": regex.compile(rf"[（(](?:{alternation(w.scope_notes)})[^（）()]*[）)]$"),
        "negating": regex.compile(alternation(w.negating)),
        "announcement": regex.compile(alternation(w.announcement_markers)),
        "budget": regex.compile(alternation([*w.budget_verbs, *w.fund_size_words])),
        "target": regex.compile(alternation(w.target_words)),
        # 对合作银行（向小微企业）发放的信用贷款形成的损失: the lender of what is paid on
        "lender": regex.compile(
            rf"^(?P<who>[\p{{Han}}]{{2,12}}?)(?:向[^，。；,;]{{1,16}}?)?(?:{alternation(w.lending_verbs)})的"),
        "unit_scope": regex.compile(alternation(w.unit_scopes)),
        # 拖拉机按马力段给予… / 联合收割机给予…: the noun a comma clause opens with
        "clause_label": regex.compile(
            rf"\s*(?P<label>[\p{{Han}}]{{2,10}}?)(?:{alternation([*w.manner_openers, *w.give_verbs])})"),
        # 按每千瓦时0.03元 / 每列（架）次给予2万元: a 每 phrase right before a sum or its give verb
        "per_word_before": regex.compile(rf"每[\p{{Han}}（）()]{{1,6}}?(?:{give})?$"),
        "demonstrative": regex.compile(rf"^(?:{alternation(w.demonstratives)})(?P<head>[\p{{Han}}]{{1,4}})$"),
        # 享受补贴不超过3台（套）: a grant followed by a cap on a count limits it
        "count_limit": regex.compile(rf"(?:{alternation(w.count_limits)})\s*[\d一二两三四五六七八九十]"),
        "give_verb_any": regex.compile(give),
        "anaphora": regex.compile(rf"^(?:{alternation(w.anaphora)})"),
        "subject_stop": regex.compile(rf"(?:{alternation(w.subject_stops)})"),
        "noun_follower": regex.compile(rf"(?:{alternation(w.instrument_noun_followers)})"),
        "encouraged": regex.compile(alternation(w.encouraged_openers)),
        "recipient_prefix": regex.compile(rf"^(?:{alternation(w.recipient_prefixes)})"),
        "negated_subject": regex.compile(alternation(w.negated_subject)),
        "total_any": regex.compile(alternation(w.total_markers)),
        "support_verb": regex.compile(  # 大力支持龙头企业… / 鼓励我市职业院校…
            rf"^(?:{alternation(w.manner_adverbs)})?(?:{alternation(w.support_verbs)}|{alternation(w.object_verbs)})"),
        "build_verb": regex.compile(alternation([*w.built_verbs, *w.action_verbs])),
        "action_verb": regex.compile(rf"(?:{alternation([*w.action_verbs, *w.award_verbs])})"),
        # 获得中华技能大奖的，奖励二十万元: the title held names the recipient
        "title_rel": regex.compile(
            rf"(?:^|(?<=[，,：:；;）)\s.、。]))(?:{alternation(w.title_holding_verbs)})"
            rf"(?P<who>[^，。；,;的]{{2,20}}?)(?<!{alternation(w.title_not_held)})的\s*[，,]"),  # not 取得…证书的
        "not_benefit": regex.compile(alternation(w.not_benefits)),
        "not_title": regex.compile(alternation(w.not_titles)),
        "applicant_measure": regex.compile(alternation(w.applicant_measures)),
        "transfer": regex.compile(alternation(w.transfer_words)),
        "insured_sum": regex.compile(alternation(w.insured_sums)),
        # 服务中心建筑面积不低于1000平方米 / 企业营业收入达到…: a measure of the subject and its bound
        "measured": regex.compile(rf"(?:{alternation(w.applicant_measures)})(?={alternation(w.measure_bounds)})"),
        # 不享受护理补贴 / 均不享受: a negated grant verb states no rule
        "grant_negated": regex.compile(rf"(?:{alternation(w.grant_negators)})$"),
        "counted": regex.compile(  # 每年选派不少于500名: a count before the people counted
            rf"^[^，。；,;]{{0,12}}?(?:\d+|[一二三四五六七八九十百千万两]+)\s*(?:{alternation(w.count_classifiers)})"),
        # 按首次认定标准给予奖励: the standard of an earlier rule, named by its qualifier
        "named_standard": regex.compile(r"按照?(?P<q>\p{Han}{2,8}?)标准[^，。；,;]{0,6}$"),
        "same_standard": regex.compile(rf"(?:{alternation(w.same_standard_phrases)})[^，。；,;]{{0,6}}$"),
        # 聘请…能工巧匠担任兼职教师: the role taken names who is paid
        "more_verbs": regex.compile(
            rf"^(?:{alternation(w.list_joiners)})\p{{Han}}{{0,2}}?(?:{alternation([*w.built_verbs, *w.action_verbs])})"),
        "role": regex.compile(rf"(?:{alternation(w.role_verbs)})(?P<role>[^，。；,;、]{{2,12}})$"),
        "condition_intro": regex.compile(rf"\s*(?:{alternation(w.condition_intros)})"),
        # 可认定为区级高技能人才培训基地， -> the title the recipient receives
        "title": regex.compile(
            rf"(?:{alternation(w.title_verbs)})\s*(?P<who>[^，。；,;、]{{2,24}}?)\s*(?=[，,；;。]|$)"
        ),
        # 支持重点规上企业建设… / 院校承办… : the actor of the funded activity
        "actor": regex.compile(
            rf"""(?:^|(?<=[，,；;：:。]))\s*(?:{alternation(w.support_verbs)})?
                (?P<who>[^，。；,;“”]{{2,40}}?)(?:{alternation(w.action_verbs)})""",
            regex.VERBOSE,
        ),
        "total": regex.compile(rf"(?:{alternation(w.total_markers)})[^，。；]{{0,6}}$"),
        "item_prefix": regex.compile(rf"^(?:{alternation(w.item_prefixes)})"),
        "item_suffix": regex.compile(rf"(?:{alternation(w.item_suffixes)})$"),
        # 给予企业引才补贴 / 给予培养单位或者职工个人技能提升补助 / 给予选送单位10万元/人:
        # the verb, then (checked by _give_slots) a recipient, then what follows it
        "give_verb": regex.compile(alternation(w.slot_give_verbs)),
        # 按每人500元标准向企业给予岗前培训补贴: the object of 向 right before the give verb
        "to_recipient": regex.compile(
            rf"(?:{alternation(w.recipient_prepositions)})(?P<who>[^，。；,;：:\d０-９每]{{2,20}}?)(?:{give})"),
        "slot_stop": regex.compile(r"[，。；,;：:\d０-９每最按]|[一二三四五六七八九十两][万千百]"),
        "after_slot": regex.compile(
            rf"""\s*(?:一次性|每人|每家|每个|每名|最高|不超过|\d|[０-９]|[一二三四五六七八九十两][万千百]
                   |[\p{{Han}}]{{0,4}}(?:{inst}))""",
            regex.VERBOSE,
        ),
        "receive": regex.compile(
            rf"(?:^|(?<=[，,；;：:。]))(?P<who>[^，,；;：:。]{{2,30}}?)(?:可|均可|可以)?(?:{alternation(w.receive_verbs)})"
        ),
        "duration": regex.compile(
            rf"""(?:连续|最长(?:{alternation(w.duration_verbs)})?(?:期限)?(?:为|不超过)?|分
                    |(?:{alternation(w.duration_verbs)})期限(?:为)?)
                \s*(?P<n>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*(?P<unit>年|个月)   # 最长不超过3个月
              | (?<![起后])(?P<n2>\d{{1,2}}|[一二两三四五六七八九十])\s*年(?:内|补贴到位|期满)  # 两年内 (not 之日起1年内)
            """,
            regex.VERBOSE,
        ),
        "funding": regex.compile(
            rf"""(?:从|在|由)(?P<src>[^，。；,]{{2,30}}?)(?:中)?(?:{alternation(w.funding_verbs)})
              | (?:{alternation(w.funding_inclusion_verbs)})(?P<src2>[^，。；,]{{2,30}}?(?:{alternation(w.funding_pots)}))
            """,
            regex.VERBOSE,
        ),
        "time_adverbial": regex.compile(
            rf"""(?:在[^，。；的]{{1,8}}(?:期内|期间|内)|期间|以来                # 在聘任期内
                 |经[^，。；的]{{1,12}}(?:{alternation(w.review_verbs)}))$     # 经专家评审认定
            """,
            regex.VERBOSE,
        ),
        "per_words": regex.compile(rf"(?:{alternation(w.recipient_per_words)})+$"),
        "locative": regex.compile(rf"^在[^，。；、]{{1,30}}?中(?:{alternation(w.award_verbs)})?"),
        "quantified_object": regex.compile(
            rf"(?:{alternation(w.quantifiers)})(?P<obj>[^，。；、]{{2,16}})$"),
        "once": regex.compile(alternation(w.once_words)),
        "yearly": regex.compile(alternation(w.yearly_words)),
        "monthly": regex.compile(alternation(w.monthly_words)),
        "list_split": regex.compile(alternation(w.list_joiners)),
        # 本措施所称返乡入乡创业人员，是指…: the notice defines whom it is for
        "notice_definition": regex.compile(
            rf"本\p{{Han}}{{1,5}}?所称(?P<who>[^，,。；;：:“”\s]{{2,20}}?)\s*[，,]?\s*"
            rf"(?:{alternation(w.definition_verbs)})"
            # 补贴对象为从事农业生产的个人和农业生产经营组织: the notice's own object heading
            rf"|(?:^|[。；;：:\s])(?:本\p{{Han}}{{1,5}}?)?(?P<who>{alternation(w.object_headings)})为(?=[^，,。；;]{{2}})"),
    }


@functools.cache
def _dui() -> regex.Pattern:
    """对 <recipient phrase>(的)，给予: the 对…的 frame, a payer (省级财政对…) allowed first."""
    payers = alternation(words().frame_payers)
    bounds = alternation(list(money.money_data().bounds.before))  # 最高 / 不超过 before 给予
    grants = alternation(words().scheme_heads)  # 对家庭农场最高奖励5万元: an instrument used as the verb
    return regex.compile(
        rf"""(?:^|(?<=[，,；;：:。]))\s*(?:并|再|另|同时)?\s*        # at a clause start
            (?:[\p{{Han}}]{{0,8}}?(?:{payers})(?:部门)?\s*)?       # 省级财政对…: a payer first
            (?:对|凡)(?P<who>[^。；;，,]{{2,90}}?)                   # 对 <recipient phrase>
            (?:(?P<rel>的)\s*[，,]|[，,]|(?=(?:{bounds})?(?:可)?(?:分别|再|一次性)?\s*(?:给予|{grants}))  # 的， / ， / (最高)给予 / 最高奖励
               |(?=按照?[^，。；,;]{{0,30}}?给予))                   # or at 按…给予 (对各县按50%给予)
        """,
        regex.VERBOSE,
    )


@functools.cache
def _fenbie() -> regex.Pattern:
    """A list before 分别 (对A、B、C分别给予), a payer allowed between (…的，省级财政分别给予)."""
    payers = alternation(words().frame_payers)
    heads = alternation(words().scheme_heads)
    return regex.compile(
        rf"""(?:^|[对按，,：:]|对于)(?P<list>[^，,：:。；对按]{{2,120}}?)(?P<rel>的)?\s*[，,]?\s*
            (?:[\p{{Han}}]{{0,6}}?(?:{payers})(?:部门)?)?            # …的，省级财政分别给予: a payer
            (?:(?<=[，,])(?:{heads})(?:标准|金额)?)?                  # …的，奖励分别提高至: the instrument
            (?:每(?:个|家|项|名|位|人|所|户)[\p{{Han}}]{{0,4}}?)?     # …的，每个产品分别奖励: a per unit
            \s*(?:再|也|可|均)?\s*分别""",
        regex.VERBOSE,
    )


YEARLY_RUN = regex.compile(r"连续\s*(?:\d{1,2}|[一二两三四五六七八九十])\s*年")  # 连续三年
PER_COUNT = regex.compile(r"(?<!第)[\d一]+\s*[人名个位]$")  # not 第一名
BRACKETED = regex.compile(r"[（(][^（）()]*[）)]")  # a note in brackets anywhere
LEVEL_ONLY = regex.compile(r"[\p{Han}]{1,3}级")  # 国家级 / 省级 / 市级: a level word alone
LEVEL_HEAD = regex.compile(r"^[\p{Han}]{1,3}级(?P<head>[\p{Han}“”]{2,16})$")  # 市级企业技术中心
BRACKET_NOTE = regex.compile(r"[（(][^（）()]*[）)]$")  # a note in brackets at the end
CLAUSE_BREAK = regex.compile(r"[，。；,;]")  # the end of a comma clause
SENTENCE_BREAK = regex.compile(r"[。；;！？]")  # the end of a sentence
NOT_A_LABEL = regex.compile(r"\d|给予|分别")  # text that cannot be a tier label
LIST_OR_NUMBER = regex.compile(r"[、\d０-９]")  # a list separator or a digit
QUOTED = regex.compile(r"[“\"]([^”\"]{2,20})[”\"]")


@dataclass
class _Recipient:
    who: str | None
    phrase: str | None
    start: int | None
    guessed: bool = False
    explicit: bool = False  # a head noun standing before a comma: 对各类民营企业职工，…
    slot: bool = False  # named right after 给予: 分别给予企业800元、1500元
    via: str | None = None  # where a recipient from outside the sentence was found
    predicate: bool = False  # a 对…的 frame headed by a predicate: 对有效期满后重新认定通过的


def head_noun(phrase: str) -> str:
    """The recipient's head noun: the part after the last 的 when it names something.

    >>> head_noun("新入围享受政府特殊津贴的高技能人才")
    '高技能人才'
    >>> head_noun("参加世界技能大赛并获奖的")
    '参加世界技能大赛并获奖'
    """
    phrase = phrase.strip().rstrip("的，, ")
    phrase = _rx()["per_words"].sub("", phrase) or phrase  # 入选者每人每年 -> 入选者
    phrase = _rx()["time_adverbial"].sub("", phrase) or phrase  # 首席技师在聘任期内 -> 首席技师
    if "的" in phrase:
        tail = phrase.rsplit("的", 1)[1]
        if len(tail) >= 2:
            return tail
    return phrase


@functools.lru_cache(maxsize=1 << 16)  # a pure function of the phrase, asked many times per notice
def category_of(who: str | None) -> str | None:
    """Category of a recipient from the suffix of its head noun (gazetteer).

    >>> category_of("金华大工匠"), category_of("制造业企业"), category_of("技能大师工作室")
    ('title_holder', 'enterprise', 'platform')
    """
    if not who:
        return None
    who = BRACKET_NOTE.sub("", who)  # 指导教师（教练） -> 指导教师
    for suffix, category in _suffixes():
        if who.endswith(suffix):
            return category
    return None


def _category_suffix(who: str | None) -> str | None:
    """The suffix of ``who`` that gives its category (…职业院校毕业生 -> 毕业生)."""
    who = BRACKET_NOTE.sub("", who or "")
    return next((suffix for suffix, _ in _suffixes() if who.endswith(suffix)), None)


@functools.cache
def _suffixes() -> tuple[tuple[str, str], ...]:
    """Recipient suffixes, longest first."""
    cats = words().categories
    return tuple((k, cats[k]) for k in sorted(cats, key=len, reverse=True))


def _clean_who(text: str) -> str | None:
    text = _rx()["label"].sub("", text.strip(" ，,：:\u3000")).lstrip("的")  # （三）向技工院校…
    text = _rx()["per_prefix"].sub("", text)  # 每个基地给予… -> 基地
    if text[:1] in "“\"" and text[-1:] in "”\"" or text.count("“") != text.count("”"):
        text = text.strip("“”\"")  # a fully quoted name, or a stray mark at the edge
    text = _rx()["recipient_prefix"].sub("", text) if len(text) > 4 else text
    text = _rx()["scope_note"].sub("", text)  # …领军人才（含引进后三年内入选）
    if (m := _rx()["counted"].match(text)) and len(text) - m.end() >= 2:
        text = text[m.end():]  # 每年选派不少于500名乡镇卫生院业务骨干 -> 乡镇卫生院业务骨干
    if len(text) < 2 or text in words().not_beneficiary:
        return None
    return text


def _dui_recipient(text: str, s: int, m: regex.Match) -> _Recipient:
    """The recipient of a 对… frame: the phrase's head noun."""
    phrase = _rx()["raise_tail"].sub("", m.group("who"))  # 对急需紧缺职业（工种）可适当提高补贴标准
    explicit = m.group("rel") is None and not phrase.endswith("的")
    return _Recipient(_clean_who(head_noun(phrase)), phrase, s + m.start("who"), explicit=explicit)


def _plausible(who: str) -> bool:
    """A slot filler names a recipient only when its head is a known kind of recipient
    (给予企业…补贴 yes; 给予绩效奖励 / 给予不同数额的… no)."""
    who = _clean_who(who)
    if who and who.startswith(tuple(words().locative_prepositions)):
        return False  # 在本区养老服务机构…: a place, not the recipient
    return bool(who) and category_of(who) is not None


@dataclass
class _Slot:
    at: int
    who: str

    def start(self) -> int:
        return self.at


def _give_slots(text: str, s: int, e: int) -> list[_Slot]:
    """Recipients written right after 给予: the longest plausible filler followed by an
    amount, a per-unit or an instrument word (给予企业、参训人员培训补贴 -> 企业、参训人员)."""
    rx, out = _rx(), []
    for verb in rx["give_verb"].finditer(text, s, e):
        at = verb.end()
        stop = rx["slot_stop"].search(text, at, min(e, at + 24))
        limit = stop.start() if stop else min(e, at + 24)
        for end in range(limit, at + 1, -1):
            if rx["after_slot"].match(text, end) and _plausible(text[at:end]):
                out.append(_Slot(at, text[at:end]))
                break
    return out


def _first_before(matches: list, before: int):
    """The last match starting before ``before``, else the first one after it."""
    prior = [m for m in matches if m.start() <= before]
    return prior[-1] if prior else (matches[0] if matches else None)


def find_recipient(text: str, s: int, e: int, before: int) -> _Recipient:
    """The recipient in sentence ``text[s:e]`` of a quantity at ``before``.

    In order: the slot after 给予 (给予选送单位10万元/人), the title conferred
    (可认定为区级高技能人才培训基地), the 对…的 frame, the subject of 享受/获得.
    Each prefers a match before the quantity, else takes one after it.
    """
    rx = _rx()
    slots = _give_slots(text, s, e)
    lo, hi = _comma_clause(text, s, e, before, before)  # the quantity's own comma clause
    to = [m for m in rx["to_recipient"].finditer(text, lo, hi) if _plausible(m.group("who"))]
    if to and not any(to[0].end() <= slot.at < hi for slot in slots):  # 按…标准向企业给予…补贴
        m = to[0]
        return _Recipient(_clean_who(m.group("who")), m.group("who"), m.start("who"), slot=True)
    if slot := _first_before(slots, before):
        return _Recipient(_clean_who(slot.who), slot.who, slot.at, slot=True)
    titles = [m for m in rx["title"].finditer(text, s, e) if _plausible(m.group("who"))]
    if m := _first_before([t for t in titles if t.start() < before], before):
        return _Recipient(_clean_who(m.group("who")), m.group("who"), m.start("who"))
    sent = text[s:e]
    frames = [m for m in _dui().finditer(sent) if _clean_who(head_noun(m.group("who")))]
    if m := _first_before(frames, before - s):
        rec = _dui_recipient(text, s, m)
        if rec.who and rec.who.endswith(tuple(words().paid_on_heads)) \
                and (lender := rx["lender"].match(m.group("who"))) \
                and (who := _clean_who(lender.group("who"))) and _plausible(who):
            return _Recipient(who, m.group("who"), s + m.start("who"))  # 对合作银行发放的贷款形成的损失
        if rec.who and category_of(rec.who) is None:  # 对年输送20名…就业的 / 对…开展的竞赛
            inner = _actor(text, s + m.start("who"), s + m.end("who"))
            subject = _subject_np(m.group("who"))  # 对本市在岗职工在…首次取得…证书的
            own = _Recipient(subject, m.group("who"), s + m.start("who")) if subject else inner
            named = _named_topic(text, s, s + m.start()) if inner.who else None
            if named is not None:  # 经备案…的企业，对本企业职工开展技能等级认定的: 对 names the
                return named        # people the activity is for; the topic before does it
            for better in (inner, own, _topic(text, s + m.end("who"), before),
                           _topic(text, s, s + m.start()), _activity_object(text, s, s + m.start())):
                if better.who:
                    return better
            # 对…通过的，: no head noun; 对符合条件的贷款，: the head names what is paid on
            rec.predicate = m.group("rel") is not None or rec.who.endswith(tuple(words().paid_on_heads))
            return rec
        return rec
    titled = [m for m in rx["title_rel"].finditer(text, s, e) if m.start() < before
              and not rx["not_title"].search(m.group("who"))  # 具备下列条件之一的: no title
              and (text[m.start() - 1:m.start()] != "。" or _plausible(m.group("who")))]
    # (a sentence opening 被命名为…工作室的 names a recipient; 获得…专利授权的 does not)
    if titled:
        m = titled[-1]
        return _Recipient(_clean_who(_list_item(m.group("who"))), m.group("who"), m.start("who"))
    for m in _rx()["receive"].finditer(sent):
        if s + m.start() >= before:
            continue  # 给予…资助，在站期间限享受一次: a subject after the grant is a restriction
        if _rx()["locative"].match(m.group("who")) and m.group("who").endswith("中"):
            continue  # 在省级竞赛中获得前三名的…: a place, not a subject
        if m.group("who").startswith(tuple(words().manner_openers)):  # 按照硕士标准享受购房补贴: the subject is earlier
            rec = _topic(text, s, s + m.start("who"))
            if rec.who:
                return rec
        elif not rx["negated_subject"].search(m.group("who")) and (
                who := _clean_who(head_noun(m.group("who")))):
            if category_of(who) is None:  # 企业新获得…称号的 -> 企业
                who = next((c for c in _before_adverb(who) if _plausible(c)), who)
            manner = rx["manner_inside"].search(who, 2)  # 高技能领军人才可按博士标准 -> …人才
            if manner and _plausible(who[:manner.start()]):
                who = _clean_who(who[:manner.start()])
            return _Recipient(who, m.group("who"), s + m.start("who"))
    rec = _actor(text, s, before)
    if rec.who and category_of(rec.who) == "enterprise" and _rx()["personal"].search(text, s, e):
        person = _topic(text, s, before)  # 企业从市外引进的技师…，给予一次性安家补助
        if person.who and category_of(person.who) == "person":
            return person
    return rec if rec.who else _topic(text, s, before)


def _named_topic(text: str, s: int, end: int) -> _Recipient | None:
    """A recipient named by a whole comma clause right before ``end`` (经备案开展…评价的企业，):
    a noun phrase whose head is a known kind of recipient, not a purpose or a manner."""
    seg = text[s:end].rstrip(" ，,")
    cut = max(seg.rfind(c) for c in "，,；;：:")
    phrase = seg[cut + 1:].strip()
    w = words()
    if not phrase or phrase.endswith("的") or phrase.startswith(
            (*w.manner_openers, *w.frame_openers, *w.locative_prepositions, *w.purpose_openers)):
        return None
    who = _clean_who(head_noun(phrase))
    if not who or category_of(who) is None or _rx()["action_verb"].search(who) \
            or _rx()["support_verb"].match(phrase):
        return None
    at = seg.rfind(who)
    return _Recipient(who, phrase, s + (at if at >= 0 else cut + 1))


def _activity_object(text: str, s: int, before: int) -> _Recipient:
    """The recipient an earlier activity names as its object, when the 对…的 frame names
    only an award: 定期开展技能大师工作室成果评鉴，对获得…评鉴奖的给予… -> 技能大师工作室."""
    verbs = list(_rx()["action_verb"].finditer(text, s, before))
    if not verbs:
        return _Recipient(None, None, None)
    obj = text[verbs[-1].end():before]
    obj = obj[:CLAUSE_BREAK.search(obj).start()] if CLAUSE_BREAK.search(obj) else obj
    who = _longest_named_prefix(obj)
    return _Recipient(who, obj, verbs[-1].end()) if who else _Recipient(None, None, None)


def _actor(text: str, s: int, before: int) -> _Recipient:
    """The doer of the funded activity before ``before``: 支持龙头企业建设…, 院校承办…,
    企业以兼职方式柔性引进… (the subject noun phrase before its adverbials)."""
    found = None
    for m in _rx()["actor"].finditer(text[s:before]):
        if _rx()["coordination"].match(m.group("who").strip()):
            continue  # 联合院校和科研机构建设…: a partner, not the doer
        who = _subject_np(m.group("who"))
        if who:
            found = _Recipient(who, m.group("who"), s + m.start("who"))
            stop = CLAUSE_BREAK.search(text, s + m.end(), before)
            obj = _rx()["more_verbs"].sub("", text[s + m.end():stop.start() if stop else before])
            obj = _clean_who(obj)  # 新建或改扩建公共实训基地 -> 公共实训基地
            supported = _rx()["support_verb"].match(m.group(0).strip())  # 支持X建设…: X is funded
            if obj and category_of(obj) == "platform" and not supported:  # 企业新建公共实训基地
                found = _Recipient(obj, obj, s + m.end())
    return found or _Recipient(None, None, None)


def _before_event(head: str) -> list[str]:
    """``head`` without a trailing time of an event (出站后, 退役后, 到岗后), shortest first."""
    if not head.endswith("后"):
        return []
    return [head[:-k] for k in (2, 3, 4) if len(head) > k + 1]


def _subject_np(phrase: str, whole: bool = False) -> str | None:
    """The recipient a clause's subject names: the whole phrase if it is one, else the part
    before its first adverbial (企业按规定 -> 企业; 引进的高技能人才在我县首次 -> 高技能人才).
    With ``whole`` (the phrase is a whole 的-qualifier, not cut before a verb), X为Y names the
    group Y (创业主体为脱贫人口或退役军人的 -> 脱贫人口或退役军人; not 为Y购买…)."""
    rx = _rx()
    if phrase.startswith(tuple(words().service_verbs)):
        return None  # 收住经评估为重度失能老年人: the people served, the server is named elsewhere
    phrase = rx["support_verb"].sub("", phrase)  # 鼓励我市职业院校… -> 我市职业院校…
    for m in rx["identity"].finditer(phrase, 2) if whole else ():
        if _plausible(phrase[:m.start()]) and _plausible(phrase[m.end():]):
            return _clean_who(head_noun(phrase[m.end():]))  # 创业主体为脱贫人口或退役军人 -> the group
    status = tuple(words().status_words)
    stops = sorted([*rx["subject_stop"].finditer(phrase), *rx["action_verb"].finditer(phrase),
                    *rx["measured"].finditer(phrase)],
                   key=lambda m: m.start())
    ends = [m.start() for m in stops]
    for i, end in enumerate(ends):  # 职工取得证书 -> 职工; 企业按规定开展 -> 企业
        head = phrase[:end]
        if phrase.startswith(status, end) and i + 1 < len(ends) and _plausible(phrase[:ends[i + 1]]):
            continue  # 本市企业在岗职工在…: 在岗 is part of the noun, not an adverbial
        for cand in (head, *_before_event(head), *_before_adverb(head)):  # 博士后研究人员出站后 -> …研究人员
            if len(cand) >= 2 and _plausible(cand):
                return _clean_who(head_noun(cand))
    if _plausible(phrase):
        return _clean_who(head_noun(phrase))
    if whole and "的" not in phrase and _rx()["recipient_prefix"].match(phrase) \
            and (who := _longest_named_prefix(phrase)):
        return who  # 同一研发机构升级认定的 -> 研发机构: a noun phrase opens the qualifier
    if "的" in phrase and phrase.startswith(tuple(words().locative_prepositions)):
        who = _clean_who(head_noun(phrase))  # 在本市注册、具有…资格的企业 -> 企业
        return who if who and _plausible(who) else None
    return None


def _before_adverb(head: str) -> list[str]:
    """``head`` without a trailing adverb of the verb after it (企业新取得… -> 企业)."""
    return [head[:-len(a)] for a in words().subject_adverbs if head.endswith(a) and len(head) > len(a) + 1]


def _longest_named_prefix(phrase: str) -> str | None:
    """The longest start of ``phrase`` that names a recipient (省属技工院校生均拨款标准… ->
    省属技工院校): a subject followed by what is granted to it."""
    ends = [i + len(suffix) for suffix, _ in _suffixes() for i in find_all(phrase, suffix)]
    for end in sorted(set(ends), reverse=True):
        if end >= 3 and _plausible(phrase[:end]):  # not a bare 个人 / 企业
            return _clean_who(phrase[:end])
    return None




def _payer(text: str, start: int, pos: int) -> bool:
    """Whether the phrase at ``start`` is a subject that pays: 设站单位应按…给予配套资助."""
    stop = CLAUSE_BREAK.search(text, pos)
    return bool(_rx()["payer_any"].match(text, start, stop.start() if stop else len(text)))


def _topic(text: str, s: int, before: int) -> _Recipient:
    """The nearest comma-separated noun phrase before the quantity that names a recipient:
    …新引进的技师及以上人才，已签订劳动合同…的，给予10000元… -> 技师及以上人才."""
    pos = before
    while pos > s:
        seg_at = None  # where the recipient's phrase starts, when not at the segment's start
        cut = max(text.rfind(c, s, pos) for c in "，,；;：:")
        seg = _rx()["give_tail"].sub("", text[max(cut + 1, s):pos].strip())
        w = words()
        manner = seg.startswith((*w.manner_openers, *w.frame_openers))  # manner and source
        if _payer(text, max(cut + 1, s), pos):
            manner = True  # 设站单位应按…给予: the payer, not the recipient
        role = _rx()["role"].search(seg) if seg and not manner else None
        who = _clean_who(head_noun(role.group("role"))) if role else None
        if who and category_of(who):  # 担任兼职教师 / 担任理事长的农民合作社 -> 农民合作社
            return _Recipient(who, seg, max(cut + 1, s) + role.start("role"))
        if seg and not manner and not _rx()["grant"].match(seg):
            if seg.endswith("的"):  # 引进的高技能人才在我县首次购买商品住房的
                who = _subject_np(seg[:-1], whole=True)
            else:
                who = _clean_who(head_noun(seg))
                if who and len(who) > 20 and (obj := _rx()["quantified_object"].search(who)):
                    who = obj.group("obj")  # …院校设立一批技能人才协作基地 -> 技能人才协作基地
                if who and category_of(who) is None:  # 毕业2年内的高校毕业生在本市首次创办…
                    paid_on = who.endswith(tuple(words().paid_on_heads))
                    who = _subject_np(head_noun(seg))
                    if not who and paid_on:  # 企业在本市银行机构取得的贷款，按…给予贴息: the borrower
                        who = _subject_np(seg)
                if _rx()["coordination"].match(seg):
                    who = _built_platform(seg)  # 联合院校…建设创新工作室 -> 创新工作室
            if (not who or category_of(who) is None) and pos == before and "的" not in seg \
                    and not seg.startswith("其中"):
                assured = _rx()["assurance"].search(seg)  # 各市政府应确保所属高等职业院校…: not the payer
                if assured:
                    seg_at = max(cut + 1, s) + text[max(cut + 1, s):pos].find(seg) + assured.end()
                who = _longest_named_prefix(seg[assured.end():] if assured else seg)
                # (省属技工院校生均拨款标准不低于每生每年7000元)
            if who and category_of(who) == "platform":
                who = _built_object(who)  # 社会力量新建养老服务站 -> 养老服务站
            if who in words().generic_labels and pos == before and cut >= s:
                who = None  # …可申请创业担保贷款，个人最高30万元: a label, the subject is earlier
            if who and len(who) <= 20 and category_of(who) is not None:
                return _Recipient(who, seg, seg_at if seg_at is not None else max(cut + 1, s),
                                  guessed=False)
        if cut < s:
            break
        pos = cut
    return _Recipient(None, None, None)


def _built_object(who: str) -> str:
    """A platform named after the verb that builds it (鼓励乡镇建设农村助餐点 -> 农村助餐点);
    ``who`` itself when no verb stands inside it."""
    verbs = list(_rx()["build_verb"].finditer(who))
    if not verbs or verbs[-1].start() == 0:
        return who
    obj = _clean_who(_rx()["more_verbs"].sub("", who[verbs[-1].end():]))
    return obj if obj and category_of(obj) == "platform" else who


def _built_platform(seg: str) -> str | None:
    """The platform a phrase builds (…建设高技能人才（劳模）创新工作室), if it names one."""
    m = _rx()["built"].search(seg)
    who = _clean_who(m.group("obj")) if m else None
    return who if who and category_of(who) == "platform" else None


def _instrument(text: str, s: int, e: int, start: int, end: int, ctx: _Ctx | None = None) -> str:
    found = _own_instrument(text, s, e, start, end)
    if found == "other" and ctx is not None and (prev := _continued(ctx)) is not None:
        found = _own_instrument(text, prev.start, prev.end, prev.end, prev.end)
    if found == "other" and ctx is not None and (heading := _heading_instrument(ctx)):
        return heading  # （二）津贴标准。取得初级证书的，每人每月150元
    if found == "other" and ctx is not None:
        parent = ctx.parent
        if parent is not None and parent.sentences and _introduced_grant(ctx):
            last = parent.sentences[-1]
            return _own_instrument(text, last.start, last.end, last.end, last.end)
    return found


def _own_instrument(text: str, s: int, e: int, start: int, end: int) -> str:
    rx = _rx()["instrument"]
    after = rx.search(text, end, min(e, end + 12))
    if after and not CLAUSE_BREAK.search(text, end, after.start()):
        return _instrument_of(after.group())
    before = [m for m in rx.finditer(text, max(s, start - 16), start)]
    if before:
        return _instrument_of(before[-1].group())
    anywhere = rx.search(text, s, e)
    return _instrument_of(anywhere.group()) if anywhere else "other"


def _frequency(text: str, s: int, e: int, amount: Amount | None) -> str | None:
    if amount is not None and amount.frequency:
        return amount.frequency
    window = text[s:e]
    if _rx()["once"].search(window):
        return "once"
    if amount is not None and amount.per in ("month", "person_month") or _rx()["monthly"].search(window):
        return "monthly"
    if amount is not None and amount.per in ("year", "person_year") or _rx()["yearly"].search(window):
        return "yearly"
    return None


def _duration(text: str, s: int, e: int) -> Decimal | None:
    m = _rx()["duration"].search(text, s, e)
    if not m:
        return None
    n = parse_number(m.group("n") or m.group("n2"))
    if n is not None and m.group("unit") == "个月":
        return (n / 12).quantize(Decimal("0.0001")).normalize()  # 3个月 -> 0.25 years
    return n


def _funding(text: str, clause: Clause) -> str | None:
    m = _rx()["funding"].search(text, clause.start, clause.end)
    return (m.group("src") or m.group("src2")) if m else None


# --------------------------------------------------------------------------- linking


def _commas_only(text: str, shared: bool) -> list[str]:
    """The members of a list split on 、 only (和 / 或 kept inside a member)."""
    raw = BRACKETED.sub("", text).split("、")
    if shared:
        raw[-1] = raw[-1].rsplit("的", 1)[0]
    return raw


def _distribute_levels(raw: list[str]) -> list[str]:
    """国家级、省级、市级企业技术中心 -> each level with the shared head noun."""
    last = LEVEL_HEAD.search(_list_item(raw[-1])) if len(raw) > 1 else None
    levels = [_list_item(x) for x in raw[:-1]]
    if not last or not all(LEVEL_ONLY.fullmatch(x) for x in levels):
        return raw
    return [x + last.group("head") for x in levels] + [raw[-1]]


def _recipient_list(text: str, s: int, first: int, n: int) -> tuple[list[str] | None, bool, bool]:
    """The ``n`` members of a 分别 list that ends before ``first`` (对A、B、C分别给予),
    whether the list is a relative clause (取得A、B证书的，分别给予: tiers of one recipient),
    and whether its members modify a shared head (初级工、中级工的补贴标准分别为…)."""
    best = None
    for m in _fenbie().finditer(text[s:first]):
        best = m
    if best is None:
        return None, False, False
    raw = _rx()["list_split"].split(BRACKETED.sub("", best.group("list")))  # notes hold their own 、
    shared = "的" in raw[-1] and not any("的" in x for x in raw[:-1])
    if shared:
        raw[-1] = raw[-1].rsplit("的", 1)[0]  # 一等奖、二等奖的选手: the head is shared
    raw = _distribute_levels(raw)
    items = [_list_item(x) for x in raw]
    commas = _commas_only(best.group("list"), shared)
    if len(items) != n and not any(_rx()["list_split"].search(x) for x in commas[:-1]):
        # 国家级、省级、市级重点实验室或工程技术研究中心: 或 only inside the last member
        items = [_list_item(x) for x in _distribute_levels(commas)]
    whole = BRACKETED.sub("", best.group("list"))
    if len(items) != n and "的" in whole and not shared:
        # 对从市外引进、年龄不超过45周岁的B类、C类人才，分别给予…: the qualifiers before 的 hold
        # their own 、; the list of tiers is the head after the last 的
        heads = _rx()["list_split"].split(whole.rsplit("的", 1)[1])
        if len(heads) == n:
            items = [_list_item(x) for x in _distribute_levels(heads)]
    ok = len(items) == n and all(items)
    return (items if ok else None), best.group("rel") is not None, shared


@functools.cache
def _skill_names() -> tuple[str, ...]:
    from .conditions import ladder  # the skill ladder gazetteer (skill_levels.yaml)

    names = {n for lv in ladder().levels for n in (lv.canonical, *lv.aliases)}
    return tuple(sorted(names, key=len, reverse=True))


def _skill_prefix(text: str) -> str | None:
    return next((n for n in _skill_names() if text.startswith(n)), None)


def _list_item(text: str) -> str:
    """A list member without verbs and document words: 取得高级工职业资格证书 -> 高级工;
    a quoted title stands for itself: 我区荣获“中华技能大奖” -> 中华技能大奖."""
    rx = _rx()
    quoted = QUOTED.search(text)
    if quoted:
        return quoted.group(1)
    text = text.strip(" 的，,“”\"")
    text = head_noun(text) if "的" in text else text  # 新获批的国家级 -> 国家级
    text = _rx()["locative"].sub("", text)  # 在国家级职业技能大赛中获得一等奖 -> 一等奖
    text = PER_COUNT.sub("", text)  # 高级技师证书1人 -> 高级技师证书
    if rx["subject_stop"].search(text, 2) and (sub := _subject_np(text)) and sub != text \
            and text.startswith(sub) and not rx["award_verb"].search(text, len(sub)):
        text = sub  # 硕士研究生在县内首次购买自住住房 -> 硕士研究生 (not …在大赛中获得金牌)
    won = [m for m in rx["award_verb"].finditer(text, 2) if len(text) - m.end() >= 2
           and text[:m.start()] not in words().item_prefixes]  # not 其中取得…
    if won:
        text = text[won[-1].end():]  # 技工院校学生在世界技能大赛中获得金牌 -> 金牌
    level = _skill_prefix(text)
    if level and len(text) > len(level) + 4:
        text = level  # 技师引进后三年内在我区首次购买商品住房 -> 技师
    stripped = text
    while (shorter := rx["item_prefix"].sub("", stripped)) != stripped:
        stripped = shorter  # 其中取得初级工 -> 取得初级工 -> 初级工
    return rx["item_suffix"].sub("", stripped) or text


def _is_level(name: str) -> bool:
    """Whether a list member is a skill level (or a run of them: 技师、高级技师)."""
    parts = [part for part in _rx()["list_split"].split(name) if part]
    return bool(parts) and all((lv := _skill_prefix(part)) is not None and len(part) <= len(lv) + 4
                               for part in parts)


def _names_recipient(rec: _Recipient, names: list[str]) -> bool:
    """Whether the recipient found is only one of the tier labels (or their list)."""
    return not rec.who or any(rec.who in n or n in rec.who for n in names)


def _tier_labels(text: str, s: int, amounts: list[Amount]) -> list[str] | None:
    """Labels written right before each list member: 高级技师5000元/人、技师3500元/人."""
    labels, prev = [], s
    for a in amounts:
        seg = text[prev:a.start]
        cut = max(seg.rfind(c) for c in "、，,：:；")
        label = _list_item(seg[cut + 1:] if cut >= 0 else seg)
        if not (1 < len(label) <= 16) or NOT_A_LABEL.search(label):
            return None
        labels.append(label)
        prev = a.end
    return labels


def _qualification_label(text: str, s: int, a: Amount, tier: str | None) -> str | None:
    """The tier label as written when it names a qualification of the recipient (本科及以上学历
    6万元 -> 本科及以上学历), not a skill level: with a recipient named elsewhere, the label and
    that recipient's head noun name who gets the amount (本科及以上学历毕业生)."""
    if not tier or _is_level(tier):
        return None
    seg = text[s:a.start]
    cut = max(seg.rfind(c) for c in "、，,：:；")
    raw = (seg[cut + 1:] if cut >= 0 else seg).strip()
    return raw if raw != tier and tier in raw and _rx()["item_suffix"].search(raw) else None


def _level_of(name: str, rec: _Recipient) -> str:
    """A level list member whose head shortens the sentence's recipient takes its full name:
    对…的社区养老机构，…一星级、二星级机构分别… -> 一星级社区养老机构."""
    m = LEVEL_HEAD.match(name)
    head = m.group("head") if m else None
    if head and rec.who and len(rec.who) > len(head) and rec.who.endswith(head) \
            and not LEVEL_ONLY.search(rec.who) and "、" not in rec.who:  # not the list itself
        return name[:m.start("head")] + rec.who
    return name


def _pair_group(text: str, s: int, e: int, group: list[Amount], rec: _Recipient):
    """(amount, recipient, tier, review reason) for each member of a parallel list."""
    names, relative, shared = _recipient_list(text, s, group[0].start, len(group))
    if names and (rec.explicit and relative or rec.slot):
        # 对职工，…取得高级技师、技师和高级工证书的，分别给予… / …分别给予企业800元、1500元…
        return [(a, rec, n, None) for a, n in zip(group, names)]
    if names and rec.who and category_of(rec.who) and all(LEVEL_ONLY.fullmatch(n) for n in names):
        return [(a, rec, n, None) for a, n in zip(group, names)]  # 护理员…，初级、中级分别按…
    if names and shared and all(_is_level(n) for n in names):
        # 初级工、中级工…的补贴标准分别为800元/人、…: skill levels are tiers of a recipient
        if _names_recipient(rec, names):
            rec = _Recipient(None, None, None)  # named in an earlier sentence, if at all
        return [(a, rec, n, None) for a, n in zip(group, names)]
    if names:
        return [(a, _Recipient(_level_of(n, rec), rec.phrase, rec.start), None, None)
                for a, n in zip(group, names)]
    tiers = _tier_labels(text, s, group)
    if tiers:
        if _names_recipient(rec, tiers):
            rec = _Recipient(None, None, None)  # 高级工每人次250元: the label is a tier
        return [(a, rec, t, None) for a, t in zip(group, tiers)]
    titles = QUOTED.findall(text, s, group[0].start)
    if len(titles) == len(group):  # 开展“技术能手”“技能大师”“首席技师”评选，…分别给予…
        return [(a, _Recipient(t, rec.phrase, rec.start), None, None) for a, t in zip(group, titles)]
    reason = f"a list of {len(group)} amounts without a recipient list of the same length"
    return [(a, rec, None, reason) for a in group]


def _groups(amounts: list[Amount]) -> list[list[Amount]]:
    out: dict[str, list[Amount]] = {}
    for a in amounts:
        out.setdefault(a.group or f"single@{a.start}", []).append(a)
    return [sorted(g, key=lambda a: a.group_index or 0) for g in out.values()]


_TARGET_BREAK = regex.compile(r"[的，,；;：:]")  # 对争取到…的项目: the target word is in a qualifier


def _is_condition_amount(text: str, s: int, a: Amount, e: int) -> bool:
    """An amount inside a 对…的 / 凡…的 qualifier (年薪50万元以上的) or in a comma clause
    of the sentence ``[s, e)`` that ends with 的 (增量不足20万元的，不予补助) is not paid out."""
    stop = CLAUSE_BREAK.search(text, a.end, e)
    if stop and text[stop.start() - 1:stop.start()] == "的" and not SENTENCE_BREAK.match(text, stop.start()):
        return True
    lo = max(s, *(text.rfind(c, s, a.start) + 1 for c in "，,；;：:"))
    if a.kind == "floor" and text.startswith("的", a.end) and not _rx()["give_verb_any"].search(
            text, lo, a.start) and not text.startswith(tuple(words().paid_after_de), a.end + 1) \
            and not any(not text.startswith(tuple(words().instrument_noun_tails), m.end()) for m in
                        _rx()["instrument"].finditer(text, lo, a.start)):  # 奖励 as a verb (not 补贴额)
        return True  # 对单台补贴额5万元以上的机具实行核验: a bound that modifies a noun (not 给予不低于10万元的补贴
        # / 奖励不低于100万元的资金 / 按不低于3000元的标准)
    if a.kind == "floor":  # 成员出资总额不低于50万元 / 上年度经营收入达到500万元以上: a measure of the applicant
        lo = max(s, *(text.rfind(c, s, a.start) + 1 for c in "，,；;：:"))
        measure = _rx()["applicant_measure"].search(text, lo, a.start)
        if measure and not _rx()["give_verb_any"].search(text, lo, a.start) \
                and not text.endswith(tuple(words().base_leads), lo, measure.start()):
            return True  # (not 按建筑面积每平方米补贴不低于300元: the base of the payment)
    return any(s + m.start("who") <= a.start < s + m.end("who")
               for m in _dui().finditer(text[s:a.start + 60]))


_CLAUSE_PUNCT = regex.compile(r"[，,；;：:。]")


def _comma_clause(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The comma-delimited clause of ``[start, end)`` within the sentence ``[s, e)``."""
    left = max((m.end() for m in _CLAUSE_PUNCT.finditer(text, s, start)), default=s)
    right = _CLAUSE_PUNCT.search(text, end, e)
    return left, right.start() if right else e


def _is_budget(text: str, ctx: _Ctx, a: Amount) -> bool:
    """每年安排专项资金2.5亿元 / 从结余中安排45亿元: money budgeted, not granted."""
    lo, hi = _comma_clause(text, ctx.s, ctx.e, a.start, a.end)
    rx = _rx()
    if text.startswith(tuple(words().purpose_words), a.end) and not rx["give_verb_any"].search(text, lo, a.start):
        return True  # 每年安排不少于1500万元用于发放创新券: money set aside for a purpose
    if rx["transfer"].search(text, lo, hi):
        return True  # 省级财政按每人每年3000元的标准对县级给予转移支付补助: between governments
    if rx["insured_sum"].search(text, lo, a.start) and not rx["give_verb_any"].search(text, lo, hi):
        return True  # 保险金额为每头1500元: the sum insured, not a sum paid
    return bool(rx["budget"].search(text, lo, hi)) and not rx["give_verb_any"].search(text, lo, hi)


_SCHEME_REACH = 6  # earlier clauses searched for the definition of a named scheme


def _scheme_names(text: str, s: int, e: int) -> list[str]:
    """Names of schemes in ``text[s:e]``: an instrument word with its modifier (技能提升补贴,
    岗位津贴), not a bare instrument and not a verb phrase (给予补贴)."""
    out = []
    for m in _rx()["scheme"].finditer(text, s, e):
        name = m.group("name")
        if len(name) > len(m.group("inst")) + 1 and not name.startswith("每") \
                and not _rx()["give_verb_any"].match(name):
            out.append(name)  # not a per-unit phrase (每人每月补贴) nor a grant (50%给予补助)
    return out


@dataclass
class _Ctx:
    doc: Document
    clause: Clause
    s: int
    e: int
    earlier: list  # the clause's sentences before this one, nearest last
    parent: Clause | None = None  # the clause this one is a sub-item of
    index: _DocIndex | None = None  # per-document lookups

    @property
    def last(self) -> _Recipient | None:
        """The recipient named in the nearest earlier sentence of the clause, else in the
        parent clause that introduces this one (第六条 对…职工…按以下标准给予补贴：（一）…)."""
        for clause, sentences in ((self.clause, self.earlier),
                                  (self.parent, self.parent.sentences if self.parent else [])):
            rec = self._nearest(clause, sentences) if clause is not None else None
            if rec is not None:
                return rec
        return (self._object_clause() or self._scheme_definition() or self._continued_item()
                or self.index.notice_recipient(self.doc.text))

    def _nearest(self, clause: Clause, sentences: list) -> _Recipient | None:
        """The recipient of the last of ``sentences`` (of ``clause``) that names one, past the
        clause's label and its heading (二、建强“双师型”教师队伍 names a topic, not a recipient;
        an introduction ending in ： is read)."""
        text = self.doc.text
        skip = _after_label(text, clause)
        end = clause.heading_end
        if end is not None and text[end:end + 1] not in "：:":
            skip = max(skip, end + 1)
        for sent in reversed(sentences):
            if sent.end > skip and (rec := self.index.recipient_of(text, max(sent.start, skip),
                                                                   sent.end)).who:
                return rec
        return None

    def _continued_item(self) -> _Recipient | None:
        """（2）…满5年的，另给予一次性从业奖励: 另 / 再 continue the previous item, whose
        recipient (（1）…的护理员，…) is the one meant."""
        text = self.doc.text
        first = self.earlier[0].start if self.earlier else self.clause.start
        if not _rx()["continuation"].search(text, first, self.clause.end):
            return None
        siblings = self.index.siblings_before(self.clause)
        if not siblings:
            return None
        for prev in reversed(siblings[-3:]):  # the nearest earlier item that names one
            for sent in reversed(prev.sentences):
                rec = find_recipient(text, max(sent.start, _after_label(text, prev)), sent.end, sent.end)
                if rec.who and category_of(rec.who) is not None:
                    rec.via = "recipient taken from the item this one continues (另/再)"
                    return rec
        return None

    def _scheme_definition(self) -> _Recipient | None:
        """The recipient of a named scheme (技能提升补贴) in the earlier clause that defines who
        may apply for it: 第五条 在本市就业的职工，…可以申请技能提升补贴 / 第六条 技能提升补贴
        按照证书等级确定标准：（一）…每人补贴1000元."""
        text = self.doc.text
        own = [self.clause, *([self.parent] if self.parent is not None else [])]
        names = {n for c in own for n in self.index.scheme_names(text, c.start, c.end)}
        if not names:
            return None
        first = min(c.start for c in own)
        for clause in reversed(self.index.clauses_before(first, _SCHEME_REACH)):
            for sent in clause.sentences:
                hits = sorted((i, n) for n in names if (i := text.find(n, sent.start, sent.end)) >= 0)
                if not hits:
                    continue
                rec = find_recipient(text, max(sent.start, _after_label(text, clause)), sent.end,
                                     hits[0][0])
                if rec.who and category_of(rec.who) is not None:
                    rec.via = f"recipient taken from the clause that defines {hits[0][1]}"
                    return rec
        return None

    def _object_clause(self) -> _Recipient | None:
        """The recipient named in an earlier sibling clause headed 对象 / 范围
        (（一）津贴对象。…的养老护理员。 then （二）津贴标准。…每人每月150元)."""
        text = self.doc.text
        for sib in reversed(self.index.siblings_before(self.clause)):
            if sib.heading_end is None:
                continue
            heading = text[_after_label(text, sib):sib.heading_end].strip("。.：: ")
            if not _rx()["object_heading"].search(heading):
                continue
            for sent in sib.sentences:
                if sent.end <= sib.heading_end + 1:
                    continue
                rec = _defined_head(text, max(sent.start, sib.heading_end + 1), sent.end)
                if rec.who:
                    rec.via = "recipient taken from the clause that names who the scheme is for"
                    return rec
        return None


def _defined_head(text: str, s: int, e: int) -> _Recipient:
    """The group a definition sentence names: the head noun after the last 的 of its first
    comma clause that ends in one (…连续满1年，持有…证书且目前在岗的养老护理员。)."""
    for seg in regex.finditer(r"[^，,；;：:。]+", text[s:e]):
        phrase = seg.group()
        if "的" in phrase and not phrase.endswith("的"):
            who = _clean_who(head_noun(phrase))
            if who and category_of(who) is not None:
                return _Recipient(who, phrase, s + seg.start())
    return find_recipient(text, s, e, e)


def _named_before_predicate(ctx: _Ctx, who: _Recipient) -> _Recipient | None:
    """对首次通过认定的企业，奖励30万元；对有效期满后重新认定通过的，奖励10万元: a 对…的
    frame that only states a qualification, right after a parallel 对…的 frame with a head
    noun in the previous sentence of the clause, is about that kind of recipient."""
    if not who.predicate or not ctx.earlier or who.via:
        return None
    text, prev = ctx.doc.text, ctx.earlier[-1]
    found = None
    for m in _dui().finditer(text[prev.start:prev.end]):
        rec = _dui_recipient(text, prev.start, m)
        if m.group("rel") is None and rec.who and category_of(rec.who) is not None:
            found = rec
    if found is not None:
        found.via = "the 对…的 frame names only a qualification; recipient of the parallel frame before it"
        return found
    if category_of(who.who) is None:  # 每年资助…名一线职工…。对被录取参加学历提升的，给予…
        found = ctx._nearest(ctx.clause, ctx.earlier) or _earlier_quota_subject(ctx)
        per_head = any(w in ctx.doc.text[ctx.s:ctx.e] for w in words().person_per_words)
        if found is not None and per_head and category_of(found.who) not in (None, "person"):
            return None  # 对…企业，给予奖励；对…缴纳社会保险满3年的，每人给予…: not the firm
        if found is not None and category_of(found.who) is not None:
            found.via = ("the 对…的 frame names only a qualification; recipient taken from an "
                         "earlier sentence of the clause")
            return found
    return None


def _qualifier_topic(ctx: _Ctx, start: int, subset: bool = False) -> _Recipient | None:
    """The qualifier of a sentence that names no recipient anywhere: its first comma clause,
    when it ends in 的 before the quantity (租用经营场所的，按…给予租金补贴 -> 租用经营场所), up
    to its first conjunction (带动其他残疾人就业并与其签订…的 -> 带动其他残疾人就业). With
    ``subset``, only a qualifier after 其中 (其中具有正高级职称的，…提高至15万元)."""
    text = ctx.doc.text
    if subset:  # the last 其中…的， before the quantity, with nothing but the grant after it
        found = list(regex.finditer(r"其中\s*[，,]?\s*([^，,；;：:。]{2,40}?)的\s*[，,]([^，,；;：:。]*)$",
                                    text[ctx.s:start]))
    else:
        found = [m] if (m := regex.match(r"\s*([^，,；;：:。]{2,40}?)的\s*[，,]", text[ctx.s:start])) else []
    if not found:
        return None
    m = found[-1]
    phrase = _rx()["label"].sub("", m.group(1))
    phrase = _rx()["conjunction"].split(phrase, maxsplit=1)[0]
    if len(phrase) < 2 or _rx()["grant"].search(phrase) or _rx()["negating"].search(phrase) \
            or phrase.startswith((*words().manner_openers, *words().frame_openers,
                                  *words().locative_prepositions)):  # 在本县流转土地…的: a place
        return None
    return _Recipient(phrase, m.group(1), ctx.s + m.start(1), predicate=True,
                      via="the qualifier names the recipient")


def _earlier_quota_subject(ctx: _Ctx) -> _Recipient | None:
    """The people an earlier sentence of the clause counts (每年资助不少于500名一线职工…)."""
    if not ctx.earlier:
        return None
    for q in reversed(ctx.index.window(ctx.doc, "quotas", ctx.clause.start, ctx.earlier[-1].end)):
        who = _clean_who(q.subject) if q.subject else None
        if who and category_of(who) is None:
            who = _longest_named_prefix(who)  # 一线职工和农民工提升学历 -> 一线职工和农民工
        if who and category_of(who) is not None and not who.endswith(tuple(words().scheme_heads)):
            return _Recipient(who, q.subject, q.start)
    return None


ITEM_NOUN = regex.compile(r"\p{Han}{2,12}")  # a bare noun phrase: Han characters only


def _item_noun(text: str, ctx: _Ctx, start: int, rec: _Recipient) -> str | None:
    """对…体育赛事，按以下标准给予补贴：1.国际级赛事，每项补贴50万元: an item whose first comma
    clause is a bare noun phrase with the head of the recipient named before the item (赛事) is
    for that kind only."""
    earlier = rec.who or ""
    lo = max(ctx.s, text.rfind("：", ctx.s, start) + 1, text.rfind(":", ctx.s, start) + 1)
    if len(earlier) < 2 or rec.start is None or rec.start >= lo:
        return None
    stop = CLAUSE_BREAK.search(text, lo, start)
    if stop is None:
        return None
    seg = _rx()["label"].sub("", text[lo:stop.start()].strip())
    if not ITEM_NOUN.fullmatch(seg) or seg == earlier or not seg.endswith(earlier[-2:]):
        return None
    if "的" in seg or _rx()["grant"].search(seg) or _rx()["action_verb"].search(seg):
        return None
    return seg


def _policyholder_of_heading(ctx: _Ctx) -> _Recipient | None:
    """（二）生猪保险。保险金额为…，省级财政补贴30%: a clause headed by an insurance names no
    recipient; the premium it subsidises is paid for that insurance's policyholders."""
    clause = ctx.clause
    if clause.heading_end is None:
        return None
    text = ctx.doc.text
    heading = text[_after_label(text, clause):clause.heading_end].strip("。.：: ")
    w = words()
    if not (2 < len(heading) <= 16 and heading.endswith(tuple(w.insurance_heads))) \
            or not ITEM_NOUN.fullmatch(heading):
        return None
    return _Recipient(heading + w.policyholder, heading, clause.start, guessed=True)


def _benefit(ctx: _Ctx, start: int, end: int, rec: _Recipient, **fields) -> Benefit:
    text = ctx.doc.text
    who = rec
    if _is_agency(ctx.index, who):
        who = _Recipient(None, None, None)  # 市退役军人事务局每年组织开展…: the administrator
    reason = fields.pop("reason", None)
    qualification = fields.pop("tier_phrase", None)
    quota = _quota_before(ctx, start)
    if quota is not None and fields.get("tier") is None and quota.tier:
        fields["tier"] = quota.tier  # 其中，一级不超过1个，资助10万元
    if fields.get("per") is None and quota is not None and quota.kind == "cap" and category_of(
            quota.subject) == "project":
        fields["per"] = "project"  # 资助不超过3个（项目），各资助5万元: each funded project
        for a in ctx.doc.amounts:  # the amount's own denominator, resolved from the quota
            if a.id in fields.get("amount_ids", []) and a.per is None:
                a.per = "project"
    anaphoric = who.who is not None and _rx()["anaphora"].match(who.who)
    if (who.who is None or anaphoric) and quota is not None and quota.subject \
            and not quota.subject.endswith(tuple(words().scheme_heads)):  # 择优资助每年不超过100项: a count of grants
        who = _Recipient(quota.subject, None, quota.start)  # 每年遴选不超过10名“高新工匠”，…给予
        if _is_agency(ctx.index, who):
            who = _Recipient(None, None, None)
    subset = _qualifier_topic(ctx, start, subset=True) if fields.get("tier") is None else None
    if subset is not None and (who.who is None or who.start is not None and who.start < subset.start):
        who = subset  # 其中具有正高级职称的，安家补贴提高至15万元: a subset of the earlier recipient
        reason = reason or "a 其中 qualifier names a subset of the earlier recipient"
    if who.who is not None and (ante := _antecedent(ctx, who)) is not None:
        who = ante  # …的，给予该机构20万元奖励 -> the 机构 named before it
        reason = reason or "recipient taken from the body a demonstrative points back to (该机构)"
    last = ctx.last if who.who is None else _named_before_predicate(ctx, who)
    if last is not None:
        who = _Recipient(last.who, last.phrase, last.start, guessed=True)
        reason = reason or last.via or "recipient taken from an earlier sentence of the clause"
        head = _category_suffix(last.who)
        if qualification and head:  # 本科及以上学历6万元 + …毕业生 -> 本科及以上学历毕业生
            who = _Recipient(qualification + head, last.phrase, last.start, guessed=True)
    if who.who is not None and (label := _item_noun(text, ctx, start, who)) is not None:
        who = _Recipient(label, who.phrase, who.start, guessed=True)  # 1.国际级赛事，每项补贴…
        reason = "recipient narrowed to the kind the list item opens with"
    if who.who is None and (own := _qualifier_topic(ctx, start)) is not None:
        who = own  # （3）租用经营场所的，按实际租金的50%给予租金补贴: the qualifier stands for it
        reason = reason or "no recipient named; the qualifying 的-phrase stands for it"
    if who.who is None and (insured := _policyholder_of_heading(ctx)) is not None:
        who = insured  # （二）生猪保险。…省级财政补贴30%: the premium share goes to the insured
        reason = reason or "recipient taken as the policyholder of the insurance the heading names"
    if who.who is None:
        reason = reason or "no recipient found"
    end = _instrument_end(text, ctx, end)
    anchor_s, anchor_e = max(ctx.s, start - 6), min(ctx.e, end + 4)
    for a in ctx.index.window(ctx.doc, "amounts", anchor_s, anchor_e):  # 1万元、2万元: the anchor
        if a.end <= start:  # of one member does not reach into its neighbours
            anchor_s = max(anchor_s, a.end)
        elif a.start >= end:
            anchor_e = min(anchor_e, a.start)
    return Benefit(
        start=start, end=end, quote=text[start:end], anchor=text[anchor_s:anchor_e],
        clause_id=ctx.clause.id, clause_path=ctx.clause.path, beneficiary=who.who,
        beneficiary_category=category_of(who.who), needs_review=reason is not None,
        review_reason=reason, funding_source=_funding(text, ctx.clause),
        effective_from=ctx.doc.metadata.effective_from,
        effective_until=ctx.doc.metadata.effective_until,
        extra={"beneficiary_phrase": who.phrase} if who.phrase and who.phrase != who.who else {},
        **fields,
    )


def _antecedent(ctx: _Ctx, who: _Recipient) -> _Recipient | None:
    """该机构 / 此类企业: the last phrase of the sentence before it that ends in the same head
    noun (银行业金融机构…的，给予该机构…奖励 -> 银行业金融机构)."""
    m = _rx()["demonstrative"].match(who.who)
    if m is None:
        return None
    text, head = ctx.doc.text, m.group("head")
    end = text.rfind(head, ctx.s, who.start if who.start is not None and who.start > ctx.s else ctx.e)
    if end < 0 or text[max(ctx.s, end - 1):end] in ("该", "此"):
        return None
    run = regex.search(r"[\p{Han}]{0,12}$", text[ctx.s:end]).group()
    run = regex.split(r"[的对由向为在]", run)[-1]
    name = _clean_who(run + head)
    return _Recipient(name, run + head, end - len(run)) if name and len(name) > len(head) else None


def _is_agency(index: _DocIndex, rec: _Recipient) -> bool:
    """Whether the recipient found is a government body or the notice's issuer (which
    administer benefits, not receive them)."""
    if not rec.who:
        return False
    if any(rec.who.endswith(q) or q.endswith(rec.who) for q in index.admin_quotes):
        return True
    if rec.start is None:
        return False
    i = bisect.bisect_right(index.admin_spans, (rec.start, 1 << 60)) - 1
    return i >= 0 and index.admin_spans[i][0] <= rec.start < index.admin_spans[i][1]


# Bodies that administer benefits; mass organisations (工会) can also receive them.
_ADMINISTRATORS = ("government_department", "government", "party_organ")


def _quota_before(ctx: _Ctx, start: int):
    """The nearest quota of the sentence before ``start``."""
    pool = ctx.index.window(ctx.doc, "quotas", ctx.s, start)
    return max(pool, key=lambda q: q.start) if pool else None


def _instrument_end(text: str, ctx: _Ctx, end: int) -> int:
    """Extend a rule's span over the instrument named after its amount in the same clause
    (五千元一次性培养补助; 按每人1000元的标准给予企业一次性吸纳就业补贴)."""
    _, hi = _comma_clause(text, ctx.s, ctx.e, end, end)
    m = _rx()["instrument"].search(text, end, hi)
    if m and not LIST_OR_NUMBER.search(text, end, m.start()):
        return m.end()
    return end


def _amount_fields(a: Amount) -> dict:
    fields = {"per": a.per, "amount_ids": [a.id] if a.id else []}
    if a.kind in ("fixed", "approx"):
        fields["amount"] = a.value
    else:
        fields["min"], fields["max"] = a.min, a.max
    return fields


NAMED_BASE = regex.compile(r"以(?P<base>[^，。；,;]{2,30}?)为(?:计算)?基数")  # 以…人才薪酬为基数


def _resolve_base(text: str, ctx: _Ctx, r: Rate) -> str | None:
    """按该基数的50%: the base named earlier in the clause (以上一年人才薪酬为基数)."""
    if r.base not in words().base_anaphora:
        return r.base
    named = [m for m in NAMED_BASE.finditer(text, ctx.clause.start, r.start)]
    return named[-1].group("base") if named else r.base


def _rate_per(text: str, ctx: _Ctx, r: Rate) -> str | None:
    """The per-unit written before a rate in its comma clause (按每人每月…标准的70%)."""
    lo, _ = _comma_clause(text, ctx.s, ctx.e, r.start, r.start)
    return money.per_before(text, lo, r.start)


def _outlay_owner(text: str, ctx: _Ctx, r: Rate) -> _Recipient | None:
    """The recipient a treasury reimburses a share of: 县财政按借款人实际支付利息的50%给予贴息
    -> 借款人 (the owner of the outlay the rate is taken of)."""
    lo, _ = _comma_clause(text, ctx.s, ctx.e, r.start, r.start)
    m = _rx()["outlay_owner"].search(text, lo, r.start)
    if not m or not _plausible(m.group("owner")):
        return None
    return _Recipient(_clean_who(m.group("owner")), m.group("owner"), m.start("owner"))


def _scope_per(text: str, ctx: _Ctx, a: Amount) -> str | None:
    """The per of a sum, or unit when its comma clause scopes it to one item (单户企业贴息最高
    10万元 / 单笔贷款补偿最高100万元 / 拖拉机单台补贴额不超过15万元)."""
    if a.per is not None:
        return a.per
    lo, _ = _comma_clause(text, ctx.s, ctx.e, a.start, a.end)
    if _rx()["unit_scope"].search(text, lo, a.start) or _rx()["per_word_before"].search(text[lo:a.start]):
        return "unit"  # 按每千瓦时0.03元: a 每 phrase the amount stage has no per for
    return None


def _bounds_of_share(text: str, ctx: _Ctx, a: Amount, shares: list[Rate]) -> bool:
    """按项目总投资的40%给予补助，单个项目补助额5万元—20万元: a range after a share, in a
    comma clause without a give verb of its own, bounds the sum the share pays."""
    if a.kind != "range" or not any(r.end <= a.start for r in shares):
        return False
    lo, hi = _comma_clause(text, ctx.s, ctx.e, a.start, a.end)
    if not text[lo:a.start].lstrip(" \u3000").startswith(tuple(words().cap_scope_openers)):
        return False  # 通过验收的再奖励10万元—20万元 / 国家级专精特新企业30万元—200万元: a rule of its own
    return not _rx()["give_verb_any"].search(text, lo, hi)


def _rate_benefits(ctx: _Ctx, rates: list[Rate], caps: list[Amount]) -> list[Benefit]:
    text, out = ctx.doc.text, []
    for r in rates:
        rec = _outlay_owner(text, ctx, r) or find_recipient(text, ctx.s, ctx.e, r.start)
        cap = next((c for c in caps if c.start > r.start), None) or (caps[-1] if caps else None)
        fields = {"rate": r.value, "rate_base": _resolve_base(text, ctx, r),
                  "rate_ids": [r.id] if r.id else []}
        if cap is not None:
            is_total = _rx()["total"].search(text[max(ctx.s, cap.start - 10):cap.start])
            fields["total_cap" if is_total else "max"] = cap.max
            if cap.kind == "range":  # 单个项目补助额5万元—20万元: both bounds of the share paid
                fields["min"] = cap.min
            fields["amount_ids"] = [cap.id] if cap.id else []
            fields["per"] = _scope_per(text, ctx, cap)
        if fields.get("per") is None:
            fields["per"] = _rate_per(text, ctx, r)  # 按每人每月最低工资标准的70%给予
        frequency = _frequency(text, ctx.s, ctx.e, cap)
        if fields.get("per") in ("month", "person_month"):
            frequency = "monthly"
        if fields.get("per") is None and YEARLY_RUN.search(text, ctx.s, ctx.e):
            fields["per"], frequency = "year", "yearly"  # 连续三年按该基数的50%给予: each year
        out.append(_benefit(
            ctx, r.start, r.end, rec, instrument=_instrument(text, ctx.s, ctx.e, r.start, r.end),
            frequency=frequency, duration_years=_duration(text, ctx.s, ctx.e),
            modifies=None if r.kind != "uplift" else "previous", **fields))
    return out


def _level_label(text: str, ctx: _Ctx, a: Amount) -> str | None:
    """A skill level written right before an amount in its comma clause (补贴标准为：初级工、
    中级工每人次150元，高级工每人次250元): the tier the amount is for."""
    lo, _ = _comma_clause(text, ctx.s, ctx.e, a.start, a.start)
    label = _rx()["tier_tail"].sub("", text[max(lo, a.start - 40):a.start].strip())  # a short window
    core = BRACKETED.sub("", label)
    return label if core and _is_level(core) else None


def _single(text: str, ctx: _Ctx, a: Amount, rec: _Recipient):
    """(amount, recipient, tier, reason) for an amount that is not part of a list."""
    level = _level_label(text, ctx, a)
    if level is None:
        return a, rec, None, None
    if rec.who and (rec.who in level or level in rec.who):
        rec = _Recipient(None, None, None)  # the level is a tier; the recipient is named earlier
    return a, rec, level, None


def _clause_label(text: str, ctx: _Ctx, at: int) -> str:
    """The noun a comma clause opens with, before its manner or grant (拖拉机按马力段给予…)."""
    lo, _ = _comma_clause(text, ctx.s, ctx.e, at, at)
    m = _rx()["clause_label"].match(text, lo, at)
    return m.group("label") if m else ""


def _split_listed_recipient(text: str, ctx: _Ctx, out: list[Benefit]) -> None:
    """对报废老旧拖拉机、联合收割机并购置新机的，分别给予补贴：拖拉机按…给予0.1万—1.8万元，
    联合收割机给予0.3万—2万元: clauses labelled by the members of the recipient's list each
    take the recipient with their own member (报废老旧拖拉机并购置新机)."""
    if len(out) < 2 or len({b.beneficiary for b in out}) != 1 or "、" not in (out[0].beneficiary or ""):
        return
    labels = [_clause_label(text, ctx, b.start) for b in out]
    run = "、".join(labels)
    if len(set(labels)) != len(labels) or not all(labels) or run not in out[0].beneficiary:
        return
    whole = out[0].beneficiary
    for b, label in zip(out, labels):
        b.beneficiary = whole.replace(run, label, 1)
        b.needs_review = True
        b.review_reason = b.review_reason or "the recipient's list narrowed to the member the clause opens with"
        b.beneficiary_category = category_of(b.beneficiary)


def _amount_benefits(ctx: _Ctx, amounts: list[Amount]) -> list[Benefit]:
    text, out = ctx.doc.text, []
    for group in _groups(amounts):
        rec = find_recipient(text, ctx.s, ctx.e, group[0].start)
        pairs = (_pair_group(text, ctx.s, ctx.e, group, rec) if len(group) > 1
                 else [_single(text, ctx, group[0], rec)])
        for a, who, tier, reason in pairs:
            out.append(_benefit(
                ctx, a.start, a.end, who, instrument=_instrument(text, ctx.s, ctx.e, a.start, a.end, ctx),
                frequency=_frequency(text, ctx.s, ctx.e, a), tier=tier, reason=reason,
                tier_phrase=_qualification_label(text, ctx.s, a, tier),
                duration_years=_duration(text, ctx.s, ctx.e),
                **{**_amount_fields(a), "per": _scope_per(text, ctx, a)}))
    _split_listed_recipient(text, ctx, out)
    return out


def _grant_without_figure(text: str, s: int, e: int) -> tuple[regex.Match, str] | None:
    """The first unquantified grant in ``text[s:e]`` and its instrument."""
    rx = _rx()
    found = [m for m in (rx["unquantified"].search(text, s, e), rx["fiscal"].search(text, s, e),
                         rx["funded"].search(text, s, e), rx["top_up"].search(text, s, e),
                         rx["raised"].search(text, s, e), rx["borne"].search(text, s, e)) if m]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    if m.re is rx["borne"]:
        return m, "other"  # costs borne: no instrument word
    if m.re is rx["top_up"]:  # 补足差额: of the instrument named before it
        before = list(rx["instrument"].finditer(text, max(0, s - 200), m.start()))
        return m, _instrument_of(before[-1].group()) if before else "other"
    inst = rx["instrument"].search(text, m.start(), m.end())
    return m, _instrument_of(inst.group()) if inst else "资助"


def _employer_pays(text: str, lo: int, verb: int) -> bool:
    """所在单位可根据…给予绩效奖励: a give verb whose subject is an employer or a school
    with a modal (可 / 应) names who pays, not a benefit of the notice."""
    m = _rx()["payer"].match(text[lo:verb])
    if not m or not _rx()["give_verb_any"].match(text, verb):
        return False
    return category_of(_clean_who(m.group("who")) or "") in ("enterprise", "school")


def _unquantified(ctx: _Ctx, after: int | None = None) -> list[Benefit]:
    text = ctx.doc.text
    rx = _rx()
    grant = _grant_without_figure(text, ctx.s if after is None else after, ctx.e)
    if grant is None:
        return []
    m, instrument = grant
    heading_end = ctx.clause.heading_end
    if heading_end is not None and _after_label(text, ctx.clause) <= m.start() < heading_end \
            and not _rx()["give_verb_any"].search(text, ctx.clause.start, heading_end):
        return []  # （二）落实基层岗位津贴。: a heading names the measure its clause states
    if text.endswith(tuple(words().purpose_words), ctx.s, m.start()):
        return []  # …万元用于发放科技创新券: the purpose of a budget
    if rx["encouraged"].search(text, ctx.s, m.start()):
        return []  # measures employers are only encouraged to take are not benefits
    if rx["negating"].search(text, ctx.s, ctx.e) or rx["not_benefit"].search(text, m.start(), m.end() + 8):
        return []
    if rx["grant_negated"].search(text[max(ctx.s, m.start() - 2):m.start()]):
        return []  # …的特困人员，不享受护理补贴: a bar on a rule stated elsewhere
    target = rx["target"].search(text, ctx.s, m.start())
    if target and not _TARGET_BREAK.search(text, target.end(), m.start()):
        return []  # 全年力争发放各类补贴惠及企业8000家以上: a target (not 对争取到…的项目，给予)
    if rx["count_limit"].match(text, m.end()):
        return []  # 每年购置同类机具享受补贴不超过3台（套）: a limit on a rule stated elsewhere
    if "obj" in m.re.groupindex and m.group("obj").startswith(tuple(words().object_headings)):
        return []  # 专项资金支持对象为…企业: who the fund is for, stated for the rules that follow
    if rx["noun_follower"].match(text, m.end()):
        return []  # 享受引才补助的人数 / 落实各项奖补政策: a noun phrase, not a grant
    if rx["condition_intro"].match(text, m.end()):
        return []  # 享受奖励须同时满足以下条件：: the conditions of a grant stated elsewhere
    if rx["announcement"].search(text, ctx.s, ctx.e) or text[ctx.e - 1:ctx.e] in "：:":
        return []  # 按以下标准给予…补贴： the standards follow in the next clauses
    lo, hi = _comma_clause(text, ctx.s, ctx.e, m.start(), m.end())
    if rx["transfer"].search(text, lo, hi):
        return []  # 对县级给予转移支付补助: a transfer between governments
    if text[hi - 1:hi] == "的" or text[m.end():hi].endswith("的"):
        return []  # 已享受上级同类奖励的，… : a qualifier, not a grant
    if _employer_pays(text, lo, m.start()):
        return []
    if "obj" in m.re.groupindex and (who := _longest_named_prefix(m.group("obj"))):
        rec = _Recipient(who, m.group("obj"), m.start("obj"))  # 安排专项资金，支持…基地建设
    else:
        rec = find_recipient(text, ctx.s, ctx.e, m.end())
    out = [_benefit(ctx, m.start(), m.end(), rec, instrument=instrument,
                    quantified=False, frequency=_frequency(text, ctx.s, ctx.e, None))]
    pos = m.end()
    while more := rx["more_instrument"].match(text, pos):  # 提供购房补贴、人才公寓等方式
        out.append(_benefit(ctx, more.start("inst"), more.end("inst"), rec,
                            instrument=_instrument_of(more.group("inst")), quantified=False,
                            frequency=_frequency(text, ctx.s, ctx.e, None)))
        pos = more.end()
    return out


def _trailing_grant(ctx: _Ctx, quantities: list) -> list[Benefit]:
    """给予10万元一次性建设补助，并根据绩效给予奖励补助: a grant without a figure in a
    later comma clause of a quantified sentence is a rule of its own."""
    text = ctx.doc.text
    last = max(q.end for q in quantities)
    lo, hi = _comma_clause(text, ctx.s, ctx.e, last, last)
    granted = _rx()["grant"].search(text, lo, hi) or _rx()["instrument"].search(text, lo, hi)
    if not granted:
        return []  # 按高级技师5000元/人…的标准，给予培养单位…补助: the later grant is theirs
    return _unquantified(ctx, after=hi) if hi < ctx.e else []


def _general_before_qizhong(ctx: _Ctx, amounts: list[Amount]) -> list[Benefit]:
    """按规定给予职业培训补贴，其中取得高级工证书的每人补贴2000元: the general grant before
    其中 is a rule of its own (unquantified), the 其中 part a quantified special case."""
    text = ctx.doc.text
    cut = text.find("其中", ctx.s, ctx.e)
    if cut < 0 or any(a.start < cut for a in amounts) or not amounts \
            or ctx.index.window(ctx.doc, "rates", ctx.s, cut):  # 按…的10%给予补助，其中…: quantified
        return []
    return _unquantified(_Ctx(ctx.doc, ctx.clause, ctx.s, cut, ctx.earlier, ctx.parent, ctx.index))


def _continued(ctx: _Ctx):
    """The earlier sentence of the clause this one continues: after a ； or with 其中."""
    if not ctx.earlier:
        return None
    prev = ctx.earlier[-1]
    text = ctx.doc.text
    if text[prev.end - 1:prev.end] in "；;：:" or text[ctx.s:ctx.e].startswith("其中"):
        for sent in reversed(ctx.earlier):  # back to the sentence that grants
            if _rx()["grant"].search(text, sent.start, sent.end) or _rx()["instrument"].search(
                    text, sent.start, sent.end):  # …可申请创业担保贷款，…；小微企业最高300万元
                return sent
            if text[sent.end - 1:sent.end] not in "；;":
                break
    return None


def _share_in(ctx: _Ctx, sent) -> Rate | None:
    return next((r for r in ctx.index.window(ctx.doc, "rates", sent.start, sent.end) if r.kind == "share"),
                None)


def _after_qizhong(text: str, ctx: _Ctx, a: Amount) -> bool:
    return "其中" in text[ctx.s:a.start]


def _capped_tiers(ctx: _Ctx, rate: Rate, caps: list[Amount]) -> list[Benefit]:
    """One rule per cap of a rate: rate × base, at most the tier's cap."""
    text, out = ctx.doc.text, []
    for cap in caps:
        lo, _ = _comma_clause(text, ctx.s, ctx.e, cap.start, cap.end)
        label_lo, _ = _comma_clause(text, ctx.s, ctx.e, max(ctx.s, lo - 1), max(ctx.s, lo - 1))
        label = text[label_lo:lo].strip("，, ")
        tier = _list_item(label) if label.endswith("的") and label_lo < lo else None
        rec = find_recipient(text, ctx.s, ctx.e, cap.start)
        out.append(_benefit(
            ctx, cap.start, cap.end, rec, instrument=_instrument(text, ctx.s, ctx.e, rate.start,
                                                                 rate.end, ctx),
            rate=rate.value, rate_base=rate.base, max=cap.max, per=cap.per, tier=tier,
            rate_ids=[rate.id] if rate.id else [], amount_ids=[cap.id] if cap.id else [],
            frequency=_frequency(text, ctx.s, ctx.e, cap)))
    return out


def _heading_instrument(ctx: _Ctx) -> str | None:
    """The instrument a clause's heading names (（二）津贴标准。…): its sentences grant it."""
    clause = ctx.clause
    if clause.heading_end is None:
        return None
    m = _rx()["instrument"].search(ctx.doc.text, clause.start, clause.heading_end)
    return _instrument_of(m.group()) if m else None


def _introduced_grant(ctx: _Ctx) -> bool:
    """A sub-item of a clause that announces a grant (…按以下标准给予生活补贴：（1）高级技师，
    每人每月两千元): the grant is the parent's."""
    parent = ctx.parent
    if parent is None or not parent.sentences:
        return False
    last = parent.sentences[-1]
    text = ctx.doc.text
    return text[last.end - 1:last.end] in "：:" and bool(
        _rx()["grant"].search(text, last.start, last.end) or _rx()["instrument"].search(
            text, last.start, last.end))


def _is_later_total(text: str, ctx: _Ctx, a: Amount) -> bool:
    """每人每年累计不超过6000元 in a comma clause of its own, without a give verb: a total
    cap on the clause's rules before it, not a rule (see _apply_totals)."""
    if a.kind != "cap":
        return False
    lo, hi = _comma_clause(text, ctx.s, ctx.e, a.start, a.end)
    rx = _rx()
    if rx["give_verb_any"].search(text, lo, hi) or ctx.index.window(ctx.doc, "rates", ctx.s, ctx.e):
        return False
    if rx["total_any"].search(text, lo, a.start):
        return True
    if lo == ctx.s and ctx.earlier and text.startswith(tuple(words().cap_scope_openers), lo) \
            and not text[hi:ctx.e].strip("。；; ") and len(ctx.index.window(ctx.doc, "amounts", ctx.s, ctx.e)) == 1 \
            and any(ctx.index.window(ctx.doc, kind, ctx.earlier[0].start, ctx.s) for kind in ("amounts", "rates")):
        inst = rx["instrument"].search(text, lo, a.end)  # (the quote may hold it: 最高奖励5万元)
        if inst and inst.group() not in text[ctx.earlier[0].start:ctx.s]:
            return False  # …给予岗位补贴。每家企业最高奖励5万元: another benefit, a rule of its own
        return True  # …按每人每月300元给予岗位补贴。每家企业每年岗位补贴最高不超过10万元。
    if lo > ctx.s:  # 个人每年…总额不超过60万元，农业生产经营组织每年不超过300万元: a parallel total
        before = [b for b in ctx.index.window(ctx.doc, "amounts", ctx.s, lo) if b.kind == "cap"]
        return bool(before) and _is_later_total(text, ctx, before[-1]) \
            and not rx["grant"].search(text, lo, a.start) and not rx["instrument"].search(text, lo, a.start)
    return False


def _apply_totals(ctx: _Ctx, clause_benefits: list[Benefit]) -> None:
    """Attach the sentence's later totals to the clause's earlier quantified rules."""
    text = ctx.doc.text
    totals = [a for a in ctx.index.window(ctx.doc, "amounts", ctx.s, ctx.e) if _is_later_total(text, ctx, a)]
    for a in totals:
        for b in clause_benefits:
            if b.quantified and b.start < a.start and b.total_cap is None:
                b.total_cap = a.max
                b.amount_ids = [*b.amount_ids, a.id] if a.id else b.amount_ids
                if len(totals) > 1:  # 个人…不超过60万元，农业生产经营组织每年不超过300万元
                    reason = "parallel totals for different recipients; the first was applied"
                    b.needs_review = True
                    b.review_reason = f"{b.review_reason}; {reason}" if b.review_reason else reason


def _without_instalments(rates: list[Rate]) -> list[Rate]:
    """分别发放奖励总额的30%、30%、40%: shares of one base that add up to the whole are a
    payment schedule, not rules."""
    shares = [r for r in rates if r.kind == "share"]
    whole = abs(sum(r.value for r in shares) - 1) < Decimal("0.001")  # 三分之一 × 3 is 0.999999
    if len(shares) >= 2 and len({r.base for r in shares}) == 1 and whole:
        return [r for r in rates if r not in shares]
    return rates


def link_sentence(ctx: _Ctx) -> list[Benefit]:
    doc = ctx.doc
    text = doc.text
    amounts = [a for a in ctx.index.window(doc, "amounts", ctx.s, ctx.e)
               if not _is_condition_amount(text, ctx.s, a, ctx.e) and not _is_budget(text, ctx, a)
               and not _is_later_total(text, ctx, a)]
    rates = _without_instalments(ctx.index.window(doc, "rates", ctx.s, ctx.e))
    if not amounts and not rates:
        return _unquantified(ctx)
    general = _general_before_qizhong(ctx, amounts)
    before = _continued(ctx)
    if not (_rx()["grant"].search(text, ctx.s, ctx.e) or _rx()["instrument"].search(text, ctx.s, ctx.e)
            or _introduced_grant(ctx) or before is not None or _heading_instrument(ctx)):
        return []  # money named without a grant (总投资1亿元) is not a benefit
    shares = [r for r in rates if r.kind != "uplift"]
    inherited = _share_in(ctx, before) if before is not None and not rates else None
    if inherited is not None and amounts and all(a.kind == "cap" for a in amounts):
        # …按学费的50%给予补助，其中取得初级工证书的，每人最高不超过1000元；取得高级工证书的，
        # 每人最高不超过2000元: each later cap is a tier of the same rate
        return _capped_tiers(ctx, inherited, amounts)
    own_rate = any(_after_qizhong(text, ctx, r) for r in shares[1:])  # 其中…的，补助比例提高至15%，
    # 单家企业每年最高300万元: the 其中 part states its own rate; the cap is shared, not a tier
    tiered_caps = [a for a in amounts if a.kind == "cap" and shares and not own_rate
                   and _after_qizhong(text, ctx, a)]
    if tiered_caps:
        out = _capped_tiers(ctx, shares[0], tiered_caps)
        rest = [a for a in amounts if a not in tiered_caps]
        return out + _amount_benefits(ctx, rest) if rest else out
    caps = [a for a in amounts if a.kind == "cap" or _bounds_of_share(text, ctx, a, shares)] if shares else []
    out = general + _rate_benefits(ctx, rates, caps)
    rest = [a for a in amounts if a not in caps]
    totals = [a for a in rest if a.kind == "cap" and a is not rest[0] and _is_total(text, ctx, a)]
    out += _amount_benefits(ctx, [a for a in rest if a not in totals])
    for total in totals:  # 每家企业每年奖励总额最高不超过20万元: a cap on the rules before it
        for b in out:
            if b.start < total.start and b.total_cap is None:
                b.total_cap = total.max
                b.amount_ids = [*b.amount_ids, total.id] if total.id else b.amount_ids
    return out + (_trailing_grant(ctx, [*amounts, *rates]) if out else [])


_PER_HEAD = ("person", "person_time", "person_month", "person_year")


def _is_total(text: str, ctx: _Ctx, a: Amount) -> bool:
    """总额不超过… / a per-entity cap after per-person amounts (按每吸纳1人给予500元，
    每个经营主体最高不超过1万元) / a cap larger than an earlier per-unit figure in a clause
    that only scopes it (每亩100元…，每家最高不超过3万元): a cap on the rules before it, not a
    rule of its own."""
    lo, hi = _comma_clause(text, ctx.s, ctx.e, a.start, a.end)
    if _rx()["total_any"].search(text, lo, a.start):
        return True
    earlier = ctx.index.window(ctx.doc, "amounts", ctx.s, a.start)
    if a.per in ("unit", None) and any(b.per in _PER_HEAD for b in earlier):
        return True
    # 给予每亩100元的补助，每家最高不超过3万元 / 每美元0.01元…，单家企业最高50万元: a cap larger
    # than an earlier per-unit figure, in a clause that grants nothing itself, caps the whole
    if a.max is None or _rx()["give_verb_any"].search(text, lo, hi) or _rx()["grant"].search(text, lo, a.start):
        return False
    scope = text[lo:a.start].strip(" ，,")  # 每家 / 单家企业 / 每起案件: nothing but a scope
    if scope and not scope.startswith(tuple(words().cap_scope_openers)):
        return False  # 对家庭农场最高奖励5万元 / 农民合作社最高补贴10万元: a rule of its own
    return any((b.per is not None or "每" in text[max(ctx.s, b.start - 6):b.start])  # 按每千瓦时0.03元
               and (b.value if b.value is not None else b.max) is not None
               and (b.value if b.value is not None else b.max) < a.max for b in earlier)


# --------------------------------------------------------------------------- attachments


@dataclass
class _DocIndex:
    """Per-document lookups built once, so that linking stays linear in the notice's size."""

    clauses: dict[str, Clause]
    agencies_in: dict[str | None, list[Agency]]
    conditions: dict[str, object]
    interpreters: list[Agency]
    starts: dict[str, list[int]]
    admin_quotes: frozenset[str]
    admin_spans: list[tuple[int, int]]
    _recipients: dict = field(default_factory=dict)  # per-sentence / per-clause memo

    @classmethod
    def of(cls, doc: Document) -> _DocIndex:
        agencies_in: dict[str | None, list[Agency]] = {}
        for ag in doc.agencies:
            agencies_in.setdefault(ag.clause_id, []).append(ag)
        issuers = {a.canonical for a in doc.agencies if a.role == "issuer"}
        admins = [a for a in doc.agencies
                  if len(a.quote) >= 3 and (a.category in _ADMINISTRATORS or a.canonical in issuers)]
        doc.condition_groups.sort(key=lambda g: (g.start if g.start is not None else -1))
        starts = {name: [it.start for it in getattr(doc, name)]
                  for name in ("amounts", "rates", "quotas", "conditions")}
        starts["condition_groups"] = [g.start if g.start is not None else -1
                                      for g in doc.condition_groups]
        return cls({c.id: c for c in doc.clauses}, agencies_in, {c.id: c for c in doc.conditions},
                   [ag for ag in doc.agencies if ag.role == "interpret"], starts,
                   frozenset(a.quote for a in admins), sorted((a.start, a.end) for a in admins))

    def recipient_of(self, text: str, s: int, e: int) -> _Recipient:
        """find_recipient over a whole earlier sentence, computed once per sentence (looking
        back from every sentence of a long clause would otherwise be quadratic)."""
        if (s, e) not in self._recipients:
            self._recipients[(s, e)] = find_recipient(text, s, e, e)
        rec = self._recipients[(s, e)]
        return dataclasses.replace(rec) if rec.who else rec  # callers may annotate a found one

    def notice_recipient(self, text: str) -> _Recipient | None:
        """The one recipient the notice defines (本措施所称返乡入乡创业人员，是指…), the last
        resort for a rule that names none (在本县租用经营场地创业的，按实际租金给予补贴); none
        when the notice defines several kinds of recipient or none."""
        if "notice" not in self._recipients:
            self._recipients["notice"] = self._defined_recipient(text)
        rec = self._recipients["notice"]
        return dataclasses.replace(rec) if rec is not None else None

    @staticmethod
    def _defined_recipient(text: str) -> _Recipient | None:
        """The recipient of the notice's only definition of a kind of person or body; a
        definition of 扶持对象 / 补助对象 names it in its body (…的家庭农场和农民合作社)."""
        defs = {m.group("who"): m for m in _rx()["notice_definition"].finditer(text)
                if not m.group("who").endswith(tuple(words().scheme_heads))}  # not 技能提升补贴
        if len(defs) != 1:
            return None
        term, m = next(iter(defs.items()))
        if m.group(0).endswith("为"):  # 补贴对象为从事农业生产的个人和农业生产经营组织，包括：
            phrase = regex.match(r"[^，,。；;：:]+", text[m.end():])
            phrase = phrase.group().split("包括")[0] if phrase else ""
            who = _clean_who(phrase)
            if not who or ("的" not in who and category_of(who) is None):
                return None
            rec = _Recipient(who, phrase, m.end())
        elif _rx()["object_heading"].search(term):  # 本办法所称扶持对象，是指…的家庭农场
            stop = SENTENCE_BREAK.search(text, m.end())
            rec = _defined_head(text, m.end(), stop.start() if stop else len(text))
            if not rec.who:
                return None
        elif category_of(term) is not None:
            rec = _Recipient(term, None, m.start("who"))
        else:
            return None
        rec.via = f"recipient taken from the notice's definition of {term}"
        return rec

    def scheme_names(self, text: str, s: int, e: int) -> list[str]:
        """_scheme_names of a clause, computed once per clause."""
        key = ("scheme", s, e)
        if key not in self._recipients:
            self._recipients[key] = _scheme_names(text, s, e)
        return self._recipients[key]

    def clauses_before(self, start: int, n: int) -> list[Clause]:
        """The ``n`` non-preamble clauses that start last before ``start``, in document order."""
        ordered, starts = self._ordered
        i = bisect.bisect_left(starts, start)
        return [c for c in ordered[max(0, i - n - 1):i] if c.kind != "preamble"][-n:]

    def siblings_before(self, clause: Clause) -> list[Clause]:
        """The clauses with the same parent that come before ``clause``, in order."""
        family = self._families.get((clause.parent_id, clause.kind), [])
        return family[:next((i for i, c in enumerate(family) if c.id == clause.id), len(family))]

    @functools.cached_property
    def _ordered(self) -> tuple[list[Clause], list[int]]:
        ordered = sorted(self.clauses.values(), key=lambda c: c.start)
        return ordered, [c.start for c in ordered]

    @functools.cached_property
    def _families(self) -> dict[tuple[str | None, str], list[Clause]]:
        out: dict[tuple[str | None, str], list[Clause]] = {}
        for c in self.clauses.values():
            out.setdefault((c.parent_id, c.kind), []).append(c)
        return out

    def window(self, doc: Document, name: str, s: int, e: int) -> list:
        """The items of list ``name`` starting in ``[s, e)`` (lists are sorted by start)."""
        starts = self.starts[name]
        return getattr(doc, name)[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]


def _clause_agencies(index: _DocIndex, clause: Clause) -> list[AgencyRef]:
    """Agencies with a role named in this clause or its ancestors (责任单位 lists), found
    through the parent links (an attachment that restarts at 一、 is not an ancestor)."""
    chain, node = [], clause
    while node is not None and node.kind != "preamble":
        chain.append(node.id)
        node = index.clauses.get(node.parent_id or "")
    refs, seen = [], set()
    candidates = [ag for cid in chain for ag in index.agencies_in.get(cid, [])
                  if ag.role not in ("mention", "issuer")]
    for ag in sorted(candidates, key=lambda a: a.start) + index.interpreters:
        key = (ag.canonical, ag.role)
        if key not in seen:
            seen.add(key)
            refs.append(AgencyRef(agency_id=ag.agency_id, canonical=ag.canonical, role=ag.role,
                                  item_id=ag.id or None))
    return refs


_SCOPE_REACH = 2000  # characters a condition scope may start before the sentence it covers


def _conditions(doc: Document, s: int, e: int, index: _DocIndex) -> ConditionGroup | None:
    """The condition tree of the sentence ``[s, e)``: its group, or all of its groups/conditions."""
    lo = s
    near = index.window(doc, "condition_groups", s - _SCOPE_REACH, e)
    groups = [g for g in near if g.start is not None and g.end is not None and g.end > lo]
    if len(groups) == 1:
        return groups[0]
    if groups:
        return ConditionGroup(op="all", members=groups, start=lo, end=e)
    ids = [c.id for c in index.window(doc, "conditions", lo, e) if c.id]
    return ConditionGroup(op="all", members=ids, start=lo, end=e) if ids else None


def _condition_ids(group: ConditionGroup) -> list[str]:
    out: list[str] = []
    for m in group.members:
        out += [m] if isinstance(m, str) else _condition_ids(m)
    return out


def _names(cond) -> set[str]:
    """What a skill-level or honour condition names: canonical values and its quote."""
    value = cond.predicate.value if cond.predicate is not None else None
    names = set(value) if isinstance(value, list) else {value} if isinstance(value, str) else set()
    return {n for n in names | {getattr(cond, "canonical", None)} if n}


def narrow_to_tier(doc: Document, b: Benefit, group: ConditionGroup | None,
                   conds: dict | None = None) -> ConditionGroup | None:
    """In a 分别 / tier list, a rule keeps only the skill level or honour of its own tier:
    高级技师5000元/人、技师3500元/人 -> the 3500 rule requires 技师, not all three levels."""
    label = b.tier or b.beneficiary
    if group is None or not label:
        return group
    conds = conds if conds is not None else {c.id: c for c in doc.conditions}
    ids = [i for i in _condition_ids(group) if i in conds]
    tiered = [i for i in ids if conds[i].type in ("skill_level", "honor")]
    exact = [i for i in tiered if label in _names(conds[i])]
    match = exact or [i for i in tiered if any(n in label for n in _names(conds[i]))]
    if len(tiered) < 2 or not match or len(match) == len(tiered):
        return group
    keep = [i for i in ids if i not in tiered or i in match]
    return ConditionGroup(op="all", members=keep, start=group.start, end=group.end,
                          doc_id=doc.doc_id, clause_id=group.clause_id)


def _quota_ids(doc: Document, index: _DocIndex, b: Benefit, s: int, e: int) -> list[str]:
    quotas = [q for q in index.window(doc, "quotas", s, e) if q.id]
    if b.tier:
        tiered = [q.id for q in quotas if q.tier and q.tier in b.tier]
        if tiered:
            return tiered
    return [q.id for q in quotas if q.kind == "cap"]


def _after_label(text: str, clause: Clause) -> int:
    """Where the clause's text starts after its label (第十七条　, 1. , （三）)."""
    pos = clause.start + len(clause.label or "")
    while pos < clause.end and text[pos] in " \u3000":
        pos += 1
    return pos


def _drop_summaries(text: str, clause_benefits: list[Benefit]) -> list[Benefit]:
    """Drop an unquantified grant that the clause goes on to quantify: 给予不同数额的经费资助
    before the tiers, or 发放租房补贴。其中，…每人每月1000元 (same instrument, later)."""
    if not any(b.quantified for b in clause_benefits):
        return clause_benefits
    markers = words().summary_markers

    def announced(b: Benefit) -> bool:
        stop = regex.compile(r"[。；;：:]").search(text, b.end)
        then = text[stop.end():stop.end() + 3] if stop else ""
        later = [q for q in clause_benefits if q.quantified and q.start > b.end
                 and q.instrument == b.instrument and not _same_sentence(text, b, q)]
        # 给予职业培训补贴。…补贴标准分别为800元/人…: the standards follow
        first = CLAUSE_BREAK.search(text, stop.end()) if stop else None  # its first comma clause
        standards = bool(first) and bool(_rx()["standards"].search(text, stop.end(), first.start()))
        return any(m in b.quote for m in markers) or bool(later) and (
            then.startswith("其中") or standards)

    def restated(b: Benefit) -> bool:
        """评定结果有效期内按对应星级享受补贴: after the clause's rules of the instrument, a grant
        by their standard (按…) that names no recipient of its own restates them."""
        lo = max(text.rfind(c, 0, b.start) for c in "，,；;。：:") + 1
        manner = text[lo:b.start].startswith(tuple(words().manner_openers)) or any(
            text.startswith(w, i) for i in range(lo, b.start) for w in ("按", "依照", "参照"))
        earlier = [q for q in clause_benefits if q.quantified and q.end <= b.start
                   and q.instrument == b.instrument]
        own = b.beneficiary if not b.needs_review else None
        top_up = bool(_rx()["top_up"].search(b.quote))  # 按就高原则补足差额: a grant of its own
        return manner and bool(earlier) and category_of(own) is None and not top_up

    return [b for b in clause_benefits if b.quantified or not (announced(b) or restated(b))]


def _same_sentence(text: str, a: Benefit, b: Benefit) -> bool:
    return not SENTENCE_BREAK.search(text, a.end, b.start)


def _resolve_modifies(benefits: list[Benefit]) -> None:
    """An uplift (补贴标准上浮30%) modifies the closest earlier rule of its clause."""
    for i, b in enumerate(benefits):
        if b.modifies == "previous":
            prev = next((p for p in reversed(benefits[:i]) if p.clause_id == b.clause_id
                         and p.modifies is None), None)
            b.modifies = prev.id if prev else None
            if prev is None:
                b.needs_review, b.review_reason = True, "an uplift with no rule to modify"
            elif b.beneficiary is None:
                b.beneficiary, b.beneficiary_category = prev.beneficiary, prev.beneficiary_category


def annotate(doc: Document) -> None:
    """Fill ``doc.benefits`` from the items the earlier stages found."""
    _ensure_item_ids(doc)
    benefits: list[Benefit] = []
    numbered = any(c.kind not in ("preamble", "closing") for c in doc.clauses)
    index = _DocIndex.of(doc)
    by_id = index.clauses
    for clause in doc.clauses:
        if clause.kind == "closing" or (clause.kind == "preamble" and numbered):
            continue  # cover letters and signatures grant nothing
        refs: list[AgencyRef] | None = None  # computed for clauses that grant something
        first = len(benefits)
        body_start = _after_label(doc.text, clause)
        parent = by_id.get(clause.parent_id or "")
        for i, sent in enumerate(clause.sentences):
            if clause.heading_end is not None and sent.end <= clause.heading_end + 1:
                continue  # 一、发放一次性求职创业补贴: a heading names a topic, it grants nothing
            ctx = _Ctx(doc, clause, max(sent.start, body_start), sent.end, clause.sentences[:i],
                       parent, index)
            found = sorted(link_sentence(ctx), key=lambda b: (b.start, b.end))
            if found and refs is None:
                refs = _clause_agencies(index, clause)
            for b in found:
                b.conditions = narrow_to_tier(doc, b, _conditions(doc, sent.start, sent.end, index),
                                              index.conditions)
                b.quota_ids = _quota_ids(doc, index, b, clause.start, clause.end)
                b.agencies = refs
            benefits += found
            _apply_totals(ctx, benefits[first:])
        benefits[first:] = _drop_summaries(doc.text, benefits[first:])
    _resolve_references(doc.text, benefits)
    for n, b in enumerate(benefits):
        b.id = f"{doc.doc_id}:b{n}"
    _resolve_modifies(benefits)
    doc.benefits = benefits


_QUANTITY_FIELDS = ("amount", "min", "max", "rate", "rate_base", "per", "total_cap", "frequency",
                    "duration_years")


def _resolve_references(text: str, benefits: list[Benefit]) -> None:
    """按同一标准给予贴息: a grant by reference takes the figures of the nearest earlier rule
    of the same instrument in the same top-level section (…按其实际支付利息的70%给予贴息),
    flagged for review. One pass: the last quantified rule per (section, instrument) is kept."""
    last: dict[tuple[str, str | None], Benefit] = {}
    earlier: dict[tuple[str, str | None], list[Benefit]] = {}
    for b in benefits:
        key = (b.clause_path[0] if b.clause_path else "", b.instrument)
        if b.quantified:
            last[key] = b
            earlier.setdefault(key, []).append(b)
            continue
        window = text[max(0, b.start - 30):b.start]  # the pattern stops at clause punctuation
        src = last.get(key) if _rx()["same_standard"].search(window) else None
        reason = "figures taken by reference from an earlier rule (按同一标准)"
        if src is None and (named := _rx()["named_standard"].search(window)):
            src = _named_rule(text, named.group("q"), earlier.get(key, []))
            reason = f"figures taken from the earlier rule of the standard named ({named.group(0)})"
        if src is None:
            continue
        for f in _QUANTITY_FIELDS:
            setattr(b, f, getattr(src, f))
        b.amount_ids, b.rate_ids = list(src.amount_ids), list(src.rate_ids)
        b.quantified, b.needs_review = True, True
        b.review_reason = f"{b.review_reason}; {reason}" if b.review_reason else reason


def _named_rule(text: str, name: str, rules: list[Benefit]) -> Benefit | None:
    """The one earlier rule whose sentence best shares the words of a named standard
    (按首次认定标准 -> 对首次通过认定的…，给予一次性奖励20万元, not 通过重新认定的…): at least
    two of the name's character pairs, and more than any other rule."""
    pairs = {name[i:i + 2] for i in range(len(name) - 1)}
    scored = []
    for r in rules:
        lo = max(text.rfind(c, 0, r.start) for c in "。；;\n") + 1
        scored.append((sum(p in text[lo:r.end] for p in pairs), r))
    scored.sort(key=lambda x: -x[0])
    if not scored or scored[0][0] < 2 or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def _ensure_item_ids(doc: Document) -> None:
    """Benefits refer to items by id, so give items their final ids before linking."""
    from ..stages import finalize

    finalize(doc)
