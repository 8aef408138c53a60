"""The assessment calculator of module 01: pick a local scheme, enter a year's record.

The widget builds a one-row duty summary with
:func:`trainingkit.duties.summary.summary_from_counts` and shows what
:func:`trainingkit.duties.evaluate.assess` returns: score, grade, the reasons that add up to
the score, and any measure the record triggers. The schemes are real local ones
(Jinan 2015, Tongcheng 2019, …) and are labelled as such.

CSS classes for browser tests: ``tk-assessment`` (root), ``tk-assessment-input``
(the count fields), ``tk-assessment-output``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from trainingkit.duties.summary import COUNT_COLUMNS, COUNT_LABELS, summary_from_counts
from trainingkit.templating import render_template
from trainingkit.widgets.common import LiveWidget
from trainingkit.widgets.duties import rule_label, with_rule

if TYPE_CHECKING:
    import pandas as pd

    from trainingkit.duties.rules import AssessmentScheme

__all__ = ["ASSESSMENT_FIELDS", "AssessmentCalculator"]

# Fields of the calculator, in summary order: the duty summary's counts except the
# 常委会议 ones (the calculator scores a plain member), the derived activities_total
# and the contacts with constituents, which the schemes do not score.
ASSESSMENT_FIELDS: tuple[str, ...] = tuple(
    column
    for column in COUNT_COLUMNS
    if not column.startswith(("standing_", "contact")) and column != "activities_total"
)


class AssessmentCalculator(LiveWidget):
    """履职考核计算器: score, grade and reasons under one local scheme.

    Attributes:
        scheme: Drop-down of the schemes, each labelled with its place and year.
        fields: ``{column: BoundedIntText}`` for the counts of one year.
        output: Where score, grade and reasons are shown.
        result: The last one-row frame returned by :func:`trainingkit.duties.evaluate.assess`.
        widget: The root widget.

    Args:
        scheme: The scheme shown first: a built-in id, an organizer's rule file
            (see ``docs/examples/``) or a :class:`trainingkit.duties.rules.AssessmentScheme`.
    """

    def __init__(self, scheme: str | Path | AssessmentScheme = "tongcheng_2019") -> None:
        from trainingkit.duties.rule_files import builtin_schemes, load_scheme

        self._schemes = builtin_schemes()
        first = with_rule(self._schemes, scheme, load_scheme)
        self.scheme = widgets.Dropdown(
            options=[(rule_label(s), key) for key, s in self._schemes.items()],
            value=first,
            description="考核办法",
            layout=widgets.Layout(width="460px"),
        )
        style = {"description_width": "170px"}
        self.fields = {
            column: widgets.BoundedIntText(
                value=0,
                min=0,
                max=99,
                description=COUNT_LABELS[column],
                style=style,
                layout=widgets.Layout(width="250px"),
            )
            for column in ASSESSMENT_FIELDS
        }
        grid = widgets.GridBox(
            list(self.fields.values()),
            layout=widgets.Layout(grid_template_columns="repeat(2, 260px)", grid_gap="2px"),
        )
        grid.add_class("tk-assessment-input")
        self.output = widgets.HTML()
        self.output.add_class("tk-assessment-output")
        self.result: pd.DataFrame | None = None
        self._watch([self.scheme, *self.fields.values()])
        self._root("assessment", [self.scheme, grid, self.output])
        self.update()

    def counts(self) -> dict[str, int]:
        """The entered counts by column."""
        return {column: box.value for column, box in self.fields.items()}

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Replace all counts; columns not in ``counts`` become 0 (one update at the end)."""
        unknown = set(counts) - set(self.fields)
        if unknown:
            raise KeyError(f"计算器没有这些项 / no such field(s): {sorted(unknown)}")
        self._fill(self.fields, counts)

    def _recompute(self) -> None:
        """Assess the entered counts under the chosen scheme and show the result."""
        from trainingkit.duties.evaluate import assess

        scheme = self._schemes[self.scheme.value]
        self.result = assess(summary_from_counts(self.counts()), scheme)
        self.output.value = render_template(
            "assessment.html.j2", **_assessment_view(self.result.iloc[0], scheme)
        )


def _assessment_view(row: pd.Series, scheme: Any) -> dict[str, Any]:
    score = float(row["score"])
    return {
        "scheme": {
            "label": rule_label(scheme),
            "locality": scheme.locality,
            "source": scheme.source,
            "note": scheme.note,
            "max_score": scheme.max_score,
        },
        "scored": not math.isnan(score),
        "score": f"{score:g}" if not math.isnan(score) else "",
        "grade": row["grade"],
        "grade_note": row["grade_note"],
        "reasons": list(row["reasons"]),
        "consequences": list(row["consequences"]),
        "described": [c for c in scheme.consequences if not c.when],
        "grades": scheme.grades,
    }
