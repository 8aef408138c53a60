"""Grade a cohort: parallel workers, resumable, one status per submission.

The parent imports nbgrader once, prepares each submission and writes the
gradebook; forked workers only execute notebooks in their `Sandbox`. A worker
that dies or overruns is killed and its submission marked failed; the batch goes
on. A submission's status says ``grading`` before anything of it is touched and
becomes final only after its gradebook commit and its autograded notebooks, so a
run that is killed at any moment, with or without ``--force``, resumes to the
same cohort as a run that was never interrupted.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, cast

from trainingkit.cohort.config import quiet_nbgrader
from trainingkit.cohort.directory import Cohort
from trainingkit.grading.execute import WorkerResult, default_jobs, run_in_sandbox
from trainingkit.grading.manual import (
    answer_digests,
    clear_manual,
    has_manual,
    keep_reviewed,
    question_label,
    question_labels,
)
from trainingkit.grading.outcome import failure_reasons, output_reasons, prepare_failure
from trainingkit.grading.pipeline import Prepared, SubmissionGrader
from trainingkit.grading.preflight import preflight
from trainingkit.grading.sandbox import (
    Limits,
    Sandbox,
    claim_slots,
    die_with_parent,
    remove_stale_scratch,
)
from trainingkit.grading.status import (
    Reason,
    State,
    SubmissionStatus,
    read_status,
    reason,
    submission_digest,
    write_status,
)
from trainingkit.grading.zygote import Zygote

__all__ = ["GradeRun", "grade"]

_CONTEXT = multiprocessing.get_context("fork")


@dataclass
class GradeRun:
    """The outcome of ``grade``: every selected submission's status."""

    statuses: list[SubmissionStatus] = field(default_factory=list)
    graded_now: int = 0
    skipped: int = 0
    isolation: str = ""

    @property
    def exit_code(self) -> int:
        """0 when every submission is fine, 1 when some need attention."""
        return 1 if any(s.needs_attention for s in self.statuses) else 0


@dataclass
class _Running:
    prepared: Prepared
    process: Any
    stack: ExitStack  # holds the submission's Sandbox
    slot: int
    started: float
    deadline: float
    digest: str
    manual: _Manual


def grade(
    cohort: Cohort,
    assignments: list[str] | None = None,
    *,
    jobs: int | None = None,
    timeout: int | None = None,
    trainees: list[str] | None = None,
    force: bool = False,
    limits: Limits | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    weak_isolation: bool = False,
) -> GradeRun:
    """Autograde collected submissions into nbgrader's gradebook.

    Args:
        cohort: The cohort.
        assignments: Assignment ids; default every assignment with submissions.
        jobs: Parallel workers; default two per CPU core (`default_jobs`).
        timeout: Seconds per cell (overrides ``Execute.timeout``).
        trainees: Only these student ids.
        force: Regrade submissions that already have a status.
        limits: Sandbox resource limits.
        progress: Called as ``progress(label, done, total)`` after each submission.
        weak_isolation: As root without bubblewrap, grade anyway (see `preflight`).

    Raises:
        CohortError: unknown assignment or trainee; nothing is graded then.
        SandboxUnavailable: the trial kernel failed; nothing is graded then.
    """
    config = cohort.nbgrader_config()
    if timeout is not None:
        config.Execute.timeout = int(timeout)
    todo, run = _select(cohort, assignments, trainees, force)
    limits = limits or Limits()
    run.isolation = Sandbox(0, limits).isolation
    remove_stale_scratch()
    batch = _Batch(cohort, config, limits, run, len(todo), progress)
    with batch.workers(max(1, jobs or default_jobs())):
        if todo:  # a machine that cannot run the sandbox stops here, before any submission
            batch.preflight(weak_isolation=weak_isolation)
        while todo or batch.running:
            while todo and batch.free:
                batch.start(*todo.pop(0))
            batch.collect_finished()
            batch.stop_overrunning()
    return run


def _select(
    cohort: Cohort, assignments: list[str] | None, trainees: list[str] | None, force: bool
) -> tuple[list[tuple[str, str, str]], GradeRun]:
    """Submissions to grade now; a done status with the same content is trusted."""
    todo, run = [], GradeRun()
    for assignment, student in cohort.collected(assignments, trainees):
        digest = submission_digest(cohort.submitted(student, assignment))
        old = read_status(cohort.status_file(assignment, student))
        if (
            old is not None
            and not force
            and old.digest == digest
            and _complete_on_disk(cohort, old)
        ):
            run.statuses.append(old)
            run.skipped += 1
        else:
            todo.append((assignment, student, digest))
    return todo, run


def _complete_on_disk(cohort: Cohort, status: SubmissionStatus) -> bool:
    """A done status whose autograded notebooks (what feedback reads) are there."""
    if not status.done:
        return False
    folder = cohort.autograded(status.student, status.assignment)
    return status.status == State.FAILED or any(folder.glob("*.ipynb"))


