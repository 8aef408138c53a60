"""Module quizzes load from the package, agree with the kit's facts, stay out of notebooks."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from trainingkit.duties.rule_files import load_scheme
from trainingkit.duties.summary import summary_from_counts
from trainingkit.knowledge import facts as knowledge
from trainingkit.knowledge.quizzes import Question, load_quiz, mark, quiz_modules

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "course"
MODULES = sorted(path.name for path in COURSE.iterdir() if path.is_dir())


def _answers(question: Question) -> tuple[str, ...]:
    return (question.answer,) if isinstance(question.answer, str) else question.answer


def _by_prompt(module: str, start: str) -> Question:
    return next(q for q in load_quiz(module) if q.prompt.startswith(start))


def test_every_course_module_has_a_quiz_and_no_quiz_lacks_a_module() -> None:
    assert quiz_modules() == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_quiz_loads_with_four_questions_and_right_answers_among_options(module: str) -> None:
    questions = load_quiz(module)
    assert len(questions) >= 4
    for question in questions:
        assert set(_answers(question)) <= set(question.options), question.prompt
        assert len(set(question.options)) == len(question.options), question.prompt
        assert question.explanation and question.hint, question.prompt
        assert mark(question, question.answer).passed


@pytest.mark.parametrize("module", [m for m in MODULES if not m.startswith("00")])
def test_every_domain_question_cites_its_source(module: str) -> None:
    for question in load_quiz(module):
        assert question.source, f"{module}: no source for {question.prompt}"
        assert question.source in question.note


def test_unknown_module_is_a_clear_bilingual_error() -> None:
    with pytest.raises(KeyError, match=r"没有模块.*no quiz for module"):
        load_quiz("99-nothing")


@pytest.mark.parametrize("module", MODULES)
def test_notebook_quiz_cell_is_one_line_and_shows_no_answer(module: str) -> None:
    (path,) = (COURSE / module).glob("*.ipynb")
    code = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    quiz_cell = "from trainingkit.widgets.quiz import QuizWidget\n\n"
    assert code[-1] == quiz_cell + f'QuizWidget.for_module("{module}")'
    text = "\n".join(code)
    assert "Question(" not in text
    for question in load_quiz(module):
        assert question.prompt not in text and question.explanation not in text


def test_tongcheng_question_agrees_with_the_scheme() -> None:
    question = _by_prompt("01-duties", "按安徽省桐城市政协2019年的考核做法")
    record = {"plenary_attended": 1, "proposals_submitted": 1, "proposals_registered": 1}
    scored = summary_from_counts(record)
    from trainingkit.duties.evaluate import assess  # pandas, as the lesson's calculator

    score = int(assess(scored, load_scheme("tongcheng_2019")).loc[0, "score"])
    assert question.answer == f"{score}分"


def test_statistics_question_agrees_with_the_national_figures() -> None:
    question = _by_prompt("02-proposals", "全国政协十四届四次会议")
    table = knowledge.proposal_statistics()
    row = table[table["session"] == "14届4次"].iloc[0]
    assert f"收到提案{row['received']}件" in question.prompt
    assert question.answer == f"{row['registered']}件"


def test_consultation_options_are_the_kit_s_forms_steps_and_sources() -> None:
    forms = [f.name for f in knowledge.consultation_forms()][:4]
    steps = [s.name for s in knowledge.procedure_steps()]
    sources = tuple(s.name for s in knowledge.topic_sources())
    assert list(_by_prompt("03-consultation", "在各种协商形式中").options) == forms
    after = _by_prompt("03-consultation", "在一次协商活动中")
    assert list(after.options) == steps
    assert after.answer == steps[steps.index("协商会议") + 1]
    assert _by_prompt("03-consultation", "种子材料中，江苏省泰州市政协列举了").answer == sources


def test_sheqing_ratio_question_agrees_with_the_2025_figures() -> None:
    scale = {fact.id: fact.value for fact in knowledge.sheqing_scale()}
    question = _by_prompt("04-sheqing-minyi", "关于全国2025年")
    assert scale["used"] is not None and scale["received"] is not None
    assert scale["used"] / scale["received"] < 0.25
    assert question.answer == "采用的不到收到的四分之一"
