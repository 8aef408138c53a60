"""Keep trainees' code out of the Lab server: formgrader's Autograde button refuses.

nbgrader's ``Autograde`` converter, when started by formgrader's button or by a
plain ``nbgrader autograde``, builds its exporter (``exporter_class``) before it
touches the gradebook or ``autograded/``. The cohort's ``nbgrader_config.py``
names `SandboxOnlyExporter` there (`trainingkit.cohort.config.apply_kit_config`),
so such a run stops at once, with nothing changed, and says in Chinese what to do
instead: ``trainingkit grade`` runs the same nbgrader steps with every notebook
executed in the sandbox. The kit's own grading builds its exporter itself
(`trainingkit.grading.pipeline`), so it never meets this class.
"""

from __future__ import annotations

from typing import Any

from nbconvert.exporters import NotebookExporter
from nbgrader.converters.base import NbGraderException

__all__ = ["REFUSAL", "SandboxOnlyExporter"]

#: Shown in formgrader's error window and by ``nbgrader autograde``.
REFUSAL = (
    "为了安全，学员的代码只在沙箱中运行，这里不能自动批改。"
    "请在终端里运行：trainingkit grade --cohort 培训班目录（可加练习名和 --trainee 账号），"
    "批改完成后刷新本页即可看到结果。"
    " | For safety, trainees' code only runs in the sandbox: run `trainingkit grade` instead."
)


class SandboxOnlyExporter(NotebookExporter):
    """An exporter that refuses to be built: autograding belongs to ``trainingkit grade``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        parent = kwargs.get("parent")
        if parent is not None and getattr(parent, "log", None) is not None:
            parent.log.error(REFUSAL)
        raise NbGraderException(REFUSAL)
