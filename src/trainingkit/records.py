"""The duty summary: one row per member and year, with plain count columns.

This frame is the contract between the synthetic data (:mod:`trainingkit.data`),
the rule evaluation (:mod:`trainingkit.duties`) and the widgets: rule sets and
assessment schemes refer to these column names. See ``docs/design.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACTIVITY_COLUMNS",
    "COUNT_COLUMNS",
    "COUNT_LABELS",
    "IDENTITY_COLUMNS",
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
