"""How well the 提案体检 judges drafts, on a development half and an evaluation half.

``tests/drafts/labels.toml`` lists, for every draft, the codes it should get. The
corpus is split once, by the fixed rule in :func:`half`:

* drafts of the batches written before the split (every name that does not start
  with one of :data:`NEW_BATCHES`, ``u1_`` to ``u20_``) are *development* drafts:
  earlier rounds tuned the rules on them and printed their per-draft results;
* the drafts of batches ``u1`` to ``u20`` (written independently, labelled
  before the review was run on them) go by the SHA-1 of their file name: even
  → development, odd → evaluation.

Rules are tuned on the development half only; its per-draft misses are printed.
The evaluation half prints only aggregate figures and must meet the goal of
issue 9, which is stated here as it is, not relaxed:

* verdict accuracy (立案 / 不予立案) ≥ 0.9;
* recall of every expected code ≥ 0.85;
* per 30 drafts, at most 1 false blocking finding and at most 2 false findings of
  any severity. A hint (请核实) counts as no finding, for recall and for false
  findings alike.

Each part of the goal is its own test. A part the evaluation half does not meet
keeps its assertion and is marked ``xfail(strict=True)`` with the real figures, so
the goal is not lowered and the mark must go when the part is met. The figures
and how often the evaluation half was run are in ``docs/review_quality.md``.

Run with ``pytest -s`` to see the tables.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from trainingkit.review import CODES, Review, load_rules, review_proposal, review_sheqing

DRAFTS = Path(__file__).parent / "drafts"
LABELS: dict[str, dict[str, object]] = tomllib.loads(
    (DRAFTS / "labels.toml").read_text(encoding="utf-8")
)["drafts"]

#: Batches written after the rules were last tuned; they are split by the hash.
NEW_BATCHES = (
    "u1_",
    "u2_",
    "u3_",
    "u4_",
    "u5_",
    "u6_",
    "u7_",
    "u8_",
    "u9_",
    "u10_",
    "u11_",
    "u12_",
    "u13_",
    "u14_",
    "u15_",
    "u16_",
    "u17_",
    "u18_",
    "u19_",
    "u20_",
    "u21_",
    "u22_",
    "u23_",
    "u24_",
    "u25_",
    "u28_",
    "u27_",
    "u26_",
    "u30_",
    "u29_",
    "u31_",
    "u32_",
    "u33_",
    "u34_",
    "u36_",
    "u35_",
    "u37_",
    "u38_",
    "u39_",
    "u40_",
    "u41_",
    "u42_",
    "u43_",
    "u44_",
    "u46_",
    "u48_",
    "u45_",
    "u47_",
    "u49_",
    "u51_",
    "u52_",
    "u50_",
    "u53_",
    "u54_",
    "u55_",
    "u56_",
    "u57_",
    "u58_",
    "u59_",
    "u60_",
    "u62_",
    "u63_",
    "u64_",
    "u65_",
    "u66_",
    "u67_",
    "u68_",
    "u69_",
    "u70_",
    "u71_",
    "u72_",
    "u73_",
    "u74_",
    "u75_",
    "u76_",
    "u77_",
    "u78_",
    "u79_",
    "u80_",
    "u81_",
    "u82_",
    "u83_",
    "u84_",
    "u85_",
    "u86_",
    "u87_",
    "u88_",
    "u89_",
    "u92_",
    "u94_",
    "u95_",
    "u97_",
    "u90_",
    "u91_",
    "u93_",
    "u96_",
    "u99_",
    "u104_",
    "u100_",
    "u101_",
    "u102_",
    "u98_",
    "u103_",
    "u105_",
    "u106_",
    "u110_",
    "u111_",
    "u112_",
    "u113_",
    "u107_",
    "u108_",
    "u109_",
    "u114_",
    "u116_",
    "u119_",
    "u121_",
    "u115_",
    "u117_",
    "u118_",
    "u120_",
    "u122_",
    "u123_",
    "u124_",
    "u125_",
    "u126_",
    "u127_",
    "u128_",
    "u129_",
    "u130_",
    "u131_",
    "u132_",
    "u133_",
    "u134_",
    "u135_",
    "u136_",
    "u137_",
    "u138_",
    "u139_",
    "u140_",
    "u141_",
    "u142_",
    "u143_",
    "u144_",
    "u145_",
    "u146_",
    "u147_",
    "u148_",
    "u149_",
    "u150_",
    "u151_",
    "u152_",
    "u153_",
    "u154_",
    "u155_",
    "u156_",
    "u157_",
    "u158_",
    "u159_",
    "u160_",
    "u161_",
    "u162_",
    "u163_",
    "u164_",
    "u165_",
    "u166_",
    "u167_",
    "u168_",
    "u169_",
    "u170_",
    "u171_",
    "u172_",
    "u173_",
    "u174_",
    "u175_",
    "u176_",
    "u177_",
    "u178_",
    "u179_",
    "u180_",
    "u181_",
    "u182_",
    "u183_",
    "u184_",
    "u185_",
)

# The goal of issue 9, on drafts the rules were not tuned on.
MIN_VERDICT_ACCURACY = 0.9
MIN_RECALL = 0.85
MAX_FALSE_BLOCKING_PER_30 = 1
MAX_FALSE_ANY_PER_30 = 2


def half(name: str) -> str:
    """``development`` or ``evaluation``: the fixed rule that splits the corpus."""
    if not name.startswith(NEW_BATCHES):
        return "development"
    digest = int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16)
    return "development" if digest % 2 == 0 else "evaluation"


def _names(which: str) -> list[str]:
    return sorted(name for name in LABELS if half(name) == which)


@dataclass
class Score:
    """Counts for one code."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Figures:
    """What one half scores."""

    drafts: int = 0
    verdicts_right: int = 0
    false_blocking: int = 0
    false_any: int = 0
    hints: int = 0
    codes: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CODES})
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.verdicts_right / self.drafts if self.drafts else 1.0

    def per_30(self, count: int) -> float:
        return count * 30 / self.drafts if self.drafts else 0.0


