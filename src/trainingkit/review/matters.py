"""``multiple_matters``: one proposal (or 社情民意) should deal with one matter.

Signals, all from the rule file's ``[multiple]`` table:

* the title joins two clauses that are each a matter on their own (a directive
  verb or a problem word) and share no word and no policy domain
  (``关于加快老旧小区改造和规范网约车管理的建议``), or lists three or more domains
  with 等/几点 (``关于解决看病难、上学难、行路难等问题的建议``), or without them when each
  of three or more parts names a field no other part names (round 19);
* suggestion items that belong to a domain the title and the rest of the draft do
  not touch, or that spread over unrelated domains (sure only when such an item
  also names a handling unit of another domain; else a hint);
* a second 情况 heading after a 建议 heading: another matter told from its facts to
  its requests (round 12);
* the handling units the suggestions name (市公安局、市教育局 …, each mapped to its
  domain in ``[multiple.units]``): when a title names no domain, items whose
  units and words fall into three or more unrelated groups are several matters
  (two such groups: a hint to check).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter

from trainingkit.review.config import RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.parse import Draft, opens_request
from trainingkit.review.text import Segment, strip_enumerator
from trainingkit.review.words import tokens

__all__ = ["check_matters"]

# A title that announces several matters (not 几点建议: several suggestions on one).
_SEVERAL = re.compile(
    r"几件|[几多两三四五六]个(?:问题|事项|方面)|若干(?:问题|事项)|几方面|[一二三四五两]件(?:事|实事)"
)

# A body that says it raised several matters (以上几件事, 另外说个事).
_SEVERAL_TITLE = re.compile(
    r"(?:几|[两三四五六]个)个?[\u4e00-\u9fff]{0,6}问题|几件(?:事|实事)|若干问题|多个问题|几方面(?:的)?问题"
)
_SEVERAL_BODY = re.compile(
    r"以上几件|这几件事|[几两三四]件事|另外(?:说|提|反映)(?:个|一个|一件)事|还有一件事|另外一件事"
    # 另外顺便反映一个问题 (round 12)
    r"|(?:另外|再)?顺便(?:说|提|反映|讲)(?:一下|一个|个|一件)(?:事|问题)?"
)

# A clause boundary right before a unit's name (，市教育局……、；由县卫健委……), and
# what a co-handler's clause says after it (配合、协助 …), for `_clauses`.
_CLAUSE_OPENING = re.compile(r"[,;]\s*(?:由|请|并由|同时由|另由)?[市县区省州乡镇]?$")
_CO_HANDLING = re.compile(r"[、和及与]|等(?:部门|单位)|(?:要|应|负责)?(?:配合|协助|协办|参与|支持)")

# An item that opens as a fallback for the one before (如一时没有合适岗位，可先……;
# 若近期无法……，可以……): an alternative means to the same end, no new matter (round 12).
_FALLBACK = re.compile(
    r"(?:如|如果|若|假如|倘若|万一)(?:一时|暂时|短期内|近期|今年|实在)?[^,;。]{0,12}"
    r"(?:没有|无法|不能|难以|不具备|来不及|不行)|实在不行"
)

# A title clause that states the aim of the one before (促进文旅消费、带动农民增收).
_AIM = re.compile(
    r"(?:促进|带动|助力|拉动|助推|服务)[\u4e00-\u9fff]{0,6}(?:发展|消费|增收|就业|振兴|繁荣)$"
    # ……龙头企业做大做强、打造城市美食名片: a name card is what the first clause is for
    # (round 14).
    r"|打造[\u4e00-\u9fff]{0,8}(?:名片|招牌|金字招牌|标杆|样板)$"
)

# Pairs that name the place, not the topic (我市、全县、本区、市级).
_PLACE_PAIR = re.compile(
    r"[我本全该各][省市县区镇乡村]|[省市县区镇乡][级内域]|[省市县区镇乡][省市县区镇乡]"
    # a part of town (城东片区, round 8): a place, not a topic
    r"|[城镇村][东南西北中]|[东南西北中][城片部区]|片区|城区|镇区|街区|县城|市区|群众|民生|百姓|市民|居民"
)


class DomainIndex:
    """Every domain word of a text, found once, then queried by span."""

    def __init__(self, rules: RuleSet, norm: str) -> None:
        self.hits = sorted(
            (m.start(), m.end(), name, m.group())
            for name, pattern in rules.domains.items()
            for m in pattern.finditer(norm)
        )
        self.units = sorted(
            (m.start(), m.end(), name, m.group())
            for name, pattern in rules.units.items()
            for m in pattern.finditer(norm)
        )
        self.starts = [hit[0] for hit in self.hits]

    def _within(self, span: Segment) -> list[tuple[int, int, str, str]]:
        first = bisect.bisect_left(self.starts, span.start)
        last = bisect.bisect_left(self.starts, span.end)
        return [hit for hit in self.hits[first:last] if hit[1] <= span.end]

    def domains(self, span: Segment) -> set[str]:
        """The domains with a word inside ``span``."""
        return {hit[2] for hit in self._within(span)}

    def words(self, name: str, span: Segment) -> set[str]:
        """The distinct words of domain ``name`` inside ``span``."""
        return {hit[3] for hit in self._within(span) if hit[2] == name}

    def unit_domains(self, span: Segment) -> set[str]:
        """The domains of the handling units named inside ``span``."""
        return {u[2] for u in self.units if span.start <= u[0] and u[1] <= span.end}

    def busiest(self) -> set[str]:
        """The domain(s) with the most words in the whole text."""
        counts = Counter(hit[2] for hit in self.hits)
        best = max(counts.values(), default=0)
        return {name for name, count in counts.items() if count == best and best}


def check_matters(draft: Draft, rules: RuleSet) -> list[Finding]:
    """Return a ``multiple_matters`` finding when the draft deals with several matters."""
    index = DomainIndex(rules, draft.norm)
    found = _in_title(draft, rules, index)
    if found and found.severity != "hint":
        return [found]
    # A second matter told from its own 情况 heading to its own 建议 heading.
    if draft.told_over:
        text = "正文分成几部分，每一部分都有自己的情况和建议，像是几件不同的事。"
        at = draft.title or Segment(draft.body_start, draft.body_start)
        return [rules.finding("multiple_matters", text, at)]
    if found:
        return [found]
    # The strongest evidence of any path: an unsure off-field item does not hide
    # suggestions that go to three unrelated groups of units.
    items = _in_items(draft, rules, index)
    if any(f.severity != "hint" for f in items):
        return items
    return _by_units(draft, rules, index) or _said_several(draft, rules) or items


def _said_several(draft: Draft, rules: RuleSet) -> list[Finding]:
    """A draft that says it raises several matters and tells them one by one.

    The title or body says so (几个民生问题、以上几件事) and the suggestions come matter
    by matter, each after a situation of its own (``_alternates``): whatever the
    departments, those are several matters (round 8).
    """
    title = draft.title
    said = (title is not None and _SEVERAL_TITLE.search(draft.norm, title.start, title.end)) or (
        _SEVERAL_BODY.search(draft.norm, draft.body_start)
    )
    if not said or not _alternates(draft, rules):
        return []
    text = (
        f"文中说要谈几件事（“{said.group()}”），并且一件一件分别写了情况和建议，像是几件不同的事。"
    )
    return [rules.finding("multiple_matters", text, draft.items[0], said.group())]


def _by_units(draft: Draft, rules: RuleSet, index: DomainIndex) -> list[Finding]:
    """Items in unrelated groups of units and domains, under a title with no domain.

    Under a title with a domain too when the body says it raises another matter
    (还有一件事、另外说个事, round 12).
    """
    told_several = bool(_SEVERAL_BODY.search(draft.norm, draft.body_start))
    if draft.title is not None and index.domains(draft.title) and not told_several:
        return []
    tagged, groups = _unit_groups(draft, index)
    if len(groups) < 2:
        return []
    names = "、".join("/".join(sorted(g)) for g in groups)
    text = f"建议分别交给不同领域的部门办理（{names}），像是几件不同的事。"
    # Two unrelated groups are sure only with a second sign of several matters
    # (round 5): suggestions told matter by matter, each after its own situation
    # (1. 浴场……建议市文旅局…… 2. 体育课……建议市教育局……), or a body that says so
    # (以上几件事、另外说个事).
    several = told_several or _alternates(draft, rules)
    sure = len(groups) >= rules.number("multiple", "min_unit_groups") or several
    # Several departments serving the title's one topic (every group's items take up
    # the title's words: 诈骗 for 公安、人社、金融) are one matter.
    sure = sure and not _one_topic(draft, rules, tagged, groups) and not _package(draft, rules)
    # One body leading and the others sharing the work (牵头……分工推进) is one matter.
    sure = sure and not rules.patterns["coordinated"].search(draft.norm)
    # A title that names one problem to solve (关于解决……内涝问题的建议), with nothing
    # joined to it, gives the departments one matter unless the body says otherwise
    # (round 12).
    sure = sure and (several or not _one_problem(draft, rules))
    return [rules.finding("multiple_matters", text, tagged[0][0], names, sure=sure)]


def _one_problem(draft: Draft, rules: RuleSet) -> bool:
    """Whether the title names one problem to solve, with nothing joined to it."""
    if draft.title is None:
        return False
    title = draft.norm[draft.title.start : draft.title.end]
    return bool(rules.patterns["one_problem_title"].search(title))


def _alternates(draft: Draft, rules: RuleSet) -> bool:
    """Whether suggestions come matter by matter, each after a situation of its own.

    After the first request (建议市……、请……), a new paragraph that is no request
    but tells facts or causes (据……了解、原因是……, figures) and is followed by
    another request starts a second matter.
    """
    p = rules.patterns
    told = (p["cue_situation_strong"], p["cue_analysis"])
    norm = draft.norm
    asked = broke = telling = False  # a request seen; a new paragraph since; facts told
    restarts = 0
    for unit in draft.units:
        body = strip_enumerator(norm, unit.start, unit.end)
        if opens_request(norm, rules, body):
            restarts += telling
            asked, broke, telling = True, False, False
            continue
        broke = broke or (asked and unit.new_line)
        if broke and any(c.search(norm, unit.start, unit.end) for c in told):
            telling = True
    return restarts >= 1


def _one_topic(
    draft: Draft,
    rules: RuleSet,
    tagged: list[tuple[Segment, set[str]]],
    groups: list[set[str]],
) -> bool:
    """Whether every group has an item on the title's topic (``_on_topic``).

    One group may be off it when three in four of the items are on it (a brand
    registration among the measures for 跨境电商, round 12).
    """
    pairs = _topic_pairs(draft, rules)
    if not pairs:
        return False
    off = 0
    for group in groups:
        items = [_sentence(draft, item) for item, domains in tagged if domains <= group]
        if not any(_on_topic(draft, rules, i, pairs) for i in items):
            off += 1
    if off == 0:
        return True
    on = sum(_on_topic(draft, rules, _sentence(draft, item), pairs) for item, _ in tagged)
    return off == 1 and on >= 0.75 * len(tagged)


def _on_topic(draft: Draft, rules: RuleSet, item: Segment, pairs: set[str]) -> bool:
    """Whether an item serves the title's topic.

    It repeats a word pair of the topic, points back (该路段), or, under a title
    against something (整治……聚赌), offers pastimes (文体活动) or enforces
    (依法查处、专项检查: one campaign of several departments, round 11).
    """
    p = rules.patterns
    text = draft.norm[item.start : item.end]
    if any(pair in text for pair in pairs) or p["back_reference"].search(text):
        return True
    title = draft.title
    against = title is not None and p["against"].search(draft.norm, title.start, title.end)
    return bool(against and (p["pastime"].search(text) or p["enforcement"].search(text)))


def _sentence(draft: Draft, clause: Segment) -> Segment:
    """The suggestion sentence a clause was cut from (``_clauses``).

    A co-handler's clause (……列入采购目录，市教育局在中小学食堂优先选用) takes up the
    topic its sentence names (round 7).
    """
    return next(
        (Segment(u.start, u.end) for u in draft.units if u.start <= clause.start < u.end), clause
    )


def _package(draft: Draft, rules: RuleSet) -> bool:
    """Whether the title names one thing with its supporting services (……及生活配套建设)."""
    title = draft.title
    return title is not None and bool(
        rules.patterns["title_package"].search(draft.norm, title.start, title.end)
    )


def _topic_pairs(draft: Draft, rules: RuleSet) -> set[str]:
    """The character pairs of the title's topic (关于 and the verb or problem word left out)."""
    if draft.title is None:
        return set()
    norm, title = draft.norm, draft.title
    start = title.start + (2 if norm.startswith("关于", title.start) else 0)
    end = norm.rfind("的", start, title.end)
    core = norm[start : end if end > start else title.end]
    core = rules.patterns["title_clause"].sub("", core)  # the verb or problem word
    pairs = {core[i : i + 2] for i in range(len(core) - 1)}
    pairs = {pair for pair in pairs if all("\u4e00" <= c <= "\u9fff" for c in pair)}
    # The one-character product of an industry (茶产业, 菜产业) is its topic too (round 12):
    # 茶园、制茶、茶企 all serve 茶产业.
    words = tokens(norm).within(start, end)
    pairs |= {
        w.word
        for w, after in itertools.pairwise(words)
        if len(w.word) == 1 and w.tag == "n" and after.word in ("产业", "行业")
    }
    return {pair for pair in pairs if not _PLACE_PAIR.fullmatch(pair)}  # 我市 is no topic


