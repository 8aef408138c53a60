"""The annual duty planner of module 01 (年度履职计划).

The widget only wires controls to the library: it turns the month-by-month plan
into count columns (:func:`trainingkit.duties.compliance.plan_counts`),
builds a one-row duty summary with
:func:`trainingkit.duties.summary.summary_from_counts` and shows what
:func:`trainingkit.duties.evaluate.evaluate_compliance` says. No rule lives here; the rule
sets and contact rules are the package's local rules, labelled with place and year.
The assessment calculator is in :mod:`trainingkit.widgets.assessment`.

CSS classes for browser tests: ``tk-duty-planner`` (root), ``tk-duty-planner-input``
(the month grid), ``tk-duty-planner-output``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle

from trainingkit.duties.compliance import MONTHS, plan_counts, rule_label
from trainingkit.duties.summary import summary_from_counts
from trainingkit.templating import render_template
from trainingkit.widgets.common import LiveWidget

if TYPE_CHECKING:
    import pandas as pd

    from trainingkit.duties.rules import ContactRule, DutyRuleSet

__all__ = ["PLAN_KINDS", "DutyPlanner", "plan_counts", "rule_label", "with_rule"]


class _Rule(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Rule)

# Rows of the planner: (label, summary column). "contacts" is spread over the
# quarter columns contacts_q1..q4 by month.
PLAN_KINDS: tuple[tuple[str, str], ...] = (
    ("全体会议", "plenary_attended"),
    ("提交提案", "proposals_submitted"),
    ("社情民意信息", "sheqing_submitted"),
    ("调研", "research"),
    ("视察", "inspection"),
    ("学习培训", "training"),
    ("界别活动", "sector_activities"),
    ("协商活动", "consultation"),
    ("公益/社会服务", "public_service"),
    ("联系界别群众", "contacts"),
)


def with_rule(rules: dict[str, R], rule: str | Path | R, load: Callable[[str | Path], R]) -> str:
    """Make ``rule`` one of ``rules`` and return its id.

    ``rule`` is a built-in id, an organizer's rule file (loaded with ``load``) or a
    rule object; a rule that is not built in is added to ``rules`` (first in line).

    Example:
        >>> from trainingkit.duties.rule_files import builtin_rule_sets, load_rule_set
        >>> rules = builtin_rule_sets()
        >>> with_rule(rules, "jinan_2015", load_rule_set)
        'jinan_2015'
    """
    if isinstance(rule, str) and rule in rules:
        return rule
    loaded = load(rule) if isinstance(rule, str | Path) else rule
    rules[loaded.id] = loaded
    return loaded.id


def _count_box(
    tooltip: str, layout: widgets.Layout, style: DescriptionStyle
) -> widgets.BoundedIntText:
    # The grid's 120 boxes share one layout and one style model: half as many
    # widget models to create in the kernel and to sync to the browser.
    return widgets.BoundedIntText(
        value=0, min=0, max=999, tooltip=tooltip, layout=layout, style=style
    )


class DutyPlanner(LiveWidget):
    """年度履职计划: plan activities month by month and see which tasks are met.

    Attributes:
        rule_set: Drop-down of the duty rule sets (each labelled with place and year).
        contact_rule: Drop-down of the contact rules, or 不检查.
        role: 委员 or 常委 (some rule sets differ by role).
        cells: ``{(month, kind): BoundedIntText}`` — the plan grid.
        people_per_contact: People met per contact activity (for the yearly total).
        output: Where tasks met / missing are shown.
        result: The last one-row result of :func:`trainingkit.duties.evaluate.evaluate_compliance`.
        widget: The root widget.

    Args:
        rule_set: The rule set shown first: a built-in id, an organizer's rule file
            (see ``docs/examples/``) or a :class:`trainingkit.duties.rules.DutyRuleSet`.
        contact_rule: Likewise for the contact rule; ``None`` checks no contacts.
    """

    def __init__(
        self,
        rule_set: str | Path | DutyRuleSet = "inner_mongolia_six",
        contact_rule: str | Path | ContactRule | None = "tianshui",
    ) -> None:
        from trainingkit.duties.rule_files import (
            builtin_contact_rules,
            builtin_rule_sets,
            load_contact_rule,
            load_rule_set,
        )

        self._rule_sets = builtin_rule_sets()
        first = with_rule(self._rule_sets, rule_set, load_rule_set)
        self._contact_rules = builtin_contact_rules()
        first_contact = (
            None
            if contact_rule is None
            else with_rule(self._contact_rules, contact_rule, load_contact_rule)
        )
        self.rule_set = widgets.Dropdown(
            options=[(rule_label(r), key) for key, r in self._rule_sets.items()],
            value=first,
            description="年度任务",
            layout=widgets.Layout(width="420px"),
        )
        self.contact_rule = widgets.Dropdown(
            options=[("（不检查联系群众）", None)]
            + [(rule_label(r), key) for key, r in self._contact_rules.items()],
            value=first_contact,
            description="联系群众",
            layout=widgets.Layout(width="420px"),
        )
        self.role = widgets.ToggleButtons(
            options=["委员", "常委"], value="委员", description="身份"
        )
        self.people_per_contact = widgets.BoundedIntText(
            value=10,
            min=0,
            max=999,
            description="每次联系人数",
            style={"description_width": "initial"},
        )
        box_layout, box_style = widgets.Layout(width="52px"), DescriptionStyle()
        self.cells = {
            (month, column): _count_box(f"{month}月 {label}", box_layout, box_style)
            for label, column in PLAN_KINDS
            for month in MONTHS
        }
        header = [widgets.Label("活动 \\ 月份")] + [widgets.Label(f"{m}月") for m in MONTHS]
        rows = [widgets.Label(label) for label, _ in PLAN_KINDS]
        grid_children: list[widgets.Widget] = header
        for row_label, (_, column) in zip(rows, PLAN_KINDS, strict=True):
            grid_children += [row_label] + [self.cells[(m, column)] for m in MONTHS]
        grid = widgets.GridBox(
            grid_children,
            layout=widgets.Layout(grid_template_columns="110px repeat(12, 56px)", grid_gap="2px"),
        )
        grid.add_class("tk-duty-planner-input")
        self.output = widgets.HTML()
        self.output.add_class("tk-duty-planner-output")
        self.result: pd.DataFrame | None = None
        controls = [self.rule_set, self.contact_rule, self.role, self.people_per_contact]
        self._watch([*controls, *self.cells.values()])
        self._root(
            "duty-planner",
            [
                widgets.HBox([self.rule_set, self.role]),
                widgets.HBox([self.contact_rule, self.people_per_contact]),
                grid,
                self.output,
            ],
        )
        self.update()

    def plan(self) -> dict[tuple[int, str], int]:
        """The plan grid as ``{(month, kind): count}`` (non-zero cells only)."""
        return {key: box.value for key, box in self.cells.items() if box.value}

    def set_plan(self, plan: Mapping[tuple[int, str], int]) -> None:
        """Replace the whole plan; cells not in ``plan`` become 0 (one update at the end)."""
        self._fill(self.cells, plan)

    def _recompute(self) -> None:
        """Evaluate the current plan against the chosen rules and show the result."""
        from trainingkit.duties.evaluate import evaluate_compliance

        counts = plan_counts(self.plan(), self.people_per_contact.value)
        summary = summary_from_counts(counts, role=self.role.value)
        rule_set = self._rule_sets[self.rule_set.value]
        key = self.contact_rule.value
        contact_rule = self._contact_rules[key] if key is not None else None
        self.result = evaluate_compliance(summary, rule_set, contact_rule)
        self.output.value = render_template(
            "duty_planner.html.j2",
            **_planner_view(self.result.iloc[0], rule_set, contact_rule, counts),
        )


def _status(value: Any) -> str:
    """``met`` / ``missing`` / ``na`` for a nullable-boolean result cell."""
    import pandas as pd

    if value is None or value is pd.NA:
        return "na"
    return "met" if bool(value) else "missing"


def _planner_view(
    row: pd.Series, rule_set: Any, contact_rule: Any, counts: Mapping[str, int]
) -> dict[str, Any]:
    tasks = [
        {"label": task.label, "rule": task.describe(), "status": _status(row[task.id])}
        for task in rule_set.tasks
    ]
    contact = None
    if contact_rule is not None:
        quarters = [counts.get(f"contacts_q{q}", 0) for q in range(1, 5)]
        contact = {
            "label": rule_label(contact_rule),
            "source": contact_rule.source,
            "note": contact_rule.note,
            "min_per_quarter": contact_rule.min_per_quarter,
            "min_people": contact_rule.min_people,
            "quarters": quarters,
            "people": counts.get("contact_people", 0),
            "quarters_status": _status(row["contact_quarters_ok"]),
            "people_status": _status(row["contact_people_ok"]),
            "unchecked": contact_rule.unchecked,
        }
    return {
        "rule": {
            "label": rule_label(rule_set),
            "source": rule_set.source,
            "note": rule_set.note,
            "locality": rule_set.locality,
        },
        "tasks": tasks,
        "contact": contact,
        "all_met": bool(row["all_met"]),
        "missing": list(row["missing"]),
    }
