"""``render_html``: the 提案体检 view, highlighting each finding's passage.

The HTML is deterministic and escaped (a Jinja2 template with autoescape): widgets
show it live, and :meth:`Review._repr_html_` uses it in notebooks.

What the trainee reads: each code by its Chinese name (never the English id);
repeated hits of one code grouped into one numbered item with every passage
highlighted; blocking findings first, then warnings, then hints ("请核实"), each
kind in its own colour and label.

This module imports only :mod:`.codes`: it reads a review through the small
protocols below, so :mod:`.findings` can import it without an import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from trainingkit.review.codes import SEVERITIES, code_name
from trainingkit.templating import render_template

__all__ = ["FindingGroup", "group_findings", "render_html"]

# A blocking finding means "would not be registered" for a proposal; a 社情民意
# report has no 立案 step, so its blocking findings are simply "must fix".
_PHRASES = {
    "proposal": {"clean": "不予立案", "blocking": "可能导致不予立案"},
    "sheqing": {"clean": "必须修改", "blocking": "必须修改"},
}
_LABELS = {
    "proposal": {"blocking": "不予立案", "warning": "需要修改", "hint": "请核实"},
    "sheqing": {"blocking": "必须修改", "warning": "建议修改", "hint": "请核实"},
}
_COLOURS = {"blocking": "#f8d0d0", "warning": "#fbe7b5", "hint": "#d8e8f8"}


class _Finding(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class _Review(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def registrable(self) -> bool: ...
    @property
    def findings(self) -> Sequence[_Finding]: ...


@dataclass(frozen=True)
class FindingGroup:
    """All hits of one code at one severity, shown as one item.

    Attributes:
        number: The item's number in the list (1, 2, …), as shown in the text.
        code: The finding code (kept for CSS classes and tests, never shown).
        name: The code's Chinese name.
        severity: ``blocking``, ``warning`` or ``hint``.
        message: The explanation of the first hit.
        spans: ``(start, end)`` of every hit, in text order.
    """

    number: int
    code: str
    name: str
    severity: str
    message: str
    spans: tuple[tuple[int, int], ...]


def group_findings(findings: Sequence[_Finding]) -> tuple[FindingGroup, ...]:
    """Group the findings by code and severity: blocking first, then by position.

    Example:
        >>> from trainingkit.review import review_proposal
        >>> groups = group_findings(review_proposal("关于增设斑马线的建议").findings)
        >>> [(g.number, g.name, g.severity) for g in groups]
        [(1, '缺少建议', 'blocking'), (2, '缺少情况', 'warning'), (3, '缺少分析', 'warning')]
    """
    hits: dict[tuple[str, str], list[_Finding]] = {}
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        hits.setdefault((finding.code, finding.severity), []).append(finding)
    ordered = sorted(
        hits.items(), key=lambda kv: (SEVERITIES.index(kv[0][1]), kv[1][0].start, kv[1][0].end)
    )
    return tuple(
        FindingGroup(
            number=n,
            code=code,
            name=code_name(code),
            severity=severity,
            message=group[0].message,
            spans=tuple(dict.fromkeys((f.start, f.end) for f in group)),
        )
        for n, ((code, severity), group) in enumerate(ordered, start=1)
    )


@dataclass(frozen=True)
class _Piece:
    text: str
    severity: str = ""
    colour: str = ""
    title: str = ""
    marker: bool = False
    numbers: str = ""


def render_html(text: str, review: _Review) -> str:
    """Return an HTML view of ``text`` with every finding of ``review`` highlighted.

    Args:
        text: The reviewed draft (the same string that was passed to the review).
        review: The result of :func:`review_proposal` or :func:`review_sheqing`.

    Returns:
        A self-contained HTML fragment; the same input always gives the same output.
    """
    groups = group_findings(review.findings)
    counts = {s: sum(1 for g in groups if g.severity == s) for s in SEVERITIES}
    return render_template(
        "review_highlight.html.j2",
        registrable=review.registrable,
        groups=groups,
        pieces=_pieces(text, groups),
        counts=counts,
        phrases=_PHRASES[review.kind],
        labels=_LABELS[review.kind],
        colours=_COLOURS,
    )


def _pieces(text: str, groups: tuple[FindingGroup, ...]) -> list[_Piece]:
    spans = [(g, min(a, len(text)), min(b, len(text))) for g in groups for a, b in g.spans]
    cuts = {0, len(text)}
    for _, a, b in spans:
        cuts.update({a, b})
    bounds = sorted(cuts)
    pieces: list[_Piece] = []
    for a, b in zip(bounds, [*bounds[1:], len(text)], strict=True):
        markers = [g for g, s, e in spans if s == e == a]
        if markers:
            pieces.append(_marker(markers))
        if a >= b:
            continue
        covering = list(dict.fromkeys(g for g, s, e in spans if s <= a and b <= e and s < e))
        if not covering:
            pieces.append(_Piece(text[a:b]))
            continue
        severity = min((g.severity for g in covering), key=SEVERITIES.index)
        title = "\n".join(f"[{g.number}] {g.name}：{g.message}" for g in covering)
        pieces.append(_Piece(text[a:b], severity, _COLOURS[severity], title))
    return pieces


def _marker(groups: list[FindingGroup]) -> _Piece:
    groups = list(dict.fromkeys(groups))
    severity = min((g.severity for g in groups), key=SEVERITIES.index)
    title = "\n".join(f"[{g.number}] {g.name}：{g.message}" for g in groups)
    numbers = ",".join(str(g.number) for g in groups)
    return _Piece("", severity, _COLOURS[severity], title, marker=True, numbers=numbers)
