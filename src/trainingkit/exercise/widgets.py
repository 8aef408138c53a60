"""The answer widgets of the exercise notebooks: clicks and typing, no code.

Each widget is a thin :class:`ipywidgets.VBox` over one
:class:`~trainingkit.exercise.questions.Question`: the inputs, a 自检 button and a
result area. It hands every change to ``on_change`` (which saves it) and shows what
``on_check`` returns. CSS classes follow the course widgets' convention: root
``tk-exercise``, inputs ``tk-exercise-input``, result area ``tk-exercise-output``.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from trainingkit.checks import CheckResult
from trainingkit.exercise.questions import Question, describe

__all__ = ["answer_widget"]

_BLANK = ("（请选择）", "")
_WIDE = widgets.Layout(width="auto")


def _inputs(question: Question, value: Any) -> tuple[Any, list[widgets.Widget], Callable[[], Any]]:
    """(inputs as tests address them, the widgets to lay out, a reader of the answer)."""
    labels = [(f"{key}. {label}", key) for key, label in question.options.items()]
    kind = question.kind
    if kind == "single":
        radio = widgets.RadioButtons(
            options=labels, value=_key(value, question.options), layout=_WIDE
        )
        return radio, [radio], lambda: radio.value
    if kind == "multi":
        chosen = {_key(v, question.options) for v in value} if isinstance(value, list) else set()
        boxes = {
            key: widgets.Checkbox(value=key in chosen, description=text, indent=False, layout=_WIDE)
            for text, key in labels
        }
        return boxes, list(boxes.values()), lambda: [k for k, box in boxes.items() if box.value]
    if kind == "order":
        saved = value if isinstance(value, list) else []
        steps = [
            widgets.Dropdown(
                options=[_BLANK, *((label, key) for key, label in question.options.items())],
                value=_key(saved[i], question.options, "") if i < len(saved) else "",
                description=f"第 {i + 1} 步",
                layout=_WIDE,
            )
            for i in range(len(labels))
        ]
        return steps, steps, lambda: [step.value for step in steps]
    if kind == "match":
        choices = [_BLANK, *((label, key) for key, label in question.choices.items())]
        saved_map = value if isinstance(value, dict) else {}
        menus = {
            key: widgets.Dropdown(
                options=choices,
                value=_key(saved_map.get(key), question.choices, ""),
                # wide enough for the longest choice (不予立案：为本人或亲属解决个人问题)
                layout=widgets.Layout(width="auto", min_width="24em"),
            )
            for key in question.options
        }
        rows = [
            widgets.HBox([widgets.Label(label), menus[key]])
            for key, label in question.options.items()
        ]
        return menus, rows, lambda: {k: m.value for k, m in menus.items() if m.value}
    if kind == "number":
        shown = "" if value is None else str(value)
        box = widgets.Text(value=shown, placeholder="在这里填写数字")
        return box, [box], lambda: _number(box.value)
    if kind == "date":
        try:
            day = datetime.date.fromisoformat(str(value)) if value else None
        except ValueError:
            day = None
        picker = widgets.DatePicker(value=day, description="日期")
        return picker, [picker], lambda: picker.value.isoformat() if picker.value else None
    area = widgets.Textarea(
        value=value if isinstance(value, str) else "",
        placeholder="在这里输入或粘贴您的草稿",
        layout=widgets.Layout(width="100%", height="22em"),
    )
    return area, [area], lambda: area.value


def _key(value: Any, keys: Any, default: str | None = None) -> str | None:
    """``value`` when it is one of ``keys``, else ``default`` (a saved answer may be malformed)."""
    return value if isinstance(value, str) and value in keys else default


def _number(text: str) -> float | int | str | None:
    """Parse what the trainee typed; keep the text when it is not a number."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def answer_widget(
    question: Question,
    value: Any,
    *,
    on_change: Callable[[Any], None],
    on_check: Callable[[], CheckResult],
    saving: bool = True,
) -> tuple[widgets.VBox, Any]:
    """Build the widget for ``question``, showing ``value``; return (root, inputs).

    Args:
        question: What is asked.
        value: The saved answer (or the model answer) to show first.
        on_change: Called with the new answer after every change.
        on_check: Called by the 自检 button; its result is shown below.
        saving: False in the instructor version, whose model answers are not saved.
    """
    inputs, parts, read = _inputs(question, value)
    saved_note = "（自动保存）" if saving else "（教师版：示范答案，改动不保存）"
    status = widgets.HTML(f"当前答案：{_summary(question, value)} {saved_note}")
    output = widgets.HTML("")
    output.add_class("tk-exercise-output")
    button = widgets.Button(description="自检", icon="check", tooltip="检查是否答完整（不判对错）")

    def changed(_: Any = None) -> None:
        answer = read()
        on_change(answer)
        status.value = f"当前答案：{_summary(question, answer)} {saved_note}"
        output.value = ""

    def check(_: Any = None) -> None:
        output.value = on_check()._repr_html_()

    if isinstance(inputs, dict):
        controls = list(inputs.values())
    else:
        controls = inputs if isinstance(inputs, list) else [inputs]
    for control in controls:
        control.observe(changed, names="value")
        control.add_class("tk-exercise-input")
    button.on_click(check)
    root = widgets.VBox([*parts, widgets.HBox([button, status]), output])
    root.add_class("tk-exercise")
    return root, inputs


def _summary(question: Question, answer: Any) -> str:
    """The answer in one short escaped line (a draft: its length only)."""
    if question.kind == "text" and isinstance(answer, str) and answer.strip():
        return f"已写 {len(answer.strip())} 字"
    return html.escape(describe(question, answer))
