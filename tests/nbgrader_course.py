"""A throwaway nbgrader course in ``tmp_path``, driven in-process (not one CLI call per step).

Every ``nbgrader`` command costs 6–7 s before it starts (STACK.md); the same
converters run through :class:`nbgrader.apps.NbGraderAPI` cost only the work itself.
The configuration comes from :mod:`trainingkit.cohort.config`, as in a real cohort.
"""

from __future__ import annotations

import json
import shutil
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from traitlets.config import Config

from trainingkit.cohort.config import apply_kit_config

EXERCISES = Path(__file__).resolve().parents[1] / "exercises"


def quiet(call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run an nbgrader API call without SQLAlchemy's autoflush SAWarning.

    nbgrader 0.9.6's gradebook triggers "Object of type <SubmittedAssignment> not in
    session" under SQLAlchemy 2; it is nbgrader's, harmless, and would otherwise be
    turned into an error by ``filterwarnings = error``.
    """
    from sqlalchemy.exc import SAWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        return call()


@dataclass(frozen=True)
class Score:
    """One grade cell's result in the gradebook."""

    auto: float | None
    max: float
    needs_manual: bool


class Course:
    """An nbgrader course directory holding the kit's exercises as its source."""

    def __init__(self, root: Path) -> None:
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        self.root = root
        config = Config()
        config.CourseDirectory.root = str(root)
        config.CourseDirectory.course_id = "trainingkit-test"
        config.Execute.timeout = 120
        config.Execute.startup_timeout = 120  # a loaded 2-core CI machine starts kernels slowly
        config.Exchange.root = str(root / "exchange")
        shutil.copytree(EXERCISES, root / "source")
        apply_kit_config(config, root)
        # These notebooks are the kit's own (no trainee code): plain nbgrader autograde is
        # what is under test here, so formgrader's guard (grading.guard) is lifted.
        config.Autograde.exporter_class = "nbconvert.exporters.NotebookExporter"
        self.api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)

    def generate(self, aid: str) -> Path:
        """Generate the released version of ``aid``; return its folder."""
        result = quiet(lambda: self.api.generate_assignment(aid))
        assert result["success"], result.get("error", "") + result.get("log", "")
        return self.root / "release" / aid

    def notebook(self, aid: str, step: str = "source") -> Path:
        """The one notebook of ``aid`` in ``source`` or ``release``."""
        (path,) = sorted((self.root / step / aid).glob("*.ipynb"))
        return path

    def submit(
        self, aid: str, student: str, notebook: Path, answers: dict[str, Any] | None = None
    ) -> Path:
        """Put a submission in ``submitted/``: the notebook and, if given, its answers.json."""
        folder = self.root / "submitted" / student / aid
        folder.mkdir(parents=True)
        shutil.copy(notebook, folder / notebook.name)
        if answers is not None:
            text = json.dumps(answers, ensure_ascii=False)
            (folder / "answers.json").write_text(text, encoding="utf-8")
        return folder

    def submit_folder(self, aid: str, student: str, folder: Path) -> Path:
        """Submit a whole working folder, as ``nbgrader submit`` does."""
        target = self.root / "submitted" / student / aid
        shutil.copytree(folder, target)
        return target

    def autograde(self, aid: str, student: str) -> dict[str, Score]:
        """Autograde one submission; return every grade cell's score by grade id."""
        from nbgrader.api import Gradebook

        result = quiet(lambda: self.api.autograde(aid, student))
        assert result["success"], result.get("error", "") + result.get("log", "")
        with Gradebook(self.api.coursedir.db_url, self.api.coursedir.course_id) as gb:
            submission = gb.find_submission(aid, student)
            return {
                grade.name: Score(grade.auto_score, grade.max_score, grade.needs_manual_grade)
                for notebook in submission.notebooks
                for grade in notebook.grades
            }

    def autograded(self, aid: str, student: str) -> Path:
        """The autograded notebook of one submission."""
        (path,) = sorted((self.root / "autograded" / student / aid).glob("*.ipynb"))
        return path
