"""Two trainee pods and the grader's pod, simulated: nobody reads another's work.

There is no cluster here. Each pod is a bubblewrap mount namespace whose mounts
are exactly those of the pod KubeSpawner builds from ``trainingkit hub k8s-values``
(`k8s_support.pod_manifests`): the exchange volume's sub-paths at their mount
paths, read-only where the pod spec says so, the home at ``/home/jovyan``, the
image's Jupyter settings at ``/opt/trainingkit/jupyter``. Everything runs as uid
1000 (jovyan), as on z2jh, so only the mounts separate the trainees. The course
goes through nbgrader's own client code and the kit's commands: release →
fetch → submit → collect → ``trainingkit grade`` → feedback → fetch feedback.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from k8s_support import pod_manifests, write_exercise

from trainingkit.cohort.roster import read_roster
from trainingkit.hub.k8s import EXCHANGE_MOUNT, EXCHANGE_VOLUME, k8s_values
from trainingkit.hub.plan import HubOptions, build_plan

pytestmark = [
    pytest.mark.slow,
    pytest.mark.nbgrader,
    pytest.mark.timeout(900),
    pytest.mark.skipif(shutil.which("bwrap") is None or os.geteuid() != 0,
                       reason="needs bubblewrap and root (scripts/setup.sh)"),
]  # fmt: skip

DEPLOY = Path(__file__).parents[1] / "deploy" / "kubernetes"
COURSE = "cppcc2026"
A, B = "t001", "t002"
GRADER = f"grader-{COURSE}"
JOVYAN = 1000, 100  # the Jupyter images' user and group; z2jh's singleuser.uid/fsGid
COURSE_ROOT = f"{EXCHANGE_MOUNT}/{COURSE}"

# What a pod looks at: every path below the exchange root with its content's
# first bytes, and what happens when it tries to write where it should not.
PROBE = r"""
import json, os, sys
root, course = sys.argv[1], sys.argv[2]
seen = {}
for folder, dirs, files in os.walk(root):
    for name in dirs + files:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, "rb") as fh:
                seen[path] = fh.read(64).decode("latin-1")
        else:
            seen[path] = None
writes = {}
for target in sys.argv[3:]:
    try:
        with open(target, "w") as fh:
            fh.write("changed by a trainee")
        writes[target] = "written"
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else ""
        writes[target] = type(error).__name__ + ":" + reason
