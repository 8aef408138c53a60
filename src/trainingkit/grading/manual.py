"""Manual grades that follow the answer they judge, and what is still to grade by hand.

A teacher grades some items by hand in formgrader (a draft's quality: an nbgrader
*task*; a written answer: a *grade* + *solution* cell). nbgrader keeps such a
grade on the submission, not on the answer: after a resubmission and a regrade the
old score and comment stay, marked as graded, under the new text (nbgrader's
``SaveAutoGrades`` never touches a task). So the kit records, per manually graded
item, a digest of the answer it judges (`answer_digests`); when it changes, the
old manual score and comment are cleared and the item waits for the teacher again
(`clear_manual`).

Which answer an item judges: a written-answer cell judges its own source; a task
``X_quality`` judges the answer ``X`` in ``answers.json`` (design.md: a draft
``X`` is graded by ``X_structure`` and, by hand, ``X_quality``); any other task
judges the whole of ``answers.json`` and every solution cell of its notebook.

`WrapDrafts` is the preprocessor of formgrader's ``HTMLExporter`` in a cohort
(`trainingkit.cohort.config`): formgrader shows a draft, printed as one
long line per paragraph, in a ``<pre>`` that does not wrap; it is shown wrapped
at 40 characters, paragraphs kept, so the teacher reads it without scrolling.

Questions are named as the trainee sees them (第N题, from the notebook's headings),
never by grade id (`question_labels`).
"""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nbconvert.preprocessors import Preprocessor

if TYPE_CHECKING:
    from nbgrader.api import Gradebook

__all__ = [
    "WRAP",
    "PendingItem",
    "WrapDrafts",
    "answer_digests",
    "clear_manual",
    "graded_by_hand",
    "has_manual",
    "heading_label",
    "keep_reviewed",
    "labels_of_cells",
    "pending_manual",
    "question_label",
    "question_labels",
]

_QUESTION = re.compile(r"第\s*(\d+)\s*题")
#: Characters per line of a wrapped draft (fits formgrader's column).
WRAP = 40


class WrapDrafts(Preprocessor):
    """Wrap long lines of printed outputs at `WRAP` characters, keeping paragraphs.

    Only the page being rendered changes; the notebook on disk keeps the text as written.
    """

    def preprocess_cell(self, cell: Any, resources: Any, index: int) -> tuple[Any, Any]:
        """Wrap each stream output line longer than `WRAP`."""
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if output.get("output_type") == "stream":
                text = output.get("text", "")
                text = "".join(text) if isinstance(text, list) else str(text)
                output["text"] = "\n".join(
                    textwrap.fill(line, WRAP, replace_whitespace=False, drop_whitespace=False)
                    for line in text.split("\n")
                )
        return cell, resources


_ANSWERS = "answers.json"


def _cells(path: Path) -> list[dict[str, Any]]:
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [c for c in cells if isinstance(c, dict)] if isinstance(cells, list) else []


def _meta(cell: dict[str, Any]) -> dict[str, Any]:
    meta = cell.get("metadata", {})
    grading = meta.get("nbgrader", {}) if isinstance(meta, dict) else {}
    return grading if isinstance(grading, dict) else {}


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _is_manual(meta: dict[str, Any]) -> bool:
    return bool(meta.get("task") or (meta.get("grade") and meta.get("solution")))


def question_labels(notebook: Path) -> dict[str, str]:
    """grade id → "第N题" for the graded cells and tasks of a notebook.

    A cell belongs to the question of the last markdown heading before it (or in
    it) that says 第N题; cells before any such heading get no label.
    """
    return labels_of_cells(_cells(notebook))


def heading_label(markdown: str) -> str:
    """ "第N题" when a markdown cell's text names a question, else ``""``."""
    found = _QUESTION.search(markdown)
    return f"第{found.group(1)}题" if found else ""


def labels_of_cells(cells: list[Any]) -> dict[str, str]:
    """`question_labels` over cells already read (dicts or notebook nodes)."""
    labels: dict[str, str] = {}
    current = ""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            current = heading_label(_source(cell)) or current
        meta = _meta(cell)
        if current and meta.get("grade_id") and (meta.get("grade") or meta.get("task")):
            labels[str(meta["grade_id"])] = current
    return labels


def question_label(labels: dict[str, str], grade_id: str) -> str:
    """The 第N题 of ``grade_id``, or a plain phrase when the notebook has no numbers."""
    return labels.get(grade_id, "一道由老师批阅的题")