def _unit_groups(
    draft: Draft, index: DomainIndex
) -> tuple[list[tuple[Segment, set[str]]], list[set[str]]]:
    """Suggestion sentences that name a handling unit, and their unrelated groups.

    Sentences whose units and words share a domain fall in one group: several
    departments serving one topic are one matter.
    """
    tagged = []
    for unit in draft.units:
        if "suggestions" not in unit.tags:
            continue
        for item in _clauses(draft.norm, Segment(unit.start, unit.end), index):
            units = index.unit_domains(item)
            if units:
                tagged.append((item, units | index.domains(item)))
    groups: list[set[str]] = []
    for _, domains in tagged:
        joined = [g for g in groups if g & domains]
        merged = set(domains).union(*joined)
        groups = [g for g in groups if not g & domains] + [merged]
    return tagged, groups


def _clauses(norm: str, sentence: Segment, index: DomainIndex) -> list[Segment]:
    """``sentence`` cut before each clause that opens with a unit of its own and its task.

    One sentence may hand out several matters (建议市商务局新建菜市场，市教育局新增一所
    小学，市城管局安装路灯, round 7); a clause that only names co-handlers (市民政局、
    市文旅局配合) stays with the clause before it.
    """
    cuts = [sentence.start]
    for start, end, _, _ in index.units:
        if not sentence.start < start < sentence.end:
            continue
        opening = _CLAUSE_OPENING.search(norm, cuts[-1], start)
        if opening is None or opening.end() != start:
            continue
        if _CO_HANDLING.match(norm, end, sentence.end):
            continue
        cuts.append(start)
    ends = [*cuts[1:], sentence.end]
    return [Segment(a, b) for a, b in zip(cuts, ends, strict=True)]


