"""Every exercise through real nbgrader: full marks, zero, wrong answers, leaks, persistence.

The course is built once per module in a temporary folder and driven in-process
(:mod:`nbgrader_course`). The right answers are read from the instructor version's
``preset=`` lines, so this file never repeats them.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbgrader_course import EXERCISES, Course

from trainingkit.cohort.config import render_nbgrader_config

EXERCISE_IDS = tuple(sorted(p.name for p in EXERCISES.iterdir() if p.is_dir()))

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
            "duties_sector_role": "A",
        },
        {
            "duties_functions": "A",
            "duties_supervision": "D",
            "duties_charter": ["A", "B", "C", "D"],
            "duties_six_ones": {"甲": "met", "乙": "missing", "丙": "met", "丁": "met"},
            "duties_assessment_score": 78,
            "duties_quarterly_contact": "C",
            "duties_sector_role": "D",
        },
    ],
    "02-proposals": [
        {
            "proposal_registrable": {
                **{"甲": "register", "乙": "personal", "丙": "advertising"},
                **{"丁": "register", "戊": "register", "己": "vague"},
            },
            "proposal_title_format": "C",
            "proposal_one_matter": "A",
            "proposal_reply_evaluation": "A",
            "proposal_lifecycle_order": [
                *("draft", "submit", "assign", "review", "handle", "reply", "evaluate"),
            ],
            "proposal_draft": (
                "老旧小区加装电梯问题\n\n我市老旧小区很多没有电梯，老年人上下楼很不方便，"
                "群众意见很大，这个问题已经存在很多年了，社会各界都很关心，媒体也多次报道过。"
                "各级各部门要高度重视，切实加大工作力度，进一步提高认识，加强领导，"
                "形成合力，努力让群众满意，为建设美好城市作出新的更大贡献。" * 2
            ),
        },
        {
            "proposal_registrable": {
                **{"甲": "register", "乙": "personal", "丙": "whistleblowing"},
                **{"丁": "litigation", "戊": "academic", "己": "register"},
            },
            "proposal_title_format": "D",
            "proposal_one_matter": "C",
            "proposal_reply_evaluation": "B",
            "proposal_lifecycle_order": [
                *("draft", "review", "submit", "assign", "handle", "evaluate", "reply"),
            ],
        },
    ],
    "03-consultation": [
        {
            "consultation_procedure_order": [
                *("plan", "research", "topic", "meeting", "report", "followup"),
            ],
            "consultation_form_match": {
                **{"甲": "biweekly", "乙": "remote", "丙": "proposal"},
                **{"丁": "expert", "戊": "plenary"},
            },
            "consultation_hierarchy": "A",
            "consultation_notice_date": "2026-07-01",  # 15 calendar days
            "consultation_report_date": "2026-07-23",  # 7 calendar days
            "consultation_work_plan": "协商议题：养老服务。协商形式：专题协商会。"
            + "时间安排：7月16日。"
            + "会议由县政协组织，邀请有关部门参加，委员发言，形成建议。" * 8,
        },
        {
            "consultation_procedure_order": [
                *("topic", "plan", "research", "meeting", "followup", "report"),
            ],
            "consultation_form_match": {
                **{"甲": "sector", "乙": "remote", "丙": "proposal"},
                **{"丁": "sector", "戊": "standing"},
            },
            "consultation_hierarchy": "B",
            "consultation_notice_date": "2026-06-24",  # the 16th working day
            "consultation_report_date": "2026-07-24",  # counting the meeting day
            "consultation_work_plan": "一、成果报送\n二、协商议题\n三、协商形式\n四、时间安排\n"
            + "五、参加人员\n六、调研安排\n"
            + "会议由县政协组织，邀请有关部门参加。" * 10,
        },
    ],
    "04-sheqing-minyi": [
        {
            "sheqing_good_traits": ["A", "C", "D"],
            "sheqing_one_matter": "A",
            "sheqing_length_limit": 2000,
            "sheqing_urgent": "D",
            "sheqing_draft": "关于留守老人用药安全的反映\n\n"
            + "留守老人用药有困难，情况很多。" * 110,
        },
        {
            "sheqing_good_traits": ["A", "B", "C", "D", "F"],
            "sheqing_one_matter": "C",
            "sheqing_length_limit": 3000,
            "sheqing_urgent": "A",
        },
    ],
}


def source_notebook(aid: str) -> Path:
    (path,) = sorted((EXERCISES / aid).glob("*.ipynb"))
    return path


def presets(aid: str) -> dict[str, Any]:
    """The model answers: the ``preset=`` keyword in each answer cell's solution region."""
    answers = {}
    for cell in nbformat.read(source_notebook(aid), as_version=4).cells:
        region = re.search(
            r"BEGIN SOLUTION[^\n]*\n(.*?)\n[^\n]*END SOLUTION", cell.source, flags=re.DOTALL
        )
        if region:
            call = ast.parse(f"f(\n{region.group(1)}\n)", mode="eval").body
            assert isinstance(call, ast.Call)
            (keyword,) = [k for k in call.keywords if k.arg == "preset"]
            qid = cell.metadata["nbgrader"]["grade_id"].removesuffix("_answer")
            answers[qid] = ast.literal_eval(keyword.value)
    return answers


