"""Compliance analysis behind module 01's planner and data exploration.

Plain functions over the duty summary and the rules, so the widgets only wire
controls to them (:mod:`trainingkit.widgets.duties`, :mod:`trainingkit.widgets.compliance`):
:func:`plan_counts` turns a month-by-month plan into summary counts,
:func:`compliance_by_sector` groups what :func:`trainingkit.duties.evaluate.evaluate_compliance`
says about each member by sector, and :func:`rule_label` names a rule with its place
and year.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from trainingkit.duties.rules import ContactRule, DutyRuleSet

__all__ = ["ALL_MET", "MEMBERS", "MONTHS", "compliance_by_sector", "plan_counts", "rule_label"]

MEMBERS = "委员人数"
ALL_MET = "全部达标（%）"
MONTHS: tuple[int, ...] = tuple(range(1, 13))


def plan_counts(plan: Mapping[tuple[int, str], int], people_per_contact: int = 0) -> dict[str, int]:
    """Turn a month-by-month plan into the duty-summary count columns.

    Args:
        plan: ``{(month, kind): count}`` with ``kind`` a count column of the duty
            summary or ``"contacts"`` (spread over ``contacts_q1..q4`` by month);
            missing cells count 0.
        people_per_contact: People met per contact activity, for ``contact_people``.

    Example:
        >>> counts = plan_counts({(2, "contacts"): 1, (11, "contacts"): 2}, people_per_contact=10)
        >>> counts["contacts_q1"], counts["contacts_q4"], counts["contact_people"]
        (1, 2, 30)
    """
    counts: dict[str, int] = {}
    for (month, kind), value in plan.items():
        if month not in MONTHS:
            raise ValueError(f"月份应为1–12 / month must be 1–12: {month}")
        column = f"contacts_q{(month - 1) // 3 + 1}" if kind == "contacts" else kind
        counts[column] = counts.get(column, 0) + int(value)
    contacts = sum(counts.get(f"contacts_q{q}", 0) for q in range(1, 5))
    counts["contact_people"] = contacts * people_per_contact
    return counts


def rule_label(rule: Any) -> str:
    """Label of a rule set, contact rule or scheme: name, place and year.

    Example:
        >>> from trainingkit.duties.rule_files import load_rule_set
        >>> rule_label(load_rule_set("jinan_2015"))
        '三个一（济南市，2015年）'
    """
    year = f"{rule.year}年" if rule.year is not None else "年份未详"
    return f"{rule.name}（{rule.locality}，{year}）"


def compliance_by_sector(
    summary: pd.DataFrame,
    rule_set: str | DutyRuleSet = "inner_mongolia_six",
    contact_rule: str | ContactRule | None = None,
) -> pd.DataFrame:
    """Share of members per sector who met every task, and each task, in percent.

    Args:
        summary: The duty summary of one year (e.g. ``committee.summary(2025)``).
        rule_set: A rule set or a built-in id.
        contact_rule: A contact rule, a built-in id, or ``None`` (not checked).

    Returns:
        One row per sector (sorted by the all-met share, highest first) with
        :data:`MEMBERS`, :data:`ALL_MET` and one column per task label; ``attrs``
        holds the rule set's label and the note 虚构示例 when the summary has it.

    Example:
        >>> from trainingkit.duties.summary import summary_from_counts
        >>> me = summary_from_counts({"plenary_attended": 1}, sector="教育")
        >>> compliance_by_sector(me, "jinan_2015").loc["教育", "出席全体会议"]
        np.float64(100.0)
    """
    from trainingkit.duties.evaluate import evaluate_compliance
    from trainingkit.duties.rule_files import load_contact_rule, load_rule_set

    rules = load_rule_set(rule_set) if isinstance(rule_set, str) else rule_set
    contacts = load_contact_rule(contact_rule) if isinstance(contact_rule, str) else contact_rule
    result = evaluate_compliance(summary, rules, contacts)
    columns = {task.id: task.label for task in rules.tasks}
    if contacts is not None:
        columns["contact_ok"] = "联系群众"
    shares = result[[*columns, "all_met"]].astype("Float64").groupby(result["sector"]).mean()
    table = (shares * 100).round(1).rename(columns={**columns, "all_met": ALL_MET})
    table.insert(0, MEMBERS, result.groupby("sector").size())
    table = table[[MEMBERS, ALL_MET, *columns.values()]].sort_values(ALL_MET, ascending=False)
    table.index.name = "界别"
    table.attrs = {"rule_set": rule_label(rules), "note": summary.attrs.get("note", "")}
    if "committee" in summary.attrs:
        table.attrs["committee"] = summary.attrs["committee"]
    return table
