"""``trainingkit hub reset-password``: a new password for people who forgot theirs.

Nobody is admin on a cohort hub, so the organizer (root) does it. New passwords
are made as ``hub setup`` makes initial ones (`trainingkit.hub.passwords`) and, as
there, exist in plain text only on a new numbered printable account list that
holds just the reset people. The bcrypt hash goes to both places the
authenticator reads (`trainingkit.hub.auth`):

1. NativeAuthenticator's row in the hub's database, changed through its own ORM
   class (`nativeauthenticator.orm.UserInfo`) and JupyterHub's session factory —
   the hub looks the row up at every login, so a running hub takes the new
   password at once, without a restart;
2. the kit's ``accounts.json``, which seeds a row the database does not have yet
   (a hub never started, or a new database).

The account list is written first: a list whose passwords never took effect
harms nobody, a changed hash without its list locks the person out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from trainingkit.hub.installed import InstalledHub
from trainingkit.hub.passwords import (
    AccountRecord,
    Credential,
    account_list_url,
    generate_password,
    hash_password,
    next_account_list,
    save_accounts,
    write_account_list,
)
from trainingkit.hub.plan import HubPlanError, hub_login

__all__ = ["ResetResult", "reset_passwords"]


@dataclass(frozen=True)
class ResetResult:
    """What a reset changed.

    Attributes:
        logins: The people whose password was replaced.
        account_list: The printable list with their new passwords.
        in_database: Those whose row in the hub's database was changed (the others
            get the new hash when the hub next starts).
    """

    logins: tuple[str, ...]
    account_list: Path
    in_database: tuple[str, ...]


def reset_passwords(hub: InstalledHub, logins: Sequence[str], *, hub_url: str = "") -> ResetResult:
    """Give each of ``logins`` a new generated password.

    Args:
        hub: From `trainingkit.hub.installed.open_installed`.
        logins: Hub login names (case and spaces as a person types them).
        hub_url: Address printed on the list; default that of the newest list.

    Raises:
        HubPlanError: a login is not an account of this hub, or is disabled;
            nothing was changed.
    """
    wanted = list(dict.fromkeys(hub_login(login) for login in logins))
    unknown = [login for login in wanted if login not in hub.records]
    if unknown:
        raise HubPlanError(
            f"课程 {hub.course} 没有这些账户：{'、'.join(unknown)}，未作任何改动。"
            f"（已有账户见 {hub.layout.account_table}）\n"
            f"Not accounts of course {hub.course}: {', '.join(unknown)}; nothing was changed."
        )
    disabled = [login for login in wanted if not hub.records[login].enabled]
    if disabled:
        raise HubPlanError(
            f"这些账户已停用（不在名单上）：{'、'.join(disabled)}，未作任何改动。"
            "请先把他们加回名单并重新运行 hub setup。\n"
            f"Disabled accounts (not on the roster): {', '.join(disabled)}; nothing was "
            "changed. Put them back on the roster and rerun hub setup first."
        )
    credentials = [Credential(hub.account(login), generate_password()) for login in wanted]
    hashes = {c.account.hub_name: hash_password(c.password) for c in credentials}
    layout = hub.layout
    account_list = write_account_list(
        next_account_list(layout.private),
        credentials,
        course=hub.course,
        hub_url=hub_url or account_list_url(layout.private),
        reset=True,
    )
    records = dict(hub.records)
    for login, digest in hashes.items():
        old = records[login]
        records[login] = AccountRecord(digest, old.enabled, old.system_name, old.role)
    save_accounts(layout.accounts_file, records)
    in_database = _update_database(layout.hub_db, hashes) if layout.hub_db.is_file() else []
    return ResetResult(tuple(wanted), account_list, tuple(in_database))


def _update_database(path: Path, hashes: dict[str, str]) -> list[str]:
    """Set the hash of each existing NativeAuthenticator row; return whose changed."""
    from jupyterhub.orm import new_session_factory
    from nativeauthenticator.orm import UserInfo

    session = new_session_factory(f"sqlite:///{path}")()
    try:
        changed = []
        for login, digest in hashes.items():
            info = UserInfo.find(session, login)
            if info is not None:
                info.password = digest.encode("ascii")
                changed.append(login)
        session.commit()
        return changed
    finally:
        session.close()
        session.get_bind().dispose()
