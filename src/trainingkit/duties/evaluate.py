"""Duty evaluation: compliance with a rule set, and scores under an assessment scheme.

Both functions take the duty summary (one row per member-year, the count columns
of :mod:`trainingkit.duties.summary`) and return a new frame with the same index and the
identity columns, plus their results. They are vectorised: each rule item is one
pass over the whole frame, so a 2,000-member year takes milliseconds.

Example:
    >>> from trainingkit.duties.summary import summary_from_counts
    >>> from trainingkit.duties.rule_files import load_rule_set, load_scheme
    >>> me = summary_from_counts({"plenary_unexcused": 1, "proposals_submitted": 1})
    >>> row = evaluate_compliance(me, load_rule_set("jinan_2015")).iloc[0]
    >>> bool(row["proposal_or_sheqing"]), int(row["tasks_met"]), row["missing"][0]
    (True, 1, '出席全体会议')
    >>> result = assess(me, load_scheme("jinan_2015")).iloc[0]
    >>> float(result["score"]), result["grade"], result["reasons"]
    (40.0, '不称职', ['基础分 70', '全体会议无故缺席1次 −30'])
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from operator import and_, or_
from typing import TYPE_CHECKING, Any

from trainingkit.duties.rules import (
    AssessmentScheme,
    Condition,
    ContactRule,
    DutyRuleSet,
    ScoreItem,
)
from trainingkit.duties.summary import IDENTITY_COLUMNS

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    Array = np.ndarray[Any, Any]

__all__ = ["assess", "evaluate_compliance", "grade_scores"]

QUARTERS = ("contacts_q1", "contacts_q2", "contacts_q3", "contacts_q4")
_SEP = "\x1f"  # joins reasons inside one string per member; never in a label
_COMPARE = {">=": "__ge__", ">": "__gt__", "<=": "__le__", "<": "__lt__", "==": "__eq__"}


def _require(summary: pd.DataFrame, columns: set[str]) -> None:
    missing = sorted(columns - set(summary.columns))
    if missing:
        raise KeyError(f"履职统计表缺少列 / duty summary lacks column(s): {missing}")


def _values(summary: pd.DataFrame, column: str) -> Array:
    return summary[column].to_numpy(dtype=float)


def _holds(summary: pd.DataFrame, condition: Condition) -> Array:
    result: Array = getattr(_values(summary, condition.column), _COMPARE[condition.op])(
        condition.value
    )
    return result


def _all(summary: pd.DataFrame, conditions: tuple[Condition, ...]) -> Array:
    import numpy as np

    return reduce(and_, (_holds(summary, c) for c in conditions), np.ones(len(summary), bool))


def _texts(length: int) -> Array:
    """An object array of empty strings, one per member."""
    import numpy as np

    return np.full(length, "", dtype=object)


def _add(text: Array, mask: Array, piece: Array | str) -> Array:
    """Append ``piece`` plus the separator to ``text`` where ``mask`` holds (in a copy)."""
    import numpy as np

    result = text.copy()
    chosen = np.asarray(mask, dtype=bool)
    part = piece[chosen] if isinstance(piece, np.ndarray) else piece
    result[chosen] = result[chosen] + part + _SEP
    return result


def _split(text: str) -> list[str]:
    return text.split(_SEP)[:-1]  # every piece ends with the separator


def _as_lists(text: Array, index: pd.Index) -> pd.Series:
    """One list of pieces per member (a numpy ufunc over the joined strings)."""
    import numpy as np
    import pandas as pd

    return pd.Series(np.frompyfunc(_split, 1, 1)(text), index=index, dtype=object)


def _each(values: Array, style: Callable[[float], str]) -> Array:
    """``style`` applied once per distinct value (not once per member)."""
    import numpy as np

    unique, inverse = np.unique(values, return_inverse=True)
    styled: Array = np.array([style(v) for v in unique] + [""], dtype=object)[:-1][inverse]
    return styled


def _identity(summary: pd.DataFrame) -> pd.DataFrame:
    return summary[[c for c in IDENTITY_COLUMNS if c in summary.columns]].copy()


def _nullable(values: Array | None, index: pd.Index, applies: Array | None = None) -> pd.Series:
    """A nullable boolean column: ``<NA>`` where not applicable or not checked."""
    import pandas as pd

    if values is None:
        return pd.Series(pd.NA, index=index, dtype="boolean")
    column = pd.Series(values, index=index, dtype="boolean")
    return column if applies is None else column.mask(~applies)


def evaluate_compliance(
    summary: pd.DataFrame, rule_set: DutyRuleSet, contact_rule: ContactRule | None = None
) -> pd.DataFrame:
    """Which annual tasks each member met, and whether the contact rule holds.

    Args:
        summary: The duty summary, one row per member-year.
        rule_set: The committee's annual tasks (e.g. ``load_rule_set("jinan_2015")``).
        contact_rule: Optional contact rule (e.g. ``load_contact_rule("tianshui")``).

    Returns:
        The identity columns, then one nullable-boolean column per task id (``<NA>``
        where the task does not apply to the member's role), ``tasks_met`` and
        ``tasks_total`` (applicable tasks only), and with a contact rule
        ``contact_quarters_ok``, ``contact_people_ok`` and ``contact_ok`` (``<NA>``
        for a part the rule does not set). ``all_met`` is true when every
        applicable task and every checked contact part is met. ``missing`` lists
        the Chinese labels of what was missed.
    """
    import numpy as np

    needed = {c.column for t in rule_set.tasks for c in t.conditions}
    needed |= {"role"} if any(t.roles for t in rule_set.tasks) else set()
    if contact_rule is not None:
        needed |= set(QUARTERS) if contact_rule.min_per_quarter is not None else set()
        needed |= {"contact_people"} if contact_rule.min_people is not None else set()
    _require(summary, needed)
    n, index = len(summary), summary.index
    out = _identity(summary)
    met_count, total = np.zeros(n, int), np.zeros(n, int)
    missing = _texts(n)
    for task in rule_set.tasks:
        met = reduce(
            and_ if task.mode == "all" else or_, (_holds(summary, c) for c in task.conditions)
        )
        applies = summary["role"].isin(task.roles).to_numpy() if task.roles else np.ones(n, bool)
        out[task.id] = _nullable(met, index, applies)
        total += applies
        met_count += met & applies
        missing = _add(missing, applies & ~met, task.label)
    out["tasks_met"] = met_count
    out["tasks_total"] = total
    all_met = met_count == total
    if contact_rule is not None:
        quarters: Array | None = None
        people: Array | None = None
        if contact_rule.min_per_quarter is not None:
            counts = summary[list(QUARTERS)].to_numpy(dtype=float)
            quarters = np.asarray((counts >= contact_rule.min_per_quarter).all(axis=1))
            label = f"每季度至少联系界别群众{contact_rule.min_per_quarter}次"
            missing = _add(missing, ~quarters, label)
        if contact_rule.min_people is not None:
            people = _values(summary, "contact_people") >= contact_rule.min_people
            missing = _add(missing, ~people, f"全年联系群众至少{contact_rule.min_people}人次")
        checked = [part for part in (quarters, people) if part is not None]
        contact_ok: Array | None = reduce(and_, checked) if checked else None
        out["contact_quarters_ok"] = _nullable(quarters, index)
        out["contact_people_ok"] = _nullable(people, index)
        out["contact_ok"] = _nullable(contact_ok, index)
        if contact_ok is not None:
            all_met = all_met & contact_ok
    out["all_met"] = all_met
    out["missing"] = _as_lists(missing, index)
    return out


def _signed(value: float) -> str:
    number = f"{abs(value):g}"
    return f"+{number}" if value > 0 else f"−{number}" if value < 0 else "0"


def _item_points(summary: pd.DataFrame, item: ScoreItem) -> tuple[Array, Array]:
    """Points of one item for every member, and the reason text (``""`` for none)."""
    import numpy as np

    if item.tiers:
        masks = [_all(summary, tier.when) for tier in item.tiers]
        points = np.select(masks, [float(t.points) for t in item.tiers], 0.0)
        labels = np.select(masks, [t.label for t in item.tiers], "").astype(object)
        text = np.where(labels != "", labels + " " + _each(points, _signed), "")
        return points, text
    assert item.column is not None  # a parsed item has either tiers or a column
    units = np.clip(_values(summary, item.column) - item.offset, 0, None)
    raw = units * item.points
    points = np.clip(raw, -item.cap, item.cap) if item.cap is not None else raw
    note = f"（封顶{item.cap:g}分）" if item.cap is not None else ""
    capped = np.where(points != raw, note, "").astype(object)
    counts = _each(units, "{:g}".format)
    text = item.label + counts + item.unit + " " + _each(points, _signed) + capped
    return points, np.where(points != 0, text, "")


def grade_scores(scores: pd.Series, scheme: AssessmentScheme) -> pd.DataFrame:
    """Grade and grade note for each score under the scheme's bands (``""`` if none fits)."""
    import numpy as np
    import pandas as pd

    masks = [(scores >= band.min_score).to_numpy() for band in scheme.grades]
    if not masks:
        return pd.DataFrame({"grade": "", "grade_note": ""}, index=scores.index)
    return pd.DataFrame(
        {
            "grade": np.select(masks, [b.label for b in scheme.grades], ""),
            "grade_note": np.select(masks, [b.note for b in scheme.grades], ""),
        },
        index=scores.index,
    )


def assess(summary: pd.DataFrame, scheme: AssessmentScheme) -> pd.DataFrame:
    """Score, grade and reasons for each member under an assessment scheme.

    Args:
        summary: The duty summary, one row per member-year.
        scheme: The scheme (e.g. ``load_scheme("tongcheng_2019")``).

    Returns:
        The identity columns, then ``score`` (NaN when the scheme has no scoring
        items, e.g. Anqing 2018), ``grade``, ``grade_note``, ``reasons`` (Chinese
        lines such as ``"全体会议无故缺席1次 −30"`` that add up to the score) and
        ``consequences`` (the scheme's measures this record triggers).
    """
    import numpy as np
    import pandas as pd

    needed = {i.column for i in scheme.items if i.column}
    needed |= {c.column for i in scheme.items for t in i.tiers for c in t.when}
    needed |= {c.column for q in scheme.consequences for c in q.when}
    _require(summary, needed)
    n, index = len(summary), summary.index
    out = _identity(summary)
    reasons = _texts(n)
    if scheme.base and scheme.scorable:
        reasons = reasons + f"基础分 {scheme.base:g}" + _SEP
    score = np.full(n, float(scheme.base))
    groups: dict[str, Array] = {}
    for item in scheme.items:
        points, text = _item_points(summary, item)
        reasons = _add(reasons, text != "", text)
        if item.group:
            groups[item.group] = groups.get(item.group, np.zeros(n)) + points
        score = score + points
    for group, cap in scheme.group_caps.items():
        if group not in groups:
            continue
        excess = groups[group] - np.clip(groups[group], -cap, cap)
        names = "、".join(i.label for i in scheme.items if i.group == group)
        piece = f"{names}合计超过{cap:g}分，按{cap:g}分计 " + _each(-excess, _signed)
        reasons = _add(reasons, excess != 0, piece)
        score = score - excess
    clipped = np.clip(score, scheme.min_score, scheme.max_score)
    piece = "总分超出范围，按" + _each(clipped, "{:g}分".format) + "计"
    reasons = _add(reasons, clipped != score, piece)
    out["score"] = pd.Series(clipped if scheme.scorable else np.nan, index=index, dtype=float)
    out[["grade", "grade_note"]] = grade_scores(out["score"], scheme)
    out["reasons"] = _as_lists(reasons, index)
    triggered = _texts(n)
    for consequence in scheme.consequences:
        if consequence.when:
            triggered = _add(triggered, _all(summary, consequence.when), consequence.label)
    out["consequences"] = _as_lists(triggered, index)
    return out
