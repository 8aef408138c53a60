"""Domain knowledge as data: the facts in ``facts/*.toml`` and the end-of-module quizzes.

- `facts`: small loaders, one per kind of fact (each item keeps source, year, place);
- `items`: the item types those loaders return;
- `quizzes`: self-check quizzes, their loading and marking.

May import: `trainingkit.resources`, `trainingkit.checks`.
"""
