"""Cohort autograding on nbgrader: parallel, sandboxed, resumable.

Importing this package imports nbgrader (several seconds); the CLI imports it
only when ``trainingkit grade`` runs.
"""

from __future__ import annotations

from trainingkit.grading.runner import GradeRun, grade
from trainingkit.grading.sandbox import Limits
from trainingkit.grading.status import MESSAGES, Reason, SubmissionStatus, read_status

__all__ = ["MESSAGES", "GradeRun", "Limits", "Reason", "SubmissionStatus", "grade", "read_status"]
