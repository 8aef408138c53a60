"""The module-02 widgets, driven without a browser: set controls, read what they show."""

from __future__ import annotations

import pytest

from trainingkit.knowledge.facts import not_registrable
from trainingkit.widgets.proposals import ProposalReview, proposal_examples
from trainingkit.widgets.register_game import (
    NOT_REGISTER,
    REGISTER,
    RegisterGame,
    judge_card,
    register_cards,
)

LITIGATION_DRAFT = (
    "关于督促解决某小区房屋质量纠纷的建议\n"
    "一、基本情况\n某小区业主已向区人民法院提起诉讼，法院已立案受理，目前正在审理中。\n"
    "二、具体建议\n建议政协督促法院尽快作出支持业主的判决。"
)


def test_every_card_is_invented_and_names_a_real_reason() -> None:
    reason_ids = {item.id for item in not_registrable()}
    cards = register_cards()
    assert len({card.id for card in cards}) == len(cards) >= 8
    for card in cards:
        assert card.source == "虚构示例"
        assert (card.reason == "") == card.registrable
        assert card.registrable or card.reason in reason_ids
    assert {True, False} == {card.registrable for card in cards}


def test_judge_card_rewards_right_decision_and_reason_only() -> None:
    card = next(c for c in register_cards() if c.id == "nephew_school_place")
    right = judge_card(card, NOT_REGISTER, "personal_matter")
    assert right.passed and "第 7 项" in right.message and "2011" in right.message
    wrong_reason = judge_card(card, NOT_REGISTER, "litigation")
    assert wrong_reason.decision_right and not wrong_reason.passed
    assert "personal_matter" not in wrong_reason.message and "第 7 项" not in wrong_reason.message
    assert not judge_card(card, REGISTER).decision_right
    assert judge_card(card, None).message == "还没有作答。"


def test_game_scores_cards_as_the_trainee_sorts_them() -> None:
    game = RegisterGame()
    assert "tk-register-game" in game.widget._dom_classes
    assert "已作答 0 / 10" in game.output.value
    game.answer("court_case_ruling", NOT_REGISTER, "litigation")
    game.answer("elevator_cost_sharing", REGISTER)
    game.answer("pay_more_attention", REGISTER)
    assert game.score == 2
    assert "已作答 3 / 10 张，完全答对 2 张" in game.output.value
    assert "tk-check-passed" in game.feedback["court_case_ruling"].value
    assert "进入民事、刑事、行政诉讼以及仲裁程序的" in game.feedback["court_case_ruling"].value
    assert "tk-check-failed" in game.feedback["pay_more_attention"].value


def test_reason_list_is_only_enabled_for_not_registered() -> None:
    game = RegisterGame()
    reason = game.reasons["theory_debate"]
    assert reason.disabled
    game.decisions["theory_debate"].value = NOT_REGISTER
    assert not reason.disabled
    assert len(reason.options) == 1 + len(not_registrable())
    game.decisions["theory_debate"].value = REGISTER
    assert reason.disabled


def test_game_solved_fully_scores_every_card() -> None:
    game = RegisterGame()
    for card in game.cards:
        game.answer(card.id, REGISTER if card.registrable else NOT_REGISTER, card.reason)
    assert game.score == len(game.cards)


def test_examples_are_invented_and_one_is_good() -> None:
    examples = proposal_examples()
    assert [e.id for e in examples.values() if e.kind == "good"] == ["meal_points"]
    for example in examples.values():
        assert example.source == "虚构示例"
        assert example.text.startswith("关于")
        assert (example.kind == "bad") == bool(example.problem)
    html = examples["court_case"]._repr_html_()
    assert "问题在哪里" in html and "点评" in html


def test_review_of_a_litigation_draft_highlights_the_passage() -> None:
    review = ProposalReview()
    assert "tk-proposal-review" in review.widget._dom_classes
    assert review.result is None
    review.input.value = LITIGATION_DRAFT
    assert review.result is not None and "litigation" in review.result.codes
    assert not review.result.registrable
    finding = next(f for f in review.result.findings if f.code == "litigation")
    passage = LITIGATION_DRAFT[finding.start : finding.end]
    assert passage and passage in review.output.value
    marked = review.output.value.split('<mark class="tk-review-blocking"', 1)[1].split("</mark>")[0]
    assert passage in marked or marked.split(">", 1)[1] in passage
    assert "不予立案" in review.output.value


def test_review_button_rechecks_and_empty_text_clears() -> None:
    review = ProposalReview(example="meal_points")
    assert review.result is not None and review.result.registrable
    assert "litigation" not in review.result.codes
    review.input.value = ""
    review.button.click()
    assert review.result is None
    assert "提案草稿" in review.output.value


@pytest.mark.parametrize(
    ("example", "code"),
    [
        ("empty_slogans", "vague_suggestions"),
        ("three_matters", "multiple_matters"),
        ("court_case", "litigation"),
    ],
)
def test_each_bad_example_shows_the_problem_the_lesson_names(example: str, code: str) -> None:
    review = ProposalReview(example=example)
    assert review.result is not None and code in review.result.codes


@pytest.mark.parametrize("module", ["proposals", "register_game"])
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"trainingkit.widgets.{module}"))
    assert result.attempted > 0 and result.failed == 0


def test_the_review_shows_chinese_names_one_item_per_code_and_hints_apart() -> None:
    draft = (
        "关于规范我单位职称评审的建议\n"
        "一、情况\n我的儿子在县医院工作，职称评审没有通过。我的女儿的职称评审也没有通过。\n"
        "二、原因\n主要原因是评审标准不透明。\n"
        "三、建议\n1. 恳请县人社局为我的儿子和女儿重新评定职称。"
    )
    review = ProposalReview(draft)
    assert review.result is not None and not review.result.registrable
    html = review.output.value
    hits = [f for f in review.result.findings if f.code == "personal_matter"]
    assert len(hits) >= 2, "the draft asks twice for the proposer's family"
    assert "本人或亲属的个人问题" in html and "personal_matter" not in html
    assert html.count('<b class="tk-review-name">本人或亲属的个人问题</b>') == 1
    assert "请核实" in html  # the legend explains hints even when there is none


def test_statistics_table_carries_the_source_and_the_split_of_registered() -> None:
    from trainingkit.widgets.proposals import statistics_table

    table = statistics_table()
    assert int(table.loc["14届4次", "收到提案"]) == 5865
    assert table.attrs["source"]
    # 委员/集体 split 立案, not 收到 (audit #8): the headers say so and the sums agree.
    row = table.loc["14届2次"]
    assert int(row["立案中：委员提案"]) + int(row["立案中：集体提案"]) == int(row["立案"])
    assert "52" in table.attrs["note"]  # the 12届3次 gap is explained (audit #9)
