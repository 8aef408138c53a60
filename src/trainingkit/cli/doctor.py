"""``trainingkit doctor``: what this machine has and lacks for each role."""

from __future__ import annotations

import sys

import click

__all__ = ["doctor"]


@click.command()
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice(["course", "grading", "hub"]),
    help="只检查这些角色（可重复；默认全部）。Only these roles (repeatable; default all).",
)
@click.option(
    "--trainees",
    type=click.IntRange(1),
    default=50,
    show_default=True,
    help="中心要同时容纳的学员数（用于内存检查）。Active trainees the hub must hold.",
)
def doctor(roles: tuple[str, ...], trainees: int) -> None:
    """检查本机是否具备学习、批改、运行中心所需的一切。Check this machine, per role.

    每个缺少的部分都给出安装命令；全部具备时退出码 0，否则 1。
    Prints the install command of each missing piece; exit 0 when all pass, else 1.
    """
    from trainingkit.doctor import ROLES, run_checks

    checks = run_checks(trainees=trainees)
    selected = [role for role in ROLES if not roles or role in roles]
    missing = 0
    for role in selected:
        click.echo(f"\n【{ROLES[role]}】")
        for check in (c for c in checks if role in c.roles):
            mark = "✓" if check.ok else "✗"
            click.echo(f"  {mark} {check.name}：{check.found}")
            if not check.ok:
                missing += 1
                click.echo(f"      安装 install: {check.fix}")
    if missing:
        click.echo(
            f"\n缺少 {missing} 项，见上面的安装命令。 {missing} missing; see the commands above."
        )
    else:
        click.echo("\n全部具备。 Everything is in place.")
    sys.exit(1 if missing else 0)
