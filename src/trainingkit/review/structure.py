"""Structure checks: title, 情况/分析/建议, vague or several matters, length."""

from __future__ import annotations

import re

from trainingkit.review.config import RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.parse import Draft
from trainingkit.review.text import Segment

__all__ = ["check_structure"]

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
    items = [i for i in draft.items if i.end - i.start >= rules.number("vague", "min_chars")]
    part = draft.part("suggestions")
    if not draft.items or part is None:
        return []
    items = items or list(draft.items)
    concrete, slogan = rules.patterns["vague_concrete"], rules.patterns["vague_slogan"]
    solid = [i for i in items if concrete.search(draft.norm, i.start, i.end)]
    if len(solid) / len(items) >= rules.number("vague", "min_concrete_share"):
        return []
    words = []
    for item in items:
        words += [m.group() for m in slogan.finditer(draft.norm, item.start, item.end)]
    shown = "、".join(dict.fromkeys(words[:6])) or "（没有措施）"
    text = (
        f"建议部分共{len(items)}条，其中只有{len(solid)}条写明了由谁做、做什么或做到什么程度；"
        f"其余多是“{shown}”一类的表态。"
    )
    return [_make(rules, "vague_suggestions", text, part, *dict.fromkeys(words))]


def _domains(rules: RuleSet, norm: str, start: int, end: int) -> set[str]:
    return {name for name, p in rules.domains.items() if p.search(norm, start, end)}


def _multiple(draft: Draft, rules: RuleSet) -> list[Finding]:
    norm, found = draft.norm, _multiple_in_title(draft, rules)
    if found:
        return [found]
    title_domains = (
        _domains(rules, norm, draft.title.start, draft.title.end) if draft.title else set()
    )
    main = set(title_domains)
    if not main:
        counts = {n: len(p.findall(norm)) for n, p in rules.domains.items()}
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
    off = [(i, d) for i, d in tagged if not d & main]
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
    if draft.title is None:
        return None
    title = draft.title
    joiners = rules.patterns["multiple_title_joiners"]
    cuts = [title.start, *(m.end() for m in joiners.finditer(draft.norm, title.start, title.end))]
    segments = [Segment(a, b) for a, b in zip(cuts, [*cuts[1:], title.end], strict=True)]
    domains = [_domains(rules, draft.norm, s.start, s.end) for s in segments]
    directive = rules.patterns["directive_start"]
    for k in range(1, len(segments)):
        later = segments[k]
        if not domains[k] or not directive.match(draft.norm, later.start, later.end):
            continue
        for j in range(k):
            if domains[j] and not domains[j] & domains[k]:
                return _title_finding(draft, rules, domains[j] | domains[k])
    listed = set().union(*domains) if domains else set()
    enumerates = re.search(r"等|几点|若干|多个|几个|多项", draft.norm[title.start : title.end])
    if enumerates and len([d for d in domains if d]) >= 3 and len(listed) >= 3:
        return _title_finding(draft, rules, listed)
    return None


def _title_finding(draft: Draft, rules: RuleSet, domains: set[str]) -> Finding:
    assert draft.title is not None
    names = "、".join(sorted(domains))
    text = f"标题把不相关的几件事放在一起（涉及：{names}）。"
    return _make(rules, "multiple_matters", text, draft.title, *sorted(domains))


def _too_long(draft: Draft, rules: RuleSet) -> list[Finding]:
    limit = rules.max_chars
    count = 0
    for offset, char in enumerate(draft.text):
        if not char.isspace():
            count += 1
            if count == limit + 1:
                total = count + sum(1 for c in draft.text[offset + 1 :] if not c.isspace())
                text = f"全文约{total}字，超过{limit}字的上限。"
                return [_make(rules, "too_long", text, Segment(offset, len(draft.text)))]
    return []
