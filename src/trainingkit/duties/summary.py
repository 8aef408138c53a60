"""The duty summary: one row per member and year, with plain count columns.

This frame is the contract between the synthetic data (:mod:`trainingkit.synthetic.committee`),
the rule evaluation (:mod:`trainingkit.duties.evaluate`) and the widgets: rule sets and
assessment schemes refer to these column names. See ``docs/design.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACTIVITY_COLUMNS",
    "ACTIVITY_KINDS",
    "COUNT_COLUMNS",
    "COUNT_LABELS",
    "IDENTITY_COLUMNS",
    "DutyRecords",
    "duty_summary",
    "summary_from_counts",
]

IDENTITY_COLUMNS: tuple[str, ...] = ("member_id", "name", "sector", "role", "year")

ACTIVITY_COLUMNS: tuple[str, ...] = (
    "research",
    "inspection",
    "training",
    "sector_activities",
    "public_service",
    "consultation",
)
# Activity kinds in a committee's ``activities`` frame, keyed by their count column.
ACTIVITY_KINDS: dict[str, str] = dict(
    zip(
        ACTIVITY_COLUMNS,
        ("调研", "视察", "学习培训", "界别活动", "公益活动", "协商活动"),
        strict=True,
    )
)

# Chinese labels for every count column, used in tables, charts and reasons.
COUNT_LABELS: dict[str, str] = {
    "plenary_attended": "出席全体会议",
    "plenary_excused": "全体会议请假",
    "plenary_unexcused": "全体会议无故缺席",
    "standing_attended": "出席常委会议",
    "standing_excused": "常委会议请假",
    "standing_unexcused": "常委会议无故缺席",
    "proposals_submitted": "提交提案",
    "proposals_registered": "提案立案",
    "proposals_key": "重点提案",
    "proposals_excellent": "优秀提案",
    "sheqing_submitted": "报送社情民意信息",
    "sheqing_adopted": "社情民意信息被采用",
    "research": "参加调研",
    "inspection": "参加视察",
    "training": "参加学习培训",
    "sector_activities": "参加界别活动",
    "public_service": "参加公益/社会服务活动",
    "consultation": "参加协商活动",
    "activities_total": "各类活动合计",
    "contacts_q1": "一季度联系界别群众",
    "contacts_q2": "二季度联系界别群众",
    "contacts_q3": "三季度联系界别群众",
    "contacts_q4": "四季度联系界别群众",
    "contact_people": "全年联系群众人次",
}

COUNT_COLUMNS: tuple[str, ...] = tuple(COUNT_LABELS)


class DutyRecords(Protocol):
    """A committee's duty records as frames (the synthetic committee is one)."""

    @property
    def years(self) -> tuple[int, ...]: ...
    @property
    def members(self) -> pd.DataFrame: ...
    @property
    def attendance(self) -> pd.DataFrame: ...
    @property
    def proposals(self) -> pd.DataFrame: ...
    @property
    def sheqing(self) -> pd.DataFrame: ...
    @property
    def activities(self) -> pd.DataFrame: ...
    @property
    def contacts(self) -> pd.DataFrame: ...


def summary_from_counts(
    counts: Mapping[str, int],
    *,
    role: str = "委员",
    member_id: str = "me",
    name: str = "",
    sector: str = "",
    year: int = 0,
) -> pd.DataFrame:
    """Build a one-row duty summary from a few counts; missing counts are 0.

    ``activities_total`` is derived from the activity columns unless given.

    Example:
        >>> row = summary_from_counts({"plenary_attended": 1, "research": 2})
        >>> int(row.loc[0, "activities_total"])
        2
    """
    import pandas as pd

    unknown = set(counts) - set(COUNT_COLUMNS)
    if unknown:
        raise KeyError(f"未知的履职统计项 / unknown count column(s): {sorted(unknown)}")
    values = {column: int(counts.get(column, 0)) for column in COUNT_COLUMNS}
    if "activities_total" not in counts:
        values["activities_total"] = sum(values[c] for c in ACTIVITY_COLUMNS)
    identity = {"member_id": member_id, "name": name, "sector": sector, "role": role, "year": year}
    return pd.DataFrame([{**identity, **values}])


