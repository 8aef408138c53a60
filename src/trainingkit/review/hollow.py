"""``missing_analysis`` where the analysis is there but names no cause.

A draft may have its 分析 in place, under a heading or after 究其原因, and still say
nothing about why: 造成这一状况的原因是多方面的，既有客观因素，也有主观因素;
归根到底是思想认识还不到位，重视程度还不够. Such sentences assert that causes exist, or
blame attitudes, and a new member who writes them has not yet analysed the problem.
The parser reads them as analysis (原因、归根), and so does the text model, which weighs
words: both would let the draft pass.

So each sentence of the analysis (a lead-in aside: 为什么会这样？ 原因主要有：) is read
for what it says once the phrases of ``patterns.cause_hollow`` (causes asserted,
attitudes blamed), the problem named as its subject (``patterns.cause_subject``:
融资难、融资贵问题的形成), and the words of ``patterns.cause_filler`` (原因、问题、在于、
还没有 …) and of the title are set aside. When each sentence is left with at most
``[analysis] hollow_max_words`` words, and at least one such phrase was there, the
draft lacks analysis: surely, when nothing but the suggestions follows; only a hint
when other sentences do, since they may tell the causes as facts (护栏标准是2008年定
的，……不在建设范围之内).

This is read after the model's calibration (:mod:`trainingkit.review.calibrate`): the
model weighs the very words this check sets aside, so it must not outvote it (round 20:
the model gave the development drafts of this kind 0.02 to 0.27). Where the model itself
found missing_analysis, this finding, which says what the analysis lacks, takes its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile

from trainingkit.review.config import RuleSet
from trainingkit.review.findings import MODEL_MARK, Finding
from trainingkit.review.parse import Draft, Unit
from trainingkit.review.text import Segment
from trainingkit.review.words import tokens

__all__ = ["names_causes", "read_hollow_analysis"]

# A lead-in ends with a question or a colon, or is a short line with no full stop.
_LEAD_END = re.compile(r"[?:]\s*$")
_FULL_STOP = re.compile(r"[。;!]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ANALYSIS_ONLY = frozenset({"analysis"})
# How many of the phrases the message quotes (all are highlighted).
_SHOWN = 3


def read_hollow_analysis(findings: list[Finding], draft: Draft, rules: RuleSet) -> list[Finding]:
    """``findings`` with missing_analysis where every sentence of the analysis names no cause.

    A draft the rules already told it lacks analysis is not told twice; where only the
    text model said so, this finding, which says what the analysis lacks, takes the
    place of the model's.
    """
    found = _hollow(draft, rules)
    if found is None:
        return findings
    mine = [f for f in findings if f.code == found.code]
    if any(f.severity != "hint" and not _by_model(f) for f in mine):
        return findings
    return [f for f in findings if f not in mine] + [found]


def names_causes(draft: Draft, rules: RuleSet) -> bool:
    """Whether a sentence of the analysis names causes after a causal word.

    出现这个情况，原因主要是：乡里没有开通校车，原来的班车因为客源少停了 is the analysis
    the rules see; :mod:`trainingkit.review.calibrate` then asks the model to be surer
    before it says the draft has none (``[model.add_told]``, round 20). A sentence
    counts when it is analysis alone, opens nothing, has a causal word
    (``patterns.cue_analysis``) and, read as :func:`read_hollow_analysis` reads it, at
    least ``[analysis] told_min_words`` words that may name a cause.
    """
    least = rules.number("analysis", "told_min_words")
    cause = rules.patterns["cue_analysis"]
    for unit in _before_suggestions(draft):
        if unit.tags != _ANALYSIS_ONLY or _lead_in(draft, unit, rules):
            continue
        if not cause.search(draft.norm, unit.start, unit.end):
            continue
        if len(_named(draft, rules, unit, _set_aside(draft, rules, unit))) >= least:
            return True
    return False


def _before_suggestions(draft: Draft) -> Iterator[Unit]:
    """The sentences of the body up to the first suggestion."""
    return takewhile(lambda u: "suggestions" not in u.tags, draft.units)


def _set_aside(draft: Draft, rules: RuleSet, unit: Unit) -> list[re.Match[str]]:
    """The hollow phrases of ``unit`` and the problem named as its subject."""
    found = list(rules.patterns["cause_hollow"].finditer(draft.norm, unit.start, unit.end))
    subject = rules.patterns["cause_subject"].match(draft.norm, unit.start, unit.end)
    return [*found, subject] if subject else found


def _by_model(finding: Finding) -> bool:
    return finding.rule.endswith(MODEL_MARK)


def _hollow(draft: Draft, rules: RuleSet) -> Finding | None:
    code = "missing_analysis"
    if code not in rules.codes or "cause_hollow" not in rules.patterns:
        return None
    before = list(_before_suggestions(draft))
    units = [u for u in before if "analysis" in u.tags and not _lead_in(draft, u, rules)]
    if not units:
        return None
    phrases: list[str] = []
    most = int(rules.number("analysis", "hollow_max_words"))
    for unit in units:
        aside = _set_aside(draft, rules, unit)
        if len(_named(draft, rules, unit, aside)) > most:
            return None
        phrases += [m.group() for m in aside if m.re is rules.patterns["cause_hollow"]]
    if not phrases:
        return None
    said = list(dict.fromkeys(phrases))
    text = f"分析部分只有“{'”“'.join(said[:_SHOWN])}”这样的话，没有说出具体是什么造成了问题。"
    span = Segment(units[0].start, units[-1].end)
    # Sentences after it that are not analysis may tell the causes as facts (护栏标准是
    # 2008年定的，……不在建设范围之内): then it is for the writer to check.
    told_after = any(
        u.start > units[0].start and u not in units and not _lead_in(draft, u, rules)
        for u in before
    )
    return rules.finding(code, text, span, *said, sure=not told_after)


def _lead_in(draft: Draft, unit: Unit, rules: RuleSet) -> bool:
    """为什么会这样？, 原因主要有：, 二、症结所在: the opening of an analysis, not it."""
    said = draft.norm[unit.start : unit.end]
    short = unit.end - unit.start <= rules.number("parse", "heading_max_chars")
    return bool(_LEAD_END.search(said)) or (short and not _FULL_STOP.search(said))


def _named(draft: Draft, rules: RuleSet, unit: Unit, said: list[re.Match[str]]) -> set[str]:
    """The words of ``unit`` that may name a cause: outside the phrases ``said`` (hollow
    ones, and the problem named as the subject), not filler and not the title's."""
    title = draft.title
    told = "" if title is None else draft.norm[title.start : title.end]
    filler = rules.patterns["cause_filler"]
    named = set()
    for token in tokens(draft.norm).within(unit.start, unit.end):
        word = token.word
        if not _HAN.search(word) or filler.fullmatch(word) or all(ch in told for ch in word):
            continue
        if any(m.start() < token.end and token.start < m.end() for m in said):
            continue
        named.add(word)
    return named