def _in_items(draft: Draft, rules: RuleSet, index: DomainIndex) -> list[Finding]:
    title_domains = index.domains(draft.title) if draft.title else set()
    main = title_domains or index.busiest()
    if not main:
        return []
    context = set(title_domains)
    for unit in draft.units:
        if "suggestions" not in unit.tags:
            context |= index.domains(Segment(unit.start, unit.end))
    norm = draft.norm
    tagged = [
        (item, index.domains(item))
        for item in draft.items
        if not _FALLBACK.match(norm, strip_enumerator(norm, item.start, item.end))
    ]
    tagged = [(item, domains) for item, domains in tagged if domains]
    least = rules.number("multiple", "min_stray_words")
    off = [
        (item, domains)
        for item, domains in tagged
        if not domains & main and max(len(index.words(n, item)) for n in domains) >= least
    ]
    stray = [(item, domains) for item, domains in off if not domains & context]
    spread = len(off) >= rules.number("multiple", "min_off_items") and len(off) / len(
        tagged
    ) >= rules.number("multiple", "min_off_share")
    if not (stray or spread):
        return []
    item, domains = (stray or off)[0]
    names = "、".join(sorted(domains))
    text = (
        f"这件提案主要谈“{'、'.join(sorted(main))}”，但有建议涉及“{names}”等另外的事项"
        f"（{len(off)}条建议与主题领域不同）。"
    )
    # Words of another field alone (合作社 in a tourism proposal) often serve the one
    # topic; it is another matter only when an item hands it to a unit of another
    # field as well (市教育局 in a proposal on hospitals), and only when that field
    # appears nowhere before the suggestions (a field the situation discusses is
    # part of the matter told). An item that takes up the title's topic (留守儿童 in
    # 市教育局为留守儿童配备心理老师, under a title on 留守儿童) serves that one
    # matter, whatever its field.
    pairs = _topic_pairs(draft, rules)
    # Without a title the main field is only the busiest one, a guess (round 13).
    sure = bool(title_domains) and any(
        index.unit_domains(i) - main and not _on_topic(draft, rules, i, pairs) for i, _ in stray
    )
    return [rules.finding("multiple_matters", text, item, *sorted(domains), sure=sure)]


