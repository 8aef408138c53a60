"""trainingkit: a Jupyter course kit for new CPPCC committee members.

The package is imported by every lesson and every graded notebook, so importing it
must stay cheap: heavy libraries (pandas, matplotlib, nbgrader) are imported by the
submodules that need them, never here.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
