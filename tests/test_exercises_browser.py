"""An exercise in a real JupyterLab and Chromium: a click is saved to answers.json.

The kernel-side tests set widget values inside the kernel; this one goes through
the front end as a trainee does (browser → widget comm → kernel → file).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest
from lab_server import LabServer, lab_server
from nbgrader_course import EXERCISES
from traitlets.config import Config

from trainingkit.cohort.config import apply_kit_config

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 90_000
AID = "01-duties"


def released(root: Path) -> Path:
    """The trainee's version of the 01 exercise, cleared as generate_assignment clears it."""
    from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, ClearSolutions

    config = Config()
    apply_kit_config(config, EXERCISES.parent, [AID])
    (source,) = sorted((EXERCISES / AID).glob("*.ipynb"))
    notebook = nbformat.read(source, as_version=4)
    for step in (ClearSolutions, ClearHiddenTests, ClearMarkScheme):
        notebook, _ = step(config=config).preprocess(notebook, {})
    target = root / AID / source.name
    target.parent.mkdir(parents=True)
    nbformat.write(notebook, target)
    return target


@pytest.fixture
def exercise_lab(tmp_path: Path) -> Iterator[LabServer]:
    released(tmp_path / "root")
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
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    page: Page = context.new_page()
    try:
        page.goto(exercise_lab.lab_url(f"{AID}/duties_exercise.ipynb", workspace="exercise"))
        setup = page.locator(".jp-Notebook .jp-CodeCell").first
        setup.wait_for()
        page.wait_for_function(
            """() => /Python 3[^|]*\\|\\s*Idle/.test(
                document.querySelector('#jp-main-statusbar')?.textContent ?? '')"""
        )
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
