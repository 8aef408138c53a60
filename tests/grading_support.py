"""Building a cohort with synthetic submissions for the grading tests."""

from __future__ import annotations

import json
from pathlib import Path

from trainingkit.cohort.assignments import release
from trainingkit.cohort.directory import Cohort

FIXTURES = Path(__file__).parent / "fixtures" / "assignments"
RIGHT = {
    "add_answer": "def add(a, b):\n    return a + b",
    "count_answer": "def count_proposals(ts):\n    return sum(t.startswith('关于') for t in ts)",
}
WRONG = {
    "add_answer": "def add(a, b):\n    return 3",
    "count_answer": "def count_proposals(t):\n    return 1",
}


def make_cohort(root: Path) -> Cohort:
    """A released cohort on the test assignment ``ps1``."""
    cohort = Cohort.init(root, name="test", exercises=FIXTURES)
    release(cohort, ["ps1"], due="2026-11-28 18:00")
    return cohort


def released(cohort: Cohort) -> dict:
    return json.loads((cohort.release("ps1") / "problem.ipynb").read_text(encoding="utf-8"))


def submit(cohort: Cohort, student: str, answers: dict[str, str], *, edit=None) -> Path:
    """Write a collected submission of ps1 with ``answers`` in the solution cells."""
    nb = released(cohort)
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    if edit is not None:
        edit(nb)
    folder = cohort.submitted(student, "ps1")
    folder.mkdir(parents=True)
    (folder / "problem.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    (folder / "timestamp.txt").write_text("2026-11-28 09:00:00.000000 UTC")
    return folder


def scores(cohort: Cohort) -> dict[tuple[str, str], float | None]:
    """(student, grade_id) → auto score, plus (student, "total") → submission score."""
    result: dict[tuple[str, str], float | None] = {}
    with cohort.gradebook() as gradebook:
        for submission in gradebook.assignment_submissions("ps1"):
            result[(submission.student.id, "total")] = submission.score
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    result[(submission.student.id, grade.name)] = grade.auto_score
    return result
