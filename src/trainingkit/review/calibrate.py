"""Weigh the rules' findings against the text model's reading of the whole draft.

The rules judge sentences; the model (:mod:`trainingkit.review.model`) judges the
draft. Where they disagree clearly, the model decides how sure a finding is, never
what it says:

* a sure finding of a code the model gives less than ``[model] drop`` becomes a
  hint ("请核实：……"), with the rule's own words and spans kept;
* a code the rules only hinted at becomes a finding of the code's severity, on
  the hinted spans, when the model gives it at least ``[model] confirm``;
* a code the rules did not raise at all needs ``[model] add`` (more), or the
  code's own lower threshold in ``[model.add_for]`` (which also confirms its hints), or
  in ``[model.add_unheard]`` when the review found the suggestions vague or missing
  (its ``when`` codes), so that they name no handling unit the rules could count: the
  finding is placed on the part it is about (``[model.parts]``) or on the sentence
  whose words weigh most for it; where a sentence of the analysis names causes
  (:func:`trainingkit.review.hollow.names_causes`), missing_analysis needs at least
  ``[model.add_told]``;
* a blocking code the rules did not raise, which the model gives less than that but at
  least the code's ``[model.warn_for]`` (other codes there are ignored), becomes a
  warning, placed the same way: the trainee is told what the draft reads like, and
  the draft is not refused on the model's guess.

Codes not listed in ``[model] codes`` (title_format, too_long: counted, not judged)
are left to the rules.
"""

from __future__ import annotations

from dataclasses import replace

from trainingkit.review.codes import code_name
from trainingkit.review.config import RuleSet
from trainingkit.review.findings import MODEL_MARK, Finding
from trainingkit.review.hollow import names_causes
from trainingkit.review.model import Model, features, load_model, shape, words
from trainingkit.review.parse import Draft
from trainingkit.review.text import Segment
from trainingkit.review.words import tokens

__all__ = ["calibrate"]

_UNSURE = "请核实：{message}（通读全文，不太像这一问题，所以只作提示。）"
_ADDED = "依据{rule}。通读全文，这份稿子很像“{name}”的问题{where}。{advice}"
_WARY = (
    "依据{rule}。通读全文，这份稿子有些像“{name}”的问题{where}，但没有一句说得确凿，"
    "所以只作提醒，不作不予立案的判断。如确属这种情形，提案将不予立案。{advice}"
)
_AT_PLACE = "，标出的是它该在的位置"


def calibrate(findings: list[Finding], draft: Draft, rules: RuleSet) -> list[Finding]:
    """Return ``findings`` with the model's view applied (see the module docstring)."""
    settings = rules.data.get("model", {})
    if not settings.get("enabled", True):
        return findings
    model = load_model()
    judged = [c for c in settings.get("codes", ()) if c in rules.codes and c in model.codes]
    if not judged:
        return findings
    draft_words = words(draft.norm)
    if sum(map(model.index.__contains__, draft_words)) < int(settings.get("min_words", 0)):
        return findings
    chances = model.probabilities(features(draft_words, rules.kind, shape(draft, rules)))
    drop, confirm, add = (float(settings[k]) for k in ("drop", "confirm", "add"))
    add_for = settings.get("add_for", {})
    unheard = settings.get("add_unheard", {})
    told = settings.get("add_told", {})
    warn_for = settings.get("warn_for", {})
    parts = settings.get("parts", {})
    result = list(findings)
    for code in judged:
        mine = [f for f in result if f.code == code]
        sure = [f for f in mine if f.severity != "hint"]
        chance = chances[code]
        add_at = min(add, float(add_for.get(code, add)))
        if code in unheard and _found(result, unheard.get("when", ())):
            add_at = min(add_at, float(unheard[code]))
        # Only a chance that would add needs the (costlier) reading of the analysis.
        if code in told and chance >= add_at and names_causes(draft, rules):
            add_at = max(add_at, float(told[code]))
        if sure:
            if chance < drop:
                result = [_unsure(f, rules) if f in sure else f for f in result]
        elif mine and chance >= min(confirm, add_at):
            confirmed = [_sure(code, f.start, f.end, f.matched, rules, _where(f)) for f in mine]
            result = [f for f in result if f not in mine] + confirmed
        elif not mine and chance >= add_at:
            result.append(_placed(code, parts.get(code), draft, rules, model))
        elif (
            not mine
            and code in warn_for
            and chance >= float(warn_for[code])
            and rules.codes[code].severity == "blocking"
        ):
            result.append(_placed(code, parts.get(code), draft, rules, model, wary=True))
    return result


def _found(findings: list[Finding], codes: list[str]) -> bool:
    """Whether a finding of one of ``codes`` stands (a hint does not)."""
    return any(f.code in codes and f.severity != "hint" for f in findings)


def _where(finding: Finding) -> str:
    """What a confirmed hint's span shows: a missing part's place has no text."""
    return _AT_PLACE if finding.start == finding.end else ""


def _unsure(finding: Finding, rules: RuleSet) -> Finding:
    spec = rules.codes[finding.code]
    message = _UNSURE.format(message=finding.message.removeprefix("请核实："))
    return replace(finding, severity=spec.unsure, message=message)


def _sure(
    code: str,
    start: int,
    end: int,
    matched: tuple[str, ...],
    rules: RuleSet,
    where: str,
    wary: bool = False,
) -> Finding:
    """The model's finding of ``code``: of the code's severity, or a warning if ``wary``."""
    spec = rules.codes[code]
    text = _WARY if wary else _ADDED
    message = text.format(rule=spec.rule, name=code_name(code), where=where, advice=spec.advice)
    severity = "warning" if wary else spec.severity
    return Finding(code, severity, message, start, end, spec.rule + MODEL_MARK, matched)


def _placed(
    code: str, part: str | None, draft: Draft, rules: RuleSet, model: Model, wary: bool = False
) -> Finding:
    """A finding the model adds with no rule's hint: on ``part`` (``[model.parts]``), or
    on its weightiest sentence; a warning if ``wary`` (``[model.warn_for]``)."""
    if part is not None:
        span = draft.title if part == "title" else draft.part(part)
        if span is None or span.start >= span.end:  # no such part, or only its heading's place
            place = draft.body_start if span is None else span.start
            return _sure(code, place, place, (), rules, _AT_PLACE, wary)
        return _sure(code, span.start, span.end, (), rules, "", wary)
    segmented = tokens(draft.norm)
    best: tuple[float, Segment] | None = None
    for unit in draft.units:
        seen = {t.word for t in segmented.within(unit.start, unit.end)}
        score = sum(model.weight(code, w) for w in seen)
        if best is None or score > best[0]:
            best = (score, Segment(unit.start, unit.end))
    if best is None or best[0] <= 0:
        span = draft.title or Segment(draft.body_start, draft.body_start)
        return _sure(code, span.start, span.end, (), rules, "", wary)
    return _sure(code, best[1].start, best[1].end, (), rules, "，标出的是最像的一句", wary)
