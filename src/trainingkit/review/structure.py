"""Structure checks: title, 情况/分析/建议, vague suggestions, length (and several matters,
from :mod:`.matters`)."""

from __future__ import annotations

import re
from itertools import islice

from trainingkit.review.config import RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.matters import check_matters
from trainingkit.review.parse import (
    ARTICLES,
    Draft,
    Unit,
    has_concrete,
    has_specific_figure,
    opens_request,
)
from trainingkit.review.text import Segment, sentences, strip_enumerator
from trainingkit.review.words import PLACE_TAGS, tokens

__all__ = ["check_structure"]

_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")
# A first line with these is a sentence of the body rather than a title.
_SENTENCE_MARK = re.compile(r"[,，;；。]|[。.!?！？]$")
_STAGE = re.compile(
    r"(?:近期|中期|远期|短期|长期|第[一二三四五六]阶段|第[一二三四五六]步)\s*"
    r"(?:\([^)]{0,16}\))?\s*[:,]\s*"
)
# A paragraph that opens with when (近两年，我县……; 去年以来) tells what happened.
_NOW = re.compile(r"\s*(?:近(?:[一二两三四五几]|\d)?年(?:来|以来)?|去年|今年|近期|近来|目前|当前)")
_PART_NAMES = {"situation": "情况", "analysis": "分析", "suggestions": "建议"}


def check_structure(draft: Draft, rules: RuleSet) -> list[Finding]:
    """Return the structure findings for a parsed draft (only codes the rules enable)."""
    findings: list[Finding] = []
    missing = _missing(draft, rules)
    asks_nothing = any(f.code == "missing_suggestions" for f in missing)
    vague = [] if asks_nothing else _vague(draft, rules) or _exhorted_before(draft, rules)
    found = (
        _title(draft, rules),
        missing,
        vague,
        check_matters(draft, rules),
        _too_long(draft, rules),
    )
    for checked in found:
        findings.extend(f for f in checked if f.code in rules.codes)
    return findings


def _title(draft: Draft, rules: RuleSet) -> list[Finding]:
    if "title_format" not in rules.codes:
        return []
    if draft.title is None:
        at = Segment(draft.body_start, draft.body_start)
        return [rules.finding("title_format", "没有找到标题（第一行应是一句话的标题）。", at)]
    raw = draft.norm[draft.title.start : draft.title.end]
    title = raw.strip().rstrip("。.!?;:, ")
    if rules.patterns["title_format"].fullmatch(title):
        return []
    shown = draft.text[draft.title.start : draft.title.end].strip()
    text = f"标题“{shown}”不是“关于……的建议”的形式。"
    # A form close to 关于……的建议 (关于……的提案, ……的意见) is worth a check, no
    # more: writers label it either way (`[patterns] title_near`). Any other form is
    # sure, and so is a first line that is a sentence of the body (a comma, a 。, a
    # request 建议加快……, a question 如何……) or a bare word (提案).
    sentence = _SENTENCE_MARK.search(raw.strip()) or rules.patterns["title_sentence"].match(title)
    sure = bool(sentence) or not rules.patterns["title_near"].fullmatch(title)
    return [rules.finding("title_format", text, draft.title, shown, sure=sure)]


def _missing(draft: Draft, rules: RuleSet) -> list[Finding]:
    findings = []
    empty = not draft.text.strip()
    end = len(draft.text.rstrip())
    for section in ("situation", "analysis", "suggestions"):
        code = f"missing_{section}"
        part = draft.part(section)
        has_items = section != "suggestions" or (draft.items and not _only_pleas(draft, rules))
        if part is not None and has_items:
            if section == "situation" and not empty:
                findings.extend(_situation_without_facts(draft, rules))
            continue
        name = _PART_NAMES[section]
        if empty:
            text = f"文稿是空的，没有{name}部分。"
        else:
            text = f"没有找到{name}部分（可用“{name}”小标题或相应的提示语写出）。"
        at = draft.body_start if section != "suggestions" else end
        proposes = section == "suggestions" and not empty and _may_propose(draft, rules)
        # Where vague suggestions are no code (社情民意), an exhortation stays no suggestion.
        vague_known = "vague_suggestions" in rules.codes
        if section == "suggestions" and not empty and vague_known and not proposes:
            exhorted = _exhortation(draft, rules)
            if exhorted:
                findings.append(_exhorted(rules, exhorted))
                continue
        if section == "analysis":
            sure = _surely_no_analysis(draft, rules)
        elif section == "situation":
            sure = empty or not _told_in_first(draft, rules)
        else:
            sure = not proposes
        findings.append(rules.finding(code, text, Segment(at, at), sure=sure))
    return findings


