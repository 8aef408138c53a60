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

    try:  # unknown assignment or trainee: say so before any progress bar is drawn
        cohort.collected(list(assignments) or None, list(trainees) or None)
    except CohortError as error:
        fail(error)
    console = Console(soft_wrap=True)  # paths and reasons stay on one line
    with progress_reporter(console, "反馈 feedback", prefix="反馈") as (_, progress):
        run = generate_feedback(
            cohort,
            list(assignments) or None,
            trainees=list(trainees) or None,
            release=not no_release,
            progress=progress,
        )
    from trainingkit.grading.feedback import FeedbackState

    words = {FeedbackState.RELEASED: "已发布反馈 released", FeedbackState.GENERATED:
             "已生成、未发布 generated", FeedbackState.MISSING: "没有反馈 missing"}  # fmt: skip
    for state, word in words.items():
        console.print(f"{word}：{len(run.having(state))} 份", markup=False)
    console.print(f"位置 folder：{cohort.path('feedback')}", markup=False)
    for result in run.missing:
        console.print(f"{result.assignment}/{result.student}：{result.reason}", markup=False)
    sys.exit(run.exit_code)
