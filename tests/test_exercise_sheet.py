"""The answer sheet of the exercises: answers.json, validation, self-checks, widgets."""

from __future__ import annotations

import doctest
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from trainingkit.exercise.questions import Question, describe, problem, self_check
from trainingkit.exercise.sheet import AnswerSheet, AnswerStore

OPTIONS = {"A": "甲", "B": "乙", "C": "丙"}
STEPS = {"plan": "计划", "topic": "选题", "meeting": "开会"}
CHOICES = {"met": "达标", "missing": "未达标"}


def sheet_in(folder: Path, **kwargs: Any) -> AnswerSheet:
    return AnswerSheet(folder / "answers.json", widgets=kwargs.pop("widgets", False), **kwargs)


def saved(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "answers.json").read_text(encoding="utf-8"))


def test_answers_round_trip_through_the_file(tmp_path: Path) -> None:
    values = {"q1": "B", "q2": ["A", "C"], "q3": {"甲": "met"}, "q4": 63, "q5": "草稿\n第二行"}
    AnswerStore(tmp_path / "answers.json").save(values)
    assert AnswerStore(tmp_path / "answers.json").values == values
    assert "草稿" in (tmp_path / "answers.json").read_text(encoding="utf-8")  # readable UTF-8
    assert [p.name for p in tmp_path.iterdir()] == ["answers.json"]  # no temporary left


def test_every_change_is_saved_at_once(tmp_path: Path) -> None:
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS)
    sheet.record("q1", "C")
    assert saved(tmp_path) == {"q1": "C"}
    again = sheet_in(tmp_path)
    again.single_choice("q1", OPTIONS)
    assert again.answer("q1") == "C"


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '"text"', "\xff\xfe"])
def test_a_broken_answer_file_is_set_aside_with_a_clear_message(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "answers.json").write_text(content, encoding="latin-1")
    sheet = sheet_in(tmp_path)
    sheet.status()
    out = capsys.readouterr().out
    assert "已损坏" in out and "answers.broken.json" in out
    assert (tmp_path / "answers.broken.json").read_text(encoding="latin-1") == content
    sheet.single_choice("q1", OPTIONS)
    sheet.record("q1", "A")
    assert saved(tmp_path) == {"q1": "A"}


def test_a_second_broken_file_does_not_overwrite_the_first(tmp_path: Path) -> None:
    (tmp_path / "answers.json").write_text("{1", encoding="utf-8")
    sheet_in(tmp_path)
    (tmp_path / "answers.json").write_text("{2", encoding="utf-8")
    sheet_in(tmp_path)
    assert (tmp_path / "answers.broken.json").read_text(encoding="utf-8") == "{1"
    assert (tmp_path / "answers.broken-2.json").read_text(encoding="utf-8") == "{2"


def test_unknown_question_ids_are_kept_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    AnswerStore(tmp_path / "answers.json").save({"old_question": "A"})
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS)
    sheet.record("q1", "B")
    assert saved(tmp_path) == {"old_question": "A", "q1": "B"}
    assert sheet.answer("nowhere") is None
    assert "请先运行这道题的答题单元格" in sheet.self_check("nowhere").message
    assert "nowhere" not in sheet.self_check("nowhere").message  # no internal id
    with pytest.raises(AssertionError, match="还没有作答"):
        sheet.require("nowhere")
    sheet.require("old_question")  # answered in the file, though its cell is gone


def test_a_saved_answer_of_the_wrong_shape_fails_the_visible_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    AnswerStore(tmp_path / "answers.json").save({"q1": ["B"], "q2": "many"})
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS)
    sheet.number("q2", minimum=0, maximum=100)
    with pytest.raises(AssertionError, match="不是本题的选项"):
        sheet.require("q1")
    with pytest.raises(AssertionError, match="请填写一个数字"):
        sheet.require("q2")


def test_the_model_answer_of_the_instructor_version_is_never_saved(tmp_path: Path) -> None:
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS, preset="B")
    assert sheet.answer("q1") == "B"
    sheet.record("q1", "C")
    assert sheet.answer("q1") == "C"
    assert not (tmp_path / "answers.json").exists()


def test_a_saved_answer_wins_over_the_preset(tmp_path: Path) -> None:
    AnswerStore(tmp_path / "answers.json").save({"q1": "A"})
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS, preset="B")
    assert sheet.answer("q1") == "A"


