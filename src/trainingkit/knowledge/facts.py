"""Domain knowledge as data: small loaders over the TOML files in ``facts/``.

Items carry ``source``, ``year`` (``None`` where the source names none) and
``locality`` (see :mod:`trainingkit.knowledge.items`). Each TOML section is named
after its loader and may set ``source``, ``year``, ``locality`` and ``note`` once;
its ``items`` inherit the first three unless an item sets its own.

Example:
    >>> len(sectors())
    34
    >>> not_registrable()[0].id, not_registrable()[0].year
    ('state_secret', 2011)
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from trainingkit.knowledge.items import (
    CharterArticle,
    Fact,
    Item,
    NotRegistrable,
    ReplyCategory,
    ReviewOutcome,
    Sector,
    SubmitterKind,
)
from trainingkit.resources import facts_toml

if TYPE_CHECKING:
    import pandas as pd

# The item types' public home is trainingkit.knowledge.items (they also resolve here).
__all__ = [
    "STATISTICS_COLUMNS",
    "annual_plan_steps",
    "biweekly_meeting",
    "charter_articles",
    "consultation_forms",
    "consultation_hierarchy",
    "consultation_outputs",
    "cppcc_positioning",
    "key_proposals",
    "local_exclusions",
    "member_functions",
    "member_qualities",
    "member_roles",
    "not_registrable",
    "procedure_steps",
    "procedure_timing",
    "proposal_lifecycle",
    "proposal_regulation",
    "proposal_statistics",
    "reply_categories",
    "reply_deadlines",
    "review_outcomes",
    "section_note",
    "sector_practice",
    "sectors",
    "sheqing_practice",
    "sheqing_rules",
    "sheqing_scale",
    "submitter_kinds",
    "supervision_practice",
    "topic_sources",
]

_T = TypeVar("_T", bound=Item)

# The files in facts/ this module reads; each TOML section is named after its loader.
_FILES = ("sectors", "proposals", "consultation", "members", "sheqing", "statistics")


def _file(name: str) -> dict[str, Any]:
    return facts_toml(name)


@cache
def _file_of(loader: str) -> str:
    for name in _FILES:
        if loader in _file(name):
            return name
    raise KeyError(f"没有这份资料 / no knowledge list named {loader!r}")


def _section(loader: str) -> dict[str, Any]:
    return dict(_file(_file_of(loader))[loader])


def section_note(loader: str) -> str:
    """The note that goes with a whole list, ``""`` if none.

    Example:
        >>> "2011" in section_note("not_registrable")
        True
    """
    return str(_section(loader).get("note", ""))


def _items(loader: str, cls: type[_T]) -> tuple[_T, ...]:
    section = _section(loader)
    defaults = {k: section[k] for k in ("source", "year", "locality") if k in section}
    known = {f.name for f in fields(cls)}
    out = []
    for raw in section.get("items", []):
        item = {**defaults, **raw}
        if "id" not in item and "code" in item:
            item["id"] = item.pop("code")
        if "name" not in item and "label" in item:
            item["name"] = item.pop("label")
        if "id" not in item and "article" in item:
            item["id"] = f"article_{item['article']}"
        unknown = set(item) - known
        if unknown:
            raise KeyError(
                f"facts/{_file_of(loader)}.toml [{loader}]: unknown key(s) {sorted(unknown)}"
            )
        out.append(cls(**item))
    return tuple(out)


def sectors() -> tuple[Sector, ...]:
    """The 34 sectors of the national committee, 14th term (``change_14th`` marks changes)."""
    return _items("sectors", Sector)


def submitter_kinds() -> tuple[SubmitterKind, ...]:
    """The six kinds of proposal submitter (提案条例 2018)."""
    return _items("submitter_kinds", SubmitterKind)


def not_registrable() -> tuple[NotRegistrable, ...]:
    """The ten not-registrable cases, 2011 wording; ids are used by the proposal reviewer."""
    return _items("not_registrable", NotRegistrable)


def local_exclusions() -> tuple[Item, ...]:
    """Jiangsu's extra exclusions from its call for proposal topics (local practice)."""
    return _items("local_exclusions", Item)


def proposal_regulation() -> tuple[Fact, ...]:
    """Facts about the national proposal regulation: history, definition, requirements."""
    return _items("proposal_regulation", Fact)


def review_outcomes() -> tuple[ReviewOutcome, ...]:
    """Review outcomes: 立案, 并案, 转为意见和建议, and two older ones."""
    return _items("review_outcomes", ReviewOutcome)


def proposal_lifecycle() -> tuple[Item, ...]:
    """The proposal life cycle in order, from 撰写 to 重新办理."""
    return _items("proposal_lifecycle", Item)


def reply_categories() -> tuple[ReplyCategory, ...]:
    """Reply categories A–D with Ningbo's 2011 shares (local practice)."""
    return _items("reply_categories", ReplyCategory)


def reply_deadlines() -> tuple[Fact, ...]:
    """Reply deadlines, each labelled with the place whose rule it is."""
    return _items("reply_deadlines", Fact)


