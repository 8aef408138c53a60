"""Cohort autograding on nbgrader: parallel, sandboxed, resumable.

``grade`` imports nbgrader (several seconds), so names are loaded on first use:
the kernel zygote (``python -m trainingkit.grading.zygote``) runs this file too
and must not import nbgrader.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["MESSAGES", "GradeRun", "Limits", "Reason", "SubmissionStatus", "grade", "read_status"]

_WHERE = {
    "MESSAGES": "status",
    "Reason": "status",
    "SubmissionStatus": "status",
    "read_status": "status",
    "Limits": "sandbox",
    "GradeRun": "runner",
    "grade": "runner",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"trainingkit.grading.{_WHERE[name]}"), name)
    raise AttributeError(name)
