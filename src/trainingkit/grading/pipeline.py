"""The parent half of autograding, on nbgrader's own ``Autograde`` converter.

For one submission the parent does, in this order (nbgrader's order):

1. ``init_assignment``: student and submission rows (with the timestamp, so
   lateness is known), non-notebook source files copied over the submission,
   zero scores for notebooks that were not submitted;
2. the *sanitize* preprocessors on each notebook (outputs cleared, locked and
   deleted test cells restored from the gradebook), written to ``autograded/``;
3. (the worker executes the notebooks, see `trainingkit.grading.execute`);
4. the rest of the *autograde* list (``SaveAutoGrades``, ``AssignLatePenalties``,
   ``CheckCellMetadata``) and the notebook written to ``autograded/``.

Only the parent opens the gradebook, so SQLite sees one writer.

nbgrader opens the gradebook about ten times per submission, each time with a new
SQLAlchemy engine, so every query is compiled again; and it checks its own
metadata schema before each cell it validates. `_nbgrader_caches` gives those
calls one engine per gradebook URL (its compiled-statement cache is what
survives; connections are still opened and closed as nbgrader asks) and one
validator per schema. The SQL and the validation are nbgrader's, unchanged.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import nbformat
import nbgrader.api
import nbgrader.nbgraderformat.common
from nbconvert.exporters import NotebookExporter
from nbconvert.writers import FilesWriter
from nbgrader.converters import Autograde
from nbgrader.converters.base import BaseConverter
from traitlets.config import Config

from trainingkit.cohort.config import quiet_nbgrader
from trainingkit.cohort.directory import Cohort
from trainingkit.grading.execute import split_preprocessors
from trainingkit.grading.status import Reason, reason

__all__ = ["Prepared", "SubmissionGrader"]


@dataclass
class Prepared:
    """A submission after steps 1–2, ready for a worker."""

    assignment: str
    student: str
    folder: Path
    notebooks: list[str]
    reasons: list[Reason] = field(default_factory=list)


class SubmissionGrader:
    """nbgrader's ``Autograde`` converter, driven one submission at a time."""

    def __init__(self, cohort: Cohort, config: Config) -> None:
        self.cohort = cohort
        self.config = config
        self.coursedir = cohort.coursedir(config)
        self.converter = Autograde(coursedir=self.coursedir, config=config)
        self.converter.force = True
        self.converter.writer = FilesWriter(parent=self.converter, config=self.converter.config)
        self.converter.exporter = NotebookExporter(
            parent=self.converter, config=self.converter.config
        )
        self.worker_preprocessors, self.parent_preprocessors = split_preprocessors(
            list(self.converter.autograde_preprocessors)
        )
        self._engines: dict[str, Any] = {}
        self._validators: dict[int, Any] = {}

    @contextmanager
    def _nbgrader(self) -> Iterator[None]:
        """nbgrader's calls, with the warnings silenced and `_nbgrader_caches`."""
        with quiet_nbgrader(), _nbgrader_caches(self._engines, self._validators):
            yield

    def prepare(self, assignment: str, student: str) -> Prepared:
        """Steps 1–2. Raises what nbgrader raises for a broken submission."""
        with self._nbgrader():
            return self._prepare(assignment, student)

    def _prepare(self, assignment: str, student: str) -> Prepared:
        conv, coursedir = self.converter, self.coursedir
        coursedir.assignment_id, coursedir.student_id = assignment, student
        folder = self.cohort.autograded(student, assignment)
        if folder.exists():
            shutil.rmtree(folder)  # a rerun grades from scratch, as --force does
        reasons = _notebook_reasons(self.cohort, assignment, student)
        conv.init_notebooks()
        conv.notebooks = sorted(next(iter(conv.assignments.values())))
        conv.init_assignment(assignment, student)
        names = [Path(nb).stem for nb in conv.notebooks]
        before = {
            name: _grade_ids(Path(nb)) for name, nb in zip(names, conv.notebooks, strict=True)
        }
        conv._sanitizing = True
        conv._init_preprocessors()
        for notebook in conv.notebooks:
            BaseConverter.convert_single_notebook(conv, notebook)
        for name in names:
            restored = _grade_ids(folder / f"{name}.ipynb") - before[name]
            if restored:
                reasons.append(reason("cells_restored", notebook=name, count=len(restored)))
        return Prepared(assignment, student, folder, names, reasons)

    def finish(self, prepared: Prepared, executed: dict[str, str]) -> None:
        """Step 4: save the scores of the executed notebooks and write them."""
        with self._nbgrader():
            self._finish(prepared, executed)

    def _finish(self, prepared: Prepared, executed: dict[str, str]) -> None:
        conv = self.converter
        conv._sanitizing = False
        conv.exporter._preprocessors = []
        for pp in self.parent_preprocessors:
            conv.exporter.register_preprocessor(pp)
        for name in prepared.notebooks:
            path = str(prepared.folder / f"{name}.ipynb")
            resources = conv.init_single_notebook_resources(path)
            resources["metadata"] = {"path": str(prepared.folder), "name": name}
            nb = nbformat.reads(executed[name], as_version=4)
            output, resources = conv.exporter.from_notebook_node(nb, resources=resources)
            conv.write_single_notebook(output, resources)
        conv._sanitizing = True
        conv.set_permissions(prepared.assignment, prepared.student)

    def discard(self, assignment: str, student: str) -> None:
        """Remove a failed submission's autograded folder, as nbgrader does."""
        shutil.rmtree(self.cohort.autograded(student, assignment), ignore_errors=True)

    def lateness(self, assignment: str, student: str) -> tuple[float, float | None]:
        """(seconds late, score) of a submission from the gradebook."""
        with self._nbgrader(), self.cohort.gradebook() as gradebook:
            submission = gradebook.find_submission(assignment, student)
            return float(submission.total_seconds_late or 0), submission.score


