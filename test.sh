#!/usr/bin/env bash
# Every test: set up (venv, Chromium, CJK font, JupyterHub proxy), lint, type-check, pytest.
# Extra arguments go to pytest, e.g. ./test.sh -k review
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/scripts/setup.sh" test
export PATH="$here/node_modules/.bin:$here/.venv/bin:$PATH"
cd "$here"
echo "==> ruff"
ruff check src tests benchmarks
ruff format --check src tests benchmarks
echo "==> mypy"
mypy
echo "==> pytest"
exec python -m pytest "$@"
