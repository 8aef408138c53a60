"""The first-character lookahead of the content rules (trainingkit.review.prefilter)
changes how fast a rule scans a draft, never what it finds.

It reads patterns with ``re._parser``, the standard library's private parser: these
tests fail if a Python release reads them differently, or stops giving it."""

from __future__ import annotations

import doctest
import re

import pytest
from test_review_quality import DRAFTS, LABELS

import trainingkit.review.prefilter as prefilter
from trainingkit.review.config import expand, load_rules, raw_rules
from trainingkit.review.prefilter import skipping
from trainingkit.review.text import normalise

KINDS = ("proposal", "sheqing")


def _scanning_patterns(kind: str) -> list[tuple[str, int]]:
    """Every pattern the review compiles with a lookahead for ``kind``, with its flags
    and macros written out: the content rules' patterns and triggers, and the
    advertising, personal and accused tables."""
    data = raw_rules(kind)
    macros = data.get("macros", {})
    rules = [rule for rules in data["content"].values() for rule in rules]
    return [
        *((expand(rule["pattern"], macros), re.MULTILINE) for rule in rules),
        *((expand(rule["trigger"], macros), 0) for rule in rules if "trigger" in rule),
        *(
            (expand(pattern, macros), 0)
            for section in ("advertising", "personal", "accused")
            for pattern in data[section].values()
        ),
    ]


#: Every 9th corpus draft (about 700), and texts that begin or end at a match.
_SAMPLE = sorted(LABELS)[::9]


def _texts() -> list[str]:
    return [normalise((DRAFTS / name).read_text(encoding="utf-8-sig")) for name in _SAMPLE]


def test_the_docstring_examples_run() -> None:
    failures, tried = doctest.testmod(prefilter)
    assert tried and not failures


@pytest.mark.parametrize("kind", KINDS)
def test_every_scanning_pattern_finds_the_same_matches_with_its_lookahead(kind: str) -> None:
    texts = _texts()
    checked = 0
    for raw, flags in _scanning_patterns(kind):
        plain = re.compile(raw, flags)
        fast = re.compile(skipping(raw, flags), flags)
        if fast.pattern == raw:
            continue
        checked += 1
        for text in texts:
            expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, raw[:80]
    assert checked >= (20 if kind == "proposal" else 1)


def test_the_review_s_rules_carry_the_lookahead_where_the_engine_cannot_skip() -> None:
    rules = load_rules("proposal")
    ahead = [r for r in rules.content if r.pattern.pattern.startswith("(?=[")]
    triggers = [r for r in rules.content if r.trigger and r.trigger.pattern.startswith("(?=[")]
    assert any(r.code == "prohibited" for r in triggers)
    assert rules.patterns["advertising_framing"].pattern.startswith("(?=[")
    # The slow ones of round 17: the list of banned practices, whistleblowing's
    # wrongdoings, the academic markers, the personal remedies.
    slow = {"prohibited", "whistleblowing", "academic", "personal_matter"}
    assert {r.code for r in ahead} >= slow
    assert len(ahead) >= 20


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        ("(?:境外|国外)收款|(?<!不)代孕", "代国境"),
        (r"(?<![^\n])\s*问题的提出", None),  # \s: the spaces, checked below
        ("(?:一|二)?(?:是|为)x", "一为二是"),
        ("(?:甲|乙){0,2}丙", "丙乙甲"),
        ("(?:甲)*?丙|(?:丁+)戊", "丁丙甲"),
        ("(?:[a-c]x|d)y", "a-cd"),
    ],
)
def test_the_lookahead_names_every_character_a_match_can_begin_with(
    pattern: str, starts: str | None
) -> None:
    result = skipping(pattern)
    assert result.startswith("(?=[") and result.endswith(f"])(?:{pattern})")
    members = result[len("(?=[") : result.index("])(?:")]
    if starts is not None:
        assert members == starts
    else:
        assert "问" in members and "\\x20" in members and "\\U00003000" in members


@pytest.mark.parametrize(
    "pattern",
    [
        "赌场|博彩|六合彩",  # the engine skips to a literal or a class by itself
        "[赌博]场",
        "关于.*建议",
        "(?:甲|.)乙",  # . may begin a match: any character
        r"(?:\w+|甲)乙",  # so may \w
        "(?:[^。]|甲)乙",  # and a negated class
        "(?:[\u4e00-\u9fff]{2}|甲)乙",  # all Han characters filter nothing
        "(?:甲|乙)?",  # a match may be empty
        "(?x) (?:甲|乙) 丙",  # inline global flags must stay first
        "(?i:a|b)c",  # case-insensitive: A and B too
        "(?:甲|(",  # not a pattern at all: left for re.compile to report
    ],
)
def test_a_pattern_the_lookahead_cannot_help_is_left_as_it_is(pattern: str) -> None:
    assert skipping(pattern) == pattern


def test_a_group_keeps_its_number_under_the_lookahead() -> None:
    result = skipping(r"(?<!不)(甲|乙)\1")
    assert result == r"(?=[乙甲])(?:(?<!不)(甲|乙)\1)"
    assert re.fullmatch(result, "甲甲") and not re.fullmatch(result, "甲乙")


def test_case_insensitive_and_ascii_flags_are_left_alone() -> None:
    assert skipping("(?<!x)(?:a|b)c", re.IGNORECASE) == "(?<!x)(?:a|b)c"
    assert skipping(r"(?<!x)(?:\s|b)c", re.ASCII) == r"(?<!x)(?:\s|b)c"
    assert skipping("(?<!x)(?:a|b)c", re.MULTILINE) == "(?=[ab])(?:(?<!x)(?:a|b)c)"
