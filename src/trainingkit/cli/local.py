"""``trainingkit local-course DIR``: a trainee's own folder on a computer with no hub."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from trainingkit.cli.cohort import cohort_option, fail, open_cohort
from trainingkit.cohort.directory import CohortError

__all__ = ["local_course"]


@click.command("local-course")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--trainee", "student_id", required=True, help="学员账号（名单中的 id）。Trainee id.")
@cohort_option
def local_course(folder: Path, student_id: str, cohort_dir: Path) -> None:
    """为单机学员准备文件夹（无需 JupyterHub，无需手写 nbgrader_config.py）。

    Set up FOLDER for one trainee on a computer without a hub: nbgrader settings,
    the lessons, and the command that opens JupyterLab in Chinese.
    """
    from trainingkit.cohort.local import local_course as make

    cohort = open_cohort(cohort_dir)
    try:
        made = make(cohort, folder, student_id)
    except CohortError as error:
        fail(error)
    command = shlex.join(made.command)
    click.echo(
        f"已为学员 {student_id} 准备好 {made.folder}（讲义在 lessons/，nbgrader 设置在 "
        f"{made.config_file.name}）。在这个文件夹里运行：\n"
        f"Ready for {student_id} in {made.folder}. Run, in that folder:\n\n"
        f"  cd {shlex.quote(str(made.folder))} && {command}\n\n"
        "然后在浏览器里点 Nbgrader → Assignment List 领取练习。\n"
        "Then fetch exercises from Nbgrader → Assignment List."
    )
