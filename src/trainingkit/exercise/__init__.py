"""What runs inside a graded exercise notebook: answers without programming.

- `sheet`: `AnswerSheet` and ``answers.json``, used by every exercise notebook;
- `questions`: the kinds of question, their blank and self-check rules;
- `widgets`: the answer widgets (clicks and typing, no code).

May import: `trainingkit.checks`, `trainingkit.review`, `trainingkit.templating`.
Kept light: a graded notebook imports it once per trainee.
"""
