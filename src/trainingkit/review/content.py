"""Content checks for the not-registrable items (2011 list, items 1–9).

Each rule in the rule file's ``[[content.CODE]]`` tables is applied to the whole
normalised text; a hit counts when its sentence also satisfies the rule's ``near``
and ``unless`` patterns (or its paragraph's, with ``scope = "line"``), names a
person or organisation when the rule asks for ``names`` (from the segmenter's
part-of-speech tags, :mod:`.words`), and every ``in_text`` pattern occurs
somewhere in the draft. One finding is made per code and sentence, naming the
rule and the words that matched. A rule with ``sure = false`` gives a hint
("请核实：……"); a sentence that has a sure finding of a code gets no hint of it.
A rule with ``against = true`` is about advocating something (a banned practice):
it finds nothing in a draft that stands against what matched, by its title
(关于整治农村聚众赌博的建议) or by the stance words right beside the very word
elsewhere (依法打击聚众赌博); a stance against another thing (开放博彩，同时防止高利贷)
does not count.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from trainingkit.review.config import ContentRule, RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.text import Segment, lines, normalise, sentences
from trainingkit.review.words import ORG_TAGS, PERSON_TAGS, tokens

__all__ = ["check_content"]


def check_content(
    text: str,
    norm: str,
    rules: RuleSet,
    title: Segment | None = None,
    items: Sequence[Segment] = (),
) -> list[Finding]:
    """Return the content findings for ``text`` (``norm`` is its normalised copy).

    ``title``: the parsed title, for the rules that read the draft's stance;
    ``items``: the suggestion items, for the rules sure only when an item asks for
    whom their sentence named (``sure_with_items``).
    """
    # The 提案人/界别 lines say who writes, not what is written (方志诚, 社会科学界),
    # round 10; the rules that need them read the whole text (``in_text``).
    meta = [
        line
        for line in lines(norm)
        if rules.patterns["meta_line"].match(norm, line.start, line.end)
    ]
    spans = [s for s in sentences(norm) if not any(m.start <= s.start < m.end for m in meta)]
    against = rules.patterns["against"]
    titled_against = title is not None and bool(against.search(norm, title.start, title.end))
    stances: list[Segment] | None = None  # found on the first hit of an against rule
    starts = [s.start for s in spans]
    paragraphs = lines(norm)
    seen: dict[tuple[str, int], Finding] = {}
    # Sure rules first, so that an unsure rule never adds a hint where a sure one hit.
    for rule in sorted(rules.content, key=lambda r: not r.sure):
        if not all(p.search(norm) for p in rule.in_text):
            continue
        if any(p.search(norm) for p in rule.not_in_text):
            continue
        if rule.against and titled_against:
            continue
        if title is not None and any(
            p.search(norm, title.start, title.end) for p in rule.not_in_title
        ):
            continue
        accepted: list[tuple[Segment, Segment, tuple[str, ...]]] = []
        for sentence, match in _hits(rule, norm, spans, starts):
            earlier = seen.get((rule.code, sentence.start))
            if earlier is not None and (earlier.severity != "hint" or not rule.sure):
                continue
            scope = _paragraph(paragraphs, sentence) if rule.scope == "line" else sentence
            words = _accept(rule, norm, scope, match)
            if words is None or not _names(rule, norm, scope):
                continue
            if rule.against:
                if stances is None:
                    stances = [Segment(m.start(), m.end()) for m in against.finditer(norm)]
                if _stands_against(norm, stances, match.group()):
                    continue
            accepted.append((sentence, scope, words))
        distinct = {words[0] for _, _, words in accepted}
        if rule.min_distinct > 1:
            distinct = _signs(rule, norm, title, distinct)
        sure = rule.sure and len(distinct) >= rule.min_distinct
        if sure and rule.sure_with_items:
            named_in = [scope for _, scope, _ in accepted]
            sure = _asked_for(rule, norm, named_in + ([title] if title else []), items)
        for sentence, _, words in accepted:
            key = (rule.code, sentence.start)
            if key not in seen or (sure and seen[key].severity == "hint"):
                seen[key] = _finding(text, rules, rule, sentence, words, sure)
    return list(seen.values())


def _signs(rule: ContentRule, norm: str, title: Segment | None, words: set[str]) -> set[str]:
    """The distinct signs among ``words``, for ``min_distinct`` (round 10).

    Words of one ``one_sign`` kind (古籍、方志) are one sign, and a kind or word that a
    proposal's title names as its topic (关于推进……古籍数字化……的建议) is none; a title
    in a scholar's form (……的商榷) is no proposal's, and its words still count.
    """
    heading = norm[title.start : title.end].rstrip("。 ") if title is not None else ""
    topic = heading if heading.endswith(("建议", "提案")) else ""
    signs: set[str] = set()
    for word in words:
        kind = next((p for p in rule.one_sign if p.fullmatch(word)), None)
        if kind is not None:
            if not (topic and kind.search(topic)):
                signs.add(kind.pattern)
        elif word not in topic:
            signs.add(word)
    return signs


def _asked_for(rule: ContentRule, norm: str, hits: list[Segment], items: Sequence[Segment]) -> bool:
    """Whether a suggestion item asks for whom the hit sentences named.

    An item matches ``sure_with_items`` (给我父亲、为其、这位同志), or names again a
    person the segmenter tags in a hit sentence (……张德厚户，是家父名下的房子 and
    对张德厚户的情况再派人实地测量, round 8), in a hit's paragraph for a rule with
    ``scope = "line"`` (郝晓雯……她是提案人的女儿 and 对……郝晓雯……办理入编, round 12),
    or in the title, which ``hits`` ends with when there is one (关于解决退役士兵张宇航
    就业安置问题的建议 and 年内为张宇航……安排一个工作岗位, round 12). It may also name
    again a house's address or a firm's name told in a hit (北关后街十七号; 本人创办的
    丰禾食品有限公司 and 把丰禾公司北侧23亩地调为工业用地, round 12).
    """
    # An item that says the family is one of many (我家的情况只是其中之一) asks nothing
    # for it (round 9).
    items = [i for i in items if not any(u.search(norm, i.start, i.end) for u in rule.unless)]
    if any(p.search(norm, i.start, i.end) for i in items for p in rule.sure_with_items):
        return True
    words = tokens(norm)
    named = {
        t.word
        for hit in hits
        for t in words.tagged(PERSON_TAGS, hit.start, hit.end)
        if len(t.word) >= 2
    }
    named |= {
        norm[max(hit.start, m.start() - 2) : m.end()]
        for hit in hits
        for m in _ADDRESS.finditer(norm, hit.start, hit.end)
    }
    named |= {name for hit in hits for name in _firm_names(norm, hit)}
    return any(name in norm[i.start : i.end] for i in items for name in named)


def _firm_names(norm: str, hit: Segment) -> set[str]:
    """A firm's name told in a hit, as an item would call it again (丰禾公司, 青川厂).

    Each pair of characters of the words before a firm marker (岭西市丰禾食品有限公司)
    is tried with a marker after it, since the short name keeps two of them.
    """
    names = set()
    for match in _FIRM.finditer(norm, hit.start, hit.end):
        before = norm[max(hit.start, match.start() - 8) : match.start()]
        for i in range(len(before) - 1):
            pair = before[i : i + 2]
            if all("\u4e00" <= c <= "\u9fff" for c in pair):
                names.add(pair + match.group())
                names.add(pair + "公司")
    return names


_FIRM = re.compile(r"(?:有限责任|股份有限|有限)?公司|集团|厂|合作社|农场")


# A house by its address (北关后街十七号, 新村路8号), named in a hit and again in an item
# with the two characters before it: one household's remedy (round 12).
_ADDRESS = re.compile(r"(?:街|路|巷|弄|里|胡同)[\d一二三四五六七八九十百]+号")


_BREAK = re.compile(r"[。!?;\n]")


def _stands_against(norm: str, stances: list[Segment], word: str, reach: int = 12) -> bool:
    """Whether a stance word (one of ``stances``) is right beside ``word``, in one sentence."""
    for stance in stances:
        after = norm[stance.end : stance.end + reach + len(word)]
        before = norm[max(0, stance.start - reach - len(word)) : stance.start]
        for window, at in ((after, after.find(word)), (before, before.rfind(word))):
            if at < 0:
                continue
            between = window[:at] if window is after else window[at + len(word) :]
            if not _BREAK.search(between):
                return True
    return False


def _paragraph(paragraphs: list[Segment], sentence: Segment) -> Segment:
    for line in paragraphs:
        if line.start <= sentence.start < line.end:
            return line
    return sentence


_NAME_TAGS = {"person": PERSON_TAGS, "org": ORG_TAGS}


def _names(rule: ContentRule, norm: str, scope: Segment) -> bool:
    """True when the scope names a person or organisation, if the rule asks for one."""
    if not rule.names:
        return True
    wanted = frozenset().union(*(_NAME_TAGS[n] for n in rule.names))
    return bool(tokens(norm).tagged(wanted, scope.start, scope.end))


def _hits(
    rule: ContentRule, norm: str, spans: list[Segment], starts: list[int]
) -> Iterator[tuple[Segment, re.Match[str]]]:
    """Yield (sentence, match) for each hit of ``rule.pattern``.

    With a ``trigger``, only the sentences that contain it are searched: a cheap
    word list narrows the text before the costlier pattern runs.
    """
    if rule.trigger is None:
        for match in rule.pattern.finditer(norm):
            sentence = _sentence_of(spans, starts, match.start())
            if sentence is not None:
                yield sentence, match
        return
    candidates: dict[int, Segment] = {}
    for trigger in rule.trigger.finditer(norm):
        sentence = _sentence_of(spans, starts, trigger.start())
        if sentence is not None:
            candidates.setdefault(sentence.start, sentence)
    for sentence in candidates.values():
        found = rule.pattern.search(norm, sentence.start, sentence.end)
        if found:
            yield sentence, found


def _sentence_of(spans: list[Segment], starts: list[int], offset: int) -> Segment | None:
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0 or offset >= spans[index].end:
        return None
    return spans[index]


def _accept(
    rule: ContentRule, norm: str, sentence: Segment, match: re.Match[str]
) -> tuple[str, ...] | None:
    """Return the matched words when the hit satisfies ``near`` and ``unless``."""
    words = [match.group()]
    if rule.near:
        near = [p.search(norm, sentence.start, sentence.end) for p in rule.near]
        if not all(near):
            return None
        words.extend(m.group() for m in near if m)
    for pattern in rule.unless:
        if pattern.search(norm, sentence.start, sentence.end):
            return None
    return tuple(dict.fromkeys(w.strip() for w in words if w.strip()))


def _finding(
    text: str,
    rules: RuleSet,
    rule: ContentRule,
    sentence: Segment,
    words: tuple[str, ...],
    sure: bool,
) -> Finding:
    spec = rules.codes[rule.code]
    quoted = "”“".join(text_of(text, words, sentence))
    # The 不予立案 sentence is about proposals; a 社情民意 warning (state secrets,
    # charter art. 30) only asks the member to check (issue 13).
    is_proposal = rules.kind == "proposal"
    if sure:
        verdict = "此类提案一般不予立案，可通过其他渠道反映。" if is_proposal else ""
        message = f"依据{spec.rule}。这句话{rule.note}（命中：“{quoted}”）。{verdict}{spec.advice}"
    else:
        verdict = "如果确实如此，此类提案一般不予立案。" if is_proposal else ""
        message = (
            f"请核实：这句话可能{rule.note}（注意到：“{quoted}”）。"
            f"{verdict}{spec.advice}（依据{spec.rule}。）"
        )
    return Finding(
        code=rule.code,
        severity=spec.severity if sure else spec.unsure,
        message=message,
        start=sentence.start,
        end=sentence.end,
        rule=spec.rule,
        matched=words,
    )


def text_of(text: str, words: tuple[str, ...], sentence: Segment) -> list[str]:
    """Return the matched words as written in the original text (not normalised)."""
    window = normalise(text[sentence.start : sentence.end])
    result = []
    for word in words:
        at = window.find(word)
        result.append(
            text[sentence.start + at : sentence.start + at + len(word)] if at >= 0 else word
        )
    return result