def _told_in_first(draft: Draft, rules: RuleSet) -> bool:
    """Whether the first paragraph tells facts the parser read as analysis.

    ……普遍使用网盘……，但保密意识跟不上 and ……警示案例显示，去年以来有多名工作人员……，
    暴露出隐患 tell what happened, though each has a word of causes (跟不上、暴露出):
    when it opens with when (近两年、去年) and tells an event (``cue_situation_event``),
    no situation found is unsure (round 13, u96; drafts that open with their causes
    quote figures and sources too).
    """
    p, norm = rules.patterns, draft.norm
    first = [u for u in draft.units if u.start >= draft.body_start]
    paragraph: list[Unit] = []
    for unit in first:
        if paragraph and unit.new_line:
            break
        paragraph.append(unit)
    if not paragraph or any("suggestions" in u.tags for u in paragraph):
        return False
    if not _NOW.match(norm, paragraph[0].start, paragraph[0].end):
        return False
    return any(p["cue_situation_event"].search(norm, u.start, u.end) for u in paragraph)


def _exhorted_before(draft: Draft, rules: RuleSet) -> list[Finding]:
    """Suggestions of nothing concrete after an ending that exhorts with slogans.

    ……政府要高度重视起来，要加强管理……多措并举，齐抓共管 and then only 希望镇上早点把这个
    事解决好: what the draft asks is the exhortation, vaguely (round 13, u108).
    """
    if not draft.items or len(draft.items) > 2 or _may_propose(draft, rules):
        return []
    if any(has_concrete(draft.norm, rules, _content(draft, i), i.end) for i in draft.items):
        return []
    exhorted = _exhortation(draft, rules)
    return [_exhorted(rules, exhorted)] if exhorted else []


def _exhortation(draft: Draft, rules: RuleSet) -> list[tuple[Segment, list[str]]]:
    """The sentences of the last two paragraphs that exhort with slogans.

    A draft with no suggestion found may still end by exhorting (学校要高度重视……，形成
    ……的浓厚氛围; 如果全社会都能形成……的共识; 何不……？唯有持之以恒……): a sentence with
    a word of exhortation (``patterns.exhort``) and a slogan of a measure, told as no
    past and no plea; not when the ending may propose in words the cues miss
    (``_may_propose``: 能不能请市教育局……, u98). Writers call such an ending vague,
    not missing (round 13: of the development drafts blocked as asking nothing, 4
    were labelled so).
    """
    p, norm = rules.patterns, draft.norm
    starts = _paragraph_starts(draft)
    if not starts:
        return []
    found = []
    for sentence in sentences(norm, _last_two(starts), len(norm)):
        bounds = sentence.start, sentence.end
        if not p["exhort"].search(norm, *bounds) or p["plan_past"].search(norm, *bounds):
            continue
        if _pleads(norm, rules, sentence) or p["scholars"].search(norm, *bounds):
            continue
        words = [
            m.group()
            for m in p["vague_slogan"].finditer(norm, *bounds)
            if not p["vague_attitude"].fullmatch(m.group())
        ]
        if words:
            found.append((sentence, words))
    return found


def _pleads(norm: str, rules: RuleSet, sentence: Segment) -> bool:
    """Whether the sentence pleads, not exhorts: 恳请……高度重视, but not 学校要高度重视."""
    return any(
        not _EXHORTED.search(norm[max(sentence.start, m.start() - 3) : m.start()])
        for m in rules.patterns["cue_plea"].finditer(norm, sentence.start, sentence.end)
    )


_EXHORTED = re.compile(r"(?:要|应当|应该|必须)$")


def _exhorted(rules: RuleSet, exhorted: list[tuple[Segment, list[str]]]) -> Finding:
    words = list(dict.fromkeys(w for _, ws in exhorted for w in ws))
    shown = "、".join(words[:6])
    text = f"结尾只是“{shown}”一类的号召，没有写明由谁做、做什么或做到什么程度。"
    span = Segment(exhorted[0][0].start, exhorted[-1][0].end)
    return rules.finding("vague_suggestions", text, span, *words)


