"""An analysis that names no cause (trainingkit.review.hollow), with its traps beside it.

The drafts are written for these tests, in words the corpus's drafts do not use.
"""

from __future__ import annotations

from trainingkit.review import Review, load_rules, review_proposal, review_sheqing
from trainingkit.review.hollow import names_causes
from trainingkit.review.parse import parse_draft

_HEAD = (
    "关于加快修复乡村公路护栏的建议\n\n"
    "据县交通运输局2025年排查，全县428公里乡村公路中有63公里临崖临水路段没有护栏，"
    "已建护栏中约三成锈断、缺失。今年以来，这些路段发生车辆坠落事故5起，造成2人死亡。"
    "石门、柳坪两镇的村民说，晚上骑摩托车经过盘山路时心里发慌。\n\n"
)
_SUGGESTIONS = (
    "\n\n建议：\n"
    "一、由县交通运输局在明年汛期前完成63公里临崖临水路段的护栏建设，所需资金列入县级预算。\n"
    "二、由县交通运输局会同各乡镇建立护栏巡查台账，每季度巡查一次，损坏的一个月内修复。\n"
    "三、由县公安局交警大队在事故多发的弯道设置减速带和夜间反光标志。\n"
)


def _hollow_in(said: str) -> list[str]:
    """This check's severities for a proposal whose analysis is ``said``."""
    return _hollow(review_proposal(_HEAD + said + _SUGGESTIONS))


def _hollow(review: Review) -> list[str]:
    """The severities of this check's findings (the text model may add its own)."""
    return [
        f.severity
        for f in review.findings
        if f.code == "missing_analysis" and f.message.count("分析部分只有")
    ]


def test_causes_asserted_but_not_named_are_no_analysis() -> None:
    said = "出现这种局面的原因是多方面的，有主观上的原因，也有客观方面的因素。"
    review = review_proposal(_HEAD + said + _SUGGESTIONS)
    (finding,) = [f for f in review.findings if f.code == "missing_analysis"]
    assert finding.severity == "warning"
    assert "文本模型" not in finding.rule, "the rule's finding, not the model's guess"
    assert _hollow(review) == ["warning"]
    assert "原因是多方面的" in finding.message
    assert review.text[finding.start : finding.end].startswith("出现这种局面")
    assert review.registrable, "a missing analysis warns; it does not refuse the draft"


def test_attitudes_blamed_are_no_analysis() -> None:
    said = "说到底，还是有的部门对护栏问题不够重视，责任落实不到位。"
    review = review_proposal(_HEAD + said + _SUGGESTIONS)
    assert _hollow(review) == ["warning"]
    assert any("不够重视" in f.message for f in review.findings if f.code == "missing_analysis")


def test_causes_said_to_be_many_and_then_named_are_an_analysis() -> None:
    named = (
        "原因是多方面的，主要是县里每年只安排护栏维护经费20万元，"
        "乡镇也没有专职的公路管护员，锈断的护栏没人报修。"
    )
    assert not _hollow_in(named)


def test_a_lead_in_then_causes_is_an_analysis() -> None:
    listed = (
        "为什么护栏迟迟建不起来？\n"
        "一是资金缺口大，每公里护栏造价约12万元，县级财力难以承担。"
        "二是多数路段属于村道，建设主体不明，县乡两级相互推诿。"
    )
    assert not _hollow_in(listed)


def test_a_hollow_sentence_then_a_cause_told_as_a_fact_is_only_worth_a_check() -> None:
    both = (
        "造成这一问题的原因是多方面的。"
        "护栏建设标准是2008年定的，当时的乡村公路大多是砂石路，很多临水路段不在建设范围之内。"
    )
    review = review_proposal(_HEAD + both + _SUGGESTIONS)
    assert _hollow(review) == ["hint"]
    assert all(f.message.startswith("请核实") for f in review.findings if f.severity == "hint")


def test_a_hollow_sentence_beside_a_named_cause_is_an_analysis() -> None:
    both = "原因是多方面的，其中最直接的是护栏建设标准多年未修订，临水路段不在建设范围内。"
    assert not _hollow_in(both)


def test_a_sheqing_whose_analysis_blames_attitudes_is_told_too() -> None:
    text = (
        "石门镇群众反映盘山公路缺少护栏\n\n"
        "石门镇盘山公路全长17公里，其中9公里临崖路段没有护栏，今年已有两辆摩托车坠崖。\n\n"
        "问题的根源还是在思想上，一些单位对群众出行安全重视程度还不够。\n\n"
        "建议县交通运输局年内在9公里临崖路段建设波形护栏，并在急弯处设置警示标志。\n"
    )
    review = review_sheqing(text)
    assert _hollow(review) == ["warning"]


def test_causes_placed_in_parties_but_not_named_are_no_analysis() -> None:
    # Round 20: 既有……的因素，也有……的因素 says where causes lie, not what they are, and the
    # problem named as the subject (……问题的出现) restates it.
    said = (
        "护栏缺失问题的出现，原因是多方面的，既有乡镇自身的因素，也有主管部门的因素，"
        "是多年积下的老问题。"
    )
    assert _hollow_in(said) == ["warning"]


def test_a_habit_blamed_in_quotes_is_an_attitude_blamed() -> None:
    said = (
        "究其根源，是多方面的：有历史原因，也有现实原因。"
        "归根到底，“只建不管”的思想还没有彻底转变，工作合力尚未真正形成。"
    )
    assert _hollow_in(said) == ["warning"]


def test_causes_placed_in_parties_and_then_named_are_an_analysis() -> None:
    said = (
        "原因既有乡镇的因素，也有主管部门的因素：乡镇没有专职管护员，"
        "县交通运输局的养护资金只够修县道。"
    )
    assert not _hollow_in(said)


def test_attitudes_blamed_by_degree_are_attitudes_blamed() -> None:
    # Round 20: 不够到位、不够高 are the same slogans as 不到位、不高.
    said = "究其原因，归根到底还是一些乡镇对护栏建设的认识不够到位，重视程度不够高。"
    assert _hollow_in(said) == ["warning"]


def test_an_analysis_names_causes_only_with_a_causal_word_and_words_for_them() -> None:
    rules = load_rules("proposal")

    def names(said: str) -> bool:
        return names_causes(parse_draft(_HEAD + said + _SUGGESTIONS, rules), rules)

    assert names("原因主要是县里的养护经费只够修县道，乡镇也没有专职管护员。")
    assert not names("出现这种局面的原因是多方面的，有主观上的原因，也有客观方面的因素。")
    assert not names("为什么护栏迟迟建不起来？")


def test_what_is_still_to_be_improved_names_no_cause() -> None:
    # Round 20: 有待进一步提高、有待完善 and 也有……的新情况 are slogans too.
    said = (
        "护栏问题的产生，原因是多方面的，既有历史欠账，也有发展中遇到的新情况。"
        "说到底，安全意识有待进一步增强，管护机制有待健全。"
    )
    assert _hollow_in(said) == ["warning"]


def test_those_whose_attitude_is_blamed_name_no_cause() -> None:
    said = "说到底，还是一些主管部门和施工企业思想认识不到位，重视程度不够。"
    assert _hollow_in(said) == ["warning"]
