"""The synthetic committee: deterministic, consistent, plausible, and marked 虚构示例."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from trainingkit.duties.summary import ACTIVITY_KINDS
from trainingkit.knowledge import facts as knowledge
from trainingkit.synthetic.committee import (
    COLUMNS,
    NOTE,
    Committee,
    city_config,
    generate_committee,
    to_chinese,
)


@pytest.fixture(scope="module")
def committee() -> Committee:
    return generate_committee()


@pytest.fixture(scope="module")
def large() -> Committee:
    return generate_committee(2000, years=(2025, 2026))


def _assert_same(a: Committee, b: Committee) -> None:
    for name in COLUMNS:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


@pytest.mark.parametrize("n", [50, 300, 2000])
def test_same_seed_gives_identical_frames(n):
    _assert_same(generate_committee(n, seed=7), generate_committee(n, seed=7))


def test_different_seeds_give_different_committees():
    a, b = generate_committee(seed=1), generate_committee(seed=2)
    assert not a.members["name"].equals(b.members["name"])
    assert not a.proposals.equals(b.proposals)
    assert not a.contacts.equals(b.contacts)


@pytest.mark.parametrize("n", [1, 50, 300, 2000])
def test_size_is_a_parameter(n):
    c = generate_committee(n)
    assert len(c.members) == n
    assert c.members["member_id"].is_unique and c.members["name"].is_unique
    assert c.members["member_id"].iloc[0] == "M0001"


def test_adding_a_later_year_leaves_the_earlier_frames_unchanged():
    one = generate_committee(100, years=(2025,), seed=3)
    two = generate_committee(100, years=(2025, 2026), seed=3)
    pd.testing.assert_frame_equal(one.members, two.members)
    for name in COLUMNS:
        if name != "members":
            frame = getattr(two, name)
            first = frame[frame["year"] == 2025].reset_index(drop=True)
            pd.testing.assert_frame_equal(getattr(one, name), first, check_like=False)
            assert set(frame["year"]) == {2025, 2026}, name


def test_years_differ_but_members_keep_their_engagement(large):
    summary = large.summary()
    by_year = summary.pivot(index="member_id", columns="year", values="proposals_submitted")
    assert not by_year[2025].equals(by_year[2026])
    assert by_year[2025].corr(by_year[2026]) > 0.2  # active members stay active


@pytest.mark.parametrize(
    "kwargs", [{"n_members": 0}, {"years": ()}, {"years": (2025, 2025)}], ids=str
)
def test_bad_arguments_are_refused_in_chinese_and_english(kwargs):
    with pytest.raises(ValueError, match=r"委员人数.*n_members"):
        generate_committee(**kwargs)


def test_every_frame_is_marked_fictional(committee):
    assert city_config()["note"] == NOTE == "虚构示例"
    assert committee.note == NOTE
    for name, frame in committee.frames().items():
        assert frame.attrs["note"] == "虚构示例", name
        assert frame.attrs["frame"] == name
    assert committee.summary().attrs["note"] == "虚构示例"


def test_columns_are_documented_with_chinese_labels(committee):
    labels: dict[str, str] = {}
    for name, frame in committee.frames().items():
        assert list(frame.columns) == list(COLUMNS[name]), name
        chinese = to_chinese(frame)
        assert all(re.search(r"[\u4e00-\u9fff]", c) for c in chinese.columns), name
        assert chinese.columns.is_unique
        for column, label in COLUMNS[name].items():
            assert labels.setdefault(column, label) == label, f"{column} labelled twice"
    summary = to_chinese(committee.summary())
    assert not [c for c in summary.columns if re.fullmatch(r"[a-z_0-9]+", c)]
    assert "界别" in committee.members.pipe(to_chinese).columns


def test_records_refer_to_members_and_consultations(large):
    ids = set(large.members["member_id"])
    for name in ("attendance", "sheqing", "activities", "contacts"):
        assert set(getattr(large, name)["member_id"]) <= ids, name
    p = large.proposals
    assert set(p["first_member_id"].dropna()) <= ids
    assert set(p["convener_id"].dropna()) <= ids
    a, c = large.activities, large.consultations
    linked = a["activity_id"].notna()
    assert (linked == (a["kind"] == "协商活动")).all()
    assert set(a.loc[linked, "activity_id"]) <= set(c["activity_id"])
    assert not a[linked].duplicated(["member_id", "activity_id"]).any()
    counted = a["activity_id"].value_counts().reindex(c["activity_id"], fill_value=0)
    assert (counted.to_numpy() == c["participants"].to_numpy()).all()
    meeting_month = c.set_index("activity_id")["meeting_date"].dt.month
    assert (a.loc[linked, "month"].to_numpy() == meeting_month[a.loc[linked, "activity_id"]]).all()


def test_identifiers_are_unique_and_well_formed(large):
    for name, column, pattern in [
        ("proposals", "proposal_id", r"P\d{4}-\d{4}"),
        ("sheqing", "info_id", r"S\d{4}-\d{4}"),
        ("consultations", "activity_id", r"C\d{4}-\d{2}"),
    ]:
        values = getattr(large, name)[column]
        assert values.is_unique and values.str.fullmatch(pattern).all(), name


def test_attendance_covers_every_member_and_standing_meetings_only_for_standing(large):
    att, members = large.attendance, large.members.set_index("member_id")
    plenary = att[att["meeting"] == "全体会议"]
    assert (plenary.groupby(["member_id", "year"]).size() == 1).all()
    assert len(plenary) == len(members) * len(large.years)
    standing = att[att["meeting"] == "常委会议"]
    assert set(members.loc[standing["member_id"], "role"]) == {"常委"}
    assert set(att["status"]) == {"出席", "请假", "缺席"}
    assert att.groupby("meeting_id")["date"].nunique().eq(1).all()
    assert (att["date"].dt.day_of_week < 5).all()


def test_values_come_from_the_kits_vocabulary(large):
    cfg = city_config()
    national = {s.name for s in knowledge.sectors()}
    assert {s["national"] for s in cfg["sectors"]} <= national
    m = large.members
    assert set(m["sector"]) == {s["name"] for s in cfg["sectors"]}
    assert set(m["role"]) == {"常委", "委员"} and set(m["gender"]) == {"男", "女"}
    assert 0.12 <= (m["role"] == "常委").mean() <= 0.18
    assert m["name"].str.fullmatch(r"[\u4e00-\u9fff]{2,3}").all()
    p = large.proposals
    assert set(p["submitter_kind"]) == {k.name for k in knowledge.submitter_kinds()}
    assert (p["submitter_kind"] == "委员提案").mean() > 0.85
    outcomes = {o.name for o in knowledge.review_outcomes()} | {"不予立案"}
    assert set(p["review_outcome"]) <= outcomes
    assert set(p["category"]) == {"经济", "政治", "文化", "社会", "生态"}
    assert p["title"].str.fullmatch(r"关于.+的建议").all()
    assert set(p["reply_category"].dropna()) == {"A", "B", "C", "D"}
    assert set(p["satisfaction"].dropna()) == {"满意", "基本满意", "不满意"}
    assert set(large.activities["kind"]) == set(ACTIVITY_KINDS.values())
    assert large.activities["month"].between(1, 12).all()
    assert large.sheqing["month"].between(1, 12).all()
    assert set(large.contacts["quarter"]) == {1, 2, 3, 4}
    assert (large.contacts["people"] >= 1).all()
    c = large.consultations
    assert set(c["form"]) <= {f.name for f in knowledge.consultation_forms()}
    assert set(c["topic_source"]) == {t.name for t in knowledge.topic_sources()}
    assert (
        c["outputs"]
        .str.fullmatch(r"(会议纪要|建议案|调研报告)(、(会议纪要|建议案|调研报告))*")
        .all()
    )


def test_only_registered_proposals_are_handled_and_evaluated(large):
    p = large.proposals
    registered = p["review_outcome"].isin(["立案", "并案"])
    for column in ("lead_unit", "co_units", "reply_category", "satisfaction"):
        assert (p[column].notna() == registered).all(), column
    assert not (p["is_key"] & ~registered).any() and not (p["is_excellent"] & ~registered).any()
    lead = p.loc[registered, "lead_unit"]
    co = p.loc[registered, "co_units"].str.split("、")
    assert not any(unit in others for unit, others in zip(lead, co, strict=True))
    member = p["submitter_kind"] == "委员提案"
    assert p.loc[member, "first_member_id"].notna().all()
    assert p.loc[~member, "first_member_id"].isna().all()
    assert (p.loc[~member, "cosigners"] == 0).all()


def test_consultation_dates_are_in_order_and_the_example_rule_is_usually_met(large):
    c = large.consultations
    assert (c["notice_date"] < c["materials_date"]).all()
    assert (c["materials_date"] < c["meeting_date"]).all()
    assert (c["meeting_date"] < c["report_date"]).all()
    assert (c["meeting_date"].dt.year == c["year"]).all()
    notice = [
        len(pd.bdate_range(n, m)) - 1
        for n, m in zip(c["notice_date"], c["meeting_date"], strict=True)
    ]
    late = sum(days < 15 for days in notice)  # one city's rule: 15 working days ahead
    assert 0 < late < len(c) / 2


def test_most_members_meet_each_quota_but_not_all(committee):
    s = committee.summary()
    for column in (
        "plenary_attended",
        "proposals_submitted",
        "sheqing_submitted",
        "research",
        "training",
        "sector_activities",
    ):
        share = (s[column] >= 1).mean()
        assert 0.6 <= share <= 0.97, (column, share)
    assert 0 < s["plenary_unexcused"].sum() < 0.05 * len(s)
    quarters = s[["contacts_q1", "contacts_q2", "contacts_q3", "contacts_q4"]]
    assert 0.02 < (quarters == 0).to_numpy().mean() < 0.25  # occasional empty quarters


def test_no_sector_is_designed_to_score_lower():
    # Members sit in these (real) sector names: the shipped city sets no per-duty
    # multiplier, so sector differences are the random draw's alone. A designed
    # difference survives a change of seed; a drawn one averages out (the old
    # design set some sectors to 0.5-0.6 times the rate).
    assert all("mult" not in sector for sector in city_config()["sectors"])
    summaries = [generate_committee(2000, seed=seed).summary(2025) for seed in (1, 2, 3)]
    for column in ("proposals_submitted", "sheqing_submitted", "contact_people"):
        ratios = [s.groupby("sector")[column].mean() / s[column].mean() for s in summaries]
        mean_ratio = pd.concat(ratios, axis=1).mean(axis=1)
        assert mean_ratio.between(0.8, 1.2).all(), (column, mean_ratio.sort_values())
    absent = [(s["plenary_unexcused"] > 0).groupby(s["sector"]).mean() for s in summaries]
    assert pd.concat(absent, axis=1).mean(axis=1).max() < 0.1


def test_a_configured_sector_multiplier_still_changes_that_sector():
    cfg = city_config()
    weak = cfg["sectors"][0]["name"]
    cfg["sectors"][0]["mult"] = {"proposals": 0.2}
    s = generate_committee(800, config=cfg).summary(2025)
    mean = s.groupby("sector")["proposals_submitted"].mean()
    assert mean[weak] < 0.5 * mean.drop(weak).mean()


def test_a_changed_configuration_changes_the_data():
    cfg = city_config()
    cfg["rates"]["proposals"] = 0.0
    c = generate_committee(100, config=cfg)
    assert (c.proposals["submitter_kind"] != "委员提案").all()
    assert city_config()["rates"]["proposals"] > 0  # the packaged configuration is untouched


def test_proposal_topics_and_work_units_fit_the_sector(large):
    p = large.proposals.merge(
        large.members[["member_id", "sector"]], left_on="first_member_id", right_on="member_id"
    )
    share = pd.crosstab(p["sector"], p["category"], normalize="index")
    overall = p["category"].value_counts(normalize=True)
    assert share.loc["环境资源", "生态"] > 2 * overall["生态"]
    assert share.loc["医药卫生", "社会"] > 1.5 * overall["社会"]
    assert share.loc["文化艺术", "文化"] > 2 * overall["文化"]
    units = large.members.set_index("sector")["unit"]
    assert units["医药卫生"].str.contains("医院|卫生|疾病").all()
    assert units["教育"].str.contains("学|幼儿园").all()
    assert large.members["unit"].str.fullmatch(r"\w+[区县]\w+").all()


def test_work_units_sit_in_placeholder_districts_not_real_ones(large):
    districts = city_config()["units_of_members"]["districts"]
    assert all(len(d) == 2 and d[0] in "甲乙丙丁戊己庚辛壬癸" for d in districts)
    assert large.members["unit"].str[:2].isin(districts).all()


def test_handling_units_are_those_configured_for_the_topic(committee):
    topics = {
        entry[0]: entry[1:] for entries in city_config()["topics"].values() for entry in entries
    }
    assert all(len(units) == 3 and len(set(units)) == 3 for units in topics.values())
    p = committee.proposals.dropna(subset=["lead_unit"])
    topic = p["title"].str.extract(r"^关于(?:进一步|在我市)?(.+)的建议$")[0]
    assert topic.isin(list(topics)).all()
    for name, lead, co in zip(topic, p["lead_unit"], p["co_units"], strict=True):
        assert lead == topics[name][0]
        assert set(filter(None, co.split("、"))) <= set(topics[name][1:])
