"""Roster files: encodings, Chinese headers, errors with row and column, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from trainingkit.cli import main
from trainingkit.cohort.directory import Cohort
from trainingkit.cohort.roster import (
    RosterEntry,
    RosterError,
    import_roster,
    load_roster,
    read_roster,
)

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "rosters" / "good.csv"
BAD = FIXTURES / "rosters" / "bad.csv"
EXPECTED = [
    RosterEntry(
        "zhangsan", "张三", "经济界", "某市发展研究中心(虚构)", "zs@example.org", "trainee"
    ),
    RosterEntry("lisi", "李四", "教育界", "某中学(虚构)", "", "trainee"),
    RosterEntry("wangwu", "王五", "", "某局(虚构)", "", "instructor"),
]


@pytest.fixture
def cohort(tmp_path: Path) -> Cohort:
    return Cohort.init(tmp_path / "c", name="c", exercises=FIXTURES / "assignments")


def test_utf8_csv_with_chinese_headers_and_full_width_text_is_normalised():
    assert read_roster(GOOD) == EXPECTED


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_bom_and_gb18030_csv_read_the_same(tmp_path, encoding):
    path = tmp_path / "roster.csv"
    path.write_bytes(GOOD.read_text(encoding="utf-8").encode(encoding))
    assert read_roster(path) == EXPECTED


def test_xlsx_with_english_headers_reads_the_same(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["ID", "Name", "Sector", "Unit", "Email", "Role"])
    sheet.append(
        ["zhangsan", "张三", "经济界", "某市发展研究中心（虚构）", "zs@example.org", "trainee"]
    )
    sheet.append(["ｌｉｓｉ", "李　四", "教育界", "某中学（虚构）", None, None])
    sheet.append(["wangwu", "王五", None, "某局（虚构）", None, "教师"])
    workbook.save(tmp_path / "roster.xlsx")
    assert read_roster(tmp_path / "roster.xlsx") == EXPECTED


def test_every_problem_names_its_row_and_column():
    with pytest.raises(RosterError) as caught:
        read_roster(BAD)
    found = {(p.row, p.column) for p in caught.value.problems}
    assert found == {(2, "id"), (3, "id"), (4, "name"), (5, "id"), (5, "email"), (6, "role")}
    assert "ID_PATTERN" not in str(caught.value) and "^[a-z]" in str(caught.value)


def test_missing_required_column_is_reported_on_the_header(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("账号,姓名\nzhangsan,张三\n", encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    assert {p.row for p in caught.value.problems} == {1}
    assert len(caught.value.problems) == 2


def test_bad_roster_changes_nothing(cohort):
    with pytest.raises(RosterError):
        import_roster(cohort, BAD)
    assert not cohort.roster_file.exists()
    with cohort.gradebook() as gradebook:
        assert gradebook.students == []


def test_reimport_updates_without_duplicating(cohort, tmp_path):
    first = import_roster(cohort, GOOD)
    assert (first.added, first.updated, first.unchanged) == (3, 0, 0)
    changed = tmp_path / "changed.csv"
    text = GOOD.read_text(encoding="utf-8").replace("zs@example.org", "new@example.org")
    changed.write_text(text, encoding="utf-8")
    second = import_roster(cohort, changed)
    assert (second.added, second.updated, second.unchanged) == (0, 1, 2)
    assert [e.id for e in load_roster(cohort)] == ["lisi", "wangwu", "zhangsan"]
    with cohort.gradebook() as gradebook:
        students = {s.id: (s.last_name, s.first_name, s.email) for s in gradebook.students}
    # the whole name, no first name: formgrader shows "张三", never "张三," (no guessing of 姓)
    assert students == {"zhangsan": ("张三", None, "new@example.org"), "lisi": ("李四", None, None)}


def test_cli_exit_codes(cohort):
    runner = CliRunner()
    bad = runner.invoke(main, ["roster", "import", str(BAD), "--cohort", str(cohort.root)])
    assert bad.exit_code == 2 and "第 3 行" in bad.output and "Traceback" not in bad.output
    good = runner.invoke(main, ["roster", "import", str(GOOD), "--cohort", str(cohort.root)])
    assert good.exit_code == 0, good.output


def test_login_limit_is_the_hubs_24_and_checked_at_import(tmp_path):
    from trainingkit.hub.plan import HUB_NAME_PATTERN

    header = "账号,姓名,界别,单位,角色\n"
    ok, long = "a" * 24, "a" * 25
    assert HUB_NAME_PATTERN.match(ok) and not HUB_NAME_PATTERN.match(long)
    good = tmp_path / "good.csv"
    good.write_text(header + f"{ok},张三,经济界,某公司,学员\n", encoding="utf-8")
    assert [e.id for e in read_roster(good)] == [ok]
    bad = tmp_path / "bad.csv"
    bad.write_text(header + f"{long},张三,经济界,某公司,学员\n", encoding="utf-8")
    with pytest.raises(RosterError, match="最长 24 位"):
        read_roster(bad)


def test_formgrader_name_has_no_empty_first_name(cohort):
    # formgrader shows "last, first" unless first_name is None: "张三," otherwise
    import_roster(cohort, GOOD)
    with cohort.gradebook() as gradebook:
        assert {s.first_name for s in gradebook.students} == {None}
