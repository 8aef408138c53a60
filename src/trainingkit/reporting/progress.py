"""Where each trainee is with each assignment: fetched, submitted, graded, feedback.

What can be seen, and from where:

* **fetched** — nbgrader records no fetch in the exchange: it only copies the
  assignment into the trainee's folder. So it is known only when the trainees'
  home folders are reachable from here (``homes``: a folder holding one folder per
  account id, e.g. ``/home`` on a single-machine hub, or the demo's ``homes/``),
  and readable. Otherwise it is ``None`` (unknown), never guessed. A submission
  implies a fetch.
* **submitted** — a ``<id>+<assignment>+<time>`` folder in the exchange's
  ``inbound/``, or a collected submission in the cohort.
* **graded** — the grading status (`trainingkit.grading`); ``failed`` when the
  submission could not be graded; ``pending`` counts the items still waiting for
  the teacher's manual grading (待老师批阅), which keeps it from counting as 已批改.
* **feedback** — the feedback file in the exchange's ``feedback/`` folder, named
  by nbgrader's hash of the submission's secret and the notebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainingkit.cohort.directory import Cohort, CohortError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STAGES", "ProgressRow", "export_progress", "progress_frame", "progress_rows"]

#: The furthest stage reached, in order (the report's chart stacks these).
STAGES = ("未领取", "已领取", "已提交", "待老师批阅", "已批改", "已发布反馈")


@dataclass(frozen=True)
class ProgressRow:
    """One trainee × one assignment. ``fetched`` is None when it cannot be known."""

    assignment: str
    student: str
    name: str
    sector: str
    fetched: bool | None
    submitted: bool
    collected: bool
    graded: str  # "yes" | "no" | "failed"
    feedback: bool
    pending: int = 0  # items still to grade by hand

    @property
    def stage(self) -> str:
        """The furthest stage reached (one of `STAGES`; unknown fetch counts as not fetched)."""
        if self.feedback:
            return STAGES[5]
        if self.graded == "yes":
            return STAGES[3] if self.pending else STAGES[4]
        if self.submitted:
            return STAGES[2]
        return STAGES[1] if self.fetched else STAGES[0]


def progress_rows(cohort: Cohort, *, homes: str | Path | None = None) -> list[ProgressRow]:
    """Every assignment × trainee, assignment-major, from the exchange and the statuses."""
    from trainingkit.grading.status import read_status
    from trainingkit.reporting.export import pending_items, trainees

    homes_dir = Path(homes) if homes is not None else None
    if homes_dir is not None and not homes_dir.is_dir():
        raise CohortError(
            f"学员主目录 {homes_dir} 不存在。\nHome folders {homes_dir} do not exist."
        )
    course = cohort.exchange / cohort.name
    inbound = {"+".join(p.name.split("+")[:2]) for p in _listing(course / "inbound")}
    released = {p.name for p in _listing(course / "feedback")}
    rows = []
    people = trainees(cohort)
    pending: dict[tuple[str, str], int] = {}
    for item in pending_items(cohort):
        pending[(item.assignment, item.student)] = (
            pending.get((item.assignment, item.student), 0) + 1
        )
    for assignment in cohort.assignments():
        for student, name, sector, _unit in people:
            collected = cohort.submitted(student, assignment).is_dir()
            submitted = collected or f"{student}+{assignment}" in inbound
            status = read_status(cohort.status_file(assignment, student)) if collected else None
            graded = (
                "no"
                if status is None or not status.done
                else ("failed" if status.status == "failed" else "yes")
            )
            fetched = _fetched(homes_dir, cohort, student, assignment)
            rows.append(ProgressRow(
                assignment, student, name, sector,
                True if submitted else fetched, submitted, collected, graded,
                _feedback_released(cohort, student, assignment, released),
                pending.get((assignment, student), 0),
            ))  # fmt: skip
    return rows


def _listing(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:  # no exchange yet, or not readable here
        return []


def _fetched(homes: Path | None, cohort: Cohort, student: str, assignment: str) -> bool | None:
    paths = cohort.fetched_paths(student, assignment, homes)  # the cohort's home mapping
    if not paths:
        return None
    try:
        return any(path.is_dir() for path in paths)
    except OSError:  # a home we may not look into
        return None


def _feedback_released(cohort: Cohort, student: str, assignment: str, released: set[str]) -> bool:
    from nbgrader.utils import notebook_hash

    secret_file = cohort.submitted(student, assignment) / "submission_secret.txt"
    pages = sorted(cohort.feedback(student, assignment).glob("*.html"))
    if not pages or not secret_file.is_file():
        return False
    secret = secret_file.read_text(encoding="utf-8")
    return all(
        f"{notebook_hash(secret=secret, notebook_id=page.stem)}.html" in released for page in pages
    )


def progress_frame(rows: list[ProgressRow]) -> pd.DataFrame:
    """The rows as a table with Chinese headers (是/否/不可知/失败)."""
    import pandas as pd

    def yes(value: bool | None) -> str:
        return "不可知" if value is None else ("是" if value else "否")

    graded = {"yes": "是", "no": "否", "failed": "失败"}

    def state(r: ProgressRow) -> str:
        return f"待老师批阅（还有 {r.pending} 项）" if r.pending else graded[r.graded]

    return pd.DataFrame.from_records([
        {"练习": r.assignment, "账号": r.student, "姓名": r.name, "界别": r.sector,
         "已领取": yes(r.fetched), "已提交": yes(r.submitted), "已收取": yes(r.collected),
         "已批改": state(r), "已发布反馈": yes(r.feedback), "进度": r.stage}
        for r in rows
    ])  # fmt: skip


def export_progress(cohort: Cohort, output: str | Path, *, homes: str | Path | None = None) -> Path:
    """Write the progress table to an ``.xlsx`` file."""
    from trainingkit.reporting.export import check_output, write_sheet

    output = Path(output)
    check_output(output)
    write_sheet(progress_frame(progress_rows(cohort, homes=homes)), output, "进度")
    return output
