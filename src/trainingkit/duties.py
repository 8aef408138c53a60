"""Duty evaluation: compliance with a rule set, and scores under an assessment scheme.

Both functions take the duty summary (one row per member-year, the count columns
of :mod:`trainingkit.records`) and return a new frame with the same index and the
identity columns, plus their results. They are vectorised: each rule item is one
pass over the whole frame, so a 2,000-member year takes milliseconds.

Example:
    >>> from trainingkit.records import summary_from_counts
    >>> from trainingkit.rules import load_rule_set, load_scheme
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
from typing import TYPE_CHECKING

from trainingkit.records import IDENTITY_COLUMNS
from trainingkit.rules import AssessmentScheme, Condition, ContactRule, DutyRuleSet, ScoreItem

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["assess", "evaluate_compliance", "grade_scores"]

QUARTERS = ("contacts_q1", "contacts_q2", "contacts_q3", "contacts_q4")
_SEP = "\x1f"  # joins reasons inside one string per member; never in a label


def _require(summary: pd.DataFrame, columns: set[str]) -> None:
    missing = sorted(columns - set(summary.columns))
    if missing:
        raise KeyError(f"履职统计表缺少列 / duty summary lacks column(s): {missing}")


def _holds(summary: pd.DataFrame, condition: Condition) -> pd.Series:
    column = summary[condition.column]
    compare = {">=": column.ge, ">": column.gt, "<=": column.le, "<": column.lt, "==": column.eq}
    return compare[condition.op](condition.value)


def _all(summary: pd.DataFrame, conditions: tuple[Condition, ...]) -> pd.Series:
    import pandas as pd

    everyone = pd.Series(True, index=summary.index)
    return reduce(and_, (_holds(summary, c) for c in conditions), everyone)


def _add(text: pd.Series, mask: pd.Series, piece: pd.Series | str) -> pd.Series:
    """Append ``piece`` plus the separator to ``text`` where ``mask`` holds."""
    return text.where(~mask, text + piece + _SEP)


def _as_lists(text: pd.Series) -> pd.Series:
    return text.str.findall(f"[^{_SEP}]+")


def _identity(summary: pd.DataFrame) -> pd.DataFrame:
    return summary[[c for c in IDENTITY_COLUMNS if c in summary.columns]].copy()


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
    import pandas as pd

    needed = {c.column for t in rule_set.tasks for c in t.conditions}
    needed |= {"role"} if any(t.roles for t in rule_set.tasks) else set()
    if contact_rule is not None:
        needed |= set(QUARTERS) if contact_rule.min_per_quarter is not None else set()
        needed |= {"contact_people"} if contact_rule.min_people is not None else set()
    _require(summary, needed)
    out = _identity(summary)
    met_count = pd.Series(0, index=summary.index)
    total = pd.Series(0, index=summary.index)
    missing = pd.Series("", index=summary.index, dtype=object)
    for task in rule_set.tasks:
        met = reduce(
            and_ if task.mode == "all" else or_, (_holds(summary, c) for c in task.conditions)
        )
        applies = (
            summary["role"].isin(task.roles) if task.roles else pd.Series(True, index=summary.index)
        )
        out[task.id] = met.astype("boolean").mask(~applies)
        total += applies.astype(int)
        met_count += (met & applies).astype(int)
        missing = _add(missing, applies & ~met, task.label)
    out["tasks_met"] = met_count
    out["tasks_total"] = total
    all_met = met_count == total
    if contact_rule is not None:
        checked = []
        for column, minimum, ok_of, label in (
            ("contact_quarters_ok", contact_rule.min_per_quarter,
             lambda n: (summary[list(QUARTERS)] >= n).all(axis=1), "每季度至少联系界别群众{}次"),
            ("contact_people_ok", contact_rule.min_people,
             lambda n: summary["contact_people"] >= n, "全年联系群众至少{}人次"),
        ):  # fmt: skip
            if minimum is None:
                out[column] = pd.Series(pd.NA, index=summary.index, dtype="boolean")
                continue
            ok = ok_of(minimum)
            out[column] = ok.astype("boolean")
            checked.append(ok)
            missing = _add(missing, ~ok, label.format(minimum))
        contact_ok = reduce(and_, checked) if checked else None
        out["contact_ok"] = (
            contact_ok.astype("boolean")
            if contact_ok is not None
            else pd.Series(pd.NA, index=summary.index, dtype="boolean")
        )
        if contact_ok is not None:
            all_met &= contact_ok
    out["all_met"] = all_met.astype(bool)
    out["missing"] = _as_lists(missing)
    return out


def _signed(value: float) -> str:
    number = f"{abs(value):g}"
    return f"+{number}" if value > 0 else f"−{number}" if value < 0 else "0"


def _format(points: pd.Series, style: Callable[[float], str] = _signed) -> pd.Series:
    """Point strings, formatted once per distinct value (not once per member)."""
    return points.map({value: style(value) for value in points.unique()})


def _item_points(summary: pd.DataFrame, item: ScoreItem) -> tuple[pd.Series, pd.Series]:
    """Points of one item for every member, and the reason text (``""`` for none)."""
    import numpy as np
    import pandas as pd

    if item.tiers:
        masks = [_all(summary, tier.when).to_numpy() for tier in item.tiers]
        points = pd.Series(
            np.select(masks, [t.points for t in item.tiers], 0.0), index=summary.index
        )
        labels = pd.Series(np.select(masks, [t.label for t in item.tiers], ""), index=summary.index)
        text = (labels + " " + _format(points)).where(labels != "", "")
        return points, text
    assert item.column is not None  # a parsed item has either tiers or a column
    units = (summary[item.column].astype(float) - item.offset).clip(lower=0)
    raw = units * item.points
    points = raw.clip(-item.cap, item.cap) if item.cap is not None else raw
    note = f"（封顶{item.cap:g}分）" if item.cap is not None else ""
    capped = (points != raw).map({True: note, False: ""})
    count = units.astype(int).astype(str)
    text = (item.label + count + item.unit + " " + _format(points) + capped).where(points != 0, "")
    return points, text


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
    out = _identity(summary)
    reasons = pd.Series("", index=summary.index, dtype=object)
    if scheme.base:
        reasons = reasons + f"基础分 {scheme.base:g}" + _SEP
    score = pd.Series(float(scheme.base), index=summary.index)
    groups: dict[str, pd.Series] = {}
    for item in scheme.items:
        points, text = _item_points(summary, item)
        reasons = _add(reasons, text != "", text)
        if item.group:
            groups[item.group] = groups.get(item.group, 0.0) + points
        score += points
    for group, cap in scheme.group_caps.items():
        if group not in groups:
            continue
        excess = groups[group] - groups[group].clip(-cap, cap)
        names = "、".join(i.label for i in scheme.items if i.group == group)
        reasons = _add(
            reasons, excess != 0, f"{names}合计超过{cap:g}分，按{cap:g}分计 " + _format(-excess)
        )
        score -= excess
    low, high = scheme.min_score, scheme.max_score
    clipped = score.clip(low, high)
    reasons = _add(
        reasons, clipped != score, "总分超出范围，按" + _format(clipped, "{:g}分".format) + "计"
    )
    out["score"] = clipped if scheme.scorable else pd.Series(np.nan, index=summary.index)
    out[["grade", "grade_note"]] = grade_scores(out["score"], scheme)
    if not scheme.scorable:
        reasons = pd.Series("", index=summary.index, dtype=object)
    out["reasons"] = _as_lists(reasons)
    triggered = pd.Series("", index=summary.index, dtype=object)
    for consequence in scheme.consequences:
        if consequence.when:
            triggered = _add(triggered, _all(summary, consequence.when), consequence.label)
    out["consequences"] = _as_lists(triggered)
    return out
