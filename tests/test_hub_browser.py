"""The cohort hub in a real browser (Playwright + the system Chromium).

A trainee logs in through the hub's login page and opens module 00; an
instructor logs in and formgrader, opened from the course service's Lab menu,
really renders its assignment list inside Lab's frame. JupyterHub >= 4.1 blanks
that frame with ``frame-ancestors 'none'`` unless the course service relaxes it
(nbgrader issue #1870; `trainingkit.hub.hubconfig`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hub_fixtures import (
    COURSE,
    EXERCISE,
    INSTRUCTOR,
    LESSONS,
    REPO,
    TRAINEES,
    Hub,
    api_token,
    running_hub,
    terminal_run,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.hub, pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def hub() -> Iterator[Hub]:
    with running_hub() as running:
        yield running


def _log_in(page: Page, hub: Hub, name: str) -> None:
    page.goto(f"{hub.url}hub/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", hub.passwords[name])
    page.click("[type=submit]")


def test_a_trainee_logs_in_and_opens_module_00(
    hub: Hub, browser: Browser, screenshot_dir: Path
) -> None:
    page = browser.new_page()
    try:
        _log_in(page, hub, TRAINEES[0])
        page.wait_for_url(f"**/user/{TRAINEES[0]}/lab/tree/{LESSONS}**", timeout=120_000)
        page.locator(".jp-DirListing-item", has_text="00-getting-started").wait_for(timeout=60_000)
        notebook = f"{LESSONS}/00-getting-started/getting_started.ipynb"
        page.goto(f"{hub.url}user/{TRAINEES[0]}/lab/tree/{notebook}")
        heading = page.locator(".jp-Notebook .jp-RenderedMarkdown h1").first
        heading.wait_for(timeout=60_000)
        assert "模块 00" in heading.inner_text()
        page.screenshot(path=screenshot_dir / "hub-trainee-module00.png")
    finally:
        page.close()


def test_an_instructor_sees_formgrader_render_its_assignment_list(
    hub: Hub, browser: Browser, screenshot_dir: Path
) -> None:
    page = browser.new_page()
    try:
        _log_in(page, hub, INSTRUCTOR)
        page.wait_for_url(f"**/user/{INSTRUCTOR}/**", timeout=120_000)
        page.goto(f"{hub.url}services/{COURSE}/lab")
        menu = page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader")
        menu.wait_for(timeout=90_000)
        menu.click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Formgrader$")).click()
        frame = page.frame_locator("iframe").first
        frame.locator("text=Manage Assignments").first.wait_for(timeout=60_000)
        frame.locator("td", has_text=EXERCISE).first.wait_for(timeout=60_000)
        page.screenshot(path=screenshot_dir / "hub-instructor-formgrader.png")
    finally:
        page.close()


def test_a_trainee_fetches_every_real_exercise_from_the_assignments_tab(
    hub: Hub, browser: Browser, screenshot_dir: Path
) -> None:
    exercises = sorted(p.name for p in (REPO / "exercises").iterdir() if p.is_dir())
    python = hub.plan.options.venv / "bin" / "python"
    terminal_run(f"{hub.url}services/{COURSE}/", api_token(hub, INSTRUCTOR),
                 f"{python} -m trainingkit release --cohort {hub.plan.layout.cohort}")  # fmt: skip
    name = TRAINEES[1]
    page = browser.new_page()
    try:
        _log_in(page, hub, name)
        page.wait_for_url(f"**/user/{name}/lab/tree/{LESSONS}**", timeout=120_000)
        menu = page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader")
        menu.wait_for(timeout=90_000)
        menu.click()
        page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
        for exercise in exercises:
            row = page.locator("#released_assignments_list > .list_item", has_text=exercise)
            row.wait_for(timeout=60_000)
            row.locator(".item_status button").click()
            fetched = page.locator("#fetched_assignments_list > .list_item", has_text=exercise)
            fetched.wait_for(timeout=60_000)
        page.screenshot(path=screenshot_dir / "hub-trainee-fetched-all-exercises.png")
        home = hub.plan.accounts[1].home
        assert hub.plan.accounts[1].hub_name == name
        for exercise in exercises:
            notebooks = list((home / COURSE / exercise).glob("*_exercise.ipynb"))
            assert len(notebooks) == 1, (exercise, list((home / COURSE / exercise).iterdir()))
        assert (home / LESSONS / exercises[0]).is_dir()  # the lesson of the same name, apart
    finally:
        page.close()
