"""Manual grading that is still pending shows everywhere, not only in formgrader.

The demo grades nothing by hand, so every graded 02-proposals and 04-sheqing-minyi
submission waits for the teacher. Export, progress and report must say
待老师批阅 with the number of items (counted from nbgrader's gradebook here),
leave those items out of averages, and the report must list them by 第N题.
"""

from __future__ import annotations

import csv
import re

import pytest
from click.testing import CliRunner
from demo_support import demo_cohort

from trainingkit.cli import main
from trainingkit.grading import read_status

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def _pending_in_gradebook(cohort) -> dict[tuple[str, str], int]:
    """(student, assignment) → grades needing manual grading, graded submissions only."""
    counts: dict[tuple[str, str], int] = {}
    with cohort.gradebook() as gradebook:
        for assignment in gradebook.assignments:
            for submission in assignment.submissions:
                status = read_status(cohort.status_file(assignment.name, submission.student.id))
                if status is None or status.status == "failed":
                    continue
                n = sum(g.needs_manual_grade for nb in submission.notebooks for g in nb.grades)
                if n:
                    counts[(submission.student.id, assignment.name)] = n
    return counts


def test_export_progress_and_report_show_pending_manual_grading(tmp_path_factory, tmp_path):
    cohort = demo_cohort(tmp_path_factory)
    pending = _pending_in_gradebook(cohort)
    assert len(pending) >= 5, "the demo leaves drafts for the teacher"

    output = tmp_path / "scores.csv"
    runner = CliRunner()
    result = runner.invoke(main, ["export", "-o", str(output), "--cohort", str(cohort.root)])
    assert "待老师批阅" in result.output
    with output.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["账号"]: r for r in csv.DictReader(handle)}
    for (student, assignment), count in pending.items():
        assert rows[student][f"{assignment} 状态"] == f"待老师批阅（还有 {count} 项）"
    shown = sum(
        1 for r in rows.values() for k, v in r.items() if k.endswith("状态") and "待老师" in v
    )
    assert shown == len(pending), "no other submission says 待老师批阅"

    table = runner.invoke(main, ["progress", "--cohort", str(cohort.root)])
    assert table.output.count("✎") == len(pending) + 1  # + the legend

    report = tmp_path / "report.html"
    runner.invoke(main, ["report", "-o", str(report), "--cohort", str(cohort.root)])
    page = report.read_text(encoding="utf-8")
    section = page[page.index('id="manual"') : page.index('id="scores"')]
    for student, _assignment in pending:
        assert student in section
    assert re.search(r"第\d+题", section)
    assert "_quality" not in page and "proposal_draft" not in page, "no internal ids"
    assert "暂不计入" in page


def test_report_rates_leave_pending_points_out(tmp_path_factory):
    from trainingkit.reporting.export import submission_rows

    cohort = demo_cohort(tmp_path_factory)
    rows = [r for r in submission_rows(cohort) if r.pending]
    assert rows
    for row in rows:
        assert row.graded_max < row.max_score
        assert row.score is not None and row.score <= row.graded_max
