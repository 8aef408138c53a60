"""Where trainee code runs: a scratch copy, another user, resource limits.

Each running submission gets a *slot*. As root, slot ``n`` runs its kernel as the
system user ``trainingkit-box<n>`` (created on demand with ``useradd``; no home,
no login shell, no supplementary groups), in a fresh scratch directory that only
that user can read, with ``RLIMIT_AS`` (memory), ``RLIMIT_CPU``, ``RLIMIT_NPROC``
and ``RLIMIT_FSIZE``. The cohort directory is ``0700`` root, so the kernel can
read neither the gradebook, nor the instructor's source, nor other trainees'
submissions, and can change no file of the cohort. One user per slot keeps two
kernels that run at the same time from reading each other's scratch; after each
submission every process left by the slot's user is killed.

Without root the kernel runs as the current user: the scratch copy and the
resource limits still apply, but the kernel can read whatever that user can —
`Sandbox.isolation` says so and ``trainingkit grade`` prints it.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import pwd
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "SCRATCH_PREFIX",
    "USER_PREFIX",
    "Limits",
    "Sandbox",
    "bwrap_error",
    "claim_slots",
    "closed_folder",
    "die_with_parent",
    "ensure_user",
    "kill_user_processes",
    "remove_stale_scratch",
    "unreachable_runtime",
]

USER_PREFIX = "trainingkit-box"
_PR_SET_PDEATHSIG = 1
SCRATCH_PREFIX = "trainingkit-grade-"


@dataclass(frozen=True)
class Limits:
    """Resource limits of one kernel.

    Attributes:
        memory_mb: Address space (``RLIMIT_AS``) in MiB.
        cpu_seconds: CPU time (``RLIMIT_CPU``); the kernel is killed beyond it.
        processes: Processes and threads of the slot's user (``RLIMIT_NPROC``).
        file_mb: Largest file the kernel may write (``RLIMIT_FSIZE``).
    """

    memory_mb: int = 2048
    cpu_seconds: int = 600
    processes: int = 128
    file_mb: int = 64


def ensure_user(slot: int) -> tuple[int, int]:
    """uid and gid of the slot's sandbox user, created if missing (root only)."""
    name = f"{USER_PREFIX}{slot}"
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--user-group",
             "--shell", "/usr/sbin/nologin", "--home-dir", "/nonexistent", name],
            check=True, capture_output=True,
        )  # fmt: skip
        entry = pwd.getpwnam(name)
    return entry.pw_uid, entry.pw_gid


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (no-op elsewhere)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def remove_stale_scratch() -> int:
    """Remove scratch folders left by grading runs that were killed; return how many."""
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*-*"):
        pid = folder.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or Path("/proc", pid).exists():
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed


def claim_slots(count: int) -> list[tuple[int, int]]:
    """Claim ``count`` sandbox users no other grading run is using.

    Each slot's user is exclusive to one run (a ``flock`` on a lock file, released
    when the run ends or dies), so killing all processes of the slot's user after
    a submission never touches another run's kernels.

    Returns:
        ``(slot, lock file descriptor)`` pairs; close the descriptors to release.
    """
    claimed: list[tuple[int, int]] = []
    slot = 0
    while len(claimed) < count:
        # root's lock files are 0600: another account keeps its own (never a PermissionError)
        owner = "" if os.geteuid() == 0 else f"-uid{os.geteuid()}"
        path = Path(tempfile.gettempdir()) / f".{USER_PREFIX}{slot}{owner}.lock"
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
        else:
            claimed.append((slot, descriptor))
        slot += 1
    return claimed


def kill_user_processes(uid: int) -> int:
    """SIGKILL every process owned by ``uid`` (a sandbox user); return how many."""
    killed = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != uid:
                continue
            os.kill(int(entry.name), signal.SIGKILL)
            killed += 1
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return killed


def _runtime_paths() -> set[Path]:
    """What the kernel needs to start: the Python install, the venv, the kit itself.

    Every folder on ``sys.path`` counts too (a ``.pth`` may add site-packages
    that live outside the venv); folders inside another one are left out, since
    binding the outer one shows them already.
    """
    import trainingkit

    package = Path(trainingkit.__file__).resolve().parent
    paths = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), package}
    cwd = Path.cwd().resolve()
    entries = {Path(entry).resolve() for entry in sys.path if entry and Path(entry).is_dir()}
    paths |= entries - {cwd}  # ``python -m`` puts the working folder on sys.path
    return {p for p in paths if not any(p != q and p.is_relative_to(q) for q in paths)}


