"""Turning what happened to a submission into recorded reasons.

Failures (the submission is not graded) come from exceptions, as in nbgrader:
a notebook that is not JSON, no notebook at all, a dead or unresponsive kernel,
a worker that overran. Remarks on graded submissions are read from the executed
notebooks: interrupted cells, memory errors, truncated output.
"""

from __future__ import annotations

import json

from trainingkit.grading.execute import WorkerResult
from trainingkit.grading.sandbox import Limits
from trainingkit.grading.status import Reason, reason

__all__ = ["failure_reasons", "output_reasons", "prepare_failure"]

_TRUNCATED = "... Output truncated ..."


def prepare_failure(error: Exception) -> Reason:
    """Reason for an exception raised while preparing (sanitizing) a submission."""
    kind, text = type(error).__name__, str(error)
    if kind in ("NotJSONError", "JSONDecodeError", "ValidationError", "NotebookValidationError"):
        return reason("invalid_notebook")
    if "No notebooks" in text:
        return reason("no_notebook")
    return reason("error", detail=f"{kind}: {text}"[:300])


def failure_reasons(result: WorkerResult, *, wall: int) -> list[Reason]:
    """Reasons for a worker that returned an error instead of notebooks."""
    kind = result.error_kind
    if kind == "DeadKernelError":
        return [reason("dead_kernel")]
    if kind == "WallTimeout":
        return [reason("wall_timeout", seconds=wall)]
    if kind in ("UnresponsiveKernelError", "CellTimeoutError", "TimeoutError"):
        return [reason("wall_timeout", seconds=wall)]
    if kind == "WorkerCrashed":
        return [reason("worker_crashed", detail=result.error_detail)]
    if kind in ("NotJSONError", "JSONDecodeError"):
        return [reason("invalid_notebook")]
    return [reason("error", detail=f"{kind}: {result.error_detail}"[:300])]


def output_reasons(notebooks: dict[str, str], *, cell_timeout: int, limits: Limits) -> list[Reason]:
    """Remarks found in the executed notebooks (timeouts, memory, truncation)."""
    reasons: list[Reason] = []
    for name, text in sorted(notebooks.items()):
        enames: set[str] = set()
        truncated = False
        for cell in json.loads(text).get("cells", []):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    enames.add(str(output.get("ename")))
                elif output.get("output_type") == "stream":
                    truncated = truncated or _TRUNCATED in "".join(output.get("text", ""))
        if "CellTimeoutError" in enames:
            reasons.append(reason("timeout", seconds=cell_timeout))
        if "MemoryError" in enames:
            reasons.append(reason("memory", memory_mb=limits.memory_mb))
        if truncated:
            reasons.append(reason("output_truncated", notebook=name))
    return reasons
