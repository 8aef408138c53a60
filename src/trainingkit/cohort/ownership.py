"""What root writes into a cohort belongs to the cohort's owner.

On a hub the cohort lives in the grader account's home and the organizer grades
as root, while the instructor runs ``collect``/``feedback``/``progress`` as that
account in the course service's terminal. So when the kit runs as root on a
cohort whose folder belongs to another account, everything the run created or
rewrote there (``autograded/``, ``feedback/``, ``.trainingkit/``, the gradebook and
its journal, exports, …) and in the course's exchange folder is handed to that
owner when the command ends, however it ends (an error, Ctrl-C).

Only root-owned entries change hands: trainees' submissions in the exchange stay
theirs, and a cohort that root owns is left as it is. Each command line entry
point that opens a cohort uses `kept_by_owner` (``trainingkit.cli.cohort.open_cohort``);
a run killed outright is mended by the next root run, which hands over every
root-owned entry, old or new. The temporary folder needs nothing: each account
has its own sandbox lock files there (`trainingkit.grading.sandbox.claim_slots`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from trainingkit.cohort.directory import Cohort

__all__ = ["cohort_owner", "give_back", "kept_by_owner", "owned_folders"]


def cohort_owner(cohort: Cohort) -> tuple[int, int] | None:
    """``(uid, gid)`` of the cohort folder when root runs on another account's cohort."""
    if os.geteuid() != 0:
        return None
    status = cohort.root.stat()
    return None if status.st_uid == 0 else (status.st_uid, status.st_gid)


def owned_folders(cohort: Cohort, uid: int) -> list[Path]:
    """The cohort, and its course's exchange folder when the same account owns it."""
    folders = [cohort.root]
    course_exchange = cohort.exchange / cohort.name
    if not course_exchange.is_relative_to(cohort.root) and _owner(course_exchange) == uid:
        folders.append(course_exchange)
    return folders


def give_back(folders: Iterable[Path], uid: int, gid: int) -> int:
    """Hand every root-owned entry below ``folders`` to ``uid:gid``; return how many.

    Symbolic links themselves change hands, never what they point to.
    """
    changed = 0
    for folder in folders:
        changed += _give(str(folder), uid, gid)
        for top, directories, files in os.walk(folder):
            for entry in (*directories, *files):
                changed += _give(os.path.join(top, entry), uid, gid)
    return changed


def _give(path: str, uid: int, gid: int) -> int:
    try:
        if os.lstat(path).st_uid != 0:
            return 0
        os.chown(path, uid, gid, follow_symlinks=False)
    except FileNotFoundError:  # removed meanwhile (a journal, a scratch file)
        return 0
    return 1


@contextmanager
def kept_by_owner(cohort: Cohort) -> Iterator[None]:
    """Run the body; then, as root on another account's cohort, hand it what root wrote."""
    owner = cohort_owner(cohort)
    try:
        yield
    finally:
        if owner is not None:
            give_back(owned_folders(cohort, owner[0]), *owner)


def _owner(path: Path) -> int | None:
    try:
        return path.stat().st_uid
    except OSError:
        return None
