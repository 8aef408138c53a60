"""Split a draft into title, situation (情况), analysis (分析) and suggestions (建议).

Works with or without headings. With headings (``一、基本情况`` ``二、存在的问题``
``三、对策建议`` …) each line belongs to the section its heading names. Without
them, cue phrases decide, sentence by sentence: the suggestions start at the first
sentence with a suggestion cue (``建议如下`` ``为此，建议`` ``建议：`` …) or, failing
that, at the first numbered line that starts with a directive verb; before that a
sentence with a causal cue (``原因`` ``由于`` ``导致`` …) is analysis, and any other
sentence is situation. All lexicons are in the rule file's ``[patterns]`` table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from trainingkit.review.config import RuleSet
from trainingkit.review.text import Segment, lines, normalise, sentences, strip_enumerator

__all__ = ["Draft", "Unit", "opens_request", "parse_draft"]

_SECTIONS = ("situation", "analysis", "suggestions")
#: An annex marker before a heading (附：具体想法) is not part of the heading.
_ANNEX = re.compile(r"附\s*:\s*")
# A heading told as speech: 先说建议、再说情况、最后说原因 (round 12).
_SPOKEN = re.compile(r"^(?:先|再|后|然后|最后|下面|接着)(?:说说?|谈谈?|讲讲?)")


@dataclass(frozen=True)
class Unit:
    """One sentence of the body with what the parser decided about it."""

    start: int
    end: int
    heading: str | None  # section named by the governing heading, if any
    new_line: bool  # first sentence of its line
    enumerated: bool  # starts with 一、 (一) 1. ① 一是 …
    tags: frozenset[str]  # subset of situation / analysis / suggestions


@dataclass(frozen=True)
class Draft:
    """A parsed draft: the original, its normalised copy and the parts found."""

    text: str
    norm: str
    title: Segment | None
    title_line: Segment | None
    body_start: int
    units: tuple[Unit, ...]
    items: tuple[Segment, ...]  # suggestion items
    # How often a 情况 heading follows a 建议 heading once facts and requests were told:
    # each such cycle tells another matter (一、……（一）情况……（三）建议 二、……（一）情况……,
    # round 12). Facts told after suggestions that came first (建议在前，依据在后) are none.
    told_over: int

    def part(self, section: str) -> Segment | None:
        """Return the span from the first to the last unit tagged ``section``."""
        tagged = [u for u in self.units if section in u.tags]
        return Segment(tagged[0].start, tagged[-1].end) if tagged else None


def parse_draft(text: str, rules: RuleSet) -> Draft:
    """Parse ``text`` with the lexicons of ``rules``."""
    norm = normalise(text)
    p = rules.patterns
    body = [seg for seg in lines(norm) if not p["meta_line"].match(norm, seg.start, seg.end)]
    title = title_line = None
    body = body[_after_cover_letter(norm, body, rules) :]
    if body and _looks_like_title(norm, body[0], rules):
        title_line = body.pop(0)
        prefix = p["title_prefix"].match(norm, title_line.start, title_line.end)
        start = prefix.end() if prefix else title_line.start
        title = Segment(start, title_line.end)
    body_start = body[0].start if body else (title_line.end if title_line else 0)
    raw, told_over = _units(norm, body, rules)
    units = _tag(norm, raw, rules)
    items = _items(norm, units, rules)
    return Draft(text, norm, title, title_line, body_start, tuple(units), tuple(items), told_over)


def _after_cover_letter(norm: str, body: list[Segment], rules: RuleSet) -> int:
    """Index of the title line after a cover letter (尊敬的……委员会：……题为……), else 0.

    Only when the first line is a salutation and a line of the title's shape follows
    within the next few lines (round 11).
    """
    p = rules.patterns
    if not body or not p["salutation"].fullmatch(norm, body[0].start, body[0].end):
        return 0
    for index, line in enumerate(body[1:4], start=1):
        if p["title_shape"].search(norm[line.start : line.end]):
            return index
    return 0


def _looks_like_title(norm: str, line: Segment, rules: RuleSet) -> bool:
    text = norm[line.start : line.end]
    if rules.patterns["title_prefix"].match(text) or rules.patterns["title_shape"].search(text):
        return True
    limit = int(rules.number("parse", "title_max_chars"))
    return len(text) <= limit and not text.endswith(("。", "!", ";", ":")) and "。" not in text


def _heading(norm: str, line: Segment, rules: RuleSet) -> tuple[str, int] | None:
    """Return (section, offset where the line's content starts) for a heading line."""
    start = strip_enumerator(norm, line.start, line.end)
    annex = _ANNEX.match(norm, start, line.end)
    start = annex.end() if annex else start
    cut = start
    # A label in brackets that opens a paragraph ((情况)滨江开发区……, round 12) is a
    # heading too.
    stops = ":。,;!?】])" if norm.startswith("(", start) else ":。,;!?】]"
    while cut < line.end and norm[cut] not in stops:
        cut += 1
    head = norm[start:cut].strip(" 【[(")
    head = _SPOKEN.sub("", head, count=1)  # 先说建议：、再说情况： (round 12)
    if not head or len(head) > rules.number("parse", "heading_max_chars"):
        return None
    for section in _SECTIONS:
        if rules.patterns[f"heading_{section}"].fullmatch(head):
            rest = cut + 1 if cut < line.end else cut
            return section, rest
    return None


def _units(norm: str, body: list[Segment], rules: RuleSet) -> tuple[list[Unit], int]:
    """The body's sentences with their governing section, and ``Draft.told_over``."""
    units: list[Unit] = []
    section: str | None = None
    told = asked = False  # a 情况 heading seen; a 建议 heading seen after it
    told_over = 0
    for line in body:
        start = line.start
        found = _heading(norm, line, rules)
        if found and found[0] == "suggestions":
            asked = told
        elif found and found[0] == "situation":
            told_over += asked
            told, asked = True, False
        restart = rules.patterns["heading_restart"].match(
            norm, strip_enumerator(norm, line.start, line.end)
        )
        if found and section == "suggestions" and found[0] != "suggestions" and not restart:
            found = None  # sub-headings inside the suggestions (（二）资金问题) stay there
        if found:
            section, start = found
        for i, sentence in enumerate(sentences(norm, start, line.end)):
            first = i == 0 and not found
            enumerated = strip_enumerator(norm, sentence.start, sentence.end) > sentence.start
            units.append(
                Unit(sentence.start, sentence.end, section, first, enumerated, frozenset())
            )
    return units, told_over


def _suggestion_start(norm: str, units: list[Unit], rules: RuleSet) -> int:
    """Index of the first suggestion unit, or ``len(units)`` when there is none."""
    if any(u.heading == "suggestions" for u in units):
        return next(i for i, u in enumerate(units) if u.heading == "suggestions")
    directive = rules.patterns["directive_start"]
    for i, unit in enumerate(units):
        if _suggestion_cue(norm, unit.start, unit.end, rules) or _request(norm, unit, rules):
            return _past_announcement(norm, units, i, rules)
    for i, unit in enumerate(units):
        content = strip_enumerator(norm, unit.start, unit.end)
        if i and unit.new_line and unit.enumerated and directive.match(norm, content, unit.end):
            return i
    modal, actor = rules.patterns["modal_start"], rules.patterns["actor_start"]
    past = rules.patterns["plan_past"]
    # A body of one paragraph (a draft written on a phone) has its measures inside
    # it: any sentence after the first may open them (round 10).
    one_paragraph = not any(u.new_line for u in units[1:])
    for i, unit in enumerate(units):
        content = strip_enumerator(norm, unit.start, unit.end)
        acts = actor.match(norm, content, unit.end) and not past.search(norm, unit.start, unit.end)
        opens = modal.match(norm, unit.start, unit.end) or acts
        if (i and (unit.new_line or one_paragraph) and opens) or (i == 0 and acts):
            return i
    return _planned_action(norm, units, rules)


def _past_announcement(norm: str, units: list[Unit], first: int, rules: RuleSet) -> int:
    """The first suggestion after an opening that only announces them, else ``first``.

    An opening paragraph that ends 提出以下建议。 over sections that each tell their
    facts and causes before their own 建议…… (一、关于……的问题) announces the
    suggestions; they start at the first section's own (round 10). Only when
    facts with figures and a cause come between.
    """
    if any(u.new_line for u in units[1 : first + 1]):
        return first  # not in the opening paragraph
    if not rules.patterns["announcement"].search(norm, units[first].start, units[first].end):
        return first
    p, facts, cause = rules.patterns, False, False
    for i in range(first + 1, len(units)):
        unit = units[i]
        if (
            facts
            and cause
            and (_suggestion_cue(norm, unit.start, unit.end, rules) or _request(norm, unit, rules))
        ):
            return i
        facts = facts or bool(p["cue_situation_strong"].search(norm, unit.start, unit.end))
        facts = facts or has_specific_figure(norm, rules, unit.start, unit.end)
        cause = cause or bool(p["cue_analysis"].search(norm, unit.start, unit.end))
    return first


#: A request to a public body inside a sentence: the 请 of 我想请县……局, 恳请市……委.
_INNER_REQUEST = re.compile(r"[想恳敬还烦特](?=请(?:[省市县区州乡镇]|街道|社区))")


def _planned_action(norm: str, units: list[Unit], rules: RuleSet) -> int:
    """Index of the first unit after the first paragraph that plans a body's action.

    A clause (at the start of the sentence, after a comma, colon or dash, or at the
    请 of a request inside it) opens with a public body and what it will do
    (``patterns.actor_clause``); from there on the sentence tells no past or present
    (``patterns.plan_past``), and it names something concrete: anywhere in it when
    the whole sentence tells no past, else after the clause's verb.
    """
    clause, past = rules.patterns["actor_clause"], rules.patterns["plan_past"]
    one_paragraph = not any(u.new_line for u in units[1:])
    later = False
    for i, unit in enumerate(units):
        # In a body of one paragraph, any sentence after the first (round 10).
        later = later or (i > 0 and (unit.new_line or one_paragraph))
        if not later:
            continue
        starts = [strip_enumerator(norm, unit.start, unit.end)]
        starts += [k + 1 for k in range(unit.start, unit.end) if norm[k] in ",:;—"]
        # A request to a body inside a sentence (……回来我想请县交通运输局……), round 11.
        starts += [m.start() + 1 for m in _INNER_REQUEST.finditer(norm, unit.start, unit.end)]
        # What the sentence plans may come before the body that pays for it
        # (今年秋季起，在……开设每周两节……，由县文旅局从……经费中支出), round 11;
        # what a sentence tells before a dash (……一直是汗——回来我想请县交通运输局……)
        # is no part of the plan.
        told = past.search(norm, unit.start, unit.end) is not None
        for start in starts:
            found = clause.match(norm, start, unit.end)
            if not found or (told and past.search(norm, start, unit.end)):
                continue
            if has_concrete(norm, rules, found.start("act") if told else unit.start, unit.end):
                return i
    return len(units)


def _suggestion_cue(norm: str, start: int, end: int, rules: RuleSet) -> re.Match[str] | None:
    """Return the suggestion cue that opens the sentence ``norm[start:end]``, if any."""
    content = strip_enumerator(norm, start, end)
    lead = rules.patterns["cue_suggestions_lead"].match(norm, content, end)
    return lead or rules.patterns["cue_suggestions_any"].search(norm, start, end)


#: Words the concrete pattern takes for a quantity that are only articles
#: (给老百姓一个安静的夜晚, 是一项系统工程).
ARTICLES = frozenset({"一个", "一项", "一份", "一片", "一种", "一些", "一点"})


def has_concrete(
    norm: str,
    rules: RuleSet,
    start: int,
    end: int,
    besides: Sequence[re.Match[str]] = (),
    topic: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``norm[start:end]`` names something concrete (a body, a figure, a deadline).

    一个、一项 … are articles there, not quantities (给老百姓一个安静的夜晚). Nothing
    inside one of the ``besides`` matches counts: a figure or a duty inside a slogan
    (一年接着一年干、以高度负责的态度) is part of it, not a measure (round 10). Nor does
    a word of the ``topic``, the thing the title is about (老年食堂 of 关于……农村老年食堂
    建设的建议): naming it again does nothing to it (round 14).
    """
    found = rules.patterns["vague_concrete"].finditer(norm, start, end)
    # A count in words inside a short quoted saying (“两条腿走路”、“一刀切”) is a figure of
    # speech (round 13).
    sayings = [q.span() for q in _SAYING.finditer(norm, start, end)]
    return any(
        m.group() not in ARTICLES
        and m.group() not in topic
        and not any(b.start() <= m.start() and m.end() <= b.end() for b in besides)
        and not (
            not _DIGIT.search(m.group()) and any(a < m.start() and m.end() < b for a, b in sayings)
        )
        for m in found
    )


_SAYING = re.compile(r"[“\"][^”\"\n]{2,8}[”\"]")
_DIGIT = re.compile(r"\d")


def opens_request(norm: str, rules: RuleSet, at: int) -> bool:
    """Whether the text at ``at`` starts by asking (建议……、请……、恳请……、希望……).

    ``cue_request`` knows who asks and how (为此，我们恳请……); 请允许我…… asks leave to
    write, not for a measure (round 14).
    """
    return norm.startswith("建议", at) or bool(rules.patterns["cue_request"].match(norm, at))


def _request(norm: str, unit: Unit, rules: RuleSet) -> bool:
    """A request (恳请、希望 …) that asks for an action, not only for attention."""
    p = rules.patterns
    content = strip_enumerator(norm, unit.start, unit.end)
    request = p["cue_request"].match(norm, content, unit.end)
    if not request:
        return False
    # Only what is requested counts (……关系到几千名群众，恳请……重视 asks for attention).
    plea = p["cue_plea"].search(norm, request.end(), unit.end)
    if not plea:
        return True
    addressee = p["request_addressee"].match(norm, request.end(), plea.start())
    return has_concrete(norm, rules, addressee.end() if addressee else request.end(), unit.end)


def _tag(norm: str, units: list[Unit], rules: RuleSet) -> list[Unit]:
    p = rules.patterns
    split = _suggestion_start(norm, units, rules)
    headed = any(u.heading == "suggestions" for u in units)
    tagged: list[Unit] = []
    previous: frozenset[str] = frozenset()
    restart: str | None = None  # the section a 依据如下： heading started again
    reasons: int | None = None  # the unit a 提出这一点，是因为…… paragraph opens
    for i, unit in enumerate(units):
        causal = bool(p["cue_analysis"].search(norm, unit.start, unit.end))
        strong = _tells_fact(norm, unit, rules)
        # A 情况/分析 heading after the first suggestion (建议在前，依据在后) starts the
        # facts again (round 8).
        if restart is None and i > split and _restarts(norm, unit, rules):
            restart = unit.heading
        if reasons is None and i > split and unit.new_line:
            reasons = i if p["reason_restart"].match(norm, unit.start, unit.end) else None
        before = reasons is None or i < reasons
        later = i >= split and not (restart is not None and unit.heading == restart)
        if (unit.heading == "suggestions" if headed else later) and before:
            tags = frozenset({"suggestions"})
        elif unit.heading == "situation":
            # Under a 情况 heading a causal word (导致、问题有) does not move the
            # sentence out of the situation; it may analyse as well.
            tags = frozenset({"situation", "analysis"} if causal else {"situation"})
        elif unit.heading == "analysis" or causal:
            tags = frozenset({"analysis", "situation"} if strong else {"analysis"})
        elif unit.enumerated and "analysis" in previous:
            tags = previous  # 一是……二是…… continuing a list of causes
        elif not unit.new_line and previous == {"analysis"} and not strong:
            tags = previous  # the rest of a paragraph that opened with a cause
        else:
            tags = frozenset({"situation"})
        if tags == {"suggestions"} and not headed and _cause_before_cue(norm, unit, rules):
            tags = frozenset({"suggestions", "analysis"})  # ……原因是……，建议……
        tagged.append(
            Unit(unit.start, unit.end, unit.heading, unit.new_line, unit.enumerated, tags)
        )
        previous = tags
    if not any("analysis" in u.tags for u in tagged):
        tagged = _diagnostic_paragraphs(norm, tagged, rules)
    return tagged


def _tells_fact(norm: str, unit: Unit, rules: RuleSet) -> bool:
    """A sentence with a figure of the kind a situation gives.

    A digit figure or a source (``cue_situation_strong``), or an event told with a
    figure in words (去年全市发生了两起……泄密事件，暴露出……): such a sentence stays
    situation when it also analyses (round 7).
    """
    p = rules.patterns
    if p["cue_situation_strong"].search(norm, unit.start, unit.end):
        return True
    if not p["cue_situation_event"].search(norm, unit.start, unit.end):
        return False
    return has_specific_figure(norm, rules, unit.start, unit.end)


def has_specific_figure(norm: str, rules: RuleSet, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` has a figure that counts something (两起, 300户).

    Not a figure of speech (``patterns.vague_figure``: 一个、多年、多元).
    """
    p = rules.patterns
    figures = p["fact_figure"].finditer(norm, start, end)
    return any(not p["vague_figure"].fullmatch(m.group()) for m in figures)


def _restarts(norm: str, unit: Unit, rules: RuleSet) -> bool:
    """Whether ``unit`` follows a heading that starts the facts again (依据如下：).

    The heading is on the unit's own line before it, or on a line of its own just
    before.
    """
    if unit.heading not in ("situation", "analysis"):
        return False
    restart = rules.patterns["heading_restart"]
    line = norm.rfind("\n", 0, unit.start) + 1
    if line < unit.start and restart.match(norm, strip_enumerator(norm, line, unit.start)):
        return True
    above = norm.rfind("\n", 0, max(line - 1, 0)) + 1
    return line > 0 and bool(restart.match(norm, strip_enumerator(norm, above, line - 1)))


def _cause_before_cue(norm: str, unit: Unit, rules: RuleSet) -> bool:
    cue = norm.find("建议", unit.start, unit.end)
    if cue <= unit.start:
        return False
    return bool(rules.patterns["cue_analysis"].search(norm, unit.start, cue))


def _diagnostic_paragraphs(norm: str, units: list[Unit], rules: RuleSet) -> list[Unit]:
    """Tag as analysis the later paragraphs before the suggestions that diagnose.

    A paragraph (after the first) with several distinct diagnostic words
    (``cue_diagnosis``: 不强、滞后、缺乏 …) explains the problem even without a
    causal word; it is analysis (and stays situation if it has figures).
    """
    diagnosis = rules.patterns["cue_diagnosis"]
    least = rules.number("parse", "diagnosis_min")
    paragraphs: list[list[int]] = []
    for i, unit in enumerate(units):
        if "suggestions" in unit.tags or unit.heading is not None:
            continue
        if unit.new_line or not paragraphs:
            paragraphs.append([i])
        else:
            paragraphs[-1].append(i)
    result = list(units)
    for paragraph in paragraphs[1:]:
        start, end = units[paragraph[0]].start, units[paragraph[-1]].end
        words = {m.group() for m in diagnosis.finditer(norm, start, end)}
        if len(words) < least:
            continue
        for i in paragraph:
            u = units[i]
            tags = u.tags | {"analysis"}
            result[i] = Unit(u.start, u.end, u.heading, u.new_line, u.enumerated, tags)
    return result


def _caption(norm: str, item: Segment) -> bool:
    """A short numbered line without a full stop, like ``（一）完善补贴政策``."""
    text = norm[item.start : item.end]
    return len(text) <= 24 and not text.endswith(("。", ";", ".")) and "\n" not in text


def _items(norm: str, units: list[Unit], rules: RuleSet) -> list[Segment]:
    """Group the suggestion units into items (one per enumerator, else per sentence)."""
    p = rules.patterns
    chosen = [u for u in units if "suggestions" in u.tags]
    chosen = [u for u in chosen if not p["closing"].search(norm, u.start, u.end)]
    numbered = any(u.enumerated for u in chosen)
    items: list[Segment] = []
    for unit in chosen:
        intro = _suggestion_cue(norm, unit.start, unit.end, rules)
        if intro and len(norm[intro.end() : unit.end].strip(" ,:.。;")) < 4:
            continue
        if items and numbered and not unit.enumerated and not unit.new_line:
            items[-1] = Segment(items[-1].start, unit.end)
        elif items and unit.new_line and not unit.enumerated and _caption(norm, items[-1]):
            items[-1] = Segment(items[-1].start, unit.end)  # 一、完善制度 + its paragraph
        else:
            items.append(Segment(unit.start, unit.end))
    return items
