"""A manual grade follows the answer it judges: a changed answer is graded by hand again.

Everything goes through nbgrader's own gradebook: the teacher's score and comment
are written as formgrader writes them (``Grade.manual_score``,
``Comment.manual_comment``), and the checks read them back from it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from grading_support import FIXTURES, RIGHT

from trainingkit.cohort.assignments import release
from trainingkit.cohort.directory import Cohort
from trainingkit.grading import grade, read_status
from trainingkit.grading.manual import question_labels

pytestmark = [pytest.mark.nbgrader]

ESSAY = "关于加装电梯的建议\n\n一、情况\n老旧小区没有电梯。\n\n二、建议\n由住建部门牵头。"
OPINION = "协商民主要在决策之前和决策实施之中进行。"


def _cell(kind: str, source: str, **meta: object) -> dict:
    cell: dict = {"cell_type": kind, "id": str(meta["grade_id"]).replace("_", "-"),
                  "metadata": {"nbgrader": {"schema_version": 3, **meta}},
                  "source": source}  # fmt: skip
    if kind == "code":
        cell |= {"outputs": [], "execution_count": None}
    return cell


def _exercises(root: Path) -> Path:
    """ps1 plus two items graded by hand: a written answer and a draft's quality task."""
    shutil.copytree(FIXTURES / "ps1", root / "ps1")
    path = root / "ps1" / "problem.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    common = {"locked": False, "task": False}
    nb["cells"] += [
        _cell("markdown", "## 第 3 题 · 写一句话谈协商民主", grade=False, grade_id="q3_intro",
              locked=True, solution=False, task=False),
        _cell("markdown", "### BEGIN SOLUTION\n示例答案\n### END SOLUTION", grade=True,
              grade_id="opinion_answer", points=2, solution=True, **common),
        _cell("markdown", "## 第 4 题 · 草稿质量（老师批阅）", grade=False,
              grade_id="essay_quality", points=5, locked=True, solution=False, task=True),
    ]  # fmt: skip
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return root


def _submit(cohort: Cohort, student: str, essay: str, opinion: str, stamp: str) -> None:
    nb = json.loads((cohort.release("ps1") / "problem.ipynb").read_text(encoding="utf-8"))
    answers = RIGHT | {"opinion_answer": opinion}
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    folder = cohort.submitted(student, "ps1")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "problem.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    (folder / "answers.json").write_text(json.dumps({"essay": essay}, ensure_ascii=False))
    (folder / "timestamp.txt").write_text(f"2026-11-28 {stamp}.000000 UTC")


def _grade_by_hand(cohort: Cohort, student: str, grade_id: str, score: float, text: str) -> None:
    with cohort.gradebook() as gradebook:
        grade_row = gradebook.find_grade(grade_id, "problem", "ps1", student)
        grade_row.manual_score = score
        grade_row.needs_manual_grade = False  # what formgrader's save does
        gradebook.find_comment(grade_id, "problem", "ps1", student).manual_comment = text
        gradebook.db.commit()


def _manual(cohort: Cohort, student: str, grade_id: str) -> tuple:
    with cohort.gradebook() as gradebook:
        row = gradebook.find_grade(grade_id, "problem", "ps1", student)
        comment = gradebook.find_comment(grade_id, "problem", "ps1", student)
        return row.manual_score, comment.manual_comment, row.needs_manual_grade


@pytest.fixture
def cohort(tmp_path: Path) -> Cohort:
    created = Cohort.init(tmp_path / "c", name="test", exercises=_exercises(tmp_path / "ex"))
    release(created, ["ps1"], due="2026-11-28 18:00")
    for student in ("t1", "t2"):
        _submit(created, student, ESSAY, OPINION, "09:00:00")
    grade(created, jobs=1)
    for student in ("t1", "t2"):
        _grade_by_hand(created, student, "essay_quality", 1, "选题空泛")
        _grade_by_hand(created, student, "opinion_answer", 2, "很好")
    return created


def test_question_labels_come_from_the_headings(cohort):
    labels = question_labels(cohort.source("ps1") / "problem.ipynb")
    assert labels["opinion_answer"] == "第3题" and labels["essay_quality"] == "第4题"


def test_changed_draft_loses_its_old_manual_grade_and_the_teacher_is_told(cohort):
    _submit(cohort, "t1", ESSAY + "\n\n三、分析\n补充了原因。", OPINION, "10:00:00")

    run = grade(cohort, jobs=1)

    assert (run.graded_now, run.skipped) == (1, 1)
    assert _manual(cohort, "t1", "essay_quality") == (None, None, True)
    assert _manual(cohort, "t1", "opinion_answer") == (2, "很好", False), "unchanged answer"
    assert _manual(cohort, "t2", "essay_quality") == (1, "选题空泛", False), "other trainee"
    status = read_status(cohort.status_file("ps1", "t1"))
    assert status is not None and status.status == "attention"
    assert [r.code for r in status.reasons] == ["manual_reset"]
    assert "第4题" in status.reasons[0].message and "essay" not in status.reasons[0].message

    from trainingkit.grading.feedback import generate_feedback

    generate_feedback(cohort, trainees=["t1", "t2"], release=False)
    new = (cohort.feedback("t1", "ps1") / "problem.html").read_text(encoding="utf-8")
    old = (cohort.feedback("t2", "ps1") / "problem.html").read_text(encoding="utf-8")
    assert "选题空泛" not in new and "待老师批阅" in new, "no old criticism under the new draft"
    assert "选题空泛" in old and "很好" in new


def test_changed_written_answer_is_reset_and_force_keeps_unchanged_grades(cohort):
    _submit(cohort, "t2", ESSAY, "协商于决策之前。", "10:00:00")

    grade(cohort, jobs=1, force=True)

    assert _manual(cohort, "t2", "opinion_answer") == (None, None, True)
    assert _manual(cohort, "t2", "essay_quality") == (1, "选题空泛", False)
    assert _manual(cohort, "t1", "essay_quality") == (1, "选题空泛", False), "--force, same text"
    status = read_status(cohort.status_file("ps1", "t1"))
    assert status is not None and status.status == "graded" and not status.reasons


def test_formgrader_and_feedback_show_drafts_wrapped_with_paragraphs(cohort) -> None:
    """The exporter formgrader builds from the cohort's config wraps long answer lines."""
    import nbformat
    from nbconvert.exporters import HTMLExporter

    draft = "一" * 90 + "\n\n二、建议"
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("sheet.draft('essay')")
    text = f"【essay】当前答案：{draft}\n"
    cell.outputs = [nbformat.from_dict({"output_type": "stream", "name": "stdout", "text": text})]
    nb.cells.append(cell)
    html, _ = HTMLExporter(config=cohort.nbgrader_config()).from_notebook_node(nb)
    assert "一" * 41 not in html and "一" * 40 in html, "wrapped at 40 characters"
    assert "\n\n二、建议" in html, "paragraph kept"
    assert text == cell.outputs[0]["text"], "the stored output is not changed"


def test_feedback_pages_are_not_wrapped_before_the_scrubber(cohort) -> None:
    from trainingkit.grading.feedback import _api

    api = _api(cohort)
    from nbgrader.converters import GenerateFeedback

    converter = GenerateFeedback(coursedir=api.coursedir, parent=api)
    exporter = converter.exporter_class(parent=converter, config=converter.config)
    assert not any(type(p).__name__ == "WrapDrafts" for p in exporter._preprocessors)
