"""Exercises in a real JupyterLab and Chromium, as a trainee meets them.

The kernel-side tests set widget values inside the kernel; these go through the
front end as a trainee does (browser → widget comm → kernel → file): a click is
saved to answers.json; Run All (运行 → 运行所有单元格) on a fresh release builds
every question's widget and names unanswered questions as 第N题; after 内核 → 重启内核
one answer cell run alone comes back alive.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest
from lab_server import ALL_RAN, CELL_RAN, LabServer, lab_server
from nbgrader_course import EXERCISES
from traitlets.config import Config

from trainingkit.cohort.config import apply_kit_config

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 90_000
AID = "01-duties"
IDLE = """() => /Python 3[^|]*\\|\\s*(Idle|空闲)/.test(
    document.querySelector('#jp-main-statusbar')?.textContent ?? '')"""


def released(root: Path, aid: str = AID) -> Path:
    """The trainee's version of an exercise, cleared and locked as generate_assignment does."""
    from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, ClearSolutions, LockCells

    config = Config()
    apply_kit_config(config, EXERCISES.parent, [aid])
    (source,) = sorted((EXERCISES / aid).glob("*.ipynb"))
    notebook = nbformat.read(source, as_version=4)
    for step in (ClearSolutions, ClearHiddenTests, ClearMarkScheme, LockCells):
        notebook, _ = step(config=config).preprocess(notebook, {})
    target = root / aid / source.name
    target.parent.mkdir(parents=True)
    nbformat.write(notebook, target)
    return target


@pytest.fixture
def exercise_lab(tmp_path: Path) -> Iterator[LabServer]:
    released(tmp_path / "root")
    released(tmp_path / "root", "02-proposals")
    with lab_server(tmp_path / "root", tmp_path / "work") as lab:
        yield lab


def wait_for_answers(path: Path, expected: dict[str, object]) -> None:
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        if path.exists() and json.loads(path.read_text(encoding="utf-8")) == expected:
            return
        time.sleep(0.2)
    raise AssertionError(f"answers.json never became {expected}")


def test_a_click_in_the_browser_is_saved_and_self_checked(
    browser: Browser, exercise_lab: LabServer, screenshot_dir: Path
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 860}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    page: Page = context.new_page()
    try:
        page.goto(exercise_lab.lab_url(f"{AID}/duties_exercise.ipynb", workspace="exercise"))
        setup = page.locator(".jp-Notebook .jp-CodeCell").first
        setup.wait_for()
        page.wait_for_function(IDLE)
        setup.click()
        page.keyboard.press("Escape")
        for _ in range(3):  # the setup cell, the first question's text and its answer cell
            page.keyboard.press("Shift+Enter")
        widget = page.locator(".tk-exercise").first
        widget.wait_for()
        assert "您的答案会自动保存在 answers.json" in page.locator(".jp-Notebook").inner_text()
        widget.get_by_text("C. 政治协商、民主监督、参政议政").click()
        wait_for_answers(exercise_lab.root / AID / "answers.json", {"duties_functions": "C"})
        widget.get_by_role("button", name="自检").click()
        output = widget.locator(".tk-exercise-output")
        page.wait_for_function(
            "(el) => el.innerText.includes('可以提交')", arg=output.element_handle()
        )
        assert "C. 政治协商、民主监督、参政议政" in widget.inner_text()
        path = screenshot_dir / "exercise-01-duties.png"
        page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000
    finally:
        context.close()


def run_all(page: Page) -> None:
    """运行 → 运行所有单元格, then wait until every code cell has run and the kernel is idle."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^运行$")).click()
    page.get_by_role("menuitem", name=re.compile(r"^运行所有单元格")).first.click()
    count = page.locator(".jp-Notebook .jp-CodeCell").count()
    page.wait_for_function(
        ALL_RAN,
        arg=count,
    )
    page.wait_for_function(IDLE)


def test_run_all_on_a_fresh_exercise_builds_every_widget_and_survives_a_restart(
    browser: Browser, exercise_lab: LabServer, screenshot_dir: Path
) -> None:
    aid, name = "02-proposals", "proposals_exercise.ipynb"
    context = browser.new_context(viewport={"width": 1366, "height": 860}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    page: Page = context.new_page()
    try:
        page.goto(exercise_lab.lab_url(f"{aid}/{name}", workspace="exercise-02"))
        page.locator(".jp-Notebook .jp-CodeCell").first.wait_for()
        page.wait_for_function(IDLE)
        run_all(page)
        notebook = page.locator(".jp-Notebook")
        widgets = page.locator(".tk-exercise")
        source = nbformat.read(EXERCISES / aid / name, as_version=4)
        questions = [c for c in source.cells if c.metadata.get("nbgrader", {}).get("solution")]
        assert len(questions) >= 5
        assert widgets.count() == len(questions)  # every question, although none is answered
        text = notebook.inner_text()
        for number in range(1, len(questions) + 1):
            assert f"第{number}题：还没有作答" in text
        for word in ("Error", "Traceback", "proposal_registrable", "proposal_draft"):
            assert word not in text, word
        # every code cell is collapsed: the trainee sees widgets and one-line results
        assert page.locator(".jp-Notebook .jp-CodeCell .jp-InputArea-editor:visible").count() == 0
        widgets.first.scroll_into_view_if_needed()
        path = screenshot_dir / "exercise-02-proposals.png"
        page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000

        # After a break the kernel is gone: 内核 → 重启内核…, then run question 2's cell alone.
        page.locator(".lm-MenuBar-item", has_text=re.compile(r"^内核$")).click()
        page.get_by_role("menuitem", name=re.compile(r"^重启内核…")).first.click()
        dialog = page.locator(".jp-Dialog")
        dialog.get_by_text("重启内核").first.wait_for()
        dialog.locator(".jp-mod-accept").click()
        page.wait_for_function(IDLE)
        cell = page.locator(".jp-Notebook .jp-CodeCell", has=page.get_by_text("B. 关于加快推进"))
        # select the collapsed cell by its output prompt area (a click on the placeholder would
        # expand the code)
        cell.locator(".jp-OutputArea-promptOverlay").first.click()
        page.keyboard.press("Control+Enter")
        page.wait_for_function(
            CELL_RAN,
            arg=cell.element_handle(),
        )
        page.wait_for_function(IDLE)
        assert "NameError" not in notebook.inner_text()
        cell.get_by_text("B. 关于加快推进老旧小区加装电梯的建议").click()
        wait_for_answers(exercise_lab.root / aid / "answers.json", {"proposal_title_format": "B"})
        path = screenshot_dir / "exercise-02-after-restart.png"
        page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000
    finally:
        context.close()
