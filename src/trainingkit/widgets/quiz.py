"""The end-of-module self-check quiz: choices through widgets, feedback on a button.

Questions are plain data (:class:`Question`); marking uses
:func:`trainingkit.checks.check_choice` and :func:`~trainingkit.checks.check_multi`,
so a lesson's quiz behaves like the exercises' self-checks. Lesson quizzes are not
graded: after a right answer the explanation is shown, after a wrong one a hint
(which section to re-read), never the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets

from trainingkit.checks import CheckResult, check_choice, check_multi
from trainingkit.templating import render_template
from trainingkit.widgets.common import CourseWidget, output_area, tag

__all__ = ["Question", "QuizWidget", "mark"]


@dataclass(frozen=True)
class Question:
    """One quiz question.

    Attributes:
        prompt: the question, in Chinese.
        options: the choices shown.
        answer: the right option, or a tuple of options for "选出所有正确的".
        explanation: shown once the answer is right.
        hint: shown when the answer is wrong (where to look again).
    """

    prompt: str
    options: Sequence[str]
    answer: str | tuple[str, ...]
    explanation: str = ""
    hint: str = ""

    def __post_init__(self) -> None:
        wanted = (self.answer,) if isinstance(self.answer, str) else self.answer
        missing = [a for a in wanted if a not in self.options]
        if missing:
            raise ValueError(f"答案不在选项中 / answer not among options: {missing}")

    @property
    def multiple(self) -> bool:
        """Whether several options are to be chosen."""
        return not isinstance(self.answer, str)


def mark(question: Question, chosen: str | Sequence[str] | None) -> CheckResult:
    """Mark one answer.

    Example:
        >>> q = Question("1+1=?", ["1", "2"], "2")
        >>> mark(q, "2").passed
        True
    """
    if isinstance(question.answer, str):
        return check_choice(chosen if isinstance(chosen, str) else None, question.answer)
    return check_multi(list(chosen or []), question.answer)


class QuizWidget(CourseWidget):
    """All questions of a quiz, one "检查答案" button, per-question feedback.

    Example:
        >>> w = QuizWidget([Question("1+1=?", ["1", "2"], "2", explanation="对")])
        >>> w.inputs[0].value = "2"
        >>> w.check.click()
        >>> "1/1" in w.output.value
        True
    """

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = list(questions)
        self.inputs: list[widgets.RadioButtons | widgets.VBox] = []
        self.results: list[widgets.HTML] = []
        rows: list[widgets.Widget] = []
        for number, question in enumerate(self.questions, start=1):
            suffix = "（可多选）" if question.multiple else ""
            prompt = widgets.HTML(
                render_template(
                    "quiz_prompt.html.j2", number=number, prompt=question.prompt, suffix=suffix
                )
            )
            control = _control(question)
            result = widgets.HTML()
            self.inputs.append(control)
            self.results.append(result)
            rows += [prompt, control, result]
        self.check = tag(
            widgets.Button(description="检查答案", button_style="primary"), "tk-quiz-check"
        )
        self.output = output_area("quiz")
        self._root("quiz", [tag(widgets.VBox(rows), "tk-quiz-input"), self.check, self.output])
        self.check.on_click(self._check)

    def answers(self) -> list[str | list[str] | None]:
        """The current answers, in question order."""
        out: list[str | list[str] | None] = []
        for control in self.inputs:
            if isinstance(control, widgets.RadioButtons):
                out.append(control.value)
            else:
                out.append([box.description for box in control.children if box.value])
        return out

    def _check(self, _button: object = None) -> None:
        right = 0
        for question, answer, area in zip(
            self.questions, self.answers(), self.results, strict=True
        ):
            result = mark(question, answer)
            right += result.passed
            answered = bool(answer)
            note = question.explanation if result.passed else (question.hint if answered else "")
            area.value = render_template(
                "quiz_result.html.j2", passed=result.passed, message=result.message, note=note
            )
        total = len(self.questions)
        self.output.value = render_template(
            "quiz_result.html.j2",
            passed=right == total,
            message=f"答对 {right}/{total} 题。",
            note="",
        )


def _control(question: Question) -> widgets.RadioButtons | widgets.VBox:
    if not question.multiple:
        return widgets.RadioButtons(
            options=list(question.options), value=None, layout=widgets.Layout(width="auto")
        )
    boxes = [
        widgets.Checkbox(
            value=False, description=option, indent=False, layout=widgets.Layout(width="auto")
        )
        for option in question.options
    ]
    return widgets.VBox(boxes)
