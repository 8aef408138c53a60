"""One demo cohort per test session, built through ``trainingkit demo --no-lab``.

Building it costs about a minute and a half on two cores, so the feedback,
export, report and demo tests share it: the first caller builds it in the
session's temporary folder, later callers find the finished demo there (the
demo reuses a finished workdir) and get the first run's CLI output back.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainingkit.cli import main
from trainingkit.cohort.directory import Cohort
from trainingkit.demo.plan import DemoTrainee, plan_trainees
from trainingkit.grading.scrub import hidden_lines

#: Small, but enough for one of each broken or hostile submission.
TRAINEES = 8


def shared_demo(factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(workdir, output of the run that built it)."""
    workdir = factory.getbasetemp() / "shared-demo"
    log = factory.getbasetemp() / "shared-demo.log"
    if not log.is_file():
        result = CliRunner().invoke(
            main, ["demo", "--no-lab", "--trainees", str(TRAINEES), "--workdir", str(workdir)]
        )
        assert result.exit_code == 0, result.output + repr(result.exception)
        log.write_text(result.output, encoding="utf-8")
    return workdir, log.read_text(encoding="utf-8")


def demo_cohort(factory: pytest.TempPathFactory) -> Cohort:
    """The shared demo's cohort."""
    return Cohort.open(shared_demo(factory)[0] / "cohort")


def plan() -> list[DemoTrainee]:
    """The plan the shared demo was built from (same count, default seed)."""
    return plan_trainees(TRAINEES)


def who(kind: str) -> tuple[str, str]:
    """(trainee, assignment) of the planned broken or hostile submission ``kind``."""
    for person in plan():
        for assignment, hostile in person.hostile.items():
            if hostile == kind:
                return person.id, assignment
    raise LookupError(kind)


def secret_lines(cohort: Cohort) -> list[str]:
    """Every meaningful line of every hidden test in the instructor's source."""
    lines: list[str] = []
    for notebook in sorted(cohort.root.glob("source/*/*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            lines += hidden_lines("".join(cell["source"]))
    assert len(lines) > 20, lines
    return lines


def visible_text(path: Path) -> str:
    """A file's text as a reader sees it: HTML tags dropped and entities decoded."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    elif path.suffix in (".ipynb", ".json"):
        with contextlib.suppress(ValueError):  # a deliberately broken notebook: raw text
            text = "\n".join(_strings(json.loads(text)))
    return text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [
            "".join(v for v in value if isinstance(v, str)),
            *[s for v in value for s in _strings(v)],
        ]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def leaks(paths: list[Path], secrets: list[str]) -> dict[str, list[str]]:
    """file → hidden-test lines found in it (raw text, and text with HTML removed)."""
    found = {}
    for path in paths:
        raw = path.read_text(encoding="utf-8", errors="replace")
        texts = (raw, html.unescape(raw), visible_text(path))
        hits = [line for line in secrets if any(line in text for text in texts)]
        if hits:
            found[str(path)] = hits
    return found
