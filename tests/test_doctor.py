"""``trainingkit doctor`` reports what this machine really has, with install commands."""

from __future__ import annotations

import os
import shutil

from click.testing import CliRunner

from trainingkit.cli import main
from trainingkit.doctor import HUB_OVERHEAD_MB, MB_PER_TRAINEE, available_memory_mb, run_checks
from trainingkit.grading.sandbox import bwrap_error, unreachable_runtime


def _path_without(folder, program):
    """PATH with every program it had, except ``program`` (symlinks in ``folder``)."""
    folder.mkdir()
    for entry in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(entry):
            continue
        for name in os.listdir(entry):
            link, target = folder / name, os.path.join(entry, name)
            if name != program and not link.exists() and os.access(target, os.X_OK):
                link.symlink_to(target)
    return str(folder)


def _doctor(*args, env=None):
    return CliRunner().invoke(main, ["doctor", *args], env=env)


def test_exit_code_is_zero_exactly_when_every_check_of_the_roles_passes():
    for role in ("course", "grading", "hub"):
        expected = all(c.ok for c in run_checks() if role in c.roles)
        result = _doctor("--role", role)
        assert result.exit_code == (0 if expected else 1), result.output
        assert ("全部具备" in result.output) == expected


def test_every_missing_piece_comes_with_its_install_command():
    result = _doctor()
    checks = run_checks()
    assert result.exit_code == (0 if all(c.ok for c in checks) else 1)
    for check in checks:
        mark = "✓" if check.ok else "✗"
        assert f"{mark} {check.name}" in result.output
        if not check.ok:
            assert check.fix and f"安装 install: {check.fix}" in result.output


def test_bubblewrap_hidden_from_path_is_reported_with_apt_get(tmp_path):
    assert shutil.which("bwrap") and not bwrap_error()  # this machine has a working bwrap
    found = _doctor("--role", "grading")
    assert "✓ bubblewrap" in found.output

    hidden = _path_without(tmp_path / "bin", "bwrap")
    result = _doctor("--role", "grading", env={"PATH": hidden})

    assert result.exit_code == 1
    assert "✗ bubblewrap" in result.output
    assert "安装 install: apt-get install bubblewrap" in result.output


def test_hub_accounts_must_reach_the_runtime():
    check = next(c for c in run_checks() if "trainee accounts" in c.name)
    blocked = unreachable_runtime(bwrap=False)
    assert check.ok == (blocked is None)
    if blocked is not None:  # this machine: pyenv's Python under /root (0700)
        assert str(blocked[0]) in check.found and "/usr/bin/python3 -m venv" in check.fix


def test_memory_is_measured_against_the_cost_per_trainee():
    have = available_memory_mb()
    assert have is not None
    fits = (have - HUB_OVERHEAD_MB) // MB_PER_TRAINEE
    small = next(c for c in run_checks(trainees=1) if c.name.startswith("内存"))
    huge = next(c for c in run_checks(trainees=fits + 50) if c.name.startswith("内存"))
    assert small.ok and not huge.ok
    assert f"{HUB_OVERHEAD_MB + (fits + 50) * MB_PER_TRAINEE} MB" in huge.found
    result = _doctor("--role", "hub", "--trainees", str(fits + 50))
    assert result.exit_code == 1 and "✗ 内存" in result.output
