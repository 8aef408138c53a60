"""Grade a cohort: parallel workers, resumable, one status per submission.

The parent imports nbgrader once, prepares each submission and writes the
gradebook; forked workers only execute notebooks in their `Sandbox`. A worker
that dies or overruns is killed and its submission marked failed; the batch goes
on. After the gradebook commit of a submission its status file is written, so a
run that is killed at any moment resumes where it stopped.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, cast

from trainingkit.cohort.directory import Cohort
from trainingkit.grading.execute import WorkerResult, default_jobs, run_in_sandbox
from trainingkit.grading.outcome import failure_reasons, output_reasons, prepare_failure
from trainingkit.grading.pipeline import Prepared, SubmissionGrader, quiet_third_party
from trainingkit.grading.sandbox import (
    Limits,
    Sandbox,
    claim_slots,
    die_with_parent,
    remove_stale_scratch,
)
from trainingkit.grading.status import (
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
    sandbox: Sandbox
    slot: int
    started: float
    deadline: float
    digest: str


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

    Raises:
        CohortError: unknown assignment or trainee; nothing is graded then.
    """
    config = cohort.nbgrader_config()
    if timeout is not None:
        config.Execute.timeout = int(timeout)
    todo, run = _select(cohort, assignments, trainees, force)
    grader = SubmissionGrader(cohort, config)
    limits = limits or Limits()
    jobs = max(1, jobs or default_jobs())
    run.isolation = Sandbox(0, limits).isolation
    remove_stale_scratch()
    cell_timeout = int(config.Execute.timeout)
    hidden = (cohort.root, cohort.exchange)
    claimed = claim_slots(jobs)  # sandbox users of this run only
    free = [slot for slot, _ in claimed]
    running: dict[Connection, _Running] = {}
    total, done = len(todo), 0

    def record(status: SubmissionStatus) -> None:
        nonlocal done
        write_status(cohort.status_file(status.assignment, status.student), status)
        run.statuses.append(status)
        run.graded_now += 1
        done += 1
        if progress:
            progress(f"{status.assignment}/{status.student}", done, total)

    zygotes: dict[int, Zygote] = {}
    try:
        while todo or running:
            while todo and free:
                assignment, student, digest = todo.pop(0)
                started = time.monotonic()
                try:
                    prepared = grader.prepare(assignment, student)
                except Exception as error:  # one broken submission never stops the batch
                    grader.discard(assignment, student)
                    record(_status(assignment, student, "failed", [prepare_failure(error)], digest))
                    continue
                slot = free.pop(0)
                zygote = zygotes.get(slot)
                if zygote is None or not zygote.alive:
                    if zygote is not None:
                        zygote.close()
                    zygote = zygotes[slot] = Zygote(Sandbox(slot, limits, hide=hidden))
                sandbox = Sandbox(slot, limits, hide=hidden, parent_dir=zygote.folder).__enter__()
                receive, send = _CONTEXT.Pipe(duplex=False)
                process = _CONTEXT.Process(
                    target=_worker,
                    args=(send, sandbox, zygote, prepared, config, grader.worker_preprocessors),
                    daemon=True,
                )
                process.start()
                send.close()
                wall = 90 + (cell_timeout + 5) * _code_cells(prepared)
                running[receive] = _Running(
                    prepared, process, sandbox, slot, started, started + wall, digest
                )
            for ready in wait(list(running), timeout=0.5):
                connection = cast(Connection, ready)
                job = running.pop(connection)
                try:
                    result = cast(WorkerResult, connection.recv())
                except (EOFError, OSError):
                    detail = f"exit code {job.process.exitcode}"
                    result = WorkerResult(error_kind="WorkerCrashed", error_detail=detail)
                record(_complete(grader, job, result, cell_timeout, limits))
                free.append(job.slot)
            for connection, job in list(running.items()):
                if time.monotonic() > job.deadline:
                    del running[connection]
                    result = WorkerResult(error_kind="WallTimeout", error_detail=str(job.deadline))
                    record(_complete(grader, job, result, cell_timeout, limits))
                    free.append(job.slot)
    finally:  # also on Ctrl-C: no worker, kernel or scratch folder is left behind
        for job in running.values():
            job.process.kill()
            job.process.join()
            job.sandbox.__exit__(None, None, None)
        for zygote in zygotes.values():
            zygote.close()
        for _, descriptor in claimed:
            os.close(descriptor)
    return run


def _select(
    cohort: Cohort, assignments: list[str] | None, trainees: list[str] | None, force: bool
) -> tuple[list[tuple[str, str, str]], GradeRun]:
    todo, run = [], GradeRun()
    for assignment, student in cohort.collected(assignments, trainees):
        digest = submission_digest(cohort.submitted(student, assignment))
        old = read_status(cohort.status_file(assignment, student))
        if old is not None and not force and old.digest == digest:
            run.statuses.append(old)
            run.skipped += 1
        else:
            todo.append((assignment, student, digest))
    return todo, run


def _worker(
    send: Connection, sandbox: Sandbox, zygote: Zygote, prepared: Prepared, config: Any, pps: list
) -> None:
    die_with_parent()
    try:
        with quiet_third_party():
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
    job.sandbox.__exit__(None, None, None)
    prepared = job.prepared
    reasons = list(prepared.reasons)
    if result.error_kind:
        grader.discard(prepared.assignment, prepared.student)
        reasons += failure_reasons(result, wall=round(job.deadline - job.started))
        return _status(prepared.assignment, prepared.student, "failed", reasons, job.digest, job)
    try:
        grader.finish(prepared, result.notebooks)
    except Exception as error:
        grader.discard(prepared.assignment, prepared.student)
        reasons.append(reason("error", detail=f"{type(error).__name__}: {error}"[:300]))
        return _status(prepared.assignment, prepared.student, "failed", reasons, job.digest, job)
    reasons += output_reasons(result.notebooks, cell_timeout=cell_timeout, limits=limits)
    seconds_late, score = grader.lateness(prepared.assignment, prepared.student)
    if seconds_late > 0:
        reasons.append(reason("late", late=_duration(seconds_late)))
    status = _status(
        prepared.assignment,
        prepared.student,
        "attention" if any(r.code != "late" for r in reasons) else "graded",
        reasons,
        job.digest,
        job,
    )
    status.score, status.late, status.seconds_late = score, seconds_late > 0, seconds_late
    return status


def _status(assignment, student, kind, reasons, digest, job=None) -> SubmissionStatus:
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
