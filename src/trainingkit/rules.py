"""Duty rule sets, contact rules and assessment schemes as configurable data.

The built-ins (``facts/duty_rules.toml``, ``facts/contact_rules.toml``,
``facts/schemes.toml``) are each one place's rule in one year. An organizer
supplies their own committee's rules as a TOML or JSON file in the same format
(see ``docs/examples/``) and loads it by path; no code changes are needed.

Conditions refer to the duty-summary count columns of :mod:`trainingkit.records`.

Example:
    >>> rule_set = load_rule_set("jinan_2015")
    >>> [task.id for task in rule_set.tasks]
    ['plenary', 'proposal_or_sheqing', 'inspection_or_research']
    >>> rule_set.tasks[1].describe()
    '提交提案≥1 或 报送社情民意信息≥1'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from trainingkit.records import COUNT_LABELS

if TYPE_CHECKING:
    from trainingkit.rule_files import RuleFile

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
    "builtin_contact_rules",
    "builtin_rule_sets",
    "builtin_schemes",
    "load_contact_rule",
    "load_rule_set",
    "load_scheme",
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


@cache
def _builtins() -> RuleFile:
    from trainingkit.rule_files import RuleFile, parse_rule_file

    merged = RuleFile()
    for name in ("duty_rules", "contact_rules", "schemes"):
        resource = files("trainingkit") / "facts" / f"{name}.toml"
        merged = merged.merge(
            parse_rule_file(Path(f"trainingkit/facts/{name}.toml"), resource.read_text("utf-8"))
        )
    return merged


def builtin_rule_sets() -> dict[str, DutyRuleSet]:
    """Built-in duty rule sets by id (六个一, Jinan 2015, Minhang, Chongqing 2024)."""
    return {r.id: r for r in _builtins().rule_sets}


def builtin_contact_rules() -> dict[str, ContactRule]:
    """Built-in contact rules by id (Tianshui, Deqing, Taizhou)."""
    return {r.id: r for r in _builtins().contact_rules}


def builtin_schemes() -> dict[str, AssessmentScheme]:
    """Built-in assessment schemes by id (Jinan 2015, Tongcheng 2019, Anqing 2018, Xuanwei)."""
    return {s.id: s for s in _builtins().schemes}


_T = TypeVar("_T", DutyRuleSet, ContactRule, AssessmentScheme)


def _load(kind: str, builtins: dict[str, _T], id_or_path: str | Path, id: str | None) -> _T:
    if isinstance(id_or_path, str) and id_or_path in builtins:
        return builtins[id_or_path]
    path = Path(id_or_path)
    if not path.is_file():
        known = ", ".join(builtins)
        raise RuleFileError(
            f"找不到内置规则或文件：{id_or_path}（内置：{known}） / "
            f"no built-in rule or file named {id_or_path} (built-ins: {known})",
            path=path,
        )
    from trainingkit.rule_files import parse_rule_file

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(
            f"无法读取规则文件 {path}（应为UTF-8编码）：{error} / "
            f"cannot read rule file {path} (UTF-8 expected): {error}",
            path=path,
        ) from error
    objects: tuple[_T, ...] = getattr(parse_rule_file(path, text), kind)
    matches = [obj for obj in objects if id is None or obj.id == id]
    if len(matches) != 1:
        what = f"id = {id!r}" if id is not None else "exactly one entry"
        raise RuleFileError(
            f"{path}：键 {kind} 下应有且仅有一项（{what}），实际 {len(matches)} 项 / "
            f"{path}: key {kind} must hold {what}, found {len(matches)}",
            path=path,
            key=kind,
        )
    return matches[0]


def load_rule_set(id_or_path: str | Path, *, id: str | None = None) -> DutyRuleSet:
    """A built-in rule set by id, or the one in an organizer's TOML/JSON file.

    Args:
        id_or_path: A built-in id such as ``"jinan_2015"``, or a file path.
        id: Which rule set to take when the file holds several.

    Raises:
        RuleFileError: The file is missing, unreadable or invalid.
    """
    return _load("rule_sets", builtin_rule_sets(), id_or_path, id)


def load_contact_rule(id_or_path: str | Path, *, id: str | None = None) -> ContactRule:
    """A built-in contact rule by id, or the one in an organizer's file (see load_rule_set)."""
    return _load("contact_rules", builtin_contact_rules(), id_or_path, id)


def load_scheme(id_or_path: str | Path, *, id: str | None = None) -> AssessmentScheme:
    """A built-in assessment scheme by id, or the one in an organizer's file."""
    return _load("schemes", builtin_schemes(), id_or_path, id)
