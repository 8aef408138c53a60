"""Module 00's live demo widget, driven without a browser."""

from __future__ import annotations

import pytest

from trainingkit.widgets.intro import HelloDemo, study_days


def test_hello_widget_greets_by_name_and_escapes_it() -> None:
    widget = HelloDemo()
    assert "请在上面的框里输入" in widget.output.value
    widget.name.value = "<b>李委员</b>"
    assert "&lt;b&gt;李委员" in widget.output.value
    widget.minutes.value = 20
    assert f"{study_days(20)} 天" in widget.output.value


def test_study_days_rejects_zero() -> None:
    with pytest.raises(ValueError):
        study_days(0)


def test_hello_demo_root_is_tagged_for_browser_tests() -> None:
    demo = HelloDemo()
    assert "tk-hello" in demo.widget._dom_classes
    assert "tk-hello-input" in demo.name._dom_classes
    assert "tk-hello-output" in demo.output._dom_classes
