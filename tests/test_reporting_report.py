"""The report: one self-contained HTML file with every section and chart."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from demo_support import demo_cohort, plan, shared_demo, who

from trainingkit.cli import main
from trainingkit.reporting.report import SECTIONS

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    workdir, _ = shared_demo(tmp_path_factory)
    cohort = demo_cohort(tmp_path_factory)
    output = tmp_path_factory.mktemp("report") / "报告.html"
    args = [
        "report",
        "-o",
        str(output),
        "--homes",
        str(workdir / "homes"),
        "--cohort",
        str(cohort.root),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # written; some submissions need attention
    assert "需要关注" in result.output
    return output.read_text(encoding="utf-8")


def test_the_page_is_self_contained(report: str) -> None:
    for needle in ('src="http', "src='http", "<link", "<script", "@import", "url(http"):
        assert needle not in report
    assert not re.search(r'(?:src|href)="(?!data:|#)', report)


def test_every_section_has_its_chart(report: str) -> None:
    for section in SECTIONS:
        assert f'id="{section}"' in report
    charts = re.findall(
        r'<img alt="[^"]+" src="data:image/png;base64,[A-Za-z0-9+/=]{200,}"', report
    )
    assert len(charts) == 5  # scores, difficulty, completion, progress, drafts


def test_follow_up_names_broken_missing_late_and_their_reasons(
    report: str, tmp_path_factory
) -> None:
    section = report[report.index('id="follow-up"') : report.index('id="drafts"')]
    broken, _ = who("invalid_json")
    dead, _ = who("os_exit")
    missing = next(p for p in plan() if p.not_submitted)
    late = next(p for p in plan() if p.late)
    for student in (broken, dead, missing.id, late.id):
        assert f"<td>{student}</td>" in section
    assert "笔记本文件已损坏" in section and "内核意外退出" in section
    assert "未提交" in section and "迟交" in section


def test_draft_quality_counts_the_submitted_drafts(report: str) -> None:
    section = report[report.index('id="drafts"') :]
    rows = re.findall(r"<td>02-proposals · 提案草稿</td><td>(\d+)</td><td>(\d+)</td>", section)
    drafts, registrable = int(rows[0][0]), int(rows[0][1])
    assert drafts >= 5 and 0 < registrable <= drafts


def test_missing_output_folder_exits_2(tmp_path_factory, tmp_path) -> None:
    cohort = demo_cohort(tmp_path_factory)
    result = CliRunner().invoke(
        main, ["report", "-o", str(tmp_path / "no" / "r.html"), "--cohort", str(cohort.root)]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
