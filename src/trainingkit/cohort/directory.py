"""One cohort of trainees: the object that knows every path.

A cohort is an nbgrader course directory plus a few files of the kit's own:

========================  ==============================================
``cohort.toml``           name, gradebook URL, exchange (written by init)
``nbgrader_config.py``    nbgrader's configuration (generated)
``gradebook.db``          nbgrader's SQLite gradebook (unless ``--db``)
``exchange/``             nbgrader's exchange (unless ``--exchange``)
``source/`` … ``feedback/``  nbgrader's ``{step}/{student_id}/{assignment_id}``
``roster.json``           界别/单位/角色 that nbgrader has no columns for
``schedule.toml``         assignment → due date (Asia/Shanghai)
``.trainingkit/``         grading state and statuses, one file per submission
========================  ==============================================

Nothing else in the kit joins these path strings. The cohort directory is kept
``0700``: trainee code, run by the grading sandbox as another user, cannot read it.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trainingkit.cohort.config import (
    DEFAULT_TIMEOUT,
    alembic_on_path,
    create_gradebook,
    render_nbgrader_config,
    toml_line,
)
from trainingkit.resources import ResourceMissing, exercises_dir

if TYPE_CHECKING:
    from nbgrader.api import Gradebook
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

__all__ = [
    "LESSON_FOLDERS",
    "NAME_PATTERN",
    "STEPS",
    "Cohort",
    "CohortError",
]

#: nbgrader's directory steps, in the order an assignment moves through them.
STEPS = ("source", "release", "submitted", "autograded", "feedback")
#: A cohort name is nbgrader's course id: it appears in paths and in the exchange.
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_META = "cohort.toml"


#: Folders that hold the lessons beside fetched exercises (the demo's and a local
#: trainee's ``course/``, a hub home's ``lessons/``): never an exercise's name.
LESSON_FOLDERS = ("course", "lessons")


class CohortError(Exception):
    """A problem the operator can fix (bad input, missing cohort); nothing was changed.

    The message is Chinese first, then English, so it can be shown as is.
    """


@dataclass(frozen=True)
class Cohort:
    """An initialised cohort directory.

    Attributes:
        root: Absolute path of the cohort directory.
        name: nbgrader course id (``NAME_PATTERN``).
        db_url: SQLAlchemy URL of nbgrader's gradebook.
        exchange: nbgrader's exchange root.
        title: Human-readable title (may be Chinese).
        homes: Where trainees' homes are (set by ``hub setup``), or None.
        home_prefix: Prefix of a home's name before the login (``tk-`` on a hub).
    """

    root: Path
    name: str
    db_url: str
    exchange: Path
    title: str = ""
    homes: Path | None = None
    home_prefix: str = ""

    # ----------------------------------------------------------------- creation
    @staticmethod
    def is_cohort(folder: Path) -> bool:
        """Whether ``folder`` holds a cohort, i.e. its ``cohort.toml`` (what `open` reads)."""
        return (folder / _META).is_file()

    @classmethod
    def open(cls, directory: str | Path = ".") -> Cohort:
        """Open an existing cohort; raise `CohortError` if ``directory`` is not one."""
        root = Path(directory).resolve()
        meta_file = root / _META
        if not meta_file.is_file():
            raise CohortError(
                f"{root} 不是培训班目录（缺少 {_META}），请先运行 trainingkit cohort init。\n"
                f"{root} is not a cohort (no {_META}); run `trainingkit cohort init` first."
            )
        try:
            meta = tomllib.loads(meta_file.read_text(encoding="utf-8"))
            name = str(meta["name"])
        except (tomllib.TOMLDecodeError, KeyError) as error:
            raise CohortError(
                f"{meta_file} 无法读取或缺少 name（{error}）。\n"
                f"{meta_file} is not valid TOML or has no name ({error})."
            ) from error
        exchange = Path(meta.get("exchange", "exchange"))
        return cls(
            root=root,
            name=name,
            db_url=str(meta.get("db_url") or _sqlite_url(root)),
            exchange=exchange if exchange.is_absolute() else root / exchange,
            title=str(meta.get("title", "")),
            homes=Path(meta["homes"]) if meta.get("homes") else None,
            home_prefix=str(meta.get("home_prefix", "")),
        )

    @classmethod
    def init(
        cls,
        directory: str | Path,
        *,
        name: str,
        title: str = "",
        db_url: str | None = None,
        exchange: str | Path | None = None,
        exercises: str | Path | None = None,
        timeout: int = DEFAULT_TIMEOUT,
    ) -> Cohort:
        """Create a cohort directory, its nbgrader config, gradebook and exchange.

        Args:
            directory: New or empty directory.
            name: Course id (letters, digits, ``_ . -``); several cohorts need
                distinct directories, not distinct names.
            title: Display title, e.g. ``"2026年第一期新任委员培训班"``.
            db_url: Gradebook URL; default SQLite ``gradebook.db`` in the cohort.
            exchange: Exchange root; default ``exchange/`` inside the cohort.
            exercises: Folder of source assignments; default the kit's
                (`trainingkit.resources.exercises_dir`).
            timeout: Seconds a single cell may run when grading.

        Raises:
            CohortError: bad name, non-empty directory, missing exercises. Nothing
                is created in that case.
        """
        root = Path(directory).resolve()
        _check_new_cohort(root, name)
        assignments = _source_assignments(exercises)
        existed = root.exists()
        root.mkdir(parents=True, exist_ok=True)
        root.chmod(0o700)
        try:
            exchange_path = Path(exchange).resolve() if exchange is not None else None
            _write_meta(root, name=name, title=title, db_url=db_url, exchange=exchange_path)
            cohort = cls.open(root)
            text = render_nbgrader_config(name=name, root=root, db_url=cohort.db_url,
                                          exchange=cohort.exchange, timeout=timeout)  # fmt: skip
            cohort.config_file.write_text(text, encoding="utf-8")
            for assignment in assignments:
                skip = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
                shutil.copytree(assignment, cohort.source(assignment.name), ignore=skip)
            cohort.exchange.mkdir(parents=True, exist_ok=True)
            cohort.exchange.chmod(0o777)  # nbgrader insists; the cohort root stays 0700
            create_gradebook(cohort.db_url)
            with cohort.gradebook():
                pass  # checks the course row
        except BaseException:  # nothing half-made is left behind
            for made in list(root.iterdir()) if existed else [root]:
                shutil.rmtree(made) if made.is_dir() else made.unlink()
            raise
        return cohort

    def set_homes(self, homes: Path, prefix: str) -> Cohort:
        """Record where trainees' homes are: ``<homes>/<prefix><login>`` (a hub's mapping)."""
        meta_file = self.root / _META
        kept = [
            line
            for line in meta_file.read_text(encoding="utf-8").splitlines()
            if not line.startswith(("homes ", "homes=", "home_prefix"))
        ]
        kept += [toml_line("homes", str(homes)), toml_line("home_prefix", prefix)]
        meta_file.write_text("\n".join(kept) + "\n", encoding="utf-8")
        return Cohort.open(self.root)

    # -------------------------------------------------------------------- paths
    def home(self, student_id: str, homes: Path | None = None) -> Path | None:
        """A trainee's home: ``homes`` (default the recorded one) / prefix + login."""
        base = homes if homes is not None else self.homes
        return None if base is None else base / f"{self.home_prefix}{student_id}"

    def fetched_paths(
        self, student_id: str, assignment_id: str, homes: Path | None = None
    ) -> list[Path]:
        """Where a fetched assignment can be in a home (with and without the course folder)."""
        home = self.home(student_id, homes)
        if home is None:
            return []
        return [home / self.name / assignment_id, home / assignment_id]

    def path(self, step: str, student_id: str = ".", assignment_id: str = ".") -> Path:
        """nbgrader's ``{step}/{student_id}/{assignment_id}`` path."""
        if step not in STEPS:
            raise ValueError(f"unknown nbgrader step {step!r}")
        return self.root / step / student_id / assignment_id

    def source(self, assignment_id: str) -> Path:
        """The instructor's version of an assignment (solutions, hidden tests)."""
        return self.root / "source" / assignment_id

    def release(self, assignment_id: str) -> Path:
        """The generated student version of an assignment."""
        return self.root / "release" / assignment_id

    def submitted(self, student_id: str, assignment_id: str) -> Path:
        """A collected submission."""
        return self.path("submitted", student_id, assignment_id)

    def autograded(self, student_id: str, assignment_id: str) -> Path:
        """The autograded copy of a submission."""
        return self.path("autograded", student_id, assignment_id)

    def feedback(self, student_id: str, assignment_id: str) -> Path:
        """Generated feedback for a submission."""
        return self.path("feedback", student_id, assignment_id)

    @property
    def config_file(self) -> Path:
        """``nbgrader_config.py``."""
        return self.root / "nbgrader_config.py"

    @property
    def roster_file(self) -> Path:
        """The kit's roster (界别, 单位, 角色): ``roster.json``."""
        return self.root / "roster.json"

    @property
    def schedule_file(self) -> Path:
        """Due dates per assignment: ``schedule.toml``."""
        return self.root / "schedule.toml"

    @property
    def state_dir(self) -> Path:
        """The kit's private state (grading statuses); never shown to trainees."""
        return self.root / ".trainingkit"

    def status_file(self, assignment_id: str, student_id: str) -> Path:
        """Grading status of one submission (written after the gradebook commit)."""
        return self.state_dir / "grading" / assignment_id / f"{student_id}.json"

    # ---------------------------------------------------------------- listings
    def assignments(self) -> list[str]:
        """Source assignment ids, sorted."""
        base = self.root / "source"
        if not base.is_dir():
            return []
        return sorted(p.name for p in base.iterdir() if p.is_dir() and _is_assignment(p))

    def check_assignments(self, names: list[str] | None = None) -> list[str]:
        """``names`` (default: every assignment) once each is known to exist.

        Raises:
            CohortError: some name is not one of `assignments`.
        """
        known = self.assignments()
        unknown = [a for a in names or [] if a not in known]
        if unknown:
            raise CohortError(
                f"没有这些练习：{', '.join(unknown)}（已有：{', '.join(known)}）。\n"
                f"Unknown assignment(s): {', '.join(unknown)}."
            )
        return list(names or known)

    def submissions(self, assignment_id: str) -> list[str]:
        """Student ids with a collected submission of ``assignment_id``, sorted."""
        base = self.root / "submitted"
        if not base.is_dir():
            return []
        return sorted(p.name for p in base.iterdir() if (p / assignment_id).is_dir())

    def collected(
        self, assignments: list[str] | None = None, trainees: list[str] | None = None
    ) -> list[tuple[str, str]]:
        """(assignment, student) of each collected submission chosen, assignment-major.

        Args:
            assignments: Assignment ids; default every assignment.
            trainees: Only these student ids; default everyone.

        Raises:
            CohortError: an unknown assignment, or a trainee with nothing collected.
        """
        pairs = [(a, s) for a in self.check_assignments(assignments) for s in self.submissions(a)]
        missing = sorted(set(trainees or []) - {s for _, s in pairs})
        if missing:
            raise CohortError(
                f"这些学员没有已收取的提交：{', '.join(missing)}。\n"
                f"No collected submission for: {', '.join(missing)}."
            )
        return [(a, s) for a, s in pairs if not trainees or s in trainees]

    # ------------------------------------------------------------ nbgrader glue
    def nbgrader_config(self) -> Config:
        """nbgrader's configuration for this cohort, as the CLI would load it."""
        from traitlets.config.loader import PyFileConfigLoader

        config = PyFileConfigLoader(self.config_file.name, path=str(self.root)).load_config()
        _check_layout(config, self.config_file)
        return config

    def coursedir(self, config: Config | None = None) -> CourseDirectory:
        """An nbgrader ``CourseDirectory`` for this cohort."""
        from nbgrader.coursedir import CourseDirectory

        return CourseDirectory(config=config or self.nbgrader_config())

    def gradebook(self) -> Gradebook:
        """nbgrader's gradebook; use as a context manager so it gets closed."""
        from nbgrader.api import Gradebook

        alembic_on_path()
        return Gradebook(self.db_url, self.name)


