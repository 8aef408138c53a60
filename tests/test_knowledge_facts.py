"""The domain knowledge loaders return complete data, each item with its provenance."""

from __future__ import annotations

import doctest
import math

import pytest

from trainingkit.knowledge import facts as knowledge

ITEM_LOADERS = [
    knowledge.sectors,
    knowledge.submitter_kinds,
    knowledge.not_registrable,
    knowledge.local_exclusions,
    knowledge.proposal_regulation,
    knowledge.review_outcomes,
    knowledge.proposal_lifecycle,
    knowledge.reply_categories,
    knowledge.reply_deadlines,
    knowledge.key_proposals,
    knowledge.consultation_forms,
    knowledge.annual_plan_steps,
    knowledge.procedure_steps,
    knowledge.procedure_timing,
    knowledge.topic_sources,
    knowledge.biweekly_meeting,
    knowledge.consultation_outputs,
    knowledge.sheqing_rules,
    knowledge.sheqing_practice,
    knowledge.sheqing_scale,
    knowledge.member_functions,
    knowledge.charter_articles,
    knowledge.member_qualities,
    knowledge.member_roles,
    knowledge.cppcc_positioning,
    knowledge.sector_practice,
    knowledge.supervision_practice,
]


@pytest.mark.parametrize("loader", ITEM_LOADERS, ids=lambda f: f.__name__)
def test_every_item_names_its_source_and_a_plausible_year(loader):
    items = loader()
    assert items, "loader returned nothing"
    for item in items:
        assert item.source.strip(), item
        assert item.year is None or 1949 <= item.year <= 2026, item
        assert item.label.strip(), item
        assert item.locality.strip(), item


@pytest.mark.parametrize("loader", ITEM_LOADERS, ids=lambda f: f.__name__)
def test_ids_are_unique_within_each_list(loader):
    ids = [item.id for item in loader()]
    assert len(ids) == len(set(ids))


def test_every_loader_in_all_is_tested():
    public = {
        name
        for name in knowledge.__all__
        if name[0].islower()
        and name not in {"consultation_hierarchy", "proposal_statistics", "section_note"}
    }
    assert public == {f.__name__ for f in ITEM_LOADERS}


def test_national_committee_has_34_sectors_with_the_14th_term_changes():
    sectors = knowledge.sectors()
    names = [s.name for s in sectors]
    assert len(sectors) == 34 == len(set(names))
    changes = {s.name: s.change_14th for s in sectors if s.change_14th}
    assert changes == {"共青团和全国青联": "merged", "环境资源": "new"}
    assert "共青团" not in names and "全国青联" not in names
    assert sum(s.group == "民主党派" for s in sectors) == 8
    assert {s.year for s in sectors} == {None}  # DOMAIN.md gives no year for the list
    assert {s.source for s in sectors} == {"全国政协第十四届委员会界别设置"}


def test_six_submitter_kinds_come_from_the_2018_regulation():
    kinds = knowledge.submitter_kinds()
    assert [k.name for k in kinds] == [
        "委员提案",
        "党派提案",
        "团体提案",
        "界别提案",
        "委员小组提案",
        "专委会提案",
    ]
    assert {(k.source, k.year) for k in kinds} == {
        ("《中国人民政治协商会议全国委员会提案工作条例》", 2018)
    }
    assert [k.collective for k in kinds] == [False] + [True] * 5


def test_not_registrable_list_is_the_2011_wording_with_stable_ids():
    items = knowledge.not_registrable()
    assert [i.id for i in items] == [
        "state_secret",
        "prohibited",
        "party_internal",
        "democratic_party_internal",
        "litigation",
        "academic",
        "personal_matter",
        "advertising",
        "whistleblowing",
        "vague",
    ]
    assert [i.number for i in items] == list(range(1, 11))
    assert all(i.year == 2011 and "2011" in i.source and not i.is_local for i in items)
    assert items[4].text == "进入民事、刑事、行政诉讼以及仲裁程序的"


