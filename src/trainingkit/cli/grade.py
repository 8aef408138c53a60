"""``trainingkit grade``: parallel, sandboxed, resumable autograding."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from trainingkit.cli.cohort import cohort_option, fail, open_cohort, progress_reporter
from trainingkit.cohort.directory import CohortError

__all__ = ["grade"]


@click.command()
@click.argument("assignments", nargs=-1)
@click.option(
    "--jobs", "-j", type=click.IntRange(1, 64), default=None, help="并行数（默认=CPU 核数）。"
)
@click.option(
    "--timeout", type=click.IntRange(1), default=None, help="每个单元最长秒数。Cell timeout."
)
@click.option("--trainee", "trainees", multiple=True, help="只批改这些学员（可重复）。Only these.")
@click.option("--force", is_flag=True, help="已批改的也重新批改。Regrade everything.")
@cohort_option
def grade(
    assignments: tuple[str, ...],
    jobs: int | None,
    timeout: int | None,
    trainees: tuple[str, ...],
    force: bool,
    cohort_dir: Path,
) -> None:
    """自动批改已收取的提交（并行、沙箱、可中断续批）。Autograde submissions."""
    cohort = open_cohort(cohort_dir)
    import os

    if cohort.homes is not None and os.geteuid() != 0:
        # a hub cohort: only root gives each submission its own sandbox user; as the
        # grader account, trainee code could read the gradebook and hidden tests
        fail(CohortError(
            "在 JupyterHub 上批改须由组织者以 root 运行（学员代码才会在沙箱账户下运行）：\n"
            f"  /opt/trainingkit/bin/trainingkit grade --cohort {cohort.root}\n"
            "On a hub, grading runs as root (each submission in its own sandbox account)."
        ))  # fmt: skip
    from trainingkit.grading import grade as grade_cohort

    console = Console(soft_wrap=True)  # paths and reasons stay on one line
    with progress_reporter(console, "批改 grading", prefix="批改") as (_, progress):
        try:
            run = grade_cohort(
                cohort,
                list(assignments) or None,
                jobs=jobs,
                timeout=timeout,
                trainees=list(trainees) or None,
                force=force,
                progress=progress,
            )
        except CohortError as error:
            fail(error)
    console.print(run.isolation)
    table = Table(title="批改结果 Summary")
    for column in (
        "练习 assignment",
        "正常 graded",
        "需关注 attention",
        "失败 failed",
        "迟交 late",
    ):
        table.add_column(column)
    per: dict[str, Counter[str]] = {}
    for status in run.statuses:
        counts = per.setdefault(status.assignment, Counter())
        counts[status.status] += 1
        counts["late"] += int(status.late)
    for assignment, counts in sorted(per.items()):
        table.add_row(
            assignment, *(str(counts[k]) for k in ("graded", "attention", "failed", "late"))
        )
    console.print(table)
    for status in run.statuses:
        for reason in status.reasons:
            console.print(f"{status.assignment}/{status.student}：{reason.message}", markup=False)
    console.print(f"本次批改 {run.graded_now} 份，跳过已批改 {run.skipped} 份。")
    sys.exit(run.exit_code)
