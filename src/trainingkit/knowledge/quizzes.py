"""End-of-module self-check quizzes as data: questions, loading and marking.

Each course module's quiz lives in ``facts/quizzes/<module>.toml`` inside the
package, so a lesson notebook shows it with one line
(``QuizWidget.for_module("01-duties")``) and a trainee never sees the answers in a
cell. Marking uses :func:`trainingkit.checks.check_choice` and
:func:`~trainingkit.checks.check_multi`, like the exercises' self-checks.

File format (one ``[[questions]]`` table per question)::

    [[questions]]
    prompt = "……？"
    options = ["甲", "乙", "丙"]
    answer = "乙"               # or a list of options for "选出所有正确的"
    explanation = "……"          # shown once the answer is right
    source = "政协章程（2023年文本）"  # where the fact comes from, shown with it
    hint = "再看看第 2 节。"      # shown when the answer is wrong

Example:
    >>> questions = load_quiz("01-duties")
    >>> len(questions) >= 4 and all(isinstance(q, Question) for q in questions)
    True
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from trainingkit.checks import CheckResult, check_choice, check_multi
from trainingkit.resources import facts_path

__all__ = ["Question", "load_quiz", "mark", "quiz_modules"]


@dataclass(frozen=True)
class Question:
    """One quiz question.

    Attributes:
        prompt: the question, in Chinese.
        options: the choices shown.
        answer: the right option, or a tuple of options for "选出所有正确的".
        explanation: shown once the answer is right.
        hint: shown when the answer is wrong (where to look again).
        source: where the fact behind the answer comes from, with its year;
            ``""`` for questions about the kit itself (module 00).
    """

    prompt: str
    options: Sequence[str]
    answer: str | tuple[str, ...]
    explanation: str = ""
    hint: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        wanted = (self.answer,) if isinstance(self.answer, str) else self.answer
        missing = [a for a in wanted if a not in self.options]
        if missing:
            raise ValueError(f"答案不在选项中 / answer not among options: {missing}")

    @property
    def multiple(self) -> bool:
        """Whether several options are to be chosen."""
        return not isinstance(self.answer, str)

    @property
    def note(self) -> str:
        """The explanation with its source, as shown after a right answer.

        Example:
            >>> Question("？", ["甲"], "甲", explanation="因为甲。", source="某文件").note
            '因为甲。（来源：某文件）'
        """
        return f"{self.explanation}（来源：{self.source}）" if self.source else self.explanation


def mark(question: Question, chosen: str | Sequence[str] | None) -> CheckResult:
    """Mark one answer.

    Example:
        >>> q = Question("1+1=?", ["1", "2"], "2")
        >>> mark(q, "2").passed
        True
    """
    if isinstance(question.answer, str):
        return check_choice(chosen if isinstance(chosen, str) else None, question.answer)
    return check_multi(list(chosen or []), question.answer)


def _quiz_dir() -> Any:
    return facts_path("quizzes")


def quiz_modules() -> list[str]:
    """The course modules that have a quiz, sorted (``["00-getting-started", …]``)."""
    names = (entry.name for entry in _quiz_dir().iterdir())
    return sorted(name.removesuffix(".toml") for name in names if name.endswith(".toml"))


def load_quiz(module: str) -> tuple[Question, ...]:
    """The questions of one module's quiz, in order.

    Args:
        module: the course module's folder name, e.g. ``"02-proposals"``.

    Raises:
        KeyError: no quiz for that module (message in Chinese and English).
    """
    if module not in quiz_modules():
        raise KeyError(
            f"没有模块 {module!r} 的自测题 / no quiz for module {module!r}; "
            f"known: {', '.join(quiz_modules())}"
        )
    text = (_quiz_dir() / f"{module}.toml").read_text(encoding="utf-8")
    return tuple(_question(raw) for raw in tomllib.loads(text)["questions"])


def _question(raw: dict[str, Any]) -> Question:
    answer = raw["answer"]
    return Question(
        prompt=raw["prompt"],
        options=tuple(raw["options"]),
        answer=answer if isinstance(answer, str) else tuple(answer),
        explanation=raw.get("explanation", ""),
        hint=raw.get("hint", ""),
        source=raw.get("source", ""),
    )
