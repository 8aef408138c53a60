"""``trainingkit review FILE``: 提案体检 from the command line.

Exit codes: 0 registrable (no blocking finding), 1 not registrable (at least one
blocking finding), 2 usage or input error (file missing, not UTF-8 or GB18030).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["decode_draft", "format_report", "review"]

_SEVERITY_NAMES = {"blocking": "不予立案", "warning": "需要修改", "hint": "提示"}
_KIND_NAMES = {"proposal": "提案", "sheqing": "社情民意信息"}


def decode_draft(data: bytes) -> str:
    """Decode a draft file: UTF-8 (with or without BOM), else GB18030.

    Raises:
        UnicodeDecodeError: The bytes are neither UTF-8 nor GB18030.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def format_report(text: str, result: object, kind: str) -> str:
    """Return the readable Chinese report for a :class:`~trainingkit.review.Review`."""
    from trainingkit.review import Review

    assert isinstance(result, Review)
    name = _KIND_NAMES[kind]
    if result.registrable:
        verdict = f"体检结论：未发现不予立案的问题（{name}）。"
    else:
        count = len(result.by_severity("blocking"))
        verdict = f"体检结论：有{count}处可能导致不予立案的问题（{name}），请先修改。"
    lines = [verdict]
    if not result.findings:
        lines.append("没有发现问题。")
    for number, finding in enumerate(result.findings, start=1):
        line, column = _line_col(text, finding.start)
        passage = text[finding.start : finding.end].strip().replace("\n", " ")
        if len(passage) > 40:
            passage = passage[:40] + "……"
        where = f"第{line}行第{column}列"
        quoted = f"：“{passage}”" if passage else ""
        lines.append(
            f"{number}. [{_SEVERITY_NAMES[finding.severity]}] {finding.code}（{where}{quoted}）"
        )
        lines.append(f"   {finding.message}")
    return "\n".join(lines)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(["proposal", "sheqing"]),
    default="proposal",
    show_default=True,
    help="文稿类型：proposal 提案，sheqing 社情民意信息。",
)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON：registrable 与 findings。")
def review(file: Path, kind: str, as_json: bool) -> None:
    """提案体检：检查一篇提案或社情民意信息草稿。

    Review a proposal (or 社情民意) draft in FILE (UTF-8 or GB18030). Exit code:
    0 registrable, 1 not registrable (a blocking finding), 2 input error.
    """
    try:
        data = file.read_bytes()
    except OSError as error:
        raise click.UsageError(
            f"无法读取文件 / cannot read file: {file} ({error.strerror})"
        ) from None
    try:
        text = decode_draft(data)
    except UnicodeDecodeError:
        raise click.UsageError(
            f"文件既不是 UTF-8 也不是 GB18030 编码 / not UTF-8 or GB18030: {file}"
        ) from None
    from trainingkit.review import review_proposal, review_sheqing

    result = (review_proposal if kind == "proposal" else review_sheqing)(text)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(text, result, kind))
    raise SystemExit(0 if result.registrable else 1)
