"""A synthetic city committee (虚构示例) as pandas DataFrames, for exercises.

``generate_committee()`` builds a fictional city CPPCC committee and one or more
years of duty records. Everything is drawn from ``numpy.random.default_rng`` with
the given seed (one stream for the roster, one per year), so the same seed gives
identical frames, and adding later years leaves the earlier years' frames as they
were. The first year is the first of the members' term (新任委员 start slower).
The city, its sectors, units, topics and every proportion come from
``facts/synthetic_city.toml``: they are invented parameters, not statistics.

Each frame's columns and their Chinese labels are listed in ``COLUMNS``;
``to_chinese(df)`` gives a view with Chinese column names. Missing values mean
"not applicable" (e.g. no reply category for a proposal that was not registered).

Example:
    >>> c = generate_committee(n_members=50)
    >>> c.members.attrs["note"], len(c.members)
    ('虚构示例', 50)
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from trainingkit.duties.summary import COUNT_LABELS
from trainingkit.resources import facts_toml

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler
from trainingkit.synthetic.members import roster
from trainingkit.synthetic.records import year_frames

__all__ = [
    "COLUMNS",
    "NOTE",
    "Committee",
    "city_config",
    "generate_committee",
    "labelled",
    "to_chinese",
]

NOTE = "虚构示例"

_ID, _YEAR = {"member_id": "委员编号"}, {"year": "年度"}
COLUMNS: dict[str, dict[str, str]] = {
    "members": {
        **_ID,
        "name": "姓名",
        "gender": "性别",
        "birth_year": "出生年份",
        "sector": "界别",
        "role": "身份",  # 常委 or 委员
        "unit": "工作单位",
        "is_new": "新任委员",
    },
    "attendance": {
        **_ID,
        **_YEAR,
        "meeting_id": "会议编号",
        "meeting": "会议",  # 全体会议 or 常委会议 (常委 only)
        "date": "会议日期",
        "status": "出席情况",  # 出席, 请假, 缺席 (= 无故缺席)
    },
    "proposals": {
        "proposal_id": "提案编号",
        **_YEAR,
        "submitter_kind": "提案者类别",  # 委员提案 or one of the five collective kinds
        "submitter": "提案者",  # the member's name, or the party/group/sector/committee
        "first_member_id": "第一提案人编号",  # 委员提案 only
        "convener_id": "召集人编号",  # 界别/委员小组/专委会提案 only
        "cosigners": "联名人数",
        "category": "类别",  # 经济 政治 文化 社会 生态
        "title": "标题",  # "关于……的建议" (案由)
        "review_outcome": "审查结果",  # 立案 并案 转为意见和建议 不予立案
        "lead_unit": "主办单位",  # registered (立案/并案) only
        "co_units": "会办单位",  # joined with "、"; "" when none
        "reply_category": "答复类别",  # A B C D
        "satisfaction": "委员评价",  # 满意 基本满意 不满意
        "is_key": "重点提案",
        "is_excellent": "优秀提案",
    },
    "sheqing": {
        "info_id": "信息编号",
        **_ID,
        **_YEAR,
        "month": "月份",
        "title": "标题",
        "adopted": "被采用",
        "leader_instruction": "获领导批示",
    },
    "activities": {
        **_ID,
        **_YEAR,
        "month": "月份",
        "kind": "活动类型",  # the values of ACTIVITY_KINDS
        "activity_id": "协商活动编号",  # for 协商活动: the row in ``consultations``
    },
    "contacts": {**_ID, **_YEAR, "quarter": "季度", "people": "联系群众人数"},
    "consultations": {
        "activity_id": "协商活动编号",
        **_YEAR,
        "form": "协商形式",
        "category": "类别",
        "topic": "议题",
        "topic_source": "议题来源",
        "notice_date": "通知日期",
        "materials_date": "材料送达日期",
        "meeting_date": "会议日期",
        "report_date": "成果报送日期",
        "participants": "参加委员人数",  # rows of ``activities`` that name this activity
        "outputs": "成果形式",  # 会议纪要 建议案 调研报告, joined with "、"
        "leader_instruction": "获领导批示",
    },
}

_LABELS: dict[str, str] = {
    column: label for frame in COLUMNS.values() for column, label in frame.items()
} | COUNT_LABELS


@dataclass(frozen=True, eq=False)
class Committee:
    """A fictional committee (虚构示例): the roster and its duty records.

    Attributes:
        members: One row per member.
        attendance: One row per member and meeting.
        proposals: One row per proposal (member and collective).
        sheqing: One row per 社情民意信息.
        activities: One row per member and activity.
        contacts: One row per contact activity with sector constituents.
        consultations: One row per consultation activity.
        years: The years covered.
        seed: The seed the frames were drawn from.
        name: The committee's (fictional) name.
    """

    members: pd.DataFrame
    attendance: pd.DataFrame
    proposals: pd.DataFrame
    sheqing: pd.DataFrame
    activities: pd.DataFrame
    contacts: pd.DataFrame
    consultations: pd.DataFrame
    years: tuple[int, ...]
    seed: int
    name: str = "虚构市政协"
    note: str = NOTE

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every frame by name, in the order of ``COLUMNS``."""
        return {name: getattr(self, name) for name in COLUMNS}

    def summary(self, year: int | None = None) -> pd.DataFrame:
        """The duty summary (see :func:`trainingkit.duties.summary.duty_summary`)."""
        from trainingkit.duties.summary import duty_summary

        return duty_summary(self, year)


