"""Compliance by sector: a table and a chart for module 01's data exploration.

Both are thin: :func:`compliance_by_sector` groups what
:func:`trainingkit.duties.evaluate.evaluate_compliance` says about each member by sector,
:func:`compliance_chart` draws it as HTML bars (what the lesson shows, no
matplotlib needed) and :func:`plot_compliance_by_sector` as a matplotlib image. The
committee is the synthetic one (虚构示例); both charts say so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainingkit.widgets.duties import rule_label

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from trainingkit.duties.rules import ContactRule, DutyRuleSet
    from trainingkit.widgets.bar_chart import BarChart

__all__ = [
    "ALL_MET",
    "MEMBERS",
    "compliance_by_sector",
    "compliance_chart",
    "plot_compliance_by_sector",
]

MEMBERS = "委员人数"
ALL_MET = "全部达标（%）"


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
    return table


def compliance_chart(table: pd.DataFrame) -> BarChart:
    """HTML bars of the all-met share per sector, from :func:`compliance_by_sector`.

    Example:
        >>> from trainingkit.duties.summary import summary_from_counts
        >>> me = summary_from_counts({"plenary_attended": 1}, sector="教育")
        >>> chart = compliance_chart(compliance_by_sector(me, "jinan_2015"))
        >>> chart.bars[0].label, chart.widths()
        ('教育', [[0.0]])
    """
    from trainingkit.widgets.bar_chart import Bar, BarChart, Segment

    ordered = table.sort_values(ALL_MET, ascending=False)
    bars = [
        Bar(str(sector), [Segment(ALL_MET, float(share))], f"{share:g}%（{members}人）")
        for sector, share, members in zip(
            ordered.index, ordered[ALL_MET], ordered[MEMBERS], strict=True
        )
    ]
    note = table.attrs.get("note", "")
    caption = f"规定：{table.attrs.get('rule_set', '')}" + (f"。数据：{note}" if note else "")
    return BarChart("各界别全部达标的委员占比（%）", bars, caption=caption, maximum=100)


def plot_compliance_by_sector(table: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Horizontal bars of the all-met share per sector, from :func:`compliance_by_sector`.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from trainingkit.duties.summary import summary_from_counts
        >>> me = summary_from_counts({"plenary_attended": 1}, sector="教育")
        >>> ax = plot_compliance_by_sector(compliance_by_sector(me, "jinan_2015"))
        >>> ax.get_xlabel()
        '全部达标的委员占比（%）'
    """
    import matplotlib.pyplot as plt

    from trainingkit.fonts import use_chinese_font

    use_chinese_font()
    if ax is None:
        figure, ax = plt.subplots(figsize=(7, max(2.5, 0.22 * len(table) + 1.2)))
        figure.set_layout_engine("tight")
    ordered = table.sort_values(ALL_MET)
    ax.barh([str(sector) for sector in ordered.index], ordered[ALL_MET], color="#3b6ea8")
    ax.set_xlim(0, 100)
    ax.set_xlabel("全部达标的委员占比（%）")
    note = table.attrs.get("note", "")
    title = f"各界别年度任务达标率：{table.attrs.get('rule_set', '')}"
    ax.set_title(f"{title}\n（{note}）" if note else title, fontsize=11)
    ax.tick_params(axis="y", labelsize=8)
    return ax
