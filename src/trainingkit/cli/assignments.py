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
    from trainingkit.cohort.assignments import beijing

    for assignment, duedate in stored.items():
        when = (f"截止 due {beijing(duedate):%Y-%m-%d %H:%M}（北京时间）" if duedate
                else "无截止时间 no due date")  # fmt: skip
        click.echo(f"已发布 released {assignment}（{when}）")
    click.echo(
        "提示：formgrader 里的截止时间按 UTC 显示（比北京时间早 8 小时）。\n"
        "Note: formgrader shows due dates in UTC (Beijing time minus 8 hours)."
    )


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
    for assignment, found in counts.items():
        click.echo(f"{assignment}：已收取 {len(found)} 份 collected")
        if found.new:
            click.echo(f"  新提交 new：{'、'.join(found.new)}")
        if found.updated:
            click.echo(f"  重新提交 resubmitted：{'、'.join(found.updated)}")
        if not found.new and not found.updated:
            click.echo("  没有新的提交 nothing new")
    if any(found.new or found.updated for found in counts.values()):
        click.echo("下一步 next：trainingkit grade（只批改新的和重新提交的）")
