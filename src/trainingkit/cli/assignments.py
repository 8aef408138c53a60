"""``trainingkit release`` and ``trainingkit collect``."""

from __future__ import annotations

from pathlib import Path

import click

from trainingkit.cli.cohort import cohort_option, fail, open_cohort
from trainingkit.cohort.directory import CohortError

__all__ = ["collect", "release"]


@click.command()
@click.argument("assignments", nargs=-1)
@click.option("--due", default=None, help="截止时间（北京时间），如 '2026-12-01 18:00'。Due date.")
@cohort_option
def release(assignments: tuple[str, ...], due: str | None, cohort_dir: Path) -> None:
    """生成学员版并通过交换目录发布练习。Generate and release assignments."""
    from trainingkit.cohort.assignments import release as release_assignments

    cohort = open_cohort(cohort_dir)
    try:
        stored = release_assignments(cohort, list(assignments) or None, due=due)
    except CohortError as error:
        fail(error)
    from datetime import UTC
    from zoneinfo import ZoneInfo

    beijing = ZoneInfo("Asia/Shanghai")
    for assignment, duedate in stored.items():
        # stored as naive UTC (nbgrader's convention); echoed as the organizer typed it
        local = duedate.replace(tzinfo=UTC).astimezone(beijing) if duedate else None
        when = f"截止 due {local:%Y-%m-%d %H:%M} 北京时间" if local else "无截止时间 no due date"
        click.echo(f"已发布 released {assignment}（{when}）")


@click.command()
@click.argument("assignments", nargs=-1)
@cohort_option
def collect(assignments: tuple[str, ...], cohort_dir: Path) -> None:
    """从交换目录收取学员提交。Collect submissions."""
    from trainingkit.cohort.assignments import collect as collect_assignments

    cohort = open_cohort(cohort_dir)
    try:
        counts = collect_assignments(cohort, list(assignments) or None)
    except CohortError as error:
        fail(error)
    for assignment, count in counts.items():
        click.echo(f"{assignment}：已收取 {count} 份 collected")
