"""``trainingkit doctor``: what this machine has and lacks, per role.

Three roles need different things: taking the course (JupyterLab, charts with
Chinese text), grading in the sandbox (nbgrader, bubblewrap, a runtime the
sandbox users can reach), running the hub (JupyterHub, its proxy, systemd,
memory for the cohort). Each check says what it found and, when something is
missing, the exact command that installs it. ``run.sh``/``test.sh`` install all
of this themselves; the doctor is for machines set up some other way.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "EXTRA_OF_MODULE",
    "HUB_OVERHEAD_MB",
    "MB_PER_TRAINEE",
    "ROLES",
    "Check",
    "available_memory_mb",
    "public_install",
    "run_checks",
]

#: Role id → label (Chinese, English).
ROLES: dict[str, str] = {
    "course": "学习课程 · taking the course",
    "grading": "在沙箱中批改 · grading in the sandbox",
    "hub": "运行 JupyterHub · running the hub",
}
#: Measured by benchmarks/bench_hub_capacity.py (README, "Capacity"): PSS of one
#: active trainee (server + module-01 kernel), and hub + proxy + culler + course service.
MB_PER_TRAINEE = 222
HUB_OVERHEAD_MB = 292


@dataclass(frozen=True)
class Check:
    """One thing a role needs.

    Attributes:
        name: What is checked (Chinese · English).
        ok: Whether this machine has it.
        found: What was found, or why it is missing.
        fix: The exact command that installs it (empty when ``ok``).
        roles: Role ids that need it.
    """

    name: str
    ok: bool
    found: str
    fix: str
    roles: tuple[str, ...]


#: Top-level modules of the optional dependencies → the extra that installs them
#: (the checks below, and the CLI's message when a command meets a missing one).
EXTRA_OF_MODULE = {
    "jupyterlab": "lab",
    "notebook": "lab",
    "nbgrader": "grading",
    "jupyterhub": "hub",
    "nativeauthenticator": "hub",
    "bcrypt": "hub",
    "nbgitpuller": "hub",
    "yaml": "hub",
}


def run_checks(*, trainees: int = 50) -> list[Check]:
    """Every check, in the order they are printed."""
    from trainingkit.grading.sandbox import bwrap_error, unreachable_runtime

    checks = [_python()]
    checks.append(_module("jupyterlab", "JupyterLab", ("course",)))
    checks.append(_module("nbgrader", "nbgrader", ("grading",)))
    checks.append(_module("jupyterhub", "JupyterHub", ("hub",)))
    checks.append(_matplotlib_font())
    checks.append(_browser_font())

    bwrap = shutil.which("bwrap")
    error = bwrap_error(bwrap) if bwrap else "未安装 not installed"
    checks.append(
        Check(
            "bubblewrap（批改沙箱 grading sandbox）",
            not error,
            error or str(bwrap),
            "" if not error else ("apt-get install bubblewrap" if not bwrap else _NAMESPACES),
            ("grading",),
        )
    )
    checks.append(
        Check(
            "以 root 批改（每个并行槽一个沙箱用户）· grading as root (one sandbox user per slot)",
            os.geteuid() == 0,
            "root" if os.geteuid() == 0 else f"uid {os.geteuid()}",
            "" if os.geteuid() == 0 else "sudo trainingkit grade …",
            ("grading",),
        )
    )
    sandbox_reach = unreachable_runtime(bwrap=not error)
    checks.append(_reach("沙箱用户能读到 Python 和课程包 · sandbox users reach Python and the kit",
                         sandbox_reach, "grading", ("grading",)))  # fmt: skip
    checks.append(_reach("学员账户能读到 Python 和课程包 · trainee accounts reach it",
                         unreachable_runtime(bwrap=False), "hub", ("hub",)))  # fmt: skip

    proxy = shutil.which("configurable-http-proxy")
    checks.append(
        Check(
            "configurable-http-proxy（JupyterHub 的代理 the hub's proxy）",
            proxy is not None,
            proxy or "未安装 not installed",
            ""
            if proxy
            else "apt-get install nodejs npm && npm install -g configurable-http-proxy@5",
            ("hub",),
        )
    )
    systemd = Path("/run/systemd/system").is_dir() and shutil.which("systemctl") is not None
    checks.append(
        Check(
            "systemd（让中心开机自启 to run the hub as a service）",
            systemd,
            "systemd 在运行 running"
            if systemd
            else "本机不是由 systemd 启动的 not booted with systemd",
            "" if systemd else "apt-get install systemd systemd-sysv && reboot",
            ("hub",),
        )
    )
    checks.append(_memory(trainees))
    return checks


_NAMESPACES = (
    "bubblewrap 已安装但不能建立命名空间：请在主机或特权容器中运行（docker run --privileged）"
    " · bwrap cannot create namespaces here: run on the host or in a privileged container"
)


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return Check(
        "Python 3.11 或更高 · Python 3.11+",
        ok,
        f"{version} ({sys.executable})",
        "" if ok else "apt-get install python3 python3-venv   # Debian 12 / Ubuntu 24.04: 3.11+",
        tuple(ROLES),
    )


def _module(module: str, label: str, roles: tuple[str, ...]) -> Check:
    extra = EXTRA_OF_MODULE[module]
    ok = importlib.util.find_spec(module) is not None
    return Check(
        f"{label}（Python 包 package）",
        ok,
        "已安装 installed" if ok else "未安装 not installed",
        "" if ok else f"{sys.executable} -m pip install 'trainingkit[{extra}]'",
        roles,
    )


def _matplotlib_font() -> Check:
    from trainingkit.fonts import find_chinese_font

    family = find_chinese_font()
    return Check(
        "图表的中文字体（matplotlib）· CJK font for charts",
        family is not None,
        family or "没有 none",
        "" if family else "apt-get install fonts-noto-cjk",
        ("course", "grading", "hub"),
    )


def _browser_font() -> Check:
    fc_list = shutil.which("fc-list")
    families = ""
    if fc_list:
        done = subprocess.run(
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False
        )
        families = done.stdout.strip()
    names = families.splitlines()
    first = next((n for n in names if "SC" in n), names[0] if names else "")
    return Check(
        "浏览器的中文字体（fontconfig）· CJK font for the browser",
        bool(first),
        first or ("没有 none" if fc_list else "fc-list 未安装 fontconfig not installed"),
        "" if first else "apt-get install fontconfig fonts-noto-cjk",
        ("course",),
    )


def _reach(
    name: str, blocked: tuple[Path, Path] | None, extra: str, roles: tuple[str, ...]
) -> Check:
    if blocked is None:
        return Check(name, True, sys.prefix, "", roles)
    path, folder = blocked
    return Check(
        name,
        False,
        f"{path}：{folder} 不允许其他用户进入 is closed to other users",
        public_install(extra),
        roles,
    )


def public_install(extra: str) -> str:
    """Commands that install the kit where every user can run it (Debian's Python)."""
    return (
        "apt-get install python3 python3-venv && /usr/bin/python3 -m venv /opt/trainingkit"
        f" && /opt/trainingkit/bin/pip install 'trainingkit[{extra}]'"
    )


def available_memory_mb() -> int | None:
    """``MemAvailable`` from ``/proc/meminfo`` in MiB (None where there is none)."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def _memory(trainees: int) -> Check:
    need = HUB_OVERHEAD_MB + trainees * MB_PER_TRAINEE
    have = available_memory_mb()
    fits = (have - HUB_OVERHEAD_MB) // MB_PER_TRAINEE if have is not None else 0
    ok = have is not None and have >= need
    found = (
        f"可用 available {have} MB；{trainees} 名学员需要 need {need} MB"
        f"（每人 {MB_PER_TRAINEE} MB + 中心 {HUB_OVERHEAD_MB} MB；约可容纳 fits ~{max(fits, 0)}）"
        if have is not None
        else "无法读取 /proc/meminfo"
    )
    return Check(
        f"内存够 {trainees} 名学员同时在线 · memory for {trainees} active trainees",
        ok,
        found,
        "" if ok else f"增加内存到至少 {need} MB，或减少学员 (--trainees) · add memory",
        ("hub",),
    )
