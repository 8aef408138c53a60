"""Synthetic proposals (虚构示例) for one year, and the text helpers the records share.

Member proposals come from the per-member counts; collective ones (党派, 团体, 界别,
委员小组, 专委会) are added in proportion. Each proposal gets a category, a title
built from the city's topic list, a review outcome and, when registered (立案 or
并案), a lead handling unit, co-handling units, a reply category and the member's
evaluation. All proportions are the city configuration's invented parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["by_category", "pick", "proposals_frame", "templated"]

Config = Mapping[str, Any]


def pick(rng: np.random.Generator, choices: Sequence[str] | str, size: int) -> np.ndarray:
    """``size`` random picks from ``choices`` as an object array (so ``+`` joins strings)."""
    return np.asarray(list(choices), dtype=object)[rng.integers(len(choices), size=size)]


def by_category(
    rng: np.random.Generator, category: np.ndarray, lists: Mapping[str, Sequence[str]]
) -> np.ndarray:
    """For each row, a random entry of ``lists[category]``."""
    out = np.empty(category.size, dtype=object)
    for name, choices in lists.items():
        rows = np.flatnonzero(category == name)
        out[rows] = pick(rng, choices, rows.size)
    return out


def templated(rng: np.random.Generator, templates: Sequence[str], fill: np.ndarray) -> np.ndarray:
    """Put each of ``fill`` into a random ``"…{}…"`` template."""
    parts = [t.split("{}") for t in templates]
    which = rng.integers(len(parts), size=fill.size)
    before = np.array([p[0] for p in parts], dtype=object)
    after = np.array([p[1] for p in parts], dtype=object)
    return before[which] + fill + after[which]


def proposals_frame(
    rng: np.random.Generator, members: pd.DataFrame, counts: np.ndarray, cfg: Config, year: int
) -> pd.DataFrame:
    """One year's proposals; ``counts`` is each member's number of 委员提案 as first proposer."""
    pc, col = cfg["proposals"], cfg["proposals"]["collective"]
    ids = members["member_id"].to_numpy(dtype=object)
    first = np.repeat(np.arange(ids.size), counts)
    n_member, n_collective = first.size, int(rng.poisson(first.size * pc["collective_share"]))
    total = n_member + n_collective
    kind = rng.choice(np.array(col["kinds"], dtype=object), size=n_collective, p=col["weights"])
    convener = rng.integers(ids.size, size=n_collective)
    group = rng.integers(1, col["member_groups"] + 1, size=n_collective).astype(str).astype(object)
    collective_name = np.select(
        [kind == "党派提案", kind == "团体提案", kind == "界别提案", kind == "委员小组提案"],
        [
            pick(rng, col["parties"], n_collective) + cfg["city"] + "委员会",
            pick(rng, col["organisations"], n_collective),
            members["sector"].to_numpy(dtype=object)[convener] + "界别",
            "第" + group + "委员小组",
        ],
        pick(rng, col["special_committees"], n_collective),
    )
    has_convener = np.isin(kind, ["界别提案", "委员小组提案", "专委会提案"])
    joint = rng.random(n_member) < pc["joint_share"]
    cosigners = np.where(joint, 1 + rng.poisson(pc["cosigners_mean"] - 1, size=n_member), 0)
    none = np.full(n_collective, None, dtype=object)

    category = rng.choice(
        np.array(pc["categories"], dtype=object), size=total, p=pc["category_weights"]
    )
    title = templated(rng, pc["title_templates"], by_category(rng, category, cfg["topics"]))
    outcomes = np.array(pc["outcomes"], dtype=object)
    outcome = rng.choice(outcomes, size=total, p=pc["outcome_weights"])
    registered = np.isin(outcome, outcomes[:2])
    lead, co_units = _handling_units(rng, category, cfg)
    replies = np.array(pc["replies"], dtype=object)
    reply = rng.choice(len(replies), size=total, p=pc["reply_weights"])
    cumulative = np.cumsum(np.array(pc["satisfaction_weights"]), axis=1)
    satisfaction = (rng.random(total)[:, None] > cumulative[reply]).sum(axis=1)
    satisfaction = np.minimum(satisfaction, len(pc["satisfaction"]) - 1)
    collective = np.arange(total) >= n_member
    excellent_share = pc["excellent_share"] * np.where(
        collective, pc["collective_excellent_mult"], 1
    )
    frame = pd.DataFrame(
        {
            "year": year,
            "submitter_kind": np.concatenate([np.full(n_member, "委员提案", dtype=object), kind]),
            "submitter": np.concatenate(
                [members["name"].to_numpy(dtype=object)[first], collective_name]
            ),
            "first_member_id": np.concatenate([ids[first], none]),
            "convener_id": np.concatenate(
                [np.full(n_member, None, dtype=object), _only(has_convener, ids[convener])]
            ),
            "cosigners": np.concatenate([cosigners, np.zeros(n_collective, dtype=int)]).astype(
                np.int64
            ),
            "category": category,
            "title": title,
            "review_outcome": outcome,
            "lead_unit": _only(registered, lead),
            "co_units": _only(registered, co_units),
            "reply_category": _only(registered, replies[reply]),
            "satisfaction": _only(
                registered, np.array(pc["satisfaction"], dtype=object)[satisfaction]
            ),
            "is_key": registered & (rng.random(total) < pc["key_share"]),
            "is_excellent": registered & (rng.random(total) < excellent_share),
        }
    )
    frame = frame.iloc[rng.permutation(total)].reset_index(drop=True)  # order of submission
    frame.insert(0, "proposal_id", [f"P{year}-{i:04d}" for i in range(1, total + 1)])
    return frame


def _only(mask: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``values`` where ``mask`` holds, ``None`` (not applicable) elsewhere."""
    out = np.full(mask.size, None, dtype=object)
    out[mask] = values[mask]
    return out


def _handling_units(
    rng: np.random.Generator, category: np.ndarray, cfg: Config
) -> tuple[np.ndarray, np.ndarray]:
    """A lead unit and 0–2 distinct co-handling units ("、"-joined) per proposal."""
    lead = np.empty(category.size, dtype=object)
    co = np.empty(category.size, dtype=object)
    n_co = rng.choice(3, size=category.size, p=cfg["proposals"]["co_units_weights"])
    for name, choices in cfg["units"].items():
        rows = np.flatnonzero(category == name)
        units = np.array(choices, dtype=object)
        order = np.argsort(rng.random((rows.size, units.size)), axis=1)
        lead[rows] = units[order[:, 0]]
        k = np.minimum(n_co[rows], units.size - 1)
        second = units[order[:, min(1, units.size - 1)]]
        third = units[order[:, min(2, units.size - 1)]]
        co[rows] = np.where(k >= 1, second, "") + np.where(k >= 2, "、" + third, "")
    return lead, co
