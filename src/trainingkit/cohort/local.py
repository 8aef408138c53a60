"""A trainee's own folder on a computer with no hub: ``trainingkit local-course``.

On a hub every user server gets its nbgrader settings from the hub's files. A trainee
on a single computer (or an instructor trying the trainee's side) would otherwise
write ``nbgrader_config.py`` by hand. :func:`local_course` writes it, with the same
exchange settings as a hub trainee (Beijing time, with a numeric offset so late
detection stays right), copies the lessons beside it, and gives the ``jupyter lab``
command that opens it in Chinese without the news pop-up.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from trainingkit.cohort.directory import Cohort, CohortError
from trainingkit.cohort.roster import load_roster
from trainingkit.resources import course_dir, template_path

__all__ = ["LocalCourse", "local_course"]

_CONFIG = """\
# nbgrader settings of {student}'s own folder (written by `trainingkit local-course`).
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course!r}
c.CourseDirectory.student_id = {student!r}
c.Exchange.root = {exchange!r}
# Exchange timestamps in UTC, like the cohort's: nbgrader 0.9.6 reads a zone name
# (CST) back as UTC, 8 hours late, and splits inbound folder names on '+', so a
# numeric offset (+0800) would break collect. Due dates are converted from Beijing time.
c.Exchange.timezone = "UTC"
"""


@dataclass(frozen=True)
class LocalCourse:
    """What :func:`local_course` made: the folder and the command that opens it."""

    folder: Path
    config_file: Path
    lessons: Path
    command: list[str]


def local_course(cohort: Cohort, folder: str | Path, student_id: str) -> LocalCourse:
    """Set up ``folder`` for trainee ``student_id`` of ``cohort``; return how to open it.

    Raises:
        CohortError: the trainee is not on the roster, or ``folder`` is the cohort's.
    """
    folder = Path(folder).resolve()
    ids = {entry.id for entry in load_roster(cohort)}
    if student_id not in ids:
        raise CohortError(
            f"名单中没有学员 {student_id}，请先用 trainingkit roster import 导入名单。\n"
            f"Trainee {student_id!r} is not on the roster; "
            "import it with `trainingkit roster import`."
        )
    if folder == cohort.root or cohort.root in folder.parents:
        raise CohortError(
            f"{folder} 在培训班目录里面；学员的文件夹必须放在培训班目录之外。\n"
            f"{folder} is inside the cohort directory; use a folder outside it."
        )
    folder.mkdir(parents=True, exist_ok=True)
    config_file = folder / "nbgrader_config.py"
    config_file.write_text(
        _CONFIG.format(course=cohort.name, student=student_id, exchange=str(cohort.exchange)),
        encoding="utf-8",
    )
    lessons = folder / "lessons"
    if not lessons.exists():
        shutil.copytree(course_dir(), lessons, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = folder / ".lab-settings"
    settings.mkdir(exist_ok=True)
    overrides = template_path("lab_overrides.json").read_text(encoding="utf-8")
    (settings / "overrides.json").write_text(overrides, encoding="utf-8")
    command = [
        sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={folder}",
        f"--LabApp.app_settings_dir={settings}",
        "--LabApp.default_url=/lab/tree/lessons/00-getting-started",
    ]  # fmt: skip
    return LocalCourse(folder, config_file, lessons, command)
