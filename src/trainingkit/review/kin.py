"""``personal_matter`` across sentences: a relative named, then a remedy for that name.

The 2011 list's item 7 (为本人或亲属解决个人问题的) is often written in two places:
the situation introduces the relative by name (``我儿子吴梓航，今年7月……``,
``本人之子钟浩然``) and a suggestion, sentences later, asks for that person by
name (``优先聘用吴梓航同志``, ``对钟浩然的人才类别重新进行评估认定``). Neither
sentence alone says whose matter it is, so the content rules, which look at one
sentence, miss it. The signal has two parts, both from the rule file's
``[personal]`` table:

* **a named relative**: ``relative`` (本人、我、提案人 + a kinship word) followed
  within a few characters by a person's name, which the segmenter tags (``nr``) or
  which starts with a surname (a compound one, 欧阳, followed by a given name); or
  ``named_relative``, a name said afterwards to be the proposer's relative
  (``周子涵，女，2017年10月出生，系提案人的孙女``); or the proposer, named in the
  提案人 line, then by name or as their family (``孙德厚``, ``孙家``, round 7);
  or a person of the proposer's surname whom the title is about (赵宏伟 writing
  关于解决赵德明老人……的建议, round 7);
* **a remedy for that name**: the name again in a suggestion item together with
  ``remedy`` (聘用、认定、安排、补发 …) makes a blocking finding; the name in a
  suggestion without such a word is unsure (a hint).

A suggestion may also ask a remedy for one household or person without a name
(``one``: 这一户、老人家、给孩子): sure when the draft says the family is the
proposer's (``household``: 我们家、提案人的岳父), a hint otherwise.
"""

from __future__ import annotations

import re

from trainingkit.review.config import RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.parse import Draft
from trainingkit.review.text import Segment
from trainingkit.review.words import PERSON_TAGS, Token, Tokens, first_name_in, name_forms, tokens

__all__ = ["check_relatives"]

# Between the kinship word and the name: punctuation, 叫/名叫, a space.
_GAP = re.compile(r"[\s,，:：、（(]*(?:名叫|叫做|叫)?\s*")


def check_relatives(draft: Draft, rules: RuleSet) -> list[Finding]:
    """Return ``personal_matter`` findings for suggestions that serve a named relative."""
    if "personal_matter" not in rules.codes or not draft.items:
        return []
    p = rules.patterns
    norm = draft.norm
    names = _relative_names(draft, p["personal_relative"], p["personal_surname"])
    names.update(
        form
        for match in p["personal_named_relative"].finditer(norm)
        for form in name_forms(match.group("name"))
    )
    own = _proposer_names(norm, p["personal_proposer"], p["personal_family"])
    surnames = {m.group("surname") for m in p["personal_proposer"].finditer(norm)}
    household = bool(p["personal_household"].search(norm, draft.body_start))
    kin = _namesakes(draft, surnames, p["personal_place"]) - own
    family = _family_in_items(draft, surnames) - own - kin if household else set()
    names |= own | kin | family
    findings = _one_household(draft, rules, household) + _own_firm(draft, rules)
    findings += _same_surname_person(draft, rules, surnames)
    if not names:
        return findings
    remedy = p["personal_remedy"]
    for item in draft.items:
        named = first_name_in(norm, names, item.start, item.end)
        if named is None:
            continue
        wanted = remedy.search(norm, item.start, item.end)
        words = (named, wanted.group()) if wanted else (named,)
        whose, what = ("提案人本人或其家庭", "本人") if named in own else ("提案人的亲属", "亲属")
        if named in kin:
            whose = "与提案人同姓、标题所为的"
        elif named in family:
            whose = "与提案人同姓、文中说是自己家的"
        text = (
            f"这条建议为{whose}“{named}”个人提出要求"
            f"{'（' + wanted.group() + '）' if wanted else ''}，是为{what}解决个人问题。"
        )
        findings.append(
            rules.finding(
                "personal_matter", text, Segment(item.start, item.end), *words, sure=bool(wanted)
            )
        )
    return findings


