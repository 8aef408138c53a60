"""Chinese text in matplotlib charts.

matplotlib's default font has no CJK glyphs: Chinese labels come out as boxes,
with a ``Glyph ... missing`` warning on stderr (which costs a trainee points in
a graded cell). :func:`use_chinese_font` finds a CJK font on the system and sets
matplotlib up with it, silently; when there is none it says once, plainly, how
to install one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

__all__ = ["CJK_FAMILIES", "find_chinese_font", "use_chinese_font"]

# Preferred families, best first (Simplified Chinese faces before the others).
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "SimHei",
    "Noto Sans SC",
    "Source Han Sans CN",
    "Noto Sans CJK JP",
)

# Font files to register when matplotlib's font cache predates the font's install.
_FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    str(Path.home() / ".local/share/fonts"),
    str(Path.home() / ".fonts"),
    "/System/Library/Fonts",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
_FILE_HINTS: tuple[str, ...] = (
    "notosanscjk",
    "sourcehansans",
    "wqy",
    "pingfang",
    "msyh",
    "simhei",
    "notosanssc",
)

_INSTALL_HINT = (
    "未找到中文字体，图表中的中文会显示为方框。请安装一种中文字体后重启内核，例如：\n"
    "  Debian/Ubuntu：sudo apt-get install fonts-noto-cjk（或 fonts-wqy-microhei）\n"
    "  Windows、macOS 自带中文字体（微软雅黑、苹方）。\n"
    "No CJK font found: Chinese labels will show as boxes. Install one, e.g. "
    "`apt-get install fonts-noto-cjk`, then restart the kernel.\n"
)
_warned = False


def _registered_family(names: Iterable[str]) -> str | None:
    from matplotlib import font_manager

    known = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in names if name in known), None)


def _register_font_files(font_dirs: Iterable[str]) -> None:
    from matplotlib import font_manager

    registered = {entry.fname for entry in font_manager.fontManager.ttflist}
    for folder in font_dirs:
        root = Path(folder)
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            name = path.name.lower().replace("-", "").replace("_", "")
            if path.suffix.lower() not in {".ttf", ".ttc", ".otf"} or str(path) in registered:
                continue
            if any(hint in name for hint in _FILE_HINTS):
                font_manager.fontManager.addfont(str(path))


def find_chinese_font(font_dirs: Iterable[str] = _FONT_DIRS) -> str | None:
    """Return the best CJK font family matplotlib can use, or ``None``.

    Fonts already in matplotlib's cache are preferred; otherwise font files in
    ``font_dirs`` whose names look like CJK fonts are registered first.
    """
    family = _registered_family(CJK_FAMILIES)
    if family is None:
        _register_font_files(font_dirs)
        family = _registered_family(CJK_FAMILIES)
    return family


def use_chinese_font(font_dirs: Iterable[str] = _FONT_DIRS) -> str | None:
    """Set matplotlib up to draw Chinese text; return the family used.

    Call it once before plotting. When no CJK font is found, a single message
    on how to install one is printed (once per process) and ``None`` is
    returned; charts still draw, with boxes for Chinese characters.

    Example:
        >>> use_chinese_font() in (None, *CJK_FAMILIES)
        True
    """
    global _warned
    import matplotlib

    family = find_chinese_font(font_dirs)
    if family is None:
        if not _warned:
            sys.stderr.write(_INSTALL_HINT)
            _warned = True
        return None
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family
