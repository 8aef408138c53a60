"""The package's own data: facts, templates, and the kit's course and exercises.

Every read of a file that ships with the kit goes through here, so there is one
answer to "where is it" for a source checkout and for an installed wheel:

* ``facts/*.toml`` (domain knowledge) and ``templates/*.j2`` are package data;
* the lesson notebooks and the nbgrader source exercises live at the top of the
  repository (``course/``, ``exercises/``) and are mapped into the wheel as
  ``trainingkit/course`` and ``trainingkit/exercises``. In a checkout (an
  editable install) they are found beside ``src/``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

__all__ = [
    "ResourceMissing",
    "course_dir",
    "exercises_dir",
    "facts_path",
    "facts_text",
    "facts_toml",
    "template_path",
]

_PACKAGE = Path(__file__).resolve().parent


class ResourceMissing(FileNotFoundError):
    """A file the kit ships is not where it should be (a broken install)."""


def _packaged(folder: str, name: str, what: tuple[str, str]) -> Path:
    """``trainingkit/<folder>/<name>``, or `ResourceMissing` naming it (Chinese, English)."""
    path = Path(str(files("trainingkit") / folder / name))
    if not path.exists():
        raise ResourceMissing(
            f"课程包缺少{what[0]} {folder}/{name}，请重新安装。\n"
            f"The kit's {what[1]} {folder}/{name} is missing; reinstall the kit."
        )
    return path


def facts_path(name: str) -> Path:
    """The path of ``facts/<name>`` (e.g. ``"sectors.toml"``, ``"quizzes"``)."""
    return _packaged("facts", name, ("数据文件", "data file"))


def facts_text(name: str) -> str:
    """The text of ``facts/<name>``."""
    return facts_path(name).read_text(encoding="utf-8")


@cache
def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads(facts_text(name))


def facts_toml(name: str) -> dict[str, Any]:
    """``facts/<name>.toml`` parsed (read once per process; do not mutate)."""
    return _toml(name if name.endswith(".toml") else f"{name}.toml")


def template_path(name: str) -> Path:
    """The path of ``templates/<name>`` (nbconvert wants a file path)."""
    return _packaged("templates", name, ("模板", "template"))


def _kit_folder(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise ResourceMissing(
        f"找不到本课程包的 {name}/ 目录（安装不完整？）。\n"
        f"Cannot find the kit's {name}/ directory (incomplete install?)."
    )


def course_dir() -> Path:
    """The kit's lesson notebooks (``course/``)."""
    return _kit_folder("course")


def exercises_dir() -> Path:
    """The kit's nbgrader source exercises (``exercises/``)."""
    return _kit_folder("exercises")
