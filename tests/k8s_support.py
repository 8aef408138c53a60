"""What Zero to JupyterHub and KubeSpawner make of `k8s_values`, without a cluster.

`spawner_config` turns the Helm values into the traitlets configuration that the
z2jh 4.4.0 hub image's ``jupyterhub_config.py`` builds from them, for the keys
this kit sets (the chart's ``files/hub/jupyterhub_config.py``: ``hub.config``
sections, the ``singleuser`` trait table, dynamic home storage with
``extraVolumes``/``extraVolumeMounts`` as *dicts*, ``hub.extraConfig`` run with
``c`` in scope). Every section must name a configurable class and every key one
of its configurable traits, or `unknown_traits` reports it.

`pod_manifests` then asks KubeSpawner itself, as the hub would at spawn time: it
runs the pre-spawn hook and ``get_pod_manifest`` for a user, and returns the pod
as the JSON the Kubernetes API would receive. KubeSpawner needs a kube config to
start; `pod_manifests` gives it one that points at nothing, and nothing is sent.
"""

from __future__ import annotations

import asyncio
import copy
import os
import re
from pathlib import Path
from typing import Any

import nbformat
from traitlets.config import Config

__all__ = ["pod_manifests", "spawner_config", "unknown_traits", "volume_mounts", "write_exercise"]

# z2jh 4.4.0 values.yaml defaults that its jupyterhub_config.py reads for us.
_HOME_VOLUME = "volume-{user_server}"
_HOME_MOUNT = "/home/jovyan"
_UID, _FS_GID = 1000, 100

_KUBECONFIG = """\
apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:9"}}]
users: [{name: none, user: {token: none}}]
contexts: [{name: none, context: {cluster: none, user: none, namespace: cohort}}]
current-context: none
"""


def _camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)


def spawner_config(values: dict[str, Any]) -> Config:
    """The hub's traitlets configuration from the Helm ``values``, as z2jh 4.4.0 builds it."""
    values = copy.deepcopy(values)
    c = Config()
    c.JupyterHub.spawner_class = "kubespawner.KubeSpawner"
    single = values.get("singleuser", {})
    c.KubeSpawner.uid = single.get("uid", _UID)
    c.KubeSpawner.fs_gid = single.get("fsGid", _FS_GID)
    for trait, key in (
        ("lifecycle_hooks", None), ("init_containers", None),
        ("mem_limit", "memory.limit"), ("mem_guarantee", "memory.guarantee"),
        ("cpu_limit", "cpu.limit"), ("cpu_guarantee", "cpu.guarantee"),
        ("environment", "extraEnv"), ("extra_pod_config", None),
    ):  # fmt: skip
        found: Any = single
        for part in (key or _camel(trait)).split("."):
            found = found.get(part) if isinstance(found, dict) else None
        if found is not None:
            c.KubeSpawner[trait] = found
    image = single.get("image", {})
    if image.get("name"):
        c.KubeSpawner.image = (
            f"{image['name']}:{image['tag']}" if image.get("tag") else image["name"]
        )
    if single.get("defaultUrl"):
        c.Spawner.default_url = single["defaultUrl"]
    storage = single.get("storage", {})
    if storage.get("type", "dynamic") != "dynamic":
        raise NotImplementedError("only z2jh's default dynamic home storage is modelled")
    c.KubeSpawner.storage_pvc_ensure = True
    if "capacity" in storage:
        c.KubeSpawner.storage_capacity = storage["capacity"]
    volumes = {
        _HOME_VOLUME: {"name": _HOME_VOLUME, "persistentVolumeClaim": {"claimName": "{pvc_name}"}}
    }
    mounts = {_HOME_VOLUME: {"mountPath": _HOME_MOUNT, "name": _HOME_VOLUME}}
    for volume in storage.get("extraVolumes", []):
        volumes[volume["name"]] = volume
    for index, mount in enumerate(storage.get("extraVolumeMounts", [])):
        mounts[f"{index}-{mount['name']}"] = mount
    c.KubeSpawner.volumes = volumes
    c.KubeSpawner.volume_mounts = mounts
    if values.get("scheduling", {}).get("userScheduler", {}).get("enabled"):
        c.KubeSpawner.scheduler_name = "cohort-user-scheduler"
    for section, settings in values.get("hub", {}).get("config", {}).items():
        c[section].update(settings)
    for _key, source in sorted(values.get("hub", {}).get("extraConfig", {}).items()):
        exec(compile(source, "hub.extraConfig", "exec"), {"c": c})
    return c


