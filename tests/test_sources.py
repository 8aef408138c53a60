"""Every source the kit shows is one that DOMAIN.md or the seed names (issue 13).

The committed list ``tests/fixtures/allowed_sources.toml`` holds each allowed source
string with the words of DOMAIN.md or the seed that name it. The kit is checked
against the list always; the list is checked against ``../shared/DOMAIN.md`` and the
seed when they are beside the repository (as in CI), so the list cannot drift into
sources the brief does not give.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "src" / "trainingkit" / "facts"
ALLOWED = tomllib.loads((ROOT / "tests" / "fixtures" / "allowed_sources.toml").read_text("utf-8"))
# CI lays shared/ beside the clone; a developer's worktree may point elsewhere.
SHARED = Path(os.environ.get("TRAININGKIT_SHARED", ROOT.parent / "shared"))

#: Words that make a string read like the title of a document.
DOCUMENT_WORDS = re.compile(r"(办法|规定|条例|意见|报告|通知|要求|细则)")
TITLE = re.compile(r"《([^》]+)》")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def source_strings() -> dict[str, set[str]]:
    """Every ``source = "..."`` value in the facts (quizzes included), with its files."""
    found: dict[str, set[str]] = {}

    def walk(value: Any, name: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "source" and isinstance(inner, str):
                    found.setdefault(inner, set()).add(name)
                else:
                    walk(inner, name)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, name)

    for path in sorted(FACTS.rglob("*.toml")):
        walk(tomllib.loads(path.read_text("utf-8")), str(path.relative_to(FACTS)))
    return found


def shown_titles() -> dict[str, set[str]]:
    """Every 《title》 in the facts and in the markdown of lessons and exercises."""
    found: dict[str, set[str]] = {}
    # review_*.toml hold the reviewer's regular expressions, not text that is shown.
    facts = [p for p in FACTS.rglob("*.toml") if not p.name.startswith("review_")]
    texts = [(str(p.relative_to(ROOT)), p.read_text("utf-8")) for p in facts]
    for folder in ("course", "exercises"):
        for path in sorted((ROOT / folder).rglob("*.ipynb")):
            cells = json.loads(path.read_text("utf-8"))["cells"]
            text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
            texts.append((str(path.relative_to(ROOT)), text))
    for name, text in texts:
        for title in TITLE.findall(text):
            found.setdefault(title, set()).add(name)
    return found


def problems(source: str, allowed: dict[str, Any] = ALLOWED) -> list[str]:
    """Why ``source`` may not be shown (empty when it may)."""
    entries = {entry["text"]: entry for entry in allowed["source"]}
    titles = {entry["text"] for entry in allowed["title"]}
    reasons = []
    entry = entries.get(source)
    if entry is None:
        reasons.append("not in the allowed list")
    for title in TITLE.findall(source):
        if title not in titles:
            reasons.append(f"title 《{title}》 is not one DOMAIN.md or the seed names")
    outside = TITLE.sub("", source)
    if DOCUMENT_WORDS.search(outside) and not (entry and entry.get("document")):
        reasons.append("reads like a document title that DOMAIN.md does not give")
    return reasons


def domain_text() -> str:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    parts = [(SHARED / "DOMAIN.md").read_text("utf-8"), *(p.read_text("utf-8") for p in seeds)]
    return _squash("\n".join(parts))


def test_every_source_in_the_facts_is_an_allowed_one() -> None:
    bad = {s: (sorted(files), problems(s)) for s, files in source_strings().items() if problems(s)}
    assert not bad


def test_every_title_shown_is_one_domain_or_the_seed_names() -> None:
    titles = {entry["text"] for entry in ALLOWED["title"]}
    assert {t: sorted(f) for t, f in shown_titles().items() if t not in titles} == {}


@pytest.mark.parametrize(
    "invented",
    [
        "桐城市2019年委员履职考核办法",  # the audit's finding 14
        "济南市2015年委员履职考核办法",  # finding 13
        "全国政协提案工作情况报告（2024年）",  # finding 11
        "《全国政协委员履职考核办法》",  # a title in 《》 that DOMAIN never gives
    ],
)
def test_an_invented_title_is_rejected(invented: str) -> None:
    assert problems(invented)
    # Even added to the list without a document DOMAIN names, it is still rejected.
    sneaked = {**ALLOWED, "source": [*ALLOWED["source"], {"text": invented, "domain": []}]}
    assert problems(invented, sneaked)


def test_the_allowed_list_has_no_duplicates_and_every_entry_cites_domain() -> None:
    texts = [entry["text"] for entry in ALLOWED["source"]]
    assert len(texts) == len(set(texts))
    assert all(entry["domain"] for entry in [*ALLOWED["source"], *ALLOWED["title"]])


@pytest.mark.skipif(
    not (SHARED / "DOMAIN.md").is_file(), reason="../shared/DOMAIN.md is not beside the repo"
)
def test_the_allowed_list_is_what_domain_and_the_seed_name() -> None:
    text = domain_text()
    missing = {}
    for entry in [*ALLOWED["source"], *ALLOWED["title"]]:
        phrases = [*entry["domain"], entry.get("document", "")]
        missing[entry["text"]] = [p for p in phrases if p and _squash(p) not in text]
    assert {k: v for k, v in missing.items() if v} == {}
    # An entry whose evidence is invented is caught here.
    assert _squash("桐城市2019年委员履职考核办法") not in text
