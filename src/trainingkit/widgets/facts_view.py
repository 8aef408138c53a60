"""Show domain facts in a lesson as a plain table, always with source and year.

Lessons display lists from :mod:`trainingkit.knowledge.facts` (the not-registrable list,
the charter articles …) with one call, so the facts are never copied into a
notebook and their provenance is always shown next to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from trainingkit.knowledge.items import Item

__all__ = ["COLUMN_LABELS", "facts_table"]

# Item attribute -> Chinese column header, in the order columns are shown.
COLUMN_LABELS: dict[str, str] = {
    "number": "序号",
    "article": "条",
    "name": "名称",
    "text": "内容",
    "note": "说明",
    "share_percent": "占比（%）",
    "count": "数量",
    "locality": "适用范围",
    "source": "来源",
    "year": "年份",
}

# Headers of columns shown only when asked for (every item has an id; the reply
# categories' ids are their codes A–D).
_ON_REQUEST: dict[str, str] = {"id": "代码"}


def facts_table(items: Iterable[Item], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Return the items as a table with Chinese headers, ending with 来源 and 年份.

    Args:
        items: Items from a :mod:`trainingkit.knowledge.facts` loader.
        columns: Attributes to show; by default every column of
            :data:`COLUMN_LABELS` that some item fills.

    Example:
        >>> from trainingkit.knowledge.facts import not_registrable
        >>> table = facts_table(not_registrable(), ["number", "text", "year"])
        >>> list(table.columns), int(table.iloc[4]["序号"])
        (['序号', '内容', '年份'], 5)
    """
    import pandas as pd

    rows = list(items)
    if columns is None:
        columns = [
            name
            for name in COLUMN_LABELS
            if any(getattr(item, name, None) not in (None, "") for item in rows)
        ]
    table = pd.DataFrame(
        [
            {COLUMN_LABELS.get(c) or _ON_REQUEST.get(c, c): _cell(item, c) for c in columns}
            for item in rows
        ]
    )
    table.index = pd.RangeIndex(1, len(table) + 1)
    return table


def _cell(item: Item, column: str) -> object:
    value = getattr(item, column, None)
    if column == "year":  # a missing year says so (the lessons promise it), never "nan"
        return "年份未详" if value is None else str(value)
    return "" if value is None else value
