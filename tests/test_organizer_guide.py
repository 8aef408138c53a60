"""The README's organizer guide says only what works, command by command.

Every shell command the guide shows (in its code blocks and inline code) is found
here. Each ``trainingkit`` command must parse with the kit's own click parser, so a
wrong option or verb in the guide fails a test that names it; commands of other
tools must name files and packages the kit really has. The install path of step 2
runs for real: the wheel, a venv from Debian's Python, ``doctor`` and ``hub config``
exactly as written, with ``/opt/trainingkit`` moved to a temporary folder.
"""

from __future__ import annotations

import copy
import os
import re
import shlex
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from trainingkit.hub.plan import HubPlan

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PROXY_BIN = ROOT / "node_modules" / ".bin"
VENV = "/opt/trainingkit"  # where the guide puts the kit
HUB_BASE = Path("/opt/trainingkit-hub/cppcc2026")  # `hub setup`'s default --base

#: The commands the guide may show, by the word they start with.
HEADS = ("trainingkit", f"{VENV}/bin/trainingkit", "jupyterhub", f"{VENV}/bin/jupyterhub",
         f"{VENV}/bin/pip", "systemctl", "npm", "apt-get", "python3", "/usr/bin/python3",
         "docker", "kubectl", "helm")  # fmt: skip
KIT = ("trainingkit", f"{VENV}/bin/trainingkit")
#: Words the guide writes for "fill in the rest" (``hub setup …``).
ELLIPSES = ("…", "...")
_FENCE = re.compile(r"^[ \t]*```([\w-]*)[ \t]*\n(.*?)^[ \t]*```[ \t]*$", re.M | re.S)
_SHELL_FENCES = ("", "bash", "sh", "shell", "console")


@dataclass(frozen=True)
class GuideCommand:
    """One simple shell command of the guide, as written there and as shell words."""

    text: str
    argv: tuple[str, ...]
    redirect: str | None = None  # the file after ``>``, if any


def organizer_guide(readme: Path = README) -> str:
    """The README text between the organizer section's markers."""
    text = readme.read_text(encoding="utf-8")
    match = re.search(r"<!-- section:organizers -->(.*?)<!-- /section:organizers -->", text, re.S)
    assert match, f"{readme} has no <!-- section:organizers --> … <!-- /section:organizers -->"
    return match.group(1)


def guide_commands(section: str) -> list[GuideCommand]:
    """Every command in ``section`` that starts with one of `HEADS`, in order.

    Shell code blocks are read line by line; other fenced blocks (Python) are not
    shell. Inline code spans are read wherever they are in the prose.
    """
    found: list[GuideCommand] = []
    for language, body in _FENCE.findall(section):
        if language in _SHELL_FENCES:
            for line in body.replace("\\\n", " ").splitlines():
                found += _simple_commands(line.strip())
    prose = _FENCE.sub("", section)
    for span in re.findall(r"`([^`\n]+)`", prose):
        found += _simple_commands(span.strip())
    return [c for c in found if c.argv and c.argv[0] in HEADS]


def _simple_commands(text: str) -> list[GuideCommand]:
    """Split a shell line at ``&&``, ``||``, ``;`` and ``|``; keep ``>`` targets apart."""
    lexer = shlex.shlex(text, posix=True, punctuation_chars=";&|<>")
    lexer.whitespace_split = True
    try:
        tokens = list(lexer)
    except ValueError:  # not shell (an unclosed quote in prose)
        return []
    commands, words, redirect, target = [], [], None, False
    for token in [*tokens, ";"]:
        if token in ("&&", "||", ";", "|"):
            if words[:1] == ["sudo"]:  # "不是 root 时在命令前加 sudo"
                words = words[1:]
            if words:
                commands.append(GuideCommand(text, tuple(words), redirect))
            words, redirect, target = [], None, False
        elif token in (">", ">>", "<"):
            target = True
        elif target:
            redirect, target = token, False
        else:
            words.append(token)
    return commands


