"""``trainingkit hub``: a JupyterHub for the cohort (config, k8s-values, setup,
reset-password, teardown)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from trainingkit.cli.cohort import fail
from trainingkit.hub.plan import HubOptions, HubPlan

__all__ = ["hub"]


def _plan_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every subcommand that builds a plan."""
    options = [
        click.option("--roster", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     required=True, help="名单文件（CSV 或 .xlsx）。Roster file."),
        click.option("--course", required=True, help="课程名（nbgrader course id）。"),
        click.option("--base", type=click.Path(path_type=Path), default=None,
                     help="中心的目录（默认 /opt/trainingkit-hub/<课程名>）。Hub directory."),
        click.option("--home-root", type=click.Path(path_type=Path), default=Path("/home"),
                     show_default=True, help="学员主目录所在处。Where homes are created."),
        click.option("--prefix", default="tk-", show_default=True,
                     help="系统账户名前缀。System account prefix."),
        click.option("--ip", default="0.0.0.0", show_default=True, help="监听地址。"),
        click.option("--port", type=int, default=8000, show_default=True, help="端口。"),
        click.option("--mem-limit", default="1G", show_default=True,
                     help="每位学员的内存上限。Memory limit per user server."),
        click.option("--cull-timeout", type=int, default=3600, show_default=True,
                     help="空闲多少秒后停止服务器。Idle seconds before a server is stopped."),
        click.option("--course-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
                     default=None, help="课程笔记本目录（默认本课程包的 course/）。"),
        click.option("--lessons-folder", default="lessons", show_default=True,
                     help="学员主目录里课程讲义的目录名（不能与课程名、练习名相同）。"
                          "Lessons folder in each home; never the course or an exercise name."),
        click.option("--exercises", type=click.Path(exists=True, file_okay=False, path_type=Path),
                     default=None, help="nbgrader 练习源目录（默认本课程包的 exercises/）。"),
        click.option("--gitpuller-repo", default="",
                     help="用 nbgitpuller 从此仓库拉取课程，而不是复制。Course via nbgitpuller."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _link_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Where ``hub setup`` links the kit's commands (single machine only)."""
    options = [
        click.option("--bin-dir", type=click.Path(file_okay=False, path_type=Path),
                     default=Path("/usr/local/bin"), show_default=True,
                     help="把 trainingkit、jupyterhub 的链接放在这个（人人的 PATH 上的）目录；"
                          "只建链接，不覆盖别的文件。Where setup links the kit's commands."),
        click.option("--no-command-links", is_flag=True,
                     help="不建命令链接（命令须写全路径）。Do not link the commands."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _build(**kwargs: Any) -> HubPlan:
    """Read the roster and build the plan; user errors become a message and exit 2."""
    from trainingkit.cohort.directory import CohortError
    from trainingkit.cohort.roster import read_roster
    from trainingkit.hub.plan import HubPlanError, build_plan, default_hub_base

    course = kwargs["course"]
    options = HubOptions(
        course=course,
        base=(kwargs["base"] or default_hub_base(course)).resolve(),
        home_root=kwargs["home_root"].resolve(),
        prefix=kwargs["prefix"],
        ip=kwargs["ip"],
        port=kwargs["port"],
        mem_limit=kwargs["mem_limit"],
        cull_timeout=kwargs["cull_timeout"],
        course_source=kwargs["course_dir"],
        lessons_folder=kwargs["lessons_folder"],
        exercises=kwargs["exercises"],
        gitpuller_repo=kwargs["gitpuller_repo"],
        proxy_command=_proxy_command(),
        bin_dir=None if kwargs.get("no_command_links", True) else kwargs["bin_dir"].absolute(),
    )
    try:
        return build_plan(read_roster(kwargs["roster"]), options)
    except (CohortError, HubPlanError) as error:
        fail(error)


def _proxy_command() -> str:
    import shutil

    here = Path(sys.prefix).parent / "node_modules" / ".bin" / "configurable-http-proxy"
    return str(here) if here.exists() else (shutil.which("configurable-http-proxy") or
                                             "configurable-http-proxy")  # fmt: skip


@click.group()
def hub() -> None:
    """为一期学员搭建 JupyterHub（单机或 Kubernetes）。

    A JupyterHub for a cohort: accounts from the roster, the nbgrader course service.
    """


@hub.command("config")
@_plan_options
@_link_options
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="写入配置的目录（只写文件，不做任何改动）。")  # fmt: skip
def config_command(out: Path, **kwargs: Any) -> None:
    """把完整配置写到 --out 目录，供审阅，不改动本机。

    Write the full hub configuration into OUT for review; nothing is applied.
    """
    from trainingkit.hub.commands import planned_links
    from trainingkit.hub.deploy import check_setup, write_config
    from trainingkit.hub.plan import HubPlanError

    plan = _build(**kwargs)
    for path in write_config(plan, out):
        click.echo(path)
    for item in planned_links(plan.options):
        click.echo(f"hub setup 将建链接 would link: {item.link} -> {item.target}")
    try:
        check_setup(plan)
    except HubPlanError as error:
        click.echo("hub setup 将拒绝这份配置 hub setup would refuse this configuration:", err=True)
        fail(error)


@hub.command("k8s-values")
@_plan_options
@click.option("--image", default="trainingkit-trainee", show_default=True, help="学员镜像名。")
@click.option("--tag", default="latest", show_default=True, help="学员镜像标签。")
def k8s_values_command(image: str, tag: str, **kwargs: Any) -> None:
    """把 Zero to JupyterHub 的 Helm values 以 YAML 输出到标准输出。

    Print Zero to JupyterHub Helm values (YAML) for the cohort on stdout.
    """
    from trainingkit.hub.k8s import k8s_values, to_yaml

    click.echo(to_yaml(k8s_values(_build(**kwargs), image=image, tag=tag)), nl=False)


@hub.command("setup")
@_plan_options
@_link_options
@click.option("--public-url", default="", help="学员访问的地址（印在账户表上）。Hub address.")
def setup_command(public_url: str, **kwargs: Any) -> None:
    """以 root 在本机搭建或更新中心：账户、密码表、nbgrader 课程服务。

    Apply the hub on this machine (root): accounts, passwords, the course service.
    Rerun with a changed roster to add and disable accounts; homes are kept.
    """
    from trainingkit.cohort.directory import CohortError
    from trainingkit.hub.accounts import AccountError
    from trainingkit.hub.deploy import apply_setup
    from trainingkit.hub.plan import HubPlanError

    plan = _build(**kwargs)
    url = public_url or f"http://{plan.options.ip}:{plan.options.port}/"
    try:
        result = apply_setup(plan, kwargs["roster"], hub_url=url)
    except (CohortError, HubPlanError, AccountError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"新建 added: {len(result.added)}  恢复 re-enabled: {len(result.enabled)}  "
               f"停用 disabled: {len(result.disabled)}")  # fmt: skip
    for link in result.links:
        click.echo(f"命令链接 command link: {link} -> {link.readlink()}")
    if result.account_list:
        click.echo(f"账户表（含初始密码，请打印后妥善保管） account list: {result.account_list}")
    click.echo(f"启动 start: {plan.options.venv}/bin/jupyterhub -f {result.hub_config}")
    click.echo(f"或 or: systemctl link {plan.layout.systemd_unit} && systemctl enable --now "
               f"{plan.layout.systemd_unit.name}")  # fmt: skip


def _installed_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--course`` and ``--base`` of the commands that act on a hub set up earlier."""
    base = click.option(
        "--base",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="中心的目录（默认 /opt/trainingkit-hub/<课程名>）。Hub directory.",
    )
    command = base(command)
    return click.option("--course", required=True, help="课程名（与 hub setup 相同）。")(command)


def _open_installed(course: str, base: Path | None, command: str) -> Any:
    from trainingkit.hub.installed import open_installed, require_root
    from trainingkit.hub.plan import HubPlanError

    try:
        require_root(command)
        return open_installed(course, base)
    except HubPlanError as error:
        fail(error)


@hub.command("reset-password")
@_installed_options
@click.option("--public-url", default="", help="印在账户表上的地址（默认沿用上一张账户表）。")
@click.argument("logins", nargs=-1, required=True)
def reset_password_command(
    course: str, base: Path | None, public_url: str, logins: tuple[str, ...]
) -> None:
    """以 root 为忘记密码的人生成新密码，写进一张新的账户表（只含这些人）。

    Give LOGINS new generated passwords (root); they are printed on a new
    numbered account list only. A running hub takes them at once.
    """
    from trainingkit.hub.plan import HubPlanError
    from trainingkit.hub.reset import reset_passwords

    installed = _open_installed(course, base, "reset-password")
    try:
        result = reset_passwords(installed, logins, hub_url=public_url)
    except HubPlanError as error:
        fail(error)
    click.echo(f"已重设密码 reset: {' '.join(result.logins)}")
    click.echo(f"账户表（含新密码，请打印后交给本人） account list: {result.account_list}")
    later = [name for name in result.logins if name not in result.in_database]
    if later:
        click.echo(f"中心下次启动时生效 effective when the hub next starts: {' '.join(later)}")
    click.echo("刚才连续输错 5 次的人须等 5 分钟再登录。"
               "Someone locked out by 5 failed logins waits 5 minutes.")  # fmt: skip


@hub.command("teardown")
@_installed_options
@click.option("--keep-homes", is_flag=True, help="保留所有主目录（属主改为 root）。Keep homes.")
@click.option("--archive", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="归档文件（默认 /opt/trainingkit-hub/<课程名>-archive-<时间>.tar.gz）。"
                   "Archive file.")  # fmt: skip
@click.option("--yes", is_flag=True, help="确认执行；不加时只列出将做的事。Really do it.")
def teardown_command(
    course: str, base: Path | None, keep_homes: bool, archive: Path | None, yes: bool
) -> None:
    """以 root 拆除一期培训班的中心：先归档成绩库和提交，再删除账户和目录。

    Tear the cohort hub down (root): stop it, archive the gradebook, submissions
    and scores, then remove the course's accounts and directories. Without --yes
    it only lists what it would do.
    """
    from trainingkit.hub.plan import HubPlanError
    from trainingkit.hub.teardown import apply_teardown, describe, plan_teardown

    installed = _open_installed(course, base, "teardown")
    try:
        plan = plan_teardown(installed, keep_homes=keep_homes, archive=archive)
    except HubPlanError as error:
        fail(error)
    for line in describe(plan):
        click.echo(line)
    if not yes:
        click.echo("以上只是清单，未作任何改动；确认无误后加 --yes 执行。"
                   "Nothing was changed; add --yes to do it.")  # fmt: skip
        return
    try:
        written = apply_teardown(plan)
    except HubPlanError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"已拆除 torn down. 归档 archive: {written}")
