"""The "would this be registered, and why?" sorting game of module 02.

The cards are invented proposal summaries (虚构示例) kept as data in
``facts/game_register_cards.toml``; a card's reason is the id of an item of the
2011 不予立案 list from :func:`trainingkit.knowledge.facts.not_registrable`, which also
supplies the feedback's wording and source. :func:`judge_card` is the plain
function the widget shows.

CSS classes for browser tests: ``tk-register-game`` (root), ``tk-register-card``
(one per card), ``tk-register-game-input`` (a card's decision buttons),
``tk-register-game-reason``, ``tk-register-game-feedback``,
``tk-register-game-output`` (the score line).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import ipywidgets as widgets

from trainingkit.resources import facts_toml
from trainingkit.templating import render_template
from trainingkit.widgets.common import CourseWidget

__all__ = [
    "NOT_REGISTER",
    "REGISTER",
    "Card",
    "CardVerdict",
    "RegisterGame",
    "judge_card",
    "register_cards",
]

REGISTER = "可以立案"
NOT_REGISTER = "不予立案"


@dataclass(frozen=True)
class Card:
    """One invented proposal summary (虚构示例) to sort in the game.

    Attributes:
        id: Stable identifier.
        title: The proposal's title (案由).
        summary: A few sentences of its content.
        registrable: Whether it would be registered (立案).
        reason: Id of the item of the 2011 不予立案 list (e.g. ``litigation``), ``""``
            when registrable.
        explanation: Why, in plain words.
        source: Always 虚构示例 for cards.
        year: Year of the rule the judgement follows (2011).
    """

    id: str
    title: str
    summary: str
    registrable: bool
    reason: str
    explanation: str
    source: str
    year: int


@dataclass(frozen=True)
class CardVerdict:
    """How a trainee's choice on one card compares with the card's answer."""

    decision_right: bool
    reason_right: bool
    message: str

    @property
    def passed(self) -> bool:
        """Both the decision and, for 不予立案, the reason are right."""
        return self.decision_right and self.reason_right


@cache
def register_cards() -> tuple[Card, ...]:
    """Load the game's cards from ``facts/game_register_cards.toml``.

    Example:
        >>> cards = register_cards()
        >>> {card.source for card in cards}
        {'虚构示例'}
    """
    return tuple(Card(**row) for row in facts_toml("game_register_cards")["cards"])


def _reasons() -> dict[str, Any]:
    from trainingkit.knowledge.facts import not_registrable

    return {item.id: item for item in not_registrable()}


def judge_card(card: Card, decision: str | None, reason: str = "") -> CardVerdict:
    """Judge a trainee's decision (可以立案 / 不予立案) and reason on one card.

    The message explains the rule with its source, or gives a hint without
    naming the right reason.

    Example:
        >>> card = next(c for c in register_cards() if c.id == "court_case_ruling")
        >>> judge_card(card, NOT_REGISTER, "litigation").passed
        True
    """
    if decision not in (REGISTER, NOT_REGISTER):
        return CardVerdict(False, False, "还没有作答。")
    reasons = _reasons()
    decision_right = (decision == REGISTER) == card.registrable
    if not decision_right:
        hint = (
            "再想想：它有情况、有分析、有具体建议吗？真的属于某一种不予立案情形吗？"
            if card.registrable
            else "再想想：对照下面的不予立案情形（2011年表述），它是否属于其中一种？"
        )
        return CardVerdict(False, False, f"判断有误。{hint}")
    if card.registrable:
        return CardVerdict(True, True, f"判断正确。{card.explanation}")
    if reason != card.reason:
        chosen = (
            f"你选的是第 {reasons[reason].number} 项" if reason in reasons else "你还没有选理由"
        )
        message = f"“不予立案”判断正确，但理由不对：{chosen}。再读一遍摘要，找出最关键的一句。"
        return CardVerdict(True, False, message)
    item = reasons[card.reason]
    cited = item.source if str(item.year) in item.source else f"{item.source}，{item.year}年"
    message = f"判断正确。属于第 {item.number} 项“{item.text}”（{cited}）。{card.explanation}"
    return CardVerdict(True, True, message)


class RegisterGame(CourseWidget):
    """ "会不会立案，为什么？" — sort each card as 可以立案 or 不予立案 and give the reason.

    Attributes:
        cards: The cards shown, in order.
        decisions: Per card id, the 可以立案 / 不予立案 buttons.
        reasons: Per card id, the reason drop-down (item of the 2011 list).
        feedback: Per card id, the feedback area.
        output: The score line.
        widget: The root widget.
    """

    def __init__(self, cards: tuple[Card, ...] | None = None) -> None:
        self.cards = cards if cards is not None else register_cards()
        items = sorted(_reasons().values(), key=lambda item: item.number)
        reason_options = [("（选择不予立案的理由）", "")] + [
            (f"{item.number}. {item.text}", item.id) for item in items
        ]
        self.decisions: dict[str, widgets.ToggleButtons] = {}
        self.reasons: dict[str, widgets.Dropdown] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        boxes = []
        for index, card in enumerate(self.cards, start=1):
            text = widgets.HTML(render_template("register_card.html.j2", index=index, card=card))
            decision = widgets.ToggleButtons(options=[REGISTER, NOT_REGISTER], value=None)
            decision.add_class("tk-register-game-input")
            reason = widgets.Dropdown(options=reason_options, value="", disabled=True)
            reason.layout.width = "420px"
            reason.add_class("tk-register-game-reason")
            feedback = widgets.HTML()
            feedback.add_class("tk-register-game-feedback")
            self.decisions[card.id], self.reasons[card.id] = decision, reason
            self.feedback[card.id] = feedback
            for control in (decision, reason):
                control.observe(lambda _change, c=card: self._update(c), names="value")
            box = widgets.VBox([text, widgets.HBox([decision, reason]), feedback])
            box.add_class("tk-register-card")
            boxes.append(box)
        self.output = widgets.HTML()
        self.output.add_class("tk-register-game-output")
        self._root("register-game", [*boxes, self.output])
        self.verdicts: dict[str, CardVerdict] = {}
        self._show_score()

    def answer(self, card_id: str, decision: str, reason: str = "") -> CardVerdict:
        """Set one card's controls as a trainee would, and return the verdict."""
        self.decisions[card_id].value = decision
        self.reasons[card_id].value = reason
        return self.verdicts[card_id]

    @property
    def score(self) -> int:
        """Number of cards judged fully right."""
        return sum(verdict.passed for verdict in self.verdicts.values())

    def _update(self, card: Card) -> None:
        decision = self.decisions[card.id].value
        self.reasons[card.id].disabled = decision != NOT_REGISTER
        verdict = judge_card(card, decision, self.reasons[card.id].value)
        self.verdicts[card.id] = verdict
        self.feedback[card.id].value = render_template(
            "check_result.html.j2", passed=verdict.passed, message=verdict.message, points=None
        )
        self._show_score()

    def _show_score(self) -> None:
        answered = sum(self.decisions[c.id].value is not None for c in self.cards)
        self.output.value = render_template(
            "register_score.html.j2", answered=answered, right=self.score, total=len(self.cards)
        )
