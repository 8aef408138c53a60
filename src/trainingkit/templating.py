"""Render the package's Jinja templates (``trainingkit/templates/``), always escaped.

HTML shown to trainees, feedback and reports is built from templates, never by
string concatenation. Jinja is imported on first use only.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

__all__ = ["render_template"]


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("trainingkit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render_template(name: str, /, **context: Any) -> str:
    """Render ``templates/<name>`` with autoescaping.

    Example:
        >>> html = render_template("check_result.html.j2", passed=True, message="<b>", points=None)
        >>> "&lt;b&gt;" in html
        True
    """
    return _environment().get_template(name).render(**context)
