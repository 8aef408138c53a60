"""Duty rule sets, contact rules and assessment schemes as configurable data.

The built-ins (``facts/duty_rules.toml``, ``facts/contact_rules.toml``,
``facts/schemes.toml``) are each one place's rule in one year. An organizer
supplies their own committee's rules as a TOML or JSON file in the same format
(see ``docs/examples/``) and loads it by path; no code changes are needed.

Conditions refer to the duty-summary count columns of :mod:`trainingkit.duties.summary`.

Reading them from files is :mod:`trainingkit.duties.rule_files`; this module
holds the types only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainingkit.duties.summary import COUNT_LABELS

__all__ = [
    "ROLES",
    "AssessmentScheme",
    "Condition",
    "Consequence",
    "ContactRule",
    "DutyRuleSet",
    "DutyTask",
    "GradeBand",
    "RuleFileError",
    "ScoreItem",
    "Tier",
]

ROLES: tuple[str, ...] = ("常委", "委员")
OPERATORS: dict[str, str] = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


@dataclass(frozen=True)
class Condition:
    """A comparison of one count column with a number, e.g. ``research >= 1``."""

    column: str
    op: str
    value: float

    def describe(self) -> str:
        """Chinese reading of the condition, e.g. ``'参加调研≥1'``."""
        value = int(self.value) if float(self.value).is_integer() else self.value
        return f"{COUNT_LABELS.get(self.column, self.column)}{OPERATORS[self.op]}{value}"


@dataclass(frozen=True)
class DutyTask:
    """One annual task: met when ``all`` (or ``any``) of its conditions hold.

    ``roles`` limits the task to some roles (常委/委员); empty means everyone.
    """

    id: str
    label: str
    conditions: tuple[Condition, ...]
    mode: str = "all"
    roles: tuple[str, ...] = ()

    def describe(self) -> str:
        """The conditions joined by 且 (all) or 或 (any)."""
        joiner = " 且 " if self.mode == "all" else " 或 "
        return joiner.join(c.describe() for c in self.conditions)


@dataclass(frozen=True)
class DutyRuleSet:
    """A committee's annual minimum tasks (e.g. 六个一), with provenance."""

    id: str
    name: str
    locality: str
    source: str
    tasks: tuple[DutyTask, ...]
    year: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ContactRule:
    """Minimum contacts with sector constituents.

    Only ``min_per_quarter`` and ``min_people`` can be checked from the duty
    summary; ``fixed_contacts`` and ``paired_constituents`` are kept as data and
    listed by :attr:`unchecked`.
    """

    id: str
    name: str
    locality: str
    source: str
    year: int | None = None
    min_per_quarter: int | None = None
    min_people: int | None = None
    fixed_contacts: int | None = None
    paired_constituents: int | None = None
    note: str = ""

    @property
    def unchecked(self) -> tuple[str, ...]:
        """Parts of the rule the duty summary cannot show, in Chinese."""
        parts = []
        if self.fixed_contacts is not None:
            parts.append(f"固定联系{self.fixed_contacts}名群众（统计表中没有这一项，无法核对）")
        if self.paired_constituents is not None:
            parts.append(
                f"结对联系{self.paired_constituents}名界别群众（统计表中没有这一项，无法核对）"
            )
        return tuple(parts)


@dataclass(frozen=True)
class Tier:
    """One ordered step of a tiered item: ``points`` when all ``when`` hold."""

    when: tuple[Condition, ...]
    points: float
    label: str


@dataclass(frozen=True)
class ScoreItem:
    """A scoring rule: per unit of ``column`` beyond ``offset`` (capped), or by tiers."""

    id: str
    label: str
    column: str | None = None
    points: float = 0.0
    offset: int = 0
    cap: float | None = None
    unit: str = "次"
    group: str = ""
    tiers: tuple[Tier, ...] = ()


@dataclass(frozen=True)
class GradeBand:
    """Grade given from ``min_score`` up; ``note`` says what it triggers (e.g. 约谈)."""

    min_score: float
    label: str
    note: str = ""


@dataclass(frozen=True)
class Consequence:
    """A measure triggered by ``when`` (checked), or only described when ``when`` is empty."""

    label: str
    when: tuple[Condition, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class AssessmentScheme:
    """A points-based duty assessment (履职考核) with grades and consequences.

    A scheme without items only grades existing scores (e.g. Anqing 2018, whose
    points are unknown to the kit) or lists consequences (Xuanwei).
    """

    id: str
    name: str
    locality: str
    source: str
    year: int | None = None
    base: float = 0.0
    min_score: float | None = None
    max_score: float | None = None
    items: tuple[ScoreItem, ...] = ()
    group_caps: dict[str, float] = field(default_factory=dict, hash=False)
    grades: tuple[GradeBand, ...] = ()
    consequences: tuple[Consequence, ...] = ()
    note: str = ""

    @property
    def scorable(self) -> bool:
        """Whether the scheme has scoring items."""
        return bool(self.items)


class RuleFileError(ValueError):
    """An organizer's rule file is missing, unreadable or invalid.

    The message is in Chinese and English and names the file and the key.
    """

    def __init__(self, message: str, *, path: Path | None = None, key: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.key = key
