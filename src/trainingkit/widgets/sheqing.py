"""The 社情民意 checker of module 04: write or paste a draft, see the findings.

A thin front-end over :func:`trainingkit.review.review_sheqing` and
:func:`trainingkit.review.render_html`. The draft is checked when the trainee
leaves the text box or clicks "开始体检" (not on every key: a long draft takes a
noticeable moment to review). CSS classes: ``tk-sheqing-check`` with ``-input``,
``-run`` and ``-output``. The lesson's example drafts (虚构示例) are data in
``facts/sheqing_examples.toml``; :func:`sheqing_scale_chart` draws the national
figures of :func:`trainingkit.knowledge.facts.sheqing_scale` as HTML bars.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

import ipywidgets as widgets

from trainingkit.templating import render_template
from trainingkit.widgets.common import CourseWidget, output_area, tag

if TYPE_CHECKING:
    from trainingkit.widgets.bar_chart import BarChart

__all__ = [
    "SheqingChecker",
    "SheqingExample",
    "check_sheqing_html",
    "default_max_chars",
    "sheqing_examples",
    "sheqing_scale_chart",
]


@dataclass(frozen=True)
class SheqingExample:
    """An invented example draft for the lesson.

    Attributes:
        id: stable key (``"good"``, ``"two_matters"``).
        title: how the lesson names it.
        text: the draft.
        source: always 虚构示例.
    """

    id: str
    title: str
    text: str
    source: str


@cache
def sheqing_examples() -> dict[str, SheqingExample]:
    """The lesson's example drafts by id, all 虚构示例.

    Example:
        >>> {e.source for e in sheqing_examples().values()}
        {'虚构示例'}
    """
    raw = (files("trainingkit") / "facts" / "sheqing_examples.toml").read_text(encoding="utf-8")
    return {key: SheqingExample(id=key, **item) for key, item in tomllib.loads(raw).items()}


def sheqing_scale_chart() -> BarChart:
    """HTML bars of the national 2025 figures (received, used, leader instructions), sourced.

    Example:
        >>> chart = sheqing_scale_chart()
        >>> [bar.label for bar in chart.bars], "2025" in chart.caption
        (['收到', '采用', '获领导批示'], True)
    """
    from trainingkit.knowledge import facts as knowledge
    from trainingkit.widgets.bar_chart import Bar, BarChart, Segment

    scale = {fact.id: fact for fact in knowledge.sheqing_scale()}
    shown: tuple[tuple[str, str, str], ...] = (
        ("received", "收到", "#9a6700"),
        ("used", "采用", "#1b7f3b"),
        ("instructions", "获领导批示", "#0969da"),
    )
    bars = [
        Bar(label, [Segment(label, float(scale[key].value or 0), colour)], scale[key].text)
        for key, label, colour in shown
    ]
    first = scale["received"]
    caption = f"来源：{first.source}（{first.year}年）；均为“……余”的约数"
    return BarChart("全国社情民意信息工作（2025年）", bars, caption=caption)


def default_max_chars() -> int:
    """The example length limit from the facts (Guangzhou's practice, about 1,500 chars).

    Example:
        >>> default_max_chars()
        1500
    """
    from trainingkit.knowledge import facts as knowledge

    length = next(fact for fact in knowledge.sheqing_practice() if fact.id == "length")
    return int(length.value or 0)


def check_sheqing_html(text: str, max_chars: int | None = None) -> str:
    """Review ``text`` as 社情民意信息 and return the highlighted HTML view.

    Findings are counted as the trainee sees them: one per code, hints ("请核实")
    apart from the problems.

    Example:
        >>> "缺少建议" in check_sheqing_html("")
        True
    """
    from trainingkit.review import group_findings, render_html, review_sheqing

    max_chars = max_chars or default_max_chars()
    review = review_sheqing(text, config={"limits": {"max_chars": max_chars}})
    groups = group_findings(review.findings)
    summary = render_template(
        "sheqing_summary.html.j2",
        chars=len(text.strip()),
        max_chars=max_chars,
        problems=sum(1 for g in groups if g.severity != "hint"),
        hints=sum(1 for g in groups if g.severity == "hint"),
    )
    return summary + render_html(text, review)


class SheqingChecker(CourseWidget):
    """A text box for a draft, a length limit, a button, and the review.

    Args:
        text: the draft to start with.
        max_chars: the length limit; default Guangzhou's practice (:func:`default_max_chars`).
        example: start with one of :func:`sheqing_examples` instead, e.g. ``"two_matters"``.

    Example:
        >>> w = SheqingChecker()
        >>> w.draft.value = "关于某事的情况反映"
        >>> "缺少建议" in w.output.value
        True
    """

    def __init__(
        self, text: str = "", max_chars: int | None = None, *, example: str | None = None
    ) -> None:
        if example is not None:
            text = sheqing_examples()[example].text
        self.draft = tag(
            widgets.Textarea(
                value=text,
                placeholder="在这里写或粘贴一篇社情民意信息（标题、情况、分析、建议）……",
                continuous_update=False,
                layout=widgets.Layout(width="100%", height="14em"),
            ),
            "tk-sheqing-check-input",
        )
        self.max_chars = widgets.BoundedIntText(
            value=max_chars or default_max_chars(),
            min=100,
            max=20000,
            step=100,
            description="字数上限",
            style={"description_width": "initial"},
        )
        self.run = tag(
            widgets.Button(description="开始体检", button_style="primary"), "tk-sheqing-check-run"
        )
        self.output = output_area("sheqing-check")
        self._root(
            "sheqing-check", [self.draft, widgets.HBox([self.max_chars, self.run]), self.output]
        )
        self.draft.observe(self._update, names="value")
        self.max_chars.observe(self._update, names="value")
        self.run.on_click(self._update)
        self._update()

    def _update(self, _change: object = None) -> None:
        if not self.draft.value.strip():
            self.output.value = render_template(
                "sheqing_summary.html.j2",
                chars=0,
                max_chars=self.max_chars.value,
                problems=None,
                hints=0,
            )
            return
        self.output.value = check_sheqing_html(self.draft.value, self.max_chars.value)
