"""The kit's commands on PATH: links in a bin folder (``/usr/local/bin``) into the hub's venv.

The organizer (root, also through sudo's ``secure_path``) and every login shell
find ``/usr/local/bin`` on PATH, so after ``hub setup`` the commands the organizer
guide shows (``trainingkit …``, ``jupyterhub -f …``) work as typed. Only links
are ever written there, and only where nothing is, or where a link into the same
venv already is: any other file is left alone and setup refuses, saying which.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from trainingkit.hub.plan import HubOptions, HubPlanError

__all__ = ["KIT_COMMANDS", "CommandLink", "check_links", "install_links", "planned_links"]

#: The commands the organizer guide shows, from the hub venv's ``bin/``.
KIT_COMMANDS = ("trainingkit", "jupyterhub")


@dataclass(frozen=True)
class CommandLink:
    """``link`` (in the bin folder) → ``target`` (a script in the venv's ``bin/``)."""

    link: Path
    target: Path


def planned_links(options: HubOptions) -> tuple[CommandLink, ...]:
    """The links ``hub setup`` makes; none when `HubOptions.bin_dir` is None."""
    if options.bin_dir is None:
        return ()
    scripts = options.venv.absolute() / "bin"
    return tuple(CommandLink(options.bin_dir / name, scripts / name) for name in KIT_COMMANDS)


def check_links(links: tuple[CommandLink, ...], venv: Path) -> None:
    """Refuse (before anything changes) what `install_links` must not do.

    Raises:
        HubPlanError: a command is missing from the venv, or a link's place holds
            something that is not a link into ``venv``.
    """
    for item in links:
        if not item.target.is_file():
            raise HubPlanError(
                f"环境里没有 {item.target}：请把本课程包连同 [hub] 装进这个环境"
                f"（{venv}/bin/pip install '<本课程包>[hub]'），或加 --no-command-links。\n"
                f"{item.target} is missing: install the kit with its [hub] extra into "
                f"{venv}, or pass --no-command-links."
            )
        if (item.link.exists() or item.link.is_symlink()) and not _links_into(item.link, venv):
            raise HubPlanError(
                f"{item.link} 已存在，且不是指向本课程包环境 {venv} 的链接，未作改动。"
                f"请确认它是什么：不需要就删掉它（rm {item.link}）；"
                "或用 --bin-dir 换一个目录、用 --no-command-links 不建链接。\n"
                f"{item.link} exists and is not a link into the kit's environment {venv}; "
                f"nothing was changed. Remove it if it is not needed, or pass another "
                "--bin-dir, or --no-command-links."
            )


def install_links(links: tuple[CommandLink, ...]) -> tuple[Path, ...]:
    """Make each link (replacing only our own old link); return the links made.

    Call `check_links` first: this assumes every place is free or our link.
    """
    made = []
    for item in links:
        item.link.parent.mkdir(parents=True, exist_ok=True)
        staging = item.link.with_name(f".{item.link.name}.trainingkit-new")
        staging.unlink(missing_ok=True)
        staging.symlink_to(item.target)
        staging.replace(item.link)  # atomic: the command is never missing meanwhile
        made.append(item.link)
    return tuple(made)


def _links_into(path: Path, venv: Path) -> bool:
    if not path.is_symlink():
        return False
    pointed = (path.parent / os.readlink(path)).resolve()
    return pointed.is_relative_to(venv.absolute().resolve())