@cache
def _review(name: str) -> Review:
    text = (DRAFTS / name).read_text(encoding="utf-8-sig")
    kind = LABELS[name]["kind"]
    return review_proposal(text) if kind == "proposal" else review_sheqing(text)


def _blocking_codes(kind: str) -> set[str]:
    rules = load_rules(kind)
    return {code for code, spec in rules.codes.items() if spec.severity == "blocking"}


@cache
def figures(which: str) -> Figures:
    """Score the drafts of one half; hints are left out as if absent."""
    result = Figures()
    for name in _names(which):
        label = LABELS[name]
        kind = str(label["kind"])
        expected = set(label["codes"])  # type: ignore[call-overload]
        review = _review(name)
        found = set(review.flagged)
        result.drafts += 1
        result.hints += len({f.code for f in review.findings if f.severity == "hint"})
        should_register = not expected & _blocking_codes(kind)
        result.verdicts_right += review.registrable == should_register
        for code in CODES:
            score = result.codes[code]
            if code in found and code in expected:
                score.tp += 1
            elif code in found:
                score.fp += 1
                result.false_any += 1
                if any(f.code == code and f.severity == "blocking" for f in review.findings):
                    result.false_blocking += 1
            elif code in expected:
                score.fn += 1
        if found != expected:
            result.misses.append(f"{name}: expected {sorted(expected)}, found {sorted(found)}")
    return result


def table(title: str, result: Figures) -> str:
    """The figures of one half as a plain-text table."""
    lines = [
        f"{title}: {result.drafts} drafts, verdict accuracy {result.accuracy:.2f}, "
        f"false blocking {result.false_blocking} ({result.per_30(result.false_blocking):.1f} "
        f"per 30), false findings {result.false_any} ({result.per_30(result.false_any):.1f} "
        f"per 30), hints {result.hints}",
        f"{'code':22} {'tp':>3} {'fp':>3} {'fn':>3} {'precision':>9} {'recall':>7}",
    ]
    for code, s in result.codes.items():
        lines.append(f"{code:22} {s.tp:3} {s.fp:3} {s.fn:3} {s.precision:9.2f} {s.recall:7.2f}")
    return "\n".join(lines)


