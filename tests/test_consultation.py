"""Working-day timelines, procedure ordering and form choice (trainingkit.consultation)."""

from __future__ import annotations

from datetime import date

import pytest

from trainingkit import consultation
from trainingkit.consultation import (
    CalendarNotCovered,
    TimelineRule,
    add_working_days,
    check_form_choice,
    check_procedure_order,
    example_rule,
    is_working_day,
    official_years,
    parse_holidays,
    plan_timeline,
    scenarios,
)
from trainingkit.knowledge import facts as knowledge

FRIDAY = date(2026, 6, 19)


def test_weekends_are_not_working_days_unless_declared_workdays() -> None:
    saturday = date(2026, 6, 20)
    assert not is_working_day(saturday)
    assert is_working_day(saturday, workdays=[saturday])
    assert not is_working_day(FRIDAY, holidays=[FRIDAY])


def test_adding_working_days_skips_the_weekend_both_ways() -> None:
    # official=False: weekdays only, the arithmetic alone (19 June 2026 is 端午).
    assert add_working_days(FRIDAY, 1, official=False) == date(2026, 6, 22)
    assert add_working_days(date(2026, 6, 22), -1, official=False) == FRIDAY
    assert add_working_days(FRIDAY, 0) == FRIDAY
    assert add_working_days(FRIDAY, 5, official=False) == date(2026, 6, 26)
    assert add_working_days(date(2026, 6, 22), -1) == date(2026, 6, 18)  # 端午 skipped


def test_holidays_push_dates_further() -> None:
    monday = date(2026, 6, 22)
    assert add_working_days(FRIDAY, 1, holidays=[monday]) == date(2026, 6, 23)


def test_example_rule_comes_from_the_facts_and_is_labelled_local() -> None:
    rule = example_rule()
    timing = {fact.id: fact.working_days for fact in knowledge.procedure_timing()}
    assert (rule.notice_days, rule.materials_days, rule.report_days) == (
        timing["notice"],
        timing["materials"],
        timing["results"],
    )
    assert "示例" in rule.label and "某市" in rule.label


def test_timeline_under_the_example_rule() -> None:
    timeline = plan_timeline(date(2026, 6, 18))  # the Thursday before 端午
    assert timeline.notice_by == date(2026, 5, 28)  # 15 working days before
    assert timeline.materials_by == date(2026, 6, 4)  # 10 working days before
    assert timeline.report_by == date(2026, 6, 30)  # 7 working days after, 端午 skipped
    assert [row[0] for row in timeline.rows()][2] == "召开协商会议"
    assert timeline.notes == ()


def test_timeline_with_a_custom_rule_and_a_holiday_week() -> None:
    golden_week = [date(2026, 10, day) for day in range(1, 8)]
    timeline = plan_timeline(date(2026, 10, 12), TimelineRule(5, 3, 2), golden_week, official=False)
    # Working days before Mon 12 Oct: 9, 8 (Thu, Fri) then 30, 29, 28 Sep.
    assert timeline.notice_by == date(2026, 9, 28)
    assert timeline.materials_by == date(2026, 9, 30)
    assert timeline.report_by == date(2026, 10, 14)


def test_a_meeting_on_a_weekend_gets_a_note() -> None:
    timeline = plan_timeline(date(2026, 6, 20))
    assert len(timeline.notes) == 1 and "不是工作日" in timeline.notes[0]


def test_rule_rejects_negative_days() -> None:
    with pytest.raises(ValueError, match="非负整数"):
        TimelineRule(-1, 10, 7)


def test_parse_holidays_keeps_good_dates_and_reports_bad_lines() -> None:
    days, bad = parse_holidays("2026-10-01  # 国庆\n\n十月二日\n2026-10-03\n")
    assert days == [date(2026, 10, 1), date(2026, 10, 3)]
    assert bad == ["十月二日"]


def test_the_right_order_is_accepted() -> None:
    steps = [step.name for step in knowledge.procedure_steps()]
    result = check_procedure_order(steps, steps)
    assert result.correct and all(result.in_place)


def test_a_swap_is_found_and_named_without_giving_the_whole_order() -> None:
    steps = [step.name for step in knowledge.procedure_steps()]
    swapped = [steps[1], steps[0], *steps[2:]]
    result = check_procedure_order(swapped, steps)
    assert not result.correct
    assert result.in_place[:2] == (False, False) and all(result.in_place[2:])
    assert "第 1 步" in result.message and steps[0] in result.message
    assert steps[-1] not in result.message


def test_missing_and_extra_steps_are_reported() -> None:
    result = check_procedure_order(["甲", "丙"], ["甲", "乙"])
    assert not result.correct
    assert "缺少：乙" in result.message and "多出：丙" in result.message


def test_every_scenario_names_a_known_form_and_has_a_source() -> None:
    forms = {form.name for form in knowledge.consultation_forms()}
    loaded = scenarios()
    assert len(loaded) >= 6
    assert len({s.id for s in loaded}) == len(loaded)
    for scenario in loaded:
        assert scenario.form in forms, scenario.id
        assert scenario.situation.startswith("（虚构示例）"), scenario.id
        assert scenario.source


def test_hints_never_name_the_right_form() -> None:
    for scenario in scenarios():
        assert scenario.form not in scenario.hint, scenario.id
        assert scenario.form not in scenario.situation, scenario.id


def test_form_choice_feedback() -> None:
    scenario = scenarios()[0]
    assert check_form_choice(scenario, scenario.form).correct
    wrong = next(f.name for f in knowledge.consultation_forms() if f.name != scenario.form)
    result = check_form_choice(scenario, wrong)
    assert not result.correct and scenario.hint in result.message
    assert scenario.form not in result.message
    assert not check_form_choice(scenario, "").correct


def test_module_docstring_examples_hold() -> None:
    import doctest

    assert doctest.testmod(consultation).failed == 0


def test_national_day_and_its_tiaoxiu_are_known_without_a_list() -> None:
    # 2026: 1-7 Oct off, Sat 10 Oct and Sun 20 Sep are 调休 working days, 25 Sep
    # (中秋) is off. A weekday-only count would put the notice on 14 Sep, a week
    # of holidays too early in the other direction for the results.
    assert not is_working_day(date(2026, 10, 1))
    assert is_working_day(date(2026, 10, 10)) and is_working_day(date(2026, 9, 20))
    timeline = plan_timeline(date(2026, 10, 12))
    assert timeline.notice_by == date(2026, 9, 15)
    assert timeline.report_by == date(2026, 10, 21)
    weekdays_only = plan_timeline(date(2026, 10, 12), official=False)
    assert weekdays_only.notice_by == date(2026, 9, 21)


def test_the_organizer_s_list_overrides_the_official_calendar() -> None:
    national_day = date(2026, 10, 1)
    assert is_working_day(national_day, workdays=[national_day])
    assert not is_working_day(date(2026, 10, 8), holidays=[date(2026, 10, 8)])


def test_a_year_outside_the_calendar_is_said_never_counted_silently() -> None:
    first, last = official_years()
    assert first <= 2026 <= last
    outside = date(last + 1, 3, 2)
    with pytest.raises(CalendarNotCovered, match="不在官方节假日日历"):
        plan_timeline(outside)
    # The organizer's own calendar for that year is accepted when said so.
    assert plan_timeline(outside, official=False).notice_by < outside
