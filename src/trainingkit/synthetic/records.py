"""One year of synthetic duty records (虚构示例), drawn for :mod:`trainingkit.synthetic.committee`.

A member's yearly count of each duty is a Poisson draw. Its mean is the city
configuration's base rate times the member's sector multiplier, role and
first-year multipliers, a hidden engagement level raised to the duty's
elasticity, and year-to-year noise. Everything is vectorised over members and
records; the only loops run over meetings, categories and output kinds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from trainingkit.duties.summary import ACTIVITY_COLUMNS, ACTIVITY_KINDS
from trainingkit.synthetic.proposals import (
    pick,
    pick_topics,
    proposals_frame,
    templated,
    topic_table,
)

__all__ = ["DUTIES", "year_frames"]

# Duties with a rate in the configuration; "contacts" is per quarter.
DUTIES: tuple[str, ...] = ("proposals", "sheqing", *ACTIVITY_COLUMNS, "contacts")

Config = Mapping[str, Any]


def year_frames(
    rng: np.random.Generator,
    members: pd.DataFrame,
    latent: Mapping[str, np.ndarray],
    cfg: Config,
    year: int,
    *,
    first: int,
) -> dict[str, pd.DataFrame]:
    """Draw one year's records for ``members``; ``first`` is the first year of the term."""
    rates = _rates(rng, members, latent, cfg, new_members_year=year == first)
    counts = rng.poisson(rates[:, :-1])
    ids = members["member_id"].to_numpy(dtype=object)
    attendance = _attendance(rng, members, latent, cfg, year)
    proposals = proposals_frame(rng, members, counts[:, 0], cfg, year)
    sheqing = _sheqing(rng, ids, counts[:, 1], cfg, year)
    consultations = _consultations(rng, cfg, year)
    activities = _activities(rng, ids, counts[:, 2:], consultations, year)
    contact_counts = rng.poisson(rates[:, -1:], size=(len(ids), 4))
    who, quarter = _expand(contact_counts)
    people = 1 + rng.poisson(cfg["contacts"]["people_mean"] - 1, size=who.size)
    contacts = pd.DataFrame({"member_id": ids[who], "year": year, "quarter": quarter + 1})
    contacts["people"] = people
    taken = activities["activity_id"].value_counts()
    participants = consultations["activity_id"].map(taken).fillna(0).astype(np.int64)
    consultations.insert(list(consultations).index("outputs"), "participants", participants)
    return {
        "attendance": attendance,
        "proposals": proposals,
        "sheqing": sheqing,
        "activities": activities,
        "contacts": contacts,
        "consultations": consultations,
    }


def _factors(table: Mapping[str, float]) -> np.ndarray:
    return np.array([table.get(duty, 1.0) for duty in DUTIES])


