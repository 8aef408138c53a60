"""Widgets of module 03: order the procedure, choose the form, plan the timeline.

Each widget only wires controls to a function of :mod:`trainingkit.consultation`,
so a test can set control values and read ``widget.output.value`` without a
browser. CSS classes: ``tk-procedure-order``, ``tk-form-chooser``, ``tk-timeline``
(each with ``-input`` and ``-output``).
"""

from __future__ import annotations

import html
import random
from collections.abc import Sequence

import ipywidgets as widgets

from trainingkit import consultation
from trainingkit.templating import render_template
from trainingkit.widgets.common import CourseWidget, feedback_html, output_area, tag

__all__ = ["FormChooser", "ProcedureOrder", "TimelinePlanner"]

_WIDE = widgets.Layout(width="auto")
_LABEL = {"description_width": "initial"}


class ProcedureOrder(CourseWidget):
    """One drop-down per position; "检查顺序" compares with the expected order.

    Example:
        >>> w = ProcedureOrder(["甲", "乙", "丙"])
        >>> for box, step in zip(w.slots, ["甲", "乙", "丙"]):
        ...     box.value = step
        >>> w.check.click()
        >>> "顺序正确" in w.output.value
        True
    """

    def __init__(self, steps: Sequence[str] | None = None, *, seed: int = 3) -> None:
        self.expected = list(steps) if steps is not None else _procedure_steps()
        shuffled = random.Random(seed).sample(self.expected, len(self.expected))
        self.slots = [
            widgets.Dropdown(options=shuffled, value=None, description=f"第 {i} 步", layout=_WIDE)
            for i in range(1, len(self.expected) + 1)
        ]
        inputs = tag(widgets.VBox(self.slots), "tk-procedure-order-input")
        self.check = tag(
            widgets.Button(description="检查顺序", button_style="primary"),
            "tk-procedure-order-check",
        )
        self.output = output_area("procedure-order")
        self._root("procedure-order", [inputs, self.check, self.output])
        self.check.on_click(self._check)

    @property
    def order(self) -> list[str]:
        """The steps as currently chosen (empty positions left out)."""
        return [slot.value for slot in self.slots if slot.value is not None]

    def _check(self, _button: object = None) -> None:
        chosen = [slot.value for slot in self.slots]
        if None in chosen:
            empty = chosen.index(None) + 1
            self.output.value = feedback_html(False, f"第 {empty} 步还没有选择。")
            return
        result = consultation.check_procedure_order(self.order, self.expected)
        marks = [(f"第 {i} 步", ok) for i, ok in enumerate(result.in_place, start=1)]
        self.output.value = feedback_html(result.correct, result.message, marks)


class FormChooser(CourseWidget):
    """Read a (fictional) scenario, pick a consultation form, get feedback.

    Example:
        >>> w = FormChooser()
        >>> w.choice.value = w.current.form
        >>> w.check.click()
        >>> "正确" in w.output.value
        True
    """

    def __init__(
        self,
        scenarios: Sequence[consultation.Scenario] | None = None,
        forms: Sequence[str] | None = None,
    ) -> None:
        self.scenarios = list(scenarios) if scenarios is not None else consultation.scenarios()
        self.forms = list(forms) if forms is not None else _form_names()
        self.index = 0
        self.right: set[str] = set()
        self.situation = tag(widgets.HTML(), "tk-form-chooser-situation")
        self.choice = tag(
            widgets.RadioButtons(options=self.forms, value=None, layout=_WIDE),
            "tk-form-chooser-input",
        )
        self.check = tag(
            widgets.Button(description="检查", button_style="primary"), "tk-form-chooser-check"
        )
        self.next = tag(widgets.Button(description="下一个情境"), "tk-form-chooser-next")
        self.output = output_area("form-chooser")
        self._root(
            "form-chooser",
            [self.situation, self.choice, widgets.HBox([self.check, self.next]), self.output],
        )
        self.check.on_click(self._check)
        self.next.on_click(self._next)
        self._show()

    @property
    def current(self) -> consultation.Scenario:
        """The scenario on screen."""
        return self.scenarios[self.index]

    def _show(self) -> None:
        self.situation.value = render_template(
            "consultation_scenario.html.j2",
            number=self.index + 1,
            total=len(self.scenarios),
            situation=self.current.situation,
        )
        self.choice.value = None
        self.output.value = ""

    def _check(self, _button: object = None) -> None:
        result = consultation.check_form_choice(self.current, self.choice.value or "")
        if result.correct:
            self.right.add(self.current.id)
        message = f"{result.message}（已答对 {len(self.right)}/{len(self.scenarios)} 个情境）"
        self.output.value = feedback_html(result.correct, message)

    def _next(self, _button: object = None) -> None:
        self.index = (self.index + 1) % len(self.scenarios)
        self._show()


