"""render_html: the escaped, deterministic highlight view used by widgets and notebooks."""

from __future__ import annotations

from pathlib import Path

from trainingkit.review import (
    Finding,
    Review,
    group_findings,
    render_html,
    review_proposal,
    review_sheqing,
)

DRAFTS = Path(__file__).parent / "drafts"


def test_each_finding_is_highlighted_with_its_message() -> None:
    text = (DRAFTS / "wb_official.txt").read_text(encoding="utf-8")
    review = review_proposal(text)
    html = render_html(text, review)
    assert "可能导致不予立案" in html
    for finding in review.findings:
        assert finding.name in html
        assert finding.code not in html  # trainees never see an English id
    assert '<mark class="tk-review-blocking"' in html
    assert "实名举报" in html


def test_the_view_escapes_html_in_the_draft() -> None:
    text = "关于<script>alert('x')</script>的建议\n目前情况&困难。"
    html = render_html(text, review_proposal(text))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_the_view_is_deterministic_and_is_the_notebook_repr() -> None:
    text = (DRAFTS / "vg_slogans.txt").read_text(encoding="utf-8")
    review = review_proposal(text)
    first = render_html(text, review)
    assert first == render_html(text, review_proposal(text))
    assert review._repr_html_() == first


def test_missing_parts_are_shown_as_numbered_markers() -> None:
    text = "关于增设学校周边斑马线的建议"
    html = render_html(text, review_proposal(text))
    assert 'class="tk-review-marker tk-review-blocking"' in html
    assert "[1,2,3]" in html


def test_a_clean_draft_says_so() -> None:
    text = (DRAFTS / "good_circled.txt").read_text(encoding="utf-8")
    html = render_html(text, review_proposal(text))
    assert "未发现不予立案的问题" in html and "<ol" not in html


def test_sheqing_view_speaks_of_fixes_not_registration() -> None:
    html = render_html("", review_sheqing(""))
    assert "立案" not in html
    assert "必须修改" in html


def _made_up_review() -> tuple[str, Review]:
    text = "关于某事的建议\n我的儿子想调动。我的女儿也想调动。听说某品牌很好。"
    findings = (
        Finding("title_format", "warning", "标题说明。", 0, 2),
        Finding("personal_matter", "blocking", "个人问题一。", 8, 16),
        Finding("personal_matter", "blocking", "个人问题二。", 16, 25),
        Finding("advertising", "hint", "请核实：品牌。", 25, 33),
    )
    return text, Review(registrable=False, findings=findings, text=text)


def test_repeated_hits_of_one_code_are_one_item_with_every_passage_highlighted() -> None:
    text, review = _made_up_review()
    groups = group_findings(review.findings)
    assert [(g.code, g.severity, len(g.spans)) for g in groups] == [
        ("personal_matter", "blocking", 2),  # blocking first, although it comes later
        ("title_format", "warning", 1),
        ("advertising", "hint", 1),
    ]
    html = render_html(text, review)
    assert html.count("<li") == 3 and "（2处，均已标出）" in html
    assert html.count('<mark class="tk-review-blocking"') == 2
    for code in ("personal_matter", "title_format", "advertising"):
        assert code not in html
    listed = html.split("<ol", 1)[1]
    assert (
        listed.index("本人或亲属的个人问题") < listed.index("标题格式") < listed.index("宣传推介")
    )


def test_hints_are_shown_apart_from_problems_and_do_not_change_the_verdict() -> None:
    text = "关于某事的建议"
    hint = Finding("advertising", "hint", "请核实：品牌。", 0, 2)
    html = render_html(text, Review(registrable=True, findings=(hint,), text=text))
    assert "未发现不予立案的问题" in html and "另有1项请核实" in html
    assert '<mark class="tk-review-hint"' in html and '<li class="tk-review-hint"' in html
    assert "请核实</span>" in html
