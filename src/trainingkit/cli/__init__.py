"""The ``trainingkit`` command line.

Commands are registered by name and imported only when they run, so that
``trainingkit --help`` stays fast and each area of the kit owns its own module
under ``trainingkit.cli``. To add a command, add one line to ``COMMANDS``.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

__all__ = [
    "COMMANDS",
    "INTERRUPTED",
    "INTERRUPTED_EXIT",
    "main",
    "missing_extra_message",
    "permission_message",
    "usage_message",
]

#: Exit code after Ctrl-C (128 + SIGINT, as shells report it); 1 means "needs attention".
INTERRUPTED_EXIT = 130
#: Printed after Ctrl-C instead of click's English "Aborted!".
INTERRUPTED = (
    "已中断（Ctrl-C）。已经完成的部分都已保存，不会丢失；重新运行同一条命令即可接着做完。\n"
    "Interrupted: finished work is saved; run the same command again to continue."
)

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
    "lab": "trainingkit.cli.lab:lab",
    "demo": "trainingkit.cli.demo:demo",
    "local-course": "trainingkit.cli.local:local_course",
    "review": "trainingkit.cli.review:review",
    "hub": "trainingkit.cli.hub:hub",
    "doctor": "trainingkit.cli.doctor:doctor",
}


class LazyGroup(click.Group):
    """A click group that imports each command's module on first use."""

    def __init__(self, *args: Any, lazy: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*super().list_commands(ctx), *self._lazy]

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        """click's ``main``, with usage errors explained in Chinese (exit 2, as click)."""
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.UsageError as error:
            click.echo(usage_message(error), err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except click.Abort:  # Ctrl-C while click itself was prompting or parsing
            click.echo(INTERRUPTED, err=True)
            sys.exit(INTERRUPTED_EXIT)
        if isinstance(code, int) and code:
            sys.exit(code)
        return code

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; Ctrl-C ends it with `INTERRUPTED` and exit code 130."""
        _quiet_interrupted_pool()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED, err=True)
            ctx.exit(INTERRUPTED_EXIT)
        except PermissionError as error:  # a file of another account: say whose, and what to run
            click.echo(permission_message(error, sys.argv), err=True)
            ctx.exit(1)
        except ModuleNotFoundError as error:  # a bare `pip install trainingkit`: name the extra
            message = missing_extra_message(error)
            if message is None:
                raise
            click.echo(message, err=True)
            ctx.exit(2)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._lazy:
            module_name, attribute = self._lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


def _quiet_interrupted_pool() -> None:
    """SQLAlchemy logs a traceback when Ctrl-C lands while it closes a gradebook
    connection; that record is dropped (the Chinese `INTERRUPTED` line says it all).
    Every other SQLAlchemy warning or error still reaches stderr."""
    import logging

    logger = logging.getLogger("sqlalchemy")
    if any(getattr(h, "trainingkit", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.trainingkit = True  # type: ignore[attr-defined]
    handler.addFilter(
        lambda record: not (record.exc_info and record.exc_info[0] is KeyboardInterrupt)
    )
    logger.addHandler(handler)


def missing_extra_message(error: ModuleNotFoundError) -> str | None:
    """What to install when ``error`` is an optional dependency missing; else None."""
    from trainingkit.doctor import EXTRA_OF_MODULE

    extra = EXTRA_OF_MODULE.get((error.name or "").split(".")[0])
    if extra is None:
        return None
    command = f"{sys.executable} -m pip install 'trainingkit[{extra}]'"
    return (
        f"这个命令需要 trainingkit[{extra}] 的附加组件（缺少 Python 包 {error.name}）。请安装：\n"
        f"  {command}\n"
        f"This command needs the kit's [{extra}] extra ({error.name} is not installed): "
        f"{command}"
    )


def permission_message(error: PermissionError, argv: list[str]) -> str:
    """A PermissionError as what to do, in Chinese and English (never a traceback).

    When the file lies in a cohort of the account running the command (a root run
    of an older kit left it root-owned), the fix is to hand it back, as root;
    otherwise the command must run as the cohort's owner or as root.
    """
    import os
    import shlex
    from pathlib import Path

    me = _account(os.geteuid())
    path = Path(str(error.filename)).absolute() if error.filename else None
    where = f"{path}（属于 {_owner(path)}）" if path is not None else "一个文件"
    cohort = next((p for p in (path.parents if path else ()) if _is_cohort(p)), None)
    command = shlex.join(["trainingkit", *argv[1:]])
    if cohort is not None and _owner(cohort) == me and os.geteuid() != 0:
        fix = f"chown -R {me}: {shlex.quote(str(cohort))}"
        return (
            f"没有权限读写 {where}，命令没有做完。培训班 {cohort} 是你的，里面却有别的账户的文件"
            f"（多半是以 root 运行旧版本时留下的）。请以 root 运行一次：\n  {fix}\n"
            f"然后重新运行本命令：{command}\n"
            f"Permission denied: {path}. The cohort is yours but holds another account's "
            f"files; as root, run `{fix}`, then run `{command}` again."
        )
    owner = f"培训班 {cohort}（属于 {_owner(cohort)}）" if cohort is not None else "这个文件"
    return (
        f"没有权限读写 {where}，命令没有做完：{owner}不归当前账户 {me}。"
        f"请以它的属主账户（在中心上即课程服务的终端里）或以 root 运行：\n  {command}\n"
        f"Permission denied: {path} (you are {me}). Run `{command}` as the owner "
        "(on a hub: in the course service's terminal) or as root."
    )


def _account(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _owner(path: Any) -> str:
    try:
        return _account(path.stat().st_uid)
    except OSError:
        return "?"


def _is_cohort(folder: Any) -> bool:
    from trainingkit.cohort.directory import Cohort

    try:
        return Cohort.is_cohort(folder)
    except OSError:
        return False


def usage_message(error: click.UsageError) -> str:
    """A click usage error in Chinese first, click's English after it."""
    command = error.ctx.command_path if error.ctx else "trainingkit"
    english = error.format_message()
    if isinstance(error, click.BadParameter) and error.param is not None:
        hint = " / ".join(getattr(error.param, "opts", []) or [str(error.param.name)])
        kind = error.param.type
        if isinstance(kind, click.IntRange):
            low = "" if kind.min is None else f"不小于 {kind.min}"
            high = "" if kind.max is None else f"不大于 {kind.max}"
            rule = "、".join(x for x in (low, high) if x)
            chinese = f"{hint} 的值有误：应为整数{'，' + rule if rule else ''}。"
        elif isinstance(kind, click.Choice):
            chinese = f"{hint} 的值有误：应为 {'、'.join(map(str, kind.choices))} 之一。"
        else:
            chinese = f"{hint} 的值有误。"
    else:
        chinese = "命令用法有误。"
    return f"{chinese}运行 {command} --help 查看用法。\n{english}"


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
