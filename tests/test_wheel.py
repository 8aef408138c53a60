"""The built wheel is the whole kit: installed far from the checkout, it runs."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.nbgrader, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[1]


def _notebooks(folder: str) -> set[str]:
    return {
        str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    }  # fmt: skip


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


# `dist` (the wheel, built once per session) comes from conftest.py.


def test_wheel_and_sdist_carry_every_notebook(dist, tmp_path):
    notebooks = _notebooks("course") | _notebooks("exercises")
    assert len(notebooks) >= 9
    (wheel,) = dist.glob("trainingkit-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"trainingkit/{n}" for n in notebooks} <= names
    hub_pages = ("trainingkit/templates/hub/login.html", "trainingkit/templates/hub/page.html",
                 "trainingkit/templates/hub/change-password.html")  # fmt: skip
    for data in ("trainingkit/py.typed", "trainingkit/facts/sectors.toml", *hub_pages):
        assert data in names
    assert any(n.startswith("trainingkit/templates/") and n.endswith(".j2") for n in names)

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    sdist_dir = tmp_path / "sdist"
    _run([sys.executable, "-c", _SDIST, str(ROOT), str(sdist_dir)], tmp_path, env)
    (sdist,) = sdist_dir.glob("trainingkit-*.tar.gz")
    with tarfile.open(sdist) as archive:
        members = {m.split("/", 1)[1] for m in archive.getnames() if "/" in m}
    assert notebooks <= members
    assert "src/trainingkit/resources.py" in members


# Build the sdist with the project's own backend, as a PEP 517 frontend would.
_SDIST = """
import os, subprocess, sys
root, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", out + "/.backend",
                "hatchling>=1.26"], check=True)
sys.path.insert(0, out + "/.backend")
os.chdir(root)
import hatchling.build
hatchling.build.build_sdist(out)
"""


def test_installed_wheel_runs_cohort_init_and_the_demo_away_from_the_checkout(dist, tmp_path):
    (wheel,) = dist.glob("trainingkit-*.whl")
    venv = tmp_path / "venv"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path, env)
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "-q", f"{wheel}[grading]"], tmp_path, env)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    work = tmp_path / "work"
    work.mkdir()

    where = _run([str(python), "-c", "import trainingkit; print(trainingkit.__file__)"], work, env)
    assert Path(where.stdout.strip()).is_relative_to(venv)  # not the checkout

    trainingkit = str(venv / "bin" / "trainingkit")
    _run([trainingkit, "cohort", "init", "spring", "--name", "spring2026"], work, env)
    sources = {p.name for p in (work / "spring" / "source").iterdir()}
    assert {p.name for p in (ROOT / "exercises").iterdir() if p.is_dir()} <= sources

    demo = _run([trainingkit, "demo", "--trainees", "3", "--no-lab"], work, env)
    assert (work / "demo-workdir").is_dir(), demo.stdout[-2000:]
    assert list((work / "demo-workdir").rglob("*.html")), demo.stdout[-2000:]

    # Without the [hub] extra a hub command names the extra to install, not a traceback.
    command = [trainingkit, "hub", "reset-password", "--course", "c", "t001"]
    hub = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, check=False)
    assert hub.returncode == 2, hub.stderr[-2000:]
    assert "pip install 'trainingkit[hub]'" in hub.stderr and "Traceback" not in hub.stderr
