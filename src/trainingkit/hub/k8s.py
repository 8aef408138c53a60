"""Zero to JupyterHub (z2jh) Helm values for a cohort, from the same `HubPlan`.

`k8s_values` returns a plain dict that ``helm upgrade --install`` accepts with
``--values``; ``trainingkit hub k8s-values`` prints it as YAML. What differs from
the single-machine hub, and why:

- Accounts: the z2jh hub image has NativeAuthenticator but not this kit, so
  there is no pre-seeded password. Sign-up is on, only roster login names are
  allowed, and allowed names are authorised at sign-up: each person chooses a
  password the first time. Whoever signs up first under a name owns it — hand
  out the hub address only to the cohort, and check the account list after.
- The course service is a hub *user* ``grader-<course>`` whose server (with
  formgrader, the gradebook on its own volume) instructors may open and start.
- The exchange is a ReadWriteMany volume shared by every pod. All pods run as
  the same uid (1000), so nbgrader's permission model cannot separate trainees
  (z2jh issue #174): trainees mount ``outbound`` and ``feedback`` read-only, but
  ``inbound`` must stay writable and is then readable by every trainee.
"""

from __future__ import annotations

from typing import Any

from trainingkit.hub.plan import HubPlan

__all__ = ["EXCHANGE_MOUNT", "k8s_values", "to_yaml"]

#: Where the exchange volume is mounted in every pod.
EXCHANGE_MOUNT = "/srv/nbgrader/exchange"
_KIT = "/opt/trainingkit"

_EXTRA_CONFIG = """\
# trainingkit: the grader server gets the exchange read-write and formgrader's
# settings; trainees get outbound/feedback read-only and nbgrader's student UI.
COURSE = {course!r}
GRADER = {grader!r}


def trainingkit_pre_spawn(spawner):
    grader = spawner.user.name == GRADER
    role = "grader" if grader else "trainee"
    spawner.environment["JUPYTER_CONFIG_PATH"] = "{kit}/jupyter/" + role
    if grader:
        return
    for part in ("outbound", "feedback"):
        spawner.volume_mounts = list(spawner.volume_mounts) + [{{
            "name": "nbgrader-exchange",
            "mountPath": "{mount}/" + COURSE + "/" + part,
            "subPath": COURSE + "/" + part,
            "readOnly": True,
        }}]


c.KubeSpawner.pre_spawn_hook = trainingkit_pre_spawn
"""


def k8s_values(
    plan: HubPlan,
    *,
    image: str = "trainingkit-trainee",
    tag: str = "latest",
) -> dict[str, Any]:
    """Helm values of the z2jh chart for the cohort in ``plan``."""
    course, options = plan.course, plan.options
    lessons = options.lessons_folder  # never ~/<course>, where nbgrader fetches exercises
    grader = f"grader-{course.lower()}"
    allowed = sorted(a.hub_name for a in plan.accounts)
    roles = {
        role["name"]: {k: v for k, v in role.items() if k != "name"}
        for role in plan.roles()
        if role["name"] != "idle-culler"  # z2jh runs and authorises its own culler
    }
    instructor = roles[f"instructor-{course}"]
    scopes = [s for s in instructor["scopes"] if "service" not in s]  # type: ignore[attr-defined]
    instructor["scopes"] = [*scopes, f"access:servers!user={grader}", f"servers!user={grader}"]
    del roles[f"trainee-{course}"]  # no course service to find on Kubernetes
    pvc: dict[str, Any] = {"claimName": "nbgrader-exchange"}
    return {
        "hub": {
            "config": {
                "JupyterHub": {
                    "authenticator_class": "nativeauthenticator.NativeAuthenticator",
                    # a group creates the grader user, who cannot log in (not allowed)
                    "load_groups": {
                        **{name: {"users": users} for name, users in plan.groups().items()},
                        f"graders-{course}": {"users": [grader]},
                    },
                },
                "Authenticator": {"allowed_users": allowed, "admin_users": []},
                "NativeAuthenticator": {
                    "enable_signup": True,
                    "open_signup": False,
                    "minimum_password_length": 8,
                    "check_common_password": True,
                    "allowed_failed_logins": 5,
                    "seconds_before_next_try": 300,
                },
            },
            "loadRoles": roles,
            "extraConfig": {
                "trainingkit": _EXTRA_CONFIG.format(
                    course=course, grader=grader, kit=_KIT, mount=EXCHANGE_MOUNT
                )
            },
        },
        "singleuser": {
            "image": {"name": image, "tag": tag},
            "defaultUrl": f"/lab/tree/{lessons}",
            "memory": {"limit": options.mem_limit, "guarantee": "256M"},
            "cpu": {"limit": 1.0, "guarantee": 0.1},
            "storage": {
                "capacity": "2Gi",
                "extraVolumes": [{"name": "nbgrader-exchange", "persistentVolumeClaim": pvc}],
                "extraVolumeMounts": [{"name": "nbgrader-exchange", "mountPath": EXCHANGE_MOUNT}],
            },
            "lifecycleHooks": {
                "postStart": {
                    "exec": {
                        "command": [
                            "sh",
                            "-c",
                            f'test -e "$HOME/{lessons}" || cp -r {_KIT}/course "$HOME/{lessons}"',
                        ]
                    }
                }
            },
            "extraEnv": {"NBGRADER_COURSE": course, "LANG": "C.UTF-8"},
        },
        "cull": {"enabled": True, "timeout": options.cull_timeout, "every": 600},
        "prePuller": {"hook": {"enabled": True}, "continuous": {"enabled": True}},
        "scheduling": {"userScheduler": {"enabled": True}},
    }


def to_yaml(values: dict[str, Any]) -> str:
    """YAML text of ``values`` (keys in insertion order, Chinese kept readable)."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def _text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
        style = "|" if "\n" in data else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    _Dumper.add_representer(str, _text)
    header = (
        "# Zero to JupyterHub values for a trainingkit cohort; generated by\n"
        "# `trainingkit hub k8s-values`. See deploy/kubernetes/README.md.\n"
    )
    return header + yaml.dump(values, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
