"""``trainingkit feedback``: Chinese feedback without hidden tests, released to trainees."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from trainingkit.cli.cohort import cohort_option, fail, open_cohort, progress_reporter
from trainingkit.cohort.directory import CohortError

__all__ = ["feedback"]


@click.command()
@click.argument("assignments", nargs=-1)
@click.option("--trainee", "trainees", multiple=True, help="只处理这些学员（可重复）。Only these.")
@click.option("--no-release", is_flag=True, help="只生成，不发布给学员。Generate only.")
@cohort_option
def feedback(
    assignments: tuple[str, ...], trainees: tuple[str, ...], no_release: bool, cohort_dir: Path
) -> None:
    """生成中文反馈（不含隐藏测试）并发布给学员。Generate and release feedback."""
    cohort = open_cohort(cohort_dir)
    from trainingkit.grading.feedback import generate_feedback

    console = Console(soft_wrap=True)  # paths and reasons stay on one line
    with progress_reporter(console, "反馈 feedback", prefix="反馈") as (_, progress):
        try:
            run = generate_feedback(
                cohort,
                list(assignments) or None,
                trainees=list(trainees) or None,
                release=not no_release,
                progress=progress,
            )
        except CohortError as error:
            fail(error)
    verb = "已生成" if no_release else "已发布"
    done = [r for r in run.results if r.status != "missing"]
    console.print(f"{verb}反馈 {len(done)} 份，位置：{cohort.path('feedback')}", markup=False)
    for result in run.missing:
        console.print(f"{result.assignment}/{result.student}：{result.reason}", markup=False)
    sys.exit(run.exit_code)
