"""The worker half of autograding: execute a prepared submission in the sandbox.

nbgrader's ``Autograde`` runs two preprocessor lists per notebook: *sanitize*
(``ClearOutput`` … ``OverwriteCells`` …) and *autograde* (``Execute``,
``IgnorePattern``, ``ClearMetadataPreprocessor``, ``LimitOutput``,
``SaveAutoGrades``, ``AssignLatePenalties``, ``CheckCellMetadata``). The kit
splits the autograde list at ``SaveAutoGrades``: everything before it touches no
database and runs here, in a forked worker, with ``Execute`` replaced by
`SandboxedExecute`; the rest runs in the parent, which alone writes the
gradebook. The order of nbgrader's list is kept, so the notebooks and scores are
the ones ``nbgrader autograde`` would produce.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# jsonschema (imported by nbformat) loads the optional ``rfc3987_syntax``, which
# compiles 38 lark grammars on import: about 1 s of every ``trainingkit grade``
# here, for the "iri"/"iri-reference" format checks that no notebook, nbgrader or
# jupyter schema uses. Marked missing before that import, jsonschema skips those
# two checks (it guards the import with ``suppress(ImportError)``).
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

from jupyter_client.manager import AsyncKernelManager
from nbclient.util import run_sync
from nbconvert.exporters import NotebookExporter
from nbgrader.preprocessors import Execute, SaveAutoGrades
from traitlets import Instance
from traitlets.config import Config

from trainingkit.grading.sandbox import Sandbox
from trainingkit.grading.zygote import Zygote

__all__ = [
    "SandboxKernelManager",
    "SandboxedExecute",
    "WorkerResult",
    "default_jobs",
    "run_in_sandbox",
    "split_preprocessors",
]

#: The kernel command the zygote knows how to fork (ipykernel's own launcher).
_LAUNCHER = "ipykernel_launcher"
#: Where a forked kernel that cannot start leaves its traceback.
KERNEL_ERROR_FILE = ".kernel-error.txt"


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs inside a `Sandbox`, forked by a `Zygote` if any."""

    sandbox = Instance(Sandbox, allow_none=True)
    zygote = Instance(Zygote, allow_none=True)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = super().format_kernel_cmd(extra_arguments)
        if self.sandbox is None or self._forks(command):
            return command
        return self.sandbox.wrap(command)

    def _forks(self, command: list[str]) -> bool:
        return self.zygote is not None and _LAUNCHER in command

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        if self.zygote is None or self.sandbox is None or not self._forks(kernel_cmd):
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        request = {
            "argv": kernel_cmd[kernel_cmd.index(_LAUNCHER) + 1 :],
            "cwd": kw["cwd"],
            "env": kw["env"],
            "uid": self.sandbox.uid,
            "gid": self.sandbox.gid,
            "connection_file": str(self.sandbox.connection_file),
            "error_file": str(self.sandbox.work / KERNEL_ERROR_FILE),
        }
        process = self.zygote.spawn(request)
        provisioner: Any = self.provisioner
        provisioner.process, provisioner.pid, provisioner.pgid = process, process.pid, process.pid
        provisioner.cwd = kw["cwd"]
        self._reconcile_connection_info(provisioner.connection_info)


class SandboxedExecute(Execute):
    """nbgrader's ``Execute``, with the kernel started inside a `Sandbox`.

    Its configuration is ``Execute``'s (traitlets applies a parent class's
    section to subclasses), so ``Execute.timeout`` in ``nbgrader_config.py`` holds.
    """

    sandbox = Instance(Sandbox, allow_none=True)
    zygote = Instance(Zygote, allow_none=True)

    def create_kernel_manager(self) -> Any:
        if self.sandbox is None:
            return super().create_kernel_manager()
        self.km = SandboxKernelManager(
            kernel_name=self.kernel_name or self.nb.metadata.get("kernelspec", {}).get("name", ""),
            config=self.config,
            sandbox=self.sandbox,
            zygote=self.zygote,
        )
        self.km.connection_file = str(self.sandbox.connection_file)
        # Unix sockets, not TCP: the kernel has a network namespace of its own.
        self.km.transport = "ipc"
        self.km.ip = str(self.sandbox.ipc_prefix)
        return self.km

    async def async_start_new_kernel(self, **kwargs: Any) -> None:
        if self.sandbox is not None:
            kwargs.update(self.sandbox.launch_options())
        await super().async_start_new_kernel(**kwargs)

    # nbclient binds the sync wrapper to its own coroutine; rebind it to ours.
    start_new_kernel = run_sync(async_start_new_kernel)


@dataclass
class WorkerResult:
    """What a worker sends back: executed notebooks (JSON text) or an error."""

    notebooks: dict[str, str] = field(default_factory=dict)
    error_kind: str = ""
    error_detail: str = ""


def default_jobs() -> int:
    """Parallel submissions when the operator does not say: two per CPU core.

    Most of a kernel's start is waiting for its first reply (about 70 ms of CPU
    in 350 ms here), which a second slot per core fills:
    ``benchmarks/bench_grading.py`` measured 22.0 s against 24.5 s and 18.0 s
    against 26.3 s for 40 submissions on 2 cores.
    """
    return 2 * (os.cpu_count() or 1)


def split_preprocessors(autograde: list[type]) -> tuple[list[type], list[type]]:
    """nbgrader's autograde list split into (worker part, parent part)."""
    names = [pp.__name__ for pp in autograde]
    cut = names.index(SaveAutoGrades.__name__) if SaveAutoGrades.__name__ in names else len(names)
    return list(autograde[:cut]), list(autograde[cut:])


def run_in_sandbox(
    box: Sandbox,
    prepared: Path,
    notebooks: list[str],
    *,
    config: Config,
    preprocessors: list[type],
    zygote: Zygote | None = None,
) -> WorkerResult:
    """Execute each notebook of ``prepared`` (a sanitized autograded folder).

    Runs in a forked worker; ``box`` was entered by the parent, which cleans it up
    even when the worker is killed. Each notebook gets a fresh kernel, as in nbgrader.
    An exception (dead kernel, unresponsive kernel…) ends the submission, as it
    does in nbgrader; it is returned, not raised.
    """
    import nbformat

    result = WorkerResult()
    exporter_config = Config(config)
    exporter_config.Exporter.default_preprocessors = []
    try:
        box.populate(prepared)
        for name in notebooks:
            exporter = NotebookExporter(config=exporter_config)
            for pp in preprocessors:
                if issubclass(pp, Execute):
                    executor = SandboxedExecute(parent=exporter, sandbox=box, zygote=zygote)
                    executor.shutdown_kernel = "immediate"  # same output, no waiting
                    exporter.register_preprocessor(executor)
                else:
                    exporter.register_preprocessor(pp)
            nb = nbformat.read(box.work / f"{name}.ipynb", as_version=4)
            resources = {"metadata": {"path": str(box.work), "name": name}}
            output, _ = exporter.from_notebook_node(nb, resources=resources)
            result.notebooks[name] = output
    except Exception as error:  # reported to the parent as this submission's status
        result.error_kind = type(error).__name__
        result.error_detail = str(error)[:2000]
        kernel_error = box.work / KERNEL_ERROR_FILE
        if kernel_error.is_file():
            lines = kernel_error.read_text(encoding="utf-8", errors="replace").splitlines()
            result.error_detail += " / " + (lines[-1] if lines else "")
    return result
