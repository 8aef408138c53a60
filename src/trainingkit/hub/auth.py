"""The hub's authenticator: NativeAuthenticator, seeded with the cohort's accounts.

``trainingkit hub setup`` writes the accounts with bcrypt hashes of their initial
passwords into a root-only JSON file (`trainingkit.hub.passwords.save_accounts`).
When the hub starts, `CohortAuthenticator` copies new accounts into
NativeAuthenticator's table and marks disabled ones unauthorised. It never
overwrites a stored password, so a trainee's own change (``/hub/change-password``)
survives reruns and restarts. Signing up is off: only roster people exist.

Of NativeAuthenticator's pages only ``/hub/change-password`` is served. Its own
login page (1.3.0) fails on JupyterHub 6 (it uses the removed ``statsd``), so the
hub's standard login form is used; it calls the same `authenticate`, with the
same lock-out after repeated failures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import ChangePasswordHandler
from nativeauthenticator.orm import UserInfo
from traitlets import Unicode

__all__ = ["CohortAuthenticator", "sync_accounts"]


class CohortAuthenticator(NativeAuthenticator):
    """NativeAuthenticator whose users come from ``accounts_file``."""

    accounts_file = Unicode(
        "",
        config=True,
        help="JSON written by `trainingkit hub setup`: login name -> bcrypt hash, enabled.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.accounts_file:
            added, disabled = sync_accounts(self.db, Path(self.accounts_file))
            self.log.info("cohort accounts: %d added, %d disabled", added, disabled)

    def get_handlers(self, app: Any) -> list[tuple[str, type]]:
        """Only the change-password page (no sign-up, no admin approval pages)."""
        return [(r"/change-password", ChangePasswordHandler)]


def sync_accounts(db: Any, accounts_file: Path) -> tuple[int, int]:
    """Bring NativeAuthenticator's table in line with ``accounts_file``.

    Args:
        db: The hub's SQLAlchemy session.
        accounts_file: ``{"accounts": {login: {"hash": str, "enabled": bool}}}``.

    Returns:
        How many accounts were added, and how many are disabled.
    """
    accounts = json.loads(accounts_file.read_text(encoding="utf-8"))["accounts"]
    added = disabled = 0
    for name, account in accounts.items():
        enabled = bool(account["enabled"])
        disabled += not enabled
        info = UserInfo.find(db, name)
        if info is None:
            db.add(
                UserInfo(
                    username=name,
                    password=account["hash"].encode("ascii"),
                    is_authorized=enabled,
                )
            )
            added += 1
        elif info.is_authorized != enabled:
            info.is_authorized = enabled
    db.commit()
    return added, disabled
