"""The 社情民意 checker of module 04, driven without a browser."""

from __future__ import annotations

from trainingkit.knowledge import facts as knowledge
from trainingkit.widgets.sheqing import (
    SheqingChecker,
    check_sheqing_html,
    default_max_chars,
    sheqing_examples,
    sheqing_scale_chart,
)

GOOD = (
    "关于外卖骑手工伤保障缺口的情况反映\n\n"
    "一、基本情况\n据某市（虚构示例）调查，全市约有3万名外卖骑手，其中约六成没有参加工伤保险。"
    "今年上半年发生涉及骑手的交通事故120余起。\n\n"
    "二、原因分析\n骑手多通过第三方劳务公司与平台合作，劳动关系认定难；按月缴纳的工伤保险"
    "与灵活就业的特点不匹配。\n\n"
    "三、建议\n一是建议市人社局推行按单计费、平台代缴的职业伤害保障办法；"
    "二是建议市交通运输局督促平台在骑手注册时提示参保。"
)
TWO_MATTERS = (
    "关于加强公园厕所建设和规范课后服务收费的情况反映\n"
    "最近群众反映很多：公园厕所太少，节假日排长队；中小学课后服务收费各校不统一，"
    "家长意见较大。这些问题影响群众的获得感，有关部门要高度重视。"
)


def test_default_limit_is_the_labelled_local_fact() -> None:
    length = next(f for f in knowledge.sheqing_practice() if f.id == "length")
    assert default_max_chars() == length.value
    assert length.is_local


def test_empty_checker_explains_what_to_do() -> None:
    widget = SheqingChecker()
    assert "tk-sheqing-check" in widget.widget._dom_classes
    assert "开始体检" in widget.output.value
    assert "tk-review" not in widget.output.value


def test_a_complete_draft_has_no_findings() -> None:
    widget = SheqingChecker(GOOD)
    assert "没有发现问题" in widget.output.value
    assert "tk-review-findings" not in widget.output.value


def test_a_two_matter_draft_without_suggestions_is_flagged_and_highlighted() -> None:
    widget = SheqingChecker()
    widget.draft.value = TWO_MATTERS
    html = widget.output.value
    assert "一案多事" in html and "缺少建议" in html
    assert "multiple_matters" not in html and "missing_suggestions" not in html
    assert "<mark" in html  # the offending passage is highlighted
    # Two findings, and the analysis this short draft lacks as an unsure check (round 5).
    assert "发现 2 处需要注意" in html and "另有 1 处请核实" in html


def test_lowering_the_limit_adds_a_length_finding() -> None:
    widget = SheqingChecker(GOOD)
    assert "篇幅过长" not in widget.output.value
    widget.max_chars.value = 100
    assert "篇幅过长" in widget.output.value and "too_long" not in widget.output.value
    assert "上限 100 字" in widget.output.value


def test_the_button_rechecks_the_current_text() -> None:
    widget = SheqingChecker()
    widget.draft.value = GOOD
    widget.output.value = ""
    widget.run.click()
    assert "没有发现问题" in widget.output.value


def test_draft_text_is_escaped() -> None:
    html = check_sheqing_html("<script>alert(1)</script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_lesson_examples_are_invented_and_show_the_faults_the_lesson_names() -> None:
    examples = sheqing_examples()
    assert {e.source for e in examples.values()} == {"虚构示例"}
    assert "虚构示例" in examples["good"].text  # the invented figures say so in the text
    good = SheqingChecker(example="good")
    assert good.draft.value == examples["good"].text
    assert "tk-review-findings" not in good.output.value
    bad = SheqingChecker(example="two_matters")
    assert "一案多事" in bad.output.value and "缺少建议" in bad.output.value


def test_scale_chart_shows_the_2025_national_figures_with_their_source() -> None:
    chart = sheqing_scale_chart()
    facts = {fact.text: fact for fact in knowledge.sheqing_scale()}
    assert [bar.after for bar in chart.bars] == list(facts)
    assert [bar.total for bar in chart.bars] == [float(f.value or 0) for f in facts.values()]
    assert chart.widths()[0] == [100.0] and chart.widths()[1][0] < 25  # used < a quarter
    html = chart._repr_html_()
    assert knowledge.sheqing_scale()[0].source in html and "2025" in html
