"""Answer checks for self-check cells and nbgrader grade cells.

Each ``check_*`` helper compares a trainee's answer with the expected one and
returns a :class:`CheckResult`; each ``assert_*`` variant raises
``AssertionError`` with the same Chinese message instead, for grade cells
(nbgrader scores a grade cell 0 on an error, so these never print to stderr).

Messages say *how much* is wrong, never what the right answer is, so a result
can be shown to a trainee without giving a hidden answer away.

This module is imported in graded notebooks: it imports nothing heavy
(pandas only inside :func:`check_frame`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ParamSpec

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CheckResult",
    "assert_choice",
    "assert_frame",
    "assert_mapping",
    "assert_multi",
    "assert_number",
    "assert_order",
    "check_choice",
    "check_frame",
    "check_mapping",
    "check_multi",
    "check_number",
    "check_order",
]

_NO_ANSWER = "还没有作答。"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check.

    Attributes:
        passed: Whether the answer is right.
        message: A short Chinese explanation for the trainee.
        points: Points earned, when the check awards partial credit.

    Example:
        >>> CheckResult(True, "回答正确。").passed
        True
    """

    passed: bool
    message: str
    points: float | None = None

    def __bool__(self) -> bool:
        return self.passed

    def raise_for_failure(self) -> None:
        """Raise ``AssertionError`` with the message when the check failed."""
        if not self.passed:
            raise AssertionError(self.message)

    def _repr_html_(self) -> str:
        from trainingkit.templating import render_template

        return render_template(
            "check_result.html.j2", passed=self.passed, message=self.message, points=self.points
        )

    def __str__(self) -> str:
        return ("✔ " if self.passed else "✘ ") + self.message


def _is_blank(answer: Any) -> bool:
    return answer is None or (isinstance(answer, str | Sequence | Mapping) and len(answer) == 0)


def check_choice(answer: str | None, expected: str) -> CheckResult:
    """Check a single-choice answer.

    Example:
        >>> check_choice("B", "B").passed
        True
        >>> check_choice("A", "B").message
        '答案不正确，请再想一想。'
    """
    if _is_blank(answer):
        return CheckResult(False, _NO_ANSWER, 0)
    if str(answer).strip() == expected.strip():
        return CheckResult(True, "回答正确。", 1)
    return CheckResult(False, "答案不正确，请再想一想。", 0)


def check_multi(
    answer: Iterable[str] | None, expected: Iterable[str], *, partial: bool = False
) -> CheckResult:
    """Check a multiple-select answer (order does not matter).

    With ``partial=True``, ``points`` is the share of options judged right
    (each option chosen or left out correctly), floored at 0.

    Example:
        >>> check_multi(["甲", "乙"], ["乙", "甲"]).passed
        True
        >>> check_multi(["甲"], ["甲", "乙"]).message
        '还有 1 项该选的没有选。'
    """
    if answer is None or _is_blank(list(answer)):
        return CheckResult(False, _NO_ANSWER, 0)
    chosen, wanted = set(answer), set(expected)
    missing, extra = len(wanted - chosen), len(chosen - wanted)
    if not missing and not extra:
        return CheckResult(True, "全部选对了。", 1)
    parts = []
    if missing:
        parts.append(f"还有 {missing} 项该选的没有选")
    if extra:
        parts.append(f"有 {extra} 项不该选")
    universe = len(wanted | chosen)
    share = max(0.0, 1 - (missing + extra) / universe) if partial else 0.0
    return CheckResult(False, "，".join(parts) + "。", round(share, 4))


def check_order(answer: Sequence[str] | None, expected: Sequence[str]) -> CheckResult:
    """Check an ordering; reports how many positions are wrong.

    Example:
        >>> check_order(["一", "三", "二"], ["一", "二", "三"]).message
        '有 2 个位置不对。'
    """
    if answer is None or _is_blank(list(answer)):
        return CheckResult(False, _NO_ANSWER, 0)
    answer = list(answer)
    if sorted(answer) != sorted(expected):
        message = "排序中的步骤与题目给出的不一致：请把每个步骤都排进去，且各排一次。"
        return CheckResult(False, message, 0)
    wrong = sum(a != e for a, e in zip(answer, expected, strict=True))
    if not wrong:
        return CheckResult(True, "顺序完全正确。", 1)
    return CheckResult(False, f"有 {wrong} 个位置不对。", 0)


