"""How fast is the synthetic committee? Target: the default committee-year ≤ 1 s.

Times, interleaved in one run so machine noise hits all alike:

- baseline: building pandas DataFrames of about the same total size from NumPy
  random arrays (what any vectorised generator must at least pay);
- ``generate_committee()`` (300 members, one year) and with 2,000 members;
- ``duty_summary()`` over each.

Reports medians in seconds and as a ratio to the baseline.

    python benchmarks/bench_data.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from trainingkit.duties.summary import duty_summary
from trainingkit.synthetic.committee import Committee, generate_committee


def _baseline(rows: int) -> Callable[[], object]:
    """Build frames with ``rows`` rows in all: ints, a string id and a category."""

    def build() -> object:
        rng = np.random.default_rng(0)
        ids = np.array([f"M{i:04d}" for i in range(300)], dtype=object)
        return pd.DataFrame(
            {
                "member_id": ids[rng.integers(300, size=rows)],
                "year": 2025,
                "month": rng.integers(1, 13, size=rows),
                "kind": rng.choice(np.array(["调研", "视察", "学习培训"], dtype=object), rows),
                "people": rng.poisson(6, size=rows),
            }
        )

    return build


def _rows(committee: Committee) -> int:
    return sum(len(frame) for frame in committee.frames().values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    default, large = generate_committee(), generate_committee(2000)  # also warms the config cache
    targets: dict[str, Callable[[], object]] = {
        f"baseline DataFrame ({_rows(default)} rows)": _baseline(_rows(default)),
        "generate_committee() 300 × 1 year": generate_committee,
        "duty_summary(300 × 1 year)": lambda: duty_summary(default),
        "generate_committee(2000) × 1 year": lambda: generate_committee(2000),
        "duty_summary(2000 × 1 year)": lambda: duty_summary(large),
    }
    samples: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(args.runs):
        for name, call in targets.items():
            start = time.perf_counter()
            call()
            samples[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(times) for name, times in samples.items()}
    baseline = next(iter(medians.values()))
    print(f"{'call':40} {'median s':>9} {'× baseline':>11}")
    for name, median in medians.items():
        print(f"{name:40} {median:9.4f} {median / baseline:11.1f}")
    generate = medians["generate_committee() 300 × 1 year"]
    verdict = "true" if generate <= 1.0 else "false"
    print(
        f"generate_committee_s={generate:.3f} ratio_to_baseline={generate / baseline:.1f} "
        f"target_s=1.000 ok={verdict}"
    )


if __name__ == "__main__":
    main()