def _may_propose(draft: Draft, rules: RuleSet) -> bool:
    """Whether a draft in which no suggestions were found may still propose something.

    Members write their proposals in more ways than the cues know (何不由……、当务之急是
    ……、应尽快……、区商务局是不是可以牵头……). A sentence of the last two paragraphs
    that looks ahead (``forward``) and names a public body or a deadline
    (``forward_concrete``), told as no past (``plan_past``), may be one: then
    missing_suggestions is unsure, a hint (round 12: at first sight on blind batches
    u66-u69, 8 of the 14 false findings were missing_suggestions blocks).
    """
    p, norm = rules.patterns, draft.norm
    starts = _paragraph_starts(draft)
    if not starts:
        return False
    # A public body asked anywhere after the first paragraph (区商务局能不能……？能否由
    # 县交通局……), round 13: suggestions told as questions, one matter at a time.
    if len(starts) > 1 and p["asks_body"].search(norm, starts[1], len(norm)):
        return True
    for sentence in sentences(norm, _last_two(starts), len(norm)):
        ahead = p["forward"].search(norm, sentence.start, sentence.end)
        if not ahead:
            continue
        if _REPORTED.search(norm, sentence.start, ahead.start()):
            continue  # 区里说这条路……应该企业自己修: what another party said (round 14)
        if p["plan_past"].search(norm, sentence.start, sentence.end):
            continue
        if p["cue_plea"].search(norm, sentence.start, sentence.end):
            continue
        if p["forward_concrete"].search(norm, sentence.start, sentence.end):
            return True
    return False


_REPORTED = re.compile(r"(?<!我)(?<!我们)(?:说|称|表示|认为)")


def _paragraph_starts(draft: Draft) -> list[int]:
    """Where each paragraph of the body starts."""
    return [u.start for u in draft.units if u.new_line]


def _last_two(starts: list[int]) -> int:
    """Where the last two paragraphs start (the last one, if there is only one)."""
    return starts[-2] if len(starts) > 1 else starts[-1]


def _only_pleas(draft: Draft, rules: RuleSet) -> bool:
    """Whether the suggestion items only ask for attention (round 10).

    建议有关部门对……予以关注，给予足够重视 or 恳请有关方面重视起来，给老百姓一个说法
    names nothing concrete to do: the draft asks for nothing, as a plea does. Items
    around the plea that only talk (……是长远之计) ask nothing either; an item with
    a slogan, even beside the plea, is a vague suggestion, and one that opens with a directive
    (推行错峰上下学) may be a measure in words the lexicon does not know.
    """
    p, norm = rules.patterns, draft.norm
    pleas = 0
    for item in draft.items:
        start = _content(draft, item)
        if has_concrete(norm, rules, start, _asked_end(draft, item)):
            return False
        asked = [m.span() for m in p["cue_plea"].finditer(norm, item.start, item.end)]
        if asked:
            if "vague_suggestions" in rules.codes and _slogan_beside(norm, rules, item, asked):
                return False
            pleas += 1
            continue
        if p["vague_slogan"].search(norm, item.start, item.end):
            return False
        if p["directive_start"].match(norm, start, item.end):
            return False
    return pleas > 0


def _slogan_beside(norm: str, rules: RuleSet, item: Segment, pleas: list[tuple[int, int]]) -> bool:
    """Whether an item with a plea also has a slogan of a measure, outside the plea.

    建议有关部门高度重视……，加大监管力度，加强宣传教育 asks for measures, vaguely:
    a vague suggestion, not a missing one. Slogans of attitude (认真、切实,
    ``vague.attitude``) ask nothing more than the plea (round 13, u82 and u86).
    """
    attitude = rules.patterns["vague_attitude"]
    return any(
        not attitude.fullmatch(m.group()) and not any(a <= m.start() < b for a, b in pleas)
        for m in rules.patterns["vague_slogan"].finditer(norm, item.start, item.end)
    )


