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
@cohort_option
def import_(file: Path, cohort_dir: Path) -> None:
    """导入名单（CSV 或 xlsx；有错则一条也不导入）。Import a roster, all or nothing."""
    cohort = open_cohort(cohort_dir)
    try:
        result = import_roster(cohort, file)
    except RosterError as error:
        fail(error)
    click.echo(
        f"名单已导入：新增 {result.added}，更新 {result.updated}，未变 {result.unchanged}。"
        f" Imported: {result.added} added, {result.updated} updated, {result.unchanged} unchanged."
    )
