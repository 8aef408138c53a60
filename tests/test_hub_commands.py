"""The kit's commands linked onto PATH by ``hub setup`` (always into a temporary folder here).

`test_hub_e2e.py` checks the same links after a real setup, and that the course
service's terminal finds ``trainingkit``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainingkit.cli import main
from trainingkit.hub.commands import KIT_COMMANDS, check_links, install_links, planned_links
from trainingkit.hub.plan import HubOptions, HubPlanError

VENV = Path(sys.prefix)
ROSTER = (
    "账号,姓名,界别,单位,角色\n"
    "t001,张三（虚构示例）,经济界,某公司,学员\nteacher1,陈老师（虚构示例）,,培训中心,教师\n"
)


def _options(bin_dir: Path | None, tmp_path: Path) -> HubOptions:
    return HubOptions(course="c1", base=tmp_path / "hub", venv=VENV, bin_dir=bin_dir)


def test_links_point_at_the_venv_scripts_and_the_linked_trainingkit_runs(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    links = planned_links(_options(bin_dir, tmp_path))
    assert [item.link.name for item in links] == list(KIT_COMMANDS)
    check_links(links, VENV)
    made = install_links(links)
    assert made == tuple(bin_dir / name for name in KIT_COMMANDS)
    for name in KIT_COMMANDS:
        assert (bin_dir / name).is_symlink()
        assert (bin_dir / name).resolve() == (VENV / "bin" / name).resolve()
    check_links(links, VENV)  # a rerun finds its own links and replaces them
    assert install_links(links) == made
    assert sorted(p.name for p in bin_dir.iterdir()) == sorted(KIT_COMMANDS)  # no leftovers
    helped = subprocess.run([str(bin_dir / "trainingkit"), "--help"], capture_output=True,
                            text=True, timeout=120, check=False)  # fmt: skip
    assert helped.returncode == 0, helped.stderr
    assert "hub" in helped.stdout and "grade" in helped.stdout


@pytest.mark.parametrize("kind", ["file", "foreign link"])
def test_a_file_that_is_not_a_link_into_the_venv_is_refused_and_left_alone(
    tmp_path: Path, kind: str
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    taken = bin_dir / "trainingkit"
    if kind == "file":
        taken.write_text("#!/bin/sh\necho someone else's trainingkit\n")
    else:
        taken.symlink_to("/usr/bin/env")
    before = taken.read_bytes() if kind == "file" else taken.readlink()
    with pytest.raises(HubPlanError) as refused:
        check_links(planned_links(_options(bin_dir, tmp_path)), VENV)
    message = str(refused.value)
    assert f"rm {taken}" in message and "未作改动" in message and "nothing was changed" in message
    assert "--no-command-links" in message and "--bin-dir" in message
    assert (taken.read_bytes() if kind == "file" else taken.readlink()) == before
    assert not (bin_dir / "jupyterhub").exists()


def test_a_command_missing_from_the_venv_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "venv"
    (empty / "bin").mkdir(parents=True)
    links = planned_links(HubOptions(course="c1", base=tmp_path, venv=empty, bin_dir=tmp_path))
    with pytest.raises(HubPlanError, match=r"\[hub\]"):
        check_links(links, empty)


def test_no_links_are_planned_without_a_bin_folder(tmp_path: Path) -> None:
    assert planned_links(_options(None, tmp_path)) == ()
    assert HubOptions(course="c1", base=tmp_path).bin_dir is None  # the library writes nothing


def test_hub_config_reports_the_links_setup_would_make_and_makes_none(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    bin_dir = tmp_path / "bin"
    args = ["hub", "config", "--roster", str(roster), "--course", "c1", "--base",
            str(tmp_path / "base"), "--out", str(tmp_path / "review")]  # fmt: skip
    result = CliRunner().invoke(main, [*args, "--bin-dir", str(bin_dir)])
    for name in KIT_COMMANDS:
        line = f"would link: {bin_dir / name} -> {VENV.absolute() / 'bin' / name}"
        assert line in result.output, result.output
    assert not bin_dir.exists()
    default = CliRunner().invoke(main, args)
    assert "would link: /usr/local/bin/trainingkit ->" in default.output, default.output
    skipped = CliRunner().invoke(main, [*args, "--no-command-links"])
    assert "would link" not in skipped.output and (tmp_path / "review" / "etc").is_dir()
