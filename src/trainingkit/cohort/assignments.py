"""Release, collect and schedule assignments through nbgrader.

Due dates come from ``--due`` or from the cohort's ``schedule.toml``::

    # 三天的培训班，每天一个单元（虚构示例）
    "01-duties" = "2026-12-01 18:00"
    "02-proposals" = "2026-12-02 18:00"

Times are Beijing time (Asia/Shanghai). They are stored in nbgrader's gradebook
(``Assignment.duedate``, naive UTC as nbgrader expects), so nbgrader itself
computes how late each submission is; `late_submissions` reads it back.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from trainingkit.cohort.directory import Cohort, CohortError

if TYPE_CHECKING:
    from nbgrader.apps.api import NbGraderAPI

__all__ = [
    "TIMEZONE",
    "collect",
    "late_submissions",
    "parse_due",
    "read_schedule",
    "release",
]

TIMEZONE = ZoneInfo("Asia/Shanghai")
_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S")


def parse_due(text: str) -> datetime:
    """``"2026-12-01 18:00"`` (Beijing time) → naive UTC datetime for nbgrader."""
    value = text.strip()
    for fmt in _FORMATS:
        try:
            local = datetime.strptime(value, fmt).replace(tzinfo=TIMEZONE)
        except ValueError:
            continue
        return local.astimezone(UTC).replace(tzinfo=None)
    raise CohortError(
        f"截止时间 {text!r} 的格式应为 2026-12-01 18:00（北京时间）。\n"
        f"Due date {text!r} must look like 2026-12-01 18:00 (Asia/Shanghai)."
    )


def read_schedule(cohort: Cohort) -> dict[str, datetime]:
    """The cohort's ``schedule.toml`` as assignment → naive UTC due date."""
    if not cohort.schedule_file.is_file():
        return {}
    try:
        data = tomllib.loads(cohort.schedule_file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CohortError(
            f"schedule.toml 格式有误：{error}\nschedule.toml is not valid TOML: {error}"
        ) from error
    return {str(key): parse_due(str(value)) for key, value in data.items()}


def _api(cohort: Cohort) -> NbGraderAPI:
    from nbgrader.apps.api import NbGraderAPI

    config = cohort.nbgrader_config()
    config.ExchangeReleaseAssignment.force = True  # releasing again replaces the release
    return NbGraderAPI(coursedir=cohort.coursedir(config), config=config)


def release(
    cohort: Cohort, assignments: list[str] | None = None, *, due: str | None = None
) -> dict[str, datetime | None]:
    """Generate the student version of each assignment and release it.

    Args:
        cohort: The cohort.
        assignments: Assignment ids; default all.
        due: Due date for all of them (Beijing time); else ``schedule.toml``.

    Returns:
        assignment → due date stored (naive UTC) or None.

    Raises:
        CohortError: unknown assignment, bad date, or nbgrader failed.
    """
    chosen = cohort.check_assignments(assignments)
    schedule = read_schedule(cohort)
    fixed = parse_due(due) if due else None
    api = _api(cohort)
    stored: dict[str, datetime | None] = {}
    for assignment in chosen:
        duedate = fixed or schedule.get(assignment)
        with cohort.gradebook() as gradebook:
            gradebook.update_or_create_assignment(assignment, duedate=duedate)
        _run(api.generate_assignment(assignment), "generate_assignment", assignment)
        _run(api.release_assignment(assignment), "release_assignment", assignment)
        stored[assignment] = duedate
    return stored


def collect(cohort: Cohort, assignments: list[str] | None = None) -> dict[str, int]:
    """Collect submissions from the exchange; return assignment → trainees collected."""
    chosen = cohort.check_assignments(assignments)
    api = _api(cohort)
    counts = {}
    for assignment in chosen:
        _run(api.collect(assignment), "collect", assignment)
        counts[assignment] = len(cohort.submissions(assignment))
    return counts


def late_submissions(cohort: Cohort) -> dict[tuple[str, str], float]:
    """(assignment, student) → seconds late, for every late submission."""
    late = {}
    with cohort.gradebook() as gradebook:
        for assignment in gradebook.assignments:
            for submission in assignment.submissions:
                seconds = float(submission.total_seconds_late or 0)
                if seconds > 0:
                    late[(assignment.name, submission.student.id)] = seconds
    return late


def _run(result: dict[str, Any], step: str, assignment: str) -> None:
    if not result.get("success"):
        detail = (result.get("log") or result.get("error") or "").strip().splitlines()[-5:]
        raise CohortError(
            f"nbgrader {step} 处理 {assignment} 失败：\n" + "\n".join(detail) + "\n"
            f"nbgrader {step} failed for {assignment}."
        )
