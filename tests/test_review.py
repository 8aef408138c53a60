"""提案体检 API: result shape, parsing of real-world text, configuration, explanations."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from pathlib import Path

import pytest

import trainingkit.review.proposal
import trainingkit.review.sheqing
import trainingkit.review.text
from trainingkit.review import (
    CODES,
    Finding,
    Review,
    load_rules,
    raw_rules,
    review_draft,
    review_proposal,
    review_sheqing,
)
from trainingkit.review.text import normalise

DRAFTS = Path(__file__).parent / "drafts"


def _draft(name: str) -> str:
    return (DRAFTS / name).read_text(encoding="utf-8")


def test_to_dict_has_exactly_the_public_json_shape() -> None:
    result = review_proposal(_draft("wb_official.txt")).to_dict()
    assert set(result) == {"registrable", "findings"}
    assert result["findings"], "the whistleblowing draft must have findings"
    for finding in result["findings"]:
        assert set(finding) == {"code", "severity", "message", "start", "end"}
        assert finding["code"] in CODES
        assert finding["severity"] in {"blocking", "warning", "hint"}
    json.dumps(result, ensure_ascii=False)


@pytest.mark.parametrize("name", sorted(p.name for p in DRAFTS.glob("*.txt")))
def test_registrable_is_false_exactly_when_a_blocking_finding_exists(name: str) -> None:
    for review in (review_proposal(_draft(name)), review_sheqing(_draft(name))):
        blocking = any(f.severity == "blocking" for f in review.findings)
        assert review.registrable is not blocking
        for finding in review.findings:
            assert 0 <= finding.start <= finding.end <= len(review.text)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\u3000\n"])
def test_empty_or_blank_input_gives_findings_not_an_exception(text: str) -> None:
    review = review_proposal(text)
    assert not review.registrable
    assert {"missing_situation", "missing_analysis", "missing_suggestions"} <= set(review.codes)
    assert all("空" in f.message for f in review.findings if f.code.startswith("missing_"))
    assert review_sheqing(text).codes == (
        "missing_situation",
        "missing_analysis",
        "missing_suggestions",
    )


def test_a_good_draft_with_headings_is_parsed_into_its_four_parts() -> None:
    review = review_proposal(_draft("good_elevator_headings.txt"))
    assert review.findings == ()
    assert (
        review.title is not None and review.title.text == "关于加快推进老旧小区加装电梯工作的建议"
    )
    assert review.situation is not None and "1286个" in review.situation.text
    assert review.analysis is not None and "资金筹措难" in review.analysis.text
    assert review.suggestions is not None and "25万元" in review.suggestions.text


def test_a_draft_without_headings_is_parsed_from_cue_phrases() -> None:
    review = review_proposal(_draft("good_school_noheadings.txt"))
    assert review.codes == ()
    assert review.analysis is not None and review.analysis.text.startswith("造成这个空档的原因")
    assert review.suggestions is not None and review.suggestions.text.startswith("为此建议")


def test_traditional_characters_match_and_offsets_stay_in_the_original() -> None:
    text = _draft("good_traditional.txt")
    assert normalise("關於完善養老服務的建議") == "关于完善养老服务的建议"
    review = review_proposal(text)
    assert review.codes == ()
    assert review.title is not None and review.title.text == text.splitlines()[0]
    bad = text.replace("關於完善社區居家養老服務的建議", "完善養老服務", 1)
    finding = review_proposal(bad).findings[0]
    assert finding.code == "title_format"
    assert bad[finding.start : finding.end] == "完善養老服務"


def test_full_width_forms_and_english_are_normalised_one_to_one() -> None:
    original = "（一）ＡＩ＋医疗：Ｃｈａｔ"
    assert normalise(original) == "(一)ai+医疗:chat"
    assert len(normalise(original)) == len(original)
    assert review_proposal(_draft("good_english_mixed.txt")).codes == ()


def test_content_findings_quote_the_words_that_matched_in_the_original_text() -> None:
    text = _draft("lt_lawsuit.txt")
    findings = [f for f in review_proposal(text).findings if f.code == "litigation"]
    assert findings
    for finding in findings:
        passage = normalise(text[finding.start : finding.end])
        assert finding.matched and all(word in passage for word in finding.matched)
        assert "第5项" in finding.message and "诉讼" in finding.message


def test_every_message_names_the_rule_it_comes_from() -> None:
    for name in ("tl_long.txt", "ad_product.txt", "vg_slogans.txt", "tf_tian.txt"):
        for finding in review_proposal(_draft(name)).findings:
            assert finding.message.startswith("请核实" if finding.severity == "hint" else "依据")
            assert finding.rule and finding.rule in finding.message


def test_a_text_of_more_than_ten_thousand_characters_is_reviewed() -> None:
    body = _draft("good_elevator_headings.txt")
    text = body + "\n".join([body.split("\n", 1)[1]] * 30)
    assert len(text) > 10_000
    review = review_proposal(text)
    too_long = [f for f in review.findings if f.code == "too_long"]
    assert len(too_long) == 1 and too_long[0].severity == "warning"
    counted = sum(1 for c in text[: too_long[0].start] if not c.isspace())
    assert counted == 2000


def test_length_limit_and_severities_come_from_configuration() -> None:
    text = _draft("tl_long.txt")
    assert "too_long" in review_proposal(text).codes
    assert "too_long" not in review_proposal(text, config={"limits": {"max_chars": 5000}}).codes
    loose = review_proposal(
        _draft("vg_slogans.txt"), config={"codes": {"vague_suggestions": {"severity": "hint"}}}
    )
    assert loose.registrable and loose.codes == ("vague_suggestions",)
    off = review_proposal(
        _draft("tf_tian.txt"), config={"codes": {"title_format": {"enabled": False}}}
    )
    assert off.codes == ()
    with pytest.raises(ValueError, match="unknown severity"):
        review_proposal("x", config={"codes": {"too_long": {"severity": "fatal"}}})


def test_rule_files_label_local_limits_and_name_sources() -> None:
    proposal, sheqing = raw_rules("proposal"), raw_rules("sheqing")
    assert proposal["limits"]["max_chars"] == 2000 and "某区" in proposal["limits"]["source"]
    assert sheqing["limits"]["max_chars"] == 1500 and "广州" in sheqing["limits"]["source"]
    for code in CODES:
        assert proposal["codes"][code]["rule"], code
    assert "2011" in proposal["codes"]["whistleblowing"]["rule"]
    assert set(load_rules("sheqing").codes) == {
        "missing_situation",
        "missing_analysis",
        "missing_suggestions",
        "multiple_matters",
        "too_long",
        "state_secret",  # charter art. 30 applies to everything a member submits
    }
    assert load_rules("sheqing").codes["state_secret"].severity == "warning"
    with pytest.raises(ValueError, match="unknown kind"):
        raw_rules("letter")


def test_sheqing_review_warns_about_state_secrets_without_calling_it_a_proposal() -> None:
    text = (
        "关于某区停车难的情况反映\n一、基本情况\n据区里一份尚未公开的内部文件，全区停车位缺口约2万个。\n"
        "二、原因分析\n老旧小区规划时没有配建车位。\n三、建议\n建议区住建局牵头利用边角地建设停车场。"
    )
    review = review_sheqing(text)
    (secret,) = [f for f in review.findings if f.code == "state_secret"]
    assert secret.severity == "warning" and review.registrable
    assert "第30条" in secret.message and "提案" not in secret.message
    as_proposal = [f for f in review_proposal(text).findings if f.code == "state_secret"]
    assert "不予立案" in as_proposal[0].message


def test_sheqing_review_uses_only_its_subset_and_its_own_limit() -> None:
    review = review_sheqing(_draft("wb_official.txt"))
    assert not {"whistleblowing", "title_format", "vague_suggestions"} & set(review.codes)
    assert review.kind == "sheqing"
    assert "too_long" in review_sheqing(_draft("sheqing_long.txt")).codes
    assert "too_long" not in review_proposal(_draft("sheqing_long.txt")).codes


def test_numbered_items_in_several_styles_are_suggestions() -> None:
    for name in ("good_circled.txt", "good_traditional.txt", "good_english_mixed.txt"):
        review = review_proposal(_draft(name))
        assert review.suggestions is not None, name
        assert "vague_suggestions" not in review.codes, name


def test_windows_line_endings_give_the_same_review() -> None:
    text = _draft("ma_headings.txt")
    unix, windows = review_proposal(text), review_proposal(text.replace("\n", "\r\n"))
    assert unix.codes == windows.codes == ("missing_analysis",)


def test_pathological_input_is_reviewed_quickly_enough_to_finish() -> None:
    for text in ("建议" * 5000, "\n" * 20000, "1." * 10000, "，".join(["我市"] * 5000)):
        review = review_proposal(text)
        assert "title_format" in review.codes


def test_an_unknown_code_in_the_configuration_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown finding code"):
        review_proposal("x", config={"codes": {"too_short": {"severity": "hint", "rule": "r"}}})


def test_review_rejects_non_text_input() -> None:
    with pytest.raises(TypeError):
        review_proposal(b"bytes")  # type: ignore[arg-type]


def test_review_and_finding_are_frozen() -> None:
    review = review_proposal("")
    with pytest.raises(AttributeError):
        review.registrable = True  # type: ignore[misc]
    assert isinstance(review, Review) and isinstance(review.findings[0], Finding)


@pytest.mark.parametrize(
    "module",
    [trainingkit.review.proposal, trainingkit.review.sheqing, trainingkit.review.text],
)
def test_docstring_examples_run(module: object) -> None:
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert tried and not failures


def test_importing_the_review_package_stays_light() -> None:
    code = (
        "import sys, trainingkit.review as r; r.review_proposal('关于x的建议');"
        "heavy = {'pandas', 'matplotlib', 'jinja2', 'ipywidgets', 'numpy'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    assert result.stderr == ""


def _review_imports() -> dict[str, set[str]]:
    """Module → the review modules it imports, TYPE_CHECKING and function bodies included."""
    import ast

    package = Path(trainingkit.review.text.__file__).parent
    graph: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        name = f"trainingkit.review.{path.stem}"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m.startswith("trainingkit.review.")}
    return graph


def test_the_review_modules_import_each_other_without_a_cycle() -> None:
    graph = _review_imports()
    assert "trainingkit.review.render" in graph["trainingkit.review.findings"]
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " → ".join([*path, module])
        if module in done:
            return
        for imported in sorted(graph.get(module, ())):
            visit(imported, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_opencc_converts_characters_the_old_table_lacked_and_spans_stay_put() -> None:
    # 賬戶 / 醫囑 / 鄰裡: converted by OpenCC whatever the hand table had.
    original = "關於規範社區醫囑執行與賬戶管理的建議"
    assert normalise(original) == "关于规范社区医嘱执行与账户管理的建议"
    text = "完善社區醫囑執行\n" + _draft("good_traditional.txt").split("\n", 1)[1]
    finding = next(f for f in review_proposal(text).findings if f.code == "title_format")
    assert text[finding.start : finding.end] == "完善社區醫囑執行"


def test_an_unsure_signal_is_a_hint_that_does_not_block() -> None:
    rules, at = load_rules("proposal"), trainingkit.review.text.Segment(0, 2)
    sure = rules.finding("advertising", "它点名了一个品牌。", at)
    unsure = rules.finding("advertising", "它可能点名了一个品牌。", at, sure=False)
    assert (sure.severity, unsure.severity) == ("blocking", "hint")
    assert unsure.message.startswith("请核实：") and sure.message.startswith("依据")
    stricter = load_rules("proposal", {"codes": {"advertising": {"unsure": "warning"}}})
    assert stricter.finding("advertising", "x", at, sure=False).severity == "warning"


def test_dictionaries_load_on_the_first_review_not_on_import() -> None:
    code = (
        "import sys, trainingkit.review as r;"
        "before = {'opencc', 'rjieba'} & set(sys.modules);"
        "r.review_proposal('關於統一採購綠源科技有限公司淨水器的建議');"
        "after = {'opencc', 'rjieba'} & set(sys.modules);"
        "print(sorted(before), sorted(after))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[] ['opencc', 'rjieba']"


def test_words_keep_offsets_into_the_original_text() -> None:
    from trainingkit.review.words import tokens

    text = "建議縣公安局與王建國同志聯繫"
    norm = normalise(text)
    words = tokens(norm)
    assert "".join(t.word for t in words.items) == norm
    person = [t for t in words.items if t.tag.startswith("nr")]
    assert person and text[person[0].start : person[0].end] == "王建國"


def test_review_draft_chooses_the_review_by_kind() -> None:
    text = _draft("wb_official.txt")
    assert review_draft("proposal", text) == review_proposal(text)
    assert review_draft("sheqing", text) == review_sheqing(text)
    config = {"limits": {"max_chars": 100}}
    assert "too_long" in review_draft("proposal", text, config).codes
    with pytest.raises(ValueError, match="unknown kind"):
        review_draft("letter", text)


_PLAIN = (
    "关于增设社区夜间药房的建议\n\n"
    "我区现有社区卫生服务中心12家，晚上八点以后全部停诊，居民夜间买药只能去城区的两家药店。\n\n"
    "{middle}\n\n"
    "建议：\n1. 由区卫健局在每个街道指定一家社区卫生服务中心开设夜间药房，营业到24点。\n"
    "2. 由区医保局把夜间药房纳入医保定点，今年年底前完成。\n"
)


def test_analysis_in_plain_prose_is_only_a_hint_and_no_later_paragraph_is_a_warning() -> None:
    prose = "药店夜里开门挣不到钱，人手也不足，老人和孩子半夜发病时只能打车去城区的医院看急诊。"
    unsure = review_proposal(_PLAIN.format(middle=prose))
    assert [f.severity for f in unsure.findings if f.code == "missing_analysis"] == ["hint"]
    assert "missing_analysis" not in unsure.flagged
    bare = review_proposal(_PLAIN.replace("{middle}\n\n", ""))
    assert [f.severity for f in bare.findings if f.code == "missing_analysis"] == ["warning"]


def test_one_paragraph_of_facts_with_no_room_for_an_analysis_is_a_warning() -> None:
    # Round 7: several sentences, all but a short one stating figures, in the only
    # paragraph before the suggestions leave no room for an analysis.
    facts = (
        "关于增设社区夜间药房的建议\n\n"
        "我区现有社区卫生服务中心12家，晚上八点以后全部停诊。"
        "今年以来，12345热线收到夜间买药难的留言86条。{comment}\n\n"
        "建议：\n1. 由区卫健局在每个街道指定一家社区卫生服务中心开设夜间药房，营业到24点。\n"
    )
    bare = review_proposal(facts.format(comment="居民意见较大。"))
    assert _severities(bare, "missing_analysis") == ["warning"]
    comment = (
        "药店夜里开门挣不到钱，值班药师也招不到人；社区中心晚上没有排班的编制，医保也不给夜间结算。"
    )
    plain = review_proposal(facts.format(comment=comment))
    assert _severities(plain, "missing_analysis") == ["hint"]


@pytest.mark.parametrize(
    ("effect", "analysed"),
    [
        ("所幸没有造成重伤。", False),
        ("在当地造成了恶劣影响。", False),
        ("站点分散、无人值守造成了群众买药难。", True),
    ],
)
def test_an_effect_told_with_zao_cheng_is_not_an_analysis(effect: str, analysed: bool) -> None:
    # Round 7: 没有造成重伤 and 造成了恶劣影响 tell what followed, not why.
    text = (
        "关于增设社区夜间药房的建议\n\n我区现有社区卫生服务中心12家，晚上八点以后全部停诊。\n\n"
        f"去年冬天有两位老人夜里买不到药，{effect}\n\n"
        "建议：\n1. 由区卫健局在每个街道指定一家社区卫生服务中心开设夜间药房，营业到24点。\n"
    )
    found = _severities(review_proposal(text), "missing_analysis")
    assert found == ([] if analysed else ["hint"])


@pytest.mark.parametrize(
    ("situation", "missing"),
    [
        (
            "乡村振兴是新时代的必由之路。我县在乡村人才方面还存在一些不容忽视的短板，"
            "与先进地区相比还有不小差距。",
            True,
        ),
        ("科技人才是创新的第一动力，当前我市人才工作取得了一定成效，但仍存在不少困难。", True),
        (
            "乡村人才是乡村振兴的关键。去年全县返乡创业的大学生不到二十人，"
            "乡镇农技站一半岗位空缺。",
            False,
        ),
        ("乡村人才是乡村振兴的关键。县里四十八所农技站，能下田指导的技术员只剩下三十几人。", False),
        # Round 14 (u114, u48 development drafts): the 据 of 数据 and 依据 cites no source.
        ("农业大数据是乡村人才的新舞台，当前我县数据人才还存在一些不容忽视的短板。", True),
        ("人才是第一资源，这是我们做好人才工作的根本依据，我县这方面还存在不少困难。", True),
        ("乡村人才是乡村振兴的关键。据县人社局了解，今年农技岗位招不满。", False),
        # Round 14 (u113, u128, u7, u78, u34 development drafts): 当前 or 我省 before
        # general judgement (面临不少困难、不同程度存在、值得关注) tells no fact.
        ("当前，我县乡村人才问题值得关注，人才流失的情况依然不同程度存在。", True),
        ("我省引进农技人才具备一定条件，也面临不少困难和挑战，有的地方问题还比较突出。", True),
        ("当前，我县农技站面临不少困难：四十八个站中有十九个没有一名专职技术员。", False),
        # Round 14 (u62 development draft): 灾害发生后 is when help counts, no event.
        ("农技服务是乡村振兴的重要支撑。农技员在灾害发生后的黄金时间里能发挥关键作用。", True),
        ("农技服务是乡村振兴的重要支撑。七月洪水发生后，三个乡的农技员都没能及时到田。", False),
        # Round 14 (u131 development drafts): 已经成为……的重要途径、赢得了……的主动权,
        # and 群众对此反映比较强烈 (a feeling, no report told).
        (
            "当前农村电商已经成为促进农民增收的重要途径，谁拥有了人才，"
            "谁就赢得了农产品上行的主动权。",
            True,
        ),
        ("当前，农村人才外流的现象依然不同程度存在，群众对此反映比较强烈。", True),
        ("当前，群众对此反映比较强烈：去年全县农技站有19个岗位空缺。", False),
        # Round 14 (u135, u136 development drafts): 大势所趋、绕不开的问题、深层次矛盾逐渐显现.
        ("农技人才下沉是大势所趋。人才怎么留住，是一个绕不开的问题。", True),
        ("实施以来总体上得到了群众认可。但一些深层次矛盾逐渐显现，必须认真对待。", True),
    ],
)
def test_a_situation_of_general_talk_only_states_no_fact(situation: str, missing: bool) -> None:
    # Round 7: general talk (……的必由之路、还存在一些短板) with no event, source or
    # specific figure is no situation, however many sentences it has.
    text = (
        f"关于引进乡村农技人才的建议\n\n{situation}\n\n原因在于待遇偏低，编制不足。\n\n"
        "建议：\n1. 县农业农村局每年定向招聘农技员20名，县财政给予每人每月800元补贴。\n"
    )
    found = _severities(review_proposal(text), "missing_situation")
    assert found == (["warning"] if missing else [])


def test_a_title_of_the_form_used_in_some_places_is_a_hint_not_a_warning() -> None:
    near = review_proposal(_draft("tf_tian.txt"))  # 关于……的提案
    assert [f.severity for f in near.findings if f.code == "title_format"] == ["hint"]
    body = _draft("tf_no_guanyu.txt").split("\n", 1)[1]
    for close in (
        "关于城关二小校长任用问题的意见",
        "关于山区耕地撂荒情况的反映",
        "关于城区停车难问题",
        "推进北湖区人民法院诉讼服务就近办的建议",
    ):
        review = review_proposal(close + "\n" + body)
        assert [f.severity for f in review.findings if f.code == "title_format"] == ["hint"], close
    # Round 8: a title that names the hoped-for outcome is a warning (5 of the 6
    # development drafts with one were labelled title_format).
    outcome = review_proposal("让山区孩子的午餐更热乎些\n" + body)
    assert [f.severity for f in outcome.findings if f.code == "title_format"] == ["warning"]


def test_a_title_far_from_the_usual_form_is_a_warning() -> None:
    # Round 7: a bare topic or statement, a subtitle and a scholarly title are
    # warnings (round 4 had made all but sentences hints); so are a sentence, a
    # request and a question, as before.
    body = _draft("tf_no_guanyu.txt").split("\n", 1)[1]
    for first in (
        "加强农村饮用水安全保障",
        "城区学校周边上下学时段交通拥堵亟待治理",
        "乡村振兴要靠人才来支撑",
        "让城市更有温度——我的一点想法",
        "关于我县古城墙始建年代的考证",
        "对我县农村生活垃圾分类工作的几点思考",
        "建议加快推进全市公办养老机构改革",
        "如何解决我市公交难题",
        "我市公交车太少，群众出行难。",
    ):
        found = review_proposal(first + "\n" + body).findings
        assert [f.severity for f in found if f.code == "title_format"] == ["warning"], first


_UNITS = (
    "关于开展反诈进万家行动的建议\n\n"
    "今年以来，我市电信网络诈骗案件比去年增加了三成。\n\n"
    "诈骗屡屡得手，主要是因为群众防范意识不强，宣传没有进到家里。\n\n"
    "建议：\n"
    "1. 由市教育局组织{a}，每学期不少于2次。\n"
    "2. 由市卫健委组织{b}，今年6月底前完成。\n"
    "3. 由市人社局组织{c}，每季度1次。\n"
)


def test_departments_of_several_fields_serving_the_title_topic_are_one_matter() -> None:
    one = review_proposal(_UNITS.format(a="反诈进万家宣讲", b="反诈进万家义诊", c="反诈进万家讲座"))
    assert [f.severity for f in one.findings if f.code == "multiple_matters"] == ["hint"]
    several = review_proposal(_UNITS.format(a="书法比赛", b="控烟宣讲", c="职业规划讲座"))
    assert [f.severity for f in several.findings if f.code == "multiple_matters"] == ["warning"]


# Round 3 of issue 9: concept families the rules missed, each written here as a
# sentence in a style the corpus does not have, and traps that must stay clean.
_FAMILY = (
    "关于{topic}的建议\n\n"
    "近年来，我市{topic}方面的问题引起群众关注，据调查，去年相关投诉达120余件。\n\n"
    "出现这些问题的原因主要是制度不健全、投入不足。\n\n"
    "为此建议：\n{item}\n二、由市政府办公室每年督查一次落实情况。\n"
)

_MISSED = [
    (
        "advertising",
        "发展本地健康产业",
        "一、青禾源的山茶油品质上乘，建议全市学校食堂都改用青禾源山茶油。",
    ),
    (
        "state_secret",
        "优化产业布局",
        "一、我从一份还在征求意见、没有印发的文件中看到，全市将关停化工企业37家，建议提前做好职工安置。",
    ),
    (
        "state_secret",
        "保障企业安全生产",
        "一、城西机场东侧的部队油库储量约3万吨，建议在周边设立安全隔离带。",
    ),
    (
        "party_internal",
        "改进基层组织工作",
        "一、我们支社现任负责人长期不组织活动，社员意见很大，建议市委会调整支社负责人。",
    ),
    (
        "personal_matter",
        "落实退役人员安置",
        "一、小儿2023年退役返乡，至今未安排工作，恳请市退役军人事务局予以关照，尽快为其安排岗位。",
    ),
    (
        "litigation",
        "维护业主合法权益",
        "一、我小区86户业主与开发商的房屋质量纠纷，案子现在在市中院，已经开过两次庭，建议中院尽快判决。",
    ),
    (
        "litigation",
        "保障劳动者权益",
        "一、李师傅与公司的工伤纠纷，劳动仲裁还没出结果，建议仲裁委尽快作出裁决。",
    ),
    (
        "prohibited",
        "促进民营医疗发展",
        "一、建议允许民营医院开展胎儿性别鉴定服务，满足群众需求，每例收费不低于500元。",
    ),
    (
        "prohibited",
        "发展乡村休闲旅游",
        "一、允许农家乐开设麻将馆，提供带彩娱乐，每桌收取台费，增加农户收入。",
    ),
    (
        "vague_suggestions",
        "推动城乡环境整治",
        "一、筑牢生态屏障，守护一方碧水青山。\n二、打好环境整治组合拳，下好城乡统筹先手棋。\n"
        "三、让乡村更有颜值、更有温度，绘就美丽乡村新画卷。",
    ),
]


@pytest.mark.parametrize(("code", "topic", "item"), _MISSED, ids=[m[0] for m in _MISSED])
def test_concept_families_missed_before_round_3_block(code: str, topic: str, item: str) -> None:
    text = _FAMILY.format(topic=topic, item=item)
    if code == "vague_suggestions":
        text = text.replace("\n二、由市政府办公室每年督查一次落实情况。", "")
    review = review_proposal(text)
    assert any(f.code == code and f.severity == "blocking" for f in review.findings), [
        (f.code, f.severity) for f in review.findings
    ]


_TRAPS = [
    (
        "完善群众举报渠道",
        "一、市纪委监委整合12345热线和网上举报平台，群众向区市场监管局举报违规收费问题后，7个工作日内必须反馈。",
    ),
    (
        "深化诉讼服务改革",
        "一、市中级人民法院在各区法院设立诉讼服务中心，对已经开庭审理的案件实行电子送达，每年公布平均审理周期。",
    ),
    ("加强机关保密培训", "一、市保密局每年组织一次涉密人员保密培训，对涉密场所管理开展专项检查。"),
    (
        "加强食品质量监管",
        "一、市市场监管局对“青禾源”牌山茶油等本地产品开展季度抽检，不合格的立即召回并公布。",
    ),
    (
        "做好拥军优属工作",
        "一、市退役军人事务局为驻地部队官兵家属提供就业帮扶，每年组织两次专场招聘会。",
    ),
    ("打击非法采挖", "一、市林业局开展专项行动，严厉打击盗挖野生兰花和红豆杉的行为。"),
]


@pytest.mark.parametrize(("topic", "item"), _TRAPS, ids=[t[0] for t in _TRAPS])
def test_sound_proposals_near_those_families_get_no_finding(topic: str, item: str) -> None:
    review = review_proposal(_FAMILY.format(topic=topic, item=item))
    assert review.flagged == (), [f.message for f in review.findings if f.severity != "hint"]


def test_a_named_unit_reported_without_its_wrongdoing_is_only_a_hint() -> None:
    item = "一、今后群众可以直接向市第一人民医院纪检室举报，医院7日内答复。"
    review = review_proposal(_FAMILY.format(topic="畅通医疗投诉渠道", item=item))
    assert [f.severity for f in review.findings if f.code == "whistleblowing"] == ["hint"]


def test_a_situation_that_states_no_fact_is_missing() -> None:
    text = (
        "关于规范小区物业收费的建议\n\n物业费这个事，大家心里都有数。\n\n"
        "为什么会这样？说到底是信息不对称。\n\n"
        "建议：\n1. 市住建局制定住宅物业服务等级标准，分五个等级。\n"
        "2. 物业公司每半年公示一次收支账目。\n"
    )
    review = review_proposal(text)
    assert [f.severity for f in review.findings if f.code == "missing_situation"] == ["warning"]
    told = review_proposal(text.replace("物业费这个事", "去年全市物业投诉达2300件，物业费这个事"))
    assert "missing_situation" not in told.codes


def test_a_title_that_announces_several_matters_over_several_fields_is_multiple_matters() -> None:
    text = (
        "关于几件民生实事的建议\n\n今年以来我收到群众来信60余封，反映的问题集中在以下几方面。\n\n"
        "这些问题长期存在，主要是职责不清。\n\n"
        "建议：一是在城东老旧小区加装电梯，每部补贴20万元；二是在城南增开两条公交线路，方便群众出行；"
        "三是在各乡镇卫生院配备B超机和救护车。\n"
    )
    review = review_proposal(text)
    assert review.situation is not None
    assert [f.severity for f in review.findings if f.code == "multiple_matters"] == ["warning"]


def test_round_4_signals_block_only_when_concrete() -> None:
    head = "关于加强堤防工程质量监管的建议\n\n去年我镇完成堤防加固工程，群众反映质量不好。\n\n"
    named = review_proposal(head + "建议县纪委监委对副镇长某某某在工程验收中的问题立案调查。\n")
    assert "whistleblowing" in {f.code for f in named.by_severity("blocking")}
    told = review_proposal(
        head + "市里内部会议上透露，明年将关停12家企业。\n\n建议市水利局每年抽检一次堤防工程。\n"
    )
    assert "state_secret" in {f.code for f in told.by_severity("blocking")}
    mention = review_proposal(
        head + "处理结果各地尺度不一，有的仅是内部通报。\n\n建议市水利局每年抽检一次堤防工程。\n"
    )
    assert [f.severity for f in mention.findings if f.code == "state_secret"] == ["hint"]
    plea = review_proposal(head + "作为政协委员，我希望有关方面督促县水利局在汛前完成返工。\n")
    assert "missing_suggestions" not in plea.codes


def test_a_single_slogan_word_is_a_vague_warning_not_a_block() -> None:
    head = "关于加强堤防工程质量监管的建议\n\n去年我镇完成堤防加固工程，群众反映质量不好。\n\n"
    one = review_proposal(head + "希望有关部门予以协调，尽快解决群众反映的问题。\n")
    assert [f.severity for f in one.findings if f.code == "vague_suggestions"] == ["warning"]


# Rounds 5 and 6 of issue 9: signals that span sentences or read the draft's stance, each
# written here in words the development drafts do not use, with its trap beside it.
_HEAD = "关于{topic}的建议\n\n"
_TAIL = "\n\n出现这些问题，主要是制度不健全、投入不足。\n\n为此建议：\n{items}\n"

_GAMBLING = "今年上半年，全省高校报告学生参与网络赌博的事件47起，其中有人欠下网贷20余万元。"
_LEAK = "去年有个乡镇干部把一张标着“内部资料”的排班表拍照发进了家长群，后来才撤回。"
_INTERVIEW = "我女儿王思琪今年参加全市教师招聘，笔试第一，面试却只得了六十八分，未被录用。"
_FEE = (
    "据家长反映，今年秋季城东二中副校长周立群以“赞助费”名义向学区外学生收取每人两万元，不开收据。"
)
_RESORT = "度假区去年接待游客210万人次，过夜率不到15%。"

#: (topic, situation, suggestion items, code, expected): ``blocking`` asks for a
#: blocking finding of the code, ``hint`` for a hint and nothing more, ``unflagged``
#: for no warning or blocking finding, ``none`` for no finding of the code at all.
_SIGNALS = [
    pytest.param(
        "遏制网络赌博向校园渗透",
        _GAMBLING,
        "一、各高校设立求助通道，被诱导赌博的学生由保卫处和心理中心共同介入。",
        "prohibited",
        "none",
        id="against-a-banned-practice",
    ),
    pytest.param(
        "丰富校园文化生活",
        _GAMBLING,
        "一、各高校设立电竞竞猜社团，允许学生小额押注，所得用于社团活动。",
        "prohibited",
        "blocking",
        id="advocating-a-banned-practice",
    ),
    pytest.param(
        "在度假区试点博彩娱乐项目",
        _RESORT,
        "一、市文旅局在度假区试点开设博彩娱乐项目，同时严防高利贷，防止未成年人进入。",
        "prohibited",
        "blocking",
        id="a-stance-against-another-thing",
    ),
    pytest.param(
        "繁荣县城夜间经济",
        _RESORT,
        "一、县公安局对棋牌室里的带彩麻将不再查处，每桌每局输赢不超过500元。",
        "prohibited",
        "blocking",
        id="a-negated-crackdown",
    ),
    pytest.param(
        "提升生育意愿",
        _RESORT,
        "一、省卫健委有条件放开孕中期胎儿性别告知，由公立医院收费提供。",
        "prohibited",
        "blocking",
        id="a-ban-lifted",
    ),
    pytest.param(
        "改建环山公路",
        "县道北段要从一处驻军的后方仓库旁经过。里面有三座储油罐，门口设哨，夜里两人值守。",
        "一、县交通运输局把线位西移三百米，年内完成勘测。",
        "state_secret",
        "blocking",
        id="a-military-store-over-a-paragraph",
    ),
    pytest.param(
        "减少实弹训练对村民出行的影响",
        "县北部有一处部队训练场，每年夏季实弹训练期间，附近三个村的村民要绕行十公里。",
        "一、县人武部每年提前一个月公布训练时段，县交通运输局开通临时班车。",
        "state_secret",
        "none",
        id="a-training-ground-nearby",
    ),
    pytest.param(
        "加强乡镇干部保密教育",
        _LEAK,
        "一、县保密局每年为乡镇干部组织两次保密培训，每次不少于半天。",
        "state_secret",
        "unflagged",
        id="a-leak-in-a-draft-on-secrecy-training",
    ),
    pytest.param(
        "规范乡镇微信工作群管理",
        _LEAK,
        "一、县委办每年对乡镇微信工作群检查一次，群主由办公室主任担任。",
        "state_secret",
        "hint",
        id="the-same-leak-elsewhere",
    ),
    pytest.param(
        "加强乡镇干部保密教育培训",
        "县保密局去年检查的12个乡镇中，有7个把内部工作材料拍照发到了微信群。",
        "一、县委保密办每年组织一次全员保密轮训和考试。",
        "state_secret",
        "none",
        id="secrecy-work-itself",
    ),
    pytest.param(
        "规范民进城南支部换届",
        "民进城南支部有会员31人。支部今年该换届了，可主委迟迟不开会。会员们私下说，候选人早就内定了。",
        "一、民进市委会派人督促城南支部年底前完成换届，候选人由会员差额推荐。",
        "party_internal",
        "blocking",
        id="one-branch-quarrel-over-a-paragraph",
    ),
    pytest.param(
        "加强非公企业党建工作",
        "据调查，我市一些非公企业党组织换届不及时，书记多为兼职，不少党员长期不参加组织生活。",
        "一、市委两新工委每年对非公企业党组织换届情况检查一次，对书记开展轮训。",
        "party_internal",
        "none",
        id="party-building-policy",
    ),
    pytest.param(
        "重新考虑市水利局领导班子调整方案",
        "笔者系中共党员。市委组织部近日调整了市水利局领导班子，副局长周某某调任他处，笔者对此有不同意见。",
        "一、请市委组织部对该局副局长人选重新研究。",
        "party_internal",
        "blocking",
        id="a-member-objecting-to-an-appointment",
    ),
    pytest.param(
        "完善乡镇班子调整程序",
        "我是城关镇党委委员。镇党委这次人事调整，把分管组织工作的副书记调走，我在会上提了不同意见，"
        "没有被采纳。",
        "一、请县委组织部对城关镇党委班子这次调整重新研究。",
        "party_internal",
        "blocking",
        id="a-party-committee-member-objecting-to-its-reshuffle",
    ),
    pytest.param(
        "规范基层组织换届",
        "我是民盟盟员，在盟城南基层委员会担任委员。今年基层委员会换届，拟提名的主委人选入盟仅两年，"
        "几位参政议政成绩突出的老盟员却没进考察范围，不少盟员私下有意见。",
        "一、盟市委重新组织全体盟员民主推荐主委人选。",
        "party_internal",
        "blocking",
        id="a-democratic-party-member-on-the-own-branch-s-election",
    ),
    pytest.param(
        "规范基层组织换届",
        "我是九三学社社员。今年我们基层委员会将换届。社市委酝酿主委人选时只听了两位老同志的看法，"
        "几位社务骨干没进考察范围。不少社员私下有意见。",
        "一、社市委暂缓主委人选考察，重新组织全体社员民主推荐。",
        "party_internal",
        "blocking",
        id="an-election-and-its-quarrel-in-separate-sentences",
    ),
    pytest.param(
        "完善教师招聘面试评分办法",
        _INTERVIEW,
        "一、市教育局对王思琪的面试成绩重新审核，予以录用。",
        "personal_matter",
        "blocking",
        id="a-named-relative-served",
    ),
    pytest.param(
        "完善教师招聘面试评分办法",
        _INTERVIEW,
        "一、市教育局对全部面试实行全程录像，评分表当场公示，考生可申请复核。",
        "personal_matter",
        "none",
        id="a-named-relative-then-a-general-remedy",
    ),
    pytest.param(
        "完善房屋征收补偿",
        "笔者父亲的老宅去年被纳入征收范围，评估价只有市场价的一半。",
        "一、区征收办按市场价为笔者父亲的老宅补偿，补偿总额不低于120万元。",
        "personal_matter",
        "blocking",
        id="the-writers-father",
    ),
    pytest.param(
        "完善随迁子女入学办法",
        "我外孙欧阳明轩今年满六岁，一家人在城南租房五年，居住证齐全，却被分到八公里外的学校。",
        "一、区教育局对欧阳明轩的入学申请重新审核，安排其就近入学。",
        "personal_matter",
        "blocking",
        id="a-grandson-with-a-compound-surname",
    ),
    pytest.param(
        "优化小学招生片区",
        "城东今年适龄儿童比去年多四百人，实验小学学位已满，不少孩子被分到五公里外上学。",
        "一、恳请区教育局今年秋季将我外孙王子航调剂至实验小学。",
        "personal_matter",
        "blocking",
        id="a-grandson-moved-to-another-school",
    ),
    pytest.param(
        "优化小学招生片区",
        "城东今年适龄儿童比去年多四百人，实验小学学位已满，不少孩子被分到五公里外上学。",
        "一、区教育局把城东片区多出的四百名学生调剂到新建的东湖小学。",
        "personal_matter",
        "none",
        id="children-moved-to-another-school",
    ),
    pytest.param(
        "完善随迁子女入学办法",
        "城南片区随迁子女今年有六百余人申请入学，欧阳路小学只收了一百二十人。",
        "一、区教育局每年公布各校随迁子女学位数，按居住年限排序录取。",
        "personal_matter",
        "none",
        id="a-school-on-a-street-named-like-a-surname",
    ),
    pytest.param(
        "改善边境哨所补给道路",
        "山顶的雷达站常年驻守一个排，哨所十二人轮班，夜里只有两人值守，补给全靠一条土路。",
        "一、县交通运输局把这条路纳入边境道路项目，明年开工。",
        "state_secret",
        "blocking",
        id="a-radar-station-told-with-its-watch",
    ),
    pytest.param(
        "加强机关干部保密常识培训",
        "县保密局通报的案例中，有干部把标有密级的通知拍照转发到几百人的微信群。",
        "一、县保密局把保密常识列入新录用公务员入职必修课，每人不少于四学时。",
        "state_secret",
        "none",
        id="a-marked-paper-leaked-in-a-draft-on-secrecy-training",
    ),
    pytest.param(
        "恢复岔口村党支部书记职务",
        "镇党委决定免去村党支部书记杨正明的职务，由镇里下派干部张某担任。"
        "我作为村党支部委员，对这个决定有不同看法。",
        "一、请县委组织部复核镇党委的这次调整，恢复杨正明的职务。",
        "party_internal",
        "blocking",
        id="a-branch-committee-member-objecting-to-a-dismissal",
    ),
    pytest.param(
        "提高牧区牦牛保险覆盖面",
        "全县牦牛存栏十二万头，去年参保的不到两成，雪灾一来牧民损失全靠自己扛。",
        "一、县农业农村局会同保险公司，争取三年内参保率达到五成以上。",
        "state_secret",
        "none",
        id="nei-can-inside-a-word-is-no-internal-reference",
    ),
    pytest.param(
        "解决随迁子女就近入学问题",
        "林思远，男，2018年生，系提案人的外孙，父母都在高新区工作，却被分到五公里外的学校。",
        "一、市教育局为林思远安排到高新区第一小学就读。",
        "personal_matter",
        "blocking",
        id="a-child-named-then-said-to-be-the-proposers-grandson",
    ),
    pytest.param(
        "发展草原赛马旅游",
        "马术场每年办赛十余场，门票收入不到三百万元。",
        "一、县文旅局引进运营企业举办商业赛马，观众购买名次竞猜票，猜中的按赔率当场兑付现金。",
        "prohibited",
        "blocking",
        id="wagering-described-by-its-odds",
    ),
    pytest.param(
        "尽早公布城南新区规划",
        "我参加了县自然资源局的论证会，会上发放的送审稿要求不得外传，其中写明四个村将整村搬迁。",
        "一、县自然资源局尽快向社会公布城南新区规划，说明搬迁范围。",
        "state_secret",
        "blocking",
        id="a-paper-not-to-be-passed-on",
    ),
    # Round 14 (u133 development draft): a unit's training ground, its systems and when
    # it trains, told to explain interference with a drone test site.
    pytest.param(
        "解决无人机测试场信号干扰问题",
        "干扰来自测试场东北约8公里的某部驻训场。该驻训场今年新调入一个营，配备了3套大功率压制干扰系统，每周二、周四下午开展实装训练。",
        "一、县政府建立与驻地部队的定期沟通机制，提前获取训练时段的通知。",
        "state_secret",
        "blocking",
        id="a-training-ground-its-systems-and-hours",
    ),
    pytest.param(
        "解决无人机测试场信号干扰问题",
        "今年3月以来测试场导航信号异常412次，企业猜测与附近的驻训场有关。",
        "一、县政府建立与驻地部队的定期沟通机制，提前获取训练时段的通知。",
        "state_secret",
        "none",
        id="a-training-ground-only-named",
    ),
    pytest.param(
        "尽早公布东部新区规划",
        "我参加了市里的专题座谈会，会上发的征求意见稿要求与会人员会后把材料交回，其中写明高铁东站拟选址在湾头村。",
        "一、市自然资源局尽快向社会公布东部新区规划，说明征地范围。",
        "state_secret",
        "blocking",
        id="papers-handed-back-after-the-meeting",
    ),
    pytest.param(
        "尽早公布东部新区规划",
        "我参加了市里的专题座谈会，会后请与会人员把填好的意见表交回，多数人希望早日公布规划。",
        "一、市自然资源局尽快向社会公布东部新区规划，说明征地范围。",
        "state_secret",
        "none",
        id="comment-forms-handed-back-after-the-meeting",
    ),
    # This case keeps the sentence shape of a development draft (u18): told more
    # plainly, the round-5 rules already blocked it by its one sentence.
    pytest.param(
        "加强清溪河夜间排污监管",
        "我今年几次到河边实地查看，发现位于青石镇工业集中区的江源宏达精细化工有限公司存在明显的偷排行为："
        "该公司厂区西南角有一根暗管直通清溪河。",
        "一、由区生态环境分局会同区公安分局，对江源宏达精细化工有限公司开展突击夜查，查封暗管，固定证据，"
        "涉嫌犯罪的移送公安机关追究刑事责任。",
        "whistleblowing",
        "blocking",
        id="a-firm-named-for-a-wrong-and-to-be-investigated",
    ),
    pytest.param(
        "推进园区企业绿色转型",
        "江源宏达精细化工有限公司去年投入八百万元改造污水处理设施，出水稳定达标。",
        "一、区生态环境分局对江源宏达精细化工有限公司等企业的改造经验组织调查总结，在园区推广。",
        "whistleblowing",
        "none",
        id="a-firm-named-for-its-good-work",
    ),
    # Round 14 (u65 and u44 development drafts): a named product asked for in other
    # words of buying (值得各学校采用, 每人配一台, 统一用……公司的系统, 该款设备).
    pytest.param(
        "为独居慢病老人配发智能药盒",
        "全市独居慢病老人约两万人，按时吃药的不到一半。",
        "一、市卫健委给独居慢病老人每人配一台瑞康医疗科技有限公司的“康伴”智能药盒。",
        "advertising",
        "blocking",
        id="a-named-product-one-for-each",
    ),
    pytest.param(
        "为中小学配备直饮水设备",
        "青岚清源环保科技有限公司的直饮水机，这款设备出水达标，值得各学校采用。",
        "一、市教育局为全市中小学配备直饮水设备，资金由市、区两级财政分担。",
        "advertising",
        "blocking",
        id="a-named-device-worth-adopting",
    ),
    pytest.param(
        "为独居慢病老人配发智能药盒",
        "全市独居慢病老人约两万人，按时吃药的不到一半。",
        "一、市卫健委通过公开招标，给独居慢病老人每人配一台带提醒功能的智能药盒。",
        "advertising",
        "none",
        id="a-device-for-each-by-open-tender",
    ),
    pytest.param(
        "擦亮云岫茶区域公用品牌",
        "全县茶企120家，各用各的包装。",
        "一、县农业农村局组织茶企统一用“云岫茶”区域公用品牌的包装和标识。",
        "advertising",
        "none",
        id="a-public-brand-used-by-all",
    ),
    # Round 14 (u119 development draft): a book named in 《》 whose price and publisher
    # are told, to be bought for every school.
    pytest.param(
        "推进中小学乡土文化教育",
        "本人主编的《岭西乡贤录》（定价168元）已由岭西文艺出版社出版。",
        "一、市教育局统一采购《岭西乡贤录》，为每所中小学图书馆配备五十套。",
        "advertising",
        "blocking",
        id="a-book-on-sale-bought-for-schools",
    ),
    pytest.param(
        "推进中小学乡土文化教育",
        "全市中小学图书馆乡土读物不足，去年新出版的乡土读物只有三种。",
        "一、市教育局按照《中华人民共和国公共图书馆法》统一采购乡土读物，推荐学生阅读经典选本。",
        "advertising",
        "none",
        id="a-law-named-beside-buying",
    ),
    # Round 14 (u110 development draft): a brand said to be one (……是我们桐川的老品牌).
    pytest.param(
        "提升高铁站商业服务",
        "王记酱菜是我们桐川的老品牌，味道正宗，申请进驻高铁站两次都没进去。",
        "一、区商务局协调在出站口给王记酱菜免费安排一个专柜。",
        "advertising",
        "blocking",
        id="a-brand-said-to-be-one",
    ),
    pytest.param(
        "提升高铁站商业服务",
        "质量是品牌的生命，云岫茶是我县的区域公用品牌，本地特产在高铁站少有专柜。",
        "一、区商务局在出站口设一个本地特产专柜，公开招商，质量抽检合格的本地企业都可申请。",
        "advertising",
        "none",
        id="a-public-brand-said-to-be-one",
    ),
    pytest.param(
        "加强校舍建设工程质量监管",
        "第三中学新教学楼投用不到一年，墙体出现裂缝，施工单位为岚江宏泰建设工程有限公司。",
        "一、请区住建局会同区纪委监委倒查该项目，查清宏泰建设工程有限公司是否存在偷工减料，追究相关人员责任。",
        "whistleblowing",
        "blocking",
        id="a-firm-to-be-checked-for-its-wrong",
    ),
    # Round 14 (u132 development trap): the public body's count of reports it took
    # (受理……举报线索312条) and the wrongs they were of accuse no one.
    pytest.param(
        "完善安全生产隐患举报奖励制度",
        "区应急管理局2023年受理安全生产隐患举报线索312条，涉及违规动火作业、占用消防通道。",
        "一、区应急管理局修订举报奖励办法，把一般隐患纳入奖励范围。",
        "whistleblowing",
        "unflagged",
        id="a-count-of-reports-taken",
    ),
    # Round 14 (u112 development draft): a firm joined to a person's name after 对
    # (对刘永恒及恒达国际贸易有限公司), suspected of fraud (涉嫌合同诈骗) and to be put on file.
    pytest.param(
        "依法惩处合同诈骗",
        "我公司与恒达国际贸易有限公司签订设备合同，对方至今拖欠货款。",
        "一、市公安局经侦支队对刘永恒及恒达国际贸易有限公司涉嫌合同诈骗的问题立案侦查。",
        "whistleblowing",
        "blocking",
        id="a-firm-and-its-boss-suspected-of-fraud",
    ),
    pytest.param(
        "依法惩处合同诈骗",
        "去年全市公安机关受理合同诈骗案件86起，涉案金额1.2亿元。",
        "一、市公安局对涉嫌合同诈骗的案件及时立案侦查，市商务局发布企业风险提示。",
        "whistleblowing",
        "none",
        id="fraud-cases-in-general-to-be-filed",
    ),
    # Round 14 (u130 development trap): wrongs counted by kind (数据造假11件) beside a
    # quoted kind of wrongdoer (“论文工厂”) accuse no one.
    pytest.param(
        "防范高校学术不端",
        "近几年“论文工厂”代写代发时有曝光，省内7所高校三年受理投诉63件，认定数据造假11件、抄袭9件。",
        "一、省教育厅年内把科研诚信课列为研究生必修课，对查实的问题依规处理。",
        "whistleblowing",
        "none",
        id="wrongs-counted-by-kind",
    ),
    pytest.param(
        "加强校舍建设工程质量监管",
        "全区近五年新建校舍42所，去年抽查发现3所存在墙体裂缝。",
        "一、请区住建局每年抽查新建校舍，查清各施工企业是否存在偷工减料，结果向社会公开。",
        "whistleblowing",
        "none",
        id="every-firm-to-be-checked-for-a-wrong",
    ),
    pytest.param(
        "协调解决一名适龄儿童入学问题",
        "提案人女儿许若溪今年九月满六岁，我家所在的三栋楼去年被划出了原来的学区。",
        "一、区教育局为许若溪安排到城关实验小学就读。",
        "personal_matter",
        "blocking",
        id="the-proposers-daughter-named",
    ),
    pytest.param(
        "培育辅助生育服务新业态",
        "不少家庭通过中介找一位年轻女性代为怀胎十月，孩子出生后交给委托家庭，再付给她二三十万元报酬。",
        "一、市卫健委在产业园开展试点，允许医疗机构与委托家庭、受托女性三方签订服务合同。",
        "prohibited",
        "blocking",
        id="surrogacy-told-by-what-it-does",
    ),
    pytest.param(
        "加强辅助生殖技术监管",
        "据市卫健委通报，今年查处两起中介组织女性代为怀胎的案件，涉案金额四百余万元。",
        "一、市卫健委会同市公安局严厉打击代孕中介，对涉事医疗机构吊销执业许可。",
        "prohibited",
        "none",
        id="surrogacy-told-in-a-draft-against-it",
    ),
    pytest.param(
        "推进城市管网智能巡检",
        "我市地下管网长达2400公里，人工巡检一年只能覆盖一遍。"
        "本地的星澜智能科技有限公司研发的“慧眼”巡检机器人，识别准确、续航长。",
        "一、市城管局统一采购“慧眼”巡检机器人，年内配齐各区。",
        "advertising",
        "blocking",
        id="a-quoted-product-of-a-named-company",
    ),
    pytest.param(
        "推进智慧医院建设",
        '本省的青岚智能科技股份有限公司研发的"灵枢问诊"医疗大模型，已在3家医院试用。',
        '一、省卫生健康委将"灵枢问诊"列入全省智慧医院推荐产品目录，全面推广。',
        "advertising",
        "blocking",
        id="a-product-in-straight-quotes",
    ),
    pytest.param(
        "推广老年助餐服务",
        "由金穗餐饮有限公司承办的“银发食堂”已覆盖12个社区，每天为800名独居老人供餐。",
        "一、市民政局全面推广“银发食堂”，年内覆盖全部社区，每餐补贴3元。",
        "advertising",
        "none",
        id="a-programme-a-company-runs",
    ),
    pytest.param(
        "规范中学招生收费",
        _FEE,
        "一、县纪委监委对周立群违规收费问题调查核实，查清资金去向。",
        "whistleblowing",
        "blocking",
        id="a-person-named-then-investigated",
    ),
    pytest.param(
        "规范中学招生收费",
        _FEE.replace("副校长周立群", "有的学校"),
        "一、县教育局每年对各校招生收费开展一次专项检查，结果向社会公布。",
        "whistleblowing",
        "none",
        id="the-same-fee-asked-of-the-system",
    ),
    pytest.param(
        "帮助小微企业渡过难关",
        "去年银行向县法院起诉了我县一家机械厂，法院判决该厂偿还本息286万元，厂房已被查封。",
        "一、县法院对该厂的厂房解除查封，允许其恢复生产后分期还款。",
        "litigation",
        "blocking",
        id="a-case-told-by-its-outcome",
    ),
    pytest.param(
        "在本市设立商事仲裁服务点",
        "本市目前没有仲裁机构的分支，企业要去省城申请仲裁，往返一次要两天。",
        "一、市司法局协调省仲裁委员会，明年在本市设立服务点，推行线上立案。",
        "litigation",
        "none",
        id="how-parties-reach-arbitration",
    ),
    pytest.param(
        "方便山区群众打官司",
        "区法院推行网上立案后，网上立案比例去年已达58%，但山区老人大多不会用手机。",
        "一、区法院在每个乡镇设一个诉讼服务点，由专人帮助老人网上立案。",
        "litigation",
        "none",
        id="a-sentence-on-the-court-system",
    ),
    # Round 7: banned practices told by how they work, not by their name.
    pytest.param(
        "办好龙舟节",
        _RESORT,
        "一、赛前由组委会开出赔率，观众可现场认购支持的龙舟队，赛后按赔率兑现。",
        "prohibited",
        "blocking",
        id="odds-set-before-a-race",
    ),
    pytest.param(
        "丰富老年人娱乐生活",
        _RESORT,
        "一、县公安局对老年活动室打牌每人每天输赢不超过二百元的，认定为娱乐，不作处罚。",
        "prohibited",
        "blocking",
        id="stakes-capped-and-left-unpunished",
    ),
    pytest.param(
        "丰富农村老人文化生活",
        _RESORT,
        "一、村老年活动中心里打麻将可以有点小输赢，每人每天输赢最多50元。",
        "prohibited",
        "blocking",
        id="small-stakes-capped-at-a-sum",
    ),
    pytest.param(
        "丰富农村老人文化生活",
        _RESORT,
        "一、活动中心打牌一律不许带输赢，村里每月给比赛优胜者发50元的米面油。",
        "prohibited",
        "none",
        id="no-stakes-and-a-prize-in-kind",
    ),
    pytest.param(
        "利用汛期富余水电发展新产业",
        _RESORT,
        "一、允许在小水电站周边建设集装箱式数字货币挖矿场，汛期用电给予优惠电价。",
        "prohibited",
        "blocking",
        id="digital-currency-mining-allowed-as-a-pilot",
    ),
    pytest.param(
        "利用汛期富余水电发展新产业",
        _RESORT,
        "一、引导数据中心在小水电站周边布局，清理整治借机开展的数字货币挖矿。",
        "prohibited",
        "none",
        id="digital-currency-mining-cleared-away",
    ),
    # Round 14 (u135 development draft): underground banking told by how it settles.
    pytest.param(
        "规范侨乡民间汇兑服务",
        _RESORT,
        "一、允许备案的汇兑点继续采用“境外收款、境内付款”的对冲结算方式，资金不必经过银行跨境划转。",
        "prohibited",
        "blocking",
        id="remittance-settled-off-the-banks",
    ),
    pytest.param(
        "规范侨乡民间汇兑服务",
        _RESORT,
        "一、人民银行县支行引导银行为老年侨眷开通跨境汇款绿色通道，严厉打击地下钱庄。",
        "prohibited",
        "none",
        id="remittance-through-the-banks",
    ),
    # Round 14 (u118 development drafts): sitting an exam on another's admission
    # ticket, and certificates got through a broker with no exam, told by what they do.
    pytest.param(
        "帮助乡村老教师提升学历",
        _RESORT,
        "一、由年轻教师持老教师的准考证代为参加自学考试的公共课考试，学校给予每科200元补贴。",
        "prohibited",
        "blocking",
        id="an-exam-sat-on-anothers-ticket",
    ),
    # Round 14 (u130 development draft): a volunteer who bears another couple's embryo.
    pytest.param(
        "开展爱心助孕服务试点",
        _RESORT,
        "一、选择两家医院试点，由健康育龄女性志愿者为无法妊娠的已婚夫妇孕育其体外受精胚胎。",
        "prohibited",
        "blocking",
        id="a-volunteer-bears-a-couples-embryo",
    ),
    # Round 14 (u132 development draft): a share of liability a judgment set (判令医院
    # 承担30%的赔偿责任) is no statistic of cases.
    pytest.param(
        "完善医疗纠纷处理机制",
        "区法院去年底已作出一审判决，判令医院承担30%的赔偿责任，家属已提起上诉，目前在市中级人民法院审理中。",
        "一、区卫健委对王某死亡一案重新组织专家复核，督促医院按全部责任赔偿。",
        "litigation",
        "blocking",
        id="a-share-of-liability-judged-and-appealed",
    ),
    pytest.param(
        "完善医疗纠纷处理机制",
        "全区去年医疗纠纷经人民调解化解的占65%，进入诉讼的案件平均审理周期超过一年。",
        "一、区卫健委、区司法局为医疗纠纷人民调解委员会配备专职调解员。",
        "litigation",
        "none",
        id="a-share-of-disputes-settled",
    ),
    pytest.param(
        "减轻育龄女性生育负担",
        _RESORT,
        "一、支持医院为不孕不育夫妇提供辅助生殖服务，减轻女性为家庭生孩子的后顾之忧。",
        "prohibited",
        "none",
        id="assisted-reproduction-for-couples",
    ),
    pytest.param(
        "帮助农民工取得职业资格证书",
        _RESORT,
        "一、由镇人社服务站统一和几家办证中介对接，组织老师傅集体办证，免去考试环节。",
        "prohibited",
        "blocking",
        id="certificates-through-a-broker",
    ),
    pytest.param(
        "帮助农民工取得职业资格证书",
        _RESORT,
        "一、由镇人社服务站组织老师傅参加技能等级认定，考试前集中培训，并提醒大家不要相信办证中介。",
        "prohibited",
        "none",
        id="brokers-warned-against",
    ),
    pytest.param(
        "改进孕产期保健服务",
        _RESORT,
        "一、允许乡镇卫生院应孕妇家属要求，把胎儿性别透露给家属。",
        "prohibited",
        "blocking",
        id="the-sex-of-a-foetus-told",
    ),
    pytest.param(
        "改进孕产期保健服务",
        _RESORT,
        "一、允许镇卫生院做B超时应家属要求告诉他们怀的是男孩还是女孩。",
        "prohibited",
        "blocking",
        id="boy-or-girl-told",
    ),
    pytest.param(
        "帮助不孕家庭",
        _RESORT,
        "一、市卫健委指定两家医院，把不孕夫妻的胚胎移植给自愿的健康女性体内，由她代为生育。",
        "prohibited",
        "blocking",
        id="an-embryo-carried-by-another-woman",
    ),
    pytest.param(
        "帮助失独家庭",
        _RESORT,
        "一、市卫健委在市妇幼保健院试点，将夫妇二人的胚胎移植进第三方的子宫，孩子出生后归夫妇抚养。",
        "prohibited",
        "blocking",
        id="an-embryo-put-into-a-third-party",
    ),
    pytest.param(
        "帮助失独家庭",
        _RESORT,
        "一、市卫健委允许医院招募健康志愿者，替失独夫妇代为承担妊娠和分娩。",
        "prohibited",
        "blocking",
        id="a-volunteer-who-bears-the-child-for-them",
    ),
    pytest.param(
        "拓宽农产品销路",
        _RESORT,
        "一、农户交一千元入会费成为会员，每推荐一名新会员可获得二百元奖励。",
        "prohibited",
        "blocking",
        id="a-fee-to-join-and-a-reward-per-recruit",
    ),
    pytest.param(
        "带动山区农户增收",
        _RESORT,
        "一、认购一份土特产礼包即可入会，此后每拉一位新人入会，可从其礼包款中抽取两成。",
        "prohibited",
        "blocking",
        id="a-cut-of-each-newcomer-s-money",
    ),
    pytest.param(
        "防范以“会员”为名的传销",
        _RESORT,
        "一、市场监管局公布典型案例，提醒群众凡是要交入会费、每拉一名新会员就给奖励的，都是传销陷阱。",
        "prohibited",
        "none",
        id="the-same-scheme-warned-against",
    ),
    pytest.param(
        "减轻野猪对庄稼的危害",
        _RESORT,
        "一、县林业局组织专业狩猎队对祸害庄稼的野猪开展种群调控，猎捕后统一无害化处理。",
        "prohibited",
        "none",
        id="a-lawful-cull",
    ),
    pytest.param(
        "化解农民工欠薪",
        "去年工人们向县里处理劳动争议的机构递交了申请，那边开过一次庭，说双方还要补充材料，至今没有结果。",
        "一、县人社局督促尽快作出裁决。",
        "litigation",
        "blocking",
        id="a-hearing-held-for-these-workers",
    ),
    pytest.param(
        "化解农民工欠薪",
        "开发商输了官司后又提出上诉，案子已经拖了半年。",
        "一、县住建局先行垫付工资。",
        "litigation",
        "blocking",
        id="an-appeal-lodged",
    ),
    pytest.param(
        "提升储备粮管理水平",
        "我从局里的台账上抄了几个尚未对外公开的数字：全市储备粮实际库存3.1万吨，比核定规模少0.9万吨。",
        "一、市财政局调整轮换费用补贴标准。",
        "state_secret",
        "blocking",
        id="figures-not-yet-published",
    ),
    pytest.param(
        "推进粮食储备信息公开",
        "我市储备粮库存数据尚未对外公开的情况较多，群众无从了解。",
        "一、市粮食和物资储备局每年主动公开储备粮规模。",
        "state_secret",
        "unflagged",
        id="asking-that-such-figures-be-published",
    ),
    pytest.param(
        "修通边境乡村道路",
        "山顶上的雷达站驻着官兵二十多人，站里有三部天线，去年又修了一座机房。",
        "一、县交通运输局把这条路列入农村公路提档升级计划。",
        "state_secret",
        "blocking",
        id="a-radar-station-s-crew-and-antennas",
    ),
    pytest.param(
        "正确认识某病的传播途径",
        "笔者倾向于认为，家庭内传播以母婴接触为主，共餐的作用被高估了。以上思考，就教于同道。",
        "一、有关部门组织专家进一步研究。",
        "academic",
        "blocking",
        id="a-physician-s-thesis-offered-to-colleagues",
    ),
    pytest.param(
        "完善社区慢病随访",
        "笔者倾向于认为，随访难的根子在于家庭医生人手不够，全区每名家庭医生要管2000多人。",
        "一、区卫健委今年为每个社区卫生服务中心增配两名家庭医生。",
        "academic",
        "unflagged",
        id="one-turn-of-phrase-in-a-sound-proposal",
    ),
    pytest.param(
        "规范农村低保评定",
        "据村民反映，青石村村主任王德顺把低保名额分给了自己的亲属，困难户反而没评上。",
        "一、县纪委监委对王德顺的问题彻底查清，严肃处理。",
        "whistleblowing",
        "blocking",
        id="a-named-official-favours-his-relatives",
    ),
    pytest.param(
        "规范农村低保评定",
        "近年来，一些村干部把低保名额给了自己的亲戚，还有的向村民收取“评定费”，群众意见较大。",
        "一、县民政局每年对低保对象开展一次全面复核，结果张榜公示。",
        "whistleblowing",
        "none",
        id="the-same-wrongs-told-of-no-one",
    ),
    pytest.param(
        "落实退役军人优抚待遇",
        "我爱人是参战退役军人，前年起抚恤金一直没有按新标准发。",
        "一、区退役军人事务局对其抚恤金按新标准补发到位。",
        "personal_matter",
        "blocking",
        id="a-spouse-s-allowance",
    ),
    pytest.param(
        "妥善补偿失地农户",
        "我家的两亩宅基地前年被征收，补偿款至今只给了一半。",
        "一、县自然资源局督促镇里把剩余款项一次付清。",
        "personal_matter",
        "blocking",
        id="the-proposer-s-own-land-measured",
    ),
    pytest.param(
        "落实退役军人优抚待遇",
        "全区有参战退役军人1200多人，我爱人也是其中之一，不少人的抚恤金没有按新标准发。",
        "一、区退役军人事务局年内完成全区抚恤金标准的核对和补发。",
        "personal_matter",
        "none",
        id="a-spouse-among-twelve-hundred",
    ),
    pytest.param(
        "加强煤矿安全监管",
        "据伤者家属讲，青山煤矿上月井下冒顶伤了三人，矿长孙立强瞒报了这起事故。",
        "一、市应急管理局对孙立强的问题立案调查，依法追究责任。",
        "whistleblowing",
        "blocking",
        id="a-named-mine-manager-hid-an-accident",
    ),
    pytest.param(
        "落实老年乡村医生补助",
        "我在村卫生室干了三十多年，去年县里只按二十年给我算补助。",
        "一、县卫健局按实际年限给我补发三年的差额。",
        "personal_matter",
        "blocking",
        id="the-proposer-asks-in-the-first-person",
    ),
    pytest.param(
        "落实老年乡村医生补助",
        "全县有老年乡村医生400多人，很多人的在岗年限没有认定清楚。",
        "一、县卫健局为我县老年乡村医生逐一核对在岗年限，按实际年限补发差额。",
        "personal_matter",
        "none",
        id="the-same-remedy-for-all-of-them",
    ),
    pytest.param(
        "核定原民办教师养老待遇",
        "吴家顺老人是笔者的外公，当过二十年民办教师，退休时教龄没有被认定。",
        "一、县人社局为吴家顺老人出具任教年限证明，重新核定养老金。",
        "personal_matter",
        "blocking",
        id="a-named-grandfather-said-to-be-the-proposer-s",
    ),
    pytest.param(
        "撤销分公司党支部合并",
        "我是分公司的党员。今年公司党委把我们支部并进了另一个支部，原来的书记改任委员。",
        "一、请公司党委收回合并决定，恢复原支部书记的职务。",
        "party_internal",
        "blocking",
        id="a-member-asks-that-a-merger-be-reversed",
    ),
    pytest.param(
        "规范基层党组织设置调整",
        "近年一些单位撤并党支部时没有听取党员意见，有的党员对此有看法。",
        "一、市委组织部明确党支部撤并前须召开党员大会听取意见。",
        "party_internal",
        "none",
        id="how-such-decisions-should-be-made",
    ),
    pytest.param(
        "加快老旧小区加装电梯",
        "城北有拆迁安置小区9个、多层住宅210栋，都没有电梯。我父亲也住在城北的安置小区，五楼。",
        "一、区住建局将每部电梯的补助提高到20万元。",
        "personal_matter",
        "none",
        id="a-parent-among-the-residents-of-a-resettlement-estate",
    ),
    pytest.param(
        "加快老旧小区加装电梯",
        "城北有拆迁安置小区9个、多层住宅210栋，都没有电梯。",
        "一、区住建局把我父亲在城北分到的安置房调换到二楼。",
        "personal_matter",
        "blocking",
        id="a-parent-s-flat-to-be-changed",
    ),
    pytest.param(
        "遏制网络赌博向农村青年渗透",
        "境外赌博平台常伪装成彩票或“理财”App，在熟人中宣传拉人，还有村民私自出售个人银行卡。",
        "一、县公安局每月通报一次新出现的赌博平台伪装形式。",
        "advertising",
        "none",
        id="a-gambling-site-posing-as-an-app",
    ),
    pytest.param(
        "遏制网络赌博向农村青年渗透",
        "境外赌博平台常伪装成彩票或“理财”App，在熟人中宣传拉人，还有村民私自出售个人银行卡。",
        "一、县公安局每月通报一次新出现的赌博平台伪装形式。",
        "prohibited",
        "none",
        id="a-gambling-site-posing-as-a-lottery",
    ),
    pytest.param(
        "提高退休乡村医生生活补助",
        "我父亲就是一名退休的乡村医生，像他这样干了二三十年的老村医，全县有300多名，每月补助只有200元左右。",
        "一、县卫健委把老村医生活补助提高到每月500元。",
        "personal_matter",
        "none",
        id="a-father-like-three-hundred-others",
    ),
    pytest.param(
        "解决新就业形态劳动者子女入学",
        "我市有外卖骑手、网约车司机约3万人，我的表弟就是其中一员，他们的孩子很多在老家当留守儿童。",
        "一、市教育局把新就业形态劳动者纳入积分入学范围。",
        "personal_matter",
        "none",
        id="a-cousin-one-of-thirty-thousand",
    ),
    pytest.param(
        "提高退休乡村医生生活补助",
        "我父亲是一名退休的乡村医生，干了二十八年，县里只按十八年给他算补助。",
        "一、县卫健委按二十八年给我父亲补发补助差额。",
        "personal_matter",
        "blocking",
        id="a-father-s-own-years-to-be-counted",
    ),
    pytest.param(
        "规范涉密载体管理",
        "县保密局去年检查了40个单位，发现12个单位存在涉密文件随意复印的问题。",
        "一、县保密局每年对各单位保密员轮训一次。",
        "state_secret",
        "none",
        id="the-secrecy-bureau-s-check-told",
    ),
    pytest.param(
        "调整城区学校布局",
        "据我看到的一份涉密文件，市里计划明年撤并城区小学9所，这个名单还没有对外公布。",
        "一、市教育局在撤并前听取家长意见。",
        "state_secret",
        "blocking",
        id="a-secret-paper-s-content-told",
    ),
    pytest.param(
        "做好征兵宣传",
        "据省军区下发的一份尚未公开的通知，今年我省征兵计划比去年减少了三成，其中大学生比例要求达到70%。",
        "一、县人武部提前做好大学生征兵动员。",
        "state_secret",
        "blocking",
        id="an-unreleased-notice-s-figures",
    ),
    pytest.param(
        "缓解不孕家庭生育难题",
        "不少不孕家庭想要孩子，却只能到境外花几十万元找人代怀孕。",
        "一、市卫健委批准三家有资质的医院开展代怀孕服务，统一收费标准。",
        "prohibited",
        "blocking",
        id="surrogacy-to-be-approved",
    ),
    pytest.param(
        "加强村级小微权力监督",
        "去年全县查处村干部违纪违法案件38起，其中侵占集体资金的21起，如某村会计挪用集体款项20万元已被判刑。",
        "一、县纪委监委在每个村推行小微权力清单。",
        "whistleblowing",
        "none",
        id="an-unnamed-village-s-accountant-as-an-example",
    ),
    pytest.param(
        "加强机关保密教育",
        "去年全市发生了两起机关干部用微信传送内部文件的泄密事件，暴露出保密意识不强。",
        "一、市保密局每年对机关干部开展一次保密培训。",
        "missing_situation",
        "none",
        id="an-event-told-with-what-it-shows",
    ),
    pytest.param(
        "改善学生营养餐",
        "城西的“禾丰”家庭农场种的胚芽米口感好、品质优，附近几所学校的老师都说好。",
        "一、县教育局把“禾丰”胚芽米定为全县中小学食堂指定用米。",
        "advertising",
        "blocking",
        id="a-family-farm-s-rice-for-every-canteen",
    ),
    pytest.param(
        "提高老年人防跌倒能力",
        "我市安泰医疗器械公司研制的防跌倒报警腰带能自动呼救，每条只要150元。",
        "一、市民政局为全市独居老人每人配发一条安泰报警腰带。",
        "advertising",
        "blocking",
        id="a-firm-s-belt-handed-out-to-every-old-person",
    ),
    pytest.param(
        "推广节水滴灌",
        "我县有耕地58万亩，滴灌面积不到一成。青禾种植专业合作社用上滴灌后亩产提高了两成，效果很好。",
        "一、县农业农村局总结推广青禾种植专业合作社的滴灌经验，对新建滴灌每亩补助300元。",
        "advertising",
        "unflagged",
        id="a-cooperative-s-experience-to-be-spread",
    ),
    pytest.param(
        "保障购房者按期收房",
        "翠湖名邸延期交房一年半，86户业主今年初起诉开发商，现在此案在市中院二审。",
        "一、市中院加快审理翠湖名邸一案。",
        "litigation",
        "blocking",
        id="a-case-told-by-where-it-stands",
    ),
    pytest.param(
        "推进房地产纠纷多元化解",
        "近三年，在市中院二审的房地产案件每年都有300多件，去年起诉到法院的物业纠纷有1100件。",
        "一、市住建局建立房地产纠纷人民调解委员会。",
        "litigation",
        "none",
        id="counts-of-cases-before-the-courts",
    ),
    pytest.param(
        "活跃乡村节日气氛",
        "过年时村民爱聚在一起打扑克，带点小彩头图个乐，可派出所常来查，大家很有意见。",
        "一、县公安局对节日期间村民的小额输赢不再处罚。",
        "prohibited",
        "blocking",
        id="small-stakes-to-go-unpunished",
    ),
    pytest.param(
        "保障休渔渔民生计",
        "伏季休渔长达三个半月，全镇800多户渔民没有收入。",
        "一、县海洋渔业局在休渔期允许小船每天出海捕捞一次。",
        "prohibited",
        "blocking",
        id="fishing-in-the-closed-season-allowed",
    ),
    pytest.param(
        "发展生殖健康产业",
        "外地不少家庭来我市求卵，本地有几家机构能做，却没有合法身份。",
        "一、市卫健委允许民营机构有偿提供卵子，统一定价。",
        "prohibited",
        "blocking",
        id="eggs-for-sale",
    ),
    pytest.param(
        "刹住节日赌博歪风",
        "春节期间，一些村民聚在一起打麻将，从带点彩头发展到一场输赢上万元。",
        "一、县公安局春节前后开展禁赌专项行动。",
        "prohibited",
        "none",
        id="small-stakes-that-grew-into-gambling",
    ),
    pytest.param(
        "加强伏季休渔管理",
        "去年伏季休渔期间，县海洋渔业局查获偷捕渔船37艘，有的夜间关掉定位设备出海捕捞。",
        "一、县海洋渔业局在休渔期实行24小时海上巡查。",
        "prohibited",
        "none",
        id="the-closed-season-enforced",
    ),
    pytest.param(
        "规范农村公路建设资金管理",
        "去年县纪委监委通报的原县交通局副局长收受工程款回扣一案，已由法院作出判决。",
        "一、县交通运输局对农村公路项目资金实行专户管理。",
        "litigation",
        "none",
        id="an-official-s-corruption-case-judged",
    ),
    pytest.param(
        "方便山区群众诉讼",
        "山区群众打一场官司要跑好几趟县城，领判决书也得专门跑一次。",
        "一、县法院在每个乡镇设立诉讼服务点，判决书可以邮寄送达。",
        "litigation",
        "none",
        id="what-a-lawsuit-costs-anyone",
    ),
    pytest.param(
        "提高渔船海上安全水平",
        "临海安渔电子科技有限公司研发的“安渔宝”终端性价比最高，渔民都说非常好用。",
        "一、市农业农村局将“安渔宝”终端列入全市渔船安全装备采购目录。",
        "advertising",
        "blocking",
        id="a-device-put-on-the-purchase-list",
    ),
    pytest.param(
        "打造县域茶叶公用品牌",
        "我县茶园9万亩，商标60多个，“青山白茶”前年获得地理标志登记。",
        "一、县农业农村局统一组织“青山白茶”公用品牌参加省内外茶博会。",
        "advertising",
        "none",
        id="a-county-s-public-brand",
    ),
    pytest.param(
        "维护种植户合法权益",
        "去年合作社统一采购了丰田肥业有限公司生产的复合肥，施用后大面积烧苗，"
        "经检测该批肥料氯离子超标，合作社向该公司索赔未果。",
        "一、县市场监管局对全县在售复合肥开展一次抽检。",
        "advertising",
        "none",
        id="a-firm-whose-fertiliser-burnt-the-crops",
    ),
    pytest.param(
        "规范渔船补助指标分配",
        "据渔民反映，分管渔业的副镇长吴某某分配补助指标时，每个指标要收“好处费”五万元。",
        "一、请县纪委监委对吴某某立案调查。",
        "whistleblowing",
        "blocking",
        id="a-deputy-mayor-s-fee-for-each-quota",
    ),
    pytest.param(
        "发展林下经济带动农户增收",
        "外地有一种“共享致富”模式，先交两千八百元入会金，每推荐一个新人入会，推荐人可以拿到两成，往下算三层。",
        "一、县商务局在我县引进这一模式，今年先在三个乡镇试点。",
        "prohibited",
        "blocking",
        id="a-joining-fee-and-three-levels-down",
    ),
    pytest.param(
        "方便山区孕妇产检",
        "山区不少家庭盼儿子，如果早知道是女孩，家里就可以及早处理，少受罪。",
        "一、乡卫生院在孕早期为有需要的家庭做检查，并把结果如实告诉家属。",
        "prohibited",
        "blocking",
        id="knowing-early-it-is-a-girl",
    ),
    pytest.param(
        "完善村党组织换届人选推荐",
        "我在村里当了十二年党支部书记，今年换届时镇党委没有把我列为候选人，我认为很不公平。",
        "一、请县委组织部对镇党委这次推荐候选人的过程进行复核。",
        "party_internal",
        "blocking",
        id="a-branch-secretary-left-off-the-list",
    ),
    pytest.param(
        "规范民主党派基层组织换届",
        "我是民进城南区基层委员会的一名普通会员，今年基层委员会换届时出现了不正常的情况。",
        "一、请民进市委会对这次换届进行复查。",
        "party_internal",
        "blocking",
        id="a-member-of-a-democratic-party-s-branch",
    ),
    pytest.param(
        "关心农村困难老人",
        "王秀兰，女，七十岁，青石镇柳塘村村民，是我的母亲，患病多年，没有收入。",
        "一、青石镇政府尽快将王秀兰纳入农村最低生活保障。",
        "personal_matter",
        "blocking",
        id="a-named-mother-for-subsistence-aid",
    ),
    pytest.param(
        "公开城区学校布局调整规划",
        "城区学校布局调整规划已编制两年，至今尚未向社会公布，家长不知道孩子将来在哪里上学。",
        "一、市教育局年内向社会公布城区学校布局规划。",
        "state_secret",
        "none",
        id="a-plan-asked-to-be-published",
    ),
    pytest.param(
        "补齐营商环境短板",
        "我列席的一次会议上发了还未对外公布的全省营商环境评价结果。据我的记录，我市排名第十一，比前年下降四位。",
        "一、市营商环境办根据评价结果逐项制定整改清单。",
        "state_secret",
        "blocking",
        id="an-unpublished-ranking-quoted-in-the-next-sentence",
    ),
    pytest.param(
        "用好红色影视资源",
        "电影《长津湖》上映后，不少学校组织学生观看，但农村学校观影条件差。",
        "一、县教育局为农村学校配备数字放映设备。",
        "advertising",
        "none",
        id="a-film-that-schools-went-to-see",
    ),
    pytest.param(
        "方便群众异地就医",
        "前年我父亲在省城做手术，回来报销跑了五趟。全县每年异地就医的有1.5万人次。",
        "一、县医保局推行异地就医费用直接结算。",
        "personal_matter",
        "unflagged",
        id="a-father-s-trouble-told-as-an-example",
    ),
    pytest.param(
        "方便群众异地就医",
        "前年我父亲在省城做手术，回来报销跑了五趟，至今还有八千元没有报。",
        "一、县医保局尽快为我父亲报销剩余的八千元。",
        "personal_matter",
        "blocking",
        id="the-father-s-own-claim-asked",
    ),
    pytest.param(
        "帮扶破产企业下岗职工",
        "刘秀芝（提案人之妻）原在县纺织厂上班，厂子破产后一直没有安置。",
        "一、县人社局为刘秀芝安排一个公益性岗位。",
        "personal_matter",
        "blocking",
        id="a-wife-named-in-brackets",
    ),
    pytest.param(
        "规范乡镇卫生院车辆管理",
        "白沙镇卫生院院长孙某把医院的救护车借给亲戚跑运输，病人急用时叫不到车。",
        "一、县卫健局对孙某的问题调查处理。",
        "whistleblowing",
        "blocking",
        id="an-ambulance-lent-to-relatives",
    ),
    pytest.param(
        "保护河道堤防安全",
        "城北的宏发砂石厂白天停工、夜里偷采，河床被挖出十几米深的大坑。",
        "一、县水利局会同县公安局对宏发砂石厂依法查处。",
        "whistleblowing",
        "blocking",
        id="a-sand-yard-digging-at-night",
    ),
    pytest.param(
        "推广村级财务管理经验",
        "石桥镇党委书记赵文华推行“村账镇管”后，五年来全镇没有发生一起挪用集体资金的事。",
        "一、县农业农村局在全县推广石桥镇的村级财务管理办法。",
        "whistleblowing",
        "none",
        id="a-party-secretary-under-whom-nothing-was-embezzled",
    ),
    pytest.param(
        "健全村务监督",
        "前年县纪委监委查处了李庄村原支书刘某侵占低保资金一案，刘某已被开除党籍。",
        "一、县民政局每年对村务监督委员会成员轮训一次。",
        "whistleblowing",
        "none",
        id="a-case-handled-and-closed",
    ),
    pytest.param(
        "规范发展镇村棋牌室",
        "老百姓打牌，带点“彩头”才有意思，一刀切不让带钱反倒管不住。",
        "一、县文旅局允许持证棋牌室定个底分，散场时按输赢当场结清，店主按输赢总额抽取5%服务费。",
        "prohibited",
        "blocking",
        id="stakes-settled-by-the-table",
    ),
    pytest.param(
        "妥善处理棚改遗留问题",
        "片区还有二十几户没有签约，其中东风路57号孙德厚户，是家父名下的房子，扩建的一间没有认定。",
        "一、区征收办对东风路57号孙德厚户再实地测量一次，把扩建部分按住宅面积认定补偿。",
        "personal_matter",
        "blocking",
        id="a-father-s-house-asked-for-by-its-owner-s-name",
    ),
    pytest.param(
        "方便随迁老人看病报销",
        "我母亲随我在城里生活，看病要托人回老家报销，这样的情况在我们小区几乎家家都有。",
        "一、市医保局简化随迁老人异地就医备案，子女可代为线上办理。",
        "personal_matter",
        "unflagged",
        id="a-mother-s-trouble-that-every-family-has",
    ),
    pytest.param(
        "督促履行项目付费义务",
        "项目公司把争议提交省城一家商事仲裁机构，该案已于今年3月和6月两次开庭，尚未作出裁决。",
        "一、省财政厅督促市政府在裁决前与项目公司和解，足额支付拖欠的服务费。",
        "litigation",
        "blocking",
        id="a-case-heard-twice",
    ),
    pytest.param(
        "规范科研经费使用",
        "据教师反映，理工学院院长覃立新主持的项目中，列支的劳务费有一半发给了从未到实验室工作的人。",
        "一、请省纪委监委对覃立新主持项目的经费使用开展调查。",
        "whistleblowing",
        "blocking",
        id="a-dean-of-an-uncommon-surname",
    ),
    pytest.param(
        "解决困难家庭危房问题",
        "我家在青石镇东街，老屋是五十年前的土坯房，去年雨季后墙开裂。",
        "一、镇政府把东街这一户纳入今年危房改造。",
        "personal_matter",
        "blocking",
        id="the-proposer-s-household-pointed-back-to",
    ),
    pytest.param(
        "解决困难家庭危房问题",
        "青石镇东街有一户孤寡老人，住的是五十年前的土坯房，去年雨季后墙开裂。",
        "一、镇政府把东街这一户纳入今年危房改造。",
        "personal_matter",
        "unflagged",
        id="a-neighbour-s-household-pointed-back-to",
    ),
    pytest.param(
        "解决农村危房问题",
        "全镇还有土坯房120户，多数是老人独居，去年雨季有9户后墙开裂。",
        "一、镇政府把这120户全部纳入今后两年的危房改造。",
        "personal_matter",
        "none",
        id="a-hundred-and-twenty-households",
    ),
    pytest.param(
        "规范村级工程建设",
        "村主任何长贵把村里修渠的工程直接交给自己的儿子，工程款多报了十几万元。",
        "一、请镇纪委对此人的问题进行核查。",
        "whistleblowing",
        "blocking",
        id="an-inquiry-into-this-man",
    ),
    pytest.param(
        "活跃农村节日生活",
        "过年时村民爱聚在一起推牌九，输赢几百元图个热闹，派出所一来就散了。",
        "一、县公安局对春节期间村民自发的推牌九不予查处。",
        "prohibited",
        "blocking",
        id="pai-gow-to-go-unpunished",
    ),
    pytest.param(
        "完善人防设施",
        "据了解，城东的人防指挥所入口在区政府大院后侧，可容纳200人，通信设备已经老化。",
        "一、区人防办更新这处设施的通信设备。",
        "state_secret",
        "blocking",
        id="where-a-command-post-is",
    ),
    pytest.param(
        "盘活闲置人防工程",
        "全市有人防工程47处，多数平时闲置，有的积水发霉。",
        "一、市人防办会同市住建局把适合的人防工程平时开放为停车场。",
        "state_secret",
        "none",
        id="idle-shelters-to-be-used",
    ),
    pytest.param(
        "改进高龄老人养老金认证",
        "我父亲八十五岁，卧床两年，每年认证都过不了刷脸，最后只能请社区的同志上门。",
        "一、县社保中心对有就医记录的高龄退休人员实行静默认证。",
        "personal_matter",
        "unflagged",
        id="what-the-family-had-to-do",
    ),
    pytest.param(
        "规范乡镇工作群使用",
        "各乡镇工作群常直接转发上级文件的截图，其中有的标注了“内部资料”，群里还有已退休的人员。",
        "一、县政务服务数据管理局年内把政务办公系统延伸到村。",
        "state_secret",
        "unflagged",
        id="marked-papers-forwarded",
    ),
    pytest.param(
        "规范胎儿染色体检测",
        "不少家庭想早点知道结果，托人把血样寄到境外去查。",
        "一、县卫健局批准县妇幼保健院开展孕早期检测，结果以XX或XY的形式直接告知家属。",
        "prohibited",
        "blocking",
        id="the-result-told-as-xx-or-xy",
    ),
    pytest.param(
        "发展古镇夜间经济",
        "古镇晚上八点以后就没人了，游客当天就走。",
        "一、县文旅局引进“休闲会所”，游客用现金兑换筹码入场，离场时兑回现金，年内开业。",
        "prohibited",
        "blocking",
        id="chips-bought-and-cashed",
    ),
    pytest.param(
        "帮助果农追回货款",
        "四十户果农去年到县法院递了状子，法院立了案，今年开过两次庭，还没有判。",
        "一、请县人民法院加快审理，尽快判决公司付清货款。",
        "litigation",
        "blocking",
        id="a-court-asked-to-rule",
    ),
    pytest.param(
        "提高涉农纠纷审判效率",
        "去年县法院受理涉农合同纠纷案件420件，平均审理周期96天。",
        "一、请县人民法院对涉农案件开辟绿色通道，加快审理。",
        "litigation",
        "none",
        id="a-court-asked-to-be-faster-in-general",
    ),
    pytest.param(
        "解决乡镇护士编制问题",
        "石砚乡卫生院有合同制护士12人。林晓雯系提案人的小女儿，在卫生院工作八年仍无编制。",
        "一、请县卫健局为林晓雯同志解决事业编制问题。",
        "personal_matter",
        "blocking",
        id="a-youngest-daughter-named-first",
    ),
    pytest.param(
        "完善基层站所负责人监督",
        "从一个具体情况看漏洞：青山镇兽医站站长包某某近三年把防疫补贴大多发给了自己承包的养殖场。",
        "一、县农业农村局建立站所负责人轮岗制度。",
        "whistleblowing",
        "blocking",
        id="a-station-chief-s-own-farm",
    ),
    pytest.param(
        "加强国有企业招投标监管",
        "县城投公司副总经理邱某在去年的道路工程招标中，事先把标底透露给了一家外地企业。",
        "一、县审计局对城投公司去年的工程招标开展审计。",
        "whistleblowing",
        "blocking",
        id="a-tender-price-leaked",
    ),
    pytest.param(
        "完善基层站所监督",
        "县审计局去年审计12个乡镇兽医站，发现有的把防疫补贴发给了站长自己承包的养殖场。",
        "一、县农业农村局每年对各站补贴发放审计一次。",
        "whistleblowing",
        "none",
        id="an-audit-s-findings-of-no-one",
    ),
    pytest.param(
        "方便随迁老人异地就医",
        "我父亲每次回老家报销都要带上发票和病历，全市像他这样随子女常住的老人约4万人。",
        "一、市医保局扩大门诊慢特病跨省直接结算的病种。\n二、我家的情况只是其中之一，提出来是因为体会最真切。",
        "personal_matter",
        "unflagged",
        id="my-family-one-of-many-in-a-closing-line",
    ),
    pytest.param(
        "推进困难老人家庭适老化改造",
        "全区有独居的八十岁以上老人3200人，家中防滑、扶手设施普遍缺乏。",
        "一、区民政局三年内完成八十岁以上独居老人家庭的适老化改造，每户补助3000元。",
        "personal_matter",
        "none",
        id="old-people-s-households",
    ),
    pytest.param(
        "完善牧区巡回审判",
        "一个牧民从嘎查到县城立案、开庭、领判决书，来回至少三趟。",
        "一、县法院在每个苏木设立固定巡回审判点。",
        "litigation",
        "none",
        id="what-any-herder-goes-through",
    ),
    pytest.param(
        "加强大学生反诈教育",
        "全市去年有300多名大学生因出借银行卡被冻结，有的已经被冻结卡一年多。",
        "一、市公安局对已经被冻结卡、情节轻的学生做好教育和解冻指导。",
        "litigation",
        "none",
        id="students-cards-frozen",
    ),
    pytest.param(
        "做大斗牛节文旅品牌",
        "每年斗牛节能吸引三四万人次，但游客只能站着看，参与感不强。",
        "一、在斗牛场设立竞猜服务点，游客赛前选牛投入一定金额，猜中的按赔率兑奖。",
        "prohibited",
        "blocking",
        id="bullfight-betting",
    ),
    pytest.param(
        "拓宽不孕家庭生育渠道",
        "全市每年新增无法自行妊娠的育龄妇女约三百例，有的家庭冒险找地下中介。",
        "一、市妇幼保健院试点委托孕育项目，由委托夫妇向志愿者支付服务报酬。",
        "prohibited",
        "blocking",
        id="commissioned-gestation",
    ),
    pytest.param(
        "激活边民互市",
        "对面过来的象牙雕件、犀角杯、虎骨酒，内地客人抢着要，在我们这边却不让卖。",
        "一、请州商务局在互市点划出专区，允许边民将上述商品带入交易，不再按走私处理。",
        "prohibited",
        "blocking",
        id="ivory-let-in-at-the-border-market",
    ),
    pytest.param(
        "解决医保报销卡脖子问题",
        "提案人：吴立川\n柘溪镇吴姓老人，七十八岁，急诊转到省城，因没有备案只报了三成。",
        "一、请县医保局对上述吴姓老人的住院费用按急诊转院重新核定报销。",
        "personal_matter",
        "blocking",
        id="a-person-of-the-proposer-s-surname",
    ),
    pytest.param(
        "重新审视民进基层委员会主委人选",
        "去年民进河西区基层委员会召开会员大会，选出了新一届主委。我入会十二年，对这次的结果有很大意见。",
        "一、请民进市委会对这次主委人选的提名过程进行复查。",
        "party_internal",
        "blocking",
        id="a-member-of-twelve-years-objects-to-a-vote",
    ),
    # Round 14 (u136 development draft): the proposer's own branch, whose renewal has
    # been put off for years and whose new members share the chairman's unit.
    pytest.param(
        "加强民主党派县级基层组织建设",
        "民进云泽县支部现有会员46人，上一次换届是2015年，此后一直以“条件不成熟”为由推迟，"
        "新会员9人中有6人与主委在同一单位工作。",
        "一、请民进市委会督促云泽县支部年底前完成换届。",
        "party_internal",
        "blocking",
        id="the-own-branch-renewal-put-off",
    ),
    pytest.param(
        "加强民主党派县级基层组织建设",
        "全市各民主党派县级组织32个，有的换届时间一再推迟，组织生活不够规范。",
        "一、各民主党派市委会每年对县级组织开展一次工作检查，按期指导换届。",
        "party_internal",
        "unflagged",
        id="branches-in-general-renewal-put-off",
    ),
    # Round 14 (u130 development draft): 作为在医院工作了二十多年的老党员 tells the
    # proposer's membership in more than ten characters; so does a bracketed line.
    pytest.param(
        "重新研究市中心医院党委班子调整方案",
        "作为在医院工作了二十多年的老党员，我对这次医院党委班子的调整有不同看法。",
        "一、市卫健委党组对医院党委班子调整方案重新研究，副书记人选从院内产生。",
        "party_internal",
        "blocking",
        id="an-old-member-objects-to-the-committee",
    ),
    pytest.param(
        "重新研究市中心医院党委班子调整方案",
        "提案人：邵安国\n（中共党员，市中心医院心内科主任）\n今年医院党委班子调整，副书记从机关调任，我对此有不同看法。",
        "一、市卫健委党组对医院党委班子调整方案重新研究，副书记人选从院内产生。",
        "party_internal",
        "blocking",
        id="a-bracketed-member-objects-to-the-committee",
    ),
]


def _severities(review: Review, code: str) -> list[str]:
    return [f.severity for f in review.findings if f.code == code]


@pytest.mark.parametrize(("topic", "situation", "items", "code", "expected"), _SIGNALS)
def test_a_signal_and_its_trap(
    topic: str, situation: str, items: str, code: str, expected: str
) -> None:
    review = review_proposal(_HEAD.format(topic=topic) + situation + _TAIL.format(items=items))
    severities = _severities(review, code)
    if expected == "blocking":
        assert "blocking" in severities
    elif expected == "hint":
        assert severities == ["hint"]
    elif expected == "unflagged":
        assert set(severities) <= {"hint"}
    else:
        assert severities == []


def test_suggestions_that_name_no_one_and_nothing_concrete_are_vague_whatever_the_slogan() -> None:
    # Round 7: an item with no slogan the lexicon knows (各级各部门要站位全局) beside
    # slogans is no measure either.
    text = (
        "关于改善农村养老服务的建议\n\n我县农村60岁以上老人3.1万人，去年12345热线相关投诉300多件。\n\n"
        "问题的根子在于投入不足，管理分散，各部门之间缺乏衔接。\n\n建议：\n"
        "一、各级各部门要站位全局，把这件事当作头等大事来抓。\n"
        "二、要拿出真招实招硬招，切实把好事办好。\n"
    )
    assert _severities(review_proposal(text), "vague_suggestions") == ["blocking"]
    # With a measure beside them (each village's canteen open five days a week), not.
    measured = text.replace(
        "各级各部门要站位全局，把这件事当作头等大事来抓", "每个村的老年食堂每周开放五天"
    )
    assert _severities(review_proposal(measured), "vague_suggestions") == []


def test_a_shop_named_for_a_wrong_is_whistleblowing_not_advertising() -> None:
    # Round 7: a restaurant named in quotes (“好再来”酒楼) with a wrong and a call to
    # punish it is a report on it; the quoted name before 酒 is not a brand of wine.
    text = (
        "关于加强餐饮食品安全监管的建议\n\n我县现有餐饮店1500家，去年12345热线相关投诉有300多件。\n\n"
        "问题的根子在于抽检力量不足，各部门之间缺乏衔接。\n\n建议：\n{item}\n"
    )
    named = review_proposal(
        text.format(
            item="一、县市场监管局对城东“好再来”酒楼长期使用地沟油一事严肃查处，依法吊销其执照。"
        )
    )
    assert _severities(named, "whistleblowing") == ["blocking"]
    assert _severities(named, "advertising") == []
    general = review_proposal(
        text.format(
            item="一、县市场监管局每季度对全县餐饮店开展一次地沟油专项抽检，结果向社会公布。"
        )
    )
    assert not {"whistleblowing", "advertising"} & set(general.codes)


@pytest.mark.parametrize(
    "opening",
    [
        "对此，我有三点想法：\n1. 每所农村小学配一名校医。\n2. 校医经费纳入县财政预算。",
        "解决的办法：由县卫健委从卫生院选派医生驻校，每周两天。",
        "下面提几条具体办法。\n（一）县教育局按每校一名的标准配备校医。",
        "具体做法上，可以考虑三条：第一，选派医生驻校；第二，县财政安排补助。",
        "几点打算：\n1. 县教育局年内为每所学校配一名校医。",
        "相关部门应尽快为每所农村小学配一名校医，编制由县编办统筹。",
        "政府可以从卫生院选派医生驻校，每周两天，补助由县财政列支。",
        "我的建议就一条：县卫健委给每个乡镇中心校派一名常驻医生。",
        "能不能这样：由县卫健委和县教育局联合，每个乡镇配一名巡回校医？",
        "我们呼吁，县卫健委年内为每所农村小学配备一名校医。",
        "最好能由县医院每月派医生到各校巡诊一次。",
        "附：具体想法\n1. 县卫健委每年为农村小学培训兼职校医100名。",
        "解决办法其实不难。县卫健委今年从卫生院选派医生驻校，每周两天。",
        "具体来说分两步走：第一步，县教育局年内摸清缺口；第二步，县卫健委明年为每所学校配齐校医。",
        "如何破解？笔者以为，县卫健委今年应为每所农村小学配一名校医。",
        "有两件事可以马上做。其一，县卫健委从卫生院选派医生驻校，每周两天。",
        "对策方面：\n◆县卫健委从乡镇卫生院选派医生驻校，每周两天。",
        "具体设想\nA. 县教育局年内为每所农村小学配一名校医。",
        "可否考虑由县卫健委每月派医生到各校巡诊一次？",
        "Ⅲ 几点意见\n（甲）县卫健委年内为每所农村小学配一名校医。",
        "对此，本人提两点：县卫健委年内为每所农村小学配一名校医；县财政每年安排补助。",
        "〔一〕配校医。县卫健委年内为每所农村小学配一名校医。",
    ],
)
def test_suggestions_opened_in_a_member_s_own_words_are_found(opening: str) -> None:
    # Round 7: 想法、办法、做法、打算 and 几条 open the suggestions as 建议 does; with
    # no cue word, so does a clause in a later paragraph that plans what a public
    # body will do (县卫健委今年从……选派).
    text = (
        "关于为农村小学配备校医的建议\n\n我县有农村小学46所，只有3所配有专职校医。"
        "去年学校发生意外伤害212起。\n\n主要原因是编制不足，乡镇卫生院人手紧张。\n\n"
    )
    assert "missing_suggestions" not in review_proposal(text + opening).codes


@pytest.mark.parametrize(
    "line",
    [
        "按规定学校应在每学期开学时组织一次体检，但全县只有5所做到。",
        "学校应当配备校医，实际上多数学校配不起来。",
        "家长要把孩子送到几十里外的卫生院看病。",
        "县卫健委去年为5所学校配了校医，其余学校至今没有。",
        "县教育局每学期都会组织体检，但只能查身高体重。",
        "县卫健委负责全县校医培训，每年只有一期。",
    ],
)
def test_a_rule_not_kept_or_what_people_do_is_not_a_suggestion(line: str) -> None:
    # Round 7: the modal fallback wants a public subject for 应、要、可以, and a rule
    # stated and then not kept (……应……，但……) is situation; so is what a body has
    # done or does (去年……配了、都会、只有).
    text = (
        "关于为农村小学配备校医的建议\n\n我县有农村小学46所，只有3所配有专职校医。\n"
        f"{line}\n主要原因是编制不足，乡镇卫生院人手紧张。\n"
    )
    assert _severities(review_proposal(text), "missing_suggestions") == ["blocking"]


@pytest.mark.parametrize(
    ("question", "answer", "suggests"),
    [
        ("怎么解决？", "县卫健委从乡镇卫生院选派医生，每周到学校坐诊两天。", True),
        ("有什么好办法？", "县教育局按每校一名的标准，年内配齐校医。", True),
        ("孩子在学校受伤了怎么办？", "只能由老师骑摩托车送到十几里外的卫生院。", False),
    ],
)
def test_a_draft_told_as_questions_and_answers_asks_how_to_solve(
    question: str, answer: str, suggests: bool
) -> None:
    # Round 7: 问：怎么解决？ opens the suggestions; a question of what happens does not.
    text = (
        "关于为农村小学配备校医的建议\n\n我县有农村小学46所，只有3所配有专职校医。\n\n"
        "问：为什么配不齐？\n答：主要原因是编制不足，乡镇卫生院人手紧张。\n\n"
        f"问：{question}\n答：{answer}\n"
    )
    found = _severities(review_proposal(text), "missing_suggestions")
    assert found == ([] if suggests else ["blocking"])


def test_two_views_of_scholars_do_not_open_the_suggestions() -> None:
    text = (
        "关于青崖话声调成因的建议\n\n学界对其成因一直有两种看法：一种认为是历史层次的遗留，"
        "一种认为是接触的结果。青崖话现有使用人口约3万人。\n\n"
        "原因在于田野调查不足。\n\n建议：\n一、县文旅局每年安排经费10万元开展方言调查。\n"
    )
    review = review_proposal(text)
    assert not {"missing_situation", "missing_analysis"} & set(review.flagged)


@pytest.mark.parametrize(
    ("title", "personal"),
    [
        ("关于认定赵德明老人赤脚医生工龄的建议", True),
        ("关于为赵秀英落实赤脚医生补助的建议", True),
        ("关于认定钱德明老人赤脚医生工龄的建议", False),
    ],
)
def test_a_proposal_for_one_person_of_the_proposer_s_surname_is_personal(
    title: str, personal: bool
) -> None:
    # Round 7: the title is about one person of the proposer's own surname, and a
    # suggestion asks a remedy for them by name.
    name = title[4:7] if title[2] != "为" else title[3:6]
    text = (
        f"{title}\n\n提案人：赵宏伟\n界别：医药卫生\n\n"
        f"{name}1946年生，1972年起在柳树湾村当赤脚医生，干到2005年。"
        "乡卫生院说1981年以前的档案找不到了，只按二十四年发放补助。\n\n"
        "原因是早年档案管理不规范。\n\n"
        f"建议：\n一、请县卫生健康局认定{name}1972年至1981年的赤脚医生工龄，补发差额。\n"
    )
    found = _severities(review_proposal(text), "personal_matter")
    assert found == (["blocking"] if personal else [])


def test_a_village_of_the_proposer_s_surname_is_no_family() -> None:
    # 赵家坝村 is a place, not the proposer 赵宏伟's family (round 7; it was blocked).
    text = (
        "关于赵家坝村通公路的建议\n\n提案人：赵宏伟\n\n赵家坝村有村民300户，至今不通公路。\n\n"
        "原因是地处山区，修路成本高。\n\n建议：\n一、县交通局今年为赵家坝村修通公路，安排资金200万元。\n"
    )
    assert "personal_matter" not in review_proposal(text).codes


def test_a_proposer_who_asks_for_their_own_family_by_name_asks_a_personal_remedy() -> None:
    # Round 7: the proposer of the 提案人 line, then named as a family (周家) in a
    # suggestion; 周家湾 is a village of that name, not the family.
    text = (
        "关于解决老职工住房困难的建议\n提案人：周宝林\n界别：经济界\n\n"
        "周宝林同志1980年进厂，1997年已排上福利分房名单，至今仍住在简易平房里。\n\n"
        "原因是1998年停止福利分房后，这批房子没有分下来。\n\n建议：\n一、{item}\n"
    )
    own = review_proposal(text.format(item="区住建局从棚改安置房源中为周家分配一套两居室。"))
    assert _severities(own, "personal_matter") == ["blocking"]
    village = review_proposal(
        text.format(item="区住建局把周家湾等三个片区的平房纳入明年棚改计划，安置房源向老职工倾斜。")
    )
    assert _severities(village, "personal_matter") == []


def test_a_plea_to_the_county_s_leaders_is_no_suggestion() -> None:
    # Round 7: naming who is asked (县委、县政府领导) asks nothing concrete of them.
    text = (
        "关于高寒山区冬季道路结冰问题的建议\n\n雪坪乡到县城的公路有38公里，去年冬天翻了3辆车。\n\n"
        "主要是阴坡路段排水不好，道班撤了以后没人撒盐。\n\n{last}"
    )
    plea = review_proposal(text.format(last="恳请县委、县政府领导高度重视，多关心关心山区群众。"))
    assert _severities(plea, "missing_suggestions") == ["blocking"]
    asked = review_proposal(
        text.format(last="恳请县政府高度重视，在今年入冬前为阴坡路段配备两台除冰车。")
    )
    assert "missing_suggestions" not in asked.codes


def test_slogans_that_name_a_body_s_plans_or_a_last_mile_are_still_slogans() -> None:
    # Round 7: 县委、县政府的决策部署, 系统观念 and 最后一公里 are no body, tool or
    # distance that anyone is asked to act with.
    text = (
        "关于推动全域旅游发展的建议\n\n我县2023年接待游客680万人次，过夜率不到两成。\n\n"
        "主要是景区之间交通不便，缺少夜间项目。\n\n建议：\n"
        "一、要把思想统一到县委、县政府的决策部署上来，提高站位。\n"
        "二、要坚持系统观念，打通服务游客的“最后一公里”，形成齐抓共管的格局。\n"
        "三、要久久为功，一张蓝图绘到底，推动旅游高质量发展。\n"
    )
    assert _severities(review_proposal(text), "vague_suggestions") == ["blocking"]
    measured = text.replace(
        "要久久为功，一张蓝图绘到底，推动旅游高质量发展", "县交通运输局明年开通3条景区直通车线路"
    ).replace(
        "要坚持系统观念，打通服务游客的“最后一公里”，形成齐抓共管的格局",
        "县文旅局每年举办两次夜游活动",
    )
    assert _severities(review_proposal(measured), "vague_suggestions") == []


def test_suggestions_told_by_who_is_to_act_without_a_cue_word_are_found() -> None:
    # Round 7: a last paragraph that opens with a public body and what it is to do
    # (……可会同……; 由……负责), or with 我们的想法是：, holds the suggestions.
    text = (
        "关于为农村小学配备校医的建议\n\n"
        "我县共有农村小学46所，学生1.2万人，只有3所配有专职校医。去年全县学校发生意外伤害212起。\n\n"
        "主要原因是编制不足，乡镇卫生院人手紧张，学校经费也没有这笔开支。\n\n{last}"
    )
    for last in (
        "下一步，县教育局可会同县卫健委，在2027年秋季学期前为每所农村小学配备一名校医。",
        "我们的想法是：由县卫健委从乡镇卫生院选派医生到学校兼职，每周驻校两天。",
        "我想了两条，供参考：\n第一，县卫健委根据各校学生人数和路程远近，在明年春季开学前派驻兼职校医。",
    ):
        review = review_proposal(text.format(last=last))
        assert "missing_suggestions" not in review.codes, last
    # What a body once required is a fact, not a suggestion.
    told = review_proposal(text.format(last="县教育局要求各校上报情况，但至今没有下文。"))
    assert _severities(told, "missing_suggestions") == ["blocking"]


def test_matters_handed_out_in_one_sentence_are_several() -> None:
    # Round 7: one sentence may give three departments three unrelated tasks.
    text = (
        "关于改善城南片区群众生活的建议\n\n城南片区有居民5万人。菜市场拆除后一直没有新建，"
        "片区唯一的小学每班超过55人，城南河沿岸夜间没有路灯。\n\n"
        "原因是片区开发时配套设施没有同步规划。\n\n建议{last}"
    )
    several = (
        "市商务局年内新建一个社区菜市场，市教育局明年秋季前新增一所小学，"
        "市城管局在河边安装路灯120盏。"
    )
    assert _severities(review_proposal(text.format(last=several)), "multiple_matters") == [
        "warning"
    ]
    # Co-handlers named in a clause of their own serve the first clause's task.
    one = "由市公安局牵头整治片区治安，市民政局、市文旅局配合，年内在片区新建两个警务室。"
    assert "multiple_matters" not in review_proposal(text.format(last=one)).flagged


def test_matters_told_one_after_another_with_their_own_facts_are_several() -> None:
    text = (
        "关于改善城区公共服务的建议\n\n"
        "1. 公园夜间照明不足\n城西公园有路灯120盏，去年坏了40盏至今未修，晚上散步的老人摔伤过3人。"
        "建议市城管局年内修复全部路灯。\n\n"
        "2. 小学课后托管名额少\n我在走访中了解到，城西三所小学的课后托管每校只收80人，"
        "双职工家庭排不上号。"
        "原因是托管老师不够。建议市教育局每校增加两名托管教师。\n"
    )
    review = review_proposal(text)
    assert _severities(review, "multiple_matters") == ["warning"]
    one = review_proposal(
        text.replace("2. 小学课后托管名额少", "2. 公园健身步道照明缺失")
        .replace(
            "城西三所小学的课后托管每校只收80人，双职工家庭排不上号",
            "城西公园健身步道没有照明，夜跑的人只能摸黑",
        )
        .replace(
            "原因是托管老师不够。建议市教育局每校增加两名托管教师。",
            "原因是步道建成时没有预留电缆。建议市城管局在步道沿线加装地灯。",
        )
    )
    assert "multiple_matters" not in one.codes


def test_a_plea_to_care_and_come_and_see_is_no_suggestion() -> None:
    review = review_proposal(
        "关于关爱山区留守儿童的建议\n\n我乡有留守儿童420名，其中六十多个孩子由七十岁以上的老人照看。\n\n"
        "老人顾不过来，孩子放学后没人管，主要是村里没有托管的地方。\n\n"
        "恳请各级领导多关心关心山里的孩子，常到我们这里来看看。\n"
    )
    assert "missing_suggestions" in review.flagged
    heart = review_proposal(
        "关于修复羊角村通村公路的建议\n\n村口的公路去年塌了四十米，班车停了一年。\n\n"
        "那段路下面是松土，修路时没有砌挡墙。\n\n"
        "只想请各位领导到村里来看一看，恳请领导们把羊角村的事情放在心上。\n"
    )
    assert "missing_suggestions" in heart.flagged


def test_i_offer_a_few_ideas_opens_the_suggestions() -> None:
    review = review_proposal(
        "关于完善景区投诉处理的建议\n\n去年全州景区游客投诉1860件，三成超过一个月没有答复。\n\n"
        "原因是投诉渠道分散，部门之间互相推诿。\n\n"
        "我提几点具体的想法：\n第一，州文旅局把各景区投诉电话统一接入12345热线，48小时内回复。\n"
        "第二，州市场监管局每季度公布一次投诉处理情况。\n"
    )
    assert "missing_suggestions" not in review.codes


def test_items_numbered_qi_yi_after_a_classical_lead_are_the_suggestions() -> None:
    review = review_proposal(
        "关于修缮城西古桥的建议\n\n城西古桥建于清代，桥面石板松动三十余处，去年有老人摔伤。\n\n"
        "古桥不是文物保护单位，修缮没有经费来源，管护责任也不清。\n\n"
        "谨陈数端，望有司采纳：\n其一，县文物局年内完成古桥文物认定。\n"
        "其二，县财政安排修缮专项资金，明年汛前完成桥面修复。\n"
    )
    assert "missing_suggestions" not in review.codes
    assert review.suggestions is not None and "县财政" in review.suggestions.text


def test_departments_serving_one_thing_and_its_supporting_services_are_one_matter() -> None:
    text = (
        "关于加快科创园区人才公寓及生活配套建设的建议\n\n园区企业有技术人员两千余人，七成在城区租房，通勤单程一小时。\n\n"
        "原因是园区规划时没有预留居住用地，配套跟不上。\n\n建议：\n"
        "一、区住建局利用预留用地，2027年底前建成人才公寓八百套。\n"
        "二、区教育局新建一所幼儿园，区卫健局设一个社区卫生服务站。\n"
        "三、区交通运输局开通至城区的早晚通勤公交。\n"
    )
    assert _severities(review_proposal(text), "multiple_matters") in ([], ["hint"])
    several = review_proposal(text.replace("人才公寓及生活配套建设", "发展"))
    assert _severities(several, "multiple_matters") == ["warning"]


_BORDER_MARKET = (
    "{title}\n\n提案人：韦丽芳\n\n2019年互市点每天进出的边民有两千多人，去年日均只剩五六百人，"
    "摊位空了一大半。\n\n原因是县城到互市点没有公交，摊位环境也差。\n\n建议：\n"
    "1. 县商务局对坚持经营的边民互助组每年给予补贴。\n"
    "2. 县交通运输局开通县城到互市点的公交线路，每天不少于6班。\n"
    "3. 县市场监管局对互市点的摊位、消防、卫生进行一次全面整治。\n"
)


def test_a_question_for_a_title_is_the_title_and_names_the_one_matter() -> None:
    # Round 7: a short first line ending in ？ is the title (not the situation); its
    # topic (互市) ties the three departments' items to one matter.
    review = review_proposal(_BORDER_MARKET.format(title="边民互市为啥越来越冷清？"))
    assert review.title is not None and review.title.text == "边民互市为啥越来越冷清？"
    assert _severities(review, "title_format") == ["warning"]
    assert _severities(review, "multiple_matters") in ([], ["hint"])


@pytest.mark.parametrize(
    ("item", "one"),
    [
        ("二、县应急管理局在雨季对该路段开展地质灾害巡查。", True),
        ("二、县应急管理局对全县化工企业开展一次消防安全检查。", False),
    ],
)
def test_an_item_that_points_back_to_the_matter_serves_it(item: str, one: bool) -> None:
    # Round 7: 该路段 points back to the road of the title, whichever unit acts.
    text = (
        "关于改善山区道路通行条件的建议\n\n上山只有一条约9公里的砂石路，雨季经常塌方，去年断路三次。\n\n"
        "原因是路基松软，没有排水沟。\n\n建议：\n"
        f"一、县交通运输局将这条道路纳入农村公路提质改造计划，按四级公路标准硬化。\n{item}\n"
    )
    found = _severities(review_proposal(text), "multiple_matters")
    assert (found in ([], ["hint"])) if one else found == ["warning"]


def test_a_co_handler_s_clause_takes_up_the_topic_of_its_sentence() -> None:
    # Round 7: the clause 市教育局在中小学食堂优先选用 is cut from a sentence on 渔婆婆.
    text = (
        "关于支持“渔婆婆”鱼露走进千家万户的建议\n\n渔湾县的“渔婆婆”鱼露年产一千二百吨，"
        "带动三百多户渔民就业，但在市区超市很难买到。\n\n原因在于企业规模小、销售渠道少。\n\n建议：\n"
        "一、请市机关事务管理局将“渔婆婆”鱼露列入机关食堂采购目录，市教育局在中小学食堂优先选用。\n"
        "二、请市商务局协调各大超市设立“渔婆婆”专柜。\n"
        "三、请市文化广电旅游局在旅游手册中加入“渔婆婆”鱼露的介绍。\n"
    )
    assert _severities(review_proposal(text), "multiple_matters") in ([], ["hint"])


def test_a_bracketed_sector_line_at_the_end_is_no_suggestion() -> None:
    text = (
        "关于建设园区集中式表面处理中心的建议\n\n园区47家企业的电镀工序七成要送往外市加工。\n\n"
        "原因是单个企业自建设施环评难以通过。\n\n"
        "建议：\n1. 市生态环境局在园区东片规划建设集中式表面处理中心，2026年底前建成。\n\n"
        "（市工商联界别提案）\n"
    )
    review = review_proposal(text)
    assert review.suggestions is not None and "工商联" not in review.suggestions.text


def test_lines_naming_the_handling_units_are_no_suggestion() -> None:
    # Round 7: 建议主办单位：…… under the proposer's line is a heading field, not the
    # start of the suggestions (the situation and analysis after it were lost).
    text = (
        "关于治理城东下穿隧道积水的建议\n\n提案人：吴志远\n建议主办单位：市城市管理局\n"
        "建议协办单位：市水务局、市交通运输局\n\n城东下穿隧道去年汛期积水封闭6次，最长一次9个小时。\n\n"
        "主要原因是排水泵站功率偏小，出水口淤积。\n\n为此建议，市城市管理局年内为隧道泵站增加两台水泵。\n"
    )
    codes = review_proposal(text).codes
    assert "missing_situation" not in codes
    assert "missing_analysis" not in codes


def test_one_body_leading_and_others_sharing_the_work_is_one_matter() -> None:
    # Round 7: a lead unit with a task force (由……牵头，成立……专班，分工推进) hands one
    # matter to several departments; without it the same items read as several.
    text = (
        "关于治理城东片区内涝的建议\n\n城东片区去年汛期严重积水11次，积水最深处达1.2米。\n\n"
        "原因是管网老旧、泵站功率小、河道淤积，三个环节分属不同部门。\n\n"
        "{lead}\n（一）市住建局负责雨水管网改造，明年汛期前完成主管道施工。\n"
        "（二）市城管局负责下穿通道排涝泵站扩容，增加一台大功率水泵。\n"
        "（三）市水利局负责东渠河清淤疏浚，加装防倒灌闸门。\n"
        "（四）市交通运输局制定暴雨期间公交临时接驳方案。\n"
    )
    lead = "为此建议，由市住建局牵头，成立内涝治理专班，分工推进："
    led = review_proposal(text.format(lead=lead))
    assert _severities(led, "multiple_matters") in ([], ["hint"])
    plain = review_proposal(text.format(lead="为此建议："))
    assert "warning" in _severities(plain, "multiple_matters")


def test_a_plea_for_sympathy_asks_for_nothing() -> None:
    # Round 7: 恳请……体谅……，关心一下…… asks for attention, not an action.
    text = (
        "关于一位失能老人入住公办养老院的建议\n\n我父亲今年八十七岁，卧床三年，排队公办养老院两年多了。\n\n"
        "福利院床位只有三百张，每年空出来的不到四十张。\n\n"
        "恳请有关领导体谅我们这样的家庭，关心一下我父亲的情况。\n"
    )
    assert _severities(review_proposal(text), "missing_suggestions") == ["blocking"]


def test_pastimes_offered_against_gambling_serve_the_campaign() -> None:
    # Round 7: under a title against something, a culture bureau's chess matches and
    # village galas are part of the campaign, not a second matter.
    text = (
        "关于整治农村棋牌室聚众赌博的建议\n\n去年全县查处农村赌博案件63起，春节前后最集中，"
        "有的棋牌室按局抽头。\n\n原因是棋牌室底数不清，警力薄弱，群众认为打小牌不算赌。\n\n建议：\n"
        "一、县公安局会同县市场监管局年内完成全县棋牌室摸底登记，对抽头放贷的依法从严处罚。\n"
        "二、各派出所春节期间联合村治保会集中巡查，公布举报电话。\n"
        "三、县文化广电和旅游局在村级文化广场和农家书屋组织象棋赛、村晚、广场舞比赛。\n"
        "四、县司法局把参赌可被治安处罚等内容编入普法材料，由驻村法律顾问进村宣讲。\n"
    )
    assert _severities(review_proposal(text), "multiple_matters") in ([], ["hint"])


def test_general_talk_before_the_suggestions_tells_no_fact_and_no_cause() -> None:
    # Round 7: ……是……的重要抓手、总书记强调、具有十分重要的意义、大有可为: however long,
    # such a paragraph tells neither what happens nor why.
    talk = (
        "全民阅读是建设书香社会的重要抓手，是提升城市文明程度的重要载体。总书记强调，"
        "要深入推进全民阅读。推动全民阅读，对于提高市民素质具有十分重要的意义，"
        "在建设文化强市的新征程上，全民阅读大有可为。"
    )
    text = (
        "关于推动全民阅读常态化的建议\n\n{talk}\n\n为此建议：\n"
        "一、市文旅局年内在每个街道建成一处24小时城市书房。\n"
        "二、市图书馆每月在社区举办一次亲子阅读活动。\n"
    )
    review = review_proposal(text.format(talk=talk))
    assert _severities(review, "missing_situation") == ["warning"]
    assert _severities(review, "missing_analysis") == ["warning"]
    # 多元 is diverse, not a sum of money (round 8).
    diverse = review_proposal(text.format(talk=talk + "阅读服务要多元供给，满足不同人群的需要。"))
    assert _severities(diverse, "missing_situation") == ["warning"]
    told = talk + "去年全市人均纸质图书阅读量只有4.1本，12个街道中有5个没有公共阅览室。"
    assert "missing_situation" not in review_proposal(text.format(talk=told)).codes


def test_a_study_in_the_old_style_is_academic_and_what_scholars_should_do_asks_nothing() -> None:
    # Round 7: 窃以为、揆其由来、方家指正 are the marks of a scholarly note; its closing
    # 学界应当…… asks no public body to act, so the note has no suggestion either.
    text = (
        "关于青石桥始建年代的建议\n\n青石桥的始建年代，向有二说。康熙《县志》载其建于明万历年间，"
        "民国《县志稿》则谓建于清初。\n\n窃以为万历说近是。揆其由来，《县志稿》所据或为重修之碑。"
        "\n\n学界应当重视这一问题，拙见尚祈方家指正。\n"
    )
    review = review_proposal(text)
    assert set(_severities(review, "academic")) == {"blocking"}
    assert _severities(review, "missing_suggestions") == ["blocking"]


def test_goods_on_the_move_are_one_logistics_matter() -> None:
    # Round 7: 快递、客货邮、冷藏保鲜库 handed to commerce, transport and farming units
    # serve one matter, the county's logistics.
    text = (
        "关于降低农村寄递成本的建议\n\n我县快递进村率只有五成，农产品外销物流成本比邻县高两成。\n\n"
        "主要是村级站点少、车辆空驶多。\n\n建议：\n"
        "一、县商务局整合五家快递企业，建设县级共同配送中心。\n"
        "二、县交通运输局年内开通客货邮融合线路8条。\n"
        "三、县农业农村局在产地建设冷藏保鲜库15座。\n"
    )
    assert _severities(review_proposal(text), "multiple_matters") in ([], ["hint"])


def test_a_firm_demand_opens_the_suggestions() -> None:
    # Round 7: 强烈要求：, on a line of its own, opens the suggestions as 建议如下：
    # does; 群众强烈要求…… in the situation does not.
    text = (
        "关于规范农机补贴办理的建议\n\n去年全乡办理农机补贴的一百多台农机，大部分农户都被收过“材料费”，"
        "群众强烈要求整治。\n\n主要是补贴办理不公开，县里审核不下乡。\n\n强烈要求：\n"
        "1. 对收取“材料费”的问题立案调查，查清收了多少钱。\n2. 把多收的钱一分不少退还给农户。\n"
    )
    review = review_proposal(text)
    assert "missing_suggestions" not in review.codes
    assert "missing_situation" not in review.codes


def test_an_anti_gambling_draft_served_by_several_departments_is_one_matter() -> None:
    # Round 7: 赌博 is a word of the public-order field, so a crackdown's title has a
    # field and the job, welfare and culture items serve it.
    text = (
        "关于治理边境村寨跨境网络赌博的建议\n\n去年全县破获涉赌案件61起，其中跨境网络赌博占六成，"
        "涉案人员多为返乡青年。\n\n原因是赌博平台伪装成游戏软件，宣传只有汉文，返乡青年农闲无事。\n\n建议：\n"
        "一、县公安局会同人民银行县支行年内完成边境乡镇“两卡”专项清理。\n"
        "二、县民族宗教事务局编印双语防赌宣传册，每个村每季度宣讲一次。\n"
        "三、县人社局在边境乡镇设立就业服务站，每年培训返乡青年500人次。\n"
        "四、县民政局对因赌返贫的困难家庭及时给予临时救助。\n"
    )
    assert _severities(review_proposal(text), "multiple_matters") in ([], ["hint"])


def test_a_part_of_town_in_the_title_is_a_place_not_a_topic() -> None:
    # Round 8: 城东片区 in the title says where; a market, a school and a lorry ban for
    # that place are three matters, though each item names 城东.
    text = (
        "关于提升城东片区居民生活品质的建议\n\n城东片区有居民4.6万人。唯一的菜市场去年关停；"
        "片区小学每班超过55人；夜里货车穿行，噪声扰民。\n\n原因是片区规划配套滞后。\n\n建议：\n"
        "一、区商务局年内在城东新建一处标准化菜市场。\n"
        "二、区教育局在城东新建一所24个班的小学。\n"
        "三、区公安交警大队对城东夜间货车实行限行。\n"
    )
    assert "warning" in _severities(review_proposal(text), "multiple_matters")


def test_a_named_body_with_empty_phrases_only_does_nothing_concrete() -> None:
    # Round 8: 县教育局要高度重视……，切实担起主体责任 names who acts and nothing they do.
    text = (
        "关于办好农村寄宿制学校的建议\n\n全县有农村寄宿制学校31所，住校生8600人，宿管员只有40人。\n\n"
        "主要原因是编制不足、经费紧张。\n\n建议：\n{items}\n"
    )
    empty = (
        "一、县教育局要高度重视寄宿制学校管理，切实担起主体责任。\n"
        "二、县财政局要加大支持力度，积极配合。\n"
    )
    assert _severities(review_proposal(text.format(items=empty)), "vague_suggestions")
    measured = (
        "一、县教育局要高度重视寄宿制学校管理，年内按每100名住校生1名的标准配齐宿管员。\n"
        "二、县财政局每年安排宿管经费300万元。\n"
    )
    assert _severities(review_proposal(text.format(items=measured)), "vague_suggestions") == []


def test_a_child_of_the_proposer_s_surname_named_in_a_suggestion() -> None:
    # Round 8: 我们家…… and a suggestion for a child of the proposer's surname
    # (提案人王建国: 安排王一诺到……就读) is the proposer's family's matter.
    text = (
        "关于完善随迁子女入学审核的建议\n\n提案人：王建国\n\n我们家2019年搬到城南区，"
        "居住证去年才办下来。今年王一诺满六岁，审核结果是居住年限不足。\n\n"
        "问题出在审核只认居住证的签发日期。\n\n所以恳请：\n"
        "一、请城南区教育局对王一诺的入学申请人工复核，安排到片区小学就读。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "personal_matter")
    assert "missing_suggestions" not in review_proposal(text).codes


def test_facts_told_after_the_suggestions_under_their_own_heading() -> None:
    # Round 8: 建议在前，依据在后: a 依据如下： heading after the suggestions starts the
    # facts again, so the draft has a situation.
    text = (
        "关于提前做好地铁沿线土地储备的建议\n\n建议在前，依据在后。\n"
        "一、请市自然资源局在5号线站点周边五百米内暂停经营性用地出让。\n"
        "二、请市财政局安排收储资金不少于30亿元。\n依据如下：\n"
        "去年全市土地出让收入比前年下降两成，5号线沿线已有开发企业在打听消息。\n"
        "如果不提前收储，线位一公开地价就会上涨，原因是沿线土地多在开发企业手里。\n"
    )
    review = review_proposal(text)
    assert "missing_situation" not in review.codes
    assert "missing_suggestions" not in review.codes


def test_a_draft_that_says_it_raises_several_matters_and_tells_them_one_by_one() -> None:
    # Round 8: 几个……问题 in the title (or 以上几件事) and each matter told with its own
    # facts and suggestion are several matters. (On the development draft that led to
    # this, u39_mm_county_town_livelihood, incidental words, 农机站地块、县城管局, tied the
    # departments' fields into one group and only the draft's own words told.)
    text = (
        "关于解决县城群众反映的几个民生问题的建议\n\n今年我走访了县城几个社区，现择要分述如下。\n"
        "〖新区的路灯〗\n新区建成五年，三条道路共约六公里，路灯大部分不亮。原因是路灯没有移交县住建局。"
        "建议县住建局会同县自然资源局年内完成移交，路灯由县城管局统一维护。\n"
        "〖实验小学的学位〗\n实验小学近三年一年级报名都在六百人以上，只能招四百五十人。"
        "原因是学校扩建受限于场地。建议县教育局把相邻的原县农机站地块划给学校扩建，新增十二个班。\n"
        "〖县医院的停车〗\n县医院只有一百二十个车位，门口车辆常排到大街上。原因是扩建时停车场规划不足。"
        "建议县卫健委在医院后院建一座立体停车楼；县公安局交警大队在医院周边增设临时泊位。\n"
        "〖流浪犬〗\n两个社区流浪犬较多，去年十几名群众被咬伤。"
        "建议县农业农村局、县城管局联合开展流浪犬收容。\n"
    )
    assert "warning" in _severities(review_proposal(text), "multiple_matters")


def test_formulas_of_political_language_are_slogans_not_measures() -> None:
    # Round 8: 守正创新、铸牢……意识、画出最大同心圆 are slogans, and 五个认同 is a formula,
    # not a count; with a situation of general talk (意义重大、面临新情况新问题) the draft
    # states no fact, but its shortcomings (还有差距) are a thin analysis, not none.
    text = (
        "关于做好新时代民族工作的建议\n\n民族工作关系社会和谐，是联系各族群众的重要纽带，意义重大。"
        "当前总体稳定，但也面临一些新情况新问题，部分干部的能力与新要求还有差距。\n\n建议：\n"
        "一、坚持正确方向，引导各族群众增进“五个认同”。\n"
        "二、守正创新，铸牢中华民族共同体意识，画出最大同心圆。\n"
        "三、锻造过硬队伍，凝聚团结奋斗的强大合力。\n"
    )
    review = review_proposal(text)
    assert _severities(review, "vague_suggestions")
    assert _severities(review, "missing_situation") == ["warning"]
    assert set(_severities(review, "missing_analysis")) <= {"hint"}


def test_asking_that_a_problem_be_taken_seriously_asks_for_nothing() -> None:
    # Round 8: 希望有关方面能够关注这个问题，把……当回事 is a plea, not a suggestion.
    text = (
        "关于重视中小学生近视问题的建议\n\n我县小学生近视率去年达到43%，初中生超过六成。\n\n"
        "原因是课业负担重、户外活动少。\n\n希望有关方面能够关注这个问题，把孩子们的眼睛当回事。\n"
    )
    assert _severities(review_proposal(text), "missing_suggestions") == ["blocking"]


def test_the_main_cause_named_is_an_analysis() -> None:
    # Round 8: ……是主因、根源在于…… give the cause as 原因是…… does.
    text = (
        "关于改善县城停车秩序的建议\n\n县城机动车保有量5.2万辆，公共停车位只有3100个。"
        "停车场建设滞后是主因。\n\n建议：\n一、县住建局年内新建公共停车场3处。\n"
    )
    assert "missing_analysis" not in review_proposal(text).codes


def test_a_remedy_for_the_proposer_s_own_firm_is_a_personal_matter() -> None:
    # Round 9: the 提案人 line says whose firm it is; a suggestion that asks a remedy
    # for it by name serves the proposer. The same remedy for every firm does not.
    text = (
        "关于帮助园区企业解决产权证办理难题的建议\n\n提案人：钱立达（立达精密机械有限公司董事长）\n\n"
        "城东工业园有企业60多家，因规划调整，有20家企业拿地多年办不了不动产证，无法抵押融资。\n\n"
        "原因是园区规划几经调整，部门之间衔接不畅。\n\n建议：\n{item}\n"
    )
    own = review_proposal(
        text.format(item="一、县自然资源局尽快为立达精密机械有限公司办理不动产权证。")
    )
    assert "blocking" in _severities(own, "personal_matter")
    every = review_proposal(
        text.format(item="一、县自然资源局年内为园区20家企业集中补办不动产权证。")
    )
    assert _severities(every, "personal_matter") == []


def test_a_brother_shown_as_a_typical_case() -> None:
    # Round 9: "a typical case" that is the proposer's 胞兄, asked for as 这位住户.
    text = (
        "关于完善工伤认定兜底办法的建议\n\n以一个典型案例说明：城关镇北街17号的住户，是提案人的胞兄，"
        "2018年工伤致残，因用人单位注销至今未认定伤残等级。\n\n原因是注销企业的工伤认定没有兜底办法。\n\n"
        "建议：\n一、县人社局对北街17号这位住户的工伤重新认定。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "personal_matter")


def test_spoken_openings_of_a_suggestion() -> None:
    # Round 9: 要我说，……能不能…… opens the suggestions in a spoken draft.
    text = (
        "关于乡镇卫生院夜间取药的建议\n\n说实话这个事情很简单。我们县十二个卫生院晚上有医生值班，"
        "但药房七点就锁门了。原因就是药剂员排不过夜班。\n\n"
        "要我说，县卫健委能不能年内出个规定：每个卫生院在急诊室备一个夜间常用药柜。\n"
    )
    assert "missing_suggestions" not in review_proposal(text).codes


def test_a_remedy_for_the_firm_of_the_proposer_s_work_unit() -> None:
    # Round 9: the 工作单位 line names the firm; a suggestion that asks the arrears be
    # paid to it by name serves the proposer's own interest.
    text = (
        "关于清理拖欠民营企业账款的建议\n\n提案人：万国栋\n工作单位：霁川恒固建材有限公司\n\n"
        "区城投公司拖欠全市民营企业工程款约3亿元，有的拖了三年。\n\n原因是平台公司融资收紧。\n\n建议：\n"
        "一、请市清欠办将霁川恒固建材有限公司的欠款列为重点督办事项，年内付清。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "personal_matter")


def test_a_draft_that_opens_with_its_measures_and_gives_its_reasons_after() -> None:
    # Round 10: the measures first (县水利局应在……前……), then a paragraph that gives
    # their reasons (之所以这样建议，……). Neither is missing.
    text = (
        "关于为山区小水窖加装净水设备的建议\n\n"
        "县水利局应在明年汛期前，为全县三百二十口集中供水的小水窖各加装一套简易净水设备，"
        "由乡镇水管员每月检测一次水质。\n\n"
        "之所以这样建议，是因为去年县疾控中心抽检的四十口水窖中，有十一口大肠菌群超标。\n\n"
        "根子在于这些水窖建成后无人管护，也没有检测经费。\n"
    )
    review = review_proposal(text)
    assert "missing_suggestions" not in review.codes
    assert "missing_situation" not in review.codes


def test_a_suggestion_paragraph_is_not_reasons_without_a_reason_cue() -> None:
    # The trap beside it: a second suggestion paragraph stays a suggestion.
    text = (
        "关于为山区小水窖加装净水设备的建议\n\n县里三百二十口水窖去年抽检有十一口超标，"
        "原因是无人管护。\n\n建议：\n县水利局明年汛期前为这些水窖加装净水设备。\n\n"
        "同时，县财政每年安排二十万元水质检测经费。\n"
    )
    draft_review = review_proposal(text)
    assert "missing_suggestions" not in draft_review.codes
    assert "vague_suggestions" not in draft_review.codes


def test_may_consider_opens_a_suggestion() -> None:
    # Round 10: a paragraph that opens 不妨考虑…… / 可考虑由…… proposes a measure.
    text = (
        "关于延长社区图书室开放时间的建议\n\n全区四十六个社区图书室工作日下午五点闭馆，"
        "周末不开放，去年到馆人次比前年下降三成。\n\n主要是管理员由社区干部兼任，下班就锁门。\n\n"
        "不妨考虑由区文旅局招募退休教师做志愿管理员，周末和晚上轮流值守，"
        "每人每月给予交通补贴三百元。\n"
    )
    assert "missing_suggestions" not in review_proposal(text).codes


def test_a_prize_pool_of_the_players_stakes_is_gambling() -> None:
    # Round 10: a draw whose prize pool is made of what the players pay in (奖池……从
    # 报名费中提取) is a lottery nobody may run; a shop's own prizes are not.
    text = (
        "关于丰富乡村夜间文化活动的建议\n\n我镇每年举办广场舞比赛，参加的只有三十多支队伍。\n\n"
        "原因是奖励太少，群众积极性不高。\n\n建议：\n{item}\n"
    )
    stakes = "一、镇文化站每晚组织一次摇奖，奖池从每位观众二十元的参与费中提取一半。"
    assert "blocking" in _severities(review_proposal(text.format(item=stakes)), "prohibited")
    prizes = "一、镇文化站每晚组织一次摇奖，奖品由镇财政从文化经费中列支。"
    assert _severities(review_proposal(text.format(item=prizes)), "prohibited") == []


def test_a_firm_named_then_pointed_back_to_with_its_wrong() -> None:
    # Round 10: the firm is named in one sentence, its wrong told of 该公司 in the next,
    # and a suggestion asks that it be held to account (追究): an accusation.
    text = (
        "关于整治城区绿化工程质量的建议\n\n去年城区新栽行道树三千棵，由青禾园林有限公司承包栽种。"
        "该公司用的苗木胸径普遍达不到合同规定，一年下来死了近一半。\n\n原因是验收把关不严。\n\n"
        "建议：\n一、区园林局对青禾园林有限公司栽种的行道树全部补栽，并追究其违约责任。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "whistleblowing")


def test_a_firm_pointed_back_to_without_a_wrong_accuses_no_one() -> None:
    # The trap beside it: the same firm, told of 该公司 with no wrong, is only a hint.
    text = (
        "关于整治城区绿化工程质量的建议\n\n去年城区新栽行道树三千棵，由青禾园林有限公司承包栽种。"
        "该公司今年春天已按约定补栽了一批。\n\n原因是苗木供应紧张。\n\n"
        "建议：\n一、区园林局对青禾园林有限公司栽种的行道树开展一次成活率核查。\n"
    )
    assert "blocking" not in _severities(review_proposal(text), "whistleblowing")


def test_a_business_the_proposer_runs_pointed_back_to_in_a_remedy() -> None:
    # Round 10: the body says the proposer runs it (我经营了九年的那家民宿), a suggestion
    # asks a remedy for it (为该民宿……). The same remedy for every such business is sound.
    text = (
        "关于妥善处理景区道路改线影响的建议\n\n景区道路去年改线后，沿线十二家民宿客流减少七成，"
        "其中就有我经营了九年的那家民宿。\n\n原因是改线前没有征求沿线经营户意见。\n\n建议：\n{item}\n"
    )
    own = "一、县文旅局为该民宿协调在新路口设置指示牌，并给予一次性补偿。"
    assert "blocking" in _severities(review_proposal(text.format(item=own)), "personal_matter")
    every = "一、县文旅局在新路口为沿线十二家经营户统一设置指示牌，并按客流损失给予补偿。"
    assert _severities(review_proposal(text.format(item=every)), "personal_matter") == []


def test_wild_birds_served_as_a_dish_and_the_sex_of_a_fetus_told() -> None:
    # Round 10: 野禽 on the menu and a scan that says whether the baby is a boy or a
    # girl are banned practices however they are worded.
    base = (
        "关于{title}的建议\n\n我县去年接待游客八十万人次，孕产妇建档一万二千人。\n\n"
        "原因是服务项目单一。\n\n建议：\n一、{item}\n"
    )
    birds = base.format(
        title="丰富湿地景区餐饮", item="县文旅局支持景区餐馆推出野禽特色菜，供游客品尝。"
    )
    assert "blocking" in _severities(review_proposal(birds), "prohibited")
    scan = base.format(
        title="改进孕期检查服务", item="县卫健局允许医院做彩超时讲明肚子里的孩子是男是女。"
    )
    assert "blocking" in _severities(review_proposal(scan), "prohibited")
    care = base.format(
        title="改进孕期检查服务", item="县卫健局在县医院增设两台彩超，孕检预约等候不超过一周。"
    )
    assert _severities(review_proposal(care), "prohibited") == []


def test_my_ideas_are_these_opens_the_suggestions() -> None:
    # Round 10 (u46 development draft): 我的打算是这样的： opens a list of measures.
    text = (
        "关于在集镇设置便民修车点的建议\n\n全镇有电动车四千多辆，修车铺只有两家，群众修车要排一天队。\n\n"
        "原因是修车铺租金高，手艺人不愿来。\n\n我的打算是这样的：\n"
        "1．集贸市场东侧划出三个免租修车摊位，早上开放。\n2．给修车师傅开办一期免费培训班。\n"
    )
    assert "missing_suggestions" not in review_proposal(text).codes


def test_reasons_announced_after_the_measures() -> None:
    # Round 10 (u45 development drafts): 理由如下。/为什么提这几条？ after the measures
    # start the facts; the draft is not left without a situation.
    text = (
        "关于为社区卫生服务站配备除颤仪的建议\n\n请区卫健委年内为全区三十一个社区卫生服务站各配备一台除颤仪，"
        "并组织站内医护人员每半年演练一次。\n\n{cue}全区去年院外心脏骤停送医的有六十多例，"
        "发病地点在社区的占一半，而服务站至今没有一台除颤仪。\n"
    )
    for cue in ("理由如下。", "为什么提这一条？\n\n"):
        review = review_proposal(text.format(cue=cue))
        assert "missing_situation" not in review.codes, cue
        assert "missing_suggestions" not in review.codes, cue


def test_money_taken_from_the_public_with_a_promised_return() -> None:
    # Round 10 (u46 development draft): a scheme that takes villagers' money, promises
    # the principal back and a fixed return, and asks that it be spread, is illegal
    # fundraising; a draft that warns of such schemes is not.
    scheme = (
        "关于壮大村集体经济的建议\n\n我县一些村办企业向村民募集资金，每份五千元，承诺保本并按年8%的固定回报付息。"
        "两年来已筹集资金九百万元。\n\n原因是银行贷款门槛高。\n\n建议：\n"
        "一、县农业农村局出台办法，鼓励村办企业推广这种模式。\n"
    )
    assert "blocking" in _severities(review_proposal(scheme), "prohibited")
    warning = (
        "关于防范农村非法集资风险的建议\n\n我县一些村办企业向村民募集资金，承诺保本并按年8%的固定回报付息，"
        "去年有两家资金链断裂。\n\n原因是群众金融知识不足。\n\n建议：\n"
        "一、县金融办每年在各村开展一次防范非法集资宣传，并鼓励群众举报。\n"
    )
    assert _severities(review_proposal(warning), "prohibited") == []


def test_a_banned_service_told_then_asked_to_be_let_open() -> None:
    # Round 10 (u48 development draft): the situation tells of women paid to carry
    # others' embryos; a suggestion asks that 此类中介 be allowed to set up openly.
    text = (
        "关于规范新型生育服务的建议\n\n一些不孕家庭通过中介，将胚胎移植到受雇女性体内，孩子出生后交给委托家庭，"
        "费用在五十万元以上。\n\n原因是这类服务只能地下运作，纠纷多。\n\n建议：\n"
        "一、市市场监管局允许此类中介合法设立，明码标价。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "prohibited")


def test_a_quoted_app_its_maker_made_pushed_for_all() -> None:
    # Round 10 (u48 development draft): a quoted name said to be made by a team or firm
    # (本地青年团队开发的“田里通”) is its product, however it is mentioned later;
    # making it everyone's platform is an advert. A public platform is not.
    text = (
        "关于提升农产品销售数字化水平的建议\n\n全县有家庭农场八百多个，大多靠收购商上门收货。"
        "由本地青年团队开发的“田里通”已有两千用户。\n\n原因是缺少数字化工具。\n\n建议：\n"
        "一、县农业农村局将“田里通”确定为全县统一的农业服务平台。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "advertising")
    public = text.replace("由本地青年团队开发的“田里通”已有两千用户。", "").replace(
        "将“田里通”确定为全县统一的农业服务平台", "在省里的“浙农码”上为农场统一登记产品"
    )
    assert _severities(review_proposal(public), "advertising") == []


def test_an_opening_that_announces_sections_each_with_facts_and_measures() -> None:
    # Round 10 (u45 development draft): 结合……提出以下建议。 opens a draft whose sections
    # each tell facts and causes before their own 建议……; the facts are a situation.
    text = (
        "关于改善乡村教师工作条件的建议\n\n我在乡村学校教书二十年，结合同事们反映的几件事，提出以下建议。\n\n"
        "一、关于教师周转宿舍\n全县乡村学校有周转宿舍三百二十间，其中一百间是危房。原因是多年没有维修经费。"
        "建议县教育局明年改造全部危房宿舍。\n\n"
        "二、关于乡村教师交通补助\n全县乡村教师每月交通补助只有五十元。建议县财政把补助提高到每月二百元。\n"
    )
    review = review_proposal(text)
    assert "missing_situation" not in review.codes
    assert "missing_analysis" not in review.codes


@pytest.mark.parametrize("ending", ["，供有关部门参考。", "，请有关部门研究。", "，仅供参考。"])
def test_an_announcement_that_offers_its_suggestions_for_reference(ending: str) -> None:
    # Round 14 (u125 development draft): ……提出以下几点建议，供有关部门参考。 only
    # announces the sections that follow, each with its facts and causes.
    text = (
        "关于改善乡村教师工作条件的建议\n\n我在乡村学校教书二十年，结合同事们反映的几件事，提出以下"
        "两点建议" + ending + "\n\n"
        "一、关于教师周转宿舍\n全县乡村学校有周转宿舍三百二十间，其中一百间是危房。原因是多年没有维修经费。"
        "建议县教育局明年改造全部危房宿舍。\n\n"
        "二、关于乡村教师交通补助\n全县乡村教师每月交通补助只有五十元。建议县财政把补助提高到每月二百元。\n"
    )
    review = review_proposal(text)
    assert "missing_situation" not in review.codes
    assert "missing_analysis" not in review.codes


@pytest.mark.parametrize("announced", ["谈几点看法", "提出以下几个方面的问题和建议"])
def test_an_opening_that_offers_a_few_views_announces_the_sections(announced: str) -> None:
    # Round 14 (u129 and u131 development drafts): ……结合和社区同志的交流，谈几点看法。
    # announces the sections after it (先说……再说……; 一、……), each with its facts and
    # causes.
    text = (
        "关于提升城市精细化管理水平的建议\n\n我平时骑车上下班，结合和社区同志的交流，"
        + announced
        + "。\n\n"
        "先说共享单车。全区投放车辆约4.2万辆，湖滨路地铁站口最多时堆了300多辆。这是因为企业超量投放，"
        "调度人员不足。建议区城管局实行总量控制，在地铁口施划电子围栏。\n\n"
        "再说公园厕所。全区14个公园中有5个只有1座公厕。建议区园林绿化中心年内增设2座公厕。\n"
    )
    assert "missing_analysis" not in review_proposal(text).codes


@pytest.mark.parametrize(
    "story",
    [
        "我母亲前年中风，出院后找不到就近康复的地方。我母亲的事只是一个缩影，希望全区的患者都能在家门口康复。",
        "去年孩子随我工作调动转学到本区，跑了六个部门开证明。今天说这件事，不是为我个人，外来务工的家长更难。",
        # Round 14 (u137 development draft): 只是当个例子, and a carer hired (请护工) is
        # no request.
        "先说一段自己的经历，只是当个例子。我母亲中风后住院18天，请护工一天要240元。",
    ],
)
def test_the_proposer_s_own_story_told_as_no_request_for_themselves(story: str) -> None:
    # Round 14 (u129, u127 development drafts): a member who says the own case is only an
    # example (只是一个缩影) or not for themselves (不是为我个人) asks nothing for the family.
    text = (
        "关于完善社区康复服务的建议\n\n" + story + "\n\n全区每年新发脑卒中患者约一千四百人，"
        "十五家社区卫生服务中心只有三家设康复科。\n\n原因是康复治疗师少，医保报销范围窄。\n\n"
        "建议：\n1.区卫健局2026年底前在每个街道至少一家社区卫生服务中心设立康复科。\n"
    )
    assert "blocking" not in _severities(review_proposal(text), "personal_matter")


def test_society_before_a_kind_of_firm_names_no_brand() -> None:
    # Round 14 (u127 development draft): 社会培训机构 is a kind, not a firm named 社会, so
    # 向社会开放 beside 统一购买 promotes no one.
    text = (
        "关于办好社区老年大学的建议\n\n全区老年大学只有两所，去年报名的老人有三千人，一半没报上。"
        "不少社区只好把课程交给社会培训机构，质量难保证。\n\n原因是场地少、经费少。\n\n"
        "建议：\n1.区民政局每年统一购买老年课程服务，各街道的文化站在白天向社会开放。\n"
    )
    assert "advertising" not in review_proposal(text).flagged


def test_the_proposer_asks_to_be_transferred() -> None:
    # Round 10 (u45 development draft): 将笔者由……调至…… asks a transfer for the proposer.
    text = (
        "关于关心山区卫生院医生的建议\n\n全县山区卫生院有医生九十人，其中工作满十年的有四十人。\n\n"
        "原因是轮岗制度没有落实。\n\n建议：\n一、县卫健局将笔者由石门乡卫生院调至县人民医院工作。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "personal_matter")


def test_a_section_chief_named_with_his_wrong_is_accused() -> None:
    # Round 10 (u45 development draft): 股长 and 主管 are posts like 科长.
    text = (
        "关于严肃查处医保基金违规使用的建议\n\n县医保局基金股股长程立伟经手的报销单据中，"
        "有二十笔是虚报冒领，合计四十万元。\n\n原因是审核一人说了算。\n\n建议：\n"
        "一、县纪委监委对程立伟的问题立案调查。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "whistleblowing")


def test_a_remedy_for_the_firm_s_party_branch_is_no_personal_matter() -> None:
    # Round 10 (u46 development draft): restoring the party branch of the proposer's
    # firm is its party organisation's matter, not the proposer's interest.
    text = (
        "关于规范非公企业党组织设置的建议\n\n提案人：韦国强（南岭精工机械有限公司董事长）\n\n"
        "园区去年把十二家企业的党支部合并为一个联合党支部，党员过组织生活要跑十几公里。\n\n"
        "原因是合并前没有征求企业党员意见。\n\n建议：\n"
        "一、园区党委恢复南岭精工机械有限公司党支部单独设置。\n"
    )
    assert _severities(review_proposal(text), "personal_matter") == []


def test_what_any_member_may_write_and_the_title_s_topic_are_no_scholarship() -> None:
    # Round 10 (u46, u47 development drafts): 笔者认为 and 笔者以为 are one sign, and
    # 方志 in a draft on compiling 方志 is its topic; neither is an academic paper.
    text = (
        "关于加快乡镇方志编修的建议\n\n全县十八个乡镇中，有十一个从未编修过乡镇志，"
        "老一辈亲历者多已年过八旬。笔者认为，这项工作刻不容缓。\n\n"
        "笔者以为，原因是编修经费没有着落，也缺少懂行的人。\n\n"
        "建议：\n一、县地方志办公室明年起每年支持三个乡镇编修方志，每个补助十万元。\n"
    )
    assert "blocking" not in _severities(review_proposal(text), "academic")


def test_slogans_with_a_figure_inside_and_a_closing_line() -> None:
    # Round 10 (u45, u47 development drafts): 一任接着一任干 and 以高度负责的态度 are
    # slogans, not a figure and a duty; 以上浅见，敬请采纳 closes, it is no item.
    text = (
        "关于传承乡村非遗技艺的建议\n\n全县有县级以上非遗项目四十二项，其中十一项已无传人。\n\n"
        "原因是传承人老龄化，年轻人不愿学。\n\n建议：\n"
        "一、要以高度负责的态度，守护好文化根脉。\n"
        "二、要久久为功，一任接着一任干，让非遗活起来、传下去。\n"
        "三、要凝聚共识，汇聚起传承发展的强大合力。\n\n以上浅见，敬请采纳。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "vague_suggestions")


def test_asking_only_that_leaders_deign_to_attend_asks_for_nothing() -> None:
    # Round 10 (u47 development draft): 恳请……垂注此事，……给予关切 is a plea.
    text = (
        "关于保护古村落的提案\n\n我县现存明清古村落九个，近十年倒塌老屋六十多栋。\n\n"
        "原因是产权分散，无人出钱修缮。\n\n恳请县政府及有关部门垂注此事，对古村落的命运给予关切。\n"
    )
    assert _severities(review_proposal(text), "missing_suggestions") == ["blocking"]


def test_a_firm_named_after_its_city_is_known_by_its_own_word() -> None:
    # Round 10 (u47 development draft): in 青屿康元健康科技有限公司 the core is 康元, not
    # the city 青屿 or the trade 健康科技; 统一配置 its device is an advert.
    text = (
        "关于改善养老机构康复条件的建议\n\n青屿市有养老机构八十家，普遍缺少康复设备。"
        "青屿康元健康科技有限公司研制的康元理疗仪效果显著，性价比远高于进口设备。\n\n"
        "原因是康复设备投入不足。\n\n建议：\n一、市民政局为全市养老机构统一配置康元理疗仪。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "advertising")


def test_carrying_a_child_for_others_told_in_other_words() -> None:
    # Round 10 (u47 development draft): 为他人怀胎 and 借腹 are paid gestation; 凭借腹地 is not.
    text = (
        "关于帮助失独家庭的建议\n\n全县有失独家庭三百户。\n\n原因是扶助标准低。\n\n建议：\n"
        "一、县卫健局试行由自愿为他人怀胎的妇女帮助失独家庭生育，每例给予补助五万元。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "prohibited")
    port = (
        "关于发展港口物流的建议\n\n我县港口去年吞吐量三百万吨。\n\n原因是凭借腹地资源，货源充足。\n\n"
        "建议：\n一、县交通运输局年内新建两个泊位。\n"
    )
    assert _severities(review_proposal(port), "prohibited") == []


def test_wrongs_told_in_other_words_accuse_the_named_person() -> None:
    # Round 10 (probes): 去向不明, 未经……讨论 and 他的侄子就是……老板 tell a wrong as
    # 贪污 would; an inquiry asked into that person by name is an accusation.
    base = (
        "关于规范村级财务管理的建议\n\n{fact}\n\n原因是村级权力缺乏监督。\n\n"
        "建议：\n一、镇纪委对周海明的问题进行核查。\n"
    )
    for fact in (
        "东坪村村主任周海明去年把村里的二十万元扶贫资金转到私人账户，至今去向不明。",
        "东坪村村主任周海明未经村民代表会议讨论，把村集体的山林承包给外地老板。",
        "东坪村村主任周海明的侄子就是给村里修路的施工队老板，工程款比预算多出一半。",
    ):
        assert "blocking" in _severities(review_proposal(base.format(fact=fact)), "whistleblowing")


def test_a_reward_for_each_recruit_told_as_a_business() -> None:
    # Round 10 (probes): 每介绍进一户……就拿…… rewards recruiting, pyramid selling
    # whatever it is called; the same scheme told as a fraud to prevent is not.
    text = (
        "关于{title}的建议\n\n我县有一种“共享农场”很火：入伙先交两千元，每介绍进一户就拿五百元，"
        "{tail}\n\n原因是农民缺少增收门路。\n\n建议：\n一、{item}\n"
    )
    scheme = text.format(
        title="支持共享农场发展",
        tail="已有一千多户加入。",
        item="县农业农村局把共享农场列为增收示范项目推广。",
    )
    assert "blocking" in _severities(review_proposal(scheme), "prohibited")
    fraud = text.format(
        title="防范“共享农场”传销骗局",
        tail="去年一千多户受骗。",
        item="县市场监管局每年在各乡镇开展两次防范传销宣传。",
    )
    assert _severities(review_proposal(fraud), "prohibited") == []


def test_asking_people_to_care_for_something_asks_for_nothing() -> None:
    # Round 10 (u47 development draft): 希望大家都来关心、爱护…… asks for a feeling.
    text = (
        "关于保护城区老树的建议\n\n城区有百年以上老树八十六棵，近五年死亡九棵。\n\n"
        "原因是施工伤根，养护不到位。\n\n希望全社会都来关心老树、爱护老树，多一份呵护。\n"
    )
    assert _severities(review_proposal(text), "missing_suggestions") == ["blocking"]


def test_high_standards_and_a_road_of_one_s_own_are_slogans() -> None:
    # Round 10 (u46 development draft): 高标准 and 走出一条……之路 are no measure.
    text = (
        "关于推动县域茶产业发展的建议\n\n全县茶园八万亩，去年产值九亿元，但品牌多而散。\n\n"
        "原因是龙头企业少，标准化程度低。\n\n建议：\n"
        "一、坚持高标准谋划，高起点推进茶产业布局。\n"
        "二、坚持融合发展，走出一条特色化、品牌化的发展之路。\n"
        "三、凝聚各方合力，推动茶产业提质增效、行稳致远。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "vague_suggestions")


def test_figures_of_speech_state_no_fact() -> None:
    # Round 10: 多年、几个 count nothing; a situation told only with them asks a check.
    text = (
        "关于理顺小区物业管理的建议\n\n小区物业的问题拖了多年，几个部门都说不归自己管。"
        "业主们意见很大。\n\n原因是物业管理职责不清。\n\n建议：\n"
        "一、区住建局年内制定物业服务清单，明确街道、社区和物业企业的职责。\n"
    )
    assert _severities(review_proposal(text), "missing_situation") == ["hint"]


def test_measures_inside_a_one_paragraph_draft() -> None:
    # Round 10 (u49 development drafts): a draft written on a phone has one paragraph;
    # 应该由……负责 or 想请…… inside it opens the measures.
    for ask in ("应该由镇政府负责", "想请镇政府负责"):
        text = (
            "关于整治集镇河道垃圾的建议\n镇区河道两岸住了六百多户，生活垃圾大多倒进河里，"
            "一下雨就堵在桥洞。河道归谁管一直说不清。"
            f"{ask}河道保洁，每五百米设一个垃圾收集点，由县城管局每天清运一次。\n"
        )
        assert "missing_suggestions" not in review_proposal(text).codes, ask


def test_an_inquiry_asked_of_the_discipline_body_into_the_one_person_named() -> None:
    # Round 10 (u49 development draft): the situation names one person with a wrong
    # (把救灾物资分给了他的两个儿子); 请县纪委监委立案调查 names no one else.
    text = (
        "关于规范救灾物资发放的建议\n白沙村村支书陈永福去年把救灾物资分给了他的两个儿子，"
        "受灾群众一件没领到。请县纪委监委尽快立案调查，严肃处理。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "whistleblowing")
    general = (
        "关于规范救灾物资发放的建议\n去年全县救灾物资发放中，有三个村出现优亲厚友的情况，"
        "受灾群众意见很大。请县纪委监委对救灾物资发放开展专项检查。\n"
    )
    assert "blocking" not in _severities(review_proposal(general), "whistleblowing")


def test_a_tip_off_and_a_hidden_pipe_are_wrongs() -> None:
    # Round 10 (u49 development draft): 通风报信 and 暗管偷排 tell wrongdoing.
    text = (
        "关于查处违法排污的建议\n\n城北镇环保站站长郑国安每次检查前都给企业通风报信。\n\n"
        "原因是监管缺乏交叉检查。\n\n建议：\n一、市纪委监委对郑国安进行调查。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "whistleblowing")


def test_measures_listed_as_a_table_or_a_wish_list() -> None:
    # Round 10 (u53 development drafts): 列成下面这张清单： over 谁｜做什么｜何时 rows,
    # and 我们盼着，……——县民政局…… lines, are measures.
    facts = (
        "关于{title}的建议\n\n全县有农村敬老院十二所，其中七所没有取暖设施，去年冬天有三位老人冻伤。\n\n"
        "原因是敬老院改造资金没有列入预算。\n\n"
    )
    table = facts.format(title="改善敬老院取暖条件") + (
        "我把要做的事列成下面这张清单：\n县民政局｜为七所敬老院安装空气源热泵｜今年十一月底前\n"
        "县财政局｜把改造资金列入明年预算｜明年一月\n"
    )
    assert "missing_suggestions" not in review_proposal(table).codes
    wishes = facts.format(title="改善敬老院取暖条件") + (
        "老人们说了很多，归结起来是这几条：\n我们盼着，冬天屋里暖和些——县民政局今年为七所敬老院装上取暖设备。\n"
        "我们盼着，看病方便些——县卫健局每月派医生到敬老院巡诊一次。\n"
    )
    assert "missing_suggestions" not in review_proposal(wishes).codes


def test_a_plan_told_in_steps_after_its_announcement() -> None:
    # Round 10 (u53 development draft): 我的设想是这样的，分三步走。 then 第一步，今年……，
    # 县……局会在…… tells the measures.
    text = (
        "关于治理渔港油污的建议\n\n全县渔船一千二百艘，废机油一年约五百吨，回收不到一成。\n\n"
        "原因是港区没有回收点。\n\n我的设想是这样的，分三步走。\n\n"
        "第一步，今年年底前，县海洋渔业局会在中心渔港设一个废油回收站。\n\n"
        "第二步，明年休渔期间，渔船凭回收凭证办理出港手续。\n"
    )
    assert "missing_suggestions" not in review_proposal(text).codes


def test_a_plan_inside_one_paragraph_after_its_remedy_is_announced() -> None:
    # Round 10 (u53 development draft): 其实办法就在手边：…… in a body of one paragraph.
    text = (
        "关于延长乡镇图书室开放时间的建议\n全县十四个乡镇图书室周末全部关门，去年到馆人次最多的不到两千。"
        "原因是工作人员少，周末加班没有补助。其实办法就在手边：把开放时间改为周二到周日，"
        "人手不够的由县图书馆组织志愿者轮流值守，县文旅局按每人每小时十元发补贴。\n"
    )
    assert "missing_suggestions" not in review_proposal(text).codes


def test_a_suggestion_that_only_asks_for_attention_asks_for_nothing() -> None:
    # Round 10 (u53 development drafts): 建议有关部门对……予以关注，给予足够重视 is a plea
    # for attention, not a slogan of a measure: no suggestion at all.
    text = (
        "关于保护城郊湿地的建议\n\n城郊湿地二十年间减少了四成，越冬候鸟从四万只降到一万只。\n\n"
        "原因是周边围垦，补水不足。\n\n建议有关部门对湿地萎缩问题予以关注，给予足够重视。\n"
    )
    review = review_proposal(text)
    assert _severities(review, "missing_suggestions") == ["blocking"]
    assert "vague_suggestions" not in review.codes


def test_named_bodies_with_empty_commitments_only() -> None:
    # Round 10 (u53 development draft): 主动作为、靠前服务，落到实处; 给予大力支持，予以适当
    # 倾斜; 各司其职、通力协作: a body named with nothing to do.
    text = (
        "关于做好古村落保护的建议\n\n全县有古村落二十一个，近五年倒塌老屋九十多栋。\n\n"
        "原因是保护经费少，产权分散。\n\n为此建议：\n"
        "一、县住建局要主动作为、靠前服务，把古村落保护落到实处。\n"
        "二、县财政局要给予大力支持，在资金安排上予以适当倾斜。\n"
        "三、各有关单位要各司其职、通力协作，共同为古村落保护贡献力量。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "vague_suggestions")


def test_a_brand_its_family_runs_and_a_firm_with_its_city_in_brackets() -> None:
    # Round 10 (u52 development drafts): 侨商林氏家族经营的“海岸金枕”榴莲 is that
    # family's product; in 鸿泰科技（漳平）有限公司 the bracketed city is no part of
    # the name. Making either the official choice is an advert.
    family = (
        "关于把“海岸金枕”榴莲列为经贸活动指定用果的建议\n\n我市去年进口榴莲四万吨。"
        "侨商林氏家族经营的“海岸金枕”品质突出。\n\n原因是缺少官方背书。\n\n"
        "建议：\n一、市商务局将“海岸金枕”列为经贸洽谈会的指定接待用果。\n"
    )
    assert "blocking" in _severities(review_proposal(family), "advertising")
    firm = (
        "关于在中小学配置净水机的建议\n\n全县中小学一百二十所，直饮水设备老化。"
        "鸿泰科技（漳平）有限公司生产的净水机出水达到直饮标准。\n\n原因是设备更新经费不足。\n\n"
        "建议：\n一、县教育局为全县中小学统一采购鸿泰净水机。\n"
    )
    assert "blocking" in _severities(review_proposal(firm), "advertising")


def test_a_democratic_party_member_s_own_branch_quarrel() -> None:
    # Round 10 (u52 development draft): the 界别 line says the proposer's party, the
    # title asks that its branch's leadership be changed, the body tells the quarrel.
    text = (
        "关于调整民进城南支部领导班子的建议\n\n提案人：许文澜\n界别：民进\n\n"
        "咱支部有会员三十多人，主委与副主委之间矛盾越来越深，支部活动各搞各的。\n\n"
        "原因是经费由主委一人说了算。\n\n为此建议：\n一、提前启动支部换届，由副主委接任主委。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "party_internal")


def test_an_aunt_named_in_a_humble_form() -> None:
    # Round 10 (u52 development draft): 家姑母陈玉兰 is the proposer's aunt; a suggestion
    # that the house be returned to her by name is a personal matter.
    text = (
        "关于落实侨房政策的建议\n\n家姑母陈玉兰女士旅居新加坡五十年，祖屋一座至今由他人居住。\n\n"
        "原因是当年错过了申报时限。\n\n建议：\n一、区住建局将该屋产权退还陈玉兰女士。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "personal_matter")


def test_the_proposer_s_lines_are_not_the_draft_s_words() -> None:
    # Round 10 (u50 development draft): 提案人：方志诚 and 界别：社会科学界 say who writes;
    # 方志 and 学界 there are no sign of an academic paper.
    text = (
        "关于提升政府信息公开办理质量的建议\n\n提案人：方志诚\n界别：社会科学界\n\n"
        "去年全市收到依申请公开八百余件，逾期答复的有六十件。学界对此已有不少讨论。\n\n"
        "原因是办理人员少。\n\n建议：\n一、市政府办公室年内出台依申请公开办理规范。\n"
    )
    assert "blocking" not in _severities(review_proposal(text), "academic")


def test_the_proposer_asks_for_their_own_pay_to_be_raised() -> None:
    # Round 10 (u50 development draft): 将笔者的待遇……调整 asks for the proposer.
    text = (
        "关于解决基层站所编外技术人员待遇的建议\n\n全县基层站所有编外技术人员四十多人，月收入只有在编人员的一半。\n\n"
        "原因是编外人员没有入编通道。\n\n建议：\n一、县林业局将笔者的待遇参照在编人员标准调整，补发绩效工资差额。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "personal_matter")


def test_figures_from_a_plan_said_not_yet_issued_some_words_later() -> None:
    # Round 10 (u50 development drafts): 方案（报审稿），目前正在报省里初审，尚未对外发布。
    # the figures that follow come from a paper not yet published.
    text = (
        "关于优化地铁三期线路的建议\n\n三期建设规划方案（报审稿），目前正在按程序报省发改委初审，尚未对外发布。"
        "根据方案，三期拟新建4号线，全长31公里，设站22座。\n\n原因是客流增长快。\n\n"
        "建议：\n一、市轨道办在4号线东段增设一座换乘站。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "state_secret")


def test_more_ways_the_measures_are_told() -> None:
    # Round 10 (u54 development drafts), each a sound draft wrongly blocked before.
    facts = (
        "关于{title}的建议\n\n城关小学门前的建设路双向六车道，没有信号灯，今年已发生两起学生被剐蹭。\n\n"
        "原因是过境车辆多，车速快。\n\n"
    )
    asks = {
        "增设过街信号灯": "县公安局交警大队可在今年暑假于该处增设行人过街信号灯。\n",
        "改善学生过街安全": (
            "问：那该怎么改？\n答：一是请县交警大队在校门口增设信号灯，今年九月前完成。\n"
        ),
        "保障学生过街": "窃以为：县交警大队宜于今年暑假在校门口增设信号灯，上下学时段派人值守。\n",
        "学生过街": "倘若县交警大队能在暑假里增设一处信号灯，孩子们过街就安全多了。\n",
        "校门口交通": "与其等出了大事再补救，不如由县交警大队今年暑假在校门口增设信号灯。\n",
    }
    for title, ask in asks.items():
        review = review_proposal(facts.format(title=title) + ask)
        assert "missing_suggestions" not in review.codes, ask


def test_reasons_told_after_the_measures_as_why_do_this() -> None:
    # Round 10 (u54 development draft): 先说我的想法：…… then 再说为什么要这样做。
    text = (
        "关于开通山区学生专线校车的建议\n\n先说我的想法：请县教育局在今年秋季开学前为两镇开通早晚各一班学生专线校车。\n\n"
        "再说为什么要这样做。两镇八个村有一百九十名学生每天靠摩托车接送，去年有一辆面包车侧滑。\n\n"
        "问题卡在没有一个部门牵头。\n"
    )
    assert "missing_situation" not in review_proposal(text).codes


def test_a_closed_case_told_over_a_paragraph_accuses_no_one() -> None:
    # Round 10 (u55 development draft): the wrong in one sentence, 该案已由……查结，当事人被
    # 开除公职 in the next: a closed case, told to argue for reform.
    text = (
        "关于加强乡镇站所权力监督的建议\n\n原县林业局青山林业站站长利用职务便利，三年间收受他人财物四十万元。"
        "该案已由县纪委监委查结，当事人被开除党籍和公职。\n\n原因是站长一人说了算。\n\n"
        "建议：\n一、县林业局在各林业站推行采伐审批两人会签制度。\n"
    )
    assert "blocking" not in _severities(review_proposal(text), "whistleblowing")


def test_a_named_variety_made_the_only_one_subsidised() -> None:
    # Round 10 (u55 development drafts): 定为全县主导品种 and 其他品种不列入补贴范围 push a
    # quoted variety a firm bred; 纳入……服务包 a named device.
    text = (
        "关于推广优质稻种的建议\n\n全县水稻十二万亩，品种杂乱。"
        "“稻香5号”是县里丰穗种业公司自己选育的品种，亩产高出一成。\n\n原因是缺少主导品种。\n\n"
        "建议：\n一、县农业农村局明年把“稻香5号”定为全县主导品种。\n"
        "二、县财政对购买“稻香5号”的农户每亩补贴三十元，其他品种不列入补贴范围。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "advertising")


def test_a_quoted_regional_brand_is_named_whole() -> None:
    # Round 10 (u57 development draft): “绿色山地牛”品牌 is one name, not 绿色; 大力推广
    # 绿色防控技术 elsewhere mentions no brand.
    text = (
        "关于草原鼠害防治的建议\n\n全旗草原鼠害面积八十万亩，我旗正打造“绿色山地牛”品牌。\n\n"
        "原因是防治经费不足。\n\n建议：\n一、大力推广绿色防控技术，逐步压减化学防治比例。\n"
    )
    assert _severities(review_proposal(text), "advertising") == []


def test_a_school_named_for_fees_without_receipts() -> None:
    # Round 10 (u55 development draft): 对县第三中学……进行专项调查 after 收费不开任何票据.
    text = (
        "关于整治假期补课收费的建议\n\n县第三中学寒假组织补课，每生收费一千元，班主任用微信收款，不开任何票据。\n\n"
        "原因是收费游离于财务监管之外。\n\n建议：\n一、县教育局对县第三中学补课收费问题进行专项调查。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "whistleblowing")


def test_a_party_member_objecting_to_a_transfer_by_their_party_group() -> None:
    # Round 10 (u55 development draft): 局党组……把办公室主任调到档案室任…… and a member
    # of that party group asks it be revoked.
    text = (
        "关于撤销局党组一项干部调整的建议\n\n今年三月，我们局党组把办公室主任调到档案室任副主任科员，"
        "事先没有征求意见，大家议论纷纷。作为党组的一名党员，我认为这个决定不妥。\n\n"
        "原因是程序不规范。\n\n建议：\n一、撤销这次调整决定，恢复这位同志的职务。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "party_internal")


def test_findings_of_a_paper_marked_for_internal_use() -> None:
    # Round 10 (u57 development draft): 封面印有“内部资料”, then 主要结论是：……; marked
    # papers passed around in chat groups, told as a lapse, reveal nothing.
    leak = (
        "关于加快水库除险加固的建议\n\n县里委托做的《青溪水库安全鉴定报告》封面印有“内部资料”字样，"
        "报告的主要结论是：大坝有三处渗漏，一旦溃坝下游四个村一小时内被淹。\n\n原因是工程老化。\n\n"
        "建议：\n一、县水利局年内完成除险加固。\n"
    )
    assert "blocking" in _severities(review_proposal(leak), "state_secret")
    lapse = (
        "关于规范工作群传递文件的建议\n\n我走访的五个乡镇，工作群里常转发上级文件的照片，"
        "有的标注了“内部资料”，群里还有已经退休的人员。\n\n原因是干部保密意识不强。\n\n"
        "建议：\n一、县保密局每年为乡镇干部开展一次实务培训。\n"
    )
    assert "blocking" not in _severities(review_proposal(lapse), "state_secret")


def test_dice_stalls_at_a_fair_and_a_debate_between_two_accounts() -> None:
    # Round 10 (u57 development drafts): stalls of dice games with stakes capped are
    # gambling; 一直有两种说法 over an origin is a scholar's question.
    dice = (
        "关于活跃乡村庙会的建议\n\n我镇庙会每年有游客两万人次。\n\n原因是缺少参与性项目。\n\n"
        "建议：\n一、镇政府在庙会上招十家摊主摆骰子的摊子，每注限额五十元。\n"
    )
    assert "blocking" in _severities(review_proposal(dice), "prohibited")
    origin = (
        "关于厘清我县黄金梨起源的建议\n\n黄金梨从何而来，地方上一直有两种说法。"
        "我翻检了方志，认为“移民说”更站得住脚。\n\n建议：\n一、县农业农村局组织专家论证黄金梨的起源。\n"
    )
    assert "blocking" in _severities(review_proposal(origin), "academic")


def test_a_plan_told_before_the_body_that_pays_for_it_and_a_request_after_a_dash() -> None:
    # Round 11 (u58 development drafts, written as diaries): what a sentence plans may
    # come before the body named (……开设每周三次……，由县卫健委从……经费中列支), and a
    # request to a body may sit inside a sentence, after what was felt (……心里发紧——
    # 我想请县水利局……).
    paid = (
        "关于办好村卫生室夜间门诊的建议\n\n五月三日，雨。\n\n去了石门乡三个村，"
        "村民夜里看病要走二十里。\n\n乡卫生院只有两名医生轮班，人手不够。\n\n"
        "从明年一月起，在三个村卫生室开设每周三次的夜间门诊，每次补助医生八十元，"
        "由县卫健委从基层医疗经费中列支。\n"
    )
    assert "missing_suggestions" not in review_proposal(paid).flagged
    dash = (
        "关于加固西沟河堤的建议\n\n六月十日，晴。\n\n西沟河堤有八百米是土堤，去年汛期塌了两处。\n\n"
        "原因是加固资金一直没有着落。\n\n看着河水我心里一直发紧——我想请县水利局在明年汛期前"
        "把这八百米土堤改成浆砌石堤，每年安排维护资金二十万元。\n"
    )
    assert "missing_suggestions" not in review_proposal(dash).flagged


def test_a_wish_that_the_problem_be_solved_some_day_asks_for_nothing() -> None:
    # Round 11 (u58 development drafts, told as a news story and a speech): 希望……
    # 早日得到解决 and 请大家想一想 ask no one to do anything; 千家万户 is no number.
    wish = (
        "关于老旧电梯安全的建议\n\n今年我市发生电梯困人事件四十多起，多在老旧小区。\n\n"
        "原因是维保费用没有着落。\n\n希望这件牵动千家万户的事，能早日得到妥善解决。\n"
    )
    assert "blocking" in _severities(review_proposal(wish), "missing_suggestions")
    think = (
        "关于乡村医生待遇的建议\n\n我县有乡村医生四百二十人，平均年龄五十六岁。\n\n"
        "原因是收入低，年轻人不愿来。\n\n请各位想一想，再过些年谁来给村里人看病？\n"
    )
    assert "blocking" in _severities(review_proposal(think), "missing_suggestions")


def test_classification_told_as_work_and_an_exception_for_what_may_not_be_disclosed() -> None:
    # Round 11 (u59 development traps): a draft on declassifying archives tells of 密级
    # as work; 依法不宜公开的除外 in a suggestion excepts secrets, reveals none; an item's
    # number (1．) is no figure.
    archives = (
        "关于推进县档案馆到期档案解密工作的建议\n\n县档案馆到期未开放的档案约五万卷，"
        "其中一部分当年定过密级，需要原单位审核。\n\n原因是原单位撤并后无人审核。\n\n"
        "建议：\n一、县档案局会同县保密局建立审核机制，每年审核一万卷。\n"
    )
    assert "state_secret" not in review_proposal(archives).flagged
    except_ = (
        "关于公开村级工程招标结果的建议\n\n我县村级工程每年约三百项，招标结果多数没有公开。\n\n"
        "原因是没有统一的公开要求。\n\n建议：\n"
        "1．县农业农村局要求各村在村务公开栏公布招标结果（依法不宜公开的除外）。\n"
    )
    assert "state_secret" not in review_proposal(except_).flagged


def test_reports_counted_as_a_class_accuse_no_one() -> None:
    # Round 11 (u59 development trap): 据县政务服务中心统计……举报类诉求 counts the
    # reports a body received; it names no one for a wrong.
    text = (
        "关于提高举报诉求办理质量的建议\n\n据县数据资源管理局统计，去年热线收到举报类诉求"
        "两万件，多是反映违法占道、噪音扰民。\n\n原因是办理结果不告知举报人。\n\n"
        "建议：\n一、县数据资源管理局规定举报诉求办结后三日内告知举报人。\n"
    )
    assert "whistleblowing" not in review_proposal(text).flagged


def test_a_title_that_cuts_off_a_banned_trade_stands_against_it() -> None:
    # Round 11 (u59 development trap): 斩断……链条, 切断, 铲除 stand against the banned
    # thing the draft goes on to describe.
    text = (
        "关于切断网络赌博引流渠道的建议\n\n今年以来，我县查获的网络赌博案件中，七成是通过"
        "短视频发展代理引流，代理按下线输钱多少抽成。\n\n原因是平台审核不严。\n\n"
        "建议：\n一、县公安局会同县委网信办每月清理一次赌博引流账号。\n"
    )
    assert "prohibited" not in review_proposal(text).flagged


def test_a_case_finally_enforced_told_as_an_example_is_no_pending_dispute() -> None:
    # Round 11 (u59 development trap): a case told to show a gap (……法院采取措施后，
    # 案子终于执行到位) stands nowhere in court any more.
    text = (
        "关于提高涉企案件执行效率的建议\n\n去年全县法院执行案件两千件，终本率近四成。"
        "我认识的一位商户胜诉后，对方名下查不到财产，后来提供线索，案件终于执行到位。\n\n"
        "原因是部门数据没有对接。\n\n建议：\n一、县人民法院会同县市场监管局年内实现数据共享。\n"
    )
    assert "litigation" not in review_proposal(text).flagged


def test_enforcement_by_several_departments_against_one_wrong_is_one_matter() -> None:
    # Round 11 (u59 development trap): under a title against a wrong (整治……), patrols,
    # checks and prosecutions by several departments are one campaign.
    text = (
        "关于整治南湖非法采砂的建议\n\n南湖禁采区夜间偷采河砂屡禁不止，今年群众反映二十多次。\n\n"
        "原因是执法力量分散，砂石收购不问来源。\n\n建议：\n"
        "一、县水利局在南湖沿岸安装夜间监控，每晚巡查两次。\n"
        "二、县市场监管局对县内砂石场开展专项检查，查验进货来源。\n"
        "三、县公安局对组织偷采的人员依法查处。\n"
    )
    found = review_proposal(text)
    assert all(f.severity == "hint" for f in found.findings if f.code == "multiple_matters")


def test_a_situation_told_in_stock_phrases_states_no_fact() -> None:
    # Round 11 (u58 development draft, a speech): 就是竞争力、日趋激烈、存在一定差距 and
    # 时有发生 (now and then) tell no fact.
    text = (
        "关于优化我县政务服务的建议\n\n服务就是竞争力。当前，各地竞争日趋激烈，与先进地区相比，"
        "我们还存在一定差距，推诿扯皮的现象时有发生。\n\n建议：\n"
        "一、县政务服务中心年内推行一窗受理，办事时限压缩一半。\n"
    )
    assert "missing_situation" in review_proposal(text).flagged


def test_a_cover_letter_before_the_title_and_leave_taken_for_a_grandchild() -> None:
    # Round 11 (u63 and u65 development traps): a draft sent as a letter opens with a
    # salutation and a line of cover before its title; 请了两天假 is leave taken, not a
    # request for the proposer's family.
    letter = (
        "尊敬的市政协提案委员会：\n\n现将我的一件提案报上，请审阅。\n\n关于增设城西公交夜班线路的建议\n\n"
        "城西工业园有职工三万人，最后一班公交晚上九点发车。\n\n原因是线路按白天客流排班。\n\n"
        "建议：\n一、市交通运输局年内开通两条夜班线路。\n"
    )
    review = review_proposal(letter)
    assert "title_format" not in review.flagged
    assert review.title is not None and review.title.text == "关于增设城西公交夜班线路的建议"
    leave = (
        "关于简化随迁子女入学材料的建议\n\n我的外孙女今年上小学，女儿为了开证明请了两天假。"
        "全区今年随迁子女新入学八千人。\n\n原因是各部门证明不能共享。\n\n"
        "建议：\n一、区教育局会同区公安分局年内实现居住证明网上核验。\n"
    )
    assert "personal_matter" not in review_proposal(leave).flagged


def test_wrongdoing_listed_as_kinds_for_a_new_rule_accuses_no_one() -> None:
    # Round 12 (u64 development draft): a suggestion that a rule list 虚假宣传、无证经营
    # 等违法行为 and their departments names kinds of wrong, no one's.
    text = (
        "关于规范农贸市场经营秩序的建议\n\n全市农贸市场有摊位一万二千个，去年投诉四百多件。\n\n"
        "原因是各部门分工不清。\n\n建议：\n一、市市场监管局年内制定工作细则，逐一列明短斤少两、"
        "以次充好、无证经营等常见违规行为的主管部门，对查实的问题依法处理。\n"
    )
    assert "whistleblowing" not in review_proposal(text).flagged


def test_a_relative_named_in_the_title_and_again_in_an_item_is_asked_for() -> None:
    # Round 12 (u62 development draft): the title names the person (关于解决……李晓峰……的
    # 建议), the body calls him 小女/犬子, and an item asks a post for that very name.
    text = (
        "关于解决大学毕业生李晓峰落户问题的建议\n\n李晓峰，2023年毕业于省师范大学，现在城南一家"
        "公司工作。\n\n犬子毕业已经两年，户口一直挂在人才市场，办落户跑了三次都没办成。\n\n"
        "建议：\n一、市公安局尽快为李晓峰办理城南派出所的落户手续。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "personal_matter")
    assert finding.severity == "blocking"


def test_a_fallback_item_for_the_item_before_is_no_new_matter() -> None:
    # Round 12 (u62 development draft): 若一时……没有……，可先…… offers another way to the
    # same end, even through a unit of another field.
    text = (
        "关于解决城北小学学位紧张问题的建议\n\n城北小学今年一年级报名五百人，学位只有三百个。\n\n"
        "原因是片区新建小区多，学校没有扩建。\n\n建议：\n"
        "1. 区教育局年内启动城北小学扩建，增加十个教学班。\n"
        "2. 若一时没有扩建用地，可先租用区消防救援大队闲置的营房作为临时教室。\n"
    )
    assert "multiple_matters" not in review_proposal(text).flagged


def test_a_person_said_to_be_the_proposers_relative_and_then_asked_for() -> None:
    # Round 12 (u63 development draft): the draft tells of one person, then says who
    # they are to the proposer (他系本人之子), and an item asks for that name.
    text = (
        "关于解决特岗医生转编问题的建议\n\n全县乡镇卫生院有特岗医生六十人。\n\n"
        "石磊在青山乡卫生院工作六年，去年考核优秀。他系本人之子。\n\n"
        "原因是编制名额少。\n\n建议：\n一、县卫健局年内为石磊办理入编手续。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "personal_matter")
    assert finding.severity == "blocking"


def test_the_proposers_family_home_by_its_address_asked_for_again() -> None:
    # Round 12 (u63 development draft): 提案人的父亲 lives in a house told by its address,
    # and an item asks that very address be valued again.
    text = (
        "关于南门片区征收补偿的建议\n\n南门片区征收涉及八百户。王家老宅在南门横巷8号，现由提案人的"
        "父亲居住，评估时院子没有计入补偿。\n\n建议：\n一、请区征收办对南门横巷8号重新评估，"
        "把院子计入补偿。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "personal_matter")
    assert finding.severity == "blocking"


def test_suggestions_announced_as_a_count_of_points_with_a_colon() -> None:
    # Round 12 (u69 development trap): 我的建议，说白了就几条： opens the suggestions as
    # surely as 建议如下：, and so does 办法有三条：.
    for opening in ("我的主意，简单讲就三条：", "解决的办法有三条："):
        text = (
            "关于防范老人陷入理财骗局的建议\n\n我们街道去年老人被骗的有三十多起。\n\n"
            "为啥防不住？骗子换地方快，老人孤单。\n\n" + opening + "\n"
            "1.街道派出所和社区每月到老年活动室讲一次防骗案例。\n"
            "2.街道对短期出租做讲座的门面登记备案。\n"
        )
        assert "missing_suggestions" not in review_proposal(text).flagged, opening


def test_numbered_items_that_open_with_a_township_office_are_suggestions() -> None:
    # Round 12: a 所 or 站 is a public body too (镇市场监管所、镇司法所、乡农技站), and
    # 联手 says what it is to do, as 会同 does.
    text = (
        "关于防范老人陷入理财骗局的建议\n\n我们镇去年老人被骗的有三十多起。\n\n"
        "原因是骗子换地方快，老人孤单。\n\n"
        "1.镇市场监管所和派出所联手，对临时租门面搞会销的上门查证照。\n"
        "2.镇司法所每月到各村讲一次防骗案例。\n"
    )
    assert "missing_suggestions" not in review_proposal(text).flagged


def test_faulting_results_kept_internal_asks_for_openness_and_reveals_nothing() -> None:
    # Round 12 (u67 development trap): 处理结果仅在内部传达，群众不得而知 finds fault with
    # what is kept internal, next to a published figure.
    text = (
        "关于公开食品抽检不合格处理结果的建议\n\n去年县市场监管局抽检食品1200批次，不合格36批次，"
        "但处理结果仅在内部传达，群众不得而知。\n\n原因是没有公开的规定。\n\n"
        "建议：\n一、县市场监管局每季度在县政府网站公布不合格食品的处理结果。\n"
    )
    assert "state_secret" not in review_proposal(text).flagged


def test_causes_told_after_the_suggestions_are_the_analysis() -> None:
    # Round 12 (u66 development trap): the causes come last, in a paragraph that opens
    # 上述问题的成因…… or 之所以会出现这些情况，……, after the suggestions.
    for closing in ("上述问题的成因主要是", "之所以会出现这些情况，是因为"):
        text = (
            "关于改进区政务大厅预约服务的建议\n\n区政务大厅去年接待办事群众三十万人次，"
            "群众反映排队常要两小时。\n\n建议：\n1. 区政务服务中心年内开通分时段网上预约。\n"
            "2. 区政务服务中心在高峰时段增开两个综合窗口。\n\n"
            + closing
            + "大厅窗口按部门设置，人员忙闲不均，预约系统只能按天预约。\n"
        )
        assert "missing_analysis" not in review_proposal(text).flagged, closing


@pytest.mark.parametrize(
    "suggestions",
    [
        "确有必要由县交通运输局牵头，年内在乡镇客运站增开早晚两班车。",
        "我们的意见是县交通运输局年内在乡镇客运站增开早晚两班车。",
        "为此，笔者认为县交通运输局应在年内增开早晚两班车。",
        "只要县交通运输局年内增开早晚两班车，学生周末回家就不难了。",
        "县交通运输局：年内在乡镇客运站增开早晚两班车。\n县教育局：统计各校周末返家学生人数。",
    ],
)
def test_suggestions_in_the_forms_members_use_without_a_cue(suggestions: str) -> None:
    # Round 12: forms written for this test before the review was run on them: a
    # necessity (有必要由……), an opinion (我们的意见是……, 笔者认为……应), a condition
    # (只要……), a department and a colon.
    text = (
        "关于解决山区学生周末返家乘车难的建议\n\n我县山区乡镇有寄宿学生两千多人，周末回家只有一班车。\n\n"
        "原因是客运线路按成人客流排班。\n\n" + suggestions + "\n"
    )
    assert "missing_suggestions" not in review_proposal(text).flagged


_NO_CUE_HEAD = (
    "关于整治城南河道垃圾的建议\n\n城南河沿岸有村庄十二个，河面漂浮垃圾常年不断，去年群众投诉八十多件。\n\n"
    "原因是沿河没有垃圾收集点，保洁只管岸上不管河面。\n\n"
)


@pytest.mark.parametrize(
    "ending",
    [
        "何不由县水利局牵头，把河面保洁交给一家公司统一负责？",
        "当务之急是镇里在沿河每个村设一个垃圾收集点。",
        "这件事可以由县城管局牵头，年底前先在三个村试点。",
    ],
)
def test_a_last_paragraph_that_may_propose_makes_missing_suggestions_a_hint(ending: str) -> None:
    # Round 12: a closing sentence that looks ahead and names a body or a deadline, in
    # words no cue knows, may be the suggestion: no block, a hint to check.
    found = review_proposal(_NO_CUE_HEAD + ending + "\n")
    assert "missing_suggestions" not in {f.code for f in found.by_severity("blocking")}


def test_a_draft_that_only_tells_what_people_need_still_asks_nothing() -> None:
    # Round 12: 要 and 需要 in a description (村民要走两公里路、需要专人) look ahead at
    # nothing; with no suggestion the block stays.
    ending = "现在村民倒垃圾要走两公里路，河面打捞需要专门的船，镇里一直没有钱。"
    found = review_proposal(_NO_CUE_HEAD + ending + "\n")
    assert "missing_suggestions" in {f.code for f in found.by_severity("blocking")}


def test_departments_serving_a_title_that_names_one_problem_are_one_matter() -> None:
    # Round 12 (u66 development trap): under 关于解决……积水问题的建议, the housing, water,
    # planning and city-management bureaus each take a part of the one problem.
    text = (
        "关于解决城东低洼片区雨后积水问题的建议\n\n去年汛期城东片区有九处路段积水超过半米。\n\n"
        "原因是管网老旧、地势低、排口被河水顶托。\n\n建议：\n"
        "一、区住建局明年完成片区管网扩容改造。\n二、区水利局在东河排口新建一座强排泵站。\n"
        "三、区自然资源局在新出让地块的规划条件中写明雨水滞蓄要求。\n"
        "四、区城管局在汛前完成易涝点清淤。\n"
    )
    found = review_proposal(text)
    assert all(f.severity == "hint" for f in found.findings if f.code == "multiple_matters")


def test_a_collective_proposal_for_one_members_relative_is_a_personal_matter() -> None:
    # Round 12 (u67 development draft): a committee asks for 本会一名委员的妻子, the
    # household named again by its address.
    text = (
        "关于妥善处理公房承租问题的建议\n\n提案单位：县政协经济委员会\n\n本会一名委员的妻子自2012年起"
        "承租县房管所位于新华街12号的公房，今年被通知腾退。\n\n原因是县里清理公房没有过渡期。\n\n"
        "建议：\n一、请县房管所允许新华街12号的承租户续租三年。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "personal_matter")
    assert finding.severity == "blocking"


def test_an_officials_business_on_the_side_asked_into_is_sure_whistleblowing() -> None:
    # Round 12 (u67 development draft): 以其儿子名义持股 and 挂名……领取报酬 are wrongs; a
    # suggestion asks the discipline body into that very name.
    text = (
        "关于加强乡镇干部监督的建议\n\n据群众反映，石门镇副镇长郑某以其儿子名义持股镇上的砂石场，"
        "还在一家建材公司挂名领取报酬。\n\n原因是乡镇一级监督薄弱。\n\n"
        "建议：\n一、县纪委监委对郑某的问题进行调查核实。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "whistleblowing")
    assert finding.severity == "blocking"


def test_a_title_with_three_problems_told_one_by_one_is_several_matters() -> None:
    # Round 12 (u67 development draft): 关于……三个问题的建议, each problem with its own
    # facts and its own request.
    text = (
        "关于东坪镇三个问题的建议\n\n一、集镇停车问题\n集镇赶集日车辆乱停，去年堵车四十多次。"
        "建议镇政府在集镇东口划设停车场。\n\n二、学校食堂问题\n镇中学食堂只有一个窗口，"
        "学生排队要半小时。建议县教育局年内为镇中学增设两个打饭窗口。\n\n"
        "三、卫生院问题\n镇卫生院没有夜间值班医生。建议县卫健局给镇卫生院增派两名医生。\n"
    )
    assert "multiple_matters" in review_proposal(text).flagged


def test_items_with_nothing_concrete_in_words_no_lexicon_lists_are_vague() -> None:
    # Round 12 (u72 development draft): fresh slogans (让……像在家门口一样方便、服务跟着人走)
    # name no body, no measure, no figure, no deadline.
    head = (
        "关于改进农村电费缴纳服务的建议\n\n我县农村有用户二十万户，去年有三成用户到营业厅排队缴费。\n\n"
        "原因是线上缴费宣传不够，老人不会用手机。\n\n建议：\n"
    )
    vague = head + (
        "一、让村里老人交电费像在家门口买菜一样方便。\n二、把路上的麻烦省掉，让服务跟着人走。\n"
    )
    found = review_proposal(vague)
    assert "vague_suggestions" in {f.code for f in found.by_severity("blocking")}
    measured = head + (
        "一、县供电公司在每个村委会设代缴点。\n二、县供电公司年内培训一千名村级代缴员。\n"
    )
    assert "vague_suggestions" not in review_proposal(measured).flagged


def test_a_wrong_told_of_an_official_by_surname_and_post_is_tied_to_his_name() -> None:
    # Round 12 (u73 development drafts): 校长孙立新 is called 孙校长 where the wrong is
    # told (供货商的老板与孙校长系同学关系), and an item asks into 孙立新.
    text = (
        "关于核查城关中学食堂承包情况的建议\n\n城关中学在校长孙立新主持下，三年来食堂一直由同一家"
        "公司承包。该公司的老板与孙校长系同学关系，饭菜价格比邻校高两成。\n\n原因是承包没有公开招标。\n\n"
        "建议：\n一、请县纪委监委对孙立新在食堂承包中的问题调查核实。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "whistleblowing")
    assert finding.severity == "blocking"


def test_asking_to_look_into_an_official_whose_brother_in_law_won_the_bid() -> None:
    # Round 12 (u73 development draft): 查一查 is an inquiry, and a contractor that the
    # official's 妻弟 runs under another firm's name is a wrong.
    text = (
        "关于查一查西岭村水渠工程的建议\n\n西岭村去年修水渠花了三百万元，工程由村主任王长林负责，"
        "施工队是王长林妻弟挂靠的一家公司。\n\n原因是工程没有公开招标。\n\n"
        "建议：\n1.请镇纪委查一查王长林在这个工程里有没有问题。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "whistleblowing")
    assert finding.severity == "blocking"


def test_the_proposers_own_firm_asked_for_by_name_is_a_personal_matter() -> None:
    # Round 12 (u73 development draft): 笔者创办的……有限公司 and an item that asks land
    # for that firm by name; land 优先安排 for a firm promotes none of its goods.
    text = (
        "关于支持青川农机公司扩大厂房的建议\n\n笔者2012年创办的县城青川农机有限公司，年产值八千万元，"
        "现在厂房不够用。\n\n原因是工业用地指标紧张。\n\n"
        "建议：\n一、请县自然资源局年内把青川公司东侧15亩地调为工业用地，并优先安排用地指标。\n"
    )
    found = review_proposal(text)
    finding = next(f for f in found.findings if f.code == "personal_matter")
    assert finding.severity == "blocking"
    assert "advertising" not in found.flagged


def test_the_proposer_and_a_relative_asking_for_their_own_workshop() -> None:
    # Round 12 (u71 development draft): 我和女儿……的工作室 and an item that asks premises
    # for it 期限不少于五年 (at least, not 不少 "many").
    text = (
        "关于为竹编传习所解决场地的建议\n\n2018年起，我和女儿在老街租用门面开了竹编传习所，"
        "今年老街拆迁，房东让我们年底搬走。\n\n原因是县里没有非遗传习场所。\n\n"
        "建议：\n1.请县文化馆划出一间用房，供我和女儿的传习所使用，期限不少于五年。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "personal_matter")
    assert finding.severity == "blocking"


def test_staff_within_the_establishment_are_no_ones_wife() -> None:
    # Round 12: 编制内人员 holds 内人 (my wife) by accident.
    text = (
        "关于稳定村医队伍的建议\n\n全县村医八百人，六十岁以上的占四成。\n\n原因是待遇低。\n\n"
        "建议：\n一、县卫健局对服务满六年的定向村医，按编制内人员落实同等待遇，每年招五十名。\n"
    )
    assert "personal_matter" not in {f.code for f in review_proposal(text).findings}


def test_one_named_eatery_for_the_citys_guide_is_advertising() -> None:
    # Round 12 (u73 development draft): an inn's or a restaurant's own name in quotes,
    # with 必去 in the guide and a 专题推送, promotes that one business; a proposal on
    # 农家乐 in general names none.
    named = (
        "关于把“溪口人家农家乐”列入我县旅游推荐的建议\n\n溪口村的“溪口人家农家乐”开了二十年，"
        "土鸡做得好，周末游客要排队。\n\n原因是县文旅局的宣传只推新店。\n\n"
        "建议：\n1.县文旅局在明年的旅游手册中把“溪口人家农家乐”列为必去的一站。\n"
        "2.县文旅局公众号为“溪口人家农家乐”做一期专题推送。\n"
    )
    assert "advertising" in {f.code for f in review_proposal(named).by_severity("blocking")}
    general = (
        "关于规范乡村农家乐经营的建议\n\n全县农家乐有三百多家，去年食品安全投诉六十件。\n\n"
        "原因是没有统一的经营标准。\n\n建议：\n1.县文旅局年内制定农家乐服务标准，每年评定一次星级。\n"
    )
    assert "advertising" not in review_proposal(general).flagged


def test_figures_from_a_paper_marked_for_the_leaders_eyes_only() -> None:
    # Round 12 (u69 development draft): 仅供市领导参阅 marks a paper internal; figures
    # taken from it are a secret told.
    text = (
        "关于稳住外贸出口的建议\n\n据市商务局一份仅供市领导参阅的分析材料，上半年全市出口下降11.6%，"
        "有9家企业订单减半。\n\n原因是外需减弱。\n\n建议：\n一、市商务局年内组织企业参加三场境外展会。\n"
    )
    assert "state_secret" in {f.code for f in review_proposal(text).by_severity("blocking")}


def test_a_county_lottery_of_its_own_is_prohibited_and_the_sports_lottery_is_not() -> None:
    # Round 12 (u69 development draft): a county that would issue “某某彩” of its own
    # through 投注点 runs a private lottery; a 体彩 outlet is the state's.
    own = (
        "关于设立“青山彩”补充修路资金的建议\n\n我县乡村道路每年缺口两千万元。\n\n原因是财力有限。\n\n"
        "建议：\n1.县财政局牵头发行县属的“青山彩”，在每个乡镇设一个投注点，每注2元。\n"
    )
    assert "prohibited" in {f.code for f in review_proposal(own).by_severity("blocking")}
    sports = (
        "关于规范体彩投注站经营的建议\n\n我县有体彩投注站六十个，去年有三家向未成年人售彩。\n\n"
        "原因是检查少。\n\n建议：\n1.县体育局每季度检查一次投注站，向未成年人售彩的依法处理。\n"
    )
    assert "prohibited" not in review_proposal(sports).flagged


def test_a_street_called_one_street_and_relaxing_the_relevant_policies_are_slogans() -> None:
    # Round 12 (u69 development draft): 美食一条街 is a name, not a count; 放宽相关政策
    # names no rule to relax.
    text = (
        "关于振兴老城夜市的建议\n\n老城夜市前几年有摊位两百个，现在只剩五十个。\n\n原因是管理太严。\n\n"
        "建议：\n一是要充分认识夜市的重要意义，大力支持美食一条街重新热闹起来。\n"
        "二是要放宽相关政策，营造宽松的经营氛围。\n三是要加强宣传，打响夜市品牌。\n"
    )
    assert "vague_suggestions" in {f.code for f in review_proposal(text).by_severity("blocking")}


def test_a_title_joining_two_unrelated_topics_told_one_by_one_is_two_matters() -> None:
    # Round 12 (u68 development draft): 关于……殡葬改革和校车管理的建议 names two topics
    # in no directive form; the body tells each with its facts and its request.
    text = (
        "关于河西镇殡葬改革和校车管理的建议\n\n（一）殡葬改革\n河西镇去年土葬仍占三成，"
        "乱埋乱葬40多处。建议镇政府年内建成一处公益性公墓。\n\n"
        "（二）校车管理\n全镇有校车12辆，去年查出3辆超载。建议县教育局每学期检查一次校车。\n"
    )
    assert "multiple_matters" in review_proposal(text).flagged


def test_another_matter_announced_in_the_body_under_a_title_with_a_field() -> None:
    # Round 12 (u65 development draft): the title names one field (老旧小区改造), the
    # body adds 还有一件事 and the items go to units of unrelated fields.
    text = (
        "关于南关片区老旧小区改造的建议\n\n南关片区有居民楼30栋，雨污管网40年没有改造，去年有12户进水。"
        "还有一件事居民反映强烈，片区卫生服务站去年撤了，老人看病要走2公里。\n\n"
        "建议：一是区住建局把南关片区管网改造列入明年计划；二是区卫健局年内在片区重新设一个卫生服务站。\n"
    )
    assert "multiple_matters" in review_proposal(text).flagged


def test_the_proposer_told_in_the_third_person_asks_for_their_own_family() -> None:
    # Round 12 (u74 development drafts): 提案人的老母亲 and 提案人家 are the proposer's own.
    text = (
        "关于补发迁户老人生活补贴的建议\n\n提案人的老母亲今年88岁，去年随子女迁户到城东区，"
        "迁户后补贴停发了九个月。\n\n原因是两区系统不联通。\n\n"
        "建议：\n1.请城东区民政局为提案人的老母亲补发九个月的补贴。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "personal_matter")
    assert finding.severity == "blocking"


def test_a_draft_against_illegal_wildlife_trade_tells_of_the_legal_one() -> None:
    # Round 12 (u76 development trap): under a title against the illegal trade, a
    # suggestion that legally bred animals carry a tag (合法经营的个体须附标识) asks for
    # supervision, not for the trade.
    text = (
        "关于加强花鸟市场野生动物非法交易监管的建议\n\n去年全市查办花鸟市场野生动物交易案件27件。\n\n"
        "原因是合法繁育个体与非法来源个体难以区分。\n\n"
        "建议：\n1.市林业局完善人工繁育野生动物标识制度，凡合法经营的个体须附标识编号。\n"
    )
    assert "prohibited" not in review_proposal(text).flagged


def test_wrongs_counted_as_kinds_of_cases_accuse_no_school() -> None:
    # Round 12 (u77 development trap): 据媒体报道和学校通报，……共查处论文代写、数据造假等
    # 学术不端案件30余起 counts cases; no unit is accused.
    text = (
        "关于防范高校学术不端的建议\n\n据媒体报道和学校通报，三年来全省高校共查处论文代写、"
        "数据造假、一稿多投等学术不端案件30余起。\n\n原因是诚信教育薄弱。\n\n"
        "建议：\n1.省教育厅年内把科研诚信课列为研究生必修课，并对查实的问题依法处理。\n"
    )
    assert "whistleblowing" not in review_proposal(text).flagged


def test_one_off_topic_item_among_many_on_the_title_is_still_one_matter() -> None:
    # Round 12 (u77 development trap): four items take up 农村电商 from the title; the
    # fifth (a trademark's registration) goes to a unit of another field.
    text = (
        "关于推动我县农村电商发展的建议\n\n我县有农村网店两千家，去年网销额不到五亿元。\n\n"
        "原因是缺人才、缺物流、缺品牌。\n\n建议：\n"
        "1.县商务局年内建成农村电商公共服务中心。\n"
        "2.县交通运输局整合快递线路，实现农村电商包裹村村通。\n"
        "3.县人社局每年培训农村电商带头人五百名。\n"
        "4.县财政局对农村电商企业租用仓库给予补助。\n"
        "5.县市场监管局指导企业注册商标，对取得商标的给予奖励。\n"
    )
    found = review_proposal(text)
    assert all(f.severity == "hint" for f in found.findings if f.code == "multiple_matters")


def test_a_remedy_for_what_the_proposer_owns_or_for_a_relative_after_dui() -> None:
    # Round 12 (u74 development drafts): 对提案人名下的……重新审查 and 对提案人父亲……的
    # 医疗费用重新审核 ask for the proposer's own.
    for item in (
        "请区城管局对提案人名下的门面房违建认定重新审查，撤销拆除通知。",
        "请县医保局对提案人父亲去年在省城的医疗费用重新审核，补报差额。",
    ):
        text = (
            "关于改进基层执法的建议\n\n全县去年执法案件三千件，群众对认定标准意见较多。\n\n"
            "原因是标准不统一。\n\n建议：\n1." + item + "\n"
        )
        finding = next(f for f in review_proposal(text).findings if f.code == "personal_matter")
        assert finding.severity == "blocking", item


def test_an_airfields_hangars_aircraft_and_training_days_are_military_details() -> None:
    # Round 12 (u74 development draft): a proposal on noise that tells how many hangars
    # and fighters an air base holds; one that tells only the noise names none.
    head = "关于解决机场周边村庄噪声问题的建议\n\n我县东河乡紧邻驻军某机场。"
    told = head + "场内有机库12座，常驻歼击机20架左右，每周三晚上夜航训练。\n\n"
    told += "原因是没有补偿机制。\n\n"
    plain = head + "附近三个村约两千名群众长期受噪声影响。\n\n原因是没有补偿机制。\n\n"
    tail = "建议：\n1.县政府会同驻军单位建立军地联席会议制度。\n"
    assert "state_secret" in {f.code for f in review_proposal(told + tail).by_severity("blocking")}
    assert "state_secret" not in review_proposal(plain + tail).flagged


def test_decisions_told_from_minutes_marked_for_those_present_only() -> None:
    # Round 12 (u74 development draft): minutes marked 仅限参会人员知悉, and what the
    # meeting decided (会议明确：……) told from them.
    text = (
        "关于加快城西物流园搬迁的建议\n\n提案人列席了市政府常务会议，会议纪要注明“仅限参会人员知悉”。"
        "会议明确：物流园2026年前搬迁，补偿预算9.5亿元。\n\n原因是园区配套不全。\n\n"
        "建议：\n1.市发改委尽快公布搬迁的时间表。\n"
    )
    assert "state_secret" in {f.code for f in review_proposal(text).by_severity("blocking")}


def test_labels_in_brackets_open_the_parts_and_a_matter_mentioned_in_passing() -> None:
    # Round 12 (u75 development draft): （情况）……（原因）……（建议）…… label the parts
    # inline; 另外顺便说一个事 adds a matter for units of another field.
    head = (
        "关于增开园区夜班公交的建议\n\n（情况）园区有职工两万人，末班公交晚上7点发车。\n\n"
        "（原因）线路多年没有调整。\n\n（建议）1.市交通运输局年内开通两条夜班公交线。\n"
    )
    review = review_proposal(head)
    assert review.flagged == (), review.flagged
    extra = head + "\n另外顺便说一个事：城区野狗越来越多。"
    extra += "建议市城管局、市农业农村局建立流浪犬收容中心。\n"
    assert "multiple_matters" in review_proposal(extra).flagged


def test_a_situation_of_stock_phrases_about_a_growing_sector_states_no_fact() -> None:
    # Round 12 (u75 development drafts): 随着……快速发展、队伍不断壮大、保障相对滞后、主要表现在
    # ……等方面, 事关……未来、普遍反映、越来越突出 tell no fact of the place.
    for situation in (
        "随着网络购物快速发展，快递员队伍不断壮大，但权益保障相对滞后，主要表现在参保难等方面。",
        "老人的身体健康，事关家庭未来。社会上普遍反映，老年人跌倒的问题越来越突出。",
    ):
        text = (
            "关于加强权益保障的建议\n\n" + situation + "\n\n原因是制度设计跟不上。\n\n"
            "建议：\n一、市人社局年内出台灵活就业人员参保办法。\n"
        )
        assert "missing_situation" in review_proposal(text).flagged, situation


def test_a_plea_with_a_doubled_verb_of_attention_asks_nothing() -> None:
    # Round 12 (u76 development draft): 恳请领导关注关注…… and 请有关部门管一管 only ask
    # for attention.
    for plea in ("恳请领导关注关注老街居民的难处。", "请有关部门管一管。"):
        text = (
            "关于老街夜市噪声扰民的提案\n\n老街夜市每晚营业到凌晨两点，去年居民投诉五十多次。\n\n"
            "原因是夜市没有管理单位。\n\n" + plea + "\n"
        )
        assert "missing_suggestions" in review_proposal(text).flagged, plea


def test_a_relative_introduced_as_i_have_a_nephew_called_and_asked_a_post() -> None:
    # Round 12 (u80 development draft): 我有个外甥叫……, and an item asks 特事特办 that he
    # 上岗 by name.
    text = (
        "关于解决村卫生室缺医问题的建议\n\n石桥村卫生室去年起没有村医。\n\n我有个外甥叫钱立伟，"
        "卫校毕业，想回村当村医，可他还没有执业证。\n\n原因是考试太难。\n\n"
        "建议：\n1.请县卫健局特事特办，让钱立伟先到石桥村卫生室上岗。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "personal_matter")
    assert finding.severity == "blocking"


def test_a_public_platform_in_quotes_is_no_firms_product() -> None:
    # Round 12 (u81 development traps): 依托市“智慧停车”平台 and 在“一网通办”平台开设……
    # name the government's platforms.
    text = (
        "关于推进机关停车位错时共享的建议\n\n城区机关大院有车位三千个，夜间空置七成。\n\n"
        "原因是没有共享机制。\n\n建议：\n1.依托市“智慧停车”平台，把机关夜间车位统一接入预约系统。\n"
        "2.在“一网通办”平台开设共享车位线上签约。\n"
    )
    assert "advertising" not in review_proposal(text).flagged


def test_suggestions_to_scholars_in_a_scholarly_draft_are_not_vague() -> None:
    # Round 12 (u79 and earlier development drafts): 希望学界进一步讨论、形成共识 asks the
    # scholars, which the academic code is about, not a public body.
    text = (
        "关于重新考订青州古城始建年代的建议\n\n方志记载青州古城始建于西汉，学界多从此说。"
        "但笔者认为此说缺乏考古依据。\n\n建议：\n一是希望学界进一步讨论，形成更加科学的共识。\n"
        "二是希望研究者加强史料考证，凝聚共识。\n"
    )
    found = review_proposal(text)
    assert "academic" in found.flagged
    assert "vague_suggestions" not in found.flagged


def test_a_first_draft_without_punctuation_still_proposes() -> None:
    # Round 12 (u78 development drafts): a draft typed with spaces for stops; 我的意见是
    # 乡里给…… and 请领导过问一下 让乡里重新审核…… are requests with something to do.
    head = (
        "关于青石村饮水的建议\n\n我们青石村有三百户 自来水一到夏天就停 上个月停了十天 "
        "大家只能去河里挑水\n\n原因是水管太细 水压不够\n\n"
    )
    for ending in (
        "我的意见是 乡里给我们村换一根粗水管 这个月就动工",
        "所以我想请领导过问一下 让乡里重新审核一下我们村的改水申请",
    ):
        assert "missing_suggestions" not in review_proposal(head + ending + "\n").flagged, ending


def test_two_sections_each_with_its_own_situation_and_suggestions_are_two_matters() -> None:
    # Round 12 (u79 development draft): under a broad title, 一、……（一）情况（二）原因
    # （三）建议 and then 二、……（一）情况…… tell two matters.
    text = (
        "关于提升城区管理水平的建议\n\n一、占道经营问题\n（一）情况。城区主干道占道摊点三百多个。\n"
        "（二）原因。摊点没有固定场所。\n（三）建议。区城管局年内设置五处便民疏导点。\n\n"
        "二、小区电梯维保问题\n（一）情况。全区有八百部电梯超过十五年。\n（二）原因。维保费用低。\n"
        "（三）建议。区市场监管局每季度抽查一次电梯维保记录。\n"
    )
    assert "multiple_matters" in review_proposal(text).flagged


def test_suggestions_first_and_their_grounds_after_are_one_matter() -> None:
    # Round 12: 建议 before 情况 (建议在前，依据在后) is one matter told in reverse, no
    # second cycle of facts and requests.
    text = (
        "关于增设城南公交线路的建议\n\n一、建议\n市交通运输局年内开通城南至火车站的公交线路。\n\n"
        "二、情况\n城南新区入住三万人，没有一条直达火车站的公交。\n\n三、原因\n线网多年没有调整。\n"
    )
    assert "multiple_matters" not in review_proposal(text).flagged


@pytest.mark.parametrize(
    ("first", "then"),
    [("先说建议：", "再说情况："), ("建议先行——", "附：事实和原因。")],
)
def test_suggestions_first_then_the_facts_told_as_speech_or_an_annex(first: str, then: str) -> None:
    # Round 12 (u83 development traps): 先说建议……再说情况……, 建议……附：事实和原因。
    text = (
        "关于整治城西农贸市场周边占道的建议\n\n"
        + first
        + "\n一、区城管局年内在市场北侧设置临时摊位区。\n"
        "二、区市场监管局每月检查一次市场内空置摊位。\n\n" + then + "城西农贸市场周边占道摊点有"
        "120多个，去年投诉300多件。原因是市场内摊位费高，摊贩宁可在外面摆。\n"
    )
    found = review_proposal(text).flagged
    assert "missing_situation" not in found and "missing_analysis" not in found, found


def test_a_kind_of_public_plant_is_no_unit_accused() -> None:
    # Round 12 (u85 development draft): 偷倒 told of unnamed trucks in a draft that
    # plans a 建筑垃圾处理厂 names no unit that did it.
    text = (
        "关于规范装修垃圾清运的建议\n\n城区每年产生装修垃圾二十万吨，不少被私人货车拉走后偷倒在城郊。"
        "全市只有一座建筑垃圾处理厂。\n\n原因是清运价格高。\n\n"
        "建议：\n一、市城管局年内新建两处装修垃圾中转点，对偷倒行为依法处理。\n"
    )
    assert "whistleblowing" not in {f.code for f in review_proposal(text).by_severity("blocking")}


def test_an_official_named_by_an_initial_and_asked_into_is_whistleblowing() -> None:
    # Round 12 (u84 development draft): W所长 is one person; 不开具正规票据 is a wrong,
    # and an item asks into W所长.
    text = (
        "关于规范基层站所收费的建议\n\n城东一家农机站的W所长到任后，对农户年检加收“服务费”每台200元，"
        "不开具正规票据。\n\n原因是收费缺少公示。\n\n"
        "建议：\n一、请区纪委监委对W所长加收服务费的问题调查核实。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "whistleblowing")
    assert finding.severity == "blocking"


def test_departments_serving_one_product_industry_are_one_matter() -> None:
    # Round 12 (u83 development trap): under 关于……茶产业……的建议, items on 茶园、制茶、
    # 茶企 for the farm, market, labour and commerce bureaus serve the one industry.
    text = (
        "关于推动云峰县茶产业升级的建议\n\n全县茶园八万亩，茶农一万户，茶叶售价比邻县低三成。\n\n"
        "原因是加工落后、品牌杂乱。\n\n建议：\n1.县农业农村局每年改造低产茶园五千亩。\n"
        "2.县市场监管局建立茶叶一茶一码追溯体系。\n3.县人社局开设制茶技能培训班，每年培训五百人。\n"
        "4.县商务局组织茶企参加两场茶博会。\n"
    )
    found = review_proposal(text)
    assert all(f.severity == "hint" for f in found.findings if f.code == "multiple_matters")


def test_a_troupe_leader_named_with_a_wrong_and_asked_into() -> None:
    # Round 12 (u82 development draft): 团长 is a post like 馆长 or 社长.
    text = (
        "关于规范县剧团送戏下乡经费的建议\n\n县剧团团长孙立平虚报演出场次，2023年多报了四十场。\n\n"
        "原因是场次没有第三方核实。\n\n建议：\n1.请县纪委监委对孙立平的问题立案调查。\n"
    )
    finding = next(f for f in review_proposal(text).findings if f.code == "whistleblowing")
    assert finding.severity == "blocking"


def test_one_named_private_school_given_the_countys_classes_is_advertising() -> None:
    # Round 12 (u82 development draft): a named 培训学校 to which the county's contests
    # are 统一交由 and whose 招生简章 schools hand out; a proposal on training schools in
    # general names none.
    named = (
        "关于支持金鹰武术学校开展武术进校园的建议\n\n全县60所中小学只有5所开设武术课。\n\n"
        "原因是缺少教师。\n\n建议：\n1.县里举办的武术比赛统一交由金鹰武术学校承办。\n"
        "2.县教育局向全县家长发放金鹰武术学校的招生简章。\n"
    )
    assert "advertising" in {f.code for f in review_proposal(named).by_severity("blocking")}
    general = (
        "关于规范校外培训机构收费的建议\n\n全县有培训机构两百家，去年收费投诉八十件。\n\n"
        "原因是预收费没有监管。\n\n建议：\n1.县教育局年内对培训机构预收费实行银行专户监管。\n"
    )
    assert "advertising" not in review_proposal(general).flagged


def test_a_woman_carrying_for_a_couple_is_surrogacy_told_by_what_it_does() -> None:
    # Round 12 (u84 development draft): 由健康女性自愿为其怀孕、分娩 argued as a pilot is
    # surrogacy; a clinic's fertility service for the couple themselves is not.
    banned = (
        "关于试点互助生育服务的建议\n\n全市不孕家庭约两万户。\n\n原因是正规机构不能提供服务。\n\n"
        "建议：\n1.市卫健委选一家医院试点：由不孕夫妇提供胚胎，健康女性自愿为其怀孕、分娩。\n"
    )
    assert "prohibited" in {f.code for f in review_proposal(banned).by_severity("blocking")}
    lawful = (
        "关于把辅助生殖纳入医保的建议\n\n全市不孕家庭约两万户，一次试管婴儿要花三万元。\n\n"
        "原因是医保不报销。\n\n建议：\n1.市医保局年内把取卵、胚胎移植等项目纳入医保报销。\n"
    )
    assert "prohibited" not in review_proposal(lawful).flagged


def test_surrogacy_told_only_as_what_families_resort_to_blocks_nothing() -> None:
    # Round 14 (u124 development draft): 由志愿者代为完成怀孕和分娩 asked in an item is
    # surrogacy; the same practice told only in the situation, for a lawful remedy, is not
    # advocated, and a draft against it advocates nothing.
    told = (
        "关于扩大辅助生殖医保报销的建议\n\n全市不孕家庭约一万户，有的家庭花几十万元到境外找人"
        "代为怀孕。\n\n原因是国内正规治疗费用高，医保不报销。\n\n"
        "建议：\n1.市医保局明年起把取卵、胚胎培养等项目纳入医保，每人每年报销两次。\n"
    )
    assert "prohibited" not in {f.code for f in review_proposal(told).by_severity("blocking")}
    against = (
        "关于打击代孕中介的建议\n\n今年本市查获两家中介，招募女性代为怀孕、分娩，每例收费六十万元。"
        "\n\n原因是网上招募隐蔽，难以发现。\n\n建议：\n1.市公安局会同市卫健委每季度开展一次网上巡查。\n"
    )
    assert "prohibited" not in review_proposal(against).flagged


def test_a_title_clause_that_gives_the_aim_of_the_first_is_no_second_matter() -> None:
    # Round 12 (u71 development draft): ……打造……小吃街区、促进文旅消费 names one thing
    # and what it is for: not even a hint.
    text = (
        "关于打造青溪古镇特色小吃街区、促进文旅消费的建议\n\n青溪古镇年游客八十万人次，晚上没有去处，"
        "过夜游客不到一成。\n\n原因是古镇没有夜间消费场所。\n\n"
        "建议：\n1.县文旅局年内在古镇东街建成夜市街区。\n2.镇政府组织村民入驻夜市摆摊。\n"
    )
    assert "multiple_matters" not in {f.code for f in review_proposal(text).findings}


def test_a_remedy_for_the_proposer_after_dui_with_the_time_between() -> None:
    # Round 12 (u86 development draft): 对我2015年至2018年支教期间的工龄重新认定 asks for the
    # proposer; 对我支部此次换届重新审查 is the branch, no person.
    mine = (
        "关于乡村教师工龄认定的建议\n\n全县乡村教师两千人。\n\n原因是认定标准不一。\n\n"
        "建议：\n1.请县人社局对我2015年至2018年支教期间的工龄重新认定。\n"
    )
    finding = next(f for f in review_proposal(mine).findings if f.code == "personal_matter")
    assert finding.severity == "blocking"
    branch = (
        "关于规范基层支部换届的建议\n\n全县有基层支部三百个。\n\n原因是换届程序不规范。\n\n"
        "建议：\n1.由上级党委对我支部此次换届重新审查。\n"
    )
    assert "personal_matter" not in {f.code for f in review_proposal(branch).findings}


@pytest.mark.parametrize(
    "suggestions",
    [
        "伏请县文旅局于明年春节前在古镇入口增设游客服务中心一处。",
        "谨陈两策：一曰县文旅局明年在古镇入口增设游客服务中心；二曰县交通运输局开通古镇专线。",
        "任务清单：\n县文旅局——明年增设游客服务中心一处；\n县交通运输局——开通古镇旅游专线。",
        "推进时间表：\n2025年6月前，县文旅局完成游客服务中心选址；\n2025年底前建成开放。",
        "笔者以为，如果县文旅局能在明年增设一处游客服务中心，游客的抱怨就会少一大半。",
    ],
)
def test_suggestions_in_classical_or_planning_forms(suggestions: str) -> None:
    # Round 12: forms written for this test before the review was run on them: 伏请、
    # 谨陈两策、任务清单、推进时间表, and 笔者以为，如果……能…….
    text = (
        "关于完善青溪古镇旅游服务的建议\n\n青溪古镇年游客八十万人次，去年服务投诉三百多件。\n\n"
        "原因是古镇没有游客服务中心。\n\n" + suggestions + "\n"
    )
    assert "missing_suggestions" not in review_proposal(text).flagged


def test_a_case_already_judged_accuses_no_one_and_a_polite_inquiry_still_does() -> None:
    # Round 12: forms written for this test before the review was run on them. 原副镇长
    # 王某贪污案，已由法院判处有期徒刑 is a case closed; 供应商是其侄子 and 予以核实 into
    # 周海林同志 accuse him.
    closed = (
        "关于加强农村工程资金监管的建议\n\n前年镇纪委通报的原副镇长王某贪污案，已由法院判处有期徒刑三年。\n\n"
        "原因是监督不到位。\n\n建议：\n1.请县财政局年内推行农村工程资金全程线上支付。\n"
    )
    assert "whistleblowing" not in {f.code for f in review_proposal(closed).by_severity("blocking")}
    polite = (
        "关于核查县妇幼保健院设备采购的建议\n\n县妇幼保健院院长周海林主持采购的设备比市场价高三成，"
        "供应商是其侄子开的公司。\n\n原因是监督不到位。\n\n建议：\n1.恳请县纪委监委对周海林同志的问题予以核实。\n"
    )
    assert "whistleblowing" in {f.code for f in review_proposal(polite).by_severity("blocking")}


@pytest.mark.parametrize(
    "item",
    [
        "县商务局对这种发展一名会员加入能拿两成、层层提成的直销模式给予补贴。",
        "县农业农村局在休渔期准许渔民每户用一套电捕器具适量捕捞。",
        "县人社局组织在技能考试时通过耳麦向考生提示答案，提高通过率。",
    ],
)
def test_banned_practices_told_by_what_they_do_in_new_words(item: str) -> None:
    # Round 12: forms written for this test before the review was run on them: a
    # scheme paying by recruits and levels, electric fishing in the closed season,
    # answers passed to candidates in an exam.
    text = (
        "关于增加群众收入的建议\n\n我县群众增收渠道少，去年农民人均收入一万二千元。\n\n"
        "原因是管得太死。\n\n建议：\n1." + item + "\n"
    )
    assert "prohibited" in {f.code for f in review_proposal(text).by_severity("blocking")}


def test_a_draft_for_fishers_in_the_closed_season_that_fights_electric_fishing() -> None:
    # Round 12: the same words in a draft against the practice are no advocacy.
    text = (
        "关于保障禁渔期渔民生活的建议\n\n禁渔期三个月，渔民没有收入，去年查处电捕鱼案件四十起。\n\n"
        "原因是转产渠道少。\n\n建议：\n1.县农业农村局对禁渔期渔民每户每月补助一千元，并严厉打击电捕鱼。\n"
    )
    assert "prohibited" not in review_proposal(text).flagged


@pytest.mark.parametrize(
    "item",
    [
        "建议有关方面对此引起重视，加强宣传教育，营造全民护河的良好氛围。",
        "建议有关部门高度重视，多措并举，形成合力，把这件好事办好。",
    ],
)
def test_a_plea_with_slogans_of_measures_is_vague_not_missing(item: str) -> None:
    # Round 13 (u82, u86 development drafts): a plea for attention that goes on with
    # slogans of measures (强化、多措并举、形成合力) asks for something, vaguely.
    text = (
        "关于治理城区内河的建议\n\n城区三条内河去年有九个月水质为劣五类，沿岸居民投诉两百多次。\n\n"
        "原因是雨污管网混接，沿岸餐馆直排。\n\n" + item + "\n"
    )
    review = review_proposal(text)
    assert "missing_suggestions" not in review.codes
    assert "vague_suggestions" in review.codes


def test_a_plea_to_study_it_carefully_is_still_no_suggestion() -> None:
    # Round 13: 认真研究、切实 go with a plea and ask no measure (u2_msg_bath_service).
    text = (
        "关于治理城区内河的建议\n\n城区三条内河去年有九个月水质为劣五类，沿岸居民投诉两百多次。\n\n"
        "原因是雨污管网混接，沿岸餐馆直排。\n\n希望有关部门予以高度重视，认真研究，切实让居民满意。\n"
    )
    assert "missing_suggestions" in review_proposal(text).codes


@pytest.mark.parametrize(
    "ending",
    [
        "要让每一户居民都树立垃圾分类的理念，不断巩固分类成果。",
        "如果每一个小区都能坚持下去，全城就一定能营造人人分类的良好氛围。",
        "唯有凝聚共识、久久为功，才能让垃圾分类真正成为新时尚。",
        "我们是否能够进一步提高站位，凝聚各方共识，形成分类合力？",
        "街道要高度重视，社区要高度重视，把这项工作摆上议事日程，营造人人分类的氛围。",
    ],
)
def test_an_ending_that_exhorts_with_slogans_is_vague_not_missing(ending: str) -> None:
    # Round 13 (u32, u53, u83 development drafts): with no suggestion found, an ending
    # that exhorts (要让……，如果……都能……，唯有……才能……) with slogans asks vaguely.
    text = (
        "关于推进垃圾分类的建议\n\n全市四百个小区去年只有三成达到分类标准，混投率在四成以上。\n\n"
        "原因是分类设施少，督导员不足。\n\n" + ending + "\n"
    )
    review = review_proposal(text)
    assert "missing_suggestions" not in review.codes
    assert _severities(review, "vague_suggestions") == ["blocking"]


@pytest.mark.parametrize(
    "ending",
    [
        "这个问题要是再拖下去，迟早要出大事。",
        "学界应当更多地关注分类行为的形成机制，不断深化相关研究。",
    ],
)
def test_a_warning_or_a_word_to_scholars_is_no_exhortation(ending: str) -> None:
    # Round 13: 迟早要出大事 foretells, and words to scholars ask no public body.
    text = (
        "关于推进垃圾分类的建议\n\n全市四百个小区去年只有三成达到分类标准，混投率在四成以上。\n\n"
        "原因是分类设施少，督导员不足。\n\n" + ending + "\n"
    )
    review = review_proposal(text)
    assert "vague_suggestions" not in review.codes
    assert "missing_suggestions" in review.codes


@pytest.mark.parametrize(
    ("told", "asked"),
    [
        (
            "桥头镇今年的六个村道工程，都由那位分管城建的副镇长拍板，全部交给了他小舅子的施工队。",
            "建议县纪委监委对这位副镇长的问题好好查一查。",
        ),
        (
            "城东派出所那位姓周的副所长，去年起每月向夜市摊贩收取三百元管理费。",
            "建议县公安局对这位副所长的问题进行核查。",
        ),
    ],
)
def test_a_person_pointed_at_by_post_is_named(told: str, asked: str) -> None:
    # Round 13 (u84 development drafts): 那位……的副镇长、这名校长 point at one person,
    # and an inquiry into 这位副镇长 is asked into them.
    text = f"关于规范农村工程建设的建议\n\n{told}\n\n原因是招标流于形式。\n\n{asked}\n"
    assert "whistleblowing" in {f.code for f in review_proposal(text).by_severity("blocking")}


def test_a_post_pointed_at_in_general_is_no_accusation() -> None:
    # Round 13: a post told in general, with no wrong, makes no sure finding.
    text = (
        "关于规范农村工程建设的建议\n\n全县村道工程多由分管副镇长牵头，这位副镇长往往身兼数职，"
        "去年有三成工程延期。\n\n原因是人手不足。\n\n建议县纪委监委对村道工程开展专项检查，"
        "县交通局为各镇配备专职质监员。\n"
    )
    assert "whistleblowing" not in review_proposal(text).flagged


def test_a_draft_pasted_from_a_markdown_editor_is_read_by_its_headings() -> None:
    # Round 13 (u97 development drafts): ## 三、建议 and **1. ……** are headings and
    # items; before, the suggestions went unseen and the # before the title was odd.
    text = (
        "# 关于增设社区助餐点的建议\n\n**提案人**：王明\n\n## 一、情况\n\n"
        "全区80岁以上老人一万二千人，现有助餐点只有9个，去年排队超过半小时的投诉有三百多件。\n\n"
        "## 二、原因\n\n- **场地难找**：老旧小区没有空余用房。\n\n## 三、建议\n\n"
        "**1. 增设助餐点。** 区民政局在2026年底前新增助餐点20个，每个街道至少2个。\n"
    )
    review = review_proposal(text)
    assert review.flagged == ()
    assert "title_format" not in review.codes


@pytest.mark.parametrize(
    "item",
    [
        "要坚持“谁举债、谁负责”，切实把责任落到实处。",
        "要积极稳妥推进债务化解，推动平台公司加快转型。",
    ],
)
def test_who_borrows_answers_and_financing_vehicles_are_no_measures(item: str) -> None:
    # Round 13 (u97 development draft): 谁负责 in a slogan names no one, and 平台公司
    # (a financing vehicle) is no platform to build.
    text = (
        "关于防范债务风险的建议\n\n我市隐性债务去年增加了一成，三家平台公司到期债务占六成。\n\n"
        "原因是投资过快。\n\n建议：\n1.各级各部门要提高认识，加强监管。\n2." + item + "\n"
    )
    assert "vague_suggestions" in review_proposal(text).codes


def test_a_county_public_brand_for_its_goods_is_one_matter_and_no_advert() -> None:
    # Round 13 (u95 development draft): a public brand (区域公用品牌) is every firm's,
    # so 建立品牌茶质量追溯体系，统一…… names no brand, and 茶 of the brand's name
    # and of 茶产业 makes the title one matter.
    text = (
        "关于打造“白岩茶”区域公用品牌、提高茶产业附加值的建议\n\n"
        "白岩县茶园九万亩，注册茶叶商标一百二十多个，规模以上茶企只有七家，去年茶叶产值十一亿元。\n\n"
        "原因是品牌多而不响，标准不统一。\n\n建议：\n"
        "1.县农业农村局牵头注册“白岩茶”地理标志证明商标，符合标准的茶企均可申请使用。\n"
        "2.建立品牌茶质量追溯体系，授权产品统一加贴追溯二维码，2026年底前覆盖全部授权企业。\n"
    )
    review = review_proposal(text)
    assert "advertising" not in review.codes
    assert "multiple_matters" not in review.codes


def test_a_one_character_good_shared_by_unrelated_looking_parts_only_joins_those() -> None:
    # Round 13: 水 alone is no noun of both parts of 加强水库管理、改善公交服务.
    text = (
        "关于加强水库管理、改善公交服务的建议\n\n全县小型水库四十座，公交线路十二条，去年投诉三百件。\n\n"
        "原因是管理人员少。\n\n建议：\n1.县水利局为每座水库配备一名专职管理员。\n"
        "2.县交通局2026年内新开三条公交线路。\n"
    )
    assert "multiple_matters" in review_proposal(text).codes


def test_a_timetable_of_stages_with_only_slogans_is_vague() -> None:
    # Round 13 (u93 development draft): 近期（2026—2027年）： says when, not what.
    stages = (
        "近期（2026—2027年）：统一思想认识，凝聚各方共识，夯实工作基础。\n"
        "中期（2028—2029年）：聚焦重点难点，推动提质增效，形成特色品牌。\n"
        "远期（2030年）：全面提升保护水平，擦亮文化名片。\n"
    )
    text = (
        "关于加强非遗保护的建议\n\n全县有县级以上非遗项目38项，传承人平均年龄67岁。\n\n"
        "原因是收入低，年轻人不愿学。\n\n建议分步推进：\n" + stages
    )
    assert "vague_suggestions" in review_proposal(text).flagged
    concrete = stages.replace("统一思想认识", "县文旅局为38个项目各招两名学徒")
    concrete = concrete.replace("聚焦重点难点", "县财政每年安排200万元传承补助")
    assert "vague_suggestions" not in review_proposal(text.replace(stages, concrete)).flagged


def test_a_first_paragraph_that_opens_with_when_may_tell_the_situation() -> None:
    # Round 13 (u96 development draft): 近两年…… with a word of causes (跟不上) and an
    # event (去年以来……通报) is read as analysis; no situation found is then unsure.
    text = (
        "关于加强网络安全培训的建议\n\n近两年，我县各部门普遍用网盘传文件，但安全意识跟不上。"
        "去年以来县网信办通报了多起文件外泄。\n\n究其原因，一是培训内容陈旧；二是覆盖面窄。\n\n"
        "建议：\n1.县网信办每年更新一次培训课程，2026年底前覆盖全部编外人员。\n"
    )
    assert _severities(review_proposal(text), "missing_situation") == ["hint"]
    causes_first = text.replace("近两年，我县各部门", "之所以出事，是因为各部门")
    assert _severities(review_proposal(causes_first), "missing_situation") == ["warning"]


@pytest.mark.parametrize(
    ("asked", "accuses"),
    [
        ("建议市纪委监委对市场监管局城南所有关人员是否收受商户好处的问题进行调查。", True),
        ("请县监委对县水利局河道管理站工作人员包庇采砂船的问题彻查。", True),
        ("建议县纪委监委对各乡镇财政所工作人员开展廉政教育，对违规问题依法查处。", False),
    ],
)
def test_the_staff_of_one_named_unit_asked_into_by_a_discipline_body(
    asked: str, accuses: bool
) -> None:
    # Round 13 (u96 development draft): 对……执法中队相关人员是否存在通风报信、包庇企业的问题
    # 进行调查 names them by their unit; the staff of every township's office are no one.
    text = (
        "关于规范基层执法的建议\n\n城南片区商户去年投诉检查过多三十余次，有商户说检查前有人打招呼。\n\n"
        "原因是监督缺位。\n\n建议：\n1." + asked + "\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert ("whistleblowing" in blocking) is accuses


@pytest.mark.parametrize(
    ("item", "banned"),
    [
        ("县政府选两个村试点，允许农户把宅基地上的新房卖给城里的购房者，收入归农户。", True),
        ("允许村集体在集体建设用地上建公寓，转让给县城居民，缓解住房压力。", True),
        ("严禁把宅基地上的房屋卖给城镇居民，县自然资源局每季度巡查一次。", False),
        ("试点允许城镇居民租用闲置农房开办民宿，租期不超过二十年。", False),
    ],
)
def test_homestead_houses_sold_to_town_dwellers(item: str, banned: bool) -> None:
    # Round 13 (u91 development draft): houses on homesteads or collective land sold
    # to town dwellers are banned; forbidding it, or renting, is not.
    text = (
        "关于盘活闲置农房的建议\n\n全县闲置宅基地一万一千宗，闲置率百分之十四。\n\n"
        "原因是流转渠道不畅。\n\n建议：\n1." + item + "\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert ("prohibited" in blocking) is banned


@pytest.mark.parametrize(
    ("item", "banned"),
    [
        ("允许老字号在卤料中少量添加罂粟果壳，不再视为违法添加。", True),
        ("准许边民自带少量境外香烟入境销售，不再按走私处理。", True),
        ("对首次轻微违规的小摊贩先教育后处罚，不再一律按违法经营罚款。", False),
    ],
)
def test_a_practice_asked_to_be_allowed_and_no_longer_an_offence(item: str, banned: bool) -> None:
    # Round 13 (u95 development draft): 允许……不再作为违法添加处理 asks for what the law
    # bans; leniency for a first, minor offence (首次轻微) does not.
    text = (
        "关于支持老字号餐饮发展的建议\n\n全区老字号餐饮店三十二家，近三年关闭九家。\n\n"
        "原因是监管一刀切。\n\n建议：\n1." + item + "\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert ("prohibited" in blocking) is banned


def test_money_taken_from_the_public_in_one_item_and_a_return_promised_in_another() -> None:
    # Round 13 (u95 development draft): the two halves of illegal fundraising told in
    # two items; a draft that warns against such schemes tells them too.
    items = (
        "1.允许村里的旅游公司向周边村民筹集资金，每人起投五千元。\n"
        "2.公司对出资村民保证每年12%的分红，三年到期还本付息。\n"
    )
    text = (
        "关于发展乡村旅游的建议\n\n全镇有民宿四十家，去年接待游客十二万人次。\n\n"
        "原因是缺少建设资金。\n\n建议：\n" + items
    )
    assert "prohibited" in {f.code for f in review_proposal(text).by_severity("blocking")}
    warned = text.replace("关于发展乡村旅游的建议", "关于防范乡村非法集资的建议")
    assert "prohibited" not in review_proposal(warned).flagged


@pytest.mark.parametrize(
    ("told", "secret"),
    [
        ("听统计局的朋友说，上半年财政收入下降了9.6%，这个数据要等到月底发布会才对外公布。", True),
        ("中考录取结果要等到7月10日才公布，家长们每天打电话问，热线一天接到三百多个。", False),
    ],
)
def test_figures_kept_back_until_a_set_day(told: str, secret: bool) -> None:
    # Round 13 (u95 development draft): figures told before the day they are to be
    # released are unreleased; a figure the draft itself does not give is not told.
    text = (
        "关于及时发布经济数据的建议\n\n" + told + "\n\n原因是发布周期长。\n\n"
        "建议：\n1.县统计局每月10日前发布上月主要数据。\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert ("state_secret" in blocking) is secret


@pytest.mark.parametrize("who", ["行长翟某", "站长柴某某", "经理柯某"])
def test_people_of_less_common_surnames_are_named(who: str) -> None:
    # Round 13 (u97, u104 development drafts): 翟、柴、柯 are surnames too; a tied sale
    # (搭售) is a wrong.
    text = (
        "关于规范小微企业贷款的建议\n\n据商户反映，城东支行" + who + "要求贷款客户必须购买保险，"
        "不买就不放款，去年有三十多户被搭售。\n\n原因是考核指标压力大。\n\n"
        "建议：\n1.请金融监管部门查清" + who + "指使搭售的问题，依法处理。\n"
    )
    assert "whistleblowing" in {f.code for f in review_proposal(text).by_severity("blocking")}


@pytest.mark.parametrize(
    ("item", "banned"),
    [
        ("允许镇里的资金互助社登记后面向社会公众吸收存款，再借给本地商户。", True),
        ("支持县农商行面向群众吸收存款，扩大涉农贷款投放。", False),
        ("建立有偿供肝登记库，由医院撮合供需双方，按每例十五万元补偿供者。", True),
        ("鼓励公民自愿捐献器官，对无偿捐献者家属给予丧葬补助。", False),
        ("向省里争取恢复天然林商业性采伐，每年下达两万立方米指标。", True),
        ("县林业局为天然林管护员每人每月发放一千元补助，严防盗伐。", False),
        ("县林业局在各乡镇设立野生动物救护收容点，救治后放归山林。", False),
    ],
)
def test_deposits_organs_and_natural_forest_logging(item: str, banned: bool) -> None:
    # Round 13 (u100 development drafts): deposits taken from the public by a body that
    # is no bank, organs for money and commercial logging of natural forest are banned;
    # a bank's deposits, voluntary donation, forest care and wildlife rescue are not.
    text = (
        "关于促进山区群众增收的建议\n\n全县山区农户三万户，去年人均收入一万一千元。\n\n"
        "原因是产业单一。\n\n建议：\n1." + item + "\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert ("prohibited" in blocking) is banned


def test_an_ending_that_may_propose_is_no_exhortation() -> None:
    # Round 13 (u98 development draft): 能不能请市教育局统筹协调…… names who is to act;
    # a suggestion in words the cues miss, not a slogan.
    text = (
        "关于推进垃圾分类的建议\n\n全市四百个小区去年只有三成达到分类标准，混投率在四成以上。\n\n"
        "原因是分类设施少，督导员不足。\n\n我们的想法是，能不能请市城管局统筹协调各街道，"
        "把分类督导纳入物业考核。\n"
    )
    review = review_proposal(text)
    assert "vague_suggestions" not in review.codes
    assert _severities(review, "missing_suggestions") == ["hint"]


@pytest.mark.parametrize(
    "item",
    [
        "鼓励成立服务型合作社，统一购买饲草料、统一销售活畜，县农业农村局每社补助五万元。",
        "推广电梯“阻车”系统，市住建局督促物业企业年底前全部加装，防止电动车进楼。",
    ],
)
def test_a_kind_of_cooperative_or_a_device_named_by_what_it_does_is_no_brand(item: str) -> None:
    # Round 13 (u103, u105 development drafts): 服务型合作社 is a kind, and 电梯“阻车”系统 a
    # device named by what it does; neither is a firm's product.
    text = (
        "关于提升牧区服务水平的建议\n\n全县牧户八千户，去年冬季饲草缺口一成，电动车进楼引发火灾三起。\n\n"
        "原因是组织化程度低。\n\n建议：\n1." + item + "\n"
    )
    assert "advertising" not in review_proposal(text).codes


def test_one_who_sues_is_a_party_to_a_lawsuit_not_an_accused() -> None:
    # Round 13 (u98 development draft): 孙某某……提起行政诉讼，要求确认……违法 tells a
    # lawsuit (litigation), not an accusation of 孙某某.
    text = (
        "关于规范征收程序的建议\n\n养殖户孙某某的鱼塘去年被强制填埋，孙某某不服，于今年3月向县法院提起行政诉讼，"
        "要求确认填埋行为违法，目前案件正在审理中。\n\n原因是程序不规范。\n\n"
        "建议：\n1.县司法局每年对征收程序开展一次专项评查。\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert "whistleblowing" not in blocking
    assert "litigation" in blocking


def test_a_government_named_with_empty_phrases_and_a_hope_does_nothing_concrete() -> None:
    # Round 13 (u98 development draft): 县政府 is who acts, and ……，让更多的孩子早日用上
    # 新校舍 is what the item hopes for, not a measure.
    text = (
        "关于改善山区学校校舍的建议\n\n全县山区学校有危旧校舍四十二栋，去年雨季漏雨停课九天。\n\n"
        "原因是维修资金少。\n\n建议：\n1.恳请县委、县政府高度重视，进一步加大工作力度，形成各方合力，"
        "让更多的孩子早日用上新校舍。\n"
    )
    assert "vague_suggestions" in review_proposal(text).flagged
    measured = text.replace("让更多的孩子早日用上新校舍", "2026年底前改造二十栋校舍")
    assert "vague_suggestions" not in review_proposal(measured).flagged


def test_a_figure_in_what_a_plea_hopes_for_makes_it_no_suggestion() -> None:
    # Round 14 (u125 development draft): ……，早日让这三个村的老百姓喝上放心水 is what the
    # plea hopes for; its count measures nothing the draft asks anyone to do.
    text = (
        "关于解决城西两个小区用气难的建议\n\n城西的槐树、柳园两个小区至今没通燃气，五百户居民"
        "还在用罐装液化气。\n\n原因是小区离主管网远，燃气公司嫌投入大。\n\n"
        "恳请县里有关部门重视起来，把老百姓的事放在心上，切实想想办法，早日让这两个小区的"
        "五百户居民用上燃气。\n"
    )
    assert "missing_suggestions" in review_proposal(text).codes
    asked = text.replace(
        "恳请县里有关部门重视起来，把老百姓的事放在心上，切实想想办法，早日",
        "建议县住建局今年内铺设燃气管道，",
    )
    review = review_proposal(asked)
    assert not {"missing_suggestions", "vague_suggestions"} & set(review.codes)


@pytest.mark.parametrize("marker", ["应该看到，", "我们也必须清醒地看到，", "应当指出，"])
def test_it_should_be_seen_opens_no_suggestion(marker: str) -> None:
    # Round 14 (u123 development draft): 应当看到，…… turns to what is wrong; it asks no
    # one to do anything, so it does not open the suggestions.
    text = (
        "关于关心基层青年教师成长的建议\n\n全县青年教师一千二百人，三年内离职九十人。\n\n"
        + marker
        + "青年教师在成长中还面临不少困难，工资不高、住房压力大、非教学任务多。\n\n"
        "希望有关部门予以高度重视，为他们的成长创造更好的条件。\n"
    )
    review = review_proposal(text)
    assert "missing_suggestions" in review.codes
    assert "missing_analysis" not in review.flagged


def test_a_public_body_asked_in_a_question_may_be_a_suggestion() -> None:
    # Round 13 (u98 development draft): 区城管局能不能在一个月内……？ asks a body to act,
    # in a paragraph before the last two: no suggestion found is then unsure.
    text = (
        "关于老城区几件民生小事的建议\n\n老城区居民反映的事情不少。\n\n"
        "沿河路1.5公里路灯坏了大半年，区城管局能不能在一个月内修好？\n\n"
        "南门菜市场改建一年多没动工，居民要走两公里买菜。\n\n以上都是群众的烦心事。\n"
    )
    assert _severities(review_proposal(text), "missing_suggestions") == ["hint"]


@pytest.mark.parametrize(
    ("told", "advert"),
    [
        ("主要是缺少精品民宿，宣传推介不够。", False),
        ("“云栖居”特色民宿有客房二十间，要加大宣传推介力度，大力宣传“云栖居”。", True),
    ],
)
def test_a_kind_of_homestay_is_no_name_but_a_quoted_one_is(told: str, advert: bool) -> None:
    # Round 13 (u102, u90 development drafts): 精品、特色 say what kind; a quoted name
    # before them (“云栖居”特色民宿) is still the name.
    text = (
        "关于发展乡村旅游的建议\n\n全县去年接待游客八十万人次，过夜游客不到一成。" + told + "\n\n"
        "原因是配套不足。\n\n建议：\n1.县交通局2026年内开通三条景区专线。\n"
    )
    assert ("advertising" in review_proposal(text).flagged) is advert


@pytest.mark.parametrize(
    ("item", "advert"),
    [
        ("县农业农村局将“丰禾壮”有机肥列入全县主推产品目录，春耕前发文推广。", True),
        ("高标准农田项目所需肥料优先从本县禾丰生物科技有限公司采购。", True),
        ("县文旅局对发展冰雪民宿的农户每户补助两万元，2026年底前建成三十家。", False),
    ],
)
def test_a_product_listed_bought_first_or_a_kind_of_homestay(item: str, advert: bool) -> None:
    # Round 13 (u106 development drafts): 列入……主推产品目录 and 优先从……公司采购 promote
    # one firm's goods; 冰雪民宿 is a kind of homestay, no name.
    text = (
        "关于保护黑土地的建议\n\n全县黑土耕地一百二十万亩，十年间有机质下降了一成。\n\n"
        "原因是重用轻养。\n\n建议：\n1." + item + "\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert ("advertising" in blocking) is advert


@pytest.mark.parametrize(
    "item",
    [
        "市应急局编写《居民防台风手册》，在各社区免费发放、宣传推广。",
        "港口集团全面推广电子放箱，2026年底前集卡平均排队时间缩短一半。",
    ],
)
def test_a_public_handbook_or_a_port_group_is_no_advert(item: str) -> None:
    # Round 13 (u107 development drafts): a handbook a public body writes is no work for
    # sale, and 港口 of 港口集团 is no firm's name.
    text = (
        "关于提升港区防灾和通行能力的建议\n\n港区去年集卡日均排队两小时，台风季停工十一天。\n\n"
        "原因是信息不通。\n\n建议：\n1." + item + "\n"
    )
    assert "advertising" not in review_proposal(text).flagged


def test_a_list_inside_quotes_in_the_title_is_one_matter() -> None:
    # Round 13 (u109 development draft): 职工“住、行、吃、娃”问题 lists one group's needs.
    text = (
        "关于解决开发区职工“住宿、通勤、孩子入托”问题的建议\n\n开发区职工四万人，宿舍缺口六千张，"
        "通勤公交只有两条，园区没有一家诊所。\n\n原因是园区配套规划滞后。\n\n"
        "建议：\n1.区管委会2026年内统筹建设职工宿舍两千套、开通三条通勤专线、设一个卫生服务站。\n"
    )
    assert "multiple_matters" not in review_proposal(text).codes


@pytest.mark.parametrize(
    ("item", "own"),
    [
        ("请县人社局为我校增加教师编制12名，今年秋季学期前到位。", True),
        ("请县财政局把结余的200万元设备资金拨付给我们医院，用于购置CT。", True),
        ("请县教育局为我校等十所山区学校各配备一名心理教师。", False),
        ("以我院为例，建议县卫健局为全县乡镇卫生院统一增核编制。", False),
    ],
)
def test_the_proposer_s_own_unit_as_the_one_that_gains(item: str, own: bool) -> None:
    # Round 13 (u111 development drafts): its head asks for 我院、我校 alone; 我校等十所
    # and 以我院为例 stand for all of them.
    text = (
        "关于充实基层人员的建议\n\n全县乡镇学校和卫生院近三年流失骨干八十多人。\n\n"
        "原因是编制少、待遇低。\n\n建议：\n1." + item + "\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert ("personal_matter" in blocking) is own


@pytest.mark.parametrize(
    ("item", "banned"),
    [
        ("县电视台每晚黄金时段播放本地卷烟广告，体育赛事引入烟草企业冠名。", True),
        ("县市场监管局严查变相发布烟草广告，公共场所控烟检查每月一次。", False),
    ],
)
def test_tobacco_advertising(item: str, banned: bool) -> None:
    # Round 13 (u110 development draft): tobacco advertised or sponsoring is banned;
    # fighting it is not.
    text = (
        "关于支持本地工业企业发展的建议\n\n卷烟厂去年上缴税金十二亿元，占全县财政收入近一半。\n\n"
        "原因是外地品牌挤占市场。\n\n建议：\n1." + item + "\n"
    )
    blocking = {f.code for f in review_proposal(text).by_severity("blocking")}
    assert ("prohibited" in blocking) is banned


def test_a_party_branch_s_quotas_and_funds_are_internal_matters() -> None:
    # Round 13 (u112 development draft): 我们支部's quota of new members and funds cut by
    # its committee are the organisation's internal affairs.
    text = (
        "关于加强基层支部工作的提案\n\n我们支部有会员二十人，区委会定的发展新会员指标每年四人，"
        "活动经费去年砍到一千五百元，意见很大。\n\n原因是上面说了算。\n\n"
        "建议：\n1.区委会把支部活动经费提高到每年三千元。\n"
    )
    assert "party_internal" in {f.code for f in review_proposal(text).by_severity("blocking")}


def test_a_count_inside_a_quoted_saying_is_a_figure_of_speech() -> None:
    # Round 13 (u92 development draft): “两条腿走路”、“三个一” count nothing to do;
    # “12345” in quotes is a hotline's number.
    items = (
        "1.线上线下要“两条腿走路”，不能“一刀切”。\n2.全社会都要行动起来，多一些耐心，多一些帮助。\n"
    )
    text = (
        "关于帮助老人跨越数字鸿沟的建议\n\n全市六十岁以上老人四十一万，能独立用手机挂号的只有三成。\n\n"
        "原因是应用复杂，线下窗口撤并。\n\n建议：\n" + items
    )
    assert "vague_suggestions" in review_proposal(text).flagged
    hotline = text.replace("“两条腿走路”，不能“一刀切”", "在“12345”热线开设老年人专席")
    assert "vague_suggestions" not in review_proposal(hotline).flagged


def test_a_plain_hope_after_an_ending_that_exhorts_is_vague() -> None:
    # Round 13 (u108 development draft): the exhortation (要加大宣传力度……营造良好的氛围)
    # is what the draft asks; the hope after it (希望早点解决) adds nothing concrete.
    text = (
        "关于解决老街停车难的建议\n\n中心街一公里长，逢集时堵车半小时，上月救护车被堵了十几分钟。\n\n"
        "原因是没有停车场。\n\n所以我觉得，同时也要加大宣传力度，提高文明停车的意识，营造良好的氛围。\n\n"
        "希望镇上早点把这个事办好。\n"
    )
    assert _severities(review_proposal(text), "vague_suggestions") == ["blocking"]


@pytest.mark.parametrize(
    ("title", "severity"),
    [("关于加快山区5G网络覆盖的建议", "hint"), ("关于加快山区学校网络覆盖的建议", "warning")],
)
def test_a_stray_item_under_a_title_of_no_field_is_unsure(title: str, severity: str) -> None:
    # Round 13 (u97 development draft): when the title names no field the lexicon
    # knows, the draft's main field is only its busiest one, a guess.
    text = (
        f"{title}\n\n全市41个村网络信号弱，村医远程问诊因网络不稳定经常中断，村民想拍短视频、做直播卖山货也传不上去。\n\n"
        "原因是建设成本高，站址协调难，短视频和直播的需求没人统计。\n\n建议：\n1.市工信局牵头，2026年6月底前编制补盲清单。\n"
        "2.镇政府做好站址协调，由市卫健委、市生态环境局派人进村讲解电磁辐射知识。\n"
    )
    assert _severities(review_proposal(text), "multiple_matters") == [severity]


def test_pilots_first_is_a_slogan_not_a_pilot() -> None:
    # Round 13 (u93 development draft): 坚持试点先行、先行先试、以点带面 names no pilot.
    items = (
        "1.坚持试点先行，选择基础条件较好的地方先行先试，以点带面、梯次推进。\n"
        "2.坚持因地制宜、分类施策，充分调动各方面积极性。\n"
    )
    text = (
        "关于推进数字农业的建议\n\n全县耕地五十二万亩，只有两家种粮大户装了墒情监测设备。\n\n"
        "原因是设备投入大，农户不会用。\n\n建议：\n" + items
    )
    assert "vague_suggestions" in review_proposal(text).flagged
    placed = text.replace(
        "坚持试点先行，选择基础条件较好的地方先行先试", "2026年在青山、白水两镇各建一个试点"
    )
    assert "vague_suggestions" not in review_proposal(placed).flagged


@pytest.mark.parametrize(
    "told",
    [
        "山区三个乡离法庭远，村民打官司立案、交材料都要跑县城，目前一趟要半天。",
        "2022年我市查处过一起偷排案件，直接责任人员已经法院判决承担了刑事责任，该案早已办结。",
    ],
)
def test_how_people_go_to_law_and_a_case_long_closed_are_no_litigation(told: str) -> None:
    # Round 13 (u117, u120 development drafts): how people go to law, and a case
    # closed long ago told as an example, are no dispute before a court.
    text = (
        "关于方便群众诉讼的建议\n\n" + told + "\n\n原因是法庭布局不合理。\n\n"
        "建议：\n1.县法院2026年内在三个乡各设一个巡回审判点。\n"
    )
    assert "litigation" not in review_proposal(text).flagged


def test_an_exhortation_in_a_sheqing_draft_is_still_no_suggestion() -> None:
    # Round 13: 社情民意 has no vague_suggestions code, so an ending that exhorts with
    # slogans (有关部门要……，营造……氛围) or a plea with slogans still asks for nothing.
    for ending in ("有关部门要加强监管，营造良好氛围。", "希望有关部门高度重视，加强宣传引导。"):
        text = (
            "关于城区公厕不足的情况反映\n\n城区公园公厕只有12座，节假日排队半小时。\n\n"
            "原因是规划欠账。\n\n" + ending + "\n"
        )
        assert _severities(review_sheqing(text), "missing_suggestions") == ["blocking"], ending


def test_leave_asked_to_write_a_letter_is_no_request_before_the_facts() -> None:
    # Round 14 (u128 development draft): in a letter, 请允许我用写信的方式…… asks leave
    # to write. Read as a first request, the facts after it made the one matter of the
    # title (提高……补助标准、稳定监测队伍) look told matter by matter.
    text = (
        "关于提高群测群防员补助标准、稳定监测队伍的建议\n\n尊敬的县政协提案委员会：\n\n"
        "我是一名新委员。请允许我用写信的方式把事情说清楚。\n\n"
        "全县有隐患点187处，配备群测群防员190人，补助每人每月200元，2016年以来没有调整过。"
        "近三年每年有十几名监测员退出。\n\n"
        "为此，我提出以下建议：\n\n第一，建议县自然资源局会同县财政局将补助提高到每月500元。\n\n"
        "第二，建议县自然资源局为全体监测员统一购买意外伤害保险。\n"
    )
    assert "multiple_matters" not in review_proposal(text).flagged


def test_digits_of_a_technology_s_name_are_no_measure() -> None:
    # Round 14 (u128 development draft): 5G, "1+N" and 打破部门之间的壁垒 gave three
    # slogan-only items a figure or a department each; none names who does what.
    text = (
        "关于加快推进数字乡村建设的建议\n\n全县168个行政村中5G覆盖72个，电商站点120个中有交易的不足40个。\n\n"
        "原因是建设成本高、重建设轻运营。\n\n建议：\n"
        "（一）夯实数字底座。统筹推进5G、千兆光网等新型基础设施向农村延伸。\n"
        "（二）构建“1+N”智慧应用体系。推动乡村治理数字化转型，实现多场景赋能。\n"
        "（三）推动数据共享。打破部门之间的“信息孤岛”，加快推进数据互联互通。\n"
    )
    assert "vague_suggestions" in review_proposal(text).flagged


def test_a_count_of_base_stations_is_a_measure() -> None:
    # The trap of the test above: 5G named beside a count and a year is a measure.
    text = (
        "关于加快推进数字乡村建设的建议\n\n全县168个行政村中5G覆盖72个。\n\n原因是建设成本高。\n\n建议：\n"
        "（一）县工业和信息化局2025年底前在椒园乡等四个乡新建5G基站30个。\n"
        "（二）县商务局对一年没有交易的电商站点摘牌，经费转给有交易的站点。\n"
    )
    assert "vague_suggestions" not in review_proposal(text).flagged


def test_more_checks_and_departments_in_general_are_no_measure() -> None:
    # Round 14 (u128 development draft): 加大监督检查力度、检查常态化 and 主体责任和部门
    # 监管责任 gave slogan-only items a check and a department each.
    text = (
        "关于加强校园食品安全管理的建议\n\n全县学生食堂96个，去年检查发现问题31项。\n\n"
        "原因是留样和进货查验制度执行不严。\n\n建议：\n"
        "一、压紧压实责任。要严格落实学校主体责任和部门监管责任，确保责任落实到人。\n"
        "二、强化日常监管。要进一步加大监督检查力度，做到检查常态化、制度化。\n"
    )
    assert "vague_suggestions" in review_proposal(text).flagged


def test_a_check_with_its_frequency_is_a_measure() -> None:
    # The trap of the test above: 每学期检查一次 says how often.
    text = (
        "关于加强校园食品安全管理的建议\n\n全县学生食堂96个，去年检查发现问题31项。\n\n"
        "原因是留样和进货查验制度执行不严。\n\n建议：\n"
        "一、县市场监管局每学期对学校食堂检查一次，结果在家长群公布。\n"
        "二、县教育局和卫健局为食堂从业人员集中办理健康证。\n"
    )
    assert "vague_suggestions" not in review_proposal(text).flagged


def test_a_township_party_committee_is_an_actor() -> None:
    # Round 14 (u131 development draft): 镇党委 (a named level's party committee) does
    # things; 党委 alone (各级党委) was rightly no actor, and the rule took 镇党委 with it.
    text = (
        "关于规范村党组织书记人选酝酿程序的建议\n\n今年全镇16个村换届，有5个村的党员反映候选人酝酿时间不足一周。\n\n"
        "原因是征求意见的环节没有时限要求。\n\n建议：\n"
        "1. 镇党委今后确定村党组织书记人选前，先召开党员座谈会，听取本村党员意见。\n"
        "2. 镇党委对已提名的人选重新征求党员意见。\n"
    )
    assert "vague_suggestions" not in review_proposal(text).flagged


@pytest.mark.parametrize(
    ("title", "several"),
    [
        ("稳定山区村小和教学点教师队伍", False),
        ("加快老旧小区改造和规范网约车管理", True),
    ],
)
def test_two_objects_of_the_title_s_one_verb_are_one_matter(title: str, several: bool) -> None:
    # Round 14 (u131 development draft): 和 joins 村小 and 教学点 under 稳定; a second
    # directive (规范……) after 和 is a matter of its own.
    text = (
        f"关于{title}的建议\n\n（一）村小\n全乡村小9所，去年走了7名教师。原因是周转房不足。"
        "建议县教育局为村小建周转房20套。\n\n"
        "（二）教学点\n全乡教学点14个，有5个只有一名教师。原因是编制按学生数核定。"
        "建议县教育局按班师比为教学点核定编制。\n"
    )
    found = {f.code for f in review_proposal(text).findings}  # a hint too
    assert ("multiple_matters" in found) is several


def test_the_facts_of_a_section_make_its_slogan_no_measure() -> None:
    # Round 14 (u132 development draft): each section tells its figures and causes, then
    # asks only in slogans (建议坚持教育优先发展，多措并举扩大优质教育资源供给).
    text = (
        "关于扎实办好民生实事项目的建议\n\n去年全区12件民生实事基本完成，但短板仍多，提出以下几点建议。\n\n"
        "一、义务教育方面。全区56人以上的大班仍有40余个。主要是城区学校建设滞后于住宅开发。"
        "建议坚持教育优先发展，多措并举扩大优质教育资源供给。\n\n"
        "二、基层医疗方面。全区13家社区卫生服务中心中有5家医生不足15人。原因是基层待遇偏低。"
        "建议持续深化医改，不断提升基层服务能力和水平。\n"
    )
    assert "vague_suggestions" in review_proposal(text).codes


def test_a_section_s_own_measure_after_its_facts_is_concrete() -> None:
    # The trap of the test above: the request after the facts names who and how many.
    text = (
        "关于扎实办好民生实事项目的建议\n\n去年全区12件民生实事基本完成，但短板仍多，提出以下几点建议。\n\n"
        "一、义务教育方面。全区56人以上的大班仍有40余个。主要是城区学校建设滞后于住宅开发。"
        "建议区教育局明年新建两所小学，消除56人以上的大班。\n\n"
        "二、基层医疗方面。全区13家社区卫生服务中心中有5家医生不足15人。原因是基层待遇偏低。"
        "建议区卫健委每年为社区卫生服务中心定向招聘医生20名。\n"
    )
    assert "vague_suggestions" not in review_proposal(text).codes


def test_a_paper_s_own_sections_and_frames_are_scholarship() -> None:
    # Round 14 (u130 development draft): a section 问题的提出, 田野材料 and 理论阐释 are a
    # paper's; 学界 was its only sign the rules knew.
    text = (
        "关于乡村文化认同建构的建议\n\n一、问题的提出\n文化认同是学界长期关注的议题。\n\n"
        "二、田野材料\n三个村60岁以上的受访者普遍能讲述本族迁徙史。\n\n"
        "三、理论阐释\n认同在日常实践中生成。\n\n建议：\n一、县民宗局每年资助两项村寨文化记录项目。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "academic")


def test_a_field_survey_told_in_a_proposal_is_no_scholarship() -> None:
    # The trap of the test above: 田野调查 and a research office's survey are facts.
    text = (
        "关于保护传统村落的建议\n\n县文旅局去年开展田野调查，全县42个传统村落中有9个空心化严重。"
        "理论上讲，保护要靠村民。\n\n原因是村民外出务工。\n\n"
        "建议：\n一、县住建局每年为5个传统村落安排修缮资金。\n"
    )
    assert "blocking" not in _severities(review_proposal(text), "academic")


@pytest.mark.parametrize(
    "plea",
    [
        "希望市里和区里能真正重视起这个问题，别让这些楼就这么一直空下去。",
        "希望各级领导和全社会都来关心这个问题，大家共同努力，为孩子们营造一个良好环境。",
    ],
)
def test_attention_to_this_very_problem_is_a_plea(plea: str) -> None:
    # Round 14 (u133 and u131 development drafts): attention asked to 这个问题, with
    # 共同努力 and a good environment hoped for, names nothing to do.
    text = (
        "关于东港区写字楼空置问题的建议\n\n东港区甲级写字楼空置率已达24%，比三年前高10个百分点。\n\n"
        "原因是前些年规划的商务楼宇太多，一下子集中入市。\n\n" + plea + "\n"
    )
    codes = review_proposal(text).codes
    assert "missing_suggestions" in codes
    assert "vague_suggestions" not in codes


@pytest.mark.parametrize(
    ("opening", "own"),
    [
        ("本人是一名中医师，2016年在桐川区开办了济和堂中医诊所", True),
        ("我在调研中了解到，2016年桐川区有人开办了济和堂中医诊所", False),
    ],
)
def test_a_clinic_the_proposer_opened_told_after_who_and_when(opening: str, own: bool) -> None:
    # Round 14 (u114 development draft): who the proposer is and when and where they
    # opened it come between 本人 and 开办; the items then ask a licence for it.
    text = (
        f"关于尽快为济和堂中医诊所办理执业登记变更的建议\n\n{opening}，年门诊量一万余人次。"
        "去年原址拆迁，诊所搬到新址，变更登记拖了7个月。\n\n原因是消防验收手续不全。\n\n"
        "建议：\n1．请市卫健委督促区卫健局在一个月内为济和堂中医诊所办理执业地点变更登记。\n"
    )
    severities = _severities(review_proposal(text), "personal_matter")
    assert ("blocking" in severities) is own


@pytest.mark.parametrize(
    "owned",
    [
        "提案人位于东关街46号的自有住宅被列入征收范围",
        "本人祖宅位于老城区学前街17号，是我们家四代人住的地方",
    ],
)
def test_the_proposer_s_house_told_by_its_address(owned: str) -> None:
    # Round 14 (u99 and u119 development drafts): the proposer's house named by its
    # address, and an item that asks for that address.
    text = (
        f"关于依法公正处理旧城改造房屋补偿问题的建议\n\n{owned}。评估价每平方米5800元，低于周边房价。\n\n"
        "原因是评估机构由征收部门单方选定。\n\n建议：\n一、请区政府暂停对该处房屋的强制拆除，重新评估补偿价格。\n"
    )
    assert "blocking" in _severities(review_proposal(text), "personal_matter")


def test_houses_of_an_estate_told_by_address_are_no_one_s_own() -> None:
    # The trap of the test above: the estate's homes, told by the member who surveyed them.
    text = (
        "关于依法公正处理旧城改造房屋补偿问题的建议\n\n我们调研的东关街46号院住宅小区有住户120户，"
        "评估价每平方米5800元，低于周边房价。\n\n原因是评估机构由征收部门单方选定。\n\n"
        "建议：\n一、请区政府对东关街片区重新评估补偿价格。\n"
    )
    assert "personal_matter" not in review_proposal(text).flagged


def test_a_name_card_to_build_is_the_aim_of_the_title_s_first_clause() -> None:
    # Round 14 (u135 development draft): ……做大做强、打造城市美食名片 gives what the first
    # clause is for; the items all serve it.
    text = (
        "关于支持本土鱼丸企业做大做强、打造城市美食名片的建议\n\n全市鱼丸企业42家，年产值不到5亿元，"
        "规模以上的只有3家。\n\n原因是生产用地紧张，冷链配送成本高。\n\n"
        "建议：\n一、市自然资源局为鱼丸企业扩产优先安排工业用地50亩。\n"
        "二、市商务局对鱼丸企业冷链配送给予每吨200元补贴。\n"
    )
    flagged = _severities(review_proposal(text), "multiple_matters")
    assert set(flagged) <= {"hint"}


def test_the_thing_the_title_is_about_is_no_measure_when_named_again() -> None:
    # Round 14 (u137 development draft): every slogan item names 老年食堂, the title's
    # topic; naming it again does nothing to it.
    text = (
        "关于办好农村老年食堂的建议\n\n全县已建农村老年食堂86个，正常运营的不到一半。\n\n"
        "原因是成本和收费倒挂，人手难找。\n\n建议：\n"
        "（一）进一步提高思想认识，把老年食堂建设摆上议事日程。\n"
        "（二）进一步加强统筹协调，形成推动老年食堂发展的工作合力。\n"
    )
    assert "vague_suggestions" in review_proposal(text).flagged
    measured = text.replace(
        "（二）进一步加强统筹协调，形成推动老年食堂发展的工作合力。",
        "（二）县民政局对正常运营的老年食堂每餐补助3元。",
    )
    assert "vague_suggestions" not in review_proposal(measured).flagged


def test_what_another_party_said_should_be_done_proposes_nothing() -> None:
    # Round 14 (u134 development draft): 区里说……应该企业自己修 reports the quarrel over
    # who repairs; the draft ends with questions and asks no one to do anything.
    text = (
        "关于厂门口道路维修的建议\n\n厂北门外的路一点二公里，几十年没大修，去年冬天两名职工在这里摔伤。\n\n"
        "为什么一直没人修？厂子改制以后，区里说这条路还是企业的，应该企业自己修。\n\n"
        "我们工人就想问一句：这条路到底归谁管？到底什么时候才能修好？\n"
    )
    assert "blocking" in _severities(review_proposal(text), "missing_suggestions")
    asked = text.replace("区里说这条路还是企业的，应该企业自己修", "我认为应该由区住建局年内修好")
    assert "blocking" not in _severities(review_proposal(asked), "missing_suggestions")


def test_promoting_a_relative_s_firm_is_a_personal_matter_and_the_proposer_s_own_is_not() -> None:
    # Round 19: a firm the body says a relative runs or founded, which a suggestion asks
    # to be listed, bought from or promoted, serves the relative; the writers label the
    # proposer promoting their own firm advertising alone, so that stays as it was.
    head = (
        "关于在全市学校食堂推广净菜配送的建议\n\n提案人：韩立群（市政协委员，经济界）\n\n"
        "我市中小学食堂每天用菜约40吨，多数学校仍由食堂自行采购毛菜，损耗大、农残检测不到位。\n\n"
        "原因是缺少统一的净菜加工配送能力，学校各自采购，监管部门也难以逐一抽检。\n\n"
    )
    kin = review_proposal(
        head + "青禾鲜达农产品有限公司是一家从事净菜加工的本地企业，由本人妻弟韩立新于2019年创办，"
        "日加工能力20吨。\n\n建议：\n一、市教育局将青禾鲜达农产品有限公司列入全市学校食堂净菜定点供应名单。\n"
    )
    assert "blocking" in _severities(kin, "personal_matter")
    assert any("亲属的企业" in f.message for f in kin.findings if f.code == "personal_matter")
    shop = review_proposal(
        head + "我爱人经营的“鲜达净菜店”开了八年，和本地20多户菜农长期合作。\n\n"
        "建议：\n一、市教育局将鲜达净菜店确定为学校食堂净菜定点供应点。\n"
    )
    assert "blocking" in _severities(shop, "personal_matter")
    own = review_proposal(
        head.replace("（市政协委员，经济界）", "（青禾鲜达农产品有限公司董事长）")
        + "建议：\n一、市教育局将青禾鲜达农产品有限公司列入全市学校食堂净菜定点供应名单。\n"
    )
    assert _severities(own, "personal_matter") == []
    anyone = review_proposal(
        head + "青禾鲜达农产品有限公司是一家从事净菜加工的本地企业，日加工能力20吨。\n\n"
        "建议：\n一、市教育局将青禾鲜达农产品有限公司列入全市学校食堂净菜定点供应名单。\n"
    )
    assert _severities(anyone, "personal_matter") == []


def test_a_title_listing_parts_each_of_its_own_field_is_multiple_matters() -> None:
    # Round 19: three parts joined by 、 and 和, each in a field no other part names
    # (school food, county hospitals, fire safety of care homes), without 等 or 几点.
    body = (
        "\n\n今年我参加了三次调研。\n\n一、有的学校食堂承包后一包了之，去年抽检发现问题20家，原因是缺少监督。\n\n"
        "二、县医院专科薄弱，县域就诊率不足八成，原因是学科带头人留不住。\n\n"
        "三、小型养老院多由旧厂房改建，消防验收未通过，原因是改造成本高。\n\n"
        "建议：\n一、市市场监管局每学期抽检学校食堂。\n二、市卫健委组织三甲医院对口帮扶县医院。\n"
        "三、市应急管理局对养老院开展消防检查。\n"
    )
    several = review_proposal(
        "关于统筹做好校园食品安全、县级医院专科建设和养老机构消防安全工作的建议" + body
    )
    assert _severities(several, "multiple_matters")
    one = review_proposal(
        "关于加强学校食堂承包、原料采购和留样管理的建议\n\n"
        "去年全市学校食堂抽检发现问题20家，多是承包后一包了之。\n\n原因是学校和监管部门缺少对承包方的约束。\n\n"
        "建议：\n一、市教育局会同市市场监管局制定学校食堂承包管理办法。\n二、市市场监管局每学期抽检学校食堂。\n"
    )
    assert _severities(one, "multiple_matters") == []


def test_a_typical_case_in_arbitration_is_no_case_of_the_proposer_s() -> None:
    # Round 20: 一件普通的……往往要…… tells how long such cases take, not where one stands.
    text = (
        "关于在产业园区设立劳动争议调解室的建议\n\n"
        "据市劳动人事争议仲裁院公布，去年全市受理劳动争议案件1900余件，园区占三成。"
        "一起普通的加班费争议，从申请仲裁到执行到位通常要四个月，双方都耗不起。\n\n"
        "原因是园区企业大多没有调解组织，小矛盾只能走仲裁。\n\n"
        "建议由市人社局会同市总工会在两个园区各设一个劳动争议调解室，聘请专职调解员。\n"
    )
    assert "litigation" not in review_proposal(text).flagged
    typical = "一起普通的加班费争议，从申请仲裁到执行到位通常要四个月"
    told = text.replace(typical, "我厂与工人们的加班费争议已经开庭，至今没有执行到位")
    assert "litigation" in review_proposal(told).flagged
