"""A cohort: one nbgrader course directory and the instructor's work on it.

- `directory`: `Cohort`, the one object that knows every path of a cohort;
- `config`: the generated ``nbgrader_config.py`` and the settings it applies;
- `roster`, `spreadsheets`: the trainees, read from office spreadsheets;
- `assignments`: release, collect and the schedule of due dates.

May import: the standard library, nbgrader, and `trainingkit.resources`.
"""
