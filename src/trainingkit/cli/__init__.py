"""The ``trainingkit`` command line.

Commands are registered by name and imported only when they run, so that
``trainingkit --help`` stays fast and each area of the kit owns its own module
under ``trainingkit.cli``. To add a command, add one line to ``COMMANDS``.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

__all__ = ["COMMANDS", "main"]

# name -> "module:attribute" of a click command or group, in help order.
COMMANDS: dict[str, str] = {
    "cohort": "trainingkit.cli.cohort:cohort",
    "roster": "trainingkit.cli.roster:roster",
    "release": "trainingkit.cli.assignments:release",
    "collect": "trainingkit.cli.assignments:collect",
    "grade": "trainingkit.cli.grade:grade",
    "feedback": "trainingkit.cli.feedback:feedback",
    "export": "trainingkit.cli.export:export",
    "report": "trainingkit.cli.report:report",
    "progress": "trainingkit.cli.progress:progress",
    "demo": "trainingkit.cli.demo:demo",
    "local-course": "trainingkit.cli.local:local_course",
    "review": "trainingkit.cli.review:review",
    "hub": "trainingkit.cli.hub:hub",
}


class LazyGroup(click.Group):
    """A click group that imports each command's module on first use."""

    def __init__(self, *args: Any, lazy: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *self._lazy]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy:
            module_name, attribute = self._lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(package_name="trainingkit")
def main() -> None:
    """trainingkit：政协委员履职培训课程包。

    A course kit for new CPPCC committee members: lessons, graded exercises,
    cohort grading with nbgrader, and a JupyterHub for the cohort.
    """
