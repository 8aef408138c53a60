"""How much does ``import trainingkit`` add to a bare interpreter start?

Runs ``python -c pass`` and ``python -c "import trainingkit"`` alternately in the
same run and reports medians and the difference. Target: the import itself
(the difference) ≤ 0.15 s.

    python benchmarks/bench_import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

MODULES = ("trainingkit", "trainingkit.checks", "trainingkit.review", "trainingkit.exercise.sheet")


def _time(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"{'statement':40} {'median s':>9} {'import s':>9} {'× bare':>7}")
    targets = ["pass", *(f"import {m}" for m in MODULES)]
    samples: dict[str, list[float]] = {code: [] for code in targets}
    for _ in range(args.runs):
        for code in targets:  # interleaved, so machine noise hits all alike
            try:
                samples[code].append(_time(code))
            except subprocess.CalledProcessError:
                samples[code].append(float("nan"))
    bare = statistics.median(samples["pass"])
    for code in targets:
        median = statistics.median(samples[code])
        print(f"{code:40} {median:9.3f} {median - bare:9.3f} {median / bare:7.2f}")
    extra = statistics.median(samples["import trainingkit"]) - bare
    verdict = "true" if extra <= 0.15 else "false"
    print(f"import_trainingkit_s={extra:.3f} target_s=0.150 ok={verdict}")


if __name__ == "__main__":
    main()
