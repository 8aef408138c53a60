"""The trainee server and kernel commands: the same programs, minus imports nobody uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

from trainingkit.hub.kernel import KERNEL_NAME, kernel_spec

CODE = """\
import sys
sys.argv = ["jupyterhub-singleuser", "--version"]
from trainingkit.hub import singleuser
try:
    singleuser.main()
except SystemExit as done:
    import jupyter_server.serverapp, jupyterlab.labapp  # what the real server imported
    print("exit", done.code, sys.modules["rfc3987_syntax"], sys.modules["isoduration"],
          "jsonschema" in sys.modules)
    print("unused", *sorted(m for m in ("alembic", "sqlalchemy", "sqlalchemy.exc", "cryptography",
                                        "click", "jupyterhub.user") if m in sys.modules))
    print("httpx", "httpx" in sys.modules, sys.modules["httpx._main"])
    from jupyterhub import orm  # the real models, on first use of a name
    print("orm", orm.Server.__tablename__, "alembic" in sys.modules)
    import sqlalchemy
    from jupyterhub import roles, scopes
    from nbgrader.api import Base, Student  # the whole SQLAlchemy, as on a first nbgrader panel
    from sqlalchemy.orm import Session
    engine = sqlalchemy.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as db:
        db.add(Student(id="t01"))
        print("sqlalchemy", scopes.sa.inspect is sqlalchemy.inspect, roles.func is sqlalchemy.func,
              [s.id for s in db.query(Student)])
"""


def test_singleuser_runs_jupyterhub_singleuser_without_what_it_does_not_use() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    lines = out.stdout.split("\n")
    assert lines[0][0].isdigit(), out.stdout + out.stderr  # the version it prints
    assert lines[-6].split() == ["exit", "0", "None", "None", "True"], out.stdout + out.stderr
    assert lines[-5].split() == ["unused"], out.stdout
    assert lines[-4].split() == ["httpx", "True", "None"], out.stdout
    assert lines[-3].split() == ["orm", "servers", "True"], out.stdout
    assert lines[-2].split() == ["sqlalchemy", "True", "True", "['t01']"], out.stdout


def test_the_trainee_kernel_runs_code_without_debugpy(tmp_path: Path) -> None:
    folder = tmp_path / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True)
    (folder / "kernel.json").write_text(json.dumps(kernel_spec()), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])
    manager = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)
    assert manager.kernel_spec is not None
    assert manager.kernel_spec.argv[:3] == ["python", "-m", "trainingkit.hub.kernel"]
    manager.start_kernel()
    client = manager.client()
    try:
        client.start_channels()
        client.wait_for_ready(timeout=120)
        seen: list[str] = []

        def keep(message: dict) -> None:
            if message["msg_type"] == "stream":
                seen.append(message["content"]["text"])

        code = "import sys; print(6 * 7, 'debugpy' in sys.modules, sys.modules['debugpy'])"
        reply = client.execute_interactive(code, timeout=120, output_hook=keep)
        assert reply["content"]["status"] == "ok", reply
        assert "".join(seen).split() == ["42", "True", "None"]
        info = client.kernel_info(reply=True, timeout=60)
        assert "debugger" not in info["content"]["supported_features"]  # no switch in Lab
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
