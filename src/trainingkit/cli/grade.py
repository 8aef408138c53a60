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
    "--jobs", "-j", type=click.IntRange(1, 64), default=None, help="并行数（默认=CPU 核数的两倍）。"
)
@click.option(
    "--timeout", type=click.IntRange(1), default=None, help="每个单元最长秒数。Cell timeout."
)
@click.option("--trainee", "trainees", multiple=True, help="只批改这些学员（可重复）。Only these.")
@click.option("--force", is_flag=True, help="已批改的也重新批改。Regrade everything.")
@click.option(
    "--weak-isolation",
    is_flag=True,
    help="以 root 运行而本机没有 bubblewrap 时仍然批改。失去的保护：学员代码可以联网（包括本机的"
    "中心和其他学员的服务器），能看到本机所有进程，能读取沙箱用户可读的所有文件；仍以单独用户运行，"
    "读不到培训班目录。 Grade as root without bubblewrap. Lost: trainee code gets the network"
    " (incl. the hub and other trainees' servers), sees every process and reads every file the"
    " sandbox user can read; it still runs as a separate user that cannot read the cohort.",
)
@cohort_option
def grade(
    assignments: tuple[str, ...],
    jobs: int | None,
    timeout: int | None,
    trainees: tuple[str, ...],
    force: bool,
    weak_isolation: bool,
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

    try:  # unknown assignment or trainee: say so before any progress bar is drawn
        cohort.collected(list(assignments) or None, list(trainees) or None)
    except CohortError as error:
        fail(error)
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
                weak_isolation=weak_isolation,
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
        "待老师重新批阅 manual reset",
    ):
        table.add_column(column)
    per: dict[str, Counter[str]] = {}
    for status in run.statuses:
        counts = per.setdefault(status.assignment, Counter())
        counts[status.status] += 1
        counts["late"] += int(status.late)
        counts["reset"] += int(bool(status.manual_reset))
    for assignment, counts in sorted(per.items()):
        keys = ("graded", "attention", "failed", "late", "reset")
        table.add_row(assignment, *(str(counts[k]) for k in keys))
    console.print(table)
    for status in run.statuses:
        for reason in status.reasons:
            console.print(f"{status.assignment}/{status.student}：{reason.message}", markup=False)
    console.print(f"本次批改 {run.graded_now} 份，跳过已批改 {run.skipped} 份。")
    reset = [s for s in run.statuses if s.manual_reset]
    if reset:
        who = "、".join(f"{s.assignment}/{s.student}" for s in reset)
        console.print(
            f"这些重新提交的答案改了，原来的老师评分已清除，请在 formgrader 里重新批阅：{who}\n"
            "Answers graded by hand changed; grade them again in formgrader (trainingkit lab).",
            markup=False,
        )
    if any(s.status == "failed" for s in run.statuses):
        console.print(
            "未能批改的提交：请学员按上面的原因修正后重新提交，再运行 trainingkit collect 和 "
            "trainingkit grade（只会批改新的提交）。\n"
            "Failed submissions: ask the trainee to fix and resubmit, then collect and grade.",
            markup=False,
        )
    sys.exit(run.exit_code)
