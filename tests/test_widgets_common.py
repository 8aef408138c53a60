"""Shared display helpers: the Facts card and the widget base."""

from __future__ import annotations

from trainingkit.knowledge import facts as knowledge
from trainingkit.knowledge.items import Item
from trainingkit.widgets.common import CourseWidget, Facts, LiveWidget, feedback_html


def test_facts_card_lists_items_with_each_source_once() -> None:
    forms = knowledge.consultation_forms()
    card = Facts(forms, "协商形式")
    html = card._repr_html_()
    for form in forms:
        assert form.name in html
    assert card.sources() == [forms[0].source]  # "2023年" is already in it: not twice
    assert html.count("来源：") == 1


def test_facts_card_marks_local_rules() -> None:
    html = Facts(knowledge.procedure_timing())._repr_html_()
    assert "［某市做法］" in html
    national = Facts(knowledge.consultation_forms())._repr_html_()
    assert "做法］" not in national


def test_facts_card_shows_a_note_and_numbers_steps() -> None:
    html = Facts(knowledge.annual_plan_steps(), note="要点", numbered=True)._repr_html_()
    assert "<ol" in html and "要点" in html


def test_facts_card_escapes_text_and_omits_missing_years() -> None:
    item = Item(id="x", name="<i>甲</i>", source="某来源")
    card = Facts([item])
    assert "&lt;i&gt;" in card._repr_html_()
    assert card.sources() == ["某来源"]


def test_feedback_marks_each_item() -> None:
    html = feedback_html(False, "有错", [("第 1 步", True), ("第 2 步", False)])
    assert "tk-feedback-failed" in html
    assert "✔ 第 1 步" in html and "✘ 第 2 步" in html


def test_course_widget_root_is_tagged() -> None:
    class Demo(CourseWidget):
        def __init__(self) -> None:
            self._root("demo", [])

    assert "tk-demo" in Demo().widget._dom_classes


def test_live_widget_recomputes_on_each_change_but_once_per_fill() -> None:
    import ipywidgets as widgets

    class Counter(LiveWidget):
        def __init__(self) -> None:
            self.boxes = {key: widgets.IntText() for key in "abc"}
            self.seen: list[int] = []
            self._watch(self.boxes.values())

        def _recompute(self) -> None:
            self.seen.append(sum(box.value for box in self.boxes.values()))

    counter = Counter()
    counter.boxes["a"].value = 1
    assert counter.seen == [1]
    counter._fill(counter.boxes, {"b": 2, "c": 3})
    assert counter.seen == [1, 5]  # a back to 0, b and c set: one recompute
    assert counter.boxes["a"].value == 0


def test_package_exports_every_lesson_widget_from_its_home_module() -> None:
    import importlib

    import trainingkit.widgets as package

    lesson_widgets = {"ProcedureOrder", "FormChooser", "TimelinePlanner", "SheqingChecker"}
    lesson_widgets |= {"HelloDemo", "QuizWidget", "Facts", "DutyPlanner", "ProposalReview"}
    assert lesson_widgets <= set(package.__all__)
    assert sorted(dir(package)) == sorted(package.__all__)
    for name in package.__all__:
        home = importlib.import_module(f"trainingkit.widgets.{package._HOMES[name]}")
        assert name in home.__all__ and getattr(package, name) is getattr(home, name)


def test_importing_the_widgets_package_stays_lazy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, trainingkit.widgets as w; w.__all__; "
        "print(sorted(m for m in ('ipywidgets', 'pandas', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]" and done.stderr == ""