# How raw record values map to count columns (the vocabulary of trainingkit.synthetic.committee).
_MEETINGS = {"全体会议": "plenary", "常委会议": "standing"}
_STATUSES = {"出席": "attended", "请假": "excused", "缺席": "unexcused"}
_REGISTERED = ("立案", "并案")


def duty_summary(committee: DutyRecords, year: int | None = None) -> pd.DataFrame:
    """Count each member's duty records: one row per member and year.

    Proposals count for their first proposer (委员提案 only; collective proposals
    count for nobody); ``proposals_registered`` counts 立案 and 并案.

    Args:
        committee: The record frames, e.g. a committee from
            :func:`trainingkit.synthetic.committee.generate_committee`.
        year: One year of the committee; ``None`` for all its years.

    Returns:
        The columns ``IDENTITY_COLUMNS + COUNT_COLUMNS``, counts as ``int64``,
        sorted by year and member; ``attrs`` keeps the 虚构示例 note.

    Example:
        >>> from trainingkit.synthetic.committee import generate_committee
        >>> summary = duty_summary(generate_committee(50))
        >>> len(summary), int(summary["plenary_attended"].max())
        (50, 1)
    """
    import pandas as pd

    if year is not None and year not in committee.years:
        raise ValueError(f"委员会没有{year}年的记录 / no records for year {year}")
    years = list(committee.years) if year is None else [year]
    keys = ["member_id", "year"]
    index = pd.MultiIndex.from_product([committee.members["member_id"], years], names=keys)

    def of_years(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["year"].isin(years)]

    def tally(frame: pd.DataFrame, column: pd.Series) -> pd.DataFrame:
        return frame.groupby([*keys, column]).size().unstack(fill_value=0)

    attendance = of_years(committee.attendance)
    meeting = attendance["meeting"].map(_MEETINGS) + "_" + attendance["status"].map(_STATUSES)
    proposals = of_years(committee.proposals)
    proposals = proposals[proposals["submitter_kind"] == "委员提案"]
    proposals = pd.DataFrame(
        {
            "member_id": proposals["first_member_id"],
            "year": proposals["year"],
            "proposals_submitted": 1,
            "proposals_registered": proposals["review_outcome"].isin(_REGISTERED),
            "proposals_key": proposals["is_key"],
            "proposals_excellent": proposals["is_excellent"],
        }
    )
    sheqing = of_years(committee.sheqing).assign(sheqing_submitted=1)
    sheqing = sheqing.rename(columns={"adopted": "sheqing_adopted"})
    activities = of_years(committee.activities)
    kinds = {label: column for column, label in ACTIVITY_KINDS.items()}
    contacts = of_years(committee.contacts)
    parts = [
        tally(attendance, meeting.rename("count")),
        proposals.groupby(keys).sum(),
        sheqing.groupby(keys)[["sheqing_submitted", "sheqing_adopted"]].sum(),
        tally(activities, activities["kind"].map(kinds).rename("count")),
        tally(contacts, ("contacts_q" + contacts["quarter"].astype(str)).rename("count")),
        contacts.groupby(keys)["people"].sum().rename("contact_people"),
    ]
    counts = pd.concat(parts, axis=1).reindex(index=index, columns=list(COUNT_COLUMNS))
    counts = counts.fillna(0).astype("int64")
    counts["activities_total"] = counts[list(ACTIVITY_COLUMNS)].sum(axis=1)
    identity = committee.members.set_index("member_id")[["name", "sector", "role"]]
    summary = counts.join(identity, on="member_id").reset_index()
    summary = summary.sort_values(["year", "member_id"], ignore_index=True)
    summary = summary[[*IDENTITY_COLUMNS, *COUNT_COLUMNS]]
    summary.attrs = {**committee.members.attrs, "frame": "duty_summary"}
    return summary
