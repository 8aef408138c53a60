#!/usr/bin/env python3
"""Tidy the stored course and exercise notebooks: strip outputs, set metadata by rule.

Idempotent, like nbstripout: run it after editing or merging notebooks, and
``tests/test_course_notebooks.py`` checks that every stored notebook equals what
this script makes of it. Rules:

- every notebook: no outputs, no execution counts, no timing or UI-state metadata;
- lessons ``course/01-*`` and later: every code cell is collapsed
  (``jupyter.source_hidden``, JupyterLab's standard metadata), so a trainee sees text,
  widgets and charts; module 00, which teaches what a code cell is, keeps its cells
  open (and has any collapse removed);
- exercises: every cell is ``editable: false`` and ``deletable: false`` (a stray
  keystroke can no longer break an answer cell; nbgrader's LockCells only ever adds
  ``deletable: false`` and ClearSolutions changes sources only, so this survives the
  release), and every code cell is collapsed: the trainee answers in the widgets and
  reads the checks' one-line results, never code with internal question ids.

Usage: ``python scripts/tidy_notebooks.py [--check] [NOTEBOOK ...]`` (default: every
notebook under ``course/`` and ``exercises/``). ``--check`` changes nothing and exits
1 when a notebook is not tidy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
OPEN_MODULES = ("00-getting-started",)
UI_STATE = ("execution", "collapsed", "scrolled", "ExecuteTime")


def notebooks() -> list[Path]:
    """Every stored course and exercise notebook (checkpoints excluded), sorted."""
    found = [*REPO.glob("course/**/*.ipynb"), *REPO.glob("exercises/**/*.ipynb")]
    return sorted(path for path in found if ".ipynb_checkpoints" not in path.parts)


def _kind(path: Path) -> str:
    """``lesson``, ``open-lesson`` (module 00) or ``exercise``, from where the file sits."""
    parts = path.resolve().parts
    if "exercises" in parts:
        return "exercise"
    return "open-lesson" if any(module in parts for module in OPEN_MODULES) else "lesson"


def _set_hidden(cell: nbformat.NotebookNode, hidden: bool) -> None:
    jupyter = dict(cell.metadata.get("jupyter", {}))
    if hidden:
        jupyter["source_hidden"] = True
    else:
        jupyter.pop("source_hidden", None)
    if jupyter:
        cell.metadata["jupyter"] = jupyter
    else:
        cell.metadata.pop("jupyter", None)


def tidy(notebook: nbformat.NotebookNode, kind: str) -> nbformat.NotebookNode:
    """Apply the rules above to ``notebook`` (in place) and return it."""
    for cell in notebook.cells:
        for key in UI_STATE:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        if kind == "exercise":
            cell.metadata["editable"] = False
            cell.metadata["deletable"] = False
            _set_hidden(cell, cell.cell_type == "code")
        elif cell.cell_type == "code":
            _set_hidden(cell, kind == "lesson")
    return notebook


def tidy_text(path: Path) -> str:
    """The tidy text of the notebook at ``path`` (nbformat's own layout)."""
    notebook = nbformat.read(path, as_version=4)
    return nbformat.writes(tidy(notebook, _kind(path))) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report untidy notebooks")
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    untidy = []
    for path in args.paths or notebooks():
        text = tidy_text(path)
        if path.read_text(encoding="utf-8") != text:
            untidy.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    for path in untidy:
        print(("untidy: " if args.check else "tidied: ") + str(path))
    return 1 if args.check and untidy else 0


if __name__ == "__main__":
    sys.exit(main())
