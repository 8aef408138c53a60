"""Killing or interrupting ``trainingkit grade`` midway loses and doubles nothing.

After a kill at any moment, with or without ``--force``, a plain rerun ends in
the cohort an uninterrupted run gives: the gradebook, the executed notebooks in
``autograded/`` and what feedback shows.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from grading_support import RIGHT, WRONG, make_cohort, scores, submit

from trainingkit.cohort.directory import Cohort
from trainingkit.grading import grade, read_status
from trainingkit.grading.feedback import generate_feedback

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

STUDENTS = [f"t{index}" for index in range(6)]


def _cohort(root: Path) -> Cohort:
    cohort = make_cohort(root)
    for index, student in enumerate(STUDENTS):
        submit(cohort, student, RIGHT if index % 2 else WRONG)
    return cohort


def _start(cohort: Cohort, *options: str, interrupt: bool = False) -> subprocess.Popen:
    command = [sys.executable, "-m", "trainingkit", "grade", "--cohort", str(cohort.root)]
    return subprocess.Popen(
        [*command, *options],
        stdout=subprocess.PIPE if interrupt else subprocess.DEVNULL,
        stderr=subprocess.PIPE if interrupt else subprocess.DEVNULL,
        start_new_session=True,
    )


def _states(cohort: Cohort) -> dict[str, tuple[str, float]]:
    found = {}
    for student in STUDENTS:
        path = cohort.status_file("ps1", student)
        status = read_status(path)
        if status is not None:
            found[student] = (str(status.status), path.stat().st_mtime)
    return found


def _wait(condition, what: str) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.02)


def _executed(cohort: Cohort) -> dict[str, list]:
    """Per trainee, the sources and outputs of the autograded notebook's cells."""
    result = {}
    for student in STUDENTS:
        path = cohort.autograded(student, "ps1") / "problem.ipynb"
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        result[student] = [(c["source"], c.get("outputs")) for c in cells]
    return result


def _feedback(cohort: Cohort) -> dict[str, str]:
    run = generate_feedback(cohort, release=False)
    assert {r.student for r in run.results if r.status == "generated"} == set(STUDENTS)
    return {
        student: (cohort.feedback(student, "ps1") / "problem.html").read_text(encoding="utf-8")
        for student in STUDENTS
    }


def _assert_same_cohort(cohort: Cohort, reference: Cohort) -> None:
    statuses = grade(cohort).statuses
    assert all(status.done for status in statuses)
    # every ps1 submission grades cleanly; a failure here is the machine (e.g. a kernel
    # that did not start in time under load), not the resume, and is shown as such
    assert all(s.status == "graded" for s in statuses), [(s.student, s.reasons) for s in statuses]
    assert scores(cohort) == scores(reference)
    with cohort.gradebook() as gradebook:
        assert len(gradebook.assignment_submissions("ps1")) == 6
        assert gradebook.average_assignment_score("ps1") == 2.5
    assert _executed(cohort) == _executed(reference)
    mine, theirs = _feedback(cohort), _feedback(reference)
    for student in STUDENTS:
        assert mine[student] == theirs[student], student
        assert "这一题的检查" in mine[student], "feedback shows the executed checks"


@pytest.mark.parametrize("jobs", [1, 2])
def test_killed_run_resumes_to_the_same_cohort(tmp_path, jobs):
    cohort = _cohort(tmp_path / "killed")
    shutil.copytree(cohort.root, tmp_path / "whole")
    reference = Cohort.open(tmp_path / "whole")
    assert grade(reference, jobs=jobs).graded_now == 6

    process = _start(cohort, "--jobs", str(jobs))
    _wait(lambda: any(s == "graded" or s == "attention" for s, _ in _states(cohort).values()),
          "one submission is graded")  # fmt: skip
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done = sum(1 for state, _ in _states(cohort).values() if state != "grading")
    assert 1 <= done < 6, "the run must be killed midway"

    resumed = grade(cohort, jobs=jobs)

    assert (resumed.skipped, resumed.graded_now) == (done, 6 - done)
    _assert_same_cohort(cohort, reference)


def test_killed_force_run_resumes_to_the_same_cohort(tmp_path):
    """The submission in flight when ``--force`` is killed is graded again, not skipped."""
    cohort = _cohort(tmp_path / "killed")
    grade(cohort, jobs=1)
    shutil.copytree(cohort.root, tmp_path / "whole")
    reference = Cohort.open(tmp_path / "whole")
    before = time.time()

    process = _start(cohort, "--jobs", "1", "--force")

    def in_flight_after_one_regraded() -> bool:
        states = _states(cohort).values()
        regraded = any(s != "grading" and mtime > before for s, mtime in states)
        return regraded and any(s == "grading" for s, _ in states)

    _wait(in_flight_after_one_regraded, "a regraded submission and one in flight")
    time.sleep(0.3)  # let the in-flight one get its sanitized, unexecuted notebook
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert any(s == "grading" for s, _ in _states(cohort).values())

    resumed = grade(cohort, jobs=1)

    assert resumed.graded_now >= 1
    _assert_same_cohort(cohort, reference)


def test_ctrl_c_says_nothing_is_lost_and_exits_130(tmp_path):
    cohort = _cohort(tmp_path / "c")
    process = _start(cohort, "--jobs", "1", interrupt=True)
    _wait(lambda: bool(_states(cohort)), "grading starts")
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    out, err = process.communicate(timeout=60)
    text = out.decode() + err.decode()

    assert process.returncode == 130, text
    assert "已中断" in text and "不会丢失" in text and "重新运行" in text
    assert "Aborted" not in text and "Traceback" not in text
    resumed = grade(cohort, jobs=1)
    assert all(status.done for status in resumed.statuses) and len(resumed.statuses) == 6
