"""``trainingkit review FILE``: 提案体检 from the command line.

Exit codes: 0 registrable (no blocking finding), 1 not registrable (at least one
blocking finding), 2 usage or input error (file missing, not UTF-8 or GB18030).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["decode_draft", "format_report", "review"]

_SEVERITY_NAMES = {"blocking": "不予立案", "warning": "需要修改", "hint": "请核实"}
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
    """Return the readable Chinese report for a :class:`~trainingkit.review.Review`.

    One numbered item per code and severity (repeated hits grouped, each place
    listed), blocking findings first and hints (请核实) last. Each item shows the
    code's Chinese name, with the stable id beside it for operators.
    """
    from trainingkit.review import Review, group_findings

    assert isinstance(result, Review)
    name = _KIND_NAMES[kind]
    hints = len([f for f in group_findings(result.findings) if f.severity == "hint"])
    if result.registrable:
        verdict = f"体检结论：未发现不予立案的问题（{name}）。"
    else:
        count = len([g for g in group_findings(result.findings) if g.severity == "blocking"])
        verdict = f"体检结论：有{count}项可能导致不予立案的问题（{name}），请先修改。"
    if hints:
        verdict += f"另有{hints}项请核实（不影响立案）。"
    lines = [verdict]
    if not result.findings:
        lines.append("没有发现问题。")
    for group in group_findings(result.findings):
        places = []
        for start, end in group.spans:
            line, column = _line_col(text, start)
            passage = text[start:end].strip().replace("\n", " ")
            if len(passage) > 40:
                passage = passage[:40] + "……"
            quoted = f"：“{passage}”" if passage else ""
            places.append(f"第{line}行第{column}列{quoted}")
        label = _SEVERITY_NAMES[group.severity]
        lines.append(f"{group.number}. [{label}] {group.name}（{group.code}；{'；'.join(places)}）")
        lines.append(f"   {group.message}")
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
    from trainingkit.review import review_draft

    result = review_draft(kind, text)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(text, result, kind))
    raise SystemExit(0 if result.registrable else 1)
