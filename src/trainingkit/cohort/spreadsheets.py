"""Reading roster spreadsheets as exported by Chinese office tools.

CSV files come as UTF-8, UTF-8 with a byte-order mark, or GB18030 (a superset of
GBK, which WPS and older Excel write); ``.xlsx`` files are read with openpyxl.
Every cell is normalised with NFKC, which turns full-width letters, digits,
spaces and ASCII punctuation into their plain forms (``ｚｈａｎｇ　１`` →
``zhang 1``); runs of white space become one space.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

__all__ = ["decode_csv", "normalise", "read_table"]

_SPACES = re.compile(r"\s+")


def normalise(text: object) -> str:
    """NFKC-normalised, trimmed text with single spaces; ``None`` → ``""``."""
    if text is None:
        return ""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", str(text))).strip()


def decode_csv(data: bytes) -> str:
    """Decode CSV bytes: BOM → UTF-8, else UTF-8 if valid, else GB18030.

    Raises:
        ValueError: the bytes are none of these encodings.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("文件编码无法识别（应为 UTF-8 或 GB18030）。Unknown encoding.")


def read_table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and non-empty rows of a ``.csv`` or ``.xlsx`` file.

    Returns:
        The header cells, and ``(row_number, cells)`` for each row that is not
        blank, numbered as a spreadsheet shows them (the header is row 1).

    Raises:
        ValueError: unknown file type, unreadable content or no header.
        OSError: the file cannot be opened.
    """
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        table = _xlsx_rows(path)
    elif suffix in (".csv", ".txt"):
        text = decode_csv(path.read_bytes())
        dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
        table = [list(row) for row in csv.reader(io.StringIO(text), dialect=dialect)]
    else:
        raise ValueError(
            f"不支持的文件类型 {suffix or '(无扩展名)'}，请用 .csv 或 .xlsx。"
            f"Unsupported file type {suffix!r}; use .csv or .xlsx."
        )
    numbered = [(n, [normalise(c) for c in row]) for n, row in enumerate(table, start=1)]
    numbered = [(n, row) for n, row in numbered if any(row)]
    if not numbered:
        raise ValueError("文件是空的。The file is empty.")
    (_, header), *rows = numbered
    return header, rows


def _xlsx_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ValueError(f"无法读取 xlsx 文件：{error}。Cannot read the .xlsx file.") from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
