"""The cohort report: one self-contained HTML file for instructors and organizers.

Sections, in order: overview, what the teacher still has to grade by hand,
score distribution per assignment, per-question difficulty, completion by 界别,
progress (fetched → feedback), trainees who need follow-up, and the quality of
the proposal / 社情民意 drafts according to 提案体检.
Charts are base64 PNG inside the page (`trainingkit.reporting.charts`); the page has
no scripts and no external links, so it can be mailed or archived as one file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trainingkit.cohort.directory import Cohort

__all__ = ["SECTIONS", "render_report", "write_report"]

#: Section ids of the page (anchors), in order; the tests look for each.
SECTIONS = (
    "overview",
    "manual",
    "scores",
    "difficulty",
    "completion",
    "progress",
    "follow-up",
    "drafts",
)


def render_report(cohort: Cohort, *, homes: str | Path | None = None) -> str:
    """The report page as HTML text."""
    from trainingkit.reporting import charts
    from trainingkit.reporting.export import pending_note, score_frame, submission_rows
    from trainingkit.reporting.numbers import draft_summaries, follow_ups, question_stats
    from trainingkit.reporting.progress import progress_rows
    from trainingkit.templating import render_template

    rows = submission_rows(cohort)
    assignments = cohort.assignments()
    progress = progress_rows(cohort, homes=homes)
    stats = question_stats(cohort, rows)
    drafts = draft_summaries(cohort, rows)
    frame = score_frame(cohort, rows)
    context: dict[str, Any] = {
        "title": cohort.title or cohort.name,
        "cohort": cohort.name,
        "sections": SECTIONS,
        "trainees": len(frame),
        "assignments": assignments,
        "submitted": sum(1 for r in rows if r.submitted),
        "expected": len(rows),
        "averages": _averages(rows, assignments),
        "score_chart": charts.score_chart(rows, assignments),
        "difficulty_chart": charts.difficulty_chart(stats),
        "difficulty": stats[:10],
        "completion_chart": charts.completion_chart(rows),
        "progress_chart": charts.progress_chart(progress),
        "fetch_known": homes is not None,
        "follow_ups": follow_ups(rows),
        "pending": [r for r in rows if r.pending and r.status in ("graded", "attention")],
        "pending_note": pending_note(rows).split("\n")[0],
        "drafts": drafts,
        "draft_chart": charts.draft_chart(drafts),
    }
    return render_template("report.html.j2", **context)


def write_report(cohort: Cohort, output: str | Path, *, homes: str | Path | None = None) -> Path:
    """Write the report to ``output`` (UTF-8 HTML).

    Raises:
        CohortError: the output folder does not exist.
    """
    from trainingkit.reporting.export import check_output

    output = Path(output)
    check_output(output)
    html = render_report(cohort, homes=homes)
    output.write_text(html, encoding="utf-8")
    return output


def _averages(rows: list[Any], assignments: list[str]) -> list[dict[str, Any]]:
    result = []
    for assignment in assignments:
        own = [r for r in rows if r.assignment == assignment]
        scored = [r for r in own if r.score is not None]
        waiting = [r for r in scored if r.pending]
        result.append({
            "assignment": assignment,
            "submitted": sum(1 for r in own if r.submitted),
            "graded": len(scored),
            "max_score": own[0].max_score if own else 0,
            "mean": sum(r.score or 0 for r in scored) / len(scored) if scored else None,
            # share of the points graded so far: pending manual parts are left out
            "rate": (sum(r.score or 0 for r in scored) / sum(r.graded_max for r in scored)
                     if scored and sum(r.graded_max for r in scored) else None),
            "pending": len(waiting),
            "late": sum(1 for r in own if r.late),
        })  # fmt: skip
    return result
