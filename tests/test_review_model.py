"""The 提案体检 text model: trained on the development half only, reproducible, and
weighed against the rules as the rule file says (trainingkit.review.calibrate)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from trainingkit.review import load_rules, review_proposal, review_sheqing
from trainingkit.review.hollow import names_causes
from trainingkit.review.model import SHEQING_FEATURE, features, load_model, shape, words
from trainingkit.review.parse import parse_draft
from trainingkit.review.text import normalise

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))

import train_review_model as training
from test_review_quality import DRAFTS, LABELS, half

#: A long development draft (sound) and one with blocking findings, both well over
#: the model's min_words, so that the model judges them.
SOUND = "u122_good_agri_input_quality.txt"
BLOCKED = "u123_pm_own_title_evaluation.txt"
AT_PLACE = "u146_tf_ma_where_did_young_people_go.txt"
VAGUE = "u122_vg_rural_living_environment.txt"  # vague suggestions only


def _text(name: str) -> str:
    return (DRAFTS / name).read_text(encoding="utf-8-sig")


def _chances(text: str) -> dict[str, float]:
    """The model's chances for a proposal, from the features the review gives it."""
    rules = load_rules("proposal")
    draft = parse_draft(text, rules)
    return load_model().probabilities(features(words(draft.norm), "proposal", shape(draft, rules)))


def test_the_drafts_used_here_are_development_drafts_the_model_judges() -> None:
    model = load_model()
    minimum = load_rules("proposal").data["model"]["min_words"]
    for name in (SOUND, BLOCKED, AT_PLACE):
        assert half(name) == "development"
        known = [w for w in words(normalise(_text(name))) if w in model.index]
        assert len(known) >= minimum


def test_the_model_was_trained_on_exactly_the_development_half() -> None:
    meta = load_model().meta
    names, digest = training.development_set()
    assert all(half(name) == "development" for name in names)
    assert len(names) == meta["drafts"] < len(LABELS)
    assert meta["sha1"] == digest, "the corpus changed: run scripts/train_review_model.py"


def test_retraining_gives_the_shipped_model_and_its_predictions() -> None:
    vectoriser, fits, docs = training.fit()
    trained = training.model_file(vectoriser, fits)
    assert training.differences(trained, training.shipped()) == []
    # The review predicts without scikit-learn: the same probabilities, to rounding.
    model = load_model()
    sample = docs[::97]
    matrix = vectoriser.transform(sample)
    for code, fit in fits.items():
        expected = fit.predict_proba(matrix)[:, 1]
        got = [model.probabilities(doc)[code] for doc in sample]
        assert max(abs(a - b) for a, b in zip(expected, got, strict=True)) < 1e-3, code


def test_the_differences_check_can_fail() -> None:
    shipped = training.shipped()
    changed = {**shipped, "codes": dict(shipped["codes"])}
    weights = list(changed["codes"]["advertising"]["weights"])
    weights[0] += 0.01
    changed["codes"]["advertising"] = {**changed["codes"]["advertising"], "weights": weights}
    assert training.differences(changed, shipped) == ["advertising 0.01"]


def test_the_model_covers_the_judged_codes_and_reads_pairs_the_kind_and_the_shape() -> None:
    model = load_model()
    assert set(model.codes) == set(load_rules("proposal").data["model"]["codes"])
    assert SHEQING_FEATURE in model.index
    assert {"<分析:句数:0>", "<分析:标题:有>", "<因果:0>"} <= set(model.index)
    pairs = [w for w in model.index if " " in w]
    assert len(pairs) > 1000 and all(len(p.split(" ")) == 2 for p in pairs)
    assert "title_format" not in model.codes and "too_long" not in model.codes


def _model_findings(review: object) -> list[object]:
    return [f for f in review.findings if "通读全文" in f.message]  # type: ignore[attr-defined]


def test_switched_off_the_review_is_the_rules_alone() -> None:
    text = _text(SOUND)
    every = {"model": {"confirm": 0.0, "add": 0.0}}
    assert _model_findings(review_proposal(text, config=every))
    off = review_proposal(text, config={"model": {"enabled": False, "confirm": 0.0, "add": 0.0}})
    assert not _model_findings(off)


