"""What a cohort hub consists of: accounts, groups, roles and paths, as plain data.

`build_plan` turns roster entries into a `HubPlan`. Everything else in
``trainingkit.hub`` (the generated configuration, the Kubernetes values, the
setup that creates system accounts) reads the plan; nothing else decides a
username or joins a path. A plan is pure data: building one touches nothing.

Names, TLJH-style: a person logs in to the hub with their roster id in lower
case (``t001``), which is also their nbgrader student id; the system account
that runs their server is ``<prefix><hub name>`` (``tk-t001``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

__all__ = [
    "HUB_NAME_PATTERN",
    "Account",
    "HubLayout",
    "HubOptions",
    "HubPlan",
    "HubPlanError",
    "Person",
    "build_plan",
    "default_hub_base",
    "hub_login",
    "lessons_home_folder",
]

#: A hub name: what a person types as their username; also a Linux name part.
HUB_NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,23}$")
_COURSE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,23}$")
_PREFIX_PATTERN = re.compile(r"^[a-z_][a-z0-9_-]{0,7}$")


def hub_login(typed: str) -> str:
    """The hub login a roster id or a typed name stands for (case and spaces dropped).

    JupyterHub lower-cases names at sign-in (``Authenticator.normalize_username``),
    so ``hub setup`` (from roster ids) and ``hub reset-password`` (from what an
    organizer types) must agree on this one spelling.

    Example:
        >>> hub_login(" WangLi ")
        'wangli'
    """
    return typed.strip().lower()


class HubPlanError(ValueError):
    """The roster or the options cannot make a hub; the message is Chinese + English."""


class Person(Protocol):
    """What the plan needs from a roster entry (`trainingkit.cohort.roster.RosterEntry`)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...


def default_hub_base(course: str) -> Path:
    """Where ``hub setup`` puts the hub of ``course`` unless ``--base`` says otherwise."""
    return Path("/opt/trainingkit-hub") / course


@dataclass(frozen=True)
class HubOptions:
    """Settings an organizer may change; defaults suit a cohort of about 50.

    Attributes:
        course: nbgrader course id; names the hub service and the groups.
        base: Directory holding the hub's configuration, state, exchange and course copy.
        home_root: Where trainees' home directories are created.
        prefix: Prefix of the system account names (``tk-`` → ``tk-t001``).
        ip: Address the hub listens on; port: its public port.
        mem_limit: Memory limit per user server, e.g. ``"1G"``.
        cull_timeout: Seconds of inactivity after which a server is stopped.
        course_source: Folder with the course notebooks copied into each home.
        lessons_folder: Name of the lessons' copy in each home (``~/lessons``). It is
            never the course id: nbgrader fetches exercises into ``~/<course>/``
            (``path_includes_course``), and a lesson folder there named like an
            exercise would be taken for the fetched exercise.
        exercises: Folder of nbgrader source assignments (default: the kit's).
        gitpuller_repo: If set, trainees get the course through this nbgitpuller
            repository instead of a copy.
        venv: The Python environment of the user servers and the course service;
            every account must be able to run its interpreter.
        proxy_command: configurable-http-proxy executable.
        bin_dir: Folder on everyone's PATH where ``hub setup`` links the kit's
            commands (`trainingkit.hub.commands.KIT_COMMANDS`); None: no links.
            The command line's default is ``/usr/local/bin``; here it is None, so
            that building a plan in a test never writes the real one.
    """

    course: str
    base: Path
    home_root: Path = Path("/home")
    prefix: str = "tk-"
    ip: str = "0.0.0.0"
    port: int = 8000
    mem_limit: str = "1G"
    cull_timeout: int = 3600
    course_source: Path | None = None
    lessons_folder: str = "lessons"
    exercises: Path | None = None
    gitpuller_repo: str = ""
    gitpuller_branch: str = "main"
    venv: Path = field(default_factory=lambda: Path(sys.prefix))
    proxy_command: str = "configurable-http-proxy"
    service_port: int = 0
    hub_port: int = 0
    proxy_api_port: int = 0
    bin_dir: Path | None = None


@dataclass(frozen=True)
class Account:
    """One person on the hub.

    Attributes:
        hub_name: Login name and nbgrader student id.
        system_name: The Linux account that runs their server.
        display_name: Name from the roster (may be Chinese).
        role: ``"trainee"`` or ``"instructor"``.
        home: Home directory of the system account.
    """

    hub_name: str
    system_name: str
    display_name: str
    role: str
    home: Path