def test_one_id_cannot_name_two_different_questions(tmp_path: Path) -> None:
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS)
    sheet.single_choice("q1", OPTIONS)  # re-running the same cell is fine
    with pytest.raises(ValueError, match="q1"):
        sheet.multiple_choice("q1", OPTIONS)


VALID: list[tuple[Question, Any]] = [
    (Question("s", "single", OPTIONS), "A"),
    (Question("m", "multi", OPTIONS), ["A", "C"]),
    (Question("o", "order", STEPS), ["topic", "plan", "meeting"]),
    (Question("x", "match", {"甲": "甲", "乙": "乙"}, CHOICES), {"甲": "met", "乙": "met"}),
    (Question("n", "number", minimum=0, maximum=100), 63),
    (Question("d", "date"), "2026-06-25"),
    (Question("t", "text", min_chars=5), "一二三四五六"),
]
INVALID: list[tuple[Question, Any, str]] = [
    (Question("s", "single", OPTIONS), None, "还没有作答"),
    (Question("s", "single", OPTIONS), "Z", "不是本题的选项"),
    (Question("m", "multi", OPTIONS), [], "还没有作答"),
    (Question("m", "multi", OPTIONS), ["A", "Z"], "不属于本题"),
    (Question("m", "multi", OPTIONS), ["A", "A"], "选了两次"),
    (Question("o", "order", STEPS), ["plan", "", "meeting"], "还有步骤没有排"),
    (Question("o", "order", STEPS), ["plan", "plan", "meeting"], "重复"),
    (Question("o", "order", STEPS), ["plan", "topic"], "还有步骤没有排"),
    (Question("x", "match", {"甲": "甲", "乙": "乙"}, CHOICES), {"甲": "met"}, "还有 1 项"),
    (Question("x", "match", {"甲": "甲"}, CHOICES), {"甲": "maybe"}, "不属于本题的类别"),
    (Question("n", "number", minimum=0, maximum=100), "六十", "请填写一个数字"),
    (Question("n", "number", minimum=0, maximum=100), 130, "合理范围"),
    (Question("n", "number"), True, "请填写一个数字"),
    (Question("d", "date"), "6月25日", "请选择一个日期"),
    (Question("t", "text", min_chars=5), "太短", "至少要写 5 个字"),
    (Question("t", "text"), ["not", "text"], "一段文字"),
]


@pytest.mark.parametrize(("question", "value"), VALID)
def test_complete_answers_pass_the_form_check(question: Question, value: Any) -> None:
    assert problem(question, value) is None
    assert self_check(question, value).passed


@pytest.mark.parametrize(("question", "value", "message"), INVALID)
def test_incomplete_answers_are_explained(question: Question, value: Any, message: str) -> None:
    issue = problem(question, value)
    assert issue is not None and message in issue
    assert not self_check(question, value).passed


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        (Question("s", "single", OPTIONS), ["A", "B", "C"]),
        (Question("m", "multi", OPTIONS), [["A"], ["B"], ["A", "B", "C"]]),
        (
            Question("o", "order", STEPS),
            [["plan", "topic", "meeting"], ["meeting", "topic", "plan"]],
        ),
        (Question("n", "number", minimum=0, maximum=100), [63, 83, 78]),
    ],
)
def test_the_self_check_says_the_same_for_right_and_wrong_answers(
    question: Question, answers: list[Any]
) -> None:
    """Any difference would let a trainee find the hidden answer by trying each option."""
    results = {(r.passed, r.message) for r in (self_check(question, a) for a in answers)}
    assert len(results) == 1


def test_a_draft_self_check_lists_missing_sections_and_length() -> None:
    question = Question("plan", "text", max_chars=30, sections=("协商议题", "成果报送"))
    result = self_check(question, "协商议题：养老服务设施建设。" * 3)
    assert not result.passed
    assert "成果报送" in result.message and "30 字" in result.message


def test_a_draft_self_check_shows_the_review_findings() -> None:
    question = Question("draft", "text", review="proposal")
    result = self_check(question, "老旧小区加装电梯问题\n\n我市老旧小区很多没有电梯。")
    assert not result.passed
    assert "建议" in result.message