def parse_error(args: list[str]) -> str | None:
    """Why the kit's own ``trainingkit`` parser rejects ``args`` (None: it accepts them).

    The real command tree (`trainingkit.cli.main`, its lazy groups and every option
    they declare) parses, converts and checks the words, as when the command runs;
    only "this file must exist" is waived, since the guide's files are examples.
    Where the guide elides the rest with "…", missing required options are allowed.
    """
    from trainingkit.cli import main

    elided = any(a in ELLIPSES for a in args)
    args = [a for a in args if a not in ELLIPSES]
    command: click.Command = main
    name: str | None = "trainingkit"
    parent: click.Context | None = None
    try:
        while True:
            with _lenient(command).make_context(name, list(args), parent=parent) as ctx:
                if not isinstance(command, click.Group):
                    return None
                protected = getattr(ctx, "_protected_args", None)
                rest = [*(ctx.protected_args if protected is None else protected), *ctx.args]
                if not rest:
                    return None if command.invoke_without_command else "缺少子命令 no subcommand"
                name, sub, args = command.resolve_command(ctx, rest)
                assert sub is not None
                command, parent = sub, ctx
    except click.exceptions.Exit as done:
        return None if done.exit_code == 0 else f"exit {done.exit_code}"
    except click.MissingParameter as error:
        return None if elided else error.format_message()
    except click.ClickException as error:
        return error.format_message()


def _lenient(command: click.Command) -> click.Command:
    """``command`` with its ``Path(exists=True)`` checks off; everything else as declared."""
    clone = copy.copy(command)
    clone.params = []
    for param in command.params:
        if isinstance(param.type, click.Path) and param.type.exists:
            param = copy.copy(param)
            param.type = copy.copy(param.type)
            param.type.exists = False  # type: ignore[attr-defined]
        clone.params.append(param)
    return clone


def _kit_args(command: GuideCommand) -> list[str]:
    return list(command.argv[1:])


COMMANDS = guide_commands(organizer_guide())
# A bare `/opt/trainingkit/bin/trainingkit` (or `trainingkit …`) in prose names the
# program; it is no command.
KIT_COMMANDS = [c for c in COMMANDS if c.argv[0] in KIT and c.argv[1:] not in ((), ("…",))]


def test_the_guide_shows_the_commands_of_every_step() -> None:
    # the extraction itself: if it found nothing, the tests below would prove nothing
    verbs = {tuple(a for a in c.argv[1:3] if not a.startswith("-")) for c in KIT_COMMANDS}
    for verb in [("doctor",), ("hub", "config"), ("hub", "setup"), ("release", "01-duties"),
                 ("grade",), ("progress",), ("feedback",), ("hub", "k8s-values")]:  # fmt: skip
        assert any(v[: len(verb)] == verb for v in verbs), (verb, sorted(verbs))
    heads = {c.argv[0] for c in COMMANDS}
    assert {"apt-get", "/usr/bin/python3", "python3", f"{VENV}/bin/pip", "npm"} <= heads
    assert {"systemctl", "docker", "kubectl", "helm"} <= heads
    assert heads & {"jupyterhub", f"{VENV}/bin/jupyterhub"}, "how to start the hub"
    assert not [c for c in COMMANDS if c.argv[0] == "trainingkit-boxN"]  # a user, not a command


def test_every_trainingkit_command_in_the_guide_parses() -> None:
    failures = [f"{c.text}\n    -> {error}" for c in KIT_COMMANDS
                if (error := parse_error(_kit_args(c))) is not None]  # fmt: skip
    assert not failures, "the organizer guide shows commands the kit rejects:\n" + "\n".join(
        failures
    )


@pytest.mark.parametrize(
    "wrong",
    [
        "trainingkit hub config --roster 名单.xlsx --course c1 --out d --no-such-option",
        "trainingkit hub no-such-verb --roster 名单.xlsx",
        "trainingkit doctor --role nonsense",
        "trainingkit doctor --trainees zero",
        "trainingkit hub setup --course c1",  # --roster is required
        "trainingkit progress --cohort c 多余的参数",
        "trainingkit no-such-command",
    ],
)
def test_the_parser_check_rejects_a_wrong_command(wrong: str) -> None:
    (command,) = guide_commands(f"`{wrong}`")
    assert parse_error(_kit_args(command)) is not None, wrong


