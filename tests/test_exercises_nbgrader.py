"""Every exercise through real nbgrader: full marks, zero, wrong answers, leaks, persistence.

The course is built once per module in a temporary folder and driven in-process
(:mod:`nbgrader_course`). The right answers are read from the instructor version's
``preset=`` lines, so this file never repeats them.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbgrader_course import EXERCISES, Course

from trainingkit.course_config import EXERCISE_IDS, apply_exercise_config, nbgrader_config_text

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

# Plausible wrong answers: each set must pass the visible checks and fail every
# hidden test it touches.
WRONG: dict[str, list[dict[str, Any]]] = {
    "01-duties": [
        {
            "duties_functions": "B",
            "duties_supervision": "B",
            "duties_charter": ["A", "C"],
            "duties_six_ones": {"甲": "met", "乙": "met", "丙": "missing", "丁": "met"},
            "duties_assessment_score": 83,
            "duties_quarterly_contact": "A",
        },
        {
            "duties_functions": "A",
            "duties_supervision": "D",
            "duties_charter": ["A", "B", "C", "D"],
            "duties_six_ones": {"甲": "met", "乙": "missing", "丙": "met", "丁": "met"},
            "duties_assessment_score": 78,
            "duties_quarterly_contact": "C",
        },
    ],
}


def source_notebook(aid: str) -> Path:
    (path,) = sorted((EXERCISES / aid).glob("*.ipynb"))
    return path


def presets(aid: str) -> dict[str, Any]:
    """The model answers: the ``preset=`` line of each answer cell's solution region."""
    answers = {}
    for cell in nbformat.read(source_notebook(aid), as_version=4).cells:
        match = re.search(r"^\s*preset=(.*),\s*$", cell.source, flags=re.MULTILINE)
        if match:
            qid = cell.metadata["nbgrader"]["grade_id"].removesuffix("_answer")
            answers[qid] = ast.literal_eval(match.group(1))
    return answers


def autograded_points(scores: dict[str, Any]) -> tuple[float, float]:
    auto = [s for s in scores.values() if not s.needs_manual]
    return sum(s.auto or 0 for s in auto), sum(s.max for s in auto)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    course = Course(tmp_path_factory.mktemp("course"))
    for aid in EXERCISE_IDS:
        if (EXERCISES / aid).is_dir():
            course.generate(aid)
    return course


def test_config_text_and_config_function_agree() -> None:
    from traitlets.config import Config

    from_text, from_function = Config(), Config()
    exec(nbgrader_config_text(), {"c": from_text})
    apply_exercise_config(from_function)
    assert from_text == from_function


def test_every_exercise_id_has_a_folder() -> None:
    assert sorted(p.name for p in EXERCISES.iterdir() if p.is_dir()) == sorted(EXERCISE_IDS)


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_instructor_version_gets_full_marks(course: Course, aid: str) -> None:
    scores = course.autograde(aid, submit_as(course, aid, "instructor", course.notebook(aid)))
    got, total = autograded_points(scores)
    assert 10 <= sum(s.max for s in scores.values()) <= 20
    assert (got, total) == (total, total), scores
    manual = [name for name, s in scores.items() if s.needs_manual]
    assert all(name.endswith("_quality") for name in manual), manual


def submit_as(course: Course, aid: str, student: str, notebook: Path, answers: Any = None) -> str:
    course.submit(aid, student, notebook, answers)
    return student


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_released_version_gets_zero(course: Course, aid: str) -> None:
    release = course.notebook(aid, "release")
    scores = course.autograde(aid, submit_as(course, aid, "blank", release))
    assert autograded_points(scores)[0] == 0, scores


