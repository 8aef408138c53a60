"""The tiny live widget of module 00: type your name, move a slider, see the text change.

It shows a newcomer what a widget is: a control whose value a small function turns
into a result, immediately, without any code being typed.
"""

from __future__ import annotations

import math

import ipywidgets as widgets

from trainingkit.templating import render_template
from trainingkit.widgets.common import CourseWidget, output_area, tag

__all__ = ["HelloDemo", "greeting", "study_days"]

MODULES = 5
MINUTES_PER_MODULE = 40


def study_days(minutes_per_day: int, modules: int = MODULES) -> int:
    """Days needed to finish ``modules`` modules of about 40 minutes each.

    Example:
        >>> study_days(40)
        5
        >>> study_days(30)
        7
    """
    if minutes_per_day <= 0:
        raise ValueError("minutes_per_day 必须大于 0 / must be positive")
    return math.ceil(modules * MINUTES_PER_MODULE / minutes_per_day)


def greeting(name: str, minutes_per_day: int) -> str:
    """The greeting HTML for a name and a daily study time (escaped)."""
    name = name.strip()
    return render_template(
        "intro_greeting.html.j2",
        name=name,
        minutes=minutes_per_day,
        days=study_days(minutes_per_day),
    )


class HelloDemo(CourseWidget):
    """A text box and a slider wired to :func:`greeting`.

    Example:
        >>> w = HelloDemo()
        >>> w.name.value = "李委员"
        >>> "欢迎你，李委员" in w.output.value
        True
    """

    def __init__(self) -> None:
        self.name = tag(
            widgets.Text(placeholder="例如：李委员", description="你的称呼"), "tk-hello-input"
        )
        self.minutes = widgets.IntSlider(
            value=40,
            min=10,
            max=120,
            step=10,
            description="每天学习(分钟)",
            style={"description_width": "initial"},
        )
        self.output = output_area("hello")
        self._root("hello", [self.name, self.minutes, self.output])
        for control in (self.name, self.minutes):
            control.observe(self._update, names="value")
        self._update()

    def _update(self, _change: object = None) -> None:
        self.output.value = greeting(self.name.value, self.minutes.value)
