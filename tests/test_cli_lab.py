"""``trainingkit lab`` opens formgrader on the cohort, and its Autograde button refuses.

The Autograde request goes to formgrader's own handler in a real Jupyter server
started by ``trainingkit lab``; the refusal comes from the cohort's
``nbgrader_config.py``, so plain ``nbgrader autograde`` refuses the same way.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from grading_support import RIGHT, make_cohort, submit

from trainingkit.grading import grade

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _request(url: str, token: str, method: str = "GET") -> dict:
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    request.add_header("Authorization", f"token {token}")
    with urllib.request.urlopen(request, timeout=120) as reply:
        return json.loads(reply.read().decode())


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    cohort = make_cohort(tmp_path_factory.mktemp("lab") / "cohort")
    submit(cohort, "t1", RIGHT)
    grade(cohort, jobs=1)
    return cohort


def test_lab_serves_formgrader_on_the_cohort_and_autograde_refuses(graded, tmp_path):
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_PLATFORM_DIRS="1",
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))  # fmt: skip
    command = [sys.executable, "-m", "trainingkit", "lab", "--no-browser", "--cohort",
               str(graded.root)]  # fmt: skip
    log = (tmp_path / "lab.log").open("w+b")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                               cwd=tmp_path, start_new_session=True)  # fmt: skip
    try:
        deadline, url = time.monotonic() + 90, None
        while url is None and time.monotonic() < deadline:
            text = (tmp_path / "lab.log").read_text(encoding="utf-8", errors="replace")
            found = re.search(r"(http://127\.0\.0\.1:\d+)/formgrader\?token=(\S+)", text)
            url = found and (found.group(1), found.group(2))
            time.sleep(0.2)
        assert url, (tmp_path / "lab.log").read_text()
        base, token = url
        printed = (tmp_path / "lab.log").read_text()
        assert "Ctrl+C" in printed and "trainingkit grade" in printed
        while True:
            try:
                assignments = _request(f"{base}/formgrader/api/assignments", token)
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, (tmp_path / "lab.log").read_text()
                time.sleep(0.3)
        assert [a["name"] for a in assignments] == ["ps1"], "formgrader sees the cohort"

        before = _files(graded.autograded("t1", "ps1"))
        result = _request(f"{base}/formgrader/api/submission/ps1/t1/autograde", token, "POST")

        assert result["success"] is False
        assert "沙箱" in result["log"] and "trainingkit grade" in result["log"]
        assert _files(graded.autograded("t1", "ps1")) == before, "nothing was touched"
        with graded.gradebook() as gradebook:
            assert gradebook.find_submission("ps1", "t1").score == 5
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_plain_nbgrader_autograde_refuses_in_chinese(graded):
    before = _files(graded.autograded("t1", "ps1"))
    done = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", "ps1", "--force"],
        cwd=graded.root, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode != 0
    assert "trainingkit grade" in done.stdout + done.stderr
    assert _files(graded.autograded("t1", "ps1")) == before