def to_chinese(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with Chinese column names; unknown columns keep their name.

    Works on every frame of a committee and on the duty summary, e.g.
    ``committee.members.pipe(to_chinese)``.

    Example:
        >>> list(to_chinese(pd.DataFrame(columns=["member_id", "sector"])).columns)
        ['委员编号', '界别']
    """
    return df.rename(columns=_LABELS)


def labelled(df: pd.DataFrame, what: str = "") -> Styler:
    """``df`` for the screen, captioned 虚构示例 so the label shows wherever the table does.

    ``attrs["note"]`` travels with a frame but pandas never displays it; a lesson
    shows synthetic tables through this, so a screenshot keeps the label.

    Example:
        >>> frame = pd.DataFrame({"x": [1.25]})
        >>> "虚构示例" in labelled(frame).to_html()
        True
    """
    committee = df.attrs.get("committee", "虚构市政协")
    caption = f"{NOTE}：{committee}的随机生成数据，不是真实的人和记录" + (
        f"（{what}）" if what else ""
    )
    return (
        df.style.set_caption(caption)
        .format(precision=1, na_rep="—")
        .set_table_styles([{"selector": "caption", "props": "caption-side: top; color: #9a6700;"}])
    )


def city_config() -> dict[str, Any]:
    """The fictional city's configuration (a copy you may change and pass back)."""
    return copy.deepcopy(facts_toml("synthetic_city"))


def generate_committee(
    n_members: int = 300,
    years: Sequence[int] = (2025,),
    seed: int = 20241,
    *,
    config: Mapping[str, Any] | None = None,
) -> Committee:
    """Generate a fictional city committee with duty records (虚构示例).

    Args:
        n_members: Number of members (at least 1).
        years: The years of duty records; the roster stays the same.
        seed: Seed for ``numpy.random.default_rng``; same seed, same frames.
        config: A configuration like :func:`city_config`; default the packaged one.

    Returns:
        A :class:`Committee` whose frames carry ``attrs["note"] == "虚构示例"``.

    Example:
        >>> a = generate_committee(50, seed=1)
        >>> b = generate_committee(50, seed=1)
        >>> a.proposals.equals(b.proposals)
        True
    """
    cfg = facts_toml("synthetic_city") if config is None else config
    years = tuple(int(y) for y in years)
    if n_members < 1 or not years or len(set(years)) != len(years):
        raise ValueError(
            "委员人数至少为1，年份不能为空或重复 / "
            "n_members must be >= 1 and years non-empty without duplicates"
        )
    members, latent = roster(np.random.default_rng([seed, 0]), n_members, cfg, min(years))
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in COLUMNS if name != "members"}
    for year in years:
        rng = np.random.default_rng([seed, year])
        for name, frame in year_frames(rng, members, latent, cfg, year, first=min(years)).items():
            parts[name].append(frame)
    frames = {"members": members} | {
        name: pd.concat(chunks, ignore_index=True) for name, chunks in parts.items()
    }
    for name, frame in frames.items():
        frame.attrs = {"note": NOTE, "frame": name, "committee": cfg["committee"], "seed": seed}
    return Committee(
        members=frames["members"],
        attendance=frames["attendance"],
        proposals=frames["proposals"],
        sheqing=frames["sheqing"],
        activities=frames["activities"],
        contacts=frames["contacts"],
        consultations=frames["consultations"],
        years=years,
        seed=seed,
        name=cfg["committee"],
    )