class TimelinePlanner(CourseWidget):
    """Pick a meeting date (and the rule's numbers); see the due dates.

    Example:
        >>> from datetime import date
        >>> w = TimelinePlanner()
        >>> w.meeting.value = date(2026, 6, 19)
        >>> "2026-05-29" in w.output.value
        True
    """

    def __init__(self, rule: consultation.TimelineRule | None = None) -> None:
        self.rule = rule = rule or consultation.example_rule()
        self.meeting = tag(
            widgets.DatePicker(description="会议日期", style=_LABEL), "tk-timeline-input"
        )
        self.notice_days = widgets.BoundedIntText(
            value=rule.notice_days, min=0, max=60, description="通知提前(工作日)", style=_LABEL
        )
        self.materials_days = widgets.BoundedIntText(
            value=rule.materials_days, min=0, max=60, description="材料提前(工作日)", style=_LABEL
        )
        self.report_days = widgets.BoundedIntText(
            value=rule.report_days, min=0, max=60, description="成果报送(工作日内)", style=_LABEL
        )
        self.holidays = widgets.Textarea(
            placeholder="另外的节假日，每行一个日期，例如 2026-10-01",
            description="节假日",
            style=_LABEL,
            layout=widgets.Layout(width="30em"),
        )
        self.workdays = widgets.Textarea(
            placeholder="调休上班的周末，每行一个日期，例如 2026-10-10",
            description="调休上班",
            style=_LABEL,
            layout=widgets.Layout(width="30em"),
        )
        self.own_calendar = widgets.Checkbox(
            value=False, description="只用我填写的日期（不用国家法定节假日日历）", indent=False
        )
        self.output = output_area("timeline")
        self._root(
            "timeline",
            [
                self.meeting,
                self.notice_days,
                self.materials_days,
                self.report_days,
                self.holidays,
                self.workdays,
                self.own_calendar,
                self.output,
            ],
        )
        for control in (
            self.meeting,
            self.notice_days,
            self.materials_days,
            self.report_days,
            self.holidays,
            self.workdays,
            self.own_calendar,
        ):
            control.observe(self._update, names="value")
        self._update()

    def current_rule(self) -> consultation.TimelineRule:
        """The rule as set in the controls; relabelled when it differs from the default."""
        numbers = (self.notice_days.value, self.materials_days.value, self.report_days.value)
        if numbers == (self.rule.notice_days, self.rule.materials_days, self.rule.report_days):
            return self.rule
        label = "你设定的规则（通知提前{}、材料提前{}、会后{}个工作日内报送）".format(*numbers)
        return consultation.TimelineRule(*numbers, label=label)

    def _update(self, _change: object = None) -> None:
        if self.meeting.value is None:  # nothing done yet: a hint, not a red error
            self.output.value = html.escape("选好会议日期后，这里会列出各项工作最迟哪天完成。")
            return
        holidays, bad = consultation.parse_holidays(self.holidays.value)
        workdays, bad_workdays = consultation.parse_holidays(self.workdays.value)
        official = not self.own_calendar.value
        try:
            timeline = consultation.plan_timeline(
                self.meeting.value, self.current_rule(), holidays, workdays, official=official
            )
        except consultation.CalendarNotCovered as error:
            self.output.value = feedback_html(False, str(error).split(" / ")[0])
            return
        unread = [*bad, *bad_workdays]
        notes = [*timeline.notes, *(f"看不懂的日期已忽略：{line}" for line in unread)]
        rows = [
            (step, day.isoformat(), consultation.WEEKDAY_NAMES[day.weekday()], why)
            for step, day, why in timeline.rows()
        ]
        self.output.value = render_template(
            "consultation_timeline.html.j2",
            rows=rows,
            notes=notes,
            label=timeline.rule.label,
            official=official,
        )


def _procedure_steps() -> list[str]:
    from trainingkit.knowledge import facts as knowledge

    return [step.name for step in knowledge.procedure_steps()]


def _form_names() -> list[str]:
    from trainingkit.knowledge import facts as knowledge

    return [form.name for form in knowledge.consultation_forms()]