class _Batch:
    """The submissions being graded: sandbox slots, zygotes, workers, statuses.

    One submission goes through these steps, in order: `start` (mark it
    ``grading``, clear manual grades whose answer changed, prepare it, start its
    worker), then `collect_finished` or `stop_overrunning` (save its scores, write
    its done status). ``workers`` holds the slots and zygotes and, on leaving,
    also on Ctrl-C, leaves no worker, kernel or scratch folder behind.
    """

    def __init__(
        self,
        cohort: Cohort,
        config: Any,
        limits: Limits,
        run: GradeRun,
        total: int,
        progress: Callable[[str, int, int], None] | None,
    ) -> None:
        self.cohort, self.config, self.limits, self.run = cohort, config, limits, run
        self.total, self.done, self.progress = total, 0, progress
        self.grader = SubmissionGrader(cohort, config)
        self.cell_timeout = int(config.Execute.timeout)
        self.hidden = (cohort.root, cohort.exchange)
        self.free: list[int] = []
        self.running: dict[Connection, _Running] = {}
        self.zygotes: dict[int, Zygote] = {}

    @contextmanager
    def workers(self, jobs: int) -> Iterator[None]:
        """Claim ``jobs`` sandbox users for this run; release everything on leaving."""
        claimed = claim_slots(jobs)  # sandbox users of this run only
        self.free = [slot for slot, _ in claimed]
        try:
            yield
        finally:
            for job in self.running.values():
                job.process.kill()
                job.process.join()
                job.stack.close()
            for zygote in self.zygotes.values():
                zygote.close()
            for _, descriptor in claimed:
                os.close(descriptor)

    def preflight(self, *, weak_isolation: bool) -> None:
        """One trial kernel in the first slot's sandbox; its zygote is kept for grading.

        Raises:
            SandboxUnavailable: the machine cannot run the sandbox (nothing touched yet).
        """
        slot = self.free[0]
        self.zygotes[slot] = preflight(
            slot, self.limits, self.hidden, self.config, self.grader.worker_preprocessors,
            weak_isolation=weak_isolation,
        )  # fmt: skip

    def start(self, assignment: str, student: str, digest: str) -> None:
        """Mark, reset stale manual grades, prepare, and hand to a worker."""
        started = time.monotonic()
        manual = _begin(self.cohort, assignment, student, digest)
        try:
            prepared = self.grader.prepare(assignment, student)
        except Exception as error:  # one broken submission never stops the batch
            self.grader.discard(assignment, student)
            failed = _status(assignment, student, State.FAILED, [prepare_failure(error)], digest)
            self._record(_with_manual(self.cohort, failed, manual))
            return
        slot = self.free.pop(0)
        zygote = self.zygotes.get(slot)
        if zygote is None or not zygote.alive:
            if zygote is not None:
                zygote.close()
            zygote = self.zygotes[slot] = Zygote(Sandbox(slot, self.limits, hide=self.hidden))
        stack = ExitStack()
        sandbox = stack.enter_context(
            Sandbox(slot, self.limits, hide=self.hidden, parent_dir=zygote.folder)
        )
        receive, send = _CONTEXT.Pipe(duplex=False)
        process = _CONTEXT.Process(
            target=_worker,
            args=(send, sandbox, zygote, prepared, self.config, self.grader.worker_preprocessors),
            daemon=True,
        )
        process.start()
        send.close()
        wall = 90 + (self.cell_timeout + 5) * _code_cells(prepared)
        self.running[receive] = _Running(
            prepared, process, stack, slot, started, started + wall, digest, manual
        )

    def collect_finished(self) -> None:
        """Record every worker that sent its result (or died)."""
        for ready in wait(list(self.running), timeout=0.5):
            connection = cast(Connection, ready)
            job = self.running.pop(connection)
            try:
                result = cast(WorkerResult, connection.recv())
            except (EOFError, OSError):
                detail = f"exit code {job.process.exitcode}"
                result = WorkerResult(error_kind="WorkerCrashed", error_detail=detail)
            self._finish(job, result)

    def stop_overrunning(self) -> None:
        """Stop and record every worker past its wall-clock deadline."""
        for connection, job in list(self.running.items()):
            if time.monotonic() > job.deadline:
                del self.running[connection]
                result = WorkerResult(error_kind="WallTimeout", error_detail=str(job.deadline))
                self._finish(job, result)

    def _finish(self, job: _Running, result: WorkerResult) -> None:
        status = _complete(self.grader, job, result, self.cell_timeout, self.limits)
        self._record(_with_manual(self.cohort, status, job.manual))
        self.free.append(job.slot)

    def _record(self, status: SubmissionStatus) -> None:
        write_status(self.cohort.status_file(status.assignment, status.student), status)
        self.run.statuses.append(status)
        self.run.graded_now += 1
        self.done += 1
        if self.progress:
            self.progress(f"{status.assignment}/{status.student}", self.done, self.total)


@dataclass
class _Manual:
    """The manual items of a submission being graded: new answer digests, items reset."""

    answers: dict[str, str]
    reset: list[str]
    unchanged: list[str]