#: nbgrader's folder layout, which `Cohort.path` and every path of the kit assume.
_LAYOUT = {
    "directory_structure": "{nbgrader_step}/{student_id}/{assignment_id}",
    **{f"{step}_directory": step for step in STEPS},
}


def _check_layout(config: Config, config_file: Path) -> None:
    """Refuse a config that moves nbgrader's folders: the kit would look in the wrong place."""
    changed = {
        key: config.CourseDirectory[key]
        for key, default in _LAYOUT.items()
        if key in config.CourseDirectory and config.CourseDirectory[key] != default
    }
    if changed:
        settings = ", ".join(f"CourseDirectory.{k} = {v!r}" for k, v in changed.items())
        raise CohortError(
            f"{config_file} 改动了 nbgrader 的目录结构（{settings}），本课程包不支持，"
            "请删去这些设置。\n"
            f"{config_file} changes nbgrader's folder layout ({settings}); the kit assumes "
            "nbgrader's default layout everywhere. Remove these settings."
        )


def _check_new_cohort(root: Path, name: str) -> None:
    if not NAME_PATTERN.match(name):
        raise CohortError(
            f"培训班名称 {name!r} 只能用字母、数字和 _ . -（中文名称请用 --title）。\n"
            f"Cohort name {name!r} may only use letters, digits and _ . - "
            "(put a Chinese title in --title)."
        )
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise CohortError(
            f"目录 {root} 已存在且不为空。\nDirectory {root} exists and is not empty."
        )


