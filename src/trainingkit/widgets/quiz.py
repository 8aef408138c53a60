"""The end-of-module self-check quiz: choices through widgets, feedback on a button.

Questions are plain data (:class:`~trainingkit.knowledge.quizzes.Question`), each module's
quiz a TOML file in the package (:func:`trainingkit.knowledge.quizzes.load_quiz`), so a lesson
cell is ``QuizWidget.for_module("01-duties")`` and shows no answer. Lesson quizzes
are not graded: after a right answer the explanation and its source are shown,
after a wrong one a hint (which section to re-read), never the answer.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from trainingkit.knowledge.quizzes import Question, load_quiz, mark
from trainingkit.templating import render_template
from trainingkit.widgets.common import CourseWidget, output_area, tag

__all__ = ["Question", "QuizWidget", "mark"]


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

    @classmethod
    def for_module(cls, module: str) -> QuizWidget:
        """The quiz of one course module, loaded from the package.

        Example:
            >>> len(QuizWidget.for_module("01-duties").questions) >= 4
            True
        """
        return cls(load_quiz(module))

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
            note = question.note if result.passed else (question.hint if answered else "")
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
