"""Before the first submission: can this machine run the sandbox at all?

``trainingkit grade`` starts one trial kernel in the sandbox it is about to use
(same slot, limits, hidden folders and zygote) and runs one cell that imports
what graded notebooks import. If that fails, nothing has touched the gradebook
yet: grading stops with `SandboxUnavailable`, one sentence that says what is
wrong and what to install or change, so that no submission is ever recorded as
failed because of the machine.

As root the sandbox needs bubblewrap (its own file system view, network and
process table); without it the operator has to ask for the weaker isolation
explicitly (``--weak-isolation``).
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from pathlib import Path
from typing import Any

from traitlets.config import Config

from trainingkit.cohort.directory import CohortError
from trainingkit.grading.execute import WorkerResult, run_in_sandbox
from trainingkit.grading.sandbox import Limits, Sandbox, bwrap_error, unreachable_runtime
from trainingkit.grading.zygote import Zygote

__all__ = ["TRIAL_CELL", "SandboxUnavailable", "preflight"]

#: What the trial kernel runs: what every graded notebook of the kit imports.
TRIAL_CELL = "import trainingkit.exercise.sheet\nprint('trainingkit-preflight-ok')"
_OK = "trainingkit-preflight-ok"
_CONTEXT = multiprocessing.get_context("fork")
_TRIAL_SECONDS = 120
INSTALL_BWRAP = "apt-get install bubblewrap"


class SandboxUnavailable(CohortError):
    """The sandbox cannot run on this machine; nothing was graded (exit 2)."""


def preflight(
    slot: int,
    limits: Limits,
    hide: tuple[Path, ...],
    config: Config,
    preprocessors: list[type],
    *,
    weak_isolation: bool = False,
) -> Zygote:
    """Start one trial kernel in slot ``slot``'s sandbox; return its zygote for reuse.

    Raises:
        SandboxUnavailable: with one sentence (Chinese, then English) on what to fix.
    """
    probe = Sandbox(slot, limits, hide=hide)
    if probe.uid is not None and probe.bwrap is None and not weak_isolation:
        raise SandboxUnavailable(
            "批改沙箱需要 bubblewrap，本机没有：请运行 `"
            + INSTALL_BWRAP
            + "`，或加 --weak-isolation 接受较弱的隔离"
            "（学员代码可联网、可看到本机进程、可读沙箱用户能读的文件）。"
            " The grading sandbox needs bubblewrap (bwrap), which is not installed: run `"
            + INSTALL_BWRAP
            + "`, or pass --weak-isolation to accept weaker isolation."
        )
    if probe.bwrap is not None and (error := bwrap_error(probe.bwrap)):
        raise SandboxUnavailable(
            f"bubblewrap 无法在本机建立沙箱（{error}）：请在允许命名空间的机器或容器上批改"
            "（容器需要 --privileged 或 CAP_SYS_ADMIN），或加 --weak-isolation。"
            f" bubblewrap cannot build the sandbox here ({error}): grade on a host or"
            " container that allows namespaces, or pass --weak-isolation."
        )
    zygote = Zygote(probe)
    try:
        result = _trial(zygote, slot, limits, hide, config, preprocessors)
    except BaseException:
        zygote.close()
        raise
    if not result.error_kind and _OK in _outputs(result):
        return zygote
    zygote.close()
    raise SandboxUnavailable(_diagnose(probe, result))


def _trial(
    zygote: Zygote,
    slot: int,
    limits: Limits,
    hide: tuple[Path, ...],
    config: Config,
    preprocessors: list[type],
) -> WorkerResult:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    with tempfile.TemporaryDirectory(prefix="trainingkit-preflight-") as folder:
        nb = new_notebook(cells=[new_code_cell(TRIAL_CELL)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        nbformat.write(nb, Path(folder) / "preflight.ipynb")
        with Sandbox(slot, limits, hide=hide, parent_dir=zygote.folder) as box:
            receive, send = _CONTEXT.Pipe(duplex=False)
            args = (send, box, zygote, Path(folder), config, preprocessors)
            process = _CONTEXT.Process(target=_worker, args=args, daemon=True)
            process.start()
            send.close()
            try:
                if not receive.poll(_TRIAL_SECONDS):
                    return WorkerResult(error_kind="TrialTimeout", error_detail="no answer")
                return receive.recv()
            except (EOFError, OSError):
                return WorkerResult(error_kind="WorkerCrashed", error_detail="")
            finally:
                process.kill()
                process.join()
                receive.close()


def _worker(
    send: Any, box: Sandbox, zygote: Zygote, folder: Path, config: Config, pps: list
) -> None:
    from trainingkit.cohort.config import quiet_nbgrader
    from trainingkit.grading.sandbox import die_with_parent

    die_with_parent()
    try:
        with quiet_nbgrader():
            result = run_in_sandbox(
                box, folder, ["preflight"], config=config, preprocessors=pps, zygote=zygote
            )
        send.send(result)
    finally:
        os._exit(0)  # skip the parent's atexit handlers inherited through fork


def _outputs(result: WorkerResult) -> str:
    import json

    text = result.notebooks.get("preflight", "")
    if not text:
        return ""
    cells = json.loads(text)["cells"]
    return "".join(
        "".join(output.get("text", "")) + " ".join(output.get("traceback", []))
        for cell in cells
        for output in cell.get("outputs", [])
    )


def _diagnose(box: Sandbox, result: WorkerResult) -> str:
    blocked = unreachable_runtime(bwrap=box.bwrap is not None) if box.uid is not None else None
    if blocked is not None:
        path, folder = blocked
        fix = (
            f"或安装 bubblewrap（`{INSTALL_BWRAP}`）"
            if box.bwrap is None and path.is_relative_to("/root")
            else ""
        )
        from trainingkit.doctor import public_install

        return (
            f"沙箱用户读不到 Python 运行环境或课程包 {path}（{folder} 不允许其他用户进入）："
            f"请把 Python 和课程包装在公共位置：`{public_install('grading')}`{fix}。"
            f" The sandbox user cannot read the Python runtime or the kit at {path}"
            f" ({folder} is closed to other users): install both in a public place"
            " (the command above)" + (", or install bubblewrap." if fix else ".")
        )
    detail = result.error_detail.strip().splitlines()[-1:] or [_outputs(result)[-300:]]
    return (
        f"试运行内核未能在沙箱中启动（{result.error_kind or '输出不对'}：{detail[0][:300]}）："
        "请运行 `trainingkit doctor` 查看本机缺少什么。"
        f" A trial kernel could not run in the sandbox ({result.error_kind or 'wrong output'}:"
        f" {detail[0][:300]}); run `trainingkit doctor` to see what this machine lacks."
    )