print(json.dumps({"seen": seen, "writes": writes}))
"""


def _bind_runtime() -> list[str]:
    """Let jovyan run this Python and the kit, wherever they are installed.

    The pod's file system hides /root, /tmp, /srv, /opt and /home behind fresh tmpfs
    mounts; an interpreter, a venv or an editable checkout below one of them (pyenv
    in root's home, a CI clone under /tmp) is bound back in, read-only.
    """
    import trainingkit

    hidden = [Path(p) for p in ("/root", "/tmp", "/srv", "/opt", "/home")]
    package = Path(trainingkit.__file__).resolve().parent
    runtime = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), package}
    args = ["--tmpfs", "/root"]
    for path in sorted(runtime):
        top = next((h for h in hidden if path.is_relative_to(h)), None)
        if top is None:
            continue
        for parent in reversed(path.parents):
            if parent.is_relative_to(top) and parent != top:
                args += ["--perms", "0755", "--dir", str(parent)]
        args += ["--ro-bind", str(path), str(path)]
    return args


class Pod:
    """One pod of the cohort: its manifest, its home, a way to run commands in it."""

    def __init__(self, user: str, manifest: dict[str, Any], volume: Path, base: Path) -> None:
        self.user, self.manifest, self.volume = user, manifest, volume
        self.home = base / f"home-{user}"
        self.home.mkdir()
        os.chown(self.home, *JOVYAN)
        self.passwd = base / "passwd"
        if not self.passwd.exists():
            self.passwd.write_text("root:x:0:0::/root:/bin/sh\n"
                                   "jovyan:x:1000:100::/home/jovyan:/bin/bash\n")  # fmt: skip

    def _mounts(self, container: dict[str, Any]) -> list[str]:
        """bwrap binds for the container's volume mounts, read-only where the spec says."""
        volumes = {v["name"]: v for v in self.manifest["spec"].get("volumes", [])}
        args = []
        for mount in container.get("volumeMounts", []):
            volume = volumes[mount["name"]]
            if mount["name"] == EXCHANGE_VOLUME:
                assert volume["persistentVolumeClaim"]["claimName"] == "nbgrader-exchange"
                source = self.volume / mount.get("subPath", "")
            elif "persistentVolumeClaim" in volume:  # the home, one claim per user
                source = self.home
            else:
                raise AssertionError(f"the simulation does not model volume {volume}")
            # A container runtime creates missing mount points 0755 (bwrap: 0700).
            for parent in reversed(Path(mount["mountPath"]).parents):
                if parent != Path("/"):
                    args += ["--perms", "0755", "--dir", str(parent)]
            bind = "--ro-bind" if mount.get("readOnly") else "--bind"
            args += [bind, str(source), mount["mountPath"]]
        return args

    def run(self, *command: str, init: bool = False, check: bool = True
            ) -> subprocess.CompletedProcess[str]:  # fmt: skip
        """Run ``command`` in the server's container (or its init container) as jovyan."""
        spec = self.manifest["spec"]
        container = spec["initContainers"][0] if init else spec["containers"][0]
        uid = container.get("securityContext", {}).get("runAsUser", JOVYAN[0])
        env = {e["name"]: e["value"] for e in container.get("env", []) if "value" in e}
        args = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                "--tmpfs", "/tmp", "--tmpfs", "/srv", "--tmpfs", "/opt", "--tmpfs", "/home",
                *_bind_runtime(), "--ro-bind", str(self.passwd), "/etc/passwd",
                "--perms", "0755", "--dir", "/opt/trainingkit",  # the image's kit folder
                "--ro-bind", str(DEPLOY / "jupyter"), "/opt/trainingkit/jupyter",
                *self._mounts(container), "--unshare-pid", "--die-with-parent",
                "--clearenv", "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin",
                "--setenv", "HOME", "/home/jovyan", "--setenv", "TMPDIR", "/tmp"]  # fmt: skip
        for name, value in env.items():
            args += ["--setenv", name, value]
        drop = ["setpriv", f"--reuid={uid}", f"--regid={JOVYAN[1]}", "--clear-groups", "--"]
        args += ["--chdir", "/home/jovyan" if not init else "/", "--", *drop]
        done = subprocess.run([*args, *command], capture_output=True, text=True, check=False)
        if check:
            assert done.returncode == 0, f"{self.user}: {command}\n{done.stdout}\n{done.stderr}"
        return done

    def nbgrader(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # No hub answers here: the course list comes from the config, not the hub's groups.
        noauth = "--Authenticator.plugin_class=nbgrader.auth.NoAuthPlugin"
        return self.run(sys.executable, "-m", "nbgrader", *args, noauth, check=check)

    def kit(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "trainingkit", *args)

    def probe(self, *writes: str) -> dict[str, Any]:
        done = self.run(sys.executable, "-c", PROBE, EXCHANGE_MOUNT, COURSE, *writes)
        return dict(json.loads(done.stdout))


def _answer(pod: Pod, sectors: int) -> None:
    """The trainee writes an answer into the fetched notebook, as in Lab."""
    path = pod.home / COURSE / "ex01" / "ex01.ipynb"
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution"))
    cell.source = f"sectors = {sectors}"
    nbformat.write(notebook, path)
    os.chown(path, *JOVYAN)


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Pod]:
    base = tmp_path_factory.mktemp("k8s-pods")
    roster = base / "roster.csv"
    roster.write_text("账号,姓名,界别,单位,角色\n"
                      f"{A},张三（虚构示例）,经济界,某公司,学员\n"
                      f"{B},李四（虚构示例）,教育界,某学校,学员\n"
                      "teacher1,陈老师（虚构示例）,,培训中心,教师\n", encoding="utf-8")  # fmt: skip
    plan = build_plan(read_roster(roster), HubOptions(course=COURSE, base=base / "hub"))
    values = k8s_values(plan, image="registry.example.org/trainingkit-trainee", tag="0.1.0")
    manifests = pod_manifests(values, [A, B, GRADER], base)
    volume = base / "volume"  # the ReadWriteMany claim's root, as the grader's pod sees it
    volume.mkdir()
    os.chown(volume, *JOVYAN)
    pods = {user: Pod(user, manifest, volume, base) for user, manifest in manifests.items()}
    for user in (A, B):  # the kubelet runs init containers before the server starts
        spec = pods[user].manifest["spec"]["initContainers"][0]
        pods[user].run(*spec["command"], init=True)
    grader = pods[GRADER]
    write_exercise(grader.home / "exercises")
    subprocess.run(["chown", "-R", "1000:100", str(grader.home)], check=True)
    grader.kit("cohort", "init", f"/home/jovyan/{COURSE}", "--name", COURSE,
               "--exchange", EXCHANGE_MOUNT, "--exercises", "/home/jovyan/exercises")  # fmt: skip
    with (grader.home / COURSE / "nbgrader_config.py").open("a") as config:  # README step
        config.write('load_subconfig("/opt/trainingkit/jupyter/grader/nbgrader_exchange.py")\n')
    grader.kit("release", "ex01", "--cohort", COURSE)
    return pods


def _names_of(pod: Pod) -> set[str]:
    """Names of the trainee's submissions and feedback files on the volume."""
    mine = [pod.volume / COURSE / step / pod.user for step in ("inbound", "feedback")]
    return {p.name for folder in mine for p in folder.rglob("*")} - {
        "ex01.ipynb",
        "timestamp.txt",
        "submission_secret.txt",
    }


def _names_in(view: dict[str, Any]) -> set[str]:
    return {Path(p).name for p in view["seen"]}


def _under(view: dict[str, Any], folder: str) -> dict[str, Any]:
    return {p: v for p, v in view["seen"].items() if p.startswith(folder + "/")}


