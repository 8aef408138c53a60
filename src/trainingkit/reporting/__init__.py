"""What instructors and organizers read about a cohort.

- `export`: scores, one row per trainee, as CSV or Excel;
- `progress`: fetched / submitted / graded / feedback for each trainee and exercise;
- `numbers`: question difficulty, follow-ups and drafts behind the report;
- `charts`: the report's charts; `report`: the one-file HTML report.

May import: `trainingkit.cohort`, `trainingkit.grading`, `trainingkit.review`.
"""
