"""Exercise questions: what each kind of answer looks like, and the instant self-check.

Plain functions over plain values (the contents of ``answers.json``), so the answer
sheet, its widgets and the tests share one definition of a complete answer. Only
the *form* of an answer is judged here, never whether it is right: that is the
hidden tests' job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trainingkit.checks import CheckResult

__all__ = ["KINDS", "Question", "describe", "is_blank", "problem", "self_check"]

KINDS = ("single", "multi", "order", "match", "number", "date", "text")


@dataclass(frozen=True)
class Question:
    """One question of an exercise: what kind of answer it takes and what is valid.

    Attributes:
        qid: Stable id, the key in ``answers.json``.
        kind: One of ``single``, ``multi``, ``order``, ``match``, ``number``, ``date``, ``text``.
        options: Keys and labels of the choices (single, multi), the items to order
            (order) or the items to classify (match).
        choices: Keys and labels of the categories (match only).
        minimum: Smallest valid number (number only).
        maximum: Largest valid number (number only).
        min_chars: Shortest valid text (text only).
        max_chars: Length limit shown by the self-check (text only; not enforced).
        sections: Headings the self-check looks for in a draft (text only).
        review: ``"proposal"`` or ``"sheqing"``: run that review in the self-check.
    """

    qid: str
    kind: str
    options: Mapping[str, str] = field(default_factory=dict)
    choices: Mapping[str, str] = field(default_factory=dict)
    minimum: float | None = None
    maximum: float | None = None
    min_chars: int = 1
    max_chars: int | None = None
    sections: Sequence[str] = ()
    review: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"未知题型 / unknown question kind: {self.kind!r}")


def is_blank(value: Any) -> bool:
    """Whether ``value`` counts as no answer (None, empty text, list or mapping)."""
    return value is None or (isinstance(value, str | list | dict) and not value)


def _is_key(value: Any, keys: Mapping[str, str]) -> bool:
    return isinstance(value, str) and value in keys


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"应在 {low:g} 到 {high:g} 之间"
    return f"应不小于 {low:g}" if low is not None else f"应不大于 {high:g}"


def problem(question: Question, value: Any) -> str | None:
    """Why ``value`` is not a complete, well-formed answer to ``question`` (None if it is).

    Only the form is judged, never whether the answer is right.

    Example:
        >>> q = Question("q1", "single", {"A": "甲", "B": "乙"})
        >>> problem(q, "C")
        '所选的「C」不是本题的选项。'
        >>> problem(q, "B") is None
        True
    """
    if is_blank(value):
        return "还没有作答。"
    kind, options = question.kind, question.options
    if kind == "single":
        return None if _is_key(value, options) else f"所选的「{value}」不是本题的选项。"
    if kind == "multi":
        if not isinstance(value, list) or not all(_is_key(v, options) for v in value):
            return "答案中有不属于本题的选项。"
        return None if len(set(value)) == len(value) else "同一个选项选了两次。"
    if kind == "order":
        if not isinstance(value, list) or not all(v == "" or _is_key(v, options) for v in value):
            return "排序中有不属于本题的步骤。"
        if len(value) != len(options) or "" in value:
            return f"还有步骤没有排：共 {len(options)} 步，每一步都要选。"
        return None if len(set(value)) == len(value) else "有步骤重复了：每个步骤只能用一次。"
    if kind == "match":
        if not isinstance(value, dict) or not all(
            is_blank(v) or _is_key(v, question.choices) for v in value.values()
        ):
            return "归类中有不属于本题的类别。"
        missing = [item for item in options if is_blank(value.get(item))]
        return f"还有 {len(missing)} 项没有选择。" if missing else None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "请填写一个数字（只写阿拉伯数字，例如 85）。"
        low, high = question.minimum, question.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            return f"这个数不在合理范围内（{_range(low, high)}）。"
        return None
    if kind == "date":
        try:
            date.fromisoformat(str(value))
        except ValueError:
            return "请选择一个日期。"
        return None
    if not isinstance(value, str):
        return "答案应当是一段文字。"
    if len(value.strip()) < question.min_chars:
        return f"内容太短：至少要写 {question.min_chars} 个字，现在是 {len(value.strip())} 个字。"
    return None


def describe(question: Question, value: Any) -> str:
    """The answer as one plain-text line (a draft: its full text), for outputs and feedback.

    Example:
        >>> describe(Question("q1", "single", {"A": "甲", "B": "乙"}), "B")
        'B. 乙'
    """
    if is_blank(value):
        return "（未作答）"
    labels = {**question.options, **question.choices}
    if question.kind == "single" and isinstance(value, str):
        return f"{value}. {labels.get(value, '?')}"
    if question.kind in ("multi", "order") and isinstance(value, list):
        value = [v if isinstance(v, str) else str(v) for v in value]
        return (
            " → ".join(labels.get(v, v) if v else "（空）" for v in value)
            if question.kind == "order"
            else "、".join(value)
        )
    if question.kind == "match" and isinstance(value, dict):
        # in the question's own order (甲乙丙…), not the order the trainee chose in
        ordered = [k for k in question.options if k in value]
        ordered += [k for k in value if k not in question.options]
        return "；".join(f"{k}：{labels.get(str(value[k]), value[k])}" for k in ordered)
    if question.kind == "date":
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return f"{day.isoformat()}（周{'一二三四五六日'[day.weekday()]}）"
    return str(value)


def _draft_notes(question: Question, text: str) -> tuple[list[str], list[str]]:
    """(problems, remarks) about a draft: length, missing sections, review findings.

    Blocking findings and warnings are problems (the structure test counts them);
    hints are remarks.
    """
    problems: list[str] = []
    remarks = [f"共 {len(text.strip())} 字。"]
    if question.max_chars is not None and len(text.strip()) > question.max_chars:
        problems.append(f"超过了 {question.max_chars} 字的篇幅要求。")
    missing = [s for s in question.sections if s not in text]
    if missing:
        problems.append("缺少这些部分：" + "、".join(missing) + "。")
    if question.review:
        from trainingkit.review import review_draft

        result = review_draft(question.review, text)
        for finding in result.findings:
            (remarks if finding.severity == "hint" else problems).append(finding.message)
        if not result.findings:
            remarks.append("体检没有发现结构问题。")
    return problems, remarks


def self_check(question: Question, value: Any) -> CheckResult:
    """An instant self-check: is the answer complete and well-formed?

    It never says whether a choice is right: with a handful of options, any hint of
    right/wrong (or a hash of the answer) would let a trainee find the hidden answer
    by trying each option. A draft gets its structural findings instead.

    Example:
        >>> q = Question("q1", "order", {"a": "甲", "b": "乙"})
        >>> self_check(q, ["a", ""]).message
        '还有步骤没有排：共 2 步，每一步都要选。'
    """
    issue = problem(question, value)
    if issue:
        return CheckResult(False, issue)
    remarks: list[str] = []
    if question.kind == "text":
        problems, remarks = _draft_notes(question, str(value))
        if problems:
            # one finding per line (the result box keeps line breaks)
            return CheckResult(False, "\n".join(problems + remarks))
    if question.kind == "date":
        day = date.fromisoformat(str(value))
        remarks.append(f"您填的是 {describe(question, value)}。")
        if day.weekday() >= 5:
            remarks.append("注意：这一天是周末，一般不是工作日。")
    ready = "已完整作答，格式正确，可以提交。自检只看是否答完整，不透露对错。"
    return CheckResult(True, " ".join([ready, *remarks]))