def test_local_practice_is_labelled_with_its_place():
    assert {i.locality for i in knowledge.local_exclusions()} == {"江苏省"}
    categories = knowledge.reply_categories()
    assert [c.id for c in categories] == ["A", "B", "C", "D"]
    assert [c.share_percent for c in categories] == [25.2, 61.9, 11.2, 1.7]
    assert all(c.is_local and c.locality == "浙江省宁波市" and c.year == 2011 for c in categories)
    deadlines = {d.id: d for d in knowledge.reply_deadlines()}
    assert deadlines["sichuan"].year == 2024 and deadlines["sichuan"].is_local
    timing = knowledge.procedure_timing()
    assert [t.working_days for t in timing] == [15, 10, 7]
    assert all(t.is_local for t in timing)
    length = next(f for f in knowledge.sheqing_practice() if f.id == "length")
    assert (length.value, length.locality, length.year) == (1500, "广州市", None)
    # The seed's practices name their place, province included (泰州 ≠ 台州, audit #17).
    for item in (*knowledge.sector_practice(), *knowledge.supervision_practice()):
        assert item.locality in {"江苏省泰州市", "甘肃省天水市"}, item
        assert item.source == f"种子材料：{item.locality}政协", item
    outputs = knowledge.consultation_outputs()
    assert {o.locality for o in outputs} == {"内蒙古自治区"} and all(o.year for o in outputs)
    task_list = next(o for o in outputs if o.id == "task_list")
    assert "诚信建设工程领导小组办公室" in task_list.text and "政府办公厅" not in task_list.text


def test_review_outcomes_and_life_cycle_are_in_teaching_order():
    current = [o.name for o in knowledge.review_outcomes() if o.current]
    assert current == ["立案", "并案", "转为意见和建议"]
    steps = [s.name for s in knowledge.proposal_lifecycle()]
    assert steps[0] == "撰写" and steps[-1] == "重新办理"
    assert steps.index("交办") < steps.index("书面答复") < steps.index("委员评价")


def test_consultation_facts():
    forms = knowledge.consultation_forms()
    assert len(forms) == 10 and all(f.year == 2023 for f in forms)
    hierarchy = knowledge.consultation_hierarchy()
    assert hierarchy.year == 2015 and hierarchy.text.startswith("以全体会议为龙头")
    assert [s.name for s in knowledge.topic_sources()] == [
        "党委政府点题",
        "委员荐题",
        "群众出题",
        "社会公开征题",
    ]
    assert knowledge.annual_plan_steps()[-1].name == "党委常委会议决定"
    assert knowledge.procedure_steps()[-1].name == "反馈与落实"
    biweekly = {f.id: f.value for f in knowledge.biweekly_meeting()}
    assert biweekly["since"] == "2013-10-22"
    assert (biweekly["booked_speech"], biweekly["impromptu_speech"]) == (8, 5)


def test_members_charter_and_qualities():
    assert [f.name for f in knowledge.member_functions()] == ["政治协商", "民主监督", "参政议政"]
    articles = knowledge.charter_articles()
    assert all(30 <= a.article <= 38 and a.year == 2023 for a in articles)
    assert [q.name for q in knowledge.member_qualities() if q.core] == [
        "懂政协",
        "会协商",
        "善议政",
    ]
    assert len(knowledge.member_roles()) == 3


# Transcribed from DOMAIN.md §2, "—" as None.
EXPECTED_STATISTICS = [
    ("12届1次", 2013, 5641, 5254, 317, 70, 4884, 370, None),
    ("12届3次", 2015, 5857, 4984, 93, 728, None, 439, None),
    ("13届5次", 2022, 5979, 4979, 35, 965, None, None, (38.4, 10.0, 7.8, 31.0, 12.3)),
    ("14届2次", 2024, 5898, 5006, 160, 732, 4534, 472, (39.7, 9.3, 9.1, 28.7, 13.2)),
    ("14届3次", 2025, 5890, 5002, 262, 626, 4531, 471, (42.6, 8.4, 9.2, 27.7, 12.1)),
    ("14届4次", 2026, 5865, 5005, 451, 409, 4502, 503, (42.0, 9.1, 10.6, 26.6, 11.7)),
]
PCT = ["economy_pct", "politics_pct", "culture_pct", "society_pct", "ecology_pct"]


def _same(actual, expected):
    if expected is None:
        return math.isnan(actual)
    return actual == expected