def test_a_good_draft_passes_its_self_check_with_the_review_clean() -> None:
    draft = (
        "关于加快推进老旧小区加装电梯的建议\n\n一、情况\n我市不少老旧多层住宅没有电梯，老年住户上下楼困难。\n\n"
        "二、分析\n一是协商难，低层和高层住户意见不一；二是审批手续多、周期长。\n\n"
        "三、建议\n1. 建议市住房和城乡建设局牵头制定联合审批办法，明确办理时限。\n"
        "2. 建议各区政府指导社区建立加装电梯协商议事机制。\n"
    )
    result = self_check(Question("draft", "text", review="proposal"), draft)
    assert result.passed, result.message
    assert "体检没有发现结构问题" in result.message


def test_a_date_self_check_warns_about_a_weekend() -> None:
    result = self_check(Question("d", "date"), "2026-06-27")
    assert result.passed and "周末" in result.message and "周六" in result.message


def test_answers_are_described_in_one_plain_line() -> None:
    assert describe(Question("s", "single", OPTIONS), "B") == "B. 乙"
    assert describe(Question("o", "order", STEPS), ["plan", ""]) == "计划 → （空）"
    match = Question("x", "match", {"甲": "甲"}, CHOICES)
    assert describe(match, {"甲": "met"}) == "甲：达标"
    both = Question("x", "match", {"甲": "甲", "乙": "乙"}, CHOICES)
    assert describe(both, {"乙": "met", "甲": "met"}) == "甲：达标；乙：达标"  # 甲乙丙 order
    assert describe(Question("d", "date"), "2026-06-25") == "2026-06-25（周四）"
    assert describe(Question("n", "number"), None) == "（未作答）"


def test_each_question_prints_its_answer_for_the_graded_notebook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    AnswerStore(tmp_path / "answers.json").save({"q1": "C"})
    sheet_in(tmp_path).single_choice("q1", OPTIONS, number=3)
    assert capsys.readouterr().out == "第3题 当前答案：C. 丙\n"


def test_check_all_prints_one_line_per_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS, preset="A", number=1)
    sheet.number("q2", number=2)
    capsys.readouterr()
    sheet.check_all()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("第1题 ✔") and lines[1].startswith("第2题 ✘ 还没有作答")
    assert "q1" not in "".join(lines) and "q2" not in "".join(lines)


def test_in_the_trainee_session_an_unanswered_check_says_so_and_does_not_stop_run_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS, number=2)
    capsys.readouterr()
    sheet.require("q1")  # no exception: Run All goes on to the next question
    out = capsys.readouterr().out
    assert out.startswith("✘ 第2题：还没有作答。") and "q1" not in out


@pytest.mark.parametrize("step", ["validate", "autograde"])
def test_under_nbgrader_an_unanswered_check_fails_with_a_chinese_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    monkeypatch.setenv("NBGRADER_EXECUTION", step)
    sheet = sheet_in(tmp_path)
    sheet.single_choice("q1", OPTIONS, number=2)
    with pytest.raises(AssertionError, match=r"^第2题：还没有作答。$") as raised:
        sheet.require("q1")
    assert type(raised.value).__name__ == "未完成"


def test_the_shared_sheet_lets_an_answer_cell_run_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    AnswerStore(tmp_path / "answers.json").save({"q1": "B"})
    monkeypatch.chdir(tmp_path)
    from trainingkit.exercise import sheet as sheet_module

    shared = sheet_module.sheet
    assert shared is sheet_module.shared_sheet() and shared.answer("q1") == "B"


def drive(sheet: AnswerSheet, qid: str, value: Any) -> None:
    """Set an answer the way a trainee does: through the widget's controls."""
    inputs = sheet.inputs[qid]
    kind = sheet.questions[qid].kind
    if kind == "multi":
        for key, box in inputs.items():
            box.value = key in value
    elif kind == "order":
        for menu, key in zip(inputs, value, strict=True):
            menu.value = key
    elif kind == "match":
        for key, choice in value.items():
            inputs[key].value = choice
    elif kind == "date":
        import datetime

        inputs.value = datetime.date.fromisoformat(value)
    else:
        inputs.value = value


def ask_everything(sheet: AnswerSheet) -> AnswerSheet:
    sheet.single_choice("s", OPTIONS)
    sheet.multiple_choice("m", OPTIONS)
    sheet.ordering("o", STEPS)
    sheet.matching("x", {"甲": "甲", "乙": "乙"}, CHOICES)
    sheet.number("n")
    sheet.pick_date("d")
    sheet.draft("t")
    return sheet