def _surely_no_analysis(draft: Draft, rules: RuleSet) -> bool:
    """Whether a draft in which no analysis was found surely has none (a warning)."""
    least = rules.number("analysis", "unsure_min_chars")
    # Analysis in plain prose (……没有预留停靠区；……执行不一) has no cue word the
    # lexicons know; a later paragraph before the suggestions may be it.
    # Round 4: on every blind batch most missing_analysis warnings were wrong
    # (precision 0.21–0.50 at first sight); a warning was left only where there
    # is no paragraph at all between the situation and the suggestions.
    # Round 5: even then it was right only 21 times in 50 on the blind batches at
    # first sight (u4-u16), so a warning is left only where nothing before the
    # suggestions could analyse (at most one sentence), in a scholarly draft too
    # (no blind writer labelled one of their 14 scholarly drafts so).
    # Round 7: one paragraph of facts with under ``analysis.unsure_min_chars``
    # characters of prose besides has no room for an analysis either (of the 33
    # development drafts it was a hint for, 10 were so; of the 78 with an
    # analysis the review missed, 1).
    unsure = (
        _paragraphs_before(draft) > 1
        or _later_paragraph(draft, rules)
        or (_sentences_before(draft) > 1 and _prose_before(draft, rules) >= least)
    )
    # Round 7: general talk only before the suggestions (……是……的重要标志、具有十分
    # 重要的意义) analyses nothing either, however long it is.
    # Round 8: unless it names shortcomings (还有差距、有待提升): a thin analysis.
    before = [u for u in draft.units if "suggestions" not in u.tags]
    diagnosis = rules.patterns["cue_diagnosis"]
    talk = (
        bool(before)
        and _general_talk_only(draft, before, rules)
        and not any(diagnosis.search(draft.norm, u.start, u.end) for u in before)
    )
    return not unsure or talk


def _situation_without_facts(draft: Draft, rules: RuleSet) -> list[Finding]:
    """A situation part that states no fact: no time, place, figure or source.

    ``物业费这个事，大家心里都有数`` or a general truth (……是农村经济的重要组成部分)
    is no 情况. One such sentence alone is sure; several are unsure (a hint), since
    a situation can be told in words no cue lists. Where the code blocks (社情民意),
    a missing cue is never enough to block: a hint.
    """
    p = rules.patterns
    cues = (p["cue_situation"], p["cue_situation_strong"])
    told = [u for u in draft.units if "situation" in u.tags]
    text = "情况部分没有写出具体的事实（时间、地点、数量或来源）。"
    spec = rules.codes.get("missing_situation")
    blocks = spec is not None and spec.severity == "blocking"
    if _general_talk_only(draft, told, rules):
        span = Segment(told[0].start, told[-1].end)
        return [rules.finding("missing_situation", text, span, sure=not blocks)]
    for unit in told:
        if any(cue.search(draft.norm, unit.start, unit.end) for cue in cues):
            return []
        # A figure of speech (一个、多年、几个) counts nothing (round 10).
        if has_specific_figure(draft.norm, rules, unit.start, unit.end):
            return []
    # The segmenter only when no cue was found (it costs more than the patterns).
    words = tokens(draft.norm)
    if any(words.tagged(PLACE_TAGS, u.start, u.end) for u in told):
        return []
    span = Segment(told[0].start, told[-1].end)
    sure = len(told) <= 1 and not blocks
    return [rules.finding("missing_situation", text, span, sure=sure)]


def _general_talk_only(draft: Draft, told: list[Unit], rules: RuleSet) -> bool:
    """A situation of general talk (``patterns.general_talk``) with no fact.

    No fact: no event or source (``cue_situation_event``), no strong figure
    (``cue_situation_strong``) and no figure in words but a figure of speech
    (一个、多年). 当前、我市 only say when and where the talk is (round 7).
    """
    p, norm = rules.patterns, draft.norm
    if not any(p["general_talk"].search(norm, u.start, u.end) for u in told):
        return False
    for unit in told:
        if p["cue_situation_event"].search(norm, unit.start, unit.end):
            return False
        if p["cue_situation_strong"].search(norm, unit.start, unit.end):
            return False
        if has_specific_figure(norm, rules, unit.start, unit.end):
            return False
    return True


def _sentences_before(draft: Draft) -> int:
    """How many sentences the body has before the suggestions."""
    return sum(1 for u in draft.units if "suggestions" not in u.tags)


def _paragraphs_before(draft: Draft) -> int:
    """How many paragraphs the text before the suggestions has."""
    count = 0
    for index, unit in enumerate(draft.units):
        if "suggestions" in unit.tags:
            break
        count += unit.new_line or index == 0
    return count


