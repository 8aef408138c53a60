"""A JupyterHub for a cohort: accounts from the roster, the nbgrader course service.

- `plan`: roster → accounts, groups, roles and paths (pure data);
- `hubconfig`: the single-machine configuration files;
- `k8s`: Zero to JupyterHub Helm values;
- `deploy`: ``hub config`` (write for review) and ``hub setup`` (apply as root);
- `accounts`, `passwords`: system accounts, initial passwords and the account list;
- `auth`, `spawner`: the classes the hub itself loads;
- `installed`, `reset`, `teardown`: a set-up hub read back from the kit's records,
  ``hub reset-password`` and ``hub teardown``.

Nothing here is imported by ``import trainingkit``.
"""

from __future__ import annotations

from trainingkit.hub.plan import Account, HubLayout, HubOptions, HubPlan, HubPlanError, build_plan

__all__ = ["Account", "HubLayout", "HubOptions", "HubPlan", "HubPlanError", "build_plan"]
