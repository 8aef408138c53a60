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
