"""Every course module in a real JupyterLab and Chromium, used as a trainee would.

The Lab runs with the kit's own settings overrides (Chinese, no news pop-up), in a
1366-pixel window with a zh-CN browser. For each module: open the notebook, run all
cells from the Chinese menu (运行 → 运行所有单元格), wait for the kernel to go idle,
check that no error or stderr output and no broken widget appears, that lesson code
is collapsed (module 00 keeps it open), that every bar-chart label is drawn in full
(at 1366 px and in a narrow window), use one widget, check that Chinese text is drawn
with a CJK font, and save a screenshot to ``artifacts/screenshots/``. Module 02 also
restarts the kernel from the menu and runs one widget cell alone, as a trainee does
after a break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from lab_server import ALL_RAN, CELL_RAN, LabServer

from trainingkit.review.codes import CODE_NAMES

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOKS = {
    "00": "course/00-getting-started/getting_started.ipynb",
    "01": "course/01-duties/duties.ipynb",
    "02": "course/02-proposals/proposals.ipynb",
    "03": "course/03-consultation/consultation.ipynb",
    "04": "course/04-sheqing-minyi/sheqing_minyi.ipynb",
}
TIMEOUT_MS = 90_000
BROKEN_WIDGET = ("Error displaying widget", "Failed to load model class", "Error creating widget")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 860}, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def open_and_run(page: Page, lab: LabServer, path: str) -> None:
    """Open a notebook, wait for its kernel, run all cells and wait until all ran."""
    page.goto(lab.lab_url(path, workspace=Path(path).stem))
    page.locator(".jp-Notebook .jp-Cell").first.wait_for()
    wait_idle(page)
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^运行$")).click()
    page.get_by_role("menuitem", name=re.compile(r"^运行所有单元格")).first.click()
    code_cells = page.locator(".jp-Notebook .jp-CodeCell")
    count = code_cells.count()
    assert count > 0
    page.wait_for_function(
        ALL_RAN,
        arg=count,
        timeout=TIMEOUT_MS,
    )
    wait_idle(page)


def wait_idle(page: Page) -> None:
    """Wait until the notebook's kernel reports idle in the status bar."""
    page.wait_for_function(
        """() => {
            const bar = document.querySelector('#jp-main-statusbar');
            return bar && /Python 3[^|]*\\|\\s*(Idle|空闲)/.test(bar.textContent);
        }""",
        timeout=TIMEOUT_MS,
    )


def assert_clean_outputs(page: Page) -> None:
    """No error or stderr output and no widget that failed to render."""
    errors = page.locator(
        '.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    )
    assert errors.count() == 0, errors.all_inner_texts()
    text = page.locator(".jp-Notebook").inner_text()
    for marker in BROKEN_WIDGET:
        assert marker not in text


def assert_chinese_rendered(page: Page, element: Locator) -> None:
    """The element's Chinese text is drawn with a CJK font, not boxes.

    Chromium's DevTools protocol reports which platform fonts rendered a node's
    glyphs; at least one of them must be a CJK family.
    """
    element.scroll_into_view_if_needed()
    handle = element.element_handle()
    assert handle is not None
    marker = "tk-cjk-probe"
    # The protocol reports fonts for a node's own text: mark the first element
    # under ``element`` that directly holds Chinese characters.
    probed = handle.evaluate(
        """(el, m) => {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (/[\u4e00-\u9fff]/.test(node.textContent)) {
                    node.parentElement.setAttribute('data-probe', m);
                    return node.textContent;
                }
            }
            return null;
        }""",
        marker,
    )
    assert probed, "no Chinese text in the element"
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1, "pierce": True})
    found = session.send(
        "DOM.querySelector",
        {"nodeId": root["root"]["nodeId"], "selector": f"[data-probe={marker}]"},
    )
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": found["nodeId"]})["fonts"]
    session.detach()
    families = {font["familyName"]: font["glyphCount"] for font in fonts}
    cjk = {name: n for name, n in families.items() if "CJK" in name or "Hei" in name}
    assert cjk and sum(cjk.values()) > 0, f"no CJK font drew the text: {families}"


def wait_changed(page: Page, output: Locator, before: str, expected: str) -> str:
    """Wait until ``output`` shows text other than ``before`` that contains ``expected``.

    A widget may start with an example's result: recording the text before typing
    and waiting for a *new* text makes the test fail if typing changes nothing.
    """
    page.wait_for_function(
        """([el, before, expected]) =>
            el.innerText !== before && el.innerText.includes(expected)""",
        arg=[output.element_handle(), before, expected],
    )
    return output.inner_text()


def assert_lab_in_chinese_without_news(page: Page) -> None:
    """The menus are Chinese (language pack + the kit's locale) and no news pop-up shows."""
    labels = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert {"文件", "编辑", "运行", "内核"} <= set(labels), labels
    text = page.locator("body").inner_text()
    assert "official Jupyter news" not in text and "Jupyter 新闻" not in text


