"""``trainingkit export``: one row per trainee, as CSV or Excel."""

from __future__ import annotations

from pathlib import Path

import click

from trainingkit.cli.cohort import cohort_option, fail, open_cohort
from trainingkit.cli.report import exit_for_attention
from trainingkit.cohort.directory import CohortError

__all__ = ["export"]


@click.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv",
              show_default=True, help="文件格式。File format.")  # fmt: skip
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="输出文件。Output file.")  # fmt: skip
@cohort_option
def export(fmt: str, output: Path, cohort_dir: Path) -> None:
    """导出成绩：每位学员一行（界别、各练习得分、总分、完成情况、迟交）。Export scores."""
    cohort = open_cohort(cohort_dir)
    from trainingkit.reporting.export import export_scores

    try:
        written = export_scores(cohort, fmt=fmt, output=output)
    except CohortError as error:
        fail(error)
    click.echo(f"已导出成绩 exported：{written}")
    exit_for_attention(cohort)