def check_mapping(answer: Mapping[str, str] | None, expected: Mapping[str, str]) -> CheckResult:
    """Check a classification or matching: every item mapped to its category.

    Example:
        >>> check_mapping({"甲": "立案", "乙": "不予立案"}, {"甲": "立案", "乙": "立案"}).message
        '2 项中有 1 项归类不对。'
    """
    if answer is None or _is_blank(answer):
        return CheckResult(False, _NO_ANSWER, 0)
    unanswered = [key for key in expected if _is_blank(answer.get(key))]
    if unanswered:
        return CheckResult(False, f"还有 {len(unanswered)} 项没有归类。", 0)
    wrong = sum(str(answer[key]) != str(value) for key, value in expected.items())
    if not wrong:
        return CheckResult(True, "全部归类正确。", 1)
    share = round(1 - wrong / len(expected), 4)
    return CheckResult(False, f"{len(expected)} 项中有 {wrong} 项归类不对。", share)


def check_number(
    answer: float | int | str | None,
    expected: float,
    *,
    abs_tol: float = 0.0,
    rel_tol: float = 0.0,
) -> CheckResult:
    """Check a number within an absolute or relative tolerance.

    Example:
        >>> check_number("85", 85).passed
        True
        >>> check_number(84.6, 85, abs_tol=0.5).passed
        True
    """
    if _is_blank(answer):
        return CheckResult(False, _NO_ANSWER, 0)
    try:
        value = float(str(answer).strip().replace("，", "").replace(",", ""))
    except ValueError:
        return CheckResult(False, "请填写一个数字。", 0)
    if math.isclose(value, expected, abs_tol=abs_tol, rel_tol=rel_tol):
        return CheckResult(True, "数值正确。", 1)
    return CheckResult(False, "数值不对，请再算一遍。", 0)


def check_frame(answer: pd.DataFrame | None, expected: pd.DataFrame) -> CheckResult:
    """Check a table: same columns, same rows (row order ignored), same values.

    Example:
        >>> import pandas as pd
        >>> check_frame(pd.DataFrame({"a": [2, 1]}), pd.DataFrame({"a": [1, 2]})).passed
        True
    """
    import pandas as pd

    if answer is None:
        return CheckResult(False, _NO_ANSWER, 0)
    if not isinstance(answer, pd.DataFrame):
        return CheckResult(False, "答案应当是一张表格（DataFrame）。", 0)
    if sorted(map(str, answer.columns)) != sorted(map(str, expected.columns)):
        return CheckResult(False, "表格的列与要求不一致。", 0)
    if len(answer) != len(expected):
        return CheckResult(False, f"表格应有 {len(expected)} 行，现在是 {len(answer)} 行。", 0)
    columns = list(expected.columns)
    left = answer[columns].sort_values(columns).reset_index(drop=True)
    right = expected[columns].sort_values(columns).reset_index(drop=True)
    try:
        pd.testing.assert_frame_equal(left, right, check_dtype=False)
    except AssertionError:
        return CheckResult(False, "表格中有数值不对。", 0)
    return CheckResult(True, "表格正确。", 1)


P = ParamSpec("P")


def _raising(check: Callable[P, CheckResult]) -> Callable[P, None]:
    def assert_(*args: P.args, **kwargs: P.kwargs) -> None:
        check(*args, **kwargs).raise_for_failure()

    assert_.__name__ = check.__name__.replace("check_", "assert_")
    assert_.__doc__ = (
        f"Like :func:`{check.__name__}`, but raise ``AssertionError`` with its message "
        "when the answer is wrong; for nbgrader grade cells."
    )
    return assert_


assert_choice = _raising(check_choice)
assert_multi = _raising(check_multi)
assert_order = _raising(check_order)
assert_mapping = _raising(check_mapping)
assert_number = _raising(check_number)
assert_frame = _raising(check_frame)
