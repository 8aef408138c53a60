"""``trainingkit demo``: a whole cohort cycle on synthetic trainees (虚构示例).

- `run`: the demo's steps, in order (init → … → report);
- `plan`: who the synthetic trainees are and what each does;
- `simulate`, `answers`: their fetches, answers and submissions.

May import every other room but `hub` and `cli`.
"""
