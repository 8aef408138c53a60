"""The cohort hub's generated configuration: single machine and Kubernetes.

These tests build plans and files only; `test_hub_e2e.py` runs a real hub.
"""

from __future__ import annotations

import asyncio
import json
import stat
import sys
from pathlib import Path

import bcrypt
import pytest
import yaml
from click.testing import CliRunner
from hub_fixtures import run_async
from openpyxl import load_workbook
from traitlets.config.loader import PyFileConfigLoader

from trainingkit.cli import main
from trainingkit.cohort.roster import RosterEntry, read_roster
from trainingkit.hub.deploy import apply_setup
from trainingkit.hub.hubconfig import render_files
from trainingkit.hub.k8s import k8s_values, to_yaml
from trainingkit.hub.passwords import (
    Credential,
    generate_password,
    hash_password,
    write_account_list,
)
from trainingkit.hub.plan import HubOptions, HubPlan, HubPlanError, build_plan

DEPLOY = Path(__file__).parents[1] / "deploy" / "kubernetes"
ROSTER_TEXT = """账号,姓名,界别,单位,角色
t001,张三（虚构示例）,经济界,某公司,学员
t002,李四（虚构示例）,教育界,某学校,
t003,王五（虚构示例）,农业界,某合作社,trainee
teacher1,陈老师（虚构示例）,,培训中心,教师
"""

# Keys of the Zero to JupyterHub chart's values.schema.yaml (chart 4.x) that this
# kit may set; the chart rejects unknown keys where its schema says
# additionalProperties: false (top level, hub, singleuser, cull, storage, …).
Z2JH_TOP = {"hub", "proxy", "singleuser", "scheduling", "ingress", "prePuller", "cull",
            "debug", "rbac", "global", "custom", "imagePullSecrets", "imagePullSecret",
            "fullnameOverride", "nameOverride", "enabled"}  # fmt: skip
Z2JH_HUB = {"config", "extraConfig", "extraFiles", "extraEnv", "loadRoles", "services",
            "image", "db", "baseUrl", "resources", "networkPolicy", "templatePaths",
            "templateVars", "allowNamedServers", "concurrentSpawnLimit"}  # fmt: skip
Z2JH_SINGLEUSER = {"image", "defaultUrl", "memory", "cpu", "storage", "lifecycleHooks",
                   "extraEnv", "extraFiles", "initContainers", "uid", "fsGid", "cmd",
                   "networkPolicy", "profileList", "startTimeout"}  # fmt: skip
Z2JH_STORAGE = {"type", "capacity", "extraVolumes", "extraVolumeMounts", "homeMountPath",
                "dynamic", "static", "extraLabels"}  # fmt: skip
Z2JH_CULL = {"enabled", "users", "adminUsers", "removeNamedServers", "timeout", "every",
             "concurrency", "maxAge"}  # fmt: skip
Z2JH_ROLE = {"description", "scopes", "users", "groups", "services"}


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def plan(roster: Path, tmp_path: Path) -> HubPlan:
    options = HubOptions(course="cppcc2026", base=tmp_path / "hub", home_root=tmp_path / "home")
    return build_plan(read_roster(roster), options)


def _load(text: str, tmp_path: Path) -> dict[str, object]:
    (tmp_path / "jupyterhub_config.py").write_text(text, encoding="utf-8")
    return PyFileConfigLoader("jupyterhub_config.py", path=str(tmp_path)).load_config()


def test_accounts_groups_and_system_names_come_from_the_roster(plan: HubPlan) -> None:
    assert [a.hub_name for a in plan.trainees] == ["t001", "t002", "t003"]
    assert [a.hub_name for a in plan.instructors] == ["teacher1"]
    assert plan.accounts[0].system_name == "tk-t001"
    assert plan.groups() == {
        "nbgrader-cppcc2026": ["t001", "t002", "t003"],
        "formgrade-cppcc2026": ["teacher1"],
    }
    assert plan.grader == "tk-grader-cppcc2026"
    assert plan.layout.cohort == plan.layout.grader_home / "cppcc2026"


@pytest.mark.parametrize("folder", ["cppcc2026", "01-duties", "04-sheqing-minyi"])
def test_a_lessons_folder_named_like_the_course_or_an_exercise_is_refused(
    roster: Path, tmp_path: Path, folder: str
) -> None:
    # nbgrader fetches into ~/<course>/<exercise>: lessons there would hide the exercise
    options = HubOptions(course="cppcc2026", base=tmp_path / "hub", lessons_folder=folder)
    with pytest.raises(HubPlanError, match="练习"):
        build_plan(read_roster(roster), options)


