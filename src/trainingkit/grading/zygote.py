"""Fast kernel starts: fork kernels from a process that has imported ipykernel.

Starting a Python kernel costs about a second of CPU, mostly imports, and
autograding starts one per notebook per trainee. A *zygote* pays the imports
once per worker slot; each kernel is a fork of it, so its state is fresh (a new
process with nothing of the trainee's before it) while the import work is shared.

The zygote runs in the slot's sandbox (bwrap: its own mount, network and PID
namespaces) as root, reading one JSON request per line on stdin:
``{"argv": [...], "cwd": ..., "env": {...}, "uid": ..., "gid": ...,
"connection_file": ...}``. It forks; the child starts a new session, drops to the
slot user (so trainee code cannot signal or trace the zygote), asks to die with
the zygote, and runs ipykernel with ``argv``. The zygote answers with the child's
pid as seen inside its namespace, which the parent translates (`host_pid`), and
reaps children as they exit.

`ZygoteProcess` is the small ``Popen``-like handle jupyter_client's provisioner
needs (poll, wait, kill, send_signal) for a kernel that is not its child.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from trainingkit.grading.sandbox import SCRATCH_PREFIX, Sandbox, die_with_parent

__all__ = ["Zygote", "ZygoteProcess", "host_pid", "main", "spawn"]


class ZygoteProcess:
    """A kernel forked by the zygote, seen from the worker."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """None while the kernel runs (a zombie counts as exited)."""
        if self.returncode is not None:
            return self.returncode
        try:
            with open(f"/proc/{self.pid}/stat", encoding="ascii") as handle:
                state = handle.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            state = "X"
        if state in ("Z", "X"):
            self.returncode = -1
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Block until the kernel has exited."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise TimeoutError(self.pid)
            time.sleep(0.05)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        """Signal the kernel (ignored once it has exited)."""
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signum)

    def kill(self) -> None:
        """SIGKILL the kernel."""
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        """SIGTERM the kernel."""
        self.send_signal(signal.SIGTERM)


def spawn(stdin: IO[str], stdout: IO[str], request: dict[str, Any]) -> ZygoteProcess:
    """Ask the zygote on the other end of the pipes for a kernel (pid as it sees it)."""
    stdin.write(json.dumps(request) + "\n")
    stdin.flush()
    answer = stdout.readline()
    if not answer:
        raise RuntimeError("kernel zygote has exited")
    return ZygoteProcess(int(json.loads(answer)["pid"]))


def host_pid(inner: int, pidns: str) -> int:
    """The pid, as this process sees it, of process ``inner`` of namespace ``pidns``.

    Reads ``NSpid`` (the process's pid in each nested namespace, outermost first)
    of every process in that namespace.
    """
    if os.readlink("/proc/self/ns/pid") == pidns:
        return inner
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.readlink(entry / "ns" / "pid") != pidns:
                continue
            status = (entry / "status").read_text(encoding="ascii")
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("NSpid:") and int(line.split()[-1]) == inner:
                return int(entry.name)
    raise RuntimeError(f"kernel {inner} of {pidns} not found")


class Zygote:
    """The parent's handle on one slot's zygote and its scratch folder.

    Each submission's `Sandbox` is created inside ``folder``, which the zygote's
    bubblewrap namespace shows at the same path.
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-z"))
        self.folder.chmod(0o711)
        command = [sys.executable, "-m", "trainingkit.grading.zygote"]
        if sandbox.bwrap is not None:
            command = [*sandbox.bwrap_prefix(self.folder), "--", *command]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            preexec_fn=sandbox.limit_resources,
            start_new_session=True,
        )

    @property
    def alive(self) -> bool:
        """Whether the zygote still runs."""
        return self.process.poll() is None

    def spawn(self, request: dict[str, Any]) -> ZygoteProcess:
        """A new kernel (see `spawn`)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        process = spawn(self.process.stdin, self.process.stdout, request)
        if self.sandbox.bwrap is not None:  # the answer is a pid in the zygote's namespace
            process.pid = host_pid(process.pid, self._pid_namespace())
        return process

    def _pid_namespace(self) -> str:
        """The PID namespace of bwrap's child (the namespace's init), ``pid:[inode]``.

        Read from ``/proc`` rather than sent by the zygote: every worker forked
        from the parent must be able to work it out for itself.
        """
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text(encoding="ascii")
                if f"\nPPid:\t{self.process.pid}\n" in status:
                    return os.readlink(entry / "ns" / "pid")
            except OSError:
                continue
        raise RuntimeError("kernel zygote has exited")

    def close(self) -> None:
        """Stop the zygote and remove its folder."""
        self.process.kill()
        self.process.wait()
        for handle in (self.process.stdin, self.process.stdout):
            if handle is not None:
                handle.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _reap(signum: int, frame: object) -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _become_kernel(request: dict[str, Any]) -> None:  # pragma: no cover - runs in the fork
    os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    uid = request.get("uid")
    if uid is not None:
        gid = int(request.get("gid") or uid)
        os.chown(request["connection_file"], uid, gid)
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
    os.umask(0o077)
    die_with_parent()
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    error_file = request.get("error_file")
    log = os.open(error_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600) if error_file else null
    os.dup2(log, 2)  # the kernel's own log, read by the worker if the kernel dies
    sys.path = [p for p in sys.path if p not in ("", os.getcwd())]
    sys.argv = ["ipykernel_launcher", *request["argv"]]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(argv=request["argv"])
    os._exit(0)


def _report(request: dict[str, Any]) -> None:  # pragma: no cover - runs in the fork
    """Leave the reason a kernel could not start where the worker can read it."""
    import traceback

    error_file = request.get("error_file")
    if error_file:
        with open(error_file, "a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())


def _warm_review() -> None:
    """Load what the 提案体检 loads on its first call, once for every kernel forked.

    The exercise notebooks review the trainee's draft, and a fresh kernel pays
    about 0.4 s for it on the first call (compiling the rule files, rjieba's
    dictionary, the text model). A review of a one-line draft here fills those
    caches before the fork. Grading does not depend on it: if it fails, every
    kernel loads them itself, as nbgrader's own kernels do.
    """
    with contextlib.suppress(Exception):  # a cache not filled is no reason to stop grading
        from trainingkit.review import review_proposal, review_sheqing

        review_proposal("关于加快推进老旧小区加装电梯的建议")
        review_sheqing("关于老旧小区加装电梯的情况反映")


def main() -> None:
    """The zygote's loop (``python -m trainingkit.grading.zygote``)."""
    # The point: import once, fork often: what ``IPKernelApp.initialize`` would
    # import in every kernel, the debugger and debugpy above all (about 140 ms of
    # each kernel's start here; traitlets imports them by name, so they are named).
    from ipykernel import debugger, ipkernel, kernelapp, zmqshell  # noqa: F401
    from IPython.core import interactiveshell  # noqa: F401

    _warm_review()
    die_with_parent()  # a killed grading run leaves no zygote behind
    signal.signal(signal.SIGCHLD, _reap)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            try:
                _become_kernel(request)
            except BaseException:
                _report(request)
            finally:
                os._exit(1)
        sys.stdout.write(json.dumps({"pid": pid}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