def test_a_rule_s_sure_finding_the_model_doubts_becomes_a_hint() -> None:
    text = _text(BLOCKED)
    rules_only = review_proposal(text, config={"model": {"enabled": False}})
    assert not rules_only.registrable
    doubted = review_proposal(text, config={"model": {"drop": 1.01}})
    assert doubted.registrable
    judged = set(load_rules("proposal").data["model"]["codes"])
    for before in rules_only.findings:
        after = [
            f
            for f in doubted.findings
            if (f.code, f.start, f.end) == (before.code, before.start, before.end)
        ]
        assert len(after) == 1
        if before.code in judged and before.severity != "hint":
            assert after[0].severity == "hint"
            assert after[0].message.startswith("请核实：")
            assert "只作提示" in after[0].message
        else:
            assert after[0] == before


def test_what_the_model_is_sure_of_is_added_with_the_code_s_severity() -> None:
    text = _text(SOUND)
    rules = load_rules("proposal")
    plain = review_proposal(text, config={"model": {"enabled": False}})
    anything = {"confirm": 0.0, "add": 0.0, "add_told": {"missing_analysis": 0.0}}
    every = review_proposal(text, config={"model": anything})
    judged = set(rules.data["model"]["codes"]) & set(rules.codes)
    assert judged <= set(every.flagged)
    for finding in _model_findings(every):
        assert finding.code not in plain.flagged
        assert finding.severity == rules.codes[finding.code].severity
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.message.startswith("依据")
    assert not every.registrable
    # A content code goes on one sentence; a missing part where it is (or should be).
    added = {f.code: f for f in _model_findings(every)}
    sentence = text[added["personal_matter"].start : added["personal_matter"].end]
    assert 0 < len(sentence) < 200 and "\n" not in sentence.strip()
    situation = plain.situation
    assert situation is not None
    assert (added["missing_situation"].start, added["missing_situation"].end) == (
        situation.start,
        situation.end,
    )


def test_a_rule_s_hint_the_model_confirms_keeps_its_spans() -> None:
    text = _text(SOUND)
    plain = review_proposal(text, config={"model": {"enabled": False}})
    hints = [f for f in plain.findings if f.severity == "hint"]
    assert hints, "the sound draft needs a rule's hint for this test"
    confirmed = review_proposal(text, config={"model": {"confirm": 0.0, "add": 1.01}})
    for hint in hints:
        same = [
            f
            for f in confirmed.findings
            if (f.code, f.start, f.end) == (hint.code, hint.start, hint.end)
        ]
        if hint.code in load_model().codes:
            assert [f.severity for f in same] != ["hint"]
            assert "通读全文" in same[0].message


def test_a_confirmed_hint_at_a_missing_part_s_place_says_so() -> None:
    # The rules hint that the analysis is missing, at the place it should be (no text).
    text = _text(AT_PLACE)
    plain = review_proposal(text, config={"model": {"enabled": False}})
    hinted = [f for f in plain.findings if f.code == "missing_analysis"]
    assert [(f.severity, f.start == f.end) for f in hinted] == [("hint", True)]
    confirmed = review_proposal(text, config={"model": {"confirm": 0.0}})
    (finding,) = [f for f in confirmed.findings if f.code == "missing_analysis"]
    assert finding.severity == "warning"
    assert (finding.start, finding.end) == (hinted[0].start, hinted[0].end)
    assert "标出的是它该在的位置" in finding.message


def test_a_code_s_own_threshold_lets_the_model_add_it_below_add() -> None:
    text = _text(SOUND)
    plain = review_proposal(text, config={"model": {"enabled": False}})
    assert not [f for f in plain.findings if f.code == "missing_situation"]
    chances = _chances(text)
    chance = chances["missing_situation"]
    assert chance > 1e-3

    def situation(threshold: float) -> list[str]:
        config = {"model": {"add": 1.01, "add_for": {"missing_situation": threshold}}}
        review = review_proposal(text, config=config)
        return [f.severity for f in review.findings if f.code == "missing_situation"]

    assert situation(chance + 1e-6) == []
    assert situation(chance - 1e-6) == ["warning"]


def test_a_blocking_code_s_warn_threshold_warns_and_does_not_refuse() -> None:
    text = _text(SOUND)
    plain = review_proposal(text, config={"model": {"enabled": False}})
    assert plain.registrable and not [f for f in plain.findings if f.code == "prohibited"]
    chances = _chances(text)
    chance = chances["prohibited"]
    assert chance > 1e-4

    def prohibited(warn_at: float, add: float = 1.01) -> tuple[bool, list[str], list[str]]:
        config = {"model": {"add": add, "warn_for": {"prohibited": warn_at}}}
        review = review_proposal(text, config=config)
        found = [f for f in review.findings if f.code == "prohibited"]
        return review.registrable, [f.severity for f in found], [f.message for f in found]

    assert prohibited(chance + 1e-6)[:2] == (True, [])
    registrable, severities, (message,) = prohibited(chance - 1e-6)
    assert (registrable, severities) == (True, ["warning"])
    assert "只作提醒" in message and "不予立案" in message
    # Above `add` the model's own finding is the code's severity, as before.
    assert prohibited(chance - 1e-6, add=chance - 1e-6)[:2] == (False, ["blocking"])