@dataclass(frozen=True)
class HubLayout:
    """Every path of a cohort hub, computed from `HubOptions.base`."""

    base: Path
    course: str
    grader_home: Path

    @property
    def etc(self) -> Path:
        """Configuration readable by everyone (no secrets)."""
        return self.base / "etc"

    @property
    def hub_config(self) -> Path:
        """``jupyterhub_config.py``."""
        return self.etc / "jupyterhub_config.py"

    @property
    def user_jupyter_config(self) -> Path:
        """``JUPYTER_CONFIG_PATH`` entry of every user server (nbgrader settings)."""
        return self.etc / "jupyter"

    @property
    def state(self) -> Path:
        """Root-only: hub database, cookie secret, password hashes."""
        return self.base / "state"

    @property
    def accounts_file(self) -> Path:
        """Root-only JSON of accounts with bcrypt hashes (`trainingkit.hub.auth`)."""
        return self.state / "accounts.json"

    @property
    def hub_db(self) -> Path:
        """JupyterHub's SQLite database (NativeAuthenticator's password table is in it)."""
        return self.state / "jupyterhub.sqlite"

    @property
    def account_table(self) -> Path:
        """``accounts-plan.tsv``: login, system account, role, name and home of each."""
        return self.etc / "accounts-plan.tsv"

    @property
    def private(self) -> Path:
        """Root-only: the printable account lists with initial passwords."""
        return self.base / "private"

    @property
    def course_copy(self) -> Path:
        """The course notebooks copied into each trainee's home on first start."""
        return self.base / "course"

    @property
    def exchange(self) -> Path:
        """nbgrader's exchange root (``1777``; the course folder belongs to the grader)."""
        return self.base / "exchange"

    @property
    def cohort(self) -> Path:
        """The nbgrader course directory (gradebook, source) inside the grader's home."""
        return self.grader_home / self.course

    @property
    def grader_jupyter(self) -> Path:
        """The grader's ``~/.jupyter``: nbgrader and server settings of the service."""
        return self.grader_home / ".jupyter"

    @property
    def systemd_unit(self) -> Path:
        """A systemd unit that runs the hub."""
        return self.etc / f"trainingkit-hub-{self.course}.service"


@dataclass(frozen=True)
class HubPlan:
    """Accounts, groups and roles of one cohort hub."""

    options: HubOptions
    accounts: tuple[Account, ...]
    grader: str
    layout: HubLayout

    @property
    def course(self) -> str:
        """The nbgrader course id."""
        return self.options.course

    @property
    def trainees(self) -> tuple[Account, ...]:
        """Accounts with role ``trainee``."""
        return tuple(a for a in self.accounts if a.role == "trainee")

    @property
    def instructors(self) -> tuple[Account, ...]:
        """Accounts with role ``instructor``."""
        return tuple(a for a in self.accounts if a.role == "instructor")

    @property
    def student_group(self) -> str:
        """Hub group of trainees (nbgrader's guide: ``nbgrader-<course>``)."""
        return f"nbgrader-{self.course}"

    @property
    def instructor_group(self) -> str:
        """Hub group of instructors (nbgrader's guide: ``formgrade-<course>``)."""
        return f"formgrade-{self.course}"

    def groups(self) -> dict[str, list[str]]:
        """Hub groups and their members."""
        return {
            self.student_group: [a.hub_name for a in self.trainees],
            self.instructor_group: [a.hub_name for a in self.instructors],
        }

    def roles(self) -> list[dict[str, object]]:
        """JupyterHub RBAC roles (least privilege; nobody is admin)."""
        course, students = self.course, self.student_group
        return [
            {
                "name": f"instructor-{course}",
                "description": "Course formgrader and read-only view of the trainees",
                "scopes": [
                    f"access:services!service={course}",
                    "list:services",
                    f"read:services!service={course}",
                    f"list:users!group={students}",
                    f"read:users!group={students}",
                    f"read:users:activity!group={students}",
                    f"read:servers!group={students}",
                    f"read:groups!group={students}",
                ],
                "groups": [self.instructor_group],
            },
            {
                "name": f"trainee-{course}",
                "description": "Find the course service (nbgrader's course list)",
                "scopes": ["list:services", f"read:services!service={course}"],
                "groups": [students],
            },
            {
                # nbgrader's course list asks the hub for the user's groups with
                # the server's token; the server acts for its own user only.
                "name": "server",
                "scopes": ["inherit"],
            },
            {
                "name": "idle-culler",
                "description": "Stop idle servers",
                "scopes": [
                    "list:users",
                    "read:users:activity",
                    "read:servers",
                    "delete:servers",
                ],
                "services": ["idle-culler"],
            },
        ]