def _rates(
    rng: np.random.Generator,
    members: pd.DataFrame,
    latent: Mapping[str, np.ndarray],
    cfg: Config,
    *,
    new_members_year: bool,
) -> np.ndarray:
    """Poisson means, one row per member and one column per duty in ``DUTIES``."""
    base = np.array([cfg["rates"][duty] for duty in DUTIES])
    elasticity = np.array([cfg["elasticity"][duty] for duty in DUTIES])
    mult = np.array([_factors(s.get("mult", {})) for s in cfg["sectors"]])[latent["sector"]]
    for role, table in cfg.get("role_mult", {}).items():
        mult[members["role"].to_numpy() == role] *= _factors(table)
    if new_members_year:
        mult[members["is_new"].to_numpy(dtype=bool)] *= _factors(cfg.get("new_mult", {}))
    shape = cfg["members"]["noise_shape"]
    noise = rng.gamma(shape, 1 / shape, size=mult.shape)
    return base * mult * latent["engagement"][:, None] ** elasticity * noise


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row and column index of each unit in a count matrix, row by row."""
    rows, cols = np.indices(counts.shape)
    flat = counts.ravel()
    return np.repeat(rows.ravel(), flat), np.repeat(cols.ravel(), flat)


def _day(rng: np.random.Generator, year: int, month: int) -> np.datetime64:
    """A working day (Mon–Fri) in the first weeks of ``month``."""
    start = np.datetime64(f"{year}-{month:02d}-01") + int(rng.integers(3, 18))
    return np.busday_offset(start, 0, roll="forward")


def _attendance(
    rng: np.random.Generator,
    members: pd.DataFrame,
    latent: Mapping[str, np.ndarray],
    cfg: Config,
    year: int,
) -> pd.DataFrame:
    a = cfg["attendance"]
    absence = np.array([s.get("mult", {}).get("absence", 1.0) for s in cfg["sectors"]])
    risk = absence[latent["sector"]] * np.clip(1 / latent["engagement"], 0.5, 2.5)
    everyone = np.ones(len(members), dtype=bool)
    standing = (members["role"] == "常委").to_numpy(dtype=bool)
    meetings = [
        ("全体会议", f"PL{year}-{k + 1}", a["plenary_month"], everyone, "plenary")
        for k in range(a["plenary_sessions"])
    ] + [
        ("常委会议", f"ST{year}-{k + 1}", month, standing, "standing")
        for k, month in enumerate(a["standing_months"])
    ]
    chunks = []
    for meeting, meeting_id, month, who, kind in meetings:
        idx = np.flatnonzero(who)
        date = _day(rng, year, month)
        u = rng.random(idx.size) / np.minimum(risk[idx], 1 / (a[f"{kind}_excused"] + 0.5))
        unexcused = a[f"{kind}_unexcused"]
        status = np.select(
            [u < unexcused, u < unexcused + a[f"{kind}_excused"]], ["缺席", "请假"], "出席"
        )
        chunks.append(
            pd.DataFrame(
                {
                    "member_id": members["member_id"].to_numpy()[idx],
                    "year": year,
                    "meeting_id": meeting_id,
                    "meeting": meeting,
                    "date": pd.Timestamp(date),
                    "status": status,
                }
            )
        )
    return pd.concat(chunks, ignore_index=True)


def _sheqing(
    rng: np.random.Generator, ids: np.ndarray, counts: np.ndarray, cfg: Config, year: int
) -> pd.DataFrame:
    sc = cfg["sheqing"]
    who = np.repeat(np.arange(ids.size), counts)
    month = rng.integers(1, 13, size=who.size)
    title = templated(rng, sc["templates"], pick(rng, sc["issues"], who.size))
    adopted = rng.random(who.size) < sc["adopted_share"]
    instructed = adopted & (rng.random(who.size) < sc["instruction_share"])
    order = np.lexsort((who, month))  # by month, then member
    return pd.DataFrame(
        {
            "info_id": [f"S{year}-{i:04d}" for i in range(1, who.size + 1)],
            "member_id": ids[who[order]],
            "year": year,
            "month": month[order].astype(np.int64),
            "title": title[order],
            "adopted": adopted[order],
            "leader_instruction": instructed[order],
        }
    )


def _consultations(rng: np.random.Generator, cfg: Config, year: int) -> pd.DataFrame:
    cc, pc = cfg["consultations"], cfg["proposals"]
    per_year = cc["per_year"]
    form = rng.permutation(
        np.repeat(np.array(list(per_year), dtype=object), list(per_year.values()))
    )
    n = form.size
    # Meetings between March and November, after the plenary, on working days.
    meeting = np.sort(
        np.busday_offset(
            np.datetime64(f"{year}-03-01") + rng.integers(0, 270, size=n), 0, "forward"
        )
    )

    def offset(days: Sequence[int], sign: int) -> np.ndarray:
        return np.busday_offset(meeting, sign * rng.integers(days[0], days[1] + 1, size=n))

    notice, materials, report = (
        offset(cc["notice_days"], -1),
        offset(cc["materials_days"], -1),
        offset(cc["report_days"], 1),
    )
    category = rng.choice(
        np.array(pc["categories"], dtype=object), size=n, p=pc["category_weights"]
    )
    table = topic_table(cfg)
    has = rng.random((n, len(cc["outputs"]))) < np.array(cc["output_shares"])
    has[~has.any(axis=1), 0] = True
    outputs = np.full(n, "", dtype=object)
    for j, name in enumerate(cc["outputs"]):
        joined = np.where(outputs == "", name, outputs + "、" + name)
        outputs = np.where(has[:, j], joined, outputs)
    return pd.DataFrame(
        {
            "activity_id": [f"C{year}-{i:02d}" for i in range(1, n + 1)],
            "year": year,
            "form": form,
            "category": category,
            "topic": table["topic"][pick_topics(rng, category, table)],
            "topic_source": rng.choice(
                np.array(cc["topic_sources"], dtype=object), size=n, p=cc["topic_source_weights"]
            ),
            "notice_date": pd.to_datetime(notice),
            "materials_date": pd.to_datetime(materials),
            "meeting_date": pd.to_datetime(meeting),
            "report_date": pd.to_datetime(report),
            "outputs": outputs,
            "leader_instruction": rng.random(n) < cc["instruction_share"],
        }
    )


def _activities(
    rng: np.random.Generator,
    ids: np.ndarray,
    counts: np.ndarray,
    consultations: pd.DataFrame,
    year: int,
) -> pd.DataFrame:
    """Activities by kind; each 协商活动 is one of the year's consultation activities."""
    who, kind = _expand(counts)
    month = rng.integers(1, 13, size=who.size)
    activity_id = np.full(who.size, None, dtype=object)
    is_consultation = kind == ACTIVITY_COLUMNS.index("consultation")
    if len(consultations):
        chosen = rng.integers(len(consultations), size=int(is_consultation.sum()))
        activity_id[is_consultation] = consultations["activity_id"].to_numpy(dtype=object)[chosen]
        month[is_consultation] = consultations["meeting_date"].dt.month.to_numpy()[chosen]
    frame = pd.DataFrame(
        {
            "member_id": ids[who],
            "year": year,
            "month": month.astype(np.int64),
            "kind": np.array(list(ACTIVITY_KINDS.values()), dtype=object)[kind],
            "activity_id": activity_id,
        }
    )
    repeated = frame.duplicated(["member_id", "activity_id"]) & frame["activity_id"].notna()
    return frame[~repeated].sort_values(["member_id", "month"], kind="stable", ignore_index=True)
