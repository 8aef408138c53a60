"""Thin ipywidgets front-ends over the kit's functions, one module per course theme.

Each widget is a class with its controls as attributes, a ``widget`` root and
``_ipython_display_``, so a notebook cell can end with ``DutyPlanner()`` and a test
can build one, set control values and read what it shows, without a browser.
Root widgets carry a stable CSS class ``tk-<name>`` for browser tests.

Names are resolved lazily: ``from trainingkit.widgets import DutyPlanner`` imports
ipywidgets and the duties module only then. The lesson widgets of modules 00, 03
and 04 (``intro``, ``consultation``, ``sheqing``, ``quiz``) are imported from their
submodules.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Public name -> submodule that defines it.
_HOMES: dict[str, str] = {
    "AssessmentCalculator": "assessment",
    "DutyPlanner": "duties",
    "compliance_by_sector": "compliance",
    "plot_compliance_by_sector": "compliance",
    "ProposalReview": "proposals",
    "proposal_examples": "proposals",
    "RegisterGame": "register_game",
    "facts_table": "facts_view",
}

__all__ = sorted(_HOMES)  # names resolved lazily by __getattr__


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'trainingkit.widgets' has no attribute {name!r}")
    return getattr(import_module(f"trainingkit.widgets.{_HOMES[name]}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
