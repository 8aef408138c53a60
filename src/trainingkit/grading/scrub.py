"""The nbgrader preprocessor that keeps hidden tests out of feedback.

nbgrader 0.9.6's ``GenerateFeedback`` renders the autograded notebook, whose
grade cells were restored from the gradebook *with* their hidden tests: the test
code shows in the cell source and again in the traceback of a failed test
(STACK.md). nbgrader's ``ClearHiddenTests`` fixes only the source.
`ScrubHiddenTests` runs after ``GetGrades`` and, per notebook:

1. removes every ``BEGIN HIDDEN TESTS`` … ``END HIDDEN TESTS`` region and every
   ``BEGIN MARK SCHEME`` … ``END MARK SCHEME`` region from cell sources;
2. replaces *all* outputs of a cell that held hidden tests with one plain Chinese
   line: passed, or not passed and why;
3. hides any other output that contains a line of those hidden tests (a trainee's
   cell can print ``In`` or ``%history``, which hold later cells' code);
4. drops nbgrader's automatic comment "No response." on answer cells: the kit's
   exercises are answered in widgets, so the answer cell's code never changes and
   the comment would wrongly tell every trainee that they did not answer.
5. marks grades that still wait for manual grading (score ``None``), so the page
   says 待老师批阅 instead of a 0 that looks final.

Why the message of a failed hidden test is usually *not* shown: an ``assert``
written in a hidden test carries a message the instructor typed there, and it can
contain the expected answer (``assert x == 3, "应为 3"``) or be computed from it.
Only messages raised inside the kit's own check helpers (`trainingkit.checks`,
the answer sheet's ``require`` in `trainingkit.exercise.sheet`) are kept: those are
written and tested never to reveal the answer. A message counts as theirs when

* the traceback's innermost frame lies in one of those modules, or
* the traceback has no frames (the exercises switch IPython to its "Minimal"
  mode) and the cell's hidden test contains no ``assert`` or ``raise`` statement
  of its own, so an ``AssertionError`` can only have come from a helper.

Such a message is still dropped if it contains a hidden-test line. Everything
else becomes a fixed sentence.
"""

from __future__ import annotations

import ast
import re
import textwrap
from typing import Any

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import List, Unicode

from trainingkit.grading.manual import heading_label, labels_of_cells

__all__ = [
    "FAILED_HIDDEN",
    "HIDDEN_OUTPUT",
    "PASSED",
    "TRUSTED_MODULES",
    "ScrubHiddenTests",
    "hidden_lines",
    "strip_regions",
]

#: Shown instead of the outputs of a grade cell that passed.
PASSED = "✔ 通过了这一题的检查。"
#: Shown when a hidden test failed and its message may not be shown.
FAILED_HIDDEN = "✘ 没有通过这一题的检查（检查的具体内容不公开）。请对照课程内容再想一想。"
#: Shown instead of another output that quoted hidden test code.
HIDDEN_OUTPUT = "（这段输出含有不公开的检查内容，已隐去。）"

_REGIONS = (
    ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"),
    ("BEGIN MARK SCHEME", "END MARK SCHEME"),
)
#: Modules whose AssertionError messages are meant for trainees (they never state the
#: answer). A frame is theirs when its file *is* one of these modules (its path ends
#: in the module's own path), not when its name looks alike; a test imports each.
TRUSTED_MODULES = ("trainingkit.checks", "trainingkit.exercise.sheet")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_FRAME = re.compile(r"^(?:File\s+(\S+?)(?::\d+)?,|Cell In\[|Input In \[|\s*File \"([^\"]+)\")")
_ANSWER_TAG = re.compile(r"【[A-Za-z][A-Za-z0-9_]*】")  # sheet's printed 【question id】
_QUESTION_ID = re.compile(r"第「[A-Za-z][A-Za-z0-9_]*」题")  # sheet.require's message
_AUTO_COMMENT = "No response."  # nbgrader's comment on an unchanged answer cell
_MIN_LINE = 6  # shorter hidden lines (``)``, ``pass``) say nothing and match everywhere


def strip_regions(source: str) -> tuple[str, list[str]]:
    """Remove the hidden-test and mark-scheme regions; return (new source, removed lines).

    Example:
        >>> strip_regions("a = 1\\n### BEGIN HIDDEN TESTS\\nassert a == 1\\n### END HIDDEN TESTS")
        ('a = 1', ['assert a == 1'])
    """
    kept: list[str] = []
    removed: list[str] = []
    end: str | None = None
    for line in source.split("\n"):
        if end is None:
            begin = next((e for b, e in _REGIONS if b in line), None)
            if begin is not None:
                end = begin
            else:
                kept.append(line)
        elif end in line:
            end = None
        else:
            removed.append(line)
    return "\n".join(kept), removed


def hidden_lines(source: str) -> list[str]:
    """The meaningful lines (stripped, at least a few characters) of the hidden regions."""
    return _meaningful(strip_regions(source)[1])


def _meaningful(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if len(line.strip()) >= _MIN_LINE]


