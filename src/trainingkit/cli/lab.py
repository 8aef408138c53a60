"""``trainingkit lab``: JupyterLab with formgrader, for the instructor, on one cohort.

Jupyter is started *in* the cohort folder (nbgrader reads ``nbgrader_config.py``
from the working folder; started anywhere else formgrader is empty and complains
about a missing exchange) and serves that folder, on 127.0.0.1 unless ``--ip``
says otherwise. The URL, with its one-time token, is printed before the server
starts, and so is how to stop it.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
from pathlib import Path

import click

from trainingkit.cli.cohort import cohort_option, open_cohort

__all__ = ["lab", "lab_command"]


def _free_port(ip: str) -> int:
    with socket.socket() as sock:
        sock.bind((ip, 0))
        return int(sock.getsockname()[1])


def lab_command(root: Path, *, ip: str, port: int, token: str, browser: bool) -> list[str]:
    """The ``jupyter lab`` command serving the cohort folder ``root``."""
    command = [
        sys.executable, "-m", "jupyter", "lab",
        f"--ServerApp.root_dir={root}", f"--ServerApp.ip={ip}", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
    ]  # fmt: skip
    if not browser:
        command.append("--no-browser")
    if os.geteuid() == 0:
        command.append("--allow-root")
    return command


@click.command()
@click.option("--ip", default="127.0.0.1", show_default=True,
              help="监听地址（默认只允许本机访问）。Address to listen on.")  # fmt: skip
@click.option("--port", type=click.IntRange(1, 65535), default=None,
              help="端口（默认自动选一个空闲端口）。Port (default: a free one).")  # fmt: skip
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器。Do not open a browser.")
@cohort_option
def lab(ip: str, port: int | None, no_browser: bool, cohort_dir: Path) -> None:
    """为老师打开 JupyterLab 和 formgrader（本培训班）。Open Lab + formgrader on a cohort."""
    cohort = open_cohort(cohort_dir)
    port = port or _free_port(ip)
    token = secrets.token_urlsafe(24)
    base = f"http://{'127.0.0.1' if ip in ('0.0.0.0', '') else ip}:{port}"
    click.echo(f"培训班 {cohort.name}：{cohort.root}")
    click.echo(f"JupyterLab：{base}/lab?token={token}")
    click.echo(f"formgrader（手工批阅、查看成绩）：{base}/formgrader?token={token}")
    click.echo("在 Lab 里也可以从菜单 Nbgrader → Formgrader 打开。")
    click.echo(
        "自动批改请在终端运行 trainingkit grade（formgrader 的 Autograde 按钮已停用，"
        "学员代码只在沙箱里运行）。"
    )
    click.echo("停止：在这个终端里按两次 Ctrl+C。Stop: press Ctrl+C twice here.")
    command = lab_command(cohort.root, ip=ip, port=port, token=token, browser=not no_browser)
    # Jupyter answers Ctrl+C itself (it shuts its kernels down); this process waits.
    process = subprocess.Popen(command, cwd=cohort.root)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # after the start: Lab keeps Ctrl+C
    try:
        code = process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    sys.exit(0 if code in (0, -signal.SIGINT, 128 + signal.SIGINT) else code)