def grade_id(qid: str, scores: dict[str, Any]) -> str:
    """The grade cell of a question: its own id, or ``<id>_structure`` for a draft."""
    return qid if qid in scores else f"{qid}_structure"


def autograded_points(scores: dict[str, Any]) -> tuple[float, float]:
    auto = [s for s in scores.values() if not s.needs_manual]
    return sum(s.auto or 0 for s in auto), sum(s.max for s in auto)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Course]:
    # nbgrader's gradebook runs the `alembic` command: it must be on PATH, as in test.sh.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
        course = Course(tmp_path_factory.mktemp("course"))
        for aid in EXERCISE_IDS:
            course.generate(aid)
        yield course


def test_the_generated_config_protects_answers_of_every_assignment_in_source(
    tmp_path: Path,
) -> None:
    from traitlets.config.loader import PyFileConfigLoader

    root = tmp_path / "c"
    for aid in (*EXERCISE_IDS, "my-own-exercise"):  # one made with --exercises, say
        (root / "source" / aid).mkdir(parents=True)
    text = render_nbgrader_config(name="c", root=root, db_url="sqlite:///x.db",
                                  exchange=root / "exchange")  # fmt: skip
    (root / "nbgrader_config.py").write_text(text, encoding="utf-8")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    assert set(config.Autograde.exclude_overwriting) == {*EXERCISE_IDS, "my-own-exercise"}
    assert "try:" not in text and "except ImportError" not in text  # fails loudly


