"""``trainingkit report``: one self-contained HTML report of the cohort."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from trainingkit.cli.cohort import cohort_option, fail, open_cohort
from trainingkit.cohort.directory import Cohort, CohortError

__all__ = ["exit_for_attention", "homes_option", "report"]

#: ``--homes DIR``: where trainees' home folders are, to see who fetched what.
homes_option = click.option(
    "--homes", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="学员主目录所在的目录（每人一个子目录），用于判断是否已领取。Trainees' homes.",
)  # fmt: skip


@click.command()
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="输出的 HTML 文件。Output HTML file.")  # fmt: skip
@homes_option
@cohort_option
def report(output: Path, homes: Path | None, cohort_dir: Path) -> None:
    """生成培训班报告（单个 HTML 文件，含图表）。Write the cohort report."""
    cohort = open_cohort(cohort_dir)
    from trainingkit.reporting.report import write_report

    try:
        written = write_report(cohort, output, homes=homes)
    except CohortError as error:
        fail(error)
    click.echo(f"已生成报告 report：{written}")
    exit_for_attention(cohort)


def exit_for_attention(cohort: Cohort) -> None:
    """Exit 1 (done, but some submissions need attention) with a bilingual note."""
    from trainingkit.reporting.export import attention_note

    note = attention_note(cohort)
    if note:
        click.echo(note, err=True)
        sys.exit(1)
