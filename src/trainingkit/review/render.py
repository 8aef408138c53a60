"""``render_html``: the 提案体检 view, highlighting each finding's passage.

The HTML is deterministic and escaped (a Jinja2 template with autoescape): widgets
show it live, and :meth:`Review._repr_html_` uses it in notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainingkit.review.findings import SEVERITIES, Finding, Review
from trainingkit.templating import render_template

__all__ = ["render_html"]

# A blocking finding means "would not be registered" for a proposal; a 社情民意
# report has no 立案 step, so its blocking findings are simply "must fix".
_PHRASES = {
    "proposal": {"clean": "不予立案", "blocking": "可能导致不予立案"},
    "sheqing": {"clean": "必须修改", "blocking": "必须修改"},
}
_LABELS = {
    "proposal": {"blocking": "不予立案", "warning": "需要修改", "hint": "提示"},
    "sheqing": {"blocking": "必须修改", "warning": "建议修改", "hint": "提示"},
}
_COLOURS = {"blocking": "#f8d0d0", "warning": "#fbe7b5", "hint": "#d8e8f8"}


@dataclass(frozen=True)
class _Piece:
    text: str
    severity: str = ""
    colour: str = ""
    title: str = ""
    marker: bool = False
    numbers: str = ""


def render_html(text: str, review: Review) -> str:
    """Return an HTML view of ``text`` with every finding of ``review`` highlighted.

    Args:
        text: The reviewed draft (the same string that was passed to the review).
        review: The result of :func:`review_proposal` or :func:`review_sheqing`.

    Returns:
        A self-contained HTML fragment; the same input always gives the same output.
    """
    return render_template(
        "review_highlight.html.j2",
        review=review,
        pieces=_pieces(text, review.findings),
        blocking=len(review.by_severity("blocking")),
        phrases=_PHRASES[review.kind],
        labels=_LABELS[review.kind],
        colours=_COLOURS,
    )


def _pieces(text: str, findings: tuple[Finding, ...]) -> list[_Piece]:
    numbered = list(enumerate(findings, start=1))
    cuts = {0, len(text)}
    for _, f in numbered:
        cuts.update({min(f.start, len(text)), min(f.end, len(text))})
    bounds = sorted(cuts)
    pieces: list[_Piece] = []
    for a, b in zip(bounds, [*bounds[1:], len(text)], strict=True):
        markers = [(n, f) for n, f in numbered if f.start == f.end == a]
        if markers:
            pieces.append(_marker(markers))
        if a >= b:
            continue
        covering = [(n, f) for n, f in numbered if f.start <= a and b <= f.end and f.start < f.end]
        if not covering:
            pieces.append(_Piece(text[a:b]))
            continue
        severity = min((f.severity for _, f in covering), key=SEVERITIES.index)
        title = "\n".join(f"[{n}] {f.message}" for n, f in covering)
        pieces.append(_Piece(text[a:b], severity, _COLOURS[severity], title))
    return pieces


def _marker(markers: list[tuple[int, Finding]]) -> _Piece:
    severity = min((f.severity for _, f in markers), key=SEVERITIES.index)
    title = "\n".join(f"[{n}] {f.message}" for n, f in markers)
    numbers = ",".join(str(n) for n, _ in markers)
    return _Piece("", severity, _COLOURS[severity], title, marker=True, numbers=numbers)
