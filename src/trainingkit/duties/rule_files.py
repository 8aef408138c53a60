"""Reading rule files (TOML or JSON) into the rule objects of :mod:`trainingkit.duties.rules`.

The built-ins (``facts/duty_rules.toml``, ``facts/contact_rules.toml``,
``facts/schemes.toml``) are each one place's rule in one year. An organizer
supplies their own committee's rules as a TOML or JSON file in the same format
(see ``docs/examples/``) and loads it by path; no code changes are needed.

Every problem becomes a :class:`~trainingkit.duties.rules.RuleFileError` that names the
file and the key path (``schemes[0].items[2].column``), in Chinese and English.
A file may hold arrays ``rule_sets``, ``contact_rules`` and ``schemes``, or a
single table ``rule_set``, ``contact_rule`` or ``scheme``.

Example:
    >>> rule_set = load_rule_set("jinan_2015")
    >>> [task.id for task in rule_set.tasks]
    ['plenary', 'proposal_or_sheqing', 'inspection_or_research']
    >>> rule_set.tasks[1].describe()
    '提交提案≥1 或 报送社情民意信息≥1'
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from trainingkit.duties.rules import (
    OPERATORS,
    ROLES,
    AssessmentScheme,
    Condition,
    Consequence,
    ContactRule,
    DutyRuleSet,
    DutyTask,
    GradeBand,
    RuleFileError,
    ScoreItem,
    Tier,
)
from trainingkit.duties.summary import COUNT_COLUMNS, IDENTITY_COLUMNS
from trainingkit.resources import facts_text

__all__ = [
    "RuleFile",
    "builtin_contact_rules",
    "builtin_rule_sets",
    "builtin_schemes",
    "load_contact_rule",
    "load_rule_set",
    "load_scheme",
    "parse_rule_file",
]


@dataclass(frozen=True)
class RuleFile:
    """Everything one rule file holds."""

    rule_sets: tuple[DutyRuleSet, ...] = ()
    contact_rules: tuple[ContactRule, ...] = ()
    schemes: tuple[AssessmentScheme, ...] = ()

    def merge(self, other: RuleFile) -> RuleFile:
        """Both files' entries, this one's first."""
        return RuleFile(
            self.rule_sets + other.rule_sets,
            self.contact_rules + other.contact_rules,
            self.schemes + other.schemes,
        )


_PROVENANCE = ("id", "name", "locality", "source", "year", "note")
# Columns evaluate_compliance() writes besides the task columns: no task may take these ids.
_RESERVED = (
    *IDENTITY_COLUMNS,
    "tasks_met",
    "tasks_total",
    "all_met",
    "missing",
    "contact_quarters_ok",
    "contact_people_ok",
    "contact_ok",
)


class _Table:
    """One TOML/JSON table with its key path, for checked reads."""

    def __init__(self, path: Path, key: str, data: object) -> None:
        self.path, self.key = path, key
        if not isinstance(data, dict):
            self.fail("", "应为表（键值对）", "must be a table (key/value pairs)")
        self.data: dict[str, Any] = data

    def fail(self, name: str, zh: str, en: str) -> NoReturn:
        key = ".".join(k for k in (self.key, name) if k) or "(文件 / file)"
        raise RuleFileError(
            f"规则文件 {self.path} 的键 {key}：{zh} / rule file {self.path}, key {key}: {en}",
            path=self.path,
            key=key,
        )

    def only(self, *allowed: str) -> None:
        for name in self.data:
            if name not in allowed:
                self.fail(name, f"未知的键（可用：{', '.join(allowed)}）", "unknown key")

    def require(self, name: str) -> None:
        if name not in self.data:
            self.fail(name, "缺少这个键", "missing key")

    def text(self, name: str, default: str | None = None) -> str:
        value = self.data.get(name, default)
        if value is None:
            self.fail(name, "缺少这个键", "missing key")
        if not isinstance(value, str) or (default is None and not value.strip()):
            self.fail(name, "应为非空文字", "must be a non-empty string")
        return value

    def number(self, name: str, default: float | None = None) -> float | None:
        value = self.data.get(name, default)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            self.fail(name, "应为数字", "must be a number")
        return value

    def integer(self, name: str) -> int | None:
        value = self.number(name)
        if value is not None and (not float(value).is_integer() or value < 0):
            self.fail(name, "应为非负整数", "must be a non-negative integer")
        return None if value is None else int(value)

    def tables(self, name: str) -> list[_Table]:
        value = self.data.get(name, [])
        if not isinstance(value, list):
            self.fail(name, "应为列表", "must be a list")
        prefix = f"{self.key}.{name}" if self.key else name
        return [_Table(self.path, f"{prefix}[{i}]", v) for i, v in enumerate(value)]

    def strings(self, name: str) -> list[str]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(name, "应为文字列表", "must be a list of strings")
        return value

    def conditions(self, name: str) -> tuple[Condition, ...]:
        return tuple(self._condition(name, text) for text in self.strings(name))

    def _condition(self, name: str, text: str) -> Condition:
        parts = text.split()
        if len(parts) != 3 or parts[1] not in OPERATORS:
            self.fail(name, f"条件“{text}”应写成“统计项 >= 数字”", f"bad condition {text!r}")
        column, op, number = parts
        if column not in COUNT_COLUMNS:
            self.fail(name, f"未知的统计项 {column}", f"unknown count column {column!r}")
        try:
            value = float(number)
        except ValueError:
            self.fail(name, f"条件“{text}”中的数字无效", f"bad number in {text!r}")
        return Condition(column, op, value)

    def provenance(self) -> dict[str, Any]:
        return {
            "id": self.text("id"),
            "name": self.text("name"),
            "locality": self.text("locality"),
            "source": self.text("source"),
            "year": self.integer("year"),
            "note": self.text("note", ""),
        }


def _task(table: _Table) -> DutyTask:
    table.only("id", "label", "all", "any", "roles")
    if ("all" in table.data) == ("any" in table.data):
        table.fail("all", "应给出 all 或 any 其中之一", "give exactly one of all / any")
    mode = "all" if "all" in table.data else "any"
    conditions = table.conditions(mode)
    if not conditions:
        table.fail(mode, "至少要有一个条件", "needs at least one condition")
    roles = tuple(table.strings("roles"))
    if any(role not in ROLES for role in roles):
        table.fail("roles", f"身份只能是 {'、'.join(ROLES)}", f"roles must be among {ROLES}")
    if table.text("id") in _RESERVED:
        table.fail(
            "id", f"任务 id 不能用保留名 {_RESERVED}", f"task id must not be one of {_RESERVED}"
        )
    return DutyTask(table.text("id"), table.text("label"), conditions, mode, roles)


def _rule_set(table: _Table) -> DutyRuleSet:
    table.only(*_PROVENANCE, "tasks")
    provenance = table.provenance()
    tasks = tuple(_task(t) for t in table.tables("tasks"))
    if not tasks:
        table.fail("tasks", "至少要有一项任务", "needs at least one task")
    if len({t.id for t in tasks}) != len(tasks):
        table.fail("tasks", "任务 id 重复", "duplicate task id")
    return DutyRuleSet(tasks=tasks, **provenance)


def _contact_rule(table: _Table) -> ContactRule:
    counts = ("min_per_quarter", "min_people", "fixed_contacts", "paired_constituents")
    table.only(*_PROVENANCE, *counts)
    return ContactRule(
        **table.provenance(),
        min_per_quarter=table.integer("min_per_quarter"),
        min_people=table.integer("min_people"),
        fixed_contacts=table.integer("fixed_contacts"),
        paired_constituents=table.integer("paired_constituents"),
    )


def _item(table: _Table) -> ScoreItem:
    table.only("id", "label", "column", "points", "offset", "cap", "unit", "group", "tiers")
    tiers = []
    for tier in table.tables("tiers"):
        tier.only("when", "points", "label")
        tier.require("points")
        tiers.append(
            Tier(tier.conditions("when"), tier.number("points") or 0.0, tier.text("label"))
        )
    column = table.data.get("column")
    if bool(tiers) == (column is not None):
        table.fail(
            "column", "应给出 column（按次计分）或 tiers（分档）其中之一", "give column or tiers"
        )
    if column is not None and column not in COUNT_COLUMNS:
        table.fail("column", f"未知的统计项 {column}", f"unknown count column {column!r}")
    if column is not None and table.number("points") is None:
        table.fail("points", "缺少每次的分值", "missing points per unit")
    return ScoreItem(
        id=table.text("id"),
        label=table.text("label"),
        column=column,
        points=table.number("points", 0.0) or 0.0,
        offset=table.integer("offset") or 0,
        cap=table.number("cap"),
        unit=table.text("unit", "次"),
        group=table.text("group", ""),
        tiers=tuple(tiers),
    )


def _scheme(table: _Table) -> AssessmentScheme:
    table.only(
        *_PROVENANCE,
        "base",
        "min_score",
        "max_score",
        "items",
        "group_caps",
        "grades",
        "consequences",
    )
    provenance = table.provenance()
    caps = _Table(table.path, f"{table.key}.group_caps", table.data.get("group_caps", {}))
    items = tuple(_item(t) for t in table.tables("items"))
    grades = []
    for grade in table.tables("grades"):
        grade.only("min_score", "label", "note")
        grade.require("min_score")
        grades.append(
            GradeBand(grade.number("min_score") or 0.0, grade.text("label"), grade.text("note", ""))
        )
    consequences = []
    for c in table.tables("consequences"):
        c.only("label", "when", "note")
        consequences.append(Consequence(c.text("label"), c.conditions("when"), c.text("note", "")))
    return AssessmentScheme(
        **provenance,
        base=table.number("base", 0.0) or 0.0,
        min_score=table.number("min_score"),
        max_score=table.number("max_score"),
        items=items,
        group_caps={g: caps.number(g) or 0.0 for g in caps.data},
        grades=tuple(sorted(grades, key=lambda g: -g.min_score)),
        consequences=tuple(consequences),
    )


def parse_rule_file(path: Path, text: str) -> RuleFile:
    """Parse the text of a TOML (or, by suffix, JSON) rule file.

    Raises:
        RuleFileError: The text is not valid TOML/JSON or an entry is invalid.
    """
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        raise RuleFileError(
            f"规则文件 {path} 格式有误：{error} / rule file {path} is not valid: {error}", path=path
        ) from error
    root = _Table(path, "", data)
    kinds = {"rule_sets": _rule_set, "contact_rules": _contact_rule, "schemes": _scheme}
    singular = {"rule_set": "rule_sets", "contact_rule": "contact_rules", "scheme": "schemes"}
    root.only(*kinds, *singular)
    found: dict[str, list[Any]] = {kind: [] for kind in kinds}
    for name, value in data.items():
        kind = singular.get(name, name)
        tables = [_Table(path, name, value)] if name in singular else root.tables(name)
        found[kind].extend(kinds[kind](t) for t in tables)
    return RuleFile(*(tuple(found[kind]) for kind in kinds))


@cache
def _builtins() -> RuleFile:
    merged = RuleFile()
    for name in ("duty_rules", "contact_rules", "schemes"):
        merged = merged.merge(
            parse_rule_file(Path(f"trainingkit/facts/{name}.toml"), facts_text(f"{name}.toml"))
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
