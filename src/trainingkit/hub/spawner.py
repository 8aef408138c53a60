"""The hub's spawner: each person's server runs as their own system account.

`CohortSpawner` is JupyterHub's ``LocalProcessSpawner`` with three additions, in
the way The Littlest JupyterHub maps hub users to system users:

1. the system account is ``<account_prefix><hub name>`` (the hub name stays the
   login name and nbgrader student id);
2. on the first start the lessons are copied into ``~/<course_folder>`` (never
   again: later starts keep the trainee's work as it is). Earlier versions copied
   them into ``~/<course>``, where nbgrader fetches exercises, so a lesson folder
   named like an exercise hid it; such copies are moved out on the next start
   (`repair_lessons`), the trainee's edits with them;
3. ``mem_limit`` is enforced with a memory cgroup (v2, or v1's memory
   controller) that the server and its kernels share. Where no cgroup can be
   made the limit is only advertised (``MEM_LIMIT``), and the hub log says so.

Its progress events, shown on the hub's "starting" page, are in Chinese (the
page itself is the kit's template, `trainingkit.hub.hubconfig`).
"""

from __future__ import annotations

import os
import pwd
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Unicode, default

__all__ = ["CohortSpawner", "cgroup_for", "copy_course", "repair_lessons"]

_CGROUP_ROOT = Path("/sys/fs/cgroup")


class CohortSpawner(LocalProcessSpawner):
    """A local process per person, as their own account, inside a memory cgroup."""

    account_prefix = Unicode("tk-", config=True, help="System account = prefix + hub name.")
    course_copy = Unicode("", config=True, help="Folder copied into the home on first start.")
    course_folder = Unicode("lessons", config=True, help="Name of the lessons' copy in the home.")
    exercise_folder = Unicode(
        "", config=True, help="nbgrader's folder of fetched exercises in the home (the course id)."
    )

    @default("progress_ready_hook")
    def _chinese_ready_event(self) -> Callable[[Any, dict[str, Any]], dict[str, Any]]:
        return _ready_in_chinese

    async def progress(self) -> AsyncIterator[dict[str, Any]]:
        """The starting page's message while the server starts (the hub's is English)."""
        yield {"progress": 50, "message": "正在启动你的学习环境……"}

    @property
    def system_name(self) -> str:
        """The Linux account of this server's user."""
        return f"{self.account_prefix}{self.user.name}"

    def make_preexec_fn(self, name: str) -> Callable[[], None]:
        """Join the memory cgroup (as root), then become the user's account."""
        cgroup = cgroup_for(self.system_name, self.mem_limit, log=self.log.warning)
        become = set_user_setuid(self.system_name)

        def preexec() -> None:
            if cgroup is not None:
                (cgroup / "cgroup.procs").write_text(str(os.getpid()))
            become()

        return preexec

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        """``USER``, ``HOME`` and ``SHELL`` of the system account."""
        entry = pwd.getpwnam(self.system_name)
        env["USER"] = self.system_name
        env["HOME"] = entry.pw_dir
        env["SHELL"] = entry.pw_shell or "/bin/bash"
        return env

    async def start(self) -> Any:
        """Copy the course on first start, then start as ``LocalProcessSpawner`` does."""
        entry = pwd.getpwnam(self.system_name)
        if self.course_copy:
            home, source = Path(entry.pw_dir), Path(self.course_copy)
            lessons = home / self.course_folder
            copied = copy_course(source, lessons, entry)
            if copied and self.exercise_folder:
                moved = repair_lessons(source, home / self.exercise_folder, lessons)
                if moved:
                    self.log.info("moved old lesson copies of %s: %s", self.system_name, moved)
        return await super().start()


def _ready_in_chinese(spawner: Any, event: dict[str, Any]) -> dict[str, Any]:
    """The hub's "Server ready at <url>" event, in Chinese."""
    message = "学习环境已就绪，正在打开……"
    return {**event, "message": message, "html_message": message}


def copy_course(source: Path, target: Path, owner: pwd.struct_passwd) -> bool:
    """Copy ``source`` to ``target`` owned by ``owner`` unless ``target`` exists.

    Returns:
        Whether a copy was made.
    """
    if target.exists() or target.is_symlink():
        return False
    shutil.copytree(source, target, symlinks=False)
    for path in [target, *target.rglob("*")]:
        os.chown(path, owner.pw_uid, owner.pw_gid, follow_symlinks=False)
    return True


def repair_lessons(source: Path, exercises: Path, lessons: Path) -> list[str]:
    """Move lesson folders an older kit copied into nbgrader's exercise folder.

    A folder of ``exercises`` counts as an old lesson copy when ``source`` has a
    folder of that name and every notebook of the source folder is in it (an
    exercise fetched by nbgrader holds the exercise's notebooks instead). It
    replaces the fresh copy in ``lessons``, so the trainee keeps their edits.
    Ownership is kept as it is (the files were the trainee's already).

    Returns:
        The names of the folders moved.
    """
    moved: list[str] = []
    if not exercises.is_dir():
        return moved
    for lesson in sorted(p for p in source.iterdir() if p.is_dir()):
        old = exercises / lesson.name
        notebooks = {n.name for n in lesson.glob("*.ipynb")}
        if not old.is_dir() or old.is_symlink() or not notebooks:
            continue
        if not notebooks <= {n.name for n in old.glob("*.ipynb")}:
            continue
        shutil.rmtree(lessons / lesson.name, ignore_errors=True)
        old.rename(lessons / lesson.name)
        moved.append(lesson.name)
    for leftover in source.iterdir():  # top-level files of the old copy (a README, …)
        old = exercises / leftover.name
        if moved and leftover.is_file() and old.is_file() and not old.is_symlink():
            old.replace(lessons / leftover.name)
    if moved and not any(exercises.iterdir()):
        exercises.rmdir()  # nbgrader makes it again on the first fetch
    return moved


def cgroup_for(
    name: str, mem_limit: int | None, *, log: Callable[..., None] = print
) -> Path | None:
    """A memory cgroup ``trainingkit/<name>`` limited to ``mem_limit`` bytes.

    Uses cgroup v2 when ``/sys/fs/cgroup`` is unified, else v1's memory
    controller. Returns ``None`` (and logs why) when there is no limit or no
    writable cgroup file system.
    """
    if not mem_limit:
        return None
    try:
        if (_CGROUP_ROOT / "cgroup.controllers").exists():
            parent = _CGROUP_ROOT / "trainingkit"
            parent.mkdir(exist_ok=True)
            (parent / "cgroup.subtree_control").write_text("+memory")
            group = parent / name
            group.mkdir(exist_ok=True)
            (group / "memory.max").write_text(str(int(mem_limit)))
            if (group / "memory.swap.max").exists():
                (group / "memory.swap.max").write_text("0")
        else:
            group = _CGROUP_ROOT / "memory" / "trainingkit" / name
            group.mkdir(parents=True, exist_ok=True)
            (group / "memory.limit_in_bytes").write_text(str(int(mem_limit)))
    except OSError as error:
        log("memory limit for %s not enforced (no writable cgroup): %s", name, error)
        return None
    return group
