"""nbgrader's trainee extensions behind `trainingkit.hub.lazy_nbgrader`: same routes, loaded late.

A real Jupyter server (in a subprocess, on 127.0.0.1) with only this extension
enabled: nbgrader is not imported when the server is ready, and nbgrader's own
handlers answer the first requests. The hub tests (`test_hub_e2e.py`,
`test_hub_browser.py`) run fetch, validate, submit and feedback through it.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import nbformat

from trainingkit.hub.lazy_nbgrader import EXTENSIONS, ROUTES

SERVER = """\
import asyncio, json, sys
from jupyter_server.serverapp import ServerApp
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

app = ServerApp()
app.initialize(argv=["--ServerApp.root_dir=" + sys.argv[1], "--ServerApp.ip=127.0.0.1",
                     "--ServerApp.port=0", "--IdentityProvider.token=t0ken",
                     "--ServerApp.open_browser=False", *sys.argv[3:]],
               find_extensions=False, new_httpserver=True)
assert "trainingkit.hub.lazy_nbgrader" in app.extension_manager.extensions
before = "nbgrader" in sys.modules

async def ask():
    client, base = AsyncHTTPClient(), app.connection_url.split("?")[0]
    async def call(method, path, body=None):
        request = HTTPRequest(base + path, method=method, body=body,
                              headers={"Authorization": "token t0ken"}, request_timeout=120)
        return json.loads((await client.fetch(request)).body)
    version = await call("GET", "nbgrader_version?version=" + sys.argv[2])
    valid = await call("POST", "assignments/validate", json.dumps({"path": "answer.ipynb"}))
    unknown = await call("GET", "nbgrader_version?version=0.0.1")
    print(json.dumps({"before": before, "after": "nbgrader" in sys.modules, "version": version,
                      "valid": valid, "unknown": unknown}))

app.io_loop.run_sync(ask)
"""


# as the hub configuration has it: nbgrader's extensions off, this one on
EXTENSION_FLAGS = [
    *(f"--ServerApp.jpserver_extensions=nbgrader.server_extensions.{name}=False"
      for name in (*EXTENSIONS, "formgrader")),
    "--ServerApp.jpserver_extensions=trainingkit.hub.lazy_nbgrader=True",
]  # fmt: skip


def _nbgrader_routes() -> set[tuple[str, str, str]]:
    routes = set()
    for extension in EXTENSIONS:
        module = importlib.import_module(f"nbgrader.server_extensions.{extension}.handlers")
        routes |= {(path, extension, cls.__name__) for path, cls in module.default_handlers}
    return routes


def test_the_routes_are_nbgraders_own() -> None:
    ours = set(ROUTES)
    # /nbgrader_version is registered by each extension; one of them serves it
    theirs = {r for r in _nbgrader_routes() if r[0] != "/nbgrader_version"}
    assert ours - {r for r in ours if r[0] == "/nbgrader_version"} == theirs
    assert [r[0] for r in ROUTES].count("/nbgrader_version") == 1


def test_nbgrader_loads_on_the_first_request_and_answers_itself(tmp_path: Path) -> None:
    import nbgrader

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    nbformat.write(notebook, tmp_path / "answer.ipynb")
    out = subprocess.run(
        [sys.executable, "-c", SERVER, str(tmp_path), nbgrader.__version__, *EXTENSION_FLAGS],
        capture_output=True, text=True, timeout=180, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["before"] is False and result["after"] is True
    assert result["version"] == {"success": True}
    assert result["valid"]["success"] is True, result["valid"]
    assert result["unknown"]["success"] is False  # nbgrader's own version-mismatch answer
    assert "labextension" in result["unknown"]["message"]
