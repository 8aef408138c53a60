"""The module-01 widgets, driven without a browser: set controls, read what they show."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

from trainingkit.duties.summary import summary_from_counts
from trainingkit.synthetic.committee import generate_committee
from trainingkit.widgets import __all__ as widget_names
from trainingkit.widgets.assessment import AssessmentCalculator
from trainingkit.widgets.compliance import (
    ALL_MET,
    MEMBERS,
    compliance_by_sector,
    compliance_chart,
)
from trainingkit.widgets.duties import DutyPlanner, plan_counts, rule_label
from trainingkit.widgets.facts_view import facts_table

matplotlib.use("Agg")

# A year that meets 六个一 and Tianshui's contact rule (one contact each quarter,
# 4 contacts x 10 people = 40 person-contacts).
FULL_PLAN = {
    (3, "plenary_attended"): 1,
    (3, "proposals_submitted"): 1,
    (5, "sheqing_submitted"): 1,
    (6, "research"): 1,
    (4, "training"): 1,
    (9, "sector_activities"): 1,
    (2, "contacts"): 1,
    (5, "contacts"): 1,
    (8, "contacts"): 1,
    (11, "contacts"): 1,
}


def test_every_lazy_widget_name_resolves() -> None:
    import trainingkit.widgets as package

    for name in widget_names:
        assert getattr(package, name) is not None
    with pytest.raises(AttributeError):
        _ = package.NoSuchWidget


def test_plan_counts_spreads_contacts_over_quarters() -> None:
    counts = plan_counts(FULL_PLAN, people_per_contact=10)
    assert [counts[f"contacts_q{q}"] for q in range(1, 5)] == [1, 1, 1, 1]
    assert counts["contact_people"] == 40
    assert counts["research"] == 1
    with pytest.raises(ValueError):
        plan_counts({(13, "research"): 1})


def test_full_plan_meets_every_task_and_the_contact_rule() -> None:
    planner = DutyPlanner(rule_set="inner_mongolia_six", contact_rule="tianshui")
    assert "tk-duty-planner" in planner.widget._dom_classes
    assert "✘ 还缺" in planner.output.value  # the empty plan misses everything
    planner.set_plan(FULL_PLAN)
    assert planner.result is not None
    row = planner.result.iloc[0]
    assert bool(row["all_met"]) and list(row["missing"]) == []
    assert "全年任务全部能够完成" in planner.output.value
    assert planner.output.value.count("tk-duty-task-met") == 6 + 2


def test_dropping_the_sheqing_shows_that_task_missing() -> None:
    planner = DutyPlanner()
    planner.set_plan(FULL_PLAN)
    planner.cells[(5, "sheqing_submitted")].value = 0
    assert planner.result is not None
    assert list(planner.result.iloc[0]["missing"]) == ["至少报送一篇社情民意信息"]
    assert "✘ 还缺：至少报送一篇社情民意信息" in planner.output.value
    assert planner.output.value.count("tk-duty-task-missing") == 1


def test_a_quarter_without_contact_breaks_the_quarterly_rule() -> None:
    planner = DutyPlanner()
    planner.set_plan({**FULL_PLAN, (8, "contacts"): 0, (7, "contacts"): 0})
    planner.people_per_contact.value = 20
    assert planner.result is not None
    row = planner.result.iloc[0]
    assert not row["contact_quarters_ok"] and row["contact_people_ok"]
    assert "一至四季度 1 / 1 / 0 / 1 次" in planner.output.value


def test_switching_rule_set_relabels_and_reevaluates() -> None:
    planner = DutyPlanner(contact_rule=None)
    planner.set_plan(
        {(3, "plenary_attended"): 1, (6, "inspection"): 1, (9, "sheqing_submitted"): 1}
    )
    assert "✘ 还缺" in planner.output.value
    planner.rule_set.value = "jinan_2015"
    assert "三个一（济南市，2015年）" in planner.output.value
    assert "［济南市做法］" in planner.output.value
    assert "全年任务全部能够完成" in planner.output.value


def test_role_specific_tasks_show_as_not_applicable() -> None:
    planner = DutyPlanner(rule_set="chongqing_2024_sheqing", contact_rule=None)
    planner.set_plan({(4, "sheqing_submitted"): 1})
    assert "全年任务全部能够完成" in planner.output.value
    assert "不适用于此身份" in planner.output.value
    planner.role.value = "常委"
    assert "常委每年至少报送3篇社情民意信息" in planner.output.value
    assert "✘ 还缺" in planner.output.value


def test_rule_label_names_place_and_year_or_says_unknown() -> None:
    planner = DutyPlanner()
    labels = [label for label, _ in planner.rule_set.options]
    assert "三个一（济南市，2015年）" in labels
    assert any("年份未详" in label for label in labels)
    assert all("（" in rule_label(r) for r in planner._rule_sets.values())


def test_tongcheng_score_matches_the_hand_computation() -> None:
    calculator = AssessmentCalculator(scheme="tongcheng_2019")
    assert "tk-assessment" in calculator.widget._dom_classes
    calculator.set_counts(
        {
            "plenary_attended": 1,
            "proposals_submitted": 1,
            "proposals_registered": 1,
            "research": 2,
            "training": 1,
            "sheqing_submitted": 1,
            "sheqing_adopted": 1,
        }
    )
    # meetings 50 + proposal 10 + registered 15 + 3 activities x 2 + 社情民意 10 + adopted 5
    assert calculator.result is not None
    assert float(calculator.result.iloc[0]["score"]) == 96.0
    assert "得分：<strong>96</strong> / 100" in calculator.output.value
    assert "合格" in calculator.output.value
    assert "参加各类活动3次 +6" in calculator.output.value
    assert "［安徽省桐城市做法，仅作示例］" in calculator.output.value


def test_excused_absence_and_activity_cap_under_tongcheng() -> None:
    calculator = AssessmentCalculator()
    calculator.set_counts({"plenary_excused": 1, "research": 4, "inspection": 4})
    # excused 30 + activities 8 x 2 = 16, capped at 10
    assert calculator.result is not None
    assert float(calculator.result.iloc[0]["score"]) == 40.0
    assert "不合格" in calculator.output.value


def test_jinan_unexcused_absence_costs_thirty_points() -> None:
    calculator = AssessmentCalculator(scheme="jinan_2015")
    calculator.fields["plenary_unexcused"].value = 1
    assert calculator.result is not None
    assert float(calculator.result.iloc[0]["score"]) == 40.0
    assert "不称职" in calculator.output.value and "约谈" in calculator.output.value


def test_schemes_without_points_say_so() -> None:
    calculator = AssessmentCalculator(scheme="anqing_2018")
    assert "不计分" in calculator.output.value
    calculator.scheme.value = "xuanwei"
    calculator.fields["plenary_unexcused"].value = 2
    assert "可能被撤销委员资格" in calculator.output.value
    with pytest.raises(KeyError):
        calculator.set_counts({"no_such_column": 1})


def test_compliance_by_sector_counts_by_hand() -> None:
    import pandas as pd

    rows = [
        summary_from_counts({"plenary_attended": 1, "research": 1, "sheqing_submitted": 1}),
        summary_from_counts({"plenary_attended": 1}),
    ]
    summary = pd.concat(rows, ignore_index=True).assign(sector="教育")
    table = compliance_by_sector(summary, "jinan_2015")
    assert table.loc["教育", ALL_MET] == 50.0
    assert table.loc["教育", "出席全体会议"] == 100.0


def test_facts_table_keeps_source_and_year() -> None:
    from trainingkit.knowledge.facts import member_functions

    table = facts_table(member_functions())
    assert {"来源", "年份"} <= set(table.columns)
    assert "nan" not in table.to_string()


@pytest.mark.parametrize("module", ["duties", "compliance", "facts_view"])
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"trainingkit.widgets.{module}"))
    assert result.attempted > 0 and result.failed == 0


EXAMPLE_RULES = Path(__file__).resolve().parent.parent / "docs" / "examples" / "my_committee.toml"


def test_planner_takes_an_organizers_rule_file() -> None:
    from trainingkit.duties.rule_files import load_rule_set

    planner = DutyPlanner(rule_set=EXAMPLE_RULES, contact_rule=EXAMPLE_RULES)
    own = load_rule_set(EXAMPLE_RULES)
    assert planner.rule_set.value == own.id
    assert own.name in planner.output.value
    assert "jinan_2015" in [key for _, key in planner.rule_set.options]  # built-ins stay


def test_calculator_takes_an_organizers_scheme_and_rejects_a_missing_file() -> None:
    from trainingkit.duties.rule_files import load_scheme
    from trainingkit.duties.rules import RuleFileError

    calculator = AssessmentCalculator(scheme=EXAMPLE_RULES)
    assert calculator.scheme.value == load_scheme(EXAMPLE_RULES).id
    with pytest.raises(RuleFileError):
        AssessmentCalculator(scheme="no_such_scheme.toml")


def test_compliance_by_sector_on_the_synthetic_committee() -> None:
    summary = generate_committee(120, seed=7).summary()
    table = compliance_by_sector(summary, "jinan_2015", "tianshui")
    assert table[MEMBERS].sum() == 120
    assert table[ALL_MET].between(0, 100).all()
    assert list(table[ALL_MET]) == sorted(table[ALL_MET], reverse=True)
    assert "联系群众" in table.columns and "出席全体会议" in table.columns
    assert table.attrs["note"] == "虚构示例"
    # On screen the label is visible, not only in attrs (audit #27).
    from trainingkit.synthetic.committee import labelled

    assert "虚构示例" in labelled(table).to_html()
    assert "虚构示例" in compliance_chart(table).title
