"""Text normalisation and segmentation that keep offsets into the original text.

Every function here works on a *normalised copy* of the draft that has exactly the
same length as the original: each character is replaced by at most one character.
So an offset found in the copy is an offset in the original, and a widget can
highlight the very passage a rule matched.

Normalisation (for matching only):

* full-width ASCII forms become half-width (``，：；（）！？`` → ``,:;()!?``,
  ``１２３`` → ``123``), the ideographic space becomes a space;
* traditional characters become simplified with OpenCC (``t2s``), the maintained
  converter; where OpenCC would change a line's length (a phrase of another
  length), that line is converted character by character instead, so offsets
  never move;
* Latin letters become lower case;
* the marks of text pasted from a Markdown editor become spaces: heading marks
  (``## 三、建议``), bold (``**1. 纳入课程。**``) and list bullets (``- ``), so a
  heading is read as a heading (round 13).

OpenCC is imported and its dictionary loaded on the first call, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "ENUMERATOR",
    "Segment",
    "lines",
    "normalise",
    "sentences",
    "strip_enumerator",
]


_MARKUP = re.compile(r"^[ \t]*(?:#{1,6}|[-*+•])(?=[ \t])|\*\*|__", re.MULTILINE)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0).lower() for code in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    table.update({code: chr(code + 32) for code in range(ord("A"), ord("Z") + 1)})
    return table


def normalise(text: str) -> str:
    """Return a same-length copy of ``text`` for matching.

    Example:
        >>> normalise("關於加強ＡＩ教育的建議：")
        '关于加强ai教育的建议:'
    """
    result = _MARKUP.sub(_blank, _to_simplified(text).translate(_table()))
    assert len(result) == len(text)
    return result


@lru_cache(maxsize=1)
def _converter() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


def _to_simplified(text: str) -> str:
    """OpenCC ``t2s`` with the length of every line kept (offsets stay valid)."""
    if text.isascii():
        return text
    convert = _converter()
    whole = convert(text)
    old, new = text.split("\n"), whole.split("\n")
    if len(old) == len(new) and all(len(a) == len(b) for a, b in zip(old, new, strict=True)):
        return whole
    return "\n".join(_same_length(convert, line) for line in old)


def _same_length(convert: Callable[[str], str], line: str) -> str:
    converted = convert(line)
    if len(converted) == len(line):
        return converted
    # One character per line: OpenCC's phrase table cannot join characters across
    # line breaks, so each comes back alone (or unchanged if it would not).
    chars = convert("\n".join(line)).split("\n")
    if len(chars) != len(line):
        return line
    return "".join(new if len(new) == 1 else old for old, new in zip(line, chars, strict=True))


@dataclass(frozen=True)
class Segment:
    """A span of the text: ``start``/``end`` offsets, valid in original and copy."""

    start: int
    end: int


#: An enumerator at the start of a line or item: 一、 (一) 1. 1、 (1) ① 一是 一要 第一, 首先.
ENUMERATOR = re.compile(
    r"\s*(?:"
    r"[(\[【〔〖]\s*[一二三四五六七八九十\d]{1,3}\s*[)\]】〕〗]\s*[、.,]?"
    r"|[(\[【〔〖]\s*[甲乙丙丁戊己庚辛壬癸]\s*[)\]】〕〗]\s*[、.,]?"  # （甲） (round 8)
    r"|[甲乙丙丁戊己庚辛壬癸]\s*、"
    r"|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3}(?:\s+|\s*[、.])"  # Ⅰ Ⅱ Ⅲ (round 8)
    r"|[一二三四五六七八九十]{1,3}\s*[、.]"
    r"|\d{1,2}\s*(?:[、)]|\.(?!\d))"
    r"|[\u2460-\u2473\u2776-\u277f]"
    r"|第[一二三四五六七八九十]{1,3}\s*(?:[,、:是]|条|点|方面)?"
    r"|[一二三四五六七八九十]{1,2}(?:是|要)\s*(?:要\s*)?[,:]?"
    r"|其[一二三四五六七八九十]{1,2}\s*[,、:]"
    r"|(?:首先|其次|再次|最后|此外|另外)\s*,?"
    r"|[◆◇●○■□▲△►▶•※★☆▪]+"  # bullets (round 8)
    r"|[A-Ha-h]\s*[.、)](?![A-Za-z\d])"  # A. B. (round 8)
    r")\s*"
)

_SENTENCE_END = re.compile(r"[。!?;\n]+|…{2,}|\.{3,}")


def lines(norm: str) -> list[Segment]:
    """Return the non-blank lines, trimmed of surrounding spaces."""
    result: list[Segment] = []
    for match in re.finditer(r"[^\n\r]+", norm):
        start, end = _trim(norm, match.start(), match.end())
        if start < end:
            result.append(Segment(start, end))
    return result


@lru_cache(maxsize=64)
def sentences(norm: str, start: int = 0, end: int | None = None) -> tuple[Segment, ...]:
    """Return the sentences of ``norm[start:end]`` (split at 。！？；, newlines and …).

    Kept for the last few dozen texts and spans (each line's sentences are asked for
    by the parser, then the whole text's): six checks of a review read the whole
    draft's sentences, about 0.2 ms each time for 2,000 characters (round 18).
    """
    stop = len(norm) if end is None else end
    result: list[Segment] = []
    position = start
    for match in _SENTENCE_END.finditer(norm, start, stop):
        _append(norm, result, position, match.end())
        position = match.end()
    _append(norm, result, position, stop)
    return tuple(result)


def strip_enumerator(norm: str, start: int, end: int) -> int:
    """Return the offset after a leading enumerator (or ``start`` if there is none)."""
    match = ENUMERATOR.match(norm, start, end)
    return match.end() if match and match.group().strip() else start


def _append(norm: str, result: list[Segment], start: int, end: int) -> None:
    start, end = _trim(norm, start, end)
    if start < end and norm[start:end].strip("。!?;…. \t\r\n"):
        result.append(Segment(start, end))


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end