def build_plan(people: Iterable[Person], options: HubOptions) -> HubPlan:
    """Accounts for everyone on the roster.

    Raises:
        HubPlanError: a bad course name or prefix, an id that cannot be a login
            name, a duplicate, or no instructor.
    """
    if not _COURSE_PATTERN.match(options.course):
        raise HubPlanError(
            f"课程名 {options.course!r} 只能用字母、数字、_ 和 -，最长 24 个字符。\n"
            f"Course name {options.course!r}: letters, digits, _ and - only, 24 at most."
        )
    if not _PREFIX_PATTERN.match(options.prefix):
        raise HubPlanError(
            f"账户前缀 {options.prefix!r} 须以小写字母开头，最长 8 个字符。\n"
            f"Account prefix {options.prefix!r} must start with a lower-case letter (8 max)."
        )
    _check_lessons_folder(options)
    accounts = _accounts(people, options)
    if not any(a.role == "instructor" for a in accounts):
        raise HubPlanError(
            "名单里没有教师（角色列填“教师”或 instructor）。\n"
            "The roster has no instructor (role column: 教师 or instructor)."
        )
    grader = f"{options.prefix}grader-{options.course.lower()}"[:32]
    layout = HubLayout(
        base=options.base, course=options.course, grader_home=options.home_root / grader
    )
    return HubPlan(options=options, accounts=tuple(accounts), grader=grader, layout=layout)


def _check_lessons_folder(options: HubOptions) -> None:
    """Lessons and fetched exercises must never share a folder.

    nbgrader (``path_includes_course = True``) looks for a fetched exercise at
    ``~/<course>/<exercise>``, so the lessons live beside that folder, never in
    it, and never under an exercise's name.
    """
    folder = lessons_home_folder(options)
    if not _COURSE_PATTERN.match(folder):
        raise HubPlanError(
            f"课程讲义目录名 {folder!r} 只能用字母、数字、_ 和 -。\n"
            f"Lessons folder {folder!r}: letters, digits, _ and - only."
        )
    clashes = {options.course, *_exercise_ids(options)}
    if folder in clashes:
        raise HubPlanError(
            f"课程讲义目录 ~/{folder} 与课程名或练习名相同，学员将无法领取练习。"
            "请用 --lessons-folder 换一个名字。\n"
            f"The lessons folder ~/{folder} has the name of the course or of an exercise; "
            "nbgrader would take it for a fetched exercise. Choose another --lessons-folder."
        )


def lessons_home_folder(options: HubOptions) -> str:
    """The lessons' folder in a home: the copy's name, or the nbgitpuller clone's."""
    if options.gitpuller_repo:
        return options.gitpuller_repo.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    return options.lessons_folder


def _exercise_ids(options: HubOptions) -> list[str]:
    """Names of the source assignments the hub will release (empty if unknown yet)."""
    folder = options.exercises
    if folder is None:
        from trainingkit.resources import ResourceMissing, exercises_dir

        try:
            folder = exercises_dir()
        except ResourceMissing:
            return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def _accounts(people: Iterable[Person], options: HubOptions) -> Sequence[Account]:
    accounts: list[Account] = []
    seen: set[str] = set()
    for person in people:
        hub_name = hub_login(str(person.id))
        if not HUB_NAME_PATTERN.match(hub_name) or hub_name.startswith("grader-"):
            raise HubPlanError(
                f"编号 {person.id!r}（{person.name}）不能作登录名：只能用字母、数字、_ 和 -，"
                "最长 24 个字符。\n"
                f"Id {person.id!r} cannot be a login name: letters, digits, _ and -, 24 at most."
            )
        if hub_name in seen:
            raise HubPlanError(
                f"编号 {person.id!r} 重复（不区分大小写）。\nDuplicate id {person.id!r}."
            )
        seen.add(hub_name)
        role = "instructor" if person.role == "instructor" else "trainee"
        system_name = options.prefix + hub_name
        accounts.append(
            Account(
                hub_name=hub_name,
                system_name=system_name,
                display_name=str(person.name),
                role=role,
                home=options.home_root / system_name,
            )
        )
    return accounts
