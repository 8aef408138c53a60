"""nbgrader's trainee server extensions, with nbgrader imported on first use.

A trainee's server answers nbgrader's Lab panels (assignment list: fetch, submit,
fetch feedback; validate; the course list) through three server extensions of
nbgrader: ``assignment_list``, ``validate_assignment`` and ``course_list``. Loaded
as they are, they import the ``nbgrader`` package at server start, and its
``__init__`` imports every extension with all of ``nbgrader.apps``, the exchange,
nbconvert and the gradebook's SQLAlchemy models: about 23 MB of private memory in
every trainee's server, whether or not the trainee opens a panel that day.

This extension registers the same URL patterns (:data:`ROUTES`, nbgrader 0.9.6's
``default_handlers``) with stand-in handler classes. The first request to one of
them imports that nbgrader extension, runs nbgrader's own
``load_jupyter_server_extension`` (which puts the settings its handlers read, such
as the assignment list manager, in place) and from then on every request is
served by nbgrader's own handler class. Responses, authentication and errors are
nbgrader's. The hub configuration disables nbgrader's three extensions on trainee
servers and enables this one instead.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["EXTENSIONS", "ROUTES"]

#: nbgrader's trainee server extensions this one stands for.
EXTENSIONS = ("assignment_list", "validate_assignment", "course_list")

_ACTIONS = r"/assignments/(?P<action>fetch|submit|fetch_feedback)"

#: (URL pattern under the server's base URL, nbgrader extension, handler class),
#: as nbgrader's ``handlers.default_handlers`` lists them; ``/nbgrader_version`` is
#: registered by all three and served, as in nbgrader, by the first one loaded.
ROUTES = (
    ("/assignments", "assignment_list", "AssignmentListHandler"),
    (_ACTIONS, "assignment_list", "AssignmentActionHandler"),
    ("/courses", "assignment_list", "CourseListHandler"),
    ("/nbgrader_version", "assignment_list", "NbGraderVersionHandler"),
    ("/assignments/validate", "validate_assignment", "ValidateAssignmentHandler"),
    ("/formgraders", "course_list", "CourseListHandler"),
)


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    # imported here: the hub configuration reads EXTENSIONS without a Jupyter server
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join

    loaded: dict[str, ModuleType] = {}

    def handlers_of(extension: str) -> ModuleType:
        if extension not in loaded:
            module = importlib.import_module(f"nbgrader.server_extensions.{extension}.handlers")
            module.load_jupyter_server_extension(serverapp)  # nbgrader's settings
            loaded[extension] = module
        return loaded[extension]

    def stand_in(extension: str, name: str) -> type[JupyterHandler]:
        def __new__(cls: type, application: Any, request: Any, **kwargs: Any) -> Any:
            # Not an instance of ``cls``, so Python calls the real class's __init__ only.
            return getattr(handlers_of(extension), name)(application, request, **kwargs)

        return type(name, (JupyterHandler,), {"__new__": __new__, "__module__": __name__})

    base_url = serverapp.web_app.settings["base_url"]
    serverapp.web_app.add_handlers(
        ".*$",
        [(url_path_join(base_url, path), stand_in(ext, name)) for path, ext, name in ROUTES],
    )
    serverapp.log.info("nbgrader's trainee extensions registered; nbgrader loads on first use")
