"""The nbgrader settings the kit's exercises need, in one place.

``trainingkit cohort init`` writes :func:`nbgrader_config_text` into each cohort's
``nbgrader_config.py``; the tests build their course directories from the same
function, so the exercises are graded the same way everywhere.

Why each setting (nbgrader 0.9.6 defaults in brackets):

* ``ClearSolutions.code_stub`` [``# YOUR CODE HERE / raise NotImplementedError()``]:
  an answer cell's solution region holds only ``preset=...`` inside a widget call,
  so the stub must be a comment, leaving the released call valid Python.
* ``Autograde.exclude_overwriting`` [nothing]: autograde copies every non-notebook
  file of the *source* folder over the submission; a stray ``answers.json`` in the
  source would replace the trainee's answers, so it is never copied over.

Cohort-wide settings (timeouts, restoring deleted test cells, the Chinese text stub)
belong to :mod:`trainingkit.cohort_config`, which calls :func:`apply` last.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CODE_STUB",
    "EXERCISE_IDS",
    "apply",
    "apply_exercise_config",
    "nbgrader_config_text",
]

# Assignment ids = the folder names under exercises/; stable, they key the gradebook.
EXERCISE_IDS: tuple[str, ...] = (
    "01-duties",
    "02-proposals",
    "03-consultation",
    "04-sheqing-minyi",
)
CODE_STUB = "# 请在下方的小部件中作答，不需要修改代码"
_ANSWER_FILES = ["answers.json"]


def apply_exercise_config(c: Any) -> None:
    """Set the exercise settings on an nbgrader/traitlets config object ``c``.

    Example:
        >>> from traitlets.config import Config
        >>> c = Config()
        >>> apply_exercise_config(c)
        >>> c.ClearSolutions.code_stub["python"].startswith("#")
        True
    """
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.Autograde.exclude_overwriting = {aid: list(_ANSWER_FILES) for aid in EXERCISE_IDS}


def nbgrader_config_text() -> str:
    """The exercise settings as lines of an ``nbgrader_config.py`` (``c`` already defined).

    Example:
        >>> from traitlets.config import Config
        >>> c = Config()
        >>> exec(nbgrader_config_text(), {"c": c})
        >>> c.Autograde.exclude_overwriting["01-duties"]
        ['answers.json']
    """
    exclude = {aid: list(_ANSWER_FILES) for aid in EXERCISE_IDS}
    lines = [
        "# Exercise settings from trainingkit.course_config (one source for every cohort).",
        f"c.ClearSolutions.code_stub = {{'python': {CODE_STUB!r}}}",
        f"c.Autograde.exclude_overwriting = {exclude!r}",
    ]
    return "\n".join(lines) + "\n"


#: The name :mod:`trainingkit.cohort_config` calls.
apply = apply_exercise_config
