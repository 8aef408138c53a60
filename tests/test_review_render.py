"""render_html: the escaped, deterministic highlight view used by widgets and notebooks."""

from __future__ import annotations

from pathlib import Path

from trainingkit.review import render_html, review_proposal, review_sheqing

DRAFTS = Path(__file__).parent / "drafts"


def test_each_finding_is_highlighted_with_its_message() -> None:
    text = (DRAFTS / "wb_official.txt").read_text(encoding="utf-8")
    review = review_proposal(text)
    html = render_html(text, review)
    assert "可能导致不予立案" in html
    for finding in review.findings:
        assert finding.code in html
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
