"""What an instructor meets on the command line: Chinese errors, the cohort found from
subfolders, no stray progress bar, collect naming new work."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from grading_support import make_cohort

from trainingkit.cli import main

pytestmark = [pytest.mark.nbgrader]


@pytest.mark.parametrize(
    ("args", "chinese"),
    [
        (["grade", "--jobs", "0"], "应为整数，不小于 1、不大于 64"),
        (["grade", "--jobs", "abc"], "应为整数"),
        (["grade", "--timeout", "0"], "不小于 1"),
        (["export", "--format", "pdf", "-o", "x"], "应为 csv、xlsx 之一"),
    ],
)
def test_option_errors_are_explained_in_chinese(args, chinese, tmp_path):
    result = CliRunner().invoke(main, [*args, "--cohort", str(tmp_path)])
    assert result.exit_code == 2
    assert chinese in result.output and "--help" in result.output
    assert "Traceback" not in result.output


def test_commands_find_the_cohort_above_and_refuse_without_a_progress_bar(tmp_path):
    cohort = make_cohort(tmp_path / "c")
    inside = cohort.source("ps1")
    here = os.getcwd()
    os.chdir(inside)
    try:
        result = CliRunner().invoke(main, ["grade", "--trainee", "nobody"])
    finally:
        os.chdir(here)
    assert result.exit_code == 2
    assert "nobody" in result.output, "the cohort above was found; the trainee is unknown"
    assert "剩余" not in result.output and "0/" not in result.output, "no progress bar"


def test_outside_a_cohort_the_hint_names_the_cohort_below(tmp_path):
    make_cohort(tmp_path / "cohort")
    result = CliRunner().invoke(main, ["grade", "--cohort", str(tmp_path)])
    assert result.exit_code == 2
    assert f"--cohort {tmp_path / 'cohort'}" in result.output


def test_collect_names_new_and_resubmitted_work(tmp_path):
    from test_cohort_assignments import _submit_to_exchange

    cohort = make_cohort(tmp_path / "c")
    runner = CliRunner()
    _submit_to_exchange(cohort, "ann", "2026-11-28 09:00:00.000000 UTC")
    first = runner.invoke(main, ["collect", "--cohort", str(cohort.root)])
    assert first.exit_code == 0 and "新提交 new：ann" in first.output
    again = runner.invoke(main, ["collect", "--cohort", str(cohort.root)])
    assert "没有新的提交" in again.output
    _submit_to_exchange(cohort, "ann", "2026-11-28 10:00:00.000000 UTC")
    third = runner.invoke(main, ["collect", "--cohort", str(cohort.root)])
    assert "重新提交 resubmitted：ann" in third.output