def _source_assignments(exercises: str | Path | None) -> list[Path]:
    """The assignment folders to copy into ``source/``, checked against the lessons' names."""
    try:
        source = Path(exercises) if exercises is not None else exercises_dir()
    except ResourceMissing as error:
        raise CohortError(str(error)) from error
    if not source.is_dir():
        raise CohortError(
            f"练习目录 {source} 不存在（--exercises）。\nExercises folder {source} does not exist."
        )
    assignments = sorted(p for p in source.iterdir() if p.is_dir() and _is_assignment(p))
    if not assignments:
        raise CohortError(
            f"{source} 里没有练习（含 .ipynb 的子目录）。\n"
            f"No assignments (sub-folders with notebooks) in {source}."
        )
    clashes = sorted({p.name for p in assignments} & set(LESSON_FOLDERS))
    if clashes:
        raise CohortError(
            f"练习 {'、'.join(clashes)} 与课程讲义目录同名，学员领取练习时会与讲义混在一起。"
            "请给练习换个名字。\n"
            f"Exercise {', '.join(clashes)} has the name of a lessons folder "
            f"({', '.join(LESSON_FOLDERS)}); nbgrader would mix the two. Rename the exercise."
        )
    return assignments


def _write_meta(
    root: Path, *, name: str, title: str, db_url: str | None, exchange: Path | None
) -> None:
    meta = [toml_line("name", name), toml_line("title", title)]
    if db_url:
        meta.append(toml_line("db_url", db_url))
    if exchange is not None:
        meta.append(toml_line("exchange", str(exchange)))
    (root / _META).write_text("\n".join(meta) + "\n", encoding="utf-8")


def _sqlite_url(root: Path) -> str:
    return f"sqlite:///{root / 'gradebook.db'}"


def _is_assignment(path: Path) -> bool:
    return any(path.glob("*.ipynb"))
