"""``trainingkit local-course``: a trainee without a hub fetches and submits with real nbgrader.

No hand-written ``nbgrader_config.py``: the command writes it. Its submission
timestamps are Beijing time with a numeric offset, and collect still judges lateness
right (a zone *name* such as CST would be read back as UTC: 8 hours late).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from trainingkit.cli import main
from trainingkit.cohort.assignments import collect, release
from trainingkit.cohort.directory import Cohort
from trainingkit.cohort.roster import import_roster

FIXTURES = Path(__file__).parent / "fixtures" / "assignments"
pytestmark = [pytest.mark.nbgrader]


def nbgrader(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=folder, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_a_local_trainee_fetches_and_submits_and_is_not_late_against_a_beijing_due_time(
    tmp_path: Path,
) -> None:
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    roster = tmp_path / "roster.csv"
    roster.write_text("id,name,sector,unit\nwangwei,王伟,经济界,某公司\n", encoding="utf-8")
    import_roster(cohort, roster)
    in_an_hour = datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(hours=1)
    release(cohort, due=in_an_hour.strftime("%Y-%m-%d %H:%M"))

    folder = tmp_path / "wangwei"
    made = CliRunner().invoke(
        main, ["local-course", str(folder), "--trainee", "wangwei", "--cohort", str(cohort.root)]
    )
    assert made.exit_code == 0, made.output
    assert "Assignment List" in made.output and "--LabApp.app_settings_dir=" in made.output
    assert (folder / "lessons" / "00-getting-started").is_dir()
    assert '"zh_CN"' in (folder / ".lab-settings" / "overrides.json").read_text(encoding="utf-8")

    fetched = nbgrader(folder, "fetch_assignment", "ps1")
    assert fetched.returncode == 0, fetched.stderr
    assert (folder / "ps1" / "problem.ipynb").is_file()
    submitted = nbgrader(folder, "submit", "ps1")
    assert submitted.returncode == 0, submitted.stderr
    (stamp_file,) = (cohort.exchange / "c" / "inbound").glob("wangwei+ps1+*/timestamp.txt")
    stamp = stamp_file.read_text(encoding="utf-8")
    assert stamp.endswith(" UTC") and "+" not in stamp, stamp  # collect splits names on +

    assert collect(cohort)["ps1"].new == ["wangwei"]
    from nbgrader.utils import parse_utc

    submitted_at = parse_utc((cohort.submitted("wangwei", "ps1") / "timestamp.txt").read_text())
    with cohort.gradebook() as gradebook:  # due in an hour: on time, not "8 hours late"
        due = gradebook.find_assignment("ps1").duedate
    assert due is not None and timedelta(minutes=50) < due - submitted_at < timedelta(minutes=70)


def test_local_course_refuses_a_trainee_not_on_the_roster(tmp_path: Path) -> None:
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    result = CliRunner().invoke(
        main,
        ["local-course", str(tmp_path / "x"), "--trainee", "nobody", "--cohort", str(cohort.root)],
    )
    assert result.exit_code == 2
    assert "名单中没有学员 nobody" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x").exists()


def test_the_kubernetes_image_uses_the_kits_lab_settings() -> None:
    import json

    from trainingkit.resources import template_path

    trainee = Path(__file__).parents[1] / "deploy" / "kubernetes" / "jupyter" / "trainee"
    kit = json.loads(template_path("lab_overrides.json").read_text(encoding="utf-8"))
    assert kit["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"
    assert kit["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    image = json.loads((trainee / "lab-settings" / "overrides.json").read_text(encoding="utf-8"))
    assert image == kit
    server = json.loads((trainee / "jupyter_server_config.json").read_text(encoding="utf-8"))
    folder = server["LabApp"]["app_settings_dir"]
    assert folder == "/opt/trainingkit/jupyter/trainee/lab-settings"  # Dockerfile's COPY target
    config = (trainee / "nbgrader_config.py").read_text(encoding="utf-8")
    assert 'timezone = "UTC"' in config and "%z" not in config
