"""Shared fixtures: a JupyterLab over a copy of the course, and a headless Chromium.

The server and browser code lives in :mod:`lab_server` so other browser tests
(exercises, the hub) can reuse it with their own root directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from lab_server import LabServer, chromium, lab_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "artifacts"


@pytest.fixture(scope="session")
def course_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """A JupyterLab whose root holds a fresh copy of ``course/``."""
    work = tmp_path_factory.mktemp("course-lab")
    root = work / "root"
    shutil.copytree(
        REPO / "course", root / "course", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    with lab_server(root, work) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """The system Chromium, headless, driven by Playwright.

    Module-scoped on purpose: Playwright's sync API keeps an asyncio loop running
    in the main thread while it is open, which breaks ``asyncio.run`` in any later
    test module (the hub tests use it).
    """
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where browser tests save screenshots (``artifacts/screenshots``, gitignored)."""
    path = ARTIFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the kit's wheel, built once per session from this checkout
    (`python3 -m pip wheel --no-deps -w dist .`, as the organizer guide does)."""
    out = tmp_path_factory.mktemp("dist")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)]
    done = subprocess.run(command, cwd=out, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return out