def test_trainees_fetch_and_submit_and_see_only_their_own_submissions(
    cohort: dict[str, Pod],
) -> None:
    a, b = cohort[A], cohort[B]
    for pod, sectors in ((a, 34), (b, 30)):
        pod.nbgrader("fetch_assignment", "ex01")
        _answer(pod, sectors)
        pod.nbgrader("submit", "ex01")
    listed = a.nbgrader("list", "--inbound")
    assert f"{COURSE} {A} ex01" in listed.stderr + listed.stdout
    assert B not in listed.stderr + listed.stdout

    view = a.probe(f"{COURSE_ROOT}/outbound/ex01/ex01.ipynb", f"{COURSE_ROOT}/inbound/{B}",
                   f"{COURSE_ROOT}/feedback/x.html", f"{EXCHANGE_MOUNT}/x")  # fmt: skip
    inbound = _under(view, f"{COURSE_ROOT}/inbound")
    assert inbound and all(p.split("/")[6].startswith(f"{A}+ex01+") for p in inbound)
    assert not _names_of(b) & _names_in(view)  # nothing of B's anywhere in A's pod
    assert f"{COURSE_ROOT}/outbound/ex01/ex01.ipynb" in view["seen"]  # the release is there
    # The release and the exchange root are read-only; B's folder is not there to write.
    assert view["writes"][f"{COURSE_ROOT}/outbound/ex01/ex01.ipynb"].startswith("OSError")
    assert "Read-only" in view["writes"][f"{COURSE_ROOT}/outbound/ex01/ex01.ipynb"]
    assert "Read-only" in view["writes"][f"{COURSE_ROOT}/feedback/x.html"]
    assert view["writes"][f"{EXCHANGE_MOUNT}/x"].startswith("PermissionError")
    # Writing a file called t002 lands in A's own folder, which is all A can write.
    assert view["writes"][f"{COURSE_ROOT}/inbound/{B}"] == "written"
    assert (a.volume / COURSE / "inbound" / A / B).is_file()
    assert not (a.volume / COURSE / "inbound" / B / B).exists()

    # The same probe in the grader's pod sees both trainees' submissions.
    grader_view = cohort[GRADER].probe()
    folders = {p.split("/")[6] for p in _under(grader_view, f"{COURSE_ROOT}/inbound")}
    assert {A, B} <= folders


def test_a_submission_in_another_trainees_name_is_not_collected(cohort: dict[str, Pod]) -> None:
    a = cohort[A]
    (a.volume / COURSE / "inbound" / A / B).unlink(missing_ok=True)
    a.nbgrader("submit", "ex01", f"--student={B}")  # newer than B's own submission
    forged = list((a.volume / COURSE / "inbound" / A).glob(f"{B}+ex01+*"))
    assert len(forged) == 1  # it landed in A's own folder, the only one A can write

    grader = cohort[GRADER]
    collected = grader.kit("collect", "ex01", "--cohort", COURSE)
    assert "2" in collected.stdout, collected.stdout
    submitted = grader.home / COURSE / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == [A, B]
    b_notebook = (submitted / B / "ex01" / "ex01.ipynb").read_text(encoding="utf-8")
    assert "sectors = 30" in b_notebook  # B's own work, not A's forgery (sectors = 34)


def test_graded_feedback_reaches_only_its_trainee(cohort: dict[str, Pod]) -> None:
    grader = cohort[GRADER]
    if not (grader.home / COURSE / "submitted" / B).is_dir():
        grader.kit("collect", "ex01", "--cohort", COURSE)
    grader.kit("grade", "ex01", "--cohort", COURSE, "--jobs", "1")
    grader.kit("feedback", "ex01", "--cohort", COURSE)
    released = {user: sorted((grader.volume / COURSE / "feedback" / user).glob("*.html"))
                for user in (A, B)}  # fmt: skip
    assert all(len(pages) == 1 for pages in released.values()), released

    pages = {}
    for user in (A, B):
        pod = cohort[user]
        pod.nbgrader("fetch_feedback", "ex01")
        fetched = list((pod.home / COURSE / "ex01" / "feedback").glob("*/ex01.html"))
        assert len(fetched) == 1, fetched
        pages[user] = fetched[0].read_text(encoding="utf-8")
        view = pod.probe(f"{COURSE_ROOT}/feedback/{released[user][0].name}")
        other = B if user == A else A
        assert not _names_of(cohort[other]) & _names_in(view)
        feedback = _under(view, f"{COURSE_ROOT}/feedback")
        assert sorted(Path(p).name for p in feedback) == [released[user][0].name]
        assert released[other][0].name not in json.dumps(view["seen"])
        assert "Read-only" in view["writes"][f"{COURSE_ROOT}/feedback/{released[user][0].name}"]
    assert pages[A] != pages[B]
    assert "2 / 2" in pages[A].replace("\n", " ") or "2.0 / 2.0" in pages[A]
    assert "0 / 2" in pages[B].replace("\n", " ") or "0.0 / 2.0" in pages[B]