def assert_code_collapsed(page: Page, *, collapsed: bool) -> None:
    """Lesson code cells show a placeholder instead of their code (module 00: the code)."""
    cells = page.locator(".jp-Notebook .jp-CodeCell")
    editors = page.locator(".jp-Notebook .jp-CodeCell .jp-InputArea-editor:visible")
    placeholders = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPlaceholder:visible")
    if collapsed:
        assert editors.count() == 0 and placeholders.count() == cells.count() > 0
    else:
        assert editors.count() == cells.count() > 0 and placeholders.count() == 0


CLIPPED_LABELS = """(root) => [...root.querySelectorAll('.tk-bar-label')].map(el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return {label: el.textContent.trim(), box: box.width, text: text.width,
            clipped: el.scrollWidth > el.clientWidth + 1 || text.width > box.width + 1
                     || text.left < box.left - 1 || text.right > box.right + 1};
})"""


def assert_chart_labels_legible(
    page: Page, chart: Locator, expected: str, folder: Path, name: str
) -> None:
    """Every label of ``chart`` is drawn in full, at 1366 px and in a narrow window.

    Saves ``<name>-<width>.png`` of the chart at each width.
    """
    for width in (1366, 900):
        page.set_viewport_size({"width": width, "height": 860})
        page.wait_for_timeout(500)  # let the notebook reflow
        chart.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        labels = chart.evaluate(CLIPPED_LABELS)
        assert labels and expected in [row["label"] for row in labels], labels
        clipped = [row for row in labels if row["clipped"]]
        assert not clipped, (width, clipped)
        assert all(row["text"] > 14 * len(row["label"]) * 0.5 for row in labels), labels
        screenshot(page, folder, f"{name}-{width}")
    page.set_viewport_size({"width": 1366, "height": 860})
    page.wait_for_timeout(500)


