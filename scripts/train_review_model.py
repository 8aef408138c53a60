"""Train the 提案体检 text model on the development half of tests/drafts.

    .venv/bin/python scripts/train_review_model.py          # writes facts/review_model.json.gz
    .venv/bin/python scripts/train_review_model.py --check  # exit 1 if the file differs

Needs scikit-learn (``pip install -e '.[train]'``, part of ``.[dev]``). The split is
the one in tests/test_review_quality.py (imported, not copied): only development
drafts are read, and the file records the SHA-1 of their names and labels, which
tests/test_review_model.py compares with the corpus.

The model: each draft's words, pairs of neighbouring words and shape as the
parser read it (trainingkit.review.model.features and .shape, the functions the
review itself calls) →
TF-IDF over the 10,000 most frequent of them seen in at least 3 drafts
(sublinear tf, L2) → one class-balanced logistic regression per code (C = 16).
The settings were chosen by 5-fold cross-validation grouped by batch on the
development half (see docs/review_quality.md, rounds fifteen to seventeen).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests"))

import test_review_quality as quality  # noqa: E402

from trainingkit.review import load_rules  # noqa: E402
from trainingkit.review.model import MODEL_FILE, features, shape, words  # noqa: E402
from trainingkit.review.parse import parse_draft  # noqa: E402

OUT = HERE / "src" / "trainingkit" / "facts" / MODEL_FILE
MAX_FEATURES = 10000
MIN_DRAFTS = 3
C = 16.0


def development_set() -> tuple[list[str], str]:
    """The development drafts' names, and the SHA-1 of their names and labels."""
    names = quality._names("development")  # sorted
    digest = hashlib.sha1()
    for name in names:
        label = quality.LABELS[name]
        digest.update(f"{name}\t{label['kind']}\t{sorted(label['codes'])}\n".encode())
    return names, digest.hexdigest()


def fit() -> tuple[Any, dict[str, Any], list[list[str]]]:
    """Fit the vectoriser and one regression per code on the development half.

    Returns the vectoriser, the regressions by code, and the drafts' features.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    names, _ = development_set()
    rules = {kind: load_rules(kind) for kind in ("proposal", "sheqing")}
    docs = []
    for name in names:
        text = (quality.DRAFTS / name).read_text(encoding="utf-8-sig")
        kind = str(quality.LABELS[name]["kind"])
        draft = parse_draft(text, rules[kind])  # as the review parses it, norm and all
        docs.append(features(words(draft.norm), kind, shape(draft, rules[kind])))
    vectoriser = TfidfVectorizer(
        analyzer=_same, min_df=MIN_DRAFTS, max_features=MAX_FEATURES, sublinear_tf=True
    )
    matrix = vectoriser.fit_transform(docs)
    fits = {}
    for code in load_rules("proposal").data["model"]["codes"]:
        y = [code in quality.LABELS[name]["codes"] for name in names]
        fits[code] = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, y)
    return vectoriser, fits, docs


def _same(items: list[str]) -> list[str]:
    return items


def train() -> dict[str, Any]:
    """Fit the model and return it as the JSON-ready dict the review reads."""
    vectoriser, fits, _ = fit()
    return model_file(vectoriser, fits)


def model_file(vectoriser: Any, fits: dict[str, Any]) -> dict[str, Any]:
    """A fitted vectoriser and regressions as the JSON-ready dict the review reads."""
    import sklearn

    names, digest = development_set()
    return {
        "meta": {
            "trained_on": "development half of tests/drafts",
            "drafts": len(names),
            "sha1": digest,
            "scikit_learn": sklearn.__version__,
            "max_features": MAX_FEATURES,
            "min_drafts": MIN_DRAFTS,
            "C": C,
        },
        "vocabulary": [str(w) for w in vectoriser.get_feature_names_out()],
        "idf": [round(float(v), 6) for v in vectoriser.idf_],
        "codes": {
            code: {
                "bias": round(float(model.intercept_[0]), 6),
                "weights": [round(float(w), 6) for w in model.coef_[0]],
                "drafts": sum(code in quality.LABELS[name]["codes"] for name in names),
            }
            for code, model in fits.items()
        },
    }


def _plain(value: Any) -> Any:
    """``value`` without the scikit-learn version, which may differ between machines."""
    return (
        {k: v for k, v in value.items() if k != "scikit_learn"}
        if isinstance(value, dict)
        else value
    )


def differences(a: dict[str, Any], b: dict[str, Any], tolerance: float = 1e-3) -> list[str]:
    """What differs between two models beyond rounding (empty when they agree).

    Two fits on different machines may differ in the last digits (BLAS), so the
    coefficients are compared within ``tolerance``, the rest exactly.
    """
    found = [key for key in ("vocabulary", "meta") if _plain(a[key]) != _plain(b[key])]
    if set(a["codes"]) != set(b["codes"]):
        found.append("codes")
    if found:
        return found
    worst = max(abs(x - y) for x, y in zip(a["idf"], b["idf"], strict=True))
    if worst > tolerance:
        found.append(f"idf {worst:.2g}")
    for code in a["codes"]:
        x, y = a["codes"][code], b["codes"][code]
        pairs = zip([x["bias"], *x["weights"]], [y["bias"], *y["weights"]], strict=True)
        worst = max(abs(p - q) for p, q in pairs)
        if worst > tolerance:
            found.append(f"{code} {worst:.2g}")
    return found


def shipped() -> dict[str, Any]:
    """The model file as it is in the package."""
    return json.loads(gzip.decompress(OUT.read_bytes()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    args = parser.parse_args()
    model = train()
    blob = json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode()
    if args.check:
        found = differences(model, shipped()) if OUT.exists() else ["no file"]
        print(
            f"模型需要重新训练 / retrain: {found}" if found else "模型与训练结果一致 / up to date"
        )
        return 1 if found else 0
    OUT.write_bytes(gzip.compress(blob, mtime=0))
    print(
        f"wrote {OUT.relative_to(HERE)}: {len(model['vocabulary'])} features, "
        f"{len(model['codes'])} codes, {model['meta']['drafts']} drafts"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
