"""``review_sheqing``: the same review for 社情民意信息, with the subset that applies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trainingkit.review.findings import Review
from trainingkit.review.proposal import review_draft

__all__ = ["review_sheqing"]


def review_sheqing(text: str, *, config: Mapping[str, Any] | None = None) -> Review:
    """Review a 社情民意信息 draft.

    The rules come from ``facts/review_sheqing.toml``: 一事一报 (``multiple_matters``),
    a length limit (default 1,500 characters, Guangzhou's practice, configurable) and
    有情况、有分析、有建议 (``missing_*``). Other proposal codes do not apply.

    Args:
        text: The draft; any length, may be empty.
        config: Optional overrides merged over the rule file, e.g.
            ``{"limits": {"max_chars": 1200}}``.

    Returns:
        A :class:`Review` with ``kind == "sheqing"``.

    Example:
        >>> review_sheqing("").codes
        ('missing_situation', 'missing_analysis', 'missing_suggestions')
    """
    return review_draft("sheqing", text, config)