@pytest.mark.parametrize(
    ("aid", "index"), [(aid, i) for aid, sets in WRONG.items() for i in range(len(sets))]
)
def test_plausible_wrong_answers_fail_the_hidden_tests(
    course: Course, aid: str, index: int
) -> None:
    wrong = WRONG[aid][index]
    answers = {**presets(aid), **wrong}
    student = submit_as(course, aid, f"wrong{index}", course.notebook(aid, "release"), answers)
    scores = course.autograde(aid, student)
    assert all(scores[qid].auto == 0 for qid in wrong), scores
    assert all(scores[qid].auto == scores[qid].max for qid in answers if qid not in wrong)
    # The visible check passed: each failure is the hidden comparison's message.
    graded = nbformat.read(course.autograded(aid, student), as_version=4)
    for cell in graded.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") in wrong:
            (error,) = [o for o in cell.outputs if o.output_type == "error"]
            assert error.ename == "AssertionError" and "第「" not in error.evalue


def secret_lines(aid: str) -> list[str]:
    """Every non-trivial line of a solution region, hidden test or mark scheme."""
    delimiters = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
                  "BEGIN MARK SCHEME", "END MARK SCHEME")  # fmt: skip
    lines: list[str] = []
    for cell in nbformat.read(source_notebook(aid), as_version=4).cells:
        inside = False
        for line in cell.source.splitlines():
            if any(d in line for d in delimiters):
                inside = "BEGIN" in line
            elif inside and len(line.strip()) > 3:
                lines.append(line.strip())
    return lines


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_release_holds_no_solution_hidden_test_or_mark_scheme(course: Course, aid: str) -> None:
    lines = secret_lines(aid)
    assert lines
    files = [p for p in (course.root / "release" / aid).rglob("*") if p.is_file()]
    assert [p.name for p in files] == [source_notebook(aid).name]
    for path in files:
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        raw = path.read_text(encoding="utf-8")
        leaked = [line for line in lines if line in text or json.dumps(line)[1:-1] in raw]
        assert not leaked


def run_in_kernel(folder: Path, notebook: Path, extra: str = "") -> list[str]:
    """Run the code cells of ``notebook`` (not the grade cells) with ``folder`` as cwd, then
    ``extra``, as a trainee does in a fresh kernel; return what was printed."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(cwd=str(folder))
    out: list[str] = []

    def hook(msg: dict[str, Any]) -> None:
        if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            raise AssertionError("\n".join(msg["content"]["traceback"]))

    try:
        cells = [
            c.source
            for c in nbformat.read(notebook, as_version=4).cells
            if c.cell_type == "code" and not c.metadata.get("nbgrader", {}).get("grade")
        ]
        for source in [*cells, extra]:
            reply = kc.execute_interactive(source, output_hook=hook, timeout=60)
            assert reply["content"]["status"] == "ok", source
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return out


DRIVE = """
import datetime, json
def _drive(qid, value):
    inputs, kind = sheet.inputs[qid], sheet.questions[qid].kind
    if kind == "multi":
        for key, box in inputs.items():
            box.value = key in value
    elif kind == "order":
        for menu, key in zip(inputs, value):
            menu.value = key
    elif kind == "match":
        for key, choice in value.items():
            inputs[key].value = choice
    elif kind == "number":
        inputs.value = str(value)
    elif kind == "date":
        inputs.value = datetime.date.fromisoformat(value)
    else:
        inputs.value = value
for _qid, _value in json.loads(%r).items():
    _drive(_qid, _value)
"""


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_widget_answers_survive_a_restart_and_are_graded(
    course: Course, aid: str, tmp_path: Path
) -> None:
    work = tmp_path / aid
    shutil.copytree(course.root / "release" / aid, work)
    release = course.notebook(aid, "release")
    model = presets(aid)
    run_in_kernel(work, release, DRIVE % json.dumps(model, ensure_ascii=False))
    assert json.loads((work / "answers.json").read_text(encoding="utf-8")) == model
    # A new kernel (a restart) reads the answers back into the sheet.
    out = run_in_kernel(
        work,
        release,
        "import json; print('ANSWERS=' + json.dumps(sheet.all_answers(), ensure_ascii=False))",
    )
    (line,) = [x for x in "".join(out).splitlines() if x.startswith("ANSWERS=")]
    assert json.loads(line.removeprefix("ANSWERS=")) == model
    course.submit_folder(aid, "widget-user", work)
    got, total = autograded_points(course.autograde(aid, "widget-user"))
    assert got == total
