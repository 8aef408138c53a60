"""Where one graded submission's time goes, phase by phase (serial, in one process).

Builds the grading benchmark's cohort (``bench_grading.build``), then grades its
submissions one after another with the same steps as ``trainingkit grade`` but a
timer around each phase, and prints the median of each phase per submission:

* parent: ``init_assignment`` (student/submission rows, source-file copies), the
  sanitize preprocessors (``OverwriteCells`` … against the gradebook) and the
  notebook written to ``autograded/``;
* worker: the sandbox (scratch folder, copy, chown), the kernel start (forked by
  the zygote), executing the cells, the kernel shut down, the other worker-side
  preprocessors, the sandbox removed (the slot user's processes killed);
* parent: ``SaveAutoGrades``/``AssignLatePenalties``/``CheckCellMetadata`` and the
  write to ``autograded/``, then the lateness read back for the status.

    python benchmarks/profile_grading.py [--assignment 01-duties] [--submissions 12]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_grading import build

from trainingkit.grading import execute, pipeline
from trainingkit.grading.sandbox import Limits, Sandbox
from trainingkit.grading.zygote import Zygote

PHASES: dict[str, list[float]] = defaultdict(list)


def _timed(name: str, function: Any) -> Any:
    def wrapper(*args: Any, **kw: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kw)
        finally:
            PHASES[name].append(time.perf_counter() - started)

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="01-duties")
    parser.add_argument("--submissions", type=int, default=12)
    args = parser.parse_args()
    from nbclient import NotebookClient
    from nbclient.util import run_sync
    from nbconvert.exporters import NotebookExporter
    from nbconvert.preprocessors import ExecutePreprocessor
    from nbgrader.converters import Autograde
    from nbgrader.converters.base import BaseConverter

    # Wrap the phases (class attributes, so every instance is timed).
    Autograde.init_assignment = _timed("parent: init_assignment", Autograde.init_assignment)
    BaseConverter.convert_single_notebook = _timed(
        "parent: sanitize + write", BaseConverter.convert_single_notebook
    )
    NotebookClient.async_start_new_kernel = _async_timed(
        "worker: kernel start", NotebookClient.async_start_new_kernel
    )
    NotebookClient.start_new_kernel_client = run_sync(
        _async_timed("worker: kernel ready", NotebookClient.async_start_new_kernel_client)
    )
    ExecutePreprocessor.preprocess_cell = _timed(
        "worker: execute cells", ExecutePreprocessor.preprocess_cell
    )
    NotebookClient._cleanup_kernel = run_sync(
        _async_timed("worker: kernel shutdown", NotebookClient._async_cleanup_kernel)
    )
    NotebookExporter.from_notebook_node = _timed(
        "(exporter: all preprocessors)", NotebookExporter.from_notebook_node
    )
    Sandbox.populate = _timed("worker: sandbox copy + chown", Sandbox.populate)
    Sandbox.__exit__ = _timed("worker: sandbox removal", Sandbox.__exit__)

    with tempfile.TemporaryDirectory(prefix="profile-grading-") as tmp:
        cohort = build(Path(tmp) / "c", args.assignment, args.submissions)
        config = cohort.nbgrader_config()
        grader = pipeline.SubmissionGrader(cohort, config)
        hidden = (cohort.root, cohort.exchange)
        zygote = Zygote(Sandbox(0, Limits(), hide=hidden))
        total: list[float] = []
        try:
            for _, student in cohort.collected([args.assignment]):
                started = time.perf_counter()
                prepared = _timed("parent: prepare (all)", grader.prepare)(args.assignment, student)
                box = Sandbox(0, Limits(), hide=hidden, parent_dir=zygote.folder).__enter__()
                result = _timed("worker: run_in_sandbox (all)", execute.run_in_sandbox)(
                    box,
                    prepared.folder,
                    prepared.notebooks,
                    config=config,
                    preprocessors=grader.worker_preprocessors,
                    zygote=zygote,
                )
                box.__exit__(None, None, None)
                assert not result.error_kind, result.error_detail
                _timed("parent: finish (all)", grader.finish)(prepared, result.notebooks)
                _timed("parent: lateness", grader.lateness)(args.assignment, student)
                total.append(time.perf_counter() - started)
        finally:
            zygote.close()
    print(f"{args.submissions} submissions of {args.assignment}, medians per submission:")
    for name, values in PHASES.items():
        per = sum(values) / len(total)
        print(f"  {name:34s} {statistics.median(values) * 1000:7.1f} ms per call, "
              f"{per * 1000:7.1f} ms per submission ({len(values)} calls)")  # fmt: skip
    print(f"  {'total':34s} {statistics.median(total) * 1000:7.1f} ms (median)")


def _async_timed(name: str, function: Any) -> Any:
    async def wrapper(*args: Any, **kw: Any) -> Any:
        started = time.perf_counter()
        try:
            return await function(*args, **kw)
        finally:
            PHASES[name].append(time.perf_counter() - started)

    return wrapper


if __name__ == "__main__":
    main()