def test_proposal_statistics_match_the_source_table_exactly():
    table = knowledge.proposal_statistics()
    assert list(table.columns) == list(knowledge.STATISTICS_COLUMNS)
    assert len(table) == len(EXPECTED_STATISTICS)
    for (_, row), expected in zip(table.iterrows(), EXPECTED_STATISTICS, strict=True):
        session, year, received, registered, merged, to_sugg, member, collective, pct = expected
        assert (row["session"], row["year"], row["received"]) == (session, year, received)
        assert (row["registered"], row["merged"], row["to_suggestion"]) == (
            registered,
            merged,
            to_sugg,
        )
        assert _same(row["member"], member) and _same(row["collective"], collective)
        for column, value in zip(PCT, pct or [None] * 5, strict=True):
            assert _same(row[column], value), (session, column)
    # DOMAIN's "(with withdrawals)" and "(as letters)" on the 2013 row, and no other notes.
    assert table["merged_note"].tolist() == ["含撤案"] + [""] * 5
    assert table["to_suggestion_note"].tolist() == ["作为委员来信转送"] + [""] * 5
    assert table.attrs["source"] and table.attrs["year"] == [2013, 2015, 2022, 2024, 2025, 2026]


def test_statistics_are_a_fresh_frame_each_call():
    table = knowledge.proposal_statistics()
    table.loc[0, "received"] = 0
    assert knowledge.proposal_statistics().loc[0, "received"] == 5641


def test_section_notes_explain_whole_lists():
    assert "2011" in knowledge.section_note("not_registrable")
    assert "594" not in knowledge.section_note("reply_categories")
    assert "591" in knowledge.section_note("reply_categories")
    assert knowledge.section_note("member_roles") == ""
    with pytest.raises(KeyError, match="no_such_list"):
        knowledge.section_note("no_such_list")


def test_docstring_examples_run():
    assert doctest.testmod(knowledge).failed == 0


def test_practice_items_do_not_borrow_the_regulations_source_or_year():
    facts = {f.id: f for f in knowledge.proposal_regulation()}
    regulation = "《中国人民政治协商会议全国委员会提案工作条例》"
    for fact_id in ("adopted", "definition", "requirements"):
        assert (facts[fact_id].source, facts[fact_id].year) == (regulation, 2018)
    # "several matters cannot go to one handling unit" is the course's explanation, not
    # the regulation's text (audit #7): it is a note of the requirements, marked so.
    assert "one_matter" not in facts
    assert facts["requirements"].note.startswith("课程解释")
    for fact_id in ("format", "length_cap"):
        assert facts[fact_id].source != regulation and facts[fact_id].year is None
    assert facts["length_cap"].locality == "某区" and facts["length_cap"].is_local
    assert facts["format"].locality == "各地"  # practice in many places, not a national rule


def test_no_year_is_given_where_domain_gives_none():
    outcomes = {o.id: o.year for o in knowledge.review_outcomes()}
    # Only the two older outcomes are dated: DOMAIN's 2013 row uses them.
    assert outcomes == {
        "registered": None,
        "merged": None,
        "to_suggestion": None,
        "as_letter": 2013,
        "withdrawn": 2013,
    }
    assert {s.year for s in knowledge.proposal_lifecycle()} == {None}
    biweekly = {f.id: f.year for f in knowledge.biweekly_meeting()}
    assert biweekly.pop("since") == 2013 and set(biweekly.values()) == {None}


# Every document title (《…》) a source may name: those DOMAIN.md names, plus the
# seed essay the 六个一 come from (shared/seeds/).
NAMED_DOCUMENTS = {
    "《中国人民政治协商会议全国委员会提案工作条例》",
    "《中国人民政治协商会议章程》",
    "《中国共产党政治协商工作条例》",
    "《全国政协反映社情民意信息工作条例》",
    "《充分发挥人民政协专门协商机构作用 以高质量履职服务高质量发展》",
}


def test_sources_name_no_document_that_domain_does_not_name():
    import re

    from trainingkit.duties.rule_files import (
        builtin_contact_rules,
        builtin_rule_sets,
        builtin_schemes,
    )

    sources = [item.source for loader in ITEM_LOADERS for item in loader()]
    sources.append(knowledge.consultation_hierarchy().source)
    sources.append(knowledge.proposal_statistics().attrs["source"])
    for rules in (builtin_rule_sets(), builtin_contact_rules(), builtin_schemes()):
        sources += [rule.source for rule in rules.values()]
    titles = {title for source in sources for title in re.findall(r"《[^》]+》", source)}
    assert titles <= NAMED_DOCUMENTS, titles - NAMED_DOCUMENTS