def key_proposals() -> tuple[Fact, ...]:
    """Facts on 重点提案 (counts by year) and 好提案/优秀提案 (2019 national rule)."""
    return _items("key_proposals", Fact)


def consultation_forms() -> tuple[Item, ...]:
    """The ten consultation forms used nationally in 2023."""
    return _items("consultation_forms", Item)


def consultation_hierarchy() -> Item:
    """The hierarchy of forms, quoted from the 2015 work report."""
    section = _section("consultation_hierarchy")
    return Item(id="hierarchy", **{k: section[k] for k in ("source", "year", "locality", "text")})


def annual_plan_steps() -> tuple[Item, ...]:
    """Steps of drawing up the annual consultation plan, in order."""
    return _items("annual_plan_steps", Item)


def procedure_steps() -> tuple[Item, ...]:
    """One consultation procedure end to end, in order."""
    return _items("procedure_steps", Item)


def procedure_timing() -> tuple[Fact, ...]:
    """Example timings in working days (15/10/7), one city's rule."""
    return _items("procedure_timing", Fact)


def topic_sources() -> tuple[Item, ...]:
    """The four sources of consultation topics named in the seed."""
    return _items("topic_sources", Item)


def biweekly_meeting() -> tuple[Fact, ...]:
    """Facts about the 双周协商座谈会 (since 2013-10-22)."""
    return _items("biweekly_meeting", Fact)


def consultation_outputs() -> tuple[Item, ...]:
    """What consultation outputs look like, from the seed's achievements."""
    return _items("consultation_outputs", Item)


def sheqing_rules() -> tuple[Fact, ...]:
    """The national 社情民意 regulation and its revisions."""
    return _items("sheqing_rules", Fact)


def sheqing_practice() -> tuple[Fact, ...]:
    """Good practice for writing 社情民意信息 (length limit labelled Guangzhou)."""
    return _items("sheqing_practice", Fact)


def sheqing_scale() -> tuple[Fact, ...]:
    """National 社情民意 figures for 2025."""
    return _items("sheqing_scale", Fact)


def member_functions() -> tuple[Fact, ...]:
    """The three main functions: 政治协商、民主监督、参政议政."""
    return _items("member_functions", Fact)


def charter_articles() -> tuple[CharterArticle, ...]:
    """Charter (2023 text) articles on members, summarised, by article number."""
    return _items("charter_articles", CharterArticle)


def member_qualities() -> tuple[Fact, ...]:
    """Required qualities; ``core`` marks 懂政协、会协商、善议政."""
    return _items("member_qualities", Fact)


def member_roles() -> tuple[Item, ...]:
    """The three roles the seed names (党的政策宣传者 …)."""
    return _items("member_roles", Item)


def cppcc_positioning() -> tuple[Item, ...]:
    """The CPPCC's place, as the seed quotes it (2024 speech, third plenum, Inner Mongolia)."""
    return _items("cppcc_positioning", Item)


def sector_practice() -> tuple[Item, ...]:
    """How members reach their sector's people: Tianshui's and Taizhou's practice (seed)."""
    return _items("sector_practice", Item)


def supervision_practice() -> tuple[Item, ...]:
    """民主监督 in practice (协商式监督): Taizhou's and Tianshui's ways (seed)."""
    return _items("supervision_practice", Item)


# Columns of proposal_statistics(), in order. Counts are proposals at the review
# deadline; *_pct are the 经济/政治/文化/社会/生态 shares in percent.
STATISTICS_COLUMNS: tuple[str, ...] = (
    "session",  # e.g. "14届2次"
    "term",  # 届
    "session_no",  # 次
    "year",
    "received",  # 收到提案
    "registered",  # 立案
    "merged",  # 并案
    "to_suggestion",  # 转为意见和建议
    "member",  # 委员提案
    "collective",  # 集体提案
    "economy_pct",
    "politics_pct",
    "culture_pct",
    "society_pct",
    "ecology_pct",
    "merged_note",
    "to_suggestion_note",
)


def proposal_statistics() -> pd.DataFrame:
    """The national plenary proposal statistics, one row per session.

    Columns are ``STATISTICS_COLUMNS``; a value the source table leaves as "—"
    is NaN (notes are ``""``). ``attrs`` holds ``source``, ``locality``, ``note``
    and ``year`` (the list of session years).

    Example:
        >>> table = proposal_statistics()
        >>> int(table.loc[table["session"] == "14届2次", "registered"].iloc[0])
        5006
    """
    import pandas as pd

    section = _section("proposal_statistics")
    table = pd.DataFrame(section["rows"]).reindex(columns=list(STATISTICS_COLUMNS))
    for column in ("merged_note", "to_suggestion_note"):
        table[column] = table[column].fillna("").astype(str)
    table.attrs = {
        "source": section["source"],
        "locality": section["locality"],
        "note": section["note"],
        "year": [int(y) for y in table["year"]],
    }
    return table