def test_an_nbgitpuller_clone_named_like_the_course_is_refused(
    roster: Path, tmp_path: Path
) -> None:
    options = HubOptions(course="cppcc2026", base=tmp_path / "hub",
                         gitpuller_repo="https://git.example.org/office/cppcc2026.git")  # fmt: skip
    with pytest.raises(HubPlanError, match=r"lessons-folder|cppcc2026"):
        build_plan(read_roster(roster), options)


def test_hub_config_command_refuses_a_clashing_lessons_folder_and_writes_nothing(
    roster: Path, tmp_path: Path
) -> None:
    out = tmp_path / "review"
    args = ["hub", "config", "--roster", str(roster), "--course", "cppcc2026",
            "--lessons-folder", "02-proposals", "--out", str(out)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Choose another --lessons-folder" in result.output
    assert not out.exists()


def test_a_roster_without_instructor_or_with_a_bad_course_is_refused(tmp_path: Path) -> None:
    people = [RosterEntry("t001", "张三", "经济界", "某公司")]
    with pytest.raises(HubPlanError, match="教师"):
        build_plan(people, HubOptions(course="c1", base=tmp_path))
    teacher = RosterEntry("x1", "陈", "", "", role="instructor")
    with pytest.raises(HubPlanError, match="课程名"):
        build_plan([teacher], HubOptions(course="课程", base=tmp_path))


def test_hub_config_loads_and_sets_accounts_roles_spawner_and_service(
    plan: HubPlan, tmp_path: Path
) -> None:
    files = render_files(plan)
    config = _load(files["etc/jupyterhub_config.py"], tmp_path)
    hub = config["JupyterHub"]
    assert hub["authenticator_class"] == "trainingkit.hub.auth.CohortAuthenticator"
    assert config["Authenticator"]["allowed_users"] == {"t001", "t002", "t003", "teacher1"}
    assert config["Authenticator"]["admin_users"] == set()
    assert config["NativeAuthenticator"]["enable_signup"] is False
    assert hub["spawner_class"] == "trainingkit.hub.spawner.CohortSpawner"
    assert config["Spawner"]["mem_limit"] == "1G"
    assert config["Spawner"]["default_url"] == "/lab/tree/lessons"
    assert config["CohortSpawner"]["course_folder"] == "lessons"
    assert config["CohortSpawner"]["exercise_folder"] == "cppcc2026"
    roles = {role["name"]: role for role in hub["load_roles"]}
    instructor = roles["instructor-cppcc2026"]
    assert instructor["groups"] == ["formgrade-cppcc2026"]
    assert "access:services!service=cppcc2026" in instructor["scopes"]
    powerful = ("admin", "servers", "access:servers")
    assert not any(s.startswith(powerful) for s in instructor["scopes"])
    assert all("!group=nbgrader-cppcc2026" in s for s in instructor["scopes"] if "users" in s)
    services = {service["name"]: service for service in hub["services"]}
    assert services["cppcc2026"]["user"] == "tk-grader-cppcc2026"
    assert services["cppcc2026"]["cwd"] == str(plan.layout.cohort)
    assert "jupyterhub_idle_culler" in services["idle-culler"]["command"]
    assert roles["idle-culler"]["services"] == ["idle-culler"]
    # the hub's pages in Chinese: the kit's templates, found in the installed kit
    (templates,) = hub["template_paths"]
    assert (Path(templates) / "login.html").is_file()
    assert (Path(templates) / "change-password.html").is_file()
    length = config["NativeAuthenticator"]["minimum_password_length"]
    assert hub["template_vars"] == {"minimum_password_length": length}


def test_generated_files_hold_no_password_hash(plan: HubPlan) -> None:
    for name, text in render_files(plan).items():
        assert "$2b$" not in text, name


def test_formgrader_frame_policy_is_relaxed_for_the_course_service_only(plan: HubPlan) -> None:
    files = render_files(plan)
    assert "frame-ancestors 'self'" in files["etc/grader/jupyter_server_config.py"]
    trainee = files["etc/jupyter/jupyter_server_config.json"]
    assert "frame-ancestors" not in trainee
    assert '"nbgrader.server_extensions.formgrader": false' in trainee
    assert "path_includes_course = True" in files["etc/jupyter/nbgrader_config.py"]


def test_the_k8s_trainee_image_turns_off_the_same_server_extensions(plan: HubPlan) -> None:
    generated = json.loads(render_files(plan)["etc/jupyter/jupyter_server_config.json"])
    image = json.loads((DEPLOY / "jupyter" / "trainee" / "jupyter_server_config.json").read_text())
    off = generated["ServerApp"]["jpserver_extensions"]
    assert image["ServerApp"]["jpserver_extensions"] == off
    nbgrader = "nbgrader.server_extensions."
    assert off == {f"{nbgrader}formgrader": False, "jupyter_lsp": False, "notebook_shim": False,
                   f"{nbgrader}assignment_list": False, f"{nbgrader}validate_assignment": False,
                   f"{nbgrader}course_list": False,
                   "trainingkit.hub.lazy_nbgrader": True}  # fmt: skip


def test_k8s_values_use_only_keys_zero_to_jupyterhub_knows(plan: HubPlan) -> None:
    values = k8s_values(plan, image="example.org/trainee", tag="1")
    assert set(values) <= Z2JH_TOP
    assert set(values["hub"]) <= Z2JH_HUB
    assert set(values["singleuser"]) <= Z2JH_SINGLEUSER
    assert set(values["singleuser"]["storage"]) <= Z2JH_STORAGE
    assert set(values["cull"]) <= Z2JH_CULL
    for role in values["hub"]["loadRoles"].values():
        assert set(role) <= Z2JH_ROLE
    assert values["singleuser"]["image"] == {"name": "example.org/trainee", "tag": "1"}
    compile(values["hub"]["extraConfig"]["trainingkit"], "extraConfig", "exec")


def test_k8s_values_carry_the_roster_groups_and_roles(plan: HubPlan) -> None:
    values = k8s_values(plan)
    groups = values["hub"]["config"]["JupyterHub"]["load_groups"]
    assert groups["nbgrader-cppcc2026"] == {"users": ["t001", "t002", "t003"]}
    assert groups["formgrade-cppcc2026"] == {"users": ["teacher1"]}
    assert values["hub"]["config"]["Authenticator"]["allowed_users"] == [
        "t001", "t002", "t003", "teacher1"
    ]  # fmt: skip
    instructor = values["hub"]["loadRoles"]["instructor-cppcc2026"]
    assert instructor["groups"] == ["formgrade-cppcc2026"]
    assert "access:servers!user=grader-cppcc2026" in instructor["scopes"]
    assert "grader-cppcc2026" not in values["hub"]["config"]["Authenticator"]["allowed_users"]
    # No mount for everyone: the pre-spawn hook mounts per role (test_k8s_values.py).
    assert "extraVolumeMounts" not in values["singleuser"]["storage"]
    assert yaml.safe_load(to_yaml(values)) == values


def test_committed_values_yaml_is_what_the_command_prints() -> None:
    roster = DEPLOY / "roster-example.csv"
    args = ["hub", "k8s-values", "--roster", str(roster), "--course", "cppcc2026",
            "--image", "registry.example.org/trainingkit-trainee", "--tag", "0.1.0"]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output == (DEPLOY / "values.yaml").read_text(encoding="utf-8")


def test_hub_config_command_writes_files_for_review(roster: Path, tmp_path: Path) -> None:
    out = tmp_path / "review"
    args = ["hub", "config", "--roster", str(roster), "--course", "c1", "--out", str(out),
            "--base", str(tmp_path / "base")]  # fmt: skip
    result = CliRunner().invoke(main, args)
    # the review reports what setup would refuse: this venv's interpreter in a private home
    interpreter = Path(sys.prefix, "bin", "python").resolve()
    private = any(not p.stat().st_mode & 0o001 for p in interpreter.parents)
    assert result.exit_code == (2 if private else 0), result.output
    assert ("学员账户无法运行" in result.output) == private
    assert (out / "etc" / "jupyterhub_config.py").is_file()
    assert "tk-t001" in (out / "etc" / "accounts-plan.tsv").read_text(encoding="utf-8")
    assert not (tmp_path / "base").exists()


def test_setup_checks_refuse_a_private_interpreter_and_say_what_to_do(
    roster: Path, tmp_path: Path
) -> None:
    from trainingkit.cohort.roster import read_roster
    from trainingkit.hub.deploy import check_setup
    from trainingkit.hub.plan import HubOptions, HubPlanError, build_plan

    private = tmp_path / "private"
    (private / "venv" / "bin").mkdir(parents=True)
    (private / "venv" / "bin" / "python").symlink_to("/usr/bin/python3")
    private.chmod(0o700)
    options = HubOptions(course="c1", base=tmp_path / "base", venv=private / "venv",
                         course_source=tmp_path)  # fmt: skip
    with pytest.raises(HubPlanError, match="/usr/bin/python3 -m venv"):
        check_setup(build_plan(read_roster(roster), options))
    assert not (tmp_path / "base").exists()


def test_a_bad_roster_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("账号,姓名,界别,单位,角色\nT 1,张三,经济界,某公司,学员\n", encoding="utf-8")
    args = ["hub", "k8s-values", "--roster", str(bad), "--course", "c1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2  # bad input: nothing was changed
    assert "第 2 行" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_account_list_is_private_and_holds_the_passwords(plan: HubPlan, tmp_path: Path) -> None:
    credentials = [Credential(account, generate_password()) for account in plan.accounts]
    path = write_account_list(
        tmp_path / "private" / "accounts-001.xlsx",
        credentials,
        course="cppcc2026",
        hub_url="http://hub.example/",
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    rows = list(load_workbook(path).active.iter_rows(min_row=3, values_only=True))
    assert [(r[1], r[2]) for r in rows] == [(c.account.hub_name, c.password) for c in credentials]
    assert rows[-1][3] == "教师"


def test_password_hashes_verify_and_passwords_avoid_look_alikes() -> None:
    password = generate_password()
    assert not set(password) & set("0O1lI")
    digest = hash_password(password)
    assert bcrypt.checkpw(password.encode(), digest.encode())
    assert not bcrypt.checkpw(b"wrong-password", digest.encode())


def test_hub_start_seeds_new_accounts_and_never_overwrites_a_changed_password(
    tmp_path: Path,
) -> None:
    from jupyterhub import orm
    from nativeauthenticator.orm import UserInfo

    from trainingkit.hub.auth import sync_accounts
    from trainingkit.hub.passwords import AccountRecord, save_accounts

    db = orm.new_session_factory(f"sqlite:///{tmp_path / 'hub.sqlite'}")()
    accounts = tmp_path / "accounts.json"
    first, changed = hash_password("first-pass-1"), hash_password("changed-pass-2")
    save_accounts(accounts, {"t001": AccountRecord(first, True, "tk-t001", "trainee")})
    assert sync_accounts(db, accounts) == (1, 0)
    UserInfo.find(db, "t001").password = changed.encode()  # the trainee changed it
    db.commit()
    save_accounts(accounts, {"t001": AccountRecord(first, False, "tk-t001", "trainee")})
    assert sync_accounts(db, accounts) == (0, 1)
    info = UserInfo.find(db, "t001")
    assert info.is_authorized is False
    assert info.is_valid_password("changed-pass-2")
    assert stat.S_IMODE(accounts.stat().st_mode) == 0o600


def test_setup_refuses_a_venv_in_a_private_home_even_if_its_python_is_public(
    roster: Path, tmp_path: Path
) -> None:
    # A CI clone in /root: .venv/bin/python links to a public interpreter, but no
    # trainee account can enter the folder the venv sits in.
    private = tmp_path / "private"
    (private / "venv" / "bin").mkdir(parents=True)
    private.chmod(0o700)
    python = Path("/usr/bin/python3").resolve()
    (private / "venv" / "bin" / "python").symlink_to(python)
    options = HubOptions(course="cppcc2026", base=tmp_path / "hub", home_root=tmp_path / "home",
                         venv=private / "venv")  # fmt: skip
    with pytest.raises(HubPlanError, match=f"{private}.*不可进入"):
        apply_setup(build_plan(read_roster(roster), options), roster, hub_url="http://127.0.0.1/")
    assert not (tmp_path / "hub").exists()  # refused before creating anything


def test_run_async_works_while_an_event_loop_runs_in_this_thread() -> None:
    # As under Playwright's sync API: asyncio.run would refuse, orphaning the coroutine.
    async def outer() -> int:
        return run_async(lambda: asyncio.sleep(0, result=7))

    assert asyncio.run(outer()) == 7
    assert run_async(lambda: asyncio.sleep(0, result=8)) == 8


def test_trainee_servers_get_the_kits_lab_settings_and_beijing_time(plan: HubPlan) -> None:
    from trainingkit.resources import template_path

    files = render_files(plan)
    server = json.loads(files["etc/jupyter/jupyter_server_config.json"])
    folder = Path(server["LabApp"]["app_settings_dir"])
    assert folder.name == "lab-settings"
    overrides = files["etc/jupyter/lab-settings/overrides.json"]
    assert overrides == template_path("lab_overrides.json").read_text(encoding="utf-8")
    nbgrader = files["etc/jupyter/nbgrader_config.py"]
    # UTC: a "+0800" in an inbound folder name breaks nbgrader's collect (it splits on +)
    assert 'timezone = "UTC"' in nbgrader and "%z" not in nbgrader
