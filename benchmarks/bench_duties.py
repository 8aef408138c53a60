"""How fast are duty compliance and assessment on a 2,000-member year?

Builds a synthetic 2,000-member duty summary (numpy, fixed seed; counts only,
not a plausible committee) and times, in the same run and interleaved:

- a baseline: one trivial pandas operation (a groupby mean over the count columns),
- ``evaluate_compliance`` with each built-in rule set and the Tianshui contact rule,
- ``assess`` with the Jinan 2015 and Tongcheng 2019 schemes.

It prints medians, ratios to the baseline, and whether compliance plus the
slower assessment stay "well under a second" (target: ≤ 0.25 s together).

    python benchmarks/bench_duties.py [--members 2000] [--runs 15]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import numpy as np
import pandas as pd
from _timing import median_seconds

from trainingkit.duties.evaluate import assess, evaluate_compliance
from trainingkit.duties.rule_files import builtin_rule_sets, load_contact_rule, load_scheme
from trainingkit.duties.summary import ACTIVITY_COLUMNS, COUNT_COLUMNS, IDENTITY_COLUMNS

TARGET_S = 0.25


def synthetic_summary(members: int, seed: int = 0) -> pd.DataFrame:
    """A duty summary with Poisson counts (synthetic numbers for timing only)."""
    rng = np.random.default_rng(seed)
    counts = {column: rng.poisson(1.5, members) for column in COUNT_COLUMNS}
    counts["plenary_attended"] = (rng.random(members) < 0.9).astype(int)
    counts["plenary_excused"] = (1 - counts["plenary_attended"]) * (rng.random(members) < 0.7)
    counts["plenary_unexcused"] = 1 - counts["plenary_attended"] - counts["plenary_excused"]
    counts["activities_total"] = sum(counts[c] for c in ACTIVITY_COLUMNS)
    counts["contact_people"] = rng.poisson(50, members)
    identity = {
        "member_id": [f"m{i:05d}" for i in range(members)],
        "name": [f"委员{i}" for i in range(members)],
        "sector": rng.choice(["经济", "教育", "农业", "医药卫生"], members),
        "role": np.where(rng.random(members) < 0.2, "常委", "委员"),
        "year": 2025,
    }
    return pd.DataFrame(identity | counts)[[*IDENTITY_COLUMNS, *COUNT_COLUMNS]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    summary = synthetic_summary(args.members)
    tianshui = load_contact_rule("tianshui")
    cases: dict[str, Callable[[], object]] = {
        "baseline: groupby mean": lambda: summary.groupby("sector")[list(COUNT_COLUMNS)].mean()
    }
    for rule_id, rule_set in builtin_rule_sets().items():
        cases[f"compliance {rule_id}"] = lambda r=rule_set: evaluate_compliance(
            summary, r, tianshui
        )
    for scheme in map(load_scheme, ("jinan_2015", "tongcheng_2019")):
        cases[f"assess {scheme.id}"] = lambda s=scheme: assess(summary, s)
    for function in cases.values():  # warm up imports and caches
        function()
    medians = {name: median_seconds(function, args.runs) for name, function in cases.items()}
    baseline = medians["baseline: groupby mean"]
    print(f"{args.members} members, median of {args.runs} runs")
    print(f"{'case':40} {'median ms':>10} {'× baseline':>11}")
    for name, median in medians.items():
        print(f"{name:40} {median * 1000:10.1f} {median / baseline:11.1f}")
    compliance = max(v for k, v in medians.items() if k.startswith("compliance"))
    assessment = max(v for k, v in medians.items() if k.startswith("assess"))
    total = compliance + assessment
    verdict = "true" if total <= TARGET_S else "false"
    print(
        f"compliance_plus_assess_s={total:.3f} ratio_to_baseline={total / baseline:.1f} "
        f"target_s={TARGET_S} ok={verdict}"
    )


if __name__ == "__main__":
    main()
