"""``trainingkit demo``: the whole cohort cycle on synthetic trainees, then JupyterLab."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from trainingkit.cli.cohort import fail, progress_reporter
from trainingkit.cohort.directory import CohortError

__all__ = ["demo"]

_LABELS = {
    "cohort": "培训班目录（nbgrader 课程）cohort",
    "scores_csv": "成绩表 CSV",
    "scores_xlsx": "成绩表 Excel",
    "progress_xlsx": "进度表 Excel",
    "report": "培训班报告 report（用浏览器打开）",
    "feedback": "学员反馈 feedback",
    "homes": "虚构学员的主目录（已领回反馈）homes",
}


@click.command()
@click.option("--trainees", type=click.IntRange(1, 200), default=12, show_default=True,
              help="虚构学员人数。Number of synthetic trainees.")  # fmt: skip
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("demo-workdir"), show_default=True,
              help="演示目录。Demo folder.")  # fmt: skip
@click.option("--no-lab", is_flag=True, help="完成后不打开 JupyterLab。Do not open Lab.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="批改并行数（默认=CPU 核数的两倍）。Grading jobs.")  # fmt: skip
def demo(trainees: int, workdir: Path, no_lab: bool, jobs: int | None) -> None:
    """演示完整流程：建班、名单、发布、提交、批改、反馈、导出、报告。Run the demo.

    A workdir holding a finished demo is reused as it is; any other non-empty
    workdir is refused (exit 2).
    """
    from trainingkit.demo.run import lab_command, run_demo

    console = Console(soft_wrap=True)  # never break a printed path across lines
    with progress_reporter(console, "等待 waiting") as (bar, progress):

        def say(message: str) -> None:
            bar.console.print(message, markup=False)

        try:
            result = run_demo(workdir, trainees=trainees, jobs=jobs, say=say, progress=progress)
        except CohortError as error:
            fail(error)
    if result.reused:
        console.print(f"{result.workdir} 里已有一次完成的演示，直接使用。", markup=False)
    for note in result.notes:
        console.print(f"故意制造的问题提交：{note}", markup=False)
    for line in result.attention:
        console.print(f"未能自动批改（见报告）：{line}", markup=False)
    for key, label in _LABELS.items():
        console.print(f"{label}：{result.files[key]}", markup=False)
    if no_lab:
        console.print(
            f"下一步 next：trainingkit lab --cohort {result.cohort}"
            "（打开 JupyterLab 和 formgrader，手工批阅草稿；按两次 Ctrl+C 停止）\n"
            f"批阅后更新反馈和报告 then：trainingkit feedback --cohort {result.cohort}；"
            f"trainingkit report -o 报告.html --cohort {result.cohort}",
            markup=False,
        )
        return
    command, cwd = lab_command(result)
    console.print("正在打开 JupyterLab（formgrader 在 Nbgrader 菜单里）；按 Ctrl+C 退出。",
                  markup=False)  # fmt: skip
    import subprocess

    sys.exit(subprocess.call(command, cwd=cwd))
