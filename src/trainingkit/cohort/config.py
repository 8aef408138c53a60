"""The nbgrader configuration of a cohort: the generated file and what it applies.

``trainingkit cohort init`` writes `render_nbgrader_config` into the cohort's
``nbgrader_config.py``. The file is plain nbgrader configuration, so ``nbgrader``
commands and formgrader run in the cohort directory see exactly what
``trainingkit`` sees. It ends by calling `apply_kit_config`, which the tests call
too, so the exercises are graded the same way everywhere. The import is not
guarded: a config that cannot import the kit fails loudly instead of silently
dropping the protection of ``answers.json``.

Why each kit setting (nbgrader 0.9.6 defaults in brackets):

* ``ClearSolutions.code_stub`` [``# YOUR CODE HERE / raise NotImplementedError()``]:
  an answer cell's solution region holds only ``preset=...`` inside a widget call,
  so the stub must be a comment, leaving the released call valid Python.
* ``Autograde.exclude_overwriting`` [nothing]: autograde copies every non-notebook
  file of the *source* folder over the submission; a stray ``answers.json`` in the
  source would replace the trainee's answers, so it is never copied over, for
  every assignment in ``source/`` when the config is loaded (one added later too).
* ``GenerateFeedback``: the preprocessor list, in this order — ``GetGrades``
  (scores and comments from the gradebook into the notebook), then
  ``ScrubHiddenTests`` (after the cells are final, before rendering: it removes
  hidden tests and mark schemes and replaces the outputs of test cells), then
  nbconvert's ``CSSHTMLHeaderPreprocessor``; and the Chinese page template.
* ``Autograde.exporter_class`` [``NotebookExporter``]: formgrader's "Autograde"
  button and a plain ``nbgrader autograde`` would run trainees' code in the Lab
  server's own process, unsandboxed (possibly as root). The kit's exporter
  (`trainingkit.grading.guard.SandboxOnlyExporter`) refuses before nbgrader
  touches anything, with a Chinese message pointing to ``trainingkit grade``,
  which runs the same nbgrader steps in the sandbox. ``trainingkit grade`` builds
  its own exporter, so it is not affected.
* ``HTMLExporter.preprocessors`` [none]: `trainingkit.grading.manual.WrapDrafts`, so
  formgrader's grading page shows a long draft wrapped, with its paragraphs, instead
  of one line to scroll sideways. Not for feedback (``GenerateFeedback.HTMLExporter``):
  there it would run before ``ScrubHiddenTests``; the feedback page wraps with CSS.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from trainingkit.resources import template_path

__all__ = [
    "ANSWER_FILES",
    "CODE_STUB",
    "DEFAULT_TIMEOUT",
    "FEEDBACK_PREPROCESSORS",
    "TEXT_STUB",
    "alembic_on_path",
    "apply_kit_config",
    "create_gradebook",
    "feedback_config",
    "quiet_nbgrader",
    "render_nbgrader_config",
    "toml_line",
]

#: Seconds one cell may run when grading before it is interrupted.
DEFAULT_TIMEOUT = 30
#: What trainees see in a written-answer cell of the released version.
TEXT_STUB = "请在这里写下你的回答。"
#: What trainees see in an answer cell's solution region (a comment: valid Python).
CODE_STUB = "# 请在下方的小部件中作答，不需要修改代码"
#: Files of a submission that autograde never overwrites from the source folder.
ANSWER_FILES = ("answers.json",)
#: GenerateFeedback's preprocessors, in order (see the module docstring for why).
FEEDBACK_PREPROCESSORS = (
    "nbgrader.preprocessors.GetGrades",
    "trainingkit.grading.scrub.ScrubHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
)
#: Every HTML page of a cohort (formgrader's grading page, feedback) wraps long drafts.
WRAP_PREPROCESSOR = "trainingkit.grading.manual.WrapDrafts"
#: What formgrader's Autograde button and plain ``nbgrader autograde`` export with.
AUTOGRADE_EXPORTER = "trainingkit.grading.guard.SandboxOnlyExporter"

_TEMPLATE = """\
# nbgrader configuration of the trainingkit cohort {name!r}.
# Written by `trainingkit cohort init`; edit freely, it is plain nbgrader config.
import os

c = get_config()  # noqa: F821
here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
c.CourseDirectory.course_id = {name_json}
c.CourseDirectory.db_url = {db_json}
c.Exchange.root = {exchange_json}
# nbgrader 0.9.6 writes exchange timestamps with %Z and reads them back with no
# zone database: "CST" (Asia/Shanghai) is taken as UTC, so every submission would
# look 8 hours late. Keep nbgrader's UTC; due dates are converted from Beijing time.
c.Exchange.timezone = "UTC"

# Grading: a runaway cell is interrupted after this many seconds; a kernel that
# does not start within a minute counts as failed.
c.Execute.timeout = {timeout}
c.Execute.startup_timeout = 60
# Test cells a trainee deleted are put back from the gradebook before grading.
c.OverwriteCells.add_missing_cells = True
# Huge outputs are cut (lines per output, lines per traceback).
c.LimitOutput.max_lines = 1000
c.LimitOutput.max_traceback = 100

# Released versions: Chinese stubs where the solution was.
c.ClearSolutions.text_stub = {text_stub_json}

