"""``advertising`` across sentences: a named brand, company or product with promotion.

The 2011 list's item 8 (宣传、推介具体作品、产品的) is about *what a sentence does
to a named thing*, so the signal has two parts, both from the rule file's
``[advertising]`` table:

* **a name**: the segmenter's words in front of a company or brand marker
  (``绿源农业科技有限公司``, ``“清溪”牌``, ``金龙鱼牌``), reduced to their core word
  (``绿源``) so that later mentions (``选用绿源净水器``) are found too; or a word
  the segmenter tags as a proper name right in front of a word for goods
  (``青禾源山茶油``, ``翠谷云雾茶``: a brand written without 牌 or 公司); or a
  quoted name in a sentence that names a company (``雾岭山茶业有限公司……这家企业
  的“雾岭银针”``, ``澄港云医科技有限公司开发的“安康e护”APP``), unless the quoted
  words are a programme's or policy's (``policy``: ……制、……工程、……行动);
* **mentions**: the names, and once a company is named, the words that refer back
  to it (``anaphora``: 该公司、这家企业、这款产品);
* **promotion** in a sentence that mentions the name: framing that asks for it to
  be bought or used (``统一采购``, ``优先选用``, ``推荐购买``) makes a blocking
  finding; praise alone (``品质优``, ``深受市民喜爱``) is unsure and makes a hint.

A mention in a sentence about supervision (抽检、不合格、召回 …) is never
promotion: proposals on product quality name brands too. Nor is any mention of a
name that such a sentence names (a fertiliser firm whose product burnt the crops,
and whose sale is told elsewhere, round 7).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from trainingkit.review.config import RuleSet
from trainingkit.review.findings import Finding
from trainingkit.review.text import Segment, sentences
from trainingkit.review.words import Token, tokens

__all__ = ["check_advertising"]

_NAME_TAGS = frozenset({"n", "nz", "ns", "nr", "nrfg", "nrt", "nt", "eng", "j", "l"})
# Tags of a proper name (jieba gives unknown brand names nr or nz).
_PROPER_TAGS = frozenset({"nz", "nr", "nrfg", "nrt"})


def check_advertising(text: str, norm: str, rules: RuleSet) -> list[Finding]:
    """Return ``advertising`` findings for named things that the draft promotes."""
    if "advertising" not in rules.codes:
        return []
    p = rules.patterns
    marker, generic = p["advertising_marker"], p["advertising_generic"]
    framing, praise = p["advertising_framing"], p["advertising_praise"]
    unless = p["advertising_unless"]
    names = _names(norm, marker, generic, p["advertising_industry"])
    if framing.search(norm) or praise.search(norm):  # segment only when it may matter
        names |= _product_names(norm, p["advertising_product"], generic)
    if names:
        names |= _quoted_names(norm, marker, p)
    names |= _made_names(norm, marker, p)
    names |= _works_on_sale(norm, p)
    names |= _brands_said(norm, p)
    if not names:
        return []
    alternatives = sorted(map(re.escape, names), key=len, reverse=True)
    mention = re.compile("|".join([*alternatives, p["advertising_anaphora"].pattern]))
    # A name told anywhere with a wrong (超标、索赔、仲裁) is a firm complained of, not
    # promoted: its purchase told elsewhere (统一采购该公司生产的……) is no advert.
    tainted = {
        found.group()
        for sentence in sentences(norm)
        if unless.search(norm, sentence.start, sentence.end)
        for found in mention.finditer(norm, sentence.start, sentence.end)
    }
    if tainted & names:
        tainted |= {m.group() for m in p["advertising_anaphora"].finditer(norm)}
    findings: list[Finding] = []
    for sentence in sentences(norm):
        named = mention.search(norm, sentence.start, sentence.end)
        if not named or unless.search(norm, sentence.start, sentence.end):
            continue
        if named.group() in tainted:
            continue
        framed = framing.search(norm, sentence.start, sentence.end)
        praised = praise.search(norm, sentence.start, sentence.end)
        if not (framed or praised):
            continue
        cue = framed or praised
        assert cue is not None
        shown = [text[named.start() : named.end()], text[cue.start() : cue.end()]]
        words = "”“".join(dict.fromkeys(shown))
        if framed:
            note = f"点名推介具体的产品或企业（“{words}”）。此类提案一般不予立案。"
        else:
            note = f"这句话称赞了一个具体的产品或企业（“{words}”），像是在推介它。"
        span = Segment(sentence.start, sentence.end)
        findings.append(rules.finding("advertising", note, span, *shown, sure=bool(framed)))
    return findings


def _names(
    norm: str, marker: re.Pattern[str], generic: re.Pattern[str], industry: re.Pattern[str]
) -> set[str]:
    """The core words of every company, brand or product name in the text."""
    words = tokens(norm)
    found: set[str] = set()
    for match in marker.finditer(norm):
        stop = match.start()
        # A kind's word between a quoted name and the marker (“山语间”精品民宿), round 13.
        closing = max(norm.rfind(q, max(0, stop - 5), stop) for q in "”\"'")
        if closing >= 0 and generic.fullmatch(norm, closing + 1, stop):
            stop = closing + 1
        named_at = stop
        while stop > 0 and norm[stop - 1] in "“”\"' ":
            stop -= 1  # the closing quote of “清溪”牌
        quoted = _QUOTED_BEFORE.search(norm, max(0, named_at - 14), named_at)
        if quoted:
            # A quoted name is the whole of it (“绿色草原羊”品牌, not 绿色), round 10.
            found.add(quoted.group(1))
            continue
        if stop > 0 and norm[stop - 1] in ")）":
            # the place in brackets of 鸿霖科技（漳平）有限公司 (round 10)
            opening = max(norm.rfind("(", 0, stop), norm.rfind("（", 0, stop))
            stop = opening if stop - opening <= 8 else stop
        # A marker that starts inside a word and ends past it (科技股份|有限公司 for
        # 股份有限公司): the name ends before that word.
        inside = words.within(max(0, stop - 8), match.end())
        stop = next((t.start for t in inside if t.start < stop < t.end < match.end()), stop)
        name: list[Token] = []
        for token in reversed(words.within(max(0, stop - 16), stop)):
            if token.end != (name[0].start if name else stop):
                break
            trade = industry.fullmatch(token.word)
            if not trade and (token.tag not in _NAME_TAGS or generic.fullmatch(token.word)):
                break
            name.insert(0, token)
        # The core is the distinctive word: not the trade (健康科技) and, where there is
        # another, not the place the text names as one (青岚 of 青岚市 in
        # 青岚颐康健康科技有限公司), round 10.
        cores = [t.word for t in name if len(t.word) >= 2]
        own = [w for w in cores if not industry.fullmatch(w)] or cores
        if len(own) > 1 and re.search(re.escape(own[0]) + "[省市县区镇乡村]", norm):
            own = own[1:]
        if own:
            found.add(own[0])
    return found


_MANNER = re.compile(r"[一二两三四五六七八九十\d]+\w?[一二两三四五六七八九十\d]+\w?")
_QUOTED = re.compile(r"[“\"‘「『]([^”\"’」』\n]{2,10})[”\"’」』]")
# A quoted name right before a marker (“清溪”牌).
_QUOTED_BEFORE = re.compile(r"[“\"‘「『]([^“”\"‘’「」『』\n]{2,12})[”\"’」』]\s*$")


def _quoted_names(norm: str, marker: re.Pattern[str], p: Mapping[str, re.Pattern[str]]) -> set[str]:
    """Quoted names in a sentence that names or refers back to a company (“雾岭银针”).

    Not a programme's or a policy's name, by its own words (“河长制”) or by the word
    after it (“爱心午餐”项目).
    """
    anaphora, policy, after = (
        p["advertising_anaphora"],
        p["advertising_policy"],
        p["advertising_policy_after"],
    )
    found: set[str] = set()
    for sentence in sentences(norm):
        if not (
            marker.search(norm, sentence.start, sentence.end)
            or anaphora.search(norm, sentence.start, sentence.end)
        ):
            continue
        for quoted in _QUOTED.finditer(norm, sentence.start, sentence.end):
            name = quoted.group(1)
            if after.match(norm, quoted.end()) or policy.search(name) or marker.fullmatch(name):
                continue
            found.add(name)

    return found


def _made_names(norm: str, marker: re.Pattern[str], p: Mapping[str, re.Pattern[str]]) -> set[str]:
    """Quoted names that a firm or team is said to have made (团队开发的“禾农帮”App), round 10."""
    maker, policy = p["advertising_maker"], p["advertising_policy"]
    found: set[str] = set()
    for quoted in _QUOTED.finditer(norm):
        name = quoted.group(1)
        if policy.search(name) or marker.fullmatch(name):
            continue
        if maker.search(norm, max(0, quoted.start() - 16), quoted.start()):
            found.add(name)
    return found


_WORK = re.compile(r"《([^《》\n]{2,20})》")


def _works_on_sale(norm: str, p: Mapping[str, re.Pattern[str]]) -> set[str]:
    """Works named in 《》 in a sentence that tells of their sale or making (round 14).

    《岭西乡贤录》（……定价168元）……由岭西文艺出版社出版 is a book on sale; a law
    (《食品安全法》) or a document (……条例、……方案) is no work (``policy``).
    """
    commerce, policy = p["advertising_work_commerce"], p["advertising_policy"]
    document = p["advertising_work_document"]
    found: set[str] = set()
    for sentence in sentences(norm):
        titles = list(_WORK.finditer(norm, sentence.start, sentence.end))
        if not titles or not commerce.search(norm, sentence.start, sentence.end):
            continue
        for title in titles:
            name = title.group(1)
            if not (policy.search(name) or document.search(name)):
                found.add(name)
    return found


def _brands_said(norm: str, p: Mapping[str, re.Pattern[str]]) -> set[str]:
    """Subjects of a clause that says they are a brand (王记酱菜是我们桐川的老品牌), round 14.

    Not a kind (本地、特色, ``generic``) nor a programme's or policy's name (``policy``).
    """
    generic, policy = p["advertising_generic"], p["advertising_policy"]
    said = (m.group("name") for m in p["advertising_brand_said"].finditer(norm))
    return {name for name in said if not (generic.fullmatch(name) or policy.search(name))}


def _product_names(norm: str, product: re.Pattern[str], generic: re.Pattern[str]) -> set[str]:
    """Names written right in front of a word for goods (青禾源 in 青禾源山茶油).

    A quoted name is one too, whatever its words (“丰禾壮”有机肥, round 13).
    """
    words = tokens(norm)
    found: set[str] = set()
    for before, after in itertools.pairwise(words.items):
        if before.tag not in _PROPER_TAGS or len(before.word) < 2:
            continue
        if generic.fullmatch(before.word) or not product.fullmatch(after.word):
            continue
        found.add(before.word)
    for quoted in _QUOTED.finditer(norm):
        if _MANNER.fullmatch(quoted.group(1)):
            continue  # “一对一”手机帮教: how, not whose
        goods = words.within(quoted.end(), quoted.end() + 4)
        if goods and goods[0].start == quoted.end() and product.fullmatch(goods[0].word):
            found.add(quoted.group(1))
    return found