def test_suggestions_that_name_no_unit_let_the_model_add_multiple_matters_lower() -> None:
    text = _text(VAGUE)
    vague = [f for f in review_proposal(text).findings if f.code == "vague_suggestions"]
    assert vague and vague[0].severity != "hint"
    chance = _chances(text)["multiple_matters"]
    assert chance > 1e-4

    def matters(threshold: float, when: list[str]) -> list[str]:
        unheard = {"when": when, "multiple_matters": threshold}
        config = {"model": {"add": 1.01, "add_for": {}, "add_unheard": unheard}}
        review = review_proposal(text, config=config)
        return [f.severity for f in review.findings if f.code == "multiple_matters"]

    assert matters(chance - 1e-6, ["vague_suggestions"]) == ["warning"]
    assert matters(chance + 1e-6, ["vague_suggestions"]) == []
    # Only while a finding of a `when` code stands: this draft's title is sound.
    assert matters(chance - 1e-6, ["title_format"]) == []


def test_an_analysis_that_names_causes_asks_the_model_to_be_surer() -> None:
    text = _text(SOUND)
    rules = load_rules("proposal")
    assert names_causes(parse_draft(text, rules), rules)
    chance = _chances(text)["missing_analysis"]
    assert chance > 1e-4

    def analysis(add_for: float, told: float) -> list[str]:
        settings = {"add": 1.01, "add_for": {"missing_analysis": add_for}}
        config = {"model": {**settings, "add_told": {"missing_analysis": told}}}
        review = review_proposal(text, config=config)
        return [f.severity for f in review.findings if f.code == "missing_analysis"]

    assert analysis(chance - 1e-6, 0.0) == ["warning"]
    assert analysis(chance - 1e-6, chance + 1e-6) == []


def test_a_warn_threshold_for_a_code_that_does_not_block_is_ignored() -> None:
    text = _text(SOUND)
    never = {"add": 1.01, "add_for": {"missing_situation": 1.01}}
    warned = {**never, "warn_for": {"missing_situation": 0.0}}
    review = review_proposal(text, config={"model": warned})
    assert review == review_proposal(text, config={"model": never})
    assert not [f for f in review.findings if f.code == "missing_situation"]


def test_the_shipped_warn_thresholds_are_for_blocking_codes_below_add() -> None:
    rules = load_rules("proposal")
    settings = rules.data["model"]
    assert settings["warn_for"], "no code is listed"
    for code, threshold in settings["warn_for"].items():
        assert rules.codes[code].severity == "blocking", code
        assert 0 < threshold < settings["add"], code


@pytest.mark.parametrize("review", [review_proposal, review_sheqing])
def test_a_thin_draft_is_left_to_the_rules(review: object) -> None:
    text = "关于加装电梯的建议\n\n我市老旧小区多，老人上下楼难。\n\n建议市住建局加快推进。\n"
    every = {"model": {"confirm": 0.0, "add": 0.0, "drop": 1.01}}
    assert review(text, config=every) == review(text, config={"model": {"enabled": False}})  # type: ignore[operator]


@pytest.mark.parametrize("known", [0, 1, 2, 40])
def test_the_probabilities_are_the_logistic_of_the_tf_idf_dot_product(known: int) -> None:
    # Written out here the plain way, for drafts with no, one, two and many known
    # features (the review fetches the weights in one itemgetter call, round 18).
    model = load_model()
    vocabulary = sorted(model.index, key=model.index.__getitem__)
    chosen = vocabulary[: max(0, known - 1)] + vocabulary[-1:] * min(known, 1)
    draft = [*chosen, *chosen[:1], "（不在词表里的词）"]
    counts = {w: draft.count(w) for w in draft if w in model.index}
    raw = {w: (1 + math.log(n)) * model.idf[model.index[w]] for w, n in counts.items()}
    length = math.sqrt(sum(v * v for v in raw.values())) or 1.0
    for code, weights in model.weights.items():
        z = model.bias[code] + sum(weights[model.index[w]] * v / length for w, v in raw.items())
        assert model.probabilities(draft)[code] == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-12)
