"""Linux accounts of a cohort hub: create, disable, re-enable, and (tests only) remove.

Every function is idempotent and acts only on the names it is given; it never
touches an account it did not create (`ensure_user` refuses to adopt an existing
account whose home is not the planned one). It shells out to the standard
``useradd``/``usermod``/``userdel`` tools, which need root.
"""

from __future__ import annotations

import grp
import pwd
import subprocess
from pathlib import Path

__all__ = [
    "AccountError",
    "disable_user",
    "enable_user",
    "ensure_user",
    "remove_user",
    "user_exists",
]


class AccountError(RuntimeError):
    """A system account could not be made as planned (Chinese + English message)."""


def user_exists(name: str) -> bool:
    """Whether a system account ``name`` exists."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def ensure_user(name: str, home: Path, *, comment: str = "") -> bool:
    """Create a locked-password system account with a private home, unless it exists.

    The account has no usable Unix password (logins go through the hub) and a
    personal group; the home is ``0700``.

    Returns:
        True if the account was created now.

    Raises:
        AccountError: the name belongs to an account with another home.
    """
    if user_exists(name):
        existing = Path(pwd.getpwnam(name).pw_dir)
        if existing != home:
            raise AccountError(
                f"系统账户 {name} 已存在，但主目录是 {existing} 而不是 {home}，未作改动。\n"
                f"System account {name} exists with home {existing}, not {home}; left alone."
            )
        return False
    home.parent.mkdir(parents=True, exist_ok=True)
    _run(
        "useradd",
        "--create-home",
        "--home-dir",
        str(home),
        "--shell",
        "/bin/bash",
        "--user-group",
        "--comment",
        comment.replace(":", " ") or name,
        name,
    )
    home.chmod(0o700)
    return True


def disable_user(name: str) -> None:
    """Lock the account and expire it; its home and files stay as they are."""
    if user_exists(name):
        _run("usermod", "--lock", "--expiredate", "1", name)


def enable_user(name: str) -> None:
    """Undo `disable_user` (the Unix password stays locked; logins go through the hub)."""
    if user_exists(name):
        _run("usermod", "--expiredate", "", name)


def remove_user(name: str, *, home: bool = True) -> None:
    """Delete an account, its personal group and (by default) its home; for tests."""
    if user_exists(name):
        args = ["userdel", "--force"]
        if home:
            args.append("--remove")
        subprocess.run([*args, name], check=False, capture_output=True)
    try:
        grp.getgrnam(name)
    except KeyError:
        return
    subprocess.run(["groupdel", name], check=False, capture_output=True)


def _run(*command: str) -> None:
    result = subprocess.run(list(command), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AccountError(
            f"命令失败：{' '.join(command)}\n{result.stderr.strip()}\n"
            f"Command failed: {' '.join(command)} (needs root)."
        )
