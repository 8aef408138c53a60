"""提案体检: review a proposal or 社情民意 draft against the rules it must meet.

>>> from trainingkit.review import review_proposal
>>> review = review_proposal(text)            # doctest: +SKIP
>>> review.registrable, [f.code for f in review.findings]   # doctest: +SKIP

Rules, lexicons and limits are data in ``trainingkit/facts/review_*.toml``. This
package imports only the standard library at import time (Jinja2 is imported by
:func:`render_html` when it is called), so graded notebooks can import it cheaply.
"""

from __future__ import annotations

from trainingkit.review.config import load_rules, raw_rules
from trainingkit.review.findings import CODES, SEVERITIES, Finding, Part, Review, Severity
from trainingkit.review.proposal import review_proposal
from trainingkit.review.render import render_html
from trainingkit.review.sheqing import review_sheqing

__all__ = [
    "CODES",
    "SEVERITIES",
    "Finding",
    "Part",
    "Review",
    "Severity",
    "load_rules",
    "raw_rules",
    "render_html",
    "review_proposal",
    "review_sheqing",
]
