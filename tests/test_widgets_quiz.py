"""The end-of-module self-check quiz, driven without a browser."""

from __future__ import annotations

import pytest

from trainingkit.widgets.quiz import Question, QuizWidget, mark


def test_quiz_marks_single_and_multiple_choice() -> None:
    quiz = QuizWidget(
        [
            Question("一？", ["甲", "乙"], "甲", explanation="甲对", hint="看第1节"),
            Question("二？", ["丙", "丁", "戊"], ("丙", "戊"), explanation="丙戊", hint="看第2节"),
        ]
    )
    quiz.inputs[0].value = "乙"
    quiz.check.click()
    assert "看第1节" in quiz.results[0].value and "甲对" not in quiz.results[0].value
    assert "答对 0/2" in quiz.output.value
    quiz.inputs[0].value = "甲"
    boxes = quiz.inputs[1].children
    boxes[0].value = True
    boxes[2].value = True
    quiz.check.click()
    assert "甲对" in quiz.results[0].value and "丙戊" in quiz.results[1].value
    assert "答对 2/2" in quiz.output.value


def test_quiz_question_must_have_its_answer_among_options() -> None:
    with pytest.raises(ValueError):
        Question("？", ["甲"], "乙")


def test_wrong_answers_never_show_the_explanation_or_the_answer() -> None:
    question = Question("哪一个？", ["甲", "乙", "丙"], "丙", explanation="因为丙", hint="看第2节")
    for wrong in ("甲", "乙", None):
        result = mark(question, wrong)
        assert not result.passed and "丙" not in result.message


def test_multiple_choice_needs_every_right_option_and_no_wrong_one() -> None:
    question = Question("选出？", ["甲", "乙", "丙"], ("甲", "乙"))
    assert mark(question, ["乙", "甲"]).passed
    assert not mark(question, ["甲"]).passed
    assert not mark(question, ["甲", "乙", "丙"]).passed


def test_unanswered_questions_get_no_hint() -> None:
    quiz = QuizWidget([Question("一？", ["甲", "乙"], "甲", hint="看第1节")])
    quiz.check.click()
    assert "还没有作答" in quiz.results[0].value and "看第1节" not in quiz.results[0].value


def test_module_quiz_loads_from_the_package_and_cites_the_source_when_right() -> None:
    quiz = QuizWidget.for_module("01-duties")
    first = quiz.questions[0]
    assert first.multiple and first.source
    for box in quiz.inputs[0].children:
        box.value = box.description in first.answer
    quiz.check.click()
    assert first.explanation in quiz.results[0].value
    assert f"来源：{first.source}" in quiz.results[0].value
    assert "答对 1/" in quiz.output.value
