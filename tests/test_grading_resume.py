"""Killing ``trainingkit grade`` midway loses and doubles nothing."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from grading_support import RIGHT, WRONG, make_cohort, scores, submit

from trainingkit.cohort.directory import Cohort
from trainingkit.grading import grade

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


@pytest.mark.parametrize("jobs", [1, 2])
def test_killed_run_resumes_to_the_same_gradebook(tmp_path, jobs):
    cohort = make_cohort(tmp_path / "killed")
    for index in range(6):
        submit(cohort, f"t{index}", RIGHT if index % 2 else WRONG)
    shutil.copytree(cohort.root, tmp_path / "whole")
    reference = Cohort.open(tmp_path / "whole")
    assert grade(reference, jobs=jobs).graded_now == 6

    command = [sys.executable, "-m", "trainingkit", "grade", "--cohort", str(cohort.root)]
    process = subprocess.Popen(
        [*command, "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    status_dir = cohort.state_dir / "grading" / "ps1"
    deadline = time.monotonic() + 120
    while not list(status_dir.glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done = len(list(status_dir.glob("*.json")))
    assert 1 <= done < 6, "the run must be killed midway"

    resumed = grade(cohort, jobs=jobs)

    assert (resumed.skipped, resumed.graded_now) == (done, 6 - done)
    assert scores(cohort) == scores(reference)
    with cohort.gradebook() as gradebook:
        assert len(gradebook.assignment_submissions("ps1")) == 6
        assert gradebook.average_assignment_score("ps1") == 2.5
