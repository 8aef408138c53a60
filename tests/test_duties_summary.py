"""The duty summary: the shared columns, counted correctly from the raw records."""

from __future__ import annotations

import pandas as pd
import pytest

from trainingkit.duties.summary import (
    ACTIVITY_COLUMNS,
    COUNT_COLUMNS,
    COUNT_LABELS,
    IDENTITY_COLUMNS,
    duty_summary,
    summary_from_counts,
)
from trainingkit.synthetic.committee import Committee, generate_committee


@pytest.fixture(scope="module")
def committee() -> Committee:
    return generate_committee(300, years=(2025, 2026), seed=11)


@pytest.fixture(scope="module")
def summary(committee: Committee) -> pd.DataFrame:
    return duty_summary(committee)


def test_summary_has_exactly_the_contract_columns_as_integers(summary):
    assert list(summary.columns) == [*IDENTITY_COLUMNS, *COUNT_COLUMNS]
    assert all(summary[c].dtype == "int64" for c in COUNT_COLUMNS)
    assert summary["year"].dtype == "int64"
    assert set(COUNT_LABELS) == set(COUNT_COLUMNS)


def test_one_row_per_member_and_year_sorted(committee, summary):
    assert len(summary) == len(committee.members) * 2
    assert not summary.duplicated(["member_id", "year"]).any()
    assert summary[["year", "member_id"]].equals(
        summary[["year", "member_id"]].sort_values(["year", "member_id"], ignore_index=True)
    )
    first = summary[summary["year"] == 2025].set_index("member_id")
    members = committee.members.set_index("member_id")
    assert first[["name", "sector", "role"]].equals(members[["name", "sector", "role"]])


def test_one_year_is_the_same_rows_as_filtering_all_years(committee, summary):
    year = duty_summary(committee, 2026)
    expected = summary[summary["year"] == 2026].reset_index(drop=True)
    pd.testing.assert_frame_equal(year, expected)
    assert committee.summary(2026).equals(year)


def test_an_unknown_year_is_refused(committee):
    with pytest.raises(ValueError, match=r"2030.*no records"):
        duty_summary(committee, 2030)


def _recount(committee: Committee, member_id: str, year: int) -> dict[str, int]:
    """Count one member's records by plain filtering, the slow obvious way."""

    def mine(frame: pd.DataFrame, column: str = "member_id") -> pd.DataFrame:
        return frame[(frame[column] == member_id) & (frame["year"] == year)]

    att = mine(committee.attendance)
    props = mine(committee.proposals, "first_member_id")
    sheqing = mine(committee.sheqing)
    acts = mine(committee.activities)
    contacts = mine(committee.contacts)
    counts = {
        f"{prefix}_{word}": int(((att["meeting"] == meeting) & (att["status"] == status)).sum())
        for prefix, meeting in [("plenary", "全体会议"), ("standing", "常委会议")]
        for word, status in [("attended", "出席"), ("excused", "请假"), ("unexcused", "缺席")]
    }
    counts |= {
        "proposals_submitted": len(props),
        "proposals_registered": int(props["review_outcome"].isin(["立案", "并案"]).sum()),
        "proposals_key": int(props["is_key"].sum()),
        "proposals_excellent": int(props["is_excellent"].sum()),
        "sheqing_submitted": len(sheqing),
        "sheqing_adopted": int(sheqing["adopted"].sum()),
        "activities_total": len(acts),
        "contact_people": int(contacts["people"].sum()),
    }
    names = ["调研", "视察", "学习培训", "界别活动", "公益活动", "协商活动"]
    kinds = dict(zip(ACTIVITY_COLUMNS, names, strict=True))
    counts |= {column: int((acts["kind"] == kind).sum()) for column, kind in kinds.items()}
    counts |= {f"contacts_q{q}": int((contacts["quarter"] == q).sum()) for q in range(1, 5)}
    return counts


def test_counts_match_a_recount_by_hand(committee, summary):
    standing = committee.members.loc[committee.members["role"] == "常委", "member_id"]
    busy = committee.proposals["first_member_id"].value_counts().index[0]
    chosen = ["M0001", "M0002", "M0150", standing.iloc[0], busy]
    checked = 0
    for member_id in chosen:
        for year in (2025, 2026):
            row = summary[(summary["member_id"] == member_id) & (summary["year"] == year)]
            got = {c: int(row.iloc[0][c]) for c in COUNT_COLUMNS}
            assert got == _recount(committee, member_id, year), (member_id, year)
            checked += 1
    assert checked == 10


def test_totals_match_the_raw_frames(committee, summary):
    p = committee.proposals
    assert summary["proposals_submitted"].sum() == (p["submitter_kind"] == "委员提案").sum()
    assert summary["sheqing_submitted"].sum() == len(committee.sheqing)
    assert summary["sheqing_adopted"].sum() == committee.sheqing["adopted"].sum()
    assert summary["activities_total"].sum() == len(committee.activities)
    assert summary["contact_people"].sum() == committee.contacts["people"].sum()
    contact_columns = [f"contacts_q{q}" for q in range(1, 5)]
    assert summary[contact_columns].to_numpy().sum() == len(committee.contacts)
    plenary = summary[["plenary_attended", "plenary_excused", "plenary_unexcused"]].sum(axis=1)
    assert (plenary == 1).all()
    plain = summary["role"] == "委员"
    standing_columns = ["standing_attended", "standing_excused", "standing_unexcused"]
    assert (summary.loc[plain, standing_columns] == 0).all().all()
    assert (summary.loc[~plain, standing_columns].sum(axis=1) == 6).all()


def test_collective_proposals_count_for_nobody():
    c = generate_committee(80, seed=5)
    collective = c.proposals["submitter_kind"] != "委员提案"
    assert collective.any() and c.proposals.loc[collective, "convener_id"].notna().any()
    assert duty_summary(c)["proposals_submitted"].sum() == (~collective).sum()


def test_summary_from_counts_still_builds_a_one_row_frame():
    row = summary_from_counts({"research": 2, "training": 1}, role="常委", year=2025)
    assert list(row.columns) == [*IDENTITY_COLUMNS, *COUNT_COLUMNS]
    assert int(row.loc[0, "activities_total"]) == 3
    with pytest.raises(KeyError, match="unknown count column"):
        summary_from_counts({"nonsense": 1})
