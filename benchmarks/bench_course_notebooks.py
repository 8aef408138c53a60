"""How long does each course notebook take to run? Target: ≤ 8 s each here.

Every notebook under ``course/`` (found by glob, so none is left out) is executed
top to bottom in a fresh kernel through nbclient, the way the test suite and a
trainee's "Run All" do. The floor is an empty one-cell notebook in a fresh kernel
(kernel start-up and shutdown), timed in the same run and interleaved with the
course notebooks so machine noise hits all alike.

Prints, per notebook, the median wall time, its ratio to the floor and whether it
meets the 8-second target; exits 1 if any notebook misses it.

    python benchmarks/bench_course_notebooks.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

COURSE = Path(__file__).resolve().parent.parent / "course"
TARGET_SECONDS = 8.0
FLOOR = "(empty notebook)"


def course_notebooks() -> list[Path]:
    """All course notebooks, sorted (checkpoints excluded)."""
    return sorted(p for p in COURSE.glob("**/*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def empty_notebook() -> nbformat.NotebookNode:
    """A one-cell notebook that does nothing: the cost of a fresh kernel."""
    notebook = new_notebook()
    notebook.cells.append(new_code_cell("pass"))
    return notebook


def run_once(notebook: nbformat.NotebookNode, cwd: Path) -> float:
    """Execute ``notebook`` in a fresh kernel; return the wall time in seconds."""
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per notebook (median)")
    args = parser.parse_args(argv)

    paths = course_notebooks()
    if not paths:
        print(f"no notebooks under {COURSE}", file=sys.stderr)
        return 1
    times: dict[str, list[float]] = {FLOOR: []}
    times.update({str(p.relative_to(COURSE)): [] for p in paths})
    for _ in range(args.runs):
        times[FLOOR].append(run_once(empty_notebook(), COURSE))
        for path in paths:
            notebook = nbformat.read(path, as_version=4)
            times[str(path.relative_to(COURSE))].append(run_once(notebook, path.parent))

    floor = statistics.median(times[FLOOR])
    width = max(len(name) for name in times)
    print(f"{'notebook':<{width}}  median s  × floor  ≤ {TARGET_SECONDS:g} s")
    missed = 0
    for name, samples in times.items():
        median = statistics.median(samples)
        ok = median <= TARGET_SECONDS
        missed += 0 if ok or name == FLOOR else 1
        verdict = "" if name == FLOOR else ("yes" if ok else "NO")
        print(f"{name:<{width}}  {median:8.2f}  {median / floor:7.2f}  {verdict}")
    print(f"{args.runs} run(s) each; floor = fresh kernel + one empty cell")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
