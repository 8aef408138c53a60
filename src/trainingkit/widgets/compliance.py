"""Compliance by sector on screen for module 01's data exploration.

The analysis is :func:`trainingkit.duties.compliance.compliance_by_sector` (re-exported
here for the lessons); :func:`compliance_chart` draws its table as HTML bars. The
committee is the synthetic one (虚构示例); the chart says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainingkit.duties.compliance import ALL_MET, MEMBERS, compliance_by_sector

if TYPE_CHECKING:
    import pandas as pd

    from trainingkit.widgets.bar_chart import BarChart

__all__ = [
    "ALL_MET",
    "MEMBERS",
    "compliance_by_sector",
    "compliance_chart",
]


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
    title = "各界别全部达标的委员占比（%）" + (f"（{note}）" if note else "")
    return BarChart(title, bars, caption=caption, maximum=100)
