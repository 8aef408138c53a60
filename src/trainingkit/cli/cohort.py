"""``trainingkit cohort init``: create a cohort directory.

Also holds the pieces every cohort command shares: the ``--cohort`` option,
turning a `CohortError` into a bilingual message and exit code 2, and the
progress bar of the long-running commands.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from trainingkit.cohort.directory import Cohort, CohortError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

__all__ = ["cohort", "cohort_option", "fail", "open_cohort", "progress_reporter"]

#: ``--cohort DIR`` (default: the current folder) for every cohort command.
cohort_option: Callable[[Any], Any] = click.option(
    "--cohort",
    "cohort_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default="当前目录或其上级 current folder or above",
    help="培训班目录。Cohort directory.",
)


def fail(error: Exception) -> NoReturn:
    """Print a user error (no traceback) and exit 2: nothing was changed."""
    click.echo(str(error), err=True)
    sys.exit(2)


def open_cohort(directory: Path) -> Cohort:
    """`Cohort.open` on ``directory`` or the nearest folder above it that is a cohort
    (so commands work from inside ``source/…``), or exit 2 with a clear message.

    Run as root on a cohort another account owns, everything the command writes
    there is handed to that account when the command ends
    (`trainingkit.cohort.ownership.kept_by_owner`)."""
    start = directory.resolve()
    above = (start, *start.parents) if start.is_dir() else ()  # a named folder must exist
    found = next((d for d in above if Cohort.is_cohort(d)), start)
    try:
        opened = Cohort.open(found)
    except CohortError as error:
        inside = sorted(p.parent for p in start.glob("*/cohort.toml"))
        if inside:
            hint = " 或 ".join(f"--cohort {p}" for p in inside)
            fail(CohortError(f"{error}\n这里的子目录是培训班，可加：{hint}\nTry: {hint}"))
        fail(error)
    context = click.get_current_context(silent=True)
    if context is not None:  # as root on another account's cohort: what we write is theirs
        from trainingkit.cohort.ownership import kept_by_owner

        context.with_resource(kept_by_owner(opened))
    return opened


@contextmanager
def progress_reporter(
    console: Console, title: str, prefix: str = ""
) -> Iterator[tuple[Progress, Callable[[str, int, int], None]]]:
    """The progress bar of grade, feedback and demo, and the callback that moves it.

    Yields the bar (to print above it) and ``report(label, done, total)``, which
    shows ``prefix label`` with done/total and the time left.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("剩余"), TimeRemainingColumn())  # fmt: skip
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task(title, total=None)

        def report(label: str, done: int, total: int) -> None:
            description = f"{prefix} {label}" if prefix else label
            bar.update(task, completed=done, total=total, description=description)

        yield bar, report


@click.group()
def cohort() -> None:
    """管理培训班目录。Manage cohort directories."""


@cohort.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", required=True, help="课程编号（字母数字）。nbgrader course id.")
@click.option("--title", default="", help="中文班名。Display title.")
@click.option("--db", "db_url", default=None, help="成绩库 URL（默认 SQLite）。Gradebook URL.")
@click.option("--exchange", default=None, help="交换目录（默认在培训班内）。Exchange root.")
@click.option("--exercises", default=None, help="练习来源目录。Source assignments folder.")
def init(
    directory: Path,
    name: str,
    title: str,
    db_url: str | None,
    exchange: str | None,
    exercises: str | None,
) -> None:
    """新建培训班目录（nbgrader 课程、成绩库、交换目录）。Create a cohort."""
    try:
        created = Cohort.init(
            directory, name=name, title=title, db_url=db_url, exchange=exchange, exercises=exercises
        )
    except CohortError as error:
        fail(error)
    click.echo(f"已创建培训班 {created.name}：{created.root}")
    click.echo(f"练习 assignments: {', '.join(created.assignments())}")
    click.echo(f"成绩库 gradebook: {created.db_url}")
    click.echo(f"交换目录 exchange: {created.exchange}")
