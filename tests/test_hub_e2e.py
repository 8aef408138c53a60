"""A real cohort hub, end to end: roster → accounts → course → exercise → grade → feedback.

One hub (``trainingkit hub setup`` + JupyterHub with the generated configuration)
serves the whole module; every step goes through the hub's REST API, the user
servers' REST/websocket APIs and nbgrader's exchange, as real people would.
Grading runs as root (the organizer), so trainee code runs in the sandbox and
never as the grader account that owns the gradebook.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from hub_fixtures import (
    COURSE,
    EXERCISE,
    INSTRUCTOR,
    LESSONS,
    REPO,
    TRAINEES,
    Hub,
    api_token,
    login,
    running_hub,
    start_server,
    start_servers,
    terminal_run,
)

pytestmark = [pytest.mark.hub, pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def hub() -> Iterator[Hub]:
    with running_hub() as running:
        yield running


@pytest.fixture(scope="module")
def tokens(hub: Hub) -> dict[str, str]:
    """One API token per person, each obtained after a real form login."""
    return {name: api_token(hub, name) for name in (*TRAINEES, INSTRUCTOR)}


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"token {token}"}


def _server(hub: Hub, name: str) -> str:
    return f"{hub.url}user/{name}/"


def _service(hub: Hub) -> str:
    return f"{hub.url}services/{COURSE}/"


def _python(hub: Hub) -> str:
    return str(hub.plan.options.venv / "bin" / "python")


def _answer(hub: Hub, name: str, token: str, *, right: bool) -> None:
    """Write the model answers (or none) into ``answers.json``, as the answer widgets do."""
    from trainingkit.demo.simulate import questions

    source = json.loads((REPO / "exercises" / EXERCISE / "duties_exercise.ipynb").read_text())
    answers = {q.qid: q.model for q in questions(source)} if right else {}
    url = f"{_server(hub, name)}api/contents/{COURSE}/{EXERCISE}/answers.json"
    body = {"type": "file", "format": "text", "content": json.dumps(answers, ensure_ascii=False)}
    response = requests.put(url, json=body, headers=_auth(token), timeout=30)
    assert response.status_code in (200, 201), response.text


def _action(hub: Hub, name: str, token: str, action: str) -> None:
    response = requests.post(
        f"{_server(hub, name)}assignments/{action}",
        data={"course_id": COURSE, "assignment_id": EXERCISE},
        headers=_auth(token),
        timeout=120,
    )
    assert response.status_code == 200, response.text
    assert response.json()["success"], response.json()["value"]


def _other_nbgrader_routes(hub: Hub, name: str, token: str) -> None:
    """nbgrader's version check, course lists and validate, as its Lab panels call them."""
    import nbgrader

    base, auth = _server(hub, name), _auth(token)
    version = requests.get(f"{base}nbgrader_version", params={"version": nbgrader.__version__},
                           headers=auth, timeout=60).json()  # fmt: skip
    assert version == {"success": True}, version
    courses = requests.get(f"{base}courses", headers=auth, timeout=60).json()
    assert courses == {"success": True, "value": [COURSE]}, courses
    # nbgrader lists the course's service to its students too; the hub's roles keep
    # them out of it (test_a_trainee_reaches_neither_another_trainee_nor_the_grading)
    graders = requests.get(f"{base}formgraders", headers=auth, timeout=60).json()
    assert graders["success"], graders
    assert [course["course_id"] for course in graders["value"]] == [COURSE], graders
    path = f"{COURSE}/{EXERCISE}/duties_exercise.ipynb"
    checked = requests.post(f"{base}assignments/validate", data={"path": path}, headers=auth,
                            timeout=180).json()  # fmt: skip
    assert checked["success"], checked["value"]


def test_each_trainee_logs_in_and_finds_the_lessons_in_their_home(
    hub: Hub, tokens: dict[str, str]
) -> None:
    start_servers(hub, {name: tokens[name] for name in TRAINEES})
    for name in TRAINEES:
        listing = requests.get(
            f"{_server(hub, name)}api/contents/{LESSONS}", headers=_auth(tokens[name]), timeout=30
        )
        assert listing.status_code == 200, listing.text
        lessons = {item["name"] for item in listing.json()["content"]}
        assert {"00-getting-started", EXERCISE} <= lessons
        # nbgrader's folder of fetched exercises holds no lesson of the same name
        fetched = requests.get(f"{_server(hub, name)}api/contents/{COURSE}",
                               headers=_auth(tokens[name]), timeout=30)  # fmt: skip
        assert fetched.status_code == 404, fetched.text
    home = requests.get(_server(hub, TRAINEES[0]), headers=_auth(tokens[TRAINEES[0]]),
                        allow_redirects=False, timeout=30)  # fmt: skip
    assert home.status_code == 302
    assert home.headers["Location"].split("?")[0].endswith(f"/lab/tree/{LESSONS}")


