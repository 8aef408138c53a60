"""Synthetic submissions for the demo (虚构示例): trainees who fetch, answer and submit.

Answers are derived from the instructor version: each answer cell of an exercise
is a call such as ``sheet.single_choice("qid", {...}, preset=...)`` whose
``preset=`` (inside the solution region) is the model answer. `questions` reads
those calls; `answer_for` turns a model answer into a right or a plausible
wrong one. Strong, average and weak trainees differ in how often they are wrong
and how good their drafts are. A few submissions are broken or hostile on
purpose (`HOSTILE`), to show how grading copes.

Trainees go through nbgrader's own exchange: fetch into a home folder, write
``answers.json`` (what the answer widgets do), submit with a fixed timestamp.
Everything is drawn from ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from trainingkit.demo.answers import draft_variant, wrong_answer

if TYPE_CHECKING:
    from trainingkit.cohort.directory import Cohort

__all__ = [
    "HOSTILE",
    "PROFILES",
    "Question",
    "answer_for",
    "answers_for",
    "fetch",
    "fetch_feedback",
    "hostile_edit",
    "questions",
    "submit",
    "utc_stamp",
]

#: Chance that a trainee of each profile gets a question wrong.
PROFILES: dict[str, float] = {"strong": 0.05, "average": 0.25, "weak": 0.55}
#: Broken or hostile submissions and what they do (plain words for the demo's printout).
HOSTILE: dict[str, str] = {
    "invalid_json": "笔记本文件被改坏（不是有效的 JSON）",
    "renamed": "笔记本被改了名",
    "infinite_loop": "在答题单元格里写了死循环",
    "os_exit": "在答题单元格里调用 os._exit 让内核退出",
    "deleted_cell": "删除了一个检查单元格",
    "read_gradebook": "试图读取成绩库、教师版和别人的提交",
}
_REGION = re.compile(
    r"^[^\n]*BEGIN SOLUTION[^\n]*\n(.*?)\n[^\n]*END SOLUTION[^\n]*$", re.DOTALL | re.MULTILINE
)


@dataclass(frozen=True)
class Question:
    """One answer cell: ``kind`` is the AnswerSheet method, ``args`` its literal arguments."""

    qid: str
    kind: str
    args: tuple[Any, ...]
    model: Any


def questions(notebook: dict[str, Any]) -> list[Question]:
    """The questions of an instructor notebook (JSON), with their model answers."""
    found = []
    for cell in notebook.get("cells", []):
        source = "".join(cell.get("source", ""))
        region = _REGION.search(source)
        if cell.get("cell_type") != "code" or not region:
            continue
        code = source.replace(region.group(0), region.group(1))
        call = ast.parse(code).body[-1]  # after the cell's `from … import sheet` line
        if not isinstance(call, ast.Expr) or not isinstance(call.value, ast.Call):
            continue
        func = call.value.func
        kind = func.attr if isinstance(func, ast.Attribute) else ""
        args = tuple(_literal(a) for a in call.value.args)
        keywords = {k.arg: k.value for k in call.value.keywords}
        if "preset" not in keywords or not args:
            continue
        found.append(Question(str(args[0]), kind, args[1:], ast.literal_eval(keywords["preset"])))
    return found


def _literal(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def answer_for(question: Question, rng: np.random.Generator, *, p_wrong: float) -> Any:
    """A right answer, or with probability ``p_wrong`` a plausible wrong one."""
    if question.kind == "draft":
        return draft_variant(question.qid, question.model, rng, p_wrong=p_wrong)
    if rng.random() >= p_wrong:
        return question.model
    return wrong_answer(question.kind, question.args, question.model, rng)


def answers_for(
    questions_: list[Question], profile: str, rng: np.random.Generator
) -> dict[str, Any]:
    """``answers.json`` of one trainee of ``profile``; a weak one may skip a question."""
    p_wrong = PROFILES[profile]
    answers = {}
    for question in questions_:
        if profile == "weak" and rng.random() < 0.15:
            continue  # left blank
        answers[question.qid] = answer_for(question, rng, p_wrong=p_wrong)
    return answers


def hostile_edit(kind: str, notebook: dict[str, Any], *, cohort_root: str) -> dict[str, Any] | None:
    """Apply a hostile change to a released notebook (JSON); None for file-level kinds."""
    cells = notebook["cells"]
    answer_cells = [c for c in cells if c["metadata"].get("nbgrader", {}).get("solution")]
    grade_cells = [c for c in cells if c["metadata"].get("nbgrader", {}).get("grade")]
    if kind == "infinite_loop":
        answer_cells[0]["source"] = "while True:\n    pass\n"
    elif kind == "os_exit":
        answer_cells[0]["source"] = "import os\nos._exit(1)\n"
    elif kind == "deleted_cell":
        notebook["cells"] = [c for c in cells if c is not grade_cells[0]]
    elif kind == "read_gradebook":
        answer_cells[0]["source"] = _SNOOP.format(root=json.dumps(cohort_root))
    else:
        return None
    return notebook


_SNOOP = """\
import glob, os
# 虚构示例：一份"恶意"提交，试图读取成绩库、教师版（含隐藏测试）和别人的提交
for pattern in ("gradebook.db", "source/*/*.ipynb", "submitted/*/*/*.ipynb"):
    for path in glob.glob(os.path.join({root}, pattern)) or [os.path.join({root}, pattern)]:
        try:
            with open(path, "rb") as handle:
                print("读到了", path, len(handle.read()))
        except OSError as error:
            print("读不到", pattern, type(error).__name__)
"""


def utc_stamp(moment: datetime) -> str:
    """nbgrader's ``timestamp.txt`` text for a naive UTC time."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def _exchange_args(cohort: Cohort, home: Path, assignment: str, student: str) -> dict[str, Any]:
    from nbgrader.auth import Authenticator

    config = cohort.nbgrader_config()
    config.Exchange.assignment_dir = str(home)
    config.Exchange.cache = str(home / ".nbgrader_cache")
    coursedir = cohort.coursedir(config)
    coursedir.assignment_id, coursedir.student_id = assignment, student
    return {"coursedir": coursedir, "authenticator": Authenticator(config=config), "config": config}


def fetch(cohort: Cohort, student: str, assignment: str, home: Path) -> Path:
    """Fetch a released assignment into a trainee's home, as the Assignments tab does."""
    from nbgrader.exchange.default import ExchangeFetchAssignment

    home.mkdir(parents=True, exist_ok=True)
    ExchangeFetchAssignment(**_exchange_args(cohort, home, assignment, student)).start()
    return home / assignment


def submit(
    cohort: Cohort, student: str, assignment: str, home: Path, at: datetime | None = None
) -> None:
    """Submit ``home/assignment`` to the exchange as ``student``.

    ``at`` (naive UTC) fixes the submission time; None keeps nbgrader's own clock.
    """
    from nbgrader.exchange.default import ExchangeSubmit

    class _SubmitAt(ExchangeSubmit):
        def set_timestamp(self) -> None:
            if at is None:
                super().set_timestamp()
            else:
                self.timestamp = utc_stamp(at)

    _SubmitAt(**_exchange_args(cohort, home, assignment, student)).start()


def fetch_feedback(cohort: Cohort, student: str, assignment: str, home: Path) -> None:
    """Fetch released feedback into ``home/assignment/feedback/``, as the Assignments tab does."""
    from nbgrader.exchange.default import ExchangeFetchFeedback

    ExchangeFetchFeedback(**_exchange_args(cohort, home, assignment, student)).start()
