"""Release, collect and schedule assignments through nbgrader.

Due dates come from ``--due`` or from the cohort's ``schedule.toml``::

    # 三天的培训班，每天一个单元（虚构示例）
    "01-duties" = "2026-12-01 18:00"
    "02-proposals" = "2026-12-02 18:00"

Times are Beijing time (Asia/Shanghai). They are stored in nbgrader's gradebook
(``Assignment.duedate``, naive UTC as nbgrader expects), so nbgrader itself
computes how late each submission is. Everything shown to people is Beijing time
(`beijing`).

`nbgrader_api` and `nbgrader_error` are the one way the kit drives nbgrader's
``NbGraderAPI`` and reads its failures (release, collect, feedback).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from trainingkit.cohort.directory import Cohort, CohortError

if TYPE_CHECKING:
    from nbgrader.apps.api import NbGraderAPI

__all__ = [
    "TIMEZONE",
    "Collected",
    "beijing",
    "collect",
    "nbgrader_api",
    "nbgrader_error",
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


def beijing(naive_utc: datetime) -> datetime:
    """A due date as nbgrader stores it (naive UTC) in Beijing time."""
    return naive_utc.replace(tzinfo=UTC).astimezone(TIMEZONE)


def nbgrader_api(cohort: Cohort, configure: Callable[[Any], None] | None = None) -> NbGraderAPI:
    """nbgrader's ``NbGraderAPI`` on the cohort's configuration (``configure`` may add to it)."""
    from nbgrader.apps.api import NbGraderAPI

    config = cohort.nbgrader_config()
    if configure is not None:
        configure(config)
    return NbGraderAPI(coursedir=cohort.coursedir(config), config=config)


def nbgrader_error(result: dict[str, Any], lines: int = 1) -> str:
    """The last ``lines`` lines of what a failed ``NbGraderAPI`` call logged."""
    text = (result.get("log") or result.get("error") or "").strip().splitlines()
    return "\n".join(text[-lines:]) if text else "原因不明 unknown"


def _api(cohort: Cohort) -> NbGraderAPI:
    def force(config: Any) -> None:  # releasing again replaces the release
        config.ExchangeReleaseAssignment.force = True

    return nbgrader_api(cohort, force)


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


@dataclass(frozen=True)
class Collected:
    """What ``collect`` found for one assignment: every collected trainee, and who is new."""

    students: list[str]
    new: list[str]  # first submission collected now
    updated: list[str]  # a newer submission replaced the one collected before

    def __len__(self) -> int:
        return len(self.students)


def collect(cohort: Cohort, assignments: list[str] | None = None) -> dict[str, Collected]:
    """Collect submissions from the exchange; per assignment, who was collected and who is new."""
    chosen = cohort.check_assignments(assignments)
    api = _api(cohort)
    result = {}
    for assignment in chosen:
        before = {s: _stamp(cohort, s, assignment) for s in cohort.submissions(assignment)}
        _run(api.collect(assignment), "collect", assignment)
        after = cohort.submissions(assignment)
        result[assignment] = Collected(
            after,
            [s for s in after if s not in before],
            [s for s in after if s in before and _stamp(cohort, s, assignment) != before[s]],
        )
    return result


def _stamp(cohort: Cohort, student: str, assignment: str) -> str:
    try:
        return (cohort.submitted(student, assignment) / "timestamp.txt").read_text().strip()
    except OSError:
        return ""


def _run(result: dict[str, Any], step: str, assignment: str) -> None:
    if not result.get("success"):
        raise CohortError(
            f"nbgrader {step} 处理 {assignment} 失败：\n{nbgrader_error(result, 5)}\n"
            f"nbgrader {step} failed for {assignment}."
        )