def unknown_traits(config: Config) -> list[str]:
    """``Section.key`` of every setting no configurable class of the hub accepts."""
    from jupyterhub.app import JupyterHub
    from jupyterhub.auth import Authenticator
    from jupyterhub.spawner import Spawner
    from kubespawner import KubeSpawner
    from nativeauthenticator import NativeAuthenticator

    classes = {cls.__name__: cls for cls in (JupyterHub, Authenticator, NativeAuthenticator,
                                             Spawner, KubeSpawner)}  # fmt: skip
    unknown = []
    for section, settings in config.items():
        cls = classes.get(section)
        known = set(cls.class_trait_names(config=True)) if cls else set()
        unknown += [f"{section}.{key}" for key in settings if key not in known]
    return unknown


class _User:
    """What KubeSpawner reads of a hub user."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.id = abs(hash(name)) % 10_000
        self.url = f"/user/{name}/"


def pod_manifests(values: dict[str, Any], users: list[str], workdir: Path) -> dict[str, Any]:
    """user → the pod KubeSpawner would create for them from ``values`` (API JSON).

    Runs in a child process: kubernetes_asyncio reads ``KUBECONFIG`` when it is
    imported, and the kube config given to it points at nothing.
    """
    import json
    import subprocess
    import sys

    import yaml

    (workdir / "kubeconfig-nowhere.yaml").write_text(_KUBECONFIG, encoding="utf-8")
    (workdir / "values.yaml").write_text(yaml.safe_dump(values), encoding="utf-8")
    env = {**os.environ, "KUBECONFIG": str(workdir / "kubeconfig-nowhere.yaml")}
    done = subprocess.run(
        [sys.executable, __file__, str(workdir / "values.yaml"), *users],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout))


async def _pods(config: Config, users: list[str]) -> dict[str, Any]:
    from jupyterhub.utils import maybe_future
    from kubernetes_asyncio.client import ApiClient
    from kubespawner import KubeSpawner

    pods = {}
    async with ApiClient() as client:
        for user in users:
            spawner = KubeSpawner(_mock=True, config=config, user=_User(user))
            try:
                await maybe_future(spawner.run_pre_spawn_hook())
                pods[user] = client.sanitize_for_serialization(await spawner.get_pod_manifest())
            finally:
                await spawner.api.api_client.close()
    return pods


def volume_mounts(pod: dict[str, Any], volume: str, container: str | None = None) -> list[dict]:
    """Mounts of the pod volume ``volume`` in a container (default: the server's)."""
    spec = pod["spec"]
    if container is None:
        chosen = spec["containers"][0]
    else:
        chosen = next(c for c in spec.get("initContainers", []) if c["name"] == container)
    return [m for m in chosen.get("volumeMounts", []) if m["name"] == volume]


if __name__ == "__main__":  # pod_manifests' child: VALUES.yaml USER... → JSON on stdout
    import json
    import sys

    import yaml

    loaded = yaml.safe_load(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(json.dumps(asyncio.run(_pods(spawner_config(loaded), sys.argv[2:]))))


def write_exercise(folder: Path) -> None:
    """A one-question nbgrader source assignment (instructor version)."""
    nb = nbformat.v4.new_notebook()
    meta = {"schema_version": 3, "task": False}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 练习（虚构示例）\n\n全国政协共有多少个界别？"),
        nbformat.v4.new_code_cell(
            "### BEGIN SOLUTION\nsectors = 34\n### END SOLUTION",
            metadata={
                "nbgrader": {
                    **meta,
                    "grade_id": "sectors_answer",
                    "grade": False,
                    "solution": True,
                    "locked": False,
                }
            },
        ),
        nbformat.v4.new_code_cell(
            "# 检查界别数\nassert sectors == 34, '界别数不对'",
            metadata={
                "nbgrader": {
                    **meta,
                    "grade_id": "sectors_check",
                    "grade": True,
                    "solution": False,
                    "locked": True,
                    "points": 2,
                }
            },
        ),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    (folder / "ex01").mkdir(parents=True)
    nbformat.write(nb, folder / "ex01" / "ex01.ipynb")
