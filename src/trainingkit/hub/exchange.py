"""nbgrader's exchange with one folder per trainee, for Kubernetes (z2jh).

On Zero to JupyterHub every pod runs as uid 1000, so nbgrader's default exchange,
which separates trainees by Unix permissions, separates nobody. Here the
separation comes from what each pod mounts instead. On the exchange volume::

    <course>/outbound/<assignment>/       released assignments (written by the grader)
    <course>/inbound/<trainee>/<trainee>+<assignment>+<time>+<random>/
    <course>/feedback/<trainee>/<hash>.html

A trainee's pod mounts only three sub-paths of that volume (`TRAINEE_MOUNTS`),
at the places where nbgrader's default layout has them: ``outbound`` read-only,
its own ``inbound/<trainee>`` read-write as ``inbound``, its own
``feedback/<trainee>`` read-only as ``feedback``. Inside that pod the exchange
looks like nbgrader's default one with only this trainee in it, so nbgrader's own
fetch, submit, list and fetch-feedback code runs unchanged (the ``Trainee*``
classes only stop nbgrader from insisting that the exchange root be writable:
in the pod it is a read-only mount point). Another trainee's submission or
feedback is not in the pod at all.

The grader's pod mounts the whole volume; `GraderCollect` and
`GraderReleaseFeedback` read and write the per-trainee folders. A submission is
attributed to the folder it was found in, never to the name it claims: a
trainee can write only into their own folder, so a submission named after
somebody else is skipped with a warning.

Configure with ``c.ExchangeFactory.<step> = "trainingkit.hub.exchange.<Class>"``
(``deploy/kubernetes/jupyter/{trainee,grader}/nbgrader_config.py``).
"""

from __future__ import annotations

import glob
import os
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from nbgrader.exchange import default
from nbgrader.utils import check_directory, notebook_hash

__all__ = [
    "TRAINEE_MOUNTS",
    "GraderCollect",
    "GraderReleaseFeedback",
    "MountSpec",
    "TraineeFetchAssignment",
    "TraineeFetchFeedback",
    "TraineeList",
    "TraineeSubmit",
    "trainee_folders",
]


@dataclass(frozen=True)
class MountSpec:
    """One sub-path of the exchange volume in a trainee's pod.

    Attributes:
        sub_path: Path inside the volume; ``{course}`` and ``{trainee}`` are filled in.
        mount_path: Path below the exchange root in the pod (``{course}`` filled in).
        read_only: Whether the pod may only read it.
    """

    sub_path: str
    mount_path: str
    read_only: bool

    def fill(self, *, course: str, trainee: str) -> tuple[str, str, bool]:
        """``(sub_path, mount_path, read_only)`` for one trainee of one course."""
        values = {"course": course, "trainee": trainee}
        return self.sub_path.format(**values), self.mount_path.format(**values), self.read_only


#: What a trainee's pod sees of the exchange volume, and where.
TRAINEE_MOUNTS = (
    MountSpec("{course}/outbound", "{course}/outbound", read_only=True),
    MountSpec("{course}/inbound/{trainee}", "{course}/inbound", read_only=False),
    MountSpec("{course}/feedback/{trainee}", "{course}/feedback", read_only=True),
)


def trainee_folders(course: str, trainee: str) -> list[str]:
    """Volume sub-paths that must exist before a trainee's pod mounts them."""
    return [m.fill(course=course, trainee=trainee)[0] for m in TRAINEE_MOUNTS]


class _MountedRoot(default.Exchange):
    """The exchange root as a trainee's pod has it: a folder it can enter, not write."""

    def ensure_root(self) -> None:
        if not check_directory(self.root, execute=True):
            self.fail(f"Unreadable directory, please contact your instructor: {self.root}")


class TraineeFetchAssignment(_MountedRoot, default.ExchangeFetchAssignment):
    """nbgrader's fetch, from the read-only ``outbound`` mount."""