def closed_folder(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that other users cannot enter, if any.

    A sandbox user has no group in common with anyone, so only the "others"
    permission bits count.
    """
    for folder in [*reversed(path.parents), path]:
        try:
            mode = folder.stat().st_mode
        except OSError:
            return folder
        if not mode & stat.S_IXOTH or (folder == path and not mode & stat.S_IROTH):
            return folder
    return None


def unreachable_runtime(*, bwrap: bool) -> tuple[Path, Path] | None:
    """``(runtime folder, closed folder)`` when a sandbox user cannot reach the runtime.

    With bubblewrap, runtime folders under ``/root`` and ``/tmp`` are shown to the
    kernel through open folders (`Sandbox.bwrap_prefix`); everything else must be
    reachable as it is.
    """
    for path in sorted(_runtime_paths()):
        if bwrap and any(path.is_relative_to(top) for top in ("/root", "/tmp")):
            continue
        folder = closed_folder(path)
        if folder is not None:
            return path, folder
    return None


def bwrap_error(bwrap: str | None = None) -> str:
    """Why bubblewrap cannot build the kit's sandbox here ("" when it can)."""
    bwrap = bwrap or shutil.which("bwrap")
    if bwrap is None:
        return "bwrap not found on PATH"
    probe = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net",
             "--unshare-pid", "--unshare-ipc", "--die-with-parent", "true"]  # fmt: skip
    try:
        done = subprocess.run(probe, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    return "" if done.returncode == 0 else (done.stderr.strip() or f"exit {done.returncode}")


def _kit_sources() -> tuple[Path, ...]:
    """The kit's own source assignments (solutions, hidden tests), hidden like the cohort."""
    from trainingkit.resources import ResourceMissing, exercises_dir

    found = set()
    with contextlib.suppress(ResourceMissing):
        found.add(exercises_dir().resolve())
    # Any other copy on the import path, e.g. the one an editable install leaves in
    # site-packages beside the .pth file.
    for entry in sys.path:
        copy = Path(entry or ".", "trainingkit", "exercises")
        if entry and copy.is_dir():
            found.add(copy.resolve())
    return tuple(sorted(found))


@dataclass
class Sandbox:
    """A scratch directory and the launch options of a kernel that runs in it.

    Use as a context manager; leaving it kills the slot user's processes and
    removes the scratch directory.
    """

    slot: int
    limits: Limits = field(default_factory=Limits)
    hide: tuple[Path, ...] = ()
    parent_dir: Path | None = None
    uid: int | None = None
    gid: int | None = None
    base: Path = field(init=False)
    work: Path = field(init=False)

    def __post_init__(self) -> None:
        if os.geteuid() == 0 and self.uid is None:
            self.uid, self.gid = ensure_user(self.slot)
        self.bwrap = shutil.which("bwrap") if self.uid is not None else None
        self.setpriv = shutil.which("setpriv")

    def bwrap_prefix(self, bind: Path) -> list[str]:
        """bubblewrap options that show the kernel nothing of the cohort.

        The whole file system is read-only; ``/tmp`` and ``/root`` are empty
        except for ``bind`` (scratch), the Python installation and the kit's own
        package (an editable install of a checkout under ``/tmp`` lives there);
        the cohort (``hide``) and the kit's source assignments are covered by
        empty folders.
        """
        assert self.bwrap is not None
        args = [self.bwrap, "--ro-bind", "/", "/", "--dev", "/dev",
                "--tmpfs", "/tmp", "--tmpfs", "/root"]  # fmt: skip
        for prefix in sorted(_runtime_paths()):
            for top in (Path("/root"), Path("/tmp")):
                if prefix.is_relative_to(top):
                    # bwrap would create the folders in between as 0700.
                    for parent in reversed(prefix.parents):
                        if parent.is_relative_to(top) and parent != top:
                            args += ["--perms", "0755", "--dir", str(parent)]
                    args += ["--ro-bind", str(prefix), str(prefix)]
        # Hidden last, so that no runtime folder bound above can show them again.
        for path in (*self.hide, *_kit_sources()):
            args += ["--tmpfs", str(path)]
        # Own network namespace (a loopback of its own, nothing else), own PID
        # namespace with its own /proc, own System V IPC. The kernel talks to the
        # grader through Unix sockets in the scratch folder (`ipc_prefix`), which
        # a network namespace does not separate.
        return [*args, "--bind", str(bind), str(bind), "--proc", "/proc",
                "--unshare-net", "--unshare-pid", "--unshare-ipc", "--die-with-parent"]  # fmt: skip

    def wrap(self, command: list[str]) -> list[str]:
        """The kernel command inside bubblewrap, as the slot user (root only).

        Without bwrap the command is returned unchanged (the slot user and the
        permissions of the cohort still protect it).
        """
        if self.bwrap is None or self.setpriv is None or self.uid is None:
            return command
        drop = [self.setpriv, f"--reuid={self.uid}", f"--regid={self.gid or self.uid}",
                "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--"]  # fmt: skip
        return [*self.bwrap_prefix(self.base), "--chdir", str(self.work), "--", *drop, *command]

    @property
    def isolation(self) -> str:
        """One line on what this sandbox protects, for the operator."""
        if self.uid is not None and self.bwrap is not None:
            return (
                f"隔离：学员代码以用户 {USER_PREFIX}N 在临时目录中运行，读不到培训班目录，"
                "没有网络，看不到本机其他进程。 Isolated: separate user per slot, cohort"
                " unreadable, no network, own process table (bubblewrap)."
            )
        if self.uid is not None:
            return (
                f"注意：没有 bubblewrap，隔离较弱：学员代码以用户 {USER_PREFIX}N 运行，"
                "读不到培训班目录，但可以联网、看到本机所有进程、读取其他用户都能读的文件。"
                " Weak isolation (no"
                " bubblewrap): separate user per slot and cohort unreadable, but trainee code has"
                " the network, sees every process and reads every world-readable file."
            )
        return (
            "注意：未以 root 运行，学员代码以当前用户身份运行，只有临时目录和资源限制，"
            "仍可读取当前用户能读的文件（包括成绩库）。 Not root: no user separation; "
            "trainee code can read what this user can read (incl. the gradebook)."
        )

    def __enter__(self) -> Sandbox:
        prefix = f"{SCRATCH_PREFIX}{os.getpid()}-"
        self.base = Path(tempfile.mkdtemp(prefix=prefix, dir=self.parent_dir))
        self.base.chmod(0o711)
        self.work = self.base / "work"
        self.work.mkdir(mode=0o700)
        self.ipc_prefix.parent.mkdir(mode=0o700)
        if self.uid is not None:  # the kernel binds its sockets there
            os.chown(self.ipc_prefix.parent, self.uid, self.gid or self.uid)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.uid is not None:
            kill_user_processes(self.uid)
        shutil.rmtree(self.base, ignore_errors=True)

    def populate(self, source: Path) -> None:
        """Copy a prepared submission into the scratch directory, owned by the slot user."""
        shutil.copytree(source, self.work, dirs_exist_ok=True)
        for sub in ("tmp", ".ipython", ".config/matplotlib"):
            (self.work / sub).mkdir(parents=True, exist_ok=True)
        if self.uid is not None:
            for path in [self.work, *self.work.rglob("*")]:
                os.lchown(path, self.uid, self.gid or self.uid)
                if not path.is_symlink():
                    path.chmod(0o700 if path.is_dir() else 0o600)

    @property
    def connection_file(self) -> Path:
        """Where the kernel's connection file goes (readable by the slot user only)."""
        return self.base / "kernel.json"

    @property
    def ipc_prefix(self) -> Path:
        """Where the kernel's Unix sockets go (``<prefix>-<n>``; jupyter_client's ``ip``).

        The folder belongs to the slot user; trainee code never sees it (it is not
        inside ``work``).
        """
        return self.base / "ipc" / "k"

    def launch_options(self) -> dict[str, object]:
        """Keyword arguments for ``KernelManager.start_kernel`` (Popen options)."""
        work = str(self.work)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": work,
            "TMPDIR": str(self.work / "tmp"),
            "IPYTHONDIR": str(self.work / ".ipython"),
            "MPLCONFIGDIR": str(self.work / ".config" / "matplotlib"),
            "LANG": "C.UTF-8",
            "PYTHONNOUSERSITE": "1",
            "NBGRADER_EXECUTION": "autograde",
            # One thread per numerical library keeps RLIMIT_AS/NPROC meaningful.
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
        }
        return {
            "env": env,
            "cwd": work,
            "preexec_fn": self._preexec(),
            # The kernel's own log lines are not the operator's business.
            "stdout": subprocess.DEVNULL if not os.environ.get("TK_DEBUG") else None,
            "stderr": subprocess.DEVNULL if not os.environ.get("TK_DEBUG") else None,
        }

    def limit_resources(self) -> None:
        """Apply the limits to this process (call in a forked child before exec)."""
        self._preexec(switch_user=False)()

    def _preexec(self, switch_user: bool = True) -> Callable[[], None]:
        limits, uid, gid = self.limits, self.uid, self.gid
        wrapped = self.bwrap is not None and self.setpriv is not None
        connection_file = str(self.connection_file) if switch_user else ""

        def preexec() -> None:  # runs in the forked child, before exec
            mib = 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb * mib,) * 2)
            resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds,) * 2)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_mb * mib,) * 2)
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            if uid is not None:
                resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes,) * 2)
            if not switch_user:
                return
            if uid is not None:
                os.chown(connection_file, uid, gid or uid)
            if uid is not None and not wrapped:  # otherwise setpriv drops to the user
                os.setgroups([])
                os.setgid(gid or uid)
                os.setuid(uid)
            os.umask(0o077)
            die_with_parent()  # after setuid, which clears the setting

        return preexec
