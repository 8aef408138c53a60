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

__all__ = ["pick", "pick_topics", "proposals_frame", "templated", "topic_table"]

Config = Mapping[str, Any]


def pick(rng: np.random.Generator, choices: Sequence[str] | str, size: int) -> np.ndarray:
    """``size`` random picks from ``choices`` as an object array (so ``+`` joins strings)."""
    return np.asarray(list(choices), dtype=object)[rng.integers(len(choices), size=size)]


def topic_table(cfg: Config) -> dict[str, np.ndarray]:
    """The configured topics as arrays: category, topic, lead unit, two co-handling units."""
    rows = [(name, *entry) for name, entries in cfg["topics"].items() for entry in entries]
    table = np.array(rows, dtype=object)
    return {"category": table[:, 0], "topic": table[:, 1], "lead": table[:, 2], "co": table[:, 3:5]}


def pick_topics(
    rng: np.random.Generator, category: np.ndarray, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """For each row, the index of a random topic of its category in ``table``."""
    out = np.zeros(category.size, dtype=np.int64)
    for name in dict.fromkeys(table["category"]):  # configuration order
        rows = np.flatnonzero(category == name)
        choices = np.flatnonzero(table["category"] == name)
        out[rows] = choices[rng.integers(choices.size, size=rows.size)]
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

    category = _categories(rng, members["sector"].to_numpy(dtype=object)[first], total, cfg)
    table = topic_table(cfg)
    topic = pick_topics(rng, category, table)
    title = templated(rng, pc["title_templates"], table["topic"][topic])
    outcomes = np.array(pc["outcomes"], dtype=object)
    outcome = rng.choice(outcomes, size=total, p=pc["outcome_weights"])
    registered = np.isin(outcome, outcomes[:2])
    lead, co_units = _handling_units(rng, table, topic, cfg)
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


def _categories(
    rng: np.random.Generator, sectors: np.ndarray, total: int, cfg: Config
) -> np.ndarray:
    """A category per proposal: member proposals lean to their sector's ``category_bias``."""
    pc = cfg["proposals"]
    names = np.array(pc["categories"], dtype=object)
    base = np.array(pc["category_weights"], dtype=float)
    table = {s["name"]: s.get("category_bias", {}) for s in cfg["sectors"]}
    weights = np.tile(base, (total, 1))
    for sector, bias in table.items():
        rows = np.flatnonzero(sectors == sector)  # member proposals come first
        weights[rows] *= [bias.get(name, 1.0) for name in names]
    cumulative = np.cumsum(weights / weights.sum(axis=1, keepdims=True), axis=1)
    index = (rng.random(total)[:, None] > cumulative).sum(axis=1)
    return names[np.minimum(index, names.size - 1)]


def _only(mask: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``values`` where ``mask`` holds, ``None`` (not applicable) elsewhere."""
    out = np.full(mask.size, None, dtype=object)
    out[mask] = values[mask]
    return out


def _handling_units(
    rng: np.random.Generator, table: Mapping[str, np.ndarray], topic: np.ndarray, cfg: Config
) -> tuple[np.ndarray, np.ndarray]:
    """The topic's lead unit, and 0–2 of its co-handling units joined with "、"."""
    n_co = rng.choice(3, size=topic.size, p=cfg["proposals"]["co_units_weights"])
    co = table["co"][topic]
    swap = rng.random(topic.size) < 0.5
    first, second = np.where(swap, co[:, 1], co[:, 0]), np.where(swap, co[:, 0], co[:, 1])
    joined = np.where(n_co >= 1, first, "") + np.where(n_co >= 2, "、" + second, "")
    return table["lead"][topic], joined