_TITLE_QUOTE = re.compile(r"[“\"「『][^”\"」』]{1,20}[”\"」』]")


def _in_title(draft: Draft, rules: RuleSet, index: DomainIndex) -> Finding | None:
    if draft.title is None:
        return None
    norm, title = draft.norm, draft.title
    start = title.start + (2 if norm.startswith("关于", title.start) else 0)
    end = norm.rfind("的", start, title.end)
    end = end if end > start else title.end
    # A list inside quotes (职工“住、行、吃、娃”问题) is one matter's parts (round 13).
    quoted = [m.span() for m in _TITLE_QUOTE.finditer(norm, start, end)]
    cuts = [
        (m.start(), m.end())
        for m in rules.patterns["multiple_title_joiners"].finditer(norm, start, end)
        if not any(a < m.start() < b for a, b in quoted)
        and not _objects_joined(norm, rules, start, m.start(), m.end(), end)
    ]
    bounds = [start, *(b for _, b in cuts)]
    stops = [*(a for a, _ in cuts), end]
    segments = [Segment(a, b) for a, b in zip(bounds, stops, strict=True) if b - a >= 2]
    domains = [index.domains(segment) for segment in segments]
    clause = rules.patterns["title_clause"]
    # A later clause that gives the first one's aim (……美食街区、促进文旅消费) is no
    # matter of its own (round 12).
    whole = [
        k
        for k, s in enumerate(segments)
        if s.end - s.start >= 4
        and clause.search(norm[s.start : s.end])
        and not (k and _AIM.match(norm, s.start, s.end))
    ]
    pair = _unrelated(norm, segments, domains, whole)
    if pair is not None:
        j, k = pair
        # Two fields the lexicon knows are two matters; a clause of no known field
        # (规范直播带货) may well be the same matter in other words.
        known = bool(domains[j] and domains[k])
        return _title_finding(draft, rules, index, segments[j], segments[k], known=known)
    # Two parts of no directive or problem form (移风易俗和农村公路养护) that share no
    # word and no field, told one by one with facts and a request each: two matters
    # (round 12).
    parts = [k for k, s in enumerate(segments) if s.end - s.start >= 4]
    pair = _unrelated(norm, segments, domains, parts)
    if pair is not None and _alternates(draft, rules):
        told = [draft.text[segments[i].start : segments[i].end] for i in pair]
        text = (
            f"标题把几件不同的事放在一起（“{'”“'.join(told)}”），正文也一件一件分别写了情况和建议。"
        )
        return rules.finding("multiple_matters", text, draft.title, *told)
    listed = set().union(*domains) if domains else set()
    enumerates = re.search(r"等|几点|若干|多个|几个|多项", norm[title.start : title.end])
    listed_three = enumerates and len([d for d in domains if d]) >= 3 and len(listed) >= 3
    if listed_three or _disjoint_fields(domains) >= 3:
        return _title_finding(draft, rules, index, *segments)
    return _several_in_title(draft, rules, index)


