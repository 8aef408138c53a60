"""HTML bar charts: widths in proportion, values readable, text escaped, charts sourced."""

from __future__ import annotations

import re

from trainingkit.knowledge import facts as knowledge
from trainingkit.synthetic.committee import generate_committee
from trainingkit.widgets.bar_chart import Bar, BarChart, Segment
from trainingkit.widgets.compliance import ALL_MET, compliance_by_sector, compliance_chart
from trainingkit.widgets.proposals import statistics_chart


def test_widths_are_proportional_to_the_largest_total_or_the_given_maximum() -> None:
    bars = [Bar("甲", [Segment("a", 30), Segment("b", 10)]), Bar("乙", [Segment("a", 20)])]
    assert BarChart("t", bars).widths() == [[75.0, 25.0], [50.0]]
    assert BarChart("t", bars, maximum=100).widths() == [[30.0, 10.0], [20.0]]
    assert BarChart("t", []).widths() == []


def test_legend_only_when_bars_are_stacked() -> None:
    one = BarChart("t", [Bar("甲", [Segment("a", 1)]), Bar("乙", [Segment("b", 1)])])
    two = BarChart("t", [Bar("甲", [Segment("a", 1, "red"), Segment("b", 2, "blue")])])
    assert one.legend() == [] and [s.name for s in two.legend()] == ["a", "b"]
    assert "tk-bar-legend" not in one._repr_html_() and "tk-bar-legend" in two._repr_html_()


def test_html_escapes_labels_and_exposes_each_value() -> None:
    chart = BarChart("<t>", [Bar("<b>甲</b>", [Segment("a&b", 12.5)], "<i>")], caption="<c>")
    html = chart._repr_html_()
    assert "<b>甲" not in html and "&lt;b&gt;甲" in html and "&lt;c&gt;" in html
    assert re.findall(r'data-value="([^"]+)"', html) == ["12.5"]


def test_compliance_chart_draws_every_sector_in_order_and_says_the_data_is_invented() -> None:
    summary = generate_committee(n_members=120, seed=7).summary(2025)
    table = compliance_by_sector(summary, "inner_mongolia_six", "tianshui")
    chart = compliance_chart(table)
    assert [bar.label for bar in chart.bars] == [str(s) for s in table.index]
    assert [bar.total for bar in chart.bars] == [float(v) for v in table[ALL_MET]]
    assert chart.maximum == 100 and "虚构示例" in chart.caption and "六个一" in chart.caption


def test_statistics_chart_stacks_the_review_outcomes_of_each_session_with_the_source() -> None:
    stats = knowledge.proposal_statistics()
    chart = statistics_chart()
    assert len(chart.bars) == len(stats)
    for bar, (_, row) in zip(chart.bars, stats.iterrows(), strict=True):
        values = [segment.value for segment in bar.segments]
        assert values == [row["registered"], row["merged"], row["to_suggestion"]]
        assert bar.after == f"收到{row['received']}件" and bar.label.endswith(
            f"（{row['year']}年）"
        )
    assert stats.attrs["source"] in chart.caption
