"""Who the demo's synthetic trainees are and what each of them does (虚构示例).

`plan_trainees` draws names, 界别 and 单位 from the synthetic committee of
`trainingkit.synthetic.committee` and gives each trainee a profile (strong, average, weak), and
to a few of them a broken or hostile submission, a late one, or a missing one.
The plan depends only on the number of trainees and the seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["COURSE_START", "DemoTrainee", "plan_trainees", "schedule"]

#: First due date of the demo's four-day course (Beijing time; 虚构示例).
COURSE_START = (2026, 12, 1)
_HOSTILE_ORDER = ("invalid_json", "os_exit", "renamed", "infinite_loop", "deleted_cell",
                  "read_gradebook")  # fmt: skip


@dataclass
class DemoTrainee:
    """One synthetic trainee and what they do with each assignment (by index)."""

    id: str
    name: str
    sector: str
    unit: str
    profile: str
    hostile: dict[str, str] = field(default_factory=dict)
    late: set[str] = field(default_factory=set)
    not_submitted: set[str] = field(default_factory=set)
    not_fetched: set[str] = field(default_factory=set)


def schedule(assignments: list[str]) -> dict[str, str]:
    """One due date a day at 18:00 Beijing time, in assignment order."""
    year, month, day = COURSE_START
    return {a: f"{year}-{month:02d}-{day + i:02d} 18:00" for i, a in enumerate(assignments)}


def plan_trainees(
    n: int, *, seed: int = 2026, assignments: list[str] | None = None
) -> list[DemoTrainee]:
    """``n`` trainees: about 30 % strong, 40 % average, 30 % weak, with a few incidents.

    One broken or hostile submission per trainee, spread over the assignments, for
    up to six trainees (fewer when ``n`` is small, so that most stay normal); one
    late submission; one trainee who fetched the last assignment but did not submit
    it, and one who never fetched it.
    """
    import numpy as np

    from trainingkit.resources import exercises_dir
    from trainingkit.synthetic.committee import generate_committee

    ids = list(assignments or sorted(p.name for p in exercises_dir().iterdir() if p.is_dir()))
    rng = np.random.default_rng(seed)
    members = generate_committee(n_members=max(n, 12), seed=seed).members.head(n)
    strong, average = round(n * 0.3), round(n * 0.4)
    profiles = ["strong"] * strong + ["average"] * average + ["weak"] * (n - strong - average)
    people = [
        DemoTrainee(f"t{i + 1:02d}", str(m.name), str(m.sector), str(m.unit), profiles[i])
        for i, m in enumerate(members.itertuples())
    ]
    order = list(rng.permutation(n))
    incidents = min(len(_HOSTILE_ORDER), max(n - 2, 0) if n < 8 else len(_HOSTILE_ORDER))
    for k in range(incidents):
        people[int(order[k])].hostile[ids[k % len(ids)]] = _HOSTILE_ORDER[k]
    if n >= 2:
        people[int(order[-1])].late.add(ids[0])
        people[int(order[-2])].not_submitted.add(ids[-1])
    if n >= 3:
        people[int(order[-3])].not_fetched.add(ids[-1])
    return people
