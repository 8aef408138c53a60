"""提案体检: review a proposal or 社情民意 draft against the rules it must meet.

>>> from trainingkit.review import review_proposal
>>> review = review_proposal(text)            # doctest: +SKIP
>>> review.registrable, [f.code for f in review.findings]   # doctest: +SKIP
>>> review_draft("sheqing", text)           # the kind chosen at run time  # doctest: +SKIP

Blocking findings make a draft unregistrable; warnings ask for a revision; hints
("请核实：……") name an unsure signal and never block.

Rules, lexicons and limits are data in ``trainingkit/facts/review_*.toml``. This
package imports only the standard library at import time (Jinja2 is imported by
:func:`render_html` when it is called), so graded notebooks can import it cheaply.
"""

from __future__ import annotations

from trainingkit.review.codes import CODE_NAMES, code_name
from trainingkit.review.config import load_rules, raw_rules
from trainingkit.review.findings import CODES, SEVERITIES, Finding, Part, Review, Severity
from trainingkit.review.proposal import review_draft, review_proposal
from trainingkit.review.render import FindingGroup, group_findings, render_html
from trainingkit.review.sheqing import review_sheqing

__all__ = [
    "CODES",
    "CODE_NAMES",
    "SEVERITIES",
    "Finding",
    "FindingGroup",
    "Part",
    "Review",
    "Severity",
    "code_name",
    "group_findings",
    "load_rules",
    "raw_rules",
    "render_html",
    "review_draft",
    "review_proposal",
    "review_sheqing",
]