def _accuracy_failures(result: Figures) -> list[str]:
    if result.accuracy < MIN_VERDICT_ACCURACY:
        return [f"verdict accuracy {result.accuracy:.2f} < {MIN_VERDICT_ACCURACY}"]
    return []


def _false_blocking_failures(result: Figures) -> list[str]:
    if result.per_30(result.false_blocking) > MAX_FALSE_BLOCKING_PER_30:
        return [f"{result.false_blocking} false blocking findings"]
    return []


def _false_any_failures(result: Figures) -> list[str]:
    if result.per_30(result.false_any) > MAX_FALSE_ANY_PER_30:
        return [f"{result.false_any} false findings"]
    return []


def _recall_failures(result: Figures) -> list[str]:
    return [
        f"recall of {code} {s.recall:.2f} < {MIN_RECALL}"
        for code, s in result.codes.items()
        if s.tp + s.fn and s.recall < MIN_RECALL
    ]


def _goal_failures(result: Figures) -> list[str]:
    return [
        *_accuracy_failures(result),
        *_recall_failures(result),
        *_false_blocking_failures(result),
        *_false_any_failures(result),
    ]


def test_the_corpus_is_large_varied_and_labelled_with_known_codes() -> None:
    assert len(LABELS) >= 200
    assert {p.name for p in DRAFTS.glob("*.txt")} == set(LABELS)
    positives = {code for label in LABELS.values() for code in label["codes"]}  # type: ignore[attr-defined]
    assert positives == set(CODES), "every code needs failing drafts"
    assert sum(1 for label in LABELS.values() if not label["codes"]) >= 40


def test_every_label_is_a_code_its_kind_of_draft_can_get() -> None:
    # A 社情民意 takes six codes; the proposal's grounds for 不予立案 are not its own
    # (round 20: six drafts written to a brief that did not say so had them).
    enabled = {kind: set(load_rules(kind).codes) for kind in ("proposal", "sheqing")}
    wrong = [
        name
        for name, label in LABELS.items()
        if not set(label["codes"]) <= enabled[str(label["kind"])]  # type: ignore[call-overload]
    ]
    assert not wrong, wrong


def test_the_split_is_fixed_by_name_and_gives_each_half_new_drafts() -> None:
    new = [name for name in LABELS if name.startswith(NEW_BATCHES)]
    evaluation = _names("evaluation")
    assert set(evaluation) <= set(new), "only drafts never tuned on are evaluation drafts"
    assert 0.35 <= len(evaluation) / len(new) <= 0.65
    assert half("u1_example.txt") == half("u1_example.txt")
    expected = {code for name in evaluation for code in LABELS[name]["codes"]}  # type: ignore[attr-defined]
    assert len(expected) >= 12, "the evaluation half must test most codes"


def test_figures_on_the_development_half() -> None:
    result = figures("development")
    print("\n" + table("development half", result))
    print("\n".join(result.misses))
    failures = [
        *_accuracy_failures(result),
        *_false_blocking_failures(result),
        *_false_any_failures(result),
    ]
    assert not failures, failures


# Since round 15 the text model (trainingkit.review.model) is trained on this half, so
# its figures here are in-sample and say little (round 16, 3,112 drafts: every code at
# 0.93 or more; round 17, 3,189 drafts: 0.94 or more); the evaluation half is the
# measure. Before the model (round 14, 2,881 drafts) recall was short for
# missing_situation 97/143 and missing_analysis 58/186.
def test_recall_of_every_code_on_the_development_half_meets_the_goal() -> None:
    failures = _recall_failures(figures("development"))
    assert not failures, failures


# The goal on the evaluation half, one part per test. Aggregates only: per-draft
# results of this half are never printed.


