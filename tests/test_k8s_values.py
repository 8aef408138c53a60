"""The generated Kubernetes setup, checked by the real tools: KubeSpawner and kubernetes-validate.

`test_k8s_isolation.py` runs the pods these manifests describe; here the
configuration and the manifests themselves are validated.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from k8s_support import pod_manifests, spawner_config, unknown_traits, volume_mounts

from trainingkit.cohort.roster import read_roster
from trainingkit.hub.k8s import EXCHANGE_MOUNT, EXCHANGE_VOLUME, k8s_values
from trainingkit.hub.kernel import KERNEL_NAME, kernel_spec
from trainingkit.hub.plan import HubOptions, build_plan

REPO = Path(__file__).parents[1]
DEPLOY = REPO / "deploy" / "kubernetes"
# z2jh 4.4.0's Chart.yaml: kubeVersion ">=1.28.0-0"; its hub image: JupyterHub 5.5.0,
# jupyterhub-kubespawner 7.0.0 (images/hub/requirements.txt).
OLDEST_KUBERNETES = "1.28.0"


@pytest.fixture(scope="module")
def values() -> dict[str, Any]:
    plan = build_plan(read_roster(DEPLOY / "roster-example.csv"),
                      HubOptions(course="cppcc2026", base=Path("/nonexistent")))  # fmt: skip
    return k8s_values(plan, image="registry.example.org/trainingkit-trainee", tag="0.1.0")


@pytest.fixture(scope="module")
def pods(values: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return pod_manifests(values, ["t001", "grader-cppcc2026"], tmp_path_factory.mktemp("pods"))


def test_every_setting_is_a_trait_the_hub_and_kubespawner_know(values: dict[str, Any]) -> None:
    config = spawner_config(values)
    assert unknown_traits(config) == []
    config.KubeSpawner.volume_mount = {}  # a misspelt trait is caught
    config.NativeAuthenticator.open_sign_up = True
    assert sorted(unknown_traits(config)) == [
        "KubeSpawner.volume_mount",
        "NativeAuthenticator.open_sign_up",
    ]


def test_pods_and_the_exchange_claim_pass_kubernetes_validate(pods: dict[str, Any]) -> None:
    claim = yaml.safe_load((DEPLOY / "exchange-pvc.yaml").read_text(encoding="utf-8"))
    for manifest in (*pods.values(), claim):
        kubernetes_validate.validate(manifest, OLDEST_KUBERNETES, strict=True)
    broken = yaml.safe_load(yaml.safe_dump(pods["t001"]))
    broken["spec"]["containers"][0]["volumeMounts"][0]["subpath"] = "cppcc2026"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, OLDEST_KUBERNETES, strict=True)


def test_a_trainee_pod_mounts_only_its_own_folders_and_the_grader_all(
    pods: dict[str, Any],
) -> None:
    trainee = {m["mountPath"]: (m["subPath"], m.get("readOnly", False))
               for m in volume_mounts(pods["t001"], EXCHANGE_VOLUME)}  # fmt: skip
    course = f"{EXCHANGE_MOUNT}/cppcc2026"
    assert trainee == {
        f"{course}/outbound": ("cppcc2026/outbound", True),
        f"{course}/inbound": ("cppcc2026/inbound/t001", False),
        f"{course}/feedback": ("cppcc2026/feedback/t001", True),
    }
    init = volume_mounts(pods["t001"], EXCHANGE_VOLUME, container="exchange-folders")
    assert init == [{"name": EXCHANGE_VOLUME, "mountPath": EXCHANGE_MOUNT}]
    assert volume_mounts(pods["grader-cppcc2026"], EXCHANGE_VOLUME) == init
    assert "initContainers" not in pods["grader-cppcc2026"]["spec"]


def test_a_trainee_pod_finds_the_kits_kernel_on_its_jupyter_path(pods: dict[str, Any]) -> None:
    env = {e["name"]: e.get("value") for e in pods["t001"]["spec"]["containers"][0]["env"]}
    assert env["JUPYTER_PATH"] == env["JUPYTER_CONFIG_PATH"] == "/opt/trainingkit/jupyter/trainee"
    # deploy/kubernetes/jupyter is that folder in the image (Dockerfile)
    spec = DEPLOY / "jupyter" / "trainee" / "kernels" / KERNEL_NAME / "kernel.json"
    assert json.loads(spec.read_text(encoding="utf-8")) == kernel_spec()


def test_the_image_runs_the_jupyterhub_of_the_chart_it_is_deployed_with() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r'"jupyterhub>=5\.5,<5\.6"', dockerfile)  # z2jh 4.4.0 runs hub 5.5.0
    assert "jupyterhub-kubespawner==7.0.0" in (REPO / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("role", "steps"),
    [
        ("trainee", {"fetch_assignment", "submit", "fetch_feedback", "list"}),
        ("grader", {"collect", "release_feedback"}),
    ],
)
def test_each_role_loads_the_per_trainee_exchange_classes(role: str, steps: set[str]) -> None:
    from nbgrader.exchange import ExchangeFactory, default
    from traitlets.config.loader import PyFileConfigLoader

    from trainingkit.hub import exchange

    folder = DEPLOY / "jupyter" / role
    config = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
    assert set(config.ExchangeFactory) == steps
    factory = ExchangeFactory(config=config)  # nbgrader checks each class against its abc
    for step in steps:
        chosen = getattr(factory, step)
        assert chosen.__module__ == exchange.__name__
        assert issubclass(chosen, default.Exchange)
