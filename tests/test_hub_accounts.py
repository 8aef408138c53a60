"""The organizer's account commands on a real cohort hub: reset-password, teardown.

``hub reset-password`` runs against a JupyterHub started from the generated
configuration: the old password stops working and the new one logs in, without a
restart. ``hub teardown`` runs against real accounts made by ``hub setup`` (with
a random ``tkt…-`` prefix, see `hub_fixtures`), once on a running hub and once
keeping the homes.
"""

from __future__ import annotations

import os
import pwd
import stat
import tarfile
from collections.abc import Iterator
from pathlib import Path

import bcrypt
import pytest
from click.testing import CliRunner, Result
from hub_fixtures import (
    COURSE,
    Hub,
    login,
    read_passwords,
    running_hub,
    set_up_hub,
)

from trainingkit.cli import main
from trainingkit.cohort.roster import read_roster
from trainingkit.hub.accounts import ensure_user, remove_user, user_exists
from trainingkit.hub.deploy import apply_setup
from trainingkit.hub.passwords import load_accounts
from trainingkit.hub.plan import build_plan

pytestmark = [pytest.mark.hub, pytest.mark.slow, pytest.mark.timeout(600)]


def _hub_cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["hub", *map(str, args)])


def _lists(hub: Hub) -> list[Path]:
    return sorted(hub.plan.layout.private.glob("accounts-*.xlsx"))


@pytest.fixture(scope="module")
def hub() -> Iterator[Hub]:
    with running_hub(trainees=("t001", "t002")) as running:
        yield running


def test_reset_password_replaces_the_old_one_on_the_running_hub(hub: Hub) -> None:
    old = hub.passwords["t001"]
    login(hub, "t001", old)  # the hub has read the row before the reset
    before = _lists(hub)
    result = _hub_cli("reset-password", "--course", COURSE, "--base", hub.plan.layout.base,
                      "T001")  # fmt: skip
    assert result.exit_code == 0, result.output
    (sheet,) = set(_lists(hub)) - set(before)
    assert sheet.name == "accounts-002.xlsx"
    assert str(sheet) in result.output
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    passwords = read_passwords(sheet)
    assert list(passwords) == ["t001"]  # only the reset person is on the new list
    new = passwords["t001"]
    assert new != old
    assert new not in result.output
    assert new not in hub.log.read_text(encoding="utf-8", errors="replace")
    with pytest.raises(PermissionError):
        login(hub, "t001", old)
    login(hub, "t001", new)
    login(hub, "t002")  # the others keep theirs
    record = load_accounts(hub.plan.layout.accounts_file)["t001"]
    assert bcrypt.checkpw(new.encode(), record.hash.encode())  # a new database is seeded right
    from openpyxl import load_workbook

    title = str(load_workbook(sheet).active["A1"].value)
    assert "重设的密码" in title and hub.url in title


def test_reset_password_refuses_an_unknown_login_and_changes_nothing(hub: Hub) -> None:
    before = _lists(hub)
    accounts = hub.plan.layout.accounts_file.read_bytes()
    result = _hub_cli("reset-password", "--course", COURSE, "--base", hub.plan.layout.base,
                      "t002", "nobody9")  # fmt: skip
    assert result.exit_code == 2
    assert "nobody9" in result.output and "未作任何改动" in result.output
    assert _lists(hub) == before
    assert hub.plan.layout.accounts_file.read_bytes() == accounts
    login(hub, "t002")


def test_reset_password_of_another_course_is_refused(hub: Hub, tmp_path: Path) -> None:
    result = _hub_cli("reset-password", "--course", COURSE, "--base", tmp_path, "t001")
    assert result.exit_code == 2
    assert "No hub of course" in result.output


def _members(archive: Path) -> set[str]:
    with tarfile.open(archive, "r:gz") as tar:
        return set(tar.getnames())