def _disjoint_fields(domains: list[set[str]]) -> int:
    """How many title parts each name a field no other part names (0 if a part names none)."""
    if not domains or not all(domains):
        return 0
    counts = Counter(d for ds in domains for d in ds)
    return sum(1 for ds in domains if any(counts[d] == 1 for d in ds))


_NOUN_JOINER = frozenset({"和", "与", "及", "以及"})


def _objects_joined(norm: str, rules: RuleSet, start: int, at: int, after: int, end: int) -> bool:
    """Whether the joiner at ``at`` joins two objects of the title's one verb.

    稳定山区村小和教学点教师队伍: 和 joins 村小 and 教学点 under 稳定, one matter
    (round 14). Only 和、与、及 between a title that opens with a verb or an adjective
    and a part that opens with a noun and is no directive of its own (规范网约车管理).
    """
    if norm[at:after] not in _NOUN_JOINER:
        return False
    if rules.patterns["title_clause"].match(norm[after:end]):
        return False
    words = tokens(norm)
    head = words.within(start, at)
    tail = words.within(after, end)
    if not head or not tail or head[0].start != start or tail[0].start != after:
        return False
    return head[0].tag in ("v", "a", "ad") and tail[0].tag[0] == "n" and tail[0].tag != "nr"


def _unrelated(
    norm: str, segments: list[Segment], domains: list[set[str]], among: list[int]
) -> tuple[int, int] | None:
    """The first two of the title's parts ``among`` that share no word and no field."""
    for x, k in enumerate(among):
        for j in among[:x]:
            shared = _bigrams(norm, segments[j]) & _bigrams(norm, segments[k])
            shared |= _one_noun_in(norm, segments[j], segments[k])
            shared |= _one_noun_in(norm, segments[k], segments[j])
            if not shared and not domains[j] & domains[k]:
                return j, k
    return None


