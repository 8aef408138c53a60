"""``trainingkit roster import FILE``."""

from __future__ import annotations

from pathlib import Path

import click

from trainingkit.cli.cohort import cohort_option, fail, open_cohort
from trainingkit.cohort.roster import RosterError, import_roster

__all__ = ["roster"]


@click.group()
def roster() -> None:
    """学员名单。The cohort roster."""


@roster.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--complete",
    is_flag=True,
    help="这是全班名单：以前导入而不在其中的人标为已移出（进度表不再列出，成绩保留）。"
    "The file is the whole cohort: people missing from it are marked removed.",
)
@cohort_option
def import_(file: Path, complete: bool, cohort_dir: Path) -> None:
    """导入名单（CSV 或 xlsx；有错则一条也不导入）。Import a roster, all or nothing."""
    cohort = open_cohort(cohort_dir)
    try:
        result = import_roster(cohort, file, complete=complete)
    except RosterError as error:
        fail(error)
    click.echo(
        f"名单已导入：新增 {result.added}，更新 {result.updated}，未变 {result.unchanged}，"
        f"移出 {result.removed}。 Imported: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.removed} removed."
    )
