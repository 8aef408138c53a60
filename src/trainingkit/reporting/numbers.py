"""The numbers behind the cohort report: question difficulty, follow-up, drafts.

Plain functions over the gradebook, the grading statuses and the submitted
``answers.json`` files; `trainingkit.reporting.report` draws and renders them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from trainingkit.cohort.directory import Cohort
from trainingkit.reporting.export import STATUS_LABELS, SubmissionRow, quiet_gradebook

__all__ = [
    "DRAFT_QUESTIONS",
    "LOW_SCORE",
    "DraftSummary",
    "FollowUp",
    "QuestionStat",
    "draft_summaries",
    "follow_ups",
    "question_stats",
]

#: A trainee whose total is below this share of the points of what they submitted.
LOW_SCORE = 0.6
#: Draft questions reviewed by 提案体检: question id → (assignment, review kind).
DRAFT_QUESTIONS = {
    "proposal_draft": ("02-proposals", "proposal"),
    "sheqing_draft": ("04-sheqing-minyi", "sheqing"),
}


@dataclass(frozen=True)
class QuestionStat:
    """One auto-graded check: how many graded submissions missed full marks.

    ``question`` is the grade id (stable); ``label`` what people read (第N题).
    """

    assignment: str
    question: str
    max_score: float
    graded: int
    missed: int
    label: str = ""

    @property
    def miss_rate(self) -> float:
        """Share of graded submissions without full marks."""
        return self.missed / self.graded if self.graded else 0.0


@dataclass
class FollowUp:
    """A trainee the instructor should contact, with every reason."""

    student: str
    name: str
    sector: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class DraftSummary:
    """提案体检 over the submitted drafts of one question."""

    question: str
    assignment: str
    kind: str
    drafts: int = 0
    registrable: int = 0
    clean: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    messages: dict[str, str] = field(default_factory=dict)


def question_stats(cohort: Cohort, rows: list[SubmissionRow]) -> list[QuestionStat]:
    """Per auto-graded question (grade cell), the share of trainees who missed marks."""
    graded = {(r.assignment, r.student) for r in rows if r.status in ("graded", "attention")}
    counts: dict[tuple[str, str], list[float]] = {}
    with quiet_gradebook(), cohort.gradebook() as gradebook:
        for assignment in gradebook.assignments:
            for submission in assignment.submissions:
                if (assignment.name, submission.student.id) not in graded:
                    continue
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.auto_score is None:
                            continue  # manually graded (draft quality): not a difficulty signal
                        entry = counts.setdefault((assignment.name, grade.name), [0, 0, 0.0])
                        entry[0] += 1
                        entry[1] += int(float(grade.score or 0) < float(grade.max_score))
                        entry[2] = float(grade.max_score)
    labels = _labels(cohort)
    stats = [
        QuestionStat(a, q, v[2], int(v[0]), int(v[1]), labels.get((a, q), ""))
        for (a, q), v in counts.items()
    ]
    return sorted(stats, key=lambda s: (-s.miss_rate, s.assignment, s.question))


def _labels(cohort: Cohort) -> dict[tuple[str, str], str]:
    """(assignment, grade id) → 第N题, with 第k项检查 where a question has several checks."""
    from trainingkit.grading.manual import question_labels

    result: dict[tuple[str, str], str] = {}
    for assignment in cohort.assignments():
        per: dict[str, list[str]] = {}
        for notebook in sorted(cohort.source(assignment).glob("*.ipynb")):
            for grade_id, label in question_labels(notebook).items():
                per.setdefault(label, []).append(grade_id)
        for label, ids in per.items():
            for index, grade_id in enumerate(ids, start=1):
                result[(assignment, grade_id)] = label if len(ids) == 1 else f"{label}第{index}项"
    return result


def follow_ups(rows: list[SubmissionRow]) -> list[FollowUp]:
    """Trainees with a missing, failed, flagged or late submission, or a low score."""
    people: dict[str, FollowUp] = {}
    totals: dict[str, list[float]] = {}
    for row in rows:
        person = people.setdefault(row.student, FollowUp(row.student, row.name, row.sector))
        if row.status == "missing":
            person.reasons.append(f"{row.assignment}：未提交")
        elif row.status in ("failed", "attention", "not_graded"):
            detail = "；".join(row.reasons) or STATUS_LABELS[row.status]
            person.reasons.append(f"{row.assignment}：{STATUS_LABELS[row.status]}（{detail}）")
        if row.late:
            person.reasons.append(f"{row.assignment}：迟交")
        if row.score is not None:
            total = totals.setdefault(row.student, [0.0, 0.0])
            total[0] += row.score
            total[1] += row.graded_max  # parts waiting for the teacher are left out
    for student, (score, maximum) in totals.items():
        if maximum and score / maximum < LOW_SCORE:
            people[student].reasons.append(
                f"得分偏低：已批改部分得 {score:g} / {maximum:g} 分（低于 {LOW_SCORE:.0%}）"
            )
    return [p for p in people.values() if p.reasons]


def draft_summaries(cohort: Cohort, rows: list[SubmissionRow]) -> list[DraftSummary]:
    """Run 提案体检 over every submitted draft read from the submissions' answers.json."""
    from trainingkit.review import review_draft

    summaries = []
    for question, (assignment, kind) in DRAFT_QUESTIONS.items():
        summary = DraftSummary(question, assignment, kind)
        for row in rows:
            if row.assignment != assignment or not row.submitted:
                continue
            text = _answer(cohort, row.student, assignment, question)
            if not isinstance(text, str) or not text.strip():
                continue
            review = review_draft(kind, text)
            summary.drafts += 1
            summary.registrable += int(review.registrable)
            summary.clean += int(not [f for f in review.findings if f.severity != "hint"])
            for finding in review.findings:
                if finding.severity == "hint":
                    continue  # 请核实 is no finding (as in the quality test)
                summary.codes[finding.code] += 1
                summary.messages.setdefault(finding.code, finding.message)
        summaries.append(summary)
    return summaries


def _answer(cohort: Cohort, student: str, assignment: str, question: str) -> Any:
    path = cohort.submitted(student, assignment) / "answers.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get(question) if isinstance(data, dict) else None
