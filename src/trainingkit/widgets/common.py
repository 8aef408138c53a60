"""Display helpers shared by the course widgets (escaped HTML from templates).

Each course widget is a thin :class:`ipywidgets.VBox` whose root carries the CSS
class ``tk-<name>``, whose main input carries ``tk-<name>-input`` and whose result
area (an :class:`ipywidgets.HTML`) carries ``tk-<name>-output``: browser tests and
organizers' style sheets rely on these names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import ipywidgets as widgets

from trainingkit.templating import render_template

__all__ = ["feedback_html", "output_area", "tag"]

W = TypeVar("W", bound=widgets.DOMWidget)


def feedback_html(passed: bool, message: str, marks: Sequence[tuple[str, bool]] = ()) -> str:
    """Render a green/red feedback box, with optional per-item ✔/✘ marks.

    Example:
        >>> "tk-feedback-passed" in feedback_html(True, "对了")
        True
    """
    return render_template(
        "consultation_feedback.html.j2", passed=passed, message=message, marks=list(marks)
    )


def output_area(name: str) -> widgets.HTML:
    """An empty HTML result area tagged ``tk-<name>-output``."""
    area = widgets.HTML(value="")
    area.add_class(f"tk-{name}-output")
    return area


def tag(widget: W, css_class: str) -> W:
    """Add a CSS class to ``widget`` and return it, for one-line construction."""
    widget.add_class(css_class)
    return widget