# Missed in round 12 (1,854 drafts: 0.895) and in the rounds before it since the corpus
# grew; met in round 13 (2,513 drafts: 0.904; the round-12 rules give 0.899 on the same
# drafts) and round 14 (2,914 drafts: 0.909; the round-13 rules give 0.903); round 15,
# with the text model (3,073 drafts: 0.959; the rules alone give 0.909); round 16, with
# word pairs in the model (3,163 drafts: 0.956; the rules alone give 0.908); round 17,
# with the draft's shape in the model (3,246 drafts: 0.951; the rules alone give 0.908);
# round 18, retrained with the tenth wave (3,324 drafts: 0.951; the rules alone 0.908);
# round 19, retrained with the eleventh and twelfth waves (3,498 drafts: 0.952; the rules
# alone 0.908); round 20, retrained with the thirteenth to sixteenth waves (3,829 drafts:
# 0.954; the round-19 tree 0.953, the rules alone 0.910).
def test_verdict_accuracy_on_the_evaluation_half_meets_the_goal() -> None:
    result = figures("evaluation")
    print("\n" + table("evaluation half", result))
    # The failures alone: an assertion on ``result`` would print its per-draft misses.
    failures = _accuracy_failures(result)
    assert not failures, failures


# Met in round 7 (785 drafts: 26, 1.0 per 30), missed in rounds 8 and 9, met in round
# 10 (1,231 drafts: 40, 0.97 per 30), missed again in round 11 (1,379 drafts: 47, 1.02 per 30)
# and round 12 (1,854 drafts: 66, 1.07 per 30), met in round 13 (2,513 drafts: 75, 0.90 per
# 30; missing_suggestions 21, personal_matter 14, whistleblowing 10; the round-12 rules give
# 85, 1.01 per 30, on the same drafts) and round 14 (2,914 drafts: 88, 0.91 per 30; the
# round-13 rules give 87, 0.90 per 30); round 15, with the text model (3,073 drafts: 39,
# 0.38 per 30, missing_suggestions 24 of them; the rules alone give 91, 0.89 per 30);
# round 16 (3,163 drafts: 39, 0.37 per 30; the rules alone give 92, 0.87 per 30); round 17
# (3,246 drafts: 39, 0.36 per 30, missing_suggestions 24 of them; the rules alone give 94,
# 0.87 per 30); round 18 (3,324 drafts: 38, 0.34 per 30, missing_suggestions 23 of them;
# the rules alone give 95, 0.86 per 30); round 19 (3,498 drafts: 41, 0.35 per 30,
# missing_suggestions 24 of them; the rules alone give 101, 0.87 per 30); round 20 (3,829
# drafts: 45, 0.35 per 30; the round-19 tree 45, the rules alone 111, 0.87 per 30).
def test_false_blocking_findings_on_the_evaluation_half_meet_the_goal() -> None:
    failures = _false_blocking_failures(figures("evaluation"))
    assert not failures, failures


# Met in round 7 (785 drafts: 52, 2.0 per 30); missed in rounds 8-12 (round 12: 2.12 per
# 30); met in round 13 (2,513 drafts: 152, 1.81 per 30; multiple_matters 39 of them; the
# round-12 rules give 166, 1.98 per 30, on the same drafts) and round 14 (2,914 drafts: 167,
# 1.72 per 30; the round-13 rules give 168, 1.73 per 30); round 15, with the text model
# (3,073 drafts: 90, 0.88 per 30; the rules alone give 175, 1.71 per 30); round 16, whose
# model may add missing_analysis at 0.4 (3,163 drafts: 132, 1.25 per 30, missing_analysis
# 57 of them; the rules alone give 179, 1.70 per 30); round 17, whose model reads the
# draft's shape and may add missing_analysis at 0.35 (3,246 drafts: 176, 1.63 per 30,
# missing_analysis 94 of them; the rules alone give 182, 1.68 per 30); round 18 (3,324
# drafts: 177, 1.60 per 30, missing_analysis 101 of them; the rules alone give 184, 1.66);
# round 19 (3,498 drafts: 191, 1.64 per 30, missing_analysis 110 of them; the rules alone
# give 191, 1.64); round 20, whose model may add multiple_matters at 0.3 beside vague or
# missing suggestions, needs 0.5 for missing_analysis where a sentence names causes, and
# whose rules read an analysis that names no cause (3,829 drafts: 215, 1.69 per 30,
# missing_analysis 122 of them; the round-19 tree 208, 1.63; the rules alone 206, 1.61).
def test_false_findings_of_any_severity_on_the_evaluation_half_meet_the_goal() -> None:
    failures = _false_any_failures(figures("evaluation"))
    assert not failures, failures


