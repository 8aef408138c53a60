"""The cohort hub in a real browser (Playwright + the system Chromium).

A trainee logs in through the hub's login page and opens module 00; an
instructor logs in and formgrader, opened from the course service's Lab menu,
really renders its assignment list inside Lab's frame. JupyterHub >= 4.1 blanks
that frame with ``frame-ancestors 'none'`` unless the course service relaxes it
(nbgrader issue #1870; `trainingkit.hub.hubconfig`). The hub's own pages (login,
change password, home, errors) are the kit's Chinese templates: a trainee logs in
and changes the password through the Chinese forms, and no English word is left
in what they see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hub_fixtures import (
    ALLOWED_WORDS,
    COURSE,
    EXERCISE,
    INSTRUCTOR,
    LESSONS,
    REPO,
    TRAINEES,
    Hub,
    api_token,
    english_words,
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


def _visible_english(page: Page, hub: Hub) -> list[str]:
    """English words in the page's visible text, buttons and tooltips (not login names)."""
    texts = [page.locator("body").inner_text()]
    texts += page.locator("input[type=submit], button[title], a[title], img[title]").evaluate_all(
        "els => els.map(e => [e.value || '', e.title || ''].join(' '))"
    )
    return english_words(" ".join(texts), allowed={*ALLOWED_WORDS, *hub.passwords})


def _fits(page: Page) -> bool:
    """Nothing needs sideways scrolling."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def _chinese_login(page: Page, hub: Hub, name: str, password: str) -> None:
    """Log in through the Chinese form, finding the fields by their Chinese labels."""
    page.goto(f"{hub.url}hub/login")
    page.get_by_label("账号：", exact=True).fill(name)
    page.get_by_label("密码：", exact=True).fill(password)
    page.get_by_role("button", name="登录").click()


def test_the_login_page_is_chinese_and_sends_a_forgotten_password_to_the_organizer(
    hub: Hub, browser: Browser, screenshot_dir: Path
) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto(f"{hub.url}hub/login")
        assert page.locator("h1").inner_text() == "登录"
        body = page.locator("body").inner_text()
        assert "账号" in body and "密码" in body and "组织者" in body
        assert "admin" not in body.lower() and "管理员" not in body
        for english in ("Sign in", "Username", "Password"):
            assert english not in body
        assert _visible_english(page, hub) == []
        assert _fits(page)
        page.screenshot(path=screenshot_dir / "hub-login-zh.png", full_page=True)
        _chinese_login(page, hub, TRAINEES[0], "not-the-password")
        page.locator(".login_error").wait_for(timeout=30_000)
        assert page.locator(".login_error").inner_text() == "账号或密码不正确，请再试一次。"
        assert _visible_english(page, hub) == []
        page.screenshot(path=screenshot_dir / "hub-login-error-zh.png", full_page=True)
    finally:
        page.close()


def test_a_trainee_logs_in_and_changes_the_password_through_the_chinese_forms(
    hub: Hub, browser: Browser, screenshot_dir: Path
) -> None:
    name = TRAINEES[2]
    new = "Xin-Mima-2026"
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        # The first login starts the server, and the hub sends the browser to its
        # "starting" page after 1 s. The spawn is held until that page is read, so it
        # is seen however soon the server would be ready.
        with hub.held_spawn(name):
            with page.expect_response(
                lambda r: "/hub/spawn-pending/" in r.url, timeout=60_000
            ) as pending:
                _chinese_login(page, hub, name, hub.passwords[name])
            assert pending.value.status == 200, hub.log.read_text()[-3000:]
            page.get_by_text("你的学习环境正在启动").wait_for(timeout=30_000)
            assert "启动记录" in page.locator("body").inner_text()
            assert _visible_english(page, hub) == []
            page.screenshot(path=screenshot_dir / "hub-spawn-pending-zh.png")
            assert "/hub/spawn-pending/" in page.url  # still held: the page was not left
        page.wait_for_url(f"**/user/{name}/lab/**", timeout=120_000)
        page.goto(f"{hub.url}hub/change-password")
        assert page.locator("h1").inner_text() == f"修改密码（{name}）"
        assert "组织者" in page.locator("body").inner_text()
        assert _visible_english(page, hub) == []
        assert _fits(page)
        page.screenshot(path=screenshot_dir / "hub-change-password-zh.png", full_page=True)

        def change(old: str, password: str, again: str) -> str:
            page.get_by_label("现在的密码：", exact=True).fill(old)
            page.get_by_label("新密码：", exact=True).fill(password)
            page.get_by_label("再输入一次新密码：", exact=True).fill(again)
            page.get_by_role("button", name="修改密码").click()
            alert = page.locator("[role=alert]")
            alert.wait_for(timeout=30_000)
            return alert.inner_text()

        assert change("wrong-one", new, new) == "现在的密码不正确，请再试一次。"
        assert change(hub.passwords[name], "1234567", "1234567").startswith("新密码没有设置成功")
        assert change(hub.passwords[name], new, new) == "密码已修改。下次登录请用新密码。"
        assert _visible_english(page, hub) == []
        page.screenshot(path=screenshot_dir / "hub-change-password-done-zh.png", full_page=True)
        page.get_by_role("button", name="退出登录").click()
        page.wait_for_url("**/hub/login**", timeout=30_000)
        old = hub.passwords[name]
        hub.passwords[name] = new
        _chinese_login(page, hub, name, old)
        page.locator(".login_error").wait_for(timeout=30_000)
        _chinese_login(page, hub, name, new)
        page.wait_for_url(f"**/user/{name}/lab/**", timeout=120_000)
    finally:
        page.close()


def test_the_home_and_error_pages_a_trainee_meets_are_chinese(
    hub: Hub, browser: Browser, screenshot_dir: Path
) -> None:
    name = TRAINEES[0]
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        _chinese_login(page, hub, name, hub.passwords[name])
        page.wait_for_url(f"**/user/{name}/lab/**", timeout=120_000)
        page.goto(f"{hub.url}hub/home")
        assert page.locator("#start").inner_text().strip() == "进入我的服务器"
        nav = page.locator("nav").inner_text()
        assert "修改密码" in nav and "退出登录" in nav
        assert _visible_english(page, hub) == []
        assert _fits(page)
        page.screenshot(path=screenshot_dir / "hub-home-zh.png", full_page=True)
        page.goto(f"{hub.url}hub/no-such-page")
        assert "找不到这个页面" in page.locator("h1").inner_text()
        assert _visible_english(page, hub) == []
        page.screenshot(path=screenshot_dir / "hub-404-zh.png", full_page=True)
    finally:
        page.close()


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
        # the course service's Lab reads the trainees' Lab settings: Chinese menus
        assert page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^文件$")).count() == 1
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