class ScrubHiddenTests(NbGraderPreprocessor):
    """Strip hidden tests and mark schemes from sources and outputs of a feedback notebook.

    ``notes`` (configurable) are plain sentences about how the submission was graded
    (e.g. deleted test cells restored); they are passed to the page template as
    ``resources["trainingkit_notes"]``.
    """

    notes = List(Unicode(), help="Grading remarks shown at the top of the page.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict) -> tuple[Any, Any]:
        """Scrub every cell; see the module docstring for the rules."""
        secret: list[str] = []
        hidden_cells: dict[int, list[str]] = {}
        for index, cell in enumerate(nb.cells):
            grading = cell.metadata.get("nbgrader", {})
            if grading.get("comment") == _AUTO_COMMENT:
                grading["comment"] = None
            source, removed = strip_regions(cell.source)
            if removed:
                cell.source = source
                secret += _meaningful(removed)
                if cell.cell_type == "code":
                    hidden_cells[index] = removed
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if index in hidden_cells:
                helpers_only = _helpers_only(hidden_cells[index])
                cell.outputs = [_stream(_verdict(cell.outputs, secret, helpers_only))]
            else:
                cell.outputs = [_scrub(output, secret) for output in cell.outputs]
        _number_questions(nb)
        _mark_pending(nb, resources)
        resources["trainingkit_labels"] = labels_of_cells(nb.cells)
        resources["trainingkit_title"] = _title(nb)
        resources["trainingkit_notes"] = [n for n in self.notes if not _quotes(n, secret)]
        return nb, resources


def _number_questions(nb: NotebookNode) -> None:
    """Question ids in printed answers and check messages (``【proposal_draft】``,
    ``第「proposal_draft」题``) become the question's number from the headings."""
    current = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            current = heading_label(cell.source) or current
            continue
        if cell.cell_type != "code" or not current:
            continue
        for output in cell.outputs:
            if output.get("output_type") == "stream":
                text = output.get("text", "")
                text = "".join(text) if isinstance(text, list) else str(text)
                text = _ANSWER_TAG.sub(f"【{current}】", text)
                output["text"] = _QUESTION_ID.sub(current, text)


def _title(nb: NotebookNode) -> str:
    """The exercise's own title: the first ``# `` heading of the notebook, or ``""``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def _mark_pending(nb: NotebookNode, resources: ResourcesDict) -> None:
    info = resources.get("nbgrader") or {}
    if not info.get("db_url"):
        return
    from nbgrader.api import Gradebook

    from trainingkit.cohort.config import quiet_nbgrader

    with quiet_nbgrader(), Gradebook(info["db_url"]) as gradebook:
        notebook = gradebook.find_submission_notebook(
            info["notebook"], info["assignment"], info["student"]
        )
        pending = {grade.name for grade in notebook.grades if grade.needs_manual_grade}
    for cell in nb.cells:
        grading = cell.metadata.get("nbgrader", {})
        if grading.get("grade_id") in pending and (grading.get("grade") or grading.get("task")):
            grading["score"] = None


def _verdict(outputs: list[Any], secret: list[str], helpers_only: bool) -> str:
    errors = [o for o in outputs if o.get("output_type") == "error"]
    if not errors:
        return PASSED
    error = errors[0]
    message = str(error.get("evalue", "")).strip()
    trusted = error.get("ename") == "AssertionError" and _from_helper(error, helpers_only)
    if trusted and message and not _quotes(message, secret):
        return f"✘ 没有通过这一题的检查：{message}"
    return FAILED_HIDDEN


def _from_helper(error: Any, helpers_only: bool) -> bool:
    """True when the error was raised by a trusted kit helper (see the module docstring)."""
    frames = []
    for entry in error.get("traceback", []):
        for line in _ANSI.sub("", str(entry)).splitlines():
            if _FRAME.match(line.strip()):
                frames.append(line.strip())
    if not frames:
        return helpers_only
    return _frame_module(frames[-1]) in TRUSTED_MODULES


def _frame_module(frame: str) -> str:
    """The dotted module name of a traceback frame's file (``""`` if not the kit's)."""
    found = _FRAME.match(frame)
    path = (found.group(1) or found.group(2) or "").strip('"') if found else ""
    parts = path.replace("\\", "/").split("/")
    if "trainingkit" not in parts or not path.endswith(".py"):
        return ""
    start = len(parts) - 1 - parts[::-1].index("trainingkit")
    return ".".join(parts[start:])[: -len(".py")]


def _helpers_only(hidden: list[str]) -> bool:
    """True when hidden test code has no ``assert`` or ``raise`` of its own (and parses)."""
    try:
        tree = ast.parse(textwrap.dedent("\n".join(hidden)))
    except SyntaxError:
        return False
    return not any(isinstance(node, ast.Assert | ast.Raise) for node in ast.walk(tree))


def _scrub(output: Any, secret: list[str]) -> Any:
    if secret and _quotes(_output_text(output), secret):
        return _stream(HIDDEN_OUTPUT)
    return output


def _quotes(text: str, secret: list[str]) -> bool:
    flat = _ANSI.sub("", text)
    return any(line in flat for line in secret)


def _output_text(output: Any) -> str:
    parts: list[str] = [str(output.get("evalue", ""))]
    parts += [str(t) for t in output.get("traceback", [])]
    text = output.get("text", "")
    parts.append("".join(text) if isinstance(text, list) else str(text))
    for value in (output.get("data") or {}).values():
        parts.append("".join(value) if isinstance(value, list) else str(value))
    return "\n".join(parts)


def _stream(text: str) -> NotebookNode:
    return from_dict({"output_type": "stream", "name": "stdout", "text": text + "\n"})
