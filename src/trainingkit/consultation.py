"""Consultation procedure logic: working-day timelines, step ordering, form choice.

Everything here is a plain function over dates, lists and package data, so the
widgets in :mod:`trainingkit.widgets.consultation` stay thin and the rules can be
tested without a browser.

The working-day rule is a parameter. The built-in example (notice 15 working days
before the meeting, materials 10 working days before, results within 7 working
days after) comes from the package facts (:func:`trainingkit.knowledge.facts.procedure_timing`)
and is **one city's rule**, not a national one; an organizer passes their own
:class:`TimelineRule`.

Working days follow China's official calendar by default: the maintained
``chinese-calendar`` package knows the public holidays and the 调休 weekend working
days of each year it covers. An organizer's own lists of holidays and working days
override it date by date. A date outside the package's years raises
:class:`CalendarNotCovered` (unless ``official=False`` says the organizer's lists
are the whole calendar): weekdays are never counted silently as working days.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from trainingkit.resources import facts_toml

__all__ = [
    "WEEKDAY_NAMES",
    "CalendarNotCovered",
    "FormChoice",
    "OrderFeedback",
    "Scenario",
    "Timeline",
    "TimelineRule",
    "add_working_days",
    "check_form_choice",
    "check_procedure_order",
    "example_rule",
    "is_working_day",
    "official_years",
    "parse_holidays",
    "plan_timeline",
    "scenarios",
]

WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass(frozen=True)
class TimelineRule:
    """How many working days before/after a meeting each step is due.

    Attributes:
        notice_days: the meeting notice goes out this many working days before.
        materials_days: materials reach participants this many working days before.
        report_days: results are sent within this many working days after.
        label: a Chinese label that says whose rule this is.
    """

    notice_days: int
    materials_days: int
    report_days: int
    label: str = "自定义规则"

    def __post_init__(self) -> None:
        for name in ("notice_days", "materials_days", "report_days"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 0:
                raise ValueError(
                    f"{name} 必须是非负整数 / must be a non-negative integer: {value!r}"
                )


@cache
def example_rule() -> TimelineRule:
    """The example rule from the package facts: one city's practice, labelled as such.

    >>> rule = example_rule()
    >>> (rule.notice_days, rule.materials_days, rule.report_days)
    (15, 10, 7)
    """
    from trainingkit.knowledge import facts as knowledge

    timing = {fact.id: fact for fact in knowledge.procedure_timing()}
    days = {key: int(timing[key].working_days or 0) for key in ("notice", "materials", "results")}
    first = timing["notice"]
    steps = "、".join(timing[key].text for key in ("notice", "materials", "results"))
    label = f"示例：{first.source}（{first.locality}的做法，仅作示例）：{steps}"
    return TimelineRule(days["notice"], days["materials"], days["results"], label=label)


class CalendarNotCovered(ValueError):
    """A date lies outside the years the official holiday calendar covers."""


def official_years() -> tuple[int, int]:
    """The first and last year whose holidays and 调休 days ``chinese-calendar`` knows."""
    from chinese_calendar import constants

    days = [*constants.holidays, *constants.workdays]
    return min(days).year, max(days).year


def _official_working_day(day: date) -> bool:
    import chinese_calendar

    first, last = official_years()
    if not first <= day.year <= last:
        raise CalendarNotCovered(
            f"{day.isoformat()} 不在官方节假日日历（chinese-calendar）覆盖的 {first}—{last} 年内，"
            "无法判断是否工作日；请组织者在“节假日”“调休上班日”中填写本年的安排。"
            f" / {day.isoformat()} is outside the official holiday calendar ({first}-{last});"
            " pass the organizer's own holidays and working days with official=False."
        )
    return bool(chinese_calendar.is_workday(day))


def is_working_day(
    day: date,
    holidays: Iterable[date] = (),
    workdays: Iterable[date] = (),
    *,
    official: bool = True,
) -> bool:
    """Tell whether ``day`` is a working day.

    A day in ``workdays`` (the organizer's 调休上班日) is a working day, a day in
    ``holidays`` is not; these lists override the official calendar. Otherwise the
    official calendar decides (``official=True``, the default: public holidays and
    调休 from ``chinese-calendar``), or, with ``official=False``, Monday to Friday.

    Raises:
        CalendarNotCovered: ``official`` and the year is outside :func:`official_years`.

    >>> is_working_day(date(2026, 3, 7))  # a Saturday
    False
    >>> is_working_day(date(2026, 10, 1))  # National Day, a Thursday
    False
    """
    if day in set(workdays):
        return True
    if day in set(holidays):
        return False
    return _official_working_day(day) if official else day.weekday() < 5


def add_working_days(
    start: date,
    count: int,
    holidays: Iterable[date] = (),
    workdays: Iterable[date] = (),
    *,
    official: bool = True,
) -> date:
    """Move ``count`` working days from ``start`` (backwards when ``count`` < 0).

    ``start`` itself is not counted: one working day after a Friday is the Monday.
    Working days as in :func:`is_working_day`.

    >>> add_working_days(date(2026, 3, 6), 1)
    datetime.date(2026, 3, 9)
    >>> add_working_days(date(2026, 3, 9), -1)
    datetime.date(2026, 3, 6)
    """
    off, extra = frozenset(holidays), frozenset(workdays)
    step = timedelta(days=1 if count >= 0 else -1)
    day, left = start, abs(count)
    while left:
        day += step
        if is_working_day(day, off, extra, official=official):
            left -= 1
    return day


def parse_holidays(text: str) -> tuple[list[date], list[str]]:
    """Read one ISO date (``2026-10-01``) per line; return the dates and bad lines.

    Blank lines and text after ``#`` are ignored, so an organizer can annotate.
    """
    days: list[date] = []
    bad: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            days.append(date.fromisoformat(line))
        except ValueError:
            bad.append(raw.strip())
    return days, bad


@dataclass(frozen=True)
class Timeline:
    """The due dates computed for one meeting under one rule."""

    meeting: date
    notice_by: date
    materials_by: date
    report_by: date
    rule: TimelineRule
    notes: tuple[str, ...] = field(default=())

    def rows(self) -> list[tuple[str, date, str]]:
        """(step, date, explanation) rows in time order, for tables and widgets."""
        r = self.rule
        return [
            ("发出会议通知", self.notice_by, f"会前 {r.notice_days} 个工作日"),
            ("送达会议材料", self.materials_by, f"会前 {r.materials_days} 个工作日"),
            ("召开协商会议", self.meeting, "会议当天"),
            ("报送协商成果", self.report_by, f"会后 {r.report_days} 个工作日内"),
        ]


def plan_timeline(
    meeting: date,
    rule: TimelineRule | None = None,
    holidays: Iterable[date] = (),
    workdays: Iterable[date] = (),
    *,
    official: bool = True,
) -> Timeline:
    """Compute notice, materials and report dates for a meeting.

    "Notice 15 working days ahead" is read as: the notice must go out no later
    than the 15th working day before the meeting day. Working days follow the
    official calendar plus the organizer's lists (:func:`is_working_day`).

    Raises:
        CalendarNotCovered: a date needed lies outside the official calendar's years.

    >>> t = plan_timeline(date(2026, 10, 12))  # the Monday after National Day
    >>> t.notice_by, t.materials_by, t.report_by
    (datetime.date(2026, 9, 15), datetime.date(2026, 9, 21), datetime.date(2026, 10, 21))
    """
    rule = rule or example_rule()
    off, extra = frozenset(holidays), frozenset(workdays)
    notes: list[str] = []
    if not is_working_day(meeting, off, extra, official=official):
        notes.append(f"会议日期 {meeting.isoformat()} 不是工作日，请确认是否改期。")
    return Timeline(
        meeting=meeting,
        notice_by=add_working_days(meeting, -rule.notice_days, off, extra, official=official),
        materials_by=add_working_days(meeting, -rule.materials_days, off, extra, official=official),
        report_by=add_working_days(meeting, rule.report_days, off, extra, official=official),
        rule=rule,
        notes=tuple(notes),
    )


@dataclass(frozen=True)
class OrderFeedback:
    """Feedback on an ordering of the procedure steps."""

    correct: bool
    in_place: tuple[bool, ...]
    message: str


def check_procedure_order(order: Sequence[str], expected: Sequence[str]) -> OrderFeedback:
    """Compare a trainee's ordering of steps with the expected one.

    The feedback names the first step that is out of place and what should come
    there, without listing the whole answer.

    >>> check_procedure_order(["甲", "乙"], ["甲", "乙"]).correct
    True
    """
    order, expected = list(order), list(expected)
    if sorted(order) != sorted(expected):
        missing = [s for s in expected if s not in order]
        extra = [s for s in order if s not in expected]
        parts = []
        if missing:
            parts.append("缺少：" + "、".join(missing))
        if extra:
            parts.append("多出：" + "、".join(extra))
        return OrderFeedback(False, tuple(False for _ in order), "步骤不完整。" + "；".join(parts))
    in_place = tuple(a == b for a, b in zip(order, expected, strict=True))
    if all(in_place):
        return OrderFeedback(True, in_place, f"全部 {len(expected)} 个步骤顺序正确。")
    first = in_place.index(False)
    placed = sum(in_place)
    hint = f"第 {first + 1} 步应当是“{expected[first]}”，而不是“{order[first]}”。"
    return OrderFeedback(False, in_place, f"{placed}/{len(expected)} 个步骤位置正确。{hint}")


@dataclass(frozen=True)
class Scenario:
    """A realistic (fictional, 虚构示例) situation and the form that fits it."""

    id: str
    situation: str
    form: str
    hint: str
    why: str
    source: str


@dataclass(frozen=True)
class FormChoice:
    """Feedback on the form a trainee chose for a scenario."""

    correct: bool
    message: str


def scenarios() -> list[Scenario]:
    """Load the form-choice scenarios from ``facts/consultation_scenarios.toml``."""
    return [Scenario(**item) for item in facts_toml("consultation_scenarios")["scenario"]]


def check_form_choice(scenario: Scenario, chosen: str) -> FormChoice:
    """Say whether ``chosen`` is the right consultation form for ``scenario``.

    A wrong choice gets a hint that does not name the right form.
    """
    if not chosen:
        return FormChoice(False, "请先选择一种协商形式。")
    if chosen == scenario.form:
        return FormChoice(True, f"正确：{scenario.form}。{scenario.why}")
    return FormChoice(False, f"“{chosen}”不是最合适的形式。提示：{scenario.hint}")
