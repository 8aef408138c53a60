"""A real cohort hub on 127.0.0.1 for the hub tests, and its clean-up.

`running_hub` runs ``trainingkit hub setup`` (the library call) for a small
roster, starts JupyterHub with the generated configuration, and on exit stops
the hub by pid and removes every system account, home, group and cgroup it
created — all named with a random ``tkt…-`` prefix, so no existing account is
ever touched. Everything listens on 127.0.0.1 on free ports.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import requests
from openpyxl import load_workbook

from trainingkit.cohort.roster import read_roster
from trainingkit.hub.accounts import remove_user
from trainingkit.hub.deploy import SetupResult, apply_setup
from trainingkit.hub.plan import HubOptions, HubPlan, build_plan

__all__ = [
    "ALLOWED_WORDS",
    "COURSE",
    "EXERCISE",
    "INSTRUCTOR",
    "LESSONS",
    "REPO",
    "TRAINEES",
    "Hub",
    "api_token",
    "english_words",
    "free_port",
    "login",
    "run_async",
    "running_hub",
    "set_up_hub",
    "start_server",
    "start_servers",
    "terminal_run",
    "visible_text",
    "wait_for",
]

REPO = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)
PROXY = REPO / "node_modules" / ".bin" / "configurable-http-proxy"
COURSE = "tkcourse"
#: The kit's real exercises and course: their lesson folders have exactly the exercise
#: ids (``01-duties``), which is what once hid every exercise from the trainees.
EXERCISE = "01-duties"
LESSONS = "lessons"
TRAINEES = ("t001", "t002", "t003")
INSTRUCTOR = "teacher1"
T = TypeVar("T")
#: Latin words a trainee may see on the hub's Chinese pages: product names, the protocol.
ALLOWED_WORDS = frozenset({"JupyterHub", "JupyterLab", "HTTP", "HTTPS"})


def english_words(text: str, *, allowed: Iterable[str] = ALLOWED_WORDS) -> list[str]:
    """Latin words of three letters or more in ``text`` that are not in ``allowed``."""
    known = set(allowed)
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in known]


def visible_text(html: str) -> str:
    """The text of ``html`` outside scripts, tags and the hub's hidden parts."""
    html = re.sub(r"<(script|noscript)\b.*?</\1>", "", html, flags=re.S)
    html = re.sub(r'<div class="modal fade".*?</div>\s*</div>\s*</div>\s*</div>', "", html,
                  flags=re.S)  # fmt: skip
    html = re.sub(r'<p id="insecure-login-warning".*?</p>', "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(check: Callable[[], Any], *, timeout: float, what: str) -> Any:
    """Poll ``check`` until it returns something truthy; fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.25)


@dataclass
class Hub:
    """A running cohort hub."""

    url: str
    plan: HubPlan
    setup: SetupResult
    passwords: dict[str, str]
    roster: Path
    process: subprocess.Popen[bytes]
    log: Path
    holds: Path
    created_users: list[str] = field(default_factory=list)

    def api(self, path: str) -> str:
        """URL of the hub's REST API ``path``."""
        return f"{self.url}hub/api{path}"

    @contextlib.contextmanager
    def held_spawn(self, name: str) -> Iterator[None]:
        """Inside the block, a start of ``name``'s server waits (the hub shows it pending).

        On a quick machine a server can be ready before the browser has followed the
        hub's redirect to its "starting" page, which then redirects on at once; a
        test that must read that page holds the spawn until it has.
        """
        hold = self.holds / name
        hold.touch()
        try:
            yield
        finally:
            hold.unlink(missing_ok=True)


def login(hub: Hub, name: str, password: str | None = None) -> requests.Session:
    """A browser-like session after the hub's login form; raises if login failed."""
    session = requests.Session()
    session.get(f"{hub.url}hub/login", timeout=30)
    response = session.post(
        f"{hub.url}hub/login?next=",
        data={
            "username": name,
            "password": password if password is not None else hub.passwords[name],
            "_xsrf": session.cookies.get("_xsrf", ""),
        },
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302:
        raise PermissionError(f"login of {name} failed: HTTP {response.status_code}")
    return session


def _reachable(path: Path) -> bool:
    """Whether every account can reach ``path``: it and each parent are o+x."""
    return all(p.stat().st_mode & 0o001 for p in (path, *path.parents))


_RUNTIME: Path | None = None


def shared_runtime() -> Path:
    """A Python environment every test account can run, built once per session.

    The test accounts cannot enter a private home such as ``/root``, where pyenv's
    interpreter or a CI clone (with its ``.venv`` and the editable ``src/``) may sit.
    When this venv is reachable as it is, it is used as it is. Otherwise a runtime is
    built in a world-readable temporary folder (removed at exit):

    - the interpreter: this venv's own when reachable; else a copy of the binary,
      ``libpython`` and the standard library, with a ``bin/python`` wrapper that
      finds the copied library;
    - the packages: a ``.pth`` to this venv's site-packages when reachable; else a
      copy of them (hard links when possible) with the editable ``trainingkit``
      replaced by a plain copy of the package;
    - the Jupyter data and configuration (extensions, Lab, kernels): linked or copied
      in the same way.

    Nothing outside the runtime folder changes.
    """
    global _RUNTIME
    import trainingkit

    python = Path(sys.executable).resolve()
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    venv_packages = VENV / "lib" / version / "site-packages"
    package = Path(trainingkit.__file__).resolve().parent
    packages_ok = _reachable(venv_packages) and _reachable(package)
    if _reachable(python) and _reachable(VENV / "bin" / "python") and packages_ok:
        return VENV
    if _RUNTIME is not None:
        return _RUNTIME
    folder = Path(tempfile.mkdtemp(prefix="tkhub-runtime-", dir="/tmp"))
    folder.chmod(0o755)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    runtime = folder / "python"
    site_packages = runtime / "lib" / version / "site-packages"
    if _reachable(python):
        base_python = Path(getattr(sys, "_base_executable", sys.executable))
        subprocess.run([str(base_python), "-m", "venv", "--without-pip", str(runtime)],
                       check=True)  # fmt: skip
        shutil.rmtree(site_packages)
    else:
        _copy_interpreter(python, runtime, version)
    if packages_ok:
        site_packages.mkdir()
        (site_packages / "trainingkit-tests.pth").write_text(
            f"import site; site.addsitedir({str(venv_packages)!r})\n"
        )
    else:
        _copy_tree(venv_packages, site_packages)
        for editable in site_packages.glob("__editable__*trainingkit*"):
            editable.unlink()  # removes the copy's link only; the venv keeps its file
        if not package.is_relative_to(venv_packages.resolve()):  # an editable install
            shutil.copytree(package, site_packages / "trainingkit",
                            ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
            _open_to_all(site_packages / "trainingkit")
    _copy_scripts(runtime / "bin" / "python", runtime / "bin")
    for shared in ("etc/jupyter", "share/jupyter"):  # server extensions, Lab, kernels
        (runtime / shared).parent.mkdir(parents=True, exist_ok=True)
        if _reachable(VENV / shared):
            (runtime / shared).symlink_to(VENV / shared)
        else:
            _copy_tree(VENV / shared, runtime / shared)
    _RUNTIME = runtime
    return runtime


def _copy_scripts(python: Path, bin_dir: Path) -> None:
    """The venv's ``trainingkit`` and ``jupyterhub`` scripts, run by the runtime's
    ``python`` (what ``hub setup`` links onto PATH and the course service finds)."""
    for name in ("trainingkit", "jupyterhub"):
        lines = (VENV / "bin" / name).read_text(encoding="utf-8").splitlines(keepends=True)
        script = bin_dir / name
        script.write_text(f"#!{python}\n" + "".join(lines[1:]), encoding="utf-8")
        script.chmod(0o755)


def _copy_interpreter(python: Path, runtime: Path, version: str) -> None:
    """Copy the binary, ``libpython`` and the standard library; add a wrapper."""
    home = Path(sys.base_prefix).resolve()
    (runtime / "bin").mkdir(parents=True)
    shutil.copy2(python, runtime / "bin" / version)
    (runtime / "lib").mkdir()
    for library in (home / "lib").glob("libpython*.so*"):
        shutil.copy2(library, runtime / "lib" / library.name)
    skip = shutil.ignore_patterns("site-packages", "test", "__pycache__", "idlelib", "tkinter")
    shutil.copytree(home / "lib" / version, runtime / "lib" / version, ignore=skip)
    _open_to_all(runtime)
    wrapper = runtime / "bin" / "python"
    wrapper.write_text(
        f'#!/bin/sh\nexport LD_LIBRARY_PATH="{runtime / "lib"}"\n'
        f'exec "{runtime / "bin" / version}" "$@"\n'
    )
    wrapper.chmod(0o755)


def _copy_tree(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` for every account: hard links when safe and possible.

    Hard links share the original files, so they are used only when every file and
    folder below ``source`` is already open to all (nothing needs a chmod) and both
    sides are on one filesystem; the copy's folders are new, so removing or adding
    entries in it never touches ``source``. Otherwise a real copy is opened to all.
    """
    closed = subprocess.run(
        ["find", str(source), "(", "-type", "d", "!", "-perm", "-o+rx", ")", "-o",
         "(", "-type", "f", "!", "-perm", "-o+r", ")", "-print", "-quit"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if not closed:
        linked = subprocess.run(["cp", "-a", "--link", str(source), str(target)],
                                capture_output=True, check=False)  # fmt: skip
        if linked.returncode == 0:
            return
        shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-a", str(source), str(target)], check=True)
    _open_to_all(target)


def _open_to_all(folder: Path) -> None:
    """Let every account read ``folder`` (a copy of ours) and run what it holds."""
    subprocess.run(["chmod", "-R", "o+rX,go-w", str(folder)], check=True)


def _setup(
    base: Path, prefix: str, ports: dict[str, int], mem_limit: str, trainees: tuple[str, ...]
) -> tuple[HubPlan, Path]:
    roster = base / "roster.csv"
    rows = ["账号,姓名,界别,单位,角色"]
    rows += [f"{t},学员{t}（虚构示例）,经济界,某公司,学员" for t in trainees]
    rows.append(f"{INSTRUCTOR},陈老师（虚构示例）,,培训中心,教师")
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    options = HubOptions(
        course=COURSE,
        base=base / "hub",
        home_root=base / "home",
        prefix=prefix,
        ip="127.0.0.1",
        port=ports["public"],
        hub_port=ports["hub"],
        proxy_api_port=ports["proxy"],
        service_port=ports["service"],
        mem_limit=mem_limit,
        course_source=REPO / "course",
        proxy_command=str(PROXY),
        venv=shared_runtime(),
        bin_dir=base / "bin",  # never the real /usr/local/bin
    )
    return build_plan(read_roster(roster), options), roster


def read_passwords(path: Path) -> dict[str, str]:
    """Login → initial password, read from the printable account list."""
    sheet = load_workbook(path).active
    assert sheet is not None
    return {str(r[1]): str(r[2]) for r in sheet.iter_rows(min_row=3, values_only=True)}


# Appended to the hub's configuration by the tests only (`Hub.held_spawn`). The kit
# sets no pre-spawn hook of its own on a local hub; were it to, the hub would not
# start rather than lose it.
_HOLD_CONFIG = """

# --- tests only: a spawn waits while a file named after its user is in {holds!r}
import asyncio as _asyncio
import os as _os

assert "pre_spawn_hook" not in c.Spawner, "the tests' hold would replace the kit's hook"


async def _wait_while_held(spawner):
    while _os.path.exists(_os.path.join({holds!r}, spawner.user.name)):
        await _asyncio.sleep(0.2)


c.Spawner.pre_spawn_hook = _wait_while_held
"""


@contextlib.contextmanager
def running_hub(*, mem_limit: str = "1G", trainees: tuple[str, ...] = TRAINEES) -> Iterator[Hub]:
    """Set up and start a cohort hub; stop it and remove everything afterwards."""
    base = Path(tempfile.mkdtemp(prefix="tkhub-", dir="/tmp"))
    base.chmod(0o755)  # trainees' servers must reach the exchange below it
    prefix = f"tkt{secrets.token_hex(2)}-"
    ports = {name: free_port() for name in ("public", "hub", "proxy", "service")}
    plan, roster = _setup(base, prefix, ports, mem_limit, trainees)
    users = [plan.grader, *(a.system_name for a in plan.accounts)]
    process: subprocess.Popen[bytes] | None = None
    log = base / "jupyterhub.log"
    try:
        url = f"http://127.0.0.1:{ports['public']}/"
        result = apply_setup(plan, roster, hub_url=url)
        assert result.account_list is not None
        holds = base / "holds"
        holds.mkdir()
        with plan.layout.hub_config.open("a", encoding="utf-8") as config:
            config.write(_HOLD_CONFIG.format(holds=str(holds)))
        env = {**os.environ, "PATH": f"{VENV / 'bin'}:{PROXY.parent}:{os.environ['PATH']}"}
        with log.open("wb") as out:
            process = subprocess.Popen(
                [str(VENV / "bin" / "jupyterhub"), "-f", str(plan.layout.hub_config)],
                cwd=plan.layout.state,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        passwords = read_passwords(result.account_list)
        hub = Hub(url, plan, result, passwords, roster, process, log, holds)
        hub.created_users = users

        def up() -> bool:
            assert process is not None and process.poll() is None, log.read_text()[-3000:]
            try:
                return requests.get(hub.api("/"), timeout=5).status_code == 200
            except requests.ConnectionError:
                return False

        wait_for(up, timeout=90, what="the hub to answer")
        yield hub
    finally:
        if process is not None:
            _stop(process)
        _cleanup(users, plan)
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def set_up_hub(trainees: tuple[str, ...] = TRAINEES) -> Iterator[tuple[HubPlan, Path]]:
    """``hub setup`` only (no hub started): the plan and roster; removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="tkhub-", dir="/tmp"))
    base.chmod(0o755)
    prefix = f"tkt{secrets.token_hex(2)}-"
    ports = {name: free_port() for name in ("public", "hub", "proxy", "service")}
    plan, roster = _setup(base, prefix, ports, "1G", trainees)
    try:
        apply_setup(plan, roster, hub_url=f"http://127.0.0.1:{ports['public']}/")
        yield plan, roster
    finally:
        _cleanup([plan.grader, *(a.system_name for a in plan.accounts)], plan)
        shutil.rmtree(base, ignore_errors=True)


def _stop(process: subprocess.Popen[bytes]) -> None:
    # SIGTERM: the hub stops the user servers, the services and the proxy it started.
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=45)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _cleanup(users: list[str], plan: HubPlan) -> None:
    import pwd

    for name in users:
        try:
            uid = pwd.getpwnam(name).pw_uid
        except KeyError:
            continue
        _kill_processes_of(uid)
    for name in users:
        remove_user(name)
        for cgroup in (
            Path("/sys/fs/cgroup/trainingkit") / name,
            Path("/sys/fs/cgroup/memory/trainingkit") / name,
        ):
            with contextlib.suppress(OSError):
                cgroup.rmdir()
    for parent in (Path("/sys/fs/cgroup/trainingkit"), Path("/sys/fs/cgroup/memory/trainingkit")):
        with contextlib.suppress(OSError):
            parent.rmdir()  # only when no other hub run still has a group in it


def _kill_processes_of(uid: int) -> None:
    """SIGKILL every process whose real uid is ``uid`` (a test account's leftovers)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if entry.stat().st_uid == uid:
                os.kill(int(entry.name), signal.SIGKILL)


def hub_json(session: requests.Session, url: str) -> Any:
    """GET a hub or server API URL as JSON (raises on HTTP errors)."""
    response = session.get(url, timeout=30)
    response.raise_for_status()
    return json.loads(response.text)


def api_token(hub: Hub, name: str) -> str:
    """Log in with the form, then ask the hub for an API token of ``name``."""
    session = login(hub, name)
    response = session.post(
        hub.api(f"/users/{name}/tokens"),
        json={"note": "hub test", "expires_in": 3600},
        headers={"X-XSRFToken": session.cookies.get("_xsrf") or ""},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["token"])


def start_server(hub: Hub, name: str, token: str) -> None:
    """Start ``name``'s server (if needed) and wait until the hub says it is ready."""
    start_servers(hub, {name: token})


def start_servers(hub: Hub, tokens: dict[str, str]) -> None:
    """Ask the hub to start several servers at once, then wait for all of them."""

    def model(name: str) -> dict[str, Any]:
        headers = {"Authorization": f"token {tokens[name]}"}
        user = requests.get(hub.api(f"/users/{name}"), headers=headers, timeout=30).json()
        return dict(user.get("servers", {}).get("", {}))

    for name, token in tokens.items():
        if not model(name):
            headers = {"Authorization": f"token {token}"}
            # timeout=1: the hub answers 202 at once when the spawn takes longer
            with contextlib.suppress(requests.Timeout):
                response = requests.post(hub.api(f"/users/{name}/server"), headers=headers,
                                         timeout=(10, 1))  # fmt: skip
                assert response.status_code in (201, 202), response.text
    for name in tokens:
        ready = functools.partial(lambda n: model(n).get("ready"), name)
        wait_for(ready, timeout=120, what=f"the server of {name}")


def run_async(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run the coroutine ``make()`` to completion from synchronous code.

    ``asyncio.run`` refuses to run while an event loop is running in this thread
    (Playwright's sync API keeps one open), and the coroutine passed to it is then
    never awaited. So the coroutine is created only where it will run: here when
    no loop is running, else in a fresh thread with its own loop.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())

    def in_thread() -> T:
        return asyncio.run(make())

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tk-async") as pool:
        return pool.submit(in_thread).result()


def terminal_run(base_url: str, token: str, command: str, *, timeout: float = 180) -> str:
    """Run ``command`` in a new terminal of the Jupyter server at ``base_url``.

    Goes through the server's REST and websocket APIs, as the Lab terminal does.
    Returns the output; raises if the exit status is not 0.
    """
    import asyncio
    import re

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    headers = {"Authorization": f"token {token}"}
    response = requests.post(f"{base_url}api/terminals", headers=headers, timeout=30)
    response.raise_for_status()
    name = response.json()["name"]
    ws_url = base_url.replace("http://", "ws://") + f"terminals/websocket/{name}"
    done = re.compile(r"__TK_DONE__(\d+)")

    async def talk() -> str:
        connection = await websocket_connect(HTTPRequest(ws_url, headers=headers))
        try:
            connection.write_message(json.dumps(["stdin", f"{command}; echo __TK_DONE__$?\r"]))
            output = ""
            loop = asyncio.get_running_loop()
            deadline = loop.time() + timeout
            while not done.search(output):
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise AssertionError(f"terminal command timed out: {command}\n{output[-3000:]}")
                message = await asyncio.wait_for(connection.read_message(), remaining)
                if message is None:
                    break
                kind, *rest = json.loads(message)
                if kind == "stdout":
                    output += rest[0]
            return output
        finally:
            connection.close()

    try:
        output = run_async(talk)
    finally:
        requests.delete(f"{base_url}api/terminals/{name}", headers=headers, timeout=30)
    match = done.search(output)
    assert match is not None and match.group(1) == "0", f"{command} failed:\n{output[-4000:]}"
    return output
