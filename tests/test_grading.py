"""Autograding: scores as nbgrader gives them, and failure isolation."""

from __future__ import annotations

import json

import pytest
from grading_support import RIGHT, WRONG, make_cohort, scores, submit

from trainingkit.grading import grade, read_status

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def _codes(cohort, student):
    status = read_status(cohort.status_file("ps1", student))
    assert status is not None
    return status.status, {r.code for r in status.reasons}


def test_broken_submissions_are_recorded_and_never_stop_the_batch(tmp_path):
    cohort = make_cohort(tmp_path / "c")
    submit(cohort, "good", RIGHT)
    submit(cohort, "wrong", WRONG)
    submit(cohort, "dead", {**RIGHT, "add_answer": "import os\nos._exit(1)"})
    submit(cohort, "loop", {**RIGHT, "count_answer": "while True:\n    pass"})
    submit(cohort, "loud", {**RIGHT, "add_answer": RIGHT["add_answer"] + "\nprint('x\\n' * 5000)"})

    def drop_test(nb):
        nb["cells"] = [
            c for c in nb["cells"] if c["metadata"]["nbgrader"]["grade_id"] != "add_check"
        ]

    submit(cohort, "deleter", RIGHT, edit=drop_test)
    folder = submit(cohort, "broken", RIGHT)
    (folder / "problem.ipynb").write_text("{not json", encoding="utf-8")
    folder = submit(cohort, "renamer", RIGHT)
    (folder / "problem.ipynb").rename(folder / "my_answers.ipynb")

    run = grade(cohort, jobs=2, timeout=3)

    assert run.exit_code == 1
    assert len(run.statuses) == 8
    assert _codes(cohort, "good") == ("graded", set())
    assert _codes(cohort, "wrong") == ("graded", set())
    assert _codes(cohort, "dead") == ("failed", {"dead_kernel"})
    assert _codes(cohort, "loop") == ("attention", {"timeout"})
    assert _codes(cohort, "loud") == ("attention", {"output_truncated"})
    assert _codes(cohort, "deleter") == ("attention", {"cells_restored"})
    assert _codes(cohort, "broken") == ("failed", {"invalid_notebook"})
    assert _codes(cohort, "renamer") == ("failed", {"no_notebook"})
    got = scores(cohort)
    assert got[("good", "total")] == 5.0
    assert got[("wrong", "total")] == 0.0
    assert got[("loop", "count_check")] == 0.0 and got[("loop", "add_check")] == 2.0
    assert got[("deleter", "total")] == 5.0  # the deleted test was put back and run
    assert got[("dead", "add_check")] is None  # left for manual grading, as nbgrader does
    assert not cohort.autograded("dead", "ps1").exists()


def test_rerun_skips_graded_submissions_and_force_regrades(tmp_path):
    cohort = make_cohort(tmp_path / "c")
    submit(cohort, "good", RIGHT)
    first = grade(cohort, jobs=1)
    assert (first.graded_now, first.skipped, first.exit_code) == (1, 0, 0)
    second = grade(cohort, jobs=1)
    assert (second.graded_now, second.skipped) == (0, 1)
    forced = grade(cohort, jobs=1, force=True)
    assert (forced.graded_now, forced.skipped) == (1, 0)
    data = json.loads(cohort.status_file("ps1", "good").read_text(encoding="utf-8"))
    assert data["score"] == 5.0