def test_a_generated_config_without_the_kit_fails_loudly(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    text = render_nbgrader_config(name="c", root=root, db_url="sqlite:///x.db",
                                  exchange=root / "exchange")  # fmt: skip
    (root / "nbgrader_config.py").write_text(text, encoding="utf-8")
    code = (
        "import sys; sys.modules['trainingkit'] = None\n"
        "from traitlets.config.loader import PyFileConfigLoader\n"
        f"PyFileConfigLoader('nbgrader_config.py', path={str(root)!r}).load_config()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode != 0
    assert "trainingkit" in run.stderr


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_instructor_version_gets_full_marks(course: Course, aid: str) -> None:
    scores = course.autograde(aid, submit_as(course, aid, "instructor", course.notebook(aid)))
    got, total = autograded_points(scores)
    assert 10 <= sum(s.max for s in scores.values()) <= 20
    assert (got, total) == (total, total), scores
    manual = [name for name, s in scores.items() if s.needs_manual]
    assert all(name.endswith("_quality") for name in manual), manual
    # Without widget state, the graded notebook still shows every answer in plain text
    # (a draft in full, for the manual grader in formgrader).
    model = presets(aid)
    for cell in nbformat.read(course.autograded(aid, "instructor"), as_version=4).cells:
        name = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        qid = name.removesuffix("_answer")
        if name.endswith("_answer"):
            # stdout may arrive in several stream messages on a loaded machine
            text = "".join(o.text for o in cell.outputs if o.output_type == "stream")
            assert re.match(r"第\d+题 当前答案：", text) and qid not in text.split("：")[0]
            if isinstance(model[qid], str) and len(model[qid]) > 100:
                assert model[qid] in text


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
    failing = {grade_id(qid, scores) for qid in wrong}
    assert all(scores[name].auto == 0 for name in failing), scores
    passing = {grade_id(qid, scores) for qid in answers} - failing
    assert all(scores[name].auto == scores[name].max for name in passing), scores
    # The visible check passed: each failure is the hidden comparison's message.
    graded = nbformat.read(course.autograded(aid, student), as_version=4)
    for cell in graded.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") in failing:
            (error,) = [o for o in cell.outputs if o.output_type == "error"]
            assert error.ename == "AssertionError" and "第「" not in error.evalue
            # plain_errors(): one line, no listing of the hidden test's source
            assert len(error.traceback) == 1
            assert not [line for line in secret_lines(aid) if line in error.traceback[0]]


def test_a_sound_draft_keeps_its_structure_points_despite_local_warnings(
    course: Course,
) -> None:
    # Over one district's 2,000-character cap (a local practice, a warning only):
    # the national requirements are met, so the structure points stay.
    from trainingkit.review import review_proposal

    model = presets("02-proposals")
    extra = "据提案人走访（虚构示例），住户普遍反映上下楼困难，希望尽快加装电梯。" * 60
    draft = model["proposal_draft"].replace("二、分析", extra + "\n\n二、分析")
    assert "too_long" in review_proposal(draft).codes
    answers = {**model, "proposal_draft": draft}
    student = submit_as(course, "02-proposals", "longdraft", course.notebook("02-proposals",
                        "release"), answers)  # fmt: skip
    scores = course.autograde("02-proposals", student)
    assert scores["proposal_draft_structure"].auto == scores["proposal_draft_structure"].max


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
        # A short line (a heading such as "一、情况") may rightly appear in a task's text:
        # it leaks only as a whole line; a longer one leaks anywhere in the file.
        raw = path.read_text(encoding="utf-8")
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        shown = {line.strip() for line in text.splitlines()}
        leaked = [
            line
            for line in lines
            if line in shown or (len(line) >= 12 and (line in text or line in raw))
        ]
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


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_nbgrader_validate_passes_the_instructor_version_and_fails_the_release(
    course: Course, aid: str, tmp_path: Path
) -> None:
    from nbgrader.validator import Validator

    name = source_notebook(aid).name
    shutil.copytree(EXERCISES / aid, tmp_path / "source")
    shutil.copytree(course.root / "release" / aid, tmp_path / "release")
    assert Validator().validate(str(tmp_path / "source" / name)) == {}
    assert Validator(invert=True).validate(str(tmp_path / "release" / name)) == {}


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_exercise_notebook_is_stored_clean_with_valid_nbgrader_metadata(aid: str) -> None:
    from nbgrader.nbgraderformat import MetadataValidator

    path = source_notebook(aid)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no answers.json beside it
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    MetadataValidator().validate_nb(nb)
    assert nb.metadata.kernelspec.name == "python3"
    graded = [c for c in nb.cells if "nbgrader" in c.metadata]
    ids = [c.metadata.nbgrader["grade_id"] for c in graded]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9_]+", i) for i in ids), ids
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    for cell in graded:
        meta = cell.metadata.nbgrader
        assert meta["schema_version"] == 3
        assert ("points" in meta) == (meta["grade"] or meta["task"])
        if meta["grade"]:
            assert meta["locked"] and not meta["solution"]
            assert cell.source.startswith("# 检查：")
            assert "### BEGIN HIDDEN TESTS" in cell.source
        if meta["solution"]:
            assert meta["grade_id"].endswith("_answer") and "preset=" in cell.source
        if meta["task"]:
            assert cell.cell_type == "markdown" and "=== BEGIN MARK SCHEME ===" in cell.source
    answered = {i.removesuffix("_answer") for i in ids if i.endswith("_answer")}
    assert {grade_id(q, dict.fromkeys(ids)) for q in answered} <= set(ids)
    assert any(c.metadata.nbgrader["task"] for c in graded) == (aid != "01-duties")


def test_hidden_answers_agree_with_the_kits_own_rules() -> None:
    """The numbers and verdicts in the exercises are what the kit's rule functions give."""
    from datetime import date

    from trainingkit.consultation import plan_timeline
    from trainingkit.duties.evaluate import assess, evaluate_compliance
    from trainingkit.duties.rule_files import load_contact_rule, load_rule_set, load_scheme
    from trainingkit.duties.summary import summary_from_counts

    duties = presets("01-duties")
    six = load_rule_set("inner_mongolia_six")
    records = {  # the table of question duties_six_ones
        "甲": (1, 0, 2, 1, 1, 1, 1),
        "乙": (1, 0, 1, 0, 2, 1, 1),
        "丙": (0, 1, 3, 2, 1, 1, 1),
        "丁": (1, 0, 1, 1, 1, 1, 2),
    }
    columns = ("plenary_attended", "plenary_excused", "proposals_submitted")
    columns += ("sheqing_submitted", "research", "training", "sector_activities")
    verdicts = {}
    for member, counts in records.items():
        row = evaluate_compliance(summary_from_counts(dict(zip(columns, counts, strict=True))), six)
        verdicts[member] = "met" if bool(row.loc[0, "all_met"]) else "missing"
    assert verdicts == duties["duties_six_ones"]

    record = {"plenary_excused": 1, "proposals_submitted": 1, "research": 2, "inspection": 2}
    record |= {"sheqing_submitted": 1, "sheqing_adopted": 1}
    scored = assess(summary_from_counts(record), load_scheme("tongcheng_2019"))
    assert scored.loc[0, "score"] == duties["duties_assessment_score"]

    contacts = {"contacts_q1": 2, "contacts_q2": 0, "contacts_q3": 1, "contacts_q4": 3}
    contact = summary_from_counts({**contacts, "contact_people": 45, "plenary_attended": 1})
    row = evaluate_compliance(contact, six, load_contact_rule("tianshui"))
    assert not bool(row.loc[0, "contact_quarters_ok"]) and bool(row.loc[0, "contact_people_ok"])
    assert duties["duties_quarterly_contact"] == "B"  # "第二季度没有联系活动"

    consultation = presets("03-consultation")
    timeline = plan_timeline(date(2026, 7, 16))
    assert timeline.notice_by.isoformat() == consultation["consultation_notice_date"]
    assert timeline.report_by.isoformat() == consultation["consultation_report_date"]


def test_a_stray_answer_file_in_the_source_never_replaces_a_trainees(
    course: Course, tmp_path: Path
) -> None:
    """``Autograde.exclude_overwriting`` (course_config) keeps the submitted answers.json."""
    aid = "01-duties"
    other = Course(tmp_path / "course")
    wrong = {**presets(aid), **WRONG[aid][0]}
    (other.root / "source" / aid / "answers.json").write_text(json.dumps(presets(aid)))
    other.generate(aid)
    other.submit(aid, "trainee", course.notebook(aid, "release"), wrong)
    scores = other.autograde(aid, "trainee")
    assert all(scores[qid].auto == 0 for qid in WRONG[aid][0]), scores


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_the_release_keeps_every_cell_locked_and_the_answer_code_collapsed(
    course: Course, aid: str
) -> None:
    # nbgrader's LockCells only adds deletable: false and ClearSolutions edits
    # sources, so the tidy script's editable: false reaches the trainee.
    cells = nbformat.read(course.notebook(aid, "release"), as_version=4).cells
    assert cells and all(c.metadata.get("editable") is False for c in cells)
    assert all(c.metadata.get("deletable") is False for c in cells)
    answers = [c for c in cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert answers and all(c.metadata["jupyter"]["source_hidden"] for c in answers)


@pytest.mark.parametrize("aid", EXERCISE_IDS)
def test_run_all_on_a_fresh_release_builds_every_widget_and_names_questions_in_chinese(
    course: Course, aid: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The trainee's own kernel: no NBGRADER_EXECUTION, so Run All must not stop at
    # the first unanswered check (the same release still scores 0 under nbgrader:
    # test_released_version_gets_zero).
    from nbclient import NotebookClient

    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    folder = tmp_path / aid
    shutil.copytree(course.root / "release" / aid, folder)
    (path,) = sorted(folder.glob("*.ipynb"))
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=120, resources={"metadata": {"path": str(folder)}}).execute()
    answers = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]
    checks = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert answers and len(checks) == len(answers)
    for number, cell in enumerate(answers, start=1):
        kinds = [o.get("data", {}) for o in cell.outputs if o.output_type == "display_data"]
        assert any("application/vnd.jupyter.widget-view+json" in d for d in kinds), number
    for number, cell in enumerate(checks, start=1):
        assert not [o for o in cell.outputs if o.output_type == "error"]
        text = "".join(o.get("text", "") for o in cell.outputs)
        assert text.startswith(f"✘ 第{number}题：还没有作答。"), text
    shown = "".join(
        o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs
    )
    for qid in (c.metadata.nbgrader["grade_id"] for c in checks):
        assert qid not in shown  # no internal id reaches the trainee
    assert "Error" not in shown and "Traceback" not in shown