def _one_household(draft: Draft, rules: RuleSet, own: bool) -> list[Finding]:
    """A remedy for one household or person pointed back to (这一户、老人家、给孩子).

    A suggestion that asks a remedy for 这一户 or 老人家 serves one family; it is the
    proposer's (sure) when the draft says so anywhere (我们家、提案人的岳父、老人家是……),
    and a hint otherwise, since a member may raise a neighbour's case (round 8).
    ``own``: the draft says the family is the proposer's (``household``).
    """
    p, norm = rules.patterns, draft.norm
    findings = []
    for item in draft.items:
        one = p["personal_one"].search(norm, item.start, item.end)
        wanted = one and p["personal_remedy"].search(norm, item.start, item.end)
        if not one or not wanted:
            continue
        text = (
            f"这条建议为一户人家或一个人（“{one.group()}”）提出要求（{wanted.group()}），"
            f"{'文中说明是提案人自己家，' if own else ''}是为个人解决问题。"
        )
        findings.append(
            rules.finding(
                "personal_matter",
                text,
                Segment(item.start, item.end),
                one.group(),
                wanted.group(),
                sure=own,
            )
        )
    return findings


def _own_firm(draft: Draft, rules: RuleSet) -> list[Finding]:
    """A remedy asked for the proposer's own firm (为宏达机械有限公司办理……; 本公司).

    The firm is the one the 提案人 line says the proposer runs, or 本公司/我公司
    (round 9), or one the body says the proposer runs (由提案人经营药店……; 该药店,
    round 10), or a relative runs or founded (我爱人经营的……店; ……公司是……由本人胞弟
    ……创办, round 19). It is the proposer's own interest, as a relative's would be.
    """
    p, norm = rules.patterns, draft.norm
    firms = {
        m.group("firm")
        for key in ("personal_own_firm", "personal_work_firm")
        for m in p[key].finditer(norm)
    }
    kin_firms = {m.group("firm") for m in p["personal_kin_firm"].finditer(norm)}
    for m in p["personal_own_business"].finditer(norm, draft.body_start):
        firm = m.group("firm")
        # A bare kind (药店) is the proposer's only where it is pointed back to (该药店).
        named_as = {firm} if len(firm) > 3 else {f"{back}{firm}" for back in ("该", "这家", "此")}
        (kin_firms if m.group("kin") else firms).update(named_as)
    findings = []
    for item in draft.items:
        named = next((f for f in firms | kin_firms if f in norm[item.start : item.end]), None)
        self_ = p["personal_firm_self"].search(norm, item.start, item.end)
        wanted = p["personal_firm_remedy"].search(norm, item.start, item.end)
        if not wanted and named in kin_firms:
            wanted = p["personal_kin_firm_remedy"].search(norm, item.start, item.end)
        if not wanted or not (named or self_):
            continue
        if p["personal_firm_body"].search(norm, item.start, item.end):
            continue  # the firm's party branch or union (……恢复该公司党支部), round 10
        shown = named or (self_.group() if self_ else "")
        whose = ("亲属的", "亲属") if named in kin_firms else ("自己的", "本人")
        text = (
            f"这条建议为提案人{whose[0]}企业（“{shown}”）提出要求（{wanted.group()}），"
            f"是为{whose[1]}谋取利益。"
        )
        span = Segment(item.start, item.end)
        findings.append(rules.finding("personal_matter", text, span, shown, wanted.group()))
    return findings