def _several_in_title(draft: Draft, rules: RuleSet, index: DomainIndex) -> Finding | None:
    """A title that announces several matters (几件实事、若干问题) over items of unrelated fields.

    Two signals, each of which alone is unsure: the title's own words and the
    items' unrelated fields (two groups or more) make it sure (round 5; three
    groups were asked before). 几点建议 (several suggestions on one matter) is not
    such a title.
    """
    assert draft.title is not None
    title = draft.norm[draft.title.start : draft.title.end]
    if not _SEVERAL.search(title) or index.domains(draft.title):
        return None  # 农村养老的几个问题: several problems of one matter
    groups: list[set[str]] = []
    for item in draft.items:
        found = index.domains(item)
        if not found:
            continue
        joined = [g for g in groups if g & found]
        groups = [g for g in groups if not g & found] + [set(found).union(*joined)]
    if len(groups) < 2:
        return None
    names = "、".join("/".join(sorted(g)) for g in groups)
    text = f"标题说要谈几件事，建议也分属不同的领域（{names}）。"
    return rules.finding("multiple_matters", text, draft.title, names)


def _one_noun_in(norm: str, part: Segment, other: Segment) -> set[str]:
    """The one-character nouns of ``part`` that are in a noun of ``other``.

    茶 of 提升茶产业效益 is the goods of 打造“云岫茶”公用品牌: one matter (round 13).
    """
    words = tokens(norm)
    ones = {t.word for t in words.within(part.start, part.end) if t.tag == "n" and len(t.word) == 1}
    if not ones:
        return set()
    nouns = [t.word for t in words.within(other.start, other.end) if t.tag[0] == "n"]
    return {c for c in ones if any(c in word for word in nouns)}


def _bigrams(norm: str, segment: Segment) -> set[str]:
    text = norm[segment.start : segment.end]
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _title_finding(
    draft: Draft, rules: RuleSet, index: DomainIndex, *segments: Segment, known: bool = True
) -> Finding:
    """The title joins several matters; sure when the suggestions agree.

    The title alone is sure only when its parts fall in fields the lexicon knows
    (``known``) and the suggestions do not all go to one field's units (or name no
    unit at all); suggestions that go to units of unrelated fields are sure on
    their own. Otherwise a hint.
    """
    assert draft.title is not None
    parts = [draft.text[s.start : s.end] for s in segments]
    text = f"标题把几件不同的事放在一起（“{'”“'.join(parts)}”）。"
    _, groups = _unit_groups(draft, index)
    sure = len(groups) >= 2 or (known and not groups)
    return rules.finding("multiple_matters", text, draft.title, *parts, sure=sure)
