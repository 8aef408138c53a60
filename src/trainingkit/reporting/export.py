"""Scores of a cohort, one row per trainee, as CSV or Excel.

`submission_rows` reads, for every trainee × assignment, what the gradebook and
the grading statuses say (score, lateness, whether grading failed and why);
`score_frame` pivots that to one row per trainee with 界别 from the roster;
`export_scores` writes it. The report uses the same rows.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trainingkit.cohort.directory import Cohort, CohortError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMATS",
    "STATUS_LABELS",
    "SubmissionRow",
    "attention_note",
    "export_scores",
    "needing_attention",
    "quiet_gradebook",
    "score_frame",
    "submission_rows",
    "trainees",
]

FORMATS = ("csv", "xlsx")
#: Submission states → the words shown in exports and the report.
STATUS_LABELS = {
    "graded": "已批改",
    "attention": "已批改，需关注",
    "failed": "未能批改",
    "not_graded": "已收取，未批改",
    "missing": "未提交",
}


@dataclass
class SubmissionRow:
    """One trainee × one assignment."""

    student: str
    name: str
    sector: str
    unit: str
    assignment: str
    status: str  # a key of STATUS_LABELS
    score: float | None = None
    max_score: float = 0.0
    late: bool = False
    reasons: list[str] = field(default_factory=list)

    @property
    def submitted(self) -> bool:
        """True when a submission was collected."""
        return self.status != "missing"


def trainees(cohort: Cohort) -> list[tuple[str, str, str, str]]:
    """(id, 姓名, 界别, 单位) of every trainee: the roster, plus gradebook-only students."""
    from trainingkit.cohort.roster import load_roster

    people = {e.id: (e.id, e.name, e.sector, e.unit) for e in load_roster(cohort)
              if e.role == "trainee"}  # fmt: skip
    with quiet_gradebook(), cohort.gradebook() as gradebook:
        for student in gradebook.students:
            people.setdefault(student.id, (student.id, student.last_name or "", "", ""))
    return [people[key] for key in sorted(people)]


def submission_rows(cohort: Cohort) -> list[SubmissionRow]:
    """Every trainee × every assignment of the cohort, in id then assignment order."""
    from nbgrader.api import MissingEntry

    from trainingkit.grading.status import read_status

    assignments = cohort.assignments()
    people = trainees(cohort)
    rows = []
    with quiet_gradebook(), cohort.gradebook() as gradebook:
        maxima = {a.name: float(a.max_score or 0) for a in gradebook.assignments}
        for student, name, sector, unit in people:
            for assignment in assignments:
                row = SubmissionRow(student, name, sector, unit, assignment, "missing",
                                    max_score=maxima.get(assignment, 0.0))  # fmt: skip
                if cohort.submitted(student, assignment).is_dir():
                    status = read_status(cohort.status_file(assignment, student))
                    row.status = status.status if status else "not_graded"
                    row.reasons = [r.message for r in status.reasons] if status else []
                    try:
                        submission = gradebook.find_submission(assignment, student)
                    except MissingEntry:  # collected, not graded yet
                        submission = None
                    if submission is not None:
                        row.late = float(submission.total_seconds_late or 0) > 0
                        if row.status != "failed":
                            row.score = float(submission.score or 0)
                rows.append(row)
    return rows


def score_frame(cohort: Cohort, rows: list[SubmissionRow] | None = None) -> pd.DataFrame:
    """One row per trainee: 账号, 姓名, 界别, 单位, each assignment's score, state and
    lateness, 总分, 满分, 完成 (submitted/assignments) and 完成率."""
    import pandas as pd

    rows = submission_rows(cohort) if rows is None else rows
    assignments = cohort.assignments()
    records = []
    for student in dict.fromkeys(r.student for r in rows):
        own = {r.assignment: r for r in rows if r.student == student}
        first = next(iter(own.values()))
        record: dict[str, object] = {"账号": student, "姓名": first.name, "界别": first.sector,
                                     "单位": first.unit}  # fmt: skip
        for assignment in assignments:
            row = own[assignment]
            record[f"{assignment} 得分"] = row.score
            record[f"{assignment} 状态"] = STATUS_LABELS[row.status]
            record[f"{assignment} 迟交"] = "是" if row.late else "否"
        done = sum(1 for r in own.values() if r.submitted)
        record["总分"] = sum(r.score or 0.0 for r in own.values())
        record["满分"] = sum(r.max_score for r in own.values())
        record["完成"] = f"{done}/{len(assignments)}"
        record["完成率"] = round(done / len(assignments), 3) if assignments else 0.0
        records.append(record)
    return pd.DataFrame.from_records(records)


def needing_attention(rows: list[SubmissionRow]) -> list[SubmissionRow]:
    """Collected submissions that failed, are not graded yet, or were graded with remarks."""
    return [r for r in rows if r.status in ("failed", "attention", "not_graded")]


def attention_note(cohort: Cohort) -> str:
    """A bilingual line when some submissions need attention (exit code 1), else ``""``."""
    count = len(needing_attention(submission_rows(cohort)))
    if not count:
        return ""
    return (
        f"有 {count} 份提交需要关注（未能批改、未批改或批改时有提示），详见报告的"
        f"「需要跟进的学员」。\n{count} submission(s) need attention."
    )


def export_scores(cohort: Cohort, *, fmt: str, output: str | Path) -> Path:
    """Write `score_frame` to ``output`` as ``csv`` (UTF-8 with BOM, opens in Excel) or ``xlsx``.

    Raises:
        CohortError: unknown format or an output folder that does not exist.
    """
    output = Path(output)
    if fmt not in FORMATS:
        raise CohortError(f"格式应为 csv 或 xlsx，而不是 {fmt!r}。\nFormat must be csv or xlsx.")
    if not output.parent.is_dir():
        raise CohortError(
            f"输出目录 {output.parent} 不存在。\nOutput folder {output.parent} does not exist."
        )
    frame = score_frame(cohort)
    if fmt == "csv":
        frame.to_csv(output, index=False, encoding="utf-8-sig")
    else:
        frame.to_excel(output, index=False, sheet_name="成绩")
    return output


class quiet_gradebook(warnings.catch_warnings):
    """nbgrader's gradebook triggers SQLAlchemy autoflush warnings (not ours to fix)."""

    def __enter__(self) -> None:
        from sqlalchemy.exc import SAWarning

        super().__enter__()
        warnings.simplefilter("ignore", SAWarning)