class TraineeSubmit(_MountedRoot, default.ExchangeSubmit):
    """nbgrader's submit, into the trainee's own ``inbound`` folder (mounted as ``inbound``)."""


class TraineeFetchFeedback(_MountedRoot, default.ExchangeFetchFeedback):
    """nbgrader's fetch-feedback, from the trainee's own ``feedback`` folder."""


class TraineeList(_MountedRoot, default.ExchangeList):
    """nbgrader's list: released assignments, and the trainee's own submissions."""


class GraderCollect(default.ExchangeCollect):
    """Collect from ``inbound/<trainee>/``; the folder, not the name, says whose it is."""

    def _folder_record(self, path: str) -> dict[str, Any] | None:
        folder = os.path.basename(os.path.dirname(path))
        record: dict[str, Any] = self._path_to_record(path)
        if record["username"] != folder:
            self.log.warning(
                "Skipping %s: it claims to be from %s but is in the folder of %s",
                path, record["username"], folder,
            )  # fmt: skip
            return None
        # nbgrader joins inbound_path and filename when it copies the submission.
        record["filename"] = os.path.join(folder, record["filename"])
        return record

    def init_src(self) -> None:
        from nbgrader.api import Gradebook, MissingEntry
        from nbgrader.utils import check_mode

        if self.coursedir.course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = os.path.join(self.course_path, "inbound")
        if not os.path.isdir(self.inbound_path):
            self.fail(f"Course not found: {self.inbound_path}")
        if not check_mode(self.inbound_path, read=True, execute=True):
            self.fail(f"You don't have read permissions for the directory: {self.inbound_path}")
        student = self.coursedir.student_id or "*"
        name = f"{student}+{self.coursedir.assignment_id}+*"
        paths = sorted(glob.glob(os.path.join(self.inbound_path, student, name)))
        by_trainee: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for path in paths:
            record = self._folder_record(path)
            if record is not None:
                by_trainee[record["username"]].append(record)
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gradebook:
            try:
                self.duedate = gradebook.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                self.duedate = None
        # As nbgrader's default: the newest, or with --before-duedate the newest in time.
        self.src_records = []
        for records in by_trainee.values():
            newest_first = self._sort_by_timestamp(records)
            chosen = newest_first[0]
            if self.duedate is not None and self.before_duedate:
                in_time = [r for r in newest_first if r["timestamp"] <= self.duedate]
                chosen = in_time[0] if in_time else chosen
            self.src_records.append(chosen)


class GraderReleaseFeedback(default.ExchangeReleaseFeedback):
    """Release feedback into ``feedback/<trainee>/``, the folder only that trainee mounts."""

    def copy_files(self) -> None:
        excluded = set(filter(None, self.coursedir.student_id_exclude.split(",")))
        pattern = re.escape(os.path.sep).join([
            self.coursedir.format_path(
                self.coursedir.feedback_directory, "(?P<student_id>[^/]+)",
                self.coursedir.assignment_id, escape=True,
            ),
            "(?P<notebook_id>[^/]+).html",
        ])  # fmt: skip
        for html_file in sorted(glob.glob(os.path.join(self.src_path, "*.html"))):
            match = re.fullmatch(pattern, html_file)
            if match is None:
                self.log.error("Could not match %r with %r", html_file, pattern)
                continue
            student, notebook = match["student_id"], match["notebook_id"]
            if student in excluded:
                continue
            with open(os.path.join(os.path.dirname(html_file), "submission_secret.txt")) as fh:
                secret = fh.read()
            folder = os.path.join(self.dest_path, student)
            self.ensure_directory(folder, 0o755)
            target = os.path.join(folder, f"{notebook_hash(secret=secret, notebook_id=notebook)}")
            # Copy, then rename: a trainee's pod never sees half a file.
            shutil.copy(html_file, f"{target}-tmp.html")
            shutil.move(f"{target}-tmp.html", f"{target}.html")
            assignment = self.coursedir.assignment_id
            self.log.info("Feedback of %s for %s/%s released", student, assignment, notebook)
