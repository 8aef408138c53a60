"""A trainee's (and the course service's) Jupyter server: ``jupyterhub-singleuser``, leaner.

``python -m trainingkit.hub.singleuser`` runs JupyterHub's single-user server
with one change: jsonschema's optional ``rfc3987_syntax`` is marked missing before
jupyter_server imports jsonschema (through jupyter_events). That package compiles
38 lark grammars on import, about 16 MB of every server's private memory here,
for the "iri"/"iri-reference" format checks that no Jupyter, nbgrader or
JupyterLab schema uses; jsonschema guards its import and simply skips those two
checks. Everything else is ``jupyterhub.singleuser`` itself.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """Start the single-user server (the hub's ``Spawner.cmd``)."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    from jupyterhub.singleuser import main as singleuser_main

    sys.exit(singleuser_main())


if __name__ == "__main__":
    main()