# The kit's settings: code stubs, answers.json never overwritten by autograde (every
# assignment in source/), leak-free feedback (also from formgrader's button).
# Applied last, so they win over the above. Not guarded on purpose: without the
# kit these protections would be silently lost.
from trainingkit.cohort.config import apply_kit_config
apply_kit_config(c, here)
"""


def render_nbgrader_config(
    *, name: str, root: Path, db_url: str, exchange: Path, timeout: int = DEFAULT_TIMEOUT
) -> str:
    """Text of a cohort's ``nbgrader_config.py``.

    The gradebook and the exchange are written relative to the cohort directory
    ``root`` when they are inside it, so a cohort can be moved as a whole.
    """
    default_db = f"sqlite:///{root / 'gradebook.db'}"
    db_json = (
        '"sqlite:///" + os.path.join(here, "gradebook.db")'
        if db_url == default_db
        else json.dumps(db_url)
    )
    exchange_json = (
        'os.path.join(here, "exchange")'
        if exchange == root / "exchange"
        else json.dumps(str(exchange))
    )
    return _TEMPLATE.format(
        name=name,
        name_json=json.dumps(name),
        db_json=db_json,
        exchange_json=exchange_json,
        timeout=int(timeout),
        text_stub_json=json.dumps(TEXT_STUB, ensure_ascii=False),
    )


def apply_kit_config(c: Any, root: str | Path, assignments: Iterable[str] | None = None) -> None:
    """Set the kit's exercise and feedback settings on an nbgrader config ``c``.

    Args:
        c: A traitlets ``Config`` (``get_config()`` in ``nbgrader_config.py``).
        root: The course directory; its ``source/`` folders name the assignments.
        assignments: The assignment ids, when there is no ``source/`` to list yet.

    Example:
        >>> from traitlets.config import Config
        >>> c = Config()
        >>> apply_kit_config(c, "/nonexistent", ["01-duties"])
        >>> c.Autograde.exclude_overwriting["01-duties"], c.ClearSolutions.code_stub["python"][0]
        (['answers.json'], '#')
    """
    if assignments is None:
        source = Path(root) / "source"
        assignments = (
            sorted(p.name for p in source.iterdir() if p.is_dir()) if source.is_dir() else []
        )
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.Autograde.exclude_overwriting = {aid: list(ANSWER_FILES) for aid in assignments}
    c.Autograde.exporter_class = AUTOGRADE_EXPORTER
    c.HTMLExporter.preprocessors = [WRAP_PREPROCESSOR]
    feedback_config(c)


def feedback_config(c: Any) -> None:
    """Set leak-free feedback on an nbgrader config."""
    c.GenerateFeedback.preprocessors = list(FEEDBACK_PREPROCESSORS)
    # Not formgrader's draft wrapping: it would run before ScrubHiddenTests and could cut
    # a quoted hidden-test line in two, past the scrubber; the page wraps with CSS instead.
    c.GenerateFeedback.HTMLExporter.preprocessors = []
    # Scoped to the exporter *of GenerateFeedback* (traitlets' nested config), so
    # formgrader's own HTMLExporter keeps its grading template.
    c.GenerateFeedback.HTMLExporter.template_file = str(template_path("feedback_notebook.html.j2"))


def toml_line(key: str, value: str) -> str:
    """``key = "value"`` with TOML string escaping (JSON strings are valid TOML)."""
    return f"{key} = {json.dumps(value, ensure_ascii=False)}"


def create_gradebook(db_url: str) -> None:
    """Create nbgrader's tables and stamp the alembic head, in this process.

    nbgrader does the same on first use, but asks a separate ``alembic`` command
    for the head revision, which costs several seconds per new gradebook.
    """
    import nbgrader
    from alembic.script import ScriptDirectory
    from nbgrader.api import Base
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(db_url, future=True)
    try:
        if inspect(engine).get_table_names():
            return
        head = ScriptDirectory(str(Path(nbgrader.__file__).parent / "alembic")).get_current_head()
        Base.metadata.create_all(bind=engine)
        with engine.begin() as connection:
            connection.execute(
                text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            )
            connection.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": head})
    finally:
        engine.dispose()


def alembic_on_path() -> None:
    """nbgrader runs the ``alembic`` command when it creates a gradebook.

    It is installed beside the interpreter, which need not be on ``PATH`` (e.g.
    ``.venv/bin/trainingkit`` run by its full path).
    """
    bindir = str(Path(sys.executable).parent)
    if shutil.which("alembic") is None and bindir not in os.environ.get("PATH", ""):
        os.environ["PATH"] = os.pathsep.join([bindir, os.environ.get("PATH", "")])


@contextmanager
def quiet_nbgrader() -> Iterator[None]:
    """Warnings nbgrader causes and ``nbgrader autograde`` only logs, silenced.

    SQLAlchemy autoflush warnings from nbgrader's gradebook, and nbformat's
    missing-cell-id warning on cells that ``OverwriteCells`` restores. The one
    place the kit silences them (grading, feedback, exports).
    """
    from nbformat.warnings import MissingIDFieldWarning
    from sqlalchemy.exc import SAWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        warnings.simplefilter("ignore", MissingIDFieldWarning)
        yield
