"""Compliance and assessment on hand-computed members, including edge cases."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest

from trainingkit.duties import evaluate as duties
from trainingkit.duties.evaluate import assess, evaluate_compliance, grade_scores
from trainingkit.duties.rule_files import load_contact_rule, load_rule_set, load_scheme
from trainingkit.duties.summary import summary_from_counts

ALL_QUARTERS = {"contacts_q1": 1, "contacts_q2": 1, "contacts_q3": 1, "contacts_q4": 1}


def members(*rows: tuple[str, str, dict[str, int]]) -> pd.DataFrame:
    """A summary frame from (member_id, role, counts) triples."""
    frames = [summary_from_counts(c, member_id=m, role=r) for m, r, c in rows]
    return pd.concat(frames, ignore_index=True).set_index("member_id", drop=False)


# --- compliance ---------------------------------------------------------------


def test_jinan_three_tasks_hand_computed():
    summary = members(
        ("a", "委员", {"plenary_attended": 1, "sheqing_submitted": 1, "research": 1}),
        ("b", "委员", {"plenary_excused": 1, "proposals_submitted": 1, "inspection": 1}),
        ("c", "委员", {}),
    )
    result = evaluate_compliance(summary, load_rule_set("jinan_2015"))
    assert result["plenary"].tolist() == [True, False, False]
    assert result["proposal_or_sheqing"].tolist() == [True, True, False]
    assert result["inspection_or_research"].tolist() == [True, True, False]
    assert result["tasks_met"].tolist() == [3, 2, 0]
    assert result["tasks_total"].tolist() == [3, 3, 3]
    assert result["all_met"].tolist() == [True, False, False]
    assert result.loc["b", "missing"] == ["出席全体会议"]
    assert result.loc["c", "missing"] == [
        "出席全体会议",
        "至少提交一件提案或一篇社情民意信息",
        "至少参加一次视察或调研",
    ]
    assert result.loc["a", "missing"] == []


def test_six_tasks_met_exactly_at_one_each_and_missed_below():
    exact = dict.fromkeys(
        [
            "plenary_attended",
            "proposals_submitted",
            "sheqing_submitted",
            "research",
            "training",
            "sector_activities",
        ],
        1,
    )
    summary = members(("exact", "委员", exact), ("no_training", "委员", {**exact, "training": 0}))
    result = evaluate_compliance(summary, load_rule_set("inner_mongolia_six"))
    assert result["tasks_met"].tolist() == [6, 5]
    assert result.loc["no_training", "missing"] == ["参加一次学习培训"]


def test_minhang_activities_threshold_is_inclusive():
    base = {"plenary_attended": 1, "proposals_submitted": 1, "sheqing_submitted": 1}
    summary = members(
        ("three", "委员", {**base, "research": 1, "training": 1, "consultation": 1}),
        ("two", "委员", {**base, "research": 2}),
    )
    result = evaluate_compliance(summary, load_rule_set("minhang"))
    assert result["activities"].tolist() == [True, False]


def test_role_specific_targets_apply_only_to_their_role():
    summary = members(
        ("s2", "常委", {"sheqing_submitted": 2}),
        ("s3", "常委", {"sheqing_submitted": 3}),
        ("m1", "委员", {"sheqing_submitted": 1}),
        ("m0", "委员", {}),
    )
    result = evaluate_compliance(summary, load_rule_set("chongqing_2024_sheqing"))
    assert result["sheqing_standing"].tolist() == [False, True, pd.NA, pd.NA]
    assert result["sheqing_member"].tolist() == [pd.NA, pd.NA, True, False]
    assert result["tasks_total"].tolist() == [1, 1, 1, 1]
    assert result["all_met"].tolist() == [False, True, True, False]
    assert result.loc["s2", "missing"] == ["常委每年至少报送3篇社情民意信息"]


def test_tianshui_contact_rule_checks_every_quarter_and_the_yearly_people():
    summary = members(
        ("ok", "委员", {**ALL_QUARTERS, "contact_people": 40}),
        ("gap", "委员", {**ALL_QUARTERS, "contacts_q2": 0, "contacts_q4": 5, "contact_people": 90}),
        ("few", "委员", {**ALL_QUARTERS, "contact_people": 39}),
    )
    rule_set = load_rule_set("jinan_2015")
    result = evaluate_compliance(summary, rule_set, load_contact_rule("tianshui"))
    assert result["contact_quarters_ok"].tolist() == [True, False, True]
    assert result["contact_people_ok"].tolist() == [True, True, False]
    assert result["contact_ok"].tolist() == [True, False, False]
    assert result.loc["gap", "missing"][-1] == "每季度至少联系界别群众1次"
    assert result.loc["few", "missing"][-1] == "全年联系群众至少40人次"
    assert not result["all_met"].any()  # nobody met Jinan's tasks either


def test_a_contact_rule_without_countable_parts_leaves_contact_unknown():
    summary = members(
        ("x", "委员", {"plenary_attended": 1, "research": 1, "proposals_submitted": 1})
    )
    result = evaluate_compliance(summary, load_rule_set("jinan_2015"), load_contact_rule("taizhou"))
    assert result.loc["x", "contact_ok"] is pd.NA
    assert bool(result.loc["x", "all_met"])
    deqing = evaluate_compliance(summary, load_rule_set("jinan_2015"), load_contact_rule("deqing"))
    assert deqing.loc["x", "contact_people_ok"] is pd.NA
    assert not deqing.loc["x", "contact_ok"]


def test_missing_summary_columns_are_named():
    summary = members(("x", "委员", {})).drop(columns=["research"])
    with pytest.raises(KeyError, match="research"):
        evaluate_compliance(summary, load_rule_set("jinan_2015"))


def test_empty_summary_gives_an_empty_result():
    empty = members(("x", "委员", {})).iloc[0:0]
    result = evaluate_compliance(empty, load_rule_set("jinan_2015"), load_contact_rule("tianshui"))
    assert result.empty and "all_met" in result.columns
    assert assess(empty, load_scheme("jinan_2015")).empty


# --- assessment ---------------------------------------------------------------


def test_jinan_scores_and_grades_hand_computed():
    summary = members(
        ("clean", "委员", {"plenary_attended": 1, "proposals_registered": 1}),
        ("unexcused", "委员", {"plenary_unexcused": 1}),
        ("excused", "委员", {"plenary_excused": 1, "proposals_registered": 2}),
        (
            "exactly_85",
            "委员",
            {"plenary_attended": 1, "proposals_key": 1, "proposals_excellent": 1},
        ),
        ("exactly_60", "委员", {"plenary_excused": 1}),
    )
    result = assess(summary, load_scheme("jinan_2015"))
    assert result["score"].tolist() == [70, 40, 65, 85, 60]
    assert result["grade"].tolist() == ["称职", "不称职", "称职", "优秀", "称职"]
    assert result.loc["unexcused", "grade_note"] == "约谈"
    assert result.loc["unexcused", "reasons"] == ["基础分 70", "全体会议无故缺席1次 −30"]
    assert result.loc["excused", "reasons"] == [
        "基础分 70",
        "全体会议请假1次 −10",
        "多立案提案1件 +5",
    ]


def test_jinan_item_cap_and_bonus_group_cap():
    summary = members(
        ("service", "委员", {"public_service": 7}),
        (
            "star",
            "委员",
            {
                "proposals_registered": 6,
                "proposals_key": 3,
                "proposals_excellent": 2,
                "public_service": 5,
            },
        ),
    )
    result = assess(summary, load_scheme("jinan_2015"))
    assert result.loc["service", "score"] == 80  # 7 × 2 = 14, capped at 10
    assert result.loc["service", "reasons"][1] == "参加公益/社会服务活动7次 +10（封顶10分）"
    # bonus 25 + 15 + 20 + 10 = 70, capped at 50: 70 + 50 = 120
    assert result.loc["star", "score"] == 120
    assert result.loc["star", "reasons"][-1].endswith("合计超过50分，按50分计 −20")


def test_jinan_grade_boundaries_84_and_59_hand_computed():
    summary = members(
        # 70 + 5 (second registered proposal) + 5 (key) + 2 × 2 (public service) = 84
        (
            "s84",
            "委员",
            {
                "plenary_attended": 1,
                "proposals_registered": 2,
                "proposals_key": 1,
                "public_service": 2,
            },
        ),
        # 70 − 30 (unexcused) + 5 (key) + 10 (excellent) + 2 × 2 (public service) = 59
        (
            "s59",
            "委员",
            {
                "plenary_unexcused": 1,
                "proposals_key": 1,
                "proposals_excellent": 1,
                "public_service": 2,
            },
        ),
    )
    result = assess(summary, load_scheme("jinan_2015"))
    assert result["score"].tolist() == [84, 59]
    assert result["grade"].tolist() == ["称职", "不称职"]
    assert result["grade_note"].tolist() == ["", "约谈"]
    assert result.loc["s59", "reasons"] == [
        "基础分 70",
        "全体会议无故缺席1次 −30",
        "重点提案1件 +5",
        "优秀提案1件 +10",
        "参加公益/社会服务活动2次 +4",
    ]


def test_score_is_clipped_to_the_scheme_range():
    result = assess(members(("x", "委员", {"plenary_unexcused": 3})), load_scheme("jinan_2015"))
    assert result.loc["x", "score"] == 0  # 70 − 90 would be −20
    assert result.loc["x", "reasons"][-1] == "总分超出范围，按0分计"


def test_tongcheng_tiers_excused_versus_unexcused_and_caps():
    summary = members(
        (
            "full",
            "委员",
            {
                "plenary_attended": 1,
                "proposals_submitted": 1,
                "proposals_registered": 1,
                "research": 5,
                "sheqing_submitted": 1,
                "sheqing_adopted": 1,
            },
        ),
        ("excused", "委员", {"plenary_excused": 1, "proposals_submitted": 1, "training": 6}),
        (
            "unexcused",
            "委员",
            {"plenary_attended": 1, "plenary_unexcused": 1, "sheqing_submitted": 2},
        ),
        (
            "exactly_60",
            "委员",
            {"plenary_excused": 1, "proposals_submitted": 1, "research": 5, "sheqing_submitted": 1},
        ),
    )
    result = assess(summary, load_scheme("tongcheng_2019"))
    # 50+25+10+15 | 30+10+10 | 0+0+0+15 | 30+10+10+10
    assert result["score"].tolist() == [100, 50, 15, 60]
    assert result["grade"].tolist() == ["合格", "不合格", "不合格", "合格"]
    assert result.loc["excused", "reasons"][0] == "全体会议请假 +30"
    assert result.loc["unexcused", "reasons"][0] == "全体会议无故缺席或未出席 0"


def test_tongcheng_59_fails_and_activities_of_all_six_kinds_add_up_to_the_cap():
    one_of_each = dict.fromkeys(
        [
            "research",
            "inspection",
            "training",
            "sector_activities",
            "public_service",
            "consultation",
        ],
        1,
    )
    summary = members(
        # 30 (excused) + 10 (submitted, not registered) + 2 × 2 (activities) + 10 + 5 (社情民意)
        (
            "s59",
            "委员",
            {
                "plenary_excused": 1,
                "proposals_submitted": 1,
                "sector_activities": 1,
                "public_service": 1,
                "sheqing_submitted": 1,
                "sheqing_adopted": 1,
            },
        ),
        # 50 (attended) + six activities × 2 = 12, capped at 10
        ("six_kinds", "委员", {"plenary_attended": 1, **one_of_each}),
    )
    result = assess(summary, load_scheme("tongcheng_2019"))
    assert result["score"].tolist() == [59, 60]
    assert result["grade"].tolist() == ["不合格", "合格"]
    assert result.loc["six_kinds", "reasons"] == [
        "全体会议全勤 +50",
        "参加各类活动6次 +10（封顶10分）",
    ]


def test_grade_only_scheme_grades_given_scores_and_does_not_score():
    anqing = load_scheme("anqing_2018")
    grades = grade_scores(pd.Series([90, 89.5, 80, 60, 59]), anqing)["grade"].tolist()
    assert [g[:4] for g in grades] == ["第一等次", "第二等次", "第二等次", "第三等次", "第四等次"]
    result = assess(members(("x", "委员", {})), anqing)
    assert pd.isna(result.loc["x", "score"]) and result.loc["x", "reasons"] == []


def test_xuanwei_consequences_are_triggered_by_counts():
    summary = members(
        ("one", "委员", {"plenary_unexcused": 1}),
        ("two", "委员", {"plenary_unexcused": 2}),
        ("none", "委员", {}),
    )
    result = assess(summary, load_scheme("xuanwei"))
    assert result["consequences"].tolist() == [["书面提醒"], ["书面提醒", "可能被撤销委员资格"], []]


def test_xuanwei_renomination_rule_is_described_but_never_judged_from_one_year():
    xuanwei = load_scheme("xuanwei")
    renomination = [c for c in xuanwei.consequences if not c.when]
    assert [c.label for c in renomination] == ["可能不再继续提名"]
    result = assess(members(("idle", "委员", {"plenary_attended": 1})), xuanwei)
    assert result.loc["idle", "consequences"] == []  # no proposal this year: not enough to judge


def test_one_row_frame_from_counts_works():
    row = summary_from_counts({"plenary_attended": 1, "sheqing_submitted": 1}, role="常委")
    assert evaluate_compliance(row, load_rule_set("chongqing_2024_sheqing"))["tasks_met"][0] == 0
    assert assess(row, load_scheme("tongcheng_2019"))["score"][0] == 60


def test_results_keep_the_summary_index_and_do_not_touch_the_input():
    summary = members(("a", "委员", {"plenary_attended": 1}), ("b", "常委", {}))
    before = summary.copy()
    result = assess(summary, load_scheme("jinan_2015"))
    assert list(result.index) == ["a", "b"] and result.loc["b", "role"] == "常委"
    pd.testing.assert_frame_equal(summary, before)


def test_docstring_examples_run():
    assert doctest.testmod(duties).failed == 0
