"""The cohort directory: what init creates, side-by-side cohorts, usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from trainingkit.cli import main
from trainingkit.cohort.directory import Cohort, CohortError
from trainingkit.resources import exercises_dir

FIXTURES = Path(__file__).parent / "fixtures" / "assignments"


def test_init_creates_an_nbgrader_course(tmp_path):
    cohort = Cohort.init(
        tmp_path / "c", name="spring-2026", title="2026年春季班", exercises=FIXTURES
    )
    assert cohort.assignments() == ["ps1"]
    assert (cohort.source("ps1") / "problem.ipynb").is_file()
    assert cohort.root.stat().st_mode & 0o077 == 0  # trainee code cannot enter
    config = cohort.nbgrader_config()
    assert config.CourseDirectory.course_id == "spring-2026"
    assert config.OverwriteCells.add_missing_cells is True
    assert config.Execute.timeout == 30
    assert config.Exchange.root == str(cohort.exchange)
    assert "请" in config.ClearSolutions.text_stub
    with cohort.gradebook() as gradebook:
        assert gradebook.students == []
    assert Cohort.open(cohort.root) == cohort


def test_cohorts_live_side_by_side(tmp_path):
    first = Cohort.init(tmp_path / "a", name="a", exercises=FIXTURES)
    second = Cohort.init(tmp_path / "b", name="b", exercises=FIXTURES)
    assert first.db_url != second.db_url and first.exchange != second.exchange
    assert first.submitted("zhang", "ps1") == tmp_path / "a" / "submitted" / "zhang" / "ps1"


def test_paths_follow_nbgrader_steps(tmp_path):
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    assert cohort.autograded("s", "ps1") == cohort.root / "autograded" / "s" / "ps1"
    assert cohort.status_file("ps1", "s").is_relative_to(cohort.state_dir)


def test_check_assignments_names_the_unknown_ones_and_defaults_to_all(tmp_path):
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    assert cohort.check_assignments() == ["ps1"]
    assert cohort.check_assignments(["ps1"]) == ["ps1"]
    with pytest.raises(CohortError, match="没有这些练习：nope（已有：ps1）") as error:
        cohort.check_assignments(["ps1", "nope"])
    assert "Unknown assignment(s): nope." in str(error.value)


def test_collected_lists_chosen_submissions_and_names_trainees_without_one(tmp_path):
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    assert cohort.collected() == []
    for student in ("zhang", "li"):
        cohort.submitted(student, "ps1").mkdir(parents=True)
    assert cohort.collected() == [("ps1", "li"), ("ps1", "zhang")]
    assert cohort.collected(["ps1"], ["zhang"]) == [("ps1", "zhang")]
    with pytest.raises(CohortError, match="这些学员没有已收取的提交：wang, zhao。"):
        cohort.collected(trainees=["zhao", "li", "wang"])


def test_a_damaged_cohort_toml_is_a_cohort_error_not_a_traceback(tmp_path):
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    meta = cohort.root / "cohort.toml"
    for text in ("name = \n", 'title = "x"\n'):
        meta.write_text(text, encoding="utf-8")
        with pytest.raises(CohortError, match=r"cohort\.toml 无法读取或缺少 name"):
            Cohort.open(cohort.root)
    result = CliRunner().invoke(main, ["collect", "--cohort", str(cohort.root)])
    assert result.exit_code == 2 and "has no name" in result.output


def test_kit_exercises_are_found_from_a_checkout():
    assert exercises_dir().name == "exercises"


def test_cli_init_and_usage_errors_exit_2_without_changes(tmp_path):
    runner = CliRunner()
    target = tmp_path / "c"
    ok = runner.invoke(
        main, ["cohort", "init", str(target), "--name", "c", "--exercises", str(FIXTURES)]
    )
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(main, ["cohort", "init", str(target), "--name", "c"])
    assert again.exit_code == 2 and "不为空" in again.output and "Traceback" not in again.output
    bad_name = runner.invoke(main, ["cohort", "init", str(tmp_path / "d"), "--name", "第一期"])
    assert bad_name.exit_code == 2 and not (tmp_path / "d").exists()
    not_cohort = runner.invoke(main, ["grade", "--cohort", str(tmp_path)])
    assert not_cohort.exit_code == 2 and "cohort init" in not_cohort.output


def test_cli_init_with_a_missing_exercises_folder_is_a_message_not_a_traceback(tmp_path):
    # the organizer guide once showed an --exercises path the trainee image does not have
    missing = tmp_path / "no-such-exercises"
    args = ["cohort", "init", str(tmp_path / "c"), "--name", "c", "--exercises", str(missing)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert f"练习目录 {missing} 不存在" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("folder", ["course", "lessons"])
def test_init_refuses_an_exercise_named_like_a_lessons_folder(tmp_path, folder):
    exercises = tmp_path / "exercises"
    (exercises / folder).mkdir(parents=True)
    (exercises / folder / "x.ipynb").write_text((FIXTURES / "ps1" / "problem.ipynb").read_text())
    with pytest.raises(CohortError, match="讲义"):
        Cohort.init(tmp_path / "c", name="c", exercises=exercises)
    assert not (tmp_path / "c").exists()


def test_an_init_that_fails_halfway_leaves_nothing_behind(tmp_path):
    target = tmp_path / "c"
    with pytest.raises(Exception, match=r"unable to open|OperationalError"):
        Cohort.init(target, name="c", exercises=FIXTURES, db_url="sqlite:////nonexistent/x/g.db")
    assert not target.exists()


def test_a_config_that_moves_nbgraders_folders_is_refused_with_a_clear_message(tmp_path):
    cohort = Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES)
    assert cohort.nbgrader_config().CourseDirectory.course_id == "c"  # the default layout is fine
    with cohort.config_file.open("a", encoding="utf-8") as config:
        config.write('\nc.CourseDirectory.submitted_directory = "handed_in"\n')
    with pytest.raises(CohortError, match=r"submitted_directory.*handed_in"):
        cohort.nbgrader_config()
    result = CliRunner().invoke(main, ["grade", "--cohort", str(cohort.root)])
    assert (
        result.exit_code == 2 and "目录结构" in result.output and "Traceback" not in result.output
    )
