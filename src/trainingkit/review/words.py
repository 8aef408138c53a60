"""Words and part-of-speech tags of a draft, from jieba-rs (``rjieba``), with offsets.

The segmenter and its dictionary are loaded on the first call, once per process
(about 0.1 s: importing rjieba loads its default dictionary, and the kit's words are
added to that one, since a second ``rjieba.Jieba()`` would load it again);
segmenting a 2,000-character draft then takes about a millisecond. Words
are found in the *normalised* copy of the draft
(:func:`trainingkit.review.text.normalise`), which has the same length as the
original, so every offset is valid in the original text too.

jieba's tags used by the review: ``nr`` (person name, also ``nrfg``/``nrt``),
``ns`` (place), ``nt`` (organisation), ``nz`` (other proper noun).
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["Token", "Tokens", "first_name_in", "name_forms", "tokens"]

PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
ORG_TAGS = frozenset({"nt"})
PLACE_TAGS = frozenset({"ns"})

# Words the default dictionary splits or tags badly, added once to rjieba's default
# instance (the one its import loads; see the module docstring).
_WORDS = (
    ("民革", "nt"),
    ("民盟", "nt"),
    ("民建", "nt"),
    ("民进", "nt"),
    ("农工党", "nt"),
    ("致公党", "nt"),
    ("九三学社", "nt"),
    ("台盟", "nt"),
    ("市委会", "n"),
    ("区委会", "n"),
    ("县委会", "n"),
    ("党支部", "n"),
    ("党总支", "n"),
)


class Token(NamedTuple):
    """One word: ``start``/``end`` offsets, the word and its jieba tag.

    A named tuple, not a frozen dataclass: a 2,000-character draft has about 1,100
    words, and a frozen dataclass's constructor made up half of the segmentation's
    time (about 1 ms of each review, round 16).
    """

    start: int
    end: int
    word: str
    tag: str


class Tokens:
    """The words of one text, queried by span."""

    def __init__(self, items: tuple[Token, ...]) -> None:
        self.items = items
        self._starts = [t.start for t in items]

    def within(self, start: int, end: int) -> tuple[Token, ...]:
        """The words that lie entirely inside ``[start, end)``."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return tuple(t for t in self.items[first:last] if t.end <= end)

    def tagged(self, tags: frozenset[str], start: int, end: int) -> tuple[Token, ...]:
        """The words inside the span whose tag is in ``tags``."""
        return tuple(t for t in self.within(start, end) if t.tag in tags)

    def starts_word(self, offset: int) -> bool:
        """True when a word begins exactly at ``offset``."""
        index = bisect.bisect_left(self._starts, offset)
        return index < len(self._starts) and self._starts[index] == offset


@lru_cache(maxsize=1)
def _segmenter() -> ModuleType:
    import rjieba

    for word, tag in _WORDS:
        rjieba.add_word(word, None, tag)
    return rjieba


@lru_cache(maxsize=4)
def tokens(norm: str) -> Tokens:
    """Segment ``norm`` (a normalised draft) into tagged words with offsets.

    Example:
        >>> [(t.word, t.tag) for t in tokens("建议市公安局").items]
        [('建议', 'n'), ('市', 'n'), ('公安局', 'nt')]
    """
    items = []
    offset = 0
    for word, tag in _segmenter().tag(norm):
        end = offset + len(word)
        items.append(Token(offset, end, word, tag))
        offset = end
    assert offset == len(norm)
    return Tokens(tuple(items))


def name_forms(name: str) -> set[str]:
    """A person's name and the name without its last character.

    A name found by its surname may take one character too many (我女儿王芳在…: 王芳在),
    so the shorter form is kept too; a name with 某 (李某某) is only ever written whole.

    Example:
        >>> sorted(name_forms("钱国栋")), sorted(name_forms("李某某")), sorted(name_forms("王芳"))
        (['钱国', '钱国栋'], ['李某某'], ['王芳'])
    """
    return {name} if "某" in name or len(name) < 3 else {name, name[:-1]}


def first_name_in(norm: str, names: set[str], start: int, end: int) -> str | None:
    """The longest of ``names`` that occurs in ``norm[start:end]``, if any."""
    return next(
        (n for n in sorted(names, key=lambda n: (-len(n), n)) if norm.find(n, start, end) >= 0),
        None,
    )
