"""A lookahead of a pattern's possible first characters, so that a scan skips the rest.

Python's regex engine skips quickly to where a match can start only when the
pattern begins with a literal, a character class or a choice between literals.
A content rule of the 提案体检 (``[[content.CODE]]``) is usually a long choice whose
branches begin with groups (``(?:境外|国外|海外)收款…``, ``(?<!只能)(?:恳请|…)``), so
the engine tries every branch at every character of the draft: about 0.4 ms for
such a rule on a 2,000-character draft, and most of the content checks' time.

:func:`skipping` reads the pattern (with the standard library's own parser) and
puts the characters a match can begin with in front of it as a lookahead,
``(?=[赌博六…])(?:…)``. A position whose character is not among them fails at
once. The lookahead is implied by the pattern, so what the pattern matches is
unchanged; a pattern whose first character cannot be told (``.``, ``\\w``, a
negated class, a category other than ``\\s``, a group reference, a range such as
all Han characters, a pattern that may match nothing, or case-insensitive
matching) is returned as it was.

:func:`trainingkit.review.config.load_rules` uses it for the patterns that scan
whole drafts: the content rules and their triggers, and the ``[advertising]``,
``[personal]`` and ``[accused]`` tables. On a 2,000-character draft their scans
took about 5 instead of 8 ms of regex time in round 18; reading the patterns
costs about 20 ms once per process. (The other tables are mostly matched at one
place, where a lookahead saves nothing, and reading them all would cost about
120 ms.)

``re._parser`` is private to the standard library (3.11+). If it is missing or
reads a pattern differently, the pattern is returned unchanged: the review is
slower, never different.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["skipping"]

# A first character drawn from a range wider than this (all Han characters) filters
# nothing, and building its table costs the compiler about a millisecond.
_WIDEST_RANGE = 256

try:
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python's internals
    _p = None

_FirstChars = set[tuple[int, int]] | None


def skipping(pattern: str, flags: int = 0) -> str:
    """``pattern`` with a lookahead of its possible first characters, where it helps.

    Example:
        >>> skipping("(?:境外|国外)收款|(?<!不)代孕")
        '(?=[代国境])(?:(?:境外|国外)收款|(?<!不)代孕)'
        >>> skipping("赌场|博彩")  # the engine already skips to 赌 or 博
        '赌场|博彩'
    """
    if _p is None:
        return pattern
    try:
        parsed = _p.parse(pattern, flags)
    except (re.error, RecursionError):
        return pattern
    # Inline global flags ((?x) …) must stay at the very start; (?i) changes what a
    # first character may be.
    if parsed.state.flags & ~(flags | re.UNICODE) or flags & (re.IGNORECASE | re.ASCII):
        return pattern
    try:
        if _engine_skips(parsed.data):
            return pattern
        chars, may_be_empty = _first(parsed.data)
    except (AttributeError, IndexError, TypeError, ValueError):  # a parse tree of another shape
        return pattern
    if chars is None or may_be_empty or not chars:
        return pattern
    if any(hi - lo >= _WIDEST_RANGE for lo, hi in chars):
        return pattern
    return f"(?=[{''.join(_member(lo, hi) for lo, hi in sorted(chars))}])(?:{pattern})"


def _engine_skips(items: list[Any]) -> bool:
    """Whether the engine already has a prefix to skip to (its own ``_compile_info``):
    the pattern begins with a literal or a class, or every branch of a choice does."""
    while items and items[0][0] is _c.SUBPATTERN and not items[0][1][1]:
        items = items[0][1][3].data
    if not items:
        return False
    op, av = items[0]
    if op in (_c.LITERAL, _c.IN):
        return True
    return op is _c.BRANCH and all(alt.data and alt.data[0][0] is _c.LITERAL for alt in av[1])


def _first(items: list[Any]) -> tuple[_FirstChars, bool]:
    """The characters a sequence may begin with (None: any), and whether it may be empty."""
    chars: set[tuple[int, int]] = set()
    for op, av in items:
        found, may_be_empty = _first_of(op, av)
        if found is None:
            return None, False
        chars |= found
        if not may_be_empty:
            return chars, False
    return chars, True


def _first_of(op: Any, av: Any) -> tuple[_FirstChars, bool]:
    if op is _c.LITERAL:
        return {(av, av)}, False
    if op is _c.IN:
        members: set[tuple[int, int]] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                members.add((value, value))
            elif kind is _c.RANGE:
                members.add(value)
            elif kind is _c.CATEGORY and value is _c.CATEGORY_SPACE:
                members |= _spaces()
            else:  # NEGATE, another CATEGORY (\d, \w …)
                return None, False
        return members, False
    if op is _c.BRANCH:
        chars: set[tuple[int, int]] = set()
        any_empty = False
        for alternative in av[1]:
            found, may_be_empty = _first(alternative.data)
            if found is None:
                return None, False
            chars |= found
            any_empty |= may_be_empty
        return chars, any_empty
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return (None, False) if add_flags else _first(sub.data)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, sub = av
        found, may_be_empty = _first(sub.data)
        return (None, False) if found is None else (found, may_be_empty or low == 0)
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True  # consumes nothing
    return None, False  # ANY, NOT_LITERAL, GROUPREF, ATOMIC_GROUP …


@lru_cache(maxsize=1)
def _spaces() -> frozenset[tuple[int, int]]:
    """What ``\\s`` matches in a str pattern: the characters ``str.isspace`` accepts
    (all below U+3001)."""
    return frozenset((c, c) for c in range(0x3001) if chr(c).isspace())


def _member(lo: int, hi: int) -> str:
    def char(code: int) -> str:
        c = chr(code)
        if c.isalnum():
            return c
        return f"\\x{code:02x}" if code < 0x100 else f"\\U{code:08x}"

    return char(lo) if lo == hi else f"{char(lo)}-{char(hi)}"
