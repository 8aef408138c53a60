"""Export: one row per trainee with 界别, scores per assignment, total, completion, late flags."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from click.testing import CliRunner
from demo_support import TRAINEES, demo_cohort, plan, who

from trainingkit.cli import main
from trainingkit.cohort.roster import load_roster

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def _gradebook_scores(cohort) -> dict[tuple[str, str], float]:
    with cohort.gradebook() as gradebook:
        return {(s.student.id, a.name): float(s.score) for a in gradebook.assignments
                for s in a.submissions}  # fmt: skip


def test_csv_has_one_row_per_trainee_with_sector_scores_total_and_completion(
    tmp_path_factory, tmp_path
) -> None:
    cohort = demo_cohort(tmp_path_factory)
    output = tmp_path / "成绩.csv"
    result = CliRunner().invoke(
        main, ["export", "--format", "csv", "--output", str(output), "--cohort", str(cohort.root)]
    )
    assert result.exit_code == 1, result.output  # done; broken submissions need attention
    assert "need attention" in result.output
    with output.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == TRAINEES
    sectors = {e.id: e.sector for e in load_roster(cohort)}
    assert {r["账号"]: r["界别"] for r in rows} == sectors
    scores = _gradebook_scores(cohort)
    failed = who("invalid_json")
    for row in rows:
        total = 0.0
        for assignment in cohort.assignments():
            text = row[f"{assignment} 得分"]
            if (row["账号"], assignment) == failed:
                assert text == "" and row[f"{assignment} 状态"] == "未能批改"
            elif text:
                assert float(text) == scores[(row["账号"], assignment)]
                total += float(text)
        assert float(row["总分"]) == pytest.approx(total)
    by_id = {r["账号"]: r for r in rows}
    missing = next(p for p in plan() if p.not_submitted)
    (skipped,) = missing.not_submitted
    assert by_id[missing.id]["完成"] == "3/4" and by_id[missing.id][f"{skipped} 状态"] == "未提交"
    late = next(p for p in plan() if p.late)
    (late_assignment,) = late.late
    assert by_id[late.id][f"{late_assignment} 迟交"] == "是"
    assert sum(r[f"{late_assignment} 迟交"] == "是" for r in rows) == 1


def test_xlsx_holds_the_same_table(tmp_path_factory, tmp_path) -> None:
    cohort = demo_cohort(tmp_path_factory)
    csv_file, xlsx_file = tmp_path / "a.csv", tmp_path / "a.xlsx"
    for fmt, path in (("csv", csv_file), ("xlsx", xlsx_file)):
        args = ["export", "--format", fmt, "-o", str(path), "--cohort", str(cohort.root)]
        assert CliRunner().invoke(main, args).exit_code == 1
    from_xlsx = pd.read_excel(xlsx_file, sheet_name="成绩")
    from_csv = pd.read_csv(csv_file, encoding="utf-8-sig")
    pd.testing.assert_frame_equal(from_xlsx, from_csv, check_dtype=False)
    assert list(from_xlsx.columns[:4]) == ["账号", "姓名", "界别", "单位"]


def test_bad_output_or_format_exits_2_and_writes_nothing(tmp_path_factory, tmp_path) -> None:
    cohort = demo_cohort(tmp_path_factory)
    runs = [
        ["export", "--format", "pdf", "-o", str(tmp_path / "x.pdf")],
        ["export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")],
        ["export", "--format", "csv"],
    ]
    for args in runs:
        result = CliRunner().invoke(main, [*args, "--cohort", str(cohort.root)])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
