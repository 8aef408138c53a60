"""What the structure points of a draft question are given for, in graded notebooks.

The draft questions of exercises 02 and 04 give their automatic structure points
for the **national** requirements only: the three parts (情况、分析、建议), one matter
(一事一案 / 一事一报, as far as the title shows it), and no blocking issue (a 不予立案
item for a proposal). Warnings that are one place's practice (a district's
2,000-character cap) or the review's own guesses (a suggestion that seems to stray
into another policy domain) stay on screen as advice and for the teacher; they never
take points away.

:func:`counted_chars` counts a text the way the review's length check does (every
character that is not whitespace), so a task's "不超过1500字" and the checker agree.
"""

from __future__ import annotations

import re

__all__ = ["PART_CODES", "counted_chars", "structure_problems"]

#: Finding codes that mean one of the three parts is missing.
PART_CODES = ("missing_situation", "missing_analysis", "missing_suggestions")

_SPACE = re.compile(r"\s")


def counted_chars(text: str) -> int:
    """The number of characters the length check counts: all but whitespace.

    >>> counted_chars("一、情况\\n 有 事实 ")
    7
    """
    return len(text) - len(_SPACE.findall(text))


def structure_problems(text: str, kind: str) -> list[str]:
    """Chinese reasons why ``text`` misses a national requirement (empty when it meets all).

    Args:
        text: The draft.
        kind: ``"proposal"`` or ``"sheqing"``: which review to run.

    Example:
        >>> structure_problems("关于加装电梯的建议\\n有关部门要高度重视。", "proposal")
        ['缺少“情况”部分', '缺少“分析”部分', '缺少“建议”部分']
    """
    from trainingkit.review import review_proposal, review_sheqing

    review = review_proposal(text) if kind == "proposal" else review_sheqing(text)
    names = {"missing_situation": "情况", "missing_analysis": "分析", "missing_suggestions": "建议"}
    # A hint (请核实：……) of a missing part is the review's unsure guess: it costs no
    # points, like every hint (review/codes.py).
    problems = [f"缺少“{names[code]}”部分" for code in PART_CODES if code in review.flagged]
    title = review.title
    if title is not None and any(
        f.code == "multiple_matters" and f.start < title.end for f in review.findings
    ):
        problems.append("标题里有不止一件事（一事一案、一事一报）")
    blocking = [f for f in review.findings if f.severity == "blocking" and f.code not in PART_CODES]
    if blocking:
        problems.append("有不予立案或不能报送的问题，请按「自检」查看提示")
    return problems
