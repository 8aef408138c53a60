"""Structure checks: title, 情况/分析/建议, vague or several matters, length."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import islice

from trainingkit.review.config import RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.parse import Draft
from trainingkit.review.text import Segment, strip_enumerator

__all__ = ["check_structure"]

_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")
_PART_NAMES = {"situation": "情况", "analysis": "分析", "suggestions": "建议"}


def check_structure(draft: Draft, rules: RuleSet) -> list[Finding]:
    """Return the structure findings for a parsed draft (only codes the rules enable)."""
    findings: list[Finding] = []
    checks = (_title, _missing, _vague, _multiple, _too_long)
    for check in checks:
        findings.extend(f for f in check(draft, rules) if f.code in rules.codes)
    return findings


def _make(rules: RuleSet, code: str, text: str, span: Segment, *words: str) -> Finding:
    spec = rules.codes.get(code)
    if spec is None:  # the code is switched off; check_structure drops it
        return Finding(code, "hint", "", span.start, span.end)
    message = f"依据{spec.rule}。{text}{spec.advice}"
    return Finding(code, spec.severity, message, span.start, span.end, spec.rule, words)


def _title(draft: Draft, rules: RuleSet) -> list[Finding]:
    if "title_format" not in rules.codes:
        return []
    if draft.title is None:
        at = Segment(draft.body_start, draft.body_start)
        return [_make(rules, "title_format", "没有找到标题（第一行应是一句话的标题）。", at)]
    raw = draft.norm[draft.title.start : draft.title.end]
    title = raw.strip().rstrip("。.!?;:, ")
    if rules.patterns["title_format"].fullmatch(title):
        return []
    shown = draft.text[draft.title.start : draft.title.end].strip()
    text = f"标题“{shown}”不是“关于……的建议”的形式。"
    return [_make(rules, "title_format", text, draft.title, shown)]


def _missing(draft: Draft, rules: RuleSet) -> list[Finding]:
    findings = []
    empty = not draft.text.strip()
    end = len(draft.text.rstrip())
    for section in ("situation", "analysis", "suggestions"):
        code = f"missing_{section}"
        part = draft.part(section)
        has_items = section != "suggestions" or draft.items
        if part is not None and has_items:
            continue
        name = _PART_NAMES[section]
        if empty:
            text = f"文稿是空的，没有{name}部分。"
        else:
            text = f"没有找到{name}部分（可用“{name}”小标题或相应的提示语写出）。"
        at = draft.body_start if section != "suggestions" else end
        findings.append(_make(rules, code, text, Segment(at, at)))
    return findings


def _vague(draft: Draft, rules: RuleSet) -> list[Finding]:
    """Most suggestion items are slogans: no concrete marker, and slogan words."""
    part = draft.part("suggestions")
    if not draft.items or part is None:
        return []
    items = [i for i in draft.items if i.end - i.start >= rules.number("vague", "min_chars")]
    items = items or list(draft.items)
    concrete, slogan = rules.patterns["vague_concrete"], rules.patterns["vague_slogan"]
    empty: list[Segment] = []
    words: list[str] = []
    for item in items:
        if concrete.search(draft.norm, _content(draft, item), item.end):
            continue
        found = [m.group() for m in slogan.finditer(draft.norm, item.start, item.end)]
        if found:
            empty.append(item)
            words += found
    solid = len(items) - len(empty)
    if solid / len(items) >= rules.number("vague", "min_concrete_share"):
        return []
    shown = "、".join(list(dict.fromkeys(words))[:6])
    text = (
        f"建议部分共{len(items)}条，其中{len(empty)}条只是“{shown}”一类的表态，"
        "没有写明由谁做、做什么或做到什么程度。"
    )
    return [_make(rules, "vague_suggestions", text, part, *dict.fromkeys(words))]


def _content(draft: Draft, item: Segment) -> int:
    """Offset of the item's text after its enumerator (一、 1. ① …)."""
    return strip_enumerator(draft.norm, item.start, item.end)


def _domains(rules: RuleSet, norm: str, start: int, end: int) -> set[str]:
    return _index(rules, norm).domains(start, end)


