"""``trainingkit progress``: fetched, submitted, graded, feedback — per assignment and trainee."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table

from trainingkit.cli.cohort import cohort_option, fail, open_cohort
from trainingkit.cli.report import exit_for_attention, homes_option
from trainingkit.cohort.directory import CohortError

if TYPE_CHECKING:
    from trainingkit.reporting.progress import ProgressRow

__all__ = ["progress"]

_MARK = {True: "✔", False: "·", None: "?"}
_GRADED = {"yes": "✔", "no": "·", "failed": "✘"}


def _graded(row: ProgressRow) -> str:
    return f"✎{row.pending}" if row.graded == "yes" and row.pending else _GRADED[row.graded]


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "xlsx"]), default="table",
              show_default=True, help="终端表格或 Excel。Table or xlsx.")  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="xlsx 的输出文件。Output file for xlsx.")  # fmt: skip
@homes_option
@cohort_option
def progress(fmt: str, output: Path | None, homes: Path | None, cohort_dir: Path) -> None:
    """查看每位学员每个练习的进度（领取、提交、批改、反馈）。Show progress."""
    cohort = open_cohort(cohort_dir)
    from trainingkit.reporting.progress import export_progress, progress_rows

    if fmt == "xlsx" and output is None:
        fail(CohortError("--format xlsx 需要 --output 文件。\n--format xlsx needs --output FILE."))
    try:
        if fmt == "xlsx":
            assert output is not None
            click.echo(f"已导出进度 progress：{export_progress(cohort, output, homes=homes)}")
            exit_for_attention(cohort)
            return
        rows = progress_rows(cohort, homes=homes)
    except CohortError as error:
        fail(error)
    assignments = list(dict.fromkeys(r.assignment for r in rows))
    table = Table(title="进度 Progress（每格依次为：领取 提交 批改 反馈）")
    for column in ("账号", "姓名", "界别", *assignments):
        table.add_column(column)
    for student in dict.fromkeys(r.student for r in rows):
        own = [r for r in rows if r.student == student]
        cells = [f"{_MARK[r.fetched]}{_MARK[r.submitted]}{_graded(r)}{_MARK[r.feedback]}"
                 for r in own]  # fmt: skip
        table.add_row(student, own[0].name, own[0].sector, *cells)
    console = Console()
    console.print(table)
    console.print("✔ 是  · 否  ✘ 批改失败  ✎N 待老师批阅 N 项  ? 不可知", markup=False)
    from trainingkit.cohort.roster import removed_ids

    gone = removed_ids(cohort)
    if gone:
        console.print(f"已移出名单：{len(gone)} 人（不在上表中，成绩仍保留在成绩库）。"
                      f" Removed from the roster: {len(gone)} (not listed; grades kept).",
                      markup=False)  # fmt: skip
    if homes is None and cohort.homes is None:
        console.print(
            "看不到学员主目录，未提交的是否已领取无法得知（标 ?）；可用 --homes 指定。\n"
            "Fetches are only visible with --homes (trainees' home folders).",
            markup=False,
        )
    exit_for_attention(cohort)
