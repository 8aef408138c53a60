"""Answers without programming: the answer sheet used inside the exercise notebooks.

Each exercise notebook keeps its trainee's answers in ``answers.json`` beside the
notebook, a JSON object ``{question_id: value}`` (see ``docs/design.md``). The trainee
only clicks and types in widgets; every change is saved at once, so reopening the
notebook or restarting the kernel keeps the answers. nbgrader grades them from the
submission: its converters copy every non-notebook file of a submission into the
autograded folder (``BaseConverter.init_assignment``, nbgrader 0.9.6) and execute the
notebook with that folder as working directory.

Instructor versions give the model answer as ``preset=`` inside a solution region.
A preset is used when nothing is saved and is **never written to disk**, so clicking
through the source notebook cannot put an ``answers.json`` into the release.

Under nbgrader (``NBGRADER_EXECUTION`` is set while autograding or validating) no
widget is built and ipywidgets is not imported: each question prints its answer as a
plain-text line instead, which is what the graded notebook, formgrader and the
feedback show. With widgets, the widget's own status line shows the answer live.

Run All must work on a fresh exercise: in the trainee's own session a check cell of an
unanswered question prints one plain Chinese line and the notebook runs on, so every
widget below is built; under nbgrader (validate and autograde) the same check raises
:class:`Unanswered`, so the question scores 0.

Every answer cell runs ``from trainingkit.exercise.sheet import sheet``: the
module's one shared :class:`AnswerSheet` of ``answers.json`` in the working directory
(the notebook's folder), so an answer cell also works when it is run alone after a
kernel restart or the idle cull.

This module is imported by graded notebooks: it imports nothing heavy.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from trainingkit.checks import CheckResult
from trainingkit.exercise.questions import Question, describe, is_blank, problem, self_check

__all__ = [
    "ANSWERS_FILE",
    "AnswerSheet",
    "AnswerStore",
    "Unanswered",
    "plain_errors",
    "shared_sheet",
]

ANSWERS_FILE = "answers.json"


class Unanswered(AssertionError):
    """A question is not (completely) answered; raised by check cells under nbgrader only.

    Its displayed name is Chinese, so a trainee reads ``未完成: 第1题：还没有作答。`` in
    nbgrader's Validate page instead of an English ``AssertionError``. It is still an
    ``AssertionError``, which is what nbgrader scores as 0.
    """


Unanswered.__name__ = Unanswered.__qualname__ = "未完成"


def _graded() -> bool:
    """Whether nbgrader is executing this notebook (validate or autograde)."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def question_label(number: int | None) -> str:
    """How a trainee names a question: 第N题, or 本题 when the number is not known.

    Example:
        >>> question_label(3), question_label(None)
        ('第3题', '本题')
    """
    return f"第{number}题" if number else "本题"


class AnswerStore:
    """The ``answers.json`` file: load once, save atomically after every change.

    A file that cannot be read is moved aside (``answers.broken.json``) rather than
    overwritten, and :attr:`notice` says so in plain Chinese.

    Example:
        >>> import tempfile
        >>> store = AnswerStore(Path(tempfile.mkdtemp()) / "answers.json")
        >>> store.save({"q1": "B"})
        >>> AnswerStore(store.path).values
        {'q1': 'B'}
    """

    def __init__(self, path: Path | str = ANSWERS_FILE) -> None:
        self.path = Path(path)
        self.notice = ""
        self.values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as error:
            broken = self._free_name(self.path.with_name("answers.broken.json"))
            os.replace(self.path, broken)
            self.notice = (
                f"注意：答案文件 {self.path.name} 已损坏，无法读取（{type(error).__name__}）。"
                f"原文件已改名为 {broken.name} 保存，本练习从空白开始，请重新作答。"
            )
            return {}
        return {str(key): value for key, value in data.items()}

    @staticmethod
    def _free_name(path: Path) -> Path:
        candidate, number = path, 1
        while candidate.exists():
            number += 1
            candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        return candidate

    def save(self, values: Mapping[str, Any]) -> None:
        """Write ``values`` to the file (via a temporary file, so a crash never truncates it)."""
        self.values = dict(values)
        text = json.dumps(self.values, ensure_ascii=False, indent=1, sort_keys=True)
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        temporary.write_text(text + "\n", encoding="utf-8")
        os.replace(temporary, self.path)


