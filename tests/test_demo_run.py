"""The demo builds the starter cohort end to end (``trainingkit demo --no-lab``)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from demo_support import TRAINEES, demo_cohort, plan, shared_demo, who

from trainingkit.cli import main
from trainingkit.demo.answers import wrong_answer
from trainingkit.demo.plan import plan_trainees
from trainingkit.demo.run import DemoResult, lab_command
from trainingkit.demo.simulate import PROFILES, Question, answer_for, questions
from trainingkit.grading import read_status

EXERCISES = Path(__file__).resolve().parents[1] / "exercises"


@pytest.mark.nbgrader
@pytest.mark.slow
def test_demo_prints_where_every_result_is(tmp_path_factory) -> None:
    workdir, output = shared_demo(tmp_path_factory)
    for step in range(1, 10):
        assert f"[{step}/9]" in output
    for name in ("scores.csv", "scores.xlsx", "progress.xlsx", "report.html"):
        assert str(workdir / "results" / name) in output
        assert (workdir / "results" / name).stat().st_size > 1000
    assert (
        str(workdir / "cohort") in output and (workdir / "course" / "00-getting-started").is_dir()
    )


@pytest.mark.nbgrader
@pytest.mark.slow
def test_every_broken_or_hostile_submission_gets_its_status(tmp_path_factory) -> None:
    cohort = demo_cohort(tmp_path_factory)
    expected = {
        "invalid_json": ({"failed"}, {"invalid_notebook"}),
        "os_exit": ({"failed"}, {"dead_kernel"}),
        "infinite_loop": ({"attention"}, {"timeout"}),
        "deleted_cell": ({"attention"}, {"cells_restored"}),
        # nothing left to grade under the expected name: failed, or graded with a remark
        "renamed": ({"attention", "failed"}, {"missing_notebook", "no_notebook"}),
    }
    for kind, (statuses, codes) in expected.items():
        student, assignment = who(kind)
        recorded = read_status(cohort.status_file(assignment, student))
        assert recorded is not None and recorded.status in statuses, (kind, recorded)
        assert codes & {r.code for r in recorded.reasons}, (kind, recorded)
    student, assignment = who("read_gradebook")
    (graded,) = cohort.autograded(student, assignment).glob("*.ipynb")
    cells = json.loads(graded.read_text(encoding="utf-8"))["cells"]
    printed = "".join("".join(o.get("text", "")) for c in cells for o in c.get("outputs", []))
    assert "读不到" in printed and "读到了" not in printed  # the sandbox hid the cohort


@pytest.mark.nbgrader
@pytest.mark.slow
def test_strong_trainees_score_higher_than_weak_ones(tmp_path_factory) -> None:
    cohort = demo_cohort(tmp_path_factory)
    profile = {p.id: p.profile for p in plan()}
    ratios: dict[str, list[float]] = {"strong": [], "weak": []}
    with cohort.gradebook() as gradebook:
        assert len(gradebook.students) == TRAINEES
        for assignment in gradebook.assignments:
            for submission in assignment.submissions:
                status = read_status(cohort.status_file(assignment.name, submission.student.id))
                kind = profile[submission.student.id]
                if status and status.status == "graded" and kind in ratios:
                    ratios[kind].append(submission.score / submission.max_score)
    assert ratios["strong"] and ratios["weak"]
    assert np.mean(ratios["strong"]) > np.mean(ratios["weak"]) + 0.1


@pytest.mark.nbgrader
@pytest.mark.slow
def test_rerun_reuses_a_finished_demo_and_refuses_a_foreign_folder(
    tmp_path_factory, tmp_path
) -> None:
    workdir, _ = shared_demo(tmp_path_factory)
    again = CliRunner().invoke(main, ["demo", "--no-lab", "--workdir", str(workdir)])
    assert again.exit_code == 0 and "直接使用" in again.output, again.output
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    refused = CliRunner().invoke(main, ["demo", "--no-lab", "--workdir", str(foreign)])
    assert refused.exit_code == 2 and "--workdir" in refused.output
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]


def test_lab_runs_in_the_cohort_with_the_course_reachable(tmp_path) -> None:
    (tmp_path / "course" / "00-getting-started").mkdir(parents=True)
    (tmp_path / "course" / "00-getting-started" / "getting_started.ipynb").write_text("{}")
    result = DemoResult(tmp_path, tmp_path / "cohort")
    command, cwd = lab_command(result)
    assert command[:4] == [sys.executable, "-m", "jupyter", "lab"]
    assert cwd == tmp_path / "cohort"  # formgrader reads nbgrader_config.py from here
    assert f"--ServerApp.root_dir={tmp_path}" in command
    url = "/lab/tree/course/00-getting-started/getting_started.ipynb"
    assert f"--LabApp.default_url={url}" in command
    assert ("--allow-root" in command) == (os.geteuid() == 0)


@pytest.mark.slow
def test_lab_really_opens_on_module_00(tmp_path) -> None:
    start = tmp_path / "course" / "00-getting-started"
    start.mkdir(parents=True)
    (start / "getting_started.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "cohort").mkdir()
    command, cwd = lab_command(DemoResult(tmp_path, tmp_path / "cohort"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command += [f"--ServerApp.port={port}", "--IdentityProvider.token=demo", "--no-browser"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen(command, cwd=cwd, **quiet)
    try:
        location = None
        deadline = time.monotonic() + 90
        while location is None and time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/?token=demo")
                location = connection.getresponse().getheader("Location")
            except OSError:
                time.sleep(0.5)
        assert location is not None, "JupyterLab did not answer"
        assert location.startswith("/lab/tree/course/00-getting-started/getting_started.ipynb")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)


def test_the_plan_is_deterministic_and_mixed() -> None:
    people = plan_trainees(12)
    assert [p.name for p in people] == [p.name for p in plan_trainees(12)]
    assert {p.profile for p in people} == set(PROFILES)
    kinds = [k for p in people for k in p.hostile.values()]
    assert len(kinds) == len(set(kinds)) == 6
    assert all(len(p.hostile) <= 1 for p in people)


@pytest.mark.parametrize(
    "notebook", sorted(EXERCISES.glob("*/*.ipynb")), ids=lambda p: p.parent.name
)
def test_answers_come_from_the_instructor_version_and_wrong_ones_keep_their_shape(notebook) -> None:
    asked = questions(json.loads(notebook.read_text(encoding="utf-8")))
    assert len(asked) >= 4
    rng = np.random.default_rng(0)
    for question in asked:
        assert answer_for(question, rng, p_wrong=0.0) == question.model
        if question.kind == "draft":
            continue
        wrong = wrong_answer(question.kind, question.args, question.model, rng)
        assert wrong != question.model and type(wrong) is type(question.model), question.qid
        if isinstance(question.model, dict):
            assert wrong.keys() == question.model.keys()
        if question.kind == "ordering":
            assert sorted(wrong) == sorted(question.model)


def test_a_question_without_known_options_gets_no_answer() -> None:
    rng = np.random.default_rng(0)
    assert wrong_answer("unknown", (), "x", rng) is None
    assert Question("q", "single_choice", ({"A": "甲"},), "A").model == "A"
