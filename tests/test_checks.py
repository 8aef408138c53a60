"""Answer checks: right answers pass, wrong ones fail without revealing the answer."""

from __future__ import annotations

import contextlib
import io

import pandas as pd
import pytest

import trainingkit.checks as checks
from trainingkit.checks import CheckResult


def test_single_choice_passes_only_the_expected_option() -> None:
    assert checks.check_choice(" B ", "B").passed
    wrong = checks.check_choice("C", "B")
    assert not wrong.passed
    assert "B" not in wrong.message


@pytest.mark.parametrize("blank", [None, "", [], {}])
def test_blank_answers_say_not_answered(blank: object) -> None:
    assert checks.check_choice(blank, "B").message == "还没有作答。"  # type: ignore[arg-type]


def test_multi_select_ignores_order_and_counts_missing_and_extra() -> None:
    assert checks.check_multi(["乙", "甲"], ["甲", "乙"]).passed
    result = checks.check_multi(["甲", "丙"], ["甲", "乙"], partial=True)
    assert not result.passed
    assert result.message == "还有 1 项该选的没有选，有 1 项不该选。"
    assert result.points == pytest.approx(1 / 3, abs=1e-4)


def test_order_reports_wrong_positions_and_rejects_other_steps() -> None:
    assert checks.check_order(["一", "二", "三"], ["一", "二", "三"]).passed
    assert checks.check_order(["二", "一", "三"], ["一", "二", "三"]).message == "有 2 个位置不对。"
    assert not checks.check_order(["一", "二"], ["一", "二", "三"]).passed
    assert not checks.check_order(["一", "一", "三"], ["一", "二", "三"]).passed


def test_mapping_requires_every_item_and_gives_partial_points() -> None:
    expected = {"甲": "立案", "乙": "不予立案", "丙": "立案", "丁": "立案"}
    assert checks.check_mapping(dict(expected), expected).passed
    assert checks.check_mapping({"甲": "立案"}, expected).message == "还有 3 项没有归类。"
    result = checks.check_mapping({**expected, "乙": "立案"}, expected)
    assert (result.passed, result.points) == (False, 0.75)
    assert "不予立案" not in result.message


def test_number_accepts_text_and_tolerance_and_rejects_non_numbers() -> None:
    assert checks.check_number("1，200", 1200).passed
    assert checks.check_number(84.6, 85, abs_tol=0.5).passed
    assert not checks.check_number(84, 85, abs_tol=0.5).passed
    assert checks.check_number("八十五", 85).message == "请填写一个数字。"
    assert checks.check_number(5.1, 5, rel_tol=0.05).passed


def test_frame_ignores_row_and_column_order_but_not_values() -> None:
    expected = pd.DataFrame({"界别": ["经济", "教育"], "人数": [3, 5]})
    shuffled = pd.DataFrame({"人数": [5, 3], "界别": ["教育", "经济"]})
    assert checks.check_frame(shuffled, expected).passed
    changed = shuffled.assign(人数=[5, 4])
    assert checks.check_frame(changed, expected).message == "表格中有数值不对。"
    assert not checks.check_frame(expected.head(1), expected).passed
    assert not checks.check_frame([1, 2], expected).passed  # type: ignore[arg-type]


def test_raising_variants_raise_with_the_same_message_and_print_nothing() -> None:
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        checks.assert_choice("B", "B")
        with pytest.raises(AssertionError, match="答案不正确"):
            checks.assert_choice("A", "B")
        with pytest.raises(AssertionError, match="有 2 个位置不对"):
            checks.assert_order(["b", "a"], ["a", "b"])
    assert err.getvalue() == "" and out.getvalue() == ""
    assert checks.assert_mapping.__name__ == "assert_mapping"


def test_html_view_is_deterministic_and_escaped() -> None:
    result = CheckResult(False, "<script>x</script>", 0.5)
    html = result._repr_html_()
    assert html == result._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "得分：0.5" in html and "tk-check-failed" in html
    assert "tk-check-passed" in CheckResult(True, "好")._repr_html_()
    assert str(CheckResult(True, "好")) == "✔ 好"