# Missed in every round up to 19 (round 19, 3,498 drafts: missing_analysis 236/286, 0.83);
# met in round 20 (3,829 drafts: the lowest are missing_analysis 326/375, 0.869,
# multiple_matters 195/223, 0.874, and personal_matter 228/260, 0.877; the round-19 tree
# gives missing_analysis 309/375, 0.82, and multiple_matters 185/223, 0.83, on the same
# drafts; the rules alone miss seven codes, missing_analysis 59/375 the lowest).
def test_recall_of_every_code_on_the_evaluation_half_meets_the_goal() -> None:
    failures = _recall_failures(figures("evaluation"))
    assert not failures, failures


#: Sound development drafts that still get a warning, each a strict xfail so that
#: the mark must go once the review is right on it.
#: (Round 7 cleared the last one, u6_good_gambling_crackdown.txt: 赌博 is a word of the
#: public-order field, so the crackdown's title has a field.) Round 15's text model,
#: trained on this half, cleared five multiple_matters warnings (u118 ×2, u121, u139 ×2):
#: in-sample, so no evidence of its own.
_KNOWN_FALSE_WARNINGS: dict[str, str] = {
    "u4_good_odd_title.txt": "title_format: 让山区孩子的午餐更热乎些 names the hoped-for "
    "outcome, a warning since round 8 (5 of the 6 development drafts with such a title are "
    "labelled title_format; this writer labelled it sound)",
    "u68_good_litigation_service.txt": "missing_analysis: one paragraph of facts before the "
    "suggestions, whose one sentence without figures (网上立案虽已开通，但山区老人多不会用，材料"
    "补正也常要跑第二趟) has fewer than the 40 characters that make the review unsure; its causes "
    "are told as facts (法院都设在县城和中部平原), as in drafts other writers label "
    "missing_analysis (round 12)",
    "u3_sq_good_scam_elderly.txt": "missing_analysis: the text model's warning since round "
    "20 (0.71 in sample). The causes are told with no causal word the lexicon knows (这类骗局"
    "利用了老年人对政策不熟悉……的心理；……但很多老人并不知道), so the rules see no analysis to "
    "weigh against the model",
    "u5_good_veteran_eldercare.txt": "missing_analysis: the text model's warning since round "
    "20 (0.50 in sample). The causes are told as facts with no causal word (光荣院床位只有120"
    "张……；各区对退役军人的养老优待标准也不统一), as in drafts other writers label "
    "missing_analysis",
    "u49_good_elderly_fraud.txt": "missing_analysis: a draft of one paragraph whose only "
    "sentence of causes has 38 characters without figures (……子女又不在身边，社区宣传多是发"
    "传单), under the 40 a paragraph needs before the review is unsure there is none "
    "(round 10; of the four such short u49 development drafts it was a warning for, two "
    "are labelled missing_analysis)",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.xfail(strict=True, reason=_KNOWN_FALSE_WARNINGS[name])
            if name in _KNOWN_FALSE_WARNINGS
            else (),
        )
        for name in _names("development")
        if not LABELS[name]["codes"]
    ],
)
def test_good_development_drafts_are_registrable_without_problems(name: str) -> None:
    review = _review(name)
    assert review.registrable
    assert review.flagged == (), [f.message for f in review.findings if f.severity != "hint"]
