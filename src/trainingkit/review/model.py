"""A second opinion on a whole draft: a linear text model trained on the development half.

The rules read single sentences; this model reads the draft as a whole. For each
code it gives the probability that a reviewer would raise that code, from the
draft's words and pairs of neighbouring words (jieba-rs segmentation of the
normalised text) weighted by TF-IDF, through one logistic regression per code.
It was trained with scikit-learn by ``scripts/train_review_model.py`` on the
*development* half of ``tests/drafts`` only; the evaluation half never reaches
it. Its file, ``facts/review_model.json.gz``, holds the vocabulary, the IDF
weights and each code's coefficients, so predicting needs only the standard
library.

:func:`trainingkit.review.calibrate.calibrate`, used by every review, lets the
model decide how sure a rule's finding is, and add what the rules missed when it
is very sure; the thresholds are in the rule file's ``[model]`` table.

The file is read on the first review, once per process (about 30 ms).
"""

from __future__ import annotations

import gzip
import json
import math
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from operator import mul

from trainingkit.review.words import tokens

__all__ = ["MODEL_FILE", "Model", "features", "load_model", "words"]

MODEL_FILE = "review_model.json.gz"

#: The feature that tells the model a draft is a 社情民意 (a kind, not a word).
SHEQING_FEATURE = "<社情民意>"


def words(norm: str) -> list[str]:
    """The words of a normalised draft, in order (jieba-rs segmentation, no blanks).

    Example:
        >>> words("建议市公安局")
        ['建议', '市', '公安局']
    """
    return [t.word for t in tokens(norm).items if not t.word.isspace()]


def features(draft_words: list[str], kind: str) -> list[str]:
    """The model's features: the words, each pair of neighbouring words, and the kind.

    A pair ("没有 分析") reads a little of the order that single words lose. Training
    calls this very function, so the features cannot drift apart.

    Example:
        >>> features(["建议", "市", "公安局"], "sheqing")
        ['建议', '市', '公安局', '建议 市', '市 公安局', '<社情民意>']
    """
    pairs = [f"{a} {b}" for a, b in pairwise(draft_words)]
    kinds = [SHEQING_FEATURE] if kind == "sheqing" else []
    return [*draft_words, *pairs, *kinds]


@dataclass(frozen=True)
class Model:
    """The vocabulary, IDF and per-code logistic regressions of the trained model.

    The IDF and each code's weights are flat arrays of doubles, not tuples of floats:
    a draft touches about 700 of the 10,000 entries of each, between other work, and
    reading them from one block of memory instead of 10,000 float objects took the
    model's share of a review from 3.8 to 2.5 ms (round 16).
    """

    index: dict[str, int]
    idf: array[float]
    bias: dict[str, float]
    weights: dict[str, array[float]]
    meta: dict[str, object]

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes the model was trained for."""
        return tuple(self.weights)

    def vector(self, draft_features: Iterable[str]) -> tuple[list[int], list[float]]:
        """The L2-normalised TF-IDF vector of the features (sublinear term frequency),
        as the indices of its non-zero entries and their values."""
        counts = Counter(map(self.index.get, draft_features))
        where = [i for i in counts if i is not None]
        values = [(1.0 + math.log(counts[i])) * self.idf[i] for i in where]
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        return where, [v / norm for v in values]

    def probabilities(self, draft_features: Iterable[str]) -> dict[str, float]:
        """The probability of each code for a draft with these features."""
        where, values = self.vector(draft_features)
        result = {}
        for code, weights in self.weights.items():
            # Σ weight·value over the draft's few non-zero features (map keeps it in C).
            z = self.bias[code] + sum(map(mul, map(weights.__getitem__, where), values))
            result[code] = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
        return result

    def weight(self, code: str, word: str) -> float:
        """How much one word pushes towards ``code`` (0 for a word not in the vocabulary)."""
        i = self.index.get(word)
        return 0.0 if i is None else self.weights[code][i] * self.idf[i]


@lru_cache(maxsize=1)
def load_model() -> Model:
    """Read the trained model shipped in ``trainingkit/facts`` (once per process)."""
    raw = resources.files("trainingkit.facts").joinpath(MODEL_FILE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    return Model(
        index={w: i for i, w in enumerate(data["vocabulary"])},
        idf=array("d", data["idf"]),
        bias={c: float(v["bias"]) for c, v in data["codes"].items()},
        weights={c: array("d", v["weights"]) for c, v in data["codes"].items()},
        meta=data["meta"],
    )
