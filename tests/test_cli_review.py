"""``trainingkit review FILE``: encodings, JSON output, report, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from trainingkit.cli import main

DRAFTS = Path(__file__).parent / "drafts"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["review", *args])
    return result.exit_code, result.output


def test_a_good_draft_exits_0_with_a_chinese_verdict(tmp_path: Path) -> None:
    path = tmp_path / "good.txt"
    path.write_text((DRAFTS / "good_circled.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, output = _run(str(path))
    assert code == 0, output
    assert "体检结论：未发现不予立案的问题" in output


def test_json_output_has_exactly_the_public_shape(tmp_path: Path) -> None:
    path = tmp_path / "wb.txt"
    path.write_text((DRAFTS / "wb_official.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, output = _run(str(path), "--json")
    assert code == 1
    data = json.loads(output)
    assert set(data) == {"registrable", "findings"} and data["registrable"] is False
    assert {"code", "severity", "message", "start", "end"} == set(data["findings"][0])
    assert "whistleblowing" in {f["code"] for f in data["findings"]}
    assert "举报" in output  # ensure_ascii=False keeps Chinese readable


def test_utf8_with_bom_and_gb18030_give_the_same_result(tmp_path: Path) -> None:
    text = (DRAFTS / "pm_daughter.txt").read_text(encoding="utf-8")
    plain, bom, gbk = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    plain.write_bytes(text.encode("utf-8"))
    bom.write_bytes(text.encode("utf-8-sig"))
    gbk.write_bytes(text.encode("gb18030"))
    outputs = [_run(str(p), "--json") for p in (plain, bom, gbk)]
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0][0] == 1 and "personal_matter" in outputs[0][1]


def test_the_report_gives_line_column_and_the_quoted_passage(tmp_path: Path) -> None:
    path = tmp_path / "lt.txt"
    path.write_text((DRAFTS / "lt_lawsuit.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, output = _run(str(path))
    assert code == 1
    assert (
        "体检结论：有" in output
        and "[不予立案] 已进入诉讼或仲裁（litigation；第5行第1列：“" in output
    )


def test_sheqing_kind_uses_the_sheqing_rules(tmp_path: Path) -> None:
    path = tmp_path / "sq.txt"
    path.write_text((DRAFTS / "sheqing_long.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, output = _run(str(path), "--kind", "sheqing", "--json")
    assert code == 0
    assert [f["code"] for f in json.loads(output)["findings"]] == ["too_long"]
    assert "社情民意信息" in _run(str(path), "--kind", "sheqing")[1]


def test_an_empty_file_is_a_finding_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, output = _run(str(path))
    assert code == 1 and "文稿是空的" in output


def test_missing_or_undecodable_files_exit_2_without_traceback(tmp_path: Path) -> None:
    code, output = _run(str(tmp_path / "nope.txt"))
    assert code == 2 and "无法读取文件" in output and "Traceback" not in output
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x81")
    code, output = _run(str(bad))
    assert code == 2 and "GB18030" in output and "Traceback" not in output
    code, output = _run(str(tmp_path))
    assert code == 2 and "Traceback" not in output


def test_help_explains_options_and_exit_codes() -> None:
    code, output = _run("--help")
    assert code == 0
    assert "--kind" in output and "--json" in output and "exit code" in output.lower()


def test_hints_are_reported_apart_and_keep_their_id_in_json(tmp_path: Path) -> None:
    text = (
        "关于改善老旧小区饮用水水质的建议\n"
        "一、情况\n我市有老旧小区320个，二次供水设施老化。"
        "本市绿源科技有限公司生产的净水器品质优，深受市民喜爱。\n"
        "二、原因\n主要原因是水箱清洗不及时。\n"
        "三、建议\n1. 建议市水务局每年对二次供水水箱清洗两次，并公布水质检测结果。\n"
    )
    path = tmp_path / "hint.txt"
    path.write_text(text, encoding="utf-8")
    code, output = _run(str(path))
    assert code == 0, output  # a hint never makes a draft unregistrable
    assert "另有1项请核实" in output and "[请核实] 宣传推介具体作品或产品（advertising；" in output
    code, output = _run(str(path), "--json")
    findings = json.loads(output)["findings"]
    assert {"code": "advertising", "severity": "hint"}.items() <= findings[-1].items()
