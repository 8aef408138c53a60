"""The cohort roster: reading a spreadsheet of trainees and importing it.

`read_roster` reads CSV (UTF-8, UTF-8 with BOM or GB18030) or ``.xlsx`` with
headers in Chinese or English and returns validated `RosterEntry` rows, or raises
`RosterError` listing every problem with its row and column. It changes nothing
and is used by the hub too. `import_roster` writes the entries into a cohort:
trainees into nbgrader's gradebook (``students``: id, 姓名 in ``last_name``,
email) and everybody, with 界别/单位/角色, into the cohort's ``roster.json``.

People are never deleted: an import of the whole cohort (``complete``, as
``hub setup`` does with its roster) records who is no longer on it in
``roster.json``'s ``removed`` list, and `current_trainees` leaves them out of
progress, exports and the report; their gradebook rows and grades stay.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainingkit.cohort.directory import CohortError
from trainingkit.cohort.spreadsheets import normalise, read_table

if TYPE_CHECKING:
    from trainingkit.cohort.directory import Cohort

__all__ = [
    "ID_PATTERN",
    "ROLES",
    "ImportResult",
    "RosterEntry",
    "RosterError",
    "RosterProblem",
    "current_trainees",
    "import_roster",
    "load_roster",
    "read_roster",
    "removed_ids",
]

#: An account id must work as a login name on a hub and in nbgrader's paths:
#: a lowercase letter, then up to 23 lowercase letters, digits, ``_`` or ``-``
#: (24 in all: the hub's limit, `trainingkit.hub.plan.HUB_NAME_PATTERN`, which
#: leaves room for the system account prefix within Linux's 32).
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,23}$")
#: Accepted spellings of a role → the stored value.
ROLES = {"": "trainee", "学员": "trainee", "trainee": "trainee", "教师": "instructor",
         "instructor": "instructor"}  # fmt: skip
_HEADERS = {
    "id": ("id", "账号", "帐号", "用户名", "username", "login"),
    "name": ("name", "姓名"),
    "sector": ("sector", "界别"),
    "unit": ("unit", "单位", "工作单位"),
    "email": ("email", "邮箱", "电子邮箱", "e-mail"),
    "role": ("role", "角色"),
}
_REQUIRED = ("id", "name", "sector", "unit")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class RosterEntry:
    """One person of a cohort. ``role`` is ``"trainee"`` or ``"instructor"``."""

    id: str
    name: str
    sector: str = ""
    unit: str = ""
    email: str = ""
    role: str = "trainee"


@dataclass(frozen=True)
class RosterProblem:
    """What is wrong where: ``row`` as the spreadsheet numbers it (header = 1)."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行" if self.row else "表头"
        return f"{where}，{self.column} 列：{self.message}"


class RosterError(CohortError):
    """The roster file cannot be used; ``problems`` lists each problem."""

    def __init__(self, path: str | Path, problems: list[RosterProblem]) -> None:
        self.path = Path(path)
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            f"名单 {self.path.name} 有 {len(problems)} 处问题，未导入任何记录：\n{lines}\n"
            f"Roster {self.path.name} has {len(problems)} problem(s); nothing was imported."
        )


@dataclass(frozen=True)
class ImportResult:
    """Counts of one import."""

    added: int
    updated: int
    unchanged: int
    removed: int = 0  # newly marked as no longer on the roster


