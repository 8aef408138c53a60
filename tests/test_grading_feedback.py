"""Feedback: Chinese, released through the exchange, and free of hidden tests.

The leak scan takes every line of every hidden test from the instructor's source
and looks for it in every feedback page (the cohort's, the exchange's and the
copies trainees fetched) and in every released file. A control shows the scan
does find the leaks of nbgrader's own feedback.
"""

from __future__ import annotations

import json

import nbformat
import pytest
from click.testing import CliRunner
from demo_support import demo_cohort, leaks, secret_lines, shared_demo, visible_text, who

from trainingkit.cli import main
from trainingkit.cohort.config import FEEDBACK_PREPROCESSORS
from trainingkit.grading.scrub import FAILED_HIDDEN, HIDDEN_OUTPUT, PASSED, ScrubHiddenTests

HIDDEN = "### BEGIN HIDDEN TESTS\nassert_choice(sheet.answer('q1'), 'B')\n### END HIDDEN TESTS"
CHECKS_FRAME = (
    "File /x/site-packages/trainingkit/checks.py:68, in CheckResult.raise_for_failure(self)"
)


def _error(message: str, innermost: str) -> dict:
    return {
        "output_type": "error",
        "ename": "AssertionError",
        "evalue": message,
        "traceback": [
            "\x1b[0;31m----\x1b[0m",
            "Cell In[3], line 4\n  assert_choice(...)",
            innermost,
            f"AssertionError: {message}",
        ],
    }


