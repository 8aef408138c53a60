# JupyterHub >= 4.1 sends `frame-ancestors 'none'`, which blanks formgrader inside
# Lab's iframe (nbgrader issue #1870). Only the grader's server, which only
# instructors can open, lets pages of its own origin frame it.
c = get_config()  # noqa: F821
c.ServerApp.tornado_settings = {"headers": {"Content-Security-Policy": "frame-ancestors 'self'"}}