def read_roster(path: str | Path) -> list[RosterEntry]:
    """Read and validate a roster file; nothing is written.

    Raises:
        RosterError: with every problem found (row, column, message).
    """
    path = Path(path)
    try:
        header, rows = read_table(path)
    except (OSError, ValueError) as error:
        raise RosterError(path, [RosterProblem(0, "-", str(error))]) from error
    columns: dict[str, int] = {}
    problems: list[RosterProblem] = []
    for index, title in enumerate(header):
        key = normalise(title).lower()
        field = next((f for f, names in _HEADERS.items() if key in names), None)
        if field is None:
            continue  # other columns (备注, 电话…) are ignored
        if field in columns:
            problems.append(RosterProblem(1, title, "列名重复 duplicate column"))
        columns[field] = index
    missing = [f for f in _REQUIRED if f not in columns]
    for field in missing:
        names = "/".join(_HEADERS[field][:2])
        problems.append(RosterProblem(1, names, "缺少这一列 column missing"))
    if problems:
        raise RosterError(path, problems)
    entries: list[RosterEntry] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        entry, row_problems = _entry(number, row, columns, header, seen)
        problems.extend(row_problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        raise RosterError(path, problems)
    if not entries:
        raise RosterError(path, [RosterProblem(2, "-", "名单是空的 the roster is empty")])
    return entries


def _entry(
    number: int, row: list[str], columns: dict[str, int], header: list[str], seen: dict[str, int]
) -> tuple[RosterEntry | None, list[RosterProblem]]:
    def value(field: str) -> str:
        index = columns.get(field)
        return normalise(row[index]) if index is not None and index < len(row) else ""

    def column(field: str) -> str:
        return header[columns[field]]

    problems: list[RosterProblem] = []
    account, role_text = value("id").lower(), value("role").lower()
    name = _CJK_GAP.sub("", value("name"))  # "李　四" is padding, not part of the name
    if not account:
        problems.append(RosterProblem(number, column("id"), "账号为空 missing id"))
    elif not ID_PATTERN.match(account):
        problems.append(RosterProblem(number, column("id"), (
            f"账号 {account!r} 不能用作登录名：须以小写字母开头，只含小写字母、数字、_ 或 -，"
            f"最长 24 位 (id must match {ID_PATTERN.pattern})")))  # fmt: skip
    elif account in seen:
        problems.append(RosterProblem(number, column("id"),
            f"账号 {account} 与第 {seen[account]} 行重复 duplicate id"))  # fmt: skip
    else:
        seen[account] = number
    if not name:
        problems.append(RosterProblem(number, column("name"), "姓名为空 empty name"))
    role = ROLES.get(role_text)
    if role is None:
        problems.append(RosterProblem(number, column("role"),
            f"角色 {role_text!r} 未知，应为 学员 或 教师 (trainee/instructor)"))  # fmt: skip
    if role == "trainee" and not value("sector"):
        problems.append(RosterProblem(number, column("sector"), "学员的界别为空 empty sector"))
    email = value("email")
    if email and not _EMAIL.match(email):
        problems.append(
            RosterProblem(number, column("email"), f"邮箱 {email!r} 格式不对 bad email")
        )
    if problems or role is None:
        return None, problems
    entry = RosterEntry(account, name, value("sector"), value("unit"), email, role)
    return entry, []


def load_roster(cohort: Cohort) -> list[RosterEntry]:
    """The cohort's imported roster (empty before the first import), sorted by id.

    Everybody ever imported, including people marked removed (`removed_ids`).
    """
    return [RosterEntry(**item) for item in _roster_data(cohort).get("people", [])]


def removed_ids(cohort: Cohort) -> set[str]:
    """Ids of people an import of the whole cohort no longer listed."""
    return set(_roster_data(cohort).get("removed", []))


def current_trainees(cohort: Cohort) -> list[RosterEntry]:
    """The roster's trainees who are still on it, sorted by id."""
    gone = removed_ids(cohort)
    return [e for e in load_roster(cohort) if e.role == "trainee" and e.id not in gone]


def _roster_data(cohort: Cohort) -> dict[str, Any]:
    if not cohort.roster_file.is_file():
        return {}
    data: dict[str, Any] = json.loads(cohort.roster_file.read_text(encoding="utf-8"))
    return data


def import_roster(cohort: Cohort, path: str | Path, *, complete: bool = False) -> ImportResult:
    """Validate ``path`` and merge it into the cohort (all or nothing).

    People already in the cohort are updated by id, new ones are added, people
    not in the file are kept. Trainees go into nbgrader's gradebook; instructors
    only into ``roster.json``. Someone marked removed who is in the file is back.

    Args:
        complete: The file lists the whole cohort: everybody imported before and
            missing from it is marked removed (kept, grades and all).

    Raises:
        RosterError: the file has problems; nothing was written.
    """
    entries = read_roster(path)
    current = {e.id: e for e in load_roster(cohort)}
    listed = {e.id for e in entries}
    before = removed_ids(cohort)
    removed = (before | (set(current) if complete else set())) - listed
    added = sum(1 for e in entries if e.id not in current)
    unchanged = sum(1 for e in entries if current.get(e.id) == e and e.id not in before)
    merged = {**current, **{e.id: e for e in entries}}
    with cohort.gradebook() as gradebook:
        for entry in entries:
            if entry.role == "trainee":
                gradebook.update_or_create_student(
                    entry.id, last_name=entry.name, first_name=None, email=entry.email or None
                )
    people = [asdict(merged[key]) for key in sorted(merged)]
    text = json.dumps({"people": people, "removed": sorted(removed)}, ensure_ascii=False, indent=1)
    temporary = cohort.roster_file.with_suffix(".json.tmp")
    temporary.write_text(text + "\n", encoding="utf-8")
    os.replace(temporary, cohort.roster_file)
    return ImportResult(
        added=added,
        updated=len(entries) - added - unchanged,
        unchanged=unchanged,
        removed=len(removed - before),
    )