def test_widgets_save_what_the_trainee_sets(tmp_path: Path) -> None:
    sheet = ask_everything(sheet_in(tmp_path, widgets=True))
    answers = {
        "s": "B",
        "m": ["A", "C"],
        "o": ["topic", "plan", "meeting"],
        "x": {"甲": "met", "乙": "missing"},
        "d": "2026-06-25",
        "t": "一段草稿",
    }
    for qid, value in answers.items():
        drive(sheet, qid, value)
    sheet.inputs["n"].value = "1,500"
    assert saved(tmp_path) == {**answers, "n": 1500}
    reopened = ask_everything(sheet_in(tmp_path, widgets=True))
    assert reopened.all_answers() == {**answers, "n": 1500}
    assert reopened.inputs["s"].value == "B" and reopened.inputs["n"].value == "1500"


def test_the_self_check_button_shows_the_result(tmp_path: Path) -> None:
    import ipywidgets

    sheet = sheet_in(tmp_path, widgets=True)
    sheet.ordering("o", STEPS)
    root = sheet.views["o"]
    (button,) = [w for w in walk(root) if isinstance(w, ipywidgets.Button)]
    (output,) = [w for w in walk(root) if "tk-exercise-output" in w._dom_classes]
    button.click()
    assert "还没有作答" in output.value
    sheet.inputs["o"][0].value = "plan"
    assert output.value == ""  # a change clears the old result
    button.click()
    assert "还有步骤没有排" in output.value
    drive(sheet, "o", ["plan", "topic", "meeting"])
    button.click()
    assert "可以提交" in output.value


def walk(widget: Any) -> list[Any]:
    return [widget, *(w for child in getattr(widget, "children", ()) for w in walk(child))]


def test_under_nbgrader_no_widget_library_is_imported(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from trainingkit.exercise.sheet import AnswerSheet\n"
        "sheet = AnswerSheet()\n"
        "sheet.single_choice('q1', {'A': '甲'}, preset='A')\n"
        "sheet.require('q1')\n"
        "heavy = ('ipywidgets', 'pandas', 'matplotlib', 'nbgrader')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    env = {**os.environ, "NBGRADER_EXECUTION": "autograde"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
    assert result.stderr == ""


@pytest.mark.parametrize(
    "module",
    ["trainingkit.exercise.sheet", "trainingkit.exercise.questions", "trainingkit.cohort.config"],
)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


def status_of(sheet: AnswerSheet, qid: str) -> str:
    import ipywidgets

    (status,) = [
        w
        for w in walk(sheet.views[qid])
        if isinstance(w, ipywidgets.HTML) and w.value.startswith("当前答案")
    ]
    return str(status.value)


def test_the_widget_shows_the_current_answer_and_whether_it_is_saved(tmp_path: Path) -> None:
    sheet = sheet_in(tmp_path, widgets=True)
    sheet.single_choice("q1", OPTIONS)
    sheet.draft("t")
    sheet.single_choice("q2", OPTIONS, preset="A")
    assert status_of(sheet, "q1") == "当前答案：（未作答） （自动保存）"
    drive(sheet, "q1", "B")
    drive(sheet, "t", "  草稿<b>十个字</b>  ")
    assert status_of(sheet, "q1") == "当前答案：B. 乙 （自动保存）"
    assert status_of(sheet, "t").startswith("当前答案：已写 12 字")  # a draft: its length only
    assert "教师版" in status_of(sheet, "q2") and "A. 甲" in status_of(sheet, "q2")


def test_with_widgets_no_stale_answer_line_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet_in(tmp_path, widgets=True).single_choice("q1", OPTIONS, number=1)
    assert "第1题 当前答案" not in capsys.readouterr().out


def test_the_widget_escapes_what_it_shows(tmp_path: Path) -> None:
    sheet = sheet_in(tmp_path, widgets=True)
    sheet.single_choice("q1", {"A": "<script>x</script>"})
    drive(sheet, "q1", "A")
    assert "<script>" not in status_of(sheet, "q1") and "&lt;script&gt;" in status_of(sheet, "q1")


def test_plain_errors_does_nothing_outside_ipython() -> None:
    from trainingkit.exercise.sheet import plain_errors

    plain_errors()  # no shell: no error, nothing to change
