"""The item types that :mod:`trainingkit.knowledge.facts` loaders return.

Every item carries its provenance: ``source``, ``year`` (``None`` where the
source gives none; the kit never guesses one) and ``locality`` (``"全国"`` for
national rules, otherwise the place whose practice it is, or ``"各地"``, ``"通行"``
or ``"地方政协"`` for practice common to many places).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "NATIONAL",
    "CharterArticle",
    "Fact",
    "Item",
    "NotRegistrable",
    "ReplyCategory",
    "ReviewOutcome",
    "Sector",
    "SubmitterKind",
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
        locality: ``"全国"``, the place whose practice this is, or ``"各地"``,
            ``"通行"`` or ``"地方政协"`` for practice common to many places.
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


@dataclass(frozen=True, kw_only=True)
class CharterArticle(Item):
    """A charter article on members, summarised; ``quote`` holds verbatim words if any."""

    article: int
    quote: str = ""