def _later_paragraph(draft: Draft, rules: RuleSet) -> bool:
    """Whether a paragraph after the first, before the suggestions, may analyse.

    Such a paragraph has at least ``analysis.unsure_min_chars`` characters that
    are not figures (a sentence with 据统计 or numbers is situation). Writers put
    their analysis there in words no lexicon lists (企业负责人认为执法部门存在选择性
    执法), so no cue word is asked for: with no analysis found, the review cannot
    be sure there is none. So also when the text before the suggestions has, all
    paragraphs together, ``analysis.unsure_prose_chars`` characters of such prose.
    """
    least = rules.number("analysis", "unsure_min_chars")
    paragraphs = _prose_paragraphs(draft, rules)
    if any(_chars(paragraph) >= least for paragraph in paragraphs[1:]):
        return True
    # One paragraph of facts with several sentences of comment besides (no figures):
    # the comment may be the analysis, in words no lexicon lists.
    return _prose_before(draft, rules) >= rules.number("analysis", "unsure_prose_chars")


def _prose_before(draft: Draft, rules: RuleSet) -> int:
    """Characters of the sentences without figures before the suggestions."""
    return sum(_chars(paragraph) for paragraph in _prose_paragraphs(draft, rules))


def _prose_paragraphs(draft: Draft, rules: RuleSet) -> list[list[Segment]]:
    """The paragraphs before the suggestions, each only its sentences without figures."""
    figures = (rules.patterns["cue_situation_strong"], rules.patterns["figure_words"])
    paragraphs: list[list[Segment]] = []
    for unit in draft.units:
        if "suggestions" in unit.tags:
            break
        if unit.new_line or not paragraphs:
            paragraphs.append([])
        sentence = Segment(unit.start, unit.end)
        if not _figured(draft, sentence, figures):
            paragraphs[-1].append(sentence)
    return paragraphs


def _chars(sentences: list[Segment]) -> int:
    return sum(s.end - s.start for s in sentences)


def _figured(draft: Draft, sentence: Segment, figures: tuple[re.Pattern[str], ...]) -> bool:
    """Whether a sentence states figures (据统计, 38%, 百分之三十八, 三十一所)."""
    return any(p.search(draft.norm, sentence.start, sentence.end) for p in figures)


def _vague(draft: Draft, rules: RuleSet) -> list[Finding]:
    """Most suggestion items are slogans: no concrete marker, and slogan words."""
    part = draft.part("suggestions")
    if not draft.items or part is None:
        return []
    items = [i for i in draft.items if i.end - i.start >= rules.number("vague", "min_chars")]
    items = items or list(draft.items)
    # Suggestions addressed to scholars (学界应当……、希望学界……展开讨论) are the academic
    # code's matter, not vague suggestions to a public body (round 12).
    scholars = rules.patterns["scholars"]
    if any(scholars.search(draft.norm, i.start, i.end) for i in items):
        return []
    slogan = rules.patterns["vague_slogan"]
    topic = _topic_things(draft, rules)
    empty: list[Segment] = []
    plain = 0  # items with neither a concrete marker nor a slogan word
    words: list[str] = []
    for item in items:
        spans = list(slogan.finditer(draft.norm, item.start, item.end))
        start, end = _asked_start(draft, rules, item), _asked_end(draft, item)
        measured = has_concrete(draft.norm, rules, start, end, spans, topic)
        if measured and not _only_actor(draft, rules, item):
            continue
        found = [m.group() for m in spans]
        if found:
            empty.append(item)
            words += found
        else:
            plain += 1
    concrete = len(items) - len(empty) - plain
    if not words:
        # Round 12: slogans in words no lexicon lists (服务要跟着人走、多往前想一步、让好处
        # 实实在在落到每个人身上) leave items with nothing concrete either: two or more
        # such items and no other are vague, whatever their words.
        if concrete or len(items) < 2:
            return []
        text = (
            f"建议部分共{len(items)}条，都没有写明由谁做、做什么或做到什么程度"
            "（没有责任单位、具体措施、数量或时限）。"
        )
        return [rules.finding("vague_suggestions", text, part)]
    # Sure only when every item is a slogan and there are at least two slogans (two
    # items, or two distinct slogan words); a mix of slogans and measures the
    # lexicon may not know, or a single request with one slogan word (希望有关部门
    # 予以协调，认定……), is worth a second look, not a 不予立案 (round 4).
    if (concrete + plain) / len(items) >= rules.number("vague", "min_concrete_share"):
        # Round 7: the plain items name no one and nothing concrete either (各级各部门
        # 要站位全局……): with no concrete item and two distinct slogan words, the
        # slogans are all there is; sure when at least half the items have slogans
        # (the others may be measures in words the lexicon does not know).
        if concrete or len(set(words)) < 2:
            return []
        sure, empty_count = len(empty) >= plain, len(items)
    else:
        # Round 10: a plain item among slogans makes it no less sure (it did, so that
        # one more slogan word found could turn a 不予立案 into a warning); a measure
        # the lexicon knows does.
        sure = concrete == 0 and (len(empty) >= 2 or len(set(words)) >= 2)
        empty_count = len(empty)
    shown = "、".join(list(dict.fromkeys(words))[:6])
    text = (
        f"建议部分共{len(items)}条，其中{empty_count}条只是“{shown}”一类的表态，"
        "没有写明由谁做、做什么或做到什么程度。"
    )
    return [rules.finding("vague_suggestions", text, part, *dict.fromkeys(words), sure=sure)]


