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
            assert finding.message.startswith("依据")
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
