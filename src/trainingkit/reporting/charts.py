"""The cohort report's charts, drawn with matplotlib and embedded as base64 PNG.

Each function returns a ``data:image/png;base64,…`` URI (or ``""`` when there is
nothing to draw), so the report stays one file with no external links. Chinese
labels use `trainingkit.fonts.use_chinese_font`.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainingkit.reporting.export import SubmissionRow
    from trainingkit.reporting.numbers import DraftSummary, QuestionStat
    from trainingkit.reporting.progress import ProgressRow

__all__ = [
    "completion_chart",
    "difficulty_chart",
    "draft_chart",
    "progress_chart",
    "score_chart",
]

_BLUE, _GREY = "#3a6ea5", "#c8c8c8"


def _pyplot() -> Any:
    """pyplot on the file-only Agg backend, with a Chinese font."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from trainingkit.fonts import use_chinese_font

    use_chinese_font()
    return plt


def _figure(width: float, height: float) -> tuple[Any, Any]:
    return _pyplot().subplots(figsize=(width, height), dpi=100)


def _whole_numbers(axis: Any) -> None:
    """Person and draft counts: ticks at whole numbers only."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _png(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def score_chart(rows: Sequence[SubmissionRow], assignments: Sequence[str]) -> str:
    """Score distribution per assignment: a histogram of percent scores, one row each."""
    if not any(r.score is not None for r in rows):
        return ""
    fig, axes = _pyplot().subplots(len(assignments), 1, figsize=(7, 1.6 * len(assignments) + 0.6),
                             dpi=100, sharex=True, squeeze=False)  # fmt: skip
    for axis, assignment in zip(axes[:, 0], assignments, strict=True):
        own = [r for r in rows if r.assignment == assignment and r.score is not None]
        # of the points graded so far: parts waiting for the teacher are left out
        percents = [100 * (r.score or 0) / r.graded_max for r in own if r.graded_max]
        axis.hist(percents, bins=list(range(0, 101, 10)), color=_BLUE, edgecolor="white")
        axis.set_ylabel("人数")
        _whole_numbers(axis.yaxis)
        axis.set_title(f"{assignment}（{len(own)} 份已批改）", fontsize=10, loc="left")
    axes[-1, 0].set_xlabel("得分率（%，只算已评分的部分）")
    return _png(fig)


def difficulty_chart(stats: Sequence[QuestionStat], *, top: int = 15) -> str:
    """The questions most trainees miss: share of graded submissions without full marks."""
    shown = list(stats)[:top]
    if not shown:
        return ""
    fig, axis = _figure(7, 0.35 * len(shown) + 1.2)
    labels = [f"{s.assignment} · {s.label or s.question}" for s in shown][::-1]
    values = [100 * s.miss_rate for s in shown][::-1]
    axis.barh(labels, values, color=_BLUE)
    axis.set_xlim(0, 100)
    axis.set_xlabel("未得满分的比例（%）")
    return _png(fig)


def completion_chart(rows: Sequence[SubmissionRow]) -> str:
    """Completion by sector: submitted assignments / assignments due, per 界别."""
    totals: dict[str, list[int]] = {}
    for row in rows:
        entry = totals.setdefault(row.sector or "（未填界别）", [0, 0])
        entry[0] += int(row.submitted)
        entry[1] += 1
    if not totals:
        return ""
    ordered = sorted(totals.items(), key=lambda item: item[1][0] / item[1][1])
    fig, axis = _figure(7, 0.35 * len(ordered) + 1.2)
    axis.barh([k for k, _ in ordered], [100 * v[0] / v[1] for _, v in ordered], color=_BLUE)
    axis.set_xlim(0, 100)
    axis.set_xlabel("已提交的练习占应交练习的比例（%）")
    return _png(fig)


def draft_chart(summaries: Sequence[DraftSummary]) -> str:
    """The most frequent 提案体检 findings over the submitted drafts."""
    kinds = {"proposal": "提案", "sheqing": "社情民意"}
    counts = [(f"{kinds.get(s.kind, s.kind)}：{_short(s.messages.get(code, code))}", n)
              for s in summaries for code, n in s.codes.most_common(8)]  # fmt: skip
    if not counts:
        return ""
    counts.sort(key=lambda item: item[1])
    fig, axis = _figure(7, 0.35 * len(counts) + 1.2)
    axis.barh([c for c, _ in counts], [n for _, n in counts], color=_BLUE)
    axis.set_xlabel("出现该问题的草稿数")
    _whole_numbers(axis.xaxis)
    return _png(fig)


def _short(message: str, limit: int = 18) -> str:
    """The first clause of a finding's message, cut to fit a chart label."""
    first = message.split("：")[0].split("，")[0].split("。")[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def progress_chart(rows: Sequence[ProgressRow]) -> str:
    """Furthest stage reached per assignment (stacked bars of trainees)."""
    from trainingkit.reporting.progress import STAGES

    assignments = list(dict.fromkeys(r.assignment for r in rows))
    if not assignments:
        return ""
    fig, axis = _figure(7, 0.5 * len(assignments) + 1.6)
    colours = [_GREY, "#a6c8e8", "#6fa3d6", "#e8b04a", _BLUE, "#1d4e80"]
    left = [0] * len(assignments)
    for stage, colour in zip(STAGES, colours, strict=True):
        values = [sum(1 for r in rows if r.assignment == a and r.stage == stage)
                  for a in assignments]  # fmt: skip
        axis.barh(assignments[::-1], values[::-1], left=left[::-1], color=colour, label=stage)
        left = [x + v for x, v in zip(left, values, strict=True)]
    axis.set_xlabel("学员人数")
    _whole_numbers(axis.xaxis)
    axis.legend(ncol=6, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.35))
    return _png(fig)
