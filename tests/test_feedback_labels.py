"""The trainee's feedback page names questions 第N题, rendered by the kit's template."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from trainingkit.resources import template_path

EXERCISE = Path(__file__).parents[1] / "exercises" / "02-proposals" / "proposals_exercise.ipynb"


def test_the_feedback_page_lists_scores_by_question_number() -> None:
    import nbgrader
    from nbconvert import HTMLExporter

    formgrader = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader"
    notebook = nbformat.read(EXERCISE, as_version=4)
    for cell in notebook.cells:  # what autograde records: scores, the task still pending
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") or meta.get("task"):
            meta["score"] = None if meta.get("task") else float(meta["points"])
    exporter = HTMLExporter(
        template_file=str(template_path("feedback_notebook.html.j2")),
        extra_template_basedirs=[str(formgrader / "templates")],
        extra_template_paths=[str(formgrader / "static/node_modules/bootstrap/dist/css")],
    )
    resources = {"nbgrader": {"notebook": "n", "assignment": "a", "student": "s",
                              "timestamp": "t", "score": 11.0, "max_score": 18.0,
                              "late_penalty": 0}}  # fmt: skip
    html, _ = exporter.from_notebook_node(notebook, resources=resources)
    labels = re.findall(r'<li><a href="#[a-z_]+">([^<]*)</a>', html)
    assert labels == [
        "第1题（自动评分）",
        "第2题（自动评分）",
        "第3题（自动评分）",
        "第4题（自动评分）",
        "第5题（老师批阅）",
        "第5题（自动评分）",
        "第6题（自动评分）",  # the question on evaluating a reply (issue 13)
    ], labels
    assert "检查单元</a>" not in html and ">任务</a>" not in html