def test_exercise_goes_out_comes_back_graded_and_the_trainee_sees_the_score(
    hub: Hub, tokens: dict[str, str]
) -> None:
    cohort, python = hub.plan.layout.cohort, _python(hub)
    teacher = tokens[INSTRUCTOR]
    # The instructor releases the exercise from the course service's terminal (as the grader),
    # typing the command as the README shows it.
    terminal_run(_service(hub), teacher,
                 f"trainingkit release {EXERCISE} --cohort {cohort}")  # fmt: skip
    right, blank = TRAINEES[0], TRAINEES[1]
    for name, answered in ((right, True), (blank, False)):
        start_server(hub, name, tokens[name])
        listed = requests.get(f"{_server(hub, name)}assignments", params={"course_id": COURSE},
                              headers=_auth(tokens[name]), timeout=60).json()  # fmt: skip
        assert listed["success"], listed
        assert [(a["assignment_id"], a["status"]) for a in listed["value"]] == [
            (EXERCISE, "released")
        ]
        _action(hub, name, tokens[name], "fetch")
        _answer(hub, name, tokens[name], right=answered)
        if answered:
            _other_nbgrader_routes(hub, name, tokens[name])
        _action(hub, name, tokens[name], "submit")
    terminal_run(_service(hub), teacher,
                 f"trainingkit collect {EXERCISE} --cohort {cohort}")  # fmt: skip
    # Grading as root: trainee code runs as a sandbox user, not as the gradebook's owner.
    # With the hub's Python, as on a hub machine: the sandbox user must be able to run it.
    graded = subprocess.run(
        [python, "-m", "trainingkit", "grade", EXERCISE, "--cohort", str(cohort)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert graded.returncode == 0, graded.stdout + graded.stderr
    # what root wrote in the grader's cohort and exchange folder is the grader's
    left = [p for f in (cohort, hub.plan.layout.exchange / COURSE)
            for p in (f, *f.rglob("*")) if p.lstat().st_uid == 0]  # fmt: skip
    assert left == [], left[:5]
    terminal_run(_service(hub), teacher,
                 f"trainingkit feedback {EXERCISE} --cohort {cohort}")  # fmt: skip
    source = json.loads((REPO / "exercises" / EXERCISE / "duties_exercise.ipynb").read_text())
    total = sum(c["metadata"].get("nbgrader", {}).get("points", 0) for c in source["cells"])
    for name, score in ((right, f"{total:.1f} / {total:.1f}"), (blank, f"0.0 / {total:.1f}")):
        _action(hub, name, tokens[name], "fetch_feedback")
        folder = f"{_server(hub, name)}api/contents/{COURSE}/{EXERCISE}/feedback"
        runs = requests.get(folder, headers=_auth(tokens[name]), timeout=30).json()["content"]
        assert len(runs) == 1
        page = requests.get(f"{folder}/{runs[0]['name']}/duties_exercise.html",
                            headers=_auth(tokens[name]), timeout=30).json()  # fmt: skip
        # nbgrader's page says "Score: x / y", the kit's Chinese one "得分 x / y"
        assert re.search(f"(Score: |得分 ){re.escape(score)}", page["content"]), page["content"]
    # The guide's step 8: root sees who fetched with no --homes (hub setup recorded the homes).
    shown = subprocess.run([python, "-m", "trainingkit", "progress", "--cohort", str(cohort)],
                           capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert shown.returncode == 0 and "?" not in shown.stdout.split("✔ 是")[0], shown.stdout
    from trainingkit.cohort.directory import Cohort
    from trainingkit.reporting.progress import progress_rows

    fetched = {r.student: r.fetched for r in progress_rows(Cohort.open(cohort))
               if r.assignment == EXERCISE}  # fmt: skip
    assert fetched == {t: t in (right, blank) for t in TRAINEES}, fetched


def test_setup_links_the_kit_commands_and_the_course_terminal_finds_trainingkit(
    hub: Hub, tokens: dict[str, str]
) -> None:
    import pwd
    import shutil

    from trainingkit.hub.commands import KIT_COMMANDS

    bin_dir, scripts = hub.plan.options.bin_dir, hub.plan.options.venv / "bin"
    assert bin_dir is not None and bin_dir != Path("/usr/local/bin")
    assert hub.setup.links == tuple(bin_dir / name for name in KIT_COMMANDS)
    for name in KIT_COMMANDS:
        assert (bin_dir / name).is_symlink()
        assert (bin_dir / name).resolve() == (scripts / name).resolve()
    helped = subprocess.run([str(bin_dir / "trainingkit"), "--help"], capture_output=True,
                            text=True, timeout=120, check=False)  # fmt: skip
    assert helped.returncode == 0 and "grade" in helped.stdout, helped.stdout + helped.stderr
    # the course service the hub started: its environment finds the kit's command …
    uid = pwd.getpwnam(hub.plan.grader).pw_uid
    services = [
        p for p in Path("/proc").iterdir()
        if p.name.isdigit() and p.stat().st_uid == uid
        and b"trainingkit.hub.singleuser" in p.joinpath("cmdline").read_bytes()
    ]  # fmt: skip
    assert services, "the course service is not running as the grader"
    environ = dict(
        entry.split("=", 1)
        for entry in services[0].joinpath("environ").read_text().split("\0")
        if "=" in entry
    )
    found = shutil.which("trainingkit", path=environ["PATH"])
    assert found is not None and Path(found).resolve() == (scripts / "trainingkit").resolve()
    # … and so does its terminal, as the instructor types it (a login shell's
    # /etc/profile would reset PATH and lose it)
    output = terminal_run(_service(hub), tokens[INSTRUCTOR],
                          "command -v trainingkit && trainingkit --version")  # fmt: skip
    assert str(scripts / "trainingkit") in output, output


def test_a_trainee_reaches_neither_another_trainee_nor_the_grading(
    hub: Hub, tokens: dict[str, str]
) -> None:
    a, b = TRAINEES[0], TRAINEES[2]
    for name in (a, b):
        start_server(hub, name, tokens[name])
    other = requests.get(f"{_server(hub, b)}api/contents", headers=_auth(tokens[a]), timeout=30)
    assert other.status_code == 403
    formgrader = requests.get(f"{_service(hub)}formgrader", headers=_auth(tokens[a]),
                              allow_redirects=False, timeout=30)  # fmt: skip
    assert formgrader.status_code == 403
    own_formgrader = requests.get(f"{_server(hub, a)}formgrader", headers=_auth(tokens[a]),
                                  allow_redirects=False, timeout=30)  # fmt: skip
    assert own_formgrader.status_code == 404
    # Lab's language-server backend is not loaded on trainee servers (memory)
    lsp = requests.get(f"{_server(hub, a)}lsp/status", headers=_auth(tokens[a]), timeout=30)
    assert lsp.status_code == 404
    layout = hub.plan.layout
    home_b = hub.plan.accounts[2].home
    # From trainee A's own terminal: Unix permissions stop every path to B and the gradebook.
    targets = (home_b / LESSONS, layout.cohort / "gradebook.db", layout.cohort / "source",
               layout.exchange / COURSE / "inbound")  # fmt: skip
    command = "; ".join(f"ls {t}" for t in targets) + "; true"
    output = terminal_run(_server(hub, a), tokens[a], command)
    assert output.count("Permission denied") == len(targets), output


def test_the_instructor_has_formgrader_and_read_only_trainee_views_but_is_not_admin(
    hub: Hub, tokens: dict[str, str]
) -> None:
    teacher = _auth(tokens[INSTRUCTOR])
    page = requests.get(f"{_service(hub)}formgrader", headers=teacher, timeout=60)
    assert page.status_code == 200
    assignments = requests.get(f"{_service(hub)}formgrader/api/assignments", headers=teacher,
                               timeout=60).json()  # fmt: skip
    assert EXERCISE in {a["name"] for a in assignments}
    users = requests.get(hub.api("/users"), headers=teacher, timeout=30).json()
    assert {u["name"] for u in users} == set(TRAINEES)
    assert all("last_activity" in u for u in users)
    trainee = TRAINEES[0]
    start = requests.post(hub.api(f"/users/{trainee}/server"), headers=teacher, timeout=30)
    assert start.status_code in (403, 404)  # the hub hides what one may not act on
    files = requests.get(f"{_server(hub, trainee)}api/contents", headers=teacher, timeout=30)
    assert files.status_code == 403
    assert requests.get(hub.api("/groups"), headers=teacher, timeout=30).status_code in (200, 403)
    me = requests.get(hub.api("/user"), headers=teacher, timeout=30).json()
    assert me["admin"] is False


def test_a_wrong_password_is_rejected_and_a_trainee_can_change_theirs(hub: Hub) -> None:
    name = TRAINEES[2]
    with pytest.raises(PermissionError):
        login(hub, name, "not-the-password")
    with pytest.raises(PermissionError):
        login(hub, "stranger", "whatever123")
    session = login(hub, name)
    new = "Neuer-Pass-2026"
    response = session.post(
        f"{hub.url}hub/change-password",
        data={
            "old_password": hub.passwords[name],
            "new_password": new,
            "new_password_confirmation": new,
            "_xsrf": session.cookies.get("_xsrf", ""),
        },
        timeout=30,
    )
    assert response.status_code == 200
    login(hub, name, new)
    with pytest.raises(PermissionError):
        login(hub, name)  # the initial password no longer works
    hub.passwords[name] = new


def test_only_bcrypt_hashes_are_kept_and_the_account_list_is_root_only(hub: Hub) -> None:
    layout = hub.plan.layout
    accounts = json.loads(layout.accounts_file.read_text(encoding="utf-8"))["accounts"]
    assert set(accounts) == {*TRAINEES, INSTRUCTOR}
    assert all(a["hash"].startswith("$2b$") for a in accounts.values())
    initial = [p for p in hub.passwords.values()]
    for path in layout.base.rglob("*"):
        if path.is_file() and path.suffix != ".xlsx" and path.stat().st_size < 5_000_000:
            data = path.read_bytes()
            assert not any(p.encode() in data for p in initial), path
    assert oct(layout.private.stat().st_mode & 0o777) == "0o700"
    assert oct(layout.state.stat().st_mode & 0o777) == "0o700"


def test_each_server_runs_as_its_own_account_inside_its_memory_limit(
    hub: Hub, tokens: dict[str, str]
) -> None:
    name = TRAINEES[0]
    start_server(hub, name, tokens[name])
    account = hub.plan.accounts[0]
    cgroups = [Path("/sys/fs/cgroup/trainingkit") / account.system_name,
               Path("/sys/fs/cgroup/memory/trainingkit") / account.system_name]  # fmt: skip
    group = next(p for p in cgroups if p.is_dir())
    limit_file = group / (
        "memory.max" if group.parts[3] == "trainingkit" else "memory.limit_in_bytes"
    )
    assert int(limit_file.read_text()) == 1024**3
    pids = [int(p) for p in (group / "cgroup.procs").read_text().split()]
    assert pids
    import pwd

    uid = pwd.getpwnam(account.system_name).pw_uid
    assert all(Path(f"/proc/{pid}").stat().st_uid == uid for pid in pids)


def test_a_rerun_with_a_changed_roster_adds_and_disables_without_touching_work(hub: Hub) -> None:
    from trainingkit.cohort.roster import read_roster
    from trainingkit.hub.deploy import apply_setup
    from trainingkit.hub.plan import build_plan

    gone, new = TRAINEES[2], "t004"
    text = hub.roster.read_text(encoding="utf-8").replace(f"{gone},", f"{new},")
    hub.roster.write_text(text, encoding="utf-8")
    work = hub.plan.accounts[2].home / LESSONS
    before = sorted(p.name for p in work.iterdir())
    plan = build_plan(read_roster(hub.roster), hub.plan.options)
    result = apply_setup(plan, hub.roster, hub_url=hub.url)
    hub.created_users.append(f"{hub.plan.options.prefix}{new}")
    assert result.added == (new,)
    assert result.disabled == (gone,)
    assert sorted(p.name for p in work.iterdir()) == before
    status = subprocess.run(["passwd", "--status", f"{hub.plan.options.prefix}{gone}"],
                            capture_output=True, text=True, check=True).stdout.split()  # fmt: skip
    assert status[1] == "L"
    accounts = json.loads(hub.plan.layout.accounts_file.read_text(encoding="utf-8"))["accounts"]
    assert accounts[gone]["enabled"] is False and accounts[new]["enabled"] is True
    # progress lists the current trainees only; the gradebook keeps the one who left
    from trainingkit.cohort.directory import Cohort
    from trainingkit.reporting.progress import progress_rows

    cohort = Cohort.open(hub.plan.layout.cohort)
    assert {r.student for r in progress_rows(cohort)} == {*TRAINEES[:2], new}
    with cohort.gradebook() as gradebook:
        assert gone in {student.id for student in gradebook.students}
    again = apply_setup(plan, hub.roster, hub_url=hub.url)
    assert (again.added, again.disabled, again.account_list) == ((), (), None)
