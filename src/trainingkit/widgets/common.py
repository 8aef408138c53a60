"""Display helpers shared by the course widgets (escaped HTML from templates).

Each course widget is a thin :class:`ipywidgets.VBox` whose root carries the CSS
class ``tk-<name>``, whose main input carries ``tk-<name>-input`` and whose result
area (an :class:`ipywidgets.HTML`) carries ``tk-<name>-output``: browser tests and
organizers' style sheets rely on these names.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

import ipywidgets as widgets

from trainingkit.templating import render_template

if TYPE_CHECKING:
    from trainingkit.knowledge.items import Item

__all__ = ["CourseWidget", "Facts", "LiveWidget", "feedback_html", "output_area", "tag"]

W = TypeVar("W", bound=widgets.DOMWidget)
K = TypeVar("K", bound=Hashable)


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


class Facts:
    """Knowledge items shown as a list, with every distinct source and year below it.

    Lesson notebooks show facts through this card, so each fact on screen comes from
    :mod:`trainingkit.knowledge.facts` with its provenance, and local rules are marked.

    Example:
        >>> from trainingkit.knowledge import facts as knowledge
        >>> html = Facts(knowledge.topic_sources(), "议题来源")._repr_html_()
        >>> "委员荐题" in html and "来源：" in html
        True
    """

    def __init__(
        self, items: Iterable[Item], title: str = "", *, note: str = "", numbered: bool = False
    ) -> None:
        self.items: tuple[Item, ...] = tuple(items)
        self.title = title
        self.note = note
        self.numbered = numbered

    def sources(self) -> list[str]:
        """Distinct "source（year）" strings, in order of first appearance."""
        seen: list[str] = []
        for item in self.items:
            # No year twice: "中共中央办公厅2017年意见" already says 2017.
            dated = item.year and f"{item.year}年" not in item.source
            text = f"{item.source}（{item.year}年）" if dated else item.source
            if text not in seen:
                seen.append(text)
        return seen

    def _repr_html_(self) -> str:
        rows = [
            {
                "label": i.label,
                # an item with a name and a statement shows both (民主监督：以提出意见…)
                "text": i.text if i.name and i.text else "",
                "note": i.note,
                "local": i.is_local,
                "locality": i.locality,
            }
            for i in self.items
        ]
        return render_template(
            "fact_list.html.j2",
            title=self.title,
            note=self.note,
            items=rows,
            numbered=self.numbered,
            sources=self.sources(),
        )


class CourseWidget:
    """Base of the course widgets: a root ``widget`` tagged ``tk-<name>``, shown by display.

    Same shape as the other widgets of the kit (:class:`trainingkit.widgets.DutyPlanner`):
    controls are attributes, ``widget`` is the root, a notebook cell can end with the
    object itself.
    """

    widget: widgets.VBox

    def _root(self, name: str, children: Sequence[widgets.Widget]) -> None:
        self.widget = tag(widgets.VBox(list(children)), f"tk-{name}")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class LiveWidget(CourseWidget):
    """A course widget whose output follows its controls: every change recomputes it.

    Subclasses implement ``_recompute``; filling many boxes at once (`_fill`) pauses
    the observers and recomputes once at the end, not once per box.
    """

    _paused = False

    def update(self) -> None:
        """Recompute the result from the controls and show it."""
        if not self._paused:
            self._recompute()

    def _recompute(self) -> None:
        raise NotImplementedError

    def _watch(self, controls: Iterable[widgets.ValueWidget]) -> None:
        for control in controls:
            control.observe(lambda _change: self.update(), names="value")

    def _fill(self, boxes: Mapping[K, widgets.ValueWidget], values: Mapping[K, int]) -> None:
        """Set every box to its value in ``values`` (0 if missing), then update once."""
        self._paused = True
        try:
            for key, box in boxes.items():
                box.value = int(values.get(key, 0))
        finally:
            self._paused = False
        self.update()
