"""The live 提案体检 of module 02, and the annotated example drafts it starts from.

:class:`ProposalReview` only shows what :func:`trainingkit.review.review_proposal`
finds, with the passages highlighted by :func:`trainingkit.review.render_html`.
Each finding shows by its Chinese name, repeated hits of one code as one item with
every passage highlighted, blocking findings first and hints (请核实) apart.
The example drafts (one good, several bad; all 虚构示例) are data in
``facts/proposal_examples.toml``; each displays as a table of parts with comments.

CSS classes for browser tests: ``tk-proposal-review`` (root),
``tk-proposal-review-input`` (the draft), ``tk-proposal-review-button``,
``tk-proposal-review-output``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import ipywidgets as widgets

from trainingkit.templating import render_template
from trainingkit.widgets.common import CourseWidget

if TYPE_CHECKING:
    import pandas as pd

    from trainingkit.review import Review
    from trainingkit.widgets.bar_chart import BarChart

__all__ = [
    "STATISTICS_LABELS",
    "ExamplePart",
    "ProposalExample",
    "ProposalReview",
    "proposal_examples",
    "statistics_chart",
    "statistics_table",
]

# Columns of the national statistics shown in the lesson, with Chinese headers.
STATISTICS_LABELS: dict[str, str] = {
    "year": "年份",
    "received": "收到提案",
    "registered": "立案",
    "merged": "并案",
    "to_suggestion": "转为意见和建议",
    # Member + collective = 立案 in every row that gives them (audit #8).
    "member": "立案中：委员提案",
    "collective": "立案中：集体提案",
    "economy_pct": "经济（%）",
    "politics_pct": "政治（%）",
    "culture_pct": "文化（%）",
    "society_pct": "社会（%）",
    "ecology_pct": "生态（%）",
}


@dataclass(frozen=True)
class ExamplePart:
    """One part of an example draft with the trainer's comment on it."""

    label: str
    text: str
    comment: str


@dataclass(frozen=True)
class ProposalExample:
    """An annotated example draft (虚构示例), good or bad; shows as an annotated table.

    Attributes:
        id: Stable identifier.
        kind: ``good`` or ``bad``.
        name: Short Chinese name shown above the table.
        problem: For a bad example, what is wrong with it.
        parts: The draft's parts in order, each with a comment.
        source: Always 虚构示例.
        year: Year of the rule the comments follow.
    """

    id: str
    kind: str
    name: str
    problem: str
    parts: tuple[ExamplePart, ...]
    source: str
    year: int

    @property
    def text(self) -> str:
        """The full draft: the parts joined by line breaks."""
        return "\n".join(part.text for part in self.parts)

    def _repr_html_(self) -> str:
        return render_template("proposal_example.html.j2", example=self)


@cache
def proposal_examples() -> dict[str, ProposalExample]:
    """The annotated example drafts by id, from ``facts/proposal_examples.toml``.

    Example:
        >>> examples = proposal_examples()
        >>> examples["meal_points"].kind, examples["meal_points"].text.startswith("关于")
        ('good', True)
    """
    text = resources.files("trainingkit").joinpath("facts/proposal_examples.toml")
    rows = tomllib.loads(text.read_text("utf-8"))["examples"]
    examples = (
        ProposalExample(**{**row, "parts": tuple(ExamplePart(**part) for part in row["parts"])})
        for row in rows
    )
    return {example.id: example for example in examples}


def statistics_table() -> pd.DataFrame:
    """The national plenary proposal statistics with Chinese headers, one row per session.

    Blank cells are figures the source does not give; ``attrs`` keeps the source.

    Example:
        >>> int(statistics_table().loc["14届2次", "立案"])
        5006
    """
    from trainingkit.knowledge.facts import proposal_statistics

    stats = proposal_statistics()
    table = stats.set_index("session")[list(STATISTICS_LABELS)].rename(columns=STATISTICS_LABELS)
    table.index.name = "会议"
    table.attrs = dict(stats.attrs)
    return table


def statistics_chart() -> BarChart:
    """HTML bars per session: 立案, 并案, 转为意见和建议, with 收到 after each bar and the source.

    This is what the lesson shows (no matplotlib in the kernel).

    Example:
        >>> chart = statistics_chart()
        >>> chart.bars[-1].after, "来源" in chart.caption
        ('收到5865件', True)
    """
    from trainingkit.widgets.bar_chart import Bar, BarChart, Segment

    table = statistics_table()
    parts = (("立案", "#3b6ea8"), ("并案", "#8fb3de"), ("转为意见和建议", "#e3a23b"))
    bars = [
        Bar(
            f"{session}（{int(row['年份'])}年）",
            [Segment(name, float(row[name]), colour) for name, colour in parts],
            f"收到{row['收到提案']:g}件",
        )
        for session, row in table.iterrows()
    ]
    caption = f"来源：{table.attrs['source']}。{table.attrs['note']}"
    return BarChart("全国政协全体会议提案审查情况（件）", bars, caption=caption)


class ProposalReview(CourseWidget):
    """提案体检: write or paste a draft, press 检查 (or leave the box), see findings.

    Attributes:
        input: The draft text area.
        button: The 检查 button.
        output: Where the highlighted draft and the findings appear.
        result: The last :class:`trainingkit.review.Review`, or ``None``.
        widget: The root widget.

    Args:
        text: The draft to start with.
        example: Or the id of an example draft from :func:`proposal_examples`.
    """

    def __init__(self, text: str = "", *, example: str | None = None) -> None:
        if example is not None:
            text = proposal_examples()[example].text
        self.input = widgets.Textarea(
            value=text,
            placeholder="在这里写下或粘贴提案草稿，然后点“检查”。",
            continuous_update=False,
            layout=widgets.Layout(width="100%", height="220px"),
        )
        self.input.add_class("tk-proposal-review-input")
        self.button = widgets.Button(description="检查", button_style="primary", icon="check")
        self.button.add_class("tk-proposal-review-button")
        self.output = widgets.HTML()
        self.output.add_class("tk-proposal-review-output")
        self.result: Review | None = None
        self.input.observe(lambda _change: self.update(), names="value")
        self.button.on_click(lambda _button: self.update())
        self._root("proposal-review", [self.input, self.button, self.output])
        self.update()

    def update(self) -> None:
        """Review the current draft and show the result."""
        from trainingkit.review import render_html, review_proposal

        text = self.input.value
        if not text.strip():
            self.result = None
            self.output.value = render_template("proposal_review.html.j2", empty=True)
            return
        self.result = review_proposal(text)
        self.output.value = render_template(
            "proposal_review.html.j2",
            empty=False,
            review=self.result,
            highlighted=render_html(text, self.result),
        )
