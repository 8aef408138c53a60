"""Horizontal bar charts drawn in HTML, for the lessons' small data pictures.

The course charts (compliance by sector, the national proposal figures, the
社情民意 figures) are a few dozen bars at most. Drawn as HTML from a template they
need no matplotlib in the lesson kernel (about a second of import and rendering
per notebook here), the browser draws the Chinese with its own CJK font, and a
test can read every bar's value. The matplotlib versions stay available in their
modules for organizers who want an image.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainingkit.templating import render_template

__all__ = ["Bar", "BarChart", "Segment"]


@dataclass(frozen=True)
class Segment:
    """One coloured part of a bar.

    Attributes:
        name: what it counts (shown in the legend and on hover).
        value: its size, in the chart's unit.
        colour: a CSS colour.
    """

    name: str
    value: float
    colour: str = "#3b6ea8"


@dataclass(frozen=True)
class Bar:
    """One row: a label, its segments left to right, and text after the bar."""

    label: str
    segments: Sequence[Segment]
    after: str = ""

    @property
    def total(self) -> float:
        """The sum of the segments."""
        return sum(segment.value for segment in self.segments)


@dataclass(frozen=True)
class BarChart:
    """Bars with a title, an optional legend, and a caption (source, or 虚构示例).

    Example:
        >>> chart = BarChart("甲乙", [Bar("甲", [Segment("数", 3)]), Bar("乙", [Segment("数", 1)])])
        >>> chart.widths()
        [[100.0], [33.33]]
        >>> "tk-bar-chart" in chart._repr_html_()
        True
    """

    title: str
    bars: Sequence[Bar]
    caption: str = ""
    maximum: float | None = None

    def scale(self) -> float:
        """The value drawn as a full-width bar (``maximum``, else the largest total)."""
        largest = max((bar.total for bar in self.bars), default=0.0)
        return self.maximum or largest or 1.0

    def widths(self) -> list[list[float]]:
        """Each segment's width in percent of the full width, row by row."""
        scale = self.scale()
        return [[round(100 * s.value / scale, 2) for s in bar.segments] for bar in self.bars]

    def legend(self) -> list[Segment]:
        """Distinct segment kinds when bars are stacked (else none: the labels say it)."""
        if all(len(bar.segments) <= 1 for bar in self.bars):
            return []
        kinds: dict[str, Segment] = {}
        for bar in self.bars:
            for segment in bar.segments:
                kinds.setdefault(segment.name, segment)
        return list(kinds.values())

    def _repr_html_(self) -> str:
        rows = [
            {
                "label": bar.label,
                "after": bar.after,
                "parts": list(zip(bar.segments, widths, strict=True)),
            }
            for bar, widths in zip(self.bars, self.widths(), strict=True)
        ]
        return render_template(
            "bar_chart.html.j2",
            title=self.title,
            rows=rows,
            legend=self.legend(),
            caption=self.caption,
        )
