"""``whistleblowing`` across sentences: a person named, then an inquiry into that name.

The 2011 list's item 9 (指明举报的) is often written in two places: the situation
names a person by post and name and tells what they did (``院长钱国栋……骗取补贴``),
and a suggestion, sentences later, asks for that name to be investigated
(``县纪委监委对钱国栋……立案调查``, ``对李某某及该支行开展专项检查，查实其违规放贷
问题``). Neither sentence alone names both the person and the inquiry, so the
content rules, which look at one sentence, miss it. From the rule file's
``[accused]`` table:

* **a named person**: ``name`` (a post followed by a name, 校长李建华, or a name
  written with 某某, 李某某), or a firm that a suggestion names after 对、责令、约谈
  (``对江源宏达精细化工有限公司开展突击夜查``), which counts only when a sentence ties
  that very name to ``wrong``;
* **an inquiry into that name**: the name again in a suggestion or the title with
  ``inquiry`` (调查、查处、查实 …) makes a finding; it is sure (blocking) when the
  name is tied to ``wrong`` (骗取、违规收费、虐待 …) in that sentence or another,
  and a hint otherwise. A suggestion may point back to the person instead of
  naming them (``anaphora``: 对此人的问题进行核查、对该负责人立案调查), and the wrong
  may be told of the person by surname and post (院长钟伟平……钟院长的爱人, round 12).
  A post with a demonstrative (``pointed``: 那位分管城建的副镇长、该院骨科主任) names
  one person too, so the post is a name (对这位副镇长的问题查一查, round 13).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from trainingkit.review.config import RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.parse import Draft
from trainingkit.review.text import Segment, sentences
from trainingkit.review.words import first_name_in, name_forms

__all__ = ["check_accused"]


def check_accused(draft: Draft, rules: RuleSet) -> list[Finding]:
    """Return ``whistleblowing`` findings for inquiries asked into a named person or firm."""
    if "whistleblowing" not in rules.codes:
        return []
    p = rules.patterns
    norm = draft.norm
    names: set[str] = set()
    titles: dict[str, str] = {}  # 钟院长 for 院长钟伟平: how a later sentence may call him
    for match in p["accused_name"].finditer(norm):
        name = match.group("name") or match.group("name2") or match.group("name3")
        names.update(name_forms(name))
        if match.group("name") and "某" not in name:
            titles[name[0] + norm[match.start() : match.start("name")]] = name
    names.update(m.group("post") for m in p["accused_pointed"].finditer(norm))
    asked = [Segment(u.start, u.end) for u in draft.units if "suggestions" in u.tags]
    if draft.title is not None:
        asked.append(draft.title)
    # 对刘永恒及恒达国际贸易有限公司……: the firm is the last of the names joined (round 14).
    firms = {
        _JOINED.split(m.group("org"))[-1]
        for s in asked
        for m in p["accused_org"].finditer(norm, s.start, s.end)
    }
    if not names and not firms:
        return []
    spans = list(sentences(norm))
    wrong = p["accused_wrong"]
    accused = {
        name
        for name in names | firms | set(titles)
        for s in spans
        if _told_of(norm, name, s, firms, p["accused_org_anaphora"])
        and wrong.search(norm, s.start, s.end)
    }
    accused |= {form for t in accused & set(titles) for form in name_forms(titles[t])}
    names |= firms & accused
    findings = []
    back = p["accused_anaphora"]
    for span in asked:
        named = first_name_in(norm, names, span.start, span.end)
        inquiry = p["accused_inquiry"].search(norm, span.start, span.end)
        if named is None and accused & names and back.search(norm, span.start, span.end):
            # 对此人的问题进行核查: the one person named before, with a wrong (round 8).
            named = min(accused & names, key=norm.find)
        one = _one_person(accused & names)
        if named is None and one and _discipline_only(norm, span, p):
            named = one  # 请县纪委监委立案调查 (round 10)
        if named is None or inquiry is None:
            continue
        sure = named in accused or bool(wrong.search(norm, span.start, span.end))
        text = f"这里要求对具体的人或单位（“{named}”）进行{inquiry.group()}，是指名举报。"
        findings.append(
            rules.finding("whistleblowing", text, span, named, inquiry.group(), sure=sure)
        )
    return findings


_JOINED = re.compile(r"以及|及|和|与|、")


def _told_of(
    norm: str, name: str, sentence: Segment, firms: set[str], back: re.Pattern[str]
) -> bool:
    """Whether ``sentence`` tells of ``name``: names it, or points back to the firm (该公司)."""
    if norm.find(name, sentence.start, sentence.end) >= 0:
        return True
    first = norm.find(name)
    return (
        name in firms
        and 0 <= first < sentence.start
        and bool(back.search(norm, sentence.start, sentence.end))
    )


def _discipline_only(norm: str, span: Segment, p: Mapping[str, re.Pattern[str]]) -> bool:
    """An inquiry asked of a discipline body with nothing named as its object (no 对……)."""
    return bool(p["accused_discipline"].search(norm, span.start, span.end)) and (
        norm.find("对", span.start, span.end) < 0
    )


def _one_person(names: set[str]) -> str | None:
    """The one person all ``names`` are forms of (马德贵, 马德), or None."""
    if not names:
        return None
    full = max(names, key=len)
    return full if all(n in full for n in names) else None
