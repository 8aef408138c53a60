"""Thin ipywidgets front-ends over the kit's functions, one module per course theme.

Each widget is a class with its controls as attributes, a ``widget`` root and
``_ipython_display_``, so a notebook cell can end with ``DutyPlanner()`` and a test
can build one, set control values and read what it shows, without a browser.
Root widgets carry a stable CSS class ``tk-<name>`` for browser tests.

Names are resolved lazily: ``from trainingkit.widgets import DutyPlanner`` imports
ipywidgets and the duties module only then; ``import trainingkit.widgets`` alone
imports neither. Every lesson widget of modules 00–04 is exported here, and stays
importable from its submodule too.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Public name -> submodule that defines it, grouped by lesson module.
_HOMES: dict[str, str] = {
    # shared by every lesson
    "BarChart": "bar_chart",
    "Facts": "common",
    "facts_table": "facts_view",
    "QuizWidget": "quiz",
    # 00-getting-started
    "HelloDemo": "intro",
    # 01-duties
    "AssessmentCalculator": "assessment",
    "DutyPlanner": "duties",
    "compliance_by_sector": "compliance",
    "compliance_chart": "compliance",
    # 02-proposals
    "ProposalReview": "proposals",
    "proposal_examples": "proposals",
    "statistics_chart": "proposals",
    "statistics_table": "proposals",
    "RegisterGame": "register_game",
    # 03-consultation
    "FormChooser": "consultation",
    "ProcedureOrder": "consultation",
    "TimelinePlanner": "consultation",
    # 04-sheqing-minyi
    "SheqingChecker": "sheqing",
    "sheqing_examples": "sheqing",
    "sheqing_scale_chart": "sheqing",
}

__all__ = sorted(_HOMES)  # names resolved lazily by __getattr__


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'trainingkit.widgets' has no attribute {name!r}")
    return getattr(import_module(f"trainingkit.widgets.{_HOMES[name]}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