def plain_errors() -> None:
    """Show errors in this notebook as one line, without a listing of code.

    A failed check then reads ``未完成: 第1题：还没有作答。`` instead of a
    page of traceback, which alarms trainees who have never coded. Under nbgrader
    it also keeps the source lines of hidden tests out of the graded notebook's
    error outputs (a shorter path for hidden-test text to reach feedback). Outside
    IPython it does nothing.
    """
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.InteractiveTB.set_mode("Minimal")


class AnswerSheet:
    """The answers of one exercise notebook: questions, widgets, saving, checks.

    Args:
        path: The answer file; the default is ``answers.json`` in the notebook's folder.
        widgets: Build widgets; by default yes, except while nbgrader executes the notebook.

    Example:
        >>> import tempfile
        >>> sheet = AnswerSheet(Path(tempfile.mkdtemp()) / "answers.json", widgets=False)
        >>> sheet.single_choice("q1", {"A": "甲", "B": "乙"}, number=1)
        第1题 当前答案：（未作答）
        >>> sheet.record("q1", "B")
        >>> AnswerSheet(sheet.store.path, widgets=False).answer("q1")
        'B'
    """

    def __init__(self, path: Path | str = ANSWERS_FILE, *, widgets: bool | None = None) -> None:
        self.store = AnswerStore(path)
        self.questions: dict[str, Question] = {}
        self.inputs: dict[str, Any] = {}
        self.views: dict[str, Any] = {}
        self._current: dict[str, Any] = dict(self.store.values)
        self._model_answers: set[str] = set()
        self.numbers: dict[str, int] = {}
        self._widgets = not os.environ.get("NBGRADER_EXECUTION") if widgets is None else widgets

    def status(self) -> None:
        """Print where the answers are kept, and any problem with the answer file."""
        if self.store.notice:
            print(self.store.notice)
        count = len(self.store.values)
        print(f"您的答案会自动保存在 {self.store.path.name}（已读到 {count} 题的答案）。")
        if self._widgets and not _graded():
            self._feedback_link()

    def feedback_page(self) -> Path | None:
        """The newest feedback page fetched beside this notebook (nbgrader's Fetch Feedback)."""
        pages = list(self.store.path.parent.glob("feedback/*/*.html"))
        return max(pages, key=lambda page: page.stat().st_mtime) if pages else None

    def _feedback_link(self) -> None:
        """One click from "feedback is ready" to the page: a link Lab opens in a new tab."""
        page = self.feedback_page()
        if page is None:
            return
        from urllib.parse import quote

        from IPython.display import HTML, display

        href = quote(page.relative_to(self.store.path.parent).as_posix())
        display(
            HTML(
                f'<div class="tk-feedback-link" style="font-size:110%;margin:4px 0">📬 '
                f'<a href="{href}" style="font-weight:bold">'
                "老师的反馈已经到了：点这里阅读</a></div>"
            )
        )

    def label(self, qid: str) -> str:
        """第N题 for a question asked with its number, else 本题 (never the internal id)."""
        return question_label(self.numbers.get(qid))

    def _ask(self, question: Question, preset: Any, number: int | None = None) -> None:
        qid = question.qid
        if qid in self.questions and self.questions[qid] != question:
            raise ValueError(f"题号重复 / duplicate question id: {qid!r}")
        self.questions[qid] = question
        if number is not None:
            self.numbers[qid] = number
        if preset is not None:
            self._model_answers.add(qid)
        value = self.store.values.get(qid, preset)
        self._current[qid] = value
        if not self._widgets:  # graded notebook, formgrader and feedback show this line
            print(f"{self.label(qid)} 当前答案：{describe(question, value)}")
            return
        from IPython.display import display

        from trainingkit.exercise.widgets import answer_widget

        self.views[qid], self.inputs[qid] = answer_widget(
            question,
            value,
            on_change=lambda new: self.record(qid, new),
            on_check=lambda: self.self_check(qid),
            saving=qid not in self._model_answers,
        )
        display(self.views[qid])

    def record(self, qid: str, value: Any) -> None:
        """Take a new answer and save it (a model answer of the instructor version is not saved)."""
        self._current[qid] = value
        if qid not in self._model_answers:
            self.store.save({**self.store.values, qid: value})

    def answer(self, qid: str) -> Any:
        """The current answer to ``qid``, or None."""
        return self._current.get(qid)

    def all_answers(self) -> dict[str, Any]:
        """Every current answer by question id (saved, model or just given)."""
        return dict(self._current)

    def require(self, qid: str) -> None:
        """The visible test of ``qid``: is it answered completely?

        Under nbgrader an incomplete answer raises :class:`Unanswered` (the question
        scores 0). In the trainee's own session it prints one plain Chinese line
        instead, so Run All goes on and builds every widget below.
        """
        question, value = self.questions.get(qid), self._current.get(qid)
        if question is None:
            issue = "还没有作答。" if is_blank(value) else None
        else:
            issue = problem(question, value)
        if not issue:
            return
        message = f"{self.label(qid)}：{issue}"
        if _graded():
            raise Unanswered(message)
        print(f"✘ {message}（作答后再运行这个单元格，这行提示就会消失；可以继续往下做。）")

    def self_check(self, qid: str) -> CheckResult:
        """Check that ``qid`` is answered completely, without revealing the right answer."""
        if qid not in self.questions:
            return CheckResult(False, "请先运行这道题的答题单元格（题目下方的第一个单元格）。")
        return self_check(self.questions[qid], self._current.get(qid))

    def check_all(self) -> None:
        """Print the self-check of every question asked so far, one line each."""
        for qid, question in self.questions.items():
            print(f"{self.label(qid)} {self_check(question, self._current.get(qid))}")

    def single_choice(
        self, qid: str, options: Mapping[str, str], *, preset: Any = None, number: int | None = None
    ) -> None:
        """Ask a single-choice question; ``options`` maps keys (``"A"``) to labels."""
        self._ask(Question(qid, "single", dict(options)), preset, number)

    def multiple_choice(
        self, qid: str, options: Mapping[str, str], *, preset: Any = None, number: int | None = None
    ) -> None:
        """Ask a question with several right options; the answer is a list of keys."""
        self._ask(Question(qid, "multi", dict(options)), preset, number)

    def ordering(
        self, qid: str, steps: Mapping[str, str], *, preset: Any = None, number: int | None = None
    ) -> None:
        """Ask to put ``steps`` in order; the answer is the list of keys in that order."""
        self._ask(Question(qid, "order", dict(steps)), preset, number)

    def matching(
        self,
        qid: str,
        items: Mapping[str, str],
        choices: Mapping[str, str],
        *,
        preset: Any = None,
        number: int | None = None,
    ) -> None:
        """Ask to give each item one of ``choices``; the answer maps item keys to choice keys."""
        self._ask(Question(qid, "match", dict(items), dict(choices)), preset, number)

    def number(
        self,
        qid: str,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        preset: Any = None,
        number: int | None = None,
    ) -> None:
        """Ask for a number (a score, a count)."""
        self._ask(Question(qid, "number", minimum=minimum, maximum=maximum), preset, number)

    def pick_date(self, qid: str, *, preset: Any = None, number: int | None = None) -> None:
        """Ask for a calendar date; the answer is an ISO string such as ``2026-05-29``."""
        self._ask(Question(qid, "date"), preset, number)

    def draft(
        self,
        qid: str,
        *,
        min_chars: int = 1,
        max_chars: int | None = None,
        sections: Sequence[str] = (),
        review: str | None = None,
        preset: Any = None,
        number: int | None = None,
    ) -> None:
        """Ask for a written draft, self-checked for length, sections and review findings."""
        question = Question(
            qid,
            "text",
            min_chars=min_chars,
            max_chars=max_chars,
            sections=tuple(sections),
            review=review,
        )
        self._ask(question, preset, number)


_SHARED: dict[Path, AnswerSheet] = {}


def shared_sheet(path: Path | str = ANSWERS_FILE) -> AnswerSheet:
    """The one :class:`AnswerSheet` of ``path`` in this kernel (made on first use).

    Example:
        >>> import tempfile
        >>> answers = Path(tempfile.mkdtemp()) / "answers.json"
        >>> shared_sheet(answers) is shared_sheet(answers)
        True
    """
    key = Path(path).resolve()
    if key not in _SHARED:
        _SHARED[key] = AnswerSheet(key)
    return _SHARED[key]


def __getattr__(name: str) -> Any:
    """``from trainingkit.exercise.sheet import sheet``: the notebook's shared sheet."""
    if name == "sheet":
        return shared_sheet()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
