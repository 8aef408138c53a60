"""A second opinion on a whole draft: a linear text model trained on the development half.

The rules read single sentences; this model reads the draft as a whole. For each
code it gives the probability that a reviewer would raise that code, from the
draft's words and pairs of neighbouring words (jieba-rs segmentation of the
normalised text) and a few words for the draft's shape as the parser read it
(:func:`shape`), weighted by TF-IDF, through one logistic regression per code.
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from operator import itemgetter, mul

from trainingkit.review.config import RuleSet
from trainingkit.review.parse import Draft
from trainingkit.review.words import tokens

__all__ = ["MODEL_FILE", "Model", "features", "load_model", "shape", "words"]

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


def features(draft_words: list[str], kind: str, draft_shape: Iterable[str] = ()) -> list[str]:
    """The model's features: the words, each pair of neighbouring words, the kind and
    the draft's shape (:func:`shape`).

    A pair ("没有 分析") reads a little of the order that single words lose. Training
    calls this very function, so the features cannot drift apart.

    Example:
        >>> features(["建议", "市", "公安局"], "sheqing", ["<建议:标题:有>"])
        ['建议', '市', '公安局', '建议 市', '市 公安局', '<社情民意>', '<建议:标题:有>']
    """
    pairs = [f"{a} {b}" for a, b in pairwise(draft_words)]
    kinds = [SHEQING_FEATURE] if kind == "sheqing" else []
    return [*draft_words, *pairs, *kinds, *draft_shape]


_PARTS = {"situation": "情况", "analysis": "分析", "suggestions": "建议"}


def shape(draft: Draft, rules: RuleSet) -> list[str]:
    """What the parser read of the draft's parts, as a few words the model can weigh.

    For each part (情况、分析、建议): whether a heading names it, how many sentences it
    has, how many of them are that part only, and how long it is; and how many causal
    cues (``cue_analysis``: 原因、由于、导致 …) the body has. Each count is given as a
    band (sentences "0", "1", "2", "4" or "4+"; characters "0", "60", "150", "400" or
    "400+"; cues "0", "1", "3", "6" or "6+"), so a draft with no analysis says so in one
    word.
    Words alone cannot say that something is absent: the rules can, and this passes
    their reading on. It raised the average precision of missing_analysis from 0.65
    to 0.79 out of fold on the development half (round 17).

    Example:
        >>> from trainingkit.review import load_rules
        >>> from trainingkit.review.parse import parse_draft
        >>> rules = load_rules("proposal")
        >>> draft = parse_draft("关于加装电梯的建议\\n\\n建议市住建局加快推进。\\n", rules)
        >>> shape(draft, rules)[-3:]
        ['<建议:独有:1>', '<建议:长度:60>', '<因果:0>']
    """
    result = []
    for part, name in _PARTS.items():
        units = [u for u in draft.units if part in u.tags]
        headed = any(u.heading == part for u in draft.units)
        span = draft.part(part)
        length = 0 if span is None else span.end - span.start
        result += [
            f"<{name}:标题:{'有' if headed else '无'}>",
            f"<{name}:句数:{_band(len(units), (0, 1, 2, 4))}>",
            f"<{name}:独有:{_band(sum(u.tags == {part} for u in units), (0, 1, 2, 4))}>",
            f"<{name}:长度:{_band(length, (0, 60, 150, 400))}>",
        ]
    cues = rules.patterns["cue_analysis"].finditer(draft.norm, draft.body_start)
    result.append(f"<因果:{_band(sum(1 for _ in cues), (0, 1, 3, 6))}>")
    return result


def _band(count: int, edges: tuple[int, ...]) -> str:
    """The first edge ``count`` does not exceed, or the last edge with a "+"."""
    return next((str(edge) for edge in edges if count <= edge), f"{edges[-1]}+")


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
        if not where:
            return [], []
        tf = [1.0 + math.log(counts[i]) for i in where]
        values = list(map(mul, tf, _picker(where)(self.idf)))
        norm = math.sqrt(sum(map(mul, values, values))) or 1.0
        return where, [v / norm for v in values]

    def probabilities(self, draft_features: Iterable[str]) -> dict[str, float]:
        """The probability of each code for a draft with these features."""
        where, values = self.vector(draft_features)
        pick = _picker(where)
        result = {}
        for code, weights in self.weights.items():
            # Σ weight·value over the draft's few non-zero features, all in C: one
            # itemgetter call fetches them (0.85 ms for 13 codes, 1.4 ms with a
            # ``__getitem__`` per feature, round 18).
            z = self.bias[code] + sum(map(mul, pick(weights), values))
            result[code] = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
        return result

    def weight(self, code: str, word: str) -> float:
        """How much one word pushes towards ``code`` (0 for a word not in the vocabulary)."""
        i = self.index.get(word)
        return 0.0 if i is None else self.weights[code][i] * self.idf[i]


def _picker(where: list[int]) -> Callable[[array[float]], tuple[float, ...]]:
    """A function that returns the entries of an array at ``where``, as a tuple."""
    if len(where) == 1:  # itemgetter of one index returns the entry itself
        (only,) = where
        return lambda entries: (entries[only],)
    return itemgetter(*where) if where else lambda entries: ()


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
