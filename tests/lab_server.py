"""A throw-away JupyterLab server and a headless Chromium, for browser tests.

Reusable by any browser test (course modules, exercises, the hub): start a Lab on
127.0.0.1 over a temporary root directory, open a page in Chromium through
Playwright, stop both by pid. User settings live in a temporary
``JUPYTERLAB_SETTINGS_DIR`` so notebooks render every cell (no virtual windowing),
whatever the user's profile; the kit's settings overrides (Chinese, no news pop-up)
are the app settings, as for a trainee.

Chromium is the system one (``/usr/bin/chromium``); ``playwright install`` is never
run (it downloads a browser, which fails on the build machines).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainingkit.resources import template_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser

__all__ = [
    "ALL_RAN",
    "CELL_RAN",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "LabServer",
    "chromium",
    "lab_server",
]

# Page functions for ``page.wait_for_function``: every code cell of the current
# notebook has run (arg: the number of code cells), and one cell (arg: its element)
# ran with execution count 1. They read the notebook model through
# ``window.jupyterapp``, because collapsed cells draw no input prompt.
ALL_RAN = """(n) => {
    const notebook = window.jupyterapp?.shell.currentWidget?.content;
    const code = (notebook?.widgets ?? []).filter(cell => cell.model.type === 'code');
    return code.length === n && code.every(cell => Number.isInteger(cell.model.executionCount));
}"""
CELL_RAN = """(el) => {
    const notebook = window.jupyterapp?.shell.currentWidget?.content;
    const cell = (notebook?.widgets ?? []).find(cell => cell.node === el);
    return cell !== undefined && cell.model.executionCount === 1;
}"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# JupyterLab user settings written before the server starts. The language and the
# news pop-up are *not* set here: they come from the kit's own overrides
# (templates/lab_overrides.json, as the demo, the hub and the image use them), so the
# browser tests see what a trainee sees.
LAB_SETTINGS: dict[str, dict[str, object]] = {
    # Render every cell so tests can find outputs far down a long notebook.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


@dataclass(frozen=True)
class LabServer:
    """A running Lab: where it serves, its token, its root directory and pid."""

    url: str
    token: str
    root: Path
    pid: int

    def lab_url(self, path: str = "", workspace: str = "") -> str:
        """The Lab URL opening ``path`` (relative to the root), token included.

        A named ``workspace`` starts empty, so tabs opened by an earlier test are
        not restored beside ``path``.
        """
        space = f"/workspaces/{workspace}" if workspace else ""
        tree = f"/tree/{path}" if path else ""
        return f"{self.url}lab{space}{tree}?token={self.token}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(url: str, token: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}api/status?token={token}", timeout=2) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"JupyterLab not ready in 60 s:\n{log.read_text(errors='replace')}")


@contextmanager
def lab_server(root: Path, workdir: Path) -> Iterator[LabServer]:
    """Run JupyterLab over ``root`` (state and logs under ``workdir``); stop it by pid."""
    settings = workdir / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        target = settings / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    app_settings = workdir / "lab-app-settings"
    app_settings.mkdir(parents=True, exist_ok=True)
    overrides = template_path("lab_overrides.json").read_text(encoding="utf-8")
    (app_settings / "overrides.json").write_text(overrides, encoding="utf-8")
    env = dict(os.environ)
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(workdir / "lab-workspaces"),
        JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
        JUPYTER_CONFIG_DIR=str(workdir / "config"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    port, token = _free_port(), secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}/"
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
        f"--port={port}", "--allow-root", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}", f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={workdir / 'lab-workspaces'}",
        f"--LabApp.app_settings_dir={app_settings}",
        # window.jupyterapp: tests read execution counts from the notebook model, since
        # collapsed cells (jupyter.source_hidden) draw no input prompt
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class="
        "jupyterlab.handlers.announcements.NeverCheckForUpdate",
    ]  # fmt: skip
    log = workdir / "lab.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
    try:
        _wait_ready(url, token, proc, log)
        yield LabServer(url=url, token=token, root=root, pid=proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@contextmanager
def chromium() -> Iterator[Browser]:
    """Launch the system Chromium headless through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
