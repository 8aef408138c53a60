"""The result types of a review: :class:`Finding`, :class:`Part` and :class:`Review`.

Finding codes and the JSON shape of :meth:`Review.to_dict` are public API: widgets,
exercises and the ``trainingkit review --json`` command rely on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainingkit.review.codes import CODE_NAMES, CODES, SEVERITIES, Severity, code_name
from trainingkit.review.render import render_html

__all__ = [
    "CODES",
    "CODE_NAMES",
    "MODEL_MARK",
    "SEVERITIES",
    "Finding",
    "Part",
    "Review",
    "Severity",
]

#: How the basis of a finding the text model made ends (``Finding.rule``).
MODEL_MARK = "（文本模型）"


@dataclass(frozen=True)
class Part:
    """One parsed part of a draft (title, situation, analysis or suggestions).

    Attributes:
        start: Offset of the first character in the original text.
        end: Offset just past the last character in the original text.
        text: ``original[start:end]``.
    """

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """One problem found in a draft.

    Attributes:
        code: Stable finding code, one of :data:`CODES`.
        severity: ``blocking`` (would not be registered), ``warning`` (must be
            revised) or ``hint`` (an unsure signal to verify, "请核实：……").
        message: Chinese explanation for the trainee; names the rule it comes from.
        start: Offset of the passage in the original text.
        end: Offset just past the passage (``start == end`` marks a place, e.g.
            where a missing part should go).
        rule: The rule the finding comes from, with its source.
        matched: The words or phrases that triggered the finding, for explanation.
    """

    code: str
    severity: Severity
    message: str
    start: int
    end: int
    rule: str = ""
    matched: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The Chinese name of the code, for trainees (never the English id)."""
        return code_name(self.code)

    def to_dict(self) -> dict[str, Any]:
        """Return the public JSON shape of the finding."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Review:
    """The verdict on one draft.

    Attributes:
        registrable: False exactly when a blocking finding exists.
        findings: Findings ordered by position, then by code order.
        kind: ``proposal`` or ``sheqing``.
        text: The original text that was reviewed.
        title: The parsed title, or None.
        situation: The parsed situation (情况), or None.
        analysis: The parsed analysis (分析), or None.
        suggestions: The parsed suggestions (建议), or None.
    """

    registrable: bool
    findings: tuple[Finding, ...]
    kind: str = "proposal"
    text: str = field(default="", repr=False)
    title: Part | None = None
    situation: Part | None = None
    analysis: Part | None = None
    suggestions: Part | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        """The distinct finding codes of any severity, hints included, in report order."""
        present = {finding.code for finding in self.findings}
        return tuple(code for code in CODES if code in present)

    @property
    def flagged(self) -> tuple[str, ...]:
        """The distinct codes of blocking findings and warnings (hints left out)."""
        present = {f.code for f in self.findings if f.severity != "hint"}
        return tuple(code for code in CODES if code in present)

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        """Return the findings of one severity."""
        return tuple(f for f in self.findings if f.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"registrable": bool, "findings": [...]}``, the public JSON shape."""
        return {
            "registrable": self.registrable,
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def _repr_html_(self) -> str:
        return render_html(self.text, self)
