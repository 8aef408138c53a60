"""Plausible wrong answers and drafts of varying quality, derived from a model answer.

Used by `trainingkit.demo.simulate` for the demo's synthetic trainees (虚构示例). Every
wrong answer has the right shape (a key of the options, a full ordering, …) so it
passes the visible completeness checks and fails only the hidden ones, as a real
trainee's mistake would.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np

__all__ = ["VAGUE_DRAFT", "draft_variant", "wrong_answer"]

#: A weak draft: slogans and no concrete suggestion (content is 虚构示例).
VAGUE_DRAFT = (
    "关于进一步重视基层工作的建议\n\n"
    + "基层工作很重要，各级各部门要高度重视，切实加大工作力度，进一步提高认识，"
    + "加强领导，形成合力，努力让群众满意。" * 6
)


def wrong_answer(kind: str, args: tuple[Any, ...], model: Any, rng: np.random.Generator) -> Any:
    """A wrong answer of the same shape as ``model`` for an AnswerSheet question ``kind``."""
    if kind == "single_choice" and args and isinstance(args[0], dict):
        others = [key for key in args[0] if key != model]
        return others[int(rng.integers(len(others)))] if others else model
    if kind == "multiple_choice" and args and isinstance(args[0], dict):
        keys = list(args[0])
        toggle = keys[int(rng.integers(len(keys)))]
        chosen = [k for k in model if k != toggle] if toggle in model else [*model, toggle]
        return sorted(chosen) or [toggle]
    if kind == "ordering" and isinstance(model, list) and len(model) > 1:
        order = list(model)
        i = int(rng.integers(len(order) - 1))
        order[i], order[i + 1] = order[i + 1], order[i]
        return order
    if kind == "matching" and len(args) > 1 and isinstance(model, dict) and model:
        items = list(model)
        item = items[int(rng.integers(len(items)))]
        others = [c for c in args[1] if c != model[item]]
        return {**model, item: others[int(rng.integers(len(others)))]} if others else model
    if kind == "number" and isinstance(model, int | float):
        delta = int(rng.integers(1, 6)) * (1 if rng.random() < 0.5 else -1)
        return type(model)(model + delta)
    if kind == "pick_date" and isinstance(model, str):
        day = date.fromisoformat(model) + timedelta(days=int(rng.integers(1, 4)))
        return day.isoformat()
    return None


def draft_variant(qid: str, model: Any, rng: np.random.Generator, *, p_wrong: float) -> str:
    """A draft: the model, the model missing its last section, or a vague one.

    The chance of a worse draft grows with ``p_wrong``; a weak trainee's draft is
    usually slogans without concrete suggestions.
    """
    text = str(model)
    draw = rng.random()
    if draw >= p_wrong:
        return text
    if draw >= p_wrong / 2:
        sections = text.strip().split("\n\n")
        return "\n\n".join(sections[:-1]) if len(sections) > 2 else text[: len(text) // 2]
    return VAGUE_DRAFT if "draft" in qid else VAGUE_DRAFT.replace("的建议", "的工作方案")