class _DomainIndex:
    """Every domain word of the text, found once, queried by span."""

    def __init__(self, rules: RuleSet, norm: str) -> None:
        hits = [
            (m.start(), m.end(), name, m.group())
            for name, pattern in rules.domains.items()
            for m in pattern.finditer(norm)
        ]
        hits.sort()
        self.hits = hits
        self.starts = [h[0] for h in hits]

    def _within(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [h for h in self.hits[first:last] if h[1] <= end]

    def domains(self, start: int, end: int) -> set[str]:
        return {h[2] for h in self._within(start, end)}

    def words(self, name: str, start: int, end: int) -> set[str]:
        return {h[3] for h in self._within(start, end) if h[2] == name}


_LAST: list[tuple[str, int, _DomainIndex]] = []


def _index(rules: RuleSet, norm: str) -> _DomainIndex:
    """The domain index of ``norm``, kept for the review in progress."""
    if _LAST and _LAST[0][0] is norm and _LAST[0][1] == id(rules):
        return _LAST[0][2]
    index = _DomainIndex(rules, norm)
    _LAST[:] = [(norm, id(rules), index)]
    return index


def _hits(rules: RuleSet, norm: str, item: Segment, domains: set[str]) -> int:
    """The most distinct words of any one of ``domains`` found in ``item``."""
    index = _index(rules, norm)
    return max(len(index.words(name, item.start, item.end)) for name in domains)


def _multiple(draft: Draft, rules: RuleSet) -> list[Finding]:
    norm, found = draft.norm, _multiple_in_title(draft, rules)
    if found:
        return [found]
    title_domains = (
        _domains(rules, norm, draft.title.start, draft.title.end) if draft.title else set()
    )
    main = set(title_domains)
    if not main:
        counts = Counter(h[2] for h in _index(rules, norm).hits)
        best = max(counts.values(), default=0)
        main = {n for n, c in counts.items() if c == best and c > 0}
    if not main:
        return []
    context = set(title_domains)
    for unit in draft.units:
        if "suggestions" not in unit.tags:
            context |= _domains(rules, norm, unit.start, unit.end)
    tagged = [(i, _domains(rules, norm, i.start, i.end)) for i in draft.items]
    tagged = [(i, d) for i, d in tagged if d]
    least = rules.number("multiple", "min_stray_words")
    off = [(i, d) for i, d in tagged if not d & main and _hits(rules, norm, i, d) >= least]
    stray = [(i, d) for i, d in off if not d & context]
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
    return [_make(rules, "multiple_matters", text, item, *sorted(domains))]


def _multiple_in_title(draft: Draft, rules: RuleSet) -> Finding | None:
    """Two matters joined in the title, or a list of three or more domains."""
    if draft.title is None:
        return None
    norm, title = draft.norm, draft.title
    start = title.start + (2 if norm.startswith("关于", title.start) else 0)
    end = norm.rfind("的", start, title.end)
    end = end if end > start else title.end
    joiners = rules.patterns["multiple_title_joiners"]
    cuts = [(m.start(), m.end()) for m in joiners.finditer(norm, start, end)]
    bounds = [start, *(b for _, b in cuts)]
    stops = [*(a for a, _ in cuts), end]
    segments = [Segment(a, b) for a, b in zip(bounds, stops, strict=True) if b - a >= 2]
    domains = [_domains(rules, norm, s.start, s.end) for s in segments]
    clause = rules.patterns["title_clause"]
    whole = [
        k
        for k, s in enumerate(segments)
        if s.end - s.start >= 4 and clause.search(norm[s.start : s.end])
    ]
    for x, k in enumerate(whole):
        for j in whole[:x]:
            shared = _bigrams(norm, segments[j]) & _bigrams(norm, segments[k])
            if not shared and not domains[j] & domains[k]:
                return _title_finding(draft, rules, segments[j], segments[k])
    listed = set().union(*domains) if domains else set()
    enumerates = re.search(r"等|几点|若干|多个|几个|多项", norm[title.start : title.end])
    if enumerates and len([d for d in domains if d]) >= 3 and len(listed) >= 3:
        return _title_finding(draft, rules, *segments)
    return None


def _bigrams(norm: str, segment: Segment) -> set[str]:
    text = norm[segment.start : segment.end]
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _title_finding(draft: Draft, rules: RuleSet, *segments: Segment) -> Finding:
    assert draft.title is not None
    parts = [draft.text[s.start : s.end] for s in segments]
    text = f"标题把几件不同的事放在一起（“{'”“'.join(parts)}”）。"
    return _make(rules, "multiple_matters", text, draft.title, *parts)


def _too_long(draft: Draft, rules: RuleSet) -> list[Finding]:
    limit = rules.max_chars
    total = len(draft.text) - len(_SPACE.findall(draft.text))
    if total <= limit:
        return []
    over = next(islice(_NON_SPACE.finditer(draft.text), limit, None))
    text = f"全文约{total}字，超过{limit}字的上限。"
    return [_make(rules, "too_long", text, Segment(over.start(), len(draft.text)))]