def test_the_parser_check_accepts_what_the_kit_accepts() -> None:
    rights = [
        "trainingkit hub setup --roster 不存在.xlsx --course c1 --ip 127.0.0.1 --port 9000",
        "trainingkit hub config --roster r.csv --course c1 --out d --ip ::1 --port 1",
        "trainingkit hub setup …",
        "trainingkit --help",
        "trainingkit doctor",
    ]
    for right in rights:
        (command,) = guide_commands(f"`{right}`")
        assert parse_error(_kit_args(command)) is None, right


def test_the_command_splitter_reads_shell_as_the_shell_does() -> None:
    commands = guide_commands(
        '```bash\nsudo trainingkit release 01-duties --due "2026-12-08 18:00"  # 注释\n```\n'
        "`trainingkit hub k8s-values --roster r --course c > values.yaml` 和 "
        "`systemctl link …/x.service && systemctl enable --now x`\n"
        "```python\ntrainingkit = 1\n```"
    )
    assert [(c.argv, c.redirect) for c in commands] == [
        (("trainingkit", "release", "01-duties", "--due", "2026-12-08 18:00"), None),
        (("trainingkit", "hub", "k8s-values", "--roster", "r", "--course", "c"), "values.yaml"),
        (("systemctl", "link", "…/x.service"), None),
        (("systemctl", "enable", "--now", "x"), None),
    ]


# --- commands of other tools: what they name must be what the kit has ---------------


def _guide_plan() -> HubPlan:
    """The plan of `hub setup --course cppcc2026` with the CLI's default places."""
    from trainingkit.cohort.roster import RosterEntry
    from trainingkit.hub.plan import HubOptions, build_plan

    people = [
        RosterEntry("t001", "张三（虚构示例）", "经济界", "某公司"),
        RosterEntry("teacher1", "陈老师（虚构示例）", "", "培训中心", role="instructor"),
    ]
    return build_plan(people, HubOptions(course="cppcc2026", base=HUB_BASE))


def test_service_commands_name_the_files_hub_setup_writes() -> None:
    layout = _guide_plan().layout
    unit = layout.systemd_unit
    for command in COMMANDS:
        argv = command.argv
        if argv[0] in ("jupyterhub", f"{VENV}/bin/jupyterhub") and argv[1:] not in ((), ("…",)):
            assert argv[1:] == ("-f", str(layout.hub_config)), command.text
        elif argv[0] == "systemctl" and argv[1] == "link":
            assert argv[2].endswith(f"/etc/{unit.name}") and str(unit).endswith(
                argv[2].lstrip("…")
            ), (command.text, unit)
        elif argv[0] == "systemctl":
            assert argv[-1] in (unit.name, unit.stem), (command.text, unit)
    # "grade --cohort /home/tk-grader-cppcc2026/cppcc2026": the cohort hub setup makes
    cohorts = [c.argv[c.argv.index("--cohort") + 1] for c in KIT_COMMANDS if "--cohort" in c.argv]
    on_hub = [c for c in cohorts if c.startswith("/home/")]
    assert on_hub and set(on_hub) == {str(layout.cohort)}, (cohorts, layout.cohort)


def test_other_tools_name_files_and_packages_that_exist() -> None:
    setup_sh = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    redirects = {c.redirect for c in COMMANDS if c.redirect}
    checked = set()
    for command in COMMANDS:
        head, args = command.argv[0], command.argv[1:]
        if head == "npm":
            packages = [a for a in args if not a.startswith("-") and a != "install"]
            assert packages and all(p in setup_sh for p in packages), command.text
        elif head in ("docker", "kubectl"):
            files = [args[i + 1] for i, a in enumerate(args[:-1]) if a == "-f"]
            assert files and all((ROOT / f).is_file() for f in files), command.text
        elif head == "helm" and "--values" in args:
            values = args[args.index("--values") + 1]
            assert values in redirects, (command.text, redirects)  # written by k8s-values
        elif head == "helm":
            assert args[:2] == ("repo", "add") and args[3].startswith("https://"), command.text
        elif head == "apt-get":
            assert args == ("update",) or (args[0] == "install" and "-y" in args), command.text
        else:
            continue
        checked.add(head)
    assert checked == {"npm", "docker", "kubectl", "helm", "apt-get"}


