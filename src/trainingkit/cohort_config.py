"""What ``trainingkit cohort init`` sets up for nbgrader: config file and gradebook.

The file is plain nbgrader configuration, so ``nbgrader`` commands and formgrader
run in the cohort directory see exactly what ``trainingkit`` sees. Settings of the
exercises themselves (answer stubs, …) come from `trainingkit.course_config`,
which the generated file imports when it runs.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainingkit.cohort import Cohort

__all__ = [
    "DEFAULT_TIMEOUT",
    "TEXT_STUB",
    "alembic_on_path",
    "create_gradebook",
    "render_nbgrader_config",
    "toml_line",
]

#: Seconds one cell may run when grading before it is interrupted.
DEFAULT_TIMEOUT = 30
#: What trainees see in a written-answer cell of the released version.
TEXT_STUB = "请在这里写下你的回答。"

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

# Exercise settings owned by trainingkit.course_config (code stubs, answers.json
# never overwritten by autograde); applied last, so they win over the above.
try:
    from trainingkit import course_config as _course_config
except ImportError:
    _course_config = None
if _course_config is not None and hasattr(_course_config, "apply"):
    _course_config.apply(c)

# Feedback without hidden tests, also from formgrader's button (trainingkit.feedback).
from trainingkit.feedback import feedback_config as _feedback_config
_feedback_config(c)
"""


def render_nbgrader_config(cohort: Cohort, *, timeout: int = DEFAULT_TIMEOUT) -> str:
    """Text of the cohort's ``nbgrader_config.py``.

    The gradebook and the exchange are written relative to the cohort directory
    when they are inside it, so a cohort can be moved as a whole.
    """
    return _TEMPLATE.format(
        name=cohort.name,
        name_json=json.dumps(cohort.name),
        db_json=_relative(cohort.db_url, cohort),
        exchange_json=_relative_path(str(cohort.exchange), cohort),
        timeout=int(timeout),
        text_stub_json=json.dumps(TEXT_STUB, ensure_ascii=False),
    )


def toml_line(key: str, value: str) -> str:
    """``key = "value"`` with TOML string escaping (JSON strings are valid TOML)."""
    return f"{key} = {json.dumps(value, ensure_ascii=False)}"


def _relative(db_url: str, cohort: Cohort) -> str:
    default = f"sqlite:///{cohort.root / 'gradebook.db'}"
    if db_url == default:
        return '"sqlite:///" + os.path.join(here, "gradebook.db")'
    return json.dumps(db_url)


def _relative_path(path: str, cohort: Cohort) -> str:
    if path == str(cohort.root / "exchange"):
        return 'os.path.join(here, "exchange")'
    return json.dumps(path)


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
