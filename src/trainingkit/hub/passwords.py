"""Initial passwords: generated, stored only as bcrypt hashes, handed out on paper.

The plain text of an initial password exists in two places only: in memory
while ``trainingkit hub setup`` runs, and in the printable account list
(``.xlsx``, mode ``0600``, root-only directory) given to the organizer. The hub
keeps bcrypt hashes (`save_accounts` → `trainingkit.hub.auth`). Trainees change
their password at ``/hub/change-password``.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import bcrypt

from trainingkit.hub.plan import Account

__all__ = [
    "AccountRecord",
    "Credential",
    "account_list_url",
    "generate_password",
    "hash_password",
    "load_accounts",
    "next_account_list",
    "save_accounts",
    "write_account_list",
]

_URL_LABEL = "地址："

# No 0/O, 1/l/I: the list is read off paper.
_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class Credential:
    """A new account and its initial password, for the printable list."""

    account: Account
    password: str


@dataclass(frozen=True)
class AccountRecord:
    """What the hub keeps of an account between runs (no plain password)."""

    hash: str
    enabled: bool
    system_name: str
    role: str


def generate_password(length: int = 10) -> str:
    """A random password from an alphabet without look-alike characters.

    >>> len(generate_password())
    10
    """
    while True:
        password = "".join(secrets.choice(_ALPHABET) for _ in range(length))
        if any(c.isdigit() for c in password) and any(c.isalpha() for c in password):
            return password


def hash_password(password: str) -> str:
    """bcrypt hash, as NativeAuthenticator stores it."""
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode("ascii")


def load_accounts(path: Path) -> dict[str, AccountRecord]:
    """Accounts saved by an earlier run; empty if there was none."""
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))["accounts"]
    return {name: AccountRecord(**record) for name, record in raw.items()}


def save_accounts(path: Path, accounts: Mapping[str, AccountRecord]) -> None:
    """Write the accounts file, readable by root only."""
    data = {"accounts": {name: vars(record) for name, record in sorted(accounts.items())}}
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(".tmp")
    with os.fdopen(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        json.dump(data, f, indent=1)
    temporary.replace(path)


def next_account_list(private: Path) -> Path:
    """The next numbered account list in ``private``: ``accounts-001.xlsx``, ``-002`` …"""
    number = len(list(private.glob("accounts-*.xlsx"))) + 1
    while (path := private / f"accounts-{number:03d}.xlsx").exists():
        number += 1
    return path


def account_list_url(private: Path) -> str:
    """The hub address printed on the newest account list in ``private`` ('' if none)."""
    from openpyxl import load_workbook

    lists = sorted(private.glob("accounts-*.xlsx"))
    if not lists:
        return ""
    sheet = load_workbook(lists[-1]).active
    title = str(sheet["A1"].value or "") if sheet is not None else ""
    return title.partition(_URL_LABEL)[2].strip()


def write_account_list(
    path: Path,
    credentials: Sequence[Credential],
    *,
    course: str,
    hub_url: str,
    reset: bool = False,
) -> Path:
    """A printable ``.xlsx`` of logins and initial passwords, mode ``0600``.

    Args:
        path: Output file; its directory is created ``0700``.
        credentials: New accounts with their passwords.
        course: Course id, shown in the title.
        hub_url: Address the trainees open, shown in the title.
        reset: The passwords replace forgotten ones (``hub reset-password``).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "账户"
    note = "重设的密码，登录后请立即修改" if reset else "初始密码，首次登录后请修改"
    sheet.append([f"{course} 培训班账户（{note}）  {_URL_LABEL}{hub_url}"])
    sheet.append(["姓名", "登录名", "新密码" if reset else "初始密码", "角色", "修改密码"])
    for credential in credentials:
        account = credential.account
        role = "教师" if account.role == "instructor" else "学员"
        sheet.append(
            [
                account.display_name,
                account.hub_name,
                credential.password,
                role,
                "/hub/change-password",
            ]
        )
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", (16, 14, 16, 8, 24), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(vertical="center")
            cell.font = Font(name="Consolas" if cell.column == 3 else None, size=12)
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    book.save(path)
    path.chmod(0o600)
    return path
