"""Release through the exchange with due dates; collect; late submissions flagged."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainingkit.cli import main
from trainingkit.cohort.assignments import (
    collect,
    parse_due,
    read_schedule,
    release,
)
from trainingkit.cohort.directory import Cohort, CohortError
from trainingkit.grading import grade

FIXTURES = Path(__file__).parent / "fixtures" / "assignments"
pytestmark = [pytest.mark.nbgrader]


def _submit_to_exchange(cohort: Cohort, student: str, stamp: str) -> None:
    """What ``nbgrader submit`` leaves in the exchange's inbound folder."""
    inbound = cohort.exchange / cohort.name / "inbound" / f"{student}+ps1+{stamp}+abc123"
    shutil.copytree(cohort.exchange / cohort.name / "outbound" / "ps1", inbound)
    (inbound / "timestamp.txt").write_text(stamp)


def test_due_dates_are_beijing_time_stored_as_utc():
    assert parse_due("2026-12-01 18:00") == datetime(2026, 12, 1, 10, 0)
    with pytest.raises(CohortError):
        parse_due("明天")


def test_release_uses_the_schedule_and_collect_flags_late_work(tmp_path):
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    cohort.schedule_file.write_text('"ps1" = "2026-11-28 18:00"\n', encoding="utf-8")
    assert read_schedule(cohort) == {"ps1": datetime(2026, 11, 28, 10, 0)}
    release(cohort)
    outbound = cohort.exchange / "c" / "outbound" / "ps1" / "problem.ipynb"
    assert "HIDDEN" not in outbound.read_text(encoding="utf-8")
    with cohort.gradebook() as gradebook:
        assert gradebook.find_assignment("ps1").duedate == datetime(2026, 11, 28, 10, 0)

    _submit_to_exchange(cohort, "early", "2026-11-28 09:00:00.000000 UTC")
    _submit_to_exchange(cohort, "late", "2026-11-28 12:00:00.000000 UTC")
    collected = collect(cohort)["ps1"]
    assert (collected.students, collected.new, collected.updated) == (["early", "late"],) * 2 + (
        [],
    )
    run = grade(cohort, jobs=2)
    assert {s.student: s.late for s in run.statuses} == {"early": False, "late": True}
    assert {s.student: s.seconds_late for s in run.statuses} == {"early": 0.0, "late": 7200.0}
    assert run.exit_code == 0  # late is flagged, not an error
    status = json.loads(cohort.status_file("ps1", "late").read_text(encoding="utf-8"))
    assert status["reasons"][0]["code"] == "late"


def test_cli_release_rejects_unknown_assignment_and_bad_date(tmp_path):
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    runner = CliRunner()
    unknown = runner.invoke(main, ["release", "nope", "--cohort", str(cohort.root)])
    assert unknown.exit_code == 2 and "nope" in unknown.output
    bad = runner.invoke(main, ["release", "--due", "soon", "--cohort", str(cohort.root)])
    assert bad.exit_code == 2 and not cohort.release("ps1").exists()
    ok = runner.invoke(
        main, ["release", "ps1", "--due", "2026-12-01 18:00", "--cohort", str(cohort.root)]
    )
    assert ok.exit_code == 0, ok.output
    assert "2026-12-01 18:00（北京时间）" in ok.output, "shown as entered, in Beijing time"
