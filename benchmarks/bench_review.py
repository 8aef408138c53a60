"""How fast is ``review_proposal`` on a 2,000-character draft?

Times ``review_proposal`` on a draft of about 2,000 characters built from the
labelled corpus, against two baselines measured in the same run on the same
text: one ``str.find`` and one compiled-regex scan over the whole text. Reports
medians and ratios. Target: median ≤ 10 ms (absolute, printed for information;
the ratios are what compare across machines).

    python benchmarks/bench_review.py [--runs 200]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from _timing import median_seconds

from trainingkit.review import review_proposal, review_sheqing

DRAFTS = Path(__file__).parents[1] / "tests" / "drafts"


def _draft(chars: int) -> str:
    text = (DRAFTS / "tl_long.txt").read_text(encoding="utf-8")
    while len(text) < chars:
        text += text
    return text[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    text, big = _draft(2000), _draft(12000)
    scan = re.compile(r"建议|原因|举报|诉讼")
    review_proposal(text)  # compile the rules once, as a notebook session would
    review_sheqing(text)
    timings = {
        "str.find (baseline)": median_seconds(lambda: text.find("不存在的词"), args.runs),
        "re.findall (baseline)": median_seconds(lambda: scan.findall(text), args.runs),
        "review_proposal 2,000 chars": median_seconds(lambda: review_proposal(text), args.runs),
        "review_sheqing 2,000 chars": median_seconds(lambda: review_sheqing(text), args.runs),
        "review_proposal 12,000 chars": median_seconds(
            lambda: review_proposal(big), args.runs // 4
        ),
    }
    base = timings["re.findall (baseline)"]
    print(f"{'what':32} {'median ms':>10} {'× re scan':>10}")
    for name, seconds in timings.items():
        print(f"{name:32} {seconds * 1000:10.3f} {seconds / base:10.1f}")
    median = timings["review_proposal 2,000 chars"]
    verdict = "true" if median <= 0.010 else "false"
    print(f"review_proposal_2000_ms={median * 1000:.2f} target_ms=10 ok={verdict}")


if __name__ == "__main__":
    main()
