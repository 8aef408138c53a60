"""What does one exercise notebook cost to grade? Goal: ≤ 1.5× an empty notebook.

Autograding executes each exercise notebook once per trainee, in a fresh kernel, so
everything it imports is paid once per submission. This runs the instructor
version of every notebook under ``exercises/`` (found by glob: model answers, all
tests including the hidden ones, i.e. what autograde executes for a full-marks
submission) with ``NBGRADER_EXECUTION=autograde`` in the environment, in two ways:

* ``fresh``: the way plain ``nbgrader autograde`` does, a kernel started from
  scratch with the notebook's folder as working directory;
* ``kit``: the way ``trainingkit grade`` does, nbgrader's ``Execute`` in the
  grading sandbox with the kernel forked from the slot's zygote
  (``trainingkit.grading.zygote``), which has imported ipykernel and filled the
  提案体检's caches once for all kernels (``run_in_sandbox``, as a grading worker
  calls it).

The floor is an empty one-cell notebook run the same way, interleaved with the
exercises in the same run so machine noise hits all alike. The goal is the kit's
path (that is what grades a cohort); the fresh path is printed beside it, since it
is what the notebooks cost elsewhere.

Prints, per notebook, the median and the fastest wall time and their ratios to the
floor. The verdict uses the fastest run (as ``timeit`` does): on a shared 2-core
machine other processes only ever add time, so the minimum is the best estimate
of what the notebook itself costs; the median shows how noisy the run was. The
order of the notebooks is shuffled in every round (seeded), so no notebook always
runs at the same point of a periodic disturbance. Exits 1 if any notebook misses
the goal or fails a test.

    python benchmarks/bench_exercises.py [--runs 5] [--path kit|fresh|both]
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def kit_runner() -> Iterator[Callable[[nbformat.NotebookNode, Path], float]]:
    """A function that runs a notebook the way a ``trainingkit grade`` worker does."""
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    from trainingkit.grading.execute import run_in_sandbox
    from trainingkit.grading.preflight import preflight
    from trainingkit.grading.sandbox import Limits, Sandbox, claim_slots

    (slot, lock), *_ = claim_slots(1)
    limits, config = Limits(), Config()
    zygote = preflight(slot, limits, (), config, [Execute])
    try:

        def run(notebook: nbformat.NotebookNode, cwd: Path) -> float:
            with tempfile.TemporaryDirectory() as prepared:
                shutil.copytree(cwd, prepared, dirs_exist_ok=True)
                nbformat.write(notebook, Path(prepared) / "bench.ipynb")
                with Sandbox(slot, limits, parent_dir=zygote.folder) as box:
                    start = time.perf_counter()
                    result = run_in_sandbox(
                        box, Path(prepared), ["bench"], config=config,
                        preprocessors=[Execute], zygote=zygote,
                    )  # fmt: skip
                    seconds = time.perf_counter() - start
            if result.error_kind or "bench" not in result.notebooks:
                raise RuntimeError(f"{result.error_kind}: {result.error_detail}")
            return seconds

        yield run
    finally:
        zygote.close()
        os.close(lock)


def measure(
    run: Callable[[nbformat.NotebookNode, Path], float],
    notebooks: dict[str, tuple[nbformat.NotebookNode, Path]],
    runs: int,
) -> dict[str, list[float]]:
    """Wall times per notebook: one warm-up each, then ``runs`` shuffled rounds."""
    times: dict[str, list[float]] = {name: [] for name in notebooks}
    for notebook, cwd in notebooks.values():  # warm-up: caches, bytecode
        run(notebook, cwd)
    order = list(notebooks)
    shuffle = random.Random(0).shuffle
    for _ in range(runs):
        shuffle(order)
        for name in order:
            notebook, cwd = notebooks[name]
            times[name].append(run(notebook, cwd))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per notebook (median)")
    parser.add_argument(
        "--path", choices=("kit", "fresh", "both"), default="both",
        help="kit: trainingkit grade's sandbox and zygote (the goal); fresh: plain kernels",
    )  # fmt: skip
    args = parser.parse_args(argv)

    os.environ["NBGRADER_EXECUTION"] = "autograde"  # inherited by every kernel started below
    paths = sorted(EXERCISES.glob("*/*.ipynb"))
    worst: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        notebooks: dict[str, tuple[nbformat.NotebookNode, Path]] = {}
        empty = new_notebook()
        empty.cells.append(new_code_cell("pass"))
        empty.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        (work / "floor").mkdir()
        notebooks[FLOOR] = (empty, work / "floor")
        for path in paths:
            folder = work / path.parent.name
            shutil.copytree(path.parent, folder)  # never run inside the source tree
            (folder / path.name).unlink()  # the kit's runner writes the notebook itself
            notebooks[path.parent.name] = (nbformat.read(path, as_version=4), folder)

        if args.path in ("kit", "both"):
            from trainingkit.grading.preflight import SandboxUnavailable

            try:
                with kit_runner() as run:
                    print("kit: trainingkit grade's way (sandbox, kernel forked from the zygote)")
                    worst["kit"] = report(measure(run, notebooks, args.runs))
            except SandboxUnavailable as error:  # e.g. root without bubblewrap
                print(f"kit: not measured here: {error}")
                if args.path == "kit":
                    return 1
        if args.path in ("fresh", "both"):
            print("fresh: plain nbgrader's way (a kernel started from scratch)")
            worst["fresh"] = report(measure(run_once, notebooks, args.runs))
    verdict = worst.get("kit", worst.get("fresh", 0.0))
    print(
        " ".join(f"worst_ratio_{path}={ratio:.2f}" for path, ratio in worst.items()),
        f"goal={GOAL_RATIO} (fastest run vs fastest empty notebook; the goal is the kit's path)",
    )
    return 0 if verdict <= GOAL_RATIO else 1


def report(times: dict[str, list[float]]) -> float:
    """Print the table of one path; return its worst ratio (fastest vs fastest floor)."""
    floor_median, floor_min = statistics.median(times[FLOOR]), min(times[FLOOR])
    print(f"{'notebook':<22}{'median s':>10}{'× floor':>9}{'min s':>9}{'× floor':>9}")
    print(f"{FLOOR:<22}{floor_median:>10.2f}{1.0:>9.2f}{floor_min:>9.2f}{1.0:>9.2f}")
    worst = 0.0
    for name in times:
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
    return worst


if __name__ == "__main__":
    sys.exit(main())
