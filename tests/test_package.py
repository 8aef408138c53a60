"""The package itself: cheap to import, its docstring examples hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys

import pytest

import trainingkit

# Modules imported inside graded notebooks must not pull heavy libraries in.
HEAVY = ("pandas", "matplotlib", "nbgrader", "ipywidgets", "numpy", "jupyterhub")


def _modules() -> list[str]:
    names = ["trainingkit"]
    for info in pkgutil.walk_packages(trainingkit.__path__, "trainingkit."):
        if info.name != "trainingkit.__main__":  # importing it runs the CLI
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module", ["trainingkit", "trainingkit.checks"])
def test_light_modules_import_nothing_heavy(module: str) -> None:
    code = f"import sys, {module}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "", f"{module} imports {run.stdout.strip()}"
    assert run.stderr == ""


@pytest.mark.parametrize("module", _modules())
def test_docstring_examples_hold(module: str) -> None:
    mod = importlib.import_module(module)
    failures, _ = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0
