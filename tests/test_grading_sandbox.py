"""A hostile submission cannot read or change the cohort, nor exceed its limits."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from grading_support import RIGHT, make_cohort, submit

from trainingkit.grading import Limits, grade, read_status
from trainingkit.resources import exercises_dir

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

HOSTILE = """\
import os
results = {{}}
def attempt(name, action):
    try:
        action()
        results[name] = "SUCCEEDED"
    except BaseException as error:
        results[name] = "blocked " + type(error).__name__
root = {root!r}
attempt("read_gradebook", lambda: open(root + "/gradebook.db", "rb").read())
attempt("read_source", lambda: open(root + "/source/ps1/problem.ipynb").read())
attempt("read_other", lambda: open(root + "/submitted/victim/ps1/problem.ipynb").read())
attempt("read_kit_source", lambda: os.listdir({kit_source!r}) or 1/0)
attempt("write_cohort", lambda: open(root + "/nbgrader_config.py", "a").write("x = 1"))
attempt("delete_cohort", lambda: os.remove(root + "/cohort.toml"))
attempt("memory", lambda: bytearray(1536 * 1024 ** 2))
print(results)
def add(a, b):
    return a + b
"""


def _snapshot(root, skip=("autograded", "gradebook.db", ".trainingkit")):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and not str(p.relative_to(root)).startswith(skip)
    }


def test_hostile_submission_fails_every_forbidden_attempt(tmp_path):
    cohort = make_cohort(tmp_path / "c")
    submit(cohort, "victim", RIGHT)
    code = HOSTILE.format(root=str(cohort.root), kit_source=str(exercises_dir()))
    submit(cohort, "hostile", {"add_answer": code, "count_answer": "while True:\n    pass"})
    before = _snapshot(cohort.root)

    grade(cohort, jobs=2, timeout=3, limits=Limits(memory_mb=1024))

    assert _snapshot(cohort.root) == before
    out = json.loads((cohort.autograded("hostile", "ps1") / "problem.ipynb").read_text("utf-8"))
    text = "".join("".join(o.get("text", "")) for c in out["cells"] for o in c.get("outputs", []))
    forbidden = ("read_gradebook", "read_source", "read_other", "read_kit_source")
    for name in (*forbidden, "write_cohort", "delete_cohort"):
        assert f"'{name}': 'blocked" in text
    assert "'memory': 'blocked MemoryError'" in text
    assert "SUCCEEDED" not in text
    status = read_status(cohort.status_file("ps1", "hostile"))
    assert status is not None and {r.code for r in status.reasons} == {"timeout"}
    victim = read_status(cohort.status_file("ps1", "victim"))
    assert victim is not None and victim.score == 5.0


def test_concurrent_runs_claim_different_sandbox_users():
    from trainingkit.grading.sandbox import claim_slots

    first, second = claim_slots(2), claim_slots(2)
    try:
        assert not {slot for slot, _ in first} & {slot for slot, _ in second}
    finally:
        for _, descriptor in first + second:
            os.close(descriptor)
