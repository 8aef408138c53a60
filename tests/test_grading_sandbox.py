"""A hostile submission cannot read or change the cohort, nor exceed its limits."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from grading_support import RIGHT, make_cohort, submit

from trainingkit.grading import Limits, grade, read_status
from trainingkit.resources import exercises_dir

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

HOSTILE = """\
import os
import shutil
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
attempt("read_kit_copies", lambda: any(os.listdir(p) for p in {kit_copies!r}) or 1/0)
attempt("write_cohort", lambda: open(root + "/nbgrader_config.py", "a").write("x = 1"))
attempt("delete_cohort", lambda: os.remove(root + "/cohort.toml"))
attempt("memory", lambda: bytearray(1536 * 1024 ** 2))
import socket
attempt("connect_tcp", lambda: socket.create_connection(("127.0.0.1", {port}), timeout=3).close())
attempt("see_grader_pid", lambda: os.stat("/proc/{pid}") and open("/proc/{pid}/cmdline").read())
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


def _kit_copies() -> list[str]:
    """Copies of the instructor's exercises on the import path (an editable install leaves one)."""
    copies = (Path(entry, "trainingkit", "exercises") for entry in sys.path if entry)
    return [str(copy) for copy in copies if copy.is_dir() and any(copy.iterdir())]


@pytest.fixture
def tcp_server():
    """A TCP server on 127.0.0.1 that counts the connections it accepts."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[object] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            accepted.append(connection)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    probe = socket.create_connection(server.getsockname(), timeout=3)  # it does answer
    probe.close()
    yield server.getsockname()[1], accepted
    server.close()
    thread.join(timeout=5)


def test_hostile_submission_fails_every_forbidden_attempt(tmp_path, tcp_server):
    port, accepted = tcp_server
    cohort = make_cohort(tmp_path / "c")
    submit(cohort, "victim", RIGHT)
    code = HOSTILE.format(
        root=str(cohort.root),
        kit_source=str(exercises_dir()),
        kit_copies=_kit_copies(),
        port=port,
        pid=os.getpid(),
    )
    submit(cohort, "hostile", {"add_answer": code, "count_answer": "while True:\n    pass"})
    before = _snapshot(cohort.root)
    connections_before = len(accepted)

    grade(cohort, jobs=2, timeout=3, limits=Limits(memory_mb=1024))

    assert _snapshot(cohort.root) == before
    out = json.loads((cohort.autograded("hostile", "ps1") / "problem.ipynb").read_text("utf-8"))
    text = "".join("".join(o.get("text", "")) for c in out["cells"] for o in c.get("outputs", []))
    forbidden = (
        "read_gradebook",
        "read_source",
        "read_other",
        "read_kit_source",
        "read_kit_copies",
    )
    for name in (*forbidden, "write_cohort", "delete_cohort"):
        assert f"'{name}': 'blocked" in text
    assert "'memory': 'blocked MemoryError'" in text
    # Its own network namespace: 127.0.0.1 is a loopback of its own, nothing listens.
    assert "'connect_tcp': 'blocked ConnectionRefusedError'" in text
    assert len(accepted) == connections_before
    # Its own PID namespace and /proc: the grader's process is not there.
    assert "'see_grader_pid': 'blocked FileNotFoundError'" in text
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


def _path_without_bwrap(folder):
    """PATH with every program it had, except bubblewrap (symlinks in ``folder``)."""
    folder.mkdir()
    for entry in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(entry):
            continue
        for name in os.listdir(entry):
            target = os.path.join(entry, name)
            link = folder / name
            if name != "bwrap" and not link.exists() and os.access(target, os.X_OK):
                link.symlink_to(target)
    return str(folder)


@pytest.mark.skipif(os.geteuid() != 0, reason="bubblewrap is required only as root")
def test_grade_without_bubblewrap_stops_before_the_gradebook(tmp_path):
    from click.testing import CliRunner

    from trainingkit.cli import main

    cohort = make_cohort(tmp_path / "c")
    submit(cohort, "alice", RIGHT)
    before = _snapshot(cohort.root, skip=())
    hidden = _path_without_bwrap(tmp_path / "bin")
    assert shutil.which("bwrap") and not shutil.which("bwrap", path=hidden)

    result = CliRunner().invoke(main, ["grade", "--cohort", str(cohort.root)], env={"PATH": hidden})

    assert result.exit_code == 2, result.output
    assert "bubblewrap" in result.output and "apt-get install bubblewrap" in result.output
    assert "--weak-isolation" in result.output
    assert "Traceback" not in result.output and "批改结果" not in result.output
    assert _snapshot(cohort.root, skip=()) == before  # gradebook and statuses untouched
    assert read_status(cohort.status_file("ps1", "alice")) is None


@pytest.mark.skipif(os.geteuid() != 0, reason="sandbox users exist only as root")
def test_weak_isolation_is_explicit_and_says_when_python_is_unreachable(tmp_path):
    from click.testing import CliRunner

    from trainingkit.cli import main
    from trainingkit.grading.sandbox import unreachable_runtime

    cohort = make_cohort(tmp_path / "c")
    submit(cohort, "alice", RIGHT)
    before = _snapshot(cohort.root, skip=())
    hidden = _path_without_bwrap(tmp_path / "bin")
    command = ["grade", "--weak-isolation", "--cohort", str(cohort.root)]

    result = CliRunner().invoke(main, command, env={"PATH": hidden})

    blocked = unreachable_runtime(bwrap=False)
    if blocked is not None:  # e.g. this machine: python3 is pyenv's, under /root (0700)
        assert result.exit_code == 2, result.output
        assert "沙箱用户读不到 Python 运行环境或课程包" in result.output
        assert str(blocked[0]) in result.output and "/opt/trainingkit" in result.output
        assert _snapshot(cohort.root, skip=()) == before
        assert read_status(cohort.status_file("ps1", "alice")) is None
    else:  # a public Python: graded, with the weaker isolation said out loud
        assert result.exit_code == 0, result.output
        assert "隔离较弱" in result.output
        status = read_status(cohort.status_file("ps1", "alice"))
        assert status is not None and status.score == 5.0


def test_the_zygote_fills_the_review_caches_its_kernels_inherit() -> None:
    # A fresh process, as the zygote is: after the warm-up the rules, the segmenter
    # and the text model are loaded, so a forked kernel's first review costs no load.
    code = (
        "from trainingkit.grading import zygote\n"
        "from trainingkit.review.config import _compiled\n"
        "from trainingkit.review.model import load_model\n"
        "from trainingkit.review.words import _segmenter\n"
        "zygote._warm_review()\n"
        "print(_compiled.cache_info().currsize, load_model.cache_info().currsize,"
        " _segmenter.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2", "1", "1"]
