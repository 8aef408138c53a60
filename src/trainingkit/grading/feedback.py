"""Per-trainee feedback in Chinese, without hidden tests, released through the exchange.

Built on nbgrader's ``GenerateFeedback`` converter and its exchange's
``ReleaseFeedback``, so trainees fetch the feedback in the Assignments tab as
usual. The preprocessor list and the Chinese page template are the cohort's
nbgrader configuration (`trainingkit.cohort.config.feedback_config`), so
formgrader's "Generate Feedback" button uses them too.

Submissions that could not be graded (G1's status ``failed``) get no feedback:
nbgrader has no autograded notebook for them. They are reported back so the
command exits 1 and the instructor can follow up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from trainingkit.cohort.assignments import nbgrader_api, nbgrader_error
from trainingkit.cohort.config import feedback_config, quiet_nbgrader
from trainingkit.cohort.directory import Cohort

if TYPE_CHECKING:
    from nbgrader.apps.api import NbGraderAPI

__all__ = [
    "FeedbackResult",
    "FeedbackRun",
    "FeedbackState",
    "generate_feedback",
]


class FeedbackState(StrEnum):
    """What became of one submission's feedback."""

    RELEASED = "released"  # written and released through the exchange
    GENERATED = "generated"  # written only (``--no-release``)
    MISSING = "missing"  # none: not graded, or generating/releasing failed (``reason``)


@dataclass(frozen=True)
class FeedbackResult:
    """Feedback for one submission, with a reason when it is missing."""

    assignment: str
    student: str
    status: FeedbackState
    reason: str = ""
    files: tuple[str, ...] = ()


@dataclass
class FeedbackRun:
    """All feedback results of one run."""

    results: list[FeedbackResult] = field(default_factory=list)

    def having(self, state: FeedbackState) -> list[FeedbackResult]:
        """The results in ``state``."""
        return [r for r in self.results if r.status == state]

    @property
    def released(self) -> list[FeedbackResult]:
        """Submissions whose feedback was generated and released."""
        return self.having(FeedbackState.RELEASED)

    @property
    def missing(self) -> list[FeedbackResult]:
        """Submissions that got no feedback, each with a reason."""
        return self.having(FeedbackState.MISSING)

    @property
    def exit_code(self) -> int:
        """0 when every submission has feedback, 1 when some need attention."""
        return 1 if self.missing else 0


def generate_feedback(
    cohort: Cohort,
    assignments: list[str] | None = None,
    *,
    trainees: list[str] | None = None,
    release: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> FeedbackRun:
    """Write (and release) feedback for every collected submission.

    Args:
        cohort: The cohort.
        assignments: Assignment ids; default every assignment with submissions.
        trainees: Only these student ids.
        release: Also release through the exchange (default yes).
        progress: Called as ``progress(label, done, total)`` after each submission.

    Raises:
        CohortError: unknown assignment or trainee; nothing is written then.
    """
    todo = cohort.collected(assignments, trainees)
    api = _api(cohort)
    run = FeedbackRun()
    for done, (assignment, student) in enumerate(todo, start=1):
        run.results.append(_one(cohort, api, assignment, student, release=release))
        if progress:
            progress(f"{assignment}/{student}", done, len(todo))
    return run


def _api(cohort: Cohort) -> NbGraderAPI:
    return nbgrader_api(cohort, feedback_config)


def _one(
    cohort: Cohort, api: NbGraderAPI, assignment: str, student: str, *, release: bool
) -> FeedbackResult:
    from trainingkit.grading.status import State, read_status

    missing = FeedbackState.MISSING
    status = read_status(cohort.status_file(assignment, student))
    graded = status is not None and status.done and status.status != State.FAILED
    if not graded or not any(cohort.autograded(student, assignment).glob("*.ipynb")):
        return FeedbackResult(
            assignment, student, missing, _why_not_graded(cohort, assignment, student)
        )
    api.config.ScrubHiddenTests.notes = _grading_notes(cohort, assignment, student)
    with quiet_nbgrader():
        result = api.generate_feedback(assignment, student)
    if not result.get("success"):
        return FeedbackResult(
            assignment, student, missing, "生成反馈失败：" + nbgrader_error(result)
        )
    folder = cohort.feedback(student, assignment)
    files = tuple(sorted(p.name for p in folder.glob("*.html")))
    if release:
        problem = _release(api, assignment, student)
        if problem:
            return FeedbackResult(assignment, student, missing, "发布反馈失败：" + problem)
    state = FeedbackState.RELEASED if release else FeedbackState.GENERATED
    return FeedbackResult(assignment, student, state, "", files)


def _release(api: NbGraderAPI, assignment: str, student: str) -> str:
    """nbgrader's exchange ``ReleaseFeedback`` for one submission; "" or the error.

    Called directly rather than through ``NbGraderAPI.release_feedback``, which
    passes a misspelt ``authentictor=`` keyword (nbgrader 0.9.6) that traitlets warns about.
    """
    from nbgrader.exchange import ExchangeError

    coursedir = api.coursedir
    saved = coursedir.assignment_id, coursedir.student_id
    coursedir.assignment_id, coursedir.student_id = assignment, student
    try:
        exchange = api.exchange.ReleaseFeedback(
            coursedir=coursedir, authenticator=api.authenticator, parent=api
        )
        exchange.start()
    except ExchangeError as error:
        return str(error) or type(error).__name__
    finally:
        coursedir.assignment_id, coursedir.student_id = saved
    return ""


def _grading_notes(cohort: Cohort, assignment: str, student: str) -> list[str]:
    """The grading status's reasons (plain Chinese, written for trainees too)."""
    from trainingkit.grading.status import read_status

    status = read_status(cohort.status_file(assignment, student))
    return [r.message for r in status.reasons] if status else []


def _why_not_graded(cohort: Cohort, assignment: str, student: str) -> str:
    from trainingkit.grading.status import read_status

    status = read_status(cohort.status_file(assignment, student))
    if status is None or not status.done:
        return "尚未批改完，没有反馈（请先运行 trainingkit grade）。"
    reasons = "；".join(r.message for r in status.reasons) or status.status
    return (
        f"未能自动批改，没有反馈：{reasons}（请学员修正后重新提交，"
        "再运行 trainingkit collect 和 trainingkit grade）"
    )
