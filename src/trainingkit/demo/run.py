"""``trainingkit demo``: a whole cohort cycle on synthetic trainees (虚构示例).

The steps, in order (each needs the one before):

1. ``init``: a cohort in ``WORKDIR/cohort`` on the embedded SQLite gradebook;
2. ``roster``: synthetic trainees (names, 界别, 单位 from `trainingkit.synthetic.committee`);
3. ``release``: every exercise, with a four-day schedule of due dates;
4. ``submit``: each trainee fetches into ``WORKDIR/homes/<id>``, answers (strong,
   average, weak; some late, some missing) and submits through the exchange; a
   few submissions are broken or hostile (`trainingkit.demo.simulate.HOSTILE`);
5. ``collect``, 6. ``grade`` (parallel, sandboxed), 7. ``feedback`` (released and
   fetched back into the homes), 8. ``export`` (CSV and Excel), 9. ``report``.

Rerunning into a workdir that holds a finished demo reuses it (nothing is
rebuilt; the results are listed again). A workdir that exists but holds no
finished demo is refused: delete it or choose another ``--workdir``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from trainingkit.cohort.directory import Cohort, CohortError
from trainingkit.demo.plan import DemoTrainee, plan_trainees, schedule
from trainingkit.resources import course_dir, template_path

__all__ = ["DemoResult", "run_demo"]

_DONE = "demo-finished.json"
Say = Callable[[str], None]
Progress = Callable[[str, int, int], None]


@dataclass
class DemoResult:
    """Where everything is after the demo, and how grading went."""

    workdir: Path
    cohort: Path
    files: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)
    reused: bool = False

    def to_json(self) -> str:
        """The result as JSON (kept in the workdir to recognise a finished demo)."""
        data = {"workdir": str(self.workdir), "cohort": str(self.cohort), "files": self.files,
                "notes": self.notes, "attention": self.attention}  # fmt: skip
        return json.dumps(data, ensure_ascii=False, indent=1)


def lab_command(result: DemoResult) -> tuple[list[str], Path]:
    """The ``jupyter lab`` command for a finished demo, and the folder to run it in.

    It runs in the cohort directory, so formgrader reads the cohort's
    ``nbgrader_config.py`` (nbgrader loads it from the working directory); Lab's
    root is the workdir, so the cohort, the lessons (``course/``) and the trainees'
    homes are all reachable, and it opens module 00's notebook.
    """
    command = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={result.workdir}",
               "--ServerApp.ip=127.0.0.1"]  # fmt: skip
    start = result.workdir / "course" / "00-getting-started"
    if start.is_dir():  # open module 00 itself, not just its folder
        first = min(start.glob("*.ipynb"), default=start)
        url = "/lab/tree/" + first.relative_to(result.workdir).as_posix()
        command.append(f"--LabApp.default_url={url}")
    # Lab in Chinese and without the news pop-up: the kit's settings overrides
    # (JupyterLab reads overrides.json from its app settings folder).
    settings = result.workdir / "lab-settings"
    settings.mkdir(parents=True, exist_ok=True)
    overrides = template_path("lab_overrides.json").read_text(encoding="utf-8")
    (settings / "overrides.json").write_text(overrides, encoding="utf-8")
    command.append(f"--LabApp.app_settings_dir={settings}")
    if os.geteuid() == 0:
        command.append("--allow-root")
    return command, result.cohort


def run_demo(
    workdir: str | Path,
    *,
    trainees: int = 12,
    seed: int = 2026,
    jobs: int | None = None,
    timeout: int = 10,
    say: Say = print,
    progress: Progress | None = None,
) -> DemoResult:
    """Run every step in ``workdir``: init, roster, release, submit, collect, grade,
    feedback, export, report.

    Raises:
        CohortError: bad arguments, or ``workdir`` exists without a finished demo.
    """
    workdir = Path(workdir).resolve()
    if trainees < 1 or trainees > 200:
        raise CohortError("学员人数应在 1 到 200 之间。\n--trainees must be between 1 and 200.")
    finished = workdir / _DONE
    if finished.is_file():
        data = json.loads(finished.read_text(encoding="utf-8"))
        return DemoResult(workdir, Path(data["cohort"]), data["files"], data["notes"],
                          data["attention"], reused=True)  # fmt: skip
    if workdir.exists() and any(workdir.iterdir()):
        raise CohortError(
            f"目录 {workdir} 已存在，但里面不是一次完成的演示。"
            "请删除它，或用 --workdir 换一个目录。\n"
            f"{workdir} exists but holds no finished demo; delete it or pass another --workdir."
        )
    people = plan_trainees(trainees, seed=seed)
    result = _build(workdir, people, seed=seed, jobs=jobs, timeout=timeout, say=say,
                    progress=progress)  # fmt: skip
    finished.write_text(result.to_json() + "\n", encoding="utf-8")
    return result


def _build(workdir: Path, people: list[DemoTrainee], *, seed: int, jobs: int | None,
           timeout: int, say: Say, progress: Progress | None) -> DemoResult:  # fmt: skip
    from trainingkit.cohort.assignments import collect, release
    from trainingkit.cohort.roster import import_roster
    from trainingkit.grading import grade
    from trainingkit.grading.feedback import generate_feedback
    from trainingkit.reporting.export import export_scores
    from trainingkit.reporting.progress import export_progress
    from trainingkit.reporting.report import write_report

    results = workdir / "results"
    results.mkdir(parents=True)
    shutil.copytree(course_dir(), workdir / "course", ignore=shutil.ignore_patterns(".*"))
    say(f"[1/9] 建立培训班 init → {workdir / 'cohort'}")
    title = "新任委员履职培训班（演示，虚构示例）"
    cohort = Cohort.init(workdir / "cohort", name="demo", title=title, timeout=timeout)
    say(f"[2/9] 导入 {len(people)} 名虚构学员 roster")
    roster = workdir / "roster.csv"
    lines = ["账号,姓名,界别,单位"] + [f"{p.id},{p.name},{p.sector},{p.unit}" for p in people]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_roster(cohort, roster)
    say("[3/9] 发布练习 release（四天课程，每天一个截止时间）")
    due = schedule(cohort.assignments())
    cohort.schedule_file.write_text(
        "".join(f'"{a}" = "{d}"\n' for a, d in due.items()), encoding="utf-8"
    )
    release(cohort)
    say("[4/9] 虚构学员领取、作答、提交 submit（含几份损坏或恶意的提交）")
    notes = _submit_all(cohort, workdir / "homes", people, seed=seed)
    say("[5/9] 收取提交 collect")
    collect(cohort)
    say("[6/9] 并行批改 grade")
    run = grade(cohort, jobs=jobs, progress=progress)
    say(f"      {run.isolation}")
    say("[7/9] 生成并发布反馈 feedback")
    feedback = generate_feedback(cohort, progress=progress)
    _fetch_feedback_all(
        cohort, workdir / "homes", [(r.student, r.assignment) for r in feedback.released]
    )
    say("[8/9] 导出成绩 export")
    files = {
        "cohort": str(cohort.root),
        "scores_csv": str(export_scores(cohort, fmt="csv", output=results / "scores.csv")),
        "scores_xlsx": str(export_scores(cohort, fmt="xlsx", output=results / "scores.xlsx")),
        "progress_xlsx": str(
            export_progress(cohort, results / "progress.xlsx", homes=workdir / "homes")
        ),
        "feedback": str(cohort.path("feedback")),
        "homes": str(workdir / "homes"),
    }
    say("[9/9] 生成报告 report")
    files["report"] = str(write_report(cohort, results / "report.html", homes=workdir / "homes"))
    attention = [f"{s.assignment}/{s.student}：" + "；".join(r.message for r in s.reasons)
                  for s in run.statuses if s.status == "failed"]  # fmt: skip
    return DemoResult(workdir, cohort.root, files, notes, attention)


def _submit_all(cohort: Cohort, homes: Path, people: list[DemoTrainee], *, seed: int) -> list[str]:
    import numpy as np

    from trainingkit.cohort.assignments import parse_due
    from trainingkit.demo.simulate import answers_for, fetch, questions, submit

    rng = np.random.default_rng(seed)
    due = {a: parse_due(d) for a, d in schedule(cohort.assignments()).items()}  # naive UTC
    notes = []
    for assignment in cohort.assignments():
        (source,) = sorted(cohort.source(assignment).glob("*.ipynb"))
        asked = questions(json.loads(source.read_text(encoding="utf-8")))
        for person in people:
            if assignment in person.not_fetched:
                continue
            folder = fetch(cohort, person.id, assignment, homes / person.id)
            if assignment in person.not_submitted:
                continue
            answers = answers_for(asked, person.profile, rng)
            (folder / "answers.json").write_text(
                json.dumps(answers, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            kind = person.hostile.get(assignment)
            if kind:
                notes.append(_make_hostile(kind, folder, cohort))
            minutes = int(rng.integers(30, 600))
            at = due[assignment] + (timedelta(hours=3) if assignment in person.late
                                     else -timedelta(minutes=minutes))  # fmt: skip
            submit(cohort, person.id, assignment, homes / person.id, at)
    return notes


def _make_hostile(kind: str, folder: Path, cohort: Cohort) -> str:
    from trainingkit.demo.simulate import HOSTILE, hostile_edit

    (notebook,) = sorted(folder.glob("*.ipynb"))
    if kind == "invalid_json":
        notebook.write_text('{"cells": [ 这不是笔记本', encoding="utf-8")
    elif kind == "renamed":
        notebook.rename(folder / "我的答案.ipynb")
    else:
        edited: Any = hostile_edit(kind, json.loads(notebook.read_text(encoding="utf-8")),
                                   cohort_root=str(cohort.root))  # fmt: skip
        notebook.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    return f"{folder.parent.name}/{folder.name}：{HOSTILE[kind]}"


def _fetch_feedback_all(cohort: Cohort, homes: Path, pairs: list[tuple[str, str]]) -> None:
    from trainingkit.demo.simulate import fetch_feedback

    for student, assignment in pairs:
        fetch_feedback(cohort, student, assignment, homes / student)