def _notebook(*cells: tuple[str, list]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    for number, (source, outputs) in enumerate(cells):
        cell = nbformat.v4.new_code_cell(source)
        cell.outputs = [nbformat.from_dict(o) for o in outputs]
        cell.metadata["nbgrader"] = {
            "grade": True,
            "grade_id": f"c{number}",
            "points": 1,
            "solution": False,
            "locked": True,
            "comment": "No response.",
        }
        nb.cells.append(cell)
    return nb


def _scrub(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return ScrubHiddenTests().preprocess(nb, {})[0]


def test_a_passed_hidden_test_shows_only_that_it_passed() -> None:
    nb = _scrub(_notebook((f"sheet.require('q1')\n{HIDDEN}", [])))
    assert nb.cells[0].source == "sheet.require('q1')"
    assert [o.text for o in nb.cells[0].outputs] == [PASSED + "\n"]
    assert nb.cells[0].metadata.nbgrader.comment is None  # nbgrader's "No response."


def test_a_check_helpers_message_is_kept_but_an_instructors_assert_message_is_not() -> None:
    helper = _error("答案不正确，请再想一想。", CHECKS_FRAME)
    typed = _error("应为 B", "Cell In[3], line 5\n  assert x == 'B', '应为 B'")
    nb = _scrub(_notebook((HIDDEN, [helper]), (HIDDEN, [typed])))
    assert nb.cells[0].outputs[0].text == "✘ 没有通过这一题的检查：答案不正确，请再想一想。\n"
    assert nb.cells[1].outputs[0].text == FAILED_HIDDEN + "\n"
    assert all(o.output_type == "stream" for c in nb.cells for o in c.outputs)


def test_without_frames_a_message_is_kept_only_if_the_hidden_test_has_no_assert_of_its_own() -> (
    None
):
    minimal = {"output_type": "error", "ename": "AssertionError", "evalue": "有 2 个位置不对。",
               "traceback": ["\x1b[31mAssertionError\x1b[39m: 有 2 个位置不对。\n"]}  # fmt: skip
    own = "### BEGIN HIDDEN TESTS\nassert sheet.answer('q1') == 'B', '应为 B'\n### END HIDDEN TESTS"
    nb = _scrub(_notebook((HIDDEN, [minimal]), (own, [{**minimal, "evalue": "应为 B"}])))
    assert nb.cells[0].outputs[0].text == "✘ 没有通过这一题的检查：有 2 个位置不对。\n"
    assert nb.cells[1].outputs[0].text == FAILED_HIDDEN + "\n"


def test_a_helper_message_quoting_a_hidden_line_is_dropped() -> None:
    quoting = _error("assert_choice(sheet.answer('q1'), 'B')", CHECKS_FRAME)
    nb = _scrub(_notebook((HIDDEN, [quoting])))
    assert nb.cells[0].outputs[0].text == FAILED_HIDDEN + "\n"


def test_grading_notes_reach_the_page_unless_they_quote_a_hidden_test() -> None:
    notes = [
        "有 1 个被删除的检查单元已按原题恢复后批改。",
        "出错：assert_choice(sheet.answer('q1'), 'B')",
    ]
    scrubber = ScrubHiddenTests(notes=notes)
    resources: dict = {}
    scrubber.preprocess(_notebook((HIDDEN, [])), resources)
    assert resources["trainingkit_notes"] == notes[:1]


def test_other_outputs_quoting_hidden_code_are_hidden_and_mark_schemes_removed() -> None:
    history = {
        "output_type": "stream",
        "name": "stdout",
        "text": "In[5]: assert_choice(sheet.answer('q1'), 'B')",
    }
    scheme = "题目\n=== BEGIN MARK SCHEME ===\n- 选题 1 分\n=== END MARK SCHEME ==="
    nb = _notebook(("print(In)", [history]), (HIDDEN, []))
    nb.cells.append(nbformat.v4.new_markdown_cell(scheme))
    nb = _scrub(nb)
    assert nb.cells[0].outputs[0].text == HIDDEN_OUTPUT + "\n"
    assert nb.cells[2].source == "题目"


@pytest.mark.nbgrader
@pytest.mark.slow
def test_no_hidden_test_line_is_in_any_feedback_or_release(tmp_path_factory) -> None:
    workdir, _ = shared_demo(tmp_path_factory)
    cohort = demo_cohort(tmp_path_factory)
    feedback = [
        *cohort.root.glob("feedback/*/*/*.html"),
        *cohort.exchange.glob("*/feedback/*.html"),
        *workdir.glob("homes/*/*/feedback/*/*.html"),
    ]
    released = [
        p
        for p in [
            *cohort.root.glob("release/**/*"),
            *cohort.exchange.glob("*/outbound/**/*"),
            *workdir.glob("homes/*/*/*.ipynb"),
        ]
        if p.is_file()
    ]
    assert len(feedback) >= 3 * 20 and len(released) >= 8
    assert leaks(feedback + released, secret_lines(cohort)) == {}


@pytest.mark.nbgrader
@pytest.mark.slow
def test_the_scan_finds_what_nbgraders_own_feedback_leaks(tmp_path_factory) -> None:
    from nbgrader.apps.api import NbGraderAPI
    from traitlets.config import Config

    cohort = demo_cohort(tmp_path_factory)
    config = Config()  # nbgrader's defaults, without the cohort's feedback settings
    config.CourseDirectory.root = str(cohort.root)
    config.CourseDirectory.course_id = cohort.name
    config.CourseDirectory.db_url = cohort.db_url
    config.CourseDirectory.feedback_directory = "nbgrader-default-feedback"
    api = NbGraderAPI(coursedir=cohort.coursedir(config), config=config)
    secrets = secret_lines(cohort)
    for student in cohort.submissions("02-proposals")[:3]:
        api.generate_feedback("02-proposals", student)
    pages = list(cohort.root.glob("nbgrader-default-feedback/*/02-proposals/*.html"))
    assert pages and all(str(p) in leaks([p], secrets) for p in pages)


@pytest.mark.nbgrader
@pytest.mark.slow
def test_the_cohorts_nbgrader_config_scrubs_feedback_for_formgrader_too(tmp_path_factory) -> None:
    config = demo_cohort(tmp_path_factory).nbgrader_config()
    assert list(config.GenerateFeedback.preprocessors) == list(FEEDBACK_PREPROCESSORS)


@pytest.mark.nbgrader
@pytest.mark.slow
def test_feedback_is_chinese_with_the_points_of_each_question(tmp_path_factory) -> None:
    cohort = demo_cohort(tmp_path_factory)
    pages = sorted(cohort.root.glob("feedback/*/01-duties/*.html"))
    assert len(pages) >= len(cohort.submissions("01-duties")) - 1  # one is broken on purpose
    page = pages[0]
    text = visible_text(page)
    assert "作业反馈" in text and "得分" in text and "Score" not in text
    (source,) = cohort.source("01-duties").glob("*.ipynb")
    grade_ids = [
        c.metadata.nbgrader.grade_id
        for c in nbformat.read(source, as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("grade")
    ]
    assert grade_ids and all(grade_id in text for grade_id in grade_ids)
    assert "No response." not in text
    (draft_page, *_) = sorted(cohort.root.glob("feedback/*/02-proposals/*.html"))
    assert "待老师批阅" in visible_text(draft_page)  # the draft's quality is graded by hand
    student, assignment = who("deleted_cell")
    (restored,) = cohort.root.glob(f"feedback/{student}/{assignment}/*.html")
    assert "批改说明" in visible_text(restored) and "已按原题恢复" in visible_text(restored)
    assert 'src="http' not in page.read_text(encoding="utf-8")  # no MathJax from a CDN


@pytest.mark.nbgrader
@pytest.mark.slow
def test_feedback_reaches_trainees_and_failed_submissions_are_named(tmp_path_factory) -> None:
    workdir, _ = shared_demo(tmp_path_factory)
    cohort = demo_cohort(tmp_path_factory)
    student, assignment = who("invalid_json")
    assert not list(cohort.root.glob(f"feedback/{student}/{assignment}/*.html"))
    good = next(s for s in cohort.submissions("01-duties") if s != student)
    assert list(workdir.glob(f"homes/{good}/01-duties/feedback/*/*.html"))
    result = CliRunner().invoke(main, ["feedback", assignment, "--cohort", str(cohort.root)])
    assert result.exit_code == 1, result.output
    assert f"{assignment}/{student}" in result.output and "笔记本文件已损坏" in result.output


@pytest.mark.nbgrader
@pytest.mark.slow
def test_bad_input_exits_2_and_changes_nothing(tmp_path_factory) -> None:
    cohort = demo_cohort(tmp_path_factory)
    before = {p: p.stat().st_mtime_ns for p in cohort.root.glob("feedback/*/*/*.html")}
    for args in (["feedback", "99-nothing"], ["feedback", "--trainee", "nobody"]):
        result = CliRunner().invoke(main, [*args, "--cohort", str(cohort.root)])
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert {p: p.stat().st_mtime_ns for p in cohort.root.glob("feedback/*/*/*.html")} == before
    missing = CliRunner().invoke(main, ["feedback", "--cohort", str(cohort.root / "nope")])
    assert missing.exit_code == 2 and "cohort" in missing.output


def test_release_notebook_json_is_scanned_as_text(tmp_path) -> None:
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps({"cells": [{"source": ["a\n", 'assert_choice(x, "B")']}]}))
    assert leaks([path], ['assert_choice(x, "B")']) == {str(path): ['assert_choice(x, "B")']}


def test_trusted_helpers_are_named_by_module_identity() -> None:
    import importlib
    from pathlib import Path

    from trainingkit.grading.scrub import TRUSTED_MODULES, _frame_module

    for name in TRUSTED_MODULES:
        module = importlib.import_module(name)
        frame = f"File {module.__file__}:10, in helper()"
        assert _frame_module(frame) == name
        assert _frame_module(f'File "{module.__file__}", line 10, in helper') == name
    lookalike = Path(importlib.import_module("trainingkit.checks").__file__).with_name("checks2.py")
    assert _frame_module(f"File {lookalike}:1, in f()") not in TRUSTED_MODULES
    assert _frame_module("File /tmp/notkit/checks.py:1, in f()") == ""


def test_question_ids_in_outputs_become_question_numbers() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("## 第 5 题 · 写一件提案"))
    answer = nbformat.v4.new_code_cell("sheet.draft('proposal_draft')")
    printed = "【proposal_draft】当前答案：关于……\n"
    answer.outputs = [nbformat.from_dict({"output_type": "stream", "name": "stdout",
                                          "text": printed})]  # fmt: skip
    nb.cells.append(answer)
    frame = "File /x/site-packages/trainingkit/exercise/sheet.py:188, in require()"
    failed = _error("第「proposal_draft」题：还没有作答", frame)
    nb.cells += _notebook(("sheet.require('proposal_draft')\n" + HIDDEN, [failed])).cells
    outputs = [o for c in _scrub(nb).cells if c.cell_type == "code" for o in c.outputs]
    text = "".join(str(o.get("text", "")) for o in outputs)
    assert "【第5题】当前答案" in text and "第5题：还没有作答" in text
    assert "proposal_draft" not in text
