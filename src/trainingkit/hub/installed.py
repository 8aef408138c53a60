"""What ``trainingkit hub setup`` left on this machine, read back for later commands.

``hub reset-password`` and ``hub teardown`` know a cohort hub only by its course
and base directory. Everything else comes from the kit's own records there, never
from a pattern over ``/etc/passwd``:

- ``state/accounts.json`` (`trainingkit.hub.passwords`): every hub account setup
  ever created for the course, enabled or disabled, with its system account;
- ``etc/accounts-plan.tsv`` (`trainingkit.hub.hubconfig`): names, roles and homes
  of the people on the current roster, and the grader account with its home.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from trainingkit.hub.passwords import AccountRecord, load_accounts
from trainingkit.hub.plan import Account, HubLayout, HubPlanError, default_hub_base

__all__ = ["InstalledHub", "open_installed", "require_root"]


@dataclass(frozen=True)
class InstalledHub:
    """A cohort hub as set up on this machine.

    Attributes:
        layout: Its paths (the grader's home as recorded by setup).
        grader: The grader account's name.
        records: Every hub account of the course: login → record (no plain password).
        planned: People on the roster of the last setup run: login → account.
    """

    layout: HubLayout
    grader: str
    records: dict[str, AccountRecord]
    planned: dict[str, Account]

    @property
    def course(self) -> str:
        """The nbgrader course id."""
        return self.layout.course

    def home_of(self, system_name: str) -> Path:
        """The home setup gave ``system_name``: ``<home root>/<system name>``."""
        return self.layout.grader_home.parent / system_name

    def account(self, login: str) -> Account:
        """The hub account ``login`` (its roster name, if it is still on the roster)."""
        if login in self.planned:
            return self.planned[login]
        record = self.records[login]
        return Account(
            login, record.system_name, login, record.role, self.home_of(record.system_name)
        )


def require_root(command: str) -> None:
    """Raise unless running as root."""
    if os.geteuid() != 0:
        raise HubPlanError(f"hub {command} 需要 root 权限。\nhub {command} must run as root.")


def open_installed(course: str, base: Path | None = None) -> InstalledHub:
    """Read the records of the hub of ``course`` (default ``/opt/trainingkit-hub/<course>``).

    Raises:
        HubPlanError: no hub of that course was set up there.
    """
    base = (base or default_hub_base(course)).resolve()
    probe = HubLayout(base=base, course=course, grader_home=base)
    if not probe.accounts_file.is_file() or not probe.account_table.is_file():
        raise HubPlanError(
            f"{base} 下没有课程 {course} 的中心（缺 {probe.accounts_file.name} 或 "
            f"{probe.account_table.name}）。请检查 --course 和 --base。\n"
            f"No hub of course {course} was set up in {base} (no {probe.accounts_file} "
            f"or {probe.account_table}); check --course and --base."
        )
    planned: dict[str, Account] = {}
    grader: tuple[str, Path] | None = None
    lines = probe.account_table.read_text(encoding="utf-8").splitlines()[1:]
    for line in filter(str.strip, lines):
        login, system_name, role, *names, home = line.split("\t")
        name = "\t".join(names)
        if role == "grader":
            grader = (system_name, Path(home))
        else:
            planned[login] = Account(login, system_name, name, role, Path(home))
    if grader is None:
        raise HubPlanError(
            f"{probe.account_table} 里没有批改账户，文件不完整。\n"
            f"{probe.account_table} names no grader account; the file is incomplete."
        )
    layout = HubLayout(base=base, course=course, grader_home=grader[1])
    return InstalledHub(layout, grader[0], load_accounts(layout.accounts_file), planned)
