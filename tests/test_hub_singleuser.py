"""The trainee server command: jupyterhub-singleuser without the IRI grammar."""

from __future__ import annotations

import subprocess
import sys

CODE = """\
import sys
sys.argv = ["jupyterhub-singleuser", "--version"]
from trainingkit.hub import singleuser
try:
    singleuser.main()
except SystemExit as done:
    import jupyter_server.serverapp  # what the real server imported
    print("exit", done.code, sys.modules["rfc3987_syntax"], "jsonschema" in sys.modules)
"""


def test_singleuser_runs_jupyterhub_singleuser_without_the_grammar():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    lines = out.stdout.split("\n")
    assert lines[-2].split() == ["exit", "0", "None", "True"], out.stdout + out.stderr
    assert lines[0][0].isdigit()  # the version jupyterhub-singleuser prints
