"""Progress: each state appears when its pipeline step has happened, and not before."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from grading_support import make_cohort

from trainingkit.cli import main
from trainingkit.cohort.assignments import collect
from trainingkit.cohort.directory import Cohort
from trainingkit.cohort.roster import import_roster
from trainingkit.demo.simulate import fetch, submit
from trainingkit.grading import grade
from trainingkit.grading.feedback import generate_feedback
from trainingkit.reporting.progress import progress_rows

FIXTURES = Path(__file__).parent / "fixtures"

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

ON_TIME = datetime(2026, 11, 28, 9, 0)


def _state(cohort, homes, student: str) -> tuple:
    (row,) = [r for r in progress_rows(cohort, homes=homes) if r.student == student]
    return row.fetched, row.submitted, row.collected, row.graded, row.feedback


def test_states_follow_the_pipeline(tmp_path) -> None:
    cohort = make_cohort(tmp_path / "c")
    roster = tmp_path / "名单.csv"
    roster.write_text(
        "账号,姓名,界别,单位\nann,甲,经济,某单位\nbob,乙,教育,某学校\n", encoding="utf-8"
    )
    import_roster(cohort, roster)
    homes = tmp_path / "homes"
    homes.mkdir()
    nothing = (False, False, False, "no", False)
    assert _state(cohort, homes, "ann") == nothing
    assert _state(cohort, None, "ann") == (None, False, False, "no", False)  # fetch unknowable

    fetch(cohort, "ann", "ps1", homes / "ann")
    fetch(cohort, "bob", "ps1", homes / "bob")
    assert _state(cohort, homes, "ann") == (True, False, False, "no", False)

    submit(cohort, "ann", "ps1", homes / "ann", ON_TIME)
    (homes / "bob" / "ps1" / "problem.ipynb").write_text("{broken", encoding="utf-8")
    submit(cohort, "bob", "ps1", homes / "bob", ON_TIME)
    assert _state(cohort, homes, "ann") == (True, True, False, "no", False)
    assert _state(cohort, None, "ann")[0] is True  # a submission implies a fetch

    collect(cohort)
    assert _state(cohort, homes, "ann") == (True, True, True, "no", False)

    grade(cohort, jobs=1)
    assert _state(cohort, homes, "ann") == (True, True, True, "yes", False)
    assert _state(cohort, homes, "bob") == (True, True, True, "failed", False)

    run = generate_feedback(cohort)
    assert run.exit_code == 1  # bob's broken notebook has no feedback
    assert _state(cohort, homes, "ann") == (True, True, True, "yes", True)
    assert _state(cohort, homes, "bob")[-1] is False

    table = CliRunner().invoke(main, ["progress", "--cohort", str(cohort.root)])
    assert table.exit_code == 1, table.output  # bob's submission needs attention
    assert "✔✔✔✔" in table.output and "✔✔✘·" in table.output and "--homes" in table.output
    output = tmp_path / "进度.xlsx"
    args = ["progress", "--format", "xlsx", "-o", str(output), "--homes", str(homes)]
    assert CliRunner().invoke(main, [*args, "--cohort", str(cohort.root)]).exit_code == 1
    frame = pd.read_excel(output, sheet_name="进度").set_index("账号")
    assert frame.loc["ann", "已发布反馈"] == "是" and frame.loc["bob", "已批改"] == "失败"
    assert frame.loc["ann", "进度"] == "已发布反馈" and frame.loc["bob", "进度"] == "已提交"


def test_bad_usage_exits_2(tmp_path) -> None:
    cohort = make_cohort(tmp_path / "c")
    for args in (["progress", "--format", "xlsx"], ["progress", "--homes", str(tmp_path / "no")]):
        result = CliRunner().invoke(main, [*args, "--cohort", str(cohort.root)])
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output


def test_a_real_submission_is_stamped_so_that_lateness_is_right(tmp_path) -> None:
    from datetime import UTC

    from nbgrader.utils import parse_utc

    cohort = make_cohort(tmp_path / "c")
    fetch(cohort, "ann", "ps1", tmp_path / "ann")
    submit(cohort, "ann", "ps1", tmp_path / "ann")  # nbgrader's own clock and zone
    (stamp,) = (cohort.exchange / cohort.name / "inbound").glob("ann+ps1+*/timestamp.txt")
    recorded = parse_utc(stamp.read_text(encoding="utf-8"))
    now = datetime.now(UTC).replace(tzinfo=None)
    assert abs((recorded - now).total_seconds()) < 600  # not 8 hours off (Asia/Shanghai "CST")


def test_a_hub_cohort_knows_the_homes_and_their_prefix(tmp_path):
    # hub homes are /home/tk-<login>: the cohort records the mapping, progress needs no --homes
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES / "assignments")
    import_roster(cohort, FIXTURES / "rosters" / "good.csv")
    homes = tmp_path / "home"
    (homes / "tk-zhangsan" / "c" / cohort.assignments()[0]).mkdir(parents=True)
    (homes / "zhangsan" / "c" / cohort.assignments()[0]).mkdir(parents=True)  # not his
    assert {r.fetched for r in progress_rows(cohort)} == {None}
    cohort = cohort.set_homes(homes, "tk-")
    assert Cohort.open(cohort.root).home("lisi") == homes / "tk-lisi"
    fetched = {r.student: r.fetched for r in progress_rows(cohort)}
    assert fetched == {"zhangsan": True, "lisi": False}


def test_grading_a_hub_cohort_as_another_account_is_refused_clearly(tmp_path):
    # the grader account (not root) is told to grade as root, with no traceback
    import os
    import pwd
    import shutil
    import subprocess
    import sys
    import tempfile

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.fail("this test needs root and setpriv (as the hub tests do)")
    public = Path(tempfile.mkdtemp(prefix="tk-grade-refusal-"))
    try:
        public.chmod(0o755)
        cohort = Cohort.init(public / "c", name="c", exercises=FIXTURES / "assignments")
        cohort.set_homes(tmp_path, "tk-")
        nobody = pwd.getpwnam("nobody")
        for path in [public / "c", *(public / "c").rglob("*")]:
            os.chown(path, nobody.pw_uid, nobody.pw_gid)
        result = subprocess.run(
            ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups",
             sys.executable, "-m", "trainingkit", "grade", "--cohort", str(public / "c")],
            capture_output=True, text=True, check=False, cwd="/",
            env={**os.environ, "HOME": str(public)},
        )  # fmt: skip
    finally:
        shutil.rmtree(public)
    assert result.returncode == 2, result.stderr
    assert "须由组织者以 root 运行" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_trainee_removed_by_a_whole_roster_import_leaves_progress_but_keeps_grades(tmp_path):
    from trainingkit.cohort.roster import removed_ids
    from trainingkit.reporting.export import submission_rows

    cohort = make_cohort(tmp_path / "c")
    header = "账号,姓名,界别,单位\n"
    first, second = tmp_path / "名单1.csv", tmp_path / "名单2.csv"
    first.write_text(header + "ann,甲,经济界,某单位\ncat,丙,农业界,某合作社\n", encoding="utf-8")
    second.write_text(header + "ann,甲,经济界,某单位\ndan,丁,教育界,某学校\n", encoding="utf-8")
    assert import_roster(cohort, first, complete=True).removed == 0
    fetch(cohort, "cat", "ps1", tmp_path / "cat")
    submit(cohort, "cat", "ps1", tmp_path / "cat", ON_TIME)
    collect(cohort)
    grade(cohort, jobs=1)
    # an import that is not the whole cohort removes nobody
    partial = tmp_path / "补充.csv"
    partial.write_text(header + "dan,丁,教育界,某学校\n", encoding="utf-8")
    assert import_roster(cohort, partial).removed == 0 and removed_ids(cohort) == set()

    result = import_roster(cohort, second, complete=True)
    assert (result.added, result.removed) == (0, 1)
    assert removed_ids(cohort) == {"cat"}
    assert {r.student for r in progress_rows(cohort)} == {"ann", "dan"}
    assert {r.student for r in submission_rows(cohort)} == {"ann", "dan"}
    with cohort.gradebook() as gradebook:  # the gradebook keeps cat and the grade
        assert "cat" in {s.id for s in gradebook.students}
        assert gradebook.find_submission("ps1", "cat").score is not None
    table = CliRunner().invoke(main, ["progress", "--cohort", str(cohort.root)])
    assert "Traceback" not in table.output
    assert "已移出名单：1 人" in table.output and "丙" not in table.output, table.output
    output = tmp_path / "进度.xlsx"
    args = ["progress", "--format", "xlsx", "-o", str(output), "--cohort", str(cohort.root)]
    CliRunner().invoke(main, args)
    assert set(pd.read_excel(output, sheet_name="进度")["账号"]) == {"ann", "dan"}

    # back on the roster: listed again
    assert import_roster(cohort, first, complete=True).removed == 1  # dan left now
    assert {r.student for r in progress_rows(cohort)} == {"ann", "cat"}
