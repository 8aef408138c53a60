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
_KEYS = ["member_id", "year"]


def _of_years(frame: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    return frame[frame["year"].isin(years)]


def _tally(frame: pd.DataFrame, column: pd.Series) -> pd.DataFrame:
    """Count rows per member, year and value of ``column`` (one column per value)."""
    return frame.groupby([*_KEYS, column]).size().unstack(fill_value=0)


def _attendance_counts(attendance: pd.DataFrame) -> pd.DataFrame:
    """``plenary_attended`` … ``standing_unexcused`` from the attendance records."""
    meeting = attendance["meeting"].map(_MEETINGS) + "_" + attendance["status"].map(_STATUSES)
    return _tally(attendance, meeting.rename("count"))


def _proposal_counts(proposals: pd.DataFrame) -> pd.DataFrame:
    """The proposal columns, for the first proposer of each 委员提案 (并案 counts as 立案)."""
    import pandas as pd

    own = proposals[proposals["submitter_kind"] == "委员提案"]
    rows = pd.DataFrame(
        {
            "member_id": own["first_member_id"],
            "year": own["year"],
            "proposals_submitted": 1,
            "proposals_registered": own["review_outcome"].isin(_REGISTERED),
            "proposals_key": own["is_key"],
            "proposals_excellent": own["is_excellent"],
        }
    )
    return rows.groupby(_KEYS).sum()


def _sheqing_counts(sheqing: pd.DataFrame) -> pd.DataFrame:
    """``sheqing_submitted`` and ``sheqing_adopted``."""
    sheqing = sheqing.assign(sheqing_submitted=1).rename(columns={"adopted": "sheqing_adopted"})
    return sheqing.groupby(_KEYS)[["sheqing_submitted", "sheqing_adopted"]].sum()


def _activity_counts(activities: pd.DataFrame) -> pd.DataFrame:
    """One column per activity kind of :data:`ACTIVITY_KINDS`."""
    kinds = {label: column for column, label in ACTIVITY_KINDS.items()}
    return _tally(activities, activities["kind"].map(kinds).rename("count"))


def _contact_counts(contacts: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Contacts per quarter (``contacts_q1..q4``) and people met (``contact_people``)."""
    quarters = _tally(contacts, ("contacts_q" + contacts["quarter"].astype(str)).rename("count"))
    return quarters, contacts.groupby(_KEYS)["people"].sum().rename("contact_people")


def _with_identity(counts: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Counts joined to name, sector and role, in the contract's row and column order."""
    identity = members.set_index("member_id")[["name", "sector", "role"]]
    summary = counts.join(identity, on="member_id").reset_index()
    summary = summary.sort_values(["year", "member_id"], ignore_index=True)
    return summary[[*IDENTITY_COLUMNS, *COUNT_COLUMNS]]


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
    index = pd.MultiIndex.from_product([committee.members["member_id"], years], names=_KEYS)
    parts = [
        _attendance_counts(_of_years(committee.attendance, years)),
        _proposal_counts(_of_years(committee.proposals, years)),
        _sheqing_counts(_of_years(committee.sheqing, years)),
        _activity_counts(_of_years(committee.activities, years)),
        *_contact_counts(_of_years(committee.contacts, years)),
    ]
    counts = pd.concat(parts, axis=1).reindex(index=index, columns=list(COUNT_COLUMNS))
    counts = counts.fillna(0).astype("int64")
    counts["activities_total"] = counts[list(ACTIVITY_COLUMNS)].sum(axis=1)
    summary = _with_identity(counts, committee.members)
    summary.attrs = {**committee.members.attrs, "frame": "duty_summary"}
    return summary
