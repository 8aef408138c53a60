"""The one reader of the kit's own files: facts, templates, course and exercises."""

from __future__ import annotations

import pytest

from trainingkit.resources import (
    ResourceMissing,
    course_dir,
    exercises_dir,
    facts_path,
    facts_toml,
    template_path,
)


def test_the_kits_folders_and_files_are_found() -> None:
    assert (course_dir() / "00-getting-started").is_dir()
    assert sorted(p.name for p in exercises_dir().iterdir() if p.is_dir())[0] == "01-duties"
    assert facts_path("quizzes").is_dir()
    assert template_path("report.html.j2").is_file()
    assert facts_toml("sectors") is facts_toml("sectors.toml")  # parsed once


@pytest.mark.parametrize("call", [lambda: facts_path("nope.toml"), lambda: template_path("x.j2")])
def test_a_missing_file_says_which_in_chinese_and_english(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ResourceMissing, match=r"(?s)课程包缺少.*reinstall the kit"):
        call()
