"""Domain knowledge as data: small loaders over the TOML files in ``facts/``.

Every item carries ``source``, ``year`` and ``locality`` exactly as the kit's
sources give them. ``year`` is ``None`` where the source names no year (for
example the seed essays); the kit never guesses one. ``locality`` is ``"全国"``
for national rules; anything else is one place's practice and must be taught as
such (``item.is_local``).

Each TOML section may set ``source``, ``year``, ``locality`` and ``note`` once;
its ``items`` inherit them unless an item sets its own.

Example:
    >>> len(sectors())
    34
    >>> not_registrable()[0].id, not_registrable()[0].year
    ('state_secret', 2011)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "STATISTICS_COLUMNS",
    "CharterArticle",
    "Fact",
    "Item",
    "NotRegistrable",
    "ReplyCategory",
    "ReviewOutcome",
    "Sector",
    "SubmitterKind",
    "annual_plan_steps",
    "biweekly_meeting",
    "charter_articles",
    "consultation_forms",
    "consultation_hierarchy",
    "consultation_outputs",
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
    "sectors",
    "sheqing_practice",
    "sheqing_rules",
    "sheqing_scale",
    "submitter_kinds",
    "topic_sources",
]

NATIONAL = "全国"


@dataclass(frozen=True, kw_only=True)
class Item:
    """One named piece of knowledge with its provenance.

    Attributes:
        id: Stable identifier (snake_case), public API.
        name: Short Chinese name, e.g. ``"立案"``; may be empty when ``text`` says it all.
        source: The document or body the item comes from.
        year: Year of that source, or ``None`` when the source names none.
        locality: ``"全国"`` or the place whose practice this is.
        text: A sentence-long statement, when the item is more than a name.
        note: Extra explanation for teaching.
    """

    id: str
    name: str = ""
    source: str
    year: int | None = None
    locality: str = NATIONAL
    text: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        """The name, or the text when the item has no name."""
        return self.name or self.text

    @property
    def is_local(self) -> bool:
        """Whether this is one place's practice rather than a national rule."""
        return self.locality != NATIONAL


@dataclass(frozen=True, kw_only=True)
class Sector(Item):
    """A national CPPCC sector (界别); ``change_14th`` is ``"merged"``, ``"new"`` or ``""``."""

    group: str = ""
    change_14th: str = ""


@dataclass(frozen=True, kw_only=True)
class SubmitterKind(Item):
    """A kind of proposal submitter (提案者); ``collective`` for 集体提案."""

    collective: bool = False


@dataclass(frozen=True, kw_only=True)
class NotRegistrable(Item):
    """One case that is not registered (不予立案), numbered as in the 2011 list."""

    number: int


@dataclass(frozen=True, kw_only=True)
class ReviewOutcome(Item):
    """A review outcome; ``current`` is false for outcomes only older reports use."""

    current: bool = True


@dataclass(frozen=True, kw_only=True)
class ReplyCategory(Item):
    """A reply category (答复分类) A–D with its share in the source year, in percent."""

    share_percent: float | None = None


@dataclass(frozen=True, kw_only=True)
class Fact(Item):
    """A statement with an optional value (count, minutes, date) and timing fields."""

    value: int | float | str | None = None
    count: int | None = None
    article: int | None = None
    working_days: int | None = None
    direction: str = ""
    core: bool = False
    collective: bool = False


@dataclass(frozen=True, kw_only=True)
class CharterArticle(Item):
    """A charter article on members, summarised; ``quote`` holds verbatim words if any."""

    article: int
    quote: str = ""


_T = TypeVar("_T", bound=Item)


