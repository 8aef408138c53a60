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
- SQLAlchemy itself (about 12 MB): ``jupyterhub.utils`` imports
  ``sqlalchemy.exc`` for the one exception class its ``catch_db_error`` (the hub's
  database handlers) catches, ``jupyterhub.scopes`` imports ``sqlalchemy`` for
  ``sa.inspect`` in functions only the hub calls, and ``jupyterhub.roles`` (hub
  only, like ``jupyterhub.orm``) imports ``sqlalchemy.func``. The two shared
  modules are imported first, with stand-ins in ``sys.modules`` that are removed
  again at once: ``sqlalchemy`` as a module that imports the real one on first use
  of a name (so ``sa.inspect`` still works), ``sqlalchemy.exc`` with a
  ``SQLAlchemyError`` that nothing raises. ``jupyterhub.roles`` is deferred like
  ``jupyterhub.orm``. SQLAlchemy is never imported half-way: a later ``import
  sqlalchemy`` (nbgrader's gradebook, on the first nbgrader request) is the real,
  whole import.
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
DEFERRED = ("jupyterhub.orm", "jupyterhub.roles")
#: The hub's modules a single-user server does use that import SQLAlchemy at the top
#: for the hub's database only; imported with SQLAlchemy stood in for.
SQLALCHEMY_IMPORTERS = ("jupyterhub.utils", "jupyterhub.scopes")
HEALTH_CHECK_MODULE = "jupyterhub.handlers.pages"


class _Deferred(types.ModuleType):
    """A module that imports the real one on first use of any of its names."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # import machinery probing (__path__, __file__ …)
            raise AttributeError(name)
        # this module, and a stand-in below it (sqlalchemy.exc), make way for the real ones
        for key, module in [(self.__name__, self), *_STAND_INS.items()]:
            below = key == self.__name__ or key.startswith(f"{self.__name__}.")
            if below and sys.modules.get(key) is module:
                del sys.modules[key]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)
        return getattr(real, name)


#: Stand-ins put in ``sys.modules`` while :data:`SQLALCHEMY_IMPORTERS` are imported.
_STAND_INS: dict[str, types.ModuleType] = {}


def _import_without_sqlalchemy() -> None:
    if "sqlalchemy" in sys.modules or any(name in sys.modules for name in SQLALCHEMY_IMPORTERS):
        return  # too late (or SQLAlchemy is there anyway): import nothing in a new order
    exc = types.ModuleType("sqlalchemy.exc", "Stand-in while the hub's modules import.")
    # caught only by jupyterhub.utils.catch_db_error, which only the hub's handlers use
    error = type("SQLAlchemyError", (Exception,), {"__module__": exc.__name__})
    exc.SQLAlchemyError = error  # type: ignore[attr-defined]
    _STAND_INS.update({"sqlalchemy": _Deferred("sqlalchemy"), "sqlalchemy.exc": exc})
    sys.modules.update(_STAND_INS)
    try:
        for name in SQLALCHEMY_IMPORTERS:
            importlib.import_module(name)
    finally:
        for name, module in _STAND_INS.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


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
    _import_without_sqlalchemy()


def main() -> None:
    """Start the single-user server (the hub's ``Spawner.cmd``)."""
    _skip_unused_imports()
    from jupyterhub.singleuser import main as singleuser_main

    sys.exit(singleuser_main())


if __name__ == "__main__":
    main()
