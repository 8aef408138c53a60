#!/usr/bin/env bash
# The main job: set up, then run the whole cohort demo (see README). Extra
# arguments go to `trainingkit demo`, e.g. ./run.sh --no-lab --trainees 20
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/scripts/setup.sh" main
exec "$here/.venv/bin/trainingkit" demo "$@"
