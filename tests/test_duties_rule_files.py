"""Rule sets, contact rules and schemes load from the package or an organizer's file."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

from trainingkit.duties import rule_files, rules
from trainingkit.duties.evaluate import assess, evaluate_compliance
from trainingkit.duties.rule_files import (
    builtin_contact_rules,
    builtin_rule_sets,
    builtin_schemes,
    load_contact_rule,
    load_rule_set,
    load_scheme,
)
from trainingkit.duties.rules import RuleFileError
from trainingkit.duties.summary import COUNT_COLUMNS, summary_from_counts

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


def test_builtins_cover_the_rule_sets_named_in_the_brief():
    assert set(builtin_rule_sets()) == {
        "inner_mongolia_six",
        "jinan_2015",
        "minhang",
        "chongqing_2024_sheqing",
    }
    assert set(builtin_contact_rules()) == {"tianshui", "deqing", "taizhou"}
    assert set(builtin_schemes()) == {"jinan_2015", "tongcheng_2019", "anqing_2018", "xuanwei"}


def test_every_builtin_names_its_place_and_source():
    everything = [*builtin_rule_sets().values(), *builtin_contact_rules().values()]
    everything += builtin_schemes().values()
    for rule in everything:
        assert rule.locality and rule.source and rule.name
        assert rule.year is None or 2011 <= rule.year <= 2026
    years = {r.id: r.year for r in builtin_rule_sets().values()}
    assert years == {
        "inner_mongolia_six": None,
        "jinan_2015": 2015,
        "minhang": None,
        "chongqing_2024_sheqing": 2024,
    }


def test_builtins_are_local_rules_labelled_with_place_and_year():
    everything = [*builtin_rule_sets().values(), *builtin_contact_rules().values()]
    everything += builtin_schemes().values()
    for rule in everything:
        assert rule.locality != "全国" and rule.locality in rule.source, rule.id
        assert rule.year is None or f"{rule.year}年" in rule.source, rule.id


def test_the_kits_readings_are_marked_as_readings_not_rule_text():
    reading = "本课程的理解（不是规则原文）"
    assert reading in load_rule_set("minhang").note
    for scheme_id in ("jinan_2015", "tongcheng_2019"):
        note = load_scheme(scheme_id).note
        assert note.startswith("规则：") and reading in note
        assert note.index("规则：") < note.index(reading)  # rule text first, reading after
    assert "多立案一件”按立案数超过1件的部分计算" in load_scheme("jinan_2015").note
    assert "活动按六类活动合计计算" in load_scheme("tongcheng_2019").note


def test_six_tasks_of_the_seed_and_role_specific_chongqing_targets():
    six = load_rule_set("inner_mongolia_six")
    assert len(six.tasks) == 6 and all(not t.roles for t in six.tasks)
    chongqing = load_rule_set("chongqing_2024_sheqing")
    targets = {t.roles: t.conditions[0].value for t in chongqing.tasks}
    assert targets == {("常委",): 3, ("委员",): 1}


def test_jinan_scheme_reads_as_the_2015_rules():
    jinan = load_scheme("jinan_2015")
    assert (jinan.base, jinan.min_score, jinan.max_score, jinan.group_caps) == (
        70,
        0,
        120,
        {"bonus": 50},
    )
    points = {i.id: i.points for i in jinan.items}
    assert points == {
        "plenary_unexcused": -30,
        "plenary_excused": -10,
        "extra_registered": 5,
        "key_proposal": 5,
        "excellent_proposal": 10,
        "public_service": 2,
    }
    assert [(g.min_score, g.label, g.note) for g in jinan.grades] == [
        (85, "优秀", ""),
        (60, "称职", ""),
        (0, "不称职", "约谈"),
    ]


def test_anqing_has_only_grade_thresholds_and_is_not_scored():
    anqing = load_scheme("anqing_2018")
    assert not anqing.scorable and [g.min_score for g in anqing.grades] == [90, 80, 60, 0]


def test_taizhou_pairing_is_data_that_counts_cannot_check():
    taizhou = load_contact_rule("taizhou")
    assert taizhou.paired_constituents == 4 and taizhou.min_per_quarter is None
    assert taizhou.unchecked and "无法核对" in taizhou.unchecked[0]
    assert load_contact_rule("tianshui").unchecked == ()


def test_descriptions_read_in_chinese():
    task = load_rule_set("jinan_2015").tasks[2]
    assert task.describe() == "参加视察≥1 或 参加调研≥1"


def test_organizer_toml_file_round_trips_and_evaluates(tmp_path):
    path = tmp_path / "我的政协.toml"
    path.write_text(
        """
[rule_set]
id = "ours"
name = "本会年度任务"
locality = "某县"
source = "某县政协办法（虚构示例）"
year = 2026

