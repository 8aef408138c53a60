"""What does one exercise notebook cost to grade? Goal: ≤ 1.5× an empty notebook.

Autograding executes each exercise notebook once per trainee, in a fresh kernel, so
everything it imports is paid once per submission. This runs the instructor
version of every notebook under ``exercises/`` (found by glob: model answers, all
tests including the hidden ones, i.e. what autograde executes for a full-marks
submission) the way nbgrader does: a fresh kernel, the notebook's folder as working
directory, ``NBGRADER_EXECUTION=autograde`` in the environment. The floor is an
empty one-cell notebook run the same way, interleaved with the exercises in the
same run so machine noise hits all alike.

Prints, per notebook, the median wall time, its ratio to the floor and whether it
meets the goal; exits 1 if any notebook misses it or fails a test.

    python benchmarks/bench_exercises.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
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
        for _ in range(args.runs):
            for name, (notebook, cwd) in notebooks.items():
                times[name].append(run_once(notebook, cwd))

    floor = statistics.median(times[FLOOR])
    print(f"{'notebook':<22}{'median s':>10}{'× floor':>10}  goal ≤ {GOAL_RATIO}×")
    print(f"{FLOOR:<22}{floor:>10.2f}{1.0:>10.2f}")
    worst = 0.0
    for name in notebooks:
        if name == FLOOR:
            continue
        median = statistics.median(times[name])
        ratio = median / floor
        worst = max(worst, ratio)
        verdict = "ok" if ratio <= GOAL_RATIO else "SLOW"
        print(f"{name:<22}{median:>10.2f}{ratio:>10.2f}  {verdict}")
    print(f"worst_ratio={worst:.2f} goal={GOAL_RATIO}")
    return 0 if worst <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