def _same_surname_person(draft: Draft, rules: RuleSet, surnames: set[str]) -> list[Finding]:
    """A remedy for a person told by surname only, the proposer's (周立川: 上述周姓老人).

    A "typical case" whose one person has the proposer's surname and whom a
    suggestion asks a remedy for is the proposer's family's case (round 9).
    """
    p, norm = rules.patterns, draft.norm
    findings = []
    for item in draft.items:
        told = p["personal_surname_person"].search(norm, item.start, item.end)
        wanted = p["personal_remedy"].search(norm, item.start, item.end)
        if not told or not wanted or told.group("surname") not in surnames:
            continue
        text = (
            f"这条建议为与提案人同姓的“{told.group()}”个人提出要求（{wanted.group()}），"
            "像是为亲属解决个人问题。"
        )
        span = Segment(item.start, item.end)
        findings.append(rules.finding("personal_matter", text, span, told.group(), wanted.group()))
    return findings


def _proposer_names(norm: str, proposer: re.Pattern[str], family: re.Pattern[str]) -> set[str]:
    """The proposer's name from the 提案人 line, its short forms, and 孙家 (the family)."""
    found: set[str] = set()
    for match in proposer.finditer(norm):
        found.update(name_forms(match.group("name")))
        surname = match.group("surname")
        for at in (m.start() for m in re.finditer(re.escape(surname + "家"), norm)):
            if family.match(norm, at + len(surname)):
                found.add(surname + "家")
                break
    return found


def _namesakes(draft: Draft, surnames: set[str], place: re.Pattern[str]) -> set[str]:
    """A person the title is about who has the proposer's surname (赵宏伟: 关于解决赵德明……).

    A proposal for one named person (关于解决赵德明老人……的建议) of the proposer's
    own surname is a matter of the proposer's family; 王家坝 is a place (round 7).
    """
    if draft.title is None or not surnames:
        return set()
    norm = draft.norm
    words = tokens(norm)
    found: set[str] = set()
    within = words.within(draft.title.start, draft.title.end)
    for first, following in zip(within, (*within[1:], None), strict=True):
        if first.tag not in PERSON_TAGS or not first.word.startswith(tuple(surnames)):
            continue
        name, end = first.word, first.end
        if len(name) == 1 and following is not None and following.tag in PERSON_TAGS:
            name, end = name + following.word, following.end  # 王 / 秀英
        if len(name) >= 2 and not place.match(norm, end):
            found.update(name_forms(name))
    return found


def _family_in_items(draft: Draft, surnames: set[str]) -> set[str]:
    """People of the proposer's surname a suggestion names (林建华: 安排林子墨到……就读).

    Asked only in a draft that says the family is the proposer's (我们家……, round 8).
    """
    if not surnames:
        return set()
    norm = draft.norm
    words = tokens(norm)
    found: set[str] = set()
    for item in draft.items:
        for token in words.tagged(PERSON_TAGS, item.start, item.end):
            if len(token.word) >= 2 and token.word.startswith(tuple(surnames)):
                found.update(name_forms(token.word))
    return found


def _relative_names(draft: Draft, relative: re.Pattern[str], surname: re.Pattern[str]) -> set[str]:
    """Names written right after a kinship word of the proposer (我儿子吴梓航)."""
    norm = draft.norm
    found: set[str] = set()
    words = None
    for match in relative.finditer(norm):
        gap = _GAP.match(norm, match.end())
        at = gap.end() if gap else match.end()
        if words is None:  # the segmenter only once a kinship word was seen
            words = tokens(norm)
        first = next((t for t in words.within(at, at + 4) if t.start == at), None)
        if first is None:
            continue
        if first.tag in PERSON_TAGS and len(first.word) >= 2:
            found.add(first.word)
        elif (named := surname.match(norm, at)) and (
            len(first.word) == 1 or _given_name_follows(words, first, named.end())
        ):
            # A name the dictionary does not know comes apart (吴 / 梓航, 欧阳 / 子涵);
            # a word it knows (高血压) is no name. Keep the short form too.
            found.update(name_forms(named.group()))
    return found


def _given_name_follows(words: Tokens, surname: Token, end: int) -> bool:
    """Whether a compound surname (欧阳) is followed by a given name (子涵) ending at ``end``."""
    given = next((t for t in words.within(surname.end, end) if t.start == surname.end), None)
    return given is not None and given.tag in PERSON_TAGS and given.end == end
