"""A root run on another account's cohort leaves nothing root-owned (the hub's case).

On a hub the organizer grades as root in the grader account's cohort, and the
instructor then runs the other commands as that account. These tests make a real
account, a cohort it owns, run real ``trainingkit`` commands as root and then as
the account, as the hub does.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from grading_support import make_cohort
from hub_fixtures import shared_runtime

from trainingkit.cohort.assignments import collect
from trainingkit.cohort.directory import Cohort
from trainingkit.cohort.ownership import give_back, kept_by_owner
from trainingkit.cohort.roster import import_roster
from trainingkit.demo.simulate import fetch, submit
from trainingkit.hub.accounts import ensure_user, remove_user

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture
def account() -> Iterator[tuple[str, Path]]:
    """A fresh system account (unique name) and a world-reachable folder; both removed after."""
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.fail("these tests need root and runuser (as the hub tests do)")
    public = Path(tempfile.mkdtemp(prefix="tk-owner-", dir="/tmp"))
    public.chmod(0o755)
    name = f"tkown{secrets.token_hex(3)}"
    try:
        ensure_user(name, public / "home", comment="trainingkit ownership test")
        yield name, public
    finally:
        remove_user(name)
        shutil.rmtree(public, ignore_errors=True)


def _cohort_of(name: str, public: Path) -> Cohort:
    cohort = make_cohort(public / "c")
    roster = public / "名单.csv"
    roster.write_text("账号,姓名,界别,单位\nann,甲,经济界,某单位\nbob,乙,教育界,某学校\n",
                      encoding="utf-8")  # fmt: skip
    import_roster(cohort, roster)
    for student in ("ann", "bob"):  # through nbgrader's exchange, as trainees submit
        fetch(cohort, student, "ps1", public / student)
        submit(cohort, student, "ps1", public / student, datetime(2026, 11, 28, 9, 0))
    collect(cohort)
    owner = pwd.getpwnam(name)
    for path in [cohort.root, *cohort.root.rglob("*")]:
        os.chown(path, owner.pw_uid, owner.pw_gid, follow_symlinks=False)
    cohort.root.chmod(0o700)  # as the grader's cohort on a hub
    return cohort


def _kit(*args: str, user: str | None = None) -> subprocess.CompletedProcess[str]:
    python = str(shared_runtime() / "bin" / "python")
    command = [python, "-m", "trainingkit", *args]
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=400, check=False,
                          cwd="/")  # fmt: skip


def _root_owned(*folders: Path) -> list[Path]:
    return [p for f in folders for p in (f, *f.rglob("*")) if p.lstat().st_uid == 0]


def test_after_grading_as_root_the_account_runs_feedback_and_progress(
    account: tuple[str, Path],
) -> None:
    name, public = account
    cohort = _cohort_of(name, public)
    graded = _kit("grade", "--cohort", str(cohort.root))
    assert graded.returncode == 0, graded.stdout + graded.stderr
    assert cohort.autograded("ann", "ps1").is_dir() and cohort.state_dir.is_dir()
    assert _root_owned(cohort.root) == []
    uid = pwd.getpwnam(name).pw_uid
    assert cohort.autograded("ann", "ps1").stat().st_uid == uid
    # the instructor's commands, as the cohort's account (its grade run has its own
    # sandbox lock files beside root's 0600 ones: no PermissionError)
    account_commands = (("grade", "--force"), ("feedback",), ("progress",),
                        ("export", "-o", str(cohort.root / "成绩.csv")))  # fmt: skip
    for args in account_commands:
        run = _kit(*args, "--cohort", str(cohort.root), user=name)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Traceback" not in run.stderr and "PermissionError" not in run.stderr
    assert (cohort.root / "成绩.csv").stat().st_uid == uid
    # root again (an export, a regrade): still nothing root-owned, exchange included
    regraded = _kit("grade", "--force", "--cohort", str(cohort.root))
    assert regraded.returncode == 0, regraded.stdout + regraded.stderr
    exported = _kit("export", "-o", str(cohort.root / "成绩.xlsx"), "--format", "xlsx",
                    "--cohort", str(cohort.root))  # fmt: skip
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert _root_owned(cohort.root) == []


def test_a_root_owned_leftover_is_a_message_with_the_fix_not_a_traceback(
    account: tuple[str, Path],
) -> None:
    name, public = account
    cohort = _cohort_of(name, public)
    blocked = cohort.root / "reports"
    blocked.mkdir()  # root's, 0755: as an older kit's root run left its folders
    run = _kit("progress", "--format", "xlsx", "-o", str(blocked / "进度.xlsx"),
               "--cohort", str(cohort.root), user=name)  # fmt: skip
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert f"chown -R {name}: {cohort.root}" in run.stderr
    assert "没有权限" in run.stderr and "Permission denied" in run.stderr
    # doing what it says mends the cohort (here: a root run hands back what root owns)
    assert give_back([cohort.root], *_ids(name)) == 1
    again = _kit("progress", "--format", "xlsx", "-o", str(blocked / "进度.xlsx"),
                 "--cohort", str(cohort.root), user=name)  # fmt: skip
    # exit 1 now only says the ungraded submissions need attention
    assert "Traceback" not in again.stderr and "没有权限" not in again.stderr, again.stderr
    assert (blocked / "进度.xlsx").stat().st_uid == _ids(name)[0]


def test_root_on_its_own_cohort_changes_no_owner(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.fail("this test needs root")
    cohort = make_cohort(tmp_path / "c")
    with kept_by_owner(cohort):
        (cohort.root / "new.txt").write_text("x")
    assert (cohort.root / "new.txt").stat().st_uid == 0


def _ids(name: str) -> tuple[int, int]:
    entry = pwd.getpwnam(name)
    return entry.pw_uid, entry.pw_gid
