"""The recorded outcome of grading one submission, with plain Chinese reasons.

Each submission ends with a status file (``Cohort.status_file``), written
atomically *after* the gradebook commit: a rerun trusts it and skips the
submission unless it changed (new timestamp or new content) or ``--force``.

States (`State`): ``graded`` (fine), ``attention`` (graded, but an instructor
should look: a reason says why), ``failed`` (not graded; nbgrader leaves it at 0
"needs manual grade", as ``nbgrader autograde`` does) and ``grading``: written
*before* anything of the submission is touched, so a run interrupted at any moment
leaves a status that no rerun trusts. Only the three final states are "done", and
they are written only when everything feedback reads (gradebook rows, executed
notebooks in ``autograded/``) is in place.

``manual_answers`` records, per manually graded item (grade id), a digest of the
answer it judges, so a resubmission whose answer changed can have its old manual
grade cleared (`trainingkit.grading.runner`).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = [
    "DONE",
    "MESSAGES",
    "Reason",
    "State",
    "SubmissionStatus",
    "read_status",
    "reason",
    "submission_digest",
    "write_status",
]

#: Reason codes (stable identifiers) → plain message for instructors and trainees.
MESSAGES: dict[str, str] = {
    "invalid_notebook": "笔记本文件已损坏（不是有效的笔记本格式），无法自动批改。",
    "missing_notebook": "没有提交笔记本 {notebook}.ipynb（可能被改名或删除），该部分记 0 分。",
    "unknown_notebook": "提交了练习中没有的笔记本 {notebook}.ipynb（可能是改了名），未批改。",
    "no_notebook": "提交里没有可批改的笔记本（可能被改名或删除）。",
    "timeout": "有代码单元运行超过 {seconds} 秒被中断（可能是死循环），该题不得分。",
    "wall_timeout": "整份提交运行超过 {seconds} 秒仍未结束，已强行停止，无法自动批改。",
    "dead_kernel": "运行时内核意外退出（例如代码调用了 os._exit、内存或 CPU 超限），无法自动批改。",
    "memory": "代码申请的内存超过上限（{memory_mb} MB），相关单元报错。",
    "cells_restored": "{notebook}.ipynb 中有 {count} 个被删除的检查单元已按原题恢复后批改。",
    "output_truncated": "{notebook}.ipynb 的输出过长，已截断保存。",
    "late": "提交晚于截止时间 {late}。",
    "worker_crashed": "批改进程意外结束（{detail}），无法自动批改。",
    "error": "批改时出错：{detail}",
    "manual_reset": "{question}的答案已改动，之前的老师评分和批语已清除，等待老师重新批阅。",
}


class State(StrEnum):
    """The state of one submission's grading (stored as its value)."""

    GRADING = "grading"
    GRADED = "graded"
    ATTENTION = "attention"
    FAILED = "failed"


#: States after which nothing of the submission is still being written.
DONE = frozenset({State.GRADED, State.ATTENTION, State.FAILED})


@dataclass(frozen=True)
class Reason:
    """Why a submission needs attention: a stable ``code`` and a Chinese message."""

    code: str
    message: str


def reason(code: str, **details: Any) -> Reason:
    """A `Reason` with its message filled in from `MESSAGES`."""
    return Reason(code, MESSAGES[code].format(**details))


@dataclass
class SubmissionStatus:
    """Everything recorded about one graded submission."""

    assignment: str
    student: str
    status: State
    reasons: list[Reason] = field(default_factory=list)
    score: float | None = None
    max_score: float | None = None
    late: bool = False
    seconds_late: float = 0.0
    digest: str = ""
    seconds: float = 0.0
    manual_answers: dict[str, str] = field(default_factory=dict)
    manual_reset: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.status = State(self.status)

    @property
    def done(self) -> bool:
        """True when grading of this submission finished (whatever the outcome)."""
        return self.status in DONE

    @property
    def needs_attention(self) -> bool:
        """True unless the submission was graded without remarks."""
        return self.status != State.GRADED


def submission_digest(folder: Path) -> str:
    """SHA-256 over the names and contents of a collected submission's files."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_status(path: Path, status: SubmissionStatus) -> None:
    """Write ``status`` atomically (temporary file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        data = asdict(status) | {"status": status.status.value}
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def read_status(path: Path) -> SubmissionStatus | None:
    """The recorded status, or None if there is none (or it is unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["reasons"] = [Reason(**r) for r in data.get("reasons", [])]
        return SubmissionStatus(**data)
    except (OSError, ValueError, TypeError, KeyError):  # ValueError: also an unknown state
        return None