def test_the_kubernetes_steps_fit_the_image_and_the_chart() -> None:
    dockerfile = (ROOT / "deploy" / "kubernetes" / "Dockerfile").read_text(encoding="utf-8")
    order = [" ".join(c.argv[:3]) for c in COMMANDS]
    # the Dockerfile installs the kit from dist/: the guide builds the wheel there first
    assert "COPY dist/trainingkit-*.whl" in dockerfile
    build = order.index("docker build -f")
    assert any(c.argv[:7] == ("python3", "-m", "pip", "wheel", "--no-deps", "-w", "dist")
               and c.argv[-1] == "." for c in COMMANDS[:build]), order  # fmt: skip
    helm = [c for c in COMMANDS if c.argv[:2] == ("helm", "upgrade")]
    assert helm and all("--version" in c.argv for c in helm), helm
    (version,) = {c.argv[c.argv.index("--version") + 1] for c in helm}
    assert version.startswith("4.4."), version  # the image pins JupyterHub 5.5 to chart 4.4
    added = [c for c in COMMANDS if c.argv[:3] == ("helm", "repo", "add")]
    assert added and COMMANDS.index(added[0]) < COMMANDS.index(helm[0])
    chart = next(a for a in helm[0].argv if "/" in a)  # jupyterhub/jupyterhub
    assert chart.split("/")[0] == added[0].argv[3], (chart, added[0].text)
    # folders of the image that the grader's commands name must be made by the Dockerfile
    k8s = organizer_guide().split("Kubernetes（Zero to JupyterHub）", 1)[1]
    for command in guide_commands(k8s):
        for word in command.argv[1:]:
            if word.startswith(f"{VENV}/"):
                made = word[len(VENV) :].split("/")[1]
                assert f"{VENV}/{made}" in dockerfile, (command.text, word)


@pytest.mark.skipif(shutil.which("apt-cache") is None, reason="no apt-cache: not Debian/Ubuntu")
def test_the_apt_packages_of_the_guide_are_known_to_apt() -> None:
    packages = sorted({a for c in COMMANDS if c.argv[0] == "apt-get"
                       for a in c.argv[2:] if not a.startswith("-")})  # fmt: skip
    # what step 2 and doctor need: venv, the proxy's node, the sandbox, the charts' font
    assert {"python3-venv", "nodejs", "npm", "bubblewrap", "fonts-noto-cjk"} <= set(packages)
    for package in packages:
        policy = subprocess.run(["apt-cache", "policy", package], capture_output=True,
                                text=True, check=False).stdout  # fmt: skip
        assert "Candidate:" in policy and "Candidate: (none)" not in policy, (package, policy)


# --- step 2 and 3 for real: install from the wheel, doctor, hub config ---------------


@dataclass(frozen=True)
class Installed:
    """The kit installed as step 2 says, with ``/opt/trainingkit`` at `venv`."""

    venv: Path
    public: Path  # the world-readable folder the venv sits in
    work: Path  # the organizer's current folder (``dist``, 名单.xlsx)
    env: dict[str, str]

    def run(self, command: GuideCommand) -> subprocess.CompletedProcess[str]:
        """Run a guide command's line through bash as written, /opt/trainingkit at `venv`."""
        assert len(_simple_commands(command.text)) == 1, command.text  # that command alone
        line = command.text.replace(VENV, str(self.venv))
        return subprocess.run(["bash", "-c", line], cwd=self.work, env=self.env,
                              capture_output=True, text=True, check=False, timeout=900)  # fmt: skip


def _step(prefix: str) -> GuideCommand:
    matches = [c for c in COMMANDS if shlex.join(c.argv).startswith(prefix)]
    assert matches, f"the organizer guide no longer shows a command starting with {prefix!r}"
    return matches[0]


