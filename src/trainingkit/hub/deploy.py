"""Putting a cohort hub on this machine: ``trainingkit hub config`` and ``hub setup``.

`write_config` only writes the generated files somewhere for review.
`apply_setup` (root) makes the hub real, in this order — later steps need the
earlier ones:

1. directories with their modes (state and account lists root-only, exchange ``1777``);
2. the configuration files (`trainingkit.hub.hubconfig.render_files`);
3. the grader account, its private home, the nbgrader course (gradebook and
   instructor source inside that home) and the course's exchange folder;
4. the roster imported into the gradebook (student id = login name);
5. people: new accounts created with a generated password, returning ones
   re-enabled, people no longer on the roster disabled — homes are never touched;
6. the password hashes saved, and the new passwords written to a printable list;
7. the kit's commands linked into the bin folder (`trainingkit.hub.commands`), so
   ``trainingkit`` and ``jupyterhub`` work as typed for root and in every login shell.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from trainingkit.hub import accounts as system
from trainingkit.hub.commands import check_links, install_links, planned_links
from trainingkit.hub.hubconfig import render_files
from trainingkit.hub.passwords import (
    AccountRecord,
    Credential,
    generate_password,
    hash_password,
    load_accounts,
    next_account_list,
    save_accounts,
    write_account_list,
)
from trainingkit.hub.plan import HubPlan, HubPlanError
from trainingkit.resources import ResourceMissing, course_dir

__all__ = ["SetupResult", "apply_setup", "check_setup", "write_config"]


@dataclass(frozen=True)
class SetupResult:
    """What a setup run changed."""

    added: tuple[str, ...]
    enabled: tuple[str, ...]
    disabled: tuple[str, ...]
    account_list: Path | None
    hub_config: Path
    links: tuple[Path, ...] = ()


def write_config(plan: HubPlan, out: Path) -> list[Path]:
    """Write every generated file under ``out`` (nothing else is changed)."""
    written = []
    for relative, text in render_files(plan).items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def apply_setup(plan: HubPlan, roster: Path, *, hub_url: str) -> SetupResult:
    """Create or update the cohort hub on this machine (run as root).

    Args:
        plan: From `trainingkit.hub.plan.build_plan` over the same roster.
        roster: The roster file, imported into the gradebook.
        hub_url: Address printed on the account list.

    Raises:
        HubPlanError: not root.
        trainingkit.hub.accounts.AccountError: an account clashes with an existing one.
    """
    if os.geteuid() != 0:
        raise HubPlanError(
            "hub setup 需要 root 权限（会创建系统账户）。\n"
            "hub setup must run as root (it creates system accounts)."
        )
    source = check_setup(plan)
    layout = plan.layout
    for directory, mode in (
        (layout.base, 0o755),
        (layout.etc, 0o755),
        (layout.state, 0o700),
        (layout.private, 0o700),
        (layout.exchange, 0o1777),
    ):
        directory.mkdir(parents=True, exist_ok=True)
        directory.chmod(mode)
    write_config(plan, layout.base)
    if source is not None:
        _refresh_course_copy(source, layout.course_copy)
    _setup_grader(plan, roster)
    result = _sync_people(plan, hub_url=hub_url)
    links = install_links(planned_links(plan.options))
    return dataclasses.replace(result, links=links)


def check_setup(plan: HubPlan) -> Path | None:
    """What `apply_setup` would refuse, checked before it changes anything.

    ``hub config`` runs the same checks, so the review step reports them too.

    Returns:
        The course folder to copy into homes (None with nbgitpuller).

    Raises:
        HubPlanError: the interpreter is in a private home, no course folder, or a
            command link would replace a file that is not ours.
    """
    _check_runtime(plan.options.venv)
    check_links(planned_links(plan.options), plan.options.venv)
    if plan.options.gitpuller_repo:
        return None
    try:
        return plan.options.course_source or course_dir()
    except ResourceMissing as error:
        raise HubPlanError(
            f"{error}\n请用 --course-dir 指定课程目录（本课程包源码里的 course/），"
            "或从带课程的 wheel 安装本课程包。\n"
            "Pass --course-dir (the kit's course/ folder), or install the kit from its wheel."
        ) from error


def _check_runtime(venv: Path) -> None:
    """Every account runs ``venv``'s interpreter: it must not sit in a private home.

    Both the path as given (a venv in ``/root`` whose ``bin/python`` links to a
    public interpreter) and the interpreter it resolves to (pyenv in ``/root``) count.
    """
    given = venv.absolute() / "bin" / "python"
    resolved = given.resolve()
    paths = (given, *given.parents, resolved, *resolved.parents)
    blocked = [p for p in paths if not p.stat().st_mode & 0o001]
    if blocked:
        in_venv = blocked[0] in (given, *given.parents)
        fix = (
            "请把环境建在 /opt 之类的公共位置"
            if in_venv
            else f"{given} 实际是 {resolved}，请改用系统自带的 Python 重建环境"
        )
        raise HubPlanError(
            f"学员账户无法运行 {resolved}：{blocked[0]} 对其他用户不可进入。{fix}：\n"
            "  apt-get install -y python3-venv   # 若提示缺少 venv/ensurepip\n"
            "  /usr/bin/python3 -m venv /opt/trainingkit\n"
            "  /opt/trainingkit/bin/pip install '<本课程包>[hub]'\n"
            "然后用 /opt/trainingkit/bin/trainingkit hub setup … 重新运行（本次未作任何改动）。\n"
            f"Trainee accounts cannot run {resolved}: {blocked[0]} is not accessible to "
            "other users. Create the environment from the system Python "
            "(/usr/bin/python3 -m venv /opt/trainingkit; apt-get install -y python3-venv "
            "if venv is missing), install the kit into it and rerun; nothing was changed."
        )


def _refresh_course_copy(source: Path, target: Path) -> None:
    # Only the template is replaced; each home keeps the copy it got on first start.
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(
        source, staging, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    for path in [staging, *staging.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)


def _setup_grader(plan: HubPlan, roster: Path) -> None:
    from trainingkit.cohort.directory import Cohort
    from trainingkit.cohort.roster import import_roster

    layout = plan.layout
    system.ensure_user(plan.grader, layout.grader_home, comment=f"nbgrader {plan.course}")
    if Cohort.is_cohort(layout.cohort):
        cohort = Cohort.open(layout.cohort)
    else:
        cohort = Cohort.init(
            layout.cohort,
            name=plan.course,
            exchange=layout.exchange,
            exercises=plan.options.exercises,
        )
        with cohort.config_file.open("a", encoding="utf-8") as config:
            config.write(
                "\n# Added by `trainingkit hub setup`: one exchange folder per course.\n"
                "c.Exchange.path_includes_course = True\n"
            )
    # progress needs no --homes on the hub: homes are <home root>/<prefix><login>
    cohort = cohort.set_homes(plan.options.home_root, plan.options.prefix)
    import_roster(cohort, roster, complete=True)  # who left is marked removed
    layout.exchange.chmod(0o1777)  # nbgrader's model; sticky: nobody removes others' files
    course_exchange = layout.exchange / plan.course
    course_exchange.mkdir(exist_ok=True)
    course_exchange.chmod(0o755)
    layout.grader_jupyter.mkdir(exist_ok=True)
    for name in ("jupyter_server_config.py", "nbgrader_config.py"):
        shutil.copyfile(layout.etc / "grader" / name, layout.grader_jupyter / name)
    owner = system.pwd.getpwnam(plan.grader)
    for path in (course_exchange, layout.grader_home, *layout.grader_home.rglob("*")):
        os.chown(path, owner.pw_uid, owner.pw_gid, follow_symlinks=False)
    layout.grader_home.chmod(0o700)
    layout.cohort.chmod(0o700)


def _sync_people(plan: HubPlan, *, hub_url: str) -> SetupResult:
    layout = plan.layout
    records = load_accounts(layout.accounts_file)
    credentials: list[Credential] = []
    added: list[str] = []
    enabled: list[str] = []
    for account in plan.accounts:
        system.ensure_user(account.system_name, account.home, comment=account.hub_name)
        system.enable_user(account.system_name)
        record = records.get(account.hub_name)
        if record is None:
            password = generate_password()
            credentials.append(Credential(account, password))
            record = AccountRecord(hash_password(password), True, account.system_name, account.role)
            added.append(account.hub_name)
        elif not record.enabled:
            enabled.append(account.hub_name)
        records[account.hub_name] = AccountRecord(
            record.hash, True, account.system_name, account.role
        )
    planned = {a.hub_name for a in plan.accounts}
    disabled = []
    for name, record in sorted(records.items()):
        if name not in planned and record.enabled:
            system.disable_user(record.system_name)
            records[name] = AccountRecord(record.hash, False, record.system_name, record.role)
            disabled.append(name)
    save_accounts(layout.accounts_file, records)
    account_list = None
    if credentials:
        account_list = write_account_list(
            next_account_list(layout.private),
            credentials,
            course=plan.course,
            hub_url=hub_url,
        )
    return SetupResult(
        added=tuple(added),
        enabled=tuple(enabled),
        disabled=tuple(disabled),
        account_list=account_list,
        hub_config=layout.hub_config,
    )
