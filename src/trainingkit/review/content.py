"""Content checks for the not-registrable items (2011 list, items 1–9).

Each rule in the rule file's ``[[content.CODE]]`` tables is applied to the whole
normalised text; a hit counts when its sentence also satisfies the rule's ``near``
and ``unless`` patterns and every ``in_text`` pattern occurs somewhere in the
draft. One finding is made per code and sentence, naming the rule and the words
that matched.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from trainingkit.review.config import ContentRule, RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.text import Segment, normalise, sentences

__all__ = ["check_content"]


def check_content(text: str, norm: str, rules: RuleSet) -> list[Finding]:
    """Return the content findings for ``text`` (``norm`` is its normalised copy)."""
    spans = sentences(norm)
    starts = [s.start for s in spans]
    seen: set[tuple[str, int]] = set()
    findings: list[Finding] = []
    for rule in rules.content:
        if not all(p.search(norm) for p in rule.in_text):
            continue
        for sentence, match in _hits(rule, norm, spans, starts):
            if (rule.code, sentence.start) in seen:
                continue
            words = _accept(rule, norm, sentence, match)
            if words is None:
                continue
            seen.add((rule.code, sentence.start))
            findings.append(_finding(text, rules, rule, sentence, words))
    return findings


def _hits(
    rule: ContentRule, norm: str, spans: list[Segment], starts: list[int]
) -> Iterator[tuple[Segment, re.Match[str]]]:
    """Yield (sentence, match) for each hit of ``rule.pattern``.

    With a ``trigger``, only the sentences that contain it are searched: a cheap
    word list narrows the text before the costlier pattern runs.
    """
    if rule.trigger is None:
        for match in rule.pattern.finditer(norm):
            sentence = _sentence_of(spans, starts, match.start())
            if sentence is not None:
                yield sentence, match
        return
    candidates: dict[int, Segment] = {}
    for trigger in rule.trigger.finditer(norm):
        sentence = _sentence_of(spans, starts, trigger.start())
        if sentence is not None:
            candidates.setdefault(sentence.start, sentence)
    for sentence in candidates.values():
        found = rule.pattern.search(norm, sentence.start, sentence.end)
        if found:
            yield sentence, found


def _sentence_of(spans: list[Segment], starts: list[int], offset: int) -> Segment | None:
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0 or offset >= spans[index].end:
        return None
    return spans[index]


def _accept(
    rule: ContentRule, norm: str, sentence: Segment, match: re.Match[str]
) -> tuple[str, ...] | None:
    """Return the matched words when the hit satisfies ``near`` and ``unless``."""
    words = [match.group()]
    if rule.near:
        near = [p.search(norm, sentence.start, sentence.end) for p in rule.near]
        if not all(near):
            return None
        words.extend(m.group() for m in near if m)
    for pattern in rule.unless:
        if pattern.search(norm, sentence.start, sentence.end):
            return None
    return tuple(dict.fromkeys(w.strip() for w in words if w.strip()))


def _finding(
    text: str, rules: RuleSet, rule: ContentRule, sentence: Segment, words: tuple[str, ...]
) -> Finding:
    spec = rules.codes[rule.code]
    quoted = "”“".join(text_of(text, words, sentence))
    # The 不予立案 sentence is about proposals; a 社情民意 warning (state secrets,
    # charter art. 30) only asks the member to check (issue 13).
    verdict = "此类提案一般不予立案，可通过其他渠道反映。" if rules.kind == "proposal" else ""
    message = f"依据{spec.rule}。这句话{rule.note}（命中：“{quoted}”）。{verdict}{spec.advice}"
    return Finding(
        code=rule.code,
        severity=spec.severity,
        message=message,
        start=sentence.start,
        end=sentence.end,
        rule=spec.rule,
        matched=words,
    )


def text_of(text: str, words: tuple[str, ...], sentence: Segment) -> list[str]:
    """Return the matched words as written in the original text (not normalised)."""
    window = normalise(text[sentence.start : sentence.end])
    result = []
    for word in words:
        at = window.find(word)
        result.append(
            text[sentence.start + at : sentence.start + at + len(word)] if at >= 0 else word
        )
    return result
