"""``trainingkit grade`` against plain ``nbgrader autograde`` on the same 40 submissions.

Builds one cohort on a kit exercise (default ``01-duties``), writes 40 synthetic
submissions (虚构示例: every second one is the instructor version, i.e. full
marks, the others the released version, i.e. no answers), copies the cohort, then
in one run:

* the floor: an empty one-cell notebook in a fresh kernel (median of 3);
* ``nbgrader autograde ASSIGNMENT`` in one copy (serial, one command);
* ``trainingkit grade ASSIGNMENT`` in the other (default jobs, sandboxed), and
  with ``--jobs`` = cores in a third copy;

and compares every grade cell's score in the two gradebooks. Prints each
submission's wall time (from the status files) against the floor, then
``speedup_vs_nbgrader=X.XX scores_identical=true|false``. Goal: ≥ 3 on 2 cores
(stretch 4).

With ``--scale 400`` (or ``TK_BENCH_SCALE=400``) it also grades a cohort of 400
submissions with ``trainingkit grade`` alone (about two minutes here), prints the
seconds per submission at both sizes and ``per_submission_ratio_400_vs_40=X.XX``.
Goal: ≤ 1.2, i.e. no gradebook query or file scan that grows with the cohort.

    python benchmarks/bench_grading.py [--assignment 01-duties] [--submissions 40] [--scale 400]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from trainingkit.cohort.assignments import release
from trainingkit.cohort.directory import Cohort
from trainingkit.grading.execute import default_jobs

BIN = Path(sys.executable).parent


def floor_seconds(workdir: Path) -> float:
    """Median wall time of an empty notebook in a fresh kernel."""
    times = []
    for _ in range(3):
        nb = new_notebook(cells=[new_code_cell("pass")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        started = time.perf_counter()
        NotebookClient(nb, resources={"metadata": {"path": str(workdir)}}).execute()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def build(root: Path, assignment: str, count: int) -> Cohort:
    """A cohort with ``count`` collected submissions of ``assignment``."""
    cohort = Cohort.init(root, name="bench")
    release(cohort, [assignment])
    source, released = cohort.source(assignment), cohort.release(assignment)
    for index in range(count):
        folder = cohort.submitted(f"b{index:02d}", assignment)
        shutil.copytree(source if index % 2 == 0 else released, folder)
        (folder / "timestamp.txt").write_text("2026-11-28 09:00:00.000000 UTC")
    return cohort


def scores(cohort: Cohort, assignment: str) -> dict[str, float | None]:
    """``student/notebook/grade_id`` → auto score."""
    result: dict[str, float | None] = {}
    with cohort.gradebook() as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    key = f"{submission.student.id}/{notebook.name}/{grade.name}"
                    result[key] = grade.auto_score
    return result


def timed(command: list[str], cwd: Path) -> float:
    """Wall time of ``command``; a failed command stops the benchmark (no figure from it)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, check=False, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="01-duties")
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument(
        "--scale",
        type=int,
        default=int(os.environ.get("TK_BENCH_SCALE", "0")),
        help="also grade this many submissions (trainingkit only); 0 = skip",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        base = Path(tmp)
        ours = build(base / "ours", args.assignment, args.submissions)
        shutil.copytree(ours.root, base / "theirs")
        shutil.copytree(ours.root, base / "wide")
        theirs = Cohort.open(base / "theirs")
        floor = floor_seconds(base)
        # The cohort's config makes plain `nbgrader autograde` refuse (formgrader's button
        # must not run trainees' code unsandboxed, grading/guard.py); the baseline puts
        # nbgrader's own exporter back on the command line, which wins over the file.
        baseline = [str(BIN / "nbgrader"), "autograde", args.assignment,
                    "--Autograde.exporter_class=nbconvert.exporters.NotebookExporter"]  # fmt: skip
        nbgrader_s = timed(baseline, theirs.root)
        command = [str(BIN / "trainingkit"), "grade", args.assignment, "--cohort", str(ours.root)]
        ours_s = timed(command, base)
        # The same with one slot per core (the default is two, see default_jobs).
        wide_jobs = os.cpu_count() or 1
        wide_s = timed([*command[:-1], str(base / "wide"), "--jobs", str(wide_jobs)], base)
        wide_scores = scores(Cohort.open(base / "wide"), args.assignment)
        ours_scores, their_scores = scores(ours, args.assignment), scores(theirs, args.assignment)
        identical = bool(ours_scores) and ours_scores == their_scores == wide_scores
        print(f"floor (empty notebook, fresh kernel): {floor:.2f} s")
        for path in sorted((ours.state_dir / "grading" / args.assignment).glob("*.json")):
            status = json.loads(path.read_text(encoding="utf-8"))
            seconds = status["seconds"]
            reasons = "; ".join(r["message"] for r in status["reasons"])
            print(f"  {status['student']}: {seconds:.2f} s = {seconds / floor:.2f}× floor "
                  f"({status['status']}{': ' + reasons if reasons else ''})")  # fmt: skip
        print(f"nbgrader autograde (serial): {nbgrader_s:.1f} s "
              f"({nbgrader_s / args.submissions:.2f} s per submission)")  # fmt: skip
        print(f"trainingkit grade (default jobs={default_jobs()}): {ours_s:.1f} s")
        print(f"trainingkit grade --jobs {wide_jobs}: {wide_s:.1f} s, "
              f"speedup {nbgrader_s / wide_s:.2f}")  # fmt: skip
        print(f"grade cells compared: {len(ours_scores)}")
        for key in sorted(set(ours_scores) | set(their_scores)):
            mine, theirs_score = ours_scores.get(key), their_scores.get(key)
            if mine != theirs_score:
                print(f"  differs: {key}: ours {mine}, nbgrader {theirs_score}")
        flag = str(identical).lower()
        print(f"speedup_vs_nbgrader={nbgrader_s / ours_s:.2f} scores_identical={flag}")
        if args.scale:
            per_small = ours_s / args.submissions
            big = build(base / "scale", args.assignment, args.scale)
            big_s = timed([*command[:-1], str(big.root)], base)
            graded = len(list((big.state_dir / "grading" / args.assignment).glob("*.json")))
            per_big = big_s / args.scale
            print(f"trainingkit grade, {args.submissions} submissions: {per_small:.3f} s each")
            print(f"trainingkit grade, {args.scale} submissions: {big_s:.1f} s, "
                  f"{per_big:.3f} s each ({graded} status files)")  # fmt: skip
            ratio = per_big / per_small
            print(f"per_submission_ratio_{args.scale}_vs_{args.submissions}={ratio:.2f}")


if __name__ == "__main__":
    main()
