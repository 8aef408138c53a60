"""``trainingkit hub teardown``: take a cohort hub off this machine, archive first.

`plan_teardown` only looks: it lists what would be stopped, archived, removed and
left alone (``hub teardown`` without ``--yes`` prints that and changes nothing).
`apply_teardown` then, in this order — each step needs the one before:

1. stops the hub: its systemd unit (``disable --now``, when systemd runs), else
   the process in the hub's pid file, if that is this hub's ``jupyterhub``; the
   hub stops the user servers and the course service itself;
2. writes the archive (``tar.gz``, mode ``0600``): the whole nbgrader course
   directory (gradebook, instructor source, releases, submissions, autograded
   notebooks, feedback, roster, grading status), the exported scores, the
   course's exchange folder (submissions not collected yet) and the configuration;
   then reads it back. Passwords, hashes and the hub database are not archived;
3. kills what still runs as the course's accounts and removes those accounts,
   their groups, memory cgroups and (unless ``keep_homes``) homes;
4. removes the hub's directory (configuration, state, account lists, exchange).

Only accounts in the kit's own records (`trainingkit.hub.installed`) are removed,
and only when the system account still has the home setup gave it. The sandbox
users ``trainingkit-box<n>`` of ``trainingkit grade`` are shared by every cohort
on the machine and are not the course's: they stay. Trainee homes are not
archived (submissions are); ``keep_homes`` keeps every home, owned by root.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from trainingkit.hub import accounts as system
from trainingkit.hub.installed import InstalledHub
from trainingkit.hub.plan import HubPlanError

__all__ = ["TeardownPlan", "apply_teardown", "describe", "plan_teardown"]

_CGROUPS = (Path("/sys/fs/cgroup/trainingkit"), Path("/sys/fs/cgroup/memory/trainingkit"))
_SCORES = "scores.xlsx"


@dataclass(frozen=True)
class TeardownPlan:
    """What a teardown will do; nothing is changed by making one.

    Attributes:
        hub: The hub's records.
        unit: The systemd unit name, if systemd runs on this machine.
        hub_pid: The running hub's pid (from its pid file), if it runs outside systemd.
        accounts: System accounts to remove, with their homes.
        left_alone: Recorded accounts that are not removed, with the reason.
        keep_homes: Homes stay (owned by root) instead of being removed.
        archive: Where the archive will be written.
        archived: What goes into the archive (those that exist).
    """

    hub: InstalledHub
    unit: str | None
    hub_pid: int | None
    accounts: tuple[tuple[str, Path], ...]
    left_alone: tuple[tuple[str, str], ...]
    keep_homes: bool
    archive: Path
    archived: tuple[Path, ...]


def plan_teardown(
    hub: InstalledHub, *, keep_homes: bool = False, archive: Path | None = None
) -> TeardownPlan:
    """Look at the hub and say what a teardown would do.

    Raises:
        HubPlanError: the archive exists, or would be written inside what is removed.
    """
    layout = hub.layout
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = archive or layout.base.parent / f"{layout.base.name}-archive-{stamp}.tar.gz"
    target = target.absolute()
    if target.exists():
        raise HubPlanError(
            f"归档文件 {target} 已存在，未作任何改动；请用 --archive 换一个文件名。\n"
            f"The archive {target} exists; nothing was changed. Pass another --archive."
        )
    removed = [layout.base, layout.grader_home]
    if any(target.is_relative_to(p) for p in removed):
        raise HubPlanError(
            f"归档文件 {target} 会被一起删除，请用 --archive 放到别处。\n"
            f"The archive {target} would be removed too; pass --archive elsewhere."
        )
    names = [hub.grader, *(record.system_name for record in hub.records.values())]
    accounts: list[tuple[str, Path]] = []
    left: list[tuple[str, str]] = []
    for name in dict.fromkeys(names):
        planned = layout.grader_home if name == hub.grader else hub.home_of(name)
        try:
            home = Path(pwd.getpwnam(name).pw_dir)
        except KeyError:
            continue  # already gone
        if home != planned:
            left.append((name, f"主目录是 {home} 而不是 {planned} home is not {planned}"))
        else:
            accounts.append((name, home))
    archived = (layout.cohort, layout.exchange / hub.course, layout.etc)
    return TeardownPlan(
        hub=hub,
        unit=_systemd_unit(hub),
        hub_pid=_hub_pid(hub),
        accounts=tuple(accounts),
        left_alone=tuple(left),
        keep_homes=keep_homes,
        archive=target,
        archived=tuple(p for p in archived if p.exists()),
    )


def describe(plan: TeardownPlan) -> list[str]:
    """The listing printed before anything is done (Chinese, with English labels)."""
    layout = plan.hub.layout
    lines = [f"课程 {plan.hub.course} 的中心 hub of course {plan.hub.course}: {layout.base}"]
    if plan.unit:
        lines.append(f"停止并停用 systemd 单元 stop and disable: {plan.unit}")
    if plan.hub_pid:
        lines.append(f"停止正在运行的中心 stop the running hub: pid {plan.hub_pid}")
    lines.append(f"先归档到 archive first to: {plan.archive}")
    lines += [f"  + {path}" for path in plan.archived]
    lines.append(f"  + {_SCORES}（导出的成绩 exported scores）")
    home_note = "保留，属主改为 root kept, owned by root" if plan.keep_homes else "删除 removed"
    lines.append(f"删除系统账户 remove accounts ({len(plan.accounts)})，主目录 homes {home_note}:")
    lines += [f"  - {name}  {home}" for name, home in plan.accounts]
    lines += [f"不动 left alone: {name}（{why}）" for name, why in plan.left_alone]
    lines.append(f"删除目录 remove: {layout.base}（配置、状态、账户表、交换目录 config, "
                 "state, account lists, exchange）")  # fmt: skip
    lines.append("不动 left alone: 批改沙箱用户 trainingkit-box*（本机各期培训共用 shared "
                 "by every cohort）")  # fmt: skip
    if not plan.keep_homes:
        lines.append(
            "注意：学员主目录不归档（提交已归档）；要保留请加 --keep-homes。"
            "Homes are not archived (submissions are); --keep-homes keeps them."
        )
    return lines


def apply_teardown(plan: TeardownPlan) -> Path:
    """Stop, archive, then remove, as `plan` says (root). Returns the archive.

    Raises:
        HubPlanError: the hub did not stop, or the archive could not be read back;
            nothing was removed then.
    """
    _stop_hub(plan)
    _write_archive(plan)
    for name, home in plan.accounts:
        with contextlib.suppress(KeyError):
            _kill_processes_of(pwd.getpwnam(name).pw_uid)
        if plan.keep_homes:
            _give_to_root(home)
        system.remove_user(name, home=not plan.keep_homes)
        for parent in _CGROUPS:
            with contextlib.suppress(OSError):
                (parent / name).rmdir()
    for parent in _CGROUPS:
        with contextlib.suppress(OSError):
            parent.rmdir()  # only when no other hub still has a group in it
    shutil.rmtree(plan.hub.layout.base)
    if plan.unit:
        subprocess.run(["systemctl", "daemon-reload"], capture_output=True, check=False)
    return plan.archive


def _systemd_unit(hub: InstalledHub) -> str | None:
    if not Path("/run/systemd/system").is_dir() or shutil.which("systemctl") is None:
        return None
    return hub.layout.systemd_unit.name


def _hub_pid(hub: InstalledHub) -> int | None:
    """The pid in the hub's pid file, if that process is this hub's ``jupyterhub``."""
    try:
        pid = int((hub.layout.state / "jupyterhub.pid").read_text().strip())
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (OSError, ValueError):
        return None
    ours = str(hub.layout.hub_config).encode() in command
    return pid if ours and any(b"jupyterhub" in part for part in command) else None


def _stop_hub(plan: TeardownPlan) -> None:
    if plan.unit:
        subprocess.run(["systemctl", "disable", "--now", plan.unit],
                       capture_output=True, check=False)  # fmt: skip
    pid = _hub_pid(plan.hub)
    if pid is None:
        return
    os.kill(pid, signal.SIGTERM)  # the hub stops the user servers and services it started
    deadline = time.monotonic() + 60
    while _hub_pid(plan.hub) == pid and time.monotonic() < deadline:
        time.sleep(0.5)
    if _hub_pid(plan.hub) == pid:
        raise HubPlanError(
            f"中心（pid {pid}）60 秒内没有停止，未删除任何东西。请先停止它再重试。\n"
            f"The hub (pid {pid}) did not stop within 60 s; nothing was removed. "
            "Stop it and rerun."
        )


def _write_archive(plan: TeardownPlan) -> None:
    layout = plan.hub.layout
    plan.archive.parent.mkdir(parents=True, exist_ok=True)
    partial = plan.archive.with_name(plan.archive.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
        for path in plan.archived:
            tar.add(path, arcname=_arcname(path, plan))
        with tempfile.TemporaryDirectory(prefix="trainingkit-teardown-") as private:
            scores = _export_scores(plan, Path(private) / _SCORES)  # 0700: names and scores
            if scores is not None:
                tar.add(scores, arcname=f"{plan.hub.course}-archive/{_SCORES}")
    expected = {_arcname(p, plan) for p in plan.archived}
    try:
        with tarfile.open(partial, "r:gz") as tar:
            names = set(tar.getnames())
    except (OSError, tarfile.TarError) as error:
        raise HubPlanError(
            f"归档 {partial} 读不回来（{error}），未删除任何东西。\n"
            f"The archive {partial} cannot be read back ({error}); nothing was removed."
        ) from error
    gradebook = layout.cohort / "gradebook.db"
    if gradebook.is_file():
        expected.add(_arcname(gradebook, plan))
    missing = expected - names
    if missing:
        raise HubPlanError(
            f"归档 {partial} 缺少 {sorted(missing)}，未删除任何东西。\n"
            f"The archive {partial} lacks {sorted(missing)}; nothing was removed."
        )
    partial.replace(plan.archive)


def _arcname(path: Path, plan: TeardownPlan) -> str:
    layout = plan.hub.layout
    for root, label in ((layout.cohort, "course"), (layout.exchange, "exchange"),
                        (layout.etc, "etc")):  # fmt: skip
        if path.is_relative_to(root):
            return str(PurePosixPath(f"{plan.hub.course}-archive", label, path.relative_to(root)))
    raise ValueError(path)


def _export_scores(plan: TeardownPlan, target: Path) -> Path | None:
    """The scores as ``trainingkit export`` writes them, or None without a gradebook."""
    from trainingkit.cohort.directory import Cohort, CohortError
    from trainingkit.reporting.export import export_scores

    cohort_dir = plan.hub.layout.cohort
    if not Cohort.is_cohort(cohort_dir):
        return None
    try:
        return export_scores(Cohort.open(cohort_dir), fmt="xlsx", output=target)
    except CohortError:
        return None


def _give_to_root(home: Path) -> None:
    """A kept home must not fall to whoever gets the removed account's uid next."""
    for path in (home, *home.rglob("*")):
        with contextlib.suppress(OSError):
            os.chown(path, 0, 0, follow_symlinks=False)
    home.chmod(0o700)


def _kill_processes_of(uid: int) -> None:
    from trainingkit.grading.sandbox import kill_user_processes

    kill_user_processes(uid)
