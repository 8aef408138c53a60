"""The hub spawner's first-start copy of the lessons, and the repair of old copies.

Uses the kit's real ``course/`` and ``exercises/``: their lesson folders have
exactly the exercise ids, which is what hid every exercise from trainees when
the lessons were copied into nbgrader's ``~/<course>/``.
"""

from __future__ import annotations

import os
import pwd
import shutil
from pathlib import Path

from trainingkit.hub.spawner import copy_course, repair_lessons

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "course"
EXERCISES = REPO / "exercises"


def _me() -> pwd.struct_passwd:
    return pwd.getpwuid(os.getuid())


def test_lesson_folders_share_names_with_exercises_so_they_must_live_apart() -> None:
    lessons = {p.name for p in COURSE.iterdir() if p.is_dir()}
    exercises = {p.name for p in EXERCISES.iterdir() if p.is_dir()}
    assert exercises <= lessons  # the reason lessons never go into ~/<course>/


def test_an_old_copy_in_the_exercise_folder_moves_out_with_the_trainees_edits(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    old = home / "cppcc2026"
    shutil.copytree(COURSE, old)  # what the previous kit's spawner made
    edited = old / "01-duties" / "duties.ipynb"
    edited.write_text(edited.read_text(encoding="utf-8") + " ", encoding="utf-8")
    mine = edited.read_bytes()
    lessons = home / "lessons"
    assert copy_course(COURSE, lessons, _me())
    moved = repair_lessons(COURSE, old, lessons)
    assert moved == sorted(p.name for p in COURSE.iterdir() if p.is_dir())
    assert (lessons / "01-duties" / "duties.ipynb").read_bytes() == mine
    assert not old.exists()  # empty, so nbgrader makes it again on the first fetch


def test_a_fetched_exercise_stays_where_nbgrader_put_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    fetched = home / "cppcc2026" / "02-proposals"
    shutil.copytree(EXERCISES / "02-proposals", fetched)
    shutil.copytree(COURSE / "01-duties", home / "cppcc2026" / "01-duties")
    lessons = home / "lessons"
    copy_course(COURSE, lessons, _me())
    assert repair_lessons(COURSE, home / "cppcc2026", lessons) == ["01-duties"]
    assert sorted(p.name for p in fetched.iterdir()) == sorted(
        p.name for p in (EXERCISES / "02-proposals").iterdir()
    )
    assert (lessons / "02-proposals" / "proposals.ipynb").is_file()


def test_a_second_start_copies_nothing_and_repairs_nothing(tmp_path: Path) -> None:
    lessons = tmp_path / "lessons"
    assert copy_course(COURSE, lessons, _me())
    (lessons / "mine.txt").write_text("笔记", encoding="utf-8")
    assert not copy_course(COURSE, lessons, _me())
    assert (lessons / "mine.txt").read_text(encoding="utf-8") == "笔记"
    assert repair_lessons(COURSE, tmp_path / "cppcc2026", lessons) == []