def test_teardown_lists_first_then_archives_and_removes_only_the_courses_accounts(
    tmp_path: Path,
) -> None:
    with running_hub(trainees=("t001",)) as hub:
        layout, base = hub.plan.layout, hub.plan.layout.base
        submitted = layout.cohort / "submitted" / "t001" / "01-duties" / "answers.json"
        submitted.parent.mkdir(parents=True)
        submitted.write_text('{"q1": "A"}', encoding="utf-8")
        # same prefix, not in the kit's records: teardown must leave it alone
        stranger = f"{hub.plan.options.prefix}zz9"
        ensure_user(stranger, base.parent / "home" / stranger)
        try:
            listing = _hub_cli("teardown", "--course", COURSE, "--base", base)
            assert listing.exit_code == 0, listing.output
            assert "未作任何改动" in listing.output
            assert f"stop the running hub: pid {hub.process.pid}" in listing.output
            assert str(base.parent / "hub-archive-") in listing.output
            for name in hub.created_users:
                assert name in listing.output
                assert user_exists(name)
            assert stranger not in listing.output
            assert base.is_dir() and hub.process.poll() is None
            archive = tmp_path / "kept" / "cohort.tar.gz"
            result = _hub_cli("teardown", "--course", COURSE, "--base", base,
                              "--archive", archive, "--yes")  # fmt: skip
            assert result.exit_code == 0, result.output
            assert result.output.index(str(archive)) < result.output.index("已拆除")
            assert hub.process.wait(timeout=30) is not None  # the hub was stopped
            for name in hub.created_users:
                assert not user_exists(name), name
            assert not base.exists() and not layout.grader_home.exists()
            assert not [a.home for a in hub.plan.accounts if a.home.exists()]
            assert user_exists(stranger)
            assert stat.S_IMODE(archive.stat().st_mode) == 0o600
            members = _members(archive)
            top = f"{COURSE}-archive"
            assert {f"{top}/course/gradebook.db", f"{top}/scores.xlsx",
                    f"{top}/course/submitted/t001/01-duties/answers.json",
                    f"{top}/etc/jupyterhub_config.py"} <= members  # fmt: skip
            assert not [m for m in members if "accounts.json" in m or "accounts-0" in m]
            assert not [m for m in members if m.endswith(".sqlite")]
        finally:
            remove_user(stranger)


def test_teardown_keep_homes_removes_accounts_but_keeps_homes_for_root() -> None:
    with set_up_hub(trainees=("t001",)) as (plan, _):
        users = [plan.grader, *(a.system_name for a in plan.accounts)]
        homes = [plan.layout.grader_home, *(a.home for a in plan.accounts)]
        draft = homes[1] / "draft.txt"
        draft.write_text("提案草稿", encoding="utf-8")
        owner = pwd.getpwnam(plan.accounts[0].system_name)
        os.chown(draft, owner.pw_uid, owner.pw_gid)
        archive = plan.layout.base.parent / "a.tar.gz"
        args = ("teardown", "--course", COURSE, "--base", plan.layout.base, "--archive", archive)
        result = _hub_cli(*args, "--keep-homes", "--yes")
        assert result.exit_code == 0, result.output
        assert "kept, owned by root" in result.output
        for name in users:
            assert not user_exists(name), name
        for home in homes:
            assert home.is_dir(), home
            assert home.stat().st_uid == 0 and stat.S_IMODE(home.stat().st_mode) == 0o700
        assert draft.stat().st_uid == 0 and draft.read_text(encoding="utf-8") == "提案草稿"
        assert (plan.layout.cohort / "gradebook.db").is_file()
        assert f"{COURSE}-archive/course/gradebook.db" in _members(archive)
        assert not plan.layout.base.exists()
        again = _hub_cli(*args, "--yes")  # nothing left to tear down, and the archive exists
        assert again.exit_code == 2, again.output


def test_teardown_refuses_to_overwrite_an_archive() -> None:
    with set_up_hub(trainees=("t001",)) as (plan, _):
        archive = plan.layout.base.parent / "old.tar.gz"
        archive.write_bytes(b"an earlier archive")
        result = _hub_cli("teardown", "--course", COURSE, "--base", plan.layout.base,
                          "--archive", archive, "--yes")  # fmt: skip
        assert result.exit_code == 2
        assert "已存在" in result.output
        assert archive.read_bytes() == b"an earlier archive"
        assert plan.layout.base.is_dir()
        assert all(user_exists(a.system_name) for a in plan.accounts)


def test_reset_before_the_hub_ever_started_seeds_the_new_password(tmp_path: Path) -> None:
    from jupyterhub import orm
    from nativeauthenticator.orm import UserInfo

    from trainingkit.hub.auth import sync_accounts

    with set_up_hub(trainees=("t001", "t002")) as (plan, roster):
        base = plan.layout.base
        result = _hub_cli("reset-password", "--course", COURSE, "--base", base, "t001")
        assert result.exit_code == 0, result.output
        assert "effective when the hub next starts: t001" in result.output
        new = read_passwords(base / "private" / "accounts-002.xlsx")["t001"]
        db = orm.new_session_factory(f"sqlite:///{tmp_path / 'hub.sqlite'}")()
        sync_accounts(db, plan.layout.accounts_file)
        assert UserInfo.find(db, "t001").is_valid_password(new)
        db.close()
        # someone taken off the roster is disabled: no password for them
        rows = roster.read_text(encoding="utf-8").splitlines()
        roster.write_text("\n".join(r for r in rows if not r.startswith("t002,")) + "\n",
                          encoding="utf-8")  # fmt: skip
        smaller = build_plan(read_roster(roster), plan.options)
        apply_setup(smaller, roster, hub_url="http://127.0.0.1/")
        refused = _hub_cli("reset-password", "--course", COURSE, "--base", base, "t002")
        assert refused.exit_code == 2
        assert "已停用" in refused.output
        assert not (base / "private" / "accounts-003.xlsx").exists()
