"""Load the review rules from ``facts/review_*.toml`` and compile them once.

The rules are data: lexicons, patterns, limits and severities live in
``facts/review_proposal.toml`` and ``facts/review_sheqing.toml``, each with the rule
source it comes from. A caller may pass ``config``, a mapping merged over the
file, e.g. ``{"limits": {"max_chars": 3000}}`` or
``{"codes": {"title_format": {"severity": "hint"}}}``.

Each code has two severities: ``severity`` for clear evidence and ``unsure``
(default ``hint``) for a signal that is present but not conclusive; a rule marked
``sure = false`` gives the second. A hint never makes a draft unregistrable.

Patterns may use macros written ``{NAME}``, defined in the file's ``[macros]``
table (e.g. ``{S}``: any character that does not end a sentence).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from trainingkit.review.findings import CODES, SEVERITIES, Finding, Severity
from trainingkit.review.prefilter import skipping
from trainingkit.review.text import Segment

__all__ = ["CodeSpec", "ContentRule", "RuleSet", "expand", "load_rules", "raw_rules"]

_KINDS = ("proposal", "sheqing")


@dataclass(frozen=True)
class CodeSpec:
    """How one finding code is reported: severity, rule source and advice."""

    code: str
    severity: Severity
    rule: str
    advice: str
    unsure: Severity = "hint"


@dataclass(frozen=True)
class ContentRule:
    """A content pattern: ``pattern`` matches, and within the same sentence every
    ``near`` pattern matches and no ``unless`` pattern matches, and every ``in_text``
    pattern matches somewhere in the text and no ``not_in_text`` pattern does.
    ``trigger``, a cheap word list, narrows the search to the sentences that
    contain it. ``scope`` widens ``near``/``unless`` from the sentence to its
    paragraph (``line``). ``names`` asks for a person (``person``) or organisation
    (``org``) name tagged by the segmenter in the scope. ``sure = false`` makes
    the rule's findings unsure (the code's ``unsure`` severity, a hint by default),
    and so does ``min_distinct = N`` when fewer than N distinct words matched the
    pattern in the whole draft (one 学界 alone is not yet a 学术研讨); words that fully
    match one ``one_sign`` pattern count as one (古籍、方志: one kind of source), and
    none counts that a proposal's title (……的建议) names as its topic. ``against``
    drops the hits of a draft that stands against what matched (the ``against``
    pattern in its title, or right before or after the matched word); a
    ``not_in_title`` pattern in the title drops every hit of the rule (a draft on
    保密 training tells of leaks, it does not leak). With ``sure_with_items``, the
    findings are sure only when one of those patterns matches in a suggestion item
    (the remedy is asked for the person the sentence named); otherwise unsure."""

    code: str
    pattern: re.Pattern[str]
    near: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]
    in_text: tuple[re.Pattern[str], ...]
    note: str
    trigger: re.Pattern[str] | None = None
    not_in_text: tuple[re.Pattern[str], ...] = ()
    scope: str = "sentence"
    names: tuple[str, ...] = ()
    sure: bool = True
    min_distinct: int = 1
    one_sign: tuple[re.Pattern[str], ...] = ()
    against: bool = False
    not_in_title: tuple[re.Pattern[str], ...] = ()
    sure_with_items: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class RuleSet:
    """The compiled rules for one kind of draft."""

    kind: str
    data: Mapping[str, Any]
    codes: Mapping[str, CodeSpec]
    patterns: Mapping[str, re.Pattern[str]]
    domains: Mapping[str, re.Pattern[str]]
    content: tuple[ContentRule, ...]
    units: Mapping[str, re.Pattern[str]] = field(default_factory=dict)

    @property
    def max_chars(self) -> int:
        """The length limit, in characters other than whitespace."""
        return int(self.data["limits"]["max_chars"])

    def finding(
        self, code: str, text: str, span: Segment, *words: str, sure: bool = True
    ) -> Finding:
        """Make a finding of ``code`` whose message names its rule and gives advice.

        An unsure finding (``sure=False``) gets the code's ``unsure`` severity and
        a message that starts with 请核实. A code that is switched off gives a
        ``hint`` with no message; the checks drop findings of codes not in
        :attr:`codes`.
        """
        spec = self.codes.get(code)
        if spec is None:
            return Finding(code, "hint", "", span.start, span.end)
        severity = spec.severity if sure else spec.unsure
        if sure:
            message = f"依据{spec.rule}。{text}{spec.advice}"
        else:
            message = f"请核实：{text}如果确实如此，{spec.advice}（依据{spec.rule}。）"
        return Finding(code, severity, message, span.start, span.end, spec.rule, words)

    def number(self, section: str, key: str) -> float:
        """Return a numeric setting such as ``("vague", "min_concrete_share")``."""
        return float(self.data[section][key])


def raw_rules(kind: str) -> dict[str, Any]:
    """Return the rule file for ``kind`` as a dict (``sheqing`` extends ``proposal``)."""
    if kind not in _KINDS:
        raise ValueError(f"未知的文稿类型 / unknown kind: {kind!r} (use {' or '.join(_KINDS)})")
    return json.loads(_raw_json(kind))


@lru_cache(maxsize=2)
def _raw_json(kind: str) -> str:
    text = resources.files("trainingkit.facts").joinpath(f"review_{kind}.toml").read_text("utf-8")
    data = tomllib.loads(text)
    base = data.pop("extends", None)
    if base:
        data = _merge(json.loads(_raw_json(base)), data)
    return json.dumps(data, ensure_ascii=False)


def load_rules(kind: str, config: Mapping[str, Any] | None = None) -> RuleSet:
    """Return the compiled rules for ``kind``, with ``config`` merged over the file."""
    key = json.dumps(config or {}, ensure_ascii=False, sort_keys=True, default=str)
    return _compiled(kind, key)


@lru_cache(maxsize=8)
def _compiled(kind: str, config_json: str) -> RuleSet:
    data = _merge(raw_rules(kind), json.loads(config_json))
    macros = data.get("macros", {})

    def compile_(pattern: str, flags: int = 0, scans: bool = False) -> re.Pattern[str]:
        expanded = expand(pattern, macros)
        # A pattern that scans whole drafts gets its first characters as a lookahead
        # (trainingkit.review.prefilter).
        return re.compile(skipping(expanded, flags) if scans else expanded, flags)

    codes: dict[str, CodeSpec] = {}
    for code, spec in data["codes"].items():
        if code not in CODES:
            raise ValueError(f"未知的体检代码 / unknown finding code: {code!r}")
        unsure = spec.get("unsure", "hint")
        for severity in (spec["severity"], unsure):
            if severity not in SEVERITIES:
                raise ValueError(f"未知的严重程度 / unknown severity: {severity!r}")
        if spec.get("enabled", True):
            codes[code] = CodeSpec(
                code, spec["severity"], spec["rule"], spec.get("advice", ""), unsure
            )
    patterns = {name: compile_(p) for name, p in data["patterns"].items()}
    patterns["vague_concrete"] = compile_(data["vague"]["concrete"])
    patterns["vague_slogan"] = compile_(data["vague"]["slogan"])
    patterns["vague_empty"] = compile_(data["vague"].get("empty", "(?!)"))
    patterns["vague_attitude"] = compile_(data["vague"]["attitude"])
    patterns["multiple_title_joiners"] = compile_(data["multiple"]["title_joiners"])
    for section in ("advertising", "personal", "accused"):
        patterns.update(
            {f"{section}_{k}": compile_(p, scans=True) for k, p in data[section].items()}
        )
    domains = {name: compile_(p) for name, p in data["multiple"]["domains"].items()}
    units = {name: compile_(p) for name, p in data["multiple"].get("units", {}).items()}
    content = tuple(
        ContentRule(
            code=code,
            pattern=compile_(rule["pattern"], re.MULTILINE, scans=True),
            near=tuple(compile_(p) for p in rule.get("near", [])),
            unless=tuple(compile_(p) for p in rule.get("unless", [])),
            in_text=tuple(compile_(p) for p in rule.get("in_text", [])),
            note=rule.get("note", ""),
            trigger=compile_(rule["trigger"], scans=True) if "trigger" in rule else None,
            not_in_text=tuple(compile_(p) for p in rule.get("not_in_text", [])),
            scope=_scope(rule.get("scope", "sentence")),
            names=tuple(rule.get("names", [])),
            sure=bool(rule.get("sure", True)),
            min_distinct=int(rule.get("min_distinct", 1)),
            one_sign=tuple(compile_(p) for p in rule.get("one_sign", [])),
            against=bool(rule.get("against", False)),
            not_in_title=tuple(compile_(p) for p in rule.get("not_in_title", [])),
            sure_with_items=tuple(compile_(p) for p in rule.get("sure_with_items", [])),
        )
        for code, rules in data.get("content", {}).items()
        if code in codes
        for rule in rules
    )
    return RuleSet(kind, data, codes, patterns, domains, content, units)


def expand(pattern: str, macros: Mapping[str, str]) -> str:
    """``pattern`` with the rule file's ``[macros]`` ({S}, {HAN} …) written out.

    Example:
        >>> expand("{A}x", {"A": "{B}{B}", "B": "b"})
        'bbx'
    """
    # Macros may use macros ({WRONG} uses {S}): expand until none is left.
    expanded, previous = pattern, ""
    while expanded != previous:
        previous = expanded
        expanded = re.sub(r"\{([A-Z_]+)\}", lambda m: macros[m.group(1)], expanded)
    return expanded


def _scope(scope: str) -> str:
    if scope not in ("sentence", "line"):
        raise ValueError(f"未知的范围 / unknown scope: {scope!r} (use sentence or line)")
    return scope


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
