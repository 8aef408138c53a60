"""Every CLI command has help text and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from trainingkit.cli import COMMANDS, main

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def _command_paths() -> list[tuple[str, ...]]:
    context = click.Context(main)
    paths: list[tuple[str, ...]] = []
    for name in COMMANDS:
        command = main.get_command(context, name)
        assert command is not None, name
        paths.append((name,))
        if isinstance(command, click.Group):
            paths.extend((name, sub) for sub in command.list_commands(context))
    return paths


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("path", _command_paths(), ids=" ".join)
def test_each_command_has_help_and_is_in_the_readme(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    context = click.Context(main)
    command: click.Command | None = main
    for part in path:
        assert isinstance(command, click.Group)
        command = command.get_command(context, part)
    assert command is not None and (command.help or "").strip(), f"{path} has no help text"
    assert f"trainingkit {' '.join(path)}" in README, f"README does not document {path}"
