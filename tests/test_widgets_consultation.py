"""Module 03 widgets (procedure order, form chooser, timeline), driven without a browser."""

from __future__ import annotations

from datetime import date

from trainingkit.consultation import TimelineRule
from trainingkit.knowledge import facts as knowledge
from trainingkit.widgets.consultation import (
    FormChooser,
    ProcedureOrder,
    TimelinePlanner,
)

STEPS = [step.name for step in knowledge.procedure_steps()]


def test_procedure_order_starts_shuffled_and_empty() -> None:
    widget = ProcedureOrder()
    assert widget.expected == STEPS
    assert list(widget.slots[0].options) != STEPS  # shuffled, so order is not given away
    assert sorted(widget.slots[0].options) == sorted(STEPS)
    assert all(slot.value is None for slot in widget.slots)
    assert "tk-procedure-order" in widget.widget._dom_classes


def test_procedure_order_asks_for_empty_positions() -> None:
    widget = ProcedureOrder()
    widget.slots[0].value = STEPS[0]
    widget.check.click()
    assert "第 2 步还没有选择" in widget.output.value


def test_procedure_order_praises_the_right_order() -> None:
    widget = ProcedureOrder()
    for slot, step in zip(widget.slots, STEPS, strict=True):
        slot.value = step
    widget.check.click()
    assert "tk-feedback-passed" in widget.output.value
    assert "顺序正确" in widget.output.value


def test_procedure_order_marks_misplaced_steps() -> None:
    widget = ProcedureOrder()
    order = [STEPS[0], STEPS[2], STEPS[1], *STEPS[3:]]
    for slot, step in zip(widget.slots, order, strict=True):
        slot.value = step
    widget.check.click()
    html = widget.output.value
    assert "tk-feedback-failed" in html
    assert f"{len(STEPS) - 2}/{len(STEPS)} 个步骤位置正确" in html
    assert html.count("✘ 第") == 2


def test_form_chooser_counts_right_answers_and_moves_on() -> None:
    widget = FormChooser()
    forms = {form.name for form in knowledge.consultation_forms()}
    assert set(widget.choice.options) == forms
    first = widget.current
    assert first.situation in widget.situation.value
    wrong = next(name for name in widget.choice.options if name != first.form)
    widget.choice.value = wrong
    widget.check.click()
    assert "tk-feedback-failed" in widget.output.value
    assert "已答对 0/" in widget.output.value
    widget.choice.value = first.form
    widget.check.click()
    assert "已答对 1/" in widget.output.value
    widget.next.click()
    assert widget.current.id != first.id
    assert widget.choice.value is None and widget.output.value == ""


def test_form_chooser_without_a_choice_asks_for_one() -> None:
    widget = FormChooser()
    widget.check.click()
    assert "请先选择" in widget.output.value


def test_timeline_waits_for_a_date_then_shows_due_dates() -> None:
    widget = TimelinePlanner()
    assert "选好会议日期后" in widget.output.value
    assert "✘" not in widget.output.value  # no red error before the trainee did anything
    widget.meeting.value = date(2026, 6, 18)  # the day before 端午 (a holiday)
    html = widget.output.value
    for due in ("2026-05-28", "2026-06-04", "2026-06-18", "2026-06-30"):
        assert due in html
    assert "某市" in html  # the example rule says whose rule it is


def test_timeline_follows_changed_numbers_and_holidays() -> None:
    widget = TimelinePlanner()
    widget.meeting.value = date(2026, 10, 12)
    widget.notice_days.value = 5
    widget.materials_days.value = 3
    widget.report_days.value = 2
    assert "你设定的规则" in widget.output.value
    widget.holidays.value = "\n".join(f"2026-10-0{day}" for day in range(1, 8)) + "\n不是日期"
    html = widget.output.value
    # The official calendar counts Sat 10 Oct (调休) as a working day.
    assert "2026-09-29" in html and "2026-10-08" in html and "2026-10-14" in html
    assert "不是日期" in html  # the unreadable line is reported, not silently dropped
    widget.workdays.value = "2026-10-07"  # the organizer's own list overrides it
    assert "2026-09-30" in widget.output.value


def test_timeline_outside_the_official_calendar_says_so() -> None:
    from trainingkit.consultation import official_years

    widget = TimelinePlanner()
    widget.meeting.value = date(official_years()[1] + 1, 3, 2)
    assert "不在官方节假日日历" in widget.output.value
    widget.own_calendar.value = True
    assert "不在官方节假日日历" not in widget.output.value


def test_timeline_accepts_an_organizers_rule() -> None:
    widget = TimelinePlanner(TimelineRule(20, 5, 10, label="某区2024年规则"))
    widget.meeting.value = date(2026, 6, 19)
    assert "某区2024年规则" in widget.output.value
    assert widget.notice_days.value == 20


def test_timeline_warns_about_a_weekend_meeting() -> None:
    widget = TimelinePlanner()
    widget.meeting.value = date(2026, 6, 21)
    assert "不是工作日" in widget.output.value


def test_timeline_counts_a_weekend_make_up_working_day() -> None:
    widget = TimelinePlanner()
    widget.own_calendar.value = True  # an organizer's own holiday list, entered by hand
    widget.meeting.value = date(2026, 10, 12)
    widget.holidays.value = "\n".join(f"2026-10-0{day}" for day in range(1, 8))
    widget.notice_days.value = 3
    assert "2026-09-30" in widget.output.value  # 3 working days back, over the holiday
    assert "2026-10-08" not in widget.output.value
    widget.workdays.value = "2026-10-10"  # 调休上班: this Saturday is a working day
    assert "2026-10-08" in widget.output.value  # Sat 10, Fri 9, Thu 8
