"""``review_proposal``: 提案体检 for one draft."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trainingkit.review.accused import check_accused
from trainingkit.review.calibrate import calibrate
from trainingkit.review.config import load_rules
from trainingkit.review.content import check_content
from trainingkit.review.findings import CODES, Finding, Part, Review
from trainingkit.review.hollow import read_hollow_analysis
from trainingkit.review.kin import check_relatives
from trainingkit.review.parse import Draft, parse_draft
from trainingkit.review.promotion import check_advertising
from trainingkit.review.structure import check_structure
from trainingkit.review.text import Segment

__all__ = ["review_draft", "review_proposal"]


def review_proposal(text: str, *, config: Mapping[str, Any] | None = None) -> Review:
    """Review a proposal draft (提案) and return the verdict with its findings.

    Args:
        text: The draft, with or without headings; any length, may be empty.
        config: Optional overrides merged over ``facts/review_proposal.toml``, e.g.
            ``{"limits": {"max_chars": 3000}}``.

    Returns:
        A :class:`Review`; ``registrable`` is False exactly when a blocking finding
        exists. Finding offsets index the original ``text``.

    Example:
        >>> review = review_proposal("关于增设学校周边斑马线的建议")
        >>> review.registrable, review.codes
        (False, ('missing_situation', 'missing_analysis', 'missing_suggestions'))
    """
    return review_draft("proposal", text, config)


def review_draft(kind: str, text: str, config: Mapping[str, Any] | None = None) -> Review:
    """Review ``text`` with the rules for ``kind`` (``proposal`` or ``sheqing``).

    The one entry point for callers that choose the kind at run time (the CLI, the
    instructors' report, the exercise self-check).

    Raises:
        ValueError: ``kind`` is neither ``proposal`` nor ``sheqing``.

    Example:
        >>> review_draft("sheqing", "").kind
        'sheqing'
    """
    if not isinstance(text, str):
        raise TypeError(f"文稿必须是字符串 / text must be str, not {type(text).__name__}")
    rules = load_rules(kind, config)
    draft = parse_draft(text, rules)
    content = check_content(text, draft.norm, rules, draft.title, draft.items)
    findings = [
        *check_structure(draft, rules),
        *content,
        *check_advertising(text, draft.norm, rules),
        *check_relatives(draft, rules),
        *check_accused(draft, rules),
    ]
    findings = calibrate(findings, draft, rules)
    # After the model: its words are the very words this check sets aside (review.hollow).
    findings = read_hollow_analysis(findings, draft, rules)
    order = {code: i for i, code in enumerate(CODES)}
    findings.sort(key=lambda f: (f.start, order[f.code], f.end))
    findings = _dedupe(findings)
    return Review(
        registrable=not any(f.severity == "blocking" for f in findings),
        findings=tuple(findings),
        kind=kind,
        text=text,
        title=_part(draft, draft.title),
        situation=_part(draft, draft.part("situation")),
        analysis=_part(draft, draft.part("analysis")),
        suggestions=_part(draft, draft.part("suggestions")),
    )


def _part(draft: Draft, segment: Segment | None) -> Part | None:
    if segment is None:
        return None
    return Part(segment.start, segment.end, draft.text[segment.start : segment.end])


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop repeated findings, and the hints of a code that also has a sure finding."""
    sure = {f.code for f in findings if f.severity != "hint"}
    seen: set[tuple[str, int, int]] = set()
    result = []
    for finding in findings:
        if finding.severity == "hint" and finding.code in sure:
            continue
        key = (finding.code, finding.start, finding.end)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result
