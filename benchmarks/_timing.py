"""Timing shared by the benchmark scripts (imported as ``_timing``: scripts run from here).

Speed is never a pass/fail test; each script compares against a baseline timed in
the same run with this helper.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

__all__ = ["median_seconds"]


def median_seconds(function: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``function``, in seconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)
