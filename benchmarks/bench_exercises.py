"""What does one exercise notebook cost to grade? Goal: ≤ 1.5× an empty notebook.

Autograding executes each exercise notebook once per trainee, in a fresh kernel, so
everything it imports is paid once per submission. This runs the instructor
version of every notebook under ``exercises/`` (found by glob: model answers, all
tests including the hidden ones, i.e. what autograde executes for a full-marks
submission) the way nbgrader does: a fresh kernel, the notebook's folder as working
directory, ``NBGRADER_EXECUTION=autograde`` in the environment. The floor is an
empty one-cell notebook run the same way, interleaved with the exercises in the
same run so machine noise hits all alike.

Prints, per notebook, the median and the fastest wall time and their ratios to the
floor. The verdict uses the fastest run (as ``timeit`` does): on a shared 2-core
machine other processes only ever add time, so the minimum is the best estimate
of what the notebook itself costs; the median shows how noisy the run was. The
order of the notebooks is shuffled in every round (seeded), so no notebook always
runs at the same point of a periodic disturbance. Exits 1 if any notebook misses
the goal or fails a test.

    python benchmarks/bench_exercises.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

EXERCISES = Path(__file__).resolve().parent.parent / "exercises"
GOAL_RATIO = 1.5
FLOOR = "(empty notebook)"


def run_once(notebook: nbformat.NotebookNode, cwd: Path) -> float:
    """Execute a copy of ``notebook`` in a fresh kernel in ``cwd``; return seconds."""
    client = NotebookClient(
        notebook.copy(),
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        allow_errors=False,
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per notebook (median)")
    args = parser.parse_args(argv)

    os.environ["NBGRADER_EXECUTION"] = "autograde"  # inherited by every kernel started below
    paths = sorted(EXERCISES.glob("*/*.ipynb"))
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        notebooks: dict[str, tuple[nbformat.NotebookNode, Path]] = {}
        empty = new_notebook()
        empty.cells.append(new_code_cell("pass"))
        notebooks[FLOOR] = (empty, work)
        for path in paths:
            folder = work / path.parent.name
            shutil.copytree(path.parent, folder)  # never run inside the source tree
            notebooks[path.parent.name] = (nbformat.read(path, as_version=4), folder)

        times: dict[str, list[float]] = {name: [] for name in notebooks}
        for notebook, cwd in notebooks.values():  # warm-up: caches, bytecode
            run_once(notebook, cwd)
        order = list(notebooks)
        shuffle = random.Random(0).shuffle
        for _ in range(args.runs):
            shuffle(order)
            for name in order:
                notebook, cwd = notebooks[name]
                times[name].append(run_once(notebook, cwd))

    floor_median, floor_min = statistics.median(times[FLOOR]), min(times[FLOOR])
    print(f"{'notebook':<22}{'median s':>10}{'× floor':>9}{'min s':>9}{'× floor':>9}")
    print(f"{FLOOR:<22}{floor_median:>10.2f}{1.0:>9.2f}{floor_min:>9.2f}{1.0:>9.2f}")
    worst = 0.0
    for name in notebooks:
        if name == FLOOR:
            continue
        median, fastest = statistics.median(times[name]), min(times[name])
        ratio = fastest / floor_min
        worst = max(worst, ratio)
        verdict = "ok" if ratio <= GOAL_RATIO else "SLOW"
        print(
            f"{name:<22}{median:>10.2f}{median / floor_median:>9.2f}"
            f"{fastest:>9.2f}{ratio:>9.2f}  {verdict}"
        )
    print(f"worst_ratio={worst:.2f} goal={GOAL_RATIO} (fastest run vs fastest empty notebook)")
    return 0 if worst <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
