"""A trainee's (and the course service's) Jupyter server: ``jupyterhub-singleuser``, leaner.

``python -m trainingkit.hub.singleuser`` runs JupyterHub's single-user server
with imports it does not need kept out of the process, measured here as private
memory of every server:

- jsonschema's optional ``rfc3987_syntax`` (about 16 MB) is marked missing before
  jupyter_server imports jsonschema (through jupyter_events). It compiles 38 lark
  grammars on import for the "iri"/"iri-reference" format checks that no Jupyter,
  nbgrader or JupyterLab schema uses; jsonschema guards its import and simply
  skips those two checks.
- ``jupyterhub.log`` imports ``jupyterhub.handlers.pages`` only to test whether a
  finished request was the hub's health check (to log it at debug level). That
  one import pulls in every hub page handler, the hub's ``User``/``Spawner`` and
  cryptography. A single-user server never serves that handler, so a small module
  with a ``HealthCheckHandler`` class that nothing instantiates stands in for it.
- ``jupyterhub.orm`` (the hub database's SQLAlchemy models, with sqlalchemy.orm
  and alembic: about 25 MB together with the above) is imported by
  ``jupyterhub.scopes`` and ``jupyterhub.metrics`` for functions only the hub
  calls. It is registered as a module that imports the real one the first time
  any of its names is used, so it stays correct if something does need it.
- isoduration (with arrow, about 1 MB), which jsonschema imports for its
  "duration" format check, is marked missing the same way as rfc3987_syntax: no
  Jupyter schema uses that format and jsonschema skips the check without it.
- httpx's command-line client (``httpx._main``, which imports click, rich and
  pygments: about 4 MB) is marked missing before JupyterLab's PyPI extension
  manager imports httpx. httpx guards that import and only loses its ``httpx``
  command, which a server never runs.

Everything else is ``jupyterhub.singleuser`` itself.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__all__ = ["main"]

#: Modules a single-user server imports but never uses (see the module docstring).
DEFERRED = ("jupyterhub.orm",)
HEALTH_CHECK_MODULE = "jupyterhub.handlers.pages"


class _Deferred(types.ModuleType):
    """A module that imports the real one on first use of any of its names."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # import machinery probing (__path__, __file__ …)
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)
        return getattr(real, name)


def _skip_unused_imports() -> None:
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
        sys.modules.setdefault("isoduration", None)  # type: ignore[arg-type]
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    if "jupyterhub.log" not in sys.modules:
        pages = types.ModuleType(HEALTH_CHECK_MODULE, "The hub's health check, never served here.")
        pages.HealthCheckHandler = type("HealthCheckHandler", (), {})  # type: ignore[attr-defined]
        sys.modules.setdefault(HEALTH_CHECK_MODULE, pages)
    for name in DEFERRED:
        sys.modules.setdefault(name, _Deferred(name))


def main() -> None:
    """Start the single-user server (the hub's ``Spawner.cmd``)."""
    _skip_unused_imports()
    from jupyterhub.singleuser import main as singleuser_main

    sys.exit(singleuser_main())


if __name__ == "__main__":
    main()