def graded_by_hand(notebook: Path) -> list[str]:
    """Grade ids of the items of ``notebook`` that a teacher grades by hand."""
    return [str(_meta(c)["grade_id"]) for c in _cells(notebook) if _is_manual(_meta(c))]


def answer_digests(expected: Path, submitted: Path) -> dict[str, str]:
    """``"notebook/grade_id"`` → digest of the answer each manual item judges.

    Args:
        expected: The assignment's released (or source) folder: which items exist.
        submitted: The submission's folder: the answers.
    """
    try:
        answers: Any = json.loads((submitted / _ANSWERS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        answers = None
    digests: dict[str, str] = {}
    for notebook in sorted(expected.glob("*.ipynb")):
        cells = _cells(submitted / notebook.name)
        by_id = {str(_meta(c).get("grade_id")): c for c in cells if _meta(c).get("grade_id")}
        solutions = [_source(c) for c in cells if _meta(c).get("solution")]
        for grade_id in graded_by_hand(notebook):
            cell = by_id.get(grade_id)
            key = grade_id.removesuffix("_quality")
            if cell is not None and _meta(cell).get("solution"):
                value: Any = _source(cell)
            elif key != grade_id and isinstance(answers, dict):
                value = answers.get(key)
            else:
                value = [answers, solutions]
            text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            digests[f"{notebook.stem}/{grade_id}"] = hashlib.sha256(text.encode()).hexdigest()
    return digests


def has_manual(gradebook: Gradebook, assignment: str, student: str, item: str) -> bool:
    """True when the teacher gave ``item`` ("notebook/grade_id") a score or a comment."""
    from nbgrader.api import MissingEntry

    notebook, grade_id = item.split("/", 1)
    try:
        grade = gradebook.find_grade(grade_id, notebook, assignment, student)
        comment = gradebook.find_comment(grade_id, notebook, assignment, student)
    except MissingEntry:
        return False
    return grade.manual_score is not None or bool((comment.manual_comment or "").strip())


def clear_manual(gradebook: Gradebook, assignment: str, student: str, items: list[str]) -> None:
    """Clear the manual score and comment of ``items``; they need manual grading again."""
    from nbgrader.api import MissingEntry

    for item in items:
        notebook, grade_id = item.split("/", 1)
        try:
            grade = gradebook.find_grade(grade_id, notebook, assignment, student)
            comment = gradebook.find_comment(grade_id, notebook, assignment, student)
        except MissingEntry:
            continue
        grade.manual_score = None
        grade.needs_manual_grade = True
        comment.manual_comment = None
    gradebook.db.commit()


def keep_reviewed(gradebook: Gradebook, assignment: str, student: str, items: list[str]) -> None:
    """Items whose answer did not change keep their manual score as reviewed.

    nbgrader's ``SaveAutoGrades`` marks every grade cell that has a manual score
    as needing manual grading again on each regrade; for an unchanged answer the
    teacher has nothing new to read.
    """
    from nbgrader.api import MissingEntry

    for item in items:
        notebook, grade_id = item.split("/", 1)
        try:
            grade = gradebook.find_grade(grade_id, notebook, assignment, student)
        except MissingEntry:
            continue
        if grade.manual_score is not None:
            grade.needs_manual_grade = False
    gradebook.db.commit()


@dataclass(frozen=True)
class PendingItem:
    """One item of one submission still waiting for the teacher."""

    assignment: str
    student: str
    notebook: str
    grade_id: str
    question: str
    max_score: float


def pending_manual(gradebook: Gradebook, labels: dict[str, dict[str, str]]) -> list[PendingItem]:
    """Every graded item that still needs manual grading, over the whole gradebook.

    Args:
        gradebook: nbgrader's gradebook (open).
        labels: assignment → `question_labels` of its notebooks (merged).
    """
    from nbgrader.api import Grade, SubmittedAssignment, SubmittedNotebook

    rows = (
        gradebook.db.query(Grade)
        .join(SubmittedNotebook)
        .join(SubmittedAssignment)
        .filter(Grade.needs_manual_grade.is_(True))
        .all()
    )
    items = []
    for grade in rows:
        notebook = grade.notebook
        assignment = notebook.assignment.assignment.name
        own = labels.get(assignment, {})
        items.append(
            PendingItem(
                assignment,
                notebook.assignment.student.id,
                notebook.name,
                grade.name,
                question_label(own, grade.name),
                float(grade.max_score or 0),
            )
        )
    return sorted(items, key=lambda i: (i.assignment, i.student, i.notebook, i.question))
