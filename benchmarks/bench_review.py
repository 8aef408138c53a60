"""How fast is ``review_proposal`` on a 2,000-character draft, warm and cold?

Warm: times ``review_proposal`` on a draft of about 2,000 characters built from
the labelled corpus, against two baselines measured in the same run on the same
text: one ``str.find`` and one compiled-regex scan over the whole text. Reports
medians and ratios. Target: median ≤ 10 ms. Every timed review gets a text the
review has not seen (the draft with a different number in its last line): the
segmentation is cached per text (``review.words.tokens``), and a trainee's or a
submission's draft is always new, so timing one text over and over would leave
the segmenter out (it was, until round 16: about 2 ms of a 2,000-character draft).

Cold: the first call in a fresh process (``python -c``), which loads OpenCC's
and jieba-rs's dictionaries and compiles the rules, against the same process
doing only ``import trainingkit.review`` (the floor). Reports the median of a few
fresh processes. Target: ≤ 1 s. The absolute figures are printed for
information; the ratios are what compare across machines.

    python benchmarks/bench_review.py [--runs 200] [--cold 5]
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from _timing import median_seconds

from trainingkit.review import review_proposal, review_sheqing

DRAFTS = Path(__file__).parents[1] / "tests" / "drafts"


def _draft(chars: int) -> str:
    text = (DRAFTS / "tl_long.txt").read_text(encoding="utf-8")
    while len(text) < chars:
        text += text
    return text[:chars]


def _fresh(text: str) -> Iterator[str]:
    """``text`` with a different last line each time, so that no per-text cache hits."""
    stem = text[:-12]
    return (f"{stem}\n（虚构示例第{i:04d}号）" for i in itertools.count())


_COLD = """
import time
start = time.perf_counter()
import trainingkit.review as r
imported = time.perf_counter()
{call}
done = time.perf_counter()
print(imported - start, done - imported)
"""


def _cold(runs: int) -> tuple[float, float]:
    """Median (import seconds, first-review seconds) over ``runs`` fresh processes."""
    # The draft has traditional characters and a company name, so that the first
    # call loads both OpenCC's and jieba-rs's dictionaries (the worst case).
    text = _draft(1960) + "\n建議統一採購綠源農業科技有限公司的淨水器。"
    call = f"r.review_proposal({text!r})"
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _COLD.format(call=call)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        samples.append((float(out[0]), float(out[1])))
    return (
        statistics.median(s[0] for s in samples),
        statistics.median(s[1] for s in samples),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--cold", type=int, default=5, help="fresh processes to time")
    args = parser.parse_args()
    text, big = _draft(2000), _draft(12000)
    drafts, bigs = _fresh(text), _fresh(big)
    scan = re.compile(r"建议|原因|举报|诉讼")
    review_proposal(text)  # compile the rules once, as a notebook session would
    review_sheqing(text)
    timings = {
        "str.find (baseline)": median_seconds(lambda: text.find("不存在的词"), args.runs),
        "re.findall (baseline)": median_seconds(lambda: scan.findall(text), args.runs),
        "review_proposal 2,000 chars": median_seconds(
            lambda: review_proposal(next(drafts)), args.runs
        ),
        "review_sheqing 2,000 chars": median_seconds(
            lambda: review_sheqing(next(drafts)), args.runs
        ),
        "review_proposal 12,000 chars": median_seconds(
            lambda: review_proposal(next(bigs)), args.runs // 4
        ),
    }
    base = timings["re.findall (baseline)"]
    print(f"{'what':32} {'median ms':>10} {'× re scan':>10}")
    for name, seconds in timings.items():
        print(f"{name:32} {seconds * 1000:10.3f} {seconds / base:10.1f}")
    median = timings["review_proposal 2,000 chars"]
    verdict = "true" if median <= 0.010 else "false"
    print(f"review_proposal_2000_ms={median * 1000:.2f} target_ms=10 ok={verdict}")
    imported, first = _cold(args.cold)
    verdict = "true" if first <= 1.0 else "false"
    print(
        f"fresh process: import {imported * 1000:.0f} ms, first review {first * 1000:.0f} ms "
        f"({first / imported:.1f} × the import)"
    )
    print(f"review_proposal_first_call_ms={first * 1000:.0f} target_ms=1000 ok={verdict}")


if __name__ == "__main__":
    main()