[[rule_set.tasks]]
id = "two_proposals"
label = "至少两件提案"
all = ["proposals_submitted >= 2"]
""",
        encoding="utf-8",
    )
    ours = load_rule_set(path)
    assert (ours.id, ours.year, ours.tasks[0].conditions[0].value) == ("ours", 2026, 2)
    result = evaluate_compliance(summary_from_counts({"proposals_submitted": 2}), ours)
    assert bool(result.loc[0, "all_met"])
    assert load_rule_set(str(path)) == ours


def test_organizer_json_file_with_bom_loads(tmp_path):
    data = {
        "contact_rules": [
            {"id": "c", "name": "联系", "locality": "某县", "source": "示例", "min_people": 12}
        ]
    }
    path = tmp_path / "contacts.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert load_contact_rule(path).min_people == 12


@pytest.mark.parametrize("name", ["my_committee.toml", "my_committee.json"])
def test_the_documented_examples_load_and_evaluate(name):
    path = EXAMPLES / name
    rule_set = load_rule_set(path)
    me = summary_from_counts({"plenary_attended": 1, "proposals_submitted": 1, "research": 1})
    result = evaluate_compliance(me, rule_set)
    applicable = [t for t in rule_set.tasks if not t.roles or "委员" in t.roles]
    assert int(result.loc[0, "tasks_total"]) == len(applicable)
    if name.endswith(".toml"):
        assert assess(me, load_scheme(path)).loc[0, "score"] == 60 + 0
        assert load_contact_rule(path).min_per_quarter == 1


def test_a_file_with_several_rule_sets_needs_an_id(tmp_path):
    path = tmp_path / "two.toml"
    one = '[[rule_sets]]\nid = "{0}"\nname = "n"\nlocality = "l"\nsource = "s"\n'
    task = '[[rule_sets.tasks]]\nid = "t"\nlabel = "l"\nall = ["research >= 1"]\n'
    path.write_text(one.format("a") + task + one.format("b") + task, encoding="utf-8")
    with pytest.raises(RuleFileError, match="rule_sets"):
        load_rule_set(path)
    assert load_rule_set(path, id="b").id == "b"


BAD_FILES = [
    ("x.toml", "rule_set = [", "格式有误", "not valid"),
    ("x.json", '{"rule_set": ', "格式有误", "not valid"),
    ("x.toml", "[nonsense]\na = 1\n", "nonsense", "unknown key"),
    (
        "x.toml",
        '[rule_set]\nid = "a"\nlocality = "l"\nsource = "s"\ntasks = []\n',
        "rule_set.name",
        "missing key",
    ),
    (
        "x.toml",
        '[rule_set]\nid="a"\nname="n"\nlocality="l"\nsource="s"\n'
        '[[rule_set.tasks]]\nid="t"\nlabel="l"\nall=["speeches >= 1"]\n',
        "rule_set.tasks[0].all",
        "unknown count column 'speeches'",
    ),
    (
        "x.toml",
        '[rule_set]\nid="a"\nname="n"\nlocality="l"\nsource="s"\n'
        '[[rule_set.tasks]]\nid="t"\nlabel="l"\nall=["research=>1"]\n',
        "rule_set.tasks[0].all",
        "bad condition",
    ),
    (
        "x.toml",
        '[rule_set]\nid="a"\nname="n"\nlocality="l"\nsource="s"\n'
        '[[rule_set.tasks]]\nid="t"\nlabel="l"\nall=["research >= 1"]\nroles=["主席"]\n',
        "rule_set.tasks[0].roles",
        "roles must be among",
    ),
    (
        "x.toml",
        '[rule_set]\nid="a"\nname="n"\nlocality="l"\nsource="s"\n'
        '[[rule_set.tasks]]\nid="all_met"\nlabel="l"\nall=["research >= 1"]\n',
        "rule_set.tasks[0].id",
        "must not be one of",
    ),
    (
        "x.toml",
        '[scheme]\nid="a"\nname="n"\nlocality="l"\nsource="s"\n'
        '[[scheme.items]]\nid="i"\nlabel="l"\ncolumn="research"\npoints="5"\n',
        "scheme.items[0].points",
        "must be a number",
    ),
    (
        "x.toml",
        '[scheme]\nid="a"\nname="n"\nlocality="l"\nsource="s"\n'
        '[[scheme.items]]\nid="i"\nlabel="l"\npoints=5\n',
        "scheme.items[0].column",
        "give column or tiers",
    ),
    (
        "x.toml",
        '[contact_rule]\nid="a"\nname="n"\nlocality="l"\nsource="s"\nmin_people=-3\n',
        "contact_rule.min_people",
        "non-negative integer",
    ),
]


@pytest.mark.parametrize(("name", "text", "key", "english"), BAD_FILES)
def test_bad_files_raise_a_bilingual_error_naming_file_and_key(tmp_path, name, text, key, english):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loader = {"rule": load_rule_set, "cont": load_contact_rule, "sche": load_scheme}
    load = loader.get(text.lstrip("[")[:4], load_rule_set)
    with pytest.raises(RuleFileError) as caught:
        load(path)
    message = str(caught.value)
    assert str(path) in message and key in message and english in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message.split(" / ")[0])


def test_unknown_id_and_missing_file_give_a_clear_error(tmp_path):
    with pytest.raises(RuleFileError, match="jinan_2015"):
        load_rule_set("jinan_2051")
    with pytest.raises(RuleFileError, match="no built-in rule or file"):
        load_scheme(tmp_path / "missing.toml")


def test_non_utf8_file_is_reported(tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes('[rule_set]\nname = "济南"\n'.encode("gb18030"))
    with pytest.raises(RuleFileError, match="UTF-8"):
        load_rule_set(path)


def test_conditions_only_use_summary_columns():
    for rule_set in builtin_rule_sets().values():
        assert {c.column for t in rule_set.tasks for c in t.conditions} <= set(COUNT_COLUMNS)


def test_docstring_examples_run():
    for module in (rules, rule_files):
        assert doctest.testmod(module).failed == 0
