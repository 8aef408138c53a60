"""Scores of a cohort, one row per trainee, as CSV or Excel.

`submission_rows` reads, for every trainee × assignment, what the gradebook and
the grading statuses say (score, lateness, whether grading failed and why);
`score_frame` pivots that to one row per trainee with 界别 from the roster;
`export_scores` writes it. The report uses the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from trainingkit.cohort.config import quiet_nbgrader
from trainingkit.cohort.directory import Cohort, CohortError

if TYPE_CHECKING:
    import pandas as pd
    from nbgrader.api import Gradebook

    from trainingkit.grading.manual import PendingItem

__all__ = [
    "FORMATS",
    "PENDING_LABEL",
    "STATUS_LABELS",
    "RowState",
    "SubmissionRow",
    "attention_note",
    "check_output",
    "export_scores",
    "needing_attention",
    "pending_items",
    "pending_note",
    "quiet_gradebook",
    "score_frame",
    "submission_rows",
    "trainees",
    "write_sheet",
]

FORMATS = ("csv", "xlsx")


class RowState(StrEnum):
    """Where one trainee × assignment stands (the grading `State` plus two more)."""

    GRADED = "graded"
    ATTENTION = "attention"
    FAILED = "failed"
    NOT_GRADED = "not_graded"  # collected; not graded, or grading was interrupted
    MISSING = "missing"  # nothing collected


#: Submission states → the words shown in exports and the report.
STATUS_LABELS = {
    RowState.GRADED: "已批改",
    RowState.ATTENTION: "已批改，需关注",
    RowState.FAILED: "未能批改",
    RowState.NOT_GRADED: "已收取，未批改",
    RowState.MISSING: "未提交",
}
#: Shown instead of 已批改 while items of a graded submission wait for the teacher.
PENDING_LABEL = "待老师批阅"


@dataclass
class SubmissionRow:
    """One trainee × one assignment."""

    student: str
    name: str
    sector: str
    unit: str
    assignment: str
    status: RowState
    score: float | None = None
    max_score: float = 0.0
    late: bool = False
    reasons: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # 第N题 still to grade by hand
    pending_points: float = 0.0

    @property
    def submitted(self) -> bool:
        """True when a submission was collected."""
        return self.status != "missing"

    @property
    def label(self) -> str:
        """The state in words; graded parts waiting for the teacher say so, with a count."""
        if self.pending and self.status in ("graded", "attention"):
            return f"{PENDING_LABEL}（还有 {len(self.pending)} 项）"
        return STATUS_LABELS[self.status]

    @property
    def graded_max(self) -> float:
        """The points of the parts already graded (pending manual parts left out)."""
        return self.max_score - self.pending_points


def trainees(cohort: Cohort) -> list[tuple[str, str, str, str]]:
    """(id, 姓名, 界别, 单位) of every current trainee: the roster's, plus students only
    the gradebook knows. People a roster import marked removed are left out (their
    grades stay in the gradebook; `trainingkit.cohort.roster.removed_ids`)."""
    from trainingkit.cohort.roster import current_trainees, load_roster

    people = {e.id: (e.id, e.name, e.sector, e.unit) for e in current_trainees(cohort)}
    known = {e.id for e in load_roster(cohort)}
    with quiet_gradebook(), cohort.gradebook() as gradebook:
        for student in gradebook.students:
            if student.id not in known:
                name = f"{student.last_name or ''}{student.first_name or ''}"
                people.setdefault(student.id, (student.id, name, "", ""))
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
        pending = _pending_by_submission(cohort, gradebook)
        for student, name, sector, unit in people:
            for assignment in assignments:
                row = SubmissionRow(student, name, sector, unit, assignment, RowState.MISSING,
                                    max_score=maxima.get(assignment, 0.0))  # fmt: skip
                if cohort.submitted(student, assignment).is_dir():
                    status = read_status(cohort.status_file(assignment, student))
                    done = status is not None and status.done  # not "grading" (interrupted)
                    row.status = RowState(status.status) if status and done else RowState.NOT_GRADED
                    row.reasons = [r.message for r in status.reasons] if status and done else []
                    try:
                        submission = gradebook.find_submission(assignment, student)
                    except MissingEntry:  # collected, not graded yet
                        submission = None
                    if submission is not None:
                        row.late = float(submission.total_seconds_late or 0) > 0
                        if row.status != "failed":
                            row.score = float(submission.score or 0)
                            own = pending.get((assignment, student), [])
                            row.pending = list(dict.fromkeys(i.question for i in own))
                            row.pending_points = sum(i.max_score for i in own)
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
            record[f"{assignment} 状态"] = row.label
            record[f"{assignment} 迟交"] = "是" if row.late else "否"
        done = sum(1 for r in own.values() if r.submitted)
        record["总分"] = sum(r.score or 0.0 for r in own.values())
        record["满分"] = sum(r.max_score for r in own.values())
        record["完成"] = f"{done}/{len(assignments)}"
        record["完成率"] = round(done / len(assignments), 3) if assignments else 0.0
        records.append(record)
    return pd.DataFrame.from_records(records)


def pending_items(cohort: Cohort) -> list[PendingItem]:
    """Every item of a graded submission that still waits for the teacher."""
    with quiet_gradebook(), cohort.gradebook() as gradebook:
        return [i for items in _pending_by_submission(cohort, gradebook).values() for i in items]


def _pending_by_submission(
    cohort: Cohort, gradebook: Gradebook
) -> dict[tuple[str, str], list[PendingItem]]:
    """(assignment, student) → items waiting for the teacher, graded submissions only."""
    from trainingkit.grading.manual import pending_manual, question_labels
    from trainingkit.grading.status import State, read_status

    labels: dict[str, dict[str, str]] = {}
    for assignment in cohort.assignments():
        for notebook in sorted(cohort.source(assignment).glob("*.ipynb")):
            labels.setdefault(assignment, {}).update(question_labels(notebook))
    found: dict[tuple[str, str], list[PendingItem]] = {}
    for item in pending_manual(gradebook, labels):
        status = read_status(cohort.status_file(item.assignment, item.student))
        if status is not None and status.status in (State.GRADED, State.ATTENTION):
            found.setdefault((item.assignment, item.student), []).append(item)
    return found


def pending_note(rows: list[SubmissionRow]) -> str:
    """A line on what still waits for the teacher (formgrader), or ``""``."""
    waiting = [r for r in rows if r.pending and r.status in ("graded", "attention")]
    if not waiting:
        return ""
    items = sum(len(r.pending) for r in waiting)
    return (
        f"{PENDING_LABEL}：{len(waiting)} 份提交还有 {items} 项需要老师在 formgrader 中批阅"
        f"（trainingkit lab 打开）；平均分和总分暂不含这些题。\n"
        f"{items} item(s) in {len(waiting)} submission(s) still need manual grading."
    )


def needing_attention(rows: list[SubmissionRow]) -> list[SubmissionRow]:
    """Collected submissions that failed, are not graded yet, or were graded with remarks."""
    return [r for r in rows if r.status in ("failed", "attention", "not_graded")]


def attention_note(cohort: Cohort) -> str:
    """Bilingual lines when some submissions need attention (exit code 1) or wait for
    the teacher, else ``""``."""
    rows = submission_rows(cohort)
    count = len(needing_attention(rows))
    lines = [pending_note(rows)] if pending_note(rows) else []
    if count:
        lines.append(
            f"有 {count} 份提交需要关注（未能批改、未批改或批改时有提示），详见报告的"
            f"「需要跟进的学员」。\n{count} submission(s) need attention."
        )
    return "\n".join(lines)


def check_output(output: Path) -> None:
    """Raise `CohortError` when the folder ``output`` is to be written in does not exist."""
    if not output.parent.is_dir():
        raise CohortError(
            f"输出目录 {output.parent} 不存在。\nOutput folder {output.parent} does not exist."
        )


def export_scores(cohort: Cohort, *, fmt: str, output: str | Path) -> Path:
    """Write `score_frame` to ``output`` as ``csv`` (UTF-8 with BOM, opens in Excel) or ``xlsx``.

    Raises:
        CohortError: unknown format or an output folder that does not exist.
    """
    output = Path(output)
    if fmt not in FORMATS:
        raise CohortError(f"格式应为 csv 或 xlsx，而不是 {fmt!r}。\nFormat must be csv or xlsx.")
    check_output(output)
    frame = score_frame(cohort)
    if fmt == "csv":
        frame.to_csv(output, index=False, encoding="utf-8-sig")
    else:
        write_sheet(frame, output, "成绩", percent=("完成率",))
    return output


def write_sheet(
    frame: pd.DataFrame, output: Path, sheet: str, *, percent: tuple[str, ...] = ()
) -> None:
    """``frame`` as an xlsx sheet: columns as wide as their text, header frozen,
    ``percent`` columns shown as percentages (the values stay numbers)."""
    import pandas as pd
    from openpyxl.utils import get_column_letter

    with pd.ExcelWriter(output, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet)
        worksheet = writer.sheets[sheet]
        worksheet.freeze_panes = "A2"
        for index, column in enumerate(frame.columns, start=1):
            texts = [str(column), *("" if v is None else str(v) for v in frame[column])]
            width = max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in t) for t in texts)
            letter = get_column_letter(index)
            worksheet.column_dimensions[letter].width = min(max(width + 2, 6), 60)
            if column in percent:
                for cell in worksheet[letter][1:]:
                    cell.number_format = "0%"


#: The one way the kit silences nbgrader's third-party warnings (`quiet_nbgrader`).
quiet_gradebook = quiet_nbgrader