@cache
def _file(name: str) -> dict[str, Any]:
    text = (files("trainingkit") / "facts" / f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _section(name: str, key: str) -> dict[str, Any]:
    return dict(_file(name)[key])


def _items(name: str, key: str, cls: type[_T]) -> tuple[_T, ...]:
    section = _section(name, key)
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
            raise KeyError(f"facts/{name}.toml [{key}]: unknown key(s) {sorted(unknown)}")
        out.append(cls(**item))
    return tuple(out)


def sectors() -> tuple[Sector, ...]:
    """The 34 sectors of the national committee, 14th term (``change_14th`` marks changes)."""
    return _items("sectors", "sectors", Sector)


def submitter_kinds() -> tuple[SubmitterKind, ...]:
    """The six kinds of proposal submitter (提案条例 2018)."""
    return _items("proposals", "submitter_kinds", SubmitterKind)


def not_registrable() -> tuple[NotRegistrable, ...]:
    """The ten not-registrable cases, 2011 wording; ids are used by the proposal reviewer."""
    return _items("proposals", "not_registrable", NotRegistrable)


def local_exclusions() -> tuple[Item, ...]:
    """Jiangsu's extra exclusions from its call for proposal topics (local practice)."""
    return _items("proposals", "local_exclusions", Item)


def proposal_regulation() -> tuple[Fact, ...]:
    """Facts about the national proposal regulation: history, definition, requirements."""
    return _items("proposals", "regulation", Fact)


def review_outcomes() -> tuple[ReviewOutcome, ...]:
    """Review outcomes: 立案, 并案, 转为意见和建议, and two older ones."""
    return _items("proposals", "review_outcomes", ReviewOutcome)


def proposal_lifecycle() -> tuple[Item, ...]:
    """The proposal life cycle in order, from 撰写 to 重新办理."""
    return _items("proposals", "lifecycle", Item)


def reply_categories() -> tuple[ReplyCategory, ...]:
    """Reply categories A–D with Ningbo's 2011 shares (local practice)."""
    return _items("proposals", "reply_categories", ReplyCategory)


def reply_deadlines() -> tuple[Fact, ...]:
    """Reply deadlines, each labelled with the place whose rule it is."""
    return _items("proposals", "deadlines", Fact)


def key_proposals() -> tuple[Fact, ...]:
    """Facts on 重点提案 (counts by year) and 好提案/优秀提案 (2019 national rule)."""
    return _items("proposals", "key_proposals", Fact)


def consultation_forms() -> tuple[Item, ...]:
    """The ten consultation forms used nationally in 2023."""
    return _items("consultation", "forms", Item)


def consultation_hierarchy() -> Item:
    """The hierarchy of forms, quoted from the 2015 work report."""
    section = _section("consultation", "hierarchy")
    return Item(id="hierarchy", **{k: section[k] for k in ("source", "year", "locality", "text")})


def annual_plan_steps() -> tuple[Item, ...]:
    """Steps of drawing up the annual consultation plan, in order."""
    return _items("consultation", "annual_plan", Item)


def procedure_steps() -> tuple[Item, ...]:
    """One consultation procedure end to end, in order."""
    return _items("consultation", "procedure", Item)


def procedure_timing() -> tuple[Fact, ...]:
    """Example timings in working days (15/10/7), one city's rule."""
    return _items("consultation", "procedure_timing", Fact)


def topic_sources() -> tuple[Item, ...]:
    """The four sources of consultation topics named in the seed."""
    return _items("consultation", "topic_sources", Item)


def biweekly_meeting() -> tuple[Fact, ...]:
    """Facts about the 双周协商座谈会 (since 2013-10-22)."""
    return _items("consultation", "biweekly", Fact)


def consultation_outputs() -> tuple[Item, ...]:
    """What consultation outputs look like, from the seed's achievements."""
    return _items("consultation", "outputs", Item)


def sheqing_rules() -> tuple[Fact, ...]:
    """The national 社情民意 regulation and its revisions."""
    return _items("sheqing", "sheqing_rules", Fact)


def sheqing_practice() -> tuple[Fact, ...]:
    """Good practice for writing 社情民意信息 (length limit labelled Guangzhou)."""
    return _items("sheqing", "sheqing_practice", Fact)


def sheqing_scale() -> tuple[Fact, ...]:
    """National 社情民意 figures for 2025."""
    return _items("sheqing", "sheqing_scale", Fact)


def member_functions() -> tuple[Fact, ...]:
    """The three main functions: 政治协商、民主监督、参政议政."""
    return _items("members", "functions", Fact)


def charter_articles() -> tuple[CharterArticle, ...]:
    """Charter (2023 text) articles on members, summarised, by article number."""
    return _items("members", "charter", CharterArticle)


def member_qualities() -> tuple[Fact, ...]:
    """Required qualities; ``core`` marks 懂政协、会协商、善议政."""
    return _items("members", "qualities", Fact)


def member_roles() -> tuple[Item, ...]:
    """The three roles the seed names (党的政策宣传者 …)."""
    return _items("members", "roles", Item)


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

    section = _section("statistics", "statistics")
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
