"""The synthetic committee's roster (虚构示例), drawn for :mod:`trainingkit.synthetic.committee`.

Sectors get members in proportion to their configured weight (largest
remainders, so the composition is stable across seeds); names are unique and
invented; work units are fictional and fit the member's sector where the
configuration lists kinds of unit for it. Each member also gets a hidden
engagement level that the yearly records follow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from trainingkit.synthetic.proposals import pick

__all__ = ["roster"]

Config = Mapping[str, Any]


def roster(
    rng: np.random.Generator, n: int, cfg: Config, first_year: int
) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """The members frame, and hidden per-member traits (``sector`` index, ``engagement``)."""
    mc, sectors = cfg["members"], cfg["sectors"]
    weights = np.array([s["weight"] for s in sectors], dtype=float)
    exact = weights / weights.sum() * n
    counts = np.floor(exact).astype(int)
    counts[np.argsort(counts - exact)[: n - counts.sum()]] += 1  # largest remainders
    sector = rng.permutation(np.repeat(np.arange(len(sectors)), counts))
    standing = np.zeros(n, dtype=bool)
    standing[rng.choice(n, size=round(n * mc["standing_share"]), replace=False)] = True
    female = rng.random(n) < mc["female_share"]
    age = np.rint(rng.normal(mc["age_mean"], mc["age_sd"], n))
    age = np.clip(age, mc["age_min"], mc["age_max"])
    members = pd.DataFrame(
        {
            "member_id": [f"M{i:04d}" for i in range(1, n + 1)],
            "name": _names(rng, female, cfg["names"]),
            "gender": np.where(female, "女", "男"),
            "birth_year": (first_year - age).astype(np.int64),
            "sector": np.array([s["name"] for s in sectors], dtype=object)[sector],
            "role": np.where(standing, "常委", "委员"),
            "unit": _units(rng, sector, cfg),
            "is_new": rng.random(n) < mc["new_share"],
        }
    )
    shape = mc["engagement_shape"]
    latent = {"sector": sector, "engagement": rng.gamma(shape, 1 / shape, n)}
    return members, latent


def _names(rng: np.random.Generator, female: np.ndarray, cfg: Config) -> np.ndarray:
    """Unique fictional names: a surname and one or two given-name characters."""
    names = np.empty(female.size, dtype=object)
    todo = np.arange(female.size)
    while todo.size:  # redraw duplicates; a few rounds at most
        k, fem = todo.size, female[todo]
        given = [
            np.where(fem, pick(rng, cfg["female"], k), pick(rng, cfg["male"], k)) for _ in range(2)
        ]
        second = np.where(rng.random(k) < cfg["single_given_share"], "", given[1])
        names[todo] = pick(rng, cfg["surnames"], k) + given[0] + second
        todo = np.flatnonzero(pd.Series(names).duplicated(keep="first").to_numpy())
    return names


def _units(rng: np.random.Generator, sector: np.ndarray, cfg: Config) -> np.ndarray:
    """A fictional work unit per member: a district and a kind of unit fitting the sector."""
    general = cfg["units_of_members"]["kinds"]
    kind = np.empty(sector.size, dtype=object)
    for index, entry in enumerate(cfg["sectors"]):
        rows = np.flatnonzero(sector == index)
        kind[rows] = pick(rng, entry.get("units", general), rows.size)
    return pick(rng, cfg["units_of_members"]["districts"], sector.size) + kind