def _begin(cohort: Cohort, assignment: str, student: str, digest: str) -> _Manual:
    """Write the ``grading`` status, then clear manual grades whose answer changed.

    The ``grading`` status keeps the answer digests of the last finished grading
    and the items already reset, so a rerun after an interrupt at any point here
    compares with the same old answers and tells the teacher about the same items.
    """
    path = cohort.status_file(assignment, student)
    old = read_status(path)
    expected = cohort.release(assignment)
    if not any(expected.glob("*.ipynb")):
        expected = cohort.source(assignment)
    new = answer_digests(expected, cohort.submitted(student, assignment))
    previous = dict(old.manual_answers) if old is not None else {}
    if old is not None and old.done and not previous:  # graded before digests were kept
        previous = answer_digests(expected, cohort.autograded(student, assignment))
    reset = list(old.manual_reset) if old is not None and not old.done else []
    with quiet_nbgrader(), cohort.gradebook() as gradebook:
        changed = [
            item
            for item in sorted(set(previous) | set(new))
            if previous.get(item) != new.get(item)
            and item not in reset
            and has_manual(gradebook, assignment, student, item)
        ]
        reset += changed
        marker = SubmissionStatus(assignment, student, State.GRADING, digest=digest)
        marker.manual_answers, marker.manual_reset = previous, reset
        write_status(path, marker)  # before the gradebook changes: see the docstring
        clear_manual(gradebook, assignment, student, changed)
    unchanged = [item for item in new if previous.get(item) == new[item]]
    return _Manual(new, reset, unchanged)


def _with_manual(cohort: Cohort, status: SubmissionStatus, manual: _Manual) -> SubmissionStatus:
    """The done status, with the new answer digests and a reason per item reset."""
    status.manual_answers, status.manual_reset = manual.answers, manual.reset
    if status.status != State.FAILED and manual.unchanged:
        with quiet_nbgrader(), cohort.gradebook() as gradebook:
            keep_reviewed(gradebook, status.assignment, status.student, manual.unchanged)
    labels: dict[str, str] = {}
    for notebook in cohort.source(status.assignment).glob("*.ipynb"):
        labels |= question_labels(notebook)
    for item in manual.reset:
        question = question_label(labels, item.split("/", 1)[1])
        status.reasons.append(reason("manual_reset", question=question))
    if manual.reset and status.status == State.GRADED:
        status.status = State.ATTENTION
    return status


def _worker(
    send: Connection, sandbox: Sandbox, zygote: Zygote, prepared: Prepared, config: Any, pps: list
) -> None:
    die_with_parent()
    try:
        with quiet_nbgrader():
            result = run_in_sandbox(
                sandbox,
                prepared.folder,
                prepared.notebooks,
                config=config,
                preprocessors=pps,
                zygote=zygote,
            )
        send.send(result)
    finally:
        os._exit(0)  # skip the parent's atexit handlers inherited through fork


def _complete(
    grader: SubmissionGrader, job: _Running, result: WorkerResult, cell_timeout: int, limits: Limits
) -> SubmissionStatus:
    if job.process.is_alive():
        job.process.kill()
    job.process.join()
    job.stack.close()
    prepared = job.prepared
    reasons = list(prepared.reasons)
    if result.error_kind:
        grader.discard(prepared.assignment, prepared.student)
        reasons += failure_reasons(result, wall=round(job.deadline - job.started))
        return _status(
            prepared.assignment, prepared.student, State.FAILED, reasons, job.digest, job
        )
    try:
        grader.finish(prepared, result.notebooks)
    except Exception as error:
        grader.discard(prepared.assignment, prepared.student)
        reasons.append(reason("error", detail=f"{type(error).__name__}: {error}"[:300]))
        return _status(
            prepared.assignment, prepared.student, State.FAILED, reasons, job.digest, job
        )
    reasons += output_reasons(result.notebooks, cell_timeout=cell_timeout, limits=limits)
    seconds_late, score = grader.lateness(prepared.assignment, prepared.student)
    if seconds_late > 0:
        reasons.append(reason("late", late=_duration(seconds_late)))
    status = _status(
        prepared.assignment,
        prepared.student,
        State.ATTENTION if any(r.code != "late" for r in reasons) else State.GRADED,
        reasons,
        job.digest,
        job,
    )
    status.score, status.late, status.seconds_late = score, seconds_late > 0, seconds_late
    return status


def _status(
    assignment: str,
    student: str,
    kind: State,
    reasons: list[Reason],
    digest: str,
    job: _Running | None = None,
) -> SubmissionStatus:
    seconds = round(time.monotonic() - job.started, 2) if job is not None else 0.0
    return SubmissionStatus(assignment, student, kind, reasons, digest=digest, seconds=seconds)


def _code_cells(prepared: Prepared) -> int:
    import json

    count = 0
    for name in prepared.notebooks:
        cells = json.loads((prepared.folder / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
        count += sum(1 for cell in cells if cell.get("cell_type") == "code")
    return max(count, 1)


def _duration(seconds: float) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} 小时 {rest // 60} 分钟" if hours else f"{max(rest // 60, 1)} 分钟"