def screenshot(page: Page, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000  # a blank page compresses to a few KB


def test_00_getting_started_hello_widget(
    page: Page, course_lab: LabServer, screenshot_dir: Path
) -> None:
    open_and_run(page, course_lab, NOTEBOOKS["00"])
    assert_clean_outputs(page)
    assert_lab_in_chinese_without_news(page)
    assert_code_collapsed(page, collapsed=False)
    widget = page.locator(".tk-hello")
    widget.locator(".tk-hello-input input").fill("李委员")
    output = widget.locator(".tk-hello-output")
    output.get_by_text("欢迎你，李委员").wait_for()
    assert_chinese_rendered(page, output.locator(".tk-hello-greeting"))
    screenshot(page, screenshot_dir, "00-getting-started")


def test_01_duties_planner_task_becomes_met(
    page: Page, course_lab: LabServer, screenshot_dir: Path
) -> None:
    open_and_run(page, course_lab, NOTEBOOKS["01"])
    assert_clean_outputs(page)
    assert_lab_in_chinese_without_news(page)
    assert_code_collapsed(page, collapsed=True)
    chart = page.locator(".tk-bar-chart").first
    assert_chart_labels_legible(page, chart, "民建", screenshot_dir, "01-duties-chart")
    planner = page.locator(".tk-duty-planner").first
    planner.scroll_into_view_if_needed()
    met = planner.locator(".tk-duty-planner-output .tk-duty-task-met")
    before = met.count()
    # The first box of the month grid: 全体会议 in January.
    box = planner.locator(".tk-duty-planner-input input[type=number]").first
    box.fill("1")
    box.press("Tab")
    page.wait_for_function(
        "([root, n]) => root.querySelectorAll('.tk-duty-planner-output .tk-duty-task-met')"
        ".length > n",
        arg=[planner.element_handle(), before],
    )
    assert_chinese_rendered(page, planner.locator(".tk-duty-planner-output"))
    screenshot(page, screenshot_dir, "01-duties")


def test_02_proposals_review_finds_a_problem(
    page: Page, course_lab: LabServer, screenshot_dir: Path
) -> None:
    open_and_run(page, course_lab, NOTEBOOKS["02"])
    assert_clean_outputs(page)
    assert_code_collapsed(page, collapsed=True)
    chart = page.locator(".tk-bar-chart").first
    assert_chart_labels_legible(
        page, chart, "12届1次（2013年）", screenshot_dir, "02-proposals-chart"
    )
    stats = page.locator(".jp-Notebook .jp-OutputArea-output table", has_text="收到提案").first
    assert "NaN" not in stats.inner_text() and "4884.0" not in stats.inner_text()
    assert "4884" in stats.inner_text()
    review = page.locator(".tk-proposal-review").first
    review.scroll_into_view_if_needed()
    output = review.locator(".tk-proposal-review-output")
    # The box starts with example 3 (a court case) and its review: record that first.
    litigation, missing_situation = CODE_NAMES["litigation"], CODE_NAMES["missing_situation"]
    output.locator(".tk-review-findings li", has_text=litigation).wait_for()
    before = output.inner_text()
    assert missing_situation not in before and "关于加强和改进各方面工作的建议" not in before
    assert "litigation" not in before  # trainees read Chinese names, never the ids
    box = review.locator(".tk-proposal-review-input textarea")
    box.fill("关于加强和改进各方面工作的建议\n建议有关部门高度重视，加强领导，进一步提高认识。")
    review.locator(".tk-proposal-review-button").click()
    after = wait_changed(page, output, before, "关于加强和改进各方面工作的建议")
    output.locator(".tk-review-findings li", has_text=missing_situation).wait_for()
    assert litigation in before and litigation not in after  # the example's finding left
    assert_chinese_rendered(page, output.locator(".tk-review-findings"))
    screenshot(page, screenshot_dir, "02-proposals")


def test_03_consultation_timeline(page: Page, course_lab: LabServer, screenshot_dir: Path) -> None:
    open_and_run(page, course_lab, NOTEBOOKS["03"])
    assert_clean_outputs(page)
    assert_code_collapsed(page, collapsed=True)
    meaning = page.locator(".tk-facts", has_text="民主监督的含义")
    meaning.get_by_text("以提出意见、批评、建议的方式进行的协商式监督").wait_for()
    timeline = page.locator(".tk-timeline").first
    timeline.scroll_into_view_if_needed()
    # 18 June 2026, the day before 端午: the official calendar skips the holiday.
    timeline.locator(".tk-timeline-input input[type=date]").fill("2026-06-18")
    output = timeline.locator(".tk-timeline-output")
    output.get_by_text("2026-05-28").wait_for()
    assert "2026-06-30" in output.inner_text() and "chinese-calendar" in output.inner_text()
    assert_chinese_rendered(page, output.locator("table"))
    screenshot(page, screenshot_dir, "03-consultation")


def test_04_sheqing_checker_flags_a_draft(
    page: Page, course_lab: LabServer, screenshot_dir: Path
) -> None:
    open_and_run(page, course_lab, NOTEBOOKS["04"])
    assert_clean_outputs(page)
    assert_code_collapsed(page, collapsed=True)
    chart = page.locator(".tk-bar-chart").first
    assert_chart_labels_legible(page, chart, "收到", screenshot_dir, "04-sheqing-chart")
    checker = page.locator(".tk-sheqing-check").last  # the empty one, for the trainee's draft
    checker.scroll_into_view_if_needed()
    output = checker.locator(".tk-sheqing-check-output")
    output.locator(".tk-sheqing-summary").wait_for()  # the "write a draft first" note
    before = output.inner_text()
    assert CODE_NAMES["missing_suggestions"] not in before and "公园厕所" not in before
    box = checker.locator(".tk-sheqing-check-input textarea")
    box.fill("关于公园厕所不足的情况反映\n公园厕所太少，节假日排长队。")
    checker.locator(".tk-sheqing-check-run").click()
    wait_changed(page, output, before, "关于公园厕所不足的情况反映")
    output.locator(".tk-review-findings li", has_text=CODE_NAMES["missing_suggestions"]).wait_for()
    assert_chinese_rendered(page, output.locator(".tk-review-findings"))
    screenshot(page, screenshot_dir, "04-sheqing-minyi")


def test_02_a_widget_cell_run_alone_after_a_kernel_restart_works(
    page: Page, course_lab: LabServer, screenshot_dir: Path
) -> None:
    open_and_run(page, course_lab, NOTEBOOKS["02"])
    # 内核 → 重启内核…, confirmed in the dialog: every variable of the notebook is gone.
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^内核$")).click()
    page.get_by_role("menuitem", name=re.compile(r"^重启内核…")).first.click()
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_text("重启内核").first.wait_for()
    dialog.locator(".jp-mod-accept").click()
    wait_idle(page)
    # Run only the ProposalReview cell, as a trainee does when a widget stops answering.
    cell = page.locator(".jp-Notebook .jp-CodeCell", has=page.locator(".tk-proposal-review"))
    # select the collapsed cell by its output prompt area (a click on the placeholder would
    # expand the code)
    cell.locator(".jp-OutputArea-promptOverlay").first.click()
    page.keyboard.press("Control+Enter")
    page.wait_for_function(
        CELL_RAN,
        arg=cell.element_handle(),
    )
    wait_idle(page)
    assert_clean_outputs(page)
    assert page.locator(".jp-Notebook .jp-OutputArea-output", has_text="NameError").count() == 0
    review = cell.locator(".tk-proposal-review")
    output = review.locator(".tk-proposal-review-output")
    before = output.inner_text()
    review.locator(".tk-proposal-review-input textarea").fill(
        "关于加强和改进各方面工作的建议\n建议有关部门高度重视，加强领导，进一步提高认识。"
    )
    review.locator(".tk-proposal-review-button").click()
    wait_changed(page, output, before, "关于加强和改进各方面工作的建议")
    screenshot(page, screenshot_dir, "02-proposals-after-restart")
