"""Every course notebook runs headless without error or stderr, and is stored clean.

Notebooks are found by glob, so a new module is tested the day it is added and
none can be left off the list.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "course"
MODULES = (
    "00-getting-started",
    "01-duties",
    "02-proposals",
    "03-consultation",
    "04-sheqing-minyi",
)


def course_notebooks() -> list[Path]:
    """All stored course notebooks (checkpoints excluded), sorted."""
    return sorted(
        path for path in COURSE.glob("**/*.ipynb") if ".ipynb_checkpoints" not in path.parts
    )


NOTEBOOKS = course_notebooks()
IDS = [str(path.relative_to(COURSE)) for path in NOTEBOOKS]


def test_every_module_has_a_notebook() -> None:
    found = {path.relative_to(COURSE).parts[0] for path in NOTEBOOKS}
    missing = [module for module in MODULES if module not in found]
    assert not missing, f"course modules without a notebook: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_stored_valid_and_stripped(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.get("kernelspec", {}).get("name") == "python3"
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {index} has stored outputs"
            assert cell.execution_count is None, f"cell {index} has an execution count"
        assert "execution" not in cell.metadata, f"cell {index} keeps timing metadata"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_without_error_or_stderr(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first error
    stderr = [
        (index, output.get("text", ""))
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream" and output.name == "stderr"
    ]
    assert not stderr, f"output on stderr: {stderr}"
    errors = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors, f"error outputs in cells {errors}"


def _tidy_script():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "tidy_notebooks", REPO / "scripts" / "tidy_notebooks.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TIDY = _tidy_script()
ALL_NOTEBOOKS = TIDY.notebooks()


def test_the_tidy_script_sees_every_course_and_exercise_notebook() -> None:
    exercises = sorted((REPO / "exercises").glob("*/*.ipynb"))
    assert set(NOTEBOOKS) | set(exercises) == set(ALL_NOTEBOOKS) and exercises


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(REPO)))
def test_stored_notebook_equals_the_tidy_scripts_output(path: Path) -> None:
    # After a merge, run `python scripts/tidy_notebooks.py` and commit the result.
    assert path.read_text(encoding="utf-8") == TIDY.tidy_text(path)


def test_the_tidy_script_is_idempotent_and_really_tidies(tmp_path: Path) -> None:
    notebook = nbformat.read(NOTEBOOKS[1], as_version=4)
    code = next(c for c in notebook.cells if c.cell_type == "code")
    code.metadata.pop("jupyter", None)
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x")]
    target = tmp_path / "course" / "01-duties" / "duties.ipynb"
    target.parent.mkdir(parents=True)
    nbformat.write(notebook, target)
    assert TIDY.main(["--check", str(target)]) == 1
    assert TIDY.main([str(target)]) == 0
    assert TIDY.main(["--check", str(target)]) == 0
    tidied = nbformat.read(target, as_version=4)
    first = next(c for c in tidied.cells if c.cell_type == "code")
    assert first.outputs == [] and first.metadata["jupyter"]["source_hidden"] is True


LESSONS = [p for p in NOTEBOOKS if not p.relative_to(COURSE).parts[0].startswith("00-")]
RUN_ALL = "运行 → 运行所有单元格"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_lesson_code_is_collapsed_with_one_instruction_to_run_the_notebook(path: Path) -> None:
    cells = nbformat.read(path, as_version=4).cells
    code = [c for c in cells if c.cell_type == "code"]
    assert code and all(c.metadata.get("jupyter", {}).get("source_hidden") is True for c in code)
    first_code = next(i for i, c in enumerate(cells) if c.cell_type == "code")
    before = [c.source for c in cells[:first_code] if c.cell_type == "markdown"]
    assert sum(RUN_ALL in text and "Run All Cells" in text for text in before) == 1


def test_module_00_keeps_its_code_open() -> None:
    (path,) = [p for p in NOTEBOOKS if p.parent.name == "00-getting-started"]
    cells = nbformat.read(path, as_version=4).cells
    assert not [c for c in cells if c.metadata.get("jupyter", {}).get("source_hidden")]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_course_text_names_nbgraders_menu_item_as_it_appears(path: Path) -> None:
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    assert "Nbgrader → Assignments" not in text  # the menu item is "Assignment List"
    if "Assignments" in text:
        assert "Assignment List" in text


EXERCISE_NOTEBOOKS = sorted((REPO / "exercises").glob("*/*.ipynb"))


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.parent.name)
def test_every_answer_cell_runs_alone_and_knows_its_question_number(path: Path) -> None:
    import re

    heading = None
    for cell in nbformat.read(path, as_version=4).cells:
        found = re.search(r"^## 第 (\d+) 题", cell.source, re.M)
        if cell.cell_type == "markdown" and found:
            heading = int(found.group(1))
        if cell.metadata.get("nbgrader", {}).get("solution"):
            first, imports = cell.source.splitlines()[:2]
            assert first == f"# 第{heading}题的答题框（这个单元格也可以单独运行）"
            assert imports == "from trainingkit.exercise.sheet import sheet"
            assert f"    number={heading}," in cell.source, cell.metadata.nbgrader["grade_id"]
