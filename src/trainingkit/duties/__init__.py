"""Members' duties: the duty summary, the rules it is checked against, the checks.

- `summary`: the duty-summary contract (one row per member and year, count columns);
- `rules`: rule sets, contact rules and assessment schemes as data types;
- `rule_files`: reading built-in and organizers' rule files into those types;
- `evaluate`: compliance with a rule set and scores under a scheme.

May import: `trainingkit.resources`, `trainingkit.knowledge`.
"""