@contextmanager
def _nbgrader_caches(engines: dict[str, Any], validators: dict[int, Any]) -> Iterator[None]:
    """One SQLAlchemy engine per URL and one schema validator per schema, meanwhile.

    ``nbgrader.api.Gradebook`` calls ``create_engine`` on every open and closes
    with ``engine.dispose()``, which closes the pooled connections but keeps the
    engine's compiled-statement cache. nbgrader's metadata validator calls
    ``jsonschema.validate``, which checks nbgrader's own (constant) schema before
    each cell; the cached validator raises the same first error.
    """
    create_engine: Callable[..., Any] = nbgrader.api.create_engine
    schema_module: Any = nbgrader.nbgraderformat.common.jsonschema

    def shared_engine(url: Any, *args: Any, **kw: Any) -> Any:
        key = f"{url}|{sorted(kw.items())}"
        if key not in engines:
            engines[key] = create_engine(url, *args, **kw)
        return engines[key]

    class _CachedSchema:
        ValidationError = jsonschema.ValidationError

        @staticmethod
        def validate(instance: Any, schema: dict[str, Any]) -> None:
            validator = validators.get(id(schema))
            if validator is None or validator.schema is not schema:
                cls = jsonschema.validators.validator_for(schema)
                cls.check_schema(schema)
                validator = validators[id(schema)] = cls(schema)
            error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
            if error is not None:
                raise error

    nbgrader.api.create_engine = shared_engine
    nbgrader.nbgraderformat.common.jsonschema = _CachedSchema
    try:
        yield
    finally:
        nbgrader.api.create_engine = create_engine
        nbgrader.nbgraderformat.common.jsonschema = schema_module


def _grade_ids(path: Path) -> set[str]:
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return set()
    ids: set[str] = set()
    for cell in cells if isinstance(cells, list) else []:
        meta: Any = cell.get("metadata", {}).get("nbgrader", {}) if isinstance(cell, dict) else {}
        if isinstance(meta, dict) and (meta.get("grade") or meta.get("locked")):
            ids.add(str(meta.get("grade_id")))
    return ids


def _notebook_reasons(cohort: Cohort, assignment: str, student: str) -> list[Reason]:
    """Expected notebooks that are missing, and submitted ones nobody expects."""
    expected = {p.stem for p in cohort.release(assignment).glob("*.ipynb")} or {
        p.stem for p in cohort.source(assignment).glob("*.ipynb")
    }
    submitted = {p.stem for p in cohort.submitted(student, assignment).glob("*.ipynb")}
    reasons = [reason("missing_notebook", notebook=name) for name in sorted(expected - submitted)]
    reasons += [reason("unknown_notebook", notebook=name) for name in sorted(submitted - expected)]
    return reasons