def _only_actor(draft: Draft, rules: RuleSet, item: Segment) -> bool:
    """Whether the item's only concrete words name who acts (县民政局要高度重视……).

    A body named with two or more empty phrases alone (``vague.empty``: 要高度重视、
    切实担起责任、形成工作合力) does nothing concrete (round 8).
    """
    norm = draft.norm
    empty = {m.group() for m in rules.patterns["vague_empty"].finditer(norm, item.start, item.end)}
    if len(empty) < 2:
        return False
    found = rules.patterns["vague_concrete"].finditer(
        norm, _content(draft, item), _asked_end(draft, item)
    )
    marks = [m.group() for m in found if m.group() not in ARTICLES]
    return bool(marks) and all(_BODY_END.search(m) for m in marks)


def _topic_things(draft: Draft, rules: RuleSet) -> frozenset[str]:
    """The concrete words of the title that name a thing, not a body or a figure (食堂)."""
    if draft.title is None:
        return frozenset()
    found = rules.patterns["vague_concrete"].finditer(
        draft.norm, draft.title.start, draft.title.end
    )
    return frozenset(
        m.group()
        for m in found
        if not _DIGITS.search(m.group()) and not _BODY_END.search(m.group())
    )


_DIGITS = re.compile(r"[\d一二三四五六七八九十两百千万]")


def _asked_start(draft: Draft, rules: RuleSet, item: Segment) -> int:
    """Where what the item asks begins, past the facts and causes it opens with.

    A section that tells its facts and causes before its own 建议…… (二、义务教育方面。
    ……大班仍有40余个。主要是……。建议坚持教育优先发展……) asks only in that last part:
    the figures of its facts make no slogan concrete (round 14, u132).
    """
    start = _content(draft, item)
    parts = sentences(draft.norm, start, item.end)
    if len(parts) < 2 or rules.patterns["cue_request"].match(draft.norm, parts[0].start):
        return start
    later = (part.start for part in parts[1:] if opens_request(draft.norm, rules, part.start))
    return next(later, start)


def _asked_end(draft: Draft, item: Segment) -> int:
    """Where what the item asks ends and what it hopes for begins (……，让……、……，使……).

    What an item hopes for is no measure: ……，让更多的老人早日坐上电梯 (round 13, in
    ``_only_actor``), and a count in it (……，早日让这三个村的老百姓喝上放心水) neither
    makes a plea a suggestion nor a slogan concrete (round 14, u125).
    """
    aim = _AIM_CLAUSE.search(draft.norm, _content(draft, item), item.end)
    return aim.start() if aim else item.end


_AIM_CLAUSE = re.compile(r",(?:早日|尽早|尽快)?(?:让|使|确保|力争)")
_BODY_END = re.compile(r"(?:局|厅|委员会|委|办公室|部门|支队|大队|政府)$")


def _content(draft: Draft, item: Segment) -> int:
    """Offset of the item's text after its enumerator (一、 1. ① …) and stage label.

    A stage's name and years (近期（2025—2026年）：) say when, not what: only the
    text after them can make the item concrete (round 13, u93).
    """
    start = strip_enumerator(draft.norm, item.start, item.end)
    stage = _STAGE.match(draft.norm, start, item.end)
    return stage.end() if stage else start


def _too_long(draft: Draft, rules: RuleSet) -> list[Finding]:
    limit = rules.max_chars
    total = len(draft.text) - len(_SPACE.findall(draft.text))
    if total <= limit:
        return []
    over = next(islice(_NON_SPACE.finditer(draft.text), limit, None))
    text = f"全文约{total}字，超过{limit}字的上限。"
    return [rules.finding("too_long", text, Segment(over.start(), len(draft.text)))]
