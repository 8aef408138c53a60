"""Chinese labels draw with a real CJK font and no missing glyph."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from trainingkit.fonts import use_chinese_font

LABELS = ["委员履职", "提案撰写", "协商程序", "社情民意信息"]


def test_chart_with_chinese_labels_has_every_glyph() -> None:
    family = use_chinese_font()
    assert family is not None, "the test command installs fonts-noto-cjk"
    path = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    charmap = FT2Font(path).get_charmap()
    title = "各模块完成率（虚构示例）"
    missing = {
        ch
        for text in [*LABELS, title]
        for ch in text
        if not ch.isspace() and ord(ch) not in charmap
    }
    assert missing == set()
    fig, ax = plt.subplots()
    ax.bar(LABELS, [0.9, 0.7, 0.8, -0.2])
    ax.set_title(title)
    fig.savefig(io.BytesIO(), format="png")  # filterwarnings=error: a missing glyph fails here
    plt.close(fig)


def test_no_font_found_prints_one_clear_message_once() -> None:
    code = textwrap.dedent(
        """
        from matplotlib import font_manager
        font_manager.fontManager.ttflist = [
            f for f in font_manager.fontManager.ttflist if "DejaVu" in f.name
        ]
        from trainingkit.fonts import use_chinese_font
        print(use_chinese_font(font_dirs=[]), use_chinese_font(font_dirs=[]))
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "None None"
    assert run.stderr.count("未找到中文字体") == 1
    assert "fonts-noto-cjk" in run.stderr