def _debian_venv_missing() -> str | None:
    system = Path("/usr/bin/python3")
    if not system.exists():
        return "/usr/bin/python3 is missing (not a Debian-like system)"
    done = subprocess.run([str(system), "-c", "import venv, ensurepip"],
                          capture_output=True, check=False)  # fmt: skip
    return "the venv module of /usr/bin/python3 is missing" if done.returncode else None


def _write_roster(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [("账号", "姓名", "界别", "单位", "角色"),
                ("t001", "张三（虚构示例）", "经济界", "某公司", "学员"),
                ("t002", "李四（虚构示例）", "教育界", "某学校", ""),
                ("teacher1", "陈老师（虚构示例）", "", "培训中心", "教师")]:  # fmt: skip
        sheet.append(row)
    book.save(path)


@pytest.fixture(scope="module")
def installed(dist: Path) -> Iterator[Installed]:
    missing = _debian_venv_missing()
    if missing:
        from trainingkit.doctor import public_install

        # the kit tells the organizer what to install instead
        assert "python3-venv" in public_install("hub"), public_install("hub")
        pytest.skip(f"{missing}: the guide's install step cannot run here")
    assert (PROXY_BIN / "configurable-http-proxy").exists(), "run scripts/setup.sh test first"
    public = Path(tempfile.mkdtemp(prefix="tk-guide-", dir="/tmp"))
    try:
        public.chmod(0o755)  # trainee and sandbox accounts must reach the venv, as in /opt
        work = public / "organizer"
        work.mkdir()
        (work / "dist").symlink_to(dist)  # the wheel of the guide's `pip wheel … -w dist`
        _write_roster(work / "名单.xlsx")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        # `npm install -g configurable-http-proxy@5` is not run system-wide: the
        # checkout's copy (scripts/setup.sh) is put on PATH instead.
        env["PATH"] = f"{PROXY_BIN}{os.pathsep}{env.get('PATH', '')}"
        done = Installed(public / "opt" / "trainingkit", public, work, env)
        for prefix in (f"/usr/bin/python3 -m venv {VENV}", f"{VENV}/bin/pip install"):
            ran = done.run(_step(prefix))
            assert ran.returncode == 0, f"{prefix}\n{ran.stdout[-3000:]}\n{ran.stderr[-3000:]}"
        yield done
    finally:
        shutil.rmtree(public, ignore_errors=True)


def test_step_2_builds_the_wheel_as_the_suite_does() -> None:
    # the suite's `dist` fixture runs this very command (with -q), from the checkout
    wheel = _step("python3 -m pip wheel")
    assert wheel.argv == ("python3", "-m", "pip", "wheel", "--no-deps", "-w", "dist",
                          "/path/to/trainingkit"), wheel.text  # fmt: skip
    install = _step(f"{VENV}/bin/pip install")
    assert install.argv[-1] == "$(ls dist/trainingkit-*.whl)[hub]", install.text


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_step_2_installs_the_kit_into_a_venv_of_debians_python(installed: Installed) -> None:
    python = installed.venv / "bin" / "python"
    assert python.resolve() == Path("/usr/bin/python3").resolve()
    where = subprocess.run(
        [str(python), "-c", "import trainingkit.resources as r; print(r.course_dir())"],
        cwd=installed.work, env=installed.env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert where.returncode == 0, where.stderr
    course = Path(where.stdout.strip())
    assert course.is_relative_to(installed.venv) and (course / "00-getting-started").is_dir()
    for tool in ("trainingkit", "jupyterhub", "nbgrader"):
        assert (installed.venv / "bin" / tool).exists(), tool


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_step_2_doctor_lists_what_the_machine_has(installed: Installed) -> None:
    command = _step(f"{VENV}/bin/trainingkit doctor")
    assert command.argv[1:] == ("doctor", "--role", "hub", "--role", "grading",
                                "--trainees", "50"), command.text  # fmt: skip
    done = installed.run(command)
    out = done.stdout
    assert "Traceback" not in out + done.stderr
    assert "【运行 JupyterHub · running the hub】" in out and "【在沙箱中批改" in out, out
    failed = [line for line in out.splitlines() if line.lstrip().startswith("✗")]
    assert done.returncode == (1 if failed else 0), out
    # what this machine itself may lack (a container, CI); everything step 2 installs is there
    from trainingkit.doctor import HUB_OVERHEAD_MB, MB_PER_TRAINEE, available_memory_mb
    from trainingkit.grading.sandbox import bwrap_error

    allowed = []
    if not Path("/run/systemd/system").is_dir():
        allowed.append("systemd")
    if (available_memory_mb() or 0) < HUB_OVERHEAD_MB + 50 * MB_PER_TRAINEE:
        allowed.append("内存")
    if os.geteuid() != 0:
        allowed.append("以 root 批改")
    bwrap = shutil.which("bwrap")
    if bwrap is None or bwrap_error(bwrap):
        allowed += ["bubblewrap", "沙箱用户"]
    assert all(any(a in line for a in allowed) for line in failed), out
    assert f"{installed.venv}/bin/python3" in out
    reach = [line for line in out.splitlines() if "能读到 Python" in line]
    assert len(reach) == 2 and all(str(installed.venv) in line for line in reach), out
    assert any("✓ configurable-http-proxy" in line for line in out.splitlines()), out


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_step_3_hub_config_writes_the_review_folder_and_changes_nothing(
    installed: Installed,
) -> None:
    command = _step(f"{VENV}/bin/trainingkit hub config")
    assert "--out" in command.argv and "--roster" in command.argv, command.text
    out = installed.work / command.argv[command.argv.index("--out") + 1]
    base = HUB_BASE
    existed = base.exists()
    done = installed.run(command)
    assert done.returncode == 0, done.stdout + done.stderr
    etc = out / "etc"
    # "jupyterhub_config.py、学员与批改账户的 nbgrader 设置、systemd 单元、账户清单"
    assert (etc / "jupyterhub_config.py").is_file()
    assert (etc / "jupyter" / "nbgrader_config.py").is_file()
    assert (etc / "grader" / "nbgrader_config.py").is_file()
    assert (etc / "trainingkit-hub-cppcc2026.service").is_file()
    accounts = (etc / "accounts-plan.tsv").read_text(encoding="utf-8")
    for login in ("tk-t001", "tk-t002", "tk-teacher1", "tk-grader-cppcc2026"):
        assert login in accounts, accounts
    hub_config = (etc / "jupyterhub_config.py").read_text(encoding="utf-8")
    # "默认监听 0.0.0.0:8000"; the servers run the venv's Python
    assert "c.JupyterHub.ip = '0.0.0.0'" in hub_config and "c.JupyterHub.port = 8000" in hub_config
    assert f"'{installed.venv}/bin/python'" in hub_config
    assert str(PROXY_BIN / "configurable-http-proxy") in hub_config  # found on PATH
    assert base.exists() == existed  # "不改动本机"
    unit = (etc / "trainingkit-hub-cppcc2026.service").read_text(encoding="utf-8")
    assert f"ExecStart={installed.venv}/bin/jupyterhub -f {base}/etc/jupyterhub_config.py" in unit


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_step_3_hub_config_exits_2_on_what_hub_setup_would_refuse(installed: Installed) -> None:
    # "hub setup 会拒绝的问题（如 Python 装在私人目录、找不到课程目录）它同样会报出，并以 2 退出"
    command = _step(f"{VENV}/bin/trainingkit hub config")
    installed.public.chmod(0o700)  # the same venv, now in a folder no trainee can enter
    try:
        private = installed.run(command)
    finally:
        installed.public.chmod(0o755)
    assert private.returncode == 2, private.stdout + private.stderr
    assert "/usr/bin/python3 -m venv" in private.stderr and "Traceback" not in private.stderr

    (course,) = installed.venv.glob("lib/python3*/site-packages/trainingkit/course")
    away = course.with_name("course.away")  # a kit installed without its course
    course.rename(away)
    try:
        no_course = installed.run(command)
    finally:
        away.rename(course)
    assert no_course.returncode == 2, no_course.stdout + no_course.stderr
    assert "--course-dir" in no_course.stderr and "Traceback" not in no_course.stderr
    assert stat.S_IMODE(installed.public.stat().st_mode) == 0o755
